/* test-gate-edit.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Editing gates in core: thresholds read and written, criteria in words,
 * a new criterion's first guess, equality, required sign-offs, the checks
 * before saving, the phases that use a metric, and the one command that
 * sets a gate (applied, undone, written byte for byte as before). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "core-test-util.h"
#include "rollout-file.h"
#include "rollout-gate-edit.h"
#include "rollout-gates.h"
#include "rollout-history.h"
#include "rollout-scheduler.h"

static RolloutGate *
pilot_gate (RolloutProject *project)
{
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");

  g_assert_nonnull (pilot);
  g_assert_nonnull (rollout_phase_get_gate (pilot));
  return rollout_gate_copy (rollout_phase_get_gate (pilot));
}

static RolloutGateMetric *
criterion (RolloutGate *gate,
           guint        index)
{
  g_assert_cmpuint (index, <, gate->metrics->len);
  return g_ptr_array_index (gate->metrics, index);
}

/* Thresholds -------------------------------------------------------------- */

static void
test_parse_threshold (void)
{
  static const struct {
    const char *text;
    const char *unit;
    gboolean    ok;
    double      value;
    const char *message;
  } cases[] = {
    { "4.2", NULL, TRUE, 4.2, NULL },
    { "  180 ", "reservations", TRUE, 180, NULL },
    { "180 reservations", "reservations", TRUE, 180, NULL },
    { "10%", "%", TRUE, 10, NULL },
    { "10 %", "%", TRUE, 10, NULL },
    { "4.2/5", "/5", TRUE, 4.2, NULL },
    { "-3.5", NULL, TRUE, -3.5, NULL },
    { "−3.5", NULL, TRUE, -3.5, NULL },
    { "+7", NULL, TRUE, 7, NULL },
    { "1e3", NULL, TRUE, 1000, NULL },
    { ".5", NULL, TRUE, 0.5, NULL },
    { "-0", NULL, TRUE, 0, NULL },
    { "", NULL, FALSE, 0, "Enter a threshold" },
    { "   ", "%", FALSE, 0, "Enter a threshold" },
    { "%", "%", FALSE, 0, "“%” is not a number" },
    { "4,2", NULL, FALSE, 0, "Write the threshold with a decimal point and no thousands separators, as 4.2 or 1000" },
    { "1,000", NULL, FALSE, 0, "Write the threshold with a decimal point and no thousands separators, as 4.2 or 1000" },
    { "abc", NULL, FALSE, 0, "“abc” is not a number" },
    { "4.2.1", NULL, FALSE, 0, "“4.2.1” is not a number" },
    { "inf", NULL, FALSE, 0, "“inf” is not a number" },
    { "nan", NULL, FALSE, 0, "“nan” is not a number" },
    { "0x10", NULL, FALSE, 0, "“0x10” is not a number" },
    { "1e999", NULL, FALSE, 0, "“1e999” is not a number" },
    { "10 tickets", "%", FALSE, 0, "“10 tickets” is not a number" },
    { "-", NULL, FALSE, 0, "“-” is not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -12345;
      gboolean ok = rollout_gate_parse_threshold (cases[i].text, cases[i].unit, &value, &error);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat (value, ==, cases[i].value);
          if (value == 0.0)
            g_assert_false (signbit (value));
        }
      else
        {
          g_assert_error (error, ROLLOUT_GATE_ERROR, ROLLOUT_GATE_ERROR_THRESHOLD);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          g_assert_cmpfloat (value, ==, -12345);
        }
    }
}

static void
test_format_threshold (void)
{
  static const struct {
    double      value;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { -0.0, "0" },
    { 4.2, "4.2" },
    { 180, "180" },
    { 1000000, "1000000" },
    { -3.5, "-3.5" },
    { 0.125, "0.125" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1e-5, "1e-05" },
  };
  static const double more[] = { 4.199999999, 1.0 / 3.0, 123456.789, 1e20, -2.5e-8, 99.95 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rollout_gate_format_threshold (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  /* Whatever is written reads back as the same number. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rollout_gate_format_threshold (cases[i].value);
      double back = -1;

      g_assert_true (rollout_gate_parse_threshold (text, NULL, &back, NULL));
      g_assert_cmpfloat (back, ==, cases[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autofree char *text = rollout_gate_format_threshold (more[i]);
      double back = -1;

      g_assert_true (rollout_gate_parse_threshold (text, NULL, &back, NULL));
      g_assert_cmpfloat (back, ==, more[i]);
    }
}

/* Words -------------------------------------------------------------------- */

static void
test_describe (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  static const struct {
    const char        *metric;
    RolloutComparison  comparison;
    double             threshold;
    RolloutAggregate   aggregate;
    int                window_days;
    const char        *text;
  } cases[] = {
    { "no-show-rate", ROLLOUT_COMPARISON_LE, 10, ROLLOUT_AGGREGATE_MEAN, 7, "No-show rate ≤ 10% (mean of the last 7 days)" },
    { "no-show-rate", ROLLOUT_COMPARISON_LT, 10, ROLLOUT_AGGREGATE_MEAN, 1, "No-show rate < 10% (mean of the last 1 day)" },
    { "satisfaction", ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_MEAN, 0, "Reservation satisfaction ≥ 4.2/5 (mean of every sample)" },
    /* Word units are left to the name. */
    { "reservations-per-day", ROLLOUT_COMPARISON_GT, 180, ROLLOUT_AGGREGATE_LATEST, 0, "Reservations per day > 180 (latest sample)" },
    { "reservations-per-day", ROLLOUT_COMPARISON_EQ, 180, ROLLOUT_AGGREGATE_LATEST, 9, "Reservations per day = 180 (latest sample)" },
    { "reservations-per-day", ROLLOUT_COMPARISON_NE, -1.5, ROLLOUT_AGGREGATE_LATEST, 0, "Reservations per day ≠ -1.5 (latest sample)" },
    { "gone", ROLLOUT_COMPARISON_GE, 1, ROLLOUT_AGGREGATE_LATEST, 0, "gone ≥ 1 (latest sample)" },
    { NULL, ROLLOUT_COMPARISON_GE, 1, ROLLOUT_AGGREGATE_LATEST, 0, "No metric ≥ 1 (latest sample)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_new (cases[i].metric, cases[i].comparison,
                                                                 cases[i].threshold);
      g_autofree char *text = NULL;

      gm->aggregate = cases[i].aggregate;
      gm->window_days = cases[i].window_days;
      text = rollout_gate_metric_describe (gm, cases[i].metric != NULL
                                               ? rollout_project_lookup_metric (project, cases[i].metric) : NULL);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_cmpstr (rollout_comparison_get_symbol (ROLLOUT_COMPARISON_GE), ==, "≥");
  g_assert_cmpstr (rollout_comparison_get_symbol (ROLLOUT_COMPARISON_LE), ==, "≤");
  g_assert_cmpstr (rollout_comparison_get_label (ROLLOUT_COMPARISON_GE), ==, "at least");
  g_assert_cmpstr (rollout_comparison_get_label (ROLLOUT_COMPARISON_LT), ==, "below");
}

/* A new criterion ------------------------------------------------------------ */

static void
test_suggest (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutProject) empty = rollout_project_new ("empty");
  g_autoptr(RolloutGate) gate = rollout_gate_new ();
  RolloutMetric *no_shows = rollout_project_lookup_metric (project, "no-show-rate");

  g_assert_null (rollout_gate_metric_suggest (empty, NULL));

  /* No gate yet: the first metric; higher is better, so at least. */
  {
    g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_suggest (project, NULL);

    g_assert_cmpstr (gm->metric_id, ==, "reservations-per-day");
    g_assert_cmpint (gm->comparison, ==, ROLLOUT_COMPARISON_GE);
    g_assert_cmpint (gm->aggregate, ==, ROLLOUT_AGGREGATE_LATEST);
    g_assert_cmpint (gm->window_days, ==, 0);
    g_assert_null (gm->extra);
  }

  /* The next metric the gate does not check, lower is better, its target. */
  rollout_metric_set_has_target (no_shows, TRUE);
  rollout_metric_set_target (no_shows, 7.5);
  g_ptr_array_add (gate->metrics, rollout_gate_metric_new ("reservations-per-day", ROLLOUT_COMPARISON_GE, 1));
  {
    g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_suggest (project, gate);

    g_assert_cmpstr (gm->metric_id, ==, "no-show-rate");
    g_assert_cmpint (gm->comparison, ==, ROLLOUT_COMPARISON_LE);
    g_assert_cmpfloat (gm->threshold, ==, 7.5);
  }

  /* Every metric checked: the first again. */
  {
    g_autoptr(RolloutGate) full = pilot_gate (project);
    g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_suggest (project, full);

    g_assert_cmpstr (gm->metric_id, ==, "reservations-per-day");
  }
}

/* Comparing ------------------------------------------------------------------ */

static void
test_equal (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutGate) a = pilot_gate (project);
  g_autoptr(RolloutGate) b = pilot_gate (project);
  g_autoptr(RolloutGate) empty = rollout_gate_new ();
  g_autoptr(JsonObject) extra = json_object_new ();

  g_assert_true (rollout_gate_equal (NULL, NULL));
  g_assert_true (rollout_gate_equal (NULL, empty));
  g_assert_true (rollout_gate_equal (empty, NULL));
  g_assert_true (rollout_gate_is_empty (empty));
  g_assert_false (rollout_gate_equal (a, NULL));
  g_assert_true (rollout_gate_equal (a, b));
  g_assert_true (rollout_gate_equal (a, a));

  criterion (b, 0)->threshold = 181;
  g_assert_false (rollout_gate_equal (a, b));
  criterion (b, 0)->threshold = 180;
  criterion (b, 0)->window_days = 8;
  g_assert_false (rollout_gate_equal (a, b));
  criterion (b, 0)->window_days = 7;
  criterion (b, 0)->comparison = ROLLOUT_COMPARISON_GT;
  g_assert_false (rollout_gate_equal (a, b));
  criterion (b, 0)->comparison = ROLLOUT_COMPARISON_GE;
  g_assert_true (rollout_gate_equal (a, b));

  /* The order of sign-offs is written, so it counts. */
  rollout_gate_set_signoff_required (b, "eng", FALSE);
  rollout_gate_set_signoff_required (b, "eng", TRUE);
  g_assert_false (rollout_gate_equal (a, b));
  g_clear_pointer (&b, rollout_gate_free);
  b = pilot_gate (project);

  b->max_open_risk_score = 16;
  g_assert_false (rollout_gate_equal (a, b));
  b->max_open_risk_score = a->max_open_risk_score;

  /* Members from other writers count; an empty set of them is none. */
  json_object_set_int_member (extra, "owner_note", 3);
  b->extra = json_object_ref (extra);
  g_assert_false (rollout_gate_equal (a, b));
  a->extra = json_object_new ();
  g_assert_false (rollout_gate_equal (a, b));
  json_object_set_int_member (a->extra, "owner_note", 3);
  g_assert_true (rollout_gate_equal (a, b));

  /* An empty gate with members of its own is not no gate. */
  empty->extra = json_object_ref (extra);
  g_assert_false (rollout_gate_is_empty (empty));
  g_assert_false (rollout_gate_equal (empty, NULL));
}

static void
test_signoffs (void)
{
  g_autoptr(RolloutGate) gate = rollout_gate_new ();
  static const char * const eng_support[] = { "eng", "support", NULL };
  static const char * const support_eng[] = { "support", "eng", NULL };
  static const char * const support[] = { "support", NULL };

  g_assert_false (rollout_gate_requires_signoff (NULL, "eng"));
  g_assert_false (rollout_gate_requires_signoff (gate, "eng"));
  rollout_gate_set_signoff_required (gate, "eng", TRUE);
  rollout_gate_set_signoff_required (gate, "support", TRUE);
  rollout_gate_set_signoff_required (gate, "eng", TRUE);
  g_assert_cmpstrv (gate->required_signoffs, eng_support);
  g_assert_true (rollout_gate_requires_signoff (gate, "support"));

  rollout_gate_set_signoff_required (gate, "eng", FALSE);
  g_assert_cmpstrv (gate->required_signoffs, support);
  rollout_gate_set_signoff_required (gate, "pmm", FALSE);
  g_assert_cmpstrv (gate->required_signoffs, support);
  rollout_gate_set_signoff_required (gate, "eng", TRUE);
  g_assert_cmpstrv (gate->required_signoffs, support_eng);
  rollout_gate_set_signoff_required (gate, "eng", FALSE);
  rollout_gate_set_signoff_required (gate, "support", FALSE);
  g_assert_nonnull (gate->required_signoffs);
  g_assert_null (gate->required_signoffs[0]);
  g_assert_true (rollout_gate_is_empty (gate));
}

/* Checking ------------------------------------------------------------------- */

typedef void (*Edit) (RolloutGate *gate);

static void
edit_nothing (RolloutGate *gate)
{
}

static void
edit_no_metric (RolloutGate *gate)
{
  g_clear_pointer (&criterion (gate, 1)->metric_id, g_free);
}

static void
edit_unknown_metric (RolloutGate *gate)
{
  g_free (criterion (gate, 2)->metric_id);
  criterion (gate, 2)->metric_id = g_strdup ("uptime");
}

static void
edit_nan (RolloutGate *gate)
{
  criterion (gate, 0)->threshold = NAN;
}

static void
edit_window (RolloutGate *gate)
{
  criterion (gate, 3)->window_days = 3651;
}

static void
edit_negative_window (RolloutGate *gate)
{
  criterion (gate, 3)->window_days = -1;
}

static void
edit_duplicate (RolloutGate *gate)
{
  /* The first criterion again, with another threshold. */
  RolloutGateMetric *copy = rollout_gate_metric_copy (criterion (gate, 0));

  copy->threshold = 200;
  g_ptr_array_add (gate->metrics, copy);
}

static void
edit_other_window (RolloutGate *gate)
{
  /* The same metric over another window checks something else. */
  RolloutGateMetric *copy = rollout_gate_metric_copy (criterion (gate, 0));

  copy->window_days = 14;
  g_ptr_array_add (gate->metrics, copy);
}

static void
edit_other_comparison (RolloutGate *gate)
{
  /* A range: at least 180 and at most 5000. */
  RolloutGateMetric *copy = rollout_gate_metric_copy (criterion (gate, 0));

  copy->comparison = ROLLOUT_COMPARISON_LE;
  copy->threshold = 5000;
  g_ptr_array_add (gate->metrics, copy);
}

static void
edit_latest_twice (RolloutGate *gate)
{
  /* Latest is latest, whatever window is written with it. */
  RolloutGateMetric *copy = rollout_gate_metric_copy (criterion (gate, 2));

  copy->window_days = 5;
  g_ptr_array_add (gate->metrics, copy);
}

static void
edit_unknown_team (RolloutGate *gate)
{
  rollout_gate_set_signoff_required (gate, "legal", TRUE);
}

static void
edit_team_twice (RolloutGate *gate)
{
  char **teams = g_new0 (char *, 4);

  teams[0] = g_strdup ("eng");
  teams[1] = g_strdup ("support");
  teams[2] = g_strdup ("eng");
  g_strfreev (gate->required_signoffs);
  gate->required_signoffs = teams;
}

static void
edit_risk_high (RolloutGate *gate)
{
  gate->max_open_risk_score = 26;
}

static void
edit_risk_off (RolloutGate *gate)
{
  gate->max_open_risk_score = 0;
}

static void
edit_many (RolloutGate *gate)
{
  edit_no_metric (gate);
  edit_window (gate);
  edit_unknown_team (gate);
  edit_risk_high (gate);
}

static void
test_check (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  static const char * const kinds[] = { "metric", "threshold", "window", "duplicate", "signoff", "risk" };
  static const struct {
    const char *name;
    Edit        edit;
    const char *expected; /* "kind:index:message|…" */
  } cases[] = {
    { "nothing", edit_nothing, "" },
    { "no metric", edit_no_metric, "metric:1:Choose a metric" },
    { "unknown metric", edit_unknown_metric, "metric:2:The plan has no metric with the id “uptime”" },
    { "not a number", edit_nan, "threshold:0:The threshold must be a number" },
    { "window", edit_window, "window:3:Count from 1 to 3650 days" },
    { "negative window", edit_negative_window, "window:3:Count from 1 to 3650 days" },
    { "duplicate", edit_duplicate, "duplicate:4:Criterion 1 already compares this value the same way: keep one of them" },
    { "other window", edit_other_window, "" },
    { "other comparison", edit_other_comparison, "" },
    { "latest twice", edit_latest_twice, "duplicate:4:Criterion 3 already compares this value the same way: keep one of them" },
    { "unknown team", edit_unknown_team, "signoff:3:The plan has no team with the id “legal”" },
    { "team twice", edit_team_twice, "signoff:2:The sign-off of Engineering is required twice" },
    { "risk too high", edit_risk_high, "risk:-1:Choose a score from 1 to 25" },
    { "risk off", edit_risk_off, "" },
    { "many", edit_many,
      "metric:1:Choose a metric|window:3:Count from 1 to 3650 days|"
      "signoff:3:The plan has no team with the id “legal”|risk:-1:Choose a score from 1 to 25" },
  };

  {
    g_autoptr(GPtrArray) none = rollout_gate_check (project, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RolloutGate) gate = pilot_gate (project);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GString) found = g_string_new (NULL);

      g_test_message ("%s", cases[i].name);
      cases[i].edit (gate);
      problems = rollout_gate_check (project, gate);
      for (guint k = 0; k < problems->len; k++)
        {
          RolloutGateProblem *problem = g_ptr_array_index (problems, k);

          g_string_append_printf (found, "%s%s:%d:%s", k > 0 ? "|" : "", kinds[problem->kind],
                                  problem->index, problem->message);
        }
      g_assert_cmpstr (found->str, ==, cases[i].expected);
    }
}

/* The plan ------------------------------------------------------------------- */

static void
test_metric_users (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(GPtrArray) users = rollout_gates_find_metric_users (project, "satisfaction");
  g_autoptr(GPtrArray) none = rollout_gates_find_metric_users (project, "uptime");
  g_autoptr(RolloutGate) gate = pilot_gate (project);
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");

  g_assert_cmpuint (users->len, ==, 3);
  g_assert_cmpstr (rollout_phase_get_id (g_ptr_array_index (users, 0)), ==, "dogfood");
  g_assert_cmpstr (rollout_phase_get_id (g_ptr_array_index (users, 1)), ==, "pilot");
  g_assert_cmpstr (rollout_phase_get_id (g_ptr_array_index (users, 2)), ==, "expansion");
  g_assert_cmpuint (none->len, ==, 0);

  /* Twice in a gate, once in the list. */
  g_ptr_array_add (gate->metrics, rollout_gate_metric_new ("satisfaction", ROLLOUT_COMPARISON_GE, 3));
  g_ptr_array_remove_index (gate->metrics, 3);
  g_ptr_array_add (gate->metrics, rollout_gate_metric_new ("satisfaction", ROLLOUT_COMPARISON_LE, 5));
  rollout_phase_set_gate (pilot, gate);
  g_clear_pointer (&users, g_ptr_array_unref);
  users = rollout_gates_find_metric_users (project, "satisfaction");
  g_assert_cmpuint (users->len, ==, 3);
}

/* A gate being edited is judged like the phase's own: the editor's verdict
 * is the one the card shows after saving. */
static void
test_evaluate_draft (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
  g_autoptr(RolloutGate) gate = pilot_gate (project);
  g_autoptr(RolloutGateEvaluation) own = rollout_gates_evaluate_phase (project, pilot);
  g_autoptr(RolloutGateEvaluation) same = rollout_gates_evaluate_gate (project, pilot, gate);
  g_autoptr(RolloutGateEvaluation) none = rollout_gates_evaluate_gate (project, pilot, NULL);
  g_autoptr(RolloutGateEvaluation) stricter = NULL;
  g_autoptr(RolloutGateEvaluation) without = NULL;

  g_assert_cmpint (own->verdict, ==, ROLLOUT_VERDICT_PENDING);
  g_assert_cmpint (same->verdict, ==, own->verdict);
  g_assert_cmpstr (same->summary, ==, own->summary);
  g_assert_cmpint (none->verdict, ==, ROLLOUT_VERDICT_NONE);

  criterion (gate, 0)->threshold = 100000;
  stricter = rollout_gates_evaluate_gate (project, pilot, gate);
  g_assert_cmpint (stricter->verdict, ==, ROLLOUT_VERDICT_NO_GO);
  /* The phase itself is untouched. */
  g_assert_cmpfloat (criterion ((RolloutGate *) rollout_phase_get_gate (pilot), 0)->threshold, ==, 180);

  /* Without the survey, every criterion is met. */
  criterion (gate, 0)->threshold = 180;
  g_ptr_array_remove_index (gate->metrics, 3);
  without = rollout_gates_evaluate_gate (project, pilot, gate);
  g_assert_cmpint (without->verdict, ==, ROLLOUT_VERDICT_GO);
}

static void
test_command (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
  RolloutPhase *ga = rollout_project_lookup_phase (project, "ga");
  g_autofree char *before = rollout_file_write (project, NULL);
  g_autofree char *after = NULL;
  g_autoptr(RolloutGate) gate = pilot_gate (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;

  /* One edit of threshold, sign-offs and risk: one undo step. */
  criterion (gate, 0)->threshold = 250;
  rollout_gate_set_signoff_required (gate, "pmm", TRUE);
  gate->max_open_risk_score = 10;
  command = rollout_gates_new_set_gate (project, pilot, gate, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Edit the gate of ‘Pilot: Austin, 5%’");
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_no_error (error);
  g_assert_true (rollout_gate_equal (rollout_phase_get_gate (pilot), gate));
  evaluation = rollout_gates_evaluate_phase (project, pilot);
  g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_NO_GO);
  after = rollout_file_write (project, NULL);
  g_assert_nonnull (strstr (after, "\"threshold\": 250"));
  g_assert_nonnull (strstr (after, "\"max_open_risk_score\": 10"));
  g_clear_pointer (&after, g_free);

  g_assert_true (rollout_history_undo (history));
  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Taking every criterion away takes the gate away. */
  g_clear_pointer (&gate, rollout_gate_free);
  gate = rollout_gate_new ();
  g_clear_object (&command);
  command = rollout_gates_new_set_gate (project, pilot, gate, &error);
  g_assert_no_error (error);
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_null (rollout_phase_get_gate (pilot));
  g_assert_true (rollout_history_undo (history));
  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* A phase without a gate gets one. */
  g_clear_pointer (&gate, rollout_gate_free);
  gate = rollout_gate_new ();
  rollout_gate_set_signoff_required (gate, "support", TRUE);
  g_clear_object (&command);
  command = rollout_gates_new_set_gate (project, ga, gate, &error);
  g_assert_no_error (error);
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_nonnull (rollout_phase_get_gate (ga));
  g_assert_true (rollout_history_undo (history));
  g_assert_null (rollout_phase_get_gate (ga));

  /* A gate with problems is refused, naming the first. */
  rollout_gate_set_signoff_required (gate, "legal", TRUE);
  g_ptr_array_add (gate->metrics, rollout_gate_metric_new (NULL, ROLLOUT_COMPARISON_GE, 1));
  g_clear_object (&command);
  command = rollout_gates_new_set_gate (project, ga, gate, &error);
  g_assert_null (command);
  g_assert_error (error, ROLLOUT_GATE_ERROR, ROLLOUT_GATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose a metric");
  g_assert_null (rollout_phase_get_gate (ga));

  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* An edited gate reads back from the file as it was saved, members from
 * other writers and all. */
static void
test_round_trip (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
  g_autoptr(RolloutGate) gate = pilot_gate (project);
  g_autoptr(RolloutProject) again = NULL;
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RolloutGateMetric *added;
  double threshold;

  g_assert_true (rollout_gate_parse_threshold ("0.1", NULL, &threshold, NULL));
  added = rollout_gate_metric_suggest (project, gate);
  added->threshold = threshold;
  added->aggregate = ROLLOUT_AGGREGATE_MEAN;
  added->window_days = 3;
  g_ptr_array_add (gate->metrics, added);
  criterion (gate, 1)->extra = json_object_new ();
  json_object_set_string_member (criterion (gate, 1)->extra, "note", "kept");
  command = rollout_gates_new_set_gate (project, pilot, gate, NULL);
  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_no_error (error);

  text = rollout_file_write (project, NULL);
  again = rollout_file_read (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rollout_gate_equal (rollout_phase_get_gate (rollout_project_lookup_phase (again, "pilot")), gate));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/gate-edit/parse-threshold", test_parse_threshold);
  g_test_add_func ("/rollout/gate-edit/format-threshold", test_format_threshold);
  g_test_add_func ("/rollout/gate-edit/describe", test_describe);
  g_test_add_func ("/rollout/gate-edit/suggest", test_suggest);
  g_test_add_func ("/rollout/gate-edit/equal", test_equal);
  g_test_add_func ("/rollout/gate-edit/signoffs", test_signoffs);
  g_test_add_func ("/rollout/gate-edit/check", test_check);
  g_test_add_func ("/rollout/gate-edit/metric-users", test_metric_users);
  g_test_add_func ("/rollout/gate-edit/evaluate-draft", test_evaluate_draft);
  g_test_add_func ("/rollout/gate-edit/command", test_command);
  g_test_add_func ("/rollout/gate-edit/round-trip", test_round_trip);

  return g_test_run ();
}
