/* rollout-overview-page.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The plan at a glance: what it is, who owns it, when it starts and
 * finishes, how much is in it, and its first phases in roll-out order.
 * Refreshed after every edit while it shows, and when it is shown again
 * after edits made elsewhere: a hidden page costs nothing per edit.
 */

#define G_LOG_DOMAIN "rollout-overview-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-format.h"
#include "rollout-overview-page.h"

struct _RolloutOverviewPage
{
  GtkWidget        parent_instance;

  RolloutDocument *document;

  GtkWidget       *scroller;
  GtkLabel        *name_label;
  GtkLabel        *description_label;
  GtkLabel        *owner_label;
  AdwActionRow    *schedule_row;
  GtkLabel        *schedule_label;
  GtkLabel        *phases_label;
  GtkLabel        *tasks_label;
  GtkLabel        *milestones_label;
  GtkLabel        *teams_label;
  GtkLabel        *risks_label;
  GtkLabel        *metrics_label;
  GtkLabel        *feedback_label;
  GtkWidget       *phases_group;
  GtkListBox      *phases_list;

  GtkSliceListModel *first_phases;
  guint            stale : 1;
};

/* A summary lists a plan's first phases; the Timeline has them all. */
#define MAX_PHASES 24

G_DEFINE_FINAL_TYPE (RolloutOverviewPage, rollout_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
phase_status_label (RolloutPhaseStatus status)
{
  switch (status)
    {
    case ROLLOUT_PHASE_STATUS_PLANNED:
      return _("Planned");
    case ROLLOUT_PHASE_STATUS_ACTIVE:
      return _("Active");
    case ROLLOUT_PHASE_STATUS_PAUSED:
      return _("Paused");
    case ROLLOUT_PHASE_STATUS_COMPLETED:
      return _("Completed");
    case ROLLOUT_PHASE_STATUS_ROLLED_BACK:
      return _("Rolled Back");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
}

static GtkWidget *
create_phase_row (gpointer item,
                  gpointer user_data)
{
  RolloutPhase *phase = item;
  const char * const *regions = rollout_phase_get_regions (phase);
  g_autoptr(GString) subtitle = g_string_new (phase_status_label (rollout_phase_get_status (phase)));
  g_autofree char *audience = NULL;
  GtkWidget *row;

  /* Translators: the share of users a roll-out phase reaches */
  audience = g_strdup_printf (_("%g%% of users"), rollout_phase_get_audience_percent (phase));
  g_string_append_printf (subtitle, " · %s", audience);
  if (regions != NULL && regions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) regions);

      g_string_append_printf (subtitle, " · %s", joined);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rollout_phase_get_name (phase));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (rollout_phase_get_start (phase) != ROLLOUT_DATE_NONE &&
      rollout_phase_get_finish (phase) != ROLLOUT_DATE_NONE)
    {
      g_autofree char *range = rollout_format_period (rollout_phase_get_start (phase),
                                             rollout_phase_get_finish (phase));
      GtkWidget *label = gtk_label_new (range);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
update (RolloutOverviewPage *self)
{
  RolloutProject *project;
  RolloutScheduleSummary summary;
  const GError *schedule_error = NULL;
  GListModel *tasks;
  GListModel *phases;
  const char *description;
  const char *owner;
  guint n_tasks;
  guint n_milestones = 0;
  g_autofree char *title = NULL;

  if (self->document == NULL)
    return;

  project = rollout_document_get_project (self->document);
  title = rollout_document_dup_title (self->document);
  gtk_label_set_text (self->name_label, title);

  description = rollout_project_get_description (project);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description);

  owner = rollout_project_get_owner (project);
  gtk_label_set_text (self->owner_label, owner != NULL && *owner ? owner : _("Nobody yet"));

  if (!rollout_document_get_schedule (self->document, &summary, &schedule_error))
    {
      gtk_label_set_text (self->schedule_label, _("Cannot be scheduled"));
      adw_action_row_set_subtitle (self->schedule_row, schedule_error->message);
    }
  else if (summary.finish == ROLLOUT_DATE_NONE)
    {
      g_autofree char *start = rollout_format_date (summary.start);
      g_autofree char *from = g_strdup_printf (_("Starts %s"), start);

      gtk_label_set_text (self->schedule_label, from);
      adw_action_row_set_subtitle (self->schedule_row, _("No tasks yet"));
    }
  else
    {
      g_autofree char *range = rollout_format_period (summary.start, summary.finish);
      g_autofree char *length = NULL;

      length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d working day",
                                             "%d working days",
                                             summary.length),
                                summary.length);
      gtk_label_set_text (self->schedule_label, range);
      adw_action_row_set_subtitle (self->schedule_row, length);
    }

  tasks = rollout_project_get_tasks (project);
  n_tasks = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);

      n_milestones += rollout_task_is_milestone (task);
    }

  phases = rollout_project_get_phases (project);
  set_count (self->phases_label, g_list_model_get_n_items (phases));
  set_count (self->tasks_label, n_tasks - n_milestones);
  set_count (self->milestones_label, n_milestones);
  set_count (self->teams_label, g_list_model_get_n_items (rollout_project_get_teams (project)));
  set_count (self->risks_label, g_list_model_get_n_items (rollout_project_get_risks (project)));
  set_count (self->metrics_label, g_list_model_get_n_items (rollout_project_get_metrics (project)));
  set_count (self->feedback_label, g_list_model_get_n_items (rollout_project_get_feedback (project)));

  /* Rows show scheduled dates, which change without the model changing:
   * bind again to rebuild them. */
  g_clear_object (&self->first_phases);
  self->first_phases = gtk_slice_list_model_new (g_object_ref (phases), 0, MAX_PHASES);
  gtk_list_box_bind_model (self->phases_list, G_LIST_MODEL (self->first_phases), create_phase_row, NULL, NULL);
  gtk_widget_set_visible (self->phases_group, g_list_model_get_n_items (phases) > 0);
  if (g_list_model_get_n_items (phases) > MAX_PHASES)
    {
      g_autofree char *shown = NULL;

      /* Translators: how many phases the overview lists, of how many */
      shown = g_strdup_printf (_("The first %u of %u, in roll-out order, with their scheduled dates"),
                               MAX_PHASES, g_list_model_get_n_items (phases));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->phases_group), shown);
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->phases_group),
                                           _("In roll-out order, with their scheduled dates"));
  self->stale = FALSE;
}

static void
document_changed_cb (RolloutOverviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->stale = TRUE;
}

static void
rollout_overview_page_map (GtkWidget *widget)
{
  RolloutOverviewPage *self = ROLLOUT_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (rollout_overview_page_parent_class)->map (widget);

  if (self->stale)
    update (self);
}

static void
rollout_overview_page_dispose (GObject *object)
{
  RolloutOverviewPage *self = ROLLOUT_OVERVIEW_PAGE (object);

  rollout_overview_page_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->first_phases);

  G_OBJECT_CLASS (rollout_overview_page_parent_class)->dispose (object);
}

static void
rollout_overview_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RolloutOverviewPage *self = ROLLOUT_OVERVIEW_PAGE (object);

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
rollout_overview_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RolloutOverviewPage *self = ROLLOUT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      rollout_overview_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_overview_page_class_init (RolloutOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_overview_page_dispose;
  widget_class->map = rollout_overview_page_map;
  object_class->get_property = rollout_overview_page_get_property;
  object_class->set_property = rollout_overview_page_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ROLLOUT_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, phases_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, tasks_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, milestones_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, teams_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, risks_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, metrics_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, phases_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutOverviewPage, phases_list);
}

static void
rollout_overview_page_init (RolloutOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rollout_overview_page_new (void)
{
  return g_object_new (ROLLOUT_TYPE_OVERVIEW_PAGE, NULL);
}

RolloutDocument *
rollout_overview_page_get_document (RolloutOverviewPage *self)
{
  g_return_val_if_fail (ROLLOUT_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

void
rollout_overview_page_set_document (RolloutOverviewPage *self,
                                    RolloutDocument     *document)
{
  g_return_if_fail (ROLLOUT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
      self->stale = TRUE;
      document_changed_cb (self);
    }
  else if (self->phases_list != NULL)
    gtk_list_box_bind_model (self->phases_list, NULL, NULL, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}
