/* rollout-team-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-team.h"

G_BEGIN_DECLS

guint _rollout_team_get_revision (RolloutTeam *self);

G_END_DECLS
