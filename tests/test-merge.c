/* test-merge.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rollout-file.h"
#include "rollout-generator.h"
#include "rollout-merge.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "merge", name, NULL);
}

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static RolloutProject *
load_data (const char *name)
{
  gsize length = 0;
  g_autofree char *text = read_data (name, &length);
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_merge_read (text, length, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static RolloutProject *
copy_project (RolloutProject *project)
{
  gsize length = 0;
  g_autofree char *text = rollout_file_write (project, &length);
  g_autoptr(GError) error = NULL;
  RolloutProject *copy = rollout_file_read (text, length, NULL, &error);

  g_assert_no_error (error);
  return copy;
}

static RolloutProject *
merge_ok (RolloutProject  *base,
          RolloutProject  *ours,
          RolloutProject  *theirs,
          GPtrArray      **out_conflicts)
{
  g_autoptr(GError) error = NULL;
  RolloutProject *merged = rollout_merge_projects (base, ours, theirs, out_conflicts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merged);
  return merged;
}

/* The merge, without its conflicts, is a valid plan. */
static void
assert_valid_apart_from_conflicts (RolloutProject *project)
{
  gsize length = 0;
  g_autofree char *text = rollout_file_write (project, &length);
  g_autoptr(RolloutProject) copy = rollout_merge_read (text, length, NULL, NULL);
  g_autoptr(JsonObject) extra = json_object_new ();
  JsonObject *own = rollout_project_get_extra (project);
  g_autoptr(GPtrArray) problems = NULL;

  if (own != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, own);
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (strcmp (key, ROLLOUT_MERGE_CONFLICTS_MEMBER) != 0)
          json_object_set_member (extra, key, json_node_copy (value));
    }
  rollout_project_set_extra (copy, extra);
  problems = rollout_project_validate (copy);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *problem = rollout_diagnostic_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", problem);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Each kind of concurrent change: base.rollout, CASE.ours.rollout and
 * CASE.theirs.rollout merge into CASE.expected.rollout, byte for byte, with
 * these conflicts. */
static const struct {
  const char          *name;
  guint                n_conflicts;
  RolloutConflictKind  kinds[2];
  const char          *fields[2];
} merge_cases[] = {
  { "same-field", 1, { ROLLOUT_CONFLICT_EDIT }, { "duration" } },
  { "different-fields", 0, { 0 }, { NULL } },
  { "add-add", 1, { ROLLOUT_CONFLICT_EDIT }, { "likelihood" } },
  { "delete-edit", 2, { ROLLOUT_CONFLICT_DELETE, ROLLOUT_CONFLICT_DELETE }, { NULL, NULL } },
  { "reorder", 0, { 0 }, { NULL } },
  { "move-move", 1, { ROLLOUT_CONFLICT_ORDER }, { NULL } },
  { "cycle", 1, { ROLLOUT_CONFLICT_CYCLE }, { "depends_on" } },
  { "unknown-keys", 1, { ROLLOUT_CONFLICT_EDIT }, { "x-points" } },
  { "lists", 0, { 0 }, { NULL } },
  { "reference", 2, { ROLLOUT_CONFLICT_REFERENCE, ROLLOUT_CONFLICT_REFERENCE }, { NULL, NULL } },
  { "plan-fields", 1, { ROLLOUT_CONFLICT_EDIT }, { "name" } },
  { "calendar", 0, { 0 }, { NULL } },
};

static void
test_cases (void)
{
  g_autoptr(RolloutProject) base = load_data ("base.rollout");

  for (guint i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    {
      g_autofree char *ours_name = g_strdup_printf ("%s.ours.rollout", merge_cases[i].name);
      g_autofree char *theirs_name = g_strdup_printf ("%s.theirs.rollout", merge_cases[i].name);
      g_autofree char *expected_name = g_strdup_printf ("%s.expected.rollout", merge_cases[i].name);
      g_autoptr(RolloutProject) ours = load_data (ours_name);
      g_autoptr(RolloutProject) theirs = load_data (theirs_name);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GPtrArray) stored = NULL;
      g_autoptr(RolloutProject) merged = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;
      gsize length = 0;

      g_test_message ("case %s", merge_cases[i].name);
      merged = merge_ok (base, ours, theirs, &conflicts);
      written = rollout_file_write (merged, NULL);
      expected = read_data (expected_name, &length);
      g_assert_cmpstr (written, ==, expected);

      g_assert_cmpuint (conflicts->len, ==, merge_cases[i].n_conflicts);
      for (guint c = 0; c < conflicts->len; c++)
        {
          RolloutConflict *conflict = g_ptr_array_index (conflicts, c);

          g_assert_cmpint (conflict->kind, ==, merge_cases[i].kinds[c]);
          g_assert_cmpstr (conflict->field, ==, merge_cases[i].fields[c]);
          g_assert_nonnull (conflict->message);
        }

      /* The conflicts travel with the plan. */
      stored = rollout_merge_get_conflicts (merged);
      g_assert_cmpuint (stored->len, ==, conflicts->len);
      assert_valid_apart_from_conflicts (merged);

      /* Swapping the sides finds the same number of conflicts. */
      {
        g_autoptr(GPtrArray) swapped = NULL;
        g_autoptr(RolloutProject) other = merge_ok (base, theirs, ours, &swapped);

        g_assert_cmpuint (swapped->len, ==, conflicts->len);
        assert_valid_apart_from_conflicts (other);
      }
    }
}

static RolloutTask *
task (RolloutProject *project,
      const char     *id)
{
  RolloutTask *t = rollout_project_lookup_task (project, id);

  g_assert_nonnull (t);
  return t;
}

static RolloutConflict *
only_conflict (RolloutProject *project)
{
  g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (project);

  g_assert_cmpuint (conflicts->len, ==, 1);
  return rollout_conflict_copy (g_ptr_array_index (conflicts, 0));
}

static RolloutProject *
merge_case (const char *name)
{
  g_autoptr(RolloutProject) base = load_data ("base.rollout");
  g_autofree char *ours_name = g_strdup_printf ("%s.ours.rollout", name);
  g_autofree char *theirs_name = g_strdup_printf ("%s.theirs.rollout", name);
  g_autoptr(RolloutProject) ours = load_data (ours_name);
  g_autoptr(RolloutProject) theirs = load_data (theirs_name);

  return merge_ok (base, ours, theirs, NULL);
}

static void
test_same_field_values (void)
{
  g_autoptr(RolloutProject) merged = merge_case ("same-field");
  g_autoptr(RolloutConflict) conflict = only_conflict (merged);
  RolloutTask *train = task (merged, "train");

  /* Ours is kept; both values, and who changed what, are in the record. */
  g_assert_cmpint (rollout_task_get_duration (train), ==, 5);
  g_assert_cmpstr (conflict->collection, ==, "tasks");
  g_assert_cmpstr (conflict->id, ==, "train");
  g_assert_cmpstr (conflict->name, ==, "Train support agents");
  g_assert_cmpint (json_node_get_int (conflict->values[ROLLOUT_MERGE_BASE]), ==, 3);
  g_assert_cmpint (json_node_get_int (conflict->values[ROLLOUT_MERGE_OURS]), ==, 5);
  g_assert_cmpint (json_node_get_int (conflict->values[ROLLOUT_MERGE_THEIRS]), ==, 7);
  g_assert_cmpint (conflict->changes[ROLLOUT_MERGE_OURS], ==, ROLLOUT_MERGE_EDITED);
  g_assert_cmpint (conflict->changes[ROLLOUT_MERGE_THEIRS], ==, ROLLOUT_MERGE_EDITED);
  g_assert_cmpstr (conflict->message, ==,
                   "Task ‘Train support agents’: changed on both sides — ours: duration 3 → 5 days; "
                   "theirs: duration 3 → 7 days; the merged plan keeps ours");
  /* The same change on both sides is no conflict. */
  g_assert_cmpint (rollout_risk_get_likelihood (rollout_project_lookup_risk (merged, "load")), ==, 4);
}

static void
test_resolve_edit (void)
{
  g_autoptr(RolloutProject) merged = merge_case ("same-field");
  g_autoptr(RolloutConflict) conflict = only_conflict (merged);
  RolloutTask *before_faq = task (merged, "faq");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rollout_merge_resolve (merged, conflict, ROLLOUT_MERGE_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rollout_task_get_duration (task (merged, "train")), ==, 7);
  /* In place: objects that did not change are the same objects. */
  g_assert_true (task (merged, "faq") == before_faq);
  g_assert_cmpint (rollout_project_index_of (merged, task (merged, "train")), ==, 3);

  left = rollout_merge_get_conflicts (merged);
  g_assert_cmpuint (left->len, ==, 0);
  problems = rollout_project_validate (merged);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Resolved once; not again. */
  g_assert_false (rollout_merge_resolve (merged, conflict, ROLLOUT_MERGE_OURS, &error));
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID);
}

static void
test_resolve_delete (void)
{
  g_autoptr(RolloutProject) merged = merge_case ("delete-edit");
  g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (merged);
  RolloutConflict *survey = g_ptr_array_index (conflicts, 0);
  RolloutConflict *load = g_ptr_array_index (conflicts, 1);
  g_autoptr(GError) error = NULL;

  /* Ours deleted the survey; theirs changed it. */
  g_assert_null (rollout_project_lookup_task (merged, "survey"));
  g_assert_null (survey->values[ROLLOUT_MERGE_OURS]);
  g_assert_cmpint (survey->changes[ROLLOUT_MERGE_OURS], ==, ROLLOUT_MERGE_DELETED);
  g_assert_cmpint (survey->changes[ROLLOUT_MERGE_THEIRS], ==, ROLLOUT_MERGE_EDITED);
  g_assert_cmpstr (survey->after[ROLLOUT_MERGE_THEIRS], ==, "launch-pilot");

  /* Keeping theirs brings it back, where it was, with their change. */
  g_assert_true (rollout_merge_resolve (merged, survey, ROLLOUT_MERGE_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rollout_task_get_duration (task (merged, "survey")), ==, 6);
  g_assert_cmpint (rollout_project_index_of (merged, task (merged, "survey")),
                   ==, rollout_project_index_of (merged, task (merged, "launch-pilot")) + 1);

  /* Theirs deleted the load risk; keeping theirs deletes it. */
  g_assert_nonnull (rollout_project_lookup_risk (merged, "load"));
  g_assert_true (rollout_merge_resolve (merged, load, ROLLOUT_MERGE_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_null (rollout_project_lookup_risk (merged, "load"));
  g_assert_null (rollout_project_get_extra (merged));
}

static void
test_cycle (void)
{
  g_autoptr(RolloutProject) merged = merge_case ("cycle");
  g_autoptr(RolloutConflict) conflict = only_conflict (merged);
  GPtrArray *routing = rollout_task_get_dependencies (task (merged, "routing"));
  GPtrArray *faq = rollout_task_get_dependencies (task (merged, "faq"));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rollout_file_write (merged, NULL);
  g_autofree char *after = NULL;

  /* Ours' new dependency stays; theirs', which closes the cycle, is left out. */
  g_assert_cmpuint (faq->len, ==, 1);
  g_assert_cmpstr (((RolloutDependency *) g_ptr_array_index (faq, 0))->task_id, ==, "routing");
  g_assert_cmpuint (routing->len, ==, 1);
  g_assert_cmpstr (((RolloutDependency *) g_ptr_array_index (routing, 0))->task_id, ==, "chat-widget");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (conflict->values[ROLLOUT_MERGE_THEIRS])), ==, 2);
  g_assert_nonnull (strstr (conflict->message, "‘Write FAQ’ → ‘Set up ticket routing’ → ‘Write FAQ’"));

  /* Picking theirs would bring the cycle back: refused, nothing changes. */
  g_assert_false (rollout_merge_resolve (merged, conflict, ROLLOUT_MERGE_THEIRS, &error));
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dependency cycle"));
  after = rollout_file_write (merged, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_reference (void)
{
  g_autoptr(RolloutProject) merged = merge_case ("reference");
  g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (merged);
  RolloutConflict *team = g_ptr_array_index (conflicts, 0);
  g_autoptr(GError) error = NULL;

  /* Ours deleted the team theirs' new task is in: it is kept. */
  g_assert_nonnull (rollout_project_lookup_team (merged, "eng"));
  g_assert_cmpstr (rollout_task_get_team_id (task (merged, "load-test")), ==, "eng");
  g_assert_cmpstr (team->id, ==, "eng");
  g_assert_cmpint (team->changes[ROLLOUT_MERGE_OURS], ==, ROLLOUT_MERGE_DELETED);

  /* Keeping ours deletes it, and the task is left without a team. */
  g_assert_true (rollout_merge_resolve (merged, team, ROLLOUT_MERGE_OURS, &error));
  g_assert_no_error (error);
  g_assert_null (rollout_project_lookup_team (merged, "eng"));
  g_assert_null (rollout_task_get_team_id (task (merged, "load-test")));
}

static void
test_order_resolve (void)
{
  g_autoptr(RolloutProject) merged = merge_case ("move-move");
  g_autoptr(RolloutConflict) conflict = only_conflict (merged);
  g_autoptr(GError) error = NULL;
  GListModel *tasks = rollout_project_get_tasks (merged);

  g_assert_cmpint (rollout_project_index_of (merged, task (merged, "faq")), ==,
                   (int) g_list_model_get_n_items (tasks) - 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (conflict->values[ROLLOUT_MERGE_THEIRS]));
  g_assert_true (rollout_merge_resolve (merged, conflict, ROLLOUT_MERGE_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rollout_project_index_of (merged, task (merged, "faq")), ==, 0);
}

/* A plan with conflicts does not validate, says which, and still opens for
 * resolving. */
static void
test_validate (void)
{
  gsize length = 0;
  g_autofree char *text = read_data ("delete-edit.expected.rollout", &length);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) strict = rollout_file_read (text, length, &diagnostics, &error);
  g_autoptr(RolloutProject) lenient = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  g_assert_null (strict);
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  first = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  g_assert_cmpstr (first, ==,
                   "conflicts[0]: unresolved merge conflict: Task ‘Survey pilot users’: deleted by ours, "
                   "changed by theirs (duration 4 → 6 days); the merged plan leaves it out");

  lenient = rollout_merge_read (text, length, NULL, NULL);
  g_assert_nonnull (lenient);
  conflicts = rollout_merge_get_conflicts (lenient);
  g_assert_cmpuint (conflicts->len, ==, 2);
  again = rollout_file_write (lenient, NULL);
  g_assert_cmpstr (again, ==, text);
}

static void
test_refuses_conflicted_input (void)
{
  g_autoptr(RolloutProject) base = load_data ("base.rollout");
  g_autoptr(RolloutProject) conflicted = load_data ("same-field.expected.rollout");
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) merged = rollout_merge_projects (base, conflicted, base, NULL, &error);

  g_assert_null (merged);
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID);
}

static void
test_malformed_conflicts (void)
{
  const char *text =
    "{\"format\":\"rollout-project\",\"version\":1,\"id\":\"p\",\"name\":\"P\",\"start\":\"2026-03-02\","
    "\"conflicts\":[{\"kind\":\"sideways\",\"message\":\"?\"}]}";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) project = rollout_merge_read (text, strlen (text), &diagnostics, &error);
  g_autofree char *first = NULL;

  g_assert_null (project);
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID);
  first = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  g_assert_cmpstr (first, ==, "conflicts[0]: not a merge conflict Rollout understands");
}

static void
test_conflict_json (void)
{
  g_autoptr(RolloutProject) merged = merge_case ("delete-edit");
  g_autoptr(GPtrArray) conflicts = rollout_merge_get_conflicts (merged);

  for (guint i = 0; i < conflicts->len; i++)
    {
      RolloutConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autoptr(JsonNode) node = rollout_conflict_to_json (conflict);
      g_autoptr(RolloutConflict) back = rollout_conflict_new_from_json (node);
      g_autoptr(JsonNode) again = rollout_conflict_to_json (back);

      g_assert_true (json_node_equal (node, again));
      g_assert_cmpstr (back->message, ==, conflict->message);
    }
}

/* Seeded random edits ------------------------------------------------------ */

static int
task_number (RolloutTask *t)
{
  const char *id = rollout_task_get_id (t);

  return id[0] == 't' && g_ascii_isdigit (id[1]) ? atoi (id + 1) : -1;
}

static void
remove_task (RolloutProject *project,
             RolloutTask    *doomed)
{
  GListModel *tasks = rollout_project_get_tasks (project);
  GListModel *risks = rollout_project_get_risks (project);
  GListModel *feedback = rollout_project_get_feedback (project);
  const char *id = rollout_task_get_id (doomed);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RolloutTask) t = g_list_model_get_item (tasks, i);
      g_autoptr(GPtrArray) deps = rollout_ptr_array_copy (rollout_task_get_dependencies (t),
                                                          (GBoxedCopyFunc) rollout_dependency_copy,
                                                          (GDestroyNotify) rollout_dependency_free);
      gboolean changed = FALSE;

      for (guint d = deps->len; d-- > 0;)
        if (strcmp (((RolloutDependency *) g_ptr_array_index (deps, d))->task_id, id) == 0)
          {
            g_ptr_array_remove_index (deps, d);
            changed = TRUE;
          }
      if (changed)
        rollout_task_set_dependencies (t, deps);
    }
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(RolloutRisk) r = g_list_model_get_item (risks, i);
      const char * const *ids = rollout_risk_get_task_ids (r);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint t = 0; ids && ids[t]; t++)
        if (strcmp (ids[t], id) != 0)
          g_ptr_array_add (kept, (gpointer) ids[t]);
      g_ptr_array_add (kept, NULL);
      if (ids && g_strv_length ((char **) ids) + 1 != kept->len)
        {
          g_auto(GStrv) copy = g_strdupv ((char **) kept->pdata);

          rollout_risk_set_task_ids (r, (const char * const *) copy);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (feedback); i++)
    {
      g_autoptr(RolloutFeedback) f = g_list_model_get_item (feedback, i);

      if (g_strcmp0 (rollout_feedback_get_task_id (f), id) == 0)
        rollout_feedback_set_task_id (f, NULL);
    }
  rollout_project_remove (project, doomed);
}

/* One random edit of the kinds people make. With @parity 0 or 1, only
 * tasks at even or odd positions are touched, and only their fields, so two
 * sets of such edits never meet; with -1, anything goes. */
static void
random_edit (RolloutProject *project,
             GRand          *rand,
             guint           serial,
             int             parity)
{
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n = g_list_model_get_n_items (tasks);
  guint position = g_rand_int_range (rand, 0, n);
  g_autoptr(RolloutTask) t = NULL;
  int kind = g_rand_int_range (rand, 0, parity < 0 ? 12 : 6);

  if (parity >= 0 && (int) (position % 2) != parity)
    position = position > 0 ? position - 1 : 1;
  t = g_list_model_get_item (tasks, position);

  switch (kind)
    {
    case 0:
      rollout_task_set_duration (t, g_rand_int_range (rand, 0, 21));
      break;

    case 1:
      {
        g_autofree char *name = g_strdup_printf ("Renamed task %u", serial);

        rollout_task_set_name (t, name);
      }
      break;

    case 2:
      {
        /* Dependencies only point to lower numbers: never a cycle. */
        int number = task_number (t);
        g_autoptr(GPtrArray) deps = rollout_ptr_array_copy (rollout_task_get_dependencies (t),
                                                            (GBoxedCopyFunc) rollout_dependency_copy,
                                                            (GDestroyNotify) rollout_dependency_free);
        g_autofree char *on = NULL;
        gboolean present = FALSE;

        if (number <= 1)
          break;
        on = g_strdup_printf ("t%d", g_rand_int_range (rand, 1, number));
        if (rollout_project_lookup_task (project, on) == NULL)
          break;
        for (guint d = 0; d < deps->len; d++)
          present |= strcmp (((RolloutDependency *) g_ptr_array_index (deps, d))->task_id, on) == 0;
        if (present)
          break;
        g_ptr_array_add (deps, rollout_dependency_new (on, ROLLOUT_DEPENDENCY_FS, g_rand_int_range (rand, 0, 3)));
        rollout_task_set_dependencies (t, deps);
      }
      break;

    case 3:
      {
        g_autoptr(GPtrArray) checklist = rollout_ptr_array_copy (rollout_task_get_checklist (t),
                                                                 (GBoxedCopyFunc) rollout_checklist_item_copy,
                                                                 (GDestroyNotify) rollout_checklist_item_free);
        g_autofree char *text = g_strdup_printf ("Step %u", serial);

        if (checklist->len > 0 && g_rand_boolean (rand))
          {
            RolloutChecklistItem *item = g_ptr_array_index (checklist, 0);

            item->done = !item->done;
          }
        else
          g_ptr_array_add (checklist, rollout_checklist_item_new (text, FALSE));
        rollout_task_set_checklist (t, checklist);
      }
      break;

    case 4:
      {
        g_autoptr(JsonObject) extra = json_object_new ();

        json_object_set_int_member (extra, "x-estimate", g_rand_int_range (rand, 1, 100));
        rollout_task_set_extra (t, extra);
      }
      break;

    case 5:
      rollout_task_set_status (t, g_rand_int_range (rand, 0, 4));
      break;

    case 6:
      {
        g_autofree char *id = g_strdup_printf ("new-%u", serial);
        g_autofree char *name = g_strdup_printf ("New task %u", serial);
        g_autoptr(RolloutTask) added = rollout_task_new (id);
        g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);

        rollout_task_set_name (added, name);
        rollout_task_set_phase_id (added, rollout_task_get_phase_id (t));
        rollout_task_set_duration (added, g_rand_int_range (rand, 1, 5));
        g_ptr_array_add (deps, rollout_dependency_new (rollout_task_get_id (t), ROLLOUT_DEPENDENCY_FS, 0));
        rollout_task_set_dependencies (added, deps);
        rollout_project_insert_task (project, added, position + 1);
      }
      break;

    case 7:
      if (n > 2)
        remove_task (project, t);
      break;

    case 8:
      {
        g_autoptr(RolloutTask) moving = g_object_ref (t);

        rollout_project_remove (project, moving);
        rollout_project_insert_task (project, moving, g_rand_int_range (rand, 0, n));
      }
      break;

    case 9:
      {
        GListModel *risks = rollout_project_get_risks (project);
        g_autoptr(RolloutRisk) risk = g_list_model_get_item (risks, g_rand_int_range (rand, 0, g_list_model_get_n_items (risks)));

        rollout_risk_set_likelihood (risk, g_rand_int_range (rand, 1, 6));
      }
      break;

    case 10:
      {
        g_autofree char *id = g_strdup_printf ("fb-new-%u", serial);
        g_autoptr(RolloutFeedback) entry = rollout_feedback_new (id);

        rollout_feedback_set_date (entry, rollout_date_from_ymd (2026, 4, 1 + serial % 28));
        rollout_feedback_set_sentiment (entry, ROLLOUT_SENTIMENT_NEUTRAL);
        rollout_feedback_set_text (entry, "Seen in the field.");
        rollout_project_insert_feedback (project, entry, -1);
      }
      break;

    default:
      {
        GListModel *phases = rollout_project_get_phases (project);
        g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, g_rand_int_range (rand, 0, g_list_model_get_n_items (phases)));
        g_autoptr(RolloutGate) gate = rollout_gate_copy (rollout_phase_get_gate (phase));

        ((RolloutGateMetric *) g_ptr_array_index (gate->metrics, 0))->threshold = 3.5 + g_rand_int_range (rand, 0, 15) / 10.0;
        rollout_phase_set_gate (phase, gate);
      }
      break;
    }
}

static RolloutProject *
edited (RolloutProject *project,
        guint32         seed,
        guint           n_edits,
        int             parity)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  RolloutProject *copy = copy_project (project);

  for (guint i = 0; i < n_edits; i++)
    random_edit (copy, rand, seed * 1000 + i, parity);
  return copy;
}

static void
assert_same_bytes (RolloutProject *a,
                   RolloutProject *b)
{
  g_autofree char *x = rollout_file_write (a, NULL);
  g_autofree char *y = rollout_file_write (b, NULL);

  g_assert_cmpstr (x, ==, y);
}

/* Merging a plan with itself, or with one side unchanged, gives the other
 * side byte for byte. */
static void
test_property_identity (void)
{
  for (guint32 seed = 1; seed <= 8; seed++)
    {
      g_autoptr(RolloutProject) base = rollout_generate_project (60 + seed * 10, seed);
      g_autoptr(RolloutProject) side = edited (base, seed + 100, 5 + seed * 3, -1);
      g_autoptr(GPtrArray) c1 = NULL;
      g_autoptr(GPtrArray) c2 = NULL;
      g_autoptr(GPtrArray) c3 = NULL;
      g_autoptr(GPtrArray) c4 = NULL;
      g_autoptr(RolloutProject) ours_only = merge_ok (base, side, base, &c1);
      g_autoptr(RolloutProject) theirs_only = merge_ok (base, base, side, &c2);
      g_autoptr(RolloutProject) same = merge_ok (base, side, side, &c3);
      g_autoptr(RolloutProject) itself = merge_ok (side, side, side, &c4);

      /* The edits did change the plan. */
      {
        g_autofree char *before = rollout_file_write (base, NULL);
        g_autofree char *after = rollout_file_write (side, NULL);

        g_assert_cmpstr (before, !=, after);
      }
      assert_same_bytes (ours_only, side);
      assert_same_bytes (theirs_only, side);
      assert_same_bytes (same, side);
      assert_same_bytes (itself, side);
      g_assert_cmpuint (c1->len + c2->len + c3->len + c4->len, ==, 0);
    }
}

/* Edits to different objects all survive: merging them equals making both
 * sets of edits one after the other. */
static void
test_property_disjoint (void)
{
  for (guint32 seed = 1; seed <= 8; seed++)
    {
      g_autoptr(RolloutProject) base = rollout_generate_project (100, seed);
      g_autoptr(RolloutProject) ours = edited (base, seed + 200, 25, 0);
      g_autoptr(RolloutProject) theirs = edited (base, seed + 300, 25, 1);
      g_autoptr(RolloutProject) both = edited (ours, seed + 300, 25, 1);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(RolloutProject) merged = merge_ok (base, ours, theirs, &conflicts);

      g_assert_cmpuint (conflicts->len, ==, 0);
      assert_same_bytes (merged, both);
    }
}

/* Anything two people do, the merge is a valid plan, and every conflict
 * can be resolved to a valid plan by keeping ours. */
static void
test_property_valid (void)
{
  guint n_conflicts = 0;
  guint kinds = 0;

  for (guint32 seed = 1; seed <= 8; seed++)
    {
      g_autoptr(RolloutProject) base = rollout_generate_project (60, seed);
      g_autoptr(RolloutProject) ours = edited (base, seed + 400, 25, -1);
      g_autoptr(RolloutProject) theirs = edited (base, seed + 500, 25, -1);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(RolloutProject) merged = merge_ok (base, ours, theirs, &conflicts);
      g_autoptr(GPtrArray) problems = NULL;

      assert_valid_apart_from_conflicts (merged);
      n_conflicts += conflicts->len;
      for (guint i = 0; i < conflicts->len; i++)
        {
          g_autoptr(GError) error = NULL;

          kinds |= 1u << ((RolloutConflict *) g_ptr_array_index (conflicts, i))->kind;

          g_assert_true (rollout_merge_resolve (merged, g_ptr_array_index (conflicts, i),
                                                ROLLOUT_MERGE_OURS, &error));
          g_assert_no_error (error);
        }
      problems = rollout_project_validate (merged);
      g_assert_cmpuint (problems->len, ==, 0);
    }
  g_test_message ("%u conflicts, kinds 0x%x", n_conflicts, kinds);
  g_assert_cmpuint (n_conflicts, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/merge/cases", test_cases);
  g_test_add_func ("/rollout/merge/same-field", test_same_field_values);
  g_test_add_func ("/rollout/merge/resolve/edit", test_resolve_edit);
  g_test_add_func ("/rollout/merge/resolve/delete", test_resolve_delete);
  g_test_add_func ("/rollout/merge/resolve/order", test_order_resolve);
  g_test_add_func ("/rollout/merge/cycle", test_cycle);
  g_test_add_func ("/rollout/merge/reference", test_reference);
  g_test_add_func ("/rollout/merge/validate", test_validate);
  g_test_add_func ("/rollout/merge/refuses-conflicted-input", test_refuses_conflicted_input);
  g_test_add_func ("/rollout/merge/malformed-conflicts", test_malformed_conflicts);
  g_test_add_func ("/rollout/merge/conflict-json", test_conflict_json);
  g_test_add_func ("/rollout/merge/property/identity", test_property_identity);
  g_test_add_func ("/rollout/merge/property/disjoint", test_property_disjoint);
  g_test_add_func ("/rollout/merge/property/valid", test_property_valid);

  return g_test_run ();
}
