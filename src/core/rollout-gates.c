/* rollout-gates.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Go/no-go gates.
 *
 * A phase's gate lists what must hold before the roll-out leaves it. Each
 * criterion is judged on its own, from the plan alone (no clock), so the
 * same plan always gives the same verdicts:
 *
 * - A metric criterion looks at the metric's samples recorded for this
 *   phase. "latest" takes the sample with the latest date (of several on
 *   that day, the one listed last); "mean" averages the samples of the last
 *   window_days days up to and including the latest sample's day, or all of
 *   them when window_days is 0. No samples: no data. The value is compared
 *   with the threshold with a tolerance of a billionth (relative), so a mean
 *   that comes out as 4.199999999 meets ">= 4.2".
 * - A required sign-off passes when the phase has a sign-off from that
 *   team, and is missing otherwise.
 * - The risk criterion fails when a risk that is open or mitigating, and
 *   belongs to this phase or to no phase, scores (likelihood × impact) at
 *   least the gate's maximum.
 *
 * The verdict is NO-GO when any criterion fails, else PENDING when any has
 * no data or is missing, else GO. A phase without a gate, or with a gate
 * that states no criterion, gets no verdict.
 *
 * Every criterion carries its reason in words, and the numbers behind it,
 * so the Monitor view, the report and `rollout-cli gates` say the same.
 */

#define G_LOG_DOMAIN "rollout-gates"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rollout-gates.h"

G_DEFINE_ENUM_TYPE (RolloutVerdict, rollout_verdict,
  G_DEFINE_ENUM_VALUE (ROLLOUT_VERDICT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_VERDICT_GO, "go"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_VERDICT_NO_GO, "no-go"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_VERDICT_PENDING, "pending"))

G_DEFINE_ENUM_TYPE (RolloutCriterionKind, rollout_criterion_kind,
  G_DEFINE_ENUM_VALUE (ROLLOUT_CRITERION_METRIC, "metric"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_CRITERION_SIGNOFF, "signoff"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_CRITERION_RISK, "risk"))

G_DEFINE_ENUM_TYPE (RolloutCriterionResult, rollout_criterion_result,
  G_DEFINE_ENUM_VALUE (ROLLOUT_CRITERION_PASS, "pass"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_CRITERION_FAIL, "fail"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_CRITERION_NO_DATA, "no-data"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_CRITERION_MISSING, "missing"))

G_DEFINE_BOXED_TYPE (RolloutGateEvaluation, rollout_gate_evaluation,
                     rollout_gate_evaluation_ref, rollout_gate_evaluation_unref)

/* Numbers ----------------------------------------------------------------- */

#define MAX_DECIMALS 6

/* -1, 0 or 1, treating values within a billionth of each other as equal. */
static int
compare_with_tolerance (double a,
                        double b)
{
  double tolerance = 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));

  if (fabs (a - b) <= tolerance)
    return 0;
  return a < b ? -1 : 1;
}

/**
 * rollout_gates_compare:
 * @value: the measured value
 * @comparison: how it must relate to @threshold
 * @threshold: the threshold
 *
 * Compares as gates do: values within a billionth of each other (relative)
 * count as equal.
 *
 * Returns: whether @value @comparison @threshold holds
 */
gboolean
rollout_gates_compare (double            value,
                       RolloutComparison comparison,
                       double            threshold)
{
  int c = compare_with_tolerance (value, threshold);

  switch (comparison)
    {
    case ROLLOUT_COMPARISON_LT:
      return c < 0;
    case ROLLOUT_COMPARISON_LE:
      return c <= 0;
    case ROLLOUT_COMPARISON_GT:
      return c > 0;
    case ROLLOUT_COMPARISON_GE:
      return c >= 0;
    case ROLLOUT_COMPARISON_EQ:
      return c == 0;
    case ROLLOUT_COMPARISON_NE:
      return c != 0;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The fewest decimals (up to MAX_DECIMALS) that show @value exactly. */
static int
exact_decimals (double value)
{
  double scaled = fabs (value);

  for (int d = 0; d < MAX_DECIMALS; d++, scaled *= 10)
    if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, scaled))
      return d;
  return MAX_DECIMALS;
}

static char *
format_number (double      value,
               int         decimals,
               const char *unit)
{
  /* Symbols ("%", "/5") follow the number; word units ("reservations")
   * would make the sentence clumsy and are left to the metric's name. */
  gboolean symbol = unit != NULL && *unit != '\0' && !g_unichar_isalpha (g_utf8_get_char (unit));

  if (value == 0.0)
    value = 0.0; /* no "-0" */
  return g_strdup_printf ("%.*f%s", decimals, value, symbol ? unit : "");
}

static double
round_to (double value,
          int    decimals)
{
  double scale = pow (10.0, decimals);

  return round (value * scale) / scale;
}

/* Formats a measured value and its threshold so that they differ in print
 * whenever they differ in fact: a mean of 4.1995 against 4.2 shows as
 * "4.1995", not as "4.20". Otherwise values get at most two decimals, or as
 * many as the threshold has. */
static void
format_pair (double       value,
             double       threshold,
             const char  *unit,
             char       **out_value,
             char       **out_threshold)
{
  int threshold_decimals = exact_decimals (threshold);
  int value_decimals = MIN (exact_decimals (value), MAX (2, threshold_decimals));

  if (compare_with_tolerance (value, threshold) != 0)
    while (value_decimals < MAX_DECIMALS &&
           compare_with_tolerance (round_to (value, value_decimals), threshold) == 0)
      value_decimals++;
  *out_threshold = format_number (threshold, threshold_decimals, unit);
  *out_value = format_number (value, value_decimals, unit);
}

/* Criteria ---------------------------------------------------------------- */

static void
criterion_free (RolloutGateCriterion *criterion)
{
  g_free (criterion->reason);
  g_clear_pointer (&criterion->gate_metric, rollout_gate_metric_free);
  g_clear_object (&criterion->metric);
  g_free (criterion->team_id);
  g_clear_object (&criterion->team);
  g_clear_pointer (&criterion->signoff, rollout_signoff_free);
  g_clear_pointer (&criterion->risks, g_ptr_array_unref);
  g_free (criterion);
}

static void
evaluation_clear (RolloutGateEvaluation *self)
{
  g_clear_object (&self->phase);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
}

/**
 * rollout_gate_evaluation_ref:
 * @self: a #RolloutGateEvaluation
 *
 * Returns: (transfer full): @self
 */
RolloutGateEvaluation *
rollout_gate_evaluation_ref (RolloutGateEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
rollout_gate_evaluation_unref (RolloutGateEvaluation *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, (GDestroyNotify) evaluation_clear);
}

/**
 * rollout_gates_aggregate:
 * @metric: a metric
 * @phase_id: the phase whose samples count
 * @aggregate: latest or mean
 * @window_days: with %ROLLOUT_AGGREGATE_MEAN, how many days up to the latest
 *   sample count; 0 for all samples
 * @out_value: (out) (optional): the latest value, or the mean
 * @out_n_samples: (out) (optional): how many samples it comes from
 * @out_first_day: (out) (optional): the first day of the samples counted
 *   (for a mean over a window, the window's first day)
 * @out_last_day: (out) (optional): the latest sample's day
 *
 * Computes the value a gate compares with its threshold.
 *
 * Returns: %FALSE when the metric has no sample for @phase_id
 */
gboolean
rollout_gates_aggregate (RolloutMetric    *metric,
                         const char       *phase_id,
                         RolloutAggregate  aggregate,
                         int               window_days,
                         double           *out_value,
                         guint            *out_n_samples,
                         RolloutDate      *out_first_day,
                         RolloutDate      *out_last_day)
{
  GPtrArray *samples;
  const RolloutSample *latest = NULL;
  RolloutDate first_day = ROLLOUT_DATE_NONE, window_start = ROLLOUT_DATE_NONE;
  double sum = 0.0, value;
  guint n = 0;

  g_return_val_if_fail (ROLLOUT_IS_METRIC (metric), FALSE);
  g_return_val_if_fail (phase_id != NULL, FALSE);

  samples = rollout_metric_get_samples (metric);
  for (guint i = 0; i < samples->len; i++)
    {
      const RolloutSample *sample = g_ptr_array_index (samples, i);

      if (g_strcmp0 (sample->phase_id, phase_id) == 0 &&
          (latest == NULL || sample->date >= latest->date))
        latest = sample;
    }
  if (latest == NULL)
    return FALSE;

  if (aggregate == ROLLOUT_AGGREGATE_MEAN)
    {
      if (window_days > 0 && latest->date > (RolloutDate) window_days)
        window_start = latest->date - (RolloutDate) window_days + 1;
      for (guint i = 0; i < samples->len; i++)
        {
          const RolloutSample *sample = g_ptr_array_index (samples, i);

          if (g_strcmp0 (sample->phase_id, phase_id) != 0 ||
              sample->date < window_start || sample->date > latest->date)
            continue;
          sum += sample->value;
          n++;
          if (first_day == ROLLOUT_DATE_NONE || sample->date < first_day)
            first_day = sample->date;
        }
      value = sum / n;
      if (window_days > 0)
        first_day = window_start != ROLLOUT_DATE_NONE ? window_start : first_day;
    }
  else
    {
      value = latest->value;
      n = 1;
      first_day = latest->date;
    }

  if (out_value != NULL)
    *out_value = value;
  if (out_n_samples != NULL)
    *out_n_samples = n;
  if (out_first_day != NULL)
    *out_first_day = first_day;
  if (out_last_day != NULL)
    *out_last_day = latest->date;
  return TRUE;
}

static char *
describe_aggregate (const RolloutGateCriterion *criterion)
{
  const RolloutGateMetric *gm = criterion->gate_metric;

  if (gm->aggregate == ROLLOUT_AGGREGATE_MEAN && gm->window_days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "mean of the last %d day",
                                         "mean of the last %d days",
                                         gm->window_days),
                            gm->window_days);
  if (gm->aggregate == ROLLOUT_AGGREGATE_MEAN)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "mean of %u sample",
                                         "mean of all %u samples",
                                         criterion->n_samples),
                            criterion->n_samples);
  {
    char day[11];

    rollout_date_format_buf (criterion->last_day, day);
    /* Translators: the latest sample of a metric, and its date */
    return g_strdup_printf (_("latest, %s"), day);
  }
}

/* The sentence for a judged metric criterion. Each case spells its format
 * out so that translators see whole sentences. */
static char *
describe_metric (const RolloutGateCriterion *criterion,
                 const char                 *name,
                 const char                 *value,
                 const char                 *threshold,
                 const char                 *how)
{
  gboolean pass = criterion->result == ROLLOUT_CRITERION_PASS;

  switch (criterion->gate_metric->comparison)
    {
    case ROLLOUT_COMPARISON_GE:
      return pass
        ? g_strdup_printf (_("%s %s is at or above the threshold %s (%s)"), name, value, threshold, how)
        : g_strdup_printf (_("%s %s is below the threshold %s (%s)"), name, value, threshold, how);
    case ROLLOUT_COMPARISON_GT:
      return pass
        ? g_strdup_printf (_("%s %s is above the threshold %s (%s)"), name, value, threshold, how)
        : g_strdup_printf (_("%s %s is not above the threshold %s (%s)"), name, value, threshold, how);
    case ROLLOUT_COMPARISON_LE:
      return pass
        ? g_strdup_printf (_("%s %s is at or below the threshold %s (%s)"), name, value, threshold, how)
        : g_strdup_printf (_("%s %s is above the threshold %s (%s)"), name, value, threshold, how);
    case ROLLOUT_COMPARISON_LT:
      return pass
        ? g_strdup_printf (_("%s %s is below the threshold %s (%s)"), name, value, threshold, how)
        : g_strdup_printf (_("%s %s is not below the threshold %s (%s)"), name, value, threshold, how);
    case ROLLOUT_COMPARISON_EQ:
      return pass
        ? g_strdup_printf (_("%s %s is the required value %s (%s)"), name, value, threshold, how)
        : g_strdup_printf (_("%s %s is not the required value %s (%s)"), name, value, threshold, how);
    case ROLLOUT_COMPARISON_NE:
      return pass
        ? g_strdup_printf (_("%s %s is not the excluded value %s (%s)"), name, value, threshold, how)
        : g_strdup_printf (_("%s %s is the excluded value %s (%s)"), name, value, threshold, how);
    default:
      g_return_val_if_reached (NULL);
    }
}

static RolloutGateCriterion *
evaluate_metric (RolloutProject          *project,
                 RolloutPhase            *phase,
                 const RolloutGateMetric *gm)
{
  RolloutGateCriterion *criterion = g_new0 (RolloutGateCriterion, 1);
  RolloutMetric *metric = rollout_project_lookup_metric (project, gm->metric_id);
  g_autofree char *value = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *how = NULL;
  const char *name;

  criterion->kind = ROLLOUT_CRITERION_METRIC;
  criterion->gate_metric = rollout_gate_metric_copy (gm);

  if (metric == NULL)
    {
      criterion->result = ROLLOUT_CRITERION_NO_DATA;
      criterion->reason = g_strdup_printf (_("The plan has no metric with the id “%s”"), gm->metric_id);
      return criterion;
    }
  criterion->metric = g_object_ref (metric);
  name = rollout_metric_get_name (metric);
  if (name == NULL)
    name = rollout_metric_get_id (metric);

  if (!rollout_gates_aggregate (metric, rollout_phase_get_id (phase), gm->aggregate, gm->window_days,
                                &criterion->value, &criterion->n_samples,
                                &criterion->first_day, &criterion->last_day))
    {
      criterion->result = ROLLOUT_CRITERION_NO_DATA;
      criterion->reason = g_strdup_printf (_("%s has no samples in this phase yet"), name);
      return criterion;
    }

  criterion->result = rollout_gates_compare (criterion->value, gm->comparison, gm->threshold)
                      ? ROLLOUT_CRITERION_PASS : ROLLOUT_CRITERION_FAIL;
  format_pair (criterion->value, gm->threshold, rollout_metric_get_unit (metric), &value, &threshold);
  how = describe_aggregate (criterion);
  criterion->reason = describe_metric (criterion, name, value, threshold, how);
  return criterion;
}

static RolloutGateCriterion *
evaluate_signoff (RolloutProject *project,
                  RolloutPhase   *phase,
                  const char     *team_id)
{
  RolloutGateCriterion *criterion = g_new0 (RolloutGateCriterion, 1);
  RolloutTeam *team = rollout_project_lookup_team (project, team_id);
  GPtrArray *signoffs = rollout_phase_get_signoffs (phase);
  const char *name = team != NULL && rollout_team_get_name (team) != NULL
                     ? rollout_team_get_name (team) : team_id;
  const RolloutSignoff *signoff = NULL;

  criterion->kind = ROLLOUT_CRITERION_SIGNOFF;
  criterion->team_id = g_strdup (team_id);
  criterion->team = team != NULL ? g_object_ref (team) : NULL;

  for (guint i = 0; signoffs != NULL && i < signoffs->len; i++)
    {
      const RolloutSignoff *s = g_ptr_array_index (signoffs, i);

      if (g_strcmp0 (s->team_id, team_id) == 0)
        {
          signoff = s;
          break;
        }
    }

  if (signoff == NULL)
    {
      criterion->result = ROLLOUT_CRITERION_MISSING;
      criterion->reason = g_strdup_printf (_("Waiting for sign-off from %s"), name);
      return criterion;
    }

  criterion->result = ROLLOUT_CRITERION_PASS;
  criterion->signoff = rollout_signoff_copy (signoff);
  {
    char day[11];

    rollout_date_format_buf (signoff->date, day);
    if (signoff->by != NULL && signoff->date != ROLLOUT_DATE_NONE)
      /* Translators: team, person, date */
      criterion->reason = g_strdup_printf (_("%s signed off (%s, %s)"), name, signoff->by, day);
    else if (signoff->by != NULL)
      criterion->reason = g_strdup_printf (_("%s signed off (%s)"), name, signoff->by);
    else if (signoff->date != ROLLOUT_DATE_NONE)
      criterion->reason = g_strdup_printf (_("%s signed off (%s)"), name, day);
    else
      criterion->reason = g_strdup_printf (_("%s signed off"), name);
  }
  return criterion;
}

static int
compare_risks_by_score (gconstpointer a,
                        gconstpointer b)
{
  RolloutRisk *x = *(RolloutRisk **) a;
  RolloutRisk *y = *(RolloutRisk **) b;

  return rollout_risk_get_score (y) - rollout_risk_get_score (x);
}

static RolloutGateCriterion *
evaluate_risks (RolloutProject *project,
                RolloutPhase   *phase,
                int             max_score)
{
  RolloutGateCriterion *criterion = g_new0 (RolloutGateCriterion, 1);
  GListModel *risks = rollout_project_get_risks (project);
  guint n = g_list_model_get_n_items (risks);
  g_autoptr(GString) list = NULL;

  criterion->kind = ROLLOUT_CRITERION_RISK;
  criterion->max_score = max_score;
  criterion->risks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutRisk) risk = g_list_model_get_item (risks, i);
      RolloutRiskStatus status = rollout_risk_get_status (risk);
      const char *risk_phase = rollout_risk_get_phase_id (risk);

      if (status != ROLLOUT_RISK_STATUS_OPEN && status != ROLLOUT_RISK_STATUS_MITIGATING)
        continue;
      if (risk_phase != NULL && g_strcmp0 (risk_phase, rollout_phase_get_id (phase)) != 0)
        continue;
      if (rollout_risk_get_score (risk) >= max_score)
        g_ptr_array_add (criterion->risks, g_steal_pointer (&risk));
    }
  /* Stable, so equal scores keep the plan's order. */
  g_ptr_array_sort (criterion->risks, compare_risks_by_score);

  if (criterion->risks->len == 0)
    {
      criterion->result = ROLLOUT_CRITERION_PASS;
      criterion->reason = g_strdup_printf (_("No open risk scores %d or more"), max_score);
      return criterion;
    }

  criterion->result = ROLLOUT_CRITERION_FAIL;
  list = g_string_new (NULL);
  for (guint i = 0; i < criterion->risks->len; i++)
    {
      RolloutRisk *risk = g_ptr_array_index (criterion->risks, i);
      const char *title = rollout_risk_get_title (risk);

      if (i > 0)
        g_string_append (list, _(", "));
      /* Translators: a risk's title and its score */
      g_string_append_printf (list, _("‘%s’ (%d)"),
                              title != NULL ? title : rollout_risk_get_id (risk),
                              rollout_risk_get_score (risk));
    }
  criterion->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u open risk scores %d or more: %s",
                                                    "%u open risks score %d or more: %s",
                                                    criterion->risks->len),
                                       criterion->risks->len, max_score, list->str);
  return criterion;
}

/* Verdicts ---------------------------------------------------------------- */

/**
 * rollout_verdict_get_label:
 * @verdict: a verdict
 *
 * Returns: the verdict as shown to people: "GO", "NO-GO", "PENDING" or
 *   "No gate"
 */
const char *
rollout_verdict_get_label (RolloutVerdict verdict)
{
  switch (verdict)
    {
    case ROLLOUT_VERDICT_NONE:
      return _("No gate");
    case ROLLOUT_VERDICT_GO:
      return _("GO");
    case ROLLOUT_VERDICT_NO_GO:
      return _("NO-GO");
    case ROLLOUT_VERDICT_PENDING:
      return _("PENDING");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rollout_gate_evaluation_count:
 * @self: a #RolloutGateEvaluation
 * @result: a criterion result
 *
 * Returns: how many criteria have @result
 */
guint
rollout_gate_evaluation_count (RolloutGateEvaluation  *self,
                               RolloutCriterionResult  result)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->criteria->len; i++)
    n += ((RolloutGateCriterion *) g_ptr_array_index (self->criteria, i))->result == result;
  return n;
}

/**
 * rollout_gate_evaluation_dup_reasons:
 * @self: a #RolloutGateEvaluation
 *
 * The reasons behind the verdict: for NO-GO what failed, for PENDING what
 * is missing (no data, sign-offs), for GO every criterion met, and for a
 * phase without a gate a sentence saying so.
 *
 * Returns: (transfer full): the reasons, in the gate's order
 */
char **
rollout_gate_evaluation_dup_reasons (RolloutGateEvaluation *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  if (self->verdict == ROLLOUT_VERDICT_NONE)
    g_strv_builder_add (builder, _("This phase has no go/no-go criteria"));
  for (guint i = 0; i < self->criteria->len; i++)
    {
      RolloutGateCriterion *criterion = g_ptr_array_index (self->criteria, i);
      gboolean wanted;

      switch (self->verdict)
        {
        case ROLLOUT_VERDICT_NO_GO:
          wanted = criterion->result == ROLLOUT_CRITERION_FAIL;
          break;
        case ROLLOUT_VERDICT_PENDING:
          wanted = criterion->result == ROLLOUT_CRITERION_NO_DATA ||
                   criterion->result == ROLLOUT_CRITERION_MISSING;
          break;
        case ROLLOUT_VERDICT_GO:
          wanted = TRUE;
          break;
        case ROLLOUT_VERDICT_NONE:
        default:
          wanted = FALSE;
          break;
        }
      if (wanted)
        g_strv_builder_add (builder, criterion->reason);
    }
  return g_strv_builder_end (builder);
}

/**
 * rollout_gates_evaluate_phase:
 * @project: a project
 * @phase: one of its phases
 *
 * Judges @phase's gate against the plan as it is now.
 *
 * Returns: (transfer full): the evaluation
 */
RolloutGateEvaluation *
rollout_gates_evaluate_phase (RolloutProject *project,
                              RolloutPhase   *phase)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), NULL);

  return rollout_gates_evaluate_gate (project, phase, rollout_phase_get_gate (phase));
}

/**
 * rollout_gates_evaluate_gate:
 * @project: a project
 * @phase: one of its phases
 * @gate: (nullable): criteria to judge @phase by, in place of its own gate
 *
 * Judges @phase against the plan as it is now by @gate, which need not be
 * the phase's: the gate editor shows what a gate being edited would say.
 *
 * Returns: (transfer full): the evaluation
 */
RolloutGateEvaluation *
rollout_gates_evaluate_gate (RolloutProject    *project,
                             RolloutPhase      *phase,
                             const RolloutGate *gate)
{
  RolloutGateEvaluation *self;
  guint n_fail, n_open;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), NULL);

  self = g_rc_box_new0 (RolloutGateEvaluation);
  self->phase = g_object_ref (phase);
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);

  if (gate != NULL)
    {
      for (guint i = 0; gate->metrics != NULL && i < gate->metrics->len; i++)
        g_ptr_array_add (self->criteria,
                         evaluate_metric (project, phase, g_ptr_array_index (gate->metrics, i)));
      for (guint i = 0; gate->required_signoffs != NULL && gate->required_signoffs[i] != NULL; i++)
        g_ptr_array_add (self->criteria,
                         evaluate_signoff (project, phase, gate->required_signoffs[i]));
      if (gate->max_open_risk_score > 0)
        g_ptr_array_add (self->criteria,
                         evaluate_risks (project, phase, gate->max_open_risk_score));
    }

  n_fail = rollout_gate_evaluation_count (self, ROLLOUT_CRITERION_FAIL);
  n_open = rollout_gate_evaluation_count (self, ROLLOUT_CRITERION_NO_DATA) +
           rollout_gate_evaluation_count (self, ROLLOUT_CRITERION_MISSING);

  if (self->criteria->len == 0)
    {
      self->verdict = ROLLOUT_VERDICT_NONE;
      self->summary = g_strdup (_("No gate: this phase has no go/no-go criteria"));
    }
  else if (n_fail > 0)
    {
      self->verdict = ROLLOUT_VERDICT_NO_GO;
      self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "NO-GO: %u criterion failed",
                                                    "NO-GO: %u criteria failed",
                                                    n_fail),
                                       n_fail);
    }
  else if (n_open > 0)
    {
      self->verdict = ROLLOUT_VERDICT_PENDING;
      self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "PENDING: %u criterion is waiting for data or a sign-off",
                                                    "PENDING: %u criteria are waiting for data or a sign-off",
                                                    n_open),
                                       n_open);
    }
  else
    {
      self->verdict = ROLLOUT_VERDICT_GO;
      self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "GO: the criterion is met",
                                                    "GO: all %u criteria are met",
                                                    self->criteria->len),
                                       self->criteria->len);
    }
  return self;
}

/**
 * rollout_gates_evaluate:
 * @project: a project
 *
 * Returns: (transfer full) (element-type RolloutGateEvaluation): one
 *   evaluation per phase, in roll-out order
 */
GPtrArray *
rollout_gates_evaluate (RolloutProject *project)
{
  GListModel *phases;
  GPtrArray *evaluations;
  guint n;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  phases = rollout_project_get_phases (project);
  n = g_list_model_get_n_items (phases);
  evaluations = g_ptr_array_new_full (n, (GDestroyNotify) rollout_gate_evaluation_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      g_ptr_array_add (evaluations, rollout_gates_evaluate_phase (project, phase));
    }
  return evaluations;
}

/**
 * rollout_gates_can_start_next:
 * @project: a project
 * @phase: the phase one would start
 *
 * Whether the roll-out may move on to @phase: the phase before it (in
 * roll-out order) has the verdict GO. The first phase has nothing before
 * it and may always start. Moving on despite another verdict is an
 * override, for the caller to confirm and record.
 *
 * Returns: %TRUE when @phase may start
 */
gboolean
rollout_gates_can_start_next (RolloutProject *project,
                              RolloutPhase   *phase)
{
  g_autoptr(RolloutPhase) previous = NULL;
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  int position;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), FALSE);

  position = rollout_project_index_of (project, phase);
  g_return_val_if_fail (position >= 0, FALSE);
  if (position == 0)
    return TRUE;

  previous = g_list_model_get_item (rollout_project_get_phases (project), position - 1);
  evaluation = rollout_gates_evaluate_phase (project, previous);
  return evaluation->verdict == ROLLOUT_VERDICT_GO;
}
