/* rollout-metric.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-types.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_METRIC (rollout_metric_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMetric, rollout_metric, ROLLOUT, METRIC, GObject)

RolloutMetric    *rollout_metric_new            (const char       *id);
const char       *rollout_metric_get_id         (RolloutMetric    *self);

const char       *rollout_metric_get_name       (RolloutMetric    *self);
void              rollout_metric_set_name       (RolloutMetric    *self,
                                                 const char       *name);
const char       *rollout_metric_get_unit       (RolloutMetric    *self);
void              rollout_metric_set_unit       (RolloutMetric    *self,
                                                 const char       *unit);
RolloutDirection  rollout_metric_get_direction  (RolloutMetric    *self);
void              rollout_metric_set_direction  (RolloutMetric    *self,
                                                 RolloutDirection  direction);
gboolean          rollout_metric_get_has_target (RolloutMetric    *self);
void              rollout_metric_set_has_target (RolloutMetric    *self,
                                                 gboolean          has_target);
double            rollout_metric_get_target     (RolloutMetric    *self);
void              rollout_metric_set_target     (RolloutMetric    *self,
                                                 double            target);
GPtrArray        *rollout_metric_get_samples    (RolloutMetric    *self);
void              rollout_metric_set_samples    (RolloutMetric    *self,
                                                 GPtrArray        *samples);
JsonObject       *rollout_metric_get_extra      (RolloutMetric    *self);
void              rollout_metric_set_extra      (RolloutMetric    *self,
                                                 JsonObject       *extra);

G_END_DECLS
