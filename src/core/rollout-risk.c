/* rollout-risk.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout-risk"

#include "config.h"

#include "rollout-risk-private.h"

struct _RolloutRisk
{
  GObject parent_instance;

  char *id;

  char *title;
  char *description;
  int likelihood;
  int impact;
  char *owner;
  char *mitigation;
  char *contingency;
  RolloutRiskStatus status;
  char *phase_id;
  char **task_ids;
  GPtrArray *history;
  JsonObject *extra;

  /* Counts changes of what the file stores, so that the writer can tell
   * what changed. */
  guint revision;
};

G_DEFINE_FINAL_TYPE (RolloutRisk, rollout_risk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LIKELIHOOD,
  PROP_IMPACT,
  PROP_OWNER,
  PROP_MITIGATION,
  PROP_CONTINGENCY,
  PROP_STATUS,
  PROP_PHASE_ID,
  PROP_TASK_IDS,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rollout_risk_finalize (GObject *object)
{
  RolloutRisk *self = (RolloutRisk *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->mitigation, g_free);
  g_clear_pointer (&self->contingency, g_free);
  g_clear_pointer (&self->phase_id, g_free);
  g_clear_pointer (&self->task_ids, g_strfreev);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_risk_parent_class)->finalize (object);
}

static void
rollout_risk_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RolloutRisk *self = ROLLOUT_RISK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_LIKELIHOOD:
      g_value_set_int (value, self->likelihood);
      break;

    case PROP_IMPACT:
      g_value_set_int (value, self->impact);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_MITIGATION:
      g_value_set_string (value, self->mitigation);
      break;

    case PROP_CONTINGENCY:
      g_value_set_string (value, self->contingency);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PHASE_ID:
      g_value_set_string (value, self->phase_id);
      break;

    case PROP_TASK_IDS:
      g_value_set_boxed (value, self->task_ids);
      break;

    case PROP_HISTORY:
      g_value_set_boxed (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_risk_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RolloutRisk *self = ROLLOUT_RISK (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      rollout_risk_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rollout_risk_set_description (self, g_value_get_string (value));
      break;

    case PROP_LIKELIHOOD:
      rollout_risk_set_likelihood (self, g_value_get_int (value));
      break;

    case PROP_IMPACT:
      rollout_risk_set_impact (self, g_value_get_int (value));
      break;

    case PROP_OWNER:
      rollout_risk_set_owner (self, g_value_get_string (value));
      break;

    case PROP_MITIGATION:
      rollout_risk_set_mitigation (self, g_value_get_string (value));
      break;

    case PROP_CONTINGENCY:
      rollout_risk_set_contingency (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      rollout_risk_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PHASE_ID:
      rollout_risk_set_phase_id (self, g_value_get_string (value));
      break;

    case PROP_TASK_IDS:
      rollout_risk_set_task_ids (self, g_value_get_boxed (value));
      break;

    case PROP_HISTORY:
      rollout_risk_set_history (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_risk_class_init (RolloutRiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_risk_finalize;
  object_class->get_property = rollout_risk_get_property;
  object_class->set_property = rollout_risk_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LIKELIHOOD] =
    g_param_spec_int ("likelihood", NULL, NULL,
                      1, 5, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IMPACT] =
    g_param_spec_int ("impact", NULL, NULL,
                      1, 5, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MITIGATION] =
    g_param_spec_string ("mitigation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTINGENCY] =
    g_param_spec_string ("contingency", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       ROLLOUT_TYPE_RISK_STATUS, ROLLOUT_RISK_STATUS_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHASE_ID] =
    g_param_spec_string ("phase-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TASK_IDS] =
    g_param_spec_boxed ("task-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HISTORY] =
    g_param_spec_boxed ("history", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_risk_init (RolloutRisk *self)
{
  self->likelihood = 1;
  self->impact = 1;
  self->status = ROLLOUT_RISK_STATUS_OPEN;
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_assessment_free);
}

RolloutRisk *
rollout_risk_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ROLLOUT_TYPE_RISK, "id", id, NULL);
}

const char *
rollout_risk_get_id (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->id;
}

const char *
rollout_risk_get_title (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->title;
}

void
rollout_risk_set_title (RolloutRisk *self,
                        const char *title)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (title != NULL && *title == '\0')
    title = NULL;
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
rollout_risk_get_description (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->description;
}

void
rollout_risk_set_description (RolloutRisk *self,
                              const char *description)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (description != NULL && *description == '\0')
    description = NULL;
  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

int
rollout_risk_get_likelihood (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), 0);

  return self->likelihood;
}

void
rollout_risk_set_likelihood (RolloutRisk *self,
                             int likelihood)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  g_return_if_fail (likelihood >= 1 && likelihood <= 5);

  if (self->likelihood == likelihood)
    return;
  self->likelihood = likelihood;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIKELIHOOD]);
}

int
rollout_risk_get_impact (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), 0);

  return self->impact;
}

void
rollout_risk_set_impact (RolloutRisk *self,
                         int impact)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  g_return_if_fail (impact >= 1 && impact <= 5);

  if (self->impact == impact)
    return;
  self->impact = impact;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMPACT]);
}

const char *
rollout_risk_get_owner (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->owner;
}

void
rollout_risk_set_owner (RolloutRisk *self,
                        const char *owner)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (owner != NULL && *owner == '\0')
    owner = NULL;
  if (g_strcmp0 (self->owner, owner) == 0)
    return;
  g_free (self->owner);
  self->owner = g_strdup (owner);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER]);
}

const char *
rollout_risk_get_mitigation (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->mitigation;
}

void
rollout_risk_set_mitigation (RolloutRisk *self,
                             const char *mitigation)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (mitigation != NULL && *mitigation == '\0')
    mitigation = NULL;
  if (g_strcmp0 (self->mitigation, mitigation) == 0)
    return;
  g_free (self->mitigation);
  self->mitigation = g_strdup (mitigation);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MITIGATION]);
}

const char *
rollout_risk_get_contingency (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->contingency;
}

void
rollout_risk_set_contingency (RolloutRisk *self,
                              const char *contingency)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (contingency != NULL && *contingency == '\0')
    contingency = NULL;
  if (g_strcmp0 (self->contingency, contingency) == 0)
    return;
  g_free (self->contingency);
  self->contingency = g_strdup (contingency);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTINGENCY]);
}

RolloutRiskStatus
rollout_risk_get_status (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), 0);

  return self->status;
}

void
rollout_risk_set_status (RolloutRisk *self,
                         RolloutRiskStatus status)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (self->status == status)
    return;
  self->status = status;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
rollout_risk_get_phase_id (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->phase_id;
}

void
rollout_risk_set_phase_id (RolloutRisk *self,
                           const char *phase_id)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (phase_id != NULL && *phase_id == '\0')
    phase_id = NULL;
  if (g_strcmp0 (self->phase_id, phase_id) == 0)
    return;
  g_free (self->phase_id);
  self->phase_id = g_strdup (phase_id);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHASE_ID]);
}

const char * const *
rollout_risk_get_task_ids (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return (const char * const *) self->task_ids;
}

void
rollout_risk_set_task_ids (RolloutRisk *self,
                           const char * const *task_ids)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (task_ids != NULL && task_ids[0] == NULL)
    task_ids = NULL;
  if (self->task_ids == NULL && task_ids == NULL)
    return;
  if (self->task_ids != NULL && task_ids != NULL &&
      g_strv_equal ((const char * const *) self->task_ids, task_ids))
    return;
  g_strfreev (self->task_ids);
  self->task_ids = g_strdupv ((char **) task_ids);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TASK_IDS]);
}

/**
 * rollout_risk_get_history:
 * @self: a #RolloutRisk
 *
 * Returns: (transfer none) (element-type RolloutAssessment): the history; do not modify
 */
GPtrArray *
rollout_risk_get_history (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->history;
}

/**
 * rollout_risk_set_history:
 * @self: a #RolloutRisk
 * @history: (nullable) (element-type RolloutAssessment): the new history, copied
 */
void
rollout_risk_set_history (RolloutRisk *self,
                          GPtrArray *history)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  if (history == self->history)
    return;
  g_clear_pointer (&self->history, g_ptr_array_unref);
  self->history = rollout_ptr_array_copy (history, (GBoxedCopyFunc) rollout_assessment_copy, (GDestroyNotify) rollout_assessment_free);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HISTORY]);
}

/**
 * rollout_risk_get_extra:
 * @self: a #RolloutRisk
 *
 * Returns: (transfer none) (nullable): members of the file this version does
 *   not know, kept to be written back
 */
JsonObject *
rollout_risk_get_extra (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), NULL);

  return self->extra;
}

void
rollout_risk_set_extra (RolloutRisk *self,
                       JsonObject *extra)
{
  g_return_if_fail (ROLLOUT_IS_RISK (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
  self->revision++;
}

/**
 * rollout_risk_get_score:
 * @self: a #RolloutRisk
 *
 * Returns: likelihood × impact, 1–25
 */
int
rollout_risk_get_score (RolloutRisk *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), 0);

  return self->likelihood * self->impact;
}

/**
 * rollout_risk_get_trend:
 * @self: a #RolloutRisk
 * @out_previous: (out) (optional) (nullable): the assessment the current
 *   one is compared with, or %NULL when there is none
 *
 * Compares the current score with the assessment before it. The history
 * holds dated assessments, oldest first, and its last entry is normally
 * the current assessment itself; then the entry before that is the one to
 * compare with. When the last entry differs from the current likelihood
 * and impact (they were changed without recording it), the last entry is
 * the assessment before.
 *
 * Returns: whether the score is rising, falling or steady
 */
RolloutRiskTrend
rollout_risk_get_trend (RolloutRisk              *self,
                        const RolloutAssessment **out_previous)
{
  const RolloutAssessment *previous = NULL;
  const RolloutAssessment *last;
  guint n;
  int before, now;

  if (out_previous != NULL)
    *out_previous = NULL;
  g_return_val_if_fail (ROLLOUT_IS_RISK (self), ROLLOUT_RISK_TREND_STEADY);

  n = self->history != NULL ? self->history->len : 0;
  if (n == 0)
    return ROLLOUT_RISK_TREND_STEADY;
  last = g_ptr_array_index (self->history, n - 1);
  if (last->likelihood != self->likelihood || last->impact != self->impact)
    previous = last;
  else if (n >= 2)
    previous = g_ptr_array_index (self->history, n - 2);
  if (previous == NULL)
    return ROLLOUT_RISK_TREND_STEADY;

  if (out_previous != NULL)
    *out_previous = previous;
  before = previous->likelihood * previous->impact;
  now = self->likelihood * self->impact;
  if (now > before)
    return ROLLOUT_RISK_TREND_RISING;
  if (now < before)
    return ROLLOUT_RISK_TREND_FALLING;
  return ROLLOUT_RISK_TREND_STEADY;
}

/* How many times what the file stores of @self has changed. */
guint
_rollout_risk_get_revision (RolloutRisk *self)
{
  return self->revision;
}
