/* fuzz-import.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the importers of other tools' plans (rollout_import_read: MS
 * Project XML, GanttProject and GNOME Planner, told apart by the root
 * element) with arbitrary bytes.
 *
 * Besides not crashing, reading out of bounds or leaking, it checks:
 * - an import either fails with a ROLLOUT_IMPORT_ERROR whose message is
 *   valid UTF-8 and located — it starts with "line N: " for a line N of
 *   the input, unless it is about the whole file (empty, no element, no
 *   task) — or yields a plan and a report, never both or neither;
 * - the report's summary, notes and warnings are valid UTF-8 and say
 *   something, and its format is the one rollout_import_detect_format()
 *   tells;
 * - the plan validates, schedules, and its canonical text reads back into
 *   a plan that writes the very same text. */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "rollout-file.h"
#include "rollout-import.h"
#include "rollout-scheduler.h"

/* Messages about the whole file, which have no line (untranslated: the
 * fuzzers run without a locale). */
static const char * const whole_file_messages[] = {
  "the file is empty",
  "the file holds no XML element",
  "the file could not be opened as XML",
  "the plan has no tasks",
};

/* Lines of @data as libxml2 counts them: its parser turns CRLF and a lone
 * CR into LF. */
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

static void
check_message (const char *what,
               const char *message)
{
  if (message == NULL || message[0] == '\0')
    fuzz_fail ("%s is empty", what);
  if (!g_utf8_validate (message, -1, NULL))
    fuzz_fail ("%s is not valid UTF-8", what);
}

static void
check_rejected (GError     *error,
                const char *data,
                gsize       size)
{
  guint64 line;
  char *end = NULL;

  if (error == NULL)
    fuzz_fail ("no plan and no error");
  if (error->domain != ROLLOUT_IMPORT_ERROR)
    fuzz_fail ("an error outside ROLLOUT_IMPORT_ERROR: %s", error->message);
  check_message ("an error message", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (whole_file_messages); i++)
    if (strcmp (error->message, whole_file_messages[i]) == 0)
      return;
  if (!g_str_has_prefix (error->message, "line "))
    fuzz_fail ("an error without a line: %s", error->message);
  line = g_ascii_strtoull (error->message + strlen ("line "), &end, 10);
  if (end == error->message + strlen ("line ") || !g_str_has_prefix (end, ": ") || end[2] == '\0')
    fuzz_fail ("an error without a line: %s", error->message);
  if (line < 1 || line > count_lines (data, size))
    fuzz_fail ("an error at line %" G_GUINT64_FORMAT " of an input of %u lines: %s",
               line, count_lines (data, size), error->message);
}

static void
check_report (RolloutImportReport *report,
              const char          *data,
              gsize                size)
{
  GPtrArray *lists[2];
  g_autofree char *text = NULL;
  g_autofree char *comparison = NULL;

  if (report == NULL)
    fuzz_fail ("a plan without a report");
  if (rollout_import_report_get_format (report) == ROLLOUT_IMPORT_FORMAT_UNKNOWN)
    fuzz_fail ("a plan of no known format");
  if (rollout_import_detect_format (data, size) != rollout_import_report_get_format (report))
    fuzz_fail ("the format detected is not the format imported");
  check_message ("the report's summary", rollout_import_report_get_summary (report));

  lists[0] = rollout_import_report_get_notes (report);
  lists[1] = rollout_import_report_get_warnings (report);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      check_message (l == 0 ? "a note" : "a warning", g_ptr_array_index (lists[l], i));

  text = rollout_import_report_to_string (report);
  check_message ("the report", text);
  comparison = rollout_import_report_format_comparison (report);
  if (comparison != NULL && !g_utf8_validate (comparison, -1, NULL))
    fuzz_fail ("the date comparison is not valid UTF-8");
}

static void
check_accepted (RolloutProject *project)
{
  g_autoptr(GPtrArray) problems = rollout_project_validate (project);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(RolloutProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  RolloutScheduleSummary schedule = { 0 };
  gsize length = 0, length_again = 0;

  if (problems != NULL && problems->len > 0)
    {
      g_autofree char *first = rollout_diagnostic_to_string (g_ptr_array_index (problems, 0));

      fuzz_fail ("an imported plan does not validate: %s", first);
    }
  if (!rollout_project_schedule (project, &schedule, &error))
    fuzz_fail ("an imported plan does not schedule: %s", error->message);

  text = rollout_file_write (project, &length);
  if (text == NULL || length != strlen (text) || !g_utf8_validate (text, length, NULL))
    fuzz_fail ("the canonical text is not one valid UTF-8 string");
  again = rollout_file_read (text, length, &diagnostics, &error);
  if (again == NULL)
    fuzz_fail ("the canonical text of an imported plan is refused: %s\n%s", error->message, text);
  text_again = rollout_file_write (again, &length_again);
  if (length_again != length || memcmp (text, text_again, length) != 0)
    fuzz_fail ("reading and writing the canonical text changes it:\n%s\n----\n%s", text, text_again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = rollout_import_read ((const char *) data, size, NULL, &report, &error);
  if (project == NULL)
    {
      if (report != NULL)
        fuzz_fail ("a report without a plan");
      check_rejected (error, (const char *) data, size);
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("a plan and an error (%s)", error->message);
  check_report (report, (const char *) data, size);
  check_accepted (project);
  return 0;
}
