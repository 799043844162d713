/* rollout-project.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document. Each collection is a GListStore (so views bind to it) with
 * an id index beside it (so references resolve in O(1)). The stores are only
 * changed through this API, which keeps the two in step. */

#define G_LOG_DOMAIN "rollout-project"

#include "config.h"

#include "rollout-project-private.h"

typedef enum {
  KIND_TEAM,
  KIND_PHASE,
  KIND_TASK,
  KIND_RISK,
  KIND_METRIC,
  KIND_FEEDBACK,
  N_KINDS
} Kind;

typedef struct {
  GListStore *store;
  GHashTable *by_id;   /* id (owned by the object) → object */
  guint       revision; /* counts insertions and removals */
} Collection;

struct _RolloutProject
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *owner;
  char *created;
  char *modified;
  RolloutDate start;
  RolloutCalendar *calendar;
  int wip_limits[ROLLOUT_N_TASK_STATUSES]; /* 0 = no limit */
  JsonObject *extra;

  Collection collections[N_KINDS];
};

G_DEFINE_FINAL_TYPE (RolloutProject, rollout_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_START,
  /* One per task status, in the order of RolloutTaskStatus. */
  PROP_WIP_LIMIT_TODO,
  PROP_WIP_LIMIT_IN_PROGRESS,
  PROP_WIP_LIMIT_BLOCKED,
  PROP_WIP_LIMIT_DONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
kind_type (Kind kind)
{
  switch (kind)
    {
    case KIND_TEAM: return ROLLOUT_TYPE_TEAM;
    case KIND_PHASE: return ROLLOUT_TYPE_PHASE;
    case KIND_TASK: return ROLLOUT_TYPE_TASK;
    case KIND_RISK: return ROLLOUT_TYPE_RISK;
    case KIND_METRIC: return ROLLOUT_TYPE_METRIC;
    case KIND_FEEDBACK: return ROLLOUT_TYPE_FEEDBACK;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
kind_of_type (GType  type,
              Kind  *out_kind)
{
  for (int k = 0; k < N_KINDS; k++)
    if (kind_type (k) == type)
      {
        *out_kind = k;
        return TRUE;
      }
  return FALSE;
}

static const char *
object_id (gpointer object)
{
  if (ROLLOUT_IS_TASK (object))
    return rollout_task_get_id (object);
  if (ROLLOUT_IS_PHASE (object))
    return rollout_phase_get_id (object);
  if (ROLLOUT_IS_TEAM (object))
    return rollout_team_get_id (object);
  if (ROLLOUT_IS_RISK (object))
    return rollout_risk_get_id (object);
  if (ROLLOUT_IS_METRIC (object))
    return rollout_metric_get_id (object);
  if (ROLLOUT_IS_FEEDBACK (object))
    return rollout_feedback_get_id (object);
  g_return_val_if_reached (NULL);
}

static gboolean
collection_insert (Collection *c,
                   gpointer    object,
                   int         position)
{
  const char *id = object_id (object);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (c->store));

  if (id == NULL || g_hash_table_contains (c->by_id, id))
    return FALSE;
  g_hash_table_insert (c->by_id, (gpointer) id, object);
  c->revision++;
  if (position < 0 || (guint) position >= n)
    g_list_store_append (c->store, object);
  else
    g_list_store_insert (c->store, position, object);
  return TRUE;
}

static void
rollout_project_finalize (GObject *object)
{
  RolloutProject *self = (RolloutProject *)object;

  for (int k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&self->collections[k].by_id, g_hash_table_unref);
      g_clear_object (&self->collections[k].store);
    }
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_project_parent_class)->finalize (object);
}

static void
rollout_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RolloutProject *self = ROLLOUT_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_WIP_LIMIT_TODO:
    case PROP_WIP_LIMIT_IN_PROGRESS:
    case PROP_WIP_LIMIT_BLOCKED:
    case PROP_WIP_LIMIT_DONE:
      g_value_set_int (value, self->wip_limits[prop_id - PROP_WIP_LIMIT_TODO]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_project_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RolloutProject *self = ROLLOUT_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      rollout_project_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rollout_project_set_description (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      rollout_project_set_owner (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      rollout_project_set_created (self, g_value_get_string (value));
      break;

    case PROP_MODIFIED:
      rollout_project_set_modified (self, g_value_get_string (value));
      break;

    case PROP_START:
      rollout_project_set_start (self, g_value_get_uint (value));
      break;

    case PROP_WIP_LIMIT_TODO:
    case PROP_WIP_LIMIT_IN_PROGRESS:
    case PROP_WIP_LIMIT_BLOCKED:
    case PROP_WIP_LIMIT_DONE:
      rollout_project_set_wip_limit (self, prop_id - PROP_WIP_LIMIT_TODO, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_project_class_init (RolloutProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rollout_project_finalize;
  object_class->get_property = rollout_project_get_property;
  object_class->set_property = rollout_project_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties [PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties [PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL, flags);
  properties [PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT32, 0, flags);
  for (int status = 0; status < ROLLOUT_N_TASK_STATUSES; status++)
    properties [PROP_WIP_LIMIT_TODO + status] =
      g_param_spec_int (rollout_project_wip_limit_property (status), NULL, NULL,
                        0, ROLLOUT_WIP_LIMIT_MAX, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_project_init (RolloutProject *self)
{
  self->calendar = rollout_calendar_new ();
  for (int k = 0; k < N_KINDS; k++)
    {
      self->collections[k].store = g_list_store_new (kind_type (k));
      self->collections[k].by_id = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/**
 * rollout_project_new:
 * @id: a stable id for the plan
 *
 * Returns: (transfer full): an empty plan
 */
RolloutProject *
rollout_project_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ROLLOUT_TYPE_PROJECT, "id", id, NULL);
}

const char *
rollout_project_get_id (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->id;
}

static void
set_string (RolloutProject  *self,
            char           **field,
            const char      *value,
            int              prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

const char *
rollout_project_get_name (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->name;
}

void
rollout_project_set_name (RolloutProject *self,
                          const char     *name)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));

  set_string (self, &self->name, name, PROP_NAME);
}

const char *
rollout_project_get_description (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->description;
}

void
rollout_project_set_description (RolloutProject *self,
                                 const char     *description)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));

  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

const char *
rollout_project_get_owner (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->owner;
}

void
rollout_project_set_owner (RolloutProject *self,
                           const char     *owner)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));

  set_string (self, &self->owner, owner, PROP_OWNER);
}

const char *
rollout_project_get_created (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->created;
}

void
rollout_project_set_created (RolloutProject *self,
                             const char     *created)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));

  set_string (self, &self->created, created, PROP_CREATED);
}

const char *
rollout_project_get_modified (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->modified;
}

void
rollout_project_set_modified (RolloutProject *self,
                              const char     *modified)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));

  set_string (self, &self->modified, modified, PROP_MODIFIED);
}

RolloutDate
rollout_project_get_start (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), 0);

  return self->start;
}

void
rollout_project_set_start (RolloutProject *self,
                           RolloutDate     start)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));

  if (self->start == start)
    return;
  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
}

/**
 * rollout_project_wip_limit_property:
 * @status: a task status
 *
 * The name of the property that holds @status's WIP limit, for commands.
 *
 * Returns: "wip-limit-in-progress" and so on
 */
const char *
rollout_project_wip_limit_property (RolloutTaskStatus status)
{
  static const char *names[ROLLOUT_N_TASK_STATUSES] = {
    "wip-limit-todo", "wip-limit-in-progress", "wip-limit-blocked", "wip-limit-done",
  };

  g_return_val_if_fail ((guint) status < ROLLOUT_N_TASK_STATUSES, NULL);

  return names[status];
}

/**
 * rollout_project_get_wip_limit:
 * @self: a #RolloutProject
 * @status: a task status
 *
 * Returns: how many tasks the team agreed to have in @status at a time (the
 *   board's work-in-progress limit for that column), or 0 for no limit
 */
int
rollout_project_get_wip_limit (RolloutProject    *self,
                               RolloutTaskStatus  status)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), 0);
  g_return_val_if_fail ((guint) status < ROLLOUT_N_TASK_STATUSES, 0);

  return self->wip_limits[status];
}

/**
 * rollout_project_set_wip_limit:
 * @self: a #RolloutProject
 * @status: a task status
 * @limit: at most this many tasks in @status, 0 for no limit
 */
void
rollout_project_set_wip_limit (RolloutProject    *self,
                               RolloutTaskStatus  status,
                               int                limit)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));
  g_return_if_fail ((guint) status < ROLLOUT_N_TASK_STATUSES);
  g_return_if_fail (limit >= 0 && limit <= ROLLOUT_WIP_LIMIT_MAX);

  if (self->wip_limits[status] == limit)
    return;
  self->wip_limits[status] = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WIP_LIMIT_TODO + status]);
}

/**
 * rollout_project_get_calendar:
 * @self: a #RolloutProject
 *
 * Returns: (transfer none): the working-day calendar
 */
RolloutCalendar *
rollout_project_get_calendar (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->calendar;
}

JsonObject *
rollout_project_get_extra (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);

  return self->extra;
}

void
rollout_project_set_extra (RolloutProject *self,
                           JsonObject     *extra)
{
  g_return_if_fail (ROLLOUT_IS_PROJECT (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
}

/* Lookup and insertion are the same for every collection. */
#define COLLECTION_API(Type, type, KIND, IS_TYPE)                             \
Rollout##Type *                                                               \
rollout_project_lookup_##type (RolloutProject *self,                          \
                               const char     *id)                            \
{                                                                             \
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);                     \
                                                                              \
  if (id == NULL)                                                             \
    return NULL;                                                              \
  return g_hash_table_lookup (self->collections[KIND].by_id, id);             \
}                                                                             \
                                                                              \
gboolean                                                                      \
rollout_project_insert_##type (RolloutProject *self,                          \
                               Rollout##Type  *object,                        \
                               int             position)                      \
{                                                                             \
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), FALSE);                    \
  g_return_val_if_fail (IS_TYPE (object), FALSE);                             \
                                                                              \
  return collection_insert (&self->collections[KIND], object, position);      \
}


COLLECTION_API (Team, team, KIND_TEAM, ROLLOUT_IS_TEAM)
COLLECTION_API (Phase, phase, KIND_PHASE, ROLLOUT_IS_PHASE)
COLLECTION_API (Task, task, KIND_TASK, ROLLOUT_IS_TASK)
COLLECTION_API (Risk, risk, KIND_RISK, ROLLOUT_IS_RISK)
COLLECTION_API (Metric, metric, KIND_METRIC, ROLLOUT_IS_METRIC)
COLLECTION_API (Feedback, feedback, KIND_FEEDBACK, ROLLOUT_IS_FEEDBACK)

/**
 * rollout_project_get_teams:
 * @self: a #RolloutProject
 *
 * Returns: (transfer none): the teams, a list of #RolloutTeam
 */
GListModel *
rollout_project_get_teams (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->collections[KIND_TEAM].store);
}

/**
 * rollout_project_get_phases:
 * @self: a #RolloutProject
 *
 * Returns: (transfer none): the phases in roll-out order
 */
GListModel *
rollout_project_get_phases (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->collections[KIND_PHASE].store);
}

/**
 * rollout_project_get_tasks:
 * @self: a #RolloutProject
 *
 * Returns: (transfer none): the tasks and milestones
 */
GListModel *
rollout_project_get_tasks (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->collections[KIND_TASK].store);
}

/**
 * rollout_project_get_risks:
 * @self: a #RolloutProject
 *
 * Returns: (transfer none): the risk register
 */
GListModel *
rollout_project_get_risks (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->collections[KIND_RISK].store);
}

/**
 * rollout_project_get_metrics:
 * @self: a #RolloutProject
 *
 * Returns: (transfer none): the metrics
 */
GListModel *
rollout_project_get_metrics (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->collections[KIND_METRIC].store);
}

/**
 * rollout_project_get_feedback:
 * @self: a #RolloutProject
 *
 * Returns: (transfer none): the feedback log
 */
GListModel *
rollout_project_get_feedback (RolloutProject *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->collections[KIND_FEEDBACK].store);
}

/**
 * rollout_project_index_of:
 * @self: a #RolloutProject
 * @object: a team, phase, task, risk, metric or feedback entry
 *
 * Returns: its position in its collection, or -1
 */
int
rollout_project_index_of (RolloutProject *self,
                          gpointer        object)
{
  Kind kind;
  guint position;
  guint n;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), -1);
  g_return_val_if_fail (G_IS_OBJECT (object), -1);

  if (!kind_of_type (G_OBJECT_TYPE (object), &kind))
    return -1;
  /* Commands add and remove at the end most often (imports, undo of an
   * import): look there before searching the whole list. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->collections[kind].store));
  if (n > 0)
    {
      g_autoptr(GObject) last = g_list_model_get_item (G_LIST_MODEL (self->collections[kind].store), n - 1);

      if (last == object)
        return (int) n - 1;
    }
  if (!g_list_store_find (self->collections[kind].store, object, &position))
    return -1;
  return (int) position;
}

/**
 * rollout_project_remove:
 * @self: a #RolloutProject
 * @object: a team, phase, task, risk, metric or feedback entry
 *
 * Removes @object from its collection. References to it from other objects
 * are left for the caller (a command) to deal with.
 *
 * Returns: the position it had, or -1 when it was not in the project
 */
int
rollout_project_remove (RolloutProject *self,
                        gpointer        object)
{
  Kind kind = KIND_TEAM;
  int position;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), -1);
  g_return_val_if_fail (G_IS_OBJECT (object), -1);

  position = rollout_project_index_of (self, object);
  if (position < 0)
    return -1;
  kind_of_type (G_OBJECT_TYPE (object), &kind);
  g_hash_table_remove (self->collections[kind].by_id, object_id (object));
  self->collections[kind].revision++;
  g_list_store_remove (self->collections[kind].store, position);
  return position;
}

/**
 * rollout_project_make_id:
 * @self: a #RolloutProject
 * @type: the object type the id is for
 * @name: (nullable): a name to derive the id from
 *
 * Makes a new id, unique in the collection of @type, from @name: lower case
 * ASCII letters and digits joined by dashes ("Train support" → "train-support",
 * then "train-support-2").
 *
 * Returns: (transfer full): a new id
 */
char *
rollout_project_make_id (RolloutProject *self,
                         GType           type,
                         const char     *name)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *ascii = NULL;
  Kind kind;
  char *candidate;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (self), NULL);
  g_return_val_if_fail (kind_of_type (type, &kind), NULL);

  ascii = name ? g_str_to_ascii (name, "C") : NULL;
  for (const char *p = ascii; p && *p && base->len < 32; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_append (base, g_type_name (type) + 7 /* "Rollout" */);
  if (base->len > 0)
    base->str[0] = g_ascii_tolower (base->str[0]);

  candidate = g_strdup (base->str);
  for (guint n = 2; g_hash_table_contains (self->collections[kind].by_id, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base->str, n);
    }
  return candidate;
}

/* How many times a task or phase was added to or removed from @self: a
 * different number means a different list. */
guint
_rollout_project_get_tasks_revision (RolloutProject *self)
{
  return self->collections[KIND_TASK].revision;
}

guint
_rollout_project_get_phases_revision (RolloutProject *self)
{
  return self->collections[KIND_PHASE].revision;
}
