/* rollout-document.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-project.h"
#include "rollout-scheduler.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_DOCUMENT (rollout_document_get_type ())

G_DECLARE_FINAL_TYPE (RolloutDocument, rollout_document, ROLLOUT, DOCUMENT, GObject)

RolloutDocument *rollout_document_new            (RolloutProject       *project,
                                                  GFile                *file);
RolloutDocument *rollout_document_new_empty      (void);
void             rollout_document_load_async     (GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
RolloutDocument *rollout_document_load_finish    (GAsyncResult         *result,
                                                  GPtrArray           **out_diagnostics,
                                                  GError              **error);
gboolean         rollout_document_save           (RolloutDocument      *self,
                                                  GFile                *file,
                                                  GError              **error);

RolloutProject  *rollout_document_get_project    (RolloutDocument      *self);
GFile           *rollout_document_get_file       (RolloutDocument      *self);
gboolean         rollout_document_get_dirty      (RolloutDocument      *self);
void             rollout_document_set_dirty      (RolloutDocument      *self,
                                                  gboolean              dirty);
char            *rollout_document_dup_title      (RolloutDocument      *self);
char            *rollout_document_dup_folder     (RolloutDocument      *self);
gboolean         rollout_document_get_schedule   (RolloutDocument      *self,
                                                  RolloutScheduleSummary *out_summary,
                                                  const GError        **out_error);

G_END_DECLS
