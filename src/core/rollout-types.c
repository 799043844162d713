/* rollout-types.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout-types"

#include "config.h"

#include <string.h>

#include "rollout-types.h"

G_DEFINE_ENUM_TYPE (RolloutPhaseStatus, rollout_phase_status,
  G_DEFINE_ENUM_VALUE (ROLLOUT_PHASE_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_PHASE_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_PHASE_STATUS_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_PHASE_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_PHASE_STATUS_ROLLED_BACK, "rolled-back"))

G_DEFINE_ENUM_TYPE (RolloutTaskStatus, rollout_task_status,
  G_DEFINE_ENUM_VALUE (ROLLOUT_TASK_STATUS_TODO, "todo"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_TASK_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_TASK_STATUS_BLOCKED, "blocked"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_TASK_STATUS_DONE, "done"))

G_DEFINE_ENUM_TYPE (RolloutDependencyType, rollout_dependency_type,
  G_DEFINE_ENUM_VALUE (ROLLOUT_DEPENDENCY_FS, "FS"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DEPENDENCY_SS, "SS"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DEPENDENCY_FF, "FF"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DEPENDENCY_SF, "SF"))

G_DEFINE_ENUM_TYPE (RolloutRiskStatus, rollout_risk_status,
  G_DEFINE_ENUM_VALUE (ROLLOUT_RISK_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_RISK_STATUS_MITIGATING, "mitigating"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_RISK_STATUS_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_RISK_STATUS_OCCURRED, "occurred"))

G_DEFINE_ENUM_TYPE (RolloutDirection, rollout_direction,
  G_DEFINE_ENUM_VALUE (ROLLOUT_DIRECTION_HIGHER, "higher"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DIRECTION_LOWER, "lower"))

G_DEFINE_ENUM_TYPE (RolloutSentiment, rollout_sentiment,
  G_DEFINE_ENUM_VALUE (ROLLOUT_SENTIMENT_POSITIVE, "positive"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_SENTIMENT_NEUTRAL, "neutral"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_SENTIMENT_NEGATIVE, "negative"))

G_DEFINE_ENUM_TYPE (RolloutComparison, rollout_comparison,
  G_DEFINE_ENUM_VALUE (ROLLOUT_COMPARISON_LT, "<"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_COMPARISON_LE, "<="),
  G_DEFINE_ENUM_VALUE (ROLLOUT_COMPARISON_GT, ">"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_COMPARISON_GE, ">="),
  G_DEFINE_ENUM_VALUE (ROLLOUT_COMPARISON_EQ, "=="),
  G_DEFINE_ENUM_VALUE (ROLLOUT_COMPARISON_NE, "!="))

G_DEFINE_ENUM_TYPE (RolloutDecisionAction, rollout_decision_action,
  G_DEFINE_ENUM_VALUE (ROLLOUT_DECISION_START, "start"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DECISION_OVERRIDE, "override"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DECISION_PAUSE, "pause"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DECISION_RESUME, "resume"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_DECISION_ROLLBACK, "rollback"))

G_DEFINE_ENUM_TYPE (RolloutAggregate, rollout_aggregate,
  G_DEFINE_ENUM_VALUE (ROLLOUT_AGGREGATE_LATEST, "latest"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_AGGREGATE_MEAN, "mean"))

/* Dates ------------------------------------------------------------------ */

static gboolean
parse_digits (const char *p,
              int         n,
              int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/**
 * rollout_date_parse:
 * @text: a date as `YYYY-MM-DD`
 * @out_date: (out): the parsed date
 *
 * Parses a strict ISO 8601 calendar date. "2026-02-30", "2026-2-3" and
 * trailing text are refused.
 *
 * Returns: %TRUE if @text is a valid date
 */
gboolean
rollout_date_parse (const char  *text,
                    RolloutDate *out_date)
{
  int y, m, d;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  *out_date = rollout_date_from_ymd (y, m, d);
  return TRUE;
}

RolloutDate
rollout_date_from_ymd (int year,
                       int month,
                       int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

void
rollout_date_format_buf (RolloutDate date,
                         char        buf[11])
{
  GDate gd;

  if (date == ROLLOUT_DATE_NONE || !g_date_valid_julian (date))
    {
      buf[0] = '\0';
      return;
    }
  g_date_clear (&gd, 1);
  g_date_set_julian (&gd, date);
  /* Years past 9999 cannot be written as YYYY; the scheduler never goes there. */
  g_snprintf (buf, 11, "%04u-%02u-%02u",
              (guint) MIN (g_date_get_year (&gd), 9999),
              (guint) g_date_get_month (&gd),
              (guint) g_date_get_day (&gd));
}

/**
 * rollout_date_format:
 * @date: a date
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`, or "" for no date
 */
char *
rollout_date_format (RolloutDate date)
{
  char buf[11];

  rollout_date_format_buf (date, buf);
  return g_strdup (buf);
}

GDateWeekday
rollout_date_get_weekday (RolloutDate date)
{
  if (date == ROLLOUT_DATE_NONE)
    return G_DATE_BAD_WEEKDAY;
  /* Julian day 1 (0001-01-01) was a Monday. */
  return (GDateWeekday) (((date - 1) % 7) + 1);
}

/**
 * rollout_timestamp_is_valid:
 * @text: a timestamp
 *
 * Returns: %TRUE if @text is an ISO 8601 date-time with a time zone
 */
gboolean
rollout_timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  RolloutDate date;
  char day[11];

  if (text == NULL || strlen (text) < 11 || text[10] != 'T')
    return FALSE;
  memcpy (day, text, 10);
  day[10] = '\0';
  if (!rollout_date_parse (day, &date))
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

/* Enums ------------------------------------------------------------------ */

const char *
rollout_enum_to_nick (GType enum_type,
                      int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);
  const char *nick = ev ? ev->value_nick : NULL;

  /* Enum classes of static types are never finalized, so the nick stays. */
  g_type_class_unref (klass);
  return nick;
}

gboolean
rollout_enum_from_nick (GType       enum_type,
                        const char *nick,
                        int        *out_value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev != NULL && out_value != NULL)
    *out_value = ev->value;
  g_type_class_unref (klass);
  return ev != NULL;
}

/**
 * rollout_enum_list_nicks:
 * @enum_type: an enum type
 *
 * Returns: (transfer full): the accepted nicks, for messages: `"a", "b" or "c"`
 */
char *
rollout_enum_list_nicks (GType enum_type)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == klass->n_values ? " or " : ", ");
      g_string_append_printf (s, "\"%s\"", klass->values[i].value_nick);
    }
  g_type_class_unref (klass);
  return g_string_free (s, FALSE);
}

gboolean
rollout_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* Records ---------------------------------------------------------------- */

JsonObject *
rollout_extra_ref (JsonObject *extra)
{
  if (extra == NULL || json_object_get_size (extra) == 0)
    return NULL;
  return json_object_ref (extra);
}

#define CLEAR_EXTRA(x) g_clear_pointer (&(x)->extra, json_object_unref)

RolloutDependency *
rollout_dependency_new (const char            *task_id,
                        RolloutDependencyType  type,
                        int                    lag)
{
  RolloutDependency *dep = g_new0 (RolloutDependency, 1);

  dep->task_id = g_strdup (task_id);
  dep->type = type;
  dep->lag = lag;
  return dep;
}

RolloutDependency *
rollout_dependency_copy (const RolloutDependency *dep)
{
  RolloutDependency *copy = rollout_dependency_new (dep->task_id, dep->type, dep->lag);

  copy->extra = rollout_extra_ref (dep->extra);
  return copy;
}

void
rollout_dependency_free (RolloutDependency *dep)
{
  if (dep == NULL)
    return;
  g_free (dep->task_id);
  CLEAR_EXTRA (dep);
  g_free (dep);
}

RolloutChecklistItem *
rollout_checklist_item_new (const char *text,
                            gboolean    done)
{
  RolloutChecklistItem *item = g_new0 (RolloutChecklistItem, 1);

  item->text = g_strdup (text);
  item->done = !!done;
  return item;
}

RolloutChecklistItem *
rollout_checklist_item_copy (const RolloutChecklistItem *item)
{
  RolloutChecklistItem *copy = rollout_checklist_item_new (item->text, item->done);

  copy->extra = rollout_extra_ref (item->extra);
  return copy;
}

void
rollout_checklist_item_free (RolloutChecklistItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  CLEAR_EXTRA (item);
  g_free (item);
}

RolloutHoliday *
rollout_holiday_new (RolloutDate  date,
                     const char  *name)
{
  RolloutHoliday *holiday = g_new0 (RolloutHoliday, 1);

  holiday->date = date;
  holiday->name = g_strdup (name);
  return holiday;
}

RolloutHoliday *
rollout_holiday_copy (const RolloutHoliday *holiday)
{
  RolloutHoliday *copy = rollout_holiday_new (holiday->date, holiday->name);

  copy->extra = rollout_extra_ref (holiday->extra);
  return copy;
}

void
rollout_holiday_free (RolloutHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->name);
  CLEAR_EXTRA (holiday);
  g_free (holiday);
}

RolloutSignoff *
rollout_signoff_new (const char  *team_id,
                     const char  *by,
                     RolloutDate  date)
{
  RolloutSignoff *signoff = g_new0 (RolloutSignoff, 1);

  signoff->team_id = g_strdup (team_id);
  signoff->by = g_strdup (by);
  signoff->date = date;
  return signoff;
}

RolloutSignoff *
rollout_signoff_copy (const RolloutSignoff *signoff)
{
  RolloutSignoff *copy = rollout_signoff_new (signoff->team_id, signoff->by, signoff->date);

  copy->extra = rollout_extra_ref (signoff->extra);
  return copy;
}

void
rollout_signoff_free (RolloutSignoff *signoff)
{
  if (signoff == NULL)
    return;
  g_free (signoff->team_id);
  g_free (signoff->by);
  CLEAR_EXTRA (signoff);
  g_free (signoff);
}

RolloutGateMetric *
rollout_gate_metric_new (const char        *metric_id,
                         RolloutComparison  comparison,
                         double             threshold)
{
  RolloutGateMetric *gm = g_new0 (RolloutGateMetric, 1);

  gm->metric_id = g_strdup (metric_id);
  gm->comparison = comparison;
  gm->threshold = threshold;
  gm->aggregate = ROLLOUT_AGGREGATE_LATEST;
  return gm;
}

RolloutGateMetric *
rollout_gate_metric_copy (const RolloutGateMetric *gm)
{
  RolloutGateMetric *copy = rollout_gate_metric_new (gm->metric_id, gm->comparison, gm->threshold);

  copy->aggregate = gm->aggregate;
  copy->window_days = gm->window_days;
  copy->extra = rollout_extra_ref (gm->extra);
  return copy;
}

void
rollout_gate_metric_free (RolloutGateMetric *gm)
{
  if (gm == NULL)
    return;
  g_free (gm->metric_id);
  CLEAR_EXTRA (gm);
  g_free (gm);
}

RolloutAssessment *
rollout_assessment_new (RolloutDate date,
                        int         likelihood,
                        int         impact)
{
  RolloutAssessment *a = g_new0 (RolloutAssessment, 1);

  a->date = date;
  a->likelihood = likelihood;
  a->impact = impact;
  return a;
}

RolloutAssessment *
rollout_assessment_copy (const RolloutAssessment *a)
{
  RolloutAssessment *copy = rollout_assessment_new (a->date, a->likelihood, a->impact);

  copy->extra = rollout_extra_ref (a->extra);
  return copy;
}

void
rollout_assessment_free (RolloutAssessment *a)
{
  if (a == NULL)
    return;
  CLEAR_EXTRA (a);
  g_free (a);
}

RolloutSample *
rollout_sample_new (RolloutDate  date,
                    const char  *phase_id,
                    double       value)
{
  RolloutSample *sample = g_new0 (RolloutSample, 1);

  sample->date = date;
  sample->phase_id = g_strdup (phase_id);
  sample->value = value;
  return sample;
}

RolloutSample *
rollout_sample_copy (const RolloutSample *sample)
{
  RolloutSample *copy = rollout_sample_new (sample->date, sample->phase_id, sample->value);

  copy->extra = rollout_extra_ref (sample->extra);
  return copy;
}

void
rollout_sample_free (RolloutSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->phase_id);
  CLEAR_EXTRA (sample);
  g_free (sample);
}

G_DEFINE_BOXED_TYPE (RolloutGate, rollout_gate, rollout_gate_copy, rollout_gate_free)

RolloutGate *
rollout_gate_new (void)
{
  RolloutGate *gate = g_new0 (RolloutGate, 1);

  gate->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_gate_metric_free);
  gate->required_signoffs = g_new0 (char *, 1);
  return gate;
}

RolloutGate *
rollout_gate_copy (const RolloutGate *gate)
{
  RolloutGate *copy = g_new0 (RolloutGate, 1);

  copy->metrics = rollout_ptr_array_copy (gate->metrics,
                                          (GBoxedCopyFunc) rollout_gate_metric_copy,
                                          (GDestroyNotify) rollout_gate_metric_free);
  copy->required_signoffs = g_strdupv (gate->required_signoffs);
  if (copy->required_signoffs == NULL)
    copy->required_signoffs = g_new0 (char *, 1);
  copy->max_open_risk_score = gate->max_open_risk_score;
  copy->extra = rollout_extra_ref (gate->extra);
  return copy;
}

void
rollout_gate_free (RolloutGate *gate)
{
  if (gate == NULL)
    return;
  g_clear_pointer (&gate->metrics, g_ptr_array_unref);
  g_clear_pointer (&gate->required_signoffs, g_strfreev);
  CLEAR_EXTRA (gate);
  g_free (gate);
}

RolloutDecision *
rollout_decision_new (RolloutDate            date,
                      const char            *by,
                      RolloutDecisionAction  action,
                      const char            *reason)
{
  RolloutDecision *decision = g_new0 (RolloutDecision, 1);

  decision->date = date;
  decision->by = g_strdup (by);
  decision->action = action;
  decision->reason = g_strdup (reason);
  return decision;
}

RolloutDecision *
rollout_decision_copy (const RolloutDecision *decision)
{
  RolloutDecision *copy = rollout_decision_new (decision->date, decision->by,
                                                decision->action, decision->reason);

  copy->extra = rollout_extra_ref (decision->extra);
  return copy;
}

void
rollout_decision_free (RolloutDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->by);
  g_free (decision->reason);
  CLEAR_EXTRA (decision);
  g_free (decision);
}

GPtrArray *
rollout_ptr_array_copy (GPtrArray      *array,
                        GBoxedCopyFunc  copy_func,
                        GDestroyNotify  free_func)
{
  GPtrArray *copy = g_ptr_array_new_full (array ? array->len : 0, free_func);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (copy, copy_func (g_ptr_array_index (array, i)));
  return copy;
}
