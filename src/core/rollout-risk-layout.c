/* rollout-risk-layout.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The risk matrix, measured: what the screen and the paper share about it.
 *
 * Bands, their words, ranges and tints live here, so that the heat map
 * printed by the report and the matrix on screen say the same thing in
 * the same colours. The tints come in two palettes: light ones under dark
 * text (paper and the light style) and deep ones under light text (the
 * dark style). Each band also has a name that is always written beside its
 * tint, so that the colour only repeats what the words say.
 *
 * A RolloutRiskLayout places a list of risks in a 5 × 5 grid of a given
 * size, likelihood 5 at the top and impact 1 on the left: the cells, and in
 * each cell a chip per risk, stacked under the cell's header line, as many
 * as fit. When a cell holds more risks than it has room for, its last slot
 * becomes a "more" chip that counts the rest. Within a cell, closed risks
 * come after the others and otherwise the list's order is kept; a pinned
 * risk (the selected one) always gets a chip if its cell has a slot at
 * all, even when that leaves no room for the "more" chip. Rectangles are snapped to whole pixels when the sizes given are
 * whole, so cells and chips draw crisply. The layout is immutable and
 * reference-counted; the widget makes a new one when the risks, the
 * selection or its size change, which for hundreds of risks takes well
 * under a millisecond.
 */

#define G_LOG_DOMAIN "rollout-risk-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "rollout-risk-layout.h"

struct _RolloutRiskLayout
{
  gatomicrefcount           ref_count;

  RolloutRiskLayoutOptions  options;
  RolloutRiskRect           grid;
  RolloutRiskCell           cells[ROLLOUT_RISK_N_CELLS];
  GPtrArray                *cell_risks[ROLLOUT_RISK_N_CELLS]; /* RolloutRisk, owned */
  GArray                   *chips;                          /* RolloutRiskChip */
  GHashTable               *chip_of;                        /* RolloutRisk → chip index + 1 */
  GHashTable               *cell_of;                        /* RolloutRisk → cell index + 1 */
  GStringChunk             *strings;
  guint                     n_risks;
};

G_DEFINE_BOXED_TYPE (RolloutRiskLayout, rollout_risk_layout,
                     rollout_risk_layout_ref, rollout_risk_layout_unref)

/* Bands ------------------------------------------------------------------- */

static const RolloutRiskColor band_colors[2][ROLLOUT_RISK_N_BANDS] = {
  [ROLLOUT_RISK_PALETTE_LIGHT] = {
    /* Light enough that black text on them prints on any printer. */
    [ROLLOUT_RISK_BAND_LOW] = { 0.84, 0.93, 0.85 },
    [ROLLOUT_RISK_BAND_MEDIUM] = { 0.99, 0.94, 0.74 },
    [ROLLOUT_RISK_BAND_HIGH] = { 0.99, 0.83, 0.66 },
    [ROLLOUT_RISK_BAND_CRITICAL] = { 0.96, 0.70, 0.70 },
  },
  [ROLLOUT_RISK_PALETTE_DARK] = {
    /* Deep enough for white text; the more serious, the more saturated. */
    [ROLLOUT_RISK_BAND_LOW] = { 0.16, 0.29, 0.22 },
    [ROLLOUT_RISK_BAND_MEDIUM] = { 0.38, 0.29, 0.06 },
    [ROLLOUT_RISK_BAND_HIGH] = { 0.46, 0.24, 0.07 },
    [ROLLOUT_RISK_BAND_CRITICAL] = { 0.55, 0.14, 0.17 },
  },
};

/**
 * rollout_risk_band_for_score:
 * @score: likelihood × impact
 *
 * Returns: the band: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical
 */
RolloutRiskBand
rollout_risk_band_for_score (int score)
{
  if (score >= 20)
    return ROLLOUT_RISK_BAND_CRITICAL;
  if (score >= 10)
    return ROLLOUT_RISK_BAND_HIGH;
  if (score >= 5)
    return ROLLOUT_RISK_BAND_MEDIUM;
  return ROLLOUT_RISK_BAND_LOW;
}

/**
 * rollout_risk_band_get_label:
 * @band: a band
 *
 * Returns: its name for people, "High"
 */
const char *
rollout_risk_band_get_label (RolloutRiskBand band)
{
  switch (band)
    {
    case ROLLOUT_RISK_BAND_MEDIUM:
      return C_("risk band", "Medium");
    case ROLLOUT_RISK_BAND_HIGH:
      return C_("risk band", "High");
    case ROLLOUT_RISK_BAND_CRITICAL:
      return C_("risk band", "Critical");
    case ROLLOUT_RISK_BAND_LOW:
    default:
      return C_("risk band", "Low");
    }
}

/**
 * rollout_risk_band_get_range:
 * @band: a band
 *
 * Returns: the scores in it, "10–16"
 */
const char *
rollout_risk_band_get_range (RolloutRiskBand band)
{
  switch (band)
    {
    case ROLLOUT_RISK_BAND_MEDIUM:
      return "5–9";
    case ROLLOUT_RISK_BAND_HIGH:
      return "10–16";
    case ROLLOUT_RISK_BAND_CRITICAL:
      return "20–25";
    case ROLLOUT_RISK_BAND_LOW:
    default:
      return "1–4";
    }
}

/**
 * rollout_risk_band_get_nick:
 * @band: a band
 *
 * Returns: a name for programs, "high", as in style classes
 */
const char *
rollout_risk_band_get_nick (RolloutRiskBand band)
{
  switch (band)
    {
    case ROLLOUT_RISK_BAND_MEDIUM:
      return "medium";
    case ROLLOUT_RISK_BAND_HIGH:
      return "high";
    case ROLLOUT_RISK_BAND_CRITICAL:
      return "critical";
    case ROLLOUT_RISK_BAND_LOW:
    default:
      return "low";
    }
}

/**
 * rollout_risk_band_get_color:
 * @band: a band
 * @palette: light tints (paper, the light style) or deep ones (the dark style)
 * @out_color: (out): the band's tint
 */
void
rollout_risk_band_get_color (RolloutRiskBand     band,
                             RolloutRiskPalette  palette,
                             RolloutRiskColor   *out_color)
{
  g_return_if_fail (out_color != NULL);

  palette = palette == ROLLOUT_RISK_PALETTE_DARK ? ROLLOUT_RISK_PALETTE_DARK : ROLLOUT_RISK_PALETTE_LIGHT;
  *out_color = band_colors[palette][CLAMP (band, ROLLOUT_RISK_BAND_LOW, ROLLOUT_RISK_BAND_CRITICAL)];
}

/* Words ------------------------------------------------------------------- */

/**
 * rollout_risk_likelihood_label:
 * @likelihood: 1–5
 *
 * Returns: what the rating means, "Likely"
 */
const char *
rollout_risk_likelihood_label (int likelihood)
{
  switch (likelihood)
    {
    case 1:
      return C_("likelihood", "Rare");
    case 2:
      return C_("likelihood", "Unlikely");
    case 3:
      return C_("likelihood", "Possible");
    case 4:
      return C_("likelihood", "Likely");
    default:
      return C_("likelihood", "Almost certain");
    }
}

/**
 * rollout_risk_impact_label:
 * @impact: 1–5
 *
 * Returns: what the rating means, "Major"
 */
const char *
rollout_risk_impact_label (int impact)
{
  switch (impact)
    {
    case 1:
      return C_("impact", "Negligible");
    case 2:
      return C_("impact", "Minor");
    case 3:
      return C_("impact", "Moderate");
    case 4:
      return C_("impact", "Major");
    default:
      return C_("impact", "Severe");
    }
}

/**
 * rollout_risk_status_label:
 * @status: a risk's status
 *
 * Returns: the status for people, "Mitigating"
 */
const char *
rollout_risk_status_label (RolloutRiskStatus status)
{
  switch (status)
    {
    case ROLLOUT_RISK_STATUS_MITIGATING:
      return _("Mitigating");
    case ROLLOUT_RISK_STATUS_CLOSED:
      return _("Closed");
    case ROLLOUT_RISK_STATUS_OCCURRED:
      return _("Occurred");
    case ROLLOUT_RISK_STATUS_OPEN:
    default:
      return _("Open");
    }
}

/**
 * rollout_risk_trend_label:
 * @trend: a trend
 *
 * Returns: the trend for people, "Rising"
 */
const char *
rollout_risk_trend_label (RolloutRiskTrend trend)
{
  switch (trend)
    {
    case ROLLOUT_RISK_TREND_RISING:
      return C_("risk trend", "Rising");
    case ROLLOUT_RISK_TREND_FALLING:
      return C_("risk trend", "Falling");
    case ROLLOUT_RISK_TREND_STEADY:
    default:
      return C_("risk trend", "Steady");
    }
}

/* Cells ------------------------------------------------------------------- */

/**
 * rollout_risk_cell_index:
 * @likelihood: 1–5 (clamped)
 * @impact: 1–5 (clamped)
 *
 * Returns: the index of the cell, row by row from the top left: likelihood
 *   5 and impact 1 is 0, likelihood 1 and impact 5 is 24
 */
guint
rollout_risk_cell_index (int likelihood,
                         int impact)
{
  likelihood = CLAMP (likelihood, 1, ROLLOUT_RISK_MAX_RATING);
  impact = CLAMP (impact, 1, ROLLOUT_RISK_MAX_RATING);
  return (ROLLOUT_RISK_MAX_RATING - likelihood) * ROLLOUT_RISK_MAX_RATING + (impact - 1);
}

/**
 * rollout_risk_cell_ratings:
 * @cell: a cell index, below %ROLLOUT_RISK_N_CELLS
 * @out_likelihood: (out) (optional): its likelihood
 * @out_impact: (out) (optional): its impact
 */
void
rollout_risk_cell_ratings (guint  cell,
                           int   *out_likelihood,
                           int   *out_impact)
{
  cell = MIN (cell, ROLLOUT_RISK_N_CELLS - 1);
  if (out_likelihood != NULL)
    *out_likelihood = ROLLOUT_RISK_MAX_RATING - (int) (cell / ROLLOUT_RISK_MAX_RATING);
  if (out_impact != NULL)
    *out_impact = (int) (cell % ROLLOUT_RISK_MAX_RATING) + 1;
}

/* The layout -------------------------------------------------------------- */

/**
 * rollout_risk_layout_options_init:
 * @options: (out caller-allocates): options to fill with defaults
 *
 * Sizes for a matrix of 640 × 560 pixels in the default font; set at least
 * the width and the height.
 */
void
rollout_risk_layout_options_init (RolloutRiskLayoutOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (RolloutRiskLayoutOptions) {
    .width = 640,
    .height = 560,
    .axis_width = 110,
    .axis_height = 60,
    .spacing = 4,
    .padding = 6,
    .header_height = 20,
    .chip_height = 24,
    .chip_spacing = 4,
    .pinned = NULL,
  };
}

static double
size_or_zero (double value)
{
  return isfinite (value) && value > 0 ? value : 0;
}

static RolloutRiskRect
snapped_rect (double x,
              double y,
              double width,
              double height)
{
  double x0 = round (x), y0 = round (y);

  return (RolloutRiskRect) { x0, y0, MAX (0, round (x + width) - x0), MAX (0, round (y + height) - y0) };
}

static void
add_chip (RolloutRiskLayout *self,
          RolloutRisk       *risk,
          guint              cell,
          RolloutRiskRect    rect)
{
  const char *title = rollout_risk_get_title (risk);
  RolloutRiskChip chip = {
    .risk = risk,
    .cell = cell,
    .rect = rect,
    .title = g_string_chunk_insert_const (self->strings, title != NULL ? title : rollout_risk_get_id (risk)),
    .status = rollout_risk_get_status (risk),
    .trend = rollout_risk_get_trend (risk, NULL),
  };

  g_array_append_val (self->chips, chip);
  g_hash_table_insert (self->chip_of, risk, GUINT_TO_POINTER (self->chips->len));
}

static void
place_chips (RolloutRiskLayout *self,
             guint              index)
{
  const RolloutRiskLayoutOptions *o = &self->options;
  RolloutRiskCell *cell = &self->cells[index];
  GPtrArray *risks = self->cell_risks[index];
  double step = o->chip_height + o->chip_spacing;
  double room = cell->rect.height - 2 * o->padding - o->header_height;
  guint slots = 0;

  if (o->chip_height > 0 && room >= o->chip_height && cell->rect.width > 2 * o->padding)
    slots = (guint) floor ((room + o->chip_spacing) / step);

  cell->n_risks = risks->len;
  cell->first_chip = self->chips->len;
  if (risks->len <= slots)
    cell->n_chips = risks->len;
  else if (slots == 1 && o->pinned != NULL && g_ptr_array_find (risks, o->pinned, NULL))
    /* One slot: the pinned risk rather than "more"; the count says the rest. */
    cell->n_chips = 1;
  else
    cell->n_chips = slots > 0 ? slots - 1 : 0;
  cell->n_hidden = risks->len - cell->n_chips;

  /* The pinned risk takes the last chip when it would be hidden. */
  if (o->pinned != NULL && cell->n_hidden > 0 && cell->n_chips > 0)
    {
      guint at;

      if (g_ptr_array_find (risks, o->pinned, &at) && at >= cell->n_chips)
        {
          gpointer pinned = g_ptr_array_steal_index (risks, at);

          g_ptr_array_insert (risks, cell->n_chips - 1, pinned);
        }
    }

  for (guint i = 0; i < risks->len; i++)
    {
      if (i < cell->n_chips)
        add_chip (self, g_ptr_array_index (risks, i), index,
                  snapped_rect (cell->rect.x + o->padding,
                                cell->rect.y + o->padding + o->header_height + i * step,
                                cell->rect.width - 2 * o->padding, o->chip_height));
    }
  if (cell->n_hidden > 0 && cell->n_chips < slots)
    cell->more = snapped_rect (cell->rect.x + o->padding,
                               cell->rect.y + o->padding + o->header_height + cell->n_chips * step,
                               cell->rect.width - 2 * o->padding, o->chip_height);
}

/**
 * rollout_risk_layout_new:
 * @risks: a list of #RolloutRisk, the ones to show
 * @options: (nullable): the sizes; %NULL for the defaults
 *
 * Lays @risks out in the matrix. Sizes that are negative or not numbers
 * count as zero; a grid with no room left gets cells of no size.
 *
 * Returns: (transfer full): a new layout
 */
RolloutRiskLayout *
rollout_risk_layout_new (GListModel                     *risks,
                         const RolloutRiskLayoutOptions *options)
{
  RolloutRiskLayout *self;
  RolloutRiskLayoutOptions *o;
  double cell_width, cell_height;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (risks), NULL);

  self = g_new0 (RolloutRiskLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  o = &self->options;
  if (options != NULL)
    *o = *options;
  else
    rollout_risk_layout_options_init (o);
  o->width = size_or_zero (o->width);
  o->height = size_or_zero (o->height);
  o->axis_width = MIN (size_or_zero (o->axis_width), o->width);
  o->axis_height = MIN (size_or_zero (o->axis_height), o->height);
  o->spacing = size_or_zero (o->spacing);
  o->padding = size_or_zero (o->padding);
  o->header_height = size_or_zero (o->header_height);
  o->chip_height = size_or_zero (o->chip_height);
  o->chip_spacing = size_or_zero (o->chip_spacing);
  if (o->pinned != NULL)
    g_object_ref (o->pinned);

  self->chips = g_array_new (FALSE, FALSE, sizeof (RolloutRiskChip));
  self->chip_of = g_hash_table_new (NULL, NULL);
  self->cell_of = g_hash_table_new (NULL, NULL);
  self->strings = g_string_chunk_new (1024);

  self->grid = (RolloutRiskRect) { o->axis_width, 0, o->width - o->axis_width, o->height - o->axis_height };
  cell_width = MAX (0, (self->grid.width - (ROLLOUT_RISK_MAX_RATING - 1) * o->spacing) / ROLLOUT_RISK_MAX_RATING);
  cell_height = MAX (0, (self->grid.height - (ROLLOUT_RISK_MAX_RATING - 1) * o->spacing) / ROLLOUT_RISK_MAX_RATING);

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      RolloutRiskCell *cell = &self->cells[i];
      guint row = i / ROLLOUT_RISK_MAX_RATING;
      guint column = i % ROLLOUT_RISK_MAX_RATING;

      rollout_risk_cell_ratings (i, &cell->likelihood, &cell->impact);
      cell->score = cell->likelihood * cell->impact;
      cell->band = rollout_risk_band_for_score (cell->score);
      cell->rect = snapped_rect (self->grid.x + column * (cell_width + o->spacing),
                                 self->grid.y + row * (cell_height + o->spacing),
                                 cell_width, cell_height);
      self->cell_risks[i] = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Into their cells: the open ones in the list's order, then the closed. */
  n = g_list_model_get_n_items (risks);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RolloutRisk) risk = g_list_model_get_item (risks, i);
        gboolean closed;
        guint cell;

        if (!ROLLOUT_IS_RISK (risk))
          continue;
        closed = rollout_risk_get_status (risk) == ROLLOUT_RISK_STATUS_CLOSED;
        if (closed != (pass == 1) || g_hash_table_contains (self->cell_of, risk))
          continue;
        cell = rollout_risk_cell_index (rollout_risk_get_likelihood (risk), rollout_risk_get_impact (risk));
        g_ptr_array_add (self->cell_risks[cell], g_object_ref (risk));
        g_hash_table_insert (self->cell_of, risk, GUINT_TO_POINTER (cell + 1));
        self->n_risks++;
      }

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    place_chips (self, i);

  return self;
}

/**
 * rollout_risk_layout_ref:
 * @self: a #RolloutRiskLayout
 *
 * Returns: (transfer full): @self
 */
RolloutRiskLayout *
rollout_risk_layout_ref (RolloutRiskLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * rollout_risk_layout_unref:
 * @self: (transfer full): a #RolloutRiskLayout
 *
 * Drops a reference; the last one frees the layout and its references to
 * the risks.
 */
void
rollout_risk_layout_unref (RolloutRiskLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    g_ptr_array_unref (self->cell_risks[i]);
  g_array_unref (self->chips);
  g_hash_table_unref (self->chip_of);
  g_hash_table_unref (self->cell_of);
  g_string_chunk_free (self->strings);
  g_clear_object (&self->options.pinned);
  g_free (self);
}

/**
 * rollout_risk_layout_get_options:
 * @self: a #RolloutRiskLayout
 *
 * Returns: the sizes the layout was made for, with the ones that were out
 *   of range corrected
 */
const RolloutRiskLayoutOptions *
rollout_risk_layout_get_options (RolloutRiskLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->options;
}

/**
 * rollout_risk_layout_get_grid:
 * @self: a #RolloutRiskLayout
 *
 * Returns: the rectangle the cells take, without the axes
 */
const RolloutRiskRect *
rollout_risk_layout_get_grid (RolloutRiskLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->grid;
}

/**
 * rollout_risk_layout_get_n_risks:
 * @self: a #RolloutRiskLayout
 *
 * Returns: how many risks the matrix shows, with or without a chip
 */
guint
rollout_risk_layout_get_n_risks (RolloutRiskLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_risks;
}

/**
 * rollout_risk_layout_get_cell:
 * @self: a #RolloutRiskLayout
 * @index: a cell index, below %ROLLOUT_RISK_N_CELLS
 *
 * Returns: the cell
 */
const RolloutRiskCell *
rollout_risk_layout_get_cell (RolloutRiskLayout *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < ROLLOUT_RISK_N_CELLS, NULL);

  return &self->cells[index];
}

/**
 * rollout_risk_layout_get_cell_risks:
 * @self: a #RolloutRiskLayout
 * @index: a cell index, below %ROLLOUT_RISK_N_CELLS
 * @n_risks: (out): how many
 *
 * Returns: (array length=n_risks) (transfer none): every risk of the cell,
 *   the ones with chips first, in the chips' order
 */
RolloutRisk * const *
rollout_risk_layout_get_cell_risks (RolloutRiskLayout *self,
                                    guint              index,
                                    guint             *n_risks)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < ROLLOUT_RISK_N_CELLS, NULL);
  g_return_val_if_fail (n_risks != NULL, NULL);

  *n_risks = self->cell_risks[index]->len;
  return (RolloutRisk * const *) self->cell_risks[index]->pdata;
}

guint
rollout_risk_layout_get_n_chips (RolloutRiskLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->chips->len;
}

/**
 * rollout_risk_layout_get_chip:
 * @self: a #RolloutRiskLayout
 * @index: a chip index, below rollout_risk_layout_get_n_chips()
 *
 * Returns: the chip; chips are ordered cell by cell
 */
const RolloutRiskChip *
rollout_risk_layout_get_chip (RolloutRiskLayout *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->chips->len, NULL);

  return &g_array_index (self->chips, RolloutRiskChip, index);
}

/**
 * rollout_risk_layout_find_chip:
 * @self: a #RolloutRiskLayout
 * @risk: a risk
 *
 * Returns: the index of @risk's chip, or -1 when it has none
 */
int
rollout_risk_layout_find_chip (RolloutRiskLayout *self,
                               RolloutRisk       *risk)
{
  g_return_val_if_fail (self != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->chip_of, risk)) - 1;
}

/**
 * rollout_risk_layout_find_cell:
 * @self: a #RolloutRiskLayout
 * @risk: a risk
 *
 * Returns: the index of the cell @risk is in, or -1 when the layout does
 *   not show it
 */
int
rollout_risk_layout_find_cell (RolloutRiskLayout *self,
                               RolloutRisk       *risk)
{
  g_return_val_if_fail (self != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->cell_of, risk)) - 1;
}

static gboolean
rect_contains (const RolloutRiskRect *rect,
               double                 x,
               double                 y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

/**
 * rollout_risk_layout_hit:
 * @self: a #RolloutRiskLayout
 * @x: a point, in the layout's coordinates
 * @y: the same, down
 * @out_cell: (out) (optional): the cell the point is in
 * @out_chip: (out) (optional): the chip the point is on, for
 *   %ROLLOUT_RISK_HIT_CHIP
 *
 * Returns: what is at the point
 */
RolloutRiskHit
rollout_risk_layout_hit (RolloutRiskLayout *self,
                         double             x,
                         double             y,
                         guint             *out_cell,
                         guint             *out_chip)
{
  const RolloutRiskRect *grid;
  guint row, column, index = 0;
  const RolloutRiskCell *cell;

  g_return_val_if_fail (self != NULL, ROLLOUT_RISK_HIT_NONE);

  grid = &self->grid;
  if (!rect_contains (grid, x, y))
    return ROLLOUT_RISK_HIT_NONE;
  /* Cells repeat every (cell + spacing): the point is in the cell that
   * division gives, or, next to an edge that was snapped, in a neighbour;
   * or in the spacing, on nothing. */
  column = (guint) MIN (ROLLOUT_RISK_MAX_RATING - 1,
                        floor ((x - grid->x) * ROLLOUT_RISK_MAX_RATING / (grid->width + self->options.spacing)));
  row = (guint) MIN (ROLLOUT_RISK_MAX_RATING - 1,
                     floor ((y - grid->y) * ROLLOUT_RISK_MAX_RATING / (grid->height + self->options.spacing)));
  cell = NULL;
  for (int dr = -1; cell == NULL && dr <= 1; dr++)
    for (int dc = -1; cell == NULL && dc <= 1; dc++)
      {
        int r = (int) row + dr, c = (int) column + dc;

        if (r < 0 || c < 0 || r >= ROLLOUT_RISK_MAX_RATING || c >= ROLLOUT_RISK_MAX_RATING)
          continue;
        index = (guint) (r * ROLLOUT_RISK_MAX_RATING + c);
        if (rect_contains (&self->cells[index].rect, x, y))
          cell = &self->cells[index];
      }
  if (cell == NULL)
    return ROLLOUT_RISK_HIT_NONE;

  if (out_cell != NULL)
    *out_cell = index;
  for (guint i = 0; i < cell->n_chips; i++)
    if (rect_contains (&g_array_index (self->chips, RolloutRiskChip, cell->first_chip + i).rect, x, y))
      {
        if (out_chip != NULL)
          *out_chip = cell->first_chip + i;
        return ROLLOUT_RISK_HIT_CHIP;
      }
  if (cell->n_hidden > 0 && rect_contains (&cell->more, x, y))
    return ROLLOUT_RISK_HIT_MORE;
  return ROLLOUT_RISK_HIT_CELL;
}
