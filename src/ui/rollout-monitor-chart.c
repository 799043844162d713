/* rollout-monitor-chart.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A metric's small line chart on a Monitor card.
 *
 * The geometry comes from core (RolloutMetricChart), laid out again only
 * when the data or the size changes; this widget just draws it. Behind the
 * line: the side of the threshold where the gate fails, lightly shaded,
 * the phase's period as a band and the days a mean counts as a stronger
 * one. The threshold is a dashed line labelled with its comparison (at
 * the right end, or wherever core finds room inside the plot clear of the
 * samples, so no edge cuts the label in any language or direction); the
 * samples that count towards the gate's value are filled dots, the others
 * hollow, and the value compared is a short bar across the mean's window
 * (or a ring around the latest sample) in the colour of the result. The
 * result is also in the card's words, and the chart's accessible
 * description repeats it: colour never says it alone.
 */

#define G_LOG_DOMAIN "rollout-monitor-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rollout-metric-chart.h"
#include "rollout-monitor-chart.h"

#define PAD_TOP 8.0
#define PAD_RIGHT 6.0
#define LABEL_GAP 6.0
/* Room each side of a line's label, on its background. */
#define LABEL_PAD 2.0
#define DOT_RADIUS 3.0

struct _RolloutMonitorChart
{
  GtkWidget               parent_instance;

  RolloutMetric          *metric;
  RolloutPhase           *phase;
  RolloutGateMetric      *criterion;
  RolloutCriterionResult  result;

  RolloutMetricChart     *chart;
  int                     chart_width;
  int                     chart_height;
  double                  label_height;

  PangoFontDescription   *small_font;
  GdkRGBA                 fg;
  GdkRGBA                 accent;
  GdkRGBA                 success;
  GdkRGBA                 error;
  GdkRGBA                 warning;
  GdkRGBA                 background;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorChart, rollout_monitor_chart, GTK_TYPE_WIDGET)

/* Helpers ------------------------------------------------------------------ */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    *out = *fallback;
}

static void
update_style (RolloutMonitorChart *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *base = pango_context_get_font_description (pango);
  static const GdkRGBA blue = { 0.11f, 0.44f, 0.85f, 1.0f };
  static const GdkRGBA green = { 0.15f, 0.64f, 0.41f, 1.0f };
  static const GdkRGBA red = { 0.75f, 0.11f, 0.16f, 1.0f };
  static const GdkRGBA yellow = { 0.61f, 0.43f, 0.0f, 1.0f };
  static const GdkRGBA white = { 1, 1, 1, 1 };
  PangoFontMetrics *metrics;
  int size;

  gtk_style_context_get_color (context, &self->fg);
  lookup_color (context, "accent_color", &blue, &self->accent);
  lookup_color (context, "success_color", &green, &self->success);
  lookup_color (context, "error_color", &red, &self->error);
  lookup_color (context, "warning_color", &yellow, &self->warning);
  lookup_color (context, "card_bg_color", &white, &self->background);

  g_clear_pointer (&self->small_font, pango_font_description_free);
  self->small_font = pango_font_description_copy (base);
  size = pango_font_description_get_size (base);
  if (size <= 0)
    size = 11 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (self->small_font, size * 0.8);
  else
    pango_font_description_set_size (self->small_font, (int) (size * 0.8));
  metrics = pango_context_get_metrics (pango, self->small_font, NULL);
  self->label_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  pango_font_metrics_unref (metrics);

  g_clear_pointer (&self->chart, rollout_metric_chart_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static PangoLayout *
small_layout (RolloutMonitorChart *self,
              const char          *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_font_description (layout, self->small_font);
  return layout;
}

static int
text_width (RolloutMonitorChart *self,
            const char          *text)
{
  g_autoptr(PangoLayout) layout = small_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Lays the chart out for @width × @height, leaving room for the value
 * labels on the left and the dates below. The value labels depend only on
 * the height, so a first layout tells how wide they are. */
static void
ensure_layout (RolloutMonitorChart *self,
               int                  width,
               int                  height)
{
  RolloutChartRect area;
  double gutter = 0;

  if (self->chart != NULL && self->chart_width == width && self->chart_height == height)
    return;
  g_clear_pointer (&self->chart, rollout_metric_chart_free);
  if (self->metric == NULL || width <= 0 || height <= 0)
    return;

  area.x = 0;
  area.y = PAD_TOP;
  area.width = MAX (1.0, width - PAD_RIGHT);
  area.height = MAX (1.0, height - PAD_TOP - self->label_height - LABEL_GAP);
  {
    g_autoptr(RolloutMetricChart) probe = rollout_metric_chart_new (self->metric, self->phase, self->criterion, &area);

    for (guint i = 0; i < probe->value_ticks->len; i++)
      gutter = MAX (gutter, text_width (self, g_array_index (probe->value_ticks, RolloutChartTick, i).label));
  }
  gutter += LABEL_GAP;
  area.x = gutter;
  area.width = MAX (1.0, width - gutter - PAD_RIGHT);
  self->chart = rollout_metric_chart_new (self->metric, self->phase, self->criterion, &area);
  self->chart_width = width;
  self->chart_height = height;
}

static const GdkRGBA *
result_color (RolloutMonitorChart *self)
{
  switch (self->result)
    {
    case ROLLOUT_CRITERION_PASS:
      return &self->success;
    case ROLLOUT_CRITERION_FAIL:
      return &self->error;
    case ROLLOUT_CRITERION_NO_DATA:
    case ROLLOUT_CRITERION_MISSING:
    default:
      return &self->warning;
    }
}

static const char *
comparison_symbol (RolloutComparison comparison)
{
  static const char * const symbols[] = { "<", "≤", ">", "≥", "=", "≠" };

  return (guint) comparison < G_N_ELEMENTS (symbols) ? symbols[comparison] : "";
}

static void
append_text (RolloutMonitorChart *self,
             GtkSnapshot         *snapshot,
             const char          *text,
             double               x,
             double               y,
             double               xalign,
             const GdkRGBA       *color)
{
  g_autoptr(PangoLayout) layout = small_layout (self, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - xalign * width), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rect (GtkSnapshot            *snapshot,
             const RolloutChartRect *rect,
             const GdkRGBA          *color)
{
  if (rect->width <= 0 || rect->height <= 0)
    return;
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height));
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* "No samples yet", in the middle of the plot, and the box behind it. */
static PangoLayout *
empty_message (RolloutMonitorChart *self,
               RolloutChartRect    *box)
{
  const RolloutChartRect *area = &self->chart->area;
  PangoLayout *layout = small_layout (self, self->phase != NULL ? _("No samples in this phase yet")
                                                                : _("No samples yet"));
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  box->x = round (area->x + (area->width - w) / 2) - 4;
  box->y = round (area->y + (area->height - h) / 2) - 1;
  box->width = w + 8;
  box->height = h + 2;
  return layout;
}

/* The label of the threshold's line ("≥ 4.2"), or else of the target's
 * ("target 8"), and where it goes: core keeps it inside the plot (and the
 * room above it) and off the samples, so no edge cuts it, whichever the
 * language and the direction of its text. NULL when there is no line. */
static PangoLayout *
line_label (RolloutMonitorChart  *self,
            RolloutChartRect     *place,
            const GdkRGBA       **color)
{
  const RolloutMetricChart *chart = self->chart;
  g_autofree char *text = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  PangoLayout *layout;
  PangoRectangle logical;
  RolloutChartRect bounds, box;
  double line_y;

  if (chart->has_threshold)
    {
      /* In the locale's digits, as the gate's reasons are. */
      g_snprintf (number, sizeof number, "%g", chart->threshold);
      text = g_strdup_printf ("%s %s", comparison_symbol (chart->comparison), number);
      line_y = chart->threshold_y;
      *color = &self->fg;
    }
  else if (chart->has_target)
    {
      g_snprintf (number, sizeof number, "%g", chart->target);
      /* Translators: the label of a metric's target line on a chart, "target 8" */
      text = g_strdup_printf (_("target %s"), number);
      line_y = chart->target_y;
      *color = &self->success;
    }
  else
    return NULL;

  layout = small_layout (self, text);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  bounds.x = chart->area.x;
  bounds.y = 0;
  bounds.width = chart->area.width;
  bounds.height = chart->area.y + chart->area.height;
  if (chart->points->len == 0)
    g_object_unref (empty_message (self, &box));
  rollout_metric_chart_place_label (chart, round (line_y), logical.width + 2 * LABEL_PAD, logical.height,
                                    &bounds, chart->points->len == 0 ? &box : NULL, place);
  place->x = round (place->x);
  place->y = round (place->y);
  return layout;
}

/* GtkWidget ---------------------------------------------------------------- */

static void
rollout_monitor_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  RolloutMonitorChart *self = ROLLOUT_MONITOR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const RolloutMetricChart *chart;
  const RolloutChartRect *area;
  GdkRGBA dim = with_alpha (&self->fg, 0.55f);
  GdkRGBA grid = with_alpha (&self->fg, 0.08f);
  double bottom;
  cairo_t *cr;

  ensure_layout (self, width, height);
  if (self->chart == NULL)
    return;
  chart = self->chart;
  area = &chart->area;
  bottom = area->y + area->height;

  /* The side of the threshold where the gate fails. */
  if (chart->has_threshold && chart->comparison != ROLLOUT_COMPARISON_EQ && chart->comparison != ROLLOUT_COMPARISON_NE)
    {
      GdkRGBA shade = with_alpha (&self->error, 0.06f);
      RolloutChartRect failing = *area;
      double y = CLAMP (chart->threshold_y, area->y, bottom);

      if (chart->comparison == ROLLOUT_COMPARISON_GE || chart->comparison == ROLLOUT_COMPARISON_GT)
        {
          failing.y = y;
          failing.height = bottom - y;
        }
      else
        failing.height = y - area->y;
      append_rect (snapshot, &failing, &shade);
    }

  /* The days a mean counts */
  if (chart->has_window)
    {
      GdkRGBA band = with_alpha (&self->accent, 0.12f);

      append_rect (snapshot, &chart->window, &band);
    }

  /* Value grid and labels */
  for (guint i = 0; i < chart->value_ticks->len; i++)
    {
      const RolloutChartTick *tick = &g_array_index (chart->value_ticks, RolloutChartTick, i);

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (area->x, round (tick->position) - 0.5f, area->width, 1));
      append_text (self, snapshot, tick->label, area->x - LABEL_GAP, tick->position - self->label_height / 2,
                   1.0, &dim);
    }

  /* The phase's period: a bar along the time axis, with its ends marked */
  if (chart->has_period && chart->period.width > 0)
    {
      GdkRGBA bar = with_alpha (&self->accent, 0.45f);
      GdkRGBA edge = with_alpha (&self->accent, 0.35f);

      gtk_snapshot_append_color (snapshot, &bar,
                                 &GRAPHENE_RECT_INIT (chart->period.x, bottom - 2, chart->period.width, 2));
      if (chart->period.x > area->x + 1)
        gtk_snapshot_append_color (snapshot, &edge,
                                   &GRAPHENE_RECT_INIT (round (chart->period.x) - 0.5f, area->y, 1, area->height));
      if (chart->period.x + chart->period.width < area->x + area->width - 1)
        gtk_snapshot_append_color (snapshot, &edge,
                                   &GRAPHENE_RECT_INIT (round (chart->period.x + chart->period.width) - 0.5f,
                                                        area->y, 1, area->height));
    }

  /* Dates, where they fit */
  if (chart->first_day != ROLLOUT_DATE_NONE)
    {
      double last_end = -G_MAXDOUBLE;

      for (guint i = 0; i < chart->time_ticks->len; i++)
        {
          const RolloutChartTick *tick = &g_array_index (chart->time_ticks, RolloutChartTick, i);
          double w = text_width (self, tick->label);
          double x = CLAMP (tick->position - w / 2, area->x, width - w);

          gtk_snapshot_append_color (snapshot, &grid,
                                     &GRAPHENE_RECT_INIT (round (tick->position) - 0.5f, bottom, 1, 3));
          if (x < last_end + 8)
            continue;
          append_text (self, snapshot, tick->label, x, bottom + LABEL_GAP - 2, 0.0, &dim);
          last_end = x + w;
        }
    }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Threshold */
  if (chart->has_threshold)
    {
      static const double dashes[] = { 5.0, 3.0 };
      GdkRGBA line = with_alpha (&self->fg, 0.6f);

      cairo_save (cr);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.25);
      set_source (cr, &line);
      cairo_move_to (cr, area->x, round (chart->threshold_y) + 0.5);
      cairo_line_to (cr, area->x + area->width, round (chart->threshold_y) + 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Without a gate, the metric's own target */
  if (chart->has_target && !chart->has_threshold)
    {
      static const double dots[] = { 1.5, 3.0 };
      GdkRGBA line = with_alpha (&self->success, 0.9f);

      cairo_save (cr);
      cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_set_line_width (cr, 1.5);
      set_source (cr, &line);
      cairo_move_to (cr, area->x, round (chart->target_y) + 0.5);
      cairo_line_to (cr, area->x + area->width, round (chart->target_y) + 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The samples, one line per run of samples of one phase */
  if (chart->points->len > 0)
    {
      /* Dots only where they stand apart; a dense series is its line. */
      gboolean dense = chart->points->len * 3 * DOT_RADIUS > area->width;

      cairo_set_line_width (cr, 2.0);
      set_source (cr, &self->accent);
      for (guint i = 0; i < chart->points->len; i++)
        {
          const RolloutChartPoint *point = &g_array_index (chart->points, RolloutChartPoint, i);

          if (i == 0 || point->segment != g_array_index (chart->points, RolloutChartPoint, i - 1).segment)
            cairo_move_to (cr, point->x, point->y);
          else
            cairo_line_to (cr, point->x, point->y);
        }
      cairo_stroke (cr);

      for (guint i = 0; i < chart->points->len; i++)
        {
          const RolloutChartPoint *point = &g_array_index (chart->points, RolloutChartPoint, i);

          if (dense && !point->counted)
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, point->x, point->y, DOT_RADIUS, 0, 2 * G_PI);
          /* Without a gate, every sample is as good as another. */
          if (point->counted || self->criterion == NULL)
            {
              set_source (cr, &self->accent);
              cairo_fill (cr);
            }
          else
            {
              set_source (cr, &self->background);
              cairo_fill_preserve (cr);
              cairo_set_line_width (cr, 1.5);
              set_source (cr, &self->accent);
              cairo_stroke (cr);
            }
        }
    }

  /* The value the gate compares */
  if (chart->has_aggregate)
    {
      const GdkRGBA *color = result_color (self);

      set_source (cr, color);
      if (chart->has_window && chart->window.width > 0)
        {
          cairo_set_line_width (cr, 2.5);
          cairo_move_to (cr, chart->window.x + 2, chart->aggregate_y);
          cairo_line_to (cr, chart->window.x + chart->window.width - 2, chart->aggregate_y);
          cairo_stroke (cr);
        }
      else if (chart->points->len > 0)
        {
          const RolloutChartPoint *latest = &g_array_index (chart->points, RolloutChartPoint, chart->points->len - 1);

          cairo_set_line_width (cr, 2.0);
          cairo_new_sub_path (cr);
          cairo_arc (cr, latest->x, latest->y, DOT_RADIUS + 3, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);

  /* The threshold's (or target's) label, over everything */
  {
    g_autoptr(PangoLayout) layout = NULL;
    RolloutChartRect place;
    GdkRGBA back = with_alpha (&self->background, 0.85f);
    const GdkRGBA *color;

    layout = line_label (self, &place, &color);
    if (layout != NULL)
      {
        PangoRectangle logical;

        pango_layout_get_pixel_extents (layout, NULL, &logical);
        gtk_snapshot_append_color (snapshot, &back, &GRAPHENE_RECT_INIT (place.x, place.y, place.width, place.height));
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (place.x + LABEL_PAD - logical.x),
                                                                round (place.y - logical.y)));
        gtk_snapshot_append_layout (snapshot, layout, color);
        gtk_snapshot_restore (snapshot);
      }
  }

  /* Over the lines: nothing to show */
  if (chart->points->len == 0)
    {
      g_autoptr(PangoLayout) layout = NULL;
      RolloutChartRect box;
      GdkRGBA back = with_alpha (&self->background, 0.9f);

      layout = empty_message (self, &box);
      gtk_snapshot_append_color (snapshot, &back, &GRAPHENE_RECT_INIT (box.x, box.y, box.width, box.height));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.x + 4, box.y + 1));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
    }
}

static void
rollout_monitor_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 220;
    }
  else
    {
      *minimum = 96;
      *natural = 128;
    }
}

static void
rollout_monitor_chart_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rollout_monitor_chart_parent_class)->css_changed (widget, change);

  update_style (ROLLOUT_MONITOR_CHART (widget));
}

/* GObject ------------------------------------------------------------------ */

static void
rollout_monitor_chart_dispose (GObject *object)
{
  RolloutMonitorChart *self = ROLLOUT_MONITOR_CHART (object);

  g_clear_object (&self->metric);
  g_clear_object (&self->phase);
  g_clear_pointer (&self->criterion, rollout_gate_metric_free);
  g_clear_pointer (&self->chart, rollout_metric_chart_free);
  g_clear_pointer (&self->small_font, pango_font_description_free);

  G_OBJECT_CLASS (rollout_monitor_chart_parent_class)->dispose (object);
}

static void
rollout_monitor_chart_class_init (RolloutMonitorChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_chart_dispose;

  widget_class->snapshot = rollout_monitor_chart_snapshot;
  widget_class->measure = rollout_monitor_chart_measure;
  widget_class->css_changed = rollout_monitor_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "monitor-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rollout_monitor_chart_init (RolloutMonitorChart *self)
{
  self->result = ROLLOUT_CRITERION_NO_DATA;
  update_style (self);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
rollout_monitor_chart_new (void)
{
  return g_object_new (ROLLOUT_TYPE_MONITOR_CHART, NULL);
}

/**
 * rollout_monitor_chart_set_data:
 * @self: a #RolloutMonitorChart
 * @metric: (nullable): the metric to chart, or %NULL for nothing
 * @phase: (nullable): show only this phase's samples, with its period
 * @criterion: (nullable): the gate criterion on @metric, for its threshold
 *   and the samples its value comes from; copied
 * @result: how the criterion stands, for the colour of the compared value
 *
 * Shows @metric's samples. Call again after the samples change.
 */
void
rollout_monitor_chart_set_data (RolloutMonitorChart     *self,
                                RolloutMetric           *metric,
                                RolloutPhase            *phase,
                                const RolloutGateMetric *criterion,
                                RolloutCriterionResult   result)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_CHART (self));
  g_return_if_fail (metric == NULL || ROLLOUT_IS_METRIC (metric));
  g_return_if_fail (phase == NULL || ROLLOUT_IS_PHASE (phase));

  g_set_object (&self->metric, metric);
  g_set_object (&self->phase, phase);
  g_clear_pointer (&self->criterion, rollout_gate_metric_free);
  if (criterion != NULL)
    self->criterion = rollout_gate_metric_copy (criterion);
  self->result = result;
  g_clear_pointer (&self->chart, rollout_metric_chart_free);

  if (metric != NULL)
    {
      const char *name = rollout_metric_get_name (metric);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : rollout_metric_get_id (metric),
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rollout_monitor_chart_get_n_points:
 * @self: a #RolloutMonitorChart
 *
 * Returns: how many samples the chart shows, as last laid out (0 before it
 *   was drawn)
 */
guint
rollout_monitor_chart_get_n_points (RolloutMonitorChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_CHART (self), 0);

  return self->chart != NULL ? self->chart->points->len : 0;
}

/**
 * rollout_monitor_chart_get_label_bounds:
 * @self: a #RolloutMonitorChart
 * @bounds: (out): where the threshold's (or target's) label is drawn, with
 *   its background, in the chart's coordinates
 *
 * Returns: whether the chart has such a label at its present size
 */
gboolean
rollout_monitor_chart_get_label_bounds (RolloutMonitorChart *self,
                                        graphene_rect_t     *bounds)
{
  g_autoptr(PangoLayout) layout = NULL;
  RolloutChartRect place;
  const GdkRGBA *color;

  g_return_val_if_fail (ROLLOUT_IS_MONITOR_CHART (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (rollout_monitor_chart_get_geometry (self) == NULL)
    return FALSE;
  layout = line_label (self, &place, &color);
  if (layout == NULL)
    return FALSE;
  graphene_rect_init (bounds, place.x, place.y, place.width, place.height);
  return TRUE;
}

/**
 * rollout_monitor_chart_get_geometry:
 * @self: a #RolloutMonitorChart
 *
 * Returns: (transfer none) (nullable): the chart laid out at its present
 *   size, or %NULL when it has no metric or no size
 */
const RolloutMetricChart *
rollout_monitor_chart_get_geometry (RolloutMonitorChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_CHART (self), NULL);

  ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  return self->chart;
}
