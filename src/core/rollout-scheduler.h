/* rollout-scheduler.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

#define ROLLOUT_SCHEDULER_ERROR (rollout_scheduler_error_quark ())

/**
 * RolloutSchedulerError:
 * @ROLLOUT_SCHEDULER_ERROR_CYCLE: tasks depend on each other in a circle
 * @ROLLOUT_SCHEDULER_ERROR_NO_START: the project has no start date
 *
 * Why a project could not be scheduled.
 */
typedef enum {
  ROLLOUT_SCHEDULER_ERROR_CYCLE,
  ROLLOUT_SCHEDULER_ERROR_NO_START,
} RolloutSchedulerError;

/**
 * RolloutScheduleSummary:
 * @start: the project start: the first working day on or after the
 *   project's start date
 * @finish: the last working day of the latest-finishing task (for a
 *   milestone, its day), or %ROLLOUT_DATE_NONE for an empty plan
 * @length: working days from @start to @finish, both included; 0 for an
 *   empty plan
 * @n_critical: how many tasks are on the critical path
 *
 * What scheduling found about the whole plan.
 */
typedef struct {
  RolloutDate start;
  RolloutDate finish;
  int         length;
  guint       n_critical;
} RolloutScheduleSummary;

GQuark     rollout_scheduler_error_quark    (void);

GPtrArray *rollout_scheduler_find_cycles    (RolloutProject          *project);
char      *rollout_scheduler_format_cycle   (GPtrArray               *cycle);
gboolean   rollout_project_schedule         (RolloutProject          *project,
                                             RolloutScheduleSummary  *out_summary,
                                             GError                 **error);

G_END_DECLS
