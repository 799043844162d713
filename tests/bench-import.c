/* bench-import.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times importing a generated plan from MS Project XML and from GNOME
 * Planner, and exporting MSPDI and iCalendar.
 *
 *   bench-import [TASKS] [RUNS]
 *
 * The MSPDI file is Rollout's own export of a generated plan; the Planner
 * file is written here, nested one level (a task per phase holding its
 * tasks), with predecessors, allocations and a calendar. Prints CSV rows:
 * operation,size,median_ms,min_ms,max_ms,peak_rss_mb. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "rollout-export.h"
#include "rollout-generator.h"
#include "rollout-import.h"
#include "rollout-scheduler.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
cpu_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
report (const char *operation,
        guint       size,
        double     *ms,
        guint       runs)
{
  qsort (ms, runs, sizeof (double), compare_double);
  printf ("%s,%u,%.2f,%.2f,%.2f,%.1f\n", operation, size, ms[runs / 2], ms[0],
          ms[runs - 1], peak_rss_mb ());
}

static void
planner_time (GString     *out,
              const char  *name,
              RolloutDate  date,
              const char  *clock)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  g_string_append_printf (out, " %s=\"%04u%02u%02uT%sZ\"", name, g_date_get_year (&d),
                          g_date_get_month (&d), g_date_get_day (&d), clock);
}

static void
planner_text (GString    *out,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value ? value : "", -1);

  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

/* A .planner file of @project as Planner writes them. */
static char *
write_planner (RolloutProject *project,
               gsize          *out_length)
{
  GListModel *phases = rollout_project_get_phases (project);
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n_phases = g_list_model_get_n_items (phases);
  guint n_tasks = g_list_model_get_n_items (tasks);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) phase_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree GArray **by_phase = NULL;
  GPtrArray *holidays = rollout_calendar_get_holidays (rollout_project_get_calendar (project));
  GString *out = g_string_new ("<?xml version=\"1.0\"?>\n<project");
  guint next_id = 0;

  planner_text (out, "name", rollout_project_get_name (project));
  planner_time (out, "project-start", rollout_project_get_start (project), "000000");
  g_string_append (out, " mrproject-version=\"2\" calendar=\"1\">\n  <calendars>\n"
                   "    <day-types>\n"
                   "      <day-type id=\"0\" name=\"Working\" description=\"A default working day\"/>\n"
                   "      <day-type id=\"1\" name=\"Nonworking\" description=\"A default non working day\"/>\n"
                   "      <day-type id=\"2\" name=\"Use base\" description=\"Use day from base calendar\"/>\n"
                   "    </day-types>\n"
                   "    <calendar id=\"1\" name=\"Default\">\n"
                   "      <default-week mon=\"0\" tue=\"0\" wed=\"0\" thu=\"0\" fri=\"0\" sat=\"1\" sun=\"1\"/>\n"
                   "      <overridden-day-types>\n        <overridden-day-type id=\"0\">\n"
                   "          <interval start=\"0800\" end=\"1200\"/>\n          <interval start=\"1300\" end=\"1700\"/>\n"
                   "        </overridden-day-type>\n      </overridden-day-types>\n      <days>\n");
  for (guint h = 0; h < holidays->len; h++)
    {
      RolloutHoliday *holiday = g_ptr_array_index (holidays, h);

      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, holiday->date);
      g_string_append_printf (out, "        <day date=\"%04u%02u%02u\" type=\"day-type\" id=\"1\"/>\n",
                              g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
    }
  g_string_append (out, "      </days>\n    </calendar>\n  </calendars>\n  <tasks>\n");

  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, t);

      g_hash_table_insert (ids, (gpointer) rollout_task_get_id (task), GUINT_TO_POINTER (n_phases + 1 + t));
    }

  /* Tasks by phase, in plan order. */
  by_phase = g_new0 (GArray *, MAX (n_phases, 1));
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);

      g_hash_table_insert (phase_index, (gpointer) rollout_phase_get_id (phase), GUINT_TO_POINTER (p + 1));
      by_phase[p] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, t);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, rollout_task_get_phase_id (task)));

      if (p > 0)
        g_array_append_val (by_phase[p - 1], t);
    }

  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);
      g_autoptr(GArray) members = by_phase[p];

      g_string_append_printf (out, "    <task id=\"%u\"", ++next_id);
      planner_text (out, "name", rollout_phase_get_name (phase));
      g_string_append (out, " note=\"\" work=\"0\" percent-complete=\"0\" priority=\"0\" type=\"normal\" scheduling=\"fixed-work\">\n");
      for (guint k = 0; k < members->len; k++)
        {
          guint t = g_array_index (members, guint, k);
          g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, t);
          GPtrArray *deps = rollout_task_get_dependencies (task);
          static const char *types[] = { "FS", "SS", "FF", "SF" };
          int duration = rollout_task_get_duration (task);

          g_string_append_printf (out, "      <task id=\"%u\"", n_phases + 1 + t);
          planner_text (out, "name", rollout_task_get_name (task));
          planner_text (out, "note", rollout_task_get_notes (task));
          g_string_append_printf (out, " work=\"%d\"", duration * 8 * 3600);
          planner_time (out, "start", rollout_task_get_start (task), "080000");
          if (duration > 0)
            planner_time (out, "end", rollout_task_get_finish (task), "170000");
          else
            planner_time (out, "end", rollout_task_get_start (task), "080000");
          g_string_append_printf (out, " percent-complete=\"%d\" priority=\"0\" type=\"%s\" scheduling=\"fixed-work\">\n",
                                  rollout_task_get_progress (task), duration > 0 ? "normal" : "milestone");
          if (deps->len > 0)
            {
              g_string_append (out, "        <predecessors>\n");
              for (guint d = 0; d < deps->len; d++)
                {
                  RolloutDependency *dep = g_ptr_array_index (deps, d);

                  g_string_append_printf (out, "          <predecessor id=\"%u\" predecessor-id=\"%u\" type=\"%s\" lag=\"%d\"/>\n",
                                          d + 1, GPOINTER_TO_UINT (g_hash_table_lookup (ids, dep->task_id)),
                                          types[dep->type], dep->lag * 86400);
                }
              g_string_append (out, "        </predecessors>\n");
            }
          g_string_append (out, "      </task>\n");
        }
      g_string_append (out, "    </task>\n");
    }
  g_string_append (out, "  </tasks>\n  <resources>\n");

  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, t);
      const char *owner = rollout_task_get_owner (task);

      if (owner == NULL || g_hash_table_contains (owners, owner))
        continue;
      g_hash_table_insert (owners, (gpointer) owner, GUINT_TO_POINTER (g_hash_table_size (owners) + 1));
      g_string_append_printf (out, "    <resource id=\"%u\"", g_hash_table_size (owners));
      planner_text (out, "name", owner);
      g_string_append (out, " type=\"1\" units=\"0\"/>\n");
    }
  g_string_append (out, "  </resources>\n  <allocations>\n");
  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, t);
      const char *owner = rollout_task_get_owner (task);

      if (owner != NULL)
        g_string_append_printf (out, "    <allocation task-id=\"%u\" resource-id=\"%u\" units=\"100\"/>\n",
                                n_phases + 1 + t, GPOINTER_TO_UINT (g_hash_table_lookup (owners, owner)));
    }
  g_string_append (out, "  </allocations>\n</project>\n");

  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static void
time_import (const char *operation,
             const char *data,
             gsize       length,
             const char *name,
             guint       runs)
{
  g_autofree double *ms = g_new0 (double, runs);
  g_autofree double *cpu_ms = g_new0 (double, runs);
  guint size = 0;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(RolloutProject) project = NULL;
      g_autoptr(RolloutImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_now_ms ();

      project = rollout_import_read (data, length, name, &report, &error);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu_ms[i] = cpu_now_ms () - c0;
      if (project == NULL)
        {
          fprintf (stderr, "%s: %s\n", operation, error->message);
          exit (1);
        }
      size = g_list_model_get_n_items (rollout_project_get_tasks (project));
      if (i == 0)
        fprintf (stderr, "# %s: %.1f MB, %u of %u task dates match\n", operation, length / 1e6,
                 rollout_import_report_get_dates_matching (report),
                 rollout_import_report_get_dates_compared (report));
    }
  /* On a busy machine wall-clock time says little; CPU time says what the
   * import costs. */
  qsort (cpu_ms, runs, sizeof (double), compare_double);
  fprintf (stderr, "# %s: median CPU time %.2f ms\n", operation, cpu_ms[runs / 2]);
  report (operation, size, ms, runs);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mspdi = NULL;
  g_autofree char *planner = NULL;
  g_autofree double *export_ms = NULL;
  g_autofree double *ics_ms = NULL;
  gsize mspdi_length = 0, planner_length = 0;

  runs = MAX (runs, 1);
  project = rollout_generate_project (n, 1);
  if (!rollout_project_schedule (project, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  export_ms = g_new0 (double, runs);
  ics_ms = g_new0 (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *ics = NULL;
      gint64 t0 = g_get_monotonic_time ();

      g_free (mspdi);
      mspdi = rollout_export_mspdi (project, &mspdi_length, &error);
      export_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      ics = rollout_export_ics (project, NULL, NULL, &error);
      ics_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  planner = write_planner (project, &planner_length);

  printf ("operation,size,median_ms,min_ms,max_ms,peak_rss_mb\n");
  report ("export-mspdi", n, export_ms, runs);
  report ("export-ics", n, ics_ms, runs);
  time_import ("import-mspdi", mspdi, mspdi_length, "plan.xml", runs);
  time_import ("import-planner", planner, planner_length, "plan.planner", runs);
  return 0;
}
