/* rollout-format.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-types.h"

G_BEGIN_DECLS

RolloutDate  rollout_today         (void);
char        *rollout_format_date   (RolloutDate  date);
char        *rollout_format_period (RolloutDate  start,
                                    RolloutDate  finish);
char        *rollout_format_folder (GFile       *file);

G_END_DECLS
