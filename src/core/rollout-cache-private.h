/* rollout-cache-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rollout-cache.h"

G_BEGIN_DECLS

/* Every statement the cache runs, prepared once per connection; their SQL
 * is in rollout-cache.c, beside the schema. */
typedef enum {
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_USER_VERSION,
  STMT_UPSERT_INDEXED,
  STMT_UNINDEX_FTS,
  STMT_UNINDEX_ENTRIES,
  STMT_INSERT_ENTRY,
  STMT_INDEX_FTS,
  STMT_IS_INDEXED,
  STMT_SEARCH,
  STMT_RECORD_OPENED,
  STMT_LIST_RECENTS,
  STMT_REMOVE_RECENT,
  STMT_DROP_UNUSED_PROJECT,
  STMT_STORE_DRAFT,
  STMT_LOAD_DRAFT,
  STMT_DELETE_DRAFT,
  STMT_LIST_DRAFTS,
  N_STATEMENTS
} CacheStatement;

/* An operation on the database, run by rollout_cache_run_op(). */
typedef gboolean (*CacheOp) (RolloutCache  *self,
                             gpointer       data,
                             GError       **error);

char         *rollout_cache_canonical_location (const char    *location);
gboolean      rollout_cache_location_is_local  (const char    *location);
void          rollout_cache_append_line        (GString       *text,
                                                const char    *line);

gboolean      rollout_cache_run_op             (RolloutCache  *self,
                                                CacheOp        op,
                                                gpointer       data,
                                                GError       **error);
sqlite3_stmt *rollout_cache_get_statement      (RolloutCache  *self,
                                                CacheStatement which,
                                                GError       **error);
gboolean      rollout_cache_run_statement      (RolloutCache  *self,
                                                sqlite3_stmt  *stmt,
                                                const char    *what,
                                                GError       **error);
void          rollout_cache_set_db_error       (RolloutCache  *self,
                                                GError       **error,
                                                int            rc,
                                                const char    *what);
gboolean      rollout_cache_begin              (RolloutCache  *self,
                                                GError       **error);
gboolean      rollout_cache_commit             (RolloutCache  *self,
                                                GError       **error);
gboolean      rollout_cache_rollback           (RolloutCache  *self);
void          rollout_cache_bind_text          (sqlite3_stmt  *stmt,
                                                int            index,
                                                const char    *text);
char         *rollout_cache_column_strdup      (sqlite3_stmt  *stmt,
                                                int            column);

G_END_DECLS
