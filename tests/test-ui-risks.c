/* test-ui-risks.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Risks view on the demo plan, driven through the window's actions
 * and the matrix's signals as the keyboard and the pointer drive them:
 * re-assessing records a dated entry in the risk's history and moves its
 * chip, undo takes both back (the plan written to a file is the same byte
 * for byte); a drop on another cell re-assesses; selection follows between
 * the matrix and the register; the filters, sorting and search narrow the
 * register; adding, editing and deleting go through the history; the
 * cells are focusable and named for screen readers. Needs a display; run
 * under Xvfb.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rollout-application.h"
#include "rollout-file.h"
#include "rollout-format.h"
#include "rollout-risk-editor.h"
#include "rollout-risk-layout.h"
#include "rollout-risk-view.h"
#include "rollout-window.h"
#include "ui-test-util.h"

/* A fixture: the demo plan open on the Risks view. */
typedef struct {
  RolloutWindow     *window;
  RolloutDocument   *document;
  RolloutProject    *project;
  RolloutHistory    *history;
  RolloutRiskView   *view;
  RolloutRiskMatrix *matrix;
  GListModel        *register_model;
} Fixture;

static gboolean
matrix_is_laid_out (gconstpointer data)
{
  const Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->matrix)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->matrix)) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  AdwViewStack *stack;

  fixture->window = open_demo ();
  fixture->document = rollout_window_get_document (fixture->window);
  fixture->project = rollout_document_get_project (fixture->document);
  fixture->history = rollout_document_get_history (fixture->document);

  /* The Risks page, by its name: views may be added before it. */
  stack = ADW_VIEW_STACK (find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "risks"));
  adw_view_stack_set_visible_child_name (stack, "risks");
  fixture->view = ROLLOUT_RISK_VIEW (adw_view_stack_get_child_by_name (stack, "risks"));
  fixture->matrix = rollout_risk_view_get_matrix (fixture->view);
  fixture->register_model = rollout_risk_view_get_register (fixture->view);
  g_assert_true (rollout_risk_view_get_document (fixture->view) == fixture->document);
  g_assert_true (wait_for (matrix_is_laid_out, fixture));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_everything ();
}

static RolloutRisk *
risk (Fixture    *fixture,
      const char *id)
{
  RolloutRisk *found = rollout_project_lookup_risk (fixture->project, id);

  g_assert_nonnull (found);
  return found;
}

static gboolean
register_contains (Fixture     *fixture,
                   RolloutRisk *wanted)
{
  for (guint i = 0, n = g_list_model_get_n_items (fixture->register_model); i < n; i++)
    {
      g_autoptr(RolloutRisk) item = g_list_model_get_item (fixture->register_model, i);

      if (item == wanted)
        return TRUE;
    }
  return FALSE;
}

static RolloutRisk *
register_selected (Fixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)));
}

static void
assert_in_cell (Fixture     *fixture,
                RolloutRisk *r,
                int          likelihood,
                int          impact)
{
  RolloutRiskLayout *layout = rollout_risk_matrix_get_layout (fixture->matrix);
  guint cell = rollout_risk_cell_index (likelihood, impact);
  RolloutRisk * const *in_cell;
  gboolean found = FALSE;
  guint n;

  g_assert_cmpint (rollout_risk_layout_find_cell (layout, r), ==, (int) cell);
  in_cell = rollout_risk_layout_get_cell_risks (layout, cell, &n);
  for (guint i = 0; i < n; i++)
    found |= in_cell[i] == r;
  g_assert_true (found);
  /* Selected, it has a chip in that cell whenever the cell has room for
   * one (a window can make the matrix small). */
  if (rollout_risk_matrix_get_selected (fixture->matrix) == r)
    {
      const RolloutRiskCell *c = rollout_risk_layout_get_cell (layout, cell);
      int chip = rollout_risk_layout_find_chip (layout, r);

      if (chip >= 0)
        g_assert_cmpuint (rollout_risk_layout_get_chip (layout, chip)->cell, ==, cell);
      else
        g_assert_true (c->n_chips == 0 && c->more.width == 0);
    }
}

/* The window's toast for undoable edits (rollout-edit.c keeps it on the
 * overlay while it shows). */
static AdwToast *
undo_toast (Fixture *fixture)
{
  GtkWidget *overlay = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);

  return g_object_get_data (G_OBJECT (overlay), "rollout-undo-toast");
}

/* Alt+Up re-assesses the selected risk a step more likely: a dated entry
 * in its history, its chip in the cell above; undo takes both back. */
static void
test_reassess_and_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  RolloutRisk *refunds = risk (fixture, "refund-tool-blocked");
  g_autofree char *before = rollout_file_write (fixture->project, NULL);
  g_autofree char *after = NULL;
  GPtrArray *history;
  RolloutAssessment *entry;
  AdwToast *toast;
  guint n_entries = rollout_risk_get_history (refunds)->len;

  g_assert_cmpint (rollout_risk_get_likelihood (refunds), ==, 4);
  g_assert_cmpint (rollout_risk_get_impact (refunds), ==, 3);
  rollout_risk_view_select (fixture->view, refunds);
  g_assert_true (rollout_risk_matrix_get_selected (fixture->matrix) == refunds);
  assert_in_cell (fixture, refunds, 4, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-up", NULL));
  g_assert_cmpint (rollout_risk_get_likelihood (refunds), ==, 5);
  g_assert_cmpint (rollout_risk_get_impact (refunds), ==, 3);
  history = rollout_risk_get_history (refunds);
  g_assert_cmpuint (history->len, ==, n_entries + 1);
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpuint (entry->date, ==, rollout_today ());
  g_assert_cmpint (entry->likelihood, ==, 5);
  g_assert_cmpint (entry->impact, ==, 3);
  g_assert_cmpint (rollout_risk_get_trend (refunds, NULL), ==, ROLLOUT_RISK_TREND_RISING);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Re-assess ‘Fee refunds stay manual because Finance has not approved limits’");
  g_assert_true (rollout_document_get_modified (fixture->document));
  /* A toast says so, with Undo. */
  toast = undo_toast (fixture);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "Re-assessed ‘Fee refunds stay manual because Finance has not approved limits’: 5 × 3 = 15 High");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  drain ();
  assert_in_cell (fixture, refunds, 5, 3);
  g_assert_cmpuint (rollout_risk_matrix_get_cursor (fixture->matrix), ==, rollout_risk_cell_index (5, 3));
  /* Still selected in both, and the register's first: 15 is the top score. */
  g_assert_true (rollout_risk_view_get_selected (fixture->view) == refunds);
  g_assert_true (register_selected (fixture) == refunds);
  {
    g_autoptr(RolloutRisk) first = g_list_model_get_item (fixture->register_model, 0);

    g_assert_true (first == refunds);
  }
  /* Likelihood 5 is the top: no step further up. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-up", NULL);
  g_assert_cmpint (rollout_risk_get_likelihood (refunds), ==, 5);
  g_assert_cmpuint (rollout_risk_get_history (refunds)->len, ==, n_entries + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (rollout_risk_get_likelihood (refunds), ==, 4);
  g_assert_cmpuint (rollout_risk_get_history (refunds)->len, ==, n_entries);
  /* Its Undo would now mean something else: it goes. */
  g_assert_null (adw_toast_get_button_label (toast));
  drain ();
  assert_in_cell (fixture, refunds, 4, 3);
  g_assert_false (rollout_document_get_modified (fixture->document));
  after = rollout_file_write (fixture->project, NULL);
  g_assert_cmpstr (after, ==, before);

  /* The keyboard's other steps: impact down and up, likelihood down. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-earlier", NULL));
  g_assert_cmpint (rollout_risk_get_impact (refunds), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-later", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-later", NULL));
  g_assert_cmpint (rollout_risk_get_impact (refunds), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-down", NULL));
  g_assert_cmpint (rollout_risk_get_likelihood (refunds), ==, 3);
  g_assert_cmpuint (rollout_risk_get_history (refunds)->len, ==, n_entries + 4);
  for (int i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_clear_pointer (&after, g_free);
  after = rollout_file_write (fixture->project, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* A chip dropped on another cell re-assesses its risk to that cell; a drop
 * on its own cell changes nothing. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  RolloutRisk *store = risk (fixture, "store-review");
  /* Kept: the matrix makes a new layout whenever anything changes. */
  g_autoptr(RolloutRiskLayout) layout = rollout_risk_layout_ref (rollout_risk_matrix_get_layout (fixture->matrix));
  const RolloutRiskCell *target = rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (5, 5));
  const RolloutRiskCell *own = rollout_risk_layout_get_cell (layout, rollout_risk_cell_index (2, 3));
  GtkDropTarget *drop = find_drop_target (GTK_WIDGET (fixture->matrix));
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  GPtrArray *history;
  guint n_history = rollout_risk_get_history (store)->len;

  g_assert_nonnull (drop);
  g_assert_cmpint (rollout_risk_get_likelihood (store), ==, 2);
  g_assert_cmpint (rollout_risk_get_impact (store), ==, 3);

  g_value_init (&value, ROLLOUT_TYPE_RISK);
  g_value_set_object (&value, store);

  g_signal_emit_by_name (drop, "drop", &value, own->rect.x + own->rect.width / 2, own->rect.y + own->rect.height - 4,
                         &handled);
  g_assert_true (handled);
  g_assert_false (rollout_document_get_modified (fixture->document));

  g_signal_emit_by_name (drop, "drop", &value, target->rect.x + target->rect.width / 2,
                         target->rect.y + target->rect.height - 4, &handled);
  g_assert_true (handled);
  g_value_unset (&value);
  g_assert_cmpint (rollout_risk_get_likelihood (store), ==, 5);
  g_assert_cmpint (rollout_risk_get_impact (store), ==, 5);
  history = rollout_risk_get_history (store);
  /* Never assessed before: where it was, then where it is, both today. */
  g_assert_cmpuint (n_history, ==, 0);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((RolloutAssessment *) g_ptr_array_index (history, 0))->likelihood, ==, 2);
  g_assert_cmpint (((RolloutAssessment *) g_ptr_array_index (history, 1))->likelihood, ==, 5);
  g_assert_cmpuint (((RolloutAssessment *) g_ptr_array_index (history, 1))->date, ==, rollout_today ());
  g_assert_true (rollout_risk_view_get_selected (fixture->view) == store);
  drain ();
  assert_in_cell (fixture, store, 5, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  drain ();
  assert_in_cell (fixture, store, 2, 3);
  g_assert_cmpuint (rollout_risk_get_history (store)->len, ==, 0);
}

/* Selecting in the matrix selects in the register, and back. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  RolloutRisk *noshows = risk (fixture, "no-shows");
  RolloutRisk *permit = risk (fixture, "portland-permit");
  GtkColumnView *view = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  guint position = GTK_INVALID_LIST_POSITION;

  rollout_risk_matrix_set_selected (fixture->matrix, noshows);
  g_assert_true (register_selected (fixture) == noshows);
  g_assert_true (rollout_risk_view_get_selected (fixture->view) == noshows);
  g_assert_cmpuint (rollout_risk_matrix_get_cursor (fixture->matrix), ==, rollout_risk_cell_index (3, 4));

  for (guint i = 0; i < g_list_model_get_n_items (fixture->register_model); i++)
    {
      g_autoptr(RolloutRisk) item = g_list_model_get_item (fixture->register_model, i);

      if (item == permit)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, position);
  g_assert_true (rollout_risk_matrix_get_selected (fixture->matrix) == permit);
  g_assert_cmpuint (rollout_risk_matrix_get_cursor (fixture->matrix), ==, rollout_risk_cell_index (2, 5));

  /* Edit opens the editor on it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit", NULL));
  g_assert_true (rollout_risk_editor_get_risk (ROLLOUT_RISK_EDITOR (find_by_type (GTK_WIDGET (fixture->view),
                                                                                  ROLLOUT_TYPE_RISK_EDITOR))) == permit);

  /* Nothing selected, nothing to re-assess. */
  g_assert_true (gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (selection), position));
  g_assert_null (rollout_risk_matrix_get_selected (fixture->matrix));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-up", NULL);
  g_assert_false (rollout_document_get_modified (fixture->document));
}

static GtkDropDown *
nth_drop_down (Fixture *fixture,
               guint    n)
{
  GtkWidget *first = find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN);
  GtkWidget *widget = first;

  for (guint i = 0; widget != NULL && i < n; i++)
    do
      widget = gtk_widget_get_next_sibling (widget);
    while (widget != NULL && !GTK_IS_DROP_DOWN (widget));
  g_assert_nonnull (widget);
  return GTK_DROP_DOWN (widget);
}

static GtkColumnViewColumn *
column_titled (Fixture    *fixture,
               const char *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0, n = g_list_model_get_n_items (columns); i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
  return NULL;
}

/* The filters narrow the matrix and the register alike; the columns sort. */
static void
test_filter_and_sort (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkDropDown *phases = nth_drop_down (fixture, 0);
  GtkDropDown *statuses = nth_drop_down (fixture, 1);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  guint n;

  /* Active risks first: the two closed ones are left out. */
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, 7);
  g_assert_cmpuint (rollout_risk_layout_get_n_risks (rollout_risk_matrix_get_layout (fixture->matrix)), ==, 7);
  g_assert_false (register_contains (fixture, risk (fixture, "gen2-lock")));

  /* By score, highest first. */
  n = g_list_model_get_n_items (fixture->register_model);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(RolloutRisk) a = g_list_model_get_item (fixture->register_model, i - 1);
      g_autoptr(RolloutRisk) b = g_list_model_get_item (fixture->register_model, i);

      g_assert_cmpint (rollout_risk_get_score (a), >=, rollout_risk_get_score (b));
    }

  gtk_drop_down_set_selected (statuses, 1);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, 9);
  g_assert_cmpuint (rollout_risk_layout_get_n_risks (rollout_risk_matrix_get_layout (fixture->matrix)), ==, 9);
  /* Closed only. */
  gtk_drop_down_set_selected (statuses, 5);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, 2);
  g_assert_true (register_contains (fixture, risk (fixture, "gen2-lock")));
  gtk_drop_down_set_selected (statuses, 1);

  /* The pilot's phase: its three risks. */
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (phases)), ==, "All Phases");
  gtk_drop_down_set_selected (phases, 2);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (phases)), ==, "Pilot: Austin, 5%");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, 3);
  g_assert_true (register_contains (fixture, risk (fixture, "no-shows")));
  g_assert_cmpuint (rollout_risk_layout_get_n_risks (rollout_risk_matrix_get_layout (fixture->matrix)), ==, 3);

  /* A renamed phase keeps its filter. */
  {
    g_autoptr(RolloutCommand) rename = rollout_command_new_set_many (rollout_project_lookup_phase (fixture->project, "pilot"),
                                                                     "Rename", "name", "Pilot in Austin", NULL);

    g_assert_true (rollout_document_execute (fixture->document, rename, NULL));
  }
  drain ();
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (phases)), ==, "Pilot in Austin");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, 3);
  gtk_drop_down_set_selected (phases, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, 9);

  /* By owner, A to Z; by status, what happened first. */
  gtk_column_view_sort_by_column (view, column_titled (fixture, "Owner"), GTK_SORT_ASCENDING);
  n = g_list_model_get_n_items (fixture->register_model);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(RolloutRisk) a = g_list_model_get_item (fixture->register_model, i - 1);
      g_autoptr(RolloutRisk) b = g_list_model_get_item (fixture->register_model, i);

      g_assert_cmpint (g_utf8_collate (rollout_risk_get_owner (a), rollout_risk_get_owner (b)), <=, 0);
    }
  gtk_column_view_sort_by_column (view, column_titled (fixture, "Status"), GTK_SORT_ASCENDING);
  {
    g_autoptr(RolloutRisk) first = g_list_model_get_item (fixture->register_model, 0);
    g_autoptr(RolloutRisk) last = g_list_model_get_item (fixture->register_model, n - 1);

    g_assert_cmpint (rollout_risk_get_status (first), ==, ROLLOUT_RISK_STATUS_OCCURRED);
    g_assert_cmpint (rollout_risk_get_status (last), ==, ROLLOUT_RISK_STATUS_CLOSED);
  }
  gtk_column_view_sort_by_column (view, column_titled (fixture, "Phase"), GTK_SORT_ASCENDING);
  {
    g_autoptr(RolloutRisk) first = g_list_model_get_item (fixture->register_model, 0);
    g_autoptr(RolloutRisk) last = g_list_model_get_item (fixture->register_model, n - 1);

    g_assert_cmpstr (rollout_risk_get_phase_id (first), ==, "dogfood");
    g_assert_cmpstr (rollout_risk_get_phase_id (last), ==, "ga");
  }
}

typedef struct {
  Fixture     *fixture;
  guint        n;
  RolloutRisk *member;
} CountQuery;

static gboolean
register_has_n (gconstpointer data)
{
  const CountQuery *query = data;

  return g_list_model_get_n_items (query->fixture->register_model) == query->n &&
         (query->member == NULL || register_contains (query->fixture, query->member));
}

/* The search entry tells of a change a moment after the typing stops:
 * waits for the register to hold @n risks, @member (if not %NULL) among
 * them. */
static void
wait_for_register (Fixture     *fixture,
                   guint        n,
                   RolloutRisk *member)
{
  CountQuery query = { fixture, n, member };

  g_assert_true (wait_for (register_has_n, &query));
}

static gboolean
focus_in (gconstpointer data)
{
  GtkWidget *widget = (GtkWidget *) data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Ctrl+F finds risks by title, owner or mitigation in the register; the
 * matrix keeps showing them all. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *bar = find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = find_by_type (bar, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (wait_for (focus_in, entry));

  /* "Finance" is in one title and one mitigation, both of the same risk;
   * "luis" is the owner of two. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "finance");
  wait_for_register (fixture, 1, risk (fixture, "refund-tool-blocked"));
  g_assert_cmpuint (rollout_risk_layout_get_n_risks (rollout_risk_matrix_get_layout (fixture->matrix)), ==, 7);

  gtk_editable_set_text (GTK_EDITABLE (entry), "luis");
  /* Gen-2 lock is closed: the status filter still applies. */
  wait_for_register (fixture, 1, risk (fixture, "peak-load"));

  /* Enter selects the first. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (rollout_risk_view_get_selected (fixture->view) == risk (fixture, "peak-load"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such risk");
  wait_for_register (fixture, 0, NULL);

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
  wait_for_register (fixture, 7, NULL);
}

static AdwComboRow *
find_combo_titled (GtkWidget  *widget,
                   const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      AdwComboRow *found = find_combo_titled (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A new risk is assessed today and opens in the editor; the editor edits
 * it one step at a time; deleting it has a toast's Undo. */
static void
test_add_edit_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *risks = rollout_project_get_risks (fixture->project);
  guint n = g_list_model_get_n_items (risks);
  RolloutRiskEditor *editor = ROLLOUT_RISK_EDITOR (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_RISK_EDITOR));
  g_autoptr(RolloutRisk) added = NULL;
  GtkWidget *title_row;
  GPtrArray *history;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-risk", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, n + 1);
  added = g_list_model_get_item (risks, n);
  g_assert_cmpstr (rollout_risk_get_title (added), ==, "New Risk");
  g_assert_cmpint (rollout_risk_get_score (added), ==, 9);
  history = rollout_risk_get_history (added);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpuint (((RolloutAssessment *) g_ptr_array_index (history, 0))->date, ==, rollout_today ());
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Add a Risk");
  g_assert_true (rollout_risk_view_get_selected (fixture->view) == added);
  g_assert_true (register_selected (fixture) == added);
  g_assert_true (rollout_risk_editor_get_risk (editor) == added);
  drain ();
  assert_in_cell (fixture, added, 3, 3);

  /* The title, applied, is one step. */
  title_row = find_by_type (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "New Risk");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Dockless scooters block hold zones");
  g_signal_emit_by_name (title_row, "apply");
  g_assert_cmpstr (rollout_risk_get_title (added), ==, "Dockless scooters block hold zones");
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Rename ‘New Risk’");

  /* A new likelihood in the editor is a re-assessment, recorded today. */
  {
    AdwComboRow *likelihood = find_combo_titled (GTK_WIDGET (editor), "Likelihood");

    g_assert_cmpuint (adw_combo_row_get_selected (likelihood), ==, 2);
    adw_combo_row_set_selected (likelihood, 0);
    g_assert_cmpint (rollout_risk_get_likelihood (added), ==, 5);
    g_assert_cmpuint (rollout_risk_get_history (added)->len, ==, 2);
    g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                     "Re-assess ‘Dockless scooters block hold zones’");
    drain ();
    assert_in_cell (fixture, added, 5, 3);
  }

  /* A linked task, through the task-ids the editor sets. */
  {
    const char * const ids[] = { "exp-hold-zones", NULL };
    g_autoptr(RolloutCommand) link = rollout_command_new_set_many (added, "Link", "task-ids", ids, NULL);

    g_assert_true (rollout_document_execute (fixture->document, link, NULL));
    drain ();
  }

  /* Delete, then Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, n);
  g_assert_null (rollout_project_lookup_risk (fixture->project, rollout_risk_get_id (added)));
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Delete ‘Dockless scooters block hold zones’");
  g_assert_false (register_contains (fixture, added));
  g_assert_true (rollout_risk_view_get_selected (fixture->view) != added);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  drain ();
  g_assert_true (rollout_project_lookup_risk (fixture->project, rollout_risk_get_id (added)) == added);
  g_assert_true (register_contains (fixture, added));
  g_assert_cmpstr (rollout_risk_get_task_ids (added)[0], ==, "exp-hold-zones");
}

/* The matrix names its cells when it lays them out, which can come a
 * frame after the view is shown. */
static gboolean
cells_are_named (gconstpointer data)
{
  const Fixture *fixture = data;

  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (rollout_risk_matrix_get_cell (fixture->matrix, i)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL))
      return FALSE;
  return TRUE;
}

/* Every cell takes the focus and says what it holds; the matrix lets the
 * focus in on the cursor's cell only. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  RolloutRisk *noshows = risk (fixture, "no-shows");
  guint index = rollout_risk_cell_index (3, 4);
  GtkWidget *cell = rollout_risk_matrix_get_cell (fixture->matrix, index);
  g_autofree char *problem = NULL;

  /* Without an accessibility backend (build-aux/sanitize.sh turns it off)
   * GTK keeps no names to check. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0)
    {
      g_test_skip ("accessibility is off (GTK_A11Y=none)");
      return;
    }

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->matrix), GTK_ACCESSIBLE_ROLE_GRID);
  g_assert_true (wait_for (cells_are_named, fixture));
  for (guint i = 0; i < ROLLOUT_RISK_N_CELLS; i++)
    {
      GtkWidget *c = rollout_risk_matrix_get_cell (fixture->matrix, i);

      g_assert_true (gtk_widget_get_focusable (c));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_ROLE_GRID_CELL);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "High, likelihood 3 Possible, impact 4 Major, score 12, "
                                                "1 risk: Riders reserve and do not show up");
  g_assert_null (problem);
  g_clear_pointer (&problem, g_free);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (rollout_risk_matrix_get_cell (fixture->matrix, 0)),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Medium, likelihood 5 Almost certain, impact 1 Negligible, score 5, "
                                                "no risks");
  g_assert_null (problem);

  rollout_risk_view_select (fixture->view, noshows);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->matrix));
  g_assert_true (gtk_widget_has_focus (cell));
  g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED));
  /* Tab leaves the matrix from there. */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (fixture->matrix), GTK_DIR_TAB_FORWARD));
}

/* Edits made while another view is shown wait for the Risks view to be
 * shown again, and are all there when it is. */
static void
test_edit_while_hidden (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  RolloutRisk *permit = risk (fixture, "portland-permit");
  guint n = g_list_model_get_n_items (fixture->register_model);
  g_autoptr(RolloutCommand) close = NULL;

  g_assert_true (register_contains (fixture, permit));
  adw_view_stack_set_visible_child_name (stack, "timeline");
  g_assert_true (wait_for (widget_unmapped, fixture->view));

  /* Closed, it leaves the register (which shows the active risks)... */
  close = rollout_command_new_set_many (permit, "Close", "status", ROLLOUT_RISK_STATUS_CLOSED, NULL);
  g_assert_true (rollout_document_execute (fixture->document, close, NULL));
  drain ();
  /* ...but not while nobody looks: the hidden view is not redone. */
  g_assert_true (register_contains (fixture, permit));

  adw_view_stack_set_visible_child_name (stack, "risks");
  g_assert_true (wait_for (widget_mapped, fixture->view));
  g_assert_false (register_contains (fixture, permit));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, n - 1);

  /* Undone unseen, it is back when shown. */
  adw_view_stack_set_visible_child_name (stack, "timeline");
  g_assert_true (wait_for (widget_unmapped, fixture->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  drain ();
  adw_view_stack_set_visible_child_name (stack, "risks");
  g_assert_true (wait_for (widget_mapped, fixture->view));
  g_assert_true (register_contains (fixture, permit));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->register_model), ==, n);
}

/* The register in German ------------------------------------------------------ */

/* The demo plan on the Risks view in @language, at 1400 × 900 (at least:
 * GTK keeps a window's first size within the screen, not its minimum). */
static void
fixture_set_up_speaking (Fixture       *fixture,
                         gconstpointer  language)
{
  speak (language);
  fixture_set_up (fixture, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->window), 1400, 900);
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

static const RolloutRiskStatus all_statuses[] = {
  ROLLOUT_RISK_STATUS_OPEN, ROLLOUT_RISK_STATUS_MITIGATING,
  ROLLOUT_RISK_STATUS_CLOSED, ROLLOUT_RISK_STATUS_OCCURRED,
};

/* The register's labels on screen that show a status. */
static void
collect_status_labels (GtkWidget *widget,
                       GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), rollout_risk_status_label (all_statuses[i])) == 0)
        g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_status_labels (c, found);
}

static GPtrArray *
status_labels (Fixture *fixture)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_status_labels (find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW), found);
  return found;
}

/* The window's width on screen, with the edges it is resized by. */
static int
window_width (RolloutWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL ? gdk_surface_get_width (surface) : 0;
}

static gboolean
mitigating_shown_at_1400 (gconstpointer data)
{
  Fixture *fixture = (Fixture *) data;
  g_autoptr(GPtrArray) labels = status_labels (fixture);

  if (window_width (fixture->window) != 1400)
    return FALSE;
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_label (g_ptr_array_index (labels, i)),
                     rollout_risk_status_label (ROLLOUT_RISK_STATUS_MITIGATING)) &&
        gtk_widget_get_width (g_ptr_array_index (labels, i)) > 0)
      return TRUE;
  return FALSE;
}

/* The Status column is as wide as the longest status in the language in
 * use, whichever the register shows: "Wird gemindert" in German is whole,
 * and the column fits in the register; English keeps its layout. */
static void
test_status_column_fits (Fixture       *fixture,
                         gconstpointer  language)
{
  GtkWidget *column_view = find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GPtrArray) labels = NULL;
  int widest = 0;

  if (language != NULL)
    g_assert_cmpstr (rollout_risk_status_label (ROLLOUT_RISK_STATUS_MITIGATING), ==, "Wird gemindert");
  g_assert_true (wait_for (mitigating_shown_at_1400, fixture));
  drain ();

  labels = status_labels (fixture);
  g_assert_cmpuint (labels->len, >=, 3);
  /* The longest status, in the cells' font. */
  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (g_ptr_array_index (labels, 0),
                                                                      rollout_risk_status_label (all_statuses[i]));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *cell = gtk_widget_get_ancestor (label, GTK_TYPE_BOX);
      graphene_rect_t bounds;

      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
      /* Room in the cell for the longest, after the status's mark. */
      g_assert_true (gtk_widget_compute_bounds (label, cell, &bounds));
      g_assert_cmpfloat (bounds.origin.x + widest, <=, gtk_widget_get_width (cell));
      /* Inside the register, not under its edge. */
      g_assert_true (gtk_widget_compute_bounds (label, column_view, &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (column_view));
    }
  g_assert_cmpint (window_width (fixture->window), ==, 1400);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, "ui-risks");

  g_test_add ("/rollout/ui-risks/reassess-and-undo", Fixture, NULL, fixture_set_up, test_reassess_and_undo, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/selection", Fixture, NULL, fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/filter-and-sort", Fixture, NULL, fixture_set_up, test_filter_and_sort, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/add-edit-delete", Fixture, NULL, fixture_set_up, test_add_edit_delete, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/edit-while-hidden", Fixture, NULL, fixture_set_up, test_edit_while_hidden, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/accessible", Fixture, NULL, fixture_set_up, test_accessible, fixture_tear_down);
  g_test_add ("/rollout/ui-risks/status-column-fits/en", Fixture, NULL,
              fixture_set_up_speaking, test_status_column_fits, fixture_tear_down_speaking);
  g_test_add ("/rollout/ui-risks/status-column-fits/de", Fixture, "de",
              fixture_set_up_speaking, test_status_column_fits, fixture_tear_down_speaking);

  return ui_test_run ();
}
