/* rollout-timeline-view.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"
#include "rollout-timeline-layout.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_TIMELINE_VIEW (rollout_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (RolloutTimelineView, rollout_timeline_view, ROLLOUT, TIMELINE_VIEW, GtkWidget)

GtkWidget           *rollout_timeline_view_new               (void);
RolloutDocument     *rollout_timeline_view_get_document      (RolloutTimelineView *self);
void                 rollout_timeline_view_set_document      (RolloutTimelineView *self,
                                                              RolloutDocument     *document);
RolloutProject      *rollout_timeline_view_get_project       (RolloutTimelineView *self);
gpointer             rollout_timeline_view_get_selected      (RolloutTimelineView *self);
void                 rollout_timeline_view_select            (RolloutTimelineView *self,
                                                              gpointer             object);
RolloutTimelineZoom  rollout_timeline_view_get_zoom          (RolloutTimelineView *self);
void                 rollout_timeline_view_set_zoom          (RolloutTimelineView *self,
                                                              RolloutTimelineZoom  zoom);
gboolean             rollout_timeline_view_get_show_critical (RolloutTimelineView *self);
void                 rollout_timeline_view_set_show_critical (RolloutTimelineView *self,
                                                              gboolean             show_critical);
void                 rollout_timeline_view_scroll_to_today   (RolloutTimelineView *self);

G_END_DECLS
