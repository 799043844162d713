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

/**
 * RolloutShortcut:
 * @action: a detailed action name
 * @accels: its accelerators, %NULL-terminated
 * @in_text: whether the keys work while typing in a text field; those
 *   that do not (Delete, Ctrl+Z) are left to the field when it has focus
 *
 * One keyboard shortcut of the application.
 */
typedef struct {
  const char *action;
  const char *accels[4];
  gboolean    in_text;
} RolloutShortcut;

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

const RolloutShortcut *rollout_application_get_shortcuts (guint *n_shortcuts);

GPtrArray          *rollout_application_list_drafts    (RolloutApplication *self);
void                rollout_application_recover_draft  (RolloutApplication *self,
                                                        const RolloutDraft *draft,
                                                        GtkWindow          *into);
void                rollout_application_discard_draft  (RolloutApplication *self,
                                                        const char         *key);

G_END_DECLS
