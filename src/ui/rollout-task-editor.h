/* rollout-task-editor.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_TASK_EDITOR (rollout_task_editor_get_type ())

G_DECLARE_FINAL_TYPE (RolloutTaskEditor, rollout_task_editor, ROLLOUT, TASK_EDITOR, GtkWidget)

GtkWidget       *rollout_task_editor_new          (void);
void             rollout_task_editor_set_document (RolloutTaskEditor *self,
                                                   RolloutDocument   *document);
gpointer         rollout_task_editor_get_item     (RolloutTaskEditor *self);
void             rollout_task_editor_set_item     (RolloutTaskEditor *self,
                                                   gpointer           item);
void             rollout_task_editor_commit       (RolloutTaskEditor *self);
void             rollout_task_editor_focus_name   (RolloutTaskEditor *self);
void             rollout_task_editor_set_action_prefix (RolloutTaskEditor *self,
                                                        const char        *prefix);

G_END_DECLS
