/* rollout-timeline-layout.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The geometry of the release timeline, shared by the screen and paper.
 *
 * From a scheduled project and a zoom this computes, once, everything a
 * renderer needs in device-independent pixels: the rows (phase headers, then
 * their tasks, in plan order), each task's bar or milestone diamond, the
 * phase bands, the dependency arrows as orthogonal polylines, the time scale
 * and the non-working days. Renderers only translate and clip; they never
 * look at dates again.
 *
 * x is linear in calendar days: x (d) = (d - first_date) * day_width, so a
 * bar runs from its start to the day after its finish. Rows all have the same
 * height and are stacked from y = 0, which makes "which rows are visible"
 * and "which row is under the pointer" a division.
 *
 * Building is linear in tasks + dependencies (+ days shown): tasks are
 * grouped under their phases with a counting sort, a dependency finds its
 * predecessor's row through one hash lookup, and arrows are indexed by their
 * top row (another counting sort) so that the arrows crossing a rectangle are
 * found without looking at all of them. Strings are copied into one string
 * chunk and objects are referenced, so a layout stays valid while the project
 * changes under it; it is simply rebuilt afterwards.
 *
 * Arrows leave the predecessor's edge horizontally (rightwards from a right
 * edge, leftwards from a left edge), run vertically, and enter the
 * successor's edge horizontally, with at least ARROW_STUB pixels before each
 * turn. When one vertical cannot satisfy both ends (a finish-to-start link
 * whose successor starts before the predecessor ends, say) the arrow turns
 * along the boundary between rows, under or over the predecessor's row,
 * where no bar is drawn.
 */

#define G_LOG_DOMAIN "rollout-timeline-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-timeline-layout.h"

/* Room an arrow keeps straight before and after each turn; also the length
 * of the last segment, where the arrowhead goes. */
#define ARROW_STUB 8.0
/* How far an arrowhead reaches beside its line. */
#define ARROW_HEAD 4.0
/* Arrows spanning more rows than this are checked one by one in queries. */
#define SHORT_ARROW_ROWS 64
/* Hit testing: slack around bars, and the width of the resize handles. */
#define HIT_SLACK 3.0
#define HANDLE_WIDTH 6.0

struct _RolloutTimelineLayout
{
  gatomicrefcount       ref_count;

  RolloutTimelineZoom   zoom;
  double                day_width;
  double                row_height;
  RolloutDate           first_date;  /* first day shown */
  RolloutDate           end_date;    /* the day after the last day shown */
  RolloutDate           today;

  RolloutTimelineRow   *rows;
  guint                 n_rows;

  GArray               *bands;       /* RolloutTimelineBand */
  GArray               *arrows;      /* RolloutTimelineArrow */
  GArray               *points;      /* RolloutTimelinePoint, for all arrows */
  GArray               *ticks[2];    /* RolloutTimelineTick, by scale */
  GArray               *spans;       /* RolloutTimelineSpan */

  /* Arrows spanning at most SHORT_ARROW_ROWS rows, sorted by their top row:
   * those whose top row is r are short_arrows[short_first[r] .. short_first[r + 1]). */
  guint                *short_arrows;
  guint                *short_first;
  GArray               *long_arrows; /* guint indices */

  GHashTable           *task_rows;   /* task id → row + 1 */
  GHashTable           *phase_rows;  /* phase id → row + 1 */

  GStringChunk         *strings;
};

G_DEFINE_BOXED_TYPE (RolloutTimelineLayout, rollout_timeline_layout,
                     rollout_timeline_layout_ref, rollout_timeline_layout_unref)

G_DEFINE_ENUM_TYPE (RolloutTimelineZoom, rollout_timeline_zoom,
  G_DEFINE_ENUM_VALUE (ROLLOUT_TIMELINE_ZOOM_DAY, "day"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_TIMELINE_ZOOM_WEEK, "week"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_TIMELINE_ZOOM_MONTH, "month"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_TIMELINE_ZOOM_QUARTER, "quarter"))

/* Dates ------------------------------------------------------------------- */

/* 1 = Monday … 7 = Sunday; Julian day 1 (0001-01-01) was a Monday. */
static inline guint
weekday_of (RolloutDate date)
{
  return (date - 1) % 7 + 1;
}

static void
date_to_ymd (RolloutDate  date,
             int         *year,
             int         *month,
             int         *day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  *year = g_date_get_year (&d);
  *month = g_date_get_month (&d);
  if (day != NULL)
    *day = g_date_get_day (&d);
}

/* The first day of the month @months after the month of (@year, @month). */
static RolloutDate
month_start (int year,
             int month,
             int months)
{
  int m = (year * 12 + (month - 1)) + months;

  return rollout_date_from_ymd (m / 12, m % 12 + 1, 1);
}

static RolloutDate
align_down (RolloutTimelineZoom zoom,
            RolloutDate         date)
{
  int y, m;

  switch (zoom)
    {
    case ROLLOUT_TIMELINE_ZOOM_MONTH:
      date_to_ymd (date, &y, &m, NULL);
      return month_start (y, m, 0);
    case ROLLOUT_TIMELINE_ZOOM_QUARTER:
      date_to_ymd (date, &y, &m, NULL);
      return month_start (y, m - (m - 1) % 3, 0);
    case ROLLOUT_TIMELINE_ZOOM_DAY:
    case ROLLOUT_TIMELINE_ZOOM_WEEK:
    default:
      return date - (weekday_of (date) - 1);
    }
}

/* The start of the unit after the one holding @date. */
static RolloutDate
next_unit (RolloutTimelineZoom zoom,
           RolloutDate         date)
{
  int y, m;

  switch (zoom)
    {
    case ROLLOUT_TIMELINE_ZOOM_MONTH:
      date_to_ymd (date, &y, &m, NULL);
      return month_start (y, m, 1);
    case ROLLOUT_TIMELINE_ZOOM_QUARTER:
      date_to_ymd (date, &y, &m, NULL);
      return month_start (y, m - (m - 1) % 3, 3);
    case ROLLOUT_TIMELINE_ZOOM_DAY:
    case ROLLOUT_TIMELINE_ZOOM_WEEK:
    default:
      return align_down (zoom, date) + 7;
    }
}

/* Options ----------------------------------------------------------------- */

/**
 * rollout_timeline_zoom_get_day_width:
 * @zoom: a zoom level
 *
 * Returns: the pixels per day the zoom level shows by default
 */
double
rollout_timeline_zoom_get_day_width (RolloutTimelineZoom zoom)
{
  switch (zoom)
    {
    case ROLLOUT_TIMELINE_ZOOM_DAY:
      return 30.0;
    case ROLLOUT_TIMELINE_ZOOM_MONTH:
      return 4.0;
    case ROLLOUT_TIMELINE_ZOOM_QUARTER:
      return 1.5;
    case ROLLOUT_TIMELINE_ZOOM_WEEK:
    default:
      return 12.0;
    }
}

/**
 * rollout_timeline_options_init:
 * @options: options to fill
 *
 * Sets @options to the default zoom and row height, no today, no critical
 * path and nothing collapsed.
 */
void
rollout_timeline_options_init (RolloutTimelineOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->zoom = ROLLOUT_TIMELINE_ZOOM_DEFAULT;
  options->row_height = ROLLOUT_TIMELINE_ROW_HEIGHT;
  options->today = ROLLOUT_DATE_NONE;
}

/* Building ---------------------------------------------------------------- */

/* What a layout is made from: the project's objects are fetched once, in
 * plan order, for all the passes below. */
typedef struct {
  RolloutProject               *project;
  const RolloutTimelineOptions *options;
  RolloutTask                 **tasks;   /* borrowed: the project holds them */
  guint                         n_tasks;
  RolloutPhase                **phases;  /* borrowed too */
  guint                         n_phases;
} Input;

static gpointer *
fetch_objects (GListModel *model,
               guint      *out_n)
{
  guint n = g_list_model_get_n_items (model);
  gpointer *objects = g_new (gpointer, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      objects[i] = g_list_model_get_item (model, i);
      g_object_unref (objects[i]);
    }
  *out_n = n;
  return objects;
}

static inline double
date_x (RolloutTimelineLayout *self,
        RolloutDate            date)
{
  return ((double) date - (double) self->first_date) * self->day_width;
}

static const char *
intern (RolloutTimelineLayout *self,
        const char            *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_string_chunk_insert_const (self->strings, text);
}

/* The first and last dates anything in the plan has; FALSE when none. */
static gboolean
find_date_range (const Input *in,
                 RolloutDate *out_lo,
                 RolloutDate *out_hi)
{
  RolloutDate lo = rollout_project_get_start (in->project);
  RolloutDate hi = lo;

  for (guint i = 0; i < in->n_tasks; i++)
    {
      RolloutDate start = rollout_task_get_start (in->tasks[i]);
      RolloutDate finish = rollout_task_get_finish (in->tasks[i]);

      if (start == ROLLOUT_DATE_NONE)
        continue;
      if (finish < start)
        finish = start;
      if (lo == ROLLOUT_DATE_NONE || start < lo)
        lo = start;
      if (hi == ROLLOUT_DATE_NONE || finish > hi)
        hi = finish;
    }
  for (guint p = 0; p < in->n_phases; p++)
    {
      RolloutDate planned = rollout_phase_get_planned_start (in->phases[p]);

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

static void
set_date_range (RolloutTimelineLayout *self,
                const Input           *in)
{
  RolloutDate lo, hi;
  int y, m;

  if (!find_date_range (in, &lo, &hi))
    {
      if (in->options->today == ROLLOUT_DATE_NONE)
        return;
      lo = hi = in->options->today;
    }

  /* A margin of at least one unit on each side, aligned to the unit. */
  switch (self->zoom)
    {
    case ROLLOUT_TIMELINE_ZOOM_MONTH:
      date_to_ymd (lo, &y, &m, NULL);
      self->first_date = month_start (y, m, -1);
      date_to_ymd (hi, &y, &m, NULL);
      self->end_date = month_start (y, m, 2);
      break;
    case ROLLOUT_TIMELINE_ZOOM_QUARTER:
      date_to_ymd (lo, &y, &m, NULL);
      self->first_date = month_start (y, m - (m - 1) % 3, -3);
      date_to_ymd (hi, &y, &m, NULL);
      self->end_date = month_start (y, m - (m - 1) % 3, 6);
      break;
    case ROLLOUT_TIMELINE_ZOOM_WEEK:
      self->first_date = align_down (self->zoom, lo > 14 ? lo - 14 : 1);
      self->end_date = align_down (self->zoom, hi + 14) + 7;
      break;
    case ROLLOUT_TIMELINE_ZOOM_DAY:
    default:
      self->first_date = align_down (self->zoom, lo > 7 ? lo - 7 : 1);
      self->end_date = align_down (self->zoom, hi + 7) + 7;
      break;
    }
}

static void
layout_task_row (RolloutTimelineLayout *self,
                 const Input           *in,
                 RolloutTimelineRow    *row,
                 RolloutTask           *task)
{
  const RolloutTimelineOptions *options = in->options;
  RolloutTaskStatus status = rollout_task_get_status (task);
  const char *team_id = rollout_task_get_team_id (task);
  double bar_height = round (self->row_height * 0.56);

  row->kind = ROLLOUT_TIMELINE_ROW_TASK;
  row->object = g_object_ref (task);
  row->id = rollout_task_get_id (task);
  row->label = g_string_chunk_insert (self->strings, rollout_task_get_name (task) ? rollout_task_get_name (task) : "");
  row->owner = intern (self, rollout_task_get_owner (task));
  row->start = rollout_task_get_start (task);
  row->finish = rollout_task_get_finish (task);
  row->progress = status == ROLLOUT_TASK_STATUS_DONE ? 100 : CLAMP (rollout_task_get_progress (task), 0, 100);

  if (team_id != NULL)
    {
      RolloutTeam *team = rollout_project_lookup_team (in->project, team_id);

      if (team != NULL)
        row->color = intern (self, rollout_team_get_color (team));
    }

  if (rollout_task_is_milestone (task))
    row->flags |= ROLLOUT_TIMELINE_FLAG_MILESTONE;
  if (status == ROLLOUT_TASK_STATUS_DONE)
    row->flags |= ROLLOUT_TIMELINE_FLAG_DONE;
  if (status == ROLLOUT_TASK_STATUS_BLOCKED)
    row->flags |= ROLLOUT_TIMELINE_FLAG_BLOCKED;

  if (row->start == ROLLOUT_DATE_NONE || self->first_date == ROLLOUT_DATE_NONE)
    {
      row->flags |= ROLLOUT_TIMELINE_FLAG_UNSCHEDULED;
      row->bar.y = row->y + (row->height - bar_height) / 2;
      row->bar.height = bar_height;
      return;
    }
  if (row->finish < row->start)
    row->finish = row->start;

  if (options->show_critical && rollout_task_get_critical (task))
    row->flags |= ROLLOUT_TIMELINE_FLAG_CRITICAL;
  if (options->today != ROLLOUT_DATE_NONE && row->finish < options->today &&
      status != ROLLOUT_TASK_STATUS_DONE)
    row->flags |= ROLLOUT_TIMELINE_FLAG_LATE;

  if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
    {
      /* A diamond in the middle of its day, a little taller than a bar. */
      double radius = round (bar_height / 2 + self->row_height * 0.06);

      row->milestone.x = date_x (self, row->start) + self->day_width / 2;
      row->milestone.y = row->y + row->height / 2;
      row->bar.x = row->milestone.x - radius;
      row->bar.y = row->milestone.y - radius;
      row->bar.width = 2 * radius;
      row->bar.height = 2 * radius;
      row->progress_width = row->progress >= 100 ? row->bar.width : 0;
    }
  else
    {
      row->bar.x = date_x (self, row->start);
      row->bar.y = row->y + (row->height - bar_height) / 2;
      row->bar.width = date_x (self, row->finish + 1) - row->bar.x;
      row->bar.height = bar_height;
      row->progress_width = row->bar.width * row->progress / 100.0;
    }
}

static void
layout_phase_row (RolloutTimelineLayout *self,
                  RolloutTimelineRow    *row,
                  RolloutPhase          *phase,
                  guint                  n_tasks,
                  gboolean               collapsed)
{
  double thickness = round (self->row_height * 0.25);

  row->kind = ROLLOUT_TIMELINE_ROW_PHASE;
  row->object = g_object_ref (phase);
  row->id = rollout_phase_get_id (phase);
  row->label = g_string_chunk_insert (self->strings, rollout_phase_get_name (phase) ? rollout_phase_get_name (phase) : "");
  row->start = rollout_phase_get_start (phase);
  row->finish = rollout_phase_get_finish (phase);
  row->phase_row = -1;
  row->n_tasks = n_tasks;
  row->progress = rollout_phase_get_status (phase) == ROLLOUT_PHASE_STATUS_COMPLETED ? 100 : 0;
  if (collapsed)
    row->flags |= ROLLOUT_TIMELINE_FLAG_COLLAPSED;

  row->bar.y = row->y + (row->height - thickness) / 2;
  row->bar.height = thickness;
  if (row->start == ROLLOUT_DATE_NONE || self->first_date == ROLLOUT_DATE_NONE)
    {
      row->flags |= ROLLOUT_TIMELINE_FLAG_UNSCHEDULED;
      return;
    }
  if (row->finish < row->start)
    row->finish = row->start;
  row->bar.x = date_x (self, row->start);
  row->bar.width = date_x (self, row->finish + 1) - row->bar.x;
  row->progress_width = row->bar.width * row->progress / 100.0;
}

static void
layout_rows (RolloutTimelineLayout *self,
             const Input           *in)
{
  guint n_tasks = in->n_tasks;
  guint n_phases = in->n_phases;
  g_autofree guint *task_group = g_new (guint, MAX (n_tasks, 1));
  g_autofree guint *group_first = g_new0 (guint, n_phases + 2);
  g_autofree guint *order = g_new (guint, MAX (n_tasks, 1));
  g_autofree gboolean *collapsed = g_new0 (gboolean, n_phases + 1);
  g_autoptr(GHashTable) position = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_rows = n_phases, r = 0;

  /* Group tasks under their phases, keeping plan order within each group
   * (a counting sort). Group n_phases holds tasks whose phase is unknown; it
   * has no header. Ids are borrowed: the project holds its objects while
   * this runs, and rows hold references afterwards. */
  for (guint p = 0; p < n_phases; p++)
    {
      const char *id = rollout_phase_get_id (in->phases[p]);

      /* The first phase with an id wins, as in the scheduler. */
      if (!g_hash_table_contains (position, id))
        g_hash_table_insert (position, (gpointer) id, GUINT_TO_POINTER (p + 1));
      collapsed[p] = in->options->collapsed_phases != NULL &&
                     g_hash_table_contains (in->options->collapsed_phases, id);
    }
  for (guint i = 0; i < n_tasks; i++)
    {
      const char *phase_id = rollout_task_get_phase_id (in->tasks[i]);
      guint p = phase_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (position, phase_id)) : 0;

      task_group[i] = p != 0 ? p - 1 : n_phases;
      group_first[task_group[i] + 1]++;
    }
  for (guint g = 0; g <= n_phases; g++)
    {
      if (!collapsed[g])
        n_rows += group_first[g + 1];
      group_first[g + 1] += group_first[g];
    }
  {
    g_autofree guint *fill = g_memdup2 (group_first, sizeof (guint) * (n_phases + 1));

    for (guint i = 0; i < n_tasks; i++)
      order[fill[task_group[i]]++] = i;
  }

  self->rows = g_new0 (RolloutTimelineRow, MAX (n_rows, 1));
  self->n_rows = n_rows;

  for (guint g = 0; g <= n_phases; g++)
    {
      guint header = r;
      guint count = group_first[g + 1] - group_first[g];

      if (g < n_phases)
        {
          RolloutTimelineRow *row = &self->rows[r];

          row->y = r * self->row_height;
          row->height = self->row_height;
          layout_phase_row (self, row, in->phases[g], count, collapsed[g]);
          if (!g_hash_table_contains (self->phase_rows, row->id))
            g_hash_table_insert (self->phase_rows, (gpointer) row->id, GUINT_TO_POINTER (r + 1));
          r++;
        }

      for (guint k = group_first[g]; k < group_first[g + 1] && !collapsed[g]; k++)
        {
          RolloutTimelineRow *row = &self->rows[r];

          row->y = r * self->row_height;
          row->height = self->row_height;
          row->phase_row = g < n_phases ? (int) header : -1;
          layout_task_row (self, in, row, in->tasks[order[k]]);
          /* Ids are unique in a project; insert never replaces. */
          g_hash_table_insert (self->task_rows, (gpointer) row->id, GUINT_TO_POINTER (r + 1));
          r++;
        }

      if (g < n_phases && !(self->rows[header].flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED))
        {
          const RolloutTimelineRow *head = &self->rows[header];
          RolloutTimelineBand band = {
            .row = header,
            .n_rows = r - header,
            .rect = { head->bar.x, head->y, head->bar.width, (r - header) * self->row_height },
            .phase = head->object,
          };

          g_array_append_val (self->bands, band);
        }
    }
  g_assert (r == n_rows);
}

/* Arrows ------------------------------------------------------------------ */

/* Working-day indices of a task row: start, and the day after its end. */
static void
row_indices (RolloutCalendar          *calendar,
             const RolloutTimelineRow *row,
             gint64                   *es,
             gint64                   *ef)
{
  *es = rollout_calendar_to_index (calendar, row->start);
  if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
    *ef = *es;
  else
    *ef = rollout_calendar_to_index (calendar, row->finish) + 1;
}

/* Whether a link decides its successor's dates (it has no free slack), as
 * the scheduler's forward pass computes them. */
static gboolean
link_is_driving (RolloutCalendar          *calendar,
                 const RolloutTimelineRow *pred,
                 const RolloutTimelineRow *succ,
                 const RolloutDependency  *dep)
{
  gint64 es_p, ef_p, es_s, ef_s;

  row_indices (calendar, pred, &es_p, &ef_p);
  row_indices (calendar, succ, &es_s, &ef_s);
  switch (dep->type)
    {
    case ROLLOUT_DEPENDENCY_SS:
      return es_s == es_p + dep->lag;
    case ROLLOUT_DEPENDENCY_FF:
      return ef_s == ef_p + dep->lag;
    case ROLLOUT_DEPENDENCY_SF:
      return ef_s == es_p + dep->lag;
    case ROLLOUT_DEPENDENCY_FS:
    default:
      return es_s == ef_p + dep->lag;
    }
}

static void
add_arrow (RolloutTimelineLayout *self,
           guint                  from,
           guint                  to,
           RolloutDependencyType  type,
           guint                  flags)
{
  const RolloutTimelineRow *pred = &self->rows[from];
  const RolloutTimelineRow *succ = &self->rows[to];
  gboolean from_end = type == ROLLOUT_DEPENDENCY_FS || type == ROLLOUT_DEPENDENCY_FF;
  gboolean to_start = type == ROLLOUT_DEPENDENCY_FS || type == ROLLOUT_DEPENDENCY_SS;
  double xs = from_end ? pred->bar.x + pred->bar.width : pred->bar.x;
  double xt = to_start ? succ->bar.x : succ->bar.x + succ->bar.width;
  double ys = pred->y + pred->height / 2;
  double yt = succ->y + succ->height / 2;
  /* Directions of travel: leaving the source, and arriving at the target. */
  int out = from_end ? 1 : -1;
  int in = to_start ? 1 : -1;
  double lower = -G_MAXDOUBLE, upper = G_MAXDOUBLE;
  RolloutTimelineArrow arrow = { from, to, type, flags, NULL, 0, { 0 } };
  RolloutTimelinePoint pts[6];
  double min_x, max_x, min_y, max_y;

  /* A vertical at v works when v is past the source's stub and before the
   * target's. */
  if (out > 0)
    lower = MAX (lower, xs + ARROW_STUB);
  else
    upper = MIN (upper, xs - ARROW_STUB);
  if (in > 0)
    upper = MIN (upper, xt - ARROW_STUB);
  else
    lower = MAX (lower, xt + ARROW_STUB);

  pts[0] = (RolloutTimelinePoint) { xs, ys };
  if (lower <= upper)
    {
      double v = out > 0 ? lower : upper;

      pts[1] = (RolloutTimelinePoint) { v, ys };
      pts[2] = (RolloutTimelinePoint) { v, yt };
      pts[3] = (RolloutTimelinePoint) { xt, yt };
      arrow.n_points = 4;
    }
  else
    {
      double v1 = xs + out * ARROW_STUB;
      double v2 = xt - in * ARROW_STUB;
      double gap = yt > ys ? pred->y + pred->height : pred->y;

      pts[1] = (RolloutTimelinePoint) { v1, ys };
      pts[2] = (RolloutTimelinePoint) { v1, gap };
      pts[3] = (RolloutTimelinePoint) { v2, gap };
      pts[4] = (RolloutTimelinePoint) { v2, yt };
      pts[5] = (RolloutTimelinePoint) { xt, yt };
      arrow.n_points = 6;
    }

  min_x = max_x = pts[0].x;
  min_y = max_y = pts[0].y;
  for (guint i = 1; i < arrow.n_points; i++)
    {
      min_x = MIN (min_x, pts[i].x);
      max_x = MAX (max_x, pts[i].x);
      min_y = MIN (min_y, pts[i].y);
      max_y = MAX (max_y, pts[i].y);
    }
  arrow.bounds.x = min_x - ARROW_HEAD;
  arrow.bounds.y = min_y - ARROW_HEAD;
  arrow.bounds.width = max_x - min_x + 2 * ARROW_HEAD;
  arrow.bounds.height = max_y - min_y + 2 * ARROW_HEAD;

  /* Points are linked to their arrows once the array stops growing. */
  arrow.points = GUINT_TO_POINTER (self->points->len);
  g_array_append_vals (self->points, pts, arrow.n_points);
  g_array_append_val (self->arrows, arrow);
}

static void
layout_arrows (RolloutTimelineLayout *self,
               const Input           *in)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (in->project);
  RolloutTimelineArrow *arrows;
  guint n_short = 0;

  for (guint r = 0; r < self->n_rows; r++)
    {
      const RolloutTimelineRow *succ = &self->rows[r];
      GPtrArray *deps;

      if (succ->kind != ROLLOUT_TIMELINE_ROW_TASK ||
          (succ->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED))
        continue;

      deps = rollout_task_get_dependencies (succ->object);
      for (guint d = 0; deps != NULL && d < deps->len; d++)
        {
          const RolloutDependency *dep = g_ptr_array_index (deps, d);
          guint from = dep->task_id != NULL
                       ? GPOINTER_TO_UINT (g_hash_table_lookup (self->task_rows, dep->task_id))
                       : 0;
          const RolloutTimelineRow *pred;
          guint flags = 0;

          /* Predecessors in collapsed phases have no row to start from. */
          if (from == 0 || from - 1 == r)
            continue;
          pred = &self->rows[from - 1];
          if (pred->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED)
            continue;
          if ((pred->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL) &&
              (succ->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL) &&
              link_is_driving (calendar, pred, succ, dep))
            flags |= ROLLOUT_TIMELINE_FLAG_CRITICAL;
          add_arrow (self, from - 1, r, dep->type, flags);
        }
    }

  arrows = (RolloutTimelineArrow *) (gpointer) self->arrows->data;
  for (guint i = 0; i < self->arrows->len; i++)
    arrows[i].points = &g_array_index (self->points, RolloutTimelinePoint,
                                       GPOINTER_TO_UINT (arrows[i].points));

  /* Index short arrows by their top row. */
  self->short_first = g_new0 (guint, self->n_rows + 2);
  for (guint i = 0; i < self->arrows->len; i++)
    {
      guint top = MIN (arrows[i].from_row, arrows[i].to_row);
      guint bottom = MAX (arrows[i].from_row, arrows[i].to_row);

      if (bottom - top <= SHORT_ARROW_ROWS)
        {
          self->short_first[top + 1]++;
          n_short++;
        }
      else
        g_array_append_val (self->long_arrows, i);
    }
  for (guint r = 0; r <= self->n_rows; r++)
    self->short_first[r + 1] += self->short_first[r];
  self->short_arrows = g_new (guint, MAX (n_short, 1));
  {
    g_autofree guint *fill = g_memdup2 (self->short_first, sizeof (guint) * (self->n_rows + 1));

    for (guint i = 0; i < self->arrows->len; i++)
      {
        guint top = MIN (arrows[i].from_row, arrows[i].to_row);
        guint bottom = MAX (arrows[i].from_row, arrows[i].to_row);

        if (bottom - top <= SHORT_ARROW_ROWS)
          self->short_arrows[fill[top]++] = i;
      }
  }
}

/* The time scale ---------------------------------------------------------- */

typedef struct {
  RolloutDate  date;
  const char  *name;
} HolidayEntry;

static int
compare_holiday (gconstpointer a,
                 gconstpointer b)
{
  const HolidayEntry *ha = a;
  const HolidayEntry *hb = b;

  return (ha->date > hb->date) - (ha->date < hb->date);
}

static void
layout_non_working (RolloutTimelineLayout *self,
                    RolloutProject        *project)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (project);
  guint mask = rollout_calendar_get_working_days (calendar);
  GPtrArray *list = rollout_calendar_get_holidays (calendar);
  guint n_holidays = list != NULL ? list->len : 0;
  g_autofree HolidayEntry *holidays = g_new (HolidayEntry, MAX (n_holidays, 1));
  guint h = 0;
  guint weekday;

  for (guint i = 0; i < n_holidays; i++)
    {
      const RolloutHoliday *holiday = g_ptr_array_index (list, i);

      holidays[i].date = holiday->date;
      holidays[i].name = holiday->name;
    }
  qsort (holidays, n_holidays, sizeof *holidays, compare_holiday);

  weekday = weekday_of (self->first_date);
  for (RolloutDate d = self->first_date; d < self->end_date; d++)
    {
      gboolean off_by_week = !(mask & (1u << (weekday - 1)));
      const char *holiday = NULL;
      RolloutTimelineSpan *last = NULL;

      weekday = weekday % 7 + 1;
      while (h < n_holidays && holidays[h].date < d)
        h++;
      if (!off_by_week && h < n_holidays && holidays[h].date == d)
        {
          holiday = intern (self, holidays[h].name);
          if (holiday == NULL)
            holiday = intern (self, _("Holiday"));
        }
      if (!off_by_week && holiday == NULL)
        continue;

      if (self->spans->len > 0)
        last = &g_array_index (self->spans, RolloutTimelineSpan, self->spans->len - 1);
      if (last != NULL && last->start + last->n_days == d && last->holiday == holiday)
        {
          last->n_days++;
          last->width = date_x (self, d + 1) - last->x;
        }
      else
        {
          RolloutTimelineSpan span = { d, 1, date_x (self, d), self->day_width, holiday };

          g_array_append_val (self->spans, span);
        }
    }
}

static const char *
weekday_letter (guint weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return C_("weekday letter", "M");
    case G_DATE_TUESDAY:
      return C_("weekday letter", "T");
    case G_DATE_WEDNESDAY:
      return C_("weekday letter", "W");
    case G_DATE_THURSDAY:
      return C_("weekday letter", "T");
    case G_DATE_FRIDAY:
      return C_("weekday letter", "F");
    case G_DATE_SATURDAY:
      return C_("weekday letter", "S");
    case G_DATE_SUNDAY:
    default:
      return C_("weekday letter", "S");
    }
}

/* "%OB %Y" and friends, for the first day of a month. */
static char *
format_month (int         year,
              int         month,
              const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  return dt != NULL ? g_date_time_format (dt, format) : g_strdup_printf ("%d-%02d", year, month);
}

static void
add_tick (RolloutTimelineLayout *self,
          RolloutTimelineScale   scale,
          RolloutDate            start,
          RolloutDate            next,
          const char            *label,
          gboolean               non_working)
{
  RolloutTimelineTick tick;

  start = MAX (start, self->first_date);
  next = MIN (next, self->end_date);
  tick.date = start;
  tick.x = date_x (self, start);
  tick.width = date_x (self, next) - tick.x;
  /* Labels repeat little; copying is cheaper than hashing them. */
  tick.label = g_string_chunk_insert (self->strings, label);
  tick.non_working = non_working;
  g_array_append_val (self->ticks[scale], tick);
}

static void
layout_months (RolloutTimelineLayout *self,
               RolloutTimelineScale   scale,
               gboolean               with_year)
{
  /* TRANSLATORS: a month on the timeline's scale, see g_date_time_format() */
  const char *format = with_year ? C_("timeline month", "%OB %Y") : C_("timeline month", "%Ob");
  int y, m;

  date_to_ymd (self->first_date, &y, &m, NULL);
  for (RolloutDate d = month_start (y, m, 0); d < self->end_date; m++)
    {
      RolloutDate next = month_start (y, m, 1);
      g_autofree char *label = format_month (y + (m - 1) / 12, (m - 1) % 12 + 1, format);

      add_tick (self, scale, d, next, label, FALSE);
      d = next;
    }
}

static void
layout_years (RolloutTimelineLayout *self,
              RolloutTimelineScale   scale)
{
  int y, m;

  date_to_ymd (self->first_date, &y, &m, NULL);
  for (RolloutDate d = rollout_date_from_ymd (y, 1, 1); d < self->end_date; y++)
    {
      RolloutDate next = rollout_date_from_ymd (y + 1, 1, 1);
      char label[16];

      g_snprintf (label, sizeof label, "%d", y);
      add_tick (self, scale, d, next, label, FALSE);
      d = next;
    }
}

static void
layout_quarters (RolloutTimelineLayout *self,
                 RolloutTimelineScale   scale)
{
  RolloutDate d = align_down (ROLLOUT_TIMELINE_ZOOM_QUARTER, self->first_date);

  while (d < self->end_date)
    {
      RolloutDate next = next_unit (ROLLOUT_TIMELINE_ZOOM_QUARTER, d);
      g_autofree char *label = NULL;
      int y, m;

      date_to_ymd (d, &y, &m, NULL);
      /* TRANSLATORS: a quarter of the year on the timeline's scale */
      label = g_strdup_printf (C_("timeline quarter", "Q%d"), (m - 1) / 3 + 1);
      add_tick (self, scale, d, next, label, FALSE);
      d = next;
    }
}

static void
layout_weeks (RolloutTimelineLayout *self,
              RolloutTimelineScale   scale)
{
  char *months[12];
  RolloutDate d = align_down (ROLLOUT_TIMELINE_ZOOM_WEEK, self->first_date);

  for (int m = 0; m < 12; m++)
    months[m] = format_month (2001, m + 1, "%b");

  for (; d < self->end_date; d += 7)
    {
      char label[64];
      int y, m, day;

      date_to_ymd (d, &y, &m, &day);
      /* TRANSLATORS: the first day of a week on the timeline's scale:
       * abbreviated month name and day of the month ("Feb 2") */
      g_snprintf (label, sizeof label, C_("timeline week", "%1$s %2$d"), months[m - 1], day);
      add_tick (self, scale, d, d + 7, label, FALSE);
    }

  for (int m = 0; m < 12; m++)
    g_free (months[m]);
}

static void
layout_days (RolloutTimelineLayout *self,
             RolloutTimelineScale   scale)
{
  const RolloutTimelineSpan *spans = (const RolloutTimelineSpan *) (gpointer) self->spans->data;
  guint s = 0;

  for (RolloutDate d = self->first_date; d < self->end_date; d++)
    {
      char label[32];
      int y, m, day;

      while (s < self->spans->len && spans[s].start + spans[s].n_days <= d)
        s++;
      date_to_ymd (d, &y, &m, &day);
      /* A thin space keeps "W 28" within a day's width. */
      g_snprintf (label, sizeof label, "%s\u2009%d", weekday_letter (weekday_of (d)), day);
      add_tick (self, scale, d, d + 1, label,
                s < self->spans->len && spans[s].start <= d);
    }
}

static void
layout_scale (RolloutTimelineLayout *self)
{
  switch (self->zoom)
    {
    case ROLLOUT_TIMELINE_ZOOM_DAY:
      layout_months (self, ROLLOUT_TIMELINE_SCALE_MAJOR, TRUE);
      layout_days (self, ROLLOUT_TIMELINE_SCALE_MINOR);
      break;
    case ROLLOUT_TIMELINE_ZOOM_MONTH:
      layout_years (self, ROLLOUT_TIMELINE_SCALE_MAJOR);
      layout_months (self, ROLLOUT_TIMELINE_SCALE_MINOR, FALSE);
      break;
    case ROLLOUT_TIMELINE_ZOOM_QUARTER:
      layout_years (self, ROLLOUT_TIMELINE_SCALE_MAJOR);
      layout_quarters (self, ROLLOUT_TIMELINE_SCALE_MINOR);
      break;
    case ROLLOUT_TIMELINE_ZOOM_WEEK:
    default:
      layout_months (self, ROLLOUT_TIMELINE_SCALE_MAJOR, TRUE);
      layout_weeks (self, ROLLOUT_TIMELINE_SCALE_MINOR);
      break;
    }
}

/* Public API -------------------------------------------------------------- */

/**
 * rollout_timeline_layout_new:
 * @project: a scheduled #RolloutProject (see rollout_project_schedule())
 * @options: what to lay it out for
 *
 * Computes the timeline's geometry. Takes time linear in the tasks, the
 * dependencies and the days shown.
 *
 * Returns: (transfer full): a new layout
 */
RolloutTimelineLayout *
rollout_timeline_layout_new (RolloutProject               *project,
                             const RolloutTimelineOptions *options)
{
  RolloutTimelineLayout *self;
  RolloutTimelineOptions defaults;
  Input input;
  guint n_days;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  if (options == NULL)
    {
      rollout_timeline_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (RolloutTimelineLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->zoom = CLAMP (options->zoom, ROLLOUT_TIMELINE_ZOOM_DAY, ROLLOUT_TIMELINE_ZOOM_QUARTER);
  self->day_width = options->day_width > 0 ? options->day_width
                                           : rollout_timeline_zoom_get_day_width (self->zoom);
  self->row_height = options->row_height > 0 ? options->row_height : ROLLOUT_TIMELINE_ROW_HEIGHT;
  self->today = options->today;
  self->strings = g_string_chunk_new (4096);
  self->long_arrows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->task_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->phase_rows = g_hash_table_new (g_str_hash, g_str_equal);

  input.project = project;
  input.options = options;
  input.tasks = (RolloutTask **) fetch_objects (rollout_project_get_tasks (project), &input.n_tasks);
  input.phases = (RolloutPhase **) fetch_objects (rollout_project_get_phases (project), &input.n_phases);

  set_date_range (self, &input);

  /* Sized up front: regrowing arrays of this size costs more than filling
   * them. Days bound the ticks and spans; two dependencies per task is a
   * generous guess for arrows. */
  n_days = self->first_date != ROLLOUT_DATE_NONE ? self->end_date - self->first_date : 0;
  self->bands = g_array_sized_new (FALSE, FALSE, sizeof (RolloutTimelineBand), input.n_phases);
  self->arrows = g_array_sized_new (FALSE, FALSE, sizeof (RolloutTimelineArrow), 2 * input.n_tasks);
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (RolloutTimelinePoint), 10 * input.n_tasks);
  self->ticks[0] = g_array_sized_new (FALSE, FALSE, sizeof (RolloutTimelineTick), n_days / 28 + 2);
  self->ticks[1] = g_array_sized_new (FALSE, FALSE, sizeof (RolloutTimelineTick),
                                      self->zoom == ROLLOUT_TIMELINE_ZOOM_DAY ? n_days : n_days / 7 + 2);
  self->spans = g_array_sized_new (FALSE, FALSE, sizeof (RolloutTimelineSpan), n_days / 7 * 2 + 8);

  layout_rows (self, &input);
  layout_arrows (self, &input);
  if (self->first_date != ROLLOUT_DATE_NONE)
    {
      layout_non_working (self, project);
      layout_scale (self);
    }

  g_free (input.tasks);
  g_free (input.phases);
  return self;
}

/**
 * rollout_timeline_layout_ref:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: (transfer full): @self
 */
RolloutTimelineLayout *
rollout_timeline_layout_ref (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * rollout_timeline_layout_unref:
 * @self: (transfer full): a #RolloutTimelineLayout
 *
 * Drops a reference; the last one frees the layout and its objects'
 * references.
 */
void
rollout_timeline_layout_unref (RolloutTimelineLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_rows; i++)
    g_clear_object (&self->rows[i].object);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->arrows, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->ticks[0], g_array_unref);
  g_clear_pointer (&self->ticks[1], g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->short_arrows, g_free);
  g_clear_pointer (&self->short_first, g_free);
  g_clear_pointer (&self->long_arrows, g_array_unref);
  g_clear_pointer (&self->task_rows, g_hash_table_unref);
  g_clear_pointer (&self->phase_rows, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

/**
 * rollout_timeline_layout_get_zoom:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: the zoom level the layout was made for
 */
RolloutTimelineZoom
rollout_timeline_layout_get_zoom (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, ROLLOUT_TIMELINE_ZOOM_DEFAULT);

  return self->zoom;
}

/**
 * rollout_timeline_layout_get_day_width:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: pixels per calendar day
 */
double
rollout_timeline_layout_get_day_width (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->day_width;
}

/**
 * rollout_timeline_layout_get_row_height:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: the height of every row
 */
double
rollout_timeline_layout_get_row_height (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_height;
}

/**
 * rollout_timeline_layout_get_width:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: the width of the whole time range, in pixels
 */
double
rollout_timeline_layout_get_width (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->first_date == ROLLOUT_DATE_NONE)
    return 0;
  return date_x (self, self->end_date);
}

/**
 * rollout_timeline_layout_get_height:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: the height of all rows
 */
double
rollout_timeline_layout_get_height (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows * self->row_height;
}

/**
 * rollout_timeline_layout_get_first_date:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: the first day shown (at x = 0), or %ROLLOUT_DATE_NONE when the
 *   plan has no dates at all
 */
RolloutDate
rollout_timeline_layout_get_first_date (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, ROLLOUT_DATE_NONE);

  return self->first_date;
}

/**
 * rollout_timeline_layout_get_end_date:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: the day after the last day shown
 */
RolloutDate
rollout_timeline_layout_get_end_date (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, ROLLOUT_DATE_NONE);

  return self->end_date;
}

/**
 * rollout_timeline_layout_date_to_x:
 * @self: a #RolloutTimelineLayout
 * @date: a date
 *
 * Returns: the x of the start of @date (it may lie outside the range)
 */
double
rollout_timeline_layout_date_to_x (RolloutTimelineLayout *self,
                                   RolloutDate            date)
{
  g_return_val_if_fail (self != NULL, 0);

  return date_x (self, date);
}

/**
 * rollout_timeline_layout_x_to_date:
 * @self: a #RolloutTimelineLayout
 * @x: a position
 *
 * Returns: the day under @x, clamped to the range shown
 */
RolloutDate
rollout_timeline_layout_x_to_date (RolloutTimelineLayout *self,
                                   double                 x)
{
  double days;

  g_return_val_if_fail (self != NULL, ROLLOUT_DATE_NONE);

  if (self->first_date == ROLLOUT_DATE_NONE)
    return ROLLOUT_DATE_NONE;
  days = floor (x / self->day_width);
  days = CLAMP (days, 0, (double) (self->end_date - self->first_date - 1));
  return self->first_date + (RolloutDate) days;
}

/**
 * rollout_timeline_layout_get_today_x:
 * @self: a #RolloutTimelineLayout
 * @out_x: (out) (optional): where to store the x of the middle of today
 *
 * Returns: %TRUE when today was given and lies in the range shown
 */
gboolean
rollout_timeline_layout_get_today_x (RolloutTimelineLayout *self,
                                     double                *out_x)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->today == ROLLOUT_DATE_NONE || self->first_date == ROLLOUT_DATE_NONE ||
      self->today < self->first_date || self->today >= self->end_date)
    return FALSE;
  if (out_x != NULL)
    *out_x = date_x (self, self->today) + self->day_width / 2;
  return TRUE;
}

/**
 * rollout_timeline_layout_get_n_rows:
 * @self: a #RolloutTimelineLayout
 *
 * Returns: how many rows there are: every phase, and the tasks of the
 *   phases that are not collapsed
 */
guint
rollout_timeline_layout_get_n_rows (RolloutTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

/**
 * rollout_timeline_layout_get_row:
 * @self: a #RolloutTimelineLayout
 * @index: a row index, below rollout_timeline_layout_get_n_rows()
 *
 * Returns: (transfer none): the row
 */
const RolloutTimelineRow *
rollout_timeline_layout_get_row (RolloutTimelineLayout *self,
                                 guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_rows, NULL);

  return &self->rows[index];
}

/**
 * rollout_timeline_layout_find_row:
 * @self: a #RolloutTimelineLayout
 * @object: a #RolloutTask or #RolloutPhase
 *
 * Returns: the index of @object's row, or -1 when it has none (a task of a
 *   collapsed phase, or an object the layout was not made with)
 */
int
rollout_timeline_layout_find_row (RolloutTimelineLayout *self,
                                  gpointer               object)
{
  guint row = 0;

  g_return_val_if_fail (self != NULL, -1);

  if (ROLLOUT_IS_TASK (object))
    row = GPOINTER_TO_UINT (g_hash_table_lookup (self->task_rows, rollout_task_get_id (object)));
  else if (ROLLOUT_IS_PHASE (object))
    row = GPOINTER_TO_UINT (g_hash_table_lookup (self->phase_rows, rollout_phase_get_id (object)));

  if (row == 0 || self->rows[row - 1].object != object)
    return -1;
  return (int) row - 1;
}

/**
 * rollout_timeline_layout_get_bands:
 * @self: a #RolloutTimelineLayout
 * @n_bands: (out): where to store how many there are
 *
 * Returns: (array length=n_bands) (transfer none): the phase bands, in
 *   row order
 */
const RolloutTimelineBand *
rollout_timeline_layout_get_bands (RolloutTimelineLayout *self,
                                   guint                 *n_bands)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_bands != NULL, NULL);

  *n_bands = self->bands->len;
  return (const RolloutTimelineBand *) (gpointer) self->bands->data;
}

/**
 * rollout_timeline_layout_get_arrows:
 * @self: a #RolloutTimelineLayout
 * @n_arrows: (out): where to store how many there are
 *
 * Returns: (array length=n_arrows) (transfer none): the arrows, by
 *   successor row and then dependency order
 */
const RolloutTimelineArrow *
rollout_timeline_layout_get_arrows (RolloutTimelineLayout *self,
                                    guint                 *n_arrows)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_arrows != NULL, NULL);

  *n_arrows = self->arrows->len;
  return (const RolloutTimelineArrow *) (gpointer) self->arrows->data;
}

/**
 * rollout_timeline_layout_get_ticks:
 * @self: a #RolloutTimelineLayout
 * @scale: which line of the scale
 * @n_ticks: (out): where to store how many there are
 *
 * Returns: (array length=n_ticks) (transfer none): the units of @scale,
 *   left to right, covering the whole range
 */
const RolloutTimelineTick *
rollout_timeline_layout_get_ticks (RolloutTimelineLayout *self,
                                   RolloutTimelineScale   scale,
                                   guint                 *n_ticks)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale <= ROLLOUT_TIMELINE_SCALE_MINOR, NULL);
  g_return_val_if_fail (n_ticks != NULL, NULL);

  *n_ticks = self->ticks[scale]->len;
  return (const RolloutTimelineTick *) (gpointer) self->ticks[scale]->data;
}

/**
 * rollout_timeline_layout_get_non_working:
 * @self: a #RolloutTimelineLayout
 * @n_spans: (out): where to store how many there are
 *
 * Returns: (array length=n_spans) (transfer none): the runs of days off
 *   (weekends and holidays) in the range, left to right
 */
const RolloutTimelineSpan *
rollout_timeline_layout_get_non_working (RolloutTimelineLayout *self,
                                         guint                 *n_spans)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_spans != NULL, NULL);

  *n_spans = self->spans->len;
  return (const RolloutTimelineSpan *) (gpointer) self->spans->data;
}

/**
 * rollout_timeline_layout_row_at_y:
 * @self: a #RolloutTimelineLayout
 * @y: a position
 *
 * Returns: the index of the row under @y, or -1
 */
int
rollout_timeline_layout_row_at_y (RolloutTimelineLayout *self,
                                  double                 y)
{
  double row;

  g_return_val_if_fail (self != NULL, -1);

  if (y < 0 || self->n_rows == 0)
    return -1;
  row = floor (y / self->row_height);
  if (row >= self->n_rows)
    return -1;
  return (int) row;
}

/**
 * rollout_timeline_layout_get_visible_rows:
 * @self: a #RolloutTimelineLayout
 * @y0: top of the visible area
 * @y1: bottom of the visible area
 * @out_first: (out): the first row that shows
 * @out_last: (out): the last row that shows (included)
 *
 * Rows all have the same height, so this takes constant time.
 *
 * Returns: %FALSE when no row shows between @y0 and @y1
 */
gboolean
rollout_timeline_layout_get_visible_rows (RolloutTimelineLayout *self,
                                          double                 y0,
                                          double                 y1,
                                          guint                 *out_first,
                                          guint                 *out_last)
{
  double first, last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_first != NULL && out_last != NULL, FALSE);

  *out_first = *out_last = 0;
  if (self->n_rows == 0 || y1 <= y0 || y1 <= 0 || y0 >= self->n_rows * self->row_height)
    return FALSE;

  first = floor (MAX (y0, 0) / self->row_height);
  /* A row starting exactly at y1 does not show. */
  last = ceil (y1 / self->row_height) - 1;
  *out_first = (guint) first;
  *out_last = (guint) MIN (last, (double) (self->n_rows - 1));
  return TRUE;
}

/* Index of the first tick (or span) ending after @x0, and how many start
 * before @x1, in an array sorted by x. */
static guint
visible_range (gconstpointer  data,
               guint          len,
               gsize          stride,
               gsize          x_offset,
               gsize          width_offset,
               double         x0,
               double         x1,
               guint         *out_first)
{
  const char *base = data;
  guint lo = 0, hi = len, first;

#define X_AT(i) (*(const double *) (gconstpointer) (base + (i) * stride + x_offset))
#define W_AT(i) (*(const double *) (gconstpointer) (base + (i) * stride + width_offset))

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (X_AT (mid) + W_AT (mid) <= x0)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;
  hi = len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (X_AT (mid) < x1)
        lo = mid + 1;
      else
        hi = mid;
    }

#undef X_AT
#undef W_AT

  *out_first = first;
  return lo - first;
}

/**
 * rollout_timeline_layout_get_visible_ticks:
 * @self: a #RolloutTimelineLayout
 * @scale: which line of the scale
 * @x0: left of the visible area
 * @x1: right of the visible area
 * @out_first: (out): index of the first tick that shows
 *
 * Finds the ticks of @scale that overlap [@x0, @x1) by binary search.
 *
 * Returns: how many ticks, from @out_first on, show
 */
guint
rollout_timeline_layout_get_visible_ticks (RolloutTimelineLayout *self,
                                           RolloutTimelineScale   scale,
                                           double                 x0,
                                           double                 x1,
                                           guint                 *out_first)
{
  GArray *ticks;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (scale <= ROLLOUT_TIMELINE_SCALE_MINOR, 0);
  g_return_val_if_fail (out_first != NULL, 0);

  ticks = self->ticks[scale];
  return visible_range (ticks->data, ticks->len, sizeof (RolloutTimelineTick),
                        G_STRUCT_OFFSET (RolloutTimelineTick, x),
                        G_STRUCT_OFFSET (RolloutTimelineTick, width),
                        x0, x1, out_first);
}

/**
 * rollout_timeline_layout_get_visible_spans:
 * @self: a #RolloutTimelineLayout
 * @x0: left of the visible area
 * @x1: right of the visible area
 * @out_first: (out): index of the first span that shows
 *
 * Finds the non-working spans that overlap [@x0, @x1) by binary search.
 *
 * Returns: how many spans, from @out_first on, show
 */
guint
rollout_timeline_layout_get_visible_spans (RolloutTimelineLayout *self,
                                           double                 x0,
                                           double                 x1,
                                           guint                 *out_first)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (out_first != NULL, 0);

  return visible_range (self->spans->data, self->spans->len, sizeof (RolloutTimelineSpan),
                        G_STRUCT_OFFSET (RolloutTimelineSpan, x),
                        G_STRUCT_OFFSET (RolloutTimelineSpan, width),
                        x0, x1, out_first);
}

static inline gboolean
rects_intersect (const RolloutTimelineRect *a,
                 const RolloutTimelineRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/**
 * rollout_timeline_layout_query_arrows:
 * @self: a #RolloutTimelineLayout
 * @rect: the area to draw
 * @out_indices: a #GArray of guint, emptied and then filled with the
 *   indices of the arrows whose bounds meet @rect, in ascending order of
 *   their top row
 *
 * Looks only at arrows near the rows that @rect covers (and the few that
 * span very many rows), so the cost follows what is visible, not the plan.
 *
 * Returns: how many arrows were found
 */
guint
rollout_timeline_layout_query_arrows (RolloutTimelineLayout     *self,
                                      const RolloutTimelineRect *rect,
                                      GArray                    *out_indices)
{
  const RolloutTimelineArrow *arrows;
  guint first, last, from;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (rect != NULL, 0);
  g_return_val_if_fail (out_indices != NULL, 0);

  g_array_set_size (out_indices, 0);
  /* Grown by the arrowhead, which may stick out of its rows. */
  if (!rollout_timeline_layout_get_visible_rows (self, rect->y - ARROW_HEAD,
                                                 rect->y + rect->height + ARROW_HEAD,
                                                 &first, &last))
    return 0;

  arrows = (const RolloutTimelineArrow *) (gpointer) self->arrows->data;
  /* An arrow's bounds lie within its top row .. bottom row. */
  from = first > SHORT_ARROW_ROWS ? first - SHORT_ARROW_ROWS : 0;
  for (guint k = self->short_first[from]; k < self->short_first[last + 1]; k++)
    {
      guint i = self->short_arrows[k];

      if (rects_intersect (&arrows[i].bounds, rect))
        g_array_append_val (out_indices, i);
    }
  for (guint k = 0; k < self->long_arrows->len; k++)
    {
      guint i = g_array_index (self->long_arrows, guint, k);

      if (rects_intersect (&arrows[i].bounds, rect))
        g_array_append_val (out_indices, i);
    }
  return out_indices->len;
}

/**
 * rollout_timeline_layout_hit_test:
 * @self: a #RolloutTimelineLayout
 * @x: a position
 * @y: a position
 * @out_row: (out) (optional): where to store the row under (@x, @y), or -1
 *
 * Finds what is under a point: a bar, the handle at either end of a task
 * bar (a few pixels inside or just outside it), a milestone, or just a row.
 *
 * Returns: what was hit
 */
RolloutTimelineHit
rollout_timeline_layout_hit_test (RolloutTimelineLayout *self,
                                  double                 x,
                                  double                 y,
                                  int                   *out_row)
{
  const RolloutTimelineRow *row;
  int index;
  double handle;

  if (out_row != NULL)
    *out_row = -1;
  g_return_val_if_fail (self != NULL, ROLLOUT_TIMELINE_HIT_NONE);

  index = rollout_timeline_layout_row_at_y (self, y);
  if (index < 0)
    return ROLLOUT_TIMELINE_HIT_NONE;
  if (out_row != NULL)
    *out_row = index;

  row = &self->rows[index];
  if (row->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED)
    return ROLLOUT_TIMELINE_HIT_ROW;

  if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
    {
      double radius = row->bar.width / 2;

      if (fabs (x - row->milestone.x) + fabs (y - row->milestone.y) <= radius + HIT_SLACK)
        return ROLLOUT_TIMELINE_HIT_MILESTONE;
      return ROLLOUT_TIMELINE_HIT_ROW;
    }

  if (y < row->bar.y - HIT_SLACK || y > row->bar.y + row->bar.height + HIT_SLACK ||
      x < row->bar.x - HIT_SLACK || x > row->bar.x + row->bar.width + HIT_SLACK)
    return ROLLOUT_TIMELINE_HIT_ROW;

  if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
    return ROLLOUT_TIMELINE_HIT_BAR;

  /* Narrow bars keep a middle to grab for moving. */
  handle = MIN (HANDLE_WIDTH, row->bar.width / 3);
  if (x < row->bar.x + handle)
    return ROLLOUT_TIMELINE_HIT_BAR_START;
  if (x > row->bar.x + row->bar.width - handle)
    return ROLLOUT_TIMELINE_HIT_BAR_END;
  return ROLLOUT_TIMELINE_HIT_BAR;
}
