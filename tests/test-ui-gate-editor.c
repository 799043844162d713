/* test-ui-gate-editor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The gate editor on the demo plan, driven through its widgets as a person
 * would: opened from the pilot's card on the Monitor, a threshold typed
 * and a team's sign-off switched on, then Save. The pilot's gate and its
 * verdict change, on the card too, as one undo step; undo gives the file
 * back byte for byte. Cancel and Escape change nothing. Bad thresholds
 * and a criterion that repeats another are said on their rows and keep
 * Save off. Every control has a name and is reached with Tab. The editor
 * also opens from the phase editor on the Timeline and from the Metrics
 * page, where a metric that gates check names those gates.
 *
 * With ROLLOUT_SCREENSHOT_DIR set, the last test saves the dialog in light
 * and dark (gate-light.png, gate-dark.png), scrolled to its sign-offs
 * (gate-signoffs.png), 360 px wide (gate-narrow.png) and with problems
 * shown (gate-problem.png), and the cards and Metrics page it opens from
 * (gate-cards.png, gate-metrics.png). Needs a display; run under Xvfb.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rollout-application.h"
#include "rollout-file.h"
#include "rollout-gate-edit.h"
#include "rollout-gate-editor.h"
#include "rollout-gates.h"
#include "rollout-monitor-card.h"
#include "rollout-monitor-metrics.h"
#include "rollout-monitor-view.h"
#include "rollout-task-editor.h"
#include "rollout-timeline-view.h"
#include "rollout-window.h"
#include "ui-test-util.h"

#define PILOT_NAME "Pilot: Austin, 5%"

static RolloutApplication *app;

/* Finding widgets ------------------------------------------------------------ */

/* The row of @widget (of @type) titled @title. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 GType       type,
                 const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_by_type (widget, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* A switch flipped by a person slides over before it changes. */
static gboolean
switch_on (gconstpointer toggle)
{
  return gtk_switch_get_active ((GtkSwitch *) toggle);
}

static gboolean
switch_off (gconstpointer toggle)
{
  return !gtk_switch_get_active ((GtkSwitch *) toggle);
}

/* Accessible names ----------------------------------------------------------- */

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_interactive (widget))
    g_ptr_array_add (controls, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_controls (c, controls);
}

/* Clicks @button: at once, where a key would show it pressed a moment. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

/* The fixture ----------------------------------------------------------------- */

/* The demo plan open on the Monitor. */
typedef struct {
  RolloutWindow      *window;
  RolloutDocument    *document;
  RolloutProject     *project;
  RolloutHistory     *history;
  RolloutMonitorView *view;
  RolloutPhase       *pilot;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) demo = g_file_new_build_filename (g_getenv ("ROLLOUT_DATADIR"), "demo",
                                                     "scooter-reservations.rollout", NULL);
  GtkWidget *stack;

  rollout_application_open_file (app, demo, NULL);
  g_assert_true (wait_for (window_titled_exists, DEMO_NAME));
  fixture->window = find_window_titled (DEMO_NAME);
  fixture->document = rollout_window_get_document (fixture->window);
  fixture->project = rollout_document_get_project (fixture->document);
  fixture->history = rollout_document_get_history (fixture->document);
  fixture->pilot = rollout_project_lookup_phase (fixture->project, "pilot");
  g_assert_nonnull (fixture->pilot);

  stack = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "monitor");
  fixture->view = ROLLOUT_MONITOR_VIEW (find_by_type (GTK_WIDGET (fixture->window), ROLLOUT_TYPE_MONITOR_VIEW));
  g_assert_nonnull (fixture->view);
  g_assert_true (wait_for (widget_mapped, fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_everything ();
}

static RolloutMonitorCard *
card (Fixture      *fixture,
      RolloutPhase *phase)
{
  RolloutMonitorCard *found = rollout_monitor_view_get_card (fixture->view, phase);

  g_assert_nonnull (found);
  return found;
}

/* Clicks the card's Edit Gate… and returns the dialog it opens. */
static RolloutGateEditor *
open_from_card (Fixture      *fixture,
                RolloutPhase *phase)
{
  GtkWidget *button = find_actionable (GTK_WIDGET (card (fixture, phase)), "monitor.edit-gate");
  RolloutGateEditor *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL),
                   ==, rollout_phase_get_id (phase));
  click (button);
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  dialog = ROLLOUT_GATE_EDITOR (find_toplevel (ROLLOUT_TYPE_GATE_EDITOR, NULL));
  g_assert_true (rollout_gate_editor_get_phase (dialog) == phase);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (wait_for (widget_mapped, dialog));
  return dialog;
}

/* The criteria's rows, in order. */
static GPtrArray *
criteria_rows (RolloutGateEditor *dialog)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, rows);
  return rows;
}

static AdwExpanderRow *
criterion_row (RolloutGateEditor *dialog,
               guint              index)
{
  g_autoptr(GPtrArray) rows = criteria_rows (dialog);

  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static GtkEditable *
threshold_of (AdwExpanderRow *row)
{
  GtkWidget *entry = find_by_type (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static AdwComboRow *
combo_of (AdwExpanderRow *row,
          const char     *title)
{
  GtkWidget *combo = find_row_titled (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (combo);
  return ADW_COMBO_ROW (combo);
}

/* The criterion's Remove button. */
static GtkWidget *
remove_button_of (AdwExpanderRow *row)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "user-trash-symbolic") == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static GtkWidget *
save_button (RolloutGateEditor *dialog)
{
  GtkWidget *button = find_actionable (GTK_WIDGET (dialog), "gate.save");

  g_assert_nonnull (button);
  return button;
}

/* The team's row among the sign-offs, and its switch. */
static GtkSwitch *
signoff_switch (RolloutGateEditor *dialog,
                const char        *team_name)
{
  GtkWidget *row = find_row_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, team_name);

  g_assert_nonnull (row);
  return GTK_SWITCH (find_by_type (row, GTK_TYPE_SWITCH));
}

static char *
write_plan (Fixture *fixture)
{
  return rollout_file_write (fixture->project, NULL);
}

/* The tests ------------------------------------------------------------------ */

/* A threshold typed and a sign-off switched on, saved: one undo step that
 * changes the pilot's gate and, on its card, its verdict. Undo gives the
 * file back byte for byte. */
static void
test_save_undo (Fixture       *fixture,
                gconstpointer  data)
{
  RolloutMonitorCard *pilot_card = card (fixture, fixture->pilot);
  g_autofree char *before = write_plan (fixture);
  g_autofree char *after = NULL;
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  const RolloutGate *gate;
  RolloutGateEditor *dialog;
  AdwExpanderRow *first;
  GtkSwitch *pmm;
  GtkWidget *pmm_row;
  GtkWidget *overlay;
  AdwToast *toast;
  static const char * const signoffs[] = { "eng", "support", "cityops", "pmm", NULL };

  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (pilot_card), ==, "PENDING");
  g_assert_false (rollout_history_can_undo (fixture->history));

  dialog = open_from_card (fixture, fixture->pilot);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Gate of ‘" PILOT_NAME "’");

  /* The pilot's four criteria, each titled by its metric. */
  {
    g_autoptr(GPtrArray) rows = criteria_rows (dialog);

    g_assert_cmpuint (rows->len, ==, 4);
  }
  first = criterion_row (dialog, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Reservations per day");
  g_assert_cmpstr (adw_expander_row_get_subtitle (first), ==, "≥ 180 reservations · mean of the last 7 days");
  g_assert_cmpstr (gtk_editable_get_text (threshold_of (first)), ==, "180");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (threshold_of (first))), ==,
                   "Threshold (reservations)");
  g_assert_cmpuint (adw_combo_row_get_selected (combo_of (first, "Value Compared")), ==, 1);

  /* A threshold no pilot reaches. */
  gtk_editable_set_text (threshold_of (first), "100000");
  g_assert_cmpstr (adw_expander_row_get_subtitle (first), ==, "≥ 100000 reservations · mean of the last 7 days");
  g_assert_cmpfloat (((RolloutGateMetric *) g_ptr_array_index (rollout_gate_editor_get_draft (dialog)->metrics, 0))->threshold,
                     ==, 100000);

  /* Product Marketing must sign off too: its row switches it on. */
  pmm = signoff_switch (dialog, "Product Marketing");
  pmm_row = gtk_widget_get_ancestor (GTK_WIDGET (pmm), ADW_TYPE_ACTION_ROW);
  g_assert_false (gtk_switch_get_active (pmm));
  g_assert_true (gtk_switch_get_active (signoff_switch (dialog, "Engineering")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pmm_row)), ==, "Not signed off yet");
  adw_action_row_activate (ADW_ACTION_ROW (pmm_row));
  g_assert_true (wait_for (switch_on, pmm));

  /* Nothing is in the plan before Save. */
  g_assert_false (rollout_history_can_undo (fixture->history));
  after = write_plan (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_true (rollout_gate_editor_get_valid (dialog));
  g_assert_true (gtk_widget_get_sensitive (save_button (dialog)));
  click (save_button (dialog));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));

  /* One step, with the new gate. */
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Edit the gate of ‘" PILOT_NAME "’");
  gate = rollout_phase_get_gate (fixture->pilot);
  g_assert_nonnull (gate);
  g_assert_cmpuint (gate->metrics->len, ==, 4);
  g_assert_cmpfloat (((RolloutGateMetric *) g_ptr_array_index (gate->metrics, 0))->threshold, ==, 100000);
  g_assert_cmpstrv (gate->required_signoffs, signoffs);
  g_assert_cmpint (gate->max_open_risk_score, ==, 15);

  /* The verdict, evaluated and on the card. */
  evaluation = rollout_gates_evaluate_phase (fixture->project, fixture->pilot);
  g_assert_cmpint (evaluation->verdict, ==, ROLLOUT_VERDICT_NO_GO);
  g_assert_cmpuint (evaluation->criteria->len, ==, 9);
  g_assert_cmpuint (rollout_gate_evaluation_count (evaluation, ROLLOUT_CRITERION_MISSING), ==, 1);
  g_assert_true (card (fixture, fixture->pilot) == pilot_card);
  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (pilot_card), ==, "NO-GO");
  g_assert_cmpint (rollout_monitor_card_get_verdict (pilot_card), ==, ROLLOUT_VERDICT_NO_GO);

  /* The window's Undo toast says what was done. */
  overlay = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (overlay);
  toast = g_object_get_data (G_OBJECT (overlay), "rollout-undo-toast");
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Changed the gate of ‘" PILOT_NAME "’");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  after = write_plan (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (pilot_card), ==, "PENDING");
  g_assert_false (rollout_history_can_undo (fixture->history));
}

/* Cancel, and Escape, leave the plan as it was, whatever was changed in
 * the dialog; so does Save when nothing was. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = write_plan (fixture);
  g_autofree char *after = NULL;
  RolloutGateEditor *dialog;
  GtkWidget *cancel;

  /* Changes of every kind, then Cancel. */
  dialog = open_from_card (fixture, fixture->pilot);
  gtk_editable_set_text (threshold_of (criterion_row (dialog, 1)), "2");
  gtk_switch_set_active (signoff_switch (dialog, "Engineering"), FALSE);
  gtk_switch_set_active (signoff_switch (dialog, "Product Marketing"), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "gate.add-criterion", NULL);
  g_assert_cmpuint (rollout_gate_editor_get_draft (dialog)->metrics->len, ==, 5);
  cancel = find_actionable (GTK_WIDGET (dialog), "window.close");
  g_assert_nonnull (cancel);
  click (cancel);
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  g_assert_false (rollout_history_can_undo (fixture->history));
  after = write_plan (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Escape, from the threshold being typed. */
  dialog = open_from_card (fixture, fixture->pilot);
  gtk_widget_grab_focus (GTK_WIDGET (threshold_of (criterion_row (dialog, 0))));
  gtk_editable_set_text (threshold_of (criterion_row (dialog, 0)), "1");
  g_assert_true (press (GTK_WINDOW (dialog), GDK_KEY_Escape, 0));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  g_assert_false (rollout_history_can_undo (fixture->history));
  after = write_plan (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Save with nothing changed: no step to undo. Switching a team off and
   * on again puts it last, which is a change; the last one is not. */
  dialog = open_from_card (fixture, fixture->pilot);
  gtk_switch_set_active (signoff_switch (dialog, "City Operations"), FALSE);
  gtk_switch_set_active (signoff_switch (dialog, "City Operations"), TRUE);
  gtk_editable_set_text (threshold_of (criterion_row (dialog, 3)), "4.20");
  click (save_button (dialog));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  g_assert_false (rollout_history_can_undo (fixture->history));
  after = write_plan (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* Problems are said on the row they are about, with an icon, and keep Save
 * off until they are put right. */
static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *before = write_plan (fixture);
  g_autofree char *after = NULL;
  RolloutGateEditor *dialog = open_from_card (fixture, fixture->pilot);
  AdwExpanderRow *first = criterion_row (dialog, 0);
  AdwExpanderRow *added;
  GtkWidget *save = save_button (dialog);
  GtkWidget *remove;
  GtkSpinButton *days;
  static const struct {
    const char *text;
    const char *problem; /* NULL: fine */
  } thresholds[] = {
    { "abc", "“abc” is not a number" },
    { "", "Enter a threshold" },
    { "1,000", "Write the threshold with a decimal point and no thousands separators, as 4.2 or 1000" },
    { "inf", "“inf” is not a number" },
    { "250 reservations", NULL },
    { " 7e2 ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      GtkWidget *entry = GTK_WIDGET (threshold_of (first));

      g_test_message ("threshold “%s”", thresholds[i].text);
      gtk_editable_set_text (GTK_EDITABLE (entry), thresholds[i].text);
      if (thresholds[i].problem != NULL)
        {
          g_assert_cmpstr (adw_expander_row_get_subtitle (first), ==, thresholds[i].problem);
          g_assert_true (gtk_widget_has_css_class (entry, "error"));
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (first), "gate-problem"));
          g_assert_false (rollout_gate_editor_get_valid (dialog));
          g_assert_false (gtk_widget_get_sensitive (save));
          /* Neither Save nor Enter in the field saves. */
          gtk_widget_activate_action (GTK_WIDGET (dialog), "gate.save", NULL);
          gtk_widget_grab_focus (entry);
          press (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
          g_assert_true (find_toplevel (ROLLOUT_TYPE_GATE_EDITOR, NULL) == GTK_WINDOW (dialog));
        }
      else
        {
          g_assert_false (gtk_widget_has_css_class (entry, "error"));
          g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (first), "gate-problem"));
          g_assert_true (rollout_gate_editor_get_valid (dialog));
          g_assert_true (gtk_widget_get_sensitive (save));
        }
    }
  g_assert_cmpstr (adw_expander_row_get_subtitle (first), ==, "≥ 700 reservations · mean of the last 7 days");

  /* A new criterion: the plan's first metric (the pilot checks them all)
   * against its target, on its latest sample. Made the first criterion's
   * twin, it is refused. */
  click (find_actionable (GTK_WIDGET (dialog), "gate.add-criterion"));
  added = criterion_row (dialog, 4);
  g_assert_true (adw_expander_row_get_expanded (added));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (threshold_of (added))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), GTK_WIDGET (threshold_of (added))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (added)), ==, "Reservations per day");
  g_assert_cmpstr (adw_expander_row_get_subtitle (added), ==, "≥ 250 reservations · latest sample");
  g_assert_true (rollout_gate_editor_get_valid (dialog));
  adw_combo_row_set_selected (combo_of (added, "Value Compared"), 1);
  g_assert_cmpstr (adw_expander_row_get_subtitle (added), ==,
                   "Criterion 1 already compares this value the same way: keep one of them");
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Over two weeks it checks something else. Days are 1 or more. */
  days = GTK_SPIN_BUTTON (find_by_type (GTK_WIDGET (added), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (days);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (days), ADW_TYPE_ACTION_ROW)));
  gtk_spin_button_set_value (days, 14);
  g_assert_cmpstr (adw_expander_row_get_subtitle (added), ==, "≥ 250 reservations · mean of the last 14 days");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_spin_button_set_value (days, 0);
  g_assert_cmpint (((RolloutGateMetric *) g_ptr_array_index (rollout_gate_editor_get_draft (dialog)->metrics, 4))->window_days,
                   ==, 1);
  /* Another metric, another comparison: the row says so. */
  adw_combo_row_set_selected (combo_of (added, "Metric"), 1);
  adw_combo_row_set_selected (combo_of (added, "Comparison"), 1);
  adw_combo_row_set_selected (combo_of (added, "Value Compared"), 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (days), ADW_TYPE_ACTION_ROW)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (added)), ==, "No-show rate");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (threshold_of (added))), ==, "Threshold (%)");
  gtk_editable_set_text (threshold_of (added), "12 %");
  g_assert_cmpstr (adw_expander_row_get_subtitle (added), ==, "≤ 12% · latest sample");

  /* Removed with its button; the focus stays in the dialog. */
  remove = remove_button_of (added);
  g_assert_nonnull (remove);
  if (accessibility_on ())
    {
      g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     "Remove “No-show rate ≤ 12% (latest sample)”");

      g_assert_null (problem);
    }
  click (remove);
  {
    g_autoptr(GPtrArray) rows = criteria_rows (dialog);

    g_assert_cmpuint (rows->len, ==, 4);
  }
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (dialog)));

  /* The risk limit: off, then at 20. */
  {
    GtkWidget *risk_row = find_row_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "No open risk scoring at or above");
    GtkSpinButton *score = GTK_SPIN_BUTTON (find_by_type (risk_row, GTK_TYPE_SPIN_BUTTON));

    GtkSwitch *limit = GTK_SWITCH (find_by_type (risk_row, GTK_TYPE_SWITCH));

    g_assert_cmpint (gtk_spin_button_get_value_as_int (score), ==, 15);
    adw_action_row_activate (ADW_ACTION_ROW (risk_row));
    g_assert_true (wait_for (switch_off, limit));
    g_assert_cmpint (rollout_gate_editor_get_draft (dialog)->max_open_risk_score, ==, 0);
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (score)));
    adw_action_row_activate (ADW_ACTION_ROW (risk_row));
    g_assert_true (wait_for (switch_on, limit));
    gtk_spin_button_set_value (score, 20);
    g_assert_cmpint (rollout_gate_editor_get_draft (dialog)->max_open_risk_score, ==, 20);
    gtk_spin_button_set_value (score, 30);
    g_assert_cmpint (rollout_gate_editor_get_draft (dialog)->max_open_risk_score, ==, 25);
  }

  /* None of it reached the plan. */
  g_assert_false (rollout_history_can_undo (fixture->history));
  after = write_plan (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* Every control is named for assistive technologies and reached with Tab;
 * the first keys land in the dialog, not the window behind it. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  RolloutGateEditor *dialog = open_from_card (fixture, fixture->pilot);
  g_autoptr(GPtrArray) rows = criteria_rows (dialog);
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  guint n_unnamed = 0;
  const char *wanted[] = { "window.close", "gate.save", "gate.add-criterion" };

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (rows, i), TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  drain ();

  collect_controls (GTK_WIDGET (dialog), controls);
  g_test_message ("%u controls", controls->len);
  g_assert_cmpuint (controls->len, >, 30);
  if (accessibility_on ())
    for (guint i = 0; i < controls->len; i++)
      if (!has_name (named_by (g_ptr_array_index (controls, i))))
        {
          g_test_message ("no accessible name: %s", G_OBJECT_TYPE_NAME (g_ptr_array_index (controls, i)));
          n_unnamed++;
        }
  g_assert_cmpuint (n_unnamed, ==, 0);

  /* Tab goes round the dialog: note where the focus has been. */
  gtk_widget_grab_focus (find_actionable (GTK_WIDGET (dialog), "window.close"));
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
      press (GTK_WINDOW (dialog), GDK_KEY_Tab, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_true (g_hash_table_contains (reached, find_actionable (GTK_WIDGET (dialog), wanted[i])));
  for (guint i = 0; i < rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) combos = g_ptr_array_new ();

      g_assert_true (g_hash_table_contains (reached, threshold_of (row)));
      collect_by_type (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, combos);
      g_assert_cmpuint (combos->len, ==, 3);
      for (guint k = 0; k < combos->len; k++)
        g_assert_true (g_hash_table_contains (reached, g_ptr_array_index (combos, k)));
    }
  g_assert_true (g_hash_table_contains (reached, signoff_switch (dialog, "Product Marketing")) ||
                 g_hash_table_contains (reached, gtk_widget_get_ancestor (GTK_WIDGET (signoff_switch (dialog, "Product Marketing")),
                                                                         ADW_TYPE_ACTION_ROW)));
  {
    GtkWidget *risk_row = find_row_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "No open risk scoring at or above");

    g_assert_true (g_hash_table_contains (reached, find_by_type (risk_row, GTK_TYPE_SPIN_BUTTON)));
    g_assert_true (g_hash_table_contains (reached, risk_row) ||
                   g_hash_table_contains (reached, find_by_type (risk_row, GTK_TYPE_SWITCH)));
  }
  /* The focus never left for the window behind. */
  g_assert_false (g_hash_table_contains (reached, fixture->view));

  g_assert_true (press (GTK_WINDOW (dialog), GDK_KEY_Escape, 0));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
}

/* The phase editor on the Timeline opens the gate of its phase; the
 * Metrics page names the gates that check a metric and opens them. */
static void
test_other_ways_in (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *stack = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);
  GtkWidget *timeline = find_by_type (GTK_WIDGET (fixture->window), ROLLOUT_TYPE_TIMELINE_VIEW);
  RolloutTaskEditor *editor = ROLLOUT_TASK_EDITOR (find_by_type (timeline, ROLLOUT_TYPE_TASK_EDITOR));
  RolloutMonitorMetrics *metrics;
  RolloutGateEditor *dialog;
  GtkWidget *gate_row;
  GtkWidget *delete_button;
  GtkWidget *pilot_row;
  RolloutPhase *expansion = rollout_project_lookup_phase (fixture->project, "expansion");
  RolloutPhase *ga = rollout_project_lookup_phase (fixture->project, "ga");

  /* The Timeline's phase editor, on the pilot. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "timeline");
  g_assert_true (wait_for (widget_mapped, timeline));
  rollout_timeline_view_select (ROLLOUT_TIMELINE_VIEW (timeline), fixture->pilot);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit", NULL));
  drain ();
  g_assert_nonnull (editor);
  g_assert_true (rollout_task_editor_get_item (editor) == fixture->pilot);
  gate_row = find_actionable (GTK_WIDGET (editor), "task-editor.edit-gate");
  g_assert_nonnull (gate_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gate_row)), ==,
                   "PENDING: 1 criterion is waiting for data or a sign-off");
  gtk_widget_activate (gate_row);
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  dialog = ROLLOUT_GATE_EDITOR (find_toplevel (ROLLOUT_TYPE_GATE_EDITOR, NULL));
  g_assert_true (rollout_gate_editor_get_phase (dialog) == fixture->pilot);
  /* Without the satisfaction survey, the pilot is GO: the row follows. */
  click (remove_button_of (criterion_row (dialog, 3)));
  click (save_button (dialog));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gate_row)), ==, "GO: all 7 criteria are met");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gate_row)), ==,
                   "PENDING: 1 criterion is waiting for data or a sign-off");

  /* The last phase has no gate: one is added from its card. */
  rollout_timeline_view_select (ROLLOUT_TIMELINE_VIEW (timeline), ga);
  drain ();
  g_assert_true (rollout_task_editor_get_item (editor) == ga);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gate_row)), ==,
                   "No gate: this phase has no go/no-go criteria");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "monitor");
  g_assert_true (wait_for (widget_mapped, fixture->view));
  drain ();
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_actionable (GTK_WIDGET (card (fixture, ga)), "monitor.edit-gate"))),
                   ==, "Add _Gate…");
  dialog = open_from_card (fixture, ga);
  {
    g_autoptr(GPtrArray) rows = criteria_rows (dialog);

    g_assert_cmpuint (rows->len, ==, 0);
  }
  g_assert_true (gtk_widget_get_visible (find_row_titled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "No metric criteria")));
  adw_action_row_activate (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (signoff_switch (dialog, "Customer Support")),
                                                                   ADW_TYPE_ACTION_ROW)));
  g_assert_true (wait_for (switch_on, signoff_switch (dialog, "Customer Support")));
  click (save_button (dialog));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  drain ();
  g_assert_nonnull (rollout_phase_get_gate (ga));
  g_assert_cmpstr (rollout_monitor_card_get_verdict_text (card (fixture, ga)), ==, "PENDING");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gate_row)), ==,
                   "PENDING: 1 criterion is waiting for data or a sign-off");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_null (rollout_phase_get_gate (ga));

  /* The Metrics page: satisfaction is checked by three gates. */
  rollout_monitor_view_show_page (fixture->view, "metrics");
  metrics = ROLLOUT_MONITOR_METRICS (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_MONITOR_METRICS));
  rollout_monitor_metrics_select_metric (metrics, rollout_project_lookup_metric (fixture->project, "satisfaction"));
  drain ();
  delete_button = find_actionable (GTK_WIDGET (metrics), "metrics.delete-metric");
  g_assert_false (gtk_widget_get_sensitive (delete_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (delete_button), ==,
                   "The gates of ‘Internal dogfood’, ‘" PILOT_NAME "’, ‘Expansion: Denver, Portland, Atlanta (25%)’ "
                   "check this metric: take it out of the gates first");
  pilot_row = find_row_titled (GTK_WIDGET (metrics), ADW_TYPE_ACTION_ROW, PILOT_NAME);
  g_assert_nonnull (pilot_row);
  g_assert_true (gtk_widget_get_mapped (pilot_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pilot_row)), ==,
                   "Reservation satisfaction ≥ 4.2/5 (mean of the last 14 days)");
  adw_action_row_activate (ADW_ACTION_ROW (find_row_titled (GTK_WIDGET (metrics), ADW_TYPE_ACTION_ROW,
                                                            rollout_phase_get_name (expansion))));
  g_assert_true (wait_for (toplevel_exists, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
  dialog = ROLLOUT_GATE_EDITOR (find_toplevel (ROLLOUT_TYPE_GATE_EDITOR, NULL));
  g_assert_true (rollout_gate_editor_get_phase (dialog) == expansion);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));
}

/* Screenshots ---------------------------------------------------------------- */

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("ROLLOUT_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *signoffs = NULL;
  RolloutGateEditor *dialog;
  GtkAdjustment *scroll;

  if (dir == NULL)
    {
      g_test_skip ("set ROLLOUT_SCREENSHOT_DIR to save screenshots");
      return;
    }
  light = g_build_filename (dir, "gate-light.png", NULL);
  dark = g_build_filename (dir, "gate-dark.png", NULL);
  problem = g_build_filename (dir, "gate-problem.png", NULL);
  signoffs = g_build_filename (dir, "gate-signoffs.png", NULL);

  /* Rows shown unfolded, not half way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  dialog = open_from_card (fixture, fixture->pilot);
  adw_expander_row_set_expanded (criterion_row (dialog, 0), TRUE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_window (GTK_WINDOW (dialog), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_window (GTK_WINDOW (dialog), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The sign-offs and the risk limit, further down. */
  adw_expander_row_set_expanded (criterion_row (dialog, 0), FALSE);
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_by_type (GTK_WIDGET (dialog),
                                                                                   GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  save_window (GTK_WINDOW (dialog), signoffs);
  gtk_adjustment_set_value (scroll, 0);
  adw_expander_row_set_expanded (criterion_row (dialog, 0), TRUE);

  /* As narrow as the window goes. */
  {
    g_autofree char *narrow = g_build_filename (dir, "gate-narrow.png", NULL);

    gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 760);
    save_window (GTK_WINDOW (dialog), narrow);
    gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 760);
  }

  gtk_editable_set_text (threshold_of (criterion_row (dialog, 0)), "1,80");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "gate.add-criterion", NULL);
  adw_combo_row_set_selected (combo_of (criterion_row (dialog, 4), "Value Compared"), 1);
  adw_expander_row_set_expanded (criterion_row (dialog, 4), FALSE);
  save_window (GTK_WINDOW (dialog), problem);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_for (toplevel_gone, GSIZE_TO_POINTER (ROLLOUT_TYPE_GATE_EDITOR)));

  /* Where it opens from: the cards, and the Metrics page. */
  {
    g_autofree char *cards = g_build_filename (dir, "gate-cards.png", NULL);
    g_autofree char *metrics_page = g_build_filename (dir, "gate-metrics.png", NULL);
    RolloutMonitorMetrics *metrics;

    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
    gtk_window_unmaximize (GTK_WINDOW (fixture->window));
    save_window (GTK_WINDOW (fixture->window), cards);
    rollout_monitor_view_show_page (fixture->view, "metrics");
    metrics = ROLLOUT_MONITOR_METRICS (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_MONITOR_METRICS));
    rollout_monitor_metrics_select_metric (metrics, rollout_project_lookup_metric (fixture->project, "satisfaction"));
    save_window (GTK_WINDOW (fixture->window), metrics_page);
  }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  app = ui_test_init (&argc, &argv, "ui-gate-editor");

  g_test_add ("/rollout/ui-gate-editor/save-undo", Fixture, NULL, fixture_set_up, test_save_undo, fixture_tear_down);
  g_test_add ("/rollout/ui-gate-editor/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/rollout/ui-gate-editor/validation", Fixture, NULL, fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/rollout/ui-gate-editor/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/rollout/ui-gate-editor/other-ways-in", Fixture, NULL, fixture_set_up, test_other_ways_in, fixture_tear_down);
  g_test_add ("/rollout/ui-gate-editor/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);


  return ui_test_run ();
}
