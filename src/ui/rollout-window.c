/* rollout-window.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A window shows one plan, or the welcome page when it has none. The title
 * is the plan's name (with a "•" while there are unsaved changes), the
 * subtitle its folder; the view switcher picks the view. Closing a window
 * with unsaved changes asks first. The window's size and the last view are
 * kept in GSettings.
 */

#define G_LOG_DOMAIN "rollout-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rollout-file-chooser.h"
#include "rollout-overview-page.h"
#include "rollout-timeline-view.h"
#include "rollout-welcome-page.h"
#include "rollout-window.h"

struct _RolloutWindow
{
  AdwApplicationWindow  parent_instance;

  RolloutDocument      *document;
  GSettings            *settings;

  GtkWidget            *save_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  RolloutWelcomePage   *welcome_page;
  AdwViewStack         *view_stack;
  RolloutOverviewPage  *overview_page;
  RolloutTimelineView  *timeline_view;
  AdwViewSwitcherBar   *switcher_bar;

  /* The person chose to close despite unsaved changes. */
  guint                 close_confirmed : 1;
  /* Close once the save in progress succeeds. */
  guint                 close_after_save : 1;
};

G_DEFINE_FINAL_TYPE (RolloutWindow, rollout_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static RolloutApplication *
get_application (RolloutWindow *self)
{
  return ROLLOUT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
update_title (RolloutWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->document != NULL)
    {
      g_autofree char *name = rollout_document_dup_title (self->document);

      title = rollout_document_get_dirty (self->document)
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
 * plan that has no file yet. Wide windows show the view switcher instead of
 * the title, so this is also where unsaved changes show there. */
static void
update_save_action (RolloutWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 self->document != NULL &&
                                 (rollout_document_get_dirty (self->document) ||
                                  rollout_document_get_file (self->document) == NULL));
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
  gboolean zoomable = self->document != NULL && g_strcmp0 (name, "timeline") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoomable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoomable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", zoomable);

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
save (RolloutWindow *self)
{
  if (rollout_document_get_file (self->document) == NULL)
    save_as (self);
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

static gboolean
drop_cb (RolloutWindow *self,
         const GValue  *value,
         double         x,
         double         y)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    rollout_application_open_file (get_application (self), l->data, GTK_WINDOW (self));
  return files != NULL;
}

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

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_view (ROLLOUT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The window's zoom shortcuts work wherever the focus is while the
 * timeline shows. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutWindow *self = ROLLOUT_WINDOW (widget);
  g_autofree char *timeline_action = g_strconcat ("timeline.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), timeline_action, NULL);
}

static gboolean
rollout_window_close_request (GtkWindow *window)
{
  RolloutWindow *self = ROLLOUT_WINDOW (window);

  if (self->document != NULL &&
      rollout_document_get_dirty (self->document) &&
      !self->close_confirmed)
    {
      ask_save_changes (self);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (rollout_window_parent_class)->close_request (window);
}

static void
rollout_window_dispose (GObject *object)
{
  RolloutWindow *self = ROLLOUT_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

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

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
}

static void
rollout_window_init (RolloutWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  rollout_window_set_document (self, NULL);
}

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
 */
void
rollout_window_set_document (RolloutWindow   *self,
                             RolloutDocument *document)
{
  gboolean has_plan = document != NULL;

  g_return_if_fail (ROLLOUT_IS_WINDOW (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "notify::dirty", G_CALLBACK (update_title), self);
      g_signal_connect_swapped (document, "notify::dirty", G_CALLBACK (update_save_action), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (update_title), self);
      g_signal_connect_swapped (document, "notify::file", G_CALLBACK (update_save_action), self);
      g_signal_connect_swapped (document, "changed", G_CALLBACK (update_title), self);
    }

  rollout_overview_page_set_document (self->overview_page, document);
  rollout_timeline_view_set_project (self->timeline_view,
                                     has_plan ? rollout_document_get_project (document) : NULL);

  gtk_stack_set_visible_child_name (self->main_stack, has_plan ? "plan" : "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_plan);
  gtk_widget_set_visible (self->save_button, has_plan);
  update_save_action (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", has_plan);
  if (has_plan && self->settings != NULL)
    {
      g_autofree char *last_view = g_settings_get_string (self->settings, "last-view");

      show_view (self, last_view);
    }

  update_title (self);
  update_switcher_bar (self);
  view_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}
