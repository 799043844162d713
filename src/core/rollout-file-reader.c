/* rollout-file-reader.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a .rollout file.
 *
 * Three passes, each reporting every problem it finds rather than the first:
 *
 *  1. The strict JSON parser (rollout-json.c) refuses what is not JSON —
 *     binary, bad UTF-8, duplicate members, a million nested brackets — in
 *     linear time and bounded stack, saying where (line and column).
 *  2. The tree is walked and every member is checked for
 *     presence, type, range and form, with its location as a path
 *     (`tasks[3].depends_on[0].lag`). Members this version does not know are
 *     kept on their object so they are written back.
 *  3. The built project is validated for meaning: references, cycles
 *     (rollout-validator.c).
 *
 * Only a file without a single problem becomes a project; a broken file is
 * never half-loaded.
 */

#define G_LOG_DOMAIN "rollout-file"

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-file-private.h"
#include "rollout-json.h"

typedef struct {
  GPtrArray *diagnostics;
  GString *path;
  RolloutFilePositions positions;
} Reader;

static const char *project_keys[] = {
  "format", "version", "id", "name", "description", "owner", "created", "modified",
  "start", "calendar", "wip_limits", "teams", "phases", "tasks", "risks", "metrics", "feedback", NULL
};
static const char *calendar_keys[] = { "working_days", "holidays", NULL };
static const char *holiday_keys[] = { "date", "name", NULL };
static const char *team_keys[] = { "id", "name", "color", "lead", "members", NULL };
static const char *phase_keys[] = {
  "id", "name", "description", "audience_percent", "regions", "planned_start",
  "status", "gate", "signoffs", "decisions", NULL
};
static const char *gate_keys[] = { "metrics", "required_signoffs", "max_open_risk_score", NULL };
static const char *gate_metric_keys[] = {
  "metric", "comparison", "threshold", "aggregate", "window_days", NULL
};
static const char *signoff_keys[] = { "team", "by", "date", NULL };
static const char *decision_keys[] = { "date", "by", "action", "reason", NULL };
static const char *task_keys[] = {
  "id", "name", "phase", "team", "owner", "duration", "start_no_earlier_than",
  "depends_on", "status", "progress", "blocked_reason", "notes", "checklist", NULL
};
static const char *dependency_keys[] = { "task", "type", "lag", NULL };
static const char *checklist_keys[] = { "text", "done", NULL };
static const char *risk_keys[] = {
  "id", "title", "description", "likelihood", "impact", "owner", "mitigation",
  "contingency", "status", "phase", "tasks", "history", NULL
};
static const char *assessment_keys[] = { "date", "likelihood", "impact", NULL };
static const char *metric_keys[] = { "id", "name", "unit", "direction", "target", "samples", NULL };
static const char *sample_keys[] = { "date", "phase", "value", NULL };
static const char *feedback_keys[] = {
  "id", "date", "phase", "source", "sentiment", "tags", "text", "task", NULL
};

G_DEFINE_QUARK (rollout-file-error-quark, rollout_file_error)

/* Diagnostics ------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (RolloutDiagnostic, rollout_diagnostic,
                     rollout_diagnostic_copy, rollout_diagnostic_free)

RolloutDiagnostic *
rollout_diagnostic_new (const char *location,
                        int         line,
                        int         column,
                        const char *message)
{
  RolloutDiagnostic *d = g_new0 (RolloutDiagnostic, 1);

  d->location = g_strdup (location);
  d->line = line;
  d->column = column;
  d->message = g_strdup (message);
  return d;
}

RolloutDiagnostic *
rollout_diagnostic_copy (const RolloutDiagnostic *diagnostic)
{
  return rollout_diagnostic_new (diagnostic->location, diagnostic->line,
                                 diagnostic->column, diagnostic->message);
}

void
rollout_diagnostic_free (RolloutDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;
  g_free (diagnostic->location);
  g_free (diagnostic->message);
  g_free (diagnostic);
}

/**
 * rollout_diagnostic_to_string:
 * @diagnostic: a #RolloutDiagnostic
 *
 * Returns: (transfer full): "location: message", "line L, column C: message"
 *   or the message alone
 */
char *
rollout_diagnostic_to_string (const RolloutDiagnostic *diagnostic)
{
  if (diagnostic->location != NULL)
    return g_strdup_printf ("%s: %s", diagnostic->location, diagnostic->message);
  if (diagnostic->line > 0 && diagnostic->column > 0)
    /* Translators: where a problem is in a file, then what it is */
    return g_strdup_printf (_("line %d, column %d: %s"), diagnostic->line,
                            diagnostic->column, diagnostic->message);
  if (diagnostic->line > 0)
    /* Translators: where a problem is in a file, then what it is */
    return g_strdup_printf (_("line %d: %s"), diagnostic->line, diagnostic->message);
  return g_strdup (diagnostic->message);
}

void
_rollout_diagnostics_add (GPtrArray  *diagnostics,
                          const char *location,
                          const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (diagnostics, rollout_diagnostic_new (location, 0, 0, message));
}

static void
report (Reader     *r,
        const char *member,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
report (Reader     *r,
        const char *member,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *location = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (member == NULL)
    location = g_strdup (r->path->len ? r->path->str : _("(top level)"));
  else if (r->path->len == 0)
    location = g_strdup (member);
  else
    location = g_strdup_printf ("%s.%s", r->path->str, member);

  g_ptr_array_add (r->diagnostics, rollout_diagnostic_new (location, 0, 0, message));
}

/* Paths ------------------------------------------------------------------- */

static gsize
push_member (Reader     *r,
             const char *member)
{
  gsize mark = r->path->len;

  if (mark > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, member);
  return mark;
}

static gsize
push_index (Reader *r,
            guint   index)
{
  gsize mark = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return mark;
}

static void
pop (Reader *r,
     gsize   mark)
{
  g_string_truncate (r->path, mark);
}

/* Typed member access ----------------------------------------------------- */

typedef RolloutJsonValue Value;

static const char *
node_kind (const Value *node)
{
  switch (node ? rollout_json_get_type (node) : ROLLOUT_JSON_NULL)
    {
    case ROLLOUT_JSON_OBJECT: return C_("JSON value", "an object");
    case ROLLOUT_JSON_ARRAY: return C_("JSON value", "an array");
    case ROLLOUT_JSON_STRING: return C_("JSON value", "a string");
    case ROLLOUT_JSON_BOOLEAN: return C_("JSON value", "true or false");
    case ROLLOUT_JSON_INT:
    case ROLLOUT_JSON_DOUBLE: return C_("JSON value", "a number");
    case ROLLOUT_JSON_NULL:
    default: return C_("JSON value", "null");
    }
}

static gboolean
holds (const Value     *node,
       RolloutJsonType  type)
{
  return node != NULL && rollout_json_get_type (node) == type;
}

static gboolean
holds_number (const Value *node)
{
  return holds (node, ROLLOUT_JSON_INT) || holds (node, ROLLOUT_JSON_DOUBLE);
}

/* Returns the member, or NULL when it is absent or null (an absent required
 * member is reported). */
static const Value *
member (Reader      *r,
        const Value *object,
        const char  *key,
        gboolean     required)
{
  const Value *node = rollout_json_object_get (object, key);

  if (node != NULL && !holds (node, ROLLOUT_JSON_NULL))
    return node;
  if (required)
    {
      if (node == NULL)
        report (r, key, _("required member is missing"));
      else
        report (r, key, _("must not be null"));
    }
  return NULL;
}

static const char *
get_string (Reader     *r,
            const Value  *object,
            const char *key,
            gboolean    required)
{
  const Value *node = member (r, object, key, required);

  if (node == NULL)
    return NULL;
  if (!holds (node, ROLLOUT_JSON_STRING))
    {
      report (r, key, _("expected a string, found %s"), node_kind (node));
      return NULL;
    }
  if (required && *rollout_json_get_string (node) == '\0')
    {
      report (r, key, _("must not be empty"));
      return NULL;
    }
  return rollout_json_get_string (node);
}

static const char *
get_id (Reader     *r,
        const Value  *object,
        const char *key,
        gboolean    required)
{
  const char *id = get_string (r, object, key, required);

  if (id != NULL && !rollout_id_is_valid (id))
    {
      report (r, key, _("\"%s\" is not a valid id (use letters, digits, '-', '_' and '.')"), id);
      return NULL;
    }
  return id;
}

static gboolean
get_int (Reader     *r,
         const Value  *object,
         const char *key,
         gboolean    required,
         gint64      min,
         gint64      max,
         int        *inout_value)
{
  const Value *node = member (r, object, key, required);
  gint64 v;

  if (node == NULL)
    return FALSE;
  if (holds (node, ROLLOUT_JSON_INT))
    v = rollout_json_get_int (node);
  else if (holds (node, ROLLOUT_JSON_DOUBLE))
    {
      double d = rollout_json_get_double (node);

      /* Range first: converting a double outside gint64 is undefined. */
      if (!(d >= -1e15 && d <= 1e15) || d != (double) (gint64) d)
        {
          report (r, key, _("expected a whole number, found %g"), d);
          return FALSE;
        }
      v = (gint64) d;
    }
  else
    {
      report (r, key, _("expected a whole number, found %s"), node_kind (node));
      return FALSE;
    }
  if (v < min || v > max)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      report (r, key, _("must be between %s and %s, found %s"), low, high, found);
      return FALSE;
    }
  *inout_value = (int) v;
  return TRUE;
}

static gboolean
get_double (Reader     *r,
            const Value  *object,
            const char *key,
            gboolean    required,
            double      min,
            double      max,
            double     *inout_value)
{
  const Value *node = member (r, object, key, required);
  double v;

  if (node == NULL)
    return FALSE;
  if (!holds_number (node))
    {
      report (r, key, _("expected a number, found %s"), node_kind (node));
      return FALSE;
    }
  v = holds (node, ROLLOUT_JSON_INT) ? (double) rollout_json_get_int (node) : rollout_json_get_double (node);
  if (v < min || v > max)
    {
      report (r, key, _("must be between %g and %g, found %g"), min, max, v);
      return FALSE;
    }
  *inout_value = v;
  return TRUE;
}

static gboolean
get_bool (Reader     *r,
          const Value  *object,
          const char *key,
          gboolean    required,
          gboolean   *inout_value)
{
  const Value *node = member (r, object, key, required);

  if (node == NULL)
    return FALSE;
  if (!holds (node, ROLLOUT_JSON_BOOLEAN))
    {
      report (r, key, _("expected true or false, found %s"), node_kind (node));
      return FALSE;
    }
  *inout_value = rollout_json_get_boolean (node);
  return TRUE;
}

static gboolean
get_enum (Reader     *r,
          const Value  *object,
          const char *key,
          gboolean    required,
          GType       enum_type,
          int        *inout_value)
{
  const char *nick = get_string (r, object, key, required);

  if (nick == NULL)
    return FALSE;
  if (!rollout_enum_from_nick (enum_type, nick, inout_value))
    {
      g_autofree char *accepted = rollout_enum_list_nicks (enum_type);

      report (r, key, _("\"%s\" is not one of %s"), nick, accepted);
      return FALSE;
    }
  return TRUE;
}

static RolloutDate
get_date (Reader     *r,
          const Value  *object,
          const char *key,
          gboolean    required)
{
  const char *text = get_string (r, object, key, required);
  RolloutDate date = ROLLOUT_DATE_NONE;

  if (text == NULL)
    return ROLLOUT_DATE_NONE;
  if (!rollout_date_parse (text, &date))
    {
      report (r, key, _("\"%s\" is not a valid date (expected YYYY-MM-DD)"), text);
      return ROLLOUT_DATE_NONE;
    }
  return date;
}

static const char *
get_timestamp (Reader     *r,
               const Value  *object,
               const char *key)
{
  const char *text = get_string (r, object, key, FALSE);

  if (text != NULL && !rollout_timestamp_is_valid (text))
    {
      report (r, key, _("\"%s\" is not a valid timestamp (expected YYYY-MM-DDThh:mm:ssZ)"), text);
      return NULL;
    }
  return text;
}

static const Value *
get_array (Reader     *r,
           const Value  *object,
           const char *key,
           gboolean    required)
{
  const Value *node = member (r, object, key, required);

  if (node == NULL)
    return NULL;
  if (!holds (node, ROLLOUT_JSON_ARRAY))
    {
      report (r, key, _("expected an array, found %s"), node_kind (node));
      return NULL;
    }
  return node;
}

/* A list of strings; NULL when absent or wrong. @ids checks each as an id. */
static char **
get_strv (Reader     *r,
          const Value  *object,
          const char *key,
          gboolean    ids)
{
  const Value *array = get_array (r, object, key, FALSE);
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean ok = TRUE;
  guint n;

  if (array == NULL)
    return NULL;
  n = rollout_json_get_length (array);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      const Value *node = rollout_json_array_get (array, i);
      gsize mark = push_member (r, key);

      push_index (r, i);
      if (!holds (node, ROLLOUT_JSON_STRING))
        {
          report (r, NULL, _("expected a string, found %s"), node_kind (node));
          ok = FALSE;
        }
      else if (ids && !rollout_id_is_valid (rollout_json_get_string (node)))
        {
          report (r, NULL, _("\"%s\" is not a valid id"), rollout_json_get_string (node));
          ok = FALSE;
        }
      else if (*rollout_json_get_string (node) == '\0')
        {
          report (r, NULL, _("must not be empty"));
          ok = FALSE;
        }
      else
        g_strv_builder_add (builder, rollout_json_get_string (node));
      pop (r, mark);
    }
  if (!ok)
    return NULL;
  return g_strv_builder_end (builder);
}

static gboolean
has_member (const Value *object,
            const char  *key)
{
  return rollout_json_object_get (object, key) != NULL;
}

static gboolean
is_known (const char  *key,
          const char **known)
{
  for (guint i = 0; known[i]; i++)
    if (strcmp (key, known[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Members not in @known, in file order, to be written back. */
static JsonObject *
collect_extra (const Value  *object,
               const char  **known)
{
  JsonObject *extra = NULL;
  guint n = rollout_json_get_length (object);

  for (guint i = 0; i < n; i++)
    {
      const char *key = rollout_json_object_get_key (object, i);

      if (is_known (key, known))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, key, rollout_json_to_node (rollout_json_object_get_value (object, i)));
    }
  return extra;
}

/* Iterates @key's array of objects, calling @func for each with the path set. */
typedef void (*ElementFunc) (Reader     *r,
                             const Value *element,
                             guint       index,
                             gpointer    user_data);

static void
each_object (Reader      *r,
             const Value  *object,
             const char  *key,
             ElementFunc  func,
             gpointer     user_data)
{
  const Value *array = get_array (r, object, key, FALSE);
  gsize mark;
  guint n;

  if (array == NULL)
    return;
  mark = push_member (r, key);
  n = rollout_json_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const Value *node = rollout_json_array_get (array, i);
      gsize inner = push_index (r, i);

      if (!holds (node, ROLLOUT_JSON_OBJECT))
        report (r, NULL, _("expected an object, found %s"), node_kind (node));
      else
        func (r, node, i, user_data);
      pop (r, inner);
    }
  pop (r, mark);
}

/* Objects ---------------------------------------------------------------- */

static void
read_holiday (Reader     *r,
              const Value  *o,
              guint       index,
              gpointer    user_data)
{
  GPtrArray *holidays = user_data;
  RolloutDate date = get_date (r, o, "date", TRUE);
  const char *name = get_string (r, o, "name", FALSE);
  RolloutHoliday *holiday;

  if (date == ROLLOUT_DATE_NONE)
    return;
  holiday = rollout_holiday_new (date, name);
  holiday->extra = collect_extra (o, holiday_keys);
  g_ptr_array_add (holidays, holiday);
}

static void
read_calendar (Reader          *r,
               const Value      *root,
               RolloutCalendar *calendar)
{
  const Value *node = member (r, root, "calendar", FALSE);
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const Value *o;
  const Value *days;
  gsize mark;

  if (node == NULL)
    return;
  if (!holds (node, ROLLOUT_JSON_OBJECT))
    {
      report (r, "calendar", _("expected an object, found %s"), node_kind (node));
      return;
    }
  o = node;
  mark = push_member (r, "calendar");

  days = get_array (r, o, "working_days", FALSE);
  if (days != NULL)
    {
      guint mask = 0;
      gboolean ok = TRUE;

      for (guint i = 0; i < rollout_json_get_length (days); i++)
        {
          const Value *day = rollout_json_array_get (days, i);
          gsize inner = push_member (r, "working_days");
          GDateWeekday weekday;

          push_index (r, i);
          weekday = holds (day, ROLLOUT_JSON_STRING)
            ? rollout_weekday_from_nick (rollout_json_get_string (day)) : G_DATE_BAD_WEEKDAY;
          if (weekday == G_DATE_BAD_WEEKDAY)
            {
              report (r, NULL, _("expected one of \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\""));
              ok = FALSE;
            }
          else if (mask & (1u << (weekday - 1)))
            {
              report (r, NULL, _("\"%s\" is listed twice"), rollout_json_get_string (day));
              ok = FALSE;
            }
          else
            mask |= 1u << (weekday - 1);
          pop (r, inner);
        }
      if (ok && mask == 0)
        report (r, "working_days", _("at least one working day is needed"));
      else if (ok)
        rollout_calendar_set_working_days (calendar, mask);
    }

  holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);
  each_object (r, o, "holidays", read_holiday, holidays);
  rollout_calendar_set_holidays (calendar, holidays);

  extra = collect_extra (o, calendar_keys);
  rollout_calendar_set_extra (calendar, extra);
  pop (r, mark);
}

/* "wip_limits": { "in-progress": 4 }, a limit per board column (task
 * status); 0 or absent is no limit. */
static void
read_wip_limits (Reader         *r,
                 const Value    *root,
                 RolloutProject *project)
{
  const Value *node = member (r, root, "wip_limits", FALSE);
  gsize mark;

  if (node == NULL)
    return;
  if (!holds (node, ROLLOUT_JSON_OBJECT))
    {
      report (r, "wip_limits", "expected an object, found %s", node_kind (node));
      return;
    }
  mark = push_member (r, "wip_limits");
  for (guint i = 0; i < rollout_json_get_length (node); i++)
    {
      const char *key = rollout_json_object_get_key (node, i);
      int status, limit = 0;

      if (!rollout_enum_from_nick (ROLLOUT_TYPE_TASK_STATUS, key, &status))
        {
          g_autofree char *accepted = rollout_enum_list_nicks (ROLLOUT_TYPE_TASK_STATUS);

          report (r, key, "\"%s\" is not one of %s", key, accepted);
          continue;
        }
      if (get_int (r, node, key, FALSE, 0, ROLLOUT_WIP_LIMIT_MAX, &limit))
        rollout_project_set_wip_limit (project, status, limit);
    }
  pop (r, mark);
}

/* Notes an id; reports a duplicate (and returns FALSE) when already seen. */
static gboolean
claim_id (Reader     *r,
          GHashTable *seen,
          const char *collection,
          const char *id,
          guint       index)
{
  gpointer first;

  if (g_hash_table_lookup_extended (seen, id, NULL, &first))
    {
      report (r, "id", _("duplicate id \"%s\" (also used by %s[%u])"),
              id, collection, GPOINTER_TO_UINT (first));
      return FALSE;
    }
  g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (index));
  return TRUE;
}

typedef struct {
  RolloutProject *project;
  GHashTable *seen;
  RolloutCollection collection;
} CollectionContext;

static void
note_position (Reader            *r,
               CollectionContext *ctx,
               guint              file_index)
{
  GArray **positions = &r->positions.positions[ctx->collection];

  if (*positions == NULL)
    *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (*positions, file_index);
}

static void
read_team (Reader     *r,
           const Value  *o,
           guint       index,
           gpointer    user_data)
{
  CollectionContext *ctx = user_data;
  const char *id = get_id (r, o, "id", TRUE);
  const char *name = get_string (r, o, "name", TRUE);
  const char *color = get_string (r, o, "color", FALSE);
  const char *lead = get_string (r, o, "lead", FALSE);
  g_auto(GStrv) members = get_strv (r, o, "members", FALSE);
  g_autoptr(RolloutTeam) team = NULL;
  g_autoptr(JsonObject) extra = NULL;

  if (color != NULL)
    {
      gboolean ok = strlen (color) == 7 && color[0] == '#';

      for (guint i = 1; ok && i < 7; i++)
        ok = g_ascii_isxdigit (color[i]);
      if (!ok)
        {
          report (r, "color", _("\"%s\" is not a colour (expected #rrggbb)"), color);
          color = NULL;
        }
    }
  if (id == NULL || !claim_id (r, ctx->seen, "teams", id, index))
    return;

  team = rollout_team_new (id);
  rollout_team_set_name (team, name);
  rollout_team_set_color (team, color);
  rollout_team_set_lead (team, lead);
  rollout_team_set_members (team, (const char * const *) members);
  extra = collect_extra (o, team_keys);
  rollout_team_set_extra (team, extra);
  rollout_project_insert_team (ctx->project, team, -1);
  note_position (r, ctx, index);
}

static void
read_signoff (Reader     *r,
              const Value  *o,
              guint       index,
              gpointer    user_data)
{
  GPtrArray *signoffs = user_data;
  const char *team = get_id (r, o, "team", TRUE);
  const char *by = get_string (r, o, "by", FALSE);
  RolloutDate date = get_date (r, o, "date", FALSE);
  RolloutSignoff *signoff;

  if (team == NULL)
    return;
  signoff = rollout_signoff_new (team, by, date);
  signoff->extra = collect_extra (o, signoff_keys);
  g_ptr_array_add (signoffs, signoff);
}

static void
read_decision (Reader      *r,
               const Value *o,
               guint        index,
               gpointer     user_data)
{
  GPtrArray *decisions = user_data;
  RolloutDate date = get_date (r, o, "date", TRUE);
  const char *by = get_string (r, o, "by", FALSE);
  const char *reason = get_string (r, o, "reason", FALSE);
  int action = ROLLOUT_DECISION_START;
  RolloutDecision *decision;

  if (!get_enum (r, o, "action", TRUE, ROLLOUT_TYPE_DECISION_ACTION, &action) ||
      date == ROLLOUT_DATE_NONE)
    return;
  decision = rollout_decision_new (date, by, action, reason);
  decision->extra = collect_extra (o, decision_keys);
  g_ptr_array_add (decisions, decision);
}

static void
read_gate_metric (Reader     *r,
                  const Value  *o,
                  guint       index,
                  gpointer    user_data)
{
  RolloutGate *gate = user_data;
  const char *metric = get_id (r, o, "metric", TRUE);
  int comparison = ROLLOUT_COMPARISON_GE;
  int aggregate = ROLLOUT_AGGREGATE_LATEST;
  double threshold = 0;
  int window = 0;
  gboolean ok = TRUE;
  RolloutGateMetric *gm;

  ok &= get_enum (r, o, "comparison", TRUE, ROLLOUT_TYPE_COMPARISON, &comparison);
  ok &= get_double (r, o, "threshold", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &threshold);
  if (has_member (o, "aggregate"))
    ok &= get_enum (r, o, "aggregate", FALSE, ROLLOUT_TYPE_AGGREGATE, &aggregate);
  if (has_member (o, "window_days"))
    ok &= get_int (r, o, "window_days", FALSE, 1, 3650, &window);
  if (metric == NULL || !ok)
    return;

  gm = rollout_gate_metric_new (metric, comparison, threshold);
  gm->aggregate = aggregate;
  gm->window_days = window;
  gm->extra = collect_extra (o, gate_metric_keys);
  g_ptr_array_add (gate->metrics, gm);
}

static void
read_gate (Reader       *r,
           const Value   *o,
           RolloutPhase *phase)
{
  const Value *node = member (r, o, "gate", FALSE);
  g_autoptr(RolloutGate) gate = NULL;
  const Value *g;
  gsize mark;

  if (node == NULL)
    return;
  if (!holds (node, ROLLOUT_JSON_OBJECT))
    {
      report (r, "gate", _("expected an object, found %s"), node_kind (node));
      return;
    }
  g = node;
  mark = push_member (r, "gate");
  gate = rollout_gate_new ();
  each_object (r, g, "metrics", read_gate_metric, gate);
  if (has_member (g, "required_signoffs"))
    {
      char **teams = get_strv (r, g, "required_signoffs", TRUE);

      if (teams != NULL)
        {
          g_strfreev (gate->required_signoffs);
          gate->required_signoffs = teams;
        }
    }
  if (has_member (g, "max_open_risk_score"))
    get_int (r, g, "max_open_risk_score", FALSE, 1, 25, &gate->max_open_risk_score);
  gate->extra = collect_extra (g, gate_keys);
  rollout_phase_set_gate (phase, gate);
  pop (r, mark);
}

static void
read_phase (Reader     *r,
            const Value  *o,
            guint       index,
            gpointer    user_data)
{
  CollectionContext *ctx = user_data;
  const char *id = get_id (r, o, "id", TRUE);
  const char *name = get_string (r, o, "name", TRUE);
  const char *description = get_string (r, o, "description", FALSE);
  g_auto(GStrv) regions = get_strv (r, o, "regions", FALSE);
  RolloutDate planned_start = get_date (r, o, "planned_start", FALSE);
  g_autoptr(GPtrArray) signoffs = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(RolloutPhase) phase = NULL;
  g_autoptr(JsonObject) extra = NULL;
  double audience = 0;
  int status = ROLLOUT_PHASE_STATUS_PLANNED;

  get_double (r, o, "audience_percent", FALSE, 0, 100, &audience);
  get_enum (r, o, "status", FALSE, ROLLOUT_TYPE_PHASE_STATUS, &status);

  phase = rollout_phase_new (id ? id : "");
  read_gate (r, o, phase);
  signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_signoff_free);
  each_object (r, o, "signoffs", read_signoff, signoffs);
  decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_decision_free);
  each_object (r, o, "decisions", read_decision, decisions);

  if (id == NULL || !claim_id (r, ctx->seen, "phases", id, index))
    return;

  rollout_phase_set_name (phase, name);
  rollout_phase_set_description (phase, description);
  rollout_phase_set_audience_percent (phase, audience);
  rollout_phase_set_regions (phase, (const char * const *) regions);
  rollout_phase_set_planned_start (phase, planned_start);
  rollout_phase_set_status (phase, status);
  rollout_phase_set_signoffs (phase, signoffs);
  rollout_phase_set_decisions (phase, decisions);
  extra = collect_extra (o, phase_keys);
  rollout_phase_set_extra (phase, extra);
  rollout_project_insert_phase (ctx->project, phase, -1);
  note_position (r, ctx, index);
}

static void
read_dependency (Reader     *r,
                 const Value  *o,
                 guint       index,
                 gpointer    user_data)
{
  GPtrArray *dependencies = user_data;
  const char *task = get_id (r, o, "task", TRUE);
  int type = ROLLOUT_DEPENDENCY_FS;
  int lag = 0;
  RolloutDependency *dep;

  get_enum (r, o, "type", FALSE, ROLLOUT_TYPE_DEPENDENCY_TYPE, &type);
  get_int (r, o, "lag", FALSE, -10000, 10000, &lag);
  if (task == NULL)
    return;
  dep = rollout_dependency_new (task, type, lag);
  dep->extra = collect_extra (o, dependency_keys);
  g_ptr_array_add (dependencies, dep);
}

static void
read_checklist_item (Reader     *r,
                     const Value  *o,
                     guint       index,
                     gpointer    user_data)
{
  GPtrArray *checklist = user_data;
  const char *text = get_string (r, o, "text", TRUE);
  gboolean done = FALSE;
  RolloutChecklistItem *item;

  get_bool (r, o, "done", FALSE, &done);
  if (text == NULL)
    return;
  item = rollout_checklist_item_new (text, done);
  item->extra = collect_extra (o, checklist_keys);
  g_ptr_array_add (checklist, item);
}

static void
read_task (Reader     *r,
           const Value  *o,
           guint       index,
           gpointer    user_data)
{
  CollectionContext *ctx = user_data;
  const char *id = get_id (r, o, "id", TRUE);
  const char *name = get_string (r, o, "name", TRUE);
  const char *phase = get_id (r, o, "phase", TRUE);
  const char *team = get_id (r, o, "team", FALSE);
  const char *owner = get_string (r, o, "owner", FALSE);
  RolloutDate snet = get_date (r, o, "start_no_earlier_than", FALSE);
  const char *blocked_reason = get_string (r, o, "blocked_reason", FALSE);
  const char *notes = get_string (r, o, "notes", FALSE);
  g_autoptr(GPtrArray) dependencies = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(RolloutTask) task = NULL;
  g_autoptr(JsonObject) extra = NULL;
  int duration = 1;
  int status = ROLLOUT_TASK_STATUS_TODO;
  int progress = 0;

  get_int (r, o, "duration", TRUE, 0, 10000, &duration);
  get_enum (r, o, "status", FALSE, ROLLOUT_TYPE_TASK_STATUS, &status);
  get_int (r, o, "progress", FALSE, 0, 100, &progress);
  dependencies = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  each_object (r, o, "depends_on", read_dependency, dependencies);
  checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_checklist_item_free);
  each_object (r, o, "checklist", read_checklist_item, checklist);

  if (id == NULL || !claim_id (r, ctx->seen, "tasks", id, index))
    return;

  task = rollout_task_new (id);
  rollout_task_set_name (task, name);
  rollout_task_set_phase_id (task, phase);
  rollout_task_set_team_id (task, team);
  rollout_task_set_owner (task, owner);
  rollout_task_set_duration (task, duration);
  rollout_task_set_start_no_earlier_than (task, snet);
  rollout_task_set_dependencies (task, dependencies);
  rollout_task_set_status (task, status);
  rollout_task_set_progress (task, progress);
  rollout_task_set_blocked_reason (task, blocked_reason);
  rollout_task_set_notes (task, notes);
  rollout_task_set_checklist (task, checklist);
  extra = collect_extra (o, task_keys);
  rollout_task_set_extra (task, extra);
  rollout_project_insert_task (ctx->project, task, -1);
  note_position (r, ctx, index);
}

static void
read_assessment (Reader     *r,
                 const Value  *o,
                 guint       index,
                 gpointer    user_data)
{
  GPtrArray *history = user_data;
  RolloutDate date = get_date (r, o, "date", TRUE);
  int likelihood = 0, impact = 0;
  gboolean ok = TRUE;
  RolloutAssessment *a;

  ok &= get_int (r, o, "likelihood", TRUE, 1, 5, &likelihood);
  ok &= get_int (r, o, "impact", TRUE, 1, 5, &impact);
  if (date == ROLLOUT_DATE_NONE || !ok)
    return;
  a = rollout_assessment_new (date, likelihood, impact);
  a->extra = collect_extra (o, assessment_keys);
  g_ptr_array_add (history, a);
}

static void
read_risk (Reader     *r,
           const Value  *o,
           guint       index,
           gpointer    user_data)
{
  CollectionContext *ctx = user_data;
  const char *id = get_id (r, o, "id", TRUE);
  const char *title = get_string (r, o, "title", TRUE);
  const char *description = get_string (r, o, "description", FALSE);
  const char *owner = get_string (r, o, "owner", FALSE);
  const char *mitigation = get_string (r, o, "mitigation", FALSE);
  const char *contingency = get_string (r, o, "contingency", FALSE);
  const char *phase = get_id (r, o, "phase", FALSE);
  g_auto(GStrv) tasks = get_strv (r, o, "tasks", TRUE);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(RolloutRisk) risk = NULL;
  g_autoptr(JsonObject) extra = NULL;
  int likelihood = 1, impact = 1;
  int status = ROLLOUT_RISK_STATUS_OPEN;

  get_int (r, o, "likelihood", TRUE, 1, 5, &likelihood);
  get_int (r, o, "impact", TRUE, 1, 5, &impact);
  get_enum (r, o, "status", FALSE, ROLLOUT_TYPE_RISK_STATUS, &status);
  history = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_assessment_free);
  each_object (r, o, "history", read_assessment, history);

  if (id == NULL || !claim_id (r, ctx->seen, "risks", id, index))
    return;

  risk = rollout_risk_new (id);
  rollout_risk_set_title (risk, title);
  rollout_risk_set_description (risk, description);
  rollout_risk_set_likelihood (risk, likelihood);
  rollout_risk_set_impact (risk, impact);
  rollout_risk_set_owner (risk, owner);
  rollout_risk_set_mitigation (risk, mitigation);
  rollout_risk_set_contingency (risk, contingency);
  rollout_risk_set_status (risk, status);
  rollout_risk_set_phase_id (risk, phase);
  rollout_risk_set_task_ids (risk, (const char * const *) tasks);
  rollout_risk_set_history (risk, history);
  extra = collect_extra (o, risk_keys);
  rollout_risk_set_extra (risk, extra);
  rollout_project_insert_risk (ctx->project, risk, -1);
  note_position (r, ctx, index);
}

static void
read_sample (Reader     *r,
             const Value  *o,
             guint       index,
             gpointer    user_data)
{
  GPtrArray *samples = user_data;
  RolloutDate date = get_date (r, o, "date", TRUE);
  const char *phase = get_id (r, o, "phase", FALSE);
  double value = 0;
  RolloutSample *sample;

  if (!get_double (r, o, "value", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &value) ||
      date == ROLLOUT_DATE_NONE)
    return;
  sample = rollout_sample_new (date, phase, value);
  sample->extra = collect_extra (o, sample_keys);
  g_ptr_array_add (samples, sample);
}

static void
read_metric (Reader     *r,
             const Value  *o,
             guint       index,
             gpointer    user_data)
{
  CollectionContext *ctx = user_data;
  const char *id = get_id (r, o, "id", TRUE);
  const char *name = get_string (r, o, "name", TRUE);
  const char *unit = get_string (r, o, "unit", FALSE);
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(RolloutMetric) metric = NULL;
  g_autoptr(JsonObject) extra = NULL;
  int direction = ROLLOUT_DIRECTION_HIGHER;
  double target = 0;
  gboolean has_target;

  get_enum (r, o, "direction", TRUE, ROLLOUT_TYPE_DIRECTION, &direction);
  has_target = get_double (r, o, "target", FALSE, -G_MAXDOUBLE, G_MAXDOUBLE, &target);
  samples = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_sample_free);
  each_object (r, o, "samples", read_sample, samples);

  if (id == NULL || !claim_id (r, ctx->seen, "metrics", id, index))
    return;

  metric = rollout_metric_new (id);
  rollout_metric_set_name (metric, name);
  rollout_metric_set_unit (metric, unit);
  rollout_metric_set_direction (metric, direction);
  rollout_metric_set_has_target (metric, has_target);
  rollout_metric_set_target (metric, target);
  rollout_metric_set_samples (metric, samples);
  extra = collect_extra (o, metric_keys);
  rollout_metric_set_extra (metric, extra);
  rollout_project_insert_metric (ctx->project, metric, -1);
  note_position (r, ctx, index);
}

static void
read_feedback (Reader     *r,
               const Value  *o,
               guint       index,
               gpointer    user_data)
{
  CollectionContext *ctx = user_data;
  const char *id = get_id (r, o, "id", TRUE);
  RolloutDate date = get_date (r, o, "date", TRUE);
  const char *phase = get_id (r, o, "phase", FALSE);
  const char *source = get_string (r, o, "source", FALSE);
  g_auto(GStrv) tags = get_strv (r, o, "tags", FALSE);
  const char *text = get_string (r, o, "text", TRUE);
  const char *task = get_id (r, o, "task", FALSE);
  g_autoptr(RolloutFeedback) feedback = NULL;
  g_autoptr(JsonObject) extra = NULL;
  int sentiment = ROLLOUT_SENTIMENT_NEUTRAL;

  get_enum (r, o, "sentiment", TRUE, ROLLOUT_TYPE_SENTIMENT, &sentiment);

  if (id == NULL || !claim_id (r, ctx->seen, "feedback", id, index))
    return;

  feedback = rollout_feedback_new (id);
  rollout_feedback_set_date (feedback, date);
  rollout_feedback_set_phase_id (feedback, phase);
  rollout_feedback_set_source (feedback, source);
  rollout_feedback_set_sentiment (feedback, sentiment);
  rollout_feedback_set_tags (feedback, (const char * const *) tags);
  rollout_feedback_set_text (feedback, text);
  rollout_feedback_set_task_id (feedback, task);
  extra = collect_extra (o, feedback_keys);
  rollout_feedback_set_extra (feedback, extra);
  rollout_project_insert_feedback (ctx->project, feedback, -1);
  note_position (r, ctx, index);
}

static void
read_collection (Reader            *r,
                 const Value        *root,
                 const char        *key,
                 RolloutCollection  collection,
                 ElementFunc        func,
                 RolloutProject    *project)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CollectionContext ctx = { project, seen, collection };

  each_object (r, root, key, func, &ctx);
}

static void
add_error_diagnostic (GPtrArray    *diagnostics,
                      const GError *error,
                      int           line,
                      int           column)
{
  g_ptr_array_add (diagnostics, rollout_diagnostic_new (NULL, line, column, error->message));
}

/* Entry point -------------------------------------------------------------- */

static RolloutProject *
read_root (Reader     *r,
           const Value  *root,
           GError    **error)
{
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *format, *id;
  int version = 0;

  format = get_string (r, root, "format", TRUE);
  if (format != NULL && g_strcmp0 (format, ROLLOUT_FILE_FORMAT) != 0)
    {
      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                   _("format: \"%s\" is not a Rollout plan (expected \"%s\")"),
                   format, ROLLOUT_FILE_FORMAT);
      return NULL;
    }
  if (format == NULL)
    {
      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                   _("format: this is not a Rollout plan (no \"format\": \"%s\")"),
                   ROLLOUT_FILE_FORMAT);
      return NULL;
    }
  if (!get_int (r, root, "version", TRUE, 1, G_MAXINT, &version))
    return NULL;
  if (version > ROLLOUT_FILE_VERSION)
    {
      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_NEWER_VERSION,
                   _("version: this plan was written by a newer version of Rollout "
                     "(format version %d); this version reads format version %d and older"),
                   version, ROLLOUT_FILE_VERSION);
      return NULL;
    }

  id = get_id (r, root, "id", TRUE);
  project = rollout_project_new (id ? id : "plan");
  rollout_project_set_name (project, get_string (r, root, "name", TRUE));
  rollout_project_set_description (project, get_string (r, root, "description", FALSE));
  rollout_project_set_owner (project, get_string (r, root, "owner", FALSE));
  rollout_project_set_created (project, get_timestamp (r, root, "created"));
  rollout_project_set_modified (project, get_timestamp (r, root, "modified"));
  rollout_project_set_start (project, get_date (r, root, "start", TRUE));
  read_calendar (r, root, rollout_project_get_calendar (project));
  read_wip_limits (r, root, project);

  read_collection (r, root, "teams", ROLLOUT_COLLECTION_TEAMS, read_team, project);
  read_collection (r, root, "phases", ROLLOUT_COLLECTION_PHASES, read_phase, project);
  read_collection (r, root, "tasks", ROLLOUT_COLLECTION_TASKS, read_task, project);
  read_collection (r, root, "risks", ROLLOUT_COLLECTION_RISKS, read_risk, project);
  read_collection (r, root, "metrics", ROLLOUT_COLLECTION_METRICS, read_metric, project);
  read_collection (r, root, "feedback", ROLLOUT_COLLECTION_FEEDBACK, read_feedback, project);

  extra = collect_extra (root, project_keys);
  rollout_project_set_extra (project, extra);

  return g_steal_pointer (&project);
}

/**
 * rollout_file_read:
 * @data: the file's bytes
 * @length: their length
 * @out_diagnostics: (out) (optional) (element-type RolloutDiagnostic): every
 *   problem found, when reading fails
 * @error: return location for an error
 *
 * Reads and validates a plan. Fails, returning no project, when there is a
 * single problem; @out_diagnostics then lists them all.
 *
 * Returns: (transfer full) (nullable): the plan
 */
RolloutProject *
rollout_file_read (const char  *data,
                   gsize        length,
                   GPtrArray  **out_diagnostics,
                   GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_diagnostic_free);
  g_autoptr(RolloutJsonDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  Reader r = { diagnostics, path, { { NULL } } };
  const Value *root;
  int line = 0, column = 0;

  if (out_diagnostics != NULL)
    *out_diagnostics = NULL;

  if (length > ROLLOUT_FILE_MAX_SIZE)
    g_set_error (&local_error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_TOO_LARGE,
                 _("the file is too large (%u MiB; at most %d MiB)"),
                 (guint) (length / (1024 * 1024)), ROLLOUT_FILE_MAX_SIZE / (1024 * 1024));
  else if ((document = rollout_json_parse_at (data, length, ROLLOUT_FILE_MAX_DEPTH,
                                               &line, &column, &local_error)) == NULL)
    ;
  else if (!holds (root = rollout_json_document_get_root (document), ROLLOUT_JSON_OBJECT))
    g_set_error (&local_error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                 _("expected a JSON object at the top level, found %s"), node_kind (root));
  else
    {
      project = read_root (&r, root, &local_error);
      if (project != NULL)
        _rollout_project_validate_into (project, &r.positions, diagnostics);
    }

  for (guint i = 0; i < ROLLOUT_N_COLLECTIONS; i++)
    g_clear_pointer (&r.positions.positions[i], g_array_unref);

  if (local_error != NULL)
    {
      g_clear_object (&project);
      add_error_diagnostic (diagnostics, local_error, line, column);
      if (diagnostics->len > 1)
        g_prefix_error (&local_error,
                        g_dngettext (GETTEXT_PACKAGE, "%u problem; first: ", "%u problems; first: ",
                                     diagnostics->len),
                        diagnostics->len);
      g_propagate_error (error, g_steal_pointer (&local_error));
      if (out_diagnostics != NULL)
        *out_diagnostics = g_steal_pointer (&diagnostics);
      return NULL;
    }

  if (diagnostics->len > 0)
    {
      g_autofree char *first = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));

      if (diagnostics->len == 1)
        g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID, "%s", first);
      else
        g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "%u problem; first: %s", "%u problems; first: %s",
                                  diagnostics->len),
                     diagnostics->len, first);
      if (out_diagnostics != NULL)
        *out_diagnostics = g_steal_pointer (&diagnostics);
      return NULL;
    }

  return g_steal_pointer (&project);
}
