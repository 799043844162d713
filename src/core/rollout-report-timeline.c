/* rollout-report-timeline.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline on paper.
 *
 * Geometry comes from the core timeline layout, as on screen: this file
 * only picks a zoom and a size in points, then translates and clips. A
 * printed range (--from/--to) keeps the rows whose bars meet it (and their
 * phases); rows left out are squeezed out of the y axis by a monotone map,
 * so arrows between the rows kept still join the right bars.
 *
 * Big plans are cut both ways. The range is cut into columns one chart
 * wide, each ending on a month or week boundary when one is near. The rows
 * are cut into bands of a page's height, and a band gets pages only for
 * the columns its bars reach: a long plan whose work moves along in time is
 * not printed as a grid of mostly empty pages. Every page repeats the task
 * names, the time scale and a legend, and is titled "Timeline n/m". The
 * pagination plan is three small arrays: column edges, and per band its rows,
 * its first column and its first page.
 */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rollout-report-private.h"
#include "rollout-timeline-layout.h"

#define ROW_HEIGHT      14.0
#define WEEK_DAY_WIDTH  4.0
#define NAME_INDENT     10.0
#define LEGEND_GAP      6.0
#define MIN_SHADED_DAY  6.0
#define ARROW_HEAD      4.0
#define ARROW_HALF      2.2
#define HATCH_STEP      3.0

struct _ReportTimeline
{
  RolloutReport          *report;
  RolloutTimelineLayout  *layout;
  double                  row_height;
  double                  name_width;
  double                  scale_line;
  double                  legend_height;
  double                  x_lo;
  double                  x_hi;
  guint                   n_layout_rows;
  guint                   n_rows;
  guint                  *rows;   /* shown row → layout row; NULL when all are shown */
  guint                  *above;  /* layout row → shown rows before it (n_layout_rows + 1) */
  GArray                 *arrows; /* guint, reused by every page */
};

/* Building ---------------------------------------------------------------- */

/* The first and last day anything in the plan has. */
static gboolean
plan_range (RolloutProject *project,
            RolloutDate    *out_lo,
            RolloutDate    *out_hi)
{
  GListModel *tasks = rollout_project_get_tasks (project);
  GListModel *phases = rollout_project_get_phases (project);
  guint n_tasks = g_list_model_get_n_items (tasks);
  guint n_phases = g_list_model_get_n_items (phases);
  RolloutDate lo = rollout_project_get_start (project);
  RolloutDate hi = lo;

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      RolloutDate start = rollout_task_get_start (task);
      RolloutDate finish = rollout_task_get_finish (task);

      if (start == ROLLOUT_DATE_NONE)
        continue;
      finish = MAX (finish, start);
      if (lo == ROLLOUT_DATE_NONE || start < lo)
        lo = start;
      if (hi == ROLLOUT_DATE_NONE || finish > hi)
        hi = finish;
    }
  for (guint i = 0; i < n_phases; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
      RolloutDate planned = rollout_phase_get_planned_start (phase);

      if (planned == ROLLOUT_DATE_NONE)
        continue;
      if (lo == ROLLOUT_DATE_NONE || planned < lo)
        lo = planned;
      if (hi == ROLLOUT_DATE_NONE || planned > hi)
        hi = planned;
    }
  *out_lo = lo;
  *out_hi = hi;
  return lo != ROLLOUT_DATE_NONE;
}

static inline guint
layout_row (ReportTimeline *self,
            guint           shown)
{
  return self->rows != NULL ? self->rows[shown] : shown;
}

static inline gboolean
row_is_shown (ReportTimeline *self,
              guint           row)
{
  return self->above == NULL || self->above[row + 1] > self->above[row];
}

/* The y of layout coordinate @y once hidden rows are squeezed out. */
static double
squeeze_y (ReportTimeline *self,
           double          y)
{
  double r;
  guint row;

  if (self->above == NULL)
    return y;
  r = floor (y / self->row_height);
  if (r < 0)
    return 0;
  if (r >= self->n_layout_rows)
    return self->above[self->n_layout_rows] * self->row_height;
  row = (guint) r;
  return self->above[row] * self->row_height + (row_is_shown (self, row) ? y - row * self->row_height : 0);
}

/* Keeps the rows whose bars meet [from, to], and the phases of those rows. */
static void
filter_rows (ReportTimeline *self,
             RolloutDate     from,
             RolloutDate     to)
{
  guint n = self->n_layout_rows;
  g_autofree gboolean *shown = g_new0 (gboolean, MAX (n, 1));
  guint count = 0;

  for (guint r = 0; r < n; r++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (self->layout, r);

      if (row->kind != ROLLOUT_TIMELINE_ROW_TASK || (row->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED))
        continue;
      if (row->start <= to && row->finish >= from)
        {
          shown[r] = TRUE;
          if (row->phase_row >= 0)
            shown[row->phase_row] = TRUE;
        }
    }
  for (guint r = 0; r < n; r++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (self->layout, r);

      if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE && !(row->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED) &&
          row->start <= to && row->finish >= from)
        shown[r] = TRUE;
    }

  self->above = g_new (guint, n + 1);
  for (guint r = 0; r < n; r++)
    {
      self->above[r] = count;
      count += shown[r];
    }
  self->above[n] = count;
  self->rows = g_new (guint, MAX (count, 1));
  for (guint r = 0; r < n; r++)
    if (shown[r])
      self->rows[self->above[r]] = r;
  self->n_rows = count;
}

static RolloutTimelineZoom
zoom_for_day_width (double day_width)
{
  if (day_width >= 14)
    return ROLLOUT_TIMELINE_ZOOM_DAY;
  if (day_width >= 2.2)
    return ROLLOUT_TIMELINE_ZOOM_WEEK;
  if (day_width >= 0.45)
    return ROLLOUT_TIMELINE_ZOOM_MONTH;
  return ROLLOUT_TIMELINE_ZOOM_QUARTER;
}

/* Lays the timeline out with names @name_width wide. With @fit_width the
 * range printed is @chart_width wide; otherwise it is at the week zoom's
 * size, however long. */
ReportTimeline *
report_timeline_new (RolloutReport *report,
                     double         name_width,
                     double         chart_width,
                     gboolean       fit_width)
{
  const RolloutReportOptions *options = report_get_options (report);
  RolloutProject *project = rollout_report_get_project (report);
  ReportTimeline *self = g_new0 (ReportTimeline, 1);
  RolloutTimelineOptions layout_options;
  RolloutDate from = options->from, to = options->to;
  RolloutDate lo, hi;
  double width;

  self->report = report;
  self->row_height = ROW_HEIGHT;
  self->name_width = name_width;
  self->scale_line = report_get_line_height (report, REPORT_FONT_SMALL) + 4;
  /* Two lines of legend. */
  self->legend_height = 2 * (report_get_line_height (report, REPORT_FONT_SMALL) + 2) + 2;
  self->arrows = g_array_new (FALSE, FALSE, sizeof (guint));

  rollout_timeline_options_init (&layout_options);
  layout_options.zoom = ROLLOUT_TIMELINE_ZOOM_WEEK;
  layout_options.day_width = WEEK_DAY_WIDTH;
  layout_options.row_height = ROW_HEIGHT;
  layout_options.today = options->printed;
  layout_options.show_critical = TRUE;

  if (fit_width && chart_width > 0)
    {
      if (!plan_range (project, &lo, &hi))
        lo = hi = options->printed;
      /* A little room around the plan, less than any zoom's own margin. */
      if (from == ROLLOUT_DATE_NONE)
        from = lo - CLAMP ((hi - lo) / 40, 1, 7);
      if (to == ROLLOUT_DATE_NONE)
        to = hi + CLAMP ((hi - lo) / 40, 1, 7);
      layout_options.day_width = chart_width / ((double) to - (double) from + 1);
      layout_options.zoom = zoom_for_day_width (layout_options.day_width);
    }
  else if (plan_range (project, &lo, &hi))
    {
      /* The layout keeps weeks of room around the plan for scrolling;
       * paper gets whole weeks from a few days before the plan to a few
       * days after it. Julian day 1 was a Monday. */
      if (from == ROLLOUT_DATE_NONE && lo > 10)
        from = lo - 3 - (lo - 3 - 1) % 7;
      if (to == ROLLOUT_DATE_NONE)
        to = hi + 3 + (7 - (hi + 3) % 7) % 7;
    }

  self->layout = rollout_timeline_layout_new (project, &layout_options);
  self->n_layout_rows = rollout_timeline_layout_get_n_rows (self->layout);
  self->n_rows = self->n_layout_rows;

  width = rollout_timeline_layout_get_width (self->layout);
  self->x_lo = from != ROLLOUT_DATE_NONE ? rollout_timeline_layout_date_to_x (self->layout, from) : 0;
  self->x_hi = to != ROLLOUT_DATE_NONE ? rollout_timeline_layout_date_to_x (self->layout, to + 1) : width;
  self->x_lo = CLAMP (self->x_lo, 0, width);
  self->x_hi = CLAMP (self->x_hi, 0, width);
  if (self->x_hi - self->x_lo < layout_options.day_width)
    {
      /* Nothing to show but an empty stretch (a plan with no dates, or a
       * range outside the plan). */
      self->x_hi = self->x_lo + MAX (chart_width, layout_options.day_width);
    }

  if (options->from != ROLLOUT_DATE_NONE || options->to != ROLLOUT_DATE_NONE)
    filter_rows (self,
                 options->from != ROLLOUT_DATE_NONE ? options->from : 0,
                 options->to != ROLLOUT_DATE_NONE ? options->to : G_MAXUINT32);
  return self;
}

void
report_timeline_free (ReportTimeline *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->layout, rollout_timeline_layout_unref);
  g_clear_pointer (&self->arrows, g_array_unref);
  g_free (self->rows);
  g_free (self->above);
  g_free (self);
}

double
report_timeline_get_width (ReportTimeline *self)
{
  return self->x_hi - self->x_lo;
}

guint
report_timeline_get_n_rows (ReportTimeline *self)
{
  return self->n_rows;
}

double
report_timeline_view_height (ReportTimeline *self,
                             guint           n_rows)
{
  return 2 * self->scale_line + MAX (n_rows, 1) * self->row_height + LEGEND_GAP + self->legend_height;
}

/* Drawing ----------------------------------------------------------------- */

/* Everything a view needs to place layout coordinates on the page. */
typedef struct {
  ReportTimeline *tl;
  ReportCanvas   *canvas;
  double          x;      /* left of the names */
  double          chart;  /* left of the chart */
  double          top;    /* top of the first row */
  double          x0;     /* layout x at the chart's left */
  double          x1;
  double          shift;  /* squeezed y of the first row shown */
  guint           first;
  guint           end;
} View;

static inline double
view_x (const View *v,
        double      x)
{
  return v->chart + x - v->x0;
}

static inline double
view_y (const View *v,
        double      y)
{
  return v->top + squeeze_y (v->tl, y) - v->shift;
}

static double
chart_right (const View *v)
{
  return v->chart + (v->x1 - v->x0);
}

static ReportColor
row_color (const RolloutTimelineRow *row)
{
  ReportColor color = report_color_accent;

  report_parse_color (row->color, &color);
  return color;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
diamond (cairo_t *cr,
         double   cx,
         double   cy,
         double   radius)
{
  cairo_move_to (cr, cx, cy - radius);
  cairo_line_to (cr, cx + radius, cy);
  cairo_line_to (cr, cx, cy + radius);
  cairo_line_to (cr, cx - radius, cy);
  cairo_close_path (cr);
}

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, 0.45);
  for (double t = x - height; t < x + width; t += HATCH_STEP)
    {
      cairo_move_to (cr, t, y + height);
      cairo_line_to (cr, t + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A short word after a bar ("late", "blocked", a milestone's date), only
 * where it fits, on white so that lines behind it do not cross it. */
static double
draw_marker (const View        *v,
             const char        *text,
             const ReportColor *color,
             ReportFont         font,
             double             x,
             double             row_top)
{
  RolloutReport *report = v->tl->report;
  double width = report_text_width (report, font, text) + 1;

  double line = report_get_line_height (report, font);

  if (x < v->chart || x + width > chart_right (v))
    return 0;
  report_fill_rect (v->canvas->cr, &(ReportColor) { 1, 1, 1 }, x - 1, row_top + (v->tl->row_height - line) / 2,
                    width + 1, line);
  report_draw_text (v->canvas, font, color, text, x, row_top, width, v->tl->row_height, 1, REPORT_TEXT_MIDDLE);
  return width;
}

static void
draw_task_bar (const View               *v,
               const RolloutTimelineRow *row,
               double                    row_top)
{
  cairo_t *cr = v->canvas->cr;
  ReportColor solid = row_color (row);
  ReportColor white = { 1, 1, 1 };
  ReportColor light = report_mix (&solid, &white, 0.62);
  gboolean critical = (row->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL) != 0;
  double x = view_x (v, row->bar.x);
  double y = row_top + (row->bar.y - row->y);
  double width = MAX (row->bar.width, 1.5);
  double height = row->bar.height;
  double after = x + width + 3;
  const char *marker = NULL;

  if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
    {
      double radius = row->bar.width / 2;
      double cx = view_x (v, row->milestone.x);
      double cy = row_top + (row->milestone.y - row->y);

      diamond (cr, cx, cy, radius);
      report_set_color (cr, &solid);
      cairo_fill (cr);
      if (!(row->flags & ROLLOUT_TIMELINE_FLAG_DONE))
        {
          /* Hollow until it is reached. */
          diamond (cr, cx, cy, radius - 1.6);
          report_set_color (cr, &white);
          cairo_fill (cr);
        }
      if (critical)
        {
          diamond (cr, cx, cy, radius + 0.6);
          report_set_color (cr, &report_color_critical);
          cairo_set_line_width (cr, 0.9);
          cairo_stroke (cr);
        }
      after = cx + radius + 3;
      {
        g_autofree char *date = report_format_date (row->start, FALSE);

        after += draw_marker (v, date, &report_color_secondary, REPORT_FONT_SMALL, after, row_top) + 3;
      }
    }
  else
    {
      rounded_rect (cr, x, y, width, height, 2);
      report_set_color (cr, &light);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip (cr);
      if (row->progress_width > 0)
        report_fill_rect (cr, &solid, x, y, MIN (row->progress_width, width), height);
      /* Late work that is not done is hatched, so lateness shows without
       * colour. */
      if ((row->flags & ROLLOUT_TIMELINE_FLAG_LATE) && row->progress_width < width)
        hatch (cr, x + row->progress_width, y, width - row->progress_width, height);
      cairo_restore (cr);
      rounded_rect (cr, x, y, width, height, 2);
      report_set_color (cr, critical ? &report_color_critical : &solid);
      cairo_set_line_width (cr, critical ? 1.0 : 0.5);
      cairo_stroke (cr);
    }

  if ((row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED) && (row->flags & ROLLOUT_TIMELINE_FLAG_LATE))
    marker = _("blocked, late");
  else if (row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED)
    marker = _("blocked");
  else if (row->flags & ROLLOUT_TIMELINE_FLAG_LATE)
    marker = _("late");
  if (marker != NULL)
    draw_marker (v, marker, &report_color_critical, REPORT_FONT_SMALL_ITALIC, after, row_top);
}

static void
draw_phase_bar (const View               *v,
                const RolloutTimelineRow *row,
                double                    row_top)
{
  cairo_t *cr = v->canvas->cr;
  double x = view_x (v, row->bar.x);
  double y = row_top + (row->bar.y - row->y);
  double width = MAX (row->bar.width, 2);
  double height = row->bar.height;
  double cap = MIN (height * 1.6, width / 2);

  /* A thin bar with a downward point at each end, as on screen. */
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_rectangle (cr, x, y, width, height);
  cairo_move_to (cr, x, y + height);
  cairo_line_to (cr, x + cap, y + height);
  cairo_line_to (cr, x + cap / 2, y + height + cap * 0.6);
  cairo_close_path (cr);
  cairo_move_to (cr, x + width, y + height);
  cairo_line_to (cr, x + width - cap, y + height);
  cairo_line_to (cr, x + width - cap / 2, y + height + cap * 0.6);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_arrows (const View *v,
             double      body_height)
{
  ReportTimeline *tl = v->tl;
  cairo_t *cr = v->canvas->cr;
  const RolloutTimelineArrow *arrows;
  const RolloutTimelineRow *first_row, *last_row;
  RolloutTimelineRect rect;
  guint n;

  if (v->first >= v->end)
    return;
  first_row = rollout_timeline_layout_get_row (tl->layout, layout_row (tl, v->first));
  last_row = rollout_timeline_layout_get_row (tl->layout, layout_row (tl, v->end - 1));
  rect.x = v->x0;
  rect.y = first_row->y;
  rect.width = v->x1 - v->x0;
  rect.height = last_row->y + last_row->height - first_row->y;

  arrows = rollout_timeline_layout_get_arrows (tl->layout, &n);
  rollout_timeline_layout_query_arrows (tl->layout, &rect, tl->arrows);
  for (guint k = 0; k < tl->arrows->len; k++)
    {
      const RolloutTimelineArrow *arrow = &arrows[g_array_index (tl->arrows, guint, k)];
      gboolean critical = (arrow->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL) != 0;
      const RolloutTimelinePoint *tip = &arrow->points[arrow->n_points - 1];
      const RolloutTimelinePoint *from = &arrow->points[arrow->n_points - 2];
      double tx = view_x (v, tip->x), ty = view_y (v, tip->y);
      int dir = tip->x >= from->x ? 1 : -1;

      if (!row_is_shown (tl, arrow->from_row) || !row_is_shown (tl, arrow->to_row))
        continue;

      if (critical)
        report_set_color (cr, &report_color_critical);
      else
        cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, critical ? 0.9 : 0.5);
      cairo_move_to (cr, view_x (v, arrow->points[0].x), view_y (v, arrow->points[0].y));
      for (guint i = 1; i + 1 < arrow->n_points; i++)
        cairo_line_to (cr, view_x (v, arrow->points[i].x), view_y (v, arrow->points[i].y));
      cairo_line_to (cr, tx - dir * ARROW_HEAD, ty);
      cairo_stroke (cr);

      cairo_move_to (cr, tx, ty);
      cairo_line_to (cr, tx - dir * ARROW_HEAD, ty - ARROW_HALF);
      cairo_line_to (cr, tx - dir * ARROW_HEAD, ty + ARROW_HALF);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

static void
draw_grid (const View *v,
           double      body_height)
{
  RolloutTimelineLayout *layout = v->tl->layout;
  cairo_t *cr = v->canvas->cr;
  const RolloutTimelineTick *ticks;
  gboolean day_zoom = rollout_timeline_layout_get_zoom (layout) == ROLLOUT_TIMELINE_ZOOM_DAY;
  guint n, first, count;

  if (rollout_timeline_layout_get_day_width (layout) >= MIN_SHADED_DAY)
    {
      const RolloutTimelineSpan *spans = rollout_timeline_layout_get_non_working (layout, &n);
      ReportColor weekend = { 0.94, 0.94, 0.94 };
      ReportColor holiday = { 0.99, 0.93, 0.80 };

      count = rollout_timeline_layout_get_visible_spans (layout, v->x0, v->x1, &first);
      for (guint i = first; i < first + count; i++)
        report_fill_rect (cr, spans[i].holiday != NULL ? &holiday : &weekend,
                          view_x (v, spans[i].x), v->top, spans[i].width, body_height);
    }

  ticks = rollout_timeline_layout_get_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, &n);
  count = rollout_timeline_layout_get_visible_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, v->x0, v->x1, &first);
  cairo_set_line_width (cr, 0.3);
  report_set_color (cr, &report_color_light_rule);
  for (guint i = first; i < first + count; i++)
    {
      if (ticks[i].x <= v->x0 || ticks[i].width < 3 ||
          (day_zoom && rollout_date_get_weekday (ticks[i].date) != G_DATE_MONDAY))
        continue;
      cairo_move_to (cr, view_x (v, ticks[i].x), v->top);
      cairo_line_to (cr, view_x (v, ticks[i].x), v->top + body_height);
    }
  cairo_stroke (cr);

  ticks = rollout_timeline_layout_get_ticks (layout, ROLLOUT_TIMELINE_SCALE_MAJOR, &n);
  count = rollout_timeline_layout_get_visible_ticks (layout, ROLLOUT_TIMELINE_SCALE_MAJOR, v->x0, v->x1, &first);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.68, 0.68, 0.68);
  for (guint i = first; i < first + count; i++)
    {
      if (ticks[i].x <= v->x0)
        continue;
      cairo_move_to (cr, view_x (v, ticks[i].x), v->top);
      cairo_line_to (cr, view_x (v, ticks[i].x), v->top + body_height);
    }
  cairo_stroke (cr);
}

/* Phase edges: dotted lines where each phase starts and ends, across its
 * rows, instead of the screen's tinted band (which would hide the row
 * stripes on paper). */
static void
draw_bands (const View *v,
            double      body_height)
{
  ReportTimeline *tl = v->tl;
  cairo_t *cr = v->canvas->cr;
  const RolloutTimelineBand *bands;
  guint n;
  static const double dash[] = { 1.0, 1.5 };

  bands = rollout_timeline_layout_get_bands (tl->layout, &n);
  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 0.6);
  report_set_color (cr, &report_color_rule);
  for (guint b = 0; b < n; b++)
    {
      double y0 = view_y (v, bands[b].rect.y);
      double y1 = view_y (v, bands[b].rect.y + bands[b].rect.height);
      double xa = view_x (v, bands[b].rect.x);
      double xb = view_x (v, bands[b].rect.x + bands[b].rect.width);

      y0 = MAX (y0, v->top);
      y1 = MIN (y1, v->top + body_height);
      if (y1 <= y0 || xb < v->chart || xa > chart_right (v))
        continue;
      cairo_move_to (cr, xa, y0);
      cairo_line_to (cr, xa, y1);
      cairo_move_to (cr, xb, y0);
      cairo_line_to (cr, xb, y1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_names (const View *v)
{
  ReportTimeline *tl = v->tl;
  double width = tl->name_width;

  for (guint i = v->first; i < v->end; i++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (tl->layout, layout_row (tl, i));
      double y = v->top + (i - v->first) * tl->row_height;

      if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
        {
          report_draw_text (v->canvas, REPORT_FONT_BODY_BOLD, &report_color_text, row->label,
                            v->x + 3, y, width - 9, tl->row_height, 1, REPORT_TEXT_MIDDLE);
          continue;
        }
      if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
        {
          diamond (v->canvas->cr, v->x + NAME_INDENT - 3, y + tl->row_height / 2, 2.6);
          report_set_color (v->canvas->cr, &report_color_secondary);
          cairo_fill (v->canvas->cr);
        }
      report_draw_text (v->canvas, REPORT_FONT_BODY, &report_color_text, row->label,
                        v->x + NAME_INDENT + 2, y, width - NAME_INDENT - 8, tl->row_height, 1,
                        REPORT_TEXT_MIDDLE);
    }
}

/* One line of the time scale. Labels go in their unit when they fit there;
 * otherwise (narrow units when a long range is fitted to the page) as many
 * as fit without touching each other. */
static void
draw_scale_line (const View           *v,
                 RolloutTimelineScale  scale,
                 double                y)
{
  ReportTimeline *tl = v->tl;
  RolloutTimelineLayout *layout = tl->layout;
  cairo_t *cr = v->canvas->cr;
  gboolean major = scale == ROLLOUT_TIMELINE_SCALE_MAJOR;
  ReportFont font = major ? REPORT_FONT_SMALL_BOLD : REPORT_FONT_SMALL;
  double line = tl->scale_line;
  double right = chart_right (v);
  double last_end = -G_MAXDOUBLE;
  const RolloutTimelineTick *ticks;
  guint n, first, count;

  ticks = rollout_timeline_layout_get_ticks (layout, scale, &n);
  count = rollout_timeline_layout_get_visible_ticks (layout, scale, v->x0, v->x1, &first);
  for (guint i = first; i < first + count; i++)
    {
      double start = MAX (view_x (v, ticks[i].x), v->chart);
      double end = MIN (view_x (v, ticks[i].x + ticks[i].width), right);
      double label_width, label_x, room;

      if (ticks[i].x > v->x0 && (major || ticks[i].width >= 3))
        {
          cairo_set_source_rgb (cr, 0.68, 0.68, 0.68);
          cairo_set_line_width (cr, major ? 0.5 : 0.3);
          cairo_move_to (cr, view_x (v, ticks[i].x), y);
          cairo_line_to (cr, view_x (v, ticks[i].x), y + line);
          cairo_stroke (cr);
        }
      if (ticks[i].label == NULL)
        continue;

      label_width = report_text_width (tl->report, font, ticks[i].label) + 1;
      if (label_width + 4 <= end - start)
        {
          /* Major labels stick to the left of what shows of their unit,
           * so every page names its months; minor ones are centred. */
          label_x = major ? start + 2 : start + (end - start - label_width) / 2;
          room = major ? end - label_x - 1 : label_width;
        }
      else if (ticks[i].width < label_width + 4 && i > 0 && i + 1 < n)
        {
          /* (The first and last units are cut to the layout's range, so
           * their width says nothing about the scale.) */
          /* Units narrower than their labels: label every few. */
          label_x = start + 2;
          room = label_width;
          if (label_x < last_end + 6 || label_x + room > right - 1)
            continue;
        }
      else
        continue; /* too little of a unit cut by the page's edge shows to name it */
      if (label_x < last_end + 2)
        continue;
      report_draw_text (v->canvas, font, &report_color_text, ticks[i].label,
                        label_x, y, room, line, 1, REPORT_TEXT_MIDDLE);
      last_end = label_x + label_width;
    }
}

static void
draw_scale (const View *v,
            double      y)
{
  ReportTimeline *tl = v->tl;
  double line = tl->scale_line;
  double right = chart_right (v);
  RolloutDate first_day = rollout_timeline_layout_x_to_date (tl->layout, v->x0);
  RolloutDate last_day = rollout_timeline_layout_x_to_date (tl->layout, v->x1 - 0.01);
  g_autofree char *range = NULL;
  g_autofree char *rows = NULL;

  report_fill_rect (v->canvas->cr, &report_color_header_fill, v->x, y, right - v->x, 2 * line);

  if (rollout_timeline_layout_get_first_date (tl->layout) != ROLLOUT_DATE_NONE)
    range = report_format_range (first_day, last_day);
  if (v->end > v->first)
    /* TRANSLATORS: which rows of the timeline a page shows */
    rows = g_strdup_printf (_("Rows %u–%u of %u"), v->first + 1, v->end, tl->n_rows);
  else
    rows = g_strdup (_("No rows"));
  report_draw_text (v->canvas, REPORT_FONT_SMALL_BOLD, &report_color_text, range,
                    v->x + 3, y, tl->name_width - 9, line, 1, REPORT_TEXT_MIDDLE);
  report_draw_text (v->canvas, REPORT_FONT_SMALL, &report_color_secondary, rows,
                    v->x + 3, y + line, tl->name_width - 9, line, 1, REPORT_TEXT_MIDDLE);

  draw_scale_line (v, ROLLOUT_TIMELINE_SCALE_MAJOR, y);
  draw_scale_line (v, ROLLOUT_TIMELINE_SCALE_MINOR, y + line);
  report_hline (v->canvas->cr, &report_color_light_rule, v->chart, right, y + line, 0.4);
  report_hline (v->canvas->cr, &report_color_rule, v->x, right, y + 2 * line, 0.6);
}

typedef enum {
  LEGEND_SWATCH,
  LEGEND_MILESTONE,
  LEGEND_DONE,
  LEGEND_CRITICAL,
  LEGEND_LATE,
  LEGEND_TODAY,
} LegendSymbol;

static double
legend_item (const View        *v,
             LegendSymbol       symbol,
             const ReportColor *color,
             const char        *text,
             double             x,
             double             y,
             double             right)
{
  RolloutReport *report = v->tl->report;
  cairo_t *cr = v->canvas->cr;
  double height = report_get_line_height (report, REPORT_FONT_SMALL) + 2;
  double text_width = report_text_width (report, REPORT_FONT_SMALL, text) + 1;
  double cy = y + height / 2;
  ReportColor white = { 1, 1, 1 };

  if (x + 14 + text_width > right)
    return -1;

  switch (symbol)
    {
    case LEGEND_SWATCH:
      report_fill_rect (cr, color, x, cy - 3, 11, 6);
      break;
    case LEGEND_MILESTONE:
      diamond (cr, x + 5, cy, 4);
      report_set_color (cr, &report_color_secondary);
      cairo_fill (cr);
      diamond (cr, x + 5, cy, 2.4);
      report_set_color (cr, &white);
      cairo_fill (cr);
      break;
    case LEGEND_DONE:
      {
        ReportColor light = report_mix (&report_color_secondary, &white, 0.62);

        report_fill_rect (cr, &light, x, cy - 3, 11, 6);
        report_fill_rect (cr, &report_color_secondary, x, cy - 3, 5, 6);
      }
      break;
    case LEGEND_CRITICAL:
      cairo_rectangle (cr, x + 0.5, cy - 2.5, 10, 5);
      report_set_color (cr, &report_color_critical);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      break;
    case LEGEND_LATE:
      cairo_rectangle (cr, x, cy - 3, 11, 6);
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_fill (cr);
      hatch (cr, x, cy - 3, 11, 6);
      break;
    case LEGEND_TODAY:
      {
        static const double dash[] = { 2.0, 1.5 };

        cairo_save (cr);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_set_line_width (cr, 0.8);
        report_set_color (cr, &report_color_accent);
        cairo_move_to (cr, x + 5, y);
        cairo_line_to (cr, x + 5, y + height);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;
    default:
      break;
    }
  report_draw_text (v->canvas, REPORT_FONT_SMALL, &report_color_text, text,
                    x + 14, y, text_width, height, 1, REPORT_TEXT_MIDDLE);
  return 14 + text_width + 10;
}

/* Team colours first, then the symbols, on as many of its two lines as
 * they need; what does not fit is left out. */
static void
draw_legend (const View *v,
             double      y,
             double      width)
{
  RolloutProject *project = rollout_report_get_project (v->tl->report);
  GListModel *teams = rollout_project_get_teams (project);
  guint n_teams = g_list_model_get_n_items (teams);
  double line = report_get_line_height (v->tl->report, REPORT_FONT_SMALL) + 2;
  double right = v->x + width;
  double x = v->x;
  guint lines = 1;
  const struct {
    LegendSymbol symbol;
    const char  *text;
  } symbols[] = {
    { LEGEND_DONE, N_("Done part of a task") },
    { LEGEND_MILESTONE, N_("Milestone (filled when reached)") },
    { LEGEND_CRITICAL, N_("Critical path") },
    { LEGEND_LATE, N_("Late") },
    { LEGEND_TODAY, N_("Printed date") },
  };

  for (guint i = 0; i < n_teams + G_N_ELEMENTS (symbols); i++)
    {
      g_autoptr(RolloutTeam) team = i < n_teams ? g_list_model_get_item (teams, i) : NULL;
      ReportColor color = report_color_accent;
      LegendSymbol symbol = LEGEND_SWATCH;
      const char *text;
      double used;

      if (team != NULL)
        {
          report_parse_color (rollout_team_get_color (team), &color);
          text = rollout_team_get_name (team);
        }
      else
        {
          symbol = symbols[i - n_teams].symbol;
          text = _(symbols[i - n_teams].text);
        }

      used = legend_item (v, symbol, &color, text, x, y, right);
      if (used < 0 && lines == 1)
        {
          lines++;
          x = v->x;
          y += line;
          used = legend_item (v, symbol, &color, text, x, y, right);
        }
      if (used < 0)
        return;
      x += used;
    }
}

/* Draws rows [@first_row, @end_row) over layout x [@x0, @x1) (the whole
 * range when @x1 <= @x0): names on the left, the time scale on top, the
 * legend at @legend_y (right under the rows when negative). */
void
report_timeline_draw_view (ReportTimeline *self,
                           ReportCanvas   *canvas,
                           double          x,
                           double          y,
                           double          width,
                           guint           first_row,
                           guint           end_row,
                           double          x0,
                           double          x1,
                           double          legend_y)
{
  cairo_t *cr = canvas->cr;
  View v = { 0 };
  double body_height, today_x;

  if (x1 <= x0)
    {
      x0 = self->x_lo;
      x1 = self->x_hi;
    }
  end_row = MIN (end_row, self->n_rows);
  first_row = MIN (first_row, end_row);

  v.tl = self;
  v.canvas = canvas;
  v.x = x;
  v.chart = x + self->name_width;
  v.top = y + 2 * self->scale_line;
  v.x0 = x0;
  v.x1 = x1;
  v.first = first_row;
  v.end = end_row;
  v.shift = first_row * self->row_height;
  body_height = MAX (end_row - first_row, 1) * self->row_height;

  /* Rows: phase headers shaded, tasks striped. */
  for (guint i = first_row; i < end_row; i++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (self->layout, layout_row (self, i));
      double ry = v.top + (i - first_row) * self->row_height;

      if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
        report_fill_rect (cr, &report_color_header_fill, x, ry, chart_right (&v) - x, self->row_height);
      else if (i % 2 == 1)
        report_fill_rect (cr, &report_color_stripe, x, ry, chart_right (&v) - x, self->row_height);
    }

  cairo_save (cr);
  cairo_rectangle (cr, v.chart, v.top, x1 - x0, body_height);
  cairo_clip (cr);
  draw_grid (&v, body_height);
  draw_bands (&v, body_height);
  if (rollout_timeline_layout_get_today_x (self->layout, &today_x) && today_x >= x0 && today_x < x1)
    {
      static const double dash[] = { 2.0, 1.5 };

      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 0.8);
      report_set_color (cr, &report_color_accent);
      cairo_move_to (cr, view_x (&v, today_x), v.top);
      cairo_line_to (cr, view_x (&v, today_x), v.top + body_height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  draw_arrows (&v, body_height);
  for (guint i = first_row; i < end_row; i++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (self->layout, layout_row (self, i));
      double ry = v.top + (i - first_row) * self->row_height;
      double bx = view_x (&v, row->bar.x);

      if ((row->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED) ||
          bx > chart_right (&v) || bx + row->bar.width + 80 < v.chart)
        continue;
      if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
        draw_phase_bar (&v, row, ry);
      else
        draw_task_bar (&v, row, ry);
    }
  cairo_restore (cr);

  if (end_row == first_row)
    {
      const RolloutReportOptions *options = report_get_options (self->report);
      g_autofree char *text = NULL;

      if (options->from != ROLLOUT_DATE_NONE || options->to != ROLLOUT_DATE_NONE)
        text = g_strdup (_("No task of the plan falls in this range."));
      else
        text = g_strdup (_("This plan has no tasks."));
      report_draw_text (canvas, REPORT_FONT_BODY, &report_color_secondary, text,
                        v.chart + 4, v.top, x1 - x0 - 8, self->row_height, 1, REPORT_TEXT_MIDDLE);
    }

  draw_names (&v);
  draw_scale (&v, y);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, v.chart, y);
  cairo_line_to (cr, v.chart, v.top + body_height);
  cairo_stroke (cr);
  report_hline (cr, &report_color_rule, x, chart_right (&v), v.top + body_height, 0.6);

  if (legend_y < 0)
    legend_y = v.top + body_height + LEGEND_GAP;
  draw_legend (&v, legend_y, width);
}

/* The section ------------------------------------------------------------- */

typedef struct {
  guint first_row;
  guint end_row;
  guint first_column;
  guint n_columns;
  guint first_page;
} Band;

typedef struct {
  RolloutReport  *report;
  ReportTimeline *timeline;
  GArray         *columns; /* double: column edges, one more than columns */
  GArray         *bands;   /* Band */
  guint           n_pages;
} TimelinePlan;

static void
timeline_plan_free (gpointer data)
{
  TimelinePlan *plan = data;

  g_clear_pointer (&plan->timeline, report_timeline_free);
  g_clear_pointer (&plan->columns, g_array_unref);
  g_clear_pointer (&plan->bands, g_array_unref);
  g_free (plan);
}

/* The x where the unit of @scale holding @x starts. */
static double
unit_start (RolloutTimelineLayout *layout,
            RolloutTimelineScale   scale,
            double                 x)
{
  const RolloutTimelineTick *ticks;
  guint n, first;

  ticks = rollout_timeline_layout_get_ticks (layout, scale, &n);
  if (rollout_timeline_layout_get_visible_ticks (layout, scale, x, x + 0.001, &first) == 0)
    return x;
  return ticks[first].x;
}

static void
cut_columns (TimelinePlan *plan,
             double        chart_width,
             gboolean      fit_width)
{
  ReportTimeline *tl = plan->timeline;
  double start = tl->x_lo;

  g_array_append_val (plan->columns, start);
  while (start < tl->x_hi - 0.01)
    {
      double next = start + chart_width;

      if (fit_width || next >= tl->x_hi - 0.01)
        next = tl->x_hi;
      else
        {
          /* End on a month if one is near, else on a week. */
          double major = unit_start (tl->layout, ROLLOUT_TIMELINE_SCALE_MAJOR, next);
          double minor = unit_start (tl->layout, ROLLOUT_TIMELINE_SCALE_MINOR, next);

          if (major > start + chart_width * 0.75)
            next = major;
          else if (minor > start + chart_width * 0.5)
            next = minor;
        }
      g_array_append_val (plan->columns, next);
      start = next;
    }
}

static guint
column_at (TimelinePlan *plan,
           double        x)
{
  const double *edges = (const double *) (gpointer) plan->columns->data;
  guint lo = 0, hi = plan->columns->len - 1;

  /* The last column whose left edge is at or before x. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (edges[mid] <= x)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void
add_band (TimelinePlan *plan,
          guint         first,
          guint         end)
{
  ReportTimeline *tl = plan->timeline;
  Band band = { first, end, 0, 1, plan->n_pages };
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (guint i = first; i < end; i++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (tl->layout, layout_row (tl, i));

      if (row->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED)
        continue;
      lo = MIN (lo, row->bar.x);
      hi = MAX (hi, row->bar.x + row->bar.width);
    }
  lo = MAX (lo, tl->x_lo);
  hi = MIN (hi, tl->x_hi);
  if (lo < hi)
    {
      band.first_column = column_at (plan, lo);
      band.n_columns = column_at (plan, hi - 0.001) - band.first_column + 1;
    }
  plan->n_pages += band.n_columns;
  g_array_append_val (plan->bands, band);
}

static gpointer
timeline_paginate (RolloutReport     *report,
                   const ReportFrame *frame,
                   guint             *out_n_pages)
{
  const RolloutReportOptions *options = report_get_options (report);
  TimelinePlan *plan = g_new0 (TimelinePlan, 1);
  double name_width = CLAMP (frame->content.width * 0.33, 120, 220);
  double chart_width = frame->content.width - name_width;
  ReportTimeline *tl;
  guint per_page, n_rows, start = 0;

  plan->report = report;
  plan->timeline = tl = report_timeline_new (report, name_width, chart_width, options->fit_width);
  plan->columns = g_array_new (FALSE, FALSE, sizeof (double));
  plan->bands = g_array_new (FALSE, FALSE, sizeof (Band));
  cut_columns (plan, chart_width, options->fit_width);

  per_page = (guint) MAX (1, floor ((frame->content.height - 2 * tl->scale_line - LEGEND_GAP - tl->legend_height)
                                    / tl->row_height));
  n_rows = tl->n_rows;
  if (n_rows == 0)
    add_band (plan, 0, 0);
  while (start < n_rows)
    {
      guint end = MIN (start + per_page, n_rows);

      /* A phase's header goes with its first task. */
      if (end < n_rows && end - 1 > start &&
          rollout_timeline_layout_get_row (tl->layout, layout_row (tl, end - 1))->kind == ROLLOUT_TIMELINE_ROW_PHASE)
        end--;
      add_band (plan, start, end);
      start = end;
    }

  *out_n_pages = plan->n_pages;
  return plan;
}

static const Band *
band_of_page (TimelinePlan *plan,
              guint         page)
{
  const Band *bands = (const Band *) (gpointer) plan->bands->data;
  guint lo = 0, hi = plan->bands->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (bands[mid].first_page <= page)
        lo = mid;
      else
        hi = mid;
    }
  return &bands[lo];
}

static void
timeline_draw_page (gpointer           data,
                    ReportCanvas      *canvas,
                    const ReportFrame *frame,
                    guint              page)
{
  TimelinePlan *plan = data;
  const Band *band = band_of_page (plan, page);
  guint column = band->first_column + (page - band->first_page);
  const double *edges = (const double *) (gpointer) plan->columns->data;

  column = MIN (column, plan->columns->len - 2);
  report_timeline_draw_view (plan->timeline, canvas, frame->content.x, frame->content.y, frame->content.width,
                             band->first_row, band->end_row, edges[column], edges[column + 1],
                             frame->content.y + frame->content.height - plan->timeline->legend_height);
}

static char *
timeline_title_for (gpointer data,
                    guint    page,
                    guint    n_pages)
{
  if (n_pages == 1)
    return g_strdup (_("Timeline"));
  /* TRANSLATORS: the header of a timeline page: page and pages of the timeline */
  return g_strdup_printf (_("Timeline %u/%u"), page + 1, n_pages);
}

const ReportSectionClass report_timeline_section = {
  .id = "timeline",
  .title = N_("Timeline"),
  .paginate = timeline_paginate,
  .draw_page = timeline_draw_page,
  .title_for = timeline_title_for,
  .free_plan = timeline_plan_free,
};
