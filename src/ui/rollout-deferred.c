/* rollout-deferred.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Board, Risks and other views make what they show again after the
 * plan changes. Edits come in bursts, so a view that is shown does it once
 * after them, in an idle; a view that is not shown only remembers that it
 * is stale, and catches up when it is mapped (or when asked for what it
 * shows): opening a big plan, or editing it on another view, costs the
 * hidden views nothing. */

#include "config.h"

#include "rollout-deferred.h"

/**
 * rollout_deferred_init:
 * @self: the update, in @owner's instance struct
 * @owner: the view
 * @func: makes what @owner shows again; it calls rollout_deferred_done()
 */
void
rollout_deferred_init (RolloutDeferred     *self,
                       GtkWidget           *owner,
                       RolloutDeferredFunc  func)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (func != NULL);

  self->owner = owner;
  self->func = func;
  self->source = 0;
  self->stale = FALSE;
}

static gboolean
deferred_idle_cb (gpointer data)
{
  RolloutDeferred *self = data;

  self->source = 0;
  self->func (self->owner);
  return G_SOURCE_REMOVE;
}

/**
 * rollout_deferred_queue:
 * @self: an update
 *
 * The plan changed: the view is made again once the burst of edits is
 * over when it is shown, else when it is next shown.
 */
void
rollout_deferred_queue (RolloutDeferred *self)
{
  if (!gtk_widget_get_mapped (self->owner))
    rollout_deferred_mark_stale (self);
  else if (self->source == 0)
    self->source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, deferred_idle_cb, self, NULL);
}

/**
 * rollout_deferred_mark_stale:
 * @self: an update
 *
 * The view is to be made again when it is shown, not before.
 */
void
rollout_deferred_mark_stale (RolloutDeferred *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->stale = TRUE;
}

/**
 * rollout_deferred_flush:
 * @self: an update
 *
 * Makes the view again at once if anything waits: when it is mapped, and
 * before it answers what it shows.
 */
void
rollout_deferred_flush (RolloutDeferred *self)
{
  if (self->source != 0 || self->stale)
    self->func (self->owner);
}

/**
 * rollout_deferred_done:
 * @self: an update
 *
 * Nothing waits any more: called by the update function, and by the
 * view's dispose.
 */
void
rollout_deferred_done (RolloutDeferred *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->stale = FALSE;
}
