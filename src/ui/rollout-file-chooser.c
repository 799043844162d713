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

/* What a chooser offers to pick: a filter, then "All Files". */
typedef struct
{
  const char *name;
  const char *patterns[6];
  const char *mime_types[3];
} FileKind;

static const FileKind plan_kind = {
  N_("Rollout Plans"), { "*.rollout", NULL }, { ROLLOUT_MIME_TYPE, NULL },
};
static const FileKind pdf_kind = {
  N_("PDF Documents"), { "*.pdf", NULL }, { "application/pdf", NULL },
};
static const FileKind csv_kind = {
  N_("CSV Files"), { "*.csv", "*.CSV", NULL }, { "text/csv", NULL },
};
static const FileKind import_kind = {
  N_("MS Project, GanttProject and Planner Plans"),
  { "*.xml", "*.mpp-xml", "*.gan", "*.planner", "*.mspdi", NULL },
  { NULL },
};

/* @kind with its name translated. */
static FileKind
translated (const FileKind *kind)
{
  FileKind copy = *kind;

  copy.name = _(kind->name);
  return copy;
}

static GtkFileFilter *
new_filter (const FileKind *kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, kind->name);
  for (guint i = 0; kind->patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, kind->patterns[i]);
  for (guint i = 0; kind->mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, kind->mime_types[i]);
  return filter;
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
new_dialog (const char     *title,
            const FileKind *kind)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) own = new_filter (kind);
  g_autoptr(GtkFileFilter) all = new_all_filter ();

  g_list_store_append (filters, own);
  g_list_store_append (filters, all);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, own);
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
choose_open (GtkWindow      *parent,
             const char     *title,
             const FileKind *kind,
             GCancellable   *cancellable,
             GTask          *task)
{
  g_autoptr(GtkFileDialog) dialog = new_dialog (title, kind);

  gtk_file_dialog_open (dialog, parent, cancellable, open_done_cb, g_object_ref (task));
}

static void
choose_save (GtkWindow      *parent,
             const char     *title,
             const char     *accept,
             const FileKind *kind,
             GFile          *current_file,
             const char     *suggested_name,
             GCancellable   *cancellable,
             GTask          *task)
{
  g_autoptr(GtkFileDialog) dialog = new_dialog (title, kind);

  gtk_file_dialog_set_accept_label (dialog, accept);
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
             const FileKind       *kind,
             GTask                *task)
{
  g_autoptr(GtkFileFilter) own = new_filter (kind);
  g_autoptr(GtkFileFilter) all = new_all_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), own);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), own);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* The task keeps the chooser alive until it answers. */
  g_task_set_task_data (task, native, g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
choose_open (GtkWindow      *parent,
             const char     *title,
             const FileKind *kind,
             GCancellable   *cancellable,
             GTask          *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  show_native (native, kind, task);
}

static void
choose_save (GtkWindow      *parent,
             const char     *title,
             const char     *accept,
             const FileKind *kind,
             GFile          *current_file,
             const char     *suggested_name,
             GCancellable   *cancellable,
             GTask          *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        accept, _("_Cancel"));
  if (current_file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), current_file, NULL);
  else if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  show_native (native, kind, task);
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
  FileKind kind = translated (&plan_kind);

  g_task_set_source_tag (task, rollout_file_chooser_open_async);
  choose_open (parent, _("Open Plan"), &kind, cancellable, task);
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
  FileKind kind = translated (&plan_kind);

  g_task_set_source_tag (task, rollout_file_chooser_save_async);
  choose_save (parent, _("Save Plan As"), _("_Save"), &kind, current_file, suggested_name,
               cancellable, task);
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
  FileKind kind = translated (&pdf_kind);

  g_task_set_source_tag (task, rollout_file_chooser_export_pdf_async);
  choose_save (parent, _("Export PDF"), _("_Export"), &kind, NULL, suggested_name, cancellable, task);
}

/**
 * rollout_file_chooser_import_async:
 * @parent: (nullable): the window the chooser belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file; finish with
 *   rollout_file_chooser_open_finish()
 * @user_data: data for @callback
 *
 * Asks for a plan made with another tool: MS Project XML, GanttProject or
 * GNOME Planner.
 */
void
rollout_file_chooser_import_async (GtkWindow           *parent,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);
  FileKind kind = translated (&import_kind);

  g_task_set_source_tag (task, rollout_file_chooser_import_async);
  choose_open (parent, _("Import Plan"), &kind, cancellable, task);
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
  FileKind kind = translated (&csv_kind);

  g_task_set_source_tag (task, rollout_file_chooser_open_csv_async);
  choose_open (parent, title, &kind, cancellable, task);
}

/**
 * rollout_file_chooser_export_async:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title ("Export Calendar")
 * @filter_name: what the files are called ("Calendars")
 * @pattern: their name pattern ("*.ics")
 * @mime_type: (nullable): their MIME type
 * @suggested_name: (nullable): a name for the new file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the chosen file; finish with
 *   rollout_file_chooser_save_finish()
 * @user_data: data for @callback
 *
 * Asks where to write an export of the plan. The chooser asks before
 * replacing a file.
 */
void
rollout_file_chooser_export_async (GtkWindow           *parent,
                                   const char          *title,
                                   const char          *filter_name,
                                   const char          *pattern,
                                   const char          *mime_type,
                                   const char          *suggested_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);
  FileKind kind = { filter_name, { pattern, NULL }, { mime_type, NULL } };

  g_return_if_fail (title != NULL && filter_name != NULL && pattern != NULL);

  g_task_set_source_tag (task, rollout_file_chooser_export_async);
  choose_save (parent, title, _("_Export"), &kind, NULL, suggested_name, cancellable, task);
}

GFile *
rollout_file_chooser_save_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
