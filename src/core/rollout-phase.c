/* rollout-phase.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout-phase"

#include "config.h"

#include "rollout-phase-private.h"

struct _RolloutPhase
{
  GObject parent_instance;

  char *id;

  char *name;
  char *description;
  double audience_percent;
  char **regions;
  RolloutDate planned_start;
  RolloutPhaseStatus status;
  GPtrArray *signoffs;
  GPtrArray *decisions;
  JsonObject *extra;
  RolloutGate *gate;

  /* Derived from the phase's scheduled tasks. */
  RolloutDate start;
  RolloutDate finish;

  /* Counts changes of what the file stores (not of the derived dates). */
  guint revision;
};

G_DEFINE_FINAL_TYPE (RolloutPhase, rollout_phase, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_AUDIENCE_PERCENT,
  PROP_REGIONS,
  PROP_PLANNED_START,
  PROP_STATUS,
  PROP_SIGNOFFS,
  PROP_DECISIONS,
  PROP_GATE,
  PROP_START,
  PROP_FINISH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rollout_phase_finalize (GObject *object)
{
  RolloutPhase *self = (RolloutPhase *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->signoffs, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_pointer (&self->gate, rollout_gate_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_phase_parent_class)->finalize (object);
}

static void
rollout_phase_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RolloutPhase *self = ROLLOUT_PHASE (object);

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

    case PROP_AUDIENCE_PERCENT:
      g_value_set_double (value, self->audience_percent);
      break;

    case PROP_REGIONS:
      g_value_set_boxed (value, self->regions);
      break;

    case PROP_PLANNED_START:
      g_value_set_uint (value, self->planned_start);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SIGNOFFS:
      g_value_set_boxed (value, self->signoffs);
      break;

    case PROP_DECISIONS:
      g_value_set_boxed (value, self->decisions);
      break;

    case PROP_GATE:
      g_value_set_boxed (value, self->gate);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_FINISH:
      g_value_set_uint (value, self->finish);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_phase_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RolloutPhase *self = ROLLOUT_PHASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      rollout_phase_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rollout_phase_set_description (self, g_value_get_string (value));
      break;

    case PROP_AUDIENCE_PERCENT:
      rollout_phase_set_audience_percent (self, g_value_get_double (value));
      break;

    case PROP_REGIONS:
      rollout_phase_set_regions (self, g_value_get_boxed (value));
      break;

    case PROP_PLANNED_START:
      rollout_phase_set_planned_start (self, g_value_get_uint (value));
      break;

    case PROP_STATUS:
      rollout_phase_set_status (self, g_value_get_enum (value));
      break;

    case PROP_SIGNOFFS:
      rollout_phase_set_signoffs (self, g_value_get_boxed (value));
      break;

    case PROP_DECISIONS:
      rollout_phase_set_decisions (self, g_value_get_boxed (value));
      break;

    case PROP_GATE:
      rollout_phase_set_gate (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_phase_class_init (RolloutPhaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_phase_finalize;
  object_class->get_property = rollout_phase_get_property;
  object_class->set_property = rollout_phase_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUDIENCE_PERCENT] =
    g_param_spec_double ("audience-percent", NULL, NULL,
                         0.0, 100.0, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGIONS] =
    g_param_spec_boxed ("regions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PLANNED_START] =
    g_param_spec_uint ("planned-start", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       ROLLOUT_TYPE_PHASE_STATUS, ROLLOUT_PHASE_STATUS_PLANNED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SIGNOFFS] =
    g_param_spec_boxed ("signoffs", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DECISIONS] =
    g_param_spec_boxed ("decisions", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_GATE] =
    g_param_spec_boxed ("gate", NULL, NULL,
                        ROLLOUT_TYPE_GATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START] =
    g_param_spec_uint ("start", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FINISH] =
    g_param_spec_uint ("finish", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_phase_init (RolloutPhase *self)
{
  self->status = ROLLOUT_PHASE_STATUS_PLANNED;
  self->signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_signoff_free);
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_decision_free);
}

RolloutPhase *
rollout_phase_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ROLLOUT_TYPE_PHASE, "id", id, NULL);
}

const char *
rollout_phase_get_id (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return self->id;
}

const char *
rollout_phase_get_name (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return self->name;
}

void
rollout_phase_set_name (RolloutPhase *self,
                        const char *name)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

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
rollout_phase_get_description (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return self->description;
}

void
rollout_phase_set_description (RolloutPhase *self,
                               const char *description)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (description != NULL && *description == '\0')
    description = NULL;
  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

double
rollout_phase_get_audience_percent (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), 0);

  return self->audience_percent;
}

void
rollout_phase_set_audience_percent (RolloutPhase *self,
                                    double audience_percent)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (self->audience_percent == audience_percent)
    return;
  self->audience_percent = audience_percent;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUDIENCE_PERCENT]);
}

const char * const *
rollout_phase_get_regions (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return (const char * const *) self->regions;
}

void
rollout_phase_set_regions (RolloutPhase *self,
                           const char * const *regions)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (regions != NULL && regions[0] == NULL)
    regions = NULL;
  if (self->regions == NULL && regions == NULL)
    return;
  if (self->regions != NULL && regions != NULL &&
      g_strv_equal ((const char * const *) self->regions, regions))
    return;
  g_strfreev (self->regions);
  self->regions = g_strdupv ((char **) regions);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGIONS]);
}

RolloutDate
rollout_phase_get_planned_start (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), 0);

  return self->planned_start;
}

void
rollout_phase_set_planned_start (RolloutPhase *self,
                                 RolloutDate planned_start)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (self->planned_start == planned_start)
    return;
  self->planned_start = planned_start;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLANNED_START]);
}

RolloutPhaseStatus
rollout_phase_get_status (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), 0);

  return self->status;
}

void
rollout_phase_set_status (RolloutPhase *self,
                          RolloutPhaseStatus status)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (self->status == status)
    return;
  self->status = status;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

/**
 * rollout_phase_get_signoffs:
 * @self: a #RolloutPhase
 *
 * Returns: (transfer none) (element-type RolloutSignoff): the signoffs; do not modify
 */
GPtrArray *
rollout_phase_get_signoffs (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return self->signoffs;
}

/**
 * rollout_phase_set_signoffs:
 * @self: a #RolloutPhase
 * @signoffs: (nullable) (element-type RolloutSignoff): the new signoffs, copied
 */
void
rollout_phase_set_signoffs (RolloutPhase *self,
                            GPtrArray *signoffs)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (signoffs == self->signoffs)
    return;
  g_clear_pointer (&self->signoffs, g_ptr_array_unref);
  self->signoffs = rollout_ptr_array_copy (signoffs, (GBoxedCopyFunc) rollout_signoff_copy, (GDestroyNotify) rollout_signoff_free);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIGNOFFS]);
}

/**
 * rollout_phase_get_extra:
 * @self: a #RolloutPhase
 *
 * Returns: (transfer none) (nullable): members of the file this version does
 *   not know, kept to be written back
 */
JsonObject *
rollout_phase_get_extra (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return self->extra;
}

void
rollout_phase_set_extra (RolloutPhase *self,
                        JsonObject *extra)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
  self->revision++;
}

/**
 * rollout_phase_get_gate:
 * @self: a #RolloutPhase
 *
 * Returns: (transfer none) (nullable): the go/no-go criteria, or %NULL when
 *   the phase has no gate
 */
const RolloutGate *
rollout_phase_get_gate (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return self->gate;
}

/**
 * rollout_phase_set_gate:
 * @self: a #RolloutPhase
 * @gate: (nullable): the new criteria, copied
 */
void
rollout_phase_set_gate (RolloutPhase      *self,
                        const RolloutGate *gate)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (gate == self->gate)
    return;
  g_clear_pointer (&self->gate, rollout_gate_free);
  if (gate != NULL)
    self->gate = rollout_gate_copy (gate);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GATE]);
}

RolloutDate
rollout_phase_get_start (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), 0);

  return self->start;
}

RolloutDate
rollout_phase_get_finish (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), 0);

  return self->finish;
}

void
_rollout_phase_set_schedule (RolloutPhase *self,
                             RolloutDate   start,
                             RolloutDate   finish)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (object, properties [PROP_START]);
    }
  if (self->finish != finish)
    {
      self->finish = finish;
      g_object_notify_by_pspec (object, properties [PROP_FINISH]);
    }
  g_object_thaw_notify (object);
}

/**
 * rollout_phase_get_decisions:
 * @self: a #RolloutPhase
 *
 * Returns: (transfer none) (element-type RolloutDecision): the decisions
 *   recorded for the phase, oldest first; do not modify
 */
GPtrArray *
rollout_phase_get_decisions (RolloutPhase *self)
{
  g_return_val_if_fail (ROLLOUT_IS_PHASE (self), NULL);

  return self->decisions;
}

/**
 * rollout_phase_set_decisions:
 * @self: a #RolloutPhase
 * @decisions: (nullable) (element-type RolloutDecision): the new list, copied
 */
void
rollout_phase_set_decisions (RolloutPhase *self,
                             GPtrArray    *decisions)
{
  g_return_if_fail (ROLLOUT_IS_PHASE (self));

  if (decisions == self->decisions)
    return;
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  self->decisions = rollout_ptr_array_copy (decisions,
                                            (GBoxedCopyFunc) rollout_decision_copy,
                                            (GDestroyNotify) rollout_decision_free);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DECISIONS]);
}

/* How many times what the file stores of @self has changed. */
guint
_rollout_phase_get_revision (RolloutPhase *self)
{
  return self->revision;
}
