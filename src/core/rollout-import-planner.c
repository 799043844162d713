/* rollout-import-planner.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads GNOME Planner files (.planner, mrproject-version 2) into the
 * neutral import plan.
 *
 * Tasks nest, so the outline level is the nesting depth. Times are ISO 8601
 * basic ("20260202T080000Z") and mean the wall clock. A task's work and a
 * fixed-duration task's duration are seconds of working time; a fixed-work
 * task lasts its work divided by the units of its allocations, which come
 * later in the file, so durations are worked out when the document ends.
 * <predecessor> sits on the successor with type FS, FF, SS or SF and a lag
 * in seconds of calendar time (Planner adds it to the predecessor's date
 * and then moves to the next working time).
 *
 * Calendars nest too: a derived calendar says "use base" (day type 2) for
 * the weekdays it does not change. Day type 0 is working, 1 non-working;
 * the intervals of day type 0 give the length of a working day.
 */

#define G_LOG_DOMAIN "rollout-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-import-private.h"

#define DAY_WORKING     0
#define DAY_NONWORKING  1
#define DAY_USE_BASE    2

typedef struct {
  RolloutDate date;
  int         type;
} Day;

typedef struct {
  char   *id;
  int     parent;        /* position in calendars, or -1 */
  int     week[7];       /* day type by weekday, Monday first; -1 = not given */
  int     work_start;    /* intervals of day type 0; -1 = not given */
  int     work_end;
  int     work_minutes;
  GArray *days;          /* Day */
} PCalendar;

typedef struct {
  guint   task;          /* position in imp->tasks */
  gint64  work;
  gint64  duration;
  gboolean fixed_duration;
} Effort;

typedef struct {
  GArray      *stack;         /* positions in imp->tasks of the open <task>s */
  GPtrArray   *calendars;     /* PCalendar */
  GArray      *calendar_stack;
  char        *project_calendar;
  GHashTable  *day_type_names; /* id → name */
  int          override_type;
  int          override_start, override_end, override_minutes;
  GArray      *efforts;       /* Effort */
  int          seconds_per_day;
} Planner;

static void
pcalendar_free (PCalendar *cal)
{
  g_free (cal->id);
  g_array_unref (cal->days);
  g_free (cal);
}

static void
planner_free (gpointer data)
{
  Planner *p = data;

  g_array_unref (p->stack);
  g_ptr_array_unref (p->calendars);
  g_array_unref (p->calendar_stack);
  g_free (p->project_calendar);
  g_hash_table_unref (p->day_type_names);
  g_array_unref (p->efforts);
  g_free (p);
}

static int
attr_int (ImportXml  *xml,
          const char *name,
          int         fallback)
{
  gint64 value;

  return _rollout_import_parse_int (_rollout_import_xml_attr (xml, name), G_MININT, G_MAXINT, &value) ? (int) value : fallback;
}

static gboolean
attr_seconds (Importer   *imp,
              ImportXml  *xml,
              const char *name,
              gint64     *out)
{
  const char *text = _rollout_import_xml_attr (xml, name);

  *out = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!_rollout_import_parse_int (text, -G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (1000000000000), out))
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("“%s” is not a number of seconds: “%s”"), name, text);
      return FALSE;
    }
  return TRUE;
}

static ImportTask *
current_task (Importer *imp,
              Planner  *p)
{
  if (p->stack->len == 0)
    return NULL;
  return g_ptr_array_index (imp->tasks, g_array_index (p->stack, guint, p->stack->len - 1));
}

static PCalendar *
current_calendar (Planner *p)
{
  if (p->calendar_stack->len == 0)
    return NULL;
  return g_ptr_array_index (p->calendars, g_array_index (p->calendar_stack, int, p->calendar_stack->len - 1));
}

static void
start_task (Importer  *imp,
            Planner   *p,
            ImportXml *xml)
{
  const char *id = _rollout_import_xml_attr (xml, "id");
  RolloutDate date;
  int minutes;
  ImportTask *task;
  Effort effort = { 0 };
  guint position;

  if (id == NULL || *id == '\0')
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("the task ‘%s’ has no “id” attribute"),
                   _rollout_import_xml_attr (xml, "name") ? _rollout_import_xml_attr (xml, "name") : "");
      return;
    }
  if (!attr_seconds (imp, xml, "work", &effort.work) || !attr_seconds (imp, xml, "duration", &effort.duration))
    return;
  if (effort.work < 0 || effort.duration < 0)
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("the task ‘%s’ has a negative duration"),
                   _rollout_import_xml_attr (xml, "name") ? _rollout_import_xml_attr (xml, "name") : id);
      return;
    }

  task = _rollout_import_add_task (imp, xml, id);
  if (task == NULL)
    return;
  task->name = g_strdup (_rollout_import_xml_attr (xml, "name"));
  task->notes = g_strdup (_rollout_import_xml_attr (xml, "note"));
  task->level = p->stack->len + 1;
  task->milestone = g_strcmp0 (_rollout_import_xml_attr (xml, "type"), "milestone") == 0;
  task->percent = CLAMP (attr_int (xml, "percent-complete", 0), 0, 100);
  if (attr_int (xml, "priority", 0) != 0)
    imp->tally[TALLY_PRIORITIES]++;

  if (_rollout_import_parse_datetime (_rollout_import_xml_attr (xml, "work-start"), &date, &minutes) ||
      _rollout_import_parse_datetime (_rollout_import_xml_attr (xml, "start"), &date, &minutes))
    task->source_start = _rollout_import_start_date (imp, date, minutes);
  if (_rollout_import_parse_datetime (_rollout_import_xml_attr (xml, "end"), &date, &minutes))
    task->source_finish = _rollout_import_finish_date (imp, date, minutes);

  position = imp->tasks->len - 1;
  effort.task = position;
  effort.fixed_duration = g_strcmp0 (_rollout_import_xml_attr (xml, "scheduling"), "fixed-duration") == 0;
  g_array_append_val (p->efforts, effort);
  g_array_append_val (p->stack, position);
}

static void
start_predecessor (Importer  *imp,
                   Planner   *p,
                   ImportXml *xml)
{
  ImportTask *succ = current_task (imp, p);
  const char *type = _rollout_import_xml_attr (xml, "type");
  ImportLink link = { 0 };
  gint64 lag;

  if (succ == NULL || !attr_seconds (imp, xml, "lag", &lag))
    return;
  link.successor = succ->key;
  link.predecessor = (char *) _rollout_import_xml_attr (xml, "predecessor-id");
  link.lag = lag / 86400.0;
  link.unit = LAG_CALENDAR_DAYS;
  link.line = _rollout_import_xml_line (xml);
  link.element = "predecessor";
  if (g_strcmp0 (type, "SS") == 0)
    link.type = ROLLOUT_DEPENDENCY_SS;
  else if (g_strcmp0 (type, "FF") == 0)
    link.type = ROLLOUT_DEPENDENCY_FF;
  else if (g_strcmp0 (type, "SF") == 0)
    link.type = ROLLOUT_DEPENDENCY_SF;
  else
    link.type = ROLLOUT_DEPENDENCY_FS;
  _rollout_import_add_link (imp, &link);
}

static void
start_calendar_element (Importer   *imp,
                        Planner    *p,
                        ImportXml  *xml,
                        const char *name)
{
  PCalendar *cal = current_calendar (p);

  if (import_is (name, "calendar"))
    {
      PCalendar *c = g_new0 (PCalendar, 1);
      int position = p->calendars->len;

      c->id = g_strdup (_rollout_import_xml_attr (xml, "id"));
      c->parent = p->calendar_stack->len ? g_array_index (p->calendar_stack, int, p->calendar_stack->len - 1) : -1;
      for (int d = 0; d < 7; d++)
        c->week[d] = -1;
      c->work_start = c->work_end = c->work_minutes = -1;
      c->days = g_array_new (FALSE, FALSE, sizeof (Day));
      g_ptr_array_add (p->calendars, c);
      g_array_append_val (p->calendar_stack, position);
    }
  else if (import_is (name, "day-type") && import_is (_rollout_import_xml_parent (xml), "day-types"))
    {
      int id = attr_int (xml, "id", -1);

      if (id >= 0)
        g_hash_table_insert (p->day_type_names, GINT_TO_POINTER (id), g_strdup (_rollout_import_xml_attr (xml, "name")));
    }
  else if (cal == NULL)
    return;
  else if (import_is (name, "default-week"))
    {
      static const char *days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

      for (int d = 0; d < 7; d++)
        cal->week[d] = attr_int (xml, days[d], -1);
    }
  else if (import_is (name, "overridden-day-type"))
    {
      p->override_type = attr_int (xml, "id", -1);
      p->override_start = p->override_end = -1;
      p->override_minutes = 0;
    }
  else if (import_is (name, "interval") && p->override_type == DAY_WORKING)
    {
      int from, to;

      if (_rollout_import_parse_clock (_rollout_import_xml_attr (xml, "start"), &from) &&
          _rollout_import_parse_clock (_rollout_import_xml_attr (xml, "end"), &to))
        {
          if (to == 0)
            to = 24 * 60;
          p->override_minutes += MAX (to - from, 0);
          p->override_start = p->override_start < 0 ? from : MIN (p->override_start, from);
          p->override_end = MAX (p->override_end, to);
        }
    }
  else if (import_is (name, "day"))
    {
      const char *type = _rollout_import_xml_attr (xml, "type");
      Day day = { ROLLOUT_DATE_NONE, DAY_NONWORKING };

      if (!_rollout_import_parse_datetime (_rollout_import_xml_attr (xml, "date"), &day.date, NULL))
        {
          _rollout_import_warn (imp, _rollout_import_xml_line (xml), _("<day>: not a date: “%s”; it was left out"),
                       _rollout_import_xml_attr (xml, "date") ? _rollout_import_xml_attr (xml, "date") : "");
          return;
        }
      if (g_strcmp0 (type, "day-type") == 0)
        day.type = attr_int (xml, "id", DAY_NONWORKING);
      else if (g_strcmp0 (type, "working") == 0)
        day.type = DAY_WORKING;
      else if (g_strcmp0 (type, "use-base") == 0)
        day.type = DAY_USE_BASE;
      g_array_append_val (cal->days, day);
    }
}

static void
planner_start (Importer  *imp,
               ImportXml *xml)
{
  Planner *p = imp->state;
  const char *name = _rollout_import_xml_name (xml);

  if (_rollout_import_xml_depth (xml) == 1)
    {
      RolloutDate date;
      int minutes;

      g_free (imp->name);
      imp->name = g_strdup (_rollout_import_xml_attr (xml, "name"));
      g_free (imp->owner);
      imp->owner = g_strdup (_rollout_import_xml_attr (xml, "manager"));
      p->project_calendar = g_strdup (_rollout_import_xml_attr (xml, "calendar"));
      if (_rollout_import_parse_datetime (_rollout_import_xml_attr (xml, "project-start"), &date, &minutes))
        imp->start = _rollout_import_start_date (imp, date, minutes);
    }
  else if (_rollout_import_xml_inside (xml, "calendars") || import_is (name, "calendar"))
    start_calendar_element (imp, p, xml, name);
  else if (import_is (name, "task") && _rollout_import_xml_inside (xml, "tasks"))
    start_task (imp, p, xml);
  else if (import_is (name, "predecessor"))
    start_predecessor (imp, p, xml);
  else if (import_is (name, "constraint"))
    {
      ImportTask *task = current_task (imp, p);
      const char *type = _rollout_import_xml_attr (xml, "type");
      RolloutDate date;
      int minutes;

      if (task == NULL)
        return;
      if (g_strcmp0 (type, "must-start-on") != 0 && g_strcmp0 (type, "start-no-earlier-than") != 0)
        {
          imp->tally[TALLY_CONSTRAINT_OTHER]++;
          return;
        }
      if (!_rollout_import_parse_datetime (_rollout_import_xml_attr (xml, "time"), &date, &minutes))
        {
          _rollout_import_warn (imp, _rollout_import_xml_line (xml), _("<constraint>: not a date; the constraint was left out"));
          return;
        }
      if (g_strcmp0 (type, "must-start-on") == 0)
        imp->tally[TALLY_CONSTRAINT_MSO]++;
      task->snet = _rollout_import_start_date (imp, date, minutes);
    }
  else if (import_is (name, "property"))
    {
      /* The same tag declares a property (at the top) and gives a value
       * (inside a task or resource). */
      const char *value = _rollout_import_xml_attr (xml, "value");

      if (_rollout_import_xml_depth (xml) > 3 && value != NULL && *value != '\0')
        imp->tally[TALLY_CUSTOM_FIELDS]++;
    }
  else if (import_is (name, "phase") && import_is (_rollout_import_xml_parent (xml), "phases"))
    imp->tally[TALLY_PROJECT_PHASES]++;
  else if (import_is (name, "group") && import_is (_rollout_import_xml_parent (xml), "resource-groups"))
    {
      const char *id = _rollout_import_xml_attr (xml, "id");

      if (id != NULL)
        _rollout_import_add_group (imp, id, _rollout_import_xml_attr (xml, "name"), _rollout_import_xml_attr (xml, "admin-name"));
    }
  else if (import_is (name, "resource") && import_is (_rollout_import_xml_parent (xml), "resources"))
    {
      const char *id = _rollout_import_xml_attr (xml, "id");
      const char *group = _rollout_import_xml_attr (xml, "group");
      ImportResource *resource;
      double rate;

      if (id == NULL)
        {
          _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("the resource ‘%s’ has no “id” attribute"),
                       _rollout_import_xml_attr (xml, "name") ? _rollout_import_xml_attr (xml, "name") : "");
          return;
        }
      resource = _rollout_import_add_resource (imp, xml, id, _rollout_import_xml_attr (xml, "name"));
      if (resource == NULL)
        return;
      resource->material = attr_int (xml, "type", 1) == 2;
      if (group != NULL && *group != '\0' && strcmp (group, "0") != 0)
        resource->group = g_strdup (group);
      if ((_rollout_import_parse_double (_rollout_import_xml_attr (xml, "std-rate"), &rate) && rate != 0) ||
          (_rollout_import_parse_double (_rollout_import_xml_attr (xml, "ovt-rate"), &rate) && rate != 0))
        imp->tally[TALLY_COSTS]++;
      if (_rollout_import_xml_attr (xml, "calendar") != NULL)
        imp->tally[TALLY_OTHER_CALENDARS]++;
    }
  else if (import_is (name, "allocation"))
    {
      ImportAssignment as = { 0 };

      as.task = (char *) _rollout_import_xml_attr (xml, "task-id");
      as.resource = (char *) _rollout_import_xml_attr (xml, "resource-id");
      as.units = attr_int (xml, "units", 100) / 100.0;
      as.line = _rollout_import_xml_line (xml);
      _rollout_import_add_assignment (imp, &as);
    }
}

/* Resolves the project calendar with the calendars it derives from. */
static void
resolve_calendar (Importer *imp,
                  Planner  *p)
{
  g_autoptr(GHashTable) days = g_hash_table_new (NULL, NULL);
  g_autoptr(GList) dates = NULL;
  PCalendar *chain[32];
  guint n_chain = 0;
  PCalendar *cal = NULL;
  guint mask = 0;
  int work_start = -1, work_end = -1, work_minutes = -1;
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < p->calendars->len && cal == NULL; i++)
    {
      PCalendar *c = g_ptr_array_index (p->calendars, i);

      if (g_strcmp0 (c->id, p->project_calendar) == 0)
        cal = c;
    }
  if (cal == NULL && p->calendars->len > 0)
    cal = g_ptr_array_index (p->calendars, 0);
  while (cal != NULL && n_chain < G_N_ELEMENTS (chain))
    {
      chain[n_chain++] = cal;
      cal = cal->parent >= 0 ? g_ptr_array_index (p->calendars, cal->parent) : NULL;
    }
  if (p->calendars->len > n_chain)
    imp->tally[TALLY_OTHER_CALENDARS] += p->calendars->len - n_chain;
  if (n_chain == 0)
    return;

  for (int d = 0; d < 7; d++)
    {
      int type = -1;

      for (guint k = 0; k < n_chain && (type < 0 || type == DAY_USE_BASE); k++)
        type = chain[k]->week[d];
      if (type < 0 || type == DAY_USE_BASE)
        type = d < 5 ? DAY_WORKING : DAY_NONWORKING;
      if (type != DAY_NONWORKING)
        mask |= 1u << d;
      if (type > DAY_USE_BASE)
        g_hash_table_add (custom, GINT_TO_POINTER (type));
    }
  imp->working_days = mask;

  for (guint k = 0; k < n_chain && work_minutes < 0; k++)
    if (chain[k]->work_minutes > 0)
      {
        work_minutes = chain[k]->work_minutes;
        work_start = chain[k]->work_start;
        work_end = chain[k]->work_end;
      }
  if (work_minutes > 0)
    {
      p->seconds_per_day = work_minutes * 60;
      imp->day_start = work_start;
      imp->day_end = work_end;
    }

  /* Days: base calendars first, derived ones override. */
  for (guint k = n_chain; k > 0; k--)
    for (guint i = 0; i < chain[k - 1]->days->len; i++)
      {
        Day *day = &g_array_index (chain[k - 1]->days, Day, i);

        if (day->type == DAY_USE_BASE && k - 1 == 0)
          g_hash_table_remove (days, GUINT_TO_POINTER (day->date));
        else if (day->type != DAY_USE_BASE)
          g_hash_table_insert (days, GUINT_TO_POINTER (day->date), GINT_TO_POINTER (day->type + 1));
      }
  dates = g_hash_table_get_keys (days);
  for (GList *l = dates; l != NULL; l = l->next)
    {
      RolloutDate date = GPOINTER_TO_UINT (l->data);
      int type = GPOINTER_TO_INT (g_hash_table_lookup (days, l->data)) - 1;
      gboolean weekday_works = (mask >> (rollout_date_get_weekday (date) - 1)) & 1;

      if (type == DAY_NONWORKING)
        {
          const char *name = g_hash_table_lookup (p->day_type_names, GINT_TO_POINTER (type));

          /* The built-in type's name says nothing about the day. */
          _rollout_import_add_holidays (imp, date, date, import_is (name, "Nonworking") ? NULL : name);
        }
      else if (type == DAY_WORKING)
        {
          if (!weekday_works)
            imp->tally[TALLY_WORKING_EXCEPTIONS]++;
        }
      else
        g_hash_table_add (custom, GINT_TO_POINTER (type));
    }
  imp->tally[TALLY_CUSTOM_DAY_TYPES] += g_hash_table_size (custom);
}

static void
planner_end (Importer   *imp,
             ImportXml  *xml,
             const char *text)
{
  Planner *p = imp->state;
  const char *name = _rollout_import_xml_name (xml);

  if (import_is (name, "task") && p->stack->len > 0 && _rollout_import_xml_inside (xml, "tasks"))
    g_array_set_size (p->stack, p->stack->len - 1);
  else if (import_is (name, "calendar") && p->calendar_stack->len > 0)
    g_array_set_size (p->calendar_stack, p->calendar_stack->len - 1);
  else if (import_is (name, "overridden-day-type"))
    {
      PCalendar *cal = current_calendar (p);

      if (cal != NULL && p->override_type == DAY_WORKING && p->override_minutes > 0)
        {
          cal->work_minutes = p->override_minutes;
          cal->work_start = p->override_start;
          cal->work_end = p->override_end;
        }
      p->override_type = -1;
    }
  else if (import_is (name, "calendars"))
    resolve_calendar (imp, p);
}

/* Durations, now that allocations are known. */
static void
planner_finish (Importer *imp)
{
  Planner *p = imp->state;
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint a = 0; a < imp->assignments->len; a++)
    {
      ImportAssignment *as = &g_array_index (imp->assignments, ImportAssignment, a);
      double *total;

      if (as->task == NULL)
        continue;
      total = g_hash_table_lookup (units, as->task);
      if (total == NULL)
        {
          total = g_new0 (double, 1);
          g_hash_table_insert (units, as->task, total);
        }
      *total += MAX (as->units, 0);
    }

  for (guint e = 0; e < p->efforts->len; e++)
    {
      Effort *effort = &g_array_index (p->efforts, Effort, e);
      ImportTask *task = g_ptr_array_index (imp->tasks, effort->task);
      double *total = g_hash_table_lookup (units, task->key);
      double seconds;

      if (task->milestone)
        {
          task->days = 0;
          continue;
        }
      if (effort->fixed_duration && effort->duration > 0)
        seconds = effort->duration;
      else
        seconds = effort->work / (total != NULL && *total > 0 ? *total : 1.0);
      task->days = seconds / p->seconds_per_day;
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, units);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_free (value);
  }
}

void
_rollout_import_planner_begin (Importer  *imp,
                               ImportXml *xml)
{
  Planner *p = g_new0 (Planner, 1);

  p->stack = g_array_new (FALSE, FALSE, sizeof (guint));
  p->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) pcalendar_free);
  p->calendar_stack = g_array_new (FALSE, FALSE, sizeof (int));
  p->day_type_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  p->efforts = g_array_new (FALSE, FALSE, sizeof (Effort));
  p->override_type = -1;
  p->seconds_per_day = 8 * 3600;

  imp->state = p;
  imp->handler.start = planner_start;
  imp->handler.end = planner_end;
  imp->handler.finish = planner_finish;
  imp->handler.free = planner_free;
}
