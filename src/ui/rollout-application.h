/* rollout-application.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-cache.h"
#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_APPLICATION (rollout_application_get_type ())

G_DECLARE_FINAL_TYPE (RolloutApplication, rollout_application, ROLLOUT, APPLICATION, AdwApplication)

RolloutApplication *rollout_application_new            (void);
GSettings          *rollout_application_get_settings   (RolloutApplication *self);
RolloutCache       *rollout_application_get_cache      (RolloutApplication *self);
GFile              *rollout_application_dup_demo_file  (RolloutApplication *self);
GtkWindow          *rollout_application_find_window    (RolloutApplication *self,
                                                        GFile              *file);
void                rollout_application_open_file      (RolloutApplication *self,
                                                        GFile              *file,
                                                        GtkWindow          *into);
void                rollout_application_remember       (RolloutApplication *self,
                                                        RolloutDocument    *document);
void                rollout_application_forget_recent  (RolloutApplication *self,
                                                        const char         *location);

G_END_DECLS
