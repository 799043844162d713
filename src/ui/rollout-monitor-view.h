/* rollout-monitor-view.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"
#include "rollout-monitor-card.h"
#include "rollout-monitor-import-dialog.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_MONITOR_VIEW (rollout_monitor_view_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorView, rollout_monitor_view, ROLLOUT, MONITOR_VIEW, GtkWidget)

GtkWidget          *rollout_monitor_view_new          (void);
RolloutDocument    *rollout_monitor_view_get_document (RolloutMonitorView       *self);
void                rollout_monitor_view_set_document (RolloutMonitorView       *self,
                                                       RolloutDocument          *document);
RolloutMonitorCard *rollout_monitor_view_get_card     (RolloutMonitorView       *self,
                                                       RolloutPhase             *phase);
void                rollout_monitor_view_show_page    (RolloutMonitorView       *self,
                                                       const char               *name);
GtkWidget          *rollout_monitor_view_import_csv   (RolloutMonitorView       *self,
                                                       RolloutMonitorImportKind  kind,
                                                       GFile                    *file);

G_END_DECLS
