/* rollout-monitor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Watching a roll-out: where it stands, the decisions that move it on,
 * and the edits of samples and feedback that feed its gates.
 *
 * Where it stands is read from the phases' statuses, in roll-out order:
 * the current phase is the last one that is no longer planned (active,
 * paused, completed or rolled back), and the next phase is the one after
 * it (the first phase while none has started). Decisions follow from that:
 *
 * - start: the next phase becomes active, when the gate of the current
 *   phase is GO (the first phase has no gate before it). The current phase,
 *   if it was running, is completed.
 * - override: the same, when that gate is not GO; the override, with its
 *   reason, is recorded in the phase whose gate was overridden.
 * - pause: an active phase is paused; resume: the current phase, paused or
 *   rolled back, becomes active again; roll back: an active or paused phase
 *   is rolled back. Nothing moves on from a rolled-back phase until it is
 *   resumed.
 *
 * Every decision is recorded in the phase it concerns (who, when, why) and
 * made as one command, so one undo takes all of it back. Samples are
 * records inside their metric: editing one sets the metric's whole list,
 * which is cheap and keeps undo exact.
 */

#define G_LOG_DOMAIN "rollout-monitor"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-gates.h"
#include "rollout-monitor.h"

G_DEFINE_QUARK (rollout-monitor-error-quark, rollout_monitor_error)

/* Where the roll-out stands ------------------------------------------------ */

/**
 * rollout_monitor_get_current_phase:
 * @project: a project
 *
 * Returns: (transfer none) (nullable): the last phase, in roll-out order,
 *   that is no longer planned, or %NULL while none has started
 */
RolloutPhase *
rollout_monitor_get_current_phase (RolloutProject *project)
{
  GListModel *phases;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  phases = rollout_project_get_phases (project);
  for (guint i = g_list_model_get_n_items (phases); i > 0; i--)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i - 1);

      if (rollout_phase_get_status (phase) != ROLLOUT_PHASE_STATUS_PLANNED)
        return rollout_project_lookup_phase (project, rollout_phase_get_id (phase));
    }
  return NULL;
}

/**
 * rollout_monitor_get_next_phase:
 * @project: a project
 *
 * Returns: (transfer none) (nullable): the phase after the current one (the
 *   first phase while none has started), or %NULL when the current phase is
 *   the last
 */
RolloutPhase *
rollout_monitor_get_next_phase (RolloutProject *project)
{
  RolloutPhase *current;
  GListModel *phases;
  g_autoptr(RolloutPhase) next = NULL;
  int position;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  current = rollout_monitor_get_current_phase (project);
  position = current != NULL ? rollout_project_index_of (project, current) + 1 : 0;
  phases = rollout_project_get_phases (project);
  if ((guint) position >= g_list_model_get_n_items (phases))
    return NULL;
  next = g_list_model_get_item (phases, position);
  return rollout_project_lookup_phase (project, rollout_phase_get_id (next));
}

/* Whether the roll-out may move on from @current (NULL: nothing started). */
static gboolean
may_move_on_from (RolloutPhase *current)
{
  return current == NULL || rollout_phase_get_status (current) != ROLLOUT_PHASE_STATUS_ROLLED_BACK;
}

/**
 * rollout_monitor_can_decide:
 * @project: a project
 * @phase: one of its phases
 * @action: a decision about @phase
 *
 * Whether @action fits where the roll-out stands: starting @phase when it
 * is the next phase and the current phase's gate is GO; overriding when it
 * is the next phase and that gate is not GO; pausing an active phase;
 * resuming the current phase when it is paused or rolled back; rolling back
 * an active or paused phase.
 *
 * Returns: %TRUE when rollout_monitor_new_decision() would accept @action
 */
gboolean
rollout_monitor_can_decide (RolloutProject        *project,
                            RolloutPhase          *phase,
                            RolloutDecisionAction  action)
{
  RolloutPhaseStatus status;
  RolloutPhase *current;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), FALSE);

  if (rollout_project_index_of (project, phase) < 0)
    return FALSE;

  status = rollout_phase_get_status (phase);
  current = rollout_monitor_get_current_phase (project);

  switch (action)
    {
    case ROLLOUT_DECISION_START:
      return phase == rollout_monitor_get_next_phase (project) &&
             may_move_on_from (current) &&
             rollout_gates_can_start_next (project, phase);

    case ROLLOUT_DECISION_OVERRIDE:
      /* The first phase has no gate before it: nothing to override. */
      return current != NULL &&
             phase == rollout_monitor_get_next_phase (project) &&
             may_move_on_from (current) &&
             !rollout_gates_can_start_next (project, phase);

    case ROLLOUT_DECISION_PAUSE:
      return status == ROLLOUT_PHASE_STATUS_ACTIVE;

    case ROLLOUT_DECISION_RESUME:
      return phase == current &&
             (status == ROLLOUT_PHASE_STATUS_PAUSED || status == ROLLOUT_PHASE_STATUS_ROLLED_BACK);

    case ROLLOUT_DECISION_ROLLBACK:
      return status == ROLLOUT_PHASE_STATUS_ACTIVE || status == ROLLOUT_PHASE_STATUS_PAUSED;

    default:
      return FALSE;
    }
}

/**
 * rollout_monitor_needs_reason:
 * @action: a decision
 *
 * Overriding a gate, pausing and rolling back must say why; starting on a
 * GO and resuming may.
 *
 * Returns: whether a decision of this kind needs a reason
 */
gboolean
rollout_monitor_needs_reason (RolloutDecisionAction action)
{
  return action == ROLLOUT_DECISION_OVERRIDE ||
         action == ROLLOUT_DECISION_PAUSE ||
         action == ROLLOUT_DECISION_ROLLBACK;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Sets @phase's status and appends a decision, as one command. */
static RolloutCommand *
new_record (RolloutPhase          *phase,
            RolloutPhaseStatus     status,
            RolloutDecisionAction  action,
            RolloutDate            date,
            const char            *by,
            const char            *reason,
            const char            *label)
{
  g_autoptr(GPtrArray) decisions = NULL;

  decisions = rollout_ptr_array_copy (rollout_phase_get_decisions (phase),
                                      (GBoxedCopyFunc) rollout_decision_copy,
                                      (GDestroyNotify) rollout_decision_free);
  g_ptr_array_add (decisions, rollout_decision_new (date, by, action, reason));
  return rollout_command_new_set_many (phase, label,
                                       "status", status,
                                       "decisions", decisions,
                                       NULL);
}

static char *
dup_trimmed (const char *text)
{
  return is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

/**
 * rollout_monitor_new_decision:
 * @project: a project
 * @phase: the phase decided about: for start and override, the phase to
 *   start (the next phase)
 * @action: the decision
 * @date: the day it was taken
 * @by: who took it
 * @reason: (nullable): why; required to override, pause and roll back
 * @error: return location for a #ROLLOUT_MONITOR_ERROR
 *
 * Makes the command that carries out @action and records it, as described
 * at the top of this file. Nothing changes until the command is executed.
 *
 * Returns: (transfer full) (nullable): the command, or %NULL when @action
 *   does not fit where the roll-out stands or a reason or person is missing
 */
RolloutCommand *
rollout_monitor_new_decision (RolloutProject         *project,
                              RolloutPhase           *phase,
                              RolloutDecisionAction   action,
                              RolloutDate             date,
                              const char             *by,
                              const char             *reason,
                              GError                **error)
{
  g_autofree char *label = NULL;
  g_autofree char *trimmed_reason = NULL;
  g_autofree char *trimmed_by = NULL;
  const char *name;
  RolloutPhase *current;
  RolloutCommand *group;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), NULL);
  g_return_val_if_fail (date != ROLLOUT_DATE_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase);
  if (!rollout_monitor_can_decide (project, phase, action))
    {
      switch (action)
        {
        case ROLLOUT_DECISION_START:
          g_set_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NOT_ALLOWED,
                       /* Translators: the name of a phase */
                       _("‘%s’ cannot start: it is not the next phase, or the gate before it is not GO"), name);
          break;
        case ROLLOUT_DECISION_OVERRIDE:
          g_set_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NOT_ALLOWED,
                       /* Translators: the name of a phase */
                       _("There is no gate to override before ‘%s’"), name);
          break;
        case ROLLOUT_DECISION_PAUSE:
          g_set_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NOT_ALLOWED,
                       /* Translators: the name of a phase */
                       _("‘%s’ cannot be paused: it is not active"), name);
          break;
        case ROLLOUT_DECISION_RESUME:
          g_set_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NOT_ALLOWED,
                       /* Translators: the name of a phase */
                       _("‘%s’ cannot be resumed: it is not the current phase, paused or rolled back"), name);
          break;
        case ROLLOUT_DECISION_ROLLBACK:
        default:
          g_set_error (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NOT_ALLOWED,
                       /* Translators: the name of a phase */
                       _("‘%s’ cannot be rolled back: it is not active or paused"), name);
          break;
        }
      return NULL;
    }

  trimmed_by = dup_trimmed (by);
  if (trimmed_by == NULL)
    {
      g_set_error_literal (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NO_PERSON,
                           _("Say who took the decision"));
      return NULL;
    }
  trimmed_reason = dup_trimmed (reason);
  if (trimmed_reason == NULL && rollout_monitor_needs_reason (action))
    {
      g_set_error_literal (error, ROLLOUT_MONITOR_ERROR, ROLLOUT_MONITOR_ERROR_NO_REASON,
                           _("Say why: the reason is recorded with the decision"));
      return NULL;
    }

  switch (action)
    {
    case ROLLOUT_DECISION_START:
    case ROLLOUT_DECISION_OVERRIDE:
      current = rollout_monitor_get_current_phase (project);
      if (action == ROLLOUT_DECISION_START)
        /* Translators: the name of a phase; an edit, as in "Undo Start ‘Pilot’" */
        label = g_strdup_printf (_("Start ‘%s’"), name);
      else
        /* Translators: the name of a phase; an edit, as in "Undo Start ‘Pilot’ Despite the Gate" */
        label = g_strdup_printf (_("Start ‘%s’ Despite the Gate"), name);
      group = rollout_command_new_group (label);

      if (current != NULL)
        {
          RolloutPhaseStatus status = rollout_phase_get_status (current);

          /* The phase the roll-out moves on from is over. */
          if (status == ROLLOUT_PHASE_STATUS_ACTIVE || status == ROLLOUT_PHASE_STATUS_PAUSED)
            status = ROLLOUT_PHASE_STATUS_COMPLETED;
          if (action == ROLLOUT_DECISION_OVERRIDE)
            rollout_command_group_add (group, new_record (current, status, ROLLOUT_DECISION_OVERRIDE,
                                                          date, trimmed_by, trimmed_reason, label));
          else if (status != rollout_phase_get_status (current))
            rollout_command_group_add (group, rollout_command_new_set_many (current, label, "status", status, NULL));
        }

      if (trimmed_reason == NULL && current != NULL)
        {
          g_autoptr(RolloutGateEvaluation) evaluation = rollout_gates_evaluate_phase (project, current);
          const char *current_name = rollout_phase_get_name (current);

          /* Translators: the name of a phase, then its gate's verdict in a
           * line ("GO: all 8 criteria are met") */
          trimmed_reason = g_strdup_printf (_("Gate of ‘%s’: %s"),
                                            current_name != NULL ? current_name : rollout_phase_get_id (current),
                                            evaluation->summary);
        }
      else if (action == ROLLOUT_DECISION_OVERRIDE)
        {
          const char *current_name = rollout_phase_get_name (current);
          char *overridden;

          /* Translators: the name of the phase whose gate was overridden,
           * then the reason given */
          overridden = g_strdup_printf (_("Started despite the gate of ‘%s’: %s"),
                                        current_name != NULL ? current_name : rollout_phase_get_id (current),
                                        trimmed_reason);
          g_free (trimmed_reason);
          trimmed_reason = overridden;
        }
      rollout_command_group_add (group, new_record (phase, ROLLOUT_PHASE_STATUS_ACTIVE, ROLLOUT_DECISION_START,
                                                    date, trimmed_by, trimmed_reason, label));
      return group;

    case ROLLOUT_DECISION_PAUSE:
      /* Translators: the name of a phase; an edit, as in "Undo Pause ‘Pilot’" */
      label = g_strdup_printf (_("Pause ‘%s’"), name);
      return new_record (phase, ROLLOUT_PHASE_STATUS_PAUSED, action, date, trimmed_by, trimmed_reason, label);

    case ROLLOUT_DECISION_RESUME:
      /* Translators: the name of a phase; an edit, as in "Undo Resume ‘Pilot’" */
      label = g_strdup_printf (_("Resume ‘%s’"), name);
      return new_record (phase, ROLLOUT_PHASE_STATUS_ACTIVE, action, date, trimmed_by, trimmed_reason, label);

    case ROLLOUT_DECISION_ROLLBACK:
    default:
      /* Translators: the name of a phase; an edit, as in "Undo Roll Back ‘Pilot’" */
      label = g_strdup_printf (_("Roll Back ‘%s’"), name);
      return new_record (phase, ROLLOUT_PHASE_STATUS_ROLLED_BACK, ROLLOUT_DECISION_ROLLBACK,
                         date, trimmed_by, trimmed_reason, label);
    }
}

/* Samples ------------------------------------------------------------------ */

static GPtrArray *
copy_samples (RolloutMetric *metric)
{
  return rollout_ptr_array_copy (rollout_metric_get_samples (metric),
                                 (GBoxedCopyFunc) rollout_sample_copy,
                                 (GDestroyNotify) rollout_sample_free);
}

static const char *
metric_name (RolloutMetric *metric)
{
  const char *name = rollout_metric_get_name (metric);

  return name != NULL ? name : rollout_metric_get_id (metric);
}

/**
 * rollout_monitor_new_add_sample:
 * @metric: a metric
 * @sample: the sample to add, copied
 *
 * Returns: (transfer full): a command that appends @sample to @metric's
 *   samples
 */
RolloutCommand *
rollout_monitor_new_add_sample (RolloutMetric       *metric,
                                const RolloutSample *sample)
{
  g_autoptr(GPtrArray) samples = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (ROLLOUT_IS_METRIC (metric), NULL);
  g_return_val_if_fail (sample != NULL, NULL);

  samples = copy_samples (metric);
  g_ptr_array_add (samples, rollout_sample_copy (sample));
  /* Translators: the name of a metric */
  label = g_strdup_printf (_("Add a Sample to ‘%s’"), metric_name (metric));
  return rollout_command_new_set_many (metric, label, "samples", samples, NULL);
}

/**
 * rollout_monitor_new_set_sample:
 * @metric: a metric
 * @index: the position of one of its samples
 * @sample: what the sample becomes, copied
 *
 * Returns: (transfer full): a command that replaces the sample at @index
 */
RolloutCommand *
rollout_monitor_new_set_sample (RolloutMetric       *metric,
                                guint                index,
                                const RolloutSample *sample)
{
  g_autoptr(GPtrArray) samples = NULL;
  g_autofree char *label = NULL;
  RolloutSample *old;

  g_return_val_if_fail (ROLLOUT_IS_METRIC (metric), NULL);
  g_return_val_if_fail (sample != NULL, NULL);
  g_return_val_if_fail (index < rollout_metric_get_samples (metric)->len, NULL);

  samples = copy_samples (metric);
  old = g_ptr_array_index (samples, index);
  g_ptr_array_index (samples, index) = rollout_sample_copy (sample);
  /* What this version does not know of the sample stays with it. */
  if (((RolloutSample *) g_ptr_array_index (samples, index))->extra == NULL && old->extra != NULL)
    ((RolloutSample *) g_ptr_array_index (samples, index))->extra = rollout_extra_ref (old->extra);
  rollout_sample_free (old);
  /* Translators: the name of a metric */
  label = g_strdup_printf (_("Edit a Sample of ‘%s’"), metric_name (metric));
  return rollout_command_new_set_many (metric, label, "samples", samples, NULL);
}

/**
 * rollout_monitor_new_remove_sample:
 * @metric: a metric
 * @index: the position of one of its samples
 *
 * Returns: (transfer full): a command that deletes the sample at @index
 */
RolloutCommand *
rollout_monitor_new_remove_sample (RolloutMetric *metric,
                                   guint          index)
{
  g_autoptr(GPtrArray) samples = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (ROLLOUT_IS_METRIC (metric), NULL);
  g_return_val_if_fail (index < rollout_metric_get_samples (metric)->len, NULL);

  samples = copy_samples (metric);
  g_ptr_array_remove_index (samples, index);
  /* Translators: the name of a metric */
  label = g_strdup_printf (_("Delete a Sample of ‘%s’"), metric_name (metric));
  return rollout_command_new_set_many (metric, label, "samples", samples, NULL);
}

/* Feedback ----------------------------------------------------------------- */

/**
 * rollout_monitor_make_feedback_id:
 * @project: a project
 *
 * Returns: (transfer full): an id no feedback entry of @project has, in the
 *   style the CSV import uses ("fb-16")
 */
char *
rollout_monitor_make_feedback_id (RolloutProject *project)
{
  guint n;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  n = g_list_model_get_n_items (rollout_project_get_feedback (project));
  for (;;)
    {
      char *id = g_strdup_printf ("fb-%u", ++n);

      if (rollout_project_lookup_feedback (project, id) == NULL)
        return id;
      g_free (id);
    }
}

