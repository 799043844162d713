/* rollout-edit.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-document.h"

G_BEGIN_DECLS

gboolean        rollout_edit_run             (GtkWidget       *widget,
                                              RolloutDocument *document,
                                              RolloutCommand  *command);
gboolean        rollout_edit_run_undoable    (GtkWidget       *widget,
                                              RolloutDocument *document,
                                              RolloutCommand  *command,
                                              const char      *title);
void            rollout_edit_toast           (GtkWidget       *widget,
                                              AdwToast        *toast);
void            rollout_edit_delete          (GtkWidget       *widget,
                                              RolloutDocument *document,
                                              gpointer         object);
void            rollout_edit_undo_toast      (GtkWidget       *widget,
                                              RolloutDocument *document,
                                              const char      *title);
RolloutCommand *rollout_edit_new_delete_phase (RolloutProject *project,
                                              RolloutPhase    *phase);

G_END_DECLS
