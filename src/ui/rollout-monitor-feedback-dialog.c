/* rollout-monitor-feedback-dialog.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adds a feedback entry, or edits one: what was said, its sentiment, day,
 * phase, source and tags, and the task it is about. Save stays off until
 * there is text and the day reads right. Saving is one command. */

#define G_LOG_DOMAIN "rollout-monitor-feedback-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-monitor.h"
#include "rollout-monitor-feedback-dialog.h"
#include "rollout-monitor-util.h"

struct _RolloutMonitorFeedbackDialog
{
  AdwWindow        parent_instance;

  GtkWidget       *source;     /* weak: where toasts go */
  RolloutDocument *document;
  RolloutFeedback *entry;      /* NULL: a new entry */

  GtkWidget       *save_button;
  GtkTextView     *text_view;
  AdwComboRow     *sentiment_row;
  AdwEntryRow     *date_row;
  AdwComboRow     *phase_row;
  AdwEntryRow     *source_row;
  AdwEntryRow     *tags_row;
  GtkDropDown     *task_dropdown;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorFeedbackDialog, rollout_monitor_feedback_dialog, ADW_TYPE_WINDOW)

static char *
dup_text (RolloutMonitorFeedbackDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
validate (RolloutMonitorFeedbackDialog *self)
{
  g_autofree char *text = dup_text (self);
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  RolloutDate date;
  gboolean date_ok = rollout_date_parse (date_text, &date);

  if (*date_text == '\0' || date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.save", date_ok && *text != '\0');
}

/* Tags as typed: separated by commas or semicolons, without empty ones or
 * repeats; NULL for none. */
static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  char **tags;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      gboolean repeated = FALSE;

      for (guint k = 0; k < seen->len && !repeated; k++)
        repeated = g_str_equal (g_ptr_array_index (seen, k), tag);
      if (*tag == '\0' || repeated)
        continue;
      g_ptr_array_add (seen, tag);
      g_strv_builder_add (builder, tag);
    }
  tags = g_strv_builder_end (builder);
  if (tags[0] == NULL)
    g_clear_pointer (&tags, g_strfreev);
  return tags;
}

static char *
nullable_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutMonitorFeedbackDialog *self = ROLLOUT_MONITOR_FEEDBACK_DIALOG (widget);
  RolloutProject *project = rollout_document_get_project (self->document);
  g_autofree char *text = dup_text (self);
  g_autofree char *source = nullable_text (self->source_row);
  g_auto(GStrv) tags = split_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  g_autoptr(RolloutPhase) phase = NULL;
  g_autoptr(RolloutTask) task = NULL;
  guint phase_position = adw_combo_row_get_selected (self->phase_row);
  guint task_position = gtk_drop_down_get_selected (self->task_dropdown);
  RolloutSentiment sentiment = adw_combo_row_get_selected (self->sentiment_row);
  const char *phase_id = NULL;
  const char *task_id = NULL;
  RolloutCommand *command;
  RolloutDate date;

  if (!rollout_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date) || *text == '\0')
    return;
  if (phase_position != GTK_INVALID_LIST_POSITION && phase_position > 0)
    phase = g_list_model_get_item (rollout_project_get_phases (project), phase_position - 1);
  if (task_position != GTK_INVALID_LIST_POSITION && task_position > 0)
    task = g_list_model_get_item (rollout_project_get_tasks (project), task_position - 1);
  phase_id = phase != NULL ? rollout_phase_get_id (phase) : NULL;
  task_id = task != NULL ? rollout_task_get_id (task) : NULL;
  if (sentiment > ROLLOUT_SENTIMENT_NEGATIVE)
    sentiment = ROLLOUT_SENTIMENT_NEUTRAL;

  if (self->entry == NULL)
    {
      g_autofree char *id = rollout_monitor_make_feedback_id (project);
      g_autoptr(RolloutFeedback) entry = rollout_feedback_new (id);

      rollout_feedback_set_date (entry, date);
      rollout_feedback_set_phase_id (entry, phase_id);
      rollout_feedback_set_source (entry, source);
      rollout_feedback_set_sentiment (entry, sentiment);
      rollout_feedback_set_tags (entry, (const char * const *) tags);
      rollout_feedback_set_text (entry, text);
      rollout_feedback_set_task_id (entry, task_id);
      command = rollout_command_new_insert (entry, -1, _("Add Feedback"));
    }
  else
    command = rollout_command_new_set_many (self->entry, _("Edit Feedback"),
                                            "date", (guint) date,
                                            "phase-id", phase_id,
                                            "source", source,
                                            "sentiment", sentiment,
                                            "tags", tags,
                                            "text", text,
                                            "task-id", task_id,
                                            NULL);
  rollout_edit_run (self->source != NULL ? self->source : widget, self->document, command);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
new_label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);
  return factory;
}

static void
rollout_monitor_feedback_dialog_dispose (GObject *object)
{
  RolloutMonitorFeedbackDialog *self = ROLLOUT_MONITOR_FEEDBACK_DIALOG (object);

  g_clear_weak_pointer (&self->source);
  g_clear_object (&self->document);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (rollout_monitor_feedback_dialog_parent_class)->dispose (object);
}

static void
rollout_monitor_feedback_dialog_class_init (RolloutMonitorFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_feedback_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-monitor-feedback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, sentiment_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedbackDialog, task_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, validate);

  gtk_widget_class_install_action (widget_class, "feedback.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rollout_monitor_feedback_dialog_init (RolloutMonitorFeedbackDialog *self)
{
  g_autoptr(GtkStringList) sentiments = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = new_label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = new_label_factory (FALSE);
  /* The drop-down searches the tasks' names; it takes its own reference. */
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_widget_init_template (GTK_WIDGET (self));

  for (RolloutSentiment s = ROLLOUT_SENTIMENT_POSITIVE; s <= ROLLOUT_SENTIMENT_NEGATIVE; s++)
    gtk_string_list_append (sentiments, rollout_monitor_sentiment_label (s));
  adw_combo_row_set_model (self->sentiment_row, G_LIST_MODEL (sentiments));

  gtk_drop_down_set_factory (self->task_dropdown, factory);
  gtk_drop_down_set_list_factory (self->task_dropdown, list_factory);
  gtk_drop_down_set_expression (self->task_dropdown, expression);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->task_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Linked Task"), -1);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
}

/**
 * rollout_monitor_feedback_dialog_new:
 * @source: the widget the edit comes from, for toasts; its window is the
 *   dialog's parent
 * @document: the plan
 * @entry: (nullable): the entry to edit, or %NULL to add one
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
rollout_monitor_feedback_dialog_new (GtkWidget       *source,
                                     RolloutDocument *document,
                                     RolloutFeedback *entry)
{
  RolloutMonitorFeedbackDialog *self;
  RolloutProject *project;
  g_autoptr(GtkStringList) phases = NULL;
  g_autoptr(GtkStringList) tasks = gtk_string_list_new (NULL);
  g_autofree char *date = NULL;
  const char *phase_id;
  const char *task_id = NULL;
  GListModel *task_model;
  guint task_position = 0;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (source), NULL);
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (entry == NULL || ROLLOUT_IS_FEEDBACK (entry), NULL);

  self = g_object_new (ROLLOUT_TYPE_MONITOR_FEEDBACK_DIALOG, NULL);
  g_set_weak_pointer (&self->source, source);
  self->document = g_object_ref (document);
  self->entry = entry != NULL ? g_object_ref (entry) : NULL;
  project = rollout_document_get_project (document);
  root = gtk_widget_get_root (source);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_set_title (GTK_WINDOW (self), entry == NULL ? _("New Feedback") : _("Edit Feedback"));

  phases = rollout_monitor_new_phase_names (project, _("None"));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phases));

  gtk_string_list_append (tasks, _("None"));
  task_model = rollout_project_get_tasks (project);
  if (entry != NULL)
    task_id = rollout_feedback_get_task_id (entry);
  for (guint i = 0, n = g_list_model_get_n_items (task_model); i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (task_model, i);

      gtk_string_list_append (tasks, rollout_task_get_name (task));
      if (task_id != NULL && g_strcmp0 (rollout_task_get_id (task), task_id) == 0)
        task_position = i + 1;
    }
  gtk_drop_down_set_model (self->task_dropdown, G_LIST_MODEL (tasks));
  gtk_drop_down_set_selected (self->task_dropdown, task_position);

  if (entry != NULL)
    {
      const char * const *tags = rollout_feedback_get_tags (entry);
      g_autofree char *joined = tags != NULL ? g_strjoinv (", ", (char **) tags) : NULL;

      date = rollout_monitor_format_day (rollout_feedback_get_date (entry));
      phase_id = rollout_feedback_get_phase_id (entry);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                rollout_feedback_get_text (entry) != NULL ? rollout_feedback_get_text (entry) : "", -1);
      adw_combo_row_set_selected (self->sentiment_row, rollout_feedback_get_sentiment (entry));
      gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                             rollout_feedback_get_source (entry) != NULL ? rollout_feedback_get_source (entry) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->tags_row), joined != NULL ? joined : "");
    }
  else
    {
      RolloutPhase *current = rollout_monitor_get_current_phase (project);

      date = rollout_monitor_format_day (rollout_today ());
      phase_id = current != NULL ? rollout_phase_get_id (current) : NULL;
      adw_combo_row_set_selected (self->sentiment_row, ROLLOUT_SENTIMENT_NEUTRAL);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (phase_id != NULL && rollout_project_lookup_phase (project, phase_id) != NULL)
    adw_combo_row_set_selected (self->phase_row,
                                rollout_project_index_of (project, rollout_project_lookup_phase (project, phase_id)) + 1);
  else
    adw_combo_row_set_selected (self->phase_row, 0);

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return GTK_WIDGET (self);
}
