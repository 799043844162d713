/* rollout-feedback-summary.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Feedback in numbers: how many pieces of feedback a phase got, how they
 * split by sentiment, and which tags come up most. Tags are counted once
 * per piece of feedback (a tag listed twice on one entry counts once) and
 * compared exactly, as the file stores them. */

#define G_LOG_DOMAIN "rollout-feedback"

#include "config.h"

#include <string.h>

#include "rollout-feedback-summary.h"

static void
tag_count_clear (gpointer data)
{
  RolloutTagCount *count = data;

  g_clear_pointer (&count->tag, g_free);
}

static int
compare_tag_counts (gconstpointer a,
                    gconstpointer b)
{
  const RolloutTagCount *x = a;
  const RolloutTagCount *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->tag, y->tag);
}

/**
 * rollout_feedback_summary_new:
 * @project: a project
 * @phase_id: (nullable): the phase whose feedback to count, or %NULL for
 *   all of the plan's feedback
 *
 * Counts the feedback of a phase, or of the whole plan.
 *
 * Returns: (transfer full): the summary; free it with
 *   rollout_feedback_summary_free()
 */
RolloutFeedbackSummary *
rollout_feedback_summary_new (RolloutProject *project,
                              const char     *phase_id)
{
  RolloutFeedbackSummary *summary;
  GListModel *feedback;
  g_autoptr(GHashTable) counts = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  summary = g_new0 (RolloutFeedbackSummary, 1);
  summary->tags = g_array_new (FALSE, FALSE, sizeof (RolloutTagCount));
  g_array_set_clear_func (summary->tags, tag_count_clear);
  counts = g_hash_table_new (g_str_hash, g_str_equal);

  feedback = rollout_project_get_feedback (project);
  n = g_list_model_get_n_items (feedback);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutFeedback) entry = g_list_model_get_item (feedback, i);
      const char * const *tags = rollout_feedback_get_tags (entry);
      RolloutSentiment sentiment = rollout_feedback_get_sentiment (entry);

      if (phase_id != NULL && g_strcmp0 (rollout_feedback_get_phase_id (entry), phase_id) != 0)
        continue;
      summary->n_feedback++;
      if (sentiment <= ROLLOUT_SENTIMENT_NEGATIVE)
        summary->sentiments[sentiment]++;
      for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
        {
          gboolean repeated = FALSE;

          if (*tags[t] == '\0')
            continue;
          for (guint k = 0; k < t && !repeated; k++)
            repeated = strcmp (tags[k], tags[t]) == 0;
          if (repeated)
            continue;
          /* The keys point into the feedback, which the project keeps
           * alive while we count. */
          g_hash_table_insert (counts, (gpointer) tags[t],
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, tags[t])) + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RolloutTagCount count = { g_strdup (key), GPOINTER_TO_UINT (value) };

      g_array_append_val (summary->tags, count);
    }
  g_array_sort (summary->tags, compare_tag_counts);
  return summary;
}

/**
 * rollout_feedback_summary_free:
 * @summary: (nullable): a summary
 *
 * Frees @summary.
 */
void
rollout_feedback_summary_free (RolloutFeedbackSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->tags, g_array_unref);
  g_free (summary);
}
