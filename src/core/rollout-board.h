/* rollout-board.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-command.h"

G_BEGIN_DECLS

/**
 * RolloutBoardLanes:
 * @ROLLOUT_BOARD_LANES_NONE: one lane, the whole board
 * @ROLLOUT_BOARD_LANES_TEAM: a lane per team, then one for tasks of no team
 * @ROLLOUT_BOARD_LANES_PHASE: a lane per phase
 *
 * How the board's cards are split into horizontal swimlanes.
 */
typedef enum {
  ROLLOUT_BOARD_LANES_NONE,
  ROLLOUT_BOARD_LANES_TEAM,
  ROLLOUT_BOARD_LANES_PHASE,
} RolloutBoardLanes;

#define ROLLOUT_TYPE_BOARD_LANES (rollout_board_lanes_get_type ())
GType rollout_board_lanes_get_type (void) G_GNUC_CONST;

/**
 * RolloutBoardLateness:
 * @ROLLOUT_BOARD_ON_TIME: neither of the others
 * @ROLLOUT_BOARD_LATE: not done, and its scheduled finish is before today
 * @ROLLOUT_BOARD_AFTER_GATE: not done, and it finishes on or after the day
 *   its phase's gate is due (see rollout_board_get_gate_date())
 *
 * Why a card's finish date is marked.
 */
typedef enum {
  ROLLOUT_BOARD_ON_TIME    = 0,
  ROLLOUT_BOARD_LATE       = 1 << 0,
  ROLLOUT_BOARD_AFTER_GATE = 1 << 1,
} RolloutBoardLateness;

/* The team filter that keeps only the tasks of no team. */
#define ROLLOUT_BOARD_NO_TEAM ""

/**
 * RolloutBoardOptions:
 * @phase_id: (nullable): only the tasks of this phase; %NULL for all
 * @team_id: (nullable): only the tasks of this team, or of no team for
 *   %ROLLOUT_BOARD_NO_TEAM; %NULL for all
 * @search: (nullable): only the tasks whose name, owner, blocked reason or
 *   id hold every word of it (ignoring case); %NULL or empty for all
 * @lanes: how to split the board into swimlanes
 * @today: the day lateness is judged against, or %ROLLOUT_DATE_NONE for
 *   none (a parameter, so boards are reproducible)
 *
 * What to show on the board. Start from rollout_board_options_init().
 */
typedef struct {
  const char        *phase_id;
  const char        *team_id;
  const char        *search;
  RolloutBoardLanes  lanes;
  RolloutDate        today;
} RolloutBoardOptions;

/**
 * RolloutBoardCard:
 * @task: the task; the board holds a reference
 * @lateness: #RolloutBoardLateness flags
 * @finish: the scheduled finish, or %ROLLOUT_DATE_NONE when unscheduled
 * @gate: the day the task's phase's gate is due, or %ROLLOUT_DATE_NONE
 * @n_checked: checklist items done
 * @n_checklist: checklist items
 *
 * One card, as it was when the board was made.
 */
typedef struct {
  RolloutTask *task;
  guint        lateness;
  RolloutDate  finish;
  RolloutDate  gate;
  guint        n_checked;
  guint        n_checklist;
} RolloutBoardCard;

/**
 * RolloutBoardLane:
 * @object: (nullable): the lane's #RolloutTeam or #RolloutPhase; %NULL for
 *   the lane of tasks of no team and for the single lane of a board without
 *   swimlanes
 * @id: (nullable): @object's id
 * @label: (nullable): @object's name; %NULL when @object is
 * @color: (nullable): a team lane's colour ("#3584e4")
 * @n_cards: how many cards each column (task status) has in the lane
 * @n_rows: the largest of @n_cards, and at least 1
 *
 * A horizontal swimlane across the four columns.
 */
typedef struct {
  gpointer     object;
  const char  *id;
  const char  *label;
  const char  *color;
  guint        n_cards[ROLLOUT_N_TASK_STATUSES];
  guint        n_rows;
} RolloutBoardLane;

/**
 * RolloutReadiness:
 * @team_id: the team's id
 * @team: (nullable): the team, or %NULL when the gate names a team the
 *   plan does not have
 * @required: whether the phase's gate requires this team's sign-off
 * @signoff: (nullable): the team's sign-off of the phase, a copy
 * @n_tasks: the team's tasks in the phase
 * @n_done: of those, how many are done
 *
 * Where one team stands on a phase.
 */
typedef struct {
  char           *team_id;
  RolloutTeam    *team;
  gboolean        required;
  RolloutSignoff *signoff;
  guint           n_tasks;
  guint           n_done;
} RolloutReadiness;

typedef struct _RolloutBoard RolloutBoard;

#define ROLLOUT_TYPE_BOARD (rollout_board_get_type ())

GType                   rollout_board_get_type          (void) G_GNUC_CONST;
void                    rollout_board_options_init      (RolloutBoardOptions      *options);
RolloutBoard           *rollout_board_new               (RolloutProject           *project,
                                                         const RolloutBoardOptions *options);
RolloutBoard           *rollout_board_ref               (RolloutBoard             *self);
void                    rollout_board_unref             (RolloutBoard             *self);
guint                   rollout_board_get_n_lanes       (RolloutBoard             *self);
const RolloutBoardLane *rollout_board_get_lane          (RolloutBoard             *self,
                                                         guint                     lane);
const RolloutBoardCard *rollout_board_get_card          (RolloutBoard             *self,
                                                         guint                     lane,
                                                         RolloutTaskStatus         status,
                                                         guint                     index);
guint                   rollout_board_get_n_cards       (RolloutBoard             *self,
                                                         RolloutTaskStatus         status);
guint                   rollout_board_get_n_shown       (RolloutBoard             *self);
guint                   rollout_board_get_n_tasks       (RolloutBoard             *self);
RolloutBoardLanes       rollout_board_get_lanes         (RolloutBoard             *self);
gboolean                rollout_board_find              (RolloutBoard             *self,
                                                         RolloutTask              *task,
                                                         guint                    *out_lane,
                                                         RolloutTaskStatus        *out_status,
                                                         guint                    *out_index);

const char             *rollout_board_status_label      (RolloutTaskStatus         status);
char                   *rollout_board_initials          (const char               *name);
RolloutDate             rollout_board_get_gate_date     (RolloutProject           *project,
                                                         RolloutPhase             *phase);
guint                   rollout_board_get_lateness      (RolloutProject           *project,
                                                         RolloutTask              *task,
                                                         RolloutDate               today);

GPtrArray              *rollout_board_get_readiness     (RolloutProject           *project,
                                                         RolloutPhase             *phase);
void                    rollout_readiness_free          (RolloutReadiness         *readiness);

RolloutCommand         *rollout_board_new_move          (RolloutProject           *project,
                                                         RolloutTask              *task,
                                                         RolloutTaskStatus         status,
                                                         RolloutBoardLanes         lanes,
                                                         const char               *lane_id);
RolloutCommand         *rollout_board_new_sign_off      (RolloutProject           *project,
                                                         RolloutPhase             *phase,
                                                         const char               *team_id,
                                                         const char               *by,
                                                         RolloutDate               date);
RolloutCommand         *rollout_board_new_withdraw      (RolloutProject           *project,
                                                         RolloutPhase             *phase,
                                                         const char               *team_id);
RolloutCommand         *rollout_board_new_set_wip_limit (RolloutProject           *project,
                                                         RolloutTaskStatus         status,
                                                         int                       limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutBoard, rollout_board_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutReadiness, rollout_readiness_free)

G_END_DECLS
