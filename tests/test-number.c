#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-number.h"

static void
assert_formats_as_slow (double value)
{
  char fast[RD_NUMBER_BUF_SIZE], slow[RD_NUMBER_BUF_SIZE];

  g_assert_true (rd_number_format_shortest (value, fast));
  rd_number_format_slow (value == 0.0 ? 0.0 : value, slow);
  if (strcmp (fast, slow) != 0)
    g_error ("%.17g: “%s”, expected “%s”", value, fast, slow);
  g_assert_cmpfloat (g_ascii_strtod (fast, NULL), ==, value);
}

static void
test_number_examples (void)
{
  static const struct { double value; const char *text; } examples[] = {
    { 37.5, "37.5" },
    { 200.0 / 3.0, "66.66666666666667" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 100, "100" },
    { -12.25, "-12.25" },
    { 0.0001, "0.0001" },
    { 0.00001, "1e-05" },
    { 1e15, "1e+15" },
    { 999999999999999.9, "999999999999999.9" },
    { 1.0 + 1.0 / 65536, "1.0000152587890625" },
  };
  char buffer[RD_NUMBER_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_assert_true (rd_number_format_shortest (examples[i].value, buffer));
      g_assert_cmpstr (buffer, ==, examples[i].text);
    }

  g_assert_true (rd_number_format_shortest (-0.0, buffer));
  g_assert_cmpstr (buffer, ==, "0");
  g_assert_false (rd_number_format_shortest (NAN, buffer));
  g_assert_false (rd_number_format_shortest (INFINITY, buffer));
  g_assert_false (rd_number_format_shortest (-INFINITY, buffer));
}

/* Means of answers as the exports write them, in every magnitude. */
static void
test_number_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  for (guint i = 0; i < 200000; i++)
    {
      double magnitude = pow (10.0, g_rand_double_range (rand, -6.0, 17.0));
      double value = g_rand_boolean (rand) ? magnitude : -magnitude;

      assert_formats_as_slow (value);
      assert_formats_as_slow (round (value * 100) / 100);
    }
  for (guint sum = 0; sum <= 2500 * 3; sum++)
    {
      assert_formats_as_slow (sum / 25.0 / 3.0);
      assert_formats_as_slow (sum / 7.0);
    }
}

/* Doubles that lie exactly halfway between two 16-digit decimals: glibc
 * rounds them to the even digit, and so must the quick path. */
static void
test_number_ties (void)
{
  for (guint j = 1; j < 65536; j += 2)
    {
      assert_formats_as_slow (1.0 + j / 65536.0);
      assert_formats_as_slow (9.0 + j / 65536.0);
      assert_formats_as_slow ((1.0 + j / 65536.0) / 1024.0);
    }
}

/* Every bit pattern is a double somewhere: none may differ either. */
static void
test_number_bits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 200000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      if (isfinite (value))
        assert_formats_as_slow (value);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/examples", test_number_examples);
  g_test_add_func ("/number/random", test_number_random);
  g_test_add_func ("/number/ties", test_number_ties);
  g_test_add_func ("/number/bits", test_number_bits);
  return g_test_run ();
}
