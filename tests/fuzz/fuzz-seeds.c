/* fuzz-seeds.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes generated plans as seeds for the fuzzers' corpora.
 *
 *   fuzz-seeds DIR [mspdi]
 *
 * Small plans of a few sizes and seeds, canonical and compact: the fuzzers
 * run each input whole, so a seed should be small enough to run a few
 * thousand times a second and still hold every kind of object. With
 * "mspdi", the same plans exported as MS Project XML instead (for the
 * importers' fuzzer). */

#include "config.h"

#include <stdio.h>

#include "rollout-export.h"
#include "rollout-file.h"
#include "rollout-generator.h"

static const struct {
  guint   n_tasks;
  guint32 seed;
} plans[] = {
  { 1, 1 },
  { 3, 2 },
  { 8, 3 },
  { 20, 4 },
  { 45, 5 },
};

static gboolean
write_seed (const char  *dir,
            const char  *name,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, contents, length, error);
}

/* Writes the plan of @n_tasks and @seed, canonical and on one line, as
 * other tools may write it. */
static gboolean
write_plan (const char  *dir,
            guint        n_tasks,
            guint32      seed,
            GError     **error)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (n_tasks, seed);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *name = g_strdup_printf ("generated-%u-%u.rollout", n_tasks, seed);
  g_autofree char *compact_name = g_strdup_printf ("generated-%u-%u-compact.rollout", n_tasks, seed);
  gsize length = 0, compact_length = 0;

  text = rollout_file_write (project, &length);
  if (!write_seed (dir, name, text, length, error)
      || !json_parser_load_from_data (parser, text, length, error))
    return FALSE;
  json_generator_set_root (generator, json_parser_get_root (parser));
  compact = json_generator_to_data (generator, &compact_length);
  return write_seed (dir, compact_name, compact, compact_length, error);
}

/* Writes the plan of @n_tasks and @seed as MS Project XML. */
static gboolean
write_mspdi (const char  *dir,
             guint        n_tasks,
             guint32      seed,
             GError     **error)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (n_tasks, seed);
  g_autofree char *name = g_strdup_printf ("generated-%u-%u.xml", n_tasks, seed);
  g_autofree char *text = NULL;
  gsize length = 0;

  text = rollout_export_mspdi (project, &length, error);
  return text != NULL && write_seed (dir, name, text, length, error);
}

int
main (int   argc,
      char *argv[])
{
  gboolean mspdi = argc == 3 && g_str_equal (argv[2], "mspdi");

  if (argc != 2 && !mspdi)
    {
      fprintf (stderr, "usage: fuzz-seeds DIR [mspdi]\n");
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (mspdi)
        ok = write_mspdi (argv[1], plans[i].n_tasks, plans[i].seed, &error);
      else
        ok = write_plan (argv[1], plans[i].n_tasks, plans[i].seed, &error);
      if (!ok)
        {
          fprintf (stderr, "fuzz-seeds: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}
