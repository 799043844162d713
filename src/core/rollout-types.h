/* rollout-types.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * RolloutDate:
 *
 * A calendar day as a Julian day number (1 = 0001-01-01, as #GDate counts).
 * Zero means "no date".
 */
typedef guint32 RolloutDate;

#define ROLLOUT_DATE_NONE ((RolloutDate) 0)

gboolean     rollout_date_parse        (const char  *text,
                                        RolloutDate *out_date);
char        *rollout_date_format       (RolloutDate  date);
void         rollout_date_format_buf   (RolloutDate  date,
                                        char         buf[11]);
GDateWeekday rollout_date_get_weekday  (RolloutDate  date);
RolloutDate  rollout_date_from_ymd     (int          year,
                                        int          month,
                                        int          day);
gboolean     rollout_timestamp_is_valid (const char *text);

typedef enum {
  ROLLOUT_PHASE_STATUS_PLANNED,
  ROLLOUT_PHASE_STATUS_ACTIVE,
  ROLLOUT_PHASE_STATUS_PAUSED,
  ROLLOUT_PHASE_STATUS_COMPLETED,
  ROLLOUT_PHASE_STATUS_ROLLED_BACK,
} RolloutPhaseStatus;

typedef enum {
  ROLLOUT_TASK_STATUS_TODO,
  ROLLOUT_TASK_STATUS_IN_PROGRESS,
  ROLLOUT_TASK_STATUS_BLOCKED,
  ROLLOUT_TASK_STATUS_DONE,
} RolloutTaskStatus;

#define ROLLOUT_N_TASK_STATUSES (ROLLOUT_TASK_STATUS_DONE + 1)

typedef enum {
  ROLLOUT_DEPENDENCY_FS,
  ROLLOUT_DEPENDENCY_SS,
  ROLLOUT_DEPENDENCY_FF,
  ROLLOUT_DEPENDENCY_SF,
} RolloutDependencyType;

typedef enum {
  ROLLOUT_RISK_STATUS_OPEN,
  ROLLOUT_RISK_STATUS_MITIGATING,
  ROLLOUT_RISK_STATUS_CLOSED,
  ROLLOUT_RISK_STATUS_OCCURRED,
} RolloutRiskStatus;

typedef enum {
  ROLLOUT_DIRECTION_HIGHER,
  ROLLOUT_DIRECTION_LOWER,
} RolloutDirection;

typedef enum {
  ROLLOUT_SENTIMENT_POSITIVE,
  ROLLOUT_SENTIMENT_NEUTRAL,
  ROLLOUT_SENTIMENT_NEGATIVE,
} RolloutSentiment;

typedef enum {
  ROLLOUT_COMPARISON_LT,
  ROLLOUT_COMPARISON_LE,
  ROLLOUT_COMPARISON_GT,
  ROLLOUT_COMPARISON_GE,
  ROLLOUT_COMPARISON_EQ,
  ROLLOUT_COMPARISON_NE,
} RolloutComparison;

typedef enum {
  ROLLOUT_DECISION_START,
  ROLLOUT_DECISION_OVERRIDE,
  ROLLOUT_DECISION_PAUSE,
  ROLLOUT_DECISION_RESUME,
  ROLLOUT_DECISION_ROLLBACK,
} RolloutDecisionAction;

typedef enum {
  ROLLOUT_AGGREGATE_LATEST,
  ROLLOUT_AGGREGATE_MEAN,
} RolloutAggregate;

#define ROLLOUT_TYPE_PHASE_STATUS    (rollout_phase_status_get_type ())
#define ROLLOUT_TYPE_TASK_STATUS     (rollout_task_status_get_type ())
#define ROLLOUT_TYPE_DEPENDENCY_TYPE (rollout_dependency_type_get_type ())
#define ROLLOUT_TYPE_RISK_STATUS     (rollout_risk_status_get_type ())
#define ROLLOUT_TYPE_DIRECTION       (rollout_direction_get_type ())
#define ROLLOUT_TYPE_SENTIMENT       (rollout_sentiment_get_type ())
#define ROLLOUT_TYPE_COMPARISON      (rollout_comparison_get_type ())
#define ROLLOUT_TYPE_AGGREGATE       (rollout_aggregate_get_type ())
#define ROLLOUT_TYPE_DECISION_ACTION (rollout_decision_action_get_type ())

GType rollout_phase_status_get_type    (void) G_GNUC_CONST;
GType rollout_task_status_get_type     (void) G_GNUC_CONST;
GType rollout_dependency_type_get_type (void) G_GNUC_CONST;
GType rollout_risk_status_get_type     (void) G_GNUC_CONST;
GType rollout_direction_get_type       (void) G_GNUC_CONST;
GType rollout_sentiment_get_type       (void) G_GNUC_CONST;
GType rollout_comparison_get_type      (void) G_GNUC_CONST;
GType rollout_aggregate_get_type       (void) G_GNUC_CONST;
GType rollout_decision_action_get_type (void) G_GNUC_CONST;

/* Enum values are written in files by their nick ("in-progress", "FS", ">="). */
const char *rollout_enum_to_nick     (GType       enum_type,
                                      int         value);
gboolean    rollout_enum_from_nick   (GType       enum_type,
                                      const char *nick,
                                      int        *out_value);
char       *rollout_enum_list_nicks  (GType       enum_type);

gboolean    rollout_id_is_valid      (const char *id);

/* Small value records owned by the objects that hold them. Each keeps the
 * members a newer or foreign writer added (@extra, may be %NULL) so they are
 * written back untouched. */

typedef struct {
  char                  *task_id;
  RolloutDependencyType  type;
  int                    lag;
  JsonObject            *extra;
} RolloutDependency;

typedef struct {
  char       *text;
  gboolean    done;
  JsonObject *extra;
} RolloutChecklistItem;

typedef struct {
  RolloutDate  date;
  char        *name;
  JsonObject  *extra;
} RolloutHoliday;

typedef struct {
  char        *team_id;
  char        *by;
  RolloutDate  date;
  JsonObject  *extra;
} RolloutSignoff;

typedef struct {
  char              *metric_id;
  RolloutComparison  comparison;
  double             threshold;
  RolloutAggregate   aggregate;
  int                window_days; /* 0 = all samples of the phase */
  JsonObject        *extra;
} RolloutGateMetric;

typedef struct {
  RolloutDate  date;
  int          likelihood;
  int          impact;
  JsonObject  *extra;
} RolloutAssessment;

typedef struct {
  RolloutDate  date;
  char        *phase_id; /* may be NULL */
  double       value;
  JsonObject  *extra;
} RolloutSample;

/* A recorded decision about a phase: who started, paused, resumed or rolled
 * it back, or overrode a NO-GO, when and why. */
typedef struct {
  RolloutDate            date;
  char                  *by;
  RolloutDecisionAction  action;
  char                  *reason;
  JsonObject            *extra;
} RolloutDecision;

/* Go/no-go criteria for leaving a phase. */
typedef struct {
  GPtrArray   *metrics;             /* of RolloutGateMetric */
  char       **required_signoffs;   /* team ids, never NULL */
  int          max_open_risk_score; /* 0 = no risk criterion */
  JsonObject  *extra;
} RolloutGate;

RolloutDependency    *rollout_dependency_new      (const char            *task_id,
                                                   RolloutDependencyType  type,
                                                   int                    lag);
RolloutDependency    *rollout_dependency_copy     (const RolloutDependency *dep);
void                  rollout_dependency_free     (RolloutDependency     *dep);

RolloutChecklistItem *rollout_checklist_item_new  (const char            *text,
                                                   gboolean               done);
RolloutChecklistItem *rollout_checklist_item_copy (const RolloutChecklistItem *item);
void                  rollout_checklist_item_free (RolloutChecklistItem  *item);

RolloutHoliday       *rollout_holiday_new         (RolloutDate            date,
                                                   const char            *name);
RolloutHoliday       *rollout_holiday_copy        (const RolloutHoliday  *holiday);
void                  rollout_holiday_free        (RolloutHoliday        *holiday);

RolloutSignoff       *rollout_signoff_new         (const char            *team_id,
                                                   const char            *by,
                                                   RolloutDate            date);
RolloutSignoff       *rollout_signoff_copy        (const RolloutSignoff  *signoff);
void                  rollout_signoff_free        (RolloutSignoff        *signoff);

RolloutGateMetric    *rollout_gate_metric_new     (const char            *metric_id,
                                                   RolloutComparison      comparison,
                                                   double                 threshold);
RolloutGateMetric    *rollout_gate_metric_copy    (const RolloutGateMetric *gm);
void                  rollout_gate_metric_free    (RolloutGateMetric     *gm);

RolloutAssessment    *rollout_assessment_new      (RolloutDate            date,
                                                   int                    likelihood,
                                                   int                    impact);
RolloutAssessment    *rollout_assessment_copy     (const RolloutAssessment *a);
void                  rollout_assessment_free     (RolloutAssessment     *a);

RolloutSample        *rollout_sample_new          (RolloutDate            date,
                                                   const char            *phase_id,
                                                   double                 value);
RolloutSample        *rollout_sample_copy         (const RolloutSample   *sample);
void                  rollout_sample_free         (RolloutSample         *sample);

#define ROLLOUT_TYPE_GATE (rollout_gate_get_type ())

GType                 rollout_gate_get_type       (void) G_GNUC_CONST;
RolloutGate          *rollout_gate_new            (void);
RolloutGate          *rollout_gate_copy           (const RolloutGate     *gate);
void                  rollout_gate_free           (RolloutGate           *gate);

RolloutDecision      *rollout_decision_new        (RolloutDate            date,
                                                   const char            *by,
                                                   RolloutDecisionAction  action,
                                                   const char            *reason);
RolloutDecision      *rollout_decision_copy       (const RolloutDecision *decision);
void                  rollout_decision_free       (RolloutDecision       *decision);

/* Copies a GPtrArray of records with @copy_func, keeping @free_func. */
GPtrArray *rollout_ptr_array_copy (GPtrArray      *array,
                                   GBoxedCopyFunc  copy_func,
                                   GDestroyNotify  free_func);

/* Returns a new reference to @extra, or NULL when it is NULL or empty. */
JsonObject *rollout_extra_ref (JsonObject *extra);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutDependency, rollout_dependency_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutChecklistItem, rollout_checklist_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutHoliday, rollout_holiday_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutSignoff, rollout_signoff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutGateMetric, rollout_gate_metric_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutAssessment, rollout_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutSample, rollout_sample_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutGate, rollout_gate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutDecision, rollout_decision_free)

G_END_DECLS
