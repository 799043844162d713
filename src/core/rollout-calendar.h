/* rollout-calendar.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-types.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_CALENDAR (rollout_calendar_get_type ())

G_DECLARE_FINAL_TYPE (RolloutCalendar, rollout_calendar, ROLLOUT, CALENDAR, GObject)

/* Bit (weekday - 1) is set for each working weekday: bit 0 is Monday. */
#define ROLLOUT_WEEKDAYS_MON_FRI 0x1f

RolloutCalendar *rollout_calendar_new               (void);
guint            rollout_calendar_get_working_days  (RolloutCalendar *self);
void             rollout_calendar_set_working_days  (RolloutCalendar *self,
                                                     guint            mask);
GPtrArray       *rollout_calendar_get_holidays      (RolloutCalendar *self);
void             rollout_calendar_set_holidays      (RolloutCalendar *self,
                                                     GPtrArray       *holidays);
const char      *rollout_calendar_get_holiday_name  (RolloutCalendar *self,
                                                     RolloutDate      date);
gboolean         rollout_calendar_is_default        (RolloutCalendar *self);
gboolean         rollout_calendar_is_working_day    (RolloutCalendar *self,
                                                     RolloutDate      date);
int              rollout_calendar_to_index          (RolloutCalendar *self,
                                                     RolloutDate      date);
RolloutDate      rollout_calendar_from_index        (RolloutCalendar *self,
                                                     int              index);
RolloutDate      rollout_calendar_add_working_days  (RolloutCalendar *self,
                                                     RolloutDate      date,
                                                     int              days);
int              rollout_calendar_count_working_days (RolloutCalendar *self,
                                                     RolloutDate      from,
                                                     RolloutDate      to);
JsonObject      *rollout_calendar_get_extra         (RolloutCalendar *self);
void             rollout_calendar_set_extra         (RolloutCalendar *self,
                                                     JsonObject      *extra);

const char      *rollout_weekday_to_nick            (GDateWeekday     weekday);
GDateWeekday     rollout_weekday_from_nick          (const char      *nick);

G_END_DECLS
