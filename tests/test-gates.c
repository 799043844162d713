/* test-gates.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core-test-util.h"
#include "rollout-file.h"
#include "rollout-gates.h"
#include "rollout-metric-chart.h"
#include "rollout-scheduler.h"

static RolloutDate
day (const char *text)
{
  RolloutDate date = ROLLOUT_DATE_NONE;

  g_assert_true (rollout_date_parse (text, &date));
  return date;
}

/* A plan with two phases (p1, p2), one metric ("sat", Satisfaction) and two
 * teams (eng, support). */
static RolloutProject *
new_project (void)
{
  RolloutProject *project = rollout_project_new ("test");
  g_autoptr(RolloutPhase) p1 = rollout_phase_new ("p1");
  g_autoptr(RolloutPhase) p2 = rollout_phase_new ("p2");
  g_autoptr(RolloutMetric) metric = rollout_metric_new ("sat");
  g_autoptr(RolloutTeam) eng = rollout_team_new ("eng");
  g_autoptr(RolloutTeam) support = rollout_team_new ("support");

  rollout_phase_set_name (p1, "First phase");
  rollout_phase_set_name (p2, "Second phase");
  rollout_metric_set_name (metric, "Satisfaction");
  rollout_team_set_name (eng, "Engineering");
  rollout_team_set_name (support, "Customer support");
  g_assert_true (rollout_project_insert_phase (project, p1, -1));
  g_assert_true (rollout_project_insert_phase (project, p2, -1));
  g_assert_true (rollout_project_insert_metric (project, metric, -1));
  g_assert_true (rollout_project_insert_team (project, eng, -1));
  g_assert_true (rollout_project_insert_team (project, support, -1));
  return project;
}

/* "2026-03-02 p1 4.0;2026-03-05 - 4.3": date, phase ("-" for none), value. */
static void
set_samples (RolloutMetric *metric,
             const char    *spec)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_sample_free);
  g_auto(GStrv) items = g_strsplit (spec, ";", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (*items[i] == '\0')
        continue;
      parts = g_strsplit (items[i], " ", 3);
      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      g_ptr_array_add (samples, rollout_sample_new (day (parts[0]),
                                                    strcmp (parts[1], "-") == 0 ? NULL : parts[1],
                                                    g_ascii_strtod (parts[2], NULL)));
    }
  rollout_metric_set_samples (metric, samples);
}

/* "r1 open p1 4 4;r2 closed - 5 5": id, status, phase ("-" for none),
 * likelihood, impact. Titles are "Risk <id>". */
static void
add_risks (RolloutProject *project,
           const char     *spec)
{
  g_auto(GStrv) items = g_strsplit (spec, ";", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autoptr(RolloutRisk) risk = NULL;
      g_autofree char *title = NULL;
      int status;

      if (*items[i] == '\0')
        continue;
      parts = g_strsplit (items[i], " ", 5);
      g_assert_cmpuint (g_strv_length (parts), ==, 5);
      risk = rollout_risk_new (parts[0]);
      title = g_strdup_printf ("Risk %s", parts[0]);
      rollout_risk_set_title (risk, title);
      g_assert_true (rollout_enum_from_nick (ROLLOUT_TYPE_RISK_STATUS, parts[1], &status));
      rollout_risk_set_status (risk, status);
      rollout_risk_set_phase_id (risk, strcmp (parts[2], "-") == 0 ? NULL : parts[2]);
      rollout_risk_set_likelihood (risk, atoi (parts[3]));
      rollout_risk_set_impact (risk, atoi (parts[4]));
      g_assert_true (rollout_project_insert_risk (project, risk, -1));
    }
}

/* "eng support": teams that signed off @phase. */
static void
add_signoffs (RolloutPhase *phase,
              const char   *teams)
{
  g_autoptr(GPtrArray) signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_signoff_free);
  g_auto(GStrv) ids = g_strsplit (teams, " ", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      g_ptr_array_add (signoffs, rollout_signoff_new (ids[i], "Priya Nair", day ("2026-03-10")));
  rollout_phase_set_signoffs (phase, signoffs);
}

static RolloutGateCriterion *
only_criterion (RolloutGateEvaluation *evaluation)
{
  g_assert_cmpuint (evaluation->criteria->len, ==, 1);
  return g_ptr_array_index (evaluation->criteria, 0);
}

/* Metric criteria --------------------------------------------------------- */

typedef struct {
  const char             *name;
  const char             *unit;
  RolloutComparison       comparison;
  double                  threshold;
  RolloutAggregate        aggregate;
  int                     window_days;
  const char             *samples;
  RolloutCriterionResult  result;
  double                  value;
  guint                   n_samples;
  const char             *reason;
} MetricCase;

static const MetricCase metric_cases[] = {
  { "latest-pass", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_LATEST, 0,
    "2026-03-02 p1 4.0;2026-03-05 p1 4.3",
    ROLLOUT_CRITERION_PASS, 4.3, 1, "Satisfaction 4.3 is at or above the threshold 4.2 (latest, 2026-03-05)" },
  { "latest-is-by-date", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_LATEST, 0,
    "2026-03-05 p1 4.1;2026-03-02 p1 4.5",
    ROLLOUT_CRITERION_FAIL, 4.1, 1, "Satisfaction 4.1 is below the threshold 4.2 (latest, 2026-03-05)" },
  { "latest-same-day-takes-last-listed", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_LATEST, 0,
    "2026-03-05 p1 4.5;2026-03-05 p1 4.0",
    ROLLOUT_CRITERION_FAIL, 4.0, 1, "Satisfaction 4 is below the threshold 4.2 (latest, 2026-03-05)" },
  { "mean-of-window", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_MEAN, 7,
    "2026-03-01 p1 2.0;2026-03-09 p1 1.0;2026-03-10 p1 4.0;2026-03-16 p1 4.2",
    ROLLOUT_CRITERION_FAIL, 4.1, 2, "Satisfaction 4.1 is below the threshold 4.2 (mean of the last 7 days)" },
  { "mean-of-all", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_MEAN, 0,
    "2026-01-01 p1 4.0;2026-03-10 p1 4.6",
    ROLLOUT_CRITERION_PASS, 4.3, 2, "Satisfaction 4.3 is at or above the threshold 4.2 (mean of all 2 samples)" },
  { "mean-within-tolerance", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_MEAN, 0,
    "2026-03-01 p1 4.1;2026-03-02 p1 4.3",
    ROLLOUT_CRITERION_PASS, 4.2, 2, "Satisfaction 4.2 is at or above the threshold 4.2 (mean of all 2 samples)" },
  { "close-call-shows-enough-decimals", NULL, ROLLOUT_COMPARISON_LT, 4.2, ROLLOUT_AGGREGATE_LATEST, 0,
    "2026-03-01 p1 4.199",
    ROLLOUT_CRITERION_PASS, 4.199, 1, "Satisfaction 4.199 is below the threshold 4.2 (latest, 2026-03-01)" },
  { "mean-rounds-to-two-decimals", NULL, ROLLOUT_COMPARISON_GE, 4, ROLLOUT_AGGREGATE_MEAN, 0,
    "2026-03-01 p1 4.0;2026-03-02 p1 4.2;2026-03-03 p1 4.3",
    ROLLOUT_CRITERION_PASS, 12.5 / 3, 3, "Satisfaction 4.17 is at or above the threshold 4 (mean of all 3 samples)" },
  { "other-phases-and-no-phase-ignored", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_LATEST, 0,
    "2026-03-05 p2 5.0;2026-03-06 - 5.0",
    ROLLOUT_CRITERION_NO_DATA, 0, 0, "Satisfaction has no samples in this phase yet" },
  { "no-samples", NULL, ROLLOUT_COMPARISON_GE, 4.2, ROLLOUT_AGGREGATE_MEAN, 7,
    "",
    ROLLOUT_CRITERION_NO_DATA, 0, 0, "Satisfaction has no samples in this phase yet" },
  { "symbol-unit", "%", ROLLOUT_COMPARISON_LE, 10, ROLLOUT_AGGREGATE_LATEST, 0,
    "2026-03-05 p1 12.15",
    ROLLOUT_CRITERION_FAIL, 12.15, 1, "Satisfaction 12.15% is above the threshold 10% (latest, 2026-03-05)" },
  { "word-unit-left-out", "reservations", ROLLOUT_COMPARISON_GE, 180, ROLLOUT_AGGREGATE_LATEST, 0,
    "2026-03-05 p1 201",
    ROLLOUT_CRITERION_PASS, 201, 1, "Satisfaction 201 is at or above the threshold 180 (latest, 2026-03-05)" },

  /* Every comparison, on both sides of its threshold. */
  { "lt-pass", NULL, ROLLOUT_COMPARISON_LT, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 9.5",
    ROLLOUT_CRITERION_PASS, 9.5, 1, "Satisfaction 9.5 is below the threshold 10 (latest, 2026-03-05)" },
  { "lt-fail", NULL, ROLLOUT_COMPARISON_LT, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 10",
    ROLLOUT_CRITERION_FAIL, 10, 1, "Satisfaction 10 is not below the threshold 10 (latest, 2026-03-05)" },
  { "le-pass", NULL, ROLLOUT_COMPARISON_LE, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 10",
    ROLLOUT_CRITERION_PASS, 10, 1, "Satisfaction 10 is at or below the threshold 10 (latest, 2026-03-05)" },
  { "le-fail", NULL, ROLLOUT_COMPARISON_LE, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 10.5",
    ROLLOUT_CRITERION_FAIL, 10.5, 1, "Satisfaction 10.5 is above the threshold 10 (latest, 2026-03-05)" },
  { "gt-pass", NULL, ROLLOUT_COMPARISON_GT, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 10.5",
    ROLLOUT_CRITERION_PASS, 10.5, 1, "Satisfaction 10.5 is above the threshold 10 (latest, 2026-03-05)" },
  { "gt-fail", NULL, ROLLOUT_COMPARISON_GT, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 10",
    ROLLOUT_CRITERION_FAIL, 10, 1, "Satisfaction 10 is not above the threshold 10 (latest, 2026-03-05)" },
  { "ge-pass", NULL, ROLLOUT_COMPARISON_GE, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 10",
    ROLLOUT_CRITERION_PASS, 10, 1, "Satisfaction 10 is at or above the threshold 10 (latest, 2026-03-05)" },
  { "ge-fail", NULL, ROLLOUT_COMPARISON_GE, 10, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 9.99",
    ROLLOUT_CRITERION_FAIL, 9.99, 1, "Satisfaction 9.99 is below the threshold 10 (latest, 2026-03-05)" },
  { "eq-pass", NULL, ROLLOUT_COMPARISON_EQ, 3, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 3",
    ROLLOUT_CRITERION_PASS, 3, 1, "Satisfaction 3 is the required value 3 (latest, 2026-03-05)" },
  { "eq-fail", NULL, ROLLOUT_COMPARISON_EQ, 3, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 2",
    ROLLOUT_CRITERION_FAIL, 2, 1, "Satisfaction 2 is not the required value 3 (latest, 2026-03-05)" },
  { "ne-pass", NULL, ROLLOUT_COMPARISON_NE, 3, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 2",
    ROLLOUT_CRITERION_PASS, 2, 1, "Satisfaction 2 is not the excluded value 3 (latest, 2026-03-05)" },
  { "ne-fail", NULL, ROLLOUT_COMPARISON_NE, 3, ROLLOUT_AGGREGATE_LATEST, 0, "2026-03-05 p1 3",
    ROLLOUT_CRITERION_FAIL, 3, 1, "Satisfaction 3 is the excluded value 3 (latest, 2026-03-05)" },
};

static void
test_metric_criterion (gconstpointer data)
{
  const MetricCase *c = data;
  g_autoptr(RolloutProject) project = new_project ();
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  RolloutMetric *metric = rollout_project_lookup_metric (project, "sat");
  g_autoptr(RolloutGate) gate = rollout_gate_new ();
  RolloutGateMetric *gm = rollout_gate_metric_new ("sat", c->comparison, c->threshold);
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  g_autoptr(RolloutGateEvaluation) again = NULL;
  RolloutGateCriterion *criterion;

  gm->aggregate = c->aggregate;
  gm->window_days = c->window_days;
  g_ptr_array_add (gate->metrics, gm);
  rollout_phase_set_gate (p1, gate);
  rollout_metric_set_unit (metric, c->unit);
  set_samples (metric, c->samples);

  evaluation = rollout_gates_evaluate_phase (project, p1);
  criterion = only_criterion (evaluation);
  g_assert_cmpint (criterion->kind, ==, ROLLOUT_CRITERION_METRIC);
  g_assert_cmpint (criterion->result, ==, c->result);
  g_assert_cmpstr (criterion->reason, ==, c->reason);
  g_assert_true (criterion->metric == metric);
  g_assert_cmpstr (criterion->gate_metric->metric_id, ==, "sat");
  g_assert_cmpuint (criterion->n_samples, ==, c->n_samples);
  if (c->n_samples > 0)
    g_assert_cmpfloat_with_epsilon (criterion->value, c->value, 1e-9);

  switch (c->result)
    {
    case ROLLOUT_CRITERION_PASS:
      g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_GO);
      break;
    case ROLLOUT_CRITERION_FAIL:
      g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_NO_GO);
      break;
    case ROLLOUT_CRITERION_NO_DATA:
      g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_PENDING);
      break;
    case ROLLOUT_CRITERION_MISSING:
    default:
      g_assert_not_reached ();
    }

  /* The same plan always gives the same answer. */
  again = rollout_gates_evaluate_phase (project, p1);
  g_assert_cmpstr (only_criterion (again)->reason, ==, criterion->reason);
  g_assert_cmpstr (again->summary, ==, evaluation->summary);
}

static void
test_metric_window_days (void)
{
  g_autoptr(RolloutProject) project = new_project ();
  RolloutMetric *metric = rollout_project_lookup_metric (project, "sat");
  double value = 0;
  guint n = 0;
  RolloutDate first = 0, last = 0;

  set_samples (metric, "2026-03-01 p1 1;2026-03-09 p1 2;2026-03-10 p1 3;2026-03-16 p1 5;2026-03-16 p2 100");

  g_assert_true (rollout_gates_aggregate (metric, "p1", ROLLOUT_AGGREGATE_MEAN, 7, &value, &n, &first, &last));
  g_assert_cmpfloat_with_epsilon (value, 4.0, 1e-12);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (first, ==, day ("2026-03-10"));
  g_assert_cmpuint (last, ==, day ("2026-03-16"));

  g_assert_true (rollout_gates_aggregate (metric, "p1", ROLLOUT_AGGREGATE_MEAN, 8, &value, &n, &first, &last));
  g_assert_cmpfloat_with_epsilon (value, 10.0 / 3, 1e-12);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (first, ==, day ("2026-03-09"));

  g_assert_true (rollout_gates_aggregate (metric, "p1", ROLLOUT_AGGREGATE_MEAN, 1, &value, &n, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (value, 5.0, 1e-12);
  g_assert_cmpuint (n, ==, 1);

  g_assert_true (rollout_gates_aggregate (metric, "p1", ROLLOUT_AGGREGATE_MEAN, 0, &value, &n, &first, NULL));
  g_assert_cmpfloat_with_epsilon (value, 11.0 / 4, 1e-12);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (first, ==, day ("2026-03-01"));

  /* window_days means nothing to "latest". */
  g_assert_true (rollout_gates_aggregate (metric, "p1", ROLLOUT_AGGREGATE_LATEST, 7, &value, &n, &first, NULL));
  g_assert_cmpfloat (value, ==, 5.0);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (first, ==, day ("2026-03-16"));

  g_assert_false (rollout_gates_aggregate (metric, "p3", ROLLOUT_AGGREGATE_MEAN, 7, &value, &n, NULL, NULL));
}

static void
test_metric_unknown (void)
{
  g_autoptr(RolloutProject) project = new_project ();
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  g_autoptr(RolloutGate) gate = rollout_gate_new ();
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  RolloutGateCriterion *criterion;

  g_ptr_array_add (gate->metrics, rollout_gate_metric_new ("churn", ROLLOUT_COMPARISON_LT, 2));
  rollout_phase_set_gate (p1, gate);
  evaluation = rollout_gates_evaluate_phase (project, p1);
  criterion = only_criterion (evaluation);
  g_assert_cmpint (criterion->result, ==, ROLLOUT_CRITERION_NO_DATA);
  g_assert_null (criterion->metric);
  g_assert_cmpstr (criterion->reason, ==, "The plan has no metric with the id “churn”");
  g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_PENDING);
}

/* Sign-offs ------------------------------------------------------------- */

typedef struct {
  const char             *name;
  const char             *required;
  const char             *signed_p1;
  const char             *signed_p2;
  RolloutCriterionResult  result;
  const char             *reason;
} SignoffCase;

static const SignoffCase signoff_cases[] = {
  { "given", "eng", "eng", "", ROLLOUT_CRITERION_PASS, "Engineering signed off (Priya Nair, 2026-03-10)" },
  { "given-among-others", "support", "eng support", "", ROLLOUT_CRITERION_PASS,
    "Customer support signed off (Priya Nair, 2026-03-10)" },
  { "missing", "support", "eng", "", ROLLOUT_CRITERION_MISSING, "Waiting for sign-off from Customer support" },
  { "other-phase-does-not-count", "support", "", "support", ROLLOUT_CRITERION_MISSING,
    "Waiting for sign-off from Customer support" },
  { "unknown-team", "legal", "eng", "", ROLLOUT_CRITERION_MISSING, "Waiting for sign-off from legal" },
};

static void
test_signoff_criterion (gconstpointer data)
{
  const SignoffCase *c = data;
  g_autoptr(RolloutProject) project = new_project ();
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  RolloutPhase *p2 = rollout_project_lookup_phase (project, "p2");
  g_autoptr(RolloutGate) gate = rollout_gate_new ();
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  RolloutGateCriterion *criterion;

  g_strfreev (gate->required_signoffs);
  gate->required_signoffs = g_strsplit (c->required, " ", -1);
  rollout_phase_set_gate (p1, gate);
  add_signoffs (p1, c->signed_p1);
  add_signoffs (p2, c->signed_p2);

  evaluation = rollout_gates_evaluate_phase (project, p1);
  criterion = only_criterion (evaluation);
  g_assert_cmpint (criterion->kind, ==, ROLLOUT_CRITERION_SIGNOFF);
  g_assert_cmpint (criterion->result, ==, c->result);
  g_assert_cmpstr (criterion->reason, ==, c->reason);
  g_assert_cmpstr (criterion->team_id, ==, c->required);
  if (c->result == ROLLOUT_CRITERION_PASS)
    {
      g_assert_nonnull (criterion->signoff);
      g_assert_cmpstr (criterion->signoff->by, ==, "Priya Nair");
      g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_GO);
    }
  else
    {
      g_assert_null (criterion->signoff);
      g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_PENDING);
    }
}

/* Risks ------------------------------------------------------------------- */

typedef struct {
  const char             *name;
  int                     max_score;
  const char             *risks;
  RolloutCriterionResult  result;
  const char             *listed;
  const char             *reason;
} RiskCase;

static const RiskCase risk_cases[] = {
  { "no-risks", 15, "", ROLLOUT_CRITERION_PASS, "", "No open risk scores 15 or more" },
  { "open-in-phase", 15, "r1 open p1 4 4", ROLLOUT_CRITERION_FAIL, "r1",
    "1 open risk scores 15 or more: ‘Risk r1’ (16)" },
  { "at-the-score-fails", 15, "r1 open p1 3 5", ROLLOUT_CRITERION_FAIL, "r1",
    "1 open risk scores 15 or more: ‘Risk r1’ (15)" },
  { "below-the-score", 15, "r1 open p1 3 4;r2 open p1 2 5", ROLLOUT_CRITERION_PASS, "",
    "No open risk scores 15 or more" },
  { "mitigating-counts", 15, "r1 mitigating p1 4 4", ROLLOUT_CRITERION_FAIL, "r1",
    "1 open risk scores 15 or more: ‘Risk r1’ (16)" },
  { "closed-and-occurred-do-not", 15, "r1 closed p1 5 5;r2 occurred p1 5 5", ROLLOUT_CRITERION_PASS, "",
    "No open risk scores 15 or more" },
  { "other-phase-does-not", 15, "r1 open p2 5 5", ROLLOUT_CRITERION_PASS, "",
    "No open risk scores 15 or more" },
  { "no-phase-counts", 15, "r1 open - 5 5", ROLLOUT_CRITERION_FAIL, "r1",
    "1 open risk scores 15 or more: ‘Risk r1’ (25)" },
  { "highest-first", 15, "r1 open p1 4 4;r2 open - 5 5;r4 open p1 1 1;r3 open p1 4 4", ROLLOUT_CRITERION_FAIL,
    "r2 r1 r3", "3 open risks score 15 or more: ‘Risk r2’ (25), ‘Risk r1’ (16), ‘Risk r3’ (16)" },
};

static void
test_risk_criterion (gconstpointer data)
{
  const RiskCase *c = data;
  g_autoptr(RolloutProject) project = new_project ();
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  g_autoptr(RolloutGate) gate = rollout_gate_new ();
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  g_autoptr(GString) listed = g_string_new (NULL);
  RolloutGateCriterion *criterion;

  gate->max_open_risk_score = c->max_score;
  rollout_phase_set_gate (p1, gate);
  add_risks (project, c->risks);

  evaluation = rollout_gates_evaluate_phase (project, p1);
  criterion = only_criterion (evaluation);
  g_assert_cmpint (criterion->kind, ==, ROLLOUT_CRITERION_RISK);
  g_assert_cmpint (criterion->result, ==, c->result);
  g_assert_cmpint (criterion->max_score, ==, c->max_score);
  g_assert_cmpstr (criterion->reason, ==, c->reason);
  for (guint i = 0; i < criterion->risks->len; i++)
    g_string_append_printf (listed, "%s%s", i > 0 ? " " : "",
                            rollout_risk_get_id (g_ptr_array_index (criterion->risks, i)));
  g_assert_cmpstr (listed->str, ==, c->listed);
  g_assert_cmpint (evaluation->verdict, ==,
                   c->result == ROLLOUT_CRITERION_PASS ? ROLLOUT_VERDICT_GO : ROLLOUT_VERDICT_NO_GO);
}

/* Verdicts ---------------------------------------------------------------- */

typedef struct {
  const char     *name;
  gboolean        gate;
  const char     *samples;     /* NULL: no metric criterion (>= 4.2, latest) */
  const char     *required;    /* NULL: no sign-off criterion */
  const char     *signed_p1;
  int             max_score;   /* 0: no risk criterion */
  const char     *risks;
  RolloutVerdict  verdict;
  const char     *summary;
  const char     *reasons;     /* joined with "|" */
} VerdictCase;

static const VerdictCase verdict_cases[] = {
  { "no-gate", FALSE, NULL, NULL, "", 0, "",
    ROLLOUT_VERDICT_NONE, "No gate: this phase has no go/no-go criteria",
    "This phase has no go/no-go criteria" },
  { "empty-gate", TRUE, NULL, NULL, "", 0, "",
    ROLLOUT_VERDICT_NONE, "No gate: this phase has no go/no-go criteria",
    "This phase has no go/no-go criteria" },
  { "go", TRUE, "2026-03-05 p1 4.4", "eng", "eng", 15, "r1 open p1 2 2",
    ROLLOUT_VERDICT_GO, "GO: all 3 criteria are met",
    "Satisfaction 4.4 is at or above the threshold 4.2 (latest, 2026-03-05)|"
    "Engineering signed off (Priya Nair, 2026-03-10)|No open risk scores 15 or more" },
  { "go-one-criterion", TRUE, NULL, "eng", "eng", 0, "",
    ROLLOUT_VERDICT_GO, "GO: the criterion is met", "Engineering signed off (Priya Nair, 2026-03-10)" },
  { "no-go-lists-only-failures", TRUE, "2026-03-05 p1 4.1", "eng support", "eng", 15, "",
    ROLLOUT_VERDICT_NO_GO, "NO-GO: 1 criterion failed",
    "Satisfaction 4.1 is below the threshold 4.2 (latest, 2026-03-05)" },
  { "no-go-beats-no-data", TRUE, "", "eng", "", 15, "r1 open p1 5 4",
    ROLLOUT_VERDICT_NO_GO, "NO-GO: 1 criterion failed",
    "1 open risk scores 15 or more: ‘Risk r1’ (20)" },
  { "no-go-two", TRUE, "2026-03-05 p1 4.1", NULL, "", 15, "r1 open p1 5 4",
    ROLLOUT_VERDICT_NO_GO, "NO-GO: 2 criteria failed",
    "Satisfaction 4.1 is below the threshold 4.2 (latest, 2026-03-05)|"
    "1 open risk scores 15 or more: ‘Risk r1’ (20)" },
  { "pending-no-data", TRUE, "2026-03-05 p2 4.4", "eng", "eng", 15, "",
    ROLLOUT_VERDICT_PENDING, "PENDING: 1 criterion is waiting for data or a sign-off",
    "Satisfaction has no samples in this phase yet" },
  { "pending-signoffs", TRUE, "2026-03-05 p1 4.4", "eng support", "", 0, "",
    ROLLOUT_VERDICT_PENDING, "PENDING: 2 criteria are waiting for data or a sign-off",
    "Waiting for sign-off from Engineering|Waiting for sign-off from Customer support" },
};

static void
setup_gate (RolloutProject    *project,
            const VerdictCase *c)
{
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  g_autoptr(RolloutGate) gate = rollout_gate_new ();

  if (!c->gate)
    return;
  if (c->samples != NULL)
    {
      g_ptr_array_add (gate->metrics, rollout_gate_metric_new ("sat", ROLLOUT_COMPARISON_GE, 4.2));
      set_samples (rollout_project_lookup_metric (project, "sat"), c->samples);
    }
  if (c->required != NULL)
    {
      g_strfreev (gate->required_signoffs);
      gate->required_signoffs = g_strsplit (c->required, " ", -1);
    }
  gate->max_open_risk_score = c->max_score;
  rollout_phase_set_gate (p1, gate);
  add_signoffs (p1, c->signed_p1);
  add_risks (project, c->risks);
}

static void
test_verdict (gconstpointer data)
{
  const VerdictCase *c = data;
  g_autoptr(RolloutProject) project = new_project ();
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  g_auto(GStrv) reasons = NULL;
  g_autofree char *joined = NULL;

  setup_gate (project, c);
  evaluation = rollout_gates_evaluate_phase (project, p1);
  g_assert_true (evaluation->phase == p1);
  g_assert_cmpint (evaluation->verdict, ==, c->verdict);
  g_assert_cmpstr (evaluation->summary, ==, c->summary);
  reasons = rollout_gate_evaluation_dup_reasons (evaluation);
  joined = g_strjoinv ("|", reasons);
  g_assert_cmpstr (joined, ==, c->reasons);

  /* Starting the next phase follows the verdict. */
  g_assert_true (rollout_gates_can_start_next (project, p1));
  g_assert_cmpint (rollout_gates_can_start_next (project, rollout_project_lookup_phase (project, "p2")),
                   ==, c->verdict == ROLLOUT_VERDICT_GO);
}

static void
test_verdict_labels (void)
{
  g_assert_cmpstr (rollout_verdict_get_label (ROLLOUT_VERDICT_GO), ==, "GO");
  g_assert_cmpstr (rollout_verdict_get_label (ROLLOUT_VERDICT_NO_GO), ==, "NO-GO");
  g_assert_cmpstr (rollout_verdict_get_label (ROLLOUT_VERDICT_PENDING), ==, "PENDING");
  g_assert_cmpstr (rollout_verdict_get_label (ROLLOUT_VERDICT_NONE), ==, "No gate");
  g_assert_cmpstr (rollout_enum_to_nick (ROLLOUT_TYPE_VERDICT, ROLLOUT_VERDICT_NO_GO), ==, "no-go");
  g_assert_cmpstr (rollout_enum_to_nick (ROLLOUT_TYPE_CRITERION_RESULT, ROLLOUT_CRITERION_NO_DATA), ==, "no-data");
  g_assert_cmpstr (rollout_enum_to_nick (ROLLOUT_TYPE_CRITERION_KIND, ROLLOUT_CRITERION_SIGNOFF), ==, "signoff");
}

static void
test_compare (void)
{
  g_assert_true (rollout_gates_compare (4.1999999999999993, ROLLOUT_COMPARISON_GE, 4.2));
  g_assert_false (rollout_gates_compare (4.1999999999999993, ROLLOUT_COMPARISON_LT, 4.2));
  g_assert_true (rollout_gates_compare (4.1999999999999993, ROLLOUT_COMPARISON_EQ, 4.2));
  g_assert_true (rollout_gates_compare (4.1999, ROLLOUT_COMPARISON_LT, 4.2));
  g_assert_true (rollout_gates_compare (0.0, ROLLOUT_COMPARISON_EQ, -0.0));
  g_assert_true (rollout_gates_compare (1e-12, ROLLOUT_COMPARISON_EQ, 0.0));
  g_assert_true (rollout_gates_compare (1e6 + 1, ROLLOUT_COMPARISON_GT, 1e6));
}

/* The demo plan ----------------------------------------------------------- */

static void
test_demo (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(GPtrArray) evaluations = rollout_gates_evaluate (project);
  static const RolloutVerdict expected[] = {
    ROLLOUT_VERDICT_GO, ROLLOUT_VERDICT_PENDING, ROLLOUT_VERDICT_PENDING, ROLLOUT_VERDICT_NONE,
  };
  RolloutGateEvaluation *pilot;
  g_auto(GStrv) reasons = NULL;

  g_assert_cmpuint (evaluations->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < evaluations->len; i++)
    g_assert_cmpint (((RolloutGateEvaluation *) g_ptr_array_index (evaluations, i))->verdict, ==, expected[i]);

  pilot = g_ptr_array_index (evaluations, 1);
  g_assert_cmpstr (rollout_phase_get_id (pilot->phase), ==, "pilot");
  g_assert_cmpuint (pilot->criteria->len, ==, 8);
  /* Every team has signed off; the riders' survey is not in yet. */
  g_assert_cmpuint (rollout_gate_evaluation_count (pilot, ROLLOUT_CRITERION_PASS), ==, 7);
  g_assert_cmpuint (rollout_gate_evaluation_count (pilot, ROLLOUT_CRITERION_FAIL), ==, 0);
  g_assert_cmpuint (rollout_gate_evaluation_count (pilot, ROLLOUT_CRITERION_NO_DATA), ==, 1);
  g_assert_cmpuint (rollout_gate_evaluation_count (pilot, ROLLOUT_CRITERION_MISSING), ==, 0);
  reasons = rollout_gate_evaluation_dup_reasons (pilot);
  g_assert_cmpuint (g_strv_length (reasons), ==, 1);
  g_assert_cmpstr (reasons[0], ==, "Reservation satisfaction has no samples in this phase yet");

  g_assert_true (rollout_gates_can_start_next (project, rollout_project_lookup_phase (project, "dogfood")));
  g_assert_true (rollout_gates_can_start_next (project, rollout_project_lookup_phase (project, "pilot")));
  g_assert_false (rollout_gates_can_start_next (project, rollout_project_lookup_phase (project, "expansion")));
  g_assert_false (rollout_gates_can_start_next (project, rollout_project_lookup_phase (project, "ga")));
}

/* Charts ------------------------------------------------------------------ */

static const RolloutChartPoint *
point (const RolloutMetricChart *chart,
       guint                     i)
{
  g_assert_cmpuint (i, <, chart->points->len);
  return &g_array_index (chart->points, RolloutChartPoint, i);
}

static const RolloutChartTick *
tick (GArray *ticks,
      guint   i)
{
  g_assert_cmpuint (i, <, ticks->len);
  return &g_array_index (ticks, RolloutChartTick, i);
}

static void
test_chart_geometry (void)
{
  g_autoptr(RolloutProject) project = new_project ();
  RolloutMetric *metric = rollout_project_lookup_metric (project, "sat");
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_new ("sat", ROLLOUT_COMPARISON_GE, 4.2);
  RolloutChartRect area = { 10, 20, 280, 100 };
  g_autoptr(RolloutMetricChart) chart = NULL;
  static const char * const value_labels[] = { "3.8", "4.0", "4.2", "4.4", "4.6" };
  static const char * const time_labels[] = { "Feb 28", "Mar 2", "Mar 4", "Mar 6" };

  gm->aggregate = ROLLOUT_AGGREGATE_MEAN;
  gm->window_days = 2;
  set_samples (metric, "2026-03-02 p1 4.0;2026-03-04 p1 4.4;2026-03-03 p1 4.2;2026-03-05 p2 5.0");
  chart = rollout_metric_chart_new (metric, p1, gm, &area);

  /* Three days of samples, widened to a week around them. */
  g_assert_cmpuint (chart->first_day, ==, day ("2026-02-28"));
  g_assert_cmpuint (chart->last_day, ==, day ("2026-03-06"));
  g_assert_cmpfloat_with_epsilon (chart->day_width, 40.0, 1e-9);

  /* Values 4.0–4.4, threshold 4.2, mean 4.3: nice bounds 3.8–4.6. */
  g_assert_cmpfloat_with_epsilon (chart->min_value, 3.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (chart->max_value, 4.6, 1e-9);
  g_assert_cmpuint (chart->value_ticks->len, ==, G_N_ELEMENTS (value_labels));
  for (guint i = 0; i < G_N_ELEMENTS (value_labels); i++)
    {
      g_assert_cmpstr (tick (chart->value_ticks, i)->label, ==, value_labels[i]);
      g_assert_cmpfloat_with_epsilon (tick (chart->value_ticks, i)->position, 120.0 - 25.0 * i, 1e-9);
    }

  /* Sorted by date, at the centres of their days; p2's sample left out. */
  g_assert_cmpuint (chart->points->len, ==, 3);
  g_assert_cmpuint (point (chart, 0)->date, ==, day ("2026-03-02"));
  g_assert_cmpfloat_with_epsilon (point (chart, 0)->x, 10 + 2.5 * 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (point (chart, 0)->y, 95.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (point (chart, 1)->value, 4.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (point (chart, 1)->y, 70.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (point (chart, 2)->x, 10 + 4.5 * 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (point (chart, 2)->y, 45.0, 1e-9);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (point (chart, i)->segment, ==, 0);
      g_assert_cmpstr (point (chart, i)->phase_id, ==, "p1");
    }

  /* The mean of the last two days counts the last two samples. */
  g_assert_false (point (chart, 0)->counted);
  g_assert_true (point (chart, 1)->counted);
  g_assert_true (point (chart, 2)->counted);
  g_assert_true (chart->has_aggregate);
  g_assert_cmpfloat_with_epsilon (chart->aggregate, 4.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (chart->aggregate_y, 57.5, 1e-9);
  g_assert_true (chart->has_window);
  g_assert_cmpfloat_with_epsilon (chart->window.x, 10 + 3 * 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (chart->window.width, 80, 1e-9);
  g_assert_cmpfloat (chart->window.y, ==, 20);
  g_assert_cmpfloat (chart->window.height, ==, 100);

  g_assert_true (chart->has_threshold);
  g_assert_cmpint (chart->comparison, ==, ROLLOUT_COMPARISON_GE);
  g_assert_cmpfloat_with_epsilon (chart->threshold_y, 70.0, 1e-9);
  g_assert_false (chart->has_target);
  /* The phase is not scheduled (it has no tasks). */
  g_assert_false (chart->has_period);

  /* 40 px a day: a label every other day. */
  g_assert_cmpuint (chart->time_ticks->len, ==, G_N_ELEMENTS (time_labels));
  for (guint i = 0; i < G_N_ELEMENTS (time_labels); i++)
    {
      g_assert_cmpstr (tick (chart->time_ticks, i)->label, ==, time_labels[i]);
      g_assert_cmpfloat_with_epsilon (tick (chart->time_ticks, i)->position, 10 + (2 * i + 0.5) * 40, 1e-9);
    }
}

static void
test_chart_all_phases (void)
{
  g_autoptr(RolloutProject) project = new_project ();
  RolloutMetric *metric = rollout_project_lookup_metric (project, "sat");
  g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_new ("sat", ROLLOUT_COMPARISON_LE, 9);
  RolloutChartRect area = { 0, 0, 300, 60 };
  g_autoptr(RolloutMetricChart) chart = NULL;
  g_autoptr(RolloutMetricChart) latest = NULL;

  rollout_metric_set_has_target (metric, TRUE);
  rollout_metric_set_target (metric, 2);
  set_samples (metric, "2026-03-10 p2 5;2026-03-02 p1 4;2026-03-04 p1 6;2026-03-20 p2 7;2026-03-04 p1 3");
  chart = rollout_metric_chart_new (metric, NULL, gm, &area);

  g_assert_cmpuint (chart->points->len, ==, 5);
  /* A new segment where the phase changes. */
  g_assert_cmpuint (point (chart, 0)->segment, ==, 0);
  g_assert_cmpuint (point (chart, 1)->segment, ==, 0);
  g_assert_cmpuint (point (chart, 2)->segment, ==, 0);
  g_assert_cmpuint (point (chart, 3)->segment, ==, 1);
  g_assert_cmpuint (point (chart, 4)->segment, ==, 1);
  /* Same day: the plan's order. */
  g_assert_cmpfloat (point (chart, 1)->value, ==, 6);
  g_assert_cmpfloat (point (chart, 2)->value, ==, 3);
  g_assert_cmpstr (point (chart, 3)->phase_id, ==, "p2");
  /* No phase, so no gate value and nothing counted. */
  g_assert_false (chart->has_aggregate);
  for (guint i = 0; i < chart->points->len; i++)
    g_assert_false (point (chart, i)->counted);

  g_assert_cmpuint (chart->first_day, ==, day ("2026-03-02"));
  g_assert_cmpuint (chart->last_day, ==, day ("2026-03-20"));
  /* Target 2 and threshold 9 are inside the value range. */
  g_assert_true (chart->has_target);
  g_assert_cmpfloat (chart->min_value, <=, 2);
  g_assert_cmpfloat (chart->max_value, >=, 9);
  g_assert_cmpfloat (chart->target_y, >, chart->threshold_y);
  for (guint i = 0; i < chart->time_ticks->len; i++)
    {
      const RolloutChartTick *t = tick (chart->time_ticks, i);

      g_assert_cmpfloat (t->position, >=, area.x);
      g_assert_cmpfloat (t->position, <=, area.x + area.width);
      g_assert_cmpint (rollout_date_get_weekday ((RolloutDate) t->value), ==, G_DATE_MONDAY);
    }

  /* "latest" counts one sample: the last of the latest day. */
  gm->aggregate = ROLLOUT_AGGREGATE_LATEST;
  latest = rollout_metric_chart_new (metric, rollout_project_lookup_phase (project, "p1"), gm, &area);
  g_assert_cmpuint (latest->points->len, ==, 3);
  g_assert_false (point (latest, 0)->counted);
  g_assert_false (point (latest, 1)->counted);
  g_assert_true (point (latest, 2)->counted);
  g_assert_cmpfloat (latest->aggregate, ==, 3);
  g_assert_false (latest->has_window);
}

static void
test_chart_period (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
  RolloutMetric *metric = rollout_project_lookup_metric (project, "no-show-rate");
  const RolloutGate *gate = rollout_phase_get_gate (pilot);
  const RolloutGateMetric *gm = NULL;
  RolloutChartRect area = { 0, 0, 320, 120 };
  g_autoptr(RolloutMetricChart) chart = NULL;
  RolloutDate start = rollout_phase_get_start (pilot);
  RolloutDate finish = rollout_phase_get_finish (pilot);

  for (guint i = 0; i < gate->metrics->len; i++)
    if (g_strcmp0 (((RolloutGateMetric *) g_ptr_array_index (gate->metrics, i))->metric_id, "no-show-rate") == 0)
      gm = g_ptr_array_index (gate->metrics, i);
  g_assert_nonnull (gm);
  g_assert_cmpuint (start, !=, ROLLOUT_DATE_NONE);

  chart = rollout_metric_chart_new (metric, pilot, gm, &area);
  g_assert_cmpuint (chart->points->len, ==, 5);
  g_assert_true (chart->has_period);
  g_assert_cmpuint (chart->first_day, <=, start);
  g_assert_cmpuint (chart->last_day, >=, finish);
  g_assert_cmpfloat_with_epsilon (chart->period.x,
                                  rollout_metric_chart_x_for_day (chart, start) - chart->day_width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (chart->period.width, (finish - start + 1.0) * chart->day_width, 1e-9);
  g_assert_cmpfloat_with_epsilon (chart->day_width * (chart->last_day - chart->first_day + 1), area.width, 1e-9);

  /* The mean of the last 7 days counts the four samples from March 20. */
  g_assert_cmpfloat_with_epsilon (chart->aggregate, 9.9, 1e-9);
  for (guint i = 0; i < chart->points->len; i++)
    g_assert_cmpint (point (chart, i)->counted, ==, point (chart, i)->date >= day ("2026-03-20"));
  g_assert_cmpfloat_with_epsilon (chart->window.x,
                                  rollout_metric_chart_x_for_day (chart, day ("2026-03-20")) - chart->day_width / 2, 1e-9);
  g_assert_cmpfloat (chart->threshold_y, >, area.y);
  g_assert_cmpfloat (chart->threshold_y, <, area.y + area.height);
  for (guint i = 0; i < chart->points->len; i++)
    {
      g_assert_cmpfloat (point (chart, i)->y, >=, area.y);
      g_assert_cmpfloat (point (chart, i)->y, <=, area.y + area.height);
      /* Above the threshold (10) means higher on screen, so smaller y. */
      if (point (chart, i)->value > 10)
        g_assert_cmpfloat (point (chart, i)->y, <, chart->threshold_y);
      else
        g_assert_cmpfloat (point (chart, i)->y, >, chart->threshold_y);
    }
  g_assert_cmpuint (chart->time_ticks->len, >, 0);
  g_assert_cmpuint (chart->value_ticks->len, >=, 2);
}

static void
test_chart_empty (void)
{
  g_autoptr(RolloutProject) project = new_project ();
  RolloutMetric *metric = rollout_project_lookup_metric (project, "sat");
  g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_new ("sat", ROLLOUT_COMPARISON_GE, 4.2);
  RolloutChartRect area = { 0, 0, 200, 80 };
  g_autoptr(RolloutMetricChart) chart = NULL;
  g_autoptr(RolloutMetricChart) bare = NULL;

  chart = rollout_metric_chart_new (metric, rollout_project_lookup_phase (project, "p1"), gm, &area);
  g_assert_cmpuint (chart->first_day, ==, ROLLOUT_DATE_NONE);
  g_assert_cmpuint (chart->points->len, ==, 0);
  g_assert_cmpuint (chart->time_ticks->len, ==, 0);
  g_assert_false (chart->has_aggregate);
  g_assert_false (chart->has_period);
  g_assert_true (chart->has_threshold);
  g_assert_cmpfloat (chart->min_value, <, 4.2);
  g_assert_cmpfloat (chart->max_value, >, 4.2);
  g_assert_cmpfloat (chart->threshold_y, >, 0);
  g_assert_cmpfloat (chart->threshold_y, <, 80);

  bare = rollout_metric_chart_new (metric, NULL, NULL, &area);
  g_assert_cmpuint (bare->points->len, ==, 0);
  g_assert_false (bare->has_threshold);
  g_assert_cmpuint (bare->value_ticks->len, >=, 2);
}

/* Where a line's label goes: inside the bounds it is given, above the line
 * at the right end, else below it, else at the left end, off the samples
 * (3 of them here, rising to the right, and the mean's bar over the last
 * two) and off what it must avoid. */
typedef struct {
  const char      *name;
  double           line_y;
  double           width;
  double           right;      /* the bounds' right edge */
  RolloutChartRect avoid;      /* nothing when empty */
  gboolean         clear;
  double           x;
  double           y;
} LabelCase;

static const LabelCase label_cases[] = {
  { "right-above", 70, 30, 290, { 0 }, TRUE, 260, 56 },
  /* Above would leave the chart. */
  { "right-below", 10, 30, 290, { 0 }, TRUE, 260, 12 },
  /* The latest sample (190, 45) is at the right end of a narrower plot. */
  { "left", 45, 30, 200, { 0 }, TRUE, 10, 31 },
  { "avoid", 70, 30, 290, { 250, 50, 40, 30 }, TRUE, 10, 56 },
  /* Too long to miss the samples anywhere: where it fits first. */
  { "nowhere-clear", 70, 200, 290, { 0 }, FALSE, 90, 56 },
  /* Longer than the plot: from its left edge, never left of it. */
  { "too-wide", 70, 400, 290, { 0 }, FALSE, 10, 56 },
};

static void
test_chart_label (gconstpointer data)
{
  const LabelCase *c = data;
  g_autoptr(RolloutProject) project = new_project ();
  RolloutMetric *metric = rollout_project_lookup_metric (project, "sat");
  g_autoptr(RolloutGateMetric) gm = rollout_gate_metric_new ("sat", ROLLOUT_COMPARISON_GE, 4.2);
  RolloutChartRect area = { 10, 20, 280, 100 };
  RolloutChartRect bounds = { 10, 0, c->right - 10, 120 };
  RolloutChartRect place;
  g_autoptr(RolloutMetricChart) chart = NULL;

  gm->aggregate = ROLLOUT_AGGREGATE_MEAN;
  gm->window_days = 2;
  set_samples (metric, "2026-03-02 p1 4.0;2026-03-04 p1 4.4;2026-03-03 p1 4.2");
  chart = rollout_metric_chart_new (metric, rollout_project_lookup_phase (project, "p1"), gm, &area);
  /* As test_chart_geometry () has it. */
  g_assert_cmpfloat_with_epsilon (point (chart, 2)->x, 190, 1e-9);
  g_assert_cmpfloat_with_epsilon (point (chart, 2)->y, 45, 1e-9);

  g_assert_cmpint (rollout_metric_chart_place_label (chart, c->line_y, c->width, 13, &bounds,
                                                     c->avoid.width > 0 ? &c->avoid : NULL, &place),
                   ==, c->clear);
  g_assert_cmpfloat_with_epsilon (place.x, c->x, 1e-9);
  g_assert_cmpfloat_with_epsilon (place.y, c->y, 1e-9);
  g_assert_cmpfloat (place.width, ==, c->width);
  g_assert_cmpfloat (place.height, ==, 13);
  g_assert_cmpfloat (place.x, >=, bounds.x);
  g_assert_cmpfloat (place.y, >=, bounds.y);
  g_assert_cmpfloat (place.y + place.height, <=, bounds.y + bounds.height);
  if (c->width <= bounds.width)
    g_assert_cmpfloat (place.x + place.width, <=, bounds.x + bounds.width);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (metric_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/gates/metric/%s", metric_cases[i].name);

      g_test_add_data_func (path, &metric_cases[i], test_metric_criterion);
    }
  g_test_add_func ("/rollout/gates/metric/window-days", test_metric_window_days);
  g_test_add_func ("/rollout/gates/metric/unknown", test_metric_unknown);
  for (guint i = 0; i < G_N_ELEMENTS (signoff_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/gates/signoff/%s", signoff_cases[i].name);

      g_test_add_data_func (path, &signoff_cases[i], test_signoff_criterion);
    }
  for (guint i = 0; i < G_N_ELEMENTS (risk_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/gates/risk/%s", risk_cases[i].name);

      g_test_add_data_func (path, &risk_cases[i], test_risk_criterion);
    }
  for (guint i = 0; i < G_N_ELEMENTS (verdict_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/gates/verdict/%s", verdict_cases[i].name);

      g_test_add_data_func (path, &verdict_cases[i], test_verdict);
    }
  g_test_add_func ("/rollout/gates/verdict-labels", test_verdict_labels);
  g_test_add_func ("/rollout/gates/compare", test_compare);
  g_test_add_func ("/rollout/gates/demo", test_demo);
  g_test_add_func ("/rollout/gates/chart/geometry", test_chart_geometry);
  g_test_add_func ("/rollout/gates/chart/all-phases", test_chart_all_phases);
  g_test_add_func ("/rollout/gates/chart/period", test_chart_period);
  g_test_add_func ("/rollout/gates/chart/empty", test_chart_empty);
  for (guint i = 0; i < G_N_ELEMENTS (label_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/gates/chart/label/%s", label_cases[i].name);

      g_test_add_data_func (path, &label_cases[i], test_chart_label);
    }

  return g_test_run ();
}
