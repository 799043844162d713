/* rollout-report-board.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The board on paper: one table per team (and one for tasks of no team),
 * each task with its phase, status, owner, finish date and checklist
 * progress, by finish date. A team's title and the column names are
 * repeated at the top of a page that continues its table. */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "rollout-report-private.h"

#define SWATCH_SIZE 9.0

enum {
  ITEM_TEAM,
  ITEM_TASK,
  ITEM_EMPTY,
};

enum {
  COLUMN_TASK,
  COLUMN_PHASE,
  COLUMN_STATUS,
  COLUMN_OWNER,
  COLUMN_FINISH,
  COLUMN_CHECKLIST,
  N_COLUMNS
};

static const ReportColumn columns[N_COLUMNS] = {
  [COLUMN_TASK] = { N_("Task"), 1.6, 0, 0 },
  [COLUMN_PHASE] = { N_("Phase"), 1, 0, 0 },
  [COLUMN_STATUS] = { N_("Status"), 0, 74, 0 },
  [COLUMN_OWNER] = { N_("Owner"), 0, 84, 0 },
  [COLUMN_FINISH] = { N_("Finish"), 0, 66, 0 },
  [COLUMN_CHECKLIST] = { N_("Checklist"), 0, 50, 0 },
};

typedef struct {
  RolloutTeam *team;  /* NULL for tasks of no team */
  guint        first; /* into tasks */
  guint        n_tasks;
  guint        n_done;
} TeamGroup;

typedef struct {
  RolloutReport *report;
  ReportFlow    *flow;
  GPtrArray     *tasks;  /* RolloutTask, grouped by team, then by finish */
  GArray        *teams;  /* TeamGroup */
  double         column_x[N_COLUMNS + 1];
} BoardPlan;

static void
board_plan_free (gpointer data)
{
  BoardPlan *plan = data;

  report_flow_free (plan->flow);
  for (guint i = 0; plan->teams != NULL && i < plan->teams->len; i++)
    g_clear_object (&g_array_index (plan->teams, TeamGroup, i).team);
  g_clear_pointer (&plan->teams, g_array_unref);
  g_clear_pointer (&plan->tasks, g_ptr_array_unref);
  g_free (plan);
}

/* Gathering --------------------------------------------------------------- */

typedef struct {
  RolloutTask *task;
  guint        team;
  RolloutDate  finish;
  guint        position;
} SortEntry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;

  if (ea->team != eb->team)
    return ea->team < eb->team ? -1 : 1;
  /* Unscheduled tasks last. */
  if (ea->finish != eb->finish)
    {
      if (ea->finish == ROLLOUT_DATE_NONE)
        return 1;
      if (eb->finish == ROLLOUT_DATE_NONE)
        return -1;
      return ea->finish < eb->finish ? -1 : 1;
    }
  return (ea->position > eb->position) - (ea->position < eb->position);
}

static void
gather (BoardPlan *plan)
{
  RolloutProject *project = rollout_report_get_project (plan->report);
  GListModel *teams = rollout_project_get_teams (project);
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n_teams = g_list_model_get_n_items (teams);
  guint n_tasks = g_list_model_get_n_items (tasks);
  g_autoptr(GHashTable) team_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (n_tasks, 1));
  g_autofree guint *counts = g_new0 (guint, n_teams + 1);
  g_autofree guint *done = g_new0 (guint, n_teams + 1);
  guint start = 0;

  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);

      if (!g_hash_table_contains (team_index, rollout_team_get_id (team)))
        g_hash_table_insert (team_index, (gpointer) rollout_team_get_id (team), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_tasks; i++)
    {
      RolloutTask *task = g_list_model_get_item (tasks, i);
      const char *team_id = rollout_task_get_team_id (task);
      guint t = team_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (team_index, team_id)) : 0;

      /* Tasks of no team go last. */
      entries[i].task = task;
      entries[i].team = t != 0 ? t - 1 : n_teams;
      entries[i].finish = rollout_task_get_finish (task);
      if (rollout_task_get_start (task) == ROLLOUT_DATE_NONE)
        entries[i].finish = ROLLOUT_DATE_NONE;
      entries[i].position = i;
      counts[entries[i].team]++;
      done[entries[i].team] += rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_DONE;
    }
  qsort (entries, n_tasks, sizeof *entries, compare_entries);

  plan->tasks = g_ptr_array_new_full (n_tasks, g_object_unref);
  for (guint i = 0; i < n_tasks; i++)
    g_ptr_array_add (plan->tasks, entries[i].task);

  plan->teams = g_array_new (FALSE, TRUE, sizeof (TeamGroup));
  for (guint t = 0; t <= n_teams; t++)
    {
      TeamGroup group = { NULL, start, counts[t], done[t] };

      start += counts[t];
      /* Teams with no tasks are left out; so is "no team" when empty. */
      if (counts[t] == 0)
        continue;
      if (t < n_teams)
        group.team = g_list_model_get_item (teams, t);
      g_array_append_val (plan->teams, group);
    }
}

/* Measuring --------------------------------------------------------------- */

static double
team_header_height (RolloutReport *report)
{
  return report_heading_height (report) + report_get_line_height (report, REPORT_FONT_SMALL) + 4 +
         report_table_header_height (report);
}

static gboolean
is_late (BoardPlan   *plan,
         RolloutTask *task)
{
  RolloutDate finish = rollout_task_get_finish (task);

  return rollout_task_get_start (task) != ROLLOUT_DATE_NONE &&
         rollout_task_get_status (task) != ROLLOUT_TASK_STATUS_DONE &&
         finish < rollout_report_get_printed (plan->report);
}

static double
task_height (BoardPlan   *plan,
             RolloutTask *task)
{
  RolloutProject *project = rollout_report_get_project (plan->report);
  RolloutPhase *phase = rollout_project_lookup_phase (project, rollout_task_get_phase_id (task));
  double h = report_cell_height (plan->report, REPORT_FONT_BODY, rollout_task_get_name (task),
                                 plan->column_x, COLUMN_TASK, 2);

  if (phase != NULL)
    h = MAX (h, report_cell_height (plan->report, REPORT_FONT_BODY, rollout_phase_get_name (phase),
                                    plan->column_x, COLUMN_PHASE, 2));
  if (is_late (plan, task))
    h = MAX (h, report_get_line_height (plan->report, REPORT_FONT_BODY) +
                report_get_line_height (plan->report, REPORT_FONT_SMALL_ITALIC) + 2 * REPORT_CELL_PAD_Y);
  return h;
}

static gpointer
board_paginate (RolloutReport     *report,
                const ReportFrame *frame,
                guint             *out_n_pages)
{
  BoardPlan *plan = g_new0 (BoardPlan, 1);

  plan->report = report;
  plan->flow = report_flow_new ();
  gather (plan);
  report_table_layout (columns, N_COLUMNS, frame->content.x, frame->content.width, plan->column_x);

  if (plan->teams->len == 0)
    report_flow_add (plan->flow, ITEM_EMPTY, 0, 0, 0, report_heading_height (report));

  for (guint t = 0; t < plan->teams->len; t++)
    {
      const TeamGroup *group = &g_array_index (plan->teams, TeamGroup, t);

      report_flow_add (plan->flow, ITEM_TEAM, t, t + 1,
                       REPORT_FLOW_TABLE_HEADER | REPORT_FLOW_KEEP_WITH_NEXT, team_header_height (report));
      for (guint i = group->first; i < group->first + group->n_tasks; i++)
        report_flow_add (plan->flow, ITEM_TASK, i, t + 1, 0,
                         task_height (plan, g_ptr_array_index (plan->tasks, i)));
    }

  *out_n_pages = report_flow_paginate (plan->flow, frame->content.height);
  return plan;
}

/* Drawing ----------------------------------------------------------------- */

static void
draw_team (BoardPlan       *plan,
           ReportCanvas    *canvas,
           const TeamGroup *group,
           double           x,
           double           y,
           double           width,
           gboolean         repeated)
{
  RolloutReport *report = plan->report;
  double heading = report_heading_height (report);
  double heading_line = report_get_line_height (report, REPORT_FONT_HEADING);
  double small = report_get_line_height (report, REPORT_FONT_SMALL);
  const char *name = group->team != NULL ? rollout_team_get_name (group->team) : _("No team");
  const char *lead = group->team != NULL ? rollout_team_get_lead (group->team) : NULL;
  g_autofree char *counts = NULL;
  g_autofree char *meta = NULL;
  ReportColor color = report_color_secondary;

  if (group->team != NULL)
    report_parse_color (rollout_team_get_color (group->team), &color);

  /* The team's colour as a swatch before its name, as on the timeline. */
  report_fill_rect (canvas->cr, &color, x, y + heading - 4 - heading_line / 2 - SWATCH_SIZE / 2,
                    SWATCH_SIZE, SWATCH_SIZE);
  report_draw_heading (canvas, name, x + SWATCH_SIZE + 5, y, width - SWATCH_SIZE - 5, repeated);

  /* TRANSLATORS: tasks of a team on the printed board */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task, %u done", "%u tasks, %u done", group->n_tasks),
                            group->n_tasks, group->n_done);
  if (lead != NULL && *lead != '\0')
    /* TRANSLATORS: a team's lead, then its task counts */
    meta = g_strdup_printf (_("Lead: %s · %s"), lead, counts);
  report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, meta != NULL ? meta : counts,
                    x, y + heading, width, small, 1, 0);

  report_table_draw_header (canvas, columns, N_COLUMNS, plan->column_x, y + heading + small + 4);
}

static void
draw_checklist (ReportCanvas *canvas,
                RolloutTask  *task,
                const double *column_x,
                double        y,
                double        height)
{
  GPtrArray *checklist = rollout_task_get_checklist (task);
  guint n = checklist != NULL ? checklist->len : 0;
  guint done = 0;
  g_autofree char *text = NULL;
  double line = report_get_line_height (canvas->report, REPORT_FONT_BODY);
  double x = column_x[COLUMN_CHECKLIST] + REPORT_CELL_PAD_X;
  double width = column_x[COLUMN_CHECKLIST + 1] - x - REPORT_CELL_PAD_X;
  double bar_width = MIN (18, width / 2 - 2);

  if (n == 0)
    {
      report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_secondary, "—", column_x, COLUMN_CHECKLIST,
                        y, height, 1, 0);
      return;
    }
  for (guint i = 0; i < n; i++)
    done += ((RolloutChecklistItem *) g_ptr_array_index (checklist, i))->done != FALSE;

  text = g_strdup_printf ("%u/%u", done, n);
  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, text, column_x, COLUMN_CHECKLIST,
                    y, height, 1, 0);

  /* A small gauge after the figures, for a glance. */
  if (bar_width >= 6)
    {
      double bx = x + width - bar_width;
      double by = y + REPORT_CELL_PAD_Y + line / 2 - 1.5;

      report_fill_rect (canvas->cr, &report_color_header_fill, bx, by, bar_width, 3);
      report_fill_rect (canvas->cr, &report_color_secondary, bx, by, bar_width * done / n, 3);
    }
}

static void
draw_task (BoardPlan    *plan,
           ReportCanvas *canvas,
           RolloutTask  *task,
           double        y,
           double        h)
{
  RolloutProject *project = rollout_report_get_project (plan->report);
  RolloutPhase *phase = rollout_project_lookup_phase (project, rollout_task_get_phase_id (task));
  RolloutTaskStatus status = rollout_task_get_status (task);
  const char *owner = rollout_task_get_owner (task);
  const double *cx = plan->column_x;
  g_autofree char *finish = NULL;

  if (rollout_task_get_start (task) != ROLLOUT_DATE_NONE)
    finish = report_format_date (rollout_task_get_finish (task), TRUE);

  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, rollout_task_get_name (task), cx, COLUMN_TASK, y, h, 2, 0);
  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_secondary,
                    phase != NULL ? rollout_phase_get_name (phase) : "—", cx, COLUMN_PHASE, y, h, 2, 0);
  report_draw_status_cell (canvas, report_task_status_shape (status), report_task_status_label (status),
                           cx, COLUMN_STATUS, y, h);
  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, owner != NULL && *owner ? owner : "—",
                    cx, COLUMN_OWNER, y, h, 1, 0);
  report_draw_cell (canvas, REPORT_FONT_BODY, &report_color_text, finish != NULL ? finish : _("Not scheduled"),
                    cx, COLUMN_FINISH, y, h, 1, 0);
  if (is_late (plan, task))
    {
      double line = report_get_line_height (plan->report, REPORT_FONT_BODY);

      /* Said in words, not only shown in a colour. */
      report_draw_text (canvas, REPORT_FONT_SMALL_ITALIC, &report_color_critical, _("late"),
                        cx[COLUMN_FINISH] + REPORT_CELL_PAD_X, y + REPORT_CELL_PAD_Y + line,
                        cx[COLUMN_FINISH + 1] - cx[COLUMN_FINISH] - 2 * REPORT_CELL_PAD_X,
                        h - 2 * REPORT_CELL_PAD_Y - line, 1, 0);
    }
  draw_checklist (canvas, task, cx, y, h);
  report_table_draw_rule (canvas, cx, N_COLUMNS, y + h - 0.2);
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
  BoardPlan *plan = data;

  switch (item->kind)
    {
    case ITEM_TEAM:
      draw_team (plan, canvas, &g_array_index (plan->teams, TeamGroup, item->index), x, y, width, repeated);
      break;
    case ITEM_TASK:
      draw_task (plan, canvas, g_ptr_array_index (plan->tasks, item->index), y, item->height);
      break;
    case ITEM_EMPTY:
      report_draw_heading (canvas, _("This plan has no tasks."), x, y, width, FALSE);
      break;
    default:
      break;
    }
}

static void
board_draw_page (gpointer           data,
                 ReportCanvas      *canvas,
                 const ReportFrame *frame,
                 guint              page)
{
  BoardPlan *plan = data;

  report_flow_draw_page (plan->flow, page, plan, canvas, frame, draw_item);
}

const ReportSectionClass report_board_section = {
  .id = "board",
  .title = N_("Board"),
  .paginate = board_paginate,
  .draw_page = board_draw_page,
  .title_for = NULL,
  .free_plan = board_plan_free,
};
