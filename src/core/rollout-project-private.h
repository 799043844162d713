/* rollout-project-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

guint _rollout_project_get_tasks_revision  (RolloutProject *self);
guint _rollout_project_get_phases_revision (RolloutProject *self);

G_END_DECLS
