/* rollout-report-export.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing a report to a file: a PDF of every page, or the timeline as one
 * SVG or PNG picture.
 *
 * The file is replaced atomically, like a saved plan, but the bytes are
 * never held in memory: cairo streams them into a temporary file beside
 * the target, which is flushed and renamed over it only once complete. A
 * failed or cancelled export removes the temporary file and leaves any old
 * file as it was.
 *
 * A long export says how far it got after every page, through a progress
 * function that may also stop it: between pages is where both a
 * #GCancellable and the progress function are heeded. */

#define G_LOG_DOMAIN "rollout-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rollout-report-private.h"

/* A PNG is drawn at twice the points (144 dpi), less when that would make
 * it too large; beyond these it is refused. */
#define PNG_SCALE       2.0
#define PNG_MAX_SIDE    16384
#define PNG_MAX_PIXELS  (64.0 * 1024 * 1024)

typedef struct {
  int                        fd;      /* a local temporary file, or -1 */
  GOutputStream             *stream;  /* or a stream from GIO */
  GCancellable              *cancellable;
  RolloutReportProgressFunc  progress_func;
  gpointer                   progress_data;
  GError                    *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (sink->stream != NULL)
    {
      if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
        return CAIRO_STATUS_WRITE_ERROR;
      return CAIRO_STATUS_SUCCESS;
    }

  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          g_set_error_literal (&sink->error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               Sink             *sink,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_FAILED,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Tells the progress function that @page of @n_pages are done; returns
 * FALSE, with an error, when the export is to stop. */
static gboolean
report_progress (Sink    *sink,
                 guint    page,
                 guint    n_pages,
                 GError **error)
{
  if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
    return FALSE;
  if (sink->progress_func != NULL &&
      !sink->progress_func (n_pages > 0 ? (double) page / n_pages : 1.0, page, n_pages, sink->progress_data))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }
  return TRUE;
}

static char *
iso_date (RolloutDate date)
{
  char buf[11];

  rollout_date_format_buf (date, buf);
  return g_strdup_printf ("%sT00:00:00", buf);
}

static gboolean
render_pdf (RolloutReport  *self,
            Sink           *sink,
            double          width,
            double          height,
            GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *created = iso_date (rollout_report_get_printed (self));
  g_autofree char *creator = g_strdup_printf ("Rollout %s", PACKAGE_VERSION);
  const char *last_section = NULL;
  guint n_pages = rollout_report_paginate (self, width, height);
  gboolean ok = TRUE;

  surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
  /* Fixed dates make the same plan give the same file. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  rollout_project_get_name (rollout_report_get_project (self)));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, created);

  cr = cairo_create (surface);
  ok = report_progress (sink, 0, n_pages, error);
  for (guint page = 0; page < n_pages && ok; page++)
    {
      const char *section = rollout_report_get_page_section (self, page);

      /* A bookmark at the start of each section. */
      if (g_strcmp0 (section, last_section) != 0)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", page + 1);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                         report_get_section_title (self, page), link, 0);
          last_section = section;
        }
      /* White paper first: then cairo sees every later drawing fall inside
       * what is already drawn, and its bookkeeping per page stays
       * constant instead of growing with what the page holds. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      rollout_report_draw_page (self, cr, page);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS || sink->error != NULL)
        ok = FALSE;
      else
        ok = report_progress (sink, page + 1, n_pages, error);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, sink, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
render_svg (RolloutReport  *self,
            Sink           *sink,
            double          fit_width,
            GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  if (!report_progress (sink, 0, 1, error))
    return FALSE;
  rollout_report_get_timeline_size (self, fit_width, &width, &height);
  surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  rollout_report_draw_timeline (self, cr, fit_width);
  cairo_destroy (cr);
  ok = report_progress (sink, 1, 1, error);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, sink, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
render_png (RolloutReport  *self,
            Sink           *sink,
            double          fit_width,
            GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale = PNG_SCALE;
  int pixels_w, pixels_h;
  cairo_status_t status;
  gboolean ok;

  if (!report_progress (sink, 0, 1, error))
    return FALSE;
  rollout_report_get_timeline_size (self, fit_width, &width, &height);
  scale = MIN (scale, PNG_MAX_SIDE / MAX (width, height));
  if (scale < 1.0 || width * height * scale * scale > PNG_MAX_PIXELS)
    {
      g_set_error (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_TOO_LARGE,
                   _("The timeline is too large for a PNG image (%.0f × %.0f points); "
                     "print a shorter range, fit it to the width, or use SVG or PDF"),
                   width, height);
      return FALSE;
    }
  pixels_w = (int) ceil (width * scale);
  pixels_h = (int) ceil (height * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixels_w, pixels_h);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  rollout_report_draw_timeline (self, cr, fit_width);
  cairo_destroy (cr);
  if (!report_progress (sink, 1, 1, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
  ok = check_surface (surface, sink, error);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ROLLOUT_REPORT_ERROR, ROLLOUT_REPORT_ERROR_FAILED,
                   _("Could not write the image: %s"), cairo_status_to_string (status));
      ok = FALSE;
    }
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
render (RolloutReport        *self,
        Sink                 *sink,
        RolloutReportFormat   format,
        double                page_width,
        double                page_height,
        GError              **error)
{
  /* Pictures fitted to the width are as wide as the page. */
  double fit = report_get_options (self)->fit_width ? page_width : 0;

  switch (format)
    {
    case ROLLOUT_REPORT_FORMAT_SVG:
      return render_svg (self, sink, fit, error);
    case ROLLOUT_REPORT_FORMAT_PNG:
      return render_png (self, sink, fit, error);
    case ROLLOUT_REPORT_FORMAT_PDF:
    default:
      return render_pdf (self, sink, page_width, page_height, error);
    }
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_local (RolloutReport        *self,
             const char           *target,
             RolloutReportFormat   format,
             double                page_width,
             double                page_height,
             Sink                 *sink,
             GError              **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  mode_t mode;
  int dir_fd;

  /* Replace what a link points to, not the link. */
  resolved = realpath (target, NULL);
  if (resolved == NULL)
    resolved = g_strdup (target);
  dir = g_path_get_dirname (resolved);
  base = g_path_get_basename (resolved);

  if (stat (resolved, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return set_errno_error (error, EISDIR, resolved);
      mode = st.st_mode & 07777;
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }

  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sink->fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink->fd < 0)
    return set_errno_error (error, errno, resolved);

  if (!render (self, sink, format, page_width, page_height, error))
    {
      close (sink->fd);
      g_unlink (temp);
      g_clear_error (&sink->error);
      return FALSE;
    }

  if (fchmod (sink->fd, mode) != 0 || fsync (sink->fd) != 0)
    {
      int saved = errno;

      close (sink->fd);
      g_unlink (temp);
      return set_errno_error (error, saved, resolved);
    }
  if (close (sink->fd) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_errno_error (error, saved, resolved);
    }
  if (g_rename (temp, resolved) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_errno_error (error, saved, resolved);
    }

  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/**
 * rollout_report_write:
 * @self: a #RolloutReport
 * @file: where to write
 * @format: a PDF of every page, or an image of the timeline
 * @page_width: the page's width, in points (for images fitted to the
 *   width, the image's width)
 * @page_height: the page's height, in points
 * @cancellable: (nullable): a #GCancellable, checked between pages
 * @error: return location for an error
 *
 * Writes the report, replacing @file atomically: until the new file is
 * complete the old one stays as it was, and a failure leaves nothing
 * behind. A PDF is paginated for the page size and written page by page,
 * with a bookmark for each section.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_report_write (RolloutReport        *self,
                      GFile                *file,
                      RolloutReportFormat   format,
                      double                page_width,
                      double                page_height,
                      GCancellable         *cancellable,
                      GError              **error)
{
  return rollout_report_write_full (self, file, format, page_width, page_height,
                                    NULL, NULL, cancellable, error);
}

/**
 * rollout_report_write_full:
 * @self: a #RolloutReport
 * @file: where to write
 * @format: a PDF of every page, or an image of the timeline
 * @page_width: the page's width, in points (for images fitted to the
 *   width, the image's width)
 * @page_height: the page's height, in points
 * @progress_func: (nullable) (scope call): told how far the export got
 *   after each page, and may stop it
 * @progress_data: data for @progress_func
 * @cancellable: (nullable): a #GCancellable, checked between pages
 * @error: return location for an error
 *
 * Writes the report like rollout_report_write(), telling @progress_func
 * how far it got. The export runs in the calling thread, which may be a
 * worker: @progress_func is called there too. When @progress_func returns
 * %FALSE or @cancellable is cancelled, the export stops with
 * %G_IO_ERROR_CANCELLED and leaves neither a new file nor a temporary
 * one; an old file stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_report_write_full (RolloutReport              *self,
                           GFile                      *file,
                           RolloutReportFormat         format,
                           double                      page_width,
                           double                      page_height,
                           RolloutReportProgressFunc   progress_func,
                           gpointer                    progress_data,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  Sink sink = { -1, NULL, cancellable, progress_func, progress_data, NULL };

  g_return_val_if_fail (ROLLOUT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (page_width > 0 && page_height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return write_local (self, path, format, page_width, page_height, &sink, error);

  /* Remote locations (GVfs): GIO writes a temporary and renames it where
   * the backend can, which is the best that can be done there. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;
  sink.stream = G_OUTPUT_STREAM (stream);
  if (!render (self, &sink, format, page_width, page_height, error))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* Closing a cancelled stream leaves the old file in place. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      g_clear_error (&sink.error);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
