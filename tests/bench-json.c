/* bench-json.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times parsing (and freeing) one JSON file with Rollout's parser, then with
 * json-glib's, for comparison.
 *
 *   bench-json FILE [RUNS]
 *
 * Prints CSV rows: operation,size,median_ms,min_ms,max_ms,peak_rss_mb, with
 * size the file's length in bytes. The peak resident set size is that of
 * this process so far, so Rollout's parser is timed first. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "rollout-json.h"

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

static void
report (const char *operation,
        gsize       size,
        double     *ms,
        guint       runs)
{
  qsort (ms, runs, sizeof (double), compare_double);
  printf ("%s,%" G_GSIZE_FORMAT ",%.2f,%.2f,%.2f,%.1f\n", operation, size,
          ms[runs / 2], ms[0], ms[runs - 1], peak_rss_mb ());
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *ours_ms = NULL;
  g_autofree double *glib_ms = NULL;
  gsize length = 0;
  guint runs;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-json FILE [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? (guint) atoi (argv[2]) : 10;
  runs = MAX (runs, 1);
  ours_ms = g_new0 (double, runs);
  glib_ms = g_new0 (double, runs);

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");

  for (guint i = 0; i < runs; i++)
    {
      RolloutJsonDocument *doc;
      gint64 t0, t1;

      t0 = g_get_monotonic_time ();
      doc = rollout_json_parse (contents, length, ROLLOUT_FILE_MAX_DEPTH, &error);
      if (doc == NULL)
        {
          fprintf (stderr, "%s: %s\n", argv[1], error->message);
          return 1;
        }
      rollout_json_document_free (doc);
      t1 = g_get_monotonic_time ();
      ours_ms[i] = (t1 - t0) / 1000.0;
    }
  report ("json-parse", length, ours_ms, runs);

  for (guint i = 0; i < runs; i++)
    {
      JsonParser *parser;
      gint64 t0, t1;

      t0 = g_get_monotonic_time ();
      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, contents, length, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[1], error->message);
          return 1;
        }
      g_object_unref (parser);
      t1 = g_get_monotonic_time ();
      glib_ms[i] = (t1 - t0) / 1000.0;
    }
  report ("json-glib-parse", length, glib_ms, runs);

  return 0;
}
