/* rollout-board-avatar.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROLLOUT_TYPE_BOARD_AVATAR (rollout_board_avatar_get_type ())

G_DECLARE_FINAL_TYPE (RolloutBoardAvatar, rollout_board_avatar, ROLLOUT, BOARD_AVATAR, GtkWidget)

GtkWidget  *rollout_board_avatar_new      (void);
const char *rollout_board_avatar_get_name (RolloutBoardAvatar *self);
void        rollout_board_avatar_set_name (RolloutBoardAvatar *self,
                                           const char         *name);

G_END_DECLS
