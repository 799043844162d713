/* rollout-monitor-import-dialog.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-document.h"
#include "rollout-import-csv.h"

G_BEGIN_DECLS

/**
 * RolloutMonitorImportKind:
 * @ROLLOUT_MONITOR_IMPORT_METRICS: metric samples, `date,metric,phase,value`
 * @ROLLOUT_MONITOR_IMPORT_FEEDBACK: feedback, `date,phase,source,sentiment,tags,text`
 *
 * What a CSV file holds.
 */
typedef enum {
  ROLLOUT_MONITOR_IMPORT_METRICS,
  ROLLOUT_MONITOR_IMPORT_FEEDBACK,
} RolloutMonitorImportKind;

#define ROLLOUT_TYPE_MONITOR_IMPORT_DIALOG (rollout_monitor_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorImportDialog, rollout_monitor_import_dialog, ROLLOUT, MONITOR_IMPORT_DIALOG, AdwWindow)

GtkWidget        *rollout_monitor_import_dialog_new        (GtkWidget                   *source,
                                                            RolloutDocument             *document,
                                                            RolloutMonitorImportKind     kind,
                                                            GFile                       *file);
RolloutImportCsv *rollout_monitor_import_dialog_get_import (RolloutMonitorImportDialog  *self);
void              rollout_monitor_import_dialog_set_skip_bad_rows (RolloutMonitorImportDialog *self,
                                                                   gboolean                    skip);

G_END_DECLS
