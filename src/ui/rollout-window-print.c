/* rollout-window-print.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Print… and Export PDF…: both hand the plan to the report renderer that
 * rollout-cli export-pdf uses, so paper, preview and PDF are one drawing.
 *
 * Either works on a copy of the plan taken when asked (written and read
 * back), so edits made while the print dialog is open or the PDF is being
 * written change neither. Printing goes through GtkPrintOperation: the
 * report is paginated for the chosen paper in ::begin-print and draws each
 * page in ::draw-page, with GTK's own progress and Cancel. A PDF is written
 * in a worker thread, so the window stays responsive; when it takes long
 * enough to notice, a dialog shows which page it is on and can cancel it
 * (which leaves no file behind). A toast says when it is done.
 */

#define G_LOG_DOMAIN "rollout-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-file.h"
#include "rollout-file-chooser.h"
#include "rollout-report.h"
#include "rollout-window-private.h"

#define PRINT_SETTINGS_KEY "rollout-print-settings"
#define PAGE_SETUP_KEY "rollout-page-setup"
/* An export shorter than this shows no progress, rather than a flash. */
#define PROGRESS_DELAY_MS 400
#define PROGRESS_UPDATE_MS 100
/* How many exports of the window are running. */
#define EXPORTS_KEY "rollout-exports-running"

/* A copy of the plan that nothing else changes. */
static RolloutProject *
copy_project (RolloutProject  *project,
              GError         **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(RolloutProject) copy = NULL;
  gsize length = 0;

  contents = rollout_file_write (project, &length);
  copy = rollout_file_read (contents, length, NULL, error);
  if (copy == NULL)
    return NULL;
  if (!rollout_project_schedule (copy, NULL, error))
    return NULL;
  return g_steal_pointer (&copy);
}

static void
show_error (RolloutWindow *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
suggested_name (RolloutWindow *self,
                const char    *extension)
{
  g_autofree char *title = rollout_document_dup_title (rollout_window_get_document (self));

  g_strdelimit (title, "/", '-');
  return g_strconcat (title, extension, NULL);
}

/* Printing ----------------------------------------------------------------- */

typedef struct
{
  RolloutWindow  *window;
  RolloutProject *project;
  RolloutReport  *report;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->project);
  g_clear_object (&job->report);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr(GError) error = NULL;
  RolloutReportOptions options;

  rollout_report_options_init (&options);
  g_clear_object (&job->report);
  job->report = rollout_report_new (job->project, &options, &error);
  if (job->report == NULL)
    {
      show_error (job->window, _("Could Not Print the Plan"), error);
      gtk_print_operation_cancel (operation);
      return;
    }
  /* Full page, in points: the report keeps its own margins. */
  gtk_print_operation_set_n_pages (operation,
                                   rollout_report_paginate (job->report,
                                                            gtk_print_context_get_width (context),
                                                            gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  if (job->report != NULL)
    rollout_report_draw_page (job->report, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_object_set_data_full (G_OBJECT (job->window), PRINT_SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (operation)),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (job->window), PAGE_SETUP_KEY,
                              g_object_ref (gtk_print_operation_get_default_page_setup (operation)),
                              g_object_unref);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (job->window, _("Could Not Print the Plan"), error);
    }
}

/* Print… — the print dialog with its preview, then the printer. */
void
_rollout_window_print (RolloutWindow *self)
{
  RolloutDocument *document = rollout_window_get_document (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintSettings *settings;
  GtkPageSetup *setup;
  PrintJob *job;

  if (document == NULL)
    return;

  job = g_new0 (PrintJob, 1);
  job->window = g_object_ref (self);
  job->project = copy_project (rollout_document_get_project (document), &error);
  if (job->project == NULL)
    {
      show_error (self, _("Could Not Print the Plan"), error);
      print_job_free (job);
      return;
    }

  operation = gtk_print_operation_new ();
  job_name = rollout_document_dup_title (document);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  settings = g_object_get_data (G_OBJECT (self), PRINT_SETTINGS_KEY);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  setup = g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY);
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "rollout-print-job", job, (GDestroyNotify) print_job_free);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Plan"), error);
}

/* Export PDF --------------------------------------------------------------- */

typedef struct
{
  RolloutProject *project;
  GFile          *file;
  double          width;
  double          height;
  GCancellable   *cancellable;

  /* Written by the worker, read by the window. */
  int             pages_done;
  int             n_pages;

  gint64          started;
  guint           progress_source;
  AdwMessageDialog *dialog;  /* weak */
  GtkProgressBar *bar;
} ExportJob;

/* May run in the worker, where the task can end: the window's part of the
 * job (the timeout, the dialog) is undone in exported_cb(). */
static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* In the worker: note how far it got, for the window to show. */
static gboolean
export_progress_cb (double   fraction,
                    guint    page,
                    guint    n_pages,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->n_pages, (int) n_pages);
  g_atomic_int_set (&job->pages_done, (int) page);
  return !g_cancellable_is_cancelled (job->cancellable);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(RolloutReport) report = NULL;
  RolloutReportOptions options;
  GError *error = NULL;

  rollout_report_options_init (&options);
  report = rollout_report_new (job->project, &options, &error);
  if (report == NULL ||
      !rollout_report_write_full (report, job->file, ROLLOUT_REPORT_FORMAT_PDF, job->width, job->height,
                                  export_progress_cb, job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ExportJob        *job)
{
  /* Cancel, or Escape: the worker stops at the next page and removes what
   * it wrote. */
  g_cancellable_cancel (job->cancellable);
}

static void
show_progress (RolloutWindow *self,
               ExportJob     *job)
{
  g_autofree char *basename = g_file_get_basename (job->file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *bar;

  /* Translators: the heading of the dialog shown while a PDF is written */
  heading = g_strdup_printf (_("Exporting “%s”"), basename);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, _("Preparing the pages…"));
  bar = gtk_progress_bar_new ();
  gtk_widget_set_margin_top (bar, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export progress"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), job);

  job->dialog = ADW_MESSAGE_DIALOG (dialog);
  job->bar = GTK_PROGRESS_BAR (bar);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &job->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* On the window's main loop: shows the progress once the export has run
 * for a moment, and keeps it up to date. */
static gboolean
progress_tick_cb (gpointer user_data)
{
  GTask *task = user_data;
  RolloutWindow *self = g_task_get_source_object (task);
  ExportJob *job = g_task_get_task_data (task);
  int n_pages = g_atomic_int_get (&job->n_pages);
  int done = g_atomic_int_get (&job->pages_done);
  g_autofree char *body = NULL;

  if (g_cancellable_is_cancelled (job->cancellable))
    return G_SOURCE_CONTINUE;
  if (job->dialog == NULL)
    {
      if (job->bar != NULL ||
          g_get_monotonic_time () - job->started < PROGRESS_DELAY_MS * G_TIME_SPAN_MILLISECOND)
        return G_SOURCE_CONTINUE;
      show_progress (self, job);
    }

  if (n_pages == 0)
    {
      gtk_progress_bar_pulse (job->bar);
      return G_SOURCE_CONTINUE;
    }
  /* Translators: while a PDF is written: the page being drawn, of all */
  body = g_strdup_printf (_("Page %d of %d"), MIN (done + 1, n_pages), n_pages);
  adw_message_dialog_set_body (job->dialog, body);
  gtk_progress_bar_set_fraction (job->bar, (double) done / n_pages);
  return G_SOURCE_CONTINUE;
}

static void
open_exported_cb (AdwToast   *toast,
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
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_clear_handle_id (&job->progress_source, g_source_remove);
  if (job->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (job->dialog));
      g_clear_weak_pointer (&job->dialog);
    }
  g_object_set_data (G_OBJECT (self), EXPORTS_KEY,
                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), EXPORTS_KEY)) - 1));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled by the person: nothing to say. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Export the Plan"), error);
      return;
    }
  basename = g_file_get_basename (job->file);
  /* Translators: the name of the PDF file just written */
  title = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "rollout-window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_exported_cb),
                         g_file_get_uri (job->file), (GClosureNotify) g_free, 0);
  rollout_window_add_toast (self, toast);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RolloutWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = rollout_file_chooser_save_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Export the Plan"), error);
      return;
    }
  _rollout_window_export_pdf_to_file (self, file);
}

/**
 * _rollout_window_export_pdf_to_file:
 * @self: a #RolloutWindow
 * @file: where to write the PDF
 *
 * Writes the window's plan to @file as a PDF of every section, in a worker
 * thread, with progress and Cancel once it takes a moment, and a toast when
 * it is done. Export PDF… calls it once a file is chosen.
 */
void
_rollout_window_export_pdf_to_file (RolloutWindow *self,
                                    GFile         *file)
{
  RolloutDocument *document = rollout_window_get_document (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  GtkPaperSize *paper;
  ExportJob *job;

  g_return_if_fail (ROLLOUT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (document == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->file = g_object_ref (file);
  job->project = copy_project (rollout_document_get_project (document), &error);
  if (job->project == NULL)
    {
      show_error (self, _("Could Not Export the Plan"), error);
      export_job_free (job);
      return;
    }
  /* The paper of the person's locale, as printing would use. */
  paper = gtk_paper_size_new (NULL);
  job->width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  job->height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  gtk_paper_size_free (paper);

  job->cancellable = g_cancellable_new ();
  job->started = g_get_monotonic_time ();

  task = g_task_new (self, job->cancellable, exported_cb, NULL);
  g_task_set_source_tag (task, _rollout_window_export_pdf);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  /* Removed when the export is done, before the task goes. */
  job->progress_source = g_timeout_add (PROGRESS_UPDATE_MS, progress_tick_cb, task);
  g_object_set_data (G_OBJECT (self), EXPORTS_KEY,
                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), EXPORTS_KEY)) + 1));
  g_task_run_in_thread (task, export_thread);
}

/**
 * _rollout_window_is_exporting:
 * @self: a #RolloutWindow
 *
 * Returns: whether a PDF export of the window's plan is still running
 */
gboolean
_rollout_window_is_exporting (RolloutWindow *self)
{
  g_return_val_if_fail (ROLLOUT_IS_WINDOW (self), FALSE);

  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), EXPORTS_KEY)) > 0;
}

/* Export PDF… — every section of the report, page by page. */
void
_rollout_window_export_pdf (RolloutWindow *self)
{
  g_autofree char *name = NULL;

  if (rollout_window_get_document (self) == NULL)
    return;
  name = suggested_name (self, ".pdf");
  rollout_file_chooser_export_pdf_async (GTK_WINDOW (self), name, NULL,
                                         export_chosen_cb, g_object_ref (self));
}
