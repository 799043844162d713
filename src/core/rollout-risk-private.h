/* rollout-risk-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-risk.h"

G_BEGIN_DECLS

guint _rollout_risk_get_revision (RolloutRisk *self);

G_END_DECLS
