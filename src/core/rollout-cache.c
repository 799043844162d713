/* rollout-cache.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The local cache: recent projects with their summaries, a full-text index
 * of every plan opened or indexed, and autosaved drafts.
 *
 * The cache is never the only copy of anything saved, so it may always be
 * thrown away. That decides how faults are handled: a database that SQLite
 * finds damaged (SQLITE_CORRUPT, SQLITE_NOTADB — garbage, a truncated file)
 * or that a newer Rollout made (a PRAGMA user_version we do not know) is
 * moved aside with a warning and rebuilt empty, at open or on the first
 * statement that fails, and the failed operation is tried once more on the
 * new database. A folder that cannot be created or written makes
 * rollout_cache_open() fail with ROLLOUT_CACHE_ERROR_UNAVAILABLE, and
 * callers go on without a cache.
 *
 * Several processes may use the file at once (two windows, rollout-cli):
 * WAL mode lets readers run beside one writer, every write is one
 * BEGIN IMMEDIATE transaction, and a busy timeout makes a writer wait for
 * another instead of failing. Inside a process one connection is shared,
 * serialized by a mutex, so every function may be called from any thread.
 *
 * Search rows live in an ordinary STRICT table (entries) that an
 * external-content FTS5 table indexes (rollout-cache-search.c). User text
 * only ever reaches SQL as a bound parameter; a search query is rewritten
 * into quoted FTS5 phrases first, so no input is read as query syntax.
 */

#define G_LOG_DOMAIN "rollout-cache"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rollout-cache-private.h"

#define BUSY_TIMEOUT_MS 5000
#define JOURNAL_SIZE_LIMIT 16777216 /* bytes the log keeps between writes */
#define UNTITLED_PREFIX "untitled:"
#define SNIPPET_TOKENS 12

/* Schema migrations: migrations[i] takes the database from version i to
 * version i + 1. Version 0 is an empty database. */
static const char *migrations[ROLLOUT_CACHE_SCHEMA_VERSION] = {
  "CREATE TABLE projects ("
  "  id INTEGER PRIMARY KEY,"
  "  location TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  last_opened INTEGER,"                /* NULL: indexed, never opened */
  "  size INTEGER NOT NULL DEFAULT 0,"
  "  mtime INTEGER NOT NULL DEFAULT 0,"
  "  indexed_size INTEGER,"               /* NULL: not indexed */
  "  indexed_mtime INTEGER,"
  "  n_phases INTEGER NOT NULL DEFAULT 0,"
  "  n_tasks INTEGER NOT NULL DEFAULT 0,"
  "  n_milestones INTEGER NOT NULL DEFAULT 0,"
  "  n_done INTEGER NOT NULL DEFAULT 0,"
  "  n_risks INTEGER NOT NULL DEFAULT 0,"
  "  n_feedback INTEGER NOT NULL DEFAULT 0,"
  "  current_phase TEXT,"
  "  current_phase_status TEXT,"
  "  next_milestone TEXT,"
  "  next_milestone_date INTEGER NOT NULL DEFAULT 0,"
  "  n_overdue_milestones INTEGER NOT NULL DEFAULT 0,"
  "  n_open_high_risks INTEGER NOT NULL DEFAULT 0,"
  "  finish INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE INDEX projects_by_last_opened ON projects (last_opened)"
  "  WHERE last_opened IS NOT NULL;"
  "CREATE TABLE entries ("
  "  id INTEGER PRIMARY KEY,"
  "  project INTEGER NOT NULL REFERENCES projects (id),"
  "  kind TEXT NOT NULL,"
  "  object_id TEXT NOT NULL,"
  "  item INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX entries_by_project ON entries (project);"
  "CREATE VIRTUAL TABLE search USING fts5 ("
  "  title, body, content = 'entries', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  /* A match in a name or title counts four times one in longer text. */
  "INSERT INTO search (search, rank) VALUES ('rank', 'bm25(4.0, 1.0)');"
  "CREATE TABLE drafts ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  location TEXT,"
  "  name TEXT NOT NULL,"
  "  time INTEGER NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  contents BLOB NOT NULL"
  ") STRICT;",
};

static const char *statement_sql[N_STATEMENTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_USER_VERSION] = "PRAGMA user_version",
  [STMT_UPSERT_INDEXED] =
    "INSERT INTO projects (location, name, indexed_size, indexed_mtime)"
    " VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (location) DO UPDATE SET name = excluded.name,"
    "   indexed_size = excluded.indexed_size, indexed_mtime = excluded.indexed_mtime"
    " RETURNING id",
  [STMT_UNINDEX_FTS] =
    "INSERT INTO search (search, rowid, title, body)"
    " SELECT 'delete', id, title, body FROM entries WHERE project = ?1",
  [STMT_UNINDEX_ENTRIES] = "DELETE FROM entries WHERE project = ?1",
  [STMT_INSERT_ENTRY] =
    "INSERT INTO entries (project, kind, object_id, item, title, body)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_INDEX_FTS] =
    "INSERT INTO search (rowid, title, body)"
    " SELECT id, title, body FROM entries WHERE project = ?1",
  [STMT_IS_INDEXED] =
    "SELECT 1 FROM projects WHERE location = ?1 AND indexed_size = ?2 AND indexed_mtime = ?3",
  [STMT_SEARCH] =
    "SELECT p.location, p.name, e.kind, e.object_id, e.item,"
    "   snippet (search, -1, ?2, ?3, '…', " G_STRINGIFY (SNIPPET_TOKENS) "), search.rank"
    " FROM search"
    " JOIN entries AS e ON e.id = search.rowid"
    " JOIN projects AS p ON p.id = e.project"
    " WHERE search MATCH ?1"
    " ORDER BY search.rank"
    " LIMIT ?4",
  [STMT_RECORD_OPENED] =
    "INSERT INTO projects (location, name, last_opened, size, mtime,"
    "   n_phases, n_tasks, n_milestones, n_done, n_risks, n_feedback,"
    "   current_phase, current_phase_status, next_milestone, next_milestone_date,"
    "   n_overdue_milestones, n_open_high_risks, finish)"
    /* Strictly later than any other, so the order is the order of opening
     * even when the clock steps back or two calls share a microsecond. */
    " VALUES (?1, ?2, max (?3, (SELECT coalesce (max (last_opened), 0) + 1 FROM projects)),"
    "   ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
    " ON CONFLICT (location) DO UPDATE SET name = excluded.name,"
    "   last_opened = excluded.last_opened, size = excluded.size, mtime = excluded.mtime,"
    "   n_phases = excluded.n_phases, n_tasks = excluded.n_tasks,"
    "   n_milestones = excluded.n_milestones, n_done = excluded.n_done,"
    "   n_risks = excluded.n_risks, n_feedback = excluded.n_feedback,"
    "   current_phase = excluded.current_phase,"
    "   current_phase_status = excluded.current_phase_status,"
    "   next_milestone = excluded.next_milestone,"
    "   next_milestone_date = excluded.next_milestone_date,"
    "   n_overdue_milestones = excluded.n_overdue_milestones,"
    "   n_open_high_risks = excluded.n_open_high_risks, finish = excluded.finish",
  [STMT_LIST_RECENTS] =
    "SELECT location, name, last_opened, size, mtime,"
    "   n_phases, n_tasks, n_milestones, n_done, n_risks, n_feedback,"
    "   current_phase, current_phase_status, next_milestone, next_milestone_date,"
    "   n_overdue_milestones, n_open_high_risks, finish"
    " FROM projects WHERE last_opened IS NOT NULL ORDER BY last_opened DESC",
  [STMT_REMOVE_RECENT] = "UPDATE projects SET last_opened = NULL WHERE location = ?1",
  [STMT_DROP_UNUSED_PROJECT] =
    "DELETE FROM projects"
    " WHERE location = ?1 AND last_opened IS NULL AND indexed_size IS NULL",
  [STMT_STORE_DRAFT] =
    "INSERT INTO drafts (key, location, name, time, size, contents)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (key) DO UPDATE SET location = excluded.location, name = excluded.name,"
    "   time = excluded.time, size = excluded.size, contents = excluded.contents"
    /* Stores finishing out of order never put an older draft back. */
    " WHERE excluded.time >= drafts.time",
  [STMT_LOAD_DRAFT] = "SELECT contents, time FROM drafts WHERE key = ?1",
  [STMT_DELETE_DRAFT] = "DELETE FROM drafts WHERE key = ?1",
  [STMT_LIST_DRAFTS] = "SELECT key, location, name, time, size FROM drafts ORDER BY time DESC",
};

struct _RolloutCache
{
  GObject       parent_instance;

  GMutex        mutex;
  char         *dir;
  char         *path;
  sqlite3      *db;
  sqlite3_stmt *statements[N_STATEMENTS];
  /* The last failure was SQLITE_CORRUPT or SQLITE_NOTADB. */
  gboolean      damaged;
};

G_DEFINE_FINAL_TYPE (RolloutCache, rollout_cache, G_TYPE_OBJECT)

G_DEFINE_QUARK (rollout-cache-error-quark, rollout_cache_error)

G_DEFINE_BOXED_TYPE (RolloutRecentProject, rollout_recent_project,
                     rollout_recent_project_copy, rollout_recent_project_free)
G_DEFINE_BOXED_TYPE (RolloutDraft, rollout_draft,
                     rollout_draft_copy, rollout_draft_free)

/* Locations --------------------------------------------------------------- */

static GFile *
file_for_location (const char *location)
{
  if (g_uri_peek_scheme (location) != NULL)
    return g_file_new_for_uri (location);
  return g_file_new_for_path (location);
}

/* One spelling per file: an absolute, tidied path for local files (so
 * "plan.rollout", "./plan.rollout" and "file:///…/plan.rollout" are one
 * project), else the URI. */
char *
rollout_cache_canonical_location (const char *location)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_has_prefix (location, UNTITLED_PREFIX))
    return g_strdup (location);
  file = file_for_location (location);
  if (g_file_is_native (file))
    {
      char *path = g_file_get_path (file);

      if (path != NULL)
        return path;
    }
  return g_file_get_uri (file);
}

/* Only local files are checked: asking a remote server could block for
 * long, and an unmounted share is not a deleted file. */
gboolean
rollout_cache_location_is_local (const char *location)
{
  return g_path_is_absolute (location);
}

/* Error handling ---------------------------------------------------------- */

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

void
rollout_cache_set_db_error (RolloutCache  *self,
                            GError       **error,
                            int            rc,
                            const char    *what)
{
  int primary = rc & 0xff;
  RolloutCacheError code = ROLLOUT_CACHE_ERROR_FAILED;
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if (is_damage (rc))
    self->damaged = TRUE;
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_PERM
      || primary == SQLITE_AUTH)
    code = ROLLOUT_CACHE_ERROR_UNAVAILABLE;
  /* Translators: the first %s is what was being done ("indexing", "search"),
   * the second SQLite's message. */
  g_set_error (error, ROLLOUT_CACHE_ERROR, code, _("Cache %s failed: %s"), _(what), message);
}

void
rollout_cache_append_line (GString    *text,
                           const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* Statements -------------------------------------------------------------- */

/* Returns the prepared statement, reset and with no bindings. */
sqlite3_stmt *
rollout_cache_get_statement (RolloutCache  *self,
                             CacheStatement which,
                             GError       **error)
{
  sqlite3_stmt *stmt = self->statements[which];

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, statement_sql[which], -1,
                                   SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          rollout_cache_set_db_error (self, error, rc, N_("query"));
          return NULL;
        }
      self->statements[which] = stmt;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/* Runs a statement that returns no rows. */
gboolean
rollout_cache_run_statement (RolloutCache  *self,
                             sqlite3_stmt  *stmt,
                             const char    *what,
                             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rollout_cache_set_db_error (self, error, rc, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_simple (RolloutCache  *self,
            CacheStatement      which,
            const char    *what,
            GError       **error)
{
  sqlite3_stmt *stmt = rollout_cache_get_statement (self, which, error);

  return stmt != NULL && rollout_cache_run_statement (self, stmt, what, error);
}

void
rollout_cache_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

char *
rollout_cache_column_strdup (sqlite3_stmt *stmt,
                             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
rollout_cache_begin (RolloutCache  *self,
                     GError       **error)
{
  return run_simple (self, STMT_BEGIN, N_("transaction"), error);
}

gboolean
rollout_cache_commit (RolloutCache  *self,
                      GError       **error)
{
  if (run_simple (self, STMT_COMMIT, N_("commit"), error))
    return TRUE;
  if (!sqlite3_get_autocommit (self->db))
    run_simple (self, STMT_ROLLBACK, N_("rollback"), NULL);
  return FALSE;
}

gboolean
rollout_cache_rollback (RolloutCache *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    run_simple (self, STMT_ROLLBACK, N_("rollback"), NULL);
  return FALSE;
}

/* Opening, migrating and rebuilding --------------------------------------- */

static void
close_database (RolloutCache *self)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
}

static gboolean
exec_sql (RolloutCache  *self,
          const char    *sql,
          const char    *what,
          GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rollout_cache_set_db_error (self, error, rc, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (RolloutCache  *self,
                   int           *out_version,
                   GError       **error)
{
  sqlite3_stmt *stmt = rollout_cache_get_statement (self, STMT_USER_VERSION, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      rollout_cache_set_db_error (self, error, rc, N_("version check"));
      return FALSE;
    }
  return TRUE;
}

/* Switching to WAL needs a moment alone with the file; a process that opens
 * the cache at the same time as another may find it taken, and SQLite does
 * not always wait for it by itself. */
static gboolean
enable_wal (RolloutCache  *self,
            GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * 1000;
  int rc;

  for (;;)
    {
      rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      if (g_get_monotonic_time () > deadline)
        break;
      g_usleep (10 * 1000);
    }
  if (rc != SQLITE_OK)
    {
      rollout_cache_set_db_error (self, error, rc, N_("setup"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (RolloutCache  *self,
         GError       **error)
{
  int version = 0;

  /* Read the version inside the write transaction: another process may
   * have created the schema while this one waited for the lock. */
  if (!rollout_cache_begin (self, error))
    return FALSE;
  if (!read_user_version (self, &version, error))
    return rollout_cache_rollback (self);

  for (int v = version; v < ROLLOUT_CACHE_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!exec_sql (self, migrations[v], N_("schema update"), error)
          || !exec_sql (self, set_version, N_("schema update"), error))
        return rollout_cache_rollback (self);
    }
  return rollout_cache_commit (self, error);
}

typedef enum {
  OPEN_OK,
  OPEN_FAILED,  /* @error says why */
  OPEN_DAMAGED, /* @error says why */
  OPEN_NEWER,
} OpenResult;

static OpenResult
open_database (RolloutCache  *self,
               int           *out_version,
               GError       **error)
{
  int version = 0;
  int rc;

  self->damaged = FALSE;
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE,
                   _("Cannot open the cache “%s”: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return OPEN_FAILED;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Reading the version reads the file's header first: garbage and
   * truncated files are found here. */
  if (!read_user_version (self, &version, error))
    return self->damaged ? OPEN_DAMAGED : OPEN_FAILED;
  *out_version = version;
  if (version > ROLLOUT_CACHE_SCHEMA_VERSION)
    return OPEN_NEWER;

  if (!enable_wal (self, error)
      || !exec_sql (self,
                    /* FULL: a draft must survive a power cut once stored. */
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA journal_size_limit = " G_STRINGIFY (JOURNAL_SIZE_LIMIT) ";",
                    N_("setup"), error))
    return self->damaged ? OPEN_DAMAGED : OPEN_FAILED;

  if (version < ROLLOUT_CACHE_SCHEMA_VERSION && !migrate (self, error))
    return self->damaged ? OPEN_DAMAGED : OPEN_FAILED;

  /* Reading every table's definition finds a damaged schema now rather
   * than in the middle of some later operation. */
  if (!exec_sql (self, "SELECT count(*) FROM sqlite_schema", N_("check"), error))
    return self->damaged ? OPEN_DAMAGED : OPEN_FAILED;

  return OPEN_OK;
}

static gboolean
move_aside (RolloutCache  *self,
            const char    *tag,
            const char    *why,
            GError       **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *aside = g_strdup_printf ("%s.%s-%" G_GINT64_FORMAT, self->path, tag, now);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *aside_wal = NULL;

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.%s-%" G_GINT64_FORMAT "-%u", self->path, tag, now, n);
    }

  close_database (self);
  if (g_rename (self->path, aside) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE,
                   _("Cannot move the unusable cache “%s” aside: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }
  /* The log belongs to the old file: a new database must not replay it. */
  aside_wal = g_strconcat (aside, "-wal", NULL);
  if (g_rename (wal, aside_wal) != 0 && errno != ENOENT)
    g_unlink (wal);
  g_unlink (shm);

  g_warning ("The cache %s %s; it was moved to %s and is rebuilt empty",
             self->path, why, aside);
  return TRUE;
}

/* Opens the cache, rebuilding it once when it is unusable. */
static gboolean
open_or_rebuild (RolloutCache  *self,
                 GError       **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *why = NULL;
      int version = 0;
      OpenResult result = open_database (self, &version, &local_error);

      if (result == OPEN_OK)
        return TRUE;
      if (result == OPEN_FAILED || attempt > 0)
        {
          close_database (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          if (error != NULL && *error == NULL)
            g_set_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE,
                         _("Cannot use the cache “%s”"), self->path);
          return FALSE;
        }

      if (result == OPEN_NEWER)
        why = g_strdup_printf ("was made by a newer Rollout (schema version %d, this one knows %d)",
                               version, ROLLOUT_CACHE_SCHEMA_VERSION);
      else
        why = g_strdup_printf ("is damaged (%s)", local_error->message);
      if (!move_aside (self, result == OPEN_NEWER ? "newer" : "corrupt", why, error))
        return FALSE;
    }
}

/* Runs @op under the lock; when it fails because the database is damaged,
 * rebuilds the database and runs @op once more. */
gboolean
rollout_cache_run_op (RolloutCache  *self,
                      CacheOp        op,
                      gpointer       data,
                      GError       **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(GError) local_error = NULL;

  if (self->db == NULL && !open_or_rebuild (self, error))
    return FALSE;

  self->damaged = FALSE;
  if (op (self, data, &local_error))
    return TRUE;
  if (!self->damaged)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    g_autofree char *why = g_strdup_printf ("is damaged (%s)", local_error->message);

    if (!move_aside (self, "corrupt", why, error) || !open_or_rebuild (self, error))
      return FALSE;
  }
  return op (self, data, error);
}

/* Records ----------------------------------------------------------------- */

/**
 * rollout_recent_project_copy:
 * @recent: a recent project
 *
 * Returns: (transfer full): a copy of @recent
 */
RolloutRecentProject *
rollout_recent_project_copy (const RolloutRecentProject *recent)
{
  RolloutRecentProject *copy = g_memdup2 (recent, sizeof *recent);

  copy->location = g_strdup (recent->location);
  copy->name = g_strdup (recent->name);
  copy->summary.current_phase = g_strdup (recent->summary.current_phase);
  copy->summary.next_milestone = g_strdup (recent->summary.next_milestone);
  return copy;
}

/**
 * rollout_recent_project_free:
 * @recent: (nullable): a recent project
 *
 * Frees @recent.
 */
void
rollout_recent_project_free (RolloutRecentProject *recent)
{
  if (recent == NULL)
    return;
  g_free (recent->location);
  g_free (recent->name);
  rollout_cache_summary_clear (&recent->summary);
  g_free (recent);
}

/**
 * rollout_draft_copy:
 * @draft: a draft
 *
 * Returns: (transfer full): a copy of @draft
 */
RolloutDraft *
rollout_draft_copy (const RolloutDraft *draft)
{
  RolloutDraft *copy = g_memdup2 (draft, sizeof *draft);

  copy->key = g_strdup (draft->key);
  copy->location = g_strdup (draft->location);
  copy->name = g_strdup (draft->name);
  return copy;
}

/**
 * rollout_draft_free:
 * @draft: (nullable): a draft
 *
 * Frees @draft.
 */
void
rollout_draft_free (RolloutDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->key);
  g_free (draft->location);
  g_free (draft->name);
  g_free (draft);
}

/* Recent projects --------------------------------------------------------- */

typedef struct {
  const char          *location;
  const char          *name;
  guint64              size;
  gint64               mtime;
  RolloutCacheSummary  summary;
} RecordData;

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           RolloutDate   date)
{
  sqlite3_bind_int64 (stmt, index, date);
}

static gboolean
record_opened_op (RolloutCache  *self,
                  gpointer       user_data,
                  GError       **error)
{
  RecordData *data = user_data;
  const RolloutCacheSummary *s = &data->summary;
  const char *status = NULL;
  sqlite3_stmt *stmt;

  if (s->current_phase != NULL)
    status = rollout_enum_to_nick (ROLLOUT_TYPE_PHASE_STATUS, s->current_phase_status);

  if (!rollout_cache_begin (self, error))
    return FALSE;
  if ((stmt = rollout_cache_get_statement (self, STMT_RECORD_OPENED, error)) == NULL)
    return rollout_cache_rollback (self);
  rollout_cache_bind_text (stmt, 1, data->location);
  rollout_cache_bind_text (stmt, 2, data->name);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) data->size);
  sqlite3_bind_int64 (stmt, 5, data->mtime);
  sqlite3_bind_int (stmt, 6, s->n_phases);
  sqlite3_bind_int (stmt, 7, s->n_tasks);
  sqlite3_bind_int (stmt, 8, s->n_milestones);
  sqlite3_bind_int (stmt, 9, s->n_done);
  sqlite3_bind_int (stmt, 10, s->n_risks);
  sqlite3_bind_int (stmt, 11, s->n_feedback);
  rollout_cache_bind_text (stmt, 12, s->current_phase);
  rollout_cache_bind_text (stmt, 13, status);
  rollout_cache_bind_text (stmt, 14, s->next_milestone);
  bind_date (stmt, 15, s->next_milestone_date);
  sqlite3_bind_int (stmt, 16, s->n_overdue_milestones);
  sqlite3_bind_int (stmt, 17, s->n_open_high_risks);
  bind_date (stmt, 18, s->finish);
  if (!rollout_cache_run_statement (self, stmt, N_("recording"), error))
    return rollout_cache_rollback (self);
  return rollout_cache_commit (self, error);
}

static gboolean
list_recents_op (RolloutCache  *self,
                 gpointer       user_data,
                 GError       **error)
{
  GPtrArray *recents = user_data;
  sqlite3_stmt *stmt = rollout_cache_get_statement (self, STMT_LIST_RECENTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_set_size (recents, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RolloutRecentProject *recent = g_new0 (RolloutRecentProject, 1);
      RolloutCacheSummary *s = &recent->summary;
      const char *status = (const char *) sqlite3_column_text (stmt, 12);
      int value = 0;

      recent->location = rollout_cache_column_strdup (stmt, 0);
      recent->name = rollout_cache_column_strdup (stmt, 1);
      recent->last_opened = sqlite3_column_int64 (stmt, 2);
      recent->size = (guint64) sqlite3_column_int64 (stmt, 3);
      recent->mtime = sqlite3_column_int64 (stmt, 4);
      s->n_phases = sqlite3_column_int (stmt, 5);
      s->n_tasks = sqlite3_column_int (stmt, 6);
      s->n_milestones = sqlite3_column_int (stmt, 7);
      s->n_done = sqlite3_column_int (stmt, 8);
      s->n_risks = sqlite3_column_int (stmt, 9);
      s->n_feedback = sqlite3_column_int (stmt, 10);
      s->current_phase = rollout_cache_column_strdup (stmt, 11);
      if (status != NULL && rollout_enum_from_nick (ROLLOUT_TYPE_PHASE_STATUS, status, &value))
        s->current_phase_status = value;
      s->next_milestone = rollout_cache_column_strdup (stmt, 13);
      s->next_milestone_date = (RolloutDate) sqlite3_column_int64 (stmt, 14);
      s->n_overdue_milestones = sqlite3_column_int (stmt, 15);
      s->n_open_high_risks = sqlite3_column_int (stmt, 16);
      s->finish = (RolloutDate) sqlite3_column_int64 (stmt, 17);
      g_ptr_array_add (recents, recent);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rollout_cache_set_db_error (self, error, rc, N_("listing"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
remove_recent_op (RolloutCache  *self,
                  gpointer       user_data,
                  GError       **error)
{
  const char *location = user_data;
  sqlite3_stmt *stmt;

  if (!rollout_cache_begin (self, error))
    return FALSE;
  if ((stmt = rollout_cache_get_statement (self, STMT_REMOVE_RECENT, error)) == NULL)
    return rollout_cache_rollback (self);
  rollout_cache_bind_text (stmt, 1, location);
  if (!rollout_cache_run_statement (self, stmt, N_("removing"), error))
    return rollout_cache_rollback (self);
  if ((stmt = rollout_cache_get_statement (self, STMT_DROP_UNUSED_PROJECT, error)) == NULL)
    return rollout_cache_rollback (self);
  rollout_cache_bind_text (stmt, 1, location);
  if (!rollout_cache_run_statement (self, stmt, N_("removing"), error))
    return rollout_cache_rollback (self);
  return rollout_cache_commit (self, error);
}

/* Drafts ------------------------------------------------------------------ */

typedef struct {
  char   *key;
  char   *name;
  GBytes *contents;
  gint64  time;
} DraftData;

static void
draft_data_free (DraftData *data)
{
  g_free (data->key);
  g_free (data->name);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_free (data);
}

static gboolean
store_draft_op (RolloutCache  *self,
                gpointer       user_data,
                GError       **error)
{
  DraftData *data = user_data;
  sqlite3_stmt *stmt;
  gsize length = 0;
  gconstpointer bytes = g_bytes_get_data (data->contents, &length);

  if (!rollout_cache_begin (self, error))
    return FALSE;
  if ((stmt = rollout_cache_get_statement (self, STMT_STORE_DRAFT, error)) == NULL)
    return rollout_cache_rollback (self);
  rollout_cache_bind_text (stmt, 1, data->key);
  rollout_cache_bind_text (stmt, 2, g_str_has_prefix (data->key, UNTITLED_PREFIX) ? NULL : data->key);
  rollout_cache_bind_text (stmt, 3, data->name != NULL ? data->name : "");
  sqlite3_bind_int64 (stmt, 4, data->time);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) length);
  /* A zero-length blob with a NULL pointer would be stored as NULL. */
  sqlite3_bind_blob64 (stmt, 6, bytes != NULL ? bytes : "", length, SQLITE_STATIC);
  if (!rollout_cache_run_statement (self, stmt, N_("storing a draft"), error))
    return rollout_cache_rollback (self);
  return rollout_cache_commit (self, error);
}

typedef struct {
  const char *key;
  GBytes     *contents;
  gint64      time;
} LoadDraftData;

static gboolean
load_draft_op (RolloutCache  *self,
               gpointer       user_data,
               GError       **error)
{
  LoadDraftData *data = user_data;
  sqlite3_stmt *stmt = rollout_cache_get_statement (self, STMT_LOAD_DRAFT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_clear_pointer (&data->contents, g_bytes_unref);
  rollout_cache_bind_text (stmt, 1, data->key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->contents = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      data->time = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rollout_cache_set_db_error (self, error, rc, N_("loading a draft"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_draft_op (RolloutCache  *self,
                 gpointer       user_data,
                 GError       **error)
{
  sqlite3_stmt *stmt;

  if (!rollout_cache_begin (self, error))
    return FALSE;
  if ((stmt = rollout_cache_get_statement (self, STMT_DELETE_DRAFT, error)) == NULL)
    return rollout_cache_rollback (self);
  rollout_cache_bind_text (stmt, 1, user_data);
  if (!rollout_cache_run_statement (self, stmt, N_("deleting a draft"), error))
    return rollout_cache_rollback (self);
  return rollout_cache_commit (self, error);
}

static gboolean
list_drafts_op (RolloutCache  *self,
                gpointer       user_data,
                GError       **error)
{
  GPtrArray *drafts = user_data;
  sqlite3_stmt *stmt = rollout_cache_get_statement (self, STMT_LIST_DRAFTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_set_size (drafts, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RolloutDraft *draft = g_new0 (RolloutDraft, 1);

      draft->key = rollout_cache_column_strdup (stmt, 0);
      draft->location = rollout_cache_column_strdup (stmt, 1);
      draft->name = rollout_cache_column_strdup (stmt, 2);
      draft->time = sqlite3_column_int64 (stmt, 3);
      draft->size = (guint64) sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (drafts, draft);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rollout_cache_set_db_error (self, error, rc, N_("listing drafts"));
      return FALSE;
    }
  return TRUE;
}

/* Object ------------------------------------------------------------------ */

static void
rollout_cache_finalize (GObject *object)
{
  RolloutCache *self = (RolloutCache *) object;

  close_database (self);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (rollout_cache_parent_class)->finalize (object);
}

static void
rollout_cache_class_init (RolloutCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_cache_finalize;
}

static void
rollout_cache_init (RolloutCache *self)
{
  g_mutex_init (&self->mutex);
}

/* Public API -------------------------------------------------------------- */

/**
 * rollout_cache_stat_location:
 * @location: a path or URI
 * @out_size: (out) (optional): the file's size in bytes
 * @out_mtime: (out) (optional): its modification time, in microseconds
 *   since the Unix epoch
 * @error: return location for an error
 *
 * Reads the size and modification time of a plan's file, as the cache
 * compares them to notice changes. This does I/O, which for a remote
 * location may take long.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_cache_stat_location (const char  *location,
                             guint64     *out_size,
                             gint64      *out_mtime,
                             GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (location != NULL, FALSE);

  file = file_for_location (location);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (out_size != NULL)
    *out_size = (guint64) g_file_info_get_size (info);
  if (out_mtime != NULL)
    *out_mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
                 + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  return TRUE;
}

/**
 * rollout_cache_new_untitled_key:
 *
 * Makes a key to store the drafts of a plan that has no file yet. Keep it
 * for as long as the plan stays untitled.
 *
 * Returns: (transfer full): a new, unique key
 */
char *
rollout_cache_new_untitled_key (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (UNTITLED_PREFIX, uuid, NULL);
}

/**
 * rollout_cache_open:
 * @dir: (nullable): the cache folder; %NULL means `$ROLLOUT_CACHE_DIR` if
 *   set, else `rollout` in the user cache folder (`$XDG_CACHE_HOME`)
 * @error: return location for an error
 *
 * Opens the cache, creating the folder and the database as needed. A
 * database that is damaged or was made by a newer Rollout is moved aside
 * (to `cache.db.corrupt-TIME` or `cache.db.newer-TIME`) with a warning,
 * and a new one is made.
 *
 * Returns: (transfer full) (nullable): the cache, or %NULL with
 *   %ROLLOUT_CACHE_ERROR_UNAVAILABLE when the folder cannot be created or
 *   written: go on without a cache then
 */
RolloutCache *
rollout_cache_open (const char  *dir,
                    GError     **error)
{
  g_autoptr(RolloutCache) self = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  if (dir == NULL)
    dir = g_getenv ("ROLLOUT_CACHE_DIR");

  self = g_object_new (ROLLOUT_TYPE_CACHE, NULL);
  if (dir != NULL && *dir != '\0')
    self->dir = g_strdup (dir);
  else
    self->dir = g_build_filename (g_get_user_cache_dir (), "rollout", NULL);
  self->path = g_build_filename (self->dir, ROLLOUT_CACHE_FILE_NAME, NULL);

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE,
                   _("Cannot create the cache folder “%s”: %s"),
                   self->dir, g_strerror (saved_errno));
      return NULL;
    }
  /* SQLite needs to create its log files beside the database. */
  if (g_access (self->dir, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE,
                   _("Cannot write in the cache folder “%s”: %s"),
                   self->dir, g_strerror (saved_errno));
      return NULL;
    }

  locker = g_mutex_locker_new (&self->mutex);
  if (!open_or_rebuild (self, error))
    return NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);
  return g_steal_pointer (&self);
}

/**
 * rollout_cache_get_path:
 * @self: a #RolloutCache
 *
 * Returns: the path of the database file
 */
const char *
rollout_cache_get_path (RolloutCache *self)
{
  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), NULL);

  return self->path;
}

/**
 * rollout_cache_check_integrity:
 * @self: a #RolloutCache
 * @error: return location for an error
 *
 * Checks the whole database and the search index against their content.
 * This reads everything and repairs nothing.
 *
 * Returns: %TRUE when all is well
 */
gboolean
rollout_cache_check_integrity (RolloutCache  *self,
                               GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (self->db == NULL && !open_or_rebuild (self, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") != 0)
            rollout_cache_append_line (problems, line);
        }
    }
  if (rc != SQLITE_DONE)
    rollout_cache_append_line (problems, sqlite3_errmsg (self->db));
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_exec (self->db, "INSERT INTO search (search) VALUES ('integrity-check')", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    rollout_cache_append_line (problems, sqlite3_errmsg (self->db));

  if (problems->len > 0)
    {
      g_set_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_FAILED,
                   _("The cache “%s” is damaged: %s"), self->path, problems->str);
      return FALSE;
    }
  return TRUE;
}

/**
 * rollout_cache_record_opened:
 * @self: a #RolloutCache
 * @location: the plan's path or URI
 * @project: the plan, as read from @location
 * @size: the file's size in bytes (see rollout_cache_stat_location())
 * @mtime: the file's modification time in microseconds since the epoch
 * @today: the day to count from for the summary's next milestone
 * @error: return location for an error
 *
 * Puts @location at the top of the recent projects, with a summary of
 * @project (see rollout_cache_summarize(), which schedules @project). This
 * does not index @project: call rollout_cache_index_project() too.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_cache_record_opened (RolloutCache    *self,
                             const char      *location,
                             RolloutProject  *project,
                             guint64          size,
                             gint64           mtime,
                             RolloutDate      today,
                             GError         **error)
{
  g_autofree char *canonical = NULL;
  RecordData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), FALSE);
  g_return_val_if_fail (location != NULL && *location != '\0', FALSE);
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);

  canonical = rollout_cache_canonical_location (location);
  data.location = canonical;
  data.name = rollout_project_get_name (project) != NULL ? rollout_project_get_name (project) : "";
  data.size = size;
  data.mtime = mtime;
  rollout_cache_summarize (project, today, &data.summary);
  ok = rollout_cache_run_op (self, record_opened_op, &data, error);
  rollout_cache_summary_clear (&data.summary);
  return ok;
}

/**
 * rollout_cache_list_recents:
 * @self: a #RolloutCache
 * @error: return location for an error
 *
 * Lists the recent projects, the most recently opened first. Each local
 * file is looked at, to mark those that are gone or have changed since.
 *
 * Returns: (transfer full) (element-type RolloutRecentProject) (nullable):
 *   the recent projects, or %NULL on error
 */
GPtrArray *
rollout_cache_list_recents (RolloutCache  *self,
                            GError       **error)
{
  g_autoptr(GPtrArray) recents = NULL;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), NULL);

  recents = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_recent_project_free);
  if (!rollout_cache_run_op (self, list_recents_op, recents, error))
    return NULL;

  for (guint i = 0; i < recents->len; i++)
    {
      RolloutRecentProject *recent = g_ptr_array_index (recents, i);
      g_autoptr(GError) local_error = NULL;
      guint64 size = 0;
      gint64 mtime = 0;

      if (!rollout_cache_location_is_local (recent->location))
        continue;
      if (!rollout_cache_stat_location (recent->location, &size, &mtime, &local_error))
        recent->missing = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                          || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
      else
        recent->changed = size != recent->size || mtime != recent->mtime;
    }
  return g_steal_pointer (&recents);
}

/**
 * rollout_cache_remove_recent:
 * @self: a #RolloutCache
 * @location: a plan's path or URI
 *
 * Takes @location off the recent projects. Its search rows stay, if it
 * was indexed. Removing a location that is not there is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_cache_remove_recent (RolloutCache  *self,
                             const char    *location,
                             GError       **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  canonical = rollout_cache_canonical_location (location);
  return rollout_cache_run_op (self, remove_recent_op, canonical, error);
}

/**
 * rollout_cache_store_draft:
 * @self: a #RolloutCache
 * @key: the plan's path or URI, or for an untitled plan a key from
 *   rollout_cache_new_untitled_key()
 * @name: the plan's name
 * @contents: the plan as rollout_file_write() writes it
 * @time: when @contents was taken from the plan, in microseconds since
 *   the epoch (g_get_real_time())
 * @error: return location for an error
 *
 * Stores a draft of a plan with unsaved changes, replacing the one stored
 * under @key unless that one is newer. Delete the draft when the plan is
 * saved or its changes are discarded. This writes megabytes for a large
 * plan and waits for the disk: call it off the UI thread, or use
 * rollout_cache_store_draft_async().
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_cache_store_draft (RolloutCache  *self,
                           const char    *key,
                           const char    *name,
                           GBytes        *contents,
                           gint64         time,
                           GError       **error)
{
  DraftData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  data.key = rollout_cache_canonical_location (key);
  data.name = (char *) name;
  data.contents = contents;
  data.time = time;
  ok = rollout_cache_run_op (self, store_draft_op, &data, error);
  g_free (data.key);
  return ok;
}

static void
store_draft_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DraftData *data = task_data;
  GError *error = NULL;

  /* A store cancelled before it started must not bring back a draft that
   * was deleted meanwhile. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (rollout_cache_store_draft (source_object, data->key, data->name, data->contents, data->time, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rollout_cache_store_draft_async:
 * @self: a #RolloutCache
 * @key: as for rollout_cache_store_draft()
 * @name: the plan's name
 * @contents: the plan as rollout_file_write() writes it
 * @time: when @contents was taken from the plan
 * @cancellable: (nullable): a #GCancellable; cancel it before deleting
 *   the draft, so a store still waiting does not bring it back
 * @callback: called when the draft is stored
 * @user_data: data for @callback
 *
 * Stores a draft in a worker thread; see rollout_cache_store_draft().
 */
void
rollout_cache_store_draft_async (RolloutCache        *self,
                                 const char          *key,
                                 const char          *name,
                                 GBytes              *contents,
                                 gint64               time,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DraftData *data;

  g_return_if_fail (ROLLOUT_IS_CACHE (self));
  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (contents != NULL);

  data = g_new0 (DraftData, 1);
  data->key = g_strdup (key);
  data->name = g_strdup (name);
  data->contents = g_bytes_ref (contents);
  data->time = time;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rollout_cache_store_draft_async);
  g_task_set_task_data (task, data, (GDestroyNotify) draft_data_free);
  g_task_run_in_thread (task, store_draft_thread);
}

/**
 * rollout_cache_store_draft_finish:
 * @self: a #RolloutCache
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the draft was stored
 */
gboolean
rollout_cache_store_draft_finish (RolloutCache  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rollout_cache_load_draft:
 * @self: a #RolloutCache
 * @key: as for rollout_cache_store_draft()
 * @out_time: (out) (optional): when the draft was taken
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the draft's contents, to read with
 *   rollout_file_read(), or %NULL with %ROLLOUT_CACHE_ERROR_NOT_FOUND when
 *   there is no draft under @key
 */
GBytes *
rollout_cache_load_draft (RolloutCache  *self,
                          const char    *key,
                          gint64        *out_time,
                          GError       **error)
{
  g_autofree char *canonical = NULL;
  LoadDraftData data = { 0 };

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  canonical = rollout_cache_canonical_location (key);
  data.key = canonical;
  if (!rollout_cache_run_op (self, load_draft_op, &data, error))
    return NULL;
  if (data.contents == NULL)
    {
      g_set_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_NOT_FOUND,
                   _("There is no draft of “%s”"), key);
      return NULL;
    }
  if (out_time != NULL)
    *out_time = data.time;
  return data.contents;
}

/**
 * rollout_cache_delete_draft:
 * @self: a #RolloutCache
 * @key: as for rollout_cache_store_draft()
 * @error: return location for an error
 *
 * Deletes the draft stored under @key, if there is one.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_cache_delete_draft (RolloutCache  *self,
                            const char    *key,
                            GError       **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  canonical = rollout_cache_canonical_location (key);
  return rollout_cache_run_op (self, delete_draft_op, canonical, error);
}

/**
 * rollout_cache_list_drafts:
 * @self: a #RolloutCache
 * @error: return location for an error
 *
 * Lists the stored drafts, newest first. A draft is @recoverable when it
 * holds work no saved file has: its plan is untitled, or its local file is
 * gone or older than the draft. A draft of a remote file counts as
 * recoverable, since its file is not looked at. These are the drafts to
 * offer back after a crash.
 *
 * Returns: (transfer full) (element-type RolloutDraft) (nullable): the
 *   drafts, or %NULL on error
 */
GPtrArray *
rollout_cache_list_drafts (RolloutCache  *self,
                           GError       **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (self), NULL);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_draft_free);
  if (!rollout_cache_run_op (self, list_drafts_op, drafts, error))
    return NULL;

  for (guint i = 0; i < drafts->len; i++)
    {
      RolloutDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(GError) local_error = NULL;
      gint64 mtime = 0;

      if (draft->location == NULL || !rollout_cache_location_is_local (draft->location))
        draft->recoverable = TRUE;
      else if (!rollout_cache_stat_location (draft->location, NULL, &mtime, &local_error))
        draft->recoverable = TRUE;
      else
        draft->recoverable = draft->time > mtime;
    }
  return g_steal_pointer (&drafts);
}
