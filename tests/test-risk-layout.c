/* test-risk-layout.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The risk matrix without a display: bands and their words, the cells'
 * places, chips and "more" chips, hit testing, trends from the history,
 * and re-assessing through the history with undo. */

#define G_LOG_DOMAIN "test-risk-layout"

#include "config.h"

#include <math.h>

#include "rollout-file.h"
#include "rollout-history.h"
#include "rollout-risk-layout.h"

static RolloutDate
date (const char *text)
{
  RolloutDate d = ROLLOUT_DATE_NONE;

  if (!rollout_date_parse (text, &d))
    g_error ("bad date in test: %s", text);
  return d;
}

static RolloutRisk *
make_risk (const char *id,
           int         likelihood,
           int         impact)
{
  RolloutRisk *risk = rollout_risk_new (id);
  g_autofree char *title = g_strdup_printf ("Risk %s", id);

  rollout_risk_set_title (risk, title);
  rollout_risk_set_likelihood (risk, likelihood);
  rollout_risk_set_impact (risk, impact);
  return risk;
}

static void
add_assessment (RolloutRisk *risk,
                const char  *day,
                int          likelihood,
                int          impact)
{
  g_autoptr(GPtrArray) history = rollout_ptr_array_copy (rollout_risk_get_history (risk),
                                                         (GBoxedCopyFunc) rollout_assessment_copy,
                                                         (GDestroyNotify) rollout_assessment_free);

  g_ptr_array_add (history, rollout_assessment_new (date (day), likelihood, impact));
  rollout_risk_set_history (risk, history);
}

/* Bands ------------------------------------------------------------------- */

static void
test_bands (void)
{
  static const struct {
    int score;
    RolloutRiskBand band;
  } cases[] = {
    { 1, ROLLOUT_RISK_BAND_LOW },
    { 4, ROLLOUT_RISK_BAND_LOW },
    { 5, ROLLOUT_RISK_BAND_MEDIUM },
    { 9, ROLLOUT_RISK_BAND_MEDIUM },
    { 10, ROLLOUT_RISK_BAND_HIGH },
    { 16, ROLLOUT_RISK_BAND_HIGH },
    { 20, ROLLOUT_RISK_BAND_CRITICAL },
    { 25, ROLLOUT_RISK_BAND_CRITICAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rollout_risk_band_for_score (cases[i].score), ==, cases[i].band);

  g_assert_cmpstr (rollout_risk_band_get_label (ROLLOUT_RISK_BAND_HIGH), ==, "High");
  g_assert_cmpstr (rollout_risk_band_get_range (ROLLOUT_RISK_BAND_CRITICAL), ==, "20–25");
  g_assert_cmpstr (rollout_risk_band_get_nick (ROLLOUT_RISK_BAND_MEDIUM), ==, "medium");
  g_assert_cmpstr (rollout_risk_likelihood_label (5), ==, "Almost certain");
  g_assert_cmpstr (rollout_risk_impact_label (1), ==, "Negligible");
  g_assert_cmpstr (rollout_risk_status_label (ROLLOUT_RISK_STATUS_OCCURRED), ==, "Occurred");
  g_assert_cmpstr (rollout_risk_trend_label (ROLLOUT_RISK_TREND_FALLING), ==, "Falling");
}

static double
luminance (const RolloutRiskColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* Text stays readable on every tint: black on the light palette, white on
 * the dark one, and the tints of a palette all differ. */
static void
test_band_colors (void)
{
  for (int band = 0; band < ROLLOUT_RISK_N_BANDS; band++)
    {
      RolloutRiskColor light, dark;

      rollout_risk_band_get_color (band, ROLLOUT_RISK_PALETTE_LIGHT, &light);
      rollout_risk_band_get_color (band, ROLLOUT_RISK_PALETTE_DARK, &dark);
      g_assert_cmpfloat (luminance (&light), >, 0.6);
      g_assert_cmpfloat (luminance (&dark), <, 0.3);

      for (int other = 0; other < band; other++)
        {
          RolloutRiskColor o;

          rollout_risk_band_get_color (other, ROLLOUT_RISK_PALETTE_DARK, &o);
          g_assert_true (fabs (o.red - dark.red) + fabs (o.green - dark.green) + fabs (o.blue - dark.blue) > 0.1);
          rollout_risk_band_get_color (other, ROLLOUT_RISK_PALETTE_LIGHT, &o);
          g_assert_true (fabs (o.red - light.red) + fabs (o.green - light.green) + fabs (o.blue - light.blue) > 0.1);
        }
    }
}

static void
test_cell_index (void)
{
  guint seen = 0;

  g_assert_cmpuint (rollout_risk_cell_index (5, 1), ==, 0);
  g_assert_cmpuint (rollout_risk_cell_index (5, 5), ==, 4);
  g_assert_cmpuint (rollout_risk_cell_index (1, 1), ==, 20);
  g_assert_cmpuint (rollout_risk_cell_index (1, 5), ==, 24);
  /* Out of range is clamped, never out of the grid. */
  g_assert_cmpuint (rollout_risk_cell_index (9, -3), ==, 0);

  for (int l = 1; l <= 5; l++)
    for (int i = 1; i <= 5; i++)
      {
        guint index = rollout_risk_cell_index (l, i);
        int l2, i2;

        rollout_risk_cell_ratings (index, &l2, &i2);
        g_assert_cmpint (l2, ==, l);
        g_assert_cmpint (i2, ==, i);
        seen |= 1u << index;
      }
  g_assert_cmpuint (seen, ==, (1u << 25) - 1);
}

/* Geometry ---------------------------------------------------------------- */

static gboolean
rects_overlap (const RolloutRiskRect *a,
               const RolloutRiskRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const RolloutRiskRect *inner,
             const RolloutRiskRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static void
test_cells (void)
{
  g_autoptr(GListStore) risks = g_list_store_new (ROLLOUT_TYPE_RISK);
  g_autoptr(RolloutRiskLayout) layout = NULL;
  RolloutRiskLayoutOptions options;
  const RolloutRiskRect *grid;

  rollout_risk_layout_options_init (&options);
  options.width = 700;
  options.height = 560;
  options.axis_width = 100;
  options.axis_height = 60;
  options.spacing = 4;
  layout = rollout_risk_layout_new (G_LIST_MODEL (risks), &options);

  grid = rollout_risk_layout_get_grid (layout);
  g_assert_cmpfloat (grid->x, ==, 100);
  g_assert_cmpfloat (grid->y, ==, 0);
  g_assert_cmpfloat (grid->width, ==, 600);
  g_assert_cmpfloat (grid->height, ==, 500);
  g_assert_cmpuint (rollout_risk_layout_get_n_risks (layout), ==, 0);
  g_assert_cmpuint (rollout_risk_layout_get_n_chips (layout), ==, 0);

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      const RolloutRiskCell *cell = rollout_risk_layout_get_cell (layout, i);

      g_assert_cmpint (cell->score, ==, cell->likelihood * cell->impact);
      g_assert_cmpint (cell->band, ==, rollout_risk_band_for_score (cell->score));
      /* Whole pixels, inside the grid, about a fifth of it each way. */
      g_assert_cmpfloat (cell->rect.x, ==, floor (cell->rect.x));
      g_assert_cmpfloat (cell->rect.width, ==, floor (cell->rect.width));
      g_assert_true (rect_inside (&cell->rect, grid));
      g_assert_cmpfloat (fabs (cell->rect.width - (600 - 16) / 5.0), <=, 1);
      g_assert_cmpfloat (fabs (cell->rect.height - (500 - 16) / 5.0), <=, 1);
      g_assert_cmpuint (cell->n_risks, ==, 0);
      for (guint k = 0; k < i; k++)
        g_assert_false (rects_overlap (&cell->rect, &rollout_risk_layout_get_cell (layout, k)->rect));
    }

  /* Likelihood goes up, impact goes right. */
  g_assert_cmpfloat (rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (5, 3))->rect.y, <,
                     rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (4, 3))->rect.y);
  g_assert_cmpfloat (rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (2, 1))->rect.x, <,
                     rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (2, 2))->rect.x);
  /* The grid is filled to its far edges. */
  g_assert_cmpfloat (fabs (rollout_risk_layout_get_cell (layout, 24)->rect.x +
                           rollout_risk_layout_get_cell (layout, 24)->rect.width - 700), <=, 1);
}

/* Chips in order, the closed ones last, and a "more" chip counting those
 * that do not fit; the pinned risk always shows. */
static void
test_chips (void)
{
  g_autoptr(GListStore) risks = g_list_store_new (ROLLOUT_TYPE_RISK);
  g_autoptr(RolloutRiskLayout) layout = NULL;
  g_autoptr(RolloutRiskLayout) pinned_layout = NULL;
  g_autoptr(RolloutRisk) last = NULL;
  RolloutRiskLayoutOptions options;
  const RolloutRiskCell *cell, *lonely;
  RolloutRisk * const *cell_risks;
  guint n;
  guint index = rollout_risk_cell_index (4, 3);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autoptr(RolloutRisk) risk = make_risk (id, 4, 3);

      if (i == 0)
        rollout_risk_set_status (risk, ROLLOUT_RISK_STATUS_CLOSED);
      g_list_store_append (risks, risk);
      if (i == 9)
        last = g_object_ref (risk);
    }
  {
    g_autoptr(RolloutRisk) risk = make_risk ("alone", 1, 5);

    g_list_store_append (risks, risk);
  }

  /* Cells of 100 px: 100 - 2 × 6 - 20 = 68 px for chips of 24 + 4, two
   * slots. */
  rollout_risk_layout_options_init (&options);
  options.width = 5 * 100 + 4 * 4 + 100;
  options.height = 5 * 100 + 4 * 4 + 60;
  layout = rollout_risk_layout_new (G_LIST_MODEL (risks), &options);

  g_assert_cmpuint (rollout_risk_layout_get_n_risks (layout), ==, 11);
  cell = rollout_risk_layout_get_cell (layout, index);
  g_assert_cmpfloat (cell->rect.height, ==, 100);
  g_assert_cmpuint (cell->n_risks, ==, 10);
  g_assert_cmpuint (cell->n_chips, ==, 1);
  g_assert_cmpuint (cell->n_hidden, ==, 9);
  g_assert_cmpfloat (cell->more.height, ==, 24);
  g_assert_cmpfloat (cell->more.y, ==, cell->rect.y + 6 + 20 + 28);

  cell_risks = rollout_risk_layout_get_cell_risks (layout, index, &n);
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpstr (rollout_risk_get_id (cell_risks[0]), ==, "r1");
  g_assert_cmpstr (rollout_risk_get_id (cell_risks[9]), ==, "r0");
  g_assert_cmpint (rollout_risk_layout_find_chip (layout, cell_risks[0]), ==, (int) cell->first_chip);
  g_assert_cmpint (rollout_risk_layout_find_chip (layout, last), ==, -1);
  g_assert_cmpint (rollout_risk_layout_find_cell (layout, last), ==, (int) index);
  {
    const RolloutRiskChip *chip = rollout_risk_layout_get_chip (layout, cell->first_chip);

    g_assert_true (chip->risk == cell_risks[0]);
    g_assert_cmpstr (chip->title, ==, "Risk r1");
    g_assert_cmpuint (chip->cell, ==, index);
    g_assert_true (rect_inside (&chip->rect, &cell->rect));
    g_assert_false (rects_overlap (&chip->rect, &cell->more));
  }

  lonely = rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (1, 5));
  g_assert_cmpuint (lonely->n_chips, ==, 1);
  g_assert_cmpuint (lonely->n_hidden, ==, 0);
  g_assert_cmpfloat (lonely->more.width, ==, 0);

  /* Pinned, the last risk takes the visible chip. */
  options.pinned = last;
  pinned_layout = rollout_risk_layout_new (G_LIST_MODEL (risks), &options);
  cell = rollout_risk_layout_get_cell (pinned_layout, index);
  g_assert_cmpuint (cell->n_chips, ==, 1);
  g_assert_true (rollout_risk_layout_get_chip (pinned_layout, cell->first_chip)->risk == last);
  g_assert_cmpint (rollout_risk_layout_find_chip (pinned_layout, last), >=, 0);

  /* One slot only: the pinned risk takes it, with no "more" chip. */
  {
    g_autoptr(RolloutRiskLayout) small = NULL;

    /* 5 × 60 + 4 × 4 + 60: 60 - 12 - 20 = 28 px, one chip of 24. */
    options.height = 5 * 60 + 4 * 4 + 60;
    options.pinned = last;
    small = rollout_risk_layout_new (G_LIST_MODEL (risks), &options);
    cell = rollout_risk_layout_get_cell (small, index);
    g_assert_cmpuint (cell->n_chips, ==, 1);
    g_assert_cmpuint (cell->n_hidden, ==, 9);
    g_assert_cmpfloat (cell->more.width, ==, 0);
    g_assert_true (rollout_risk_layout_get_chip (small, cell->first_chip)->risk == last);

    /* Unpinned, the slot says how many. */
    g_clear_pointer (&small, rollout_risk_layout_unref);
    options.pinned = NULL;
    small = rollout_risk_layout_new (G_LIST_MODEL (risks), &options);
    cell = rollout_risk_layout_get_cell (small, index);
    g_assert_cmpuint (cell->n_chips, ==, 0);
    g_assert_cmpuint (cell->n_hidden, ==, 10);
    g_assert_cmpfloat (cell->more.height, ==, 24);
  }

  /* A big cell shows every chip, without a "more" chip. */
  {
    g_autoptr(RolloutRiskLayout) big = NULL;

    options.height = 5 * 400 + 60;
    options.pinned = NULL;
    big = rollout_risk_layout_new (G_LIST_MODEL (risks), &options);
    cell = rollout_risk_layout_get_cell (big, index);
    g_assert_cmpuint (cell->n_chips, ==, 10);
    g_assert_cmpuint (cell->n_hidden, ==, 0);
    for (guint i = 1; i < cell->n_chips; i++)
      {
        const RolloutRiskChip *a = rollout_risk_layout_get_chip (big, cell->first_chip + i - 1);
        const RolloutRiskChip *b = rollout_risk_layout_get_chip (big, cell->first_chip + i);

        g_assert_cmpfloat (b->rect.y, ==, a->rect.y + 28);
        g_assert_false (rects_overlap (&a->rect, &b->rect));
      }
  }
}

static void
test_hit (void)
{
  g_autoptr(GListStore) risks = g_list_store_new (ROLLOUT_TYPE_RISK);
  g_autoptr(RolloutRisk) risk = make_risk ("r", 2, 4);
  g_autoptr(RolloutRiskLayout) layout = NULL;
  const RolloutRiskChip *chip;
  const RolloutRiskCell *cell;
  guint hit_cell = G_MAXUINT, hit_chip = G_MAXUINT;

  g_list_store_append (risks, risk);
  layout = rollout_risk_layout_new (G_LIST_MODEL (risks), NULL);
  chip = rollout_risk_layout_get_chip (layout, 0);
  cell = rollout_risk_layout_get_cell (layout, chip->cell);

  g_assert_cmpint (rollout_risk_layout_hit (layout, chip->rect.x + 2, chip->rect.y + 2, &hit_cell, &hit_chip),
                   ==, ROLLOUT_RISK_HIT_CHIP);
  g_assert_cmpuint (hit_cell, ==, rollout_risk_cell_index (2, 4));
  g_assert_cmpuint (hit_chip, ==, 0);
  g_assert_cmpint (rollout_risk_layout_hit (layout, cell->rect.x + 1, cell->rect.y + 1, &hit_cell, NULL),
                   ==, ROLLOUT_RISK_HIT_CELL);

  /* Every cell's centre hits that cell; the axes and the gaps hit none. */
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      const RolloutRiskCell *c = rollout_risk_layout_get_cell (layout, i);

      g_assert_cmpint (rollout_risk_layout_hit (layout, c->rect.x + c->rect.width - 0.5,
                                                c->rect.y + c->rect.height - 0.5, &hit_cell, NULL),
                       !=, ROLLOUT_RISK_HIT_NONE);
      g_assert_cmpuint (hit_cell, ==, i);
      g_assert_cmpint (rollout_risk_layout_hit (layout, c->rect.x, c->rect.y, &hit_cell, NULL),
                       !=, ROLLOUT_RISK_HIT_NONE);
      g_assert_cmpuint (hit_cell, ==, i);
    }
  g_assert_cmpint (rollout_risk_layout_hit (layout, 10, 10, NULL, NULL), ==, ROLLOUT_RISK_HIT_NONE);
  g_assert_cmpint (rollout_risk_layout_hit (layout, cell->rect.x + cell->rect.width + 1, cell->rect.y + 5, NULL, NULL),
                   ==, ROLLOUT_RISK_HIT_NONE);
  g_assert_cmpint (rollout_risk_layout_hit (layout, 300, 1e6, NULL, NULL), ==, ROLLOUT_RISK_HIT_NONE);
}

/* Sizes out of range do not crash or draw outside. */
static void
test_bad_sizes (void)
{
  g_autoptr(GListStore) risks = g_list_store_new (ROLLOUT_TYPE_RISK);
  g_autoptr(RolloutRisk) risk = make_risk ("r", 3, 3);
  RolloutRiskLayoutOptions options;

  g_list_store_append (risks, risk);
  rollout_risk_layout_options_init (&options);
  options.width = -5;
  options.height = NAN;
  options.chip_height = INFINITY;
  {
    g_autoptr(RolloutRiskLayout) layout = rollout_risk_layout_new (G_LIST_MODEL (risks), &options);
    const RolloutRiskCell *cell = rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (3, 3));

    g_assert_cmpfloat (rollout_risk_layout_get_grid (layout)->width, ==, 0);
    g_assert_cmpuint (cell->n_risks, ==, 1);
    g_assert_cmpuint (cell->n_chips, ==, 0);
    g_assert_cmpuint (cell->n_hidden, ==, 1);
    g_assert_cmpint (rollout_risk_layout_hit (layout, 0, 0, NULL, NULL), ==, ROLLOUT_RISK_HIT_NONE);
  }
}

/* Many risks: every one is in its cell exactly once, chips never leave
 * their cell, and the counts add up. */
static void
test_many (void)
{
  g_autoptr(GListStore) risks = g_list_store_new (ROLLOUT_TYPE_RISK);
  g_autoptr(RolloutRiskLayout) layout = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  guint total = 0, chips = 0;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autoptr(RolloutRisk) risk = make_risk (id, g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 1, 6));

      g_list_store_append (risks, risk);
    }
  g_rand_free (rand);

  layout = rollout_risk_layout_new (G_LIST_MODEL (risks), NULL);
  g_assert_cmpuint (rollout_risk_layout_get_n_risks (layout), ==, 500);
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      const RolloutRiskCell *cell = rollout_risk_layout_get_cell (layout, i);
      RolloutRisk * const *in_cell;
      guint n;

      in_cell = rollout_risk_layout_get_cell_risks (layout, i, &n);
      g_assert_cmpuint (n, ==, cell->n_risks);
      g_assert_cmpuint (cell->n_chips + cell->n_hidden, ==, n);
      for (guint k = 0; k < n; k++)
        g_assert_cmpuint (rollout_risk_cell_index (rollout_risk_get_likelihood (in_cell[k]),
                                                   rollout_risk_get_impact (in_cell[k])), ==, i);
      for (guint k = 0; k < cell->n_chips; k++)
        g_assert_true (rect_inside (&rollout_risk_layout_get_chip (layout, cell->first_chip + k)->rect, &cell->rect));
      if (cell->n_hidden > 0)
        g_assert_true (rect_inside (&cell->more, &cell->rect));
      total += n;
      chips += cell->n_chips;
    }
  g_assert_cmpuint (total, ==, 500);
  g_assert_cmpuint (chips, ==, rollout_risk_layout_get_n_chips (layout));
}

/* Trends ------------------------------------------------------------------ */

static void
test_trend (void)
{
  const RolloutAssessment *previous = NULL;
  g_autoptr(RolloutRisk) risk = make_risk ("r", 3, 4);

  /* Never assessed before. */
  g_assert_cmpint (rollout_risk_get_trend (risk, &previous), ==, ROLLOUT_RISK_TREND_STEADY);
  g_assert_null (previous);

  /* Assessed once, as it is now. */
  add_assessment (risk, "2026-02-10", 3, 4);
  g_assert_cmpint (rollout_risk_get_trend (risk, &previous), ==, ROLLOUT_RISK_TREND_STEADY);
  g_assert_null (previous);

  /* 2 × 4 = 8, then 3 × 4 = 12: rising. */
  {
    g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_assessment_free);

    rollout_risk_set_history (risk, history);
  }
  add_assessment (risk, "2026-02-10", 2, 4);
  add_assessment (risk, "2026-03-06", 3, 4);
  g_assert_cmpint (rollout_risk_get_trend (risk, &previous), ==, ROLLOUT_RISK_TREND_RISING);
  g_assert_nonnull (previous);
  g_assert_cmpint (previous->likelihood, ==, 2);
  g_assert_cmpuint (previous->date, ==, date ("2026-02-10"));

  /* 4 × 4, then 3 × 4: falling. */
  add_assessment (risk, "2026-03-20", 4, 4);
  add_assessment (risk, "2026-03-24", 3, 4);
  g_assert_cmpint (rollout_risk_get_trend (risk, NULL), ==, ROLLOUT_RISK_TREND_FALLING);

  /* Changed without recording it: compared with the last assessment. */
  rollout_risk_set_likelihood (risk, 5);
  g_assert_cmpint (rollout_risk_get_trend (risk, &previous), ==, ROLLOUT_RISK_TREND_RISING);
  g_assert_cmpuint (previous->date, ==, date ("2026-03-24"));

  /* The same score from other ratings is steady. */
  rollout_risk_set_likelihood (risk, 4);
  rollout_risk_set_impact (risk, 3);
  g_assert_cmpint (rollout_risk_get_trend (risk, NULL), ==, ROLLOUT_RISK_TREND_STEADY);
}

/* The demo plan's risks have the trends its history tells. */
static void
test_demo_trends (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "scooter-reservations.rollout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) project = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rollout_risk_get_trend (rollout_project_lookup_risk (project, "no-shows"), NULL),
                   ==, ROLLOUT_RISK_TREND_FALLING);
  g_assert_cmpint (rollout_risk_get_trend (rollout_project_lookup_risk (project, "refund-tool-blocked"), NULL),
                   ==, ROLLOUT_RISK_TREND_RISING);
  g_assert_cmpint (rollout_risk_get_trend (rollout_project_lookup_risk (project, "preauth-confusion"), NULL),
                   ==, ROLLOUT_RISK_TREND_RISING);
  g_assert_cmpint (rollout_risk_get_trend (rollout_project_lookup_risk (project, "low-battery"), NULL),
                   ==, ROLLOUT_RISK_TREND_STEADY);
}

/* Re-assessing -------------------------------------------------------------- */

static void
test_reassess (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("p");
  g_autoptr(RolloutHistory) undo = rollout_history_new (project);
  g_autoptr(RolloutRisk) risk = make_risk ("r", 3, 3);
  g_autoptr(GError) error = NULL;
  RolloutCommand *command;
  GPtrArray *history;
  RolloutAssessment *a;
  RolloutDate today = date ("2026-04-01");

  g_assert_true (rollout_project_insert_risk (project, risk, -1));
  add_assessment (risk, "2026-03-01", 3, 3);

  command = rollout_command_new_reassess_risk (risk, 4, 5, today);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Re-assess ‘Risk r’");
  g_assert_true (rollout_history_execute (undo, command, &error));
  g_assert_no_error (error);
  g_object_unref (command);

  g_assert_cmpint (rollout_risk_get_likelihood (risk), ==, 4);
  g_assert_cmpint (rollout_risk_get_impact (risk), ==, 5);
  history = rollout_risk_get_history (risk);
  g_assert_cmpuint (history->len, ==, 2);
  a = g_ptr_array_index (history, 1);
  g_assert_cmpuint (a->date, ==, today);
  g_assert_cmpint (a->likelihood, ==, 4);
  g_assert_cmpint (a->impact, ==, 5);
  g_assert_cmpint (rollout_risk_get_trend (risk, NULL), ==, ROLLOUT_RISK_TREND_RISING);

  /* One step back: the ratings and the history as they were. */
  g_assert_true (rollout_history_undo (undo));
  g_assert_cmpint (rollout_risk_get_likelihood (risk), ==, 3);
  g_assert_cmpint (rollout_risk_get_impact (risk), ==, 3);
  history = rollout_risk_get_history (risk);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpuint (((RolloutAssessment *) g_ptr_array_index (history, 0))->date, ==, date ("2026-03-01"));

  g_assert_true (rollout_history_redo (undo));
  g_assert_cmpuint (rollout_risk_get_history (risk)->len, ==, 2);
  g_assert_cmpint (rollout_risk_get_likelihood (risk), ==, 4);
}

/* A risk that was never assessed keeps where it came from. */
static void
test_reassess_first (void)
{
  g_autoptr(RolloutRisk) risk = make_risk ("r", 2, 2);
  g_autoptr(RolloutProject) project = rollout_project_new ("p");
  RolloutDate today = date ("2026-04-01");
  g_autoptr(RolloutCommand) command = NULL;
  GPtrArray *history;

  g_assert_true (rollout_project_insert_risk (project, risk, -1));
  command = rollout_command_new_reassess_risk (risk, 1, 2, today);
  rollout_command_apply (command, project);

  history = rollout_risk_get_history (risk);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((RolloutAssessment *) g_ptr_array_index (history, 0))->likelihood, ==, 2);
  g_assert_cmpuint (((RolloutAssessment *) g_ptr_array_index (history, 0))->date, ==, today);
  g_assert_cmpint (((RolloutAssessment *) g_ptr_array_index (history, 1))->likelihood, ==, 1);
  g_assert_cmpint (rollout_risk_get_trend (risk, NULL), ==, ROLLOUT_RISK_TREND_FALLING);

  rollout_command_revert (command, project);
  g_assert_cmpuint (rollout_risk_get_history (risk)->len, ==, 0);
  g_assert_cmpint (rollout_risk_get_likelihood (risk), ==, 2);
}

/* An assessment dated before later ones goes in date order. */
static void
test_reassess_order (void)
{
  g_autoptr(RolloutRisk) risk = make_risk ("r", 3, 3);
  g_autoptr(RolloutProject) project = rollout_project_new ("p");
  g_autoptr(RolloutCommand) command = NULL;
  GPtrArray *history;

  add_assessment (risk, "2026-01-01", 2, 3);
  add_assessment (risk, "2026-05-01", 3, 3);
  command = rollout_command_new_reassess_risk (risk, 5, 5, date ("2026-03-01"));
  rollout_command_apply (command, project);
  history = rollout_risk_get_history (risk);
  g_assert_cmpuint (history->len, ==, 3);
  for (guint i = 1; i < history->len; i++)
    g_assert_cmpuint (((RolloutAssessment *) g_ptr_array_index (history, i - 1))->date, <=,
                      ((RolloutAssessment *) g_ptr_array_index (history, i))->date);
  g_assert_cmpint (rollout_risk_get_likelihood (risk), ==, 5);
}

static void
test_reassess_bad_input (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(RolloutRisk) risk = make_risk ("r", 3, 3);

      g_assert_null (rollout_command_new_reassess_risk (risk, 6, 1, date ("2026-01-01")));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*likelihood >= 1 && likelihood <= 5*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/risk-layout/bands", test_bands);
  g_test_add_func ("/rollout/risk-layout/band-colors", test_band_colors);
  g_test_add_func ("/rollout/risk-layout/cell-index", test_cell_index);
  g_test_add_func ("/rollout/risk-layout/cells", test_cells);
  g_test_add_func ("/rollout/risk-layout/chips", test_chips);
  g_test_add_func ("/rollout/risk-layout/hit", test_hit);
  g_test_add_func ("/rollout/risk-layout/bad-sizes", test_bad_sizes);
  g_test_add_func ("/rollout/risk-layout/many", test_many);
  g_test_add_func ("/rollout/risk-layout/trend", test_trend);
  g_test_add_func ("/rollout/risk-layout/demo-trends", test_demo_trends);
  g_test_add_func ("/rollout/risk-layout/reassess", test_reassess);
  g_test_add_func ("/rollout/risk-layout/reassess-first", test_reassess_first);
  g_test_add_func ("/rollout/risk-layout/reassess-order", test_reassess_order);
  g_test_add_func ("/rollout/risk-layout/reassess-bad-input", test_reassess_bad_input);

  return g_test_run ();
}
