/* test-scheduler.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-scheduler"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rollout-file.h"
#include "rollout-generator.h"
#include "rollout-history.h"
#include "rollout-phase-private.h"
#include "rollout-scheduler.h"

/* Plans are described in tables. Unless a case says otherwise the project
 * starts on Monday 2026-01-05 with a Monday–Friday week, so in January 2026
 * the working-day indices from the start are:
 *
 *   Mon 05 = 0   Mon 12 = 5   Mon 19 = 10
 *   Tue 06 = 1   Tue 13 = 6   Tue 20 = 11
 *   Wed 07 = 2   Wed 14 = 7   Wed 21 = 12
 *   Thu 08 = 3   Thu 15 = 8   Thu 22 = 13
 *   Fri 09 = 4   Fri 16 = 9   Fri 23 = 14
 *
 * A task of duration D starting at index ES finishes on ES + D - 1; the
 * comments give ES, EF = ES + D (exclusive), LF and slack = LF - D - ES.
 */

static RolloutDate
date (const char *text)
{
  RolloutDate d = ROLLOUT_DATE_NONE;

  if (!rollout_date_parse (text, &d))
    g_error ("bad date in test table: %s", text);
  return d;
}

static void
assert_date_eq (RolloutDate  actual,
                const char  *expected)
{
  g_autofree char *text = rollout_date_format (actual);

  g_assert_cmpstr (text, ==, expected != NULL ? expected : "");
}

/* "a b:SS:2 c:FF:-1": depend on a (FS, no lag), b (SS, lag 2), c (FF, lead 1). */
static GPtrArray *
parse_deps (const char *spec)
{
  GPtrArray *deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  g_auto(GStrv) items = NULL;

  if (spec == NULL)
    return deps;

  items = g_strsplit (spec, " ", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 3);
      int type = ROLLOUT_DEPENDENCY_FS;
      int lag = 0;

      if (parts[1] != NULL)
        g_assert_true (rollout_enum_from_nick (ROLLOUT_TYPE_DEPENDENCY_TYPE, parts[1], &type));
      if (parts[1] != NULL && parts[2] != NULL)
        lag = atoi (parts[2]);
      g_ptr_array_add (deps, rollout_dependency_new (parts[0], type, lag));
    }
  return deps;
}

static RolloutProject *
make_project (const char *start)
{
  RolloutProject *project = rollout_project_new ("test");

  rollout_project_set_name (project, "Test");
  if (start != NULL)
    rollout_project_set_start (project, date (start));
  return project;
}

static RolloutTask *
add_task (RolloutProject *project,
          const char     *id,
          const char     *name,
          int             duration,
          const char     *deps)
{
  g_autoptr(RolloutTask) task = rollout_task_new (id);
  g_autoptr(GPtrArray) dependencies = parse_deps (deps);

  rollout_task_set_name (task, name);
  rollout_task_set_phase_id (task, "p");
  rollout_task_set_duration (task, duration);
  rollout_task_set_dependencies (task, dependencies);
  g_assert_true (rollout_project_insert_task (project, task, -1));
  return task;   /* the project holds it */
}

static void
set_calendar (RolloutProject *project,
              const char     *working_days,
              const char     *holidays)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (project);

  if (working_days != NULL)
    {
      g_auto(GStrv) nicks = g_strsplit (working_days, ",", -1);
      guint mask = 0;

      for (guint i = 0; nicks[i] != NULL; i++)
        mask |= 1u << (rollout_weekday_from_nick (nicks[i]) - 1);
      rollout_calendar_set_working_days (calendar, mask);
    }
  if (holidays != NULL)
    {
      g_auto(GStrv) dates = g_strsplit (holidays, " ", -1);
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);

      for (guint i = 0; dates[i] != NULL; i++)
        g_ptr_array_add (list, rollout_holiday_new (date (dates[i]), NULL));
      rollout_calendar_set_holidays (calendar, list);
    }
}

/* Table-driven schedules --------------------------------------------------- */

typedef struct {
  const char *id;
  int         duration;
  const char *deps;
  const char *snet;          /* start no earlier than */
  const char *phase;         /* NULL: "p" */
} TaskSpec;

typedef struct {
  const char *id;
  const char *start;
  const char *finish;
  int         slack;
  gboolean    critical;
} TaskExpect;

typedef struct {
  const char *id;
  const char *planned_start;
  const char *start;         /* expected derived dates; NULL: none */
  const char *finish;
} PhaseSpec;

typedef struct {
  const char *name;
  const char *start;         /* NULL: 2026-01-05 */
  const char *working_days;  /* NULL: mon–fri */
  const char *holidays;
  PhaseSpec   phases[4];     /* none: one phase "p" */
  TaskSpec    tasks[8];
  TaskExpect  expect[8];
  const char *summary_start; /* NULL: 2026-01-05 */
  const char *summary_finish;
  int         length;
  guint       n_critical;
} ScheduleCase;

static const ScheduleCase schedule_cases[] = {
  {
    /* b: ES = EF(a) + 2 = 5; c has nothing to wait for: LF 7, slack 6. */
    .name = "fs-lag",
    .tasks = { { "a", 3 }, { "b", 2, "a:FS:2" }, { "c", 1 } },
    .expect = {
      { "a", "2026-01-05", "2026-01-07", 0, TRUE },
      { "b", "2026-01-12", "2026-01-13", 0, TRUE },
      { "c", "2026-01-05", "2026-01-05", 6, FALSE },
    },
    .summary_finish = "2026-01-13", .length = 7, .n_critical = 2,
  },
  {
    /* b: ES = EF(a) - 1 = 2, overlapping a's last day. */
    .name = "fs-lead",
    .tasks = { { "a", 3 }, { "b", 2, "a:FS:-1" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-07", 0, TRUE },
      { "b", "2026-01-07", "2026-01-08", 0, TRUE },
    },
    .summary_finish = "2026-01-08", .length = 4, .n_critical = 2,
  },
  {
    /* b: ES = ES(a) + 2 = 2, EF 4 < EF(a) 5, so b has a day of slack. */
    .name = "ss-lag",
    .tasks = { { "a", 5 }, { "b", 2, "a:SS:2" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-09", 0, TRUE },
      { "b", "2026-01-07", "2026-01-08", 1, FALSE },
    },
    .summary_finish = "2026-01-09", .length = 5, .n_critical = 1,
  },
  {
    /* a waits for Jan 7 (ES 2); b: ES = 2 - 2 = 0, EF 3; PF 4, b slack 1.
     * a: LF = min (4, LS(b) + 2 + D(a) = 5) = 4, slack 0. */
    .name = "ss-lead",
    .tasks = { { "a", 2, NULL, "2026-01-07" }, { "b", 3, "a:SS:-2" } },
    .expect = {
      { "a", "2026-01-07", "2026-01-08", 0, TRUE },
      { "b", "2026-01-05", "2026-01-07", 1, FALSE },
    },
    .summary_finish = "2026-01-08", .length = 4, .n_critical = 1,
  },
  {
    /* b: EF >= EF(a) + 1 = 4, so ES = 4 - 2 = 2. a: LF = LF(b) - 1 = 3. */
    .name = "ff-lag",
    .tasks = { { "a", 3 }, { "b", 2, "a:FF:1" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-07", 0, TRUE },
      { "b", "2026-01-07", "2026-01-08", 0, TRUE },
    },
    .summary_finish = "2026-01-08", .length = 4, .n_critical = 2,
  },
  {
    /* b: EF >= EF(a) - 1 = 3, so ES = 2; PF 4, b slack 1. */
    .name = "ff-lead",
    .tasks = { { "a", 4 }, { "b", 1, "a:FF:-1" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-08", 0, TRUE },
      { "b", "2026-01-07", "2026-01-07", 1, FALSE },
    },
    .summary_finish = "2026-01-08", .length = 4, .n_critical = 1,
  },
  {
    /* b: EF >= ES(a) + 3 = 3, so ES = 1. a: LF = LF(b) - 3 + D(a) = 2. */
    .name = "sf-lag",
    .tasks = { { "a", 2 }, { "b", 2, "a:SF:3" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-06", 0, TRUE },
      { "b", "2026-01-06", "2026-01-07", 0, TRUE },
    },
    .summary_finish = "2026-01-07", .length = 3, .n_critical = 2,
  },
  {
    /* a waits for Jan 9 (ES 4); b: EF >= 4 - 1 = 3, so ES = 1; PF 5,
     * b: LF 5, slack 5 - 2 - 1 = 2. */
    .name = "sf-lead",
    .tasks = { { "a", 1, NULL, "2026-01-09" }, { "b", 2, "a:SF:-1" } },
    .expect = {
      { "a", "2026-01-09", "2026-01-09", 0, TRUE },
      { "b", "2026-01-06", "2026-01-07", 2, FALSE },
    },
    .summary_finish = "2026-01-09", .length = 5, .n_critical = 1,
  },
  {
    /* Starts on a Saturday: work begins Monday. d runs Wed–Tue over the
     * weekend (ES 2, EF 7) and sets the finish; the a→b→c chain ends at
     * EF 6, one day of slack each. */
    .name = "weekends",
    .start = "2026-01-03",
    .tasks = {
      { "a", 3 }, { "b", 2, "a" }, { "c", 1, "b" }, { "d", 5, NULL, "2026-01-07" },
    },
    .expect = {
      { "a", "2026-01-05", "2026-01-07", 1, FALSE },
      { "b", "2026-01-08", "2026-01-09", 1, FALSE },
      { "c", "2026-01-12", "2026-01-12", 1, FALSE },
      { "d", "2026-01-07", "2026-01-13", 0, TRUE },
    },
    .summary_finish = "2026-01-13", .length = 7, .n_critical = 1,
  },
  {
    /* Wednesday Jan 7 is a holiday: a's five days end on Monday. */
    .name = "holiday-weekday",
    .holidays = "2026-01-07",
    .tasks = { { "a", 5 }, { "b", 1, "a" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-12", 0, TRUE },
      { "b", "2026-01-13", "2026-01-13", 0, TRUE },
    },
    .summary_finish = "2026-01-13", .length = 6, .n_critical = 2,
  },
  {
    /* Saturday Jan 10 is a holiday: nothing moves. */
    .name = "holiday-weekend",
    .holidays = "2026-01-10",
    .tasks = { { "a", 5 }, { "b", 1, "a" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-09", 0, TRUE },
      { "b", "2026-01-12", "2026-01-12", 0, TRUE },
    },
    .summary_finish = "2026-01-12", .length = 6, .n_critical = 2,
  },
  {
    /* The start date itself is a holiday; b's ten days skip Jan 19. */
    .name = "holiday-at-start",
    .start = "2026-01-01",
    .holidays = "2026-01-01 2026-01-19",
    .tasks = { { "a", 2 }, { "b", 10, "a" } },
    .expect = {
      { "a", "2026-01-02", "2026-01-05", 0, TRUE },
      { "b", "2026-01-06", "2026-01-20", 0, TRUE },
    },
    .summary_start = "2026-01-02",
    .summary_finish = "2026-01-20", .length = 12, .n_critical = 2,
  },
  {
    /* Sunday–Thursday: the Friday start moves to Sunday Jan 4. */
    .name = "custom-week",
    .start = "2026-01-02",
    .working_days = "sun,mon,tue,wed,thu",
    .tasks = { { "a", 5 }, { "b", 2, "a" } },
    .expect = {
      { "a", "2026-01-04", "2026-01-08", 0, TRUE },
      { "b", "2026-01-11", "2026-01-12", 0, TRUE },
    },
    .summary_start = "2026-01-04",
    .summary_finish = "2026-01-12", .length = 7, .n_critical = 2,
  },
  {
    /* a may not start before Saturday Jan 10: it starts Monday (ES 5).
     * c's constraint lies before the project start and changes nothing. */
    .name = "snet-weekend",
    .tasks = {
      { "a", 2, NULL, "2026-01-10" }, { "b", 1 }, { "c", 1, NULL, "2025-12-01" },
    },
    .expect = {
      { "a", "2026-01-12", "2026-01-13", 0, TRUE },
      { "b", "2026-01-05", "2026-01-05", 6, FALSE },
      { "c", "2026-01-05", "2026-01-05", 6, FALSE },
    },
    .summary_finish = "2026-01-13", .length = 7, .n_critical = 1,
  },
  {
    /* p2 is planned for Saturday Jan 17, so its tasks start on Monday
     * Jan 19 (index 10), though b's predecessor is done by Jan 6.
     * PF = 14; a: LF = LS(b) = 10, slack 10 - 2 - 0 = 8. */
    .name = "phase-planned-start",
    .phases = {
      { "p1", NULL, "2026-01-05", "2026-01-06" },
      { "p2", "2026-01-17", "2026-01-19", "2026-01-22" },
      { "p3", "2026-01-05", NULL, NULL },
    },
    .tasks = {
      { "a", 2, NULL, NULL, "p1" }, { "b", 1, "a", NULL, "p2" }, { "c", 3, "b", NULL, "p2" },
    },
    .expect = {
      { "a", "2026-01-05", "2026-01-06", 8, FALSE },
      { "b", "2026-01-19", "2026-01-19", 0, TRUE },
      { "c", "2026-01-20", "2026-01-22", 0, TRUE },
    },
    .summary_finish = "2026-01-22", .length = 14, .n_critical = 2,
  },
  {
    /* m sits on the day after a (ES = EF(a) = 3) and b starts that same
     * day; launch sits on the day after b, and is the project's last day.
     * m2 is a milestone at the start with c after it on the same day;
     * PF = 5, so c: LF 5, slack 4, and m2: LF = LS(c) = 4, slack 4. */
    .name = "milestones",
    .tasks = {
      { "a", 3 }, { "m", 0, "a" }, { "b", 2, "m" }, { "launch", 0, "b" },
      { "m2", 0 }, { "c", 1, "m2" },
    },
    .expect = {
      { "a", "2026-01-05", "2026-01-07", 0, TRUE },
      { "m", "2026-01-08", "2026-01-08", 0, TRUE },
      { "b", "2026-01-08", "2026-01-09", 0, TRUE },
      { "launch", "2026-01-12", "2026-01-12", 0, TRUE },
      { "m2", "2026-01-05", "2026-01-05", 4, FALSE },
      { "c", "2026-01-05", "2026-01-05", 4, FALSE },
    },
    .summary_finish = "2026-01-12", .length = 6, .n_critical = 4,
  },
  {
    /* A diamond: s → b (3) → f and s → c (5) → f. c is the longer branch:
     * f: ES 7, PF 8. b: LF = LS(f) = 7, LS 4, slack 2. s: LF = min (4, 2). */
    .name = "critical-path",
    .tasks = {
      { "s", 2 }, { "b", 3, "s" }, { "c", 5, "s" }, { "f", 1, "b c" },
    },
    .expect = {
      { "s", "2026-01-05", "2026-01-06", 0, TRUE },
      { "b", "2026-01-07", "2026-01-09", 2, FALSE },
      { "c", "2026-01-07", "2026-01-13", 0, TRUE },
      { "f", "2026-01-14", "2026-01-14", 0, TRUE },
    },
    .summary_finish = "2026-01-14", .length = 8, .n_critical = 3,
  },
  {
    /* Leads reaching before the project start are held at the start:
     * b: max (0, 2 - 5) = 0, c: max (0, 0 - 3) = 0. PF 3.
     * a: LF = min (3, LS(b) + 5 = 5, LS(c) + 3 + 2 = 7) = 3, slack 1. */
    .name = "lead-clamped-at-start",
    .tasks = { { "a", 2 }, { "b", 3, "a:FS:-5" }, { "c", 1, "a:SS:-3" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-06", 1, FALSE },
      { "b", "2026-01-05", "2026-01-07", 0, TRUE },
      { "c", "2026-01-05", "2026-01-05", 2, FALSE },
    },
    .summary_finish = "2026-01-07", .length = 3, .n_critical = 1,
  },
  {
    /* Dependencies on tasks that do not exist are ignored. */
    .name = "unknown-dependency",
    .tasks = { { "a", 2, "ghost" }, { "b", 1, "a nope:SS:3" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-06", 0, TRUE },
      { "b", "2026-01-07", "2026-01-07", 0, TRUE },
    },
    .summary_finish = "2026-01-07", .length = 3, .n_critical = 2,
  },
  {
    /* Several predecessors of mixed types: the latest bound wins.
     * c: FS a → 3, SS b + 1 → 1, FF b → EF(b) 6 - 2 = 4. So ES 4, EF 6.
     * PF 6; a: LF = LS(c) = 4, slack 1; b: LF = min (6, LS(c) - 1 + 6 = 9,
     * LF(c) = 6) = 6, slack 0. */
    .name = "mixed-types",
    .tasks = { { "a", 3 }, { "b", 6 }, { "c", 2, "a b:SS:1 b:FF" } },
    .expect = {
      { "a", "2026-01-05", "2026-01-07", 1, FALSE },
      { "b", "2026-01-05", "2026-01-12", 0, TRUE },
      { "c", "2026-01-09", "2026-01-12", 0, TRUE },
    },
    .summary_finish = "2026-01-12", .length = 6, .n_critical = 2,
  },
};

static void
test_schedule_case (gconstpointer data)
{
  const ScheduleCase *c = data;
  g_autoptr(RolloutProject) project = make_project (c->start ? c->start : "2026-01-05");
  g_autoptr(GError) error = NULL;
  RolloutScheduleSummary summary;
  guint n_expected = 0;
  gboolean ok;

  set_calendar (project, c->working_days, c->holidays);

  if (c->phases[0].id == NULL)
    {
      g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");

      rollout_project_insert_phase (project, phase, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (c->phases) && c->phases[i].id != NULL; i++)
    {
      g_autoptr(RolloutPhase) phase = rollout_phase_new (c->phases[i].id);

      if (c->phases[i].planned_start != NULL)
        rollout_phase_set_planned_start (phase, date (c->phases[i].planned_start));
      rollout_project_insert_phase (project, phase, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (c->tasks) && c->tasks[i].id != NULL; i++)
    {
      const TaskSpec *t = &c->tasks[i];
      RolloutTask *task = add_task (project, t->id, NULL, t->duration, t->deps);

      if (t->snet != NULL)
        rollout_task_set_start_no_earlier_than (task, date (t->snet));
      if (t->phase != NULL)
        rollout_task_set_phase_id (task, t->phase);
    }

  ok = rollout_project_schedule (project, &summary, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  for (guint i = 0; i < G_N_ELEMENTS (c->expect) && c->expect[i].id != NULL; i++)
    {
      const TaskExpect *e = &c->expect[i];
      RolloutTask *task = rollout_project_lookup_task (project, e->id);

      g_test_message ("task %s", e->id);
      g_assert_nonnull (task);
      assert_date_eq (rollout_task_get_start (task), e->start);
      assert_date_eq (rollout_task_get_finish (task), e->finish);
      g_assert_cmpint (rollout_task_get_total_slack (task), ==, e->slack);
      g_assert_cmpint (rollout_task_get_critical (task), ==, e->critical);
    }
  /* Every task of the case is checked. */
  while (n_expected < G_N_ELEMENTS (c->expect) && c->expect[n_expected].id != NULL)
    n_expected++;
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (project)), ==, n_expected);

  for (guint i = 0; i < G_N_ELEMENTS (c->phases) && c->phases[i].id != NULL; i++)
    {
      RolloutPhase *phase = rollout_project_lookup_phase (project, c->phases[i].id);

      g_test_message ("phase %s", c->phases[i].id);
      assert_date_eq (rollout_phase_get_start (phase), c->phases[i].start);
      assert_date_eq (rollout_phase_get_finish (phase), c->phases[i].finish);
    }

  assert_date_eq (summary.start, c->summary_start ? c->summary_start : "2026-01-05");
  assert_date_eq (summary.finish, c->summary_finish);
  g_assert_cmpint (summary.length, ==, c->length);
  g_assert_cmpuint (summary.n_critical, ==, c->n_critical);
}

/* The phase of a single-phase case spans its tasks. */
static void
test_phase_span (void)
{
  g_autoptr(RolloutProject) project = make_project ("2026-01-05");
  g_autoptr(RolloutPhase) p = rollout_phase_new ("p");
  g_autoptr(RolloutPhase) empty = rollout_phase_new ("empty");
  RolloutTask *orphan;

  rollout_project_insert_phase (project, p, -1);
  rollout_project_insert_phase (project, empty, -1);
  add_task (project, "a", NULL, 2, NULL);
  add_task (project, "b", NULL, 3, "a");
  add_task (project, "m", NULL, 0, "b");
  orphan = add_task (project, "orphan", NULL, 20, NULL);
  rollout_task_set_phase_id (orphan, "no-such-phase");

  /* Stale values are replaced. */
  _rollout_phase_set_schedule (empty, date ("2020-01-01"), date ("2020-01-02"));

  g_assert_true (rollout_project_schedule (project, NULL, NULL));
  assert_date_eq (rollout_phase_get_start (p), "2026-01-05");
  assert_date_eq (rollout_phase_get_finish (p), "2026-01-12");   /* m: ES 5 */
  assert_date_eq (rollout_phase_get_start (empty), NULL);
  assert_date_eq (rollout_phase_get_finish (empty), NULL);
  /* The orphan still counts for the project: PF 20, so the chain has slack. */
  assert_date_eq (rollout_task_get_finish (orphan), "2026-01-30");
  g_assert_cmpint (rollout_task_get_total_slack (rollout_project_lookup_task (project, "m")), ==, 15);
}

static void
test_reschedule (void)
{
  g_autoptr(RolloutProject) project = make_project ("2026-01-05");
  RolloutTask *b, *c;
  RolloutScheduleSummary summary;

  add_task (project, "s", NULL, 2, NULL);
  b = add_task (project, "b", NULL, 3, "s");
  c = add_task (project, "c", NULL, 5, "s");
  add_task (project, "f", NULL, 1, "b c");

  g_assert_true (rollout_project_schedule (project, &summary, NULL));
  g_assert_false (rollout_task_get_critical (b));
  g_assert_true (rollout_task_get_critical (c));

  /* b becomes the longer branch: ES 2, EF 8; f: 8–9; c slack 1. */
  rollout_task_set_duration (b, 6);
  g_assert_true (rollout_project_schedule (project, &summary, NULL));
  assert_date_eq (rollout_task_get_finish (b), "2026-01-14");
  g_assert_true (rollout_task_get_critical (b));
  g_assert_false (rollout_task_get_critical (c));
  g_assert_cmpint (rollout_task_get_total_slack (c), ==, 1);
  assert_date_eq (summary.finish, "2026-01-15");
  g_assert_cmpint (summary.length, ==, 9);
  g_assert_cmpuint (summary.n_critical, ==, 3);
}

static void
test_empty (void)
{
  g_autoptr(RolloutProject) project = make_project ("2026-01-03");
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;
  RolloutScheduleSummary summary;

  rollout_project_insert_phase (project, phase, -1);
  memset (&summary, 0xff, sizeof summary);

  g_assert_true (rollout_project_schedule (project, &summary, &error));
  g_assert_no_error (error);
  assert_date_eq (summary.start, "2026-01-05");   /* Saturday → Monday */
  g_assert_cmpuint (summary.finish, ==, ROLLOUT_DATE_NONE);
  g_assert_cmpint (summary.length, ==, 0);
  g_assert_cmpuint (summary.n_critical, ==, 0);
  g_assert_cmpuint (rollout_phase_get_start (phase), ==, ROLLOUT_DATE_NONE);
  g_assert_cmpuint (rollout_phase_get_finish (phase), ==, ROLLOUT_DATE_NONE);

  cycles = rollout_scheduler_find_cycles (project);
  g_assert_cmpuint (cycles->len, ==, 0);
}

static void
test_no_start (void)
{
  g_autoptr(RolloutProject) project = make_project (NULL);
  g_autoptr(GError) error = NULL;
  RolloutScheduleSummary summary;
  RolloutTask *a;

  a = add_task (project, "a", NULL, 2, NULL);
  memset (&summary, 0xff, sizeof summary);

  g_assert_false (rollout_project_schedule (project, &summary, &error));
  g_assert_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_NO_START);
  g_assert_cmpuint (summary.finish, ==, ROLLOUT_DATE_NONE);
  g_assert_cmpint (summary.length, ==, 0);
  g_assert_cmpuint (rollout_task_get_start (a), ==, ROLLOUT_DATE_NONE);
}

/* Cycles ------------------------------------------------------------------- */

typedef struct {
  const char *name;
  TaskSpec    tasks[8];
  const char *cycles;   /* ids in dependency order, cycles separated by " | " */
} CycleCase;

static const CycleCase cycle_cases[] = {
  { "none", { { "a", 1 }, { "b", 1, "a" }, { "c", 1, "a b" } }, "" },
  { "unknown-ids", { { "a", 1, "ghost" }, { "b", 1, "a ghost a" } }, "" },
  { "two", { { "a", 1, "b" }, { "b", 1, "a" } }, "a b" },
  /* c depends on a, b on c, a on b: dependency order differs from plan order. */
  { "three", { { "a", 1, "b" }, { "b", 1, "c" }, { "c", 1, "a" } }, "a c b" },
  { "self", { { "a", 1, "a" }, { "b", 1, "a" } }, "a" },
  { "self-later", { { "a", 1 }, { "b", 1, "a b" }, { "c", 1, "b" } }, "b" },
  { "two-separate",
    { { "a", 1, "b" }, { "b", 1, "a" }, { "c", 1 }, { "d", 1, "e" }, { "e", 1, "f" },
      { "f", 1, "d" }, { "g", 1, "a d" } },
    "a b | d f e" },
  /* a → b → c → a with a chord b → a: the shortest cycle through a. */
  { "chord", { { "a", 1, "c b" }, { "b", 1, "a" }, { "c", 1, "b" } }, "a b" },
  /* Any dependency type closes a cycle, whatever its lag. */
  { "types", { { "x", 1 }, { "a", 1, "b:SS:-3" }, { "b", 1, "x a:FF:2" } }, "a b" },
  /* A cycle that is entered from outside and left again. */
  { "inside-chain",
    { { "a", 1 }, { "b", 1, "a d" }, { "c", 1, "b" }, { "d", 1, "c" }, { "e", 1, "d" } },
    "b c d" },
};

static char *
cycles_to_string (GPtrArray *cycles)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cycles->len; i++)
    {
      GPtrArray *cycle = g_ptr_array_index (cycles, i);

      if (i > 0)
        g_string_append (s, " | ");
      for (guint j = 0; j < cycle->len; j++)
        {
          if (j > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, rollout_task_get_id (g_ptr_array_index (cycle, j)));
        }
    }
  return g_string_free (s, FALSE);
}

static gboolean
depends_on (RolloutTask *task,
            RolloutTask *pred)
{
  GPtrArray *deps = rollout_task_get_dependencies (task);

  for (guint i = 0; i < deps->len; i++)
    {
      const RolloutDependency *dep = g_ptr_array_index (deps, i);

      if (g_strcmp0 (dep->task_id, rollout_task_get_id (pred)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Each task of a reported cycle depends on the one before, the first on the
 * last, and no task appears twice. */
static void
assert_cycles_real (GPtrArray *cycles)
{
  for (guint i = 0; i < cycles->len; i++)
    {
      GPtrArray *cycle = g_ptr_array_index (cycles, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      g_assert_cmpuint (cycle->len, >, 0);
      for (guint j = 0; j < cycle->len; j++)
        {
          RolloutTask *task = g_ptr_array_index (cycle, j);
          RolloutTask *pred = g_ptr_array_index (cycle, (j + cycle->len - 1) % cycle->len);

          g_assert_true (ROLLOUT_IS_TASK (task));
          g_assert_true (depends_on (task, pred));
          g_assert_true (g_hash_table_add (seen, task));
        }
    }
}

static void
test_cycle_case (gconstpointer data)
{
  const CycleCase *c = data;
  g_autoptr(RolloutProject) project = make_project ("2026-01-05");
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (c->tasks) && c->tasks[i].id != NULL; i++)
    add_task (project, c->tasks[i].id, NULL, c->tasks[i].duration, c->tasks[i].deps);

  cycles = rollout_scheduler_find_cycles (project);
  text = cycles_to_string (cycles);
  g_assert_cmpstr (text, ==, c->cycles);
  assert_cycles_real (cycles);

  ok = rollout_project_schedule (project, NULL, &error);
  if (cycles->len == 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE);
      g_assert_false (ok);
    }
}

static void
test_cycle_error (void)
{
  g_autoptr(RolloutProject) project = make_project ("2026-01-05");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autofree char *formatted = NULL;
  RolloutScheduleSummary summary;
  RolloutTask *alpha;

  alpha = add_task (project, "alpha", "Alpha", 1, "beta");
  add_task (project, "beta", "Beta", 1, "gamma");
  add_task (project, "gamma", "Gamma", 1, "alpha");
  add_task (project, "delta", NULL, 1, NULL);

  cycles = rollout_scheduler_find_cycles (project);
  g_assert_cmpuint (cycles->len, ==, 1);
  formatted = rollout_scheduler_format_cycle (g_ptr_array_index (cycles, 0));
  g_assert_cmpstr (formatted, ==, "‘Alpha’ → ‘Gamma’ → ‘Beta’ → ‘Alpha’");

  g_assert_false (rollout_project_schedule (project, &summary, &error));
  g_assert_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "‘Alpha’ → ‘Gamma’ → ‘Beta’ → ‘Alpha’"));
  /* Nothing was scheduled. */
  g_assert_cmpuint (rollout_task_get_start (alpha), ==, ROLLOUT_DATE_NONE);
  g_assert_cmpint (summary.length, ==, 0);
}

static void
test_cycle_error_several (void)
{
  g_autoptr(RolloutProject) project = make_project ("2026-01-05");
  g_autoptr(GError) error = NULL;

  add_task (project, "a", NULL, 1, "a");        /* unnamed: shown by id */
  add_task (project, "b", "Bee", 1, "c");
  add_task (project, "c", "Sea", 1, "b");

  g_assert_false (rollout_project_schedule (project, NULL, &error));
  g_assert_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "‘a’ → ‘a’"));
  g_assert_nonnull (strstr (error->message, "1 more"));
}

/* Large plans -------------------------------------------------------------- */

#define CHAIN_LENGTH 100000

static RolloutProject *
make_chain (void)
{
  RolloutProject *project = make_project ("2026-01-05");
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");

  rollout_project_insert_phase (project, phase, -1);
  for (guint i = 0; i < CHAIN_LENGTH; i++)
    {
      char id[16], prev[16] = "";

      g_snprintf (id, sizeof id, "t%u", i);
      if (i > 0)
        g_snprintf (prev, sizeof prev, "t%u", i - 1);
      add_task (project, id, NULL, 1, i > 0 ? prev : NULL);
    }
  return project;
}

static void
test_long_chain (void)
{
  g_autoptr(RolloutProject) project = make_chain ();
  g_autoptr(GPtrArray) cycles = NULL;
  RolloutScheduleSummary summary;
  g_autoptr(GError) error = NULL;

  cycles = rollout_scheduler_find_cycles (project);
  g_assert_cmpuint (cycles->len, ==, 0);

  g_assert_true (rollout_project_schedule (project, &summary, &error));
  g_assert_no_error (error);
  /* 100,000 working days are exactly 20,000 weeks: the last is the Friday
   * 20,000 weeks after the first Monday, 139,997 days later. */
  assert_date_eq (summary.finish, "2409-04-24");
  g_assert_cmpint (summary.length, ==, CHAIN_LENGTH);
  g_assert_cmpuint (summary.n_critical, ==, CHAIN_LENGTH);
  assert_date_eq (rollout_task_get_start (rollout_project_lookup_task (project, "t0")), "2026-01-05");
  assert_date_eq (rollout_task_get_finish (rollout_project_lookup_task (project, "t99999")), "2409-04-24");
  assert_date_eq (rollout_phase_get_finish (rollout_project_lookup_phase (project, "p")), "2409-04-24");
}

static void
test_long_cycle (void)
{
  g_autoptr(RolloutProject) project = make_chain ();
  g_autoptr(GPtrArray) deps = parse_deps ("t99999");
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cycle;

  rollout_task_set_dependencies (rollout_project_lookup_task (project, "t0"), deps);

  cycles = rollout_scheduler_find_cycles (project);
  g_assert_cmpuint (cycles->len, ==, 1);
  cycle = g_ptr_array_index (cycles, 0);
  g_assert_cmpuint (cycle->len, ==, CHAIN_LENGTH);
  g_assert_cmpstr (rollout_task_get_id (g_ptr_array_index (cycle, 0)), ==, "t0");
  g_assert_cmpstr (rollout_task_get_id (g_ptr_array_index (cycle, 1)), ==, "t1");
  g_assert_cmpstr (rollout_task_get_id (g_ptr_array_index (cycle, CHAIN_LENGTH - 1)), ==, "t99999");

  g_assert_false (rollout_project_schedule (project, NULL, &error));
  g_assert_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE);
}

/* Scheduling again after edits ----------------------------------------------
 *
 * After an edit the scheduler only computes again what the edit can move
 * (see rollout-scheduler.c). Whatever the edits, the result must be the
 * one a full run gives: here a generated plan takes random edits through
 * its history (and a few behind its back: the calendar, the project start),
 * is rescheduled after each, and is compared with a copy read back from
 * its own text and scheduled from nothing. */

static void
assert_same_schedule (RolloutProject               *project,
                      const RolloutScheduleSummary *summary,
                      guint                         step)
{
  g_autofree char *text = rollout_file_write (project, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) copy = rollout_file_read (text, strlen (text), NULL, &error);
  RolloutScheduleSummary expected;
  GListModel *tasks, *copy_tasks, *phases, *copy_phases;

  g_assert_no_error (error);
  g_assert_true (rollout_project_schedule (copy, &expected, &error));
  g_assert_no_error (error);

  tasks = rollout_project_get_tasks (project);
  copy_tasks = rollout_project_get_tasks (copy);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, g_list_model_get_n_items (copy_tasks));
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RolloutTask) a = g_list_model_get_item (tasks, i);
      g_autoptr(RolloutTask) b = g_list_model_get_item (copy_tasks, i);

      if (rollout_task_get_start (a) != rollout_task_get_start (b) ||
          rollout_task_get_finish (a) != rollout_task_get_finish (b) ||
          rollout_task_get_total_slack (a) != rollout_task_get_total_slack (b) ||
          rollout_task_get_critical (a) != rollout_task_get_critical (b))
        g_error ("step %u: task %s: %u–%u slack %d, a full run gives %u–%u slack %d", step,
                 rollout_task_get_id (a), rollout_task_get_start (a), rollout_task_get_finish (a),
                 rollout_task_get_total_slack (a), rollout_task_get_start (b), rollout_task_get_finish (b),
                 rollout_task_get_total_slack (b));
    }

  phases = rollout_project_get_phases (project);
  copy_phases = rollout_project_get_phases (copy);
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, g_list_model_get_n_items (copy_phases));
  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(RolloutPhase) a = g_list_model_get_item (phases, p);
      g_autoptr(RolloutPhase) b = g_list_model_get_item (copy_phases, p);

      g_assert_cmpuint (rollout_phase_get_start (a), ==, rollout_phase_get_start (b));
      g_assert_cmpuint (rollout_phase_get_finish (a), ==, rollout_phase_get_finish (b));
    }

  g_assert_cmpuint (summary->start, ==, expected.start);
  g_assert_cmpuint (summary->finish, ==, expected.finish);
  g_assert_cmpint (summary->length, ==, expected.length);
  g_assert_cmpuint (summary->n_critical, ==, expected.n_critical);
}

static RolloutTask *
random_task (RolloutProject *project,
             GRand          *rand)
{
  GListModel *tasks = rollout_project_get_tasks (project);
  g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, g_rand_int_range (rand, 0, g_list_model_get_n_items (tasks)));

  return task;   /* the project holds it */
}

/* One random edit, through @history where an edit of a person would go. */
static void
random_edit (RolloutProject *project,
             RolloutHistory *history,
             GRand          *rand)
{
  RolloutTask *task = random_task (project, rand);
  RolloutDate start = rollout_project_get_start (project);
  RolloutCommand *command = NULL;
  int kind = g_rand_int_range (rand, 0, 100);

  if (kind < 25)
    command = rollout_command_new_set_many (task, "duration", "duration", g_rand_int_range (rand, 0, 12), NULL);
  else if (kind < 45)
    command = rollout_command_new_set_many (task, "move", "start-no-earlier-than",
                                            g_rand_boolean (rand) ? start + g_rand_int_range (rand, 0, 400)
                                                                  : ROLLOUT_DATE_NONE,
                                            NULL);
  else if (kind < 60)
    {
      /* A dependency more, of any type, on any task: some make circles. */
      RolloutTask *other = random_task (project, rand);
      GPtrArray *current = rollout_task_get_dependencies (task);
      g_autoptr(GPtrArray) deps = current != NULL
        ? rollout_ptr_array_copy (current, (GBoxedCopyFunc) rollout_dependency_copy,
                                  (GDestroyNotify) rollout_dependency_free)
        : g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);

      for (guint i = 0; i < deps->len; i++)
        if (g_strcmp0 (((RolloutDependency *) g_ptr_array_index (deps, i))->task_id, rollout_task_get_id (other)) == 0)
          return;
      g_ptr_array_add (deps, rollout_dependency_new (rollout_task_get_id (other),
                                                     g_rand_int_range (rand, 0, 4),
                                                     g_rand_int_range (rand, -3, 6)));
      command = rollout_command_new_set_many (task, "link", "dependencies", deps, NULL);
    }
  else if (kind < 68)
    {
      GPtrArray *current = rollout_task_get_dependencies (task);
      g_autoptr(GPtrArray) deps = NULL;

      if (current == NULL || current->len == 0)
        return;
      deps = rollout_ptr_array_copy (current, (GBoxedCopyFunc) rollout_dependency_copy,
                                     (GDestroyNotify) rollout_dependency_free);
      g_ptr_array_remove_index (deps, g_rand_int_range (rand, 0, deps->len));
      command = rollout_command_new_set_many (task, "unlink", "dependencies", deps, NULL);
    }
  else if (kind < 73)
    {
      GListModel *phases = rollout_project_get_phases (project);
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, g_rand_int_range (rand, 0, g_list_model_get_n_items (phases)));

      command = rollout_command_new_set_many (task, "phase", "phase-id", rollout_phase_get_id (phase), NULL);
    }
  else if (kind < 77)
    {
      GListModel *phases = rollout_project_get_phases (project);
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, g_rand_int_range (rand, 0, g_list_model_get_n_items (phases)));

      command = rollout_command_new_set_many (phase, "planned", "planned-start",
                                              g_rand_boolean (rand) ? start + g_rand_int_range (rand, 0, 300)
                                                                    : ROLLOUT_DATE_NONE,
                                              NULL);
    }
  else if (kind < 80)
    command = rollout_command_new_delete_task (project, task);
  else if (kind < 83)
    {
      g_autofree char *id = rollout_project_make_id (project, ROLLOUT_TYPE_TASK, "new");
      g_autoptr(RolloutTask) added = rollout_task_new (id);
      g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);

      rollout_task_set_name (added, "New");
      rollout_task_set_phase_id (added, rollout_task_get_phase_id (task));
      rollout_task_set_duration (added, g_rand_int_range (rand, 0, 8));
      g_ptr_array_add (deps, rollout_dependency_new (rollout_task_get_id (task), ROLLOUT_DEPENDENCY_FS, 0));
      rollout_task_set_dependencies (added, deps);
      command = rollout_command_new_insert (added, g_rand_int_range (rand, -1, 50), "add");
    }
  else if (kind < 88)
    command = rollout_command_new_set_many (task, "rename", "name", "Renamed", NULL);
  else if (kind < 94)
    {
      if (g_rand_boolean (rand))
        rollout_history_undo (history);
      else
        rollout_history_redo (history);
      return;
    }
  else if (kind < 97)
    {
      /* Behind the history's back: a holiday, or another week. */
      RolloutCalendar *calendar = rollout_project_get_calendar (project);

      if (g_rand_boolean (rand))
        {
          g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);

          g_ptr_array_add (holidays, rollout_holiday_new (start + g_rand_int_range (rand, 0, 200), NULL));
          rollout_calendar_set_holidays (calendar, holidays);
        }
      else
        rollout_calendar_set_working_days (calendar, g_rand_boolean (rand) ? 0x1f : 0x3f);
      return;
    }
  else
    {
      rollout_project_set_start (project, start + g_rand_int_range (rand, -10, 10));
      return;
    }

  /* An edit that makes a circle is refused and leaves the plan as it was. */
  rollout_history_execute (history, command, NULL);
  g_object_unref (command);
}

static void
test_incremental (void)
{
  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr(RolloutProject) project = rollout_generate_project (20 + seed * 23, seed);
      g_autoptr(RolloutHistory) history = rollout_history_new (project);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      RolloutScheduleSummary summary;
      g_autoptr(GError) error = NULL;

      g_assert_true (rollout_project_schedule (project, &summary, &error));
      g_assert_no_error (error);
      for (guint step = 0; step < 150; step++)
        {
          /* Now and then two edits before the plan is scheduled. */
          if (g_rand_int_range (rand, 0, 10) == 0)
            {
              RolloutTask *task = random_task (project, rand);

              rollout_task_set_duration (task, rollout_task_get_duration (task) + 1);
            }
          random_edit (project, history, rand);
          g_assert_true (rollout_project_schedule (project, &summary, &error));
          g_assert_no_error (error);
          assert_same_schedule (project, &summary, step);
        }
    }
}

/* A circle made behind the history's back fails the run and changes
 * nothing; removing it schedules again. */
static void
test_incremental_cycle (void)
{
  g_autoptr(RolloutProject) project = make_project ("2026-01-05");
  g_autoptr(GPtrArray) circle = parse_deps ("c");
  g_autoptr(GPtrArray) none = parse_deps (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");
  RolloutScheduleSummary summary;
  RolloutTask *a, *c;

  rollout_phase_set_name (phase, "P");
  rollout_project_insert_phase (project, phase, -1);
  a = add_task (project, "a", "a", 2, NULL);
  add_task (project, "b", "b", 3, "a");
  c = add_task (project, "c", "c", 1, "b");
  g_assert_true (rollout_project_schedule (project, &summary, NULL));
  assert_date_eq (rollout_task_get_start (c), "2026-01-12");

  rollout_task_set_dependencies (a, circle);
  rollout_task_set_duration (c, 4);
  g_assert_false (rollout_project_schedule (project, &summary, &error));
  g_assert_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE);
  g_assert_cmpstr (error->message, ==, "Tasks depend on each other in a circle: ‘a’ → ‘b’ → ‘c’ → ‘a’");
  assert_date_eq (rollout_task_get_finish (c), "2026-01-12");
  g_clear_error (&error);

  rollout_task_set_dependencies (a, none);
  g_assert_true (rollout_project_schedule (project, &summary, &error));
  assert_date_eq (rollout_task_get_finish (c), "2026-01-15");
  assert_same_schedule (project, &summary, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schedule_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/rollout/scheduler/", schedule_cases[i].name, NULL);

      g_test_add_data_func (path, &schedule_cases[i], test_schedule_case);
    }
  g_test_add_func ("/rollout/scheduler/phase-span", test_phase_span);
  g_test_add_func ("/rollout/scheduler/reschedule", test_reschedule);
  g_test_add_func ("/rollout/scheduler/incremental", test_incremental);
  g_test_add_func ("/rollout/scheduler/incremental-cycle", test_incremental_cycle);
  g_test_add_func ("/rollout/scheduler/empty", test_empty);
  g_test_add_func ("/rollout/scheduler/no-start", test_no_start);

  for (guint i = 0; i < G_N_ELEMENTS (cycle_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/rollout/scheduler/cycles/", cycle_cases[i].name, NULL);

      g_test_add_data_func (path, &cycle_cases[i], test_cycle_case);
    }
  g_test_add_func ("/rollout/scheduler/cycle-error", test_cycle_error);
  g_test_add_func ("/rollout/scheduler/cycle-error-several", test_cycle_error_several);

  g_test_add_func ("/rollout/scheduler/long-chain", test_long_chain);
  g_test_add_func ("/rollout/scheduler/long-cycle", test_long_cycle);

  return g_test_run ();
}
