/* rollout-problems-dialog.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROLLOUT_TYPE_PROBLEMS_DIALOG (rollout_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RolloutProblemsDialog, rollout_problems_dialog, ROLLOUT, PROBLEMS_DIALOG, AdwMessageDialog)

GtkWidget  *rollout_problems_dialog_new         (GtkWindow    *parent,
                                                 GFile        *file,
                                                 const GError *error,
                                                 GPtrArray    *diagnostics);
GtkWidget  *rollout_problems_dialog_new_with_details (GtkWindow    *parent,
                                                     const char   *heading,
                                                     const char   *body,
                                                     const char   *details_title,
                                                     const char   *details);
const char *rollout_problems_dialog_get_details (RolloutProblemsDialog *self);

G_END_DECLS
