/* rollout-import.h
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
 * RolloutImportFormat:
 * @ROLLOUT_IMPORT_FORMAT_UNKNOWN: not a plan format Rollout reads
 * @ROLLOUT_IMPORT_FORMAT_MSPDI: Microsoft Project XML (MSPDI)
 * @ROLLOUT_IMPORT_FORMAT_GANTTPROJECT: GanttProject (`.gan`)
 * @ROLLOUT_IMPORT_FORMAT_PLANNER: GNOME Planner (`.planner`)
 *
 * The formats of other planning tools that Rollout imports.
 */
typedef enum {
  ROLLOUT_IMPORT_FORMAT_UNKNOWN,
  ROLLOUT_IMPORT_FORMAT_MSPDI,
  ROLLOUT_IMPORT_FORMAT_GANTTPROJECT,
  ROLLOUT_IMPORT_FORMAT_PLANNER,
} RolloutImportFormat;

#define ROLLOUT_IMPORT_ERROR (rollout_import_error_quark ())

/**
 * RolloutImportError:
 * @ROLLOUT_IMPORT_ERROR_SYNTAX: not well-formed XML, or nested too deeply
 * @ROLLOUT_IMPORT_ERROR_UNKNOWN_FORMAT: XML, but not a format Rollout reads
 * @ROLLOUT_IMPORT_ERROR_INVALID: the right format, but the plan in it cannot
 *   come in (missing or repeated ids, cycles, absurd values)
 * @ROLLOUT_IMPORT_ERROR_TOO_LARGE: more data than an import accepts
 *
 * Why an import failed. Messages name the element and, where the parser
 * knows it, the line.
 */
typedef enum {
  ROLLOUT_IMPORT_ERROR_SYNTAX,
  ROLLOUT_IMPORT_ERROR_UNKNOWN_FORMAT,
  ROLLOUT_IMPORT_ERROR_INVALID,
  ROLLOUT_IMPORT_ERROR_TOO_LARGE,
} RolloutImportError;

/* Files larger than this are refused before they are read. */
#define ROLLOUT_IMPORT_MAX_SIZE ((goffset) 1024 * 1024 * 1024)
/* Deeper element nesting is refused. */
#define ROLLOUT_IMPORT_MAX_DEPTH 256
/* More tasks (or resources) than this are refused. */
#define ROLLOUT_IMPORT_MAX_TASKS 250000

GQuark rollout_import_error_quark (void);

#define ROLLOUT_TYPE_IMPORT_REPORT (rollout_import_report_get_type ())

G_DECLARE_FINAL_TYPE (RolloutImportReport, rollout_import_report, ROLLOUT, IMPORT_REPORT, GObject)

RolloutImportFormat  rollout_import_report_get_format           (RolloutImportReport *self);
const char          *rollout_import_report_get_summary          (RolloutImportReport *self);
GPtrArray           *rollout_import_report_get_notes            (RolloutImportReport *self);
GPtrArray           *rollout_import_report_get_warnings         (RolloutImportReport *self);
guint                rollout_import_report_get_dates_compared   (RolloutImportReport *self);
guint                rollout_import_report_get_dates_matching   (RolloutImportReport *self);
GPtrArray           *rollout_import_report_get_date_differences (RolloutImportReport *self);
char                *rollout_import_report_format_comparison    (RolloutImportReport *self);
char                *rollout_import_report_to_string            (RolloutImportReport *self);

const char          *rollout_import_format_get_name    (RolloutImportFormat  format);
RolloutImportFormat  rollout_import_detect_format      (const char          *data,
                                                        gsize                length);

RolloutProject      *rollout_import_read               (const char           *data,
                                                        gsize                 length,
                                                        const char           *filename,
                                                        RolloutImportReport **out_report,
                                                        GError              **error);
RolloutProject      *rollout_import_load               (GFile                *file,
                                                        GCancellable         *cancellable,
                                                        RolloutImportReport **out_report,
                                                        GError              **error);
void                 rollout_import_load_async         (GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
RolloutProject      *rollout_import_load_finish        (GAsyncResult         *result,
                                                        RolloutImportReport **out_report,
                                                        GError              **error);

G_END_DECLS
