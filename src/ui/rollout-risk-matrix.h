/* rollout-risk-matrix.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-risk-layout.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_RISK_MATRIX (rollout_risk_matrix_get_type ())

G_DECLARE_FINAL_TYPE (RolloutRiskMatrix, rollout_risk_matrix, ROLLOUT, RISK_MATRIX, GtkWidget)

GtkWidget         *rollout_risk_matrix_new            (void);
GListModel        *rollout_risk_matrix_get_model      (RolloutRiskMatrix *self);
void               rollout_risk_matrix_set_model      (RolloutRiskMatrix *self,
                                                       GListModel        *model);
RolloutRisk       *rollout_risk_matrix_get_selected   (RolloutRiskMatrix *self);
void               rollout_risk_matrix_set_selected   (RolloutRiskMatrix *self,
                                                       RolloutRisk       *risk);
void               rollout_risk_matrix_set_matches    (RolloutRiskMatrix *self,
                                                       GHashTable        *matches);
void               rollout_risk_matrix_set_menu_model (RolloutRiskMatrix *self,
                                                       GMenuModel        *menu_model);
void               rollout_risk_matrix_refresh        (RolloutRiskMatrix *self);
RolloutRiskLayout *rollout_risk_matrix_get_layout     (RolloutRiskMatrix *self);
guint              rollout_risk_matrix_get_cursor     (RolloutRiskMatrix *self);
GtkWidget         *rollout_risk_matrix_get_cell       (RolloutRiskMatrix *self,
                                                       guint              index);
void               rollout_risk_matrix_popup_menu     (RolloutRiskMatrix *self);

G_END_DECLS
