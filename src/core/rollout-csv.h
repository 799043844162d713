/* rollout-csv.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROLLOUT_CSV_ERROR (rollout_csv_error_quark ())

/**
 * RolloutCsvError:
 * @ROLLOUT_CSV_ERROR_ENCODING: the record is not UTF-8 text (or the whole
 *   file is UTF-16)
 * @ROLLOUT_CSV_ERROR_QUOTE: a double quote inside an unquoted field, or text
 *   after a quoted field's closing quote
 * @ROLLOUT_CSV_ERROR_UNTERMINATED: a quoted field that is never closed
 *
 * Why a record could not be read.
 */
typedef enum {
  ROLLOUT_CSV_ERROR_ENCODING,
  ROLLOUT_CSV_ERROR_QUOTE,
  ROLLOUT_CSV_ERROR_UNTERMINATED,
} RolloutCsvError;

GQuark rollout_csv_error_quark (void);

typedef struct _RolloutCsvReader RolloutCsvReader;

RolloutCsvReader *rollout_csv_reader_new          (const char        *data,
                                                   gsize              length);
void              rollout_csv_reader_free         (RolloutCsvReader  *self);
void              rollout_csv_reader_set_trim     (RolloutCsvReader  *self,
                                                   gboolean           trim);
gboolean          rollout_csv_reader_next         (RolloutCsvReader  *self,
                                                   GError           **error);
guint             rollout_csv_reader_get_line     (RolloutCsvReader  *self);
guint             rollout_csv_reader_get_n_fields (RolloutCsvReader  *self);
const char       *rollout_csv_reader_get_field    (RolloutCsvReader  *self,
                                                   guint              index);
gsize             rollout_csv_reader_get_offset   (RolloutCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutCsvReader, rollout_csv_reader_free)

G_END_DECLS
