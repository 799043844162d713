/* rollout-csv.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A reader of comma-separated values as RFC 4180 describes them.
 *
 * Records end at CRLF, LF or a lone CR; fields are separated by commas; a
 * field in double quotes may hold commas, line breaks and doubled quotes.
 * Beyond the RFC, as spreadsheets and hand-edited files need: a UTF-8 byte
 * order mark at the start is skipped, empty lines between records are
 * skipped, spaces and tabs around a quoted field are ignored, and line
 * breaks inside quoted fields come out as "\n" whatever the file used.
 *
 * The reader never stops at a bad record. It reports it (with the line the
 * record starts on) and goes on from the next line, so a caller can list
 * every problem of a file in one pass: a stray quote in an unquoted field or
 * text after a closing quote ends the record at the end of that physical
 * line; a record that is not UTF-8 is reported whole. Only a quoted field
 * that is never closed swallows the rest of the file, as the RFC reads it.
 *
 * Fields are unescaped into one buffer that is reused from record to record,
 * so reading allocates nothing per record once the buffer has grown to the
 * longest one.
 */

#define G_LOG_DOMAIN "rollout-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-csv.h"

struct _RolloutCsvReader
{
  const char *data;
  gsize length;
  gsize pos;
  guint line;          /* physical line at pos, 1-based */
  guint record_line;   /* where the current record starts */
  GString *buffer;     /* the current record's fields, each NUL-terminated */
  GArray *offsets;     /* guint: where each field starts in buffer */
  gboolean trim;
};

G_DEFINE_QUARK (rollout-csv-error-quark, rollout_csv_error)

/**
 * rollout_csv_reader_new:
 * @data: the file's contents; not copied, so it must outlive the reader
 * @length: the length of @data in bytes
 *
 * Returns: (transfer full): a reader positioned before the first record
 */
RolloutCsvReader *
rollout_csv_reader_new (const char *data,
                        gsize       length)
{
  RolloutCsvReader *self = g_new0 (RolloutCsvReader, 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self->data = data;
  self->length = length;
  self->line = 1;
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  return self;
}

void
rollout_csv_reader_free (RolloutCsvReader *self)
{
  if (self == NULL)
    return;
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->offsets);
  g_free (self);
}

/**
 * rollout_csv_reader_set_trim:
 * @self: a #RolloutCsvReader
 * @trim: whether to trim fields
 *
 * Sets whether white space (spaces, tabs, line breaks) at the start and end
 * of each field, quoted or not, is left out of the fields returned.
 */
void
rollout_csv_reader_set_trim (RolloutCsvReader *self,
                             gboolean          trim)
{
  g_return_if_fail (self != NULL);

  self->trim = !!trim;
}

/* Trims each field of the record in place: the offsets move forward and
 * the ends get their NULs earlier. */
static void
trim_fields (RolloutCsvReader *self)
{
  for (guint i = 0; i < self->offsets->len; i++)
    {
      guint *offset = &g_array_index (self->offsets, guint, i);
      char *start = self->buffer->str + *offset;
      char *end = start + strlen (start);

      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      *end = '\0';
      *offset = start - self->buffer->str;
    }
}

/* Consumes one line break at pos, if there is one. */
static gboolean
eat_newline (RolloutCsvReader *self)
{
  if (self->pos >= self->length)
    return FALSE;
  if (self->data[self->pos] == '\r')
    {
      self->pos++;
      if (self->pos < self->length && self->data[self->pos] == '\n')
        self->pos++;
      self->line++;
      return TRUE;
    }
  if (self->data[self->pos] == '\n')
    {
      self->pos++;
      self->line++;
      return TRUE;
    }
  return FALSE;
}

static void
skip_rest_of_line (RolloutCsvReader *self)
{
  while (self->pos < self->length &&
         self->data[self->pos] != '\n' && self->data[self->pos] != '\r')
    self->pos++;
  eat_newline (self);
}

static void
skip_blanks (RolloutCsvReader *self)
{
  while (self->pos < self->length &&
         (self->data[self->pos] == ' ' || self->data[self->pos] == '\t'))
    self->pos++;
}

static gboolean
at_field_end (RolloutCsvReader *self)
{
  char c;

  if (self->pos >= self->length)
    return TRUE;
  c = self->data[self->pos];
  return c == ',' || c == '\n' || c == '\r';
}

/* Reads a quoted field; pos is just after the opening quote. */
static gboolean
read_quoted (RolloutCsvReader  *self,
             guint              field,
             GError           **error)
{
  for (;;)
    {
      const char *start = self->data + self->pos;
      const char *quote = memchr (start, '"', self->length - self->pos);
      const char *end = quote != NULL ? quote : self->data + self->length;

      /* Copy up to the quote, turning CRLF and lone CR into LF. */
      for (const char *p = start; p < end;)
        {
          const char *run = p;

          while (p < end && *p != '\r')
            {
              if (*p == '\n')
                self->line++;
              p++;
            }
          g_string_append_len (self->buffer, run, p - run);
          if (p < end)
            {
              g_string_append_c (self->buffer, '\n');
              self->line++;
              p++;
              if (p < end && *p == '\n')
                p++;
            }
        }

      if (quote == NULL)
        {
          self->pos = self->length;
          g_set_error (error, ROLLOUT_CSV_ERROR, ROLLOUT_CSV_ERROR_UNTERMINATED,
                       _("the quoted field %u is never closed"), field + 1);
          return FALSE;
        }
      self->pos = quote - self->data + 1;
      if (self->pos < self->length && self->data[self->pos] == '"')
        {
          g_string_append_c (self->buffer, '"');
          self->pos++;
          continue;
        }
      break;
    }

  skip_blanks (self);
  if (!at_field_end (self))
    {
      g_set_error (error, ROLLOUT_CSV_ERROR, ROLLOUT_CSV_ERROR_QUOTE,
                   _("text after the closing quote of field %u; inside quotes, write a quote as two quotes (\"\")"),
                   field + 1);
      skip_rest_of_line (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_unquoted (RolloutCsvReader  *self,
               guint              field,
               GError           **error)
{
  gsize start = self->pos;

  while (!at_field_end (self))
    {
      if (self->data[self->pos] == '"')
        {
          g_set_error (error, ROLLOUT_CSV_ERROR, ROLLOUT_CSV_ERROR_QUOTE,
                       _("a double quote in the unquoted field %u; put the field in quotes and write the quote as two quotes (\"\")"),
                       field + 1);
          skip_rest_of_line (self);
          return FALSE;
        }
      self->pos++;
    }
  g_string_append_len (self->buffer, self->data + start, self->pos - start);
  return TRUE;
}

/**
 * rollout_csv_reader_next:
 * @self: a #RolloutCsvReader
 * @error: where to put why a record is bad
 *
 * Reads the next record, skipping empty lines.
 *
 * Returns %TRUE when a record was read: its fields are then available
 * until the next call. Returns %FALSE with @error set when the record was
 * bad (the reader has moved past it; call again for the next one), and
 * %FALSE without an error at the end of the data.
 *
 * Returns: whether a good record was read
 */
gboolean
rollout_csv_reader_next (RolloutCsvReader  *self,
                         GError           **error)
{
  gsize record_start;
  guint field = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->pos == 0 && self->length >= 2 &&
      (memcmp (self->data, "\xFF\xFE", 2) == 0 || memcmp (self->data, "\xFE\xFF", 2) == 0))
    {
      self->pos = self->length;
      self->record_line = 1;
      g_set_error_literal (error, ROLLOUT_CSV_ERROR, ROLLOUT_CSV_ERROR_ENCODING,
                           _("the file is UTF-16 text; save it as UTF-8"));
      return FALSE;
    }

  while (eat_newline (self))
    ;
  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);
  if (self->pos >= self->length)
    return FALSE;

  record_start = self->pos;
  self->record_line = self->line;

  for (;; field++)
    {
      guint offset = self->buffer->len;
      gsize field_start = self->pos;
      gboolean ok;

      g_array_append_val (self->offsets, offset);
      skip_blanks (self);
      if (self->pos < self->length && self->data[self->pos] == '"')
        {
          self->pos++;
          ok = read_quoted (self, field, error);
        }
      else
        {
          self->pos = field_start;
          ok = read_unquoted (self, field, error);
        }
      if (!ok)
        return FALSE;
      g_string_append_c (self->buffer, '\0');

      if (self->pos < self->length && self->data[self->pos] == ',')
        {
          self->pos++;
          continue;
        }
      break;
    }

  if (!g_utf8_validate_len (self->data + record_start, self->pos - record_start, NULL))
    {
      eat_newline (self);
      g_set_error_literal (error, ROLLOUT_CSV_ERROR, ROLLOUT_CSV_ERROR_ENCODING,
                           _("the line is not valid UTF-8 text"));
      return FALSE;
    }
  eat_newline (self);
  if (self->trim)
    trim_fields (self);
  return TRUE;
}

/**
 * rollout_csv_reader_get_line:
 * @self: a #RolloutCsvReader
 *
 * Returns: the 1-based line on which the last record (good or bad) starts
 */
guint
rollout_csv_reader_get_line (RolloutCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * rollout_csv_reader_get_n_fields:
 * @self: a #RolloutCsvReader
 *
 * Returns: how many fields the last good record has (at least 1)
 */
guint
rollout_csv_reader_get_n_fields (RolloutCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offsets->len;
}

/**
 * rollout_csv_reader_get_field:
 * @self: a #RolloutCsvReader
 * @index: which field, from 0
 *
 * Returns: (transfer none): the field's text, unquoted; valid until the next
 *   call to rollout_csv_reader_next()
 */
const char *
rollout_csv_reader_get_field (RolloutCsvReader *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->offsets->len, NULL);

  return self->buffer->str + g_array_index (self->offsets, guint, index);
}

/**
 * rollout_csv_reader_get_offset:
 * @self: a #RolloutCsvReader
 *
 * Returns: how many bytes of the data have been read, for progress
 */
gsize
rollout_csv_reader_get_offset (RolloutCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pos;
}
