/* test-ui-shell.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application shell, driven the way a person would: open plans through
 * the same function the Open action uses, edit through the window's
 * actions and the plan's history, then wait (with a deadline) for the
 * windows, dialogs, banners and drafts to appear. Needs a display; run
 * under Xvfb.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rollout-application.h"
#include "rollout-cache.h"
#include "rollout-file.h"
#include "rollout-problems-dialog.h"
#include "rollout-timeline-view.h"
#include "rollout-welcome-page.h"
#include "rollout-window.h"
#include "ui-test-util.h"

static RolloutApplication *app;

static gboolean
problems_dialog_exists (gconstpointer data)
{
  return find_toplevel (ROLLOUT_TYPE_PROBLEMS_DIALOG, NULL) != NULL;
}

static gboolean
pointer_cleared (gconstpointer data)
{
  return *(gpointer const *) data == NULL;
}

static GtkWidget *
find_numeric_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric"))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *label = find_numeric_label (c);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* The value shown beside the row titled @title under @widget. */
static const char *
find_row_value (GtkWidget  *widget,
                const char *title)
{
  GtkWidget *row = find_row (widget, title);
  GtkWidget *label = row != NULL ? find_numeric_label (row) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Renames the plan through its history, as the editor would. */
static void
rename_plan (RolloutDocument *document,
             const char      *name)
{
  g_autoptr(RolloutCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  command = rollout_command_new_set_many (rollout_document_get_project (document), "Rename the Plan",
                                          "name", name, NULL);
  g_assert_true (rollout_document_execute (document, command, &error));
  g_assert_no_error (error);
}

/* A copy of the demo plan in a new temporary folder. */
static GFile *
copy_demo (char **out_dir)
{
  g_autoptr(GFile) demo = demo_file ();
  g_autofree char *path = g_file_get_path (demo);

  return copy_to_temp (path, out_dir);
}

static void
test_open_demo (void)
{
  g_autoptr(GFile) demo = demo_file ();
  RolloutWindow *window = open_and_wait (demo, DEMO_NAME);
  GtkWidget *timeline;
  static const struct {
    const char *row;
    const char *value;
  } expected[] = {
    { "Phases", "4" },
    { "Tasks", "37" },
    { "Milestones", "7" },
    { "Teams", "4" },
    { "Risks", "9" },
    { "Metrics", "4" },
    { "Feedback", "15" },
    { "Schedule", "2 Feb 2026 – 15 Sep 2026" },
  };

  g_assert_nonnull (window);
  g_assert_false (rollout_document_get_modified (rollout_window_get_document (window)));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (find_row_value (GTK_WIDGET (window), expected[i].row), ==, expected[i].value);

  /* The timeline shows the same plan. */
  timeline = find_by_type (GTK_WIDGET (window), ROLLOUT_TYPE_TIMELINE_VIEW);
  g_assert_nonnull (timeline);
  g_assert_true (rollout_timeline_view_get_project (ROLLOUT_TIMELINE_VIEW (timeline)) ==
                 rollout_document_get_project (rollout_window_get_document (window)));

  /* One window per plan: opening it again brings back the same window. */
  rollout_application_open_file (app, demo, NULL);
  g_assert_true (rollout_application_find_window (app, demo) == GTK_WINDOW (window));
  g_assert_cmpuint (count_plan_windows (), ==, 1);

  close_everything ();
}

/* An opened plan is in the recent plans of a new window's welcome page,
 * and can be removed from them. */
static void
test_recent_plans (void)
{
  g_autoptr(GFile) demo = demo_file ();
  g_autofree char *location = g_file_get_path (demo);
  RolloutWindow *window;
  GtkWidget *row;
  g_autoptr(GVariant) target = NULL;

  open_and_wait (demo, DEMO_NAME);
  close_everything ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  window = find_window_titled ("Rollout");
  g_assert_nonnull (window);
  g_assert_null (rollout_window_get_document (window));

  row = find_row (GTK_WIDGET (window), DEMO_NAME);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "app.open-location");
  target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, location);

  rollout_application_forget_recent (app, location);
  g_assert_null (find_row (GTK_WIDGET (window), DEMO_NAME));

  close_everything ();
}

static void
test_open_invalid (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "data",
                                                     "invalid-dangling-dependency.rollout", NULL);
  RolloutProblemsDialog *dialog;

  rollout_application_open_file (app, file, NULL);
  g_assert_true (wait_for (problems_dialog_exists, NULL));

  dialog = ROLLOUT_PROBLEMS_DIALOG (find_toplevel (ROLLOUT_TYPE_PROBLEMS_DIALOG, NULL));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could not open “invalid-dangling-dependency.rollout”");
  g_assert_cmpstr (rollout_problems_dialog_get_details (dialog), ==,
                   "tasks[1].depends_on[0].task: no task with id \"qa\"");
  g_assert_cmpuint (count_plan_windows (), ==, 0);

  close_everything ();
}

static void
test_save_changes_on_close (void)
{
  g_autoptr(GFile) demo = demo_file ();
  RolloutWindow *window = open_and_wait (demo, DEMO_NAME);
  RolloutDocument *document = rollout_window_get_document (window);
  g_autoptr(RolloutTask) task = g_list_model_get_item (rollout_project_get_tasks (rollout_document_get_project (document)), 0);
  g_autoptr(RolloutCommand) command = NULL;
  AdwMessageDialog *dialog;
  gpointer alive = window;

  command = rollout_command_new_set_many (task, "Rename", "name", "Write the reservation API", NULL);
  g_assert_true (rollout_document_execute (document, command, NULL));
  g_assert_true (rollout_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• " DEMO_NAME);

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save changes to “" DEMO_NAME "”?");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_nonnull (alive);

  adw_message_dialog_response (dialog, "discard");
  g_assert_true (wait_for (pointer_cleared, &alive));
  g_assert_cmpuint (count_plan_windows (), ==, 0);

  close_everything ();
}

static void
test_save (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) reread = NULL;
  RolloutWindow *window;
  RolloutDocument *document;

  window = open_and_wait (copy, DEMO_NAME);
  document = rollout_window_get_document (window);
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "win.save")));
  rename_plan (document, "Reserve a scooter");
  g_assert_true (wait_for (window_titled_exists, "• Reserve a scooter"));
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "win.save")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (rollout_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Reserve a scooter");
  /* Nothing left to save: the Save button is off. */
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "win.save")));

  reread = rollout_file_load (copy, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rollout_project_get_name (reread), ==, "Reserve a scooter");
  g_assert_nonnull (rollout_project_get_modified (reread));
  g_assert_cmpstr (rollout_project_get_modified (reread), !=, "2026-03-27T17:45:00Z");

  close_everything ();
  g_assert_true (g_file_delete (copy, NULL, NULL));
  g_assert_true (g_rmdir (dir) == 0);
}

/* The unsaved-changes mark follows the history: undoing back to what was
 * saved clears it, and Undo and Redo name the edit. */
static void
test_modified_follows_history (void)
{
  g_autoptr(GFile) demo = demo_file ();
  RolloutWindow *window = open_and_wait (demo, DEMO_NAME);
  RolloutDocument *document = rollout_window_get_document (window);
  RolloutHistory *history = rollout_document_get_history (document);

  g_assert_false (rollout_document_get_modified (document));
  g_assert_false (rollout_history_can_undo (history));

  rename_plan (document, "Reserve ahead");
  g_assert_true (rollout_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Reserve ahead");
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Rename the Plan");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (rollout_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, DEMO_NAME);
  g_assert_true (rollout_history_can_redo (history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (rollout_document_get_modified (document));
  g_assert_cmpstr (rollout_project_get_name (rollout_document_get_project (document)), ==, "Reserve ahead");

  /* Deriving dates is not an edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (rollout_project_schedule (rollout_document_get_project (document), NULL, NULL));
  g_assert_false (rollout_document_get_modified (document));

  close_everything ();
}

/* Drafts ------------------------------------------------------------------- */

static RolloutCache *
test_cache (void)
{
  return rollout_application_get_cache (app);
}

typedef struct {
  const char *key;
  gboolean    recoverable;
} DraftQuery;

static gboolean
draft_stored (gconstpointer data)
{
  const DraftQuery *query = data;
  g_autoptr(GPtrArray) drafts = rollout_cache_list_drafts (test_cache (), NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      RolloutDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (draft->key, query->key) == 0 && draft->recoverable == query->recoverable)
        return TRUE;
    }
  return FALSE;
}

static gboolean
no_draft (gconstpointer key)
{
  g_autoptr(GPtrArray) drafts = rollout_cache_list_drafts (test_cache (), NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    if (g_strcmp0 (((RolloutDraft *) g_ptr_array_index (drafts, i))->key, key) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
untitled_draft_stored (gconstpointer document)
{
  DraftQuery query = { rollout_document_get_draft_key ((RolloutDocument *) document), TRUE };

  return query.key != NULL && draft_stored (&query);
}

static gboolean
banner_says (gconstpointer data)
{
  const struct { RolloutWindow **window; const char *text; } *query = data;

  return g_strcmp0 (rollout_window_get_banner (*query->window), query->text) == 0;
}

/* Unsaved changes go to the cache as a draft a moment after the last edit;
 * after a crash, the next start offers them back, on the welcome page and
 * in the banner of the plan's window. Saving or discarding deletes it. */
static void
test_drafts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_demo (&dir);
  g_autofree char *path = g_file_get_path (copy);
  DraftQuery recoverable = { path, TRUE };
  RolloutWindow *window;
  RolloutDocument *document;
  GtkWidget *row, *recover, *discard;
  gint64 edited;
  struct { RolloutWindow **window; const char *text; } banner;

  window = open_and_wait (copy, DEMO_NAME);
  document = rollout_window_get_document (window);
  g_assert_true (no_draft (path));

  /* An edit, then the draft, about two seconds later. */
  edited = g_get_monotonic_time ();
  rename_plan (document, "Reserve a scooter, drafted");
  g_assert_true (wait_for (draft_stored, &recoverable));
  g_assert_cmpint (g_get_monotonic_time () - edited, >=, G_USEC_PER_SEC);

  /* A crash: the windows go without asking, the draft stays. */
  close_everything ();
  g_assert_true (draft_stored (&recoverable));

  /* The next start offers it on the welcome page. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  window = find_window_titled ("Rollout");
  g_assert_nonnull (window);
  row = find_row (GTK_WIDGET (window), "Recover unsaved changes to “Reserve a scooter, drafted”?");
  g_assert_nonnull (row);
  recover = find_button (row, "_Recover");
  g_assert_nonnull (recover);
  g_signal_emit_by_name (recover, "clicked");

  /* Recovered, it opens as modified, with the change in it. */
  g_assert_true (wait_for (window_titled_exists, "• Reserve a scooter, drafted"));
  window = find_window_titled ("• Reserve a scooter, drafted");
  document = rollout_window_get_document (window);
  g_assert_true (rollout_document_get_modified (document));
  g_assert_true (g_file_equal (rollout_document_get_file (document), copy));

  /* Another crash; opening the file itself offers the draft in a banner. */
  close_everything ();
  window = open_and_wait (copy, DEMO_NAME);
  banner.window = &window;
  banner.text = "Recover unsaved changes to “Reserve a scooter, drafted”?";
  g_assert_true (wait_for (banner_says, &banner));
  discard = find_button (GTK_WIDGET (window), "_Discard");
  g_assert_nonnull (discard);
  g_signal_emit_by_name (discard, "clicked");
  g_assert_null (rollout_window_get_banner (window));
  g_assert_true (no_draft (path));

  /* Saving deletes the draft. */
  document = rollout_window_get_document (window);
  rename_plan (document, "Reserve a scooter, saved");
  g_assert_true (wait_for (draft_stored, &recoverable));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (no_draft (path));

  /* An untitled plan has drafts too, under a key of its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  window = find_window_titled ("Untitled Plan");
  g_assert_nonnull (window);
  document = rollout_window_get_document (window);
  rename_plan (document, "Scooter parking");
  g_assert_true (wait_for (untitled_draft_stored, document));
  {
    g_autofree char *key = g_strdup (rollout_document_get_draft_key (document));

    g_assert_true (g_str_has_prefix (key, "untitled:"));
    /* Discarding on close deletes it. */
    gtk_window_close (GTK_WINDOW (window));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window))),
                                 "discard");
    g_assert_true (no_draft (key));
  }

  close_everything ();
  g_assert_true (g_file_delete (copy, NULL, NULL));
  g_assert_true (g_rmdir (dir) == 0);
}

/* The file on disk ---------------------------------------------------------- */

static void
count_check_cb (RolloutDocument *document,
                guint           *count)
{
  (*count)++;
}

static gboolean
count_reached (gconstpointer data)
{
  const guint *counts = data;

  return counts[0] >= counts[1];
}

static void
write_other_version (GFile      *file,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) other = rollout_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  rollout_project_set_name (other, name);
  g_assert_true (rollout_file_save (other, file, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
dialog_exists (gconstpointer window)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, (GtkWindow *) window) != NULL;
}

static gboolean
project_named (gconstpointer data)
{
  const struct { RolloutWindow *window; const char *name; } *query = data;
  RolloutDocument *document = rollout_window_get_document (query->window);

  return document != NULL &&
         g_strcmp0 (rollout_project_get_name (rollout_document_get_project (document)), query->name) == 0;
}

/* Our own saves are recognized as ours; someone else's change shows a
 * banner that reloads, and asks first when there are unsaved edits, which
 * Save then does not overwrite without asking. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = copy_demo (&dir);
  g_autofree char *contents = NULL;
  RolloutWindow *window = open_and_wait (copy, DEMO_NAME);
  RolloutDocument *document = rollout_window_get_document (window);
  guint checks[2] = { 0, 1 };
  struct { RolloutWindow **window; const char *text; } banner = { &window, NULL };
  struct { RolloutWindow *window; const char *name; } named = { window, NULL };
  AdwMessageDialog *dialog;
  gsize length;

  g_signal_connect (document, "disk-checked", G_CALLBACK (count_check_cb), &checks[0]);

  /* Our own save: looked at, and found to be ours. */
  rename_plan (document, "Reserve a scooter");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_for (count_reached, checks));
  g_assert_cmpint (rollout_document_get_disk_state (document), ==, ROLLOUT_DISK_STATE_SAME);
  g_assert_null (rollout_window_get_banner (window));

  /* The same bytes written again are no change either. */
  g_assert_true (g_file_load_contents (copy, NULL, &contents, &length, NULL, NULL));
  checks[1] = checks[0] + 1;
  g_assert_true (g_file_replace_contents (copy, contents, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_assert_true (wait_for (count_reached, checks));
  g_assert_cmpint (rollout_document_get_disk_state (document), ==, ROLLOUT_DISK_STATE_SAME);
  g_assert_null (rollout_window_get_banner (window));

  /* Someone else's change, without edits here: Reload. */
  write_other_version (copy, "Reserve a scooter (Dana’s)");
  banner.text = "The file was changed by someone else.";
  g_assert_true (wait_for (banner_says, &banner));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  named.name = "Reserve a scooter (Dana’s)";
  g_assert_true (wait_for (project_named, &named));
  document = rollout_window_get_document (window);
  g_assert_false (rollout_document_get_modified (document));
  g_assert_null (rollout_window_get_banner (window));

  /* With edits here: Reload asks first; Cancel keeps them. */
  rename_plan (document, "Reserve a scooter (mine)");
  write_other_version (copy, "Reserve a scooter (Dana’s again)");
  banner.text = "The file was changed by someone else. Merge their changes with yours, or reload to see only theirs.";
  g_assert_true (wait_for (banner_says, &banner));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (wait_for (dialog_exists, window));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reload and Discard Your Changes?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rollout_window_get_document (window) == document);
  g_assert_cmpstr (rollout_project_get_name (rollout_document_get_project (document)), ==, "Reserve a scooter (mine)");

  /* Saving now asks before overwriting their change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_for (dialog_exists, window));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Overwrite the Changed File?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "overwrite"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "overwrite");
  g_assert_false (rollout_document_get_modified (document));
  g_assert_null (rollout_window_get_banner (window));
  {
    g_autoptr(RolloutProject) reread = rollout_file_load (copy, NULL, NULL, NULL);

    g_assert_cmpstr (rollout_project_get_name (reread), ==, "Reserve a scooter (mine)");
  }

  close_everything ();
  g_assert_true (g_file_delete (copy, NULL, NULL));
  g_assert_true (g_rmdir (dir) == 0);
}

/* Every action with a shortcut is listed in the shortcuts window. */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GBytes) overlay = g_resources_lookup_data ("/com/example/Rollout/gtk/help-overlay.ui",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const RolloutShortcut *shortcuts;
  const char *text;
  guint n, n_listed = 0;

  g_assert_nonnull (overlay);
  text = g_bytes_get_data (overlay, NULL);

  shortcuts = rollout_application_get_shortcuts (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *needle = NULL;

      if (shortcuts[i].accels[0] == NULL)
        continue;
      /* The window's own are listed by their keys, the others by action. */
      if (shortcuts[i].in_text)
        needle = g_strdup_printf (">%s<", shortcuts[i].action);
      else
        {
          g_autofree char *escaped = g_markup_escape_text (shortcuts[i].accels[0], -1);

          needle = g_strdup_printf (">%s<", escaped);
        }
      if (strstr (text, needle) == NULL)
        g_test_message ("%s is not in the shortcuts window", shortcuts[i].action);
      g_assert_nonnull (strstr (text, needle));
      n_listed++;

      /* No key means two things. */
      for (guint k = 0; shortcuts[i].accels[k] != NULL; k++)
        {
          g_assert_false (g_hash_table_contains (seen, shortcuts[i].accels[k]));
          g_hash_table_add (seen, (gpointer) shortcuts[i].accels[k]);
        }

      /* The ones that work while typing are the application's own. */
      if (shortcuts[i].in_text)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), shortcuts[i].action);
          guint key, expected_key;
          GdkModifierType mods, expected_mods;

          g_assert_nonnull (accels[0]);
          g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
          g_assert_true (gtk_accelerator_parse (shortcuts[i].accels[0], &expected_key, &expected_mods));
          g_assert_cmpuint (key, ==, expected_key);
          g_assert_cmpuint (mods, ==, expected_mods);
        }
    }
  g_assert_cmpuint (n_listed, >=, 25);

  /* The standard keys keep their standard meanings. */
  {
    g_auto(GStrv) owners = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>question");

    g_assert_cmpuint (g_strv_length (owners), ==, 1);
    g_assert_cmpstr (owners[0], ==, "app.shortcuts");
  }
  {
    g_auto(GStrv) owners = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>f");

    g_assert_cmpuint (g_strv_length (owners), ==, 1);
    g_assert_cmpstr (owners[0], ==, "win.find");
  }
}

int
main (int   argc,
      char *argv[])
{
  app = ui_test_init (&argc, &argv, "ui-shell");

  g_test_add_func ("/rollout/ui-shell/open-demo", test_open_demo);
  g_test_add_func ("/rollout/ui-shell/recent-plans", test_recent_plans);
  g_test_add_func ("/rollout/ui-shell/open-invalid", test_open_invalid);
  g_test_add_func ("/rollout/ui-shell/save-changes-on-close", test_save_changes_on_close);
  g_test_add_func ("/rollout/ui-shell/save", test_save);
  g_test_add_func ("/rollout/ui-shell/modified-follows-history", test_modified_follows_history);
  g_test_add_func ("/rollout/ui-shell/drafts", test_drafts);
  g_test_add_func ("/rollout/ui-shell/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/rollout/ui-shell/shortcuts-listed", test_shortcuts_listed);

  return ui_test_run ();
}
