/* rollout-diff-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-diff.h"
#include "rollout-json.h"

G_BEGIN_DECLS

/* The object collections of a plan, in file order. */
#define ROLLOUT_DIFF_N_COLLECTIONS 6
extern const char * const _rollout_diff_collections[ROLLOUT_DIFF_N_COLLECTIONS];

int         _rollout_diff_collection_index (const char  *collection);

/* The plan in canonical form, as a json-glib tree. */
JsonNode   *_rollout_project_to_json       (RolloutProject *project);
/* The plan in canonical form, parsed: cheaper than a json-glib tree when
 * most of it is only compared. */
RolloutJsonDocument *_rollout_project_to_document (RolloutProject *project);
/* The plan's own members (all but the collections), as a json-glib tree. */
JsonNode   *_rollout_plan_to_json          (const RolloutJsonValue *root);

gboolean    _rollout_json_value_equal      (const RolloutJsonValue *a,
                                            const RolloutJsonValue *b);
void        _rollout_json_append_value     (GString                *out,
                                            const RolloutJsonValue *value);
const char *_rollout_json_value_member_string (const RolloutJsonValue *object,
                                               const char             *member);

/* Deep equality; member order counts; either may be NULL (absent). */
gboolean    _rollout_json_equal            (JsonNode    *a,
                                            JsonNode    *b);
/* Compact JSON text of @node, appended to @out. */
void        _rollout_json_append           (GString     *out,
                                            JsonNode    *node);
char       *_rollout_json_to_string        (JsonNode    *node);
const char *_rollout_json_get_string       (JsonObject  *object,
                                            const char  *member);

/* Lists whose elements are matched by a member rather than by position:
 * "depends_on" elements by "task", "checklist" items by "text"… @path is
 * "tasks.depends_on", "phases.gate.metrics", "plan.calendar.holidays".
 * Returns the identifying members (NULL-terminated, at most two), or NULL
 * when the list is matched by its elements' own value (lists of strings) or
 * by an "id" member. */
const char * const *_rollout_diff_list_key (const char *path);

/* One key per element of @array, unique within it (a repeated key gets
 * "\x1f2", "\x1f3"… appended), or NULL when the elements cannot be matched
 * one by one (mixed kinds, objects without the identifying member). */
GPtrArray  *_rollout_json_element_keys     (JsonArray          *array,
                                            const char * const *members);

/* The keys of @sequence that moved relative to @base: those outside one
 * longest subsequence that keeps the base order. Keys not in @base are not
 * considered. Returns a set (key → key), borrowed from @sequence. */
GHashTable *_rollout_moved_keys            (GPtrArray   *base,
                                            GPtrArray   *sequence);

G_END_DECLS
