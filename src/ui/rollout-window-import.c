/* rollout-window-import.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Import…: a plan made with MS Project (XML), GanttProject or GNOME Planner
 * comes in through the importer of rollout-cli import, in a worker thread.
 * It opens as a new plan that has no file and counts as unsaved, so closing
 * asks, drafts keep it safe, and Save asks where to keep it as a .rollout
 * file. The import report — what the source had that a plan cannot hold,
 * and how many task dates match the source's own schedule — follows in a
 * dialog to read and copy. A file that cannot come in says why, with the
 * file name and the line the reader stopped at.
 */

#define G_LOG_DOMAIN "rollout-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-file-chooser.h"
#include "rollout-import.h"
#include "rollout-problems-dialog.h"
#include "rollout-window-private.h"

static char *
display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

static const char *
describe_error (const GError *error)
{
  if (error->domain == ROLLOUT_IMPORT_ERROR)
    switch ((RolloutImportError) error->code)
      {
      case ROLLOUT_IMPORT_ERROR_SYNTAX:
        return _("The file is not well-formed XML, or it is damaged.");
      case ROLLOUT_IMPORT_ERROR_UNKNOWN_FORMAT:
        return _("The file is not a plan from MS Project (saved as XML), GanttProject or GNOME Planner.");
      case ROLLOUT_IMPORT_ERROR_INVALID:
        return _("The file is a plan, but it has a problem that keeps it from coming in. "
                 "Fix it in the app that made it, or ask whoever sent you the file.");
      case ROLLOUT_IMPORT_ERROR_TOO_LARGE:
        return _("The file is too large to import.");
      default:
        break;
      }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("The file does not exist. It may have been moved or deleted.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("You do not have permission to read the file.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("This is a folder, not a plan.");
  return _("The file could not be read.");
}

static void
show_import_error (GtkWindow    *parent,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *name = display_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *details = NULL;
  GtkWidget *dialog;

  /* Translators: the name of a file */
  heading = g_strdup_printf (_("Could not import “%s”"), name);
  /* The reader's message names the element and line: "line 8: …" */
  details = g_strdup_printf ("%s: %s", name, error->message);
  dialog = rollout_problems_dialog_new_with_details (parent, heading, describe_error (error), NULL, details);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_report (GtkWindow           *parent,
             GFile               *file,
             RolloutImportReport *report)
{
  g_autofree char *name = display_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *details = rollout_import_report_to_string (report);
  g_autoptr(GString) body = g_string_new (rollout_import_report_get_summary (report));
  guint compared = rollout_import_report_get_dates_compared (report);
  gboolean left_out = rollout_import_report_get_notes (report)->len > 0 ||
                      rollout_import_report_get_warnings (report)->len > 0;
  GtkWidget *dialog;

  /* Translators: the name of the file imported */
  heading = g_strdup_printf (_("Imported “%s”"), name);
  if (compared > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u task date matches the source schedule.",
                                           "%u of %u task dates match the source schedule.",
                                           compared),
                              rollout_import_report_get_dates_matching (report), compared);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("The plan is not saved yet."));
  if (left_out)
    g_string_append_printf (body, " %s", _("The report lists what the file holds that has no place in a Rollout plan, "
                                           "or was converted."));

  g_strchomp (details);
  dialog = rollout_problems_dialog_new_with_details (parent, heading, body->str, _("Import Report"), details);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  RolloutWindow *window;
  GFile         *file;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  RolloutWindow *self = job->window;
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(RolloutDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RolloutWindow *window = self;

  project = rollout_import_load_finish (result, &report, &error);
  if (project == NULL)
    {
      show_import_error (GTK_WINDOW (self), job->file, error);
      return;
    }

  /* A new plan, not yet kept anywhere: Save asks where. */
  document = rollout_document_new (project, NULL);
  rollout_history_set_modified (rollout_document_get_history (document));

  if (rollout_window_get_document (self) != NULL)
    window = rollout_window_new (ROLLOUT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  rollout_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  show_report (GTK_WINDOW (window), job->file, report);
}

/* Imports @file into a new, unsaved plan, in this window when it shows the
 * welcome page, else in a new one. */
void
_rollout_window_import_file (RolloutWindow *self,
                             GFile         *file)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  rollout_import_load_async (file, NULL, imported_cb, job);
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RolloutWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = rollout_file_chooser_open_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not choose a plan to import: %s", error->message);
      return;
    }
  _rollout_window_import_file (self, file);
}

/* Import… — asks for the file. */
void
_rollout_window_import (RolloutWindow *self)
{
  rollout_file_chooser_import_async (GTK_WINDOW (self), NULL, import_chosen_cb, g_object_ref (self));
}
