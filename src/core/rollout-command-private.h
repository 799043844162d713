/* rollout-command-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-command.h"

G_BEGIN_DECLS

guint _rollout_command_count_edits (gpointer object);

G_END_DECLS
