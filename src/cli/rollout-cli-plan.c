/* rollout-cli-plan.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The commands that read, check, schedule and write plans. */

#define G_LOG_DOMAIN "rollout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rollout-cli.h"
#include "rollout-generator.h"
#include "rollout-scheduler.h"

int
cli_validate (int    argc,
              char **argv)
{
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing; only set the exit status"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("validate", _("FILE…"),
                                  _("Checks each plan and prints every problem found, one per line,\n"
                                    "as FILE: location: message. Exits 1 if any plan is invalid."),
                                  entries, &argc, &argv);
  int result = CLI_OK;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc < 2)
    return cli_usage_error ("validate", _("no file given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(RolloutProject) project = cli_load (argv[i], quiet);

      if (project == NULL)
        result = CLI_FAILED;
    }
  return result;
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          RolloutDate  date)
{
  json_builder_set_member_name (builder, name);
  if (date == ROLLOUT_DATE_NONE)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = rollout_date_format (date);

      json_builder_add_string_value (builder, text);
    }
}

int
cli_info (int    argc,
          char **argv)
{
  int status = cli_parse_options ("info", _("FILE"),
                                  _("Prints a JSON summary of a plan: its name, how many phases, tasks,\n"
                                    "milestones, risks, metrics and feedback entries it has, when it\n"
                                    "starts and finishes, and the length of its critical path."),
                                  NULL, &argc, &argv);
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  RolloutScheduleSummary summary = { 0 };
  GListModel *tasks;
  guint n_tasks, n_milestones = 0;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc != 2)
    return cli_usage_error ("info", argc < 2 ? _("no file given") : _("give one file"));

  project = cli_load (argv[1], FALSE);
  if (project == NULL)
    return CLI_FAILED;
  if (!rollout_project_schedule (project, &summary, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_FAILED;
    }

  tasks = rollout_project_get_tasks (project);
  n_tasks = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);

      n_milestones += rollout_task_is_milestone (task);
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, rollout_project_get_id (project));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rollout_project_get_name (project));
  json_builder_set_member_name (builder, "phases");
  json_builder_add_int_value (builder, g_list_model_get_n_items (rollout_project_get_phases (project)));
  json_builder_set_member_name (builder, "tasks");
  json_builder_add_int_value (builder, n_tasks - n_milestones);
  json_builder_set_member_name (builder, "milestones");
  json_builder_add_int_value (builder, n_milestones);
  json_builder_set_member_name (builder, "teams");
  json_builder_add_int_value (builder, g_list_model_get_n_items (rollout_project_get_teams (project)));
  json_builder_set_member_name (builder, "risks");
  json_builder_add_int_value (builder, g_list_model_get_n_items (rollout_project_get_risks (project)));
  json_builder_set_member_name (builder, "metrics");
  json_builder_add_int_value (builder, g_list_model_get_n_items (rollout_project_get_metrics (project)));
  json_builder_set_member_name (builder, "feedback");
  json_builder_add_int_value (builder, g_list_model_get_n_items (rollout_project_get_feedback (project)));
  add_date (builder, "start", summary.start);
  add_date (builder, "finish", summary.finish);
  json_builder_set_member_name (builder, "critical_path_length");
  json_builder_add_int_value (builder, summary.length);
  json_builder_set_member_name (builder, "critical_tasks");
  json_builder_add_int_value (builder, summary.n_critical);
  json_builder_end_object (builder);

  cli_print_json (builder);
  return CLI_OK;
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

int
cli_schedule (int    argc,
              char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: csv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  int status = cli_parse_options ("schedule", _("FILE"),
                                  _("Schedules a plan and prints, for each task: id, name, phase, start,\n"
                                    "finish, total slack in working days and whether it is critical."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json;
  GListModel *tasks;
  guint n;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (format != NULL && strcmp (format, "csv") != 0 && strcmp (format, "json") != 0)
    return cli_usage_error ("schedule", _("unknown format “%s” (use csv or json)"), format);
  if (argc != 2)
    return cli_usage_error ("schedule", argc < 2 ? _("no file given") : _("give one file"));
  json = format != NULL && strcmp (format, "json") == 0;

  project = cli_load (argv[1], FALSE);
  if (project == NULL)
    return CLI_FAILED;
  if (!rollout_project_schedule (project, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_FAILED;
    }

  tasks = rollout_project_get_tasks (project);
  n = g_list_model_get_n_items (tasks);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, rollout_task_get_id (task));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, rollout_task_get_name (task));
          json_builder_set_member_name (builder, "phase");
          json_builder_add_string_value (builder, rollout_task_get_phase_id (task));
          add_date (builder, "start", rollout_task_get_start (task));
          add_date (builder, "finish", rollout_task_get_finish (task));
          json_builder_set_member_name (builder, "total_slack");
          json_builder_add_int_value (builder, rollout_task_get_total_slack (task));
          json_builder_set_member_name (builder, "critical");
          json_builder_add_boolean_value (builder, rollout_task_get_critical (task));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cli_print_json (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new ("id,name,phase,start,finish,total_slack,critical\r\n");

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
          char start[11], finish[11];

          rollout_date_format_buf (rollout_task_get_start (task), start);
          rollout_date_format_buf (rollout_task_get_finish (task), finish);
          csv_field (out, rollout_task_get_id (task));
          g_string_append_c (out, ',');
          csv_field (out, rollout_task_get_name (task));
          g_string_append_c (out, ',');
          csv_field (out, rollout_task_get_phase_id (task));
          g_string_append_printf (out, ",%s,%s,%d,%s\r\n", start, finish,
                                  rollout_task_get_total_slack (task),
                                  rollout_task_get_critical (task) ? "yes" : "no");
        }
      fwrite (out->str, 1, out->len, stdout);
    }
  return CLI_OK;
}

int
cli_fmt (int    argc,
         char **argv)
{
  gboolean check = FALSE;
  GOptionEntry entries[] = {
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check, N_("Change nothing; list the files that are not in canonical form and exit 1 if there are any"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("fmt", _("FILE…"),
                                  _("Rewrites each plan in canonical form (fixed key order, two-space\n"
                                    "indent, one trailing newline), in place and atomically. Formatting\n"
                                    "a formatted file changes nothing."),
                                  entries, &argc, &argv);
  int result = CLI_OK;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc < 2)
    return cli_usage_error ("fmt", _("no file given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(RolloutProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *original = NULL;
      g_autofree char *canonical = NULL;
      gsize original_length = 0, length = 0;

      project = cli_load (argv[i], FALSE);
      if (project == NULL)
        {
          result = CLI_FAILED;
          continue;
        }
      canonical = rollout_file_write (project, &length);
      if (!g_file_load_contents (file, NULL, &original, &original_length, NULL, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          result = CLI_FAILED;
          continue;
        }
      if (original_length == length && memcmp (original, canonical, length) == 0)
        continue;
      if (check)
        {
          g_print (_("%s: not in canonical form\n"), argv[i]);
          result = CLI_FAILED;
        }
      else if (!rollout_file_replace_contents (file, canonical, length, NULL, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          result = CLI_FAILED;
        }
    }
  return result;
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

int
cli_generate (int    argc,
              char **argv)
{
  g_autofree char *tasks_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "tasks", 'n', 0, G_OPTION_ARG_STRING, &tasks_text, N_("Number of tasks (required)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text, N_("Random seed (default 1)"), N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the plan (- for standard output)"), N_("FILE") },
    { NULL }
  };
  int status = cli_parse_options ("generate", NULL,
                                  _("Writes a valid synthetic plan of N tasks in phases of about 20, with\n"
                                    "dependencies, teams, risks, metrics with samples and feedback. The\n"
                                    "same N and seed always give the same file."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 n_tasks = 0, seed = 1;
  gsize length;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc > 1)
    return cli_usage_error ("generate", _("unexpected argument “%s”"), argv[1]);
  if (tasks_text == NULL)
    return cli_usage_error ("generate", _("--tasks is required"));
  if (!parse_uint (tasks_text, 10000000, &n_tasks))
    return cli_usage_error ("generate", _("--tasks must be a whole number from 0 to 10000000, not “%s”"), tasks_text);
  if (seed_text != NULL && !parse_uint (seed_text, G_MAXUINT32, &seed))
    return cli_usage_error ("generate", _("--seed must be a whole number from 0 to %u, not “%s”"), G_MAXUINT32, seed_text);
  if (output == NULL)
    return cli_usage_error ("generate", _("-o FILE is required"));

  project = rollout_generate_project ((guint) n_tasks, (guint32) seed);
  text = rollout_file_write (project, &length);

  if (strcmp (output, "-") == 0)
    {
      fwrite (text, 1, length, stdout);
      return CLI_OK;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!rollout_file_replace_contents (file, text, length, NULL, &error))
        {
          g_printerr ("%s: %s\n", output, error->message);
          return CLI_FAILED;
        }
    }
  return CLI_OK;
}
