/* rollout-monitor-sample-dialog.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adds a sample to a metric, or edits one: its day, the phase it was
 * measured in and its value. Save stays off until the day and the value
 * read right; the row that does not is marked. Saving is one command. */

#define G_LOG_DOMAIN "rollout-monitor-sample-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-monitor.h"
#include "rollout-monitor-sample-dialog.h"
#include "rollout-monitor-util.h"

struct _RolloutMonitorSampleDialog
{
  AdwWindow        parent_instance;

  GtkWidget       *source;     /* weak: where toasts go */
  RolloutDocument *document;
  RolloutMetric   *metric;
  int              index;      /* -1: a new sample */

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  AdwEntryRow     *date_row;
  AdwComboRow     *phase_row;
  AdwEntryRow     *value_row;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorSampleDialog, rollout_monitor_sample_dialog, ADW_TYPE_WINDOW)

static gboolean
read_fields (RolloutMonitorSampleDialog *self,
             RolloutDate                *out_date,
             double                     *out_value)
{
  gboolean date_ok = rollout_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), out_date);
  gboolean value_ok = rollout_monitor_parse_value (gtk_editable_get_text (GTK_EDITABLE (self->value_row)), out_value);

  return date_ok && value_ok;
}

static void
mark (GtkWidget *row,
      gboolean   ok)
{
  if (ok)
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
}

static void
validate (RolloutMonitorSampleDialog *self)
{
  RolloutDate date;
  double value;
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));

  /* An empty field is not wrong yet, only not done. */
  mark (GTK_WIDGET (self->date_row), *date_text == '\0' || rollout_date_parse (date_text, &date));
  mark (GTK_WIDGET (self->value_row), *value_text == '\0' || rollout_monitor_parse_value (value_text, &value));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sample.save", read_fields (self, &date, &value));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutMonitorSampleDialog *self = ROLLOUT_MONITOR_SAMPLE_DIALOG (widget);
  RolloutProject *project = rollout_document_get_project (self->document);
  g_autoptr(RolloutSample) sample = NULL;
  g_autoptr(RolloutPhase) phase = NULL;
  guint selected = adw_combo_row_get_selected (self->phase_row);
  RolloutCommand *command;
  RolloutDate date;
  double value;

  if (!read_fields (self, &date, &value))
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    phase = g_list_model_get_item (rollout_project_get_phases (project), selected - 1);
  sample = rollout_sample_new (date, phase != NULL ? rollout_phase_get_id (phase) : NULL, value);

  if (self->index < 0)
    command = rollout_monitor_new_add_sample (self->metric, sample);
  else if ((guint) self->index < rollout_metric_get_samples (self->metric)->len)
    command = rollout_monitor_new_set_sample (self->metric, self->index, sample);
  else
    command = NULL;
  if (command != NULL)
    rollout_edit_run (self->source != NULL ? self->source : widget, self->document, command);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rollout_monitor_sample_dialog_dispose (GObject *object)
{
  RolloutMonitorSampleDialog *self = ROLLOUT_MONITOR_SAMPLE_DIALOG (object);

  g_clear_weak_pointer (&self->source);
  g_clear_object (&self->document);
  g_clear_object (&self->metric);

  G_OBJECT_CLASS (rollout_monitor_sample_dialog_parent_class)->dispose (object);
}

static void
rollout_monitor_sample_dialog_class_init (RolloutMonitorSampleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_sample_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-monitor-sample-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorSampleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorSampleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorSampleDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorSampleDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorSampleDialog, value_row);
  gtk_widget_class_bind_template_callback (widget_class, validate);

  gtk_widget_class_install_action (widget_class, "sample.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rollout_monitor_sample_dialog_init (RolloutMonitorSampleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/**
 * rollout_monitor_sample_dialog_new:
 * @source: the widget the edit comes from, for toasts; its window is the
 *   dialog's parent
 * @document: the plan
 * @metric: the metric
 * @index: the position of the sample to edit, or -1 to add one
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
rollout_monitor_sample_dialog_new (GtkWidget       *source,
                                   RolloutDocument *document,
                                   RolloutMetric   *metric,
                                   int              index)
{
  RolloutMonitorSampleDialog *self;
  RolloutProject *project;
  g_autoptr(GtkStringList) phases = NULL;
  g_autofree char *title = NULL;
  g_autofree char *value_title = NULL;
  g_autofree char *date = NULL;
  const char *phase_id = NULL;
  const char *unit;
  const char *name;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (source), NULL);
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ROLLOUT_IS_METRIC (metric), NULL);

  self = g_object_new (ROLLOUT_TYPE_MONITOR_SAMPLE_DIALOG, NULL);
  g_set_weak_pointer (&self->source, source);
  self->document = g_object_ref (document);
  self->metric = g_object_ref (metric);
  self->index = index;
  project = rollout_document_get_project (document);
  root = gtk_widget_get_root (source);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  name = rollout_metric_get_name (metric) != NULL ? rollout_metric_get_name (metric) : rollout_metric_get_id (metric);
  /* Translators: the title of a dialog; the name of a metric */
  title = g_strdup_printf (index < 0 ? _("New Sample of ‘%s’") : _("Edit Sample of ‘%s’"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, index < 0 ? _("New Sample") : _("Edit Sample"));
  adw_window_title_set_subtitle (self->window_title, name);
  unit = rollout_metric_get_unit (metric);
  if (unit != NULL)
    /* Translators: a field's title; the unit of a metric, "Value (%)" */
    value_title = g_strdup_printf (_("Value (%s)"), unit);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title != NULL ? value_title : _("Value"));

  phases = rollout_monitor_new_phase_names (project, _("None"));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phases));

  if (index >= 0 && (guint) index < rollout_metric_get_samples (metric)->len)
    {
      RolloutSample *sample = g_ptr_array_index (rollout_metric_get_samples (metric), index);
      g_autofree char *value = rollout_monitor_format_value (sample->value);

      date = rollout_monitor_format_day (sample->date);
      phase_id = sample->phase_id;
      gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
    }
  else
    {
      RolloutPhase *current = rollout_monitor_get_current_phase (project);

      date = rollout_monitor_format_day (rollout_today ());
      phase_id = current != NULL ? rollout_phase_get_id (current) : NULL;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (phase_id != NULL && rollout_project_lookup_phase (project, phase_id) != NULL)
    adw_combo_row_set_selected (self->phase_row,
                                rollout_project_index_of (project, rollout_project_lookup_phase (project, phase_id)) + 1);
  else
    adw_combo_row_set_selected (self->phase_row, 0);

  validate (self);
  return GTK_WIDGET (self);
}
