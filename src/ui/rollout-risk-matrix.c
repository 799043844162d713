/* rollout-risk-matrix.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The 5 × 5 risk matrix: likelihood up, impact across, each cell tinted by
 * its band and holding a chip per risk.
 *
 * Geometry comes from a RolloutRiskLayout (core); this file decides colours
 * and shapes and handles input. The 25 cells are small child widgets, so
 * that each one takes the keyboard focus, draws the focus ring from the
 * style, and has its own accessible name ("High, likelihood 4, impact 3,
 * 2 risks: …"); the matrix draws the axes and each cell draws its tint, its
 * header (band, score, count) and its chips. Only one cell is in the focus
 * chain: Tab enters the matrix on the cell with the cursor and leaves it
 * from there, and the arrow keys move the cursor from cell to cell,
 * selecting the first risk in the cell. Space steps through a cell's risks,
 * Enter edits the selected one, and the context menu (right click, Menu or
 * Shift+F10) offers re-assessing it one step at a time.
 *
 * Bands never rely on colour alone: every cell names its band, and high and
 * critical cells are hatched (once and crosswise). Chips carry a trend mark
 * whose shape says where the risk is heading: a triangle up when rising, down
 * when falling, a bar when steady.
 *
 * A chip can be dragged to another cell; the matrix only reports the drop
 * (::move-risk) and the view turns it into a re-assessment. Everything
 * drawn per frame is prepared beforehand: text is shaped into PangoLayouts
 * when the layout is made, the trend marks are render nodes built once per
 * style, and the hatching is a texture the size of a cell, drawn once per
 * style and cell size (repeating a small tile instead costs the GL
 * renderer an offscreen pass per cell, every frame).
 */

#define G_LOG_DOMAIN "rollout-risk-matrix"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rollout-risk-matrix.h"

#define CELL_RADIUS 8.0
#define CHIP_RADIUS 5.0
#define TREND_SIZE 10.0
#define HATCH_SIZE 10.0
#define MIN_CELL_WIDTH 64
#define MIN_CELL_HEIGHT 56
#define NATURAL_CELL_WIDTH 150
#define NATURAL_CELL_HEIGHT 112

typedef struct
{
  GdkRGBA  fg;
  GdkRGBA  view_bg;
  GdkRGBA  accent;
  GdkRGBA  error;
  GdkRGBA  success;
  GdkRGBA  bands[ROLLOUT_RISK_N_BANDS];
  gboolean dark;
} Palette;

/* A cell of the matrix: focusable, named for assistive technologies, and
 * drawn by the matrix. */
#define ROLLOUT_TYPE_RISK_MATRIX_CELL (rollout_risk_matrix_cell_get_type ())
G_DECLARE_FINAL_TYPE (RolloutRiskMatrixCell, rollout_risk_matrix_cell, ROLLOUT, RISK_MATRIX_CELL, GtkWidget)

struct _RolloutRiskMatrixCell
{
  GtkWidget parent_instance;

  guint     index;
};

G_DEFINE_FINAL_TYPE (RolloutRiskMatrixCell, rollout_risk_matrix_cell, GTK_TYPE_WIDGET)

struct _RolloutRiskMatrix
{
  GtkWidget             parent_instance;

  GListModel           *model;
  RolloutRisk          *selected;
  GHashTable           *matches;       /* (nullable) risks to show; the others fade */
  RolloutRiskLayout    *layout;
  guint                 layout_dirty : 1;
  int                   layout_width;
  int                   layout_height;

  GtkWidget            *cells[ROLLOUT_RISK_N_CELLS];
  guint                 cursor;
  int                   drop_cell;     /* -1 */
  RolloutRisk          *drag_risk;     /* the risk being dragged */
  GtkWidget            *menu;          /* the context menu */
  GtkWidget            *more_popover;
  GtkListBox           *more_list;

  /* Style */
  Palette               palette;
  PangoFontDescription *small_font;
  PangoFontDescription *small_bold_font;
  double                line_height;
  double                small_line_height;
  double                axis_width;
  double                axis_height;
  GdkTexture           *hatch[ROLLOUT_RISK_N_BANDS];
  int                   hatch_width;
  int                   hatch_height;
  int                   hatch_scale;
  GskRenderNode        *trend_marks[3];

  /* Text, shaped beforehand */
  PangoLayout          *row_labels[ROLLOUT_RISK_MAX_RATING];
  PangoLayout          *column_labels[ROLLOUT_RISK_MAX_RATING];
  PangoLayout          *likelihood_title;
  PangoLayout          *impact_title;
  PangoLayout          *cell_titles[ROLLOUT_RISK_N_CELLS];
  PangoLayout          *cell_counts[ROLLOUT_RISK_N_CELLS];
  PangoLayout          *cell_more[ROLLOUT_RISK_N_CELLS];
  GPtrArray            *chip_titles;   /* PangoLayout, by chip */
};

G_DEFINE_FINAL_TYPE (RolloutRiskMatrix, rollout_risk_matrix, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ACTIVATE_RISK,
  MOVE_RISK,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void snapshot_cell (RolloutRiskMatrix *self,
                           guint              index,
                           GtkSnapshot       *snapshot);

/* Cells -------------------------------------------------------------------- */

static void
rollout_risk_matrix_cell_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  RolloutRiskMatrixCell *cell = ROLLOUT_RISK_MATRIX_CELL (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (ROLLOUT_IS_RISK_MATRIX (parent))
    snapshot_cell (ROLLOUT_RISK_MATRIX (parent), cell->index, snapshot);
}

static void
rollout_risk_matrix_cell_class_init (RolloutRiskMatrixCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = rollout_risk_matrix_cell_snapshot;
  gtk_widget_class_set_css_name (widget_class, "risk-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
rollout_risk_matrix_cell_init (RolloutRiskMatrixCell *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/* Helpers ------------------------------------------------------------------ */

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

static graphene_rect_t
to_graphene (const RolloutRiskRect *rect,
             double                 dx,
             double                 dy)
{
  return GRAPHENE_RECT_INIT (rect->x - dx, rect->y - dy, rect->width, rect->height);
}

static void
fill_rounded (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              float                  radius,
              const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                float                  width,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static PangoLayout *
make_text (RolloutRiskMatrix          *self,
           const char                 *text,
           const PangoFontDescription *font)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (font != NULL)
    pango_layout_set_font_description (layout, font);
  return layout;
}

static RolloutRiskLayout *
ensure_layout (RolloutRiskMatrix *self);

static const RolloutRiskCell *
get_cell (RolloutRiskMatrix *self,
          guint              index)
{
  return rollout_risk_layout_get_cell (ensure_layout (self), index);
}

static const char *
risk_title (RolloutRisk *risk)
{
  const char *title = rollout_risk_get_title (risk);

  return title != NULL ? title : rollout_risk_get_id (risk);
}

/* Style -------------------------------------------------------------------- */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    *out = *fallback;
}

/* Diagonal stripes over a whole cell, once or crosswise, as a texture. */
static GdkTexture *
build_hatch (const GdkRGBA *color,
             int            width,
             int            height,
             int            scale,
             gboolean       cross)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1.2);
  for (double k = -height; k < width + height; k += HATCH_SIZE)
    {
      cairo_move_to (cr, k, height);
      cairo_line_to (cr, k + height, 0);
      if (cross)
        {
          cairo_move_to (cr, k, 0);
          cairo_line_to (cr, k + height, height);
        }
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height * scale);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

/* The hatching fits the cells of the layout; made again when they grow. */
static void
ensure_hatch (RolloutRiskMatrix *self,
              int                width,
              int                height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GdkRGBA stripe = with_alpha (&self->palette.fg, self->palette.dark ? 0.10f : 0.08f);

  if (width <= 0 || height <= 0)
    return;
  if (self->hatch[ROLLOUT_RISK_BAND_HIGH] != NULL && width <= self->hatch_width &&
      height <= self->hatch_height && scale == self->hatch_scale)
    return;
  for (int band = 0; band < ROLLOUT_RISK_N_BANDS; band++)
    g_clear_object (&self->hatch[band]);
  self->hatch_width = width;
  self->hatch_height = height;
  self->hatch_scale = scale;
  self->hatch[ROLLOUT_RISK_BAND_HIGH] = build_hatch (&stripe, width, height, scale, FALSE);
  self->hatch[ROLLOUT_RISK_BAND_CRITICAL] = build_hatch (&stripe, width, height, scale, TRUE);
}

/* The trend marks, as shapes: a triangle up, one down, a bar. */
static GskRenderNode *
build_trend_mark (RolloutRiskTrend  trend,
                  const GdkRGBA    *color)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  const graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, TREND_SIZE, TREND_SIZE);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  double s = TREND_SIZE;

  gdk_cairo_set_source_rgba (cr, color);
  switch (trend)
    {
    case ROLLOUT_RISK_TREND_RISING:
      cairo_move_to (cr, s / 2, 0.5);
      cairo_line_to (cr, s - 0.5, s - 1.5);
      cairo_line_to (cr, 0.5, s - 1.5);
      cairo_close_path (cr);
      break;
    case ROLLOUT_RISK_TREND_FALLING:
      cairo_move_to (cr, 0.5, 1.5);
      cairo_line_to (cr, s - 0.5, 1.5);
      cairo_line_to (cr, s / 2, s - 0.5);
      cairo_close_path (cr);
      break;
    case ROLLOUT_RISK_TREND_STEADY:
    default:
      cairo_rectangle (cr, 0.5, s / 2 - 1.5, s - 1, 3);
      break;
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static GdkRGBA
trend_color (RolloutRiskMatrix *self,
             RolloutRiskTrend   trend)
{
  switch (trend)
    {
    case ROLLOUT_RISK_TREND_RISING:
      return self->palette.error;
    case ROLLOUT_RISK_TREND_FALLING:
      return self->palette.success;
    case ROLLOUT_RISK_TREND_STEADY:
    default:
      return with_alpha (&self->palette.fg, 0.55f);
    }
}

static void
clear_text (RolloutRiskMatrix *self)
{
  for (guint i = 0; i < ROLLOUT_RISK_MAX_RATING; i++)
    {
      g_clear_object (&self->row_labels[i]);
      g_clear_object (&self->column_labels[i]);
    }
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      g_clear_object (&self->cell_titles[i]);
      g_clear_object (&self->cell_counts[i]);
      g_clear_object (&self->cell_more[i]);
    }
  g_clear_object (&self->likelihood_title);
  g_clear_object (&self->impact_title);
  if (self->chip_titles != NULL)
    g_ptr_array_set_size (self->chip_titles, 0);
}

static PangoLayout *
make_axis_label (RolloutRiskMatrix *self,
                 int                rating,
                 const char        *word,
                 PangoAlignment     alignment)
{
  g_autofree char *escaped = g_markup_escape_text (word, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%d</b>\n%s", rating, escaped);
  PangoLayout *layout = make_text (self, NULL, self->small_font);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout;
}

/* Colours, fonts and the text that does not depend on the risks come from
 * the style; they are made again whenever it changes. */
static void
update_style (RolloutRiskMatrix *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *base = pango_context_get_font_description (pango);
  static const GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.0f };
  static const GdkRGBA red = { 0.75f, 0.11f, 0.16f, 1.0f };
  static const GdkRGBA green = { 0.15f, 0.64f, 0.41f, 1.0f };
  static const GdkRGBA white = { 1, 1, 1, 1 };
  Palette *p = &self->palette;
  PangoFontMetrics *metrics;
  int size, widest = 0;

  gtk_style_context_get_color (context, &p->fg);
  lookup_color (context, "view_bg_color", &white, &p->view_bg);
  lookup_color (context, "accent_bg_color", &blue, &p->accent);
  lookup_color (context, "error_color", &red, &p->error);
  lookup_color (context, "success_color", &green, &p->success);
  p->dark = (p->view_bg.red + p->view_bg.green + p->view_bg.blue) < 1.5f;
  for (int band = 0; band < ROLLOUT_RISK_N_BANDS; band++)
    {
      RolloutRiskColor c;

      rollout_risk_band_get_color (band, p->dark ? ROLLOUT_RISK_PALETTE_DARK : ROLLOUT_RISK_PALETTE_LIGHT, &c);
      p->bands[band] = (GdkRGBA) { c.red, c.green, c.blue, 1 };
    }

  /* In the new colour, at the next layout. */
  for (int band = 0; band < ROLLOUT_RISK_N_BANDS; band++)
    g_clear_object (&self->hatch[band]);
  for (int trend = 0; trend < 3; trend++)
    {
      GdkRGBA color = trend_color (self, trend);

      g_clear_pointer (&self->trend_marks[trend], gsk_render_node_unref);
      self->trend_marks[trend] = build_trend_mark (trend, &color);
    }

  /* Captions are a size smaller than the body text. */
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->small_bold_font, pango_font_description_free);
  self->small_font = pango_font_description_copy (base);
  size = pango_font_description_get_size (base);
  if (size <= 0)
    size = 11 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (self->small_font, size * 0.85);
  else
    pango_font_description_set_size (self->small_font, (int) (size * 0.85));
  self->small_bold_font = pango_font_description_copy (self->small_font);
  pango_font_description_set_weight (self->small_bold_font, PANGO_WEIGHT_BOLD);

  metrics = pango_context_get_metrics (pango, base, NULL);
  self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  pango_font_metrics_unref (metrics);
  metrics = pango_context_get_metrics (pango, self->small_font, NULL);
  self->small_line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  pango_font_metrics_unref (metrics);
  if (self->line_height <= 0)
    self->line_height = 17;
  if (self->small_line_height <= 0)
    self->small_line_height = 15;

  clear_text (self);
  for (int rating = 1; rating <= ROLLOUT_RISK_MAX_RATING; rating++)
    {
      PangoLayout *row = make_axis_label (self, rating, rollout_risk_likelihood_label (rating), PANGO_ALIGN_RIGHT);
      PangoLayout *column = make_axis_label (self, rating, rollout_risk_impact_label (rating), PANGO_ALIGN_CENTER);
      PangoRectangle logical;

      /* The widest label sets the room for the row labels. */
      pango_layout_get_pixel_extents (row, NULL, &logical);
      widest = MAX (widest, logical.width);
      self->row_labels[rating - 1] = row;
      self->column_labels[rating - 1] = column;
    }
  self->likelihood_title = make_text (self, _("Likelihood"), self->small_bold_font);
  self->impact_title = make_text (self, _("Impact"), self->small_bold_font);
  /* Long words ("Almost certain") wrap rather than take room from the grid. */
  self->axis_width = self->small_line_height + 6 + MIN (widest, 76) + 10;
  self->axis_height = 6 + 2 * self->small_line_height + 4 + self->small_line_height + 2;
  for (int rating = 1; rating <= ROLLOUT_RISK_MAX_RATING; rating++)
    pango_layout_set_width (self->row_labels[rating - 1],
                            (int) (self->axis_width - self->small_line_height - 16) * PANGO_SCALE);

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      int likelihood, impact, score;
      RolloutRiskBand band;
      g_autofree char *title = NULL;

      rollout_risk_cell_ratings (i, &likelihood, &impact);
      score = likelihood * impact;
      band = rollout_risk_band_for_score (score);
      /* Translators: a cell of the risk matrix: its band, then its score */
      title = g_strdup_printf (C_("risk matrix cell", "%s · %d"), rollout_risk_band_get_label (band), score);
      self->cell_titles[i] = make_text (self, title, self->small_font);
      pango_layout_set_ellipsize (self->cell_titles[i], PANGO_ELLIPSIZE_END);
    }

  self->layout_dirty = TRUE;
  gtk_widget_queue_resize (widget);
}

/* The layout --------------------------------------------------------------- */

static void
update_accessible (RolloutRiskMatrix *self)
{
  RolloutRiskLayout *layout = self->layout;

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      const RolloutRiskCell *cell = rollout_risk_layout_get_cell (layout, i);
      RolloutRisk * const *risks;
      g_autoptr(GString) label = g_string_new (NULL);
      gboolean selected = FALSE;
      guint n;

      /* Translators: a cell of the risk matrix, for screen readers: band,
       * then likelihood and impact as number and word, then the score */
      g_string_printf (label, _("%s, likelihood %d %s, impact %d %s, score %d"),
                       rollout_risk_band_get_label (cell->band),
                       cell->likelihood, rollout_risk_likelihood_label (cell->likelihood),
                       cell->impact, rollout_risk_impact_label (cell->impact),
                       cell->score);
      risks = rollout_risk_layout_get_cell_risks (layout, i, &n);
      g_string_append (label, ", ");
      if (n == 0)
        g_string_append (label, _("no risks"));
      else
        {
          /* Translators: how many risks a cell of the risk matrix holds */
          g_string_append_printf (label, g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", n), n);
          g_string_append_c (label, ':');
        }
      for (guint k = 0; k < n; k++)
        {
          g_string_append_printf (label, "%s %s", k == 0 ? "" : ";", risk_title (risks[k]));
          selected |= risks[k] == self->selected;
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->cells[i]),
                                   GTK_ACCESSIBLE_STATE_SELECTED, selected,
                                   -1);
    }
}

/* Makes the layout for the matrix's size and the text for its chips. */
static RolloutRiskLayout *
ensure_layout (RolloutRiskMatrix *self)
{
  RolloutRiskLayoutOptions options;
  g_autoptr(GListStore) empty = NULL;
  GListModel *model = self->model;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout != NULL && !self->layout_dirty && width == self->layout_width && height == self->layout_height)
    return self->layout;

  if (self->small_font == NULL)
    update_style (self);
  if (model == NULL)
    model = G_LIST_MODEL ((empty = g_list_store_new (ROLLOUT_TYPE_RISK)));

  rollout_risk_layout_options_init (&options);
  options.width = width;
  options.height = height;
  options.axis_width = self->axis_width;
  options.axis_height = self->axis_height;
  options.spacing = 6;
  options.padding = 6;
  options.header_height = self->small_line_height + 6;
  options.chip_height = self->line_height + 8;
  options.chip_spacing = 4;
  options.pinned = self->selected;

  g_clear_pointer (&self->layout, rollout_risk_layout_unref);
  self->layout = rollout_risk_layout_new (model, &options);
  self->layout_dirty = FALSE;
  self->layout_width = width;
  self->layout_height = height;

  /* Text for the chips, ellipsized to their width, and the counts. */
  g_ptr_array_set_size (self->chip_titles, 0);
  for (guint i = 0, n = rollout_risk_layout_get_n_chips (self->layout); i < n; i++)
    {
      const RolloutRiskChip *chip = rollout_risk_layout_get_chip (self->layout, i);
      PangoLayout *title = make_text (self, chip->title, NULL);

      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (title, (int) MAX (0, chip->rect.width - TREND_SIZE - 20) * PANGO_SCALE);
      pango_layout_set_single_paragraph_mode (title, TRUE);
      g_ptr_array_add (self->chip_titles, title);
    }
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      const RolloutRiskCell *cell = rollout_risk_layout_get_cell (self->layout, i);
      double title_width = cell->rect.width - 2 * options.padding - 4;

      g_clear_object (&self->cell_counts[i]);
      g_clear_object (&self->cell_more[i]);

      if (cell->n_risks > 0)
        {
          g_autofree char *count = g_strdup_printf ("%u", cell->n_risks);

          self->cell_counts[i] = make_text (self, count, self->small_bold_font);
          title_width -= MAX (text_width (self->cell_counts[i]) + 12, options.header_height - 4) + 6;
        }
      if (cell->n_hidden > 0)
        {
          /* Translators: on the last chip of a full cell: how many risks
           * it has no room for */
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more",
                                                                cell->n_hidden),
                                                   cell->n_hidden);

          self->cell_more[i] = make_text (self, more, self->small_font);
        }
      pango_layout_set_width (self->cell_titles[i], (int) MAX (0, title_width) * PANGO_SCALE);
    }

  {
    const RolloutRiskCell *widest = rollout_risk_layout_get_cell (self->layout, 0);

    /* Snapped cells differ by a pixel at most. */
    ensure_hatch (self, (int) widest->rect.width + 1, (int) widest->rect.height + 1);
  }
  update_accessible (self);
  return self->layout;
}

static void
invalidate (RolloutRiskMatrix *self)
{
  self->layout_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    gtk_widget_queue_draw (self->cells[i]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
redraw (RolloutRiskMatrix *self)
{
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    gtk_widget_queue_draw (self->cells[i]);
}

/* Drawing ------------------------------------------------------------------ */

static float
chip_alpha (RolloutRiskMatrix     *self,
            const RolloutRiskChip *chip)
{
  float alpha = 1;

  if (self->matches != NULL && !g_hash_table_contains (self->matches, chip->risk))
    alpha *= 0.35f;
  if (chip->risk == self->drag_risk)
    alpha *= 0.4f;
  return alpha;
}

static void
snapshot_chip (RolloutRiskMatrix     *self,
               GtkSnapshot           *snapshot,
               guint                  index,
               const RolloutRiskRect *origin)
{
  const RolloutRiskChip *chip = rollout_risk_layout_get_chip (self->layout, index);
  const Palette *p = &self->palette;
  graphene_rect_t rect = to_graphene (&chip->rect, origin->x, origin->y);
  gboolean selected = chip->risk == self->selected;
  gboolean closed = chip->status == ROLLOUT_RISK_STATUS_CLOSED;
  GdkRGBA fill = with_alpha (&p->view_bg, p->dark ? 0.78f : 0.9f);
  GdkRGBA text = with_alpha (&p->fg, closed ? 0.6f : 1.0f);
  PangoLayout *title = g_ptr_array_index (self->chip_titles, index);
  float alpha = chip_alpha (self, chip);
  double y;

  if (alpha < 1)
    gtk_snapshot_push_opacity (snapshot, alpha);
  if (selected)
    fill = mix (&fill, &p->accent, p->dark ? 0.35f : 0.18f);
  fill_rounded (snapshot, &rect, CHIP_RADIUS, &fill);
  if (selected)
    stroke_rounded (snapshot, &rect, CHIP_RADIUS, 2, &p->accent);
  else if (!closed)
    {
      GdkRGBA edge = with_alpha (&p->fg, 0.12f);

      stroke_rounded (snapshot, &rect, CHIP_RADIUS, 1, &edge);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 7,
                                                          rect.origin.y + (rect.size.height - TREND_SIZE) / 2));
  gtk_snapshot_append_node (snapshot, self->trend_marks[CLAMP (chip->trend, 0, 2)]);
  gtk_snapshot_restore (snapshot);

  y = rect.origin.y + (rect.size.height - text_height (title)) / 2;
  draw_text (snapshot, title, rect.origin.x + 7 + TREND_SIZE + 6, y, &text);
  /* Closed risks are struck through, not only paler. */
  if (closed)
    gtk_snapshot_append_color (snapshot, &text,
                               &GRAPHENE_RECT_INIT (rect.origin.x + 7 + TREND_SIZE + 6, y + text_height (title) / 2.0,
                                                    text_width (title), 1));
  if (alpha < 1)
    gtk_snapshot_pop (snapshot);
}

static void
snapshot_cell (RolloutRiskMatrix *self,
               guint              index,
               GtkSnapshot       *snapshot)
{
  const RolloutRiskCell *cell = get_cell (self, index);
  const Palette *p = &self->palette;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, cell->rect.width, cell->rect.height);
  GskRoundedRect rounded;
  GdkRGBA header = with_alpha (&p->fg, 0.78f);
  const RolloutRiskLayoutOptions *o = rollout_risk_layout_get_options (self->layout);
  double header_y = o->padding + (o->header_height - self->small_line_height) / 2 - 1;

  if (rect.size.width <= 0 || rect.size.height <= 0)
    return;

  /* The band's tint, hatched for high and critical. */
  gsk_rounded_rect_init_from_rect (&rounded, &rect, CELL_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &p->bands[cell->band], &rect);
  if (self->hatch[cell->band] != NULL)
    gtk_snapshot_append_texture (snapshot, self->hatch[cell->band],
                                 &GRAPHENE_RECT_INIT (0, 0, self->hatch_width, self->hatch_height));
  if ((int) index == self->drop_cell)
    {
      GdkRGBA tint = with_alpha (&p->accent, 0.25f);

      gtk_snapshot_append_color (snapshot, &tint, &rect);
    }
  gtk_snapshot_pop (snapshot);
  if ((int) index == self->drop_cell)
    stroke_rounded (snapshot, &rect, CELL_RADIUS, 2, &p->accent);

  /* The header: band and score, and how many risks. */
  draw_text (snapshot, self->cell_titles[index], o->padding + 2, header_y, &header);
  if (self->cell_counts[index] != NULL)
    {
      PangoLayout *count = self->cell_counts[index];
      double w = MAX (text_width (count) + 12, o->header_height - 4);
      double h = o->header_height - 4;
      graphene_rect_t pill = GRAPHENE_RECT_INIT (rect.size.width - o->padding - w, o->padding, w, h);
      GdkRGBA pill_fill = with_alpha (&p->fg, p->dark ? 0.16f : 0.1f);

      fill_rounded (snapshot, &pill, h / 2, &pill_fill);
      draw_text (snapshot, count, pill.origin.x + (w - text_width (count)) / 2,
                 pill.origin.y + (h - text_height (count)) / 2, &p->fg);
    }

  for (guint i = 0; i < cell->n_chips; i++)
    snapshot_chip (self, snapshot, cell->first_chip + i, &cell->rect);

  if (cell->n_hidden > 0 && cell->more.width > 0 && self->cell_more[index] != NULL)
    {
      graphene_rect_t more = to_graphene (&cell->more, cell->rect.x, cell->rect.y);
      GdkRGBA more_fill = with_alpha (&p->fg, p->dark ? 0.1f : 0.06f);
      GdkRGBA more_text = with_alpha (&p->fg, 0.8f);
      PangoLayout *text = self->cell_more[index];

      fill_rounded (snapshot, &more, CHIP_RADIUS, &more_fill);
      draw_text (snapshot, text, more.origin.x + 7 + TREND_SIZE + 6,
                 more.origin.y + (more.size.height - text_height (text)) / 2, &more_text);
    }
}

static void
rollout_risk_matrix_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (widget);
  RolloutRiskLayout *layout = ensure_layout (self);
  const RolloutRiskRect *grid = rollout_risk_layout_get_grid (layout);
  GdkRGBA label = with_alpha (&self->palette.fg, 0.8f);
  GdkRGBA title = with_alpha (&self->palette.fg, 0.65f);

  if (grid->width <= 0 || grid->height <= 0)
    return;

  /* Likelihood: its title turned up the left edge, then each row's label. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, grid->y + (grid->height + text_width (self->likelihood_title)) / 2));
  gtk_snapshot_rotate (snapshot, -90);
  gtk_snapshot_append_layout (snapshot, self->likelihood_title, &title);
  gtk_snapshot_restore (snapshot);
  for (int likelihood = 1; likelihood <= ROLLOUT_RISK_MAX_RATING; likelihood++)
    {
      const RolloutRiskCell *cell = rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (likelihood, 1));
      PangoLayout *text = self->row_labels[likelihood - 1];

      draw_text (snapshot, text, self->small_line_height + 6,
                 cell->rect.y + (cell->rect.height - text_height (text)) / 2, &label);
    }

  /* Impact: each column's label, then the title under them. */
  for (int impact = 1; impact <= ROLLOUT_RISK_MAX_RATING; impact++)
    {
      const RolloutRiskCell *cell = rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (1, impact));
      PangoLayout *text = self->column_labels[impact - 1];

      pango_layout_set_width (text, (int) cell->rect.width * PANGO_SCALE);
      draw_text (snapshot, text, cell->rect.x, grid->y + grid->height + 6, &label);
    }
  draw_text (snapshot, self->impact_title, grid->x + (grid->width - text_width (self->impact_title)) / 2,
             grid->y + grid->height + 6 + 2 * self->small_line_height + 4, &title);

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    gtk_widget_snapshot_child (widget, self->cells[i], snapshot);
}

/* Selection and the cursor ------------------------------------------------- */

static void
set_selected (RolloutRiskMatrix *self,
              RolloutRisk       *risk,
              gboolean           move_cursor)
{
  if (self->selected != risk)
    {
      g_set_object (&self->selected, risk);
      /* The selected risk always gets a chip. */
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  if (move_cursor && risk != NULL)
    {
      int cell = rollout_risk_layout_find_cell (ensure_layout (self), risk);

      if (cell >= 0 && (guint) cell != self->cursor)
        {
          gboolean had_focus = gtk_widget_has_focus (self->cells[self->cursor]);

          self->cursor = (guint) cell;
          if (had_focus)
            gtk_widget_grab_focus (self->cells[self->cursor]);
        }
    }
}

/* The cursor moves to @cell, which takes the focus; its first risk is
 * selected, or nothing in an empty cell. */
static void
move_cursor_to (RolloutRiskMatrix *self,
                guint              cell)
{
  RolloutRisk * const *risks;
  guint n;

  self->cursor = MIN (cell, ROLLOUT_RISK_N_CELLS - 1);
  gtk_widget_grab_focus (self->cells[self->cursor]);
  risks = rollout_risk_layout_get_cell_risks (ensure_layout (self), self->cursor, &n);
  if (self->selected == NULL || rollout_risk_layout_find_cell (self->layout, self->selected) != (int) self->cursor)
    set_selected (self, n > 0 ? risks[0] : NULL, FALSE);
}

/* Space and Shift+Space: the next or the previous risk of the cell. */
static void
step_in_cell (RolloutRiskMatrix *self,
              int                step)
{
  RolloutRisk * const *risks;
  guint n;
  int at = -1;

  risks = rollout_risk_layout_get_cell_risks (ensure_layout (self), self->cursor, &n);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    if (risks[i] == self->selected)
      at = (int) i;
  at = at < 0 ? (step > 0 ? 0 : (int) n - 1) : ((at + step) % (int) n + (int) n) % (int) n;
  set_selected (self, risks[at], FALSE);
}

static void
popup_menu_at (RolloutRiskMatrix     *self,
               const RolloutRiskRect *rect)
{
  if (self->menu == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) rect->x, (int) rect->y, (int) rect->width, (int) rect->height });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
show_more (RolloutRiskMatrix *self,
           guint              index)
{
  const RolloutRiskCell *cell = get_cell (self, index);
  RolloutRisk * const *risks;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->more_list))) != NULL)
    gtk_list_box_remove (self->more_list, child);
  risks = rollout_risk_layout_get_cell_risks (self->layout, index, &n);
  for (guint i = cell->n_chips; i < n; i++)
    {
      GtkWidget *label = gtk_label_new (risk_title (risks[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      g_object_set_data_full (G_OBJECT (label), "rollout-risk", g_object_ref (risks[i]), g_object_unref);
      gtk_list_box_append (self->more_list, label);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->more_popover),
                               &(GdkRectangle) { (int) cell->more.x, (int) cell->more.y,
                                                 (int) cell->more.width, (int) cell->more.height });
  gtk_popover_popup (GTK_POPOVER (self->more_popover));
}

static void
more_row_activated_cb (RolloutRiskMatrix *self,
                       GtkListBoxRow     *row)
{
  RolloutRisk *risk = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "rollout-risk");

  gtk_popover_popdown (GTK_POPOVER (self->more_popover));
  if (risk != NULL)
    {
      set_selected (self, risk, TRUE);
      gtk_widget_grab_focus (self->cells[self->cursor]);
    }
}

/* Input -------------------------------------------------------------------- */

static void
click_pressed_cb (RolloutRiskMatrix *self,
                  int                n_press,
                  double             x,
                  double             y,
                  GtkGestureClick   *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  RolloutRiskLayout *layout = ensure_layout (self);
  guint cell = 0, chip = 0;
  RolloutRiskHit hit = rollout_risk_layout_hit (layout, x, y, &cell, &chip);
  const RolloutRiskChip *c = hit == ROLLOUT_RISK_HIT_CHIP ? rollout_risk_layout_get_chip (layout, chip) : NULL;

  if (hit == ROLLOUT_RISK_HIT_NONE)
    return;
  self->cursor = cell;
  gtk_widget_grab_focus (self->cells[cell]);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (c != NULL)
        {
          set_selected (self, c->risk, FALSE);
          popup_menu_at (self, &c->rect);
        }
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  if (hit == ROLLOUT_RISK_HIT_MORE)
    show_more (self, cell);
  else if (c != NULL)
    {
      g_autoptr(RolloutRisk) risk = g_object_ref (c->risk);

      set_selected (self, risk, FALSE);
      if (n_press == 2)
        g_signal_emit (self, signals[ACTIVATE_RISK], 0, risk);
    }
  else
    set_selected (self, NULL, FALSE);
}

static gboolean
key_pressed_cb (RolloutRiskMatrix     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  int likelihood, impact;

  rollout_risk_cell_ratings (self->cursor, &likelihood, &impact);

  if (modifiers == 0)
    switch (keyval)
      {
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        move_cursor_to (self, rollout_risk_cell_index (likelihood + 1, impact));
        return TRUE;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        move_cursor_to (self, rollout_risk_cell_index (likelihood - 1, impact));
        return TRUE;
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        move_cursor_to (self, rollout_risk_cell_index (likelihood, impact - 1));
        return TRUE;
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        move_cursor_to (self, rollout_risk_cell_index (likelihood, impact + 1));
        return TRUE;
      case GDK_KEY_space:
      case GDK_KEY_KP_Space:
        step_in_cell (self, 1);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
        if (self->selected != NULL && rollout_risk_layout_find_cell (ensure_layout (self), self->selected) == (int) self->cursor)
          {
            g_autoptr(RolloutRisk) risk = g_object_ref (self->selected);

            g_signal_emit (self, signals[ACTIVATE_RISK], 0, risk);
          }
        return TRUE;
      case GDK_KEY_Menu:
        rollout_risk_matrix_popup_menu (self);
        return TRUE;
      default:
        break;
      }
  if (modifiers == GDK_SHIFT_MASK)
    switch (keyval)
      {
      case GDK_KEY_space:
      case GDK_KEY_KP_Space:
        step_in_cell (self, -1);
        return TRUE;
      case GDK_KEY_F10:
        rollout_risk_matrix_popup_menu (self);
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

static gboolean
query_tooltip_cb (RolloutRiskMatrix *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  RolloutRiskLayout *layout = ensure_layout (self);
  guint cell = 0, chip = 0;
  RolloutRiskHit hit = rollout_risk_layout_hit (layout, x, y, &cell, &chip);
  const RolloutRiskCell *c;
  g_autofree char *text = NULL;

  if (keyboard)
    {
      hit = ROLLOUT_RISK_HIT_CELL;
      cell = self->cursor;
    }
  if (hit == ROLLOUT_RISK_HIT_NONE)
    return FALSE;
  c = rollout_risk_layout_get_cell (layout, cell);

  if (hit == ROLLOUT_RISK_HIT_CHIP)
    {
      const RolloutRiskChip *ch = rollout_risk_layout_get_chip (layout, chip);
      const RolloutAssessment *previous = NULL;
      RolloutRiskTrend trend = rollout_risk_get_trend (ch->risk, &previous);

      if (previous != NULL)
        /* Translators: a risk's title, its trend, and the score it is
         * compared with, as "Rising from 9" */
        text = g_strdup_printf (_("%s\n%s from %d · %s"), ch->title, rollout_risk_trend_label (trend),
                                previous->likelihood * previous->impact,
                                rollout_risk_status_label (ch->status));
      else
        text = g_strdup_printf ("%s\n%s", ch->title, rollout_risk_status_label (ch->status));
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) ch->rect.x, (int) ch->rect.y,
                                                           (int) ch->rect.width, (int) ch->rect.height });
    }
  else
    {
      /* Translators: a cell of the risk matrix: band, likelihood and
       * impact words, score */
      text = g_strdup_printf (_("%s: %s likelihood, %s impact (score %d)"), rollout_risk_band_get_label (c->band),
                              rollout_risk_likelihood_label (c->likelihood), rollout_risk_impact_label (c->impact),
                              c->score);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) c->rect.x, (int) c->rect.y,
                                                           (int) c->rect.width, (int) c->rect.height });
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Dragging ----------------------------------------------------------------- */

static GdkContentProvider *
drag_prepare_cb (RolloutRiskMatrix *self,
                 double             x,
                 double             y,
                 GtkDragSource     *source)
{
  RolloutRiskLayout *layout = ensure_layout (self);
  guint chip = 0;

  if (rollout_risk_layout_hit (layout, x, y, NULL, &chip) != ROLLOUT_RISK_HIT_CHIP)
    return NULL;
  g_set_object (&self->drag_risk, rollout_risk_layout_get_chip (layout, chip)->risk);
  return gdk_content_provider_new_typed (ROLLOUT_TYPE_RISK, self->drag_risk);
}

static void
drag_begin_cb (RolloutRiskMatrix *self,
               GdkDrag           *drag,
               GtkDragSource     *source)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *label;

  if (self->drag_risk == NULL)
    return;
  label = gtk_label_new (risk_title (self->drag_risk));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "risk-drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), label);
  set_selected (self, self->drag_risk, FALSE);
  redraw (self);
}

static void
drag_end_cb (RolloutRiskMatrix *self,
             GdkDrag           *drag,
             gboolean           delete_data,
             GtkDragSource     *source)
{
  g_clear_object (&self->drag_risk);
  self->drop_cell = -1;
  redraw (self);
}

static GdkDragAction
drop_motion_cb (RolloutRiskMatrix *self,
                double             x,
                double             y,
                GtkDropTarget     *target)
{
  guint cell = 0;
  int drop = rollout_risk_layout_hit (ensure_layout (self), x, y, &cell, NULL) != ROLLOUT_RISK_HIT_NONE ? (int) cell : -1;

  if (drop != self->drop_cell)
    {
      self->drop_cell = drop;
      redraw (self);
    }
  return drop >= 0 ? GDK_ACTION_MOVE : 0;
}

static void
drop_leave_cb (RolloutRiskMatrix *self,
               GtkDropTarget     *target)
{
  self->drop_cell = -1;
  redraw (self);
}

static gboolean
drop_cb (RolloutRiskMatrix *self,
         const GValue      *value,
         double             x,
         double             y,
         GtkDropTarget     *target)
{
  RolloutRisk *risk = g_value_get_object (value);
  guint cell = 0;
  int likelihood, impact;

  self->drop_cell = -1;
  redraw (self);
  if (!ROLLOUT_IS_RISK (risk) ||
      rollout_risk_layout_hit (ensure_layout (self), x, y, &cell, NULL) == ROLLOUT_RISK_HIT_NONE)
    return FALSE;
  rollout_risk_cell_ratings (cell, &likelihood, &impact);
  set_selected (self, risk, FALSE);
  self->cursor = cell;
  if (likelihood != rollout_risk_get_likelihood (risk) || impact != rollout_risk_get_impact (risk))
    g_signal_emit (self, signals[MOVE_RISK], 0, risk, likelihood, impact);
  gtk_widget_grab_focus (self->cells[self->cursor]);
  return TRUE;
}

/* GtkWidget ---------------------------------------------------------------- */

static void
rollout_risk_matrix_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (widget);

  if (self->small_font == NULL)
    update_style (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) self->axis_width + 5 * MIN_CELL_WIDTH + 4 * 6;
      *natural = (int) self->axis_width + 5 * NATURAL_CELL_WIDTH + 4 * 6;
    }
  else
    {
      *minimum = (int) self->axis_height + 5 * MIN_CELL_HEIGHT + 4 * 6;
      *natural = (int) self->axis_height + 5 * NATURAL_CELL_HEIGHT + 4 * 6;
    }
}

static void
rollout_risk_matrix_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (widget);
  RolloutRiskLayout *layout = ensure_layout (self);

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      const RolloutRiskCell *cell = rollout_risk_layout_get_cell (layout, i);

      gtk_widget_size_allocate (self->cells[i],
                                &(GtkAllocation) { (int) cell->rect.x, (int) cell->rect.y,
                                                   (int) cell->rect.width, (int) cell->rect.height },
                                -1);
    }
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
  gtk_popover_present (GTK_POPOVER (self->more_popover));
}

/* Tab enters on the cursor's cell and leaves from it: the arrow keys move
 * between cells. */
static gboolean
rollout_risk_matrix_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);

  if (focus_child != NULL)
    {
      if (GTK_IS_POPOVER (focus_child))
        return gtk_widget_child_focus (focus_child, direction);
      return FALSE;
    }
  return gtk_widget_grab_focus (self->cells[self->cursor]);
}

static gboolean
rollout_risk_matrix_grab_focus (GtkWidget *widget)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (widget);

  return gtk_widget_grab_focus (self->cells[self->cursor]);
}

static void
rollout_risk_matrix_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rollout_risk_matrix_parent_class)->css_changed (widget, change);

  update_style (ROLLOUT_RISK_MATRIX (widget));
}

static void
rollout_risk_matrix_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rollout_risk_matrix_parent_class)->root (widget);

  update_style (ROLLOUT_RISK_MATRIX (widget));
}

/* GObject ------------------------------------------------------------------ */

static void
model_changed_cb (RolloutRiskMatrix *self)
{
  invalidate (self);
}

static void
rollout_risk_matrix_dispose (GObject *object)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->selected);
  g_clear_object (&self->drag_risk);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->layout, rollout_risk_layout_unref);
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    g_clear_pointer (&self->cells[i], gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->more_popover, gtk_widget_unparent);
  clear_text (self);
  g_clear_pointer (&self->chip_titles, g_ptr_array_unref);

  G_OBJECT_CLASS (rollout_risk_matrix_parent_class)->dispose (object);
}

static void
rollout_risk_matrix_finalize (GObject *object)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (object);

  for (int i = 0; i < ROLLOUT_RISK_N_BANDS; i++)
    g_clear_object (&self->hatch[i]);
  for (int i = 0; i < 3; i++)
    g_clear_pointer (&self->trend_marks[i], gsk_render_node_unref);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->small_bold_font, pango_font_description_free);

  G_OBJECT_CLASS (rollout_risk_matrix_parent_class)->finalize (object);
}

static void
rollout_risk_matrix_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_risk_matrix_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RolloutRiskMatrix *self = ROLLOUT_RISK_MATRIX (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      rollout_risk_matrix_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      rollout_risk_matrix_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_risk_matrix_class_init (RolloutRiskMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_risk_matrix_dispose;
  object_class->finalize = rollout_risk_matrix_finalize;
  object_class->get_property = rollout_risk_matrix_get_property;
  object_class->set_property = rollout_risk_matrix_set_property;

  widget_class->measure = rollout_risk_matrix_measure;
  widget_class->size_allocate = rollout_risk_matrix_size_allocate;
  widget_class->snapshot = rollout_risk_matrix_snapshot;
  widget_class->focus = rollout_risk_matrix_focus;
  widget_class->grab_focus = rollout_risk_matrix_grab_focus;
  widget_class->css_changed = rollout_risk_matrix_css_changed;
  widget_class->root = rollout_risk_matrix_root;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         ROLLOUT_TYPE_RISK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RolloutRiskMatrix::activate-risk:
   * @risk: the #RolloutRisk
   *
   * A risk was double-clicked, or Enter pressed on it: open it.
   */
  signals [ACTIVATE_RISK] =
    g_signal_new ("activate-risk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ROLLOUT_TYPE_RISK);
  /**
   * RolloutRiskMatrix::move-risk:
   * @risk: the #RolloutRisk
   * @likelihood: the row it was dropped in
   * @impact: the column it was dropped in
   *
   * A risk was dropped in another cell: re-assess it.
   */
  signals [MOVE_RISK] =
    g_signal_new ("move-risk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, ROLLOUT_TYPE_RISK, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "risk-matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
rollout_risk_matrix_init (RolloutRiskMatrix *self)
{
  GtkEventController *controller;
  GtkGesture *click;
  GtkDragSource *source;
  GtkDropTarget *target;
  GtkWidget *scroller;

  self->drop_cell = -1;
  self->cursor = rollout_risk_cell_index (3, 3);
  self->chip_titles = g_ptr_array_new_with_free_func (g_object_unref);
  self->layout_dirty = TRUE;

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      self->cells[i] = g_object_new (ROLLOUT_TYPE_RISK_MATRIX_CELL, NULL);
      ROLLOUT_RISK_MATRIX_CELL (self->cells[i])->index = i;
      gtk_widget_set_parent (self->cells[i], GTK_WIDGET (self));
    }

  /* The risks a full cell has no room for. */
  self->more_popover = gtk_popover_new ();
  self->more_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->more_list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->more_list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->more_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More risks in this cell"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->more_list));
  gtk_popover_set_child (GTK_POPOVER (self->more_popover), scroller);
  gtk_widget_set_parent (self->more_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->more_list, "row-activated", G_CALLBACK (more_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (ROLLOUT_TYPE_RISK, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk matrix"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Likelihood from bottom to top, impact from left to right. Arrow keys move between cells, Space steps through a cell’s risks, Alt and an arrow key moves the selected risk."),
                                  -1);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
rollout_risk_matrix_new (void)
{
  return g_object_new (ROLLOUT_TYPE_RISK_MATRIX, NULL);
}

/**
 * rollout_risk_matrix_get_model:
 * @self: a #RolloutRiskMatrix
 *
 * Returns: (transfer none) (nullable): the risks shown
 */
GListModel *
rollout_risk_matrix_get_model (RolloutRiskMatrix *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_MATRIX (self), NULL);

  return self->model;
}

/**
 * rollout_risk_matrix_set_model:
 * @self: a #RolloutRiskMatrix
 * @model: (nullable): a list of #RolloutRisk
 *
 * Shows @model's risks, following its changes. Changes to the risks
 * themselves (a new likelihood, a new title) show after
 * rollout_risk_matrix_refresh().
 */
void
rollout_risk_matrix_set_model (RolloutRiskMatrix *self,
                               GListModel        *model)
{
  g_return_if_fail (ROLLOUT_IS_RISK_MATRIX (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_changed_cb), self);
  set_selected (self, NULL, FALSE);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * rollout_risk_matrix_get_selected:
 * @self: a #RolloutRiskMatrix
 *
 * Returns: (transfer none) (nullable): the selected risk
 */
RolloutRisk *
rollout_risk_matrix_get_selected (RolloutRiskMatrix *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_MATRIX (self), NULL);

  return self->selected;
}

/**
 * rollout_risk_matrix_set_selected:
 * @self: a #RolloutRiskMatrix
 * @risk: (nullable): a risk to select, or %NULL
 *
 * Selects @risk; the cursor moves to its cell.
 */
void
rollout_risk_matrix_set_selected (RolloutRiskMatrix *self,
                                  RolloutRisk       *risk)
{
  g_return_if_fail (ROLLOUT_IS_RISK_MATRIX (self));
  g_return_if_fail (risk == NULL || ROLLOUT_IS_RISK (risk));

  set_selected (self, risk, TRUE);
}

/**
 * rollout_risk_matrix_set_matches:
 * @self: a #RolloutRiskMatrix
 * @matches: (nullable): a set of risks (a #GHashTable whose keys are the
 *   risks) to pick out, the others fading; %NULL shows all alike
 */
void
rollout_risk_matrix_set_matches (RolloutRiskMatrix *self,
                                 GHashTable        *matches)
{
  g_return_if_fail (ROLLOUT_IS_RISK_MATRIX (self));

  if (self->matches == matches)
    return;
  g_clear_pointer (&self->matches, g_hash_table_unref);
  if (matches != NULL)
    self->matches = g_hash_table_ref (matches);
  redraw (self);
}

/**
 * rollout_risk_matrix_set_menu_model:
 * @self: a #RolloutRiskMatrix
 * @menu_model: (nullable): the context menu of a risk
 */
void
rollout_risk_matrix_set_menu_model (RolloutRiskMatrix *self,
                                    GMenuModel        *menu_model)
{
  g_return_if_fail (ROLLOUT_IS_RISK_MATRIX (self));

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (menu_model == NULL)
    return;
  self->menu = gtk_popover_menu_new_from_model (menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

/**
 * rollout_risk_matrix_refresh:
 * @self: a #RolloutRiskMatrix
 *
 * Lays the risks out again, after they changed.
 */
void
rollout_risk_matrix_refresh (RolloutRiskMatrix *self)
{
  g_return_if_fail (ROLLOUT_IS_RISK_MATRIX (self));

  invalidate (self);
  /* The selected risk may have moved: the cursor goes with it. */
  if (self->selected != NULL)
    set_selected (self, self->selected, TRUE);
}

/**
 * rollout_risk_matrix_get_layout:
 * @self: a #RolloutRiskMatrix
 *
 * Returns: (transfer none): the layout for what the matrix shows now
 */
RolloutRiskLayout *
rollout_risk_matrix_get_layout (RolloutRiskMatrix *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_MATRIX (self), NULL);

  return ensure_layout (self);
}

/**
 * rollout_risk_matrix_get_cursor:
 * @self: a #RolloutRiskMatrix
 *
 * Returns: the index of the cell with the keyboard cursor
 */
guint
rollout_risk_matrix_get_cursor (RolloutRiskMatrix *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_MATRIX (self), 0);

  return self->cursor;
}

/**
 * rollout_risk_matrix_get_cell:
 * @self: a #RolloutRiskMatrix
 * @index: a cell index
 *
 * Returns: (transfer none): the widget of the cell, which takes the focus
 *   and carries its accessible name
 */
GtkWidget *
rollout_risk_matrix_get_cell (RolloutRiskMatrix *self,
                              guint              index)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_MATRIX (self), NULL);
  g_return_val_if_fail (index < ROLLOUT_RISK_N_CELLS, NULL);

  return self->cells[index];
}

/**
 * rollout_risk_matrix_popup_menu:
 * @self: a #RolloutRiskMatrix
 *
 * Opens the context menu at the selected risk's chip, or at the cursor.
 */
void
rollout_risk_matrix_popup_menu (RolloutRiskMatrix *self)
{
  RolloutRiskLayout *layout;
  int chip;

  g_return_if_fail (ROLLOUT_IS_RISK_MATRIX (self));

  layout = ensure_layout (self);
  chip = self->selected != NULL ? rollout_risk_layout_find_chip (layout, self->selected) : -1;
  if (chip >= 0)
    popup_menu_at (self, &rollout_risk_layout_get_chip (layout, chip)->rect);
  else if (self->selected != NULL)
    popup_menu_at (self, &rollout_risk_layout_get_cell (layout, self->cursor)->rect);
}
