/* rollout-cli.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rollout-cli: Rollout's plans from the command line, for scripts and CI.
 * Every command exits 0 when all went well, 1 for invalid input or failed
 * work (with a message on stderr), 2 for a wrong command line. */

#define G_LOG_DOMAIN "rollout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rollout-cli.h"

static const CliCommand commands[] = {
  { "validate", N_("Check plans and list every problem"), cli_validate },
  { "info", N_("Print a JSON summary of a plan"), cli_info },
  { "schedule", N_("Print each task’s scheduled dates, slack and criticality"), cli_schedule },
  { "fmt", N_("Rewrite plans in canonical form"), cli_fmt },
  { "diff", N_("List what changed between two versions of a plan, in words"), cli_diff },
  { "merge", N_("Merge two people’s changes to a plan (a git merge driver)"), cli_merge },
  { "export-pdf", N_("Write a plan as a PDF to print, or its timeline as SVG or PNG"), cli_export_pdf },
  { "generate", N_("Write a synthetic plan for tests and benchmarks"), cli_generate },
  { "import", N_("Import a plan from MS Project XML, GanttProject or Planner"), cli_import },
  { "export-ics", N_("Write a plan’s milestones, phase starts and gates as a calendar"), cli_export_ics },
  { "export-csv", N_("Write a plan’s tasks, risks or feedback as CSV"), cli_export_csv },
  { "export-mspdi", N_("Write a plan as MS Project XML"), cli_export_mspdi },
  { "gates", N_("Print each phase’s go/no-go verdict with its reasons"), cli_gates },
  { "import-metrics", N_("Add metric samples from a CSV file to a plan"), cli_import_metrics },
  { "import-feedback", N_("Add feedback entries from a CSV file to a plan"), cli_import_feedback },
  { "index", N_("Add plans to the search index, or refresh them"), cli_index },
  { "search", N_("Search every indexed plan"), cli_search },
  { "recent", N_("List recently opened projects with their summaries"), cli_recent },
};

int
cli_usage_error (const char *command,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("rollout-cli %s: %s\n", command, message);
  g_printerr (_("Try “rollout-cli %s --help”.\n"), command);
  return CLI_USAGE;
}

int
cli_parse_options (const char    *command,
                   const char    *parameters,
                   const char    *description,
                   GOptionEntry  *entries,
                   int           *argc,
                   char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help = FALSE;
  GOptionEntry help_entry[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    { NULL }
  };

  context = g_option_context_new (parameters);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entry, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return cli_usage_error (command, "%s", error->message);

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      g_autofree char *prg = g_strdup_printf ("rollout-cli %s", command);
      const char *rest = strstr (text, " [OPTION");

      /* GOption names the program; say the command instead. */
      if (g_str_has_prefix (text, "Usage:") && rest != NULL)
        g_print ("Usage:\n  %s%s", prg, rest);
      else
        g_print ("%s", text);
      return -1;
    }
  return CLI_OK;
}

/* Loads @path, printing every problem as "FILE: location: message". */
RolloutProject *
cli_load (const char *path,
          gboolean    quiet)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  RolloutProject *project;

  project = rollout_file_load (file, NULL, &diagnostics, &error);
  if (project != NULL)
    return project;
  if (quiet)
    return NULL;

  if (diagnostics != NULL && diagnostics->len > 0)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *text = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          g_printerr ("%s: %s\n", path, text);
        }
    }
  else
    g_printerr ("%s: %s\n", path, error->message);
  return NULL;
}

void
cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_usage (FILE *stream)
{
  int width = 0;

  fprintf (stream, "%s\n  rollout-cli COMMAND [OPTION…] [ARGUMENT…]\n\n%s\n",
           _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-*s  %s\n", width, commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “rollout-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  const char *name;

  setlocale (LC_ALL, "");
  /* ROLLOUT_LOCALEDIR lets tests use catalogues built in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ROLLOUT_LOCALEDIR") ? g_getenv ("ROLLOUT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return CLI_USAGE;
    }
  name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      print_usage (stdout);
      return CLI_OK;
    }
  if (strcmp (name, "--version") == 0)
    {
      g_print ("rollout-cli %s\n", PACKAGE_VERSION);
      return CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (name, commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("rollout-cli: unknown command “%s”\n"), name);
  print_usage (stderr);
  return CLI_USAGE;
}
