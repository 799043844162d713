/* rollout-json.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rollout-file.h"

G_BEGIN_DECLS

/**
 * RolloutJsonType:
 * @ROLLOUT_JSON_NULL: `null`
 * @ROLLOUT_JSON_BOOLEAN: `true` or `false`
 * @ROLLOUT_JSON_INT: a number written without fraction or exponent that fits
 *   in a #gint64
 * @ROLLOUT_JSON_DOUBLE: any other number
 * @ROLLOUT_JSON_STRING: a string
 * @ROLLOUT_JSON_ARRAY: an array
 * @ROLLOUT_JSON_OBJECT: an object
 *
 * The kind of a #RolloutJsonValue.
 */
typedef enum {
  ROLLOUT_JSON_NULL,
  ROLLOUT_JSON_BOOLEAN,
  ROLLOUT_JSON_INT,
  ROLLOUT_JSON_DOUBLE,
  ROLLOUT_JSON_STRING,
  ROLLOUT_JSON_ARRAY,
  ROLLOUT_JSON_OBJECT,
} RolloutJsonType;

/**
 * RolloutJsonValue:
 *
 * One value of a parsed document. Values are owned by their
 * #RolloutJsonDocument and live as long as it does.
 */
typedef struct _RolloutJsonValue RolloutJsonValue;

/**
 * RolloutJsonDocument:
 *
 * A parsed JSON document: owns every value and string in it, and frees them
 * all at once.
 */
typedef struct _RolloutJsonDocument RolloutJsonDocument;

RolloutJsonDocument    *rollout_json_parse             (const char             *data,
                                                        gsize                   length,
                                                        guint                   max_depth,
                                                        GError                **error);
RolloutJsonDocument    *rollout_json_parse_at          (const char             *data,
                                                        gsize                   length,
                                                        guint                   max_depth,
                                                        int                    *out_line,
                                                        int                    *out_column,
                                                        GError                **error);
void                    rollout_json_document_free     (RolloutJsonDocument    *doc);
const RolloutJsonValue *rollout_json_document_get_root (RolloutJsonDocument    *doc);

RolloutJsonType         rollout_json_get_type          (const RolloutJsonValue *v);
gboolean                rollout_json_get_boolean       (const RolloutJsonValue *v);
gint64                  rollout_json_get_int           (const RolloutJsonValue *v);
double                  rollout_json_get_double        (const RolloutJsonValue *v);
const char             *rollout_json_get_string        (const RolloutJsonValue *v);
guint                   rollout_json_get_length        (const RolloutJsonValue *v);
const RolloutJsonValue *rollout_json_array_get         (const RolloutJsonValue *v,
                                                        guint                   index);
const RolloutJsonValue *rollout_json_object_get        (const RolloutJsonValue *v,
                                                        const char             *key);
const char             *rollout_json_object_get_key    (const RolloutJsonValue *v,
                                                        guint                   index);
const RolloutJsonValue *rollout_json_object_get_value  (const RolloutJsonValue *v,
                                                        guint                   index);
JsonNode               *rollout_json_to_node           (const RolloutJsonValue *v);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutJsonDocument, rollout_json_document_free)

G_END_DECLS
