/* test-history.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "rollout-file.h"
#include "rollout-history.h"
#include "rollout-scheduler.h"

static char *
snapshot (RolloutProject *project)
{
  return rollout_file_write (project, NULL);
}

/* Lengthening a task moves everything after it; undo moves it all back. */
static void
test_slip_propagates_and_undoes (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutTask *build = rollout_project_lookup_task (project, "payments-preauth");
  RolloutTask *qa = rollout_project_lookup_task (project, "qa-dogfood");
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  RolloutDate qa_start;
  int duration;

  g_assert_nonnull (build);
  g_assert_nonnull (qa);
  qa_start = rollout_task_get_start (qa);
  duration = rollout_task_get_duration (build);

  command = rollout_command_new_set_many (build, "Lengthen ‘Pre-authorize’",
                                          "duration", duration + 10, NULL);
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rollout_task_get_duration (build), ==, duration + 10);
  g_assert_cmpuint (rollout_task_get_start (qa), >, qa_start);
  g_assert_true (rollout_history_get_modified (history));
  g_assert_true (rollout_history_can_undo (history));
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Lengthen ‘Pre-authorize’");
  after = snapshot (project);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (rollout_history_undo (history));
  g_assert_cmpint (rollout_task_get_duration (build), ==, duration);
  g_assert_cmpuint (rollout_task_get_start (qa), ==, qa_start);
  g_assert_false (rollout_history_get_modified (history));
  g_assert_cmpstr (rollout_history_get_redo_label (history), ==, "Lengthen ‘Pre-authorize’");
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (rollout_history_redo (history));
  g_assert_cmpint (rollout_task_get_duration (build), ==, duration + 10);
  g_assert_false (rollout_history_redo (history));
}

static void
test_modified_follows_saved_position (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutTask *task = rollout_project_lookup_task (project, "qa-dogfood");
  g_autoptr(RolloutCommand) first = rollout_command_new_set_many (task, "Rename", "name", "QA pass", NULL);
  g_autoptr(RolloutCommand) second = rollout_command_new_set_many (task, "Rename", "name", "QA pass 2", NULL);
  g_autoptr(RolloutCommand) third = rollout_command_new_set_many (task, "Rename", "name", "QA pass 3", NULL);

  g_assert_false (rollout_history_get_modified (history));
  g_assert_true (rollout_history_execute (history, first, NULL));
  rollout_history_set_saved (history);
  g_assert_false (rollout_history_get_modified (history));
  g_assert_true (rollout_history_execute (history, second, NULL));
  g_assert_true (rollout_history_get_modified (history));
  rollout_history_undo (history);
  g_assert_false (rollout_history_get_modified (history));
  rollout_history_undo (history);
  g_assert_true (rollout_history_get_modified (history));
  /* A new edit from here makes the saved state unreachable. */
  g_assert_true (rollout_history_execute (history, third, NULL));
  g_assert_true (rollout_history_get_modified (history));
  rollout_history_undo (history);
  g_assert_true (rollout_history_get_modified (history));

  rollout_history_clear (history);
  g_assert_false (rollout_history_get_modified (history));
  g_assert_false (rollout_history_can_undo (history));
  rollout_history_set_modified (history);
  g_assert_true (rollout_history_get_modified (history));
}

static void
test_cycle_refused (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutTask *early = rollout_project_lookup_task (project, "feature-flag");
  g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (project);
  g_autofree char *after = NULL;

  /* The first task would wait for the last one, which waits for it. */
  g_ptr_array_add (deps, rollout_dependency_new ("ga-flag-cleanup", ROLLOUT_DEPENDENCY_FS, 0));
  command = rollout_command_new_set_many (early, "Add dependency", "dependencies", deps, NULL);
  g_assert_false (rollout_history_execute (history, command, &error));
  g_assert_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "Remove the reservation flag"));
  g_assert_false (rollout_history_can_undo (history));
  g_assert_false (rollout_history_get_modified (history));
  after = snapshot (project);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_task_and_references (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutTask *task = rollout_project_lookup_task (project, "hold-timeout");
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *before = snapshot (project);
  g_autofree char *undone = NULL;
  guint n_tasks = g_list_model_get_n_items (rollout_project_get_tasks (project));
  int position = rollout_project_index_of (project, task);

  g_assert_nonnull (task);
  command = rollout_command_new_delete_task (project, task);
  g_assert_cmpstr (rollout_command_get_label (command), ==,
                   "Delete ‘Hold timer and automatic release after 15 minutes’");
  /* Something referred to it, so the group holds more than the removal. */
  g_assert_cmpuint (rollout_command_group_get_size (command), >, 1);
  g_assert_true (rollout_history_execute (history, command, NULL));
  g_assert_null (rollout_project_lookup_task (project, "hold-timeout"));
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (project)), ==, n_tasks - 1);
  problems = rollout_project_validate (project);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (rollout_history_undo (history));
  g_assert_true (rollout_project_lookup_task (project, "hold-timeout") == task);
  g_assert_cmpint (rollout_project_index_of (project, task), ==, position);
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_insert_and_group (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  g_autoptr(RolloutTask) task = rollout_task_new ("press-kit");
  g_autoptr(RolloutCommand) group = rollout_command_new_group ("Add ‘Press kit’");
  g_autoptr(RolloutCommand) rename = NULL;
  RolloutPhase *phase = rollout_project_lookup_phase (project, "ga");
  guint n = g_list_model_get_n_items (rollout_project_get_tasks (project));

  g_assert_nonnull (phase);
  rollout_task_set_name (task, "Press kit");
  rollout_task_set_phase_id (task, "ga");
  rollout_task_set_duration (task, 4);
  rollout_command_group_add (group, rollout_command_new_insert (task, 2, "Add"));
  rename = rollout_command_new_set_many (phase, "Rename", "name", "Everyone", NULL);
  rollout_command_group_add (group, g_object_ref (rename));
  g_assert_true (rollout_history_execute (history, group, NULL));
  g_assert_cmpint (rollout_project_index_of (project, task), ==, 2);
  g_assert_cmpstr (rollout_phase_get_name (phase), ==, "Everyone");
  /* The new task was scheduled with the rest. */
  g_assert_cmpuint (rollout_task_get_start (task), !=, ROLLOUT_DATE_NONE);

  g_assert_true (rollout_history_undo (history));
  g_assert_cmpint (rollout_project_index_of (project, task), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (project)), ==, n);
  g_assert_cmpstr (rollout_phase_get_name (phase), !=, "Everyone");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutTask *task = rollout_project_lookup_task (project, "qa-dogfood");
  g_autoptr(RolloutCommand) command = rollout_command_new_set_many (task, "Done", "status", ROLLOUT_TASK_STATUS_DONE, "progress", 100, NULL);
  guint changes = 0;

  g_signal_connect_swapped (history, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (rollout_history_execute (history, command, NULL));
  g_assert_cmpint (rollout_task_get_status (task), ==, ROLLOUT_TASK_STATUS_DONE);
  g_assert_cmpint (rollout_task_get_progress (task), ==, 100);
  rollout_history_undo (history);
  rollout_history_redo (history);
  g_assert_cmpuint (changes, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/history/slip-propagates-and-undoes", test_slip_propagates_and_undoes);
  g_test_add_func ("/rollout/history/modified", test_modified_follows_saved_position);
  g_test_add_func ("/rollout/history/cycle-refused", test_cycle_refused);
  g_test_add_func ("/rollout/history/delete-task", test_delete_task_and_references);
  g_test_add_func ("/rollout/history/insert-and-group", test_insert_and_group);
  g_test_add_func ("/rollout/history/changed-signal", test_changed_signal);

  return g_test_run ();
}
