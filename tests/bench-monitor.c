/* bench-monitor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the Monitor on a generated plan (phases of about 20 tasks, each
 * with a gate on the plan's metrics, samples and feedback).
 *
 *   bench-monitor [TASKS] [RUNS]
 *
 * The core first: every phase's gate evaluated, every phase's feedback
 * summed up, and the chart geometry of every gate metric of every phase at
 * a card's size. Then, when a display is available and the UI is built,
 * the Monitor view in a window: from rollout_monitor_view_set_document()
 * to the first painted frame, and from an edit (a sample added through the
 * history, which the view follows) to the frame that shows it.
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rollout-gates.h"
#include "rollout-generator.h"
#include "rollout-metric-chart.h"
#include "rollout-monitor.h"
#include "rollout-scheduler.h"

#ifdef BENCH_WITH_GTK
#include <adwaita.h>

#include "rollout-document.h"
#include "rollout-monitor-view.h"
#endif

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
  printf ("%s,%u,%.2f,%.2f,%.2f,%.1f\n", operation, size, values[ms->len / 2], values[0],
          values[ms->len - 1], peak_rss_mb ());
  fflush (stdout);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static void
bench_core (RolloutProject *project,
            guint           size,
            guint           runs)
{
  g_autoptr(GArray) gates_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) summary_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) charts_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *phases = rollout_project_get_phases (project);
  guint n_phases = g_list_model_get_n_items (phases);
  RolloutChartRect area = { 0, 0, 260, 128 };

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GPtrArray) evaluations = NULL;
      guint n_charts = 0;
      gint64 start;
      double t;

      start = g_get_monotonic_time ();
      evaluations = rollout_gates_evaluate (project);
      t = elapsed_ms (start);
      g_assert_cmpuint (evaluations->len, ==, n_phases);
      g_array_append_val (gates_ms, t);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < n_phases; i++)
        {
          g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
          g_autoptr(RolloutFeedbackSummary) summary = rollout_feedback_summary_new (project, rollout_phase_get_id (phase));

          g_assert_nonnull (summary);
        }
      t = elapsed_ms (start);
      g_array_append_val (summary_ms, t);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < evaluations->len; i++)
        {
          RolloutGateEvaluation *evaluation = g_ptr_array_index (evaluations, i);

          for (guint k = 0; k < evaluation->criteria->len; k++)
            {
              RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, k);
              g_autoptr(RolloutMetricChart) chart = NULL;

              if (criterion->kind != ROLLOUT_CRITERION_METRIC || criterion->metric == NULL)
                continue;
              chart = rollout_metric_chart_new (criterion->metric, evaluation->phase, criterion->gate_metric, &area);
              n_charts++;
            }
        }
      t = elapsed_ms (start);
      g_assert_cmpuint (n_charts, >, 0);
      g_array_append_val (charts_ms, t);
    }
  report ("monitor-gates", size, gates_ms);
  report ("monitor-feedback-summaries", size, summary_ms);
  report ("monitor-charts", size, charts_ms);
}

#ifdef BENCH_WITH_GTK

typedef struct {
  gint64   painted_at;
  gboolean painted;
  gboolean timed_out;
} FrameWatch;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWatch    *watch)
{
  watch->painted_at = g_get_monotonic_time ();
  watch->painted = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  FrameWatch *watch = data;

  watch->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the next frame is painted. */
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

static void
bench_gtk (RolloutProject *project,
           guint           size,
           guint           runs)
{
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(RolloutDocument) document = rollout_document_new (project, NULL);
  RolloutMetric *metric;
  FrameWatch watch = { 0 };
  GtkWidget *window, *view;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-monitor: no display, the window benchmarks are skipped\n");
      return;
    }
  adw_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  view = rollout_monitor_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), &watch);
  gtk_widget_queue_draw (window);
  wait_for_frame (&watch);

  /* From set_document() to the first frame that shows the plan. */
  for (guint i = 0; i < runs; i++)
    {
      gint64 start;
      double t;

      rollout_monitor_view_set_document (ROLLOUT_MONITOR_VIEW (view), NULL);
      wait_for_frame (&watch);
      start = g_get_monotonic_time ();
      rollout_monitor_view_set_document (ROLLOUT_MONITOR_VIEW (view), document);
      if (!wait_for_frame (&watch))
        continue;
      t = (watch.painted_at - start) / 1000.0;
      g_array_append_val (first_ms, t);
    }
  report ("monitor-first-frame", size, first_ms);

  /* An edit the view follows: a sample, added and taken back. */
  metric = g_list_model_get_item (rollout_project_get_metrics (project), 0);
  g_object_unref (metric);
  for (guint i = 0; i < 2 * runs; i++)
    {
      g_autoptr(RolloutSample) sample = rollout_sample_new (rollout_project_get_start (project) + i, NULL, i);
      g_autoptr(RolloutCommand) command = rollout_monitor_new_add_sample (metric, sample);
      gint64 start = g_get_monotonic_time ();
      double t;

      if (i % 2 == 0)
        rollout_document_execute (document, command, NULL);
      else
        rollout_history_undo (rollout_document_get_history (document));
      if (!wait_for_frame (&watch))
        continue;
      t = (watch.painted_at - start) / 1000.0;
      g_array_append_val (edit_ms, t);
    }
  report ("monitor-edit-to-frame", size, edit_ms);

  gtk_window_destroy (GTK_WINDOW (window));
}

#endif

int
main (int   argc,
      char *argv[])
{
  guint size = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  guint runs = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 5;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (size == 0 || runs == 0)
    {
      fprintf (stderr, "usage: bench-monitor [TASKS] [RUNS]\n");
      return 2;
    }
  project = rollout_generate_project (size, 1);
  if (!rollout_project_schedule (project, NULL, &error))
    {
      fprintf (stderr, "bench-monitor: %s\n", error->message);
      return 1;
    }

  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");
  bench_core (project, size, runs);
#ifdef BENCH_WITH_GTK
  bench_gtk (project, size, runs);
#endif
  return 0;
}
