/* test-cache.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rollout-cache.h"
#include "rollout-file.h"
#include "rollout-generator.h"

#define CACHE_DOMAIN "rollout-cache"

/* Helpers ----------------------------------------------------------------- */

/* The cache names local files by their absolute, tidied path. */
static char *
test_file_path (const char *first,
                ...)
{
  g_autofree char *dist = g_test_build_filename (G_TEST_DIST, first, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  va_list ap;

  g_ptr_array_add (parts, dist);
  va_start (ap, first);
  for (const char *part = va_arg (ap, const char *); part != NULL; part = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  return g_canonicalize_filename (path, NULL);
}

static char *
demo_path (void)
{
  return test_file_path ("..", "data", "demo", "scooter-reservations.rollout", NULL);
}

static char *
unicode_path (void)
{
  return test_file_path ("data", "cache-unicode.rollout", NULL);
}

static RolloutProject *
load_plan (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rollout-cache-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_clear_pointer (&dir, g_dir_close);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static RolloutCache *
open_cache (const char *dir)
{
  g_autoptr(GError) error = NULL;
  RolloutCache *cache = rollout_cache_open (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cache);
  return cache;
}

/* Copies @source to @dest and returns the copy's size and mtime. */
static void
copy_file (const char *source,
           const char *dest,
           guint64    *out_size,
           gint64     *out_mtime)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (dest, contents, length, &error);
  g_assert_no_error (error);
  rollout_cache_stat_location (dest, out_size, out_mtime, &error);
  g_assert_no_error (error);
}

static void
index_file (RolloutCache *cache,
            const char   *path)
{
  g_autoptr(RolloutProject) project = load_plan (path);
  g_autoptr(GError) error = NULL;
  guint64 size = 0;
  gint64 mtime = 0;

  rollout_cache_stat_location (path, &size, &mtime, &error);
  g_assert_no_error (error);
  rollout_cache_index_project (cache, path, project, size, mtime, &error);
  g_assert_no_error (error);
}

static GPtrArray *
search (RolloutCache *cache,
        const char   *query,
        guint         limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = rollout_cache_search (cache, query, "[", "]", limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static guint
count_hits (RolloutCache *cache,
            const char   *query)
{
  g_autoptr(GPtrArray) hits = search (cache, query, 0);

  return hits->len;
}

static void
assert_integrity (RolloutCache *cache)
{
  g_autoptr(GError) error = NULL;

  rollout_cache_check_integrity (cache, &error);
  g_assert_no_error (error);
}

/* The files in @dir whose names start with @prefix. */
static guint
count_files_with_prefix (const char  *dir,
                         const char  *prefix,
                         char       **out_first)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal"))
      {
        if (n++ == 0 && out_first != NULL)
          *out_first = g_build_filename (dir, name, NULL);
      }
  g_dir_close (d);
  return n;
}

static int
read_user_version (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static char *
read_pragma_text (const char *db_path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
exec_raw (const char *db_path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A cache in a new folder holding the demo plan and a 2,000-task plan,
 * closed again: the database file is then complete on its own. */
static char *
make_filled_cache (void)
{
  char *dir = make_tmp_dir ();
  g_autoptr(RolloutCache) cache = open_cache (dir);
  g_autoptr(RolloutProject) big = rollout_generate_project (2000, 7);
  g_autofree char *demo = demo_path ();
  g_autoptr(GError) error = NULL;

  index_file (cache, demo);
  rollout_cache_index_project (cache, "/nowhere/big.rollout", big, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (cache, "hold"), >, 0);
  return dir;
}

static RolloutTask *
add_task (RolloutProject *project,
          const char     *id,
          const char     *name,
          const char     *notes)
{
  g_autoptr(RolloutTask) task = rollout_task_new (id);

  rollout_task_set_name (task, name);
  rollout_task_set_phase_id (task, "p");
  rollout_task_set_duration (task, 1);
  rollout_task_set_notes (task, notes);
  g_assert_true (rollout_project_insert_task (project, task, -1));
  return task;
}

static RolloutProject *
make_small_project (void)
{
  RolloutProject *project = rollout_project_new ("small");
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");

  rollout_project_set_name (project, "Small plan");
  rollout_project_set_start (project, rollout_date_from_ymd (2026, 3, 2));
  rollout_phase_set_name (phase, "Only phase");
  rollout_project_insert_phase (project, phase, -1);
  add_task (project, "a", "Zebra crossing", NULL);
  add_task (project, "b", "Paint the road", "Ask the city whether a zebra needs a permit");
  add_task (project, "c", "Unrelated", "Nothing to see");
  return project;
}

/* Opening ----------------------------------------------------------------- */

static void
test_open_default_dir (void)
{
  g_autoptr(RolloutCache) cache = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "rollout", "cache.db", NULL);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *override = g_build_filename (dir, "override", "cache.db", NULL);
  g_autofree char *override_dir = g_path_get_dirname (override);
  g_autofree char *mode = NULL;

  g_unsetenv ("ROLLOUT_CACHE_DIR");
  cache = open_cache (NULL);
  g_assert_cmpstr (rollout_cache_get_path (cache), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&cache);

  g_setenv ("ROLLOUT_CACHE_DIR", override_dir, TRUE);
  cache = open_cache (NULL);
  g_unsetenv ("ROLLOUT_CACHE_DIR");
  g_assert_cmpstr (rollout_cache_get_path (cache), ==, override);
  g_clear_object (&cache);

  g_assert_cmpint (read_user_version (override), ==, ROLLOUT_CACHE_SCHEMA_VERSION);
  mode = read_pragma_text (override, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  remove_tree (dir);
}

static void
test_open_unavailable (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "cache", NULL);
  g_autofree char *db_dir = g_build_filename (dir, "db-is-a-folder", NULL);
  g_autofree char *db_as_dir = g_build_filename (db_dir, "cache.db", NULL);
  g_autofree char *readonly = g_build_filename (dir, "read-only", NULL);
  g_autofree char *readonly_sub = g_build_filename (readonly, "sub", NULL);
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(GError) error = NULL;

  /* A folder that cannot be made: its parent is a file. */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  cache = rollout_cache_open (under_file, &error);
  g_assert_null (cache);
  g_assert_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);

  /* A database that cannot be opened: it is a folder. */
  g_assert_cmpint (g_mkdir_with_parents (db_as_dir, 0700), ==, 0);
  cache = rollout_cache_open (db_dir, &error);
  g_assert_null (cache);
  g_assert_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* A read-only folder, and a missing one inside it. Permissions do not
   * stop the superuser, so this part only runs for others. */
  g_assert_cmpint (g_mkdir (readonly, 0500), ==, 0);
  if (geteuid () != 0)
    {
      cache = rollout_cache_open (readonly, &error);
      g_assert_null (cache);
      g_assert_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE);
      g_clear_error (&error);

      cache = rollout_cache_open (readonly_sub, &error);
      g_assert_null (cache);
      g_assert_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_UNAVAILABLE);
      g_clear_error (&error);
      g_assert_false (g_file_test (readonly_sub, G_FILE_TEST_EXISTS));
    }
  else
    g_test_message ("running as root: read-only folders are writable, that case is skipped");

  remove_tree (dir);
}

static void
test_open_newer_version (void)
{
  g_autofree char *dir = make_filled_cache ();
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autofree char *demo = demo_path ();
  g_autofree char *aside = NULL;
  g_autoptr(RolloutCache) cache = NULL;

  exec_raw (path, "PRAGMA user_version = 99");

  g_test_expect_message (CACHE_DOMAIN, G_LOG_LEVEL_WARNING, "*newer Rollout (schema version 99*");
  cache = open_cache (dir);
  g_test_assert_expected_messages ();

  /* The old file is kept aside, untouched; the new one starts empty and
   * works. */
  g_assert_cmpuint (count_files_with_prefix (dir, "cache.db.newer-", &aside), ==, 1);
  g_assert_cmpint (read_user_version (aside), ==, 99);
  g_assert_cmpint (read_user_version (path), ==, ROLLOUT_CACHE_SCHEMA_VERSION);
  g_assert_cmpuint (count_hits (cache, "hold"), ==, 0);
  index_file (cache, demo);
  g_assert_cmpuint (count_hits (cache, "hold"), >, 0);
  assert_integrity (cache);

  remove_tree (dir);
}

/* Faults ------------------------------------------------------------------ */

typedef enum {
  DAMAGE_GARBAGE,   /* random bytes over the whole file */
  DAMAGE_TRUNCATE,  /* the second half of the file cut off */
  DAMAGE_PAGES,     /* every page but the first overwritten, size kept */
} Damage;

static void
damage_file (const char *path,
             Damage      damage)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16 * 4096);

  switch (damage)
    {
    case DAMAGE_GARBAGE:
      {
        g_autoptr(GRand) rand = g_rand_new_with_seed (42);

        for (gsize i = 0; i < length; i++)
          contents[i] = (char) g_rand_int_range (rand, 0, 256);
      }
      break;
    case DAMAGE_TRUNCATE:
      length /= 2;
      break;
    case DAMAGE_PAGES:
      memset (contents + 4096, 0xa5, length - 4096);
      break;
    default:
      g_assert_not_reached ();
    }
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_fault (gconstpointer data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_filled_cache ();
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autofree char *demo = demo_path ();
  g_autofree char *aside = NULL;
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, moved;

  damage_file (path, damage);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  /* Found at open or by the first statement that reads a damaged page;
   * either way the caller sees a working, empty cache. */
  g_test_expect_message (CACHE_DOMAIN, G_LOG_LEVEL_WARNING, "*is damaged*moved to*cache.db.corrupt-*");
  cache = rollout_cache_open (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cache);
  hits = rollout_cache_search (cache, "hold", "[", "]", 0, &error);
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (hits->len, ==, 0);

  g_assert_cmpuint (count_files_with_prefix (dir, "cache.db.corrupt-", &aside), ==, 1);
  g_assert_cmpint (g_stat (aside, &moved), ==, 0);
  g_assert_cmpint (moved.st_size, ==, before.st_size);
  g_assert_cmpint (read_user_version (path), ==, ROLLOUT_CACHE_SCHEMA_VERSION);

  index_file (cache, demo);
  g_assert_cmpuint (count_hits (cache, "hold"), >, 0);
  assert_integrity (cache);

  remove_tree (dir);
}

/* Recent projects and summaries -------------------------------------------- */

static void
test_summary (void)
{
  g_autofree char *demo = demo_path ();
  g_autoptr(RolloutProject) project = load_plan (demo);
  g_autoptr(RolloutProject) empty = rollout_project_new ("empty");
  RolloutCacheSummary s;
  RolloutRisk *risk;

  rollout_cache_summarize (project, rollout_date_from_ymd (2026, 3, 30), &s);
  g_assert_cmpuint (s.n_phases, ==, 4);
  g_assert_cmpuint (s.n_tasks, ==, 37);
  g_assert_cmpuint (s.n_milestones, ==, 7);
  g_assert_cmpuint (s.n_done, ==, 20);
  g_assert_cmpuint (s.n_risks, ==, 9);
  g_assert_cmpuint (s.n_feedback, ==, 15);
  g_assert_cmpstr (s.current_phase, ==, "Pilot: Austin, 5%");
  g_assert_cmpint (s.current_phase_status, ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_cmpstr (s.next_milestone, ==, "Go/no-go: expansion");
  g_assert_cmpuint (s.next_milestone_date, ==, rollout_date_from_ymd (2026, 4, 22));
  g_assert_cmpuint (s.n_overdue_milestones, ==, 0);
  g_assert_cmpuint (s.n_open_high_risks, ==, 0);
  g_assert_cmpuint (s.finish, ==, rollout_date_from_ymd (2026, 9, 15));
  rollout_cache_summary_clear (&s);

  /* A later day: the expansion gate is overdue, the launch is next. An
   * open risk raised to 4 × 5 is high; a closed one of 25 is not. */
  risk = rollout_project_lookup_risk (project, "refund-tool-blocked");
  rollout_risk_set_likelihood (risk, 4);
  rollout_risk_set_impact (risk, 5);
  risk = rollout_project_lookup_risk (project, "gps-offset");
  rollout_risk_set_likelihood (risk, 5);
  rollout_risk_set_impact (risk, 5);
  rollout_cache_summarize (project, rollout_date_from_ymd (2026, 5, 1), &s);
  g_assert_cmpstr (s.next_milestone, ==, "Expansion launch (4 cities, 25%)");
  g_assert_cmpuint (s.next_milestone_date, ==, rollout_date_from_ymd (2026, 5, 4));
  g_assert_cmpuint (s.n_overdue_milestones, ==, 1);
  g_assert_cmpuint (s.n_open_high_risks, ==, 1);
  rollout_cache_summary_clear (&s);

  /* After the last milestone there is none next. */
  rollout_cache_summarize (project, rollout_date_from_ymd (2027, 1, 1), &s);
  g_assert_null (s.next_milestone);
  g_assert_cmpuint (s.next_milestone_date, ==, ROLLOUT_DATE_NONE);
  g_assert_cmpuint (s.n_overdue_milestones, ==, 4);
  rollout_cache_summary_clear (&s);

  rollout_cache_summarize (empty, rollout_date_from_ymd (2026, 1, 1), &s);
  g_assert_cmpuint (s.n_phases + s.n_tasks + s.n_milestones + s.n_risks + s.n_feedback, ==, 0);
  g_assert_null (s.current_phase);
  g_assert_null (s.next_milestone);
  rollout_cache_summary_clear (&s);
}

static const RolloutRecentProject *
find_recent (GPtrArray  *recents,
             const char *location)
{
  for (guint i = 0; i < recents->len; i++)
    {
      const RolloutRecentProject *recent = g_ptr_array_index (recents, i);

      if (g_strcmp0 (recent->location, location) == 0)
        return recent;
    }
  return NULL;
}

static GPtrArray *
list_recents (RolloutCache *cache)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *recents = rollout_cache_list_recents (cache, &error);

  g_assert_no_error (error);
  g_assert_nonnull (recents);
  return recents;
}

static void
test_recent (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *cache_dir = g_build_filename (dir, "cache", NULL);
  g_autofree char *demo = demo_path ();
  g_autofree char *unicode = unicode_path ();
  g_autofree char *a = g_build_filename (dir, "a.rollout", NULL);
  g_autofree char *b = g_build_filename (dir, "b “ü” \"q\".rollout", NULL);
  g_autofree char *a_uri = NULL;
  g_autoptr(RolloutCache) cache = open_cache (cache_dir);
  g_autoptr(RolloutProject) pa = load_plan (demo);
  g_autoptr(RolloutProject) pb = load_plan (unicode);
  g_autoptr(GPtrArray) recents = NULL;
  g_autoptr(GError) error = NULL;
  const RolloutRecentProject *recent;
  RolloutDate today = rollout_date_from_ymd (2026, 3, 30);
  guint64 size_a = 0, size_b = 0;
  gint64 mtime_a = 0, mtime_b = 0;

  copy_file (demo, a, &size_a, &mtime_a);
  copy_file (unicode, b, &size_b, &mtime_b);

  rollout_cache_record_opened (cache, a, pa, size_a, mtime_a, today, &error);
  g_assert_no_error (error);
  rollout_cache_record_opened (cache, b, pb, size_b, mtime_b, rollout_date_from_ymd (2026, 3, 2), &error);
  g_assert_no_error (error);

  recents = list_recents (cache);
  g_assert_cmpuint (recents->len, ==, 2);
  recent = g_ptr_array_index (recents, 0);
  g_assert_cmpstr (recent->location, ==, b);
  g_assert_cmpstr (recent->name, ==, "Plan «Größe» \"quoted\" ‘single’ 'apos'");
  g_assert_cmpstr (recent->summary.current_phase, ==, "Pilot: Zürich \"Ü-Bahn\"");
  g_assert_cmpstr (recent->summary.next_milestone, ==, "Lancement «Zürich» 🚀");
  g_assert_cmpuint (recent->summary.next_milestone_date, ==, rollout_date_from_ymd (2026, 3, 5));
  g_assert_cmpuint (recent->summary.n_open_high_risks, ==, 1);
  g_assert_false (recent->missing);
  g_assert_false (recent->changed);
  recent = g_ptr_array_index (recents, 1);
  g_assert_cmpstr (recent->location, ==, a);
  g_assert_cmpstr (recent->name, ==, "Reserve a scooter in advance");
  g_assert_cmpuint (recent->size, ==, size_a);
  g_assert_cmpint (recent->mtime, ==, mtime_a);
  g_assert_cmpuint (recent->summary.n_tasks, ==, 37);
  g_assert_cmpuint (recent->summary.n_done, ==, 20);
  g_assert_cmpstr (recent->summary.current_phase, ==, "Pilot: Austin, 5%");
  g_assert_cmpint (recent->summary.current_phase_status, ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_cmpstr (recent->summary.next_milestone, ==, "Go/no-go: expansion");
  g_assert_cmpuint (recent->summary.next_milestone_date, ==, rollout_date_from_ymd (2026, 4, 22));
  g_assert_cmpuint (recent->summary.finish, ==, rollout_date_from_ymd (2026, 9, 15));
  g_assert_cmpint (recent->last_opened, <, ((RolloutRecentProject *) g_ptr_array_index (recents, 0))->last_opened);
  g_clear_pointer (&recents, g_ptr_array_unref);

  /* Opening it again, by URI this time, moves the same entry to the top. */
  a_uri = g_filename_to_uri (a, NULL, &error);
  g_assert_no_error (error);
  rollout_cache_record_opened (cache, a_uri, pa, size_a, mtime_a, today, &error);
  g_assert_no_error (error);
  recents = list_recents (cache);
  g_assert_cmpuint (recents->len, ==, 2);
  g_assert_cmpstr (((RolloutRecentProject *) g_ptr_array_index (recents, 0))->location, ==, a);
  g_clear_pointer (&recents, g_ptr_array_unref);

  /* Someone else changes a; b is deleted. */
  g_assert_true (g_file_set_contents (a, "changed", -1, NULL));
  g_assert_cmpint (g_unlink (b), ==, 0);
  recents = list_recents (cache);
  g_assert_true (find_recent (recents, a)->changed);
  g_assert_false (find_recent (recents, a)->missing);
  g_assert_true (find_recent (recents, b)->missing);
  g_clear_pointer (&recents, g_ptr_array_unref);

  rollout_cache_remove_recent (cache, a, &error);
  g_assert_no_error (error);
  rollout_cache_remove_recent (cache, "/never/opened.rollout", &error);
  g_assert_no_error (error);
  recents = list_recents (cache);
  g_assert_cmpuint (recents->len, ==, 1);
  g_assert_null (find_recent (recents, a));
  g_assert_nonnull (find_recent (recents, b));

  /* Indexing alone does not make a project recent. */
  index_file (cache, demo);
  g_clear_pointer (&recents, g_ptr_array_unref);
  recents = list_recents (cache);
  g_assert_cmpuint (recents->len, ==, 1);

  assert_integrity (cache);
  remove_tree (dir);
}

/* Search ------------------------------------------------------------------ */

static void
test_search_ranking (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(RolloutCache) cache = open_cache (dir);
  g_autoptr(RolloutProject) project = make_small_project ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const RolloutSearchHit *hit;

  rollout_cache_index_project (cache, "/plans/small.rollout", project, 10, 20, &error);
  g_assert_no_error (error);

  /* A name weighs more than notes. */
  hits = search (cache, "zebra", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->kind, ==, ROLLOUT_SEARCH_KIND_TASK);
  g_assert_cmpstr (hit->object_id, ==, "a");
  g_assert_cmpint (hit->item, ==, -1);
  g_assert_cmpstr (hit->snippet, ==, "[Zebra] crossing");
  g_assert_cmpstr (hit->location, ==, "/plans/small.rollout");
  g_assert_cmpstr (hit->project_name, ==, "Small plan");
  g_assert_true (hit->missing); /* there is no such file */
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpstr (hit->object_id, ==, "b");
  g_assert_cmpstr (hit->snippet, ==, "Ask the city whether a [zebra] needs a permit");
  g_assert_cmpfloat (((RolloutSearchHit *) g_ptr_array_index (hits, 0))->score, <, hit->score);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Every word must match; the last may be unfinished; case and accents
   * do not matter. */
  hits = search (cache, "ZEBRA cross", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((RolloutSearchHit *) g_ptr_array_index (hits, 0))->object_id, ==, "a");
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_cmpuint (count_hits (cache, "zeb"), ==, 2);
  g_assert_cmpuint (count_hits (cache, "zébra"), ==, 2);
  g_assert_cmpuint (count_hits (cache, "zebra elephant"), ==, 0);
  g_assert_cmpuint (count_hits (cache, "only phase"), ==, 1);

  hits = search (cache, "zebra", 1);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = rollout_cache_search (cache, "zebra", "«", "»", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((RolloutSearchHit *) g_ptr_array_index (hits, 0))->snippet, ==, "«Zebra» crossing");

  remove_tree (dir);
}

static void
test_search_reindex (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(RolloutCache) cache = open_cache (dir);
  g_autoptr(RolloutProject) project = make_small_project ();
  g_autoptr(RolloutProject) other = rollout_generate_project (300, 5);
  g_autoptr(GError) error = NULL;
  guint before;

  rollout_cache_index_project (cache, "/plans/small.rollout", project, 10, 20, &error);
  g_assert_no_error (error);
  rollout_cache_index_project (cache, "/plans/other.rollout", other, 10, 20, &error);
  g_assert_no_error (error);
  g_assert_true (rollout_cache_is_indexed (cache, "/plans/small.rollout", 10, 20));
  g_assert_false (rollout_cache_is_indexed (cache, "/plans/small.rollout", 10, 21));
  g_assert_false (rollout_cache_is_indexed (cache, "/plans/unknown.rollout", 10, 20));
  before = count_hits (cache, "review");
  g_assert_cmpuint (before, >, 0);

  /* Indexing again, unchanged, adds nothing. */
  for (guint i = 0; i < 3; i++)
    {
      rollout_cache_index_project (cache, "/plans/other.rollout", other, 10, 20, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_hits (cache, "review"), ==, before);

  /* A renamed task: the old name is gone, the new one found. */
  rollout_task_set_name (rollout_project_lookup_task (project, "a"), "Pelican crossing");
  rollout_cache_index_project (cache, "/plans/small.rollout", project, 11, 21, &error);
  g_assert_no_error (error);
  g_assert_true (rollout_cache_is_indexed (cache, "/plans/small.rollout", 11, 21));
  g_assert_cmpuint (count_hits (cache, "zebra"), ==, 1);
  g_assert_cmpuint (count_hits (cache, "pelican"), ==, 1);
  g_assert_cmpuint (count_hits (cache, "crossing"), ==, 1);
  g_assert_cmpuint (count_hits (cache, "review"), ==, before);

  assert_integrity (cache);
  remove_tree (dir);
}

static void
test_search_missing_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *cache_dir = g_build_filename (dir, "cache", NULL);
  g_autofree char *demo = demo_path ();
  g_autofree char *copy = g_build_filename (dir, "copy.rollout", NULL);
  g_autoptr(RolloutCache) cache = open_cache (cache_dir);
  g_autoptr(GPtrArray) hits = NULL;

  copy_file (demo, copy, NULL, NULL);
  index_file (cache, demo);
  index_file (cache, copy);
  hits = search (cache, "hold", 0);
  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    g_assert_false (((RolloutSearchHit *) g_ptr_array_index (hits, i))->missing);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_cmpint (g_unlink (copy), ==, 0);
  hits = search (cache, "hold", 0);
  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      const RolloutSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpint (hit->missing, ==, g_strcmp0 (hit->location, copy) == 0);
    }

  remove_tree (dir);
}

static void
test_search_hostile_queries (void)
{
  static const char *queries[] = {
    "a\"b OR (", "\"", "\"\"", "*", "(", ")", "NEAR(hold", "hold NOT", "OR", "AND AND",
    "-hold", "title:hold", "{title}: hold", "^hold", "hold*", "hold\"*", "'; DROP TABLE entries; --",
    "", "   ", "\t\n", "\xff\xfe hold", "🚀", "a\"", "\"hold\"", "hold)", "+",
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *demo = demo_path ();
  g_autoptr(RolloutCache) cache = open_cache (dir);

  index_file (cache, demo);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;

      hits = rollout_cache_search (cache, queries[i], "[", "]", 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  /* Punctuation around a word does not stop it from being found. */
  g_assert_cmpuint (count_hits (cache, "\"hold\""), ==, count_hits (cache, "hold"));
  g_assert_cmpuint (count_hits (cache, "hold)"), ==, count_hits (cache, "hold"));
  g_assert_cmpuint (count_hits (cache, "'; DROP TABLE entries; --"), ==, 0);
  g_assert_cmpuint (count_hits (cache, ""), ==, 0);
  g_assert_cmpuint (count_hits (cache, "hold"), >, 0);
  assert_integrity (cache);

  remove_tree (dir);
}

typedef struct {
  const char        *query;
  RolloutSearchKind  kind;
  const char        *id;
  int                item;
  const char        *in_snippet;
} UnicodeCase;

static void
test_search_unicode (void)
{
  static const UnicodeCase cases[] = {
    { "resume", ROLLOUT_SEARCH_KIND_TASK, "parser", -1, "Naïve \"[résumé]\" parser" },
    { "\"résumé\"", ROLLOUT_SEARCH_KIND_TASK, "parser", -1, "[résumé]" },
    { "日本語テキスト", ROLLOUT_SEARCH_KIND_TASK, "parser", -1, "a quote \" and a backslash \\ and [日本語テキスト]" },
    { "Ärger", ROLLOUT_SEARCH_KIND_CHECKLIST, "parser", 0, "Prüfen: \"[Ärger]\" ok?" },
    { "清单", ROLLOUT_SEARCH_KIND_CHECKLIST, "parser", 1, "检查 [清单] 'single'" },
    { "øresund", ROLLOUT_SEARCH_KIND_RISK, "bridge", -1, "Risk: \"[Øresund]\" bridge closes" },
    { "Plan B cafe", ROLLOUT_SEARCH_KIND_RISK, "bridge", -1, "[café]" },
    { "κείμενο", ROLLOUT_SEARCH_KIND_RISK, "bridge", -1, "[κείμενο]" },
    { "Описание", ROLLOUT_SEARCH_KIND_RISK, "bridge", -1, "[Описание]" },
    { "ca marche", ROLLOUT_SEARCH_KIND_FEEDBACK, "fb-1", -1, "\"Très bien!\" said the rider — [ça] [marche] 👍" },
    { "quote\"tag", ROLLOUT_SEARCH_KIND_FEEDBACK, "fb-1", -1, "[quote\"tag]" },
    { "nordlicht", ROLLOUT_SEARCH_KIND_PHASE, "pilot", -1, "“smart quotes” and 'apostrophes' — [Nordlicht]" },
    { "São", ROLLOUT_SEARCH_KIND_PHASE, "pilot", -1, "[São] Paulo" },
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *cache_dir = g_build_filename (dir, "cache", NULL);
  g_autofree char *unicode = unicode_path ();
  g_autofree char *copy = g_build_filename (dir, "plan “ü” 'a' \"q\".rollout", NULL);
  g_autoptr(RolloutCache) cache = open_cache (cache_dir);

  copy_file (unicode, copy, NULL, NULL);
  index_file (cache, copy);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) hits = search (cache, cases[i].query, 0);
      const RolloutSearchHit *hit;

      g_test_message ("query %s", cases[i].query);
      g_assert_cmpuint (hits->len, ==, 1);
      hit = g_ptr_array_index (hits, 0);
      g_assert_cmpstr (hit->location, ==, copy);
      g_assert_cmpstr (hit->project_name, ==, "Plan «Größe» \"quoted\" ‘single’ 'apos'");
      g_assert_cmpstr (rollout_search_kind_to_string (hit->kind), ==,
                       rollout_search_kind_to_string (cases[i].kind));
      g_assert_cmpstr (hit->object_id, ==, cases[i].id);
      g_assert_cmpint (hit->item, ==, cases[i].item);
      g_assert_nonnull (strstr (hit->snippet, cases[i].in_snippet));
      g_assert_false (hit->missing);
    }
  g_assert_cmpuint (count_hits (cache, "Zürich"), ==, 2);
  assert_integrity (cache);

  remove_tree (dir);
}

/* Drafts ------------------------------------------------------------------ */

static const RolloutDraft *
find_draft (GPtrArray  *drafts,
            const char *key)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      const RolloutDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (draft->key, key) == 0)
        return draft;
    }
  return NULL;
}

static GPtrArray *
list_drafts (RolloutCache *cache)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = rollout_cache_list_drafts (cache, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  return drafts;
}

static GBytes *
write_plan (RolloutProject *project)
{
  gsize length = 0;
  char *contents = rollout_file_write (project, &length);

  return g_bytes_new_take (contents, length);
}

static void
store_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rollout_cache_store_draft_finish (ROLLOUT_CACHE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_drafts (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *cache_dir = g_build_filename (dir, "cache", NULL);
  g_autofree char *demo = demo_path ();
  g_autofree char *unicode = unicode_path ();
  g_autofree char *a = g_build_filename (dir, "a.rollout", NULL);
  g_autofree char *b = g_build_filename (dir, "b.rollout", NULL);
  g_autofree char *untitled = rollout_cache_new_untitled_key ();
  g_autofree char *untitled2 = rollout_cache_new_untitled_key ();
  g_autoptr(RolloutCache) cache = open_cache (cache_dir);
  g_autoptr(RolloutProject) pa = load_plan (demo);
  g_autoptr(RolloutProject) pu = load_plan (unicode);
  g_autoptr(RolloutProject) read_back = NULL;
  g_autoptr(GBytes) da = write_plan (pa);
  g_autoptr(GBytes) du = write_plan (pu);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  const RolloutDraft *draft;
  gint64 mtime_a = 0, mtime_b = 0, time = 0;
  gboolean done = FALSE;

  g_assert_cmpstr (untitled, !=, untitled2);
  g_assert_true (g_str_has_prefix (untitled, "untitled:"));
  copy_file (demo, a, NULL, &mtime_a);
  copy_file (demo, b, NULL, &mtime_b);

  /* a was edited after it was saved; b's draft is older than b, which was
   * saved since (by another window, say); the untitled plan has no file. */
  rollout_cache_store_draft (cache, a, "Reserve a scooter", da, mtime_a + G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  rollout_cache_store_draft (cache, b, "Reserve a scooter", da, mtime_b - G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  rollout_cache_store_draft (cache, untitled, "Plan «Größe»", du, mtime_a + 5 * G_USEC_PER_SEC, &error);
  g_assert_no_error (error);

  drafts = list_drafts (cache);
  g_assert_cmpuint (drafts->len, ==, 3);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->key, ==, untitled);
  g_assert_null (draft->location);
  g_assert_cmpstr (draft->name, ==, "Plan «Größe»");
  g_assert_cmpuint (draft->size, ==, g_bytes_get_size (du));
  g_assert_true (draft->recoverable);
  draft = find_draft (drafts, a);
  g_assert_cmpstr (draft->location, ==, a);
  g_assert_cmpint (draft->time, ==, mtime_a + G_USEC_PER_SEC);
  g_assert_true (draft->recoverable);
  g_assert_false (find_draft (drafts, b)->recoverable);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* What comes back is what went in, and reads as the plan. */
  loaded = rollout_cache_load_draft (cache, untitled, &time, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, du));
  g_assert_cmpint (time, ==, mtime_a + 5 * G_USEC_PER_SEC);
  read_back = rollout_file_read (g_bytes_get_data (loaded, NULL), g_bytes_get_size (loaded), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_project_get_name (read_back), ==, rollout_project_get_name (pu));
  g_clear_pointer (&loaded, g_bytes_unref);

  /* A store that finishes late never replaces a newer draft. */
  rollout_cache_store_draft (cache, a, "Older", du, mtime_a, &error);
  g_assert_no_error (error);
  loaded = rollout_cache_load_draft (cache, a, &time, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, da));
  g_assert_cmpint (time, ==, mtime_a + G_USEC_PER_SEC);
  g_clear_pointer (&loaded, g_bytes_unref);

  /* In a worker thread, as the app does it. */
  rollout_cache_store_draft_async (cache, a, "Newer", du, mtime_a + 2 * G_USEC_PER_SEC, NULL,
                                   store_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  loaded = rollout_cache_load_draft (cache, a, &time, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, du));
  g_assert_cmpint (time, ==, mtime_a + 2 * G_USEC_PER_SEC);
  g_clear_pointer (&loaded, g_bytes_unref);

  /* b's file is deleted: its draft is now the only copy. */
  g_assert_cmpint (g_unlink (b), ==, 0);
  drafts = list_drafts (cache);
  g_assert_true (find_draft (drafts, b)->recoverable);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Saved or discarded: the drafts go. */
  rollout_cache_delete_draft (cache, a, &error);
  g_assert_no_error (error);
  rollout_cache_delete_draft (cache, untitled, &error);
  g_assert_no_error (error);
  rollout_cache_delete_draft (cache, untitled2, &error);
  g_assert_no_error (error);
  loaded = rollout_cache_load_draft (cache, a, NULL, &error);
  g_assert_error (error, ROLLOUT_CACHE_ERROR, ROLLOUT_CACHE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);
  drafts = list_drafts (cache);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((RolloutDraft *) g_ptr_array_index (drafts, 0))->key, ==, b);

  assert_integrity (cache);
  remove_tree (dir);
}

/* Concurrency ------------------------------------------------------------- */

static void
check_writer_results (RolloutCache *cache,
                      const char   *tag,
                      const char   *plan)
{
  g_autoptr(GPtrArray) hits = search (cache, tag, 0);

  g_assert_cmpuint (hits->len, ==, 200);
  for (guint i = 0; i < hits->len; i++)
    {
      const RolloutSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpstr (hit->location, ==, plan);
      g_assert_cmpint (hit->kind, ==, ROLLOUT_SEARCH_KIND_TASK);
    }
}

static void
test_concurrent_processes (void)
{
  const char *writer = g_getenv ("ROLLOUT_TEST_CACHE_WRITER");
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *cache_dir = g_build_filename (dir, "cache", NULL);
  g_autofree char *plan_a = g_build_filename (dir, "xylophone.rollout", NULL);
  g_autofree char *plan_b = g_build_filename (dir, "zeppelin.rollout", NULL);
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(GPtrArray) recents = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  if (writer == NULL)
    {
      g_test_skip ("ROLLOUT_TEST_CACHE_WRITER is not set");
      remove_tree (dir);
      return;
    }

  /* Both start on a cache that does not exist yet, so they also race to
   * create it. */
  a = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, writer, cache_dir, plan_a, "xylophone", "50", NULL);
  g_assert_no_error (error);
  b = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, writer, cache_dir, plan_b, "zeppelin", "50", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (a, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (b, NULL, &error);
  g_assert_no_error (error);

  cache = open_cache (cache_dir);
  assert_integrity (cache);
  check_writer_results (cache, "xylophone", plan_a);
  check_writer_results (cache, "zeppelin", plan_b);
  recents = list_recents (cache);
  g_assert_cmpuint (recents->len, ==, 2);
  g_assert_nonnull (find_recent (recents, plan_a));
  g_assert_nonnull (find_recent (recents, plan_b));
  drafts = list_drafts (cache);
  g_assert_cmpuint (drafts->len, ==, 2);

  remove_tree (dir);
}

typedef struct {
  RolloutCache *cache;
  guint         seed;
} ThreadData;

static gpointer
index_thread (gpointer user_data)
{
  ThreadData *data = user_data;
  g_autoptr(RolloutProject) project = rollout_generate_project (100, data->seed);
  g_autofree char *location = g_strdup_printf ("/plans/thread-%u.rollout", data->seed);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;

      rollout_cache_index_project (data->cache, location, project, i, i, &error);
      g_assert_no_error (error);
      hits = rollout_cache_search (data->cache, "review", "[", "]", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, >, 0);
    }
  return NULL;
}

static void
test_concurrent_threads (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(RolloutCache) cache = open_cache (dir);
  ThreadData data[4];
  GThread *threads[4];
  g_autoptr(RolloutProject) one = rollout_generate_project (100, 1);
  g_autoptr(GError) error = NULL;
  guint per_plan;

  rollout_cache_index_project (cache, "/plans/probe.rollout", one, 0, 0, &error);
  g_assert_no_error (error);
  per_plan = count_hits (cache, "complete");
  g_assert_cmpuint (per_plan, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i] = (ThreadData) { cache, i + 1 };
      threads[i] = g_thread_new ("indexer", index_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  /* Phase milestones are named "Phase N complete" in every plan. */
  g_assert_cmpuint (count_hits (cache, "complete"), ==, per_plan * 5);
  assert_integrity (cache);
  remove_tree (dir);
}

/* rollout-cli ------------------------------------------------------------- */

typedef struct {
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static void
run_cli (const char  *cache_dir,
         CliResult   *result,
         const char  *first,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("ROLLOUT_TEST_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "ROLLOUT_CACHE_DIR", cache_dir, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

static JsonArray *
parse_json_array (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *demo = demo_path ();
  g_autofree char *unicode = unicode_path ();
  g_autofree char *gone = NULL;
  g_autofree char *not_a_dir = NULL;
  g_autofree char *bad_dir = NULL;
  g_autofree char *invalid = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) r = { 0 };
  JsonObject *object;

  if (g_getenv ("ROLLOUT_TEST_CLI") == NULL)
    {
      g_test_skip ("ROLLOUT_TEST_CLI is not set");
      return;
    }
  dir = make_tmp_dir ();
  cache_dir = g_build_filename (dir, "cache", NULL);
  gone = g_build_filename (dir, "gone.rollout", NULL);
  not_a_dir = g_build_filename (dir, "file", NULL);
  bad_dir = g_build_filename (not_a_dir, "cache", NULL);
  invalid = g_test_build_filename (G_TEST_DIST, "data", "invalid", "cycle.rollout", NULL);

  run_cli (cache_dir, &r, "index", demo, unicode, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "");
  cli_result_clear (&r);

  run_cli (cache_dir, &r, "search", "hold", NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("%s: checklist support-macros: Macro: «hold» expired early\n", demo);
  g_assert_nonnull (strstr (r.out, expected));
  g_clear_pointer (&expected, g_free);
  cli_result_clear (&r);

  /* Several words; a snippet spread over lines stays on one. */
  run_cli (cache_dir, &r, "search", "Ελληνικά", "κείμενο", NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("%s: risk bridge: ", unicode);
  g_assert_true (g_str_has_prefix (r.out, expected));
  g_assert_nonnull (strstr (r.out, "«Ελληνικά» «κείμενο»"));
  g_assert_cmpuint (strchr (r.out, '\n') - r.out, ==, strlen (r.out) - 1);
  g_clear_pointer (&expected, g_free);
  cli_result_clear (&r);

  run_cli (cache_dir, &r, "search", "--json", "--limit", "3", "review", NULL);
  g_assert_cmpint (r.status, ==, 0);
  array = parse_json_array (r.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, demo);
  g_assert_true (json_object_has_member (object, "kind"));
  g_assert_true (json_object_has_member (object, "id"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "snippet"), "«"));
  g_clear_pointer (&array, json_array_unref);
  cli_result_clear (&r);

  run_cli (cache_dir, &r, "search", "a\"b OR (", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  cli_result_clear (&r);

  run_cli (cache_dir, &r, "search", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cli_result_clear (&r);

  /* The app records what it opens; the CLI lists it. */
  cache = open_cache (cache_dir);
  project = load_plan (demo);
  rollout_cache_record_opened (cache, demo, project, 1, 1, rollout_date_from_ymd (2026, 3, 30), &error);
  g_assert_no_error (error);

  run_cli (cache_dir, &r, "recent", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Reserve a scooter in advance\n"));
  g_assert_nonnull (strstr (r.out, demo));
  g_assert_nonnull (strstr (r.out, "Current phase: Pilot: Austin, 5% (active)"));
  g_assert_nonnull (strstr (r.out, "Next milestone: Go/no-go: expansion, 2026-04-22"));
  g_assert_nonnull (strstr (r.out, "4 phases, 37 tasks, 7 milestones (20 of 44 done), 9 risks, 15 feedback entries"));
  cli_result_clear (&r);

  run_cli (cache_dir, &r, "recent", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  array = parse_json_array (r.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "location"), ==, demo);
  g_assert_cmpint (json_object_get_int_member (object, "tasks"), ==, 37);
  g_assert_cmpint (json_object_get_int_member (object, "open_high_risks"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "next_milestone"), "date"),
                   ==, "2026-04-22");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "current_phase"), "status"),
                   ==, "active");
  g_assert_true (json_object_get_boolean_member (object, "changed"));
  g_clear_pointer (&array, json_array_unref);
  cli_result_clear (&r);

  /* Failures: a file that is not there, an invalid plan, no cache. */
  run_cli (cache_dir, &r, "index", gone, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, gone));
  cli_result_clear (&r);

  run_cli (cache_dir, &r, "index", invalid, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "cycle"));
  cli_result_clear (&r);

  g_assert_true (g_file_set_contents (not_a_dir, "x", 1, NULL));
  run_cli (bad_dir, &r, "search", "hold", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "the cache cannot be used"));
  cli_result_clear (&r);
  run_cli (bad_dir, &r, "recent", NULL);
  g_assert_cmpint (r.status, ==, 1);
  cli_result_clear (&r);
  run_cli (bad_dir, &r, "index", demo, NULL);
  g_assert_cmpint (r.status, ==, 1);
  cli_result_clear (&r);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rollout/cache/open/default-dir", test_open_default_dir);
  g_test_add_func ("/rollout/cache/open/unavailable", test_open_unavailable);
  g_test_add_func ("/rollout/cache/open/newer-version", test_open_newer_version);
  g_test_add_data_func ("/rollout/cache/fault/garbage", GINT_TO_POINTER (DAMAGE_GARBAGE), test_fault);
  g_test_add_data_func ("/rollout/cache/fault/truncated", GINT_TO_POINTER (DAMAGE_TRUNCATE), test_fault);
  g_test_add_data_func ("/rollout/cache/fault/damaged-pages", GINT_TO_POINTER (DAMAGE_PAGES), test_fault);
  g_test_add_func ("/rollout/cache/recent/summary", test_summary);
  g_test_add_func ("/rollout/cache/recent/list", test_recent);
  g_test_add_func ("/rollout/cache/search/ranking", test_search_ranking);
  g_test_add_func ("/rollout/cache/search/reindex", test_search_reindex);
  g_test_add_func ("/rollout/cache/search/missing-file", test_search_missing_file);
  g_test_add_func ("/rollout/cache/search/hostile-queries", test_search_hostile_queries);
  g_test_add_func ("/rollout/cache/search/unicode", test_search_unicode);
  g_test_add_func ("/rollout/cache/drafts", test_drafts);
  g_test_add_func ("/rollout/cache/concurrent/processes", test_concurrent_processes);
  g_test_add_func ("/rollout/cache/concurrent/threads", test_concurrent_threads);
  g_test_add_func ("/rollout/cache/cli", test_cli);

  return g_test_run ();
}
