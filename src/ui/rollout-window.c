/* rollout-window.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A window shows one plan, or the welcome page when it has none.
 *
 * The title is the plan's name (with a "•" while it has unsaved changes),
 * the subtitle its folder; the view switcher picks the view. Undo and Redo
 * head the primary menu, named after the edit they would undo or redo.
 * The views are pages of one AdwViewStack: the window's edit actions
 * (add, delete, find, zoom, nudge) go to the visible view's action group
 * of the same name — "win.delete" runs "timeline.delete" on the Timeline —
 * so a new view takes part by installing the actions it supports.
 *
 * A banner under the header bar says when the file changed on disk (with
 * Merge beside Reload when there are unsaved edits), when the plan has
 * merge conflicts to resolve, or when a draft of unsaved changes can be
 * recovered. Closing with unsaved changes, reloading over them, saving over
 * someone else's changes and saving with conflicts all ask first. The
 * window's size and the last view are kept in GSettings. Import, the
 * exports and merging live in rollout-window-import.c,
 * rollout-window-export.c and rollout-window-merge.c.
 */

#define G_LOG_DOMAIN "rollout-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rollout-board-view.h"
#include "rollout-file-chooser.h"
#include "rollout-monitor-view.h"
#include "rollout-overview-page.h"
#include "rollout-problems-dialog.h"
#include "rollout-risk-view.h"
#include "rollout-timeline-view.h"
#include "rollout-welcome-page.h"
#include "rollout-window-private.h"

typedef enum {
  BANNER_NONE,
  BANNER_CHANGED_ON_DISK,
  BANNER_DELETED_ON_DISK,
  BANNER_CONFLICTS,
  BANNER_RECOVER_DRAFT,
} BannerKind;

struct _RolloutWindow
{
  AdwApplicationWindow  parent_instance;

  RolloutDocument      *document;
  GSettings            *settings;
  GMenu                *undo_section;
  RolloutDraft         *offered_draft;
  BannerKind            banner_kind;

  GtkWidget            *save_button;
  GtkWidget            *add_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  GtkButton            *banner_secondary_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  RolloutWelcomePage   *welcome_page;
  AdwViewStack         *view_stack;
  RolloutOverviewPage  *overview_page;
  RolloutTimelineView  *timeline_view;
  RolloutBoardView     *board_view;
  RolloutRiskView      *risk_view;
  RolloutMonitorView   *monitor_view;
  AdwViewSwitcherBar   *switcher_bar;

  /* The person chose to close despite unsaved changes. */
  guint                 close_confirmed : 1;
  /* Close once the save in progress succeeds. */
  guint                 close_after_save : 1;
  /* The person chose to save with merge conflicts left. */
  guint                 conflicts_kept : 1;
};

G_DEFINE_FINAL_TYPE (RolloutWindow, rollout_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The view actions the window passes on, and which view to show first when
 * the visible one has no such action. */
static const struct {
  const char *verb;
  const char *fallback_view;
} view_actions[] = {
  { "add-task", "timeline" },
  { "add-milestone", "timeline" },
  { "add-phase", "timeline" },
  { "add-risk", "risks" },
  { "delete", NULL },
  { "edit", NULL },
  { "find", NULL },
  { "move-earlier", NULL },
  { "move-later", NULL },
  { "move-up", NULL },
  { "move-down", NULL },
  { "shorten", NULL },
  { "lengthen", NULL },
  { "link", NULL },
  { "zoom-in", NULL },
  { "zoom-out", NULL },
  { "zoom-reset", NULL },
};

static RolloutApplication *
get_application (RolloutWindow *self)
{
  return ROLLOUT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* User text in a menu label: underscores are not mnemonics. */
static char *
escape_mnemonics (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (escaped, '_');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

static void
update_title (RolloutWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->document != NULL)
    {
      g_autofree char *name = rollout_document_dup_title (self->document);

      title = rollout_document_get_modified (self->document)
        ? g_strconcat ("• ", name, NULL)
        : g_steal_pointer (&name);
      subtitle = rollout_document_dup_folder (self->document);
      if (subtitle == NULL)
        subtitle = g_strdup (_("Not saved"));
    }
  else
    title = g_strdup (_("Rollout"));

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Save is offered while there is something to save: unsaved changes, or a
 * plan that has no file yet or whose file is gone. */
static void
update_save_action (RolloutWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 self->document != NULL &&
                                 (rollout_document_get_modified (self->document) ||
                                  rollout_document_get_file (self->document) == NULL ||
                                  rollout_document_get_disk_state (self->document) == ROLLOUT_DISK_STATE_DELETED));
}

static void
append_history_item (GMenu      *section,
                     const char *label,
                     const char *action,
                     const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

/* Undo and Redo say what they would undo or redo. */
static void
update_undo (RolloutWindow *self)
{
  RolloutHistory *history = self->document != NULL ? rollout_document_get_history (self->document) : NULL;
  gboolean can_undo = history != NULL && rollout_history_can_undo (history);
  gboolean can_redo = history != NULL && rollout_history_can_redo (history);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  g_menu_remove_all (self->undo_section);
  if (history == NULL)
    return;
  if (can_undo)
    {
      g_autofree char *edit = escape_mnemonics (rollout_history_get_undo_label (history));

      /* Translators: %s is what the edit did, as "Move ‘Train support’" */
      undo = g_strdup_printf (_("_Undo %s"), edit);
    }
  if (can_redo)
    {
      g_autofree char *edit = escape_mnemonics (rollout_history_get_redo_label (history));

      /* Translators: %s is what the edit did, as "Move ‘Train support’" */
      redo = g_strdup_printf (_("_Redo %s"), edit);
    }
  append_history_item (self->undo_section, undo != NULL ? undo : _("_Undo"), "win.undo", "<Control>z");
  append_history_item (self->undo_section, redo != NULL ? redo : _("_Redo"), "win.redo", "<Control><Shift>z");
}

static void
update_banner (RolloutWindow *self)
{
  RolloutDiskState state = self->document != NULL ? rollout_document_get_disk_state (self->document)
                                                   : ROLLOUT_DISK_STATE_SAME;
  g_autofree char *text = NULL;
  const char *button = NULL;
  const char *secondary = NULL;
  guint n_conflicts = self->document != NULL ? rollout_document_get_n_conflicts (self->document) : 0;

  if (state == ROLLOUT_DISK_STATE_CHANGED && rollout_document_get_modified (self->document))
    {
      self->banner_kind = BANNER_CHANGED_ON_DISK;
      text = g_strdup (_("The file was changed by someone else. Merge their changes with yours, or reload to see only theirs."));
      button = _("_Merge");
      secondary = _("_Reload");
    }
  else if (state == ROLLOUT_DISK_STATE_CHANGED)
    {
      self->banner_kind = BANNER_CHANGED_ON_DISK;
      text = g_strdup (_("The file was changed by someone else."));
      button = _("_Reload");
    }
  else if (state == ROLLOUT_DISK_STATE_DELETED)
    {
      self->banner_kind = BANNER_DELETED_ON_DISK;
      text = g_strdup (_("The file was deleted or moved by someone else. Save to keep the plan."));
      button = _("_Save");
    }
  else if (n_conflicts > 0)
    {
      self->banner_kind = BANNER_CONFLICTS;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A merge left %u conflict: pick a version before saving.",
                                           "A merge left %u conflicts: pick a version for each before saving.",
                                           n_conflicts),
                              n_conflicts);
      button = _("_Resolve…");
    }
  else if (self->offered_draft != NULL)
    {
      self->banner_kind = BANNER_RECOVER_DRAFT;
      /* Translators: the name of a plan */
      text = g_strdup_printf (_("Recover unsaved changes to “%s”?"), self->offered_draft->name);
      button = _("_Recover");
      secondary = _("_Discard");
    }
  else
    self->banner_kind = BANNER_NONE;

  if (text != NULL)
    {
      gtk_label_set_label (self->banner_label, text);
      gtk_button_set_label (self->banner_button, button);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_secondary_button), secondary != NULL);
      if (secondary != NULL)
        gtk_button_set_label (self->banner_secondary_button, secondary);
    }
  gtk_revealer_set_reveal_child (self->banner, text != NULL);
}

static void
document_modified_cb (RolloutWindow *self)
{
  update_title (self);
  update_save_action (self);
  if (self->banner_kind == BANNER_CHANGED_ON_DISK)
    update_banner (self);
}

static void
document_disk_state_cb (RolloutWindow *self)
{
  update_save_action (self);
  update_banner (self);
}

static void
update_switcher_bar (RolloutWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->document != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
view_changed_cb (RolloutWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->document != NULL && self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

static void
show_view (RolloutWindow *self,
           const char    *name)
{
  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
save_window_state (RolloutWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (self->settings == NULL)
    return;
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
show_save_error (RolloutWindow *self,
                 const GError  *error)
{
  g_autofree char *name = rollout_document_dup_title (self->document);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: the name of a plan */
  heading = g_strdup_printf (_("Could not save “%s”"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  error->message,
                                  _("Your changes are still here. Try Save As to save them somewhere else."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog answering now has finished: the
 * window's dialogs go with it, and must not go in the middle of their own
 * response. */
static void
close_later (RolloutWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Saves to @file, or to the document's own file when %NULL. */
static gboolean
save_to (RolloutWindow *self,
         GFile         *file)
{
  g_autoptr(GError) error = NULL;

  if (!rollout_document_save (self->document, file, &error))
    {
      self->close_after_save = FALSE;
      show_save_error (self, error);
      return FALSE;
    }
  rollout_application_remember (get_application (self), self->document);
  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      close_later (self);
    }
  return TRUE;
}

static void
save_as_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RolloutWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = rollout_file_chooser_save_finish (result, &error);
  if (file == NULL)
    {
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_save_error (self, error);
      return;
    }
  if (self->document != NULL)
    save_to (self, file);
}

static void
save_as (RolloutWindow *self)
{
  GFile *current = rollout_document_get_file (self->document);
  g_autofree char *suggested = NULL;

  if (current == NULL)
    {
      g_autofree char *name = rollout_document_dup_title (self->document);

      /* File names cannot hold a slash. */
      g_strdelimit (name, "/", '-');
      suggested = g_strconcat (name, ".rollout", NULL);
    }
  rollout_file_chooser_save_async (GTK_WINDOW (self), current, suggested, NULL,
                                   save_as_chosen_cb, g_object_ref (self));
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RolloutWindow    *self)
{
  if (g_str_equal (response, "overwrite") && self->document != NULL)
    save_to (self, NULL);
  else
    self->close_after_save = FALSE;
}

/* Someone else changed the file since we read it: saving would throw their
 * work away, so ask first. */
static void
ask_overwrite (RolloutWindow *self)
{
  g_autofree char *name = rollout_document_dup_title (self->document);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite the Changed File?"), NULL));
  /* Translators: the name of a plan */
  adw_message_dialog_format_body (dialog, _("Someone else changed “%s” since you opened it. Saving replaces their changes with yours."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void save (RolloutWindow *self);

static void
conflicts_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RolloutWindow    *self)
{
  if (self->document == NULL)
    return;
  if (g_str_equal (response, "keep"))
    {
      self->conflicts_kept = TRUE;
      save (self);
      self->conflicts_kept = FALSE;
      return;
    }
  self->close_after_save = FALSE;
  if (g_str_equal (response, "resolve"))
    _rollout_window_show_conflicts (self);
}

/* A merge left decisions to make: saving waits for them, unless the person
 * chooses to keep both versions in the file, to decide later. */
static void
ask_resolve_conflicts (RolloutWindow *self)
{
  guint n = rollout_document_get_n_conflicts (self->document);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Resolve Conflicts Before Saving?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "A merge left %u conflict, where you and someone else changed the same thing differently. "
                                               "Pick a version before saving, or save both versions in the file to decide later; "
                                               "until then the file does not pass validation.",
                                               "A merge left %u conflicts, where you and someone else changed the same things differently. "
                                               "Pick a version for each before saving, or save both versions in the file to decide later; "
                                               "until then the file does not pass validation.",
                                               n),
                                  n);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "keep", _("Save _With Conflicts"),
                                    "resolve", _("_Resolve…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "resolve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "resolve");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflicts_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save (RolloutWindow *self)
{
  if (rollout_document_get_n_conflicts (self->document) > 0 && !self->conflicts_kept)
    ask_resolve_conflicts (self);
  else if (rollout_document_get_file (self->document) == NULL)
    save_as (self);
  else if (rollout_document_get_disk_state (self->document) == ROLLOUT_DISK_STATE_CHANGED)
    ask_overwrite (self);
  else
    save_to (self, NULL);
}

static void
save_changes_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          RolloutWindow    *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      rollout_document_discard_draft (self->document);
      close_later (self);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

static void
ask_save_changes (RolloutWindow *self)
{
  g_autofree char *name = rollout_document_dup_title (self->document);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the name of a plan */
  heading = g_strdup_printf (_("Save changes to “%s”?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Changes that are not saved will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_changes_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reloading ---------------------------------------------------------------- */

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RolloutWindow) self = user_data;
  g_autoptr(RolloutDocument) document = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *view = NULL;
  GFile *file;

  if (self->document == NULL)
    return;
  file = rollout_document_get_file (self->document);
  document = rollout_document_load_finish (result, &diagnostics, &error);
  if (document == NULL)
    {
      GtkWidget *dialog = rollout_problems_dialog_new (GTK_WINDOW (self), file, error, diagnostics);

      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  view = g_strdup (adw_view_stack_get_visible_child_name (self->view_stack));
  rollout_document_discard_draft (self->document);
  rollout_window_set_document (self, document);
  if (view != NULL)
    show_view (self, view);
  rollout_window_add_toast (self, adw_toast_new (_("Reloaded the changed file")));
}

static void
reload (RolloutWindow *self)
{
  rollout_document_load_async (rollout_document_get_file (self->document), NULL,
                               reloaded_cb, g_object_ref (self));
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RolloutWindow    *self)
{
  if (g_str_equal (response, "discard") && self->document != NULL)
    reload (self);
}

static void
ask_reload (RolloutWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Reload and Discard Your Changes?"),
                                                       _("The file was changed by someone else. Reloading shows their version, and the changes you made here will be lost. To keep yours, cancel and save over the file.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks ---------------------------------------------------------------- */

static void
banner_button_clicked_cb (RolloutWindow *self)
{
  g_autoptr(RolloutDraft) draft = NULL;

  switch (self->banner_kind)
    {
    case BANNER_CHANGED_ON_DISK:
      gtk_widget_activate_action (GTK_WIDGET (self),
                                  rollout_document_get_modified (self->document) ? "win.merge" : "win.reload",
                                  NULL);
      break;
    case BANNER_DELETED_ON_DISK:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
      break;
    case BANNER_CONFLICTS:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.resolve-conflicts", NULL);
      break;
    case BANNER_RECOVER_DRAFT:
      draft = g_steal_pointer (&self->offered_draft);
      update_banner (self);
      rollout_application_recover_draft (get_application (self), draft, GTK_WINDOW (self));
      break;
    case BANNER_NONE:
    default:
      break;
    }
}

static void
banner_secondary_clicked_cb (RolloutWindow *self)
{
  g_autoptr(RolloutDraft) draft = NULL;

  if (self->banner_kind == BANNER_CHANGED_ON_DISK)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL);
      return;
    }
  if (self->banner_kind != BANNER_RECOVER_DRAFT)
    return;
  draft = g_steal_pointer (&self->offered_draft);
  rollout_application_discard_draft (get_application (self), draft->key);
  update_banner (self);
}

static gboolean
drop_cb (RolloutWindow *self,
         const GValue  *value,
         double         x,
         double         y)
{
  static const char * const import_suffixes[] = { ".gan", ".planner", ".xml", ".mpp-xml" };
  GSList *files = g_value_get_boxed (value);

  /* Plans from GanttProject, Planner and MS Project are imported, the rest
   * opened as Rollout plans. */
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;
      gboolean import = FALSE;

      for (guint i = 0; folded != NULL && i < G_N_ELEMENTS (import_suffixes); i++)
        import |= g_str_has_suffix (folded, import_suffixes[i]);
      if (import)
        _rollout_window_import_file (self, l->data);
      else
        rollout_application_open_file (get_application (self), l->data, GTK_WINDOW (self));
    }
  return files != NULL;
}

/* Actions ------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (ROLLOUT_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (ROLLOUT_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);

  if (self->document == NULL || rollout_document_get_file (self->document) == NULL)
    return;
  if (rollout_document_get_modified (self->document))
    ask_reload (self);
  else
    reload (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);

  if (self->document != NULL)
    rollout_history_undo (rollout_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);

  if (self->document != NULL)
    rollout_history_redo (rollout_document_get_history (self->document));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);
  g_autoptr(RolloutDocument) document = rollout_document_new_empty ();
  RolloutWindow *window = self;

  if (self->document != NULL)
    window = rollout_window_new (get_application (self));
  rollout_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);
  RolloutApplication *app = get_application (self);
  g_autoptr(GFile) demo = rollout_application_dup_demo_file (app);

  rollout_application_open_file (app, demo, GTK_WINDOW (self));
}

/* Alt+1 shows the first view, Alt+2 the second, and so on. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  int position = g_variant_get_int32 (parameter) - 1;

  if (position < 0 || (guint) position >= g_list_model_get_n_items (G_LIST_MODEL (pages)))
    return;
  gtk_selection_model_select_item (pages, position, TRUE);
}

static gboolean
activate_in_view (RolloutWindow *self,
                  const char    *view,
                  const char    *verb)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, view);
  g_autofree char *name = g_strconcat (view, ".", verb, NULL);

  return child != NULL && gtk_widget_activate_action (child, name, NULL);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);
  const char *verb = action_name + strlen ("win.");
  const char *visible = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->document == NULL || visible == NULL)
    return;
  if (activate_in_view (self, visible, verb))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    if (g_str_equal (view_actions[i].verb, verb) && view_actions[i].fallback_view != NULL)
      {
        show_view (self, view_actions[i].fallback_view);
        activate_in_view (self, view_actions[i].fallback_view, verb);
      }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _rollout_window_print (ROLLOUT_WINDOW (widget));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _rollout_window_export_pdf (ROLLOUT_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _rollout_window_export (ROLLOUT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *format, *location;

  g_variant_get (parameter, "(&s&s)", &format, &location);
  _rollout_window_export_to (ROLLOUT_WINDOW (widget), format, location);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _rollout_window_import (ROLLOUT_WINDOW (widget));
}

static void
import_location_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  _rollout_window_import_file (ROLLOUT_WINDOW (widget), file);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _rollout_window_merge (ROLLOUT_WINDOW (widget));
}

static void
resolve_conflicts_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _rollout_window_show_conflicts (ROLLOUT_WINDOW (widget));
}

/* The shortcuts that text fields also use act only when the focus is not in
 * a field that takes them: they are handled as the key bubbles up. */
static void
add_editing_shortcuts (RolloutWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const RolloutShortcut *shortcuts;
  guint n;

  shortcuts = rollout_application_get_shortcuts (&n);
  for (guint i = 0; i < n; i++)
    {
      if (shortcuts[i].in_text)
        continue;
      for (guint k = 0; shortcuts[i].accels[k] != NULL; k++)
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                              gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].accels[k]),
                                                                gtk_named_action_new (shortcuts[i].action)));
    }
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject ------------------------------------------------------------------ */

static gboolean
rollout_window_close_request (GtkWindow *window)
{
  RolloutWindow *self = ROLLOUT_WINDOW (window);

  if (self->document != NULL &&
      rollout_document_get_modified (self->document) &&
      !self->close_confirmed)
    {
      ask_save_changes (self);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (rollout_window_parent_class)->close_request (window);
}

static void
disconnect_document (RolloutWindow *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (rollout_document_get_history (self->document), self);
}

static void
rollout_window_dispose (GObject *object)
{
  RolloutWindow *self = ROLLOUT_WINDOW (object);

  disconnect_document (self);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->offered_draft, rollout_draft_free);

  G_OBJECT_CLASS (rollout_window_parent_class)->dispose (object);
}

static void
rollout_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RolloutWindow *self = ROLLOUT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_window_class_init (RolloutWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rollout_window_dispose;
  object_class->get_property = rollout_window_get_property;

  window_class->close_request = rollout_window_close_request;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ROLLOUT_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROLLOUT_TYPE_WELCOME_PAGE);
  g_type_ensure (ROLLOUT_TYPE_OVERVIEW_PAGE);
  g_type_ensure (ROLLOUT_TYPE_TIMELINE_VIEW);
  g_type_ensure (ROLLOUT_TYPE_BOARD_VIEW);
  g_type_ensure (ROLLOUT_TYPE_RISK_VIEW);
  g_type_ensure (ROLLOUT_TYPE_MONITOR_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, banner_secondary_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, board_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, risk_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, monitor_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, undo_section);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "i", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "(ss)", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-location", "s", import_location_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflicts", NULL, resolve_conflicts_action);
  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    {
      g_autofree char *name = g_strconcat ("win.", view_actions[i].verb, NULL);

      gtk_widget_class_install_action (widget_class, g_intern_string (name), NULL, view_action);
    }
}

static void
rollout_window_init (RolloutWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->banner_button, "clicked", G_CALLBACK (banner_button_clicked_cb), self);
  g_signal_connect_swapped (self->banner_secondary_button, "clicked", G_CALLBACK (banner_secondary_clicked_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  add_editing_shortcuts (self);

  rollout_window_set_document (self, NULL);
}

/* Public API --------------------------------------------------------------- */

RolloutWindow *
rollout_window_new (RolloutApplication *application)
{
  RolloutWindow *self;

  g_return_val_if_fail (ROLLOUT_IS_APPLICATION (application), NULL);

  self = g_object_new (ROLLOUT_TYPE_WINDOW,
                       "application", application,
                       NULL);

  self->settings = g_object_ref (rollout_application_get_settings (application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "timeline-zoom", self->timeline_view, "zoom",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "board-swimlanes", self->board_view, "lanes",
                   G_SETTINGS_BIND_DEFAULT);

  rollout_welcome_page_set_application (self->welcome_page, application);

  return self;
}

/**
 * rollout_window_get_document:
 * @self: a #RolloutWindow
 *
 * Returns: (transfer none) (nullable): the plan shown, or %NULL while the
 *   welcome page is
 */
RolloutDocument *
rollout_window_get_document (RolloutWindow *self)
{
  g_return_val_if_fail (ROLLOUT_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * rollout_window_set_document:
 * @self: a #RolloutWindow
 * @document: (nullable): the plan to show, or %NULL for the welcome page
 *
 * Shows @document; its unsaved changes go to the application's cache as
 * drafts from now on.
 */
void
rollout_window_set_document (RolloutWindow   *self,
                             RolloutDocument *document)
{
  gboolean has_plan = document != NULL;
  RolloutApplication *app;

  g_return_if_fail (ROLLOUT_IS_WINDOW (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  disconnect_document (self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->offered_draft, rollout_draft_free);
  self->close_confirmed = FALSE;
  if (document != NULL)
    {
      RolloutHistory *history = rollout_document_get_history (document);

      g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (document_modified_cb), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (update_title), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (update_save_action), self);
      g_signal_connect_swapped (document, "notify::disk-state", G_CALLBACK (document_disk_state_cb), self);
      g_signal_connect_swapped (document, "notify::n-conflicts", G_CALLBACK (update_banner), self);
      g_signal_connect_swapped (document, "changed", G_CALLBACK (update_title), self);
      g_signal_connect_swapped (history, "changed", G_CALLBACK (update_undo), self);

      app = gtk_window_get_application (GTK_WINDOW (self)) != NULL ? get_application (self) : NULL;
      if (app != NULL)
        rollout_document_set_cache (document, rollout_application_get_cache (app));
    }

  rollout_overview_page_set_document (self->overview_page, document);
  rollout_timeline_view_set_document (self->timeline_view, document);
  rollout_board_view_set_document (self->board_view, document);
  rollout_risk_view_set_document (self->risk_view, document);
  rollout_monitor_view_set_document (self->monitor_view, document);

  gtk_stack_set_visible_child_name (self->main_stack, has_plan ? "plan" : "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_plan);
  gtk_widget_set_visible (self->save_button, has_plan);
  gtk_widget_set_visible (self->add_button, has_plan);
  update_save_action (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resolve-conflicts", has_plan);
  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    {
      g_autofree char *name = g_strconcat ("win.", view_actions[i].verb, NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, has_plan);
    }
  if (has_plan && self->settings != NULL)
    {
      g_autofree char *last_view = g_settings_get_string (self->settings, "last-view");

      show_view (self, last_view);
    }

  update_title (self);
  update_undo (self);
  update_banner (self);
  update_switcher_bar (self);
  view_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/**
 * rollout_window_offer_draft:
 * @self: a #RolloutWindow
 * @draft: a recoverable draft of the plan the window shows
 *
 * Asks, in the banner, whether to bring back the draft's unsaved changes.
 */
void
rollout_window_offer_draft (RolloutWindow      *self,
                            const RolloutDraft *draft)
{
  g_return_if_fail (ROLLOUT_IS_WINDOW (self));
  g_return_if_fail (draft != NULL);

  g_clear_pointer (&self->offered_draft, rollout_draft_free);
  self->offered_draft = rollout_draft_copy (draft);
  update_banner (self);
}

/**
 * rollout_window_get_banner:
 * @self: a #RolloutWindow
 *
 * Returns: (nullable): what the banner says, or %NULL when it is hidden
 */
const char *
rollout_window_get_banner (RolloutWindow *self)
{
  g_return_val_if_fail (ROLLOUT_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

/**
 * rollout_window_add_toast:
 * @self: a #RolloutWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
rollout_window_add_toast (RolloutWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (ROLLOUT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
