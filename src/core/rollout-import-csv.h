/* rollout-import-csv.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-command.h"

G_BEGIN_DECLS

/**
 * RolloutImportCsvFlags:
 * @ROLLOUT_IMPORT_CSV_NONE: import nothing when any row is bad
 * @ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS: import the good rows and leave out the
 *   bad ones (a bad header still stops the import)
 *
 * How to import.
 */
typedef enum {
  ROLLOUT_IMPORT_CSV_NONE          = 0,
  ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS = 1 << 0,
} RolloutImportCsvFlags;

/**
 * RolloutImportProblem:
 * @line: the line of the file the row starts on (1 is the header)
 * @message: what is wrong with the row, in words
 *
 * A row that cannot be imported, or a problem with the whole file.
 */
typedef struct {
  guint  line;
  char  *message;
} RolloutImportProblem;

/**
 * RolloutImportSample:
 * @line: the row's line
 * @metric: the metric the sample is for
 * @sample: the sample
 *
 * A metric sample the import adds. The import keeps both alive.
 */
typedef struct {
  guint          line;
  RolloutMetric *metric;
  RolloutSample *sample;
} RolloutImportSample;

/**
 * RolloutImportFeedback:
 * @line: the row's line
 * @feedback: the new entry, with a new id
 *
 * A feedback entry the import adds.
 */
typedef struct {
  guint            line;
  RolloutFeedback *feedback;
} RolloutImportFeedback;

#define ROLLOUT_TYPE_IMPORT_CSV (rollout_import_csv_get_type ())

G_DECLARE_FINAL_TYPE (RolloutImportCsv, rollout_import_csv, ROLLOUT, IMPORT_CSV, GObject)

RolloutImportCsv *rollout_import_csv_metrics        (RolloutProject        *project,
                                                     const char            *data,
                                                     gsize                  length,
                                                     RolloutImportCsvFlags  flags);
RolloutImportCsv *rollout_import_csv_feedback       (RolloutProject        *project,
                                                     const char            *data,
                                                     gsize                  length,
                                                     RolloutImportCsvFlags  flags);

guint             rollout_import_csv_get_n_rows     (RolloutImportCsv      *self);
GPtrArray        *rollout_import_csv_get_problems   (RolloutImportCsv      *self);
gboolean          rollout_import_csv_get_header_ok  (RolloutImportCsv      *self);
GArray           *rollout_import_csv_get_samples    (RolloutImportCsv      *self);
GArray           *rollout_import_csv_get_feedback   (RolloutImportCsv      *self);
guint             rollout_import_csv_get_n_valid    (RolloutImportCsv      *self);
RolloutCommand   *rollout_import_csv_get_command    (RolloutImportCsv      *self);

G_END_DECLS
