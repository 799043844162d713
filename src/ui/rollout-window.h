/* rollout-window.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-application.h"
#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_WINDOW (rollout_window_get_type ())

G_DECLARE_FINAL_TYPE (RolloutWindow, rollout_window, ROLLOUT, WINDOW, AdwApplicationWindow)

RolloutWindow   *rollout_window_new          (RolloutApplication *application);
RolloutDocument *rollout_window_get_document (RolloutWindow      *self);
void             rollout_window_set_document (RolloutWindow      *self,
                                              RolloutDocument    *document);
void             rollout_window_offer_draft  (RolloutWindow      *self,
                                              const RolloutDraft *draft);
const char      *rollout_window_get_banner   (RolloutWindow      *self);
void             rollout_window_add_toast    (RolloutWindow      *self,
                                              AdwToast           *toast);

G_END_DECLS
