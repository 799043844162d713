/* rollout-file-writer.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing a .rollout file in canonical form.
 *
 * The same project always gives the same bytes: keys in a fixed order, two
 * spaces of indent, one member or element per line, arrays in the user's
 * order, numbers in their shortest exact form, one trailing newline. That is
 * what lets two people's copies diff and merge line by line in git. Members
 * this version does not know follow the known ones, in their original order.
 *
 * A RolloutWriteCache keeps the text of each task, phase, team, risk,
 * metric and feedback from one writing to the next, keyed by the object
 * and the count of its changes (each kind of object counts them in its
 * setters, and commands count what they set), so that writing a big plan
 * again after an edit writes out only what changed. A setter of a stored
 * value must count: tests/test-file.c checks every property. Its
 * snapshot is the text in pieces, immutable and reference counted, which
 * any thread may join: drafts are joined and stored in a worker.
 */

#define G_LOG_DOMAIN "rollout-file"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rollout-command-private.h"
#include "rollout-feedback-private.h"
#include "rollout-file.h"
#include "rollout-metric-private.h"
#include "rollout-phase-private.h"
#include "rollout-risk-private.h"
#include "rollout-task-private.h"
#include "rollout-team-private.h"

typedef struct {
  GString *out;
  GArray *first;   /* gboolean per open container: nothing written in it yet */
  /* With a cache: the text so far, in pieces (GBytes); @out holds what
   * follows the last piece. */
  RolloutWriteCache *cache;
  GPtrArray *pieces;
} Writer;

typedef struct {
  GObject *object;     /* a reference: its address is not reused while cached */
  guint    revision;   /* the object's count of changes when written */
  guint    edits;      /* and of the commands that set its properties */
  guint    generation;
  GBytes  *text;       /* ",\n    {…}": the comma and indent before it included */
} CachedObject;

struct _RolloutWriteCache {
  GHashTable *objects; /* GObject → CachedObject */
  guint       generation;
  guint       n_written;
};

static void
newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->first->len; i++)
    g_string_append_len (w->out, "  ", 2);
}

static void
write_string (Writer     *w,
              const char *s)
{
  const char *run = s;

  g_string_append_c (w->out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
          break;
        }
      g_string_append_len (w->out, run, p - run);
      g_string_append (w->out, escape);
      run = p + 1;
    }
  g_string_append (w->out, run);
  g_string_append_c (w->out, '"');
}

/* The shortest decimal that reads back as the same double; integral values
 * without a fraction. */
static void
write_double (Writer *w,
              double  v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    v = 0;
  if (v == 0)
    v = 0; /* no "-0" */
  if (v == floor (v) && fabs (v) < 1e15)
    {
      g_string_append_printf (w->out, "%" G_GINT64_FORMAT, (gint64) v);
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (w->out, buf);
}

static void
begin (Writer *w,
       char    bracket)
{
  gboolean first = TRUE;

  g_string_append_c (w->out, bracket);
  g_array_append_val (w->first, first);
}

static void
end (Writer *w,
     char    bracket)
{
  gboolean was_empty = g_array_index (w->first, gboolean, w->first->len - 1);

  g_array_set_size (w->first, w->first->len - 1);
  if (!was_empty)
    newline (w);
  g_string_append_c (w->out, bracket);
}

/* Starts the next element of the innermost container. */
static void
next (Writer *w)
{
  gboolean *first = &g_array_index (w->first, gboolean, w->first->len - 1);

  if (!*first)
    g_string_append_c (w->out, ',');
  *first = FALSE;
  newline (w);
}

static void
key (Writer     *w,
     const char *name)
{
  next (w);
  write_string (w, name);
  g_string_append_len (w->out, ": ", 2);
}

static void write_node (Writer   *w,
                        JsonNode *node);

static void
write_extra (Writer     *w,
             JsonObject *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;
  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      key (w, name);
      write_node (w, node);
    }
}

static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      begin (w, '{');
      write_extra (w, json_node_get_object (node));
      end (w, '}');
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        begin (w, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            next (w);
            write_node (w, json_array_get_element (array, i));
          }
        end (w, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          write_string (w, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else
          write_double (w, json_node_get_double (node));
      }
      break;
    }
}

/* Member helpers: optional ones are skipped when empty. */

static void
member_string (Writer     *w,
               const char *name,
               const char *value)
{
  if (value == NULL)
    return;
  key (w, name);
  write_string (w, value);
}

static void
member_int (Writer     *w,
            const char *name,
            gint64      value)
{
  key (w, name);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
member_double (Writer     *w,
               const char *name,
               double      value)
{
  key (w, name);
  write_double (w, value);
}

static void
member_date (Writer      *w,
             const char  *name,
             RolloutDate  date)
{
  char buf[11];

  if (date == ROLLOUT_DATE_NONE)
    return;
  rollout_date_format_buf (date, buf);
  key (w, name);
  write_string (w, buf);
}

static void
member_enum (Writer     *w,
             const char *name,
             GType       type,
             int         value)
{
  member_string (w, name, rollout_enum_to_nick (type, value));
}

static void
member_strv (Writer             *w,
             const char         *name,
             const char * const *strv,
             gboolean            always)
{
  if ((strv == NULL || strv[0] == NULL) && !always)
    return;
  key (w, name);
  begin (w, '[');
  for (guint i = 0; strv != NULL && strv[i]; i++)
    {
      next (w);
      write_string (w, strv[i]);
    }
  end (w, ']');
}

typedef void (*RecordFunc) (Writer  *w,
                            gpointer record);

static void
member_records (Writer     *w,
                const char *name,
                GPtrArray  *records,
                RecordFunc  func)
{
  if (records == NULL || records->len == 0)
    return;
  key (w, name);
  begin (w, '[');
  for (guint i = 0; i < records->len; i++)
    {
      next (w);
      begin (w, '{');
      func (w, g_ptr_array_index (records, i));
      end (w, '}');
    }
  end (w, ']');
}

static void
write_holiday (Writer  *w,
               gpointer record)
{
  RolloutHoliday *h = record;

  member_date (w, "date", h->date);
  member_string (w, "name", h->name);
  write_extra (w, h->extra);
}

static void
write_signoff (Writer  *w,
               gpointer record)
{
  RolloutSignoff *s = record;

  member_string (w, "team", s->team_id);
  member_string (w, "by", s->by);
  member_date (w, "date", s->date);
  write_extra (w, s->extra);
}

static void
write_decision (Writer  *w,
                gpointer record)
{
  RolloutDecision *d = record;

  member_date (w, "date", d->date);
  member_string (w, "by", d->by);
  member_enum (w, "action", ROLLOUT_TYPE_DECISION_ACTION, d->action);
  member_string (w, "reason", d->reason);
  write_extra (w, d->extra);
}

static void
write_gate_metric (Writer  *w,
                   gpointer record)
{
  RolloutGateMetric *gm = record;

  member_string (w, "metric", gm->metric_id);
  member_enum (w, "comparison", ROLLOUT_TYPE_COMPARISON, gm->comparison);
  member_double (w, "threshold", gm->threshold);
  member_enum (w, "aggregate", ROLLOUT_TYPE_AGGREGATE, gm->aggregate);
  if (gm->window_days > 0)
    member_int (w, "window_days", gm->window_days);
  write_extra (w, gm->extra);
}

static void
write_dependency (Writer  *w,
                  gpointer record)
{
  RolloutDependency *d = record;

  member_string (w, "task", d->task_id);
  member_enum (w, "type", ROLLOUT_TYPE_DEPENDENCY_TYPE, d->type);
  member_int (w, "lag", d->lag);
  write_extra (w, d->extra);
}

static void
write_checklist_item (Writer  *w,
                      gpointer record)
{
  RolloutChecklistItem *item = record;

  member_string (w, "text", item->text);
  key (w, "done");
  g_string_append (w->out, item->done ? "true" : "false");
  write_extra (w, item->extra);
}

static void
write_assessment (Writer  *w,
                  gpointer record)
{
  RolloutAssessment *a = record;

  member_date (w, "date", a->date);
  member_int (w, "likelihood", a->likelihood);
  member_int (w, "impact", a->impact);
  write_extra (w, a->extra);
}

static void
write_sample (Writer  *w,
              gpointer record)
{
  RolloutSample *s = record;

  member_date (w, "date", s->date);
  member_string (w, "phase", s->phase_id);
  member_double (w, "value", s->value);
  write_extra (w, s->extra);
}

static void
write_calendar (Writer          *w,
                RolloutCalendar *calendar)
{
  guint mask = rollout_calendar_get_working_days (calendar);

  if (rollout_calendar_is_default (calendar))
    return;
  key (w, "calendar");
  begin (w, '{');
  key (w, "working_days");
  begin (w, '[');
  for (int day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    if (mask & (1u << (day - 1)))
      {
        next (w);
        write_string (w, rollout_weekday_to_nick (day));
      }
  end (w, ']');
  member_records (w, "holidays", rollout_calendar_get_holidays (calendar),
                  write_holiday);
  write_extra (w, rollout_calendar_get_extra (calendar));
  end (w, '}');
}

/* Only the columns that have a limit, in the board's order. */
static void
write_wip_limits (Writer         *w,
                  RolloutProject *project)
{
  gboolean any = FALSE;

  for (int status = 0; status < ROLLOUT_N_TASK_STATUSES; status++)
    {
      int limit = rollout_project_get_wip_limit (project, status);

      if (limit == 0)
        continue;
      if (!any)
        {
          key (w, "wip_limits");
          begin (w, '{');
          any = TRUE;
        }
      member_int (w, rollout_enum_to_nick (ROLLOUT_TYPE_TASK_STATUS, status), limit);
    }
  if (any)
    end (w, '}');
}

static void
write_team (Writer      *w,
            RolloutTeam *team)
{
  member_string (w, "id", rollout_team_get_id (team));
  member_string (w, "name", rollout_team_get_name (team));
  member_string (w, "color", rollout_team_get_color (team));
  member_string (w, "lead", rollout_team_get_lead (team));
  member_strv (w, "members", rollout_team_get_members (team), FALSE);
  write_extra (w, rollout_team_get_extra (team));
}

static void
write_phase (Writer       *w,
             RolloutPhase *phase)
{
  const RolloutGate *gate = rollout_phase_get_gate (phase);

  member_string (w, "id", rollout_phase_get_id (phase));
  member_string (w, "name", rollout_phase_get_name (phase));
  member_string (w, "description", rollout_phase_get_description (phase));
  member_double (w, "audience_percent", rollout_phase_get_audience_percent (phase));
  member_strv (w, "regions", rollout_phase_get_regions (phase), FALSE);
  member_date (w, "planned_start", rollout_phase_get_planned_start (phase));
  member_enum (w, "status", ROLLOUT_TYPE_PHASE_STATUS, rollout_phase_get_status (phase));
  if (gate != NULL)
    {
      key (w, "gate");
      begin (w, '{');
      member_records (w, "metrics", gate->metrics, write_gate_metric);
      member_strv (w, "required_signoffs", (const char * const *) gate->required_signoffs, TRUE);
      if (gate->max_open_risk_score > 0)
        member_int (w, "max_open_risk_score", gate->max_open_risk_score);
      write_extra (w, gate->extra);
      end (w, '}');
    }
  member_records (w, "signoffs", rollout_phase_get_signoffs (phase), write_signoff);
  member_records (w, "decisions", rollout_phase_get_decisions (phase), write_decision);
  write_extra (w, rollout_phase_get_extra (phase));
}

static void
write_task (Writer      *w,
            RolloutTask *task)
{
  member_string (w, "id", rollout_task_get_id (task));
  member_string (w, "name", rollout_task_get_name (task));
  member_string (w, "phase", rollout_task_get_phase_id (task));
  member_string (w, "team", rollout_task_get_team_id (task));
  member_string (w, "owner", rollout_task_get_owner (task));
  member_int (w, "duration", rollout_task_get_duration (task));
  member_date (w, "start_no_earlier_than", rollout_task_get_start_no_earlier_than (task));
  member_records (w, "depends_on", rollout_task_get_dependencies (task), write_dependency);
  member_enum (w, "status", ROLLOUT_TYPE_TASK_STATUS, rollout_task_get_status (task));
  if (rollout_task_get_progress (task) > 0)
    member_int (w, "progress", rollout_task_get_progress (task));
  member_string (w, "blocked_reason", rollout_task_get_blocked_reason (task));
  member_string (w, "notes", rollout_task_get_notes (task));
  member_records (w, "checklist", rollout_task_get_checklist (task), write_checklist_item);
  write_extra (w, rollout_task_get_extra (task));
}

static void
write_risk (Writer      *w,
            RolloutRisk *risk)
{
  member_string (w, "id", rollout_risk_get_id (risk));
  member_string (w, "title", rollout_risk_get_title (risk));
  member_string (w, "description", rollout_risk_get_description (risk));
  member_int (w, "likelihood", rollout_risk_get_likelihood (risk));
  member_int (w, "impact", rollout_risk_get_impact (risk));
  member_string (w, "owner", rollout_risk_get_owner (risk));
  member_string (w, "mitigation", rollout_risk_get_mitigation (risk));
  member_string (w, "contingency", rollout_risk_get_contingency (risk));
  member_enum (w, "status", ROLLOUT_TYPE_RISK_STATUS, rollout_risk_get_status (risk));
  member_string (w, "phase", rollout_risk_get_phase_id (risk));
  member_strv (w, "tasks", rollout_risk_get_task_ids (risk), FALSE);
  member_records (w, "history", rollout_risk_get_history (risk), write_assessment);
  write_extra (w, rollout_risk_get_extra (risk));
}

static void
write_metric (Writer        *w,
              RolloutMetric *metric)
{
  member_string (w, "id", rollout_metric_get_id (metric));
  member_string (w, "name", rollout_metric_get_name (metric));
  member_string (w, "unit", rollout_metric_get_unit (metric));
  member_enum (w, "direction", ROLLOUT_TYPE_DIRECTION, rollout_metric_get_direction (metric));
  if (rollout_metric_get_has_target (metric))
    member_double (w, "target", rollout_metric_get_target (metric));
  member_records (w, "samples", rollout_metric_get_samples (metric), write_sample);
  write_extra (w, rollout_metric_get_extra (metric));
}

static void
write_feedback (Writer          *w,
                RolloutFeedback *feedback)
{
  member_string (w, "id", rollout_feedback_get_id (feedback));
  member_date (w, "date", rollout_feedback_get_date (feedback));
  member_string (w, "phase", rollout_feedback_get_phase_id (feedback));
  member_string (w, "source", rollout_feedback_get_source (feedback));
  member_enum (w, "sentiment", ROLLOUT_TYPE_SENTIMENT, rollout_feedback_get_sentiment (feedback));
  member_strv (w, "tags", rollout_feedback_get_tags (feedback), FALSE);
  member_string (w, "text", rollout_feedback_get_text (feedback));
  member_string (w, "task", rollout_feedback_get_task_id (feedback));
  write_extra (w, rollout_feedback_get_extra (feedback));
}

typedef void (*ObjectFunc) (Writer  *w,
                            gpointer object);

static void
write_collection (Writer     *w,
                  const char *name,
                  GListModel *model,
                  ObjectFunc  func)
{
  guint n = g_list_model_get_n_items (model);

  key (w, name);
  begin (w, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      next (w);
      begin (w, '{');
      func (w, object);
      end (w, '}');
    }
  end (w, ']');
}

static void
cached_object_free (gpointer data)
{
  CachedObject *cached = data;

  g_object_unref (cached->object);
  g_bytes_unref (cached->text);
  g_free (cached);
}

/**
 * rollout_write_cache_new:
 *
 * Returns: (transfer full): an empty cache for rollout_write_cache_snapshot()
 */
RolloutWriteCache *
rollout_write_cache_new (void)
{
  RolloutWriteCache *cache = g_new0 (RolloutWriteCache, 1);

  cache->objects = g_hash_table_new_full (NULL, NULL, NULL, cached_object_free);
  return cache;
}

void
rollout_write_cache_free (RolloutWriteCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->objects);
  g_free (cache);
}

/* What was written since the last piece becomes a piece. */
static void
flush_piece (Writer *w)
{
  if (w->out->len == 0)
    return;
  g_ptr_array_add (w->pieces, g_bytes_new (w->out->str, w->out->len));
  g_string_truncate (w->out, 0);
}

/* The text of @object as an element of an array @depth containers deep,
 * after a comma. */
static GBytes *
object_text (GObject    *object,
             ObjectFunc  func,
             guint       depth)
{
  g_autoptr(GArray) first = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), depth + 2);
  Writer w = { g_string_sized_new (512), first, NULL, NULL };
  gboolean not_first = FALSE;

  for (guint i = 0; i < depth; i++)
    g_array_append_val (first, not_first);
  next (&w);
  begin (&w, '{');
  func (&w, object);
  end (&w, '}');
  return g_string_free_to_bytes (w.out);
}

typedef guint (*RevisionFunc) (gpointer object);

/* Like write_collection(), with the text of each object that did not
 * change since the last snapshot taken from the cache. */
static void
write_collection_cached (Writer       *w,
                         const char   *name,
                         GListModel   *model,
                         ObjectFunc    func,
                         RevisionFunc  revision_of)
{
  RolloutWriteCache *cache = w->cache;
  guint n = g_list_model_get_n_items (model);

  key (w, name);
  begin (w, '[');
  flush_piece (w);
  for (guint i = 0; i < n; i++)
    {
      GObject *object = g_list_model_get_item (model, i);
      CachedObject *cached = g_hash_table_lookup (cache->objects, object);
      guint revision = revision_of (object);
      guint edits = _rollout_command_count_edits (object);

      if (cached == NULL)
        {
          cached = g_new0 (CachedObject, 1);
          cached->object = g_object_ref (object);
          g_hash_table_insert (cache->objects, object, cached);
        }
      if (cached->text == NULL || cached->revision != revision || cached->edits != edits)
        {
          g_clear_pointer (&cached->text, g_bytes_unref);
          cached->text = object_text (object, func, w->first->len);
          cached->revision = revision;
          cached->edits = edits;
        }
      cached->generation = cache->generation;
      /* The first element has no comma before it. */
      g_ptr_array_add (w->pieces, i == 0 ? g_bytes_new_from_bytes (cached->text, 1, g_bytes_get_size (cached->text) - 1)
                                         : g_bytes_ref (cached->text));
      g_object_unref (object);
    }
  cache->n_written += n;
  if (n > 0)
    g_array_index (w->first, gboolean, w->first->len - 1) = FALSE;
  end (w, ']');
}

static void
write_collection_maybe_cached (Writer       *w,
                               const char   *name,
                               GListModel   *model,
                               ObjectFunc    func,
                               RevisionFunc  revision_of)
{
  if (w->cache != NULL)
    write_collection_cached (w, name, model, func, revision_of);
  else
    write_collection (w, name, model, func);
}

static void
write_project (Writer         *w,
               RolloutProject *project)
{
  begin (w, '{');
  member_string (w, "format", ROLLOUT_FILE_FORMAT);
  member_int (w, "version", ROLLOUT_FILE_VERSION);
  member_string (w, "id", rollout_project_get_id (project));
  member_string (w, "name", rollout_project_get_name (project));
  member_string (w, "description", rollout_project_get_description (project));
  member_string (w, "owner", rollout_project_get_owner (project));
  member_string (w, "created", rollout_project_get_created (project));
  member_string (w, "modified", rollout_project_get_modified (project));
  member_date (w, "start", rollout_project_get_start (project));
  write_calendar (w, rollout_project_get_calendar (project));
  write_wip_limits (w, project);
  write_collection_maybe_cached (w, "teams", rollout_project_get_teams (project),
                                 (ObjectFunc) write_team, (RevisionFunc) _rollout_team_get_revision);
  write_collection_maybe_cached (w, "phases", rollout_project_get_phases (project),
                                 (ObjectFunc) write_phase, (RevisionFunc) _rollout_phase_get_revision);
  write_collection_maybe_cached (w, "tasks", rollout_project_get_tasks (project),
                                 (ObjectFunc) write_task, (RevisionFunc) _rollout_task_get_revision);
  write_collection_maybe_cached (w, "risks", rollout_project_get_risks (project),
                                 (ObjectFunc) write_risk, (RevisionFunc) _rollout_risk_get_revision);
  write_collection_maybe_cached (w, "metrics", rollout_project_get_metrics (project),
                                 (ObjectFunc) write_metric, (RevisionFunc) _rollout_metric_get_revision);
  write_collection_maybe_cached (w, "feedback", rollout_project_get_feedback (project),
                                 (ObjectFunc) write_feedback, (RevisionFunc) _rollout_feedback_get_revision);
  write_extra (w, rollout_project_get_extra (project));
  end (w, '}');
  g_string_append_c (w->out, '\n');
}

/**
 * rollout_file_write:
 * @project: a #RolloutProject
 * @out_length: (out) (optional): the length of the result
 *
 * Serializes @project in canonical form. Derived values (scheduled dates,
 * slack, scores, verdicts) are not written.
 *
 * Returns: (transfer full): the file's text
 */
char *
rollout_file_write (RolloutProject *project,
                    gsize          *out_length)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint n_tasks;
  Writer w = { NULL, first, NULL, NULL };

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  n_tasks = g_list_model_get_n_items (rollout_project_get_tasks (project));
  w.out = g_string_sized_new (4096 + n_tasks * 400);
  write_project (&w, project);

  if (out_length != NULL)
    *out_length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/**
 * rollout_write_cache_snapshot:
 * @cache: a #RolloutWriteCache, used for one project at a time
 * @project: a #RolloutProject
 *
 * The text rollout_file_write() gives for @project, in pieces: tasks,
 * phases, teams, risks, metrics and feedback that did not change since the
 * last snapshot are not written again, so this is quick after an edit of a
 * big plan. The pieces never change; any thread
 * may join them with rollout_file_join().
 *
 * Returns: (transfer full) (element-type GBytes): the pieces, in order
 */
GPtrArray *
rollout_write_cache_snapshot (RolloutWriteCache *cache,
                              RolloutProject    *project)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  Writer w = { out, first, cache, NULL };

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  w.pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  cache->generation++;
  cache->n_written = 0;
  write_project (&w, project);
  flush_piece (&w);

  /* What left the plan leaves the cache. */
  if (g_hash_table_size (cache->objects) > cache->n_written)
    {
      GHashTableIter iter;
      CachedObject *cached;

      g_hash_table_iter_init (&iter, cache->objects);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &cached))
        if (cached->generation != cache->generation)
          g_hash_table_iter_remove (&iter);
    }
  return w.pieces;
}

/**
 * rollout_file_join:
 * @pieces: (element-type GBytes): pieces of text, as from
 *   rollout_write_cache_snapshot()
 *
 * Joins @pieces; safe in any thread, as long as @pieces itself is not
 * changed meanwhile.
 *
 * Returns: (transfer full): the text
 */
GBytes *
rollout_file_join (GPtrArray *pieces)
{
  gsize length = 0, at = 0;
  char *text;

  g_return_val_if_fail (pieces != NULL, NULL);

  for (guint i = 0; i < pieces->len; i++)
    length += g_bytes_get_size (g_ptr_array_index (pieces, i));
  text = g_malloc (MAX (length, 1));
  for (guint i = 0; i < pieces->len; i++)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (g_ptr_array_index (pieces, i), &size);

      memcpy (text + at, data, size);
      at += size;
    }
  return g_bytes_new_take (text, length);
}
