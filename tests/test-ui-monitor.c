/* test-ui-monitor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Monitor view on the demo plan, driven as a person would: importing
 * the pilot's metrics CSV (after looking at the preview) turns its gate
 * from PENDING to GO on its card and enables Start Next Phase; undo turns
 * both back. Overriding a gate, pausing, resuming and rolling back go
 * through a dialog that wants a reason, and are recorded in the phase.
 * Samples and feedback are added, edited and deleted with undo, the log's
 * filters narrow it, and a file with bad rows imports nothing until the
 * bad rows are skipped. Needs a display; run under Xvfb.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rollout-application.h"
#include "rollout-file.h"
#include "rollout-format.h"
#include "rollout-generator.h"
#include "rollout-monitor-card.h"
#include "rollout-monitor-chart.h"
#include "rollout-monitor-feedback.h"
#include "rollout-monitor-feedback-dialog.h"
#include "rollout-monitor-import-dialog.h"
#include "rollout-monitor-metrics.h"
#include "rollout-monitor-sample-dialog.h"
#include "rollout-monitor-view.h"
#include "rollout-window.h"
#include "ui-test-util.h"

/* A fixture: the demo plan open on the Monitor. */
typedef struct {
  RolloutWindow      *window;
  RolloutDocument    *document;
  RolloutProject     *project;
  RolloutHistory     *history;
  RolloutMonitorView *view;
  RolloutPhase       *pilot;
  RolloutPhase       *expansion;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *stack;

  fixture->window = open_demo ();
  fixture->document = rollout_window_get_document (fixture->window);
  fixture->project = rollout_document_get_project (fixture->document);
  fixture->history = rollout_document_get_history (fixture->document);
  fixture->pilot = rollout_project_lookup_phase (fixture->project, "pilot");
  fixture->expansion = rollout_project_lookup_phase (fixture->project, "expansion");

  /* The Monitor is a page of the window's view stack, whatever its place. */
  stack = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "monitor");
  fixture->view = ROLLOUT_MONITOR_VIEW (find_by_type (GTK_WIDGET (fixture->window), ROLLOUT_TYPE_MONITOR_VIEW));
  g_assert_nonnull (fixture->view);
  g_assert_true (rollout_monitor_view_get_document (fixture->view) == fixture->document);
  g_assert_true (wait_for (widget_mapped, fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_everything ();
}

static GFile *
csv_file (const char *name)
{
  return g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "csv", name, NULL);
}

static const RolloutDecision *
last_decision (RolloutPhase *phase)
{
  GPtrArray *decisions = rollout_phase_get_decisions (phase);

  g_assert_cmpuint (decisions->len, >, 0);
  return g_ptr_array_index (decisions, decisions->len - 1);
}

static RolloutMonitorCard *
card (Fixture      *fixture,
      RolloutPhase *phase)
{
  RolloutMonitorCard *found = rollout_monitor_view_get_card (fixture->view, phase);

  g_assert_nonnull (found);
  return found;
}

static gboolean
import_read (gconstpointer dialog)
{
  return rollout_monitor_import_dialog_get_import ((RolloutMonitorImportDialog *) dialog) != NULL;
}

/* Opens the preview of @name and waits until the file is read. */
static RolloutMonitorImportDialog *
preview (Fixture                  *fixture,
         RolloutMonitorImportKind  kind,
         const char               *name)
{
  g_autoptr(GFile) file = csv_file (name);
  GtkWidget *dialog = rollout_monitor_view_import_csv (fixture->view, kind, file);

  g_assert_true (ROLLOUT_IS_MONITOR_IMPORT_DIALOG (dialog));
  g_assert_true (wait_for (import_read, dialog));
  drain ();
  return ROLLOUT_MONITOR_IMPORT_DIALOG (dialog);
}

/* Importing the pilot's metrics flips its gate from PENDING to GO on the
 * card, and Start Next Phase becomes enabled; undo turns both back. */
static void
test_import_flips_gate (Fixture       *fixture,
                        gconstpointer  data)
{
  RolloutMonitorCard *pilot_card = card (fixture, fixture->pilot);
  GtkWidget *start = find_actionable (GTK_WIDGET (pilot_card), "monitor.start-next-phase");
  RolloutMonitorImportDialog *dialog;
  RolloutImportCsv *import;
  GtkWidget *import_button;
  g_autofree char *before = rollout_file_write (fixture->project, NULL);
  g_autofree char *after = NULL;

  g_assert_nonnull (start);
  g_assert_true (gtk_widget_get_visible (start));
  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (pilot_card), ==, "PENDING");
  g_assert_cmpint (rollout_monitor_card_get_verdict (pilot_card), ==, ROLLOUT_VERDICT_PENDING);
  g_assert_false (gtk_widget_get_sensitive (start));
  /* Disabled means disabled: nothing starts. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "monitor.start-next-phase", NULL);
  g_assert_cmpint (rollout_phase_get_status (fixture->expansion), ==, ROLLOUT_PHASE_STATUS_PLANNED);

  /* The preview shows the rows, and no problem. */
  dialog = preview (fixture, ROLLOUT_MONITOR_IMPORT_METRICS, "metrics-pilot.csv");
  import = rollout_monitor_import_dialog_get_import (dialog);
  g_assert_cmpuint (rollout_import_csv_get_n_valid (import), ==, 7);
  g_assert_cmpuint (rollout_import_csv_get_problems (import)->len, ==, 0);
  import_button = find_actionable (GTK_WIDGET (dialog), "import.apply");
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  /* Nothing is imported before Import. */
  g_assert_false (rollout_history_can_undo (fixture->history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_MONITOR_IMPORT_DIALOG)));
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Import 7 metric samples");

  /* The same card, now GO, and Start Next Phase is enabled. */
  g_assert_true (card (fixture, fixture->pilot) == pilot_card);
  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (pilot_card), ==, "GO");
  g_assert_true (gtk_widget_get_sensitive (start));
  g_assert_false (gtk_widget_get_visible (find_actionable (GTK_WIDGET (pilot_card), "monitor.override-gate")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (pilot_card), ==, "PENDING");
  g_assert_false (gtk_widget_get_sensitive (start));
  after = rollout_file_write (fixture->project, NULL);
  g_assert_cmpstr (after, ==, before);

  /* Redo, then start the expansion: the pilot is completed and the
   * expansion's card now carries the decisions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_true (gtk_widget_get_sensitive (start));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "monitor.start-next-phase", NULL));
  g_assert_cmpint (rollout_phase_get_status (fixture->pilot), ==, ROLLOUT_PHASE_STATUS_COMPLETED);
  g_assert_cmpint (rollout_phase_get_status (fixture->expansion), ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_cmpint (last_decision (fixture->expansion)->action, ==, ROLLOUT_DECISION_START);
  g_assert_cmpuint (last_decision (fixture->expansion)->date, ==, rollout_today ());
  g_assert_cmpstr (last_decision (fixture->expansion)->reason, ==,
                   "Gate of ‘Pilot: Austin, 5%’: GO: all 8 criteria are met");
  g_assert_nonnull (find_actionable (GTK_WIDGET (card (fixture, fixture->expansion)), "monitor.pause"));
  g_assert_true (gtk_widget_get_visible (find_actionable (GTK_WIDGET (card (fixture, fixture->expansion)),
                                                          "monitor.pause")));
  g_assert_false (gtk_widget_get_visible (find_actionable (GTK_WIDGET (pilot_card), "monitor.pause")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (rollout_phase_get_status (fixture->expansion), ==, ROLLOUT_PHASE_STATUS_PLANNED);
}

/* A file with bad rows lists them by line and imports nothing, unless the
 * bad rows are skipped; Cancel leaves the plan alone. */
static void
test_import_bad_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  RolloutMonitorImportDialog *dialog;
  RolloutImportCsv *import;
  GtkWidget *import_button;
  GPtrArray *problems;
  guint n_feedback = g_list_model_get_n_items (rollout_project_get_feedback (fixture->project));

  dialog = preview (fixture, ROLLOUT_MONITOR_IMPORT_FEEDBACK, "feedback.csv");
  import = rollout_monitor_import_dialog_get_import (dialog);
  problems = rollout_import_csv_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpuint (((RolloutImportProblem *) g_ptr_array_index (problems, 0))->line, ==, 3);
  g_assert_cmpuint (((RolloutImportProblem *) g_ptr_array_index (problems, 1))->line, ==, 8);
  g_assert_cmpuint (((RolloutImportProblem *) g_ptr_array_index (problems, 2))->line, ==, 9);
  g_assert_cmpuint (rollout_import_csv_get_n_valid (import), ==, 4);
  import_button = find_actionable (GTK_WIDGET (dialog), "import.apply");
  g_assert_false (gtk_widget_get_sensitive (import_button));

  /* The problems are listed with their lines. */
  {
    GtkListView *list = GTK_LIST_VIEW (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW));
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
    g_autoptr(GtkStringObject) first = g_list_model_get_item (model, 0);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "Line 3: expected 7 fields as in the header, found 8");
  }

  /* Cancel: nothing changes. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_MONITOR_IMPORT_DIALOG)));
  g_assert_false (rollout_history_can_undo (fixture->history));

  /* Again, skipping the bad rows. */
  dialog = preview (fixture, ROLLOUT_MONITOR_IMPORT_FEEDBACK, "feedback.csv");
  import_button = find_actionable (GTK_WIDGET (dialog), "import.apply");
  g_assert_false (gtk_widget_get_sensitive (import_button));
  rollout_monitor_import_dialog_set_skip_bad_rows (dialog, TRUE);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_feedback (fixture->project)), ==, n_feedback + 4);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Import 4 feedback entries");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_feedback (fixture->project)), ==, n_feedback);
}

/* The decision dialog open now, with its reason and decider rows. */
typedef struct {
  AdwMessageDialog *dialog;
  GtkEditable      *reason;
  GtkEditable      *by;
} DecisionDialog;

static DecisionDialog
decision_dialog (void)
{
  DecisionDialog found = { NULL, NULL, NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  found.dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  collect_by_type (GTK_WIDGET (found.dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  found.reason = g_ptr_array_index (rows, 0);
  found.by = g_ptr_array_index (rows, 1);
  return found;
}

/* Overriding the pilot's PENDING gate asks for a reason and records who,
 * when and why in the pilot. */
static void
test_override (Fixture       *fixture,
               gconstpointer  data)
{
  RolloutMonitorCard *pilot_card = card (fixture, fixture->pilot);
  GtkWidget *override = find_actionable (GTK_WIDGET (pilot_card), "monitor.override-gate");
  guint n_decisions = rollout_phase_get_decisions (fixture->pilot)->len;
  g_autofree char *before = rollout_file_write (fixture->project, NULL);
  g_autofree char *after = NULL;
  const RolloutDecision *decision;
  DecisionDialog d;

  g_assert_true (gtk_widget_get_visible (override));
  g_assert_true (gtk_widget_get_sensitive (override));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "monitor.override-gate", NULL));
  d = decision_dialog ();
  g_assert_true (adw_message_dialog_has_response (d.dialog, "override"));
  g_assert_cmpstr (adw_message_dialog_get_heading (d.dialog), ==,
                   "Start ‘Expansion: Denver, Portland, Atlanta (25%)’ Despite the Gate?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (d.dialog),
                            "• Reservation satisfaction has no samples in this phase yet"));

  /* No reason, no override; Cancel changes nothing. */
  gtk_editable_set_text (d.by, "Maya Chen");
  g_assert_false (adw_message_dialog_get_response_enabled (d.dialog, "override"));
  gtk_editable_set_text (d.reason, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (d.dialog, "override"));
  adw_message_dialog_response (d.dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (d.dialog));
  g_assert_false (rollout_history_can_undo (fixture->history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "monitor.override-gate", NULL));
  d = decision_dialog ();
  gtk_editable_set_text (d.by, "Maya Chen");
  gtk_editable_set_text (d.reason, "Survey vendor is a week late; in-app ratings agree.");
  g_assert_true (adw_message_dialog_get_response_enabled (d.dialog, "override"));
  adw_message_dialog_response (d.dialog, "override");
  gtk_window_destroy (GTK_WINDOW (d.dialog));

  g_assert_cmpuint (rollout_phase_get_decisions (fixture->pilot)->len, ==, n_decisions + 1);
  decision = last_decision (fixture->pilot);
  g_assert_cmpint (decision->action, ==, ROLLOUT_DECISION_OVERRIDE);
  g_assert_cmpstr (decision->by, ==, "Maya Chen");
  g_assert_cmpuint (decision->date, ==, rollout_today ());
  g_assert_cmpstr (decision->reason, ==, "Survey vendor is a week late; in-app ratings agree.");
  g_assert_cmpint (rollout_phase_get_status (fixture->pilot), ==, ROLLOUT_PHASE_STATUS_COMPLETED);
  g_assert_cmpint (rollout_phase_get_status (fixture->expansion), ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_cmpint (last_decision (fixture->expansion)->action, ==, ROLLOUT_DECISION_START);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Start ‘Expansion: Denver, Portland, Atlanta (25%)’ Despite the Gate");
  /* The card shows the decision. */
  g_assert_false (gtk_widget_get_visible (find_actionable (GTK_WIDGET (pilot_card), "monitor.override-gate")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  after = rollout_file_write (fixture->project, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Pause, resume and roll back the pilot through their dialogs. */
static void
test_pause_resume_roll_back (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *response;
    const char *reason;
    RolloutPhaseStatus status;
    RolloutDecisionAction recorded;
  } steps[] = {
    { "monitor.pause", "pause", "Refund tool outage", ROLLOUT_PHASE_STATUS_PAUSED, ROLLOUT_DECISION_PAUSE },
    { "monitor.resume", "resume", "", ROLLOUT_PHASE_STATUS_ACTIVE, ROLLOUT_DECISION_RESUME },
    { "monitor.roll-back", "roll-back", "Lock firmware fault", ROLLOUT_PHASE_STATUS_ROLLED_BACK, ROLLOUT_DECISION_ROLLBACK },
  };
  RolloutMonitorCard *pilot_card = card (fixture, fixture->pilot);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *button = find_actionable (GTK_WIDGET (pilot_card), steps[i].action);
      DecisionDialog d;

      g_assert_true (gtk_widget_get_visible (button));
      g_assert_true (gtk_widget_get_sensitive (button));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), steps[i].action, NULL));
      d = decision_dialog ();
      gtk_editable_set_text (d.by, "Maya Chen");
      gtk_editable_set_text (d.reason, steps[i].reason);
      /* Resuming needs no reason. */
      g_assert_true (adw_message_dialog_get_response_enabled (d.dialog, steps[i].response));
      adw_message_dialog_response (d.dialog, steps[i].response);
      gtk_window_destroy (GTK_WINDOW (d.dialog));

      g_assert_cmpint (rollout_phase_get_status (fixture->pilot), ==, steps[i].status);
      g_assert_cmpint (last_decision (fixture->pilot)->action, ==, steps[i].recorded);
      g_assert_cmpstr (last_decision (fixture->pilot)->by, ==, "Maya Chen");
      g_assert_cmpstr (last_decision (fixture->pilot)->reason, ==, *steps[i].reason ? steps[i].reason : NULL);
    }

  /* Rolled back: nothing moves on until it is resumed. */
  g_assert_false (gtk_widget_get_visible (find_actionable (GTK_WIDGET (pilot_card), "monitor.start-next-phase")));
  g_assert_true (gtk_widget_get_visible (find_actionable (GTK_WIDGET (pilot_card), "monitor.resume")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "monitor.override-gate", NULL);
  drain ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (rollout_phase_get_status (fixture->pilot), ==, ROLLOUT_PHASE_STATUS_ACTIVE);
  g_assert_false (rollout_history_can_undo (fixture->history));
}

/* A sample added, edited and deleted on the Metrics page, with Delete
 * going through the window. */
static void
test_samples (Fixture       *fixture,
              gconstpointer  data)
{
  RolloutMonitorMetrics *metrics = ROLLOUT_MONITOR_METRICS (find_by_type (GTK_WIDGET (fixture->view),
                                                                          ROLLOUT_TYPE_MONITOR_METRICS));
  RolloutMetric *satisfaction = rollout_project_lookup_metric (fixture->project, "satisfaction");
  guint n = rollout_metric_get_samples (satisfaction)->len;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWindow *dialog;
  RolloutSample *added;

  rollout_monitor_view_show_page (fixture->view, "metrics");
  rollout_monitor_metrics_select_metric (metrics, satisfaction);
  g_assert_true (rollout_monitor_metrics_get_metric (metrics) == satisfaction);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (metrics), "metrics.add-sample", NULL));
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_MONITOR_SAMPLE_DIALOG)));
  dialog = find_toplevel (ROLLOUT_TYPE_MONITOR_SAMPLE_DIALOG, NULL);
  collect_by_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (g_ptr_array_index (rows, 0), "2026-03-28");
  /* A comma is not a decimal point: Save stays off. */
  gtk_editable_set_text (g_ptr_array_index (rows, 1), "4,6");
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (dialog), "sample.save")));
  gtk_editable_set_text (g_ptr_array_index (rows, 1), "4.6");
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (dialog), "sample.save")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sample.save", NULL));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_MONITOR_SAMPLE_DIALOG)));

  g_assert_cmpuint (rollout_metric_get_samples (satisfaction)->len, ==, n + 1);
  added = g_ptr_array_index (rollout_metric_get_samples (satisfaction), n);
  g_assert_cmpuint (added->date, ==, rollout_date_from_ymd (2026, 3, 28));
  g_assert_cmpfloat (added->value, ==, 4.6);
  /* In the phase the roll-out is in, as the dialog suggested. */
  g_assert_cmpstr (added->phase_id, ==, "pilot");
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Add a Sample to ‘Reservation satisfaction’");
  /* The survey's first score is in: the pilot's gate is GO, as its card
   * says when the phases are shown again. */
  rollout_monitor_view_show_page (fixture->view, "phases");
  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (card (fixture, fixture->pilot)), ==, "GO");
  rollout_monitor_view_show_page (fixture->view, "metrics");

  /* Delete it from the window. */
  rollout_monitor_metrics_select_sample (metrics, n);
  g_assert_cmpint (rollout_monitor_metrics_get_selected_sample (metrics), ==, (int) n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  g_assert_cmpuint (rollout_metric_get_samples (satisfaction)->len, ==, n);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Delete a Sample of ‘Reservation satisfaction’");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (rollout_metric_get_samples (satisfaction)->len, ==, n + 1);

  /* The metric's definition: a new name is one step. */
  {
    GtkWidget *name_row = find_by_type (GTK_WIDGET (metrics), ADW_TYPE_ENTRY_ROW);
    GListModel *all = rollout_project_get_metrics (fixture->project);
    guint n_metrics = g_list_model_get_n_items (all);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Reservation satisfaction");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Rider satisfaction");
    g_signal_emit_by_name (name_row, "apply");
    g_assert_cmpstr (rollout_metric_get_name (satisfaction), ==, "Rider satisfaction");
    g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Rename ‘Reservation satisfaction’");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Reservation satisfaction");

    /* A new metric is selected, named for renaming; a gate's metric cannot be deleted. */
    g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (metrics), "metrics.delete-metric")));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (metrics), "metrics.new-metric", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_metrics + 1);
    g_assert_cmpstr (rollout_metric_get_name (rollout_monitor_metrics_get_metric (metrics)), ==, "New Metric");
    g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (metrics), "metrics.delete-metric")));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (metrics), "metrics.delete-metric", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_metrics);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_metrics);
  }
}

/* The feedback log filters; an entry is added with a task link and
 * deleted, with undo. */
static void
test_feedback (Fixture       *fixture,
               gconstpointer  data)
{
  RolloutMonitorFeedback *log = ROLLOUT_MONITOR_FEEDBACK (find_by_type (GTK_WIDGET (fixture->view),
                                                                        ROLLOUT_TYPE_MONITOR_FEEDBACK));
  GListModel *shown = rollout_monitor_feedback_get_shown (log);
  GListModel *feedback = rollout_project_get_feedback (fixture->project);
  guint n = g_list_model_get_n_items (feedback);
  GtkWidget *search;
  GtkWindow *dialog;
  GtkTextView *text;
  GtkDropDown *task;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RolloutFeedback) newest = NULL;
  RolloutFeedback *added;

  /* Ctrl+F shows the log and its search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  drain ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (log)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  newest = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (rollout_feedback_get_id (newest), ==, "fb-15");

  rollout_monitor_feedback_set_phase_filter (log, fixture->pilot);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 9);
  rollout_monitor_feedback_set_sentiment_filter (log, ROLLOUT_SENTIMENT_NEGATIVE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  search = find_by_type (GTK_WIDGET (log), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "REFUND");
  g_signal_emit_by_name (search, "search-changed");
  /* fb-14 says "refund"; fb-8 is about pricing. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (log), "feedback-log.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);

  /* Add one, linked to a task. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (log), "feedback-log.add", NULL));
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_MONITOR_FEEDBACK_DIALOG)));
  dialog = find_toplevel (ROLLOUT_TYPE_MONITOR_FEEDBACK_DIALOG, NULL);
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (dialog), "feedback.save")));
  text = GTK_TEXT_VIEW (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "The 10-minute hold is too short downtown.", -1);
  collect_by_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 3);
  gtk_editable_set_text (g_ptr_array_index (rows, 0), "2026-03-27");
  gtk_editable_set_text (g_ptr_array_index (rows, 1), "interview");
  gtk_editable_set_text (g_ptr_array_index (rows, 2), "hold-timer, downtown, hold-timer");
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    /* The task's is the last. */
    collect_by_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, dropdowns);
    g_assert_cmpuint (dropdowns->len, >, 0);
    task = g_ptr_array_index (dropdowns, dropdowns->len - 1);
  }
  gtk_drop_down_set_selected (task, rollout_project_index_of (fixture->project,
                                                              rollout_project_lookup_task (fixture->project,
                                                                                           "noshow-experiment")) + 1);
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (dialog), "feedback.save")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "feedback.save", NULL));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_MONITOR_FEEDBACK_DIALOG)));

  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, n + 1);
  added = rollout_project_lookup_feedback (fixture->project, "fb-16");
  g_assert_nonnull (added);
  g_assert_cmpstr (rollout_feedback_get_text (added), ==, "The 10-minute hold is too short downtown.");
  g_assert_cmpstr (rollout_feedback_get_source (added), ==, "interview");
  g_assert_cmpstr (rollout_feedback_get_phase_id (added), ==, "pilot");
  g_assert_cmpstr (rollout_feedback_get_task_id (added), ==, "noshow-experiment");
  g_assert_cmpint (rollout_feedback_get_sentiment (added), ==, ROLLOUT_SENTIMENT_NEUTRAL);
  g_assert_cmpuint (g_strv_length ((char **) rollout_feedback_get_tags (added)), ==, 2);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Add Feedback");
  /* Newest first: it heads the log. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n + 1);
  {
    g_autoptr(RolloutFeedback) first = g_list_model_get_item (shown, 0);

    g_assert_true (first == added);
  }

  rollout_monitor_feedback_select (log, added);
  g_assert_true (rollout_monitor_feedback_get_selected (log) == added);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  g_assert_null (rollout_project_lookup_feedback (fixture->project, "fb-16"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  /* The window's one Undo toast says so: every view shares it, as
   * libadwaita 1.2 can crash when toasts replace each other. */
  {
    GtkWidget *overlay = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);
    AdwToast *toast = g_object_get_data (G_OBJECT (overlay), "rollout-undo-toast");

    g_assert_nonnull (toast);
    g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted a feedback entry");
    g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (rollout_project_lookup_feedback (fixture->project, "fb-16") == added);
}

static guint
count_cards (RolloutMonitorView *view)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (view), ROLLOUT_TYPE_MONITOR_CARD, cards);
  return cards->len;
}

/* A plan of many phases shows those around the current one, and more on
 * request. */
static void
test_many_phases (void)
{
  g_autoptr(RolloutProject) generated = rollout_generate_project (800, 1);
  g_autofree char *dir = g_dir_make_tmp ("rollout-ui-monitor-plan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.rollout", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GListModel *phases = rollout_project_get_phases (generated);
  guint n = g_list_model_get_n_items (phases);
  g_autoptr(RolloutPhase) middle = g_list_model_get_item (phases, n / 2);
  RolloutWindow *window;
  RolloutMonitorView *view;
  RolloutProject *project;
  guint shown;

  g_assert_cmpuint (n, >, 30);
  /* The roll-out is halfway. */
  for (guint i = 0; i < n / 2; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      rollout_phase_set_status (phase, ROLLOUT_PHASE_STATUS_COMPLETED);
    }
  rollout_phase_set_status (middle, ROLLOUT_PHASE_STATUS_ACTIVE);
  rollout_project_set_name (generated, "Many phases");
  g_assert_true (rollout_file_save (generated, file, NULL, &error));
  g_assert_no_error (error);

  window = open_and_wait (file, "Many phases");
  project = rollout_document_get_project (rollout_window_get_document (window));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "monitor");
  view = ROLLOUT_MONITOR_VIEW (find_by_type (GTK_WIDGET (window), ROLLOUT_TYPE_MONITOR_VIEW));
  g_assert_true (wait_for (widget_mapped, view));

  shown = count_cards (view);
  g_assert_cmpuint (shown, <, n);
  g_assert_nonnull (rollout_monitor_view_get_card (view, rollout_project_lookup_phase (project, rollout_phase_get_id (middle))));
  g_assert_null (rollout_monitor_view_get_card (view, rollout_project_lookup_phase (project, "phase-1")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "monitor.show-earlier", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "monitor.show-later", NULL));
  g_assert_cmpuint (count_cards (view), ==, MIN (n, shown + 20));

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

/* Charts' labels in both directions --------------------------------------- */

static GtkTextDirection saved_direction;

/* The demo plan on the Monitor, its widgets laid out in @direction, in a
 * window 1400 × 900 (at least: GTK keeps a window's first size within the
 * screen, not its minimum). */
static void
fixture_set_up_direction (Fixture       *fixture,
                          gconstpointer  direction)
{
  saved_direction = gtk_widget_get_default_direction ();
  gtk_widget_set_default_direction (GPOINTER_TO_INT (direction));
  fixture_set_up (fixture, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->window), 1400, 900);
}

static void
fixture_tear_down_direction (Fixture       *fixture,
                             gconstpointer  direction)
{
  fixture_tear_down (fixture, NULL);
  gtk_widget_set_default_direction (saved_direction);
  /* The window kept its size for the next ones. */
  forget_window_size ();
}

/* The charts on the phases' cards (the Metrics page has one too). */
static GPtrArray *
charts (Fixture *fixture)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_MONITOR_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    collect_by_type (g_ptr_array_index (cards, i), ROLLOUT_TYPE_MONITOR_CHART, found);
  return found;
}

static gboolean
charts_laid_out_at_1400 (gconstpointer data)
{
  Fixture *fixture = (Fixture *) data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_autoptr(GPtrArray) found = charts (fixture);

  if (surface == NULL || gdk_surface_get_width (surface) != 1400 || found->len == 0)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    if (!gtk_widget_get_mapped (g_ptr_array_index (found, i)) ||
        gtk_widget_get_width (g_ptr_array_index (found, i)) <= 0)
      return FALSE;
  return TRUE;
}

/* Every phase's charts, left to right and right to left: the threshold's
 * label ("≥ 4.2") is inside its chart, never cut by an edge nor over the
 * value labels, and clear of the samples. */
static void
test_chart_labels (Fixture       *fixture,
                   gconstpointer  direction)
{
  GListModel *phases = rollout_project_get_phases (fixture->project);
  g_autoptr(GPtrArray) found = NULL;
  guint labelled = 0;

  /* Finished phases start folded. */
  for (guint i = 0, n = g_list_model_get_n_items (phases); i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      rollout_monitor_card_set_expanded (card (fixture, phase), TRUE);
    }
  g_assert_true (wait_for (charts_laid_out_at_1400, fixture));
  drain ();

  found = charts (fixture);
  for (guint i = 0; i < found->len; i++)
    {
      RolloutMonitorChart *chart = g_ptr_array_index (found, i);
      const RolloutMetricChart *geometry = rollout_monitor_chart_get_geometry (chart);
      int width = gtk_widget_get_width (GTK_WIDGET (chart));
      int height = gtk_widget_get_height (GTK_WIDGET (chart));
      graphene_rect_t label, near;

      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (chart)), ==, GPOINTER_TO_INT (direction));
      g_assert_nonnull (geometry);
      if (!rollout_monitor_chart_get_label_bounds (chart, &label))
        continue;
      labelled++;
      g_assert_cmpfloat (label.size.width, >, 0);
      g_assert_cmpfloat (label.origin.x, >=, geometry->area.x);
      g_assert_cmpfloat (label.origin.x + label.size.width, <=, geometry->area.x + geometry->area.width);
      g_assert_cmpfloat (label.origin.x + label.size.width, <=, width);
      g_assert_cmpfloat (label.origin.y, >=, 0);
      g_assert_cmpfloat (label.origin.y + label.size.height, <=, height);
      /* No sample's dot (3 px round) under it or touching it, nor the
       * line between two, nor the gate's value (a bar across the mean's
       * days). */
      graphene_rect_inset_r (&label, -4, -4, &near);
      for (guint j = 0; j < geometry->points->len; j++)
        {
          const RolloutChartPoint *point = &g_array_index (geometry->points, RolloutChartPoint, j);
          const RolloutChartPoint *before = j > 0 ? point - 1 : NULL;

          g_assert_false (graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (point->x, point->y)));
          for (guint k = 1; before != NULL && before->segment == point->segment && k < 32; k++)
            {
              graphene_point_t on = GRAPHENE_POINT_INIT (before->x + (point->x - before->x) * k / 32.0,
                                                         before->y + (point->y - before->y) * k / 32.0);

              g_assert_false (graphene_rect_contains_point (&label, &on));
            }
        }
      if (geometry->has_aggregate && geometry->has_window)
        g_assert_false (graphene_rect_intersection (&near,
                                                    &GRAPHENE_RECT_INIT (geometry->window.x, geometry->aggregate_y - 1,
                                                                         geometry->window.width, 2),
                                                    NULL));
    }
  /* Dogfood's 3 criteria, the pilot's 4 and the expansion's 4. */
  g_assert_cmpuint (labelled, ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, "ui-monitor");

  g_test_add ("/rollout/ui-monitor/import-flips-gate", Fixture, NULL, fixture_set_up, test_import_flips_gate, fixture_tear_down);
  g_test_add ("/rollout/ui-monitor/import-bad-rows", Fixture, NULL, fixture_set_up, test_import_bad_rows, fixture_tear_down);
  g_test_add ("/rollout/ui-monitor/override", Fixture, NULL, fixture_set_up, test_override, fixture_tear_down);
  g_test_add ("/rollout/ui-monitor/pause-resume-roll-back", Fixture, NULL, fixture_set_up, test_pause_resume_roll_back, fixture_tear_down);
  g_test_add ("/rollout/ui-monitor/samples", Fixture, NULL, fixture_set_up, test_samples, fixture_tear_down);
  g_test_add ("/rollout/ui-monitor/feedback", Fixture, NULL, fixture_set_up, test_feedback, fixture_tear_down);
  g_test_add_func ("/rollout/ui-monitor/many-phases", test_many_phases);
  g_test_add ("/rollout/ui-monitor/chart-labels/ltr", Fixture, GINT_TO_POINTER (GTK_TEXT_DIR_LTR),
              fixture_set_up_direction, test_chart_labels, fixture_tear_down_direction);
  g_test_add ("/rollout/ui-monitor/chart-labels/rtl", Fixture, GINT_TO_POINTER (GTK_TEXT_DIR_RTL),
              fixture_set_up_direction, test_chart_labels, fixture_tear_down_direction);

  return ui_test_run ();
}
