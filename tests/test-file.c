/* test-file.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rollout-command.h"
#include "rollout-file.h"
#include "rollout-generator.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
demo_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "scooter-reservations.rollout", NULL);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static RolloutProject *
read_ok (const char *data,
         gsize       length)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_file_read (data, length, &diagnostics, &error);

  if (error != NULL)
    {
      for (guint i = 0; diagnostics && i < diagnostics->len; i++)
        {
          g_autofree char *s = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, i));
          g_test_message ("%s", s);
        }
    }
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_null (diagnostics);
  return project;
}

/* read → write gives back the same bytes, for files already canonical. */
static void
assert_round_trip (const char *path)
{
  gsize length = 0, written_length = 0;
  g_autofree char *original = read_file (path, &length);
  g_autoptr(RolloutProject) project = read_ok (original, length);
  g_autofree char *written = rollout_file_write (project, &written_length);

  g_assert_cmpstr (written, ==, original);
  g_assert_cmpuint (written_length, ==, length);
}

static void
test_round_trip_demo (void)
{
  g_autofree char *path = demo_path ();

  assert_round_trip (path);
}

static void
test_round_trip_unknown_keys (void)
{
  g_autofree char *path = data_path ("unknown-keys.rollout");
  gsize length = 0;
  g_autofree char *text = read_file (path, &length);
  g_autoptr(RolloutProject) project = read_ok (text, length);
  JsonObject *extra = rollout_project_get_extra (project);
  g_autoptr(RolloutTask) task = g_list_model_get_item (rollout_project_get_tasks (project), 0);

  assert_round_trip (path);

  /* Kept, and still reachable. */
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, "x-generator"));
  g_assert_nonnull (rollout_task_get_extra (task));
  g_assert_cmpint (json_object_get_int_member (rollout_task_get_extra (task), "estimate_hours"), ==, 24);
  g_assert_cmpstr (rollout_task_get_name (task), ==, "Build \"reserve\" button \\ path");
}

static void
test_round_trip_generated (void)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (1000, 7);
  gsize length = 0, length2 = 0;
  g_autofree char *first = rollout_file_write (project, &length);
  g_autoptr(RolloutProject) again = read_ok (first, length);
  g_autofree char *second = rollout_file_write (again, &length2);

  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (again)), ==, 1000);
  g_assert_cmpstr (first, ==, second);
}

/* A file in another key order, compact, with a BOM, becomes canonical once
 * and then stays so. */
static void
test_canonical_idempotent (void)
{
  const char *messy =
    "\xef\xbb\xbf{\"tasks\":[{\"duration\":2,\"phase\":\"p\",\"name\":\"Do it\",\"id\":\"t\","
    "\"status\":\"done\",\"progress\":0,\"notes\":\"\",\"depends_on\":[]}],"
    "\"name\":\"Messy\",\"version\":1,\"format\":\"rollout-project\",\"start\":\"2026-03-02\","
    "\"phases\":[{\"name\":\"P\",\"id\":\"p\",\"audience_percent\":12.50}],\"id\":\"messy\"}";
  const char *expected =
    "{\n"
    "  \"format\": \"rollout-project\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"messy\",\n"
    "  \"name\": \"Messy\",\n"
    "  \"start\": \"2026-03-02\",\n"
    "  \"teams\": [],\n"
    "  \"phases\": [\n"
    "    {\n"
    "      \"id\": \"p\",\n"
    "      \"name\": \"P\",\n"
    "      \"audience_percent\": 12.5,\n"
    "      \"status\": \"planned\"\n"
    "    }\n"
    "  ],\n"
    "  \"tasks\": [\n"
    "    {\n"
    "      \"id\": \"t\",\n"
    "      \"name\": \"Do it\",\n"
    "      \"phase\": \"p\",\n"
    "      \"duration\": 2,\n"
    "      \"status\": \"done\"\n"
    "    }\n"
    "  ],\n"
    "  \"risks\": [],\n"
    "  \"metrics\": [],\n"
    "  \"feedback\": []\n"
    "}\n";
  g_autoptr(RolloutProject) project = read_ok (messy, strlen (messy));
  g_autofree char *once = rollout_file_write (project, NULL);
  g_autoptr(RolloutProject) again = read_ok (once, strlen (once));
  g_autofree char *twice = rollout_file_write (again, NULL);

  g_assert_cmpstr (once, ==, expected);
  g_assert_cmpstr (twice, ==, once);
}

/* The board's WIP limits and a task's blocked reason: read in any order,
 * written in the board's order, with columns of no limit left out. */
static void
test_board_members (void)
{
  const char *text =
    "{\"format\":\"rollout-project\",\"version\":1,\"id\":\"b\",\"name\":\"Board\","
    "\"start\":\"2026-03-02\",\"wip_limits\":{\"done\":0,\"blocked\":2,\"in-progress\":4},"
    "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],"
    "\"tasks\":[{\"id\":\"t\",\"name\":\"T\",\"phase\":\"p\",\"duration\":1,"
    "\"status\":\"blocked\",\"notes\":\"N\",\"blocked_reason\":\"Legal review\"}]}";
  const char *expected =
    "{\n"
    "  \"format\": \"rollout-project\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"b\",\n"
    "  \"name\": \"Board\",\n"
    "  \"start\": \"2026-03-02\",\n"
    "  \"wip_limits\": {\n"
    "    \"in-progress\": 4,\n"
    "    \"blocked\": 2\n"
    "  },\n"
    "  \"teams\": [],\n"
    "  \"phases\": [\n"
    "    {\n"
    "      \"id\": \"p\",\n"
    "      \"name\": \"P\",\n"
    "      \"audience_percent\": 0,\n"
    "      \"status\": \"planned\"\n"
    "    }\n"
    "  ],\n"
    "  \"tasks\": [\n"
    "    {\n"
    "      \"id\": \"t\",\n"
    "      \"name\": \"T\",\n"
    "      \"phase\": \"p\",\n"
    "      \"duration\": 1,\n"
    "      \"status\": \"blocked\",\n"
    "      \"blocked_reason\": \"Legal review\",\n"
    "      \"notes\": \"N\"\n"
    "    }\n"
    "  ],\n"
    "  \"risks\": [],\n"
    "  \"metrics\": [],\n"
    "  \"feedback\": []\n"
    "}\n";
  g_autoptr(RolloutProject) project = read_ok (text, strlen (text));
  g_autoptr(RolloutProject) none = NULL;
  g_autofree char *written = rollout_file_write (project, NULL);
  RolloutTask *task = rollout_project_lookup_task (project, "t");

  g_assert_cmpint (rollout_project_get_wip_limit (project, ROLLOUT_TASK_STATUS_TODO), ==, 0);
  g_assert_cmpint (rollout_project_get_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, 4);
  g_assert_cmpint (rollout_project_get_wip_limit (project, ROLLOUT_TASK_STATUS_BLOCKED), ==, 2);
  g_assert_cmpint (rollout_project_get_wip_limit (project, ROLLOUT_TASK_STATUS_DONE), ==, 0);
  g_assert_cmpstr (rollout_task_get_blocked_reason (task), ==, "Legal review");
  g_assert_cmpstr (written, ==, expected);

  /* No limits at all: no member. */
  rollout_project_set_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS, 0);
  rollout_project_set_wip_limit (project, ROLLOUT_TASK_STATUS_BLOCKED, 0);
  g_free (written);
  written = rollout_file_write (project, NULL);
  g_assert_null (strstr (written, "wip_limits"));
  none = read_ok (written, strlen (written));
  g_assert_cmpint (rollout_project_get_wip_limit (none, ROLLOUT_TASK_STATUS_BLOCKED), ==, 0);
}

static void
test_numbers (void)
{
  static const struct {
    double value;
    const char *text;
  } cases[] = {
    { 4.2, "4.2" },
    { 0.1, "0.1" },
    { 100, "100" },
    { -3, "-3" },
    { 1e-7, "1e-07" },
    { 12.345678901234567, "12.345678901234567" },
    { 2.5e20, "2.5e+20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RolloutProject) project = rollout_project_new ("n");
      g_autoptr(RolloutMetric) metric = rollout_metric_new ("m");
      g_autofree char *text = NULL;
      g_autofree char *needle = g_strdup_printf ("\"target\": %s\n", cases[i].text);
      g_autoptr(RolloutProject) back = NULL;
      g_autoptr(RolloutMetric) read_metric = NULL;

      rollout_project_set_name (project, "Numbers");
      rollout_project_set_start (project, rollout_date_from_ymd (2026, 1, 5));
      rollout_metric_set_name (metric, "M");
      rollout_metric_set_has_target (metric, TRUE);
      rollout_metric_set_target (metric, cases[i].value);
      rollout_project_insert_metric (project, metric, -1);
      text = rollout_file_write (project, NULL);
      g_assert_nonnull (strstr (text, needle));

      back = read_ok (text, strlen (text));
      read_metric = g_list_model_get_item (rollout_project_get_metrics (back), 0);
      g_assert_cmpfloat (rollout_metric_get_target (read_metric), ==, cases[i].value);
    }
}

/* Every file in data/invalid/ must fail with exactly the problems listed in
 * the .expected file beside it, in order. */
static void
test_invalid_files (void)
{
  g_autofree char *dir_path = data_path ("invalid");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *data = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RolloutProject) project = NULL;
      g_autoptr(GString) actual = g_string_new (NULL);
      g_autofree char *base = NULL;
      gsize length = 0;

      if (!g_str_has_suffix (name, ".rollout"))
        continue;
      n_files++;
      path = g_build_filename (dir_path, name, NULL);
      base = g_strndup (name, strlen (name) - strlen (".rollout"));
      expected_path = g_strdup_printf ("%s/%s.expected", dir_path, base);
      data = read_file (path, &length);
      expected = read_file (expected_path, NULL);

      project = rollout_file_read (data, length, &diagnostics, &error);
      g_test_message ("%s", name);
      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ROLLOUT_FILE_ERROR);
      g_assert_nonnull (diagnostics);
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *s = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          g_string_append_printf (actual, "%s\n", s);
        }
      g_assert_cmpstr (actual->str, ==, expected);
    }
  g_assert_cmpuint (n_files, >=, 15);
}

static void
test_newer_version_error (void)
{
  g_autofree char *path = data_path ("invalid/newer-version.rollout");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) project = rollout_file_load (file, NULL, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_NEWER_VERSION);
}

/* Every prefix and many corruptions of a valid file are refused cleanly. */
static void
test_truncations_and_corruptions (void)
{
  g_autofree char *path = demo_path ();
  gsize length = 0;
  g_autofree char *data = read_file (path, &length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *copy = g_malloc (length);

  for (gsize cut = 0; cut < length - 2; cut += 37)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(RolloutProject) project = rollout_file_read (data, cut, &diagnostics, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_cmpuint (diagnostics->len, >, 0);
    }

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RolloutProject) project = NULL;

      memcpy (copy, data, length);
      for (guint flips = g_rand_int_range (rand, 1, 8); flips > 0; flips--)
        copy[g_rand_int_range (rand, 0, length)] = (char) g_rand_int_range (rand, 0, 256);
      project = rollout_file_read (copy, length, NULL, &error);
      /* Either refused with a reason or, if the flip kept it valid, a plan. */
      g_assert_true ((project == NULL) != (error == NULL));
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rollout-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.rollout", NULL);
  g_autofree char *stale = g_build_filename (dir, ".plan.rollout.rollout-save-999999999-AbCdEf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RolloutProject) project = rollout_generate_project (50, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = rollout_file_write (project, NULL);
  struct stat st;

  /* A temporary file left by a process that died is cleaned up. */
  g_file_set_contents (stale, "half", -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_chmod (path, 0640);

  g_assert_true (rollout_file_save (project, file, NULL, &error));
  g_assert_no_error (error);
  written = read_file (path, NULL);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* The file keeps its permissions. */
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  remove_dir (dir);
}

static void
test_save_read_only_dir (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.rollout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RolloutProject) project = rollout_generate_project (10, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "the old plan", -1, NULL));
  g_chmod (dir, 0500);
  if (access (dir, W_OK) == 0)
    {
      /* Running as root: permissions do not stop us. */
      g_chmod (dir, 0700);
      remove_dir (dir);
      g_test_skip ("permissions are not enforced for this user");
      return;
    }
  g_assert_false (rollout_file_save (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "plan.rollout"));
  after = read_file (path, NULL);
  g_assert_cmpstr (after, ==, "the old plan");
  g_chmod (dir, 0700);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

static void
test_save_missing_dir (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-rollout-dir/plan.rollout");
  g_autoptr(RolloutProject) project = rollout_generate_project (5, 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (rollout_file_save (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_load_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "gone.rollout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  g_assert_null (rollout_file_load (file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (rollout_file_load (folder, NULL, NULL, &error2));
  g_assert_error (error2, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  remove_dir (dir);
}

static void
test_generate_deterministic (void)
{
  g_autoptr(RolloutProject) a = rollout_generate_project (500, 11);
  g_autoptr(RolloutProject) b = rollout_generate_project (500, 11);
  g_autoptr(RolloutProject) c = rollout_generate_project (500, 12);
  g_autofree char *ta = rollout_file_write (a, NULL);
  g_autofree char *tb = rollout_file_write (b, NULL);
  g_autofree char *tc = rollout_file_write (c, NULL);
  g_autoptr(GPtrArray) problems = rollout_project_validate (a);

  g_assert_cmpstr (ta, ==, tb);
  g_assert_cmpstr (ta, !=, tc);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (a)), ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_phases (a)), ==, 25);
}

static void
test_validate_project (void)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (40, 2);
  g_autoptr(RolloutTask) task = g_list_model_get_item (rollout_project_get_tasks (project), 5);
  g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  g_autoptr(GPtrArray) problems = NULL;
  RolloutDiagnostic *d;

  g_ptr_array_add (deps, rollout_dependency_new ("nowhere", ROLLOUT_DEPENDENCY_FS, 0));
  rollout_task_set_dependencies (task, deps);
  problems = rollout_project_validate (project);
  g_assert_cmpuint (problems->len, ==, 1);
  d = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (d->location, ==, "tasks[5].depends_on[0].task");
  g_assert_cmpstr (d->message, ==, "no task with id \"nowhere\"");
}

static void
test_dates (void)
{
  RolloutDate d;
  char buf[11];

  g_assert_true (rollout_date_parse ("2024-02-29", &d));
  rollout_date_format_buf (d, buf);
  g_assert_cmpstr (buf, ==, "2024-02-29");
  g_assert_false (rollout_date_parse ("2026-02-30", &d));
  g_assert_false (rollout_date_parse ("2026-00-10", &d));
  g_assert_false (rollout_date_parse ("", &d));
  g_assert_true (rollout_timestamp_is_valid ("2026-02-20T16:30:00Z"));
  g_assert_false (rollout_timestamp_is_valid ("2026-02-30T16:30:00Z"));
  g_assert_false (rollout_timestamp_is_valid ("2026-02-20"));
}

/* A snapshot through the write cache is the text rollout_file_write()
 * gives, whatever was edited since the last one: every kind of task field,
 * tasks added, deleted and put back, unknown members, the plan's own
 * fields; and an empty plan. */
static void
assert_snapshot_is_text (RolloutWriteCache *cache,
                         RolloutProject    *project)
{
  g_autoptr(GPtrArray) pieces = rollout_write_cache_snapshot (cache, project);
  g_autoptr(GBytes) joined = rollout_file_join (pieces);
  g_autofree char *text = rollout_file_write (project, NULL);
  g_autofree char *snapshot = g_strndup (g_bytes_get_data (joined, NULL), g_bytes_get_size (joined));

  g_assert_cmpuint (g_bytes_get_size (joined), ==, strlen (text));
  g_assert_cmpstr (snapshot, ==, text);
}

static void
test_write_cache (void)
{
  g_autoptr(RolloutWriteCache) cache = rollout_write_cache_new ();
  g_autoptr(RolloutProject) empty = rollout_project_new ("empty");

  assert_snapshot_is_text (cache, empty);

  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(RolloutWriteCache) plan_cache = rollout_write_cache_new ();
      g_autoptr(RolloutProject) project = rollout_generate_project (60 * seed, seed);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (g_object_unref);
      GListModel *tasks = rollout_project_get_tasks (project);

      assert_snapshot_is_text (plan_cache, project);
      for (guint step = 0; step < 120; step++)
        {
          g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, g_rand_int_range (rand, 0, g_list_model_get_n_items (tasks)));
          g_autoptr(RolloutCommand) command = NULL;
          g_autofree char *name = g_strdup_printf ("Task \"%u\" \\ ✓\n", step);

          switch (g_rand_int_range (rand, 0, 10))
            {
            case 0:
              command = rollout_command_new_set_many (task, "edit", "name", name, "owner", "Ann", NULL);
              break;
            case 1:
              command = rollout_command_new_set_many (task, "edit", "duration", g_rand_int_range (rand, 0, 30),
                                                      "progress", g_rand_int_range (rand, 0, 101), NULL);
              break;
            case 2:
              command = rollout_command_new_set_many (task, "edit", "start-no-earlier-than",
                                                      g_rand_boolean (rand) ? rollout_date_from_ymd (2026, 5, 4)
                                                                            : ROLLOUT_DATE_NONE,
                                                      "notes", g_rand_boolean (rand) ? "Line one\nline two" : NULL,
                                                      NULL);
              break;
            case 3:
              {
                g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_checklist_item_free);

                g_ptr_array_add (list, rollout_checklist_item_new ("Check", g_rand_boolean (rand)));
                command = rollout_command_new_set_many (task, "edit", "checklist", list, "status",
                                                        ROLLOUT_TASK_STATUS_BLOCKED, NULL);
              }
              break;
            case 4:
              {
                g_autoptr(JsonObject) extra = json_object_new ();

                json_object_set_int_member (extra, "x-step", step);
                rollout_task_set_extra (task, extra);
              }
              break;
            case 5:
              g_ptr_array_add (done, g_object_ref (task));
              command = rollout_command_new_delete_task (project, task);
              break;
            case 6:
              if (done->len > 0)
                {
                  RolloutTask *back = g_ptr_array_steal_index (done, done->len - 1);

                  if (rollout_project_lookup_task (project, rollout_task_get_id (back)) == NULL)
                    command = rollout_command_new_insert (back, g_rand_int_range (rand, -1, 40), "back");
                  g_object_unref (back);
                }
              break;
            case 7:
              rollout_project_set_name (project, name);
              break;
            case 8:
              {
                /* A phase, team, risk, metric or feedback. */
                static const struct { const char *property; } kinds[] = { { "name" }, { "name" }, { "title" },
                                                                          { "name" }, { "text" } };
                GListModel *models[] = { rollout_project_get_phases (project), rollout_project_get_teams (project),
                                         rollout_project_get_risks (project), rollout_project_get_metrics (project),
                                         rollout_project_get_feedback (project) };
                guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (models));
                g_autoptr(GObject) object = NULL;

                if (g_list_model_get_n_items (models[k]) == 0)
                  break;
                object = g_list_model_get_item (models[k], g_rand_int_range (rand, 0, g_list_model_get_n_items (models[k])));
                command = rollout_command_new_set_many (object, "edit", kinds[k].property, name, NULL);
              }
              break;
            default:
              /* Nothing changed: every task comes from the cache. */
              break;
            }
          if (command != NULL)
            rollout_command_apply (command, project);
          assert_snapshot_is_text (plan_cache, project);
        }
    }
}

/* Whatever stored value of an object is set, directly and not through a
 * command, the write cache notices: each kind of object counts the changes
 * in its setters. A new property whose setter does not count fails here. */
static gboolean
different_value (GObject    *object,
                 GParamSpec *pspec,
                 GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, type);
  g_object_get_property (object, pspec->name, &current);
  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, g_strcmp0 (g_value_get_string (&current), "Changed ✓") == 0 ? "Other" : "Changed ✓");
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (&current));
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *range = G_PARAM_SPEC_INT (pspec);

      g_value_set_int (value, g_value_get_int (&current) != range->minimum ? range->minimum
                                                                          : MIN (range->minimum + 1, range->maximum));
    }
  else if (type == G_TYPE_UINT)
    /* Dates are day numbers. */
    g_value_set_uint (value, g_value_get_uint (&current) != rollout_date_from_ymd (2026, 5, 4)
                             ? rollout_date_from_ymd (2026, 5, 4) : rollout_date_from_ymd (2026, 5, 5));
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *range = G_PARAM_SPEC_DOUBLE (pspec);

      g_value_set_double (value, g_value_get_double (&current) != range->minimum ? range->minimum : range->maximum);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_peek (type);
      int now = g_value_get_enum (&current);

      g_value_set_enum (value, klass->values[0].value != now ? klass->values[0].value : klass->values[1].value);
    }
  else if (type == G_TYPE_STRV)
    {
      static const char * const strv[] = { "Changed", NULL };

      g_value_set_boxed (value, g_value_get_boxed (&current) == NULL ? strv : NULL);
    }
  else if (G_TYPE_IS_BOXED (type) && g_value_get_boxed (&current) != NULL)
    g_value_set_boxed (value, NULL);
  else
    return FALSE;
  return TRUE;
}

static void
test_write_cache_properties (void)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (60, 3);
  g_autoptr(RolloutWriteCache) cache = rollout_write_cache_new ();
  GListModel *models[] = { rollout_project_get_teams (project), rollout_project_get_phases (project),
                           rollout_project_get_tasks (project), rollout_project_get_risks (project),
                           rollout_project_get_metrics (project), rollout_project_get_feedback (project) };
  guint n_changed = 0;

  assert_snapshot_is_text (cache, project);
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (models[m], g_list_model_get_n_items (models[m]) / 2);
      guint n_props = 0;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);

      for (guint i = 0; i < n_props; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;

          if (!(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) ||
              !different_value (object, pspecs[i], &value))
            continue;
          before = rollout_file_write (project, NULL);
          g_object_set_property (object, pspecs[i]->name, &value);
          after = rollout_file_write (project, NULL);
          if (g_strcmp0 (before, after) == 0)
            continue;
          g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspecs[i]->name);
          assert_snapshot_is_text (cache, project);
          n_changed++;
        }
    }
  g_assert_cmpuint (n_changed, >, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/file/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/rollout/file/round-trip/unknown-keys", test_round_trip_unknown_keys);
  g_test_add_func ("/rollout/file/round-trip/generated", test_round_trip_generated);
  g_test_add_func ("/rollout/file/canonical-idempotent", test_canonical_idempotent);
  g_test_add_func ("/rollout/file/write-cache", test_write_cache);
  g_test_add_func ("/rollout/file/write-cache-properties", test_write_cache_properties);
  g_test_add_func ("/rollout/file/numbers", test_numbers);
  g_test_add_func ("/rollout/file/board-members", test_board_members);
  g_test_add_func ("/rollout/file/invalid-files", test_invalid_files);
  g_test_add_func ("/rollout/file/newer-version", test_newer_version_error);
  g_test_add_func ("/rollout/file/truncations-and-corruptions", test_truncations_and_corruptions);
  g_test_add_func ("/rollout/file/save/atomic", test_save_atomic);
  g_test_add_func ("/rollout/file/save/read-only-dir", test_save_read_only_dir);
  g_test_add_func ("/rollout/file/save/missing-dir", test_save_missing_dir);
  g_test_add_func ("/rollout/file/load-errors", test_load_errors);
  g_test_add_func ("/rollout/file/generate-deterministic", test_generate_deterministic);
  g_test_add_func ("/rollout/file/validate-project", test_validate_project);
  g_test_add_func ("/rollout/file/dates", test_dates);

  return g_test_run ();
}
