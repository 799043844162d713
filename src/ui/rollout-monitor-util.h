/* rollout-monitor-util.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-history.h"

G_BEGIN_DECLS

gboolean       rollout_monitor_parse_value      (const char       *text,
                                                 double           *out_value);
char          *rollout_monitor_format_value     (double            value);
char          *rollout_monitor_format_day       (RolloutDate       date);
GtkStringList *rollout_monitor_new_phase_names  (RolloutProject   *project,
                                                 const char       *none_label);
const char    *rollout_monitor_sentiment_label  (RolloutSentiment  sentiment);
const char    *rollout_monitor_sentiment_icon   (RolloutSentiment  sentiment);
char          *rollout_monitor_dup_user_name    (void);

G_END_DECLS
