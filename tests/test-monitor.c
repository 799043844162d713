/* test-monitor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where a roll-out stands, the decisions that move it on (each one step of
 * the history, recorded in the phase and written to the file), sample
 * edits, new feedback ids and the feedback summary. */

#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "rollout-file.h"
#include "rollout-gates.h"
#include "rollout-history.h"
#include "rollout-import-csv.h"
#include "rollout-monitor.h"
#include "rollout-scheduler.h"

static RolloutDate
day (const char *text)
{
  RolloutDate date = ROLLOUT_DATE_NONE;

  g_assert_true (rollout_date_parse (text, &date));
  return date;
}

/* Three phases a, b, c; a's gate wants a sign-off from "eng". */
static RolloutProject *
new_project (void)
{
  RolloutProject *project = rollout_project_new ("test");
  g_autoptr(RolloutTeam) eng = rollout_team_new ("eng");
  g_autoptr(RolloutGate) gate = rollout_gate_new ();
  const char *required[] = { "eng", NULL };

  rollout_team_set_name (eng, "Engineering");
  g_assert_true (rollout_project_insert_team (project, eng, -1));
  for (guint i = 0; i < 3; i++)
    {
      static const char * const ids[] = { "a", "b", "c" };
      g_autoptr(RolloutPhase) phase = rollout_phase_new (ids[i]);
      g_autofree char *name = g_strdup_printf ("Phase %s", ids[i]);

      rollout_phase_set_name (phase, name);
      g_assert_true (rollout_project_insert_phase (project, phase, -1));
    }
  g_strfreev (gate->required_signoffs);
  gate->required_signoffs = g_strdupv ((char **) required);
  rollout_phase_set_gate (rollout_project_lookup_phase (project, "a"), gate);
  return project;
}

static void
set_status (RolloutProject     *project,
            const char         *id,
            RolloutPhaseStatus  status)
{
  rollout_phase_set_status (rollout_project_lookup_phase (project, id), status);
}

static void
sign_off (RolloutProject *project,
          const char     *id)
{
  g_autoptr(GPtrArray) signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_signoff_free);

  g_ptr_array_add (signoffs, rollout_signoff_new ("eng", "Priya Nair", day ("2026-03-10")));
  rollout_phase_set_signoffs (rollout_project_lookup_phase (project, id), signoffs);
}

static const RolloutDecision *
last_decision (RolloutPhase *phase)
{
  GPtrArray *decisions = rollout_phase_get_decisions (phase);

  g_assert_cmpuint (decisions->len, >, 0);
  return g_ptr_array_index (decisions, decisions->len - 1);
}

/* Where it stands ---------------------------------------------------------- */

static void
test_current_and_next (void)
{
  g_autoptr(RolloutProject) project = new_project ();
  RolloutPhase *a = rollout_project_lookup_phase (project, "a");
  RolloutPhase *b = rollout_project_lookup_phase (project, "b");
  RolloutPhase *c = rollout_project_lookup_phase (project, "c");
  g_autoptr(RolloutProject) empty = rollout_project_new ("empty");
  g_autoptr(RolloutProject) demo = load_demo ();

  g_assert_null (rollout_monitor_get_current_phase (project));
  g_assert_true (rollout_monitor_get_next_phase (project) == a);

  set_status (project, "a", ROLLOUT_PHASE_STATUS_COMPLETED);
  g_assert_true (rollout_monitor_get_current_phase (project) == a);
  g_assert_true (rollout_monitor_get_next_phase (project) == b);

  /* The last phase that has started counts, whatever came before. */
  set_status (project, "a", ROLLOUT_PHASE_STATUS_PLANNED);
  set_status (project, "b", ROLLOUT_PHASE_STATUS_ROLLED_BACK);
  g_assert_true (rollout_monitor_get_current_phase (project) == b);
  g_assert_true (rollout_monitor_get_next_phase (project) == c);

  set_status (project, "c", ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_true (rollout_monitor_get_current_phase (project) == c);
  g_assert_null (rollout_monitor_get_next_phase (project));

  g_assert_null (rollout_monitor_get_current_phase (empty));
  g_assert_null (rollout_monitor_get_next_phase (empty));

  g_assert_true (rollout_monitor_get_current_phase (demo) == rollout_project_lookup_phase (demo, "pilot"));
  g_assert_true (rollout_monitor_get_next_phase (demo) == rollout_project_lookup_phase (demo, "expansion"));
}

/* Which decisions fit, table-driven: the statuses of a, b and c, whether
 * a's gate is GO (signed off), the phase and the decision. */
typedef struct {
  const char            *name;
  const char            *statuses;  /* "a b c" as nicks */
  gboolean               signed_off;
  const char            *phase;
  RolloutDecisionAction  action;
  gboolean               allowed;
} DecideCase;

static const DecideCase decide_cases[] = {
  /* Nothing started: the first phase may start, and there is nothing to override. */
  { "first-start", "planned planned planned", FALSE, "a", ROLLOUT_DECISION_START, TRUE },
  { "first-override", "planned planned planned", FALSE, "a", ROLLOUT_DECISION_OVERRIDE, FALSE },
  { "first-start-out-of-turn", "planned planned planned", FALSE, "b", ROLLOUT_DECISION_START, FALSE },
  /* a is running: b starts on GO, or by override otherwise. */
  { "go-start", "active planned planned", TRUE, "b", ROLLOUT_DECISION_START, TRUE },
  { "go-override", "active planned planned", TRUE, "b", ROLLOUT_DECISION_OVERRIDE, FALSE },
  { "pending-start", "active planned planned", FALSE, "b", ROLLOUT_DECISION_START, FALSE },
  { "pending-override", "active planned planned", FALSE, "b", ROLLOUT_DECISION_OVERRIDE, TRUE },
  { "skip-ahead", "active planned planned", TRUE, "c", ROLLOUT_DECISION_START, FALSE },
  { "restart-current", "active planned planned", TRUE, "a", ROLLOUT_DECISION_START, FALSE },
  { "paused-start", "paused planned planned", TRUE, "b", ROLLOUT_DECISION_START, TRUE },
  { "completed-start", "completed planned planned", TRUE, "b", ROLLOUT_DECISION_START, TRUE },
  /* Nothing moves on from a rolled-back phase. */
  { "rolled-back-start", "rolled-back planned planned", TRUE, "b", ROLLOUT_DECISION_START, FALSE },
  { "rolled-back-override", "rolled-back planned planned", FALSE, "b", ROLLOUT_DECISION_OVERRIDE, FALSE },
  /* Pause, resume, roll back. */
  { "pause-active", "active planned planned", FALSE, "a", ROLLOUT_DECISION_PAUSE, TRUE },
  { "pause-paused", "paused planned planned", FALSE, "a", ROLLOUT_DECISION_PAUSE, FALSE },
  { "pause-planned", "active planned planned", FALSE, "b", ROLLOUT_DECISION_PAUSE, FALSE },
  { "resume-paused", "paused planned planned", FALSE, "a", ROLLOUT_DECISION_RESUME, TRUE },
  { "resume-rolled-back", "rolled-back planned planned", FALSE, "a", ROLLOUT_DECISION_RESUME, TRUE },
  { "resume-active", "active planned planned", FALSE, "a", ROLLOUT_DECISION_RESUME, FALSE },
  { "resume-not-current", "rolled-back active planned", FALSE, "a", ROLLOUT_DECISION_RESUME, FALSE },
  { "rollback-active", "active planned planned", FALSE, "a", ROLLOUT_DECISION_ROLLBACK, TRUE },
  { "rollback-paused", "paused planned planned", FALSE, "a", ROLLOUT_DECISION_ROLLBACK, TRUE },
  { "rollback-completed", "completed active planned", FALSE, "a", ROLLOUT_DECISION_ROLLBACK, FALSE },
  { "rollback-rolled-back", "rolled-back planned planned", FALSE, "a", ROLLOUT_DECISION_ROLLBACK, FALSE },
};

static void
test_can_decide (gconstpointer data)
{
  const DecideCase *c = data;
  g_autoptr(RolloutProject) project = new_project ();
  g_auto(GStrv) statuses = g_strsplit (c->statuses, " ", -1);
  RolloutPhase *phase = rollout_project_lookup_phase (project, c->phase);
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      static const char * const ids[] = { "a", "b", "c" };
      int status;

      g_assert_true (rollout_enum_from_nick (ROLLOUT_TYPE_PHASE_STATUS, statuses[i], &status));
      set_status (project, ids[i], status);
    }
  if (c->signed_off)
    sign_off (project, "a");

  g_assert_cmpint (rollout_monitor_can_decide (project, phase, c->action), ==, c->allowed);
  command = rollout_monitor_new_decision (project, phase, c->action, day ("2026-04-01"),
                                          "Maya Chen", "Because", &error);
  if (c->allowed)
    {
      g_assert_no_error (error);
      g_assert_nonnull (command);
    }
  else
    {
      g_assert_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NOT_ALLOWED);
      g_assert_null (command);
    }
}

/* Decisions on the demo plan ----------------------------------------------- */

static void
import_pilot_metrics (RolloutProject *project,
                      RolloutHistory *history)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "metrics-pilot.csv", NULL);
  g_autofree char *csv = NULL;
  gsize length = 0;
  g_autoptr(RolloutImportCsv) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &csv, &length, &error));
  import = rollout_import_csv_metrics (project, csv, length, ROLLOUT_IMPORT_CSV_NONE);
  g_assert_nonnull (rollout_import_csv_get_command (import));
  g_assert_true (rollout_history_execute (history, rollout_import_csv_get_command (import), &error));
  g_assert_no_error (error);
}

/* Once the pilot's gate is GO, the expansion starts: the pilot is completed
 * and the start is recorded with the gate's verdict as its reason. One
 * undo gives back the plan byte for byte. */
static void
test_start_on_go (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
  RolloutPhase *expansion = rollout_project_lookup_phase (project, "expansion");
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_decisions = rollout_phase_get_decisions (pilot)->len;
  const RolloutDecision *decision;

  /* PENDING: starting is refused, overriding is what is left. */
  g_assert_false (rollout_monitor_can_decide (project, expansion, ROLLOUT_DECISION_START));
  g_assert_true (rollout_monitor_can_decide (project, expansion, ROLLOUT_DECISION_OVERRIDE));

  import_pilot_metrics (project, history);
  g_assert_true (rollout_monitor_can_decide (project, expansion, ROLLOUT_DECISION_START));
  g_assert_false (rollout_monitor_can_decide (project, expansion, ROLLOUT_DECISION_OVERRIDE));

  before = rollout_file_write (project, NULL);
  command = rollout_monitor_new_decision (project, expansion, ROLLOUT_DECISION_START, day ("2026-04-01"),
                                          "  Maya Chen ", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_command_get_label (command), ==,
                   "Start ‘Expansion: Denver, Portland, Atlanta (25%)’");
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_no_error (error);

  g_assert_cmpint (rollout_phase_get_status (pilot), ==, ROLLOUT_PHASE_STATUS_COMPLETED);
  g_assert_cmpint (rollout_phase_get_status (expansion), ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_cmpuint (rollout_phase_get_decisions (pilot)->len, ==, n_decisions);
  decision = last_decision (expansion);
  g_assert_cmpint (decision->action, ==, ROLLOUT_DECISION_START);
  g_assert_cmpuint (decision->date, ==, day ("2026-04-01"));
  g_assert_cmpstr (decision->by, ==, "Maya Chen");
  g_assert_cmpstr (decision->reason, ==, "Gate of ‘Pilot: Austin, 5%’: GO: all 8 criteria are met");
  g_assert_true (rollout_monitor_get_current_phase (project) == expansion);
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==,
                   "Start ‘Expansion: Denver, Portland, Atlanta (25%)’");

  /* Written and read back. */
  {
    gsize length = 0;
    g_autofree char *text = rollout_file_write (project, &length);
    g_autoptr(RolloutProject) copy = rollout_file_read (text, length, NULL, &error);
    RolloutPhase *copied;

    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "\"action\": \"start\""));
    copied = rollout_project_lookup_phase (copy, "expansion");
    g_assert_cmpint (rollout_phase_get_status (copied), ==, ROLLOUT_PHASE_STATUS_ACTIVE);
    g_assert_cmpstr (last_decision (copied)->by, ==, "Maya Chen");
  }

  g_assert_true (rollout_history_undo (history));
  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* The pilot is PENDING: moving on needs an override with a reason, which is
 * recorded in the pilot; the expansion's start says it was overridden. */
static void
test_override (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
  RolloutPhase *expansion = rollout_project_lookup_phase (project, "expansion");
  g_autoptr(RolloutCommand) refused = NULL;
  g_autoptr(RolloutCommand) no_reason = NULL;
  g_autoptr(RolloutCommand) nobody = NULL;
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rollout_file_write (project, NULL);
  g_autofree char *after = NULL;
  const RolloutDecision *decision;

  refused = rollout_monitor_new_decision (project, expansion, ROLLOUT_DECISION_START, day ("2026-04-01"),
                                          "Maya Chen", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==,
                   "‘Expansion: Denver, Portland, Atlanta (25%)’ cannot start: it is not the next phase, or the gate before it is not GO");
  g_clear_error (&error);

  no_reason = rollout_monitor_new_decision (project, expansion, ROLLOUT_DECISION_OVERRIDE, day ("2026-04-01"),
                                            "Maya Chen", " \t\n", &error);
  g_assert_null (no_reason);
  g_assert_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NO_REASON);
  g_clear_error (&error);

  nobody = rollout_monitor_new_decision (project, expansion, ROLLOUT_DECISION_OVERRIDE, day ("2026-04-01"),
                                         "", "Survey is late", &error);
  g_assert_null (nobody);
  g_assert_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NO_PERSON);
  g_clear_error (&error);

  command = rollout_monitor_new_decision (project, expansion, ROLLOUT_DECISION_OVERRIDE, day ("2026-04-02"),
                                          "Maya Chen", "Survey vendor is late; the in-app ratings agree.", &error);
  g_assert_no_error (error);
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==,
                   "Start ‘Expansion: Denver, Portland, Atlanta (25%)’ Despite the Gate");

  g_assert_cmpint (rollout_phase_get_status (pilot), ==, ROLLOUT_PHASE_STATUS_COMPLETED);
  decision = last_decision (pilot);
  g_assert_cmpint (decision->action, ==, ROLLOUT_DECISION_OVERRIDE);
  g_assert_cmpuint (decision->date, ==, day ("2026-04-02"));
  g_assert_cmpstr (decision->by, ==, "Maya Chen");
  g_assert_cmpstr (decision->reason, ==, "Survey vendor is late; the in-app ratings agree.");

  g_assert_cmpint (rollout_phase_get_status (expansion), ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  decision = last_decision (expansion);
  g_assert_cmpint (decision->action, ==, ROLLOUT_DECISION_START);
  g_assert_cmpstr (decision->reason, ==,
                   "Started despite the gate of ‘Pilot: Austin, 5%’: Survey vendor is late; the in-app ratings agree.");

  {
    g_autofree char *text = rollout_file_write (project, NULL);

    g_assert_nonnull (strstr (text, "\"action\": \"override\""));
  }

  g_assert_true (rollout_history_undo (history));
  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Pause, resume and roll back the pilot; nothing moves on from a rolled-back
 * phase. */
static void
test_pause_resume_roll_back (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
  RolloutPhase *expansion = rollout_project_lookup_phase (project, "expansion");
  g_autoptr(GError) error = NULL;
  RolloutCommand *command;
  guint n = rollout_phase_get_decisions (pilot)->len;
  static const struct {
    RolloutDecisionAction action;
    const char *reason;
    RolloutPhaseStatus status;
    const char *label;
  } steps[] = {
    { ROLLOUT_DECISION_PAUSE, "Refund tool outage", ROLLOUT_PHASE_STATUS_PAUSED, "Pause ‘Pilot: Austin, 5%’" },
    { ROLLOUT_DECISION_RESUME, NULL, ROLLOUT_PHASE_STATUS_ACTIVE, "Resume ‘Pilot: Austin, 5%’" },
    { ROLLOUT_DECISION_ROLLBACK, "Lock firmware bricks scooters", ROLLOUT_PHASE_STATUS_ROLLED_BACK, "Roll Back ‘Pilot: Austin, 5%’" },
  };

  /* Pausing and rolling back need a reason; resuming does not. */
  g_assert_null (rollout_monitor_new_decision (project, pilot, ROLLOUT_DECISION_PAUSE, day ("2026-03-27"),
                                               "Maya Chen", NULL, &error));
  g_assert_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NO_REASON);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const RolloutDecision *decision;

      command = rollout_monitor_new_decision (project, pilot, steps[i].action, day ("2026-03-27") + i,
                                              "Maya Chen", steps[i].reason, &error);
      g_assert_no_error (error);
      g_assert_true (rollout_history_execute (history, command, &error));
      g_object_unref (command);
      g_assert_cmpint (rollout_phase_get_status (pilot), ==, steps[i].status);
      g_assert_cmpuint (rollout_phase_get_decisions (pilot)->len, ==, n + i + 1);
      decision = last_decision (pilot);
      g_assert_cmpint (decision->action, ==, steps[i].action);
      g_assert_cmpuint (decision->date, ==, day ("2026-03-27") + i);
      g_assert_cmpstr (decision->reason, ==, steps[i].reason);
      g_assert_cmpstr (rollout_history_get_undo_label (history), ==, steps[i].label);
    }

  g_assert_false (rollout_monitor_can_decide (project, expansion, ROLLOUT_DECISION_START));
  g_assert_false (rollout_monitor_can_decide (project, expansion, ROLLOUT_DECISION_OVERRIDE));
  g_assert_true (rollout_monitor_can_decide (project, pilot, ROLLOUT_DECISION_RESUME));

  for (guint i = G_N_ELEMENTS (steps); i > 0; i--)
    g_assert_true (rollout_history_undo (history));
  g_assert_cmpint (rollout_phase_get_status (pilot), ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_cmpuint (rollout_phase_get_decisions (pilot)->len, ==, n);
  g_assert_false (rollout_history_get_modified (history));
}

/* Samples ------------------------------------------------------------------ */

static void
test_samples (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutMetric *metric = rollout_project_lookup_metric (project, "satisfaction");
  g_autoptr(RolloutSample) sample = rollout_sample_new (day ("2026-03-28"), "pilot", 4.5);
  g_autoptr(RolloutSample) edited = rollout_sample_new (day ("2026-03-29"), "pilot", 4.1);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rollout_file_write (project, NULL);
  g_autofree char *after = NULL;
  guint n = rollout_metric_get_samples (metric)->len;
  RolloutCommand *command;
  RolloutSample *last;

  command = rollout_monitor_new_add_sample (metric, sample);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Add a Sample to ‘Reservation satisfaction’");
  /* Nothing changes until it runs. */
  g_assert_cmpuint (rollout_metric_get_samples (metric)->len, ==, n);
  g_assert_true (rollout_history_execute (history, command, &error));
  g_object_unref (command);
  g_assert_cmpuint (rollout_metric_get_samples (metric)->len, ==, n + 1);
  last = g_ptr_array_index (rollout_metric_get_samples (metric), n);
  g_assert_cmpuint (last->date, ==, day ("2026-03-28"));
  g_assert_cmpstr (last->phase_id, ==, "pilot");
  g_assert_cmpfloat (last->value, ==, 4.5);

  command = rollout_monitor_new_set_sample (metric, n, edited);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Edit a Sample of ‘Reservation satisfaction’");
  g_assert_true (rollout_history_execute (history, command, &error));
  g_object_unref (command);
  last = g_ptr_array_index (rollout_metric_get_samples (metric), n);
  g_assert_cmpuint (last->date, ==, day ("2026-03-29"));
  g_assert_cmpfloat (last->value, ==, 4.1);

  command = rollout_monitor_new_remove_sample (metric, 0);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Delete a Sample of ‘Reservation satisfaction’");
  g_assert_true (rollout_history_execute (history, command, &error));
  g_object_unref (command);
  g_assert_cmpuint (rollout_metric_get_samples (metric)->len, ==, n);
  g_assert_cmpuint (((RolloutSample *) g_ptr_array_index (rollout_metric_get_samples (metric), 0))->date, ==,
                    day ("2026-03-03"));

  for (guint i = 0; i < 3; i++)
    g_assert_true (rollout_history_undo (history));
  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Feedback ------------------------------------------------------------------ */

static void
test_feedback_id (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autofree char *id = rollout_monitor_make_feedback_id (project);
  g_autoptr(RolloutFeedback) taken = rollout_feedback_new ("fb-17");
  g_autofree char *next = NULL;

  g_assert_cmpstr (id, ==, "fb-16");
  g_assert_true (rollout_project_insert_feedback (project, taken, -1));
  /* 16 entries now; fb-17 is taken. */
  next = rollout_monitor_make_feedback_id (project);
  g_assert_cmpstr (next, ==, "fb-18");
}

static void
test_feedback_summary (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutFeedbackSummary) pilot = NULL;
  g_autoptr(RolloutFeedbackSummary) all = NULL;
  g_autoptr(RolloutFeedbackSummary) ga = NULL;
  g_autoptr(RolloutFeedback) repeated = rollout_feedback_new ("fb-x");
  g_autoptr(RolloutFeedbackSummary) again = NULL;
  static const char * const expected[] = { "hold-zone", "payments", "ux", "battery", "commute" };
  const char *tags[] = { "ux", "ux", "zebra", NULL };

  pilot = rollout_feedback_summary_new (project, "pilot");
  g_assert_cmpuint (pilot->n_feedback, ==, 9);
  g_assert_cmpuint (pilot->sentiments[ROLLOUT_SENTIMENT_POSITIVE], ==, 3);
  g_assert_cmpuint (pilot->sentiments[ROLLOUT_SENTIMENT_NEUTRAL], ==, 2);
  g_assert_cmpuint (pilot->sentiments[ROLLOUT_SENTIMENT_NEGATIVE], ==, 4);
  g_assert_cmpuint (pilot->tags->len, ==, 12);
  /* Most used first, ties by name. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RolloutTagCount *count = &g_array_index (pilot->tags, RolloutTagCount, i);

      g_assert_cmpstr (count->tag, ==, expected[i]);
      g_assert_cmpuint (count->count, ==, i < 3 ? 2 : 1);
    }

  all = rollout_feedback_summary_new (project, NULL);
  g_assert_cmpuint (all->n_feedback, ==, 15);
  g_assert_cmpuint (all->sentiments[ROLLOUT_SENTIMENT_POSITIVE] + all->sentiments[ROLLOUT_SENTIMENT_NEUTRAL] +
                    all->sentiments[ROLLOUT_SENTIMENT_NEGATIVE], ==, 15);

  ga = rollout_feedback_summary_new (project, "ga");
  g_assert_cmpuint (ga->n_feedback, ==, 0);
  g_assert_cmpuint (ga->tags->len, ==, 0);

  /* A tag repeated within an entry counts once. */
  rollout_feedback_set_phase_id (repeated, "ga");
  rollout_feedback_set_tags (repeated, tags);
  g_assert_true (rollout_project_insert_feedback (project, repeated, -1));
  again = rollout_feedback_summary_new (project, "ga");
  g_assert_cmpuint (again->n_feedback, ==, 1);
  g_assert_cmpuint (again->tags->len, ==, 2);
  g_assert_cmpstr (g_array_index (again->tags, RolloutTagCount, 0).tag, ==, "ux");
  g_assert_cmpuint (g_array_index (again->tags, RolloutTagCount, 0).count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/monitor/current-and-next", test_current_and_next);
  for (guint i = 0; i < G_N_ELEMENTS (decide_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/monitor/can-decide/%s", decide_cases[i].name);

      g_test_add_data_func (path, &decide_cases[i], test_can_decide);
    }
  g_test_add_func ("/rollout/monitor/start-on-go", test_start_on_go);
  g_test_add_func ("/rollout/monitor/override", test_override);
  g_test_add_func ("/rollout/monitor/pause-resume-roll-back", test_pause_resume_roll_back);
  g_test_add_func ("/rollout/monitor/samples", test_samples);
  g_test_add_func ("/rollout/monitor/feedback-id", test_feedback_id);
  g_test_add_func ("/rollout/monitor/feedback-summary", test_feedback_summary);

  return g_test_run ();
}
