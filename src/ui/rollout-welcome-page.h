/* rollout-welcome-page.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-application.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_WELCOME_PAGE (rollout_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (RolloutWelcomePage, rollout_welcome_page, ROLLOUT, WELCOME_PAGE, GtkWidget)

GtkWidget *rollout_welcome_page_new             (void);
void       rollout_welcome_page_set_application (RolloutWelcomePage *self,
                                                 RolloutApplication *application);

G_END_DECLS
