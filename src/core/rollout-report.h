/* rollout-report.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rollout-project.h"

G_BEGIN_DECLS

#define ROLLOUT_REPORT_ERROR (rollout_report_error_quark ())

/**
 * RolloutReportError:
 * @ROLLOUT_REPORT_ERROR_INVALID_OPTION: the options asked for something
 *   that does not exist (an unknown section, a range ending before it starts)
 * @ROLLOUT_REPORT_ERROR_TOO_LARGE: an image would be too large to make
 * @ROLLOUT_REPORT_ERROR_FAILED: drawing or writing failed
 *
 * Why a report could not be made or written.
 */
typedef enum {
  ROLLOUT_REPORT_ERROR_INVALID_OPTION,
  ROLLOUT_REPORT_ERROR_TOO_LARGE,
  ROLLOUT_REPORT_ERROR_FAILED,
} RolloutReportError;

/**
 * RolloutReportPaper:
 * @ROLLOUT_REPORT_PAPER_A4: ISO A4, 210 × 297 mm
 * @ROLLOUT_REPORT_PAPER_LETTER: US Letter, 8.5 × 11 in
 */
typedef enum {
  ROLLOUT_REPORT_PAPER_A4,
  ROLLOUT_REPORT_PAPER_LETTER,
} RolloutReportPaper;

/**
 * RolloutReportOrientation:
 * @ROLLOUT_REPORT_PORTRAIT: the long side upright
 * @ROLLOUT_REPORT_LANDSCAPE: the long side across
 */
typedef enum {
  ROLLOUT_REPORT_PORTRAIT,
  ROLLOUT_REPORT_LANDSCAPE,
} RolloutReportOrientation;

/**
 * RolloutReportFormat:
 * @ROLLOUT_REPORT_FORMAT_PDF: every section, page by page
 * @ROLLOUT_REPORT_FORMAT_SVG: the whole timeline as one vector image
 * @ROLLOUT_REPORT_FORMAT_PNG: the whole timeline as one bitmap
 */
typedef enum {
  ROLLOUT_REPORT_FORMAT_PDF,
  ROLLOUT_REPORT_FORMAT_SVG,
  ROLLOUT_REPORT_FORMAT_PNG,
} RolloutReportFormat;

/**
 * RolloutReportRect:
 * @x: left edge, in points from the page's left
 * @y: top edge, in points from the page's top
 * @width: width in points
 * @height: height in points
 */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} RolloutReportRect;

/**
 * RolloutReportOptions:
 * @sections: (nullable) (array zero-terminated=1): ids of the sections to
 *   print, in this order (see rollout_report_list_sections()); %NULL prints
 *   them all
 * @from: first day of the timeline, or %ROLLOUT_DATE_NONE for the plan's
 * @to: last day of the timeline (included), or %ROLLOUT_DATE_NONE
 * @fit_width: fit the timeline's range to the width of one page instead of
 *   continuing it on further pages
 * @printed: the date printed on every page, and against which lateness and
 *   the next milestones are judged; %ROLLOUT_DATE_NONE for today
 * @margin: the margin on every side, in points; 0 for the default (36, half
 *   an inch)
 *
 * What to print. Start from rollout_report_options_init().
 */
typedef struct {
  const char * const *sections;
  RolloutDate         from;
  RolloutDate         to;
  gboolean            fit_width;
  RolloutDate         printed;
  double              margin;
} RolloutReportOptions;

/**
 * RolloutReportTextBox:
 * @page: the page, from 0
 * @text: the text that was laid out (before any ellipsis)
 * @extents: where the text's logical extents ended up on the page
 * @box: the box the text was given to fit in
 *
 * One piece of text drawn on a page, as reported to a
 * #RolloutReportTextFunc.
 */
typedef struct {
  guint              page;
  const char        *text;
  RolloutReportRect  extents;
  RolloutReportRect  box;
} RolloutReportTextBox;

/**
 * RolloutReportTextFunc:
 * @box: the text just drawn; valid only during the call
 * @user_data: the data given to rollout_report_set_text_func()
 *
 * Called for every piece of text the report draws, so that tests can check
 * where text goes.
 */
typedef void (*RolloutReportTextFunc) (const RolloutReportTextBox *box,
                                       gpointer                    user_data);

/**
 * RolloutReportProgressFunc:
 * @fraction: how much of the export is done, from 0 to 1
 * @page: how many pages are drawn so far
 * @n_pages: how many pages the export has (1 for an image)
 * @user_data: the data given with the function
 *
 * Told how a long export is going, in the thread that writes it: once the
 * report is paginated (@page 0), then after each page. The last call, with
 * @page equal to @n_pages, comes before the file is put in place.
 *
 * Returns: %TRUE to go on, %FALSE to stop the export as if it were
 *   cancelled
 */
typedef gboolean (*RolloutReportProgressFunc) (double   fraction,
                                               guint    page,
                                               guint    n_pages,
                                               gpointer user_data);

#define ROLLOUT_TYPE_REPORT (rollout_report_get_type ())

G_DECLARE_FINAL_TYPE (RolloutReport, rollout_report, ROLLOUT, REPORT, GObject)

GQuark              rollout_report_error_quark        (void);

void                rollout_report_options_init       (RolloutReportOptions     *options);
const char * const *rollout_report_list_sections      (void);
void                rollout_report_paper_get_size     (RolloutReportPaper        paper,
                                                       RolloutReportOrientation  orientation,
                                                       double                   *out_width,
                                                       double                   *out_height);

RolloutReport      *rollout_report_new                (RolloutProject           *project,
                                                       const RolloutReportOptions *options,
                                                       GError                  **error);
RolloutProject     *rollout_report_get_project        (RolloutReport            *self);
RolloutDate         rollout_report_get_printed        (RolloutReport            *self);

guint               rollout_report_paginate           (RolloutReport            *self,
                                                       double                    page_width,
                                                       double                    page_height);
guint               rollout_report_get_n_pages        (RolloutReport            *self);
void                rollout_report_get_printable_area (RolloutReport            *self,
                                                       RolloutReportRect        *out_area);
const char         *rollout_report_get_page_section   (RolloutReport            *self,
                                                       guint                     page);
char               *rollout_report_get_page_title     (RolloutReport            *self,
                                                       guint                     page);
void                rollout_report_draw_page          (RolloutReport            *self,
                                                       cairo_t                  *cr,
                                                       guint                     page);

void                rollout_report_get_timeline_size  (RolloutReport            *self,
                                                       double                    fit_width,
                                                       double                   *out_width,
                                                       double                   *out_height);
void                rollout_report_draw_timeline      (RolloutReport            *self,
                                                       cairo_t                  *cr,
                                                       double                    fit_width);

gboolean            rollout_report_write              (RolloutReport            *self,
                                                       GFile                    *file,
                                                       RolloutReportFormat       format,
                                                       double                    page_width,
                                                       double                    page_height,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);
gboolean            rollout_report_write_full         (RolloutReport            *self,
                                                       GFile                    *file,
                                                       RolloutReportFormat       format,
                                                       double                    page_width,
                                                       double                    page_height,
                                                       RolloutReportProgressFunc progress_func,
                                                       gpointer                  progress_data,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

void                rollout_report_set_text_func      (RolloutReport            *self,
                                                       RolloutReportTextFunc     func,
                                                       gpointer                  user_data,
                                                       GDestroyNotify            destroy);

G_END_DECLS
