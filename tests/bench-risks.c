/* bench-risks.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the risk matrix with many risks.
 *
 *   bench-risks [RISKS] [RUNS]
 *
 * The risks (500 unless told) are made up with a fixed seed: ratings,
 * statuses and a short history each, so chips carry every trend and full
 * cells need "more" chips. First the layout alone (core), at the size of
 * the matrix in a 1400 × 900 window. Then, when a display is available and
 * the UI is built, the matrix widget itself in a window of that size:
 *
 *   risk-matrix-render    the risks changed: a new layout, the widget's
 *                         snapshot and its render nodes drawn with cairo
 *                         onto an image surface of the widget's size
 *   risk-matrix-redraw    the same without the new layout (a repaint, as
 *                         when the search fades chips)
 *   risk-matrix-frame     a real frame of the window after the risks
 *                         changed, from the frame clock's "before-paint" to
 *                         "after-paint" (layout, snapshot, render)
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rollout-risk-layout.h"

#ifdef BENCH_WITH_GTK
#include <gtk/gtk.h>

#include "rollout-risk-matrix.h"
#endif

/* The matrix's share of a 1400 × 900 window on the Risks page. */
#define MATRIX_WIDTH 720
#define MATRIX_HEIGHT 700
#define WARM_UP 3

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
report (const char *operation,
        guint       size,
        GArray     *ms)
{
  double *values = (double *) (gpointer) ms->data;

  if (ms->len == 0)
    return;
  qsort (values, ms->len, sizeof (double), compare_double);
  printf ("%s,%u,%.3f,%.3f,%.3f,%.1f\n", operation, size, values[ms->len / 2], values[0],
          values[ms->len - 1], peak_rss_mb ());
  fflush (stdout);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static GListStore *
make_risks (guint n)
{
  static const char * const words[] = {
    "Riders", "reserve", "scooters", "and", "the", "pilot", "permit", "battery", "refund", "peak",
    "load", "support", "queue", "firmware", "lock", "city", "fee", "review", "expires", "late",
  };
  GListStore *risks = g_list_store_new (ROLLOUT_TYPE_RISK);
  GRand *rand = g_rand_new_with_seed (500);
  RolloutDate day = rollout_date_from_ymd (2026, 2, 2);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("risk-%u", i + 1);
      g_autoptr(RolloutRisk) risk = rollout_risk_new (id);
      g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_assessment_free);
      g_autoptr(GString) title = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 3, 9);
      guint n_history = g_rand_int_range (rand, 0, 4);
      int likelihood = g_rand_int_range (rand, 1, 6);
      int impact = g_rand_int_range (rand, 1, 6);

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (title, "%s%s", w > 0 ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      rollout_risk_set_title (risk, title->str);
      for (guint h = 0; h < n_history; h++)
        g_ptr_array_add (history, rollout_assessment_new (day + 7 * h, g_rand_int_range (rand, 1, 6),
                                                          g_rand_int_range (rand, 1, 6)));
      if (n_history > 0)
        g_ptr_array_add (history, rollout_assessment_new (day + 7 * n_history, likelihood, impact));
      rollout_risk_set_history (risk, history);
      rollout_risk_set_likelihood (risk, likelihood);
      rollout_risk_set_impact (risk, impact);
      rollout_risk_set_status (risk, g_rand_int_range (rand, 0, 4));
      g_list_store_append (risks, risk);
    }
  g_rand_free (rand);
  return risks;
}

static void
bench_layout (GListModel *risks,
              guint       runs)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = g_list_model_get_n_items (risks);
  RolloutRiskLayoutOptions options;

  rollout_risk_layout_options_init (&options);
  options.width = MATRIX_WIDTH;
  options.height = MATRIX_HEIGHT;
  for (guint i = 0; i < WARM_UP + runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RolloutRiskLayout) layout = rollout_risk_layout_new (risks, &options);
      double t = elapsed_ms (start);

      g_assert_cmpuint (rollout_risk_layout_get_n_risks (layout), ==, n);
      if (i >= WARM_UP)
        g_array_append_val (ms, t);
    }
  report ("risk-matrix-layout", n, ms);
}

#ifdef BENCH_WITH_GTK

typedef struct {
  gint64   paint_start;
  double   paint_ms;
  gboolean painted;
  gboolean timed_out;
} FrameWatch;

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameWatch    *watch)
{
  watch->paint_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWatch    *watch)
{
  watch->paint_ms = elapsed_ms (watch->paint_start);
  watch->painted = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  FrameWatch *watch = data;

  watch->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_for_frame (FrameWatch *watch)
{
  guint timeout = g_timeout_add (5000, timeout_cb, watch);

  watch->painted = FALSE;
  watch->timed_out = FALSE;
  while (!watch->painted && !watch->timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!watch->timed_out)
    g_source_remove (timeout);
  return watch->painted;
}

/* The widget's snapshot, drawn with cairo, as GTK's cairo renderer and the
 * print path would. */
static void
render_to_surface (GtkWidget       *widget,
                   GdkPaintable    *paintable,
                   cairo_surface_t *surface)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static gboolean
bench_widget (GListModel *risks,
              guint       runs)
{
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GHashTable) everything = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  guint n = g_list_model_get_n_items (risks);
  FrameWatch watch = { 0 };
  cairo_surface_t *surface;
  GdkFrameClock *clock;
  GtkWidget *window;
  GtkWidget *matrix;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-risks: no display, the widget benchmarks are skipped\n");
      return FALSE;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), MATRIX_WIDTH, MATRIX_HEIGHT);
  matrix = rollout_risk_matrix_new ();
  rollout_risk_matrix_set_model (ROLLOUT_RISK_MATRIX (matrix), risks);
  gtk_window_set_child (GTK_WINDOW (window), matrix);
  gtk_window_present (GTK_WINDOW (window));

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &watch);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &watch);
  if (!wait_for_frame (&watch) || gtk_widget_get_width (matrix) <= 0)
    {
      fprintf (stderr, "bench-risks: the window was never painted\n");
      gtk_window_destroy (GTK_WINDOW (window));
      return FALSE;
    }
  g_assert_cmpuint (rollout_risk_layout_get_n_risks (rollout_risk_matrix_get_layout (ROLLOUT_RISK_MATRIX (matrix))),
                    ==, n);

  paintable = gtk_widget_paintable_new (matrix);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (matrix),
                                        gtk_widget_get_height (matrix));
  for (guint i = 0; i < n; i++)
    g_hash_table_add (everything, g_list_model_get_item (risks, i));

  for (guint i = 0; i < WARM_UP + runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double t;

      rollout_risk_matrix_refresh (ROLLOUT_RISK_MATRIX (matrix));
      render_to_surface (matrix, paintable, surface);
      t = elapsed_ms (start);
      if (i >= WARM_UP)
        g_array_append_val (render_ms, t);

      /* A repaint only: every chip picked out, or none. */
      start = g_get_monotonic_time ();
      rollout_risk_matrix_set_matches (ROLLOUT_RISK_MATRIX (matrix), i % 2 == 0 ? everything : NULL);
      render_to_surface (matrix, paintable, surface);
      t = elapsed_ms (start);
      if (i >= WARM_UP)
        g_array_append_val (redraw_ms, t);
    }
  rollout_risk_matrix_set_matches (ROLLOUT_RISK_MATRIX (matrix), NULL);

  for (guint i = 0; i < WARM_UP + runs; i++)
    {
      rollout_risk_matrix_refresh (ROLLOUT_RISK_MATRIX (matrix));
      if (!wait_for_frame (&watch))
        break;
      if (i >= WARM_UP)
        g_array_append_val (frame_ms, watch.paint_ms);
    }

  report ("risk-matrix-render", n, render_ms);
  report ("risk-matrix-redraw", n, redraw_ms);
  report ("risk-matrix-frame", n, frame_ms);

  cairo_surface_destroy (surface);
  g_signal_handlers_disconnect_by_data (clock, &watch);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return TRUE;
}

#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) risks = NULL;
  guint size = argc > 1 ? (guint) atoi (argv[1]) : 500;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 31;

  size = MAX (size, 1);
  runs = MAX (runs, 1);

  risks = make_risks (size);
  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");
  bench_layout (G_LIST_MODEL (risks), runs);

#ifdef BENCH_WITH_GTK
  bench_widget (G_LIST_MODEL (risks), runs);
#else
  fprintf (stderr, "bench-risks: built without the UI, the widget benchmarks are skipped\n");
#endif

  return 0;
}
