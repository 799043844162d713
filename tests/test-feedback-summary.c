/* test-feedback-summary.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rollout-feedback-summary.h"

static void
add_feedback (RolloutProject     *project,
              const char         *id,
              const char         *phase_id,
              RolloutSentiment    sentiment,
              const char * const *tags)
{
  g_autoptr(RolloutFeedback) feedback = rollout_feedback_new (id);

  rollout_feedback_set_phase_id (feedback, phase_id);
  rollout_feedback_set_sentiment (feedback, sentiment);
  rollout_feedback_set_tags (feedback, tags);
  g_assert_true (rollout_project_insert_feedback (project, feedback, -1));
}

static RolloutProject *
make_project (void)
{
  RolloutProject *project = rollout_project_new ("p");

  add_feedback (project, "a", "pilot", ROLLOUT_SENTIMENT_NEGATIVE, (const char *[]) { "map", "gps", NULL });
  add_feedback (project, "b", "pilot", ROLLOUT_SENTIMENT_POSITIVE, (const char *[]) { "map", NULL });
  add_feedback (project, "c", "pilot", ROLLOUT_SENTIMENT_NEGATIVE, (const char *[]) { "battery", "battery", "", NULL });
  add_feedback (project, "d", "pilot", ROLLOUT_SENTIMENT_NEUTRAL, NULL);
  add_feedback (project, "e", "ga", ROLLOUT_SENTIMENT_POSITIVE, (const char *[]) { "gps", "Map", NULL });
  add_feedback (project, "f", NULL, ROLLOUT_SENTIMENT_NEGATIVE, (const char *[]) { "gps", NULL });
  return project;
}

static void
assert_tag (RolloutFeedbackSummary *summary,
            guint                   i,
            const char             *tag,
            guint                   count)
{
  const RolloutTagCount *entry;

  g_assert_cmpuint (i, <, summary->tags->len);
  entry = &g_array_index (summary->tags, RolloutTagCount, i);
  g_assert_cmpstr (entry->tag, ==, tag);
  g_assert_cmpuint (entry->count, ==, count);
}

/* A phase's feedback: by sentiment, and tags most used first (ties in
 * alphabetical order), each counted once per entry, empty ones left out. */
static void
test_phase (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutFeedbackSummary) summary = rollout_feedback_summary_new (project, "pilot");

  g_assert_cmpuint (summary->n_feedback, ==, 4);
  g_assert_cmpuint (summary->sentiments[ROLLOUT_SENTIMENT_POSITIVE], ==, 1);
  g_assert_cmpuint (summary->sentiments[ROLLOUT_SENTIMENT_NEUTRAL], ==, 1);
  g_assert_cmpuint (summary->sentiments[ROLLOUT_SENTIMENT_NEGATIVE], ==, 2);
  g_assert_cmpuint (summary->tags->len, ==, 3);
  assert_tag (summary, 0, "map", 2);
  assert_tag (summary, 1, "battery", 1);
  assert_tag (summary, 2, "gps", 1);
}

/* The whole plan: every entry, with or without a phase; tags are exact. */
static void
test_whole_plan (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutFeedbackSummary) summary = rollout_feedback_summary_new (project, NULL);

  g_assert_cmpuint (summary->n_feedback, ==, 6);
  g_assert_cmpuint (summary->sentiments[ROLLOUT_SENTIMENT_POSITIVE], ==, 2);
  g_assert_cmpuint (summary->sentiments[ROLLOUT_SENTIMENT_NEUTRAL], ==, 1);
  g_assert_cmpuint (summary->sentiments[ROLLOUT_SENTIMENT_NEGATIVE], ==, 3);
  g_assert_cmpuint (summary->tags->len, ==, 4);
  assert_tag (summary, 0, "gps", 3);
  assert_tag (summary, 1, "map", 2);
  assert_tag (summary, 2, "Map", 1);
  assert_tag (summary, 3, "battery", 1);
}

static void
test_empty (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutFeedbackSummary) summary = rollout_feedback_summary_new (project, "no-such-phase");

  g_assert_cmpuint (summary->n_feedback, ==, 0);
  g_assert_cmpuint (summary->tags->len, ==, 0);
  rollout_feedback_summary_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/feedback-summary/phase", test_phase);
  g_test_add_func ("/rollout/feedback-summary/whole-plan", test_whole_plan);
  g_test_add_func ("/rollout/feedback-summary/empty", test_empty);

  return g_test_run ();
}
