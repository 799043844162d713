/* rollout-gate-editor.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_GATE_EDITOR (rollout_gate_editor_get_type ())

G_DECLARE_FINAL_TYPE (RolloutGateEditor, rollout_gate_editor, ROLLOUT, GATE_EDITOR, AdwWindow)

GtkWidget         *rollout_gate_editor_new         (GtkWidget         *source,
                                                    RolloutDocument   *document,
                                                    RolloutPhase      *phase);
GtkWidget         *rollout_gate_editor_open        (GtkWidget         *source,
                                                    RolloutDocument   *document,
                                                    RolloutPhase      *phase);
GtkWidget         *rollout_gate_editor_open_by_id  (GtkWidget         *source,
                                                    RolloutDocument   *document,
                                                    const char        *phase_id);
RolloutPhase      *rollout_gate_editor_get_phase   (RolloutGateEditor *self);
const RolloutGate *rollout_gate_editor_get_draft   (RolloutGateEditor *self);
gboolean           rollout_gate_editor_get_valid   (RolloutGateEditor *self);

G_END_DECLS
