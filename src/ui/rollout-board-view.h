/* rollout-board-view.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-board.h"
#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_BOARD_VIEW (rollout_board_view_get_type ())

G_DECLARE_FINAL_TYPE (RolloutBoardView, rollout_board_view, ROLLOUT, BOARD_VIEW, GtkWidget)

GtkWidget         *rollout_board_view_new             (void);
RolloutDocument   *rollout_board_view_get_document    (RolloutBoardView  *self);
void               rollout_board_view_set_document    (RolloutBoardView  *self,
                                                       RolloutDocument   *document);
RolloutBoard      *rollout_board_view_get_board       (RolloutBoardView  *self);
RolloutTask       *rollout_board_view_get_selected    (RolloutBoardView  *self);
void               rollout_board_view_select          (RolloutBoardView  *self,
                                                       RolloutTask       *task);
RolloutBoardLanes  rollout_board_view_get_lanes       (RolloutBoardView  *self);
void               rollout_board_view_set_lanes       (RolloutBoardView  *self,
                                                       RolloutBoardLanes  lanes);
void               rollout_board_view_set_filter      (RolloutBoardView  *self,
                                                       const char        *phase_id,
                                                       const char        *team_id);
const char        *rollout_board_view_get_readiness_phase (RolloutBoardView *self);
void               rollout_board_view_set_readiness_phase (RolloutBoardView *self,
                                                           const char       *phase_id);

G_END_DECLS
