/* rollout-problems-dialog.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why a plan could not be opened: the headline and body in plain words, and
 * below them the full technical detail (every problem the validator found,
 * with its location) in a read-only text view that can be selected and
 * copied. The same dialog shows other reports that are read and copied
 * rather than acted on, such as what an import left out.
 */

#define G_LOG_DOMAIN "rollout-problems-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-file.h"
#include "rollout-problems-dialog.h"

struct _RolloutProblemsDialog
{
  AdwMessageDialog  parent_instance;

  GtkLabel         *details_label;
  GtkScrolledWindow *details_window;
  GtkTextView      *details_view;

  char             *details;
};

G_DEFINE_FINAL_TYPE (RolloutProblemsDialog, rollout_problems_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
describe_error (const GError *error,
                guint         n_problems)
{
  if (error == NULL)
    return g_strdup (_("The file could not be read."));

  if (error->domain == ROLLOUT_FILE_ERROR)
    switch ((RolloutFileError) error->code)
      {
      case ROLLOUT_FILE_ERROR_INVALID:
        if (n_problems == 0)
          return g_strdup (_("The file is a plan, but it has problems that must be fixed before it can be opened. "
                             "Fix them in a text editor, or ask whoever sent you the file."));
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The file is a plan, but it has a problem that must be fixed before it can be opened. "
                                             "Fix it in a text editor, or ask whoever sent you the file.",
                                             "The file is a plan, but it has %u problems that must be fixed before it can be opened. "
                                             "Fix them in a text editor, or ask whoever sent you the file.",
                                             n_problems),
                                n_problems);
      case ROLLOUT_FILE_ERROR_SYNTAX:
        return g_strdup (_("The file is not a Rollout plan, or it is damaged."));
      case ROLLOUT_FILE_ERROR_NEWER_VERSION:
        return g_strdup (_("The plan was made with a newer version of Rollout. Update Rollout to open it."));
      case ROLLOUT_FILE_ERROR_TOO_LARGE:
        return g_strdup (_("The file is too large to be a plan."));
      default:
        break;
      }

  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return g_strdup (_("The file does not exist. It may have been moved or deleted."));
      case G_IO_ERROR_PERMISSION_DENIED:
        return g_strdup (_("You do not have permission to read the file."));
      case G_IO_ERROR_IS_DIRECTORY:
        return g_strdup (_("This is a folder, not a plan."));
      default:
        break;
      }

  return g_strdup (_("The file could not be read."));
}

static char *
build_details (const GError *error,
               GPtrArray    *diagnostics)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (diagnostics != NULL && diagnostics->len > 0)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *line = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          if (i > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }
    }
  else if (error != NULL)
    g_string_append (text, error->message);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
copy_clicked_cb (RolloutProblemsDialog *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->details);
}

static void
rollout_problems_dialog_finalize (GObject *object)
{
  RolloutProblemsDialog *self = ROLLOUT_PROBLEMS_DIALOG (object);

  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (rollout_problems_dialog_parent_class)->finalize (object);
}

static void
rollout_problems_dialog_class_init (RolloutProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rollout_problems_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutProblemsDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutProblemsDialog, details_window);
  gtk_widget_class_bind_template_child (widget_class, RolloutProblemsDialog, details_view);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
}

static void
rollout_problems_dialog_init (RolloutProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rollout_problems_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @file: the file that could not be opened
 * @error: what went wrong
 * @diagnostics: (nullable) (element-type RolloutDiagnostic): every problem
 *   the validator found
 *
 * Returns: (transfer floating): a new dialog, not yet shown
 */
GtkWidget *
rollout_problems_dialog_new (GtkWindow    *parent,
                             GFile        *file,
                             const GError *error,
                             GPtrArray    *diagnostics)
{
  RolloutProblemsDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename != NULL ? basename : "");
  /* Translators: the name of a file */
  heading = g_strdup_printf (_("Could not open “%s”"), name);
  body = describe_error (error, diagnostics != NULL ? diagnostics->len : 0);

  self = g_object_new (ROLLOUT_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  self->details = build_details (error, diagnostics);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view), self->details, -1);

  return GTK_WIDGET (self);
}

/**
 * rollout_problems_dialog_new_with_details:
 * @parent: (nullable): the window the dialog belongs to
 * @heading: the headline
 * @body: what happened, in plain words
 * @details_title: (nullable): what the details are ("Details" when %NULL)
 * @details: the text to read and copy
 *
 * Returns: (transfer floating): a new dialog, not yet shown
 */
GtkWidget *
rollout_problems_dialog_new_with_details (GtkWindow  *parent,
                                          const char *heading,
                                          const char *body,
                                          const char *details_title,
                                          const char *details)
{
  RolloutProblemsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (details != NULL, NULL);

  self = g_object_new (ROLLOUT_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  /* A report of its own is prose, read at length: room for it. */
  if (details_title != NULL)
    {
      gtk_label_set_label (self->details_label, details_title);
      gtk_text_view_set_monospace (self->details_view, FALSE);
      gtk_scrolled_window_set_max_content_height (self->details_window, 360);
    }
  self->details = g_strdup (details);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view), self->details, -1);

  return GTK_WIDGET (self);
}

/* The technical detail shown (and copied): one problem per line. */
const char *
rollout_problems_dialog_get_details (RolloutProblemsDialog *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROBLEMS_DIALOG (self), NULL);

  return self->details;
}
