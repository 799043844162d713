/* fuzz-csv.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the CSV importers of metric samples and feedback
 * (rollout_import_csv_metrics, rollout_import_csv_feedback, and the CSV
 * reader under them) with arbitrary text, imported into the demo plan.
 * Every input goes through both importers, each once importing nothing
 * when a row is bad and once skipping bad rows.
 *
 * Besides not crashing, reading out of bounds or leaking, it checks:
 * - every problem has a line within the input (1 up to the number of
 *   lines, counting LF, CRLF and lone CR as the reader does) and a message
 *   that is valid UTF-8 and says something; problems come in line order;
 * - when the header is good, each data row is either good or has exactly
 *   one problem; both ways of importing find the same problems;
 * - a command exists exactly when it should (a good header, good rows,
 *   and no bad one unless bad rows are skipped), and adds as many samples
 *   or entries as there are good rows;
 * - the plan with the import applied validates and its canonical text
 *   reads back into a plan that writes the same text;
 * - undoing the import gives back the plan byte for byte, and redoing it
 *   gives the imported plan byte for byte. */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "rollout-file.h"
#include "rollout-history.h"
#include "rollout-import-csv.h"

static char *demo_text;
static gsize demo_length;

/* The demo plan and its canonical text. Reading it is most of the work of
 * a run, so it is read again only after an import has changed it (and
 * been undone and redone); imports that make no command leave it as it
 * was. */
static RolloutProject *demo;
static char *demo_canonical;
static gsize demo_canonical_length;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *path = ROLLOUT_SOURCE_DIR "/data/demo/scooter-reservations.rollout";

  if (!g_file_get_contents (path, &demo_text, &demo_length, &error))
    {
      g_printerr ("fuzz-csv: %s\n", error->message);
      exit (1);
    }
  return 0;
}

/* Lines of @data as the CSV reader counts them: LF, CRLF or a lone CR
 * ends one. */
static guint
count_lines (const char *data,
             gsize       size)
{
  guint lines = 1;

  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      lines++;
  return lines;
}

static char *
write_plan (RolloutProject *project,
            gsize          *out_length)
{
  char *text = rollout_file_write (project, out_length);

  if (text == NULL || *out_length != strlen (text) || !g_utf8_validate (text, *out_length, NULL))
    fuzz_fail ("the canonical text is not one valid UTF-8 string");
  return text;
}

static void
check_same (const char *what,
            const char *a,
            gsize       a_length,
            const char *b,
            gsize       b_length)
{
  if (a_length != b_length || memcmp (a, b, a_length) != 0)
    fuzz_fail ("%s changes the plan's text:\n%s\n----\n%s", what, a, b);
}

static void
check_problems (RolloutImportCsv *import,
                guint             n_lines)
{
  GPtrArray *problems = rollout_import_csv_get_problems (import);
  guint last_line = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      RolloutImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line < 1 || problem->line > n_lines)
        fuzz_fail ("a problem at line %u of an input of %u lines: %s",
                   problem->line, n_lines, problem->message);
      if (problem->line < last_line)
        fuzz_fail ("a problem at line %u after one at line %u", problem->line, last_line);
      last_line = problem->line;
      if (problem->message == NULL || problem->message[0] == '\0')
        fuzz_fail ("a problem at line %u without a message", problem->line);
      if (!g_utf8_validate (problem->message, -1, NULL))
        fuzz_fail ("the message of the problem at line %u is not valid UTF-8", problem->line);
    }

  if (!rollout_import_csv_get_header_ok (import))
    {
      if (problems->len == 0)
        fuzz_fail ("a bad header without a problem");
      if (rollout_import_csv_get_n_valid (import) != 0 || rollout_import_csv_get_n_rows (import) != 0)
        fuzz_fail ("rows were read after a bad header");
      return;
    }
  if (rollout_import_csv_get_n_valid (import) + problems->len != rollout_import_csv_get_n_rows (import))
    fuzz_fail ("%u good rows and %u problems, but %u rows",
               rollout_import_csv_get_n_valid (import), problems->len,
               rollout_import_csv_get_n_rows (import));
}

static void
check_same_problems (RolloutImportCsv *a,
                     RolloutImportCsv *b)
{
  GPtrArray *pa = rollout_import_csv_get_problems (a);
  GPtrArray *pb = rollout_import_csv_get_problems (b);

  if (pa->len != pb->len ||
      rollout_import_csv_get_n_valid (a) != rollout_import_csv_get_n_valid (b))
    fuzz_fail ("skipping bad rows changes which rows are bad");
  for (guint i = 0; i < pa->len; i++)
    {
      RolloutImportProblem *x = g_ptr_array_index (pa, i);
      RolloutImportProblem *y = g_ptr_array_index (pb, i);

      if (x->line != y->line || strcmp (x->message, y->message) != 0)
        fuzz_fail ("skipping bad rows changes a problem: %u %s / %u %s",
                   x->line, x->message, y->line, y->message);
    }
}

/* How many samples, or feedback entries, the plan has. */
static guint
count_items (RolloutProject *project,
             gboolean        feedback)
{
  GListModel *metrics;
  guint n = 0;

  if (feedback)
    return g_list_model_get_n_items (rollout_project_get_feedback (project));
  metrics = rollout_project_get_metrics (project);
  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);

      n += rollout_metric_get_samples (metric)->len;
    }
  return n;
}

static void
check_applied (RolloutProject *project)
{
  g_autoptr(GPtrArray) problems = rollout_project_validate (project);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(RolloutProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0, length_again = 0;

  if (problems != NULL && problems->len > 0)
    {
      g_autofree char *first = rollout_diagnostic_to_string (g_ptr_array_index (problems, 0));

      fuzz_fail ("the plan with the import does not validate: %s", first);
    }
  text = write_plan (project, &length);
  again = rollout_file_read (text, length, &diagnostics, &error);
  if (again == NULL)
    fuzz_fail ("the plan with the import is refused when read back: %s", error->message);
  text_again = write_plan (again, &length_again);
  check_same ("reading back the plan with the import", text, length, text_again, length_again);
}

/* The demo plan as read from its file, unchanged. */
static RolloutProject *
get_demo (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;

  if (demo != NULL)
    return demo;
  demo = rollout_file_read (demo_text, demo_length, &diagnostics, &error);
  if (demo == NULL)
    fuzz_fail ("the demo plan is refused: %s", error->message);
  g_clear_pointer (&demo_canonical, g_free);
  demo_canonical = write_plan (demo, &demo_canonical_length);
  return demo;
}

static void
fuzz_import (const char *data,
             size_t      size,
             gboolean    feedback)
{
  g_autoptr(RolloutProject) project = g_object_ref (get_demo ());
  g_autoptr(RolloutHistory) history = NULL;
  g_autoptr(RolloutImportCsv) strict = NULL;
  g_autoptr(RolloutImportCsv) skipping = NULL;
  g_autoptr(GError) error = NULL;
  const char *before = demo_canonical;
  gsize before_length = demo_canonical_length;
  g_autofree char *imported = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  gsize imported_length = 0, undone_length = 0, redone_length = 0;
  guint n_lines = count_lines (data, size);
  guint n_before, n_valid;
  gboolean should;
  RolloutCommand *command;

  history = rollout_history_new (project);
  n_before = count_items (project, feedback);

  if (feedback)
    {
      strict = rollout_import_csv_feedback (project, data, size, ROLLOUT_IMPORT_CSV_NONE);
      skipping = rollout_import_csv_feedback (project, data, size, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
    }
  else
    {
      strict = rollout_import_csv_metrics (project, data, size, ROLLOUT_IMPORT_CSV_NONE);
      skipping = rollout_import_csv_metrics (project, data, size, ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS);
    }
  check_problems (strict, n_lines);
  check_problems (skipping, n_lines);
  check_same_problems (strict, skipping);
  if ((feedback ? rollout_import_csv_get_samples (skipping)->len
                : rollout_import_csv_get_feedback (skipping)->len) != 0)
    fuzz_fail ("an import of one kind yields rows of the other");

  n_valid = rollout_import_csv_get_n_valid (skipping);
  should = rollout_import_csv_get_header_ok (strict) && n_valid > 0;
  if ((rollout_import_csv_get_command (skipping) != NULL) != should)
    fuzz_fail ("skipping bad rows: a command where there should %sbe one", should ? "" : "not ");
  should = should && rollout_import_csv_get_problems (strict)->len == 0;
  if ((rollout_import_csv_get_command (strict) != NULL) != should)
    fuzz_fail ("a command where there should %sbe one", should ? "" : "not ");

  /* Preparing an import changes nothing (the plan's text is compared
   * after an undo below; writing it here as well would halve the speed). */
  if (count_items (project, feedback) != n_before)
    fuzz_fail ("preparing an import changes the plan");

  command = rollout_import_csv_get_command (skipping);
  if (command == NULL)
    return;

  /* The plan is read again for the next run. */
  g_clear_object (&demo);
  if (!rollout_history_execute (history, command, &error))
    fuzz_fail ("the import's command fails: %s", error->message);
  if (count_items (project, feedback) != n_before + n_valid)
    fuzz_fail ("%u good rows, but %u new items", n_valid, count_items (project, feedback) - n_before);
  check_applied (project);
  imported = write_plan (project, &imported_length);

  if (!rollout_history_undo (history))
    fuzz_fail ("the import cannot be undone");
  undone = write_plan (project, &undone_length);
  check_same ("an import and its undo", before, before_length, undone, undone_length);

  if (!rollout_history_redo (history))
    fuzz_fail ("the import cannot be redone");
  redone = write_plan (project, &redone_length);
  check_same ("redoing an import", imported, imported_length, redone, redone_length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import ((const char *) data, size, FALSE);
  fuzz_import ((const char *) data, size, TRUE);
  return 0;
}
