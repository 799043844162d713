/* bench-board.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times filtering the team board of a generated plan.
 *
 *   bench-board [TASKS] [RUNS]
 *
 * Each row makes the board the way the view does after an edit or a change
 * of filter: every task checked against the filters, the cards sorted into
 * lanes and columns, lateness and checklists counted. The whole board, by
 * team lanes, one phase and one team, a text search, and a search with
 * both filters and phase lanes. Target: 50 ms for 10,000 tasks.
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rollout-board.h"
#include "rollout-generator.h"
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
bench (RolloutProject *project,
       const char     *operation,
       guint           size,
       guint           runs,
       RolloutBoardLanes lanes,
       const char     *phase_id,
       const char     *team_id,
       const char     *search)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  RolloutBoardOptions options;
  double *values;
  guint shown = 0;

  rollout_board_options_init (&options);
  options.lanes = lanes;
  options.phase_id = phase_id;
  options.team_id = team_id;
  options.search = search;
  options.today = rollout_project_get_start (project) + 60;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RolloutBoard) board = rollout_board_new (project, &options);
      double t = (g_get_monotonic_time () - start) / 1000.0;

      shown = rollout_board_get_n_shown (board);
      g_array_append_val (ms, t);
    }

  values = (double *) (gpointer) ms->data;
  qsort (values, ms->len, sizeof (double), compare_double);
  printf ("%s,%u,%.2f,%.2f,%.2f,%.1f\n", operation, size, values[ms->len / 2], values[0],
          values[ms->len - 1], peak_rss_mb ());
  fprintf (stderr, "%s: %u of %u cards shown\n", operation, shown, size);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  guint n_tasks = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 15;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (n_tasks == 0 || runs == 0)
    {
      fprintf (stderr, "usage: bench-board [TASKS] [RUNS]\n");
      return 2;
    }

  project = rollout_generate_project (n_tasks, 1);
  if (!rollout_project_schedule (project, NULL, &error))
    {
      fprintf (stderr, "bench-board: %s\n", error->message);
      return 1;
    }

  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");
  bench (project, "board-filter-all", n_tasks, runs, ROLLOUT_BOARD_LANES_NONE, NULL, NULL, NULL);
  bench (project, "board-filter-team-lanes", n_tasks, runs, ROLLOUT_BOARD_LANES_TEAM, NULL, NULL, NULL);
  bench (project, "board-filter-phase-team", n_tasks, runs, ROLLOUT_BOARD_LANES_NONE, "phase-7", "support", NULL);
  bench (project, "board-filter-search", n_tasks, runs, ROLLOUT_BOARD_LANES_NONE, NULL, NULL, "review");
  bench (project, "board-filter-search-lanes", n_tasks, runs, ROLLOUT_BOARD_LANES_PHASE, NULL, "eng", "load test");
  return 0;
}
