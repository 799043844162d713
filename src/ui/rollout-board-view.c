/* rollout-board-view.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Board page: the plan's tasks as cards in four columns (To Do, In
 * Progress, Blocked, Done), optionally in swimlanes by team or by phase,
 * with filters by phase and team, a search, and a side panel (an AdwFlap)
 * that shows either the phase's readiness, each team's sign-off, or the
 * task editor the timeline uses.
 *
 * What the board holds comes from the core (RolloutBoard): after every
 * edit, undo or redo, or a change of filter, a new board is made once per
 * burst. The list is one GtkListView whose rows are a lane's header or the
 * n-th cards of the lane's four columns side by side, so only the rows
 * around the screen have widgets, however many tasks the plan has. Rows
 * are places in the list: after a change each is told what it shows now,
 * the list only grows or shrinks at its end, and only the rows on screen
 * are bound again at once (the others when they come on screen), which
 * keeps the scroll position and the focus and costs little per change.
 *
 * Cards move by drag and drop (onto another column, or another lane to
 * change the team or phase), from their context menu, and with Alt+arrows;
 * the arrows alone move the focus from card to card. Every move is one
 * command through the history, with a toast to undo it.
 */

#define G_LOG_DOMAIN "rollout-board-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-board-row.h"
#include "rollout-board-tile.h"
#include "rollout-board-view.h"
#include "rollout-deferred.h"
#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-gates.h"
#include "rollout-task-editor.h"

#define N_COLUMNS ROLLOUT_N_TASK_STATUSES
/* A new task lasts a working week. */
#define NEW_TASK_DURATION 5
/* The widest WIP limit the spin button offers. */
#define WIP_LIMIT_UI_MAX 999

typedef struct {
  RolloutBoardView *view;
  RolloutTaskStatus status;
  GtkWidget        *box;
  GtkLabel         *count;
  GtkWidget        *over_icon;
  GtkSpinButton    *limit_spin;
  GtkPopover       *popover;
} ColumnHeader;

struct _RolloutBoardView
{
  GtkWidget           parent_instance;

  RolloutDocument    *document;
  RolloutProject     *project;
  RolloutBoard       *board;
  RolloutBoardLanes   lanes;
  char               *phase_filter;     /* a phase id, or NULL for all */
  char               *team_filter;      /* a team id, "" for no team, NULL for all */
  char               *readiness_phase;  /* the phase the readiness panel shows */
  RolloutTask        *selected;
  RolloutTask        *pending_focus;    /* focus its tile once it is on screen */
  RolloutTask        *pending_scroll;   /* scroll to its card at the next frame */
  guint               scroll_tick;
  guint               show_editor : 1;
  guint               show_readiness : 1;
  guint               updating;
  RolloutDeferred     rebuild;        /* the board, made again after edits */

  char               *filters_key;      /* what the filter drop-downs list */
  GPtrArray          *phase_ids;        /* drop-down position → id, NULL for all */
  GPtrArray          *team_ids;         /* drop-down position → id, "" none, NULL all */
  GListStore         *rows;             /* RolloutBoardRow */
  GArray             *lane_rows;        /* guint: each lane's first row */
  GPtrArray          *row_widgets;      /* RowWidgets of the list's rows */
  ColumnHeader        headers[N_COLUMNS];
  GtkWidget          *drop_slot;        /* the slot a drag is over */
  GtkWidget          *menu;             /* the cards' context menu */
  GtkCssProvider     *css;

  /* Template children */
  GtkStack           *stack;
  AdwStatusPage      *status_page;
  AdwFlap            *flap;
  GtkStack           *side_stack;
  RolloutTaskEditor  *editor;
  AdwComboRow        *readiness_phase_row;
  AdwActionRow       *verdict_row;
  GtkImage           *verdict_icon;
  AdwPreferencesGroup *signoff_group;
  GtkListBox         *signoff_list;
  GtkDropDown        *phase_filter_dropdown;
  GtkDropDown        *team_filter_dropdown;
  GtkLabel           *count_label;
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  GtkWidget          *header_box;
  GtkListView        *list_view;
  GtkScrolledWindow  *vscroller;
};

G_DEFINE_FINAL_TYPE (RolloutBoardView, rollout_board_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LANES,
  PROP_SHOW_EDITOR,
  PROP_SHOW_READINESS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The widgets of one row of the list: a lane's header, or four slots with
 * a tile each. */
typedef struct {
  RolloutBoardView *view;
  GtkListItem      *item;
  GtkWidget        *box;
  GtkWidget        *header;
  GtkWidget        *lane_dot;
  GtkWidget        *lane_name;
  GtkWidget        *lane_count;
  GtkWidget        *cells;
  GtkWidget        *slots[N_COLUMNS];
  GtkWidget        *placeholders[N_COLUMNS];
  RolloutBoardTile *tiles[N_COLUMNS];
  gboolean          stale;    /* bound before the last change, off screen */
} RowWidgets;

static const char css_data[] =
  "board-view .board-toolbar { padding: 6px; }\n"
  "board-view .board-side-toolbar { padding: 6px; }\n"
  "board-view task-editor .editor-toolbar { padding: 6px; }\n"
  "board-view task-editor .editor-notes { padding: 0; }\n"
  ".board-columns { padding: 12px 12px 6px 12px; }\n"
  ".board-column-header { padding: 6px 6px 6px 12px; border-radius: 9px;"
  "  background-color: alpha(currentColor, .05); min-height: 34px; }\n"
  ".board-column-header.over-limit { background-color: alpha(@warning_color, .18); }\n"
  ".board-count { padding: 0 7px; border-radius: 99px; background-color: alpha(currentColor, .08); }\n"
  ".board-column-header.over-limit .board-count { background-color: alpha(@warning_color, .3); }\n"
  ".board-list, .board-list > row { background: none; }\n"
  ".board-list > row { padding: 0; margin: 0; border-radius: 0; }\n"
  ".board-list > row:hover, .board-list > row:selected { background: none; }\n"
  ".board-cells { padding: 0 12px; }\n"
  ".board-slot { background-color: alpha(currentColor, .035); padding: 4px 6px; }\n"
  ".board-slot.first { border-top-left-radius: 9px; border-top-right-radius: 9px; padding-top: 6px; }\n"
  ".board-slot.last { border-bottom-left-radius: 9px; border-bottom-right-radius: 9px; padding-bottom: 6px;"
  "  margin-bottom: 12px; }\n"
  ".board-slot.drop { background-color: alpha(@accent_bg_color, .16); }\n"
  ".board-placeholder { min-height: 44px; border-radius: 9px; border: 1px dashed alpha(currentColor, .18); }\n"
  ".board-lane-header { padding: 12px 18px 8px 18px; }\n"
  ".board-lane-dot { font-size: 1.2em; }\n"
  "board-tile { background-color: @card_bg_color; color: @card_fg_color; border-radius: 9px;"
  "  padding: 10px 12px 10px 20px;"
  "  box-shadow: 0 0 0 1px rgba(0, 0, 0, .03), 0 1px 3px 1px rgba(0, 0, 0, .07), 0 2px 6px 2px rgba(0, 0, 0, .03); }\n"
  "board-tile:hover { background-image: image(alpha(currentColor, .03)); }\n"
  "board-tile:selected { box-shadow: 0 0 0 2px @accent_color, 0 1px 3px 1px rgba(0, 0, 0, .07); }\n"
  "board-tile:focus-visible { outline: 2px solid alpha(@accent_color, .5); outline-offset: 2px; }\n"
  "board-tile:drop(active), board-tile:active { background-image: image(alpha(currentColor, .06)); }\n"
  ".board-tile-name { font-weight: 600; }\n"
  ".board-tile-blocked { color: @error_color; }\n"
  ".board-badge { padding: 0 6px; border-radius: 99px; font-weight: bold; }\n"
  ".board-badge.error { background-color: alpha(@error_color, .14); }\n"
  ".board-badge.warning { background-color: alpha(@warning_color, .18); }\n";

static void row_bind_cb (RolloutBoardView         *self,
                         GtkListItem              *item,
                         GtkSignalListItemFactory *factory);
static void update_readiness (RolloutBoardView *self);

/* Helpers ----------------------------------------------------------------- */

static const char *
task_label (RolloutTask *task)
{
  const char *name = rollout_task_get_name (task);

  return name != NULL && *name != '\0' ? name : rollout_task_get_id (task);
}

static const char *
team_name (RolloutTeam *team)
{
  return rollout_team_get_name (team) != NULL ? rollout_team_get_name (team) : rollout_team_get_id (team);
}

static const char *
phase_name (RolloutPhase *phase)
{
  return rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase);
}

/* A team's colour for Pango markup, or NULL. */
static char *
color_markup (const char *color)
{
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return NULL;
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                          (guint) (rgba.red * 255 + 0.5), (guint) (rgba.green * 255 + 0.5),
                          (guint) (rgba.blue * 255 + 0.5));
}

static const char *
lane_label (RolloutBoardView       *self,
            const RolloutBoardLane *lane)
{
  if (lane->label != NULL)
    return lane->label;
  return self->lanes == ROLLOUT_BOARD_LANES_TEAM ? _("No Team") : _("All Cards");
}

static gboolean
has_lanes (RolloutBoardView *self)
{
  return self->board != NULL && rollout_board_get_lanes (self->board) != ROLLOUT_BOARD_LANES_NONE;
}

/* The list position of the row that holds the card at @index in @lane. */
static guint
card_position (RolloutBoardView *self,
               guint             lane,
               guint             index)
{
  return g_array_index (self->lane_rows, guint, lane) + (has_lanes (self) ? 1 : 0) + index;
}

static gboolean
run (RolloutBoardView *self,
     RolloutCommand   *command)
{
  if (self->document == NULL || command == NULL)
    {
      g_clear_object (&command);
      return FALSE;
    }
  return rollout_edit_run (GTK_WIDGET (self), self->document, command);
}

static gboolean
run_undoable (RolloutBoardView *self,
              RolloutCommand   *command,
              const char       *title)
{
  if (self->document == NULL || command == NULL)
    {
      g_clear_object (&command);
      return FALSE;
    }
  return rollout_edit_run_undoable (GTK_WIDGET (self), self->document, command, title);
}

/* Selection and focus ------------------------------------------------------ */

static RolloutBoardTile *
find_tile (RolloutBoardView *self,
           RolloutTask      *task)
{
  for (guint i = 0; task != NULL && i < self->row_widgets->len; i++)
    {
      RowWidgets *w = g_ptr_array_index (self->row_widgets, i);

      if (gtk_list_item_get_item (w->item) == NULL)
        continue;
      for (guint s = 0; s < N_COLUMNS; s++)
        if (w->tiles[s] != NULL && gtk_widget_get_visible (GTK_WIDGET (w->tiles[s])) &&
            rollout_board_tile_get_task (w->tiles[s]) == task)
          return w->tiles[s];
    }
  return NULL;
}

static void
update_selection_actions (RolloutBoardView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RolloutTaskStatus status = ROLLOUT_TASK_STATUS_TODO;
  gboolean found = FALSE;
  guint lane = 0;

  if (self->selected != NULL && self->board != NULL)
    found = rollout_board_find (self->board, self->selected, &lane, &status, NULL);

  gtk_widget_action_set_enabled (widget, "board.edit", found);
  gtk_widget_action_set_enabled (widget, "board.delete", found);
  gtk_widget_action_set_enabled (widget, "board.move-earlier", found && status > ROLLOUT_TASK_STATUS_TODO);
  gtk_widget_action_set_enabled (widget, "board.move-later", found && status < ROLLOUT_TASK_STATUS_DONE);
  gtk_widget_action_set_enabled (widget, "board.move-up", found && has_lanes (self) && lane > 0);
  gtk_widget_action_set_enabled (widget, "board.move-down", found && has_lanes (self) &&
                                 lane + 1 < rollout_board_get_n_lanes (self->board));
  gtk_widget_action_set_enabled (widget, "board.move-to-status", found);
  gtk_widget_action_set_enabled (widget, "board.move-to-team", found);
  gtk_widget_action_set_enabled (widget, "board.move-to-phase", found);
  gtk_widget_action_set_enabled (widget, "board.context-menu", found);
}

static void
update_actions (RolloutBoardView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->document != NULL;

  gtk_widget_action_set_enabled (widget, "board.add-task", has_plan);
  gtk_widget_action_set_enabled (widget, "board.add-milestone", has_plan);
  gtk_widget_action_set_enabled (widget, "board.find", self->board != NULL);
  gtk_widget_action_set_enabled (widget, "board.sign-off", has_plan);
  gtk_widget_action_set_enabled (widget, "board.withdraw", has_plan);
  gtk_widget_action_set_enabled (widget, "board.set-wip-limit", has_plan);
  update_selection_actions (self);
}

/* Scrolls to the card waiting for it once the list has a size: the list
 * can only work out where a row is after it was laid out once. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  RolloutBoardView *self = data;
  g_autoptr(RolloutTask) task = NULL;
  RolloutTaskStatus status;
  guint lane, index;

  if (gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  task = g_steal_pointer (&self->pending_scroll);
  if (self->board != NULL && task != NULL && rollout_board_find (self->board, task, &lane, &status, &index))
    gtk_widget_activate_action (widget, "list.scroll-to-item", "u", card_position (self, lane, index));
  return G_SOURCE_REMOVE;
}

/* Brings @task's card on screen and gives it the focus, now if its row is
 * there, else when the list binds it. */
static void
reveal_task (RolloutBoardView *self,
             RolloutTask      *task)
{
  RolloutBoardTile *tile;

  if (self->board == NULL || task == NULL || !rollout_board_find (self->board, task, NULL, NULL, NULL))
    return;
  tile = find_tile (self, task);
  if (tile != NULL && gtk_widget_get_mapped (GTK_WIDGET (tile)))
    {
      g_clear_object (&self->pending_focus);
      gtk_widget_grab_focus (GTK_WIDGET (tile));
    }
  else
    g_set_object (&self->pending_focus, task);
  g_set_object (&self->pending_scroll, task);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_tick_cb, self, NULL);
}

static void
set_selected (RolloutBoardView *self,
              RolloutTask      *task)
{
  if (self->selected == task)
    return;
  g_set_object (&self->selected, task);
  for (guint i = 0; i < self->row_widgets->len; i++)
    {
      RowWidgets *w = g_ptr_array_index (self->row_widgets, i);

      for (guint s = 0; s < N_COLUMNS; s++)
        if (w->tiles[s] != NULL)
          rollout_board_tile_set_selected (w->tiles[s], task != NULL &&
                                           rollout_board_tile_get_task (w->tiles[s]) == task);
    }
  if (self->show_editor)
    rollout_task_editor_set_item (self->editor, task);
  update_selection_actions (self);
}

/* Does the focus sit in the board's list? Then it follows moved cards. */
static gboolean
list_has_focus (RolloutBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));
}

/* Side panel --------------------------------------------------------------- */

static void
update_flap (RolloutBoardView *self)
{
  gboolean reveal = self->show_editor || self->show_readiness;

  gtk_stack_set_visible_child_name (self->side_stack, self->show_editor ? "editor" : "readiness");
  if (adw_flap_get_reveal_flap (self->flap) != reveal)
    adw_flap_set_reveal_flap (self->flap, reveal);
}

static void
set_show_editor (RolloutBoardView *self,
                 gboolean          show)
{
  show = !!show;
  if (self->show_editor == (guint) show)
    return;
  self->show_editor = show;
  if (show)
    {
      /* The editor follows the plan only while it shows. */
      rollout_task_editor_set_document (self->editor, self->document);
      rollout_task_editor_set_item (self->editor, self->selected);
    }
  else
    rollout_task_editor_commit (self->editor);
  update_flap (self);
  /* Closing the editor gives the focus back to the card. */
  if (!show && self->selected != NULL)
    reveal_task (self, self->selected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDITOR]);
}

static void
set_show_readiness (RolloutBoardView *self,
                    gboolean          show)
{
  show = !!show;
  if (self->show_readiness == (guint) show)
    return;
  self->show_readiness = show;
  /* Asking for the readiness while editing closes the editor. */
  if (show && self->show_editor)
    set_show_editor (self, FALSE);
  if (show)
    update_readiness (self);
  update_flap (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_READINESS]);
}

static void
edit_selected (RolloutBoardView *self)
{
  if (self->selected == NULL)
    return;
  set_show_editor (self, TRUE);
  rollout_task_editor_set_item (self->editor, self->selected);
  rollout_task_editor_focus_name (self->editor);
}

/* Column headers ------------------------------------------------------------ */

static void
update_headers (RolloutBoardView *self)
{
  for (guint s = 0; s < N_COLUMNS; s++)
    {
      ColumnHeader *h = &self->headers[s];
      guint n = self->board != NULL ? rollout_board_get_n_cards (self->board, s) : 0;
      int limit = self->project != NULL ? rollout_project_get_wip_limit (self->project, s) : 0;
      gboolean over = limit > 0 && n > (guint) limit;
      g_autofree char *count = NULL;
      g_autofree char *description = NULL;

      if (limit > 0)
        {
          /* Translators: cards in a board column, then the column's WIP limit */
          count = g_strdup_printf (_("%u / %d"), n, limit);
          if (over)
            /* Translators: cards in a board column, then the column's WIP limit */
            description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card, over the WIP limit of %d",
                                                        "%u cards, over the WIP limit of %d", n), n, limit);
          else
            /* Translators: cards in a board column, then the column's WIP limit */
            description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card, WIP limit %d",
                                                        "%u cards, WIP limit %d", n), n, limit);
        }
      else
        {
          count = g_strdup_printf ("%u", n);
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", n), n);
        }
      gtk_label_set_label (h->count, count);
      gtk_widget_set_tooltip_text (GTK_WIDGET (h->count), description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (h->box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      gtk_widget_set_visible (h->over_icon, over);
      if (over)
        gtk_widget_add_css_class (h->box, "over-limit");
      else
        gtk_widget_remove_css_class (h->box, "over-limit");
    }
}

static void
limit_set_clicked_cb (ColumnHeader *h)
{
  RolloutBoardView *self = h->view;
  int limit = gtk_spin_button_get_value_as_int (h->limit_spin);

  gtk_popover_popdown (h->popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "board.set-wip-limit", "(si)",
                              rollout_enum_to_nick (ROLLOUT_TYPE_TASK_STATUS, h->status), limit);
}

static void
limit_popover_show_cb (ColumnHeader *h)
{
  RolloutBoardView *self = h->view;

  gtk_spin_button_set_value (h->limit_spin, self->project != NULL
                                            ? rollout_project_get_wip_limit (self->project, h->status) : 0);
  gtk_widget_grab_focus (GTK_WIDGET (h->limit_spin));
}

static gboolean header_drop_cb (GtkDropTarget    *target,
                                const GValue     *value,
                                double            x,
                                double            y,
                                RolloutBoardView *self);

static void
build_header (RolloutBoardView  *self,
              RolloutTaskStatus  status)
{
  ColumnHeader *h = &self->headers[status];
  GtkWidget *title, *menu_button, *content, *explain, *set_button, *spacer;
  GtkDropTarget *drop;
  g_autofree char *menu_tooltip = NULL;

  h->view = self;
  h->status = status;
  h->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (h->box, "board-column-header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (h->box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rollout_board_status_label (status), -1);

  title = gtk_label_new (rollout_board_status_label (status));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);

  h->count = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (h->count), "board-count");
  gtk_widget_add_css_class (GTK_WIDGET (h->count), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (h->count), "caption");
  gtk_widget_set_valign (GTK_WIDGET (h->count), GTK_ALIGN_CENTER);

  /* Over the limit is said in words (the count's tooltip and the header's
   * description) and shown with an icon, not by colour alone. */
  h->over_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (h->over_icon, "warning");
  gtk_widget_set_tooltip_text (h->over_icon, _("Over the WIP limit"));
  gtk_widget_set_visible (h->over_icon, FALSE);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);

  /* The column's menu: its WIP limit. */
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  {
    GtkWidget *heading = gtk_label_new (_("WIP Limit"));
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_widget_add_css_class (heading, "heading");
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    explain = gtk_label_new (_("At most this many cards in the column at a time; 0 for no limit."));
    gtk_label_set_wrap (GTK_LABEL (explain), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (explain), 28);
    gtk_label_set_xalign (GTK_LABEL (explain), 0);
    gtk_widget_add_css_class (explain, "dim-label");
    gtk_widget_add_css_class (explain, "caption");
    h->limit_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, WIP_LIMIT_UI_MAX, 1));
    gtk_widget_set_hexpand (GTK_WIDGET (h->limit_spin), TRUE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (h->limit_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("WIP Limit"), -1);
    set_button = gtk_button_new_with_mnemonic (_("_Set"));
    gtk_widget_add_css_class (set_button, "suggested-action");
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (h->limit_spin));
    gtk_box_append (GTK_BOX (row), set_button);
    gtk_box_append (GTK_BOX (content), heading);
    gtk_box_append (GTK_BOX (content), explain);
    gtk_box_append (GTK_BOX (content), row);
    g_signal_connect_swapped (set_button, "clicked", G_CALLBACK (limit_set_clicked_cb), h);
    /* Enter in the field sets the limit too. */
    gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (h->limit_spin))), TRUE);
  }
  h->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (h->popover, content);
  gtk_popover_set_default_widget (h->popover, set_button);
  g_signal_connect_swapped (h->popover, "show", G_CALLBACK (limit_popover_show_cb), h);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), GTK_WIDGET (h->popover));
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  /* Translators: a board column, "In Progress" */
  menu_tooltip = g_strdup_printf (_("WIP Limit of %s"), rollout_board_status_label (status));
  gtk_widget_set_tooltip_text (menu_button, menu_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_tooltip, -1);

  gtk_box_append (GTK_BOX (h->box), title);
  gtk_box_append (GTK_BOX (h->box), GTK_WIDGET (h->count));
  gtk_box_append (GTK_BOX (h->box), h->over_icon);
  gtk_box_append (GTK_BOX (h->box), spacer);
  gtk_box_append (GTK_BOX (h->box), menu_button);

  /* A card dropped on a column's header goes to that column. */
  drop = gtk_drop_target_new (ROLLOUT_TYPE_TASK, GDK_ACTION_MOVE);
  g_object_set_data (G_OBJECT (drop), "rollout-board-column", GINT_TO_POINTER (status));
  g_signal_connect_object (drop, "drop", G_CALLBACK (header_drop_cb), self, 0);
  gtk_widget_add_controller (h->box, GTK_EVENT_CONTROLLER (drop));

  gtk_box_append (GTK_BOX (self->header_box), h->box);
}

/* Filters ----------------------------------------------------------------- */

/* Long phase names would make the drop-down as wide as they are: the
 * button shows them shortened, the list in full. */
static void
filter_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  shorten)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (shorten != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
filter_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  shorten)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
set_filter_factories (GtkDropDown *dropdown)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      gpointer shorten = i == 0 ? GINT_TO_POINTER (TRUE) : NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (filter_item_setup_cb), shorten);
      g_signal_connect (factory, "bind", G_CALLBACK (filter_item_bind_cb), shorten);
      if (i == 0)
        gtk_drop_down_set_factory (dropdown, factory);
      else
        gtk_drop_down_set_list_factory (dropdown, factory);
    }
}

/* Fills the filter drop-downs with the plan's phases and teams, when they
 * changed, and keeps what was chosen chosen; a filter whose phase or team
 * left the plan is dropped. */
static void
update_filters (RolloutBoardView *self)
{
  GListModel *phases = rollout_project_get_phases (self->project);
  GListModel *teams = rollout_project_get_teams (self->project);
  g_autoptr(GString) key = g_string_new (NULL);
  guint phase_pos = 0, team_pos = 0;

  for (guint i = 0, n = g_list_model_get_n_items (phases); i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      g_string_append_printf (key, "p%s\037%s\036", rollout_phase_get_id (phase), phase_name (phase));
    }
  for (guint i = 0, n = g_list_model_get_n_items (teams); i < n; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);

      g_string_append_printf (key, "t%s\037%s\036", rollout_team_get_id (team), team_name (team));
    }

  if (self->phase_filter != NULL && rollout_project_lookup_phase (self->project, self->phase_filter) == NULL)
    g_clear_pointer (&self->phase_filter, g_free);
  if (self->team_filter != NULL && *self->team_filter != '\0' &&
      rollout_project_lookup_team (self->project, self->team_filter) == NULL)
    g_clear_pointer (&self->team_filter, g_free);

  self->updating++;
  if (g_strcmp0 (key->str, self->filters_key) != 0)
    {
      g_autoptr(GtkStringList) phase_model = gtk_string_list_new (NULL);
      g_autoptr(GtkStringList) team_model = gtk_string_list_new (NULL);

      g_ptr_array_set_size (self->phase_ids, 0);
      g_ptr_array_set_size (self->team_ids, 0);
      gtk_string_list_append (phase_model, _("All Phases"));
      g_ptr_array_add (self->phase_ids, NULL);
      for (guint i = 0, n = g_list_model_get_n_items (phases); i < n; i++)
        {
          g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

          gtk_string_list_append (phase_model, phase_name (phase));
          g_ptr_array_add (self->phase_ids, g_strdup (rollout_phase_get_id (phase)));
        }
      gtk_string_list_append (team_model, _("All Teams"));
      g_ptr_array_add (self->team_ids, NULL);
      for (guint i = 0, n = g_list_model_get_n_items (teams); i < n; i++)
        {
          g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);

          gtk_string_list_append (team_model, team_name (team));
          g_ptr_array_add (self->team_ids, g_strdup (rollout_team_get_id (team)));
        }
      gtk_string_list_append (team_model, _("No Team"));
      g_ptr_array_add (self->team_ids, g_strdup (ROLLOUT_BOARD_NO_TEAM));
      gtk_drop_down_set_model (self->phase_filter_dropdown, G_LIST_MODEL (phase_model));
      gtk_drop_down_set_model (self->team_filter_dropdown, G_LIST_MODEL (team_model));
      g_free (self->filters_key);
      self->filters_key = g_string_free (g_steal_pointer (&key), FALSE);
    }
  for (guint i = 0; i < self->phase_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->phase_ids, i), self->phase_filter) == 0)
      phase_pos = i;
  for (guint i = 0; i < self->team_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->team_ids, i), self->team_filter) == 0)
      team_pos = i;
  gtk_drop_down_set_selected (self->phase_filter_dropdown, phase_pos);
  gtk_drop_down_set_selected (self->team_filter_dropdown, team_pos);
  self->updating--;
}

static void
update_count (RolloutBoardView *self)
{
  guint shown = rollout_board_get_n_shown (self->board);
  guint total = rollout_board_get_n_tasks (self->board);
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", total), total);
  else
    /* Translators: cards shown, then all the plan's tasks */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u task", "%u of %u tasks", total), shown, total);
  gtk_label_set_label (self->count_label, text);
}

/* Rows --------------------------------------------------------------------- */

/* Binds the rows on screen again, for what they show now; the rows the
 * list keeps off screen are bound when they come on screen. */
static void
rebind_rows (RolloutBoardView *self)
{
  for (guint i = 0; i < self->row_widgets->len; i++)
    {
      RowWidgets *w = g_ptr_array_index (self->row_widgets, i);

      if (gtk_list_item_get_item (w->item) == NULL)
        continue;
      if (gtk_widget_get_mapped (w->box))
        row_bind_cb (self, w->item, NULL);
      else
        w->stale = TRUE;
    }
}

/* Makes the list hold as many rows as the board has, each told which lane
 * and row it is; the list only grows or shrinks at its end. */
static void
update_rows (RolloutBoardView *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new;

  g_array_set_size (self->lane_rows, 0);
  for (guint l = 0; self->board != NULL && l < rollout_board_get_n_lanes (self->board); l++)
    {
      const RolloutBoardLane *lane = rollout_board_get_lane (self->board, l);
      guint first = wanted->len;

      g_array_append_val (self->lane_rows, first);
      if (has_lanes (self))
        {
          int place[2] = { (int) l, ROLLOUT_BOARD_ROW_HEADER };

          g_array_append_val (wanted, place);
        }
      for (guint r = 0; r < lane->n_rows; r++)
        {
          int place[2] = { (int) l, (int) r };

          g_array_append_val (wanted, place);
        }
    }
  n_new = wanted->len;

  for (guint i = 0; i < MIN (n_old, n_new); i++)
    {
      g_autoptr(RolloutBoardRow) row = g_list_model_get_item (model, i);
      const int *place = &g_array_index (wanted, int, 2 * i);

      rollout_board_row_set (row, place[0], place[1]);
    }
  if (n_new < n_old)
    g_list_store_splice (self->rows, n_new, n_old - n_new, NULL, 0);
  else if (n_new > n_old)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_old; i < n_new; i++)
        {
          const int *place = &g_array_index (wanted, int, 2 * i);

          g_ptr_array_add (added, rollout_board_row_new (place[0], place[1]));
        }
      g_list_store_splice (self->rows, n_old, 0, added->pdata, added->len);
    }
  /* The rows that stayed show other cards now, or new values. */
  rebind_rows (self);
}

static void
show_status (RolloutBoardView *self,
             const char       *icon_name,
             const char       *title,
             const char       *description,
             gboolean          add_button)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (adw_status_page_get_child (self->status_page), add_button);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Makes the board again from the plan and the filters. */
static void
rebuild (RolloutBoardView *self)
{
  RolloutBoardOptions options;
  const char *search;

  rollout_deferred_done (&self->rebuild);
  g_clear_pointer (&self->board, rollout_board_unref);

  if (self->document == NULL || g_list_model_get_n_items (rollout_project_get_tasks (self->project)) == 0)
    {
      update_rows (self);
      update_headers (self);
      show_status (self, "view-grid-symbolic", _("No Tasks Yet"),
                   _("The plan’s tasks appear here as cards, in a column for each status."),
                   self->document != NULL);
      if (self->selected != NULL)
        set_selected (self, NULL);
      update_actions (self);
      if (self->show_readiness)
        update_readiness (self);
      return;
    }

  /* Scheduled by the history after every edit; this reports, not redoes. */
  rollout_document_get_schedule (self->document, NULL, NULL);
  update_filters (self);

  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  rollout_board_options_init (&options);
  options.lanes = self->lanes;
  options.phase_id = self->phase_filter;
  options.team_id = self->team_filter;
  options.search = gtk_search_bar_get_search_mode (self->search_bar) ? search : NULL;
  options.today = rollout_today ();
  self->board = rollout_board_new (self->project, &options);

  /* A card that left the plan, or the filters, is no longer selected. */
  if (self->selected != NULL && !rollout_board_find (self->board, self->selected, NULL, NULL, NULL))
    set_selected (self, NULL);

  update_rows (self);
  update_headers (self);
  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, "board");
  gtk_stack_set_visible_child_name (self->content_stack,
                                    rollout_board_get_n_shown (self->board) == 0 &&
                                    rollout_board_get_n_lanes (self->board) == 0 ? "no-results" : "cards");
  if (rollout_board_get_n_shown (self->board) == 0 && options.search != NULL && *options.search != '\0')
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  if (self->show_readiness)
    update_readiness (self);
  update_actions (self);
}

/* Moving cards ------------------------------------------------------------- */

/* Moves @task's card to @status and, when @lane is a lane of the board, to
 * that lane's team or phase. */
static gboolean
move_task (RolloutBoardView  *self,
           RolloutTask       *task,
           RolloutTaskStatus  status,
           int                lane)
{
  RolloutBoardLanes lanes = self->board != NULL ? rollout_board_get_lanes (self->board) : ROLLOUT_BOARD_LANES_NONE;
  const char *lane_id = NULL;
  const char *where = NULL;
  g_autofree char *title = NULL;
  gboolean new_status = status != rollout_task_get_status (task);
  gboolean follow = list_has_focus (self);
  RolloutCommand *command;

  if (self->project == NULL || rollout_project_index_of (self->project, task) < 0)
    return FALSE;

  if (lanes != ROLLOUT_BOARD_LANES_NONE && lane >= 0 && (guint) lane < rollout_board_get_n_lanes (self->board))
    {
      const RolloutBoardLane *l = rollout_board_get_lane (self->board, lane);

      lane_id = l->id;
      if ((lanes == ROLLOUT_BOARD_LANES_TEAM && g_strcmp0 (lane_id, rollout_task_get_team_id (task)) != 0) ||
          (lanes == ROLLOUT_BOARD_LANES_PHASE && g_strcmp0 (lane_id, rollout_task_get_phase_id (task)) != 0))
        where = lane_label (self, l);
    }
  else if (lanes == ROLLOUT_BOARD_LANES_TEAM)
    lane_id = rollout_task_get_team_id (task);

  command = rollout_board_new_move (self->project, task, status, lanes, lane_id);
  if (command == NULL)
    return FALSE;

  if (new_status && where != NULL)
    /* Translators: a task, then the column and the team or phase it went to */
    title = g_strdup_printf (_("Moved ‘%s’ to %s, %s"), task_label (task), rollout_board_status_label (status), where);
  else
    /* Translators: a task, then the column, team or phase it went to */
    title = g_strdup_printf (_("Moved ‘%s’ to %s"), task_label (task),
                             new_status ? rollout_board_status_label (status) : where);
  if (!run_undoable (self, command, title))
    return FALSE;

  set_selected (self, task);
  rollout_deferred_flush (&self->rebuild);
  if (follow)
    reveal_task (self, task);
  return TRUE;
}

static void
move_selected_by (RolloutBoardView *self,
                  int               columns,
                  int               lanes)
{
  RolloutTaskStatus status;
  guint lane;
  int target;

  rollout_deferred_flush (&self->rebuild);
  if (self->selected == NULL || self->board == NULL ||
      !rollout_board_find (self->board, self->selected, &lane, &status, NULL))
    return;
  target = (int) status + columns;
  if (target < 0 || target >= N_COLUMNS)
    return;
  if (lanes != 0)
    {
      int to = (int) lane + lanes;

      if (!has_lanes (self) || to < 0 || (guint) to >= rollout_board_get_n_lanes (self->board))
        return;
      move_task (self, self->selected, target, to);
    }
  else
    move_task (self, self->selected, target, -1);
}

/* Drag and drop ------------------------------------------------------------ */

static void
set_drop_slot (RolloutBoardView *self,
               GtkWidget        *slot)
{
  if (self->drop_slot == slot)
    return;
  if (self->drop_slot != NULL)
    gtk_widget_remove_css_class (self->drop_slot, "drop");
  self->drop_slot = slot;
  if (slot != NULL)
    gtk_widget_add_css_class (slot, "drop");
}

/* The column under @x, @y of the row's box. */
static RolloutTaskStatus
column_at (RowWidgets *w,
           double      x,
           double      y)
{
  double cx = x, cy = y;
  int width = gtk_widget_get_width (w->cells);

  if (!gtk_widget_get_visible (w->cells))
    width = gtk_widget_get_width (w->box);
  else
    gtk_widget_translate_coordinates (w->box, w->cells, x, y, &cx, &cy);
  if (width <= 0)
    return ROLLOUT_TASK_STATUS_TODO;
  if (gtk_widget_get_direction (w->box) == GTK_TEXT_DIR_RTL)
    cx = width - cx;
  return CLAMP ((int) (cx * N_COLUMNS / width), 0, N_COLUMNS - 1);
}

static GdkDragAction
row_drop_motion_cb (GtkDropTarget    *target,
                    double            x,
                    double            y,
                    RolloutBoardView *self)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target))),
                                     "rollout-board-row-widgets");

  if (w == NULL || !gtk_widget_get_visible (w->cells))
    set_drop_slot (self, NULL);
  else
    set_drop_slot (self, w->slots[column_at (w, x, y)]);
  return GDK_ACTION_MOVE;
}

static void
row_drop_leave_cb (GtkDropTarget    *target,
                   RolloutBoardView *self)
{
  set_drop_slot (self, NULL);
}

static gboolean
row_drop_cb (GtkDropTarget    *target,
             const GValue     *value,
             double            x,
             double            y,
             RolloutBoardView *self)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target))),
                                     "rollout-board-row-widgets");
  RolloutBoardRow *row = w != NULL ? gtk_list_item_get_item (w->item) : NULL;
  RolloutTask *task = G_VALUE_HOLDS (value, ROLLOUT_TYPE_TASK) ? g_value_get_object (value) : NULL;
  RolloutTaskStatus status;

  set_drop_slot (self, NULL);
  if (task == NULL || row == NULL)
    return FALSE;
  /* A lane's header takes the card into the lane, in its own column. */
  status = rollout_board_row_get_row (row) == ROLLOUT_BOARD_ROW_HEADER ? rollout_task_get_status (task)
                                                                       : column_at (w, x, y);
  move_task (self, task, status, (int) rollout_board_row_get_lane (row));
  return TRUE;
}

/* Below the last row: the column under the pointer, the card's own lane. */
static gboolean
list_drop_cb (GtkDropTarget    *target,
              const GValue     *value,
              double            x,
              double            y,
              RolloutBoardView *self)
{
  RolloutTask *task = G_VALUE_HOLDS (value, ROLLOUT_TYPE_TASK) ? g_value_get_object (value) : NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self->list_view));
  int column;

  if (task == NULL || width <= 0)
    return FALSE;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = width - x;
  column = CLAMP ((int) (x * N_COLUMNS / width), 0, N_COLUMNS - 1);
  move_task (self, task, column, -1);
  return TRUE;
}

static gboolean
header_drop_cb (GtkDropTarget    *target,
                const GValue     *value,
                double            x,
                double            y,
                RolloutBoardView *self)
{
  RolloutTask *task = G_VALUE_HOLDS (value, ROLLOUT_TYPE_TASK) ? g_value_get_object (value) : NULL;
  RolloutTaskStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (target), "rollout-board-column"));

  if (task == NULL)
    return FALSE;
  move_task (self, task, status, -1);
  return TRUE;
}

static GdkContentProvider *
tile_drag_prepare_cb (GtkDragSource    *source,
                      double            x,
                      double            y,
                      RolloutBoardView *self)
{
  GtkWidget *tile = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  RolloutTask *task = rollout_board_tile_get_task (ROLLOUT_BOARD_TILE (tile));

  if (task == NULL)
    return NULL;
  set_selected (self, task);
  return gdk_content_provider_new_typed (ROLLOUT_TYPE_TASK, task);
}

static void
tile_drag_begin_cb (GtkDragSource    *source,
                    GdkDrag          *drag,
                    RolloutBoardView *self)
{
  GtkWidget *tile = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (tile);

  gtk_drag_source_set_icon (source, paintable, gtk_widget_get_width (tile) / 2, 12);
}

static void
tile_drag_end_cb (GtkDragSource    *source,
                  GdkDrag          *drag,
                  gboolean          delete_data,
                  RolloutBoardView *self)
{
  set_drop_slot (self, NULL);
}

/* Context menu ------------------------------------------------------------- */

static void
append_target_item (GMenu      *menu,
                    const char *label,
                    const char *action,
                    const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  g_menu_append_item (menu, item);
}

static GMenuModel *
build_menu (RolloutBoardView *self,
            RolloutTask      *task)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) columns = g_menu_new ();
  g_autoptr(GMenu) teams = g_menu_new ();
  g_autoptr(GMenu) phases = g_menu_new ();
  g_autoptr(GMenu) lanes = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  GListModel *model;

  g_menu_append (open, _("_Open"), "board.edit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  for (guint s = 0; s < N_COLUMNS; s++)
    {
      g_autofree char *label = NULL;

      if (s == rollout_task_get_status (task))
        continue;
      /* Translators: a board column, "In Progress" */
      label = g_strdup_printf (_("Move to %s"), rollout_board_status_label (s));
      append_target_item (columns, label, "board.move-to-status", rollout_enum_to_nick (ROLLOUT_TYPE_TASK_STATUS, s));
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (columns));

  model = rollout_project_get_teams (self->project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (model, i);

      if (g_strcmp0 (rollout_team_get_id (team), rollout_task_get_team_id (task)) != 0)
        append_target_item (teams, team_name (team), "board.move-to-team", rollout_team_get_id (team));
    }
  if (rollout_task_get_team_id (task) != NULL)
    append_target_item (teams, _("No Team"), "board.move-to-team", "");
  model = rollout_project_get_phases (self->project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (model, i);

      if (g_strcmp0 (rollout_phase_get_id (phase), rollout_task_get_phase_id (task)) != 0)
        append_target_item (phases, phase_name (phase), "board.move-to-phase", rollout_phase_get_id (phase));
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (teams)) > 0)
    g_menu_append_submenu (lanes, _("_Team"), G_MENU_MODEL (teams));
  if (g_menu_model_get_n_items (G_MENU_MODEL (phases)) > 0)
    g_menu_append_submenu (lanes, _("_Phase"), G_MENU_MODEL (phases));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (lanes));

  g_menu_append (remove, _("_Delete"), "board.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (menu);
}

/* Shows the context menu of @tile's card at @x, @y of the tile, or below
 * the tile when @x is negative (from the keyboard). */
static void
popup_menu (RolloutBoardView *self,
            RolloutBoardTile *tile,
            double            x,
            double            y)
{
  RolloutTask *task = rollout_board_tile_get_task (tile);
  g_autoptr(GMenuModel) model = NULL;
  graphene_rect_t bounds;
  GdkRectangle rect;

  /* A tile the list keeps off screen has no place to point at. */
  if (task == NULL || self->project == NULL || !gtk_widget_get_mapped (GTK_WIDGET (tile)) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (tile), GTK_WIDGET (self), &bounds))
    return;
  set_selected (self, task);
  model = build_menu (self, task);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  if (x < 0)
    rect = (GdkRectangle) { bounds.origin.x + 12, bounds.origin.y + bounds.size.height - 6, 1, 1 };
  else
    rect = (GdkRectangle) { bounds.origin.x + x, bounds.origin.y + y, 1, 1 };
  rect.x = CLAMP (rect.x, 0, MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 1, 0));
  rect.y = CLAMP (rect.y, 0, MAX (gtk_widget_get_height (GTK_WIDGET (self)) - 1, 0));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Tiles --------------------------------------------------------------------- */

static void
tile_pressed_cb (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 RolloutBoardView *self)
{
  GtkWidget *tile = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  RolloutTask *task = rollout_board_tile_get_task (ROLLOUT_BOARD_TILE (tile));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (task == NULL)
    return;
  gtk_widget_grab_focus (tile);
  set_selected (self, task);
  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      popup_menu (self, ROLLOUT_BOARD_TILE (tile), x, y);
    }
  else if (n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      edit_selected (self);
    }
}

static void
tile_long_pressed_cb (GtkGestureLongPress *gesture,
                      double               x,
                      double               y,
                      RolloutBoardView    *self)
{
  GtkWidget *tile = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  popup_menu (self, ROLLOUT_BOARD_TILE (tile), x, y);
}

static void
tile_focus_enter_cb (GtkEventControllerFocus *controller,
                     RolloutBoardView        *self)
{
  GtkWidget *tile = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  RolloutTask *task = rollout_board_tile_get_task (ROLLOUT_BOARD_TILE (tile));

  if (task != NULL)
    set_selected (self, task);
}

static void
setup_tile (RolloutBoardView *self,
            RolloutBoardTile *tile)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (tile_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (tile), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (tile_long_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (tile), GTK_EVENT_CONTROLLER (long_press));

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (tile_drag_prepare_cb), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (tile_drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (tile_drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (tile), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (focus, "enter", G_CALLBACK (tile_focus_enter_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (tile), focus);
}

static void
row_widgets_free (gpointer data)
{
  RowWidgets *w = data;

  if (w->view != NULL)
    g_ptr_array_remove (w->view->row_widgets, w);
  g_free (w);
}

/* A row the list kept off screen comes back: bind it to what it shows now. */
static void
row_map_cb (GtkWidget *box,
            gpointer   data)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (box), "rollout-board-row-widgets");

  if (w != NULL && w->stale && w->view != NULL)
    row_bind_cb (w->view, w->item, NULL);
}

static void
row_setup_cb (RolloutBoardView         *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkDropTarget *drop;

  w->view = self;
  w->item = item;
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);

  w->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_object_set_data (G_OBJECT (w->box), "rollout-board-row-widgets", w);
  g_signal_connect (w->box, "map", G_CALLBACK (row_map_cb), NULL);

  w->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (w->header, "board-lane-header");
  w->lane_dot = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->lane_dot, "board-lane-dot");
  gtk_accessible_update_state (GTK_ACCESSIBLE (w->lane_dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  w->lane_name = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (w->lane_name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (w->lane_name, "heading");
  w->lane_count = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->lane_count, "dim-label");
  gtk_widget_add_css_class (w->lane_count, "caption");
  gtk_box_append (GTK_BOX (w->header), w->lane_dot);
  gtk_box_append (GTK_BOX (w->header), w->lane_name);
  gtk_box_append (GTK_BOX (w->header), w->lane_count);
  gtk_box_append (GTK_BOX (w->box), w->header);

  w->cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (w->cells), TRUE);
  gtk_widget_add_css_class (w->cells, "board-cells");
  for (guint s = 0; s < N_COLUMNS; s++)
    {
      w->slots[s] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (w->slots[s], "board-slot");
      w->placeholders[s] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (w->placeholders[s], "board-placeholder");
      gtk_box_append (GTK_BOX (w->slots[s]), w->placeholders[s]);
      gtk_box_append (GTK_BOX (w->cells), w->slots[s]);
    }
  gtk_box_append (GTK_BOX (w->box), w->cells);

  drop = gtk_drop_target_new (ROLLOUT_TYPE_TASK, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "motion", G_CALLBACK (row_drop_motion_cb), self, 0);
  g_signal_connect_object (drop, "leave", G_CALLBACK (row_drop_leave_cb), self, 0);
  g_signal_connect_object (drop, "drop", G_CALLBACK (row_drop_cb), self, 0);
  gtk_widget_add_controller (w->box, GTK_EVENT_CONTROLLER (drop));

  g_ptr_array_add (self->row_widgets, w);
  g_object_set_data_full (G_OBJECT (item), "rollout-board-row-widgets", w, row_widgets_free);
  gtk_list_item_set_child (item, w->box);
}

static void
row_bind_cb (RolloutBoardView         *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (item), "rollout-board-row-widgets");
  RolloutBoardRow *row = gtk_list_item_get_item (item);
  const RolloutBoardLane *lane;
  guint l;
  int r;

  if (w == NULL || row == NULL || self->board == NULL)
    return;
  w->stale = FALSE;
  l = rollout_board_row_get_lane (row);
  r = rollout_board_row_get_row (row);
  if (l >= rollout_board_get_n_lanes (self->board))
    return;
  lane = rollout_board_get_lane (self->board, l);

  gtk_widget_set_visible (w->header, r == ROLLOUT_BOARD_ROW_HEADER);
  gtk_widget_set_visible (w->cells, r != ROLLOUT_BOARD_ROW_HEADER);

  if (r == ROLLOUT_BOARD_ROW_HEADER)
    {
      g_autofree char *dot = color_markup (lane->color);
      g_autofree char *count = NULL;
      guint n = 0;

      for (guint s = 0; s < N_COLUMNS; s++)
        n += lane->n_cards[s];
      gtk_label_set_markup (GTK_LABEL (w->lane_dot), dot != NULL ? dot : "");
      gtk_widget_set_visible (w->lane_dot, dot != NULL);
      gtk_label_set_label (GTK_LABEL (w->lane_name), lane_label (self, lane));
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", n), n);
      gtk_label_set_label (GTK_LABEL (w->lane_count), count);
      return;
    }

  for (guint s = 0; s < N_COLUMNS; s++)
    {
      const RolloutBoardCard *card = rollout_board_get_card (self->board, l, s, r);
      GtkWidget *slot = w->slots[s];

      /* Tiles are made when a slot first has a card: most rows of a long
       * board have cards in one or two columns only. */
      if (card != NULL && w->tiles[s] == NULL)
        {
          w->tiles[s] = ROLLOUT_BOARD_TILE (rollout_board_tile_new ());
          gtk_widget_set_vexpand (GTK_WIDGET (w->tiles[s]), TRUE);
          setup_tile (self, w->tiles[s]);
          gtk_box_prepend (GTK_BOX (slot), GTK_WIDGET (w->tiles[s]));
        }
      if (w->tiles[s] != NULL)
        {
          rollout_board_tile_set_card (w->tiles[s], self->project, card);
          gtk_widget_set_visible (GTK_WIDGET (w->tiles[s]), card != NULL);
          rollout_board_tile_set_selected (w->tiles[s], card != NULL && card->task == self->selected);
        }
      /* An empty column of a lane shows where a card would go. */
      gtk_widget_set_visible (w->placeholders[s], card == NULL && r == 0 && lane->n_cards[s] == 0);
      if (r == 0)
        gtk_widget_add_css_class (slot, "first");
      else
        gtk_widget_remove_css_class (slot, "first");
      if ((guint) r + 1 == lane->n_rows)
        gtk_widget_add_css_class (slot, "last");
      else
        gtk_widget_remove_css_class (slot, "last");
      if (card != NULL && card->task == self->pending_focus)
        {
          g_clear_object (&self->pending_focus);
          gtk_widget_grab_focus (GTK_WIDGET (w->tiles[s]));
        }
    }
}

static void
row_unbind_cb (RolloutBoardView         *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (item), "rollout-board-row-widgets");

  if (w == NULL)
    return;
  for (guint s = 0; s < N_COLUMNS; s++)
    if (w->slots[s] == self->drop_slot)
      set_drop_slot (self, NULL);
}

static void
row_teardown_cb (RolloutBoardView         *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  row_unbind_cb (self, item, factory);
}

/* Keyboard ------------------------------------------------------------------ */

/* Moves the focus to the card @columns columns and @rows cards away, in
 * the same lane, or the next lane when it runs out. */
static void
step_focus (RolloutBoardView *self,
            int               columns,
            int               rows)
{
  RolloutTaskStatus status;
  guint lane, index, n_lanes;
  const RolloutBoardCard *card = NULL;

  if (self->board == NULL || (n_lanes = rollout_board_get_n_lanes (self->board)) == 0)
    return;
  if (self->selected == NULL || !rollout_board_find (self->board, self->selected, &lane, &status, &index))
    {
      /* Nothing selected yet: the first card there is. */
      for (guint l = 0; card == NULL && l < n_lanes; l++)
        for (guint s = 0; card == NULL && s < N_COLUMNS; s++)
          card = rollout_board_get_card (self->board, l, s, 0);
    }
  else if (columns != 0)
    {
      /* The nearest card across, skipping columns empty in this lane. */
      for (int s = (int) status + columns; card == NULL && s >= 0 && s < N_COLUMNS; s += columns)
        {
          guint n = rollout_board_get_lane (self->board, lane)->n_cards[s];

          if (n > 0)
            card = rollout_board_get_card (self->board, lane, s, MIN (index, n - 1));
        }
    }
  else if (rows < 0 && index > 0)
    card = rollout_board_get_card (self->board, lane, status, index - 1);
  else if (rows > 0 && index + 1 < rollout_board_get_lane (self->board, lane)->n_cards[status])
    card = rollout_board_get_card (self->board, lane, status, index + 1);
  else
    {
      /* On into the lane above or below, in the same column. */
      for (int l = (int) lane + rows; card == NULL && l >= 0 && (guint) l < n_lanes; l += rows)
        {
          guint n = rollout_board_get_lane (self->board, l)->n_cards[status];

          if (n > 0)
            card = rollout_board_get_card (self->board, l, status, rows < 0 ? n - 1 : 0);
        }
    }
  if (card == NULL)
    return;
  set_selected (self, card->task);
  reveal_task (self, card->task);
}

static gboolean
list_key_pressed_cb (RolloutBoardView      *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  RolloutBoardTile *tile;

  if ((keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK))) ||
      (keyval == GDK_KEY_Menu && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))))
    {
      tile = find_tile (self, self->selected);
      if (tile != NULL)
        popup_menu (self, tile, -1, -1);
      return tile != NULL;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step_focus (self, rtl ? 1 : -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step_focus (self, rtl ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step_focus (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->selected == NULL)
        return FALSE;
      edit_selected (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Phase readiness ----------------------------------------------------------- */

static void
signoff_clicked_cb (GtkWidget *button)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "rollout-signer-entry");
  const char *phase_id = g_object_get_data (G_OBJECT (button), "rollout-phase-id");
  const char *team_id = g_object_get_data (G_OBJECT (button), "rollout-team-id");
  g_autofree char *by = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *popover = gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_activate_action (button, "board.sign-off", "(sss)", phase_id, team_id, by);
}

static void
withdraw_clicked_cb (GtkWidget *button)
{
  gtk_widget_activate_action (button, "board.withdraw", "(ss)",
                              (const char *) g_object_get_data (G_OBJECT (button), "rollout-phase-id"),
                              (const char *) g_object_get_data (G_OBJECT (button), "rollout-team-id"));
}

static GtkWidget *
sign_off_button (RolloutBoardView       *self,
                 RolloutPhase           *phase,
                 const RolloutReadiness *r)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *label = gtk_label_new (_("Signed by"));
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_("_Sign Off"));
  const char *lead = r->team != NULL ? rollout_team_get_lead (r->team) : NULL;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Sign Off…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_editable_set_text (GTK_EDITABLE (entry), lead != NULL ? lead : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_widget_add_css_class (confirm, "suggested-action");
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  gtk_box_append (GTK_BOX (content), label);
  gtk_box_append (GTK_BOX (content), entry);
  gtk_box_append (GTK_BOX (content), confirm);
  gtk_popover_set_child (GTK_POPOVER (popover), content);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), confirm);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  g_object_set_data (G_OBJECT (confirm), "rollout-signer-entry", entry);
  g_object_set_data_full (G_OBJECT (confirm), "rollout-phase-id", g_strdup (rollout_phase_get_id (phase)), g_free);
  g_object_set_data_full (G_OBJECT (confirm), "rollout-team-id", g_strdup (r->team_id), g_free);
  g_signal_connect (confirm, "clicked", G_CALLBACK (signoff_clicked_cb), NULL);
  return button;
}

static GtkWidget *
readiness_row (RolloutBoardView       *self,
               RolloutPhase           *phase,
               const RolloutReadiness *r)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *dot = color_markup (r->team != NULL ? rollout_team_get_color (r->team) : NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->team != NULL ? team_name (r->team) : r->team_id);

  if (r->signoff != NULL)
    {
      g_autofree char *date = rollout_format_date (r->signoff->date);

      if (r->signoff->by != NULL)
        /* Translators: who signed a phase off for a team, then the day */
        g_string_append_printf (subtitle, _("Signed off by %s on %s"), r->signoff->by, date);
      else
        /* Translators: the day a team signed a phase off */
        g_string_append_printf (subtitle, _("Signed off on %s"), date);
    }
  else if (r->required)
    g_string_append (subtitle, _("Required by the gate, not signed off yet"));
  else
    g_string_append (subtitle, _("Not signed off"));
  if (r->n_tasks > 0)
    {
      g_string_append (subtitle, "\n");
      /* Translators: a team's tasks in a phase, done of all */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u of %u task done",
                                                     "%u of %u tasks done", r->n_tasks),
                              r->n_done, r->n_tasks);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  /* The state in words is the subtitle; the icon repeats it at a glance. */
  if (r->signoff != NULL)
    {
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
    }
  else if (r->required)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  else
    {
      icon = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (icon), dot != NULL ? dot : "●");
      gtk_widget_add_css_class (icon, "board-lane-dot");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (r->signoff != NULL)
    {
      GtkWidget *withdraw = gtk_button_new_with_mnemonic (_("_Withdraw"));
      g_autofree char *tooltip = NULL;

      gtk_widget_set_valign (withdraw, GTK_ALIGN_CENTER);
      /* Translators: a team */
      tooltip = g_strdup_printf (_("Withdraw the Sign-Off of %s"), r->team != NULL ? team_name (r->team) : r->team_id);
      gtk_widget_set_tooltip_text (withdraw, tooltip);
      g_object_set_data_full (G_OBJECT (withdraw), "rollout-phase-id", g_strdup (rollout_phase_get_id (phase)), g_free);
      g_object_set_data_full (G_OBJECT (withdraw), "rollout-team-id", g_strdup (r->team_id), g_free);
      g_signal_connect (withdraw, "clicked", G_CALLBACK (withdraw_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), withdraw);
    }
  else if (r->team != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), sign_off_button (self, phase, r));
  return row;
}

/* The phase the readiness panel starts on: the filtered phase, else the
 * one under way, else the first not yet completed. */
static RolloutPhase *
default_readiness_phase (RolloutBoardView *self)
{
  GListModel *phases = rollout_project_get_phases (self->project);
  guint n = g_list_model_get_n_items (phases);
  RolloutPhase *found = NULL;

  if (self->phase_filter != NULL)
    found = rollout_project_lookup_phase (self->project, self->phase_filter);
  for (guint i = 0; found == NULL && i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      if (rollout_phase_get_status (phase) == ROLLOUT_PHASE_STATUS_ACTIVE)
        found = phase;
    }
  for (guint i = 0; found == NULL && i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      if (rollout_phase_get_status (phase) != ROLLOUT_PHASE_STATUS_COMPLETED)
        found = phase;
    }
  if (found == NULL && n > 0)
    {
      g_autoptr(RolloutPhase) first = g_list_model_get_item (phases, 0);

      found = first;
    }
  return found;
}

static void
update_readiness (RolloutBoardView *self)
{
  RolloutPhase *phase = NULL;
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) readiness = NULL;
  g_autoptr(GString) required = g_string_new (NULL);
  GtkWidget *child;
  const char *icon = "emblem-ok-symbolic";
  const char *style = NULL;
  guint n_required = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->signoff_list))) != NULL)
    gtk_list_box_remove (self->signoff_list, child);

  self->updating++;
  if (self->project == NULL)
    {
      adw_combo_row_set_model (self->readiness_phase_row, NULL);
      self->updating--;
      return;
    }
  if (adw_combo_row_get_model (self->readiness_phase_row) != rollout_project_get_phases (self->project))
    adw_combo_row_set_model (self->readiness_phase_row, rollout_project_get_phases (self->project));
  if (self->readiness_phase != NULL)
    phase = rollout_project_lookup_phase (self->project, self->readiness_phase);
  if (phase == NULL)
    {
      phase = default_readiness_phase (self);
      g_free (self->readiness_phase);
      self->readiness_phase = phase != NULL ? g_strdup (rollout_phase_get_id (phase)) : NULL;
    }
  adw_combo_row_set_selected (self->readiness_phase_row, phase != NULL ? (guint) rollout_project_index_of (self->project, phase)
                                                                       : GTK_INVALID_LIST_POSITION);
  self->updating--;

  gtk_widget_set_visible (GTK_WIDGET (self->verdict_row), phase != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->signoff_group), phase != NULL);
  if (phase == NULL)
    return;

  evaluation = rollout_gates_evaluate_phase (self->project, phase);
  switch (evaluation->verdict)
    {
    case ROLLOUT_VERDICT_GO:
      style = "success";
      break;
    case ROLLOUT_VERDICT_NO_GO:
      icon = "dialog-error-symbolic";
      style = "error";
      break;
    case ROLLOUT_VERDICT_PENDING:
      icon = "dialog-warning-symbolic";
      style = "warning";
      break;
    case ROLLOUT_VERDICT_NONE:
    default:
      icon = "dialog-information-symbolic";
      break;
    }
  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), "error");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), style);
  adw_action_row_set_subtitle (self->verdict_row, evaluation->verdict == ROLLOUT_VERDICT_NONE
                                                  ? _("This phase has no go/no-go gate")
                                                  : evaluation->summary);

  readiness = rollout_board_get_readiness (self->project, phase);
  for (guint i = 0; i < readiness->len; i++)
    {
      const RolloutReadiness *r = g_ptr_array_index (readiness, i);

      gtk_list_box_append (self->signoff_list, readiness_row (self, phase, r));
      if (r->required)
        {
          g_string_append_printf (required, "%s%s", n_required > 0 ? ", " : "",
                                  r->team != NULL ? team_name (r->team) : r->team_id);
          n_required++;
        }
    }
  if (n_required > 0)
    {
      g_autofree char *description = NULL;

      /* Translators: the teams a phase's gate needs, "Engineering, Customer Support" */
      description = g_strdup_printf (_("The gate needs these teams to sign off: %s."), required->str);
      adw_preferences_group_set_description (self->signoff_group, description);
    }
  else
    adw_preferences_group_set_description (self->signoff_group, _("The gate needs no team’s sign-off; teams may still say they are ready."));
}

static void
readiness_phase_selected_cb (RolloutBoardView *self)
{
  guint selected = adw_combo_row_get_selected (self->readiness_phase_row);
  g_autoptr(RolloutPhase) phase = NULL;

  if (self->updating || self->project == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  phase = g_list_model_get_item (rollout_project_get_phases (self->project), selected);
  if (phase == NULL)
    return;
  g_free (self->readiness_phase);
  self->readiness_phase = g_strdup (rollout_phase_get_id (phase));
  update_readiness (self);
}

/* Adding and deleting ------------------------------------------------------- */

/* A new card goes into the column To Do, in the filtered phase and team,
 * or the selected card's, so it shows up where the person is looking. */
static void
add_task (RolloutBoardView *self,
          gboolean          milestone)
{
  g_autoptr(RolloutPhase) new_phase = NULL;
  g_autoptr(RolloutTask) task = NULL;
  g_autofree char *id = NULL;
  RolloutCommand *group;
  RolloutPhase *phase = NULL;
  const char *team_id = NULL;
  const char *name = milestone ? _("New Milestone") : _("New Task");
  GListModel *tasks;
  int position = -1;

  if (self->project == NULL)
    return;
  group = rollout_command_new_group (milestone ? _("Add a Milestone") : _("Add a Task"));

  if (self->phase_filter != NULL)
    phase = rollout_project_lookup_phase (self->project, self->phase_filter);
  if (phase == NULL && self->selected != NULL)
    phase = rollout_project_lookup_phase (self->project, rollout_task_get_phase_id (self->selected));
  if (phase == NULL)
    {
      g_autoptr(RolloutPhase) first = NULL;

      if (g_list_model_get_n_items (rollout_project_get_phases (self->project)) > 0)
        first = g_list_model_get_item (rollout_project_get_phases (self->project), 0);
      phase = first;
    }
  if (phase == NULL)
    {
      g_autofree char *phase_id = rollout_project_make_id (self->project, ROLLOUT_TYPE_PHASE, _("Phase 1"));

      new_phase = rollout_phase_new (phase_id);
      rollout_phase_set_name (new_phase, _("Phase 1"));
      rollout_command_group_add (group, rollout_command_new_insert (new_phase, -1, NULL));
      phase = new_phase;
    }

  if (self->team_filter != NULL && *self->team_filter != '\0')
    team_id = self->team_filter;
  else if (self->team_filter == NULL && self->selected != NULL && self->lanes == ROLLOUT_BOARD_LANES_TEAM)
    team_id = rollout_task_get_team_id (self->selected);

  /* After the phase's last task. */
  tasks = rollout_project_get_tasks (self->project);
  for (guint i = 0, n = g_list_model_get_n_items (tasks); i < n; i++)
    {
      g_autoptr(RolloutTask) other = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (rollout_task_get_phase_id (other), rollout_phase_get_id (phase)) == 0)
        position = i + 1;
    }

  id = rollout_project_make_id (self->project, ROLLOUT_TYPE_TASK, name);
  task = rollout_task_new (id);
  rollout_task_set_name (task, name);
  rollout_task_set_phase_id (task, rollout_phase_get_id (phase));
  rollout_task_set_team_id (task, team_id);
  rollout_task_set_duration (task, milestone ? 0 : NEW_TASK_DURATION);
  rollout_command_group_add (group, rollout_command_new_insert (task, position, NULL));

  if (!run (self, group))
    return;
  /* A search that would hide the new card stops. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  rollout_deferred_flush (&self->rebuild);
  set_selected (self, task);
  reveal_task (self, task);
  edit_selected (self);
}

static void
delete_selected (RolloutBoardView *self)
{
  RolloutTask *task = self->selected;
  RolloutTask *next = NULL;
  RolloutTaskStatus status;
  guint lane, index;

  if (task == NULL || self->document == NULL)
    return;
  rollout_task_editor_commit (self->editor);
  /* The card below takes its place, or the one above. */
  if (self->board != NULL && rollout_board_find (self->board, task, &lane, &status, &index))
    {
      const RolloutBoardCard *card = rollout_board_get_card (self->board, lane, status, index + 1);

      if (card == NULL && index > 0)
        card = rollout_board_get_card (self->board, lane, status, index - 1);
      next = card != NULL ? card->task : NULL;
    }
  if (next != NULL)
    g_object_ref (next);
  rollout_edit_delete (GTK_WIDGET (self), self->document, task);
  rollout_deferred_flush (&self->rebuild);
  if (next != NULL && rollout_project_index_of (self->project, next) >= 0)
    {
      set_selected (self, next);
      reveal_task (self, next);
    }
  g_clear_object (&next);
}

/* Actions ----------------------------------------------------------------- */

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_task (ROLLOUT_BOARD_VIEW (widget), g_str_equal (action_name, "board.add-milestone"));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  edit_selected (ROLLOUT_BOARD_VIEW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_selected (ROLLOUT_BOARD_VIEW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);

  if (g_str_equal (action_name, "board.move-earlier"))
    move_selected_by (self, -1, 0);
  else if (g_str_equal (action_name, "board.move-later"))
    move_selected_by (self, 1, 0);
  else if (g_str_equal (action_name, "board.move-up"))
    move_selected_by (self, 0, -1);
  else
    move_selected_by (self, 0, 1);
}

static void
move_to_status_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);
  int status;

  if (self->selected == NULL ||
      !rollout_enum_from_nick (ROLLOUT_TYPE_TASK_STATUS, g_variant_get_string (parameter, NULL), &status))
    return;
  move_task (self, self->selected, status, -1);
}

/* Moves the selected card to another team or phase, whatever the lanes. */
static void
move_to_lane_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);
  gboolean team = g_str_equal (action_name, "board.move-to-team");
  const char *id = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;
  RolloutTask *task = self->selected;
  RolloutCommand *command;
  const char *where;

  if (task == NULL || self->project == NULL)
    return;
  if (team && *id == '\0')
    {
      id = NULL;
      where = _("No Team");
    }
  else if (team)
    {
      RolloutTeam *found = rollout_project_lookup_team (self->project, id);

      if (found == NULL)
        return;
      where = team_name (found);
    }
  else
    {
      RolloutPhase *found = rollout_project_lookup_phase (self->project, id);

      if (found == NULL)
        return;
      where = phase_name (found);
    }
  command = rollout_board_new_move (self->project, task, rollout_task_get_status (task),
                                    team ? ROLLOUT_BOARD_LANES_TEAM : ROLLOUT_BOARD_LANES_PHASE, id);
  if (command == NULL)
    return;
  /* Translators: a task, then the team or phase it went to */
  title = g_strdup_printf (_("Moved ‘%s’ to %s"), task_label (task), where);
  run_undoable (self, command, title);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);
  RolloutBoardTile *tile;

  rollout_deferred_flush (&self->rebuild);
  tile = find_tile (self, self->selected);
  if (tile != NULL)
    popup_menu (self, tile, -1, -1);
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);
  const char *phase_id, *team_id, *by;
  RolloutPhase *phase;
  RolloutTeam *team;
  g_autofree char *title = NULL;

  g_variant_get (parameter, "(&s&s&s)", &phase_id, &team_id, &by);
  if (self->project == NULL ||
      (phase = rollout_project_lookup_phase (self->project, phase_id)) == NULL ||
      (team = rollout_project_lookup_team (self->project, team_id)) == NULL)
    return;
  /* Nobody named: the team's lead. */
  if (*by == '\0')
    by = rollout_team_get_lead (team);
  /* Translators: a team, then a phase */
  title = g_strdup_printf (_("%s signed off ‘%s’"), team_name (team), phase_name (phase));
  run_undoable (self, rollout_board_new_sign_off (self->project, phase, team_id, by, rollout_today ()), title);
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);
  const char *phase_id, *team_id;
  RolloutPhase *phase;
  RolloutTeam *team;
  g_autofree char *title = NULL;

  g_variant_get (parameter, "(&s&s)", &phase_id, &team_id);
  if (self->project == NULL || (phase = rollout_project_lookup_phase (self->project, phase_id)) == NULL)
    return;
  team = rollout_project_lookup_team (self->project, team_id);
  /* Translators: a team, then a phase */
  title = g_strdup_printf (_("Withdrew the sign-off of %s for ‘%s’"), team != NULL ? team_name (team) : team_id,
                           phase_name (phase));
  run_undoable (self, rollout_board_new_withdraw (self->project, phase, team_id), title);
}

static void
set_wip_limit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);
  const char *nick;
  int status, limit;

  g_variant_get (parameter, "(&si)", &nick, &limit);
  if (self->project == NULL || !rollout_enum_from_nick (ROLLOUT_TYPE_TASK_STATUS, nick, &status))
    return;
  run (self, rollout_board_new_set_wip_limit (self->project, status, CLAMP (limit, 0, ROLLOUT_WIP_LIMIT_MAX)));
}

static void
hide_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_show_editor (ROLLOUT_BOARD_VIEW (widget), FALSE);
}

/* Signal callbacks ---------------------------------------------------------- */

static void
document_changed_cb (RolloutBoardView *self)
{
  rollout_deferred_queue (&self->rebuild);
}

static void
phase_filter_cb (RolloutBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->phase_filter_dropdown);

  if (self->updating || selected >= self->phase_ids->len)
    return;
  g_free (self->phase_filter);
  self->phase_filter = g_strdup (g_ptr_array_index (self->phase_ids, selected));
  /* The readiness panel follows the phase picked. */
  if (self->phase_filter != NULL)
    {
      g_free (self->readiness_phase);
      self->readiness_phase = g_strdup (self->phase_filter);
    }
  rebuild (self);
}

static void
team_filter_cb (RolloutBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->team_filter_dropdown);

  if (self->updating || selected >= self->team_ids->len)
    return;
  g_free (self->team_filter);
  self->team_filter = g_strdup (g_ptr_array_index (self->team_ids, selected));
  rebuild (self);
}

static void
search_changed_cb (RolloutBoardView *self)
{
  rebuild (self);
}

static void
search_mode_cb (RolloutBoardView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild (self);
}

static void
flap_reveal_cb (RolloutBoardView *self)
{
  /* Folded over a narrow window, the panel can be dismissed by itself. */
  if (!adw_flap_get_reveal_flap (self->flap))
    {
      set_show_editor (self, FALSE);
      set_show_readiness (self, FALSE);
    }
}

/* GObject ------------------------------------------------------------------ */

static void
disconnect_document (RolloutBoardView *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
}

static void
rollout_board_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (ROLLOUT_BOARD_VIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rollout_board_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
rollout_board_view_map (GtkWidget *widget)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (widget);

  /* Brought up to date before it is seen. */
  rollout_deferred_flush (&self->rebuild);

  GTK_WIDGET_CLASS (rollout_board_view_parent_class)->map (widget);
}

static void
rollout_board_view_dispose (GObject *object)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (object);

  rollout_deferred_done (&self->rebuild);
  if (self->scroll_tick != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  disconnect_document (self);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  /* List items may outlive the view: they must not reach back into it. */
  if (self->row_widgets != NULL)
    for (guint i = 0; i < self->row_widgets->len; i++)
      ((RowWidgets *) g_ptr_array_index (self->row_widgets, i))->view = NULL;
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);
  self->drop_slot = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_BOARD_VIEW);
  g_clear_object (&self->rows);
  g_clear_object (&self->selected);
  g_clear_object (&self->pending_focus);
  g_clear_object (&self->pending_scroll);
  g_clear_pointer (&self->board, rollout_board_unref);

  G_OBJECT_CLASS (rollout_board_view_parent_class)->dispose (object);
}

static void
rollout_board_view_finalize (GObject *object)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (object);

  g_free (self->phase_filter);
  g_free (self->team_filter);
  g_free (self->readiness_phase);
  g_free (self->filters_key);
  g_clear_pointer (&self->phase_ids, g_ptr_array_unref);
  g_clear_pointer (&self->team_ids, g_ptr_array_unref);
  g_clear_pointer (&self->lane_rows, g_array_unref);

  G_OBJECT_CLASS (rollout_board_view_parent_class)->finalize (object);
}

static void
rollout_board_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LANES:
      g_value_set_enum (value, self->lanes);
      break;
    case PROP_SHOW_EDITOR:
      g_value_set_boolean (value, self->show_editor);
      break;
    case PROP_SHOW_READINESS:
      g_value_set_boolean (value, self->show_readiness);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_board_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RolloutBoardView *self = ROLLOUT_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      rollout_board_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_LANES:
      rollout_board_view_set_lanes (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_EDITOR:
      set_show_editor (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_READINESS:
      set_show_readiness (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_board_view_class_init (RolloutBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_board_view_dispose;
  object_class->finalize = rollout_board_view_finalize;
  object_class->get_property = rollout_board_view_get_property;
  object_class->set_property = rollout_board_view_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ROLLOUT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LANES] =
    g_param_spec_enum ("lanes", NULL, NULL,
                       ROLLOUT_TYPE_BOARD_LANES, ROLLOUT_BOARD_LANES_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_EDITOR] =
    g_param_spec_boolean ("show-editor", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_READINESS] =
    g_param_spec_boolean ("show-readiness", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROLLOUT_TYPE_TASK_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, status_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, flap);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, editor);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, readiness_phase_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, signoff_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, signoff_list);
  gtk_widget_class_bind_template_child_full (widget_class, "phase_filter", FALSE,
                                             G_STRUCT_OFFSET (RolloutBoardView, phase_filter_dropdown));
  gtk_widget_class_bind_template_child_full (widget_class, "team_filter", FALSE,
                                             G_STRUCT_OFFSET (RolloutBoardView, team_filter_dropdown));
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, search_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, header_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, list_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutBoardView, vscroller);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_teardown_cb);

  gtk_widget_class_install_action (widget_class, "board.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "board.add-milestone", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "board.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "board.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "board.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "board.move-earlier", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "board.move-later", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "board.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "board.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "board.move-to-status", "s", move_to_status_action);
  gtk_widget_class_install_action (widget_class, "board.move-to-team", "s", move_to_lane_action);
  gtk_widget_class_install_action (widget_class, "board.move-to-phase", "s", move_to_lane_action);
  gtk_widget_class_install_action (widget_class, "board.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "board.sign-off", "(sss)", sign_off_action);
  gtk_widget_class_install_action (widget_class, "board.withdraw", "(ss)", withdraw_action);
  gtk_widget_class_install_action (widget_class, "board.set-wip-limit", "(si)", set_wip_limit_action);
  gtk_widget_class_install_action (widget_class, "board.hide-editor", NULL, hide_editor_action);
  gtk_widget_class_install_property_action (widget_class, "board.lanes", "lanes");
  gtk_widget_class_install_property_action (widget_class, "board.show-editor", "show-editor");
  gtk_widget_class_install_property_action (widget_class, "board.show-readiness", "show-readiness");

  widget_class->measure = rollout_board_view_measure;
  widget_class->size_allocate = rollout_board_view_size_allocate;
  widget_class->map = rollout_board_view_map;
  gtk_widget_class_set_css_name (widget_class, "board-view");
}

static void
rollout_board_view_init (RolloutBoardView *self)
{
  GtkEventController *controller;
  g_autoptr(GtkNoSelection) selection = NULL;

  rollout_deferred_init (&self->rebuild, GTK_WIDGET (self), (RolloutDeferredFunc) rebuild);
  self->lanes = ROLLOUT_BOARD_LANES_NONE;
  self->phase_ids = g_ptr_array_new_with_free_func (g_free);
  self->team_ids = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_list_store_new (ROLLOUT_TYPE_BOARD_ROW);
  self->lane_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_widgets = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->css = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (self->css, css_data, -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint s = 0; s < N_COLUMNS; s++)
    build_header (self, s);
  set_filter_factories (self->phase_filter_dropdown);
  set_filter_factories (self->team_filter_dropdown);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  {
    GtkDropTarget *drop = gtk_drop_target_new (ROLLOUT_TYPE_TASK, GDK_ACTION_MOVE);

    g_signal_connect_object (drop, "drop", G_CALLBACK (list_drop_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (drop));
  }

  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  rollout_task_editor_set_action_prefix (self->editor, "board");
  {
    /* The row takes a reference of its own. */
    g_autoptr(GtkExpression) phase_name = gtk_property_expression_new (ROLLOUT_TYPE_PHASE, NULL, "name");

    adw_combo_row_set_expression (self->readiness_phase_row, phase_name);
  }
  g_signal_connect_object (self->readiness_phase_row, "notify::selected",
                           G_CALLBACK (readiness_phase_selected_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  /* Escape in the editor closes it, unless a field or popover takes it. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("board.hide-editor")));
  gtk_widget_add_controller (GTK_WIDGET (self->editor), controller);

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_reveal_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phase_filter_dropdown, "notify::selected", G_CALLBACK (phase_filter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team_filter_dropdown, "notify::selected", G_CALLBACK (team_filter_cb), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild (self);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
rollout_board_view_new (void)
{
  return g_object_new (ROLLOUT_TYPE_BOARD_VIEW, NULL);
}

/**
 * rollout_board_view_get_document:
 * @self: a #RolloutBoardView
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
RolloutDocument *
rollout_board_view_get_document (RolloutBoardView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_VIEW (self), NULL);

  return self->document;
}

/**
 * rollout_board_view_set_document:
 * @self: a #RolloutBoardView
 * @document: (nullable): the plan to show
 *
 * Shows @document's tasks and follows its edits.
 */
void
rollout_board_view_set_document (RolloutBoardView *self,
                                 RolloutDocument  *document)
{
  g_return_if_fail (ROLLOUT_IS_BOARD_VIEW (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  rollout_task_editor_set_document (self->editor, NULL);
  disconnect_document (self);
  set_selected (self, NULL);
  g_clear_object (&self->pending_focus);
  g_clear_pointer (&self->phase_filter, g_free);
  g_clear_pointer (&self->team_filter, g_free);
  g_clear_pointer (&self->readiness_phase, g_free);
  g_clear_pointer (&self->filters_key, g_free);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->project = g_object_ref (rollout_document_get_project (document));
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->show_editor)
    rollout_task_editor_set_document (self->editor, document);

  /* Opening a big plan does not wait for a board that is not shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    {
      g_clear_pointer (&self->board, rollout_board_unref);
      update_rows (self);
      update_actions (self);
      rollout_deferred_mark_stale (&self->rebuild);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * rollout_board_view_get_board:
 * @self: a #RolloutBoardView
 *
 * Returns: (transfer none) (nullable): the board as shown, after what is
 *   waiting to be shown
 */
RolloutBoard *
rollout_board_view_get_board (RolloutBoardView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_VIEW (self), NULL);

  rollout_deferred_flush (&self->rebuild);
  return self->board;
}

/**
 * rollout_board_view_get_selected:
 * @self: a #RolloutBoardView
 *
 * Returns: (transfer none) (nullable): the task of the selected card
 */
RolloutTask *
rollout_board_view_get_selected (RolloutBoardView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_VIEW (self), NULL);

  return self->selected;
}

/**
 * rollout_board_view_select:
 * @self: a #RolloutBoardView
 * @task: (nullable): a task of the plan, or %NULL
 *
 * Selects @task's card, and brings it on screen.
 */
void
rollout_board_view_select (RolloutBoardView *self,
                           RolloutTask      *task)
{
  g_return_if_fail (ROLLOUT_IS_BOARD_VIEW (self));
  g_return_if_fail (task == NULL || ROLLOUT_IS_TASK (task));

  rollout_deferred_flush (&self->rebuild);
  if (task != NULL && (self->board == NULL || !rollout_board_find (self->board, task, NULL, NULL, NULL)))
    return;
  set_selected (self, task);
  if (task != NULL)
    reveal_task (self, task);
}

RolloutBoardLanes
rollout_board_view_get_lanes (RolloutBoardView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_VIEW (self), ROLLOUT_BOARD_LANES_NONE);

  return self->lanes;
}

/**
 * rollout_board_view_set_lanes:
 * @self: a #RolloutBoardView
 * @lanes: how to split the board into swimlanes
 */
void
rollout_board_view_set_lanes (RolloutBoardView  *self,
                              RolloutBoardLanes  lanes)
{
  g_return_if_fail (ROLLOUT_IS_BOARD_VIEW (self));

  if (self->lanes == lanes)
    return;
  self->lanes = lanes;
  rebuild (self);
  if (self->selected != NULL && list_has_focus (self))
    reveal_task (self, self->selected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

/**
 * rollout_board_view_set_filter:
 * @self: a #RolloutBoardView
 * @phase_id: (nullable): show only this phase's cards, or %NULL for all
 * @team_id: (nullable): show only this team's cards, %ROLLOUT_BOARD_NO_TEAM
 *   for the cards of no team, or %NULL for all
 */
void
rollout_board_view_set_filter (RolloutBoardView *self,
                               const char       *phase_id,
                               const char       *team_id)
{
  g_return_if_fail (ROLLOUT_IS_BOARD_VIEW (self));

  g_free (self->phase_filter);
  self->phase_filter = g_strdup (phase_id);
  g_free (self->team_filter);
  self->team_filter = g_strdup (team_id);
  if (phase_id != NULL)
    {
      g_free (self->readiness_phase);
      self->readiness_phase = g_strdup (phase_id);
    }
  rebuild (self);
}

/**
 * rollout_board_view_get_readiness_phase:
 * @self: a #RolloutBoardView
 *
 * Returns: (nullable): the id of the phase the readiness panel shows
 */
const char *
rollout_board_view_get_readiness_phase (RolloutBoardView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_BOARD_VIEW (self), NULL);

  if (self->readiness_phase == NULL && self->project != NULL)
    update_readiness (self);
  return self->readiness_phase;
}

/**
 * rollout_board_view_set_readiness_phase:
 * @self: a #RolloutBoardView
 * @phase_id: a phase's id
 *
 * Shows @phase_id's readiness in the panel.
 */
void
rollout_board_view_set_readiness_phase (RolloutBoardView *self,
                                        const char       *phase_id)
{
  g_return_if_fail (ROLLOUT_IS_BOARD_VIEW (self));

  g_free (self->readiness_phase);
  self->readiness_phase = g_strdup (phase_id);
  update_readiness (self);
}
