/* test-csv.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "rollout-csv.h"
#include "rollout-file.h"
#include "rollout-gates.h"
#include "rollout-history.h"
#include "rollout-import-csv.h"

/* The reader --------------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *input;
  gssize      length;    /* -1: up to the NUL */
  const char *expected;  /* per record "LINE:field|field", or "LINE!error"; "⏎" for "\n" in a field */
} ReaderCase;

static const ReaderCase reader_cases[] = {
  { "lf", "a,b\nc,d\n", -1, "1:a|b\n2:c|d" },
  { "crlf", "a,b\r\nc,d\r\n", -1, "1:a|b\n2:c|d" },
  { "lone-cr", "a\rb\r", -1, "1:a\n2:b" },
  { "no-final-newline", "a,b\nc", -1, "1:a|b\n2:c" },
  { "empty-lines-skipped", "\n\na\r\n\r\n\nb\n\n", -1, "3:a\n6:b" },
  { "bom", "\xEF\xBB\xBF" "date,value\r\n", -1, "1:date|value" },
  { "bom-only", "\xEF\xBB\xBF", -1, "" },
  { "empty", "", -1, "" },
  { "empty-fields", ",,\n,\n", -1, "1:||\n2:|" },
  { "quoted-comma", "\"a,b\",c", -1, "1:a,b|c" },
  { "doubled-quotes", "\"say \"\"hi\"\"\",\"\"\"\"", -1, "1:say \"hi\"|\"" },
  { "empty-quoted", "\"\",a,\"\"", -1, "1:|a|" },
  { "embedded-newline", "\"x\ny\",z\nnext", -1, "1:x⏎y|z\n3:next" },
  { "embedded-crlf-becomes-lf", "\"x\r\ny\r\nz\"\r\nq", -1, "1:x⏎y⏎z\n4:q" },
  { "embedded-empty-lines-kept", "\"a\n\n\nb\"\nc", -1, "1:a⏎⏎⏎b\n5:c" },
  { "spaces-around-quoted", " \"a\" ,\t\"b\"\t\n", -1, "1:a|b" },
  { "spaces-in-unquoted-kept", " a , b\n", -1, "1: a | b" },
  { "utf8", "Zoë,“quoted”,日本\n", -1, "1:Zoë|“quoted”|日本" },
  { "stray-quote", "ab\"c,d\nok", -1, "1!quote\n2:ok" },
  { "text-after-closing-quote", "\"a\"b,c\nok\n", -1, "1!quote\n2:ok" },
  { "bad-row-in-the-middle", "a\nb\"\nc\n", -1, "1:a\n2!quote\n3:c" },
  { "unterminated", "a\n\"open,\nmore\n", -1, "1:a\n2!unterminated" },
  { "not-utf8", "ok\n\xC3\x28,x\nnext", -1, "1:ok\n2!encoding\n3:next" },
  { "latin1-in-quotes", "\"caf\xE9\nbar\",1\nnext", -1, "1!encoding\n3:next" },
  { "nul-byte", "a\0b\nc", 5, "1!encoding\n2:c" },
  { "utf16", "\xFF\xFE" "a\0,\0b\0", 8, "1!encoding" },
};

static char *
read_all (const char *data,
          gsize       length)
{
  g_autoptr(RolloutCsvReader) reader = rollout_csv_reader_new (data, length);
  g_autoptr(GString) out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = rollout_csv_reader_next (reader, &error);

      if (!ok && error == NULL)
        break;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%u", rollout_csv_reader_get_line (reader));
      if (!ok)
        {
          g_assert_true (error->domain == ROLLOUT_CSV_ERROR);
          g_assert_cmpstr (error->message, !=, "");
          g_string_append_printf (out, "!%s",
                                  error->code == ROLLOUT_CSV_ERROR_QUOTE ? "quote" :
                                  error->code == ROLLOUT_CSV_ERROR_UNTERMINATED ? "unterminated" :
                                  error->code == ROLLOUT_CSV_ERROR_ENCODING ? "encoding" : "?");
          continue;
        }
      g_string_append_c (out, ':');
      for (guint i = 0; i < rollout_csv_reader_get_n_fields (reader); i++)
        {
          g_autoptr(GString) field = g_string_new (rollout_csv_reader_get_field (reader, i));

          g_string_replace (field, "\n", "⏎", 0);
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, field->str);
        }
    }
  g_assert_cmpuint (rollout_csv_reader_get_offset (reader), ==, length);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_reader (gconstpointer data)
{
  const ReaderCase *c = data;
  gsize length = c->length < 0 ? strlen (c->input) : (gsize) c->length;
  g_autofree char *copy = g_memdup2 (c->input, length);  /* no NUL after the data */
  g_autofree char *result = read_all (copy, length);

  g_assert_cmpstr (result, ==, c->expected);
}

/* Importing ------------------------------------------------------------- */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static char *
demo_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "scooter-reservations.rollout", NULL);
}

static RolloutProject *
load_demo (char  **out_contents,
           gsize  *out_length)
{
  g_autofree char *path = demo_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RolloutProject *project = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  if (out_contents != NULL)
    {
      g_file_get_contents (path, out_contents, out_length, &error);
      g_assert_no_error (error);
    }
  return project;
}

static char *
read_data (const char *name,
           gsize      *out_length)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);
  return contents;
}

/* "LINE: message" per problem, as the .expected files list them. */
static char *
format_problems (RolloutImportCsv *import)
{
  GPtrArray *problems = rollout_import_csv_get_problems (import);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      RolloutImportProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (out, "%u: %s\n", problem->line, problem->message);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_problems (RolloutImportCsv *import,
                 const char       *expected)
{
  g_autofree char *problems = format_problems (import);

  g_assert_cmpstr (problems, ==, expected);
}

static void
assert_valid (RolloutProject *project)
{
  g_autoptr(GPtrArray) diagnostics = rollout_project_validate (project);

  g_assert_cmpuint (diagnostics->len, ==, 0);
}

/* Writes @project with the atomic save, and returns the file's bytes. */
static char *
save_and_read (RolloutProject *project,
               gsize          *out_length)
{
  g_autofree char *dir = g_dir_make_tmp ("rollout-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.rollout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_nonnull (dir);
  g_assert_true (rollout_file_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

static void
assert_same_bytes (const char *a,
                   gsize       a_length,
                   const char *b,
                   gsize       b_length)
{
  g_assert_cmpuint (a_length, ==, b_length);
  g_assert_true (memcmp (a, b, a_length) == 0);
}

static RolloutVerdict
verdict_of (RolloutProject *project,
            const char     *phase_id)
{
  g_autoptr(RolloutGateEvaluation) evaluation =
    rollout_gates_evaluate_phase (project, rollout_project_lookup_phase (project, phase_id));

  return evaluation->verdict;
}

/* Metrics by id and by name, quoted names with commas, spaces around
 * values; then the import is one step of the history, and undoing it gives
 * back the original file byte for byte. */
static void
test_import_metrics_undo (void)
{
  g_autofree char *original = NULL;
  gsize original_length = 0;
  g_autoptr(RolloutProject) project = load_demo (&original, &original_length);
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  g_autoptr(RolloutImportCsv) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  gsize csv_length = 0, imported_length = 0, undone_length = 0, redone_length = 0;
  RolloutMetric *no_shows = rollout_project_lookup_metric (project, "no-show-rate");
  RolloutMetric *satisfaction = rollout_project_lookup_metric (project, "satisfaction");
  guint no_shows_before = rollout_metric_get_samples (no_shows)->len;
  guint satisfaction_before = rollout_metric_get_samples (satisfaction)->len;
  GArray *samples;
  RolloutSample *last;
  RolloutCommand *command;

  /* The pilot waits for its riders' satisfaction survey. */
  g_assert_cmpint (verdict_of (project, "pilot"), ==, ROLLOUT_VERDICT_PENDING);

  csv = read_data ("metrics-pilot.csv", &csv_length);
  import = rollout_import_csv_metrics (project, csv, csv_length, ROLLOUT_IMPORT_CSV_NONE);
  g_assert_true (rollout_import_csv_get_header_ok (import));
  g_assert_cmpuint (rollout_import_csv_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (rollout_import_csv_get_n_rows (import), ==, 7);
  g_assert_cmpuint (rollout_import_csv_get_n_valid (import), ==, 7);
  g_assert_cmpuint (rollout_import_csv_get_feedback (import)->len, ==, 0);

  samples = rollout_import_csv_get_samples (import);
  g_assert_cmpuint (samples->len, ==, 7);
  for (guint i = 0; i < samples->len; i++)
    {
      RolloutImportSample *s = &g_array_index (samples, RolloutImportSample, i);

      g_assert_cmpuint (s->line, ==, i + 2);
      g_assert_true (s->metric == (i < 5 ? no_shows : satisfaction));
      g_assert_cmpstr (s->sample->phase_id, ==, "pilot");
    }
  /* "  No-Show Rate ", " 8.4 " */
  g_assert_cmpfloat ((&g_array_index (samples, RolloutImportSample, 4))->sample->value, ==, 8.4);

  command = rollout_import_csv_get_command (import);
  g_assert_nonnull (command);
  g_assert_cmpstr (rollout_command_get_label (command), ==, "Import 7 metric samples");
  /* Nothing changes until the command runs. */
  g_assert_cmpuint (rollout_metric_get_samples (no_shows)->len, ==, no_shows_before);

  g_assert_true (rollout_history_execute (history, command, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rollout_metric_get_samples (no_shows)->len, ==, no_shows_before + 5);
  g_assert_cmpuint (rollout_metric_get_samples (satisfaction)->len, ==, satisfaction_before + 2);
  last = g_ptr_array_index (rollout_metric_get_samples (no_shows), no_shows_before + 4);
  g_assert_cmpfloat (last->value, ==, 8.4);
  g_assert_cmpstr (last->phase_id, ==, "pilot");
  /* The survey's scores are in and the no-show rate still passes: GO. */
  g_assert_cmpint (verdict_of (project, "pilot"), ==, ROLLOUT_VERDICT_GO);
  imported = save_and_read (project, &imported_length);
  g_assert_cmpuint (imported_length, >, original_length);
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Import 7 metric samples");

  /* One undo takes all of it back. */
  g_assert_true (rollout_history_undo (history));
  g_assert_false (rollout_history_can_undo (history));
  g_assert_false (rollout_history_get_modified (history));
  g_assert_cmpint (verdict_of (project, "pilot"), ==, ROLLOUT_VERDICT_PENDING);
  undone = save_and_read (project, &undone_length);
  assert_same_bytes (undone, undone_length, original, original_length);

  g_assert_true (rollout_history_redo (history));
  redone = save_and_read (project, &redone_length);
  assert_same_bytes (redone, redone_length, imported, imported_length);
}

/* A BOM, CRLF line ends, empty lines, a capitalised header, quoted fields
 * and a sample without a phase. */
static void
test_import_bom_crlf (void)
{
  g_autoptr(RolloutProject) project = load_demo (NULL, NULL);
  g_autoptr(RolloutImportCsv) import = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;
  GArray *samples;
  RolloutImportSample *s;

  csv = read_data ("metrics-bom-crlf.csv", &length);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "\r\n\r\n"));
  import = rollout_import_csv_metrics (project, csv, length, ROLLOUT_IMPORT_CSV_NONE);
  assert_problems (import, "");
  g_assert_cmpuint (rollout_import_csv_get_n_rows (import), ==, 3);
  samples = rollout_import_csv_get_samples (import);
  g_assert_cmpuint (samples->len, ==, 3);

  s = &g_array_index (samples, RolloutImportSample, 0);
  g_assert_cmpuint (s->line, ==, 3);
  g_assert_cmpstr (rollout_metric_get_id (s->metric), ==, "reservations-per-day");
  g_assert_cmpfloat (s->sample->value, ==, 212);
  s = &g_array_index (samples, RolloutImportSample, 1);
  g_assert_cmpuint (s->line, ==, 5);
  g_assert_cmpfloat (s->sample->value, ==, 219.5);
  g_assert_cmpuint (s->sample->date, ==, rollout_date_from_ymd (2026, 3, 28));
  s = &g_array_index (samples, RolloutImportSample, 2);
  g_assert_cmpuint (s->line, ==, 6);
  g_assert_cmpstr (rollout_metric_get_id (s->metric), ==, "satisfaction");
  g_assert_null (s->sample->phase_id);
  g_assert_nonnull (rollout_import_csv_get_command (import));
}

/* Unknown metric and phase, bad dates, bad numbers, missing values, wrong
 * field counts and bad quoting: every bad row is reported with its line;
 * nothing is imported unless bad rows are skipped. */
static void
test_import_bad_rows (void)
{
  g_autoptr(RolloutProject) project = load_demo (NULL, NULL);
  g_autoptr(RolloutImportCsv) strict = NULL;
  g_autoptr(RolloutImportCsv) lenient = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *problems = NULL;
  gsize length = 0;
  GArray *samples;

  csv = read_data ("metrics-bad.csv", &length);
  expected = read_data ("metrics-bad.expected", NULL);

  strict = rollout_import_csv_metrics (project, csv, length, ROLLOUT_IMPORT_CSV_NONE);
  problems = format_problems (strict);
  g_assert_cmpstr (problems, ==, expected);
  g_assert_true (rollout_import_csv_get_header_ok (strict));
  g_assert_cmpuint (rollout_import_csv_get_n_rows (strict), ==, 14);
  g_assert_cmpuint (rollout_import_csv_get_n_valid (strict), ==, 2);
  g_assert_null (rollout_import_csv_get_command (strict));

  lenient = rollout_import_csv_metrics (project, csv, length, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
  g_assert_cmpuint (rollout_import_csv_get_problems (lenient)->len, ==, 12);
  samples = rollout_import_csv_get_samples (lenient);
  g_assert_cmpuint (samples->len, ==, 2);
  g_assert_cmpuint ((&g_array_index (samples, RolloutImportSample, 0))->line, ==, 2);
  g_assert_cmpuint ((&g_array_index (samples, RolloutImportSample, 1))->line, ==, 15);
  g_assert_nonnull (rollout_import_csv_get_command (lenient));
  g_assert_cmpstr (rollout_command_get_label (rollout_import_csv_get_command (lenient)), ==,
                   "Import 2 metric samples");
}

typedef struct {
  const char *name;
  const char *csv;
  gboolean    feedback;
  gboolean    header_ok;
  const char *problems;
} HeaderCase;

static const HeaderCase header_cases[] = {
  { "empty-file", "", FALSE, FALSE,
    "1: the file is empty; it needs a header line such as date,metric,phase,value\n" },
  { "only-empty-lines", "\r\n\r\n\n", TRUE, FALSE,
    "1: the file is empty; it needs a header line such as date,phase,source,sentiment,tags,text\n" },
  { "no-header", "2026-03-01,satisfaction,pilot,4.2\n", FALSE, FALSE,
    "1: the first line must be a header naming the columns: date,metric,phase,value\n" },
  { "missing-columns", "date,phase\n", FALSE, FALSE,
    "1: the header has no metric, value columns; it should read date,metric,phase,value\n" },
  { "missing-column", "date,metric,phase\n2026-03-01,satisfaction,pilot\n", FALSE, FALSE,
    "1: the header has no value column; it should read date,metric,phase,value\n" },
  { "duplicate-column", "date,metric,value,Value\n", FALSE, FALSE,
    "1: the column “value” appears twice in the header\n" },
  { "feedback-columns-in-metrics", "date,metric,phase,value,text\n", FALSE, FALSE,
    "1: unknown column “text” in the header; the columns are date,metric,phase,value\n" },
  { "bad-quoting-in-header", "date,\"metric\"x,value\n", FALSE, FALSE,
    "1: the header line cannot be read: text after the closing quote of field 2; inside quotes, write a quote as two quotes (\"\")\n" },
  { "columns-in-any-order", "\n\nValue , DATE,metric\n4.2,2026-03-01,satisfaction\n", FALSE, TRUE, "" },
  { "phase-column-optional", "date,metric,value\n2026-03-01,satisfaction,4.2\n", FALSE, TRUE, "" },
  { "feedback-minimal", "text,sentiment,date\nGreat,positive,2026-03-01\n", TRUE, TRUE, "" },
  { "feedback-missing-text", "date,sentiment\n", TRUE, FALSE,
    "1: the header has no text column; it should read date,phase,source,sentiment,tags,text\n" },
  { "header-only", "date,metric,phase,value\r\n", FALSE, TRUE, "" },
  { "blank-rows-skipped", "date,metric,phase,value\n,,,\n  , ,,\n2026-03-01,satisfaction,,1\n", FALSE, TRUE, "" },
  { "utf16", "\xFF\xFE" "d\0", FALSE, FALSE,
    "1: the header line cannot be read: the file is UTF-16 text; save it as UTF-8\n" },
};

static void
test_import_header (gconstpointer data)
{
  const HeaderCase *c = data;
  g_autoptr(RolloutProject) project = load_demo (NULL, NULL);
  gsize length = strlen (c->csv);
  g_autoptr(RolloutImportCsv) import = c->feedback
    ? rollout_import_csv_feedback (project, c->csv, length, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS)
    : rollout_import_csv_metrics (project, c->csv, length, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
  g_autofree char *problems = format_problems (import);

  g_assert_cmpstr (problems, ==, c->problems);
  g_assert_cmpint (rollout_import_csv_get_header_ok (import), ==, c->header_ok);
  if (!c->header_ok)
    {
      g_assert_cmpuint (rollout_import_csv_get_n_rows (import), ==, 0);
      g_assert_null (rollout_import_csv_get_command (import));
    }
  else
    g_assert_cmpint (rollout_import_csv_get_command (import) != NULL, ==,
                     rollout_import_csv_get_n_valid (import) > 0);
}

/* Names are matched ignoring case; a name two metrics share must be given
 * as an id. */
static void
test_import_names (void)
{
  g_autoptr(RolloutProject) project = rollout_project_new ("names");
  g_autoptr(RolloutMetric) a = rollout_metric_new ("nps");
  g_autoptr(RolloutMetric) b = rollout_metric_new ("nps-2");
  g_autoptr(RolloutMetric) c = rollout_metric_new ("Churn");
  g_autoptr(RolloutPhase) phase = rollout_phase_new ("beta");
  g_autoptr(RolloutImportCsv) import = NULL;
  const char *csv =
    "date,metric,phase,value\n"
    "2026-03-01,Net promoter score,beta,1\n"
    "2026-03-01,nps,BETA,2\n"
    "2026-03-01,NPS-2,Beta users,3\n"
    "2026-03-01,churn,beta,4\n"
    "2026-03-01,Churn,beta,5\n";
  GArray *samples;

  rollout_metric_set_name (a, "Net promoter score");
  rollout_metric_set_name (b, "Net Promoter Score");
  rollout_metric_set_name (c, "Churn");
  rollout_phase_set_name (phase, "Beta users");
  g_assert_true (rollout_project_insert_metric (project, a, -1));
  g_assert_true (rollout_project_insert_metric (project, b, -1));
  g_assert_true (rollout_project_insert_metric (project, c, -1));
  g_assert_true (rollout_project_insert_phase (project, phase, -1));

  import = rollout_import_csv_metrics (project, csv, strlen (csv), ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
  assert_problems (import, "2: “Net promoter score” could be more than one metric; use the metric’s id\n");
  samples = rollout_import_csv_get_samples (import);
  g_assert_cmpuint (samples->len, ==, 4);
  g_assert_true ((&g_array_index (samples, RolloutImportSample, 0))->metric == a);
  g_assert_true ((&g_array_index (samples, RolloutImportSample, 1))->metric == b);
  g_assert_true ((&g_array_index (samples, RolloutImportSample, 2))->metric == c);
  g_assert_true ((&g_array_index (samples, RolloutImportSample, 3))->metric == c);
  for (guint i = 0; i < samples->len; i++)
    g_assert_cmpstr ((&g_array_index (samples, RolloutImportSample, i))->sample->phase_id, ==, "beta");
}

/* Feedback: quoted text with commas, quotes and line breaks, tags split and
 * de-duplicated, phases and tasks by id or name, new ids; then one undo. */
static void
test_import_feedback (void)
{
  g_autofree char *original = NULL;
  gsize original_length = 0;
  g_autoptr(RolloutProject) project = load_demo (&original, &original_length);
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  g_autoptr(RolloutImportCsv) strict = NULL;
  g_autoptr(RolloutImportCsv) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *undone = NULL;
  gsize length = 0, undone_length = 0;
  GListModel *feedback = rollout_project_get_feedback (project);
  guint before = g_list_model_get_n_items (feedback);
  GArray *entries;
  RolloutFeedback *entry;
  const char * const *tags;

  csv = read_data ("feedback.csv", &length);
  expected = read_data ("feedback.expected", NULL);

  strict = rollout_import_csv_feedback (project, csv, length, ROLLOUT_IMPORT_CSV_NONE);
  problems = format_problems (strict);
  g_assert_cmpstr (problems, ==, expected);
  g_assert_null (rollout_import_csv_get_command (strict));

  import = rollout_import_csv_feedback (project, csv, length, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
  g_assert_cmpuint (rollout_import_csv_get_n_rows (import), ==, 7);
  entries = rollout_import_csv_get_feedback (import);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpuint (rollout_import_csv_get_samples (import)->len, ==, 0);

  entry = (&g_array_index (entries, RolloutImportFeedback, 0))->feedback;
  g_assert_cmpuint ((&g_array_index (entries, RolloutImportFeedback, 0))->line, ==, 2);
  g_assert_cmpstr (rollout_feedback_get_id (entry), ==, "fb-16");
  g_assert_cmpstr (rollout_feedback_get_phase_id (entry), ==, "pilot");
  g_assert_cmpstr (rollout_feedback_get_source (entry), ==, "app-store");
  g_assert_cmpint (rollout_feedback_get_sentiment (entry), ==, ROLLOUT_SENTIMENT_POSITIVE);
  g_assert_cmpstr (rollout_feedback_get_text (entry), ==,
                   "Held a scooter for 10 minutes, walked over, it was there. \"Finally\"!");
  tags = rollout_feedback_get_tags (entry);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "ux");
  g_assert_cmpstr (tags[1], ==, "hold-timer");
  g_assert_null (rollout_feedback_get_task_id (entry));

  entry = (&g_array_index (entries, RolloutImportFeedback, 1))->feedback;
  g_assert_cmpuint ((&g_array_index (entries, RolloutImportFeedback, 1))->line, ==, 4);
  g_assert_cmpstr (rollout_feedback_get_id (entry), ==, "fb-17");
  g_assert_cmpstr (rollout_feedback_get_phase_id (entry), ==, "pilot");
  g_assert_cmpstr (rollout_feedback_get_text (entry), ==, "Two lines:\nfirst, then\nsecond");
  g_assert_null (rollout_feedback_get_tags (entry));
  g_assert_cmpstr (rollout_feedback_get_task_id (entry), ==, "hold-timeout");

  entry = (&g_array_index (entries, RolloutImportFeedback, 2))->feedback;
  g_assert_cmpuint ((&g_array_index (entries, RolloutImportFeedback, 2))->line, ==, 7);
  g_assert_null (rollout_feedback_get_phase_id (entry));
  tags = rollout_feedback_get_tags (entry);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "pricing");
  g_assert_cmpstr (tags[1], ==, "ux");

  entry = (&g_array_index (entries, RolloutImportFeedback, 3))->feedback;
  g_assert_cmpuint ((&g_array_index (entries, RolloutImportFeedback, 3))->line, ==, 10);
  g_assert_cmpstr (rollout_feedback_get_id (entry), ==, "fb-19");
  g_assert_cmpstr (rollout_feedback_get_task_id (entry), ==, "hold-timeout");

  g_assert_true (rollout_history_execute (history, rollout_import_csv_get_command (import), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, before + 4);
  g_assert_nonnull (rollout_project_lookup_feedback (project, "fb-19"));
  assert_valid (project);
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Import 4 feedback entries");

  g_assert_true (rollout_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, before);
  g_assert_null (rollout_project_lookup_feedback (project, "fb-16"));
  undone = save_and_read (project, &undone_length);
  assert_same_bytes (undone, undone_length, original, original_length);
}

/* 100,000 rows ------------------------------------------------------------ */

#define BIG_ROWS 100000

static char *
big_metrics_csv (gsize *out_length)
{
  static const char * const metrics[] = {
    "reservations-per-day", "No-show rate", "tickets-per-1k-rides", "Reservation satisfaction",
  };
  static const char * const phases[] = { "dogfood", "pilot", "\"Pilot: Austin, 5%\"", "expansion" };
  GString *out = g_string_sized_new (BIG_ROWS * 48);
  RolloutDate start = rollout_date_from_ymd (2026, 1, 1);

  g_string_append (out, "date,metric,phase,value\r\n");
  for (guint i = 0; i < BIG_ROWS; i++)
    {
      char date[11];

      rollout_date_format_buf (start + i % 365, date);
      g_string_append_printf (out, "%s,%s,%s,%u.%u\r\n", date, metrics[i % 4], phases[(i / 4) % 4],
                              i % 500, i % 10);
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static void
test_import_100k_rows (void)
{
  g_autoptr(RolloutProject) project = load_demo (NULL, NULL);
  g_autoptr(RolloutImportCsv) import = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;
  guint before = 0, after = 0;
  GListModel *metrics = rollout_project_get_metrics (project);
  double parse_s, apply_s;

  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);

      before += rollout_metric_get_samples (metric)->len;
    }

  csv = big_metrics_csv (&length);
  timer = g_timer_new ();
  import = rollout_import_csv_metrics (project, csv, length, ROLLOUT_IMPORT_CSV_NONE);
  parse_s = g_timer_elapsed (timer, NULL);
  assert_problems (import, "");
  g_assert_cmpuint (rollout_import_csv_get_n_rows (import), ==, BIG_ROWS);
  g_assert_cmpuint (rollout_import_csv_get_n_valid (import), ==, BIG_ROWS);

  g_timer_start (timer);
  rollout_command_apply (rollout_import_csv_get_command (import), project);
  apply_s = g_timer_elapsed (timer, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);

      after += rollout_metric_get_samples (metric)->len;
    }
  g_assert_cmpuint (after, ==, before + BIG_ROWS);
  assert_valid (project);

  g_test_message ("%u rows (%.1f MB): read and checked in %.0f ms, applied in %.0f ms",
                  BIG_ROWS, length / 1e6, parse_s * 1000, apply_s * 1000);
}

static void
test_import_100k_feedback (void)
{
  g_autoptr(RolloutProject) project = load_demo (NULL, NULL);
  g_autoptr(RolloutImportCsv) import = NULL;
  g_autoptr(GString) csv = g_string_new ("date,phase,source,sentiment,tags,text\n");
  g_autoptr(GTimer) timer = NULL;
  guint before = g_list_model_get_n_items (rollout_project_get_feedback (project));
  RolloutFeedback *last;

  for (guint i = 0; i < BIG_ROWS; i++)
    g_string_append_printf (csv, "2026-03-%02u,pilot,survey,%s,\"ux;entry-%u\",\"Entry %u, said \"\"fine\"\"%s\"\n",
                            i % 28 + 1, i % 3 == 0 ? "positive" : i % 3 == 1 ? "neutral" : "negative",
                            i % 7, i, i % 50 == 0 ? "\nsecond line" : "");
  timer = g_timer_new ();
  import = rollout_import_csv_feedback (project, csv->str, csv->len, ROLLOUT_IMPORT_CSV_NONE);
  assert_problems (import, "");
  rollout_command_apply (rollout_import_csv_get_command (import), project);
  g_test_message ("%u feedback rows read, checked and applied in %.0f ms", BIG_ROWS,
                  g_timer_elapsed (timer, NULL) * 1000);

  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_feedback (project)), ==, before + BIG_ROWS);
  last = rollout_project_lookup_feedback (project, "fb-100015");
  g_assert_nonnull (last);
  g_assert_cmpstr (rollout_feedback_get_text (last), ==, "Entry 99999, said \"fine\"");
  /* 100,000 rows, 2,000 of them two lines long. */
  g_assert_cmpuint (g_array_index (rollout_import_csv_get_feedback (import), RolloutImportFeedback,
                                   BIG_ROWS - 1).line, ==, BIG_ROWS + 2000 + 1);
}

/* rollout-cli ------------------------------------------------------------ */

typedef struct {
  char *dir;
  char *plan;
  char *original;
  gsize original_length;
} CliFixture;

static void
cli_setup (CliFixture    *fixture,
           gconstpointer  data)
{
  g_autofree char *demo = demo_path ();
  g_autoptr(GError) error = NULL;

  if (g_getenv ("ROLLOUT_TEST_CLI") == NULL)
    {
      g_test_skip ("ROLLOUT_TEST_CLI is not set");
      return;
    }
  fixture->dir = g_dir_make_tmp ("rollout-cli-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->plan = g_build_filename (fixture->dir, "plan.rollout", NULL);
  g_file_get_contents (demo, &fixture->original, &fixture->original_length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->plan, fixture->original, fixture->original_length, &error);
  g_assert_no_error (error);
}

static void
cli_teardown (CliFixture    *fixture,
              gconstpointer  data)
{
  if (fixture->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
      const char *name;

      /* The atomic save leaves nothing behind. */
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

          g_assert_cmpstr (name, ==, "plan.rollout");
          g_unlink (path);
        }
      g_rmdir (fixture->dir);
    }
  g_free (fixture->dir);
  g_free (fixture->plan);
  g_free (fixture->original);
}

static int
run_cli (char       **out_stdout,
         char       **out_stderr,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("ROLLOUT_TEST_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static gboolean
plan_unchanged (CliFixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (fixture->plan, &contents, &length, NULL));
  return length == fixture->original_length && memcmp (contents, fixture->original, length) == 0;
}

static void
test_cli_bad_rows (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = data_path ("metrics-bad.csv");
  g_autofree char *expected = read_data ("metrics-bad.expected", NULL);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;

  if (fixture->dir == NULL)
    return;

  g_assert_cmpint (run_cli (&out, &err, "import-metrics", fixture->plan, csv, NULL), ==, 1);
  g_assert_true (plan_unchanged (fixture));
  g_assert_cmpstr (out, ==, "");
  /* Every rejected row as CSV:LINE: reason. */
  for (guint i = 0; expected_lines[i] != NULL && *expected_lines[i] != '\0'; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s:%s\n", csv, expected_lines[i]);

      g_assert_nonnull (strstr (err, line));
    }
  g_assert_nonnull (strstr (err, "nothing was imported: 12 rows have problems"));

  g_assert_cmpint (run_cli (&out2, &err2, "import-metrics", "--skip-bad-rows", fixture->plan, csv, NULL), ==, 0);
  g_assert_false (plan_unchanged (fixture));
  g_assert_cmpstr (out2, ==,
                   "Added 2 samples:\n"
                   "  No-show rate (no-show-rate): 1\n"
                   "  Reservation satisfaction (satisfaction): 1\n"
                   "Skipped 12 bad rows.\n");
  g_assert_nonnull (strstr (err2, "metrics-bad.csv:14: “yesterday” is not a date"));

  g_assert_cmpint (run_cli (&out3, &err3, "validate", fixture->plan, NULL), ==, 0);
}

static void
test_cli_import_and_gates (CliFixture    *fixture,
                           gconstpointer  data)
{
  g_autofree char *metrics_csv = data_path ("metrics-pilot.csv");
  g_autofree char *feedback_csv = data_path ("feedback.csv");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;
  g_autofree char *out5 = NULL, *err5 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *phases;
  JsonObject *pilot;

  if (fixture->dir == NULL)
    return;

  g_assert_cmpint (run_cli (&out, &err, "gates", fixture->plan, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Pilot: Austin, 5% (pilot) — PENDING: 1 criterion is waiting for data or a sign-off\n"
                                 "  pass     Reservations per day 201.14 is at or above the threshold 180 (mean of the last 7 days)\n"
                                 "  pass     No-show rate 9.9% is at or below the threshold 10% (mean of the last 7 days)\n"
                                 "  pass     Support tickets per 1,000 rides 3.8 is at or below the threshold 4 (latest, 2026-03-26)\n"
                                 "  no data  Reservation satisfaction has no samples in this phase yet\n"));
  g_assert_nonnull (strstr (out, "General availability (ga) — No gate: this phase has no go/no-go criteria\n"));

  g_assert_cmpint (run_cli (&out2, &err2, "import-metrics", fixture->plan, metrics_csv, NULL), ==, 0);
  g_assert_cmpstr (err2, ==, "");
  g_assert_cmpstr (out2, ==,
                   "Added 7 samples:\n"
                   "  No-show rate (no-show-rate): 5\n"
                   "  Reservation satisfaction (satisfaction): 2\n");

  g_assert_cmpint (run_cli (&out3, &err3, "gates", "--json", fixture->plan, NULL), ==, 0);
  json_parser_load_from_data (parser, out3, -1, &error);
  g_assert_no_error (error);
  phases = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (phases), ==, 4);
  pilot = json_array_get_object_element (phases, 1);
  g_assert_cmpstr (json_object_get_string_member (pilot, "phase"), ==, "pilot");
  g_assert_cmpstr (json_object_get_string_member (pilot, "verdict"), ==, "go");
  /* For GO, the reasons are every criterion met. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pilot, "reasons")), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phases, 0), "verdict"), ==, "go");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phases, 3), "verdict"), ==, "none");
  /* Numbers as written, not as 4.2000000000000002. */
  g_assert_nonnull (strstr (out3, "\"threshold\": 4.2,"));

  g_assert_cmpint (run_cli (&out4, &err4, "import-feedback", fixture->plan, feedback_csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err4, "feedback.csv:8: “angry” is not a sentiment (positive, neutral or negative)\n"));
  g_assert_cmpint (run_cli (&out5, &err5, "import-feedback", "--skip-bad-rows", fixture->plan, feedback_csv, NULL), ==, 0);
  g_assert_cmpstr (out5, ==,
                   "Added 4 feedback entries (fb-16 to fb-19): 2 positive, 1 neutral, 1 negative\n"
                   "Skipped 3 bad rows.\n");
}

static void
test_cli_usage (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = data_path ("metrics-pilot.csv");
  g_autofree char *missing = g_build_filename (fixture->dir != NULL ? fixture->dir : ".", "missing.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;
  g_autofree char *out5 = NULL, *err5 = NULL;

  if (fixture->dir == NULL)
    return;

  g_assert_cmpint (run_cli (&out, &err, "import-metrics", fixture->plan, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "no CSV file given"));
  g_assert_cmpint (run_cli (&out2, &err2, "import-feedback", fixture->plan, csv, csv, NULL), ==, 2);
  g_assert_cmpint (run_cli (&out3, &err3, "gates", NULL), ==, 2);
  g_assert_cmpint (run_cli (&out4, &err4, "import-metrics", fixture->plan, missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err4, "missing.csv"));
  g_assert_cmpint (run_cli (&out5, &err5, "import-metrics", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out5, "rollout-cli import-metrics"));
  g_assert_nonnull (strstr (out5, "--skip-bad-rows"));
  g_assert_true (plan_unchanged (fixture));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reader_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/csv/reader/%s", reader_cases[i].name);

      g_test_add_data_func (path, &reader_cases[i], test_reader);
    }
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rollout/csv/header/%s", header_cases[i].name);

      g_test_add_data_func (path, &header_cases[i], test_import_header);
    }
  g_test_add_func ("/rollout/csv/import/metrics-undo", test_import_metrics_undo);
  g_test_add_func ("/rollout/csv/import/bom-crlf", test_import_bom_crlf);
  g_test_add_func ("/rollout/csv/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/rollout/csv/import/names", test_import_names);
  g_test_add_func ("/rollout/csv/import/feedback-undo", test_import_feedback);
  g_test_add_func ("/rollout/csv/import/100k-rows", test_import_100k_rows);
  g_test_add_func ("/rollout/csv/import/100k-feedback", test_import_100k_feedback);
  g_test_add ("/rollout/csv/cli/bad-rows", CliFixture, NULL, cli_setup, test_cli_bad_rows, cli_teardown);
  g_test_add ("/rollout/csv/cli/import-and-gates", CliFixture, NULL, cli_setup, test_cli_import_and_gates, cli_teardown);
  g_test_add ("/rollout/csv/cli/usage", CliFixture, NULL, cli_setup, test_cli_usage, cli_teardown);

  return g_test_run ();
}
