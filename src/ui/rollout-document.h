/* rollout-document.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-cache.h"
#include "rollout-history.h"
#include "rollout-merge.h"
#include "rollout-project.h"
#include "rollout-scheduler.h"

G_BEGIN_DECLS

/**
 * RolloutDiskState:
 * @ROLLOUT_DISK_STATE_SAME: the file is as it was read or last saved
 * @ROLLOUT_DISK_STATE_CHANGED: someone else changed the file since
 * @ROLLOUT_DISK_STATE_DELETED: the file is gone, deleted or moved away
 *
 * How the plan's file on disk compares with what this document read or
 * wrote last.
 */
typedef enum {
  ROLLOUT_DISK_STATE_SAME,
  ROLLOUT_DISK_STATE_CHANGED,
  ROLLOUT_DISK_STATE_DELETED,
} RolloutDiskState;

#define ROLLOUT_TYPE_DOCUMENT (rollout_document_get_type ())

G_DECLARE_FINAL_TYPE (RolloutDocument, rollout_document, ROLLOUT, DOCUMENT, GObject)

RolloutDocument  *rollout_document_new              (RolloutProject          *project,
                                                     GFile                   *file);
RolloutDocument  *rollout_document_new_empty        (void);
RolloutDocument  *rollout_document_new_from_draft   (RolloutCache            *cache,
                                                     const RolloutDraft      *draft,
                                                     GError                 **error);
void              rollout_document_load_async       (GFile                   *file,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
RolloutDocument  *rollout_document_load_finish      (GAsyncResult            *result,
                                                     GPtrArray              **out_diagnostics,
                                                     GError                 **error);
gboolean          rollout_document_save             (RolloutDocument         *self,
                                                     GFile                   *file,
                                                     GError                 **error);

RolloutProject   *rollout_document_get_project      (RolloutDocument         *self);
RolloutHistory   *rollout_document_get_history      (RolloutDocument         *self);
GFile            *rollout_document_get_file         (RolloutDocument         *self);
gboolean          rollout_document_get_modified     (RolloutDocument         *self);
gboolean          rollout_document_execute          (RolloutDocument         *self,
                                                     RolloutCommand          *command,
                                                     GError                 **error);
char             *rollout_document_dup_title        (RolloutDocument         *self);
char             *rollout_document_dup_folder       (RolloutDocument         *self);
char             *rollout_document_dup_location     (RolloutDocument         *self);
gboolean          rollout_document_get_schedule     (RolloutDocument         *self,
                                                     RolloutScheduleSummary  *out_summary,
                                                     const GError           **out_error);

void              rollout_document_set_cache        (RolloutDocument         *self,
                                                     RolloutCache            *cache);
void              rollout_document_store_draft      (RolloutDocument         *self);
const char       *rollout_document_get_draft_key    (RolloutDocument         *self);
void              rollout_document_discard_draft    (RolloutDocument         *self);

RolloutDiskState  rollout_document_get_disk_state   (RolloutDocument         *self);

guint             rollout_document_get_n_conflicts  (RolloutDocument         *self);
GPtrArray        *rollout_document_dup_conflicts    (RolloutDocument         *self);
gboolean          rollout_document_resolve_conflicts (RolloutDocument        *self,
                                                     GPtrArray               *conflicts,
                                                     RolloutMergeSide         side,
                                                     GPtrArray              **out_refused,
                                                     GError                 **error);
void              rollout_document_merge_async      (RolloutDocument         *self,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
gboolean          rollout_document_merge_finish     (RolloutDocument         *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

G_END_DECLS
