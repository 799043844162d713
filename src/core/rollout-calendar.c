/* rollout-calendar.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The working-day calendar.
 *
 * Scheduling happens on a line of working days: every working day has an
 * index, and durations and lags are plain additions on that line. The index
 * of a date is the number of working days before it since 0001-01-01 (a
 * Monday), so a non-working date shares the index of the next working day.
 * Both directions cost O(log holidays), which keeps the scheduler linear.
 */

#define G_LOG_DOMAIN "rollout-calendar"

#include "config.h"

#include <string.h>

#include "rollout-calendar-private.h"

struct _RolloutCalendar
{
  GObject parent_instance;

  guint working_days;
  GPtrArray *holidays;      /* RolloutHoliday, in the user's order */
  GArray *holiday_index;    /* sorted unique guint32 dates of holidays on working weekdays */
  JsonObject *extra;

  guint revision;           /* counts changes, for the scheduler */

  int per_week;             /* working weekdays per week */
  int prefix[8];            /* working weekdays among the first n days of a week */
};

G_DEFINE_FINAL_TYPE (RolloutCalendar, rollout_calendar, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *weekday_nicks[] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static int
compare_date (gconstpointer a,
              gconstpointer b)
{
  guint32 da = *(const guint32 *) a;
  guint32 db = *(const guint32 *) b;

  return (da > db) - (da < db);
}

static void
rebuild (RolloutCalendar *self)
{
  self->per_week = 0;
  self->prefix[0] = 0;
  for (int i = 0; i < 7; i++)
    {
      if (self->working_days & (1u << i))
        self->per_week++;
      self->prefix[i + 1] = self->per_week;
    }

  g_array_set_size (self->holiday_index, 0);
  for (guint i = 0; i < self->holidays->len; i++)
    {
      RolloutHoliday *h = g_ptr_array_index (self->holidays, i);
      guint32 d = h->date;

      if (d != ROLLOUT_DATE_NONE &&
          (self->working_days & (1u << (rollout_date_get_weekday (d) - 1))))
        g_array_append_val (self->holiday_index, d);
    }
  g_array_sort (self->holiday_index, compare_date);

  /* Drop repeats so each holiday removes exactly one working day. */
  if (self->holiday_index->len > 1)
    {
      guint32 *v = (guint32 *) self->holiday_index->data;
      guint n = 1;

      for (guint i = 1; i < self->holiday_index->len; i++)
        if (v[i] != v[n - 1])
          v[n++] = v[i];
      g_array_set_size (self->holiday_index, n);
    }
}

/* Holidays (on working weekdays) strictly before @date. */
static int
holidays_before (RolloutCalendar *self,
                 RolloutDate      date)
{
  const guint32 *v = (const guint32 *) self->holiday_index->data;
  guint lo = 0, hi = self->holiday_index->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (v[mid] < date)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (int) lo;
}

static gboolean
is_holiday (RolloutCalendar *self,
            RolloutDate      date)
{
  int i = holidays_before (self, date);

  return (guint) i < self->holiday_index->len &&
         g_array_index (self->holiday_index, guint32, i) == date;
}

static void
rollout_calendar_finalize (GObject *object)
{
  RolloutCalendar *self = (RolloutCalendar *)object;

  g_clear_pointer (&self->holidays, g_ptr_array_unref);
  g_clear_pointer (&self->holiday_index, g_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (rollout_calendar_parent_class)->finalize (object);
}

static void
rollout_calendar_class_init (RolloutCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_calendar_finalize;

  /**
   * RolloutCalendar::changed:
   *
   * Emitted when the working days or the holidays change.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rollout_calendar_init (RolloutCalendar *self)
{
  self->working_days = ROLLOUT_WEEKDAYS_MON_FRI;
  self->holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);
  self->holiday_index = g_array_new (FALSE, FALSE, sizeof (guint32));
  rebuild (self);
}

RolloutCalendar *
rollout_calendar_new (void)
{
  return g_object_new (ROLLOUT_TYPE_CALENDAR, NULL);
}

guint
rollout_calendar_get_working_days (RolloutCalendar *self)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), 0);

  return self->working_days;
}

/**
 * rollout_calendar_set_working_days:
 * @self: a #RolloutCalendar
 * @mask: working weekdays, bit 0 for Monday; at least one
 */
void
rollout_calendar_set_working_days (RolloutCalendar *self,
                                   guint            mask)
{
  g_return_if_fail (ROLLOUT_IS_CALENDAR (self));
  g_return_if_fail ((mask & 0x7f) != 0);

  mask &= 0x7f;
  if (mask == self->working_days)
    return;
  self->working_days = mask;
  self->revision++;
  rebuild (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * rollout_calendar_get_holidays:
 * @self: a #RolloutCalendar
 *
 * Returns: (transfer none) (element-type RolloutHoliday): the holidays, in
 *   the user's order
 */
GPtrArray *
rollout_calendar_get_holidays (RolloutCalendar *self)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), NULL);

  return self->holidays;
}

void
rollout_calendar_set_holidays (RolloutCalendar *self,
                               GPtrArray       *holidays)
{
  g_return_if_fail (ROLLOUT_IS_CALENDAR (self));

  if (holidays == self->holidays)
    return;
  g_clear_pointer (&self->holidays, g_ptr_array_unref);
  self->holidays = rollout_ptr_array_copy (holidays,
                                           (GBoxedCopyFunc) rollout_holiday_copy,
                                           (GDestroyNotify) rollout_holiday_free);
  self->revision++;
  rebuild (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * rollout_calendar_get_holiday_name:
 * @self: a #RolloutCalendar
 * @date: a date
 *
 * Returns: (nullable): the name of the holiday on @date, if any
 */
const char *
rollout_calendar_get_holiday_name (RolloutCalendar *self,
                                   RolloutDate      date)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), NULL);

  for (guint i = 0; i < self->holidays->len; i++)
    {
      RolloutHoliday *h = g_ptr_array_index (self->holidays, i);

      if (h->date == date)
        return h->name ? h->name : "";
    }
  return NULL;
}

gboolean
rollout_calendar_is_default (RolloutCalendar *self)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), TRUE);

  return self->working_days == ROLLOUT_WEEKDAYS_MON_FRI &&
         self->holidays->len == 0 &&
         (self->extra == NULL || json_object_get_size (self->extra) == 0);
}

gboolean
rollout_calendar_is_working_day (RolloutCalendar *self,
                                 RolloutDate      date)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != ROLLOUT_DATE_NONE, FALSE);

  if (!(self->working_days & (1u << (rollout_date_get_weekday (date) - 1))))
    return FALSE;
  return !is_holiday (self, date);
}

/**
 * rollout_calendar_to_index:
 * @self: a #RolloutCalendar
 * @date: a date
 *
 * Returns: the number of working days before @date; for a non-working
 *   date, the index of the next working day
 */
int
rollout_calendar_to_index (RolloutCalendar *self,
                           RolloutDate      date)
{
  guint days;

  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), 0);
  g_return_val_if_fail (date != ROLLOUT_DATE_NONE, 0);

  days = date - 1;
  return (int) (days / 7) * self->per_week + self->prefix[days % 7] -
         holidays_before (self, date);
}

/**
 * rollout_calendar_from_index:
 * @self: a #RolloutCalendar
 * @index: a working-day index
 *
 * Returns: the working day with that index
 */
RolloutDate
rollout_calendar_from_index (RolloutCalendar *self,
                             int              index)
{
  guint lo, hi;

  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), ROLLOUT_DATE_NONE);

  if (index < 0)
    index = 0;

  /* The answer lies between the date the weekly pattern alone gives and
   * that date pushed back by every holiday (plus a week of slack). */
  lo = 1 + (guint) (index / self->per_week) * 7;
  hi = 1 + (guint) ((index + (int) self->holiday_index->len) / self->per_week + 2) * 7;

  /* Smallest date d with to_index (d + 1) > index: a working day. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rollout_calendar_to_index (self, mid + 1) > index)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/**
 * rollout_calendar_add_working_days:
 * @self: a #RolloutCalendar
 * @date: a date
 * @days: working days to add, may be negative
 *
 * Returns: the working day @days working days after @date (after the next
 *   working day, when @date is not one)
 */
RolloutDate
rollout_calendar_add_working_days (RolloutCalendar *self,
                                   RolloutDate      date,
                                   int              days)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), ROLLOUT_DATE_NONE);

  return rollout_calendar_from_index (self, rollout_calendar_to_index (self, date) + days);
}

/**
 * rollout_calendar_count_working_days:
 * @self: a #RolloutCalendar
 * @from: first date
 * @to: last date
 *
 * Returns: working days in [@from, @to], both included
 */
int
rollout_calendar_count_working_days (RolloutCalendar *self,
                                     RolloutDate      from,
                                     RolloutDate      to)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), 0);

  if (to < from)
    return 0;
  return rollout_calendar_to_index (self, to + 1) - rollout_calendar_to_index (self, from);
}

JsonObject *
rollout_calendar_get_extra (RolloutCalendar *self)
{
  g_return_val_if_fail (ROLLOUT_IS_CALENDAR (self), NULL);

  return self->extra;
}

void
rollout_calendar_set_extra (RolloutCalendar *self,
                            JsonObject      *extra)
{
  g_return_if_fail (ROLLOUT_IS_CALENDAR (self));

  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = rollout_extra_ref (extra);
}

const char *
rollout_weekday_to_nick (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, NULL);

  return weekday_nicks[weekday];
}

/**
 * rollout_weekday_from_nick:
 * @nick: "mon" … "sun"
 *
 * Returns: the weekday, or %G_DATE_BAD_WEEKDAY
 */
GDateWeekday
rollout_weekday_from_nick (const char *nick)
{
  for (int i = G_DATE_MONDAY; i <= G_DATE_SUNDAY; i++)
    if (g_strcmp0 (nick, weekday_nicks[i]) == 0)
      return (GDateWeekday) i;
  return G_DATE_BAD_WEEKDAY;
}

/* How many times the working days or holidays of @self changed. */
guint
_rollout_calendar_get_revision (RolloutCalendar *self)
{
  return self->revision;
}
