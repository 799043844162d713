/* test-timeline-layout.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-timeline-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rollout-generator.h"
#include "rollout-scheduler.h"
#include "rollout-timeline-layout.h"

/* Unless a case says otherwise the plan starts on Monday 2026-01-05 with a
 * Monday–Friday week and two phases:
 *
 *   build:  a  3 days        Mon 05 – Wed 07
 *           b  2 days  a FS  Thu 08 – Fri 09
 *           c  5 days  b FS  Mon 12 – Fri 16
 *           m  0 days  c FS  Mon 19          (milestone)
 *   launch: d  4 days  m FS  Mon 19 – Thu 22
 *           e  2 days  d SS  Mon 19 – Tue 20
 *           f  1 day   d FF  Thu 22
 *           g  2 days  d SF  Mon 19 – Tue 20  (finishes 2 days after d starts)
 *
 * Tasks are inserted out of phase order on purpose.
 */

static RolloutDate
date (const char *text)
{
  RolloutDate d = ROLLOUT_DATE_NONE;

  if (!rollout_date_parse (text, &d))
    g_error ("bad date in test: %s", text);
  return d;
}

static void
add_phase (RolloutProject *project,
           const char     *id,
           const char     *name)
{
  g_autoptr(RolloutPhase) phase = rollout_phase_new (id);

  rollout_phase_set_name (phase, name);
  g_assert_true (rollout_project_insert_phase (project, phase, -1));
}

static RolloutTask *
add_task (RolloutProject *project,
          const char     *id,
          const char     *phase,
          int             duration,
          const char     *dep_id,
          RolloutDependencyType type,
          int             lag)
{
  g_autoptr(RolloutTask) task = rollout_task_new (id);
  g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  g_autofree char *name = g_strdup_printf ("Task %s", id);

  rollout_task_set_name (task, name);
  rollout_task_set_phase_id (task, phase);
  rollout_task_set_team_id (task, "eng");
  rollout_task_set_owner (task, "Tom Berg");
  rollout_task_set_duration (task, duration);
  if (dep_id != NULL)
    g_ptr_array_add (deps, rollout_dependency_new (dep_id, type, lag));
  rollout_task_set_dependencies (task, deps);
  g_assert_true (rollout_project_insert_task (project, task, -1));
  return task;
}

static RolloutProject *
make_project (void)
{
  RolloutProject *project = rollout_project_new ("test");
  g_autoptr(RolloutTeam) team = rollout_team_new ("eng");
  g_autoptr(GError) error = NULL;

  rollout_project_set_name (project, "Test");
  rollout_project_set_start (project, date ("2026-01-05"));
  rollout_team_set_name (team, "Engineering");
  rollout_team_set_color (team, "#3584e4");
  rollout_project_insert_team (project, team, -1);

  add_phase (project, "build", "Build");
  add_phase (project, "launch", "Launch");
  add_task (project, "a", "build", 3, NULL, ROLLOUT_DEPENDENCY_FS, 0);
  add_task (project, "d", "launch", 4, "m", ROLLOUT_DEPENDENCY_FS, 0);
  add_task (project, "b", "build", 2, "a", ROLLOUT_DEPENDENCY_FS, 0);
  add_task (project, "e", "launch", 2, "d", ROLLOUT_DEPENDENCY_SS, 0);
  add_task (project, "c", "build", 5, "b", ROLLOUT_DEPENDENCY_FS, 0);
  add_task (project, "f", "launch", 1, "d", ROLLOUT_DEPENDENCY_FF, 0);
  add_task (project, "m", "build", 0, "c", ROLLOUT_DEPENDENCY_FS, 0);
  add_task (project, "g", "launch", 2, "d", ROLLOUT_DEPENDENCY_SF, 2);

  g_assert_true (rollout_project_schedule (project, NULL, &error));
  g_assert_no_error (error);
  return project;
}

static RolloutTimelineLayout *
make_layout (RolloutProject      *project,
             RolloutTimelineZoom  zoom)
{
  RolloutTimelineOptions options;

  rollout_timeline_options_init (&options);
  options.zoom = zoom;
  return rollout_timeline_layout_new (project, &options);
}

static const RolloutTimelineRow *
row_of (RolloutTimelineLayout *layout,
        RolloutProject        *project,
        const char            *task_id)
{
  int index = rollout_timeline_layout_find_row (layout, rollout_project_lookup_task (project, task_id));

  g_assert_cmpint (index, >=, 0);
  return rollout_timeline_layout_get_row (layout, index);
}

static void
assert_date_eq (RolloutDate  actual,
                const char  *expected)
{
  g_autofree char *text = rollout_date_format (actual);

  g_assert_cmpstr (text, ==, expected);
}

/* Rows -------------------------------------------------------------------- */

static void
test_rows (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);
  const char *expected[] = { "build", "a", "b", "c", "m", "launch", "d", "e", "f", "g" };
  const RolloutTimelineRow *row;

  g_assert_cmpuint (rollout_timeline_layout_get_n_rows (layout), ==, G_N_ELEMENTS (expected));
  g_assert_cmpfloat (rollout_timeline_layout_get_height (layout), ==, 10 * ROLLOUT_TIMELINE_ROW_HEIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      row = rollout_timeline_layout_get_row (layout, i);
      g_assert_cmpstr (row->id, ==, expected[i]);
      g_assert_cmpfloat (row->y, ==, i * ROLLOUT_TIMELINE_ROW_HEIGHT);
      g_assert_cmpfloat (row->height, ==, ROLLOUT_TIMELINE_ROW_HEIGHT);
      g_assert_cmpint (rollout_timeline_layout_find_row (layout, row->object), ==, i);
    }

  row = rollout_timeline_layout_get_row (layout, 0);
  g_assert_cmpint (row->kind, ==, ROLLOUT_TIMELINE_ROW_PHASE);
  g_assert_true (ROLLOUT_IS_PHASE (row->object));
  g_assert_cmpstr (row->label, ==, "Build");
  g_assert_cmpuint (row->n_tasks, ==, 4);
  g_assert_cmpint (row->phase_row, ==, -1);
  assert_date_eq (row->start, "2026-01-05");
  assert_date_eq (row->finish, "2026-01-19");

  row = rollout_timeline_layout_get_row (layout, 7);
  g_assert_cmpint (row->kind, ==, ROLLOUT_TIMELINE_ROW_TASK);
  g_assert_true (ROLLOUT_IS_TASK (row->object));
  g_assert_cmpstr (row->label, ==, "Task e");
  g_assert_cmpstr (row->owner, ==, "Tom Berg");
  g_assert_cmpstr (row->color, ==, "#3584e4");
  g_assert_cmpint (row->phase_row, ==, 5);

  /* The layout keeps its own copies: renaming does not reach it. */
  rollout_task_set_name (row->object, "Renamed");
  g_assert_cmpstr (row->label, ==, "Task e");
}

static void
test_collapse (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  RolloutTimelineOptions options;
  const RolloutTimelineArrow *arrows;
  const RolloutTimelineRow *row;
  const RolloutTimelineBand *bands;
  guint n_arrows, n_bands;

  g_hash_table_add (collapsed, (gpointer) "build");
  rollout_timeline_options_init (&options);
  options.collapsed_phases = collapsed;
  layout = rollout_timeline_layout_new (project, &options);

  g_assert_cmpuint (rollout_timeline_layout_get_n_rows (layout), ==, 6);
  row = rollout_timeline_layout_get_row (layout, 0);
  g_assert_cmpstr (row->id, ==, "build");
  g_assert_true (row->flags & ROLLOUT_TIMELINE_FLAG_COLLAPSED);
  g_assert_cmpuint (row->n_tasks, ==, 4);
  row = rollout_timeline_layout_get_row (layout, 1);
  g_assert_cmpstr (row->id, ==, "launch");
  g_assert_false (row->flags & ROLLOUT_TIMELINE_FLAG_COLLAPSED);
  g_assert_cmpstr (rollout_timeline_layout_get_row (layout, 2)->id, ==, "d");
  g_assert_cmpint (rollout_timeline_layout_get_row (layout, 2)->phase_row, ==, 1);
  g_assert_cmpint (rollout_timeline_layout_find_row (layout, rollout_project_lookup_task (project, "a")), ==, -1);

  /* m → d starts in a hidden row: only d's three successors keep arrows. */
  arrows = rollout_timeline_layout_get_arrows (layout, &n_arrows);
  g_assert_cmpuint (n_arrows, ==, 3);
  for (guint i = 0; i < n_arrows; i++)
    g_assert_cmpuint (arrows[i].from_row, ==, 2);

  /* The collapsed phase's band covers its header row only. */
  bands = rollout_timeline_layout_get_bands (layout, &n_bands);
  g_assert_cmpuint (n_bands, ==, 2);
  g_assert_cmpuint (bands[0].row, ==, 0);
  g_assert_cmpuint (bands[0].n_rows, ==, 1);
  g_assert_cmpuint (bands[1].row, ==, 1);
  g_assert_cmpuint (bands[1].n_rows, ==, 5);
  g_assert_cmpfloat (bands[1].rect.height, ==, 5 * ROLLOUT_TIMELINE_ROW_HEIGHT);
}

/* Bars at each zoom ------------------------------------------------------- */

typedef struct {
  RolloutTimelineZoom zoom;
  double              day_width;
  const char         *first;      /* first day shown */
  const char         *end;        /* the day after the last */
  double              a_x;        /* a: Mon 05 – Wed 07 */
  double              c_x;        /* c: Mon 12 – Fri 16 */
} ZoomCase;

/* The range starts a margin before Mon 05 (the project start), aligned to
 * the zoom's unit, and ends a margin after the last finish, Thu 22. */
static const ZoomCase zoom_cases[] = {
  /* Monday on or before Dec 29 (05 − 7 days): Dec 29, 7 days before 05. */
  { ROLLOUT_TIMELINE_ZOOM_DAY, 30.0, "2025-12-29", "2026-02-02", 7 * 30.0, 14 * 30.0 },
  /* Monday on or before Dec 22 (05 − 14 days): Dec 22, 14 days before 05. */
  { ROLLOUT_TIMELINE_ZOOM_WEEK, 12.0, "2025-12-22", "2026-02-09", 14 * 12.0, 21 * 12.0 },
  /* The month before January: December 1, 35 days before 05. */
  { ROLLOUT_TIMELINE_ZOOM_MONTH, 4.0, "2025-12-01", "2026-03-01", 35 * 4.0, 42 * 4.0 },
  /* The quarter before Q1: October 1, 31 + 30 + 31 + 4 = 96 days before 05. */
  { ROLLOUT_TIMELINE_ZOOM_QUARTER, 1.5, "2025-10-01", "2026-07-01", 96 * 1.5, 103 * 1.5 },
};

static void
test_zoom_case (gconstpointer data)
{
  const ZoomCase *zc = data;
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, zc->zoom);
  const RolloutTimelineRow *a, *c, *phase;
  double row_h = ROLLOUT_TIMELINE_ROW_HEIGHT;

  g_assert_cmpfloat (rollout_timeline_layout_get_day_width (layout), ==, zc->day_width);
  g_assert_cmpfloat (rollout_timeline_zoom_get_day_width (zc->zoom), ==, zc->day_width);
  assert_date_eq (rollout_timeline_layout_get_first_date (layout), zc->first);
  assert_date_eq (rollout_timeline_layout_get_end_date (layout), zc->end);
  g_assert_cmpfloat (rollout_timeline_layout_get_width (layout), ==,
                     (date (zc->end) - date (zc->first)) * zc->day_width);

  /* 3 working days = 3 calendar days. */
  a = row_of (layout, project, "a");
  g_assert_cmpfloat_with_epsilon (a->bar.x, zc->a_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->bar.width, 3 * zc->day_width, 1e-9);
  /* The bar is vertically centred in its row. */
  g_assert_cmpfloat_with_epsilon (a->bar.y + a->bar.height / 2, a->y + row_h / 2, 1e-9);
  g_assert_cmpfloat (a->bar.height, >, row_h / 3);
  g_assert_cmpfloat (a->bar.height, <, row_h);

  /* 5 working days, Mon – Fri: 5 calendar days. */
  c = row_of (layout, project, "c");
  g_assert_cmpfloat_with_epsilon (c->bar.x, zc->c_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->bar.width, 5 * zc->day_width, 1e-9);

  /* The phase "build" runs Mon 05 – Mon 19: 15 calendar days. */
  phase = rollout_timeline_layout_get_row (layout, 0);
  g_assert_cmpfloat_with_epsilon (phase->bar.x, zc->a_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (phase->bar.width, 15 * zc->day_width, 1e-9);

  g_assert_cmpfloat (rollout_timeline_layout_date_to_x (layout, date ("2026-01-05")), ==, zc->a_x);
  assert_date_eq (rollout_timeline_layout_x_to_date (layout, zc->a_x), "2026-01-05");
  assert_date_eq (rollout_timeline_layout_x_to_date (layout, zc->a_x + zc->day_width * 0.99), "2026-01-05");
  assert_date_eq (rollout_timeline_layout_x_to_date (layout, -100), zc->first);
}

static void
test_weekend_in_bar (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("weekend");
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const RolloutTimelineRow *row;

  /* 5 working days from Thursday: Thu, Fri, (Sat, Sun), Mon, Tue, Wed. */
  rollout_project_set_start (project, date ("2026-01-08"));
  add_phase (project, "p", "P");
  add_task (project, "t", "p", 5, NULL, ROLLOUT_DEPENDENCY_FS, 0);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_WEEK);

  row = row_of (layout, project, "t");
  assert_date_eq (row->finish, "2026-01-14");
  g_assert_cmpfloat (row->bar.width, ==, 7 * 12.0);
  g_assert_null (row->color);
}

static void
test_milestone (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);
  const RolloutTimelineRow *m = row_of (layout, project, "m");
  double x19 = rollout_timeline_layout_date_to_x (layout, date ("2026-01-19"));

  g_assert_true (m->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE);
  assert_date_eq (m->start, "2026-01-19");
  /* The diamond sits in the middle of its day and of its row. */
  g_assert_cmpfloat (x19, ==, 21 * 30.0);
  g_assert_cmpfloat (m->milestone.x, ==, x19 + 15.0);
  g_assert_cmpfloat (m->milestone.y, ==, m->y + m->height / 2);
  g_assert_cmpfloat (m->bar.x + m->bar.width / 2, ==, m->milestone.x);
  g_assert_cmpfloat (m->bar.y + m->bar.height / 2, ==, m->milestone.y);
  g_assert_cmpfloat (m->bar.width, ==, m->bar.height);
  g_assert_cmpfloat (m->bar.height, <=, m->height);
  g_assert_false (row_of (layout, project, "c")->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE);
}

/* Arrows ------------------------------------------------------------------ */

static void
assert_orthogonal (const RolloutTimelineArrow *arrow)
{
  g_assert_cmpuint (arrow->n_points, >=, 4);
  for (guint i = 1; i < arrow->n_points; i++)
    {
      const RolloutTimelinePoint *p = &arrow->points[i - 1];
      const RolloutTimelinePoint *q = &arrow->points[i];

      g_assert_true (p->x == q->x || p->y == q->y);
    }
  /* Both ends are horizontal. */
  g_assert_cmpfloat (arrow->points[0].y, ==, arrow->points[1].y);
  g_assert_cmpfloat (arrow->points[arrow->n_points - 2].y, ==, arrow->points[arrow->n_points - 1].y);
}

/* Checks that @arrow leaves @pred's edge and enters @succ's edge as its type
 * says, heading away from and into the bars. */
static void
assert_arrow_ends (const RolloutTimelineArrow *arrow,
                   const RolloutTimelineRow   *pred,
                   const RolloutTimelineRow   *succ)
{
  gboolean from_end = arrow->type == ROLLOUT_DEPENDENCY_FS || arrow->type == ROLLOUT_DEPENDENCY_FF;
  gboolean to_start = arrow->type == ROLLOUT_DEPENDENCY_FS || arrow->type == ROLLOUT_DEPENDENCY_SS;
  const RolloutTimelinePoint *first = &arrow->points[0];
  const RolloutTimelinePoint *second = &arrow->points[1];
  const RolloutTimelinePoint *last = &arrow->points[arrow->n_points - 1];
  const RolloutTimelinePoint *before = &arrow->points[arrow->n_points - 2];

  assert_orthogonal (arrow);
  g_assert_cmpfloat (first->x, ==, from_end ? pred->bar.x + pred->bar.width : pred->bar.x);
  g_assert_cmpfloat (first->y, ==, pred->y + pred->height / 2);
  g_assert_cmpfloat (last->x, ==, to_start ? succ->bar.x : succ->bar.x + succ->bar.width);
  g_assert_cmpfloat (last->y, ==, succ->y + succ->height / 2);

  if (from_end)
    g_assert_cmpfloat (second->x, >=, first->x + 8);
  else
    g_assert_cmpfloat (second->x, <=, first->x - 8);
  if (to_start)
    g_assert_cmpfloat (before->x, <=, last->x - 8);
  else
    g_assert_cmpfloat (before->x, >=, last->x + 8);

  /* The bounds hold every point. */
  for (guint i = 0; i < arrow->n_points; i++)
    {
      g_assert_cmpfloat (arrow->points[i].x, >, arrow->bounds.x);
      g_assert_cmpfloat (arrow->points[i].x, <, arrow->bounds.x + arrow->bounds.width);
      g_assert_cmpfloat (arrow->points[i].y, >, arrow->bounds.y);
      g_assert_cmpfloat (arrow->points[i].y, <, arrow->bounds.y + arrow->bounds.height);
    }
}

static const RolloutTimelineArrow *
find_arrow (RolloutTimelineLayout *layout,
            RolloutProject        *project,
            const char            *from,
            const char            *to)
{
  int from_row = rollout_timeline_layout_find_row (layout, rollout_project_lookup_task (project, from));
  int to_row = rollout_timeline_layout_find_row (layout, rollout_project_lookup_task (project, to));
  const RolloutTimelineArrow *arrows;
  guint n;

  arrows = rollout_timeline_layout_get_arrows (layout, &n);
  for (guint i = 0; i < n; i++)
    if ((int) arrows[i].from_row == from_row && (int) arrows[i].to_row == to_row)
      return &arrows[i];
  g_error ("no arrow %s → %s", from, to);
  return NULL;
}

static void
test_arrow_types (void)
{
  static const struct {
    const char *from, *to;
    RolloutDependencyType type;
    guint n_points;
  } cases[] = {
    /* b starts where a ends: no room for one vertical, so around. */
    { "a", "b", ROLLOUT_DEPENDENCY_FS, 6 },
    /* c starts two days (the weekend) after b: out right, down, in right. */
    { "b", "c", ROLLOUT_DEPENDENCY_FS, 4 },
    /* m sits on Mon 19, after c's Friday: room for one vertical. */
    { "c", "m", ROLLOUT_DEPENDENCY_FS, 4 },
    /* d starts on m's day: d's left edge is left of m's right tip. */
    { "m", "d", ROLLOUT_DEPENDENCY_FS, 6 },
    /* e starts with d: out left, down, in right. */
    { "d", "e", ROLLOUT_DEPENDENCY_SS, 4 },
    /* f ends with d: out right, down, in leftwards. */
    { "d", "f", ROLLOUT_DEPENDENCY_FF, 4 },
    /* g ends two days after d starts, right of d's start: around. */
    { "d", "g", ROLLOUT_DEPENDENCY_SF, 6 },
  };
  g_autoptr(RolloutProject) project = make_project ();

  for (RolloutTimelineZoom zoom = 0; zoom < ROLLOUT_TIMELINE_N_ZOOMS; zoom++)
    {
      g_autoptr(RolloutTimelineLayout) layout = make_layout (project, zoom);
      guint n_arrows;

      rollout_timeline_layout_get_arrows (layout, &n_arrows);
      g_assert_cmpuint (n_arrows, ==, 7);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          const RolloutTimelineRow *pred = row_of (layout, project, cases[i].from);
          const RolloutTimelineRow *succ = row_of (layout, project, cases[i].to);
          const RolloutTimelineArrow *arrow = find_arrow (layout, project, cases[i].from, cases[i].to);

          g_test_message ("zoom %d: %s -> %s", zoom, cases[i].from, cases[i].to);
          g_assert_cmpint (arrow->type, ==, cases[i].type);
          assert_arrow_ends (arrow, pred, succ);
          /* At day zoom the shapes are the ones described above. */
          if (zoom == ROLLOUT_TIMELINE_ZOOM_DAY)
            g_assert_cmpuint (arrow->n_points, ==, cases[i].n_points);
          if (arrow->n_points == 6)
            {
              /* The detour runs along the boundary under the predecessor. */
              g_assert_cmpfloat (arrow->points[2].y, ==, pred->y + pred->height);
              g_assert_cmpfloat (arrow->points[3].y, ==, pred->y + pred->height);
            }
        }
    }
}

static void
test_arrow_upwards (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("up");
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const RolloutTimelineArrow *arrow;
  const RolloutTimelineRow *pred;

  /* The successor comes first in the list and overlaps its predecessor. */
  rollout_project_set_start (project, date ("2026-01-05"));
  add_phase (project, "p", "P");
  add_task (project, "late", "p", 3, "early", ROLLOUT_DEPENDENCY_FS, -2);
  add_task (project, "early", "p", 3, NULL, ROLLOUT_DEPENDENCY_FS, 0);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);

  pred = row_of (layout, project, "early");
  arrow = find_arrow (layout, project, "early", "late");
  assert_arrow_ends (arrow, pred, row_of (layout, project, "late"));
  g_assert_cmpuint (arrow->n_points, ==, 6);
  /* Going up, the detour runs along the top of the predecessor's row. */
  g_assert_cmpfloat (arrow->points[2].y, ==, pred->y);
}

/* Visible ranges ---------------------------------------------------------- */

static void
test_visible_rows (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);
  guint first, last;

  /* Rows are 32 px: 40 is in row 1, 100 in row 3. */
  g_assert_true (rollout_timeline_layout_get_visible_rows (layout, 40, 100, &first, &last));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 3);
  /* Exactly rows 2 and 3: a row starting at the bottom edge does not show. */
  g_assert_true (rollout_timeline_layout_get_visible_rows (layout, 64, 128, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 3);
  /* Clamped to the rows there are. */
  g_assert_true (rollout_timeline_layout_get_visible_rows (layout, -50, 10000, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 9);
  g_assert_false (rollout_timeline_layout_get_visible_rows (layout, 320, 400, &first, &last));
  g_assert_false (rollout_timeline_layout_get_visible_rows (layout, -40, 0, &first, &last));

  g_assert_cmpint (rollout_timeline_layout_row_at_y (layout, 0), ==, 0);
  g_assert_cmpint (rollout_timeline_layout_row_at_y (layout, 31.9), ==, 0);
  g_assert_cmpint (rollout_timeline_layout_row_at_y (layout, 32), ==, 1);
  g_assert_cmpint (rollout_timeline_layout_row_at_y (layout, 319), ==, 9);
  g_assert_cmpint (rollout_timeline_layout_row_at_y (layout, 320), ==, -1);
  g_assert_cmpint (rollout_timeline_layout_row_at_y (layout, -1), ==, -1);
}

static void
test_visible_ticks (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);
  const RolloutTimelineTick *ticks;
  guint n, first, count;

  /* Day ticks are 30 px from Mon Dec 29: x = 45 is in tick 1, x = 100 in tick 3. */
  ticks = rollout_timeline_layout_get_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, &n);
  g_assert_cmpuint (n, ==, 35);
  count = rollout_timeline_layout_get_visible_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, 45, 100, &first);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpfloat (ticks[first].x, ==, 30);
  /* Edges: [60, 90) is exactly tick 2. */
  count = rollout_timeline_layout_get_visible_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, 60, 90, &first);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (count, ==, 1);
  count = rollout_timeline_layout_get_visible_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, 5000, 6000, &first);
  g_assert_cmpuint (count, ==, 0);

  /* Months: December (3 days shown) and January, then 1 day of February. */
  ticks = rollout_timeline_layout_get_ticks (layout, ROLLOUT_TIMELINE_SCALE_MAJOR, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (ticks[1].x, ==, 3 * 30.0);
  g_assert_cmpfloat (ticks[1].width, ==, 31 * 30.0);
  count = rollout_timeline_layout_get_visible_ticks (layout, ROLLOUT_TIMELINE_SCALE_MAJOR, 80, 200, &first);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (count, ==, 2);
}

typedef struct {
  RolloutTimelineZoom  zoom;
  const char          *major[4];
  const char          *minor[3];  /* the first ones */
} ScaleCase;

static const ScaleCase scale_cases[] = {
  { ROLLOUT_TIMELINE_ZOOM_DAY, { "December 2025", "January 2026", "February 2026" }, { "M\u200929", "T\u200930", "W\u200931" } },
  { ROLLOUT_TIMELINE_ZOOM_WEEK, { "December 2025", "January 2026", "February 2026" }, { "Dec 22", "Dec 29", "Jan 5" } },
  { ROLLOUT_TIMELINE_ZOOM_MONTH, { "2025", "2026" }, { "Dec", "Jan", "Feb" } },
  { ROLLOUT_TIMELINE_ZOOM_QUARTER, { "2025", "2026" }, { "Q4", "Q1", "Q2" } },
};

static void
test_scale_case (gconstpointer data)
{
  const ScaleCase *sc = data;
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, sc->zoom);
  double width = rollout_timeline_layout_get_width (layout);

  for (RolloutTimelineScale scale = ROLLOUT_TIMELINE_SCALE_MAJOR; scale <= ROLLOUT_TIMELINE_SCALE_MINOR; scale++)
    {
      const RolloutTimelineTick *ticks;
      const char * const *labels = scale == ROLLOUT_TIMELINE_SCALE_MAJOR ? sc->major : sc->minor;
      guint n, n_labels = 0;

      ticks = rollout_timeline_layout_get_ticks (layout, scale, &n);
      while (n_labels < (scale == ROLLOUT_TIMELINE_SCALE_MAJOR ? 4 : 3) && labels[n_labels] != NULL)
        n_labels++;
      if (scale == ROLLOUT_TIMELINE_SCALE_MAJOR)
        g_assert_cmpuint (n, ==, n_labels);
      for (guint i = 0; i < n_labels; i++)
        g_assert_cmpstr (ticks[i].label, ==, labels[i]);

      /* The ticks tile the range without gaps. */
      g_assert_cmpfloat (ticks[0].x, ==, 0);
      for (guint i = 1; i < n; i++)
        g_assert_cmpfloat_with_epsilon (ticks[i].x, ticks[i - 1].x + ticks[i - 1].width, 1e-9);
      g_assert_cmpfloat_with_epsilon (ticks[n - 1].x + ticks[n - 1].width, width, 1e-9);
    }
}

static void
test_query_arrows (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  const RolloutTimelineArrow *ab = find_arrow (layout, project, "a", "b");
  const RolloutTimelineArrow *arrows;
  RolloutTimelineRect rect;
  guint n;

  arrows = rollout_timeline_layout_get_arrows (layout, &n);

  /* A small rectangle on a → b's corner finds only that arrow. */
  rect = (RolloutTimelineRect) { ab->points[1].x - 1, ab->points[1].y - 1, 2, 2 };
  g_assert_cmpuint (rollout_timeline_layout_query_arrows (layout, &rect, found), ==, 1);
  g_assert_true (&arrows[g_array_index (found, guint, 0)] == ab);

  /* Everything. */
  rect = (RolloutTimelineRect) { 0, 0, rollout_timeline_layout_get_width (layout),
                                 rollout_timeline_layout_get_height (layout) };
  g_assert_cmpuint (rollout_timeline_layout_query_arrows (layout, &rect, found), ==, n);

  /* Nothing left of the first bar, nor below the rows. */
  rect = (RolloutTimelineRect) { 0, 0, 100, 320 };
  g_assert_cmpuint (rollout_timeline_layout_query_arrows (layout, &rect, found), ==, 0);
  rect = (RolloutTimelineRect) { 0, 400, 1000, 100 };
  g_assert_cmpuint (rollout_timeline_layout_query_arrows (layout, &rect, found), ==, 0);
}

/* On a generated plan with arrows of every length, queries find exactly
 * what checking every arrow finds. */
static void
test_query_arrows_large (void)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (2000, 7);
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  const RolloutTimelineArrow *arrows;
  g_autofree guint *seen = NULL;
  RolloutTimelineOptions options;
  guint n;
  double width, height;

  g_assert_true (rollout_project_schedule (project, NULL, &error));
  rollout_timeline_options_init (&options);
  options.zoom = ROLLOUT_TIMELINE_ZOOM_DAY;
  layout = rollout_timeline_layout_new (project, &options);
  arrows = rollout_timeline_layout_get_arrows (layout, &n);
  width = rollout_timeline_layout_get_width (layout);
  height = rollout_timeline_layout_get_height (layout);
  seen = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    assert_arrow_ends (&arrows[i], rollout_timeline_layout_get_row (layout, arrows[i].from_row),
                       rollout_timeline_layout_get_row (layout, arrows[i].to_row));
  g_assert_cmpuint (n, >, 2000);

  for (guint q = 0; q < 300; q++)
    {
      RolloutTimelineRect rect;
      guint expected = 0;

      rect.x = g_rand_double_range (rand, -50, width);
      rect.y = g_rand_double_range (rand, -50, height);
      rect.width = g_rand_double_range (rand, 1, 1500);
      rect.height = g_rand_double_range (rand, 1, 900);
      for (guint i = 0; i < n; i++)
        {
          const RolloutTimelineRect *b = &arrows[i].bounds;

          if (b->x < rect.x + rect.width && rect.x < b->x + b->width &&
              b->y < rect.y + rect.height && rect.y < b->y + b->height)
            expected++;
        }
      g_assert_cmpuint (rollout_timeline_layout_query_arrows (layout, &rect, found), ==, expected);
      for (guint k = 0; k < found->len; k++)
        {
          guint i = g_array_index (found, guint, k);

          /* Each arrow once. */
          g_assert_cmpuint (seen[i], !=, q + 1);
          seen[i] = q + 1;
        }
    }
}

/* A plan with a dependency across many rows, to exercise long arrows. */
static void
test_query_long_arrow (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("long");
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  const RolloutTimelineArrow *arrow;
  RolloutTimelineRect rect;

  rollout_project_set_start (project, date ("2026-01-05"));
  add_phase (project, "p", "P");
  add_task (project, "first", "p", 2, NULL, ROLLOUT_DEPENDENCY_FS, 0);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("filler%u", i);

      add_task (project, id, "p", 1, NULL, ROLLOUT_DEPENDENCY_FS, 0);
    }
  add_task (project, "last", "p", 2, "first", ROLLOUT_DEPENDENCY_FS, 0);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);

  arrow = find_arrow (layout, project, "first", "last");
  g_assert_cmpuint (arrow->to_row - arrow->from_row, ==, 201);
  /* A window in the middle of its vertical run, far from both ends. */
  rect = (RolloutTimelineRect) { arrow->points[1].x - 5, 100 * 32, 10, 64 };
  g_assert_cmpuint (rollout_timeline_layout_query_arrows (layout, &rect, found), ==, 1);
}

/* Hit testing ------------------------------------------------------------- */

static void
test_hit_test (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);
  const RolloutTimelineRow *c = row_of (layout, project, "c");
  const RolloutTimelineRow *m = row_of (layout, project, "m");
  const RolloutTimelineRow *phase = rollout_timeline_layout_get_row (layout, 0);
  double mid_y = c->bar.y + c->bar.height / 2;
  int c_row = rollout_timeline_layout_find_row (layout, c->object);
  int row;

  /* c: 150 px wide, from x = 420. */
  g_assert_cmpfloat (c->bar.x, ==, 420);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 495, mid_y, &row), ==, ROLLOUT_TIMELINE_HIT_BAR);
  g_assert_cmpint (row, ==, c_row);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 421, mid_y, &row), ==, ROLLOUT_TIMELINE_HIT_BAR_START);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 418, mid_y, &row), ==, ROLLOUT_TIMELINE_HIT_BAR_START);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 569, mid_y, &row), ==, ROLLOUT_TIMELINE_HIT_BAR_END);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 572, mid_y, &row), ==, ROLLOUT_TIMELINE_HIT_BAR_END);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 580, mid_y, &row), ==, ROLLOUT_TIMELINE_HIT_ROW);
  g_assert_cmpint (row, ==, c_row);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 300, mid_y, NULL), ==, ROLLOUT_TIMELINE_HIT_ROW);
  /* Above the bar, in its row's margin. */
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 495, c->y + 1, NULL), ==, ROLLOUT_TIMELINE_HIT_ROW);

  /* Milestones have no handles. */
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, m->milestone.x, m->milestone.y, &row), ==,
                   ROLLOUT_TIMELINE_HIT_MILESTONE);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, m->milestone.x + m->bar.width / 2 - 1,
                                                     m->milestone.y, NULL), ==,
                   ROLLOUT_TIMELINE_HIT_MILESTONE);
  /* The diamond's corner region is outside it. */
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, m->bar.x + 1, m->bar.y + 1, NULL), ==,
                   ROLLOUT_TIMELINE_HIT_ROW);

  /* A phase's summary bar. */
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, phase->bar.x + 5, phase->bar.y + 1, &row), ==,
                   ROLLOUT_TIMELINE_HIT_BAR);
  g_assert_cmpint (row, ==, 0);

  /* Below the last row. */
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 495, 10 * 32 + 5, &row), ==, ROLLOUT_TIMELINE_HIT_NONE);
  g_assert_cmpint (row, ==, -1);
}

static void
test_hit_test_narrow (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_QUARTER);
  const RolloutTimelineRow *b = row_of (layout, project, "b");
  double mid_y = b->bar.y + b->bar.height / 2;

  /* 2 days at 1.5 px: 3 px, too narrow for 6 px handles; its middle moves. */
  g_assert_cmpfloat (b->bar.width, ==, 3);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, b->bar.x + 1.5, mid_y, NULL), ==,
                   ROLLOUT_TIMELINE_HIT_BAR);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, b->bar.x - 2, mid_y, NULL), ==,
                   ROLLOUT_TIMELINE_HIT_BAR_START);
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, b->bar.x + 5, mid_y, NULL), ==,
                   ROLLOUT_TIMELINE_HIT_BAR_END);
}

/* Flags ------------------------------------------------------------------- */

static void
test_flags (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(RolloutTimelineLayout) plain = NULL;
  RolloutTimelineOptions options;
  const RolloutTimelineRow *row;
  double today_x;

  rollout_task_set_status (rollout_project_lookup_task (project, "a"), ROLLOUT_TASK_STATUS_DONE);
  rollout_task_set_status (rollout_project_lookup_task (project, "c"), ROLLOUT_TASK_STATUS_BLOCKED);
  rollout_task_set_status (rollout_project_lookup_task (project, "b"), ROLLOUT_TASK_STATUS_IN_PROGRESS);
  rollout_task_set_progress (rollout_project_lookup_task (project, "b"), 50);

  /* Today is Mon 12: a (done) and b (ended Fri 09) are in the past. */
  rollout_timeline_options_init (&options);
  options.zoom = ROLLOUT_TIMELINE_ZOOM_DAY;
  options.today = date ("2026-01-12");
  options.show_critical = TRUE;
  layout = rollout_timeline_layout_new (project, &options);

  row = row_of (layout, project, "a");
  g_assert_true (row->flags & ROLLOUT_TIMELINE_FLAG_DONE);
  g_assert_false (row->flags & ROLLOUT_TIMELINE_FLAG_LATE);
  g_assert_cmpint (row->progress, ==, 100);
  g_assert_cmpfloat (row->progress_width, ==, row->bar.width);

  row = row_of (layout, project, "b");
  g_assert_true (row->flags & ROLLOUT_TIMELINE_FLAG_LATE);
  g_assert_false (row->flags & ROLLOUT_TIMELINE_FLAG_DONE);
  g_assert_cmpfloat (row->progress_width, ==, row->bar.width / 2);

  /* c ends Fri 16, after today: blocked but not late. */
  row = row_of (layout, project, "c");
  g_assert_true (row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED);
  g_assert_false (row->flags & ROLLOUT_TIMELINE_FLAG_LATE);
  g_assert_cmpfloat (row->progress_width, ==, 0);

  /* Critical: the chain a b c m d and d's FF successor f; e (SS) and g
   * (SF, lag 2) have slack. */
  g_assert_true (row_of (layout, project, "a")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_true (row_of (layout, project, "d")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_true (row_of (layout, project, "f")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_false (row_of (layout, project, "e")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_true (find_arrow (layout, project, "a", "b")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_true (find_arrow (layout, project, "m", "d")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_true (find_arrow (layout, project, "d", "f")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_false (find_arrow (layout, project, "d", "e")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);

  /* Today's line is in the middle of Mon 12, 14 days after Dec 29. */
  g_assert_true (rollout_timeline_layout_get_today_x (layout, &today_x));
  g_assert_cmpfloat (today_x, ==, 14 * 30.0 + 15.0);

  /* Without the critical path or today: no such flags. */
  options.today = ROLLOUT_DATE_NONE;
  options.show_critical = FALSE;
  plain = rollout_timeline_layout_new (project, &options);
  row = row_of (plain, project, "b");
  g_assert_false (row->flags & (ROLLOUT_TIMELINE_FLAG_LATE | ROLLOUT_TIMELINE_FLAG_CRITICAL));
  g_assert_false (find_arrow (plain, project, "a", "b")->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
  g_assert_false (rollout_timeline_layout_get_today_x (plain, NULL));
}

static void
test_late_milestone (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  RolloutTimelineOptions options;

  rollout_timeline_options_init (&options);
  options.today = date ("2026-01-20");
  layout = rollout_timeline_layout_new (project, &options);
  g_assert_true (row_of (layout, project, "m")->flags & ROLLOUT_TIMELINE_FLAG_LATE);
  g_assert_false (row_of (layout, project, "d")->flags & ROLLOUT_TIMELINE_FLAG_LATE);

  /* Today far outside the range: no line. */
  g_clear_pointer (&layout, rollout_timeline_layout_unref);
  options.today = date ("2030-01-01");
  layout = rollout_timeline_layout_new (project, &options);
  g_assert_false (rollout_timeline_layout_get_today_x (layout, NULL));
}

/* Non-working days -------------------------------------------------------- */

static void
test_non_working (void)
{
  g_autoptr(RolloutProject) project = make_project ();
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);
  g_autoptr(GError) error = NULL;
  const RolloutTimelineSpan *spans;
  const RolloutTimelineTick *days;
  guint n, n_days, first, count;

  /* New Year's Day (Thu) and a Friday off before a weekend. */
  g_ptr_array_add (holidays, rollout_holiday_new (date ("2026-01-16"), "Company day"));
  g_ptr_array_add (holidays, rollout_holiday_new (date ("2026-01-01"), "New Year"));
  rollout_calendar_set_holidays (rollout_project_get_calendar (project), holidays);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);

  /* From Mon Dec 29: New Year (Thu 01, day 3), the weekend 03–04 (days 5–6),
   * 10–11, Fri 16 then 17–18, 24–25, 31–Feb 01. */
  spans = rollout_timeline_layout_get_non_working (layout, &n);
  g_assert_cmpuint (n, ==, 7);
  assert_date_eq (spans[0].start, "2026-01-01");
  g_assert_cmpuint (spans[0].n_days, ==, 1);
  g_assert_cmpstr (spans[0].holiday, ==, "New Year");
  g_assert_cmpfloat (spans[0].x, ==, 3 * 30.0);
  g_assert_cmpfloat (spans[0].width, ==, 30.0);
  assert_date_eq (spans[1].start, "2026-01-03");
  g_assert_cmpuint (spans[1].n_days, ==, 2);
  g_assert_null (spans[1].holiday);
  g_assert_cmpfloat (spans[1].x, ==, 5 * 30.0);
  g_assert_cmpfloat (spans[1].width, ==, 60.0);
  assert_date_eq (spans[3].start, "2026-01-16");
  g_assert_cmpstr (spans[3].holiday, ==, "Company day");
  assert_date_eq (spans[4].start, "2026-01-17");
  g_assert_cmpuint (spans[4].n_days, ==, 2);
  assert_date_eq (spans[6].start, "2026-01-31");
  g_assert_cmpuint (spans[6].n_days, ==, 2);

  /* The holiday pushes c (5 days from Mon 12) to Mon 19. */
  assert_date_eq (row_of (layout, project, "c")->finish, "2026-01-19");

  days = rollout_timeline_layout_get_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, &n_days);
  g_assert_false (days[2].non_working);
  g_assert_true (days[3].non_working);
  g_assert_false (days[4].non_working);
  g_assert_true (days[5].non_working);
  g_assert_true (days[6].non_working);
  g_assert_cmpstr (days[3].label, ==, "T\u20091");
  g_assert_cmpstr (days[5].label, ==, "S\u20093");

  /* Spans from x = 120 (the end of New Year) to 400: the weekends 03–04
   * and 10–11. */
  count = rollout_timeline_layout_get_visible_spans (layout, 120, 400, &first);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_non_working_week (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("week");
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);
  RolloutCalendar *calendar = rollout_project_get_calendar (project);
  const RolloutTimelineSpan *spans;
  g_autoptr(GError) error = NULL;
  guint n;

  /* Sunday to Thursday; a holiday on a Saturday changes nothing. */
  rollout_calendar_set_working_days (calendar, 0x4f);
  g_ptr_array_add (holidays, rollout_holiday_new (date ("2026-01-10"), "Saturday holiday"));
  rollout_calendar_set_holidays (calendar, holidays);
  rollout_project_set_start (project, date ("2026-01-05"));
  add_phase (project, "p", "P");
  add_task (project, "t", "p", 3, NULL, ROLLOUT_DEPENDENCY_FS, 0);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_DAY);

  /* Dec 29 – Jan 18: Fri–Sat off three times. */
  assert_date_eq (rollout_timeline_layout_get_end_date (layout), "2026-01-19");
  spans = rollout_timeline_layout_get_non_working (layout, &n);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (rollout_date_get_weekday (spans[i].start), ==, G_DATE_FRIDAY);
      g_assert_cmpuint (spans[i].n_days, ==, 2);
      g_assert_null (spans[i].holiday);
    }
}

/* Edge cases and size ----------------------------------------------------- */

static void
test_empty (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("empty");
  g_autoptr(RolloutTimelineLayout) layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_WEEK);
  g_autoptr(RolloutTimelineLayout) with_phase = NULL;
  guint n, first, last;

  g_assert_cmpuint (rollout_timeline_layout_get_n_rows (layout), ==, 0);
  g_assert_cmpfloat (rollout_timeline_layout_get_width (layout), ==, 0);
  g_assert_cmpfloat (rollout_timeline_layout_get_height (layout), ==, 0);
  rollout_timeline_layout_get_ticks (layout, ROLLOUT_TIMELINE_SCALE_MINOR, &n);
  g_assert_cmpuint (n, ==, 0);
  rollout_timeline_layout_get_non_working (layout, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (rollout_timeline_layout_get_visible_rows (layout, 0, 100, &first, &last));
  g_assert_cmpint (rollout_timeline_layout_hit_test (layout, 10, 10, NULL), ==, ROLLOUT_TIMELINE_HIT_NONE);

  /* A phase without tasks: a header row with no bar. */
  add_phase (project, "p", "Lonely");
  rollout_project_set_start (project, date ("2026-01-05"));
  with_phase = make_layout (project, ROLLOUT_TIMELINE_ZOOM_WEEK);
  g_assert_cmpuint (rollout_timeline_layout_get_n_rows (with_phase), ==, 1);
  g_assert_true (rollout_timeline_layout_get_row (with_phase, 0)->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED);
  g_assert_cmpfloat (rollout_timeline_layout_get_width (with_phase), >, 0);
  g_assert_cmpint (rollout_timeline_layout_hit_test (with_phase, 10, 10, NULL), ==, ROLLOUT_TIMELINE_HIT_ROW);
}

static void
test_unscheduled_and_orphans (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("raw");
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  const RolloutTimelineRow *row;
  guint n_arrows;

  /* Never scheduled, and one task names a phase that does not exist: it
   * still gets a row, after the phases. */
  rollout_project_set_start (project, date ("2026-01-05"));
  add_phase (project, "p", "P");
  add_task (project, "x", "nowhere", 2, NULL, ROLLOUT_DEPENDENCY_FS, 0);
  add_task (project, "y", "p", 2, "x", ROLLOUT_DEPENDENCY_FS, 0);
  layout = make_layout (project, ROLLOUT_TIMELINE_ZOOM_WEEK);

  g_assert_cmpuint (rollout_timeline_layout_get_n_rows (layout), ==, 3);
  g_assert_cmpstr (rollout_timeline_layout_get_row (layout, 1)->id, ==, "y");
  row = rollout_timeline_layout_get_row (layout, 2);
  g_assert_cmpstr (row->id, ==, "x");
  g_assert_cmpint (row->phase_row, ==, -1);
  g_assert_true (row->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED);
  g_assert_cmpfloat (row->bar.width, ==, 0);
  rollout_timeline_layout_get_arrows (layout, &n_arrows);
  g_assert_cmpuint (n_arrows, ==, 0);
}

static void
test_large (void)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (10000, 1);
  g_autoptr(GError) error = NULL;
  guint n_deps = 0;

  g_assert_true (rollout_project_schedule (project, NULL, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (rollout_project_get_tasks (project), i);

      n_deps += rollout_task_get_dependencies (task)->len;
    }

  for (RolloutTimelineZoom zoom = 0; zoom < ROLLOUT_TIMELINE_N_ZOOMS; zoom++)
    {
      g_autoptr(RolloutTimelineLayout) layout = make_layout (project, zoom);
      guint n_arrows, n_phases = g_list_model_get_n_items (rollout_project_get_phases (project));
      const RolloutTimelineArrow *arrows = rollout_timeline_layout_get_arrows (layout, &n_arrows);
      double width = rollout_timeline_layout_get_width (layout);

      g_assert_cmpuint (rollout_timeline_layout_get_n_rows (layout), ==, 10000 + n_phases);
      /* Every dependency is drawn. */
      g_assert_cmpuint (n_arrows, ==, n_deps);
      for (guint i = 0; i < n_arrows; i++)
        {
          assert_orthogonal (&arrows[i]);
          g_assert_cmpfloat (arrows[i].points[0].x, >=, 0);
          g_assert_cmpfloat (arrows[i].points[arrows[i].n_points - 1].x, <=, width);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/timeline-layout/rows", test_rows);
  g_test_add_func ("/rollout/timeline-layout/collapse", test_collapse);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/timeline-layout/bars/%s",
                                               rollout_enum_to_nick (ROLLOUT_TYPE_TIMELINE_ZOOM, zoom_cases[i].zoom));

      g_test_add_data_func (path, &zoom_cases[i], test_zoom_case);
    }
  g_test_add_func ("/rollout/timeline-layout/bars/weekend", test_weekend_in_bar);
  g_test_add_func ("/rollout/timeline-layout/milestone", test_milestone);
  g_test_add_func ("/rollout/timeline-layout/arrows/types", test_arrow_types);
  g_test_add_func ("/rollout/timeline-layout/arrows/upwards", test_arrow_upwards);
  g_test_add_func ("/rollout/timeline-layout/visible/rows", test_visible_rows);
  g_test_add_func ("/rollout/timeline-layout/visible/ticks", test_visible_ticks);
  for (guint i = 0; i < G_N_ELEMENTS (scale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/timeline-layout/scale/%s",
                                               rollout_enum_to_nick (ROLLOUT_TYPE_TIMELINE_ZOOM, scale_cases[i].zoom));

      g_test_add_data_func (path, &scale_cases[i], test_scale_case);
    }
  g_test_add_func ("/rollout/timeline-layout/visible/arrows", test_query_arrows);
  g_test_add_func ("/rollout/timeline-layout/visible/arrows-large", test_query_arrows_large);
  g_test_add_func ("/rollout/timeline-layout/visible/arrows-long", test_query_long_arrow);
  g_test_add_func ("/rollout/timeline-layout/hit-test", test_hit_test);
  g_test_add_func ("/rollout/timeline-layout/hit-test-narrow", test_hit_test_narrow);
  g_test_add_func ("/rollout/timeline-layout/flags", test_flags);
  g_test_add_func ("/rollout/timeline-layout/late-milestone", test_late_milestone);
  g_test_add_func ("/rollout/timeline-layout/non-working", test_non_working);
  g_test_add_func ("/rollout/timeline-layout/non-working-week", test_non_working_week);
  g_test_add_func ("/rollout/timeline-layout/empty", test_empty);
  g_test_add_func ("/rollout/timeline-layout/unscheduled", test_unscheduled_and_orphans);
  g_test_add_func ("/rollout/timeline-layout/large", test_large);

  return g_test_run ();
}
