/* rollout-export.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-project.h"

G_BEGIN_DECLS

/**
 * RolloutExportCsvTable:
 * @ROLLOUT_EXPORT_CSV_TASKS: one row per task, with its scheduled dates
 * @ROLLOUT_EXPORT_CSV_RISKS: one row per risk, with its score
 * @ROLLOUT_EXPORT_CSV_FEEDBACK: one row per feedback entry
 *
 * What a CSV export lists.
 */
typedef enum {
  ROLLOUT_EXPORT_CSV_TASKS,
  ROLLOUT_EXPORT_CSV_RISKS,
  ROLLOUT_EXPORT_CSV_FEEDBACK,
} RolloutExportCsvTable;

/* The MSPDI extended attributes that carry Rollout's own values, so that a
 * plan exported and imported again keeps its ids. */
#define ROLLOUT_MSPDI_ID_ALIAS     "Rollout ID"
#define ROLLOUT_MSPDI_STATUS_ALIAS "Rollout status"

char *rollout_export_ics   (RolloutProject         *project,
                            GDateTime              *stamp,
                            gsize                  *out_length,
                            GError                **error);
char *rollout_export_csv   (RolloutProject         *project,
                            RolloutExportCsvTable   table,
                            gsize                  *out_length,
                            GError                **error);
char *rollout_export_mspdi (RolloutProject         *project,
                            gsize                  *out_length,
                            GError                **error);

G_END_DECLS
