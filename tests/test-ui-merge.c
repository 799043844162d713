/* test-ui-merge.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plans from other tools and other people, driven through the window's
 * actions as the menus and the banner would: Import… opens a new unsaved
 * plan with its report, Export writes the same files as rollout-cli, and
 * a file changed on disk while there are edits here merges, leaving its
 * conflicts to the conflict dialog, whose choices undo like any edit and
 * which Save waits for. Needs a display; run under Xvfb.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rollout-application.h"
#include "rollout-conflict-dialog.h"
#include "rollout-export.h"
#include "rollout-file.h"
#include "rollout-problems-dialog.h"
#include "rollout-window.h"
#include "ui-test-util.h"

static RolloutApplication *app;

static char *
data_path (const char *folder,
           const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", folder, name, NULL);
}

static gboolean
file_exists (gconstpointer file)
{
  return g_file_query_exists ((GFile *) file, NULL);
}

static void
remove_temp (GFile      *file,
             const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  close_everything ();
  remove_tree (folder);
}

static RolloutWindow *
new_empty_window (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ROLLOUT_IS_WINDOW (l->data) && rollout_window_get_document (l->data) == NULL)
      return l->data;
  g_assert_not_reached ();
}

static gboolean
is_group (GtkWidget *widget)
{
  return ADW_IS_PREFERENCES_GROUP (widget) && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) != NULL &&
         *adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) != '\0';
}

/* The conflict groups of the dialog, in order. */
static GPtrArray *
conflict_groups (GtkWidget *widget,
                 GPtrArray *groups)
{
  if (groups == NULL)
    groups = g_ptr_array_new ();
  if (is_group (widget) && gtk_widget_is_visible (widget))
    g_ptr_array_add (groups, widget);
  else
    for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
      conflict_groups (c, groups);
  return groups;
}

static const char *
row_subtitle (GtkWidget  *group,
              const char *side)
{
  GtkWidget *row = find_row (group, side);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Clicks Keep in the row for @side ("Yours", "Theirs") of @group. */
static void
keep (GtkWidget  *group,
      const char *side)
{
  GtkWidget *row = find_row (group, side);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = find_button (row, "_Keep");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
banner_says (gconstpointer data)
{
  const struct { RolloutWindow *window; const char *text; } *query = data;

  return g_strcmp0 (rollout_window_get_banner (query->window), query->text) == 0;
}

static void
execute (RolloutDocument *document,
         RolloutCommand  *command)
{
  g_autoptr(RolloutCommand) owned = command;
  g_autoptr(GError) error = NULL;

  g_assert_true (rollout_document_execute (document, owned, &error));
  g_assert_no_error (error);
}

static RolloutTask *
task (RolloutDocument *document,
      const char      *id)
{
  RolloutTask *t = rollout_project_lookup_task (rollout_document_get_project (document), id);

  g_assert_nonnull (t);
  return t;
}

static char *
read_file (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

/* Import -------------------------------------------------------------------- */

static GtkWindow *
problems_dialog_for (GtkWindow *parent)
{
  return find_toplevel (ROLLOUT_TYPE_PROBLEMS_DIALOG, parent);
}

static gboolean
problems_dialog_exists (gconstpointer parent)
{
  return problems_dialog_for ((GtkWindow *) parent) != NULL;
}

/* Import… opens the plan as new and unsaved, with the report beside it; a
 * second import from a window with a plan opens another window. */
static void
test_import (void)
{
  g_autofree char *source = data_path ("import", "plan.xml");
  RolloutWindow *empty = new_empty_window ();
  RolloutWindow *window;
  RolloutDocument *document;
  RolloutProblemsDialog *report;
  const char *details;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (empty), "win.import-location", "s", source));
  g_assert_true (wait_for (window_titled_exists, "• Lancement ünïcode"));
  window = find_window_titled ("• Lancement ünïcode");
  /* The welcome page made way for it. */
  g_assert_true (window == empty);
  document = rollout_window_get_document (window);
  g_assert_null (rollout_document_get_file (document));
  g_assert_true (rollout_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_tasks (rollout_document_get_project (document))), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_phases (rollout_document_get_project (document))), ==, 4);
  /* Save has something to do: it asks where. */
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "win.save")));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE))),
                   ==, "Not saved");

  g_assert_true (wait_for (problems_dialog_exists, window));
  report = ROLLOUT_PROBLEMS_DIALOG (problems_dialog_for (GTK_WINDOW (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (report)), ==, "Imported “plan.xml”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (report)), ==,
                   "From MS Project XML: 4 phases, 12 tasks, 2 milestones, 17 dependencies, 3 owners, 2 teams, 3 holidays.\n"
                   "13 of 14 task dates match the source schedule.\n\n"
                   "The plan is not saved yet. The report lists what the file holds that has no place in a Rollout plan, "
                   "or was converted.");
  details = rollout_problems_dialog_get_details (report);
  g_assert_true (g_str_has_prefix (details, "From MS Project XML: 4 phases, 12 tasks, 2 milestones"));
  g_assert_nonnull (strstr (details, "\n13 of 14 task dates match the source schedule; 1 differs: ‘Suivi’"));
  g_assert_nonnull (strstr (details, "Not imported or converted:\n"));
  g_assert_nonnull (strstr (details, "  • 1 resource assignment with units ignored"));
  gtk_window_destroy (GTK_WINDOW (report));

  /* From a window with a plan, the next import opens a window of its own. */
  {
    g_autofree char *planner = data_path ("import", "plan.planner");

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-location", "s", planner));
    g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_PROBLEMS_DIALOG)));
    g_assert_cmpuint (count_plan_windows (), ==, 2);
    g_assert_true (rollout_window_get_document (window) == document);
  }

  close_everything ();
}

/* Dropping a GanttProject file on the window imports it. */
static void
test_import_drop (void)
{
  g_autofree char *source = data_path ("import", "plan.gan");
  g_autoptr(GFile) file = g_file_new_for_path (source);
  RolloutWindow *window = new_empty_window ();
  GtkDropTarget *drop = find_drop_target (GTK_WIDGET (window));
  GValue value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;

  g_assert_nonnull (drop);

  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (accepted);

  g_assert_true (wait_for (problems_dialog_exists, window));
  g_assert_nonnull (rollout_window_get_document (window));
  g_assert_null (rollout_document_get_file (rollout_window_get_document (window)));
  g_assert_true (g_str_has_prefix (rollout_problems_dialog_get_details (ROLLOUT_PROBLEMS_DIALOG (problems_dialog_for (GTK_WINDOW (window)))),
                                   "From GanttProject: "));

  close_everything ();
}

/* A file that cannot come in opens nothing, and says why with its line. */
static void
test_import_error (void)
{
  g_autofree char *source = data_path ("import", "malformed.xml");
  g_autofree char *expected_path = data_path ("import", "malformed.xml.expected");
  g_autofree char *expected = NULL;
  g_autofree char *details = NULL;
  RolloutWindow *window = new_empty_window ();
  RolloutProblemsDialog *dialog;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_strchomp (expected);
  details = g_strconcat ("malformed.xml: ", expected, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-location", "s", source));
  g_assert_true (wait_for (problems_dialog_exists, window));
  dialog = ROLLOUT_PROBLEMS_DIALOG (problems_dialog_for (GTK_WINDOW (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could not import “malformed.xml”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The file is not well-formed XML, or it is damaged.");
  g_assert_cmpstr (rollout_problems_dialog_get_details (dialog), ==, details);
  g_assert_true (g_str_has_prefix (details, "malformed.xml: line 8: "));
  g_assert_cmpuint (count_plan_windows (), ==, 0);

  close_everything ();
}

/* Export ----------------------------------------------------------------------- */

/* @text without its DTSTAMP lines, which say when it was written. */
static char *
without_stamps (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

/* Each export writes what rollout-cli writes for the same plan. */
static void
test_export (void)
{
  g_autofree char *demo = g_build_filename (g_getenv ("ROLLOUT_DATADIR"), "demo", "scooter-reservations.rollout", NULL);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_to_temp (demo, &dir);
  g_autoptr(RolloutProject) project = NULL;
  RolloutWindow *window = open_and_wait (copy, DEMO_NAME);
  static const struct {
    const char *format;
    const char *name;
  } exports[] = {
    { "ics", "plan.ics" },
    { "csv-tasks", "tasks.csv" },
    { "csv-risks", "risks.csv" },
    { "mspdi", "plan.xml" },
  };

  project = rollout_file_load (copy, NULL, NULL, NULL);
  g_assert_nonnull (project);
  g_assert_true (rollout_project_schedule (project, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = g_build_filename (dir, exports[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *written = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("export %s", exports[i].format);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(ss)",
                                                 exports[i].format, path));
      /* Written atomically: once there, it is complete. */
      g_assert_true (wait_for (file_exists, file));
      written = read_file (file);

      if (g_str_equal (exports[i].format, "ics"))
        {
          g_autofree char *ics = rollout_export_ics (project, NULL, NULL, &error);
          g_autofree char *a = without_stamps (written);
          g_autofree char *b = without_stamps (ics);

          g_assert_no_error (error);
          g_assert_true (g_str_has_prefix (written, "BEGIN:VCALENDAR\r\n"));
          g_assert_nonnull (strstr (written, "BEGIN:VEVENT\r\n"));
          g_assert_cmpstr (a, ==, b);
        }
      else if (g_str_equal (exports[i].format, "mspdi"))
        {
          expected = rollout_export_mspdi (project, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (written, ==, expected);
        }
      else
        {
          expected = rollout_export_csv (project, g_str_equal (exports[i].format, "csv-tasks")
                                                  ? ROLLOUT_EXPORT_CSV_TASKS : ROLLOUT_EXPORT_CSV_RISKS,
                                         NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (written, ==, expected);
        }
    }

  remove_temp (copy, dir);
}

/* Merging ----------------------------------------------------------------------- */

static void
write_theirs (GFile *file,
              int    train_duration,
              int    survey_duration,
              int    load_likelihood)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) theirs = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  rollout_task_set_duration (rollout_project_lookup_task (theirs, "train"), train_duration);
  rollout_task_set_duration (rollout_project_lookup_task (theirs, "survey"), survey_duration);
  rollout_risk_set_likelihood (rollout_project_lookup_risk (theirs, "load"), load_likelihood);
  g_assert_true (rollout_file_save (theirs, file, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
n_conflicts_is (gconstpointer data)
{
  const struct { RolloutDocument *document; guint n; } *query = data;

  return rollout_document_get_n_conflicts (query->document) == query->n;
}

static RolloutConflictDialog *
conflict_dialog (void)
{
  return (RolloutConflictDialog *) find_toplevel (ROLLOUT_TYPE_CONFLICT_DIALOG, NULL);
}

/* Their change on disk and our edits: Merge keeps both where they do not
 * collide; where they do, the dialog lists each, and each choice is an
 * edit that undoes. Save waits until none are left. */
static void
test_merge_conflicts (void)
{
  g_autofree char *base = data_path ("merge", "base.rollout");
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_to_temp (base, &dir);
  RolloutWindow *window = open_and_wait (copy, "Launch in-app support chat");
  RolloutDocument *document = rollout_window_get_document (window);
  RolloutHistory *history = rollout_document_get_history (document);
  struct { RolloutWindow *window; const char *text; } banner = { window, NULL };
  struct { RolloutDocument *document; guint n; } conflicts = { document, 2 };
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *on_disk = NULL;
  RolloutConflictDialog *dialog;
  GtkWidget *merge_button;
  AdwMessageDialog *ask;

  /* Ours: two durations that they change too, and a name they do not. */
  execute (document, rollout_command_new_set_many (task (document, "train"), "Lengthen", "duration", 5, NULL));
  execute (document, rollout_command_new_set_many (task (document, "survey"), "Lengthen", "duration", 6, NULL));
  execute (document, rollout_command_new_set_many (task (document, "faq"), "Rename", "name", "Write the FAQ", NULL));

  /* Theirs, on disk. */
  write_theirs (copy, 7, 8, 5);
  theirs_text = read_file (copy);
  banner.text = "The file was changed by someone else. Merge their changes with yours, or reload to see only theirs.";
  g_assert_true (wait_for (banner_says, &banner));

  merge_button = find_button (GTK_WIDGET (window), "_Merge");
  g_assert_nonnull (merge_button);
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Reload"));
  g_signal_emit_by_name (merge_button, "clicked");
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_CONFLICT_DIALOG)));
  dialog = conflict_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* One edit; what did not collide is merged. */
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Merge Changes from the File");
  g_assert_cmpuint (rollout_document_get_n_conflicts (document), ==, 2);
  g_assert_cmpstr (rollout_task_get_name (task (document, "faq")), ==, "Write the FAQ");
  g_assert_cmpint (rollout_risk_get_likelihood (rollout_project_lookup_risk (rollout_document_get_project (document), "load")), ==, 5);
  g_assert_cmpint (rollout_task_get_duration (task (document, "train")), ==, 5);
  g_assert_true (rollout_document_get_modified (document));
  g_assert_cmpint (rollout_document_get_disk_state (document), ==, ROLLOUT_DISK_STATE_SAME);
  banner.text = "A merge left 2 conflicts: pick a version for each before saving.";
  g_assert_true (wait_for (banner_says, &banner));

  /* The dialog lists each conflict in words. */
  groups = conflict_groups (GTK_WIDGET (dialog), NULL);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpstr (adw_preferences_group_get_title (g_ptr_array_index (groups, 0)), ==, "Task ‘Train support agents’");
  g_assert_cmpstr (adw_preferences_group_get_description (g_ptr_array_index (groups, 0)), ==,
                   "You both changed its duration, differently.");
  g_assert_cmpstr (row_subtitle (g_ptr_array_index (groups, 0), "Yours"), ==, "duration 3 → 5 days");
  g_assert_cmpstr (row_subtitle (g_ptr_array_index (groups, 0), "Theirs"), ==, "duration 3 → 7 days");
  g_assert_cmpstr (adw_preferences_group_get_title (g_ptr_array_index (groups, 1)), ==, "Task ‘Survey pilot users’");
  g_assert_cmpstr (row_subtitle (g_ptr_array_index (groups, 1), "Yours"), ==, "duration 4 → 6 days");
  g_assert_cmpstr (row_subtitle (g_ptr_array_index (groups, 1), "Theirs"), ==, "duration 4 → 8 days");

  /* Ours for the first, theirs for the second. */
  keep (g_ptr_array_index (groups, 0), "Yours");
  g_clear_pointer (&groups, g_ptr_array_unref);
  conflicts.n = 1;
  g_assert_true (wait_for (n_conflicts_is, &conflicts));
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Keep Your Version of ‘Train support agents’");
  groups = conflict_groups (GTK_WIDGET (dialog), NULL);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (adw_preferences_group_get_title (g_ptr_array_index (groups, 0)), ==, "Task ‘Survey pilot users’");
  keep (g_ptr_array_index (groups, 0), "Theirs");
  g_clear_pointer (&groups, g_ptr_array_unref);
  conflicts.n = 0;
  g_assert_true (wait_for (n_conflicts_is, &conflicts));
  g_assert_cmpint (rollout_task_get_duration (task (document, "train")), ==, 5);
  g_assert_cmpint (rollout_task_get_duration (task (document, "survey")), ==, 8);
  groups = conflict_groups (GTK_WIDGET (dialog), NULL);
  g_assert_cmpuint (groups->len, ==, 0);
  g_clear_pointer (&groups, g_ptr_array_unref);
  g_assert_null (rollout_window_get_banner (window));

  /* Undo, from the dialog, brings the second conflict back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflicts.undo", NULL));
  g_assert_cmpuint (rollout_document_get_n_conflicts (document), ==, 1);
  g_assert_cmpint (rollout_task_get_duration (task (document, "survey")), ==, 6);
  groups = conflict_groups (GTK_WIDGET (dialog), NULL);
  g_assert_cmpuint (groups->len, ==, 1);
  g_clear_pointer (&groups, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));
  banner.text = "A merge left 1 conflict: pick a version before saving.";
  g_assert_true (wait_for (banner_says, &banner));

  /* Save waits: it asks, and writes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ask = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (ask);
  g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Resolve Conflicts Before Saving?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ask, "resolve"), ==, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_response (ask, "resolve");
  gtk_window_destroy (GTK_WINDOW (ask));
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_CONFLICT_DIALOG)));
  on_disk = read_file (copy);
  g_assert_cmpstr (on_disk, ==, theirs_text);
  g_clear_pointer (&on_disk, g_free);

  /* Redo settles it again; now Save writes the merged plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (conflict_dialog ()), "conflicts.redo", NULL));
  g_assert_cmpuint (rollout_document_get_n_conflicts (document), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (rollout_document_get_modified (document));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RolloutProject) saved = rollout_file_load (copy, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (rollout_task_get_duration (rollout_project_lookup_task (saved, "train")), ==, 5);
    g_assert_cmpint (rollout_task_get_duration (rollout_project_lookup_task (saved, "survey")), ==, 8);
    g_assert_cmpstr (rollout_task_get_name (rollout_project_lookup_task (saved, "faq")), ==, "Write the FAQ");
    g_assert_cmpint (rollout_risk_get_likelihood (rollout_project_lookup_risk (saved, "load")), ==, 5);
  }

  remove_temp (copy, dir);
}

static gboolean
undo_label_is_merge (gconstpointer history)
{
  return g_strcmp0 (rollout_history_get_undo_label ((RolloutHistory *) history), "Merge Changes from the File") == 0;
}

/* Edits that do not collide merge without a dialog, as one undoable edit. */
static void
test_merge_clean (void)
{
  g_autofree char *base = data_path ("merge", "base.rollout");
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_to_temp (base, &dir);
  RolloutWindow *window = open_and_wait (copy, "Launch in-app support chat");
  RolloutDocument *document = rollout_window_get_document (window);
  struct { RolloutWindow *window; const char *text; } banner = { window, NULL };

  execute (document, rollout_command_new_set_many (task (document, "faq"), "Rename", "name", "Write the FAQ", NULL));
  write_theirs (copy, 7, 4, 5);
  banner.text = "The file was changed by someone else. Merge their changes with yours, or reload to see only theirs.";
  g_assert_true (wait_for (banner_says, &banner));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge", NULL));
  g_assert_true (wait_for (undo_label_is_merge, rollout_document_get_history (document)));
  g_assert_cmpstr (rollout_history_get_undo_label (rollout_document_get_history (document)), ==,
                   "Merge Changes from the File");
  g_assert_null (conflict_dialog ());
  g_assert_null (rollout_window_get_banner (window));
  g_assert_cmpint (rollout_task_get_duration (task (document, "train")), ==, 7);
  g_assert_cmpstr (rollout_task_get_name (task (document, "faq")), ==, "Write the FAQ");

  /* Undo takes the merge back, and only the merge: their change is on
   * disk again, unmerged, and can be merged again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (rollout_task_get_duration (task (document, "train")), ==, 3);
  g_assert_cmpstr (rollout_task_get_name (task (document, "faq")), ==, "Write the FAQ");
  g_assert_cmpint (rollout_document_get_disk_state (document), ==, ROLLOUT_DISK_STATE_CHANGED);
  g_assert_true (wait_for (banner_says, &banner));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (rollout_task_get_duration (task (document, "train")), ==, 7);
  g_assert_cmpint (rollout_document_get_disk_state (document), ==, ROLLOUT_DISK_STATE_SAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge", NULL));
  g_assert_true (wait_for (undo_label_is_merge, rollout_document_get_history (document)));
  g_assert_cmpint (rollout_task_get_duration (task (document, "train")), ==, 7);
  g_assert_cmpstr (rollout_task_get_name (task (document, "faq")), ==, "Write the FAQ");

  remove_temp (copy, dir);
}

/* A plan a git merge left with conflicts opens, shows them, and saves once
 * they are settled. */
static void
test_open_with_conflicts (void)
{
  g_autofree char *merged = data_path ("merge", "same-field.expected.rollout");
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_to_temp (merged, &dir);
  RolloutWindow *window;
  RolloutDocument *document;
  RolloutConflictDialog *dialog;
  g_autofree char *saved = NULL;
  struct { RolloutWindow *window; const char *text; } banner = { NULL, "A merge left 1 conflict: pick a version before saving." };

  window = open_and_wait (copy, "Launch in-app support chat");
  document = rollout_window_get_document (window);
  banner.window = window;
  g_assert_cmpuint (rollout_document_get_n_conflicts (document), ==, 1);
  g_assert_false (rollout_document_get_modified (document));
  g_assert_true (wait_for (banner_says, &banner));
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_CONFLICT_DIALOG)));
  dialog = conflict_dialog ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflicts.keep-all", "s", "theirs"));
  g_assert_cmpuint (rollout_document_get_n_conflicts (document), ==, 0);
  g_assert_cmpint (rollout_task_get_duration (task (document, "train")), ==, 7);
  g_assert_true (rollout_document_get_modified (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (rollout_document_get_modified (document));
  saved = read_file (copy);
  g_assert_null (strstr (saved, "\"conflicts\""));

  remove_temp (copy, dir);
}

/* Save With Conflicts keeps both versions in the file, to decide later. */
static void
test_save_with_conflicts (void)
{
  g_autofree char *merged = data_path ("merge", "same-field.expected.rollout");
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_to_temp (merged, &dir);
  g_autoptr(RolloutProject) saved = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;
  RolloutWindow *window = open_and_wait (copy, "Launch in-app support chat");
  RolloutDocument *document = rollout_window_get_document (window);
  AdwMessageDialog *ask;

  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_CONFLICT_DIALOG)));
  gtk_window_destroy (GTK_WINDOW (conflict_dialog ()));
  execute (document, rollout_command_new_set_many (task (document, "faq"), "Rename", "name", "Write the FAQ", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ask = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (ask);
  g_assert_true (adw_message_dialog_has_response (ask, "keep"));
  adw_message_dialog_response (ask, "keep");
  g_assert_false (rollout_document_get_modified (document));
  g_assert_cmpuint (rollout_document_get_n_conflicts (document), ==, 1);

  saved = rollout_merge_load (copy, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_task_get_name (rollout_project_lookup_task (saved, "faq")), ==, "Write the FAQ");
  left = rollout_merge_get_conflicts (saved);
  g_assert_cmpuint (left->len, ==, 1);

  remove_temp (copy, dir);
}

int
main (int   argc,
      char *argv[])
{
  app = ui_test_init (&argc, &argv, "ui-merge");

  g_test_add_func ("/rollout/ui-merge/import", test_import);
  g_test_add_func ("/rollout/ui-merge/import-drop", test_import_drop);
  g_test_add_func ("/rollout/ui-merge/import-error", test_import_error);
  g_test_add_func ("/rollout/ui-merge/export", test_export);
  g_test_add_func ("/rollout/ui-merge/merge-conflicts", test_merge_conflicts);
  g_test_add_func ("/rollout/ui-merge/merge-clean", test_merge_clean);
  g_test_add_func ("/rollout/ui-merge/open-with-conflicts", test_open_with_conflicts);
  g_test_add_func ("/rollout/ui-merge/save-with-conflicts", test_save_with_conflicts);

  return ui_test_run ();
}
