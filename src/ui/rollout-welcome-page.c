/* rollout-welcome-page.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a window shows when no plan is open: ways to start (a new plan, a
 * file, the demo plan), the unsaved changes a crash left behind (each to
 * recover or discard), and the plans opened recently, from the cache, each
 * with a line about where its roll-out stands.
 */

#define G_LOG_DOMAIN "rollout-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-format.h"
#include "rollout-welcome-page.h"

struct _RolloutWelcomePage
{
  GtkWidget           parent_instance;

  RolloutApplication *application;

  AdwStatusPage      *status_page;
  GtkWidget          *demo_button;
  GtkWidget          *drafts_group;
  GtkListBox         *drafts_list;
  GtkWidget          *recents_group;
  GtkListBox         *recents_list;
};

G_DEFINE_FINAL_TYPE (RolloutWelcomePage, rollout_welcome_page, GTK_TYPE_WIDGET)

#define LOCATION_KEY "rollout-location"
#define DRAFT_KEY "rollout-draft"

static GFile *
file_for_location (const char *location)
{
  return g_file_new_for_commandline_arg (location);
}

static char *
describe_recent (const RolloutRecentProject *recent)
{
  const RolloutCacheSummary *summary = &recent->summary;
  g_autoptr(GFile) file = file_for_location (recent->location);
  g_autofree char *folder = rollout_format_folder (file);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;

  if (recent->missing)
    g_ptr_array_add (facts, g_strdup (_("The file is missing")));
  else
    {
      if (summary->current_phase != NULL)
        g_ptr_array_add (facts, g_strdup (summary->current_phase));
      if (summary->next_milestone != NULL && summary->next_milestone_date != ROLLOUT_DATE_NONE)
        {
          g_autofree char *day = rollout_format_date (summary->next_milestone_date);

          /* Translators: the next milestone of a plan, and its day */
          g_ptr_array_add (facts, g_strdup_printf (_("Next: %s, %s"), summary->next_milestone, day));
        }
      if (summary->n_overdue_milestones > 0)
        g_ptr_array_add (facts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u overdue milestone",
                                                              "%u overdue milestones",
                                                              summary->n_overdue_milestones),
                                                 summary->n_overdue_milestones));
      if (summary->n_open_high_risks > 0)
        g_ptr_array_add (facts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u high risk",
                                                              "%u high risks",
                                                              summary->n_open_high_risks),
                                                 summary->n_open_high_risks));
    }
  g_ptr_array_add (facts, NULL);
  line = g_strjoinv (" · ", (char **) facts->pdata);

  if (folder == NULL)
    return g_steal_pointer (&line);
  return g_strconcat (folder, "\n", line, NULL);
}

static void
remove_clicked_cb (GtkButton          *button,
                   RolloutWelcomePage *self)
{
  const char *location = g_object_get_data (G_OBJECT (button), LOCATION_KEY);

  if (self->application != NULL)
    rollout_application_forget_recent (self->application, location);
}

static GtkWidget *
create_recent_row (RolloutWelcomePage         *self,
                   const RolloutRecentProject *recent)
{
  g_autofree char *subtitle = describe_recent (recent);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recent->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, recent->location);

  if (recent->missing)
    gtk_widget_add_css_class (row, "dim-label");
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-location");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (recent->location));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }

  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From Recent Plans"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From Recent Plans"),
                                  -1);
  g_object_set_data_full (G_OBJECT (remove), LOCATION_KEY, g_strdup (recent->location), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static char *
describe_draft (const RolloutDraft *draft)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (draft->time / G_USEC_PER_SEC);
  /* Translators: when a draft of unsaved changes was stored; see strftime */
  g_autofree char *time = g_date_time_format (when, _("%-d %b, %H:%M"));
  g_autofree char *folder = NULL;

  if (draft->location == NULL)
    /* Translators: %s is when; the plan was never saved */
    return g_strdup_printf (_("Changed %s · Never saved"), time);
  {
    g_autoptr(GFile) file = file_for_location (draft->location);

    folder = rollout_format_folder (file);
  }
  /* Translators: %s is when, then the plan's folder */
  return g_strdup_printf (_("Changed %s · %s"), time, folder != NULL ? folder : draft->location);
}

static void
recover_clicked_cb (GtkButton          *button,
                    RolloutWelcomePage *self)
{
  const RolloutDraft *draft = g_object_get_data (G_OBJECT (button), DRAFT_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->application != NULL)
    rollout_application_recover_draft (self->application, draft, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
discard_clicked_cb (GtkButton          *button,
                    RolloutWelcomePage *self)
{
  const RolloutDraft *draft = g_object_get_data (G_OBJECT (button), DRAFT_KEY);

  if (self->application != NULL)
    rollout_application_discard_draft (self->application, draft->key);
}

static GtkWidget *
create_draft_row (RolloutWelcomePage *self,
                  const RolloutDraft *draft)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_draft (draft);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *recover, *discard;

  /* Translators: the name of a plan */
  title = g_strdup_printf (_("Recover unsaved changes to “%s”?"), draft->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (draft->location != NULL)
    gtk_widget_set_tooltip_text (row, draft->location);

  discard = gtk_button_new_with_mnemonic (_("_Discard"));
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "flat");
  g_object_set_data_full (G_OBJECT (discard), DRAFT_KEY, rollout_draft_copy (draft),
                          (GDestroyNotify) rollout_draft_free);
  g_signal_connect (discard, "clicked", G_CALLBACK (discard_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);

  recover = gtk_button_new_with_mnemonic (_("_Recover"));
  gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (recover, "suggested-action");
  g_object_set_data_full (G_OBJECT (recover), DRAFT_KEY, rollout_draft_copy (draft),
                          (GDestroyNotify) rollout_draft_free);
  g_signal_connect (recover, "clicked", G_CALLBACK (recover_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), recover);

  return row;
}

static void
reload_drafts (RolloutWelcomePage *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->drafts_list))) != NULL)
    gtk_list_box_remove (self->drafts_list, child);

  if (self->application != NULL)
    drafts = rollout_application_list_drafts (self->application);
  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    gtk_list_box_append (self->drafts_list, create_draft_row (self, g_ptr_array_index (drafts, i)));
  gtk_widget_set_visible (self->drafts_group, drafts != NULL && drafts->len > 0);
}

static void
reload_recents (RolloutWelcomePage *self)
{
  RolloutCache *cache = self->application != NULL ? rollout_application_get_cache (self->application) : NULL;
  g_autoptr(GPtrArray) recents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recents_list))) != NULL)
    gtk_list_box_remove (self->recents_list, child);

  if (cache != NULL && (recents = rollout_cache_list_recents (cache, &error)) == NULL)
    g_message ("Could not list the recent plans: %s", error->message);

  for (guint i = 0; recents != NULL && i < recents->len; i++)
    gtk_list_box_append (self->recents_list, create_recent_row (self, g_ptr_array_index (recents, i)));
  gtk_widget_set_visible (self->recents_group, recents != NULL && recents->len > 0);
}

static void
rollout_welcome_page_dispose (GObject *object)
{
  RolloutWelcomePage *self = ROLLOUT_WELCOME_PAGE (object);

  rollout_welcome_page_set_application (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (rollout_welcome_page_parent_class)->dispose (object);
}

/* Drafts come and go with other windows' edits: look again when shown. */
static void
rollout_welcome_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rollout_welcome_page_parent_class)->map (widget);

  reload_drafts (ROLLOUT_WELCOME_PAGE (widget));
}

static void
rollout_welcome_page_class_init (RolloutWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_welcome_page_dispose;
  widget_class->map = rollout_welcome_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutWelcomePage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutWelcomePage, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutWelcomePage, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, RolloutWelcomePage, recents_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutWelcomePage, recents_list);
}

static void
rollout_welcome_page_init (RolloutWelcomePage *self)
{
  GtkIconTheme *theme;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Run from the build tree, the application's icon is not installed. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  adw_status_page_set_icon_name (self->status_page,
                                 gtk_icon_theme_has_icon (theme, APPLICATION_ID)
                                 ? APPLICATION_ID
                                 : "x-office-calendar-symbolic");
}

GtkWidget *
rollout_welcome_page_new (void)
{
  return g_object_new (ROLLOUT_TYPE_WELCOME_PAGE, NULL);
}

/**
 * rollout_welcome_page_set_application:
 * @self: a #RolloutWelcomePage
 * @application: (nullable): the application, for its cache and demo plan
 */
void
rollout_welcome_page_set_application (RolloutWelcomePage *self,
                                      RolloutApplication *application)
{
  g_return_if_fail (ROLLOUT_IS_WELCOME_PAGE (self));
  g_return_if_fail (application == NULL || ROLLOUT_IS_APPLICATION (application));

  if (self->application == application)
    return;

  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_set_object (&self->application, application);

  if (application != NULL)
    {
      g_autoptr(GFile) demo = rollout_application_dup_demo_file (application);

      gtk_widget_set_visible (self->demo_button, g_file_query_exists (demo, NULL));
      g_signal_connect_swapped (application, "recents-changed", G_CALLBACK (reload_recents), self);
      g_signal_connect_swapped (application, "drafts-changed", G_CALLBACK (reload_drafts), self);
    }
  if (self->recents_list != NULL)
    {
      reload_drafts (self);
      reload_recents (self);
    }
}
