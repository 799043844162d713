/* rollout-team.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-types.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_TEAM (rollout_team_get_type ())

G_DECLARE_FINAL_TYPE (RolloutTeam, rollout_team, ROLLOUT, TEAM, GObject)

RolloutTeam        *rollout_team_new         (const char         *id);
const char         *rollout_team_get_id      (RolloutTeam        *self);

const char         *rollout_team_get_name    (RolloutTeam        *self);
void                rollout_team_set_name    (RolloutTeam        *self,
                                              const char         *name);
const char         *rollout_team_get_color   (RolloutTeam        *self);
void                rollout_team_set_color   (RolloutTeam        *self,
                                              const char         *color);
const char         *rollout_team_get_lead    (RolloutTeam        *self);
void                rollout_team_set_lead    (RolloutTeam        *self,
                                              const char         *lead);
const char * const *rollout_team_get_members (RolloutTeam        *self);
void                rollout_team_set_members (RolloutTeam        *self,
                                              const char * const *members);
JsonObject         *rollout_team_get_extra   (RolloutTeam        *self);
void                rollout_team_set_extra   (RolloutTeam        *self,
                                              JsonObject         *extra);

G_END_DECLS
