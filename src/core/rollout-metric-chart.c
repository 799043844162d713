/* rollout-metric-chart.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The geometry of a metric's small line chart.
 *
 * A gate's metric is shown as its samples over time, with the gate's
 * threshold as a horizontal line, the phase's scheduled period as a band
 * behind, and the days a mean counts as a second band. Everything is
 * placed here, once, in the rectangle the caller gives, so that the
 * Monitor view (GtkSnapshot) and the printed report (cairo) draw exactly
 * the same thing without looking at dates or values again. Where the
 * label of the threshold (or target) line goes is decided here too, so it
 * stays inside the chart and off the samples.
 *
 * Time runs left to right in calendar days: a day d covers
 * [x0 + (d - first_day) * day_width, x0 + (d - first_day + 1) * day_width)
 * and a sample sits at the centre of its day. The days shown cover the
 * samples, the phase's period and the mean's window, and at least a week.
 * Values run bottom to top between "nice" bounds (steps of 1, 2, 2.5 or 5
 * times a power of ten) that take in the samples, the threshold, the
 * target and the gate's value, with a little room above and below.
 */

#define G_LOG_DOMAIN "rollout-metric-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rollout-gates.h"
#include "rollout-metric-chart.h"

/* How far a line's label keeps from the samples: a dot and the ring
 * around the gate's latest value. */
#define LABEL_CLEARANCE 6.0

/* Fewest days shown, so a single sample is not a chart of one day. */
#define MIN_DAYS 7
/* Room between time labels ("Mar 16"), and between value ticks. */
#define MIN_TIME_TICK_SPACING 56.0
#define MIN_VALUE_TICK_SPACING 24.0
#define MAX_VALUE_TICKS 6
/* Room above the highest and below the lowest value, as a share of the
 * range, before rounding to nice bounds. */
#define VALUE_MARGIN 0.05

typedef struct {
  RolloutMetricChart  chart;
  GStringChunk       *strings;
} Chart;

typedef struct {
  const RolloutSample *sample;
  guint                index;  /* in the metric's samples */
} Entry;

static void
tick_clear (RolloutChartTick *tick)
{
  g_clear_pointer (&tick->label, g_free);
}

void
rollout_metric_chart_free (RolloutMetricChart *chart)
{
  Chart *self = (Chart *) chart;

  if (chart == NULL)
    return;
  g_clear_pointer (&chart->points, g_array_unref);
  g_clear_pointer (&chart->time_ticks, g_array_unref);
  g_clear_pointer (&chart->value_ticks, g_array_unref);
  g_string_chunk_free (self->strings);
  g_free (self);
}

/**
 * rollout_metric_chart_x_for_day:
 * @chart: a chart
 * @day: a day
 *
 * Returns: the x of the centre of @day
 */
double
rollout_metric_chart_x_for_day (const RolloutMetricChart *chart,
                                RolloutDate               day)
{
  g_return_val_if_fail (chart != NULL, 0.0);

  return chart->area.x + ((double) day - (double) chart->first_day + 0.5) * chart->day_width;
}

/**
 * rollout_metric_chart_y_for_value:
 * @chart: a chart
 * @value: a value
 *
 * Returns: the y of @value (smaller values lower, so larger y)
 */
double
rollout_metric_chart_y_for_value (const RolloutMetricChart *chart,
                                  double                    value)
{
  double span;

  g_return_val_if_fail (chart != NULL, 0.0);

  span = chart->max_value - chart->min_value;
  return chart->area.y + chart->area.height * (1.0 - (value - chart->min_value) / span);
}

static RolloutChartRect
days_rect (const RolloutMetricChart *chart,
           RolloutDate               first,
           RolloutDate               last)
{
  RolloutChartRect rect;

  first = MAX (first, chart->first_day);
  last = MIN (last, chart->last_day);
  rect.x = chart->area.x + ((double) first - (double) chart->first_day) * chart->day_width;
  rect.y = chart->area.y;
  rect.width = last >= first ? ((double) last - (double) first + 1.0) * chart->day_width : 0.0;
  rect.height = chart->area.height;
  return rect;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->sample->date != y->sample->date)
    return x->sample->date < y->sample->date ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static double
nice_step (double raw)
{
  double magnitude = pow (10.0, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1.0)
    return magnitude;
  if (fraction <= 2.0)
    return 2.0 * magnitude;
  if (fraction <= 2.5)
    return 2.5 * magnitude;
  if (fraction <= 5.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

/* How many decimals the labels of a scale with @step need. */
static int
step_decimals (double step)
{
  double scaled = step;

  for (int d = 0; d < 6; d++, scaled *= 10.0)
    if (fabs (scaled - round (scaled)) < 1e-6 * scaled)
      return d;
  return 6;
}

static void
lay_out_values (RolloutMetricChart *chart,
                double              low,
                double              high)
{
  int n_intervals = CLAMP ((int) (chart->area.height / MIN_VALUE_TICK_SPACING), 1, MAX_VALUE_TICKS - 1);
  double step;
  int decimals;

  if (high - low <= 1e-12 * MAX (1.0, fabs (high)))
    {
      double half = fabs (high) > 0.0 ? fabs (high) * 0.1 : 1.0;

      low -= half;
      high += half;
    }
  else
    {
      double margin = (high - low) * VALUE_MARGIN;

      low -= margin;
      high += margin;
    }

  step = nice_step ((high - low) / n_intervals);
  chart->min_value = floor (low / step) * step;
  chart->max_value = ceil (high / step) * step;
  decimals = step_decimals (step);

  for (int i = 0;; i++)
    {
      double value = chart->min_value + i * step;
      RolloutChartTick tick;

      if (value > chart->max_value + step * 1e-6)
        break;
      if (fabs (value) < step * 1e-9)
        value = 0.0;
      tick.value = value;
      tick.position = rollout_metric_chart_y_for_value (chart, value);
      tick.label = g_strdup_printf ("%.*f", decimals, value);
      g_array_append_val (chart->value_ticks, tick);
    }
}

typedef enum {
  TICKS_DAYS,
  TICKS_WEEKS,
  TICKS_MONTHS,
} TickUnit;

static char *
format_day (RolloutDate day,
            gboolean    month_only,
            gboolean    with_year)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;
  const char *format;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0.0);
  if (month_only)
    /* Translators: a month on a chart's time axis; see g_date_time_format() */
    format = with_year ? C_("chart month", "%b %Y") : C_("chart month", "%b");
  else
    /* Translators: a day on a chart's time axis ("Mar 16"); see g_date_time_format() */
    format = C_("chart day", "%b %-d");
  return g_date_time_format (time, format);
}

static void
add_time_tick (RolloutMetricChart *chart,
               RolloutDate         day,
               gboolean            month_only)
{
  RolloutChartTick tick;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  tick.value = day;
  tick.position = rollout_metric_chart_x_for_day (chart, day);
  tick.label = format_day (day, month_only,
                           month_only && (chart->time_ticks->len == 0 ||
                                          g_date_get_month (&date) == G_DATE_JANUARY));
  g_array_append_val (chart->time_ticks, tick);
}

static void
lay_out_time (RolloutMetricChart *chart)
{
  static const struct { TickUnit unit; guint count; double days; } steps[] = {
    { TICKS_DAYS, 1, 1 },
    { TICKS_DAYS, 2, 2 },
    { TICKS_WEEKS, 1, 7 },
    { TICKS_WEEKS, 2, 14 },
    { TICKS_MONTHS, 1, 30.4 },
    { TICKS_MONTHS, 3, 91.3 },
    { TICKS_MONTHS, 6, 182.6 },
    { TICKS_MONTHS, 12, 365.25 },
  };
  guint choice = G_N_ELEMENTS (steps) - 1;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].days * chart->day_width >= MIN_TIME_TICK_SPACING)
      {
        choice = i;
        break;
      }

  switch (steps[choice].unit)
    {
    case TICKS_DAYS:
      for (RolloutDate d = chart->first_day; d <= chart->last_day; d += steps[choice].count)
        add_time_tick (chart, d, FALSE);
      break;

    case TICKS_WEEKS:
      {
        RolloutDate d = chart->first_day;

        /* On Mondays */
        while (rollout_date_get_weekday (d) != G_DATE_MONDAY)
          d++;
        for (; d <= chart->last_day; d += 7 * steps[choice].count)
          add_time_tick (chart, d, FALSE);
      }
      break;

    case TICKS_MONTHS:
      {
        guint months = steps[choice].count;
        int year, month;

        g_date_clear (&date, 1);
        g_date_set_julian (&date, chart->first_day);
        year = g_date_get_year (&date);
        month = g_date_get_month (&date);
        /* The first whole multiple of the step (January, April, July…). */
        if (g_date_get_day (&date) != 1 || (month - 1) % months != 0)
          {
            month = ((month - 1) / months + 1) * months + 1;
            year += (month - 1) / 12;
            month = (month - 1) % 12 + 1;
          }
        for (;;)
          {
            RolloutDate d = rollout_date_from_ymd (year, month, 1);

            if (d > chart->last_day)
              break;
            add_time_tick (chart, d, TRUE);
            month += months;
            year += (month - 1) / 12;
            month = (month - 1) % 12 + 1;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * rollout_metric_chart_new:
 * @metric: the metric to chart
 * @phase: (nullable): the phase whose samples to show, or %NULL for all of
 *   the metric's samples
 * @criterion: (nullable): a gate criterion on @metric, for its threshold and
 *   the samples its value comes from (with @phase)
 * @area: the rectangle to lay the chart out in
 *
 * Lays out a small line chart of @metric.
 *
 * Returns: (transfer full): the chart; free with rollout_metric_chart_free()
 */
RolloutMetricChart *
rollout_metric_chart_new (RolloutMetric           *metric,
                          RolloutPhase            *phase,
                          const RolloutGateMetric *criterion,
                          const RolloutChartRect  *area)
{
  Chart *self;
  RolloutMetricChart *chart;
  GPtrArray *samples;
  g_autoptr(GArray) entries = NULL;
  const char *phase_id = phase != NULL ? rollout_phase_get_id (phase) : NULL;
  RolloutDate first = ROLLOUT_DATE_NONE, last = ROLLOUT_DATE_NONE;
  RolloutDate counted_first = ROLLOUT_DATE_NONE, counted_last = ROLLOUT_DATE_NONE;
  double low = INFINITY, high = -INFINITY;
  guint latest_index = G_MAXUINT;
  const char *previous_phase = NULL;

  g_return_val_if_fail (ROLLOUT_IS_METRIC (metric), NULL);
  g_return_val_if_fail (phase == NULL || ROLLOUT_IS_PHASE (phase), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  self = g_new0 (Chart, 1);
  self->strings = g_string_chunk_new (64);
  chart = &self->chart;
  chart->area = *area;
  chart->points = g_array_new (FALSE, FALSE, sizeof (RolloutChartPoint));
  chart->time_ticks = g_array_new (FALSE, FALSE, sizeof (RolloutChartTick));
  chart->value_ticks = g_array_new (FALSE, FALSE, sizeof (RolloutChartTick));
  g_array_set_clear_func (chart->time_ticks, (GDestroyNotify) tick_clear);
  g_array_set_clear_func (chart->value_ticks, (GDestroyNotify) tick_clear);

#define TAKE_DAY(d) G_STMT_START { \
    if (first == ROLLOUT_DATE_NONE || (d) < first) first = (d); \
    if (last == ROLLOUT_DATE_NONE || (d) > last) last = (d); \
  } G_STMT_END
#define TAKE_VALUE(v) G_STMT_START { low = MIN (low, (v)); high = MAX (high, (v)); } G_STMT_END

  samples = rollout_metric_get_samples (metric);
  entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), samples->len);
  for (guint i = 0; i < samples->len; i++)
    {
      const RolloutSample *sample = g_ptr_array_index (samples, i);
      Entry entry = { sample, i };

      if (phase_id != NULL && g_strcmp0 (sample->phase_id, phase_id) != 0)
        continue;
      g_array_append_val (entries, entry);
      TAKE_DAY (sample->date);
      TAKE_VALUE (sample->value);
    }
  g_array_sort (entries, compare_entries);

  if (criterion != NULL)
    {
      chart->has_threshold = TRUE;
      chart->threshold = criterion->threshold;
      chart->comparison = criterion->comparison;
      TAKE_VALUE (criterion->threshold);

      if (phase_id != NULL &&
          rollout_gates_aggregate (metric, phase_id, criterion->aggregate, criterion->window_days,
                                   &chart->aggregate, NULL, &counted_first, &counted_last))
        {
          chart->has_aggregate = TRUE;
          TAKE_VALUE (chart->aggregate);
          if (criterion->aggregate == ROLLOUT_AGGREGATE_MEAN && criterion->window_days > 0)
            TAKE_DAY (counted_first);
          /* The latest sample is the last of its day in the plan's order,
           * which is the last entry once sorted. */
          if (criterion->aggregate == ROLLOUT_AGGREGATE_LATEST && entries->len > 0)
            latest_index = entries->len - 1;
        }
    }

  if (rollout_metric_get_has_target (metric))
    {
      chart->has_target = TRUE;
      chart->target = rollout_metric_get_target (metric);
      TAKE_VALUE (chart->target);
    }

  if (phase != NULL && rollout_phase_get_start (phase) != ROLLOUT_DATE_NONE)
    {
      RolloutDate start = rollout_phase_get_start (phase);
      RolloutDate finish = MAX (rollout_phase_get_finish (phase), start);

      chart->has_period = TRUE;
      TAKE_DAY (start);
      TAKE_DAY (finish);
    }

#undef TAKE_DAY
#undef TAKE_VALUE

  if (first == ROLLOUT_DATE_NONE)
    {
      /* Nothing in time: an empty chart, with the threshold if any. */
      chart->has_period = FALSE;
      if (!isfinite (low))
        {
          low = 0.0;
          high = 1.0;
        }
      lay_out_values (chart, low, high);
      if (chart->has_threshold)
        chart->threshold_y = rollout_metric_chart_y_for_value (chart, chart->threshold);
      if (chart->has_target)
        chart->target_y = rollout_metric_chart_y_for_value (chart, chart->target);
      return chart;
    }

  if (last - first + 1 < MIN_DAYS)
    {
      guint pad = MIN_DAYS - (last - first + 1);

      first = first > pad / 2 ? first - pad / 2 : 1;
      last = first + MIN_DAYS - 1;
    }
  chart->first_day = first;
  chart->last_day = last;
  chart->day_width = area->width / ((double) last - (double) first + 1.0);

  lay_out_values (chart, low, high);
  lay_out_time (chart);

  if (chart->has_threshold)
    chart->threshold_y = rollout_metric_chart_y_for_value (chart, chart->threshold);
  if (chart->has_target)
    chart->target_y = rollout_metric_chart_y_for_value (chart, chart->target);
  if (chart->has_aggregate)
    chart->aggregate_y = rollout_metric_chart_y_for_value (chart, chart->aggregate);
  if (chart->has_period)
    chart->period = days_rect (chart, rollout_phase_get_start (phase),
                               MAX (rollout_phase_get_finish (phase), rollout_phase_get_start (phase)));
  if (chart->has_aggregate && criterion->aggregate == ROLLOUT_AGGREGATE_MEAN && criterion->window_days > 0)
    {
      chart->has_window = TRUE;
      chart->window = days_rect (chart, counted_first, counted_last);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const RolloutSample *sample = g_array_index (entries, Entry, i).sample;
      RolloutChartPoint point;

      point.date = sample->date;
      point.value = sample->value;
      point.x = rollout_metric_chart_x_for_day (chart, sample->date);
      point.y = rollout_metric_chart_y_for_value (chart, sample->value);
      point.phase_id = sample->phase_id != NULL
                       ? g_string_chunk_insert_const (self->strings, sample->phase_id) : NULL;
      if (i == 0)
        point.segment = 0;
      else
        point.segment = g_array_index (chart->points, RolloutChartPoint, i - 1).segment +
                        (g_strcmp0 (previous_phase, sample->phase_id) != 0);
      previous_phase = sample->phase_id;
      if (!chart->has_aggregate)
        point.counted = FALSE;
      else if (criterion->aggregate == ROLLOUT_AGGREGATE_LATEST)
        point.counted = i == latest_index;
      else
        point.counted = sample->date >= counted_first && sample->date <= counted_last;
      g_array_append_val (chart->points, point);
    }

  return chart;
}

static gboolean
rect_contains (const RolloutChartRect *rect,
               double                  x,
               double                  y)
{
  return x >= rect->x && x <= rect->x + rect->width && y >= rect->y && y <= rect->y + rect->height;
}

static gboolean
rects_overlap (const RolloutChartRect *a,
               const RolloutChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether the segment from (x0, y0) to (x1, y1) crosses @rect (clipped
 * against it, Liang–Barsky). */
static gboolean
segment_crosses (const RolloutChartRect *rect,
                 double                  x0,
                 double                  y0,
                 double                  x1,
                 double                  y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - rect->x, rect->x + rect->width - x0, y0 - rect->y, rect->y + rect->height - y0 };
  double t0 = 0.0, t1 = 1.0;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }
      if (p[i] < 0.0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* Whether a label at @rect would cover a sample, the line between two, or
 * the gate's value. */
static gboolean
covers_samples (const RolloutMetricChart *chart,
                const RolloutChartRect   *rect)
{
  RolloutChartRect near = { rect->x - LABEL_CLEARANCE, rect->y - LABEL_CLEARANCE,
                            rect->width + 2 * LABEL_CLEARANCE, rect->height + 2 * LABEL_CLEARANCE };

  for (guint i = 0; i < chart->points->len; i++)
    {
      const RolloutChartPoint *point = &g_array_index (chart->points, RolloutChartPoint, i);

      if (rect_contains (&near, point->x, point->y))
        return TRUE;
      if (i > 0)
        {
          const RolloutChartPoint *before = &g_array_index (chart->points, RolloutChartPoint, i - 1);

          if (before->segment == point->segment &&
              segment_crosses (rect, before->x, before->y, point->x, point->y))
            return TRUE;
        }
    }
  if (chart->has_aggregate && chart->has_window && chart->window.width > 0)
    {
      RolloutChartRect bar = { chart->window.x, chart->aggregate_y - 2, chart->window.width, 4 };

      if (rects_overlap (rect, &bar))
        return TRUE;
    }
  return FALSE;
}

/**
 * rollout_metric_chart_place_label:
 * @chart: a chart
 * @line_y: the y of the horizontal line the label names (the threshold's
 *   or the target's)
 * @width: the label's width
 * @height: the label's height
 * @bounds: where the label may go: the plot, and the room above it
 * @avoid: (nullable): something else drawn over the plot that the label
 *   must not cover
 * @place: (out): where the label goes
 *
 * Places a line's label inside @bounds, never over its edges, whatever
 * the language or the direction of its text: above the line at its right
 * end (where the latest samples are) or, when that leaves @bounds, below
 * it; at the left end when the samples, the gate's value or @avoid are in
 * the way at the right; in the first of these places that fits when they
 * are in the way everywhere. Only a label wider than @bounds goes over
 * them, from their left edge (and one taller than them, from their top).
 *
 * Returns: whether @place covers nothing
 */
gboolean
rollout_metric_chart_place_label (const RolloutMetricChart *chart,
                                  double                    line_y,
                                  double                    width,
                                  double                    height,
                                  const RolloutChartRect   *bounds,
                                  const RolloutChartRect   *avoid,
                                  RolloutChartRect         *place)
{
  const double xs[] = { bounds->x + bounds->width - width, bounds->x };
  const double ys[] = { line_y - height - 1, line_y + 2 };
  gboolean fits = FALSE;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  /* Too big for @bounds: from its top left corner. */
  place->x = bounds->x;
  place->y = bounds->y;
  place->width = width;
  place->height = height;

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
      {
        RolloutChartRect candidate = { MAX (bounds->x, xs[i]), ys[j], width, height };

        if (candidate.y < bounds->y || candidate.y + height > bounds->y + bounds->height)
          continue;
        if (!covers_samples (chart, &candidate) && (avoid == NULL || !rects_overlap (&candidate, avoid)))
          {
            *place = candidate;
            return TRUE;
          }
        /* The first place that fits, unless a clear one turns up. */
        if (!fits)
          *place = candidate;
        fits = TRUE;
      }
  return FALSE;
}
