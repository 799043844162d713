/* rollout-gate-edit.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Editing a phase's go/no-go gate.
 *
 * The gate editor works on a copy of the phase's gate (or on an empty one)
 * and hands the whole of it back as one command, so a session in the
 * editor is one undo step. What it needs that a window does not:
 *
 * - thresholds read as people type them: a decimal point, a sign, an
 *   exponent, spaces, and the metric's own unit after the number ("10 %");
 *   a comma is refused rather than guessed at, since "1,000" and "4,2" mean
 *   different things in different places;
 * - a criterion in words ("No-show rate ≤ 10% (mean of the last 7 days)"),
 *   as the report and the Monitor say it;
 * - a first guess for a new criterion: a metric the gate does not check
 *   yet, compared the way its direction says, against its target;
 * - the check before saving: every criterion names a metric of the plan,
 *   has a finite threshold and a window of 1–3650 days, and checks
 *   something no earlier criterion checks (the same metric, comparison and
 *   value again would only let the stricter threshold count); every
 *   required team exists and is required once; the risk score is 1–25.
 *   These are the reader's and the validator's rules, so an edited gate is
 *   always one the file can hold;
 * - equality, so that saving an unchanged gate adds no undo step. No gate
 *   and a gate without criteria (and without unknown members) are the same.
 *
 * Required sign-offs keep the order the file has; a team switched on is
 * added at the end, so switching a team off and on again leaves the file
 * as it was only if it was last.
 */

#define G_LOG_DOMAIN "rollout-gate-edit"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-gate-edit.h"

G_DEFINE_QUARK (rollout-gate-error-quark, rollout_gate_error)

/**
 * rollout_gate_problem_free:
 * @problem: (nullable): a #RolloutGateProblem
 */
void
rollout_gate_problem_free (RolloutGateProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray              *problems,
             RolloutGateProblemKind  kind,
             int                     index,
             char                   *message)
{
  RolloutGateProblem *problem = g_new0 (RolloutGateProblem, 1);

  problem->kind = kind;
  problem->index = index;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* Words ------------------------------------------------------------------- */

/**
 * rollout_comparison_get_symbol:
 * @comparison: a comparison
 *
 * Returns: the comparison as a sign: "≥", "≤", ">", "<", "=" or "≠"
 */
const char *
rollout_comparison_get_symbol (RolloutComparison comparison)
{
  switch (comparison)
    {
    case ROLLOUT_COMPARISON_LT:
      return "<";
    case ROLLOUT_COMPARISON_LE:
      return "≤";
    case ROLLOUT_COMPARISON_GT:
      return ">";
    case ROLLOUT_COMPARISON_GE:
      return "≥";
    case ROLLOUT_COMPARISON_EQ:
      return "=";
    case ROLLOUT_COMPARISON_NE:
      return "≠";
    default:
      g_return_val_if_reached ("?");
    }
}

/**
 * rollout_comparison_get_label:
 * @comparison: a comparison
 *
 * Returns: the comparison in words, as a choice: "at least", "below"
 */
const char *
rollout_comparison_get_label (RolloutComparison comparison)
{
  switch (comparison)
    {
    case ROLLOUT_COMPARISON_LT:
      return C_("comparison", "below");
    case ROLLOUT_COMPARISON_LE:
      return C_("comparison", "at most");
    case ROLLOUT_COMPARISON_GT:
      return C_("comparison", "above");
    case ROLLOUT_COMPARISON_GE:
      return C_("comparison", "at least");
    case ROLLOUT_COMPARISON_EQ:
      return C_("comparison", "exactly");
    case ROLLOUT_COMPARISON_NE:
      return C_("comparison", "anything but");
    default:
      g_return_val_if_reached ("?");
    }
}

/* Whether @unit is a symbol that follows a number ("%", "/5") rather than
 * a word ("reservations"), which is left to the metric's name. */
static gboolean
unit_is_symbol (const char *unit)
{
  return unit != NULL && *unit != '\0' && !g_unichar_isalpha (g_utf8_get_char (unit));
}

/**
 * rollout_gate_parse_threshold:
 * @text: a threshold as typed
 * @unit: (nullable): the metric's unit, which may follow the number
 * @out_value: (out): the threshold
 * @error: return location for a %ROLLOUT_GATE_ERROR_THRESHOLD error
 *
 * Reads a threshold: a number with a decimal point ("4.2", "-3", "1e3"),
 * spaces around it and the metric's unit after it allowed ("10 %"). A
 * comma is refused, as it is a thousands separator in some languages and
 * a decimal point in others.
 *
 * Returns: whether @text is such a number
 */
gboolean
rollout_gate_parse_threshold (const char  *text,
                              const char  *unit,
                              double      *out_value,
                              GError     **error)
{
  g_autoptr(GString) number = NULL;
  g_autofree char *trimmed = NULL;
  char *end = NULL;
  double value = 0.0;

  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (unit != NULL && *unit != '\0' && g_str_has_suffix (trimmed, unit) && strlen (trimmed) > strlen (unit))
    {
      trimmed[strlen (trimmed) - strlen (unit)] = '\0';
      g_strstrip (trimmed);
    }
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, ROLLOUT_GATE_ERROR, ROLLOUT_GATE_ERROR_THRESHOLD, _("Enter a threshold"));
      return FALSE;
    }

  /* A typographic minus reads as a minus; nothing else is let through to
   * strtod, which would take "inf", "nan" and hexadecimal too. */
  number = g_string_new (NULL);
  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2212)
        g_string_append_c (number, '-');
      else if (c == ',')
        {
          g_set_error_literal (error, ROLLOUT_GATE_ERROR, ROLLOUT_GATE_ERROR_THRESHOLD,
                               _("Write the threshold with a decimal point and no thousands separators, as 4.2 or 1000"));
          return FALSE;
        }
      else if (c < 0x80 && (g_ascii_isdigit (c) || strchr (".eE+-", (int) c) != NULL))
        g_string_append_c (number, (char) c);
      else
        {
          g_string_free (g_steal_pointer (&number), TRUE);
          break;
        }
    }

  if (number != NULL)
    value = g_ascii_strtod (number->str, &end);
  if (number == NULL || end == number->str || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, ROLLOUT_GATE_ERROR, ROLLOUT_GATE_ERROR_THRESHOLD,
                   _("“%s” is not a number"), trimmed);
      return FALSE;
    }
  *out_value = value == 0.0 ? 0.0 : value; /* no "-0" */
  return TRUE;
}

/**
 * rollout_gate_format_threshold:
 * @value: a finite threshold
 *
 * Writes @value as rollout_gate_parse_threshold() reads it back exactly,
 * as shortly as possible: "4.2", "180", "0.125".
 *
 * Returns: (transfer full): the text
 */
char *
rollout_gate_format_threshold (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (isfinite (value), g_strdup (""));

  if (value == 0.0)
    return g_strdup ("0");
  /* Whole numbers in full: "1000000", not "1e+06". */
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/**
 * rollout_gate_metric_describe_aggregate:
 * @gm: a metric criterion
 *
 * Returns: (transfer full): which value the criterion compares, in words:
 *   "latest sample", "mean of the last 7 days", "mean of every sample"
 */
char *
rollout_gate_metric_describe_aggregate (const RolloutGateMetric *gm)
{
  g_return_val_if_fail (gm != NULL, NULL);

  if (gm->aggregate == ROLLOUT_AGGREGATE_MEAN && gm->window_days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "mean of the last %d day",
                                         "mean of the last %d days",
                                         gm->window_days),
                            gm->window_days);
  if (gm->aggregate == ROLLOUT_AGGREGATE_MEAN)
    return g_strdup (_("mean of every sample"));
  return g_strdup (_("latest sample"));
}

/**
 * rollout_gate_metric_describe:
 * @gm: a metric criterion
 * @metric: (nullable): the metric it names, or %NULL when the plan has none
 *   by that id
 *
 * Returns: (transfer full): the criterion in words: "No-show rate ≤ 10%
 *   (mean of the last 7 days)"
 */
char *
rollout_gate_metric_describe (const RolloutGateMetric *gm,
                              RolloutMetric           *metric)
{
  g_autofree char *number = NULL;
  g_autofree char *how = NULL;
  const char *unit = NULL;
  const char *name;

  g_return_val_if_fail (gm != NULL, NULL);
  g_return_val_if_fail (metric == NULL || ROLLOUT_IS_METRIC (metric), NULL);

  if (metric != NULL)
    {
      name = rollout_metric_get_name (metric) != NULL ? rollout_metric_get_name (metric)
                                                      : rollout_metric_get_id (metric);
      unit = rollout_metric_get_unit (metric);
    }
  else
    name = gm->metric_id != NULL && *gm->metric_id != '\0' ? gm->metric_id : _("No metric");

  number = isfinite (gm->threshold) ? rollout_gate_format_threshold (gm->threshold) : g_strdup ("?");
  how = rollout_gate_metric_describe_aggregate (gm);
  /* Translators: a gate criterion: a metric, a comparison sign, the
   * threshold (with its unit when it is a symbol) and which value is
   * compared: "No-show rate ≤ 10% (mean of the last 7 days)" */
  return g_strdup_printf (_("%s %s %s%s (%s)"), name, rollout_comparison_get_symbol (gm->comparison),
                          number, unit_is_symbol (unit) ? unit : "", how);
}

/* A new criterion --------------------------------------------------------- */

static gboolean
gate_checks_metric (const RolloutGate *gate,
                    const char        *metric_id)
{
  for (guint i = 0; gate != NULL && gate->metrics != NULL && i < gate->metrics->len; i++)
    if (g_strcmp0 (((RolloutGateMetric *) g_ptr_array_index (gate->metrics, i))->metric_id, metric_id) == 0)
      return TRUE;
  return FALSE;
}

/**
 * rollout_gate_metric_suggest:
 * @project: the plan
 * @gate: (nullable): the gate the criterion is for
 *
 * A first guess for a new criterion of @gate: the plan's first metric that
 * @gate does not check yet (or its first metric), compared as its
 * direction says (at least its target when higher is better, at most it
 * when lower is), against its target or else 0, on its latest sample.
 *
 * Returns: (transfer full) (nullable): the criterion, or %NULL when the
 *   plan has no metric
 */
RolloutGateMetric *
rollout_gate_metric_suggest (RolloutProject    *project,
                             const RolloutGate *gate)
{
  GListModel *metrics;
  g_autoptr(RolloutMetric) chosen = NULL;
  guint n;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  metrics = rollout_project_get_metrics (project);
  n = g_list_model_get_n_items (metrics);
  if (n == 0)
    return NULL;
  for (guint i = 0; i < n && chosen == NULL; i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);

      if (!gate_checks_metric (gate, rollout_metric_get_id (metric)))
        chosen = g_steal_pointer (&metric);
    }
  if (chosen == NULL)
    chosen = g_list_model_get_item (metrics, 0);

  return rollout_gate_metric_new (rollout_metric_get_id (chosen),
                                  rollout_metric_get_direction (chosen) == ROLLOUT_DIRECTION_LOWER
                                  ? ROLLOUT_COMPARISON_LE : ROLLOUT_COMPARISON_GE,
                                  rollout_metric_get_has_target (chosen) ? rollout_metric_get_target (chosen) : 0.0);
}

/* Comparing --------------------------------------------------------------- */

static gboolean
extra_equal (JsonObject *a,
             JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty && b_empty;
  return a == b || json_object_equal (a, b);
}

static gboolean
gate_metric_equal (const RolloutGateMetric *a,
                   const RolloutGateMetric *b)
{
  /* Thresholds compare exactly: the file writes what is stored. */
  return g_strcmp0 (a->metric_id, b->metric_id) == 0 &&
         a->comparison == b->comparison &&
         a->threshold == b->threshold &&
         a->aggregate == b->aggregate &&
         a->window_days == b->window_days &&
         extra_equal (a->extra, b->extra);
}

/**
 * rollout_gate_is_empty:
 * @gate: (nullable): a gate
 *
 * Returns: whether @gate states no criterion and keeps no unknown member,
 *   so that it means what no gate means
 */
gboolean
rollout_gate_is_empty (const RolloutGate *gate)
{
  return gate == NULL ||
         ((gate->metrics == NULL || gate->metrics->len == 0) &&
          (gate->required_signoffs == NULL || gate->required_signoffs[0] == NULL) &&
          gate->max_open_risk_score == 0 &&
          extra_equal (gate->extra, NULL));
}

/**
 * rollout_gate_equal:
 * @a: (nullable): a gate
 * @b: (nullable): another
 *
 * Whether @a and @b would be written alike: the same criteria in the same
 * order, with the same members kept from other writers. No gate and an
 * empty one (see rollout_gate_is_empty()) are equal.
 *
 * Returns: %TRUE if they are equal
 */
gboolean
rollout_gate_equal (const RolloutGate *a,
                    const RolloutGate *b)
{
  guint n_a, n_b;

  if (a == NULL || b == NULL)
    return rollout_gate_is_empty (a) && rollout_gate_is_empty (b);
  if (a == b)
    return TRUE;

  n_a = a->metrics != NULL ? a->metrics->len : 0;
  n_b = b->metrics != NULL ? b->metrics->len : 0;
  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (!gate_metric_equal (g_ptr_array_index (a->metrics, i), g_ptr_array_index (b->metrics, i)))
      return FALSE;

  for (guint i = 0; ; i++)
    {
      const char *x = a->required_signoffs != NULL ? a->required_signoffs[i] : NULL;
      const char *y = b->required_signoffs != NULL ? b->required_signoffs[i] : NULL;

      if (g_strcmp0 (x, y) != 0)
        return FALSE;
      if (x == NULL)
        break;
    }

  return a->max_open_risk_score == b->max_open_risk_score && extra_equal (a->extra, b->extra);
}

/* Sign-offs --------------------------------------------------------------- */

/**
 * rollout_gate_requires_signoff:
 * @gate: (nullable): a gate
 * @team_id: a team's id
 *
 * Returns: whether @gate waits for @team_id's sign-off
 */
gboolean
rollout_gate_requires_signoff (const RolloutGate *gate,
                               const char        *team_id)
{
  g_return_val_if_fail (team_id != NULL, FALSE);

  return gate != NULL && gate->required_signoffs != NULL &&
         g_strv_contains ((const char * const *) gate->required_signoffs, team_id);
}

/**
 * rollout_gate_set_signoff_required:
 * @gate: a gate
 * @team_id: a team's id
 * @required: whether @gate waits for that team's sign-off
 *
 * Adds @team_id at the end of the required sign-offs, or takes it out,
 * leaving the others in their order.
 */
void
rollout_gate_set_signoff_required (RolloutGate *gate,
                                   const char  *team_id,
                                   gboolean     required)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_if_fail (gate != NULL);
  g_return_if_fail (team_id != NULL);

  if (!!required == rollout_gate_requires_signoff (gate, team_id))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; gate->required_signoffs != NULL && gate->required_signoffs[i] != NULL; i++)
    if (g_strcmp0 (gate->required_signoffs[i], team_id) != 0)
      g_strv_builder_add (builder, gate->required_signoffs[i]);
  if (required)
    g_strv_builder_add (builder, team_id);
  g_strfreev (gate->required_signoffs);
  gate->required_signoffs = g_strv_builder_end (builder);
}

/* Checking ---------------------------------------------------------------- */

/* Whether two criteria compare the same value the same way. */
static gboolean
same_check (const RolloutGateMetric *a,
            const RolloutGateMetric *b)
{
  if (g_strcmp0 (a->metric_id, b->metric_id) != 0 || a->comparison != b->comparison || a->aggregate != b->aggregate)
    return FALSE;
  /* The latest sample is the latest, whatever window is written. */
  return a->aggregate == ROLLOUT_AGGREGATE_LATEST || a->window_days == b->window_days;
}

/**
 * rollout_gate_check:
 * @project: the plan the gate is for
 * @gate: (nullable): an edited gate
 *
 * Finds what would keep @gate from being saved: see #RolloutGateProblemKind.
 * Problems come in the gate's order: metric criteria, sign-offs, risks.
 *
 * Returns: (transfer full) (element-type RolloutGateProblem): the problems,
 *   empty when there are none
 */
GPtrArray *
rollout_gate_check (RolloutProject    *project,
                    const RolloutGate *gate)
{
  GPtrArray *problems;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_gate_problem_free);
  if (gate == NULL)
    return problems;

  for (guint i = 0; gate->metrics != NULL && i < gate->metrics->len; i++)
    {
      const RolloutGateMetric *gm = g_ptr_array_index (gate->metrics, i);

      if (gm->metric_id == NULL || *gm->metric_id == '\0')
        add_problem (problems, ROLLOUT_GATE_PROBLEM_METRIC, i, g_strdup (_("Choose a metric")));
      else if (rollout_project_lookup_metric (project, gm->metric_id) == NULL)
        add_problem (problems, ROLLOUT_GATE_PROBLEM_METRIC, i,
                     g_strdup_printf (_("The plan has no metric with the id “%s”"), gm->metric_id));
      if (!isfinite (gm->threshold))
        add_problem (problems, ROLLOUT_GATE_PROBLEM_THRESHOLD, i, g_strdup (_("The threshold must be a number")));
      if (gm->window_days < 0 || gm->window_days > ROLLOUT_GATE_MAX_WINDOW_DAYS)
        add_problem (problems, ROLLOUT_GATE_PROBLEM_WINDOW, i,
                     g_strdup_printf (_("Count from 1 to %d days"), ROLLOUT_GATE_MAX_WINDOW_DAYS));
      for (guint k = 0; k < i; k++)
        if (gm->metric_id != NULL && same_check (g_ptr_array_index (gate->metrics, k), gm))
          {
            add_problem (problems, ROLLOUT_GATE_PROBLEM_DUPLICATE, i,
                         /* Translators: %u is the position of another criterion, from 1 */
                         g_strdup_printf (_("Criterion %u already compares this value the same way: keep one of them"),
                                          k + 1));
            break;
          }
    }

  for (guint i = 0; gate->required_signoffs != NULL && gate->required_signoffs[i] != NULL; i++)
    {
      const char *team_id = gate->required_signoffs[i];
      RolloutTeam *team = rollout_project_lookup_team (project, team_id);
      gboolean twice = FALSE;

      for (guint k = 0; k < i && !twice; k++)
        twice = g_strcmp0 (gate->required_signoffs[k], team_id) == 0;
      if (team == NULL)
        add_problem (problems, ROLLOUT_GATE_PROBLEM_SIGNOFF, i,
                     g_strdup_printf (_("The plan has no team with the id “%s”"), team_id));
      else if (twice)
        /* Translators: the name of a team */
        add_problem (problems, ROLLOUT_GATE_PROBLEM_SIGNOFF, i,
                     g_strdup_printf (_("The sign-off of %s is required twice"),
                                      rollout_team_get_name (team) != NULL ? rollout_team_get_name (team) : team_id));
    }

  if (gate->max_open_risk_score < 0 || gate->max_open_risk_score > ROLLOUT_GATE_MAX_RISK_SCORE)
    add_problem (problems, ROLLOUT_GATE_PROBLEM_RISK, -1,
                 g_strdup_printf (_("Choose a score from 1 to %d"), ROLLOUT_GATE_MAX_RISK_SCORE));
  return problems;
}

/* The plan ---------------------------------------------------------------- */

/**
 * rollout_gates_find_metric_users:
 * @project: a plan
 * @metric_id: a metric's id
 *
 * Returns: (transfer full) (element-type RolloutPhase): the phases whose
 *   gate checks @metric_id, in roll-out order, each once
 */
GPtrArray *
rollout_gates_find_metric_users (RolloutProject *project,
                                 const char     *metric_id)
{
  GListModel *phases;
  GPtrArray *users;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (metric_id != NULL, NULL);

  users = g_ptr_array_new_with_free_func (g_object_unref);
  phases = rollout_project_get_phases (project);
  for (guint i = 0, n = g_list_model_get_n_items (phases); i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      if (gate_checks_metric (rollout_phase_get_gate (phase), metric_id))
        g_ptr_array_add (users, g_steal_pointer (&phase));
    }
  return users;
}

/**
 * rollout_gates_new_set_gate:
 * @project: the plan
 * @phase: one of its phases
 * @gate: (nullable): the phase's new gate
 * @error: return location for a %ROLLOUT_GATE_ERROR_INVALID error
 *
 * Gives @phase the gate @gate in one command. An empty gate (see
 * rollout_gate_is_empty()) takes the phase's gate away. A gate with
 * problems (see rollout_gate_check()) is refused, with the first problem
 * as the message.
 *
 * Returns: (transfer full) (nullable): the command, or %NULL on error
 */
RolloutCommand *
rollout_gates_new_set_gate (RolloutProject     *project,
                            RolloutPhase       *phase,
                            const RolloutGate  *gate,
                            GError            **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rollout_project_index_of (project, phase) < 0)
    {
      g_set_error (error, ROLLOUT_GATE_ERROR, ROLLOUT_GATE_ERROR_INVALID,
                   _("The plan has no phase with the id “%s”"), rollout_phase_get_id (phase));
      return NULL;
    }
  problems = rollout_gate_check (project, gate);
  if (problems->len > 0)
    {
      g_set_error_literal (error, ROLLOUT_GATE_ERROR, ROLLOUT_GATE_ERROR_INVALID,
                           ((RolloutGateProblem *) g_ptr_array_index (problems, 0))->message);
      return NULL;
    }

  /* Translators: an edit, for the Undo menu; the name of a phase */
  label = g_strdup_printf (_("Edit the gate of ‘%s’"),
                           rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase)
                                                                  : rollout_phase_get_id (phase));
  return rollout_command_new_set_many (phase, label, "gate", rollout_gate_is_empty (gate) ? NULL : gate, NULL);
}
