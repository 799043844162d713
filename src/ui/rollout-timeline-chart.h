/* rollout-timeline-chart.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-timeline-layout.h"

G_BEGIN_DECLS

/**
 * RolloutTimelineDrag:
 * @ROLLOUT_TIMELINE_DRAG_NONE: no drag
 * @ROLLOUT_TIMELINE_DRAG_MOVE: a bar is moved
 * @ROLLOUT_TIMELINE_DRAG_RESIZE: a bar's end is moved
 * @ROLLOUT_TIMELINE_DRAG_LINK: a dependency is drawn from a bar to another
 */
typedef enum {
  ROLLOUT_TIMELINE_DRAG_NONE,
  ROLLOUT_TIMELINE_DRAG_MOVE,
  ROLLOUT_TIMELINE_DRAG_RESIZE,
  ROLLOUT_TIMELINE_DRAG_LINK,
} RolloutTimelineDrag;

#define ROLLOUT_TYPE_TIMELINE_CHART (rollout_timeline_chart_get_type ())

G_DECLARE_FINAL_TYPE (RolloutTimelineChart, rollout_timeline_chart, ROLLOUT, TIMELINE_CHART, GtkWidget)

GtkWidget             *rollout_timeline_chart_new                    (void);
RolloutTimelineLayout *rollout_timeline_chart_get_layout             (RolloutTimelineChart  *self);
void                   rollout_timeline_chart_set_layout             (RolloutTimelineChart  *self,
                                                                      RolloutTimelineLayout *layout);
int                    rollout_timeline_chart_get_selected_row       (RolloutTimelineChart  *self);
void                   rollout_timeline_chart_set_selected_row       (RolloutTimelineChart  *self,
                                                                      int                    row);
gboolean               rollout_timeline_chart_get_highlight_critical (RolloutTimelineChart  *self);
void                   rollout_timeline_chart_set_highlight_critical (RolloutTimelineChart  *self,
                                                                      gboolean               highlight);
int                    rollout_timeline_chart_get_header_height      (RolloutTimelineChart  *self);
void                   rollout_timeline_chart_set_matches            (RolloutTimelineChart  *self,
                                                                      GHashTable            *matches);
gboolean               rollout_timeline_chart_begin_link             (RolloutTimelineChart  *self);
gboolean               rollout_timeline_chart_get_linking            (RolloutTimelineChart  *self);
int                    rollout_timeline_chart_get_link_target        (RolloutTimelineChart  *self);
const char            *rollout_timeline_chart_get_description        (RolloutTimelineChart  *self);

G_END_DECLS
