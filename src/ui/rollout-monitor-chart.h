/* rollout-monitor-chart.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-gates.h"
#include "rollout-metric-chart.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_MONITOR_CHART (rollout_monitor_chart_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorChart, rollout_monitor_chart, ROLLOUT, MONITOR_CHART, GtkWidget)

GtkWidget *rollout_monitor_chart_new      (void);
void       rollout_monitor_chart_set_data (RolloutMonitorChart     *self,
                                           RolloutMetric           *metric,
                                           RolloutPhase            *phase,
                                           const RolloutGateMetric *criterion,
                                           RolloutCriterionResult   result);
guint      rollout_monitor_chart_get_n_points (RolloutMonitorChart *self);
const RolloutMetricChart *
           rollout_monitor_chart_get_geometry (RolloutMonitorChart *self);
gboolean   rollout_monitor_chart_get_label_bounds (RolloutMonitorChart *self,
                                                   graphene_rect_t     *bounds);

G_END_DECLS
