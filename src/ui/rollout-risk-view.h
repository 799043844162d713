/* rollout-risk-view.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"
#include "rollout-risk-matrix.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_RISK_VIEW (rollout_risk_view_get_type ())

G_DECLARE_FINAL_TYPE (RolloutRiskView, rollout_risk_view, ROLLOUT, RISK_VIEW, GtkWidget)

GtkWidget         *rollout_risk_view_new          (void);
RolloutDocument   *rollout_risk_view_get_document (RolloutRiskView *self);
void               rollout_risk_view_set_document (RolloutRiskView *self,
                                                   RolloutDocument *document);
RolloutRisk       *rollout_risk_view_get_selected (RolloutRiskView *self);
void               rollout_risk_view_select       (RolloutRiskView *self,
                                                   RolloutRisk     *risk);
RolloutRiskMatrix *rollout_risk_view_get_matrix   (RolloutRiskView *self);
GListModel        *rollout_risk_view_get_register (RolloutRiskView *self);

G_END_DECLS
