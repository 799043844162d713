/* rollout-export-csv.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tasks, risks or feedback as CSV for spreadsheets (RFC 4180): a header
 * row, CRLF after every record, fields quoted when they hold a comma, a
 * quote or a line break, quotes doubled.
 *
 * Spreadsheets run a cell that starts with =, +, -, @ (or a tab or carriage
 * return) as a formula, and plans come from other people: such text cells
 * get a leading apostrophe, which spreadsheets show as plain text.
 */

#define G_LOG_DOMAIN "rollout-export"

#include "config.h"

#include <string.h>

#include "rollout-export.h"
#include "rollout-scheduler.h"

typedef struct {
  GString  *text;
  gboolean  first;   /* the next field starts a record */
} Csv;

static void
field (Csv        *csv,
       const char *value,
       gboolean    text)
{
  GString *out = csv->text;
  gboolean quote;

  if (!csv->first)
    g_string_append_c (out, ',');
  csv->first = FALSE;
  if (value == NULL)
    return;

  quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (text && strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
text_field (Csv        *out,
            const char *value)
{
  field (out, value, TRUE);
}

static void
plain_field (Csv        *out,
             const char *value)
{
  field (out, value, FALSE);
}

static void
int_field (Csv *out,
           int      value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", value);
  plain_field (out, buf);
}

static void
date_field (Csv         *out,
            RolloutDate  date)
{
  char buf[11];

  if (date == ROLLOUT_DATE_NONE)
    {
      plain_field (out, "");
      return;
    }
  rollout_date_format_buf (date, buf);
  plain_field (out, buf);
}

static void
end_record (Csv *csv)
{
  g_string_append (csv->text, "\r\n");
  csv->first = TRUE;
}

static void
header (Csv                *out,
        const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    plain_field (out, names[i]);
  end_record (out);
}

/* "build FS; qa SS+2; launch FF-1" */
static char *
format_dependencies (GPtrArray *deps)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; deps != NULL && i < deps->len; i++)
    {
      RolloutDependency *dep = g_ptr_array_index (deps, i);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s %s", dep->task_id,
                              rollout_enum_to_nick (ROLLOUT_TYPE_DEPENDENCY_TYPE, dep->type));
      if (dep->lag != 0)
        g_string_append_printf (text, "%+d", dep->lag);
    }
  return g_string_free (text, FALSE);
}

static char *
join (const char * const *items,
      const char         *separator)
{
  if (items == NULL)
    return g_strdup ("");
  return g_strjoinv (separator, (char **) items);
}

static void
write_tasks (Csv            *out,
             RolloutProject *project)
{
  static const char * const names[] = {
    "id", "name", "phase", "team", "owner", "duration", "start", "finish", "total_slack", "critical",
    "start_no_earlier_than", "status", "progress", "depends_on", "notes", NULL
  };
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n = g_list_model_get_n_items (tasks);

  header (out, names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *deps = format_dependencies (rollout_task_get_dependencies (task));

      text_field (out, rollout_task_get_id (task));
      text_field (out, rollout_task_get_name (task));
      text_field (out, rollout_task_get_phase_id (task));
      text_field (out, rollout_task_get_team_id (task));
      text_field (out, rollout_task_get_owner (task));
      int_field (out, rollout_task_get_duration (task));
      date_field (out, rollout_task_get_start (task));
      date_field (out, rollout_task_get_finish (task));
      int_field (out, rollout_task_get_total_slack (task));
      plain_field (out, rollout_task_get_critical (task) ? "yes" : "no");
      date_field (out, rollout_task_get_start_no_earlier_than (task));
      plain_field (out, rollout_enum_to_nick (ROLLOUT_TYPE_TASK_STATUS, rollout_task_get_status (task)));
      int_field (out, rollout_task_get_progress (task));
      text_field (out, deps);
      text_field (out, rollout_task_get_notes (task));
      end_record (out);
    }
}

static void
write_risks (Csv            *out,
             RolloutProject *project)
{
  static const char * const names[] = {
    "id", "title", "likelihood", "impact", "score", "status", "owner", "phase", "tasks",
    "mitigation", "contingency", "description", NULL
  };
  GListModel *risks = rollout_project_get_risks (project);
  guint n = g_list_model_get_n_items (risks);

  header (out, names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutRisk) risk = g_list_model_get_item (risks, i);
      g_autofree char *tasks = join (rollout_risk_get_task_ids (risk), "; ");

      text_field (out, rollout_risk_get_id (risk));
      text_field (out, rollout_risk_get_title (risk));
      int_field (out, rollout_risk_get_likelihood (risk));
      int_field (out, rollout_risk_get_impact (risk));
      int_field (out, rollout_risk_get_score (risk));
      plain_field (out, rollout_enum_to_nick (ROLLOUT_TYPE_RISK_STATUS, rollout_risk_get_status (risk)));
      text_field (out, rollout_risk_get_owner (risk));
      text_field (out, rollout_risk_get_phase_id (risk));
      text_field (out, tasks);
      text_field (out, rollout_risk_get_mitigation (risk));
      text_field (out, rollout_risk_get_contingency (risk));
      text_field (out, rollout_risk_get_description (risk));
      end_record (out);
    }
}

static void
write_feedback (Csv            *out,
                RolloutProject *project)
{
  static const char * const names[] = {
    "id", "date", "phase", "source", "sentiment", "tags", "task", "text", NULL
  };
  GListModel *feedback = rollout_project_get_feedback (project);
  guint n = g_list_model_get_n_items (feedback);

  header (out, names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutFeedback) entry = g_list_model_get_item (feedback, i);
      g_autofree char *tags = join (rollout_feedback_get_tags (entry), "; ");

      text_field (out, rollout_feedback_get_id (entry));
      date_field (out, rollout_feedback_get_date (entry));
      text_field (out, rollout_feedback_get_phase_id (entry));
      text_field (out, rollout_feedback_get_source (entry));
      plain_field (out, rollout_enum_to_nick (ROLLOUT_TYPE_SENTIMENT, rollout_feedback_get_sentiment (entry)));
      text_field (out, tags);
      text_field (out, rollout_feedback_get_task_id (entry));
      text_field (out, rollout_feedback_get_text (entry));
      end_record (out);
    }
}

/**
 * rollout_export_csv:
 * @project: a #RolloutProject
 * @table: what to list
 * @out_length: (out) (optional): the length of the result
 * @error: return location for a #GError
 *
 * Writes @project's tasks (scheduled first), risks or feedback as CSV.
 *
 * Returns: (transfer full): the CSV text, or %NULL when the tasks were
 *   asked for and the plan cannot be scheduled
 */
char *
rollout_export_csv (RolloutProject         *project,
                    RolloutExportCsvTable   table,
                    gsize                  *out_length,
                    GError                **error)
{
  Csv csv = { NULL, TRUE };
  Csv *out = &csv;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  csv.text = g_string_new (NULL);
  switch (table)
    {
    case ROLLOUT_EXPORT_CSV_RISKS:
      write_risks (out, project);
      break;
    case ROLLOUT_EXPORT_CSV_FEEDBACK:
      write_feedback (out, project);
      break;
    case ROLLOUT_EXPORT_CSV_TASKS:
    default:
      if (!rollout_project_schedule (project, NULL, error))
        {
          g_string_free (csv.text, TRUE);
          return NULL;
        }
      write_tasks (out, project);
      break;
    }
  if (out_length != NULL)
    *out_length = csv.text->len;
  return g_string_free (csv.text, FALSE);
}
