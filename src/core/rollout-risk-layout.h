/* rollout-risk-layout.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-risk.h"

G_BEGIN_DECLS

/**
 * RolloutRiskBand:
 * @ROLLOUT_RISK_BAND_LOW: scores 1–4
 * @ROLLOUT_RISK_BAND_MEDIUM: scores 5–9
 * @ROLLOUT_RISK_BAND_HIGH: scores 10–16
 * @ROLLOUT_RISK_BAND_CRITICAL: scores 20–25
 *
 * How serious a score (likelihood × impact) is, for the heat map on
 * screen and on paper alike.
 */
typedef enum {
  ROLLOUT_RISK_BAND_LOW,
  ROLLOUT_RISK_BAND_MEDIUM,
  ROLLOUT_RISK_BAND_HIGH,
  ROLLOUT_RISK_BAND_CRITICAL,
} RolloutRiskBand;

#define ROLLOUT_RISK_N_BANDS (ROLLOUT_RISK_BAND_CRITICAL + 1)

/* Likelihood and impact are rated 1–5: the matrix has five rows and five
 * columns, likelihood 5 on top and impact 1 on the left. */
#define ROLLOUT_RISK_MAX_RATING 5
#define ROLLOUT_RISK_N_CELLS    (ROLLOUT_RISK_MAX_RATING * ROLLOUT_RISK_MAX_RATING)

/**
 * RolloutRiskPalette:
 * @ROLLOUT_RISK_PALETTE_LIGHT: light tints under dark text, for paper and
 *   the light style
 * @ROLLOUT_RISK_PALETTE_DARK: deep tints under light text, for the dark style
 */
typedef enum {
  ROLLOUT_RISK_PALETTE_LIGHT,
  ROLLOUT_RISK_PALETTE_DARK,
} RolloutRiskPalette;

typedef struct {
  double red;
  double green;
  double blue;
} RolloutRiskColor;

RolloutRiskBand  rollout_risk_band_for_score      (int                 score);
const char      *rollout_risk_band_get_label      (RolloutRiskBand     band);
const char      *rollout_risk_band_get_range      (RolloutRiskBand     band);
const char      *rollout_risk_band_get_nick       (RolloutRiskBand     band);
void             rollout_risk_band_get_color      (RolloutRiskBand     band,
                                                   RolloutRiskPalette  palette,
                                                   RolloutRiskColor   *out_color);

const char      *rollout_risk_likelihood_label    (int                 likelihood);
const char      *rollout_risk_impact_label        (int                 impact);
const char      *rollout_risk_status_label        (RolloutRiskStatus   status);
const char      *rollout_risk_trend_label         (RolloutRiskTrend    trend);

guint            rollout_risk_cell_index          (int                 likelihood,
                                                   int                 impact);
void             rollout_risk_cell_ratings        (guint               cell,
                                                   int                *out_likelihood,
                                                   int                *out_impact);

/**
 * RolloutRiskRect:
 *
 * A rectangle, in the layout's coordinates (pixels from the top left).
 */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} RolloutRiskRect;

/**
 * RolloutRiskLayoutOptions:
 * @width: the whole matrix, its axes included
 * @height: the same, down
 * @axis_width: room left of the grid, for the likelihood labels
 * @axis_height: room under the grid, for the impact labels
 * @spacing: between two cells
 * @padding: inside a cell, around its header and its chips
 * @header_height: a cell's first line: its band, score and count
 * @chip_height: one risk in a cell
 * @chip_spacing: between two chips
 * @pinned: (nullable): a risk that gets a chip whenever its cell has room
 *   for one, even if it would otherwise be counted under "more" (the
 *   selected one)
 *
 * The sizes to lay the matrix out in. Start from
 * rollout_risk_layout_options_init().
 */
typedef struct {
  double       width;
  double       height;
  double       axis_width;
  double       axis_height;
  double       spacing;
  double       padding;
  double       header_height;
  double       chip_height;
  double       chip_spacing;
  RolloutRisk *pinned;
} RolloutRiskLayoutOptions;

/**
 * RolloutRiskCell:
 * @likelihood: the cell's row, 1–5
 * @impact: the cell's column, 1–5
 * @score: likelihood × impact
 * @band: the band of @score
 * @rect: where the cell is
 * @n_risks: how many risks are in the cell
 * @first_chip: the index of the cell's first chip
 * @n_chips: how many of its risks have a chip
 * @n_hidden: how many do not, for the "more" chip
 * @more: the "more" chip, or zero size when every risk has a chip (or
 *   the only slot went to the pinned risk)
 *
 * One cell of the matrix.
 */
typedef struct {
  int              likelihood;
  int              impact;
  int              score;
  RolloutRiskBand  band;
  RolloutRiskRect  rect;
  guint            n_risks;
  guint            first_chip;
  guint            n_chips;
  guint            n_hidden;
  RolloutRiskRect  more;
} RolloutRiskCell;

/**
 * RolloutRiskChip:
 * @risk: the #RolloutRisk; the layout holds a reference
 * @cell: the index of its cell
 * @rect: where the chip is
 * @title: the risk's title (or id), as it was when the layout was made
 * @status: the risk's status
 * @trend: whether its score is rising, falling or steady
 *
 * A risk shown in its cell.
 */
typedef struct {
  RolloutRisk       *risk;
  guint              cell;
  RolloutRiskRect    rect;
  const char        *title;
  RolloutRiskStatus  status;
  RolloutRiskTrend   trend;
} RolloutRiskChip;

/**
 * RolloutRiskHit:
 * @ROLLOUT_RISK_HIT_NONE: outside the grid, or between cells
 * @ROLLOUT_RISK_HIT_CELL: in a cell, not on a chip
 * @ROLLOUT_RISK_HIT_CHIP: on a risk's chip
 * @ROLLOUT_RISK_HIT_MORE: on a cell's "more" chip
 */
typedef enum {
  ROLLOUT_RISK_HIT_NONE,
  ROLLOUT_RISK_HIT_CELL,
  ROLLOUT_RISK_HIT_CHIP,
  ROLLOUT_RISK_HIT_MORE,
} RolloutRiskHit;

typedef struct _RolloutRiskLayout RolloutRiskLayout;

#define ROLLOUT_TYPE_RISK_LAYOUT (rollout_risk_layout_get_type ())

GType                    rollout_risk_layout_get_type        (void) G_GNUC_CONST;

void                     rollout_risk_layout_options_init    (RolloutRiskLayoutOptions       *options);

RolloutRiskLayout       *rollout_risk_layout_new             (GListModel                     *risks,
                                                              const RolloutRiskLayoutOptions *options);
RolloutRiskLayout       *rollout_risk_layout_ref             (RolloutRiskLayout              *self);
void                     rollout_risk_layout_unref           (RolloutRiskLayout              *self);

const RolloutRiskLayoutOptions *
                         rollout_risk_layout_get_options     (RolloutRiskLayout              *self);
const RolloutRiskRect   *rollout_risk_layout_get_grid        (RolloutRiskLayout              *self);
guint                    rollout_risk_layout_get_n_risks     (RolloutRiskLayout              *self);
const RolloutRiskCell   *rollout_risk_layout_get_cell        (RolloutRiskLayout              *self,
                                                              guint                           index);
RolloutRisk * const     *rollout_risk_layout_get_cell_risks  (RolloutRiskLayout              *self,
                                                              guint                           index,
                                                              guint                          *n_risks);
guint                    rollout_risk_layout_get_n_chips     (RolloutRiskLayout              *self);
const RolloutRiskChip   *rollout_risk_layout_get_chip        (RolloutRiskLayout              *self,
                                                              guint                           index);
int                      rollout_risk_layout_find_chip       (RolloutRiskLayout              *self,
                                                              RolloutRisk                    *risk);
int                      rollout_risk_layout_find_cell       (RolloutRiskLayout              *self,
                                                              RolloutRisk                    *risk);
RolloutRiskHit           rollout_risk_layout_hit             (RolloutRiskLayout              *self,
                                                              double                          x,
                                                              double                          y,
                                                              guint                          *out_cell,
                                                              guint                          *out_chip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutRiskLayout, rollout_risk_layout_unref)

G_END_DECLS
