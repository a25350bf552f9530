#define G_LOG_DOMAIN "rd-chart-palette"

#include "config.h"

#include <math.h>

#include "rd-chart-palette.h"

/* An opaque colour from 0xRRGGBB. */
RdColor
rd_color_from_hex (guint32 hex)
{
  return (RdColor) {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };
}

void
rd_chart_palette_init (RdChartPalette *palette,
                       RdChartStyle    style)
{
  switch (style)
    {
    case RD_CHART_STYLE_DARK:
      palette->background = rd_color_from_hex (0x242424);
      palette->foreground = rd_color_from_hex (0xffffff);
      palette->grid = rd_color_from_hex (0x5e5c64);
      palette->track = rd_color_from_hex (0x3d3846);
      palette->series[0] = rd_color_from_hex (0x56b4e9);  /* sky blue */
      palette->series[1] = rd_color_from_hex (0xe69f00);  /* orange */
      palette->series[2] = rd_color_from_hex (0x009e73);  /* bluish green */
      palette->series[3] = rd_color_from_hex (0xf0e442);  /* yellow */
      break;

    case RD_CHART_STYLE_HIGH_CONTRAST:
      palette->background = rd_color_from_hex (0xffffff);
      palette->foreground = rd_color_from_hex (0x000000);
      palette->grid = rd_color_from_hex (0x000000);
      palette->track = rd_color_from_hex (0xc0bfbc);
      palette->series[0] = rd_color_from_hex (0x0050a0);
      palette->series[1] = rd_color_from_hex (0x9a3c00);
      palette->series[2] = rd_color_from_hex (0x00654a);
      palette->series[3] = rd_color_from_hex (0x6a1b9a);
      break;

    case RD_CHART_STYLE_LIGHT:
    default:
      palette->background = rd_color_from_hex (0xfafafa);
      palette->foreground = rd_color_from_hex (0x241f31);
      palette->grid = rd_color_from_hex (0xc0bfbc);
      palette->track = rd_color_from_hex (0xdeddda);
      palette->series[0] = rd_color_from_hex (0x0072b2);  /* blue */
      palette->series[1] = rd_color_from_hex (0xd55e00);  /* vermillion */
      palette->series[2] = rd_color_from_hex (0x009e73);  /* bluish green */
      palette->series[3] = rd_color_from_hex (0xb5549c);  /* reddish purple, darkened past 3:1 contrast */
      break;
    }
}

static double
relative_luminance (const RdColor *color)
{
  double channels[3] = { color->red, color->green, color->blue };

  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.03928 ? channels[i] / 12.92
                                         : pow ((channels[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/* WCAG 2 contrast ratio, 1–21. */
double
rd_color_contrast_ratio (const RdColor *a,
                         const RdColor *b)
{
  double la = relative_luminance (a);
  double lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
