/* rollout-diff.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rollout-project.h"

G_BEGIN_DECLS

/**
 * RolloutChangeKind:
 * @ROLLOUT_CHANGE_ADDED: the object is new
 * @ROLLOUT_CHANGE_REMOVED: the object was deleted
 * @ROLLOUT_CHANGE_MODIFIED: some of its fields changed, or it moved
 *
 * What happened to one object between two versions of a plan.
 */
typedef enum {
  ROLLOUT_CHANGE_ADDED,
  ROLLOUT_CHANGE_REMOVED,
  ROLLOUT_CHANGE_MODIFIED,
} RolloutChangeKind;

/**
 * RolloutFieldChange:
 * @field: the member, as written in the file ("duration", "depends_on"), or
 *   "position" when the object moved in its list
 * @old_value: (nullable): the value before, %NULL when absent; for
 *   "position", the id of the object it followed (%NULL: the first)
 * @new_value: (nullable): the value after
 * @text: the change in words ("duration 3 → 5 days")
 *
 * One changed field of a #RolloutChange.
 */
typedef struct {
  char     *field;
  JsonNode *old_value;
  JsonNode *new_value;
  char     *text;
} RolloutFieldChange;

/**
 * RolloutChange:
 * @kind: added, removed or modified
 * @collection: (nullable): "teams", "phases", "tasks", "risks", "metrics" or
 *   "feedback"; %NULL for the plan's own fields
 * @id: (nullable): the object's id; %NULL for the plan
 * @name: (nullable): its name or title, for people
 * @text: the whole change in words ("Task ‘Train support agents’: duration
 *   3 → 5 days; now depends on ‘Write FAQ’")
 * @old_value: (nullable): the object before (%NULL when added)
 * @new_value: (nullable): the object after (%NULL when removed)
 * @fields: (element-type RolloutFieldChange): the changed fields, for
 *   %ROLLOUT_CHANGE_MODIFIED
 *
 * What changed in one object, or in the plan's own fields.
 */
typedef struct {
  RolloutChangeKind  kind;
  char              *collection;
  char              *id;
  char              *name;
  char              *text;
  JsonNode          *old_value;
  JsonNode          *new_value;
  GPtrArray         *fields;
} RolloutChange;

#define ROLLOUT_TYPE_CHANGE       (rollout_change_get_type ())
#define ROLLOUT_TYPE_FIELD_CHANGE (rollout_field_change_get_type ())

GType               rollout_change_get_type       (void) G_GNUC_CONST;
GType               rollout_field_change_get_type (void) G_GNUC_CONST;

RolloutFieldChange *rollout_field_change_copy     (const RolloutFieldChange *change);
void                rollout_field_change_free     (RolloutFieldChange       *change);
RolloutChange      *rollout_change_copy           (const RolloutChange      *change);
void                rollout_change_free           (RolloutChange            *change);

GPtrArray          *rollout_diff_projects         (RolloutProject           *old_project,
                                                   RolloutProject           *new_project);
char               *rollout_diff_to_text          (GPtrArray                *changes);
JsonNode           *rollout_diff_to_json          (GPtrArray                *changes);

char               *rollout_diff_label            (const char               *collection,
                                                   JsonNode                 *object);
char               *rollout_diff_field_label      (const char               *collection,
                                                   const char               *field);
char               *rollout_diff_describe_field   (RolloutProject           *old_project,
                                                   RolloutProject           *new_project,
                                                   const char               *collection,
                                                   const char               *field,
                                                   JsonNode                 *old_value,
                                                   JsonNode                 *new_value);
char               *rollout_diff_describe_object  (RolloutProject           *old_project,
                                                   RolloutProject           *new_project,
                                                   const char               *collection,
                                                   JsonNode                 *old_object,
                                                   JsonNode                 *new_object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutFieldChange, rollout_field_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutChange, rollout_change_free)

G_END_DECLS
