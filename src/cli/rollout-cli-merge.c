/* rollout-cli-merge.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The commands for sharing plans: a semantic diff and a three-way merge,
 * each usable from git (as an external diff command and as a merge driver).
 *
 * git runs an external diff command with seven arguments (path, old file,
 * old hash, old mode, new file, new hash, new mode; nine for a rename) and
 * stops the whole diff when it exits non-zero, so `diff --git` always exits
 * 0 and says in its output when a side cannot be read. A merge driver is
 * run with the base, ours and theirs, writes the result over ours, and
 * exits non-zero to leave the path conflicted. */

#define G_LOG_DOMAIN "rollout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rollout-cli.h"
#include "rollout-diff.h"
#include "rollout-merge.h"

/* Loads a plan for comparing: merge conflicts in it are accepted. */
static RolloutProject *
load_for_diff (const char  *path,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return rollout_merge_load (file, NULL, NULL, error);
}

static void
print_changes (GPtrArray *changes,
               gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = rollout_diff_to_json (changes);
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *text = rollout_diff_to_text (changes);

      g_print ("%s", text);
    }
}

static guint
n_tasks (RolloutProject *project)
{
  return g_list_model_get_n_items (rollout_project_get_tasks (project));
}

/* rollout-cli diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE */
static int
git_diff (int    argc,
          char **argv,
          gboolean json)
{
  const char *path = argv[1];
  const char *old_path = argv[2];
  const char *new_path = argv[5];
  g_autoptr(RolloutProject) old_project = NULL;
  g_autoptr(RolloutProject) new_project = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  if (!json)
    g_print ("diff --rollout a/%s b/%s\n", path, argc >= 9 ? argv[8] : path);

  if (strcmp (old_path, "/dev/null") != 0 && (old_project = load_for_diff (old_path, &error)) == NULL)
    {
      g_print (_("%s: the earlier version cannot be read: %s\n"), path, error->message);
      return CLI_OK;
    }
  if (strcmp (new_path, "/dev/null") != 0 && (new_project = load_for_diff (new_path, &error)) == NULL)
    {
      g_print (_("%s: this version cannot be read: %s\n"), path, error->message);
      return CLI_OK;
    }

  if (old_project == NULL && new_project != NULL)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "New plan ‘%s’ (%u task)\n", "New plan ‘%s’ (%u tasks)\n",
                            n_tasks (new_project)),
               rollout_project_get_name (new_project), n_tasks (new_project));
      return CLI_OK;
    }
  if (new_project == NULL && old_project != NULL)
    {
      g_print (_("Deleted plan ‘%s’\n"), rollout_project_get_name (old_project));
      return CLI_OK;
    }
  if (old_project == NULL)
    return CLI_OK;

  changes = rollout_diff_projects (old_project, new_project);
  if (changes->len == 0 && !json)
    g_print ("%s\n", _("The same plan; only the way the file is written differs"));
  else
    print_changes (changes, json);
  return CLI_OK;
}

int
cli_diff (int    argc,
          char **argv)
{
  gboolean json = FALSE;
  gboolean git = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as a JSON list"), NULL },
    { "git", 0, 0, G_OPTION_ARG_NONE, &git,
      N_("Take git’s external diff arguments (for diff.rollout.command); always exit 0"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("diff", _("OLD NEW"),
                                  _("Lists what changed between two versions of a plan, object by object,\n"
                                    "in words: “Task ‘Train support agents’: duration 3 → 5 days”.\n"
                                    "Exits 0 when they are the same plan, 1 when they differ, 2 when a\n"
                                    "file cannot be read or the command line is wrong."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutProject) old_project = NULL;
  g_autoptr(RolloutProject) new_project = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (git)
    {
      if (argc != 8 && argc != 10)
        return cli_usage_error ("diff", _("--git takes the seven (or nine) arguments git passes"));
      return git_diff (argc, argv, json);
    }
  if (argc != 3)
    return cli_usage_error ("diff", argc < 3 ? _("give two files") : _("give only two files"));

  if ((old_project = load_for_diff (argv[1], &error)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_USAGE;
    }
  if ((new_project = load_for_diff (argv[2], &error)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return CLI_USAGE;
    }

  changes = rollout_diff_projects (old_project, new_project);
  print_changes (changes, json);
  return changes->len == 0 ? CLI_OK : CLI_FAILED;
}

static gboolean
write_plan (RolloutProject  *project,
            const char      *output,
            GError         **error)
{
  gsize length = 0;
  g_autofree char *text = rollout_file_write (project, &length);
  g_autoptr(GFile) file = NULL;

  if (strcmp (output, "-") == 0)
    {
      fwrite (text, 1, length, stdout);
      return fflush (stdout) == 0;
    }
  file = g_file_new_for_commandline_arg (output);
  return rollout_file_replace_contents (file, text, length, NULL, error);
}

static gboolean
is_empty_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
         g_file_info_get_size (info) == 0;
}

static void
print_conflicts (GPtrArray *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      RolloutConflict *conflict = g_ptr_array_index (conflicts, i);

      g_printerr (_("CONFLICT: %s\n"), conflict->message);
    }
}

static int
resolve_all (const char *side_name,
             const char *path,
             const char *output,
             gboolean    quiet)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_conflict_free);
  g_autoptr(GError) error = NULL;
  RolloutMergeSide side;

  if (g_strcmp0 (side_name, "ours") == 0)
    side = ROLLOUT_MERGE_OURS;
  else if (g_strcmp0 (side_name, "theirs") == 0)
    side = ROLLOUT_MERGE_THEIRS;
  else if (g_strcmp0 (side_name, "base") == 0)
    side = ROLLOUT_MERGE_BASE;
  else
    return cli_usage_error ("merge", _("--resolve takes ours, theirs or base"));

  project = rollout_merge_load (file, NULL, &diagnostics, &error);
  if (project == NULL)
    {
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
        {
          g_autofree char *text = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          g_printerr ("%s: %s\n", path, text);
        }
      if (diagnostics == NULL || diagnostics->len == 0)
        g_printerr ("%s: %s\n", path, error->message);
      return CLI_FAILED;
    }

  conflicts = rollout_merge_get_conflicts (project);
  for (guint i = 0; i < conflicts->len; i++)
    {
      RolloutConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autoptr(GError) local_error = NULL;

      if (!rollout_merge_resolve (project, conflict, side, &local_error))
        {
          if (!quiet)
            g_printerr ("%s: %s\n", path, local_error->message);
          g_ptr_array_add (left, rollout_conflict_copy (conflict));
        }
    }

  if (!write_plan (project, output ? output : path, &error))
    {
      g_printerr ("%s: %s\n", output ? output : path, error->message);
      return CLI_FAILED;
    }
  if (left->len > 0 && !quiet)
    print_conflicts (left);
  return left->len > 0 ? CLI_FAILED : CLI_OK;
}

int
cli_merge (int    argc,
           char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *resolve = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the result (default: over OURS; - for standard output)"), N_("FILE") },
    { "resolve", 0, 0, G_OPTION_ARG_STRING, &resolve,
      N_("Resolve every conflict left in FILE by keeping one side: ours, theirs or base"), N_("SIDE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not list the conflicts"), NULL },
    { NULL }
  };
  g_autofree char *summary = g_strdup_printf ("%s\n  %s\n%s",
                                              _("Merges the changes from BASE to OURS and from BASE to THEIRS, object\n"
                                                "by object and field by field, and writes the result over OURS (or to\n"
                                                "--output), atomically. Conflicts are listed and kept in the plan’s\n"
                                                "“conflicts” list; `rollout-cli validate` reports them until they are\n"
                                                "resolved. Exits 0 for a clean merge, 1 when conflicts remain or a file\n"
                                                "cannot be read. As a git merge driver:"),
                                              "git config merge.rollout.driver \"rollout-cli merge %O %A %B\"",
                                              _("With --resolve=SIDE FILE, resolves FILE’s conflicts instead."));
  int status = cli_parse_options ("merge", _("BASE OURS THEIRS"), summary, entries, &argc, &argv);
  g_autoptr(RolloutProject) base = NULL;
  g_autoptr(RolloutProject) ours = NULL;
  g_autoptr(RolloutProject) theirs = NULL;
  g_autoptr(RolloutProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (resolve != NULL)
    {
      if (argc != 2)
        return cli_usage_error ("merge", _("--resolve takes one file"));
      return resolve_all (resolve, argv[1], output, quiet);
    }
  if (argc != 4)
    return cli_usage_error ("merge", argc < 4 ? _("give three files: BASE OURS THEIRS")
                                              : _("give only three files: BASE OURS THEIRS"));

  ours = cli_load (argv[2], FALSE);
  theirs = cli_load (argv[3], FALSE);
  if (ours == NULL || theirs == NULL)
    return CLI_FAILED;
  /* git passes an empty base when both branches added the plan: then every
   * object is an addition on both sides. */
  if (is_empty_file (argv[1]))
    base = rollout_project_new (rollout_project_get_id (ours));
  else if ((base = cli_load (argv[1], FALSE)) == NULL)
    return CLI_FAILED;

  merged = rollout_merge_projects (base, ours, theirs, &conflicts, &error);
  if (merged == NULL)
    {
      g_printerr ("rollout-cli merge: %s\n", error->message);
      return CLI_FAILED;
    }
  if (!write_plan (merged, output ? output : argv[2], &error))
    {
      g_printerr ("%s: %s\n", output ? output : argv[2], error->message);
      return CLI_FAILED;
    }
  if (conflicts->len > 0 && !quiet)
    print_conflicts (conflicts);
  return conflicts->len > 0 ? CLI_FAILED : CLI_OK;
}
