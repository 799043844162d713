/* rollout-feedback.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-types.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_FEEDBACK (rollout_feedback_get_type ())

G_DECLARE_FINAL_TYPE (RolloutFeedback, rollout_feedback, ROLLOUT, FEEDBACK, GObject)

RolloutFeedback    *rollout_feedback_new           (const char         *id);
const char         *rollout_feedback_get_id        (RolloutFeedback    *self);

RolloutDate         rollout_feedback_get_date      (RolloutFeedback    *self);
void                rollout_feedback_set_date      (RolloutFeedback    *self,
                                                    RolloutDate         date);
const char         *rollout_feedback_get_phase_id  (RolloutFeedback    *self);
void                rollout_feedback_set_phase_id  (RolloutFeedback    *self,
                                                    const char         *phase_id);
const char         *rollout_feedback_get_source    (RolloutFeedback    *self);
void                rollout_feedback_set_source    (RolloutFeedback    *self,
                                                    const char         *source);
RolloutSentiment    rollout_feedback_get_sentiment (RolloutFeedback    *self);
void                rollout_feedback_set_sentiment (RolloutFeedback    *self,
                                                    RolloutSentiment    sentiment);
const char * const *rollout_feedback_get_tags      (RolloutFeedback    *self);
void                rollout_feedback_set_tags      (RolloutFeedback    *self,
                                                    const char * const *tags);
const char         *rollout_feedback_get_text      (RolloutFeedback    *self);
void                rollout_feedback_set_text      (RolloutFeedback    *self,
                                                    const char         *text);
const char         *rollout_feedback_get_task_id   (RolloutFeedback    *self);
void                rollout_feedback_set_task_id   (RolloutFeedback    *self,
                                                    const char         *task_id);
JsonObject         *rollout_feedback_get_extra     (RolloutFeedback    *self);
void                rollout_feedback_set_extra     (RolloutFeedback    *self,
                                                    JsonObject         *extra);

G_END_DECLS
