/* rollout-calendar-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-calendar.h"

G_BEGIN_DECLS

guint _rollout_calendar_get_revision (RolloutCalendar *self);

G_END_DECLS
