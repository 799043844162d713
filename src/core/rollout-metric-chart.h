/* rollout-metric-chart.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
  double width;
  double height;
} RolloutChartRect;

/**
 * RolloutChartPoint:
 * @x: the centre of the sample's day
 * @y: the sample's value
 * @date: the sample's day
 * @value: the sample's value
 * @phase_id: (nullable): the phase the sample was recorded in
 * @segment: points of the same segment are joined by a line, in order; a
 *   new segment starts where the samples' phase changes
 * @counted: whether the sample counts toward the gate's value (the latest
 *   sample, or the samples of the mean's window)
 *
 * One sample, placed.
 */
typedef struct {
  double       x;
  double       y;
  RolloutDate  date;
  double       value;
  const char  *phase_id;
  guint        segment;
  gboolean     counted;
} RolloutChartPoint;

/**
 * RolloutChartTick:
 * @position: x on the time axis (a day's centre), y on the value axis
 * @value: the day (a #RolloutDate) or the value
 * @label: what to write beside the tick
 *
 * A labelled mark on one of the axes.
 */
typedef struct {
  double  position;
  double  value;
  char   *label;
} RolloutChartTick;

/**
 * RolloutMetricChart:
 * @area: the rectangle the chart was laid out in; everything lies inside
 * @first_day: the first day shown (the left edge), or %ROLLOUT_DATE_NONE
 *   when there is nothing to show
 * @last_day: the last day shown (the right edge is the end of that day)
 * @day_width: pixels per calendar day
 * @min_value: the value at the bottom edge
 * @max_value: the value at the top edge
 * @points: (element-type RolloutChartPoint): the samples by date (samples
 *   of one day in the plan's order)
 * @has_threshold: whether a gate criterion gave a threshold
 * @threshold: the threshold
 * @threshold_y: where its horizontal line goes
 * @comparison: how the gate compares with the threshold, so the failing
 *   side can be shaded
 * @has_target: whether the metric has a target
 * @target: the metric's target
 * @target_y: where its line goes
 * @has_aggregate: whether there is a gate value (the criterion has samples)
 * @aggregate: the value the gate compares
 * @aggregate_y: where it lies
 * @has_period: whether the phase has scheduled dates
 * @period: the phase's period, from the start of its first day to the end of
 *   its last, clipped to @area
 * @has_window: whether the gate averages over a window of days
 * @window: the days of that window, clipped to @area
 * @time_ticks: (element-type RolloutChartTick): marks along the bottom
 * @value_ticks: (element-type RolloutChartTick): marks up the side, from
 *   the lowest
 *
 * The geometry of a metric's small line chart, computed once in core so
 * that the screen (GtkSnapshot) and paper (cairo) draw the same. Renderers
 * only draw: x grows with days, y grows downwards as on screen.
 */
typedef struct {
  RolloutChartRect   area;
  RolloutDate        first_day;
  RolloutDate        last_day;
  double             day_width;
  double             min_value;
  double             max_value;
  GArray            *points;

  gboolean           has_threshold;
  double             threshold;
  double             threshold_y;
  RolloutComparison  comparison;

  gboolean           has_target;
  double             target;
  double             target_y;

  gboolean           has_aggregate;
  double             aggregate;
  double             aggregate_y;

  gboolean           has_period;
  RolloutChartRect   period;

  gboolean           has_window;
  RolloutChartRect   window;

  GArray            *time_ticks;
  GArray            *value_ticks;
} RolloutMetricChart;

RolloutMetricChart *rollout_metric_chart_new          (RolloutMetric            *metric,
                                                       RolloutPhase             *phase,
                                                       const RolloutGateMetric  *criterion,
                                                       const RolloutChartRect   *area);
void                rollout_metric_chart_free         (RolloutMetricChart       *chart);
double              rollout_metric_chart_x_for_day    (const RolloutMetricChart *chart,
                                                       RolloutDate               day);
double              rollout_metric_chart_y_for_value  (const RolloutMetricChart *chart,
                                                       double                    value);
gboolean            rollout_metric_chart_place_label  (const RolloutMetricChart *chart,
                                                       double                    line_y,
                                                       double                    width,
                                                       double                    height,
                                                       const RolloutChartRect   *bounds,
                                                       const RolloutChartRect   *avoid,
                                                       RolloutChartRect         *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutMetricChart, rollout_metric_chart_free)

G_END_DECLS
