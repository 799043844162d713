/* core-test-util.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What several core tests need: the demo plan, read and scheduled. Linked
 * into the core tests that use it; no display needed. */

#include "config.h"

#include "core-test-util.h"
#include "rollout-file.h"
#include "rollout-scheduler.h"

/**
 * load_demo:
 *
 * Reads the bundled demo plan and schedules it; any error fails the test.
 *
 * Returns: (transfer full): the demo plan, scheduled
 */
RolloutProject *
load_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "scooter-reservations.rollout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) project = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}
