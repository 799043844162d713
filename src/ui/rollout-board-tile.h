/* rollout-board-tile.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-board.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_BOARD_TILE (rollout_board_tile_get_type ())

G_DECLARE_FINAL_TYPE (RolloutBoardTile, rollout_board_tile, ROLLOUT, BOARD_TILE, GtkWidget)

GtkWidget   *rollout_board_tile_new          (void);
void         rollout_board_tile_set_card     (RolloutBoardTile       *self,
                                              RolloutProject         *project,
                                              const RolloutBoardCard *card);
RolloutTask *rollout_board_tile_get_task     (RolloutBoardTile       *self);
void         rollout_board_tile_set_selected (RolloutBoardTile       *self,
                                              gboolean                selected);
gboolean     rollout_board_tile_get_selected (RolloutBoardTile       *self);

G_END_DECLS
