#define G_LOG_DOMAIN "rd-comparison"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rd-analysis.h"
#include "rd-comparison.h"

/* The 97.5 % point of the standard normal distribution: a two-sided 95 %
 * interval. */
#define Z_95 1.96

/* Slots of the precomputed distributions: factors, gaps, then areas. */
#define GAP_SLOT(f) (RD_N_FACTORS + (f))
#define AREA_SLOT(a) (2 * RD_N_FACTORS + (a))

typedef struct
{
  RdSchoolScores *scores;
  char *name_key;
} Row;

struct _RdComparison
{
  GObject parent_instance;

  GPtrArray *rows;                  /* of Row; shared by filtered comparisons, never changed */
  guint *members;                   /* positions in rows of this comparison's schools */
  guint n_members;
  guint n_areas;
  RdDistribution *distributions;    /* per slot */
  double *sorted[RD_N_FACTORS];     /* the schools' readiness, ascending, NANs left out */
};

G_DEFINE_BOXED_TYPE (RdSchoolScores, rd_school_scores, rd_school_scores_copy, rd_school_scores_free)

G_DEFINE_FINAL_TYPE (RdComparison, rd_comparison, G_TYPE_OBJECT)

/* All figures NAN, so that whatever the store leaves unset reads as unknown. */
RdSchoolScores *
rd_school_scores_new (guint n_areas)
{
  RdSchoolScores *scores = g_new0 (RdSchoolScores, 1);

  for (guint f = 0; f < RD_N_FACTORS; f++)
    {
      scores->factor[f] = NAN;
      scores->factor_spread[f] = NAN;
      scores->target[f] = NAN;
    }
  scores->n_areas = n_areas;
  scores->area = n_areas > 0 ? g_new (double, n_areas) : NULL;
  for (guint a = 0; a < n_areas; a++)
    scores->area[a] = NAN;
  return scores;
}

RdSchoolScores *
rd_school_scores_copy (const RdSchoolScores *scores)
{
  RdSchoolScores *copy;

  g_return_val_if_fail (scores != NULL, NULL);

  copy = g_memdup2 (scores, sizeof *scores);
  copy->school_name = g_strdup (scores->school_name);
  copy->region = g_strdup (scores->region);
  copy->framework_version = g_strdup (scores->framework_version);
  copy->area = scores->n_areas > 0 ? g_memdup2 (scores->area, scores->n_areas * sizeof (double)) : NULL;
  return copy;
}

void
rd_school_scores_free (RdSchoolScores *scores)
{
  if (scores == NULL)
    return;
  g_free (scores->school_name);
  g_free (scores->region);
  g_free (scores->framework_version);
  g_free (scores->area);
  g_free (scores);
}

/* How many of @schools (of RdSchoolScores) answered another edition of
 * @framework than its own: their kept scores count only their answers to
 * the questions that are the same in it. Those editions' versions are added
 * to @versions (of char *, may be NULL) once each. */
guint
rd_school_scores_count_other_editions (GPtrArray   *schools,
                                       RdFramework *framework,
                                       GPtrArray   *versions)
{
  guint n = 0;

  for (guint i = 0; i < schools->len; i++)
    {
      const RdSchoolScores *scores = g_ptr_array_index (schools, i);

      if (scores->framework_version == NULL ||
          g_str_equal (scores->framework_version, rd_framework_get_version (framework)))
        continue;
      n++;
      if (versions != NULL &&
          !g_ptr_array_find_with_equal_func (versions, scores->framework_version, g_str_equal, NULL))
        g_ptr_array_add (versions, g_strdup (scores->framework_version));
    }
  return n;
}

static void
row_free (Row *row)
{
  rd_school_scores_free (row->scores);
  g_free (row->name_key);
  g_free (row);
}

static void
rd_comparison_finalize (GObject *object)
{
  RdComparison *self = RD_COMPARISON (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_free);
  g_clear_pointer (&self->distributions, g_free);
  for (guint f = 0; f < RD_N_FACTORS; f++)
    g_clear_pointer (&self->sorted[f], g_free);

  G_OBJECT_CLASS (rd_comparison_parent_class)->finalize (object);
}

static void
rd_comparison_class_init (RdComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_comparison_finalize;
}

static void
rd_comparison_init (RdComparison *self)
{
}

static inline const Row *
member_row (RdComparison *self,
            guint         school)
{
  return g_ptr_array_index (self->rows, self->members[school]);
}

static double
row_value (const Row          *row,
           RdComparisonColumn  column,
           guint               index)
{
  const RdSchoolScores *scores = row->scores;

  switch (column)
    {
    case RD_COMPARISON_COLUMN_FACTOR:
      return scores->factor[index];
    case RD_COMPARISON_COLUMN_GAP:
      return rd_gap_to_target (scores->factor[index], scores->target[index]);
    case RD_COMPARISON_COLUMN_AREA:
      return index < scores->n_areas ? scores->area[index] : NAN;
    case RD_COMPARISON_COLUMN_NAME:
    default:
      return NAN;
    }
}

static gboolean
column_is_valid (RdComparison       *self,
                 RdComparisonColumn  column,
                 guint               index)
{
  switch (column)
    {
    case RD_COMPARISON_COLUMN_NAME:
      return TRUE;
    case RD_COMPARISON_COLUMN_FACTOR:
    case RD_COMPARISON_COLUMN_GAP:
      return index < RD_N_FACTORS;
    case RD_COMPARISON_COLUMN_AREA:
      return index < self->n_areas;
    default:
      return FALSE;
    }
}

/* The value at rank k once the value at rank skip is taken out. */
static inline double
rank_skipping (const double *sorted,
               guint         skip,
               guint         k)
{
  return k < skip ? sorted[k] : sorted[k + 1];
}

static double
quantile_skipping (const double *sorted,
                   guint         n,
                   guint         skip,
                   double        p)
{
  guint m = skip < n ? n - 1 : n;
  double h, low;
  guint k;

  if (m == 0)
    return NAN;

  h = (m - 1) * p;
  k = (guint) floor (h);
  low = rank_skipping (sorted, skip, k);
  if (k + 1 >= m)
    return low;
  return low + (h - k) * (rank_skipping (sorted, skip, k + 1) - low);
}

/* A double's bits as an unsigned key in the same order (NAN aside): the
 * sign bit set for positives, every bit flipped for negatives. */
static inline guint64
order_key (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return (bits >> 63) != 0 ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

static inline double
key_value (guint64 key)
{
  guint64 bits = (key >> 63) != 0 ? key & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~key;
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

static void
insertion_sort (double *values,
                gsize   n)
{
  for (gsize i = 1; i < n; i++)
    {
      double value = values[i];
      gsize j = i;

      for (; j > 0 && values[j - 1] > value; j--)
        values[j] = values[j - 1];
      values[j] = value;
    }
}

/**
 * rd_sort_doubles:
 * @values: (array length=n): numbers, no NAN
 *
 * Sorts @values in ascending order, in place. A region's comparison sorts
 * seventeen columns of thousands of schools; a radix sort on the bits
 * does that four times quicker than qsort() (a byte is skipped where
 * every value has the same one, as the high bytes of scores mostly do).
 */
void
rd_sort_doubles (double *values,
                 gsize   n)
{
  gsize counts[8][256] = { { 0 } };
  g_autofree guint64 *keys = NULL, *spare = NULL;

  if (n < 64)
    {
      insertion_sort (values, n);
      return;
    }

  keys = g_new (guint64, n);
  spare = g_new (guint64, n);
  for (gsize i = 0; i < n; i++)
    {
      keys[i] = order_key (values[i]);
      for (guint byte = 0; byte < 8; byte++)
        counts[byte][(keys[i] >> (8 * byte)) & 0xff]++;
    }

  for (guint byte = 0; byte < 8; byte++)
    {
      gsize *count = counts[byte], start = 0;
      guint64 *swap;

      if (count[(keys[0] >> (8 * byte)) & 0xff] == n)
        continue;
      for (guint digit = 0; digit < 256; digit++)
        {
          gsize here = count[digit];

          count[digit] = start;
          start += here;
        }
      for (gsize i = 0; i < n; i++)
        spare[count[(keys[i] >> (8 * byte)) & 0xff]++] = keys[i];
      swap = keys;
      keys = spare;
      spare = swap;
    }

  for (gsize i = 0; i < n; i++)
    values[i] = key_value (keys[i]);
}

/**
 * rd_quantile_sorted:
 * @sorted: (array length=n): values in ascending order, no NAN
 * @n: the number of values
 * @p: the fraction, 0 to 1
 *
 * The quantile by linear interpolation between order statistics, as
 * spreadsheets' QUARTILE.INC and PERCENTILE.INC compute it.
 *
 * Returns: the quantile, or NAN when @n is 0
 */
double
rd_quantile_sorted (const double *sorted,
                    guint         n,
                    double        p)
{
  g_return_val_if_fail (sorted != NULL || n == 0, NAN);
  g_return_val_if_fail (p >= 0.0 && p <= 1.0, NAN);

  return quantile_skipping (sorted, n, G_MAXUINT, p);
}

static void
describe (RdDistribution *distribution,
          const double   *sorted,
          guint           n,
          guint           n_schools)
{
  distribution->n = n;
  distribution->n_missing = n_schools - n;
  distribution->min = n > 0 ? sorted[0] : NAN;
  distribution->q1 = quantile_skipping (sorted, n, G_MAXUINT, 0.25);
  distribution->median = quantile_skipping (sorted, n, G_MAXUINT, 0.5);
  distribution->q3 = quantile_skipping (sorted, n, G_MAXUINT, 0.75);
  distribution->max = n > 0 ? sorted[n - 1] : NAN;
}

/* Everything is computed here, once, so that the object never changes
 * afterwards and may be read from any thread. */
static RdComparison *
comparison_new (GPtrArray *rows,
                guint     *members,
                guint      n_members,
                guint      n_areas)
{
  RdComparison *self = g_object_new (RD_TYPE_COMPARISON, NULL);
  guint n_slots = AREA_SLOT (n_areas);
  g_autofree double *values = g_new (double, MAX (n_members, 1));

  self->rows = g_ptr_array_ref (rows);
  self->members = members;
  self->n_members = n_members;
  self->n_areas = n_areas;
  self->distributions = g_new0 (RdDistribution, n_slots);

  for (guint slot = 0; slot < n_slots; slot++)
    {
      RdComparisonColumn column = RD_COMPARISON_COLUMN_AREA;
      guint index = slot - AREA_SLOT (0), n = 0;

      if (slot < RD_N_FACTORS)
        {
          column = RD_COMPARISON_COLUMN_FACTOR;
          index = slot;
        }
      else if (slot < AREA_SLOT (0))
        {
          column = RD_COMPARISON_COLUMN_GAP;
          index = slot - GAP_SLOT (0);
        }

      for (guint i = 0; i < n_members; i++)
        {
          double value = row_value (member_row (self, i), column, index);

          if (!isnan (value))
            values[n++] = value;
        }
      rd_sort_doubles (values, n);
      describe (&self->distributions[slot], values, n, n_members);

      if (column == RD_COMPARISON_COLUMN_FACTOR)
        self->sorted[index] = g_memdup2 (values, MAX (n, 1) * sizeof (double));
    }

  return self;
}

/**
 * rd_comparison_new:
 * @schools: (element-type RdSchoolScores): one entry per school
 * @n_areas: the framework's number of areas
 *
 * Compares the schools. The comparison keeps its own copy of @schools.
 * A school with fewer than @n_areas area scores reads NAN for the rest.
 *
 * Returns: (transfer full): a new comparison
 */
/* Takes @scores: each school's figures are kept once, not twice. */
static RdComparison *
comparison_new_owning (RdSchoolScores **scores,
                       guint            n_schools,
                       guint            n_areas)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_schools, (GDestroyNotify) row_free);
  guint *members = g_new (guint, MAX (n_schools, 1));

  for (guint i = 0; i < n_schools; i++)
    {
      Row *row = g_new (Row, 1);

      row->scores = scores[i];
      row->name_key = g_utf8_collate_key (scores[i]->school_name != NULL ? scores[i]->school_name : "", -1);
      g_ptr_array_add (rows, row);
      members[i] = i;
    }

  return comparison_new (rows, members, n_schools, n_areas);
}

RdComparison *
rd_comparison_new (GPtrArray *schools,
                   guint      n_areas)
{
  g_autofree RdSchoolScores **copies = NULL;

  g_return_val_if_fail (schools != NULL, NULL);

  copies = g_new (RdSchoolScores *, MAX (schools->len, 1));
  for (guint i = 0; i < schools->len; i++)
    copies[i] = rd_school_scores_copy (g_ptr_array_index (schools, i));
  return comparison_new_owning (copies, schools->len, n_areas);
}

/**
 * rd_comparison_new_take:
 * @schools: (transfer full): of #RdSchoolScores, as rd_store_list_school_scores() hands them over
 *
 * As rd_comparison_new(), but the comparison keeps the schools' figures
 * themselves instead of a copy: at 10,000 schools that is 3 MB and a
 * twentieth of the time less. @schools is left empty and unreferenced.
 */
RdComparison *
rd_comparison_new_take (GPtrArray *schools,
                        guint      n_areas)
{
  guint n_schools;
  g_autofree RdSchoolScores **scores = NULL;

  g_return_val_if_fail (schools != NULL, NULL);

  n_schools = schools->len;
  scores = (RdSchoolScores **) g_ptr_array_steal (schools, NULL);
  g_ptr_array_unref (schools);
  return comparison_new_owning (scores, n_schools, n_areas);
}

static gboolean
tag_matches (const char *tag,
             const char *wanted)
{
  if (wanted == NULL || *wanted == '\0')
    return TRUE;
  return tag != NULL && strcmp (tag, wanted) == 0;
}

/**
 * rd_comparison_filter:
 * @region: (nullable): the region to keep; NULL or "": any
 * @school_type: the school type to keep; %RD_SCHOOL_TYPE_UNSET: any
 *
 * The schools of @self with both, in the same order, compared among
 * themselves: distributions, the others' median and so on are those of the
 * filtered schools. The schools' figures are shared, not copied.
 *
 * Returns: (transfer full): a new comparison, or @self (a comparison does
 *   not change) when every school is kept
 */
RdComparison *
rd_comparison_filter (RdComparison *self,
                      const char   *region,
                      RdSchoolType  school_type)
{
  guint *members;
  guint n = 0;

  g_return_val_if_fail (RD_IS_COMPARISON (self), NULL);

  members = g_new (guint, MAX (self->n_members, 1));
  for (guint i = 0; i < self->n_members; i++)
    {
      const RdSchoolScores *scores = member_row (self, i)->scores;

      if (tag_matches (scores->region, region) &&
          (school_type == RD_SCHOOL_TYPE_UNSET || scores->school_type == school_type))
        members[n++] = self->members[i];
    }

  if (n == self->n_members)
    {
      g_free (members);
      return g_object_ref (self);
    }
  return comparison_new (self->rows, members, n, self->n_areas);
}

guint
rd_comparison_get_n_schools (RdComparison *self)
{
  g_return_val_if_fail (RD_IS_COMPARISON (self), 0);
  return self->n_members;
}

guint
rd_comparison_get_n_areas (RdComparison *self)
{
  g_return_val_if_fail (RD_IS_COMPARISON (self), 0);
  return self->n_areas;
}

/* Schools are numbered 0 … n − 1 in the order they were given (a filtered
 * comparison keeps its parent's order). */
const RdSchoolScores *
rd_comparison_get_school (RdComparison *self,
                          guint         index)
{
  g_return_val_if_fail (RD_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->n_members, NULL);
  return member_row (self, index)->scores;
}

/* A cell of the table; NAN when unknown. Not for the name column. */
double
rd_comparison_get_value (RdComparison       *self,
                         guint               school,
                         RdComparisonColumn  column,
                         guint               index)
{
  g_return_val_if_fail (RD_IS_COMPARISON (self), NAN);
  g_return_val_if_fail (school < self->n_members, NAN);
  g_return_val_if_fail (column != RD_COMPARISON_COLUMN_NAME, NAN);
  g_return_val_if_fail (column_is_valid (self, column, index), NAN);
  return row_value (member_row (self, school), column, index);
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_tags (RdComparison *self,
           gsize         offset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; i < self->n_members; i++)
    {
      const char *tag = G_STRUCT_MEMBER (const char *, member_row (self, i)->scores, offset);

      if (tag != NULL && *tag != '\0' && g_hash_table_add (seen, (gpointer) tag))
        g_ptr_array_add (tags, g_strdup (tag));
    }
  g_ptr_array_sort (tags, compare_tags);
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* The distinct regions of the schools, in the user's alphabetical order:
 * the choices of a filter. */
GStrv
rd_comparison_list_regions (RdComparison *self)
{
  g_return_val_if_fail (RD_IS_COMPARISON (self), NULL);
  return list_tags (self, G_STRUCT_OFFSET (RdSchoolScores, region));
}

/* The types the schools have, in the order of RdSchoolType (primary
 * first), without RD_SCHOOL_TYPE_UNSET: the choices of a filter. */
GArray *
rd_comparison_list_school_types (RdComparison *self)
{
  gboolean present[RD_N_SCHOOL_TYPES] = { FALSE };
  GArray *types = g_array_new (FALSE, FALSE, sizeof (RdSchoolType));

  g_return_val_if_fail (RD_IS_COMPARISON (self), types);

  for (guint i = 0; i < self->n_members; i++)
    {
      RdSchoolType school_type = member_row (self, i)->scores->school_type;

      if (school_type < RD_N_SCHOOL_TYPES)
        present[school_type] = TRUE;
    }
  for (RdSchoolType t = RD_SCHOOL_TYPE_UNSET + 1; t < RD_N_SCHOOL_TYPES; t++)
    if (present[t])
      g_array_append_val (types, t);
  return types;
}

/**
 * rd_comparison_get_distribution:
 * @column: a factor, gap or area column
 * @distribution: (out caller-allocates): the five figures
 *
 * Min, quartiles (see the header: QUARTILE.INC) and max over the schools
 * that have a value in the column.
 */
void
rd_comparison_get_distribution (RdComparison       *self,
                                RdComparisonColumn  column,
                                guint               index,
                                RdDistribution     *distribution)
{
  guint slot;

  g_return_if_fail (RD_IS_COMPARISON (self));
  g_return_if_fail (column != RD_COMPARISON_COLUMN_NAME);
  g_return_if_fail (column_is_valid (self, column, index));
  g_return_if_fail (distribution != NULL);

  if (column == RD_COMPARISON_COLUMN_FACTOR)
    slot = index;
  else if (column == RD_COMPARISON_COLUMN_GAP)
    slot = GAP_SLOT (index);
  else
    slot = AREA_SLOT (index);
  *distribution = self->distributions[slot];
}

/* Strictly below: a school exactly on its target has reached it. */
static gboolean
is_below_target (const RdSchoolScores *scores,
                 RdFactor              factor)
{
  return scores->factor[factor] < scores->target[factor];
}

void
rd_comparison_count_below_target (RdComparison  *self,
                                  RdFactor       factor,
                                  RdTargetCount *count)
{
  g_return_if_fail (RD_IS_COMPARISON (self));
  g_return_if_fail (factor < RD_N_FACTORS);
  g_return_if_fail (count != NULL);

  *count = (RdTargetCount) { 0 };
  for (guint i = 0; i < self->n_members; i++)
    {
      const RdSchoolScores *scores = member_row (self, i)->scores;

      if (isnan (scores->factor[factor]) || isnan (scores->target[factor]))
        count->unknown++;
      else if (is_below_target (scores, factor))
        count->below++;
      else
        count->reached++;
    }
}

/**
 * rd_comparison_is_below_target:
 *
 * Whether the school is one that rd_comparison_count_below_target()
 * counts below: its readiness and its target known, the readiness
 * strictly lower.
 */
gboolean
rd_comparison_is_below_target (RdComparison *self,
                               guint         school,
                               RdFactor      factor)
{
  g_return_val_if_fail (RD_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (school < self->n_members, FALSE);
  g_return_val_if_fail (factor < RD_N_FACTORS, FALSE);

  /* NAN compares false. */
  return is_below_target (member_row (self, school)->scores, factor);
}

/**
 * rd_comparison_get_others_distribution:
 * @school: the school left out
 * @column: a factor, gap or area column
 * @distribution: (out caller-allocates): the five figures
 *
 * As rd_comparison_get_distribution(), over the other schools: what one
 * school is set against.
 */
void
rd_comparison_get_others_distribution (RdComparison       *self,
                                       guint               school,
                                       RdComparisonColumn  column,
                                       guint               index,
                                       RdDistribution     *distribution)
{
  g_autofree double *values = NULL;
  guint n = 0;

  g_return_if_fail (RD_IS_COMPARISON (self));
  g_return_if_fail (school < self->n_members);
  g_return_if_fail (column != RD_COMPARISON_COLUMN_NAME);
  g_return_if_fail (column_is_valid (self, column, index));
  g_return_if_fail (distribution != NULL);

  values = g_new (double, MAX (self->n_members, 1));
  for (guint s = 0; s < self->n_members; s++)
    {
      double value = s != school ? row_value (member_row (self, s), column, index) : NAN;

      if (!isnan (value))
        values[n++] = value;
    }
  rd_sort_doubles (values, n);
  describe (distribution, values, n, self->n_members - 1);
}

typedef struct
{
  RdComparison *self;
  const double *values;   /* per school; NULL when sorting by name */
  gboolean descending;
} SortContext;

static int
compare_names (RdComparison *self,
               guint         a,
               guint         b,
               gboolean      descending)
{
  int order = strcmp (member_row (self, a)->name_key, member_row (self, b)->name_key);

  if (descending)
    order = -order;
  /* Equal names keep the given order, so every sort is reproducible. */
  return order != 0 ? order : (a > b) - (a < b);
}

static int
compare_schools (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SortContext *context = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x, y;
  int order;

  if (context->values == NULL)
    return compare_names (context->self, i, j, context->descending);

  x = context->values[i];
  y = context->values[j];
  if (isnan (x) || isnan (y))
    order = (isnan (x) ? 1 : 0) - (isnan (y) ? 1 : 0);
  else
    order = context->descending ? (x < y) - (x > y) : (x > y) - (x < y);

  return order != 0 ? order : compare_names (context->self, i, j, FALSE);
}

/**
 * rd_comparison_sort:
 * @column: the column to sort by
 * @index: the factor or area of @column
 * @descending: highest first (or Z to A)
 *
 * An order of the schools by one column. Schools without a value come last
 * in both directions; ties, among them the schools without a value, go by
 * name A to Z in the user's language. Sorting by gap puts the schools
 * furthest below target first when @descending; those that reached it
 * all have the gap 0, so they follow by name.
 *
 * Returns: (transfer full) (element-type guint): school indices
 */
GArray *
rd_comparison_sort (RdComparison       *self,
                    RdComparisonColumn  column,
                    guint               index,
                    gboolean            descending)
{
  g_autofree double *values = NULL;
  SortContext context;
  GArray *order;

  g_return_val_if_fail (RD_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (column_is_valid (self, column, index), NULL);

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_members);
  for (guint i = 0; i < self->n_members; i++)
    g_array_append_val (order, i);

  /* Read each value once, not in every comparison. */
  if (column != RD_COMPARISON_COLUMN_NAME)
    {
      values = g_new (double, MAX (self->n_members, 1));
      for (guint i = 0; i < self->n_members; i++)
        values[i] = row_value (member_row (self, i), column, index);
    }

  context = (SortContext) { self, values, descending };
  g_array_sort_with_data (order, compare_schools, &context);
  return order;
}

/* The rank of value in the ascending array: any of equal values will do,
 * since taking out either leaves the same numbers. */
static guint
find_rank (const double *sorted,
           guint         n,
           double        value)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (sorted[middle] < value)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/**
 * rd_comparison_get_difference:
 * @school: the school's index
 * @factor: the factor
 * @difference: (out caller-allocates): the verdict and its figures
 *
 * Whether the school's readiness differs meaningfully from the median of
 * the other schools of this comparison; the header says how.
 */
void
rd_comparison_get_difference (RdComparison       *self,
                              guint               school,
                              RdFactor            factor,
                              RdFactorDifference *difference)
{
  const RdSchoolScores *scores;
  const double *sorted;
  guint n, n_behind, skip = G_MAXUINT;
  double spread, half;

  g_return_if_fail (RD_IS_COMPARISON (self));
  g_return_if_fail (school < self->n_members);
  g_return_if_fail (factor < RD_N_FACTORS);
  g_return_if_fail (difference != NULL);

  scores = member_row (self, school)->scores;
  sorted = self->sorted[factor];
  n = self->distributions[factor].n;

  *difference = (RdFactorDifference) {
    .difference = RD_DIFFERENCE_NONE,
    .value = scores->factor[factor],
    .low = NAN,
    .high = NAN,
  };

  if (!isnan (difference->value))
    skip = find_rank (sorted, n, difference->value);
  difference->n_others = skip < n ? n - 1 : n;
  difference->others_median = quantile_skipping (sorted, n, skip, 0.5);

  spread = scores->factor_spread[factor];
  /* Respondents without a readiness of their own add nothing to its precision. */
  n_behind = scores->factor_n[factor] > 0 ? scores->factor_n[factor] : scores->n_respondents;
  if (isnan (difference->value) || difference->n_others == 0 || n_behind < 2 || !(spread >= 0.0))
    return;

  half = Z_95 * spread / sqrt (n_behind);
  difference->tested = TRUE;
  difference->low = difference->value - half;
  difference->high = difference->value + half;
  if (difference->value - difference->others_median > half)
    difference->difference = RD_DIFFERENCE_ABOVE;
  else if (difference->others_median - difference->value > half)
    difference->difference = RD_DIFFERENCE_BELOW;
}
