/* rollout-timeline-view.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Timeline page: a task list on the left and the Gantt chart on the
 * right, like GNOME Planner, sharing one vertical adjustment so their rows
 * scroll together.
 *
 * One RolloutTimelineLayout describes both sides: the list's model holds the
 * layout's row objects (phases and tasks) in the same order, so a list
 * position is a layout row. Collapsing a phase rebuilds the layout and
 * splices just that phase's tasks out of (or into) the list model, which
 * keeps the list's scroll position, focus and selection. Zooming rebuilds
 * the layout only; the rows stay the same.
 */

#define G_LOG_DOMAIN "rollout-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-format.h"
#include "rollout-scheduler.h"
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

struct _RolloutTimelineView
{
  GtkWidget              parent_instance;

  RolloutProject        *project;
  RolloutTimelineLayout *layout;
  GHashTable            *collapsed;      /* phase ids, owned */
  RolloutTimelineZoom    zoom;
  guint                  show_critical : 1;
  guint                  today_pending : 1;
  guint                  compact : 1;
  guint                  rebuild_source;
  guint                  compact_source;
  RolloutDate            today;

  GListStore            *rows;           /* the layout's row objects, in order */
  GtkSingleSelection    *selection;
  GtkCssProvider        *css;
  GPtrArray             *row_widgets;    /* RowWidgets of the list's rows */

  /* Template children */
  GtkStack              *stack;
  AdwStatusPage         *status_page;
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
};

G_DEFINE_FINAL_TYPE (RolloutTimelineView, rollout_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ZOOM,
  PROP_SHOW_CRITICAL,
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
  ".timeline-legend-dot { font-size: 1.2em; }\n";

/* Helpers ----------------------------------------------------------------- */

static RolloutDate
today_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return rollout_date_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now));
}

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
  gboolean has_layout = self->layout != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in",
                                 has_layout && self->zoom > ROLLOUT_TIMELINE_ZOOM_DAY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out",
                                 has_layout && self->zoom < ROLLOUT_TIMELINE_ZOOM_QUARTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-reset", has_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.scroll-to-today", has_layout);
  gtk_label_set_label (self->zoom_label, zoom_label (self->zoom));
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

/* Replaces every row of the list, keeping the selected object selected. */
static void
replace_rows (RolloutTimelineView *self)
{
  g_autoptr(GObject) selected = NULL;
  g_autofree gpointer *items = NULL;
  guint n = self->layout != NULL ? rollout_timeline_layout_get_n_rows (self->layout) : 0;
  int row = -1;

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    g_object_ref (selected);

  items = g_new (gpointer, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    items[i] = rollout_timeline_layout_get_row (self->layout, i)->object;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items, n);

  if (selected != NULL && self->layout != NULL)
    row = rollout_timeline_layout_find_row (self->layout, selected);
  select_row (self, row);
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

/* Reschedules the project and lays it out again, keeping the day at the
 * left edge, the vertical position and the selection. */
static void
rebuild (RolloutTimelineView *self)
{
  g_autoptr(RolloutTimelineLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *hadj = hadjustment (self);
  double left_day = -1, vvalue = gtk_adjustment_get_value (vadjustment (self));

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  if (self->layout != NULL)
    left_day = rollout_timeline_layout_get_first_date (self->layout) +
               gtk_adjustment_get_value (hadj) / rollout_timeline_layout_get_day_width (self->layout);

  if (self->project == NULL ||
      g_list_model_get_n_items (rollout_project_get_tasks (self->project)) == 0)
    {
      set_layout (self, NULL);
      replace_rows (self);
      show_status (self, "x-office-calendar-symbolic", _("No Tasks Yet"),
                   _("The plan’s tasks appear here on a timeline, grouped by phase."));
      return;
    }

  if (!rollout_project_schedule (self->project, NULL, &error))
    {
      set_layout (self, NULL);
      replace_rows (self);
      show_status (self, "dialog-warning-symbolic", _("The Plan Cannot Be Scheduled"), error->message);
      return;
    }

  self->today = today_date ();
  layout = build_layout (self, self->zoom);
  set_layout (self, layout);
  replace_rows (self);
  update_legend (self);
  gtk_stack_set_visible_child_name (self->stack, "timeline");

  if (left_day >= 0)
    gtk_adjustment_set_value (hadj, (left_day - rollout_timeline_layout_get_first_date (layout)) *
                                    rollout_timeline_layout_get_day_width (layout));
  gtk_adjustment_set_value (vadjustment (self), vvalue);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  RolloutTimelineView *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Edits often come in bursts; lay out once after them. */
static void
queue_rebuild (RolloutTimelineView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, rebuild_idle_cb, self, NULL);
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
}

static void
toggle_row (RolloutTimelineView *self,
            int                  row)
{
  const RolloutTimelineRow *r;

  if (self->layout == NULL || row < 0 || (guint) row >= rollout_timeline_layout_get_n_rows (self->layout))
    return;
  r = rollout_timeline_layout_get_row (self->layout, row);
  if (r->kind == ROLLOUT_TIMELINE_ROW_PHASE)
    toggle_phase (self, r->object);
}

/* Signal callbacks -------------------------------------------------------- */

static void
project_changed_cb (RolloutTimelineView *self)
{
  queue_rebuild (self);
}

static void
selection_changed_cb (RolloutTimelineView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  int row = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected;

  rollout_timeline_chart_set_selected_row (self->chart, row);
  if (row >= 0)
    scroll_to_row (self, row);
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

static void
chart_activate_row_cb (RolloutTimelineView  *self,
                       int                   row,
                       RolloutTimelineChart *chart)
{
  toggle_row (self, row);
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
  toggle_row (self, position);
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
  gtk_list_item_set_activatable (item, phase);

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
disconnect_project (RolloutTimelineView *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (rollout_project_get_tasks (self->project), self);
  g_signal_handlers_disconnect_by_data (rollout_project_get_phases (self->project), self);
  g_signal_handlers_disconnect_by_data (rollout_project_get_teams (self->project), self);
  g_signal_handlers_disconnect_by_data (rollout_project_get_calendar (self->project), self);
  g_clear_object (&self->project);
}

static void
rollout_timeline_view_dispose (GObject *object)
{
  RolloutTimelineView *self = ROLLOUT_TIMELINE_VIEW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->compact_source, g_source_remove);
  disconnect_project (self);
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
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ZOOM:
      g_value_set_enum (value, self->zoom);
      break;
    case PROP_SHOW_CRITICAL:
      g_value_set_boolean (value, self->show_critical);
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
    case PROP_PROJECT:
      rollout_timeline_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      rollout_timeline_view_set_zoom (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_CRITICAL:
      rollout_timeline_view_set_show_critical (self, g_value_get_boolean (value));
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

  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         ROLLOUT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ZOOM] =
    g_param_spec_enum ("zoom", NULL, NULL,
                       ROLLOUT_TYPE_TIMELINE_ZOOM, ROLLOUT_TIMELINE_ZOOM_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_CRITICAL] =
    g_param_spec_boolean ("show-critical", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROLLOUT_TYPE_TIMELINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutTimelineView, status_page);
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
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_select_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_activate_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_zoom_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-to-today", NULL, scroll_to_today_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.show-critical", "show-critical");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.zoom-reset", NULL);

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

  /* One vertical adjustment for both sides; the list shows no scrollbar. */
  gtk_scrolled_window_set_vadjustment (self->list_scroller, gtk_scrolled_window_get_vadjustment (self->chart_scroller));
  g_object_bind_property (self->chart, "header-height", self->list_header, "height-request", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (hadjustment (self), "changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  rebuild (self);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
rollout_timeline_view_new (void)
{
  return g_object_new (ROLLOUT_TYPE_TIMELINE_VIEW, NULL);
}

RolloutProject *
rollout_timeline_view_get_project (RolloutTimelineView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self), NULL);

  return self->project;
}

/* Shows @project, scheduling it, and follows its changes. */
void
rollout_timeline_view_set_project (RolloutTimelineView *self,
                                   RolloutProject      *project)
{
  g_return_if_fail (ROLLOUT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (project == NULL || ROLLOUT_IS_PROJECT (project));

  if (self->project == project)
    return;

  disconnect_project (self);
  g_hash_table_remove_all (self->collapsed);
  g_clear_pointer (&self->layout, rollout_timeline_layout_unref);

  if (project != NULL)
    {
      self->project = g_object_ref (project);
      g_signal_connect_object (rollout_project_get_tasks (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rollout_project_get_phases (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rollout_project_get_teams (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rollout_project_get_calendar (project), "changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_adjustment_set_value (vadjustment (self), 0);
  gtk_adjustment_set_value (hadjustment (self), 0);
  rebuild (self);
  self->today_pending = self->layout != NULL;
  hadjustment_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
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
