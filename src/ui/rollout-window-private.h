/* rollout-window-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-window.h"

G_BEGIN_DECLS

void     _rollout_window_print              (RolloutWindow *self);
void     _rollout_window_export_pdf         (RolloutWindow *self);
void     _rollout_window_export_pdf_to_file (RolloutWindow *self,
                                             GFile         *file);
gboolean _rollout_window_is_exporting       (RolloutWindow *self);

G_END_DECLS
