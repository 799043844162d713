/* rollout-metric-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-metric.h"

G_BEGIN_DECLS

guint _rollout_metric_get_revision (RolloutMetric *self);

G_END_DECLS
