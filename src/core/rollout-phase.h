/* rollout-phase.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-types.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_PHASE (rollout_phase_get_type ())

G_DECLARE_FINAL_TYPE (RolloutPhase, rollout_phase, ROLLOUT, PHASE, GObject)

RolloutPhase       *rollout_phase_new                  (const char         *id);
const char         *rollout_phase_get_id               (RolloutPhase       *self);

const char         *rollout_phase_get_name             (RolloutPhase       *self);
void                rollout_phase_set_name             (RolloutPhase       *self,
                                                        const char         *name);
const char         *rollout_phase_get_description      (RolloutPhase       *self);
void                rollout_phase_set_description      (RolloutPhase       *self,
                                                        const char         *description);
double              rollout_phase_get_audience_percent (RolloutPhase       *self);
void                rollout_phase_set_audience_percent (RolloutPhase       *self,
                                                        double              audience_percent);
const char * const *rollout_phase_get_regions          (RolloutPhase       *self);
void                rollout_phase_set_regions          (RolloutPhase       *self,
                                                        const char * const *regions);
RolloutDate         rollout_phase_get_planned_start    (RolloutPhase       *self);
void                rollout_phase_set_planned_start    (RolloutPhase       *self,
                                                        RolloutDate         planned_start);
RolloutPhaseStatus  rollout_phase_get_status           (RolloutPhase       *self);
void                rollout_phase_set_status           (RolloutPhase       *self,
                                                        RolloutPhaseStatus  status);
GPtrArray          *rollout_phase_get_signoffs         (RolloutPhase       *self);
void                rollout_phase_set_signoffs         (RolloutPhase       *self,
                                                        GPtrArray          *signoffs);
JsonObject         *rollout_phase_get_extra            (RolloutPhase       *self);
void                rollout_phase_set_extra            (RolloutPhase       *self,
                                                        JsonObject         *extra);
const RolloutGate  *rollout_phase_get_gate             (RolloutPhase       *self);
void                rollout_phase_set_gate             (RolloutPhase       *self,
                                                        const RolloutGate  *gate);
RolloutDate         rollout_phase_get_start            (RolloutPhase       *self);
RolloutDate         rollout_phase_get_finish           (RolloutPhase       *self);
GPtrArray          *rollout_phase_get_decisions        (RolloutPhase       *self);
void                rollout_phase_set_decisions        (RolloutPhase       *self,
                                                        GPtrArray          *decisions);

G_END_DECLS
