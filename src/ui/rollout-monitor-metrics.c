/* rollout-monitor-metrics.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Monitor's Metrics page: the plan's metrics in a sidebar, and for the
 * one selected its definition (name, unit, which way is better, target),
 * a chart of all its samples and a table of them by date, to add, edit and
 * delete.
 *
 * A metric that gates check cannot be deleted: the page lists those gates,
 * each with a way into its editor.
 *
 * Every change is one command. The form follows the plan after every edit,
 * undo or redo, but a field is only written when the plan's value differs
 * from what it last showed, so what is being typed is not overwritten. The
 * table is made again only when the metric's samples changed (setting them
 * always makes a new list), and keeps the selected sample.
 */

#define G_LOG_DOMAIN "rollout-monitor-metrics"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-gate-edit.h"
#include "rollout-gate-editor.h"
#include "rollout-monitor.h"
#include "rollout-monitor-chart.h"
#include "rollout-monitor-metrics.h"
#include "rollout-monitor-sample-dialog.h"
#include "rollout-monitor-util.h"

/* A row of the samples table. */
#define ROLLOUT_TYPE_SAMPLE_ROW (rollout_sample_row_get_type ())
G_DECLARE_FINAL_TYPE (RolloutSampleRow, rollout_sample_row, ROLLOUT, SAMPLE_ROW, GObject)

struct _RolloutSampleRow
{
  GObject        parent_instance;
  guint          index;   /* in the metric's samples */
  RolloutSample *sample;  /* a copy */
};

G_DEFINE_FINAL_TYPE (RolloutSampleRow, rollout_sample_row, G_TYPE_OBJECT)

static void
rollout_sample_row_finalize (GObject *object)
{
  g_clear_pointer (&ROLLOUT_SAMPLE_ROW (object)->sample, rollout_sample_free);

  G_OBJECT_CLASS (rollout_sample_row_parent_class)->finalize (object);
}

static void
rollout_sample_row_class_init (RolloutSampleRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_sample_row_finalize;
}

static void
rollout_sample_row_init (RolloutSampleRow *self)
{
}

typedef enum {
  COLUMN_DATE,
  COLUMN_PHASE,
  COLUMN_VALUE,
} Column;

struct _RolloutMonitorMetrics
{
  GtkWidget           parent_instance;

  RolloutDocument    *document;
  RolloutMetric      *metric;
  gboolean            samples_dirty;   /* the table needs making again */
  char               *sidebar_key;
  char               *shown_name;
  char               *shown_unit;
  guint               updating;

  GListStore         *rows;
  GtkSingleSelection *selection;

  GtkListBox         *metrics_list;
  GtkStack           *stack;
  GtkWidget          *delete_metric_button;
  AdwPreferencesGroup *gates_group;
  GPtrArray          *gate_rows;
  char               *gates_key;
  AdwEntryRow        *name_row;
  AdwEntryRow        *unit_row;
  AdwComboRow        *direction_row;
  GtkSpinButton      *target_spin;
  GtkSwitch          *target_switch;
  GtkLabel           *chart_label;
  RolloutMonitorChart *chart;
  GtkLabel           *samples_label;
  GtkStack           *samples_stack;
  GtkColumnView      *samples_view;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorMetrics, rollout_monitor_metrics, GTK_TYPE_WIDGET)

/* Helpers ------------------------------------------------------------------ */

static const char *
metric_name (RolloutMetric *metric)
{
  return rollout_metric_get_name (metric) != NULL ? rollout_metric_get_name (metric) : rollout_metric_get_id (metric);
}

static RolloutProject *
get_project (RolloutMonitorMetrics *self)
{
  return self->document != NULL ? rollout_document_get_project (self->document) : NULL;
}

static gboolean
run (RolloutMonitorMetrics *self,
     RolloutCommand        *command)
{
  return rollout_edit_run (GTK_WIDGET (self), self->document, command);
}

/* The phases whose gate checks @metric: while there are any, it cannot
 * simply go. */
static GPtrArray *
metric_users (RolloutProject *project,
              RolloutMetric  *metric)
{
  return rollout_gates_find_metric_users (project, rollout_metric_get_id (metric));
}

static gboolean
metric_in_use (RolloutProject *project,
               RolloutMetric  *metric)
{
  g_autoptr(GPtrArray) users = metric_users (project, metric);

  return users->len > 0;
}

static const char *
phase_name (RolloutPhase *phase)
{
  return rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase);
}

/* "‘Pilot’, ‘Expansion’" */
static char *
join_phase_names (GPtrArray *phases)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < phases->len; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      /* Translators: the name of a phase, quoted in a list */
      g_string_append_printf (names, _("‘%s’"), phase_name (g_ptr_array_index (phases, i)));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Which gates check the metric shown, each with a way to its editor. */
static void
update_gates (RolloutMonitorMetrics *self,
              GPtrArray             *users)
{
  g_autoptr(GString) key = NULL;

  if (self->gate_rows == NULL || self->gates_group == NULL)
    return;
  key = g_string_new (NULL);
  for (guint i = 0; i < users->len; i++)
    {
      RolloutPhase *phase = g_ptr_array_index (users, i);
      const RolloutGate *gate = rollout_phase_get_gate (phase);

      g_string_append_printf (key, "%p\x1f%s", (gpointer) phase, phase_name (phase));
      for (guint k = 0; k < gate->metrics->len; k++)
        {
          g_autofree char *text = rollout_gate_metric_describe (g_ptr_array_index (gate->metrics, k), self->metric);

          g_string_append_printf (key, "\x1f%s", text);
        }
      g_string_append_c (key, '\x1e');
    }
  gtk_widget_set_visible (GTK_WIDGET (self->gates_group), users->len > 0);
  if (g_strcmp0 (key->str, self->gates_key) == 0)
    return;
  g_free (self->gates_key);
  self->gates_key = g_strdup (key->str);

  for (guint i = 0; i < self->gate_rows->len; i++)
    adw_preferences_group_remove (self->gates_group, g_ptr_array_index (self->gate_rows, i));
  g_ptr_array_set_size (self->gate_rows, 0);

  for (guint i = 0; i < users->len; i++)
    {
      RolloutPhase *phase = g_ptr_array_index (users, i);
      const RolloutGate *gate = rollout_phase_get_gate (phase);
      g_autoptr(GString) criteria = g_string_new (NULL);
      g_autofree char *label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Edit _Gate…"));

      for (guint k = 0; k < gate->metrics->len; k++)
        {
          RolloutGateMetric *gm = g_ptr_array_index (gate->metrics, k);
          g_autofree char *text = NULL;

          if (g_strcmp0 (gm->metric_id, rollout_metric_get_id (self->metric)) != 0)
            continue;
          text = rollout_gate_metric_describe (gm, self->metric);
          g_string_append_printf (criteria, "%s%s", criteria->len > 0 ? "\n" : "", text);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), phase_name (phase));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), criteria->str);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "metrics.edit-gate");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rollout_phase_get_id (phase));
      /* Translators: a button's name for assistive technologies; a phase */
      label = g_strdup_printf (_("Edit the gate of ‘%s’"), phase_name (phase));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->gates_group, row);
      g_ptr_array_add (self->gate_rows, row);
    }
}

static RolloutSampleRow *
selected_row (RolloutMonitorMetrics *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (RolloutMonitorMetrics *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RolloutProject *project = get_project (self);
  g_autoptr(GPtrArray) users = self->metric != NULL ? metric_users (project, self->metric)
                                                    : g_ptr_array_new ();
  gboolean in_use = users->len > 0;
  g_autofree char *refusal = NULL;

  gtk_widget_action_set_enabled (widget, "metrics.new-metric", project != NULL);
  gtk_widget_action_set_enabled (widget, "metrics.delete-metric", self->metric != NULL && !in_use);
  gtk_widget_action_set_enabled (widget, "metrics.add-sample", self->metric != NULL);
  gtk_widget_action_set_enabled (widget, "metrics.edit-sample", self->metric != NULL && selected_row (self) != NULL);
  gtk_widget_action_set_enabled (widget, "metrics.delete-sample", self->metric != NULL && selected_row (self) != NULL);
  if (in_use)
    {
      g_autofree char *names = join_phase_names (users);

      refusal = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %s is a phase's name, quoted */
                                              "The gate of %s checks this metric: take it out of the gate first",
                                              /* Translators: %s is a list of phases' names, quoted */
                                              "The gates of %s check this metric: take it out of the gates first",
                                              users->len),
                                 names);
    }
  gtk_widget_set_tooltip_text (self->delete_metric_button, in_use ? refusal : _("Delete the Metric"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_metric_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, in_use ? refusal : "", -1);
  update_gates (self, users);
}

/* Sidebar ------------------------------------------------------------------ */

static GtkWidget *
new_metric_row (RolloutMetric *metric)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (metric_name (metric));
  GPtrArray *samples = rollout_metric_get_samples (metric);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample", "%u samples", samples->len),
                                            samples->len);
  GtkWidget *detail = gtk_label_new (count);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "metric", g_object_ref (metric), g_object_unref);
  return row;
}

static char *
sidebar_key (RolloutProject *project)
{
  GListModel *metrics = rollout_project_get_metrics (project);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0, n = g_list_model_get_n_items (metrics); i < n; i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);

      g_string_append_printf (key, "%p\x1f%s\x1f%u\x1e", (gpointer) metric, metric_name (metric),
                              rollout_metric_get_samples (metric)->len);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
select_metric_row (RolloutMonitorMetrics *self)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->metrics_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "metric") == self->metric)
      {
        gtk_list_box_select_row (self->metrics_list, GTK_LIST_BOX_ROW (child));
        return;
      }
  gtk_list_box_unselect_all (self->metrics_list);
}

static void
update_sidebar (RolloutMonitorMetrics *self)
{
  RolloutProject *project = get_project (self);
  g_autofree char *key = project != NULL ? sidebar_key (project) : NULL;
  GListModel *metrics;
  GtkWidget *child;

  if (g_strcmp0 (key, self->sidebar_key) == 0)
    return;
  g_free (self->sidebar_key);
  self->sidebar_key = g_steal_pointer (&key);

  self->updating++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->metrics_list))) != NULL)
    gtk_list_box_remove (self->metrics_list, child);
  if (project != NULL)
    {
      metrics = rollout_project_get_metrics (project);
      for (guint i = 0, n = g_list_model_get_n_items (metrics); i < n; i++)
        {
          g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);

          gtk_list_box_append (self->metrics_list, new_metric_row (metric));
        }
    }
  select_metric_row (self);
  self->updating--;
}

/* Samples table ------------------------------------------------------------ */

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const RolloutSampleRow *x = *(RolloutSampleRow * const *) a;
  const RolloutSampleRow *y = *(RolloutSampleRow * const *) b;

  if (x->sample->date != y->sample->date)
    return x->sample->date < y->sample->date ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static void
update_samples (RolloutMonitorMetrics *self)
{
  GPtrArray *samples = self->metric != NULL ? rollout_metric_get_samples (self->metric) : NULL;
  RolloutSampleRow *selected = selected_row (self);
  guint keep = selected != NULL ? selected->index : G_MAXUINT;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;
  guint n = samples != NULL ? samples->len : 0;

  if (!self->samples_dirty)
    return;
  self->samples_dirty = FALSE;

  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      RolloutSampleRow *row = g_object_new (ROLLOUT_TYPE_SAMPLE_ROW, NULL);

      row->index = i;
      row->sample = rollout_sample_copy (g_ptr_array_index (samples, i));
      g_ptr_array_add (items, row);
    }
  g_ptr_array_sort (items, compare_rows);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata, items->len);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; keep != G_MAXUINT && i < items->len; i++)
    if (((RolloutSampleRow *) g_ptr_array_index (items, i))->index == keep)
      gtk_single_selection_set_selected (self->selection, i);

  /* Translators: a heading, with how many samples the metric has */
  title = g_strdup_printf (_("Samples (%u)"), n);
  gtk_label_set_text (self->samples_label, title);
  gtk_stack_set_visible_child_name (self->samples_stack, n > 0 ? "samples" : "none");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_VALUE ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column != COLUMN_PHASE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RolloutMonitorMetrics    *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  RolloutSampleRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_DATE:
      text = rollout_format_date (row->sample->date);
      break;

    case COLUMN_PHASE:
      {
        RolloutProject *project = get_project (self);
        RolloutPhase *phase = row->sample->phase_id != NULL && project != NULL
                              ? rollout_project_lookup_phase (project, row->sample->phase_id) : NULL;

        if (phase != NULL && rollout_phase_get_name (phase) != NULL)
          text = g_strdup (rollout_phase_get_name (phase));
        else
          text = g_strdup (row->sample->phase_id != NULL ? row->sample->phase_id : "—");
      }
      break;

    case COLUMN_VALUE:
    default:
      {
        g_autofree char *value = rollout_monitor_format_value (row->sample->value);
        const char *unit = self->metric != NULL ? rollout_metric_get_unit (self->metric) : NULL;

        text = unit != NULL ? g_strdup_printf ("%s %s", value, unit) : g_steal_pointer (&value);
      }
      break;
    }
  gtk_label_set_text (label, text);
}

static void
add_column (RolloutMonitorMetrics *self,
            Column                 column,
            const char            *title,
            gboolean               expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, 0);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_fixed_width (view_column, expand ? -1 : 160);
  gtk_column_view_append_column (self->samples_view, view_column);
}

/* Form --------------------------------------------------------------------- */

/* Writes @value into @row unless it still shows it. */
static void
show_text (AdwEntryRow  *row,
           char        **shown,
           const char   *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*shown, value) == 0)
    return;
  g_free (*shown);
  *shown = g_strdup (value);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
}

static void
update_form (RolloutMonitorMetrics *self)
{
  RolloutMetric *metric = self->metric;
  g_autofree char *chart_title = NULL;
  const char *unit;

  self->updating++;
  show_text (self->name_row, &self->shown_name, rollout_metric_get_name (metric));
  show_text (self->unit_row, &self->shown_unit, rollout_metric_get_unit (metric));
  adw_combo_row_set_selected (self->direction_row, rollout_metric_get_direction (metric));
  gtk_switch_set_active (self->target_switch, rollout_metric_get_has_target (metric));
  gtk_spin_button_set_value (self->target_spin, rollout_metric_get_target (metric));
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_spin), rollout_metric_get_has_target (metric));
  self->updating--;

  unit = rollout_metric_get_unit (metric);
  chart_title = unit != NULL
                /* Translators: a heading; the unit of a metric */
                ? g_strdup_printf (_("All Samples (%s)"), unit)
                : g_strdup (_("All Samples"));
  gtk_label_set_text (self->chart_label, chart_title);
  rollout_monitor_chart_set_data (self->chart, metric, NULL, NULL, ROLLOUT_CRITERION_NO_DATA);
}

static void
commit_name (RolloutMonitorMetrics *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (self->updating || self->metric == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*text == '\0' || g_strcmp0 (text, rollout_metric_get_name (self->metric)) == 0)
    {
      /* A metric needs a name: give back the one it has. */
      g_clear_pointer (&self->shown_name, g_free);
      update_form (self);
      return;
    }
  /* Translators: an edit; the name of a metric */
  label = g_strdup_printf (_("Rename ‘%s’"), metric_name (self->metric));
  run (self, rollout_command_new_set_many (self->metric, label, "name", text, NULL));
}

static void
commit_unit (RolloutMonitorMetrics *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (self->updating || self->metric == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
  if (g_strcmp0 (*text != '\0' ? text : NULL, rollout_metric_get_unit (self->metric)) == 0)
    return;
  /* Translators: an edit; the name of a metric */
  label = g_strdup_printf (_("Change the Unit of ‘%s’"), metric_name (self->metric));
  run (self, rollout_command_new_set_many (self->metric, label, "unit", *text != '\0' ? text : NULL, NULL));
}

static void
direction_changed_cb (RolloutMonitorMetrics *self)
{
  guint selected = adw_combo_row_get_selected (self->direction_row);
  g_autofree char *label = NULL;

  if (self->updating || self->metric == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (RolloutDirection) selected == rollout_metric_get_direction (self->metric))
    return;
  /* Translators: an edit; the name of a metric */
  label = g_strdup_printf (_("Change Which Way ‘%s’ Is Better"), metric_name (self->metric));
  run (self, rollout_command_new_set_many (self->metric, label, "direction", (RolloutDirection) selected, NULL));
}

static void
target_changed_cb (RolloutMonitorMetrics *self)
{
  gboolean has_target = gtk_switch_get_active (self->target_switch);
  double target = gtk_spin_button_get_value (self->target_spin);
  g_autofree char *label = NULL;

  if (self->updating || self->metric == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_spin), has_target);
  if (has_target == rollout_metric_get_has_target (self->metric) &&
      (!has_target || target == rollout_metric_get_target (self->metric)))
    return;
  /* Translators: an edit; the name of a metric */
  label = g_strdup_printf (_("Change the Target of ‘%s’"), metric_name (self->metric));
  run (self, rollout_command_new_set_many (self->metric, label,
                                           "has-target", has_target,
                                           "target", target,
                                           NULL));
}

/* Following the plan ------------------------------------------------------- */

static void
samples_changed_cb (RolloutMonitorMetrics *self)
{
  self->samples_dirty = TRUE;
}

static void
set_metric (RolloutMonitorMetrics *self,
            RolloutMetric         *metric)
{
  if (self->metric == metric)
    return;
  if (self->metric != NULL)
    g_signal_handlers_disconnect_by_func (self->metric, samples_changed_cb, self);
  g_set_object (&self->metric, metric);
  /* The table shows values with their unit. */
  if (metric != NULL)
    {
      g_signal_connect_swapped (metric, "notify::samples", G_CALLBACK (samples_changed_cb), self);
      g_signal_connect_swapped (metric, "notify::unit", G_CALLBACK (samples_changed_cb), self);
    }
  self->samples_dirty = TRUE;
  g_clear_pointer (&self->shown_name, g_free);
  g_clear_pointer (&self->shown_unit, g_free);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
metric_selected_cb (RolloutMonitorMetrics *self,
                    GtkListBoxRow         *row)
{
  if (self->updating || row == NULL)
    return;
  /* Typing in progress belongs to the metric it was typed for. */
  commit_name (self);
  commit_unit (self);
  set_metric (self, g_object_get_data (G_OBJECT (row), "metric"));
  rollout_monitor_metrics_refresh (self);
}

static void
sample_activate_cb (RolloutMonitorMetrics *self,
                    guint                  position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "metrics.edit-sample", NULL);
}

/* Actions ------------------------------------------------------------------ */

static void
new_metric_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RolloutMonitorMetrics *self = ROLLOUT_MONITOR_METRICS (widget);
  RolloutProject *project = get_project (self);
  g_autofree char *id = NULL;
  g_autoptr(RolloutMetric) metric = NULL;

  if (project == NULL)
    return;
  id = rollout_project_make_id (project, ROLLOUT_TYPE_METRIC, _("New Metric"));
  metric = rollout_metric_new (id);
  rollout_metric_set_name (metric, _("New Metric"));
  rollout_metric_set_direction (metric, ROLLOUT_DIRECTION_HIGHER);
  set_metric (self, metric);
  if (!run (self, rollout_command_new_insert (metric, -1, _("Add a Metric"))))
    set_metric (self, NULL);
  rollout_monitor_metrics_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
delete_metric_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RolloutMonitorMetrics *self = ROLLOUT_MONITOR_METRICS (widget);
  g_autoptr(RolloutMetric) metric = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->metric == NULL || metric_in_use (get_project (self), self->metric))
    return;
  metric = g_object_ref (self->metric);
  /* Translators: an edit; the name of a metric */
  label = g_strdup_printf (_("Delete ‘%s’"), metric_name (metric));
  if (!run (self, rollout_command_new_remove (metric, label)))
    return;
  /* Translators: the name of a metric */
  title = g_strdup_printf (_("Deleted ‘%s’"), metric_name (metric));
  rollout_edit_undo_toast (widget, self->document, title);
}

static void
edit_gate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RolloutMonitorMetrics *self = ROLLOUT_MONITOR_METRICS (widget);

  rollout_gate_editor_open_by_id (widget, self->document, g_variant_get_string (parameter, NULL));
}

static void
add_sample_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RolloutMonitorMetrics *self = ROLLOUT_MONITOR_METRICS (widget);

  if (self->metric == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rollout_monitor_sample_dialog_new (widget, self->document, self->metric, -1)));
}

static void
edit_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RolloutMonitorMetrics *self = ROLLOUT_MONITOR_METRICS (widget);
  RolloutSampleRow *row = selected_row (self);

  if (self->metric == NULL || row == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rollout_monitor_sample_dialog_new (widget, self->document, self->metric,
                                                                     row->index)));
}

static void
delete_sample_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RolloutMonitorMetrics *self = ROLLOUT_MONITOR_METRICS (widget);
  RolloutSampleRow *row = selected_row (self);
  g_autofree char *title = NULL;

  if (self->metric == NULL || row == NULL || row->index >= rollout_metric_get_samples (self->metric)->len)
    return;
  /* Translators: the name of a metric */
  title = g_strdup_printf (_("Deleted a sample of ‘%s’"), metric_name (self->metric));
  if (run (self, rollout_monitor_new_remove_sample (self->metric, row->index)))
    rollout_edit_undo_toast (widget, self->document, title);
}

/* GObject ------------------------------------------------------------------ */

static void
rollout_monitor_metrics_dispose (GObject *object)
{
  RolloutMonitorMetrics *self = ROLLOUT_MONITOR_METRICS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_MONITOR_METRICS);
  /* The template's outer box has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);
  set_metric (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->sidebar_key, g_free);
  g_clear_pointer (&self->shown_name, g_free);
  g_clear_pointer (&self->shown_unit, g_free);
  g_clear_pointer (&self->gate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->gates_key, g_free);

  G_OBJECT_CLASS (rollout_monitor_metrics_parent_class)->dispose (object);
}

static void
rollout_monitor_metrics_class_init (RolloutMonitorMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_metrics_dispose;

  g_type_ensure (ROLLOUT_TYPE_MONITOR_CHART);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-monitor-metrics.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, metrics_list);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, delete_metric_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, gates_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, name_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, unit_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, direction_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, target_spin);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, target_switch);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, chart_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, chart);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, samples_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, samples_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorMetrics, samples_view);
  gtk_widget_class_bind_template_callback (widget_class, sample_activate_cb);

  gtk_widget_class_install_action (widget_class, "metrics.new-metric", NULL, new_metric_action);
  gtk_widget_class_install_action (widget_class, "metrics.delete-metric", NULL, delete_metric_action);
  gtk_widget_class_install_action (widget_class, "metrics.edit-gate", "s", edit_gate_action);
  gtk_widget_class_install_action (widget_class, "metrics.add-sample", NULL, add_sample_action);
  gtk_widget_class_install_action (widget_class, "metrics.edit-sample", NULL, edit_sample_action);
  gtk_widget_class_install_action (widget_class, "metrics.delete-sample", NULL, delete_sample_action);
}

static void
rollout_monitor_metrics_init (RolloutMonitorMetrics *self)
{
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  GtkEventController *controller;

  self->gate_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of RolloutDirection */
  gtk_string_list_append (directions, _("Higher"));
  gtk_string_list_append (directions, _("Lower"));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));

  self->rows = g_list_store_new (ROLLOUT_TYPE_SAMPLE_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->samples_view, GTK_SELECTION_MODEL (self->selection));
  add_column (self, COLUMN_DATE, _("Date"), FALSE);
  add_column (self, COLUMN_PHASE, _("Phase"), TRUE);
  add_column (self, COLUMN_VALUE, _("Value"), FALSE);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metrics_list, "row-selected", G_CALLBACK (metric_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "apply", G_CALLBACK (commit_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "entry-activated", G_CALLBACK (commit_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_row, "apply", G_CALLBACK (commit_unit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_row, "entry-activated", G_CALLBACK (commit_unit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->direction_row, "notify::selected", G_CALLBACK (direction_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_switch, "notify::active", G_CALLBACK (target_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_spin, "value-changed", G_CALLBACK (target_changed_cb), self, G_CONNECT_SWAPPED);

  /* Text is kept when the focus leaves it, as when it is applied. */
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (commit_name), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (commit_unit), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->unit_row), controller);

  /* Delete in the table deletes the selected sample. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_named_action_new ("metrics.delete-sample")));
  gtk_widget_add_controller (GTK_WIDGET (self->samples_view), controller);

  update_actions (self);
}

/* Public API --------------------------------------------------------------- */

/**
 * rollout_monitor_metrics_set_document:
 * @self: a #RolloutMonitorMetrics
 * @document: (nullable): the plan
 *
 * Shows @document from the next rollout_monitor_metrics_refresh(), which
 * the Monitor view calls when the page is shown.
 */
void
rollout_monitor_metrics_set_document (RolloutMonitorMetrics *self,
                                      RolloutDocument       *document)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_METRICS (self));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  set_metric (self, NULL);
  g_clear_pointer (&self->sidebar_key, g_free);
}

/**
 * rollout_monitor_metrics_refresh:
 * @self: a #RolloutMonitorMetrics
 *
 * Shows the plan as it is now; the Monitor view calls it after every
 * change.
 */
void
rollout_monitor_metrics_refresh (RolloutMonitorMetrics *self)
{
  RolloutProject *project;

  g_return_if_fail (ROLLOUT_IS_MONITOR_METRICS (self));

  project = get_project (self);
  /* The metric may have gone (undo, another edit): fall back to the first. */
  if (self->metric != NULL && (project == NULL || rollout_project_index_of (project, self->metric) < 0))
    set_metric (self, NULL);
  if (self->metric == NULL && project != NULL &&
      g_list_model_get_n_items (rollout_project_get_metrics (project)) > 0)
    {
      g_autoptr(RolloutMetric) first = g_list_model_get_item (rollout_project_get_metrics (project), 0);

      set_metric (self, first);
    }

  update_sidebar (self);
  self->updating++;
  select_metric_row (self);
  self->updating--;
  if (self->metric == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_samples (self);
      update_actions (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "metric");
  update_form (self);
  update_samples (self);
  update_actions (self);
}

/**
 * rollout_monitor_metrics_get_metric:
 * @self: a #RolloutMonitorMetrics
 *
 * Returns: (transfer none) (nullable): the metric shown
 */
RolloutMetric *
rollout_monitor_metrics_get_metric (RolloutMonitorMetrics *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_METRICS (self), NULL);

  return self->metric;
}

void
rollout_monitor_metrics_select_metric (RolloutMonitorMetrics *self,
                                       RolloutMetric         *metric)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_METRICS (self));
  g_return_if_fail (metric == NULL || ROLLOUT_IS_METRIC (metric));

  set_metric (self, metric);
  rollout_monitor_metrics_refresh (self);
}

/**
 * rollout_monitor_metrics_get_selected_sample:
 * @self: a #RolloutMonitorMetrics
 *
 * Returns: the position of the selected sample in the metric's samples,
 *   or -1
 */
int
rollout_monitor_metrics_get_selected_sample (RolloutMonitorMetrics *self)
{
  RolloutSampleRow *row;

  g_return_val_if_fail (ROLLOUT_IS_MONITOR_METRICS (self), -1);

  row = selected_row (self);
  return row != NULL ? (int) row->index : -1;
}

/**
 * rollout_monitor_metrics_select_sample:
 * @self: a #RolloutMonitorMetrics
 * @index: the position of a sample in the metric's samples
 *
 * Selects that sample's row in the table.
 */
void
rollout_monitor_metrics_select_sample (RolloutMonitorMetrics *self,
                                       guint                  index)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_METRICS (self));

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i < n; i++)
    {
      g_autoptr(RolloutSampleRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->index == index)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}
