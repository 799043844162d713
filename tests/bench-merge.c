/* bench-merge.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the three-way merge and the diff of two people's versions of one
 * large plan.
 *
 *   bench-merge [TASKS [EDITS [RUNS]]]      (default 10000 500 5)
 *
 * A plan of TASKS tasks is generated; each side makes EDITS seeded random
 * edits (durations, names, statuses, dependencies, checklists, unknown
 * members, added, deleted and moved tasks). Prints CSV rows:
 * operation,size,median_ms,min_ms,max_ms,peak_rss_mb — "merge" (the three
 * plans in memory), "merge+io" (reading the three files, merging, writing
 * the result), "diff" (base against ours), and "merge-edit" and
 * "merge-undo": the merged plan applied to an open copy of ours as one edit
 * of its history, as the app's Merge does, rescheduling included, and that
 * edit undone. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "rollout-diff.h"
#include "rollout-file.h"
#include "rollout-generator.h"
#include "rollout-history.h"
#include "rollout-merge.h"
#include "rollout-scheduler.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *operation,
        guint       size,
        double     *ms,
        guint       runs)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  qsort (ms, runs, sizeof (double), compare_double);
  printf ("%s,%u,%.2f,%.2f,%.2f,%.1f\n", operation, size, ms[runs / 2], ms[0], ms[runs - 1],
          usage.ru_maxrss / 1024.0);
}

static RolloutProject *
read_text (const char *text,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_file_read (text, length, NULL, &error);

  if (project == NULL)
    g_error ("%s", error->message);
  return project;
}

static void
drop_task (RolloutProject *project,
           RolloutTask    *doomed)
{
  GListModel *tasks = rollout_project_get_tasks (project);
  GListModel *risks = rollout_project_get_risks (project);
  const char *id = rollout_task_get_id (doomed);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RolloutTask) t = g_list_model_get_item (tasks, i);
      GPtrArray *deps = rollout_task_get_dependencies (t);

      for (guint d = 0; d < deps->len; d++)
        if (strcmp (((RolloutDependency *) g_ptr_array_index (deps, d))->task_id, id) == 0)
          {
            g_autoptr(GPtrArray) kept = rollout_ptr_array_copy (deps, (GBoxedCopyFunc) rollout_dependency_copy,
                                                                (GDestroyNotify) rollout_dependency_free);

            g_ptr_array_remove_index (kept, d);
            rollout_task_set_dependencies (t, kept);
            break;
          }
    }
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(RolloutRisk) r = g_list_model_get_item (risks, i);
      const char * const *ids = rollout_risk_get_task_ids (r);

      if (ids != NULL && g_strv_contains (ids, id))
        rollout_risk_set_task_ids (r, NULL);
    }
  rollout_project_remove (project, doomed);
}

/* EDITS seeded random edits; dependencies only point to lower task numbers,
 * so none makes a cycle. */
static void
edit (RolloutProject *project,
      guint32         seed,
      guint           edits)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GListModel *tasks = rollout_project_get_tasks (project);

  for (guint e = 0; e < edits; e++)
    {
      guint n = g_list_model_get_n_items (tasks);
      guint position = g_rand_int_range (rand, 0, n);
      g_autoptr(RolloutTask) t = g_list_model_get_item (tasks, position);
      const char *id = rollout_task_get_id (t);
      int kind = g_rand_int_range (rand, 0, 20);

      if (kind < 5)
        rollout_task_set_duration (t, g_rand_int_range (rand, 1, 30));
      else if (kind < 7)
        {
          g_autofree char *name = g_strdup_printf ("Renamed %u-%u", seed, e);

          rollout_task_set_name (t, name);
        }
      else if (kind < 9)
        rollout_task_set_status (t, g_rand_int_range (rand, 0, 4));
      else if (kind < 11 && id[0] == 't' && atoi (id + 1) > 1)
        {
          g_autofree char *on = g_strdup_printf ("t%d", g_rand_int_range (rand, 1, atoi (id + 1)));
          g_autoptr(GPtrArray) deps = rollout_ptr_array_copy (rollout_task_get_dependencies (t),
                                                              (GBoxedCopyFunc) rollout_dependency_copy,
                                                              (GDestroyNotify) rollout_dependency_free);
          gboolean present = rollout_project_lookup_task (project, on) == NULL;

          for (guint d = 0; d < deps->len; d++)
            present |= strcmp (((RolloutDependency *) g_ptr_array_index (deps, d))->task_id, on) == 0;
          if (!present)
            {
              g_ptr_array_add (deps, rollout_dependency_new (on, ROLLOUT_DEPENDENCY_FS, 0));
              rollout_task_set_dependencies (t, deps);
            }
        }
      else if (kind < 13)
        {
          g_autoptr(GPtrArray) checklist = rollout_ptr_array_copy (rollout_task_get_checklist (t),
                                                                   (GBoxedCopyFunc) rollout_checklist_item_copy,
                                                                   (GDestroyNotify) rollout_checklist_item_free);
          g_autofree char *text = g_strdup_printf ("Step %u-%u", seed, e);

          g_ptr_array_add (checklist, rollout_checklist_item_new (text, FALSE));
          rollout_task_set_checklist (t, checklist);
        }
      else if (kind < 14)
        {
          g_autoptr(JsonObject) extra = json_object_new ();

          json_object_set_int_member (extra, "x-estimate", g_rand_int_range (rand, 1, 100));
          rollout_task_set_extra (t, extra);
        }
      else if (kind < 16)
        {
          g_autofree char *new_id = g_strdup_printf ("new-%u-%u", seed, e);
          g_autoptr(RolloutTask) added = rollout_task_new (new_id);

          rollout_task_set_name (added, "Added during the benchmark");
          rollout_task_set_phase_id (added, rollout_task_get_phase_id (t));
          rollout_task_set_duration (added, 2);
          rollout_project_insert_task (project, added, position + 1);
        }
      else if (kind < 18)
        drop_task (project, t);
      else
        {
          g_autoptr(RolloutTask) moving = g_object_ref (t);

          rollout_project_remove (project, moving);
          rollout_project_insert_task (project, moving, g_rand_int_range (rand, 0, n - 1));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n_tasks = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_edits = argc > 2 ? (guint) atoi (argv[2]) : 500;
  guint runs = argc > 3 ? MAX (1, (guint) atoi (argv[3])) : 5;
  g_autoptr(RolloutProject) generated = rollout_generate_project (n_tasks, 1);
  g_autoptr(RolloutProject) base = NULL;
  g_autoptr(RolloutProject) ours = NULL;
  g_autoptr(RolloutProject) theirs = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *ours_text = NULL;
  g_autofree char *theirs_text = NULL;
  const char *texts[3];
  gsize lengths[3] = { 0, 0, 0 };
  g_autofree double *merge_ms = g_new0 (double, runs);
  g_autofree double *io_ms = g_new0 (double, runs);
  g_autofree double *diff_ms = g_new0 (double, runs);
  g_autofree double *edit_ms = g_new0 (double, runs);
  g_autofree double *undo_ms = g_new0 (double, runs);
  guint n_conflicts = 0;

  texts[0] = base_text = rollout_file_write (generated, &lengths[0]);
  base = read_text (texts[0], lengths[0]);
  ours = read_text (texts[0], lengths[0]);
  theirs = read_text (texts[0], lengths[0]);
  edit (ours, 2, n_edits);
  edit (theirs, 3, n_edits);
  texts[1] = ours_text = rollout_file_write (ours, &lengths[1]);
  texts[2] = theirs_text = rollout_file_write (theirs, &lengths[2]);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RolloutProject) merged = NULL;
      g_autoptr(RolloutProject) b = NULL;
      g_autoptr(RolloutProject) o = NULL;
      g_autoptr(RolloutProject) t = NULL;
      g_autoptr(RolloutProject) m = NULL;
      g_autoptr(RolloutProject) live = NULL;
      g_autoptr(RolloutHistory) history = NULL;
      g_autoptr(RolloutCommand) command = NULL;
      g_autofree char *written = NULL;
      gint64 t0, t1, t2, t3, t4, t5, t6, t7;

      t0 = g_get_monotonic_time ();
      merged = rollout_merge_projects (base, ours, theirs, &conflicts, &error);
      t1 = g_get_monotonic_time ();
      if (merged == NULL)
        g_error ("%s", error->message);
      n_conflicts = conflicts->len;

      t2 = g_get_monotonic_time ();
      b = read_text (texts[0], lengths[0]);
      o = read_text (texts[1], lengths[1]);
      t = read_text (texts[2], lengths[2]);
      m = rollout_merge_projects (b, o, t, NULL, &error);
      written = rollout_file_write (m, NULL);
      t3 = g_get_monotonic_time ();

      changes = rollout_diff_projects (base, ours);
      t4 = g_get_monotonic_time ();

      live = read_text (texts[1], lengths[1]);
      rollout_project_schedule (live, NULL, NULL);
      history = rollout_history_new (live);
      t5 = g_get_monotonic_time ();
      command = rollout_merge_command_new (live, m, "Merge");
      if (!rollout_history_execute (history, command, &error))
        g_error ("%s", error->message);
      t6 = g_get_monotonic_time ();
      rollout_history_undo (history);
      t7 = g_get_monotonic_time ();

      merge_ms[r] = (t1 - t0) / 1000.0;
      io_ms[r] = (t3 - t2) / 1000.0;
      diff_ms[r] = (t4 - t3) / 1000.0;
      edit_ms[r] = (t6 - t5) / 1000.0;
      undo_ms[r] = (t7 - t6) / 1000.0;
    }

  report ("merge", n_tasks, merge_ms, runs);
  report ("merge+io", n_tasks, io_ms, runs);
  report ("diff", n_tasks, diff_ms, runs);
  report ("merge-edit", n_tasks, edit_ms, runs);
  report ("merge-undo", n_tasks, undo_ms, runs);
  fprintf (stderr, "bench-merge: %u tasks, %u edits per side, %u conflicts\n", n_tasks, n_edits, n_conflicts);
  return 0;
}
