/* test-export.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/wait.h>

#include "rollout-export.h"
#include "rollout-file.h"
#include "rollout-import.h"
#include "rollout-scheduler.h"

static char *
demo_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "scooter-reservations.rollout", NULL);
}

static RolloutProject *
load_demo (void)
{
  g_autofree char *path = demo_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static GDateTime *
fixed_stamp (void)
{
  return g_date_time_new_utc (2026, 2, 20, 16, 30, 0);
}

/* Content lines, unfolded. Asserts CRLF endings and the 75-octet limit. */
static GPtrArray *
unfold (const char *text,
        gsize       length)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *end = text + length;

  g_assert_true (length >= 2 && text[length - 2] == '\r' && text[length - 1] == '\n');
  while (p < end)
    {
      const char *eol = strstr (p, "\r\n");
      gsize octets;

      g_assert_nonnull (eol);
      octets = eol - p;
      g_assert_cmpuint (octets, <=, 75);
      g_assert_null (memchr (p, '\n', octets));
      if (*p == ' ')
        {
          char *last;

          g_assert_cmpuint (lines->len, >, 0);
          last = g_ptr_array_index (lines, lines->len - 1);
          lines->pdata[lines->len - 1] = g_strdup_printf ("%s%.*s", last, (int) octets - 1, p + 1);
          g_free (last);
        }
      else
        {
          /* A folded line never splits a character: every physical line
           * is valid UTF-8 on its own. */
          g_assert_true (g_utf8_validate (p, octets, NULL));
          g_ptr_array_add (lines, g_strndup (p, octets));
        }
      if (*p == ' ')
        g_assert_true (g_utf8_validate (p + 1, octets - 1, NULL));
      p = eol + 2;
    }
  return lines;
}

static guint
count_lines (GPtrArray  *lines,
             const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    n += g_str_has_prefix (g_ptr_array_index (lines, i), prefix);
  return n;
}

static gboolean
has_line (GPtrArray  *lines,
          const char *line)
{
  for (guint i = 0; i < lines->len; i++)
    if (strcmp (g_ptr_array_index (lines, i), line) == 0)
      return TRUE;
  return FALSE;
}

static void
test_ics_demo (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(GDateTime) stamp = fixed_stamp ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n_phases = g_list_model_get_n_items (rollout_project_get_phases (project));
  guint n_milestones = 0;
  gsize length = 0;

  text = rollout_export_ics (project, stamp, &length, &error);
  g_assert_no_error (error);
  lines = unfold (text, length);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);

      n_milestones += rollout_task_is_milestone (task);
    }

  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
  g_assert_true (has_line (lines, "VERSION:2.0"));
  g_assert_true (has_line (lines, "PRODID:-//Rollout//Rollout " PACKAGE_VERSION "//EN"));
  /* A start and a gate for each phase, and each milestone. */
  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 2 * n_phases + n_milestones);
  g_assert_cmpuint (count_lines (lines, "DTSTAMP:20260220T163000Z"), ==, 2 * n_phases + n_milestones);

  /* All-day events end the next day; the UID is the plan's and the
   * object's id. */
  {
    guint i;

    for (i = 0; i < lines->len; i++)
      if (strcmp (g_ptr_array_index (lines, i), "UID:milestone-ms-pilot-launch.scooter-reservations@rollout") == 0)
        break;
    g_assert_cmpuint (i, <, lines->len);
    g_assert_cmpstr (g_ptr_array_index (lines, i + 2), ==, "DTSTART;VALUE=DATE:20260316");
    g_assert_cmpstr (g_ptr_array_index (lines, i + 3), ==, "DTEND;VALUE=DATE:20260317");
    g_assert_cmpstr (g_ptr_array_index (lines, i + 4), ==, "SUMMARY:Pilot launch (Austin\\, 5%)");
  }

  /* The gate is on the day the phase's last task finishes. */
  {
    RolloutPhase *pilot = rollout_project_lookup_phase (project, "pilot");
    GDate finish;
    g_autofree char *expected = NULL;
    guint i;

    g_date_clear (&finish, 1);
    g_date_set_julian (&finish, rollout_phase_get_finish (pilot));
    expected = g_strdup_printf ("DTSTART;VALUE=DATE:%04u%02u%02u", g_date_get_year (&finish),
                                g_date_get_month (&finish), g_date_get_day (&finish));
    for (i = 0; i < lines->len; i++)
      if (strcmp (g_ptr_array_index (lines, i), "UID:gate-pilot.scooter-reservations@rollout") == 0)
        break;
    g_assert_cmpuint (i, <, lines->len);
    g_assert_cmpstr (g_ptr_array_index (lines, i + 2), ==, expected);
  }

  /* Stable: the same plan gives the same file, so calendars update. */
  again = rollout_export_ics (project, stamp, NULL, &error);
  g_assert_cmpstr (text, ==, again);
}

static void
test_ics_escaping_and_folding (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("plan");
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");
  g_autoptr(RolloutTask) task = rollout_task_new ("m");
  g_autoptr(GDateTime) stamp = fixed_stamp ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize length = 0;

  /* Two- and four-byte characters at every offset of the fold. */
  for (int i = 0; i < 30; i++)
    g_string_append (long_name, i % 2 ? "é" : "🚀");
  rollout_project_set_name (project, "Escapes");
  rollout_project_set_start (project, rollout_date_from_ymd (2026, 3, 2));
  rollout_phase_set_name (phase, "a, b; c\\ d\nnext");
  rollout_project_insert_phase (project, phase, -1);
  rollout_task_set_name (task, long_name->str);
  rollout_task_set_phase_id (task, "p");
  rollout_task_set_duration (task, 0);
  rollout_project_insert_task (project, task, -1);

  text = rollout_export_ics (project, stamp, &length, &error);
  g_assert_no_error (error);
  lines = unfold (text, length);
  g_assert_true (has_line (lines, "SUMMARY:Start: a\\, b\\; c\\\\ d\\nnext"));
  expected = g_strconcat ("SUMMARY:", long_name->str, NULL);
  g_assert_true (has_line (lines, expected));
  g_assert_true (has_line (lines, "DTSTART;VALUE=DATE:20260302"));
  g_assert_true (has_line (lines, "DTEND;VALUE=DATE:20260303"));
}

static GPtrArray *
csv_records (const char *text)
{
  g_auto(GStrv) records = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  records = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; records[i] != NULL && records[i + 1] != NULL; i++)
    g_ptr_array_add (out, g_strdup (records[i]));
  return out;
}

static void
test_csv (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *risks = NULL;
  g_autofree char *feedback = NULL;
  g_autoptr(GPtrArray) records = NULL;

  tasks = rollout_export_csv (project, ROLLOUT_EXPORT_CSV_TASKS, NULL, &error);
  g_assert_no_error (error);
  records = csv_records (tasks);
  g_assert_cmpstr (g_ptr_array_index (records, 0), ==,
                   "id,name,phase,team,owner,duration,start,finish,total_slack,critical,"
                   "start_no_earlier_than,status,progress,depends_on,notes");
  g_assert_cmpuint (records->len, ==, 1 + g_list_model_get_n_items (rollout_project_get_tasks (project)));
  /* A comma in a name is quoted; dependencies list type and lag. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (records, 2),
                                   "api-reservations,\"Reservation API: create, hold, cancel\",dogfood,"));
  g_clear_pointer (&records, g_ptr_array_unref);

  risks = rollout_export_csv (project, ROLLOUT_EXPORT_CSV_RISKS, NULL, &error);
  records = csv_records (risks);
  g_assert_cmpstr (g_ptr_array_index (records, 0), ==,
                   "id,title,likelihood,impact,score,status,owner,phase,tasks,mitigation,contingency,description");
  g_assert_cmpuint (records->len, ==, 1 + g_list_model_get_n_items (rollout_project_get_risks (project)));
  g_clear_pointer (&records, g_ptr_array_unref);

  feedback = rollout_export_csv (project, ROLLOUT_EXPORT_CSV_FEEDBACK, NULL, &error);
  g_assert_true (g_str_has_prefix (feedback, "id,date,phase,source,sentiment,tags,task,text\r\n"));
}

static void
test_csv_quoting (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("plan");
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");
  g_autoptr(RolloutTask) a = rollout_task_new ("a");
  g_autoptr(RolloutTask) b = rollout_task_new ("b");
  g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  rollout_project_set_name (project, "Quotes");
  rollout_project_set_start (project, rollout_date_from_ymd (2026, 3, 2));
  rollout_phase_set_name (phase, "P");
  rollout_project_insert_phase (project, phase, -1);
  rollout_task_set_name (a, "Say \"hi\"\nthen go");
  rollout_task_set_phase_id (a, "p");
  rollout_task_set_duration (a, 2);
  rollout_project_insert_task (project, a, -1);
  rollout_task_set_name (b, "=HYPERLINK(\"x\")");
  rollout_task_set_phase_id (b, "p");
  rollout_task_set_duration (b, 1);
  g_ptr_array_add (deps, rollout_dependency_new ("a", ROLLOUT_DEPENDENCY_SS, -1));
  rollout_task_set_dependencies (b, deps);
  rollout_project_insert_task (project, b, -1);

  text = rollout_export_csv (project, ROLLOUT_EXPORT_CSV_TASKS, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\r\na,\"Say \"\"hi\"\"\nthen go\",p,,,2,2026-03-02,2026-03-03,0,yes,,todo,0,,\r\n"));
  /* A formula is shown as text. */
  g_assert_nonnull (strstr (text, "\r\nb,\"'=HYPERLINK(\"\"x\"\")\",p,,,1,2026-03-02,2026-03-02,1,no,,todo,0,a SS-1,\r\n"));
}

/* What must survive MSPDI → Rollout: everything a task is. */
static void
assert_same_plan (RolloutProject *a,
                  RolloutProject *b)
{
  GListModel *ta = rollout_project_get_tasks (a);
  GListModel *tb = rollout_project_get_tasks (b);
  GListModel *pa = rollout_project_get_phases (a);
  GListModel *pb = rollout_project_get_phases (b);
  RolloutCalendar *ca = rollout_project_get_calendar (a);
  RolloutCalendar *cb = rollout_project_get_calendar (b);

  g_assert_cmpstr (rollout_project_get_name (a), ==, rollout_project_get_name (b));
  g_assert_cmpuint (rollout_project_get_start (a), ==, rollout_project_get_start (b));
  g_assert_cmpuint (rollout_calendar_get_working_days (ca), ==, rollout_calendar_get_working_days (cb));
  g_assert_cmpuint (rollout_calendar_get_holidays (ca)->len, ==, rollout_calendar_get_holidays (cb)->len);
  for (guint i = 0; i < rollout_calendar_get_holidays (ca)->len; i++)
    {
      RolloutHoliday *ha = g_ptr_array_index (rollout_calendar_get_holidays (ca), i);
      RolloutHoliday *hb = g_ptr_array_index (rollout_calendar_get_holidays (cb), i);

      g_assert_cmpuint (ha->date, ==, hb->date);
      g_assert_cmpstr (ha->name, ==, hb->name);
    }

  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(RolloutPhase) x = g_list_model_get_item (pa, i);
      g_autoptr(RolloutPhase) y = g_list_model_get_item (pb, i);

      g_assert_cmpstr (rollout_phase_get_id (x), ==, rollout_phase_get_id (y));
      g_assert_cmpstr (rollout_phase_get_name (x), ==, rollout_phase_get_name (y));
      g_assert_cmpuint (rollout_phase_get_planned_start (x), ==, rollout_phase_get_planned_start (y));
      g_assert_cmpuint (rollout_phase_get_start (x), ==, rollout_phase_get_start (y));
      g_assert_cmpuint (rollout_phase_get_finish (x), ==, rollout_phase_get_finish (y));
    }

  g_assert_cmpuint (g_list_model_get_n_items (ta), ==, g_list_model_get_n_items (tb));
  for (guint i = 0; i < g_list_model_get_n_items (ta); i++)
    {
      g_autoptr(RolloutTask) x = g_list_model_get_item (ta, i);
      RolloutTask *y = rollout_project_lookup_task (b, rollout_task_get_id (x));
      GPtrArray *dx, *dy;

      g_assert_nonnull (y);
      g_assert_cmpstr (rollout_task_get_name (x), ==, rollout_task_get_name (y));
      g_assert_cmpstr (rollout_task_get_phase_id (x), ==, rollout_task_get_phase_id (y));
      g_assert_cmpint (rollout_task_get_duration (x), ==, rollout_task_get_duration (y));
      g_assert_cmpuint (rollout_task_get_start_no_earlier_than (x), ==, rollout_task_get_start_no_earlier_than (y));
      g_assert_cmpint (rollout_task_get_progress (x), ==, rollout_task_get_progress (y));
      g_assert_cmpint (rollout_task_get_status (x), ==, rollout_task_get_status (y));
      g_assert_cmpstr (rollout_task_get_owner (x), ==, rollout_task_get_owner (y));
      g_assert_cmpstr (rollout_task_get_notes (x), ==, rollout_task_get_notes (y));
      g_assert_cmpuint (rollout_task_get_start (x), ==, rollout_task_get_start (y));
      g_assert_cmpuint (rollout_task_get_finish (x), ==, rollout_task_get_finish (y));

      dx = rollout_task_get_dependencies (x);
      dy = rollout_task_get_dependencies (y);
      g_assert_cmpuint (dx->len, ==, dy->len);
      for (guint d = 0; d < dx->len; d++)
        {
          RolloutDependency *p = g_ptr_array_index (dx, d);
          RolloutDependency *q = g_ptr_array_index (dy, d);

          g_assert_cmpstr (p->task_id, ==, q->task_id);
          g_assert_cmpint (p->type, ==, q->type);
          g_assert_cmpint (p->lag, ==, q->lag);
        }
    }
}

static RolloutProject *
through_mspdi (RolloutProject  *project,
               char           **out_xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutImportReport) report = NULL;
  g_autofree char *xml = NULL;
  RolloutProject *imported;
  gsize length = 0;

  xml = rollout_export_mspdi (project, &length, &error);
  g_assert_no_error (error);
  imported = rollout_import_read (xml, length, "plan.xml", &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  /* Rollout's own dates come back as they went out. */
  g_assert_cmpuint (rollout_import_report_get_dates_compared (report), ==,
                    g_list_model_get_n_items (rollout_project_get_tasks (project)));
  g_assert_cmpuint (rollout_import_report_get_dates_matching (report), ==,
                    rollout_import_report_get_dates_compared (report));
  g_assert_cmpuint (rollout_import_report_get_warnings (report)->len, ==, 0);
  if (out_xml != NULL)
    *out_xml = g_steal_pointer (&xml);
  return imported;
}

/* MSPDI → Rollout → MSPDI → Rollout gives the same tasks, dependencies and
 * dates, and the same MSPDI the second time. */
static void
test_mspdi_round_trip (void)
{
  g_autoptr(RolloutProject) demo = load_demo ();
  g_autofree char *first_xml = NULL;
  g_autofree char *second_xml = NULL;
  g_autofree char *third_xml = NULL;
  g_autoptr(RolloutProject) first = NULL;
  g_autoptr(RolloutProject) second = NULL;
  g_autoptr(RolloutProject) third = NULL;

  first = through_mspdi (demo, &first_xml);
  assert_same_plan (demo, first);
  second = through_mspdi (first, &second_xml);
  assert_same_plan (first, second);
  third = through_mspdi (second, &third_xml);
  g_assert_cmpstr (second_xml, ==, third_xml);
}

/* The hand-written sample, with every dependency type and lags, through
 * Rollout and back. */
static void
test_mspdi_round_trip_sample (void)
{
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(RolloutProject) imported = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  project = rollout_import_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  imported = through_mspdi (project, NULL);
  assert_same_plan (project, imported);
}

static void
test_mspdi_well_formed (void)
{
  g_autoptr(RolloutProject) demo = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize length = 0;
  xmlDocPtr doc;
  xmlNodePtr root;

  xml = rollout_export_mspdi (demo, &length, &error);
  g_assert_no_error (error);
  doc = xmlReadMemory (xml, (int) length, NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "Project");
  g_assert_cmpstr ((const char *) root->ns->href, ==, "http://schemas.microsoft.com/project");
  xmlFreeDoc (doc);
  g_assert_nonnull (strstr (xml, "<PredecessorLink>"));
  g_assert_nonnull (strstr (xml, "<Name>Memorial Day</Name>"));
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
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "SOURCE_DATE_EPOCH", "1771605000", TRUE);
  int status = 0;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, expected_status);
}

static void
test_cli (void)
{
  g_autofree char *demo = demo_path ();
  g_autofree char *dir = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  if (g_getenv ("ROLLOUT_TEST_CLI") == NULL)
    {
      g_test_skip ("ROLLOUT_TEST_CLI is not set");
      return;
    }
  dir = g_dir_make_tmp ("rollout-export-XXXXXX", NULL);
  ics = g_build_filename (dir, "plan.ics", NULL);
  csv = g_build_filename (dir, "risks.csv", NULL);
  xml = g_build_filename (dir, "plan.xml", NULL);

  run_cli ((const char *[]) { "export-ics", demo, "-o", ics, NULL }, 0, NULL, NULL);
  g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  /* SOURCE_DATE_EPOCH stamps the events. */
  g_assert_nonnull (strstr (contents, "DTSTAMP:20260220T163000Z\r\n"));
  g_clear_pointer (&contents, g_free);

  run_cli ((const char *[]) { "export-csv", demo, "--what", "risks", "-o", csv, NULL }, 0, NULL, NULL);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "id,title,likelihood,"));
  g_clear_pointer (&contents, g_free);

  run_cli ((const char *[]) { "export-csv", demo, "--what", "bogus", "-o", csv, NULL }, 2, NULL, &err);
  g_assert_nonnull (strstr (err, "unknown table “bogus”"));
  g_clear_pointer (&err, g_free);

  run_cli ((const char *[]) { "export-mspdi", demo, "-o", xml, NULL }, 0, NULL, NULL);
  run_cli ((const char *[]) { "import", xml, "-o", "-", NULL }, 0, &out, &err);
  g_assert_true (g_str_has_prefix (out, "{\n  \"format\": \"rollout-project\""));
  g_assert_nonnull (strstr (err, "44 of 44 task dates match the source schedule."));

  g_unlink (ics);
  g_unlink (csv);
  g_unlink (xml);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/export/ics/demo", test_ics_demo);
  g_test_add_func ("/rollout/export/ics/escaping-and-folding", test_ics_escaping_and_folding);
  g_test_add_func ("/rollout/export/csv/tables", test_csv);
  g_test_add_func ("/rollout/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/rollout/export/mspdi/round-trip", test_mspdi_round_trip);
  g_test_add_func ("/rollout/export/mspdi/round-trip-sample", test_mspdi_round_trip_sample);
  g_test_add_func ("/rollout/export/mspdi/well-formed", test_mspdi_well_formed);
  g_test_add_func ("/rollout/export/cli", test_cli);

  return g_test_run ();
}
