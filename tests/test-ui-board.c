/* test-ui-board.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The board in a window, through the window's and the board's actions as
 * the keyboard and the menus drive them, and through a card dropped on a
 * row as a drag ends: moving a card changes the task's status (and team),
 * undo gives back the very same plan; signing a phase off and withdrawing
 * change the phase's sign-offs and its gate, undone exactly; filters and
 * the search pick the cards; adding, opening and deleting cards use the
 * task editor; a WIP limit marks its column; and a plan of 2,000 tasks
 * gets widgets only for the rows on screen. Needs a display; run under
 * Xvfb.
 *
 * With ROLLOUT_SCREENSHOT_DIR set, the last test also saves the board of
 * the demo plan, at 1400×900 with the readiness panel open, in the light
 * and the dark style, as board.png and board-dark.png there. The README's
 * was taken on its own (-p /rollout/ui-board/screenshot) as of 23 March
 * 2026, with faketime, when the demo's pilot is under way.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rollout-application.h"
#include "rollout-board-tile.h"
#include "rollout-board-view.h"
#include "rollout-file.h"
#include "rollout-gates.h"
#include "rollout-generator.h"
#include "rollout-task-editor.h"
#include "rollout-window.h"
#include "ui-test-util.h"

/* The board's list of cards (the task editor has a list too). */
static GtkWidget *
find_card_list (RolloutBoardView *view)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "board-list"))
      return g_ptr_array_index (lists, i);
  g_assert_not_reached ();
}

/* A fixture: the demo plan open on the Board. */
typedef struct {
  RolloutWindow    *window;
  RolloutDocument  *document;
  RolloutProject   *project;
  RolloutHistory   *history;
  RolloutBoardView *view;
} Fixture;

static gboolean
board_mapped (gconstpointer data)
{
  const Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = open_demo ();
  fixture->document = rollout_window_get_document (fixture->window);
  fixture->project = rollout_document_get_project (fixture->document);
  fixture->history = rollout_document_get_history (fixture->document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  /* The Board is the third view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "i", 3));
  fixture->view = ROLLOUT_BOARD_VIEW (find_by_type (GTK_WIDGET (fixture->window), ROLLOUT_TYPE_BOARD_VIEW));
  g_assert_nonnull (fixture->view);
  g_assert_true (rollout_board_view_get_document (fixture->view) == fixture->document);
  g_assert_true (wait_for (board_mapped, fixture));
  rollout_board_view_set_lanes (fixture->view, ROLLOUT_BOARD_LANES_NONE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_everything ();
}

static RolloutTask *
task (Fixture    *fixture,
      const char *id)
{
  RolloutTask *found = rollout_project_lookup_task (fixture->project, id);

  g_assert_nonnull (found);
  return found;
}

static gboolean
activate (Fixture    *fixture,
          const char *action,
          const char *format,
          ...)
{
  g_autoptr(GVariant) parameter = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_ref_sink (g_variant_new_va (format, NULL, &args));
      va_end (args);
    }
  /* Window actions go through the window; the board's own through it. */
  if (g_str_has_prefix (action, "win."))
    return gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, parameter);
  return gtk_widget_activate_action_variant (GTK_WIDGET (fixture->view), action, parameter);
}

/* The column the board shows @t's card in, or -1. */
static int
column_of (Fixture     *fixture,
           RolloutTask *t)
{
  RolloutBoard *board = rollout_board_view_get_board (fixture->view);
  RolloutTaskStatus status;

  if (board == NULL || !rollout_board_find (board, t, NULL, &status, NULL))
    return -1;
  return status;
}

/* Alt+Right and the card's menu move it between columns; undo gives back
 * the plan exactly. */
static void
test_move_and_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  RolloutTask *interviews = task (fixture, "pilot-interviews");
  g_autofree char *before = rollout_file_write (fixture->project, NULL);
  g_autofree char *after = NULL;

  g_assert_cmpint (rollout_task_get_status (interviews), ==, ROLLOUT_TASK_STATUS_TODO);
  g_assert_cmpint (column_of (fixture, interviews), ==, ROLLOUT_TASK_STATUS_TODO);

  rollout_board_view_select (fixture->view, interviews);
  g_assert_true (rollout_board_view_get_selected (fixture->view) == interviews);
  /* Nothing before the first column. */
  activate (fixture, "win.move-earlier", NULL);
  g_assert_cmpint (rollout_task_get_status (interviews), ==, ROLLOUT_TASK_STATUS_TODO);
  g_assert_false (rollout_history_can_undo (fixture->history));

  g_assert_true (activate (fixture, "win.move-later", NULL));
  g_assert_cmpint (rollout_task_get_status (interviews), ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (column_of (fixture, interviews), ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Move ‘Interview 12 pilot riders’ to In Progress");
  g_assert_true (rollout_board_view_get_selected (fixture->view) == interviews);
  g_assert_true (rollout_document_get_modified (fixture->document));

  /* From the card's menu, straight to Done: all of it is done. */
  g_assert_true (activate (fixture, "board.move-to-status", "s", "done"));
  g_assert_cmpint (rollout_task_get_status (interviews), ==, ROLLOUT_TASK_STATUS_DONE);
  g_assert_cmpint (rollout_task_get_progress (interviews), ==, 100);
  g_assert_cmpint (column_of (fixture, interviews), ==, ROLLOUT_TASK_STATUS_DONE);
  drain ();

  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpint (rollout_task_get_status (interviews), ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpint (rollout_task_get_status (interviews), ==, ROLLOUT_TASK_STATUS_TODO);
  g_assert_cmpint (column_of (fixture, interviews), ==, ROLLOUT_TASK_STATUS_TODO);
  after = rollout_file_write (fixture->project, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (rollout_document_get_modified (fixture->document));
}

/* Moving a blocked card on drops what it was blocked on; undo brings it
 * back. */
static void
test_unblock (Fixture       *fixture,
              gconstpointer  data)
{
  RolloutTask *refund = task (fixture, "fee-refund-tool");
  const char *reason = "Waiting for Finance to approve the per-agent refund limit (FIN-482)";

  g_assert_cmpstr (rollout_task_get_blocked_reason (refund), ==, reason);
  rollout_board_view_select (fixture->view, refund);
  g_assert_true (activate (fixture, "win.move-earlier", NULL));
  g_assert_cmpint (rollout_task_get_status (refund), ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_assert_null (rollout_task_get_blocked_reason (refund));
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpint (rollout_task_get_status (refund), ==, ROLLOUT_TASK_STATUS_BLOCKED);
  g_assert_cmpstr (rollout_task_get_blocked_reason (refund), ==, reason);
}

typedef struct {
  Fixture   *fixture;
  guint      lane;
  GtkWidget *box;
} FoundRow;

/* The widget of the first row of @lane's cards that the list shows. */
static GtkWidget *
row_widget_of_lane (Fixture *fixture,
                    guint    lane)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  GtkWidget *list = find_card_list (fixture->view);

  collect_by_type (list, GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (boxes, i);
      GtkWidget *item_widget = gtk_widget_get_parent (box);

      if (g_object_get_data (G_OBJECT (box), "rollout-board-row-widgets") == NULL ||
          !gtk_widget_get_mapped (box) || gtk_widget_get_width (box) <= 0 || item_widget == NULL)
        continue;
      /* The row's first child is the lane header: shown for headers only. */
      if (gtk_widget_get_visible (gtk_widget_get_first_child (box)))
        continue;
      {
        /* Which lane: the tiles it shows say. */
        RolloutBoard *board = rollout_board_view_get_board (fixture->view);
        g_autoptr(GPtrArray) tiles = g_ptr_array_new ();

        collect_by_type (box, ROLLOUT_TYPE_BOARD_TILE, tiles);
        for (guint t = 0; t < tiles->len; t++)
          {
            RolloutTask *shown = rollout_board_tile_get_task (g_ptr_array_index (tiles, t));
            guint shown_lane;

            if (shown != NULL && gtk_widget_get_visible (g_ptr_array_index (tiles, t)) &&
                rollout_board_find (board, shown, &shown_lane, NULL, NULL) && shown_lane == lane)
              return box;
          }
      }
    }
  return NULL;
}

static gboolean
row_of_lane_shown (gconstpointer data)
{
  FoundRow *found = (FoundRow *) data;

  found->box = row_widget_of_lane (found->fixture, found->lane);
  return found->box != NULL;
}

/* A card dropped on another lane's row, over its Done column: the task
 * is done and changes team, in one step. */
static void
test_drop_on_lane (Fixture       *fixture,
                   gconstpointer  data)
{
  RolloutTask *promo = task (fixture, "pilot-interviews");
  RolloutBoard *board;
  GtkWidget *box = NULL;
  GtkDropTarget *target;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  guint support_lane = G_MAXUINT;
  int width;

  rollout_board_view_set_lanes (fixture->view, ROLLOUT_BOARD_LANES_TEAM);
  board = rollout_board_view_get_board (fixture->view);
  for (guint l = 0; l < rollout_board_get_n_lanes (board); l++)
    if (g_strcmp0 (rollout_board_get_lane (board, l)->id, "support") == 0)
      support_lane = l;
  g_assert_cmpuint (support_lane, <, rollout_board_get_n_lanes (board));
  g_assert_cmpstr (rollout_task_get_team_id (promo), ==, "pmm");

  /* Scroll the lane's first row on screen, and find its widget. */
  {
    RolloutTask *first = rollout_board_get_card (board, support_lane, ROLLOUT_TASK_STATUS_DONE, 0)->task;
    FoundRow found = { fixture, support_lane, NULL };

    rollout_board_view_select (fixture->view, first);
    g_assert_true (wait_for (row_of_lane_shown, &found));
    box = found.box;
  }

  target = find_drop_target (box);
  g_assert_nonnull (target);
  width = gtk_widget_get_width (box);
  g_assert_cmpint (width, >, 0);
  g_value_init (&value, ROLLOUT_TYPE_TASK);
  g_value_set_object (&value, promo);
  /* Over the fourth column. */
  g_signal_emit_by_name (target, "drop", &value, width * 7.0 / 8.0, 10.0, &dropped);
  g_assert_true (dropped);
  g_assert_cmpint (rollout_task_get_status (promo), ==, ROLLOUT_TASK_STATUS_DONE);
  g_assert_cmpstr (rollout_task_get_team_id (promo), ==, "support");
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Move ‘Interview 12 pilot riders’ to Done, Customer Support");

  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpint (rollout_task_get_status (promo), ==, ROLLOUT_TASK_STATUS_TODO);
  g_assert_cmpstr (rollout_task_get_team_id (promo), ==, "pmm");
  g_assert_false (rollout_document_get_modified (fixture->document));

  /* Below the rows, over the third column: Blocked, in its own lane. */
  {
    GtkWidget *list = find_card_list (fixture->view);

    target = find_drop_target (list);
    g_assert_nonnull (target);
    width = gtk_widget_get_width (list);
    g_signal_emit_by_name (target, "drop", &value, width * 5.0 / 8.0, (double) gtk_widget_get_height (list) - 1,
                           &dropped);
    g_assert_true (dropped);
    g_assert_cmpint (rollout_task_get_status (promo), ==, ROLLOUT_TASK_STATUS_BLOCKED);
    g_assert_cmpstr (rollout_task_get_team_id (promo), ==, "pmm");
    g_assert_true (activate (fixture, "win.undo", NULL));
  }
}

/* Alt+Up and Alt+Down move a card to the next swimlane: another team, or
 * another phase. */
static void
test_move_between_lanes (Fixture       *fixture,
                         gconstpointer  data)
{
  RolloutTask *load = task (fixture, "exp-load-test");
  RolloutBoard *board;
  guint lane;

  /* Without swimlanes, there is nowhere up or down to go. */
  rollout_board_view_select (fixture->view, load);
  activate (fixture, "win.move-down", NULL);
  g_assert_cmpstr (rollout_task_get_team_id (load), ==, "eng");
  g_assert_false (rollout_history_can_undo (fixture->history));

  rollout_board_view_set_lanes (fixture->view, ROLLOUT_BOARD_LANES_TEAM);
  g_assert_true (rollout_board_view_get_selected (fixture->view) == load);
  g_assert_true (activate (fixture, "win.move-down", NULL));
  /* The teams in order: eng, pmm, support, cityops. */
  g_assert_cmpstr (rollout_task_get_team_id (load), ==, "pmm");
  board = rollout_board_view_get_board (fixture->view);
  g_assert_true (rollout_board_find (board, load, &lane, NULL, NULL));
  g_assert_cmpstr (rollout_board_get_lane (board, lane)->id, ==, "pmm");
  g_assert_cmpint (rollout_task_get_status (load), ==, ROLLOUT_TASK_STATUS_TODO);

  rollout_board_view_set_lanes (fixture->view, ROLLOUT_BOARD_LANES_PHASE);
  g_assert_true (activate (fixture, "win.move-up", NULL));
  g_assert_cmpstr (rollout_task_get_phase_id (load), ==, "pilot");
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Move ‘Load test the reservation service at 4x pilot peak’ to Pilot: Austin, 5%");

  /* The menu's Team and Phase items, whatever the lanes. */
  g_assert_true (activate (fixture, "board.move-to-team", "s", ""));
  g_assert_null (rollout_task_get_team_id (load));
  g_assert_true (activate (fixture, "board.move-to-phase", "s", "ga"));
  g_assert_cmpstr (rollout_task_get_phase_id (load), ==, "ga");

  for (guint i = 0; i < 4; i++)
    g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpstr (rollout_task_get_team_id (load), ==, "eng");
  g_assert_cmpstr (rollout_task_get_phase_id (load), ==, "expansion");
  g_assert_false (rollout_document_get_modified (fixture->document));
}

static RolloutCriterionResult
signoff_result (Fixture      *fixture,
                RolloutPhase *phase,
                const char   *team_id)
{
  g_autoptr(RolloutGateEvaluation) evaluation = rollout_gates_evaluate_phase (fixture->project, phase);

  for (guint i = 0; i < evaluation->criteria->len; i++)
    {
      RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, i);

      if (criterion->kind == ROLLOUT_CRITERION_SIGNOFF && g_str_equal (criterion->team_id, team_id))
        return criterion->result;
    }
  g_assert_not_reached ();
}

static guint
count_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* The readiness panel's list of teams. */
  collect_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "board-signoffs"))
      collect_by_type (g_ptr_array_index (lists, i), ADW_TYPE_ACTION_ROW, rows);
  return rows->len;
}

/* Signing the expansion off for Customer Support, from the readiness
 * panel's action, and withdrawing: the phase's sign-offs and the gate
 * follow; undo restores each step. */
static void
test_sign_off_and_withdraw (Fixture       *fixture,
                            gconstpointer  data)
{
  RolloutPhase *expansion = rollout_project_lookup_phase (fixture->project, "expansion");
  g_autofree char *before = rollout_file_write (fixture->project, NULL);
  g_autofree char *after = NULL;
  RolloutSignoff *signoff;

  g_assert_cmpuint (rollout_phase_get_signoffs (expansion)->len, ==, 0);
  g_assert_cmpint (signoff_result (fixture, expansion, "support"), ==, ROLLOUT_CRITERION_MISSING);

  /* The panel starts on the phase under way and lists every team. */
  g_assert_true (activate (fixture, "board.show-readiness", NULL));
  drain ();
  g_assert_cmpstr (rollout_board_view_get_readiness_phase (fixture->view), ==, "pilot");
  g_assert_cmpuint (count_rows (fixture), ==, 4);

  /* Nobody named: the team's lead signs. */
  g_assert_true (activate (fixture, "board.sign-off", "(sss)", "expansion", "support", ""));
  g_assert_cmpuint (rollout_phase_get_signoffs (expansion)->len, ==, 1);
  signoff = g_ptr_array_index (rollout_phase_get_signoffs (expansion), 0);
  g_assert_cmpstr (signoff->team_id, ==, "support");
  g_assert_cmpstr (signoff->by, ==, "Dana Ruiz");
  g_assert_cmpuint (signoff->date, !=, ROLLOUT_DATE_NONE);
  g_assert_cmpint (signoff_result (fixture, expansion, "support"), ==, ROLLOUT_CRITERION_PASS);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Sign Off ‘Expansion: Denver, Portland, Atlanta (25%)’ for Customer Support");

  g_assert_true (activate (fixture, "board.sign-off", "(sss)", "expansion", "cityops", "Erin Walsh"));
  g_assert_cmpuint (rollout_phase_get_signoffs (expansion)->len, ==, 2);
  signoff = g_ptr_array_index (rollout_phase_get_signoffs (expansion), 1);
  g_assert_cmpstr (signoff->by, ==, "Erin Walsh");

  g_assert_true (activate (fixture, "board.withdraw", "(ss)", "expansion", "support"));
  g_assert_cmpuint (rollout_phase_get_signoffs (expansion)->len, ==, 1);
  g_assert_cmpint (signoff_result (fixture, expansion, "support"), ==, ROLLOUT_CRITERION_MISSING);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Withdraw the Sign-Off of Customer Support for ‘Expansion: Denver, Portland, Atlanta (25%)’");
  drain ();
  g_assert_cmpuint (count_rows (fixture), ==, 4);

  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpuint (rollout_phase_get_signoffs (expansion)->len, ==, 2);
  g_assert_cmpint (signoff_result (fixture, expansion, "support"), ==, ROLLOUT_CRITERION_PASS);
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpuint (rollout_phase_get_signoffs (expansion)->len, ==, 0);
  after = rollout_file_write (fixture->project, NULL);
  g_assert_cmpstr (after, ==, before);

  /* Another phase's readiness. */
  rollout_board_view_set_readiness_phase (fixture->view, "dogfood");
  g_assert_cmpstr (rollout_board_view_get_readiness_phase (fixture->view), ==, "dogfood");
}

/* Filters by phase and team, and Ctrl+F's search, pick the cards. */
static void
test_filters_and_search (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *bar = find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = find_by_type (bar, GTK_TYPE_SEARCH_ENTRY);
  RolloutBoard *board;

  rollout_board_view_set_filter (fixture->view, "pilot", NULL);
  board = rollout_board_view_get_board (fixture->view);
  g_assert_cmpuint (rollout_board_get_n_shown (board), ==, 13);
  g_assert_cmpuint (rollout_board_get_n_tasks (board), ==, 44);

  rollout_board_view_set_filter (fixture->view, "pilot", "eng");
  board = rollout_board_view_get_board (fixture->view);
  g_assert_cmpuint (rollout_board_get_n_shown (board), ==, 3);

  rollout_board_view_set_filter (fixture->view, NULL, ROLLOUT_BOARD_NO_TEAM);
  board = rollout_board_view_get_board (fixture->view);
  g_assert_cmpuint (rollout_board_get_n_shown (board), ==, 10);

  rollout_board_view_set_filter (fixture->view, NULL, NULL);
  g_assert_true (activate (fixture, "win.find", NULL));
  g_assert_nonnull (entry);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "fin-482");
  /* The search waits for typing to pause; the board follows it. */
  g_signal_emit_by_name (entry, "search-changed");
  board = rollout_board_view_get_board (fixture->view);
  g_assert_cmpuint (rollout_board_get_n_shown (board), ==, 1);
  g_assert_nonnull (rollout_board_get_card (board, 0, ROLLOUT_TASK_STATUS_BLOCKED, 0));

  gtk_editable_set_text (GTK_EDITABLE (entry), "maya chen");
  g_signal_emit_by_name (entry, "search-changed");
  board = rollout_board_view_get_board (fixture->view);
  g_assert_cmpuint (rollout_board_get_n_shown (board), ==, 10);
}

/* Ctrl+T adds a card and opens it in the task editor; Delete deletes the
 * selected card; undo brings it back. */
static void
test_add_open_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *tasks = rollout_project_get_tasks (fixture->project);
  guint n = g_list_model_get_n_items (tasks);
  RolloutTaskEditor *editor = ROLLOUT_TASK_EDITOR (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_TASK_EDITOR));
  RolloutTask *added;
  RolloutTask *interviews = task (fixture, "pilot-interviews");
  gboolean shown = FALSE;

  rollout_board_view_set_filter (fixture->view, "expansion", "support");
  g_assert_true (activate (fixture, "win.add-task", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n + 1);
  added = rollout_board_view_get_selected (fixture->view);
  g_assert_nonnull (added);
  g_assert_cmpstr (rollout_task_get_phase_id (added), ==, "expansion");
  g_assert_cmpstr (rollout_task_get_team_id (added), ==, "support");
  g_assert_cmpint (rollout_task_get_status (added), ==, ROLLOUT_TASK_STATUS_TODO);
  g_assert_cmpint (column_of (fixture, added), ==, ROLLOUT_TASK_STATUS_TODO);
  g_object_get (fixture->view, "show-editor", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (rollout_task_editor_get_item (editor) == added);

  g_assert_true (activate (fixture, "win.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n);
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n + 1);
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n);

  /* F2 opens the selected card; the editor's close button closes it. */
  rollout_board_view_set_filter (fixture->view, NULL, NULL);
  rollout_board_view_select (fixture->view, interviews);
  g_assert_true (activate (fixture, "win.edit", NULL));
  g_assert_true (rollout_task_editor_get_item (editor) == interviews);
  g_assert_true (activate (fixture, "board.show-editor", NULL));
  g_object_get (fixture->view, "show-editor", &shown, NULL);
  g_assert_false (shown);
}

/* The tile that shows @t's card, if the list has one. */
static GtkWidget *
find_tile_of (Fixture     *fixture,
              RolloutTask *t)
{
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();

  collect_by_type (find_card_list (fixture->view), ROLLOUT_TYPE_BOARD_TILE, tiles);
  for (guint i = 0; i < tiles->len; i++)
    if (rollout_board_tile_get_task (g_ptr_array_index (tiles, i)) == t &&
        gtk_widget_get_visible (g_ptr_array_index (tiles, i)))
      return g_ptr_array_index (tiles, i);
  return NULL;
}

static gboolean
has_over_limit_header (RolloutBoardView *view)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (view), GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "board-column-header") &&
        gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "over-limit"))
      return TRUE;
  return FALSE;
}

/* A WIP limit is kept in the plan, undoably, and marks a column that
 * holds more cards. */
static void
test_wip_limit (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_false (has_over_limit_header (fixture->view));
  g_assert_true (activate (fixture, "board.set-wip-limit", "(si)", "in-progress", 1));
  g_assert_cmpint (rollout_project_get_wip_limit (fixture->project, ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, 1);
  rollout_board_view_get_board (fixture->view);
  g_assert_true (has_over_limit_header (fixture->view));
  g_assert_true (activate (fixture, "board.set-wip-limit", "(si)", "in-progress", 2));
  rollout_board_view_get_board (fixture->view);
  g_assert_false (has_over_limit_header (fixture->view));
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_true (activate (fixture, "win.undo", NULL));
  g_assert_cmpint (rollout_project_get_wip_limit (fixture->project, ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, 0);
  rollout_board_view_get_board (fixture->view);
  g_assert_false (has_over_limit_header (fixture->view));
  g_assert_false (rollout_document_get_modified (fixture->document));
}

static gboolean
board_unmapped (gconstpointer data)
{
  return !board_mapped (data);
}

/* Edits made while another view is shown wait for the Board to be shown
 * again, and are all there when it is. */
static void
test_edit_while_hidden (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_false (has_over_limit_header (fixture->view));
  g_assert_true (activate (fixture, "win.show-view", "i", 2));
  g_assert_true (wait_for (board_unmapped, fixture));

  g_assert_true (activate (fixture, "board.set-wip-limit", "(si)", "in-progress", 1));
  g_assert_cmpint (rollout_project_get_wip_limit (fixture->project, ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, 1);
  drain ();
  /* Not redone while nobody looks... */
  g_assert_false (has_over_limit_header (fixture->view));

  /* ...and up to date as soon as it is shown. */
  g_assert_true (activate (fixture, "win.show-view", "i", 3));
  g_assert_true (wait_for (board_mapped, fixture));
  g_assert_true (has_over_limit_header (fixture->view));

  g_assert_true (activate (fixture, "win.show-view", "i", 2));
  g_assert_true (wait_for (board_unmapped, fixture));
  g_assert_true (activate (fixture, "win.undo", NULL));
  drain ();
  g_assert_true (activate (fixture, "win.show-view", "i", 3));
  g_assert_true (wait_for (board_mapped, fixture));
  g_assert_false (has_over_limit_header (fixture->view));
  g_assert_false (rollout_document_get_modified (fixture->document));
}

/* Arrow keys move the selection from card to card. */
static void
test_keyboard_focus (Fixture       *fixture,
                     gconstpointer  data)
{
  RolloutTask *interviews = task (fixture, "pilot-interviews");
  GtkWidget *list = find_card_list (fixture->view);
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  RolloutBoard *board;
  RolloutTaskStatus status;
  guint lane, index;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);

  rollout_board_view_select (fixture->view, interviews);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  board = rollout_board_view_get_board (fixture->view);
  g_assert_true (rollout_board_find (board, rollout_board_view_get_selected (fixture->view), &lane, &status, &index));
  g_assert_cmpint (status, ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (rollout_board_find (board, rollout_board_view_get_selected (fixture->view), &lane, &status, &index));
  g_assert_cmpint (status, ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpuint (index, ==, 1);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (rollout_board_find (board, rollout_board_view_get_selected (fixture->view), &lane, &status, &index));
  g_assert_cmpint (status, ==, ROLLOUT_TASK_STATUS_TODO);
  g_assert_cmpuint (index, ==, 1);
}

typedef struct {
  Fixture     *fixture;
  RolloutTask *task;
} TileOf;

static gboolean
tile_mapped (gconstpointer data)
{
  const TileOf *of = data;
  GtkWidget *tile = find_tile_of (of->fixture, of->task);

  return tile != NULL && gtk_widget_get_mapped (tile);
}

static gboolean
menu_shown (gconstpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The Menu key opens the selected card's menu: its other columns, teams
 * and phases. */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  RolloutTask *interviews = task (fixture, "pilot-interviews");
  GtkWidget *list = find_card_list (fixture->view);
  GtkPopoverMenu *menu = GTK_POPOVER_MENU (find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU));
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  GMenuModel *model;
  gboolean handled = FALSE;
  guint n_items = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (menu);
  rollout_board_view_select (fixture->view, interviews);
  g_assert_true (wait_for (tile_mapped, &(TileOf) { fixture, interviews }));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Menu, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (wait_for (menu_shown, menu));

  /* Open; the three other columns; Team and Phase; Delete. */
  model = gtk_popover_menu_get_menu_model (menu);
  for (int s = 0; s < g_menu_model_get_n_items (model); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

      n_items += g_menu_model_get_n_items (section);
    }
  g_assert_cmpuint (n_items, ==, 1 + 3 + 2 + 1);
  gtk_popover_popdown (GTK_POPOVER (menu));
}

static guint
count_tiles (GtkWidget *widget)
{
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();

  collect_by_type (widget, ROLLOUT_TYPE_BOARD_TILE, tiles);
  return tiles->len;
}

/* 2,000 tasks: the board is made quickly, and only the rows around the
 * screen get widgets (GtkListView keeps about 200 rows, of 4 tiles each,
 * however long the list), whatever the filter. */
static void
test_large_plan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (2000, 11);
  g_autoptr(RolloutDocument) document = rollout_document_new (project, NULL);
  RolloutBoard *board;
  gint64 start;
  double ms;
  guint tiles;

  g_assert_true (rollout_project_schedule (project, NULL, NULL));
  rollout_window_set_document (fixture->window, document);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "i", 3));
  g_assert_true (wait_for (board_mapped, fixture));
  drain ();

  board = rollout_board_view_get_board (fixture->view);
  g_assert_cmpuint (rollout_board_get_n_shown (board), ==, 2000);
  tiles = count_tiles (GTK_WIDGET (fixture->view));
  g_test_message ("%u tiles for 2,000 cards", tiles);
  g_assert_cmpuint (tiles, <=, 4 * 256);

  start = g_get_monotonic_time ();
  rollout_board_view_set_lanes (fixture->view, ROLLOUT_BOARD_LANES_TEAM);
  rollout_board_view_set_filter (fixture->view, "phase-9", NULL);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("lanes and a filter on 2,000 tasks: %.1f ms", ms);
  board = rollout_board_view_get_board (fixture->view);
  g_assert_cmpuint (rollout_board_get_n_shown (board), <, 2000);
  g_assert_cmpuint (rollout_board_get_n_lanes (board), ==, 4);
  drain ();
  g_assert_cmpuint (count_tiles (GTK_WIDGET (fixture->view)), <=, 4 * 256);
}

/* Layout in German ------------------------------------------------------------ */

/* The demo plan on the Board in @language. */
static void
fixture_set_up_speaking (Fixture       *fixture,
                         gconstpointer  language)
{
  speak (language);
  fixture_set_up (fixture, NULL);
}

static void
fixture_tear_down_speaking (Fixture       *fixture,
                            gconstpointer  language)
{
  fixture_tear_down (fixture, NULL);
  /* The window kept its size for the next ones. */
  forget_window_size ();
  speak (NULL);
}

/* The scrolled window that scrolls the board's columns sideways. */
static GtkScrolledWindow *
board_hscroller (RolloutBoardView *view)
{
  for (GtkWidget *w = find_card_list (view); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkPolicyType hpolicy;

        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (w), &hpolicy, NULL);
        if (hpolicy != GTK_POLICY_NEVER)
          return GTK_SCROLLED_WINDOW (w);
      }
  g_assert_not_reached ();
}

/* The chips ("Late", "After Gate") of the cards on screen. */
static GPtrArray *
shown_chips (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GPtrArray *chips = g_ptr_array_new ();

  collect_by_type (find_card_list (fixture->view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (label, "board-badge") && gtk_widget_get_mapped (label))
        g_ptr_array_add (chips, label);
    }
  return chips;
}

static gboolean
has_chip (Fixture    *fixture,
          const char *text)
{
  g_autoptr(GPtrArray) chips = shown_chips (fixture);

  for (guint i = 0; i < chips->len; i++)
    if (g_str_equal (gtk_label_get_label (g_ptr_array_index (chips, i)), text))
      return TRUE;
  return FALSE;
}

/* The window's width on screen, with the edges it is resized by. */
static int
window_width (RolloutWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL ? gdk_surface_get_width (surface) : 0;
}

static gboolean
board_laid_out_at_1400 (gconstpointer data)
{
  Fixture *fixture = (Fixture *) data;
  AdwFlap *flap = ADW_FLAP (find_by_type (GTK_WIDGET (fixture->view), ADW_TYPE_FLAP));
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (board_hscroller (fixture->view));

  return window_width (fixture->window) == 1400 &&
         adw_flap_get_reveal_progress (flap) >= 1.0 &&
         gtk_adjustment_get_page_size (h) > 0 &&
         has_chip (fixture, _("After Gate")) &&
         gtk_adjustment_get_upper (h) <= gtk_adjustment_get_page_size (h);
}

/* At 1400 px with the readiness panel open, the board's four columns fit
 * beside the panel without scrolling sideways, in English and in German,
 * whose "Verspätet" and "Nach Freigabe" chips are long: a chip too long
 * for its card is shortened, with an ellipsis. */
static void
test_fits_with_readiness (Fixture       *fixture,
                          gconstpointer  language)
{
  AdwFlap *flap = ADW_FLAP (find_by_type (GTK_WIDGET (fixture->view), ADW_TYPE_FLAP));
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (board_hscroller (fixture->view));
  static const RolloutBoardLanes lanes[] = { ROLLOUT_BOARD_LANES_NONE, ROLLOUT_BOARD_LANES_TEAM };

  if (language != NULL)
    g_assert_cmpstr (_("After Gate"), ==, "Nach Freigabe");

  /* A card that finishes long after its phase's gate (and after today):
   * "After Gate", the longer chip, beside its checklist, its owner and
   * its blocker. (The demo's other open cards are "Late" from April 2026
   * on.) */
  {
    g_autoptr(RolloutCommand) command = rollout_command_new_set_many (task (fixture, "fee-refund-tool"), "Lengthen",
                                                                      "duration", 10000, NULL);

    g_assert_true (rollout_document_execute (fixture->document, command, NULL));
  }

  /* 1400 px wide, on a screen of any size (GTK keeps a window's first
   * size within the screen, not its minimum); wider only if the board
   * needs more. */
  gtk_widget_set_size_request (GTK_WIDGET (fixture->window), 1400, 900);
  g_assert_true (activate (fixture, "board.show-readiness", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autoptr(GPtrArray) chips = NULL;

      rollout_board_view_set_lanes (fixture->view, lanes[i]);
      rollout_board_view_select (fixture->view, task (fixture, "fee-refund-tool"));
      if (!wait_for (board_laid_out_at_1400, fixture))
        g_error ("window %d px wide, flap %s, board %.0f px in %.0f px",
                 window_width (fixture->window),
                 adw_flap_get_folded (flap) ? "folded" : "beside",
                 gtk_adjustment_get_upper (h), gtk_adjustment_get_page_size (h));
      /* The panel is beside the board, at its own width. */
      g_assert_false (adw_flap_get_folded (flap));
      g_assert_cmpint (gtk_widget_get_width (adw_flap_get_flap (flap)), ==, 360);

      /* A chip is whole, or says that it is not. */
      chips = shown_chips (fixture);
      g_assert_cmpuint (chips->len, >, 0);
      for (guint j = 0; j < chips->len; j++)
        {
          GtkLabel *chip = g_ptr_array_index (chips, j);
          g_autoptr(PangoLayout) whole = gtk_widget_create_pango_layout (GTK_WIDGET (chip),
                                                                         gtk_label_get_label (chip));
          int width;

          pango_layout_get_pixel_size (whole, &width, NULL);
          if (width > gtk_widget_get_width (GTK_WIDGET (chip)))
            g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (chip)));
          else
            g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (chip)));
        }
    }
  g_assert_true (activate (fixture, "win.undo", NULL));
}

/* The README's screenshots, when asked for. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("ROLLOUT_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;

  if (dir == NULL)
    {
      g_test_skip ("set ROLLOUT_SCREENSHOT_DIR to save screenshots");
      return;
    }
  light = g_build_filename (dir, "board.png", NULL);
  dark = g_build_filename (dir, "board-dark.png", NULL);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  rollout_board_view_set_lanes (fixture->view, ROLLOUT_BOARD_LANES_TEAM);
  rollout_board_view_select (fixture->view, task (fixture, "fee-refund-tool"));
  g_assert_true (activate (fixture, "board.show-readiness", NULL));
  rollout_board_view_set_readiness_phase (fixture->view, "pilot");
  /* Through the history, so no toast covers the cards. */
  {
    RolloutPhase *pilot = rollout_project_lookup_phase (fixture->project, "pilot");
    g_autoptr(RolloutCommand) command = rollout_board_new_sign_off (fixture->project, pilot, "support",
                                                                    "Dana Ruiz", rollout_date_from_ymd (2026, 3, 20));

    g_assert_true (rollout_document_execute (fixture->document, command, NULL));
  }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_window (GTK_WINDOW (fixture->window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_window (GTK_WINDOW (fixture->window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (activate (fixture, "win.undo", NULL));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, "ui-board");

  g_test_add ("/rollout/ui-board/move-and-undo", Fixture, NULL, fixture_set_up, test_move_and_undo, fixture_tear_down);
  g_test_add ("/rollout/ui-board/unblock", Fixture, NULL, fixture_set_up, test_unblock, fixture_tear_down);
  g_test_add ("/rollout/ui-board/drop-on-lane", Fixture, NULL, fixture_set_up, test_drop_on_lane, fixture_tear_down);
  g_test_add ("/rollout/ui-board/move-between-lanes", Fixture, NULL, fixture_set_up, test_move_between_lanes, fixture_tear_down);
  g_test_add ("/rollout/ui-board/sign-off-and-withdraw", Fixture, NULL, fixture_set_up, test_sign_off_and_withdraw, fixture_tear_down);
  g_test_add ("/rollout/ui-board/filters-and-search", Fixture, NULL, fixture_set_up, test_filters_and_search, fixture_tear_down);
  g_test_add ("/rollout/ui-board/add-open-delete", Fixture, NULL, fixture_set_up, test_add_open_delete, fixture_tear_down);
  g_test_add ("/rollout/ui-board/wip-limit", Fixture, NULL, fixture_set_up, test_wip_limit, fixture_tear_down);
  g_test_add ("/rollout/ui-board/edit-while-hidden", Fixture, NULL, fixture_set_up, test_edit_while_hidden, fixture_tear_down);
  g_test_add ("/rollout/ui-board/keyboard-focus", Fixture, NULL, fixture_set_up, test_keyboard_focus, fixture_tear_down);
  g_test_add ("/rollout/ui-board/context-menu", Fixture, NULL, fixture_set_up, test_context_menu, fixture_tear_down);
  g_test_add ("/rollout/ui-board/large-plan", Fixture, NULL, fixture_set_up, test_large_plan, fixture_tear_down);
  g_test_add ("/rollout/ui-board/fits-with-readiness/en", Fixture, NULL,
              fixture_set_up_speaking, test_fits_with_readiness, fixture_tear_down_speaking);
  g_test_add ("/rollout/ui-board/fits-with-readiness/de", Fixture, "de",
              fixture_set_up_speaking, test_fits_with_readiness, fixture_tear_down_speaking);
  g_test_add ("/rollout/ui-board/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);

  return ui_test_run ();
}
