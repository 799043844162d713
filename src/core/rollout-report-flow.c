/* rollout-report-flow.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the report's sections share: flows of items cut into pages, tables,
 * headings, colours, status shapes and the words for statuses, risk bands
 * and dates. */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-report-private.h"

#define HEADING_SPACE_ABOVE 10.0
#define HEADING_SPACE_BELOW 4.0

const ReportColor report_color_text = { 0.13, 0.13, 0.13 };
const ReportColor report_color_secondary = { 0.38, 0.38, 0.38 };
const ReportColor report_color_rule = { 0.55, 0.55, 0.55 };
const ReportColor report_color_light_rule = { 0.82, 0.82, 0.82 };
const ReportColor report_color_header_fill = { 0.91, 0.91, 0.91 };
const ReportColor report_color_stripe = { 0.965, 0.965, 0.965 };
const ReportColor report_color_accent = { 0.11, 0.44, 0.85 };
const ReportColor report_color_critical = { 0.75, 0.11, 0.16 };

/* Drawing ----------------------------------------------------------------- */

void
report_set_color (cairo_t           *cr,
                  const ReportColor *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

void
report_fill_rect (cairo_t           *cr,
                  const ReportColor *color,
                  double             x,
                  double             y,
                  double             width,
                  double             height)
{
  if (width <= 0 || height <= 0)
    return;
  report_set_color (cr, color);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

void
report_hline (cairo_t           *cr,
              const ReportColor *color,
              double             x0,
              double             x1,
              double             y,
              double             line_width)
{
  report_set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

void
report_draw_shape (cairo_t     *cr,
                   ReportShape  shape,
                   double       cx,
                   double       cy,
                   double       radius)
{
  cairo_save (cr);
  report_set_color (cr, &report_color_text);
  cairo_set_line_width (cr, 0.7);
  cairo_new_path (cr);

  switch (shape)
    {
    case REPORT_SHAPE_HALF:
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, radius, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case REPORT_SHAPE_FULL:
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case REPORT_SHAPE_BLOCKED:
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, cx - radius * 0.7, cy + radius * 0.7);
      cairo_line_to (cr, cx + radius * 0.7, cy - radius * 0.7);
      cairo_stroke (cr);
      break;
    case REPORT_SHAPE_PAUSED:
      cairo_rectangle (cr, cx - radius * 0.8, cy - radius, radius * 0.6, 2 * radius);
      cairo_rectangle (cr, cx + radius * 0.2, cy - radius, radius * 0.6, 2 * radius);
      cairo_fill (cr);
      break;
    case REPORT_SHAPE_CROSS:
      cairo_move_to (cr, cx - radius, cy - radius);
      cairo_line_to (cr, cx + radius, cy + radius);
      cairo_move_to (cr, cx + radius, cy - radius);
      cairo_line_to (cr, cx - radius, cy + radius);
      cairo_stroke (cr);
      break;
    case REPORT_SHAPE_CHECK:
      cairo_set_line_width (cr, 1.1);
      cairo_move_to (cr, cx - radius, cy);
      cairo_line_to (cr, cx - radius * 0.25, cy + radius * 0.8);
      cairo_line_to (cr, cx + radius, cy - radius * 0.8);
      cairo_stroke (cr);
      break;
    case REPORT_SHAPE_CLOCK:
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, cx, cy - radius * 0.65);
      cairo_line_to (cr, cx, cy);
      cairo_line_to (cr, cx + radius * 0.5, cy);
      cairo_stroke (cr);
      break;
    case REPORT_SHAPE_EMPTY:
    default:
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

gboolean
report_parse_color (const char  *text,
                    ReportColor *out_color)
{
  guint value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (guint) digit;
    }
  out_color->r = ((value >> 16) & 0xff) / 255.0;
  out_color->g = ((value >> 8) & 0xff) / 255.0;
  out_color->b = (value & 0xff) / 255.0;
  return TRUE;
}

/* @a moved towards @b by @t (0 gives @a, 1 gives @b). */
ReportColor
report_mix (const ReportColor *a,
            const ReportColor *b,
            double             t)
{
  ReportColor mixed = {
    a->r + (b->r - a->r) * t,
    a->g + (b->g - a->g) * t,
    a->b + (b->b - a->b) * t,
  };

  return mixed;
}

/* Words ------------------------------------------------------------------- */

char *
report_format_date (RolloutDate date,
                    gboolean    with_year)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  if (date == ROLLOUT_DATE_NONE)
    return g_strdup (_("no date"));

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  dt = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
  if (dt == NULL)
    return rollout_date_format (date);
  /* TRANSLATORS: dates in printed plans, see g_date_time_format() */
  return g_date_time_format (dt, with_year ? C_("report date", "%-d %b %Y") : C_("report date", "%-d %b"));
}

/* "2 Mar – 24 Apr 2026", or one date for a single day. */
char *
report_format_range (RolloutDate start,
                     RolloutDate finish)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate a, b;

  if (start == ROLLOUT_DATE_NONE)
    return g_strdup (_("Not scheduled"));
  if (finish == ROLLOUT_DATE_NONE || finish <= start)
    return report_format_date (start, TRUE);

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, start);
  g_date_set_julian (&b, finish);
  from = report_format_date (start, g_date_get_year (&a) != g_date_get_year (&b));
  to = report_format_date (finish, TRUE);
  /* TRANSLATORS: a range of dates, "2 Mar – 24 Apr 2026" */
  return g_strdup_printf (C_("date range", "%s – %s"), from, to);
}

const char *
report_task_status_label (RolloutTaskStatus status)
{
  switch (status)
    {
    case ROLLOUT_TASK_STATUS_IN_PROGRESS:
      return _("In progress");
    case ROLLOUT_TASK_STATUS_BLOCKED:
      return _("Blocked");
    case ROLLOUT_TASK_STATUS_DONE:
      return _("Done");
    case ROLLOUT_TASK_STATUS_TODO:
    default:
      return _("To do");
    }
}

ReportShape
report_task_status_shape (RolloutTaskStatus status)
{
  switch (status)
    {
    case ROLLOUT_TASK_STATUS_IN_PROGRESS:
      return REPORT_SHAPE_HALF;
    case ROLLOUT_TASK_STATUS_BLOCKED:
      return REPORT_SHAPE_BLOCKED;
    case ROLLOUT_TASK_STATUS_DONE:
      return REPORT_SHAPE_FULL;
    case ROLLOUT_TASK_STATUS_TODO:
    default:
      return REPORT_SHAPE_EMPTY;
    }
}

const char *
report_phase_status_label (RolloutPhaseStatus status)
{
  switch (status)
    {
    case ROLLOUT_PHASE_STATUS_ACTIVE:
      return _("Active");
    case ROLLOUT_PHASE_STATUS_PAUSED:
      return _("Paused");
    case ROLLOUT_PHASE_STATUS_COMPLETED:
      return _("Completed");
    case ROLLOUT_PHASE_STATUS_ROLLED_BACK:
      return _("Rolled back");
    case ROLLOUT_PHASE_STATUS_PLANNED:
    default:
      return _("Planned");
    }
}

ReportShape
report_phase_status_shape (RolloutPhaseStatus status)
{
  switch (status)
    {
    case ROLLOUT_PHASE_STATUS_ACTIVE:
      return REPORT_SHAPE_HALF;
    case ROLLOUT_PHASE_STATUS_PAUSED:
      return REPORT_SHAPE_PAUSED;
    case ROLLOUT_PHASE_STATUS_COMPLETED:
      return REPORT_SHAPE_FULL;
    case ROLLOUT_PHASE_STATUS_ROLLED_BACK:
      return REPORT_SHAPE_CROSS;
    case ROLLOUT_PHASE_STATUS_PLANNED:
    default:
      return REPORT_SHAPE_EMPTY;
    }
}

const char *
report_risk_status_label (RolloutRiskStatus status)
{
  return rollout_risk_status_label (status);
}

ReportShape
report_risk_status_shape (RolloutRiskStatus status)
{
  switch (status)
    {
    case ROLLOUT_RISK_STATUS_MITIGATING:
      return REPORT_SHAPE_HALF;
    case ROLLOUT_RISK_STATUS_CLOSED:
      return REPORT_SHAPE_FULL;
    case ROLLOUT_RISK_STATUS_OCCURRED:
      return REPORT_SHAPE_BLOCKED;
    case ROLLOUT_RISK_STATUS_OPEN:
    default:
      return REPORT_SHAPE_EMPTY;
    }
}

/* A phase's audience, "5% — Austin". */
char *
report_format_audience (RolloutPhase *phase)
{
  const char * const *regions = rollout_phase_get_regions (phase);
  g_autofree char *joined = NULL;

  if (regions != NULL && regions[0] != NULL)
    joined = g_strjoinv (", ", (char **) regions);
  if (joined != NULL)
    /* TRANSLATORS: a phase's audience on the summary, "5% — Austin" */
    return g_strdup_printf (_("%g%% — %s"), rollout_phase_get_audience_percent (phase), joined);
  return g_strdup_printf ("%g%%", rollout_phase_get_audience_percent (phase));
}

ReportShape
report_verdict_shape (RolloutVerdict verdict)
{
  switch (verdict)
    {
    case ROLLOUT_VERDICT_GO:
      return REPORT_SHAPE_CHECK;
    case ROLLOUT_VERDICT_NO_GO:
      return REPORT_SHAPE_CROSS;
    case ROLLOUT_VERDICT_PENDING:
      return REPORT_SHAPE_CLOCK;
    case ROLLOUT_VERDICT_NONE:
    default:
      return REPORT_SHAPE_EMPTY;
    }
}

/* The tints of the risk bands: green for GO, amber for PENDING, red for
 * NO-GO; the word and the shape say the same without colour. */
const ReportColor *
report_verdict_color (RolloutVerdict verdict)
{
  switch (verdict)
    {
    case ROLLOUT_VERDICT_GO:
      return report_band_color (ROLLOUT_RISK_BAND_LOW);
    case ROLLOUT_VERDICT_NO_GO:
      return report_band_color (ROLLOUT_RISK_BAND_CRITICAL);
    case ROLLOUT_VERDICT_PENDING:
      return report_band_color (ROLLOUT_RISK_BAND_MEDIUM);
    case ROLLOUT_VERDICT_NONE:
    default:
      return NULL;
    }
}

const char *
report_criterion_label (RolloutCriterionResult result)
{
  switch (result)
    {
    case ROLLOUT_CRITERION_PASS:
      return C_("gate criterion", "Met");
    case ROLLOUT_CRITERION_FAIL:
      return C_("gate criterion", "Failed");
    case ROLLOUT_CRITERION_NO_DATA:
      return C_("gate criterion", "No data");
    case ROLLOUT_CRITERION_MISSING:
    default:
      return C_("gate criterion", "Waiting");
    }
}

ReportShape
report_criterion_shape (RolloutCriterionResult result)
{
  switch (result)
    {
    case ROLLOUT_CRITERION_PASS:
      return REPORT_SHAPE_CHECK;
    case ROLLOUT_CRITERION_FAIL:
      return REPORT_SHAPE_CROSS;
    case ROLLOUT_CRITERION_NO_DATA:
      return REPORT_SHAPE_EMPTY;
    case ROLLOUT_CRITERION_MISSING:
    default:
      return REPORT_SHAPE_CLOCK;
    }
}

const ReportColor *
report_band_color (RolloutRiskBand band)
{
  /* The same tints as on screen, in the light palette. */
  static ReportColor colors[ROLLOUT_RISK_N_BANDS];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (int i = 0; i < ROLLOUT_RISK_N_BANDS; i++)
        {
          RolloutRiskColor c;

          rollout_risk_band_get_color (i, ROLLOUT_RISK_PALETTE_LIGHT, &c);
          colors[i] = (ReportColor) { c.red, c.green, c.blue };
        }
      g_once_init_leave (&initialized, 1);
    }
  return &colors[CLAMP (band, ROLLOUT_RISK_BAND_LOW, ROLLOUT_RISK_BAND_CRITICAL)];
}

/* Flows ------------------------------------------------------------------- */

struct _ReportFlow
{
  GArray *items;         /* ReportFlowItem */
  GArray *pages;         /* guint: the first item of each page */
  GArray *group_headers; /* guint: by group, the index of its header item */
};

ReportFlow *
report_flow_new (void)
{
  ReportFlow *flow = g_new0 (ReportFlow, 1);

  flow->items = g_array_new (FALSE, FALSE, sizeof (ReportFlowItem));
  flow->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  flow->group_headers = g_array_new (FALSE, FALSE, sizeof (guint));
  return flow;
}

void
report_flow_free (ReportFlow *flow)
{
  if (flow == NULL)
    return;
  g_array_unref (flow->items);
  g_array_unref (flow->pages);
  g_array_unref (flow->group_headers);
  g_free (flow);
}

void
report_flow_add (ReportFlow *flow,
                 guint       kind,
                 guint       index,
                 guint       group,
                 guint       flags,
                 double      height)
{
  ReportFlowItem item = { kind, index, group, flags, height };

  if (flags & REPORT_FLOW_TABLE_HEADER)
    {
      guint none = G_MAXUINT;

      while (flow->group_headers->len <= group)
        g_array_append_val (flow->group_headers, none);
      g_array_index (flow->group_headers, guint, group) = flow->items->len;
    }
  g_array_append_val (flow->items, item);
}

guint
report_flow_get_n_items (ReportFlow *flow)
{
  return flow->items->len;
}

/* The header item to repeat at the top of a page starting with @item. */
static const ReportFlowItem *
repeated_header (ReportFlow           *flow,
                 const ReportFlowItem *item)
{
  guint header;

  if (item->group == 0 || (item->flags & REPORT_FLOW_TABLE_HEADER) ||
      item->group >= flow->group_headers->len)
    return NULL;
  header = g_array_index (flow->group_headers, guint, item->group);
  if (header == G_MAXUINT)
    return NULL;
  return &g_array_index (flow->items, ReportFlowItem, header);
}

/* Cuts the flow into pages of @page_height. An item never starts a page it
 * does not fit on, unless it is alone there; items marked to keep with the
 * next move to the next page with it. Returns the number of pages. */
guint
report_flow_paginate (ReportFlow *flow,
                      double      page_height)
{
  const ReportFlowItem *items = (const ReportFlowItem *) (gpointer) flow->items->data;
  guint n = flow->items->len;
  guint first = 0;
  double y = 0;
  gboolean empty = TRUE;

  g_array_set_size (flow->pages, 0);
  g_array_append_val (flow->pages, first);

  for (guint i = 0; i < n;)
    {
      double need = items[i].height;

      /* A chain of keep-with-next items needs room for itself and the item
       * after it. */
      for (guint k = i; k + 1 < n && (items[k].flags & REPORT_FLOW_KEEP_WITH_NEXT); k++)
        need += items[k + 1].height;

      if (!empty && y + need > page_height + 0.01)
        {
          const ReportFlowItem *header = repeated_header (flow, &items[i]);

          /* A chain that fits no page at all is cut where it must be. */
          if (need > page_height && y + items[i].height <= page_height + 0.01)
            {
              y += items[i].height;
              empty = FALSE;
              i++;
              continue;
            }
          g_array_append_val (flow->pages, i);
          y = header != NULL ? header->height : 0;
          empty = TRUE;
          continue;
        }
      y += items[i].height;
      empty = FALSE;
      i++;
    }
  return flow->pages->len;
}

void
report_flow_draw_page (ReportFlow         *flow,
                       guint               page,
                       gpointer            plan,
                       ReportCanvas       *canvas,
                       const ReportFrame  *frame,
                       ReportFlowDrawFunc  draw_func)
{
  const ReportFlowItem *items = (const ReportFlowItem *) (gpointer) flow->items->data;
  const ReportFlowItem *header;
  double x = frame->content.x;
  double y = frame->content.y;
  double width = frame->content.width;
  double bottom = frame->content.y + frame->content.height;
  guint first, end;

  if (page >= flow->pages->len)
    return;
  first = g_array_index (flow->pages, guint, page);
  end = page + 1 < flow->pages->len ? g_array_index (flow->pages, guint, page + 1) : flow->items->len;
  if (first >= end)
    return;

  header = repeated_header (flow, &items[first]);
  if (header != NULL)
    {
      draw_func (plan, canvas, header, x, y, width, TRUE);
      y += header->height;
    }
  for (guint i = first; i < end && y < bottom; i++)
    {
      draw_func (plan, canvas, &items[i], x, y, width, FALSE);
      y += items[i].height;
    }
}

/* Tables ------------------------------------------------------------------ */

double
report_table_header_height (RolloutReport *report)
{
  return report_get_line_height (report, REPORT_FONT_SMALL_BOLD) + 2 * REPORT_CELL_PAD_Y + 1;
}

/* Column edges: @out_x holds @n_columns + 1 values, from @x to @x + @width. */
void
report_table_layout (const ReportColumn *columns,
                     guint               n_columns,
                     double              x,
                     double              width,
                     double             *out_x)
{
  double fixed = 0, weights = 0, scale = 1, rest;

  for (guint i = 0; i < n_columns; i++)
    {
      fixed += columns[i].fixed;
      weights += columns[i].weight;
    }
  if (fixed > width)
    scale = width / fixed;
  rest = MAX (0, width - fixed * scale);

  out_x[0] = x;
  for (guint i = 0; i < n_columns; i++)
    {
      double w = columns[i].fixed * scale;

      if (weights > 0)
        w += rest * columns[i].weight / weights;
      out_x[i + 1] = out_x[i] + w;
    }
  out_x[n_columns] = x + width;
}

void
report_table_draw_header (ReportCanvas       *canvas,
                          const ReportColumn *columns,
                          guint               n_columns,
                          const double       *column_x,
                          double              y)
{
  double height = report_table_header_height (canvas->report);

  report_fill_rect (canvas->cr, &report_color_header_fill, column_x[0], y,
                    column_x[n_columns] - column_x[0], height - 1);
  for (guint i = 0; i < n_columns; i++)
    report_draw_cell (canvas, REPORT_FONT_SMALL_BOLD, &report_color_text, _(columns[i].title),
                      column_x, i, y, height - 1, 1, columns[i].flags);
  report_hline (canvas->cr, &report_color_rule, column_x[0], column_x[n_columns], y + height - 0.5, 0.6);
}

void
report_table_draw_rule (ReportCanvas *canvas,
                        const double *column_x,
                        guint         n_columns,
                        double        y)
{
  report_hline (canvas->cr, &report_color_light_rule, column_x[0], column_x[n_columns], y, 0.4);
}

double
report_cell_height (RolloutReport *report,
                    ReportFont     font,
                    const char    *text,
                    const double  *column_x,
                    guint          column,
                    int            max_lines)
{
  double width = column_x[column + 1] - column_x[column] - 2 * REPORT_CELL_PAD_X;

  return report_text_height (report, font, text, width, max_lines) + 2 * REPORT_CELL_PAD_Y;
}

void
report_draw_cell (ReportCanvas      *canvas,
                  ReportFont         font,
                  const ReportColor *color,
                  const char        *text,
                  const double      *column_x,
                  guint              column,
                  double             y,
                  double             height,
                  int                max_lines,
                  guint              flags)
{
  double x = column_x[column] + REPORT_CELL_PAD_X;
  double width = column_x[column + 1] - column_x[column] - 2 * REPORT_CELL_PAD_X;

  report_draw_text (canvas, font, color, text, x, y + REPORT_CELL_PAD_Y, width,
                    height - 2 * REPORT_CELL_PAD_Y, max_lines, flags & ~REPORT_TEXT_MIDDLE);
}

void
report_draw_status_cell (ReportCanvas *canvas,
                         ReportShape   shape,
                         const char   *label,
                         const double *column_x,
                         guint         column,
                         double        y,
                         double        height)
{
  double line = report_get_line_height (canvas->report, REPORT_FONT_BODY);
  double x = column_x[column] + REPORT_CELL_PAD_X;
  double width = column_x[column + 1] - column_x[column] - 2 * REPORT_CELL_PAD_X;
  double radius = 2.8;

  if (width < 2 * radius + 4)
    return;
  report_draw_shape (canvas->cr, shape, x + radius + 0.5, y + REPORT_CELL_PAD_Y + line / 2, radius);
  report_draw_text (canvas, REPORT_FONT_BODY, &report_color_text, label,
                    x + 2 * radius + 4, y + REPORT_CELL_PAD_Y, width - 2 * radius - 4,
                    height - 2 * REPORT_CELL_PAD_Y, 1, 0);
}

#define VERDICT_RADIUS 2.8
#define VERDICT_PAD    4.0

/* The width a verdict's badge wants: its shape, its word and room around. */
double
report_verdict_width (RolloutReport  *report,
                      RolloutVerdict  verdict)
{
  double text = report_text_width (report, REPORT_FONT_BODY_BOLD, rollout_verdict_get_label (verdict));

  if (verdict == ROLLOUT_VERDICT_NONE)
    return text + 2 * VERDICT_PAD + 1;
  return text + 2 * VERDICT_RADIUS + 4 + 2 * VERDICT_PAD + 3;
}

/* A verdict as a badge: tinted, with its shape and its word, in the box
 * given (the word is ellipsized if the box is narrow). "No gate" has
 * neither tint nor shape, and is grey. */
void
report_draw_verdict (ReportCanvas   *canvas,
                     RolloutVerdict  verdict,
                     double          x,
                     double          y,
                     double          width,
                     double          height)
{
  const ReportColor *tint = report_verdict_color (verdict);
  double line = report_get_line_height (canvas->report, REPORT_FONT_BODY_BOLD);
  double text_x = x + VERDICT_PAD;
  /* Centred in a badge, at the top of a taller table cell. */
  double top = y + MIN (MAX (0, (height - line) / 2), REPORT_CELL_PAD_Y);

  if (tint == NULL)
    {
      report_draw_text (canvas, REPORT_FONT_BODY, &report_color_secondary, rollout_verdict_get_label (verdict),
                        text_x, top, width - 2 * VERDICT_PAD, MIN (line, height), 1, 0);
      return;
    }
  report_fill_rect (canvas->cr, tint, x + 1, y + 1, width - 2, height - 2);
  if (width >= 2 * VERDICT_RADIUS + 2 * VERDICT_PAD + 4)
    {
      report_draw_shape (canvas->cr, report_verdict_shape (verdict), text_x + VERDICT_RADIUS,
                         top + line / 2, VERDICT_RADIUS);
      text_x += 2 * VERDICT_RADIUS + 4;
    }
  report_draw_text (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, rollout_verdict_get_label (verdict),
                    text_x, top, x + width - VERDICT_PAD - text_x, MIN (line, height), 1, 0);
}

double
report_heading_height (RolloutReport *report)
{
  return HEADING_SPACE_ABOVE + report_get_line_height (report, REPORT_FONT_HEADING) + HEADING_SPACE_BELOW;
}

void
report_draw_heading (ReportCanvas *canvas,
                     const char   *text,
                     double        x,
                     double        y,
                     double        width,
                     gboolean      repeated)
{
  g_autofree char *continued = NULL;

  if (repeated)
    /* TRANSLATORS: a heading repeated at the top of the next page */
    text = continued = g_strdup_printf (_("%s (continued)"), text);
  report_draw_text (canvas, REPORT_FONT_HEADING, &report_color_text, text,
                    x, y + HEADING_SPACE_ABOVE, width,
                    report_get_line_height (canvas->report, REPORT_FONT_HEADING), 1, 0);
}
