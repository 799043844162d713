/* rollout-timeline-layout.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

/**
 * RolloutTimelineZoom:
 * @ROLLOUT_TIMELINE_ZOOM_DAY: one column per day, weekday letters
 * @ROLLOUT_TIMELINE_ZOOM_WEEK: weeks under months
 * @ROLLOUT_TIMELINE_ZOOM_MONTH: months under years
 * @ROLLOUT_TIMELINE_ZOOM_QUARTER: quarters under years
 *
 * How much time the timeline shows per pixel, from the closest to the
 * widest view.
 */
typedef enum {
  ROLLOUT_TIMELINE_ZOOM_DAY,
  ROLLOUT_TIMELINE_ZOOM_WEEK,
  ROLLOUT_TIMELINE_ZOOM_MONTH,
  ROLLOUT_TIMELINE_ZOOM_QUARTER,
} RolloutTimelineZoom;

#define ROLLOUT_TIMELINE_N_ZOOMS       (ROLLOUT_TIMELINE_ZOOM_QUARTER + 1)
#define ROLLOUT_TIMELINE_ZOOM_DEFAULT  ROLLOUT_TIMELINE_ZOOM_WEEK
#define ROLLOUT_TIMELINE_ROW_HEIGHT    32.0

#define ROLLOUT_TYPE_TIMELINE_ZOOM (rollout_timeline_zoom_get_type ())
GType rollout_timeline_zoom_get_type (void) G_GNUC_CONST;

/**
 * RolloutTimelineRowKind:
 * @ROLLOUT_TIMELINE_ROW_PHASE: a phase header; its object is a #RolloutPhase
 * @ROLLOUT_TIMELINE_ROW_TASK: a task or milestone; its object is a #RolloutTask
 */
typedef enum {
  ROLLOUT_TIMELINE_ROW_PHASE,
  ROLLOUT_TIMELINE_ROW_TASK,
} RolloutTimelineRowKind;

/**
 * RolloutTimelineFlags:
 * @ROLLOUT_TIMELINE_FLAG_NONE: nothing special
 * @ROLLOUT_TIMELINE_FLAG_CRITICAL: on the critical path (only when the
 *   layout was asked to show it); on an arrow: a driving link between two
 *   critical tasks
 * @ROLLOUT_TIMELINE_FLAG_LATE: finishes before today and is not done
 * @ROLLOUT_TIMELINE_FLAG_BLOCKED: its status is blocked
 * @ROLLOUT_TIMELINE_FLAG_DONE: its status is done
 * @ROLLOUT_TIMELINE_FLAG_MILESTONE: a task of zero duration, drawn as a diamond
 * @ROLLOUT_TIMELINE_FLAG_COLLAPSED: a phase row whose tasks are hidden
 * @ROLLOUT_TIMELINE_FLAG_UNSCHEDULED: has no dates, so no bar
 *
 * What a row (or an arrow) needs to be drawn differently for.
 */
typedef enum {
  ROLLOUT_TIMELINE_FLAG_NONE        = 0,
  ROLLOUT_TIMELINE_FLAG_CRITICAL    = 1 << 0,
  ROLLOUT_TIMELINE_FLAG_LATE        = 1 << 1,
  ROLLOUT_TIMELINE_FLAG_BLOCKED     = 1 << 2,
  ROLLOUT_TIMELINE_FLAG_DONE        = 1 << 3,
  ROLLOUT_TIMELINE_FLAG_MILESTONE   = 1 << 4,
  ROLLOUT_TIMELINE_FLAG_COLLAPSED   = 1 << 5,
  ROLLOUT_TIMELINE_FLAG_UNSCHEDULED = 1 << 6,
} RolloutTimelineFlags;

/**
 * RolloutTimelineScale:
 * @ROLLOUT_TIMELINE_SCALE_MAJOR: the upper line of the time scale (months at
 *   day and week zoom, years at month and quarter zoom)
 * @ROLLOUT_TIMELINE_SCALE_MINOR: the lower line (days, weeks, months or
 *   quarters)
 */
typedef enum {
  ROLLOUT_TIMELINE_SCALE_MAJOR,
  ROLLOUT_TIMELINE_SCALE_MINOR,
} RolloutTimelineScale;

/**
 * RolloutTimelineHit:
 * @ROLLOUT_TIMELINE_HIT_NONE: below the last row, or outside the chart
 * @ROLLOUT_TIMELINE_HIT_ROW: in a row, but not on its bar
 * @ROLLOUT_TIMELINE_HIT_BAR: on the body of a bar (or a phase's summary bar)
 * @ROLLOUT_TIMELINE_HIT_BAR_START: on the handle at a task bar's left edge
 * @ROLLOUT_TIMELINE_HIT_BAR_END: on the handle at a task bar's right edge
 * @ROLLOUT_TIMELINE_HIT_MILESTONE: on a milestone's diamond
 */
typedef enum {
  ROLLOUT_TIMELINE_HIT_NONE,
  ROLLOUT_TIMELINE_HIT_ROW,
  ROLLOUT_TIMELINE_HIT_BAR,
  ROLLOUT_TIMELINE_HIT_BAR_START,
  ROLLOUT_TIMELINE_HIT_BAR_END,
  ROLLOUT_TIMELINE_HIT_MILESTONE,
} RolloutTimelineHit;

typedef struct {
  double x;
  double y;
} RolloutTimelinePoint;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} RolloutTimelineRect;

/**
 * RolloutTimelineOptions:
 * @zoom: the zoom level; it picks the time scale's units
 * @day_width: pixels per calendar day; 0 uses the zoom's own width
 * @row_height: height of every row; 0 uses %ROLLOUT_TIMELINE_ROW_HEIGHT
 * @today: the date drawn as today and against which lateness is judged, or
 *   %ROLLOUT_DATE_NONE for neither (a parameter, so layouts are reproducible)
 * @show_critical: whether rows and arrows get %ROLLOUT_TIMELINE_FLAG_CRITICAL
 * @collapsed_phases: (nullable): a set of phase ids (a #GHashTable whose keys
 *   are strings) whose tasks are left out
 *
 * What to lay out the timeline for, beside the project itself. Start from
 * rollout_timeline_options_init().
 */
typedef struct {
  RolloutTimelineZoom  zoom;
  double               day_width;
  double               row_height;
  RolloutDate          today;
  gboolean             show_critical;
  GHashTable          *collapsed_phases;
} RolloutTimelineOptions;

/**
 * RolloutTimelineRow:
 * @kind: phase header or task
 * @flags: #RolloutTimelineFlags
 * @y: top of the row; rows are stacked from 0
 * @height: height of the row (the same for every row)
 * @object: the #RolloutPhase or #RolloutTask; the layout holds a reference
 * @id: the object's id
 * @label: the phase's or task's name, as it was when the layout was made
 * @owner: (nullable): the task's owner
 * @color: (nullable): the team's colour, as written in the plan ("#3584e4")
 * @start: derived start, or %ROLLOUT_DATE_NONE
 * @finish: derived finish (last day, included), or %ROLLOUT_DATE_NONE
 * @progress: percent done, 100 for a done task
 * @phase_row: index of the row of the task's phase, or -1
 * @n_tasks: for a phase row, how many tasks the phase has, hidden or not
 * @bar: the task's bar, the phase's summary bar, or a milestone diamond's
 *   bounding box; zero width when unscheduled
 * @progress_width: how much of @bar, from its left, is done
 * @milestone: a milestone diamond's centre
 *
 * One line of the timeline.
 */
typedef struct {
  RolloutTimelineRowKind  kind;
  guint                   flags;
  double                  y;
  double                  height;
  gpointer                object;
  const char             *id;
  const char             *label;
  const char             *owner;
  const char             *color;
  RolloutDate             start;
  RolloutDate             finish;
  int                     progress;
  int                     phase_row;
  guint                   n_tasks;
  RolloutTimelineRect     bar;
  double                  progress_width;
  RolloutTimelinePoint    milestone;
} RolloutTimelineRow;

/**
 * RolloutTimelineBand:
 * @row: the phase's header row
 * @n_rows: the header and the phase's visible task rows
 * @rect: from the phase's start to the day after its finish, across its rows
 * @phase: the #RolloutPhase
 *
 * The stretch of time a phase takes, behind its rows.
 */
typedef struct {
  guint                row;
  guint                n_rows;
  RolloutTimelineRect  rect;
  gpointer             phase;
} RolloutTimelineBand;

/**
 * RolloutTimelineArrow:
 * @from_row: the predecessor's row
 * @to_row: the successor's row
 * @type: the kind of dependency, which picks the bar edges it joins
 * @flags: %ROLLOUT_TIMELINE_FLAG_CRITICAL for a driving critical link
 * @points: the polyline, from the predecessor's edge to the successor's
 *   edge; every segment is horizontal or vertical and the last one is long
 *   enough for an arrowhead
 * @n_points: number of @points (4 or 6)
 * @bounds: the polyline's bounding box, grown by room for the arrowhead
 *
 * A dependency drawn as an arrow.
 */
typedef struct {
  guint                        from_row;
  guint                        to_row;
  RolloutDependencyType        type;
  guint                        flags;
  const RolloutTimelinePoint  *points;
  guint                        n_points;
  RolloutTimelineRect          bounds;
} RolloutTimelineArrow;

/**
 * RolloutTimelineTick:
 * @date: first day of the unit (clipped to the layout's range)
 * @x: left edge
 * @width: width of the unit
 * @label: what to write in it ("February 2026", "Q3", "M 2")
 * @non_working: for day ticks, whether the day is off
 *
 * One unit of the time scale.
 */
typedef struct {
  RolloutDate  date;
  double       x;
  double       width;
  const char  *label;
  gboolean     non_working;
} RolloutTimelineTick;

/**
 * RolloutTimelineSpan:
 * @start: first non-working day
 * @n_days: how many days in a row
 * @x: left edge
 * @width: width
 * @holiday: (nullable): the holiday's name, or %NULL for days off by the
 *   working week (weekends)
 *
 * Consecutive non-working days of one kind, to shade.
 */
typedef struct {
  RolloutDate  start;
  guint        n_days;
  double       x;
  double       width;
  const char  *holiday;
} RolloutTimelineSpan;

typedef struct _RolloutTimelineLayout RolloutTimelineLayout;

#define ROLLOUT_TYPE_TIMELINE_LAYOUT (rollout_timeline_layout_get_type ())

GType                        rollout_timeline_layout_get_type        (void) G_GNUC_CONST;

double                       rollout_timeline_zoom_get_day_width     (RolloutTimelineZoom           zoom);
void                         rollout_timeline_options_init           (RolloutTimelineOptions       *options);

RolloutTimelineLayout       *rollout_timeline_layout_new             (RolloutProject               *project,
                                                                      const RolloutTimelineOptions *options);
RolloutTimelineLayout       *rollout_timeline_layout_ref             (RolloutTimelineLayout        *self);
void                         rollout_timeline_layout_unref           (RolloutTimelineLayout        *self);

RolloutTimelineZoom          rollout_timeline_layout_get_zoom        (RolloutTimelineLayout        *self);
double                       rollout_timeline_layout_get_day_width   (RolloutTimelineLayout        *self);
double                       rollout_timeline_layout_get_row_height  (RolloutTimelineLayout        *self);
double                       rollout_timeline_layout_get_width       (RolloutTimelineLayout        *self);
double                       rollout_timeline_layout_get_height      (RolloutTimelineLayout        *self);
RolloutDate                  rollout_timeline_layout_get_first_date  (RolloutTimelineLayout        *self);
RolloutDate                  rollout_timeline_layout_get_end_date    (RolloutTimelineLayout        *self);
double                       rollout_timeline_layout_date_to_x       (RolloutTimelineLayout        *self,
                                                                      RolloutDate                   date);
RolloutDate                  rollout_timeline_layout_x_to_date       (RolloutTimelineLayout        *self,
                                                                      double                        x);
gboolean                     rollout_timeline_layout_get_today_x     (RolloutTimelineLayout        *self,
                                                                      double                       *out_x);

guint                        rollout_timeline_layout_get_n_rows      (RolloutTimelineLayout        *self);
const RolloutTimelineRow    *rollout_timeline_layout_get_row         (RolloutTimelineLayout        *self,
                                                                      guint                         index);
int                          rollout_timeline_layout_find_row        (RolloutTimelineLayout        *self,
                                                                      gpointer                      object);
const RolloutTimelineBand   *rollout_timeline_layout_get_bands       (RolloutTimelineLayout        *self,
                                                                      guint                        *n_bands);
const RolloutTimelineArrow  *rollout_timeline_layout_get_arrows      (RolloutTimelineLayout        *self,
                                                                      guint                        *n_arrows);
const RolloutTimelineTick   *rollout_timeline_layout_get_ticks       (RolloutTimelineLayout        *self,
                                                                      RolloutTimelineScale          scale,
                                                                      guint                        *n_ticks);
const RolloutTimelineSpan   *rollout_timeline_layout_get_non_working (RolloutTimelineLayout        *self,
                                                                      guint                        *n_spans);

gboolean                     rollout_timeline_layout_get_visible_rows  (RolloutTimelineLayout  *self,
                                                                        double                  y0,
                                                                        double                  y1,
                                                                        guint                  *out_first,
                                                                        guint                  *out_last);
guint                        rollout_timeline_layout_get_visible_ticks (RolloutTimelineLayout  *self,
                                                                        RolloutTimelineScale    scale,
                                                                        double                  x0,
                                                                        double                  x1,
                                                                        guint                  *out_first);
guint                        rollout_timeline_layout_get_visible_spans (RolloutTimelineLayout  *self,
                                                                        double                  x0,
                                                                        double                  x1,
                                                                        guint                  *out_first);
guint                        rollout_timeline_layout_query_arrows      (RolloutTimelineLayout     *self,
                                                                        const RolloutTimelineRect *rect,
                                                                        GArray                    *out_indices);

int                          rollout_timeline_layout_row_at_y        (RolloutTimelineLayout        *self,
                                                                      double                        y);
RolloutTimelineHit           rollout_timeline_layout_hit_test        (RolloutTimelineLayout        *self,
                                                                      double                        x,
                                                                      double                        y,
                                                                      int                          *out_row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutTimelineLayout, rollout_timeline_layout_unref)

G_END_DECLS
