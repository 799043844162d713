/* bench-timeline.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the release timeline on a generated plan.
 *
 *   bench-timeline [TASKS] [RUNS]
 *
 * First the layout alone, at two zoom levels. Then, when a display is
 * available and the UI is built, a real window: the time from
 * rollout_timeline_view_set_document() to the window's first painted frame,
 * and the time each frame takes (the frame clock's paint phases, from
 * "before-paint" to "after-paint": layout, snapshot and render) while the
 * adjustments are driven in steps and while zooming. Each series starts
 * with a few frames that are not counted: the first frames after a change
 * of what is shown pay once for the renderer's caches.
 *
 * Last, the plan opened as a person opens it: the file is written out,
 * rollout_application_open_file() reads it (in a worker thread) into a
 * new application window showing the Timeline, and the time is taken to
 * the first frame of that window in which the chart has the plan; then
 * edits in that window (see bench_edit()). The
 * settings and the cache go to a temporary folder; the schemas are found
 * beside the build's tests unless GSETTINGS_SCHEMA_DIR says otherwise.
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rollout-generator.h"
#include "rollout-scheduler.h"
#include "rollout-timeline-layout.h"

#ifdef BENCH_WITH_GTK
#include <adwaita.h>
#include <glib/gstdio.h>

#include "rollout-application.h"
#include "rollout-file.h"
#include "rollout-timeline-chart.h"
#include "rollout-timeline-view.h"
#include "rollout-window.h"
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
bench_layout (RolloutProject      *project,
              guint                size,
              RolloutTimelineZoom  zoom,
              guint                runs)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *operation = g_strdup_printf ("timeline-layout-%s",
                                                rollout_enum_to_nick (ROLLOUT_TYPE_TIMELINE_ZOOM, zoom));
  RolloutTimelineOptions options;

  rollout_timeline_options_init (&options);
  options.zoom = zoom;
  options.show_critical = TRUE;
  options.today = rollout_project_get_start (project) + 60;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RolloutTimelineLayout) layout = rollout_timeline_layout_new (project, &options);
      double t = elapsed_ms (start);

      g_assert_cmpuint (rollout_timeline_layout_get_n_rows (layout), >, size);
      g_array_append_val (ms, t);
    }
  report (operation, size, ms);
}

#ifdef BENCH_WITH_GTK

#define WARM_UP_FRAMES 5

typedef struct {
  gint64   paint_start;
  gint64   painted_at;
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
  watch->painted_at = g_get_monotonic_time ();
  watch->paint_ms = (watch->painted_at - watch->paint_start) / 1000.0;
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

static GtkWidget *
find_chart (GtkWidget *widget)
{
  if (ROLLOUT_IS_TIMELINE_CHART (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chart (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_view (GtkWidget *widget)
{
  if (ROLLOUT_IS_TIMELINE_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Moves @adjustment by @step per frame for @frames frames, wrapping round
 * at the end, and records each frame's paint time. The first few frames
 * are not recorded: they pay once for the renderer's caches and buffers. */
static void
bench_scroll (FrameWatch    *watch,
              GtkAdjustment *adjustment,
              double         step,
              guint          frames,
              GArray        *ms)
{
  for (guint i = 0; i < WARM_UP_FRAMES + frames; i++)
    {
      double value = gtk_adjustment_get_value (adjustment) + step;

      if (value > gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        value = 0;
      gtk_adjustment_set_value (adjustment, value);
      if (wait_for_frame (watch) && i >= WARM_UP_FRAMES)
        g_array_append_val (ms, watch->paint_ms);
    }
}

static gboolean
bench_gtk (RolloutProject *project,
           guint           size,
           guint           runs)
{
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) vscroll_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hscroll_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_step_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(RolloutDocument) document = rollout_document_new (project, NULL);
  FrameWatch watch = { 0 };
  GtkWidget *window, *view, *chart;
  GdkFrameClock *clock;
  GtkAdjustment *hadj, *vadj;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-timeline: no display, the window benchmarks are skipped\n");
      return FALSE;
    }
  adw_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = rollout_timeline_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &watch);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &watch);
  gtk_widget_queue_draw (window);
  wait_for_frame (&watch);
  fprintf (stderr, "bench-timeline: renderer %s\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* From set_document() to the first frame that shows the plan. */
  for (guint i = 0; i < runs; i++)
    {
      gint64 start;
      double t;

      rollout_timeline_view_set_document (ROLLOUT_TIMELINE_VIEW (view), NULL);
      wait_for_frame (&watch);
      start = g_get_monotonic_time ();
      rollout_timeline_view_set_document (ROLLOUT_TIMELINE_VIEW (view), document);
      if (!wait_for_frame (&watch))
        continue;
      t = (watch.painted_at - start) / 1000.0;
      g_array_append_val (first_ms, t);
    }
  report ("timeline-first-frame", size, first_ms);

  chart = find_chart (view);
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (chart));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (chart));

  /* Scrolling: three and a half rows, or a few days, per frame. */
  bench_scroll (&watch, vadj, 3.5 * ROLLOUT_TIMELINE_ROW_HEIGHT, 30 * runs, vscroll_ms);
  report ("timeline-frame-scroll-vertical", size, vscroll_ms);
  bench_scroll (&watch, hadj, 45, 30 * runs, hscroll_ms);
  report ("timeline-frame-scroll-horizontal", size, hscroll_ms);

  /* Zooming through every level and back: the frame after each step, and
   * the whole step (a new layout, then that frame). */
  for (guint i = 0; i < 2 * runs; i++)
    {
      const char *actions[] = { "timeline.zoom-in", "timeline.zoom-out", "timeline.zoom-out",
                                "timeline.zoom-out", "timeline.zoom-in", "timeline.zoom-in" };
      gint64 start = g_get_monotonic_time ();
      double step;

      gtk_widget_activate_action (view, actions[i % G_N_ELEMENTS (actions)], NULL);
      if (!wait_for_frame (&watch))
        continue;
      step = (watch.painted_at - start) / 1000.0;
      g_array_append_val (zoom_frame_ms, watch.paint_ms);
      g_array_append_val (zoom_step_ms, step);
    }
  report ("timeline-frame-zoom", size, zoom_frame_ms);
  report ("timeline-zoom-step", size, zoom_step_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The window a plan opens in, and the first frame of it with the plan on
 * the chart. */
typedef struct {
  gint64         painted_at;
  GtkWidget     *window;
} OpenWatch;

static void
open_after_paint_cb (GdkFrameClock *clock,
                     OpenWatch     *watch)
{
  GtkWidget *chart;

  if (watch->painted_at != 0 || watch->window == NULL ||
      rollout_window_get_document (ROLLOUT_WINDOW (watch->window)) == NULL)
    return;
  chart = find_chart (watch->window);
  if (chart != NULL && gtk_widget_get_mapped (chart) &&
      rollout_timeline_chart_get_layout (ROLLOUT_TIMELINE_CHART (chart)) != NULL)
    watch->painted_at = g_get_monotonic_time ();
}

static void
open_realize_cb (GtkWidget *window,
                 OpenWatch *watch)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (open_after_paint_cb), watch);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 OpenWatch      *watch)
{
  if (!ROLLOUT_IS_WINDOW (window))
    return;
  watch->window = GTK_WIDGET (window);
  g_signal_connect (window, "realize", G_CALLBACK (open_realize_cb), watch);
}

static gboolean
open_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
document_is_shown (gconstpointer data)
{
  const OpenWatch *watch = data;

  return watch->painted_at != 0;
}

/* Editing a big plan as a person does, with the keys that move the
 * selected task a working day later and back: the time the edit takes on
 * the main thread (running the command, rescheduling, and everything that
 * follows the plan's ::changed), the time to the first frame that shows it
 * and that frame's paint; then what storing a draft of it costs the main
 * thread (a snapshot of the text; workers join and store it). The task is
 * one from the middle of the plan, with tasks waiting for it. */
static void
bench_edit (RolloutApplication *app,
            GFile              *file,
            guint               size,
            guint               runs)
{
  g_autoptr(GArray) edit_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draft_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RolloutDocument *document;
  FrameWatch frames = { 0 };
  OpenWatch watch = { 0 };
  GtkWidget *view;
  RolloutProject *project;
  g_autoptr(RolloutTask) task = NULL;
  guint n_tasks;

  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &watch);
  rollout_application_open_file (app, file, NULL);
  while (!document_is_shown (&watch))
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (app, window_added_cb, &watch);

  g_signal_connect (gtk_widget_get_frame_clock (watch.window), "before-paint", G_CALLBACK (before_paint_cb), &frames);
  g_signal_connect (gtk_widget_get_frame_clock (watch.window), "after-paint", G_CALLBACK (after_paint_cb), &frames);

  view = find_view (watch.window);
  document = rollout_window_get_document (ROLLOUT_WINDOW (watch.window));
  project = rollout_document_get_project (document);
  n_tasks = g_list_model_get_n_items (rollout_project_get_tasks (project));
  task = g_list_model_get_item (rollout_project_get_tasks (project), n_tasks / 2);
  rollout_timeline_view_select (ROLLOUT_TIMELINE_VIEW (view), task);
  wait_for_frame (&frames);

  for (guint i = 0; i < WARM_UP_FRAMES + 10 * runs; i++)
    {
      const char *action = i % 2 == 0 ? "win.move-later" : "win.move-earlier";
      gint64 start = g_get_monotonic_time ();
      double t;

      gtk_widget_activate_action (watch.window, action, NULL);
      t = elapsed_ms (start);
      if (!wait_for_frame (&frames) || i < WARM_UP_FRAMES)
        continue;
      g_array_append_val (edit_ms, t);
      t = (frames.painted_at - start) / 1000.0;
      g_array_append_val (frame_ms, t);
      g_array_append_val (paint_ms, frames.paint_ms);

      /* The draft of the edit, as two seconds later: what of it blocks
       * the main thread. */
      start = g_get_monotonic_time ();
      rollout_document_store_draft (document);
      t = elapsed_ms (start);
      g_array_append_val (draft_ms, t);
    }
  report ("timeline-edit", size, edit_ms);
  report ("timeline-edit-frame", size, frame_ms);
  report ("timeline-edit-paint", size, paint_ms);
  report ("timeline-draft-main-thread", size, draft_ms);

  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (watch.window), &frames);
  rollout_history_clear (rollout_document_get_history (document));
  gtk_window_destroy (GTK_WINDOW (watch.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
bench_open (RolloutProject *project,
            guint           size,
            guint           runs)
{
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(RolloutApplication) app = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("rollout-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "plan.rollout", NULL);
  g_autofree char *cache = g_build_filename (tmp, "cache", NULL);
  OpenWatch watch = { 0 };
  GSettings *settings;

  g_setenv ("ROLLOUT_CACHE_DIR", cache, TRUE);
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), "com.example.Rollout", TRUE);
  if (schema == NULL)
    {
      fprintf (stderr, "bench-timeline: no com.example.Rollout schema (set GSETTINGS_SCHEMA_DIR), "
                       "the open benchmark is skipped\n");
      return;
    }

  file = g_file_new_for_path (path);
  if (!rollout_file_save (project, file, NULL, &error))
    {
      fprintf (stderr, "bench-timeline: %s\n", error->message);
      return;
    }

  app = rollout_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "bench-timeline: %s\n", error->message);
      return;
    }
  settings = rollout_application_get_settings (app);
  g_settings_set_string (settings, "last-view", "timeline");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &watch);

  for (guint i = 0; i < runs; i++)
    {
      gboolean timed_out = FALSE;
      guint timeout;
      gint64 start;
      double t;

      watch.painted_at = 0;
      watch.window = NULL;
      timeout = g_timeout_add_seconds (60, open_timeout_cb, &timed_out);
      start = g_get_monotonic_time ();
      rollout_application_open_file (app, file, NULL);
      while (watch.painted_at == 0 && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (timeout);
      if (watch.painted_at != 0)
        {
          t = (watch.painted_at - start) / 1000.0;
          g_array_append_val (open_ms, t);
        }
      if (watch.window != NULL)
        gtk_window_destroy (GTK_WINDOW (watch.window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  report ("timeline-open-first-frame", size, open_ms);

  bench_edit (app, file, size, runs);

  remove_tree (tmp);
}

#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  guint size = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 11;

  size = MAX (size, 1);
  runs = MAX (runs, 1);

#ifdef BENCH_WITH_GTK
  /* Settings and the user's folders are read once, at the first use: point
   * them at the build's schemas, in memory, and at a temporary folder
   * (recent files, the cache) before anything starts. */
  {
    g_autofree char *bindir = g_path_get_dirname (argv[0]);
    g_autofree char *schemas = g_build_filename (bindir, "..", "data", NULL);
    g_autofree char *data = NULL;

    home = g_dir_make_tmp ("rollout-bench-home-XXXXXX", NULL);
    data = g_build_filename (home, "data", NULL);
    g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, FALSE);
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_set_prgname ("bench-timeline");
    g_set_application_name ("Rollout");
  }
#endif

  project = rollout_generate_project (size, 1);
  if (!rollout_project_schedule (project, NULL, &error))
    {
      fprintf (stderr, "bench-timeline: %s\n", error->message);
      return 1;
    }

  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");
  bench_layout (project, size, ROLLOUT_TIMELINE_ZOOM_WEEK, runs);
  bench_layout (project, size, ROLLOUT_TIMELINE_ZOOM_DAY, runs);

#ifdef BENCH_WITH_GTK
  if (bench_gtk (project, size, MIN (runs, 7)))
    bench_open (project, size, MIN (runs, 5));
  remove_tree (home);
#else
  fprintf (stderr, "bench-timeline: built without the UI, the window benchmarks are skipped\n");
#endif

  return 0;
}
