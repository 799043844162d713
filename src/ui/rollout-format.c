/* rollout-format.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Days as people see them: today where they are, and how days, periods
 * and folders are written, the same in every view. */

#define G_LOG_DOMAIN "rollout-format"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-format.h"

/* Today, in the local time zone. */
RolloutDate
rollout_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return rollout_date_from_ymd (g_date_time_get_year (now),
                                g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now));
}

/* A day, "2 Feb 2026" (or as the translation orders it). */
char *
rollout_format_date (RolloutDate date)
{
  g_autoptr(GDateTime) when = NULL;
  GDate day;

  g_return_val_if_fail (date != ROLLOUT_DATE_NONE, NULL);

  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  when = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), 0, 0, 0);
  /* Translators: a day, see the strftime manual page */
  return g_date_time_format (when, _("%-d %b %Y"));
}

/* "2 Feb 2026 – 15 Sep 2026" */
char *
rollout_format_period (RolloutDate start,
                       RolloutDate finish)
{
  g_autofree char *from = rollout_format_date (start);
  g_autofree char *to = rollout_format_date (finish);

  /* Translators: a period, first day – last day */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/**
 * rollout_format_folder:
 * @file: a file
 *
 * Returns: (transfer full) (nullable): the folder @file is in, for display,
 *   with the home folder written "~"; %NULL when @file has no parent
 */
char *
rollout_format_folder (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *relative = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return NULL;

  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    {
      g_autofree char *display = g_filename_display_name (relative);

      return g_strconcat ("~/", display, NULL);
    }
  return g_file_get_parse_name (parent);
}
