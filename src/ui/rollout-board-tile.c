/* rollout-board-tile.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The widget of one card on the board: the task's name, its team and
 * phase, what blocks it, its scheduled finish (with "Late" or "After gate"
 * in words beside it, shortened on a narrow card), its checklist progress
 * and its owner's initials, with the team's colour as a bar down the left
 * edge. It only shows a card; the board view gives it behaviour (focus,
 * clicks, drag and drop). Its accessible label says all of it in one
 * sentence.
 */

#define G_LOG_DOMAIN "rollout-board-tile"

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n.h>

#include "rollout-board-avatar.h"
#include "rollout-board-tile.h"
#include "rollout-format.h"

/* The bar sits in the tile's left padding (20 px in the board's CSS);
 * snapshots start at the content box, inside the padding. */
#define STRIPE_WIDTH 4
#define STRIPE_X (-13)

struct _RolloutBoardTile
{
  GtkWidget    parent_instance;

  RolloutTask *task;
  RolloutBoardCard card;   /* what is shown, without its task */
  GdkRGBA      color;
  guint        has_color : 1;
  guint        selected : 1;

  /* Template children */
  GtkLabel    *name_label;
  GtkLabel    *meta_label;
  GtkWidget   *blocked_box;
  GtkLabel    *blocked_label;
  GtkImage    *date_icon;
  GtkLabel    *date_label;
  GtkLabel    *late_label;
  GtkWidget   *checklist_box;
  GtkLabel    *checklist_label;
  RolloutBoardAvatar *avatar;
};

G_DEFINE_FINAL_TYPE (RolloutBoardTile, rollout_board_tile, GTK_TYPE_WIDGET)

/* "2 Feb": the year is in the tooltip. */
static char *
short_date (RolloutDate date)
{
  g_autoptr(GDateTime) when = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  when = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), 0, 0, 0);
  /* Translators: a day in the task list, without the year; see strftime */
  return g_date_time_format (when, _("%-d %b"));
}

static char *
date_description (RolloutBoardTile *self)
{
  g_autofree char *full = NULL;

  if (self->card.finish == ROLLOUT_DATE_NONE)
    return g_strdup (_("Not scheduled"));
  full = rollout_format_date (self->card.finish);
  if (rollout_task_is_milestone (self->task))
    /* Translators: a milestone's day */
    return g_strdup_printf (_("Milestone on %s"), full);
  /* Translators: the day a task is scheduled to finish */
  return g_strdup_printf (_("Scheduled to finish on %s"), full);
}

static char *
checklist_description (RolloutBoardTile *self)
{
  /* Translators: checklist items done, then all of them */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u checklist item done",
                                       "%u of %u checklist items done", self->card.n_checklist),
                          self->card.n_checked, self->card.n_checklist);
}

/* What "Late" or "After gate" means for this card; with the chip's own
 * words first when the card is too narrow to show them whole. */
static char *
late_description (RolloutBoardTile *self)
{
  g_autofree char *meaning = NULL;

  if (self->card.lateness & ROLLOUT_BOARD_LATE)
    meaning = g_strdup (_("Should have finished by now"));
  else if (self->card.lateness & ROLLOUT_BOARD_AFTER_GATE)
    {
      g_autofree char *gate = rollout_format_date (self->card.gate);

      /* Translators: the day the phase's go/no-go gate is due */
      meaning = g_strdup_printf (_("Finishes after its phase’s gate, due %s"), gate);
    }
  else
    return NULL;

  if (pango_layout_is_ellipsized (gtk_label_get_layout (self->late_label)))
    return g_strdup_printf ("%s\n%s", gtk_label_get_label (self->late_label), meaning);
  return g_steal_pointer (&meaning);
}

/* Tooltips are written when asked for: setting them on every bind costs
 * more than the rest of the tile. */
static gboolean
query_tooltip_cb (RolloutBoardTile *self,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip)
{
  GtkWidget *target = NULL;
  g_autofree char *text = NULL;

  if (self->task == NULL)
    return FALSE;
  if (!keyboard)
    target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (target != NULL && gtk_widget_is_ancestor (target, self->checklist_box))
    text = checklist_description (self);
  else if (target == GTK_WIDGET (self->date_label) || target == GTK_WIDGET (self->date_icon))
    text = date_description (self);
  else if (target == GTK_WIDGET (self->late_label))
    text = late_description (self);
  else if (target != NULL && (target == GTK_WIDGET (self->avatar) || gtk_widget_is_ancestor (target, GTK_WIDGET (self->avatar))))
    text = g_strdup (rollout_task_get_owner (self->task));
  else if (target != NULL && gtk_widget_is_ancestor (target, self->blocked_box))
    text = g_strdup (gtk_label_get_label (self->blocked_label));
  else if (target == GTK_WIDGET (self->meta_label) && pango_layout_is_ellipsized (gtk_label_get_layout (self->meta_label)))
    text = g_strdup (gtk_label_get_label (self->meta_label));
  else if (target == GTK_WIDGET (self->name_label) && pango_layout_is_ellipsized (gtk_label_get_layout (self->name_label)))
    text = g_strdup (gtk_label_get_label (self->name_label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
rollout_board_tile_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RolloutBoardTile *self = ROLLOUT_BOARD_TILE (widget);
  int height = gtk_widget_get_height (widget);

  /* The team's colour, as a rounded bar inside the left edge. */
  if (self->has_color && height > 0)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (STRIPE_X, 0, STRIPE_WIDTH, height);
      GskRoundedRect clip;

      gsk_rounded_rect_init_from_rect (&clip, &bounds, STRIPE_WIDTH / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &self->color, &bounds);
      gtk_snapshot_pop (snapshot);
    }

  GTK_WIDGET_CLASS (rollout_board_tile_parent_class)->snapshot (widget, snapshot);
}

static void
rollout_board_tile_dispose (GObject *object)
{
  RolloutBoardTile *self = ROLLOUT_BOARD_TILE (object);
  GtkWidget *child;

  g_clear_object (&self->task);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_BOARD_TILE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rollout_board_tile_parent_class)->dispose (object);
}

static void
rollout_board_tile_class_init (RolloutBoardTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_board_tile_dispose;
  widget_class->snapshot = rollout_board_tile_snapshot;

  g_type_ensure (ROLLOUT_TYPE_BOARD_AVATAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-board-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, blocked_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, blocked_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, date_icon);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, date_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, late_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, checklist_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardTile, avatar);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "board-tile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rollout_board_tile_init (RolloutBoardTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
rollout_board_tile_new (void)
{
  return g_object_new (ROLLOUT_TYPE_BOARD_TILE, NULL);
}

/**
 * rollout_board_tile_set_card:
 * @self: a #RolloutBoardTile
 * @project: the plan the card's task belongs to
 * @card: (nullable): the card to show, or %NULL for none
 */
void
rollout_board_tile_set_card (RolloutBoardTile       *self,
                             RolloutProject         *project,
                             const RolloutBoardCard *card)
{
  RolloutTask *task;
  RolloutTeam *team;
  RolloutPhase *phase;
  const char *name, *owner, *reason, *team_name = NULL, *phase_name = NULL;
  const char *late = NULL, *late_style = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *date = NULL;
  g_autofree char *checklist = NULL;
  g_autofree char *date_text = NULL;
  g_autoptr(GString) accessible = NULL;

  g_return_if_fail (ROLLOUT_IS_BOARD_TILE (self));

  if (card == NULL)
    {
      g_clear_object (&self->task);
      self->has_color = FALSE;
      return;
    }

  task = card->task;
  g_set_object (&self->task, task);
  self->card = *card;
  self->card.task = NULL;
  team = rollout_project_lookup_team (project, rollout_task_get_team_id (task));
  phase = rollout_project_lookup_phase (project, rollout_task_get_phase_id (task));
  name = rollout_task_get_name (task);
  owner = rollout_task_get_owner (task);
  reason = rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_BLOCKED ? rollout_task_get_blocked_reason (task) : NULL;
  if (team != NULL)
    team_name = rollout_team_get_name (team) != NULL ? rollout_team_get_name (team) : rollout_team_get_id (team);
  if (phase != NULL)
    phase_name = rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase);

  self->has_color = team != NULL && rollout_team_get_color (team) != NULL &&
                    gdk_rgba_parse (&self->color, rollout_team_get_color (team));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  gtk_label_set_label (self->name_label, name != NULL ? name : rollout_task_get_id (task));
  if (team_name != NULL && phase_name != NULL)
    /* Translators: a card's team, then its phase */
    meta = g_strdup_printf (_("%s · %s"), team_name, phase_name);
  else
    meta = g_strdup (team_name != NULL ? team_name : phase_name != NULL ? phase_name : "");
  gtk_label_set_label (self->meta_label, meta);

  gtk_widget_set_visible (self->blocked_box, reason != NULL);
  gtk_label_set_label (self->blocked_label, reason != NULL ? reason : "");

  gtk_image_set_from_icon_name (self->date_icon, rollout_task_is_milestone (task) ? "emoji-flags-symbolic"
                                                                                   : "x-office-calendar-symbolic");
  date = card->finish != ROLLOUT_DATE_NONE ? short_date (card->finish) : g_strdup (_("Not scheduled"));
  gtk_label_set_label (self->date_label, date);

  if (card->lateness & ROLLOUT_BOARD_LATE)
    {
      late = _("Late");
      late_style = "error";
    }
  else if (card->lateness & ROLLOUT_BOARD_AFTER_GATE)
    {
      late = _("After Gate");
      late_style = "warning";
    }
  if (late_style == NULL || g_strcmp0 (late_style, "error") != 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->late_label), "error");
  if (late_style == NULL || g_strcmp0 (late_style, "warning") != 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->late_label), "warning");
  if (late_style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->late_label), late_style);
  gtk_widget_set_visible (GTK_WIDGET (self->late_label), late != NULL);
  gtk_label_set_label (self->late_label, late != NULL ? late : "");

  gtk_widget_set_visible (self->checklist_box, card->n_checklist > 0);
  checklist = g_strdup_printf ("%u/%u", card->n_checked, card->n_checklist);
  gtk_label_set_label (self->checklist_label, checklist);

  gtk_widget_set_visible (GTK_WIDGET (self->avatar), owner != NULL && *owner != '\0');
  rollout_board_avatar_set_name (self->avatar, owner);

  /* Everything the card shows, for a screen reader. */
  date_text = date_description (self);
  accessible = g_string_new (gtk_label_get_label (self->name_label));
  if (*meta != '\0')
    g_string_append_printf (accessible, ". %s", meta);
  g_string_append_printf (accessible, ". %s", date_text);
  if (late != NULL)
    g_string_append_printf (accessible, ", %s", late);
  if (card->n_checklist > 0)
    {
      g_autofree char *items = checklist_description (self);

      g_string_append_printf (accessible, ". %s", items);
    }
  if (owner != NULL && *owner != '\0')
    /* Translators: a card's owner, for screen readers */
    g_string_append_printf (accessible, ". %s %s", _("Owner"), owner);
  if (reason != NULL)
    /* Translators: what a card is blocked on, for screen readers */
    g_string_append_printf (accessible, ". %s %s", _("Blocked on"), reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
}

/**
 * rollout_board_tile_get_task:
 * @self: a #RolloutBoardTile
 *
 * Returns: (transfer none) (nullable): the task the tile shows
 */
RolloutTask *
rollout_board_tile_get_task (RolloutBoardTile *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_TILE (self), NULL);

  return self->task;
}

void
rollout_board_tile_set_selected (RolloutBoardTile *self,
                                 gboolean          selected)
{
  g_return_if_fail (ROLLOUT_IS_BOARD_TILE (self));

  selected = !!selected;
  if (self->selected == (guint) selected)
    return;
  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

gboolean
rollout_board_tile_get_selected (RolloutBoardTile *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_TILE (self), FALSE);

  return self->selected;
}
