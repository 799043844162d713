/* test-ui-access.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Rollout without a pointer, and for assistive technologies.
 *
 * Keys are pressed as GTK delivers them: from the window down to the
 * widget with the focus and back up, through every key controller and
 * shortcut controller on the way (the widgets' own key bindings, the
 * window's shortcuts, the application's accelerators), so a key does here
 * what it does for a person. (GTK 4 has no public way to make a key event,
 * and Xvfb has no XTest here.) Text is typed by setting an editable's
 * text. No pointer is used anywhere.
 *
 * Then the widget tree of the window, in each of its states, is walked:
 * every widget that takes the focus or runs an action must have a name for
 * assistive technologies (its own label, or one it is labelled by, or
 * text of its own). Needs a display; run under Xvfb.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rollout-application.h"
#include "rollout-file.h"
#include "rollout-task-editor.h"
#include "rollout-timeline-chart.h"
#include "rollout-timeline-view.h"
#include "rollout-window.h"
#include "ui-test-util.h"

static RolloutApplication *app;

/* Lets @window lay out and draw what changed before it is looked at. */
static void
settle (GtkWidget *window)
{
  drain ();
  gtk_test_widget_wait_for_draw (window);
  drain ();
}

static GtkWidget *
find_by_css_class (GtkWidget  *widget,
                   const char *name)
{
  if (gtk_widget_has_css_class (widget, name))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_css_class (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}




static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Whether @widget is @ancestor or inside it. */
static gboolean
is_within (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Presses Tab until the focus is inside @target; at most @limit times. */
static gboolean
tab_to (GtkWindow *window,
        GtkWidget *target,
        guint      limit)
{
  for (guint i = 0; i < limit; i++)
    {
      if (is_within (focus_of (window), target))
        return TRUE;
      press (window, GDK_KEY_Tab, 0);
    }
  return is_within (focus_of (window), target);
}





/* Every widget that shows and takes the focus or runs an action, without
 * a name, goes into @unnamed. */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed,
                 guint     *n_checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_interactive (widget))
    {
      (*n_checked)++;
      if (!has_name (named_by (widget)))
        g_ptr_array_add (unnamed, widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_unnamed (c, unnamed, n_checked);
}

static char *
widget_path (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
      if (gtk_widget_get_parent (w) != NULL)
        g_string_prepend (path, " > ");
    }
  return g_string_free (path, FALSE);
}

/* Fails, naming each, when a widget of @window in its present state has
 * no accessible name. Returns how many were checked. */
static guint
assert_all_named (GtkWindow  *window,
                  const char *state)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();
  guint n_checked = 0;

  settle (GTK_WIDGET (window));
  collect_unnamed (GTK_WIDGET (window), unnamed, &n_checked);
  for (guint i = 0; i < unnamed->len; i++)
    {
      g_autofree char *path = widget_path (g_ptr_array_index (unnamed, i));

      g_test_message ("%s: no accessible name: %s", state, path);
    }
  g_test_message ("%s: %u widgets checked", state, n_checked);
  g_assert_cmpuint (unnamed->len, ==, 0);
  g_assert_cmpuint (n_checked, >, 0);
  return n_checked;
}

/* The demo plan, open on the Timeline -------------------------------------- */

typedef struct {
  RolloutWindow        *window;
  RolloutDocument      *document;
  RolloutProject       *project;
  RolloutHistory       *history;
  RolloutTimelineView  *view;
  RolloutTimelineChart *chart;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = open_demo ();
  fixture->document = rollout_window_get_document (fixture->window);
  fixture->project = rollout_document_get_project (fixture->document);
  fixture->history = rollout_document_get_history (fixture->document);
  fixture->view = ROLLOUT_TIMELINE_VIEW (find_by_type (GTK_WIDGET (fixture->window), ROLLOUT_TYPE_TIMELINE_VIEW));
  fixture->chart = ROLLOUT_TIMELINE_CHART (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_TIMELINE_CHART));
  settle (GTK_WIDGET (fixture->window));

  /* Alt+2: the second view, the Timeline. */
  g_assert_true (press (GTK_WINDOW (fixture->window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->chart)));
  settle (GTK_WIDGET (fixture->window));
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

/* Whether @widget is shown and runs @action (as "timeline.zoom-in"):
 * unlike find_actionable(), one that is not mapped does not count. */
static gboolean
runs_action_shown (GtkWidget     *widget,
                   gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Tab goes round every control of the window, each showing its focus; Shift+Tab
 * goes back. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  GtkWidget *list = find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_VIEW);
  static const char *actions[] = {
    "app.open", "timeline.zoom-out", "timeline.zoom-reset", "timeline.zoom-in", "timeline.scroll-to-today",
    "timeline.show-critical", "timeline.show-editor",
  };
  GtkWidget *first, *before_chart = NULL;
  gboolean chart_seen = FALSE, list_seen = FALSE;

  press (window, GDK_KEY_Tab, 0);
  first = focus_of (window);
  g_assert_nonnull (first);
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus = focus_of (window);

      g_assert_nonnull (focus);
      g_ptr_array_add (visited, focus);
      if (focus == GTK_WIDGET (fixture->chart))
        chart_seen = TRUE;
      else if (!chart_seen)
        before_chart = focus;
      list_seen |= is_within (focus, list);
      press (window, GDK_KEY_Tab, 0);
      if (focus_of (window) == first)
        break;
    }
  g_assert_true (focus_of (window) == first);
  g_test_message ("Tab goes round %u widgets", visited->len);

  g_assert_true (chart_seen);
  g_assert_true (list_seen);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = find_widget (GTK_WIDGET (window), runs_action_shown, actions[i]);
      gboolean seen = FALSE;

      g_assert_nonnull (button);
      for (guint k = 0; k < visited->len; k++)
        seen |= is_within (g_ptr_array_index (visited, k), button);
      if (!seen)
        g_test_message ("%s is not reached by Tab", actions[i]);
      g_assert_true (seen);
    }

  /* The chart shows it has the focus (style.css draws a ring for it). */
  g_assert_true (tab_to (window, GTK_WIDGET (fixture->chart), 200));
  g_assert_true (gtk_widget_get_state_flags (GTK_WIDGET (fixture->chart)) & GTK_STATE_FLAG_FOCUS_VISIBLE);

  /* Shift+Tab from the chart goes back to what came before it. */
  press (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (focus_of (window) == before_chart);
}

typedef struct {
  RolloutTimelineView *view;
  gpointer             object;
} Selected;

static gboolean
selected_is (gconstpointer data)
{
  const Selected *query = data;

  return rollout_timeline_view_get_selected (query->view) == query->object;
}

static gboolean
editor_shown (RolloutTimelineView *view)
{
  gboolean shown = FALSE;

  g_object_get (view, "show-editor", &shown, NULL);
  return shown;
}

/* The menu button showing @icon_name in @root. */
static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *icon_name)
{
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root)), icon_name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @task waits, directly or through others, for @other. */
static gboolean
waits_for (RolloutProject *project,
           RolloutTask    *task,
           RolloutTask    *other,
           guint           depth)
{
  GPtrArray *deps = rollout_task_get_dependencies (task);

  if (task == other)
    return TRUE;
  for (guint i = 0; deps != NULL && i < deps->len && depth < 200; i++)
    {
      RolloutTask *before = rollout_project_lookup_task (project, ((RolloutDependency *) g_ptr_array_index (deps, i))->task_id);

      if (before != NULL && waits_for (project, before, other, depth + 1))
        return TRUE;
    }
  return FALSE;
}

/* A whole edit, from the keyboard alone: Tab to the chart, the arrows to a
 * task, Alt+arrows to move and stretch it, Ctrl+L and the arrows to make a
 * task wait for it, F2 to rename it and add a dependency in the editor,
 * Escape back, Delete, and Ctrl+Z until the plan is as it was. */
static void
test_keyboard_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  RolloutCalendar *calendar = rollout_project_get_calendar (fixture->project);
  RolloutTask *api = task (fixture, "api-reservations");
  RolloutTask *flag = task (fixture, "feature-flag");
  g_autofree char *before = rollout_file_write (fixture->project, NULL);
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  RolloutDate start = rollout_task_get_start (api);
  int duration = rollout_task_get_duration (api);
  RolloutTimelineLayout *layout;
  RolloutTaskEditor *editor;
  RolloutTask *target;
  GtkWidget *focus, *add_dep, *hint;
  guint steps = 0, n_deps;

  /* Tab to the chart; Home, then Down to the task. */
  g_assert_true (tab_to (window, GTK_WIDGET (fixture->chart), 200));
  g_assert_true (press (window, GDK_KEY_Home, 0));
  for (guint i = 0; i < 40 && rollout_timeline_view_get_selected (fixture->view) != api; i++)
    g_assert_true (press (window, GDK_KEY_Down, 0));
  g_assert_true (rollout_timeline_view_get_selected (fixture->view) == api);
  g_assert_true (focus_of (window) == GTK_WIDGET (fixture->chart));

  /* Alt+Right twice moves it two working days later; Alt+Shift+Right makes
   * it a day longer. */
  g_assert_true (press (window, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (press (window, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (press (window, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK));
  steps += 3;
  g_assert_cmpuint (rollout_task_get_start (api), ==, rollout_calendar_add_working_days (calendar, start, 2));
  g_assert_cmpint (rollout_task_get_duration (api), ==, duration + 1);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Change the Duration of ‘Reservation API: create, hold, cancel’");
  g_assert_true (focus_of (window) == GTK_WIDGET (fixture->chart));

  /* Ctrl+L, then Down to a task that may wait for it, and Enter. */
  g_assert_true (press (window, GDK_KEY_l, GDK_CONTROL_MASK));
  g_assert_true (rollout_timeline_chart_get_linking (fixture->chart));
  hint = find_by_css_class (GTK_WIDGET (fixture->view), "timeline-link-hint");
  g_assert_nonnull (hint);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (hint))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (hint)), ==,
                   "Choose the task that waits for ‘Reservation API: create, hold, cancel’ with the arrow keys, "
                   "then press Enter. Escape gives up.");
  layout = rollout_timeline_chart_get_layout (fixture->chart);
  for (guint i = 0; i < 60; i++)
    {
      int row = rollout_timeline_chart_get_link_target (fixture->chart);
      GPtrArray *deps;
      gboolean linked = FALSE;

      g_assert_cmpint (row, >=, 0);
      target = rollout_timeline_layout_get_row (layout, row)->object;
      g_assert_true (ROLLOUT_IS_TASK (target));
      g_assert_true (target != api);
      deps = rollout_task_get_dependencies (target);
      for (guint d = 0; deps != NULL && d < deps->len; d++)
        linked |= g_strcmp0 (((RolloutDependency *) g_ptr_array_index (deps, d))->task_id, "api-reservations") == 0;
      if (!linked && !waits_for (fixture->project, api, target, 0))
        break;
      g_assert_true (press (window, GDK_KEY_Down, 0));
    }
  n_deps = rollout_task_get_dependencies (target) != NULL ? rollout_task_get_dependencies (target)->len : 0;
  g_assert_true (press (window, GDK_KEY_Return, 0));
  steps++;
  g_assert_false (rollout_timeline_chart_get_linking (fixture->chart));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (hint))));
  g_assert_cmpuint (rollout_task_get_dependencies (target)->len, ==, n_deps + 1);
  g_assert_cmpstr (((RolloutDependency *) g_ptr_array_index (rollout_task_get_dependencies (target), n_deps))->task_id,
                   ==, "api-reservations");
  g_assert_true (rollout_task_get_start (target) > rollout_task_get_finish (api));

  /* Escape gives up a link. */
  {
    Selected query = { fixture->view, api };

    rollout_timeline_view_select (fixture->view, api);
    g_assert_true (wait_for (selected_is, &query));
  }
  g_assert_true (press (window, GDK_KEY_l, GDK_CONTROL_MASK));
  g_assert_true (rollout_timeline_chart_get_linking (fixture->chart));
  g_assert_true (press (window, GDK_KEY_Escape, 0));
  g_assert_false (rollout_timeline_chart_get_linking (fixture->chart));
  label = g_strdup_printf ("Make ‘%s’ Wait for ‘Reservation API: create, hold, cancel’", rollout_task_get_name (target));
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, label);

  /* F2 opens the editor on the name; typing and Enter renames. */
  g_assert_true (press (window, GDK_KEY_F2, 0));
  editor = ROLLOUT_TASK_EDITOR (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_TASK_EDITOR));
  g_assert_true (editor_shown (fixture->view));
  g_assert_true (rollout_task_editor_get_item (editor) == api);
  focus = focus_of (window);
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (is_within (focus, GTK_WIDGET (editor)));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Reservation API");
  g_assert_true (press (window, GDK_KEY_Return, 0));
  steps++;
  g_assert_cmpstr (rollout_task_get_name (api), ==, "Reservation API");

  /* Tab to Add a Dependency, Space opens it; a search and Enter adds. */
  add_dep = find_menu_button (GTK_WIDGET (editor), "list-add-symbolic");
  g_assert_nonnull (add_dep);
  /* The panel slides in. */
  g_assert_true (wait_for (widget_mapped, add_dep));
  g_assert_true (tab_to (window, add_dep, 60));
  n_deps = rollout_task_get_dependencies (api)->len;
  g_assert_true (press (window, GDK_KEY_space, 0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_dep)))));
  focus = focus_of (window);
  g_assert_true (is_within (focus, GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_dep)))));
  gtk_editable_set_text (GTK_EDITABLE (find_by_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_dep))),
                                                     GTK_TYPE_SEARCH_ENTRY)),
                         "feature flag");
  drain ();
  g_assert_true (press (window, GDK_KEY_Return, 0));
  steps++;
  g_assert_cmpuint (rollout_task_get_dependencies (api)->len, ==, n_deps + 1);
  g_assert_cmpstr (((RolloutDependency *) g_ptr_array_index (rollout_task_get_dependencies (api), n_deps))->task_id,
                   ==, rollout_task_get_id (flag));

  /* The focus is back on the button. */
  g_assert_true (is_within (focus_of (window), add_dep));
  /* Escape closes the editor and gives the focus back to the chart. */
  for (guint i = 0; i < 3 && editor_shown (fixture->view); i++)
    press (window, GDK_KEY_Escape, 0);
  g_assert_false (editor_shown (fixture->view));
  g_assert_true (focus_of (window) == GTK_WIDGET (fixture->chart));

  /* Delete, then Ctrl+Z for every step: the plan is as it was. */
  g_assert_true (wait_for (widget_unmapped, editor));
  g_assert_true (press (window, GDK_KEY_Delete, 0));
  steps++;
  g_assert_null (rollout_project_lookup_task (fixture->project, "api-reservations"));
  for (guint i = 0; i < steps; i++)
    g_assert_true (press (window, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (rollout_history_can_undo (fixture->history));
  g_assert_false (rollout_document_get_modified (fixture->document));
  after = rollout_file_write (fixture->project, NULL);
  g_assert_cmpstr (after, ==, before);
}


/* Every control has a name for assistive technologies, in every state of
 * the window: the welcome page, the Timeline, the editor on a task and on
 * a phase with its popovers open, the search, the overview, the Board,
 * Risks and the Monitor. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  RolloutTaskEditor *editor;
  GtkWidget *popover, *empty;
  guint n = 0;

  /* Without an accessibility backend (build-aux/sanitize.sh turns it off)
   * GTK keeps no names to check. */
  if (!accessibility_on ())
    {
      g_test_skip ("accessibility is off (GTK_A11Y=none)");
      return;
    }

  n += assert_all_named (window, "timeline");

  rollout_timeline_view_select (fixture->view, task (fixture, "api-reservations"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
  drain ();
  n += assert_all_named (window, "editor on a task");

  editor = ROLLOUT_TASK_EDITOR (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_TASK_EDITOR));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_menu_button (GTK_WIDGET (editor), "list-add-symbolic"))));
  gtk_popover_popup (GTK_POPOVER (popover));
  drain ();
  n += assert_all_named (window, "adding a dependency");
  gtk_popover_popdown (GTK_POPOVER (popover));

  rollout_timeline_view_select (fixture->view, rollout_project_lookup_phase (fixture->project, "pilot"));
  drain ();
  n += assert_all_named (window, "editor on a phase");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  drain ();
  n += assert_all_named (window, "search");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 1));
  drain ();
  n += assert_all_named (window, "overview");

  /* The Board, Risks and the Monitor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 3));
  drain ();
  n += assert_all_named (window, "board");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 4));
  drain ();
  n += assert_all_named (window, "risks");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 5));
  drain ();
  n += assert_all_named (window, "monitor");

  /* The primary menu, open. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_menu_button (GTK_WIDGET (window), "open-menu-symbolic")));
  drain ();
  n += assert_all_named (window, "primary menu");

  /* A window without a plan shows the welcome page. */
  empty = GTK_WIDGET (rollout_window_new (app));
  gtk_window_present (GTK_WINDOW (empty));
  drain ();
  n += assert_all_named (GTK_WINDOW (empty), "welcome");
  g_test_message ("%u widgets checked in all", n);
}

/* The chart's description is @expected, both as the chart computes it and,
 * when GTK runs with an accessibility backend, as assistive technologies
 * read it. (build-aux/sanitize.sh runs GTK without one.) */
static void
assert_description (RolloutTimelineChart *chart,
                    const char           *expected)
{
  g_assert_cmpstr (rollout_timeline_chart_get_description (chart), ==, expected);
  if (accessibility_on ())
    {
      g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                     expected);
      g_assert_null (problem);
    }
}

/* The chart tells assistive technologies what the keyboard acts on: the
 * selected bar, then the link being made. */
static void
test_chart_description (Fixture       *fixture,
                        gconstpointer  data)
{
  RolloutTimelineChart *chart = ROLLOUT_TIMELINE_CHART (fixture->chart);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_LIST_BOX);
  if (accessibility_on ())
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline chart");

  rollout_timeline_view_select (fixture->view, task (fixture, "api-reservations"));
  drain ();
  assert_description (chart, "Reservation API: create, hold, cancel, 2 Feb 2026 – 11 Feb 2026, done");

  rollout_timeline_view_select (fixture->view, task (fixture, "ms-dogfood-start"));
  drain ();
  assert_description (chart, "Dogfood starts, 23 Feb 2026, milestone, done");

  rollout_timeline_view_select (fixture->view, task (fixture, "api-reservations"));
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.link", NULL));
  assert_description (chart,
                      "Hold timer and automatic release after 15 minutes, 5 Feb 2026 – 11 Feb 2026, done, "
                      "will wait for ‘Reservation API: create, hold, cancel’. Enter links them, Escape gives up.");
  g_assert_true (press (GTK_WINDOW (fixture->window), GDK_KEY_Escape, 0));
  assert_description (chart, "Reservation API: create, hold, cancel, 2 Feb 2026 – 11 Feb 2026, done");
}

int
main (int   argc,
      char *argv[])
{
  app = ui_test_init (&argc, &argv, "ui-access");

  /* Panels and popovers appear at once: nothing is half way when looked at. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/rollout/ui-access/tab-order", Fixture, NULL, fixture_set_up, test_tab_order, fixture_tear_down);
  g_test_add ("/rollout/ui-access/keyboard-edit", Fixture, NULL, fixture_set_up, test_keyboard_edit, fixture_tear_down);
  g_test_add ("/rollout/ui-access/accessible-names", Fixture, NULL, fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/rollout/ui-access/chart-description", Fixture, NULL, fixture_set_up, test_chart_description, fixture_tear_down);

  return ui_test_run ();
}
