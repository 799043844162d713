/* rollout-monitor-feedback-dialog.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_MONITOR_FEEDBACK_DIALOG (rollout_monitor_feedback_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorFeedbackDialog, rollout_monitor_feedback_dialog, ROLLOUT, MONITOR_FEEDBACK_DIALOG, AdwWindow)

GtkWidget *rollout_monitor_feedback_dialog_new (GtkWidget       *source,
                                                RolloutDocument *document,
                                                RolloutFeedback *entry);

G_END_DECLS
