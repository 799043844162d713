/* rollout-monitor-metrics.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_MONITOR_METRICS (rollout_monitor_metrics_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorMetrics, rollout_monitor_metrics, ROLLOUT, MONITOR_METRICS, GtkWidget)

void           rollout_monitor_metrics_set_document     (RolloutMonitorMetrics *self,
                                                         RolloutDocument       *document);
void           rollout_monitor_metrics_refresh          (RolloutMonitorMetrics *self);
RolloutMetric *rollout_monitor_metrics_get_metric       (RolloutMonitorMetrics *self);
void           rollout_monitor_metrics_select_metric    (RolloutMonitorMetrics *self,
                                                         RolloutMetric         *metric);
int            rollout_monitor_metrics_get_selected_sample (RolloutMonitorMetrics *self);
void           rollout_monitor_metrics_select_sample    (RolloutMonitorMetrics *self,
                                                         guint                  index);

G_END_DECLS
