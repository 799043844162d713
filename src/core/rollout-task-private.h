/* rollout-task-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-task.h"

G_BEGIN_DECLS

void _rollout_task_set_schedule (RolloutTask *self,
                                 RolloutDate  start,
                                 RolloutDate  finish,
                                 int          total_slack,
                                 gboolean     critical);
guint _rollout_task_get_revision (RolloutTask *self);

G_END_DECLS
