/* rollout-monitor-import-dialog.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing a CSV file of metric samples or feedback, with a look first.
 *
 * The file is read and checked in a worker thread while the dialog shows a
 * spinner, so a big file neither freezes the window nor has to be waited
 * for: Cancel closes the dialog and the result is dropped. (The thread only
 * reads the plan, and the dialog is modal, so nothing edits the plan
 * meanwhile.) Then the dialog shows every row that would be added and
 * every problem with its line, both in lists that only make the rows on
 * screen. Nothing is imported while a row is bad, unless the person asks
 * to skip the bad rows; Import runs the import as one command, with a
 * toast whose Undo takes all of it back.
 */

#define G_LOG_DOMAIN "rollout-monitor-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-monitor-import-dialog.h"
#include "rollout-monitor-util.h"

/* A row of the preview: an index into the import's samples or entries. */
#define ROLLOUT_TYPE_IMPORT_ROW (rollout_import_row_get_type ())
G_DECLARE_FINAL_TYPE (RolloutImportRow, rollout_import_row, ROLLOUT, IMPORT_ROW, GObject)

struct _RolloutImportRow
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (RolloutImportRow, rollout_import_row, G_TYPE_OBJECT)

static void
rollout_import_row_class_init (RolloutImportRowClass *klass)
{
}

static void
rollout_import_row_init (RolloutImportRow *self)
{
}

typedef enum {
  COLUMN_LINE,
  COLUMN_DATE,
  COLUMN_METRIC,
  COLUMN_PHASE,
  COLUMN_VALUE,
  COLUMN_SENTIMENT,
  COLUMN_SOURCE,
  COLUMN_TAGS,
  COLUMN_TEXT,
} Column;

struct _RolloutMonitorImportDialog
{
  AdwWindow                 parent_instance;

  GtkWidget                *source;     /* weak: where toasts go */
  RolloutDocument          *document;
  RolloutMonitorImportKind  kind;
  GFile                    *file;
  GCancellable             *cancellable;
  RolloutImportCsv         *import;

  AdwWindowTitle           *window_title;
  GtkStack                 *stack;
  GtkLabel                 *loading_label;
  AdwStatusPage            *error_page;
  GtkImage                 *summary_icon;
  GtkLabel                 *summary_label;
  GtkLabel                 *detail_label;
  GtkWidget                *skip_group;
  GtkSwitch                *skip_switch;
  GtkWidget                *problems_box;
  GtkLabel                 *problems_label;
  GtkListView              *problems_view;
  GtkWidget                *rows_box;
  GtkLabel                 *rows_label;
  GtkColumnView            *rows_view;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorImportDialog, rollout_monitor_import_dialog, ADW_TYPE_WINDOW)

/* Reading, in a thread ---------------------------------------------------- */

typedef struct {
  RolloutProject           *project;
  RolloutMonitorImportKind  kind;
  GFile                    *file;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->project);
  g_clear_object (&data->file);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;
  RolloutImportCsv *import;

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* Read with bad rows skipped: the command then holds the good rows, and
   * the dialog decides whether it may run. */
  if (data->kind == ROLLOUT_MONITOR_IMPORT_METRICS)
    import = rollout_import_csv_metrics (data->project, contents, length, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
  else
    import = rollout_import_csv_feedback (data->project, contents, length, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
  g_task_return_pointer (task, import, g_object_unref);
}

/* Showing ----------------------------------------------------------------- */

static gboolean
can_apply (RolloutMonitorImportDialog *self)
{
  return self->import != NULL &&
         rollout_import_csv_get_command (self->import) != NULL &&
         (rollout_import_csv_get_problems (self->import)->len == 0 ||
          gtk_switch_get_active (self->skip_switch));
}

static void
update_summary (RolloutMonitorImportDialog *self)
{
  GPtrArray *problems = rollout_import_csv_get_problems (self->import);
  guint n_valid = rollout_import_csv_get_n_valid (self->import);
  guint n_rows = rollout_import_csv_get_n_rows (self->import);
  gboolean metrics = self->kind == ROLLOUT_MONITOR_IMPORT_METRICS;
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;
  const char *icon;

  if (!rollout_import_csv_get_header_ok (self->import))
    {
      summary = g_strdup (_("The file’s header is not right"));
      detail = g_strdup (metrics
                         ? _("The first line must name the columns: date, metric, phase (optional) and value.")
                         : _("The first line must name the columns: date, phase, source, sentiment, tags, text and, optionally, task."));
      icon = "dialog-error-symbolic";
    }
  else if (n_valid == 0)
    {
      summary = g_strdup (n_rows == 0 ? _("The file has no rows to import")
                                      : _("No row of the file can be imported"));
      detail = g_strdup (n_rows == 0 ? _("Only the header was found.") : _("Fix the problems below and try again."));
      icon = "dialog-error-symbolic";
    }
  else if (problems->len == 0)
    {
      if (metrics)
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u sample will be added",
                                                "%u samples will be added", n_valid), n_valid);
      else
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u feedback entry will be added",
                                                "%u feedback entries will be added", n_valid), n_valid);
      detail = g_strdup (_("Every row is fine. The import is one step: one undo takes it all back."));
      icon = "object-select-symbolic";
    }
  else
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u row has problems",
                                              "%u rows have problems", problems->len), problems->len);
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Nothing is imported until the file is fixed, unless you skip the bad rows and import the %u good one.",
                                             "Nothing is imported until the file is fixed, unless you skip the bad rows and import the %u good ones.",
                                             n_valid), n_valid);
      icon = "dialog-warning-symbolic";
    }

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->detail_label, detail);
  gtk_image_set_from_icon_name (self->summary_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon),
                            g_str_equal (icon, "object-select-symbolic") ? "success"
                            : g_str_equal (icon, "dialog-warning-symbolic") ? "warning" : "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_apply (self));
}

static void
problem_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
problem_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static char *
format_problem (const RolloutImportProblem *problem)
{
  if (problem->line == 0)
    return g_strdup (problem->message);
  /* Translators: a problem in a CSV file, "Line 14: “yesterday” is not a date" */
  return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
}

static char *
cell_text (RolloutMonitorImportDialog *self,
           guint                       index,
           Column                      column)
{
  RolloutProject *project = rollout_document_get_project (self->document);
  const char *phase_id = NULL;

  if (self->kind == ROLLOUT_MONITOR_IMPORT_METRICS)
    {
      RolloutImportSample *s = &g_array_index (rollout_import_csv_get_samples (self->import), RolloutImportSample, index);

      switch (column)
        {
        case COLUMN_LINE:
          return g_strdup_printf ("%u", s->line);
        case COLUMN_DATE:
          return rollout_format_date (s->sample->date);
        case COLUMN_METRIC:
          return g_strdup (rollout_metric_get_name (s->metric) != NULL ? rollout_metric_get_name (s->metric)
                                                                       : rollout_metric_get_id (s->metric));
        case COLUMN_VALUE:
          {
            g_autofree char *value = rollout_monitor_format_value (s->sample->value);
            const char *unit = rollout_metric_get_unit (s->metric);

            return unit != NULL ? g_strdup_printf ("%s %s", value, unit) : g_steal_pointer (&value);
          }
        case COLUMN_PHASE:
          phase_id = s->sample->phase_id;
          break;
        case COLUMN_SENTIMENT:
        case COLUMN_SOURCE:
        case COLUMN_TAGS:
        case COLUMN_TEXT:
        default:
          return g_strdup ("");
        }
    }
  else
    {
      RolloutFeedback *entry = g_array_index (rollout_import_csv_get_feedback (self->import),
                                              RolloutImportFeedback, index).feedback;
      guint line = g_array_index (rollout_import_csv_get_feedback (self->import), RolloutImportFeedback, index).line;

      switch (column)
        {
        case COLUMN_LINE:
          return g_strdup_printf ("%u", line);
        case COLUMN_DATE:
          return rollout_format_date (rollout_feedback_get_date (entry));
        case COLUMN_SENTIMENT:
          return g_strdup (rollout_monitor_sentiment_label (rollout_feedback_get_sentiment (entry)));
        case COLUMN_SOURCE:
          return g_strdup (rollout_feedback_get_source (entry) != NULL ? rollout_feedback_get_source (entry) : "");
        case COLUMN_TAGS:
          return rollout_feedback_get_tags (entry) != NULL
                 ? g_strjoinv (", ", (char **) rollout_feedback_get_tags (entry)) : g_strdup ("");
        case COLUMN_TEXT:
          {
            /* One line in the table; the whole text is the tooltip. */
            char *text = g_strdup (rollout_feedback_get_text (entry) != NULL ? rollout_feedback_get_text (entry) : "");

            return g_strdelimit (text, "\r\n", ' ');
          }
        case COLUMN_PHASE:
          phase_id = rollout_feedback_get_phase_id (entry);
          break;
        case COLUMN_METRIC:
        case COLUMN_VALUE:
        default:
          return g_strdup ("");
        }
    }

  /* The phase column */
  if (phase_id == NULL)
    return g_strdup ("—");
  {
    RolloutPhase *phase = rollout_project_lookup_phase (project, phase_id);

    return g_strdup (phase != NULL && rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : phase_id);
  }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_LINE || column == COLUMN_VALUE ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_LINE || column == COLUMN_DATE || column == COLUMN_VALUE)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_LINE)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory   *factory,
              GtkListItem                *item,
              RolloutMonitorImportDialog *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  RolloutImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, row->index, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column == COLUMN_TEXT || column == COLUMN_TAGS ? text : NULL);
}

static void
add_column (RolloutMonitorImportDialog *self,
            Column                      column,
            const char                 *title,
            gboolean                    expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, 0);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->rows_view, view_column);
}

static void
show_import (RolloutMonitorImportDialog *self)
{
  GPtrArray *problems = rollout_import_csv_get_problems (self->import);
  guint n_valid = rollout_import_csv_get_n_valid (self->import);
  g_autoptr(GtkStringList) problem_texts = gtk_string_list_new (NULL);
  g_autoptr(GListStore) rows = g_list_store_new (ROLLOUT_TYPE_IMPORT_ROW);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *problems_title = NULL;
  g_autofree char *rows_title = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = format_problem (g_ptr_array_index (problems, i));

      gtk_string_list_append (problem_texts, text);
    }
  gtk_list_view_set_model (self->problems_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&problem_texts)))));
  /* Translators: a heading, with how many problems follow */
  problems_title = g_strdup_printf (_("Problems (%u)"), problems->len);
  gtk_label_set_text (self->problems_label, problems_title);
  gtk_widget_set_visible (self->problems_box, problems->len > 0);
  gtk_widget_set_visible (self->skip_group, problems->len > 0 && n_valid > 0 &&
                                            rollout_import_csv_get_header_ok (self->import));

  /* Added in one go: a signal per row would cost a lot on a big file. */
  for (guint i = 0; i < n_valid; i++)
    {
      RolloutImportRow *row = g_object_new (ROLLOUT_TYPE_IMPORT_ROW, NULL);

      row->index = i;
      g_ptr_array_add (items, row);
    }
  g_list_store_splice (rows, 0, 0, items->pdata, items->len);
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
  /* Translators: a heading, with how many rows follow */
  rows_title = g_strdup_printf (_("To Be Added (%u)"), n_valid);
  gtk_label_set_text (self->rows_label, rows_title);
  gtk_widget_set_visible (self->rows_box, n_valid > 0);

  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RolloutMonitorImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  RolloutImportCsv *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (import == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }
  self->import = import;
  show_import (self);
}

/* Actions ----------------------------------------------------------------- */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RolloutMonitorImportDialog *self = ROLLOUT_MONITOR_IMPORT_DIALOG (widget);
  GtkWidget *source = self->source != NULL ? self->source : widget;
  RolloutCommand *command;
  guint n_valid;
  g_autofree char *title = NULL;

  if (!can_apply (self))
    return;
  command = rollout_import_csv_get_command (self->import);
  n_valid = rollout_import_csv_get_n_valid (self->import);
  if (rollout_edit_run (source, self->document, g_object_ref (command)))
    {
      if (self->kind == ROLLOUT_MONITOR_IMPORT_METRICS)
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %u sample", "Imported %u samples", n_valid), n_valid);
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %u feedback entry", "Imported %u feedback entries", n_valid), n_valid);
      rollout_edit_undo_toast (source, self->document, title);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
copy_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RolloutMonitorImportDialog *self = ROLLOUT_MONITOR_IMPORT_DIALOG (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;
  GPtrArray *problems;

  if (self->import == NULL)
    return;
  name = g_file_get_basename (self->file);
  problems = rollout_import_csv_get_problems (self->import);
  for (guint i = 0; i < problems->len; i++)
    {
      RolloutImportProblem *problem = g_ptr_array_index (problems, i);

      /* As rollout-cli prints them: file:line: message */
      if (problem->line > 0)
        g_string_append_printf (text, "%s:%u: %s\n", name, problem->line, problem->message);
      else
        g_string_append_printf (text, "%s: %s\n", name, problem->message);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
}

static void
skip_changed_cb (RolloutMonitorImportDialog *self)
{
  if (self->import != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_apply (self));
}

/* GObject ----------------------------------------------------------------- */

static void
rollout_monitor_import_dialog_dispose (GObject *object)
{
  RolloutMonitorImportDialog *self = ROLLOUT_MONITOR_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->source);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->import);

  G_OBJECT_CLASS (rollout_monitor_import_dialog_parent_class)->dispose (object);
}

static void
rollout_monitor_import_dialog_class_init (RolloutMonitorImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-monitor-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, skip_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, rows_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, rows_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorImportDialog, rows_view);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.copy-problems", NULL, copy_problems_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rollout_monitor_import_dialog_init (RolloutMonitorImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (problem_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (problem_bind_cb), NULL);
  gtk_list_view_set_factory (self->problems_view, factory);
  g_signal_connect_object (self->skip_switch, "notify::active", G_CALLBACK (skip_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

/**
 * rollout_monitor_import_dialog_new:
 * @source: the widget the import comes from, for toasts; its window is the
 *   dialog's parent
 * @document: the plan to import into
 * @kind: what the file holds
 * @file: the CSV file
 *
 * Starts reading @file and shows what it would add.
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
rollout_monitor_import_dialog_new (GtkWidget                *source,
                                   RolloutDocument          *document,
                                   RolloutMonitorImportKind  kind,
                                   GFile                    *file)
{
  RolloutMonitorImportDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reading = NULL;
  ReadData *data;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (source), NULL);
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ROLLOUT_TYPE_MONITOR_IMPORT_DIALOG, NULL);
  g_set_weak_pointer (&self->source, source);
  self->document = g_object_ref (document);
  self->kind = kind;
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  root = gtk_widget_get_root (source);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  name = g_file_get_basename (file);
  adw_window_title_set_title (self->window_title,
                              kind == ROLLOUT_MONITOR_IMPORT_METRICS ? _("Import Metric Samples") : _("Import Feedback"));
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self),
                        kind == ROLLOUT_MONITOR_IMPORT_METRICS ? _("Import Metric Samples") : _("Import Feedback"));
  /* Translators: a file's name */
  reading = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_text (self->loading_label, reading);

  if (kind == ROLLOUT_MONITOR_IMPORT_METRICS)
    {
      add_column (self, COLUMN_LINE, _("Line"), FALSE);
      add_column (self, COLUMN_DATE, _("Date"), FALSE);
      add_column (self, COLUMN_METRIC, _("Metric"), TRUE);
      add_column (self, COLUMN_PHASE, _("Phase"), TRUE);
      add_column (self, COLUMN_VALUE, _("Value"), FALSE);
    }
  else
    {
      add_column (self, COLUMN_LINE, _("Line"), FALSE);
      add_column (self, COLUMN_DATE, _("Date"), FALSE);
      add_column (self, COLUMN_PHASE, _("Phase"), FALSE);
      add_column (self, COLUMN_SENTIMENT, _("Sentiment"), FALSE);
      add_column (self, COLUMN_SOURCE, _("Source"), FALSE);
      add_column (self, COLUMN_TAGS, _("Tags"), FALSE);
      add_column (self, COLUMN_TEXT, _("Text"), TRUE);
    }

  data = g_new0 (ReadData, 1);
  data->project = g_object_ref (rollout_document_get_project (document));
  data->kind = kind;
  data->file = g_object_ref (file);
  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, rollout_monitor_import_dialog_new);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  return GTK_WIDGET (self);
}

/**
 * rollout_monitor_import_dialog_get_import:
 * @self: a #RolloutMonitorImportDialog
 *
 * Returns: (transfer none) (nullable): the file as read and checked, or
 *   %NULL while it is being read (or could not be)
 */
RolloutImportCsv *
rollout_monitor_import_dialog_get_import (RolloutMonitorImportDialog *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_IMPORT_DIALOG (self), NULL);

  return self->import;
}

void
rollout_monitor_import_dialog_set_skip_bad_rows (RolloutMonitorImportDialog *self,
                                                 gboolean                    skip)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_IMPORT_DIALOG (self));

  gtk_switch_set_active (self->skip_switch, skip);
}
