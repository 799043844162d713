/* fuzz-cache-search.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the cache's search (rollout_cache_search) with arbitrary query
 * text, against a small cache prepared once in a temporary folder: the demo
 * plan, a plan full of quotes and non-ASCII names, and a generated one.
 *
 * The input is QUERY, or QUERY \x01 MARK_OPEN \x01 MARK_CLOSE; its first
 * byte, when it is below 8, is taken as the hit limit instead.
 *
 * "Any text is safe": every query must give a list of hits, never an error
 * (which would mean the text reached FTS5 as query syntax). The hits must
 * respect the limit, come best first, point at indexed plans, and carry
 * valid UTF-8 snippets when the marks are. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-target.h"
#include "rollout-cache.h"
#include "rollout-file.h"
#include "rollout-generator.h"

static RolloutCache *cache;
static char *cache_dir;
static GPtrArray *locations;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
tear_down (void)
{
  g_clear_object (&cache);
  if (cache_dir != NULL)
    remove_tree (cache_dir);
  g_clear_pointer (&cache_dir, g_free);
  g_clear_pointer (&locations, g_ptr_array_unref);
}

/* Indexes @project as the plan at @name in the cache folder; the file is
 * written when @on_disk, else hits in it come back marked missing. */
static void
add_plan (RolloutProject *project,
          const char     *name,
          gboolean        on_disk)
{
  g_autofree char *location = g_build_filename (cache_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (on_disk)
    {
      g_autoptr(GFile) file = g_file_new_for_path (location);

      if (!rollout_file_save (project, file, NULL, &error))
        g_error ("fuzz-cache-search: %s", error->message);
    }
  if (!rollout_cache_record_opened (cache, location, project, 1, 1,
                                    rollout_date_from_ymd (2026, 3, 1), &error)
      || !rollout_cache_index_project (cache, location, project, 1, 1, &error))
    g_error ("fuzz-cache-search: indexing %s: %s", name, error->message);
  g_ptr_array_add (locations, g_steal_pointer (&location));
}

static void
add_plan_file (const char *source,
               const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = rollout_file_load (file, NULL, NULL, &error);
  if (project == NULL)
    g_error ("fuzz-cache-search: %s: %s", source, error->message);
  add_plan (project, name, TRUE);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) generated = rollout_generate_project (300, 5);

  cache_dir = g_dir_make_tmp ("rollout-fuzz-cache-XXXXXX", &error);
  if (cache_dir == NULL)
    g_error ("fuzz-cache-search: %s", error->message);
  locations = g_ptr_array_new_with_free_func (g_free);
  cache = rollout_cache_open (cache_dir, &error);
  if (cache == NULL)
    g_error ("fuzz-cache-search: %s", error->message);
  atexit (tear_down);

  add_plan_file (ROLLOUT_SOURCE_DIR "/data/demo/scooter-reservations.rollout", "demo.rollout");
  add_plan_file (ROLLOUT_SOURCE_DIR "/tests/data/cache-unicode.rollout", "unicode.rollout");
  add_plan (generated, "gone.rollout", FALSE);
  return 0;
}

static gboolean
is_indexed_location (const char *location)
{
  for (guint i = 0; i < locations->len; i++)
    if (g_strcmp0 (location, g_ptr_array_index (locations, i)) == 0)
      return TRUE;
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *mark_open = NULL, *mark_close = NULL;
  gboolean marks_valid;
  guint limit = 0;

  if (size > 0 && data[0] < 8)
    {
      limit = data[0];
      data++;
      size--;
    }
  /* A C string: anything after a NUL byte is not part of it. */
  text = size > 0 ? g_strndup ((const char *) data, size) : g_strdup ("");
  parts = g_strsplit (text, "\x01", 3);
  if (parts[0] == NULL)
    return 0;
  if (parts[1] != NULL)
    {
      mark_open = parts[1];
      mark_close = parts[2];
    }
  marks_valid = (mark_open == NULL || g_utf8_validate (mark_open, -1, NULL))
                && (mark_close == NULL || g_utf8_validate (mark_close, -1, NULL));

  hits = rollout_cache_search (cache, parts[0], mark_open, mark_close, limit, &error);
  if (hits == NULL)
    fuzz_fail ("searching for “%s” failed: %s", parts[0], error != NULL ? error->message : "no error");
  if (limit > 0 && hits->len > limit)
    fuzz_fail ("%u hits for a limit of %u", hits->len, limit);

  for (guint i = 0; i < hits->len; i++)
    {
      RolloutSearchHit *hit = g_ptr_array_index (hits, i);

      if (!is_indexed_location (hit->location))
        fuzz_fail ("a hit in a plan that was never indexed: %s", hit->location);
      if (hit->project_name == NULL || hit->object_id == NULL || hit->snippet == NULL)
        fuzz_fail ("a hit without a name, an id or a snippet");
      if ((guint) hit->kind > ROLLOUT_SEARCH_KIND_PHASE)
        fuzz_fail ("a hit of unknown kind %d", (int) hit->kind);
      if (marks_valid && !g_utf8_validate (hit->snippet, -1, NULL))
        fuzz_fail ("a snippet is not valid UTF-8 for the query “%s”", parts[0]);
      if (!isfinite (hit->score))
        fuzz_fail ("a hit's score is not finite");
      if (i > 0 && hit->score < ((RolloutSearchHit *) g_ptr_array_index (hits, i - 1))->score)
        fuzz_fail ("hits are not ordered best first");
      if (hit->missing != g_str_has_suffix (hit->location, "/gone.rollout"))
        fuzz_fail ("a hit's missing flag is wrong for %s", hit->location);
    }
  return 0;
}
