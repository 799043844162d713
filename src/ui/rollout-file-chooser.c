/* rollout-file-chooser.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one place that picks a file chooser API: GtkFileDialog where GTK has
 * it (4.10 and later), GtkFileChooserNative before. Both go through the
 * portal inside a sandbox. Either way a dismissed chooser finishes with
 * G_IO_ERROR_CANCELLED.
 */

#define G_LOG_DOMAIN "rollout-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-file-chooser.h"

#define ROLLOUT_MIME_TYPE "application/x-rollout+json"

static GtkFileFilter *
new_plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Rollout Plans"));
  gtk_file_filter_add_pattern (filter, "*.rollout");
  gtk_file_filter_add_mime_type (filter, ROLLOUT_MIME_TYPE);
  return filter;
}

static GtkFileFilter *
new_pdf_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  return filter;
}

static GtkFileFilter *
new_csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  return filter;
}

typedef enum {
  FILES_PLANS,
  FILES_PDF,
  FILES_CSV,
} Files;

static GtkFileFilter *
new_filter (Files files)
{
  switch (files)
    {
    case FILES_PDF:
      return new_pdf_filter ();
    case FILES_CSV:
      return new_csv_filter ();
    case FILES_PLANS:
    default:
      return new_plan_filter ();
    }
}

static GtkFileFilter *
new_all_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)

/* The source pins the 4.8 API; these calls exist only in this branch. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static GtkFileDialog *
new_dialog (const char *title,
            Files       files)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) plans = new_filter (files);
  g_autoptr(GtkFileFilter) all = new_all_filter ();

  g_list_store_append (filters, plans);
  g_list_store_append (filters, all);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, plans);
  return dialog;
}

static void
dialog_done (GTask  *task,
             GFile  *file,
             GError *error)
{
  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
           g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    {
      g_error_free (error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "dismissed");
    }
  else
    g_task_return_error (task, error);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);

  dialog_done (task, file, error);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);

  dialog_done (task, file, error);
}

static void
choose_open (GtkWindow    *parent,
             const char   *title,
             Files         files,
             GCancellable *cancellable,
             GTask        *task)
{
  g_autoptr(GtkFileDialog) dialog = new_dialog (title, files);

  gtk_file_dialog_open (dialog, parent, cancellable, open_done_cb, g_object_ref (task));
}

static void
choose_save (GtkWindow    *parent,
             GFile        *current_file,
             const char   *suggested_name,
             gboolean      pdf,
             GCancellable *cancellable,
             GTask        *task)
{
  g_autoptr(GtkFileDialog) dialog = new_dialog (pdf ? _("Export PDF") : _("Save Plan As"), pdf ? FILES_PDF : FILES_PLANS);

  gtk_file_dialog_set_accept_label (dialog, pdf ? _("_Export") : _("_Save"));
  if (current_file != NULL)
    gtk_file_dialog_set_initial_file (dialog, current_file);
  else if (suggested_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, suggested_name);
  gtk_file_dialog_save (dialog, parent, cancellable, save_done_cb, g_object_ref (task));
}

G_GNUC_END_IGNORE_DEPRECATIONS

#else /* GTK < 4.10 */

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (g_task_return_error_if_cancelled (task))
    ;
  else if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "dismissed");
  gtk_native_dialog_destroy (native);
}

static void
show_native (GtkFileChooserNative *native,
             Files                 files,
             GTask                *task)
{
  g_autoptr(GtkFileFilter) plans = new_filter (files);
  g_autoptr(GtkFileFilter) all = new_all_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), plans);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), plans);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* The task keeps the chooser alive until it answers. */
  g_task_set_task_data (task, native, g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
choose_open (GtkWindow    *parent,
             const char   *title,
             Files         files,
             GCancellable *cancellable,
             GTask        *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  show_native (native, files, task);
}

static void
choose_save (GtkWindow    *parent,
             GFile        *current_file,
             const char   *suggested_name,
             gboolean      pdf,
             GCancellable *cancellable,
             GTask        *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (pdf ? _("Export PDF") : _("Save Plan As"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        pdf ? _("_Export") : _("_Save"), _("_Cancel"));
  if (current_file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), current_file, NULL);
  else if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  show_native (native, pdf ? FILES_PDF : FILES_PLANS, task);
}

#endif

/**
 * rollout_file_chooser_open_async:
 * @parent: (nullable): the window the chooser belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen plan
 * @user_data: data for @callback
 *
 * Asks for a plan to open.
 */
void
rollout_file_chooser_open_async (GtkWindow           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, rollout_file_chooser_open_async);
  choose_open (parent, _("Open Plan"), FILES_PLANS, cancellable, task);
}

/**
 * rollout_file_chooser_open_csv_async:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title ("Import Feedback")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file; finish with
 *   rollout_file_chooser_open_finish()
 * @user_data: data for @callback
 *
 * Asks for a CSV file to import.
 */
void
rollout_file_chooser_open_csv_async (GtkWindow           *parent,
                                     const char          *title,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, rollout_file_chooser_open_csv_async);
  choose_open (parent, title, FILES_CSV, cancellable, task);
}

GFile *
rollout_file_chooser_open_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rollout_file_chooser_save_async:
 * @parent: (nullable): the window the chooser belongs to
 * @current_file: (nullable): the plan's current file, to start from
 * @suggested_name: (nullable): a name for a plan that has no file yet
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file
 * @user_data: data for @callback
 *
 * Asks where to save a plan. The chooser asks before replacing a file.
 */
void
rollout_file_chooser_save_async (GtkWindow           *parent,
                                 GFile               *current_file,
                                 const char          *suggested_name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, rollout_file_chooser_save_async);
  choose_save (parent, current_file, suggested_name, FALSE, cancellable, task);
}

/**
 * rollout_file_chooser_export_pdf_async:
 * @parent: (nullable): the window the chooser belongs to
 * @suggested_name: (nullable): a name for the PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file; finish with
 *   rollout_file_chooser_save_finish()
 * @user_data: data for @callback
 *
 * Asks where to write a PDF.
 */
void
rollout_file_chooser_export_pdf_async (GtkWindow           *parent,
                                       const char          *suggested_name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, rollout_file_chooser_export_pdf_async);
  choose_save (parent, NULL, suggested_name, TRUE, cancellable, task);
}

GFile *
rollout_file_chooser_save_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
