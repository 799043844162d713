/* rollout-team.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout-team"

#include "config.h"

#include "rollout-team-private.h"

struct _RolloutTeam
{
  GObject parent_instance;

  char *id;

  char *name;
  char *color;
  char *lead;
  char **members;
  JsonObject *extra;

  /* Counts changes of what the file stores, so that the writer can tell
   * what changed. */
  guint revision;
};

G_DEFINE_FINAL_TYPE (RolloutTeam, rollout_team, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_LEAD,
  PROP_MEMBERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rollout_team_finalize (GObject *object)
{
  RolloutTeam *self = (RolloutTeam *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_team_parent_class)->finalize (object);
}

static void
rollout_team_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RolloutTeam *self = ROLLOUT_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;

    case PROP_MEMBERS:
      g_value_set_boxed (value, self->members);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_team_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RolloutTeam *self = ROLLOUT_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      rollout_team_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      rollout_team_set_color (self, g_value_get_string (value));
      break;

    case PROP_LEAD:
      rollout_team_set_lead (self, g_value_get_string (value));
      break;

    case PROP_MEMBERS:
      rollout_team_set_members (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_team_class_init (RolloutTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_team_finalize;
  object_class->get_property = rollout_team_get_property;
  object_class->set_property = rollout_team_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEAD] =
    g_param_spec_string ("lead", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_team_init (RolloutTeam *self)
{
}

RolloutTeam *
rollout_team_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ROLLOUT_TYPE_TEAM, "id", id, NULL);
}

const char *
rollout_team_get_id (RolloutTeam *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TEAM (self), NULL);

  return self->id;
}

const char *
rollout_team_get_name (RolloutTeam *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TEAM (self), NULL);

  return self->name;
}

void
rollout_team_set_name (RolloutTeam *self,
                       const char *name)
{
  g_return_if_fail (ROLLOUT_IS_TEAM (self));

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
rollout_team_get_color (RolloutTeam *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TEAM (self), NULL);

  return self->color;
}

void
rollout_team_set_color (RolloutTeam *self,
                        const char *color)
{
  g_return_if_fail (ROLLOUT_IS_TEAM (self));

  if (color != NULL && *color == '\0')
    color = NULL;
  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_strdup (color);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COLOR]);
}

const char *
rollout_team_get_lead (RolloutTeam *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TEAM (self), NULL);

  return self->lead;
}

void
rollout_team_set_lead (RolloutTeam *self,
                       const char *lead)
{
  g_return_if_fail (ROLLOUT_IS_TEAM (self));

  if (lead != NULL && *lead == '\0')
    lead = NULL;
  if (g_strcmp0 (self->lead, lead) == 0)
    return;
  g_free (self->lead);
  self->lead = g_strdup (lead);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEAD]);
}

const char * const *
rollout_team_get_members (RolloutTeam *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TEAM (self), NULL);

  return (const char * const *) self->members;
}

void
rollout_team_set_members (RolloutTeam *self,
                          const char * const *members)
{
  g_return_if_fail (ROLLOUT_IS_TEAM (self));

  if (members != NULL && members[0] == NULL)
    members = NULL;
  if (self->members == NULL && members == NULL)
    return;
  if (self->members != NULL && members != NULL &&
      g_strv_equal ((const char * const *) self->members, members))
    return;
  g_strfreev (self->members);
  self->members = g_strdupv ((char **) members);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMBERS]);
}

/**
 * rollout_team_get_extra:
 * @self: a #RolloutTeam
 *
 * Returns: (transfer none) (nullable): members of the file this version does
 *   not know, kept to be written back
 */
JsonObject *
rollout_team_get_extra (RolloutTeam *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TEAM (self), NULL);

  return self->extra;
}

void
rollout_team_set_extra (RolloutTeam *self,
                       JsonObject *extra)
{
  g_return_if_fail (ROLLOUT_IS_TEAM (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
  self->revision++;
}

/* How many times what the file stores of @self has changed. */
guint
_rollout_team_get_revision (RolloutTeam *self)
{
  return self->revision;
}
