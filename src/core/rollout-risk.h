/* rollout-risk.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-types.h"

G_BEGIN_DECLS

/**
 * RolloutRiskTrend:
 * @ROLLOUT_RISK_TREND_STEADY: the score is what it was at the assessment
 *   before, or there is no assessment before
 * @ROLLOUT_RISK_TREND_RISING: the score went up since the assessment before
 * @ROLLOUT_RISK_TREND_FALLING: the score went down since the assessment before
 *
 * Where a risk is heading, from its dated assessments.
 */
typedef enum {
  ROLLOUT_RISK_TREND_STEADY,
  ROLLOUT_RISK_TREND_RISING,
  ROLLOUT_RISK_TREND_FALLING,
} RolloutRiskTrend;

#define ROLLOUT_TYPE_RISK (rollout_risk_get_type ())

G_DECLARE_FINAL_TYPE (RolloutRisk, rollout_risk, ROLLOUT, RISK, GObject)

RolloutRisk        *rollout_risk_new             (const char         *id);
const char         *rollout_risk_get_id          (RolloutRisk        *self);

const char         *rollout_risk_get_title       (RolloutRisk        *self);
void                rollout_risk_set_title       (RolloutRisk        *self,
                                                  const char         *title);
const char         *rollout_risk_get_description (RolloutRisk        *self);
void                rollout_risk_set_description (RolloutRisk        *self,
                                                  const char         *description);
int                 rollout_risk_get_likelihood  (RolloutRisk        *self);
void                rollout_risk_set_likelihood  (RolloutRisk        *self,
                                                  int                 likelihood);
int                 rollout_risk_get_impact      (RolloutRisk        *self);
void                rollout_risk_set_impact      (RolloutRisk        *self,
                                                  int                 impact);
const char         *rollout_risk_get_owner       (RolloutRisk        *self);
void                rollout_risk_set_owner       (RolloutRisk        *self,
                                                  const char         *owner);
const char         *rollout_risk_get_mitigation  (RolloutRisk        *self);
void                rollout_risk_set_mitigation  (RolloutRisk        *self,
                                                  const char         *mitigation);
const char         *rollout_risk_get_contingency (RolloutRisk        *self);
void                rollout_risk_set_contingency (RolloutRisk        *self,
                                                  const char         *contingency);
RolloutRiskStatus   rollout_risk_get_status      (RolloutRisk        *self);
void                rollout_risk_set_status      (RolloutRisk        *self,
                                                  RolloutRiskStatus   status);
const char         *rollout_risk_get_phase_id    (RolloutRisk        *self);
void                rollout_risk_set_phase_id    (RolloutRisk        *self,
                                                  const char         *phase_id);
const char * const *rollout_risk_get_task_ids    (RolloutRisk        *self);
void                rollout_risk_set_task_ids    (RolloutRisk        *self,
                                                  const char * const *task_ids);
GPtrArray          *rollout_risk_get_history     (RolloutRisk        *self);
void                rollout_risk_set_history     (RolloutRisk        *self,
                                                  GPtrArray          *history);
JsonObject         *rollout_risk_get_extra       (RolloutRisk        *self);
void                rollout_risk_set_extra       (RolloutRisk        *self,
                                                  JsonObject         *extra);
int                 rollout_risk_get_score       (RolloutRisk        *self);
RolloutRiskTrend    rollout_risk_get_trend       (RolloutRisk        *self,
                                                  const RolloutAssessment **out_previous);

G_END_DECLS
