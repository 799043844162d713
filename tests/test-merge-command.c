/* test-merge-command.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merges and conflict choices as undoable edits of an open plan: after the
 * command the plan is, byte for byte, what the merge or the resolution
 * gives; after undo, what it was; the objects that stay are the same
 * objects throughout.
 */

#include "config.h"

#include <string.h>

#include "rollout-file.h"
#include "rollout-generator.h"
#include "rollout-history.h"
#include "rollout-merge.h"

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "merge", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static RolloutProject *
read_text (const char *text,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_merge_read (text, length, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static RolloutProject *
load_data (const char *name)
{
  gsize length = 0;
  g_autofree char *text = read_data (name, &length);

  return read_text (text, length);
}

static RolloutProject *
copy_project (RolloutProject *project)
{
  gsize length = 0;
  g_autofree char *text = rollout_file_write (project, &length);

  return read_text (text, length);
}

static char *
write_project (RolloutProject *project)
{
  return rollout_file_write (project, NULL);
}

/* The objects of every collection, in order. */
static GPtrArray *
all_objects (RolloutProject *project)
{
  GListModel *models[] = {
    rollout_project_get_teams (project),
    rollout_project_get_phases (project),
    rollout_project_get_tasks (project),
    rollout_project_get_risks (project),
    rollout_project_get_metrics (project),
    rollout_project_get_feedback (project),
  };
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0, n = g_list_model_get_n_items (models[m]); i < n; i++)
      g_ptr_array_add (objects, g_list_model_get_item (models[m], i));
  return objects;
}

static gboolean
contains (GPtrArray *objects,
          gpointer   object)
{
  return g_ptr_array_find (objects, object, NULL);
}

static const char * const merge_cases[] = {
  "same-field", "different-fields", "add-add", "delete-edit", "reorder", "move-move",
  "cycle", "unknown-keys", "lists", "reference", "plan-fields", "calendar",
};

/* Each merge case applied to "ours" as an edit gives the merged plan;
 * undo gives ours back, redo the merge again. */
static void
test_merge_cases (void)
{
  g_autoptr(RolloutProject) base = load_data ("base.rollout");

  for (guint i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    {
      g_autofree char *ours_name = g_strdup_printf ("%s.ours.rollout", merge_cases[i]);
      g_autofree char *theirs_name = g_strdup_printf ("%s.theirs.rollout", merge_cases[i]);
      g_autofree char *expected_name = g_strdup_printf ("%s.expected.rollout", merge_cases[i]);
      g_autoptr(RolloutProject) ours = load_data (ours_name);
      g_autoptr(RolloutProject) theirs = load_data (theirs_name);
      g_autoptr(RolloutProject) live = copy_project (ours);
      g_autoptr(RolloutHistory) history = rollout_history_new (live);
      g_autoptr(RolloutProject) merged = NULL;
      g_autoptr(RolloutCommand) command = NULL;
      g_autoptr(GPtrArray) before = all_objects (live);
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *ours_text = write_project (live);
      g_autofree char *expected = read_data (expected_name, NULL);
      g_autofree char *applied = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      g_test_message ("case %s", merge_cases[i]);
      merged = rollout_merge_projects (base, ours, theirs, NULL, &error);
      g_assert_no_error (error);

      command = rollout_merge_command_new (live, merged, "Merge");
      g_assert_true (rollout_history_execute (history, command, &error));
      g_assert_no_error (error);
      g_clear_object (&merged);

      applied = write_project (live);
      g_assert_cmpstr (applied, ==, expected);

      /* What was in both is still the same object. */
      after = all_objects (live);
      for (guint o = 0; o < after->len; o++)
        {
          GObject *object = g_ptr_array_index (after, o);
          g_autofree char *id = NULL;

          g_object_get (object, "id", &id, NULL);
          for (guint b = 0; b < before->len; b++)
            {
              g_autofree char *other = NULL;

              if (G_OBJECT_TYPE (g_ptr_array_index (before, b)) != G_OBJECT_TYPE (object))
                continue;
              g_object_get (g_ptr_array_index (before, b), "id", &other, NULL);
              if (g_strcmp0 (id, other) == 0)
                g_assert_true (g_ptr_array_index (before, b) == object);
            }
        }

      g_assert_true (rollout_history_undo (history));
      undone = write_project (live);
      g_assert_cmpstr (undone, ==, ours_text);
      g_assert_true (rollout_history_redo (history));
      redone = write_project (live);
      g_assert_cmpstr (redone, ==, expected);
    }
}

/* A plan whose lists were shuffled and edited in many places. */
static void
test_generated (void)
{
  g_autoptr(RolloutProject) live = rollout_generate_project (400, 7);
  g_autoptr(RolloutProject) wanted = copy_project (live);
  g_autoptr(RolloutHistory) history = rollout_history_new (live);
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GPtrArray) before = all_objects (live);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = write_project (live);
  g_autofree char *expected = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  GListModel *tasks = rollout_project_get_tasks (wanted);
  GRand *rand = g_rand_new_with_seed (11);
  g_autoptr(RolloutTask) removed = NULL;

  /* Move thirty tasks, rename twenty, drop one with nothing waiting for it. */
  for (guint i = 0; i < 30; i++)
    {
      guint from = g_rand_int_range (rand, 0, g_list_model_get_n_items (tasks));
      guint to = g_rand_int_range (rand, 0, g_list_model_get_n_items (tasks) - 1);
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, from);

      rollout_project_remove (wanted, task);
      rollout_project_insert_task (wanted, task, to);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, g_rand_int_range (rand, 0, g_list_model_get_n_items (tasks)));
      g_autofree char *name = g_strdup_printf ("Renamed %u", i);

      rollout_task_set_name (task, name);
    }
  for (guint i = g_list_model_get_n_items (tasks); i-- > 0 && removed == NULL;)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      gboolean needed = FALSE;

      for (guint k = 0; k < g_list_model_get_n_items (tasks) && !needed; k++)
        {
          g_autoptr(RolloutTask) other = g_list_model_get_item (tasks, k);
          GPtrArray *deps = rollout_task_get_dependencies (other);

          for (guint d = 0; d < deps->len && !needed; d++)
            needed = g_strcmp0 (((RolloutDependency *) g_ptr_array_index (deps, d))->task_id,
                                rollout_task_get_id (task)) == 0;
        }
      if (!needed)
        {
          removed = g_object_ref (task);
          rollout_project_remove (wanted, task);
        }
    }
  g_rand_free (rand);
  g_assert_nonnull (removed);
  expected = write_project (wanted);

  command = rollout_merge_command_new (live, wanted, "Merge");
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_no_error (error);
  applied = write_project (live);
  g_assert_cmpstr (applied, ==, expected);

  /* Every task but the dropped one is the one the plan had. */
  after = all_objects (live);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (contains (before, g_ptr_array_index (after, i)));

  g_assert_true (rollout_history_undo (history));
  undone = write_project (live);
  g_assert_cmpstr (undone, ==, original);
}

/* Resolving through a command is what rollout_merge_resolve() does, and
 * undoing brings the conflict back. */
static void
test_resolve (void)
{
  g_autoptr(RolloutProject) live = load_data ("same-field.expected.rollout");
  g_autoptr(RolloutProject) reference = copy_project (live);
  g_autoptr(RolloutHistory) history = rollout_history_new (live);
  g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (live);
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = write_project (live);
  g_autofree char *expected = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GPtrArray) left = NULL;
  RolloutTask *train = rollout_project_lookup_task (live, "train");

  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (rollout_merge_resolve (reference, g_ptr_array_index (conflicts, 0), ROLLOUT_MERGE_THEIRS, &error));
  g_assert_no_error (error);
  expected = write_project (reference);

  command = rollout_merge_resolve_command_new (live, conflicts, ROLLOUT_MERGE_THEIRS, &refused, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_null (refused);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Keep Their Version of ‘Train support agents’");
  g_assert_true (rollout_history_execute (history, command, &error));
  applied = write_project (live);
  g_assert_cmpstr (applied, ==, expected);
  g_assert_true (rollout_project_lookup_task (live, "train") == train);
  g_assert_cmpint (rollout_task_get_duration (train), ==, 7);
  left = rollout_merge_get_conflicts (live);
  g_assert_cmpuint (left->len, ==, 0);

  g_assert_true (rollout_history_undo (history));
  undone = write_project (live);
  g_assert_cmpstr (undone, ==, original);
  g_assert_cmpint (rollout_task_get_duration (train), ==, 5);
  g_clear_pointer (&left, g_ptr_array_unref);
  left = rollout_merge_get_conflicts (live);
  g_assert_cmpuint (left->len, ==, 1);
}

/* Theirs for a cycle conflict would bring the cycle back: refused, and
 * the plan is untouched. Keeping all of one side resolves what it can. */
static void
test_resolve_refused (void)
{
  g_autoptr(RolloutProject) live = load_data ("cycle.expected.rollout");
  g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (live);
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = write_project (live);
  g_autofree char *after = NULL;

  g_assert_cmpuint (conflicts->len, ==, 1);
  command = rollout_merge_resolve_command_new (live, conflicts, ROLLOUT_MERGE_THEIRS, &refused, &error);
  g_assert_null (command);
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID);
  g_assert_null (refused);
  after = write_project (live);
  g_assert_cmpstr (after, ==, original);
}

static void
test_resolve_all (void)
{
  g_autoptr(RolloutProject) live = load_data ("delete-edit.expected.rollout");
  g_autoptr(RolloutHistory) history = rollout_history_new (live);
  g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (live);
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = write_project (live);
  g_autofree char *undone = NULL;

  g_assert_cmpuint (conflicts->len, ==, 2);
  command = rollout_merge_resolve_command_new (live, conflicts, ROLLOUT_MERGE_OURS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Keep Your Versions in 2 Conflicts");
  g_assert_true (rollout_history_execute (history, command, &error));
  left = rollout_merge_get_conflicts (live);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_true (rollout_history_undo (history));
  undone = write_project (live);
  g_assert_cmpstr (undone, ==, original);
}

/* Each side of a conflict in words. */
static void
test_describe (void)
{
  static const struct {
    const char *file;
    guint       index;
    const char *label;
    const char *ours;
    const char *theirs;
  } cases[] = {
    { "same-field.expected.rollout", 0, "Task ‘Train support agents’", "duration 3 → 5 days", "duration 3 → 7 days" },
    { "plan-fields.expected.rollout", 0, "Plan", NULL, NULL },
    { "move-move.expected.rollout", 0, NULL, "moved it", "moved it" },
    { "delete-edit.expected.rollout", 0, NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RolloutProject) project = load_data (cases[i].file);
      g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (project);
      RolloutConflict *conflict = g_ptr_array_index (conflicts, cases[i].index);
      g_autofree char *label = rollout_conflict_dup_label (conflict, project);
      g_autofree char *ours = rollout_conflict_describe_side (conflict, project, ROLLOUT_MERGE_OURS);
      g_autofree char *theirs = rollout_conflict_describe_side (conflict, project, ROLLOUT_MERGE_THEIRS);
      g_autofree char *title = rollout_conflict_dup_title (conflict);

      g_test_message ("%s: %s — ours: %s; theirs: %s", cases[i].file, label, ours, theirs);
      g_assert_nonnull (title);
      g_assert_cmpstr (ours, !=, theirs);
      if (cases[i].label != NULL)
        g_assert_cmpstr (label, ==, cases[i].label);
      if (cases[i].ours != NULL && g_str_has_prefix (cases[i].ours, "moved it"))
        {
          g_assert_true (g_str_has_prefix (ours, cases[i].ours));
          g_assert_true (g_str_has_prefix (theirs, cases[i].theirs));
        }
      else if (cases[i].ours != NULL)
        {
          g_assert_cmpstr (ours, ==, cases[i].ours);
          g_assert_cmpstr (theirs, ==, cases[i].theirs);
        }
      /* One side deleted it, the other changed it. */
      if (conflict->kind == ROLLOUT_CONFLICT_DELETE)
        g_assert_true (g_str_equal (ours, "deleted it") != g_str_equal (theirs, "deleted it"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/merge-command/cases", test_merge_cases);
  g_test_add_func ("/rollout/merge-command/generated", test_generated);
  g_test_add_func ("/rollout/merge-command/resolve", test_resolve);
  g_test_add_func ("/rollout/merge-command/resolve-refused", test_resolve_refused);
  g_test_add_func ("/rollout/merge-command/resolve-all", test_resolve_all);
  g_test_add_func ("/rollout/merge-command/describe", test_describe);

  return g_test_run ();
}
