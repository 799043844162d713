/* rollout-gate-edit.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-command.h"

G_BEGIN_DECLS

#define ROLLOUT_GATE_ERROR (rollout_gate_error_quark ())

/**
 * RolloutGateError:
 * @ROLLOUT_GATE_ERROR_THRESHOLD: a threshold that does not read as a number
 * @ROLLOUT_GATE_ERROR_INVALID: a gate with problems (see rollout_gate_check())
 *
 * Why an edited gate cannot be taken.
 */
typedef enum {
  ROLLOUT_GATE_ERROR_THRESHOLD,
  ROLLOUT_GATE_ERROR_INVALID,
} RolloutGateError;

/**
 * RolloutGateProblemKind:
 * @ROLLOUT_GATE_PROBLEM_METRIC: a metric criterion names no metric, or one
 *   the plan does not have
 * @ROLLOUT_GATE_PROBLEM_THRESHOLD: a threshold that is not a finite number
 * @ROLLOUT_GATE_PROBLEM_WINDOW: a number of days outside 1–3650
 * @ROLLOUT_GATE_PROBLEM_DUPLICATE: a metric criterion that compares the same
 *   value the same way as an earlier one
 * @ROLLOUT_GATE_PROBLEM_SIGNOFF: a required sign-off from a team the plan
 *   does not have, or one required twice
 * @ROLLOUT_GATE_PROBLEM_RISK: a risk score outside 1–25
 *
 * What is wrong with a gate.
 */
typedef enum {
  ROLLOUT_GATE_PROBLEM_METRIC,
  ROLLOUT_GATE_PROBLEM_THRESHOLD,
  ROLLOUT_GATE_PROBLEM_WINDOW,
  ROLLOUT_GATE_PROBLEM_DUPLICATE,
  ROLLOUT_GATE_PROBLEM_SIGNOFF,
  ROLLOUT_GATE_PROBLEM_RISK,
} RolloutGateProblemKind;

/**
 * RolloutGateProblem:
 * @kind: what is wrong
 * @index: the position of the metric criterion or of the required sign-off
 *   it is about; -1 for the risk criterion
 * @message: the problem in words, for people
 *
 * One problem of an edited gate.
 */
typedef struct {
  RolloutGateProblemKind  kind;
  int                     index;
  char                   *message;
} RolloutGateProblem;

#define ROLLOUT_GATE_MAX_WINDOW_DAYS 3650
#define ROLLOUT_GATE_MAX_RISK_SCORE 25

GQuark              rollout_gate_error_quark               (void);
void                rollout_gate_problem_free              (RolloutGateProblem      *problem);

const char         *rollout_comparison_get_symbol          (RolloutComparison        comparison);
const char         *rollout_comparison_get_label           (RolloutComparison        comparison);

gboolean            rollout_gate_parse_threshold           (const char              *text,
                                                            const char              *unit,
                                                            double                  *out_value,
                                                            GError                 **error);
char               *rollout_gate_format_threshold          (double                   value);
char               *rollout_gate_metric_describe_aggregate (const RolloutGateMetric *gm);
char               *rollout_gate_metric_describe           (const RolloutGateMetric *gm,
                                                            RolloutMetric           *metric);
RolloutGateMetric  *rollout_gate_metric_suggest            (RolloutProject          *project,
                                                            const RolloutGate       *gate);

gboolean            rollout_gate_is_empty                  (const RolloutGate       *gate);
gboolean            rollout_gate_equal                     (const RolloutGate       *a,
                                                            const RolloutGate       *b);
gboolean            rollout_gate_requires_signoff          (const RolloutGate       *gate,
                                                            const char              *team_id);
void                rollout_gate_set_signoff_required      (RolloutGate             *gate,
                                                            const char              *team_id,
                                                            gboolean                 required);
GPtrArray          *rollout_gate_check                     (RolloutProject          *project,
                                                            const RolloutGate       *gate);

GPtrArray          *rollout_gates_find_metric_users        (RolloutProject          *project,
                                                            const char              *metric_id);
RolloutCommand     *rollout_gates_new_set_gate             (RolloutProject          *project,
                                                            RolloutPhase            *phase,
                                                            const RolloutGate       *gate,
                                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutGateProblem, rollout_gate_problem_free)

G_END_DECLS
