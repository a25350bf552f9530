/* Every text of the main window and the assessment's pages reads at 4.5:1 or more
 * (WCAG AA), in the light and the dark style, dimmed captions included;
 * at 7:1 (AAA) in the high-contrast style.
 *
 * The window is rendered as the app renders it (GSK's cairo renderer).
 * Each text node of the render tree gives the colour it is drawn in, with
 * the opacity of every node above it (how .dim-label dims); the texture
 * gives the background under it: the commonest pixel in its bounds. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "rd-application.h"
#include "rd-assessment-view-private.h"
#include "rd-chart-palette.h"
#include "rd-compare-window.h"
#include "rd-results-page-private.h"
#include "rd-test-util.h"
#include "rd-window-private.h"

#define MIN_CONTRAST 4.5
/* The high-contrast style (ADW_DEBUG_HIGH_CONTRAST=1, the test
 * contrast-hc) holds every text to WCAG AAA. */
#define MIN_CONTRAST_HIGH 7.0

static double
min_contrast (void)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) ? MIN_CONTRAST_HIGH : MIN_CONTRAST;
}

typedef struct
{
  RD_TEST_STORE_MEMBERS;
  GtkWidget *window;
  RdAssessmentView *view;
} Fixture;

typedef struct
{
  graphene_rect_t bounds;  /* in the window's pixels */
  GdkRGBA color;           /* alpha times every opacity above it */
} TextRun;

typedef struct
{
  guchar *pixels;          /* B8G8R8A8 premultiplied, opaque window */
  gsize stride;
  int width, height;
} Picture;

static void
collect_text (GskRenderNode         *node,
              GskTransform          *transform,
              const graphene_rect_t *clip,
              double                 opacity,
              GArray                *runs)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_text (gsk_container_node_get_child (node, i), transform, clip, opacity, runs);
      break;
    case GSK_TRANSFORM_NODE:
      {
        GskTransform *inner = gsk_transform_transform (gsk_transform_ref (transform),
                                                       gsk_transform_node_get_transform (node));

        collect_text (gsk_transform_node_get_child (node), inner, clip, opacity, runs);
        gsk_transform_unref (inner);
      }
      break;
    case GSK_OPACITY_NODE:
      collect_text (gsk_opacity_node_get_child (node), transform, clip,
                    opacity * gsk_opacity_node_get_opacity (node), runs);
      break;
    case GSK_CLIP_NODE:
    case GSK_ROUNDED_CLIP_NODE:
      {
        graphene_rect_t area, inner;
        GskRenderNode *child = gsk_render_node_get_node_type (node) == GSK_CLIP_NODE
                               ? gsk_clip_node_get_child (node) : gsk_rounded_clip_node_get_child (node);

        gsk_transform_transform_bounds (transform,
                                        gsk_render_node_get_node_type (node) == GSK_CLIP_NODE
                                        ? gsk_clip_node_get_clip (node)
                                        : &gsk_rounded_clip_node_get_clip (node)->bounds,
                                        &area);
        if (graphene_rect_intersection (clip, &area, &inner))
          collect_text (child, transform, &inner, opacity, runs);
      }
      break;
    case GSK_SHADOW_NODE:
      collect_text (gsk_shadow_node_get_child (node), transform, clip, opacity, runs);
      break;
    case GSK_DEBUG_NODE:
      collect_text (gsk_debug_node_get_child (node), transform, clip, opacity, runs);
      break;
    case GSK_COLOR_MATRIX_NODE:
      collect_text (gsk_color_matrix_node_get_child (node), transform, clip, opacity, runs);
      break;
    case GSK_TEXT_NODE:
      {
        TextRun run;
        graphene_rect_t bounds;

        gsk_render_node_get_bounds (node, &bounds);
        gsk_transform_transform_bounds (transform, &bounds, &run.bounds);
        /* Only what is in view, whole: a run cut by its clip is scrolled
         * half out, and its background is that of another place. */
        if (!graphene_rect_contains_rect (clip, &run.bounds))
          break;
        run.color = *gsk_text_node_get_color (node);
        run.color.alpha *= opacity;
        g_array_append_val (runs, run);
      }
      break;
    default:
      break;
    }
}

static guint32
pixel_at (const Picture *picture,
          int            x,
          int            y)
{
  const guchar *p = picture->pixels + y * picture->stride + 4 * x;

  return (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

/* The commonest colour in @bounds: the background, since glyphs cover
 * less of their box than what is around them. */
static guint32
background_of (const Picture         *picture,
               const graphene_rect_t *bounds)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int x0 = MAX (0, (int) ceil (bounds->origin.x)), y0 = MAX (0, (int) ceil (bounds->origin.y));
  int x1 = MIN (picture->width, (int) floor (bounds->origin.x + bounds->size.width));
  int y1 = MIN (picture->height, (int) floor (bounds->origin.y + bounds->size.height));
  guint32 best = 0;
  guint best_count = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = pixel_at (picture, x, y);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (count));
        if (count > best_count)
          {
            best = pixel;
            best_count = count;
          }
      }
  return best;
}

/* The text's colour over @background, and their contrast ratio. */
static double
contrast_on (const GdkRGBA *text,
             guint32        background,
             RdColor       *ink)
{
  RdColor back = rd_color_from_hex (background);

  ink->red = text->alpha * text->red + (1 - text->alpha) * back.red;
  ink->green = text->alpha * text->green + (1 - text->alpha) * back.green;
  ink->blue = text->alpha * text->blue + (1 - text->alpha) * back.blue;
  ink->alpha = 1;
  return rd_color_contrast_ratio (ink, &back);
}

/* The lowest contrast of any text in view; every run under MIN_CONTRAST
 * is reported. */
static double
lowest_contrast_in_view (GtkWidget  *window,
                         const char *where)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (TextRun));
  g_autofree guchar *pixels = NULL;
  g_autoptr(GskTransform) identity = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  Picture picture = { NULL, 4 * width, width, height };
  double lowest = 21;

  gtk_test_widget_wait_for_draw (window);
  rd_test_wait_for_idle ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &view);
  pixels = g_malloc (picture.stride * height);
  gdk_texture_download (texture, pixels, picture.stride);
  picture.pixels = pixels;

  collect_text (node, identity, &view, 1.0, runs);
  g_assert_cmpuint (runs->len, >, 0);
  for (guint i = 0; i < runs->len; i++)
    {
      TextRun *run = &g_array_index (runs, TextRun, i);
      guint32 background = background_of (&picture, &run->bounds);
      RdColor ink;
      double contrast = contrast_on (&run->color, background, &ink);

      if (contrast < min_contrast ())
        g_test_message ("%s: text at %.0f,%.0f (%.0f × %.0f): #%02X%02X%02X on #%06X, %.2f:1",
                        where, run->bounds.origin.x, run->bounds.origin.y,
                        run->bounds.size.width, run->bounds.size.height,
                        (guint) round (255 * ink.red), (guint) round (255 * ink.green),
                        (guint) round (255 * ink.blue), background, contrast);
      lowest = MIN (lowest, contrast);
    }
  return lowest;
}

static GtkScrolledWindow *
find_scroller (GtkWidget *page)
{
  GtkWidget *scroller = rd_test_find_widget (page, GTK_TYPE_SCROLLED_WINDOW, NULL);

  g_assert_nonnull (scroller);
  return GTK_SCROLLED_WINDOW (scroller);
}

/* The lowest contrast of any text on @page, scrolled through from top to
 * bottom a screenful at a time. */
static double
lowest_contrast_on_page (Fixture    *fixture,
                         GtkWidget  *page,
                         const char *name)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (find_scroller (page));
  double lowest = 21;

  for (double top = 0;; top += 0.8 * gtk_adjustment_get_page_size (adjustment))
    {
      g_autofree char *where = NULL;

      gtk_adjustment_set_value (adjustment, top);
      rd_test_wait_for_idle ();
      where = g_strdup_printf ("%s at %.0f", name, gtk_adjustment_get_value (adjustment));
      lowest = MIN (lowest, lowest_contrast_in_view (fixture->window, where));
      if (top + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment))
        break;
    }
  gtk_adjustment_set_value (adjustment, 0);
  return lowest;
}

/* The built-in framework, a school with this year's assessment answered
 * by its leader and six others: the Results page shows every part, its
 * priorities with their recommendations. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_response_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  static const RdGroup groups[] = { RD_GROUP_LEADER, RD_GROUP_TEACHER, RD_GROUP_TEACHER, RD_GROUP_TEACHER,
                                    RD_GROUP_SUPPORT_STAFF, RD_GROUP_SUPPORT_STAFF, RD_GROUP_SUPPORT_STAFF };

  rd_test_store_create (&fixture->test_store, rd_framework_load_builtin (&error));
  g_assert_no_error (error);
  rd_test_store_add_school (&fixture->test_store, "Sint-Jozefinstituut", "Oost-Vlaanderen", RD_SCHOOL_TYPE_SECONDARY);
  rd_test_store_add_assessment (&fixture->test_store, "2026-2027", RD_ASSESSMENT_MODE_FULL);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_ptr_array_add (responses, rd_test_random_response (fixture->framework, RD_ASSESSMENT_MODE_FULL,
                                                         groups[i], rand, 0.45));
  g_assert_true (rd_store_add_responses (fixture->store, fixture->assessment_id, fixture->framework,
                                         responses, &error));
  g_assert_no_error (error);

  /* The main window, as the app makes it. */
  fixture->window = g_object_ref_sink (GTK_WIDGET (rd_window_new (NULL, fixture->store, fixture->framework)));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);
  rd_window_select_school (RD_WINDOW (fixture->window), fixture->school_id);
  rd_test_wait_for_idle ();
}

static void
open_assessment (Fixture *fixture)
{
  gtk_widget_activate_action (fixture->window, "win.open-assessment", "x", fixture->assessment_id);
  rd_test_wait_for_idle ();
  fixture->view = rd_window_get_assessment_view (RD_WINDOW (fixture->window));
  g_assert_nonnull (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rd_test_wait_for_idle ();
  g_assert_finalize_object (fixture->window);
  rd_test_store_clear (&fixture->test_store);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
set_style (Fixture         *fixture,
           AdwColorScheme   scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  rd_test_wait_for_idle ();
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()) ==
                 (scheme == ADW_COLOR_SCHEME_FORCE_DARK));
}

#define ADD_SCHOOL "add-school"
#define COMPARE "compare"

typedef struct
{
  const char *page;        /* an assessment's page, ADD_SCHOOL, COMPARE, or NULL: the school's */
  AdwColorScheme scheme;
} Screen;

static const Screen screens[] = {
  { NULL, ADW_COLOR_SCHEME_FORCE_LIGHT },
  { NULL, ADW_COLOR_SCHEME_FORCE_DARK },
  { ADD_SCHOOL, ADW_COLOR_SCHEME_FORCE_LIGHT },
  { ADD_SCHOOL, ADW_COLOR_SCHEME_FORCE_DARK },
  { COMPARE, ADW_COLOR_SCHEME_FORCE_LIGHT },
  { COMPARE, ADW_COLOR_SCHEME_FORCE_DARK },
  { RD_RESULTS_PAGE_NAME, ADW_COLOR_SCHEME_FORCE_LIGHT },
  { RD_RESULTS_PAGE_NAME, ADW_COLOR_SCHEME_FORCE_DARK },
  { "connectivity", ADW_COLOR_SCHEME_FORCE_LIGHT },
  { "connectivity", ADW_COLOR_SCHEME_FORCE_DARK },
  { RD_REVIEW_PAGE_NAME, ADW_COLOR_SCHEME_FORCE_LIGHT },
  { RD_REVIEW_PAGE_NAME, ADW_COLOR_SCHEME_FORCE_DARK },
  { RD_ACTION_PLAN_PAGE_NAME, ADW_COLOR_SCHEME_FORCE_LIGHT },
  { RD_ACTION_PLAN_PAGE_NAME, ADW_COLOR_SCHEME_FORCE_DARK },
};

static GtkWidget *
page_widget (Fixture    *fixture,
             const char *page)
{
  if (g_str_equal (page, RD_RESULTS_PAGE_NAME))
    return GTK_WIDGET (rd_assessment_view_get_results_page (fixture->view));
  if (g_str_equal (page, RD_REVIEW_PAGE_NAME))
    return GTK_WIDGET (rd_assessment_view_get_review_page (fixture->view));
  if (g_str_equal (page, RD_ACTION_PLAN_PAGE_NAME))
    return GTK_WIDGET (rd_assessment_view_get_action_plan_page (fixture->view));
  return GTK_WIDGET (rd_assessment_view_get_area_page (fixture->view, page));
}

/* The Add School dialog with a name typed (a disabled button's text
 * need not contrast: WCAG exempts inactive controls), the region's
 * row still empty, showing its title as a placeholder. */
static double
lowest_contrast_in_add_school (Fixture    *fixture,
                               const char *name,
                               const char *shot)
{
  GtkWidget *dialog, *row;
  double lowest;

  gtk_widget_activate_action (fixture->window, "win.add-school", NULL);
  rd_test_wait_for_idle ();
  dialog = GTK_WIDGET (rd_window_get_dialog (RD_WINDOW (fixture->window)));
  g_assert_nonnull (dialog);
  row = rd_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Sint-Lievenscollege");
  gtk_test_widget_wait_for_draw (dialog);
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (dialog, shot);
  lowest = lowest_contrast_in_view (dialog, name);
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_wait_for_idle ();
  return lowest;
}

/* Compare Schools with the school selected: its texts beside the heatmap
 * (whose cells the charts' own rule colours). */
static double
lowest_contrast_in_compare (Fixture    *fixture,
                            const char *name,
                            const char *shot)
{
  GtkWindow *compare;
  double lowest;

  gtk_widget_activate_action (fixture->window, "win.compare", NULL);
  compare = rd_test_wait_for_toplevel (RD_TYPE_COMPARE_WINDOW, NULL);
  gtk_window_set_default_size (compare, 1280, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (compare));
  rd_test_wait_for_idle ();
  rd_test_save_screenshot (GTK_WIDGET (compare), shot);
  lowest = lowest_contrast_in_view (GTK_WIDGET (compare), name);
  gtk_window_destroy (compare);
  rd_test_wait_for_idle ();
  return lowest;
}

/* Every text of the screen, scrolled through, at 4.5:1 or more. */
static void
test_screen (Fixture       *fixture,
             gconstpointer  data)
{
  const Screen *screen = data;
  const char *style = screen->scheme == ADW_COLOR_SCHEME_FORCE_DARK ? "dark" : "light";
  const char *page = screen->page != NULL ? screen->page : "school";
  g_autofree char *name = g_strdup_printf ("%s, %s", page, style);
  g_autofree char *shot = g_strdup_printf ("contrast-%s-%s.png", page, style);
  double lowest;

  set_style (fixture, screen->scheme);
  if (screen->page == NULL)
    {
      rd_test_save_screenshot (fixture->window, shot);
      lowest = lowest_contrast_in_view (fixture->window, name);
    }
  else if (g_str_equal (screen->page, ADD_SCHOOL))
    lowest = lowest_contrast_in_add_school (fixture, name, shot);
  else if (g_str_equal (screen->page, COMPARE))
    lowest = lowest_contrast_in_compare (fixture, name, shot);
  else
    {
      open_assessment (fixture);
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.show-area", "s", screen->page);
      rd_test_wait_for_idle ();
      g_assert_cmpstr (rd_assessment_view_get_visible_area (fixture->view), ==, screen->page);
      rd_test_save_screenshot (fixture->window, shot);
      lowest = lowest_contrast_on_page (fixture, page_widget (fixture, screen->page), name);
    }
  g_test_message ("%s: lowest text contrast %.2f:1", name, lowest);
  g_assert_cmpfloat (lowest, >=, min_contrast ());
}

/* The tests load the stylesheet as AdwApplication does for the app: from
 * the app's resource base path, which must hold it. */
static void
test_app_loads_style (void)
{
  g_autoptr(RdApplication) app = rd_application_new ();

  g_assert_cmpstr (g_application_get_resource_base_path (G_APPLICATION (app)), ==, RESOURCE_BASE);
  g_assert_true (g_resources_get_info (RESOURCE_BASE "/style.css", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                       NULL, NULL, NULL));
}

/* Chart text drawn quieter than the foreground (ring numbers, axis ticks,
 * figures on too few answers) still reads at 4.5:1 in every style. */
static void
test_chart_quiet_text (void)
{
  static const char * const names[] = { "light", "dark", "high contrast" };

  for (RdChartStyle style = RD_CHART_STYLE_LIGHT; style <= RD_CHART_STYLE_HIGH_CONTRAST; style++)
    {
      RdChartPalette palette;
      RdColor *fg = &palette.foreground, *bg = &palette.background;
      double a = RD_CHART_QUIET_TEXT_ALPHA;
      RdColor ink;
      double contrast;

      rd_chart_palette_init (&palette, style);
      ink = (RdColor) { a * fg->red + (1 - a) * bg->red, a * fg->green + (1 - a) * bg->green,
                        a * fg->blue + (1 - a) * bg->blue, 1 };
      contrast = rd_color_contrast_ratio (&ink, bg);
      g_test_message ("chart quiet text, %s: %.2f:1", names[style], contrast);
      g_assert_cmpfloat (contrast, >=, MIN_CONTRAST);
    }
}

int
main (int   argc,
      char *argv[])
{
  rd_test_init_gtk (&argc, &argv);

  g_test_add_func ("/contrast/app-loads-style", test_app_loads_style);
  g_test_add_func ("/contrast/charts/quiet-text", test_chart_quiet_text);
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/contrast/%s/%s", screens[i].page ? screens[i].page : "school",
                                               screens[i].scheme == ADW_COLOR_SCHEME_FORCE_DARK ? "dark" : "light");

      g_test_add (path, Fixture, &screens[i], fixture_set_up, test_screen, fixture_tear_down);
    }

  return g_test_run ();
}
