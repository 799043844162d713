/* rollout-task.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout-task"

#include "config.h"

#include "rollout-task-private.h"

struct _RolloutTask
{
  GObject parent_instance;

  char *id;

  char *name;
  char *phase_id;
  char *team_id;
  char *owner;
  int duration;
  RolloutDate start_no_earlier_than;
  GPtrArray *dependencies;
  RolloutTaskStatus status;
  int progress;
  char *blocked_reason;
  char *notes;
  GPtrArray *checklist;
  JsonObject *extra;

  /* Derived by the scheduler, never stored in the file. */
  RolloutDate start;
  RolloutDate finish;
  int total_slack;
  guint critical : 1;

  /* Counts changes of what the file stores (not of the derived values),
   * so that the scheduler and the writer can tell what changed. Counted
   * in the setters: a notify handler would make every notification of
   * every task go through a signal emission. */
  guint revision;
};

G_DEFINE_FINAL_TYPE (RolloutTask, rollout_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PHASE_ID,
  PROP_TEAM_ID,
  PROP_OWNER,
  PROP_DURATION,
  PROP_START_NO_EARLIER_THAN,
  PROP_DEPENDENCIES,
  PROP_STATUS,
  PROP_PROGRESS,
  PROP_BLOCKED_REASON,
  PROP_NOTES,
  PROP_CHECKLIST,
  PROP_START,
  PROP_FINISH,
  PROP_TOTAL_SLACK,
  PROP_CRITICAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rollout_task_finalize (GObject *object)
{
  RolloutTask *self = (RolloutTask *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phase_id, g_free);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->dependencies, g_ptr_array_unref);
  g_clear_pointer (&self->blocked_reason, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_task_parent_class)->finalize (object);
}

static void
rollout_task_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RolloutTask *self = ROLLOUT_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PHASE_ID:
      g_value_set_string (value, self->phase_id);
      break;

    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;

    case PROP_START_NO_EARLIER_THAN:
      g_value_set_uint (value, self->start_no_earlier_than);
      break;

    case PROP_DEPENDENCIES:
      g_value_set_boxed (value, self->dependencies);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PROGRESS:
      g_value_set_int (value, self->progress);
      break;

    case PROP_BLOCKED_REASON:
      g_value_set_string (value, self->blocked_reason);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CHECKLIST:
      g_value_set_boxed (value, self->checklist);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_FINISH:
      g_value_set_uint (value, self->finish);
      break;

    case PROP_TOTAL_SLACK:
      g_value_set_int (value, self->total_slack);
      break;

    case PROP_CRITICAL:
      g_value_set_boolean (value, self->critical);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_task_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RolloutTask *self = ROLLOUT_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      rollout_task_set_name (self, g_value_get_string (value));
      break;

    case PROP_PHASE_ID:
      rollout_task_set_phase_id (self, g_value_get_string (value));
      break;

    case PROP_TEAM_ID:
      rollout_task_set_team_id (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      rollout_task_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DURATION:
      rollout_task_set_duration (self, g_value_get_int (value));
      break;

    case PROP_START_NO_EARLIER_THAN:
      rollout_task_set_start_no_earlier_than (self, g_value_get_uint (value));
      break;

    case PROP_DEPENDENCIES:
      rollout_task_set_dependencies (self, g_value_get_boxed (value));
      break;

    case PROP_STATUS:
      rollout_task_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PROGRESS:
      rollout_task_set_progress (self, g_value_get_int (value));
      break;

    case PROP_BLOCKED_REASON:
      rollout_task_set_blocked_reason (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      rollout_task_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CHECKLIST:
      rollout_task_set_checklist (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_task_class_init (RolloutTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_task_finalize;
  object_class->get_property = rollout_task_get_property;
  object_class->set_property = rollout_task_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHASE_ID] =
    g_param_spec_string ("phase-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEAM_ID] =
    g_param_spec_string ("team-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL,
                      0, 10000, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START_NO_EARLIER_THAN] =
    g_param_spec_uint ("start-no-earlier-than", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEPENDENCIES] =
    g_param_spec_boxed ("dependencies", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       ROLLOUT_TYPE_TASK_STATUS, ROLLOUT_TASK_STATUS_TODO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PROGRESS] =
    g_param_spec_int ("progress", NULL, NULL,
                      0, 100, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BLOCKED_REASON] =
    g_param_spec_string ("blocked-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHECKLIST] =
    g_param_spec_boxed ("checklist", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START] =
    g_param_spec_uint ("start", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FINISH] =
    g_param_spec_uint ("finish", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TOTAL_SLACK] =
    g_param_spec_int ("total-slack", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CRITICAL] =
    g_param_spec_boolean ("critical", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_task_init (RolloutTask *self)
{
  self->duration = 1;
  self->dependencies = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  self->status = ROLLOUT_TASK_STATUS_TODO;
  self->checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_checklist_item_free);
}

RolloutTask *
rollout_task_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ROLLOUT_TYPE_TASK, "id", id, NULL);
}

const char *
rollout_task_get_id (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->id;
}

const char *
rollout_task_get_name (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->name;
}

void
rollout_task_set_name (RolloutTask *self,
                       const char *name)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
rollout_task_get_phase_id (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->phase_id;
}

void
rollout_task_set_phase_id (RolloutTask *self,
                           const char *phase_id)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (phase_id != NULL && *phase_id == '\0')
    phase_id = NULL;
  if (g_strcmp0 (self->phase_id, phase_id) == 0)
    return;
  g_free (self->phase_id);
  self->phase_id = g_strdup (phase_id);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHASE_ID]);
}

const char *
rollout_task_get_team_id (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->team_id;
}

void
rollout_task_set_team_id (RolloutTask *self,
                          const char *team_id)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (team_id != NULL && *team_id == '\0')
    team_id = NULL;
  if (g_strcmp0 (self->team_id, team_id) == 0)
    return;
  g_free (self->team_id);
  self->team_id = g_strdup (team_id);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEAM_ID]);
}

const char *
rollout_task_get_owner (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->owner;
}

void
rollout_task_set_owner (RolloutTask *self,
                        const char *owner)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (owner != NULL && *owner == '\0')
    owner = NULL;
  if (g_strcmp0 (self->owner, owner) == 0)
    return;
  g_free (self->owner);
  self->owner = g_strdup (owner);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER]);
}

int
rollout_task_get_duration (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), 0);

  return self->duration;
}

void
rollout_task_set_duration (RolloutTask *self,
                           int duration)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  g_return_if_fail (duration >= 0 && duration <= 10000);

  if (self->duration == duration)
    return;
  self->duration = duration;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DURATION]);
}

RolloutDate
rollout_task_get_start_no_earlier_than (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), 0);

  return self->start_no_earlier_than;
}

void
rollout_task_set_start_no_earlier_than (RolloutTask *self,
                                        RolloutDate start_no_earlier_than)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (self->start_no_earlier_than == start_no_earlier_than)
    return;
  self->start_no_earlier_than = start_no_earlier_than;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START_NO_EARLIER_THAN]);
}

/**
 * rollout_task_get_dependencies:
 * @self: a #RolloutTask
 *
 * Returns: (transfer none) (element-type RolloutDependency): the dependencies; do not modify
 */
GPtrArray *
rollout_task_get_dependencies (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->dependencies;
}

/**
 * rollout_task_set_dependencies:
 * @self: a #RolloutTask
 * @dependencies: (nullable) (element-type RolloutDependency): the new dependencies, copied
 */
void
rollout_task_set_dependencies (RolloutTask *self,
                               GPtrArray *dependencies)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (dependencies == self->dependencies)
    return;
  g_clear_pointer (&self->dependencies, g_ptr_array_unref);
  self->dependencies = rollout_ptr_array_copy (dependencies, (GBoxedCopyFunc) rollout_dependency_copy, (GDestroyNotify) rollout_dependency_free);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEPENDENCIES]);
}

RolloutTaskStatus
rollout_task_get_status (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), 0);

  return self->status;
}

void
rollout_task_set_status (RolloutTask *self,
                         RolloutTaskStatus status)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (self->status == status)
    return;
  self->status = status;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

int
rollout_task_get_progress (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), 0);

  return self->progress;
}

void
rollout_task_set_progress (RolloutTask *self,
                           int progress)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  g_return_if_fail (progress >= 0 && progress <= 100);

  if (self->progress == progress)
    return;
  self->progress = progress;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRESS]);
}

/**
 * rollout_task_get_blocked_reason:
 * @self: a #RolloutTask
 *
 * Returns: (nullable): what the task waits for while it is blocked ("Finance
 *   to approve the refund limit"), or %NULL
 */
const char *
rollout_task_get_blocked_reason (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->blocked_reason;
}

/**
 * rollout_task_set_blocked_reason:
 * @self: a #RolloutTask
 * @blocked_reason: (nullable): what the task waits for; empty means none
 */
void
rollout_task_set_blocked_reason (RolloutTask *self,
                                 const char  *blocked_reason)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (blocked_reason != NULL && *blocked_reason == '\0')
    blocked_reason = NULL;
  if (g_strcmp0 (self->blocked_reason, blocked_reason) == 0)
    return;
  g_free (self->blocked_reason);
  self->blocked_reason = g_strdup (blocked_reason);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLOCKED_REASON]);
}

const char *
rollout_task_get_notes (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->notes;
}

void
rollout_task_set_notes (RolloutTask *self,
                        const char *notes)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (notes != NULL && *notes == '\0')
    notes = NULL;
  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

/**
 * rollout_task_get_checklist:
 * @self: a #RolloutTask
 *
 * Returns: (transfer none) (element-type RolloutChecklistItem): the checklist; do not modify
 */
GPtrArray *
rollout_task_get_checklist (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->checklist;
}

/**
 * rollout_task_set_checklist:
 * @self: a #RolloutTask
 * @checklist: (nullable) (element-type RolloutChecklistItem): the new checklist, copied
 */
void
rollout_task_set_checklist (RolloutTask *self,
                            GPtrArray *checklist)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  if (checklist == self->checklist)
    return;
  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  self->checklist = rollout_ptr_array_copy (checklist, (GBoxedCopyFunc) rollout_checklist_item_copy, (GDestroyNotify) rollout_checklist_item_free);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHECKLIST]);
}

/**
 * rollout_task_get_extra:
 * @self: a #RolloutTask
 *
 * Returns: (transfer none) (nullable): members of the file this version does
 *   not know, kept to be written back
 */
JsonObject *
rollout_task_get_extra (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), NULL);

  return self->extra;
}

void
rollout_task_set_extra (RolloutTask *self,
                       JsonObject *extra)
{
  g_return_if_fail (ROLLOUT_IS_TASK (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
  self->revision++;
}

gboolean
rollout_task_is_milestone (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), FALSE);

  return self->duration == 0;
}

/**
 * rollout_task_get_start:
 * @self: a #RolloutTask
 *
 * Returns: the scheduled first working day, or %ROLLOUT_DATE_NONE before the
 *   project was scheduled
 */
RolloutDate
rollout_task_get_start (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), 0);

  return self->start;
}

/**
 * rollout_task_get_finish:
 * @self: a #RolloutTask
 *
 * Returns: the scheduled last working day (the start day for a milestone)
 */
RolloutDate
rollout_task_get_finish (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), 0);

  return self->finish;
}

/**
 * rollout_task_get_total_slack:
 * @self: a #RolloutTask
 *
 * Returns: how many working days the task may slip without delaying the
 *   project's finish
 */
int
rollout_task_get_total_slack (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), 0);

  return self->total_slack;
}

gboolean
rollout_task_get_critical (RolloutTask *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK (self), FALSE);

  return self->critical;
}

void
_rollout_task_set_schedule (RolloutTask *self,
                            RolloutDate  start,
                            RolloutDate  finish,
                            int          total_slack,
                            gboolean     critical)
{
  GObject *object = G_OBJECT (self);
  GParamSpec *changed[4];
  guint n_changed = 0;

  critical = !!critical;
  if (self->start != start)
    {
      self->start = start;
      changed[n_changed++] = properties [PROP_START];
    }
  if (self->finish != finish)
    {
      self->finish = finish;
      changed[n_changed++] = properties [PROP_FINISH];
    }
  if (self->total_slack != total_slack)
    {
      self->total_slack = total_slack;
      changed[n_changed++] = properties [PROP_TOTAL_SLACK];
    }
  if (self->critical != critical)
    {
      self->critical = critical;
      changed[n_changed++] = properties [PROP_CRITICAL];
    }

  /* Rescheduling a big plan changes the slack of thousands of tasks:
   * freezing notifications costs more than one notification. */
  if (n_changed > 1)
    g_object_freeze_notify (object);
  for (guint i = 0; i < n_changed; i++)
    g_object_notify_by_pspec (object, changed[i]);
  if (n_changed > 1)
    g_object_thaw_notify (object);
}

/* How many times what the file stores of @self has changed: a different
 * number means different text. */
guint
_rollout_task_get_revision (RolloutTask *self)
{
  return self->revision;
}
