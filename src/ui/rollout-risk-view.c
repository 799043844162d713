/* rollout-risk-view.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Risks page: the 5 × 5 matrix on the left, the risk register beside
 * it, and a side panel (an AdwFlap, folding over them when the window is
 * narrow) that edits the selected risk.
 *
 * Both show the plan's risks through one filter, by phase and status, from
 * the toolbar; the register also narrows to a search (Ctrl+F), and the
 * matrix then fades the risks the search leaves out. The register is a
 * GtkColumnView sorted by score, title, owner, phase or status. One risk is
 * selected at a time, in both: selecting in one selects in the other.
 *
 * Re-assessing a risk — dragging its chip to another cell, Alt and an arrow
 * key, the context menu, or a new likelihood or impact in the editor — is
 * one command that also records a dated entry in the risk's history, and
 * a toast offers to undo it. After every edit, undo or redo (the
 * document's ::changed) the filter, the sorting, the matrix and the rows
 * on screen are brought up to date, once per burst.
 */

#define G_LOG_DOMAIN "rollout-risk-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-risk-editor.h"
#include "rollout-risk-layout.h"
#include "rollout-deferred.h"
#include "rollout-risk-view.h"

typedef enum {
  PHASE_FILTER_ALL,
  PHASE_FILTER_ONE,
  PHASE_FILTER_NONE,
} PhaseFilter;

/* The choices of the status filter, in the drop-down's order. */
typedef enum {
  STATUS_FILTER_ACTIVE,
  STATUS_FILTER_ALL,
  STATUS_FILTER_OPEN,
  STATUS_FILTER_MITIGATING,
  STATUS_FILTER_OCCURRED,
  STATUS_FILTER_CLOSED,
} StatusFilter;

typedef enum {
  COLUMN_SCORE,
  COLUMN_TITLE,
  COLUMN_OWNER,
  COLUMN_PHASE,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* A new risk starts in the middle of the matrix. */
#define NEW_RISK_RATING 3
/* Narrower than this, the register goes under the matrix. */
#define COMPACT_WIDTH 1100

struct _RolloutRiskView
{
  GtkWidget            parent_instance;

  RolloutDocument     *document;
  RolloutProject      *project;
  RolloutRisk         *selected;
  guint                syncing;
  RolloutDeferred      refresh;        /* the view, made again after edits */
  guint                show_editor : 1;
  guint                placing_paned : 1;
  guint                compact : 1;
  guint                compact_source;
  double               paned_ratio[2];  /* by GtkOrientation */

  PhaseFilter          phase_filter;
  char                *phase_filter_id;
  StatusFilter         status_filter;
  char                *phases_key;
  GHashTable          *matches;       /* risks the search finds, or NULL */

  GtkCustomFilter     *base_filter;
  GtkFilterListModel  *base_model;    /* the plan's risks, by phase and status */
  GtkCustomFilter     *search_filter;
  GtkFilterListModel  *search_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkCustomSorter     *sorters[N_COLUMNS];
  GtkColumnViewColumn *columns[N_COLUMNS];
  GPtrArray           *cells;         /* Cell, of the rows on screen */
  GtkCssProvider      *band_css;
  GMenu               *menu;

  /* Template children */
  GtkStack            *stack;
  AdwStatusPage       *status_page;
  AdwFlap             *flap;
  RolloutRiskEditor   *editor;
  GtkDropDown         *phase_filter_dropdown;
  GtkDropDown         *status_filter_dropdown;
  GtkLabel            *count_label;
  GtkToggleButton     *search_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *search_count;
  RolloutRiskMatrix   *matrix;
  GtkBox              *legend;
  GtkPaned            *paned;
  GtkStack            *register_stack;
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (RolloutRiskView, rollout_risk_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_EDITOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The widgets of one cell of the register. */
typedef struct {
  RolloutRiskView *view;
  GtkListItem     *item;
  Column           column;
  GtkWidget       *box;
  GtkLabel        *label;
  GtkLabel        *mark;     /* the score's trend, or the status's shape */
} Cell;

static void refresh (RolloutRiskView *self);
static void bind_cell (Cell *cell);

/* Helpers ------------------------------------------------------------------ */

static const char *
risk_label (RolloutRisk *risk)
{
  const char *title = rollout_risk_get_title (risk);

  return title != NULL ? title : rollout_risk_get_id (risk);
}

static const char *
phase_name (RolloutRiskView *self,
            RolloutRisk     *risk)
{
  RolloutPhase *phase = self->project != NULL ? rollout_project_lookup_phase (self->project,
                                                                              rollout_risk_get_phase_id (risk))
                                              : NULL;

  return phase != NULL ? rollout_phase_get_name (phase) : NULL;
}

static char *
format_score (int score)
{
  /* Translators: a risk's score and band, "12 High" */
  return g_strdup_printf (C_("risk score", "%d %s"), score,
                          rollout_risk_band_get_label (rollout_risk_band_for_score (score)));
}

/* A shape for each status, so that it does not rest on words alone. */
static const char *
status_mark (RolloutRiskStatus status)
{
  switch (status)
    {
    case ROLLOUT_RISK_STATUS_MITIGATING:
      return "◐";
    case ROLLOUT_RISK_STATUS_CLOSED:
      return "●";
    case ROLLOUT_RISK_STATUS_OCCURRED:
      return "⊘";
    case ROLLOUT_RISK_STATUS_OPEN:
    default:
      return "○";
    }
}

static const char *
trend_mark (RolloutRiskTrend trend)
{
  switch (trend)
    {
    case ROLLOUT_RISK_TREND_RISING:
      return "▲";
    case ROLLOUT_RISK_TREND_FALLING:
      return "▼";
    case ROLLOUT_RISK_TREND_STEADY:
    default:
      return "▬";
    }
}

static const char *
trend_nick (RolloutRiskTrend trend)
{
  switch (trend)
    {
    case ROLLOUT_RISK_TREND_RISING:
      return "risk-trend-rising";
    case ROLLOUT_RISK_TREND_FALLING:
      return "risk-trend-falling";
    case ROLLOUT_RISK_TREND_STEADY:
    default:
      return "risk-trend-steady";
    }
}

static void
set_band_class (GtkWidget       *widget,
                RolloutRiskBand  band)
{
  for (int b = 0; b < ROLLOUT_RISK_N_BANDS; b++)
    {
      g_autofree char *css = g_strconcat ("risk-band-", rollout_risk_band_get_nick (b), NULL);

      if (b == (int) band)
        gtk_widget_add_css_class (widget, css);
      else
        gtk_widget_remove_css_class (widget, css);
    }
}

static void
set_trend_class (GtkWidget        *widget,
                 RolloutRiskTrend  trend)
{
  for (int t = 0; t < 3; t++)
    if (t == (int) trend)
      gtk_widget_add_css_class (widget, trend_nick (t));
    else
      gtk_widget_remove_css_class (widget, trend_nick (t));
}

static gboolean
run (RolloutRiskView *self,
     RolloutCommand  *command)
{
  if (self->document == NULL || command == NULL)
    {
      g_clear_object (&command);
      return FALSE;
    }
  return rollout_edit_run (GTK_WIDGET (self), self->document, command);
}

/* Band colours --------------------------------------------------------------- */

/* The register's score pills and the legend take the matrix's tints, from
 * core, in the palette of the style in use. */
static void
update_band_css (RolloutRiskView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GString) css = g_string_new (NULL);

  for (int band = 0; band < ROLLOUT_RISK_N_BANDS; band++)
    {
      RolloutRiskColor c;

      rollout_risk_band_get_color (band, dark ? ROLLOUT_RISK_PALETTE_DARK : ROLLOUT_RISK_PALETTE_LIGHT, &c);
      g_string_append_printf (css, ".risk-band-%s { background-color: rgb(%d, %d, %d); }\n",
                              rollout_risk_band_get_nick (band),
                              (int) (c.red * 255 + 0.5), (int) (c.green * 255 + 0.5), (int) (c.blue * 255 + 0.5));
    }
  gtk_css_provider_load_from_data (self->band_css, css->str, -1);
}

/* Filtering and sorting ------------------------------------------------------ */

static gboolean
base_filter_func (gpointer item,
                  gpointer user_data)
{
  RolloutRiskView *self = user_data;
  RolloutRisk *risk = item;
  RolloutRiskStatus status = rollout_risk_get_status (risk);

  switch (self->phase_filter)
    {
    case PHASE_FILTER_ONE:
      if (g_strcmp0 (rollout_risk_get_phase_id (risk), self->phase_filter_id) != 0)
        return FALSE;
      break;
    case PHASE_FILTER_NONE:
      if (rollout_risk_get_phase_id (risk) != NULL &&
          rollout_project_lookup_phase (self->project, rollout_risk_get_phase_id (risk)) != NULL)
        return FALSE;
      break;
    case PHASE_FILTER_ALL:
    default:
      break;
    }

  switch (self->status_filter)
    {
    case STATUS_FILTER_ACTIVE:
      return status != ROLLOUT_RISK_STATUS_CLOSED;
    case STATUS_FILTER_OPEN:
      return status == ROLLOUT_RISK_STATUS_OPEN;
    case STATUS_FILTER_MITIGATING:
      return status == ROLLOUT_RISK_STATUS_MITIGATING;
    case STATUS_FILTER_OCCURRED:
      return status == ROLLOUT_RISK_STATUS_OCCURRED;
    case STATUS_FILTER_CLOSED:
      return status == ROLLOUT_RISK_STATUS_CLOSED;
    case STATUS_FILTER_ALL:
    default:
      return TRUE;
    }
}

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

static gboolean
risk_matches (RolloutRisk *risk,
              const char  *needle)
{
  return text_matches (rollout_risk_get_title (risk), needle) ||
         text_matches (rollout_risk_get_owner (risk), needle) ||
         text_matches (rollout_risk_get_description (risk), needle) ||
         text_matches (rollout_risk_get_mitigation (risk), needle) ||
         text_matches (rollout_risk_get_contingency (risk), needle);
}

static gboolean
search_filter_func (gpointer item,
                    gpointer user_data)
{
  RolloutRiskView *self = user_data;

  return self->matches == NULL || g_hash_table_contains (self->matches, item);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;

  /* Empty ones last. */
  if (a == NULL || *a == '\0' || b == NULL || *b == '\0')
    return (a == NULL || *a == '\0') - (b == NULL || *b == '\0');
  ka = g_utf8_collate_key (a, -1);
  kb = g_utf8_collate_key (b, -1);
  return strcmp (ka, kb);
}

/* How pressing a status is: what happened first, what is closed last. */
static int
status_rank (RolloutRiskStatus status)
{
  switch (status)
    {
    case ROLLOUT_RISK_STATUS_OCCURRED:
      return 0;
    case ROLLOUT_RISK_STATUS_OPEN:
      return 1;
    case ROLLOUT_RISK_STATUS_MITIGATING:
      return 2;
    case ROLLOUT_RISK_STATUS_CLOSED:
    default:
      return 3;
    }
}

static int
compare_risks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RolloutRiskView *self = g_object_get_data (G_OBJECT (user_data), "rollout-risk-view");
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (user_data), "rollout-column"));
  RolloutRisk *ra = (RolloutRisk *) a;
  RolloutRisk *rb = (RolloutRisk *) b;
  int result = 0;

  switch (column)
    {
    case COLUMN_SCORE:
      result = rollout_risk_get_score (ra) - rollout_risk_get_score (rb);
      if (result == 0)
        result = rollout_risk_get_likelihood (ra) - rollout_risk_get_likelihood (rb);
      break;
    case COLUMN_TITLE:
      result = compare_strings (rollout_risk_get_title (ra), rollout_risk_get_title (rb));
      break;
    case COLUMN_OWNER:
      result = compare_strings (rollout_risk_get_owner (ra), rollout_risk_get_owner (rb));
      break;
    case COLUMN_PHASE:
      {
        RolloutPhase *pa = rollout_project_lookup_phase (self->project, rollout_risk_get_phase_id (ra));
        RolloutPhase *pb = rollout_project_lookup_phase (self->project, rollout_risk_get_phase_id (rb));
        int ia = pa != NULL ? rollout_project_index_of (self->project, pa) : G_MAXINT;
        int ib = pb != NULL ? rollout_project_index_of (self->project, pb) : G_MAXINT;

        result = (ia > ib) - (ia < ib);
      }
      break;
    case COLUMN_STATUS:
      result = status_rank (rollout_risk_get_status (ra)) - status_rank (rollout_risk_get_status (rb));
      break;
    case N_COLUMNS:
    default:
      break;
    }
  if (result == 0 && column != COLUMN_SCORE)
    result = rollout_risk_get_score (rb) - rollout_risk_get_score (ra);
  if (result == 0 && self->project != NULL)
    result = rollout_project_index_of (self->project, ra) - rollout_project_index_of (self->project, rb);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_counts (RolloutRiskView *self)
{
  guint total = self->project != NULL ? g_list_model_get_n_items (rollout_project_get_risks (self->project)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->base_model));
  guint found = g_list_model_get_n_items (G_LIST_MODEL (self->search_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", total), total);
  else
    /* Translators: how many risks the filters show, of how many */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u risk", "%u of %u risks", total), shown, total);
  gtk_label_set_label (self->count_label, text);

  if (self->matches == NULL)
    gtk_label_set_label (self->search_count, "");
  else if (found == 0)
    gtk_label_set_label (self->search_count, _("No matches"));
  else
    {
      g_autofree char *matches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", found),
                                                  found);

      gtk_label_set_label (self->search_count, matches);
    }
  gtk_stack_set_visible_child_name (self->register_stack, found > 0 ? "list" : "none");
}

/* Selection -------------------------------------------------------------------- */

static guint
register_position (RolloutRiskView *self,
                   RolloutRisk     *risk)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);

  for (guint i = 0, n = g_list_model_get_n_items (model); risk != NULL && i < n; i++)
    {
      g_autoptr(RolloutRisk) item = g_list_model_get_item (model, i);

      if (item == risk)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      return c;
  return NULL;
}

static void
update_selection_actions (RolloutRiskView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RolloutRisk *risk = self->selected;
  int likelihood = risk != NULL ? rollout_risk_get_likelihood (risk) : 0;
  int impact = risk != NULL ? rollout_risk_get_impact (risk) : 0;

  gtk_widget_action_set_enabled (widget, "risks.delete", risk != NULL);
  gtk_widget_action_set_enabled (widget, "risks.edit", risk != NULL);
  gtk_widget_action_set_enabled (widget, "risks.move-up", risk != NULL && likelihood < ROLLOUT_RISK_MAX_RATING);
  gtk_widget_action_set_enabled (widget, "risks.move-down", risk != NULL && likelihood > 1);
  gtk_widget_action_set_enabled (widget, "risks.move-later", risk != NULL && impact < ROLLOUT_RISK_MAX_RATING);
  gtk_widget_action_set_enabled (widget, "risks.move-earlier", risk != NULL && impact > 1);
}

/* Selects @risk everywhere: the matrix, the register and the editor. */
static void
select_risk (RolloutRiskView *self,
             RolloutRisk     *risk)
{
  guint position;

  self->syncing++;
  g_set_object (&self->selected, risk);
  rollout_risk_matrix_set_selected (self->matrix, risk);
  position = register_position (self, risk);
  if (position == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  else
    {
      GtkWidget *list = find_list_view (GTK_WIDGET (self->column_view));

      gtk_single_selection_set_selected (self->selection, position);
      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
    }
  if (self->show_editor)
    rollout_risk_editor_set_risk (self->editor, risk);
  self->syncing--;
  update_selection_actions (self);
}

static void
register_selected_cb (RolloutRiskView *self)
{
  if (self->syncing)
    return;
  select_risk (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
matrix_selected_cb (RolloutRiskView *self)
{
  if (self->syncing)
    return;
  select_risk (self, rollout_risk_matrix_get_selected (self->matrix));
}

/* Editing ---------------------------------------------------------------------- */

static void
set_show_editor (RolloutRiskView *self,
                 gboolean         show)
{
  show = !!show;
  if (self->show_editor == (guint) show)
    return;
  self->show_editor = show;
  if (show)
    {
      rollout_risk_editor_set_document (self->editor, self->document);
      rollout_risk_editor_set_risk (self->editor, self->selected);
    }
  else
    rollout_risk_editor_commit (self->editor);
  if (adw_flap_get_reveal_flap (self->flap) != show)
    adw_flap_set_reveal_flap (self->flap, show);
  if (!show && gtk_widget_get_mapped (GTK_WIDGET (self->matrix)))
    gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDITOR]);
}

static void
edit_selected (RolloutRiskView *self,
               gboolean         is_new)
{
  set_show_editor (self, TRUE);
  rollout_risk_editor_set_risk (self->editor, self->selected);
  if (self->selected != NULL)
    rollout_risk_editor_focus_title (self->editor, is_new);
}

/* Re-assesses @risk, dated today, with a toast that can undo it. */
static void
reassess (RolloutRiskView *self,
          RolloutRisk     *risk,
          int              likelihood,
          int              impact)
{
  g_autofree char *score = NULL;
  g_autofree char *title = NULL;

  if (risk == NULL || self->document == NULL)
    return;
  likelihood = CLAMP (likelihood, 1, ROLLOUT_RISK_MAX_RATING);
  impact = CLAMP (impact, 1, ROLLOUT_RISK_MAX_RATING);
  if (likelihood == rollout_risk_get_likelihood (risk) && impact == rollout_risk_get_impact (risk))
    return;
  rollout_risk_editor_commit (self->editor);
  if (!run (self, rollout_command_new_reassess_risk (risk, likelihood, impact, rollout_today ())))
    return;
  score = format_score (likelihood * impact);
  /* Translators: a risk's title, its new likelihood and impact, then its
   * score and band, "Re-assessed ‘Store review’: 2 × 3 = 6 Medium" */
  title = g_strdup_printf (_("Re-assessed ‘%s’: %d × %d = %s"), risk_label (risk), likelihood, impact, score);
  rollout_edit_undo_toast (GTK_WIDGET (self), self->document, title);
  refresh (self);
}

static void
move_selected (RolloutRiskView *self,
               int              likelihood_step,
               int              impact_step)
{
  RolloutRisk *risk = self->selected;

  if (risk == NULL)
    return;
  reassess (self, risk, rollout_risk_get_likelihood (risk) + likelihood_step,
            rollout_risk_get_impact (risk) + impact_step);
}

static void
matrix_move_cb (RolloutRiskView   *self,
                RolloutRisk       *risk,
                int                likelihood,
                int                impact,
                RolloutRiskMatrix *matrix)
{
  g_autoptr(RolloutRisk) moved = g_object_ref (risk);

  reassess (self, moved, likelihood, impact);
  select_risk (self, moved);
}

static void
matrix_activate_cb (RolloutRiskView   *self,
                    RolloutRisk       *risk,
                    RolloutRiskMatrix *matrix)
{
  select_risk (self, risk);
  edit_selected (self, FALSE);
}

static void
register_activate_cb (RolloutRiskView *self,
                      guint            position,
                      GtkColumnView   *view)
{
  g_autoptr(RolloutRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  select_risk (self, risk);
  edit_selected (self, FALSE);
}

/* The filters must show a new risk: they go back to everything active, or
 * everything, when they would hide it. */
static void
reveal_risk (RolloutRiskView *self,
             RolloutRisk     *risk)
{
  if (!base_filter_func (risk, self))
    {
      gtk_drop_down_set_selected (self->phase_filter_dropdown, 0);
      if (!base_filter_func (risk, self))
        gtk_drop_down_set_selected (self->status_filter_dropdown, STATUS_FILTER_ALL);
    }
  if (self->matches != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
add_risk (RolloutRiskView *self)
{
  g_autoptr(RolloutRisk) risk = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *id = NULL;
  const char *title = _("New Risk");

  if (self->document == NULL)
    return;
  rollout_risk_editor_commit (self->editor);
  id = rollout_project_make_id (self->project, ROLLOUT_TYPE_RISK, title);
  risk = rollout_risk_new (id);
  rollout_risk_set_title (risk, title);
  rollout_risk_set_likelihood (risk, NEW_RISK_RATING);
  rollout_risk_set_impact (risk, NEW_RISK_RATING);
  /* Into the phase the filter shows, and assessed today. */
  if (self->phase_filter == PHASE_FILTER_ONE)
    rollout_risk_set_phase_id (risk, self->phase_filter_id);
  history = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_assessment_free);
  g_ptr_array_add (history, rollout_assessment_new (rollout_today (), NEW_RISK_RATING, NEW_RISK_RATING));
  rollout_risk_set_history (risk, history);

  if (!run (self, rollout_command_new_insert (risk, -1, _("Add a Risk"))))
    return;
  refresh (self);
  reveal_risk (self, risk);
  refresh (self);
  select_risk (self, risk);
  edit_selected (self, TRUE);
}

static void
delete_selected (RolloutRiskView *self)
{
  g_autoptr(RolloutRisk) risk = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  guint position;
  guint n;

  if (risk == NULL || self->document == NULL)
    return;
  position = register_position (self, risk);
  rollout_risk_editor_commit (self->editor);
  rollout_edit_delete (GTK_WIDGET (self), self->document, risk);
  refresh (self);
  /* The row that took its place is selected. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(RolloutRisk) next = g_list_model_get_item (G_LIST_MODEL (self->sort_model), MIN (position, n - 1));

      select_risk (self, next);
    }
  else
    select_risk (self, NULL);
}

/* Following the plan --------------------------------------------------------------- */

static void
rebind_cells (RolloutRiskView *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);

      if (gtk_list_item_get_item (cell->item) != NULL)
        bind_cell (cell);
    }
}

/* The phase filter offers the plan's phases, kept by id across edits. */
static void
update_phase_filter (RolloutRiskView *self)
{
  GListModel *phases = self->project != NULL ? rollout_project_get_phases (self->project) : NULL;
  guint n = phases != NULL ? g_list_model_get_n_items (phases) : 0;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GtkStringList) model = NULL;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

      g_string_append_printf (key, "%s\t%s\n", rollout_phase_get_id (phase), rollout_phase_get_name (phase));
    }
  if (g_strcmp0 (key->str, self->phases_key) == 0)
    return;
  g_free (self->phases_key);
  self->phases_key = g_string_free (g_steal_pointer (&key), FALSE);

  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("All Phases"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
      const char *name = rollout_phase_get_name (phase);

      gtk_string_list_append (model, name != NULL ? name : rollout_phase_get_id (phase));
      if (self->phase_filter == PHASE_FILTER_ONE && g_strcmp0 (rollout_phase_get_id (phase), self->phase_filter_id) == 0)
        selected = i + 1;
    }
  gtk_string_list_append (model, _("No Phase"));
  if (self->phase_filter == PHASE_FILTER_NONE)
    selected = n + 1;

  self->syncing++;
  gtk_drop_down_set_model (self->phase_filter_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->phase_filter_dropdown, selected);
  self->syncing--;
  if (selected == 0 && self->phase_filter != PHASE_FILTER_ALL)
    {
      /* Its phase is gone. */
      self->phase_filter = PHASE_FILTER_ALL;
      g_clear_pointer (&self->phase_filter_id, g_free);
    }
}

static void
update_search (RolloutRiskView *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  GListModel *model;

  g_clear_pointer (&self->matches, g_hash_table_unref);
  if (self->project != NULL && gtk_search_bar_get_search_mode (self->search_bar) && query != NULL && *query != '\0')
    {
      needle = g_utf8_casefold (query, -1);
      self->matches = g_hash_table_new (NULL, NULL);
      model = rollout_project_get_risks (self->project);
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(RolloutRisk) risk = g_list_model_get_item (model, i);

          if (risk_matches (risk, needle))
            g_hash_table_add (self->matches, risk);
        }
    }
  rollout_risk_matrix_set_matches (self->matrix, self->matches);
}

/* Brings everything up to date with the plan, keeping the selection. */
static void
refresh (RolloutRiskView *self)
{
  g_autoptr(RolloutRisk) selected = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  GListModel *risks = self->project != NULL ? rollout_project_get_risks (self->project) : NULL;
  gboolean new_model = FALSE;
  gboolean has_risks;

  rollout_deferred_done (&self->refresh);

  has_risks = self->project != NULL && g_list_model_get_n_items (rollout_project_get_risks (self->project)) > 0;
  gtk_stack_set_visible_child_name (self->stack, has_risks ? "risks" : "empty");
  gtk_widget_set_visible (adw_status_page_get_child (self->status_page), self->document != NULL);

  self->syncing++;
  update_phase_filter (self);
  update_search (self);
  /* A new plan's risks are filtered and sorted as they come in. */
  if (gtk_filter_list_model_get_model (self->base_model) != risks)
    {
      gtk_filter_list_model_set_model (self->base_model, risks);
      new_model = TRUE;
    }
  if (!new_model)
    {
      gtk_filter_changed (GTK_FILTER (self->base_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
      for (guint i = 0; i < N_COLUMNS; i++)
        gtk_sorter_changed (GTK_SORTER (self->sorters[i]), GTK_SORTER_CHANGE_DIFFERENT);
    }
  rollout_risk_matrix_refresh (self->matrix);
  rebind_cells (self);
  self->syncing--;

  /* The selected risk may have left the plan or the filter. */
  if (selected != NULL && (self->project == NULL || rollout_project_index_of (self->project, selected) < 0))
    g_clear_object (&selected);
  if (selected != NULL && !base_filter_func (selected, self))
    g_clear_object (&selected);
  select_risk (self, selected);
  update_counts (self);
}

static void
document_changed_cb (RolloutRiskView *self)
{
  rollout_deferred_queue (&self->refresh);
}

static void
phase_filter_cb (RolloutRiskView *self)
{
  guint selected = gtk_drop_down_get_selected (self->phase_filter_dropdown);
  GListModel *phases = self->project != NULL ? rollout_project_get_phases (self->project) : NULL;
  guint n = phases != NULL ? g_list_model_get_n_items (phases) : 0;

  if (self->syncing)
    return;
  g_clear_pointer (&self->phase_filter_id, g_free);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    self->phase_filter = PHASE_FILTER_ALL;
  else if (selected <= n)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, selected - 1);

      self->phase_filter = PHASE_FILTER_ONE;
      self->phase_filter_id = g_strdup (rollout_phase_get_id (phase));
    }
  else
    self->phase_filter = PHASE_FILTER_NONE;
  refresh (self);
}

static void
status_filter_cb (RolloutRiskView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter_dropdown);

  if (self->syncing)
    return;
  self->status_filter = selected == GTK_INVALID_LIST_POSITION ? STATUS_FILTER_ACTIVE : (StatusFilter) selected;
  refresh (self);
}

static void
search_changed_cb (RolloutRiskView *self)
{
  refresh (self);
}

static void
search_mode_cb (RolloutRiskView *self)
{
  refresh (self);
  if (!gtk_search_bar_get_search_mode (self->search_bar) && gtk_widget_get_mapped (GTK_WIDGET (self->matrix)))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Enter in the search moves to the first match in the register. */
static void
search_activate_cb (RolloutRiskView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0)
    {
      g_autoptr(RolloutRisk) first = g_list_model_get_item (G_LIST_MODEL (self->sort_model), 0);

      select_risk (self, first);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

/* The matrix and the register share the width (or, in a narrow window,
 * the height) in a ratio that the person sets by moving the handle;
 * opening the editor or resizing the window keeps it. */
static int
paned_size (RolloutRiskView *self)
{
  GtkOrientation orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned));

  return orientation == GTK_ORIENTATION_HORIZONTAL ? gtk_widget_get_width (GTK_WIDGET (self->paned))
                                                   : gtk_widget_get_height (GTK_WIDGET (self->paned));
}

static void
paned_resized_cb (RolloutRiskView *self)
{
  GtkOrientation orientation;
  int size, max = 0;

  if (self->syncing || self->paned == NULL)
    return;
  orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned));
  size = paned_size (self);
  g_object_get (self->paned, "max-position", &max, NULL);
  if (size <= 0 || max <= 0 || max == G_MAXINT)
    return;
  self->placing_paned = TRUE;
  gtk_paned_set_position (self->paned, MIN (max, (int) (size * self->paned_ratio[orientation])));
  self->placing_paned = FALSE;
}

static void
paned_moved_cb (RolloutRiskView *self)
{
  GtkOrientation orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned));
  int size = paned_size (self);

  if (!self->placing_paned && size > 0)
    self->paned_ratio[orientation] = CLAMP ((double) gtk_paned_get_position (self->paned) / size, 0.2, 0.8);
}

/* Narrow windows: the register under the matrix rather than beside it. */
static gboolean
apply_compact_cb (gpointer data)
{
  RolloutRiskView *self = data;
  gboolean compact = gtk_widget_get_width (GTK_WIDGET (self->paned)) < COMPACT_WIDTH;

  self->compact_source = 0;
  if (compact == self->compact)
    return G_SOURCE_REMOVE;
  self->compact = compact;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_queue_resize (GTK_WIDGET (self->paned));
  return G_SOURCE_REMOVE;
}

static void
flap_reveal_cb (RolloutRiskView *self)
{
  set_show_editor (self, adw_flap_get_reveal_flap (self->flap));
}

/* The register ------------------------------------------------------------------- */

static void
bind_cell (Cell *cell)
{
  RolloutRisk *risk = gtk_list_item_get_item (cell->item);
  RolloutRiskView *self = cell->view;

  if (self == NULL || !ROLLOUT_IS_RISK (risk))
    return;

  switch (cell->column)
    {
    case COLUMN_SCORE:
      {
        int score = rollout_risk_get_score (risk);
        const RolloutAssessment *previous = NULL;
        RolloutRiskTrend trend = rollout_risk_get_trend (risk, &previous);
        g_autofree char *text = format_score (score);
        g_autofree char *tip = NULL;

        gtk_label_set_label (cell->label, text);
        set_band_class (GTK_WIDGET (cell->label), rollout_risk_band_for_score (score));
        gtk_label_set_label (cell->mark, trend_mark (trend));
        set_trend_class (GTK_WIDGET (cell->mark), trend);
        if (previous != NULL)
          /* Translators: a risk's trend and the score it is compared with, "Rising from 9" */
          tip = g_strdup_printf (_("%s from %d"), rollout_risk_trend_label (trend),
                                 previous->likelihood * previous->impact);
        else
          tip = g_strdup (rollout_risk_trend_label (trend));
        gtk_widget_set_tooltip_text (GTK_WIDGET (cell->mark), tip);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell->mark), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      }
      break;
    case COLUMN_TITLE:
      gtk_label_set_label (cell->label, risk_label (risk));
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell->label), rollout_risk_get_description (risk));
      break;
    case COLUMN_OWNER:
      gtk_label_set_label (cell->label, rollout_risk_get_owner (risk) != NULL ? rollout_risk_get_owner (risk) : "—");
      break;
    case COLUMN_PHASE:
      {
        const char *name = phase_name (self, risk);

        gtk_label_set_label (cell->label, name != NULL ? name : "—");
        gtk_widget_set_tooltip_text (GTK_WIDGET (cell->label), name);
      }
      break;
    case COLUMN_STATUS:
      gtk_label_set_label (cell->mark, status_mark (rollout_risk_get_status (risk)));
      gtk_label_set_label (cell->label, rollout_risk_status_label (rollout_risk_get_status (risk)));
      break;
    case N_COLUMNS:
    default:
      break;
    }
}

static GdkContentProvider *
cell_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      Cell          *cell)
{
  RolloutRisk *risk = gtk_list_item_get_item (cell->item);

  if (!ROLLOUT_IS_RISK (risk))
    return NULL;
  return gdk_content_provider_new_typed (ROLLOUT_TYPE_RISK, risk);
}

static void
cell_drag_begin_cb (GtkDragSource *source,
                    GdkDrag       *drag,
                    Cell          *cell)
{
  RolloutRisk *risk = gtk_list_item_get_item (cell->item);
  GtkWidget *label;

  if (!ROLLOUT_IS_RISK (risk))
    return;
  label = gtk_label_new (risk_label (risk));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "risk-drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), label);
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  if (cell->view != NULL)
    g_ptr_array_remove_fast (cell->view->cells, cell);
  g_free (cell);
}

/* The status column is as wide as the longest status in the language in
 * use ("Wird gemindert"), whichever statuses the register shows: @label
 * sits in a stack as wide as all of them, which are never shown. */
static GtkWidget *
status_sizer (GtkLabel *label)
{
  static const RolloutRiskStatus statuses[] = {
    ROLLOUT_RISK_STATUS_OPEN, ROLLOUT_RISK_STATUS_MITIGATING,
    ROLLOUT_RISK_STATUS_CLOSED, ROLLOUT_RISK_STATUS_OCCURRED,
  };
  GtkWidget *stack = gtk_stack_new ();

  gtk_stack_set_hhomogeneous (GTK_STACK (stack), TRUE);
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  gtk_stack_add_child (GTK_STACK (stack), GTK_WIDGET (label));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      GtkWidget *sizer = gtk_label_new (rollout_risk_status_label (statuses[i]));

      gtk_accessible_update_state (GTK_ACCESSIBLE (sizer), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_stack_add_child (GTK_STACK (stack), sizer);
    }
  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (label));
  return stack;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RolloutRiskView          *self)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->view = self;
  cell->item = item;
  cell->column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "rollout-column"));
  cell->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  cell->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (cell->label, 0);
  gtk_label_set_ellipsize (cell->label, PANGO_ELLIPSIZE_END);

  switch (cell->column)
    {
    case COLUMN_SCORE:
      gtk_widget_add_css_class (GTK_WIDGET (cell->label), "risk-score");
      gtk_widget_add_css_class (GTK_WIDGET (cell->label), "numeric");
      gtk_widget_set_valign (GTK_WIDGET (cell->label), GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (cell->label, PANGO_ELLIPSIZE_NONE);
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->label));
      cell->mark = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (cell->mark), "risk-trend");
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->mark));
      break;
    case COLUMN_STATUS:
      cell->mark = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (cell->mark), "risk-status-mark");
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->mark));
      gtk_box_append (GTK_BOX (cell->box), status_sizer (cell->label));
      break;
    case COLUMN_TITLE:
    case COLUMN_PHASE:
      /* Long titles and phase names take a second line. */
      gtk_label_set_wrap (cell->label, TRUE);
      gtk_label_set_wrap_mode (cell->label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (cell->label, 2);
      if (cell->column == COLUMN_PHASE)
        {
          gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->label));
          break;
        }
      {
        GtkDragSource *source = gtk_drag_source_new ();

        /* A row dragged onto the matrix re-assesses its risk. */
        gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
        g_signal_connect (source, "prepare", G_CALLBACK (cell_drag_prepare_cb), cell);
        g_signal_connect (source, "drag-begin", G_CALLBACK (cell_drag_begin_cb), cell);
        gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (source));
        gtk_widget_set_hexpand (GTK_WIDGET (cell->label), TRUE);
        gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->label));
      }
      break;
    case COLUMN_OWNER:
    case N_COLUMNS:
    default:
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->label));
      break;
    }
  gtk_list_item_set_child (item, cell->box);
  g_ptr_array_add (self->cells, cell);
  g_object_set_data_full (G_OBJECT (item), "rollout-risk-cell", cell, cell_free);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RolloutRiskView          *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (item), "rollout-risk-cell");

  if (cell != NULL)
    bind_cell (cell);
}

static void
add_column (RolloutRiskView *self,
            Column           column,
            const char      *title,
            int              width,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_risks, NULL, NULL);

  g_object_set_data (G_OBJECT (factory), "rollout-column", GUINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (cell_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, 0);

  /* The sorter finds its view and column through itself. */
  g_object_set_data (G_OBJECT (sorter), "rollout-risk-view", self);
  g_object_set_data (G_OBJECT (sorter), "rollout-column", GUINT_TO_POINTER (column));
  gtk_custom_sorter_set_sort_func (sorter, compare_risks, sorter, NULL);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);

  self->sorters[column] = sorter;
  self->columns[column] = view_column;
}

/* The legend: each band's tint with its name and scores, and under them
 * the trend marks. */
static void
build_legend (RolloutRiskView *self)
{
  static const RolloutRiskTrend trends[] = {
    ROLLOUT_RISK_TREND_RISING, ROLLOUT_RISK_TREND_FALLING, ROLLOUT_RISK_TREND_STEADY,
  };
  GtkWidget *bands = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *marks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_halign (bands, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (marks, GTK_ALIGN_CENTER);
  gtk_box_append (self->legend, bands);
  gtk_box_append (self->legend, marks);

  for (int band = 0; band < ROLLOUT_RISK_N_BANDS; band++)
    {
      /* Translators: a band of the risk matrix and its scores, "High 10–16" */
      g_autofree char *text = g_strdup_printf (C_("risk band legend", "%s %s"), rollout_risk_band_get_label (band),
                                               rollout_risk_band_get_range (band));
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "risk-score");
      gtk_widget_add_css_class (label, "caption");
      set_band_class (label, band);
      gtk_box_append (GTK_BOX (bands), label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (trends); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *mark = gtk_label_new (trend_mark (trends[i]));
      GtkWidget *label = gtk_label_new (rollout_risk_trend_label (trends[i]));

      gtk_widget_add_css_class (mark, "risk-trend");
      set_trend_class (mark, trends[i]);
      gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), mark);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (marks), box);
    }
}

/* Actions ------------------------------------------------------------------------ */

static void
add_risk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_risk (ROLLOUT_RISK_VIEW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_selected (ROLLOUT_RISK_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  edit_selected (ROLLOUT_RISK_VIEW (widget), FALSE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutRiskView *self = ROLLOUT_RISK_VIEW (widget);

  if (g_str_equal (action_name, "risks.move-up"))
    move_selected (self, 1, 0);
  else if (g_str_equal (action_name, "risks.move-down"))
    move_selected (self, -1, 0);
  else if (g_str_equal (action_name, "risks.move-later"))
    move_selected (self, 0, 1);
  else
    move_selected (self, 0, -1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutRiskView *self = ROLLOUT_RISK_VIEW (widget);

  if (self->project == NULL || g_list_model_get_n_items (rollout_project_get_risks (self->project)) == 0)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
hide_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_show_editor (ROLLOUT_RISK_VIEW (widget), FALSE);
}

/* GtkWidget ------------------------------------------------------------------------ */

static void
rollout_risk_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (ROLLOUT_RISK_VIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rollout_risk_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RolloutRiskView *self = ROLLOUT_RISK_VIEW (widget);
  int paned_width;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  /* Sizes cannot change while allocating; switch right after. */
  paned_width = gtk_widget_get_width (GTK_WIDGET (self->paned));
  if (paned_width > 0 && (paned_width < COMPACT_WIDTH) != self->compact && self->compact_source == 0)
    self->compact_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_compact_cb, self, NULL);
}

/* GObject -------------------------------------------------------------------------- */

static void
disconnect_document (RolloutRiskView *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
}

static void
style_dark_cb (RolloutRiskView *self)
{
  update_band_css (self);
}

static void
rollout_risk_view_map (GtkWidget *widget)
{
  rollout_deferred_flush (&ROLLOUT_RISK_VIEW (widget)->refresh);

  GTK_WIDGET_CLASS (rollout_risk_view_parent_class)->map (widget);
}

static void
rollout_risk_view_dispose (GObject *object)
{
  RolloutRiskView *self = ROLLOUT_RISK_VIEW (object);

  /* Taking the register apart changes its selection: nothing follows it
   * any more. */
  self->syncing++;
  rollout_deferred_done (&self->refresh);
  g_clear_handle_id (&self->compact_source, g_source_remove);
  disconnect_document (self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->band_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->band_css));
  g_clear_object (&self->band_css);
  /* List items may outlive the view: they must not reach back into it. */
  if (self->cells != NULL)
    for (guint i = 0; i < self->cells->len; i++)
      ((Cell *) g_ptr_array_index (self->cells, i))->view = NULL;
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_RISK_VIEW);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_clear_object (&self->columns[i]);
      g_clear_object (&self->sorters[i]);
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->search_model);
  g_clear_object (&self->base_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->base_filter);
  g_clear_object (&self->selected);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (rollout_risk_view_parent_class)->dispose (object);
}

static void
rollout_risk_view_finalize (GObject *object)
{
  RolloutRiskView *self = ROLLOUT_RISK_VIEW (object);

  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_free (self->phase_filter_id);
  g_free (self->phases_key);

  G_OBJECT_CLASS (rollout_risk_view_parent_class)->finalize (object);
}

static void
rollout_risk_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RolloutRiskView *self = ROLLOUT_RISK_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SHOW_EDITOR:
      g_value_set_boolean (value, self->show_editor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_risk_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RolloutRiskView *self = ROLLOUT_RISK_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      rollout_risk_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EDITOR:
      set_show_editor (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_risk_view_class_init (RolloutRiskViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_risk_view_dispose;
  object_class->finalize = rollout_risk_view_finalize;
  object_class->get_property = rollout_risk_view_get_property;
  object_class->set_property = rollout_risk_view_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ROLLOUT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_EDITOR] =
    g_param_spec_boolean ("show-editor", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROLLOUT_TYPE_RISK_MATRIX);
  g_type_ensure (ROLLOUT_TYPE_RISK_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-risk-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, status_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, flap);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, editor);
  gtk_widget_class_bind_template_child_full (widget_class, "phase_filter", FALSE,
                                             G_STRUCT_OFFSET (RolloutRiskView, phase_filter_dropdown));
  gtk_widget_class_bind_template_child_full (widget_class, "status_filter", FALSE,
                                             G_STRUCT_OFFSET (RolloutRiskView, status_filter_dropdown));
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, search_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, search_count);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, matrix);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, legend);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, paned);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, register_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutRiskView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, matrix_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_move_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_activate_cb);

  gtk_widget_class_install_action (widget_class, "risks.add-risk", NULL, add_risk_action);
  gtk_widget_class_install_action (widget_class, "risks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "risks.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "risks.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "risks.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "risks.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "risks.move-earlier", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "risks.move-later", NULL, move_action);
  gtk_widget_class_install_property_action (widget_class, "risks.show-editor", "show-editor");
  gtk_widget_class_install_action (widget_class, "risks.hide-editor", NULL, hide_editor_action);

  widget_class->measure = rollout_risk_view_measure;
  widget_class->size_allocate = rollout_risk_view_size_allocate;
  widget_class->map = rollout_risk_view_map;
  gtk_widget_class_set_css_name (widget_class, "risk-view");
}

static void
rollout_risk_view_init (RolloutRiskView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *controller;
  GMenu *section;

  rollout_deferred_init (&self->refresh, GTK_WIDGET (self), (RolloutDeferredFunc) refresh);
  self->status_filter = STATUS_FILTER_ACTIVE;
  self->cells = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->band_css = gtk_css_provider_new ();
  update_band_css (self);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->band_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);

  /* The models: the plan's risks by phase and status (the matrix shows
   * these), then by the search, sorted by the register's columns. */
  self->base_filter = gtk_custom_filter_new (base_filter_func, self, NULL);
  self->base_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->base_filter)));
  self->search_filter = gtk_custom_filter_new (search_filter_func, self, NULL);
  self->search_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->base_model)),
                                                  GTK_FILTER (g_object_ref (self->search_filter)));

  add_column (self, COLUMN_SCORE, _("Score"), 108, FALSE);
  add_column (self, COLUMN_TITLE, _("Risk"), -1, TRUE);
  add_column (self, COLUMN_OWNER, _("Owner"), 112, FALSE);
  add_column (self, COLUMN_PHASE, _("Phase"), 124, FALSE);
  /* As wide as its cells: see status_sizer (). */
  add_column (self, COLUMN_STATUS, _("Status"), -1, FALSE);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->search_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_SCORE], GTK_SORT_DESCENDING);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (register_selected_cb), self,
                           G_CONNECT_SWAPPED);

  rollout_risk_matrix_set_model (self->matrix, G_LIST_MODEL (self->base_model));

  /* The filters. */
  gtk_string_list_append (statuses, _("Active"));
  gtk_string_list_append (statuses, _("All Statuses"));
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_OPEN));
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_MITIGATING));
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_OCCURRED));
  gtk_string_list_append (statuses, rollout_risk_status_label (ROLLOUT_RISK_STATUS_CLOSED));
  gtk_drop_down_set_model (self->status_filter_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (self->status_filter_dropdown, STATUS_FILTER_ACTIVE);
  g_signal_connect_object (self->status_filter_dropdown, "notify::selected", G_CALLBACK (status_filter_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phase_filter_dropdown, "notify::selected", G_CALLBACK (phase_filter_cb), self,
                           G_CONNECT_SWAPPED);
  update_phase_filter (self);

  /* The context menu of a risk in the matrix. */
  self->menu = g_menu_new ();
  section = g_menu_new ();
  g_menu_append (section, _("_Edit"), "risks.edit");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("_Raise Likelihood"), "risks.move-up");
  g_menu_append (section, _("_Lower Likelihood"), "risks.move-down");
  g_menu_append (section, _("Raise _Impact"), "risks.move-later");
  g_menu_append (section, _("Lower I_mpact"), "risks.move-earlier");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("_Delete"), "risks.delete");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  rollout_risk_matrix_set_menu_model (self->matrix, G_MENU_MODEL (self->menu));

  build_legend (self);

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_reveal_cb), self, G_CONNECT_SWAPPED);
  self->paned_ratio[GTK_ORIENTATION_HORIZONTAL] = 0.54;
  self->paned_ratio[GTK_ORIENTATION_VERTICAL] = 0.62;
  g_signal_connect_object (self->paned, "notify::max-position", G_CALLBACK (paned_resized_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paned, "notify::position", G_CALLBACK (paned_moved_cb), self,
                           G_CONNECT_SWAPPED);

  /* Escape in the editor closes it, unless a field or popover takes it. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("risks.hide-editor")));
  gtk_widget_add_controller (GTK_WIDGET (self->editor), controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);

  refresh (self);
}

/* Public API ------------------------------------------------------------------------ */

GtkWidget *
rollout_risk_view_new (void)
{
  return g_object_new (ROLLOUT_TYPE_RISK_VIEW, NULL);
}

/**
 * rollout_risk_view_get_document:
 * @self: a #RolloutRiskView
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
RolloutDocument *
rollout_risk_view_get_document (RolloutRiskView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_VIEW (self), NULL);

  return self->document;
}

/**
 * rollout_risk_view_set_document:
 * @self: a #RolloutRiskView
 * @document: (nullable): the plan to show
 *
 * Shows @document's risks and follows its edits. The filters start again
 * from every active risk of every phase.
 */
void
rollout_risk_view_set_document (RolloutRiskView *self,
                                RolloutDocument *document)
{
  g_return_if_fail (ROLLOUT_IS_RISK_VIEW (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  rollout_risk_editor_set_document (self->editor, NULL);
  disconnect_document (self);
  g_clear_object (&self->selected);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  self->phase_filter = PHASE_FILTER_ALL;
  g_clear_pointer (&self->phase_filter_id, g_free);
  g_clear_pointer (&self->phases_key, g_free);
  self->syncing++;
  gtk_drop_down_set_selected (self->status_filter_dropdown, STATUS_FILTER_ACTIVE);
  self->syncing--;
  self->status_filter = STATUS_FILTER_ACTIVE;

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->project = g_object_ref (rollout_document_get_project (document));
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }
  /* Opening a big plan does not wait for a view that is not shown. */
  gtk_filter_list_model_set_model (self->base_model, NULL);
  if (self->show_editor)
    rollout_risk_editor_set_document (self->editor, document);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    rollout_deferred_mark_stale (&self->refresh);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * rollout_risk_view_get_selected:
 * @self: a #RolloutRiskView
 *
 * Returns: (transfer none) (nullable): the selected risk
 */
RolloutRisk *
rollout_risk_view_get_selected (RolloutRiskView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_VIEW (self), NULL);

  return self->selected;
}

/**
 * rollout_risk_view_select:
 * @self: a #RolloutRiskView
 * @risk: (nullable): a risk of the plan
 *
 * Selects @risk in the matrix and the register.
 */
void
rollout_risk_view_select (RolloutRiskView *self,
                          RolloutRisk     *risk)
{
  g_return_if_fail (ROLLOUT_IS_RISK_VIEW (self));
  g_return_if_fail (risk == NULL || ROLLOUT_IS_RISK (risk));

  rollout_deferred_flush (&self->refresh);
  select_risk (self, risk);
}

/**
 * rollout_risk_view_get_matrix:
 * @self: a #RolloutRiskView
 *
 * Returns: (transfer none): the matrix
 */
RolloutRiskMatrix *
rollout_risk_view_get_matrix (RolloutRiskView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_VIEW (self), NULL);

  rollout_deferred_flush (&self->refresh);
  return self->matrix;
}

/**
 * rollout_risk_view_get_register:
 * @self: a #RolloutRiskView
 *
 * Returns: (transfer none): the risks of the register, filtered and in
 *   their sorted order
 */
GListModel *
rollout_risk_view_get_register (RolloutRiskView *self)
{
  g_return_val_if_fail (ROLLOUT_IS_RISK_VIEW (self), NULL);

  rollout_deferred_flush (&self->refresh);
  return G_LIST_MODEL (self->sort_model);
}
