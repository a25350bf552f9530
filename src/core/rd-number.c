/* Numbers in text that programs read back: the exports' JSON and CSV. */
#include "config.h"

#include "rd-number.h"

#include <math.h>
#include <string.h>

/**
 * rd_number_format_slow:
 *
 * The shortest of %.15g, %.16g and %.17g that reads back as the same
 * double, with '.' whatever the locale: "37.5" stays short, 200/3 keeps
 * every digit it has. @value must be finite.
 */
void
rd_number_format_slow (double value,
                       char   buffer[RD_NUMBER_BUF_SIZE])
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, RD_NUMBER_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

#ifdef __SIZEOF_INT128__
/* What "%.<digits>g" writes for @magnitude (> 0, 10^-4 ≤ it < 10^15, its
 * decimal exponent @exponent), rounded exactly as glibc does: the double
 * is m·2^k, so magnitude·10^f is the integer m·10^f shifted right by −k
 * (m < 2^53 and 10^f ≤ 10^20 < 2^67 fit in 128 bits). FALSE where the
 * guessed exponent was wrong or rounding carried into one more digit. */
static gboolean
format_with_digits (double magnitude,
                    int    exponent,
                    int    digits,
                    char  *out)
{
  int fraction_digits = digits - 1 - exponent;
  int binary_exponent;
  double fraction = frexp (magnitude, &binary_exponent);
  guint64 m = (guint64) ldexp (fraction, 53);
  int shift = 53 - binary_exponent;
  unsigned __int128 scaled = m, rest, half;
  guint64 mantissa;
  char text[24];
  int n, point, end;

  if (fraction_digits < 0 || fraction_digits > 20 || shift <= 0 || shift >= 127)
    return FALSE;
  for (int i = 0; i < fraction_digits; i++)
    scaled *= 10;
  mantissa = (guint64) (scaled >> shift);
  rest = scaled & ((((unsigned __int128) 1) << shift) - 1);
  half = ((unsigned __int128) 1) << (shift - 1);
  if (rest > half || (rest == half && (mantissa & 1) != 0))
    mantissa++;

  n = g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, mantissa);
  if (n != digits)
    return FALSE;

  point = n - fraction_digits;   /* digits before the point; ≤ 0: "0.000…" */
  end = n;
  while (end > MAX (point, 0) && text[end - 1] == '0')
    end--;
  if (point > 0)
    {
      memcpy (out, text, point);
      out += point;
      if (end > point)
        {
          *out++ = '.';
          memcpy (out, text + point, end - point);
          out += end - point;
        }
    }
  else
    {
      *out++ = '0';
      *out++ = '.';
      memset (out, '0', -point);
      out += -point;
      memcpy (out, text, end);
      out += end;
    }
  *out = '\0';
  return TRUE;
}
#endif

/**
 * rd_number_format_shortest:
 *
 * What rd_number_format_slow() writes, without its multiple-precision
 * arithmetic for most numbers: an export of thousands of schools writes
 * hundreds of thousands of numbers. FALSE (and nothing) for NAN and
 * infinity; never "-0".
 */
gboolean
rd_number_format_shortest (double value,
                           char   buffer[RD_NUMBER_BUF_SIZE])
{
  if (!isfinite (value))
    return FALSE;
  if (value == 0.0)
    {
      strcpy (buffer, "0");
      return TRUE;
    }

#ifdef __SIZEOF_INT128__
  {
    double magnitude = fabs (value);

    /* Where %g writes no exponent. */
    if (magnitude >= 1e-4 && magnitude < 1e15)
      {
        int exponent = (int) floor (log10 (magnitude));
        char *digits_at = buffer + (value < 0 ? 1 : 0);

        buffer[0] = '-';
        for (int digits = 15; digits <= 17; digits++)
          {
            if (!format_with_digits (magnitude, exponent, digits, digits_at))
              break;
            if (g_ascii_strtod (buffer, NULL) == value)
              return TRUE;
          }
      }
  }
#endif

  rd_number_format_slow (value, buffer);
  return TRUE;
}
