/* rollout-export-ics.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A plan's key dates as an iCalendar file (RFC 5545): each phase's start,
 * each milestone, and each phase's gate (the go/no-go decision on the day
 * its last task finishes), as all-day events.
 *
 * UIDs are made from the plan's id and the object's id, so importing the
 * file again into a calendar updates the events instead of adding copies.
 * Lines end in CRLF, TEXT values are escaped, and content lines longer than
 * 75 octets are folded without splitting a UTF-8 character.
 */

#define G_LOG_DOMAIN "rollout-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-export.h"
#include "rollout-scheduler.h"

#define LINE_OCTETS 75

/* Appends one content line, folded. */
static void
add_line (GString    *out,
          const char *line)
{
  gsize length = strlen (line);
  gsize pos = 0;
  gsize room = LINE_OCTETS;

  while (length - pos > room)
    {
      gsize cut = pos + room;

      /* Back up to the start of a UTF-8 character. */
      while (cut > pos && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      room = LINE_OCTETS - 1;
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
add_property (GString    *out,
              const char *name,
              const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  add_line (out, line);
}

/* RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped. */
static char *
escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default:
          /* Other control characters are not allowed in TEXT. */
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static void
add_text (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *escaped = escape_text (value);

  add_property (out, name, escaped);
}

static void
add_event (GString        *out,
           RolloutProject *project,
           const char     *kind,
           const char     *object_id,
           RolloutDate     date,
           const char     *stamp,
           const char     *summary,
           const char     *description,
           const char     *category)
{
  g_autofree char *uid = g_strdup_printf ("%s-%s.%s@rollout", kind, object_id, rollout_project_get_id (project));
  GDate day, next;
  char start[9], end[9];

  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  next = day;
  g_date_add_days (&next, 1);
  g_snprintf (start, sizeof start, "%04u%02u%02u", g_date_get_year (&day), g_date_get_month (&day),
              g_date_get_day (&day));
  g_snprintf (end, sizeof end, "%04u%02u%02u", g_date_get_year (&next), g_date_get_month (&next),
              g_date_get_day (&next));

  add_line (out, "BEGIN:VEVENT");
  add_text (out, "UID", uid);
  add_property (out, "DTSTAMP", stamp);
  add_property (out, "DTSTART;VALUE=DATE", start);
  add_property (out, "DTEND;VALUE=DATE", end);
  add_text (out, "SUMMARY", summary);
  if (description != NULL && *description != '\0')
    add_text (out, "DESCRIPTION", description);
  add_text (out, "CATEGORIES", category);
  add_line (out, "TRANSP:TRANSPARENT");
  add_line (out, "END:VEVENT");
}

/**
 * rollout_export_ics:
 * @project: a #RolloutProject
 * @stamp: (nullable): the time to give as each event's DTSTAMP; %NULL for now
 * @out_length: (out) (optional): the length of the result
 * @error: return location for a #GError
 *
 * Schedules @project and writes its phase starts, milestones and gate dates
 * as an iCalendar file.
 *
 * Returns: (transfer full): the file's text, or %NULL when the plan cannot
 *   be scheduled
 */
char *
rollout_export_ics (RolloutProject  *project,
                    GDateTime       *stamp,
                    gsize           *out_length,
                    GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp_text = NULL;
  g_autofree char *prodid = NULL;
  g_autoptr(GHashTable) phase_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree GPtrArray **milestones = NULL;
  GListModel *phases, *tasks;
  guint n_phases, n_tasks;
  GString *out;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  if (!rollout_project_schedule (project, NULL, error))
    return NULL;

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();
  utc = g_date_time_to_utc (stamp);
  stamp_text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  prodid = g_strdup_printf ("-//Rollout//Rollout %s//EN", PACKAGE_VERSION);

  out = g_string_new (NULL);
  add_line (out, "BEGIN:VCALENDAR");
  add_line (out, "VERSION:2.0");
  add_property (out, "PRODID", prodid);
  add_line (out, "CALSCALE:GREGORIAN");
  add_line (out, "METHOD:PUBLISH");
  add_text (out, "X-WR-CALNAME", rollout_project_get_name (project));

  phases = rollout_project_get_phases (project);
  tasks = rollout_project_get_tasks (project);
  n_phases = g_list_model_get_n_items (phases);
  n_tasks = g_list_model_get_n_items (tasks);

  /* Each phase's milestones, in plan order. */
  milestones = g_new0 (GPtrArray *, MAX (n_phases, 1));
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);

      g_hash_table_insert (phase_index, (gpointer) rollout_phase_get_id (phase), GUINT_TO_POINTER (p + 1));
      milestones[p] = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, t);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, rollout_task_get_phase_id (task)));

      if (p > 0 && rollout_task_is_milestone (task))
        g_ptr_array_add (milestones[p - 1], g_object_ref (task));
    }

  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);
      g_autoptr(GPtrArray) phase_milestones = g_steal_pointer (&milestones[p]);
      const char *phase_id = rollout_phase_get_id (phase);
      const char *phase_name = rollout_phase_get_name (phase);
      g_autofree char *start_summary = NULL;
      g_autofree char *gate_summary = NULL;
      g_autofree char *gate_description = NULL;

      if (rollout_phase_get_start (phase) == ROLLOUT_DATE_NONE)
        continue;

      /* Translators: a calendar event on the day a phase starts */
      start_summary = g_strdup_printf (_("Start: %s"), phase_name);
      add_event (out, project, "phase-start", phase_id, rollout_phase_get_start (phase), stamp_text,
                 start_summary, rollout_phase_get_description (phase), _("Phase start"));

      for (guint k = 0; k < phase_milestones->len; k++)
        {
          RolloutTask *task = g_ptr_array_index (phase_milestones, k);
          g_autofree char *description = NULL;

          /* Translators: the description of a milestone's calendar event */
          description = g_strdup_printf (_("Milestone of the phase ‘%s’."), phase_name);
          if (rollout_task_get_notes (task) != NULL)
            {
              char *with_notes = g_strconcat (description, "\n\n", rollout_task_get_notes (task), NULL);

              g_free (description);
              description = with_notes;
            }
          add_event (out, project, "milestone", rollout_task_get_id (task), rollout_task_get_start (task),
                     stamp_text, rollout_task_get_name (task), description, _("Milestone"));
        }

      /* Translators: a calendar event for a phase's go/no-go decision */
      gate_summary = g_strdup_printf (_("Gate: %s"), phase_name);
      gate_description = g_strdup_printf (_("Go/no-go decision on leaving the phase ‘%s’, when its last task finishes."),
                                          phase_name);
      add_event (out, project, "gate", phase_id, rollout_phase_get_finish (phase), stamp_text,
                 gate_summary, gate_description, _("Gate"));
    }

  add_line (out, "END:VCALENDAR");
  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (out, FALSE);
}
