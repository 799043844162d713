/* rollout-report-private.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "rollout-gates.h"
#include "rollout-report.h"
#include "rollout-risk-layout.h"

G_BEGIN_DECLS

/* Type sizes, in points. */
#define REPORT_SIZE_BODY     8.5
#define REPORT_SIZE_SMALL    7.0
#define REPORT_SIZE_HEADING  12.0
#define REPORT_SIZE_TITLE    20.0

/* Room inside table cells. */
#define REPORT_CELL_PAD_X    3.0
#define REPORT_CELL_PAD_Y    2.5

typedef enum {
  REPORT_FONT_BODY,
  REPORT_FONT_BODY_BOLD,
  REPORT_FONT_SMALL,
  REPORT_FONT_SMALL_BOLD,
  REPORT_FONT_SMALL_ITALIC,
  REPORT_FONT_HEADING,
  REPORT_FONT_TITLE,
  REPORT_N_FONTS
} ReportFont;

typedef enum {
  REPORT_TEXT_START  = 0,
  REPORT_TEXT_CENTER = 1 << 0,
  REPORT_TEXT_END    = 1 << 1,
  REPORT_TEXT_MIDDLE = 1 << 2, /* vertically centred in its box */
} ReportTextFlags;

/* Small shapes drawn beside a status, so that it never depends on colour. */
typedef enum {
  REPORT_SHAPE_EMPTY,   /* planned, to do, open */
  REPORT_SHAPE_HALF,    /* active, in progress, mitigating */
  REPORT_SHAPE_FULL,    /* completed, done, closed */
  REPORT_SHAPE_BLOCKED, /* blocked, occurred */
  REPORT_SHAPE_PAUSED,
  REPORT_SHAPE_CROSS,   /* rolled back, NO-GO, a failed criterion */
  REPORT_SHAPE_CHECK,   /* GO, a criterion met */
  REPORT_SHAPE_CLOCK,   /* PENDING, a sign-off not given yet */
} ReportShape;

typedef struct {
  double r, g, b;
} ReportColor;

/* Greys for structure and text; they print the same on any printer. */
extern const ReportColor report_color_text;
extern const ReportColor report_color_secondary;
extern const ReportColor report_color_rule;
extern const ReportColor report_color_light_rule;
extern const ReportColor report_color_header_fill;
extern const ReportColor report_color_stripe;
extern const ReportColor report_color_accent;
extern const ReportColor report_color_critical;

/* Where a section draws on a page. */
typedef struct {
  double            page_width;
  double            page_height;
  RolloutReportRect printable; /* inside the margins */
  RolloutReportRect content;   /* below the header, above the footer */
} ReportFrame;

/* A page being drawn. Every drawing helper takes one. */
typedef struct {
  RolloutReport  *report;
  cairo_t        *cr;
  guint           page;
  cairo_matrix_t  to_page; /* device space → the page's own coordinates */
} ReportCanvas;

/* A section of the report: the summary, the timeline, …
 *
 * paginate() measures the section for a frame and returns its plan (what a
 * page shows, and nothing drawn) and how many pages it takes, at least one.
 * draw_page() draws one page from the plan onto a canvas: pages can be drawn
 * in any order, any number of times. title() names a page in the header
 * ("Timeline 2/6"). Adding a section is writing these and listing it in
 * rollout-report.c. */
typedef struct {
  const char *id;
  const char *title;
  gpointer  (*paginate)  (RolloutReport     *report,
                          const ReportFrame *frame,
                          guint             *out_n_pages);
  void      (*draw_page) (gpointer           plan,
                          ReportCanvas      *canvas,
                          const ReportFrame *frame,
                          guint              page);
  char     *(*title_for) (gpointer           plan,
                          guint              page,
                          guint              n_pages);
  void      (*free_plan) (gpointer           plan);
} ReportSectionClass;

extern const ReportSectionClass report_summary_section;
extern const ReportSectionClass report_timeline_section;
extern const ReportSectionClass report_board_section;
extern const ReportSectionClass report_risks_section;
extern const ReportSectionClass report_monitor_section;

/* The report --------------------------------------------------------------- */

const RolloutReportOptions *report_get_options        (RolloutReport     *report);
const char                 *report_get_section_title  (RolloutReport     *report,
                                                       guint              page);
double                      report_get_line_height    (RolloutReport     *report,
                                                       ReportFont         font);

/* Text: single lines are ellipsized; with @max_lines > 1 text wraps and is
 * ellipsized on its last line. Newlines count only when wrapping. */
double   report_text_width      (RolloutReport      *report,
                                 ReportFont          font,
                                 const char         *text);
double   report_text_height     (RolloutReport      *report,
                                 ReportFont          font,
                                 const char         *text,
                                 double              width,
                                 int                 max_lines);
double   report_draw_text       (ReportCanvas       *canvas,
                                 ReportFont          font,
                                 const ReportColor  *color,
                                 const char         *text,
                                 double              x,
                                 double              y,
                                 double              width,
                                 double              height,
                                 int                 max_lines,
                                 guint               flags);

void     report_set_color       (cairo_t            *cr,
                                 const ReportColor  *color);
void     report_fill_rect       (cairo_t            *cr,
                                 const ReportColor  *color,
                                 double              x,
                                 double              y,
                                 double              width,
                                 double              height);
void     report_hline           (cairo_t            *cr,
                                 const ReportColor  *color,
                                 double              x0,
                                 double              x1,
                                 double              y,
                                 double              line_width);
void     report_draw_shape      (cairo_t            *cr,
                                 ReportShape         shape,
                                 double              cx,
                                 double              cy,
                                 double              radius);
gboolean report_parse_color     (const char         *text,
                                 ReportColor        *out_color);
ReportColor report_mix          (const ReportColor  *a,
                                 const ReportColor  *b,
                                 double              t);

/* Words and dates. */
char        *report_format_date      (RolloutDate        date,
                                      gboolean           with_year);
char        *report_format_range     (RolloutDate        start,
                                      RolloutDate        finish);
const char  *report_task_status_label  (RolloutTaskStatus  status);
ReportShape  report_task_status_shape  (RolloutTaskStatus  status);
const char  *report_phase_status_label (RolloutPhaseStatus status);
ReportShape  report_phase_status_shape (RolloutPhaseStatus status);
const char  *report_risk_status_label  (RolloutRiskStatus  status);
ReportShape  report_risk_status_shape  (RolloutRiskStatus  status);
char        *report_format_audience    (RolloutPhase      *phase);

/* Gate verdicts: a word, a shape and a tint (none for "No gate"). */
ReportShape        report_verdict_shape        (RolloutVerdict          verdict);
const ReportColor *report_verdict_color        (RolloutVerdict          verdict);
const char        *report_criterion_label      (RolloutCriterionResult  result);
ReportShape        report_criterion_shape      (RolloutCriterionResult  result);

/* Risk bands, as rollout-risk-layout.h defines them, in the light tints. */
const ReportColor *report_band_color     (RolloutRiskBand  band);

/* Flows ------------------------------------------------------------------- */

/* A flow is a column of items of known height (headings, paragraphs, table
 * rows) cut into pages. Items of a table share a group; a page that starts
 * inside a table repeats the table's header. Only item sizes and the index
 * of each page's first item are kept. */

typedef enum {
  REPORT_FLOW_KEEP_WITH_NEXT = 1 << 0,
  REPORT_FLOW_TABLE_HEADER   = 1 << 1,
} ReportFlowFlags;

typedef struct {
  guint  kind;
  guint  index;
  guint  group;  /* 0: not in a table */
  guint  flags;
  double height;
} ReportFlowItem;

typedef struct _ReportFlow ReportFlow;

typedef void (*ReportFlowDrawFunc) (gpointer              plan,
                                    ReportCanvas         *canvas,
                                    const ReportFlowItem *item,
                                    double                x,
                                    double                y,
                                    double                width,
                                    gboolean              repeated);

ReportFlow *report_flow_new          (void);
void        report_flow_free         (ReportFlow         *flow);
void        report_flow_add          (ReportFlow         *flow,
                                      guint               kind,
                                      guint               index,
                                      guint               group,
                                      guint               flags,
                                      double              height);
guint       report_flow_paginate     (ReportFlow         *flow,
                                      double              page_height);
guint       report_flow_get_n_items  (ReportFlow         *flow);
void        report_flow_draw_page    (ReportFlow         *flow,
                                      guint               page,
                                      gpointer            plan,
                                      ReportCanvas       *canvas,
                                      const ReportFrame  *frame,
                                      ReportFlowDrawFunc  draw_func);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportFlow, report_flow_free)

/* Tables ------------------------------------------------------------------ */

typedef struct {
  const char *title;   /* translatable, marked with N_() */
  double      weight;  /* share of the width left after fixed columns */
  double      fixed;   /* width in points, or 0 */
  guint       flags;   /* ReportTextFlags for the header and cells */
} ReportColumn;

double report_table_header_height (RolloutReport      *report);
void   report_table_layout        (const ReportColumn *columns,
                                   guint               n_columns,
                                   double              x,
                                   double              width,
                                   double             *out_x);
void   report_table_draw_header   (ReportCanvas       *canvas,
                                   const ReportColumn *columns,
                                   guint               n_columns,
                                   const double       *column_x,
                                   double              y);
void   report_table_draw_rule     (ReportCanvas       *canvas,
                                   const double       *column_x,
                                   guint               n_columns,
                                   double              y);
double report_cell_height         (RolloutReport      *report,
                                   ReportFont          font,
                                   const char         *text,
                                   const double       *column_x,
                                   guint               column,
                                   int                 max_lines);
void   report_draw_cell           (ReportCanvas       *canvas,
                                   ReportFont          font,
                                   const ReportColor  *color,
                                   const char         *text,
                                   const double       *column_x,
                                   guint               column,
                                   double              y,
                                   double              height,
                                   int                 max_lines,
                                   guint               flags);
void   report_draw_status_cell    (ReportCanvas       *canvas,
                                   ReportShape         shape,
                                   const char         *label,
                                   const double       *column_x,
                                   guint               column,
                                   double              y,
                                   double              height);
double report_verdict_width       (RolloutReport      *report,
                                   RolloutVerdict      verdict);
void   report_draw_verdict        (ReportCanvas       *canvas,
                                   RolloutVerdict      verdict,
                                   double              x,
                                   double              y,
                                   double              width,
                                   double              height);
double report_heading_height      (RolloutReport      *report);
void   report_draw_heading        (ReportCanvas       *canvas,
                                   const char         *text,
                                   double              x,
                                   double              y,
                                   double              width,
                                   gboolean            repeated);

/* The timeline, for sections and images alike. */
typedef struct _ReportTimeline ReportTimeline;

ReportTimeline *report_timeline_new        (RolloutReport     *report,
                                            double             name_width,
                                            double             chart_width,
                                            gboolean           fit_width);
void            report_timeline_free       (ReportTimeline    *timeline);
double          report_timeline_get_width  (ReportTimeline    *timeline);
guint           report_timeline_get_n_rows (ReportTimeline    *timeline);
double          report_timeline_view_height (ReportTimeline   *timeline,
                                            guint              n_rows);
void            report_timeline_draw_view  (ReportTimeline    *timeline,
                                            ReportCanvas      *canvas,
                                            double             x,
                                            double             y,
                                            double             width,
                                            guint              first_row,
                                            guint              end_row,
                                            double             x0,
                                            double             x1,
                                            double             legend_y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportTimeline, report_timeline_free)

G_END_DECLS
