/* test-calendar.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include <string.h>

#include "rollout-calendar.h"

/* Calendars are described in tables as strings: working days as nicks
 * ("sun,mon,tue,wed,thu", NULL for Monday–Friday) and holidays as dates
 * separated by spaces. */

static RolloutDate
date (const char *text)
{
  RolloutDate d = ROLLOUT_DATE_NONE;

  if (!rollout_date_parse (text, &d))
    g_error ("bad date in test table: %s", text);
  return d;
}

static void
assert_date_eq (RolloutDate  actual,
                const char  *expected)
{
  g_autofree char *text = rollout_date_format (actual);

  g_assert_cmpstr (text, ==, expected);
}

static RolloutCalendar *
make_calendar (const char *working_days,
               const char *holidays)
{
  RolloutCalendar *calendar = rollout_calendar_new ();

  if (working_days != NULL)
    {
      g_auto(GStrv) nicks = g_strsplit (working_days, ",", -1);
      guint mask = 0;

      for (guint i = 0; nicks[i] != NULL; i++)
        {
          GDateWeekday weekday = rollout_weekday_from_nick (nicks[i]);

          g_assert_cmpint (weekday, !=, G_DATE_BAD_WEEKDAY);
          mask |= 1u << (weekday - 1);
        }
      rollout_calendar_set_working_days (calendar, mask);
    }

  if (holidays != NULL)
    {
      g_auto(GStrv) dates = g_strsplit (holidays, " ", -1);
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);

      for (guint i = 0; dates[i] != NULL; i++)
        g_ptr_array_add (list, rollout_holiday_new (date (dates[i]), "Holiday"));
      rollout_calendar_set_holidays (calendar, list);
    }

  return calendar;
}

/* Dates ------------------------------------------------------------------ */

typedef struct {
  const char *text;
  gboolean    valid;
  int         year, month, day;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "2024-02-29", TRUE, 2024, 2, 29 },    /* leap year */
  { "2026-01-01", TRUE, 2026, 1, 1 },
  { "2026-12-31", TRUE, 2026, 12, 31 },
  { "0001-01-01", TRUE, 1, 1, 1 },
  { "9999-12-31", TRUE, 9999, 12, 31 },
  { "2026-02-30", FALSE },
  { "2026-2-3", FALSE },
  { "2025-02-29", FALSE },                /* not a leap year */
  { "1900-02-29", FALSE },                /* century, not a leap year */
  { " 2026-01-01", FALSE },
  { "2026-01-01 ", FALSE },
  { "2026-01-01x", FALSE },
  { "2026-13-01", FALSE },
  { "2026-00-10", FALSE },
  { "2026-01-00", FALSE },
  { "0000-01-01", FALSE },
  { "2026/01/01", FALSE },
  { "20260101", FALSE },
  { "2026-0a-01", FALSE },
  { "+026-01-01", FALSE },
  { "", FALSE },
};

static void
test_date_parse (void)
{
  RolloutDate d = ROLLOUT_DATE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      gboolean ok;

      g_test_message ("parsing \"%s\"", c->text);
      d = ROLLOUT_DATE_NONE;
      ok = rollout_date_parse (c->text, &d);
      g_assert_cmpint (ok, ==, c->valid);
      if (c->valid)
        {
          g_assert_cmpuint (d, ==, rollout_date_from_ymd (c->year, c->month, c->day));
          assert_date_eq (d, c->text);
        }
    }

  g_assert_false (rollout_date_parse (NULL, &d));
}

static void
test_date_weekday (void)
{
  /* 0001-01-01 (Julian day 1) was a Monday. */
  g_assert_cmpuint (date ("0001-01-01"), ==, 1);
  g_assert_cmpint (rollout_date_get_weekday (date ("0001-01-01")), ==, G_DATE_MONDAY);
  g_assert_cmpint (rollout_date_get_weekday (date ("2024-02-29")), ==, G_DATE_THURSDAY);
  g_assert_cmpint (rollout_date_get_weekday (date ("2026-01-05")), ==, G_DATE_MONDAY);
  g_assert_cmpint (rollout_date_get_weekday (date ("2026-01-10")), ==, G_DATE_SATURDAY);
  g_assert_cmpint (rollout_date_get_weekday (date ("2026-01-11")), ==, G_DATE_SUNDAY);
  g_assert_cmpuint (date ("2026-03-01") - date ("2026-02-28"), ==, 1);
  g_assert_cmpuint (date ("2024-03-01") - date ("2024-02-28"), ==, 2);
}

/* Weekday nicks ------------------------------------------------------------ */

static const struct {
  GDateWeekday weekday;
  const char  *nick;
} nick_cases[] = {
  { G_DATE_MONDAY, "mon" },
  { G_DATE_TUESDAY, "tue" },
  { G_DATE_WEDNESDAY, "wed" },
  { G_DATE_THURSDAY, "thu" },
  { G_DATE_FRIDAY, "fri" },
  { G_DATE_SATURDAY, "sat" },
  { G_DATE_SUNDAY, "sun" },
};

static void
test_weekday_nicks (void)
{
  static const char *bad[] = { "Mon", "monday", "mo", "", " mon", "mon ", "xyz" };

  for (guint i = 0; i < G_N_ELEMENTS (nick_cases); i++)
    {
      g_assert_cmpstr (rollout_weekday_to_nick (nick_cases[i].weekday), ==, nick_cases[i].nick);
      g_assert_cmpint (rollout_weekday_from_nick (nick_cases[i].nick), ==, nick_cases[i].weekday);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpint (rollout_weekday_from_nick (bad[i]), ==, G_DATE_BAD_WEEKDAY);
  g_assert_cmpint (rollout_weekday_from_nick (NULL), ==, G_DATE_BAD_WEEKDAY);
}

/* Working days ------------------------------------------------------------- */

static void
test_working_days_mask (void)
{
  g_autoptr(RolloutCalendar) def = make_calendar (NULL, NULL);
  g_autoptr(RolloutCalendar) sun_thu = make_calendar ("sun,mon,tue,wed,thu", NULL);

  g_assert_cmpuint (rollout_calendar_get_working_days (def), ==, ROLLOUT_WEEKDAYS_MON_FRI);
  g_assert_true (rollout_calendar_is_default (def));
  /* Sunday is bit 6, Thursday bit 3. */
  g_assert_cmpuint (rollout_calendar_get_working_days (sun_thu), ==, 0x4f);
  g_assert_false (rollout_calendar_is_default (sun_thu));
}

typedef struct {
  const char *working_days;
  const char *holidays;
  const char *date;
  gboolean    working;
} WorkingDayCase;

static const WorkingDayCase working_day_cases[] = {
  { NULL, NULL, "2026-01-05", TRUE },                   /* Monday */
  { NULL, NULL, "2026-01-09", TRUE },                   /* Friday */
  { NULL, NULL, "2026-01-10", FALSE },                  /* Saturday */
  { NULL, NULL, "2026-01-11", FALSE },                  /* Sunday */
  { NULL, "2026-01-01", "2026-01-01", FALSE },          /* Thursday holiday */
  { NULL, "2026-01-01", "2026-01-02", TRUE },
  { NULL, "2026-01-10", "2026-01-10", FALSE },          /* holiday on a weekend */
  { NULL, "2026-01-10", "2026-01-12", TRUE },
  { "sun,mon,tue,wed,thu", NULL, "2026-01-04", TRUE },  /* Sunday */
  { "sun,mon,tue,wed,thu", NULL, "2026-01-08", TRUE },  /* Thursday */
  { "sun,mon,tue,wed,thu", NULL, "2026-01-09", FALSE }, /* Friday */
  { "sun,mon,tue,wed,thu", NULL, "2026-01-10", FALSE }, /* Saturday */
  { "sun,mon,tue,wed,thu", "2026-01-04", "2026-01-04", FALSE },
  { "sat", NULL, "2026-01-10", TRUE },
  { "sat", NULL, "2026-01-09", FALSE },
};

static void
test_is_working_day (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (working_day_cases); i++)
    {
      const WorkingDayCase *c = &working_day_cases[i];
      g_autoptr(RolloutCalendar) calendar = make_calendar (c->working_days, c->holidays);

      g_test_message ("case %u: %s", i, c->date);
      g_assert_cmpint (rollout_calendar_is_working_day (calendar, date (c->date)), ==, c->working);
    }
}

/* Holidays ----------------------------------------------------------------- */

static void
test_holidays (void)
{
  g_autoptr(RolloutCalendar) def = make_calendar (NULL, NULL);
  /* Given out of order on purpose. */
  g_autoptr(RolloutCalendar) cal = make_calendar (NULL, "2026-01-19 2026-01-07");

  /* A holiday on a working day removes that day ... */
  g_assert_cmpint (rollout_calendar_count_working_days (def, date ("2026-01-05"), date ("2026-01-09")), ==, 5);
  g_assert_cmpint (rollout_calendar_count_working_days (cal, date ("2026-01-05"), date ("2026-01-09")), ==, 4);
  g_assert_false (rollout_calendar_is_working_day (cal, date ("2026-01-07")));
  g_assert_cmpstr (rollout_calendar_get_holiday_name (cal, date ("2026-01-07")), ==, "Holiday");
  g_assert_null (rollout_calendar_get_holiday_name (cal, date ("2026-01-08")));

  /* ... shares its index with the next working day ... */
  g_assert_cmpint (rollout_calendar_to_index (cal, date ("2026-01-07")), ==,
                   rollout_calendar_to_index (cal, date ("2026-01-08")));
  g_assert_cmpint (rollout_calendar_to_index (cal, date ("2026-01-08")) -
                   rollout_calendar_to_index (cal, date ("2026-01-06")), ==, 1);

  /* ... and shifts everything after it. */
  assert_date_eq (rollout_calendar_add_working_days (cal, date ("2026-01-06"), 1), "2026-01-08");
  assert_date_eq (rollout_calendar_add_working_days (cal, date ("2026-01-05"), 10), "2026-01-21");
  assert_date_eq (rollout_calendar_add_working_days (def, date ("2026-01-05"), 10), "2026-01-19");
  g_assert_cmpint (rollout_calendar_count_working_days (cal, date ("2026-01-01"), date ("2026-01-31")), ==, 20);
}

static void
test_holiday_on_weekend (void)
{
  g_autoptr(RolloutCalendar) def = make_calendar (NULL, NULL);
  g_autoptr(RolloutCalendar) cal = make_calendar (NULL, "2026-01-10 2026-01-11");
  RolloutDate first = date ("2025-12-01");

  g_assert_cmpint (rollout_calendar_count_working_days (cal, date ("2026-01-05"), date ("2026-01-16")), ==, 10);
  assert_date_eq (rollout_calendar_add_working_days (cal, date ("2026-01-09"), 1), "2026-01-12");

  /* Not a single index differs from the plain calendar. */
  for (RolloutDate d = first; d < first + 90; d++)
    g_assert_cmpint (rollout_calendar_to_index (cal, d), ==, rollout_calendar_to_index (def, d));

  /* On a Sunday–Thursday week the same Sunday is a working day, so the
   * holiday counts there. */
  {
    g_autoptr(RolloutCalendar) sun_thu = make_calendar ("sun,mon,tue,wed,thu", "2026-01-11");

    g_assert_cmpint (rollout_calendar_count_working_days (sun_thu, date ("2026-01-11"), date ("2026-01-15")), ==, 4);
  }
}

static void
test_repeated_holiday (void)
{
  g_autoptr(RolloutCalendar) cal = make_calendar (NULL, "2026-01-07 2026-01-07 2026-01-08 2026-01-07");

  g_assert_cmpuint (rollout_calendar_get_holidays (cal)->len, ==, 4);
  g_assert_cmpint (rollout_calendar_count_working_days (cal, date ("2026-01-05"), date ("2026-01-09")), ==, 3);
  g_assert_cmpint (rollout_calendar_to_index (cal, date ("2026-01-12")) -
                   rollout_calendar_to_index (cal, date ("2026-01-05")), ==, 3);
  assert_date_eq (rollout_calendar_add_working_days (cal, date ("2026-01-06"), 1), "2026-01-09");
  assert_date_eq (rollout_calendar_add_working_days (cal, date ("2026-01-09"), -1), "2026-01-06");
}

/* Arithmetic --------------------------------------------------------------- */

#define US_2026 "2026-01-01 2026-01-10 2026-01-19"   /* Thursday, Saturday, Monday */

typedef struct {
  const char *working_days;
  const char *holidays;
  const char *from;
  int         days;
  const char *expected;
} AddCase;

static const AddCase add_cases[] = {
  { NULL, NULL, "2026-01-05", 0, "2026-01-05" },
  { NULL, NULL, "2026-01-05", 4, "2026-01-09" },
  { NULL, NULL, "2026-01-09", 1, "2026-01-12" },          /* over a weekend */
  { NULL, NULL, "2026-01-12", -1, "2026-01-09" },         /* back over it */
  { NULL, NULL, "2026-01-05", 20, "2026-02-02" },
  { NULL, NULL, "2026-01-10", 0, "2026-01-12" },          /* Saturday: the next working day */
  { NULL, NULL, "2026-01-10", 1, "2026-01-13" },
  { NULL, NULL, "2026-01-10", -1, "2026-01-09" },
  { NULL, NULL, "2024-02-28", 1, "2024-02-29" },          /* leap day is a Thursday */
  { NULL, NULL, "2024-02-29", 1, "2024-03-01" },
  { NULL, NULL, "2026-01-05", 261, "2027-01-05" },        /* Jan 5 to Dec 31 holds 259 */
  { NULL, US_2026, "2025-12-31", 1, "2026-01-02" },       /* over New Year's Day */
  { NULL, US_2026, "2026-01-02", -1, "2025-12-31" },
  { NULL, US_2026, "2026-01-05", -3, "2025-12-30" },
  { NULL, US_2026, "2026-01-01", 0, "2026-01-02" },       /* a holiday: the next working day */
  { NULL, US_2026, "2026-01-16", 1, "2026-01-20" },       /* over a weekend and a Monday holiday */
  { NULL, US_2026, "2026-01-20", -1, "2026-01-16" },
  { NULL, US_2026, "2026-01-05", 20, "2026-02-03" },
  { NULL, US_2026, "2026-02-03", -20, "2026-01-05" },
  { "sun,mon,tue,wed,thu", NULL, "2026-01-08", 1, "2026-01-11" },
  { "sun,mon,tue,wed,thu", NULL, "2026-01-11", -1, "2026-01-08" },
  { "sun,mon,tue,wed,thu", NULL, "2026-01-09", 0, "2026-01-11" },
  { "sun,mon,tue,wed,thu", NULL, "2026-01-04", 10, "2026-01-18" },
  { "wed", NULL, "2026-01-07", 2, "2026-01-21" },         /* one working day a week */
  { "wed", NULL, "2026-01-05", 0, "2026-01-07" },
  { "wed", NULL, "2026-01-05", -1, "2025-12-31" },
  { "wed", "2026-01-14", "2026-01-07", 1, "2026-01-21" },
};

static void
test_add_working_days (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (add_cases); i++)
    {
      const AddCase *c = &add_cases[i];
      g_autoptr(RolloutCalendar) calendar = make_calendar (c->working_days, c->holidays);

      g_test_message ("case %u: %s %+d", i, c->from, c->days);
      assert_date_eq (rollout_calendar_add_working_days (calendar, date (c->from), c->days), c->expected);
    }
}

typedef struct {
  const char *working_days;
  const char *holidays;
  const char *from;
  const char *to;
  int         expected;
} CountCase;

static const CountCase count_cases[] = {
  { NULL, NULL, "2026-01-01", "2026-01-31", 22 },
  { NULL, US_2026, "2026-01-01", "2026-01-31", 20 },
  { NULL, NULL, "2026-01-01", "2026-12-31", 261 },
  { NULL, NULL, "2024-01-01", "2024-12-31", 262 },        /* leap year starting on a Monday */
  { NULL, NULL, "2026-01-12", "2026-01-12", 1 },
  { NULL, NULL, "2026-01-10", "2026-01-11", 0 },          /* a weekend */
  { NULL, NULL, "2026-01-09", "2026-01-12", 2 },
  { NULL, NULL, "2026-01-12", "2026-01-05", 0 },          /* backwards */
  { NULL, US_2026, "2026-01-01", "2026-01-01", 0 },
  { "sun,mon,tue,wed,thu", NULL, "2026-01-01", "2026-01-31", 21 },
  { "wed", NULL, "2026-01-01", "2026-01-31", 4 },
  { "mon,tue,wed,thu,fri,sat,sun", "2026-01-10", "2026-01-01", "2026-01-31", 30 },
};

static void
test_count_working_days (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      const CountCase *c = &count_cases[i];
      g_autoptr(RolloutCalendar) calendar = make_calendar (c->working_days, c->holidays);

      g_test_message ("case %u: %s..%s", i, c->from, c->to);
      g_assert_cmpint (rollout_calendar_count_working_days (calendar, date (c->from), date (c->to)), ==, c->expected);
    }
}

/* Round trips -------------------------------------------------------------- */

/* Holidays over five years: on weekdays, on weekends, repeated, on the first
 * day of the range and on leap day. */
#define MANY_HOLIDAYS \
  "2024-01-01 2024-02-29 2024-05-27 2024-07-04 2024-07-06 2024-12-25 " \
  "2025-01-01 2025-05-26 2025-07-04 2025-11-27 2025-12-25 2025-12-25 " \
  "2026-01-01 2026-01-19 2026-05-25 2026-07-04 2026-11-26 2026-12-25 " \
  "2027-01-01 2027-05-31 2027-07-05 2027-11-25 2027-12-24 " \
  "2028-01-17 2028-05-29 2028-07-04 2028-12-25 2028-12-31"

static const struct {
  const char *working_days;
  const char *holidays;
} round_trip_cases[] = {
  { NULL, NULL },
  { NULL, MANY_HOLIDAYS },
  { "sun,mon,tue,wed,thu", MANY_HOLIDAYS },
  { "wed", MANY_HOLIDAYS },
  { "mon,tue,wed,thu,fri,sat,sun", MANY_HOLIDAYS },
};

static void
test_round_trip (void)
{
  RolloutDate first = date ("2024-01-01");
  RolloutDate last = date ("2028-12-31");

  for (guint i = 0; i < G_N_ELEMENTS (round_trip_cases); i++)
    {
      g_autoptr(RolloutCalendar) calendar =
        make_calendar (round_trip_cases[i].working_days, round_trip_cases[i].holidays);
      int first_index = rollout_calendar_to_index (calendar, first);
      int last_index = rollout_calendar_to_index (calendar, last + 1);
      int working = 0;

      g_test_message ("calendar %u", i);
      for (RolloutDate d = first; d <= last; d++)
        {
          int index = rollout_calendar_to_index (calendar, d);
          gboolean is_working = rollout_calendar_is_working_day (calendar, d);
          RolloutDate back = rollout_calendar_from_index (calendar, index);

          /* The index advances by one exactly after each working day. */
          g_assert_cmpint (rollout_calendar_to_index (calendar, d + 1) - index, ==, is_working ? 1 : 0);
          if (is_working)
            {
              g_assert_cmpuint (back, ==, d);
              working++;
            }
          else
            {
              g_assert_cmpuint (back, >, d);
              g_assert_true (rollout_calendar_is_working_day (calendar, back));
            }
        }

      g_assert_cmpint (last_index - first_index, ==, working);
      g_assert_cmpint (rollout_calendar_count_working_days (calendar, first, last), ==, working);

      for (int index = first_index; index < last_index; index++)
        {
          RolloutDate d = rollout_calendar_from_index (calendar, index);

          g_assert_true (rollout_calendar_is_working_day (calendar, d));
          g_assert_cmpint (rollout_calendar_to_index (calendar, d), ==, index);
        }
    }
}

static void
test_round_trip_counts (void)
{
  g_autoptr(RolloutCalendar) cal = make_calendar (NULL, MANY_HOLIDAYS);

  /* 2024 has 262 weekdays; its holidays on weekdays are Jan 1, Feb 29,
   * May 27, Jul 4 and Dec 25 (Jul 6 is a Saturday). */
  g_assert_cmpint (rollout_calendar_count_working_days (cal, date ("2024-01-01"), date ("2024-12-31")), ==, 257);
  /* 2025: 261 weekdays less Jan 1, May 26, Jul 4, Nov 27 and Dec 25 (listed twice). */
  g_assert_cmpint (rollout_calendar_count_working_days (cal, date ("2025-01-01"), date ("2025-12-31")), ==, 256);
  /* 2026: 261 weekdays less Jan 1, Jan 19, May 25, Nov 26, Dec 25 (Jul 4 is a Saturday). */
  g_assert_cmpint (rollout_calendar_count_working_days (cal, date ("2026-01-01"), date ("2026-12-31")), ==, 256);
  assert_date_eq (rollout_calendar_from_index (cal, rollout_calendar_to_index (cal, date ("2024-01-01"))), "2024-01-02");
  assert_date_eq (rollout_calendar_from_index (cal, rollout_calendar_to_index (cal, date ("2028-12-30"))), "2029-01-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/calendar/date-parse", test_date_parse);
  g_test_add_func ("/rollout/calendar/date-weekday", test_date_weekday);
  g_test_add_func ("/rollout/calendar/weekday-nicks", test_weekday_nicks);
  g_test_add_func ("/rollout/calendar/working-days-mask", test_working_days_mask);
  g_test_add_func ("/rollout/calendar/is-working-day", test_is_working_day);
  g_test_add_func ("/rollout/calendar/holidays", test_holidays);
  g_test_add_func ("/rollout/calendar/holiday-on-weekend", test_holiday_on_weekend);
  g_test_add_func ("/rollout/calendar/repeated-holiday", test_repeated_holiday);
  g_test_add_func ("/rollout/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/rollout/calendar/count-working-days", test_count_working_days);
  g_test_add_func ("/rollout/calendar/round-trip", test_round_trip);
  g_test_add_func ("/rollout/calendar/round-trip-counts", test_round_trip_counts);

  return g_test_run ();
}
