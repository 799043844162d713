/* test-diff.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rollout-diff.h"
#include "rollout-file.h"
#include "rollout-generator.h"

static RolloutProject *
load_base (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "merge", "base.rollout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
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

static GPtrArray *
copy_dependencies (RolloutTask *task)
{
  return rollout_ptr_array_copy (rollout_task_get_dependencies (task),
                                 (GBoxedCopyFunc) rollout_dependency_copy,
                                 (GDestroyNotify) rollout_dependency_free);
}

/* Edits ---------------------------------------------------------------------- */

static void
edit_task (RolloutProject *p)
{
  RolloutTask *train = rollout_project_lookup_task (p, "train");
  g_autoptr(GPtrArray) deps = copy_dependencies (train);

  rollout_task_set_duration (train, 5);
  g_ptr_array_add (deps, rollout_dependency_new ("faq", ROLLOUT_DEPENDENCY_FS, 0));
  rollout_task_set_dependencies (train, deps);
}

static void
edit_risk (RolloutProject *p)
{
  rollout_risk_set_likelihood (rollout_project_lookup_risk (p, "no-shows"), 4);
}

static void
edit_gate (RolloutProject *p)
{
  RolloutPhase *pilot = rollout_project_lookup_phase (p, "pilot");
  g_autoptr(RolloutGate) gate = rollout_gate_copy (rollout_phase_get_gate (pilot));

  ((RolloutGateMetric *) g_ptr_array_index (gate->metrics, 0))->threshold = 4.5;
  rollout_phase_set_gate (pilot, gate);
}

static void
add_feedback (RolloutProject *p)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("fb-%u", 10 + i);
      g_autoptr(RolloutFeedback) entry = rollout_feedback_new (id);

      rollout_feedback_set_date (entry, rollout_date_from_ymd (2026, 3, 20 + i));
      rollout_feedback_set_sentiment (entry, ROLLOUT_SENTIMENT_POSITIVE);
      rollout_feedback_set_text (entry, "Helpful.");
      rollout_project_insert_feedback (p, entry, -1);
    }
}

static void
rename_task (RolloutProject *p)
{
  rollout_task_set_name (rollout_project_lookup_task (p, "faq"), "Write help docs");
}

static void
start_task (RolloutProject *p)
{
  RolloutTask *widget = rollout_project_lookup_task (p, "chat-widget");

  rollout_task_set_status (widget, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  rollout_task_set_progress (widget, 40);
}

static void
add_task (RolloutProject *p)
{
  g_autoptr(RolloutTask) task = rollout_task_new ("load-test");

  rollout_task_set_name (task, "Load-test chat");
  rollout_task_set_phase_id (task, "beta");
  rollout_task_set_duration (task, 2);
  rollout_project_insert_task (p, task, 3);
}

static void
remove_task (RolloutProject *p)
{
  rollout_project_remove (p, rollout_project_lookup_task (p, "survey"));
}

static void
edit_checklist (RolloutProject *p)
{
  RolloutTask *faq = rollout_project_lookup_task (p, "faq");
  g_autoptr(GPtrArray) checklist = rollout_ptr_array_copy (rollout_task_get_checklist (faq),
                                                           (GBoxedCopyFunc) rollout_checklist_item_copy,
                                                           (GDestroyNotify) rollout_checklist_item_free);

  ((RolloutChecklistItem *) g_ptr_array_index (checklist, 1))->done = TRUE;
  g_ptr_array_add (checklist, rollout_checklist_item_new ("Publish", FALSE));
  rollout_task_set_checklist (faq, checklist);
}

static void
edit_dependency (RolloutProject *p)
{
  RolloutTask *launch = rollout_project_lookup_task (p, "launch-pilot");
  g_autoptr(GPtrArray) deps = copy_dependencies (launch);
  RolloutDependency *dep = g_ptr_array_index (deps, 0);

  dep->type = ROLLOUT_DEPENDENCY_SS;
  dep->lag = 2;
  g_ptr_array_remove_index (deps, 1);
  rollout_task_set_dependencies (launch, deps);
}

static void
move_task (RolloutProject *p)
{
  g_autoptr(RolloutTask) faq = g_object_ref (rollout_project_lookup_task (p, "faq"));

  rollout_project_remove (p, faq);
  rollout_project_insert_task (p, faq, 0);
}

static void
edit_plan (RolloutProject *p)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (p);
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);

  rollout_project_set_start (p, rollout_date_from_ymd (2026, 3, 9));
  g_ptr_array_add (holidays, rollout_holiday_new (rollout_date_from_ymd (2026, 3, 16), "Spring break"));
  rollout_calendar_set_holidays (calendar, holidays);
  rollout_calendar_set_working_days (calendar, ROLLOUT_WEEKDAYS_MON_FRI | (1 << (G_DATE_SATURDAY - 1)));
}

static void
add_unknown_key (RolloutProject *p)
{
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_int_member (extra, "x-points", 3);
  rollout_task_set_extra (rollout_project_lookup_task (p, "train"), extra);
}

static void
add_member (RolloutProject *p)
{
  const char *members[] = { "Priya Nair", "Tom Berg", "Keisha Okafor", NULL };

  rollout_team_set_members (rollout_project_lookup_team (p, "eng"), members);
}

static void
add_samples (RolloutProject *p)
{
  RolloutMetric *metric = rollout_project_lookup_metric (p, "satisfaction");
  g_autoptr(GPtrArray) samples = rollout_ptr_array_copy (rollout_metric_get_samples (metric),
                                                         (GBoxedCopyFunc) rollout_sample_copy,
                                                         (GDestroyNotify) rollout_sample_free);

  g_ptr_array_add (samples, rollout_sample_new (rollout_date_from_ymd (2026, 3, 17), "beta", 4.3));
  g_ptr_array_add (samples, rollout_sample_new (rollout_date_from_ymd (2026, 3, 24), "pilot", 4.4));
  rollout_metric_set_samples (metric, samples);
}

static void
link_risk (RolloutProject *p)
{
  const char *tasks[] = { "train", "faq", NULL };

  rollout_risk_set_task_ids (rollout_project_lookup_risk (p, "no-shows"), tasks);
}

static void
sign_off (RolloutProject *p)
{
  RolloutPhase *pilot = rollout_project_lookup_phase (p, "pilot");
  g_autoptr(GPtrArray) signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_signoff_free);

  g_ptr_array_add (signoffs, rollout_signoff_new ("support", "Dana Ruiz", rollout_date_from_ymd (2026, 3, 20)));
  rollout_phase_set_signoffs (pilot, signoffs);
}

static void
make_milestone (RolloutProject *p)
{
  rollout_task_set_duration (rollout_project_lookup_task (p, "survey"), 1);
  rollout_task_set_owner (rollout_project_lookup_task (p, "survey"), "Dana Ruiz");
  rollout_task_set_owner (rollout_project_lookup_task (p, "chat-widget"), NULL);
}

static void
several (RolloutProject *p)
{
  add_feedback (p);
  edit_risk (p);
  edit_task (p);
  edit_gate (p);
  rollout_project_set_name (p, "Launch support chat");
}

typedef void (*EditFunc) (RolloutProject *p);

static const struct {
  const char *name;
  EditFunc    edit;
  const char *expected;
} cases[] = {
  { "task", edit_task, "Task ‘Train support agents’: duration 3 → 5 days; now depends on ‘Write FAQ’\n" },
  { "risk", edit_risk, "Risk ‘No-shows’: likelihood 2 → 4\n" },
  { "gate", edit_gate, "Phase ‘Pilot’: gate threshold for ‘Satisfaction’ 4.2 → 4.5\n" },
  { "feedback", add_feedback, "Added feedback (3)\n" },
  { "rename", rename_task, "Task ‘Write FAQ’: renamed to ‘Write help docs’\n" },
  { "status", start_task, "Task ‘Build chat widget’: status to do → in progress; progress 0% → 40%\n" },
  { "added", add_task, "Added task ‘Load-test chat’ in phase ‘Beta’ (2 days)\n" },
  { "removed", remove_task, "Removed task ‘Survey pilot users’\n" },
  { "checklist", edit_checklist, "Task ‘Write FAQ’: checked ‘Review’; checklist item ‘Publish’ added\n" },
  { "dependency", edit_dependency,
    "Milestone ‘Pilot launch’: dependency on ‘Train support agents’: type FS → SS, lag 0 → 2; "
    "no longer depends on ‘Write FAQ’\n" },
  { "moved", move_task, "Task ‘Write FAQ’: moved to the top\n" },
  { "plan", edit_plan,
    "Plan: start 2026-03-02 → 2026-03-09; added working day Saturday; added holiday ‘Spring break’ on 2026-03-16\n" },
  { "unknown-key", add_unknown_key, "Task ‘Train support agents’: ‘x-points’ set to 3\n" },
  { "members", add_member, "Team ‘Engineering’: added member ‘Keisha Okafor’\n" },
  { "samples", add_samples, "Metric ‘Satisfaction’: 2 new samples\n" },
  { "risk-tasks", link_risk, "Risk ‘No-shows’: now linked to task ‘Write FAQ’\n" },
  { "signoff", sign_off, "Phase ‘Pilot’: signed off by ‘Customer Support’ (Dana Ruiz, 2026-03-20)\n" },
  { "owner", make_milestone,
    "Task ‘Build chat widget’: owner removed (was Tom Berg)\n"
    "Task ‘Survey pilot users’: owner set to Dana Ruiz; duration 4 → 1 day\n" },
  { "several", several,
    "Plan: renamed to ‘Launch support chat’\n"
    "Phase ‘Pilot’: gate threshold for ‘Satisfaction’ 4.2 → 4.5\n"
    "Task ‘Train support agents’: duration 3 → 5 days; now depends on ‘Write FAQ’\n"
    "Risk ‘No-shows’: likelihood 2 → 4\n"
    "Added feedback (3)\n" },
};

static void
test_cases (void)
{
  g_autoptr(RolloutProject) base = load_base ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RolloutProject) changed = copy_project (base);
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GPtrArray) back = NULL;
      g_autofree char *text = NULL;

      g_test_message ("case %s", cases[i].name);
      cases[i].edit (changed);
      changes = rollout_diff_projects (base, changed);
      text = rollout_diff_to_text (changes);
      g_assert_cmpstr (text, ==, cases[i].expected);

      /* The other way round sees as many changes. */
      back = rollout_diff_projects (changed, base);
      g_assert_cmpuint (back->len, ==, changes->len);
    }
}

static void
test_equal (void)
{
  g_autoptr(RolloutProject) base = load_base ();
  g_autoptr(RolloutProject) copy = copy_project (base);
  g_autoptr(RolloutProject) big = rollout_generate_project (2000, 3);
  g_autoptr(RolloutProject) big_copy = copy_project (big);
  g_autoptr(GPtrArray) changes = rollout_diff_projects (base, copy);
  g_autoptr(GPtrArray) big_changes = rollout_diff_projects (big, big_copy);
  g_autofree char *text = rollout_diff_to_text (changes);

  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (big_changes->len, ==, 0);
  g_assert_cmpstr (text, ==, "");
}

static void
test_json (void)
{
  g_autoptr(RolloutProject) base = load_base ();
  g_autoptr(RolloutProject) changed = copy_project (base);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *list;
  JsonObject *task, *field, *added;

  edit_task (changed);
  add_task (changed);
  changes = rollout_diff_projects (base, changed);
  json = rollout_diff_to_json (changes);
  list = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);

  added = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (added, "change"), ==, "added");
  g_assert_cmpstr (json_object_get_string_member (added, "collection"), ==, "tasks");
  g_assert_cmpstr (json_object_get_string_member (added, "id"), ==, "load-test");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (added, "new"), "duration"), ==, 2);

  task = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (task, "change"), ==, "modified");
  g_assert_cmpstr (json_object_get_string_member (task, "id"), ==, "train");
  g_assert_cmpstr (json_object_get_string_member (task, "name"), ==, "Train support agents");
  g_assert_cmpstr (json_object_get_string_member (task, "text"), ==,
                   "Task ‘Train support agents’: duration 3 → 5 days; now depends on ‘Write FAQ’");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (task, "fields")), ==, 2);
  field = json_array_get_object_element (json_object_get_array_member (task, "fields"), 0);
  g_assert_cmpstr (json_object_get_string_member (field, "field"), ==, "duration");
  g_assert_cmpint (json_object_get_int_member (field, "old"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (field, "new"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (field, "text"), ==, "duration 3 → 5 days");
}

static void
test_describe (void)
{
  g_autoptr(RolloutProject) base = load_base ();
  g_autoptr(JsonNode) two = json_node_init_int (json_node_alloc (), 2);
  g_autoptr(JsonNode) four = json_node_init_int (json_node_alloc (), 4);
  g_autoptr(JsonNode) phase = json_node_init_string (json_node_alloc (), "pilot");
  g_autofree char *likelihood = rollout_diff_describe_field (base, base, "risks", "likelihood", two, four);
  g_autofree char *moved = rollout_diff_describe_field (base, base, "tasks", "phase", NULL, phase);
  g_autofree char *same = rollout_diff_describe_field (base, base, "risks", "likelihood", two, two);

  g_assert_cmpstr (likelihood, ==, "likelihood 2 → 4");
  g_assert_cmpstr (moved, ==, "phase set to ‘Pilot’");
  g_assert_null (same);
}

/* The board's members: a column's WIP limit, what a task is blocked on. */
static void
test_describe_board (void)
{
  g_autoptr(JsonNode) before = json_from_string ("{\"in-progress\": 3, \"done\": 9}", NULL);
  g_autoptr(JsonNode) after = json_from_string ("{\"in-progress\": 4, \"blocked\": 2}", NULL);
  g_autoptr(JsonNode) reason = json_node_init_string (json_node_alloc (), "Legal review");
  g_autofree char *limits = rollout_diff_describe_field (NULL, NULL, NULL, "wip_limits", before, after);
  g_autofree char *added = rollout_diff_describe_field (NULL, NULL, NULL, "wip_limits", NULL, after);
  g_autofree char *blocked = rollout_diff_describe_field (NULL, NULL, "tasks", "blocked_reason", NULL, reason);

  g_assert_cmpstr (limits, ==, "WIP limit of in-progress 3 → 4; WIP limit of blocked set to 2; "
                               "WIP limit of done removed (was 9)");
  g_assert_cmpstr (added, ==, "WIP limit of in-progress set to 4; WIP limit of blocked set to 2");
  g_assert_cmpstr (blocked, ==, "blocked reason added");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/diff/cases", test_cases);
  g_test_add_func ("/rollout/diff/equal", test_equal);
  g_test_add_func ("/rollout/diff/json", test_json);
  g_test_add_func ("/rollout/diff/describe", test_describe);
  g_test_add_func ("/rollout/diff/describe-board", test_describe_board);

  return g_test_run ();
}
