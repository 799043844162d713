/* rollout-cli-export.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* export-pdf: the printed plan as a PDF, or its timeline as one SVG or PNG
 * picture, through the same renderer as the print dialog. A long export
 * shows its progress on standard error when that is a terminal (or when
 * asked with --progress). */

#define G_LOG_DOMAIN "rollout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rollout-cli.h"
#include "rollout-report.h"
#include "rollout-scheduler.h"

/* The locale's paper: US Letter where it is the custom, A4 elsewhere. */
static RolloutReportPaper
default_paper (void)
{
#ifdef _NL_PAPER_WIDTH
  union {
    const char *string;
    unsigned int word;
  } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return ROLLOUT_REPORT_PAPER_LETTER;
#endif
  return ROLLOUT_REPORT_PAPER_A4;
}

/* Progress on standard error: on a terminal, one line rewritten in place at
 * most ten times a second and cleared at the end; elsewhere (--progress
 * into a file or a pipe) a line at every tenth, for logs. */
typedef struct {
  gboolean terminal;
  gint64   last_time;
  int      last_tenth;
  gboolean shown;
} Progress;

static gboolean
progress_cb (double   fraction,
             guint    page,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) floor (CLAMP (fraction, 0.0, 1.0) * 100);
  g_autofree char *line = NULL;

  if (progress->terminal)
    {
      gint64 now = g_get_monotonic_time ();

      if (progress->shown && page < n_pages && now - progress->last_time < G_USEC_PER_SEC / 10)
        return TRUE;
      progress->last_time = now;
    }
  else
    {
      if (progress->shown && page < n_pages && percent / 10 == progress->last_tenth)
        return TRUE;
      progress->last_tenth = percent / 10;
    }

  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: export-pdf's progress: pages written, of all, and the percentage */
                                       "%u of %u page (%d%%)",
                                       "%u of %u pages (%d%%)",
                                       n_pages),
                          page, n_pages, percent);
  if (progress->terminal)
    fprintf (stderr, "\r%s\033[K", line);
  else
    fprintf (stderr, "%s\n", line);
  fflush (stderr);
  progress->shown = TRUE;
  return TRUE;
}

static gboolean
parse_date_option (const char  *name,
                   const char  *text,
                   RolloutDate *out_date)
{
  *out_date = ROLLOUT_DATE_NONE;
  if (text == NULL)
    return TRUE;
  if (rollout_date_parse (text, out_date))
    return TRUE;
  cli_usage_error ("export-pdf", _("%s must be a date like 2026-03-02, not “%s”"), name, text);
  return FALSE;
}

int
cli_export_pdf (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *orientation_text = NULL;
  g_autofree char *sections_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *format_text = NULL;
  gboolean fit_width = FALSE;
  gboolean show_progress = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (required)"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text, N_("Paper size: a4 or letter (default: the locale’s)"), N_("PAPER") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &orientation_text, N_("portrait (default) or landscape"), N_("ORIENTATION") },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &sections_text, N_("Sections to print, in order (default: summary,timeline,board,risks,monitor)"), N_("LIST") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the timeline"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the timeline"), N_("DATE") },
    { "fit-width", 0, 0, G_OPTION_ARG_NONE, &fit_width, N_("Fit the timeline to the page’s width"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The date printed on the pages (default: today)"), N_("DATE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text, N_("pdf, or svg or png for the timeline alone (default: from the output’s extension, else pdf)"), N_("FORMAT") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &show_progress, N_("Show progress on standard error even when it is not a terminal"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("export-pdf", _("FILE"),
                                  _("Writes a plan as a PDF for printing and sending: a summary, the timeline\n"
                                    "(cut across pages both ways when it is large, or fitted to the width),\n"
                                    "the board by team, the risks with their heat map and the monitoring of\n"
                                    "each phase (gate verdict and reasons, metric charts, feedback). Every page\n"
                                    "has the plan’s name, the printed date and its number. With --format svg or\n"
                                    "png it writes the whole timeline as one picture instead, for slides and\n"
                                    "wikis. The output is replaced atomically; progress is shown on standard\n"
                                    "error when it is a terminal."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sections = NULL;
  RolloutReportOptions options;
  RolloutReportPaper paper = default_paper ();
  RolloutReportOrientation orientation = ROLLOUT_REPORT_PORTRAIT;
  RolloutReportFormat format = ROLLOUT_REPORT_FORMAT_PDF;
  Progress progress = { 0 };
  gboolean ok;
  double width, height;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;

  rollout_report_options_init (&options);
  if (argc < 2)
    return cli_usage_error ("export-pdf", _("no file given"));
  if (argc > 2)
    return cli_usage_error ("export-pdf", _("give one file"));
  if (output == NULL)
    return cli_usage_error ("export-pdf", _("-o FILE is required"));

  if (paper_text != NULL)
    {
      if (g_ascii_strcasecmp (paper_text, "a4") == 0)
        paper = ROLLOUT_REPORT_PAPER_A4;
      else if (g_ascii_strcasecmp (paper_text, "letter") == 0)
        paper = ROLLOUT_REPORT_PAPER_LETTER;
      else
        return cli_usage_error ("export-pdf", _("unknown paper “%s” (use a4 or letter)"), paper_text);
    }
  if (orientation_text != NULL)
    {
      if (strcmp (orientation_text, "portrait") == 0)
        orientation = ROLLOUT_REPORT_PORTRAIT;
      else if (strcmp (orientation_text, "landscape") == 0)
        orientation = ROLLOUT_REPORT_LANDSCAPE;
      else
        return cli_usage_error ("export-pdf", _("unknown orientation “%s” (use portrait or landscape)"),
                                orientation_text);
    }

  if (format_text != NULL)
    {
      if (strcmp (format_text, "pdf") == 0)
        format = ROLLOUT_REPORT_FORMAT_PDF;
      else if (strcmp (format_text, "svg") == 0)
        format = ROLLOUT_REPORT_FORMAT_SVG;
      else if (strcmp (format_text, "png") == 0)
        format = ROLLOUT_REPORT_FORMAT_PNG;
      else
        return cli_usage_error ("export-pdf", _("unknown format “%s” (use pdf, svg or png)"), format_text);
    }
  else if (g_str_has_suffix (output, ".svg") || g_str_has_suffix (output, ".SVG"))
    format = ROLLOUT_REPORT_FORMAT_SVG;
  else if (g_str_has_suffix (output, ".png") || g_str_has_suffix (output, ".PNG"))
    format = ROLLOUT_REPORT_FORMAT_PNG;

  if (sections_text != NULL)
    {
      const char * const *known = rollout_report_list_sections ();

      if (format != ROLLOUT_REPORT_FORMAT_PDF)
        return cli_usage_error ("export-pdf", _("--sections applies to PDF only; svg and png show the timeline"));
      sections = g_strsplit (sections_text, ",", -1);
      for (guint i = 0; sections[i] != NULL; i++)
        {
          g_strstrip (sections[i]);
          if (sections[i][0] == '\0')
            return cli_usage_error ("export-pdf", _("--sections has an empty name in “%s”"), sections_text);
          if (!g_strv_contains (known, sections[i]))
            {
              g_autofree char *list = g_strjoinv (",", (char **) known);

              return cli_usage_error ("export-pdf", _("unknown section “%s” (choose from %s)"), sections[i], list);
            }
          for (guint j = 0; j < i; j++)
            if (strcmp (sections[i], sections[j]) == 0)
              return cli_usage_error ("export-pdf", _("section “%s” is listed twice"), sections[i]);
        }
      if (sections[0] == NULL)
        return cli_usage_error ("export-pdf", _("--sections needs at least one section"));
      options.sections = (const char * const *) sections;
    }

  if (!parse_date_option ("--from", from_text, &options.from) ||
      !parse_date_option ("--to", to_text, &options.to) ||
      !parse_date_option ("--date", date_text, &options.printed))
    return CLI_USAGE;
  if (options.from != ROLLOUT_DATE_NONE && options.to != ROLLOUT_DATE_NONE && options.to < options.from)
    return cli_usage_error ("export-pdf", _("--to (%s) is before --from (%s)"), to_text, from_text);
  options.fit_width = fit_width;

  project = cli_load (argv[1], FALSE);
  if (project == NULL)
    return CLI_FAILED;
  if (!rollout_project_schedule (project, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_FAILED;
    }

  report = rollout_report_new (project, &options, &error);
  if (report == NULL)
    return cli_usage_error ("export-pdf", "%s", error->message);

  rollout_report_paper_get_size (paper, orientation, &width, &height);
  file = g_file_new_for_commandline_arg (output);
  progress.terminal = isatty (STDERR_FILENO);
  ok = rollout_report_write_full (report, file, format, width, height,
                                  progress.terminal || show_progress ? progress_cb : NULL, &progress,
                                  NULL, &error);
  /* A terminal's progress line is cleared, so that what follows starts clean. */
  if (progress.terminal && progress.shown)
    fprintf (stderr, "\r\033[K");
  if (!ok)
    {
      g_printerr ("%s: %s\n", output, error->message);
      return CLI_FAILED;
    }
  return CLI_OK;
}
