/* rollout-cache-search.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The cache's search index: what of a plan is searchable, and how what a
 * person types becomes a safe FTS5 query.
 *
 * Each searchable object is one row with two columns, a title (a name, a
 * risk's title, a checklist item, a feedback entry's text) and a body
 * (notes, descriptions, mitigations, regions, tags); bm25 weighs a match in
 * the title four times one in the body. Re-indexing a plan replaces all its
 * rows in one transaction, so a search, in this process or another, sees
 * the old rows or the new ones, never a mix.
 */

#define G_LOG_DOMAIN "rollout-cache"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rollout-cache-private.h"

static const char *kind_names[] = {
  [ROLLOUT_SEARCH_KIND_TASK] = "task",
  [ROLLOUT_SEARCH_KIND_CHECKLIST] = "checklist",
  [ROLLOUT_SEARCH_KIND_RISK] = "risk",
  [ROLLOUT_SEARCH_KIND_FEEDBACK] = "feedback",
  [ROLLOUT_SEARCH_KIND_PHASE] = "phase",
};


G_DEFINE_BOXED_TYPE (RolloutSearchHit, rollout_search_hit,
                     rollout_search_hit_copy, rollout_search_hit_free)

/**
 * rollout_search_hit_copy:
 * @hit: a search hit
 *
 * Returns: (transfer full): a copy of @hit
 */
RolloutSearchHit *
rollout_search_hit_copy (const RolloutSearchHit *hit)
{
  RolloutSearchHit *copy = g_memdup2 (hit, sizeof *hit);

  copy->location = g_strdup (hit->location);
  copy->project_name = g_strdup (hit->project_name);
  copy->object_id = g_strdup (hit->object_id);
  copy->snippet = g_strdup (hit->snippet);
  return copy;
}

/**
 * rollout_search_hit_free:
 * @hit: (nullable): a search hit
 *
 * Frees @hit.
 */
void
rollout_search_hit_free (RolloutSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->location);
  g_free (hit->project_name);
  g_free (hit->object_id);
  g_free (hit->snippet);
  g_free (hit);
}

/**
 * rollout_search_kind_to_string:
 * @kind: a kind of search hit
 *
 * Returns: the kind's name: "task", "checklist", "risk", "feedback" or
 *   "phase"
 */
const char *
rollout_search_kind_to_string (RolloutSearchKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

static RolloutSearchKind
kind_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      return i;
  return ROLLOUT_SEARCH_KIND_TASK;
}


/* Indexing ---------------------------------------------------------------- */

typedef struct {
  const char     *location;
  RolloutProject *project;
  guint64         size;
  gint64          mtime;
} IndexData;

static gboolean
add_entry (RolloutCache       *self,
           sqlite3_stmt       *insert,
           RolloutSearchKind   kind,
           const char         *object_id,
           int                 item,
           const char         *title,
           const char         *body,
           GError            **error)
{
  if ((title == NULL || *title == '\0') && (body == NULL || *body == '\0'))
    return TRUE;

  sqlite3_bind_text (insert, 2, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, object_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, item);
  sqlite3_bind_text (insert, 5, title != NULL ? title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, body != NULL ? body : "", -1, SQLITE_STATIC);
  return rollout_cache_run_statement (self, insert, N_("indexing"), error);
}

static gboolean
add_project_entries (RolloutCache    *self,
                     sqlite3_stmt    *insert,
                     RolloutProject  *project,
                     GError         **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GListModel *model;
  guint n;

  model = rollout_project_get_phases (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (model, i);
      const char * const *regions = rollout_phase_get_regions (phase);

      g_string_truncate (body, 0);
      rollout_cache_append_line (body, rollout_phase_get_description (phase));
      for (guint r = 0; regions != NULL && regions[r] != NULL; r++)
        rollout_cache_append_line (body, regions[r]);
      if (!add_entry (self, insert, ROLLOUT_SEARCH_KIND_PHASE, rollout_phase_get_id (phase), -1,
                      rollout_phase_get_name (phase), body->str, error))
        return FALSE;
    }

  model = rollout_project_get_tasks (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (model, i);
      const char *id = rollout_task_get_id (task);
      GPtrArray *checklist = rollout_task_get_checklist (task);

      if (!add_entry (self, insert, ROLLOUT_SEARCH_KIND_TASK, id, -1,
                      rollout_task_get_name (task), rollout_task_get_notes (task), error))
        return FALSE;
      for (guint c = 0; checklist != NULL && c < checklist->len; c++)
        {
          const RolloutChecklistItem *item = g_ptr_array_index (checklist, c);

          if (!add_entry (self, insert, ROLLOUT_SEARCH_KIND_CHECKLIST, id, (int) c,
                          item->text, NULL, error))
            return FALSE;
        }
    }

  model = rollout_project_get_risks (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutRisk) risk = g_list_model_get_item (model, i);

      g_string_truncate (body, 0);
      rollout_cache_append_line (body, rollout_risk_get_description (risk));
      rollout_cache_append_line (body, rollout_risk_get_mitigation (risk));
      rollout_cache_append_line (body, rollout_risk_get_contingency (risk));
      if (!add_entry (self, insert, ROLLOUT_SEARCH_KIND_RISK, rollout_risk_get_id (risk), -1,
                      rollout_risk_get_title (risk), body->str, error))
        return FALSE;
    }

  model = rollout_project_get_feedback (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutFeedback) feedback = g_list_model_get_item (model, i);
      const char * const *tags = rollout_feedback_get_tags (feedback);

      g_string_truncate (body, 0);
      for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
        rollout_cache_append_line (body, tags[t]);
      if (!add_entry (self, insert, ROLLOUT_SEARCH_KIND_FEEDBACK,
                      rollout_feedback_get_id (feedback), -1,
                      rollout_feedback_get_text (feedback), body->str, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
index_op (RolloutCache  *self,
          gpointer       user_data,
          GError       **error)
{
  IndexData *data = user_data;
  const char *name = rollout_project_get_name (data->project);
  sqlite3_stmt *stmt;
  gint64 project_id = 0;
  int rc;

  if (!rollout_cache_begin (self, error))
    return FALSE;

  if ((stmt = rollout_cache_get_statement (self, STMT_UPSERT_INDEXED, error)) == NULL)
    return rollout_cache_rollback (self);
  rollout_cache_bind_text (stmt, 1, data->location);
  rollout_cache_bind_text (stmt, 2, name != NULL ? name : "");
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) data->size);
  sqlite3_bind_int64 (stmt, 4, data->mtime);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      project_id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rollout_cache_set_db_error (self, error, rc, N_("indexing"));
      return rollout_cache_rollback (self);
    }

  /* The index forgets the old rows before the table loses them: an
   * external-content index is told what it held. */
  if ((stmt = rollout_cache_get_statement (self, STMT_UNINDEX_FTS, error)) == NULL)
    return rollout_cache_rollback (self);
  sqlite3_bind_int64 (stmt, 1, project_id);
  if (!rollout_cache_run_statement (self, stmt, N_("indexing"), error))
    return rollout_cache_rollback (self);
  if ((stmt = rollout_cache_get_statement (self, STMT_UNINDEX_ENTRIES, error)) == NULL)
    return rollout_cache_rollback (self);
  sqlite3_bind_int64 (stmt, 1, project_id);
  if (!rollout_cache_run_statement (self, stmt, N_("indexing"), error))
    return rollout_cache_rollback (self);

  if ((stmt = rollout_cache_get_statement (self, STMT_INSERT_ENTRY, error)) == NULL)
    return rollout_cache_rollback (self);
  sqlite3_bind_int64 (stmt, 1, project_id);
  if (!add_project_entries (self, stmt, data->project, error))
    {
      sqlite3_reset (stmt);
      return rollout_cache_rollback (self);
    }
  sqlite3_clear_bindings (stmt);

  if ((stmt = rollout_cache_get_statement (self, STMT_INDEX_FTS, error)) == NULL)
    return rollout_cache_rollback (self);
  sqlite3_bind_int64 (stmt, 1, project_id);
  if (!rollout_cache_run_statement (self, stmt, N_("indexing"), error))
    return rollout_cache_rollback (self);

  return rollout_cache_commit (self, error);
}

typedef struct {
  const char *location;
  guint64     size;
  gint64      mtime;
  gboolean    indexed;
} IsIndexedData;

static gboolean
is_indexed_op (RolloutCache  *self,
               gpointer       user_data,
               GError       **error)
{
  IsIndexedData *data = user_data;
  sqlite3_stmt *stmt = rollout_cache_get_statement (self, STMT_IS_INDEXED, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rollout_cache_bind_text (stmt, 1, data->location);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) data->size);
  sqlite3_bind_int64 (stmt, 3, data->mtime);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rollout_cache_set_db_error (self, error, rc, N_("lookup"));
      return FALSE;
    }
  data->indexed = rc == SQLITE_ROW;
  return TRUE;
}

/* Searching --------------------------------------------------------------- */

static gboolean
has_word_character (const char *term)
{
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
add_term (GPtrArray *terms,
          GString   *term)
{
  if (term->len > 0 && has_word_character (term->str))
    g_ptr_array_add (terms, g_strdup (term->str));
  g_string_truncate (term, 0);
}

/* Turns what a person typed into an FTS5 query that means "all these words,
 * the last one perhaps unfinished": each word becomes a quoted phrase (its
 * quotes doubled), the last one a prefix phrase. Words with nothing to
 * search for are dropped. Returns NULL when no word is left. */
static char *
build_match_query (const char *query)
{
  g_autofree char *valid = g_utf8_make_valid (query, -1);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) term = g_string_new (NULL);
  GString *match;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        add_term (terms, term);
      else
        g_string_append_unichar (term, c);
    }
  add_term (terms, term);
  if (terms->len == 0)
    return NULL;

  match = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      const char *t = g_ptr_array_index (terms, i);

      if (i > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *q = t; *q != '\0'; q++)
        {
          if (*q == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *q);
        }
      g_string_append_c (match, '"');
    }
  g_string_append_c (match, '*');
  return g_string_free (match, FALSE);
}

typedef struct {
  const char *match;
  const char *mark_open;
  const char *mark_close;
  guint       limit;
  GPtrArray  *hits;
} SearchData;

static gboolean
search_op (RolloutCache  *self,
           gpointer       user_data,
           GError       **error)
{
  SearchData *data = user_data;
  sqlite3_stmt *stmt = rollout_cache_get_statement (self, STMT_SEARCH, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_set_size (data->hits, 0);
  rollout_cache_bind_text (stmt, 1, data->match);
  rollout_cache_bind_text (stmt, 2, data->mark_open);
  rollout_cache_bind_text (stmt, 3, data->mark_close);
  sqlite3_bind_int64 (stmt, 4, data->limit > 0 ? (sqlite3_int64) data->limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RolloutSearchHit *hit = g_new0 (RolloutSearchHit, 1);

      hit->location = rollout_cache_column_strdup (stmt, 0);
      hit->project_name = rollout_cache_column_strdup (stmt, 1);
      hit->kind = kind_from_string ((const char *) sqlite3_column_text (stmt, 2));
      hit->object_id = rollout_cache_column_strdup (stmt, 3);
      hit->item = sqlite3_column_int (stmt, 4);
      hit->snippet = rollout_cache_column_strdup (stmt, 5);
      hit->score = sqlite3_column_double (stmt, 6);
      g_ptr_array_add (data->hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rollout_cache_set_db_error (self, error, rc, N_("search"));
      return FALSE;
    }
  return TRUE;
}

static void
mark_missing_hits (GPtrArray *hits)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < hits->len; i++)
    {
      RolloutSearchHit *hit = g_ptr_array_index (hits, i);
      gpointer known;

      if (!rollout_cache_location_is_local (hit->location))
        continue;
      if (!g_hash_table_lookup_extended (present, hit->location, NULL, &known))
        {
          known = GINT_TO_POINTER (g_file_test (hit->location, G_FILE_TEST_EXISTS));
          g_hash_table_insert (present, hit->location, known);
        }
      hit->missing = !GPOINTER_TO_INT (known);
    }
}

/**
 * rollout_cache_index_project:
 * @self: a #RolloutCache
 * @location: the plan's path or URI
 * @project: the plan as saved at @location
 * @size: the file's size in bytes (see rollout_cache_stat_location())
 * @mtime: the file's modification time in microseconds since the epoch
 * @error: return location for an error
 *
 * Makes @project searchable: its phases, tasks, checklist items, risks
 * and feedback replace whatever was indexed for @location before, in one
 * transaction. This may be called from any thread that owns @project, for
 * instance a worker that loaded its own copy of the file.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_cache_index_project (RolloutCache    *self,
                             const char      *location,
                             RolloutProject  *project,
                             guint64          size,
                             gint64           mtime,
                             GError         **error)
{
  g_autofree char *canonical = NULL;
  IndexData data;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), FALSE);
  g_return_val_if_fail (location != NULL && *location != '\0', FALSE);
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);

  canonical = rollout_cache_canonical_location (location);
  data = (IndexData) { canonical, project, size, mtime };
  return rollout_cache_run_op (self, index_op, &data, error);
}

/**
 * rollout_cache_is_indexed:
 * @self: a #RolloutCache
 * @location: a plan's path or URI
 * @size: the file's size now
 * @mtime: the file's modification time now
 *
 * Returns: %TRUE when @location was indexed with this very size and
 *   modification time, so indexing it again would change nothing
 */
gboolean
rollout_cache_is_indexed (RolloutCache *self,
                          const char   *location,
                          guint64       size,
                          gint64        mtime)
{
  g_autofree char *canonical = NULL;
  IsIndexedData data;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  canonical = rollout_cache_canonical_location (location);
  data = (IsIndexedData) { canonical, size, mtime, FALSE };
  return rollout_cache_run_op (self, is_indexed_op, &data, NULL) && data.indexed;
}

/**
 * rollout_cache_search:
 * @self: a #RolloutCache
 * @query: what the person typed: words that must all be found, the last
 *   one possibly unfinished; any text is safe
 * @mark_open: (nullable): put before each matching word in snippets
 * @mark_close: (nullable): put after it
 * @limit: the most hits to return, 0 for all
 * @error: return location for an error
 *
 * Searches every indexed plan, best match first (bm25; a match in a name
 * or title weighs more than one in notes). Hits in local files that are
 * gone since are marked @missing.
 *
 * Returns: (transfer full) (element-type RolloutSearchHit) (nullable): the
 *   hits, empty when @query has no word in it, or %NULL on error
 */
GPtrArray *
rollout_cache_search (RolloutCache  *self,
                      const char    *query,
                      const char    *mark_open,
                      const char    *mark_close,
                      guint          limit,
                      GError       **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *match = NULL;
  SearchData data;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_search_hit_free);
  match = build_match_query (query);
  if (match == NULL)
    return g_steal_pointer (&hits);

  data = (SearchData) { match, mark_open ? mark_open : "", mark_close ? mark_close : "", limit, hits };
  if (!rollout_cache_run_op (self, search_op, &data, error))
    return NULL;
  mark_missing_hits (hits);
  return g_steal_pointer (&hits);
}
