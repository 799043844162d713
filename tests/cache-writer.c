/* cache-writer.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A second process for the cache's concurrency test.
 *
 *   cache-writer CACHE_DIR PLAN TAG ITERATIONS
 *
 * Writes a 200-task plan whose every task name ends in TAG to PLAN, then
 * ITERATIONS times: indexes it, records it as opened, stores a draft of it
 * and searches for TAG, which must find every task each time — another
 * process writing at the same moment must never make this one fail or see
 * half an index. Exits 0 when all went well, else 1 with a message. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rollout-cache.h"
#include "rollout-file.h"
#include "rollout-generator.h"

#define N_TASKS 200

static int
fail (const char *tag,
      const char *what,
      GError     *error)
{
  fprintf (stderr, "cache-writer %s: %s: %s\n", tag, what, error != NULL ? error->message : "failed");
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autofree char *contents = NULL;
  const char *tag;
  GListModel *tasks;
  guint64 iterations = 0;
  gsize length = 0;

  if (argc != 5 || !g_ascii_string_to_unsigned (argv[4], 10, 1, 100000, &iterations, NULL))
    {
      fprintf (stderr, "usage: cache-writer CACHE_DIR PLAN TAG ITERATIONS\n");
      return 2;
    }
  tag = argv[3];

  project = rollout_generate_project (N_TASKS, g_str_hash (tag));
  tasks = rollout_project_get_tasks (project);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *name = g_strdup_printf ("%s %s", rollout_task_get_name (task), tag);

      rollout_task_set_name (task, name);
    }
  file = g_file_new_for_path (argv[2]);
  if (!rollout_file_save (project, file, NULL, &error))
    return fail (tag, "saving the plan", error);
  contents = rollout_file_write (project, &length);
  draft = g_bytes_new_take (g_steal_pointer (&contents), length);

  cache = rollout_cache_open (argv[1], &error);
  if (cache == NULL)
    return fail (tag, "opening the cache", error);

  for (guint64 i = 0; i < iterations; i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      guint64 size = 0;
      gint64 mtime = 0;

      if (!rollout_cache_stat_location (argv[2], &size, &mtime, &error))
        return fail (tag, "reading the plan's size", error);
      if (!rollout_cache_index_project (cache, argv[2], project, size, mtime, &error))
        return fail (tag, "indexing", error);
      if (!rollout_cache_record_opened (cache, argv[2], project, size, mtime,
                                        rollout_date_from_ymd (2026, 3, 1), &error))
        return fail (tag, "recording", error);
      if (!rollout_cache_store_draft (cache, argv[2], tag, draft, g_get_real_time (), &error))
        return fail (tag, "storing a draft", error);

      hits = rollout_cache_search (cache, tag, "[", "]", 0, &error);
      if (hits == NULL)
        return fail (tag, "searching", error);
      if (hits->len != N_TASKS)
        {
          fprintf (stderr, "cache-writer %s: iteration %" G_GUINT64_FORMAT ": %u hits, expected %u\n",
                   tag, i, hits->len, N_TASKS);
          return 1;
        }
    }
  return 0;
}
