/* rollout-report-risks.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Risks on paper: the 5 × 5 heat map of likelihood against impact, then
 * the register. Risks are numbered R1, R2, … by score (closed ones last) so
 * that the map can name them in its cells. Every cell says its band in
 * words; the tint only repeats it. */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rollout-report-private.h"

#define MAP_LABEL_WIDTH   84.0
#define MAP_LEGEND_WIDTH  116.0
#define MAP_CELL_HEIGHT   40.0
#define MAP_MAX_CELL      84.0
#define MAP_GAP           1.5

enum {
  ITEM_MAP,
  ITEM_HEADING,
  ITEM_HEADER,
  ITEM_RISK,
  ITEM_EMPTY,
};

enum {
  COLUMN_REF,
  COLUMN_RISK,
  COLUMN_SCORE,
  COLUMN_OWNER,
  COLUMN_MITIGATION,
  COLUMN_STATUS,
  N_COLUMNS
};

static const ReportColumn columns[N_COLUMNS] = {
  [COLUMN_REF] = { N_("Ref"), 0, 26, 0 },
  [COLUMN_RISK] = { N_("Risk"), 1.3, 0, 0 },
  [COLUMN_SCORE] = { N_("Score"), 0, 62, 0 },
  [COLUMN_OWNER] = { N_("Owner"), 0, 80, 0 },
  [COLUMN_MITIGATION] = { N_("Mitigation"), 1.5, 0, 0 },
  [COLUMN_STATUS] = { N_("Status"), 0, 74, 0 },
};

typedef struct {
  RolloutReport *report;
  ReportFlow    *flow;
  GPtrArray     *risks;  /* RolloutRisk, by score; closed ones last */
  guint          n_closed;
  double         column_x[N_COLUMNS + 1];
} RisksPlan;

static void
risks_plan_free (gpointer data)
{
  RisksPlan *plan = data;

  report_flow_free (plan->flow);
  g_clear_pointer (&plan->risks, g_ptr_array_unref);
  g_free (plan);
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  RolloutRisk *ra = *(RolloutRisk **) a;
  RolloutRisk *rb = *(RolloutRisk **) b;
  gboolean ca = rollout_risk_get_status (ra) == ROLLOUT_RISK_STATUS_CLOSED;
  gboolean cb = rollout_risk_get_status (rb) == ROLLOUT_RISK_STATUS_CLOSED;
  int sa = rollout_risk_get_score (ra);
  int sb = rollout_risk_get_score (rb);

  if (ca != cb)
    return ca ? 1 : -1;
  return (sb > sa) - (sb < sa);
}

/* The heat map ------------------------------------------------------------ */

static double
map_cell_width (double width)
{
  return MIN (MAP_MAX_CELL, (width - MAP_LABEL_WIDTH - MAP_LEGEND_WIDTH - 12) / 5);
}

static double
map_height (RolloutReport *report)
{
  double small = report_get_line_height (report, REPORT_FONT_SMALL);

  /* Heading, axis title, the grid, two lines of impact labels, axis title,
   * and room below. */
  return report_heading_height (report) + small + 4 + 5 * MAP_CELL_HEIGHT + 2 * small + 4 + small + 14;
}

static void
draw_map (RisksPlan    *plan,
          ReportCanvas *canvas,
          double        x,
          double        y,
          double        width)
{
  RolloutReport *report = plan->report;
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  double cell_w = map_cell_width (width);
  double grid_x = x + MAP_LABEL_WIDTH;
  double grid_y;
  double legend_x = grid_x + 5 * cell_w + 14;
  double legend_y;
  GString *refs[5][5] = { { NULL } };
  guint counts[5][5] = { { 0 } };

  report_draw_heading (canvas, _("Heat map"), x, y, width, FALSE);
  y += report_heading_height (report);
  report_draw_text (canvas, REPORT_FONT_SMALL_BOLD, &report_color_text, _("Likelihood"),
                    x, y, MAP_LABEL_WIDTH - 6, small, 1, 0);
  grid_y = y + small + 4;

  for (guint i = 0; i < plan->risks->len; i++)
    {
      RolloutRisk *risk = g_ptr_array_index (plan->risks, i);
      int l = CLAMP (rollout_risk_get_likelihood (risk), 1, 5) - 1;
      int m = CLAMP (rollout_risk_get_impact (risk), 1, 5) - 1;

      if (rollout_risk_get_status (risk) == ROLLOUT_RISK_STATUS_CLOSED)
        continue;
      if (refs[l][m] == NULL)
        refs[l][m] = g_string_new (NULL);
      else
        g_string_append (refs[l][m], ", ");
      g_string_append_printf (refs[l][m], "R%u", i + 1);
      counts[l][m]++;
    }

  for (int row = 0; row < 5; row++)
    {
      int likelihood = 5 - row;
      double cy = grid_y + row * MAP_CELL_HEIGHT;
      g_autofree char *label = g_strdup_printf ("%d  %s", likelihood, rollout_risk_likelihood_label (likelihood));

      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_text, label,
                        x, cy, MAP_LABEL_WIDTH - 6, MAP_CELL_HEIGHT, 2, REPORT_TEXT_MIDDLE);

      for (int impact = 1; impact <= 5; impact++)
        {
          RolloutRiskBand band = rollout_risk_band_for_score (likelihood * impact);
          double cx = grid_x + (impact - 1) * cell_w;
          guint count = counts[likelihood - 1][impact - 1];
          GString *names = refs[likelihood - 1][impact - 1];
          g_autofree char *title = NULL;
          double inner = cell_w - 2 * MAP_GAP - 6;

          report_fill_rect (canvas->cr, report_band_color (band), cx + MAP_GAP, cy + MAP_GAP,
                            cell_w - 2 * MAP_GAP, MAP_CELL_HEIGHT - 2 * MAP_GAP);
          if (count > 0)
            /* TRANSLATORS: a heat map cell: band, score and how many risks are in it */
            title = g_strdup_printf (C_("heat map cell", "%s %d · %u"), rollout_risk_band_get_label (band),
                                     likelihood * impact, count);
          else
            title = g_strdup_printf (C_("heat map cell", "%s %d"), rollout_risk_band_get_label (band), likelihood * impact);
          report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, title,
                            cx + MAP_GAP + 3, cy + MAP_GAP + 2, inner, small, 1, 0);
          if (names != NULL)
            report_draw_text (canvas, REPORT_FONT_SMALL_BOLD, &report_color_text, names->str,
                              cx + MAP_GAP + 3, cy + MAP_GAP + 3 + small, inner,
                              MAP_CELL_HEIGHT - 2 * MAP_GAP - 5 - small, 2, 0);
        }
    }

  y = grid_y + 5 * MAP_CELL_HEIGHT + 2;
  for (int impact = 1; impact <= 5; impact++)
    {
      g_autofree char *label = g_strdup_printf ("%d  %s", impact, rollout_risk_impact_label (impact));

      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_text, label,
                        grid_x + (impact - 1) * cell_w + 2, y, cell_w - 4, 2 * small, 2, REPORT_TEXT_CENTER);
    }
  report_draw_text (canvas, REPORT_FONT_SMALL_BOLD, &report_color_text, _("Impact"),
                    grid_x, y + 2 * small + 2, 5 * cell_w, small, 1, REPORT_TEXT_CENTER);

  /* The legend: each band's name and scores beside its tint. */
  legend_y = grid_y;
  report_draw_text (canvas, REPORT_FONT_SMALL_BOLD, &report_color_text, _("Score = likelihood × impact"),
                    legend_x, legend_y, x + width - legend_x, 2 * small, 2, 0);
  legend_y += 2 * small + 6;
  for (int band = ROLLOUT_RISK_BAND_CRITICAL; band >= ROLLOUT_RISK_BAND_LOW; band--)
    {
      g_autofree char *text = g_strdup_printf ("%s  %s", rollout_risk_band_get_label (band),
                                               rollout_risk_band_get_range (band));

      report_fill_rect (canvas->cr, report_band_color (band), legend_x, legend_y, 14, small);
      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_text, text,
                        legend_x + 19, legend_y, x + width - legend_x - 19, small, 1, 0);
      legend_y += small + 5;
    }
  legend_y += 4;
  report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary,
                    plan->n_closed > 0 ? _("Closed risks are listed in the register, not on the map.")
                                       : _("Cells name the risks of the register below."),
                    legend_x, legend_y, x + width - legend_x, 4 * small, 4, 0);

  for (int l = 0; l < 5; l++)
    for (int m = 0; m < 5; m++)
      if (refs[l][m] != NULL)
        g_string_free (refs[l][m], TRUE);
}

/* The register ------------------------------------------------------------ */

static double
risk_height (RisksPlan   *plan,
             RolloutRisk *risk)
{
  const char *mitigation = rollout_risk_get_mitigation (risk);
  double h = report_cell_height (plan->report, REPORT_FONT_BODY_BOLD, rollout_risk_get_title (risk),
                                 plan->column_x, COLUMN_RISK, 3);

  if (mitigation != NULL && *mitigation != '\0')
    h = MAX (h, report_cell_height (plan->report, REPORT_FONT_BODY, mitigation, plan->column_x,
                                    COLUMN_MITIGATION, 4));
  return h;
}

static void
draw_risk (RisksPlan    *plan,
           ReportCanvas *canvas,
           guint         index,
           double        y,
           double        h)
{
  RolloutRisk *risk = g_ptr_array_index (plan->risks, index);
  RolloutRiskStatus status = rollout_risk_get_status (risk);
  int score = rollout_risk_get_score (risk);
  RolloutRiskBand band = rollout_risk_band_for_score (score);
  const char *owner = rollout_risk_get_owner (risk);
  const char *mitigation = rollout_risk_get_mitigation (risk);
  const double *cx = plan->column_x;
  g_autofree char *ref = g_strdup_printf ("R%u", index + 1);
  /* TRANSLATORS: a risk's score and band, "12 High" */
  g_autofree char *score_text = g_strdup_printf (C_("risk score", "%d %s"), score, rollout_risk_band_get_label (band));

  report_draw_cell (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, ref, cx, COLUMN_REF, y, h, 1, 0);
  report_draw_cell (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, rollout_risk_get_title (risk),
                    cx, COLUMN_RISK, y, h, 3, 0);
  report_fill_rect (canvas->cr, report_band_color (band), cx[COLUMN_SCORE] + 1, y + 1,
                    cx[COLUMN_SCORE + 1] - cx[COLUMN_SCORE] - 2, h - 2);
  report_draw_cell (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, score_text, cx, COLUMN_SCORE, y, h, 1, 0);
  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, owner != NULL && *owner ? owner : "—",
                    cx, COLUMN_OWNER, y, h, 2, 0);
  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text,
                    mitigation != NULL && *mitigation ? mitigation : "—", cx, COLUMN_MITIGATION, y, h, 4, 0);
  report_draw_status_cell (canvas, report_risk_status_shape (status), report_risk_status_label (status),
                           cx, COLUMN_STATUS, y, h);
  report_table_draw_rule (canvas, cx, N_COLUMNS, y + h - 0.2);
}

/* The section ------------------------------------------------------------- */

static gpointer
risks_paginate (RolloutReport     *report,
                const ReportFrame *frame,
                guint             *out_n_pages)
{
  RisksPlan *plan = g_new0 (RisksPlan, 1);
  GListModel *risks = rollout_project_get_risks (rollout_report_get_project (report));
  guint n = g_list_model_get_n_items (risks);

  plan->report = report;
  plan->flow = report_flow_new ();
  plan->risks = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      RolloutRisk *risk = g_list_model_get_item (risks, i);

      plan->n_closed += rollout_risk_get_status (risk) == ROLLOUT_RISK_STATUS_CLOSED;
      g_ptr_array_add (plan->risks, risk);
    }
  /* Stable: equal scores keep plan order. */
  g_ptr_array_sort (plan->risks, compare_risks);
  report_table_layout (columns, N_COLUMNS, frame->content.x, frame->content.width, plan->column_x);

  report_flow_add (plan->flow, ITEM_MAP, 0, 0, 0, map_height (report));
  if (n == 0)
    {
      report_flow_add (plan->flow, ITEM_HEADING, 0, 0, REPORT_FLOW_KEEP_WITH_NEXT, report_heading_height (report));
      report_flow_add (plan->flow, ITEM_EMPTY, 0, 0, 0,
                       report_get_line_height (report, REPORT_FONT_BODY) + 2 * REPORT_CELL_PAD_Y);
    }
  else
    {
      /* The heading is part of the table's header, repeated with it. */
      report_flow_add (plan->flow, ITEM_HEADER, 0, 1, REPORT_FLOW_TABLE_HEADER | REPORT_FLOW_KEEP_WITH_NEXT,
                       report_heading_height (report) + report_table_header_height (report));
      for (guint i = 0; i < n; i++)
        report_flow_add (plan->flow, ITEM_RISK, i, 1, 0, risk_height (plan, g_ptr_array_index (plan->risks, i)));
    }

  *out_n_pages = report_flow_paginate (plan->flow, frame->content.height);
  return plan;
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
  RisksPlan *plan = data;

  switch (item->kind)
    {
    case ITEM_MAP:
      draw_map (plan, canvas, x, y, width);
      break;
    case ITEM_HEADING:
      report_draw_heading (canvas, _("Risk register"), x, y, width, FALSE);
      break;
    case ITEM_HEADER:
      report_draw_heading (canvas, _("Risk register"), x, y, width, repeated);
      report_table_draw_header (canvas, columns, N_COLUMNS, plan->column_x,
                                y + report_heading_height (plan->report));
      break;
    case ITEM_RISK:
      draw_risk (plan, canvas, item->index, y, item->height);
      break;
    case ITEM_EMPTY:
      report_draw_text (canvas, REPORT_FONT_BODY, &report_color_secondary, _("No risks are recorded in this plan."),
                        x, y + REPORT_CELL_PAD_Y, width, item->height - 2 * REPORT_CELL_PAD_Y, 1, 0);
      break;
    default:
      break;
    }
}

static void
risks_draw_page (gpointer           data,
                 ReportCanvas      *canvas,
                 const ReportFrame *frame,
                 guint              page)
{
  RisksPlan *plan = data;

  report_flow_draw_page (plan->flow, page, plan, canvas, frame, draw_item);
}

const ReportSectionClass report_risks_section = {
  .id = "risks",
  .title = N_("Risks"),
  .paginate = risks_paginate,
  .draw_page = risks_draw_page,
  .title_for = NULL,
  .free_plan = risks_plan_free,
};
