/* rollout-monitor-util.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Small things the Monitor's pages and dialogs share: reading and writing
 * values as people type them, the phase choices, sentiments in words and
 * icons, and who is deciding. */

#define G_LOG_DOMAIN "rollout-monitor-util"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-gate-edit.h"
#include "rollout-monitor-util.h"

/**
 * rollout_monitor_parse_value:
 * @text: what was typed
 * @out_value: (out): the number
 *
 * Reads a decimal number written with a point ("4.2"), spaces around it
 * allowed.
 *
 * Returns: whether @text is such a number
 */
gboolean
rollout_monitor_parse_value (const char *text,
                             double     *out_value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double value;

  if (*trimmed == '\0')
    return FALSE;
  value = g_ascii_strtod (trimmed, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  *out_value = value;
  return TRUE;
}

/* The shortest text that reads back as @value ("4.2", not "4.2000000001"),
 * as a gate's threshold is written. */
char *
rollout_monitor_format_value (double value)
{
  if (!isfinite (value))
    return g_strdup_printf ("%g", value);
  return rollout_gate_format_threshold (value);
}

/* A day as the dialogs take it, "2026-03-26". */
char *
rollout_monitor_format_day (RolloutDate date)
{
  return date != ROLLOUT_DATE_NONE ? rollout_date_format (date) : g_strdup ("");
}

/**
 * rollout_monitor_new_phase_names:
 * @project: a project
 * @none_label: (nullable): the first choice, for no phase, or %NULL for none
 *
 * Returns: (transfer full): the phases' names in roll-out order, after
 *   @none_label when given
 */
GtkStringList *
rollout_monitor_new_phase_names (RolloutProject *project,
                                 const char     *none_label)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GListModel *phases = rollout_project_get_phases (project);

  if (none_label != NULL)
    gtk_string_list_append (names, none_label);
  for (guint i = 0, n = g_list_model_get_n_items (phases); i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
      const char *name = rollout_phase_get_name (phase);

      gtk_string_list_append (names, name != NULL ? name : rollout_phase_get_id (phase));
    }
  return names;
}

const char *
rollout_monitor_sentiment_label (RolloutSentiment sentiment)
{
  switch (sentiment)
    {
    case ROLLOUT_SENTIMENT_POSITIVE:
      return _("Positive");
    case ROLLOUT_SENTIMENT_NEUTRAL:
      return _("Neutral");
    case ROLLOUT_SENTIMENT_NEGATIVE:
      return _("Negative");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rollout_monitor_sentiment_icon (RolloutSentiment sentiment)
{
  switch (sentiment)
    {
    case ROLLOUT_SENTIMENT_POSITIVE:
      return "face-smile-symbolic";
    case ROLLOUT_SENTIMENT_NEUTRAL:
      return "face-plain-symbolic";
    case ROLLOUT_SENTIMENT_NEGATIVE:
    default:
      return "face-sad-symbolic";
    }
}

/* Who is deciding: the person logged in, by their full name when the
 * system knows it. */
char *
rollout_monitor_dup_user_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || strcmp (name, "Unknown") == 0)
    name = g_get_user_name ();
  return g_strdup (name);
}

