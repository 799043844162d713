/* rollout-monitor-sample-dialog.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_MONITOR_SAMPLE_DIALOG (rollout_monitor_sample_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorSampleDialog, rollout_monitor_sample_dialog, ROLLOUT, MONITOR_SAMPLE_DIALOG, AdwWindow)

GtkWidget *rollout_monitor_sample_dialog_new (GtkWidget       *source,
                                              RolloutDocument *document,
                                              RolloutMetric   *metric,
                                              int              index);

G_END_DECLS
