/* rollout-board-row.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ROLLOUT_TYPE_BOARD_ROW (rollout_board_row_get_type ())

G_DECLARE_FINAL_TYPE (RolloutBoardRow, rollout_board_row, ROLLOUT, BOARD_ROW, GObject)

/* A swimlane's header row. */
#define ROLLOUT_BOARD_ROW_HEADER (-1)

RolloutBoardRow *rollout_board_row_new      (guint            lane,
                                             int              row);
guint            rollout_board_row_get_lane (RolloutBoardRow *self);
int              rollout_board_row_get_row  (RolloutBoardRow *self);
gboolean         rollout_board_row_set      (RolloutBoardRow *self,
                                             guint            lane,
                                             int              row);

G_END_DECLS
