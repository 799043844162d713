/* rollout-monitor-view.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Monitor page: where the roll-out stands and what decides whether it
 * moves on.
 *
 * Three pages under one switcher: Phases (a card per phase, in roll-out
 * order, with its gate's verdict, a chart per gate metric, the sign-offs,
 * what people said and the decisions taken), Metrics (define them, and
 * add, edit and delete their samples) and Feedback (the log, filtered).
 * Import CSV brings in samples or feedback after showing what it would add
 * and what is wrong with the file.
 *
 * Each card's Edit Gate… opens the gate editor on its phase
 * (monitor.edit-gate).
 *
 * The decisions are this view's actions: monitor.start-next-phase is
 * enabled only when the gate before the next phase is GO; when it is not,
 * monitor.override-gate asks for a reason first. Pause, resume and roll
 * back ask the same way. Each is one command from core (rollout-monitor.c)
 * that records who, when and why in the phase. The window passes its
 * edit actions on as monitor.delete, monitor.edit and monitor.find, which
 * act on the page shown.
 *
 * After every change the actions' states are worked out again (cheap); the
 * page shown is refreshed, and the others when they are shown next.
 */

#define G_LOG_DOMAIN "rollout-monitor-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-file-chooser.h"
#include "rollout-format.h"
#include "rollout-gate-editor.h"
#include "rollout-monitor.h"
#include "rollout-monitor-card.h"
#include "rollout-monitor-feedback.h"
#include "rollout-monitor-metrics.h"
#include "rollout-monitor-util.h"
#include "rollout-monitor-view.h"

/* Up to this many phases, all unfinished ones show unfolded. */
#define FEW_PHASES 8
/* A plan of more phases shows those around the current one, and more on
 * request: a card is a few dozen widgets, and a roll-out is watched where
 * it is. */
#define MAX_CARDS 16
#define SHOWN_BEFORE 3
#define SHOWN_AFTER 8
#define SHOW_MORE 10

struct _RolloutMonitorView
{
  GtkWidget               parent_instance;

  RolloutDocument        *document;
  GHashTable             *expanded;      /* phase id → GINT_TO_POINTER (1 + expanded), as set by hand */
  guint                   updating;
  guint                   extra_before;  /* phases shown beyond SHOWN_BEFORE on request */
  guint                   extra_after;
  /* Pages to refresh when next shown */
  guint                   cards_stale : 1;
  guint                   metrics_stale : 1;
  guint                   feedback_stale : 1;

  GtkStack               *stack;
  GtkStack               *phases_stack;
  GtkScrolledWindow      *cards_scroller;
  GtkBox                 *cards_box;
  GtkWidget              *earlier_button;
  GtkWidget              *later_button;
  RolloutMonitorMetrics  *metrics_page;
  RolloutMonitorFeedback *feedback_page;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorView, rollout_monitor_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers ------------------------------------------------------------------ */

static RolloutProject *
get_project (RolloutMonitorView *self)
{
  return self->document != NULL ? rollout_document_get_project (self->document) : NULL;
}

static const char *
phase_name (RolloutPhase *phase)
{
  return rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase);
}

/* Which decisions fit where the roll-out stands. */
static void
update_actions (RolloutMonitorView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RolloutProject *project = get_project (self);
  RolloutPhase *current = project != NULL ? rollout_monitor_get_current_phase (project) : NULL;
  RolloutPhase *next = project != NULL ? rollout_monitor_get_next_phase (project) : NULL;

  gtk_widget_action_set_enabled (widget, "monitor.start-next-phase",
                                 next != NULL && rollout_monitor_can_decide (project, next, ROLLOUT_DECISION_START));
  gtk_widget_action_set_enabled (widget, "monitor.override-gate",
                                 next != NULL && rollout_monitor_can_decide (project, next, ROLLOUT_DECISION_OVERRIDE));
  gtk_widget_action_set_enabled (widget, "monitor.pause",
                                 current != NULL && rollout_monitor_can_decide (project, current, ROLLOUT_DECISION_PAUSE));
  gtk_widget_action_set_enabled (widget, "monitor.resume",
                                 current != NULL && rollout_monitor_can_decide (project, current, ROLLOUT_DECISION_RESUME));
  gtk_widget_action_set_enabled (widget, "monitor.roll-back",
                                 current != NULL && rollout_monitor_can_decide (project, current, ROLLOUT_DECISION_ROLLBACK));
  gtk_widget_action_set_enabled (widget, "monitor.edit-gate", project != NULL);
  gtk_widget_action_set_enabled (widget, "monitor.import-metrics", project != NULL);
  gtk_widget_action_set_enabled (widget, "monitor.import-feedback", project != NULL);
}

static void
card_expanded_cb (RolloutMonitorView *self,
                  GParamSpec         *pspec,
                  RolloutMonitorCard *card)
{
  RolloutPhase *phase = rollout_monitor_card_get_phase (card);

  if (self->updating || phase == NULL)
    return;
  g_hash_table_insert (self->expanded, g_strdup (rollout_phase_get_id (phase)),
                       GINT_TO_POINTER (1 + rollout_monitor_card_get_expanded (card)));
}

static void
update_cards (RolloutMonitorView *self)
{
  RolloutProject *project = get_project (self);
  GListModel *phases;
  RolloutPhase *current;
  RolloutPhase *next;
  GtkWidget *child;
  guint n, first, last, anchor;

  if (project == NULL)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
        gtk_box_remove (self->cards_box, child);
      gtk_widget_set_visible (self->earlier_button, FALSE);
      gtk_widget_set_visible (self->later_button, FALSE);
      return;
    }

  phases = rollout_project_get_phases (project);
  n = g_list_model_get_n_items (phases);
  current = rollout_monitor_get_current_phase (project);
  next = rollout_monitor_get_next_phase (project);
  anchor = current != NULL ? (guint) rollout_project_index_of (project, current) : 0;
  if (n <= MAX_CARDS)
    {
      first = 0;
      last = n;
    }
  else
    {
      first = anchor > SHOWN_BEFORE + self->extra_before ? anchor - SHOWN_BEFORE - self->extra_before : 0;
      last = MIN (n, anchor + 1 + SHOWN_AFTER + self->extra_after);
    }

  self->updating++;
  child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
  for (guint i = first; i < last; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
      g_autoptr(RolloutGateEvaluation) evaluation = rollout_gates_evaluate_phase (project, phase);
      RolloutMonitorCardRole role = ROLLOUT_MONITOR_CARD_OTHER;
      gpointer stored;
      gboolean expanded;

      if (child == NULL)
        {
          child = rollout_monitor_card_new ();
          gtk_box_append (self->cards_box, child);
          g_signal_connect_object (child, "notify::expanded", G_CALLBACK (card_expanded_cb), self, G_CONNECT_SWAPPED);
        }
      if (phase == current)
        role = ROLLOUT_MONITOR_CARD_CURRENT;
      else if (current == NULL && i == 0)
        role = ROLLOUT_MONITOR_CARD_FIRST;

      /* Unfolded: the phase being decided about and the next one, and on
       * a plan of a few phases every one not finished yet; as set by hand
       * otherwise. Folded cards cost little. */
      stored = g_hash_table_lookup (self->expanded, rollout_phase_get_id (phase));
      if (stored != NULL)
        expanded = GPOINTER_TO_INT (stored) - 1;
      else
        expanded = phase == current || phase == next ||
                   (n <= FEW_PHASES && rollout_phase_get_status (phase) != ROLLOUT_PHASE_STATUS_COMPLETED);
      rollout_monitor_card_set_expanded (ROLLOUT_MONITOR_CARD (child), expanded);
      rollout_monitor_card_update (ROLLOUT_MONITOR_CARD (child), project, phase, evaluation, role, next);
      child = gtk_widget_get_next_sibling (child);
    }
  while (child != NULL)
    {
      GtkWidget *next_child = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->cards_box, child);
      child = next_child;
    }
  self->updating--;

  gtk_widget_set_visible (self->earlier_button, first > 0);
  if (first > 0)
    {
      g_autofree char *label = NULL;
      guint more = MIN (first, SHOW_MORE);

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Show the _Earlier Phase",
                                            "Show %u _Earlier Phases", more), more);
      gtk_button_set_label (GTK_BUTTON (self->earlier_button), label);
    }
  gtk_widget_set_visible (self->later_button, last < n);
  if (last < n)
    {
      g_autofree char *label = NULL;
      guint more = MIN (n - last, SHOW_MORE);

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Show the _Next Phase",
                                            "Show %u _Later Phases", more), more);
      gtk_button_set_label (GTK_BUTTON (self->later_button), label);
    }
  gtk_stack_set_visible_child_name (self->phases_stack, n > 0 ? "cards" : "empty");
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);

  if (g_str_equal (action_name, "monitor.show-earlier"))
    self->extra_before += SHOW_MORE;
  else
    self->extra_after += SHOW_MORE;
  update_cards (self);
}

/* Refreshes the page shown, if it is stale. */
static void
refresh (RolloutMonitorView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->cards_stale && g_strcmp0 (page, "phases") == 0)
    {
      self->cards_stale = FALSE;
      update_cards (self);
    }
  else if (self->metrics_stale && g_strcmp0 (page, "metrics") == 0)
    {
      self->metrics_stale = FALSE;
      rollout_monitor_metrics_refresh (self->metrics_page);
    }
  else if (self->feedback_stale && g_strcmp0 (page, "feedback") == 0)
    {
      self->feedback_stale = FALSE;
      rollout_monitor_feedback_refresh (self->feedback_page);
    }
}

static void
document_changed_cb (RolloutMonitorView *self)
{
  update_actions (self);
  self->cards_stale = TRUE;
  self->metrics_stale = TRUE;
  self->feedback_stale = TRUE;
  refresh (self);
}

static void
run_with_toast (RolloutMonitorView *self,
                RolloutCommand     *command,
                const char         *title)
{
  if (rollout_edit_run (GTK_WIDGET (self), self->document, command))
    rollout_edit_undo_toast (GTK_WIDGET (self), self->document, title);
}

/* Decisions ---------------------------------------------------------------- */

typedef struct {
  RolloutMonitorView    *view;     /* weak */
  RolloutPhase          *phase;
  RolloutDecisionAction  action;
  const char            *response;
  AdwEntryRow           *reason_row;
  AdwEntryRow           *by_row;
} Decision;

static void
decision_free (Decision *decision)
{
  g_clear_weak_pointer (&decision->view);
  g_clear_object (&decision->phase);
  g_free (decision);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *trimmed == '\0';
}

static void
decision_changed_cb (AdwMessageDialog *dialog)
{
  Decision *decision = g_object_get_data (G_OBJECT (dialog), "decision");
  gboolean ok = !is_blank (gtk_editable_get_text (GTK_EDITABLE (decision->by_row))) &&
                (!rollout_monitor_needs_reason (decision->action) ||
                 !is_blank (gtk_editable_get_text (GTK_EDITABLE (decision->reason_row))));

  adw_message_dialog_set_response_enabled (dialog, decision->response, ok);
}

static void
decision_response_cb (AdwMessageDialog *dialog,
                      const char       *response)
{
  Decision *decision = g_object_get_data (G_OBJECT (dialog), "decision");
  RolloutMonitorView *self = decision->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RolloutCommand *command;

  if (self == NULL || self->document == NULL || g_strcmp0 (response, decision->response) != 0)
    return;

  command = rollout_monitor_new_decision (get_project (self), decision->phase, decision->action, rollout_today (),
                                          gtk_editable_get_text (GTK_EDITABLE (decision->by_row)),
                                          gtk_editable_get_text (GTK_EDITABLE (decision->reason_row)),
                                          &error);
  if (command == NULL)
    {
      rollout_edit_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  switch (decision->action)
    {
    case ROLLOUT_DECISION_OVERRIDE:
    case ROLLOUT_DECISION_START:
      /* Translators: the name of a phase */
      title = g_strdup_printf (_("Started ‘%s’"), phase_name (decision->phase));
      break;
    case ROLLOUT_DECISION_PAUSE:
      /* Translators: the name of a phase */
      title = g_strdup_printf (_("Paused ‘%s’"), phase_name (decision->phase));
      break;
    case ROLLOUT_DECISION_RESUME:
      /* Translators: the name of a phase */
      title = g_strdup_printf (_("Resumed ‘%s’"), phase_name (decision->phase));
      break;
    case ROLLOUT_DECISION_ROLLBACK:
    default:
      /* Translators: the name of a phase */
      title = g_strdup_printf (_("Rolled back ‘%s’"), phase_name (decision->phase));
      break;
    }
  run_with_toast (self, command, title);
}

static char *
format_reasons (RolloutProject *project,
                RolloutPhase   *gated)
{
  g_autoptr(RolloutGateEvaluation) evaluation = rollout_gates_evaluate_phase (project, gated);
  g_auto(GStrv) reasons = rollout_gate_evaluation_dup_reasons (evaluation);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    g_string_append_printf (text, "\n• %s", reasons[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Asks for the reason (and who decides) before recording @action. */
static void
ask_decision (RolloutMonitorView    *self,
              RolloutPhase          *phase,
              RolloutDecisionAction  action)
{
  RolloutProject *project = get_project (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *user = rollout_monitor_dup_user_name ();
  const char *response_label;
  AdwResponseAppearance appearance = ADW_RESPONSE_SUGGESTED;
  Decision *decision;
  GtkWidget *list;
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  decision = g_new0 (Decision, 1);
  g_set_weak_pointer (&decision->view, self);
  decision->phase = g_object_ref (phase);
  decision->action = action;

  switch (action)
    {
    case ROLLOUT_DECISION_OVERRIDE:
      {
        RolloutPhase *gated = rollout_monitor_get_current_phase (project);
        g_autoptr(RolloutGateEvaluation) evaluation = rollout_gates_evaluate_phase (project, gated);
        g_autofree char *reasons = format_reasons (project, gated);

        /* Translators: the name of the phase that would start */
        heading = g_strdup_printf (_("Start ‘%s’ Despite the Gate?"), phase_name (phase));
        /* Translators: the name of a phase, its verdict ("PENDING"), then
         * the reasons, one a line */
        body = g_strdup_printf (_("The gate of ‘%s’ is %s:%s\n\nStarting anyway is recorded in that phase with your reason, your name and today’s date."),
                                phase_name (gated), rollout_verdict_get_label (evaluation->verdict), reasons);
        decision->response = "override";
        response_label = _("_Start Anyway");
        appearance = ADW_RESPONSE_DESTRUCTIVE;
      }
      break;

    case ROLLOUT_DECISION_PAUSE:
      /* Translators: the name of a phase */
      heading = g_strdup_printf (_("Pause ‘%s’?"), phase_name (phase));
      body = g_strdup (_("The phase stops growing while it is paused. The pause is recorded in the phase with your reason."));
      decision->response = "pause";
      response_label = _("_Pause");
      break;

    case ROLLOUT_DECISION_RESUME:
      /* Translators: the name of a phase */
      heading = g_strdup_printf (_("Resume ‘%s’?"), phase_name (phase));
      body = g_strdup (_("The phase becomes active again. Saying why is optional."));
      decision->response = "resume";
      response_label = _("_Resume");
      break;

    case ROLLOUT_DECISION_ROLLBACK:
    case ROLLOUT_DECISION_START:
    default:
      /* Translators: the name of a phase */
      heading = g_strdup_printf (_("Roll Back ‘%s’?"), phase_name (phase));
      body = g_strdup (_("The feature goes away for this phase’s audience, and the roll-out does not move on until the phase is resumed. The roll-back is recorded in the phase with your reason."));
      decision->response = "roll-back";
      response_label = _("_Roll Back");
      appearance = ADW_RESPONSE_DESTRUCTIVE;
      break;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    decision->response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), decision->response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  decision->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (decision->reason_row),
                                 rollout_monitor_needs_reason (action) ? _("Reason") : _("Reason (optional)"));
  decision->by_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (decision->by_row), _("Decided By"));
  gtk_editable_set_text (GTK_EDITABLE (decision->by_row), user != NULL ? user : "");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (decision->reason_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (decision->by_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data_full (G_OBJECT (dialog), "decision", decision, (GDestroyNotify) decision_free);
  g_signal_connect_swapped (decision->reason_row, "changed", G_CALLBACK (decision_changed_cb), dialog);
  g_signal_connect_swapped (decision->by_row, "changed", G_CALLBACK (decision_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (decision_response_cb), NULL);
  decision_changed_cb (ADW_MESSAGE_DIALOG (dialog));

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (decision->reason_row));
}

static void
start_next_phase_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);
  RolloutProject *project = get_project (self);
  RolloutPhase *next = project != NULL ? rollout_monitor_get_next_phase (project) : NULL;
  g_autofree char *user = rollout_monitor_dup_user_name ();
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  RolloutCommand *command;

  if (next == NULL)
    return;
  command = rollout_monitor_new_decision (project, next, ROLLOUT_DECISION_START, rollout_today (), user, NULL, &error);
  if (command == NULL)
    {
      rollout_edit_toast (widget, adw_toast_new (error->message));
      return;
    }
  /* Translators: the name of a phase */
  title = g_strdup_printf (_("Started ‘%s’"), phase_name (next));
  run_with_toast (self, command, title);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);
  RolloutProject *project = get_project (self);
  RolloutPhase *phase;
  RolloutDecisionAction action;

  if (project == NULL)
    return;
  if (g_str_equal (action_name, "monitor.override-gate"))
    {
      action = ROLLOUT_DECISION_OVERRIDE;
      phase = rollout_monitor_get_next_phase (project);
    }
  else
    {
      action = g_str_equal (action_name, "monitor.pause") ? ROLLOUT_DECISION_PAUSE
               : g_str_equal (action_name, "monitor.resume") ? ROLLOUT_DECISION_RESUME
               : ROLLOUT_DECISION_ROLLBACK;
      phase = rollout_monitor_get_current_phase (project);
    }
  if (phase == NULL || !rollout_monitor_can_decide (project, phase, action))
    return;
  ask_decision (self, phase, action);
}

/* Gates -------------------------------------------------------------------- */

static void
edit_gate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);

  rollout_gate_editor_open_by_id (widget, self->document, g_variant_get_string (parameter, NULL));
}

/* Importing ---------------------------------------------------------------- */

typedef struct {
  GWeakRef                 view;
  RolloutMonitorImportKind kind;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_weak_ref_clear (&request->view);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRequest, import_request_free)

static void
csv_chosen_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  g_autoptr(RolloutMonitorView) self = g_weak_ref_get (&request->view);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = rollout_file_chooser_open_finish (result, &error);
  if (self == NULL || self->document == NULL)
    return;
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rollout_edit_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  rollout_monitor_view_import_csv (self, request->kind, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ImportRequest *request;

  if (self->document == NULL)
    return;
  request = g_new0 (ImportRequest, 1);
  g_weak_ref_init (&request->view, self);
  request->kind = g_str_equal (action_name, "monitor.import-metrics")
                  ? ROLLOUT_MONITOR_IMPORT_METRICS : ROLLOUT_MONITOR_IMPORT_FEEDBACK;
  rollout_file_chooser_open_csv_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       request->kind == ROLLOUT_MONITOR_IMPORT_METRICS
                                       ? _("Import Metric Samples") : _("Import Feedback"),
                                       NULL, csv_chosen_cb, request);
}

/* The window's edit actions ------------------------------------------------ */

static const char *
visible_page (RolloutMonitorView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);
  const char *page = visible_page (self);

  if (g_strcmp0 (page, "metrics") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->metrics_page), "metrics.delete-sample", NULL);
  else if (g_strcmp0 (page, "feedback") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->feedback_page), "feedback-log.delete", NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);
  const char *page = visible_page (self);

  if (g_strcmp0 (page, "metrics") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->metrics_page), "metrics.edit-sample", NULL);
  else if (g_strcmp0 (page, "feedback") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->feedback_page), "feedback-log.edit", NULL);
}

/* Ctrl+F searches the feedback. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, "feedback");
  gtk_widget_activate_action (GTK_WIDGET (self->feedback_page), "feedback-log.find", NULL);
}

/* GtkWidget ---------------------------------------------------------------- */

static void
rollout_monitor_view_map (GtkWidget *widget)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (widget);

  GTK_WIDGET_CLASS (rollout_monitor_view_parent_class)->map (widget);

  refresh (self);
}

/* GObject ------------------------------------------------------------------ */

static void
rollout_monitor_view_dispose (GObject *object)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (object);
  GtkWidget *child;

  rollout_monitor_view_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_MONITOR_VIEW);
  /* The template's outer box has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (rollout_monitor_view_parent_class)->dispose (object);
}

static void
rollout_monitor_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_monitor_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RolloutMonitorView *self = ROLLOUT_MONITOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      rollout_monitor_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_monitor_view_class_init (RolloutMonitorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_view_dispose;
  object_class->get_property = rollout_monitor_view_get_property;
  object_class->set_property = rollout_monitor_view_set_property;
  widget_class->map = rollout_monitor_view_map;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ROLLOUT_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROLLOUT_TYPE_MONITOR_METRICS);
  g_type_ensure (ROLLOUT_TYPE_MONITOR_FEEDBACK);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-monitor-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, phases_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, cards_scroller);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, earlier_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, later_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, metrics_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorView, feedback_page);

  gtk_widget_class_install_action (widget_class, "monitor.start-next-phase", NULL, start_next_phase_action);
  gtk_widget_class_install_action (widget_class, "monitor.override-gate", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "monitor.pause", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "monitor.resume", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "monitor.roll-back", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "monitor.edit-gate", "s", edit_gate_action);
  gtk_widget_class_install_action (widget_class, "monitor.import-metrics", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "monitor.import-feedback", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "monitor.show-earlier", NULL, show_more_action);
  gtk_widget_class_install_action (widget_class, "monitor.show-later", NULL, show_more_action);
  gtk_widget_class_install_action (widget_class, "monitor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "monitor.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "monitor.find", NULL, find_action);

  gtk_widget_class_set_css_name (widget_class, "monitor-view");
}

static void
rollout_monitor_view_init (RolloutMonitorView *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
rollout_monitor_view_new (void)
{
  return g_object_new (ROLLOUT_TYPE_MONITOR_VIEW, NULL);
}

/**
 * rollout_monitor_view_get_document:
 * @self: a #RolloutMonitorView
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
RolloutDocument *
rollout_monitor_view_get_document (RolloutMonitorView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_VIEW (self), NULL);

  return self->document;
}

/**
 * rollout_monitor_view_set_document:
 * @self: a #RolloutMonitorView
 * @document: (nullable): the plan to show
 *
 * Shows @document's roll-out and follows its edits.
 */
void
rollout_monitor_view_set_document (RolloutMonitorView *self,
                                   RolloutDocument    *document)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_VIEW (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (self->expanded != NULL)
    g_hash_table_remove_all (self->expanded);
  self->extra_before = 0;
  self->extra_after = 0;
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);

  if (self->metrics_page != NULL)
    {
      rollout_monitor_metrics_set_document (self->metrics_page, document);
      rollout_monitor_feedback_set_document (self->feedback_page, document);
      gtk_stack_set_visible_child_name (self->stack, "phases");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->cards_scroller), 0);
      document_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/**
 * rollout_monitor_view_get_card:
 * @self: a #RolloutMonitorView
 * @phase: a phase of the plan
 *
 * Returns: (transfer none) (nullable): @phase's card, as last refreshed
 */
RolloutMonitorCard *
rollout_monitor_view_get_card (RolloutMonitorView *self,
                               RolloutPhase       *phase)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_VIEW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (rollout_monitor_card_get_phase (ROLLOUT_MONITOR_CARD (child)) == phase)
      return ROLLOUT_MONITOR_CARD (child);
  return NULL;
}

/**
 * rollout_monitor_view_show_page:
 * @self: a #RolloutMonitorView
 * @name: "phases", "metrics" or "feedback"
 */
void
rollout_monitor_view_show_page (RolloutMonitorView *self,
                                const char         *name)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_VIEW (self));

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * rollout_monitor_view_import_csv:
 * @self: a #RolloutMonitorView
 * @kind: what @file holds
 * @file: a CSV file
 *
 * Reads @file and shows what importing it would add, to confirm.
 *
 * Returns: (transfer none): the preview dialog
 */
GtkWidget *
rollout_monitor_view_import_csv (RolloutMonitorView       *self,
                                 RolloutMonitorImportKind  kind,
                                 GFile                    *file)
{
  GtkWidget *dialog;

  g_return_val_if_fail (ROLLOUT_IS_MONITOR_VIEW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = rollout_monitor_import_dialog_new (GTK_WIDGET (self), self->document, kind, file);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
