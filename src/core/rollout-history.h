/* rollout-history.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-command.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_HISTORY (rollout_history_get_type ())

G_DECLARE_FINAL_TYPE (RolloutHistory, rollout_history, ROLLOUT, HISTORY, GObject)

RolloutHistory *rollout_history_new            (RolloutProject  *project);
RolloutProject *rollout_history_get_project    (RolloutHistory  *self);
gboolean        rollout_history_execute        (RolloutHistory  *self,
                                                RolloutCommand  *command,
                                                GError         **error);
gboolean        rollout_history_undo           (RolloutHistory  *self);
gboolean        rollout_history_redo           (RolloutHistory  *self);
gboolean        rollout_history_can_undo       (RolloutHistory  *self);
gboolean        rollout_history_can_redo       (RolloutHistory  *self);
const char     *rollout_history_get_undo_label (RolloutHistory  *self);
const char     *rollout_history_get_redo_label (RolloutHistory  *self);
gboolean        rollout_history_get_modified   (RolloutHistory  *self);
void            rollout_history_set_saved      (RolloutHistory  *self);
void            rollout_history_set_modified   (RolloutHistory  *self);
void            rollout_history_clear          (RolloutHistory  *self);

G_END_DECLS
