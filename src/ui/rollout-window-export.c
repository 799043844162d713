/* rollout-window-export.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export → Calendar, Spreadsheet and MS Project XML: the same writers as
 * rollout-cli export-ics, export-csv and export-mspdi.
 *
 * The plan is written out as it is when asked and read back in a worker
 * thread, so edits made meanwhile change nothing; there it is scheduled,
 * exported and written atomically (a temporary file renamed over the
 * target). A toast says when it is done and offers to open the file — or,
 * for MS Project XML, which no desktop app opens, its folder.
 */

#define G_LOG_DOMAIN "rollout-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-export.h"
#include "rollout-file.h"
#include "rollout-file-chooser.h"
#include "rollout-merge.h"
#include "rollout-window-private.h"

typedef enum {
  EXPORT_ICS,
  EXPORT_CSV_TASKS,
  EXPORT_CSV_RISKS,
  EXPORT_CSV_FEEDBACK,
  EXPORT_MSPDI,
} ExportFormat;

static const struct {
  const char *nick;
  const char *title;
  const char *filter;
  const char *extension;
  const char *pattern;
  const char *mime_type;
  /* Translators: the suffix of a suggested file name, as in
   * "Scooter reservations (tasks).csv" */
  const char *suffix;
  gboolean    open_folder;
} formats[] = {
  [EXPORT_ICS] = { "ics", N_("Export Calendar"), N_("Calendars"), ".ics", "*.ics", "text/calendar", NULL, FALSE },
  [EXPORT_CSV_TASKS] = { "csv-tasks", N_("Export Tasks as a Spreadsheet"), N_("CSV Spreadsheets"), ".csv", "*.csv",
                         "text/csv", N_("tasks"), FALSE },
  [EXPORT_CSV_RISKS] = { "csv-risks", N_("Export Risks as a Spreadsheet"), N_("CSV Spreadsheets"), ".csv", "*.csv",
                         "text/csv", N_("risks"), FALSE },
  [EXPORT_CSV_FEEDBACK] = { "csv-feedback", N_("Export Feedback as a Spreadsheet"), N_("CSV Spreadsheets"), ".csv", "*.csv",
                            "text/csv", N_("feedback"), FALSE },
  [EXPORT_MSPDI] = { "mspdi", N_("Export MS Project XML"), N_("MS Project XML"), ".xml", "*.xml", "application/xml", NULL, TRUE },
};

typedef struct
{
  ExportFormat  format;
  GBytes       *plan;
  GFile        *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->plan, g_bytes_unref);
  g_clear_object (&job->file);
  g_free (job);
}

static gboolean
format_from_nick (const char   *nick,
                  ExportFormat *out_format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].nick, nick) == 0)
      {
        *out_format = i;
        return TRUE;
      }
  return FALSE;
}

static void
show_error (RolloutWindow *self,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Plan"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *contents = NULL;
  const char *plan;
  GError *error = NULL;
  gsize length = 0;

  plan = g_bytes_get_data (job->plan, &length);
  /* A plan with merge conflicts can be exported as it stands. */
  project = rollout_merge_read (plan, length, NULL, &error);
  if (project == NULL || !rollout_project_schedule (project, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->format)
    {
    case EXPORT_ICS:
      now = g_date_time_new_now_utc ();
      contents = rollout_export_ics (project, now, &length, &error);
      break;
    case EXPORT_CSV_TASKS:
      contents = rollout_export_csv (project, ROLLOUT_EXPORT_CSV_TASKS, &length, &error);
      break;
    case EXPORT_CSV_RISKS:
      contents = rollout_export_csv (project, ROLLOUT_EXPORT_CSV_RISKS, &length, &error);
      break;
    case EXPORT_CSV_FEEDBACK:
      contents = rollout_export_csv (project, ROLLOUT_EXPORT_CSV_FEEDBACK, &length, &error);
      break;
    case EXPORT_MSPDI:
      contents = rollout_export_mspdi (project, &length, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (contents == NULL ||
      !rollout_file_replace_contents (job->file, contents, length, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
open_uri_cb (AdwToast   *toast,
             const char *uri)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "rollout-window");

  gtk_show_uri (window != NULL ? GTK_WINDOW (window) : NULL, uri, GDK_CURRENT_TIME);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RolloutWindow *self = ROLLOUT_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error);
      return;
    }

  basename = g_file_get_basename (job->file);
  /* Translators: the name of the file just written */
  title = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (title);
  if (formats[job->format].open_folder && (folder = g_file_get_parent (job->file)) != NULL)
    {
      adw_toast_set_button_label (toast, _("Open _Folder"));
      uri = g_file_get_uri (folder);
    }
  else
    {
      adw_toast_set_button_label (toast, _("_Open"));
      uri = g_file_get_uri (job->file);
    }
  g_object_set_data (G_OBJECT (toast), "rollout-window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_uri_cb),
                         g_steal_pointer (&uri), (GClosureNotify) g_free, 0);
  rollout_window_add_toast (self, toast);
}

static void
export_to (RolloutWindow *self,
           ExportFormat   format,
           GFile         *file)
{
  RolloutDocument *document = rollout_window_get_document (self);
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  char *contents;
  gsize length = 0;

  if (document == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->format = format;
  job->file = g_object_ref (file);
  contents = rollout_file_write (rollout_document_get_project (document), &length);
  job->plan = g_bytes_new_take (contents, length);

  task = g_task_new (self, NULL, exported_cb, NULL);
  g_task_set_source_tag (task, export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

typedef struct
{
  RolloutWindow *window;
  ExportFormat   format;
} Chosen;

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Chosen *chosen = user_data;
  g_autoptr(RolloutWindow) self = chosen->window;
  ExportFormat format = chosen->format;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_free (chosen);
  file = rollout_file_chooser_save_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  export_to (self, format, file);
}

/* Export → Calendar, Spreadsheet, MS Project XML: @nick names the format
 * ("ics", "csv-tasks", "csv-risks", "csv-feedback", "mspdi"). */
void
_rollout_window_export (RolloutWindow *self,
                        const char    *nick)
{
  RolloutDocument *document = rollout_window_get_document (self);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  ExportFormat format;
  Chosen *chosen;

  if (document == NULL || !format_from_nick (nick, &format))
    return;

  title = rollout_document_dup_title (document);
  g_strdelimit (title, "/", '-');
  if (formats[format].suffix != NULL)
    name = g_strdup_printf ("%s (%s)%s", title, _(formats[format].suffix), formats[format].extension);
  else
    name = g_strconcat (title, formats[format].extension, NULL);

  chosen = g_new0 (Chosen, 1);
  chosen->window = g_object_ref (self);
  chosen->format = format;
  rollout_file_chooser_export_async (GTK_WINDOW (self), _(formats[format].title), _(formats[format].filter),
                                     formats[format].pattern,
                                     formats[format].mime_type, name, NULL, export_chosen_cb, chosen);
}

/* The same, to @location (a path or URI) without asking: for scripts and
 * tests driving the window's actions. */
void
_rollout_window_export_to (RolloutWindow *self,
                           const char    *nick,
                           const char    *location)
{
  g_autoptr(GFile) file = NULL;
  ExportFormat format;

  if (!format_from_nick (nick, &format))
    return;
  file = g_file_new_for_commandline_arg (location);
  export_to (self, format, file);
}
