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

/* The Undo toast of an overlay, while it is shown. A new edit retitles it
 * rather than replacing it: libadwaita 1.2 can crash when a toast is
 * dismissed and another added in the same moment. Any other change to the
 * plan dismisses it, a moment later, so that a new edit can still take it
 * over. */
#define UNDO_TOAST_KEY "rollout-monitor-undo-toast"
#define DISMISS_KEY "rollout-monitor-dismiss-source"

static gboolean
dismiss_idle_cb (gpointer data)
{
  AdwToast *toast = data;

  g_object_set_data (G_OBJECT (toast), DISMISS_KEY, NULL);
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
cancel_dismiss (AdwToast *toast)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), DISMISS_KEY));

  if (source != 0)
    g_source_remove (source);
  g_object_set_data (G_OBJECT (toast), DISMISS_KEY, NULL);
}

static void
history_changed_cb (AdwToast *toast)
{
  if (g_object_get_data (G_OBJECT (toast), DISMISS_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (toast), DISMISS_KEY,
                     GUINT_TO_POINTER (g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, dismiss_idle_cb,
                                                        g_object_ref (toast), g_object_unref)));
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *overlay)
{
  RolloutHistory *history = g_object_get_data (G_OBJECT (toast), "rollout-monitor-history");

  cancel_dismiss (toast);
  if (history != NULL)
    g_signal_handlers_disconnect_by_data (history, toast);
  if (g_object_get_data (G_OBJECT (overlay), UNDO_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), UNDO_TOAST_KEY, NULL);
}

/**
 * rollout_monitor_toast_undo:
 * @widget: a widget inside the window
 * @history: the plan's history
 * @title: what was done ("Imported 7 samples")
 *
 * Shows a toast with Undo for the edit just made. It goes when anything
 * else changes the plan (another edit, undo, redo), so its Undo never
 * undoes something else.
 */
void
rollout_monitor_toast_undo (GtkWidget      *widget,
                            RolloutHistory *history,
                            const char     *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      rollout_edit_toast (widget, adw_toast_new (title));
      return;
    }

  toast = g_object_get_data (G_OBJECT (overlay), UNDO_TOAST_KEY);
  if (toast != NULL)
    {
      RolloutHistory *old = g_object_get_data (G_OBJECT (toast), "rollout-monitor-history");

      /* The edit that changed the plan is the one this toast is for now. */
      cancel_dismiss (toast);
      if (old != history)
        {
          g_signal_handlers_disconnect_by_data (old, toast);
          g_object_set_data_full (G_OBJECT (toast), "rollout-monitor-history", g_object_ref (history), g_object_unref);
          g_signal_connect_object (history, "changed", G_CALLBACK (history_changed_cb), toast, G_CONNECT_SWAPPED);
        }
      adw_toast_set_title (toast, title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "rollout-monitor-history", g_object_ref (history), g_object_unref);
  g_signal_connect_object (history, "changed", G_CALLBACK (history_changed_cb), toast, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  g_object_set_data (G_OBJECT (overlay), UNDO_TOAST_KEY, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
