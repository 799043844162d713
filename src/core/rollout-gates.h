/* rollout-gates.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

/**
 * RolloutVerdict:
 * @ROLLOUT_VERDICT_NONE: the phase has no gate, so no verdict
 * @ROLLOUT_VERDICT_GO: every criterion passes
 * @ROLLOUT_VERDICT_NO_GO: at least one criterion fails
 * @ROLLOUT_VERDICT_PENDING: none fails, but some have no data yet or wait
 *   for a sign-off
 *
 * Whether a phase may be left for the next one.
 */
typedef enum {
  ROLLOUT_VERDICT_NONE,
  ROLLOUT_VERDICT_GO,
  ROLLOUT_VERDICT_NO_GO,
  ROLLOUT_VERDICT_PENDING,
} RolloutVerdict;

/**
 * RolloutCriterionKind:
 * @ROLLOUT_CRITERION_METRIC: a metric compared with a threshold
 * @ROLLOUT_CRITERION_SIGNOFF: a team's required sign-off
 * @ROLLOUT_CRITERION_RISK: no open risk at or above a score
 *
 * What a gate criterion checks.
 */
typedef enum {
  ROLLOUT_CRITERION_METRIC,
  ROLLOUT_CRITERION_SIGNOFF,
  ROLLOUT_CRITERION_RISK,
} RolloutCriterionKind;

/**
 * RolloutCriterionResult:
 * @ROLLOUT_CRITERION_PASS: met
 * @ROLLOUT_CRITERION_FAIL: not met
 * @ROLLOUT_CRITERION_NO_DATA: a metric without samples in the phase (or an
 *   unknown metric)
 * @ROLLOUT_CRITERION_MISSING: a sign-off not given yet
 *
 * How one criterion stands.
 */
typedef enum {
  ROLLOUT_CRITERION_PASS,
  ROLLOUT_CRITERION_FAIL,
  ROLLOUT_CRITERION_NO_DATA,
  ROLLOUT_CRITERION_MISSING,
} RolloutCriterionResult;

#define ROLLOUT_TYPE_VERDICT          (rollout_verdict_get_type ())
#define ROLLOUT_TYPE_CRITERION_KIND   (rollout_criterion_kind_get_type ())
#define ROLLOUT_TYPE_CRITERION_RESULT (rollout_criterion_result_get_type ())

GType rollout_verdict_get_type          (void) G_GNUC_CONST;
GType rollout_criterion_kind_get_type   (void) G_GNUC_CONST;
GType rollout_criterion_result_get_type (void) G_GNUC_CONST;

/**
 * RolloutGateCriterion:
 * @kind: what the criterion checks
 * @result: how it stands
 * @reason: the result in words, for people ("Reservation satisfaction 4.1 is
 *   below the threshold 4.2 (mean of the last 7 days)")
 * @gate_metric: for a metric criterion, the criterion as the plan states it
 * @metric: (nullable): for a metric criterion, the metric, or %NULL when the
 *   plan names no such metric
 * @value: for a metric criterion with samples, the value compared: the
 *   latest sample's or the mean
 * @n_samples: for a metric criterion, how many samples @value comes from
 * @first_day: the earliest day among those samples, or %ROLLOUT_DATE_NONE
 * @last_day: the latest day among those samples, or %ROLLOUT_DATE_NONE
 * @team_id: for a sign-off, the team that must sign off
 * @team: (nullable): that team, or %NULL when the plan has no such team
 * @signoff: (nullable): the phase's sign-off by that team, if given
 * @max_score: for the risk criterion, the score no open risk may reach
 * @risks: for the risk criterion, the open or mitigating risks of the phase
 *   (or of no phase) scoring @max_score or more, highest score first
 *
 * One criterion of a phase's gate and how it stands. Members that do not
 * belong to @kind are zero.
 */
typedef struct {
  RolloutCriterionKind    kind;
  RolloutCriterionResult  result;
  char                   *reason;

  RolloutGateMetric      *gate_metric;
  RolloutMetric          *metric;
  double                  value;
  guint                   n_samples;
  RolloutDate             first_day;
  RolloutDate             last_day;

  char                   *team_id;
  RolloutTeam            *team;
  RolloutSignoff         *signoff;

  int                     max_score;
  GPtrArray              *risks;
} RolloutGateCriterion;

/**
 * RolloutGateEvaluation:
 * @phase: the phase evaluated
 * @verdict: its verdict
 * @criteria: (element-type RolloutGateCriterion): every criterion of the
 *   gate in order: metrics, then sign-offs, then the risk criterion
 * @summary: the verdict in one line ("NO-GO: 1 criterion failed")
 *
 * A phase's gate as it stands. Evaluations are reference counted and
 * immutable: they keep the objects they name alive, and are remade when
 * the project changes.
 */
typedef struct {
  RolloutPhase   *phase;
  RolloutVerdict  verdict;
  GPtrArray      *criteria;
  char           *summary;
} RolloutGateEvaluation;

#define ROLLOUT_TYPE_GATE_EVALUATION (rollout_gate_evaluation_get_type ())

GType                  rollout_gate_evaluation_get_type    (void) G_GNUC_CONST;
RolloutGateEvaluation *rollout_gate_evaluation_ref         (RolloutGateEvaluation *self);
void                   rollout_gate_evaluation_unref       (RolloutGateEvaluation *self);
char                 **rollout_gate_evaluation_dup_reasons (RolloutGateEvaluation *self);
guint                  rollout_gate_evaluation_count       (RolloutGateEvaluation *self,
                                                            RolloutCriterionResult result);

const char            *rollout_verdict_get_label           (RolloutVerdict         verdict);

RolloutGateEvaluation *rollout_gates_evaluate_phase        (RolloutProject        *project,
                                                            RolloutPhase          *phase);
RolloutGateEvaluation *rollout_gates_evaluate_gate         (RolloutProject        *project,
                                                            RolloutPhase          *phase,
                                                            const RolloutGate     *gate);
GPtrArray             *rollout_gates_evaluate              (RolloutProject        *project);
gboolean               rollout_gates_can_start_next        (RolloutProject        *project,
                                                            RolloutPhase          *phase);
gboolean               rollout_gates_aggregate             (RolloutMetric         *metric,
                                                            const char            *phase_id,
                                                            RolloutAggregate       aggregate,
                                                            int                    window_days,
                                                            double                *out_value,
                                                            guint                 *out_n_samples,
                                                            RolloutDate           *out_first_day,
                                                            RolloutDate           *out_last_day);
gboolean               rollout_gates_compare               (double                 value,
                                                            RolloutComparison      comparison,
                                                            double                 threshold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutGateEvaluation, rollout_gate_evaluation_unref)

G_END_DECLS
