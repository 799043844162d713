/* rollout-timeline-chart.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Gantt chart: a GtkScrollable that turns a RolloutTimelineLayout into
 * render nodes.
 *
 * Geometry comes from the layout only; this file decides colours and
 * shapes. The time scale is pinned at the top (a header of two lines) and
 * the rows scroll under it: the vertical adjustment is shared with the task
 * list beside the chart, so both move together.
 *
 * Each frame draws only what shows: the layout answers which rows, ticks,
 * non-working spans and arrows meet the visible rectangle, mostly by binary
 * search. Per frame nothing is allocated but render nodes: scale labels are
 * shaped once into PangoLayouts kept in a cache, team colours are parsed
 * once per layout, the hatching of late bars is one node built per style,
 * and the arrow query fills an array kept for the next frame.
 *
 * Editing by pointer: a drag on a task's bar moves it, a drag on its right
 * end changes its length, and a drag from the round handle beside the end
 * of the bar under the pointer to another bar links the two. The chart
 * only reads the pointer: it reports the day the bar would start on, or
 * the day it would end on, as the pointer moves (::drag-task), and the
 * view turns that into edits. While a link is dragged the chart draws a
 * line to the pointer and rings the bar it would link to.
 *
 * A drag near an edge of the chart scrolls it, from a tick callback, the
 * faster the nearer the pointer is to the edge (or the farther past it);
 * the drag goes on from where the pointer now is over the plan. Drags are
 * measured in days, not pixels, so that neither scrolling nor a new
 * layout (the view lays the plan out again as dependants move) shifts
 * them.
 *
 * Everything is doable by keyboard too: arrows and Page Up/Down select,
 * Enter edits, the window's Alt+arrows move and stretch the selected bar,
 * and rollout_timeline_chart_begin_link() starts a link from it: the arrows
 * then pick the task to link to, Enter links and Escape gives up.
 *
 * For assistive technologies the chart is a list box whose description
 * is the selected bar: its name, dates and states, or the link being made.
 */

#define G_LOG_DOMAIN "rollout-timeline-chart"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-format.h"
#include "rollout-timeline-chart-private.h"

/* Beyond this many shaped labels the cache starts again. */
#define LABEL_CACHE_MAX 1024
/* Weekends are shaded only where a day is wide enough to see. */
#define MIN_SHADED_DAY_WIDTH 6.0
#define ARROW_HEAD_LENGTH 6.0
#define ARROW_HEAD_HALF_WIDTH 4.0
#define ICON_SIZE 16
#define HATCH_SIZE 6.0
/* The link handle: a ring this far beyond the end of a bar. */
#define LINK_HANDLE_GAP 12.0
#define LINK_HANDLE_RADIUS 5.0
#define LINK_HANDLE_HIT 8.0
/* A press becomes a drag only after the pointer moves this far. */
#define DRAG_THRESHOLD 4.0
/* A drag this near an edge scrolls, up to this fast (pixels a second). */
#define AUTOSCROLL_EDGE 40.0
#define AUTOSCROLL_MAX_SPEED 1200.0

typedef struct
{
  GdkRGBA fg;
  GdkRGBA view_bg;
  GdkRGBA header_bg;
  GdkRGBA accent;      /* accent_bg_color: today, selection, default bars */
  GdkRGBA accent_fg;
  GdkRGBA critical;    /* destructive_bg_color */
  GdkRGBA warning;
  GdkRGBA error;
  gboolean dark;
  gboolean high_contrast;
} Palette;

struct _RolloutTimelineChart
{
  GtkWidget               parent_instance;

  RolloutTimelineLayout  *layout;
  GtkAdjustment          *hadjustment;
  GtkAdjustment          *vadjustment;
  guint                   hscroll_policy : 1;
  guint                   vscroll_policy : 1;
  guint                   highlight_critical : 1;

  int                     selected_row;
  int                     hover_row;
  double                  pointer_x;
  double                  zoom_delta;

  int                     line_height;    /* one line of the header */
  PangoFontDescription   *major_font;
  PangoFontDescription   *minor_font;
  GHashTable             *labels[2];      /* tick label (layout-owned) → PangoLayout */
  GHashTable             *team_colors;    /* colour string (layout-owned) → GdkRGBA */

  Palette                 palette;
  GskRenderNode          *hatch;          /* one tile of the late hatching */
  GskRenderNode          *dim_hatch;      /* the same, faded beside the critical path */
  GtkIconPaintable       *late_icon;
  GtkIconPaintable       *blocked_icon;

  GArray                 *visible_arrows; /* guint, reused every frame */
  GtkGesture             *drag;

  GHashTable             *matches;        /* (nullable) rows to highlight, by object */

  /* The drag in progress, or the link being made by keyboard */
  RolloutTimelineDrag     drag_mode;
  gpointer                drag_task;      /* owned */
  gboolean                drag_started;
  gboolean                keyboard_link;
  double                  drag_bar_day;   /* where the bar began, in days since the epoch */
  double                  drag_bar_days;  /* its length in days */
  double                  drag_start_day; /* the day under the pointer when the drag began */
  double                  drag_pointer_x; /* the pointer now, in widget coordinates */
  double                  drag_pointer_y;
  double                  drag_start_x;
  double                  drag_start_y;
  RolloutDate             last_drag_date; /* the last day ::drag-task told */
  int                     link_target;    /* row a link would go to, or -1 */
  char                   *description;    /* (nullable) what the keyboard acts on */

  /* Scrolling while a drag is near an edge */
  guint                   autoscroll_id;
  gint64                  autoscroll_time;
};

static void rollout_timeline_chart_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RolloutTimelineChart, rollout_timeline_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      rollout_timeline_chart_scrollable_init))

enum {
  PROP_0,
  PROP_SELECTED_ROW,
  PROP_HIGHLIGHT_CRITICAL,
  PROP_HEADER_HEIGHT,
  PROP_LINKING,
  PROP_LINK_TARGET,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SELECT_ROW,
  ACTIVATE_ROW,
  ZOOM,
  DRAG_TASK,
  CANCEL_DRAG,
  LINK_TASKS,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers ----------------------------------------------------------------- */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* @a, moved @t of the way towards @b. */
static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     float          t)
{
  GdkRGBA c = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };

  return c;
}

/* How strongly to draw a line or shade: @normal, or @high_contrast when
 * the high-contrast style is on. */
static float
strength (RolloutTimelineChart *self,
          float                 normal,
          float                 high_contrast)
{
  return self->palette.high_contrast ? high_contrast : normal;
}

static double
body_top (RolloutTimelineChart *self)
{
  return 2 * self->line_height;
}

static double
hvalue (RolloutTimelineChart *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (RolloutTimelineChart *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static const RolloutTimelineRow *
row_or_null (RolloutTimelineChart *self,
             int                   row)
{
  if (self->layout == NULL || row < 0 || (guint) row >= rollout_timeline_layout_get_n_rows (self->layout))
    return NULL;
  return rollout_timeline_layout_get_row (self->layout, row);
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    *out = *fallback;
}

static void
clear_label_caches (RolloutTimelineChart *self)
{
  g_hash_table_remove_all (self->labels[0]);
  g_hash_table_remove_all (self->labels[1]);
}

static GtkIconPaintable *
lookup_icon (GtkWidget  *widget,
             const char *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

  return gtk_icon_theme_lookup_icon (theme, name, NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
}

/* Diagonal stripes, one tile of them, to repeat over late work. */
static GskRenderNode *
build_hatch (const GdkRGBA *color,
             float          alpha)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GdkRGBA stripe = with_alpha (color, alpha);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, HATCH_SIZE, HATCH_SIZE));
  for (int k = -1; k <= 1; k++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (HATCH_SIZE / 2 + k * HATCH_SIZE, HATCH_SIZE / 2));
      gtk_snapshot_rotate (snapshot, -45);
      gtk_snapshot_append_color (snapshot, &stripe,
                                 &GRAPHENE_RECT_INIT (-HATCH_SIZE, -0.75f, 2 * HATCH_SIZE, 1.5f));
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_pop (snapshot);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Colours and fonts come from the style, so light, dark and high contrast
 * all work; they are read again whenever the style changes. */
static void
update_style (RolloutTimelineChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *base = pango_context_get_font_description (pango);
  static const GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.0f };
  static const GdkRGBA red = { 0.75f, 0.11f, 0.16f, 1.0f };
  static const GdkRGBA yellow = { 0.61f, 0.43f, 0.0f, 1.0f };
  static const GdkRGBA white = { 1, 1, 1, 1 };
  Palette *p = &self->palette;
  PangoFontMetrics *metrics;
  int size, text_height, line_height;

  gtk_style_context_get_color (context, &p->fg);
  lookup_color (context, "view_bg_color", &white, &p->view_bg);
  lookup_color (context, "window_bg_color", &p->view_bg, &p->header_bg);
  lookup_color (context, "accent_bg_color", &blue, &p->accent);
  lookup_color (context, "accent_fg_color", &white, &p->accent_fg);
  lookup_color (context, "destructive_bg_color", &red, &p->critical);
  lookup_color (context, "warning_color", &yellow, &p->warning);
  lookup_color (context, "error_color", &red, &p->error);
  p->dark = (p->view_bg.red + p->view_bg.green + p->view_bg.blue) < 1.5f;
  p->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  g_clear_pointer (&self->hatch, gsk_render_node_unref);
  g_clear_pointer (&self->dim_hatch, gsk_render_node_unref);
  self->hatch = build_hatch (&p->fg, p->high_contrast ? 0.7f : 0.45f);
  self->dim_hatch = build_hatch (&p->fg, 0.12f);
  g_clear_object (&self->late_icon);
  g_clear_object (&self->blocked_icon);
  self->late_icon = lookup_icon (widget, "alarm-symbolic");
  self->blocked_icon = lookup_icon (widget, "action-unavailable-symbolic");

  /* The scale uses caption-sized type; its height follows the font. */
  g_clear_pointer (&self->minor_font, pango_font_description_free);
  g_clear_pointer (&self->major_font, pango_font_description_free);
  self->minor_font = pango_font_description_copy (base);
  size = pango_font_description_get_size (base);
  if (size <= 0)
    size = 11 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (self->minor_font, size * 0.85);
  else
    pango_font_description_set_size (self->minor_font, (int) (size * 0.85));
  self->major_font = pango_font_description_copy (self->minor_font);
  pango_font_description_set_weight (self->major_font, PANGO_WEIGHT_BOLD);

  metrics = pango_context_get_metrics (pango, self->minor_font, NULL);
  text_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  pango_font_metrics_unref (metrics);
  line_height = MAX (24, text_height + 10);
  if (line_height != self->line_height)
    {
      self->line_height = line_height;
      gtk_widget_queue_resize (widget);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_HEIGHT]);
    }

  clear_label_caches (self);
  g_hash_table_remove_all (self->team_colors);
  gtk_widget_queue_draw (widget);
}

static PangoLayout *
label_layout (RolloutTimelineChart *self,
              RolloutTimelineScale  scale,
              const char           *text)
{
  GHashTable *cache = self->labels[scale];
  PangoLayout *layout = g_hash_table_lookup (cache, text);

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (cache) >= LABEL_CACHE_MAX)
    g_hash_table_remove_all (cache);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_set_font_description (layout, scale == ROLLOUT_TIMELINE_SCALE_MAJOR ? self->major_font
                                                                                    : self->minor_font);
  g_hash_table_insert (cache, (gpointer) text, layout);
  return layout;
}

static const GdkRGBA *
team_color (RolloutTimelineChart     *self,
            const RolloutTimelineRow *row)
{
  GdkRGBA *color;

  if (row->color == NULL)
    return &self->palette.accent;

  color = g_hash_table_lookup (self->team_colors, row->color);
  if (color == NULL)
    {
      color = g_new (GdkRGBA, 1);
      if (!gdk_rgba_parse (color, row->color))
        *color = self->palette.accent;
      color->alpha = 1;
      g_hash_table_insert (self->team_colors, (gpointer) row->color, color);
    }
  return color;
}

static void
configure_adjustments (RolloutTimelineChart *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double body = MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - body_top (self));
  double content_width = self->layout != NULL ? rollout_timeline_layout_get_width (self->layout) : 0;
  double content_height = self->layout != NULL ? rollout_timeline_layout_get_height (self->layout) : 0;
  double row_height = self->layout != NULL ? rollout_timeline_layout_get_row_height (self->layout) : 32;
  double day_width = self->layout != NULL ? rollout_timeline_layout_get_day_width (self->layout) : 12;

  if (self->hadjustment != NULL)
    {
      double upper = MAX (content_width, width);

      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, upper - width),
                                0, upper, MAX (day_width, width * 0.05), width * 0.9, width);
    }
  if (self->vadjustment != NULL)
    {
      double upper = MAX (content_height, body);

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, upper - body),
                                0, upper, row_height, body * 0.9, body);
    }
}

static void
adjustment_value_changed_cb (RolloutTimelineChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (RolloutTimelineChart  *self,
                GtkAdjustment        **slot,
                GtkAdjustment         *adjustment,
                guint                  prop_id)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  configure_adjustments (self);
  g_object_notify (G_OBJECT (self), prop_id == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

/* Drawing ----------------------------------------------------------------- */

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  radius = MIN (radius, MIN (rect->size.width, rect->size.height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                float                  width,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  radius = MIN (radius, MIN (rect->size.width, rect->size.height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A diamond of half-diagonal @radius, or a triangle cut from one by @clip. */
static void
append_diamond (GtkSnapshot           *snapshot,
                float                  cx,
                float                  cy,
                float                  radius_x,
                float                  radius_y,
                const graphene_rect_t *clip,
                const GdkRGBA         *color)
{
  float side = radius_x * G_SQRT2;

  if (clip != NULL)
    gtk_snapshot_push_clip (snapshot, clip);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
  gtk_snapshot_scale (snapshot, 1, radius_y / radius_x);
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
  gtk_snapshot_restore (snapshot);
  if (clip != NULL)
    gtk_snapshot_pop (snapshot);
}

static void
append_icon (GtkSnapshot      *snapshot,
             GtkIconPaintable *icon,
             float             x,
             float             y,
             const GdkRGBA    *color)
{
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  if (icon == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static void
draw_shading (RolloutTimelineChart *self,
              GtkSnapshot          *snapshot,
              double                hx,
              float                 width,
              float                 top,
              float                 height)
{
  const RolloutTimelineSpan *spans;
  const RolloutTimelineTick *ticks;
  GdkRGBA weekend = with_alpha (&self->palette.fg, strength (self, self->palette.dark ? 0.05f : 0.04f, 0.09f));
  GdkRGBA holiday = with_alpha (&self->palette.warning, strength (self, 0.12f, 0.22f));
  GdkRGBA minor_line = with_alpha (&self->palette.fg, strength (self, 0.06f, 0.2f));
  GdkRGBA major_line = with_alpha (&self->palette.fg, strength (self, 0.12f, 0.4f));
  guint n, first, count;
  gboolean day_zoom = rollout_timeline_layout_get_zoom (self->layout) == ROLLOUT_TIMELINE_ZOOM_DAY;

  if (rollout_timeline_layout_get_day_width (self->layout) >= MIN_SHADED_DAY_WIDTH)
    {
      spans = rollout_timeline_layout_get_non_working (self->layout, &n);
      count = rollout_timeline_layout_get_visible_spans (self->layout, hx, hx + width, &first);
      for (guint i = first; i < first + count; i++)
        gtk_snapshot_append_color (snapshot, spans[i].holiday != NULL ? &holiday : &weekend,
                                   &GRAPHENE_RECT_INIT (spans[i].x - hx, top, spans[i].width, height));
    }

  /* Grid: unit boundaries, weeks at day zoom, and stronger major ones. */
  ticks = rollout_timeline_layout_get_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MINOR, &n);
  count = rollout_timeline_layout_get_visible_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MINOR,
                                                     hx, hx + width, &first);
  for (guint i = first; i < first + count; i++)
    {
      if (day_zoom && rollout_date_get_weekday (ticks[i].date) != G_DATE_MONDAY)
        continue;
      gtk_snapshot_append_color (snapshot, &minor_line,
                                 &GRAPHENE_RECT_INIT (floor (ticks[i].x - hx), top, 1, height));
    }
  ticks = rollout_timeline_layout_get_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MAJOR, &n);
  count = rollout_timeline_layout_get_visible_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MAJOR,
                                                     hx, hx + width, &first);
  for (guint i = first; i < first + count; i++)
    gtk_snapshot_append_color (snapshot, &major_line,
                               &GRAPHENE_RECT_INIT (floor (ticks[i].x - hx), top, 1, height));
}

static void
draw_row_backgrounds (RolloutTimelineChart *self,
                      GtkSnapshot          *snapshot,
                      double                hx,
                      double                vy,
                      float                 width,
                      float                 top,
                      guint                 first,
                      guint                 last)
{
  const RolloutTimelineBand *bands;
  GdkRGBA header = with_alpha (&self->palette.fg, strength (self, self->palette.dark ? 0.05f : 0.035f, 0.08f));
  GdkRGBA band = with_alpha (&self->palette.accent, self->palette.dark ? 0.07f : 0.05f);
  GdkRGBA band_edge = with_alpha (&self->palette.accent, strength (self, 0.25f, 0.7f));
  GdkRGBA hover = with_alpha (&self->palette.fg, strength (self, 0.03f, 0.06f));
  GdkRGBA selected = with_alpha (&self->palette.fg, strength (self, 0.08f, 0.14f));
  GdkRGBA match = with_alpha (&self->palette.accent, self->palette.dark ? 0.22f : 0.14f);
  guint n, lo = 0, hi;

  for (guint r = first; r <= last; r++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (self->layout, r);
      float y = top + row->y - vy;

      if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
        gtk_snapshot_append_color (snapshot, &header, &GRAPHENE_RECT_INIT (0, y, width, row->height));
      if (self->matches != NULL && g_hash_table_contains (self->matches, row->object))
        gtk_snapshot_append_color (snapshot, &match, &GRAPHENE_RECT_INIT (0, y, width, row->height));
      if ((int) r == self->selected_row)
        gtk_snapshot_append_color (snapshot, &selected, &GRAPHENE_RECT_INIT (0, y, width, row->height));
      else if ((int) r == self->hover_row)
        gtk_snapshot_append_color (snapshot, &hover, &GRAPHENE_RECT_INIT (0, y, width, row->height));
    }

  /* Phase bands, found by binary search on their header rows. */
  bands = rollout_timeline_layout_get_bands (self->layout, &n);
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (bands[mid].row + bands[mid].n_rows <= first)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint b = lo; b < n && bands[b].row <= last; b++)
    {
      const RolloutTimelineRect *rect = &bands[b].rect;
      float x = rect->x - hx;
      float y = top + rect->y - vy;

      if (x > width || x + rect->width < 0)
        continue;
      gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (x, y, rect->width, rect->height));
      gtk_snapshot_append_color (snapshot, &band_edge, &GRAPHENE_RECT_INIT (floor (x), y, 1, rect->height));
      gtk_snapshot_append_color (snapshot, &band_edge,
                                 &GRAPHENE_RECT_INIT (floor (x + rect->width), y, 1, rect->height));
    }
}

static void
draw_arrows (RolloutTimelineChart *self,
             GtkSnapshot          *snapshot,
             double                hx,
             double                vy,
             float                 width,
             float                 top,
             float                 height)
{
  const RolloutTimelineArrow *arrows;
  RolloutTimelineRect visible = { hx, vy, width, height };
  GdkRGBA normal = with_alpha (&self->palette.fg, strength (self, 0.45f, 0.9f));
  GdkRGBA dimmed = with_alpha (&self->palette.fg, strength (self, 0.15f, 0.4f));
  guint n;

  arrows = rollout_timeline_layout_get_arrows (self->layout, &n);
  rollout_timeline_layout_query_arrows (self->layout, &visible, self->visible_arrows);

  for (guint k = 0; k < self->visible_arrows->len; k++)
    {
      const RolloutTimelineArrow *arrow = &arrows[g_array_index (self->visible_arrows, guint, k)];
      gboolean critical = self->highlight_critical && (arrow->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL);
      const GdkRGBA *color = critical ? &self->palette.critical
                                      : self->highlight_critical ? &dimmed : &normal;
      float thickness = critical ? 2 : 1;
      const RolloutTimelinePoint *tip = &arrow->points[arrow->n_points - 1];
      const RolloutTimelinePoint *from = &arrow->points[arrow->n_points - 2];
      float tip_x = tip->x - hx;
      float line_y = floor (top + tip->y - vy);
      float cy = line_y + thickness / 2;
      int dir = tip->x >= from->x ? 1 : -1;

      /* Lines are axis-aligned: each segment is a thin rectangle, on whole
       * pixels so it stays crisp. The last one stops where the head starts. */
      for (guint i = 1; i < arrow->n_points; i++)
        {
          const RolloutTimelinePoint *a = &arrow->points[i - 1];
          const RolloutTimelinePoint *b = &arrow->points[i];
          float x0 = floor (MIN (a->x, b->x) - hx);
          float x1 = floor (MAX (a->x, b->x) - hx);
          float y0 = floor (top + MIN (a->y, b->y) - vy);
          float y1 = floor (top + MAX (a->y, b->y) - vy);

          if (i == arrow->n_points - 1)
            {
              if (dir > 0)
                x1 = MAX (x0, x1 - ARROW_HEAD_LENGTH + 1);
              else
                x0 = MIN (x1, x0 + ARROW_HEAD_LENGTH - 1);
            }
          if (a->y == b->y)
            gtk_snapshot_append_color (snapshot, color,
                                       &GRAPHENE_RECT_INIT (x0, y0, x1 - x0 + thickness, thickness));
          else
            gtk_snapshot_append_color (snapshot, color,
                                       &GRAPHENE_RECT_INIT (x0, y0, thickness, y1 - y0 + thickness));
        }

      /* The head: the half of a flattened diamond that points at the bar. */
      append_diamond (snapshot, tip_x - dir * ARROW_HEAD_LENGTH, cy,
                      ARROW_HEAD_LENGTH, ARROW_HEAD_HALF_WIDTH,
                      &GRAPHENE_RECT_INIT (dir > 0 ? tip_x - ARROW_HEAD_LENGTH : tip_x,
                                           cy - ARROW_HEAD_HALF_WIDTH,
                                           ARROW_HEAD_LENGTH, 2 * ARROW_HEAD_HALF_WIDTH),
                      color);
    }
}

static void
draw_bar (RolloutTimelineChart     *self,
          GtkSnapshot              *snapshot,
          const RolloutTimelineRow *row,
          int                       index,
          float                     x,
          float                     y)
{
  const Palette *p = &self->palette;
  gboolean critical = (row->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL) != 0;
  gboolean dim = (self->highlight_critical && !critical) ||
                 (self->matches != NULL && !g_hash_table_contains (self->matches, row->object));
  GdkRGBA solid = self->highlight_critical && critical ? p->critical : *team_color (self, row);
  GdkRGBA light = mix (&solid, &p->view_bg, p->dark ? 0.55f : 0.6f);
  float width = MAX (row->bar.width, 2);
  float icon_x = x + width + 4;
  float icon_y = y + (row->bar.height - ICON_SIZE) / 2;
  graphene_rect_t bar = GRAPHENE_RECT_INIT (x, y, width, row->bar.height);

  if (dim)
    {
      solid = mix (&solid, &p->view_bg, 0.7f);
      light = mix (&light, &p->view_bg, 0.7f);
    }

  if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
    {
      float r = row->bar.width / 2;

      if (p->high_contrast)
        {
          GdkRGBA edge = with_alpha (&p->fg, dim ? 0.4f : 1.0f);

          append_diamond (snapshot, x + r, y + r, r + 1, r + 1, NULL, &edge);
        }
      append_diamond (snapshot, x + r, y + r, r, r, NULL, &solid);
      if (!(row->flags & ROLLOUT_TIMELINE_FLAG_DONE))
        append_diamond (snapshot, x + r, y + r, r - 3, r - 3, NULL, &p->view_bg);
    }
  else
    {
      float radius = 4;
      float done = MIN (row->progress_width, width);
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &bar, MIN (radius, MIN (width, bar.size.height) / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &light, &bar);
      if (done > 0)
        gtk_snapshot_append_color (snapshot, &solid, &GRAPHENE_RECT_INIT (x, y, done, bar.size.height));
      /* Late work that is not done is hatched, so lateness shows without
       * colour. */
      if ((row->flags & ROLLOUT_TIMELINE_FLAG_LATE) && done < width)
        {
          graphene_rect_t rest = GRAPHENE_RECT_INIT (x + done, y, width - done, bar.size.height);

          gtk_snapshot_push_repeat (snapshot, &rest, &GRAPHENE_RECT_INIT (0, 0, HATCH_SIZE, HATCH_SIZE));
          gtk_snapshot_append_node (snapshot, dim ? self->dim_hatch : self->hatch);
          gtk_snapshot_pop (snapshot);
        }
      gtk_snapshot_pop (snapshot);
      if (self->highlight_critical && critical)
        {
          GdkRGBA edge = mix (&p->critical, &p->fg, p->high_contrast ? 0.6f : 0.35f);

          append_outline (snapshot, &bar, radius, p->high_contrast ? 2 : 1, &edge);
        }
      else if (p->high_contrast)
        {
          /* Bars in the team's colour stand out from the page by an
           * outline, not by their colour. */
          GdkRGBA edge = with_alpha (&p->fg, dim ? 0.4f : 1.0f);

          append_outline (snapshot, &bar, radius, 1, &edge);
        }
    }

  if (index == self->selected_row || index == self->link_target)
    {
      graphene_rect_t ring;

      graphene_rect_inset_r (&bar, -3, -3, &ring);
      append_outline (snapshot, &ring, 6, 2, &p->accent);
      icon_x += 3;
    }

  /* The handle to drag a dependency from, where the pointer is. */
  if (index == self->hover_row || (self->drag_mode == ROLLOUT_TIMELINE_DRAG_LINK && row->object == self->drag_task))
    {
      float cx = x + row->bar.width + LINK_HANDLE_GAP;
      float cy = y + row->bar.height / 2;
      graphene_rect_t dot = GRAPHENE_RECT_INIT (cx - LINK_HANDLE_RADIUS, cy - LINK_HANDLE_RADIUS,
                                                2 * LINK_HANDLE_RADIUS, 2 * LINK_HANDLE_RADIUS);

      append_rounded (snapshot, &dot, LINK_HANDLE_RADIUS, &p->view_bg);
      append_outline (snapshot, &dot, LINK_HANDLE_RADIUS, 2, &p->accent);
      icon_x = MAX (icon_x, cx + LINK_HANDLE_RADIUS + 4);
    }

  if (row->flags & ROLLOUT_TIMELINE_FLAG_LATE)
    {
      append_icon (snapshot, self->late_icon, icon_x, icon_y, dim ? &solid : &p->warning);
      icon_x += ICON_SIZE + 2;
    }
  if (row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED)
    append_icon (snapshot, self->blocked_icon, icon_x, icon_y, dim ? &solid : &p->error);
}

static void
draw_summary (RolloutTimelineChart     *self,
              GtkSnapshot              *snapshot,
              const RolloutTimelineRow *row,
              float                     x,
              float                     y)
{
  GdkRGBA color = with_alpha (&self->palette.fg, self->highlight_critical ? strength (self, 0.3f, 0.5f)
                                                                         : strength (self, 0.7f, 1.0f));
  float width = MAX (row->bar.width, 2);
  float h = row->bar.height;
  float cap = h * 0.9f;

  /* A thin bar with a downward point at each end. */
  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, width, h));
  append_diamond (snapshot, x + cap / 2, y + h, cap / 2, cap,
                  &GRAPHENE_RECT_INIT (x, y + h, cap, cap), &color);
  append_diamond (snapshot, x + width - cap / 2, y + h, cap / 2, cap,
                  &GRAPHENE_RECT_INIT (x + width - cap, y + h, cap, cap), &color);
}

static void
draw_rows (RolloutTimelineChart *self,
           GtkSnapshot          *snapshot,
           double                hx,
           double                vy,
           float                 width,
           float                 top,
           guint                 first,
           guint                 last)
{
  for (guint r = first; r <= last; r++)
    {
      const RolloutTimelineRow *row = rollout_timeline_layout_get_row (self->layout, r);
      float x = row->bar.x - hx;
      float y = top + row->bar.y - vy;

      if (row->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED)
        continue;
      /* Room on the right for the selection ring and status icons. */
      if (x > width || x + row->bar.width + 2 * ICON_SIZE + 12 < 0)
        continue;
      if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
        draw_summary (self, snapshot, row, x, y);
      else
        draw_bar (self, snapshot, row, r, x, y);
    }
}

static void
draw_label (RolloutTimelineChart *self,
            GtkSnapshot          *snapshot,
            PangoLayout          *layout,
            float                 x,
            float                 line_top,
            const GdkRGBA        *color)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, line_top + floor ((self->line_height - logical.height) / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_header (RolloutTimelineChart *self,
             GtkSnapshot          *snapshot,
             double                hx,
             float                 width)
{
  const Palette *p = &self->palette;
  const RolloutTimelineTick *ticks;
  float line = self->line_height;
  GdkRGBA border = with_alpha (&p->fg, strength (self, 0.15f, 0.5f));
  GdkRGBA minor_border = with_alpha (&p->fg, strength (self, 0.08f, 0.3f));
  GdkRGBA dim = with_alpha (&p->fg, strength (self, 0.55f, 0.8f));
  GdkRGBA text = with_alpha (&p->fg, strength (self, 0.8f, 1.0f));
  gboolean day_zoom = rollout_timeline_layout_get_zoom (self->layout) == ROLLOUT_TIMELINE_ZOOM_DAY;
  RolloutDate today = ROLLOUT_DATE_NONE;
  double today_x;
  guint n, first, count;

  gtk_snapshot_append_color (snapshot, &p->header_bg, &GRAPHENE_RECT_INIT (0, 0, width, 2 * line));
  if (rollout_timeline_layout_get_today_x (self->layout, &today_x))
    today = rollout_timeline_layout_x_to_date (self->layout, today_x);

  /* Major units: the label sticks to the left edge while its unit shows. */
  ticks = rollout_timeline_layout_get_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MAJOR, &n);
  count = rollout_timeline_layout_get_visible_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MAJOR,
                                                     hx, hx + width, &first);
  for (guint i = first; i < first + count; i++)
    {
      PangoLayout *layout;
      PangoRectangle logical;
      float x = ticks[i].x - hx;
      float end = x + ticks[i].width;
      float label_x;

      gtk_snapshot_append_color (snapshot, &border, &GRAPHENE_RECT_INIT (floor (x), 0, 1, 2 * line));
      if (ticks[i].label == NULL)
        continue;
      layout = label_layout (self, ROLLOUT_TIMELINE_SCALE_MAJOR, ticks[i].label);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      label_x = MIN (MAX (x, 0) + 8, end - logical.width - 8);
      label_x = MAX (label_x, x + 8);
      if (label_x + logical.width > end)
        continue;
      draw_label (self, snapshot, layout, label_x, 0, &text);
    }

  gtk_snapshot_append_color (snapshot, &minor_border, &GRAPHENE_RECT_INIT (0, line, width, 1));

  /* Minor units: centred, or left out when they do not fit. */
  ticks = rollout_timeline_layout_get_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MINOR, &n);
  count = rollout_timeline_layout_get_visible_ticks (self->layout, ROLLOUT_TIMELINE_SCALE_MINOR,
                                                     hx, hx + width, &first);
  for (guint i = first; i < first + count; i++)
    {
      PangoLayout *layout;
      PangoRectangle logical;
      float x = ticks[i].x - hx;
      gboolean is_today = day_zoom && ticks[i].date == today;

      if (!day_zoom || rollout_date_get_weekday (ticks[i].date) == G_DATE_MONDAY)
        gtk_snapshot_append_color (snapshot, &minor_border, &GRAPHENE_RECT_INIT (floor (x), line, 1, line));
      if (ticks[i].label == NULL)
        continue;
      layout = label_layout (self, ROLLOUT_TIMELINE_SCALE_MINOR, ticks[i].label);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (logical.width + 2 > ticks[i].width)
        continue;
      if (is_today)
        append_rounded (snapshot, &GRAPHENE_RECT_INIT (x + 1, line + 3, ticks[i].width - 2, line - 6),
                        6, &p->accent);
      draw_label (self, snapshot, layout, floor (x + (ticks[i].width - logical.width) / 2), line,
                  is_today ? &p->accent_fg : ticks[i].non_working ? &dim : &text);
    }

  /* Today, on the scale, where the line below starts. */
  if (today != ROLLOUT_DATE_NONE && !day_zoom)
    {
      float x = today_x - hx;

      append_diamond (snapshot, x, 2 * line, 5, 5, &GRAPHENE_RECT_INIT (x - 5, 2 * line - 5, 10, 5), &p->accent);
    }

  gtk_snapshot_append_color (snapshot, &border, &GRAPHENE_RECT_INIT (0, 2 * line - 1, width, 1));
}

/* While a dependency is dragged: a line from the handle to the pointer. */
static void
draw_link_line (RolloutTimelineChart *self,
                GtkSnapshot          *snapshot,
                double                hx,
                double                vy,
                float                 top)
{
  int row = rollout_timeline_layout_find_row (self->layout, self->drag_task);
  const RolloutTimelineRow *r;
  graphene_rect_t bounds;
  cairo_t *cr;
  double x0, y0, x1, y1;

  if (row < 0)
    return;
  r = rollout_timeline_layout_get_row (self->layout, row);
  x0 = r->bar.x + r->bar.width + LINK_HANDLE_GAP - hx;
  y0 = top + r->bar.y + r->bar.height / 2 - vy;
  x1 = self->drag_pointer_x;
  y1 = self->drag_pointer_y;
  /* By keyboard, to the start of the bar that would wait. */
  if (self->keyboard_link)
    {
      const RolloutTimelineRow *target = row_or_null (self, self->link_target);

      if (target == NULL)
        return;
      x1 = target->bar.x - hx;
      y1 = top + target->bar.y + target->bar.height / 2 - vy;
    }
  graphene_rect_init (&bounds, MIN (x0, x1) - 4, MIN (y0, y1) - 4, fabs (x1 - x0) + 8, fabs (y1 - y0) + 8);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, &self->palette.accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_arc (cr, x1, y1, 3, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
rollout_timeline_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float top = body_top (self);
  float body = MAX (0, height - top);
  double hx = hvalue (self);
  double vy = vvalue (self);
  double today_x;
  guint first, last;
  gboolean any_rows;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, top, width, body));
  draw_shading (self, snapshot, hx, width, top, body);

  any_rows = rollout_timeline_layout_get_visible_rows (self->layout, vy, vy + body, &first, &last);
  if (any_rows)
    draw_row_backgrounds (self, snapshot, hx, vy, width, top, first, last);

  if (rollout_timeline_layout_get_today_x (self->layout, &today_x))
    gtk_snapshot_append_color (snapshot, &self->palette.accent,
                               &GRAPHENE_RECT_INIT (floor (today_x - hx), top, 2, body));

  draw_arrows (self, snapshot, hx, vy, width, top, body);
  if (any_rows)
    draw_rows (self, snapshot, hx, vy, width, top, first, last);
  if (self->drag_mode == ROLLOUT_TIMELINE_DRAG_LINK && self->drag_started)
    draw_link_line (self, snapshot, hx, vy, top);
  gtk_snapshot_pop (snapshot);

  draw_header (self, snapshot, hx, width);
}

/* Input ------------------------------------------------------------------- */

/* Layout coordinates of a point in the widget; FALSE over the header. */
static gboolean
to_layout (RolloutTimelineChart *self,
           double                x,
           double                y,
           double               *lx,
           double               *ly)
{
  *lx = x + hvalue (self);
  *ly = y - body_top (self) + vvalue (self);
  return y >= body_top (self);
}

static void
select_row (RolloutTimelineChart *self,
            int                   row)
{
  guint n;

  if (self->layout == NULL)
    return;
  n = rollout_timeline_layout_get_n_rows (self->layout);
  if (n == 0)
    return;
  row = CLAMP (row, 0, (int) n - 1);
  g_signal_emit (self, signals[SELECT_ROW], 0, row);
}

/* What a drag starting at (@x, @y) would do, and on which row. */
static RolloutTimelineDrag
drag_mode_at (RolloutTimelineChart *self,
              double                x,
              double                y,
              int                  *out_row)
{
  const RolloutTimelineRow *r;
  RolloutTimelineHit hit;
  double lx, ly;
  int row;

  *out_row = -1;
  if (self->layout == NULL || !to_layout (self, x, y, &lx, &ly))
    return ROLLOUT_TIMELINE_DRAG_NONE;
  hit = rollout_timeline_layout_hit_test (self->layout, lx, ly, &row);
  if (row < 0)
    return ROLLOUT_TIMELINE_DRAG_NONE;
  r = rollout_timeline_layout_get_row (self->layout, row);
  if (r->kind != ROLLOUT_TIMELINE_ROW_TASK || (r->flags & ROLLOUT_TIMELINE_FLAG_UNSCHEDULED))
    return ROLLOUT_TIMELINE_DRAG_NONE;
  *out_row = row;

  if (hypot (lx - (r->bar.x + r->bar.width + LINK_HANDLE_GAP), ly - (r->bar.y + r->bar.height / 2)) <= LINK_HANDLE_HIT)
    return ROLLOUT_TIMELINE_DRAG_LINK;
  switch (hit)
    {
    case ROLLOUT_TIMELINE_HIT_BAR_END:
      return (r->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE) ? ROLLOUT_TIMELINE_DRAG_MOVE : ROLLOUT_TIMELINE_DRAG_RESIZE;
    case ROLLOUT_TIMELINE_HIT_BAR:
    case ROLLOUT_TIMELINE_HIT_BAR_START:
    case ROLLOUT_TIMELINE_HIT_MILESTONE:
      return ROLLOUT_TIMELINE_DRAG_MOVE;
    case ROLLOUT_TIMELINE_HIT_NONE:
    case ROLLOUT_TIMELINE_HIT_ROW:
    default:
      return ROLLOUT_TIMELINE_DRAG_NONE;
    }
}

static const char *
cursor_for (RolloutTimelineDrag mode,
            gboolean            dragging)
{
  switch (mode)
    {
    case ROLLOUT_TIMELINE_DRAG_MOVE:
      return dragging ? "grabbing" : "grab";
    case ROLLOUT_TIMELINE_DRAG_RESIZE:
      return "ew-resize";
    case ROLLOUT_TIMELINE_DRAG_LINK:
      return "crosshair";
    case ROLLOUT_TIMELINE_DRAG_NONE:
    default:
      return NULL;
    }
}

/* Describing the chart to assistive technologies ------------------------- */

/* A row in words, for assistive technologies: its name, dates and states. */
static char *
describe_row_text (const RolloutTimelineRow *row)
{
  GString *text = g_string_new (row->label);

  if (row->start != ROLLOUT_DATE_NONE)
    {
      g_autofree char *period = (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE) ? rollout_format_date (row->start)
                                                                              : rollout_format_period (row->start, row->finish);

      g_string_append_printf (text, ", %s", period);
    }
  if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
    g_string_append_printf (text, ", %s", (row->flags & ROLLOUT_TIMELINE_FLAG_COLLAPSED) ? _("phase, folded")
                                                                                       : _("phase"));
  else if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
    g_string_append_printf (text, ", %s", _("milestone"));
  if (row->kind == ROLLOUT_TIMELINE_ROW_TASK && row->progress > 0 && row->progress < 100)
    {
      g_string_append (text, ", ");
      /* Translators: how much of a task is done */
      g_string_append_printf (text, _("%d%% done"), row->progress);
    }
  if (row->flags & ROLLOUT_TIMELINE_FLAG_DONE)
    g_string_append_printf (text, ", %s", _("done"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_LATE)
    g_string_append_printf (text, ", %s", _("late"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED)
    g_string_append_printf (text, ", %s", _("blocked"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL)
    g_string_append_printf (text, ", %s", _("on the critical path"));
  return g_string_free (text, FALSE);
}

/* The description follows what the keyboard acts on: the selected bar, or
 * the link being made. */
static void
update_description (RolloutTimelineChart *self)
{
  g_autofree char *description = NULL;

  if (self->keyboard_link && self->layout != NULL)
    {
      int source = rollout_timeline_layout_find_row (self->layout, self->drag_task);
      const RolloutTimelineRow *from = row_or_null (self, source);
      const RolloutTimelineRow *to = row_or_null (self, self->link_target);

      if (from != NULL && to != NULL)
        {
          g_autofree char *target = describe_row_text (to);

          /* Translators: linking tasks by keyboard; the task that would
           * wait, with its dates, then the task it would wait for */
          description = g_strdup_printf (_("%s, will wait for ‘%s’. Enter links them, Escape gives up."),
                                         target, from->label);
        }
      else if (from != NULL)
        /* Translators: linking tasks by keyboard, but no other task to link to */
        description = g_strdup_printf (_("No task can wait for ‘%s’. Escape gives up."), from->label);
    }
  else if (row_or_null (self, self->selected_row) != NULL)
    description = describe_row_text (row_or_null (self, self->selected_row));

  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);

  if (self->description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Drags ------------------------------------------------------------------- */

static void
stop_autoscroll (RolloutTimelineChart *self)
{
  if (self->autoscroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
  self->autoscroll_id = 0;
  self->autoscroll_time = 0;
}

static void
set_link_target (RolloutTimelineChart *self,
                 int                   row)
{
  if (self->link_target == row)
    return;
  self->link_target = row;
  if (self->keyboard_link)
    update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK_TARGET]);
}

static void
end_drag (RolloutTimelineChart *self)
{
  gboolean was_linking = self->keyboard_link;

  stop_autoscroll (self);
  self->drag_mode = ROLLOUT_TIMELINE_DRAG_NONE;
  self->drag_started = FALSE;
  self->keyboard_link = FALSE;
  set_link_target (self, -1);
  g_clear_object (&self->drag_task);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (was_linking)
    {
      update_description (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKING]);
    }
}

/* The day (since the epoch, with a fraction) under @x in the widget. */
static double
day_at (RolloutTimelineChart *self,
        double                x)
{
  return rollout_timeline_layout_get_first_date (self->layout) +
         (x + hvalue (self)) / rollout_timeline_layout_get_day_width (self->layout);
}

/* Where @day begins in the layout. */
static double
day_x (RolloutTimelineChart *self,
       double                day)
{
  return (day - rollout_timeline_layout_get_first_date (self->layout)) *
         rollout_timeline_layout_get_day_width (self->layout);
}

/* The day the dragged bar would start on (moving) or end on (resizing):
 * moved by as many days as the pointer moved over the plan, nearest whole
 * day. */
static RolloutDate
drag_date (RolloutTimelineChart *self)
{
  double delta = day_at (self, self->drag_pointer_x) - self->drag_start_day;

  if (self->drag_mode == ROLLOUT_TIMELINE_DRAG_MOVE)
    return rollout_timeline_layout_x_to_date (self->layout, day_x (self, self->drag_bar_day + delta + 0.5));
  return rollout_timeline_layout_x_to_date (self->layout,
                                            day_x (self, self->drag_bar_day + self->drag_bar_days + delta - 0.5));
}

/* The pointer is somewhere else over the plan: by moving, or because the
 * plan scrolled under it. */
static void
drag_moved (RolloutTimelineChart *self)
{
  RolloutDate date;

  if (self->drag_mode == ROLLOUT_TIMELINE_DRAG_LINK)
    {
      double lx, ly;
      int target = -1;

      if (to_layout (self, self->drag_pointer_x, self->drag_pointer_y, &lx, &ly))
        {
          RolloutTimelineHit hit = rollout_timeline_layout_hit_test (self->layout, lx, ly, &target);
          const RolloutTimelineRow *r = target >= 0 ? rollout_timeline_layout_get_row (self->layout, target) : NULL;

          if (r == NULL || r->kind != ROLLOUT_TIMELINE_ROW_TASK || r->object == self->drag_task ||
              hit == ROLLOUT_TIMELINE_HIT_ROW || hit == ROLLOUT_TIMELINE_HIT_NONE)
            target = -1;
        }
      set_link_target (self, target);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  /* Each new day reschedules the plan: only say so when it is new. */
  date = drag_date (self);
  if (date == self->last_drag_date)
    return;
  self->last_drag_date = date;
  g_signal_emit (self, signals[DRAG_TASK], 0, self->drag_task, self->drag_mode, (guint) date, FALSE);
}

/* How fast to scroll along one axis, in pixels a second, for a pointer at
 * @pos between @lo and @hi: nothing away from the edges, faster the nearer
 * an edge, full speed an edge's width past it. */
static double
edge_speed (double pos,
            double lo,
            double hi)
{
  double edge = MIN (AUTOSCROLL_EDGE, (hi - lo) / 4);

  if (edge <= 0)
    return 0;
  if (pos < lo + edge)
    return -AUTOSCROLL_MAX_SPEED * CLAMP ((lo + edge - pos) / (2 * edge), 0, 1);
  if (pos > hi - edge)
    return AUTOSCROLL_MAX_SPEED * CLAMP ((pos - (hi - edge)) / (2 * edge), 0, 1);
  return 0;
}

static gboolean
scroll_by (GtkAdjustment *adjustment,
           double         delta)
{
  double old, value;

  if (adjustment == NULL || delta == 0)
    return FALSE;
  old = gtk_adjustment_get_value (adjustment);
  value = CLAMP (old + delta, gtk_adjustment_get_lower (adjustment),
                 gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  if (value == old)
    return FALSE;
  gtk_adjustment_set_value (adjustment, value);
  return TRUE;
}

/* Scrolls for @seconds at the speed the pointer's place asks for, and
 * carries the drag on. FALSE when there is nothing (more) to scroll. */
static gboolean
autoscroll_step (RolloutTimelineChart *self,
                 double                seconds)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double vx, vy;
  gboolean moved;

  if (!self->drag_started || self->keyboard_link || self->layout == NULL)
    return FALSE;
  vx = edge_speed (self->drag_pointer_x, 0, gtk_widget_get_width (widget));
  vy = edge_speed (self->drag_pointer_y, body_top (self), gtk_widget_get_height (widget));
  moved = scroll_by (self->hadjustment, vx * seconds);
  moved |= scroll_by (self->vadjustment, vy * seconds);
  if (moved)
    drag_moved (self);
  return moved;
}

static gboolean
autoscroll_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  /* The first frame, or after a stall, scrolls as much as one frame. */
  double seconds = self->autoscroll_time != 0 ? MIN ((now - self->autoscroll_time) / (double) G_USEC_PER_SEC, 0.1)
                                              : 1.0 / 60;

  self->autoscroll_time = now;
  if (autoscroll_step (self, seconds))
    return G_SOURCE_CONTINUE;
  self->autoscroll_id = 0;
  self->autoscroll_time = 0;
  return G_SOURCE_REMOVE;
}

/* Scrolls while the pointer is near an edge. */
static void
update_autoscroll (RolloutTimelineChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean near = edge_speed (self->drag_pointer_x, 0, gtk_widget_get_width (widget)) != 0 ||
                  edge_speed (self->drag_pointer_y, body_top (self), gtk_widget_get_height (widget)) != 0;

  if (near && self->autoscroll_id == 0)
    self->autoscroll_id = gtk_widget_add_tick_callback (widget, autoscroll_tick_cb, NULL, NULL);
  else if (!near)
    stop_autoscroll (self);
}

static void
drag_begin_cb (RolloutTimelineChart *self,
               double                x,
               double                y,
               GtkGestureDrag       *gesture)
{
  const RolloutTimelineRow *r;
  double day_width;
  int row;

  end_drag (self);
  self->drag_mode = drag_mode_at (self, x, y, &row);
  if (self->drag_mode == ROLLOUT_TIMELINE_DRAG_NONE)
    {
      if (gesture != NULL)
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  r = rollout_timeline_layout_get_row (self->layout, row);
  day_width = rollout_timeline_layout_get_day_width (self->layout);
  self->drag_task = g_object_ref (r->object);
  self->drag_bar_day = rollout_timeline_layout_get_first_date (self->layout) + r->bar.x / day_width;
  self->drag_bar_days = r->bar.width / day_width;
  self->drag_start_x = self->drag_pointer_x = x;
  self->drag_start_y = self->drag_pointer_y = y;
  self->drag_start_day = day_at (self, x);
  self->last_drag_date = ROLLOUT_DATE_NONE;
}

static void
drag_update_cb (RolloutTimelineChart *self,
                double                dx,
                double                dy,
                GtkGestureDrag       *gesture)
{
  if (self->drag_mode == ROLLOUT_TIMELINE_DRAG_NONE || self->keyboard_link || self->layout == NULL)
    return;
  if (!self->drag_started)
    {
      if (fabs (dx) < DRAG_THRESHOLD && fabs (dy) < DRAG_THRESHOLD)
        return;
      self->drag_started = TRUE;
      if (gesture != NULL)
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_for (self->drag_mode, TRUE));
    }
  self->drag_pointer_x = self->drag_start_x + dx;
  self->drag_pointer_y = self->drag_start_y + dy;

  drag_moved (self);
  update_autoscroll (self);
}

static void
drag_end_cb (RolloutTimelineChart *self,
             double                dx,
             double                dy,
             GtkGestureDrag       *gesture)
{
  g_autoptr(GObject) task = NULL;
  RolloutTimelineDrag mode = self->drag_mode;

  if (self->keyboard_link)
    return;
  if (mode == ROLLOUT_TIMELINE_DRAG_NONE || !self->drag_started || self->layout == NULL)
    {
      end_drag (self);
      return;
    }
  task = g_object_ref (self->drag_task);
  self->drag_pointer_x = self->drag_start_x + dx;
  self->drag_pointer_y = self->drag_start_y + dy;
  if (mode == ROLLOUT_TIMELINE_DRAG_LINK)
    {
      int target;

      drag_moved (self);
      target = self->link_target;
      end_drag (self);
      if (target >= 0)
        g_signal_emit (self, signals[LINK_TASKS], 0, task,
                       rollout_timeline_layout_get_row (self->layout, target)->object);
      return;
    }
  {
    RolloutDate date = drag_date (self);

    end_drag (self);
    g_signal_emit (self, signals[DRAG_TASK], 0, task, mode, (guint) date, TRUE);
  }
}

static void
drag_cancel_cb (RolloutTimelineChart *self,
                GdkEventSequence     *sequence,
                GtkGesture           *gesture)
{
  gboolean was_editing = self->drag_started &&
                         (self->drag_mode == ROLLOUT_TIMELINE_DRAG_MOVE ||
                          self->drag_mode == ROLLOUT_TIMELINE_DRAG_RESIZE);

  if (self->keyboard_link)
    return;
  end_drag (self);
  if (was_editing)
    g_signal_emit (self, signals[CANCEL_DRAG], 0);
}

/* Linking by keyboard ----------------------------------------------------- */

/* The next row from @row on, @step by @step, that a link can go to; -1
 * when there is none. */
static int
link_row_from (RolloutTimelineChart *self,
               int                   row,
               int                   step)
{
  int n = (int) rollout_timeline_layout_get_n_rows (self->layout);

  for (; row >= 0 && row < n; row += step)
    {
      const RolloutTimelineRow *r = rollout_timeline_layout_get_row (self->layout, row);

      if (r->kind == ROLLOUT_TIMELINE_ROW_TASK && r->object != self->drag_task)
        return row;
    }
  return -1;
}

/* Keeps @row on screen, scrolling as little as possible. */
static void
reveal_row (RolloutTimelineChart *self,
            int                   row)
{
  const RolloutTimelineRow *r = row_or_null (self, row);
  double value, page;

  if (r == NULL || self->vadjustment == NULL)
    return;
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (page <= 0)
    return;
  if (r->y < value)
    gtk_adjustment_set_value (self->vadjustment, r->y);
  else if (r->y + r->height > value + page)
    gtk_adjustment_set_value (self->vadjustment, r->y + r->height - page);
}

/* Moves the link's target to the row @rows away (in that direction: the
 * nearest that can be linked to), or to the first or last one. */
static void
move_link_target (RolloutTimelineChart *self,
                  int                   rows)
{
  int n = (int) rollout_timeline_layout_get_n_rows (self->layout);
  int from = self->link_target >= 0 ? self->link_target
                                    : rollout_timeline_layout_find_row (self->layout, self->drag_task);
  int wanted = CLAMP (from + rows, 0, n - 1);
  int step = rows < 0 ? -1 : 1;
  int target = link_row_from (self, wanted, step);

  if (target < 0)
    target = link_row_from (self, wanted, -step);
  if (target < 0)
    return;
  set_link_target (self, target);
  reveal_row (self, target);
}

static gboolean
link_key_pressed (RolloutTimelineChart *self,
                  guint                 keyval,
                  int                   page)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      end_drag (self);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_link_target (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_link_target (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_link_target (self, -page);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_link_target (self, page);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_link_target (self, -G_MAXINT / 2);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_link_target (self, G_MAXINT / 2);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      {
        g_autoptr(GObject) from = g_object_ref (self->drag_task);
        int target = self->link_target;

        end_drag (self);
        if (target >= 0)
          g_signal_emit (self, signals[LINK_TASKS], 0, from,
                         rollout_timeline_layout_get_row (self->layout, target)->object);
      }
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_leave_cb (RolloutTimelineChart    *self,
                GtkEventControllerFocus *controller)
{
  if (self->keyboard_link)
    end_drag (self);
}

static void
click_pressed_cb (RolloutTimelineChart *self,
                  int                   n_press,
                  double                x,
                  double                y,
                  GtkGestureClick      *gesture)
{
  double lx, ly;
  int row;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->keyboard_link)
    end_drag (self);
  if (self->layout == NULL || !to_layout (self, x, y, &lx, &ly))
    return;
  rollout_timeline_layout_hit_test (self->layout, lx, ly, &row);
  if (row < 0)
    return;
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE_ROW], 0, row);
  else
    select_row (self, row);
}

static void
motion_cb (RolloutTimelineChart     *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  double lx, ly;
  int row = -1;

  self->pointer_x = x;
  if (self->layout != NULL && to_layout (self, x, y, &lx, &ly))
    row = rollout_timeline_layout_row_at_y (self->layout, ly);
  if (row != self->hover_row)
    {
      self->hover_row = row;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (self->drag_mode == ROLLOUT_TIMELINE_DRAG_NONE)
    {
      int unused;

      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_for (drag_mode_at (self, x, y, &unused), FALSE));
    }
}

static void
leave_cb (RolloutTimelineChart     *self,
          GtkEventControllerMotion *controller)
{
  if (self->hover_row != -1)
    {
      self->hover_row = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Ctrl+scroll zooms around the pointer; any other scroll scrolls. */
static gboolean
scroll_cb (RolloutTimelineChart     *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  self->zoom_delta += dy;
  while (fabs (self->zoom_delta) >= 1)
    {
      int direction = self->zoom_delta < 0 ? 1 : -1;

      self->zoom_delta += direction;
      g_signal_emit (self, signals[ZOOM], 0, direction, self->pointer_x);
    }
  return TRUE;
}

static gboolean
key_pressed_cb (RolloutTimelineChart  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int page;

  if (keyval == GDK_KEY_Escape && self->drag_mode != ROLLOUT_TIMELINE_DRAG_NONE && !self->keyboard_link)
    {
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      return TRUE;
    }
  if (self->layout == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;

  page = MAX (1, (int) ((gtk_widget_get_height (GTK_WIDGET (self)) - body_top (self)) /
                        rollout_timeline_layout_get_row_height (self->layout)) - 1);
  if (self->keyboard_link && link_key_pressed (self, keyval, page))
    return TRUE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      select_row (self, self->selected_row < 0 ? 0 : self->selected_row - 1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      select_row (self, self->selected_row + 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      select_row (self, MAX (self->selected_row, 0) - page);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      select_row (self, MAX (self->selected_row, 0) + page);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      select_row (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      select_row (self, G_MAXINT);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (self->hadjustment != NULL)
        {
          int sign = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;

          gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) +
                                    sign * gtk_adjustment_get_step_increment (self->hadjustment));
        }
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selected_row >= 0)
        g_signal_emit (self, signals[ACTIVATE_ROW], 0, self->selected_row);
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
describe_row (const RolloutTimelineRow *row)
{
  GString *text = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (row->label, -1);

  g_string_append_printf (text, "<b>%s</b>", escaped);
  if (row->start != ROLLOUT_DATE_NONE)
    {
      g_autofree char *period = NULL;

      if (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
        period = rollout_format_date (row->start);
      else
        period = rollout_format_period (row->start, row->finish);
      g_string_append_printf (text, "\n%s", period);
    }
  if (row->kind == ROLLOUT_TIMELINE_ROW_TASK && row->progress > 0 && row->progress < 100)
    {
      g_string_append_c (text, '\n');
      /* Translators: how much of a task is done */
      g_string_append_printf (text, _("%d%% done"), row->progress);
    }
  if (row->flags & ROLLOUT_TIMELINE_FLAG_DONE)
    g_string_append_printf (text, "\n%s", _("Done"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_LATE)
    g_string_append_printf (text, "\n%s", _("Late: should have finished by now"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED)
    g_string_append_printf (text, "\n%s", _("Blocked"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_CRITICAL)
    g_string_append_printf (text, "\n%s", _("On the critical path"));
  return g_string_free (text, FALSE);
}

static gboolean
rollout_timeline_chart_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard_mode,
                                      GtkTooltip *tooltip)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (widget);
  double lx, ly;
  int row = -1;

  if (self->layout == NULL)
    return FALSE;

  if (keyboard_mode)
    row = self->selected_row;
  else if (!to_layout (self, x, y, &lx, &ly))
    {
      /* On the scale: the day, and its holiday if it is one. */
      RolloutDate date = rollout_timeline_layout_x_to_date (self->layout, lx);
      const RolloutTimelineSpan *spans;
      g_autofree char *day = rollout_format_date (date);
      guint first, count;

      spans = rollout_timeline_layout_get_non_working (self->layout, &count);
      count = rollout_timeline_layout_get_visible_spans (self->layout, lx, lx + 0.01, &first);
      if (count > 0 && spans[first].holiday != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s\n%s", day, spans[first].holiday);

          gtk_tooltip_set_text (tooltip, text);
        }
      else
        gtk_tooltip_set_text (tooltip, day);
      return TRUE;
    }
  else
    {
      RolloutTimelineHit hit = rollout_timeline_layout_hit_test (self->layout, lx, ly, &row);

      if (hit == ROLLOUT_TIMELINE_HIT_NONE || hit == ROLLOUT_TIMELINE_HIT_ROW)
        row = -1;
    }

  if (row < 0 || (guint) row >= rollout_timeline_layout_get_n_rows (self->layout))
    return FALSE;
  {
    g_autofree char *markup = describe_row (rollout_timeline_layout_get_row (self->layout, row));

    gtk_tooltip_set_markup (tooltip, markup);
  }
  return TRUE;
}

/* Sizing ------------------------------------------------------------------ */

static void
rollout_timeline_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = (int) body_top (self);
      *natural = *minimum + (self->layout != NULL ? (int) rollout_timeline_layout_get_height (self->layout) : 0);
    }
  else
    {
      *minimum = 0;
      *natural = self->layout != NULL ? (int) rollout_timeline_layout_get_width (self->layout) : 0;
    }
}

static void
rollout_timeline_chart_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  configure_adjustments (ROLLOUT_TIMELINE_CHART (widget));
}

static void
rollout_timeline_chart_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rollout_timeline_chart_parent_class)->css_changed (widget, change);

  update_style (ROLLOUT_TIMELINE_CHART (widget));
}

static void
rollout_timeline_chart_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rollout_timeline_chart_parent_class)->root (widget);

  update_style (ROLLOUT_TIMELINE_CHART (widget));
}

/* GObject ----------------------------------------------------------------- */

static gboolean
rollout_timeline_chart_get_border (GtkScrollable *scrollable,
                                   GtkBorder     *border)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (scrollable);

  /* The header does not scroll: scrollbars leave it alone. */
  border->top = (gint16) body_top (self);
  return TRUE;
}

static void
rollout_timeline_chart_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = rollout_timeline_chart_get_border;
}

static void
rollout_timeline_chart_dispose (GObject *object)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->late_icon);
  g_clear_object (&self->blocked_icon);
  g_clear_object (&self->drag_task);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (rollout_timeline_chart_parent_class)->dispose (object);
}

static void
rollout_timeline_chart_finalize (GObject *object)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (object);

  g_clear_pointer (&self->layout, rollout_timeline_layout_unref);
  g_clear_pointer (&self->labels[0], g_hash_table_unref);
  g_clear_pointer (&self->labels[1], g_hash_table_unref);
  g_clear_pointer (&self->team_colors, g_hash_table_unref);
  g_clear_pointer (&self->hatch, gsk_render_node_unref);
  g_clear_pointer (&self->dim_hatch, gsk_render_node_unref);
  g_clear_pointer (&self->major_font, pango_font_description_free);
  g_clear_pointer (&self->minor_font, pango_font_description_free);
  g_clear_pointer (&self->visible_arrows, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (rollout_timeline_chart_parent_class)->finalize (object);
}

static void
rollout_timeline_chart_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ROW:
      g_value_set_int (value, self->selected_row);
      break;
    case PROP_HIGHLIGHT_CRITICAL:
      g_value_set_boolean (value, self->highlight_critical);
      break;
    case PROP_HEADER_HEIGHT:
      g_value_set_int (value, rollout_timeline_chart_get_header_height (self));
      break;
    case PROP_LINKING:
      g_value_set_boolean (value, self->keyboard_link);
      break;
    case PROP_LINK_TARGET:
      g_value_set_int (value, self->link_target);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_timeline_chart_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RolloutTimelineChart *self = ROLLOUT_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ROW:
      rollout_timeline_chart_set_selected_row (self, g_value_get_int (value));
      break;
    case PROP_HIGHLIGHT_CRITICAL:
      rollout_timeline_chart_set_highlight_critical (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), PROP_HADJUSTMENT);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), PROP_VADJUSTMENT);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_timeline_chart_class_init (RolloutTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_timeline_chart_dispose;
  object_class->finalize = rollout_timeline_chart_finalize;
  object_class->get_property = rollout_timeline_chart_get_property;
  object_class->set_property = rollout_timeline_chart_set_property;

  widget_class->snapshot = rollout_timeline_chart_snapshot;
  widget_class->measure = rollout_timeline_chart_measure;
  widget_class->size_allocate = rollout_timeline_chart_size_allocate;
  widget_class->css_changed = rollout_timeline_chart_css_changed;
  widget_class->root = rollout_timeline_chart_root;
  widget_class->query_tooltip = rollout_timeline_chart_query_tooltip;

  properties [PROP_SELECTED_ROW] =
    g_param_spec_int ("selected-row", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_HIGHLIGHT_CRITICAL] =
    g_param_spec_boolean ("highlight-critical", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_HEADER_HEIGHT] =
    g_param_spec_int ("header-height", NULL, NULL,
                      0, G_MAXINT, 48,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A link is being made by keyboard (see rollout_timeline_chart_begin_link()). */
  properties [PROP_LINKING] =
    g_param_spec_boolean ("linking", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The row a link would go to, or -1. */
  properties [PROP_LINK_TARGET] =
    g_param_spec_int ("link-target", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * RolloutTimelineChart::select-row:
   * @row: the row the user picked
   *
   * Asks for @row to be selected (by a click, or keys).
   */
  signals [SELECT_ROW] =
    g_signal_new ("select-row", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * RolloutTimelineChart::activate-row:
   * @row: the row
   *
   * A double click or Enter on @row.
   */
  signals [ACTIVATE_ROW] =
    g_signal_new ("activate-row", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * RolloutTimelineChart::zoom:
   * @direction: 1 to zoom in, -1 to zoom out
   * @x: the pointer's x in the chart, which should stay on the same day
   *
   * Ctrl+scroll over the chart.
   */
  signals [ZOOM] =
    g_signal_new ("zoom", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  /**
   * RolloutTimelineChart::drag-task:
   * @task: the #RolloutTask whose bar is dragged
   * @mode: %ROLLOUT_TIMELINE_DRAG_MOVE or %ROLLOUT_TIMELINE_DRAG_RESIZE
   * @date: the day the bar would start on (moving) or end on (resizing),
   *   before any snapping to working days
   * @finished: whether the button was released
   *
   * A bar is being dragged; emitted as the pointer moves and once more
   * when the drag ends.
   */
  signals [DRAG_TASK] =
    g_signal_new ("drag-task", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_OBJECT, G_TYPE_INT, G_TYPE_UINT, G_TYPE_BOOLEAN);
  /**
   * RolloutTimelineChart::cancel-drag:
   *
   * The drag of a bar was given up (Escape): whatever it changed goes back.
   */
  signals [CANCEL_DRAG] =
    g_signal_new ("cancel-drag", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RolloutTimelineChart::link-tasks:
   * @from: the #RolloutTask a dependency was dragged from
   * @to: the #RolloutTask it was dropped on
   *
   * Asks for @to to wait for @from.
   */
  signals [LINK_TASKS] =
    g_signal_new ("link-tasks", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_OBJECT);

  gtk_widget_class_set_css_name (widget_class, "timeline-chart");
  /* Arrows pick a row, as in a list box; the description says which. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_BOX);
}

static void
rollout_timeline_chart_init (RolloutTimelineChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->selected_row = -1;
  self->hover_row = -1;
  self->link_target = -1;
  self->line_height = 24;
  self->labels[0] = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->labels[1] = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->team_colors = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->visible_arrows = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline chart"),
                                  /* The keys that act on the selected bar, named as
                                   * ARIA's aria-keyshortcuts names them (never translated). */
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS,
                                  "Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowLeft Alt+Shift+ArrowRight Control+L F2 Delete",
                                  -1);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
rollout_timeline_chart_new (void)
{
  return g_object_new (ROLLOUT_TYPE_TIMELINE_CHART, NULL);
}

RolloutTimelineLayout *
rollout_timeline_chart_get_layout (RolloutTimelineChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), NULL);

  return self->layout;
}

/* Shows @layout. The adjustments are configured for it at once, so the
 * caller may scroll right after. */
void
rollout_timeline_chart_set_layout (RolloutTimelineChart  *self,
                                   RolloutTimelineLayout *layout)
{
  g_autoptr(GObject) old_target = NULL;

  g_return_if_fail (ROLLOUT_IS_TIMELINE_CHART (self));

  if (self->layout == layout)
    return;

  if (self->keyboard_link && self->link_target >= 0)
    old_target = g_object_ref (rollout_timeline_layout_get_row (self->layout, self->link_target)->object);

  /* Cached labels and colours are keyed by strings the old layout owns. */
  clear_label_caches (self);
  g_hash_table_remove_all (self->team_colors);
  g_clear_pointer (&self->layout, rollout_timeline_layout_unref);
  if (layout != NULL)
    self->layout = rollout_timeline_layout_ref (layout);
  self->hover_row = -1;

  /* A link being made by keyboard goes on, between the same tasks. */
  if (self->keyboard_link)
    {
      gpointer target = old_target;

      if (layout == NULL || rollout_timeline_layout_find_row (layout, self->drag_task) < 0)
        end_drag (self);
      else
        {
          self->link_target = -1;
          set_link_target (self, target != NULL ? rollout_timeline_layout_find_row (layout, target) : -1);
        }
    }
  /* The selected row may show other dates now. */
  update_description (self);

  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
rollout_timeline_chart_get_selected_row (RolloutTimelineChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), -1);

  return self->selected_row;
}

void
rollout_timeline_chart_set_selected_row (RolloutTimelineChart *self,
                                         int                   row)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_CHART (self));

  row = MAX (row, -1);
  if (self->selected_row == row)
    return;
  self->selected_row = row;
  update_description (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ROW]);
}

gboolean
rollout_timeline_chart_get_highlight_critical (RolloutTimelineChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), FALSE);

  return self->highlight_critical;
}

void
rollout_timeline_chart_set_highlight_critical (RolloutTimelineChart *self,
                                               gboolean              highlight)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_CHART (self));

  highlight = !!highlight;
  if (self->highlight_critical == (guint) highlight)
    return;
  self->highlight_critical = highlight;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_CRITICAL]);
}

/* The height of the time scale at the top, for whatever sits beside the
 * chart to line up its rows. */
int
rollout_timeline_chart_get_header_height (RolloutTimelineChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), 0);

  return (int) body_top (self);
}

/**
 * rollout_timeline_chart_set_matches:
 * @self: a #RolloutTimelineChart
 * @matches: (nullable): a set of phases and tasks to pick out (as keys of
 *   a #GHashTable), or %NULL for none
 *
 * Picks out the rows of @matches (a search's results) and fades the bars
 * of the others.
 */
void
rollout_timeline_chart_set_matches (RolloutTimelineChart *self,
                                    GHashTable           *matches)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_CHART (self));

  if (self->matches == matches)
    return;
  g_clear_pointer (&self->matches, g_hash_table_unref);
  if (matches != NULL)
    self->matches = g_hash_table_ref (matches);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rollout_timeline_chart_begin_link:
 * @self: a #RolloutTimelineChart
 *
 * Starts linking the selected task to another by keyboard: the arrows and
 * Page Up/Down then pick the task that is to wait for it, Enter links
 * them (::link-tasks) and Escape, a click or leaving the chart gives up.
 *
 * Returns: %TRUE if a link was started; %FALSE when no task is selected
 */
gboolean
rollout_timeline_chart_begin_link (RolloutTimelineChart *self)
{
  const RolloutTimelineRow *r;

  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), FALSE);

  r = row_or_null (self, self->selected_row);
  if (r == NULL || r->kind != ROLLOUT_TIMELINE_ROW_TASK)
    return FALSE;

  end_drag (self);
  self->drag_mode = ROLLOUT_TIMELINE_DRAG_LINK;
  self->drag_started = TRUE;
  self->keyboard_link = TRUE;
  self->drag_task = g_object_ref (r->object);
  /* The next task down waits for it, most often. */
  self->link_target = -1;
  move_link_target (self, 1);
  update_description (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKING]);
  return TRUE;
}

/* Whether a link is being made by keyboard. */
gboolean
rollout_timeline_chart_get_linking (RolloutTimelineChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), FALSE);

  return self->keyboard_link;
}

/* The row a link being made would go to, or -1. */
int
rollout_timeline_chart_get_link_target (RolloutTimelineChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), -1);

  return self->link_target;
}

/* What the chart tells assistive technologies the keyboard acts on: the
 * selected bar, or the link being made; %NULL when nothing is selected. */
const char *
rollout_timeline_chart_get_description (RolloutTimelineChart *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_CHART (self), NULL);

  return self->description;
}

/* What the pointer's drag gesture does, for tests (a pointer cannot be
 * driven under Xvfb without an extension): a drag from (@x, @y) in the
 * widget. */
void
_rollout_timeline_chart_drag_begin (RolloutTimelineChart *self,
                                    double                x,
                                    double                y)
{
  drag_begin_cb (self, x, y, NULL);
}

void
_rollout_timeline_chart_drag_update (RolloutTimelineChart *self,
                                     double                dx,
                                     double                dy)
{
  drag_update_cb (self, dx, dy, NULL);
}

void
_rollout_timeline_chart_drag_end (RolloutTimelineChart *self,
                                  double                dx,
                                  double                dy)
{
  drag_end_cb (self, dx, dy, NULL);
}

/* Whether the chart is scrolling by itself, the drag being near an edge. */
gboolean
_rollout_timeline_chart_get_autoscrolling (RolloutTimelineChart *self)
{
  return self->autoscroll_id != 0;
}
