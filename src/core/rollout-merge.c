/* rollout-merge.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Three-way merge of plans.
 *
 * The three versions are written in canonical form and parsed, so known and
 * unknown members merge alike. Objects are matched by id in each
 * collection and compared as parsed; only those changed on both sides are
 * turned into json-glib trees and merged member by member: within an
 * object every member is a field. A field
 * changed on one side only takes that side's value; changed on both sides
 * to the same value, that value; changed differently, it is merged deeper
 * where that makes sense — sub-objects member by member, lists element by
 * element (a dependency is matched by its task, a checklist item by its
 * text, tags by their value) — and is otherwise a conflict. Order is merged
 * too: an object that kept its place relative to the others (a longest
 * common subsequence with the base) stays in the base order; an object one
 * side added or moved goes after the object it follows on that side, after
 * anything the other side put there.
 *
 * The plan's "modified" time, which every save sets, takes the later of the
 * two instead of being a conflict.
 *
 * A conflict never loses an edit: the merged plan holds ours, and the
 * conflict record keeps the base, ours and theirs. Then the merged plan is
 * checked for meaning. An object deleted on one side that the other side
 * still refers to is kept (a reference conflict); dependencies from both
 * sides that together form a cycle are broken by leaving out theirs (a
 * cycle conflict). The result is read back through the file reader, so the
 * merged plan is always a valid plan; its conflicts live in a top-level
 * "conflicts" list that the validator reports until each is resolved by
 * picking a side (rollout_merge_resolve(), which changes the plan in
 * place so that views bound to it follow).
 */

#define G_LOG_DOMAIN "rollout-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rollout-diff-private.h"
#include "rollout-file-private.h"
#include "rollout-json.h"
#include "rollout-merge.h"

#define B ROLLOUT_MERGE_BASE
#define O ROLLOUT_MERGE_OURS
#define T ROLLOUT_MERGE_THEIRS

enum {
  C_PLAN = -1,
  C_TEAMS,
  C_PHASES,
  C_TASKS,
  C_RISKS,
  C_METRICS,
  C_FEEDBACK,
  N_COLLECTIONS
};

/* A merged object: one side's, as parsed, or a new tree. Most objects are
 * the same on all sides, or changed on one side only: they are compared and
 * copied as parsed, never turned into json-glib trees. */
typedef struct {
  const RolloutJsonValue *value;
  JsonNode               *node;
} Item;

typedef struct {
  int          index;
  GPtrArray   *ids[3];      /* borrowed from the documents, in list order */
  GHashTable  *objects[3];  /* id → const RolloutJsonValue, borrowed */
  GHashTable  *result;      /* id → Item, owned: the merged objects */
  GPtrArray   *order;       /* the merged order, ids borrowed */
} Collection;

typedef struct {
  RolloutProject      *projects[3];
  RolloutJsonDocument *documents[3];
  Collection           collections[N_COLLECTIONS];
  GPtrArray           *conflicts;       /* of RolloutConflict */
  GHashTable          *conflict_index;  /* "collection\x1fid\x1ffield" → RolloutConflict */
} Merge;

/* Conflict records ------------------------------------------------------- */

/* Ours first, so that ours decides the order of what is new. */
static const int side_order[] = { ROLLOUT_MERGE_OURS, ROLLOUT_MERGE_THEIRS, ROLLOUT_MERGE_BASE };

static const char *kind_nicks[] = { "edit", "delete", "order", "cycle", "reference" };
static const char *change_nicks[] = { "unchanged", "edited", "added", "deleted", "moved" };
static const char *side_names[] = { "base", "ours", "theirs" };

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

RolloutConflict *
rollout_conflict_copy (const RolloutConflict *conflict)
{
  RolloutConflict *copy = g_new0 (RolloutConflict, 1);

  copy->kind = conflict->kind;
  copy->collection = g_strdup (conflict->collection);
  copy->id = g_strdup (conflict->id);
  copy->name = g_strdup (conflict->name);
  copy->field = g_strdup (conflict->field);
  for (int s = 0; s < 3; s++)
    {
      copy->values[s] = conflict->values[s] ? json_node_copy (conflict->values[s]) : NULL;
      copy->changes[s] = conflict->changes[s];
      copy->after[s] = g_strdup (conflict->after[s]);
    }
  copy->message = g_strdup (conflict->message);
  return copy;
}

void
rollout_conflict_free (RolloutConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->collection);
  g_free (conflict->id);
  g_free (conflict->name);
  g_free (conflict->field);
  for (int s = 0; s < 3; s++)
    {
      node_unref (conflict->values[s]);
      g_free (conflict->after[s]);
    }
  g_free (conflict->message);
  g_free (conflict);
}

G_DEFINE_BOXED_TYPE (RolloutConflict, rollout_conflict, rollout_conflict_copy, rollout_conflict_free)

static gboolean
whole_object (const RolloutConflict *conflict)
{
  return conflict->kind == ROLLOUT_CONFLICT_DELETE || conflict->kind == ROLLOUT_CONFLICT_REFERENCE;
}

/**
 * rollout_conflict_to_json:
 * @conflict: a #RolloutConflict
 *
 * The conflict as it is written in a plan's "conflicts" list: `kind`
 * ("edit", "delete", "order", "cycle" or "reference"), `collection`, `id`
 * and `name` (absent for the plan's own fields), `field` (absent for a
 * whole object), `base`, `ours` and `theirs` (each absent when absent),
 * `ours_change` and `theirs_change` ("unchanged", "edited", "added",
 * "deleted" or "moved"), `after` (for whole objects) and `message`.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
rollout_conflict_to_json (const RolloutConflict *conflict)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  json_object_set_string_member (object, "kind", kind_nicks[conflict->kind]);
  if (conflict->collection != NULL)
    {
      json_object_set_string_member (object, "collection", conflict->collection);
      json_object_set_string_member (object, "id", conflict->id);
    }
  if (conflict->name != NULL)
    json_object_set_string_member (object, "name", conflict->name);
  if (conflict->field != NULL)
    json_object_set_string_member (object, "field", conflict->field);
  for (int s = B; s <= T; s++)
    if (conflict->values[s] != NULL)
      json_object_set_member (object, side_names[s], json_node_copy (conflict->values[s]));
  json_object_set_string_member (object, "ours_change", change_nicks[conflict->changes[O]]);
  json_object_set_string_member (object, "theirs_change", change_nicks[conflict->changes[T]]);
  if (whole_object (conflict))
    {
      JsonObject *after = json_object_new ();

      for (int s = O; s <= T; s++)
        if (conflict->values[s] != NULL)
          {
            if (conflict->after[s] != NULL)
              json_object_set_string_member (after, side_names[s], conflict->after[s]);
            else
              json_object_set_null_member (after, side_names[s]);
          }
      json_object_set_object_member (object, "after", after);
    }
  json_object_set_string_member (object, "message", conflict->message);
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

static int
nick_index (const char  *nick,
            const char **nicks,
            guint        n)
{
  for (guint i = 0; nick != NULL && i < n; i++)
    if (strcmp (nick, nicks[i]) == 0)
      return i;
  return -1;
}

/**
 * rollout_conflict_new_from_json:
 * @node: a conflict as rollout_conflict_to_json() writes it
 *
 * Returns: (transfer full) (nullable): the conflict, or %NULL when @node is
 *   not one
 */
RolloutConflict *
rollout_conflict_new_from_json (JsonNode *node)
{
  g_autoptr(RolloutConflict) conflict = NULL;
  JsonObject *object;
  const char *collection, *id, *field, *message, *name;
  int kind, ours_change, theirs_change;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  kind = nick_index (_rollout_json_get_string (object, "kind"), kind_nicks, G_N_ELEMENTS (kind_nicks));
  collection = _rollout_json_get_string (object, "collection");
  id = _rollout_json_get_string (object, "id");
  name = _rollout_json_get_string (object, "name");
  field = _rollout_json_get_string (object, "field");
  message = _rollout_json_get_string (object, "message");
  ours_change = nick_index (_rollout_json_get_string (object, "ours_change"),
                            change_nicks, G_N_ELEMENTS (change_nicks));
  theirs_change = nick_index (_rollout_json_get_string (object, "theirs_change"),
                              change_nicks, G_N_ELEMENTS (change_nicks));

  if (kind < 0 || message == NULL || ours_change < 0 || theirs_change < 0)
    return NULL;
  if ((collection == NULL) != (id == NULL))
    return NULL;
  if (collection != NULL && _rollout_diff_collection_index (collection) == C_PLAN)
    return NULL;
  if ((field == NULL) != (kind == ROLLOUT_CONFLICT_DELETE || kind == ROLLOUT_CONFLICT_REFERENCE ||
                          kind == ROLLOUT_CONFLICT_ORDER))
    return NULL;
  if (collection == NULL && field == NULL)
    return NULL;

  conflict = g_new0 (RolloutConflict, 1);
  conflict->kind = kind;
  conflict->collection = g_strdup (collection);
  conflict->id = g_strdup (id);
  conflict->name = g_strdup (name);
  conflict->field = g_strdup (field);
  conflict->message = g_strdup (message);
  conflict->changes[O] = ours_change;
  conflict->changes[T] = theirs_change;
  for (int s = B; s <= T; s++)
    {
      JsonNode *value = json_object_get_member (object, side_names[s]);

      conflict->values[s] = value ? json_node_copy (value) : NULL;
    }
  if (json_object_has_member (object, "after"))
    {
      JsonNode *after = json_object_get_member (object, "after");

      if (!JSON_NODE_HOLDS_OBJECT (after))
        return NULL;
      for (int s = O; s <= T; s++)
        conflict->after[s] = g_strdup (_rollout_json_get_string (json_node_get_object (after), side_names[s]));
    }
  return g_steal_pointer (&conflict);
}

/* Helpers ------------------------------------------------------------------ */

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

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

static JsonNode *
id_node (const char *id)
{
  if (id == NULL)
    return json_node_init_null (json_node_alloc ());
  return json_node_init_string (json_node_alloc (), id);
}

static const char *
collection_name (int collection)
{
  return collection == C_PLAN ? NULL : _rollout_diff_collections[collection];
}

static const char *
object_title (int       collection,
              JsonNode *object)
{
  if (collection == C_RISKS)
    return member_string (object, "title");
  if (collection == C_FEEDBACK || collection == C_PLAN)
    return NULL;
  return member_string (object, "name");
}

static RolloutMergeChange
change_of (JsonNode *base,
           JsonNode *side)
{
  if (_rollout_json_equal (base, side))
    return ROLLOUT_MERGE_UNCHANGED;
  if (base == NULL)
    return ROLLOUT_MERGE_ADDED;
  if (side == NULL)
    return ROLLOUT_MERGE_DELETED;
  return ROLLOUT_MERGE_EDITED;
}

static char *
conflict_key (const char *collection,
              const char *id,
              const char *field)
{
  return g_strconcat (collection ? collection : "", "\x1f", id ? id : "", "\x1f", field ? field : "", NULL);
}

static RolloutConflict *
find_conflict (Merge      *m,
               int         collection,
               const char *id,
               const char *field)
{
  g_autofree char *key = conflict_key (collection_name (collection), id, field);

  return g_hash_table_lookup (m->conflict_index, key);
}

static RolloutConflict *
add_conflict (Merge               *m,
              RolloutConflictKind  kind,
              int                  collection,
              const char          *id,
              const char          *name,
              const char          *field)
{
  RolloutConflict *conflict = g_new0 (RolloutConflict, 1);

  conflict->kind = kind;
  conflict->collection = g_strdup (collection_name (collection));
  conflict->id = g_strdup (id);
  conflict->name = g_strdup (name);
  conflict->field = g_strdup (field);
  g_ptr_array_add (m->conflicts, conflict);
  g_hash_table_insert (m->conflict_index,
                       conflict_key (conflict->collection, id, field), conflict);
  return conflict;
}

static Item *
item_new_value (const RolloutJsonValue *value)
{
  Item *item = g_new0 (Item, 1);

  item->value = value;
  return item;
}

static Item *
item_new_node (JsonNode *node)
{
  Item *item = g_new0 (Item, 1);

  item->node = node;
  return item;
}

static void
item_free (Item *item)
{
  node_unref (item->node);
  g_free (item);
}

static JsonNode *
item_to_node (Item *item)
{
  return item->node ? json_node_ref (item->node) : rollout_json_to_node (item->value);
}

static const char *
item_string (Item       *item,
             const char *key)
{
  if (item->node != NULL)
    return member_string (item->node, key);
  return _rollout_json_value_member_string (item->value, key);
}

static const char *
title_member (int collection)
{
  return collection == C_RISKS ? "title" : collection == C_FEEDBACK ? NULL : "name";
}

static const char *
value_title (int                     collection,
             const RolloutJsonValue *value)
{
  const char *key = title_member (collection);

  return key ? _rollout_json_value_member_string (value, key) : NULL;
}

static JsonNode *
value_node (const RolloutJsonValue *value)
{
  return value ? rollout_json_to_node (value) : NULL;
}

static RolloutMergeChange
value_change_of (const RolloutJsonValue *base,
                 const RolloutJsonValue *side)
{
  if (_rollout_json_value_equal (base, side))
    return ROLLOUT_MERGE_UNCHANGED;
  if (base == NULL)
    return ROLLOUT_MERGE_ADDED;
  if (side == NULL)
    return ROLLOUT_MERGE_DELETED;
  return ROLLOUT_MERGE_EDITED;
}

/* "Task ‘Write FAQ’", from whichever version has the object. */
static char *
label_of (Merge      *m,
          int         collection,
          const char *id)
{
  g_autoptr(JsonNode) object = NULL;
  Item *item;

  if (collection == C_PLAN)
    return rollout_diff_label (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (side_order) && object == NULL; i++)
    object = value_node (g_hash_table_lookup (m->collections[collection].objects[side_order[i]], id));
  if (object == NULL && (item = g_hash_table_lookup (m->collections[collection].result, id)) != NULL)
    object = item_to_node (item);
  return rollout_diff_label (collection_name (collection), object);
}

static char *
describe_change (Merge      *m,
                 int         side,
                 int         collection,
                 const char *field,
                 JsonNode   *base,
                 JsonNode   *value)
{
  char *text = rollout_diff_describe_field (m->projects[B], m->projects[side], collection_name (collection),
                                            field, base, value);

  return text ? text : g_strdup (_("unchanged"));
}

/* Sequences ---------------------------------------------------------------- */

typedef struct _SeqNode SeqNode;
struct _SeqNode {
  const char *key;
  SeqNode    *next;
  int         origin;   /* B: kept in the base order; O or T: placed by that side */
};

/* For each key of @keys that is in @present: the nearest key before it in
 * @keys that is in @present too (NULL: none). */
static GHashTable *
present_predecessors (GPtrArray  *keys,
                      GHashTable *present)
{
  GHashTable *predecessors = g_hash_table_new (g_str_hash, g_str_equal);
  const char *previous = NULL;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (!g_hash_table_contains (present, key))
        continue;
      g_hash_table_insert (predecessors, (gpointer) key, (gpointer) previous);
      previous = key;
    }
  return predecessors;
}

/* Merges three orders of keys. @present: the keys of the result. Keys that
 * kept their place on both sides keep the base order; then each side, the
 * preferred one first, places what it added or moved right after the key it
 * follows on that side (and after what the other side already put there).
 * Keys both sides moved, to different places, are added to @moved_twice.
 * Returns the merged order, keys borrowed. */
static GPtrArray *
merge_order (GPtrArray  *keys[3],
             GHashTable *present,
             int         prefer,
             GPtrArray  *moved_twice)
{
  g_autoptr(GHashTable) moved_ours = _rollout_moved_keys (keys[B], keys[O]);
  g_autoptr(GHashTable) moved_theirs = _rollout_moved_keys (keys[B], keys[T]);
  g_autoptr(GHashTable) in_base = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) nodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) storage = g_ptr_array_new_with_free_func (g_free);
  GHashTable *moved[3] = { NULL, moved_ours, moved_theirs };
  GPtrArray *order = g_ptr_array_new ();
  SeqNode head = { NULL, NULL, B };
  SeqNode *tail = &head;
  int sides[2] = { prefer, prefer == O ? T : O };

  for (guint i = 0; i < keys[B]->len; i++)
    g_hash_table_add (in_base, g_ptr_array_index (keys[B], i));

  for (guint i = 0; i < keys[B]->len; i++)
    {
      const char *key = g_ptr_array_index (keys[B], i);
      SeqNode *node;

      if (!g_hash_table_contains (present, key) ||
          g_hash_table_contains (moved_ours, key) || g_hash_table_contains (moved_theirs, key))
        continue;
      node = g_new0 (SeqNode, 1);
      node->key = key;
      node->origin = B;
      g_ptr_array_add (storage, node);
      g_hash_table_insert (nodes, (gpointer) key, node);
      tail->next = node;
      tail = node;
    }

  for (int w = 0; w < 2; w++)
    {
      int side = sides[w];
      int other = side == O ? T : O;
      SeqNode *last = &head;

      for (guint i = 0; i < keys[side]->len; i++)
        {
          const char *key = g_ptr_array_index (keys[side], i);
          SeqNode *node, *at;

          if (!g_hash_table_contains (present, key))
            continue;
          node = g_hash_table_lookup (nodes, key);
          if (node != NULL)
            {
              last = node;
              continue;
            }
          if (g_hash_table_contains (in_base, key) && !g_hash_table_contains (moved[side], key))
            continue;   /* the other side moved it; it places it */

          at = last;
          while (at->next != NULL && at->next->origin == other)
            at = at->next;
          node = g_new0 (SeqNode, 1);
          node->key = key;
          node->origin = side;
          node->next = at->next;
          at->next = node;
          g_ptr_array_add (storage, node);
          g_hash_table_insert (nodes, (gpointer) key, node);
          last = node;
        }
    }

  if (moved_twice != NULL)
    {
      g_autoptr(GHashTable) before_ours = present_predecessors (keys[O], present);
      g_autoptr(GHashTable) before_theirs = present_predecessors (keys[T], present);

      for (guint i = 0; i < keys[O]->len; i++)
        {
          const char *key = g_ptr_array_index (keys[O], i);

          if (g_hash_table_contains (moved_ours, key) && g_hash_table_contains (moved_theirs, key) &&
              g_hash_table_contains (present, key) &&
              g_strcmp0 (g_hash_table_lookup (before_ours, key), g_hash_table_lookup (before_theirs, key)) != 0)
            g_ptr_array_add (moved_twice, (gpointer) key);
        }
    }

  for (SeqNode *node = head.next; node != NULL; node = node->next)
    g_ptr_array_add (order, (gpointer) node->key);
  return order;
}

/* Values ----------------------------------------------------------------- */

typedef struct {
  Merge *m;
  int    prefer;     /* O or T: whose value a conflict takes */
  guint  conflicts;  /* how many were met */
} ValueMerge;

static JsonNode *merge_value (ValueMerge *vm,
                              const char *path,
                              JsonNode   *base,
                              JsonNode   *ours,
                              JsonNode   *theirs);

/* Keys of three objects: ours in order, then theirs', then the base's. */
static GPtrArray *
union_keys (JsonNode *nodes[3])
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *keys = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (side_order); i++)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      if (nodes[side_order[i]] == NULL)
        continue;
      json_object_iter_init_ordered (&iter, json_node_get_object (nodes[side_order[i]]));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (g_hash_table_add (seen, (gpointer) key))
          g_ptr_array_add (keys, (gpointer) key);
    }
  return keys;
}

static JsonNode *
merge_members (ValueMerge *vm,
               const char *path,
               JsonNode   *base,
               JsonNode   *ours,
               JsonNode   *theirs)
{
  JsonNode *nodes[3] = { base, ours, theirs };
  g_autoptr(GPtrArray) keys = union_keys (nodes);
  JsonObject *result = json_object_new ();

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *sub = g_strconcat (path, ".", key, NULL);
      JsonNode *value = merge_value (vm, sub, member (base, key), member (ours, key), member (theirs, key));

      if (value != NULL)
        json_object_set_member (result, key, value);
    }
  return object_node (result);
}

/* Merges lists element by element; NULL when they cannot be matched so. */
static JsonNode *
merge_list (ValueMerge *vm,
            const char *path,
            JsonNode   *base,
            JsonNode   *ours,
            JsonNode   *theirs)
{
  const char * const *members = _rollout_diff_list_key (path);
  g_autoptr(JsonArray) empty = json_array_new ();
  JsonNode *nodes[3] = { base, ours, theirs };
  GPtrArray *keys[3] = { NULL, NULL, NULL };
  GHashTable *elements[3] = { NULL, NULL, NULL };
  g_autoptr(GHashTable) merged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) moved_twice = g_ptr_array_new ();
  JsonArray *result;
  JsonNode *node = NULL;

  for (int s = B; s <= T; s++)
    {
      JsonArray *array = nodes[s] ? json_node_get_array (nodes[s]) : empty;

      keys[s] = _rollout_json_element_keys (array, members);
      if (keys[s] == NULL)
        goto out;
      elements[s] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < keys[s]->len; i++)
        g_hash_table_insert (elements[s], g_ptr_array_index (keys[s], i), json_array_get_element (array, i));
    }

  for (guint o = 0; o < G_N_ELEMENTS (side_order); o++)
    for (guint i = 0; i < keys[side_order[o]]->len; i++)
      {
        const char *key = g_ptr_array_index (keys[side_order[o]], i);
        JsonNode *value;

        if (g_hash_table_contains (merged, key))
          continue;
        value = merge_value (vm, path, g_hash_table_lookup (elements[B], key),
                             g_hash_table_lookup (elements[O], key),
                             g_hash_table_lookup (elements[T], key));
        if (value != NULL)
          g_hash_table_insert (merged, (gpointer) key, value);
      }

  order = merge_order (keys, merged, vm->prefer, moved_twice);
  vm->conflicts += moved_twice->len;
  result = json_array_sized_new (order->len);
  for (guint i = 0; i < order->len; i++)
    json_array_add_element (result, json_node_ref (g_hash_table_lookup (merged, g_ptr_array_index (order, i))));
  node = array_node (result);

out:
  for (int s = B; s <= T; s++)
    {
      g_clear_pointer (&keys[s], g_ptr_array_unref);
      g_clear_pointer (&elements[s], g_hash_table_unref);
    }
  return node;
}

static JsonNode *
merge_value (ValueMerge *vm,
             const char *path,
             JsonNode   *base,
             JsonNode   *ours,
             JsonNode   *theirs)
{
  if (_rollout_json_equal (ours, theirs))
    return node_ref (ours);
  if (_rollout_json_equal (base, ours))
    return node_ref (theirs);
  if (_rollout_json_equal (base, theirs))
    return node_ref (ours);

  if (ours != NULL && theirs != NULL && JSON_NODE_HOLDS_OBJECT (ours) && JSON_NODE_HOLDS_OBJECT (theirs) &&
      (base == NULL || JSON_NODE_HOLDS_OBJECT (base)))
    return merge_members (vm, path, base, ours, theirs);

  if (ours != NULL && theirs != NULL && JSON_NODE_HOLDS_ARRAY (ours) && JSON_NODE_HOLDS_ARRAY (theirs) &&
      (base == NULL || JSON_NODE_HOLDS_ARRAY (base)))
    {
      JsonNode *merged = merge_list (vm, path, base, ours, theirs);

      if (merged != NULL)
        return merged;
    }

  vm->conflicts++;
  return node_ref (vm->prefer == T ? theirs : ours);
}

/* Fields and objects -------------------------------------------------------- */

/* Merges one member of an object (or of the plan) and records a conflict
 * when the sides disagree. Returns the merged value (NULL: absent). */
static JsonNode *
merge_field (Merge      *m,
             int         collection,
             const char *id,
             JsonNode   *object,
             const char *field,
             JsonNode   *base,
             JsonNode   *ours,
             JsonNode   *theirs)
{
  g_autofree char *path = g_strconcat (collection == C_PLAN ? "plan" : collection_name (collection),
                                       ".", field, NULL);
  ValueMerge vm = { m, O, 0 };
  ValueMerge alternative = { m, T, 0 };
  JsonNode *value;
  RolloutConflict *conflict;
  g_autofree char *label = NULL;
  g_autofree char *ours_text = NULL;
  g_autofree char *theirs_text = NULL;

  /* Every save stamps the time: keep the later one rather than ask. */
  if (collection == C_PLAN && strcmp (field, "modified") == 0 && ours != NULL && theirs != NULL &&
      !_rollout_json_equal (base, ours) && !_rollout_json_equal (base, theirs))
    {
      const char *a = json_node_get_string (ours), *b = json_node_get_string (theirs);

      return node_ref (g_strcmp0 (a, b) >= 0 ? ours : theirs);
    }

  value = merge_value (&vm, path, base, ours, theirs);
  if (vm.conflicts == 0)
    return value;

  conflict = add_conflict (m, ROLLOUT_CONFLICT_EDIT, collection, id, object_title (collection, object), field);
  conflict->values[B] = node_ref (base);
  conflict->values[O] = node_ref (value);
  conflict->values[T] = merge_value (&alternative, path, base, ours, theirs);
  conflict->changes[O] = change_of (base, ours);
  conflict->changes[T] = change_of (base, theirs);

  label = label_of (m, collection, id);
  ours_text = describe_change (m, O, collection, field, base, ours);
  theirs_text = describe_change (m, T, collection, field, base, theirs);
  if (collection != C_PLAN && g_hash_table_lookup (m->collections[collection].objects[B], id) == NULL)
    conflict->message = g_strdup_printf (_("%s: added on both sides, differently — ours: %s; theirs: %s; "
                                           "the merged plan keeps ours"), label, ours_text, theirs_text);
  else
    conflict->message = g_strdup_printf (_("%s: changed on both sides — ours: %s; theirs: %s; "
                                           "the merged plan keeps ours"), label, ours_text, theirs_text);
  return value;
}

static gboolean
is_collection_key (const char *key)
{
  return _rollout_diff_collection_index (key) != C_PLAN;
}

/* Merges an object (or the plan's own members) field by field. */
static JsonNode *
merge_object (Merge      *m,
              int         collection,
              const char *id,
              JsonNode   *base,
              JsonNode   *ours,
              JsonNode   *theirs)
{
  JsonNode *nodes[3] = { base, ours, theirs };
  g_autoptr(GPtrArray) keys = union_keys (nodes);
  JsonObject *result = json_object_new ();
  JsonNode *object = ours ? ours : theirs;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      JsonNode *value;

      if (collection == C_PLAN && (is_collection_key (key) || strcmp (key, ROLLOUT_MERGE_CONFLICTS_MEMBER) == 0))
        continue;
      value = merge_field (m, collection, id, object, key, member (base, key), member (ours, key),
                           member (theirs, key));
      if (value != NULL)
        json_object_set_member (result, key, value);
    }
  return object_node (result);
}

static const char *
predecessor (GPtrArray  *ids,
             const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (strcmp (g_ptr_array_index (ids, i), id) == 0)
      return i > 0 ? g_ptr_array_index (ids, i - 1) : NULL;
  return NULL;
}

/* The nearest object before @id in @ids that is also in @present. */
static const char *
present_predecessor (GPtrArray  *ids,
                     GHashTable *present,
                     const char *id)
{
  const char *previous = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *key = g_ptr_array_index (ids, i);

      if (strcmp (key, id) == 0)
        return previous;
      if (g_hash_table_contains (present, key))
        previous = key;
    }
  return NULL;
}

static void
set_whole_object_values (Merge           *m,
                         Collection      *c,
                         RolloutConflict *conflict,
                         const char      *id)
{
  for (int s = B; s <= T; s++)
    {
      const RolloutJsonValue *value = g_hash_table_lookup (c->objects[s], id);

      node_unref (conflict->values[s]);
      conflict->values[s] = value_node (value);
      g_free (conflict->after[s]);
      conflict->after[s] = value && s != B ? g_strdup (predecessor (c->ids[s], id)) : NULL;
    }
  conflict->changes[O] = value_change_of (g_hash_table_lookup (c->objects[B], id),
                                          g_hash_table_lookup (c->objects[O], id));
  conflict->changes[T] = value_change_of (g_hash_table_lookup (c->objects[B], id),
                                          g_hash_table_lookup (c->objects[T], id));
}

static void
add_delete_conflict (Merge      *m,
                     int         index,
                     const char *id)
{
  Collection *c = &m->collections[index];
  const RolloutJsonValue *base = g_hash_table_lookup (c->objects[B], id);
  gboolean ours_deleted = g_hash_table_lookup (c->objects[O], id) == NULL;
  RolloutConflict *conflict = add_conflict (m, ROLLOUT_CONFLICT_DELETE, index, id,
                                            value_title (index, base), NULL);
  g_autofree char *label = label_of (m, index, id);
  g_autofree char *edit = NULL;
  int editor = ours_deleted ? T : O;

  set_whole_object_values (m, c, conflict, id);
  edit = rollout_diff_describe_object (m->projects[B], m->projects[editor], collection_name (index),
                                       conflict->values[B], conflict->values[editor]);
  if (ours_deleted)
    conflict->message = g_strdup_printf (_("%s: deleted by ours, changed by theirs (%s); "
                                           "the merged plan leaves it out"), label, edit);
  else
    conflict->message = g_strdup_printf (_("%s: deleted by theirs, changed by ours (%s); "
                                           "the merged plan keeps ours"), label, edit);
}

static void
merge_collection (Merge *m,
                  int    index)
{
  Collection *c = &m->collections[index];
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint o = 0; o < G_N_ELEMENTS (side_order); o++)
    for (guint i = 0; i < c->ids[side_order[o]]->len; i++)
      {
        const char *id = g_ptr_array_index (c->ids[side_order[o]], i);
        const RolloutJsonValue *base = g_hash_table_lookup (c->objects[B], id);
        const RolloutJsonValue *ours = g_hash_table_lookup (c->objects[O], id);
        const RolloutJsonValue *theirs = g_hash_table_lookup (c->objects[T], id);
        const RolloutJsonValue *taken;

        if (!g_hash_table_add (seen, (gpointer) id))
          continue;

        if (_rollout_json_value_equal (ours, theirs))
          taken = ours;
        else if (_rollout_json_value_equal (base, ours))
          taken = theirs;
        else if (_rollout_json_value_equal (base, theirs))
          taken = ours;
        else if (base != NULL && (ours == NULL || theirs == NULL))
          {
            add_delete_conflict (m, index, id);
            taken = ours;
          }
        else
          {
            g_autoptr(JsonNode) b = value_node (base);
            g_autoptr(JsonNode) x = value_node (ours);
            g_autoptr(JsonNode) y = value_node (theirs);

            g_hash_table_insert (c->result, (gpointer) id,
                                 item_new_node (merge_object (m, index, id, b, x, y)));
            continue;
          }

        if (taken != NULL)
          g_hash_table_insert (c->result, (gpointer) id, item_new_value (taken));
      }
}

/* References --------------------------------------------------------------- */

typedef void (*ReferenceFunc) (int         target,
                               const char *id,
                               gpointer    user_data);

/* Calls @func with each id in @item's list @key (or @key.@subkey): the
 * elements themselves, or their member @element_key. */
static void
each_listed (Item          *item,
             const char    *key,
             const char    *subkey,
             const char    *element_key,
             int            target,
             ReferenceFunc  func,
             gpointer       user_data)
{
  if (item->node != NULL)
    {
      JsonNode *list = member (item->node, key);
      JsonArray *array;

      if (subkey != NULL)
        list = member (list, subkey);
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        return;
      array = json_node_get_array (list);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *id = NULL;

          if (element_key != NULL)
            id = member_string (element, element_key);
          else if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            id = json_node_get_string (element);
          if (id != NULL)
            func (target, id, user_data);
        }
    }
  else
    {
      const RolloutJsonValue *list = rollout_json_object_get (item->value, key);

      if (subkey != NULL && list != NULL && rollout_json_get_type (list) == ROLLOUT_JSON_OBJECT)
        list = rollout_json_object_get (list, subkey);
      if (list == NULL || rollout_json_get_type (list) != ROLLOUT_JSON_ARRAY)
        return;
      for (guint i = 0; i < rollout_json_get_length (list); i++)
        {
          const RolloutJsonValue *element = rollout_json_array_get (list, i);
          const char *id = NULL;

          if (element_key != NULL)
            id = _rollout_json_value_member_string (element, element_key);
          else if (rollout_json_get_type (element) == ROLLOUT_JSON_STRING)
            id = rollout_json_get_string (element);
          if (id != NULL)
            func (target, id, user_data);
        }
    }
}

static void
each_single (Item          *item,
             const char    *key,
             int            target,
             ReferenceFunc  func,
             gpointer       user_data)
{
  const char *id = item_string (item, key);

  if (id != NULL)
    func (target, id, user_data);
}

/* Calls @func for every object that @item, of @collection, refers to. */
static void
each_reference (int            collection,
                Item          *item,
                ReferenceFunc  func,
                gpointer       user_data)
{
  switch (collection)
    {
    case C_TASKS:
      each_single (item, "phase", C_PHASES, func, user_data);
      each_single (item, "team", C_TEAMS, func, user_data);
      each_listed (item, "depends_on", NULL, "task", C_TASKS, func, user_data);
      break;
    case C_PHASES:
      each_listed (item, "gate", "metrics", "metric", C_METRICS, func, user_data);
      each_listed (item, "gate", "required_signoffs", NULL, C_TEAMS, func, user_data);
      each_listed (item, "signoffs", NULL, "team", C_TEAMS, func, user_data);
      break;
    case C_RISKS:
      each_single (item, "phase", C_PHASES, func, user_data);
      each_listed (item, "tasks", NULL, NULL, C_TASKS, func, user_data);
      break;
    case C_METRICS:
      each_listed (item, "samples", NULL, "phase", C_PHASES, func, user_data);
      break;
    case C_FEEDBACK:
      each_single (item, "phase", C_PHASES, func, user_data);
      each_single (item, "task", C_TASKS, func, user_data);
      break;
    default:
      break;
    }
}

typedef struct {
  int         collection;
  const char *id;
} Pending;

typedef struct {
  Merge      *m;
  int         collection;   /* the referring object's */
  const char *id;
  GQueue     *queue;        /* of Pending: objects to check */
} ReferenceCheck;

/* Keeps an object that one side deleted while the other refers to it. */
static void
restore_referenced (int         target,
                    const char *id,
                    gpointer    user_data)
{
  ReferenceCheck *check = user_data;
  Merge *m = check->m;
  Collection *c = &m->collections[target];
  const RolloutJsonValue *ours = g_hash_table_lookup (c->objects[O], id);
  const RolloutJsonValue *theirs = g_hash_table_lookup (c->objects[T], id);
  const RolloutJsonValue *kept = ours ? ours : theirs;
  const char *key;
  RolloutConflict *conflict;
  g_autofree char *label = NULL;
  g_autofree char *referrer = NULL;
  Pending *pending;

  if (g_hash_table_contains (c->result, id) || kept == NULL)
    return;

  key = _rollout_json_value_member_string (kept, "id");
  g_hash_table_insert (c->result, (gpointer) key, item_new_value (kept));

  conflict = find_conflict (m, target, key, NULL);
  if (conflict == NULL)
    conflict = add_conflict (m, ROLLOUT_CONFLICT_REFERENCE, target, key, value_title (target, kept), NULL);
  conflict->kind = ROLLOUT_CONFLICT_REFERENCE;
  set_whole_object_values (m, c, conflict, key);

  label = label_of (m, target, key);
  referrer = label_of (m, check->collection, check->id);
  g_free (conflict->message);
  if (ours == NULL)
    conflict->message = g_strdup_printf (_("%s: deleted by ours, but theirs refers to it (from %s); "
                                           "the merged plan keeps it"), label, referrer);
  else
    conflict->message = g_strdup_printf (_("%s: deleted by theirs, but ours refers to it (from %s); "
                                           "the merged plan keeps it"), label, referrer);

  pending = g_new0 (Pending, 1);
  pending->collection = target;
  pending->id = key;
  g_queue_push_tail (check->queue, pending);
}

static void
keep_referenced_objects (Merge *m)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  Pending *pending;

  for (int c = 0; c < N_COLLECTIONS; c++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, m->collections[c].result);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          pending = g_new0 (Pending, 1);
          pending->collection = c;
          pending->id = key;
          g_queue_push_tail (queue, pending);
        }
    }

  while ((pending = g_queue_pop_head (queue)) != NULL)
    {
      ReferenceCheck check = { m, pending->collection, pending->id, queue };
      Item *item = g_hash_table_lookup (m->collections[pending->collection].result, pending->id);

      each_reference (pending->collection, item, restore_referenced, &check);
      g_free (pending);
    }
}

/* Cycles -------------------------------------------------------------------- */

typedef struct {
  GPtrArray  *ids;        /* task index → id */
  GHashTable *index;      /* id → task index + 1 */
  GArray    **edges;      /* task index → GArray of successor indices */
} Graph;

static void
graph_clear (Graph *g)
{
  for (guint i = 0; g->ids && i < g->ids->len; i++)
    g_array_unref (g->edges[i]);
  g_clear_pointer (&g->edges, g_free);
  g_clear_pointer (&g->index, g_hash_table_unref);
  g_clear_pointer (&g->ids, g_ptr_array_unref);
}

typedef struct {
  Graph *g;
  guint  from;
} EdgeAdder;

static void
add_edge (int         target,
          const char *id,
          gpointer    user_data)
{
  EdgeAdder *adder = user_data;
  guint j = GPOINTER_TO_UINT (g_hash_table_lookup (adder->g->index, id));

  if (j > 0)
    g_array_append_val (adder->g->edges[adder->from], (guint) { j - 1 });
}

/* Edges go from a task to the tasks it depends on. */
static void
graph_build (Graph      *g,
             Collection *tasks)
{
  g->ids = g_ptr_array_ref (tasks->order);
  g->index = g_hash_table_new (g_str_hash, g_str_equal);
  g->edges = g_new0 (GArray *, g->ids->len);
  for (guint i = 0; i < g->ids->len; i++)
    g_hash_table_insert (g->index, g_ptr_array_index (g->ids, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < g->ids->len; i++)
    {
      EdgeAdder adder = { g, i };

      g->edges[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      each_listed (g_hash_table_lookup (tasks->result, g_ptr_array_index (g->ids, i)),
                   "depends_on", NULL, "task", C_TASKS, add_edge, &adder);
    }
}

/* Strongly connected components (Tarjan, without recursion). Returns the
 * component number of each task, and sets *out_cyclic to a component with
 * more than one task, or -1. */
static guint *
graph_components (Graph *g,
                  int   *out_cyclic)
{
  guint n = g->ids->len;
  g_autofree guint *index = g_new0 (guint, n);
  g_autofree guint *low = g_new0 (guint, n);
  g_autofree gboolean *on_stack = g_new0 (gboolean, n);
  g_autofree guint *next_edge = g_new0 (guint, n);
  guint *component = g_new0 (guint, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) call = g_array_new (FALSE, FALSE, sizeof (guint));
  guint counter = 1, components = 0;

  *out_cyclic = -1;
  for (guint root = 0; root < n; root++)
    {
      if (index[root] != 0)
        continue;
      g_array_append_val (call, root);
      index[root] = low[root] = counter++;
      g_array_append_val (stack, root);
      on_stack[root] = TRUE;

      while (call->len > 0)
        {
          guint v = g_array_index (call, guint, call->len - 1);

          if (next_edge[v] < g->edges[v]->len)
            {
              guint w = g_array_index (g->edges[v], guint, next_edge[v]++);

              if (index[w] == 0)
                {
                  index[w] = low[w] = counter++;
                  g_array_append_val (stack, w);
                  on_stack[w] = TRUE;
                  g_array_append_val (call, w);
                }
              else if (on_stack[w])
                low[v] = MIN (low[v], index[w]);
              continue;
            }

          g_array_set_size (call, call->len - 1);
          if (call->len > 0)
            {
              guint parent = g_array_index (call, guint, call->len - 1);

              low[parent] = MIN (low[parent], low[v]);
            }
          if (low[v] == index[v])
            {
              guint size = 0, w;

              do
                {
                  w = g_array_index (stack, guint, stack->len - 1);
                  g_array_set_size (stack, stack->len - 1);
                  on_stack[w] = FALSE;
                  component[w] = components;
                  size++;
                }
              while (w != v);
              if (size > 1 && *out_cyclic < 0)
                *out_cyclic = components;
              components++;
            }
        }
    }
  return component;
}

/* A path from @from to @to inside one component, as task indices. */
static GArray *
graph_path (Graph *g,
            guint *component,
            guint  from,
            guint  to)
{
  guint n = g->ids->len;
  g_autofree guint *came_from = g_new (guint, n);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    came_from[i] = G_MAXUINT;
  came_from[from] = from;
  g_array_append_val (queue, from);
  for (guint head = 0; head < queue->len && came_from[to] == G_MAXUINT; head++)
    {
      guint v = g_array_index (queue, guint, head);

      for (guint e = 0; e < g->edges[v]->len; e++)
        {
          guint w = g_array_index (g->edges[v], guint, e);

          if (component[w] != component[from] || came_from[w] != G_MAXUINT)
            continue;
          came_from[w] = v;
          g_array_append_val (queue, w);
        }
    }
  for (guint v = to; ; v = came_from[v])
    {
      g_array_prepend_val (path, v);
      if (v == from || came_from[v] == G_MAXUINT)
        break;
    }
  return path;
}

static gboolean
ours_depends (Merge      *m,
              const char *task,
              const char *on)
{
  const RolloutJsonValue *ours = g_hash_table_lookup (m->collections[C_TASKS].objects[O], task);
  const RolloutJsonValue *deps = ours ? rollout_json_object_get (ours, "depends_on") : NULL;

  for (guint d = 0; deps != NULL && d < rollout_json_get_length (deps); d++)
    if (g_strcmp0 (_rollout_json_value_member_string (rollout_json_array_get (deps, d), "task"), on) == 0)
      return TRUE;
  return FALSE;
}

/* A copy of @task without its dependency on @on. */
static JsonNode *
without_dependency (JsonNode   *task,
                    const char *on)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, json_node_get_object (task));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      if (strcmp (key, "depends_on") == 0 && JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *deps = json_node_get_array (value);
          JsonArray *kept = json_array_new ();

          for (guint d = 0; d < json_array_get_length (deps); d++)
            {
              JsonNode *dep = json_array_get_element (deps, d);

              if (g_strcmp0 (member_string (dep, "task"), on) != 0)
                json_array_add_element (kept, json_node_ref (dep));
            }
          if (json_array_get_length (kept) > 0)
            json_object_set_member (copy, key, array_node (kept));
          else
            json_array_unref (kept);
          continue;
        }
      json_object_set_member (copy, key, json_node_ref (value));
    }
  return object_node (copy);
}

static void
break_cycle (Merge *m,
             Graph *g,
             guint *component,
             int    cyclic)
{
  Collection *tasks = &m->collections[C_TASKS];
  guint from = G_MAXUINT, to = G_MAXUINT, first_from = G_MAXUINT, first_to = G_MAXUINT;
  g_autoptr(GArray) path = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  const char *task_id, *on_id;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  RolloutConflict *conflict;
  g_autofree char *label = NULL;
  g_autofree char *on_name = NULL;

  /* Leave out a dependency that only theirs has: ours alone has no cycle,
   * so every cycle has one. */
  for (guint v = 0; v < g->ids->len && from == G_MAXUINT; v++)
    {
      if (component[v] != (guint) cyclic)
        continue;
      for (guint e = 0; e < g->edges[v]->len; e++)
        {
          guint w = g_array_index (g->edges[v], guint, e);

          if (component[w] != (guint) cyclic)
            continue;
          if (first_from == G_MAXUINT)
            {
              first_from = v;
              first_to = w;
            }
          if (!ours_depends (m, g_ptr_array_index (g->ids, v), g_ptr_array_index (g->ids, w)))
            {
              from = v;
              to = w;
              break;
            }
        }
    }
  if (from == G_MAXUINT)
    {
      from = first_from;
      to = first_to;
    }

  task_id = g_ptr_array_index (g->ids, from);
  on_id = g_ptr_array_index (g->ids, to);
  path = graph_path (g, component, to, from);
  for (guint i = 0; i < path->len; i++)
    {
      Item *step = g_hash_table_lookup (tasks->result, g_ptr_array_index (g->ids, g_array_index (path, guint, i)));

      g_string_append_printf (names, "‘%s’ → ", item_string (step, "name"));
    }
  g_string_append_printf (names, "‘%s’", item_string (g_hash_table_lookup (tasks->result, on_id), "name"));

  before = item_to_node (g_hash_table_lookup (tasks->result, task_id));
  after = without_dependency (before, on_id);

  conflict = find_conflict (m, C_TASKS, task_id, "depends_on");
  if (conflict == NULL)
    {
      g_autoptr(JsonNode) base = value_node (g_hash_table_lookup (tasks->objects[B], task_id));
      g_autoptr(JsonNode) ours = value_node (g_hash_table_lookup (tasks->objects[O], task_id));
      g_autoptr(JsonNode) theirs = value_node (g_hash_table_lookup (tasks->objects[T], task_id));

      conflict = add_conflict (m, ROLLOUT_CONFLICT_CYCLE, C_TASKS, task_id, member_string (before, "name"),
                               "depends_on");
      conflict->values[B] = node_ref (member (base, "depends_on"));
      conflict->values[T] = node_ref (member (before, "depends_on"));
      conflict->changes[O] = change_of (member (base, "depends_on"), member (ours, "depends_on"));
      conflict->changes[T] = change_of (member (base, "depends_on"), member (theirs, "depends_on"));
    }
  conflict->kind = ROLLOUT_CONFLICT_CYCLE;
  node_unref (conflict->values[O]);
  conflict->values[O] = node_ref (member (after, "depends_on"));

  label = label_of (m, C_TASKS, task_id);
  on_name = g_strdup_printf ("‘%s’", item_string (g_hash_table_lookup (tasks->result, on_id), "name"));
  g_free (conflict->message);
  conflict->message = g_strdup_printf (_("%s: theirs made it depend on %s, which with ours’ changes "
                                         "makes a cycle (%s); the merged plan leaves that dependency out"),
                                       label, on_name, names->str);

  /* The task's id is borrowed from one of the documents, which outlive this. */
  g_hash_table_insert (tasks->result, (gpointer) task_id, item_new_node (g_steal_pointer (&after)));
  for (guint e = 0; e < g->edges[from]->len; e++)
    if (g_array_index (g->edges[from], guint, e) == to)
      {
        g_array_remove_index (g->edges[from], e);
        break;
      }
}

static void
break_cycles (Merge *m)
{
  Graph g = { NULL, NULL, NULL };

  graph_build (&g, &m->collections[C_TASKS]);
  for (;;)
    {
      int cyclic;
      g_autofree guint *component = graph_components (&g, &cyclic);

      if (cyclic < 0)
        break;
      break_cycle (m, &g, component, cyclic);
    }
  graph_clear (&g);
}

/* Order conflicts ------------------------------------------------------------- */

/* "after Task ‘Write FAQ’", or "at the top". */
static char *
place_text (Merge    *m,
            int       index,
            JsonNode *previous)
{
  g_autofree char *label = NULL;

  if (previous == NULL || !JSON_NODE_HOLDS_VALUE (previous))
    return g_strdup (_("at the top"));
  label = label_of (m, index, json_node_get_string (previous));
  return g_strdup_printf (_("after %s"), label);
}

static void
add_order_conflict (Merge      *m,
                    int         index,
                    const char *id)
{
  Collection *c = &m->collections[index];
  RolloutConflict *conflict = add_conflict (m, ROLLOUT_CONFLICT_ORDER, index, id,
                                            title_member (index)
                                            ? item_string (g_hash_table_lookup (c->result, id), title_member (index))
                                            : NULL,
                                            NULL);
  g_autofree char *label = label_of (m, index, id);
  g_autofree char *after_ours = NULL;
  g_autofree char *after_theirs = NULL;

  for (int s = B; s <= T; s++)
    conflict->values[s] = id_node (present_predecessor (c->ids[s], c->result, id));
  conflict->changes[O] = ROLLOUT_MERGE_MOVED;
  conflict->changes[T] = ROLLOUT_MERGE_MOVED;
  after_ours = place_text (m, index, conflict->values[O]);
  after_theirs = place_text (m, index, conflict->values[T]);
  conflict->message = g_strdup_printf (_("%s: moved on both sides — ours %s, theirs %s; "
                                         "the merged plan follows ours"), label, after_ours, after_theirs);
}

/* Setting up and tearing down ------------------------------------------------ */

static void
collection_init (Collection             *c,
                 int                     index,
                 const RolloutJsonValue *roots[3])
{
  c->index = index;
  c->result = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) item_free);
  for (int s = B; s <= T; s++)
    {
      const RolloutJsonValue *list = rollout_json_object_get (roots[s], _rollout_diff_collections[index]);
      guint n = list && rollout_json_get_type (list) == ROLLOUT_JSON_ARRAY ? rollout_json_get_length (list) : 0;

      c->ids[s] = g_ptr_array_sized_new (n);
      c->objects[s] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          const RolloutJsonValue *object = rollout_json_array_get (list, i);
          const char *id = _rollout_json_value_member_string (object, "id");

          if (id == NULL || !g_hash_table_insert (c->objects[s], (gpointer) id, (gpointer) object))
            continue;
          g_ptr_array_add (c->ids[s], (gpointer) id);
        }
    }
}

static void
collection_clear (Collection *c)
{
  for (int s = B; s <= T; s++)
    {
      g_clear_pointer (&c->ids[s], g_ptr_array_unref);
      g_clear_pointer (&c->objects[s], g_hash_table_unref);
    }
  g_clear_pointer (&c->result, g_hash_table_unref);
  g_clear_pointer (&c->order, g_ptr_array_unref);
}

static gboolean
has_conflicts (RolloutProject *project)
{
  JsonObject *extra = rollout_project_get_extra (project);

  return extra != NULL && json_object_has_member (extra, ROLLOUT_MERGE_CONFLICTS_MEMBER);
}

/* A copy of @extra with @conflicts (an array node, or NULL for none) as
 * its last member. */
static JsonObject *
extra_with_conflicts (JsonObject *extra,
                      JsonNode   *conflicts)
{
  JsonObject *copy = json_object_new ();

  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (strcmp (key, ROLLOUT_MERGE_CONFLICTS_MEMBER) != 0)
          json_object_set_member (copy, key, json_node_copy (value));
    }
  if (conflicts != NULL)
    json_object_set_member (copy, ROLLOUT_MERGE_CONFLICTS_MEMBER, json_node_copy (conflicts));
  return copy;
}

static JsonNode *
conflicts_to_json (GPtrArray *conflicts)
{
  JsonArray *array = json_array_sized_new (conflicts->len);

  for (guint i = 0; i < conflicts->len; i++)
    json_array_add_element (array, rollout_conflict_to_json (g_ptr_array_index (conflicts, i)));
  return array_node (array);
}

static void
attach_conflicts (RolloutProject *project,
                  JsonNode       *conflicts)
{
  g_autoptr(JsonObject) extra = extra_with_conflicts (rollout_project_get_extra (project), conflicts);

  rollout_project_set_extra (project, extra);
}

/* Reads @text back as a plan (the "conflicts" member is not in it). */
static RolloutProject *
read_text (GString  *text,
           GError  **error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) local_error = NULL;
  RolloutProject *project;

  project = rollout_file_read (text->str, text->len, &diagnostics, &local_error);
  if (project == NULL)
    {
      if (diagnostics != NULL && diagnostics->len > 0)
        {
          g_autofree char *first = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));

          g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID, "%s", first);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return project;
}

static RolloutProject *
read_tree (JsonNode  *root,
           GError   **error)
{
  g_autoptr(GString) text = g_string_sized_new (1 << 16);

  _rollout_json_append (text, root);
  return read_text (text, error);
}

/* The merged plan as JSON text: its own members, then each collection. */
static GString *
merged_text (Merge    *m,
             JsonNode *plan)
{
  GString *text = g_string_sized_new (1 << 20);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  g_string_append_c (text, '{');
  json_object_iter_init_ordered (&iter, json_node_get_object (plan));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      g_autoptr(JsonNode) name = json_node_init_string (json_node_alloc (), key);

      _rollout_json_append (text, name);
      g_string_append_c (text, ':');
      _rollout_json_append (text, value);
      g_string_append_c (text, ',');
    }
  for (int c = 0; c < N_COLLECTIONS; c++)
    {
      Collection *coll = &m->collections[c];

      g_string_append_printf (text, "%s\"%s\":[", c > 0 ? "," : "", _rollout_diff_collections[c]);
      for (guint i = 0; i < coll->order->len; i++)
        {
          Item *item = g_hash_table_lookup (coll->result, g_ptr_array_index (coll->order, i));

          if (i > 0)
            g_string_append_c (text, ',');
          if (item->node != NULL)
            _rollout_json_append (text, item->node);
          else
            _rollout_json_append_value (text, item->value);
        }
      g_string_append_c (text, ']');
    }
  g_string_append_c (text, '}');
  return text;
}

/* A plan without a calendar works Monday to Friday: say so, so that a
 * change to the working days merges against that. (The writer leaves the
 * default calendar out again.) */
static void
add_default_calendar (JsonNode *plan)
{
  static const char *weekdays[] = { "mon", "tue", "wed", "thu", "fri" };
  JsonObject *calendar;
  JsonArray *days;

  if (json_object_has_member (json_node_get_object (plan), "calendar"))
    return;
  calendar = json_object_new ();
  days = json_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    json_array_add_string_element (days, weekdays[i]);
  json_object_set_array_member (calendar, "working_days", days);
  json_object_set_object_member (json_node_get_object (plan), "calendar", calendar);
}

/* Public API ---------------------------------------------------------------- */

/**
 * rollout_merge_projects:
 * @base: the common ancestor
 * @ours: our version
 * @theirs: their version
 * @out_conflicts: (out) (optional) (element-type RolloutConflict): the
 *   conflicts, empty when the merge is clean
 * @error: return location for an error
 *
 * Merges the changes from @base to @ours and from @base to @theirs. Changes
 * to different objects, or to different fields of one object, are all
 * kept; what both sides changed differently is a conflict, for which the
 * result holds ours. The result is a valid plan; its conflicts are also in
 * its "conflicts" member, so they are saved with it and
 * rollout_merge_get_conflicts() finds them again. Merging a plan with
 * itself, or with one side unchanged, gives the other side exactly.
 *
 * Fails when a version still has conflicts of its own.
 *
 * Returns: (transfer full) (nullable): the merged plan
 */
RolloutProject *
rollout_merge_projects (RolloutProject  *base,
                        RolloutProject  *ours,
                        RolloutProject  *theirs,
                        GPtrArray      **out_conflicts,
                        GError         **error)
{
  Merge m = { { base, ours, theirs } };
  g_autoptr(RolloutProject) merged = NULL;
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) local_error = NULL;
  const RolloutJsonValue *roots[3];
  JsonNode *plans[3];

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (base), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (ours), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (theirs), NULL);

  if (out_conflicts != NULL)
    *out_conflicts = NULL;
  for (int s = B; s <= T; s++)
    if (has_conflicts (m.projects[s]))
      {
        const char *names[] = { N_("The base version"), N_("Our version"), N_("Their version") };

        g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                     _("%s still has unresolved merge conflicts"), _(names[s]));
        return NULL;
      }

  m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_conflict_free);
  m.conflict_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int s = B; s <= T; s++)
    {
      m.documents[s] = _rollout_project_to_document (m.projects[s]);
      roots[s] = rollout_json_document_get_root (m.documents[s]);
      plans[s] = _rollout_plan_to_json (roots[s]);
      add_default_calendar (plans[s]);
    }
  for (int c = 0; c < N_COLLECTIONS; c++)
    collection_init (&m.collections[c], c, roots);

  plan = merge_object (&m, C_PLAN, NULL, plans[B], plans[O], plans[T]);
  for (int c = 0; c < N_COLLECTIONS; c++)
    merge_collection (&m, c);
  keep_referenced_objects (&m);

  for (int c = 0; c < N_COLLECTIONS; c++)
    {
      Collection *coll = &m.collections[c];
      g_autoptr(GPtrArray) moved_twice = g_ptr_array_new ();

      coll->order = merge_order (coll->ids, coll->result, O, moved_twice);
      for (guint i = 0; i < moved_twice->len; i++)
        add_order_conflict (&m, c, g_ptr_array_index (moved_twice, i));
    }
  break_cycles (&m);

  text = merged_text (&m, plan);
  merged = read_text (text, &local_error);
  if (merged == NULL)
    g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                 _("The merged plan is not valid: %s"), local_error->message);
  else if (m.conflicts->len > 0)
    {
      g_autoptr(JsonNode) list = conflicts_to_json (m.conflicts);

      attach_conflicts (merged, list);
    }

  for (int c = 0; c < N_COLLECTIONS; c++)
    collection_clear (&m.collections[c]);
  for (int s = B; s <= T; s++)
    {
      json_node_unref (plans[s]);
      rollout_json_document_free (m.documents[s]);
    }
  g_hash_table_unref (m.conflict_index);
  if (merged != NULL && out_conflicts != NULL)
    *out_conflicts = g_steal_pointer (&m.conflicts);
  g_clear_pointer (&m.conflicts, g_ptr_array_unref);
  return g_steal_pointer (&merged);
}

/**
 * rollout_merge_get_conflicts:
 * @project: a plan
 *
 * The conflicts a merge left in @project, in its "conflicts" member.
 *
 * Returns: (transfer full) (element-type RolloutConflict): the conflicts
 *   (empty when there are none); entries that are not conflicts are left
 *   out (the validator reports them)
 */
GPtrArray *
rollout_merge_get_conflicts (RolloutProject *project)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_conflict_free);
  JsonObject *extra;
  JsonNode *list;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), conflicts);

  extra = rollout_project_get_extra (project);
  list = extra ? json_object_get_member (extra, ROLLOUT_MERGE_CONFLICTS_MEMBER) : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return conflicts;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      RolloutConflict *conflict = rollout_conflict_new_from_json (json_array_get_element (json_node_get_array (list), i));

      if (conflict != NULL)
        g_ptr_array_add (conflicts, conflict);
    }
  return conflicts;
}

/* Adds a problem for each entry of @list that is not a conflict and, when
 * @unresolved, one for each conflict. */
static void
check_conflicts (JsonNode  *list,
                 GPtrArray *diagnostics,
                 gboolean   unresolved)
{
  JsonArray *array;

  if (list == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      _rollout_diagnostics_add (diagnostics, ROLLOUT_MERGE_CONFLICTS_MEMBER, "%s",
                                _("expected the list of merge conflicts"));
      return;
    }
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RolloutConflict) conflict = rollout_conflict_new_from_json (json_array_get_element (array, i));
      g_autofree char *location = g_strdup_printf (ROLLOUT_MERGE_CONFLICTS_MEMBER "[%u]", i);

      if (conflict == NULL)
        _rollout_diagnostics_add (diagnostics, location, "%s", _("not a merge conflict Rollout understands"));
      else if (unresolved)
        _rollout_diagnostics_add (diagnostics, location, _("unresolved merge conflict: %s"), conflict->message);
    }
}

/**
 * rollout_merge_conflicts_validate:
 * @project: a plan
 * @diagnostics: (element-type RolloutDiagnostic): where to add problems
 *
 * Reports each unresolved merge conflict of @project as a problem at
 * `conflicts[N]`, with the conflict's message, and any entry there that is
 * not a conflict. The validator calls this, so a plan with conflicts does
 * not pass `rollout-cli validate` until they are resolved.
 */
void
rollout_merge_conflicts_validate (RolloutProject *project,
                                  GPtrArray      *diagnostics)
{
  JsonObject *extra;

  g_return_if_fail (ROLLOUT_IS_PROJECT (project));
  g_return_if_fail (diagnostics != NULL);

  extra = rollout_project_get_extra (project);
  if (extra != NULL)
    check_conflicts (json_object_get_member (extra, ROLLOUT_MERGE_CONFLICTS_MEMBER), diagnostics, TRUE);
}

/**
 * rollout_merge_read:
 * @data: the file's bytes
 * @length: their length
 * @out_diagnostics: (out) (optional) (element-type RolloutDiagnostic): every
 *   problem found, when reading fails
 * @error: return location for an error
 *
 * Reads a plan like rollout_file_read(), but accepts one that still has
 * merge conflicts, so that they can be shown and resolved. Everything
 * else must be valid.
 *
 * Returns: (transfer full) (nullable): the plan, with its conflicts
 */
RolloutProject *
rollout_merge_read (const char  *data,
                    gsize        length,
                    GPtrArray  **out_diagnostics,
                    GError     **error)
{
  g_autoptr(RolloutJsonDocument) document = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) conflicts = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GString) text = NULL;
  const RolloutJsonValue *value;

  if (out_diagnostics != NULL)
    *out_diagnostics = NULL;

  if (length <= ROLLOUT_FILE_MAX_SIZE)
    document = rollout_json_parse (data, length, ROLLOUT_FILE_MAX_DEPTH, NULL);
  value = document ? rollout_json_document_get_root (document) : NULL;
  if (value == NULL || rollout_json_get_type (value) != ROLLOUT_JSON_OBJECT ||
      rollout_json_object_get (value, ROLLOUT_MERGE_CONFLICTS_MEMBER) == NULL)
    return rollout_file_read (data, length, out_diagnostics, error);

  root = rollout_json_to_node (value);
  conflicts = json_node_ref (json_object_get_member (json_node_get_object (root), ROLLOUT_MERGE_CONFLICTS_MEMBER));
  json_object_remove_member (json_node_get_object (root), ROLLOUT_MERGE_CONFLICTS_MEMBER);
  text = g_string_sized_new (length);
  _rollout_json_append (text, root);
  project = rollout_file_read (text->str, text->len, out_diagnostics, error);
  if (project == NULL)
    return NULL;

  attach_conflicts (project, conflicts);
  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_diagnostic_free);
  check_conflicts (conflicts, diagnostics, FALSE);
  if (diagnostics->len > 0)
    {
      g_autofree char *first = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));

      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID, "%s", first);
      if (out_diagnostics != NULL)
        *out_diagnostics = g_steal_pointer (&diagnostics);
      return NULL;
    }
  return g_steal_pointer (&project);
}

/**
 * rollout_merge_load:
 * @file: the plan's location
 * @cancellable: (nullable): a #GCancellable
 * @out_diagnostics: (out) (optional) (element-type RolloutDiagnostic): every
 *   problem found, when the plan is invalid
 * @error: return location for an error
 *
 * Loads a plan like rollout_file_load(), accepting unresolved merge
 * conflicts (see rollout_merge_read()).
 *
 * Returns: (transfer full) (nullable): the plan
 */
RolloutProject *
rollout_merge_load (GFile         *file,
                    GCancellable  *cancellable,
                    GPtrArray    **out_diagnostics,
                    GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (out_diagnostics != NULL)
    *out_diagnostics = NULL;
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return rollout_merge_read (contents, length, out_diagnostics, error);
}

/* Resolving ---------------------------------------------------------------- */

static int
index_of_id (JsonArray  *array,
             const char *id)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (member_string (json_array_get_element (array, i), "id"), id) == 0)
      return i;
  return -1;
}

/* A copy of @array without the element at @remove (-1: none) and with
 * @insert (NULL: none) placed after the element with id @after (NULL: at
 * the start; not found: at the end). */
static JsonNode *
rebuild_array (JsonArray  *array,
               int         remove,
               JsonNode   *insert,
               const char *after)
{
  JsonArray *result = json_array_new ();
  gboolean placed = insert == NULL;

  if (!placed && after == NULL)
    {
      json_array_add_element (result, json_node_copy (insert));
      placed = TRUE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if ((int) i != remove)
        json_array_add_element (result, json_node_ref (element));
      if (!placed && g_strcmp0 (member_string (element, "id"), after) == 0)
        {
          json_array_add_element (result, json_node_copy (insert));
          placed = TRUE;
        }
    }
  if (!placed)
    json_array_add_element (result, json_node_copy (insert));
  return array_node (result);
}

/* Removes from @list (a member of @object) the elements that are @id, or
 * whose member @key is @id. */
static void
filter_list (JsonObject *object,
             const char *list,
             const char *key,
             const char *id)
{
  JsonNode *node = object ? json_object_get_member (object, list) : NULL;
  JsonArray *kept;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      const char *value = key ? member_string (element, key)
        : JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
          ? json_node_get_string (element) : NULL;

      if (g_strcmp0 (value, id) != 0)
        json_array_add_element (kept, json_node_ref (element));
    }
  json_object_set_member (object, list, array_node (kept));
}

static void
remove_if (JsonObject *object,
           const char *key,
           const char *id)
{
  if (g_strcmp0 (_rollout_json_get_string (object, key), id) == 0)
    json_object_remove_member (object, key);
}

/* Drops the optional references to @id (of @target) that other objects
 * hold, for when a deletion is picked. A task's phase is required: that
 * one stays, and validation says so. */
static void
drop_references (JsonObject *root,
                 int         target,
                 const char *id)
{
  for (int c = 0; c < N_COLLECTIONS; c++)
    {
      JsonArray *array = json_object_get_array_member (root, _rollout_diff_collections[c]);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          JsonObject *gate = json_object_has_member (object, "gate")
            ? json_object_get_object_member (object, "gate") : NULL;

          if (c == C_TASKS && target == C_TEAMS)
            remove_if (object, "team", id);
          if (c == C_TASKS && target == C_TASKS)
            filter_list (object, "depends_on", "task", id);
          if (c == C_PHASES && target == C_METRICS)
            filter_list (gate, "metrics", "metric", id);
          if (c == C_PHASES && target == C_TEAMS)
            {
              filter_list (gate, "required_signoffs", NULL, id);
              filter_list (object, "signoffs", "team", id);
            }
          if ((c == C_RISKS || c == C_FEEDBACK) && target == C_PHASES)
            remove_if (object, "phase", id);
          if (c == C_RISKS && target == C_TASKS)
            filter_list (object, "tasks", NULL, id);
          if (c == C_FEEDBACK && target == C_TASKS)
            remove_if (object, "task", id);
          if (c == C_METRICS && target == C_PHASES)
            {
              JsonArray *samples = json_object_has_member (object, "samples")
                ? json_object_get_array_member (object, "samples") : NULL;

              for (guint s = 0; samples != NULL && s < json_array_get_length (samples); s++)
                remove_if (json_array_get_object_element (samples, s), "phase", id);
            }
        }
    }
}

static const char *
object_id (gpointer object)
{
  if (ROLLOUT_IS_TASK (object))
    return rollout_task_get_id (object);
  if (ROLLOUT_IS_PHASE (object))
    return rollout_phase_get_id (object);
  if (ROLLOUT_IS_TEAM (object))
    return rollout_team_get_id (object);
  if (ROLLOUT_IS_RISK (object))
    return rollout_risk_get_id (object);
  if (ROLLOUT_IS_METRIC (object))
    return rollout_metric_get_id (object);
  return rollout_feedback_get_id (object);
}

static GListModel *
collection_model (RolloutProject *project,
                  int             collection)
{
  switch (collection)
    {
    case C_TEAMS:
      return rollout_project_get_teams (project);
    case C_PHASES:
      return rollout_project_get_phases (project);
    case C_TASKS:
      return rollout_project_get_tasks (project);
    case C_RISKS:
      return rollout_project_get_risks (project);
    case C_METRICS:
      return rollout_project_get_metrics (project);
    default:
      return rollout_project_get_feedback (project);
    }
}

static gpointer
lookup_object (RolloutProject *project,
               int             collection,
               const char     *id)
{
  switch (collection)
    {
    case C_TEAMS:
      return rollout_project_lookup_team (project, id);
    case C_PHASES:
      return rollout_project_lookup_phase (project, id);
    case C_TASKS:
      return rollout_project_lookup_task (project, id);
    case C_RISKS:
      return rollout_project_lookup_risk (project, id);
    case C_METRICS:
      return rollout_project_lookup_metric (project, id);
    default:
      return rollout_project_lookup_feedback (project, id);
    }
}

static void
insert_object (RolloutProject *project,
               gpointer        object,
               int             position)
{
  if (ROLLOUT_IS_TASK (object))
    rollout_project_insert_task (project, object, position);
  else if (ROLLOUT_IS_PHASE (object))
    rollout_project_insert_phase (project, object, position);
  else if (ROLLOUT_IS_TEAM (object))
    rollout_project_insert_team (project, object, position);
  else if (ROLLOUT_IS_RISK (object))
    rollout_project_insert_risk (project, object, position);
  else if (ROLLOUT_IS_METRIC (object))
    rollout_project_insert_metric (project, object, position);
  else
    rollout_project_insert_feedback (project, object, position);
}

static GHashTable *
objects_by_id (JsonNode *list)
{
  GHashTable *objects = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) && i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *object = json_array_get_element (json_node_get_array (list), i);
      const char *id = member_string (object, "id");

      if (id != NULL)
        g_hash_table_insert (objects, (gpointer) id, object);
    }
  return objects;
}

/* Makes @project's collection like @resolved's, replacing only the objects
 * that changed between @before_list and @after_list and moving the rest. */
static void
sync_collection (RolloutProject *project,
                 RolloutProject *resolved,
                 int             collection,
                 JsonNode       *before_list,
                 JsonNode       *after_list)
{
  GListModel *have = collection_model (project, collection);
  GListModel *want = collection_model (resolved, collection);
  g_autoptr(GHashTable) before = objects_by_id (before_list);
  g_autoptr(GHashTable) after = objects_by_id (after_list);
  guint n;

  if (_rollout_json_equal (before_list, after_list))
    return;

  for (guint i = g_list_model_get_n_items (have); i-- > 0;)
    {
      g_autoptr(GObject) object = g_list_model_get_item (have, i);
      const char *id = object_id (object);

      if (!_rollout_json_equal (g_hash_table_lookup (before, id), g_hash_table_lookup (after, id)))
        rollout_project_remove (project, object);
    }

  n = g_list_model_get_n_items (want);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) wanted = g_list_model_get_item (want, i);
      g_autoptr(GObject) current = g_list_model_get_item (have, i);
      const char *id = object_id (wanted);
      gpointer existing;

      if (current != NULL && strcmp (object_id (current), id) == 0)
        continue;
      existing = lookup_object (project, collection, id);
      if (existing != NULL)
        {
          g_autoptr(GObject) moving = g_object_ref (existing);

          rollout_project_remove (project, moving);
          insert_object (project, moving, i);
        }
      else
        insert_object (project, wanted, i);
    }
}

/* Makes @project hold what @resolved holds, in place, so that views bound
 * to it follow. */
static void
sync_project (RolloutProject *project,
              RolloutProject *resolved,
              JsonNode       *before,
              JsonNode       *after,
              JsonNode       *conflicts)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (project);
  RolloutCalendar *wanted = rollout_project_get_calendar (resolved);
  g_autoptr(JsonObject) extra = NULL;

  if (g_strcmp0 (rollout_project_get_name (project), rollout_project_get_name (resolved)) != 0)
    rollout_project_set_name (project, rollout_project_get_name (resolved));
  if (g_strcmp0 (rollout_project_get_description (project), rollout_project_get_description (resolved)) != 0)
    rollout_project_set_description (project, rollout_project_get_description (resolved));
  if (g_strcmp0 (rollout_project_get_owner (project), rollout_project_get_owner (resolved)) != 0)
    rollout_project_set_owner (project, rollout_project_get_owner (resolved));
  if (g_strcmp0 (rollout_project_get_created (project), rollout_project_get_created (resolved)) != 0)
    rollout_project_set_created (project, rollout_project_get_created (resolved));
  if (g_strcmp0 (rollout_project_get_modified (project), rollout_project_get_modified (resolved)) != 0)
    rollout_project_set_modified (project, rollout_project_get_modified (resolved));
  if (rollout_project_get_start (project) != rollout_project_get_start (resolved))
    rollout_project_set_start (project, rollout_project_get_start (resolved));
  if (!_rollout_json_equal (member (before, "calendar"), member (after, "calendar")))
    {
      g_autoptr(GPtrArray) holidays = rollout_ptr_array_copy (rollout_calendar_get_holidays (wanted),
                                                              (GBoxedCopyFunc) rollout_holiday_copy,
                                                              (GDestroyNotify) rollout_holiday_free);

      rollout_calendar_set_working_days (calendar, rollout_calendar_get_working_days (wanted));
      rollout_calendar_set_holidays (calendar, holidays);
      rollout_calendar_set_extra (calendar, rollout_calendar_get_extra (wanted));
    }

  for (int c = 0; c < N_COLLECTIONS; c++)
    sync_collection (project, resolved, c, member (before, _rollout_diff_collections[c]),
                     member (after, _rollout_diff_collections[c]));

  extra = extra_with_conflicts (rollout_project_get_extra (resolved), conflicts);
  rollout_project_set_extra (project, extra);
}

static gboolean
same_conflict (JsonNode              *entry,
               const RolloutConflict *conflict)
{
  g_autoptr(RolloutConflict) other = rollout_conflict_new_from_json (entry);

  return other != NULL && other->kind == conflict->kind &&
         g_strcmp0 (other->collection, conflict->collection) == 0 &&
         g_strcmp0 (other->id, conflict->id) == 0 &&
         g_strcmp0 (other->field, conflict->field) == 0;
}

/**
 * rollout_merge_resolve:
 * @project: a plan with conflicts, as rollout_merge_projects() or
 *   rollout_merge_read() gave it
 * @conflict: one of its conflicts (from rollout_merge_get_conflicts())
 * @side: the version to keep for it
 * @error: return location for an error
 *
 * Resolves @conflict by giving its field (or object, or place in its list)
 * the value from @side, and removes it from the plan's conflicts. The plan
 * changes in place: only the objects concerned are replaced, so views
 * bound to its lists follow. Picking a deleted object's deletion also
 * drops the references other objects hold to it.
 *
 * Fails, changing nothing, when the result would not be a valid plan —
 * picking theirs for a %ROLLOUT_CONFLICT_CYCLE brings the cycle back — or
 * when @conflict is not one of the plan's.
 *
 * Returns: %TRUE when resolved
 */
gboolean
rollout_merge_resolve (RolloutProject         *project,
                       const RolloutConflict  *conflict,
                       RolloutMergeSide        side,
                       GError                **error)
{
  const char *sides[] = { N_("the base"), N_("ours"), N_("theirs") };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) remaining = NULL;
  g_autoptr(RolloutProject) resolved = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  JsonObject *root;
  JsonNode *value;
  JsonNode *list;
  JsonArray *kept;
  JsonArray *array = NULL;
  int collection, at = -1;
  gboolean found = FALSE;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (side <= ROLLOUT_MERGE_THEIRS, FALSE);

  before = _rollout_project_to_json (project);
  after = _rollout_project_to_json (project);
  root = json_node_get_object (after);
  value = conflict->values[side];
  collection = _rollout_diff_collection_index (conflict->collection);
  label = conflict->collection
    ? rollout_diff_label (conflict->collection, conflict->values[O] ? conflict->values[O] : conflict->values[T])
    : rollout_diff_label (NULL, NULL);

  list = json_object_get_member (root, ROLLOUT_MERGE_CONFLICTS_MEMBER);
  kept = json_array_new ();
  for (guint i = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) && i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (list), i);

      if (!found && same_conflict (entry, conflict))
        found = TRUE;
      else
        json_array_add_element (kept, json_node_ref (entry));
    }
  if (json_array_get_length (kept) > 0)
    remaining = array_node (kept);
  else
    json_array_unref (kept);
  json_object_remove_member (root, ROLLOUT_MERGE_CONFLICTS_MEMBER);
  if (!found)
    {
      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                   _("%s: this conflict is not one of the plan’s"), conflict->message);
      return FALSE;
    }

  if (conflict->collection != NULL)
    {
      array = json_object_get_array_member (root, conflict->collection);
      at = index_of_id (array, conflict->id);
    }

  switch (conflict->kind)
    {
    case ROLLOUT_CONFLICT_EDIT:
    case ROLLOUT_CONFLICT_CYCLE:
      {
        JsonObject *target = root;

        if (array != NULL)
          {
            if (at < 0)
              {
                g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                             _("%s is no longer in the plan"), label);
                return FALSE;
              }
            target = json_array_get_object_element (array, at);
          }
        else if (strcmp (conflict->field, "id") == 0 &&
                 !_rollout_json_equal (value, json_object_get_member (root, "id")))
          {
            g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                         _("The plan’s id cannot change while it is open"));
            return FALSE;
          }
        if (value != NULL)
          json_object_set_member (target, conflict->field, json_node_copy (value));
        else if (json_object_has_member (target, conflict->field))
          json_object_remove_member (target, conflict->field);
      }
      break;

    case ROLLOUT_CONFLICT_DELETE:
    case ROLLOUT_CONFLICT_REFERENCE:
      if (value == NULL)
        {
          json_object_set_member (root, conflict->collection, rebuild_array (array, at, NULL, NULL));
          drop_references (root, collection, conflict->id);
        }
      else if (at >= 0)
        {
          const char *previous = at > 0 ? member_string (json_array_get_element (array, at - 1), "id") : NULL;
          g_autofree char *after_id = g_strdup (previous);

          json_object_set_member (root, conflict->collection, rebuild_array (array, at, value, after_id));
        }
      else
        json_object_set_member (root, conflict->collection,
                                rebuild_array (array, -1, value, conflict->after[side]));
      break;

    case ROLLOUT_CONFLICT_ORDER:
      {
        const char *previous = value && JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : NULL;
        g_autoptr(JsonNode) object = NULL;

        if (at < 0)
          {
            g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                         _("%s is no longer in the plan"), label);
            return FALSE;
          }
        if (previous != NULL && index_of_id (array, previous) < 0)
          {
            g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                         _("%s cannot go back: what it followed is no longer in the plan"), label);
            return FALSE;
          }
        object = json_node_copy (json_array_get_element (array, at));
        json_object_set_member (root, conflict->collection, rebuild_array (array, at, object, previous));
      }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  resolved = read_tree (after, &local_error);
  if (resolved == NULL)
    {
      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                   _("Keeping %s would leave the plan invalid: %s"), _(sides[side]), local_error->message);
      return FALSE;
    }

  sync_project (project, resolved, before, after, remaining);
  return TRUE;
}
