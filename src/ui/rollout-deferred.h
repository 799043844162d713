/* rollout-deferred.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*RolloutDeferredFunc) (gpointer owner);

/* An update of a view that waits: for the end of a burst of edits while
 * the view is shown, and until it is shown while it is not. Embedded in
 * the view's instance struct. */
typedef struct {
  GtkWidget           *owner;  /* unowned: the struct lives in it */
  RolloutDeferredFunc  func;
  guint                source;
  gboolean             stale;
} RolloutDeferred;

void rollout_deferred_init        (RolloutDeferred     *self,
                                   GtkWidget           *owner,
                                   RolloutDeferredFunc  func);
void rollout_deferred_queue       (RolloutDeferred     *self);
void rollout_deferred_mark_stale  (RolloutDeferred     *self);
void rollout_deferred_flush       (RolloutDeferred     *self);
void rollout_deferred_done        (RolloutDeferred     *self);

G_END_DECLS
