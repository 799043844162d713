/* rollout-window-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-window.h"

G_BEGIN_DECLS

/* rollout-window-print.c */
void     _rollout_window_print              (RolloutWindow *self);
void     _rollout_window_export_pdf         (RolloutWindow *self);
void     _rollout_window_export_pdf_to_file (RolloutWindow *self,
                                             GFile         *file);
gboolean _rollout_window_is_exporting       (RolloutWindow *self);

/* rollout-window-export.c */
void     _rollout_window_export             (RolloutWindow *self,
                                             const char    *format);
void     _rollout_window_export_to          (RolloutWindow *self,
                                             const char    *format,
                                             const char    *location);

/* rollout-window-import.c */
void     _rollout_window_import             (RolloutWindow *self);
void     _rollout_window_import_file        (RolloutWindow *self,
                                             GFile         *file);

/* rollout-window-merge.c */
void     _rollout_window_merge              (RolloutWindow *self);
void     _rollout_window_show_conflicts     (RolloutWindow *self);

G_END_DECLS
