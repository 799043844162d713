/* rollout-cli-convert.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The commands that bring plans in from other tools and take them out to
 * calendars, spreadsheets and MS Project. */

#define G_LOG_DOMAIN "rollout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rollout-cli.h"
#include "rollout-export.h"
#include "rollout-import.h"

/* Writes @text to @output atomically, or to standard output for "-". */
static int
write_output (const char *output,
              const char *text,
              gsize       length)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (strcmp (output, "-") == 0)
    {
      fwrite (text, 1, length, stdout);
      return fflush (stdout) == 0 ? CLI_OK : CLI_FAILED;
    }
  file = g_file_new_for_commandline_arg (output);
  if (!rollout_file_replace_contents (file, text, length, NULL, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return CLI_FAILED;
    }
  return CLI_OK;
}

int
cli_import (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the plan (- for standard output)"), N_("FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not print the import report"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("import", _("FILE"),
                                  _("Imports a plan from MS Project XML (.xml), GanttProject (.gan) or\n"
                                    "GNOME Planner (.planner), telling the format from the content, and\n"
                                    "prints a report of what could not be imported and how the schedule\n"
                                    "compares with the dates the other tool stored. Exits 1, naming the\n"
                                    "element and line, when the file cannot be imported."),
                                  entries, &argc, &argv);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  int result;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc != 2)
    return cli_usage_error ("import", argc < 2 ? _("no file given") : _("give one file"));
  if (output == NULL)
    return cli_usage_error ("import", _("-o FILE is required"));

  file = g_file_new_for_commandline_arg (argv[1]);
  project = rollout_import_load (file, NULL, &report, &error);
  if (project == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_FAILED;
    }

  text = rollout_file_write (project, &length);
  result = write_output (output, text, length);
  if (result == CLI_OK && !quiet)
    {
      g_autofree char *summary = rollout_import_report_to_string (report);

      /* The plan may be on standard output. */
      if (strcmp (output, "-") == 0)
        g_printerr ("%s", summary);
      else
        g_print ("%s", summary);
    }
  return result;
}

/* The time to stamp calendar events with: SOURCE_DATE_EPOCH when set, for
 * reproducible output, else now. */
static GDateTime *
stamp_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

typedef enum {
  EXPORT_ICS,
  EXPORT_CSV,
  EXPORT_MSPDI,
} ExportKind;

static int
run_export (const char  *command,
            ExportKind   kind,
            const char  *description,
            int          argc,
            char       **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *what = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (- for standard output)"), N_("FILE") },
    { "what", 'w', 0, G_OPTION_ARG_STRING, &what, N_("What to list: tasks (default), risks or feedback"), N_("TABLE") },
    { NULL }
  };
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RolloutExportCsvTable table = ROLLOUT_EXPORT_CSV_TASKS;
  gsize length = 0;
  int status;

  if (kind != EXPORT_CSV)
    entries[1] = (GOptionEntry) { NULL };
  status = cli_parse_options (command, _("PLAN"), description, entries, &argc, &argv);
  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc != 2)
    return cli_usage_error (command, argc < 2 ? _("no plan given") : _("give one plan"));
  if (output == NULL)
    return cli_usage_error (command, _("-o FILE is required"));
  if (what != NULL)
    {
      if (strcmp (what, "tasks") == 0)
        table = ROLLOUT_EXPORT_CSV_TASKS;
      else if (strcmp (what, "risks") == 0)
        table = ROLLOUT_EXPORT_CSV_RISKS;
      else if (strcmp (what, "feedback") == 0)
        table = ROLLOUT_EXPORT_CSV_FEEDBACK;
      else
        return cli_usage_error (command, _("unknown table “%s” (use tasks, risks or feedback)"), what);
    }

  project = cli_load (argv[1], FALSE);
  if (project == NULL)
    return CLI_FAILED;

  switch (kind)
    {
    case EXPORT_ICS:
      {
        g_autoptr(GDateTime) stamp = stamp_time ();

        text = rollout_export_ics (project, stamp, &length, &error);
      }
      break;
    case EXPORT_CSV:
      text = rollout_export_csv (project, table, &length, &error);
      break;
    case EXPORT_MSPDI:
    default:
      text = rollout_export_mspdi (project, &length, &error);
      break;
    }
  if (text == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_FAILED;
    }
  return write_output (output, text, length);
}

int
cli_export_ics (int    argc,
                char **argv)
{
  return run_export ("export-ics", EXPORT_ICS,
                     _("Writes the plan’s phase starts, milestones and gate dates as all-day\n"
                       "events of an iCalendar file (RFC 5545). Events keep their UIDs from\n"
                       "one export to the next, so a calendar updates rather than duplicates\n"
                       "them. DTSTAMP is SOURCE_DATE_EPOCH when set, else now."),
                     argc, argv);
}

int
cli_export_csv (int    argc,
                char **argv)
{
  return run_export ("export-csv", EXPORT_CSV,
                     _("Writes the plan’s tasks (with their scheduled dates), risks or\n"
                       "feedback as CSV (RFC 4180) for spreadsheets."),
                     argc, argv);
}

int
cli_export_mspdi (int    argc,
                  char **argv)
{
  return run_export ("export-mspdi", EXPORT_MSPDI,
                     _("Writes the plan as MS Project XML (MSPDI): phases as summary tasks,\n"
                       "tasks with their dependencies and dates, the calendar, and owners as\n"
                       "resources. Importing the file again gives back the same plan."),
                     argc, argv);
}
