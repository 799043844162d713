/* rollout-board-avatar.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A person's initials in a coloured circle, on a board card. The board
 * keeps a couple of hundred rows of four cards alive, so this is drawn,
 * not built from widgets as AdwAvatar is: one widget, no children, a
 * layout made once per name. The colour comes from the name, so a person
 * has the same colour on every card; the initials carry the meaning. */

#define G_LOG_DOMAIN "rollout-board-avatar"

#include "config.h"

#include "rollout-board.h"
#include "rollout-board-avatar.h"

#define SIZE 24

struct _RolloutBoardAvatar
{
  GtkWidget    parent_instance;

  char        *name;
  PangoLayout *layout;
  GdkRGBA      color;
};

G_DEFINE_FINAL_TYPE (RolloutBoardAvatar, rollout_board_avatar, GTK_TYPE_WIDGET)

/* Dark enough for white initials, in light and dark styles alike. */
static const char * const palette[] = {
  "#1c71d8", "#26a269", "#c64600", "#c01c28", "#813d9c",
  "#865e3c", "#2190a4", "#9c6e03", "#5e5c64", "#a51d2d",
};

static void
update_layout (RolloutBoardAvatar *self)
{
  g_autofree char *initials = NULL;
  PangoAttrList *attrs;

  g_clear_object (&self->layout);
  if (self->name == NULL)
    return;
  initials = rollout_board_initials (self->name);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), initials);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
  pango_layout_set_attributes (self->layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
rollout_board_avatar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
rollout_board_avatar_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RolloutBoardAvatar *self = ROLLOUT_BOARD_AVATAR (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, SIZE, SIZE);
  GdkRGBA white = { 1, 1, 1, 1 };
  GskRoundedRect circle;
  PangoRectangle ink, logical;

  if (self->layout == NULL)
    return;
  gsk_rounded_rect_init_from_rect (&circle, &bounds, SIZE / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &self->color, &bounds);
  gtk_snapshot_pop (snapshot);

  pango_layout_get_pixel_extents (self->layout, &ink, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((SIZE - logical.width) / 2.0,
                                                          (SIZE - logical.height) / 2.0));
  gtk_snapshot_append_layout (snapshot, self->layout, &white);
  gtk_snapshot_restore (snapshot);
}

static void
rollout_board_avatar_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rollout_board_avatar_parent_class)->css_changed (widget, change);

  /* The font may have changed. */
  update_layout (ROLLOUT_BOARD_AVATAR (widget));
}

static void
rollout_board_avatar_finalize (GObject *object)
{
  RolloutBoardAvatar *self = ROLLOUT_BOARD_AVATAR (object);

  g_clear_object (&self->layout);
  g_free (self->name);

  G_OBJECT_CLASS (rollout_board_avatar_parent_class)->finalize (object);
}

static void
rollout_board_avatar_class_init (RolloutBoardAvatarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rollout_board_avatar_finalize;
  widget_class->measure = rollout_board_avatar_measure;
  widget_class->snapshot = rollout_board_avatar_snapshot;
  widget_class->css_changed = rollout_board_avatar_css_changed;

  gtk_widget_class_set_css_name (widget_class, "board-avatar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rollout_board_avatar_init (RolloutBoardAvatar *self)
{
}

GtkWidget *
rollout_board_avatar_new (void)
{
  return g_object_new (ROLLOUT_TYPE_BOARD_AVATAR, NULL);
}

const char *
rollout_board_avatar_get_name (RolloutBoardAvatar *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_AVATAR (self), NULL);

  return self->name;
}

/**
 * rollout_board_avatar_set_name:
 * @self: a #RolloutBoardAvatar
 * @name: (nullable): the person's name; %NULL or empty shows nothing
 */
void
rollout_board_avatar_set_name (RolloutBoardAvatar *self,
                               const char         *name)
{
  g_return_if_fail (ROLLOUT_IS_BOARD_AVATAR (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  if (name != NULL)
    gdk_rgba_parse (&self->color, palette[g_str_hash (name) % G_N_ELEMENTS (palette)]);
  update_layout (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
