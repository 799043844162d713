/* rollout-import-mspdi.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads Microsoft Project XML (MSPDI, namespace
 * http://schemas.microsoft.com/project) into the neutral import plan.
 *
 * Everything is element text, so each <Task>, <PredecessorLink>,
 * <Calendar>, <Resource> and <Assignment> is gathered field by field and
 * handed over when it closes. Tasks are a flat list: the hierarchy is their
 * <OutlineLevel> in document order; the project summary task (level 0)
 * is skipped. <PredecessorLink> sits on the successor; its <Type> is
 * 0 = FF, 1 = FS, 2 = SF, 3 = SS and its <LinkLag> is in tenths of a
 * minute whatever <LagFormat> shows it as (or a percentage for the percent
 * formats). <Duration> is work time (xsd:duration) for normal formats and
 * calendar time for elapsed ones. Calendars are read whole, and the project
 * calendar (with its base calendars) is resolved when the document ends.
 */

#define G_LOG_DOMAIN "rollout-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-export.h"
#include "rollout-import-private.h"

typedef struct {
  RolloutDate  from;
  RolloutDate  to;
  gboolean     working;
  gboolean     has_times;
  int          type;
  char        *name;
} Exception;

typedef struct {
  char    *uid;
  char    *base_uid;
  int      working[8];    /* by DayType 1 (Sunday) … 7 (Saturday); -1 = inherit */
  int      minutes[8];    /* working minutes of the day, -1 = not given */
  GArray  *exceptions;
} Calendar;

typedef struct {
  /* Task being read. */
  gboolean     in_task;
  int          task_line;
  char        *uid;
  char        *name;
  char        *notes;
  char        *preferred_id;
  int          status;
  int          level;
  gboolean     is_null;
  gboolean     milestone;
  gboolean     manual;
  gboolean     inactive;
  char        *duration;
  int          duration_format;
  RolloutDate  start, finish, constraint_date;
  int          start_min, finish_min, constraint_min;
  int          constraint_type;
  int          percent;
  gboolean     costs, actuals;
  GArray      *pending_links;   /* ImportLink, successor not yet set */

  /* Link being read. */
  ImportLink   link;
  gboolean     in_link;
  gboolean     cross_project;
  gint64       link_lag;
  int          lag_format;

  /* Extended attribute being read. */
  char        *ea_field;
  char        *ea_value;
  char        *ea_alias;
  char        *rollout_field;
  char        *status_field;

  /* Calendars. */
  GPtrArray   *calendars;
  Calendar    *calendar;
  char        *project_calendar;
  int          wd_type;
  int          wd_working;
  int          wd_minutes;
  gboolean     wd_has_times;
  Exception    exception;
  int          wt_from, wt_to;
  RolloutDate  tp_from, tp_to;

  /* Resource and assignment being read. */
  char        *res_uid;
  char        *res_name;
  char        *res_group;
  int          res_type;
  gboolean     res_null;
  int          res_line;
  char        *as_task;
  char        *as_resource;
  double       as_units;
  int          as_line;

  char        *summary_name;
  char        *title;
  double       minutes_per_day;
} Mspdi;

static void
calendar_free (Calendar *calendar)
{
  g_free (calendar->uid);
  g_free (calendar->base_uid);
  for (guint i = 0; i < calendar->exceptions->len; i++)
    g_free (g_array_index (calendar->exceptions, Exception, i).name);
  g_array_unref (calendar->exceptions);
  g_free (calendar);
}

static void
pending_link_clear (ImportLink *link)
{
  g_clear_pointer (&link->predecessor, g_free);
}

static void
reset_task (Mspdi *m)
{
  g_clear_pointer (&m->uid, g_free);
  g_clear_pointer (&m->name, g_free);
  g_clear_pointer (&m->notes, g_free);
  g_clear_pointer (&m->preferred_id, g_free);
  g_clear_pointer (&m->duration, g_free);
  m->status = -1;
  m->level = 1;
  m->is_null = m->milestone = m->manual = m->inactive = FALSE;
  m->duration_format = 7;
  m->start = m->finish = m->constraint_date = ROLLOUT_DATE_NONE;
  m->start_min = m->finish_min = m->constraint_min = -1;
  m->constraint_type = 0;
  m->percent = 0;
  m->costs = m->actuals = FALSE;
  g_array_set_size (m->pending_links, 0);
}

static void
mspdi_free (gpointer data)
{
  Mspdi *m = data;

  reset_task (m);
  g_array_unref (m->pending_links);
  g_free (m->link.predecessor);
  g_free (m->ea_field);
  g_free (m->ea_value);
  g_free (m->ea_alias);
  g_free (m->rollout_field);
  g_free (m->status_field);
  g_ptr_array_unref (m->calendars);
  g_free (m->project_calendar);
  g_free (m->exception.name);
  g_free (m->res_uid);
  g_free (m->res_name);
  g_free (m->res_group);
  g_free (m->as_task);
  g_free (m->as_resource);
  g_free (m->summary_name);
  g_free (m->title);
  g_free (m);
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static int
int_or (const char *text,
        int         fallback)
{
  gint64 value;

  return _rollout_import_parse_int (text, G_MININT, G_MAXINT, &value) ? (int) value : fallback;
}

static gboolean
is_elapsed_format (int format)
{
  switch (format)
    {
    case 4: case 6: case 8: case 10: case 12: case 20:
    case 36: case 38: case 40: case 42: case 44: case 52:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_percent_format (int format)
{
  return format == 19 || format == 20 || format == 51 || format == 52;
}

/* An xsd:duration ("PT16H30M0S", "P2DT4H") in minutes. */
static gboolean
parse_duration (const char *text,
                double     *out_minutes)
{
  double total = 0;
  gboolean in_time = FALSE, negative = FALSE, any = FALSE;
  const char *p = text;

  if (p == NULL)
    return FALSE;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (*p++ != 'P')
    return FALSE;
  while (*p)
    {
      char *end = NULL;
      double value;

      if (*p == 'T')
        {
          in_time = TRUE;
          p++;
          continue;
        }
      value = g_ascii_strtod (p, &end);
      if (end == p || end == NULL || !isfinite (value) || value < 0)
        return FALSE;
      switch (*end)
        {
        case 'Y': total += value * 365 * 1440; break;
        case 'M': total += in_time ? value : value * 30 * 1440; break;
        case 'W': total += value * 7 * 1440; break;
        case 'D': total += value * 1440; break;
        case 'H': total += value * 60; break;
        case 'S': total += value / 60; break;
        default: return FALSE;
        }
      any = TRUE;
      p = end + 1;
    }
  if (!any)
    return FALSE;
  *out_minutes = negative ? -total : total;
  return TRUE;
}

static void
flush_task (Importer  *imp,
            Mspdi     *m,
            ImportXml *xml)
{
  ImportTask *task;
  double minutes = 0;

  if (m->is_null)
    return;
  if (m->level <= 0 || g_strcmp0 (m->uid, "0") == 0)
    {
      /* The project summary task. */
      if (m->summary_name == NULL && m->name != NULL)
        m->summary_name = g_strdup (m->name);
      return;
    }
  if (m->uid == NULL)
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID,
                   _("the task ‘%s’ has no <UID>"), m->name ? m->name : "");
      return;
    }

  task = _rollout_import_add_task (imp, xml, m->uid);
  if (task == NULL)
    return;
  task->line = m->task_line;
  task->name = g_steal_pointer (&m->name);
  task->notes = g_steal_pointer (&m->notes);
  task->preferred_id = g_steal_pointer (&m->preferred_id);
  task->status = m->status;
  task->level = m->level;
  task->milestone = m->milestone;
  task->pinned = m->manual;
  task->inactive = m->inactive;
  task->percent = m->percent;

  if (m->duration != NULL)
    {
      if (!parse_duration (m->duration, &minutes) || minutes < 0)
        {
          _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID,
                       _("the task ‘%s’ has a <Duration> Rollout cannot read: “%s”"),
                       task->name ? task->name : m->uid, m->duration);
          return;
        }
      if (is_elapsed_format (m->duration_format))
        {
          task->days = minutes / 1440.0;
          task->elapsed = TRUE;
        }
      else
        task->days = minutes / m->minutes_per_day;
    }
  else if (m->milestone)
    task->days = 0;

  task->source_start = _rollout_import_start_date (imp, m->start, m->start_min);
  task->source_finish = _rollout_import_finish_date (imp, m->finish, m->finish_min);

  switch (m->constraint_type)
    {
    case 2:   /* must start on */
      imp->tally[TALLY_CONSTRAINT_MSO]++;
      G_GNUC_FALLTHROUGH;
    case 4:   /* start no earlier than */
      task->snet = _rollout_import_start_date (imp, m->constraint_date, m->constraint_min);
      break;
    case 0:   /* as soon as possible */
      break;
    default:
      imp->tally[TALLY_CONSTRAINT_OTHER]++;
      break;
    }
  if (m->inactive)
    imp->tally[TALLY_INACTIVE_TASKS]++;
  if (m->costs)
    imp->tally[TALLY_COSTS]++;
  if (m->actuals)
    imp->tally[TALLY_ACTUALS]++;

  for (guint i = 0; i < m->pending_links->len; i++)
    {
      ImportLink *link = &g_array_index (m->pending_links, ImportLink, i);

      link->successor = m->uid;
      _rollout_import_add_link (imp, link);
      link->successor = NULL;
    }
  g_array_set_size (m->pending_links, 0);
}

static void
flush_link (Importer *imp,
            Mspdi    *m)
{
  ImportLink link = m->link;

  if (m->cross_project)
    {
      imp->tally[TALLY_EXTERNAL_LINKS]++;
      g_clear_pointer (&m->link.predecessor, g_free);
      return;
    }
  if (is_percent_format (m->lag_format))
    {
      link.unit = LAG_PERCENT;
      link.lag = (double) m->link_lag;
    }
  else if (is_elapsed_format (m->lag_format))
    {
      link.unit = LAG_CALENDAR_DAYS;
      link.lag = m->link_lag / 10.0 / 1440.0;
    }
  else
    {
      link.unit = LAG_WORKING_DAYS;
      link.lag = m->link_lag / 10.0 / m->minutes_per_day;
    }
  g_array_append_val (m->pending_links, link);
  m->link.predecessor = NULL;
}

static void
mspdi_start (Importer  *imp,
             ImportXml *xml)
{
  Mspdi *m = imp->state;
  const char *name = _rollout_import_xml_name (xml);
  const char *parent = _rollout_import_xml_parent (xml);

  if (import_is (name, "Task") && import_is (parent, "Tasks"))
    {
      reset_task (m);
      m->in_task = TRUE;
      m->task_line = _rollout_import_xml_line (xml);
    }
  else if (import_is (name, "PredecessorLink") && m->in_task)
    {
      g_clear_pointer (&m->link.predecessor, g_free);
      memset (&m->link, 0, sizeof m->link);
      m->link.type = ROLLOUT_DEPENDENCY_FS;
      m->link.line = _rollout_import_xml_line (xml);
      m->link.element = "PredecessorLink";
      m->in_link = TRUE;
      m->cross_project = FALSE;
      m->link_lag = 0;
      m->lag_format = 7;
    }
  else if (import_is (name, "ExtendedAttribute"))
    {
      g_clear_pointer (&m->ea_field, g_free);
      g_clear_pointer (&m->ea_value, g_free);
      g_clear_pointer (&m->ea_alias, g_free);
    }
  else if (import_is (name, "Calendar") && import_is (parent, "Calendars"))
    {
      m->calendar = g_new0 (Calendar, 1);
      m->calendar->exceptions = g_array_new (FALSE, TRUE, sizeof (Exception));
      for (int d = 0; d < 8; d++)
        {
          m->calendar->working[d] = -1;
          m->calendar->minutes[d] = -1;
        }
      g_ptr_array_add (m->calendars, m->calendar);
    }
  else if (import_is (name, "WeekDay"))
    {
      m->wd_type = -1;
      m->wd_working = -1;
      m->wd_minutes = 0;
      m->wd_has_times = FALSE;
      m->tp_from = m->tp_to = ROLLOUT_DATE_NONE;
    }
  else if (import_is (name, "Exception"))
    {
      g_clear_pointer (&m->exception.name, g_free);
      memset (&m->exception, 0, sizeof m->exception);
      m->exception.type = 1;
      m->tp_from = m->tp_to = ROLLOUT_DATE_NONE;
    }
  else if (import_is (name, "WorkingTime"))
    m->wt_from = m->wt_to = -1;
  else if (import_is (name, "Resource") && import_is (parent, "Resources"))
    {
      g_clear_pointer (&m->res_uid, g_free);
      g_clear_pointer (&m->res_name, g_free);
      g_clear_pointer (&m->res_group, g_free);
      m->res_type = 1;
      m->res_null = FALSE;
      m->res_line = _rollout_import_xml_line (xml);
    }
  else if (import_is (name, "Assignment") && import_is (parent, "Assignments"))
    {
      g_clear_pointer (&m->as_task, g_free);
      g_clear_pointer (&m->as_resource, g_free);
      m->as_units = 1.0;
      m->as_line = _rollout_import_xml_line (xml);
    }
}

static void
end_task_field (Importer   *imp,
                Mspdi      *m,
                ImportXml  *xml,
                const char *name,
                const char *text)
{
  double value;

  if (import_is (name, "UID"))
    set_text (&m->uid, text);
  else if (import_is (name, "Name"))
    set_text (&m->name, text);
  else if (import_is (name, "Notes"))
    set_text (&m->notes, text);
  else if (import_is (name, "OutlineLevel"))
    m->level = int_or (text, 1);
  else if (import_is (name, "IsNull"))
    m->is_null = _rollout_import_parse_bool (text);
  else if (import_is (name, "Milestone"))
    m->milestone = _rollout_import_parse_bool (text);
  else if (import_is (name, "Manual"))
    m->manual = _rollout_import_parse_bool (text);
  else if (import_is (name, "Active"))
    m->inactive = *text != '\0' && !_rollout_import_parse_bool (text);
  else if (import_is (name, "Duration"))
    set_text (&m->duration, text);
  else if (import_is (name, "DurationFormat"))
    m->duration_format = int_or (text, 7);
  else if (import_is (name, "Start"))
    _rollout_import_parse_datetime (text, &m->start, &m->start_min);
  else if (import_is (name, "Finish"))
    _rollout_import_parse_datetime (text, &m->finish, &m->finish_min);
  else if (import_is (name, "PercentComplete"))
    m->percent = CLAMP (int_or (text, 0), 0, 100);
  else if (import_is (name, "ConstraintType"))
    m->constraint_type = int_or (text, 0);
  else if (import_is (name, "ConstraintDate"))
    _rollout_import_parse_datetime (text, &m->constraint_date, &m->constraint_min);
  else if (import_is (name, "Priority"))
    {
      if (int_or (text, 500) != 500)
        imp->tally[TALLY_PRIORITIES]++;
    }
  else if (import_is (name, "Deadline"))
    {
      if (*text)
        imp->tally[TALLY_DEADLINES]++;
    }
  else if (import_is (name, "HyperlinkAddress") || import_is (name, "Hyperlink"))
    {
      if (*text && import_is (name, "HyperlinkAddress"))
        imp->tally[TALLY_HYPERLINKS]++;
    }
  else if (import_is (name, "ActualStart") || import_is (name, "ActualFinish"))
    m->actuals |= *text != '\0';
  else if (import_is (name, "Recurring"))
    {
      if (_rollout_import_parse_bool (text))
        imp->tally[TALLY_RECURRING_TASKS]++;
    }
  else if (import_is (name, "CalendarUID"))
    {
      if (int_or (text, -1) >= 0)
        imp->tally[TALLY_TASK_CALENDARS]++;
    }
  else if (import_is (name, "Cost") || import_is (name, "FixedCost"))
    m->costs |= _rollout_import_parse_double (text, &value) && value != 0;
}

static void
end_calendar_field (Importer   *imp,
                    Mspdi      *m,
                    ImportXml  *xml,
                    const char *name,
                    const char *parent,
                    const char *text)
{
  Calendar *cal = m->calendar;

  if (import_is (parent, "Calendar"))
    {
      if (import_is (name, "UID"))
        set_text (&cal->uid, text);
      else if (import_is (name, "BaseCalendarUID"))
        set_text (&cal->base_uid, text);
      return;
    }
  if (import_is (parent, "TimePeriod"))
    {
      if (import_is (name, "FromDate"))
        _rollout_import_parse_datetime (text, &m->tp_from, NULL);
      else if (import_is (name, "ToDate"))
        {
          int minutes = -1;

          /* An end at midnight means the day before. */
          if (_rollout_import_parse_datetime (text, &m->tp_to, &minutes) && minutes == 0 && m->tp_to > m->tp_from)
            m->tp_to--;
        }
      return;
    }
  if (import_is (parent, "WorkingTime"))
    {
      if (import_is (name, "FromTime"))
        _rollout_import_parse_clock (text, &m->wt_from);
      else if (import_is (name, "ToTime"))
        _rollout_import_parse_clock (text, &m->wt_to);
      return;
    }
  if (import_is (name, "WorkingTime"))
    {
      if (m->wt_from >= 0 && m->wt_to >= 0)
        {
          int to = m->wt_to == 0 ? 24 * 60 : m->wt_to;

          m->wd_minutes += MAX (to - m->wt_from, 0);
          m->wd_has_times = TRUE;
          m->exception.has_times = TRUE;
        }
      return;
    }
  if (import_is (parent, "WeekDay"))
    {
      if (import_is (name, "DayType"))
        m->wd_type = int_or (text, -1);
      else if (import_is (name, "DayWorking"))
        m->wd_working = _rollout_import_parse_bool (text);
      return;
    }
  if (import_is (name, "WorkWeek"))
    {
      imp->tally[TALLY_WORK_WEEKS]++;
      return;
    }
  /* The week days of an alternate work week are not the calendar's. */
  if (_rollout_import_xml_inside (xml, "WorkWeek"))
    return;
  if (import_is (name, "WeekDay"))
    {
      if (m->wd_type >= 1 && m->wd_type <= 7)
        {
          cal->working[m->wd_type] = m->wd_working < 0 ? cal->working[m->wd_type] : m->wd_working;
          if (m->wd_has_times)
            cal->minutes[m->wd_type] = m->wd_minutes;
        }
      else if (m->wd_type == 0 && m->tp_from != ROLLOUT_DATE_NONE)
        {
          /* Project 2003 kept exceptions as week days of type 0. */
          Exception e = { m->tp_from, m->tp_to ? m->tp_to : m->tp_from, m->wd_working == 1,
                          m->wd_has_times, 1, NULL };

          g_array_append_val (cal->exceptions, e);
        }
      return;
    }
  if (import_is (parent, "Exception"))
    {
      if (import_is (name, "Name"))
        set_text (&m->exception.name, text);
      else if (import_is (name, "Type"))
        m->exception.type = int_or (text, 1);
      else if (import_is (name, "DayWorking"))
        m->exception.working = _rollout_import_parse_bool (text);
      return;
    }
  if (import_is (name, "Exception") && m->tp_from != ROLLOUT_DATE_NONE)
    {
      m->exception.from = m->tp_from;
      m->exception.to = m->tp_to ? m->tp_to : m->tp_from;
      g_array_append_val (cal->exceptions, m->exception);
      m->exception.name = NULL;
    }
}

static void
mspdi_end (Importer   *imp,
           ImportXml  *xml,
           const char *text)
{
  Mspdi *m = imp->state;
  const char *name = _rollout_import_xml_name (xml);
  const char *parent = _rollout_import_xml_parent (xml);
  double value;

  /* Inside a task. */
  if (m->in_task)
    {
      if (m->in_link)
        {
          if (import_is (name, "PredecessorLink"))
            {
              m->in_link = FALSE;
              flush_link (imp, m);
            }
          else if (import_is (name, "PredecessorUID"))
            set_text (&m->link.predecessor, text);
          else if (import_is (name, "Type"))
            switch (int_or (text, 1))
              {
              case 0: m->link.type = ROLLOUT_DEPENDENCY_FF; break;
              case 2: m->link.type = ROLLOUT_DEPENDENCY_SF; break;
              case 3: m->link.type = ROLLOUT_DEPENDENCY_SS; break;
              case 1:
              default: m->link.type = ROLLOUT_DEPENDENCY_FS; break;
              }
          else if (import_is (name, "CrossProject"))
            m->cross_project = _rollout_import_parse_bool (text);
          else if (import_is (name, "LinkLag"))
            {
              if (!_rollout_import_parse_double (text, &value) || fabs (value) > 1e12)
                _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_INVALID, _("not a lag: “%s”"), text);
              else
                m->link_lag = (gint64) value;
            }
          else if (import_is (name, "LagFormat"))
            m->lag_format = int_or (text, 7);
          return;
        }
      if (import_is (name, "Task") && import_is (parent, "Tasks"))
        {
          m->in_task = FALSE;
          flush_task (imp, m, xml);
          return;
        }
      if (import_is (parent, "Task") && !import_is (name, "ExtendedAttribute") &&
          !import_is (name, "Baseline"))
        {
          end_task_field (imp, m, xml, name, text);
          return;
        }
      if (import_is (parent, "ExtendedAttribute"))
        {
          if (import_is (name, "FieldID"))
            set_text (&m->ea_field, text);
          else if (import_is (name, "Value"))
            set_text (&m->ea_value, text);
          return;
        }
      if (import_is (name, "ExtendedAttribute"))
        {
          int status;

          if (m->rollout_field && g_strcmp0 (m->ea_field, m->rollout_field) == 0)
            set_text (&m->preferred_id, m->ea_value);
          else if (m->status_field && g_strcmp0 (m->ea_field, m->status_field) == 0 &&
                   rollout_enum_from_nick (ROLLOUT_TYPE_TASK_STATUS, m->ea_value, &status))
            m->status = status;
          else
            imp->tally[TALLY_CUSTOM_FIELDS]++;
          return;
        }
      if (import_is (name, "Baseline"))
        imp->tally[TALLY_BASELINES]++;
      return;
    }

  if (m->calendar != NULL)
    {
      if (import_is (name, "Calendar") && import_is (parent, "Calendars"))
        m->calendar = NULL;
      else
        end_calendar_field (imp, m, xml, name, parent, text);
      return;
    }

  if (_rollout_import_xml_inside (xml, "Resources"))
    {
      if (import_is (parent, "Resource"))
        {
          if (import_is (name, "UID"))
            set_text (&m->res_uid, text);
          else if (import_is (name, "Name"))
            set_text (&m->res_name, text);
          else if (import_is (name, "Group"))
            set_text (&m->res_group, *text ? text : NULL);
          else if (import_is (name, "Type"))
            m->res_type = int_or (text, 1);
          else if (import_is (name, "IsNull"))
            m->res_null = _rollout_import_parse_bool (text);
          else if (import_is (name, "StandardRate") || import_is (name, "OvertimeRate") ||
                   import_is (name, "CostPerUse"))
            {
              if (_rollout_import_parse_double (text, &value) && value != 0)
                imp->tally[TALLY_COSTS]++;
            }
          else if (import_is (name, "ExtendedAttribute"))
            imp->tally[TALLY_CUSTOM_FIELDS]++;
        }
      else if (import_is (name, "Resource") && import_is (parent, "Resources"))
        {
          ImportResource *resource;

          if (m->res_null || m->res_uid == NULL || m->res_name == NULL || *m->res_name == '\0')
            return;
          resource = _rollout_import_add_resource (imp, xml, m->res_uid, m->res_name);
          if (resource == NULL)
            return;
          resource->line = m->res_line;
          resource->material = m->res_type != 1;
          if (m->res_group != NULL)
            {
              gboolean known = FALSE;

              for (guint g = 0; g < imp->groups->len && !known; g++)
                known = strcmp (((ImportGroup *) g_ptr_array_index (imp->groups, g))->key, m->res_group) == 0;
              if (!known)
                _rollout_import_add_group (imp, m->res_group, m->res_group, NULL);
              resource->group = g_strdup (m->res_group);
            }
        }
      else if (import_is (name, "Baseline"))
        imp->tally[TALLY_BASELINES]++;
      return;
    }

  if (_rollout_import_xml_inside (xml, "Assignments"))
    {
      if (import_is (parent, "Assignment"))
        {
          if (import_is (name, "TaskUID"))
            set_text (&m->as_task, text);
          else if (import_is (name, "ResourceUID"))
            set_text (&m->as_resource, text);
          else if (import_is (name, "Units") && _rollout_import_parse_double (text, &value))
            m->as_units = value;
        }
      else if (import_is (name, "Assignment") && import_is (parent, "Assignments"))
        {
          ImportAssignment as = { m->as_task, m->as_resource, m->as_units, FALSE, m->as_line };

          /* Non-positive resource ids mean "unassigned". */
          if (int_or (m->as_resource, 0) <= 0 && (m->as_resource == NULL || g_ascii_isdigit (*m->as_resource) ||
                                                  *m->as_resource == '-'))
            return;
          _rollout_import_add_assignment (imp, &as);
        }
      return;
    }

  /* Project-level extended attribute definitions. */
  if (import_is (parent, "ExtendedAttribute") && _rollout_import_xml_inside (xml, "ExtendedAttributes"))
    {
      if (import_is (name, "FieldID"))
        set_text (&m->ea_field, text);
      else if (import_is (name, "Alias"))
        set_text (&m->ea_alias, text);
      return;
    }
  if (import_is (name, "ExtendedAttribute") && import_is (parent, "ExtendedAttributes"))
    {
      if (g_strcmp0 (m->ea_alias, ROLLOUT_MSPDI_ID_ALIAS) == 0 && m->ea_field != NULL)
        set_text (&m->rollout_field, m->ea_field);
      else if (g_strcmp0 (m->ea_alias, ROLLOUT_MSPDI_STATUS_ALIAS) == 0 && m->ea_field != NULL)
        set_text (&m->status_field, m->ea_field);
      return;
    }

  if (!import_is (parent, "Project"))
    return;
  if (import_is (name, "Name"))
    set_text (&imp->name, text);
  else if (import_is (name, "Title"))
    set_text (&m->title, text);
  else if (import_is (name, "Manager"))
    set_text (&imp->owner, text);
  else if (import_is (name, "Comments"))
    set_text (&imp->description, text);
  else if (import_is (name, "CalendarUID"))
    set_text (&m->project_calendar, text);
  else if (import_is (name, "MinutesPerDay"))
    {
      if (_rollout_import_parse_double (text, &value) && value >= 1 && value <= 1440)
        m->minutes_per_day = value;
    }
  else if (import_is (name, "DefaultStartTime"))
    _rollout_import_parse_clock (text, &imp->day_start);
  else if (import_is (name, "DefaultFinishTime"))
    _rollout_import_parse_clock (text, &imp->day_end);
  else if (import_is (name, "StartDate"))
    {
      RolloutDate date;
      int minutes;

      if (_rollout_import_parse_datetime (text, &date, &minutes))
        imp->start = _rollout_import_start_date (imp, date, minutes);
    }
  else if (import_is (name, "ScheduleFromStart"))
    {
      if (*text && !_rollout_import_parse_bool (text))
        imp->tally[TALLY_FROM_FINISH] = 1;
    }
}

static Calendar *
find_calendar (Mspdi      *m,
               const char *uid)
{
  for (guint i = 0; uid != NULL && i < m->calendars->len; i++)
    {
      Calendar *cal = g_ptr_array_index (m->calendars, i);

      if (g_strcmp0 (cal->uid, uid) == 0)
        return cal;
    }
  return NULL;
}

/* The project calendar with its base calendars becomes Rollout's. */
static void
mspdi_finish (Importer *imp)
{
  Mspdi *m = imp->state;
  Calendar *chain[16];
  guint n_chain = 0;
  Calendar *cal = find_calendar (m, m->project_calendar);
  guint mask = 0;

  if (m->title != NULL && *m->title)
    set_text (&imp->name, m->title);
  if ((imp->name == NULL || *imp->name == '\0') && m->summary_name != NULL)
    set_text (&imp->name, m->summary_name);
  else if (imp->name != NULL)
    {
      /* MS Project puts the file name there. */
      for (const char *ext = ".xml"; ext; ext = strcmp (ext, ".xml") == 0 ? ".mpp" : NULL)
        if (g_str_has_suffix (imp->name, ext) && strlen (imp->name) > strlen (ext))
          imp->name[strlen (imp->name) - strlen (ext)] = '\0';
    }

  if (cal == NULL && m->calendars->len > 0)
    cal = g_ptr_array_index (m->calendars, 0);
  while (cal != NULL && n_chain < G_N_ELEMENTS (chain))
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < n_chain; k++)
        seen |= chain[k] == cal;
      if (seen)
        break;
      chain[n_chain++] = cal;
      cal = find_calendar (m, cal->base_uid);
    }
  if (m->calendars->len > n_chain)
    imp->tally[TALLY_OTHER_CALENDARS] = m->calendars->len - n_chain;
  if (n_chain == 0)
    return;

  for (int d = 1; d <= 7; d++)
    {
      int working = -1, minutes = -1;
      int bit = d == 1 ? 6 : d - 2;

      for (guint k = 0; k < n_chain && working < 0; k++)
        {
          working = chain[k]->working[d];
          minutes = chain[k]->minutes[d];
        }
      if (working < 0)
        working = d != 1 && d != 7;
      if (working)
        {
          mask |= 1u << bit;
          if (minutes >= 0 && fabs (minutes - m->minutes_per_day) > 0.5)
            imp->tally[TALLY_WORKING_HOURS]++;
        }
    }
  imp->working_days = mask;

  /* Base calendars first, so that a derived calendar's exceptions add to
   * theirs. */
  for (guint k = n_chain; k > 0; k--)
    {
      Calendar *c = chain[k - 1];

      for (guint e = 0; e < c->exceptions->len; e++)
        {
          Exception *ex = &g_array_index (c->exceptions, Exception, e);

          if (ex->type != 1 && ex->type != 9)
            {
              imp->tally[TALLY_RECURRING_EXCEPTIONS]++;
              continue;
            }
          if (!ex->working)
            {
              _rollout_import_add_holidays (imp, ex->from, ex->to, ex->name);
              continue;
            }
          /* A working exception: on days off it adds a working day, on
           * working days it changes the hours. */
          {
            gboolean on_day_off = FALSE;

            for (RolloutDate d = ex->from; d <= ex->to && d - ex->from < 366; d++)
              on_day_off |= !(mask & (1u << (rollout_date_get_weekday (d) - 1)));
            if (on_day_off)
              imp->tally[TALLY_WORKING_EXCEPTIONS]++;
            else if (ex->has_times)
              imp->tally[TALLY_EXCEPTION_HOURS]++;
          }
        }
    }
}

void
_rollout_import_mspdi_begin (Importer  *imp,
                             ImportXml *xml)
{
  Mspdi *m = g_new0 (Mspdi, 1);

  m->pending_links = g_array_new (FALSE, TRUE, sizeof (ImportLink));
  g_array_set_clear_func (m->pending_links, (GDestroyNotify) pending_link_clear);
  m->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) calendar_free);
  m->minutes_per_day = 480;
  reset_task (m);

  imp->state = m;
  imp->handler.start = mspdi_start;
  imp->handler.end = mspdi_end;
  imp->handler.finish = mspdi_finish;
  imp->handler.free = mspdi_free;
}
