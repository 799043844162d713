/* test-ui-timeline.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Editing on the timeline, through the window's actions and the chart's
 * signals, as the keyboard and the pointer drive them: moving a task moves
 * the tasks that wait for it, a drag makes one undo step however far the
 * pointer went, undo gives back the very same plan (byte for byte, as
 * written to a file), dependencies that would close a circle are refused,
 * and adding, deleting, editing and searching do what they say. Needs a
 * display; run under Xvfb.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rollout-application.h"
#include "rollout-file.h"
#include "rollout-task-editor.h"
#include "rollout-timeline-chart-private.h"
#include "rollout-timeline-view.h"
#include "rollout-window.h"
#include "ui-test-util.h"

/* A fixture: the demo plan open on the Timeline. */
typedef struct {
  RolloutWindow       *window;
  RolloutDocument     *document;
  RolloutProject      *project;
  RolloutHistory      *history;
  RolloutTimelineView *view;
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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "i", 2));
  fixture->view = ROLLOUT_TIMELINE_VIEW (find_by_type (GTK_WIDGET (fixture->window), ROLLOUT_TYPE_TIMELINE_VIEW));
  fixture->chart = ROLLOUT_TIMELINE_CHART (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_TIMELINE_CHART));
  g_assert_nonnull (fixture->chart);
  g_assert_true (rollout_timeline_view_get_document (fixture->view) == fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_everything ();
}

static char *
write_plan (RolloutProject *project)
{
  return rollout_file_write (project, NULL);
}

static RolloutTask *
task (Fixture    *fixture,
      const char *id)
{
  RolloutTask *found = rollout_project_lookup_task (fixture->project, id);

  g_assert_nonnull (found);
  return found;
}

/* The tasks that wait for @predecessor (finish to start) and start the
 * first working day after it ends: they move when it moves. */
static GPtrArray *
driven_dependants (Fixture     *fixture,
                   RolloutTask *predecessor)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (fixture->project);
  GListModel *tasks = rollout_project_get_tasks (fixture->project);
  RolloutDate next = rollout_calendar_add_working_days (calendar, rollout_task_get_finish (predecessor), 1);
  GPtrArray *driven = g_ptr_array_new ();

  for (guint i = 0, n = g_list_model_get_n_items (tasks); i < n; i++)
    {
      g_autoptr(RolloutTask) other = g_list_model_get_item (tasks, i);
      GPtrArray *deps = rollout_task_get_dependencies (other);

      for (guint d = 0; deps != NULL && d < deps->len; d++)
        {
          RolloutDependency *dep = g_ptr_array_index (deps, d);

          if (g_strcmp0 (dep->task_id, rollout_task_get_id (predecessor)) == 0 &&
              dep->type == ROLLOUT_DEPENDENCY_FS && dep->lag == 0 &&
              rollout_task_get_start (other) == next)
            g_ptr_array_add (driven, other);
        }
    }
  return driven;
}

/* Alt+Right moves the selected task a working day later, and the tasks
 * waiting for it follow; undo gives back the plan exactly. */
static void
test_move_and_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (fixture->project);
  RolloutTask *api = task (fixture, "api-reservations");
  g_autoptr(GPtrArray) driven = driven_dependants (fixture, api);
  g_autofree char *before = write_plan (fixture->project);
  g_autofree char *after = NULL;
  g_autofree RolloutDate *starts = NULL;
  RolloutDate start = rollout_task_get_start (api);

  g_assert_cmpuint (driven->len, >, 0);
  starts = g_new (RolloutDate, driven->len);
  for (guint i = 0; i < driven->len; i++)
    starts[i] = rollout_task_get_start (g_ptr_array_index (driven, i));

  rollout_timeline_view_select (fixture->view, api);
  g_assert_true (rollout_timeline_view_get_selected (fixture->view) == api);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-later", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-later", NULL));

  g_assert_cmpuint (rollout_task_get_start (api), ==, rollout_calendar_add_working_days (calendar, start, 2));
  g_assert_cmpuint (rollout_task_get_start_no_earlier_than (api), ==, rollout_task_get_start (api));
  for (guint i = 0; i < driven->len; i++)
    g_assert_cmpuint (rollout_task_get_start (g_ptr_array_index (driven, i)), ==,
                      rollout_calendar_add_working_days (calendar, starts[i], 2));
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Move ‘Reservation API: create, hold, cancel’");
  g_assert_true (rollout_document_get_modified (fixture->document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "• " DEMO_NAME);

  /* The list shows the new dates too. */
  drain ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (rollout_task_get_start (api), ==, start);
  for (guint i = 0; i < driven->len; i++)
    g_assert_cmpuint (rollout_task_get_start (g_ptr_array_index (driven, i)), ==, starts[i]);
  g_assert_false (rollout_document_get_modified (fixture->document));

  after = write_plan (fixture->project);
  g_assert_cmpstr (after, ==, before);
}

/* A drag of a bar previews every step, with the dependants following, and
 * leaves one step in the history when the button is released. */
static void
test_drag_is_one_step (Fixture       *fixture,
                       gconstpointer  data)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (fixture->project);
  RolloutTask *api = task (fixture, "api-reservations");
  g_autoptr(GPtrArray) driven = driven_dependants (fixture, api);
  RolloutTask *follower = g_ptr_array_index (driven, 0);
  g_autofree char *before = write_plan (fixture->project);
  g_autofree char *after = NULL;
  RolloutDate start = rollout_task_get_start (api);
  RolloutDate follower_start = rollout_task_get_start (follower);

  /* The pointer goes 3, 6, then 4 calendar days to the right. */
  for (guint step = 0; step < 3; step++)
    {
      static const int days[] = { 3, 6, 4 };
      RolloutDate date = start + days[step];
      RolloutDate expected = rollout_calendar_is_working_day (calendar, date)
                             ? date : rollout_calendar_add_working_days (calendar, date, 0);

      g_signal_emit_by_name (fixture->chart, "drag-task", api, ROLLOUT_TIMELINE_DRAG_MOVE, (guint) date, FALSE);
      /* Live: the task and what waits for it have moved, in no history. */
      g_assert_cmpuint (rollout_task_get_start (api), ==, expected);
      g_assert_cmpuint (rollout_task_get_start (follower), >, follower_start);
      g_assert_false (rollout_history_can_undo (fixture->history));
    }
  g_signal_emit_by_name (fixture->chart, "drag-task", api, ROLLOUT_TIMELINE_DRAG_MOVE, (guint) (start + 4), TRUE);
  g_assert_true (rollout_history_can_undo (fixture->history));
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Move ‘Reservation API: create, hold, cancel’");

  g_assert_true (rollout_history_undo (fixture->history));
  g_assert_false (rollout_history_can_undo (fixture->history));
  g_assert_cmpuint (rollout_task_get_start (api), ==, start);
  g_assert_cmpuint (rollout_task_get_start (follower), ==, follower_start);
  after = write_plan (fixture->project);
  g_assert_cmpstr (after, ==, before);

  /* Dragging the end changes the duration; Escape gives it all back. */
  g_signal_emit_by_name (fixture->chart, "drag-task", api, ROLLOUT_TIMELINE_DRAG_RESIZE,
                         (guint) rollout_calendar_add_working_days (calendar, rollout_task_get_finish (api), 3), FALSE);
  g_assert_cmpint (rollout_task_get_duration (api), ==, 11);
  g_signal_emit_by_name (fixture->chart, "cancel-drag");
  g_assert_cmpint (rollout_task_get_duration (api), ==, 8);
  g_assert_false (rollout_history_can_undo (fixture->history));
  g_free (after);
  after = write_plan (fixture->project);
  g_assert_cmpstr (after, ==, before);
}

/* Linking two bars adds a finish-to-start dependency; one that would make
 * tasks wait for each other in a circle is refused. */
static void
test_link (Fixture       *fixture,
           gconstpointer  data)
{
  RolloutTask *flag = task (fixture, "feature-flag");
  RolloutTask *survey = task (fixture, "dogfood-survey");
  RolloutTask *api = task (fixture, "api-reservations");
  RolloutTask *preauth = task (fixture, "payments-preauth");
  GPtrArray *deps;
  guint n_before = rollout_task_get_dependencies (survey)->len;

  g_signal_emit_by_name (fixture->chart, "link-tasks", flag, survey);
  deps = rollout_task_get_dependencies (survey);
  g_assert_cmpuint (deps->len, ==, n_before + 1);
  g_assert_cmpstr (((RolloutDependency *) g_ptr_array_index (deps, deps->len - 1))->task_id, ==, "feature-flag");
  g_assert_cmpint (((RolloutDependency *) g_ptr_array_index (deps, deps->len - 1))->type, ==, ROLLOUT_DEPENDENCY_FS);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Make ‘Dogfood rider survey (weekly pulse, two rounds)’ Wait for ‘Feature flag with staff, percentage and city cohorts’");

  /* The pre-authorization waits for the API: the API cannot wait for it. */
  g_signal_emit_by_name (fixture->chart, "link-tasks", preauth, api);
  for (guint i = 0; i < rollout_task_get_dependencies (api)->len; i++)
    g_assert_cmpstr (((RolloutDependency *) g_ptr_array_index (rollout_task_get_dependencies (api), i))->task_id,
                     !=, "payments-preauth");
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Make ‘Dogfood rider survey (weekly pulse, two rounds)’ Wait for ‘Feature flag with staff, percentage and city cohorts’");
}

/* Adding a task puts it after the selected one, in the same phase, selects
 * it and opens it in the editor; Delete removes it and Undo brings it
 * back. */
static void
test_add_and_delete (Fixture       *fixture,
                     gconstpointer  data)
{
  RolloutTask *api = task (fixture, "api-reservations");
  GListModel *tasks = rollout_project_get_tasks (fixture->project);
  guint n = g_list_model_get_n_items (tasks);
  int position = rollout_project_index_of (fixture->project, api);
  RolloutTaskEditor *editor;
  RolloutTask *added;
  GtkWidget *name_row;

  rollout_timeline_view_select (fixture->view, api);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-task", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n + 1);
  added = g_list_model_get_item (tasks, position + 1);
  g_object_unref (added);
  g_assert_cmpstr (rollout_task_get_name (added), ==, "New Task");
  g_assert_cmpstr (rollout_task_get_phase_id (added), ==, rollout_task_get_phase_id (api));
  g_assert_cmpint (rollout_task_get_duration (added), ==, 5);
  g_assert_true (rollout_task_get_start (added) > rollout_task_get_finish (api));
  g_assert_true (rollout_timeline_view_get_selected (fixture->view) == added);
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Add a Task");

  /* The editor shows it; a new name applied is one more step. */
  editor = ROLLOUT_TASK_EDITOR (find_by_type (GTK_WIDGET (fixture->view), ROLLOUT_TYPE_TASK_EDITOR));
  g_assert_true (rollout_task_editor_get_item (editor) == added);
  name_row = find_by_type (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "New Task");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Reservation load test");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (rollout_task_get_name (added), ==, "Reservation load test");
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Rename ‘New Task’");

  /* A milestone has no duration. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-milestone", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n + 2);
  g_assert_true (rollout_task_is_milestone (rollout_timeline_view_get_selected (fixture->view)));

  /* Delete, then Undo. */
  rollout_timeline_view_select (fixture->view, added);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n + 1);
  g_assert_null (rollout_project_lookup_task (fixture->project, rollout_task_get_id (added)));
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==, "Delete ‘Reservation load test’");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n + 2);
  g_assert_true (rollout_project_lookup_task (fixture->project, rollout_task_get_id (added)) == added);

  /* A phase, with its tasks, goes and comes back the same way. */
  {
    RolloutPhase *pilot = rollout_project_lookup_phase (fixture->project, "pilot");
    g_autofree char *before = write_plan (fixture->project);
    g_autofree char *after = NULL;
    guint n_phases = g_list_model_get_n_items (rollout_project_get_phases (fixture->project));

    rollout_timeline_view_select (fixture->view, pilot);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (rollout_project_get_phases (fixture->project)), ==, n_phases - 1);
    g_assert_null (rollout_project_lookup_task (fixture->project, "austin-hold-zones"));
    {
      g_autoptr(GPtrArray) problems = rollout_project_validate (fixture->project);

      g_assert_cmpuint (problems->len, ==, 0);
    }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
    after = write_plan (fixture->project);
    g_assert_cmpstr (after, ==, before);
  }
}

typedef struct {
  GtkAdjustment *adjustment;
  double         beyond;
} Scrolled;

static gboolean
scrolled_beyond (gconstpointer data)
{
  const Scrolled *query = data;

  return gtk_adjustment_get_value (query->adjustment) >= query->beyond;
}

static gboolean
scrolled_below (gconstpointer data)
{
  const Scrolled *query = data;

  return gtk_adjustment_get_value (query->adjustment) <= query->beyond;
}

static gboolean
autoscroll_stopped (gconstpointer chart)
{
  return !_rollout_timeline_chart_get_autoscrolling ((RolloutTimelineChart *) chart);
}

/* Where @task's bar is in the chart widget: its start, and its middle
 * from top to bottom. */
static void
bar_position (Fixture     *fixture,
              RolloutTask *task,
              double      *x,
              double      *y)
{
  RolloutTimelineLayout *layout = rollout_timeline_chart_get_layout (fixture->chart);
  int row = rollout_timeline_layout_find_row (layout, task);
  const RolloutTimelineRow *r;

  g_assert_cmpint (row, >=, 0);
  r = rollout_timeline_layout_get_row (layout, row);
  *x = r->bar.x - gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->chart)));
  *y = rollout_timeline_chart_get_header_height (fixture->chart) + r->bar.y + r->bar.height / 2 -
       gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->chart)));
}

/* A bar dragged to the right edge of the chart scrolls it, and goes on
 * moving with the plan under the pointer, as far as it scrolled; back in
 * the middle the scrolling stops, and the release is one undo step that
 * leaves the bar under the pointer. Dragging a link to the bottom scrolls
 * down until the end, where the scrolling stops by itself. (Through the
 * chart's drag gesture handlers: a pointer cannot be driven here.) */
static void
test_drag_autoscroll (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *chart = GTK_WIDGET (fixture->chart);
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (chart));
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (chart));
  RolloutTask *api = task (fixture, "api-reservations");
  g_autofree char *before = write_plan (fixture->project);
  g_autofree char *after = NULL;
  RolloutDate start = rollout_task_get_start (api), moved;
  double x, y, grab, dx, width, day_width, hvalue;
  Scrolled query = { hadj, 0 };

  g_assert_true (wait_for (widget_mapped, chart));
  gtk_test_widget_wait_for_draw (chart);
  width = gtk_widget_get_width (chart);
  g_assert_cmpfloat (width, >, 200);
  rollout_timeline_view_select (fixture->view, api);
  gtk_adjustment_set_value (hadj, 0);
  gtk_adjustment_set_value (vadj, 0);
  drain ();
  day_width = rollout_timeline_layout_get_day_width (rollout_timeline_chart_get_layout (fixture->chart));

  /* Grab the bar a little way in; nothing scrolls while it moves in the
   * middle. */
  bar_position (fixture, api, &x, &y);
  grab = x + 4;
  _rollout_timeline_chart_drag_begin (fixture->chart, grab, y);
  _rollout_timeline_chart_drag_update (fixture->chart, 10, 0);
  g_assert_false (_rollout_timeline_chart_get_autoscrolling (fixture->chart));

  /* Near the right edge: the chart scrolls and the bar follows the plan. */
  dx = width - 6 - grab;
  _rollout_timeline_chart_drag_update (fixture->chart, dx, 0);
  g_assert_true (_rollout_timeline_chart_get_autoscrolling (fixture->chart));
  moved = rollout_task_get_start (api);
  g_assert_cmpuint (moved, >, start);
  query.beyond = 20 * day_width;
  g_assert_true (wait_for (scrolled_beyond, &query));
  g_assert_cmpuint (rollout_task_get_start (api), >=, moved + 14);
  g_assert_false (rollout_history_can_undo (fixture->history));

  /* Back in the middle it stops, and the bar stays where the pointer is. */
  _rollout_timeline_chart_drag_update (fixture->chart, width / 2 - grab, 0);
  g_assert_false (_rollout_timeline_chart_get_autoscrolling (fixture->chart));
  hvalue = gtk_adjustment_get_value (hadj);
  drain ();
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, hvalue);
  _rollout_timeline_chart_drag_end (fixture->chart, width / 2 - grab, 0);
  drain ();
  g_assert_true (rollout_history_can_undo (fixture->history));
  g_assert_cmpstr (rollout_history_get_undo_label (fixture->history), ==,
                   "Move ‘Reservation API: create, hold, cancel’");
  bar_position (fixture, api, &x, &y);
  /* Within a day, and the weekend it may have been pushed past. */
  g_assert_cmpfloat (fabs (x - (width / 2 - 4)), <=, 3 * day_width);

  g_assert_true (rollout_history_undo (fixture->history));
  after = write_plan (fixture->project);
  g_assert_cmpstr (after, ==, before);

  /* A link dragged to the bottom edge scrolls down, to the end. */
  gtk_adjustment_set_value (vadj, 0);
  drain ();
  bar_position (fixture, api, &x, &y);
  {
    RolloutTimelineLayout *layout = rollout_timeline_chart_get_layout (fixture->chart);
    const RolloutTimelineRow *r = rollout_timeline_layout_get_row (layout, rollout_timeline_layout_find_row (layout, api));
    double handle = x + r->bar.width + 12;
    double height = gtk_widget_get_height (chart);

    _rollout_timeline_chart_drag_begin (fixture->chart, handle, y);
    _rollout_timeline_chart_drag_update (fixture->chart, 0, height - 4 - y);
    g_assert_true (_rollout_timeline_chart_get_autoscrolling (fixture->chart));
    query.adjustment = vadj;
    query.beyond = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);
    g_assert_true (wait_for (scrolled_beyond, &query));
    g_assert_true (wait_for (autoscroll_stopped, fixture->chart));

    /* To the top edge: back up. */
    _rollout_timeline_chart_drag_update (fixture->chart, 0, rollout_timeline_chart_get_header_height (fixture->chart) + 2 - y);
    g_assert_true (_rollout_timeline_chart_get_autoscrolling (fixture->chart));
    query.beyond = gtk_adjustment_get_value (vadj) - 200;
    g_assert_true (wait_for (scrolled_below, &query));

    /* Let go over nothing: no link. */
    _rollout_timeline_chart_drag_end (fixture->chart, 0, rollout_timeline_chart_get_header_height (fixture->chart) + 2 - y);
    g_assert_false (_rollout_timeline_chart_get_autoscrolling (fixture->chart));
    g_assert_false (rollout_history_can_undo (fixture->history));
  }
}

static gboolean
selected_is (gconstpointer data)
{
  const struct { RolloutTimelineView *view; gpointer object; } *query = data;

  return rollout_timeline_view_get_selected (query->view) == query->object;
}

/* Ctrl+F finds tasks by name or owner and selects the first; Enter goes
 * to the next. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry;
  struct { RolloutTimelineView *view; gpointer object; } query = { fixture->view, NULL };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  entry = find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find_by_type (GTK_WIDGET (fixture->view),
                                                                                GTK_TYPE_SEARCH_BAR))));

  /* The phase's name matches first, then its tasks. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "dogfood");
  query.object = rollout_project_lookup_phase (fixture->project, "dogfood");
  g_assert_true (wait_for (selected_is, &query));
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (rollout_timeline_view_get_selected (fixture->view) == task (fixture, "qa-dogfood"));
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (rollout_timeline_view_get_selected (fixture->view) == task (fixture, "ms-dogfood-start"));

  /* By owner, from the selection on. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "keisha");
  query.object = NULL;
  {
    GListModel *tasks = rollout_project_get_tasks (fixture->project);
    guint from = rollout_project_index_of (fixture->project, task (fixture, "ms-dogfood-start"));

    for (guint i = from; query.object == NULL && i < g_list_model_get_n_items (tasks); i++)
      {
        g_autoptr(RolloutTask) candidate = g_list_model_get_item (tasks, i);

        if (g_str_has_prefix (rollout_task_get_owner (candidate), "Keisha"))
          query.object = candidate;
      }
  }
  g_assert_nonnull (query.object);
  g_assert_true (wait_for (selected_is, &query));
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_true (rollout_timeline_view_get_selected (fixture->view) == task (fixture, "analytics-events"));

  /* Closing the search leaves the selection where it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.find", NULL));
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_BAR)), FALSE);
  g_assert_true (rollout_timeline_view_get_selected (fixture->view) == task (fixture, "analytics-events"));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, "ui-timeline");

  g_test_add ("/rollout/ui-timeline/move-and-undo", Fixture, NULL, fixture_set_up, test_move_and_undo, fixture_tear_down);
  g_test_add ("/rollout/ui-timeline/drag-is-one-step", Fixture, NULL, fixture_set_up, test_drag_is_one_step, fixture_tear_down);
  g_test_add ("/rollout/ui-timeline/link", Fixture, NULL, fixture_set_up, test_link, fixture_tear_down);
  g_test_add ("/rollout/ui-timeline/drag-autoscroll", Fixture, NULL, fixture_set_up, test_drag_autoscroll, fixture_tear_down);
  g_test_add ("/rollout/ui-timeline/add-and-delete", Fixture, NULL, fixture_set_up, test_add_and_delete, fixture_tear_down);
  g_test_add ("/rollout/ui-timeline/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);

  return ui_test_run ();
}
