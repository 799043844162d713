/* rollout-cache-summary.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The few facts about a plan that the welcome page shows for each recent
 * project, computed once when the plan is opened and kept in the cache. */

#define G_LOG_DOMAIN "rollout-cache"

#include "config.h"

#include <string.h>

#include "rollout-cache.h"
#include "rollout-scheduler.h"

static RolloutPhase *
find_current_phase (GListModel *phases)
{
  guint n = g_list_model_get_n_items (phases);
  g_autoptr(RolloutPhase) first_open = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
      RolloutPhaseStatus status = rollout_phase_get_status (phase);

      if (status == ROLLOUT_PHASE_STATUS_ACTIVE)
        return g_steal_pointer (&phase);
      if (first_open == NULL && status != ROLLOUT_PHASE_STATUS_COMPLETED)
        first_open = g_steal_pointer (&phase);
    }
  if (first_open != NULL)
    return g_steal_pointer (&first_open);
  return n > 0 ? g_list_model_get_item (phases, n - 1) : NULL;
}

/**
 * rollout_cache_summarize:
 * @project: a plan
 * @today: the day to count from, for the next milestone
 * @out_summary: (out caller-allocates): where to put the summary; free its
 *   members with rollout_cache_summary_clear()
 *
 * Summarizes @project for the recent-projects list. This schedules
 * @project (rollout_project_schedule()), so its tasks' derived dates are
 * up to date afterwards. A plan that cannot be scheduled gets counts but no
 * milestone and no finish.
 */
void
rollout_cache_summarize (RolloutProject      *project,
                         RolloutDate          today,
                         RolloutCacheSummary *out_summary)
{
  RolloutScheduleSummary schedule = { 0 };
  g_autoptr(RolloutPhase) current = NULL;
  g_autoptr(RolloutTask) next = NULL;
  GListModel *tasks, *risks;
  gboolean scheduled;
  guint n;

  g_return_if_fail (ROLLOUT_IS_PROJECT (project));
  g_return_if_fail (out_summary != NULL);

  memset (out_summary, 0, sizeof *out_summary);
  scheduled = rollout_project_schedule (project, &schedule, NULL);

  out_summary->n_phases = g_list_model_get_n_items (rollout_project_get_phases (project));
  current = find_current_phase (rollout_project_get_phases (project));
  if (current != NULL)
    {
      out_summary->current_phase = g_strdup (rollout_phase_get_name (current));
      out_summary->current_phase_status = rollout_phase_get_status (current);
    }

  tasks = rollout_project_get_tasks (project);
  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      gboolean done = rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_DONE;
      RolloutDate date;

      if (done)
        out_summary->n_done++;
      if (!rollout_task_is_milestone (task))
        {
          out_summary->n_tasks++;
          continue;
        }
      out_summary->n_milestones++;
      if (done || !scheduled)
        continue;

      date = rollout_task_get_start (task);
      if (date == ROLLOUT_DATE_NONE)
        continue;
      if (date < today)
        out_summary->n_overdue_milestones++;
      else if (next == NULL || date < out_summary->next_milestone_date)
        {
          g_set_object (&next, task);
          out_summary->next_milestone_date = date;
        }
    }
  if (next != NULL)
    out_summary->next_milestone = g_strdup (rollout_task_get_name (next));

  risks = rollout_project_get_risks (project);
  out_summary->n_risks = g_list_model_get_n_items (risks);
  for (guint i = 0; i < out_summary->n_risks; i++)
    {
      g_autoptr(RolloutRisk) risk = g_list_model_get_item (risks, i);
      RolloutRiskStatus status = rollout_risk_get_status (risk);

      if ((status == ROLLOUT_RISK_STATUS_OPEN || status == ROLLOUT_RISK_STATUS_MITIGATING)
          && rollout_risk_get_score (risk) >= ROLLOUT_CACHE_HIGH_RISK_SCORE)
        out_summary->n_open_high_risks++;
    }

  out_summary->n_feedback = g_list_model_get_n_items (rollout_project_get_feedback (project));
  out_summary->finish = scheduled ? schedule.finish : ROLLOUT_DATE_NONE;
}

/**
 * rollout_cache_summary_clear:
 * @summary: a summary
 *
 * Frees the strings @summary holds (not @summary itself) and zeroes it.
 */
void
rollout_cache_summary_clear (RolloutCacheSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_free (summary->current_phase);
  g_free (summary->next_milestone);
  memset (summary, 0, sizeof *summary);
}
