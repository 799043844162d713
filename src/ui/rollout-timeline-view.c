/* rollout-timeline-view.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Timeline page: a task list on the left and the Gantt chart on the
 * right, like GNOME Planner, their rows scrolling together, and a side panel (an AdwFlap that folds over the chart
 * when the window is narrow) that edits the selected task.
 *
 * One RolloutTimelineLayout describes both sides: the list's model holds the
 * layout's row objects (phases and tasks) in the same order, so a list
 * position is a layout row. After every edit, undo or redo (the document's
 * ::changed) the layout is made again, once per burst; the list model is
 * only spliced where the rows really differ (an added or deleted task), and
 * otherwise the rows on screen are bound again in place, which keeps the
 * list's scroll position, focus and selection and costs nothing per row
 * that is not shown. Collapsing a phase splices just that phase's tasks out
 * of (or into) the list model. Zooming rebuilds the layout only.
 *
 * Dragging a bar previews the move: a command is applied to the plan
 * outside the history and the plan rescheduled, so dependants move live;
 * each step reverts the previous preview first. On release the preview is
 * reverted and the final command goes through the history, as one step.
 */

#define G_LOG_DOMAIN "rollout-timeline-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-scheduler.h"
#include "rollout-task-editor.h"
#include "rollout-timeline-chart.h"
#include "rollout-timeline-view.h"

/* Room before a task's name, under the phase's expander. */
#define LEAD_WIDTH 30
/* Narrower than this, the list shows names only. */
#define COMPACT_WIDTH 720
#define LIST_WIDTH 460
/* Widths of the owner and dates columns, in characters. */
#define OWNER_CHARS 11
#define DATES_CHARS 14
/* A new task lasts a working week. */
#define NEW_TASK_DURATION 5

struct _RolloutTimelineView
{
  GtkWidget              parent_instance;

  RolloutDocument       *document;
  RolloutProject        *project;
  RolloutTimelineLayout *layout;
  GHashTable            *collapsed;      /* phase ids, owned */
  RolloutTimelineZoom    zoom;
  guint                  show_critical : 1;
  guint                  show_editor : 1;
  guint                  today_pending : 1;
  guint                  compact : 1;
  guint                  rebuild_source;
  guint                  compact_source;
  RolloutDate            today;

  GListStore            *rows;           /* the layout's row objects, in order */
  GtkSingleSelection    *selection;
  GtkCssProvider        *css;
  GPtrArray             *row_widgets;    /* RowWidgets of the list's rows */

  /* The drag preview applied outside the history */
  RolloutCommand        *preview;

  /* Search: the matching phases and tasks (a set), in row order too */
  GHashTable            *matches;
  GPtrArray             *match_rows;

  /* Template children */
  GtkStack              *stack;
  AdwStatusPage         *status_page;
  AdwFlap               *flap;
  RolloutTaskEditor     *editor;
  GtkWidget             *list_header;
  GtkWidget             *owner_header;
  GtkWidget             *dates_header;
  GtkScrolledWindow     *list_scroller;
  GtkListView           *list_view;
  GtkScrolledWindow     *chart_scroller;
  RolloutTimelineChart  *chart;
  GtkLabel              *zoom_label;
  GtkBox                *legend;
  GtkWidget             *legend_scroller;
  GtkPaned              *paned;
  GtkWidget             *list_box;
  GtkToggleButton       *search_button;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkLabel              *search_count;
  GtkWidget             *zoom_button;
  GtkRevealer           *link_revealer;
  GtkLabel              *link_label;
};

G_DEFINE_FINAL_TYPE (RolloutTimelineView, rollout_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_SHOW_CRITICAL,
  PROP_SHOW_EDITOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The widgets of one row of the task list: few, since GtkListView keeps
 * a couple of hundred rows alive and lays them all out on every scroll. */
typedef struct {
  RolloutTimelineView *view;
  GtkListItem         *item;
  GtkWidget           *box;
  GtkWidget           *lead;      /* a phase's expander, or a milestone's flag */
  GtkWidget           *name;
  GtkWidget           *status;    /* blocked, late or done */
  GtkWidget           *owner;
  GtkWidget           *dates;
} RowWidgets;

static const char css_data[] =
  ".timeline-list > row { padding: 0; margin: 0; min-height: 0; border-radius: 0; }\n"
  ".timeline-header { background-color: @window_bg_color;"
  "  border-bottom: 1px solid alpha(currentColor, .15); }\n"
  ".timeline-toolbar { padding: 6px; }\n"
  ".timeline-phase-row { background-color: alpha(currentColor, .04); }\n"
  ".timeline-phase-row > label.name { font-weight: bold; }\n"
  ".timeline-match { background-color: alpha(@accent_bg_color, .14); }\n"
  ".timeline-legend-dot { font-size: 1.2em; }\n"
  ".timeline-link-hint { padding: 6px 12px; background-color: alpha(@accent_bg_color, .12); }\n"
  "task-editor .editor-toolbar { padding: 6px; }\n"
  "task-editor .editor-notes { padding: 0; }\n";

static void row_bind_cb (RolloutTimelineView      *self,
                         GtkListItem              *item,
                         GtkSignalListItemFactory *factory);
static void update_search (RolloutTimelineView *self,
                           gboolean             jump);

/* Helpers ----------------------------------------------------------------- */

static const char *
zoom_label (RolloutTimelineZoom zoom)
{
  switch (zoom)
    {
    case ROLLOUT_TIMELINE_ZOOM_DAY:
      return _("Days");
    case ROLLOUT_TIMELINE_ZOOM_MONTH:
      return _("Months");
    case ROLLOUT_TIMELINE_ZOOM_QUARTER:
      return _("Quarters");
    case ROLLOUT_TIMELINE_ZOOM_WEEK:
    default:
      return _("Weeks");
    }
}

static const char *
zoom_description (RolloutTimelineZoom zoom)
{
  switch (zoom)
    {
    case ROLLOUT_TIMELINE_ZOOM_DAY:
      return _("Showing days");
    case ROLLOUT_TIMELINE_ZOOM_MONTH:
      return _("Showing months");
    case ROLLOUT_TIMELINE_ZOOM_QUARTER:
      return _("Showing quarters");
    case ROLLOUT_TIMELINE_ZOOM_WEEK:
    default:
      return _("Showing weeks");
    }
}

/* "2 Feb", short enough for the list; the tooltip has the year. */
static char *
short_date (RolloutDate date)
{
  g_autoptr(GDateTime) when = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  when = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), 0, 0, 0);
  /* Translators: a day in the task list, without the year; see strftime */
  return g_date_time_format (when, _("%-d %b"));
}

static char *
short_period (const RolloutTimelineRow *row)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (row->start == ROLLOUT_DATE_NONE)
    return g_strdup ("—");
  from = short_date (row->start);
  if ((row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE) || row->finish == row->start)
    return g_steal_pointer (&from);
  to = short_date (row->finish);
  /* Translators: a period in the task list, first day – last day */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static RolloutTimelineLayout *
build_layout (RolloutTimelineView *self,
              RolloutTimelineZoom  zoom)
{
  RolloutTimelineOptions options;

  rollout_timeline_options_init (&options);
  options.zoom = zoom;
  options.today = self->today;
  /* Always flagged: the toggle only changes how the chart shows it. */
  options.show_critical = TRUE;
  options.collapsed_phases = self->collapsed;
  return rollout_timeline_layout_new (self->project, &options);
}

static GtkAdjustment *
hadjustment (RolloutTimelineView *self)
{
  return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->chart));
}

static GtkAdjustment *
vadjustment (RolloutTimelineView *self)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->chart));
}

static void
update_actions (RolloutTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_layout = self->layout != NULL;
  gboolean has_plan = self->document != NULL;

  gtk_widget_action_set_enabled (widget, "timeline.zoom-in", has_layout && self->zoom > ROLLOUT_TIMELINE_ZOOM_DAY);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out", has_layout && self->zoom < ROLLOUT_TIMELINE_ZOOM_QUARTER);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-reset", has_layout);
  gtk_widget_action_set_enabled (widget, "timeline.scroll-to-today", has_layout);
  gtk_widget_action_set_enabled (widget, "timeline.find", has_layout);
  gtk_widget_action_set_enabled (widget, "timeline.add-task", has_plan);
  gtk_widget_action_set_enabled (widget, "timeline.add-milestone", has_plan);
  gtk_widget_action_set_enabled (widget, "timeline.add-phase", has_plan);
  gtk_label_set_label (self->zoom_label, zoom_label (self->zoom));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, zoom_description (self->zoom),
                                  -1);
}

static gpointer
selected_object (RolloutTimelineView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static RolloutTask *
selected_task (RolloutTimelineView *self)
{
  gpointer object = selected_object (self);

  return ROLLOUT_IS_TASK (object) ? object : NULL;
}

/* The actions that need a selection follow it. */
static void
update_selection_actions (RolloutTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gpointer object = selected_object (self);
  RolloutTask *task = selected_task (self);

  gtk_widget_action_set_enabled (widget, "timeline.delete", object != NULL);
  gtk_widget_action_set_enabled (widget, "timeline.edit", object != NULL);
  gtk_widget_action_set_enabled (widget, "timeline.move-earlier", task != NULL);
  gtk_widget_action_set_enabled (widget, "timeline.move-later", task != NULL);
  gtk_widget_action_set_enabled (widget, "timeline.shorten", task != NULL && rollout_task_get_duration (task) > 1);
  gtk_widget_action_set_enabled (widget, "timeline.lengthen", task != NULL && !rollout_task_is_milestone (task));
  gtk_widget_action_set_enabled (widget, "timeline.link", task != NULL && self->layout != NULL);
}

static void
set_layout (RolloutTimelineView   *self,
            RolloutTimelineLayout *layout)
{
  if (self->layout != layout)
    {
      g_clear_pointer (&self->layout, rollout_timeline_layout_unref);
      if (layout != NULL)
        self->layout = rollout_timeline_layout_ref (layout);
    }
  rollout_timeline_chart_set_layout (self->chart, layout);
  update_actions (self);
}

/* Keeps @row on screen, scrolling as little as possible. */
static void
scroll_to_row (RolloutTimelineView *self,
               guint                row)
{
  GtkAdjustment *vadj = vadjustment (self);
  double height, y, value, page;

  if (self->layout == NULL || row >= rollout_timeline_layout_get_n_rows (self->layout))
    return;
  height = rollout_timeline_layout_get_row_height (self->layout);
  y = rollout_timeline_layout_get_row (self->layout, row)->y;
  value = gtk_adjustment_get_value (vadj);
  page = gtk_adjustment_get_page_size (vadj);
  if (page <= 0)
    return;
  if (y < value)
    gtk_adjustment_set_value (vadj, y);
  else if (y + height > value + page)
    gtk_adjustment_set_value (vadj, y + height - page);
}

static void
select_row (RolloutTimelineView *self,
            int                  row)
{
  if (row < 0)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), row, TRUE);
}

/* Binds the rows on screen again, for new values in the same rows. */
static void
rebind_rows (RolloutTimelineView *self)
{
  for (guint i = 0; i < self->row_widgets->len; i++)
    {
      RowWidgets *w = g_ptr_array_index (self->row_widgets, i);

      if (gtk_list_item_get_item (w->item) != NULL)
        row_bind_cb (self, w->item, NULL);
    }
}

/* Makes the list hold the layout's rows, splicing only the stretch that
 * differs, and keeps the selected object selected. */
static void
update_rows (RolloutTimelineView *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  g_autoptr(GObject) selected = NULL;
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = self->layout != NULL ? rollout_timeline_layout_get_n_rows (self->layout) : 0;
  guint prefix = 0, suffix = 0;
  int row = -1;

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    g_object_ref (selected);

  while (prefix < MIN (n_old, n_new))
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, prefix);

      if (item != rollout_timeline_layout_get_row (self->layout, prefix)->object)
        break;
      prefix++;
    }
  while (suffix < MIN (n_old, n_new) - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n_old - 1 - suffix);

      if (item != rollout_timeline_layout_get_row (self->layout, n_new - 1 - suffix)->object)
        break;
      suffix++;
    }

  if (prefix + suffix < MAX (n_old, n_new))
    {
      guint n_added = n_new - prefix - suffix;
      g_autofree gpointer *items = g_new (gpointer, MAX (n_added, 1));

      for (guint i = 0; i < n_added; i++)
        items[i] = rollout_timeline_layout_get_row (self->layout, prefix + i)->object;
      g_list_store_splice (self->rows, prefix, n_old - prefix - suffix, items, n_added);
    }
  /* The rows that stayed may show new values. */
  rebind_rows (self);

  if (selected != NULL && self->layout != NULL)
    row = rollout_timeline_layout_find_row (self->layout, selected);
  if (row != (int) gtk_single_selection_get_selected (self->selection) || row < 0)
    select_row (self, row);
  rollout_timeline_chart_set_selected_row (self->chart, row);
  update_selection_actions (self);
}

static void
update_legend (RolloutTimelineView *self)
{
  GListModel *teams = rollout_project_get_teams (self->project);
  GtkWidget *child;
  guint n = g_list_model_get_n_items (teams);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_box_remove (self->legend, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);
      g_autofree char *color = NULL;
      g_autofree char *markup = NULL;
      GtkWidget *item, *dot, *name;
      GdkRGBA rgba;

      if (rollout_team_get_color (team) == NULL || !gdk_rgba_parse (&rgba, rollout_team_get_color (team)))
        continue;
      color = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5),
                               (guint) (rgba.green * 255 + 0.5), (guint) (rgba.blue * 255 + 0.5));
      markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", color);
      item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      dot = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (dot), markup);
      gtk_widget_add_css_class (dot, "timeline-legend-dot");
      gtk_accessible_update_state (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      name = gtk_label_new (rollout_team_get_name (team) != NULL ? rollout_team_get_name (team)
                                                                  : rollout_team_get_id (team));
      gtk_widget_add_css_class (name, "caption");
      gtk_box_append (GTK_BOX (item), dot);
      gtk_box_append (GTK_BOX (item), name);
      gtk_box_append (self->legend, item);
    }
}

static void
show_status (RolloutTimelineView *self,
             const char          *icon_name,
             const char          *title,
             const char          *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
plan_is_empty (RolloutTimelineView *self)
{
  return g_list_model_get_n_items (rollout_project_get_tasks (self->project)) == 0 &&
         g_list_model_get_n_items (rollout_project_get_phases (self->project)) == 0;
}

/* Lays the plan out again, keeping the day at the left edge, the vertical
 * position and the selection. The plan is already scheduled: the history
 * reschedules after every edit, and a drag preview does it itself. */
static void
rebuild (RolloutTimelineView *self)
{
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  GtkAdjustment *hadj = hadjustment (self);
  const GError *error = NULL;
  double left_day = -1, vvalue = gtk_adjustment_get_value (vadjustment (self));

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  if (self->layout != NULL)
    left_day = rollout_timeline_layout_get_first_date (self->layout) +
               gtk_adjustment_get_value (hadj) / rollout_timeline_layout_get_day_width (self->layout);

  if (self->document == NULL || plan_is_empty (self))
    {
      set_layout (self, NULL);
      update_rows (self);
      show_status (self, "x-office-calendar-symbolic", _("No Tasks Yet"),
                   _("The plan’s tasks appear here on a timeline, grouped by phase."));
      gtk_widget_set_visible (adw_status_page_get_child (self->status_page), self->document != NULL);
      return;
    }

  if (!rollout_document_get_schedule (self->document, NULL, &error))
    {
      set_layout (self, NULL);
      update_rows (self);
      show_status (self, "dialog-warning-symbolic", _("The Plan Cannot Be Scheduled"), error->message);
      gtk_widget_set_visible (adw_status_page_get_child (self->status_page), FALSE);
      return;
    }

  self->today = rollout_today ();
  layout = build_layout (self, self->zoom);
  set_layout (self, layout);
  update_rows (self);
  update_legend (self);
  gtk_stack_set_visible_child_name (self->stack, "timeline");

  if (left_day >= 0)
    gtk_adjustment_set_value (hadj, (left_day - rollout_timeline_layout_get_first_date (layout)) *
                                    rollout_timeline_layout_get_day_width (layout));
  gtk_adjustment_set_value (vadjustment (self), vvalue);

  if (self->matches != NULL)
    update_search (self, FALSE);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  RolloutTimelineView *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Edits often come in bursts; lay out once after them, before the next
 * frame. */
static void
queue_rebuild (RolloutTimelineView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, rebuild_idle_cb, self, NULL);
}

/* Lays out at once what is waiting, so a new row can be selected. */
static void
flush_rebuild (RolloutTimelineView *self)
{
  if (self->rebuild_source != 0)
    rebuild (self);
}

static void
scroll_to_x (RolloutTimelineView *self,
             double               x)
{
  GtkAdjustment *hadj = hadjustment (self);
  double page = gtk_adjustment_get_page_size (hadj);

  /* A third of the way in: some past, more future. */
  gtk_adjustment_set_value (hadj, CLAMP (x - page / 3, 0, gtk_adjustment_get_upper (hadj) - page));
}

static void
zoom_to (RolloutTimelineView *self,
         RolloutTimelineZoom  zoom,
         double               anchor)
{
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  GtkAdjustment *hadj = hadjustment (self);
  double day;

  zoom = CLAMP (zoom, ROLLOUT_TIMELINE_ZOOM_DAY, ROLLOUT_TIMELINE_ZOOM_QUARTER);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  if (self->layout == NULL)
    {
      update_actions (self);
      return;
    }

  /* The day under @anchor stays under it. */
  day = rollout_timeline_layout_get_first_date (self->layout) +
        (gtk_adjustment_get_value (hadj) + anchor) / rollout_timeline_layout_get_day_width (self->layout);
  layout = build_layout (self, zoom);
  set_layout (self, layout);
  gtk_adjustment_set_value (hadj, (day - rollout_timeline_layout_get_first_date (layout)) *
                                  rollout_timeline_layout_get_day_width (layout) - anchor);
}

static void
toggle_phase (RolloutTimelineView *self,
              RolloutPhase        *phase)
{
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  const char *id = rollout_phase_get_id (phase);
  gboolean collapse = !g_hash_table_contains (self->collapsed, id);
  int header = self->layout != NULL ? rollout_timeline_layout_find_row (self->layout, phase) : -1;
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n_tasks = 0;

  if (header < 0)
    return;

  if (collapse)
    g_hash_table_add (self->collapsed, g_strdup (id));
  else
    g_hash_table_remove (self->collapsed, id);

  layout = build_layout (self, self->zoom);
  if (collapse)
    {
      /* The rows after the header that belong to it leave the list. */
      guint n = rollout_timeline_layout_get_n_rows (self->layout);

      while ((guint) header + 1 + n_tasks < n &&
             rollout_timeline_layout_get_row (self->layout, header + 1 + n_tasks)->phase_row == header)
        n_tasks++;
      set_layout (self, layout);
      /* The header is replaced by itself so that its expander is bound
       * again with the new state. */
      g_list_store_splice (self->rows, header, 1 + n_tasks, (gpointer *) &phase, 1);
      /* A hidden task's selection moves to its phase. */
      if (selected != GTK_INVALID_LIST_POSITION && selected >= (guint) header && selected <= header + n_tasks)
        select_row (self, header);
    }
  else
    {
      guint n = rollout_timeline_layout_get_n_rows (layout);
      g_autofree gpointer *items = NULL;

      while ((guint) header + 1 + n_tasks < n &&
             rollout_timeline_layout_get_row (layout, header + 1 + n_tasks)->phase_row == header)
        n_tasks++;
      items = g_new (gpointer, 1 + n_tasks);
      for (guint i = 0; i <= n_tasks; i++)
        items[i] = rollout_timeline_layout_get_row (layout, header + i)->object;
      set_layout (self, layout);
      g_list_store_splice (self->rows, header, 1, items, 1 + n_tasks);
      if (selected == (guint) header)
        select_row (self, header);
    }
  rollout_timeline_chart_set_selected_row (self->chart, (int) gtk_single_selection_get_selected (self->selection));
}

/* Selects @object's row, unfolding its phase when it is folded. */
static void
select_object (RolloutTimelineView *self,
               gpointer             object)
{
  int row;

  flush_rebuild (self);
  if (self->layout == NULL || object == NULL)
    return;
  row = rollout_timeline_layout_find_row (self->layout, object);
  if (row < 0 && ROLLOUT_IS_TASK (object))
    {
      RolloutPhase *phase = rollout_project_lookup_phase (self->project, rollout_task_get_phase_id (object));

      if (phase != NULL && g_hash_table_contains (self->collapsed, rollout_phase_get_id (phase)))
        toggle_phase (self, phase);
      row = rollout_timeline_layout_find_row (self->layout, object);
    }
  if (row >= 0)
    select_row (self, row);
}

/* Editing ------------------------------------------------------------------ */

static gboolean
run (RolloutTimelineView *self,
     RolloutCommand      *command)
{
  if (self->document == NULL)
    {
      g_object_unref (command);
      return FALSE;
    }
  return rollout_edit_run (GTK_WIDGET (self), self->document, command);
}

static const char *
task_label (RolloutTask *task)
{
  const char *name = rollout_task_get_name (task);

  return name != NULL && *name != '\0' ? name : rollout_task_get_id (task);
}

static void
set_show_editor (RolloutTimelineView *self,
                 gboolean             show)
{
  show = !!show;
  if (self->show_editor == (guint) show)
    return;
  self->show_editor = show;
  if (show)
    {
      /* The editor follows the plan only while it shows. */
      rollout_task_editor_set_document (self->editor, self->document);
      rollout_task_editor_set_item (self->editor, selected_object (self));
    }
  else
    rollout_task_editor_commit (self->editor);
  if (adw_flap_get_reveal_flap (self->flap) != show)
    adw_flap_set_reveal_flap (self->flap, show);
  /* Closing the panel gives the focus back to the chart. */
  if (!show && gtk_widget_get_mapped (GTK_WIDGET (self->chart)))
    gtk_widget_grab_focus (GTK_WIDGET (self->chart));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDITOR]);
}

static void
edit_selected (RolloutTimelineView *self)
{
  set_show_editor (self, TRUE);
  rollout_task_editor_set_item (self->editor, selected_object (self));
  rollout_task_editor_focus_name (self->editor);
}

/* A new task or milestone goes into the selected phase (or the selected
 * task's, just after it) and starts where the selection ends, so it shows
 * up where the person is looking. A plan without phases gets one. */
static void
add_task (RolloutTimelineView *self,
          gboolean             milestone)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (self->project);
  gpointer selected = selected_object (self);
  g_autoptr(RolloutPhase) first_phase = NULL;
  g_autoptr(RolloutPhase) new_phase = NULL;
  g_autoptr(RolloutTask) task = NULL;
  g_autofree char *id = NULL;
  RolloutCommand *group;
  RolloutPhase *phase = NULL;
  RolloutDate start = ROLLOUT_DATE_NONE;
  const char *name = milestone ? _("New Milestone") : _("New Task");
  int position = -1;

  group = rollout_command_new_group (milestone ? _("Add a Milestone") : _("Add a Task"));

  if (ROLLOUT_IS_TASK (selected))
    {
      phase = rollout_project_lookup_phase (self->project, rollout_task_get_phase_id (selected));
      position = rollout_project_index_of (self->project, selected) + 1;
      if (rollout_task_get_finish (selected) != ROLLOUT_DATE_NONE)
        start = rollout_calendar_add_working_days (calendar, rollout_task_get_finish (selected),
                                                   rollout_task_is_milestone (selected) ? 0 : 1);
    }
  else if (ROLLOUT_IS_PHASE (selected))
    {
      GListModel *tasks = rollout_project_get_tasks (self->project);

      phase = selected;
      start = rollout_phase_get_start (phase);
      /* After the phase's last task. */
      for (guint i = 0, n = g_list_model_get_n_items (tasks); i < n; i++)
        {
          g_autoptr(RolloutTask) other = g_list_model_get_item (tasks, i);

          if (g_strcmp0 (rollout_task_get_phase_id (other), rollout_phase_get_id (phase)) == 0)
            position = i + 1;
        }
    }
  if (phase == NULL && g_list_model_get_n_items (rollout_project_get_phases (self->project)) > 0)
    {
      first_phase = g_list_model_get_item (rollout_project_get_phases (self->project), 0);
      phase = first_phase;
    }
  if (phase == NULL)
    {
      g_autofree char *phase_id = rollout_project_make_id (self->project, ROLLOUT_TYPE_PHASE, _("Phase 1"));

      new_phase = rollout_phase_new (phase_id);
      rollout_phase_set_name (new_phase, _("Phase 1"));
      rollout_command_group_add (group, rollout_command_new_insert (new_phase, -1, NULL));
      phase = new_phase;
    }

  id = rollout_project_make_id (self->project, ROLLOUT_TYPE_TASK, name);
  task = rollout_task_new (id);
  rollout_task_set_name (task, name);
  rollout_task_set_phase_id (task, rollout_phase_get_id (phase));
  rollout_task_set_duration (task, milestone ? 0 : NEW_TASK_DURATION);
  if (start != ROLLOUT_DATE_NONE && start > rollout_project_get_start (self->project))
    rollout_task_set_start_no_earlier_than (task, start);
  rollout_command_group_add (group, rollout_command_new_insert (task, position, NULL));

  if (!run (self, group))
    return;
  select_object (self, task);
  edit_selected (self);
}

static void
add_phase (RolloutTimelineView *self)
{
  gpointer selected = selected_object (self);
  g_autoptr(RolloutPhase) phase = NULL;
  g_autofree char *id = NULL;
  const char *name = _("New Phase");
  RolloutPhase *after = NULL;
  int position = -1;

  if (ROLLOUT_IS_PHASE (selected))
    after = selected;
  else if (ROLLOUT_IS_TASK (selected))
    after = rollout_project_lookup_phase (self->project, rollout_task_get_phase_id (selected));
  if (after != NULL)
    position = rollout_project_index_of (self->project, after) + 1;

  id = rollout_project_make_id (self->project, ROLLOUT_TYPE_PHASE, name);
  phase = rollout_phase_new (id);
  rollout_phase_set_name (phase, name);
  if (!run (self, rollout_command_new_insert (phase, position, _("Add a Phase"))))
    return;
  select_object (self, phase);
  edit_selected (self);
}

static void
delete_selected (RolloutTimelineView *self)
{
  gpointer object = selected_object (self);
  guint row = gtk_single_selection_get_selected (self->selection);
  guint n;

  if (object == NULL || self->document == NULL)
    return;
  rollout_task_editor_commit (self->editor);
  rollout_edit_delete (GTK_WIDGET (self), self->document, object);
  /* The row that took its place is selected. */
  flush_rebuild (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n > 0 && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    select_row (self, MIN (row, n - 1));
}

/* Moves the selected task by @days working days: its start-no-earlier-than
 * becomes that day. */
static void
nudge_selected (RolloutTimelineView *self,
                int                  days)
{
  RolloutTask *task = selected_task (self);
  RolloutCalendar *calendar;
  g_autofree char *label = NULL;
  RolloutDate start, day;

  if (task == NULL || (start = rollout_task_get_start (task)) == ROLLOUT_DATE_NONE)
    return;
  calendar = rollout_project_get_calendar (self->project);
  day = rollout_calendar_add_working_days (calendar, start, days);
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Move ‘%s’"), task_label (task));
  if (!run (self, rollout_command_new_set_many (task, label, "start-no-earlier-than", (guint) day, NULL)))
    return;
  if (days < 0 && rollout_task_get_start (task) == start)
    {
      g_autofree char *title = NULL;

      /* Translators: the name of a task */
      title = g_strdup_printf (_("‘%s’ waits for other tasks and cannot start earlier"), task_label (task));
      rollout_edit_toast (GTK_WIDGET (self), adw_toast_new (title));
    }
}

static void
stretch_selected (RolloutTimelineView *self,
                  int                  days)
{
  RolloutTask *task = selected_task (self);
  g_autofree char *label = NULL;
  int duration;

  if (task == NULL || rollout_task_is_milestone (task))
    return;
  duration = MAX (1, rollout_task_get_duration (task) + days);
  if (duration == rollout_task_get_duration (task))
    return;
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Change the Duration of ‘%s’"), task_label (task));
  run (self, rollout_command_new_set_many (task, label, "duration", duration, NULL));
}

/* Drag previews ------------------------------------------------------------ */

static void
reschedule_preview (RolloutTimelineView *self)
{
  g_autoptr(GError) error = NULL;

  if (!rollout_project_schedule (self->project, NULL, &error))
    g_warning ("Could not schedule the plan: %s", error->message);
  /* Before the next frame, so the bars follow the pointer. */
  rebuild (self);
}

static void
revert_preview (RolloutTimelineView *self)
{
  g_autoptr(RolloutCommand) preview = g_steal_pointer (&self->preview);

  if (preview != NULL)
    rollout_command_revert (preview, self->project);
}

/* What a drag to @date makes of @task: a new start-no-earlier-than (the
 * working day nearest in the drag's direction) or a new duration. */
static RolloutCommand *
drag_command (RolloutTimelineView *self,
              RolloutTask         *task,
              RolloutTimelineDrag  mode,
              RolloutDate          date)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (self->project);
  g_autofree char *label = NULL;

  if (mode == ROLLOUT_TIMELINE_DRAG_MOVE)
    {
      RolloutDate start = rollout_task_get_start (task);
      RolloutDate day = date;

      if (!rollout_calendar_is_working_day (calendar, day))
        day = day >= start ? rollout_calendar_add_working_days (calendar, day, 0)
                           : rollout_calendar_add_working_days (calendar, day, -1);
      if (day == start && rollout_task_get_start_no_earlier_than (task) == day)
        return NULL;
      if (day == start && rollout_task_get_start_no_earlier_than (task) == ROLLOUT_DATE_NONE)
        return NULL;
      /* Translators: the name of a task */
      label = g_strdup_printf (_("Move ‘%s’"), task_label (task));
      return rollout_command_new_set_many (task, label, "start-no-earlier-than", (guint) day, NULL);
    }
  else
    {
      RolloutDate start = rollout_task_get_start (task);
      int duration;

      if (start == ROLLOUT_DATE_NONE)
        return NULL;
      duration = date <= start ? 1 : rollout_calendar_count_working_days (calendar, start, date);
      duration = MAX (duration, 1);
      if (duration == rollout_task_get_duration (task))
        return NULL;
      /* Translators: the name of a task */
      label = g_strdup_printf (_("Change the Duration of ‘%s’"), task_label (task));
      return rollout_command_new_set_many (task, label, "duration", duration, NULL);
    }
}

/* Signal callbacks -------------------------------------------------------- */

static void
document_changed_cb (RolloutTimelineView *self)
{
  queue_rebuild (self);
}

static void
chart_drag_task_cb (RolloutTimelineView  *self,
                    GObject              *object,
                    int                   mode,
                    guint                 date,
                    gboolean              finished,
                    RolloutTimelineChart *chart)
{
  RolloutTask *task = ROLLOUT_TASK (object);
  g_autoptr(RolloutCommand) command = NULL;
  gboolean had_preview = self->preview != NULL;

  if (self->document == NULL)
    return;

  /* Measured from the plan as it was before the drag. */
  revert_preview (self);
  if (had_preview)
    {
      g_autoptr(GError) error = NULL;

      if (!rollout_project_schedule (self->project, NULL, &error))
        g_warning ("Could not schedule the plan: %s", error->message);
    }
  command = drag_command (self, task, mode, date);

  if (finished)
    {
      if (command != NULL)
        run (self, g_steal_pointer (&command));
      else if (had_preview)
        rebuild (self);
      return;
    }

  if (command != NULL)
    {
      rollout_command_apply (command, self->project);
      self->preview = g_steal_pointer (&command);
    }
  if (self->preview != NULL || had_preview)
    reschedule_preview (self);
}

static void
chart_cancel_drag_cb (RolloutTimelineView  *self,
                      RolloutTimelineChart *chart)
{
  if (self->preview == NULL)
    return;
  revert_preview (self);
  reschedule_preview (self);
}

static void
chart_link_tasks_cb (RolloutTimelineView  *self,
                     GObject              *from,
                     GObject              *to,
                     RolloutTimelineChart *chart)
{
  RolloutTask *predecessor = ROLLOUT_TASK (from);
  RolloutTask *task = ROLLOUT_TASK (to);
  GPtrArray *current = rollout_task_get_dependencies (task);
  g_autoptr(GPtrArray) deps = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; current != NULL && i < current->len; i++)
    if (g_strcmp0 (((RolloutDependency *) g_ptr_array_index (current, i))->task_id,
                   rollout_task_get_id (predecessor)) == 0)
      return;

  deps = current != NULL ? rollout_ptr_array_copy (current, (GBoxedCopyFunc) rollout_dependency_copy,
                                                   (GDestroyNotify) rollout_dependency_free)
                         : g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
  g_ptr_array_add (deps, rollout_dependency_new (rollout_task_get_id (predecessor), ROLLOUT_DEPENDENCY_FS, 0));
  /* Translators: a task, then the task it will wait for */
  label = g_strdup_printf (_("Make ‘%s’ Wait for ‘%s’"), task_label (task), task_label (predecessor));
  if (run (self, rollout_command_new_set_many (task, label, "dependencies", deps, NULL)))
    select_object (self, task);
}

static void
selection_changed_cb (RolloutTimelineView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  int row = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected;

  rollout_timeline_chart_set_selected_row (self->chart, row);
  if (row >= 0)
    scroll_to_row (self, row);
  if (self->show_editor)
    rollout_task_editor_set_item (self->editor, selected_object (self));
  update_selection_actions (self);
}

/* While a link is made by keyboard, a line under the toolbar says how. */
static void
chart_linking_cb (RolloutTimelineView *self)
{
  gboolean linking = rollout_timeline_chart_get_linking (self->chart);
  RolloutTask *task = selected_task (self);

  if (linking && task != NULL)
    {
      /* Translators: the name of a task; how to link it to another by keyboard */
      g_autofree char *hint = g_strdup_printf (_("Choose the task that waits for ‘%s’ with the arrow keys, then press Enter. Escape gives up."),
                                               task_label (task));

      gtk_label_set_label (self->link_label, hint);
    }
  gtk_revealer_set_reveal_child (self->link_revealer, linking);
}

static void
hadjustment_changed_cb (RolloutTimelineView *self)
{
  double x;

  /* A plan opens on today, or on its start when today is not in it. */
  if (self->today_pending && gtk_adjustment_get_page_size (hadjustment (self)) > 0 && self->layout != NULL)
    {
      self->today_pending = FALSE;
      if (rollout_timeline_layout_get_today_x (self->layout, &x))
        scroll_to_x (self, x);
      else
        gtk_adjustment_set_value (hadjustment (self), 0);
    }
}

static void
chart_select_row_cb (RolloutTimelineView  *self,
                     int                   row,
                     RolloutTimelineChart *chart)
{
  select_row (self, row);
}

/* Enter or a double click: a phase folds or unfolds, a task opens in the
 * editor. */
static void
activate_row (RolloutTimelineView *self,
              int                  row)
{
  const RolloutTimelineRow *r;

  if (self->layout == NULL || row < 0 || (guint) row >= rollout_timeline_layout_get_n_rows (self->layout))
    return;
  r = rollout_timeline_layout_get_row (self->layout, row);
  if (r->kind == ROLLOUT_TIMELINE_ROW_PHASE)
    toggle_phase (self, r->object);
  else
    {
      select_row (self, row);
      edit_selected (self);
    }
}

static void
chart_activate_row_cb (RolloutTimelineView  *self,
                       int                   row,
                       RolloutTimelineChart *chart)
{
  activate_row (self, row);
}

static void
chart_zoom_cb (RolloutTimelineView  *self,
               int                   direction,
               double                x,
               RolloutTimelineChart *chart)
{
  zoom_to (self, self->zoom - direction, x);
}

static void
list_activate_cb (RolloutTimelineView *self,
                  guint                position,
                  GtkListView         *list_view)
{
  activate_row (self, position);
}

/* Tab leaves the task list, as from any other control: GTK 4.8's list
 * views would take the focus from row to row, through every task. Forward
 * is the chart beside; back is what comes before the list. */
static gboolean
leave_list (RolloutTimelineView *self,
            gboolean             backward)
{
  GtkWidget *before;

  if (!backward)
    return gtk_widget_grab_focus (GTK_WIDGET (self->chart));
  for (before = gtk_widget_get_prev_sibling (GTK_WIDGET (self->paned)); before != NULL;
       before = gtk_widget_get_prev_sibling (before))
    if (gtk_widget_child_focus (before, GTK_DIR_TAB_BACKWARD))
      return TRUE;
  return FALSE;
}

/* Left and Right fold and unfold a phase, as in a tree. */
static gboolean
list_key_pressed_cb (RolloutTimelineView   *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean left = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left;
  gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;
  const RolloutTimelineRow *row;

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return leave_list (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    {
      gboolean swap = left;

      left = right;
      right = swap;
    }
  if ((!left && !right) || self->layout == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)))
    return FALSE;

  row = rollout_timeline_layout_get_row (self->layout, selected);
  if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE)
    {
      gboolean collapsed = (row->flags & ROLLOUT_TIMELINE_FLAG_COLLAPSED) != 0;

      if ((left && !collapsed) || (right && collapsed))
        toggle_phase (self, row->object);
      return TRUE;
    }
  return FALSE;
}

static void
flap_reveal_cb (RolloutTimelineView *self)
{
  set_show_editor (self, adw_flap_get_reveal_flap (self->flap));
}

/* Search ------------------------------------------------------------------- */

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *haystack = NULL;

  if (text == NULL)
    return FALSE;
  haystack = g_utf8_casefold (text, -1);
  return strstr (haystack, needle) != NULL;
}

static void
update_search_count (RolloutTimelineView *self)
{
  g_autofree char *text = NULL;
  gpointer selected = selected_object (self);
  guint at = 0;

  if (self->matches == NULL)
    {
      gtk_label_set_label (self->search_count, "");
      return;
    }
  if (self->match_rows->len == 0)
    {
      gtk_label_set_label (self->search_count, _("No matches"));
      return;
    }
  for (guint i = 0; i < self->match_rows->len; i++)
    if (g_ptr_array_index (self->match_rows, i) == selected)
      at = i + 1;
  if (at > 0)
    /* Translators: which match is selected, of how many */
    text = g_strdup_printf (_("%u of %u"), at, self->match_rows->len);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", self->match_rows->len),
                            self->match_rows->len);
  gtk_label_set_label (self->search_count, text);
}

/* Finds the phases and tasks whose name or owner holds the search text,
 * unfolds the phases their tasks are in, and picks them out. With @jump,
 * selects the first match at or after the selection. */
static void
update_search (RolloutTimelineView *self,
               gboolean             jump)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  GListModel *model;
  gboolean unfolded = FALSE;

  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_ptr_array_set_size (self->match_rows, 0);
  if (self->project == NULL || !gtk_search_bar_get_search_mode (self->search_bar) || query == NULL || *query == '\0')
    {
      rollout_timeline_chart_set_matches (self->chart, NULL);
      rebind_rows (self);
      update_search_count (self);
      return;
    }

  needle = g_utf8_casefold (query, -1);
  self->matches = g_hash_table_new (NULL, NULL);
  model = rollout_project_get_phases (self->project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (model, i);

      if (text_matches (rollout_phase_get_name (phase), needle))
        g_hash_table_add (self->matches, phase);
    }
  model = rollout_project_get_tasks (self->project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (model, i);

      if (text_matches (rollout_task_get_name (task), needle) || text_matches (rollout_task_get_owner (task), needle))
        {
          g_hash_table_add (self->matches, task);
          if (g_hash_table_remove (self->collapsed, rollout_task_get_phase_id (task)))
            unfolded = TRUE;
        }
    }
  if (unfolded)
    {
      g_autoptr(GHashTable) matches = g_hash_table_ref (self->matches);

      rebuild (self);
      g_clear_pointer (&self->matches, g_hash_table_unref);
      self->matches = g_steal_pointer (&matches);
    }

  for (guint i = 0, n = self->layout != NULL ? rollout_timeline_layout_get_n_rows (self->layout) : 0; i < n; i++)
    {
      gpointer object = rollout_timeline_layout_get_row (self->layout, i)->object;

      if (g_hash_table_contains (self->matches, object))
        g_ptr_array_add (self->match_rows, object);
    }
  rollout_timeline_chart_set_matches (self->chart, self->matches);
  rebind_rows (self);

  if (jump && self->match_rows->len > 0)
    {
      guint selected = gtk_single_selection_get_selected (self->selection);
      gpointer target = g_ptr_array_index (self->match_rows, 0);

      for (guint i = 0; selected != GTK_INVALID_LIST_POSITION && i < self->match_rows->len; i++)
        {
          gpointer candidate = g_ptr_array_index (self->match_rows, i);

          if ((guint) rollout_timeline_layout_find_row (self->layout, candidate) >= selected)
            {
              target = candidate;
              break;
            }
        }
      select_object (self, target);
    }
  update_search_count (self);
}

static void
step_match (RolloutTimelineView *self,
            int                  step)
{
  gpointer selected = selected_object (self);
  guint n = self->match_rows->len;
  int at = -1;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (self->match_rows, i) == selected)
      at = (int) i;
  at = at < 0 ? (step > 0 ? 0 : (int) n - 1) : ((at + step) % (int) n + (int) n) % (int) n;
  select_object (self, g_ptr_array_index (self->match_rows, at));
  update_search_count (self);
}

static void
search_changed_cb (RolloutTimelineView *self)
{
  update_search (self, TRUE);
}

static void
search_mode_cb (RolloutTimelineView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      update_search (self, FALSE);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->chart)))
        gtk_widget_grab_focus (GTK_WIDGET (self->chart));
    }
}

static void
next_match_cb (RolloutTimelineView *self)
{
  step_match (self, 1);
}

static void
previous_match_cb (RolloutTimelineView *self)
{
  step_match (self, -1);
}

/* The task list ------------------------------------------------------------ */

static void
lead_pressed_cb (RowWidgets      *w,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  gpointer object = gtk_list_item_get_item (w->item);

  if (w->view != NULL && ROLLOUT_IS_PHASE (object))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      toggle_phase (w->view, object);
    }
}

static void
row_widgets_free (gpointer data)
{
  RowWidgets *w = data;

  if (w->view != NULL)
    g_ptr_array_remove_fast (w->view->row_widgets, w);
  g_free (w);
}

static gboolean
row_query_tooltip_cb (RolloutTimelineView *self,
                      int                  x,
                      int                  y,
                      gboolean             keyboard_mode,
                      GtkTooltip          *tooltip,
                      GtkWidget           *box)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (box), "rollout-list-item");
  gpointer object = item != NULL ? gtk_list_item_get_item (item) : NULL;
  const RolloutTimelineRow *row;
  g_autofree char *period = NULL;
  GString *text;
  int index;

  if (self->layout == NULL || object == NULL)
    return FALSE;
  index = rollout_timeline_layout_find_row (self->layout, object);
  if (index < 0)
    return FALSE;
  row = rollout_timeline_layout_get_row (self->layout, index);

  text = g_string_new (row->label);
  if (row->start != ROLLOUT_DATE_NONE)
    {
      period = (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE) ? rollout_format_date (row->start)
                                                               : rollout_format_period (row->start, row->finish);
      g_string_append_printf (text, "\n%s", period);
    }
  if (row->flags & ROLLOUT_TIMELINE_FLAG_DONE)
    g_string_append_printf (text, "\n%s", _("Done"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_LATE)
    g_string_append_printf (text, "\n%s", _("Late: should have finished by now"));
  if (row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED)
    g_string_append_printf (text, "\n%s", _("Blocked"));
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static void
row_setup_cb (RolloutTimelineView      *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkGesture *click;

  w->view = self;
  w->item = item;
  w->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_size_request (w->box, -1, (int) ROLLOUT_TIMELINE_ROW_HEIGHT);
  gtk_widget_add_css_class (w->box, "timeline-row");
  /* Tooltips are written when asked for: setting them on every bind costs
   * more than the rest of the row. */
  gtk_widget_set_has_tooltip (w->box, TRUE);
  g_object_set_data (G_OBJECT (w->box), "rollout-list-item", item);
  g_signal_connect_object (w->box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), self, G_CONNECT_SWAPPED);

  /* A phase's expander (Enter, Left and Right work too), or a milestone's
   * flag, in a column of its own. */
  w->lead = gtk_image_new ();
  gtk_widget_set_size_request (w->lead, LEAD_WIDTH, -1);
  gtk_widget_set_margin_start (w->lead, 6);
  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (lead_pressed_cb), w);
  gtk_widget_add_controller (w->lead, GTK_EVENT_CONTROLLER (click));

  w->name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (w->name, TRUE);
  gtk_widget_add_css_class (w->name, "name");

  w->status = gtk_image_new ();

  /* Columns line up by having the same width in characters as the
   * header's, in the same font: no size group to measure on every row. */
  w->owner = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->owner), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->owner), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (w->owner), OWNER_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (w->owner), OWNER_CHARS);
  gtk_widget_add_css_class (w->owner, "dim-label");

  w->dates = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->dates), 0);
  gtk_label_set_width_chars (GTK_LABEL (w->dates), DATES_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (w->dates), DATES_CHARS);
  gtk_label_set_ellipsize (GTK_LABEL (w->dates), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_end (w->dates, 12);
  gtk_widget_add_css_class (w->dates, "numeric");
  gtk_widget_add_css_class (w->dates, "caption");

  gtk_box_append (GTK_BOX (w->box), w->lead);
  gtk_box_append (GTK_BOX (w->box), w->name);
  gtk_box_append (GTK_BOX (w->box), w->status);
  gtk_box_append (GTK_BOX (w->box), w->owner);
  gtk_box_append (GTK_BOX (w->box), w->dates);

  gtk_widget_set_visible (w->owner, !self->compact);
  gtk_widget_set_visible (w->dates, !self->compact);
  g_ptr_array_add (self->row_widgets, w);
  g_object_set_data_full (G_OBJECT (item), "rollout-row-widgets", w, row_widgets_free);
  gtk_list_item_set_child (item, w->box);
}

/* One icon for the most pressing state; its accessible label, and the
 * row's tooltip, name every state that applies. */
static void
bind_status (RowWidgets *w,
             guint       flags)
{
  const char *icon = NULL;
  const char *style = NULL;
  GString *label = g_string_new (NULL);

  if (flags & ROLLOUT_TIMELINE_FLAG_DONE)
    {
      icon = "emblem-ok-symbolic";
      style = "success";
      g_string_append (label, _("Done"));
    }
  if (flags & ROLLOUT_TIMELINE_FLAG_LATE)
    {
      icon = "alarm-symbolic";
      style = "warning";
      g_string_append_printf (label, "%s%s", label->len > 0 ? ", " : "", _("Late"));
    }
  if (flags & ROLLOUT_TIMELINE_FLAG_BLOCKED)
    {
      icon = "action-unavailable-symbolic";
      style = "error";
      g_string_append_printf (label, "%s%s", label->len > 0 ? ", " : "", _("Blocked"));
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (w->status), icon);
  gtk_widget_set_visible (w->status, icon != NULL);
  gtk_widget_remove_css_class (w->status, "success");
  gtk_widget_remove_css_class (w->status, "warning");
  gtk_widget_remove_css_class (w->status, "error");
  if (style != NULL)
    {
      gtk_widget_add_css_class (w->status, style);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w->status), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
    }
  g_string_free (label, TRUE);
}

/* The row, in one line for assistive technologies: the list item's own
 * widget is what has the focus, so the name goes there (GTK 4.8 has no
 * API on GtkListItem for it). */
static void
label_row (RowWidgets               *w,
           const RolloutTimelineRow *row,
           const char               *second)
{
  GtkWidget *list_row = gtk_widget_get_parent (w->box);
  GString *text;

  if (list_row == NULL)
    return;
  text = g_string_new (row->label);
  if (second != NULL && *second != '\0')
    g_string_append_printf (text, ", %s", second);
  if (row->start != ROLLOUT_DATE_NONE)
    {
      g_autofree char *period = (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE) ? rollout_format_date (row->start)
                                                                              : rollout_format_period (row->start, row->finish);

      g_string_append_printf (text, ", %s", period);
    }
  if (row->kind == ROLLOUT_TIMELINE_ROW_PHASE && (row->flags & ROLLOUT_TIMELINE_FLAG_COLLAPSED))
    g_string_append_printf (text, ", %s", _("folded"));
  if (row->kind == ROLLOUT_TIMELINE_ROW_TASK && (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE))
    g_string_append_printf (text, ", %s", _("milestone"));
  if (row->kind == ROLLOUT_TIMELINE_ROW_TASK)
    {
      if (row->flags & ROLLOUT_TIMELINE_FLAG_DONE)
        g_string_append_printf (text, ", %s", _("done"));
      if (row->flags & ROLLOUT_TIMELINE_FLAG_LATE)
        g_string_append_printf (text, ", %s", _("late"));
      if (row->flags & ROLLOUT_TIMELINE_FLAG_BLOCKED)
        g_string_append_printf (text, ", %s", _("blocked"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
  g_string_free (text, TRUE);
}

static void
row_bind_cb (RolloutTimelineView      *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (item), "rollout-row-widgets");
  gpointer object = gtk_list_item_get_item (item);
  const RolloutTimelineRow *row;
  g_autofree char *dates = NULL;
  gboolean phase;
  int index;

  if (self->layout == NULL || object == NULL)
    return;
  index = rollout_timeline_layout_find_row (self->layout, object);
  if (index < 0)
    return;
  row = rollout_timeline_layout_get_row (self->layout, index);
  phase = row->kind == ROLLOUT_TIMELINE_ROW_PHASE;

  if (phase)
    {
      gboolean collapsed = (row->flags & ROLLOUT_TIMELINE_FLAG_COLLAPSED) != 0;

      gtk_image_set_from_icon_name (GTK_IMAGE (w->lead), collapsed ? "pan-end-symbolic" : "pan-down-symbolic");
      gtk_widget_remove_css_class (w->lead, "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (w->box), GTK_ACCESSIBLE_STATE_EXPANDED, !collapsed, -1);
      gtk_widget_add_css_class (w->box, "timeline-phase-row");
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (w->lead), (row->flags & ROLLOUT_TIMELINE_FLAG_MILESTONE)
                                                         ? "emoji-flags-symbolic" : NULL);
      gtk_widget_add_css_class (w->lead, "dim-label");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (w->box), GTK_ACCESSIBLE_STATE_EXPANDED);
      gtk_widget_remove_css_class (w->box, "timeline-phase-row");
    }

  /* A search picks out its matches and fades the rest. */
  if (self->matches != NULL && g_hash_table_contains (self->matches, object))
    gtk_widget_add_css_class (w->box, "timeline-match");
  else
    gtk_widget_remove_css_class (w->box, "timeline-match");
  if (self->matches != NULL && !g_hash_table_contains (self->matches, object))
    gtk_widget_add_css_class (w->name, "dim-label");
  else
    gtk_widget_remove_css_class (w->name, "dim-label");

  gtk_label_set_label (GTK_LABEL (w->name), row->label);
  if (phase)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", row->n_tasks),
                                                row->n_tasks);

      gtk_label_set_label (GTK_LABEL (w->owner), count);
    }
  else
    gtk_label_set_label (GTK_LABEL (w->owner), row->owner != NULL ? row->owner : "");

  dates = short_period (row);
  gtk_label_set_label (GTK_LABEL (w->dates), dates);

  bind_status (w, phase ? 0 : row->flags);
  label_row (w, row, gtk_label_get_label (GTK_LABEL (w->owner)));
}

/* Actions ----------------------------------------------------------------- */

static double
viewport_centre (RolloutTimelineView *self)
{
  return gtk_adjustment_get_page_size (hadjustment (self)) / 2;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (widget);

  zoom_to (self, self->zoom - 1, viewport_centre (self));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (widget);

  zoom_to (self, self->zoom + 1, viewport_centre (self));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (widget);

  zoom_to (self, ROLLOUT_TIMELINE_ZOOM_DEFAULT, viewport_centre (self));
}

static void
scroll_to_today_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  rollout_timeline_view_scroll_to_today (ROLLOUT_TIMELINE_VIEW (widget));
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_task (ROLLOUT_TIMELINE_VIEW (widget), g_str_equal (action_name, "timeline.add-milestone"));
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_phase (ROLLOUT_TIMELINE_VIEW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_selected (ROLLOUT_TIMELINE_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  edit_selected (ROLLOUT_TIMELINE_VIEW (widget));
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nudge_selected (ROLLOUT_TIMELINE_VIEW (widget), g_str_equal (action_name, "timeline.move-later") ? 1 : -1);
}

static void
stretch_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  stretch_selected (ROLLOUT_TIMELINE_VIEW (widget), g_str_equal (action_name, "timeline.lengthen") ? 1 : -1);
}

/* Ctrl+L: the selected task, then the one that is to wait for it, picked
 * with the arrows on the chart. */
static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (widget);

  flush_rebuild (self);
  rollout_timeline_chart_begin_link (self->chart);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
hide_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_show_editor (ROLLOUT_TIMELINE_VIEW (widget), FALSE);
}

static void
step_match_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  step_match (ROLLOUT_TIMELINE_VIEW (widget), g_str_equal (action_name, "timeline.next-match") ? 1 : -1);
}

/* Narrow windows: names only in the list, and a list half as wide. */
static gboolean
apply_compact_cb (gpointer data)
{
  RolloutTimelineView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->compact_source = 0;
  self->compact = width < COMPACT_WIDTH;

  gtk_widget_set_visible (self->owner_header, !self->compact);
  gtk_widget_set_visible (self->dates_header, !self->compact);
  gtk_widget_set_visible (self->legend_scroller, !self->compact);
  for (guint i = 0; i < self->row_widgets->len; i++)
    {
      RowWidgets *w = g_ptr_array_index (self->row_widgets, i);

      gtk_widget_set_visible (w->owner, !self->compact);
      gtk_widget_set_visible (w->dates, !self->compact);
    }
  gtk_widget_set_size_request (self->list_box, self->compact ? 120 : 240, -1);
  gtk_paned_set_position (self->paned, self->compact ? width * 2 / 5 : LIST_WIDTH);
  return G_SOURCE_REMOVE;
}

static void
rollout_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (ROLLOUT_TIMELINE_VIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rollout_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (widget);

  /* Sizes cannot change while allocating; switch right after. */
  if ((width < COMPACT_WIDTH) != self->compact && self->compact_source == 0)
    self->compact_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_compact_cb, self, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

/* GObject ----------------------------------------------------------------- */

static void
disconnect_document (RolloutTimelineView *self)
{
  if (self->document == NULL)
    return;
  /* A drag in progress leaves the plan as it was. */
  if (self->preview != NULL)
    {
      revert_preview (self);
      rollout_project_schedule (self->project, NULL, NULL);
    }
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
}

static void
rollout_timeline_view_dispose (GObject *object)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->compact_source, g_source_remove);
  disconnect_document (self);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  /* List items may outlive the view: they must not reach back into it. */
  if (self->row_widgets != NULL)
    for (guint i = 0; i < self->row_widgets->len; i++)
      ((RowWidgets *) g_ptr_array_index (self->row_widgets, i))->view = NULL;
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_TIMELINE_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (rollout_timeline_view_parent_class)->dispose (object);
}

static void
rollout_timeline_view_finalize (GObject *object)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (object);

  g_clear_pointer (&self->layout, rollout_timeline_layout_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->match_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rollout_timeline_view_parent_class)->finalize (object);
}

static void
rollout_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_enum (value, self->zoom);
      break;
    case PROP_SHOW_CRITICAL:
      g_value_set_boolean (value, self->show_critical);
      break;
    case PROP_SHOW_EDITOR:
      g_value_set_boolean (value, self->show_editor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_timeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      rollout_timeline_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      rollout_timeline_view_set_zoom (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_CRITICAL:
      rollout_timeline_view_set_show_critical (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_EDITOR:
      set_show_editor (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_timeline_view_class_init (RolloutTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_timeline_view_dispose;
  object_class->finalize = rollout_timeline_view_finalize;
  object_class->get_property = rollout_timeline_view_get_property;
  object_class->set_property = rollout_timeline_view_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ROLLOUT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ZOOM] =
    g_param_spec_enum ("zoom", NULL, NULL,
                       ROLLOUT_TYPE_TIMELINE_ZOOM, ROLLOUT_TIMELINE_ZOOM_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_CRITICAL] =
    g_param_spec_boolean ("show-critical", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_EDITOR] =
    g_param_spec_boolean ("show-editor", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROLLOUT_TYPE_TIMELINE_CHART);
  g_type_ensure (ROLLOUT_TYPE_TASK_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, status_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, flap);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, editor);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, list_header);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, owner_header);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, dates_header);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, chart_scroller);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, legend);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, legend_scroller);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, paned);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, list_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, search_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, search_count);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, link_revealer);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, link_label);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_select_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_activate_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_drag_task_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_cancel_drag_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_link_tasks_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-to-today", NULL, scroll_to_today_action);
  gtk_widget_class_install_action (widget_class, "timeline.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "timeline.add-milestone", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "timeline.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "timeline.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-earlier", NULL, nudge_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-later", NULL, nudge_action);
  gtk_widget_class_install_action (widget_class, "timeline.shorten", NULL, stretch_action);
  gtk_widget_class_install_action (widget_class, "timeline.lengthen", NULL, stretch_action);
  gtk_widget_class_install_action (widget_class, "timeline.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "timeline.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "timeline.next-match", NULL, step_match_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous-match", NULL, step_match_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.show-critical", "show-critical");
  gtk_widget_class_install_property_action (widget_class, "timeline.show-editor", "show-editor");
  gtk_widget_class_install_action (widget_class, "timeline.hide-editor", NULL, hide_editor_action);

  widget_class->measure = rollout_timeline_view_measure;
  widget_class->size_allocate = rollout_timeline_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "timeline-view");
}

static void
rollout_timeline_view_init (RolloutTimelineView *self)
{
  GtkEventController *controller;

  self->zoom = ROLLOUT_TIMELINE_ZOOM_DEFAULT;
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->match_rows = g_ptr_array_new ();
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->row_widgets = g_ptr_array_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->css = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (self->css, css_data, -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_label_set_width_chars (GTK_LABEL (self->owner_header), OWNER_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (self->owner_header), OWNER_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (self->dates_header), DATES_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (self->dates_header), DATES_CHARS);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* Both sides scroll together. Each keeps its own vertical adjustment,
   * though: two scrollables configuring one adjustment each to its own
   * size would undo each other on every frame. The list shows no
   * scrollbar. */
  g_object_bind_property (gtk_scrolled_window_get_vadjustment (self->chart_scroller), "value",
                          gtk_scrolled_window_get_vadjustment (self->list_scroller), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->chart, "header-height", self->list_header, "height-request", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (hadjustment (self), "changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_reveal_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "notify::linking", G_CALLBACK (chart_linking_cb), self, G_CONNECT_SWAPPED);

  /* Escape in the editor closes it, unless a field or popover takes it. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("timeline.hide-editor")));
  gtk_widget_add_controller (GTK_WIDGET (self->editor), controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (next_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match", G_CALLBACK (next_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match", G_CALLBACK (previous_match_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.next-match", TRUE);
  rebuild (self);
  update_selection_actions (self);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
rollout_timeline_view_new (void)
{
  return g_object_new (ROLLOUT_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * rollout_timeline_view_get_document:
 * @self: a #RolloutTimelineView
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
RolloutDocument *
rollout_timeline_view_get_document (RolloutTimelineView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self), NULL);

  return self->document;
}

/**
 * rollout_timeline_view_get_project:
 * @self: a #RolloutTimelineView
 *
 * Returns: (transfer none) (nullable): the project of the plan shown
 */
RolloutProject *
rollout_timeline_view_get_project (RolloutTimelineView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self), NULL);

  return self->project;
}

/**
 * rollout_timeline_view_set_document:
 * @self: a #RolloutTimelineView
 * @document: (nullable): the plan to show
 *
 * Shows @document's plan and follows its edits.
 */
void
rollout_timeline_view_set_document (RolloutTimelineView *self,
                                    RolloutDocument     *document)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  rollout_task_editor_set_document (self->editor, NULL);
  disconnect_document (self);
  g_hash_table_remove_all (self->collapsed);
  g_clear_pointer (&self->layout, rollout_timeline_layout_unref);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->project = g_object_ref (rollout_document_get_project (document));
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->show_editor)
    rollout_task_editor_set_document (self->editor, document);

  gtk_adjustment_set_value (vadjustment (self), 0);
  gtk_adjustment_set_value (hadjustment (self), 0);
  rebuild (self);
  self->today_pending = self->layout != NULL;
  hadjustment_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * rollout_timeline_view_get_selected:
 * @self: a #RolloutTimelineView
 *
 * Returns: (transfer none) (nullable): the selected #RolloutTask or
 *   #RolloutPhase
 */
gpointer
rollout_timeline_view_get_selected (RolloutTimelineView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self), NULL);

  return selected_object (self);
}

/**
 * rollout_timeline_view_select:
 * @self: a #RolloutTimelineView
 * @object: a #RolloutTask or #RolloutPhase of the plan
 *
 * Selects @object's row, unfolding its phase if need be, and scrolls to it.
 */
void
rollout_timeline_view_select (RolloutTimelineView *self,
                              gpointer             object)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self));

  select_object (self, object);
}

RolloutTimelineZoom
rollout_timeline_view_get_zoom (RolloutTimelineView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self), ROLLOUT_TIMELINE_ZOOM_DEFAULT);

  return self->zoom;
}

void
rollout_timeline_view_set_zoom (RolloutTimelineView *self,
                                RolloutTimelineZoom  zoom)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self));

  zoom_to (self, zoom, viewport_centre (self));
}

gboolean
rollout_timeline_view_get_show_critical (RolloutTimelineView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self), FALSE);

  return self->show_critical;
}

void
rollout_timeline_view_set_show_critical (RolloutTimelineView *self,
                                         gboolean             show_critical)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self));

  show_critical = !!show_critical;
  if (self->show_critical == (guint) show_critical)
    return;
  self->show_critical = show_critical;
  rollout_timeline_chart_set_highlight_critical (self->chart, show_critical);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CRITICAL]);
}

/* Scrolls the chart so that today is a third of the way in; when the plan
 * lies wholly before or after today, to its nearer end. */
void
rollout_timeline_view_scroll_to_today (RolloutTimelineView *self)
{
  double x;

  g_return_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self));

  if (self->layout == NULL)
    return;
  if (!rollout_timeline_layout_get_today_x (self->layout, &x))
    x = self->today < rollout_timeline_layout_get_first_date (self->layout)
        ? 0 : rollout_timeline_layout_get_width (self->layout);
  scroll_to_x (self, x);
}
