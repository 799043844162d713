/* bench-csv.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times importing CSV files of metric samples and of feedback into a plan:
 * reading and checking every row, then applying the import's command, and
 * for metrics undoing it.
 *
 *   bench-csv PLAN [ROWS] [RUNS]
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rollout-file.h"
#include "rollout-history.h"
#include "rollout-import-csv.h"

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
        double     *ms,
        guint       runs)
{
  qsort (ms, runs, sizeof (double), compare_double);
  printf ("%s,%u,%.2f,%.2f,%.2f,%.1f\n", operation, size, ms[runs / 2], ms[0],
          ms[runs - 1], peak_rss_mb ());
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Rows over every metric and phase of the plan, metrics by id and by
 * (quoted) name in turn. */
static GString *
metrics_csv (RolloutProject *project,
             guint           rows)
{
  GListModel *metrics = rollout_project_get_metrics (project);
  GListModel *phases = rollout_project_get_phases (project);
  guint n_metrics = g_list_model_get_n_items (metrics);
  guint n_phases = g_list_model_get_n_items (phases);
  GString *out = g_string_sized_new (rows * 48 + 32);
  RolloutDate start = rollout_date_from_ymd (2026, 1, 1);

  g_string_append (out, "date,metric,phase,value\r\n");
  for (guint i = 0; i < rows; i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i % n_metrics);
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, (i / n_metrics) % n_phases);
      char date[11];

      rollout_date_format_buf (start + i % 365, date);
      g_string_append_printf (out, "%s,", date);
      if (i % 2)
        g_string_append (out, rollout_metric_get_id (metric));
      else
        append_quoted (out, rollout_metric_get_name (metric));
      g_string_append_printf (out, ",%s,%u.%u\r\n", rollout_phase_get_id (phase), i % 500, i % 10);
    }
  return out;
}

static GString *
feedback_csv (RolloutProject *project,
              guint           rows)
{
  GListModel *phases = rollout_project_get_phases (project);
  guint n_phases = g_list_model_get_n_items (phases);
  GString *out = g_string_sized_new (rows * 80 + 64);

  g_string_append (out, "date,phase,source,sentiment,tags,text\n");
  for (guint i = 0; i < rows; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i % n_phases);

      g_string_append_printf (out, "2026-03-%02u,%s,survey,%s,\"ux;tag-%u\",\"Entry %u, said \"\"fine\"\"\"\n",
                              i % 28 + 1, rollout_phase_get_id (phase),
                              i % 3 == 0 ? "positive" : i % 3 == 1 ? "neutral" : "negative", i % 7, i);
    }
  return out;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) metrics = NULL;
  g_autoptr(GString) feedback = NULL;
  g_autofree double *import_ms = NULL;
  g_autofree double *apply_ms = NULL;
  g_autofree double *undo_ms = NULL;
  g_autofree double *feedback_ms = NULL;
  gsize length = 0;
  guint rows, runs;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-csv PLAN [ROWS] [RUNS]\n");
      return 2;
    }
  rows = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  runs = argc > 3 ? (guint) atoi (argv[3]) : 5;
  runs = MAX (runs, 1);
  import_ms = g_new0 (double, runs);
  apply_ms = g_new0 (double, runs);
  undo_ms = g_new0 (double, runs);
  feedback_ms = g_new0 (double, runs);

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(RolloutProject) project = rollout_file_read (contents, length, NULL, &error);
      g_autoptr(RolloutHistory) history = NULL;
      g_autoptr(RolloutImportCsv) import = NULL;
      g_autoptr(RolloutImportCsv) feedback_import = NULL;
      gint64 t0, t1, t2, t3, t4;

      if (project == NULL)
        {
          fprintf (stderr, "%s: %s\n", argv[1], error->message);
          return 1;
        }
      /* Commands run without rescheduling here: the history is only used
       * to undo. */
      history = rollout_history_new (project);
      if (metrics == NULL)
        {
          metrics = metrics_csv (project, rows);
          feedback = feedback_csv (project, rows);
        }

      t0 = g_get_monotonic_time ();
      import = rollout_import_csv_metrics (project, metrics->str, metrics->len, ROLLOUT_IMPORT_CSV_NONE);
      t1 = g_get_monotonic_time ();
      if (rollout_import_csv_get_command (import) == NULL ||
          rollout_import_csv_get_n_valid (import) != rows)
        {
          fprintf (stderr, "the metrics import failed\n");
          return 1;
        }
      if (!rollout_history_execute (history, rollout_import_csv_get_command (import), &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      t2 = g_get_monotonic_time ();
      rollout_history_undo (history);
      t3 = g_get_monotonic_time ();

      feedback_import = rollout_import_csv_feedback (project, feedback->str, feedback->len, ROLLOUT_IMPORT_CSV_NONE);
      if (rollout_import_csv_get_command (feedback_import) == NULL)
        {
          fprintf (stderr, "the feedback import failed\n");
          return 1;
        }
      rollout_command_apply (rollout_import_csv_get_command (feedback_import), project);
      t4 = g_get_monotonic_time ();

      import_ms[r] = (t1 - t0) / 1000.0;
      apply_ms[r] = (t2 - t1) / 1000.0;
      undo_ms[r] = (t3 - t2) / 1000.0;
      feedback_ms[r] = (t4 - t3) / 1000.0;
    }

  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");
  report ("csv-import-metrics", rows, import_ms, runs);
  report ("csv-import-metrics-apply", rows, apply_ms, runs);
  report ("csv-import-metrics-undo", rows, undo_ms, runs);
  report ("csv-import-feedback", rows, feedback_ms, runs);
  return 0;
}
