/* rollout-timeline-chart-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-timeline-chart.h"

G_BEGIN_DECLS

void     _rollout_timeline_chart_drag_begin          (RolloutTimelineChart *self,
                                                      double                x,
                                                      double                y);
void     _rollout_timeline_chart_drag_update         (RolloutTimelineChart *self,
                                                      double                dx,
                                                      double                dy);
void     _rollout_timeline_chart_drag_end            (RolloutTimelineChart *self,
                                                      double                dx,
                                                      double                dy);
gboolean _rollout_timeline_chart_get_autoscrolling   (RolloutTimelineChart *self);

G_END_DECLS
