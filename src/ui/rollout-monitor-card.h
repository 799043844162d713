/* rollout-monitor-card.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rollout-gates.h"

G_BEGIN_DECLS

/**
 * RolloutMonitorCardRole:
 * @ROLLOUT_MONITOR_CARD_OTHER: a phase the roll-out is not deciding about
 * @ROLLOUT_MONITOR_CARD_CURRENT: the phase the roll-out is in: its card
 *   carries the decisions (start the next phase, override, pause, resume,
 *   roll back)
 * @ROLLOUT_MONITOR_CARD_FIRST: no phase has started and this is the first:
 *   its card offers to start it
 *
 * What a phase's card offers to do.
 */
typedef enum {
  ROLLOUT_MONITOR_CARD_OTHER,
  ROLLOUT_MONITOR_CARD_CURRENT,
  ROLLOUT_MONITOR_CARD_FIRST,
} RolloutMonitorCardRole;

#define ROLLOUT_TYPE_MONITOR_CARD (rollout_monitor_card_get_type ())

G_DECLARE_FINAL_TYPE (RolloutMonitorCard, rollout_monitor_card, ROLLOUT, MONITOR_CARD, GtkWidget)

GtkWidget      *rollout_monitor_card_new               (void);
void            rollout_monitor_card_update            (RolloutMonitorCard     *self,
                                                        RolloutProject         *project,
                                                        RolloutPhase           *phase,
                                                        RolloutGateEvaluation  *evaluation,
                                                        RolloutMonitorCardRole  role,
                                                        RolloutPhase           *next);
RolloutPhase   *rollout_monitor_card_get_phase         (RolloutMonitorCard     *self);
RolloutVerdict  rollout_monitor_card_get_verdict       (RolloutMonitorCard     *self);
const char     *rollout_monitor_card_get_verdict_text  (RolloutMonitorCard     *self);
gboolean        rollout_monitor_card_get_expanded      (RolloutMonitorCard     *self);
void            rollout_monitor_card_set_expanded      (RolloutMonitorCard     *self,
                                                        gboolean                expanded);

G_END_DECLS
