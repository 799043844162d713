/* rollout-task.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-types.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_TASK (rollout_task_get_type ())

G_DECLARE_FINAL_TYPE (RolloutTask, rollout_task, ROLLOUT, TASK, GObject)

RolloutTask       *rollout_task_new                       (const char        *id);
const char        *rollout_task_get_id                    (RolloutTask       *self);

const char        *rollout_task_get_name                  (RolloutTask       *self);
void               rollout_task_set_name                  (RolloutTask       *self,
                                                           const char        *name);
const char        *rollout_task_get_phase_id              (RolloutTask       *self);
void               rollout_task_set_phase_id              (RolloutTask       *self,
                                                           const char        *phase_id);
const char        *rollout_task_get_team_id               (RolloutTask       *self);
void               rollout_task_set_team_id               (RolloutTask       *self,
                                                           const char        *team_id);
const char        *rollout_task_get_owner                 (RolloutTask       *self);
void               rollout_task_set_owner                 (RolloutTask       *self,
                                                           const char        *owner);
int                rollout_task_get_duration              (RolloutTask       *self);
void               rollout_task_set_duration              (RolloutTask       *self,
                                                           int                duration);
RolloutDate        rollout_task_get_start_no_earlier_than (RolloutTask       *self);
void               rollout_task_set_start_no_earlier_than (RolloutTask       *self,
                                                           RolloutDate        start_no_earlier_than);
GPtrArray         *rollout_task_get_dependencies          (RolloutTask       *self);
void               rollout_task_set_dependencies          (RolloutTask       *self,
                                                           GPtrArray         *dependencies);
RolloutTaskStatus  rollout_task_get_status                (RolloutTask       *self);
void               rollout_task_set_status                (RolloutTask       *self,
                                                           RolloutTaskStatus  status);
int                rollout_task_get_progress              (RolloutTask       *self);
void               rollout_task_set_progress              (RolloutTask       *self,
                                                           int                progress);
const char        *rollout_task_get_blocked_reason        (RolloutTask       *self);
void               rollout_task_set_blocked_reason        (RolloutTask       *self,
                                                           const char        *blocked_reason);
const char        *rollout_task_get_notes                 (RolloutTask       *self);
void               rollout_task_set_notes                 (RolloutTask       *self,
                                                           const char        *notes);
GPtrArray         *rollout_task_get_checklist             (RolloutTask       *self);
void               rollout_task_set_checklist             (RolloutTask       *self,
                                                           GPtrArray         *checklist);
JsonObject        *rollout_task_get_extra                 (RolloutTask       *self);
void               rollout_task_set_extra                 (RolloutTask       *self,
                                                           JsonObject        *extra);
gboolean           rollout_task_is_milestone              (RolloutTask       *self);
RolloutDate        rollout_task_get_start                 (RolloutTask       *self);
RolloutDate        rollout_task_get_finish                (RolloutTask       *self);
int                rollout_task_get_total_slack           (RolloutTask       *self);
gboolean           rollout_task_get_critical              (RolloutTask       *self);

G_END_DECLS
