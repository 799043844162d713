/* rollout-merge.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rollout-command.h"
#include "rollout-project.h"

G_BEGIN_DECLS

/**
 * RolloutMergeSide:
 * @ROLLOUT_MERGE_BASE: the common ancestor
 * @ROLLOUT_MERGE_OURS: our version (in git, the current branch; in the app,
 *   the user's edits)
 * @ROLLOUT_MERGE_THEIRS: their version (in git, the branch being merged; in
 *   the app, the file as changed on disk)
 *
 * The three versions a merge works on.
 */
typedef enum {
  ROLLOUT_MERGE_BASE,
  ROLLOUT_MERGE_OURS,
  ROLLOUT_MERGE_THEIRS,
} RolloutMergeSide;

/**
 * RolloutConflictKind:
 * @ROLLOUT_CONFLICT_EDIT: both sides changed the same field differently
 *   (or added an object with the same id and different values)
 * @ROLLOUT_CONFLICT_DELETE: one side deleted an object the other changed
 * @ROLLOUT_CONFLICT_ORDER: both sides moved the same object, to different
 *   places
 * @ROLLOUT_CONFLICT_CYCLE: dependencies from both sides together form a
 *   cycle; the merged plan leaves out theirs
 * @ROLLOUT_CONFLICT_REFERENCE: one side deleted an object the other side
 *   still refers to; the merged plan keeps the object
 *
 * Why a merge could not decide on its own.
 */
typedef enum {
  ROLLOUT_CONFLICT_EDIT,
  ROLLOUT_CONFLICT_DELETE,
  ROLLOUT_CONFLICT_ORDER,
  ROLLOUT_CONFLICT_CYCLE,
  ROLLOUT_CONFLICT_REFERENCE,
} RolloutConflictKind;

/**
 * RolloutMergeChange:
 * @ROLLOUT_MERGE_UNCHANGED: the side left it as in the base
 * @ROLLOUT_MERGE_EDITED: the side changed it
 * @ROLLOUT_MERGE_ADDED: the side added it (it is not in the base)
 * @ROLLOUT_MERGE_DELETED: the side deleted it
 * @ROLLOUT_MERGE_MOVED: the side moved it in its list
 *
 * What one side did to the field or object in conflict.
 */
typedef enum {
  ROLLOUT_MERGE_UNCHANGED,
  ROLLOUT_MERGE_EDITED,
  ROLLOUT_MERGE_ADDED,
  ROLLOUT_MERGE_DELETED,
  ROLLOUT_MERGE_MOVED,
} RolloutMergeChange;

/**
 * RolloutConflict:
 * @kind: why the merge could not decide
 * @collection: (nullable): "teams", "phases", "tasks", "risks", "metrics"
 *   or "feedback"; %NULL for the plan's own fields
 * @id: (nullable): the object's id; %NULL for the plan
 * @name: (nullable): the object's name or title when the merge ran
 * @field: (nullable): the member in conflict ("duration", "depends_on",
 *   "gate"); %NULL when the whole object is (a deletion, a move)
 * @values: (array fixed-size=3): indexed by #RolloutMergeSide: the field's
 *   value in the base, and what it becomes when ours or theirs is picked;
 *   for a whole object, the object; for %ROLLOUT_CONFLICT_ORDER, the id of
 *   the object it follows (a JSON null: the first). %NULL means absent
 *   (an unset field, a deleted object).
 * @changes: (array fixed-size=3): indexed by #RolloutMergeSide: what ours
 *   and theirs did (the base's entry is %ROLLOUT_MERGE_UNCHANGED)
 * @after: (array fixed-size=3): for whole objects, the id of the object it
 *   followed on each side (%NULL: the first, or absent)
 * @message: the conflict in words
 *
 * One decision a merge left to people. The merged plan holds ours (except
 * for %ROLLOUT_CONFLICT_REFERENCE, where it keeps the object, and
 * %ROLLOUT_CONFLICT_CYCLE, where it leaves out their dependency), so that
 * it always validates; each side's value is kept here so neither is lost.
 */
typedef struct {
  RolloutConflictKind  kind;
  char                *collection;
  char                *id;
  char                *name;
  char                *field;
  JsonNode            *values[3];
  RolloutMergeChange   changes[3];
  char                *after[3];
  char                *message;
} RolloutConflict;

#define ROLLOUT_TYPE_CONFLICT (rollout_conflict_get_type ())

GType            rollout_conflict_get_type        (void) G_GNUC_CONST;
RolloutConflict *rollout_conflict_copy            (const RolloutConflict *conflict);
void             rollout_conflict_free            (RolloutConflict       *conflict);
JsonNode        *rollout_conflict_to_json         (const RolloutConflict *conflict);
RolloutConflict *rollout_conflict_new_from_json   (JsonNode              *node);

/* The member of the plan that holds unresolved conflicts. */
#define ROLLOUT_MERGE_CONFLICTS_MEMBER "conflicts"

RolloutProject  *rollout_merge_projects           (RolloutProject        *base,
                                                   RolloutProject        *ours,
                                                   RolloutProject        *theirs,
                                                   GPtrArray            **out_conflicts,
                                                   GError               **error);
GPtrArray       *rollout_merge_get_conflicts      (RolloutProject        *project);
gboolean         rollout_merge_resolve            (RolloutProject        *project,
                                                   const RolloutConflict *conflict,
                                                   RolloutMergeSide       side,
                                                   GError               **error);
void             rollout_merge_conflicts_validate (RolloutProject        *project,
                                                   GPtrArray             *diagnostics);
RolloutProject  *rollout_merge_read               (const char            *data,
                                                   gsize                  length,
                                                   GPtrArray            **out_diagnostics,
                                                   GError               **error);
RolloutProject  *rollout_merge_load               (GFile                 *file,
                                                   GCancellable          *cancellable,
                                                   GPtrArray            **out_diagnostics,
                                                   GError               **error);

/* As edits of an open plan (rollout-merge-command.c) */
RolloutCommand  *rollout_merge_command_new         (RolloutProject        *project,
                                                    RolloutProject        *merged,
                                                    const char            *label);
RolloutCommand  *rollout_merge_resolve_command_new (RolloutProject        *project,
                                                    GPtrArray             *conflicts,
                                                    RolloutMergeSide       side,
                                                    GPtrArray            **out_refused,
                                                    GError               **error);
char            *rollout_conflict_dup_title        (const RolloutConflict *conflict);
char            *rollout_conflict_dup_label        (const RolloutConflict *conflict,
                                                    RolloutProject        *project);
char            *rollout_conflict_describe_side    (const RolloutConflict *conflict,
                                                    RolloutProject        *project,
                                                    RolloutMergeSide       side);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutConflict, rollout_conflict_free)

G_END_DECLS
