/* fuzz-json.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the JSON parser (rollout_json_parse) with arbitrary bytes.
 *
 * Besides not crashing, reading out of bounds or leaking, it checks:
 * - exactly one of document and error is returned, and errors are in
 *   ROLLOUT_FILE_ERROR with a message;
 * - every string is valid UTF-8 of the length recorded for it;
 * - looking up each member of an object by its name finds that very member
 *   (names are unique, so the hash index must agree with the member list);
 * - rollout_json_to_node(), which keeps a plan's unknown keys, gives a
 *   json-glib tree of the same values.
 * (Writing those values back is checked by fuzz-project-reader: json-glib's
 * own generator cannot be the reference, as it writes 1e308 as the invalid
 * "1e+308.0".) */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-target.h"
#include "rollout-json.h"

static void
check_value (const RolloutJsonValue *v,
             guint                   depth)
{
  if (depth > ROLLOUT_FILE_MAX_DEPTH + 1)
    fuzz_fail ("a document nests deeper than the limit allows (%u)", depth);

  switch (rollout_json_get_type (v))
    {
    case ROLLOUT_JSON_NULL:
    case ROLLOUT_JSON_INT:
      break;
    case ROLLOUT_JSON_BOOLEAN:
      {
        gboolean b = rollout_json_get_boolean (v);

        if (b != TRUE && b != FALSE)
          fuzz_fail ("a boolean is %d", b);
      }
      break;
    case ROLLOUT_JSON_DOUBLE:
      if (!isfinite (rollout_json_get_double (v)))
        fuzz_fail ("a number is not finite");
      break;
    case ROLLOUT_JSON_STRING:
      {
        const char *s = rollout_json_get_string (v);

        if (s == NULL || !g_utf8_validate (s, -1, NULL))
          fuzz_fail ("a string is not valid UTF-8");
      }
      break;
    case ROLLOUT_JSON_ARRAY:
      for (guint i = 0; i < rollout_json_get_length (v); i++)
        check_value (rollout_json_array_get (v, i), depth + 1);
      break;
    case ROLLOUT_JSON_OBJECT:
      for (guint i = 0; i < rollout_json_get_length (v); i++)
        {
          const char *key = rollout_json_object_get_key (v, i);
          const RolloutJsonValue *member = rollout_json_object_get_value (v, i);

          if (key == NULL || !g_utf8_validate (key, -1, NULL))
            fuzz_fail ("member %u has no valid name", i);
          if (rollout_json_object_get (v, key) != member)
            fuzz_fail ("looking up member “%s” does not find member %u", key, i);
          check_value (member, depth + 1);
        }
      break;
    default:
      fuzz_fail ("a value has an unknown type %d", (int) rollout_json_get_type (v));
    }
}

/* Whether @node, made by rollout_json_to_node() from @v, holds the same
 * values: unknown keys of a plan are kept as such nodes and written back. */
static gboolean
same_node (const RolloutJsonValue *v,
           JsonNode               *node)
{
  switch (rollout_json_get_type (v))
    {
    case ROLLOUT_JSON_NULL:
      return JSON_NODE_HOLDS_NULL (node);
    case ROLLOUT_JSON_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
             && json_node_get_boolean (node) == rollout_json_get_boolean (v);
    case ROLLOUT_JSON_INT:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
             && json_node_get_int (node) == rollout_json_get_int (v);
    case ROLLOUT_JSON_DOUBLE:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE
             && json_node_get_double (node) == rollout_json_get_double (v);
    case ROLLOUT_JSON_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
             && strcmp (json_node_get_string (node), rollout_json_get_string (v)) == 0;
    case ROLLOUT_JSON_ARRAY:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return FALSE;
        array = json_node_get_array (node);
        if (json_array_get_length (array) != rollout_json_get_length (v))
          return FALSE;
        for (guint i = 0; i < rollout_json_get_length (v); i++)
          if (!same_node (rollout_json_array_get (v, i), json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case ROLLOUT_JSON_OBJECT:
      {
        JsonObject *object;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return FALSE;
        object = json_node_get_object (node);
        if (json_object_get_size (object) != rollout_json_get_length (v))
          return FALSE;
        for (guint i = 0; i < rollout_json_get_length (v); i++)
          {
            JsonNode *member = json_object_get_member (object, rollout_json_object_get_key (v, i));

            if (member == NULL || !same_node (rollout_json_object_get_value (v, i), member))
              return FALSE;
          }
        return TRUE;
      }
    default:
      return FALSE;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RolloutJsonDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const RolloutJsonValue *root;

  doc = rollout_json_parse ((const char *) data, size, ROLLOUT_FILE_MAX_DEPTH, &error);
  if (doc == NULL)
    {
      if (error == NULL || error->domain != ROLLOUT_FILE_ERROR || error->message[0] == '\0')
        fuzz_fail ("parsing failed without a ROLLOUT_FILE_ERROR with a message");
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("parsing returned a document and an error (%s)", error->message);

  root = rollout_json_document_get_root (doc);
  if (root == NULL)
    fuzz_fail ("a document has no root");
  check_value (root, 1);

  node = rollout_json_to_node (root);
  if (node == NULL || !same_node (root, node))
    fuzz_fail ("rollout_json_to_node() does not hold the document's values");
  return 0;
}
