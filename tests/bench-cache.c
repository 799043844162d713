/* bench-cache.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the cache, in a new temporary cache folder:
 *
 *   index        indexing a 10,000-task plan (replacing it after the first
 *                run, as re-indexing a changed file does)
 *   search       one query across 50 indexed 1,000-task plans, over
 *                varied words, whole and unfinished
 *   draft-write  turning a 10,000-task plan into its file text, which the
 *                app does on the UI thread before handing it to a worker
 *   draft-store  storing that text as a draft (the worker's part)
 *   draft        both together
 *
 *   bench-cache [RUNS]
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb, with
 * a header line. The peak resident set size is that of this process. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "rollout-cache.h"
#include "rollout-file.h"
#include "rollout-generator.h"

#define N_PLANS 50
#define N_QUERIES 200

static const char *query_words[] = {
  "review", "hold", "timer", "payment", "pre-auth", "reminders", "support macros",
  "FAQ", "banner", "fleet", "pricing", "analytics events", "signage", "playbook",
  "release notes", "feature flag", "load test", "privacy", "design", "translate",
  "announce", "train", "deploy", "measure", "audit", "configure", "validate",
  "slips", "escalate", "commute", "expired", "reserve button", "charged twice",
  "city", "draft", "phase 3", "region", "rev", "pay", "conf", "anal", "rel",
  "hold tim", "scoot", "nothingmatches", "weekly go/no-go", "complete",
};

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
report (const char *operation,
        guint       size,
        double     *ms,
        guint       runs)
{
  qsort (ms, runs, sizeof (double), compare_double);
  printf ("%s,%u,%.2f,%.2f,%.2f,%.1f\n", operation, size, ms[runs / 2], ms[0],
          ms[runs - 1], peak_rss_mb ());
  fflush (stdout);
}

static void
check (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-cache: %s\n", error->message);
      exit (1);
    }
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cache_dir = NULL;
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(RolloutProject) big = NULL;
  g_autofree char *big_path = NULL;
  g_autofree double *ms = NULL;
  g_autofree double *write_ms = NULL;
  g_autofree double *store_ms = NULL;
  g_autofree double *query_ms = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 5;

  runs = MAX (runs, 1);
  ms = g_new0 (double, runs);
  write_ms = g_new0 (double, runs);
  store_ms = g_new0 (double, runs);
  query_ms = g_new0 (double, N_QUERIES);

  dir = g_dir_make_tmp ("rollout-bench-cache-XXXXXX", &error);
  check (error);
  cache_dir = g_build_filename (dir, "cache", NULL);
  cache = rollout_cache_open (cache_dir, &error);
  check (error);

  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");

  /* Index a 10,000-task plan. */
  big = rollout_generate_project (10000, 1);
  big_path = g_build_filename (dir, "plan-10000.rollout", NULL);
  for (guint r = 0; r < runs; r++)
    {
      double start = now_ms ();

      rollout_cache_index_project (cache, big_path, big, 1000 + r, r, &error);
      check (error);
      ms[r] = now_ms () - start;
    }
  report ("cache-index", 10000, ms, runs);

  /* Store drafts of it. */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GBytes) bytes = NULL;
      gsize length = 0;
      char *contents;
      double start = now_ms (), written;

      contents = rollout_file_write (big, &length);
      bytes = g_bytes_new_take (contents, length);
      written = now_ms ();
      rollout_cache_store_draft (cache, big_path, rollout_project_get_name (big), bytes,
                                 g_get_real_time (), &error);
      check (error);
      write_ms[r] = written - start;
      store_ms[r] = now_ms () - written;
      ms[r] = write_ms[r] + store_ms[r];
    }
  report ("cache-draft-write", 10000, write_ms, runs);
  report ("cache-draft-store", 10000, store_ms, runs);
  report ("cache-draft", 10000, ms, runs);
  rollout_cache_delete_draft (cache, big_path, &error);
  check (error);

  /* Search across 50 plans of 1,000 tasks, each a real file, in a cache
   * of their own. */
  g_clear_object (&cache);
  g_free (cache_dir);
  cache_dir = g_build_filename (dir, "cache-search", NULL);
  cache = rollout_cache_open (cache_dir, &error);
  check (error);
  for (guint p = 0; p < N_PLANS; p++)
    {
      g_autoptr(RolloutProject) plan = rollout_generate_project (1000, p + 1);
      g_autofree char *path = g_strdup_printf ("%s/plan-%02u.rollout", dir, p + 1);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      guint64 size = 0;
      gint64 mtime = 0;

      rollout_file_save (plan, file, NULL, &error);
      check (error);
      rollout_cache_stat_location (path, &size, &mtime, &error);
      check (error);
      rollout_cache_index_project (cache, path, plan, size, mtime, &error);
      check (error);
    }
  for (guint q = 0; q < N_QUERIES; q++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      double start = now_ms ();

      hits = rollout_cache_search (cache, query_words[q % G_N_ELEMENTS (query_words)], "«", "»", 20, &error);
      check (error);
      query_ms[q] = now_ms () - start;
    }
  report ("cache-search", N_PLANS * 1000, query_ms, N_QUERIES);

  g_clear_object (&cache);
  remove_tree (dir);
  return 0;
}
