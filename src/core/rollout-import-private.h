/* rollout-import-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "rollout-import.h"

G_BEGIN_DECLS

/* What the three readers share: a streaming XML walker that hands each
 * element to the format's callbacks, and a format-neutral plan (tasks in
 * document order with outline levels, links, resources, a calendar) that
 * rollout-import.c turns into a RolloutProject. */

/* The longest text content accepted in one element. */
#define IMPORT_MAX_TEXT (4 * 1024 * 1024)
/* Most links (dependencies, assignments) accepted. */
#define IMPORT_MAX_LINKS 2000000
/* One holiday range may cover at most this many days. */
#define IMPORT_MAX_HOLIDAY_RANGE 3660
#define IMPORT_MAX_HOLIDAYS 20000

/* Things a format has that Rollout cannot represent or had to convert;
 * counted while reading, turned into sentences at the end. */
typedef enum {
  TALLY_ROUNDED_DURATIONS,
  TALLY_ROUNDED_LAGS,
  TALLY_ELAPSED_DURATIONS,
  TALLY_ELAPSED_LAGS,
  TALLY_PERCENT_LAGS,
  TALLY_MILESTONE_WITH_DURATION,
  TALLY_ASSIGNMENT_UNITS,
  TALLY_EXTRA_ASSIGNMENTS,
  TALLY_SUMMARY_ASSIGNMENTS,
  TALLY_MATERIAL_RESOURCES,
  TALLY_RESOURCE_ROLES,
  TALLY_WORKING_HOURS,
  TALLY_EXCEPTION_HOURS,
  TALLY_WORKING_EXCEPTIONS,
  TALLY_RECURRING_EXCEPTIONS,
  TALLY_WORK_WEEKS,
  TALLY_RECURRING_HOLIDAYS,
  TALLY_OTHER_CALENDARS,
  TALLY_TASK_CALENDARS,
  TALLY_CUSTOM_DAY_TYPES,
  TALLY_CONSTRAINT_MSO,
  TALLY_CONSTRAINT_OTHER,
  TALLY_PINNED_STARTS,
  TALLY_DEADLINES,
  TALLY_BASELINES,
  TALLY_COSTS,
  TALLY_CUSTOM_FIELDS,
  TALLY_PRIORITIES,
  TALLY_HYPERLINKS,
  TALLY_ACTUALS,
  TALLY_RECURRING_TASKS,
  TALLY_INACTIVE_TASKS,
  TALLY_EXTERNAL_LINKS,
  TALLY_SUMMARY_LINKS,
  TALLY_MERGED_LINKS,
  TALLY_CONFLICTING_LINKS,
  TALLY_VACATIONS,
  TALLY_PROJECT_PHASES,
  TALLY_ENTITIES,
  TALLY_FROM_FINISH,
  TALLY_TOP_LEVEL_TASKS,
  N_TALLIES
} ImportTally;

typedef enum {
  LAG_WORKING_DAYS,
  LAG_CALENDAR_DAYS,
  LAG_PERCENT,
} ImportLagUnit;

typedef struct {
  char        *key;           /* the source's id */
  char        *name;
  char        *notes;
  char        *preferred_id;  /* a Rollout id the file carries, or NULL */
  int          line;
  int          level;         /* outline level, 1 = top */
  double       days;          /* working days; negative when the file gives none */
  gboolean     elapsed;       /* days are calendar days */
  gboolean     milestone;
  gboolean     pinned;        /* keeps its stored start (manually scheduled) */
  gboolean     inactive;
  int          percent;
  int          status;        /* a RolloutTaskStatus the file carries, or -1 */
  RolloutDate  snet;
  RolloutDate  source_start;  /* the source's own schedule, when stored */
  RolloutDate  source_finish;
} ImportTask;

typedef struct {
  char                  *successor;
  char                  *predecessor;
  RolloutDependencyType  type;
  double                 lag;
  ImportLagUnit          unit;
  int                    line;
  const char            *element;   /* static */
} ImportLink;

typedef struct {
  char     *key;
  char     *name;
  char     *group;   /* group key, or NULL */
  gboolean  material;
  int       line;
} ImportResource;

typedef struct {
  char *key;
  char *name;
  char *lead;
} ImportGroup;

typedef struct {
  char     *task;
  char     *resource;
  double    units;        /* 1.0 = full time */
  gboolean  responsible;
  int       line;
} ImportAssignment;

typedef struct _ImportXml ImportXml;
typedef struct _Importer Importer;

typedef struct {
  void (*start)  (Importer *imp, ImportXml *xml);
  void (*end)    (Importer *imp, ImportXml *xml, const char *text);
  void (*finish) (Importer *imp);
  void (*free)   (gpointer state);
} ImportHandler;

struct _Importer {
  RolloutImportFormat  format;
  ImportHandler        handler;
  gpointer             state;
  GError              *error;

  /* The project. */
  char                *name;
  char                *description;
  char                *owner;
  char                *fallback_name;   /* from the file name */
  RolloutDate          start;
  guint                working_days;    /* 0 = not given */
  GPtrArray           *holidays;        /* RolloutHoliday */
  int                  day_start;       /* minutes after midnight */
  int                  day_end;
  gboolean             pin_stored_starts;

  GPtrArray           *tasks;           /* ImportTask */
  GArray              *links;           /* ImportLink */
  GPtrArray           *resources;       /* ImportResource */
  GPtrArray           *groups;          /* ImportGroup */
  GArray              *assignments;     /* ImportAssignment */

  guint                tally[N_TALLIES];
  GPtrArray           *warnings;        /* char * */
  guint                n_warnings;      /* including those not kept */
};

/* The walker. */
const char      *_rollout_import_xml_name       (ImportXml  *xml);
const char      *_rollout_import_xml_parent     (ImportXml  *xml);
gboolean         _rollout_import_xml_inside     (ImportXml   *xml,
                                                 const char  *ancestor);
int              _rollout_import_xml_depth      (ImportXml  *xml);
int              _rollout_import_xml_line       (ImportXml  *xml);
const char      *_rollout_import_xml_attr       (ImportXml   *xml,
                                                 const char  *name);

/* Errors and warnings. An error stops the import; it names the current
 * element and its line. */
void             _rollout_import_fail           (Importer    *imp,
                                                 ImportXml   *xml,
                                                 int          code,
                                                 const char  *format,
                                                 ...) G_GNUC_PRINTF (4, 5);
void             _rollout_import_warn           (Importer    *imp,
                                                 int          line,
                                                 const char  *format,
                                                 ...) G_GNUC_PRINTF (3, 4);

/* Building the neutral plan. */
ImportTask      *_rollout_import_add_task       (Importer    *imp,
                                                 ImportXml   *xml,
                                                 const char  *key);
void             _rollout_import_add_link       (Importer          *imp,
                                                 const ImportLink  *link);
ImportResource  *_rollout_import_add_resource   (Importer    *imp,
                                                 ImportXml   *xml,
                                                 const char  *key,
                                                 const char  *name);
void             _rollout_import_add_group      (Importer    *imp,
                                                 const char  *key,
                                                 const char  *name,
                                                 const char  *lead);
void             _rollout_import_add_assignment (Importer                *imp,
                                                 const ImportAssignment  *assignment);
void             _rollout_import_add_holidays   (Importer    *imp,
                                                 RolloutDate  first,
                                                 RolloutDate  last,
                                                 const char  *name);

/* Parsing helpers. */
gboolean         _rollout_import_parse_int      (const char  *text,
                                                 gint64       min,
                                                 gint64       max,
                                                 gint64      *out);
gboolean         _rollout_import_parse_double   (const char  *text,
                                                 double      *out);
gboolean         _rollout_import_parse_bool     (const char  *text);
gboolean         _rollout_import_parse_datetime (const char   *text,
                                                 RolloutDate  *out_date,
                                                 int          *out_minutes);
gboolean         _rollout_import_parse_clock    (const char  *text,
                                                 int         *out_minutes);
RolloutDate      _rollout_import_start_date     (Importer   *imp,
                                                 RolloutDate date,
                                                 int         minutes);
RolloutDate      _rollout_import_finish_date    (Importer   *imp,
                                                 RolloutDate date,
                                                 int         minutes);

/* Element and attribute names compared often: most differ in their first
 * character, which saves a call. */
static inline gboolean
import_is (const char *name,
           const char *expected)
{
  return name != NULL && name[0] == expected[0] && strcmp (name, expected) == 0;
}

/* Each format installs its callbacks once the root element is known. */
void         _rollout_import_mspdi_begin   (Importer  *imp,
                                            ImportXml *xml);
void         _rollout_import_gan_begin     (Importer  *imp,
                                            ImportXml *xml);
void         _rollout_import_planner_begin (Importer  *imp,
                                            ImportXml *xml);

G_END_DECLS
