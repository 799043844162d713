/* rollout-monitor-feedback.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_MONITOR_FEEDBACK (rollout_monitor_feedback_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorFeedback, rollout_monitor_feedback, ROLLOUT, MONITOR_FEEDBACK, GtkWidget)

void             rollout_monitor_feedback_set_document (RolloutMonitorFeedback *self,
                                                        RolloutDocument        *document);
void             rollout_monitor_feedback_refresh      (RolloutMonitorFeedback *self);
RolloutFeedback *rollout_monitor_feedback_get_selected (RolloutMonitorFeedback *self);
void             rollout_monitor_feedback_select       (RolloutMonitorFeedback *self,
                                                        RolloutFeedback        *entry);
GListModel      *rollout_monitor_feedback_get_shown    (RolloutMonitorFeedback *self);
void             rollout_monitor_feedback_set_phase_filter     (RolloutMonitorFeedback *self,
                                                                RolloutPhase           *phase);
void             rollout_monitor_feedback_set_sentiment_filter (RolloutMonitorFeedback *self,
                                                                int                     sentiment);

G_END_DECLS
