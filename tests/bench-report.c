/* bench-report.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times exporting one plan as a PDF of every section (A4, portrait), the
 * way rollout-cli export-pdf does, after reading and scheduling it.
 *
 *   bench-report FILE [RUNS]
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb, and
 * on standard error the page count and how much the peak resident set grew
 * while exporting: drawing page by page keeps that to about one page's
 * worth whatever the page count. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "rollout-file.h"
#include "rollout-report.h"
#include "rollout-scheduler.h"

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autofree double *ms = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) output = NULL;
  RolloutReportOptions options;
  double width, height, rss_before;
  guint runs, size, pages = 0;
  GStatBuf st;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-report FILE [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? (guint) atoi (argv[2]) : 3;
  runs = MAX (runs, 1);
  ms = g_new0 (double, runs);

  input = g_file_new_for_commandline_arg (argv[1]);
  project = rollout_file_load (input, NULL, NULL, &error);
  if (project == NULL || !rollout_project_schedule (project, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  size = g_list_model_get_n_items (rollout_project_get_tasks (project));

  dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "plan.pdf", NULL);
  output = g_file_new_for_path (path);
  rollout_report_options_init (&options);
  rollout_date_parse ("2026-03-27", &options.printed);
  rollout_report_paper_get_size (ROLLOUT_REPORT_PAPER_A4, ROLLOUT_REPORT_PORTRAIT, &width, &height);

  rss_before = peak_rss_mb ();
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(RolloutReport) report = NULL;
      gint64 t0, t1;

      t0 = g_get_monotonic_time ();
      report = rollout_report_new (project, &options, &error);
      if (report == NULL ||
          !rollout_report_write (report, output, ROLLOUT_REPORT_FORMAT_PDF, width, height, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      t1 = g_get_monotonic_time ();
      ms[i] = (t1 - t0) / 1000.0;
      pages = rollout_report_get_n_pages (report);
    }

  qsort (ms, runs, sizeof (double), compare_double);
  printf ("export-pdf,%u,%.2f,%.2f,%.2f,%.1f\n", size, ms[runs / 2], ms[0], ms[runs - 1], peak_rss_mb ());
  if (g_stat (path, &st) == 0)
    fprintf (stderr, "export-pdf %u tasks: %u pages, %.1f MB of PDF, peak RSS %.1f MB before exporting, %.1f MB after\n",
             size, pages, st.st_size / (1024.0 * 1024.0), rss_before, peak_rss_mb ());

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
