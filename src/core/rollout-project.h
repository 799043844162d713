/* rollout-project.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-calendar.h"
#include "rollout-feedback.h"
#include "rollout-metric.h"
#include "rollout-phase.h"
#include "rollout-risk.h"
#include "rollout-task.h"
#include "rollout-team.h"

G_BEGIN_DECLS

/* The largest WIP limit a plan may set for a board column. */
#define ROLLOUT_WIP_LIMIT_MAX 10000

#define ROLLOUT_TYPE_PROJECT (rollout_project_get_type ())

G_DECLARE_FINAL_TYPE (RolloutProject, rollout_project, ROLLOUT, PROJECT, GObject)

RolloutProject  *rollout_project_new              (const char      *id);
const char      *rollout_project_get_id           (RolloutProject  *self);
const char      *rollout_project_get_name         (RolloutProject  *self);
void             rollout_project_set_name         (RolloutProject  *self,
                                                   const char      *name);
const char      *rollout_project_get_description  (RolloutProject  *self);
void             rollout_project_set_description  (RolloutProject  *self,
                                                   const char      *description);
const char      *rollout_project_get_owner        (RolloutProject  *self);
void             rollout_project_set_owner        (RolloutProject  *self,
                                                   const char      *owner);
const char      *rollout_project_get_created      (RolloutProject  *self);
void             rollout_project_set_created      (RolloutProject  *self,
                                                   const char      *created);
const char      *rollout_project_get_modified     (RolloutProject  *self);
void             rollout_project_set_modified     (RolloutProject  *self,
                                                   const char      *modified);
RolloutDate      rollout_project_get_start        (RolloutProject  *self);
void             rollout_project_set_start        (RolloutProject  *self,
                                                   RolloutDate      start);
RolloutCalendar *rollout_project_get_calendar     (RolloutProject  *self);
int              rollout_project_get_wip_limit    (RolloutProject  *self,
                                                   RolloutTaskStatus status);
void             rollout_project_set_wip_limit    (RolloutProject  *self,
                                                   RolloutTaskStatus status,
                                                   int              limit);
const char      *rollout_project_wip_limit_property (RolloutTaskStatus status);
JsonObject      *rollout_project_get_extra        (RolloutProject  *self);
void             rollout_project_set_extra        (RolloutProject  *self,
                                                   JsonObject      *extra);

GListModel      *rollout_project_get_teams        (RolloutProject  *self);
GListModel      *rollout_project_get_phases       (RolloutProject  *self);
GListModel      *rollout_project_get_tasks        (RolloutProject  *self);
GListModel      *rollout_project_get_risks        (RolloutProject  *self);
GListModel      *rollout_project_get_metrics      (RolloutProject  *self);
GListModel      *rollout_project_get_feedback     (RolloutProject  *self);

RolloutTeam     *rollout_project_lookup_team      (RolloutProject  *self,
                                                   const char      *id);
RolloutPhase    *rollout_project_lookup_phase     (RolloutProject  *self,
                                                   const char      *id);
RolloutTask     *rollout_project_lookup_task      (RolloutProject  *self,
                                                   const char      *id);
RolloutRisk     *rollout_project_lookup_risk      (RolloutProject  *self,
                                                   const char      *id);
RolloutMetric   *rollout_project_lookup_metric    (RolloutProject  *self,
                                                   const char      *id);
RolloutFeedback *rollout_project_lookup_feedback  (RolloutProject  *self,
                                                   const char      *id);

/* Insert at @position (-1 appends). Returns FALSE, changing nothing, when
 * an object with the same id is already in the collection. */
gboolean         rollout_project_insert_team      (RolloutProject  *self,
                                                   RolloutTeam     *team,
                                                   int              position);
gboolean         rollout_project_insert_phase     (RolloutProject  *self,
                                                   RolloutPhase    *phase,
                                                   int              position);
gboolean         rollout_project_insert_task      (RolloutProject  *self,
                                                   RolloutTask     *task,
                                                   int              position);
gboolean         rollout_project_insert_risk      (RolloutProject  *self,
                                                   RolloutRisk     *risk,
                                                   int              position);
gboolean         rollout_project_insert_metric    (RolloutProject  *self,
                                                   RolloutMetric   *metric,
                                                   int              position);
gboolean         rollout_project_insert_feedback  (RolloutProject  *self,
                                                   RolloutFeedback *feedback,
                                                   int              position);

/* Remove the object; returns the position it had, or -1. */
int              rollout_project_remove           (RolloutProject  *self,
                                                   gpointer         object);
int              rollout_project_index_of         (RolloutProject  *self,
                                                   gpointer         object);

char            *rollout_project_make_id          (RolloutProject  *self,
                                                   GType            type,
                                                   const char      *name);

G_END_DECLS
