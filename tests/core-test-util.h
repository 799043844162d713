/* core-test-util.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

RolloutProject *load_demo (void);

G_END_DECLS
