/* rollout-monitor.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-command.h"
#include "rollout-feedback-summary.h"

G_BEGIN_DECLS

#define ROLLOUT_MONITOR_ERROR (rollout_monitor_error_quark ())

/**
 * RolloutMonitorError:
 * @ROLLOUT_MONITOR_ERROR_NOT_ALLOWED: the decision does not fit where the
 *   roll-out stands (starting a phase out of turn, pausing a phase that is
 *   not running, starting on a gate that is not GO without overriding it)
 * @ROLLOUT_MONITOR_ERROR_NO_REASON: the decision needs a reason and has none
 * @ROLLOUT_MONITOR_ERROR_NO_PERSON: nobody is named as having decided
 *
 * Why a decision cannot be recorded.
 */
typedef enum {
  ROLLOUT_MONITOR_ERROR_NOT_ALLOWED,
  ROLLOUT_MONITOR_ERROR_NO_REASON,
  ROLLOUT_MONITOR_ERROR_NO_PERSON,
} RolloutMonitorError;

GQuark          rollout_monitor_error_quark        (void);

RolloutPhase   *rollout_monitor_get_current_phase  (RolloutProject         *project);
RolloutPhase   *rollout_monitor_get_next_phase     (RolloutProject         *project);
gboolean        rollout_monitor_can_decide         (RolloutProject         *project,
                                                    RolloutPhase           *phase,
                                                    RolloutDecisionAction   action);
gboolean        rollout_monitor_needs_reason       (RolloutDecisionAction   action);
RolloutCommand *rollout_monitor_new_decision       (RolloutProject         *project,
                                                    RolloutPhase           *phase,
                                                    RolloutDecisionAction   action,
                                                    RolloutDate             date,
                                                    const char             *by,
                                                    const char             *reason,
                                                    GError                **error);

RolloutCommand *rollout_monitor_new_add_sample     (RolloutMetric          *metric,
                                                    const RolloutSample    *sample);
RolloutCommand *rollout_monitor_new_set_sample     (RolloutMetric          *metric,
                                                    guint                   index,
                                                    const RolloutSample    *sample);
RolloutCommand *rollout_monitor_new_remove_sample  (RolloutMetric          *metric,
                                                    guint                   index);

char           *rollout_monitor_make_feedback_id   (RolloutProject         *project);


G_END_DECLS
