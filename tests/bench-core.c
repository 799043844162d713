/* bench-core.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times reading (with validation), scheduling and writing one plan file;
 * then editing it as a person does, one step at a time through its undo
 * history: each edit moves a task a few working days or changes its
 * length, and the plan is scheduled again (incrementally: only what the
 * edit can move); after each, the text of the plan is taken as a draft
 * would be, a snapshot on the main thread (only changed tasks written
 * again) joined by a worker.
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
#include "rollout-history.h"
#include "rollout-scheduler.h"

#define EDITS 200

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

  {
    g_autoptr(RolloutHistory) history = rollout_history_new (project);
    g_autoptr(RolloutWriteCache) cache = rollout_write_cache_new ();
    g_autoptr(GRand) rand = g_rand_new_with_seed (7);
    g_autofree double *edit_ms = g_new0 (double, EDITS);
    g_autofree double *snapshot_ms = g_new0 (double, EDITS);
    g_autofree double *join_ms = g_new0 (double, EDITS);
    GListModel *tasks = rollout_project_get_tasks (project);
    RolloutCalendar *calendar = rollout_project_get_calendar (project);

    /* The first snapshot writes every task. */
    g_ptr_array_unref (rollout_write_cache_snapshot (cache, project));
    for (guint i = 0; i < EDITS; i++)
      {
        g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, g_rand_int_range (rand, 0, size));
        g_autoptr(RolloutCommand) command = NULL;
        g_autoptr(GPtrArray) pieces = NULL;
        g_autoptr(GBytes) text = NULL;
        gint64 t0, t1, t2, t3;

        if (i % 2 == 0)
          command = rollout_command_new_set_many (task, "Move", "start-no-earlier-than",
                                                  (guint) rollout_calendar_add_working_days (calendar, rollout_task_get_start (task),
                                                                                             g_rand_int_range (rand, 1, 4)),
                                                  NULL);
        else
          command = rollout_command_new_set_many (task, "Stretch", "duration",
                                                  rollout_task_get_duration (task) + g_rand_int_range (rand, 1, 3), NULL);
        t0 = g_get_monotonic_time ();
        if (!rollout_history_execute (history, command, &error))
          {
            fprintf (stderr, "%s: %s\n", argv[1], error->message);
            return 1;
          }
        t1 = g_get_monotonic_time ();
        pieces = rollout_write_cache_snapshot (cache, project);
        t2 = g_get_monotonic_time ();
        text = rollout_file_join (pieces);
        t3 = g_get_monotonic_time ();

        edit_ms[i] = (t1 - t0) / 1000.0;
        snapshot_ms[i] = (t2 - t1) / 1000.0;
        join_ms[i] = (t3 - t2) / 1000.0;
      }
    report ("reschedule-edit", size, edit_ms, EDITS);
    report ("draft-snapshot", size, snapshot_ms, EDITS);
    report ("draft-join", size, join_ms, EDITS);
  }
  return 0;
}
