/* rollout-risk-editor.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_RISK_EDITOR (rollout_risk_editor_get_type ())

G_DECLARE_FINAL_TYPE (RolloutRiskEditor, rollout_risk_editor, ROLLOUT, RISK_EDITOR, GtkWidget)

GtkWidget       *rollout_risk_editor_new          (void);
void             rollout_risk_editor_set_document (RolloutRiskEditor *self,
                                                   RolloutDocument   *document);
RolloutRisk     *rollout_risk_editor_get_risk     (RolloutRiskEditor *self);
void             rollout_risk_editor_set_risk     (RolloutRiskEditor *self,
                                                   RolloutRisk       *risk);
void             rollout_risk_editor_commit       (RolloutRiskEditor *self);
void             rollout_risk_editor_focus_title  (RolloutRiskEditor *self,
                                                   gboolean           select);

G_END_DECLS
