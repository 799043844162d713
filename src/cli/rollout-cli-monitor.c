/* rollout-cli-monitor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The commands that watch a roll-out: go/no-go verdicts, and importing
 * metric samples and feedback from CSV files. */

#define G_LOG_DOMAIN "rollout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rollout-cli.h"
#include "rollout-gates.h"
#include "rollout-import-csv.h"

/* JSON output ------------------------------------------------------------
 *
 * Written by hand rather than with JsonGenerator, which prints every double
 * with 17 digits (4.2 as 4.2000000000000002): thresholds and values should
 * read as people wrote them. */

typedef struct {
  GString  *out;
  guint     depth;
  gboolean  has_items;  /* the current container has a member already */
  gboolean  after_key;
} Json;

static void
json_newline (Json *j)
{
  g_string_append_c (j->out, '\n');
  for (guint i = 0; i < j->depth; i++)
    g_string_append (j->out, "  ");
}

static void
json_before_value (Json *j)
{
  if (j->after_key)
    {
      j->after_key = FALSE;
      return;
    }
  if (j->has_items)
    g_string_append_c (j->out, ',');
  if (j->depth > 0)
    json_newline (j);
}

static void
json_begin (Json *j,
            char  bracket)
{
  json_before_value (j);
  g_string_append_c (j->out, bracket);
  j->depth++;
  j->has_items = FALSE;
}

static void
json_end (Json *j,
          char  bracket)
{
  j->depth--;
  if (j->has_items)
    json_newline (j);
  g_string_append_c (j->out, bracket);
  j->has_items = TRUE;
}

static void
json_escaped (Json       *j,
              const char *text)
{
  g_string_append_c (j->out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (j->out, "\\\"");
          break;
        case '\\':
          g_string_append (j->out, "\\\\");
          break;
        case '\n':
          g_string_append (j->out, "\\n");
          break;
        case '\r':
          g_string_append (j->out, "\\r");
          break;
        case '\t':
          g_string_append (j->out, "\\t");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (j->out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (j->out, *p);
        }
    }
  g_string_append_c (j->out, '"');
}

static void
json_key (Json       *j,
          const char *key)
{
  json_before_value (j);
  json_escaped (j, key);
  g_string_append (j->out, ": ");
  j->after_key = TRUE;
}

static void
json_string (Json       *j,
             const char *value)
{
  json_before_value (j);
  if (value == NULL)
    g_string_append (j->out, "null");
  else
    json_escaped (j, value);
  j->has_items = TRUE;
}

static void
json_date (Json        *j,
           RolloutDate  date)
{
  char text[11];

  if (date == ROLLOUT_DATE_NONE)
    {
      json_string (j, NULL);
      return;
    }
  rollout_date_format_buf (date, text);
  json_string (j, text);
}

static void
json_int (Json   *j,
          gint64  value)
{
  json_before_value (j);
  g_string_append_printf (j->out, "%" G_GINT64_FORMAT, value);
  j->has_items = TRUE;
}

/* The shortest decimal that reads back as the same double. */
static void
json_double (Json   *j,
             double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  json_before_value (j);
  j->has_items = TRUE;
  if (!isfinite (value))
    {
      g_string_append (j->out, "null");
      return;
    }
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (j->out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (j->out, buf);
}

static void
json_member_string (Json       *j,
                    const char *key,
                    const char *value)
{
  json_key (j, key);
  json_string (j, value);
}

/* gates ------------------------------------------------------------------- */

static const char *
result_label (RolloutCriterionResult result)
{
  switch (result)
    {
    case ROLLOUT_CRITERION_PASS:
      /* Translators: a gate criterion that is met, in rollout-cli gates */
      return _("pass");
    case ROLLOUT_CRITERION_FAIL:
      /* Translators: a gate criterion that is not met */
      return _("FAIL");
    case ROLLOUT_CRITERION_NO_DATA:
      /* Translators: a gate metric without samples */
      return _("no data");
    case ROLLOUT_CRITERION_MISSING:
      /* Translators: a sign-off not given yet */
      return _("missing");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
gates_json_criterion (Json                       *j,
                      const RolloutGateCriterion *criterion)
{
  json_begin (j, '{');
  json_member_string (j, "kind", rollout_enum_to_nick (ROLLOUT_TYPE_CRITERION_KIND, criterion->kind));
  json_member_string (j, "result", rollout_enum_to_nick (ROLLOUT_TYPE_CRITERION_RESULT, criterion->result));
  json_member_string (j, "reason", criterion->reason);

  switch (criterion->kind)
    {
    case ROLLOUT_CRITERION_METRIC:
      json_member_string (j, "metric", criterion->gate_metric->metric_id);
      json_member_string (j, "comparison",
                          rollout_enum_to_nick (ROLLOUT_TYPE_COMPARISON, criterion->gate_metric->comparison));
      json_key (j, "threshold");
      json_double (j, criterion->gate_metric->threshold);
      json_member_string (j, "aggregate",
                          rollout_enum_to_nick (ROLLOUT_TYPE_AGGREGATE, criterion->gate_metric->aggregate));
      json_key (j, "window_days");
      json_int (j, criterion->gate_metric->window_days);
      json_key (j, "value");
      if (criterion->n_samples > 0)
        json_double (j, criterion->value);
      else
        json_string (j, NULL);
      json_key (j, "samples");
      json_int (j, criterion->n_samples);
      json_key (j, "from");
      json_date (j, criterion->first_day);
      json_key (j, "to");
      json_date (j, criterion->last_day);
      break;

    case ROLLOUT_CRITERION_SIGNOFF:
      json_member_string (j, "team", criterion->team_id);
      json_member_string (j, "by", criterion->signoff != NULL ? criterion->signoff->by : NULL);
      json_key (j, "date");
      json_date (j, criterion->signoff != NULL ? criterion->signoff->date : ROLLOUT_DATE_NONE);
      break;

    case ROLLOUT_CRITERION_RISK:
      json_key (j, "max_score");
      json_int (j, criterion->max_score);
      json_key (j, "risks");
      json_begin (j, '[');
      for (guint r = 0; r < criterion->risks->len; r++)
        {
          RolloutRisk *risk = g_ptr_array_index (criterion->risks, r);

          json_begin (j, '{');
          json_member_string (j, "id", rollout_risk_get_id (risk));
          json_member_string (j, "title", rollout_risk_get_title (risk));
          json_key (j, "score");
          json_int (j, rollout_risk_get_score (risk));
          json_end (j, '}');
        }
      json_end (j, ']');
      break;

    default:
      g_assert_not_reached ();
    }
  json_end (j, '}');
}

static void
gates_json (GPtrArray *evaluations)
{
  Json j = { g_string_new (NULL), 0, FALSE, FALSE };

  json_begin (&j, '[');
  for (guint i = 0; i < evaluations->len; i++)
    {
      RolloutGateEvaluation *evaluation = g_ptr_array_index (evaluations, i);
      g_auto(GStrv) reasons = rollout_gate_evaluation_dup_reasons (evaluation);

      json_begin (&j, '{');
      json_member_string (&j, "phase", rollout_phase_get_id (evaluation->phase));
      json_member_string (&j, "name", rollout_phase_get_name (evaluation->phase));
      json_member_string (&j, "status",
                          rollout_enum_to_nick (ROLLOUT_TYPE_PHASE_STATUS, rollout_phase_get_status (evaluation->phase)));
      json_member_string (&j, "verdict", rollout_enum_to_nick (ROLLOUT_TYPE_VERDICT, evaluation->verdict));
      json_member_string (&j, "summary", evaluation->summary);
      json_key (&j, "reasons");
      json_begin (&j, '[');
      for (guint r = 0; reasons[r] != NULL; r++)
        json_string (&j, reasons[r]);
      json_end (&j, ']');
      json_key (&j, "criteria");
      json_begin (&j, '[');
      for (guint c = 0; c < evaluation->criteria->len; c++)
        gates_json_criterion (&j, g_ptr_array_index (evaluation->criteria, c));
      json_end (&j, ']');
      json_end (&j, '}');
    }
  json_end (&j, ']');
  g_string_append_c (j.out, '\n');
  fwrite (j.out->str, 1, j.out->len, stdout);
  g_string_free (j.out, TRUE);
}

static void
gates_text (GPtrArray *evaluations)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < evaluations->len; i++)
    {
      RolloutGateEvaluation *evaluation = g_ptr_array_index (evaluations, i);
      RolloutPhase *phase = evaluation->phase;

      if (i > 0)
        g_string_append_c (out, '\n');
      /* Translators: a phase's name and id, then its verdict */
      g_string_append_printf (out, _("%s (%s) — %s\n"),
                              rollout_phase_get_name (phase), rollout_phase_get_id (phase),
                              evaluation->summary);
      for (guint c = 0; c < evaluation->criteria->len; c++)
        {
          RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, c);
          const char *label = result_label (criterion->result);
          int pad = 8 - (int) g_utf8_strlen (label, -1);

          g_string_append_printf (out, "  %s%*s %s\n", label, MAX (pad, 0), "", criterion->reason);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

int
cli_gates (int    argc,
           char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("gates", _("FILE"),
                                  _("Prints each phase’s go/no-go verdict — GO, NO-GO, PENDING, or no\n"
                                    "gate — with every criterion of its gate: pass, FAIL, no data or\n"
                                    "missing, and why in words."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc != 2)
    return cli_usage_error ("gates", argc < 2 ? _("no file given") : _("give one file"));

  project = cli_load (argv[1], FALSE);
  if (project == NULL)
    return CLI_FAILED;

  evaluations = rollout_gates_evaluate (project);
  if (json)
    gates_json (evaluations);
  else
    gates_text (evaluations);
  return CLI_OK;
}

/* import-metrics, import-feedback ------------------------------------------ */

static void
report_metrics (RolloutImportCsv *import)
{
  GArray *samples = rollout_import_csv_get_samples (import);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < samples->len; i++)
    {
      RolloutImportSample *s = &g_array_index (samples, RolloutImportSample, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, s->metric));

      if (n == 0)
        g_ptr_array_add (order, s->metric);
      g_hash_table_insert (counts, s->metric, GUINT_TO_POINTER (n + 1));
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u sample:\n", "Added %u samples:\n", samples->len),
           samples->len);
  for (guint i = 0; i < order->len; i++)
    {
      RolloutMetric *metric = g_ptr_array_index (order, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, metric));

      /* Translators: a metric's name and id, and how many samples it got */
      g_print (_("  %s (%s): %u\n"), rollout_metric_get_name (metric), rollout_metric_get_id (metric), n);
    }
}

static void
report_feedback (RolloutImportCsv *import)
{
  GArray *entries = rollout_import_csv_get_feedback (import);
  guint by_sentiment[ROLLOUT_SENTIMENT_NEGATIVE + 1] = { 0 };
  RolloutImportFeedback *first, *last;

  for (guint i = 0; i < entries->len; i++)
    {
      RolloutImportFeedback *entry = &g_array_index (entries, RolloutImportFeedback, i);

      by_sentiment[rollout_feedback_get_sentiment (entry->feedback)]++;
    }
  first = &g_array_index (entries, RolloutImportFeedback, 0);
  last = &g_array_index (entries, RolloutImportFeedback, entries->len - 1);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added %u feedback entry (%s to %s): %u positive, %u neutral, %u negative\n",
                        "Added %u feedback entries (%s to %s): %u positive, %u neutral, %u negative\n",
                        entries->len),
           entries->len,
           rollout_feedback_get_id (first->feedback), rollout_feedback_get_id (last->feedback),
           by_sentiment[ROLLOUT_SENTIMENT_POSITIVE], by_sentiment[ROLLOUT_SENTIMENT_NEUTRAL],
           by_sentiment[ROLLOUT_SENTIMENT_NEGATIVE]);
}

static int
run_import (const char  *command,
            gboolean     feedback,
            int          argc,
            char       **argv)
{
  gboolean skip = FALSE;
  GOptionEntry entries[] = {
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip, N_("Import the good rows even when some rows are bad"), NULL },
    { NULL }
  };
  g_autofree char *description = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(RolloutImportCsv) import = NULL;
  g_autoptr(GFile) plan_file = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GPtrArray *problems;
  RolloutCommand *import_command;
  const char *plan_path, *csv_path;
  gsize length = 0;
  int status;

  if (feedback)
    description = g_strdup (_("Adds the feedback entries of a CSV file to a plan and saves it. The\n"
                              "file needs a header line; its columns are date, phase, source,\n"
                              "sentiment (positive, neutral or negative), tags (separated by\n"
                              "semicolons) and text, and optionally task. Phases and tasks may be\n"
                              "given by id or name. Every bad row is reported as CSV:LINE: reason;\n"
                              "if there is one, nothing is imported unless --skip-bad-rows is given."));
  else
    description = g_strdup (_("Adds the metric samples of a CSV file to a plan and saves it. The\n"
                              "file needs a header line: date,metric,phase,value. Metrics and\n"
                              "phases may be given by id or name; dates are YYYY-MM-DD. Every bad\n"
                              "row is reported as CSV:LINE: reason; if there is one, nothing is\n"
                              "imported unless --skip-bad-rows is given."));
  status = cli_parse_options (command, _("FILE CSV"), description, entries, &argc, &argv);
  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc < 3)
    return cli_usage_error (command, argc < 2 ? _("no plan given") : _("no CSV file given"));
  if (argc > 3)
    return cli_usage_error (command, _("unexpected argument “%s”"), argv[3]);
  plan_path = argv[1];
  csv_path = argv[2];

  project = cli_load (plan_path, FALSE);
  if (project == NULL)
    return CLI_FAILED;

  csv_file = g_file_new_for_commandline_arg (csv_path);
  if (!g_file_load_contents (csv_file, NULL, &data, &length, NULL, &error))
    {
      g_printerr ("%s: %s\n", csv_path, error->message);
      return CLI_FAILED;
    }

  import = feedback
           ? rollout_import_csv_feedback (project, data, length, skip ? ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS : 0)
           : rollout_import_csv_metrics (project, data, length, skip ? ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS : 0);
  problems = rollout_import_csv_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      RolloutImportProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("%s:%u: %s\n", csv_path, problem->line, problem->message);
    }

  if (!rollout_import_csv_get_header_ok (import))
    {
      g_printerr (_("%s: nothing was imported\n"), csv_path);
      return CLI_FAILED;
    }
  if (problems->len > 0 && !skip)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%s: nothing was imported: %u row has problems. Fix it, or give --skip-bad-rows to import the other rows.\n",
                               "%s: nothing was imported: %u rows have problems. Fix them, or give --skip-bad-rows to import the other rows.\n",
                               problems->len),
                  csv_path, problems->len);
      return CLI_FAILED;
    }

  import_command = rollout_import_csv_get_command (import);
  if (import_command == NULL)
    {
      if (problems->len > 0)
        {
          g_printerr (_("%s: nothing was imported: no row is good\n"), csv_path);
          return CLI_FAILED;
        }
      g_print (_("%s: no rows to import\n"), csv_path);
      return CLI_OK;
    }

  rollout_command_apply (import_command, project);
  diagnostics = rollout_project_validate (project);
  if (diagnostics != NULL && diagnostics->len > 0)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *text = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          g_printerr ("%s: %s\n", plan_path, text);
        }
      g_printerr (_("%s: the imported plan would not be valid; nothing was written\n"), plan_path);
      return CLI_FAILED;
    }

  plan_file = g_file_new_for_commandline_arg (plan_path);
  if (!rollout_file_save (project, plan_file, NULL, &error))
    {
      g_printerr ("%s: %s\n", plan_path, error->message);
      return CLI_FAILED;
    }

  if (feedback)
    report_feedback (import);
  else
    report_metrics (import);
  if (problems->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Skipped %u bad row.\n", "Skipped %u bad rows.\n", problems->len),
             problems->len);
  return CLI_OK;
}

int
cli_import_metrics (int    argc,
                    char **argv)
{
  return run_import ("import-metrics", FALSE, argc, argv);
}

int
cli_import_feedback (int    argc,
                     char **argv)
{
  return run_import ("import-feedback", TRUE, argc, argv);
}
