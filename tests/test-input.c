#include "config.h"

#include <math.h>

#include "rd-errors.h"
#include "rd-input.h"

typedef struct
{
  const char *text;
  gboolean decimal_comma;
  gboolean valid;
  double value;
} NumberCase;

static const NumberCase number_cases[] = {
  { "250", FALSE, TRUE, 250 },
  { "250", TRUE, TRUE, 250 },
  { " 2.5 ", FALSE, TRUE, 2.5 },
  { "2,5", TRUE, TRUE, 2.5 },
  { "1,000", FALSE, TRUE, 1000 },       /* English grouping */
  { "1.000", TRUE, TRUE, 1000 },        /* Dutch grouping */
  { "1.000,75", TRUE, TRUE, 1000.75 },
  { "1,000.75", FALSE, TRUE, 1000.75 },
  { "1 000", TRUE, TRUE, 1000 },
  { "1 000.5", FALSE, TRUE, 1000.5 },
  { "12 34", TRUE, FALSE, 0 },          /* a space groups threes, it is not ignored */
  { "1 00", FALSE, FALSE, 0 },
  { "1\u00a0000,5", TRUE, TRUE, 1000.5 },
  { "12.345.678", TRUE, TRUE, 12345678 },
  { "-3", FALSE, TRUE, -3 },
  { "0", TRUE, TRUE, 0 },
  /* Ambiguous or malformed: refused rather than guessed. */
  { "2.5", TRUE, FALSE, 0 },            /* a point in Dutch is grouping, and 2.5 is no group */
  { "2,5", FALSE, FALSE, 0 },
  { "1.00", TRUE, FALSE, 0 },
  { "1000.000", TRUE, FALSE, 0 },       /* groups start with at most three digits */
  { "", FALSE, FALSE, 0 },
  { "   ", TRUE, FALSE, 0 },
  { "abc", FALSE, FALSE, 0 },
  { "12abc", FALSE, FALSE, 0 },
  { "2,", TRUE, FALSE, 0 },
  { ",5", TRUE, FALSE, 0 },
  { "1e5", FALSE, FALSE, 0 },
  { "nan", FALSE, FALSE, 0 },
  { "--1", FALSE, FALSE, 0 },
};

static void
test_numbers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      const NumberCase *c = &number_cases[i];
      g_autoptr(GError) error = NULL;
      double value = NAN;
      gboolean ok = rd_input_parse_number (c->text, c->decimal_comma, &value, &error);

      g_test_message ("“%s” (%s): %s", c->text, c->decimal_comma ? "comma" : "point",
                      ok ? "ok" : error->message);
      g_assert_cmpint (ok, ==, c->valid);
      if (ok)
        g_assert_cmpfloat (value, ==, c->value);
      else
        g_assert_error (error, RD_VALUE_ERROR, RD_VALUE_ERROR_OUT_OF_RANGE);
    }
}

static void
test_number_round_trip (void)
{
  static const double values[] = { 0, 1, 2.5, 1000, 0.125, 100000, 33.3 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (int comma = 0; comma <= 1; comma++)
      {
        g_autofree char *text = rd_input_format_number (values[i], comma);
        double parsed;

        g_assert_true (rd_input_parse_number (text, comma, &parsed, NULL));
        g_assert_cmpfloat (parsed, ==, values[i]);
      }

  {
    g_autofree char *text = rd_input_format_number (2.5, TRUE);
    g_assert_cmpstr (text, ==, "2,5");
  }
}

typedef struct
{
  const char *text;
  int day, month, year;  /* 0: invalid */
} DateCase;

static const DateCase date_cases[] = {
  { "2025-03-15", 15, 3, 2025 },
  { "15-03-2025", 15, 3, 2025 },
  { "15/3/2025", 15, 3, 2025 },
  { "1.12.2024", 1, 12, 2024 },
  { " 29-02-2024 ", 29, 2, 2024 },
  { "15 - 3 - 2025", 15, 3, 2025 },
  { "29-02-2025", 0, 0, 0 },   /* not a leap year */
  { "2025-13-01", 0, 0, 0 },
  { "15-03-25", 0, 0, 0 },     /* two-digit years are ambiguous */
  { "15/03-2025", 0, 0, 0 },
  { "2025/03/15", 0, 0, 0 },   /* year first only in ISO form */
  { "March 2025", 0, 0, 0 },
  { "", 0, 0, 0 },
  { "15-03-2025x", 0, 0, 0 },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok = rd_input_parse_date (c->text, &date, &error);

      g_test_message ("“%s”: %s", c->text, ok ? "ok" : error->message);
      g_assert_cmpint (ok, ==, c->day != 0);
      if (ok)
        {
          g_autofree char *formatted = rd_input_format_date (&date);
          GDate again;

          g_assert_cmpint (g_date_get_day (&date), ==, c->day);
          g_assert_cmpint (g_date_get_month (&date), ==, c->month);
          g_assert_cmpint (g_date_get_year (&date), ==, c->year);
          g_assert_true (rd_input_parse_date (formatted, &again, NULL));
          g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
        }
    }
}

/* A form's date field: typed as the user likes, kept as ISO, shown back. */
static void
test_iso_dates (void)
{
  static const struct { const char *typed, *iso; } cases[] = {
    { "", "" }, { "  ", "" }, { "30-9-2026", "2026-09-30" }, { " 2026-09-30 ", "2026-09-30" },
    { "29/02/2024", "2024-02-29" }, { "31-02-2026", NULL }, { "yesterday", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = rd_input_date_to_iso (cases[i].typed, &error);

      g_assert_cmpstr (iso, ==, cases[i].iso);
      if (cases[i].iso == NULL)
        g_assert_nonnull (error);
    }

  {
    g_autofree char *shown = rd_input_format_iso_date ("2026-09-30");
    g_autofree char *kept = rd_input_format_iso_date ("not a date");

    g_assert_cmpstr (shown, ==, "30-09-2026");
    g_assert_cmpstr (kept, ==, "not a date");
    g_assert_null (rd_input_format_iso_date (NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/input/numbers", test_numbers);
  g_test_add_func ("/input/number-round-trip", test_number_round_trip);
  g_test_add_func ("/input/dates", test_dates);
  g_test_add_func ("/input/iso-dates", test_iso_dates);

  return g_test_run ();
}
