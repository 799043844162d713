/* rollout-generator.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

RolloutProject *rollout_generate_project (guint   n_tasks,
                                          guint32 seed);

G_END_DECLS
