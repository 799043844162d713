/* test-ui-export.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Export PDF in the window: the PDF is written off the main loop; a long
 * export shows which page it is on and can be cancelled, which leaves
 * neither the PDF nor a temporary file. Driven through the function that
 * Export PDF… calls once a file is chosen, waiting (with a deadline) for
 * what a person would see. Needs a display; run under Xvfb.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rollout-application.h"
#include "rollout-file.h"
#include "rollout-generator.h"
#include "rollout-window.h"
#include "rollout-window-private.h"
#include "ui-test-util.h"

/* The progress dialog of @window, if it shows. */
static AdwMessageDialog *
find_progress_dialog (RolloutWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (window) &&
        adw_message_dialog_has_response (l->data, "cancel"))
      return l->data;
  return NULL;
}

/* The dialog says which page of how many is being drawn. */
static gboolean
progress_shows_pages (gconstpointer data)
{
  AdwMessageDialog *dialog = find_progress_dialog ((RolloutWindow *) data);

  return dialog != NULL && g_str_has_prefix (adw_message_dialog_get_body (dialog), "Page ");
}

static gboolean
progress_dialog_gone (gconstpointer data)
{
  return find_progress_dialog ((RolloutWindow *) data) == NULL;
}

static gboolean
export_finished (gconstpointer data)
{
  return !_rollout_window_is_exporting ((RolloutWindow *) data);
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

/* A short export finishes on its own and leaves the PDF. */
static void
test_export_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rollout-ui-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  RolloutWindow *window = open_demo ();

  _rollout_window_export_pdf_to_file (window, output);
  g_assert_true (_rollout_window_is_exporting (window));
  g_assert_true (wait_for (export_finished, window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_null (find_progress_dialog (window));

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

/* A long export shows its progress and can be cancelled; cancelling leaves
 * nothing behind, and the window goes on working. */
static void
test_export_cancel (void)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (10000, 1);
  g_autofree char *dir = g_dir_make_tmp ("rollout-ui-export-XXXXXX", NULL);
  g_autofree char *plan_dir = g_dir_make_tmp ("rollout-ui-plan-XXXXXX", NULL);
  g_autofree char *plan_path = g_build_filename (plan_dir, "large.rollout", NULL);
  g_autofree char *path = g_build_filename (dir, "large.pdf", NULL);
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  RolloutWindow *window;
  int n_pages = 0, page = 0;

  g_assert_true (rollout_file_save (project, plan_file, NULL, &error));
  g_assert_no_error (error);
  window = open_and_wait (plan_file, rollout_project_get_name (project));

  _rollout_window_export_pdf_to_file (window, output);
  g_assert_true (wait_for (progress_shows_pages, window));
  dialog = find_progress_dialog (window);
  g_assert_cmpint (sscanf (adw_message_dialog_get_body (dialog), "Page %d of %d", &page, &n_pages), ==, 2);
  g_assert_cmpint (n_pages, >, 100);
  g_assert_cmpint (page, >=, 1);
  g_assert_cmpint (page, <=, n_pages);
  /* The window is not blocked: its main loop ran to show all this. */
  g_assert_true (_rollout_window_is_exporting (window));

  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (wait_for (progress_dialog_gone, window));
  g_assert_true (wait_for (export_finished, window));
  /* No PDF, no temporary file, and no error dialog for a cancel. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_null (find_progress_dialog (window));
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      g_assert_false (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data));
  }

  close_everything ();
  g_rmdir (dir);
  g_unlink (plan_path);
  g_rmdir (plan_dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, "ui-export");
  /* Opening and exporting a plan of 10,000 tasks takes longer than most
   * waits. */
  ui_test_set_deadline (60);

  g_test_add_func ("/rollout/ui-export/demo", test_export_demo);
  g_test_add_func ("/rollout/ui-export/cancel", test_export_cancel);

  return ui_test_run ();
}
