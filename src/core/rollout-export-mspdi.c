/* rollout-export-mspdi.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A plan as Microsoft Project XML (MSPDI), for MS Project and the tools
 * that read it (ProjectLibre, GanttProject, Planner's importer).
 *
 * Each phase becomes a summary task at outline level 1 with its tasks below
 * it; the project calendar gets Rollout's working week (8:00–12:00,
 * 13:00–17:00 on working days, 480 minutes a day) and its holidays as
 * exceptions; owners become resources assigned to their tasks, with their
 * team as the resource group. Durations are working days in hours
 * (DurationFormat 7, days), lags tenths of a minute (LagFormat 7). Two
 * extended attributes, "Rollout ID" and "Rollout status", carry the ids and
 * statuses MS Project has no place for, so importing the file again gives
 * back the same plan. Elements follow the schema's order.
 */

#define G_LOG_DOMAIN "rollout-export"

#include "config.h"

#include <string.h>

#include "rollout-export.h"
#include "rollout-scheduler.h"

#define MINUTES_PER_DAY 480
#define FIELD_TEXT1 "188743731"
#define FIELD_TEXT2 "188743734"

typedef struct {
  GString        *out;
  RolloutProject *project;
  int             depth;
} Writer;

/* XML text: markup escaped, characters XML 1.0 forbids left out. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          if ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n')
            g_string_append_c (out, *p);
          break;
        }
    }
}

static void
indent (Writer *w)
{
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
open_element (Writer     *w,
              const char *name)
{
  indent (w);
  g_string_append_printf (w->out, "<%s>\n", name);
  w->depth++;
}

static void
close_element (Writer     *w,
               const char *name)
{
  w->depth--;
  indent (w);
  g_string_append_printf (w->out, "</%s>\n", name);
}

static void
element (Writer     *w,
         const char *name,
         const char *value)
{
  indent (w);
  g_string_append_printf (w->out, "<%s>", name);
  append_escaped (w->out, value);
  g_string_append_printf (w->out, "</%s>\n", name);
}

static void
element_int (Writer     *w,
             const char *name,
             gint64      value)
{
  char buf[24];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  element (w, name, buf);
}

static void
element_datetime (Writer      *w,
                  const char  *name,
                  RolloutDate  date,
                  const char  *time)
{
  char buf[11];
  g_autofree char *text = NULL;

  rollout_date_format_buf (date, buf);
  text = g_strconcat (buf, "T", time, NULL);
  element (w, name, text);
}

static void
element_duration (Writer *w,
                  int     days)
{
  g_autofree char *text = g_strdup_printf ("PT%dH0M0S", days * MINUTES_PER_DAY / 60);

  element (w, "Duration", text);
  element (w, "DurationFormat", "7");
}

static void
extended_attribute (Writer     *w,
                    const char *field,
                    const char *value)
{
  open_element (w, "ExtendedAttribute");
  element (w, "FieldID", field);
  element (w, "Value", value);
  close_element (w, "ExtendedAttribute");
}

static void
write_calendar (Writer          *w,
                RolloutCalendar *calendar)
{
  guint mask = rollout_calendar_get_working_days (calendar);
  GPtrArray *holidays = rollout_calendar_get_holidays (calendar);

  open_element (w, "Calendars");
  open_element (w, "Calendar");
  element (w, "UID", "1");
  element (w, "Name", "Standard");
  element (w, "IsBaseCalendar", "1");
  element (w, "BaseCalendarUID", "-1");
  open_element (w, "WeekDays");
  for (int type = 1; type <= 7; type++)
    {
      int bit = type == 1 ? 6 : type - 2;
      gboolean working = (mask >> bit) & 1;

      open_element (w, "WeekDay");
      element_int (w, "DayType", type);
      element (w, "DayWorking", working ? "1" : "0");
      if (working)
        {
          open_element (w, "WorkingTimes");
          open_element (w, "WorkingTime");
          element (w, "FromTime", "08:00:00");
          element (w, "ToTime", "12:00:00");
          close_element (w, "WorkingTime");
          open_element (w, "WorkingTime");
          element (w, "FromTime", "13:00:00");
          element (w, "ToTime", "17:00:00");
          close_element (w, "WorkingTime");
          close_element (w, "WorkingTimes");
        }
      close_element (w, "WeekDay");
    }
  close_element (w, "WeekDays");

  if (holidays->len > 0)
    {
      open_element (w, "Exceptions");
      for (guint i = 0; i < holidays->len; i++)
        {
          RolloutHoliday *holiday = g_ptr_array_index (holidays, i);

          open_element (w, "Exception");
          element (w, "EnteredByOccurrences", "0");
          open_element (w, "TimePeriod");
          element_datetime (w, "FromDate", holiday->date, "00:00:00");
          element_datetime (w, "ToDate", holiday->date, "23:59:00");
          close_element (w, "TimePeriod");
          element (w, "Occurrences", "1");
          element (w, "Name", holiday->name ? holiday->name : "");
          element (w, "Type", "1");
          element (w, "DayWorking", "0");
          close_element (w, "Exception");
        }
      close_element (w, "Exceptions");
    }
  close_element (w, "Calendar");
  close_element (w, "Calendars");
}

static int
link_type (RolloutDependencyType type)
{
  switch (type)
    {
    case ROLLOUT_DEPENDENCY_FF: return 0;
    case ROLLOUT_DEPENDENCY_SF: return 2;
    case ROLLOUT_DEPENDENCY_SS: return 3;
    case ROLLOUT_DEPENDENCY_FS:
    default: return 1;
    }
}

static void
write_task (Writer      *w,
            RolloutTask *task,
            guint        uid,
            const char  *outline,
            GHashTable  *uids)
{
  GPtrArray *deps = rollout_task_get_dependencies (task);
  RolloutDate snet = rollout_task_get_start_no_earlier_than (task);
  gboolean milestone = rollout_task_is_milestone (task);
  const char *notes = rollout_task_get_notes (task);

  open_element (w, "Task");
  element_int (w, "UID", uid);
  element_int (w, "ID", uid);
  element (w, "Name", rollout_task_get_name (task));
  element (w, "Type", "1");
  element (w, "IsNull", "0");
  element (w, "WBS", outline);
  element (w, "OutlineNumber", outline);
  element (w, "OutlineLevel", "2");
  element (w, "Priority", "500");
  element_datetime (w, "Start", rollout_task_get_start (task), "08:00:00");
  if (milestone)
    element_datetime (w, "Finish", rollout_task_get_start (task), "08:00:00");
  else
    element_datetime (w, "Finish", rollout_task_get_finish (task), "17:00:00");
  element_duration (w, rollout_task_get_duration (task));
  element (w, "Milestone", milestone ? "1" : "0");
  element (w, "Summary", "0");
  element_int (w, "PercentComplete", rollout_task_get_progress (task));
  if (snet != ROLLOUT_DATE_NONE)
    {
      element (w, "ConstraintType", "4");
      element_datetime (w, "ConstraintDate", snet, "08:00:00");
    }
  else
    element (w, "ConstraintType", "0");
  if (notes != NULL && *notes != '\0')
    element (w, "Notes", notes);

  for (guint i = 0; deps != NULL && i < deps->len; i++)
    {
      RolloutDependency *dep = g_ptr_array_index (deps, i);
      guint pred = GPOINTER_TO_UINT (g_hash_table_lookup (uids, dep->task_id));

      if (pred == 0)
        continue;
      open_element (w, "PredecessorLink");
      element_int (w, "PredecessorUID", pred);
      element_int (w, "Type", link_type (dep->type));
      element (w, "CrossProject", "0");
      element_int (w, "LinkLag", (gint64) dep->lag * MINUTES_PER_DAY * 10);
      element (w, "LagFormat", "7");
      close_element (w, "PredecessorLink");
    }

  extended_attribute (w, FIELD_TEXT1, rollout_task_get_id (task));
  extended_attribute (w, FIELD_TEXT2, rollout_enum_to_nick (ROLLOUT_TYPE_TASK_STATUS, rollout_task_get_status (task)));
  close_element (w, "Task");
}

static void
write_phase (Writer       *w,
             RolloutPhase *phase,
             guint         uid,
             const char   *outline)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (w->project);
  RolloutDate start = rollout_phase_get_start (phase);
  RolloutDate finish = rollout_phase_get_finish (phase);
  RolloutDate planned = rollout_phase_get_planned_start (phase);
  const char *description = rollout_phase_get_description (phase);
  int days = 0;

  /* A phase with no tasks yet sits at the project start. */
  if (start == ROLLOUT_DATE_NONE)
    start = finish = MAX (rollout_project_get_start (w->project), planned);
  else
    days = rollout_calendar_count_working_days (calendar, start, finish);

  open_element (w, "Task");
  element_int (w, "UID", uid);
  element_int (w, "ID", uid);
  element (w, "Name", rollout_phase_get_name (phase));
  element (w, "Type", "1");
  element (w, "IsNull", "0");
  element (w, "WBS", outline);
  element (w, "OutlineNumber", outline);
  element (w, "OutlineLevel", "1");
  element (w, "Priority", "500");
  element_datetime (w, "Start", start, "08:00:00");
  element_datetime (w, "Finish", finish, days > 0 ? "17:00:00" : "08:00:00");
  element_duration (w, days);
  element (w, "Milestone", "0");
  element (w, "Summary", "1");
  element_int (w, "PercentComplete", rollout_phase_get_status (phase) == ROLLOUT_PHASE_STATUS_COMPLETED ? 100 : 0);
  if (planned != ROLLOUT_DATE_NONE)
    {
      element (w, "ConstraintType", "4");
      element_datetime (w, "ConstraintDate", planned, "08:00:00");
    }
  else
    element (w, "ConstraintType", "0");
  if (description != NULL && *description != '\0')
    element (w, "Notes", description);
  extended_attribute (w, FIELD_TEXT1, rollout_phase_get_id (phase));
  close_element (w, "Task");
}

/* Each owner's team name: the team listing them, else the team of the
 * first task they own. */
static GHashTable *
owner_groups (RolloutProject *project,
              GPtrArray      *tasks)
{
  GListModel *teams = rollout_project_get_teams (project);
  guint n_teams = g_list_model_get_n_items (teams);
  GHashTable *groups = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);
      const char * const *members = rollout_team_get_members (team);

      /* The project keeps the team, and with it the strings. */
      for (guint m = 0; members != NULL && members[m] != NULL; m++)
        if (!g_hash_table_contains (groups, members[m]))
          g_hash_table_insert (groups, (gpointer) members[m], (gpointer) rollout_team_get_name (team));
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      RolloutTask *task = g_ptr_array_index (tasks, i);
      const char *owner = rollout_task_get_owner (task);
      RolloutTeam *team;

      if (owner == NULL || rollout_task_get_team_id (task) == NULL || g_hash_table_contains (groups, owner))
        continue;
      team = rollout_project_lookup_team (project, rollout_task_get_team_id (task));
      if (team != NULL)
        g_hash_table_insert (groups, (gpointer) owner, (gpointer) rollout_team_get_name (team));
    }
  return groups;
}

/**
 * rollout_export_mspdi:
 * @project: a #RolloutProject
 * @out_length: (out) (optional): the length of the result
 * @error: return location for a #GError
 *
 * Schedules @project and writes it as Microsoft Project XML.
 *
 * Returns: (transfer full): the XML, or %NULL when the plan cannot be
 *   scheduled
 */
char *
rollout_export_mspdi (RolloutProject  *project,
                      gsize           *out_length,
                      GError         **error)
{
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owner_list = g_ptr_array_new ();
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) phase_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all_tasks = NULL;
  g_autofree GPtrArray **by_phase = NULL;
  RolloutScheduleSummary summary = { 0 };
  GListModel *phases, *tasks;
  guint n_phases, n_tasks, uid = 0;
  Writer w = { NULL, project, 0 };
  RolloutDate finish;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  if (!rollout_project_schedule (project, &summary, error))
    return NULL;

  phases = rollout_project_get_phases (project);
  tasks = rollout_project_get_tasks (project);
  n_phases = g_list_model_get_n_items (phases);
  n_tasks = g_list_model_get_n_items (tasks);
  finish = summary.finish != ROLLOUT_DATE_NONE ? summary.finish : rollout_project_get_start (project);

  /* Each phase's tasks, in plan order. */
  all_tasks = g_ptr_array_new_full (n_tasks, g_object_unref);
  by_phase = g_new0 (GPtrArray *, MAX (n_phases, 1));
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);

      g_hash_table_insert (phase_index, (gpointer) rollout_phase_get_id (phase), GUINT_TO_POINTER (p + 1));
      by_phase[p] = g_ptr_array_new ();
    }
  for (guint t = 0; t < n_tasks; t++)
    {
      RolloutTask *task = g_list_model_get_item (tasks, t);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, rollout_task_get_phase_id (task)));

      g_ptr_array_add (all_tasks, task);
      if (p > 0)
        g_ptr_array_add (by_phase[p - 1], task);
    }

  /* UIDs in document order: each phase, then its tasks. */
  for (guint p = 0; p < n_phases; p++)
    {
      uid++;
      for (guint k = 0; k < by_phase[p]->len; k++)
        g_hash_table_insert (uids, (gpointer) rollout_task_get_id (g_ptr_array_index (by_phase[p], k)),
                             GUINT_TO_POINTER (++uid));
    }
  groups = owner_groups (project, all_tasks);

  w.out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
  g_string_append (w.out, "<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
  w.depth = 1;
  element (&w, "SaveVersion", "14");
  element (&w, "Name", rollout_project_get_name (project));
  element (&w, "Title", rollout_project_get_name (project));
  if (rollout_project_get_owner (project) != NULL)
    element (&w, "Manager", rollout_project_get_owner (project));
  element (&w, "ScheduleFromStart", "1");
  element_datetime (&w, "StartDate", rollout_project_get_start (project), "08:00:00");
  element_datetime (&w, "FinishDate", finish, "17:00:00");
  element (&w, "CalendarUID", "1");
  element (&w, "DefaultStartTime", "08:00:00");
  element (&w, "DefaultFinishTime", "17:00:00");
  element_int (&w, "MinutesPerDay", MINUTES_PER_DAY);
  {
    guint mask = rollout_calendar_get_working_days (rollout_project_get_calendar (project));
    int per_week = 0;

    for (int d = 0; d < 7; d++)
      per_week += (mask >> d) & 1;
    element_int (&w, "MinutesPerWeek", per_week * MINUTES_PER_DAY);
  }
  element (&w, "DaysPerMonth", "20");

  open_element (&w, "ExtendedAttributes");
  open_element (&w, "ExtendedAttribute");
  element (&w, "FieldID", FIELD_TEXT1);
  element (&w, "FieldName", "Text1");
  element (&w, "Alias", ROLLOUT_MSPDI_ID_ALIAS);
  close_element (&w, "ExtendedAttribute");
  open_element (&w, "ExtendedAttribute");
  element (&w, "FieldID", FIELD_TEXT2);
  element (&w, "FieldName", "Text2");
  element (&w, "Alias", ROLLOUT_MSPDI_STATUS_ALIAS);
  close_element (&w, "ExtendedAttribute");
  close_element (&w, "ExtendedAttributes");

  write_calendar (&w, rollout_project_get_calendar (project));

  open_element (&w, "Tasks");
  /* The project summary task. */
  open_element (&w, "Task");
  element (&w, "UID", "0");
  element (&w, "ID", "0");
  element (&w, "Name", rollout_project_get_name (project));
  element (&w, "Type", "1");
  element (&w, "IsNull", "0");
  element (&w, "WBS", "0");
  element (&w, "OutlineNumber", "0");
  element (&w, "OutlineLevel", "0");
  element_datetime (&w, "Start", rollout_project_get_start (project), "08:00:00");
  element_datetime (&w, "Finish", finish, "17:00:00");
  element (&w, "Summary", "1");
  close_element (&w, "Task");

  uid = 0;
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);
      g_autofree char *outline = g_strdup_printf ("%u", p + 1);

      write_phase (&w, phase, ++uid, outline);
      for (guint k = 0; k < by_phase[p]->len; k++)
        {
          RolloutTask *task = g_ptr_array_index (by_phase[p], k);
          g_autofree char *task_outline = g_strdup_printf ("%u.%u", p + 1, k + 1);

          write_task (&w, task, ++uid, task_outline, uids);
          if (rollout_task_get_owner (task) != NULL &&
              !g_hash_table_contains (owners, rollout_task_get_owner (task)))
            {
              g_ptr_array_add (owner_list, (gpointer) rollout_task_get_owner (task));
              g_hash_table_insert (owners, (gpointer) rollout_task_get_owner (task),
                                   GUINT_TO_POINTER (owner_list->len));
            }
        }
      g_ptr_array_unref (by_phase[p]);
    }
  close_element (&w, "Tasks");

  open_element (&w, "Resources");
  for (guint r = 0; r < owner_list->len; r++)
    {
      const char *owner = g_ptr_array_index (owner_list, r);
      const char *group = g_hash_table_lookup (groups, owner);

      open_element (&w, "Resource");
      element_int (&w, "UID", r + 1);
      element_int (&w, "ID", r + 1);
      element (&w, "Name", owner);
      element (&w, "Type", "1");
      element (&w, "IsNull", "0");
      if (group != NULL)
        element (&w, "Group", group);
      element (&w, "MaxUnits", "1.00");
      close_element (&w, "Resource");
    }
  close_element (&w, "Resources");

  open_element (&w, "Assignments");
  {
    guint assignment = 0;

    for (guint t = 0; t < all_tasks->len; t++)
      {
        RolloutTask *task = g_ptr_array_index (all_tasks, t);
        const char *owner = rollout_task_get_owner (task);
        guint task_uid = GPOINTER_TO_UINT (g_hash_table_lookup (uids, rollout_task_get_id (task)));

        if (owner == NULL || task_uid == 0)
          continue;
        open_element (&w, "Assignment");
        element_int (&w, "UID", ++assignment);
        element_int (&w, "TaskUID", task_uid);
        element_int (&w, "ResourceUID", GPOINTER_TO_UINT (g_hash_table_lookup (owners, owner)));
        element (&w, "Units", "1");
        close_element (&w, "Assignment");
      }
  }
  close_element (&w, "Assignments");
  g_string_append (w.out, "</Project>\n");

  if (out_length != NULL)
    *out_length = w.out->len;
  return g_string_free (w.out, FALSE);
}
