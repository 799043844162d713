/* rollout-report-monitor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Monitoring on paper: for every phase, its gate's verdict with every
 * criterion and how it stands, a small chart of each metric the gate
 * judges, and what people said (feedback by sentiment, the top tags); then
 * the feedback of the whole roll-out.
 *
 * The charts are drawn from the same core geometry as the Monitor view
 * (rollout-metric-chart.h): the samples of the phase, the gate's threshold
 * as a line with its failing side shaded, the phase's period and the days
 * a mean counts as bands, the metric's target dashed. Geometry is made
 * when a page is drawn and dropped after it, so memory does not grow with
 * the number of charts.
 *
 * It is a flow: a phase's heading stays with its first criterion, a chart
 * row is never cut, and a page that continues a phase's criteria or charts
 * repeats the phase's name. Verdicts and results are said in words and
 * shapes; tints only repeat them. */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-feedback-summary.h"
#include "rollout-gate-edit.h"
#include "rollout-metric-chart.h"
#include "rollout-report-private.h"

#define N_TOP_TAGS        6
#define CHART_MIN_WIDTH   230.0
#define CHART_GAP         14.0
#define CHART_HEIGHT      142.0
#define CHART_AXIS_WIDTH  30.0
#define CHART_ROW_SPACE   10.0
#define SUBHEADING_ABOVE  8.0
#define SUBHEADING_BELOW  3.0
#define SENTIMENT_BAR     150.0
#define POINT_RADIUS      1.9
#define LEGEND_SWATCH     12.0
#define HATCH_SPACING     4.0

enum {
  ITEM_PHASE,
  ITEM_CRITERIA_HEADER,
  ITEM_CRITERION,
  ITEM_METRICS_HEADER,
  ITEM_CHARTS,
  ITEM_FEEDBACK,
  ITEM_ALL_HEADING,
  ITEM_NO_PHASES,
};

enum {
  COLUMN_RESULT,
  COLUMN_KIND,
  COLUMN_REASON,
  N_COLUMNS
};

static const ReportColumn columns[N_COLUMNS] = {
  [COLUMN_RESULT] = { N_("Result"), 0, 70, 0 },
  [COLUMN_KIND] = { N_("Criterion"), 0, 70, 0 },
  [COLUMN_REASON] = { N_("Reason"), 1, 0, 0 },
};

/* A criterion of a phase, as a row of its table. */
typedef struct {
  guint phase;
  guint criterion;
} CriterionRow;

/* A row of charts: the metric criteria of a phase from @first, @count of
 * them (indices into the phase's metric criteria). */
typedef struct {
  guint phase;
  guint first;
  guint count;
} ChartRow;

typedef struct {
  RolloutReport *report;
  ReportFlow    *flow;

  GPtrArray     *evaluations;  /* RolloutGateEvaluation, one per phase */
  GPtrArray     *charted;      /* per phase, a GPtrArray of the criteria charted */
  GPtrArray     *feedback;     /* RolloutFeedbackSummary per phase, then the whole plan's */
  GArray        *criteria;     /* CriterionRow */
  GArray        *chart_rows;   /* ChartRow */
  guint          charts_per_row;
  double         content_top;   /* where a page's first item goes */

  double         column_x[N_COLUMNS + 1];
} MonitorPlan;

static void
monitor_plan_free (gpointer data)
{
  MonitorPlan *plan = data;

  report_flow_free (plan->flow);
  g_clear_pointer (&plan->evaluations, g_ptr_array_unref);
  g_clear_pointer (&plan->charted, g_ptr_array_unref);
  g_clear_pointer (&plan->feedback, g_ptr_array_unref);
  g_clear_pointer (&plan->criteria, g_array_unref);
  g_clear_pointer (&plan->chart_rows, g_array_unref);
  g_free (plan);
}

/* Words ------------------------------------------------------------------- */

static const char *
criterion_kind_label (RolloutCriterionKind kind)
{
  switch (kind)
    {
    case ROLLOUT_CRITERION_METRIC:
      return C_("gate criterion", "Metric");
    case ROLLOUT_CRITERION_SIGNOFF:
      return C_("gate criterion", "Sign-off");
    case ROLLOUT_CRITERION_RISK:
    default:
      return C_("gate criterion", "Open risks");
    }
}

/* A value as a chart's caption shows it: at most two decimals, none
 * trailing, and the unit when it is a symbol ("12.15%", "4.2/5"). Word
 * units ("reservations") are left to the metric's name. */
static char *
format_value (double      value,
              const char *unit)
{
  gboolean symbol = unit != NULL && *unit != '\0' && !g_unichar_isalpha (g_utf8_get_char (unit));
  int decimals = 0;

  while (decimals < 2 && fabs (value * pow (10, decimals) - round (value * pow (10, decimals))) > 1e-6)
    decimals++;
  if (value == 0.0)
    value = 0.0; /* no "-0" */
  return g_strdup_printf ("%.*f%s", decimals, value, symbol ? unit : "");
}

/* A value tick's label in few characters when the chart's own does not fit
 * beside the axis: 400B rather than 400000000000. The scale is that of the
 * largest tick, so that all the labels of an axis read alike. */
static char *
compact_tick_label (double value,
                    double largest,
                    double step)
{
  static const struct {
    double      scale;
    const char *suffix;
  } scales[] = {
    /* TRANSLATORS: short for trillion, billion, million, thousand beside a chart's axis */
    { 1e12, NC_("number suffix", "T") },
    { 1e9, NC_("number suffix", "B") },
    { 1e6, NC_("number suffix", "M") },
    { 1e3, NC_("number suffix", "k") },
  };

  if (value == 0.0)
    return g_strdup ("0");
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (fabs (largest) >= scales[i].scale)
      {
        double scaled_step = step / scales[i].scale;
        int decimals = 0;

        while (decimals < 3 && scaled_step * pow (10, decimals) < 0.999)
          decimals++;
        return g_strdup_printf ("%.*f%s", decimals, value / scales[i].scale,
                                g_dpgettext2 (GETTEXT_PACKAGE, "number suffix", scales[i].suffix));
      }
  return g_strdup_printf ("%.3g", value);
}

static const char *
metric_name (RolloutMetric *metric)
{
  const char *name = rollout_metric_get_name (metric);

  return name != NULL && *name != '\0' ? name : rollout_metric_get_id (metric);
}

/* Gathering and measuring --------------------------------------------------- */

static double
subheading_height (RolloutReport *report)
{
  return SUBHEADING_ABOVE + report_get_line_height (report, REPORT_FONT_BODY_BOLD) + SUBHEADING_BELOW;
}

static double
phase_height (RolloutReport *report)
{
  return report_heading_height (report) + 4 +
         report_get_line_height (report, REPORT_FONT_SMALL) + 3 +
         report_get_line_height (report, REPORT_FONT_BODY) + 2;
}

static double
legend_height (RolloutReport *report)
{
  return report_get_line_height (report, REPORT_FONT_SMALL) + 6;
}

static double
feedback_height (MonitorPlan            *plan,
                 RolloutFeedbackSummary *summary)
{
  RolloutReport *report = plan->report;
  double h = subheading_height (report) + report_get_line_height (report, REPORT_FONT_BODY);

  if (summary->n_feedback > 0)
    h += 3 + report_get_line_height (report, REPORT_FONT_SMALL);
  return h + 6;
}

static double
criterion_height (MonitorPlan          *plan,
                  RolloutGateCriterion *criterion)
{
  ReportFont font = criterion->result == ROLLOUT_CRITERION_FAIL ? REPORT_FONT_BODY_BOLD : REPORT_FONT_BODY;

  return report_cell_height (plan->report, font, criterion->reason, plan->column_x, COLUMN_REASON, 3);
}

static gpointer
monitor_paginate (RolloutReport     *report,
                  const ReportFrame *frame,
                  guint             *out_n_pages)
{
  MonitorPlan *plan = g_new0 (MonitorPlan, 1);
  RolloutProject *project = rollout_report_get_project (report);
  double width = frame->content.width;
  double row_height = CHART_HEIGHT + CHART_ROW_SPACE;
  ReportFlow *flow;

  plan->report = report;
  plan->flow = flow = report_flow_new ();
  plan->evaluations = rollout_gates_evaluate (project);
  plan->charted = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  plan->feedback = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_feedback_summary_free);
  plan->criteria = g_array_new (FALSE, FALSE, sizeof (CriterionRow));
  plan->chart_rows = g_array_new (FALSE, FALSE, sizeof (ChartRow));
  plan->content_top = frame->content.y;
  plan->charts_per_row = MAX (1, (guint) floor ((width + CHART_GAP) / (CHART_MIN_WIDTH + CHART_GAP)));
  report_table_layout (columns, N_COLUMNS, frame->content.x, width, plan->column_x);

  if (plan->evaluations->len == 0)
    report_flow_add (flow, ITEM_NO_PHASES, 0, 0, 0,
                     report_get_line_height (report, REPORT_FONT_BODY) + 2 * REPORT_CELL_PAD_Y + 6);

  for (guint p = 0; p < plan->evaluations->len; p++)
    {
      RolloutGateEvaluation *evaluation = g_ptr_array_index (plan->evaluations, p);
      RolloutFeedbackSummary *summary = rollout_feedback_summary_new (project, rollout_phase_get_id (evaluation->phase));
      GPtrArray *charted = g_ptr_array_new ();
      /* Each phase has two groups: its criteria, then its charts and
       * feedback; a page continuing either repeats its header. */
      guint criteria_group = 2 * p + 1;
      guint charts_group = 2 * p + 2;

      g_ptr_array_add (plan->feedback, summary);
      g_ptr_array_add (plan->charted, charted);
      for (guint c = 0; c < evaluation->criteria->len; c++)
        {
          RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, c);

          if (criterion->kind == ROLLOUT_CRITERION_METRIC && criterion->metric != NULL)
            g_ptr_array_add (charted, criterion);
        }

      /* A phase without a gate says so in its heading's summary. */
      report_flow_add (flow, ITEM_PHASE, p, 0, REPORT_FLOW_KEEP_WITH_NEXT, phase_height (report));
      if (evaluation->criteria->len > 0)
        {
          report_flow_add (flow, ITEM_CRITERIA_HEADER, p, criteria_group,
                           REPORT_FLOW_TABLE_HEADER | REPORT_FLOW_KEEP_WITH_NEXT,
                           subheading_height (report) + report_table_header_height (report));
          for (guint c = 0; c < evaluation->criteria->len; c++)
            {
              CriterionRow row = { p, c };

              report_flow_add (flow, ITEM_CRITERION, plan->criteria->len, criteria_group, 0,
                               criterion_height (plan, g_ptr_array_index (evaluation->criteria, c)));
              g_array_append_val (plan->criteria, row);
            }
        }

      if (charted->len > 0)
        {
          report_flow_add (flow, ITEM_METRICS_HEADER, p, charts_group,
                           REPORT_FLOW_TABLE_HEADER | REPORT_FLOW_KEEP_WITH_NEXT,
                           subheading_height (report) + legend_height (report));
          for (guint first = 0; first < charted->len; first += plan->charts_per_row)
            {
              ChartRow row = { p, first, MIN (plan->charts_per_row, charted->len - first) };

              report_flow_add (flow, ITEM_CHARTS, plan->chart_rows->len, charts_group, 0, row_height);
              g_array_append_val (plan->chart_rows, row);
            }
        }
      report_flow_add (flow, ITEM_FEEDBACK, p, charts_group, 0, feedback_height (plan, summary));
    }

  /* The whole roll-out's feedback, phases or not. */
  {
    RolloutFeedbackSummary *all = rollout_feedback_summary_new (project, NULL);

    g_ptr_array_add (plan->feedback, all);
    report_flow_add (flow, ITEM_ALL_HEADING, 0, 0, REPORT_FLOW_KEEP_WITH_NEXT, report_heading_height (report));
    report_flow_add (flow, ITEM_FEEDBACK, plan->evaluations->len, 0, 0, feedback_height (plan, all));
  }

  *out_n_pages = report_flow_paginate (flow, frame->content.height);
  return plan;
}

/* Drawing ----------------------------------------------------------------- */

static void
draw_subheading (ReportCanvas *canvas,
                 const char   *text,
                 double        x,
                 double        y,
                 double        width)
{
  report_draw_text (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, text,
                    x, y + SUBHEADING_ABOVE, width,
                    report_get_line_height (canvas->report, REPORT_FONT_BODY_BOLD), 1, 0);
}

/* "Metrics" under a phase's heading; at the top of a page, where the
 * heading is on the page before, "Pilot: Austin, 5% — Metrics", and
 * "… (continued)" when a table or the charts go on. */
static void
draw_phase_subheading (MonitorPlan  *plan,
                       ReportCanvas *canvas,
                       guint         phase,
                       const char   *title,
                       double        x,
                       double        y,
                       double        width,
                       gboolean      repeated)
{
  RolloutGateEvaluation *evaluation = g_ptr_array_index (plan->evaluations, phase);
  g_autofree char *text = NULL;

  if (repeated)
    /* TRANSLATORS: at the top of a page that continues a phase: the
     * phase's name and what continues ("Gate criteria", "Metrics") */
    text = g_strdup_printf (_("%s — %s (continued)"), rollout_phase_get_name (evaluation->phase), title);
  else if (y <= plan->content_top + 0.01)
    /* TRANSLATORS: at the top of a page, a part of the phase whose heading
     * is on the page before: "Pilot: Austin, 5% — Metrics" */
    text = g_strdup_printf (C_("phase part", "%s — %s"), rollout_phase_get_name (evaluation->phase), title);
  draw_subheading (canvas, text != NULL ? text : title, x, y, width);
}

static void
draw_phase (MonitorPlan  *plan,
            ReportCanvas *canvas,
            guint         index,
            double        x,
            double        y,
            double        width)
{
  RolloutReport *report = plan->report;
  RolloutGateEvaluation *evaluation = g_ptr_array_index (plan->evaluations, index);
  RolloutPhase *phase = evaluation->phase;
  RolloutPhaseStatus status = rollout_phase_get_status (phase);
  double heading_line = report_get_line_height (report, REPORT_FONT_HEADING);
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  double body = report_get_line_height (report, REPORT_FONT_BODY);
  double badge_width = MIN (report_verdict_width (report, evaluation->verdict), width / 3);
  double badge_height = report_get_line_height (report, REPORT_FONT_BODY_BOLD) + 2 * REPORT_CELL_PAD_Y;
  double top = y + report_heading_height (report) - 4 - heading_line;
  g_autofree char *audience = report_format_audience (phase);
  g_autofree char *dates = report_format_range (rollout_phase_get_start (phase), rollout_phase_get_finish (phase));
  /* TRANSLATORS: under a phase's name: its audience, dates and status */
  g_autofree char *facts = g_strdup_printf (C_("phase facts", "%s · %s · %s"), audience, dates,
                                            report_phase_status_label (status));

  report_draw_text (canvas, REPORT_FONT_HEADING, &report_color_text, rollout_phase_get_name (phase),
                    x, top, width - badge_width - 12, heading_line, 1, 0);
  report_draw_verdict (canvas, evaluation->verdict, x + width - badge_width,
                       top + (heading_line - badge_height) / 2, badge_width, badge_height);
  y = top + heading_line + 4;
  report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, facts, x, y, width, small, 1, 0);
  y += small + 3;
  report_draw_text (canvas, REPORT_FONT_BODY, &report_color_text, evaluation->summary, x, y, width, body, 1, 0);
}

static void
draw_criterion (MonitorPlan  *plan,
                ReportCanvas *canvas,
                guint         index,
                double        y,
                double        h)
{
  const CriterionRow *row = &g_array_index (plan->criteria, CriterionRow, index);
  RolloutGateEvaluation *evaluation = g_ptr_array_index (plan->evaluations, row->phase);
  RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, row->criterion);
  gboolean failed = criterion->result == ROLLOUT_CRITERION_FAIL;

  report_draw_status_cell (canvas, report_criterion_shape (criterion->result),
                           report_criterion_label (criterion->result), plan->column_x, COLUMN_RESULT, y, h);
  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_secondary, criterion_kind_label (criterion->kind),
                    plan->column_x, COLUMN_KIND, y, h, 1, 0);
  report_draw_cell (canvas, failed ? REPORT_FONT_BODY_BOLD : REPORT_FONT_BODY, &report_color_text,
                    criterion->reason, plan->column_x, COLUMN_REASON, y, h, 3, 0);
  report_table_draw_rule (canvas, plan->column_x, N_COLUMNS, y + h - 0.2);
}

/* Chart colours: the line in the accent, the threshold in the critical red
 * (and solid, where the target is dashed grey), bands as light tints. */
static const ReportColor period_tint = { 0.91, 0.94, 0.98 };
static const ReportColor window_tint = { 0.80, 0.87, 0.96 };
static const ReportColor hatch_color = { 0.92, 0.60, 0.60 };

static void
set_dash (cairo_t *cr,
          double   on,
          double   off)
{
  double dashes[2] = { on, off };

  cairo_set_dash (cr, dashes, 2, 0);
}

/* The failing side of a threshold: hatched, so that it reads on paper
 * in grey and does not mix with the bands behind. */
static void
hatch_rect (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height)
{
  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  report_set_color (cr, &hatch_color);
  cairo_set_line_width (cr, 0.4);
  for (double d = -height; d < width; d += HATCH_SPACING)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_chart_rect (cairo_t                *cr,
                 const ReportColor      *color,
                 const RolloutChartRect *rect)
{
  report_fill_rect (cr, color, rect->x, rect->y, rect->width, rect->height);
}

static void
draw_point (cairo_t  *cr,
            double    x,
            double    y,
            gboolean  filled)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
  if (filled)
    {
      report_set_color (cr, &report_color_accent);
      cairo_fill (cr);
      return;
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  report_set_color (cr, &report_color_accent);
  cairo_set_line_width (cr, 0.9);
  cairo_stroke (cr);
}

/* The plot itself, inside @chart's area: bands, grid, lines, samples. */
static void
draw_plot (ReportCanvas             *canvas,
           const RolloutMetricChart *chart)
{
  cairo_t *cr = canvas->cr;
  const RolloutChartRect *area = &chart->area;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  /* The phase and the days a mean counts, then the failing side of the
   * threshold over them. */
  if (chart->has_period)
    fill_chart_rect (cr, &period_tint, &chart->period);
  if (chart->has_window)
    fill_chart_rect (cr, &window_tint, &chart->window);
  if (chart->has_threshold)
    {
      switch (chart->comparison)
        {
        case ROLLOUT_COMPARISON_GE:
        case ROLLOUT_COMPARISON_GT:
          hatch_rect (cr, area->x, chart->threshold_y, area->width, area->y + area->height - chart->threshold_y);
          break;
        case ROLLOUT_COMPARISON_LE:
        case ROLLOUT_COMPARISON_LT:
          hatch_rect (cr, area->x, area->y, area->width, chart->threshold_y - area->y);
          break;
        case ROLLOUT_COMPARISON_EQ:
        case ROLLOUT_COMPARISON_NE:
        default:
          break;
        }
    }

  for (guint i = 0; i < chart->value_ticks->len; i++)
    {
      const RolloutChartTick *tick = &g_array_index (chart->value_ticks, RolloutChartTick, i);

      report_hline (cr, &report_color_light_rule, area->x, area->x + area->width, tick->position, 0.35);
    }

  if (chart->has_target)
    {
      cairo_save (cr);
      set_dash (cr, 2.5, 2);
      report_hline (cr, &report_color_secondary, area->x, area->x + area->width, chart->target_y, 0.8);
      cairo_restore (cr);
    }
  if (chart->has_threshold)
    report_hline (cr, &report_color_critical, area->x, area->x + area->width, chart->threshold_y, 1.2);

  /* The gate's mean, across the days it counts. */
  if (chart->has_aggregate && chart->has_window)
    {
      cairo_save (cr);
      set_dash (cr, 1, 1.5);
      report_hline (cr, &report_color_text, chart->window.x, chart->window.x + chart->window.width,
                    chart->aggregate_y, 1.0);
      cairo_restore (cr);
    }

  /* Samples: a line through each run of the same phase. */
  report_set_color (cr, &report_color_accent);
  cairo_set_line_width (cr, 1.1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < chart->points->len; i++)
    {
      const RolloutChartPoint *point = &g_array_index (chart->points, RolloutChartPoint, i);

      if (i == 0 || g_array_index (chart->points, RolloutChartPoint, i - 1).segment != point->segment)
        cairo_move_to (cr, point->x, point->y);
      else
        cairo_line_to (cr, point->x, point->y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < chart->points->len; i++)
    {
      const RolloutChartPoint *point = &g_array_index (chart->points, RolloutChartPoint, i);

      draw_point (cr, point->x, point->y, point->counted);
    }
  cairo_restore (cr);

  report_set_color (cr, &report_color_rule);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_stroke (cr);
}

/* The labels of the axes, outside the plot: values on the left, days
 * below. A day's label is centred under its tick, kept inside the chart,
 * and left out when it would touch the one before. */
static void
draw_axes (ReportCanvas             *canvas,
           const RolloutMetricChart *chart,
           double                    left,
           double                    right)
{
  RolloutReport *report = canvas->report;
  const RolloutChartRect *area = &chart->area;
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  double label_end = -G_MAXDOUBLE;
  double room = area->x - 3 - left;
  gboolean compact = FALSE;
  double largest = 0, step = 0;
  guint n_values = chart->value_ticks->len;

  for (guint i = 0; i < n_values; i++)
    {
      const RolloutChartTick *tick = &g_array_index (chart->value_ticks, RolloutChartTick, i);

      compact |= report_text_width (report, REPORT_FONT_SMALL, tick->label) > room;
      largest = MAX (largest, fabs (tick->value));
    }
  if (n_values > 1)
    step = g_array_index (chart->value_ticks, RolloutChartTick, 1).value -
           g_array_index (chart->value_ticks, RolloutChartTick, 0).value;

  for (guint i = 0; i < n_values; i++)
    {
      const RolloutChartTick *tick = &g_array_index (chart->value_ticks, RolloutChartTick, i);
      g_autofree char *label = compact ? compact_tick_label (tick->value, largest, step) : NULL;

      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, label != NULL ? label : tick->label,
                        left, tick->position - small / 2, room, small, 1, REPORT_TEXT_END);
    }

  for (guint i = 0; i < chart->time_ticks->len; i++)
    {
      const RolloutChartTick *tick = &g_array_index (chart->time_ticks, RolloutChartTick, i);
      double w = report_text_width (report, REPORT_FONT_SMALL, tick->label) + 1;
      double x = CLAMP (tick->position - w / 2, area->x, right - w);

      report_set_color (canvas->cr, &report_color_rule);
      cairo_set_line_width (canvas->cr, 0.5);
      cairo_move_to (canvas->cr, tick->position, area->y + area->height);
      cairo_line_to (canvas->cr, tick->position, area->y + area->height + 2);
      cairo_stroke (canvas->cr);

      if (x < label_end + 4 || x < area->x - 0.01 || x + w > right + 0.01)
        continue;
      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, tick->label,
                        x, area->y + area->height + 3, w, small, 1, 0);
      label_end = x + w;
    }
}

/* One metric's chart in the box (@x, @y, @width, CHART_HEIGHT): its name
 * and the gate's value, the threshold and how it is judged, the plot. */
static void
draw_chart (ReportCanvas         *canvas,
            RolloutGateEvaluation *evaluation,
            RolloutGateCriterion *criterion,
            double                x,
            double                y,
            double                width)
{
  RolloutReport *report = canvas->report;
  const RolloutGateMetric *gm = criterion->gate_metric;
  RolloutMetric *metric = criterion->metric;
  const char *unit = rollout_metric_get_unit (metric);
  double bold = report_get_line_height (report, REPORT_FONT_BODY_BOLD);
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  g_autoptr(RolloutMetricChart) chart = NULL;
  g_autofree char *threshold = format_value (gm->threshold, unit);
  g_autofree char *how = rollout_gate_metric_describe_aggregate (gm);
  g_autofree char *caption = NULL;
  g_autofree char *value = NULL;
  const char *result = report_criterion_label (criterion->result);
  RolloutChartRect area;
  double value_width = 0, result_width = 0, number_width = 0, radius = 2.6;

  /* TRANSLATORS: under a metric chart's title: the gate's threshold, "≥ 180",
   * and how the value is taken, "mean of the last 7 days" */
  caption = g_strdup_printf (C_("metric chart", "Gate %s %s · %s"), rollout_comparison_get_symbol (gm->comparison),
                             threshold, how);
  /* The gate's value and its result on the right: the result in full,
   * the value ellipsized if it must be. */
  if (criterion->n_samples > 0)
    {
      value = format_value (criterion->value, unit);
      result_width = report_text_width (report, REPORT_FONT_BODY_BOLD, result) + 1;
      number_width = MIN (report_text_width (report, REPORT_FONT_BODY_BOLD, value) + 1,
                          MAX (width / 2 - result_width - 2 * radius - 9, 12));
      value_width = 2 * radius + 5 + number_width + 4 + result_width;
    }

  report_draw_text (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, metric_name (metric),
                    x, y, width - value_width - (value != NULL ? 8 : 0), bold, 1, 0);
  if (value != NULL)
    {
      double vx = x + width - value_width;

      report_draw_shape (canvas->cr, report_criterion_shape (criterion->result), vx + radius, y + bold / 2, radius);
      vx += 2 * radius + 5;
      report_draw_text (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, value, vx, y, number_width, bold, 1,
                        REPORT_TEXT_END);
      report_draw_text (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, result,
                        vx + number_width + 4, y, result_width, bold, 1, 0);
    }
  report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, caption,
                    x, y + bold + 1, width, small, 1, 0);

  area.x = x + CHART_AXIS_WIDTH;
  area.y = y + bold + small + 1 + small / 2 + 4;
  area.width = width - CHART_AXIS_WIDTH - 2;
  area.height = y + CHART_HEIGHT - area.y - small - 4;
  chart = rollout_metric_chart_new (metric, evaluation->phase, gm, &area);

  draw_plot (canvas, chart);
  draw_axes (canvas, chart, x, x + width);
  if (chart->points->len == 0)
    {
      const char *text = _("No samples in this phase yet");
      double w = MIN (report_text_width (report, REPORT_FONT_SMALL_ITALIC, text) + 1, area.width - 8);
      double tx = area.x + (area.width - w) / 2;
      double ty = area.y + (area.height - small) / 2;

      /* On white, so that no line runs through it. */
      report_fill_rect (canvas->cr, &(ReportColor) { 1, 1, 1 }, tx - 4, ty - 2, w + 8, small + 4);
      report_draw_text (canvas, REPORT_FONT_SMALL_ITALIC, &report_color_secondary, text,
                        tx, ty, w, small, 1, 0);
    }
}

static void
draw_charts (MonitorPlan  *plan,
             ReportCanvas *canvas,
             guint         index,
             double        x,
             double        y,
             double        width)
{
  const ChartRow *row = &g_array_index (plan->chart_rows, ChartRow, index);
  RolloutGateEvaluation *evaluation = g_ptr_array_index (plan->evaluations, row->phase);
  GPtrArray *charted = g_ptr_array_index (plan->charted, row->phase);
  guint n = plan->charts_per_row;
  double chart_width = (width - (n - 1) * CHART_GAP) / n;

  for (guint i = 0; i < row->count; i++)
    draw_chart (canvas, evaluation, g_ptr_array_index (charted, row->first + i),
                x + i * (chart_width + CHART_GAP), y + CHART_ROW_SPACE / 2, chart_width);
}

/* What the marks on the charts mean, once above a phase's charts. */
static void
draw_legend (ReportCanvas *canvas,
             double        x,
             double        y,
             double        width)
{
  RolloutReport *report = canvas->report;
  cairo_t *cr = canvas->cr;
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  double mid = y + small / 2;
  double end = x + width;
  struct {
    const char *label;
    guint       kind;
  } entries[] = {
    { C_("chart legend", "Threshold"), 0 },
    { C_("chart legend", "Failing side"), 1 },
    { C_("chart legend", "Phase period"), 2 },
    { C_("chart legend", "Days averaged"), 3 },
    { C_("chart legend", "Mean"), 4 },
    { C_("chart legend", "Target"), 5 },
    { C_("chart legend", "Sample counted"), 6 },
    { C_("chart legend", "Other sample"), 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      double w = report_text_width (report, REPORT_FONT_SMALL, entries[i].label) + 1;

      if (x + LEGEND_SWATCH + 4 + w > end)
        break;
      cairo_save (cr);
      switch (entries[i].kind)
        {
        case 0:
          report_hline (cr, &report_color_critical, x, x + LEGEND_SWATCH, mid, 1.2);
          break;
        case 1:
          hatch_rect (cr, x, y + 1, LEGEND_SWATCH, small - 2);
          break;
        case 2:
          report_fill_rect (cr, &period_tint, x, y + 1, LEGEND_SWATCH, small - 2);
          break;
        case 3:
          report_fill_rect (cr, &window_tint, x, y + 1, LEGEND_SWATCH, small - 2);
          break;
        case 4:
          set_dash (cr, 1, 1.5);
          report_hline (cr, &report_color_text, x, x + LEGEND_SWATCH, mid, 1.0);
          break;
        case 5:
          set_dash (cr, 2.5, 2);
          report_hline (cr, &report_color_secondary, x, x + LEGEND_SWATCH, mid, 0.8);
          break;
        case 6:
        case 7:
        default:
          draw_point (cr, x + LEGEND_SWATCH / 2, mid, entries[i].kind == 6);
          break;
        }
      cairo_restore (cr);
      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, entries[i].label,
                        x + LEGEND_SWATCH + 4, y, w, small, 1, 0);
      x += LEGEND_SWATCH + 4 + w + 12;
    }
}

static const ReportColor sentiment_colors[] = {
  [ROLLOUT_SENTIMENT_POSITIVE] = { 0.55, 0.78, 0.57 },
  [ROLLOUT_SENTIMENT_NEUTRAL] = { 0.78, 0.78, 0.78 },
  [ROLLOUT_SENTIMENT_NEGATIVE] = { 0.90, 0.52, 0.50 },
};

static void
draw_feedback (MonitorPlan  *plan,
               ReportCanvas *canvas,
               guint         index,
               double        x,
               double        y,
               double        width)
{
  RolloutReport *report = plan->report;
  RolloutFeedbackSummary *summary = g_ptr_array_index (plan->feedback, index);
  gboolean whole_plan = index >= plan->evaluations->len;
  double body = report_get_line_height (report, REPORT_FONT_BODY);
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  double bar_width = MIN (SENTIMENT_BAR, width / 3);
  g_autofree char *counts = NULL;
  g_autoptr(GString) tags = NULL;
  double bx;

  if (whole_plan)
    draw_subheading (canvas, _("Feedback"), x, y, width);
  else
    draw_phase_subheading (plan, canvas, index, _("Feedback"), x, y, width, FALSE);
  y += subheading_height (report);

  if (summary->n_feedback == 0)
    {
      report_draw_text (canvas, REPORT_FONT_BODY, &report_color_secondary,
                        whole_plan ? _("No feedback is recorded in this plan.")
                                   : _("No feedback is recorded for this phase."),
                        x, y, width, body, 1, 0);
      return;
    }

  /* A bar split by sentiment, and the same in words beside it. */
  bx = x;
  for (guint s = ROLLOUT_SENTIMENT_POSITIVE; s <= ROLLOUT_SENTIMENT_NEGATIVE; s++)
    {
      double w = bar_width * summary->sentiments[s] / summary->n_feedback;

      report_fill_rect (canvas->cr, &sentiment_colors[s], bx, y + 2, w, body - 4);
      bx += w;
    }
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* TRANSLATORS: feedback counted by sentiment */
                                         "%u piece of feedback: %u positive, %u neutral, %u negative",
                                         "%u pieces of feedback: %u positive, %u neutral, %u negative",
                                         summary->n_feedback),
                            summary->n_feedback, summary->sentiments[ROLLOUT_SENTIMENT_POSITIVE],
                            summary->sentiments[ROLLOUT_SENTIMENT_NEUTRAL],
                            summary->sentiments[ROLLOUT_SENTIMENT_NEGATIVE]);
  report_draw_text (canvas, REPORT_FONT_BODY, &report_color_text, counts,
                    x + bar_width + 8, y, width - bar_width - 8, body, 1, 0);
  y += body + 3;

  tags = g_string_new (NULL);
  for (guint i = 0; i < MIN (summary->tags->len, N_TOP_TAGS); i++)
    {
      const RolloutTagCount *count = &g_array_index (summary->tags, RolloutTagCount, i);

      if (i > 0)
        g_string_append (tags, " · ");
      /* TRANSLATORS: a tag and how many pieces of feedback carry it, "map (3)" */
      g_string_append_printf (tags, C_("feedback tag", "%s (%u)"), count->tag, count->count);
    }
  if (tags->len == 0)
    report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, _("No tags."),
                      x, y, width, small, 1, 0);
  else
    {
      /* TRANSLATORS: the most used tags of some feedback, "Top tags: map (3) · gps (2)" */
      g_autofree char *text = g_strdup_printf (_("Top tags: %s"), tags->str);

      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, text, x, y, width, small, 1, 0);
    }
}

static void
draw_item (gpointer              data,
           ReportCanvas         *canvas,
           const ReportFlowItem *item,
           double                x,
           double                y,
           double                width,
           gboolean              repeated)
{
  MonitorPlan *plan = data;
  RolloutReport *report = plan->report;

  switch (item->kind)
    {
    case ITEM_PHASE:
      draw_phase (plan, canvas, item->index, x, y, width);
      break;

    case ITEM_CRITERIA_HEADER:
      draw_phase_subheading (plan, canvas, item->index, _("Gate criteria"), x, y, width, repeated);
      report_table_draw_header (canvas, columns, N_COLUMNS, plan->column_x, y + subheading_height (report));
      break;

    case ITEM_CRITERION:
      draw_criterion (plan, canvas, item->index, y, item->height);
      break;

    case ITEM_METRICS_HEADER:
      draw_phase_subheading (plan, canvas, item->index, _("Metrics"), x, y, width, repeated);
      draw_legend (canvas, x, y + subheading_height (report) + 2, width);
      break;

    case ITEM_CHARTS:
      draw_charts (plan, canvas, item->index, x, y, width);
      break;

    case ITEM_FEEDBACK:
      draw_feedback (plan, canvas, item->index, x, y, width);
      break;

    case ITEM_ALL_HEADING:
      report_draw_heading (canvas, _("All phases"), x, y, width, FALSE);
      break;

    case ITEM_NO_PHASES:
      report_draw_text (canvas, REPORT_FONT_BODY, &report_color_secondary, _("This plan has no phases to monitor."),
                        x, y + REPORT_CELL_PAD_Y + 6, width, item->height - 2 * REPORT_CELL_PAD_Y - 6, 1, 0);
      break;

    default:
      break;
    }
}

static void
monitor_draw_page (gpointer           data,
                   ReportCanvas      *canvas,
                   const ReportFrame *frame,
                   guint              page)
{
  MonitorPlan *plan = data;

  report_flow_draw_page (plan->flow, page, plan, canvas, frame, draw_item);
}

const ReportSectionClass report_monitor_section = {
  .id = "monitor",
  .title = N_("Monitoring"),
  .paginate = monitor_paginate,
  .draw_page = monitor_draw_page,
  .title_for = NULL,
  .free_plan = monitor_plan_free,
};
