/* rollout-file-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-file.h"

G_BEGIN_DECLS

/* Collections in file order, for locations in messages. */
typedef enum {
  ROLLOUT_COLLECTION_TEAMS,
  ROLLOUT_COLLECTION_PHASES,
  ROLLOUT_COLLECTION_TASKS,
  ROLLOUT_COLLECTION_RISKS,
  ROLLOUT_COLLECTION_METRICS,
  ROLLOUT_COLLECTION_FEEDBACK,
  ROLLOUT_N_COLLECTIONS
} RolloutCollection;

/* Maps an object's position in the project to its position in the file,
 * which differ when the reader left out objects with duplicate ids. Each
 * entry may be NULL: positions are then the same. */
typedef struct {
  GArray *positions[ROLLOUT_N_COLLECTIONS];
} RolloutFilePositions;

void _rollout_project_validate_into (RolloutProject             *project,
                                     const RolloutFilePositions *positions,
                                     GPtrArray                  *diagnostics);

void _rollout_diagnostics_add (GPtrArray  *diagnostics,
                               const char *location,
                               const char *format,
                               ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
