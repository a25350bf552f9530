/* The database and the helpers both screenshot programs share: one
 * school followed for three years and a region of schools around it,
 * made through the store, and a window rendered to a PNG. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "screenshot-fixture.h"

const char *screenshot_output_dir;
gboolean save_focus;
const FixtureShift *fixture_shifts;

/* How far @item_id's answers of @school_year lean up or down. */
static double
shift_of (const char *item_id,
          const char *school_year)
{
  for (const FixtureShift *s = fixture_shifts; s != NULL && s->item_id != NULL; s++)
    if (g_str_equal (s->item_id, item_id) && g_str_equal (s->school_year, school_year))
      return s->shift;
  return 0;
}

void
fail (const char   *what,
      const GError *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname (), what, error ? error->message : "failed");
  exit (1);
}


void
wait_for_idle (void)
{
  for (guint i = 0; i < 10; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
}

/* What a window shows, without the shadow GTK draws around it. */
static gboolean
content_bounds (GtkWidget       *window,
                graphene_rect_t *bounds)
{
  GtkWidget *titlebar, *child;
  graphene_rect_t title_bounds;

  if (ADW_IS_APPLICATION_WINDOW (window))
    return gtk_widget_compute_bounds (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                                      window, bounds);
  if (ADW_IS_WINDOW (window))
    return gtk_widget_compute_bounds (adw_window_get_content (ADW_WINDOW (window)), window, bounds);
  child = gtk_window_get_child (GTK_WINDOW (window));
  if (child == NULL || !gtk_widget_compute_bounds (child, window, bounds))
    return FALSE;
  titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  if (titlebar != NULL && gtk_widget_get_visible (titlebar) &&
      gtk_widget_compute_bounds (titlebar, window, &title_bounds))
    graphene_rect_union (bounds, &title_bounds, bounds);
  return TRUE;
}

/* The window without the frame GTK draws around it when there is no
 * compositor: the bounds of its content. */
void
save (GtkWidget  *window,
      const char *name)
{
  g_autofree char *path = g_build_filename (screenshot_output_dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  graphene_rect_t bounds;
  int width, height;

  if (!save_focus)
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
  /* Without a compositor GTK frames the window for resizing; a screenshot
   * from a desktop shows no such frame. */
  gtk_widget_remove_css_class (window, "solid-csd");
  gtk_test_widget_wait_for_draw (window);
  wait_for_idle ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  if (!content_bounds (window, &bounds))
    graphene_rect_init (&bounds, 0, 0, width, height);

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("take-screenshots: cannot write %s\n", path);
      exit (1);
    }
  g_print ("%s (%d × %d)\n", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

/* Plausible ranges for the numbers asked, and which way is better. */
static const struct { const char *item_id; double worst, best; } number_ranges[] = {
  { "con-bandwidth", 50, 1000 },
  { "con-outage-days", 12, 0 },
  { "dev-learners-per-device", 8, 1 },
  { "dev-repair-days", 20, 1 },
  { "trn-support-response", 10, 0 },
};

double
plausible_number (RdItem *item,
                  double  u)
{
  double min = rd_item_get_min (item), max = MIN (rd_item_get_max (item), min + 1000);

  for (guint i = 0; i < G_N_ELEMENTS (number_ranges); i++)
    if (g_str_equal (rd_item_get_id (item), number_ranges[i].item_id))
      return round (number_ranges[i].worst + u * (number_ranges[i].best - number_ranges[i].worst));
  return floor (min + u * (max - min));
}

/* One person's answers to every item, leaning to the top of the scale by
 * @lean (0–1), with a "not applicable" now and then. */
static RdResponse *
plausible_response (RdFramework *framework,
                    const char  *school_year,
                    RdGroup      group,
                    GRand       *rand,
                    double       lean)
{
  RdResponse *response = rd_response_new (group);

  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      RdAnswer *answer = rd_response_add_answer (response, rd_item_get_id (item), rd_item_get_version (item));
      double spread = g_rand_double_range (rand, -0.3, 0.3);
      double leaning = lean + spread + shift_of (rd_item_get_id (item), school_year);
      double u = CLAMP (leaning, 0.0, 1.0);  /* CLAMP evaluates its argument more than once */

      if (g_rand_int_range (rand, 0, 30) == 0)
        {
          answer->not_applicable = TRUE;
          continue;
        }
      switch (rd_item_get_kind (item))
        {
        case RD_ITEM_KIND_STATEMENT:
          answer->value = 1 + floor (u * 4.999);
          break;
        case RD_ITEM_KIND_YES_NO:
          answer->value = u > 0.45 ? 1 : 0;
          break;
        case RD_ITEM_KIND_PERCENT:
          answer->value = floor (u * 100);
          break;
        case RD_ITEM_KIND_NUMBER:
          answer->value = plausible_number (item, u);
          break;
        case RD_ITEM_KIND_DATE:
        default:
          {
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_dmy (&date, 1, (GDateMonth) (1 + (int) (u * 11)), 2025);
            answer->julian_day = g_date_get_julian (&date);
          }
          break;
        }
    }
  return response;
}

/* An assessment answered by a school leader and @n_others teachers,
 * support staff and learners. */
gint64
add_assessment (RdStore     *store,
                RdFramework *framework,
                gint64       school_id,
                const char  *school_year,
                GRand       *rand,
                double       lean,
                guint        n_others,
                gboolean     complete)
{
  static const RdGroup others[] = { RD_GROUP_TEACHER, RD_GROUP_TEACHER, RD_GROUP_SUPPORT_STAFF, RD_GROUP_LEARNER };
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rd_store_add_assessment (store, school_id, school_year, framework, RD_ASSESSMENT_MODE_FULL, &error);
  check (id != 0, "add an assessment");
  g_ptr_array_add (responses, plausible_response (framework, school_year, RD_GROUP_LEADER, rand, lean + 0.1));
  for (guint i = 0; i < n_others; i++)
    g_ptr_array_add (responses, plausible_response (framework, school_year, others[i % G_N_ELEMENTS (others)], rand, lean));
  check (rd_store_add_responses (store, id, framework, responses, &error), "add responses");
  if (complete)
    check (rd_store_set_assessment_status (store, id, RD_ASSESSMENT_STATUS_COMPLETE, &error),
           "complete an assessment");
  return id;
}

/* The school a school leader follows: two complete years and this year's
 * assessment, which the leader is answering now with the staff's
 * answers already in. */
gint64
add_own_school (RdStore     *store,
                RdFramework *framework,
                GRand       *rand,
                gint64      *school_id)
{
  g_autoptr(GError) error = NULL;
  gint64 assessment_id, leader;

  *school_id = rd_store_add_school (store, SCHOOL, "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY, &error);
  check (*school_id != 0, "add the school");
  add_assessment (store, framework, *school_id, "2024-2025", rand, 0.32, 8, TRUE);
  add_assessment (store, framework, *school_id, "2025-2026", rand, 0.42, 10, TRUE);

  /* This year's staff answers; the leader's own answers come below,
   * through the same calls as the questionnaire makes. */
  assessment_id = add_assessment (store, framework, *school_id, THIS_YEAR, rand, 0.52, 11, FALSE);
  leader = rd_store_ensure_respondent (store, assessment_id, &error);
  check (leader != 0, "the leader");
  for (guint i = 0; i < rd_framework_get_n_items (framework); i++)
    {
      RdItem *item = rd_framework_get_item (framework, i);
      const char *area = rd_item_get_area_id (item);
      double u = g_rand_double_range (rand, 0.35, 0.95);
      gboolean ok = TRUE;

      /* The leader is half-way through: the last areas are still open. */
      if (g_str_equal (area, "engagement") || g_str_equal (area, "teaching") ||
          (g_str_equal (area, "cybersecurity") && i % 2 == 0))
        continue;
      /* The answers in the picture of the questionnaire. */
      if (g_str_equal (rd_item_get_id (item), "con-bandwidth"))
        u = 450.0 / 950;  /* 500 Mbit/s */
      else if (g_str_equal (rd_item_get_id (item), "con-wifi-coverage"))
        u = 0.85;
      else if (g_str_equal (rd_item_get_id (item), "con-outage-days"))
        u = 0.75;  /* 3 days */
      else if (g_str_equal (rd_item_get_id (item), "con-network-capacity"))
        u = 0.7;   /* agree */
      switch (rd_item_get_kind (item))
        {
        case RD_ITEM_KIND_STATEMENT:
          ok = rd_store_set_answer_value (store, leader, item, 1 + floor (u * 4.999), &error);
          break;
        case RD_ITEM_KIND_YES_NO:
          ok = rd_store_set_answer_value (store, leader, item, u > 0.4 ? 1 : 0, &error);
          break;
        case RD_ITEM_KIND_PERCENT:
          ok = rd_store_set_answer_value (store, leader, item, 5 * floor (u * 20), &error);
          break;
        case RD_ITEM_KIND_NUMBER:
          ok = rd_store_set_answer_value (store, leader, item, plausible_number (item, u), &error);
          break;
        case RD_ITEM_KIND_DATE:
        default:
          {
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_dmy (&date, 15, G_DATE_SEPTEMBER, 2025);
            ok = rd_store_set_answer_date (store, leader, item, &date, &error);
          }
          break;
        }
      check (ok, "answer");
    }
  return assessment_id;
}

/* Each school's lean this year, by name, for last year's assessments. */
static struct { const char *name; double lean; } region_leans[32];

/* The other schools of the region, this school year. */
void
add_region (RdStore     *store,
            RdFramework *framework,
            GRand       *rand)
{
  static const struct { const char *name, *region; RdSchoolType type; } schools[] = {
    { "Atheneum Ter Beke, Deinze", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY },
    { "Basisschool De Linde, Aalst", "Oost-Vlaanderen", RD_SCHOOL_TYPE_PRIMARY },
    { "Basisschool De Regenboog, Lokeren", "Oost-Vlaanderen", RD_SCHOOL_TYPE_PRIMARY },
    { "Basisschool Het Anker, Tielt", "West-Vlaanderen", RD_SCHOOL_TYPE_PRIMARY },
    { "Campus De Sleutel, Eeklo", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY },
    { "Campus Het Kompas, Geel", "Antwerpen", RD_SCHOOL_TYPE_SECONDARY },
    { "De Boomgaard, Mol", "Antwerpen", RD_SCHOOL_TYPE_SPECIAL },
    { "De Kleine Prins, Lier", "Antwerpen", RD_SCHOOL_TYPE_PRIMARY },
    { "De Knipoog, Ronse", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SPECIAL },
    { "GO! Atheneum Diest", "Vlaams-Brabant", RD_SCHOOL_TYPE_SECONDARY },
    { "GO! Basisschool De Vlinder, Halle", "Vlaams-Brabant", RD_SCHOOL_TYPE_PRIMARY },
    { "Klimop, Tienen", "Vlaams-Brabant", RD_SCHOOL_TYPE_PRIMARY },
    { "Lyceum De Horizon, Ronse", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY },
    { "Lyceum Zonnebloem, Deinze", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY },
    { "Sint-Lievenscollege, Gent", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY },
    { "Sint-Maria, Aalst", "Oost-Vlaanderen", RD_SCHOOL_TYPE_PRIMARY },
    { "Sint-Vincentius, Tielt", "West-Vlaanderen", RD_SCHOOL_TYPE_SPECIAL },
    { "Ter Heide, Hasselt", "Limburg", RD_SCHOOL_TYPE_PRIMARY },
    { "Vrije Basisschool De Bolster, Genk", "Limburg", RD_SCHOOL_TYPE_PRIMARY },
    { "Vrije Basisschool De Wegwijzer, Lier", "Antwerpen", RD_SCHOOL_TYPE_PRIMARY },
    { "Vrije Basisschool Het Molenhof, Mol", "Antwerpen", RD_SCHOOL_TYPE_PRIMARY },
    { "VTI Sint-Jozef, Lokeren", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
    {
      gint64 school_id = rd_store_add_school (store, schools[i].name, schools[i].region, schools[i].type, &error);
      double lean = 0.45 + g_rand_double_range (rand, -0.25, 0.25);

      check (school_id != 0, "add a school");
      g_assert (i < G_N_ELEMENTS (region_leans));
      region_leans[i].name = schools[i].name;
      region_leans[i].lean = lean;
      add_assessment (store, framework, school_id, THIS_YEAR, rand, lean,
                      (guint) g_rand_int_range (rand, 4, 14), TRUE);
    }
}

void
close_dialog (RdAssessmentView *view)
{
  GtkWindow *dialog = rd_assessment_view_get_dialog (view);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
  wait_for_idle ();
}

/* The plan drafted from the three largest gaps, as the results page's
 * Plan Action buttons do, one action in each state. */
void
draft_plan (RdStore          *store,
            RdAssessmentView *view)
{
  RdActionPlanPage *plan = rd_assessment_view_get_action_plan_page (view);
  RdResults *results = rd_results_page_get_results (rd_assessment_view_get_results_page (view));
  g_autoptr(GArray) gaps = rd_analysis_list_priorities (rd_results_get_analysis (results), 5);
  static const RdActionStatus states[] = {
    RD_ACTION_STATUS_PLANNED, RD_ACTION_STATUS_IN_PROGRESS, RD_ACTION_STATUS_DONE,
    RD_ACTION_STATUS_PLANNED, RD_ACTION_STATUS_IN_PROGRESS,
  };
  static const char * const owners[] = { NULL, "An Peeters", "ICT coordinator", "Board", "Jonas De Smet" };
  static const char * const dues[] = { "2027-03-31", "2027-01-31", NULL, "2027-06-30", "2026-12-20" };

  for (guint i = 0; i < gaps->len; i++)
    {
      RdItemGap *gap = &g_array_index (gaps, RdItemGap, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(RdAction) action = NULL;
      gint64 id = rd_action_plan_page_draft_from_item (plan, gap->item, gap->factor, &error);
      RdActionInfo info;

      check (id != 0, "draft an action");
      close_dialog (view);
      action = rd_store_get_action (store, id, &error);
      check (action != NULL, "read an action");
      rd_action_get_info (action, &info);
      info.status = states[i];
      info.owner = owners[i];
      info.due = dues[i];
      check (rd_store_update_action (store, id, &info, &error), "update an action");
    }
}

GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls @page so that the heading @text is near the top. */
void
scroll_to_heading (GtkWidget  *page,
                   const char *text)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (page);
  GtkWidget *content, *heading = find_label (page, text);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert (GTK_IS_SCROLLED_WINDOW (scrolled));
  if (heading == NULL)
    fail (text, NULL);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, 0);
  wait_for_idle ();
  if (!gtk_widget_compute_point (heading, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    fail (text, NULL);
  gtk_adjustment_set_value (adjustment, point.y - 24);
}


/* The answers of these questions rose (or fell) between last year and
 * this one at SCHOOL and around it, as after the actions of add_history(). */
const FixtureShift screen_record_shifts[] = {
  { "cyb-mfa-staff", "2025-2026", -0.3 }, { "cyb-mfa-staff", THIS_YEAR, 0.35 },
  { "cyb-mfa-admin", "2025-2026", -0.3 }, { "cyb-mfa-admin", THIS_YEAR, 0.3 },
  { "cyb-restore-test", "2025-2026", -0.3 }, { "cyb-restore-test", THIS_YEAR, 0.3 },
  { "trn-cpd-plan", "2025-2026", -0.25 }, { "trn-cpd-plan", THIS_YEAR, 0.3 },
  { "dev-asset-register", "2025-2026", -0.2 }, { "dev-asset-register", THIS_YEAR, 0.3 },
  { "prv-web-filtering", "2025-2026", 0.25 }, { "prv-web-filtering", THIS_YEAR, -0.3 },
  { NULL }
};

/* What a school would type, in the record's language: a Flemish school
 * keeps its log and evidence in Dutch. */
const char *
typed (const char *en,
       const char *nl)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "nl") ? nl : en;
}

static gint64
assessment_of_year (RdStore    *store,
                    gint64      school_id,
                    const char *school_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = rd_store_list_assessments (store, school_id, &error);

  check (assessments != NULL, "list the assessments");
  for (guint i = 0; i < assessments->len; i++)
    if (g_str_equal (rd_assessment_get_school_year (g_ptr_array_index (assessments, i)), school_year))
      return rd_assessment_get_id (g_ptr_array_index (assessments, i));
  fail (school_year, NULL);
  return 0;
}

/* Last year's plan with its done actions, linked to the questions that
 * moved since, and last year's assessments of most schools around. */
void
add_history (RdStore     *store,
             RdFramework *framework,
             gint64       school_id)
{
  static const char * const mfa[] = { "cyb-mfa-staff", "cyb-mfa-admin", NULL };
  static const char * const restore[] = { "cyb-restore-test", NULL };
  static const char * const cpd[] = { "trn-cpd-plan", NULL };
  static const char * const register_[] = { "dev-asset-register", NULL };
  const struct { const char *title; RdFactor factor; const char * const *items; RdActionStatus status; } actions[] = {
    { typed ("MFA for all staff", "MFA voor al het personeel"), RD_FACTOR_INVESTMENT, mfa, RD_ACTION_STATUS_DONE },
    { typed ("Test a restore from the back-up each term", "Elk trimester een terugzetting uit de back-up testen"), RD_FACTOR_INVESTMENT, restore, RD_ACTION_STATUS_DONE },
    { typed ("A training plan for every teacher", "Een professionaliseringsplan voor elke leraar"), RD_FACTOR_CAPACITY, cpd, RD_ACTION_STATUS_DONE },
    { typed ("Keep the device register up to date", "Het register van apparaten bijhouden"), RD_FACTOR_INVESTMENT, register_, RD_ACTION_STATUS_DONE },
    { typed ("Ask families about devices at home", "Gezinnen bevragen over apparaten thuis"), RD_FACTOR_ENGAGEMENT, NULL, RD_ACTION_STATUS_IN_PROGRESS },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250901);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  gint64 last_year = assessment_of_year (store, school_id, "2025-2026");

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      RdActionInfo info = {
        .assessment_id = last_year, .title = actions[i].title, .factor = actions[i].factor,
        .item_ids = actions[i].items, .owner = "An Peeters", .status = actions[i].status,
      };

      check (rd_store_add_action (store, last_year, &info, &error) != 0, "add last year's action");
    }

  schools = rd_store_list_schools (store, &error);
  check (schools != NULL, "list the schools");
  for (guint i = 0; i < G_N_ELEMENTS (region_leans) && region_leans[i].name != NULL; i++)
    {
      gint64 id = 0;
      double lean = region_leans[i].lean;

      for (guint j = 0; j < schools->len && id == 0; j++)
        if (g_str_equal (rd_school_get_name (g_ptr_array_index (schools, j)), region_leans[i].name))
          id = rd_school_get_id (g_ptr_array_index (schools, j));
      check (id != 0, region_leans[i].name);
      /* A few schools are new this year; most stayed where they were,
       * three rose and one fell. */
      if (i % 6 == 5)
        continue;
      if (i % 6 == 1)
        lean -= 0.15;
      else if (i == 8)
        lean += 0.12;
      add_assessment (store, framework, id, "2025-2026", rand, lean,
                      (guint) g_rand_int_range (rand, 5, 12), TRUE);
    }
}

/* The commentary and evidence behind some of this year's answers. */
void
add_evidence (RdStore *store,
              gint64   assessment_id)
{
  const RdEvidenceInfo evidence[] = {
    { .item_id = "con-wifi-coverage", .title = typed ("Wi-Fi survey of the buildings", "Wifimeting in de gebouwen"),
      .location = "https://intranet.sint-jozef.example/ict/wifi-survey-2026.pdf", .date = "2026-03-18" },
    { .item_id = "con-wifi-coverage", .title = typed ("Floor plan with the access points", "Grondplan met de toegangspunten"),
      .location = "S:\\ICT\\Network\\access-points-2026.pdf", .date = "2026-04-02" },
    { .item_id = "con-outage-days", .title = typed ("Helpdesk log of outages", "Helpdesklog van de storingen"),
      .location = "S:\\ICT\\Helpdesk\\outages-2025-2026.xlsx", .date = "2026-09-01" },
    { .item_id = "cyb-mfa-staff", .title = typed ("Sign-in report of the staff accounts", "Aanmeldrapport van de personeelsaccounts"), .date = "2026-10-05" },
  };
  g_autoptr(GError) error = NULL;

  check (rd_store_set_item_commentary (store, assessment_id, "con-wifi-coverage",
                                       typed ("85 %: the survey found no signal in the gym and in two workshops "
                                       "of the technical wing. Access points there are planned for 2027.", "85 %: bij de meting was er geen signaal in de turnzaal en in twee "
                                       "werkplaatsen van de technische vleugel. Toegangspunten daar staan gepland voor 2027."),
                                       &error), "a commentary");
  check (rd_store_set_item_commentary (store, assessment_id, "con-bandwidth",
                                       typed ("The contract says 500 Mbit/s; our own speed tests agree.", "Het contract vermeldt 500 Mbit/s; onze eigen snelheidstests bevestigen dat."),
                                       &error), "a commentary");
  for (guint i = 0; i < G_N_ELEMENTS (evidence); i++)
    {
      RdEvidenceInfo info = evidence[i];

      info.assessment_id = assessment_id;
      check (rd_store_add_evidence (store, &info, &error) != 0, "add evidence");
    }
}

/* The school's professional-learning log: staff under names the school
 * chose, one complete micro-credential record and records with elements
 * missing, on dates in the twelve months before the end of 2026. */
void
add_learning_log (RdStore *store,
                  gint64   school_id)
{
  static const struct { const char *name; RdGroup group; const char *joined, *departed; } staff[] = {
    { "An Peeters", RD_GROUP_LEADER, NULL, NULL },
    { "Jonas De Smet", RD_GROUP_TEACHER, NULL, NULL },
    { "Sofie Claes", RD_GROUP_TEACHER, "2019-09-01", NULL },
    { "Lotte Maes", RD_GROUP_TEACHER, NULL, NULL },
    { "Pieter Willems", RD_GROUP_TEACHER, "2026-09-01", NULL },
    { "Hanne Jacobs", RD_GROUP_SUPPORT_STAFF, NULL, NULL },
    { "Koen Mertens", RD_GROUP_TEACHER, NULL, "2026-06-30" },
  };
  static const char * const cyber[] = { "cybersecurity", NULL };
  static const char * const teaching[] = { "teaching", NULL };
  static const char * const both[] = { "cybersecurity", "teaching", NULL };
  const RdLearningActivityInfo activities[] = {
    /* Complete: every mandatory element and the optional ones. */
    { .staff_id = 2, .title = typed ("Cybersecurity for school staff", "Cyberveiligheid voor schoolpersoneel"), .issuer_country = typed ("Belgium", "België"),
      .awarding_body = typed ("University College Ghent, Lifelong Learning", "HOGENT, Levenslang Leren"), .issued = "2026-05-20",
      .learning_outcomes = typed ("Recognise phishing and social engineering; set up multi-factor authentication "
                           "for a class's accounts; report an incident by the school's response plan.", "Phishing en social engineering herkennen; multifactorauthenticatie instellen "
                           "voor de accounts van een klas; een incident melden volgens het responsplan van de school."),
      .workload_ects = 3, .eqf_level = 6, .assessment_type = typed ("Online test and a practical assignment", "Online toets en een praktijkopdracht"),
      .participation = RD_PARTICIPATION_BLENDED,
      .quality_assurance = typed ("Internal quality assurance of the university college, accredited by NVAO", "Interne kwaliteitszorg van de hogeschool, geaccrediteerd door de NVAO"),
      .prerequisites = typed ("None", "Geen"), .supervision = RD_SUPERVISION_SUPERVISED_ONLINE, .grade = typed ("Pass", "Geslaagd"),
      .stackability = RD_STACKABILITY_STACKABLE,
      .further_information = typed ("Counts towards the postgraduate certificate Digital School Leadership.", "Telt mee voor de postgraduaatopleiding Digitaal schoolleiderschap."),
      .area_ids = both },
    /* Elements missing: no country, outcomes, assessment or quality assurance. */
    { .staff_id = 1, .title = typed ("Teaching with tablets in STEM lessons", "Lesgeven met tablets in STEM-lessen"), .awarding_body = typed ("Pedagogical support service", "Pedagogische begeleidingsdienst"),
      .issued = "2026-10-08", .workload_hours = 6, .participation = RD_PARTICIPATION_ON_SITE, .area_ids = teaching },
    { .staff_id = 0, .title = typed ("Rolling out MFA at school", "MFA invoeren op school"), .issuer_country = typed ("Belgium", "België"),
      .awarding_body = typed ("Flemish Department of Education", "Departement Onderwijs en Vorming"), .issued = "2026-02-11", .workload_hours = 3,
      .participation = RD_PARTICIPATION_ON_SITE, .area_ids = cyber },
    { .staff_id = 3, .title = typed ("Digital assessment with quizzes and rubrics", "Digitaal evalueren met quizzen en rubrics"), .issuer_country = typed ("Belgium", "België"),
      .awarding_body = "KlasCement", .issued = "2026-09-24", .workload_hours = 4,
      .participation = RD_PARTICIPATION_ONLINE, .area_ids = teaching },
    { .staff_id = 5, .title = typed ("Phishing awareness e-learning", "E-learning phishingbewustzijn"), .awarding_body = typed ("Our ICT service provider", "Onze ICT-dienstverlener"),
      .issued = "2026-04-02", .workload_hours = 1.5, .participation = RD_PARTICIPATION_ONLINE, .area_ids = cyber },
    { .staff_id = 2, .title = typed ("Feedback with digital tools", "Feedback geven met digitale tools"), .issuer_country = typed ("Netherlands", "Nederland"),
      .awarding_body = "Kennisnet", .issued = "2025-11-15", .workload_hours = 8,
      .participation = RD_PARTICIPATION_ONLINE, .area_ids = teaching },
    { .staff_id = 6, .title = typed ("Safe passwords in the classroom", "Veilige wachtwoorden in de klas"), .issued = "2025-10-10", .workload_hours = 2,
      .area_ids = cyber },
  };
  gint64 ids[G_N_ELEMENTS (staff)];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      RdStaffMemberInfo info = { .school_id = school_id, .name = staff[i].name, .group = staff[i].group,
                                 .joined = staff[i].joined, .departed = staff[i].departed };

      ids[i] = rd_store_add_staff_member (store, &info, &error);
      check (ids[i] != 0, "add a staff member");
    }
  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    {
      RdLearningActivityInfo info = activities[i];

      info.staff_id = ids[activities[i].staff_id];
      check (rd_store_add_learning_activity (store, &info, &error) != 0, "add a learning activity");
    }
}

/* Scrolls the scrolled window around @widget so that it is near the top. */
void
scroll_to_widget (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (scrolled == NULL)
    fail ("a scrolled window", NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, 0);
  wait_for_idle ();
  if (!gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    fail ("scroll to a widget", NULL);
  gtk_adjustment_set_value (adjustment, point.y - 24);
  wait_for_idle ();
}
