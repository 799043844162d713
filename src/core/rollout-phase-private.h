/* rollout-phase-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-phase.h"

G_BEGIN_DECLS

void _rollout_phase_set_schedule (RolloutPhase *self,
                                  RolloutDate   start,
                                  RolloutDate   finish);
guint _rollout_phase_get_revision (RolloutPhase *self);

G_END_DECLS
