/* bench-core.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times reading (with validation), scheduling and writing one plan file.
 *
 *   bench-core FILE [RUNS]
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb. The
 * peak resident set size is that of this process, which holds one plan. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rollout-file.h"
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *read_ms = NULL;
  g_autofree double *schedule_ms = NULL;
  g_autofree double *write_ms = NULL;
  g_autoptr(RolloutProject) project = NULL;
  gsize length = 0;
  guint runs, size = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-core FILE [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  runs = MAX (runs, 1);
  read_ms = g_new0 (double, runs);
  schedule_ms = g_new0 (double, runs);
  write_ms = g_new0 (double, runs);

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < runs; i++)
    {
      gint64 t0, t1, t2, t3;
      g_autofree char *text = NULL;

      g_clear_object (&project);
      t0 = g_get_monotonic_time ();
      project = rollout_file_read (contents, length, NULL, &error);
      t1 = g_get_monotonic_time ();
      if (project == NULL)
        {
          fprintf (stderr, "%s: %s\n", argv[1], error->message);
          return 1;
        }
      if (!rollout_project_schedule (project, NULL, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[1], error->message);
          return 1;
        }
      t2 = g_get_monotonic_time ();
      text = rollout_file_write (project, NULL);
      t3 = g_get_monotonic_time ();

      read_ms[i] = (t1 - t0) / 1000.0;
      schedule_ms[i] = (t2 - t1) / 1000.0;
      write_ms[i] = (t3 - t2) / 1000.0;
    }

  size = g_list_model_get_n_items (rollout_project_get_tasks (project));
  report ("read+validate", size, read_ms, runs);
  report ("schedule", size, schedule_ms, runs);
  report ("write", size, write_ms, runs);
  return 0;
}
