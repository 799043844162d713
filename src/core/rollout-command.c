/* rollout-command.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Edits as commands.
 *
 * Every change to a plan is a command that can apply itself and revert
 * itself, so the project's history can undo and redo anything and tell
 * whether the plan differs from what was saved. There are few kinds: set
 * properties of one object (any property, including whole dependency lists
 * and checklists, which are values), insert an object into its collection,
 * remove one, and a group that applies several as one step. Richer edits
 * (delete a task and the references to it) are groups built from these.
 */

#define G_LOG_DOMAIN "rollout-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "rollout-command-private.h"

typedef struct
{
  char *label;
} RolloutCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RolloutCommand, rollout_command, G_TYPE_OBJECT)

static void
rollout_command_finalize (GObject *object)
{
  RolloutCommandPrivate *priv = rollout_command_get_instance_private (ROLLOUT_COMMAND (object));

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (rollout_command_parent_class)->finalize (object);
}

static void
rollout_command_class_init (RolloutCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_command_finalize;
}

static void
rollout_command_init (RolloutCommand *self)
{
}

static void
set_label (RolloutCommand *self,
           const char     *label)
{
  RolloutCommandPrivate *priv = rollout_command_get_instance_private (self);

  g_free (priv->label);
  priv->label = g_strdup (label);
}

/**
 * rollout_command_get_label:
 * @self: a #RolloutCommand
 *
 * Returns: what the command does, for menus and toasts ("Move ‘Train support’")
 */
const char *
rollout_command_get_label (RolloutCommand *self)
{
  RolloutCommandPrivate *priv = rollout_command_get_instance_private (self);

  g_return_val_if_fail (ROLLOUT_IS_COMMAND (self), NULL);

  return priv->label;
}

void
rollout_command_apply (RolloutCommand *self,
                       RolloutProject *project)
{
  g_return_if_fail (ROLLOUT_IS_COMMAND (self));

  ROLLOUT_COMMAND_GET_CLASS (self)->apply (self, project);
}

void
rollout_command_revert (RolloutCommand *self,
                        RolloutProject *project)
{
  g_return_if_fail (ROLLOUT_IS_COMMAND (self));

  ROLLOUT_COMMAND_GET_CLASS (self)->revert (self, project);
}

/* Set properties --------------------------------------------------------- */

#define ROLLOUT_TYPE_SET_COMMAND (rollout_set_command_get_type ())
G_DECLARE_FINAL_TYPE (RolloutSetCommand, rollout_set_command, ROLLOUT, SET_COMMAND, RolloutCommand)

struct _RolloutSetCommand
{
  RolloutCommand parent_instance;

  GObject *object;
  GPtrArray *names;     /* property names (interned) */
  GArray *old_values;   /* GValue */
  GArray *new_values;   /* GValue */
};

G_DEFINE_FINAL_TYPE (RolloutSetCommand, rollout_set_command, ROLLOUT_TYPE_COMMAND)

static GQuark
edits_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("rollout-edits");
  return quark;
}

/**
 * _rollout_command_count_edits:
 * @object: an object of a plan
 *
 * How many times commands set properties of @object: with the count of
 * changes each kind of object keeps in its setters, this tells the file
 * writer's cache that an object's text may have changed, whatever the
 * property.
 *
 * Returns: the count
 */
guint
_rollout_command_count_edits (gpointer object)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (object, edits_quark ()));
}

static void
set_values (RolloutSetCommand *self,
            GArray            *values)
{
  g_object_freeze_notify (self->object);
  for (guint i = 0; i < self->names->len; i++)
    g_object_set_property (self->object, g_ptr_array_index (self->names, i),
                           &g_array_index (values, GValue, i));
  g_object_set_qdata (self->object, edits_quark (),
                      GUINT_TO_POINTER (_rollout_command_count_edits (self->object) + 1));
  g_object_thaw_notify (self->object);
}

static void
rollout_set_command_apply (RolloutCommand *command,
                           RolloutProject *project)
{
  RolloutSetCommand *self = ROLLOUT_SET_COMMAND (command);

  set_values (self, self->new_values);
}

static void
rollout_set_command_revert (RolloutCommand *command,
                            RolloutProject *project)
{
  RolloutSetCommand *self = ROLLOUT_SET_COMMAND (command);

  set_values (self, self->old_values);
}

static void
rollout_set_command_finalize (GObject *object)
{
  RolloutSetCommand *self = (RolloutSetCommand *)object;

  g_clear_object (&self->object);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->old_values, g_array_unref);
  g_clear_pointer (&self->new_values, g_array_unref);

  G_OBJECT_CLASS (rollout_set_command_parent_class)->finalize (object);
}

static void
rollout_set_command_class_init (RolloutSetCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_set_command_finalize;
  ROLLOUT_COMMAND_CLASS (klass)->apply = rollout_set_command_apply;
  ROLLOUT_COMMAND_CLASS (klass)->revert = rollout_set_command_revert;
}

static void
rollout_set_command_init (RolloutSetCommand *self)
{
  self->names = g_ptr_array_new ();
  self->old_values = g_array_new (FALSE, TRUE, sizeof (GValue));
  self->new_values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (self->old_values, (GDestroyNotify) g_value_unset);
  g_array_set_clear_func (self->new_values, (GDestroyNotify) g_value_unset);
}

/* Records @property's current value as the old one and @value as the new. */
static gboolean
set_command_add (RolloutSetCommand *self,
                 const char        *property,
                 const GValue      *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->object), property);
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, FALSE);
  g_return_val_if_fail ((pspec->flags & G_PARAM_WRITABLE) && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY), FALSE);

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (self->object, pspec->name, &old_value);
  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    {
      g_critical ("Cannot set %s.%s from a %s", G_OBJECT_TYPE_NAME (self->object),
                  pspec->name, G_VALUE_TYPE_NAME (value));
      g_value_unset (&old_value);
      g_value_unset (&new_value);
      return FALSE;
    }
  g_ptr_array_add (self->names, (gpointer) g_intern_string (pspec->name));
  g_array_append_val (self->old_values, old_value);
  g_array_append_val (self->new_values, new_value);
  return TRUE;
}

/**
 * rollout_command_new_set:
 * @object: a task, phase, team, risk, metric, feedback entry or the project
 * @property: a writable property of @object
 * @value: the new value
 * @label: what the edit does, for the Undo menu
 *
 * The current value is recorded now, as the one to go back to.
 *
 * Returns: (transfer full): a new command
 */
RolloutCommand *
rollout_command_new_set (gpointer      object,
                         const char   *property,
                         const GValue *value,
                         const char   *label)
{
  RolloutSetCommand *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  self = g_object_new (ROLLOUT_TYPE_SET_COMMAND, NULL);
  self->object = g_object_ref (object);
  set_label (ROLLOUT_COMMAND (self), label);
  set_command_add (self, property, value);
  return ROLLOUT_COMMAND (self);
}

/**
 * rollout_command_new_set_many:
 * @object: the object to change
 * @label: what the edit does
 * @first_property: the first property name, followed by its value (as
 *   g_object_set() takes it), then more pairs, then %NULL
 *
 * Returns: (transfer full): a command that sets all of them in one step
 */
RolloutCommand *
rollout_command_new_set_many (gpointer    object,
                              const char *label,
                              const char *first_property,
                              ...)
{
  RolloutSetCommand *self;
  const char *name;
  va_list args;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  self = g_object_new (ROLLOUT_TYPE_SET_COMMAND, NULL);
  self->object = g_object_ref (object);
  set_label (ROLLOUT_COMMAND (self), label);

  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          g_value_unset (&value);
          break;
        }
      set_command_add (self, name, &value);
      g_value_unset (&value);
    }
  va_end (args);

  return ROLLOUT_COMMAND (self);
}

/* Insert and remove ------------------------------------------------------- */

#define ROLLOUT_TYPE_MEMBER_COMMAND (rollout_member_command_get_type ())
G_DECLARE_FINAL_TYPE (RolloutMemberCommand, rollout_member_command, ROLLOUT, MEMBER_COMMAND, RolloutCommand)

struct _RolloutMemberCommand
{
  RolloutCommand parent_instance;

  GObject *object;
  int position;        /* where it goes or was; -1 appends */
  gboolean insert;     /* else remove */
};

G_DEFINE_FINAL_TYPE (RolloutMemberCommand, rollout_member_command, ROLLOUT_TYPE_COMMAND)

static void
insert_object (RolloutProject *project,
               GObject        *object,
               int             position)
{
  gboolean ok = FALSE;

  if (ROLLOUT_IS_TASK (object))
    ok = rollout_project_insert_task (project, ROLLOUT_TASK (object), position);
  else if (ROLLOUT_IS_PHASE (object))
    ok = rollout_project_insert_phase (project, ROLLOUT_PHASE (object), position);
  else if (ROLLOUT_IS_TEAM (object))
    ok = rollout_project_insert_team (project, ROLLOUT_TEAM (object), position);
  else if (ROLLOUT_IS_RISK (object))
    ok = rollout_project_insert_risk (project, ROLLOUT_RISK (object), position);
  else if (ROLLOUT_IS_METRIC (object))
    ok = rollout_project_insert_metric (project, ROLLOUT_METRIC (object), position);
  else if (ROLLOUT_IS_FEEDBACK (object))
    ok = rollout_project_insert_feedback (project, ROLLOUT_FEEDBACK (object), position);
  if (!ok)
    g_critical ("Could not insert a %s: its id is taken", G_OBJECT_TYPE_NAME (object));
}

static void
rollout_member_command_apply (RolloutCommand *command,
                              RolloutProject *project)
{
  RolloutMemberCommand *self = ROLLOUT_MEMBER_COMMAND (command);

  if (self->insert)
    insert_object (project, self->object, self->position);
  else
    self->position = rollout_project_remove (project, self->object);
}

static void
rollout_member_command_revert (RolloutCommand *command,
                               RolloutProject *project)
{
  RolloutMemberCommand *self = ROLLOUT_MEMBER_COMMAND (command);

  if (self->insert)
    rollout_project_remove (project, self->object);
  else if (self->position >= 0)
    insert_object (project, self->object, self->position);
}

static void
rollout_member_command_finalize (GObject *object)
{
  RolloutMemberCommand *self = (RolloutMemberCommand *)object;

  g_clear_object (&self->object);

  G_OBJECT_CLASS (rollout_member_command_parent_class)->finalize (object);
}

static void
rollout_member_command_class_init (RolloutMemberCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_member_command_finalize;
  ROLLOUT_COMMAND_CLASS (klass)->apply = rollout_member_command_apply;
  ROLLOUT_COMMAND_CLASS (klass)->revert = rollout_member_command_revert;
}

static void
rollout_member_command_init (RolloutMemberCommand *self)
{
}

/**
 * rollout_command_new_insert:
 * @object: a new task, phase, team, risk, metric or feedback entry
 * @position: where in its collection, or -1 to append
 * @label: what the edit does
 *
 * Returns: (transfer full): a new command
 */
RolloutCommand *
rollout_command_new_insert (gpointer    object,
                            int         position,
                            const char *label)
{
  RolloutMemberCommand *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  self = g_object_new (ROLLOUT_TYPE_MEMBER_COMMAND, NULL);
  self->object = g_object_ref (object);
  self->position = position;
  self->insert = TRUE;
  set_label (ROLLOUT_COMMAND (self), label);
  return ROLLOUT_COMMAND (self);
}

/**
 * rollout_command_new_remove:
 * @object: an object of the project
 * @label: what the edit does
 *
 * Removes @object alone; see rollout_command_new_delete_task() for a task
 * and the references to it.
 *
 * Returns: (transfer full): a new command
 */
RolloutCommand *
rollout_command_new_remove (gpointer    object,
                            const char *label)
{
  RolloutMemberCommand *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  self = g_object_new (ROLLOUT_TYPE_MEMBER_COMMAND, NULL);
  self->object = g_object_ref (object);
  self->position = -1;
  self->insert = FALSE;
  set_label (ROLLOUT_COMMAND (self), label);
  return ROLLOUT_COMMAND (self);
}

/* Groups ------------------------------------------------------------------ */

#define ROLLOUT_TYPE_GROUP_COMMAND (rollout_group_command_get_type ())
G_DECLARE_FINAL_TYPE (RolloutGroupCommand, rollout_group_command, ROLLOUT, GROUP_COMMAND, RolloutCommand)

struct _RolloutGroupCommand
{
  RolloutCommand parent_instance;

  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (RolloutGroupCommand, rollout_group_command, ROLLOUT_TYPE_COMMAND)

static void
rollout_group_command_apply (RolloutCommand *command,
                             RolloutProject *project)
{
  RolloutGroupCommand *self = ROLLOUT_GROUP_COMMAND (command);

  for (guint i = 0; i < self->commands->len; i++)
    rollout_command_apply (g_ptr_array_index (self->commands, i), project);
}

static void
rollout_group_command_revert (RolloutCommand *command,
                              RolloutProject *project)
{
  RolloutGroupCommand *self = ROLLOUT_GROUP_COMMAND (command);

  for (guint i = self->commands->len; i > 0; i--)
    rollout_command_revert (g_ptr_array_index (self->commands, i - 1), project);
}

static void
rollout_group_command_finalize (GObject *object)
{
  RolloutGroupCommand *self = (RolloutGroupCommand *)object;

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (rollout_group_command_parent_class)->finalize (object);
}

static void
rollout_group_command_class_init (RolloutGroupCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_group_command_finalize;
  ROLLOUT_COMMAND_CLASS (klass)->apply = rollout_group_command_apply;
  ROLLOUT_COMMAND_CLASS (klass)->revert = rollout_group_command_revert;
}

static void
rollout_group_command_init (RolloutGroupCommand *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rollout_command_new_group:
 * @label: what the whole edit does
 *
 * Returns: (transfer full): an empty group; commands added to it apply in
 *   order and revert in reverse order, as one step of the history
 */
RolloutCommand *
rollout_command_new_group (const char *label)
{
  RolloutCommand *self = g_object_new (ROLLOUT_TYPE_GROUP_COMMAND, NULL);

  set_label (self, label);
  return self;
}

/**
 * rollout_command_group_add:
 * @group: a group command
 * @command: (transfer full): a command to run after the others
 */
void
rollout_command_group_add (RolloutCommand *group,
                           RolloutCommand *command)
{
  g_return_if_fail (ROLLOUT_IS_GROUP_COMMAND (group));
  g_return_if_fail (ROLLOUT_IS_COMMAND (command));

  g_ptr_array_add (ROLLOUT_GROUP_COMMAND (group)->commands, command);
}

guint
rollout_command_group_get_size (RolloutCommand *group)
{
  g_return_val_if_fail (ROLLOUT_IS_GROUP_COMMAND (group), 0);

  return ROLLOUT_GROUP_COMMAND (group)->commands->len;
}

/* Compound edits ---------------------------------------------------------- */

/**
 * rollout_command_new_delete_task:
 * @project: the project
 * @task: one of its tasks
 *
 * Deletes @task and every reference to it: other tasks' dependencies on
 * it, risks' links to it and feedback entries' links to it.
 *
 * Returns: (transfer full): a new command
 */
RolloutCommand *
rollout_command_new_delete_task (RolloutProject *project,
                                 RolloutTask    *task)
{
  g_autofree char *label = NULL;
  RolloutCommand *group;
  const char *id;
  GListModel *model;
  guint n;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_TASK (task), NULL);

  id = rollout_task_get_id (task);
  label = g_strdup_printf (_("Delete ‘%s’"), rollout_task_get_name (task));
  group = rollout_command_new_group (label);

  model = rollout_project_get_tasks (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTask) other = g_list_model_get_item (model, i);
      GPtrArray *deps = rollout_task_get_dependencies (other);
      g_autoptr(GPtrArray) kept = NULL;

      if (other == task)
        continue;
      kept = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
      for (guint d = 0; d < deps->len; d++)
        {
          RolloutDependency *dep = g_ptr_array_index (deps, d);

          if (g_strcmp0 (dep->task_id, id) != 0)
            g_ptr_array_add (kept, rollout_dependency_copy (dep));
        }
      if (kept->len == deps->len)
        continue;
      rollout_command_group_add (group,
                                 rollout_command_new_set_many (other, label, "dependencies", kept, NULL));
    }

  model = rollout_project_get_risks (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutRisk) risk = g_list_model_get_item (model, i);
      const char * const *ids = rollout_risk_get_task_ids (risk);
      g_autoptr(GStrvBuilder) builder = NULL;
      g_auto(GStrv) kept = NULL;

      if (ids == NULL || !g_strv_contains (ids, id))
        continue;
      builder = g_strv_builder_new ();
      for (guint k = 0; ids[k]; k++)
        if (g_strcmp0 (ids[k], id) != 0)
          g_strv_builder_add (builder, ids[k]);
      kept = g_strv_builder_end (builder);
      rollout_command_group_add (group,
                                 rollout_command_new_set_many (risk, label, "task-ids", kept, NULL));
    }

  model = rollout_project_get_feedback (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutFeedback) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (rollout_feedback_get_task_id (entry), id) == 0)
        rollout_command_group_add (group,
                                   rollout_command_new_set_many (entry, label, "task-id", NULL, NULL));
    }

  rollout_command_group_add (group, rollout_command_new_remove (task, label));
  return group;
}

/* Adds @assessment to @history after every entry dated on or before it,
 * so the history stays oldest first. */
static void
insert_assessment (GPtrArray         *history,
                   RolloutAssessment *assessment)
{
  guint at = history->len;

  while (at > 0 && ((RolloutAssessment *) g_ptr_array_index (history, at - 1))->date > assessment->date)
    at--;
  g_ptr_array_insert (history, at, assessment);
}

/**
 * rollout_command_new_reassess_risk:
 * @risk: a risk
 * @likelihood: its new likelihood, 1–5
 * @impact: its new impact, 1–5
 * @date: the day of the assessment
 *
 * Gives @risk a new likelihood and impact and records them, dated, in its
 * history. When the history does not end with the assessment being
 * replaced (a risk never assessed before, or one edited without recording
 * it), that assessment is recorded first, with the same date, so the
 * history keeps where the risk came from and its trend can be told.
 *
 * Returns: (transfer full): a new command, one step of the history
 */
RolloutCommand *
rollout_command_new_reassess_risk (RolloutRisk *risk,
                                   int          likelihood,
                                   int          impact,
                                   RolloutDate  date)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *label = NULL;
  GPtrArray *current;
  int old_likelihood, old_impact;
  const char *title;

  g_return_val_if_fail (ROLLOUT_IS_RISK (risk), NULL);
  g_return_val_if_fail (likelihood >= 1 && likelihood <= 5, NULL);
  g_return_val_if_fail (impact >= 1 && impact <= 5, NULL);
  g_return_val_if_fail (date != ROLLOUT_DATE_NONE, NULL);

  old_likelihood = rollout_risk_get_likelihood (risk);
  old_impact = rollout_risk_get_impact (risk);
  current = rollout_risk_get_history (risk);
  history = current != NULL
    ? rollout_ptr_array_copy (current, (GBoxedCopyFunc) rollout_assessment_copy, (GDestroyNotify) rollout_assessment_free)
    : g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_assessment_free);

  if (history->len == 0 ||
      ((RolloutAssessment *) g_ptr_array_index (history, history->len - 1))->likelihood != old_likelihood ||
      ((RolloutAssessment *) g_ptr_array_index (history, history->len - 1))->impact != old_impact)
    insert_assessment (history, rollout_assessment_new (date, old_likelihood, old_impact));
  insert_assessment (history, rollout_assessment_new (date, likelihood, impact));

  title = rollout_risk_get_title (risk);
  /* Translators: the title of a risk */
  label = g_strdup_printf (_("Re-assess ‘%s’"), title != NULL ? title : rollout_risk_get_id (risk));
  return rollout_command_new_set_many (risk, label,
                                      "likelihood", likelihood,
                                      "impact", impact,
                                      "history", history,
                                      NULL);
}
