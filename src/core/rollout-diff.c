/* rollout-diff.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Semantic diff of two versions of a plan.
 *
 * Both versions are written in canonical form and read back as JSON trees,
 * so every stored member — known or not — is compared, and nothing derived
 * (dates, slack, scores) is. Objects are matched by id, never by position;
 * list members are matched by what identifies an element (a dependency by
 * its task, a checklist item by its text, a sample by its date and phase).
 * A moved object is one outside a longest run of objects that kept their
 * relative order, so moving one task does not report every task after it.
 *
 * Each change is then put in the words a product manager uses ("duration
 * 3 → 5 days", "now depends on ‘Write FAQ’"), with referenced objects named
 * rather than given by id. The merge uses the same words for its conflicts.
 */

#define G_LOG_DOMAIN "rollout-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rollout-diff-private.h"
#include "rollout-file.h"
#include "rollout-json.h"

/* Shared helpers ----------------------------------------------------------- */

const char * const _rollout_diff_collections[ROLLOUT_DIFF_N_COLLECTIONS] = {
  "teams", "phases", "tasks", "risks", "metrics", "feedback"
};

enum {
  C_PLAN = -1,
  C_TEAMS,
  C_PHASES,
  C_TASKS,
  C_RISKS,
  C_METRICS,
  C_FEEDBACK,
};

int
_rollout_diff_collection_index (const char *collection)
{
  if (collection == NULL)
    return C_PLAN;
  for (int i = 0; i < ROLLOUT_DIFF_N_COLLECTIONS; i++)
    if (strcmp (collection, _rollout_diff_collections[i]) == 0)
      return i;
  return C_PLAN;
}

JsonNode *
_rollout_project_to_json (RolloutProject *project)
{
  g_autoptr(RolloutJsonDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  text = rollout_file_write (project, &length);
  document = rollout_json_parse (text, length, ROLLOUT_FILE_MAX_DEPTH + 1, &error);
  /* The writer only writes JSON, no deeper than what was read. */
  g_assert_no_error (error);
  return rollout_json_to_node (rollout_json_document_get_root (document));
}

RolloutJsonDocument *
_rollout_project_to_document (RolloutProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RolloutJsonDocument *document;
  gsize length = 0;

  text = rollout_file_write (project, &length);
  document = rollout_json_parse (text, length, ROLLOUT_FILE_MAX_DEPTH + 1, &error);
  /* The writer only writes JSON, no deeper than what was read. */
  g_assert_no_error (error);
  return document;
}

JsonNode *
_rollout_plan_to_json (const RolloutJsonValue *root)
{
  JsonObject *plan = json_object_new ();
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; i < rollout_json_get_length (root); i++)
    {
      const char *key = rollout_json_object_get_key (root, i);

      if (_rollout_diff_collection_index (key) == C_PLAN)
        json_object_set_member (plan, key, rollout_json_to_node (rollout_json_object_get_value (root, i)));
    }
  json_node_init_object (node, plan);
  json_object_unref (plan);
  return node;
}

gboolean
_rollout_json_value_equal (const RolloutJsonValue *a,
                           const RolloutJsonValue *b)
{
  RolloutJsonType type;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || (type = rollout_json_get_type (a)) != rollout_json_get_type (b))
    return FALSE;

  switch (type)
    {
    case ROLLOUT_JSON_NULL:
      return TRUE;
    case ROLLOUT_JSON_BOOLEAN:
      return rollout_json_get_boolean (a) == rollout_json_get_boolean (b);
    case ROLLOUT_JSON_INT:
      return rollout_json_get_int (a) == rollout_json_get_int (b);
    case ROLLOUT_JSON_DOUBLE:
      return rollout_json_get_double (a) == rollout_json_get_double (b);
    case ROLLOUT_JSON_STRING:
      return strcmp (rollout_json_get_string (a), rollout_json_get_string (b)) == 0;
    case ROLLOUT_JSON_ARRAY:
      {
        guint n = rollout_json_get_length (a);

        if (n != rollout_json_get_length (b))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!_rollout_json_value_equal (rollout_json_array_get (a, i), rollout_json_array_get (b, i)))
            return FALSE;
        return TRUE;
      }
    case ROLLOUT_JSON_OBJECT:
      {
        guint n = rollout_json_get_length (a);

        if (n != rollout_json_get_length (b))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (strcmp (rollout_json_object_get_key (a, i), rollout_json_object_get_key (b, i)) != 0 ||
              !_rollout_json_value_equal (rollout_json_object_get_value (a, i), rollout_json_object_get_value (b, i)))
            return FALSE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

const char *
_rollout_json_value_member_string (const RolloutJsonValue *object,
                                   const char             *member)
{
  const RolloutJsonValue *value;

  if (object == NULL || rollout_json_get_type (object) != ROLLOUT_JSON_OBJECT)
    return NULL;
  value = rollout_json_object_get (object, member);
  if (value == NULL || rollout_json_get_type (value) != ROLLOUT_JSON_STRING)
    return NULL;
  return rollout_json_get_string (value);
}

gboolean
_rollout_json_equal (JsonNode *a,
                     JsonNode *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      {
        GType ta = json_node_get_value_type (a);
        GType tb = json_node_get_value_type (b);

        if (ta == G_TYPE_STRING || tb == G_TYPE_STRING)
          return ta == tb && g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
        if (ta == G_TYPE_BOOLEAN || tb == G_TYPE_BOOLEAN)
          return ta == tb && json_node_get_boolean (a) == json_node_get_boolean (b);
        if (ta == G_TYPE_INT64 && tb == G_TYPE_INT64)
          return json_node_get_int (a) == json_node_get_int (b);
        return json_node_get_double (a) == json_node_get_double (b);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a);
        JsonArray *y = json_node_get_array (b);
        guint n = json_array_get_length (x);

        if (n != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!_rollout_json_equal (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a);
        JsonObject *y = json_node_get_object (b);
        JsonObjectIter ix, iy;
        const char *kx, *ky;
        JsonNode *vx, *vy;

        if (json_object_get_size (x) != json_object_get_size (y))
          return FALSE;
        json_object_iter_init_ordered (&ix, x);
        json_object_iter_init_ordered (&iy, y);
        while (json_object_iter_next_ordered (&ix, &kx, &vx))
          {
            if (!json_object_iter_next_ordered (&iy, &ky, &vy))
              return FALSE;
            if (strcmp (kx, ky) != 0 || !_rollout_json_equal (vx, vy))
              return FALSE;
          }
        return TRUE;
      }

    default:
      return FALSE;
    }
}

static void
append_string (GString    *out,
               const char *s)
{
  const char *run = s;

  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as the same double, as the file
 * writer does. */
static void
append_double (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v) || v == 0)
    v = 0;
  if (v == floor (v) && fabs (v) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v);
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
  g_string_append (out, buf);
}

void
_rollout_json_append (GString  *out,
                      JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *value;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &value))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_string (out, name);
            g_string_append_c (out, ':');
            _rollout_json_append (out, value);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            _rollout_json_append (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          append_string (out, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else
          append_double (out, json_node_get_double (node));
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

void
_rollout_json_append_value (GString                *out,
                            const RolloutJsonValue *value)
{
  switch (rollout_json_get_type (value))
    {
    case ROLLOUT_JSON_OBJECT:
      g_string_append_c (out, '{');
      for (guint i = 0; i < rollout_json_get_length (value); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_string (out, rollout_json_object_get_key (value, i));
          g_string_append_c (out, ':');
          _rollout_json_append_value (out, rollout_json_object_get_value (value, i));
        }
      g_string_append_c (out, '}');
      break;

    case ROLLOUT_JSON_ARRAY:
      g_string_append_c (out, '[');
      for (guint i = 0; i < rollout_json_get_length (value); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          _rollout_json_append_value (out, rollout_json_array_get (value, i));
        }
      g_string_append_c (out, ']');
      break;

    case ROLLOUT_JSON_STRING:
      append_string (out, rollout_json_get_string (value));
      break;

    case ROLLOUT_JSON_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, rollout_json_get_int (value));
      break;

    case ROLLOUT_JSON_DOUBLE:
      append_double (out, rollout_json_get_double (value));
      break;

    case ROLLOUT_JSON_BOOLEAN:
      g_string_append (out, rollout_json_get_boolean (value) ? "true" : "false");
      break;

    case ROLLOUT_JSON_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
_rollout_json_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    _rollout_json_append (out, node);
  return g_string_free (out, FALSE);
}

const char *
_rollout_json_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const struct {
  const char *path;
  const char *members[3];
} list_keys[] = {
  { "tasks.depends_on", { "task", NULL } },
  { "tasks.checklist", { "text", NULL } },
  { "phases.gate.metrics", { "metric", NULL } },
  { "phases.signoffs", { "team", NULL } },
  { "risks.history", { "date", NULL } },
  { "metrics.samples", { "date", "phase", NULL } },
  { "plan.calendar.holidays", { "date", NULL } },
};

const char * const *
_rollout_diff_list_key (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_keys); i++)
    if (strcmp (path, list_keys[i].path) == 0)
      return list_keys[i].members;
  return NULL;
}

GPtrArray *
_rollout_json_element_keys (JsonArray          *array,
                            const char * const *members)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autofree char *key = NULL;
      guint count;

      if (members != NULL)
        {
          const char *first = _rollout_json_get_string (object, members[0]);
          const char *second = members[1] ? _rollout_json_get_string (object, members[1]) : NULL;

          if (first == NULL)
            return NULL;
          key = g_strconcat (first, "\x1e", second ? second : "", NULL);
        }
      else if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        key = g_strconcat ("s:", json_node_get_string (element), NULL);
      else if (_rollout_json_get_string (object, "id") != NULL)
        key = g_strconcat ("id:", _rollout_json_get_string (object, "id"), NULL);
      else
        return NULL;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
      g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (count));
      if (count > 1)
        g_ptr_array_add (keys, g_strdup_printf ("%s\x1f%u", key, count));
      else
        g_ptr_array_add (keys, g_steal_pointer (&key));
    }
  return g_steal_pointer (&keys);
}

GHashTable *
_rollout_moved_keys (GPtrArray *base,
                     GPtrArray *sequence)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree guint *tails = NULL;
  g_autofree guint *previous = NULL;
  g_autofree gboolean *kept = NULL;
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  guint length = 0;

  for (guint i = 0; i < base->len; i++)
    g_hash_table_insert (positions, g_ptr_array_index (base, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < sequence->len; i++)
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, g_ptr_array_index (sequence, i)));

      if (position == 0)
        continue;
      g_array_append_val (values, position);
      g_ptr_array_add (keys, g_ptr_array_index (sequence, i));
    }

  /* Longest increasing subsequence, O(n log n): tails[l] is the index of
   * the smallest last value of an increasing run of length l + 1. */
  tails = g_new0 (guint, values->len + 1);
  previous = g_new0 (guint, values->len + 1);
  kept = g_new0 (gboolean, values->len + 1);
  for (guint i = 0; i < values->len; i++)
    {
      guint v = g_array_index (values, guint, i);
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (values, guint, tails[mid]) < v)
            lo = mid + 1;
          else
            hi = mid;
        }
      previous[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == length)
        length++;
    }
  if (length > 0)
    for (guint i = tails[length - 1]; i != G_MAXUINT; i = previous[i])
      kept[i] = TRUE;

  for (guint i = 0; i < keys->len; i++)
    if (!kept[i])
      g_hash_table_add (moved, g_ptr_array_index (keys, i));
  return moved;
}

/* Boxed types ----------------------------------------------------------------- */

static JsonNode *
node_ref (JsonNode *node)
{
  return node ? json_node_ref (node) : NULL;
}

static void
node_unref (JsonNode *node)
{
  if (node != NULL)
    json_node_unref (node);
}

RolloutFieldChange *
rollout_field_change_copy (const RolloutFieldChange *change)
{
  RolloutFieldChange *copy = g_new0 (RolloutFieldChange, 1);

  copy->field = g_strdup (change->field);
  copy->old_value = node_ref (change->old_value);
  copy->new_value = node_ref (change->new_value);
  copy->text = g_strdup (change->text);
  return copy;
}

void
rollout_field_change_free (RolloutFieldChange *change)
{
  if (change == NULL)
    return;
  g_free (change->field);
  node_unref (change->old_value);
  node_unref (change->new_value);
  g_free (change->text);
  g_free (change);
}

RolloutChange *
rollout_change_copy (const RolloutChange *change)
{
  RolloutChange *copy = g_new0 (RolloutChange, 1);

  copy->kind = change->kind;
  copy->collection = g_strdup (change->collection);
  copy->id = g_strdup (change->id);
  copy->name = g_strdup (change->name);
  copy->text = g_strdup (change->text);
  copy->old_value = node_ref (change->old_value);
  copy->new_value = node_ref (change->new_value);
  copy->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_field_change_free);
  for (guint i = 0; change->fields && i < change->fields->len; i++)
    g_ptr_array_add (copy->fields, rollout_field_change_copy (g_ptr_array_index (change->fields, i)));
  return copy;
}

void
rollout_change_free (RolloutChange *change)
{
  if (change == NULL)
    return;
  g_free (change->collection);
  g_free (change->id);
  g_free (change->name);
  g_free (change->text);
  node_unref (change->old_value);
  node_unref (change->new_value);
  g_clear_pointer (&change->fields, g_ptr_array_unref);
  g_free (change);
}

G_DEFINE_BOXED_TYPE (RolloutFieldChange, rollout_field_change,
                     rollout_field_change_copy, rollout_field_change_free)
G_DEFINE_BOXED_TYPE (RolloutChange, rollout_change,
                     rollout_change_copy, rollout_change_free)

/* Words ---------------------------------------------------------------------- */

typedef struct {
  RolloutProject *old_project;
  RolloutProject *new_project;
  GPtrArray *parts;   /* of char *: the pieces of one field's change */
} Describe;

static void
add_part (Describe *d,
          char     *text)
{
  g_ptr_array_add (d->parts, text);
}

static const char *
title_in (RolloutProject *project,
          int             collection,
          const char     *id)
{
  if (project == NULL || id == NULL)
    return NULL;
  switch (collection)
    {
    case C_TEAMS:
      {
        RolloutTeam *team = rollout_project_lookup_team (project, id);
        return team ? rollout_team_get_name (team) : NULL;
      }
    case C_PHASES:
      {
        RolloutPhase *phase = rollout_project_lookup_phase (project, id);
        return phase ? rollout_phase_get_name (phase) : NULL;
      }
    case C_TASKS:
      {
        RolloutTask *task = rollout_project_lookup_task (project, id);
        return task ? rollout_task_get_name (task) : NULL;
      }
    case C_RISKS:
      {
        RolloutRisk *risk = rollout_project_lookup_risk (project, id);
        return risk ? rollout_risk_get_title (risk) : NULL;
      }
    case C_METRICS:
      {
        RolloutMetric *metric = rollout_project_lookup_metric (project, id);
        return metric ? rollout_metric_get_name (metric) : NULL;
      }
    default:
      return NULL;
    }
}

/* "‘Write FAQ’": the referenced object's name, newest first, else its id. */
static char *
ref_name (Describe   *d,
          int         collection,
          const char *id)
{
  const char *title = title_in (d->new_project, collection, id);

  if (title == NULL)
    title = title_in (d->old_project, collection, id);
  return g_strdup_printf ("‘%s’", title ? title : id);
}

static char *
node_ref_name (Describe *d,
               int       collection,
               JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return ref_name (d, collection, json_node_get_string (node));
  return _rollout_json_to_string (node);
}

/* A value as people read it: strings without quotes, numbers shortest,
 * anything else as compact JSON cut at 60 characters. */
static char *
format_value (JsonNode *node)
{
  g_autofree char *json = NULL;

  if (node == NULL)
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  json = _rollout_json_to_string (node);
  if (g_utf8_strlen (json, -1) > 60)
    {
      char *end = g_utf8_offset_to_pointer (json, 59);

      return g_strdup_printf ("%.*s…", (int) (end - json), json);
    }
  return g_steal_pointer (&json);
}

static const struct {
  const char *nick;
  const char *words;
} enum_words[] = {
  { "todo", N_("to do") },
  { "in-progress", N_("in progress") },
  { "blocked", N_("blocked") },
  { "done", N_("done") },
  { "planned", N_("planned") },
  { "active", N_("active") },
  { "paused", N_("paused") },
  { "completed", N_("completed") },
  { "rolled-back", N_("rolled back") },
  { "open", N_("open") },
  { "mitigating", N_("mitigating") },
  { "closed", N_("closed") },
  { "occurred", N_("occurred") },
  { "higher", N_("higher is better") },
  { "lower", N_("lower is better") },
  { "positive", N_("positive") },
  { "neutral", N_("neutral") },
  { "negative", N_("negative") },
  { "latest", N_("latest") },
  { "mean", N_("mean") },
  { "mon", N_("Monday") },
  { "tue", N_("Tuesday") },
  { "wed", N_("Wednesday") },
  { "thu", N_("Thursday") },
  { "fri", N_("Friday") },
  { "sat", N_("Saturday") },
  { "sun", N_("Sunday") },
};

static char *
format_words (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    for (guint i = 0; i < G_N_ELEMENTS (enum_words); i++)
      if (strcmp (json_node_get_string (node), enum_words[i].nick) == 0)
        return g_strdup (_(enum_words[i].words));
  return format_value (node);
}

static gint64
node_int (JsonNode *node,
          gint64    absent)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return absent;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  return absent;
}

static JsonNode *
member (JsonNode   *object,
        const char *name)
{
  if (object == NULL || !JSON_NODE_HOLDS_OBJECT (object))
    return NULL;
  return json_object_get_member (json_node_get_object (object), name);
}

static const char *
member_string (JsonNode   *object,
               const char *name)
{
  if (object == NULL || !JSON_NODE_HOLDS_OBJECT (object))
    return NULL;
  return _rollout_json_get_string (json_node_get_object (object), name);
}

/* "‘name’ 3 → 5", "‘name’ set to 5", "‘name’ removed (was 3)". */
static void
describe_pair (Describe   *d,
               const char *label,
               char       *old_text,
               char       *new_text)
{
  g_autofree char *o = old_text;
  g_autofree char *n = new_text;

  if (o != NULL && n != NULL)
    add_part (d, g_strdup_printf (_("%s %s → %s"), label, o, n));
  else if (n != NULL)
    add_part (d, g_strdup_printf (_("%s set to %s"), label, n));
  else if (o != NULL)
    add_part (d, g_strdup_printf (_("%s removed (was %s)"), label, o));
}

static void
describe_generic (Describe   *d,
                  const char *prefix,
                  const char *field,
                  JsonNode   *old_value,
                  JsonNode   *new_value)
{
  g_autofree char *label = g_strdup_printf ("‘%s%s’", prefix ? prefix : "", field);

  if (old_value != NULL && new_value != NULL)
    {
      g_autofree char *o = format_value (old_value);
      g_autofree char *n = format_value (new_value);

      add_part (d, g_strdup_printf (_("%s %s → %s"), label, o, n));
    }
  else if (new_value != NULL)
    {
      g_autofree char *n = format_value (new_value);

      add_part (d, g_strdup_printf (_("%s set to %s"), label, n));
    }
  else
    add_part (d, g_strdup_printf (_("%s removed"), label));
}

/* What each known member is, and how to say that it changed. */
typedef enum {
  F_NAME,
  F_TEXT,
  F_STRING,
  F_DAYS,
  F_NUMBER,
  F_PERCENT,
  F_DATE,
  F_ENUM,
  F_REF,
  F_STRINGS,
  F_REFS,
  F_DEPENDENCIES,
  F_CHECKLIST,
  F_SIGNOFFS,
  F_GATE,
  F_HISTORY,
  F_SAMPLES,
  F_CALENDAR,
  F_WIP_LIMITS,
  F_CONFLICTS,
} FieldKind;

typedef struct {
  int         collection;
  const char *field;
  FieldKind   kind;
  const char *label;
  int         target;   /* the collection a reference points into */
} FieldInfo;

static const FieldInfo field_infos[] = {
  { C_PLAN, "id", F_STRING, N_("id"), 0 },
  { C_PLAN, "name", F_NAME, N_("name"), 0 },
  { C_PLAN, "description", F_TEXT, N_("description"), 0 },
  { C_PLAN, "owner", F_STRING, N_("owner"), 0 },
  { C_PLAN, "created", F_STRING, N_("created"), 0 },
  { C_PLAN, "modified", F_STRING, N_("last modified"), 0 },
  { C_PLAN, "start", F_DATE, N_("start"), 0 },
  { C_PLAN, "calendar", F_CALENDAR, N_("calendar"), 0 },
  { C_PLAN, "wip_limits", F_WIP_LIMITS, N_("WIP limits"), 0 },
  { C_PLAN, "conflicts", F_CONFLICTS, N_("merge conflicts"), 0 },
  { C_TEAMS, "name", F_NAME, N_("name"), 0 },
  { C_TEAMS, "color", F_STRING, N_("colour"), 0 },
  { C_TEAMS, "lead", F_STRING, N_("lead"), 0 },
  { C_TEAMS, "members", F_STRINGS, N_("member"), 0 },
  { C_PHASES, "name", F_NAME, N_("name"), 0 },
  { C_PHASES, "description", F_TEXT, N_("description"), 0 },
  { C_PHASES, "audience_percent", F_PERCENT, N_("audience"), 0 },
  { C_PHASES, "regions", F_STRINGS, N_("region"), 0 },
  { C_PHASES, "planned_start", F_DATE, N_("planned start"), 0 },
  { C_PHASES, "status", F_ENUM, N_("status"), 0 },
  { C_PHASES, "gate", F_GATE, N_("gate"), 0 },
  { C_PHASES, "signoffs", F_SIGNOFFS, N_("sign-offs"), 0 },
  { C_TASKS, "name", F_NAME, N_("name"), 0 },
  { C_TASKS, "phase", F_REF, N_("phase"), C_PHASES },
  { C_TASKS, "team", F_REF, N_("team"), C_TEAMS },
  { C_TASKS, "owner", F_STRING, N_("owner"), 0 },
  { C_TASKS, "duration", F_DAYS, N_("duration"), 0 },
  { C_TASKS, "start_no_earlier_than", F_DATE, N_("start no earlier than"), 0 },
  { C_TASKS, "depends_on", F_DEPENDENCIES, N_("dependencies"), 0 },
  { C_TASKS, "status", F_ENUM, N_("status"), 0 },
  { C_TASKS, "progress", F_PERCENT, N_("progress"), 0 },
  { C_TASKS, "blocked_reason", F_TEXT, N_("blocked reason"), 0 },
  { C_TASKS, "notes", F_TEXT, N_("notes"), 0 },
  { C_TASKS, "checklist", F_CHECKLIST, N_("checklist"), 0 },
  { C_RISKS, "title", F_NAME, N_("title"), 0 },
  { C_RISKS, "description", F_TEXT, N_("description"), 0 },
  { C_RISKS, "likelihood", F_NUMBER, N_("likelihood"), 0 },
  { C_RISKS, "impact", F_NUMBER, N_("impact"), 0 },
  { C_RISKS, "owner", F_STRING, N_("owner"), 0 },
  { C_RISKS, "mitigation", F_TEXT, N_("mitigation"), 0 },
  { C_RISKS, "contingency", F_TEXT, N_("contingency"), 0 },
  { C_RISKS, "status", F_ENUM, N_("status"), 0 },
  { C_RISKS, "phase", F_REF, N_("phase"), C_PHASES },
  { C_RISKS, "tasks", F_REFS, N_("task"), C_TASKS },
  { C_RISKS, "history", F_HISTORY, N_("history"), 0 },
  { C_METRICS, "name", F_NAME, N_("name"), 0 },
  { C_METRICS, "unit", F_STRING, N_("unit"), 0 },
  { C_METRICS, "direction", F_ENUM, N_("direction"), 0 },
  { C_METRICS, "target", F_NUMBER, N_("target"), 0 },
  { C_METRICS, "samples", F_SAMPLES, N_("samples"), 0 },
  { C_FEEDBACK, "date", F_DATE, N_("date"), 0 },
  { C_FEEDBACK, "phase", F_REF, N_("phase"), C_PHASES },
  { C_FEEDBACK, "source", F_STRING, N_("source"), 0 },
  { C_FEEDBACK, "sentiment", F_ENUM, N_("sentiment"), 0 },
  { C_FEEDBACK, "tags", F_STRINGS, N_("tag"), 0 },
  { C_FEEDBACK, "text", F_TEXT, N_("text"), 0 },
  { C_FEEDBACK, "task", F_REF, N_("task"), C_TASKS },
};

static const FieldInfo *
field_info (int         collection,
            const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (field_infos[i].collection == collection && strcmp (field_infos[i].field, field) == 0)
      return &field_infos[i];
  return NULL;
}

/* Lists matched element by element. */

typedef void (*ElementFunc) (Describe   *d,
                             gconstpointer data,
                             JsonNode   *old_element,
                             JsonNode   *new_element);

static gboolean
keyed_index (JsonNode            *list,
             const char * const  *members,
             GPtrArray          **out_keys,
             GHashTable         **out_index)
{
  g_autoptr(JsonArray) empty = json_array_new ();
  JsonArray *array = list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : empty;
  GPtrArray *keys;
  GHashTable *index;

  if (list != NULL && !JSON_NODE_HOLDS_ARRAY (list))
    return FALSE;
  keys = _rollout_json_element_keys (array, members);
  if (keys == NULL)
    return FALSE;
  index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (keys, i), json_array_get_element (array, i));
  *out_keys = keys;
  *out_index = index;
  return TRUE;
}

/* Calls @func for each added, removed or changed element. Returns FALSE,
 * doing nothing, when the lists cannot be matched element by element. */
static gboolean
describe_list (Describe           *d,
               JsonNode           *old_list,
               JsonNode           *new_list,
               const char * const *members,
               ElementFunc         func,
               gconstpointer       data,
               gboolean           *out_reordered)
{
  g_autoptr(GPtrArray) old_keys = NULL;
  g_autoptr(GPtrArray) new_keys = NULL;
  g_autoptr(GHashTable) old_index = NULL;
  g_autoptr(GHashTable) new_index = NULL;
  g_autoptr(GPtrArray) common_old = g_ptr_array_new ();
  g_autoptr(GPtrArray) common_new = g_ptr_array_new ();
  gboolean reordered = FALSE;

  if (!keyed_index (old_list, members, &old_keys, &old_index) ||
      !keyed_index (new_list, members, &new_keys, &new_index))
    return FALSE;

  for (guint i = 0; i < new_keys->len; i++)
    {
      const char *key = g_ptr_array_index (new_keys, i);
      JsonNode *new_element = g_hash_table_lookup (new_index, key);
      JsonNode *old_element = g_hash_table_lookup (old_index, key);

      if (old_element != NULL)
        g_ptr_array_add (common_new, (gpointer) key);
      if (!_rollout_json_equal (old_element, new_element))
        func (d, data, old_element, new_element);
    }
  for (guint i = 0; i < old_keys->len; i++)
    {
      const char *key = g_ptr_array_index (old_keys, i);

      if (g_hash_table_contains (new_index, key))
        g_ptr_array_add (common_old, (gpointer) key);
      else
        func (d, data, g_hash_table_lookup (old_index, key), NULL);
    }
  for (guint i = 0; i < common_old->len; i++)
    if (strcmp (g_ptr_array_index (common_old, i), g_ptr_array_index (common_new, i)) != 0)
      reordered = TRUE;
  if (out_reordered != NULL)
    *out_reordered = reordered;
  return TRUE;
}

static void
string_element (Describe      *d,
                gconstpointer  data,
                JsonNode      *old_element,
                JsonNode      *new_element)
{
  const FieldInfo *info = data;
  JsonNode *element = new_element ? new_element : old_element;
  gboolean days = strcmp (info->field, "working_days") == 0;
  g_autofree char *text = days ? format_words (element) : format_value (element);
  g_autofree char *value = NULL;

  if (days)
    value = g_steal_pointer (&text);
  else
    value = g_strdup_printf ("‘%s’", text);
  if (new_element != NULL)
    add_part (d, g_strdup_printf (_("added %s %s"), _(info->label), value));
  else
    add_part (d, g_strdup_printf (_("removed %s %s"), _(info->label), value));
}

static void
ref_element (Describe      *d,
             gconstpointer  data,
             JsonNode      *old_element,
             JsonNode      *new_element)
{
  const FieldInfo *info = data;
  g_autofree char *name = node_ref_name (d, info->target, new_element ? new_element : old_element);

  if (new_element != NULL)
    add_part (d, g_strdup_printf (_("now linked to %s %s"), _(info->label), name));
  else
    add_part (d, g_strdup_printf (_("no longer linked to %s %s"), _(info->label), name));
}

/* Describes the members of two versions of one element or sub-object, each
 * part prefixed by nothing; joins them with ", ". */
typedef void (*MemberFunc) (Describe   *d,
                            const char *name,
                            JsonNode   *old_value,
                            JsonNode   *new_value);

static void
each_changed_member (Describe   *d,
                     JsonNode   *old_object,
                     JsonNode   *new_object,
                     MemberFunc  func)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (new_object != NULL && JSON_NODE_HOLDS_OBJECT (new_object))
    {
      json_object_iter_init_ordered (&iter, json_node_get_object (new_object));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        {
          JsonNode *old_value = member (old_object, name);

          if (!_rollout_json_equal (old_value, value))
            func (d, name, old_value, value);
        }
    }
  if (old_object != NULL && JSON_NODE_HOLDS_OBJECT (old_object))
    {
      json_object_iter_init_ordered (&iter, json_node_get_object (old_object));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        if (member (new_object, name) == NULL)
          func (d, name, value, NULL);
    }
}

static char *
join_parts (GPtrArray  *parts,
            guint       from,
            const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < parts->len; i++)
    {
      if (i > from)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

/* Runs @func on the changed members and takes back the parts it added,
 * joined with ", "; NULL when it added none. */
static char *
describe_members_joined (Describe   *d,
                         JsonNode   *old_object,
                         JsonNode   *new_object,
                         MemberFunc  func)
{
  guint first = d->parts->len;
  char *joined;

  each_changed_member (d, old_object, new_object, func);
  if (d->parts->len == first)
    return NULL;
  joined = join_parts (d->parts, first, ", ");
  g_ptr_array_set_size (d->parts, first);
  return joined;
}

static void
dependency_member (Describe   *d,
                   const char *name,
                   JsonNode   *old_value,
                   JsonNode   *new_value)
{
  if (strcmp (name, "type") == 0)
    describe_pair (d, _("type"), old_value ? format_value (old_value) : g_strdup ("FS"),
                   new_value ? format_value (new_value) : g_strdup ("FS"));
  else if (strcmp (name, "lag") == 0)
    describe_pair (d, _("lag"), g_strdup_printf ("%d", (int) node_int (old_value, 0)),
                   g_strdup_printf ("%d", (int) node_int (new_value, 0)));
  else
    describe_generic (d, NULL, name, old_value, new_value);
}

static void
dependency_element (Describe      *d,
                    gconstpointer  data,
                    JsonNode      *old_element,
                    JsonNode      *new_element)
{
  JsonNode *element = new_element ? new_element : old_element;
  g_autofree char *name = ref_name (d, C_TASKS, member_string (element, "task"));

  if (old_element == NULL)
    {
      const char *type = member_string (new_element, "type");
      int lag = (int) node_int (member (new_element, "lag"), 0);

      if (g_strcmp0 (type ? type : "FS", "FS") == 0 && lag == 0)
        add_part (d, g_strdup_printf (_("now depends on %s"), name));
      else
        add_part (d, g_strdup_printf (_("now depends on %s (%s, lag %d)"), name, type ? type : "FS", lag));
    }
  else if (new_element == NULL)
    add_part (d, g_strdup_printf (_("no longer depends on %s"), name));
  else
    {
      g_autofree char *joined = describe_members_joined (d, old_element, new_element, dependency_member);

      if (joined != NULL)
        add_part (d, g_strdup_printf (_("dependency on %s: %s"), name, joined));
    }
}

static void
checklist_element (Describe      *d,
                   gconstpointer  data,
                   JsonNode      *old_element,
                   JsonNode      *new_element)
{
  JsonNode *element = new_element ? new_element : old_element;
  const char *text = member_string (element, "text");
  JsonNode *old_done = member (old_element, "done");
  JsonNode *new_done = member (new_element, "done");
  gboolean was_done = old_done && JSON_NODE_HOLDS_VALUE (old_done) && json_node_get_boolean (old_done);
  gboolean is_done = new_done && JSON_NODE_HOLDS_VALUE (new_done) && json_node_get_boolean (new_done);

  if (old_element == NULL)
    add_part (d, g_strdup_printf (is_done ? _("checklist item ‘%s’ added (done)")
                                          : _("checklist item ‘%s’ added"), text));
  else if (new_element == NULL)
    add_part (d, g_strdup_printf (_("checklist item ‘%s’ removed"), text));
  else
    {
      g_autoptr(JsonNode) old_rest = json_node_copy (old_element);
      g_autoptr(JsonNode) new_rest = json_node_copy (new_element);

      if (was_done != is_done)
        add_part (d, g_strdup_printf (is_done ? _("checked ‘%s’") : _("unchecked ‘%s’"), text));
      json_object_remove_member (json_node_get_object (old_rest), "done");
      json_object_remove_member (json_node_get_object (new_rest), "done");
      if (!_rollout_json_equal (old_rest, new_rest))
        add_part (d, g_strdup_printf (_("checklist item ‘%s’ changed"), text));
    }
}

static void
signoff_element (Describe      *d,
                 gconstpointer  data,
                 JsonNode      *old_element,
                 JsonNode      *new_element)
{
  JsonNode *element = new_element ? new_element : old_element;
  g_autofree char *team = ref_name (d, C_TEAMS, member_string (element, "team"));
  const char *by = member_string (new_element, "by");
  const char *date = member_string (new_element, "date");

  if (old_element == NULL && by != NULL && date != NULL)
    add_part (d, g_strdup_printf (_("signed off by %s (%s, %s)"), team, by, date));
  else if (old_element == NULL && (by != NULL || date != NULL))
    add_part (d, g_strdup_printf (_("signed off by %s (%s)"), team, by ? by : date));
  else if (old_element == NULL)
    add_part (d, g_strdup_printf (_("signed off by %s"), team));
  else if (new_element == NULL)
    add_part (d, g_strdup_printf (_("sign-off by %s withdrawn"), team));
  else
    add_part (d, g_strdup_printf (_("sign-off by %s changed"), team));
}

static char *
format_window (JsonNode *node)
{
  int days = (int) node_int (node, 0);

  if (days <= 0)
    return g_strdup (_("all samples"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

static void
gate_metric_element (Describe      *d,
                     gconstpointer  data,
                     JsonNode      *old_element,
                     JsonNode      *new_element)
{
  JsonNode *element = new_element ? new_element : old_element;
  g_autofree char *name = ref_name (d, C_METRICS, member_string (element, "metric"));

  if (old_element == NULL)
    {
      g_autofree char *comparison = format_value (member (new_element, "comparison"));
      g_autofree char *threshold = format_value (member (new_element, "threshold"));

      add_part (d, g_strdup_printf (_("gate now checks %s %s %s"), name, comparison, threshold));
    }
  else if (new_element == NULL)
    add_part (d, g_strdup_printf (_("gate no longer checks %s"), name));
  else
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      json_object_iter_init_ordered (&iter, json_node_get_object (new_element));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        g_ptr_array_add (keys, (gpointer) key);
      json_object_iter_init_ordered (&iter, json_node_get_object (old_element));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (member (new_element, key) == NULL)
          g_ptr_array_add (keys, (gpointer) key);

      for (guint i = 0; i < keys->len; i++)
        {
          const char *k = g_ptr_array_index (keys, i);
          JsonNode *o = member (old_element, k);
          JsonNode *n = member (new_element, k);
          g_autofree char *label = NULL;

          if (_rollout_json_equal (o, n))
            continue;
          if (strcmp (k, "threshold") == 0)
            label = g_strdup_printf (_("gate threshold for %s"), name);
          else if (strcmp (k, "comparison") == 0)
            label = g_strdup_printf (_("gate comparison for %s"), name);
          else if (strcmp (k, "aggregate") == 0)
            {
              label = g_strdup_printf (_("gate aggregate for %s"), name);
              describe_pair (d, label, o ? format_words (o) : g_strdup (_("latest")),
                             n ? format_words (n) : g_strdup (_("latest")));
              continue;
            }
          else if (strcmp (k, "window_days") == 0)
            {
              label = g_strdup_printf (_("gate window for %s"), name);
              describe_pair (d, label, format_window (o), format_window (n));
              continue;
            }
          if (label != NULL)
            describe_pair (d, label, o ? format_value (o) : NULL, n ? format_value (n) : NULL);
          else
            describe_generic (d, "gate.metrics.", k, o, n);
        }
    }
}

static void
signoff_team_element (Describe      *d,
                      gconstpointer  data,
                      JsonNode      *old_element,
                      JsonNode      *new_element)
{
  g_autofree char *team = node_ref_name (d, C_TEAMS, new_element ? new_element : old_element);

  if (new_element != NULL)
    add_part (d, g_strdup_printf (_("gate now requires sign-off from %s"), team));
  else
    add_part (d, g_strdup_printf (_("gate no longer requires sign-off from %s"), team));
}

static void
describe_gate (Describe *d,
               JsonNode *old_gate,
               JsonNode *new_gate)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  if (old_gate == NULL)
    {
      add_part (d, g_strdup (_("gate added")));
      return;
    }
  if (new_gate == NULL)
    {
      add_part (d, g_strdup (_("gate removed")));
      return;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (new_gate));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    g_ptr_array_add (keys, (gpointer) key);
  json_object_iter_init_ordered (&iter, json_node_get_object (old_gate));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    if (member (new_gate, key) == NULL)
      g_ptr_array_add (keys, (gpointer) key);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);
      JsonNode *o = member (old_gate, k);
      JsonNode *n = member (new_gate, k);
      gboolean reordered = FALSE;

      if (_rollout_json_equal (o, n))
        continue;
      if (strcmp (k, "metrics") == 0 &&
          describe_list (d, o, n, _rollout_diff_list_key ("phases.gate.metrics"),
                         gate_metric_element, NULL, &reordered))
        {
          if (reordered)
            add_part (d, g_strdup (_("gate metrics reordered")));
        }
      else if (strcmp (k, "required_signoffs") == 0 &&
               describe_list (d, o, n, NULL, signoff_team_element, NULL, &reordered))
        {
          if (reordered)
            add_part (d, g_strdup (_("gate sign-offs reordered")));
        }
      else if (strcmp (k, "max_open_risk_score") == 0)
        describe_pair (d, _("gate risk limit"), o ? format_value (o) : NULL, n ? format_value (n) : NULL);
      else
        describe_generic (d, "gate.", k, o, n);
    }
}

static void
assessment_element (Describe      *d,
                    gconstpointer  data,
                    JsonNode      *old_element,
                    JsonNode      *new_element)
{
  JsonNode *element = new_element ? new_element : old_element;
  const char *date = member_string (element, "date");

  if (old_element == NULL)
    add_part (d, g_strdup_printf (_("new assessment on %s: likelihood %d, impact %d"), date,
                                  (int) node_int (member (new_element, "likelihood"), 0),
                                  (int) node_int (member (new_element, "impact"), 0)));
  else if (new_element == NULL)
    add_part (d, g_strdup_printf (_("assessment of %s removed"), date));
  else
    add_part (d, g_strdup_printf (_("assessment of %s changed"), date));
}

static void
holiday_element (Describe      *d,
                 gconstpointer  data,
                 JsonNode      *old_element,
                 JsonNode      *new_element)
{
  JsonNode *element = new_element ? new_element : old_element;
  const char *date = member_string (element, "date");
  const char *name = member_string (element, "name");

  if (old_element == NULL && name != NULL)
    add_part (d, g_strdup_printf (_("added holiday ‘%s’ on %s"), name, date));
  else if (old_element == NULL)
    add_part (d, g_strdup_printf (_("added holiday on %s"), date));
  else if (new_element == NULL && name != NULL)
    add_part (d, g_strdup_printf (_("removed holiday ‘%s’ on %s"), name, date));
  else if (new_element == NULL)
    add_part (d, g_strdup_printf (_("removed holiday on %s"), date));
  else
    add_part (d, g_strdup_printf (_("holiday on %s changed"), date));
}

typedef struct {
  guint added;
  guint removed;
  guint changed;
  JsonNode *old_element;
  JsonNode *new_element;
} SampleCounts;

static void
sample_element (Describe      *d,
                gconstpointer  data,
                JsonNode      *old_element,
                JsonNode      *new_element)
{
  SampleCounts *counts = (SampleCounts *) data;

  if (old_element == NULL)
    counts->added++;
  else if (new_element == NULL)
    counts->removed++;
  else
    {
      counts->changed++;
      counts->old_element = old_element;
      counts->new_element = new_element;
    }
}

static void
describe_samples (Describe *d,
                  JsonNode *old_list,
                  JsonNode *new_list)
{
  SampleCounts counts = { 0 };
  gboolean reordered = FALSE;

  if (!describe_list (d, old_list, new_list, _rollout_diff_list_key ("metrics.samples"),
                      sample_element, &counts, &reordered))
    {
      describe_generic (d, NULL, "samples", old_list, new_list);
      return;
    }
  if (counts.added > 0)
    add_part (d, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new sample", "%u new samples",
                                               counts.added), counts.added));
  if (counts.removed > 0)
    add_part (d, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample removed", "%u samples removed",
                                               counts.removed), counts.removed));
  if (counts.changed == 1)
    {
      g_autofree char *o = format_value (member (counts.old_element, "value"));
      g_autofree char *n = format_value (member (counts.new_element, "value"));

      add_part (d, g_strdup_printf (_("sample of %s: %s → %s"),
                                    member_string (counts.new_element, "date"), o, n));
    }
  else if (counts.changed > 1)
    add_part (d, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample changed", "%u samples changed",
                                               counts.changed), counts.changed));
  if (reordered && counts.added + counts.removed + counts.changed == 0)
    add_part (d, g_strdup (_("samples reordered")));
}

static JsonNode *
default_working_days (void)
{
  JsonArray *days = json_array_new ();
  JsonNode *node = json_node_alloc ();
  const char *nicks[] = { "mon", "tue", "wed", "thu", "fri" };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    json_array_add_string_element (days, nicks[i]);
  json_node_init_array (node, days);
  json_array_unref (days);
  return node;
}

static void
describe_calendar (Describe *d,
                   JsonNode *old_calendar,
                   JsonNode *new_calendar)
{
  static const FieldInfo days_info = { C_PLAN, "working_days", F_STRINGS, N_("working day"), 0 };
  g_autoptr(JsonNode) default_days = default_working_days ();
  JsonNode *old_days = member (old_calendar, "working_days");
  JsonNode *new_days = member (new_calendar, "working_days");
  JsonNode *old_holidays = member (old_calendar, "holidays");
  JsonNode *new_holidays = member (new_calendar, "holidays");
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!_rollout_json_equal (old_days ? old_days : default_days, new_days ? new_days : default_days))
    describe_list (d, old_days ? old_days : default_days, new_days ? new_days : default_days,
                   NULL, string_element, &days_info, NULL);
  if (!_rollout_json_equal (old_holidays, new_holidays) &&
      !describe_list (d, old_holidays, new_holidays, _rollout_diff_list_key ("plan.calendar.holidays"),
                      holiday_element, NULL, NULL))
    describe_generic (d, "calendar.", "holidays", old_holidays, new_holidays);

  if (new_calendar != NULL)
    {
      json_object_iter_init_ordered (&iter, json_node_get_object (new_calendar));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (strcmp (key, "working_days") != 0 && strcmp (key, "holidays") != 0 &&
            !_rollout_json_equal (member (old_calendar, key), value))
          describe_generic (d, "calendar.", key, member (old_calendar, key), value);
    }
  if (old_calendar != NULL)
    {
      json_object_iter_init_ordered (&iter, json_node_get_object (old_calendar));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (strcmp (key, "working_days") != 0 && strcmp (key, "holidays") != 0 &&
            member (new_calendar, key) == NULL)
          describe_generic (d, "calendar.", key, value, NULL);
    }
}

static guint
list_length (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* Adds the words for one changed member to d->parts. */
static void
describe_field_into (Describe   *d,
                     int         collection,
                     const char *field,
                     JsonNode   *old_value,
                     JsonNode   *new_value)
{
  const FieldInfo *info = field_info (collection, field);
  guint first = d->parts->len;
  gboolean reordered = FALSE;

  if (_rollout_json_equal (old_value, new_value))
    return;
  if (info == NULL)
    {
      describe_generic (d, NULL, field, old_value, new_value);
      return;
    }

  switch (info->kind)
    {
    case F_NAME:
      if (old_value != NULL && new_value != NULL)
        {
          g_autofree char *n = format_value (new_value);

          add_part (d, g_strdup_printf (_("renamed to ‘%s’"), n));
        }
      else
        describe_pair (d, _(info->label), old_value ? format_value (old_value) : NULL,
                       new_value ? format_value (new_value) : NULL);
      break;

    case F_TEXT:
      if (old_value == NULL)
        add_part (d, g_strdup_printf (_("%s added"), _(info->label)));
      else if (new_value == NULL)
        add_part (d, g_strdup_printf (_("%s removed"), _(info->label)));
      else
        add_part (d, g_strdup_printf (_("%s changed"), _(info->label)));
      break;

    case F_STRING:
    case F_NUMBER:
    case F_DATE:
      describe_pair (d, _(info->label), old_value ? format_value (old_value) : NULL,
                     new_value ? format_value (new_value) : NULL);
      break;

    case F_ENUM:
      describe_pair (d, _(info->label), old_value ? format_words (old_value) : NULL,
                     new_value ? format_words (new_value) : NULL);
      break;

    case F_DAYS:
      if (old_value != NULL && new_value != NULL)
        {
          g_autofree char *o = format_value (old_value);
          g_autofree char *n = format_value (new_value);
          gint64 days = node_int (new_value, 0);

          add_part (d, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "duration %s → %s day",
                                                     "duration %s → %s days", (gulong) days), o, n));
        }
      else
        describe_pair (d, _(info->label), old_value ? format_value (old_value) : NULL,
                       new_value ? format_value (new_value) : NULL);
      break;

    case F_PERCENT:
      {
        g_autofree char *o = old_value ? format_value (old_value) : g_strdup ("0");
        g_autofree char *n = new_value ? format_value (new_value) : g_strdup ("0");

        add_part (d, g_strdup_printf (_("%s %s%% → %s%%"), _(info->label), o, n));
      }
      break;

    case F_REF:
      describe_pair (d, _(info->label),
                     old_value ? node_ref_name (d, info->target, old_value) : NULL,
                     new_value ? node_ref_name (d, info->target, new_value) : NULL);
      break;

    case F_STRINGS:
      if (describe_list (d, old_value, new_value, NULL, string_element, info, &reordered) &&
          d->parts->len == first && reordered)
        add_part (d, g_strdup_printf (_("%s reordered"), field));
      break;

    case F_REFS:
      if (describe_list (d, old_value, new_value, NULL, ref_element, info, &reordered) &&
          d->parts->len == first && reordered)
        add_part (d, g_strdup_printf (_("%s reordered"), field));
      break;

    case F_DEPENDENCIES:
      if (describe_list (d, old_value, new_value, _rollout_diff_list_key ("tasks.depends_on"),
                         dependency_element, NULL, &reordered) &&
          d->parts->len == first && reordered)
        add_part (d, g_strdup (_("dependencies reordered")));
      break;

    case F_CHECKLIST:
      if (describe_list (d, old_value, new_value, _rollout_diff_list_key ("tasks.checklist"),
                         checklist_element, NULL, &reordered) &&
          d->parts->len == first && reordered)
        add_part (d, g_strdup (_("checklist reordered")));
      break;

    case F_SIGNOFFS:
      if (describe_list (d, old_value, new_value, _rollout_diff_list_key ("phases.signoffs"),
                         signoff_element, NULL, &reordered) &&
          d->parts->len == first && reordered)
        add_part (d, g_strdup (_("sign-offs reordered")));
      break;

    case F_HISTORY:
      if (describe_list (d, old_value, new_value, _rollout_diff_list_key ("risks.history"),
                         assessment_element, NULL, &reordered) &&
          d->parts->len == first && reordered)
        add_part (d, g_strdup (_("history reordered")));
      break;

    case F_GATE:
      describe_gate (d, old_value, new_value);
      break;

    case F_SAMPLES:
      describe_samples (d, old_value, new_value);
      break;

    case F_CALENDAR:
      describe_calendar (d, old_value, new_value);
      break;

    case F_WIP_LIMITS:
      /* One part per column whose limit changed: "WIP limit of in-progress 3 → 4". */
      for (int status = 0; status < ROLLOUT_N_TASK_STATUSES; status++)
        {
          const char *nick = rollout_enum_to_nick (ROLLOUT_TYPE_TASK_STATUS, status);
          JsonNode *o = old_value != NULL && JSON_NODE_HOLDS_OBJECT (old_value)
            ? json_object_get_member (json_node_get_object (old_value), nick) : NULL;
          JsonNode *n = new_value != NULL && JSON_NODE_HOLDS_OBJECT (new_value)
            ? json_object_get_member (json_node_get_object (new_value), nick) : NULL;
          g_autofree char *label = NULL;

          if (_rollout_json_equal (o, n))
            continue;
          /* Translators: %s is a task status as written in the file, "in-progress" */
          label = g_strdup_printf (_("WIP limit of %s"), nick);
          describe_pair (d, label, o != NULL ? format_value (o) : NULL, n != NULL ? format_value (n) : NULL);
        }
      break;

    case F_CONFLICTS:
      {
        guint n = list_length (new_value);

        if (n > 0)
          add_part (d, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unresolved merge conflict",
                                                     "%u unresolved merge conflicts", n), n));
        else
          add_part (d, g_strdup (_("merge conflicts resolved")));
      }
      break;

    default:
      break;
    }

  /* Whatever could not be put in words is still reported. */
  if (d->parts->len == first)
    describe_generic (d, NULL, field, old_value, new_value);
}

/* Objects --------------------------------------------------------------------- */

static const char *
object_title (int       collection,
              JsonNode *object)
{
  if (collection == C_RISKS)
    return member_string (object, "title");
  if (collection == C_FEEDBACK)
    return member_string (object, "id");
  return member_string (object, "name");
}

static char *
label_for (int       collection,
           JsonNode *object)
{
  const char *title = object_title (collection, object);

  switch (collection)
    {
    case C_PLAN:
      return g_strdup (_("Plan"));
    case C_TEAMS:
      return g_strdup_printf (_("Team ‘%s’"), title);
    case C_PHASES:
      return g_strdup_printf (_("Phase ‘%s’"), title);
    case C_TASKS:
      if (node_int (member (object, "duration"), 1) == 0)
        return g_strdup_printf (_("Milestone ‘%s’"), title);
      return g_strdup_printf (_("Task ‘%s’"), title);
    case C_RISKS:
      return g_strdup_printf (_("Risk ‘%s’"), title);
    case C_METRICS:
      return g_strdup_printf (_("Metric ‘%s’"), title);
    case C_FEEDBACK:
      return g_strdup_printf (_("Feedback ‘%s’"), title);
    default:
      return g_strdup (title);
    }
}

static char *
added_text (Describe *d,
            int       collection,
            JsonNode *object)
{
  const char *title = object_title (collection, object);

  switch (collection)
    {
    case C_TEAMS:
      return g_strdup_printf (_("Added team ‘%s’"), title);
    case C_PHASES:
      return g_strdup_printf (_("Added phase ‘%s’"), title);
    case C_TASKS:
      {
        g_autofree char *phase = ref_name (d, C_PHASES, member_string (object, "phase"));
        gint64 days = node_int (member (object, "duration"), 0);

        if (days == 0)
          return g_strdup_printf (_("Added milestone ‘%s’ in phase %s"), title, phase);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added task ‘%s’ in phase %s (%d day)",
                                             "Added task ‘%s’ in phase %s (%d days)", (gulong) days),
                                title, phase, (int) days);
      }
    case C_RISKS:
      return g_strdup_printf (_("Added risk ‘%s’ (likelihood %d, impact %d)"), title,
                              (int) node_int (member (object, "likelihood"), 0),
                              (int) node_int (member (object, "impact"), 0));
    case C_METRICS:
      return g_strdup_printf (_("Added metric ‘%s’"), title);
    case C_FEEDBACK:
      return g_strdup_printf (_("Added feedback ‘%s’"), title);
    default:
      return g_strdup (title);
    }
}

static char *
removed_text (int       collection,
              JsonNode *object)
{
  const char *title = object_title (collection, object);

  switch (collection)
    {
    case C_TEAMS:
      return g_strdup_printf (_("Removed team ‘%s’"), title);
    case C_PHASES:
      return g_strdup_printf (_("Removed phase ‘%s’"), title);
    case C_TASKS:
      if (node_int (member (object, "duration"), 1) == 0)
        return g_strdup_printf (_("Removed milestone ‘%s’"), title);
      return g_strdup_printf (_("Removed task ‘%s’"), title);
    case C_RISKS:
      return g_strdup_printf (_("Removed risk ‘%s’"), title);
    case C_METRICS:
      return g_strdup_printf (_("Removed metric ‘%s’"), title);
    case C_FEEDBACK:
      return g_strdup_printf (_("Removed feedback ‘%s’"), title);
    default:
      return g_strdup (title);
    }
}

static gboolean
is_collection (const char *key)
{
  return _rollout_diff_collection_index (key) != C_PLAN;
}

static void
add_field_change (Describe   *d,
                  GPtrArray  *fields,
                  int         collection,
                  const char *field,
                  JsonNode   *old_value,
                  JsonNode   *new_value)
{
  RolloutFieldChange *change = g_new0 (RolloutFieldChange, 1);

  g_ptr_array_set_size (d->parts, 0);
  describe_field_into (d, collection, field, old_value, new_value);
  change->field = g_strdup (field);
  change->old_value = node_ref (old_value);
  change->new_value = node_ref (new_value);
  change->text = join_parts (d->parts, 0, "; ");
  g_ptr_array_add (fields, change);
}

/* The changed members of one object (or of the plan's own members). */
static GPtrArray *
object_field_changes (Describe *d,
                      int       collection,
                      JsonNode *old_object,
                      JsonNode *new_object)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_field_change_free);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, json_node_get_object (new_object));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      JsonNode *old_value = member (old_object, key);

      if (collection == C_PLAN && (is_collection (key) || strcmp (key, "format") == 0))
        continue;
      if (!_rollout_json_equal (old_value, value))
        add_field_change (d, fields, collection, key, old_value, value);
    }
  json_object_iter_init_ordered (&iter, json_node_get_object (old_object));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      if (collection == C_PLAN && is_collection (key))
        continue;
      if (member (new_object, key) == NULL)
        add_field_change (d, fields, collection, key, value, NULL);
    }
  return fields;
}

static char *
change_line (const char *label,
             GPtrArray  *fields)
{
  GString *out = g_string_new (label);

  for (guint i = 0; i < fields->len; i++)
    {
      RolloutFieldChange *field = g_ptr_array_index (fields, i);

      g_string_append (out, i == 0 ? ": " : "; ");
      g_string_append (out, field->text);
    }
  return g_string_free (out, FALSE);
}

static RolloutChange *
change_new (RolloutChangeKind  kind,
            int                collection,
            JsonNode          *old_object,
            JsonNode          *new_object)
{
  RolloutChange *change = g_new0 (RolloutChange, 1);
  JsonNode *object = new_object ? new_object : old_object;

  change->kind = kind;
  if (collection != C_PLAN)
    {
      change->collection = g_strdup (_rollout_diff_collections[collection]);
      change->id = g_strdup (member_string (object, "id"));
      if (collection != C_FEEDBACK)
        change->name = g_strdup (object_title (collection, object));
    }
  change->old_value = node_ref (old_object);
  change->new_value = node_ref (new_object);
  change->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_field_change_free);
  return change;
}

static JsonNode *
string_node (const char *s)
{
  return s ? json_node_init_string (json_node_alloc (), s) : NULL;
}

/* A collection's objects by id, in order. */
static void
value_index (const RolloutJsonValue  *list,
             GPtrArray              **out_ids,
             GHashTable             **out_index)
{
  guint n = list && rollout_json_get_type (list) == ROLLOUT_JSON_ARRAY ? rollout_json_get_length (list) : 0;
  GPtrArray *ids = g_ptr_array_sized_new (n);
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const RolloutJsonValue *object = rollout_json_array_get (list, i);
      const char *id = _rollout_json_value_member_string (object, "id");

      if (id != NULL && g_hash_table_insert (index, (gpointer) id, (gpointer) object))
        g_ptr_array_add (ids, (gpointer) id);
    }
  *out_ids = ids;
  *out_index = index;
}

static void
diff_collection (Describe               *d,
                 GPtrArray              *changes,
                 int                     collection,
                 const RolloutJsonValue *old_list,
                 const RolloutJsonValue *new_list)
{
  g_autoptr(GPtrArray) old_ids = NULL;
  g_autoptr(GPtrArray) new_ids = NULL;
  g_autoptr(GHashTable) old_index = NULL;
  g_autoptr(GHashTable) new_index = NULL;
  g_autoptr(GHashTable) moved = NULL;

  value_index (old_list, &old_ids, &old_index);
  value_index (new_list, &new_ids, &new_index);
  moved = _rollout_moved_keys (old_ids, new_ids);

  for (guint i = 0; i < new_ids->len; i++)
    {
      const char *id = g_ptr_array_index (new_ids, i);
      const RolloutJsonValue *new_value = g_hash_table_lookup (new_index, id);
      const RolloutJsonValue *old_value = g_hash_table_lookup (old_index, id);
      g_autoptr(JsonNode) new_object = NULL;
      g_autoptr(JsonNode) old_object = NULL;
      RolloutChange *change;

      if (old_value != NULL && !g_hash_table_contains (moved, id) &&
          _rollout_json_value_equal (old_value, new_value))
        continue;

      new_object = rollout_json_to_node (new_value);
      if (old_value == NULL)
        {
          change = change_new (ROLLOUT_CHANGE_ADDED, collection, NULL, new_object);
          change->text = added_text (d, collection, new_object);
          g_ptr_array_add (changes, change);
          continue;
        }

      old_object = rollout_json_to_node (old_value);
      change = change_new (ROLLOUT_CHANGE_MODIFIED, collection, old_object, new_object);
      g_ptr_array_unref (change->fields);
      change->fields = object_field_changes (d, collection, old_object, new_object);
      if (g_hash_table_contains (moved, id))
        {
          RolloutFieldChange *position = g_new0 (RolloutFieldChange, 1);
          const char *before = NULL;
          const char *after = i > 0 ? g_ptr_array_index (new_ids, i - 1) : NULL;
          guint j;

          if (g_ptr_array_find_with_equal_func (old_ids, id, g_str_equal, &j) && j > 0)
            before = g_ptr_array_index (old_ids, j - 1);
          position->field = g_strdup ("position");
          position->old_value = string_node (before);
          position->new_value = string_node (after);
          if (after != NULL)
            {
              g_autofree char *name = ref_name (d, collection, after);

              position->text = g_strdup_printf (_("moved after %s"), name);
            }
          else
            position->text = g_strdup (_("moved to the top"));
          g_ptr_array_add (change->fields, position);
        }
      if (change->fields->len == 0)
        {
          rollout_change_free (change);
          continue;
        }
      {
        /* Named as it was: "Task ‘Write FAQ’: renamed to ‘Write help’". */
        g_autofree char *label = label_for (collection, old_object);

        change->text = change_line (label, change->fields);
      }
      g_ptr_array_add (changes, change);
    }

  for (guint i = 0; i < old_ids->len; i++)
    {
      const char *id = g_ptr_array_index (old_ids, i);
      g_autoptr(JsonNode) old_object = NULL;
      RolloutChange *change;

      if (g_hash_table_contains (new_index, id))
        continue;
      old_object = rollout_json_to_node (g_hash_table_lookup (old_index, id));
      change = change_new (ROLLOUT_CHANGE_REMOVED, collection, old_object, NULL);
      change->text = removed_text (collection, old_object);
      g_ptr_array_add (changes, change);
    }
}

/* Public API --------------------------------------------------------------- */

/**
 * rollout_diff_projects:
 * @old_project: the earlier version
 * @new_project: the later version
 *
 * Compares two versions of a plan object by object: the plan's own fields
 * first, then teams, phases, tasks, risks, metrics and feedback, each in the
 * later version's order with removed objects after.
 *
 * Returns: (transfer full) (element-type RolloutChange): the changes; empty
 *   when the two are the same plan
 */
GPtrArray *
rollout_diff_projects (RolloutProject *old_project,
                       RolloutProject *new_project)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_change_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RolloutJsonDocument) old_document = NULL;
  g_autoptr(RolloutJsonDocument) new_document = NULL;
  g_autoptr(JsonNode) old_plan = NULL;
  g_autoptr(JsonNode) new_plan = NULL;
  const RolloutJsonValue *old_root, *new_root;
  Describe d = { old_project, new_project, parts };
  g_autoptr(GPtrArray) plan_fields = NULL;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (old_project), changes);
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (new_project), changes);

  old_document = _rollout_project_to_document (old_project);
  new_document = _rollout_project_to_document (new_project);
  old_root = rollout_json_document_get_root (old_document);
  new_root = rollout_json_document_get_root (new_document);
  old_plan = _rollout_plan_to_json (old_root);
  new_plan = _rollout_plan_to_json (new_root);

  plan_fields = object_field_changes (&d, C_PLAN, old_plan, new_plan);
  if (plan_fields->len > 0)
    {
      RolloutChange *change = change_new (ROLLOUT_CHANGE_MODIFIED, C_PLAN, NULL, NULL);

      g_ptr_array_unref (change->fields);
      change->fields = g_steal_pointer (&plan_fields);
      change->text = change_line (_("Plan"), change->fields);
      g_ptr_array_add (changes, change);
    }

  for (int c = 0; c < ROLLOUT_DIFF_N_COLLECTIONS; c++)
    diff_collection (&d, changes, c, rollout_json_object_get (old_root, _rollout_diff_collections[c]),
                     rollout_json_object_get (new_root, _rollout_diff_collections[c]));
  return changes;
}

/**
 * rollout_diff_to_text:
 * @changes: (element-type RolloutChange): what rollout_diff_projects() found
 *
 * One line per change. Added and removed feedback entries, which have no
 * names, are counted on one line each ("Added feedback (3)").
 *
 * Returns: (transfer full): the lines, each ending in a newline; empty when
 *   there are no changes
 */
char *
rollout_diff_to_text (GPtrArray *changes)
{
  GString *out = g_string_new (NULL);
  guint added_feedback = 0, removed_feedback = 0;
  gboolean added_written = FALSE, removed_written = FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      RolloutChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->collection, "feedback") != 0)
        continue;
      added_feedback += change->kind == ROLLOUT_CHANGE_ADDED;
      removed_feedback += change->kind == ROLLOUT_CHANGE_REMOVED;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      RolloutChange *change = g_ptr_array_index (changes, i);
      gboolean feedback = g_strcmp0 (change->collection, "feedback") == 0;

      if (feedback && change->kind == ROLLOUT_CHANGE_ADDED)
        {
          if (!added_written)
            g_string_append_printf (out, _("Added feedback (%u)"), added_feedback);
          else
            continue;
          added_written = TRUE;
        }
      else if (feedback && change->kind == ROLLOUT_CHANGE_REMOVED)
        {
          if (!removed_written)
            g_string_append_printf (out, _("Removed feedback (%u)"), removed_feedback);
          else
            continue;
          removed_written = TRUE;
        }
      else
        g_string_append (out, change->text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static const char *
kind_nick (RolloutChangeKind kind)
{
  switch (kind)
    {
    case ROLLOUT_CHANGE_ADDED:
      return "added";
    case ROLLOUT_CHANGE_REMOVED:
      return "removed";
    case ROLLOUT_CHANGE_MODIFIED:
    default:
      return "modified";
    }
}

static void
add_node_member (JsonBuilder *builder,
                 const char  *name,
                 JsonNode    *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_value (builder, json_node_copy (value));
  else
    json_builder_add_null_value (builder);
}

/**
 * rollout_diff_to_json:
 * @changes: (element-type RolloutChange): what rollout_diff_projects() found
 *
 * The changes as a JSON array, one object per change: `change` ("added",
 * "removed" or "modified"), `collection` and `id` (absent for the plan's
 * own fields), `name`, `text`, and either `fields` (each with `field`,
 * `old`, `new` and `text`; `null` stands for absent) or, for added and
 * removed objects, the object itself as `new` or `old`.
 *
 * Returns: (transfer full): the array
 */
JsonNode *
rollout_diff_to_json (GPtrArray *changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      RolloutChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "change");
      json_builder_add_string_value (builder, kind_nick (change->kind));
      if (change->collection != NULL)
        {
          json_builder_set_member_name (builder, "collection");
          json_builder_add_string_value (builder, change->collection);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, change->id);
        }
      if (change->name != NULL)
        {
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, change->name);
        }
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, change->text);
      if (change->kind == ROLLOUT_CHANGE_ADDED)
        add_node_member (builder, "new", change->new_value);
      else if (change->kind == ROLLOUT_CHANGE_REMOVED)
        add_node_member (builder, "old", change->old_value);
      else
        {
          json_builder_set_member_name (builder, "fields");
          json_builder_begin_array (builder);
          for (guint f = 0; f < change->fields->len; f++)
            {
              RolloutFieldChange *field = g_ptr_array_index (change->fields, f);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "field");
              json_builder_add_string_value (builder, field->field);
              add_node_member (builder, "old", field->old_value);
              add_node_member (builder, "new", field->new_value);
              json_builder_set_member_name (builder, "text");
              json_builder_add_string_value (builder, field->text);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/**
 * rollout_diff_label:
 * @collection: (nullable): "tasks", "risks"…; %NULL for the plan itself
 * @object: (nullable): the object, as written in the file
 *
 * Returns: (transfer full): how people call the object: "Task ‘Write FAQ’",
 *   "Milestone ‘Pilot complete’", "Risk ‘No-shows’", "Plan"
 */
char *
rollout_diff_label (const char *collection,
                    JsonNode   *object)
{
  return label_for (_rollout_diff_collection_index (collection), object);
}

/**
 * rollout_diff_field_label:
 * @collection: (nullable): "teams", "phases", "tasks", "risks", "metrics",
 *   "feedback", or %NULL for a member of the plan itself
 * @field: a member as the file names it, "depends_on"
 *
 * Returns: (transfer full): the field in words, translated ("depends on"
 *   becomes the label a person reads); a member this version does not
 *   know keeps its name, its underscores as spaces
 */
char *
rollout_diff_field_label (const char *collection,
                          const char *field)
{
  const FieldInfo *info;
  char *words;

  g_return_val_if_fail (field != NULL, NULL);

  info = field_info (_rollout_diff_collection_index (collection), field);
  if (info != NULL)
    return g_strdup (_(info->label));
  words = g_strdup (field);
  g_strdelimit (words, "_", ' ');
  return words;
}

/**
 * rollout_diff_describe_field:
 * @old_project: (nullable): the earlier version, to name referenced objects
 * @new_project: (nullable): the later version, likewise
 * @collection: (nullable): the object's collection; %NULL for the plan
 * @field: the member, as written in the file
 * @old_value: (nullable): its value before; %NULL when absent
 * @new_value: (nullable): its value after
 *
 * Returns: (transfer full) (nullable): the change in words ("likelihood
 *   2 → 4", "now depends on ‘Write FAQ’"), or %NULL when the values are
 *   the same
 */
char *
rollout_diff_describe_field (RolloutProject *old_project,
                             RolloutProject *new_project,
                             const char     *collection,
                             const char     *field,
                             JsonNode       *old_value,
                             JsonNode       *new_value)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  Describe d = { old_project, new_project, parts };

  g_return_val_if_fail (field != NULL, NULL);

  if (_rollout_json_equal (old_value, new_value))
    return NULL;
  describe_field_into (&d, _rollout_diff_collection_index (collection), field, old_value, new_value);
  return join_parts (parts, 0, "; ");
}

/**
 * rollout_diff_describe_object:
 * @old_project: (nullable): the earlier version, to name referenced objects
 * @new_project: (nullable): the later version, likewise
 * @collection: (nullable): the object's collection; %NULL for the plan
 * @old_object: (nullable): the object before; %NULL when it was added
 * @new_object: (nullable): the object after; %NULL when it was removed
 *
 * Returns: (transfer full) (nullable): what changed, in words, fields
 *   separated by "; ", or %NULL when nothing did
 */
char *
rollout_diff_describe_object (RolloutProject *old_project,
                              RolloutProject *new_project,
                              const char     *collection,
                              JsonNode       *old_object,
                              JsonNode       *new_object)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = NULL;
  Describe d = { old_project, new_project, parts };
  int c = _rollout_diff_collection_index (collection);
  GString *out;

  if (_rollout_json_equal (old_object, new_object))
    return NULL;
  if (old_object == NULL)
    return added_text (&d, c, new_object);
  if (new_object == NULL)
    return removed_text (c, old_object);

  fields = object_field_changes (&d, c, old_object, new_object);
  out = g_string_new (NULL);
  for (guint i = 0; i < fields->len; i++)
    {
      RolloutFieldChange *field = g_ptr_array_index (fields, i);

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, field->text);
    }
  return g_string_free (out, FALSE);
}
