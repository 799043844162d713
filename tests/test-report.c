/* test-report.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "rollout-file.h"
#include "rollout-generator.h"
#include "rollout-report.h"
#include "rollout-scheduler.h"

#define PRINTED "2026-03-27"
/* Rounding in cairo's matrices, in points. */
#define TOLERANCE 0.01

typedef struct {
  const char               *name;
  RolloutReportPaper        paper;
  RolloutReportOrientation  orientation;
  double                    width;
  double                    height;
} PaperCase;

static const PaperCase paper_cases[] = {
  { "a4-portrait", ROLLOUT_REPORT_PAPER_A4, ROLLOUT_REPORT_PORTRAIT, 595.2756, 841.8898 },
  { "a4-landscape", ROLLOUT_REPORT_PAPER_A4, ROLLOUT_REPORT_LANDSCAPE, 841.8898, 595.2756 },
  { "letter-portrait", ROLLOUT_REPORT_PAPER_LETTER, ROLLOUT_REPORT_PORTRAIT, 612, 792 },
  { "letter-landscape", ROLLOUT_REPORT_PAPER_LETTER, ROLLOUT_REPORT_LANDSCAPE, 792, 612 },
};

/* Helpers ----------------------------------------------------------------- */

static RolloutDate
date (const char *text)
{
  RolloutDate d = ROLLOUT_DATE_NONE;

  if (!rollout_date_parse (text, &d))
    g_error ("bad date in test: %s", text);
  return d;
}

static char *
demo_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "scooter-reservations.rollout", NULL);
}

static RolloutProject *
load_demo (void)
{
  g_autofree char *path = demo_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RolloutProject *project;

  project = rollout_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  g_assert_no_error (error);
  return project;
}

static RolloutProject *
generate (guint n_tasks)
{
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_generate_project (n_tasks, 1);

  g_assert_true (rollout_project_schedule (project, NULL, &error));
  g_assert_no_error (error);
  return project;
}

static void
init_options (RolloutReportOptions *options)
{
  rollout_report_options_init (options);
  options->printed = date (PRINTED);
}

static RolloutReport *
new_report (RolloutProject             *project,
            const RolloutReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  RolloutReport *report = rollout_report_new (project, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A recording of every piece of text drawn. */
typedef struct {
  guint              page;
  char              *text;
  RolloutReportRect  extents;
  RolloutReportRect  box;
} TextRecord;

static void
text_record_clear (gpointer data)
{
  TextRecord *record = data;

  g_free (record->text);
}

static void
record_text_cb (const RolloutReportTextBox *box,
                gpointer                    user_data)
{
  GArray *records = user_data;
  TextRecord record = { box->page, g_strdup (box->text), box->extents, box->box };

  g_array_append_val (records, record);
}

static GArray *
record (RolloutReport *report)
{
  GArray *records = g_array_new (FALSE, FALSE, sizeof (TextRecord));

  g_array_set_clear_func (records, text_record_clear);
  rollout_report_set_text_func (report, record_text_cb, g_array_ref (records), (GDestroyNotify) g_array_unref);
  return records;
}

/* Draws @page onto a recording surface: no file, no display. */
static void
draw_page (RolloutReport *report,
           guint          page)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  rollout_report_draw_page (report, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
render (RolloutReport *report,
        double         width,
        double         height)
{
  guint n = rollout_report_paginate (report, width, height);

  for (guint page = 0; page < n; page++)
    draw_page (report, page);
  return n;
}

static gboolean
rect_inside (const RolloutReportRect *inner,
             const RolloutReportRect *outer)
{
  return inner->x >= outer->x - TOLERANCE &&
         inner->y >= outer->y - TOLERANCE &&
         inner->x + inner->width <= outer->x + outer->width + TOLERANCE &&
         inner->y + inner->height <= outer->y + outer->height + TOLERANCE;
}

/* Every text lies inside its box, and every box inside the printable area. */
static void
assert_texts_inside (RolloutReport *report,
                     GArray        *records)
{
  RolloutReportRect area;

  rollout_report_get_printable_area (report, &area);
  g_assert_cmpuint (records->len, >, 0);
  for (guint i = 0; i < records->len; i++)
    {
      const TextRecord *r = &g_array_index (records, TextRecord, i);

      if (!rect_inside (&r->extents, &r->box) || !rect_inside (&r->box, &area))
        g_error ("page %u: “%s” at (%.2f, %.2f, %.2f × %.2f) leaves its box (%.2f, %.2f, %.2f × %.2f) "
                 "or the printable area (%.2f, %.2f, %.2f × %.2f)",
                 r->page + 1, r->text, r->extents.x, r->extents.y, r->extents.width, r->extents.height,
                 r->box.x, r->box.y, r->box.width, r->box.height, area.x, area.y, area.width, area.height);
      g_assert_cmpfloat (r->extents.width, >, 0);
    }
}

static gboolean
page_has_text (GArray     *records,
               guint       page,
               const char *text)
{
  for (guint i = 0; i < records->len; i++)
    {
      const TextRecord *r = &g_array_index (records, TextRecord, i);

      if (r->page == page && strcmp (r->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
any_page_has_text (GArray     *records,
                   const char *text)
{
  for (guint i = 0; i < records->len; i++)
    if (strcmp (g_array_index (records, TextRecord, i).text, text) == 0)
      return TRUE;
  return FALSE;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rollout-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
write_pdf (RolloutReport *report,
           const char    *path,
           double         width,
           double         height)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (rollout_report_write (report, file, ROLLOUT_REPORT_FORMAT_PDF, width, height, NULL, &error));
  g_assert_no_error (error);
}

/* Whitespace collapsed to single spaces, so that wrapped text reads as one
 * line. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Paper ------------------------------------------------------------------- */

static void
test_paper_sizes (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autofree char *dir = temp_dir ();
  guint portrait_pages = 0, landscape_pages = 0;

  for (guint i = 0; i < G_N_ELEMENTS (paper_cases); i++)
    {
      const PaperCase *c = &paper_cases[i];
      g_autoptr(RolloutReport) report = NULL;
      g_autoptr(GArray) records = NULL;
      g_autofree char *path = g_strdup_printf ("%s/%s.pdf", dir, c->name);
      g_autofree char *contents = NULL;
      gsize length = 0;
      RolloutReportOptions options;
      double width, height, box[4] = { 0 };
      g_autofree char *media = NULL;
      const char *found;
      guint n;

      rollout_report_paper_get_size (c->paper, c->orientation, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, c->width, 0.001);
      g_assert_cmpfloat_with_epsilon (height, c->height, 0.001);

      init_options (&options);
      report = new_report (project, &options);
      records = record (report);
      n = render (report, width, height);
      g_assert_cmpuint (n, >=, 4);
      assert_texts_inside (report, records);
      for (guint page = 0; page < n; page++)
        {
          g_autofree char *footer = g_strdup_printf ("Page %u of %u", page + 1, n);

          g_assert_true (page_has_text (records, page, footer));
          g_assert_true (page_has_text (records, page, "Reserve a scooter in advance"));
          g_assert_true (page_has_text (records, page, "Printed 27 Mar 2026"));
        }
      if (c->orientation == ROLLOUT_REPORT_PORTRAIT)
        portrait_pages += n;
      else
        landscape_pages += n;

      /* The PDF's pages have the paper's size. */
      write_pdf (report, path, width, height);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      found = memmem (contents, length, "/MediaBox [", strlen ("/MediaBox ["));
      g_assert_nonnull (found);
      media = g_strndup (found, 64);
      g_assert_cmpint (sscanf (media, "/MediaBox [ %lf %lf %lf %lf ]", &box[0], &box[1], &box[2], &box[3]), ==, 4);
      g_assert_cmpfloat_with_epsilon (box[2], c->width, 0.01);
      g_assert_cmpfloat_with_epsilon (box[3], c->height, 0.01);
    }
  /* Every paper has its own pagination. */
  g_assert_cmpuint (landscape_pages, !=, portrait_pages);
  remove_dir (dir);
}

/* The demo plan ----------------------------------------------------------- */

static void
test_demo_pages (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  RolloutReportOptions options;
  double width, height;
  /* On A4 in portrait: the summary fits one page; the timeline's 48 rows fit
   * one band, and its 34 weeks at 4 points a day need three columns; the
   * board's four teams take two pages; the risks one; the monitoring of four
   * phases (three with gates, 11 metric charts) three. */
  static const struct {
    const char *section;
    const char *title;
  } expected[] = {
    { "summary", "Summary" },
    { "timeline", "Timeline 1/3" },
    { "timeline", "Timeline 2/3" },
    { "timeline", "Timeline 3/3" },
    { "board", "Board 1/2" },
    { "board", "Board 2/2" },
    { "risks", "Risks" },
    { "monitor", "Monitoring 1/3" },
    { "monitor", "Monitoring 2/3" },
    { "monitor", "Monitoring 3/3" },
  };

  init_options (&options);
  report = new_report (project, &options);
  rollout_report_paper_get_size (ROLLOUT_REPORT_PAPER_A4, ROLLOUT_REPORT_PORTRAIT, &width, &height);
  g_assert_cmpuint (rollout_report_paginate (report, width, height), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (rollout_report_get_n_pages (report), ==, G_N_ELEMENTS (expected));
  for (guint page = 0; page < G_N_ELEMENTS (expected); page++)
    {
      g_autofree char *title = rollout_report_get_page_title (report, page);

      g_assert_cmpstr (rollout_report_get_page_section (report, page), ==, expected[page].section);
      g_assert_cmpstr (title, ==, expected[page].title);
    }

  /* Landscape pages are wider (two columns of the timeline, three charts
   * a row) but shorter (two bands of its rows, the board on three pages,
   * the risk register continued on a second page, a page or two a phase
   * for monitoring). */
  rollout_report_paper_get_size (ROLLOUT_REPORT_PAPER_A4, ROLLOUT_REPORT_LANDSCAPE, &width, &height);
  g_assert_cmpuint (rollout_report_paginate (report, width, height), ==, 15);
  {
    g_autofree char *first = rollout_report_get_page_title (report, 1);
    g_autofree char *last = rollout_report_get_page_title (report, 4);
    g_autofree char *board = rollout_report_get_page_title (report, 7);
    g_autofree char *risks = rollout_report_get_page_title (report, 9);
    g_autofree char *monitor = rollout_report_get_page_title (report, 14);

    g_assert_cmpstr (first, ==, "Timeline 1/4");
    g_assert_cmpstr (last, ==, "Timeline 4/4");
    g_assert_cmpstr (board, ==, "Board 3/3");
    g_assert_cmpstr (risks, ==, "Risks 2/2");
    g_assert_cmpstr (monitor, ==, "Monitoring 5/5");
  }
}

static void
test_sections_order (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  const char *sections[] = { "risks", "summary", NULL };
  const char * const *known = rollout_report_list_sections ();
  RolloutReportOptions options;

  g_assert_cmpstr (known[0], ==, "summary");
  g_assert_cmpstr (known[1], ==, "timeline");
  g_assert_cmpstr (known[2], ==, "board");
  g_assert_cmpstr (known[3], ==, "risks");
  g_assert_cmpstr (known[4], ==, "monitor");
  g_assert_null (known[5]);

  init_options (&options);
  options.sections = sections;
  report = new_report (project, &options);
  g_assert_cmpuint (rollout_report_paginate (report, 612, 792), ==, 2);
  g_assert_cmpstr (rollout_report_get_page_section (report, 0), ==, "risks");
  g_assert_cmpstr (rollout_report_get_page_section (report, 1), ==, "summary");
}

static void
test_demo_content (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(GArray) records = NULL;
  RolloutReportOptions options;
  guint n;

  init_options (&options);
  report = new_report (project, &options);
  records = record (report);
  n = render (report, 595.2756, 841.8898);
  g_assert_cmpuint (n, ==, 10);

  /* The summary: facts, phases with audience, status and gate verdict, the
   * next milestones from the printed date, and the top risks with their
   * bands. */
  g_assert_true (page_has_text (records, 0, "Maya Chen"));
  g_assert_true (page_has_text (records, 0, "2 Feb – 15 Sep 2026"));
  g_assert_true (page_has_text (records, 0, "27 Mar 2026"));
  g_assert_true (page_has_text (records, 0, "Pilot: Austin, 5%"));
  g_assert_true (page_has_text (records, 0, "5% — Austin"));
  g_assert_true (page_has_text (records, 0, "Active"));
  g_assert_true (page_has_text (records, 0, "Completed"));
  g_assert_true (page_has_text (records, 0, "13/13"));
  g_assert_true (page_has_text (records, 0, "Gate"));
  g_assert_true (page_has_text (records, 0, "GO"));
  g_assert_true (page_has_text (records, 0, "PENDING"));
  g_assert_true (page_has_text (records, 0, "No gate"));
  g_assert_true (page_has_text (records, 0, "Go/no-go: expansion"));
  g_assert_true (page_has_text (records, 0, "22 Apr 2026"));
  /* Done milestones before the printed date are not "next". */
  g_assert_false (page_has_text (records, 0, "Pilot launch (Austin, 5%)"));
  g_assert_true (page_has_text (records, 0, "12 High"));
  g_assert_true (page_has_text (records, 0, "Riders reserve and do not show up"));
  /* Closed risks are not top risks. */
  g_assert_false (page_has_text (records, 0, "Older scooters ignore the reservation lock"));

  /* The timeline: names on every page, and the scale. */
  for (guint page = 1; page <= 3; page++)
    {
      g_assert_true (page_has_text (records, page, "Internal dogfood"));
      g_assert_true (page_has_text (records, page, "Remove the reservation flag and dead code paths"));
      g_assert_true (page_has_text (records, page, "Rows 1–48 of 48"));
    }
  g_assert_true (page_has_text (records, 1, "February 2026"));
  g_assert_true (page_has_text (records, 1, "Feb 9"));
  g_assert_true (page_has_text (records, 3, "August 2026"));
  /* The blocked refund tool is late by the printed date, and says so. */
  g_assert_true (page_has_text (records, 1, "blocked, late"));

  /* The board: per team, with status, owner, finish and checklist. */
  g_assert_true (page_has_text (records, 4, "Engineering"));
  g_assert_true (page_has_text (records, 4, "Lead: Priya Nair · 16 tasks, 10 done"));
  g_assert_true (page_has_text (records, 4, "Agent tool to refund the $1 reservation fee"));
  g_assert_true (page_has_text (records, 4, "Blocked"));
  g_assert_true (page_has_text (records, 4, "late"));
  g_assert_true (page_has_text (records, 4, "1/4"));
  g_assert_true (any_page_has_text (records, "No team"));

  /* The risks: the map names bands in words, and the register numbers. */
  g_assert_true (page_has_text (records, 6, "Heat map"));
  g_assert_true (page_has_text (records, 6, "Critical 25"));
  g_assert_true (page_has_text (records, 6, "Low 1"));
  /* R3, the pending pre-authorization: likelihood 5, impact 2. */
  g_assert_true (page_has_text (records, 6, "High 10 · 1"));
  g_assert_true (page_has_text (records, 6, "R3"));
  g_assert_true (page_has_text (records, 6, "Medium 8"));
  g_assert_true (page_has_text (records, 6, "Critical  20–25"));
  g_assert_true (page_has_text (records, 6, "Risk register"));
  g_assert_true (page_has_text (records, 6, "R9"));
  g_assert_true (page_has_text (records, 6, "Closed"));

  /* Monitoring: each phase with its verdict and why, a chart per gate
   * metric, and its feedback; then all the feedback. */
  g_assert_true (page_has_text (records, 7, "Internal dogfood"));
  g_assert_true (page_has_text (records, 7, "GO: all 6 criteria are met"));
  g_assert_true (page_has_text (records, 7, "Engineering signed off (Priya Nair, 2026-03-10)"));
  g_assert_true (page_has_text (records, 7, "Gate ≤ 15% · latest sample"));
  g_assert_true (page_has_text (records, 7, "11.5%"));
  g_assert_true (page_has_text (records, 7, "Met"));
  g_assert_true (page_has_text (records, 7, "6 pieces of feedback: 2 positive, 1 neutral, 3 negative"));
  g_assert_true (page_has_text (records, 7, "Top tags: hold-timer (2) · bug (1) · commute (1) · gps (1) · lock (1) · map (1)"));
  g_assert_true (page_has_text (records, 7, "Pilot: Austin, 5%"));
  g_assert_true (page_has_text (records, 7, "PENDING: 1 criterion is waiting for data or a sign-off"));
  g_assert_true (page_has_text (records, 7, "No-show rate 9.9% is at or below the threshold 10% (mean of the last 7 days)"));
  /* The pilot's table goes on over the page, and says whose it is. */
  g_assert_true (page_has_text (records, 8, "Pilot: Austin, 5% — Gate criteria (continued)"));
  g_assert_true (page_has_text (records, 8, "City Operations signed off (Rafael Gomez, 2026-03-26)"));
  g_assert_true (page_has_text (records, 8, "Gate ≥ 180 · mean of the last 7 days"));
  g_assert_true (page_has_text (records, 8, "9.9%"));
  g_assert_true (page_has_text (records, 8, "No data"));
  g_assert_true (page_has_text (records, 8, "PENDING: 8 criteria are waiting for data or a sign-off"));
  /* The expansion's charts start a page: the phase is named above them. */
  g_assert_true (page_has_text (records, 9, "Expansion: Denver, Portland, Atlanta (25%) — Metrics"));
  g_assert_true (page_has_text (records, 9, "No samples in this phase yet"));
  g_assert_true (page_has_text (records, 9, "No gate: this phase has no go/no-go criteria"));
  g_assert_true (page_has_text (records, 9, "No feedback is recorded for this phase."));
  g_assert_true (page_has_text (records, 9, "All phases"));
  g_assert_true (page_has_text (records, 9, "15 pieces of feedback: 5 positive, 3 neutral, 7 negative"));
  /* Chart axes: days and values. */
  g_assert_true (page_has_text (records, 7, "Mar 2"));
  g_assert_true (page_has_text (records, 8, "250"));

  assert_texts_inside (report, records);
}

/* Pages can be drawn in any order, any number of times, as a print dialog
 * does; each draws the same. */
static void
test_draw_any_order (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(GArray) records = NULL;
  RolloutReportOptions options;
  guint n, first_len;
  g_autoptr(GPtrArray) first_pass = g_ptr_array_new_with_free_func (g_free);

  init_options (&options);
  report = new_report (project, &options);
  records = record (report);
  n = rollout_report_paginate (report, 612, 792);
  draw_page (report, n - 1);
  draw_page (report, 2);
  first_len = records->len;
  for (guint i = 0; i < first_len; i++)
    g_ptr_array_add (first_pass, g_strdup (g_array_index (records, TextRecord, i).text));

  g_array_set_size (records, 0);
  draw_page (report, n - 1);
  draw_page (report, 0);
  draw_page (report, 2);
  /* Page n - 1 drew the same texts again; page 2 too, after page 0. */
  {
    guint i = 0, k;

    for (k = 0; k < records->len && g_array_index (records, TextRecord, k).page == n - 1; k++, i++)
      g_assert_cmpstr (g_array_index (records, TextRecord, k).text, ==, g_ptr_array_index (first_pass, i));
    while (k < records->len && g_array_index (records, TextRecord, k).page == 0)
      k++;
    for (; k < records->len; k++, i++)
      g_assert_cmpstr (g_array_index (records, TextRecord, k).text, ==, g_ptr_array_index (first_pass, i));
    g_assert_cmpuint (i, ==, first_len);
  }
}

/* The text in the PDF ----------------------------------------------------- */

static char *
pdf_text (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { NULL, "-raw", "-enc", "UTF-8", pdf, "-", NULL };

  if (program == NULL)
    return NULL;
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return collapse_spaces (out);
}

static void
assert_names_in (const char *text,
                 GListModel *model,
                 const char *(*get_name) (gpointer))
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      g_autofree char *name = collapse_spaces (get_name (object));

      if (strstr (text, name) == NULL)
        g_error ("“%s” is not in the PDF's text", name);
    }
}

static void
test_pdf_text (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.pdf", NULL);
  g_autofree char *text = NULL;
  RolloutReportOptions options;

  init_options (&options);
  report = new_report (project, &options);
  write_pdf (report, path, 595.2756, 841.8898);

  text = pdf_text (path);
  if (text == NULL)
    {
      remove_dir (dir);
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* The text is real text, so every name can be found in the PDF. */
  assert_names_in (text, rollout_project_get_phases (project), (const char *(*) (gpointer)) rollout_phase_get_name);
  assert_names_in (text, rollout_project_get_tasks (project), (const char *(*) (gpointer)) rollout_task_get_name);
  assert_names_in (text, rollout_project_get_risks (project), (const char *(*) (gpointer)) rollout_risk_get_title);
  g_assert_nonnull (strstr (text, "Page 1 of 10"));
  g_assert_nonnull (strstr (text, "Page 10 of 10"));
  g_assert_nonnull (strstr (text, "Timeline 2/3"));
  g_assert_nonnull (strstr (text, "Printed 27 Mar 2026"));
  remove_dir (dir);
}

/* The monitoring section alone, as a PDF: every phase's name and verdict,
 * and the reasons, are text a reader can search. */
static void
test_monitor_pdf_text (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "monitor.pdf", NULL);
  g_autofree char *text = NULL;
  const char *sections[] = { "monitor", NULL };
  RolloutReportOptions options;
  static const char * const expected[] = {
    "Monitoring 1/3", "Monitoring 3/3",
    "Internal dogfood", "GO: all 6 criteria are met",
    "Pilot: Austin, 5%", "PENDING: 1 criterion is waiting for data or a sign-off",
    "Expansion: Denver, Portland, Atlanta (25%)", "PENDING: 8 criteria are waiting for data or a sign-off",
    "General availability", "No gate: this phase has no go/no-go criteria",
    "No-show rate 9.9% is at or below the threshold 10% (mean of the last 7 days)",
    "Waiting for sign-off from Product Marketing",
    "Gate ≥ 4.2/5 · mean of the last 14 days",
    "Reservation satisfaction", "Support tickets per 1,000 rides",
    "9 pieces of feedback: 3 positive, 2 neutral, 4 negative",
    "Top tags: hold-timer (3)",
  };

  init_options (&options);
  options.sections = sections;
  report = new_report (project, &options);
  write_pdf (report, path, 595.2756, 841.8898);
  g_assert_cmpuint (rollout_report_get_n_pages (report), ==, 3);

  text = pdf_text (path);
  if (text == NULL)
    {
      remove_dir (dir);
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not in the monitoring pages' text", expected[i]);
  remove_dir (dir);
}

/* Progress ----------------------------------------------------------------- */

typedef struct {
  GArray *pages;      /* guint: the page of each call */
  GArray *fractions;  /* double */
  guint   n_pages;
  guint   stop_at;    /* G_MAXUINT: never */
  guint   calls;
} Progress;

static gboolean
progress_cb (double   fraction,
             guint    page,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->pages, page);
  g_array_append_val (progress->fractions, fraction);
  progress->n_pages = n_pages;
  progress->calls++;
  return page < progress->stop_at;
}

static void
progress_init (Progress *progress,
               guint     stop_at)
{
  progress->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  progress->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  progress->n_pages = 0;
  progress->stop_at = stop_at;
  progress->calls = 0;
}

static void
progress_clear (Progress *progress)
{
  g_clear_pointer (&progress->pages, g_array_unref);
  g_clear_pointer (&progress->fractions, g_array_unref);
}

static void
test_progress (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RolloutReportOptions options;
  Progress progress;

  init_options (&options);
  report = new_report (project, &options);
  progress_init (&progress, G_MAXUINT);
  g_assert_true (rollout_report_write_full (report, file, ROLLOUT_REPORT_FORMAT_PDF, 595.2756, 841.8898,
                                            progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);

  /* Page 0 of 10 once paginated, then after every page, up to 10 of 10. */
  g_assert_cmpuint (progress.n_pages, ==, 10);
  g_assert_cmpuint (progress.calls, ==, 11);
  for (guint i = 0; i < progress.calls; i++)
    {
      g_assert_cmpuint (g_array_index (progress.pages, guint, i), ==, i);
      g_assert_cmpfloat_with_epsilon (g_array_index (progress.fractions, double, i), i / 10.0, 1e-9);
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  progress_clear (&progress);

  /* An image is one step. */
  g_clear_pointer (&path, g_free);
  g_clear_object (&file);
  path = g_build_filename (dir, "timeline.svg", NULL);
  file = g_file_new_for_path (path);
  progress_init (&progress, G_MAXUINT);
  g_assert_true (rollout_report_write_full (report, file, ROLLOUT_REPORT_FORMAT_SVG, 595.2756, 841.8898,
                                            progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, 2);
  g_assert_cmpuint (progress.n_pages, ==, 1);
  g_assert_cmpfloat (g_array_index (progress.fractions, double, 1), ==, 1.0);
  progress_clear (&progress);

  remove_dir (dir);
}

/* Stopping an export from its progress function, at any step, leaves no
 * file and no temporary one behind, and an old file as it was. */
static void
test_progress_cancel (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *png_path = g_build_filename (dir, "timeline.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autofree char *contents = NULL;
  RolloutReportOptions options;
  static const guint stops[] = { 0, 1, 4, 10 };

  init_options (&options);
  report = new_report (project, &options);

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      g_autoptr(GError) error = NULL;
      Progress progress;

      progress_init (&progress, stops[i]);
      g_assert_false (rollout_report_write_full (report, file, ROLLOUT_REPORT_FORMAT_PDF, 612, 792,
                                                 progress_cb, &progress, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      /* It stopped at once: no page was drawn after the "no". */
      g_assert_cmpuint (progress.calls, ==, stops[i] + 1);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (dir), ==, 0);
      progress_clear (&progress);
    }

  /* An old file stays whole. */
  g_assert_true (g_file_set_contents (old_path, "old", -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    Progress progress;

    progress_init (&progress, 5);
    g_assert_false (rollout_report_write_full (report, old_file, ROLLOUT_REPORT_FORMAT_PDF, 612, 792,
                                               progress_cb, &progress, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    progress_clear (&progress);
  }
  g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* A picture stopped when drawn is not written. */
  {
    g_autoptr(GError) error = NULL;
    Progress progress;

    progress_init (&progress, 1);
    g_assert_false (rollout_report_write_full (report, png_file, ROLLOUT_REPORT_FORMAT_PNG, 612, 792,
                                               progress_cb, &progress, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (progress.calls, ==, 2);
    progress_clear (&progress);
  }
  g_assert_false (g_file_test (png_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 1);

  remove_dir (dir);
}

/* Large plans ------------------------------------------------------------- */

static GHashTable *
task_names (RolloutProject *project)
{
  GListModel *tasks = rollout_project_get_tasks (project);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);

      g_hash_table_add (names, g_strdup (rollout_task_get_name (task)));
    }
  return names;
}

static void
test_large_plan (void)
{
  g_autoptr(RolloutProject) project = generate (2000);
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(GArray) records = NULL;
  g_autoptr(GHashTable) names = task_names (project);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) band_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) band_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) month = g_regex_new ("^[[:alpha:]]+ [0-9]{4}$", 0, 0, NULL);
  const char *sections[] = { "timeline", NULL };
  RolloutReportOptions options;
  guint n, widest_band = 0;

  g_assert_cmpuint (g_hash_table_size (names), ==, 2000);

  init_options (&options);
  options.sections = sections;
  report = new_report (project, &options);
  records = record (report);
  n = render (report, 595.2756, 841.8898);
  g_assert_cmpuint (n, >, 40);

  for (guint page = 0; page < n; page++)
    {
      g_autofree char *title = rollout_report_get_page_title (report, page);
      g_autofree char *expected = g_strdup_printf ("Timeline %u/%u", page + 1, n);
      g_autoptr(GHashTable) on_page = g_hash_table_new (g_str_hash, g_str_equal);
      const char *rows = NULL;
      gboolean has_scale = FALSE;
      GHashTable *previous;

      g_assert_cmpstr (title, ==, expected);
      g_assert_true (page_has_text (records, page, expected));

      for (guint i = 0; i < records->len; i++)
        {
          const TextRecord *r = &g_array_index (records, TextRecord, i);

          if (r->page != page)
            continue;
          if (g_hash_table_contains (names, r->text))
            {
              g_hash_table_add (on_page, r->text);
              g_hash_table_add (seen, r->text);
            }
          if (g_str_has_prefix (r->text, "Rows "))
            rows = r->text;
          if (g_regex_match (month, r->text, 0, NULL))
            has_scale = TRUE;
        }

      /* Every page has its task names and a time scale. */
      g_assert_cmpuint (g_hash_table_size (on_page), >, 20);
      g_assert_true (has_scale);
      g_assert_nonnull (rows);

      /* The pages of one band of rows show the same names. */
      previous = g_hash_table_lookup (band_names, rows);
      if (previous != NULL)
        {
          GHashTableIter iter;
          gpointer key;

          g_assert_cmpuint (g_hash_table_size (previous), ==, g_hash_table_size (on_page));
          g_hash_table_iter_init (&iter, on_page);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_assert_true (g_hash_table_contains (previous, key));
        }
      else
        g_hash_table_insert (band_names, g_strdup (rows), g_hash_table_ref (on_page));
      g_hash_table_insert (band_pages, g_strdup (rows),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (band_pages, rows)) + 1));
      widest_band = MAX (widest_band, GPOINTER_TO_UINT (g_hash_table_lookup (band_pages, rows)));
    }

  /* Cut both ways: many bands of rows, some of them over several pages. */
  g_assert_cmpuint (g_hash_table_size (band_names), >, 30);
  g_assert_cmpuint (widest_band, >=, 2);
  /* And no task is left out. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2000);

  assert_texts_inside (report, records);
}

static void
test_fit_width (void)
{
  g_autoptr(RolloutProject) demo = load_demo ();
  g_autoptr(RolloutProject) large = generate (2000);
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(RolloutReport) large_report = NULL;
  g_autoptr(RolloutReport) large_fit = NULL;
  g_autoptr(GArray) records = NULL;
  g_autoptr(GHashTable) bands = g_hash_table_new (g_str_hash, g_str_equal);
  const char *sections[] = { "timeline", NULL };
  RolloutReportOptions options;
  guint n;

  init_options (&options);
  options.sections = sections;
  options.fit_width = TRUE;
  report = new_report (demo, &options);
  records = record (report);
  g_assert_cmpuint (render (report, 595.2756, 841.8898), ==, 1);
  /* Seven months in 350 points: months under the year. */
  g_assert_true (page_has_text (records, 0, "2026"));
  g_assert_true (page_has_text (records, 0, "Feb"));
  g_assert_true (page_has_text (records, 0, "Sep"));
  assert_texts_inside (report, records);

  /* A large plan fitted to the width gets one page per band of rows. */
  large_fit = new_report (large, &options);
  g_clear_pointer (&records, g_array_unref);
  records = record (large_fit);
  n = render (large_fit, 841.8898, 595.2756);
  for (guint i = 0; i < records->len; i++)
    {
      const TextRecord *r = &g_array_index (records, TextRecord, i);

      if (g_str_has_prefix (r->text, "Rows "))
        g_hash_table_add (bands, r->text);
    }
  g_assert_cmpuint (g_hash_table_size (bands), ==, n);
  assert_texts_inside (large_fit, records);

  options.fit_width = FALSE;
  large_report = new_report (large, &options);
  g_assert_cmpuint (rollout_report_paginate (large_report, 841.8898, 595.2756), >, n);
}

static void
test_date_range (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(GArray) records = NULL;
  const char *sections[] = { "timeline", NULL };
  RolloutReportOptions options;

  /* The expansion phase, 13 April to 14 June. */
  init_options (&options);
  options.sections = sections;
  options.from = date ("2026-04-13");
  options.to = date ("2026-06-14");
  report = new_report (project, &options);
  records = record (report);
  g_assert_cmpuint (render (report, 841.8898, 595.2756), ==, 1);

  g_assert_true (page_has_text (records, 0, "Expansion: Denver, Portland, Atlanta (25%)"));
  g_assert_true (page_has_text (records, 0, "Hold-zone signage in Denver, Portland and Atlanta (120 corrals)"));
  g_assert_true (page_has_text (records, 0, "13 Apr – 14 Jun 2026"));
  /* Work done in February is not in the range. */
  g_assert_false (page_has_text (records, 0, "Feature flag with staff, percentage and city cohorts"));
  g_assert_false (page_has_text (records, 0, "Internal dogfood"));
  g_assert_false (page_has_text (records, 0, "February 2026"));
  assert_texts_inside (report, records);

  /* A range with no work in it still prints, and says so. */
  g_clear_object (&report);
  g_clear_pointer (&records, g_array_unref);
  options.from = date ("2027-01-01");
  options.to = date ("2027-02-01");
  report = new_report (project, &options);
  records = record (report);
  g_assert_cmpuint (render (report, 612, 792), ==, 1);
  g_assert_true (page_has_text (records, 0, "No task of the plan falls in this range."));
  assert_texts_inside (report, records);
}

/* Hard plans -------------------------------------------------------------- */

static void
test_long_text (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("long");
  g_autoptr(RolloutTeam) team = rollout_team_new ("t");
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("p");
  g_autoptr(RolloutRisk) risk = rollout_risk_new ("r");
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(GArray) records = NULL;
  RolloutReportOptions options;

  for (guint i = 0; i < 60; i++)
    g_string_append (huge, "Rollout of the extremely long named feature ");
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (lines, "Paragraph %u of a description that goes on.\n", i);
  for (guint i = 0; i < 300; i++)
    g_string_append_c (word, 'W');

  rollout_project_set_name (project, huge->str);
  rollout_project_set_description (project, lines->str);
  rollout_project_set_owner (project, word->str);
  rollout_project_set_start (project, date ("2026-01-05"));
  rollout_team_set_name (team, huge->str);
  rollout_team_set_color (team, "#ffffff");
  rollout_project_insert_team (project, team, -1);
  rollout_phase_set_name (phase, word->str);
  rollout_phase_set_regions (phase, (const char * const[]) { huge->str, word->str, NULL });
  /* A gate of many criteria on a metric with a long name, a long symbol for
   * a unit and values from minus to plus a billion; sign-offs by a team with
   * a long name and by no team at all. */
  {
    g_autoptr(RolloutGate) gate = rollout_gate_new ();
    g_autoptr(RolloutMetric) metric = rollout_metric_new ("m");
    g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_sample_free);
    g_autoptr(GString) unit = g_string_new ("%");

    for (guint i = 0; i < 12; i++)
      {
        RolloutGateMetric *gm = rollout_gate_metric_new (i == 11 ? "no-such-metric" : "m", i % 6, i * 1e8 - 5e8);

        gm->aggregate = i % 2 ? ROLLOUT_AGGREGATE_MEAN : ROLLOUT_AGGREGATE_LATEST;
        gm->window_days = i % 4 == 1 ? 3 : 0;
        g_ptr_array_add (gate->metrics, gm);
      }
    g_strfreev (gate->required_signoffs);
    gate->required_signoffs = g_strdupv ((char *[]) { (char *) "t", word->str, NULL });
    gate->max_open_risk_score = 1;
    rollout_phase_set_gate (phase, gate);

    for (guint i = 0; i < 60; i++)
      g_string_append (unit, "‰");
    rollout_metric_set_name (metric, huge->str);
    rollout_metric_set_unit (metric, unit->str);
    rollout_metric_set_has_target (metric, TRUE);
    rollout_metric_set_target (metric, 123456789.125);
    for (guint i = 0; i < 40; i++)
      g_ptr_array_add (samples, rollout_sample_new (date ("2026-01-05") + i * 9, i % 5 ? "p" : NULL,
                                                    (i % 2 ? 1 : -1) * 1e9 / (i + 1)));
    rollout_metric_set_samples (metric, samples);
    rollout_project_insert_metric (project, metric, -1);
  }
  /* Feedback with long tags, and many of them. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("f%u", i);
      g_autoptr(RolloutFeedback) feedback = rollout_feedback_new (id);
      g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

      for (guint t = 0; t <= i; t++)
        g_ptr_array_add (tags, t % 3 ? g_strdup_printf ("tag-%u", t) : g_strdup (huge->str));
      g_ptr_array_add (tags, NULL);
      rollout_feedback_set_date (feedback, date ("2026-02-01") + i);
      rollout_feedback_set_phase_id (feedback, "p");
      rollout_feedback_set_sentiment (feedback, i % 3);
      rollout_feedback_set_tags (feedback, (const char * const *) tags->pdata);
      rollout_feedback_set_text (feedback, lines->str);
      rollout_project_insert_feedback (project, feedback, -1);
    }
  rollout_project_insert_phase (project, phase, -1);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autoptr(RolloutTask) task = rollout_task_new (id);
      g_autoptr(GPtrArray) checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_checklist_item_free);

      rollout_task_set_name (task, i % 2 ? huge->str : word->str);
      rollout_task_set_phase_id (task, "p");
      rollout_task_set_team_id (task, "t");
      rollout_task_set_owner (task, huge->str);
      rollout_task_set_duration (task, i % 3 == 0 ? 0 : 400);
      g_ptr_array_add (checklist, rollout_checklist_item_new ("x", TRUE));
      rollout_task_set_checklist (task, checklist);
      rollout_project_insert_task (project, task, -1);
    }
  rollout_risk_set_title (risk, huge->str);
  rollout_risk_set_owner (risk, word->str);
  rollout_risk_set_mitigation (risk, lines->str);
  rollout_risk_set_likelihood (risk, 5);
  rollout_risk_set_impact (risk, 5);
  rollout_project_insert_risk (project, risk, -1);
  g_assert_true (rollout_project_schedule (project, NULL, &error));

  init_options (&options);
  report = new_report (project, &options);
  records = record (report);
  for (guint i = 0; i < G_N_ELEMENTS (paper_cases); i++)
    {
      g_array_set_size (records, 0);
      render (report, paper_cases[i].width, paper_cases[i].height);
      assert_texts_inside (report, records);
    }
}

static void
test_empty_plan (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("empty");
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(GArray) records = NULL;
  g_autoptr(GError) error = NULL;
  RolloutReportOptions options;
  double width, height;

  rollout_project_set_name (project, "Nothing yet");
  rollout_project_set_start (project, date ("2026-05-04"));
  g_assert_true (rollout_project_schedule (project, NULL, &error));

  init_options (&options);
  report = new_report (project, &options);
  records = record (report);
  g_assert_cmpuint (render (report, 612, 792), ==, 5);
  g_assert_true (page_has_text (records, 0, "This plan has no phases."));
  g_assert_true (page_has_text (records, 0, "No open risks."));
  g_assert_true (page_has_text (records, 1, "This plan has no tasks."));
  g_assert_true (page_has_text (records, 3, "No risks are recorded in this plan."));
  g_assert_true (page_has_text (records, 4, "This plan has no phases to monitor."));
  g_assert_true (page_has_text (records, 4, "No feedback is recorded in this plan."));
  assert_texts_inside (report, records);

  /* The picture of an empty timeline is small but drawable. */
  rollout_report_get_timeline_size (report, 0, &width, &height);
  g_assert_cmpfloat (width, >, 100);
  g_assert_cmpfloat (height, >, 50);
}

/* Options ----------------------------------------------------------------- */

static void
test_options (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  static const struct {
    const char *sections[4];
    const char *from;
    const char *to;
    double      margin;
  } bad[] = {
    { { "summary", "gantt", NULL }, NULL, NULL, 0 },
    { { "board", "board", NULL }, NULL, NULL, 0 },
    { { NULL }, NULL, NULL, 0 },
    { { "timeline", NULL }, "2026-05-01", "2026-04-30", 0 },
    { { "timeline", NULL }, NULL, NULL, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RolloutReport) report = NULL;
      RolloutReportOptions options;

      init_options (&options);
      options.sections = bad[i].sections;
      options.from = bad[i].from != NULL ? date (bad[i].from) : ROLLOUT_DATE_NONE;
      options.to = bad[i].to != NULL ? date (bad[i].to) : ROLLOUT_DATE_NONE;
      options.margin = bad[i].margin;
      report = rollout_report_new (project, &options, &error);
      g_assert_null (report);
      g_assert_error (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_INVALID_OPTION);
    }

  /* The printed date defaults to today. */
  {
    g_autoptr(RolloutReport) report = new_report (project, NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_cmpuint (rollout_report_get_printed (report), ==,
                      rollout_date_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                             g_date_time_get_day_of_month (now)));
  }
}

/* Writing ----------------------------------------------------------------- */

static void
test_write_atomic (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  gsize first_length, second_length;
  RolloutReportOptions options;

  init_options (&options);
  report = new_report (project, &options);

  /* An old file is replaced whole. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  write_pdf (report, path, 612, 792);
  g_assert_true (g_file_get_contents (path, &first, &first_length, NULL));
  g_assert_true (g_str_has_prefix (first, "%PDF-"));
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* The same plan on the same date gives the same bytes. */
  write_pdf (report, path, 612, 792);
  g_assert_true (g_file_get_contents (path, &second, &second_length, NULL));
  g_assert_cmpmem (first, first_length, second, second_length);

  /* A cancelled export leaves the old file and no temporary one. */
  g_cancellable_cancel (cancellable);
  g_assert_false (rollout_report_write (report, file, ROLLOUT_REPORT_FORMAT_PDF, 595, 842, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpmem (contents, strlen (contents), first, strlen (first));
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* A folder that does not exist is an error, not a crash. */
  g_assert_false (rollout_report_write (report, missing_file, ROLLOUT_REPORT_FORMAT_PDF, 595, 842, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));

  remove_dir (dir);
}

static void
test_timeline_images (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutReport) report = NULL;
  g_autoptr(RolloutReport) fitted = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *svg = g_build_filename (dir, "timeline.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "timeline.png", NULL);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  RolloutReportOptions options;
  double width, height, fit_width, fit_height;

  init_options (&options);
  report = new_report (project, &options);
  rollout_report_get_timeline_size (report, 0, &width, &height);
  /* All 48 rows and the 34 weeks of the plan, in one picture. */
  g_assert_cmpfloat (height, >, 48 * 14);
  g_assert_cmpfloat (width, >, 34 * 7 * 4);

  g_assert_true (rollout_report_write (report, svg_file, ROLLOUT_REPORT_FORMAT_SVG, 595, 842, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_assert_true (rollout_report_write (report, png_file, ROLLOUT_REPORT_FORMAT_PNG, 595, 842, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* Drawn at two pixels a point. */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width * 2));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (height * 2));
  cairo_surface_destroy (image);

  /* Fitted to a width, the picture is that wide. */
  options.fit_width = TRUE;
  fitted = new_report (project, &options);
  rollout_report_get_timeline_size (fitted, 700, &fit_width, &fit_height);
  g_assert_cmpfloat (fabs (fit_width - 700), <=, 1);
  g_assert_cmpfloat (fit_height, ==, height);

  remove_dir (dir);
}

/* The command line -------------------------------------------------------- */

static int
run_cli (const char * const *args,
         char              **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ROLLOUT_TEST_CLI"));
  g_ptr_array_add (argv, (gpointer) "export-pdf");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, out_stderr, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *demo = demo_path ();
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  g_autofree char *invalid = g_test_build_filename (G_TEST_DIST, "data", "invalid", "cycle.rollout", NULL);
  g_autofree char *missing_dir = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  static const struct {
    const char *args[8];
    const char *message;
  } usage[] = {
    { { NULL }, "no file given" },
    { { "DEMO", NULL }, "-o FILE is required" },
    { { "DEMO", "-o", "OUT", "--paper", "a5", NULL }, "unknown paper “a5”" },
    { { "DEMO", "-o", "OUT", "--orientation", "sideways", NULL }, "unknown orientation" },
    { { "DEMO", "-o", "OUT", "--sections", "summary,gantt", NULL }, "unknown section “gantt”" },
    { { "DEMO", "-o", "OUT", "--sections", "risks,risks", NULL }, "listed twice" },
    { { "DEMO", "-o", "OUT", "--from", "2026-13-01", NULL }, "--from must be a date" },
    { { "DEMO", "-o", "OUT", "--from", "2026-05-02", "--to", "2026-05-01", NULL }, "is before --from" },
    { { "DEMO", "-o", "OUT", "--date", "today", NULL }, "--date must be a date" },
    { { "DEMO", "-o", "OUT", "--format", "gif", NULL }, "unknown format “gif”" },
    { { "DEMO", "-o", "OUT", "--format", "png", "--sections", "risks", NULL }, "--sections applies to PDF only" },
    { { "DEMO", "DEMO", "-o", "OUT", NULL }, "give one file" },
    { { "DEMO", "-o", "OUT", "--bogus", NULL }, "Unknown option" },
  };

  if (g_getenv ("ROLLOUT_TEST_CLI") == NULL)
    {
      g_test_skip ("ROLLOUT_TEST_CLI is not set");
      return;
    }
  dir = temp_dir ();
  out = g_build_filename (dir, "plan.pdf", NULL);
  svg = g_build_filename (dir, "timeline.svg", NULL);
  png = g_build_filename (dir, "timeline.png", NULL);
  missing_dir = g_build_filename (dir, "missing", "plan.pdf", NULL);

  /* Bad options: exit 2 with a message naming the problem, nothing written. */
  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      const char *args[G_N_ELEMENTS (usage[i].args)] = { NULL };
      g_autofree char *err = NULL;

      for (guint k = 0; usage[i].args[k] != NULL; k++)
        args[k] = g_str_equal (usage[i].args[k], "DEMO") ? demo
                  : g_str_equal (usage[i].args[k], "OUT") ? out : usage[i].args[k];
      g_assert_cmpint (run_cli (args, &err), ==, 2);
      if (strstr (err, usage[i].message) == NULL)
        g_error ("case %u: “%s” not in: %s", i, usage[i].message, err);
      g_assert_cmpuint (count_files (dir), ==, 0);
    }

  /* Bad input: exit 1. */
  {
    g_autofree char *err = NULL;
    g_autofree char *nope = g_build_filename (dir, "nope.rollout", NULL);

    g_assert_cmpint (run_cli ((const char *[]) { invalid, "-o", out, NULL }, &err), ==, 1);
    g_assert_nonnull (strstr (err, "cycle.rollout"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli ((const char *[]) { nope, "-o", out, NULL }, &err), ==, 1);
    g_assert_nonnull (strstr (err, "nope.rollout"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli ((const char *[]) { demo, "-o", missing_dir, NULL }, &err), ==, 1);
    g_assert_nonnull (strstr (err, missing_dir));
    g_assert_cmpuint (count_files (dir), ==, 0);
  }

  /* A PDF, and pictures of the timeline. */
  g_assert_cmpint (run_cli ((const char *[]) { demo, "-o", out, "--paper", "letter", "--orientation", "landscape",
                                               "--date", PRINTED, NULL }, NULL), ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 792 612 ]", strlen ("/MediaBox [ 0 0 792 612 ]")));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { demo, "-o", out, "--sections", "timeline", "--fit-width",
                                               "--from", "2026-03-01", "--to", "2026-06-30", NULL }, NULL), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { demo, "-o", svg, NULL }, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { demo, "-o", png, "--format", "png", "--fit-width", NULL }, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  /* Only the outputs are left: no temporary files. */
  g_assert_cmpuint (count_files (dir), ==, 3);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/report/paper-sizes", test_paper_sizes);
  g_test_add_func ("/rollout/report/demo-pages", test_demo_pages);
  g_test_add_func ("/rollout/report/sections-order", test_sections_order);
  g_test_add_func ("/rollout/report/demo-content", test_demo_content);
  g_test_add_func ("/rollout/report/draw-any-order", test_draw_any_order);
  g_test_add_func ("/rollout/report/pdf-text", test_pdf_text);
  g_test_add_func ("/rollout/report/monitor-pdf-text", test_monitor_pdf_text);
  g_test_add_func ("/rollout/report/progress", test_progress);
  g_test_add_func ("/rollout/report/progress-cancel", test_progress_cancel);
  g_test_add_func ("/rollout/report/large-plan", test_large_plan);
  g_test_add_func ("/rollout/report/fit-width", test_fit_width);
  g_test_add_func ("/rollout/report/date-range", test_date_range);
  g_test_add_func ("/rollout/report/long-text", test_long_text);
  g_test_add_func ("/rollout/report/empty-plan", test_empty_plan);
  g_test_add_func ("/rollout/report/options", test_options);
  g_test_add_func ("/rollout/report/write-atomic", test_write_atomic);
  g_test_add_func ("/rollout/report/timeline-images", test_timeline_images);
  g_test_add_func ("/rollout/report/cli", test_cli);

  return g_test_run ();
}
