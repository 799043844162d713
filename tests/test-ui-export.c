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

#define DEMO_NAME "Reserve a scooter in advance"
#define DEADLINE_SECONDS 60

static RolloutApplication *app;

typedef gboolean (*Condition) (gconstpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, or the deadline passes. */
static gboolean
wait_for (Condition     condition,
          gconstpointer data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean held;

  while (!(held = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return held;
}

static RolloutWindow *
find_window_titled (const char *title)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ROLLOUT_IS_WINDOW (l->data) &&
        g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      return l->data;
  return NULL;
}

static gboolean
window_titled_exists (gconstpointer title)
{
  return find_window_titled (title) != NULL;
}

static RolloutWindow *
open_and_wait (GFile      *file,
               const char *title)
{
  rollout_application_open_file (app, file, NULL);
  g_assert_true (wait_for (window_titled_exists, title));
  return find_window_titled (title);
}

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

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) &&
         child != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

static void
close_everything (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  g_list_foreach (toplevels, (GFunc) g_object_ref, NULL);
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A short export finishes on its own and leaves the PDF. */
static void
test_export_demo (void)
{
  g_autoptr(GFile) demo = g_file_new_build_filename (g_getenv ("ROLLOUT_DATADIR"), "demo",
                                                      "scooter-reservations.rollout", NULL);
  g_autofree char *dir = g_dir_make_tmp ("rollout-ui-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  RolloutWindow *window = open_and_wait (demo, DEMO_NAME);

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
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *tmp = NULL;
  gboolean tap = FALSE;
  int status;

  for (int i = 1; i < argc; i++)
    tap |= g_str_equal (argv[i], "--tap");

  /* The cache, recent files and settings go to a fresh folder, never the
   * user's. Set before anything reads them. */
  tmp = g_dir_make_tmp ("rollout-ui-export-home-XXXXXX", NULL);
  g_assert (tmp != NULL);
  home = g_file_new_for_path (tmp);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const vars[] = { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };
      g_autofree char *dir = g_build_filename (tmp, vars[i], NULL);

      g_setenv (vars[i], dir, TRUE);
    }
  {
    g_autofree char *cache = g_build_filename (tmp, "cache", NULL);

    g_setenv ("ROLLOUT_CACHE_DIR", cache, TRUE);
  }

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      remove_tree (home);
      return tap ? 0 : 77;
    }

  app = rollout_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/rollout/ui-export/demo", test_export_demo);
  g_test_add_func ("/rollout/ui-export/cancel", test_export_cancel);

  status = g_test_run ();
  close_everything ();
  g_clear_object (&app);
  remove_tree (home);
  return status;
}
