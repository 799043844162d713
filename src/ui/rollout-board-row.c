/* rollout-board-row.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One line of the board's list: a swimlane's header, or the n-th cards of
 * a lane's four columns side by side. Rows are places in the list rather
 * than particular cards: after an edit or a new filter the board view
 * tells each row what it now shows and binds again only the rows on
 * screen, instead of replacing rows, which would make GtkListView build
 * the widgets of every row it keeps again. */

#define G_LOG_DOMAIN "rollout-board-row"

#include "config.h"

#include "rollout-board-row.h"

struct _RolloutBoardRow
{
  GObject  parent_instance;

  guint    lane;
  int      row;
};

G_DEFINE_FINAL_TYPE (RolloutBoardRow, rollout_board_row, G_TYPE_OBJECT)

static void
rollout_board_row_class_init (RolloutBoardRowClass *klass)
{
}

static void
rollout_board_row_init (RolloutBoardRow *self)
{
}

/**
 * rollout_board_row_new:
 * @lane: the lane's index in the board
 * @row: the row's number in the lane, or %ROLLOUT_BOARD_ROW_HEADER
 *
 * Returns: (transfer full): a new row
 */
RolloutBoardRow *
rollout_board_row_new (guint lane,
                       int   row)
{
  RolloutBoardRow *self = g_object_new (ROLLOUT_TYPE_BOARD_ROW, NULL);

  self->lane = lane;
  self->row = row;
  return self;
}

guint
rollout_board_row_get_lane (RolloutBoardRow *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_ROW (self), 0);

  return self->lane;
}

int
rollout_board_row_get_row (RolloutBoardRow *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_ROW (self), 0);

  return self->row;
}

/**
 * rollout_board_row_set:
 * @self: a #RolloutBoardRow
 * @lane: the lane's index in the board
 * @row: the row's number in the lane, or %ROLLOUT_BOARD_ROW_HEADER
 *
 * Returns: whether the row shows another place of the board now
 */
gboolean
rollout_board_row_set (RolloutBoardRow *self,
                       guint            lane,
                       int              row)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_ROW (self), FALSE);

  if (self->lane == lane && self->row == row)
    return FALSE;
  self->lane = lane;
  self->row = row;
  return TRUE;
}
