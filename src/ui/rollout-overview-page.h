/* rollout-overview-page.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-document.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_OVERVIEW_PAGE (rollout_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (RolloutOverviewPage, rollout_overview_page, ROLLOUT, OVERVIEW_PAGE, GtkWidget)

GtkWidget       *rollout_overview_page_new          (void);
RolloutDocument *rollout_overview_page_get_document (RolloutOverviewPage *self);
void             rollout_overview_page_set_document (RolloutOverviewPage *self,
                                                     RolloutDocument     *document);

G_END_DECLS
