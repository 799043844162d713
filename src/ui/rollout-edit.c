/* rollout-edit.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every view and editor does with an edit: run the command through
 * the plan's history and, when the history refuses it (a dependency that
 * would close a circle), say so in a toast instead of a dialog. Deleting
 * and re-assessing show a toast with Undo, as the HIG asks for undoable
 * actions; its Undo button goes as soon as anything else is edited, undone
 * or redone, so it never undoes something else.
 *
 * A window has one such toast at a time: the next undoable edit retitles
 * it and gives it its button back, rather than dismissing it and showing
 * another. Toasts that replace each other while they are still sliding in
 * or out can bring libadwaita 1.2 down, and a burst of edits (Alt and an
 * arrow key, held) reads better as one toast anyway.
 */

#define G_LOG_DOMAIN "rollout-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-edit.h"

/**
 * rollout_edit_toast:
 * @widget: a widget inside a window with an #AdwToastOverlay
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the overlay around @widget.
 */
void
rollout_edit_toast (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * rollout_edit_run:
 * @widget: the widget the edit comes from, for a toast
 * @document: the plan
 * @command: (transfer full): the edit
 *
 * Runs @command through the plan's history. An edit that would make tasks
 * wait for each other in a circle is refused with a toast.
 *
 * Returns: %TRUE if the edit was made
 */
gboolean
rollout_edit_run (GtkWidget       *widget,
                  RolloutDocument *document,
                  RolloutCommand  *command)
{
  g_autoptr(RolloutCommand) owned = command;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (ROLLOUT_IS_COMMAND (command), FALSE);

  if (rollout_document_execute (document, owned, &error))
    return TRUE;

  if (g_error_matches (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE))
    /* Translators: %s is a circle of tasks, ‘Build’ → ‘Test’ → ‘Build’ */
    title = g_strdup_printf (_("Tasks cannot wait for each other in a circle: %s"), error->message);
  else
    title = g_strdup (error->message);
  rollout_edit_toast (widget, adw_toast_new (title));
  return FALSE;
}

/* Deleting ----------------------------------------------------------------- */

#define UNDO_TOAST_KEY "rollout-undo-toast"

/* Something else was edited, undone or redone: Undo would mean it now. */
static void
disarm_toast_cb (AdwToast *toast)
{
  adw_toast_set_button_label (toast, NULL);
  adw_toast_set_action_name (toast, NULL);
}

static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), UNDO_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), UNDO_TOAST_KEY, NULL);
}

/**
 * rollout_edit_new_delete_phase:
 * @project: the plan
 * @phase: one of its phases
 *
 * Deletes @phase with its tasks (and the references to them), and unlinks
 * the risks, feedback and metric samples that name it.
 *
 * Returns: (transfer full): the command
 */
RolloutCommand *
rollout_edit_new_delete_phase (RolloutProject *project,
                               RolloutPhase   *phase)
{
  g_autofree char *label = NULL;
  RolloutCommand *group;
  const char *id = rollout_phase_get_id (phase);
  GListModel *model;

  /* Translators: the name of a phase */
  label = g_strdup_printf (_("Delete ‘%s’"), rollout_phase_get_name (phase));
  group = rollout_command_new_group (label);

  model = rollout_project_get_tasks (project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (model, i);

      /* Each delete command records the plan as it is when it is made:
       * apply them one by one so the next sees the previous gone. */
      if (g_strcmp0 (rollout_task_get_phase_id (task), id) != 0)
        continue;
      {
        RolloutCommand *command = rollout_command_new_delete_task (project, task);

        rollout_command_apply (command, project);
        rollout_command_group_add (group, command);
        i--;
        n--;
      }
    }
  /* Undone here; the history applies the whole group again. */
  rollout_command_revert (group, project);

  model = rollout_project_get_risks (project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutRisk) risk = g_list_model_get_item (model, i);

      if (g_strcmp0 (rollout_risk_get_phase_id (risk), id) == 0)
        rollout_command_group_add (group, rollout_command_new_set_many (risk, label, "phase-id", NULL, NULL));
    }

  model = rollout_project_get_feedback (project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutFeedback) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (rollout_feedback_get_phase_id (entry), id) == 0)
        rollout_command_group_add (group, rollout_command_new_set_many (entry, label, "phase-id", NULL, NULL));
    }

  model = rollout_project_get_metrics (project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (model, i);
      GPtrArray *samples = rollout_metric_get_samples (metric);
      g_autoptr(GPtrArray) kept = NULL;
      gboolean changed = FALSE;

      if (samples == NULL)
        continue;
      kept = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_sample_free);
      for (guint k = 0; k < samples->len; k++)
        {
          RolloutSample *sample = rollout_sample_copy (g_ptr_array_index (samples, k));

          if (g_strcmp0 (sample->phase_id, id) == 0)
            {
              g_clear_pointer (&sample->phase_id, g_free);
              changed = TRUE;
            }
          g_ptr_array_add (kept, sample);
        }
      if (changed)
        rollout_command_group_add (group, rollout_command_new_set_many (metric, label, "samples", kept, NULL));
    }

  rollout_command_group_add (group, rollout_command_new_remove (phase, label));
  return group;
}

/**
 * rollout_edit_undo_toast:
 * @widget: the widget the edit came from
 * @document: the plan
 * @title: what was done, “Deleted ‘X’”
 *
 * Says what the edit just made did, in a toast whose Undo takes it back.
 * The button goes as soon as anything else is edited, undone or redone.
 */
void
rollout_edit_undo_toast (GtkWidget       *widget,
                         RolloutDocument *document,
                         const char      *title)
{
  RolloutHistory *history = rollout_document_get_history (document);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  toast = g_object_get_data (G_OBJECT (overlay), UNDO_TOAST_KEY);
  if (toast != NULL)
    adw_toast_set_title (toast, title);
  else
    {
      toast = adw_toast_new (title);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      /* The overlay owns the toast; this is only a way to find it again
       * while it shows. */
      g_object_set_data (G_OBJECT (overlay), UNDO_TOAST_KEY, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_signal_handlers_disconnect_by_func (history, disarm_toast_cb, toast);
  g_signal_connect_object (history, "changed", G_CALLBACK (disarm_toast_cb), toast, G_CONNECT_SWAPPED);
}

/**
 * rollout_edit_run_undoable:
 * @widget: the widget the edit comes from, for the toast
 * @document: the plan
 * @command: (transfer full): the edit
 * @title: what the toast says was done ("Moved ‘Train agents’ to Done")
 *
 * Runs @command like rollout_edit_run() and, when it was made, says so in
 * the window's undo toast (see rollout_edit_undo_toast()).
 *
 * Returns: %TRUE if the edit was made
 */
gboolean
rollout_edit_run_undoable (GtkWidget       *widget,
                           RolloutDocument *document,
                           RolloutCommand  *command,
                           const char      *title)
{
  if (!rollout_edit_run (widget, document, command))
    return FALSE;
  rollout_edit_undo_toast (widget, document, title);
  return TRUE;
}

/**
 * rollout_edit_delete:
 * @widget: the widget the deletion comes from, for the toast
 * @document: the plan
 * @object: a #RolloutTask, #RolloutPhase or #RolloutRisk of the plan
 *
 * Deletes @object and shows a toast, “Deleted ‘X’”, whose Undo brings it
 * back.
 */
void
rollout_edit_delete (GtkWidget       *widget,
                     RolloutDocument *document,
                     gpointer         object)
{
  RolloutProject *project = rollout_document_get_project (document);
  RolloutCommand *command;
  g_autofree char *title = NULL;

  if (ROLLOUT_IS_TASK (object))
    {
      command = rollout_command_new_delete_task (project, object);
      /* Translators: the name of a task */
      title = g_strdup_printf (_("Deleted ‘%s’"), rollout_task_get_name (object));
    }
  else if (ROLLOUT_IS_PHASE (object))
    {
      command = rollout_edit_new_delete_phase (project, object);
      /* Translators: the name of a phase */
      title = g_strdup_printf (_("Deleted ‘%s’"), rollout_phase_get_name (object));
    }
  else if (ROLLOUT_IS_RISK (object))
    {
      const char *name = rollout_risk_get_title (object) != NULL ? rollout_risk_get_title (object)
                                                                 : rollout_risk_get_id (object);
      g_autofree char *label = NULL;

      /* Nothing else in the plan refers to a risk: it goes alone. */
      /* Translators: the title of a risk */
      label = g_strdup_printf (_("Delete ‘%s’"), name);
      command = rollout_command_new_remove (object, label);
      /* Translators: the title of a risk */
      title = g_strdup_printf (_("Deleted ‘%s’"), name);
    }
  else
    return;

  if (!rollout_edit_run (widget, document, command))
    return;
  rollout_edit_undo_toast (widget, document, title);
}
