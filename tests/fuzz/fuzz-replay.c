/* fuzz-replay.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Replays inputs through one fuzz target without libFuzzer, as an ordinary
 * test: linked with fuzz-NAME.c it becomes fuzz-replay-NAME.
 *
 *   fuzz-replay-NAME [--tap] PATH…
 *
 * Every file under each PATH that exists (folders are walked, README.md
 * files and hidden files skipped) becomes one test case,
 * /rollout/fuzz/NAME/FOLDER/FILE, that feeds its bytes to the target. A
 * saved finding makes its case crash or abort until the bug is fixed. */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"

#pragma weak LLVMFuzzerInitialize

static void
replay_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autofree char *contents = NULL;
  g_autofree guint8 *exact = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* A heap copy of exactly the input's size, as libFuzzer passes it, so
   * that the address sanitizer sees any read past its end; never NULL,
   * even when empty. */
  exact = g_malloc (MAX (length, 1));
  memcpy (exact, contents, length);
  g_assert_cmpint (LLVMFuzzerTestOneInput (exact, length), ==, 0);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_cases (const char *path,
           const char *label)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *test_path = g_strdup_printf ("/rollout/fuzz/%s/%s", FUZZ_TARGET_NAME, label);

      g_test_add_data_func_full (test_path, g_strdup (path), replay_file, g_free);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strcmp (name, "README.md") != 0)
      g_ptr_array_add (names, g_strdup (name));
  /* Test paths are registered in a stable order. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *child_label = g_strdup_printf ("%s/%s", label, (char *) g_ptr_array_index (names, i));

      add_cases (child, child_label);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *label = g_path_get_basename (argv[i]);

      /* A target without findings has no folder of them. */
      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        continue;
      add_cases (argv[i], label);
    }
  return g_test_run ();
}
