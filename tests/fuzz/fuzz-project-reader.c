/* fuzz-project-reader.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the .rollout reader and validator (rollout_file_read) with
 * arbitrary bytes, and the code that runs on whatever it accepts.
 *
 * Besides not crashing, reading out of bounds or leaking, it checks:
 * - a plan is returned with no diagnostics, or NULL with a
 *   ROLLOUT_FILE_ERROR and at least one diagnostic — never half a plan;
 * - every message is valid UTF-8 (they quote the input, which need not be)
 *   and says something;
 * - an accepted plan validates clean again, schedules (the validator has
 *   ruled out cycles), can be summarised for the cache, and its canonical
 *   text reads back into a plan that writes the very same text. */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "rollout-cache.h"
#include "rollout-file.h"
#include "rollout-scheduler.h"

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
check_rejected (GPtrArray *diagnostics,
                GError    *error)
{
  if (error == NULL)
    fuzz_fail ("no plan and no error");
  if (error->domain != ROLLOUT_FILE_ERROR)
    fuzz_fail ("an error outside ROLLOUT_FILE_ERROR: %s", error->message);
  check_message ("an error message", error->message);
  if (diagnostics == NULL || diagnostics->len == 0)
    fuzz_fail ("a plan was refused without diagnostics (%s)", error->message);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      RolloutDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = rollout_diagnostic_to_string (d);

      check_message ("a diagnostic", d->message);
      check_message ("a diagnostic's text", text);
      if (d->location != NULL && !g_utf8_validate (d->location, -1, NULL))
        fuzz_fail ("a diagnostic's location is not valid UTF-8");
      if (d->line < 0 || d->column < 0)
        fuzz_fail ("a diagnostic at line %d, column %d", d->line, d->column);
    }
}

static void
check_accepted (RolloutProject *project)
{
  g_autoptr(GPtrArray) problems = rollout_project_validate (project);
  g_autoptr(GPtrArray) again_diagnostics = NULL;
  g_autoptr(RolloutProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  RolloutScheduleSummary schedule = { 0 };
  RolloutCacheSummary summary = { 0 };
  gsize length = 0, length_again = 0;

  if (problems != NULL && problems->len > 0)
    {
      g_autofree char *first = rollout_diagnostic_to_string (g_ptr_array_index (problems, 0));

      fuzz_fail ("an accepted plan does not validate: %s", first);
    }

  if (!rollout_project_schedule (project, &schedule, &error))
    fuzz_fail ("an accepted plan does not schedule: %s", error->message);

  rollout_cache_summarize (project, rollout_date_from_ymd (2026, 3, 1), &summary);
  rollout_cache_summary_clear (&summary);

  text = rollout_file_write (project, &length);
  if (text == NULL || length != strlen (text) || !g_utf8_validate (text, length, NULL))
    fuzz_fail ("the canonical text is not one valid UTF-8 string");

  again = rollout_file_read (text, length, &again_diagnostics, &error);
  if (again == NULL)
    fuzz_fail ("the canonical text of an accepted plan is refused: %s\n%s", error->message, text);
  text_again = rollout_file_write (again, &length_again);
  if (length_again != length || memcmp (text, text_again, length) != 0)
    fuzz_fail ("reading and writing the canonical text changes it:\n%s\n----\n%s", text, text_again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = rollout_file_read ((const char *) data, size, &diagnostics, &error);
  if (project == NULL)
    {
      check_rejected (diagnostics, error);
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("a plan and an error (%s)", error->message);
  if (diagnostics != NULL && diagnostics->len > 0)
    fuzz_fail ("a plan with diagnostics: half-loaded");
  check_accepted (project);
  return 0;
}
