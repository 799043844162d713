/* rollout-feedback.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout-feedback"

#include "config.h"

#include "rollout-feedback-private.h"

struct _RolloutFeedback
{
  GObject parent_instance;

  char *id;

  RolloutDate date;
  char *phase_id;
  char *source;
  RolloutSentiment sentiment;
  char **tags;
  char *text;
  char *task_id;
  JsonObject *extra;

  /* Counts changes of what the file stores, so that the writer can tell
   * what changed. */
  guint revision;
};

G_DEFINE_FINAL_TYPE (RolloutFeedback, rollout_feedback, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_PHASE_ID,
  PROP_SOURCE,
  PROP_SENTIMENT,
  PROP_TAGS,
  PROP_TEXT,
  PROP_TASK_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rollout_feedback_finalize (GObject *object)
{
  RolloutFeedback *self = (RolloutFeedback *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->phase_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_feedback_parent_class)->finalize (object);
}

static void
rollout_feedback_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RolloutFeedback *self = ROLLOUT_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;

    case PROP_PHASE_ID:
      g_value_set_string (value, self->phase_id);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_SENTIMENT:
      g_value_set_enum (value, self->sentiment);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TASK_ID:
      g_value_set_string (value, self->task_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_feedback_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RolloutFeedback *self = ROLLOUT_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_DATE:
      rollout_feedback_set_date (self, g_value_get_uint (value));
      break;

    case PROP_PHASE_ID:
      rollout_feedback_set_phase_id (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      rollout_feedback_set_source (self, g_value_get_string (value));
      break;

    case PROP_SENTIMENT:
      rollout_feedback_set_sentiment (self, g_value_get_enum (value));
      break;

    case PROP_TAGS:
      rollout_feedback_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_TEXT:
      rollout_feedback_set_text (self, g_value_get_string (value));
      break;

    case PROP_TASK_ID:
      rollout_feedback_set_task_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_feedback_class_init (RolloutFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_feedback_finalize;
  object_class->get_property = rollout_feedback_get_property;
  object_class->set_property = rollout_feedback_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DATE] =
    g_param_spec_uint ("date", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHASE_ID] =
    g_param_spec_string ("phase-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SENTIMENT] =
    g_param_spec_enum ("sentiment", NULL, NULL,
                       ROLLOUT_TYPE_SENTIMENT, ROLLOUT_SENTIMENT_NEUTRAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TASK_ID] =
    g_param_spec_string ("task-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_feedback_init (RolloutFeedback *self)
{
  self->sentiment = ROLLOUT_SENTIMENT_NEUTRAL;
}

RolloutFeedback *
rollout_feedback_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ROLLOUT_TYPE_FEEDBACK, "id", id, NULL);
}

const char *
rollout_feedback_get_id (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), NULL);

  return self->id;
}

RolloutDate
rollout_feedback_get_date (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), 0);

  return self->date;
}

void
rollout_feedback_set_date (RolloutFeedback *self,
                           RolloutDate date)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

  if (self->date == date)
    return;
  self->date = date;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
rollout_feedback_get_phase_id (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), NULL);

  return self->phase_id;
}

void
rollout_feedback_set_phase_id (RolloutFeedback *self,
                               const char *phase_id)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

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
rollout_feedback_get_source (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), NULL);

  return self->source;
}

void
rollout_feedback_set_source (RolloutFeedback *self,
                             const char *source)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

  if (source != NULL && *source == '\0')
    source = NULL;
  if (g_strcmp0 (self->source, source) == 0)
    return;
  g_free (self->source);
  self->source = g_strdup (source);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

RolloutSentiment
rollout_feedback_get_sentiment (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), 0);

  return self->sentiment;
}

void
rollout_feedback_set_sentiment (RolloutFeedback *self,
                                RolloutSentiment sentiment)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

  if (self->sentiment == sentiment)
    return;
  self->sentiment = sentiment;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SENTIMENT]);
}

const char * const *
rollout_feedback_get_tags (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), NULL);

  return (const char * const *) self->tags;
}

void
rollout_feedback_set_tags (RolloutFeedback *self,
                           const char * const *tags)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

  if (tags != NULL && tags[0] == NULL)
    tags = NULL;
  if (self->tags == NULL && tags == NULL)
    return;
  if (self->tags != NULL && tags != NULL &&
      g_strv_equal ((const char * const *) self->tags, tags))
    return;
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAGS]);
}

const char *
rollout_feedback_get_text (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), NULL);

  return self->text;
}

void
rollout_feedback_set_text (RolloutFeedback *self,
                           const char *text)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

const char *
rollout_feedback_get_task_id (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), NULL);

  return self->task_id;
}

void
rollout_feedback_set_task_id (RolloutFeedback *self,
                              const char *task_id)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

  if (task_id != NULL && *task_id == '\0')
    task_id = NULL;
  if (g_strcmp0 (self->task_id, task_id) == 0)
    return;
  g_free (self->task_id);
  self->task_id = g_strdup (task_id);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TASK_ID]);
}

/**
 * rollout_feedback_get_extra:
 * @self: a #RolloutFeedback
 *
 * Returns: (transfer none) (nullable): members of the file this version does
 *   not know, kept to be written back
 */
JsonObject *
rollout_feedback_get_extra (RolloutFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_FEEDBACK (self), NULL);

  return self->extra;
}

void
rollout_feedback_set_extra (RolloutFeedback *self,
                           JsonObject *extra)
{
  g_return_if_fail (ROLLOUT_IS_FEEDBACK (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
  self->revision++;
}

/* How many times what the file stores of @self has changed. */
guint
_rollout_feedback_get_revision (RolloutFeedback *self)
{
  return self->revision;
}
