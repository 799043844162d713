/* rollout-window-merge.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merge, from the banner that says the file changed on disk while the plan
 * has unsaved edits: the document merges the version it read, the edits
 * and the changed file, and the result is one edit (a toast offers Undo).
 * What both sides changed differently stays in the plan as conflicts,
 * which the conflict dialog lists; the window keeps saying so, and Save
 * asks first, until each is resolved. Plans opened with conflicts from a
 * git merge show the same dialog.
 */

#define G_LOG_DOMAIN "rollout-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-conflict-dialog.h"
#include "rollout-window-private.h"

#define CONFLICT_DIALOG_KEY "rollout-conflict-dialog"

static void
show_merge_error (RolloutWindow *self,
                  const GError  *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Merge the Changes"), NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message,
                                  _("Your changes are still here. Reload to see only theirs, or save to keep only yours."));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RolloutWindow) self = user_data;
  RolloutDocument *document = ROLLOUT_DOCUMENT (object);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint n;

  if (!rollout_document_merge_finish (document, result, &error))
    {
      if (rollout_window_get_document (self) == document)
        show_merge_error (self, error);
      return;
    }
  if (rollout_window_get_document (self) != document)
    return;

  n = rollout_document_get_n_conflicts (document);
  if (n == 0)
    toast = adw_toast_new (_("Merged their changes with yours"));
  else
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Merged their changes; %u conflict to resolve",
                                            "Merged their changes; %u conflicts to resolve", n),
                               n);
      toast = adw_toast_new (title);
    }
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  rollout_window_add_toast (self, toast);

  if (n > 0)
    _rollout_window_show_conflicts (self);
}

/* Merge — their changes on disk into the plan as edited here. */
void
_rollout_window_merge (RolloutWindow *self)
{
  RolloutDocument *document = rollout_window_get_document (self);

  if (document == NULL || rollout_document_get_file (document) == NULL)
    return;
  rollout_document_merge_async (document, NULL, merged_cb, g_object_ref (self));
}

static void
conflict_dialog_destroyed_cb (RolloutWindow *self)
{
  g_object_steal_data (G_OBJECT (self), CONFLICT_DIALOG_KEY);
}

/* Resolve Conflicts… — the window's one conflict dialog. */
void
_rollout_window_show_conflicts (RolloutWindow *self)
{
  RolloutDocument *document = rollout_window_get_document (self);
  GtkWidget *dialog = g_object_get_data (G_OBJECT (self), CONFLICT_DIALOG_KEY);

  if (document == NULL)
    return;
  if (dialog != NULL && rollout_conflict_dialog_get_document (ROLLOUT_CONFLICT_DIALOG (dialog)) != document)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      dialog = NULL;
    }
  if (dialog == NULL)
    {
      dialog = rollout_conflict_dialog_new (GTK_WINDOW (self), document);
      g_object_set_data (G_OBJECT (self), CONFLICT_DIALOG_KEY, dialog);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (conflict_dialog_destroyed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}
