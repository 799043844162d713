/* test-import.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rollout-file.h"
#include "rollout-import.h"
#include "rollout-scheduler.h"

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static RolloutProject *
import_sample (const char           *name,
               RolloutImportReport **out_report)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RolloutProject *project;

  project = rollout_import_load (file, NULL, out_report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static RolloutTask *
task (RolloutProject *project,
      const char     *id)
{
  RolloutTask *t = rollout_project_lookup_task (project, id);

  if (t == NULL)
    g_error ("no task %s", id);
  return t;
}

static void
assert_date (RolloutDate  date,
             const char  *expected)
{
  g_autofree char *text = rollout_date_format (date);

  g_assert_cmpstr (text, ==, expected);
}

/* The task's dependency on @pred, which must exist. */
static const RolloutDependency *
dependency (RolloutProject *project,
            const char     *id,
            const char     *pred)
{
  GPtrArray *deps = rollout_task_get_dependencies (task (project, id));

  for (guint i = 0; deps != NULL && i < deps->len; i++)
    {
      const RolloutDependency *dep = g_ptr_array_index (deps, i);

      if (g_strcmp0 (dep->task_id, pred) == 0)
        return dep;
    }
  g_error ("%s does not depend on %s", id, pred);
  return NULL;
}

static void
assert_dependency (RolloutProject        *project,
                   const char            *id,
                   const char            *pred,
                   RolloutDependencyType  type,
                   int                    lag)
{
  const RolloutDependency *dep = dependency (project, id, pred);

  g_assert_cmpint (dep->type, ==, type);
  g_assert_cmpint (dep->lag, ==, lag);
}

static void
assert_schedule (RolloutProject *project,
                 const char     *id,
                 const char     *start,
                 const char     *finish)
{
  assert_date (rollout_task_get_start (task (project, id)), start);
  assert_date (rollout_task_get_finish (task (project, id)), finish);
}

static gboolean
has_line (GPtrArray  *lines,
          const char *expected)
{
  for (guint i = 0; i < lines->len; i++)
    if (strcmp (g_ptr_array_index (lines, i), expected) == 0)
      return TRUE;
  return FALSE;
}

/* The plan validates, and survives writing and reading back unchanged. */
static void
assert_valid_plan (RolloutProject *project)
{
  g_autoptr(GPtrArray) diagnostics = rollout_project_validate (project);
  g_autoptr(GPtrArray) read_diagnostics = NULL;
  g_autoptr(RolloutProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  text = rollout_file_write (project, &length);
  again = rollout_file_read (text, length, &read_diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  text_again = rollout_file_write (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_true (rollout_project_schedule (again, NULL, &error));
  g_assert_no_error (error);
}

static void
test_mspdi_sample (void)
{
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(RolloutProject) project = import_sample ("plan.xml", &report);
  RolloutCalendar *calendar = rollout_project_get_calendar (project);
  GPtrArray *holidays = rollout_calendar_get_holidays (calendar);
  GListModel *phases = rollout_project_get_phases (project);
  g_autoptr(RolloutPhase) pilot = NULL;
  g_autofree char *comparison = NULL;
  RolloutTeam *team;

  g_assert_cmpint (rollout_import_report_get_format (report), ==, ROLLOUT_IMPORT_FORMAT_MSPDI);
  g_assert_cmpstr (rollout_project_get_name (project), ==, "Lancement ünïcode");
  g_assert_cmpstr (rollout_project_get_owner (project), ==, "Maëlle Dubois");
  assert_date (rollout_project_get_start (project), "2026-03-02");

  /* Working week and holidays; the working Saturday and the recurring
   * exception are reported instead. */
  g_assert_cmpuint (rollout_calendar_get_working_days (calendar), ==, ROLLOUT_WEEKDAYS_MON_FRI);
  g_assert_cmpuint (holidays->len, ==, 3);
  assert_date (((RolloutHoliday *) g_ptr_array_index (holidays, 0))->date, "2026-03-13");
  g_assert_cmpstr (((RolloutHoliday *) g_ptr_array_index (holidays, 0))->name, ==, "Fête des fondateurs");
  assert_date (((RolloutHoliday *) g_ptr_array_index (holidays, 2))->date, "2026-05-15");

  /* Level-1 summaries are phases; the top-level task goes to its own. */
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, 4);
  pilot = g_list_model_get_item (phases, 1);
  g_assert_cmpstr (rollout_phase_get_name (pilot), ==, "Phase 2 — Pilote");
  g_assert_cmpstr (rollout_phase_get_description (pilot), ==, "Cinq pour cent des utilisateurs.");
  assert_date (rollout_phase_get_planned_start (pilot), "2026-03-23");
  g_assert_cmpstr (rollout_task_get_phase_id (task (project, "task-15")), ==, "phase-tasks");

  /* Summaries are not tasks; deeper tasks keep their outline path. */
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (project)), ==, 14);
  g_assert_null (rollout_project_lookup_task (project, "task-3"));
  g_assert_cmpstr (rollout_task_get_notes (task (project, "task-4")), ==, "Outline: Backend 🚀");
  g_assert_cmpstr (rollout_task_get_notes (task (project, "task-2")), ==,
                   "Rédigée par l’équipe « produit ».\nDeux lignes.");

  /* Type codes 0 = FF, 1 = FS, 2 = SF, 3 = SS, and lags in every unit:
   * days (4800 tenths of a minute), hours (16 h), minutes (480), weeks,
   * elapsed days (7 calendar days = 5 working days), percent (50 % of a
   * 4-day task), and half a day rounded up. */
  assert_dependency (project, "task-4", "task-2", ROLLOUT_DEPENDENCY_FS, 1);
  assert_dependency (project, "task-5", "task-4", ROLLOUT_DEPENDENCY_SS, 2);
  assert_dependency (project, "task-6", "task-4", ROLLOUT_DEPENDENCY_FF, 1);
  assert_dependency (project, "task-10", "task-9", ROLLOUT_DEPENDENCY_SF, 5);
  assert_dependency (project, "task-11", "task-10", ROLLOUT_DEPENDENCY_FS, 5);
  assert_dependency (project, "task-14", "task-9", ROLLOUT_DEPENDENCY_FS, 2);
  assert_dependency (project, "task-13", "task-12", ROLLOUT_DEPENDENCY_SS, 1);
  g_assert_nonnull (strstr (rollout_task_get_notes (task (project, "task-13")),
                            "Lag of 0.5 working days after ‘Demi-journée’ rounded up to 1."));
  /* The cross-project link is not a dependency. */
  g_assert_cmpuint (rollout_task_get_dependencies (task (project, "task-14"))->len, ==, 1);
  /* A link from a summary applies to every task under it. */
  g_assert_cmpuint (rollout_task_get_dependencies (task (project, "task-17"))->len, ==, 6);
  assert_dependency (project, "task-17", "task-11", ROLLOUT_DEPENDENCY_FS, 0);

  /* Durations: 7 elapsed days are 5 working days; half a day rounds up
   * with a note; milestones are zero. */
  g_assert_cmpint (rollout_task_get_duration (task (project, "task-11")), ==, 5);
  g_assert_cmpint (rollout_task_get_duration (task (project, "task-12")), ==, 1);
  g_assert_nonnull (strstr (rollout_task_get_notes (task (project, "task-12")),
                            "Duration 0.5 working days in the source, rounded up to 1."));
  g_assert_true (rollout_task_is_milestone (task (project, "task-7")));
  g_assert_true (rollout_task_is_milestone (task (project, "task-17")));

  /* Constraints, progress, owners and teams. */
  assert_date (rollout_task_get_start_no_earlier_than (task (project, "task-15")), "2026-04-20");
  g_assert_cmpint (rollout_task_get_progress (task (project, "task-4")), ==, 50);
  g_assert_cmpint (rollout_task_get_status (task (project, "task-4")), ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpstr (rollout_task_get_owner (task (project, "task-2")), ==, "Zoë Müller");
  g_assert_cmpstr (rollout_task_get_owner (task (project, "task-18")), ==, "Ana Sánchez");
  g_assert_null (rollout_task_get_owner (task (project, "task-9")));
  team = rollout_project_lookup_team (project, rollout_task_get_team_id (task (project, "task-4")));
  g_assert_nonnull (team);
  g_assert_cmpstr (rollout_team_get_name (team), ==, "Ingénierie");
  g_assert_cmpstr (rollout_team_get_members (team)[1], ==, "Ørjan Berg");

  /* The schedule against MS Project's stored dates. */
  assert_schedule (project, "task-6", "2026-03-16", "2026-03-16");
  assert_schedule (project, "task-7", "2026-03-17", "2026-03-17");
  assert_schedule (project, "task-10", "2026-03-25", "2026-03-27");
  assert_schedule (project, "task-11", "2026-04-06", "2026-04-10");
  assert_schedule (project, "task-17", "2026-04-13", "2026-04-13");
  g_assert_cmpuint (rollout_import_report_get_dates_compared (report), ==, 14);
  g_assert_cmpuint (rollout_import_report_get_dates_matching (report), ==, 13);
  comparison = rollout_import_report_format_comparison (report);
  g_assert_cmpstr (comparison, ==,
                   "13 of 14 task dates match the source schedule; 1 differs: ‘Suivi’ is scheduled "
                   "2026-03-24 – 2026-03-24, the source has 2026-03-23 – 2026-03-24.");

  /* Nothing dropped in silence. */
  {
    GPtrArray *notes = rollout_import_report_get_notes (report);
    static const char *expected[] = {
      "1 resource assignment with units ignored",
      "1 further resource on a task ignored (a task has one owner)",
      "1 material or cost resource ignored",
      "1 calendar exception that makes a day off a working day ignored",
      "1 recurring calendar exception ignored",
      "1 calendar other than the project calendar ignored",
      "1 “must start on” constraint kept as “start no earlier than”",
      "1 date constraint other than “start no earlier than” ignored",
      "1 deadline ignored",
      "1 baseline ignored",
      "1 cost or rate ignored",
      "1 custom field value ignored",
      "1 task priority ignored",
      "1 hyperlink ignored",
      "1 task with actual dates: actual dates ignored (progress kept)",
      "1 dependency on another project ignored",
      "1 dependency on a summary task was applied to the tasks under it",
      "1 lag given as a percentage of the predecessor was converted to working days",
      "1 top-level task outside any summary task was put in the phase ‘Other tasks’",
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      if (!has_line (notes, expected[i]))
        g_error ("missing from the report: %s", expected[i]);
  }
  g_assert_cmpstr (rollout_import_report_get_summary (report), ==,
                   "From MS Project XML: 4 phases, 12 tasks, 2 milestones, 17 dependencies, 3 owners, 2 teams, 3 holidays.");
  assert_valid_plan (project);
}

static void
test_gan_sample (void)
{
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(RolloutProject) project = import_sample ("plan.gan", &report);
  RolloutCalendar *calendar = rollout_project_get_calendar (project);
  GPtrArray *holidays = rollout_calendar_get_holidays (calendar);

  g_assert_cmpint (rollout_import_report_get_format (report), ==, ROLLOUT_IMPORT_FORMAT_GANTTPROJECT);
  g_assert_cmpstr (rollout_project_get_name (project), ==, "Lancement GanttProject ✨");
  g_assert_cmpstr (rollout_project_get_description (project), ==, "Un plan « fait main » pour l’import.");
  assert_date (rollout_project_get_start (project), "2026-03-02");
  g_assert_cmpuint (rollout_calendar_get_working_days (calendar), ==, ROLLOUT_WEEKDAYS_MON_FRI);
  /* The dated holiday, and Christmas for the plan's one year. */
  g_assert_cmpuint (holidays->len, ==, 2);
  assert_date (((RolloutHoliday *) g_ptr_array_index (holidays, 1))->date, "2026-12-25");
  g_assert_cmpstr (((RolloutHoliday *) g_ptr_array_index (holidays, 1))->name, ==, "Noël");

  /* <depend> sits on the predecessor: 1 = SS, 2 = FS, 3 = FF, 4 = SF, and
   * difference is the lag in working days, negative too. */
  assert_dependency (project, "task-2", "task-1", ROLLOUT_DEPENDENCY_FS, 1);
  assert_dependency (project, "task-3", "task-2", ROLLOUT_DEPENDENCY_SS, 2);
  assert_dependency (project, "task-4", "task-2", ROLLOUT_DEPENDENCY_FF, 1);
  assert_dependency (project, "task-8", "task-7", ROLLOUT_DEPENDENCY_SF, 5);
  assert_dependency (project, "task-9", "task-8", ROLLOUT_DEPENDENCY_FS, -1);
  assert_dependency (project, "task-12", "task-7", ROLLOUT_DEPENDENCY_FS, 0);

  g_assert_true (rollout_task_is_milestone (task (project, "task-5")));
  g_assert_cmpint (rollout_task_get_duration (task (project, "task-2")), ==, 5);
  g_assert_cmpint (rollout_task_get_progress (task (project, "task-1")), ==, 100);
  g_assert_cmpint (rollout_task_get_status (task (project, "task-1")), ==, ROLLOUT_TASK_STATUS_DONE);
  g_assert_cmpstr (rollout_task_get_notes (task (project, "task-2")), ==, "Outline: Backend 🚀");
  /* The responsible resource owns the task; otherwise the first. */
  g_assert_cmpstr (rollout_task_get_owner (task (project, "task-1")), ==, "Zoë Müller");
  g_assert_cmpstr (rollout_task_get_owner (task (project, "task-2")), ==, "Ørjan Berg");

  /* Tasks placed later than their dependencies need stay there. */
  assert_date (rollout_task_get_start_no_earlier_than (task (project, "task-7")), "2026-03-23");
  assert_date (rollout_task_get_start_no_earlier_than (task (project, "task-11")), "2026-04-06");
  g_assert_cmpuint (rollout_task_get_start_no_earlier_than (task (project, "task-8")), ==, ROLLOUT_DATE_NONE);
  assert_schedule (project, "task-4", "2026-03-16", "2026-03-16");
  assert_schedule (project, "task-9", "2026-03-27", "2026-03-27");
  g_assert_cmpuint (rollout_import_report_get_dates_compared (report), ==, 10);
  g_assert_cmpuint (rollout_import_report_get_dates_matching (report), ==, 10);
  g_assert_true (has_line (rollout_import_report_get_notes (report),
                           "2 tasks start later than their dependencies require; "
                           "their stored starts were kept as “start no earlier than”"));
  g_assert_true (has_line (rollout_import_report_get_notes (report), "1 resource vacation ignored"));
  g_assert_true (has_line (rollout_import_report_get_notes (report), "1 yearly holiday expanded to each year of the plan"));
  assert_valid_plan (project);
}

static void
test_planner_sample (void)
{
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(RolloutProject) project = import_sample ("plan.planner", &report);
  RolloutCalendar *calendar = rollout_project_get_calendar (project);
  RolloutTeam *team;

  g_assert_cmpint (rollout_import_report_get_format (report), ==, ROLLOUT_IMPORT_FORMAT_PLANNER);
  g_assert_cmpstr (rollout_project_get_name (project), ==, "Lancement Planner 🌍");
  assert_date (rollout_project_get_start (project), "2026-03-02");
  g_assert_cmpuint (rollout_calendar_get_working_days (calendar), ==, ROLLOUT_WEEKDAYS_MON_FRI);
  g_assert_cmpuint (rollout_calendar_get_holidays (calendar)->len, ==, 1);
  g_assert_true (!rollout_calendar_is_working_day (calendar, rollout_date_from_ymd (2026, 3, 13)));

  /* <predecessor> sits on the successor with FS/FF/SS/SF and a lag in
   * seconds of calendar time: a day (86400) and eight hours (28800) both
   * round up to one working day. */
  assert_dependency (project, "task-4", "task-2", ROLLOUT_DEPENDENCY_FS, 1);
  assert_dependency (project, "task-5", "task-4", ROLLOUT_DEPENDENCY_SS, 1);
  assert_dependency (project, "task-6", "task-4", ROLLOUT_DEPENDENCY_FF, 0);
  assert_dependency (project, "task-10", "task-9", ROLLOUT_DEPENDENCY_FS, 0);
  assert_dependency (project, "task-10", "task-7", ROLLOUT_DEPENDENCY_SF, 0);
  g_assert_cmpuint (rollout_task_get_dependencies (task (project, "task-13"))->len, ==, 4);

  /* Work over units, fixed durations, milestones. */
  g_assert_cmpint (rollout_task_get_duration (task (project, "task-4")), ==, 5);
  g_assert_cmpint (rollout_task_get_duration (task (project, "task-11")), ==, 2);
  g_assert_cmpint (rollout_task_get_duration (task (project, "task-12")), ==, 2);
  g_assert_true (rollout_task_is_milestone (task (project, "task-7")));
  assert_date (rollout_task_get_start_no_earlier_than (task (project, "task-9")), "2026-03-23");
  g_assert_cmpstr (rollout_task_get_notes (task (project, "task-2")), ==, "Rédigée par l’équipe « produit ».");

  team = rollout_project_lookup_team (project, rollout_task_get_team_id (task (project, "task-2")));
  g_assert_nonnull (team);
  g_assert_cmpstr (rollout_team_get_name (team), ==, "Ingénierie");
  g_assert_cmpstr (rollout_team_get_lead (team), ==, "Zoë Müller");
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_teams (project)), ==, 2);

  assert_schedule (project, "task-7", "2026-03-16", "2026-03-16");
  assert_schedule (project, "task-13", "2026-04-03", "2026-04-03");
  g_assert_cmpuint (rollout_import_report_get_dates_compared (report), ==, 10);
  g_assert_cmpuint (rollout_import_report_get_dates_matching (report), ==, 9);
  g_assert_cmpstr (g_ptr_array_index (rollout_import_report_get_date_differences (report), 0), ==,
                   "‘Base de données’ is scheduled 2026-03-09 – 2026-03-10, the source has 2026-03-06 – 2026-03-10");
  g_assert_true (has_line (rollout_import_report_get_notes (report), "2 resource assignments with units ignored"));
  g_assert_true (has_line (rollout_import_report_get_notes (report), "1 project phase name ignored"));
  assert_valid_plan (project);
}

static void
test_detect (void)
{
  static const struct {
    const char          *file;
    RolloutImportFormat  format;
  } cases[] = {
    { "plan.xml", ROLLOUT_IMPORT_FORMAT_MSPDI },
    { "plan.gan", ROLLOUT_IMPORT_FORMAT_GANTTPROJECT },
    { "plan.planner", ROLLOUT_IMPORT_FORMAT_PLANNER },
    { "wrong-root.xml", ROLLOUT_IMPORT_FORMAT_UNKNOWN },
    { "ambiguous.xml", ROLLOUT_IMPORT_FORMAT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = sample_path (cases[i].file);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_assert_cmpint (rollout_import_detect_format (data, length), ==, cases[i].format);
    }
  g_assert_cmpint (rollout_import_detect_format ("not xml", 7), ==, ROLLOUT_IMPORT_FORMAT_UNKNOWN);

  /* The content decides, not the name. */
  {
    g_autofree char *path = sample_path ("plan.planner");
    g_autofree char *data = NULL;
    g_autoptr(RolloutImportReport) report = NULL;
    g_autoptr(RolloutProject) project = NULL;
    g_autoptr(GError) error = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &data, &length, NULL));
    project = rollout_import_read (data, length, "misnamed.gan", &report, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rollout_import_report_get_format (report), ==, ROLLOUT_IMPORT_FORMAT_PLANNER);
  }
}

/* Each bad file sits next to the error it must produce; files that can
 * still come in list the warning instead. */
static void
test_bad_files (void)
{
  static const struct {
    const char *file;
    int         code;   /* -1: imports with a warning */
  } cases[] = {
    { "malformed.xml", ROLLOUT_IMPORT_ERROR_SYNTAX },
    { "bad-encoding.xml", ROLLOUT_IMPORT_ERROR_SYNTAX },
    { "billion-laughs.xml", ROLLOUT_IMPORT_ERROR_SYNTAX },
    { "empty.xml", ROLLOUT_IMPORT_ERROR_SYNTAX },
    { "wrong-root.xml", ROLLOUT_IMPORT_ERROR_UNKNOWN_FORMAT },
    { "ambiguous.xml", ROLLOUT_IMPORT_ERROR_UNKNOWN_FORMAT },
    { "missing-uid.xml", ROLLOUT_IMPORT_ERROR_INVALID },
    { "duplicate-uid.xml", ROLLOUT_IMPORT_ERROR_INVALID },
    { "cycle.xml", ROLLOUT_IMPORT_ERROR_INVALID },
    { "absurd-duration.xml", ROLLOUT_IMPORT_ERROR_INVALID },
    { "bad-duration.xml", ROLLOUT_IMPORT_ERROR_INVALID },
    { "unknown-predecessor.xml", -1 },
    { "missing-id.gan", ROLLOUT_IMPORT_ERROR_INVALID },
    { "cycle.gan", ROLLOUT_IMPORT_ERROR_INVALID },
    { "bad-duration.gan", ROLLOUT_IMPORT_ERROR_INVALID },
    { "unknown-depend.gan", -1 },
    { "missing-id.planner", ROLLOUT_IMPORT_ERROR_INVALID },
    { "bad-lag.planner", ROLLOUT_IMPORT_ERROR_INVALID },
    { "absurd-lag.planner", ROLLOUT_IMPORT_ERROR_INVALID },
    { "unknown-predecessor.planner", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = sample_path (cases[i].file);
      g_autofree char *expected_path = g_strconcat (path, ".expected", NULL);
      g_autofree char *expected = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RolloutImportReport) report = NULL;
      g_autoptr(RolloutProject) project = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      g_strchomp (expected);
      project = rollout_import_load (file, NULL, &report, &error);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (rollout_import_report_get_warnings (report)->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (rollout_import_report_get_warnings (report), 0), ==, expected);
          assert_valid_plan (project);
        }
      else
        {
          g_assert_error (error, ROLLOUT_IMPORT_ERROR, cases[i].code);
          g_assert_null (project);
          g_assert_cmpstr (error->message, ==, expected);
        }
    }
}

static gboolean external_loads;

static xmlParserInputPtr
refuse_loader (const char       *url,
               const char       *id,
               xmlParserCtxtPtr  context)
{
  external_loads = TRUE;
  return NULL;
}

/* An external entity is never resolved: nothing is loaded, the secret
 * stays out of the plan, and the report says an entity was left out. */
static void
test_external_entity (void)
{
  xmlExternalEntityLoader old = xmlGetExternalEntityLoader ();
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autofree char *text = NULL;

  xmlSetExternalEntityLoader (refuse_loader);
  project = import_sample ("xxe.xml", &report);
  xmlSetExternalEntityLoader (old);

  g_assert_false (external_loads);
  text = rollout_file_write (project, NULL);
  g_assert_null (strstr (text, "TOP-SECRET"));
  g_assert_cmpstr (rollout_project_get_name (project), ==, "External  entity");
  g_assert_true (has_line (rollout_import_report_get_notes (report),
                           "2 entity references left out (entities are never expanded)"));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<project name=\"Deep\" version=\"3\">\n<tasks>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) project = NULL;

  for (int i = 0; i < 300; i++)
    g_string_append_printf (xml, "<task id=\"%d\" name=\"T\" start=\"2026-03-02\" duration=\"1\">\n", i);
  for (int i = 0; i < 300; i++)
    g_string_append (xml, "</task>\n");
  g_string_append (xml, "</tasks>\n</project>\n");

  project = rollout_import_read (xml->str, xml->len, "deep.gan", NULL, &error);
  g_assert_null (project);
  g_assert_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested more than 256 deep"));
}

/* A 200 MB file streams through in bounded memory. It comes through a
 * pipe, written while it is read, so it never exists whole anywhere.
 * AddressSanitizer holds freed memory back and runs slowly: there the file
 * is smaller and memory is not measured. */
#if defined(__SANITIZE_ADDRESS__)
#define STREAM_MB 16
#define MEASURE_MEMORY 0
#else
#define STREAM_MB 200
#define MEASURE_MEMORY 1
#endif

static gpointer
write_stream (gpointer data)
{
  const char *fifo = data;
  FILE *out = fopen (fifo, "w");
  g_autoptr(GString) filler = g_string_new (NULL);

  g_assert_nonnull (out);
  fputs ("<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
         "<Name>Streamed</Name>\n<StartDate>2026-03-02T08:00:00</StartDate>\n", out);
  for (int i = 0; i < 1000; i++)
    g_string_append (filler, "<Subject>padding padding padding padding padding padding padding</Subject>\n");
  for (gsize written = 0; written < (gsize) STREAM_MB * 1024 * 1024; written += filler->len)
    fwrite (filler->str, 1, filler->len, out);
  fputs ("<Tasks><Task><UID>1</UID><Name>Only</Name><Duration>PT8H0M0S</Duration></Task></Tasks>\n</Project>\n", out);
  fclose (out);
  return NULL;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_large_stream (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rollout-import-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "big.xml", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GThread) writer = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;
  long before;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  writer = g_thread_new ("writer", write_stream, fifo);
  file = g_file_new_for_path (fifo);
  before = peak_rss_kb ();
  project = rollout_import_load (file, NULL, NULL, &error);
  g_thread_join (g_steal_pointer (&writer));
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_project_get_name (project), ==, "Streamed");
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (project)), ==, 1);
  /* Far less than the file. */
  if (MEASURE_MEMORY)
    g_assert_cmpint (peak_rss_kb () - before, <, 64 * 1024);
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RolloutProject **out = user_data;
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  *out = rollout_import_load_finish (result, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

/* The app imports off the main thread. */
static void
test_async (void)
{
  g_autofree char *path = sample_path ("plan.gan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RolloutProject *project = NULL;

  rollout_import_load_async (file, NULL, load_done_cb, &project);
  while (project == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (rollout_project_get_name (project), ==, "Lancement GanttProject ✨");
  g_object_unref (project);
}

static void
test_io_errors (void)
{
  g_autofree char *path = sample_path ("plan.xml");
  g_autofree char *missing = sample_path ("no-such-plan.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = rollout_import_load (missing_file, NULL, &report, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (project);
  g_assert_null (report);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  project = rollout_import_load (file, cancellable, &report, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (project);
  g_assert_null (report);
}

static void
run_cli (const char * const  *args,
         int                  expected_status,
         char               **out_stdout,
         char               **out_stderr)
{
  const char *cli = g_getenv ("ROLLOUT_TEST_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("ROLLOUT_TEST_CLI is not set");
      return;
    }
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, expected_status);
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rollout-import-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "plan.rollout", NULL);
  g_autofree char *sample = sample_path ("plan.xml");
  g_autofree char *bad = sample_path ("cycle.gan");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("ROLLOUT_TEST_CLI") == NULL)
    {
      g_test_skip ("ROLLOUT_TEST_CLI is not set");
      return;
    }

  run_cli ((const char *[]) { "import", sample, "-o", output, NULL }, 0, &out, &err);
  g_assert_nonnull (strstr (out, "From MS Project XML: 4 phases"));
  g_assert_nonnull (strstr (out, "13 of 14 task dates match the source schedule; 1 differs"));
  g_assert_nonnull (strstr (out, "1 resource assignment with units ignored"));
  file = g_file_new_for_path (output);
  project = rollout_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_project_get_name (project), ==, "Lancement ünïcode");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_cli ((const char *[]) { "import", bad, "-o", output, NULL }, 1, &out, &err);
  g_assert_nonnull (strstr (err, "cycle.gan: line 8: tasks depend on each other in a circle"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_cli ((const char *[]) { "import", sample, NULL }, 2, &out, &err);
  g_assert_nonnull (strstr (err, "-o FILE is required"));

  g_unlink (output);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/import/mspdi/sample", test_mspdi_sample);
  g_test_add_func ("/rollout/import/gan/sample", test_gan_sample);
  g_test_add_func ("/rollout/import/planner/sample", test_planner_sample);
  g_test_add_func ("/rollout/import/detect", test_detect);
  g_test_add_func ("/rollout/import/bad-files", test_bad_files);
  g_test_add_func ("/rollout/import/external-entity", test_external_entity);
  g_test_add_func ("/rollout/import/deep-nesting", test_deep_nesting);
  g_test_add_func ("/rollout/import/large-stream", test_large_stream);
  g_test_add_func ("/rollout/import/async", test_async);
  g_test_add_func ("/rollout/import/io-errors", test_io_errors);
  g_test_add_func ("/rollout/import/cli", test_cli);

  return g_test_run ();
}
