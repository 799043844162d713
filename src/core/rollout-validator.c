/* rollout-validator.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Checks a project for meaning: that every reference resolves, that no task
 * depends on itself or twice on the same task, and that dependencies form no
 * cycle. Form (types, ranges, dates) is checked by the reader, which alone
 * sees the JSON. Every problem is reported, each with its location. */

#define G_LOG_DOMAIN "rollout-validator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rollout-file-private.h"
#include "rollout-merge.h"
#include "rollout-scheduler.h"

typedef struct {
  RolloutProject *project;
  const RolloutFilePositions *positions;
  GPtrArray *diagnostics;
} Validator;

static const char *collection_names[] = {
  "teams", "phases", "tasks", "risks", "metrics", "feedback"
};

/* "tasks[3]": the object's position in the file. */
static char *
locate (Validator         *v,
        RolloutCollection  collection,
        guint              position,
        const char        *rest)
{
  GArray *map = v->positions ? v->positions->positions[collection] : NULL;

  if (map != NULL && position < map->len)
    position = g_array_index (map, guint, position);
  return g_strdup_printf ("%s[%u]%s%s", collection_names[collection], position,
                          rest && *rest != '[' ? "." : "", rest ? rest : "");
}

static void
check_ref (Validator         *v,
           RolloutCollection  collection,
           guint              position,
           const char        *member,
           const char        *id,
           gpointer           target,
           RolloutCollection  target_collection)
{
  g_autofree char *location = NULL;

  if (id == NULL || target != NULL)
    return;
  location = locate (v, collection, position, member);
  switch (target_collection)
    {
    case ROLLOUT_COLLECTION_TEAMS:
      _rollout_diagnostics_add (v->diagnostics, location, _("no team with id \"%s\""), id);
      break;
    case ROLLOUT_COLLECTION_PHASES:
      _rollout_diagnostics_add (v->diagnostics, location, _("no phase with id \"%s\""), id);
      break;
    case ROLLOUT_COLLECTION_TASKS:
      _rollout_diagnostics_add (v->diagnostics, location, _("no task with id \"%s\""), id);
      break;
    case ROLLOUT_COLLECTION_METRICS:
      _rollout_diagnostics_add (v->diagnostics, location, _("no metric with id \"%s\""), id);
      break;
    case ROLLOUT_COLLECTION_RISKS:
    case ROLLOUT_COLLECTION_FEEDBACK:
    case ROLLOUT_N_COLLECTIONS:
    default:
      g_assert_not_reached ();
    }
}

static void
check_tasks (Validator *v)
{
  GListModel *tasks = rollout_project_get_tasks (v->project);
  guint n = g_list_model_get_n_items (tasks);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      const char *phase = rollout_task_get_phase_id (task);
      const char *team = rollout_task_get_team_id (task);
      GPtrArray *deps = rollout_task_get_dependencies (task);

      check_ref (v, ROLLOUT_COLLECTION_TASKS, i, "phase", phase,
                 rollout_project_lookup_phase (v->project, phase), ROLLOUT_COLLECTION_PHASES);
      check_ref (v, ROLLOUT_COLLECTION_TASKS, i, "team", team,
                 rollout_project_lookup_team (v->project, team), ROLLOUT_COLLECTION_TEAMS);

      g_hash_table_remove_all (seen);
      for (guint d = 0; d < deps->len; d++)
        {
          RolloutDependency *dep = g_ptr_array_index (deps, d);
          g_autofree char *member = g_strdup_printf ("depends_on[%u].task", d);

          if (g_strcmp0 (dep->task_id, rollout_task_get_id (task)) == 0)
            {
              g_autofree char *location = locate (v, ROLLOUT_COLLECTION_TASKS, i, member);

              _rollout_diagnostics_add (v->diagnostics, location, "%s", _("a task cannot depend on itself"));
              continue;
            }
          if (!g_hash_table_add (seen, dep->task_id))
            {
              g_autofree char *location = locate (v, ROLLOUT_COLLECTION_TASKS, i, member);

              _rollout_diagnostics_add (v->diagnostics, location,
                                        _("depends on \"%s\" more than once"), dep->task_id);
              continue;
            }
          check_ref (v, ROLLOUT_COLLECTION_TASKS, i, member, dep->task_id,
                     rollout_project_lookup_task (v->project, dep->task_id), ROLLOUT_COLLECTION_TASKS);
        }
    }
}

static void
check_cycles (Validator *v)
{
  g_autoptr(GPtrArray) cycles = rollout_scheduler_find_cycles (v->project);

  for (guint c = 0; c < cycles->len; c++)
    {
      GPtrArray *cycle = g_ptr_array_index (cycles, c);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *location = NULL;
      RolloutTask *first = g_ptr_array_index (cycle, 0);

      /* Self-dependencies were reported above. */
      if (cycle->len < 2)
        continue;
      for (guint i = 0; i <= cycle->len; i++)
        {
          RolloutTask *task = g_ptr_array_index (cycle, i % cycle->len);

          if (i > 0)
            g_string_append (names, " → ");
          g_string_append_printf (names, "‘%s’", rollout_task_get_name (task));
        }
      location = locate (v, ROLLOUT_COLLECTION_TASKS,
                         rollout_project_index_of (v->project, first), "depends_on");
      _rollout_diagnostics_add (v->diagnostics, location, _("dependency cycle: %s"), names->str);
    }
}

static void
check_phases (Validator *v)
{
  GListModel *phases = rollout_project_get_phases (v->project);
  guint n = g_list_model_get_n_items (phases);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
      const RolloutGate *gate = rollout_phase_get_gate (phase);
      GPtrArray *signoffs = rollout_phase_get_signoffs (phase);

      if (gate != NULL)
        {
          for (guint m = 0; m < gate->metrics->len; m++)
            {
              RolloutGateMetric *gm = g_ptr_array_index (gate->metrics, m);
              g_autofree char *member = g_strdup_printf ("gate.metrics[%u].metric", m);

              check_ref (v, ROLLOUT_COLLECTION_PHASES, i, member, gm->metric_id,
                         rollout_project_lookup_metric (v->project, gm->metric_id), ROLLOUT_COLLECTION_METRICS);
            }
          for (guint t = 0; gate->required_signoffs[t]; t++)
            {
              g_autofree char *member = g_strdup_printf ("gate.required_signoffs[%u]", t);
              const char *team = gate->required_signoffs[t];

              check_ref (v, ROLLOUT_COLLECTION_PHASES, i, member, team,
                         rollout_project_lookup_team (v->project, team), ROLLOUT_COLLECTION_TEAMS);
            }
        }
      for (guint s = 0; s < signoffs->len; s++)
        {
          RolloutSignoff *signoff = g_ptr_array_index (signoffs, s);
          g_autofree char *member = g_strdup_printf ("signoffs[%u].team", s);

          check_ref (v, ROLLOUT_COLLECTION_PHASES, i, member, signoff->team_id,
                     rollout_project_lookup_team (v->project, signoff->team_id), ROLLOUT_COLLECTION_TEAMS);
        }
    }
}

static void
check_risks (Validator *v)
{
  GListModel *risks = rollout_project_get_risks (v->project);
  guint n = g_list_model_get_n_items (risks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutRisk) risk = g_list_model_get_item (risks, i);
      const char *phase = rollout_risk_get_phase_id (risk);
      const char * const *tasks = rollout_risk_get_task_ids (risk);

      check_ref (v, ROLLOUT_COLLECTION_RISKS, i, "phase", phase,
                 rollout_project_lookup_phase (v->project, phase), ROLLOUT_COLLECTION_PHASES);
      for (guint t = 0; tasks && tasks[t]; t++)
        {
          g_autofree char *member = g_strdup_printf ("tasks[%u]", t);

          check_ref (v, ROLLOUT_COLLECTION_RISKS, i, member, tasks[t],
                     rollout_project_lookup_task (v->project, tasks[t]), ROLLOUT_COLLECTION_TASKS);
        }
    }
}

static void
check_metrics (Validator *v)
{
  GListModel *metrics = rollout_project_get_metrics (v->project);
  guint n = g_list_model_get_n_items (metrics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);
      GPtrArray *samples = rollout_metric_get_samples (metric);

      for (guint s = 0; s < samples->len; s++)
        {
          RolloutSample *sample = g_ptr_array_index (samples, s);
          g_autofree char *member = g_strdup_printf ("samples[%u].phase", s);

          check_ref (v, ROLLOUT_COLLECTION_METRICS, i, member, sample->phase_id,
                     rollout_project_lookup_phase (v->project, sample->phase_id), ROLLOUT_COLLECTION_PHASES);
        }
    }
}

static void
check_feedback (Validator *v)
{
  GListModel *feedback = rollout_project_get_feedback (v->project);
  guint n = g_list_model_get_n_items (feedback);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutFeedback) entry = g_list_model_get_item (feedback, i);
      const char *phase = rollout_feedback_get_phase_id (entry);
      const char *task = rollout_feedback_get_task_id (entry);

      check_ref (v, ROLLOUT_COLLECTION_FEEDBACK, i, "phase", phase,
                 rollout_project_lookup_phase (v->project, phase), ROLLOUT_COLLECTION_PHASES);
      check_ref (v, ROLLOUT_COLLECTION_FEEDBACK, i, "task", task,
                 rollout_project_lookup_task (v->project, task), ROLLOUT_COLLECTION_TASKS);
    }
}

void
_rollout_project_validate_into (RolloutProject             *project,
                                const RolloutFilePositions *positions,
                                GPtrArray                  *diagnostics)
{
  Validator v = { project, positions, diagnostics };

  check_phases (&v);
  check_tasks (&v);
  check_cycles (&v);
  check_risks (&v);
  check_metrics (&v);
  check_feedback (&v);
  rollout_merge_conflicts_validate (project, diagnostics);
}

/**
 * rollout_project_validate:
 * @project: a #RolloutProject
 *
 * Checks references and dependency cycles, as reading a file does.
 *
 * Returns: (transfer full) (element-type RolloutDiagnostic): every problem
 *   found; empty when there is none
 */
GPtrArray *
rollout_project_validate (RolloutProject *project)
{
  GPtrArray *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_diagnostic_free);

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), diagnostics);

  _rollout_project_validate_into (project, NULL, diagnostics);
  return diagnostics;
}
