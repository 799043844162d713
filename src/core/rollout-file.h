/* rollout-file.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-project.h"

G_BEGIN_DECLS

#define ROLLOUT_FILE_FORMAT  "rollout-project"
#define ROLLOUT_FILE_VERSION 1
/* Larger files are refused before they are read: a plan of 100,000 tasks is
 * about 40 MiB. */
#define ROLLOUT_FILE_MAX_SIZE (512 * 1024 * 1024)
#define ROLLOUT_FILE_MAX_DEPTH 64

#define ROLLOUT_FILE_ERROR (rollout_file_error_quark ())

typedef enum {
  ROLLOUT_FILE_ERROR_SYNTAX,        /* not JSON, not UTF-8, empty, too deep */
  ROLLOUT_FILE_ERROR_INVALID,       /* JSON, but not a valid plan */
  ROLLOUT_FILE_ERROR_NEWER_VERSION, /* written by a newer Rollout */
  ROLLOUT_FILE_ERROR_TOO_LARGE,
} RolloutFileError;

GQuark rollout_file_error_quark (void);

/**
 * RolloutDiagnostic:
 * @location: where, as a path into the document (`tasks[3].depends_on[0].task`),
 *   or %NULL when only @line is known
 * @line: 1-based line, or 0 when unknown
 * @column: 1-based column, or 0 when unknown
 * @message: what is wrong, in words
 *
 * One problem found in a plan.
 */
typedef struct {
  char *location;
  int   line;
  int   column;
  char *message;
} RolloutDiagnostic;

#define ROLLOUT_TYPE_DIAGNOSTIC (rollout_diagnostic_get_type ())

GType              rollout_diagnostic_get_type  (void) G_GNUC_CONST;
RolloutDiagnostic *rollout_diagnostic_new       (const char              *location,
                                                 int                      line,
                                                 int                      column,
                                                 const char              *message);
RolloutDiagnostic *rollout_diagnostic_copy      (const RolloutDiagnostic *diagnostic);
void               rollout_diagnostic_free      (RolloutDiagnostic       *diagnostic);
char              *rollout_diagnostic_to_string (const RolloutDiagnostic *diagnostic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutDiagnostic, rollout_diagnostic_free)

RolloutProject *rollout_file_read     (const char      *data,
                                       gsize            length,
                                       GPtrArray      **out_diagnostics,
                                       GError         **error);
RolloutProject *rollout_file_load     (GFile           *file,
                                       GCancellable    *cancellable,
                                       GPtrArray      **out_diagnostics,
                                       GError         **error);
char           *rollout_file_write    (RolloutProject  *project,
                                       gsize           *out_length);
/**
 * RolloutWriteCache:
 *
 * The text of each task of a plan as last written, so that writing the
 * plan again writes only what changed. See rollout_write_cache_snapshot().
 */
typedef struct _RolloutWriteCache RolloutWriteCache;

RolloutWriteCache *rollout_write_cache_new      (void);
void               rollout_write_cache_free     (RolloutWriteCache *cache);
GPtrArray         *rollout_write_cache_snapshot (RolloutWriteCache *cache,
                                                 RolloutProject    *project);
GBytes            *rollout_file_join            (GPtrArray         *pieces);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutWriteCache, rollout_write_cache_free)

gboolean        rollout_file_save     (RolloutProject  *project,
                                       GFile           *file,
                                       GCancellable    *cancellable,
                                       GError         **error);
gboolean        rollout_file_replace_contents (GFile        *file,
                                               const char   *contents,
                                               gsize         length,
                                               GCancellable *cancellable,
                                               GError      **error);

GPtrArray      *rollout_project_validate (RolloutProject *project);

G_END_DECLS
