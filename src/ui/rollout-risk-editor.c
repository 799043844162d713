/* rollout-risk-editor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The side panel that edits the selected risk: every field of it.
 *
 * As in the task editor, every change is one command through the plan's
 * history, labelled for the Undo menu; text is committed when it is
 * applied, when the focus leaves it and before the panel shows another
 * risk. A new likelihood or impact is a re-assessment: it is recorded,
 * dated today, in the risk's history, which the panel lists newest first
 * under the score and its trend.
 *
 * The panel follows the plan: after every edit, undo or redo it shows the
 * risk's values again, writing a field only when the plan's value differs
 * from what the field last showed, so text being typed is not overwritten
 * by an unrelated change.
 */

#define G_LOG_DOMAIN "rollout-risk-editor"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-risk-editor.h"
#include "rollout-risk-layout.h"

struct _RolloutRiskEditor
{
  GtkWidget           parent_instance;

  RolloutDocument    *document;
  RolloutRisk        *risk;
  guint               updating;
  guint               refresh_source;

  char               *shown_title;
  char               *shown_owner;
  char               *shown_description;
  char               *shown_mitigation;
  char               *shown_contingency;
  char               *phases_key;
  char               *history_key;
  char               *tasks_key;
  GPtrArray          *history_rows;    /* GtkWidget, in the expander */
  GtkCustomFilter    *link_filter;

  /* Template children */
  GtkLabel           *title_label;
  GtkStack           *page_stack;
  AdwEntryRow        *title_row;
  AdwComboRow        *phase_row;
  AdwEntryRow        *owner_row;
  AdwComboRow        *status_row;
  AdwComboRow        *likelihood_row;
  AdwComboRow        *impact_row;
  AdwActionRow       *score_row;
  GtkLabel           *score_label;
  AdwExpanderRow     *history_row;
  GtkTextView        *description_view;
  GtkTextView        *mitigation_view;
  GtkTextView        *contingency_view;
  GtkMenuButton      *link_button;
  GtkPopover         *link_popover;
  GtkSearchEntry     *link_search;
  GtkListView        *link_candidates;
  GtkListBox         *tasks_list;
};

G_DEFINE_FINAL_TYPE (RolloutRiskEditor, rollout_risk_editor, GTK_TYPE_WIDGET)

typedef enum {
  FIELD_TITLE,
  FIELD_OWNER,
  FIELD_DESCRIPTION,
  FIELD_MITIGATION,
  FIELD_CONTINGENCY,
} Field;

static void refresh (RolloutRiskEditor *self);

/* Helpers ----------------------------------------------------------------- */

static RolloutProject *
get_project (RolloutRiskEditor *self)
{
  return self->document != NULL ? rollout_document_get_project (self->document) : NULL;
}

static const char *
risk_label (RolloutRisk *risk)
{
  const char *title = rollout_risk_get_title (risk);

  return title != NULL ? title : rollout_risk_get_id (risk);
}

static const char *
task_label (RolloutTask *task)
{
  const char *name = rollout_task_get_name (task);

  return name != NULL && *name != '\0' ? name : rollout_task_get_id (task);
}

static gboolean
run (RolloutRiskEditor *self,
     RolloutCommand    *command)
{
  if (self->document == NULL || command == NULL)
    {
      g_clear_object (&command);
      return FALSE;
    }
  return rollout_edit_run (GTK_WIDGET (self), self->document, command);
}

static void
sync_text (GtkEditable  *editable,
           char        **shown,
           const char   *value)
{
  if (value == NULL)
    value = "";
  if (*shown != NULL && g_str_equal (*shown, value))
    return;
  g_free (*shown);
  *shown = g_strdup (value);
  gtk_editable_set_text (editable, value);
}

static void
sync_text_view (GtkTextView  *view,
                char        **shown,
                const char   *value)
{
  if (value == NULL)
    value = "";
  if (*shown != NULL && g_str_equal (*shown, value))
    return;
  g_free (*shown);
  *shown = g_strdup (value);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), value, -1);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "12 High" */
static char *
format_score (int score)
{
  /* Translators: a risk's score and band, "12 High" */
  return g_strdup_printf (C_("risk score", "%d %s"), score,
                          rollout_risk_band_get_label (rollout_risk_band_for_score (score)));
}

/* Commits ----------------------------------------------------------------- */

static void G_GNUC_PRINTF (4, 5)
commit_string (RolloutRiskEditor *self,
               const char        *property,
               const char        *value,
               const char        *label_format,
               ...)
{
  g_autofree char *current = NULL;
  g_autofree char *label = NULL;
  va_list args;

  g_object_get (self->risk, property, &current, NULL);
  if (g_strcmp0 (current != NULL ? current : "", value) == 0)
    return;
  va_start (args, label_format);
  label = g_strdup_vprintf (label_format, args);
  va_end (args);
  run (self, rollout_command_new_set_many (self->risk, label, property, *value != '\0' ? value : NULL, NULL));
}

static void
commit_title (RolloutRiskEditor *self)
{
  g_autofree char *text = NULL;

  if (self->risk == NULL || self->updating)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  /* A risk keeps a title: an emptied field gets it back. */
  if (*text == '\0')
    {
      g_clear_pointer (&self->shown_title, g_free);
      refresh (self);
      return;
    }
  /* Translators: the risk's title before the change */
  commit_string (self, "title", text, _("Rename ‘%s’"), risk_label (self->risk));
}

static void
commit_owner (RolloutRiskEditor *self)
{
  g_autofree char *text = NULL;

  if (self->risk == NULL || self->updating)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row))));
  /* Translators: the title of a risk */
  commit_string (self, "owner", text, _("Change the Owner of ‘%s’"), risk_label (self->risk));
}

static void
commit_text_view (RolloutRiskEditor *self,
                  Field              field)
{
  g_autofree char *text = NULL;

  if (self->risk == NULL || self->updating)
    return;
  switch (field)
    {
    case FIELD_DESCRIPTION:
      text = text_view_get_text (self->description_view);
      /* Translators: the title of a risk */
      commit_string (self, "description", text, _("Edit the Description of ‘%s’"), risk_label (self->risk));
      break;
    case FIELD_MITIGATION:
      text = text_view_get_text (self->mitigation_view);
      /* Translators: the title of a risk */
      commit_string (self, "mitigation", text, _("Edit the Mitigation of ‘%s’"), risk_label (self->risk));
      break;
    case FIELD_CONTINGENCY:
      text = text_view_get_text (self->contingency_view);
      /* Translators: the title of a risk */
      commit_string (self, "contingency", text, _("Edit the Contingency of ‘%s’"), risk_label (self->risk));
      break;
    case FIELD_TITLE:
    case FIELD_OWNER:
    default:
      g_assert_not_reached ();
    }
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *editor = gtk_widget_get_ancestor (widget, ROLLOUT_TYPE_RISK_EDITOR);
  RolloutRiskEditor *self = editor != NULL ? ROLLOUT_RISK_EDITOR (editor) : NULL;
  Field field = (Field) GPOINTER_TO_INT (user_data);

  if (self == NULL)
    return;
  if (field == FIELD_TITLE)
    commit_title (self);
  else if (field == FIELD_OWNER)
    commit_owner (self);
  else
    commit_text_view (self, field);
}

static void
commit_on_leave (GtkWidget *widget,
                 Field      field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), GINT_TO_POINTER (field));
  gtk_widget_add_controller (widget, controller);
}

/* Fields ------------------------------------------------------------------ */

static void
phase_selected_cb (RolloutRiskEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->phase_row);
  g_autoptr(RolloutPhase) phase = NULL;
  g_autofree char *label = NULL;
  const char *id = NULL;

  if (self->updating || self->risk == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    {
      phase = g_list_model_get_item (rollout_project_get_phases (get_project (self)), selected - 1);
      id = phase != NULL ? rollout_phase_get_id (phase) : NULL;
    }
  if (g_strcmp0 (id, rollout_risk_get_phase_id (self->risk)) == 0)
    return;
  /* Translators: the title of a risk */
  label = g_strdup_printf (_("Change the Phase of ‘%s’"), risk_label (self->risk));
  run (self, rollout_command_new_set_many (self->risk, label, "phase-id", id, NULL));
}

static void
status_selected_cb (RolloutRiskEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  g_autofree char *label = NULL;

  if (self->updating || self->risk == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (RolloutRiskStatus) selected == rollout_risk_get_status (self->risk))
    return;
  /* Translators: the title of a risk */
  label = g_strdup_printf (_("Change the Status of ‘%s’"), risk_label (self->risk));
  run (self, rollout_command_new_set_many (self->risk, label, "status", (RolloutRiskStatus) selected, NULL));
}

/* A new likelihood or impact is a re-assessment, recorded in the history. */
static void
rating_selected_cb (RolloutRiskEditor *self)
{
  guint likelihood = adw_combo_row_get_selected (self->likelihood_row);
  guint impact = adw_combo_row_get_selected (self->impact_row);

  if (self->updating || self->risk == NULL ||
      likelihood == GTK_INVALID_LIST_POSITION || impact == GTK_INVALID_LIST_POSITION)
    return;
  /* The rows list 5 down to 1. */
  likelihood = ROLLOUT_RISK_MAX_RATING - likelihood;
  impact = ROLLOUT_RISK_MAX_RATING - impact;
  if ((int) likelihood == rollout_risk_get_likelihood (self->risk) && (int) impact == rollout_risk_get_impact (self->risk))
    return;
  run (self, rollout_command_new_reassess_risk (self->risk, (int) likelihood, (int) impact, rollout_today ()));
}

/* Linked tasks ------------------------------------------------------------ */

static void
set_task_ids (RolloutRiskEditor  *self,
              const char * const *ids,
              const char         *label)
{
  run (self, rollout_command_new_set_many (self->risk, label, "task-ids", ids, NULL));
}

static void
unlink_clicked_cb (GtkButton         *button,
                   RolloutRiskEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "rollout-task-id");
  const char * const *ids;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *label = NULL;
  RolloutTask *task;

  if (self->risk == NULL || id == NULL)
    return;
  ids = rollout_risk_get_task_ids (self->risk);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], id))
      g_strv_builder_add (builder, ids[i]);
  kept = g_strv_builder_end (builder);
  task = rollout_project_lookup_task (get_project (self), id);
  /* Translators: a task, then a risk */
  label = g_strdup_printf (_("Unlink ‘%s’ from ‘%s’"), task != NULL ? task_label (task) : id, risk_label (self->risk));
  set_task_ids (self, (const char * const *) kept, label);
}

static void
refresh_tasks (RolloutRiskEditor *self)
{
  const char * const *ids = rollout_risk_get_task_ids (self->risk);
  RolloutProject *project = get_project (self);
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;

  /* Task names matter too: rebuild when any shown text would change. */
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      RolloutTask *task = rollout_project_lookup_task (project, ids[i]);
      RolloutPhase *phase = task != NULL ? rollout_project_lookup_phase (project, rollout_task_get_phase_id (task)) : NULL;

      g_string_append_printf (key, "%s\t%s\t%s\n", ids[i], task != NULL ? task_label (task) : "",
                              phase != NULL ? rollout_phase_get_name (phase) : "");
    }
  if (g_strcmp0 (key->str, self->tasks_key) == 0)
    return;
  g_free (self->tasks_key);
  self->tasks_key = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tasks_list))) != NULL)
    gtk_list_box_remove (self->tasks_list, child);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      RolloutTask *task = rollout_project_lookup_task (project, ids[i]);
      RolloutPhase *phase = task != NULL ? rollout_project_lookup_phase (project, rollout_task_get_phase_id (task)) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *remove_label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), task != NULL ? task_label (task) : ids[i]);
      if (task == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not in the plan"));
      else if (phase != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rollout_phase_get_name (phase));

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: the name of a task */
      remove_label = g_strdup_printf (_("Unlink ‘%s’"), task != NULL ? task_label (task) : ids[i]);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "rollout-task-id", g_strdup (ids[i]), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (unlink_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->tasks_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tasks_list), ids != NULL && ids[0] != NULL);
}

static gboolean
link_filter_func (gpointer item,
                  gpointer user_data)
{
  RolloutRiskEditor *self = user_data;
  RolloutTask *task = item;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->link_search));
  const char * const *ids;

  if (self->risk == NULL)
    return FALSE;
  ids = rollout_risk_get_task_ids (self->risk);
  if (ids != NULL && g_strv_contains (ids, rollout_task_get_id (task)))
    return FALSE;
  if (query != NULL && *query != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (query, -1);
      g_autofree char *haystack = g_utf8_casefold (task_label (task), -1);

      return strstr (haystack, needle) != NULL;
    }
  return TRUE;
}

static void
candidate_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
candidate_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), task_label (gtk_list_item_get_item (item)));
}

static void
candidate_activate_cb (RolloutRiskEditor *self,
                       guint              position,
                       GtkListView       *view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(RolloutTask) task = g_list_model_get_item (model, position);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *label = NULL;
  const char * const *current;

  if (self->risk == NULL || task == NULL)
    return;
  gtk_popover_popdown (self->link_popover);
  current = rollout_risk_get_task_ids (self->risk);
  if (current != NULL)
    g_strv_builder_addv (builder, (const char **) current);
  g_strv_builder_add (builder, rollout_task_get_id (task));
  ids = g_strv_builder_end (builder);
  /* Translators: a task, then a risk */
  label = g_strdup_printf (_("Link ‘%s’ to ‘%s’"), task_label (task), risk_label (self->risk));
  set_task_ids (self, (const char * const *) ids, label);
}

static void
link_search_changed_cb (RolloutRiskEditor *self)
{
  gtk_filter_changed (GTK_FILTER (self->link_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
link_popover_show_cb (RolloutRiskEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->link_search), "");
  gtk_filter_changed (GTK_FILTER (self->link_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_search));
}

/* Showing the risk -------------------------------------------------------- */

static void
refresh_phases (RolloutRiskEditor *self)
{
  GListModel *phases = rollout_project_get_phases (get_project (self));
  g_autoptr(GString) key = g_string_new (NULL);
  guint n = g_list_model_get_n_items (phases);
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      g_string_append_printf (key, "%s\n", rollout_phase_get_name (phase));
      if (g_strcmp0 (rollout_phase_get_id (phase), rollout_risk_get_phase_id (self->risk)) == 0)
        selected = i + 1;
    }
  if (g_strcmp0 (key->str, self->phases_key) != 0)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      gtk_string_list_append (model, _("None"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
          const char *name = rollout_phase_get_name (phase);

          gtk_string_list_append (model, name != NULL ? name : rollout_phase_get_id (phase));
        }
      adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (model));
      g_free (self->phases_key);
      self->phases_key = g_string_free (g_steal_pointer (&key), FALSE);
    }
  adw_combo_row_set_selected (self->phase_row, selected);
}

static void
refresh_assessment (RolloutRiskEditor *self)
{
  RolloutRisk *risk = self->risk;
  int score = rollout_risk_get_score (risk);
  RolloutRiskBand band = rollout_risk_band_for_score (score);
  const RolloutAssessment *previous = NULL;
  RolloutRiskTrend trend = rollout_risk_get_trend (risk, &previous);
  GPtrArray *history = rollout_risk_get_history (risk);
  g_autofree char *score_text = format_score (score);
  g_autofree char *trend_text = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  adw_combo_row_set_selected (self->likelihood_row, ROLLOUT_RISK_MAX_RATING - rollout_risk_get_likelihood (risk));
  adw_combo_row_set_selected (self->impact_row, ROLLOUT_RISK_MAX_RATING - rollout_risk_get_impact (risk));

  gtk_label_set_label (self->score_label, score_text);
  for (int b = 0; b < ROLLOUT_RISK_N_BANDS; b++)
    {
      g_autofree char *css = g_strconcat ("risk-band-", rollout_risk_band_get_nick (b), NULL);

      if (b == (int) band)
        gtk_widget_add_css_class (GTK_WIDGET (self->score_label), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), css);
    }
  if (previous != NULL)
    {
      g_autofree char *day = rollout_format_date (previous->date);

      /* Translators: a risk's trend, then the score it had and the day it
       * was assessed, as "Rising from 9 on 18 Mar 2026" */
      trend_text = g_strdup_printf (_("%s from %d on %s"), rollout_risk_trend_label (trend),
                                    previous->likelihood * previous->impact, day);
    }
  else
    trend_text = g_strdup (_("No earlier assessment"));
  adw_action_row_set_subtitle (self->score_row, trend_text);

  /* The history, newest first. */
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      RolloutAssessment *a = g_ptr_array_index (history, i);

      g_string_append_printf (key, "%u %d %d\n", a->date, a->likelihood, a->impact);
    }
  if (g_strcmp0 (key->str, self->history_key) == 0)
    return;
  g_free (self->history_key);
  self->history_key = g_string_free (g_steal_pointer (&key), FALSE);

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  for (guint i = history != NULL ? history->len : 0; i > 0; i--)
    {
      RolloutAssessment *a = g_ptr_array_index (history, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *day = rollout_format_date (a->date);
      g_autofree char *entry_score = format_score (a->likelihood * a->impact);
      g_autofree char *ratings = NULL;

      /* Translators: an assessment in a risk's history: likelihood ×
       * impact, then the score and band, "4 × 3 = 12 High" */
      ratings = g_strdup_printf (_("%d × %d = %s"), a->likelihood, a->impact, entry_score);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ratings);
      gtk_widget_add_css_class (row, "property");
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  if (history == NULL || history->len == 0)
    adw_expander_row_set_subtitle (self->history_row, _("Not assessed before"));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assessment", "%u assessments",
                                                             history->len),
                                                history->len);

      adw_expander_row_set_subtitle (self->history_row, count);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_row), history != NULL && history->len > 0);
}

static void
refresh (RolloutRiskEditor *self)
{
  RolloutProject *project = get_project (self);

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  /* The risk may have left the plan (deleted, or its adding undone). */
  if (self->risk != NULL && (project == NULL || rollout_project_index_of (project, self->risk) < 0))
    g_clear_object (&self->risk);

  self->updating++;
  if (self->risk != NULL)
    {
      RolloutRisk *risk = self->risk;

      gtk_label_set_label (self->title_label, _("Risk"));
      sync_text (GTK_EDITABLE (self->title_row), &self->shown_title, rollout_risk_get_title (risk));
      refresh_phases (self);
      sync_text (GTK_EDITABLE (self->owner_row), &self->shown_owner, rollout_risk_get_owner (risk));
      adw_combo_row_set_selected (self->status_row, rollout_risk_get_status (risk));
      refresh_assessment (self);
      sync_text_view (self->description_view, &self->shown_description, rollout_risk_get_description (risk));
      sync_text_view (self->mitigation_view, &self->shown_mitigation, rollout_risk_get_mitigation (risk));
      sync_text_view (self->contingency_view, &self->shown_contingency, rollout_risk_get_contingency (risk));
      refresh_tasks (self);
      gtk_filter_changed (GTK_FILTER (self->link_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_stack_set_visible_child_name (self->page_stack, "risk");
    }
  else
    {
      gtk_label_set_label (self->title_label, _("Edit"));
      gtk_stack_set_visible_child_name (self->page_stack, "none");
    }
  self->updating--;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RolloutRiskEditor *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (RolloutRiskEditor *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, refresh_idle_cb, self, NULL);
}

/* GObject ----------------------------------------------------------------- */

static void
rollout_risk_editor_dispose (GObject *object)
{
  RolloutRiskEditor *self = ROLLOUT_RISK_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->risk);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_RISK_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_object (&self->link_filter);

  G_OBJECT_CLASS (rollout_risk_editor_parent_class)->dispose (object);
}

static void
rollout_risk_editor_finalize (GObject *object)
{
  RolloutRiskEditor *self = ROLLOUT_RISK_EDITOR (object);

  g_free (self->shown_title);
  g_free (self->shown_owner);
  g_free (self->shown_description);
  g_free (self->shown_mitigation);
  g_free (self->shown_contingency);
  g_free (self->phases_key);
  g_free (self->history_key);
  g_free (self->tasks_key);

  G_OBJECT_CLASS (rollout_risk_editor_parent_class)->finalize (object);
}

static void
rollout_risk_editor_class_init (RolloutRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_risk_editor_dispose;
  object_class->finalize = rollout_risk_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-risk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, page_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, impact_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, score_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, score_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, history_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, mitigation_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, contingency_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, link_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, link_popover);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, link_search);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, link_candidates);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskEditor, tasks_list);

  gtk_widget_class_set_css_name (widget_class, "risk-editor");
}

static GtkStringList *
ratings_model (const char *(*label) (int rating))
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (int rating = ROLLOUT_RISK_MAX_RATING; rating >= 1; rating--)
    {
      /* Translators: a rating and what it means, "4 · Likely" */
      g_autofree char *text = g_strdup_printf (C_("risk rating", "%d · %s"), rating, label (rating));

      gtk_string_list_append (model, text);
    }
  return model;
}

static void
rollout_risk_editor_init (RolloutRiskEditor *self)
{
  g_autoptr(GtkStringList) likelihoods = ratings_model (rollout_risk_likelihood_label);
  g_autoptr(GtkStringList) impacts = ratings_model (rollout_risk_impact_label);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();

  /* In the order of RolloutRiskStatus. */
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_OPEN));
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_MITIGATING));
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_CLOSED));
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_OCCURRED));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->likelihood_row, G_LIST_MODEL (likelihoods));
  adw_combo_row_set_model (self->impact_row, G_LIST_MODEL (impacts));

  g_signal_connect_swapped (self->title_row, "apply", G_CALLBACK (commit_title), self);
  g_signal_connect_swapped (self->title_row, "entry-activated", G_CALLBACK (commit_title), self);
  commit_on_leave (GTK_WIDGET (self->title_row), FIELD_TITLE);
  g_signal_connect_swapped (self->owner_row, "apply", G_CALLBACK (commit_owner), self);
  g_signal_connect_swapped (self->owner_row, "entry-activated", G_CALLBACK (commit_owner), self);
  commit_on_leave (GTK_WIDGET (self->owner_row), FIELD_OWNER);
  commit_on_leave (GTK_WIDGET (self->description_view), FIELD_DESCRIPTION);
  commit_on_leave (GTK_WIDGET (self->mitigation_view), FIELD_MITIGATION);
  commit_on_leave (GTK_WIDGET (self->contingency_view), FIELD_CONTINGENCY);

  g_signal_connect_swapped (self->phase_row, "notify::selected", G_CALLBACK (phase_selected_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->likelihood_row, "notify::selected", G_CALLBACK (rating_selected_cb), self);
  g_signal_connect_swapped (self->impact_row, "notify::selected", G_CALLBACK (rating_selected_cb), self);

  /* Tasks to link: the plan's others, searchable. */
  self->link_filter = gtk_custom_filter_new (link_filter_func, self, NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (candidate_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (candidate_bind_cb), NULL);
  gtk_list_view_set_factory (self->link_candidates, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->link_candidates, "activate", G_CALLBACK (candidate_activate_cb), self);
  g_signal_connect_swapped (self->link_search, "search-changed", G_CALLBACK (link_search_changed_cb), self);
  g_signal_connect_swapped (self->link_popover, "show", G_CALLBACK (link_popover_show_cb), self);

  refresh (self);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
rollout_risk_editor_new (void)
{
  return g_object_new (ROLLOUT_TYPE_RISK_EDITOR, NULL);
}

/**
 * rollout_risk_editor_set_document:
 * @self: a #RolloutRiskEditor
 * @document: (nullable): the plan the risks belong to
 */
void
rollout_risk_editor_set_document (RolloutRiskEditor *self,
                                  RolloutDocument   *document)
{
  g_return_if_fail (ROLLOUT_IS_RISK_EDITOR (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  rollout_risk_editor_set_risk (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->phases_key, g_free);

  if (document != NULL)
    {
      g_autoptr(GtkFilterListModel) candidates = NULL;

      g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
      candidates = gtk_filter_list_model_new (g_object_ref (rollout_project_get_tasks (get_project (self))),
                                              GTK_FILTER (g_object_ref (self->link_filter)));
      gtk_list_view_set_model (self->link_candidates,
                               GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&candidates)))));
    }
  else
    gtk_list_view_set_model (self->link_candidates, NULL);
  refresh (self);
}

/**
 * rollout_risk_editor_get_risk:
 * @self: a #RolloutRiskEditor
 *
 * Returns: (transfer none) (nullable): the risk being edited
 */
RolloutRisk *
rollout_risk_editor_get_risk (RolloutRiskEditor *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_EDITOR (self), NULL);

  return self->risk;
}

/**
 * rollout_risk_editor_set_risk:
 * @self: a #RolloutRiskEditor
 * @risk: (nullable): a risk of the plan
 *
 * Edits @risk, after committing what was typed for the previous one.
 */
void
rollout_risk_editor_set_risk (RolloutRiskEditor *self,
                              RolloutRisk       *risk)
{
  g_return_if_fail (ROLLOUT_IS_RISK_EDITOR (self));
  g_return_if_fail (risk == NULL || ROLLOUT_IS_RISK (risk));

  if (self->risk == risk)
    return;
  rollout_risk_editor_commit (self);
  g_set_object (&self->risk, risk);

  /* A new risk shows all its values, whatever was shown before. */
  g_clear_pointer (&self->shown_title, g_free);
  g_clear_pointer (&self->shown_owner, g_free);
  g_clear_pointer (&self->shown_description, g_free);
  g_clear_pointer (&self->shown_mitigation, g_free);
  g_clear_pointer (&self->shown_contingency, g_free);
  g_clear_pointer (&self->history_key, g_free);
  g_clear_pointer (&self->tasks_key, g_free);
  adw_expander_row_set_expanded (self->history_row, FALSE);
  refresh (self);
}

/**
 * rollout_risk_editor_commit:
 * @self: a #RolloutRiskEditor
 *
 * Turns what was typed and not yet applied into edits.
 */
void
rollout_risk_editor_commit (RolloutRiskEditor *self)
{
  g_return_if_fail (ROLLOUT_IS_RISK_EDITOR (self));

  if (self->risk == NULL)
    return;
  commit_title (self);
  commit_owner (self);
  commit_text_view (self, FIELD_DESCRIPTION);
  commit_text_view (self, FIELD_MITIGATION);
  commit_text_view (self, FIELD_CONTINGENCY);
}

/**
 * rollout_risk_editor_focus_title:
 * @self: a #RolloutRiskEditor
 * @select: whether to select the title, for typing over (a new risk), or
 *   to put the cursor at its start (a risk being looked at)
 *
 * Puts the focus in the title field.
 */
void
rollout_risk_editor_focus_title (RolloutRiskEditor *self,
                                 gboolean           select)
{
  g_return_if_fail (ROLLOUT_IS_RISK_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  if (select)
    gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
  else
    gtk_editable_set_position (GTK_EDITABLE (self->title_row), 0);
}
