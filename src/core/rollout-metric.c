/* rollout-metric.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout-metric"

#include "config.h"

#include "rollout-metric-private.h"

struct _RolloutMetric
{
  GObject parent_instance;

  char *id;

  char *name;
  char *unit;
  RolloutDirection direction;
  gboolean has_target;
  double target;
  GPtrArray *samples;
  JsonObject *extra;

  /* Counts changes of what the file stores, so that the writer can tell
   * what changed. */
  guint revision;
};

G_DEFINE_FINAL_TYPE (RolloutMetric, rollout_metric, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_UNIT,
  PROP_DIRECTION,
  PROP_HAS_TARGET,
  PROP_TARGET,
  PROP_SAMPLES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rollout_metric_finalize (GObject *object)
{
  RolloutMetric *self = (RolloutMetric *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_metric_parent_class)->finalize (object);
}

static void
rollout_metric_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RolloutMetric *self = ROLLOUT_METRIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_HAS_TARGET:
      g_value_set_boolean (value, self->has_target);
      break;

    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;

    case PROP_SAMPLES:
      g_value_set_boxed (value, self->samples);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_metric_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RolloutMetric *self = ROLLOUT_METRIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      rollout_metric_set_name (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      rollout_metric_set_unit (self, g_value_get_string (value));
      break;

    case PROP_DIRECTION:
      rollout_metric_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_HAS_TARGET:
      rollout_metric_set_has_target (self, g_value_get_boolean (value));
      break;

    case PROP_TARGET:
      rollout_metric_set_target (self, g_value_get_double (value));
      break;

    case PROP_SAMPLES:
      rollout_metric_set_samples (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_metric_class_init (RolloutMetricClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_metric_finalize;
  object_class->get_property = rollout_metric_get_property;
  object_class->set_property = rollout_metric_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       ROLLOUT_TYPE_DIRECTION, ROLLOUT_DIRECTION_HIGHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_TARGET] =
    g_param_spec_boolean ("has-target", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SAMPLES] =
    g_param_spec_boxed ("samples", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_metric_init (RolloutMetric *self)
{
  self->direction = ROLLOUT_DIRECTION_HIGHER;
  self->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_sample_free);
}

RolloutMetric *
rollout_metric_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ROLLOUT_TYPE_METRIC, "id", id, NULL);
}

const char *
rollout_metric_get_id (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), NULL);

  return self->id;
}

const char *
rollout_metric_get_name (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), NULL);

  return self->name;
}

void
rollout_metric_set_name (RolloutMetric *self,
                         const char *name)
{
  g_return_if_fail (ROLLOUT_IS_METRIC (self));

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
rollout_metric_get_unit (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), NULL);

  return self->unit;
}

void
rollout_metric_set_unit (RolloutMetric *self,
                         const char *unit)
{
  g_return_if_fail (ROLLOUT_IS_METRIC (self));

  if (unit != NULL && *unit == '\0')
    unit = NULL;
  if (g_strcmp0 (self->unit, unit) == 0)
    return;
  g_free (self->unit);
  self->unit = g_strdup (unit);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNIT]);
}

RolloutDirection
rollout_metric_get_direction (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), 0);

  return self->direction;
}

void
rollout_metric_set_direction (RolloutMetric *self,
                              RolloutDirection direction)
{
  g_return_if_fail (ROLLOUT_IS_METRIC (self));

  if (self->direction == direction)
    return;
  self->direction = direction;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRECTION]);
}

gboolean
rollout_metric_get_has_target (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), 0);

  return self->has_target;
}

void
rollout_metric_set_has_target (RolloutMetric *self,
                               gboolean has_target)
{
  g_return_if_fail (ROLLOUT_IS_METRIC (self));

  has_target = !!has_target;
  if (self->has_target == has_target)
    return;
  self->has_target = has_target;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_TARGET]);
}

double
rollout_metric_get_target (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), 0);

  return self->target;
}

void
rollout_metric_set_target (RolloutMetric *self,
                           double target)
{
  g_return_if_fail (ROLLOUT_IS_METRIC (self));

  if (self->target == target)
    return;
  self->target = target;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TARGET]);
}

/**
 * rollout_metric_get_samples:
 * @self: a #RolloutMetric
 *
 * Returns: (transfer none) (element-type RolloutSample): the samples; do not modify
 */
GPtrArray *
rollout_metric_get_samples (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), NULL);

  return self->samples;
}

/**
 * rollout_metric_set_samples:
 * @self: a #RolloutMetric
 * @samples: (nullable) (element-type RolloutSample): the new samples, copied
 */
void
rollout_metric_set_samples (RolloutMetric *self,
                            GPtrArray *samples)
{
  g_return_if_fail (ROLLOUT_IS_METRIC (self));

  if (samples == self->samples)
    return;
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  self->samples = rollout_ptr_array_copy (samples, (GBoxedCopyFunc) rollout_sample_copy, (GDestroyNotify) rollout_sample_free);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAMPLES]);
}

/**
 * rollout_metric_get_extra:
 * @self: a #RolloutMetric
 *
 * Returns: (transfer none) (nullable): members of the file this version does
 *   not know, kept to be written back
 */
JsonObject *
rollout_metric_get_extra (RolloutMetric *self)
{
  g_return_val_if_fail (ROLLOUT_IS_METRIC (self), NULL);

  return self->extra;
}

void
rollout_metric_set_extra (RolloutMetric *self,
                         JsonObject *extra)
{
  g_return_if_fail (ROLLOUT_IS_METRIC (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
  self->revision++;
}

/* How many times what the file stores of @self has changed. */
guint
_rollout_metric_get_revision (RolloutMetric *self)
{
  return self->revision;
}
