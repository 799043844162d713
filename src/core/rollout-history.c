/* rollout-history.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The undo history of one plan.
 *
 * Commands run through here: each is applied, the plan is rescheduled so
 * derived dates follow at once (slip propagation), and the command joins
 * the undo stack. A command that would make dependencies circular is
 * reverted and refused with an error, so the plan can always be scheduled;
 * scheduling finds the circle, so an edit builds the dependency graph
 * once, and only for the tasks it changed (see rollout-scheduler.c).
 * "Modified" means the undo position differs from the one last saved, which
 * makes undoing back to the saved state clean again, as in a text editor.
 */

#define G_LOG_DOMAIN "rollout-history"

#include "config.h"

#include "rollout-history.h"
#include "rollout-scheduler.h"

struct _RolloutHistory
{
  GObject parent_instance;

  RolloutProject *project;  /* weak: the history lives beside its plan */
  GPtrArray *undo;          /* RolloutCommand, oldest first */
  GPtrArray *redo;          /* RolloutCommand, next to redo last */
  gint64 position;          /* commands applied since the start */
  gint64 saved_position;    /* -1: not the saved state at any position */
};

G_DEFINE_FINAL_TYPE (RolloutHistory, rollout_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
reschedule (RolloutHistory *self)
{
  g_autoptr(GError) error = NULL;

  if (rollout_project_get_start (self->project) == ROLLOUT_DATE_NONE)
    return;
  if (!rollout_project_schedule (self->project, NULL, &error))
    g_warning ("Could not schedule the plan: %s", error->message);
}

/* Reschedules the plan after an edit. FALSE, with the circle in @error,
 * when the edit made tasks depend on each other in a circle. Scheduling
 * finds circles itself; a plan without a start is searched for them. */
static gboolean
reschedule_checked (RolloutHistory  *self,
                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autofree char *path = NULL;

  if (rollout_project_get_start (self->project) != ROLLOUT_DATE_NONE)
    {
      if (rollout_project_schedule (self->project, NULL, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE))
        {
          g_warning ("Could not schedule the plan: %s", local_error->message);
          return TRUE;
        }
    }

  cycles = rollout_scheduler_find_cycles (self->project);
  if (cycles->len == 0)
    return TRUE;
  path = rollout_scheduler_format_cycle (g_ptr_array_index (cycles, 0));
  g_set_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE, "%s", path);
  return FALSE;
}

static void
changed (RolloutHistory *self,
         gboolean        was_modified,
         gboolean        could_undo,
         gboolean        could_redo)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (could_undo != rollout_history_can_undo (self))
    g_object_notify_by_pspec (object, properties [PROP_CAN_UNDO]);
  if (could_redo != rollout_history_can_redo (self))
    g_object_notify_by_pspec (object, properties [PROP_CAN_REDO]);
  g_object_notify_by_pspec (object, properties [PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (object, properties [PROP_REDO_LABEL]);
  if (was_modified != rollout_history_get_modified (self))
    g_object_notify_by_pspec (object, properties [PROP_MODIFIED]);
  g_object_thaw_notify (object);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
rollout_history_finalize (GObject *object)
{
  RolloutHistory *self = (RolloutHistory *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (rollout_history_parent_class)->finalize (object);
}

static void
rollout_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RolloutHistory *self = ROLLOUT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rollout_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, rollout_history_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, rollout_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, rollout_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, rollout_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_history_class_init (RolloutHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rollout_history_finalize;
  object_class->get_property = rollout_history_get_property;

  properties [PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties [PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties [PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties [PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties [PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RolloutHistory::changed:
   *
   * Emitted after a command was executed, undone or redone, once the plan
   * has been rescheduled.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rollout_history_init (RolloutHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rollout_history_new:
 * @project: the plan whose edits this records; it must outlive the history
 *
 * Returns: (transfer full): an empty history; the plan counts as saved
 */
RolloutHistory *
rollout_history_new (RolloutProject *project)
{
  RolloutHistory *self;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  self = g_object_new (ROLLOUT_TYPE_HISTORY, NULL);
  self->project = project;
  return self;
}

/**
 * rollout_history_get_project:
 * @self: a #RolloutHistory
 *
 * Returns: (transfer none): the plan
 */
RolloutProject *
rollout_history_get_project (RolloutHistory *self)
{
  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), NULL);

  return self->project;
}

/**
 * rollout_history_execute:
 * @self: a #RolloutHistory
 * @command: the edit
 * @error: return location for an error
 *
 * Applies @command, reschedules the plan and records the command for undo.
 * An edit that would make tasks depend on each other in a circle is undone
 * at once and refused.
 *
 * Returns: %TRUE if the edit was made
 */
gboolean
rollout_history_execute (RolloutHistory  *self,
                         RolloutCommand  *command,
                         GError         **error)
{
  gboolean was_modified, could_undo, could_redo;

  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ROLLOUT_IS_COMMAND (command), FALSE);

  was_modified = rollout_history_get_modified (self);
  could_undo = rollout_history_can_undo (self);
  could_redo = rollout_history_can_redo (self);

  rollout_command_apply (command, self->project);

  /* A failed run changes no derived value: reverting is enough. */
  if (!reschedule_checked (self, error))
    {
      rollout_command_revert (command, self->project);
      return FALSE;
    }

  g_ptr_array_add (self->undo, g_object_ref (command));
  g_ptr_array_set_size (self->redo, 0);
  /* The saved state can no longer be reached by redoing. */
  if (self->saved_position > self->position)
    self->saved_position = -1;
  self->position++;

  changed (self, was_modified, could_undo, could_redo);
  return TRUE;
}

/**
 * rollout_history_undo:
 * @self: a #RolloutHistory
 *
 * Returns: %TRUE if there was something to undo
 */
gboolean
rollout_history_undo (RolloutHistory *self)
{
  gboolean was_modified, could_undo, could_redo;
  RolloutCommand *command;

  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;
  was_modified = rollout_history_get_modified (self);
  could_undo = rollout_history_can_undo (self);
  could_redo = rollout_history_can_redo (self);

  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  rollout_command_revert (command, self->project);
  g_ptr_array_add (self->redo, command);
  self->position--;

  reschedule (self);
  changed (self, was_modified, could_undo, could_redo);
  return TRUE;
}

/**
 * rollout_history_redo:
 * @self: a #RolloutHistory
 *
 * Returns: %TRUE if there was something to redo
 */
gboolean
rollout_history_redo (RolloutHistory *self)
{
  gboolean was_modified, could_undo, could_redo;
  RolloutCommand *command;

  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;
  was_modified = rollout_history_get_modified (self);
  could_undo = rollout_history_can_undo (self);
  could_redo = rollout_history_can_redo (self);

  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  rollout_command_apply (command, self->project);
  g_ptr_array_add (self->undo, command);
  self->position++;

  reschedule (self);
  changed (self, was_modified, could_undo, could_redo);
  return TRUE;
}

gboolean
rollout_history_can_undo (RolloutHistory *self)
{
  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
rollout_history_can_redo (RolloutHistory *self)
{
  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * rollout_history_get_undo_label:
 * @self: a #RolloutHistory
 *
 * Returns: (nullable): the label of the edit Undo would revert
 */
const char *
rollout_history_get_undo_label (RolloutHistory *self)
{
  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return rollout_command_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

/**
 * rollout_history_get_redo_label:
 * @self: a #RolloutHistory
 *
 * Returns: (nullable): the label of the edit Redo would make again
 */
const char *
rollout_history_get_redo_label (RolloutHistory *self)
{
  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return rollout_command_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

/**
 * rollout_history_get_modified:
 * @self: a #RolloutHistory
 *
 * Returns: %TRUE if the plan differs from what was last saved
 */
gboolean
rollout_history_get_modified (RolloutHistory *self)
{
  g_return_val_if_fail (ROLLOUT_IS_HISTORY (self), FALSE);

  return self->position != self->saved_position;
}

/**
 * rollout_history_set_saved:
 * @self: a #RolloutHistory
 *
 * Records that the plan as it is now was saved.
 */
void
rollout_history_set_saved (RolloutHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (ROLLOUT_IS_HISTORY (self));

  was_modified = rollout_history_get_modified (self);
  self->saved_position = self->position;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/**
 * rollout_history_set_modified:
 * @self: a #RolloutHistory
 *
 * Marks the plan as differing from any saved file, as for a recovered draft
 * or a new, untitled plan with content.
 */
void
rollout_history_set_modified (RolloutHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (ROLLOUT_IS_HISTORY (self));

  was_modified = rollout_history_get_modified (self);
  self->saved_position = -1;
  if (!was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/**
 * rollout_history_clear:
 * @self: a #RolloutHistory
 *
 * Forgets every command, as after reloading the plan from disk. The plan
 * counts as saved.
 */
void
rollout_history_clear (RolloutHistory *self)
{
  gboolean was_modified, could_undo, could_redo;

  g_return_if_fail (ROLLOUT_IS_HISTORY (self));

  was_modified = rollout_history_get_modified (self);
  could_undo = rollout_history_can_undo (self);
  could_redo = rollout_history_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->position = 0;
  self->saved_position = 0;
  changed (self, was_modified, could_undo, could_redo);
}
