/* rollout-conflict-dialog.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_CONFLICT_DIALOG (rollout_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RolloutConflictDialog, rollout_conflict_dialog, ROLLOUT, CONFLICT_DIALOG, AdwWindow)

GtkWidget       *rollout_conflict_dialog_new          (GtkWindow             *parent,
                                                       RolloutDocument       *document);
RolloutDocument *rollout_conflict_dialog_get_document (RolloutConflictDialog *self);

G_END_DECLS
