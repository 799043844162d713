/* rollout-feedback-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-feedback.h"

G_BEGIN_DECLS

guint _rollout_feedback_get_revision (RolloutFeedback *self);

G_END_DECLS
