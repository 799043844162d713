/* rollout-import-gan.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads GanttProject files (.gan) into the neutral import plan.
 *
 * Tasks nest (<task> inside <task>), so the outline level is the nesting
 * depth. Durations are whole working days already. <depend> sits on the
 * *predecessor* and its id names the successor, the other way round from
 * MS Project and Planner; its type is 1 = SS, 2 = FS, 3 = FF, 4 = SF and
 * its difference is the lag in working days. GanttProject keeps a task
 * where it was put when its dependencies would allow it earlier, so every
 * task's stored start becomes its "start no earlier than" where it
 * matters. Holidays with an empty year recur every year and are expanded
 * over the years of the plan.
 */

#define G_LOG_DOMAIN "rollout-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-import-private.h"

typedef struct {
  int   month;
  int   day;
  char *name;
} Recurring;

typedef struct {
  GArray      *stack;        /* positions in imp->tasks of the open <task>s */
  GArray      *recurring;    /* Recurring */
  int          date_year, date_month, date_day;
  gboolean     date_recurring;
  char        *date_type;
  RolloutDate  last_day;     /* a rough end of the plan, for recurring holidays */
} Gan;

static void
recurring_clear (Recurring *r)
{
  g_free (r->name);
}

static void
gan_free (gpointer data)
{
  Gan *g = data;

  g_array_unref (g->stack);
  g_array_unref (g->recurring);
  g_free (g->date_type);
  g_free (g);
}

static ImportTask *
current_task (Importer *imp,
              Gan      *g)
{
  if (g->stack->len == 0)
    return NULL;
  return g_ptr_array_index (imp->tasks, g_array_index (g->stack, guint, g->stack->len - 1));
}

static int
attr_int (ImportXml  *xml,
          const char *name,
          int         fallback)
{
  gint64 value;

  return _rollout_import_parse_int (_rollout_import_xml_attr (xml, name), G_MININT, G_MAXINT, &value) ? (int) value : fallback;
}

static void
start_task (Importer  *imp,
            Gan       *g,
            ImportXml *xml)
{
  const char *id = _rollout_import_xml_attr (xml, "id");
  const char *start = _rollout_import_xml_attr (xml, "start");
  const char *duration = _rollout_import_xml_attr (xml, "duration");
  const char *priority = _rollout_import_xml_attr (xml, "priority");
  const char *link = _rollout_import_xml_attr (xml, "webLink");
  const char *cost = _rollout_import_xml_attr (xml, "cost-manual-value");
  ImportTask *task;
  guint position;
  double days;

  if (id == NULL || *id == '\0')
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("the task ‘%s’ has no “id” attribute"),
                   _rollout_import_xml_attr (xml, "name") ? _rollout_import_xml_attr (xml, "name") : "");
      return;
    }
  task = _rollout_import_add_task (imp, xml, id);
  if (task == NULL)
    return;
  task->name = g_strdup (_rollout_import_xml_attr (xml, "name"));
  task->level = g->stack->len + 1;
  task->milestone = _rollout_import_parse_bool (_rollout_import_xml_attr (xml, "meeting"));
  task->percent = CLAMP (attr_int (xml, "complete", 0), 0, 100);

  if (duration != NULL)
    {
      if (!_rollout_import_parse_double (duration, &days) || days < 0)
        {
          _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("not a duration: “%s”"), duration);
          return;
        }
      task->days = days;
    }
  if (task->milestone)
    task->days = 0;

  if (start != NULL && !_rollout_import_parse_datetime (start, &task->source_start, NULL))
    _rollout_import_warn (imp, _rollout_import_xml_line (xml), _("<task>: not a date: “%s”; the start was ignored"), start);
  if (task->source_start != ROLLOUT_DATE_NONE)
    {
      /* Durations are in working days: allow for weekends and holidays. */
      RolloutDate end = task->source_start + (RolloutDate) (MAX (task->days, 0) * 2) + 14;

      g->last_day = MAX (g->last_day, end);
    }

  /* "Earliest begin". */
  if (g_strcmp0 (_rollout_import_xml_attr (xml, "thirdDate-constraint"), "1") == 0)
    _rollout_import_parse_datetime (_rollout_import_xml_attr (xml, "thirdDate"), &task->snet, NULL);

  if (priority != NULL && strcmp (priority, "2") != 0 && strcmp (priority, "") != 0)
    imp->tally[TALLY_PRIORITIES]++;
  if (link != NULL && *link != '\0' && strcmp (link, "http://") != 0)
    imp->tally[TALLY_HYPERLINKS]++;
  if (cost != NULL && *cost != '\0' && strcmp (cost, "0") != 0)
    imp->tally[TALLY_COSTS]++;

  position = imp->tasks->len - 1;
  g_array_append_val (g->stack, position);
}

static void
start_depend (Importer  *imp,
              Gan       *g,
              ImportXml *xml)
{
  ImportTask *pred = current_task (imp, g);
  const char *difference = _rollout_import_xml_attr (xml, "difference");
  ImportLink link = { 0 };
  double lag = 0;

  if (pred == NULL)
    return;
  if (difference != NULL && *difference != '\0' && !_rollout_import_parse_double (difference, &lag))
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("not a lag: “%s”"), difference);
      return;
    }
  link.successor = (char *) _rollout_import_xml_attr (xml, "id");
  link.predecessor = pred->key;
  link.lag = lag;
  link.unit = LAG_WORKING_DAYS;
  link.line = _rollout_import_xml_line (xml);
  link.element = "depend";
  switch (attr_int (xml, "type", 2))
    {
    case 1: link.type = ROLLOUT_DEPENDENCY_SS; break;
    case 3: link.type = ROLLOUT_DEPENDENCY_FF; break;
    case 4: link.type = ROLLOUT_DEPENDENCY_SF; break;
    case 2:
    default: link.type = ROLLOUT_DEPENDENCY_FS; break;
    }
  _rollout_import_add_link (imp, &link);
}

static void
start_default_week (Importer  *imp,
                    ImportXml *xml)
{
  static const char *days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  guint mask = 0;

  /* 0 marks a working day, 1 a weekend day. */
  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    if (attr_int (xml, days[d], d < 5 ? 0 : 1) == 0)
      mask |= 1u << d;
  imp->working_days = mask ? mask : 0x80;
}

static void
gan_start (Importer  *imp,
           ImportXml *xml)
{
  Gan *g = imp->state;
  const char *name = _rollout_import_xml_name (xml);

  if (_rollout_import_xml_depth (xml) == 1)
    {
      g_free (imp->name);
      imp->name = g_strdup (_rollout_import_xml_attr (xml, "name"));
    }
  else if (import_is (name, "task") && _rollout_import_xml_inside (xml, "tasks"))
    start_task (imp, g, xml);
  else if (import_is (name, "depend"))
    start_depend (imp, g, xml);
  else if (import_is (name, "customproperty"))
    {
      if (_rollout_import_xml_attr (xml, "value") && *_rollout_import_xml_attr (xml, "value"))
        imp->tally[TALLY_CUSTOM_FIELDS]++;
    }
  else if (import_is (name, "default-week"))
    start_default_week (imp, xml);
  else if (import_is (name, "date") && _rollout_import_xml_inside (xml, "calendars"))
    {
      const char *year = _rollout_import_xml_attr (xml, "year");

      g->date_recurring = year == NULL || *year == '\0';
      g->date_year = attr_int (xml, "year", 0);
      g->date_month = attr_int (xml, "month", 0);
      g->date_day = attr_int (xml, "date", 0);
      g_free (g->date_type);
      g->date_type = g_strdup (_rollout_import_xml_attr (xml, "type"));
    }
  else if (import_is (name, "resource") && _rollout_import_xml_inside (xml, "resources"))
    {
      const char *id = _rollout_import_xml_attr (xml, "id");
      const char *role = _rollout_import_xml_attr (xml, "function");

      if (id == NULL)
        {
          _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("the resource ‘%s’ has no “id” attribute"),
                       _rollout_import_xml_attr (xml, "name") ? _rollout_import_xml_attr (xml, "name") : "");
          return;
        }
      _rollout_import_add_resource (imp, xml, id, _rollout_import_xml_attr (xml, "name"));
      if (role != NULL && *role != '\0' && strcmp (role, "0") != 0 && !g_str_has_suffix (role, ":0"))
        imp->tally[TALLY_RESOURCE_ROLES]++;
    }
  else if (import_is (name, "rate"))
    {
      double value;

      if (_rollout_import_parse_double (_rollout_import_xml_attr (xml, "value"), &value) && value != 0)
        imp->tally[TALLY_COSTS]++;
    }
  else if (import_is (name, "custom-property") && _rollout_import_xml_inside (xml, "resource"))
    imp->tally[TALLY_CUSTOM_FIELDS]++;
  else if (import_is (name, "allocation"))
    {
      ImportAssignment as = { 0 };
      double load = 100;

      _rollout_import_parse_double (_rollout_import_xml_attr (xml, "load"), &load);
      as.task = (char *) _rollout_import_xml_attr (xml, "task-id");
      as.resource = (char *) _rollout_import_xml_attr (xml, "resource-id");
      as.units = load / 100.0;
      as.responsible = _rollout_import_parse_bool (_rollout_import_xml_attr (xml, "responsible"));
      as.line = _rollout_import_xml_line (xml);
      _rollout_import_add_assignment (imp, &as);
    }
  else if (import_is (name, "vacation"))
    imp->tally[TALLY_VACATIONS]++;
  else if (import_is (name, "previous-tasks"))
    imp->tally[TALLY_BASELINES]++;
}

static void
gan_end (Importer   *imp,
         ImportXml  *xml,
         const char *text)
{
  Gan *g = imp->state;
  const char *name = _rollout_import_xml_name (xml);
  const char *parent = _rollout_import_xml_parent (xml);

  if (import_is (name, "task") && g->stack->len > 0 && _rollout_import_xml_inside (xml, "tasks"))
    g_array_set_size (g->stack, g->stack->len - 1);
  else if (import_is (name, "notes") && import_is (parent, "task"))
    {
      ImportTask *task = current_task (imp, g);

      if (task != NULL)
        {
          g_free (task->notes);
          task->notes = g_strdup (text);
        }
    }
  else if (import_is (name, "description") && _rollout_import_xml_depth (xml) == 2)
    {
      g_free (imp->description);
      imp->description = g_strdup (text);
    }
  else if (import_is (name, "date") && _rollout_import_xml_inside (xml, "calendars"))
    {
      if (g->date_type != NULL && strcmp (g->date_type, "HOLIDAY") != 0)
        {
          if (strcmp (g->date_type, "WORKING_DAY") == 0)
            imp->tally[TALLY_WORKING_EXCEPTIONS]++;
          return;
        }
      if (g->date_month < 1 || g->date_month > 12 || g->date_day < 1 || g->date_day > 31)
        {
          _rollout_import_warn (imp, _rollout_import_xml_line (xml), _("<date>: not a date; the holiday was left out"));
          return;
        }
      if (g->date_recurring)
        {
          Recurring r = { g->date_month, g->date_day, g_strdup (text) };

          g_array_append_val (g->recurring, r);
          return;
        }
      if (!g_date_valid_dmy (g->date_day, g->date_month, g->date_year) || g->date_year < 1 || g->date_year > 9999)
        {
          _rollout_import_warn (imp, _rollout_import_xml_line (xml), _("<date>: not a date; the holiday was left out"));
          return;
        }
      {
        RolloutDate d = rollout_date_from_ymd (g->date_year, g->date_month, g->date_day);

        _rollout_import_add_holidays (imp, d, d, text);
      }
    }
}

static void
gan_finish (Importer *imp)
{
  Gan *g = imp->state;
  int first_year = 0, last_year = 0;
  GDate date;

  imp->pin_stored_starts = TRUE;
  if (g->recurring->len == 0)
    return;

  /* The years the plan spans, from its tasks. */
  for (guint i = 0; i < imp->tasks->len; i++)
    {
      RolloutDate s = ((ImportTask *) g_ptr_array_index (imp->tasks, i))->source_start;

      if (s == ROLLOUT_DATE_NONE)
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, s);
      if (first_year == 0 || g_date_get_year (&date) < first_year)
        first_year = g_date_get_year (&date);
    }
  if (first_year == 0)
    return;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, MAX (g->last_day, 1));
  last_year = MIN (MAX (g_date_get_year (&date), first_year), first_year + 50);

  imp->tally[TALLY_RECURRING_HOLIDAYS] = g->recurring->len;
  for (guint r = 0; r < g->recurring->len; r++)
    {
      Recurring *rec = &g_array_index (g->recurring, Recurring, r);

      for (int y = first_year; y <= last_year; y++)
        {
          RolloutDate d;

          if (!g_date_valid_dmy (rec->day, rec->month, y))
            continue;
          d = rollout_date_from_ymd (y, rec->month, rec->day);
          _rollout_import_add_holidays (imp, d, d, rec->name);
        }
    }
}

void
_rollout_import_gan_begin (Importer  *imp,
                           ImportXml *xml)
{
  Gan *g = g_new0 (Gan, 1);

  g->stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g->recurring = g_array_new (FALSE, TRUE, sizeof (Recurring));
  g_array_set_clear_func (g->recurring, (GDestroyNotify) recurring_clear);

  imp->state = g;
  imp->handler.start = gan_start;
  imp->handler.end = gan_end;
  imp->handler.finish = gan_finish;
  imp->handler.free = gan_free;
}
