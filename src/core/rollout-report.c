/* rollout-report.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The printed plan: one renderer for the print dialog, PDF export and
 * images.
 *
 * A report is made in two steps, as GtkPrintOperation wants them.
 * rollout_report_paginate() lays the chosen sections out for a page size and
 * keeps, per section, only a pagination plan: where each page starts (a row
 * range, a column of the timeline, the first item of a table), never
 * anything drawn. rollout_report_draw_page() then draws any page, in any
 * order, onto any cairo context whose units are points with the origin at
 * the page's top-left corner. Memory therefore does not grow with the page
 * count: a PDF is written page after page to a cairo PDF surface, which
 * keeps only the page in progress.
 *
 * Sections are descriptors (ReportSectionClass) in one array below; each
 * lives in its own file. Every page gets the same header (the plan's name
 * and the page's title, "Timeline 2/6") and footer (the printed date and
 * "Page n of m"); a section draws only inside the frame between them, and
 * is clipped to it.
 *
 * Text is real text laid out by Pango (so a PDF is searchable and fonts are
 * embedded by cairo), measured without hinting so that the layout is the
 * same on paper, in the print preview and in tests. Every piece of text is
 * given a box and is ellipsized or wrapped to stay in it; a text function
 * can watch each box as it is drawn.
 */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-report-private.h"

#define DEFAULT_MARGIN 36.0
#define HEADER_HEIGHT  24.0
#define FOOTER_HEIGHT  20.0
#define FONT_FAMILY    "Cantarell,DejaVu Sans,Sans"
/* Laid-out texts kept for reuse: the same labels (statuses, dates, owners,
 * phase names, the time scale) come back on page after page, and shaping
 * them again costs more than looking them up. Bounded, so that memory does
 * not grow with the pages. */
#define LAYOUT_CACHE_SIZE 1024

struct _RolloutReport
{
  GObject                      parent_instance;

  RolloutProject              *project;
  RolloutReportOptions         options;
  GStrv                        section_ids;
  const ReportSectionClass   **sections;
  guint                        n_sections;

  PangoFontMap                *font_map;
  PangoContext                *pango;
  PangoFontDescription        *fonts[REPORT_N_FONTS];
  double                       line_heights[REPORT_N_FONTS];
  GHashTable                  *layouts;   /* text and how it is set → PangoLayout */

  /* The pagination plan. */
  ReportFrame                  frame;
  gpointer                    *plans;
  guint                       *first_page; /* n_sections + 1 */
  guint                        n_pages;

  RolloutReportTextFunc        text_func;
  gpointer                     text_data;
  GDestroyNotify               text_destroy;
};

G_DEFINE_FINAL_TYPE (RolloutReport, rollout_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Every section the report knows, in the default order. */
static const ReportSectionClass * const all_sections[] = {
  &report_summary_section,
  &report_timeline_section,
  &report_board_section,
  &report_risks_section,
  &report_monitor_section,
};

G_DEFINE_QUARK (rollout-report-error-quark, rollout_report_error)

/* Helpers ----------------------------------------------------------------- */

static const ReportSectionClass *
find_section (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_sections); i++)
    if (g_strcmp0 (all_sections[i]->id, id) == 0)
      return all_sections[i];
  return NULL;
}

static void
clear_plans (RolloutReport *self)
{
  if (self->plans != NULL)
    {
      for (guint i = 0; i < self->n_sections; i++)
        if (self->plans[i] != NULL)
          self->sections[i]->free_plan (self->plans[i]);
    }
  g_clear_pointer (&self->plans, g_free);
  g_clear_pointer (&self->first_page, g_free);
  self->n_pages = 0;
}

static void
setup_fonts (RolloutReport *self)
{
  static const struct {
    double      size;
    PangoWeight weight;
    PangoStyle  style;
  } fonts[REPORT_N_FONTS] = {
    [REPORT_FONT_BODY] = { REPORT_SIZE_BODY, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [REPORT_FONT_BODY_BOLD] = { REPORT_SIZE_BODY, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [REPORT_FONT_SMALL] = { REPORT_SIZE_SMALL, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [REPORT_FONT_SMALL_BOLD] = { REPORT_SIZE_SMALL, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [REPORT_FONT_SMALL_ITALIC] = { REPORT_SIZE_SMALL, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
    [REPORT_FONT_HEADING] = { REPORT_SIZE_HEADING, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [REPORT_FONT_TITLE] = { REPORT_SIZE_TITLE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  };
  cairo_font_options_t *font_options;

  /* A font map of its own rather than the thread's default, so that what
   * fontconfig loads for the report goes with it. */
  self->font_map = pango_cairo_font_map_new ();
  self->pango = pango_font_map_create_context (self->font_map);
  /* One unit is one point, and glyphs are placed without hinting, so text
   * measures the same on every surface. */
  pango_cairo_context_set_resolution (self->pango, 72.0);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);

  for (guint i = 0; i < REPORT_N_FONTS; i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (self->pango);
      PangoRectangle logical;

      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (self->fonts[i], (int) (fonts[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], fonts[i].weight);
      pango_font_description_set_style (self->fonts[i], fonts[i].style);

      pango_layout_set_font_description (layout, self->fonts[i]);
      pango_layout_set_text (layout, "Ág", -1);
      pango_layout_get_extents (layout, NULL, &logical);
      self->line_heights[i] = (double) logical.height / PANGO_SCALE;
    }
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Text with newlines, tabs and other controls made spaces, for one line. */
static const char *
one_line (const char  *text,
          char       **out_copy)
{
  char *copy;

  *out_copy = NULL;
  if (strpbrk (text, "\n\r\t\v\f") == NULL)
    return text;
  copy = g_strdup (text);
  for (char *p = copy; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t' || *p == '\v' || *p == '\f')
      *p = ' ';
  *out_copy = copy;
  return copy;
}

/* Pango keeps at least one line of every paragraph whatever the height, so
 * text for @max_lines lines keeps at most that many paragraphs. */
static const char *
few_paragraphs (const char  *text,
                int          max_lines,
                char       **out_copy)
{
  const char *p = text;
  int paragraphs = 1;

  *out_copy = NULL;
  while ((p = strchr (p, '\n')) != NULL)
    {
      if (paragraphs == max_lines)
        {
          *out_copy = g_strdup_printf ("%.*s…", (int) (p - text), text);
          return *out_copy;
        }
      paragraphs++;
      p++;
    }
  return text;
}

/* A layout of @text set as asked, valid until the next call. */
static PangoLayout *
prepare_layout (RolloutReport *self,
                ReportFont     font,
                const char    *text,
                double         width,
                int            max_lines,
                guint          flags)
{
  PangoLayout *layout;
  g_autofree char *copy = NULL;
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
  int pango_width = width > 0 ? (int) (width * PANGO_SCALE) : -1;
  char *key;

  max_lines = MAX (max_lines, 1);
  if (flags & REPORT_TEXT_END)
    alignment = PANGO_ALIGN_RIGHT;
  else if (flags & REPORT_TEXT_CENTER)
    alignment = PANGO_ALIGN_CENTER;

  key = g_strdup_printf ("%d %d %d %d %s", font, pango_width, max_lines, alignment, text);
  layout = g_hash_table_lookup (self->layouts, key);
  if (layout != NULL)
    {
      g_free (key);
      return layout;
    }
  if (g_hash_table_size (self->layouts) >= LAYOUT_CACHE_SIZE)
    g_hash_table_remove_all (self->layouts);

  layout = pango_layout_new (self->pango);
  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (max_lines == 1)
    {
      pango_layout_set_text (layout, one_line (text, &copy), -1);
      pango_layout_set_height (layout, -1);
    }
  else
    {
      pango_layout_set_text (layout, few_paragraphs (text, max_lines, &copy), -1);
      pango_layout_set_height (layout, (int) ((max_lines + 0.5) * self->line_heights[font] * PANGO_SCALE));
    }
  pango_layout_set_width (layout, pango_width);
  pango_layout_set_alignment (layout, alignment);
  g_hash_table_insert (self->layouts, key, layout);
  return layout;
}

static void
logical_extents (PangoLayout *layout,
                 double      *x,
                 double      *y,
                 double      *width,
                 double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *x = (double) logical.x / PANGO_SCALE;
  *y = (double) logical.y / PANGO_SCALE;
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static void
to_page_rect (ReportCanvas      *canvas,
              double             x,
              double             y,
              double             width,
              double             height,
              RolloutReportRect *out)
{
  double xs[4] = { x, x + width, x, x + width };
  double ys[4] = { y, y, y + height, y + height };
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      cairo_user_to_device (canvas->cr, &xs[i], &ys[i]);
      cairo_matrix_transform_point (&canvas->to_page, &xs[i], &ys[i]);
      min_x = MIN (min_x, xs[i]);
      min_y = MIN (min_y, ys[i]);
      max_x = MAX (max_x, xs[i]);
      max_y = MAX (max_y, ys[i]);
    }
  out->x = min_x;
  out->y = min_y;
  out->width = max_x - min_x;
  out->height = max_y - min_y;
}

static void
draw_header_footer (RolloutReport *self,
                    ReportCanvas  *canvas,
                    const char    *title,
                    guint          page)
{
  const RolloutReportRect *area = &self->frame.printable;
  double line = self->line_heights[REPORT_FONT_BODY_BOLD];
  double small = self->line_heights[REPORT_FONT_SMALL];
  double title_width = MIN (report_text_width (self, REPORT_FONT_BODY, title) + 1, area->width / 2);
  double footer_y = area->y + area->height - small;
  g_autofree char *date = report_format_date (self->options.printed, TRUE);
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  double page_width = MIN (report_text_width (self, REPORT_FONT_SMALL, page_text) + 1, area->width / 2);

  report_draw_text (canvas, REPORT_FONT_BODY_BOLD, &report_color_text,
                    rollout_project_get_name (self->project),
                    area->x, area->y, area->width - title_width - 12, line, 1, 0);
  report_draw_text (canvas, REPORT_FONT_BODY, &report_color_secondary, title,
                    area->x + area->width - title_width, area->y, title_width, line, 1,
                    REPORT_TEXT_END);
  report_hline (canvas->cr, &report_color_rule, area->x, area->x + area->width,
                area->y + line + 4, 0.6);

  report_hline (canvas->cr, &report_color_rule, area->x, area->x + area->width,
                footer_y - 5, 0.6);
  report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, printed,
                    area->x, footer_y, area->width - page_width - 12, small, 1, 0);
  report_draw_text (canvas, REPORT_FONT_SMALL, &report_color_secondary, page_text,
                    area->x + area->width - page_width, footer_y, page_width, small, 1,
                    REPORT_TEXT_END);
}

/* Finds the section of a page; returns its index and the page within it. */
static guint
locate_page (RolloutReport *self,
             guint          page,
             guint         *out_local)
{
  guint s = 0;

  while (s + 1 < self->n_sections && self->first_page[s + 1] <= page)
    s++;
  *out_local = page - self->first_page[s];
  return s;
}

/* GObject ----------------------------------------------------------------- */

static void
rollout_report_finalize (GObject *object)
{
  RolloutReport *self = ROLLOUT_REPORT (object);

  clear_plans (self);
  if (self->text_destroy != NULL)
    self->text_destroy (self->text_data);
  for (guint i = 0; i < REPORT_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->sections, g_free);
  g_clear_pointer (&self->section_ids, g_strfreev);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (rollout_report_parent_class)->finalize (object);
}

static void
rollout_report_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RolloutReport *self = ROLLOUT_REPORT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_report_class_init (RolloutReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rollout_report_finalize;
  object_class->get_property = rollout_report_get_property;

  /**
   * RolloutReport:project:
   *
   * The plan being printed.
   */
  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         ROLLOUT_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RolloutReport:n-pages:
   *
   * How many pages the last pagination made, 0 before any.
   */
  properties [PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rollout_report_init (RolloutReport *self)
{
  setup_fonts (self);
}

/* Private API for the sections --------------------------------------------- */

const RolloutReportOptions *
report_get_options (RolloutReport *report)
{
  return &report->options;
}

/* The translated name of the section a page belongs to ("Timeline"). */
const char *
report_get_section_title (RolloutReport *report,
                          guint          page)
{
  guint local;

  return _(report->sections[locate_page (report, page, &local)]->title);
}

double
report_get_line_height (RolloutReport *report,
                        ReportFont     font)
{
  return report->line_heights[font];
}

double
report_text_width (RolloutReport *report,
                   ReportFont     font,
                   const char    *text)
{
  PangoLayout *layout;
  double x, y, width, height;

  if (text == NULL || *text == '\0')
    return 0;
  layout = prepare_layout (report, font, text, -1, 1, 0);
  logical_extents (layout, &x, &y, &width, &height);
  return width;
}

double
report_text_height (RolloutReport *report,
                    ReportFont     font,
                    const char    *text,
                    double         width,
                    int            max_lines)
{
  PangoLayout *layout;
  double x, y, w, height;

  if (text == NULL || *text == '\0')
    return report->line_heights[font];
  if (max_lines <= 1)
    return report->line_heights[font];
  layout = prepare_layout (report, font, text, width, max_lines, 0);
  logical_extents (layout, &x, &y, &w, &height);
  return MIN (height, max_lines * report->line_heights[font]);
}

/* Draws @text in the box (@x, @y, @width, @height), and returns the height it
 * took, 0 when nothing was drawn. Text never leaves its box: lines that do
 * not fit are left out, with an ellipsis. */
double
report_draw_text (ReportCanvas      *canvas,
                  ReportFont         font,
                  const ReportColor *color,
                  const char        *text,
                  double             x,
                  double             y,
                  double             width,
                  double             height,
                  int                max_lines,
                  guint              flags)
{
  RolloutReport *self = canvas->report;
  double line = self->line_heights[font];
  PangoLayout *layout;
  double lx, ly, lw, lh, top;

  if (text == NULL || *text == '\0' || width <= 1 || height < line - 0.01)
    return 0;

  max_lines = MAX (1, MIN (max_lines, (int) floor ((height + 0.01) / line)));
  layout = prepare_layout (self, font, text, width, max_lines, flags);
  logical_extents (layout, &lx, &ly, &lw, &lh);
  if (lh > height + 0.01 || lx < -0.01 || lx + lw > width + 0.01)
    {
      /* A safety net: Pango could not honour the height or width; one
       * ellipsized line always can. */
      layout = prepare_layout (self, font, text, width, 1, flags);
      logical_extents (layout, &lx, &ly, &lw, &lh);
      if (lh > height + 0.01)
        return 0;
    }

  top = y;
  if (flags & REPORT_TEXT_MIDDLE)
    top = y + (height - lh) / 2;

  report_set_color (canvas->cr, color);
  cairo_move_to (canvas->cr, x, top);
  pango_cairo_show_layout (canvas->cr, layout);

  if (self->text_func != NULL)
    {
      RolloutReportTextBox box;

      box.page = canvas->page;
      box.text = text;
      to_page_rect (canvas, x + lx, top + ly, lw, lh, &box.extents);
      to_page_rect (canvas, x, y, width, height, &box.box);
      self->text_func (&box, self->text_data);
    }
  return lh;
}

/* Public API -------------------------------------------------------------- */

/**
 * rollout_report_options_init:
 * @options: options to fill
 *
 * Sets @options to every section, the plan's whole range, no fitting, today
 * as the printed date and the default margin.
 */
void
rollout_report_options_init (RolloutReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

/**
 * rollout_report_list_sections:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   sections a report can have, in their default order
 */
const char * const *
rollout_report_list_sections (void)
{
  static const char *ids[G_N_ELEMENTS (all_sections) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (all_sections); i++)
        ids[i] = all_sections[i]->id;
      g_once_init_leave (&initialized, 1);
    }
  return ids;
}

/**
 * rollout_report_paper_get_size:
 * @paper: a paper size
 * @orientation: how the page is turned
 * @out_width: (out): where to store the page's width, in points
 * @out_height: (out): where to store the page's height, in points
 *
 * Gives the size of a page as the report draws it.
 */
void
rollout_report_paper_get_size (RolloutReportPaper        paper,
                               RolloutReportOrientation  orientation,
                               double                   *out_width,
                               double                   *out_height)
{
  double short_side, long_side;

  g_return_if_fail (out_width != NULL && out_height != NULL);

  switch (paper)
    {
    case ROLLOUT_REPORT_PAPER_LETTER:
      short_side = 8.5 * 72;
      long_side = 11 * 72;
      break;
    case ROLLOUT_REPORT_PAPER_A4:
    default:
      short_side = 210 / 25.4 * 72;
      long_side = 297 / 25.4 * 72;
      break;
    }
  *out_width = orientation == ROLLOUT_REPORT_LANDSCAPE ? long_side : short_side;
  *out_height = orientation == ROLLOUT_REPORT_LANDSCAPE ? short_side : long_side;
}

/**
 * rollout_report_new:
 * @project: a scheduled #RolloutProject (see rollout_project_schedule())
 * @options: (nullable): what to print; %NULL for the defaults
 * @error: return location for a %ROLLOUT_REPORT_ERROR
 *
 * Makes a report of @project. The report reads the project while it is
 * paginated and drawn; the project must not change in between (print a
 * copy when it may).
 *
 * Returns: (transfer full) (nullable): a new report, or %NULL when the
 *   options are invalid
 */
RolloutReport *
rollout_report_new (RolloutProject              *project,
                    const RolloutReportOptions  *options,
                    GError                     **error)
{
  g_autoptr(RolloutReport) self = NULL;
  RolloutReportOptions defaults;
  g_autoptr(GPtrArray) chosen = NULL;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      rollout_report_options_init (&defaults);
      options = &defaults;
    }

  chosen = g_ptr_array_new ();
  if (options->sections == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (all_sections); i++)
        g_ptr_array_add (chosen, (gpointer) all_sections[i]);
    }
  else
    {
      for (guint i = 0; options->sections[i] != NULL; i++)
        {
          const ReportSectionClass *section = find_section (options->sections[i]);

          if (section == NULL)
            {
              g_autofree char *known = g_strjoinv (", ", (char **) rollout_report_list_sections ());

              g_set_error (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_INVALID_OPTION,
                           _("Unknown section “%s” (choose from %s)"), options->sections[i], known);
              return NULL;
            }
          if (g_ptr_array_find (chosen, section, NULL))
            {
              g_set_error (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_INVALID_OPTION,
                           _("Section “%s” is listed twice"), options->sections[i]);
              return NULL;
            }
          g_ptr_array_add (chosen, (gpointer) section);
        }
      if (chosen->len == 0)
        {
          g_set_error_literal (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_INVALID_OPTION,
                               _("No section to print"));
          return NULL;
        }
    }

  if (options->from != ROLLOUT_DATE_NONE && options->to != ROLLOUT_DATE_NONE &&
      options->to < options->from)
    {
      g_set_error_literal (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_INVALID_OPTION,
                           _("The timeline’s range ends before it starts"));
      return NULL;
    }
  if (options->margin < 0 || options->margin > 144)
    {
      g_set_error_literal (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_INVALID_OPTION,
                           _("The margin must be between 0 and 144 points"));
      return NULL;
    }

  self = g_object_new (ROLLOUT_TYPE_REPORT, NULL);
  self->project = g_object_ref (project);
  self->options = *options;
  self->options.sections = NULL;
  if (self->options.margin == 0)
    self->options.margin = DEFAULT_MARGIN;
  if (self->options.printed == ROLLOUT_DATE_NONE)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->options.printed = rollout_date_from_ymd (g_date_time_get_year (now),
                                                     g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now));
    }

  self->n_sections = chosen->len;
  self->sections = g_new (const ReportSectionClass *, chosen->len);
  self->section_ids = g_new0 (char *, chosen->len + 1);
  for (guint i = 0; i < chosen->len; i++)
    {
      self->sections[i] = g_ptr_array_index (chosen, i);
      self->section_ids[i] = g_strdup (self->sections[i]->id);
    }
  self->options.sections = (const char * const *) self->section_ids;

  return g_steal_pointer (&self);
}

/**
 * rollout_report_get_project:
 * @self: a #RolloutReport
 *
 * Returns: (transfer none): the plan being printed
 */
RolloutProject *
rollout_report_get_project (RolloutReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_REPORT (self), NULL);

  return self->project;
}

/**
 * rollout_report_get_printed:
 * @self: a #RolloutReport
 *
 * Returns: the date printed on the pages
 */
RolloutDate
rollout_report_get_printed (RolloutReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_REPORT (self), ROLLOUT_DATE_NONE);

  return self->options.printed;
}

/**
 * rollout_report_paginate:
 * @self: a #RolloutReport
 * @page_width: the page's width, in points
 * @page_height: the page's height, in points
 *
 * Lays the report out for pages of this size, replacing any earlier
 * pagination. Call it from #GtkPrintOperation::begin-print with the print
 * context's size (in points, on the full page).
 *
 * Returns: the number of pages, at least one
 */
guint
rollout_report_paginate (RolloutReport *self,
                         double         page_width,
                         double         page_height)
{
  double margin;
  guint total = 0;

  g_return_val_if_fail (ROLLOUT_IS_REPORT (self), 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  clear_plans (self);

  /* Small pages get smaller margins rather than no room at all. */
  margin = MIN (self->options.margin, MIN (page_width, page_height) / 8);
  self->frame.page_width = page_width;
  self->frame.page_height = page_height;
  self->frame.printable.x = margin;
  self->frame.printable.y = margin;
  self->frame.printable.width = page_width - 2 * margin;
  self->frame.printable.height = page_height - 2 * margin;
  self->frame.content = self->frame.printable;
  self->frame.content.y += HEADER_HEIGHT;
  self->frame.content.height -= HEADER_HEIGHT + FOOTER_HEIGHT;

  self->plans = g_new0 (gpointer, self->n_sections);
  self->first_page = g_new0 (guint, self->n_sections + 1);
  for (guint i = 0; i < self->n_sections; i++)
    {
      guint n = 0;

      self->first_page[i] = total;
      self->plans[i] = self->sections[i]->paginate (self, &self->frame, &n);
      total += MAX (n, 1);
    }
  self->first_page[self->n_sections] = total;
  self->n_pages = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_PAGES]);
  return total;
}

/**
 * rollout_report_get_n_pages:
 * @self: a #RolloutReport
 *
 * Returns: the number of pages of the last pagination, 0 before any
 */
guint
rollout_report_get_n_pages (RolloutReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_REPORT (self), 0);

  return self->n_pages;
}

/**
 * rollout_report_get_printable_area:
 * @self: a paginated #RolloutReport
 * @out_area: (out): where to store the area inside the margins
 *
 * Nothing the report draws leaves this area.
 */
void
rollout_report_get_printable_area (RolloutReport     *self,
                                   RolloutReportRect *out_area)
{
  g_return_if_fail (ROLLOUT_IS_REPORT (self));
  g_return_if_fail (out_area != NULL);

  *out_area = self->frame.printable;
}

/**
 * rollout_report_get_page_section:
 * @self: a paginated #RolloutReport
 * @page: a page, from 0
 *
 * Returns: the id of the section the page belongs to ("timeline")
 */
const char *
rollout_report_get_page_section (RolloutReport *self,
                                 guint          page)
{
  guint local;

  g_return_val_if_fail (ROLLOUT_IS_REPORT (self), NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);

  return self->sections[locate_page (self, page, &local)]->id;
}

/**
 * rollout_report_get_page_title:
 * @self: a paginated #RolloutReport
 * @page: a page, from 0
 *
 * Returns: (transfer full): the title in the page's header ("Timeline 2/6")
 */
char *
rollout_report_get_page_title (RolloutReport *self,
                               guint          page)
{
  const ReportSectionClass *section;
  guint s, local, count;

  g_return_val_if_fail (ROLLOUT_IS_REPORT (self), NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);

  s = locate_page (self, page, &local);
  section = self->sections[s];
  count = self->first_page[s + 1] - self->first_page[s];
  if (section->title_for != NULL)
    return section->title_for (self->plans[s], local, count);
  if (count > 1)
    /* TRANSLATORS: a page's title in its header: section, page and pages of the section */
    return g_strdup_printf (C_("page title", "%s %u/%u"), _(section->title), local + 1, count);
  return g_strdup (_(section->title));
}

/**
 * rollout_report_draw_page:
 * @self: a paginated #RolloutReport
 * @cr: where to draw, in points from the page's top-left corner
 * @page: the page, from 0
 *
 * Draws one page, header and footer included. Pages may be drawn in any
 * order and more than once. Call it from #GtkPrintOperation::draw-page with
 * the print context's cairo context.
 */
void
rollout_report_draw_page (RolloutReport *self,
                          cairo_t       *cr,
                          guint          page)
{
  ReportCanvas canvas = { 0 };
  const ReportFrame *frame = &self->frame;
  g_autofree char *title = NULL;
  guint s, local;

  g_return_if_fail (ROLLOUT_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  canvas.report = self;
  canvas.cr = cr;
  canvas.page = page;
  cairo_get_matrix (cr, &canvas.to_page);
  if (cairo_matrix_invert (&canvas.to_page) != CAIRO_STATUS_SUCCESS)
    return;

  s = locate_page (self, page, &local);
  title = rollout_report_get_page_title (self, page);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  draw_header_footer (self, &canvas, title, page);

  cairo_rectangle (cr, frame->content.x, frame->content.y, frame->content.width, frame->content.height);
  cairo_clip (cr);
  self->sections[s]->draw_page (self->plans[s], &canvas, frame, local);
  cairo_restore (cr);
}

/* The margin around a timeline image, and the room for its title. */
#define IMAGE_PAD 18.0

static void
image_geometry (RolloutReport *self,
                double         fit_width,
                double        *name_width,
                double        *chart_width)
{
  *name_width = fit_width > 0 ? CLAMP ((fit_width - 2 * IMAGE_PAD) * 0.28, 110, 220) : 200;
  *chart_width = fit_width > 0 ? MAX (fit_width - 2 * IMAGE_PAD - *name_width, 100) : 0;
}

static double
image_title_height (RolloutReport *self)
{
  return self->line_heights[REPORT_FONT_HEADING] + 8;
}

/**
 * rollout_report_get_timeline_size:
 * @self: a #RolloutReport
 * @fit_width: the width to fit the timeline's range into, in points, or 0
 *   for its natural width
 * @out_width: (out): where to store the image's width, in points
 * @out_height: (out): where to store the image's height, in points
 *
 * Gives the size of the picture of the whole timeline that
 * rollout_report_draw_timeline() draws.
 */
void
rollout_report_get_timeline_size (RolloutReport *self,
                                  double         fit_width,
                                  double        *out_width,
                                  double        *out_height)
{
  g_autoptr(ReportTimeline) timeline = NULL;
  double name_width, chart_width;

  g_return_if_fail (ROLLOUT_IS_REPORT (self));
  g_return_if_fail (out_width != NULL && out_height != NULL);

  image_geometry (self, fit_width, &name_width, &chart_width);
  timeline = report_timeline_new (self, name_width, chart_width, fit_width > 0);
  *out_width = ceil (2 * IMAGE_PAD + name_width + report_timeline_get_width (timeline));
  *out_height = ceil (2 * IMAGE_PAD + image_title_height (self) +
                      report_timeline_view_height (timeline, report_timeline_get_n_rows (timeline)));
}

/**
 * rollout_report_draw_timeline:
 * @self: a #RolloutReport
 * @cr: where to draw, in points, from the image's top-left corner
 * @fit_width: as given to rollout_report_get_timeline_size()
 *
 * Draws the whole timeline as one picture, for slides and wikis: the plan's
 * name, then every row over the whole range, with the time scale on top.
 */
void
rollout_report_draw_timeline (RolloutReport *self,
                              cairo_t       *cr,
                              double         fit_width)
{
  g_autoptr(ReportTimeline) timeline = NULL;
  ReportCanvas canvas = { 0 };
  double name_width, chart_width, width, height, title_height;
  guint n_rows;

  g_return_if_fail (ROLLOUT_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  image_geometry (self, fit_width, &name_width, &chart_width);
  timeline = report_timeline_new (self, name_width, chart_width, fit_width > 0);
  n_rows = report_timeline_get_n_rows (timeline);
  width = 2 * IMAGE_PAD + name_width + report_timeline_get_width (timeline);
  height = 2 * IMAGE_PAD + image_title_height (self) + report_timeline_view_height (timeline, n_rows);
  title_height = image_title_height (self);

  canvas.report = self;
  canvas.cr = cr;
  cairo_get_matrix (cr, &canvas.to_page);
  if (cairo_matrix_invert (&canvas.to_page) != CAIRO_STATUS_SUCCESS)
    return;

  cairo_save (cr);
  report_fill_rect (cr, &(ReportColor) { 1, 1, 1 }, 0, 0, ceil (width), ceil (height));
  report_draw_text (&canvas, REPORT_FONT_HEADING, &report_color_text,
                    rollout_project_get_name (self->project),
                    IMAGE_PAD, IMAGE_PAD, width - 2 * IMAGE_PAD,
                    self->line_heights[REPORT_FONT_HEADING], 1, 0);
  report_timeline_draw_view (timeline, &canvas, IMAGE_PAD, IMAGE_PAD + title_height,
                             width - 2 * IMAGE_PAD, 0, n_rows, -1, -1, -1);
  cairo_restore (cr);
}

/**
 * rollout_report_set_text_func:
 * @self: a #RolloutReport
 * @func: (nullable): called for every piece of text drawn
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Watches where the report puts its text, for tests.
 */
void
rollout_report_set_text_func (RolloutReport         *self,
                              RolloutReportTextFunc  func,
                              gpointer               user_data,
                              GDestroyNotify         destroy)
{
  g_return_if_fail (ROLLOUT_IS_REPORT (self));

  if (self->text_destroy != NULL)
    self->text_destroy (self->text_data);
  self->text_func = func;
  self->text_data = user_data;
  self->text_destroy = destroy;
}
