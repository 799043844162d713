/* rollout-feedback-summary.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

/**
 * RolloutTagCount:
 * @tag: a tag, as written in the feedback
 * @count: how many pieces of feedback carry it
 *
 * One tag and how often it was used.
 */
typedef struct {
  char  *tag;
  guint  count;
} RolloutTagCount;

/**
 * RolloutFeedbackSummary:
 * @n_feedback: how many pieces of feedback were counted
 * @sentiments: how many were positive, neutral and negative, indexed by
 *   #RolloutSentiment
 * @tags: (element-type RolloutTagCount): every tag used, the most frequent
 *   first, tags used as often in alphabetical order
 *
 * What people said about a phase (or the whole roll-out), in numbers: the
 * same counts for the Monitor view, the printed report and the command
 * line.
 */
typedef struct {
  guint   n_feedback;
  guint   sentiments[ROLLOUT_SENTIMENT_NEGATIVE + 1];
  GArray *tags;
} RolloutFeedbackSummary;

RolloutFeedbackSummary *rollout_feedback_summary_new  (RolloutProject         *project,
                                                       const char             *phase_id);
void                    rollout_feedback_summary_free (RolloutFeedbackSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutFeedbackSummary, rollout_feedback_summary_free)

G_END_DECLS
