/* rollout-report-summary.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The summary: the plan's name, description and key facts, its phases with
 * audience, status and gate verdict, the next milestones and the top risks. It is a flow,
 * so a plan of hundreds of phases continues on more pages, with the table's
 * header repeated. */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "rollout-report-private.h"

#define N_MILESTONES 6
#define N_TOP_RISKS  5
#define N_FACTS      8
#define FACTS_PAD    6.0

enum {
  ITEM_TITLE,
  ITEM_DESCRIPTION,
  ITEM_FACTS,
  ITEM_HEADING,
  ITEM_NOTE,
  ITEM_PHASE_HEADER,
  ITEM_PHASE,
  ITEM_MILESTONE_HEADER,
  ITEM_MILESTONE,
  ITEM_RISK_HEADER,
  ITEM_RISK,
};

enum {
  GROUP_NONE,
  GROUP_PHASES,
  GROUP_MILESTONES,
  GROUP_RISKS,
};

enum {
  HEADING_PHASES,
  HEADING_MILESTONES,
  HEADING_RISKS,
};

enum {
  NOTE_NO_PHASES,
  NOTE_NO_MILESTONES,
  NOTE_NO_RISKS,
};

enum {
  PHASE_COLUMN_NAME,
  PHASE_COLUMN_AUDIENCE,
  PHASE_COLUMN_DATES,
  PHASE_COLUMN_DONE,
  PHASE_COLUMN_STATUS,
  PHASE_COLUMN_GATE,
};

static const ReportColumn phase_columns[] = {
  [PHASE_COLUMN_NAME] = { N_("Phase"), 1, 0, 0 },
  [PHASE_COLUMN_AUDIENCE] = { N_("Audience"), 0, 100, 0 },
  [PHASE_COLUMN_DATES] = { N_("Dates"), 0, 112, 0 },
  [PHASE_COLUMN_DONE] = { N_("Tasks done"), 0, 50, REPORT_TEXT_END },
  [PHASE_COLUMN_STATUS] = { N_("Status"), 0, 72, 0 },
  [PHASE_COLUMN_GATE] = { N_("Gate"), 0, 66, 0 },
};

static const ReportColumn milestone_columns[] = {
  { N_("Date"), 0, 70, 0 },
  { N_("Milestone"), 1.4, 0, 0 },
  { N_("Phase"), 1, 0, 0 },
  { N_("Status"), 0, 74, 0 },
};

static const ReportColumn risk_columns[] = {
  { N_("Score"), 0, 70, 0 },
  { N_("Risk"), 1, 0, 0 },
  { N_("Owner"), 0, 100, 0 },
  { N_("Status"), 0, 74, 0 },
};

typedef struct {
  RolloutReport *report;
  ReportFlow    *flow;

  GPtrArray     *phases;      /* RolloutPhase, in plan order */
  GPtrArray     *verdicts;    /* RolloutGateEvaluation, one per phase */
  guint         *phase_done;
  guint         *phase_tasks;
  GPtrArray     *milestones;  /* RolloutTask: the next ones, by date */
  GPtrArray     *risks;       /* RolloutRisk: the top ones, by score */

  char          *facts[N_FACTS][2]; /* label, value */

  double         phase_x[G_N_ELEMENTS (phase_columns) + 1];
  double         milestone_x[G_N_ELEMENTS (milestone_columns) + 1];
  double         risk_x[G_N_ELEMENTS (risk_columns) + 1];
} SummaryPlan;

static void
summary_plan_free (gpointer data)
{
  SummaryPlan *plan = data;

  report_flow_free (plan->flow);
  g_clear_pointer (&plan->phases, g_ptr_array_unref);
  g_clear_pointer (&plan->verdicts, g_ptr_array_unref);
  g_clear_pointer (&plan->milestones, g_ptr_array_unref);
  g_clear_pointer (&plan->risks, g_ptr_array_unref);
  g_free (plan->phase_done);
  g_free (plan->phase_tasks);
  for (guint i = 0; i < N_FACTS; i++)
    {
      g_free (plan->facts[i][0]);
      g_free (plan->facts[i][1]);
    }
  g_free (plan);
}

/* Gathering --------------------------------------------------------------- */

static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  RolloutTask *ta = *(RolloutTask **) a;
  RolloutTask *tb = *(RolloutTask **) b;
  RolloutDate da = rollout_task_get_start (ta);
  RolloutDate db = rollout_task_get_start (tb);

  return (da > db) - (da < db);
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  RolloutRisk *ra = *(RolloutRisk **) a;
  RolloutRisk *rb = *(RolloutRisk **) b;
  int sa = rollout_risk_get_score (ra);
  int sb = rollout_risk_get_score (rb);

  return (sb > sa) - (sb < sa);
}

static void
set_fact (SummaryPlan *plan,
          guint        i,
          const char  *label,
          char        *value)
{
  plan->facts[i][0] = g_strdup (label);
  plan->facts[i][1] = value;
}

static void
gather (SummaryPlan *plan)
{
  RolloutProject *project = rollout_report_get_project (plan->report);
  RolloutDate printed = rollout_report_get_printed (plan->report);
  GListModel *phases = rollout_project_get_phases (project);
  GListModel *tasks = rollout_project_get_tasks (project);
  GListModel *risks = rollout_project_get_risks (project);
  guint n_phases = g_list_model_get_n_items (phases);
  guint n_tasks = g_list_model_get_n_items (tasks);
  guint n_risks = g_list_model_get_n_items (risks);
  g_autoptr(GHashTable) phase_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) open_risks = g_ptr_array_new_with_free_func (g_object_unref);
  RolloutDate start = ROLLOUT_DATE_NONE, finish = ROLLOUT_DATE_NONE;
  guint n_milestones = 0, n_done = 0, n_high = 0;
  const char *owner = rollout_project_get_owner (project);

  plan->phases = g_ptr_array_new_full (n_phases, g_object_unref);
  plan->verdicts = rollout_gates_evaluate (project);
  plan->phase_done = g_new0 (guint, n_phases + 1);
  plan->phase_tasks = g_new0 (guint, n_phases + 1);
  for (guint i = 0; i < n_phases; i++)
    {
      RolloutPhase *phase = g_list_model_get_item (phases, i);

      g_ptr_array_add (plan->phases, phase);
      if (!g_hash_table_contains (phase_index, rollout_phase_get_id (phase)))
        g_hash_table_insert (phase_index, (gpointer) rollout_phase_get_id (phase), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      const char *phase_id = rollout_task_get_phase_id (task);
      guint p = phase_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, phase_id)) : 0;
      gboolean done = rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_DONE;
      RolloutDate s = rollout_task_get_start (task);
      RolloutDate f = rollout_task_get_finish (task);

      if (p != 0)
        {
          plan->phase_tasks[p - 1]++;
          plan->phase_done[p - 1] += done;
        }
      n_done += done;
      if (s != ROLLOUT_DATE_NONE)
        {
          if (start == ROLLOUT_DATE_NONE || s < start)
            start = s;
          if (f < s)
            f = s;
          if (finish == ROLLOUT_DATE_NONE || f > finish)
            finish = f;
        }
      if (rollout_task_is_milestone (task))
        {
          n_milestones++;
          if (!done && s != ROLLOUT_DATE_NONE && s >= printed)
            g_ptr_array_add (upcoming, g_object_ref (task));
        }
    }
  /* Stable, so milestones on the same day keep plan order. */
  g_ptr_array_sort (upcoming, compare_milestones);
  plan->milestones = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < MIN (upcoming->len, N_MILESTONES); i++)
    g_ptr_array_add (plan->milestones, g_object_ref (g_ptr_array_index (upcoming, i)));

  for (guint i = 0; i < n_risks; i++)
    {
      RolloutRisk *risk = g_list_model_get_item (risks, i);

      if (rollout_risk_get_status (risk) == ROLLOUT_RISK_STATUS_CLOSED)
        {
          g_object_unref (risk);
          continue;
        }
      if (rollout_risk_band_for_score (rollout_risk_get_score (risk)) >= ROLLOUT_RISK_BAND_HIGH)
        n_high++;
      g_ptr_array_add (open_risks, risk);
    }
  g_ptr_array_sort (open_risks, compare_risks);
  plan->risks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < MIN (open_risks->len, N_TOP_RISKS); i++)
    g_ptr_array_add (plan->risks, g_object_ref (g_ptr_array_index (open_risks, i)));

  set_fact (plan, 0, _("Owner"), g_strdup (owner != NULL && *owner ? owner : "—"));
  set_fact (plan, 1, _("Dates"), report_format_range (start != ROLLOUT_DATE_NONE ? start : rollout_project_get_start (project), finish));
  set_fact (plan, 2, _("Working days"),
            start != ROLLOUT_DATE_NONE
            ? g_strdup_printf ("%d", rollout_calendar_count_working_days (rollout_project_get_calendar (project), start, finish + 1))
            : g_strdup ("—"));
  set_fact (plan, 3, _("Printed"), report_format_date (printed, TRUE));
  set_fact (plan, 4, _("Phases"), g_strdup_printf ("%u", n_phases));
  set_fact (plan, 5, _("Tasks and milestones"),
            /* TRANSLATORS: counts of tasks and milestones on the summary */
            g_strdup_printf (_("%u tasks, %u milestones"), n_tasks - n_milestones, n_milestones));
  set_fact (plan, 6, _("Done"),
            /* TRANSLATORS: how many tasks and milestones are done, of all */
            g_strdup_printf (_("%u of %u"), n_done, n_tasks));
  set_fact (plan, 7, _("Open risks"),
            /* TRANSLATORS: open risks, and how many of them score high or critical */
            g_strdup_printf (_("%u (%u high or critical)"), open_risks->len, n_high));
}

/* Measuring --------------------------------------------------------------- */

static double
facts_height (RolloutReport *report)
{
  double cell = report_get_line_height (report, REPORT_FONT_SMALL) +
                report_get_line_height (report, REPORT_FONT_BODY_BOLD) + 4;

  return 2 * cell + 2 * FACTS_PAD + 10;
}

static double
phase_height (SummaryPlan  *plan,
              RolloutPhase *phase)
{
  g_autofree char *audience = report_format_audience (phase);
  double h = report_cell_height (plan->report, REPORT_FONT_BODY_BOLD, rollout_phase_get_name (phase),
                                 plan->phase_x, 0, 2);

  h = MAX (h, report_cell_height (plan->report, REPORT_FONT_BODY, audience, plan->phase_x, 1, 2));
  return h;
}

static double
row_height (SummaryPlan *plan,
            const char  *text,
            const double *column_x,
            guint        column)
{
  return report_cell_height (plan->report, REPORT_FONT_BODY, text, column_x, column, 2);
}

static gpointer
summary_paginate (RolloutReport     *report,
                  const ReportFrame *frame,
                  guint             *out_n_pages)
{
  SummaryPlan *plan = g_new0 (SummaryPlan, 1);
  RolloutProject *project = rollout_report_get_project (report);
  const char *description = rollout_project_get_description (project);
  double width = frame->content.width;
  double heading = report_heading_height (report);
  double header = report_table_header_height (report);
  double note = report_get_line_height (report, REPORT_FONT_BODY) + 2 * REPORT_CELL_PAD_Y;
  ReportFlow *flow;

  plan->report = report;
  plan->flow = flow = report_flow_new ();
  gather (plan);

  report_table_layout (phase_columns, G_N_ELEMENTS (phase_columns), frame->content.x, width, plan->phase_x);
  report_table_layout (milestone_columns, G_N_ELEMENTS (milestone_columns), frame->content.x, width, plan->milestone_x);
  report_table_layout (risk_columns, G_N_ELEMENTS (risk_columns), frame->content.x, width, plan->risk_x);

  report_flow_add (flow, ITEM_TITLE, 0, GROUP_NONE, 0,
                   report_text_height (report, REPORT_FONT_TITLE, rollout_project_get_name (project), width, 3) + 8);
  if (description != NULL && *description != '\0')
    report_flow_add (flow, ITEM_DESCRIPTION, 0, GROUP_NONE, 0,
                     report_text_height (report, REPORT_FONT_BODY, description, width, 12) + 10);
  report_flow_add (flow, ITEM_FACTS, 0, GROUP_NONE, 0, facts_height (report));

  /* A table's header item carries its heading, so that a page continuing
   * the table repeats both. */
  if (plan->phases->len == 0)
    {
      report_flow_add (flow, ITEM_HEADING, HEADING_PHASES, GROUP_NONE, REPORT_FLOW_KEEP_WITH_NEXT, heading);
      report_flow_add (flow, ITEM_NOTE, NOTE_NO_PHASES, GROUP_NONE, 0, note);
    }
  else
    {
      report_flow_add (flow, ITEM_PHASE_HEADER, 0, GROUP_PHASES,
                       REPORT_FLOW_TABLE_HEADER | REPORT_FLOW_KEEP_WITH_NEXT, heading + header);
      for (guint i = 0; i < plan->phases->len; i++)
        report_flow_add (flow, ITEM_PHASE, i, GROUP_PHASES, 0,
                         phase_height (plan, g_ptr_array_index (plan->phases, i)));
    }

  if (plan->milestones->len == 0)
    {
      report_flow_add (flow, ITEM_HEADING, HEADING_MILESTONES, GROUP_NONE, REPORT_FLOW_KEEP_WITH_NEXT, heading);
      report_flow_add (flow, ITEM_NOTE, NOTE_NO_MILESTONES, GROUP_NONE, 0, note);
    }
  else
    {
      report_flow_add (flow, ITEM_MILESTONE_HEADER, 0, GROUP_MILESTONES,
                       REPORT_FLOW_TABLE_HEADER | REPORT_FLOW_KEEP_WITH_NEXT, heading + header);
      for (guint i = 0; i < plan->milestones->len; i++)
        {
          RolloutTask *task = g_ptr_array_index (plan->milestones, i);

          RolloutPhase *phase = rollout_project_lookup_phase (project, rollout_task_get_phase_id (task));
          double h = row_height (plan, rollout_task_get_name (task), plan->milestone_x, 1);

          if (phase != NULL)
            h = MAX (h, row_height (plan, rollout_phase_get_name (phase), plan->milestone_x, 2));
          report_flow_add (flow, ITEM_MILESTONE, i, GROUP_MILESTONES, 0, h);
        }
    }

  if (plan->risks->len == 0)
    {
      report_flow_add (flow, ITEM_HEADING, HEADING_RISKS, GROUP_NONE, REPORT_FLOW_KEEP_WITH_NEXT, heading);
      report_flow_add (flow, ITEM_NOTE, NOTE_NO_RISKS, GROUP_NONE, 0, note);
    }
  else
    {
      report_flow_add (flow, ITEM_RISK_HEADER, 0, GROUP_RISKS,
                       REPORT_FLOW_TABLE_HEADER | REPORT_FLOW_KEEP_WITH_NEXT, heading + header);
      for (guint i = 0; i < plan->risks->len; i++)
        {
          RolloutRisk *risk = g_ptr_array_index (plan->risks, i);

          report_flow_add (flow, ITEM_RISK, i, GROUP_RISKS, 0,
                           row_height (plan, rollout_risk_get_title (risk), plan->risk_x, 1));
        }
    }

  *out_n_pages = report_flow_paginate (flow, frame->content.height);
  return plan;
}

/* Drawing ----------------------------------------------------------------- */

static void
draw_facts (SummaryPlan  *plan,
            ReportCanvas *canvas,
            double        x,
            double        y,
            double        width,
            double        height)
{
  RolloutReport *report = plan->report;
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  double body = report_get_line_height (report, REPORT_FONT_BODY_BOLD);
  double cell_w = (width - 2 * FACTS_PAD) / 4;
  double cell_h = small + body + 4;

  report_fill_rect (canvas->cr, &report_color_stripe, x, y, width, height - 10);
  for (guint i = 0; i < N_FACTS; i++)
    {
      double cx = x + FACTS_PAD + (i % 4) * cell_w;
      double cy = y + FACTS_PAD + (i / 4) * cell_h;

      report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, plan->facts[i][0],
                        cx, cy, cell_w - 8, small, 1, 0);
      report_draw_text (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, plan->facts[i][1],
                        cx, cy + small + 1, cell_w - 8, body, 1, 0);
    }
}

static void
draw_score_cell (ReportCanvas *canvas,
                 int           score,
                 const double *column_x,
                 guint         column,
                 double        y,
                 double        height)
{
  RolloutRiskBand band = rollout_risk_band_for_score (score);
  /* TRANSLATORS: a risk's score and band, "12 High" */
  g_autofree char *text = g_strdup_printf (C_("risk score", "%d %s"), score, rollout_risk_band_get_label (band));

  report_fill_rect (canvas->cr, report_band_color (band), column_x[column] + 1, y + 1,
                    column_x[column + 1] - column_x[column] - 2, height - 2);
  report_draw_cell (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, text, column_x, column, y, height, 1, 0);
}

static const char *
heading_text (guint heading)
{
  switch (heading)
    {
    case HEADING_PHASES:
      return _("Phases");
    case HEADING_MILESTONES:
      return _("Next milestones");
    case HEADING_RISKS:
    default:
      return _("Top risks");
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
  SummaryPlan *plan = data;
  RolloutProject *project = rollout_report_get_project (plan->report);
  double h = item->height;

  switch (item->kind)
    {
    case ITEM_TITLE:
      report_draw_text (canvas, REPORT_FONT_TITLE, &report_color_text, rollout_project_get_name (project),
                        x, y, width, h - 8, 3, 0);
      break;

    case ITEM_DESCRIPTION:
      report_draw_text (canvas, REPORT_FONT_BODY, &report_color_text, rollout_project_get_description (project),
                        x, y, width, h - 10, 12, 0);
      break;

    case ITEM_FACTS:
      draw_facts (plan, canvas, x, y, width, h);
      break;

    case ITEM_HEADING:
      report_draw_heading (canvas, heading_text (item->index), x, y, width, FALSE);
      break;

    case ITEM_NOTE:
      {
        g_autofree char *date = report_format_date (rollout_report_get_printed (plan->report), TRUE);
        g_autofree char *text = NULL;

        if (item->index == NOTE_NO_PHASES)
          text = g_strdup (_("This plan has no phases."));
        else if (item->index == NOTE_NO_MILESTONES)
          text = g_strdup_printf (_("No milestones are due on or after %s."), date);
        else
          text = g_strdup (_("No open risks."));
        report_draw_text (canvas, REPORT_FONT_BODY, &report_color_secondary, text,
                          x, y + REPORT_CELL_PAD_Y, width, h - 2 * REPORT_CELL_PAD_Y, 1, 0);
      }
      break;

    case ITEM_PHASE_HEADER:
      report_draw_heading (canvas, heading_text (HEADING_PHASES), x, y, width, repeated);
      report_table_draw_header (canvas, phase_columns, G_N_ELEMENTS (phase_columns), plan->phase_x,
                                y + report_heading_height (plan->report));
      break;

    case ITEM_PHASE:
      {
        RolloutPhase *phase = g_ptr_array_index (plan->phases, item->index);
        RolloutPhaseStatus status = rollout_phase_get_status (phase);
        RolloutGateEvaluation *evaluation = g_ptr_array_index (plan->verdicts, item->index);
        g_autofree char *audience = report_format_audience (phase);
        g_autofree char *dates = report_format_range (rollout_phase_get_start (phase), rollout_phase_get_finish (phase));
        g_autofree char *done = g_strdup_printf ("%u/%u", plan->phase_done[item->index], plan->phase_tasks[item->index]);

        report_draw_cell (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, rollout_phase_get_name (phase),
                          plan->phase_x, 0, y, h, 2, 0);
        report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, audience, plan->phase_x, 1, y, h, 2, 0);
        report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, dates, plan->phase_x, 2, y, h, 1, 0);
        report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, done, plan->phase_x, 3, y, h, 1, REPORT_TEXT_END);
        report_draw_status_cell (canvas, report_phase_status_shape (status), report_phase_status_label (status),
                                 plan->phase_x, PHASE_COLUMN_STATUS, y, h);
        report_draw_verdict (canvas, evaluation->verdict, plan->phase_x[PHASE_COLUMN_GATE], y,
                             plan->phase_x[PHASE_COLUMN_GATE + 1] - plan->phase_x[PHASE_COLUMN_GATE], h);
        report_table_draw_rule (canvas, plan->phase_x, G_N_ELEMENTS (phase_columns), y + h - 0.2);
      }
      break;

    case ITEM_MILESTONE_HEADER:
      report_draw_heading (canvas, heading_text (HEADING_MILESTONES), x, y, width, repeated);
      report_table_draw_header (canvas, milestone_columns, G_N_ELEMENTS (milestone_columns), plan->milestone_x,
                                y + report_heading_height (plan->report));
      break;

    case ITEM_MILESTONE:
      {
        RolloutTask *task = g_ptr_array_index (plan->milestones, item->index);
        RolloutTaskStatus status = rollout_task_get_status (task);
        RolloutPhase *phase = rollout_project_lookup_phase (project, rollout_task_get_phase_id (task));
        g_autofree char *date = report_format_date (rollout_task_get_start (task), TRUE);

        report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, date, plan->milestone_x, 0, y, h, 1, 0);
        report_draw_cell (canvas, REPORT_FONT_BODY_BOLD, &report_color_text, rollout_task_get_name (task),
                          plan->milestone_x, 1, y, h, 2, 0);
        report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text,
                          phase != NULL ? rollout_phase_get_name (phase) : "—", plan->milestone_x, 2, y, h, 2, 0);
        report_draw_status_cell (canvas, report_task_status_shape (status), report_task_status_label (status),
                                 plan->milestone_x, 3, y, h);
        report_table_draw_rule (canvas, plan->milestone_x, G_N_ELEMENTS (milestone_columns), y + h - 0.2);
      }
      break;

    case ITEM_RISK_HEADER:
      report_draw_heading (canvas, heading_text (HEADING_RISKS), x, y, width, repeated);
      report_table_draw_header (canvas, risk_columns, G_N_ELEMENTS (risk_columns), plan->risk_x,
                                y + report_heading_height (plan->report));
      break;

    case ITEM_RISK:
      {
        RolloutRisk *risk = g_ptr_array_index (plan->risks, item->index);
        RolloutRiskStatus status = rollout_risk_get_status (risk);
        const char *owner = rollout_risk_get_owner (risk);

        draw_score_cell (canvas, rollout_risk_get_score (risk), plan->risk_x, 0, y, h);
        report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, rollout_risk_get_title (risk),
                          plan->risk_x, 1, y, h, 2, 0);
        report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, owner != NULL ? owner : "—",
                          plan->risk_x, 2, y, h, 1, 0);
        report_draw_status_cell (canvas, report_risk_status_shape (status), report_risk_status_label (status),
                                 plan->risk_x, 3, y, h);
        report_table_draw_rule (canvas, plan->risk_x, G_N_ELEMENTS (risk_columns), y + h - 0.2);
      }
      break;

    default:
      break;
    }
}

static void
summary_draw_page (gpointer           data,
                   ReportCanvas      *canvas,
                   const ReportFrame *frame,
                   guint              page)
{
  SummaryPlan *plan = data;

  report_flow_draw_page (plan->flow, page, plan, canvas, frame, draw_item);
}

const ReportSectionClass report_summary_section = {
  .id = "summary",
  .title = N_("Summary"),
  .paginate = summary_paginate,
  .draw_page = summary_draw_page,
  .title_for = NULL,
  .free_plan = summary_plan_free,
};
