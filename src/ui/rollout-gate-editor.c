/* rollout-gate-editor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Defines a phase's go/no-go gate: its metric criteria (a metric, how it
 * compares with a threshold, and whether the latest sample or a mean
 * counts), the teams that must sign off, and the highest risk score left
 * open.
 *
 * The dialog edits a copy of the gate (the draft) and nothing else: Save
 * hands the whole draft back as one command, so a session here is one
 * undo step, and Cancel or Escape leave the plan as it was. Every change
 * checks the draft (rollout_gate_check() in core, and the thresholds as
 * typed): a problem is said on the row it is about, with an icon, and
 * keeps Save off. The verdict at the top is what the phase's card will
 * show after saving, worked out from the draft.
 *
 * Each criterion is an expander row, its row titled by the metric and
 * subtitled by the comparison, so a gate of several criteria reads at a
 * glance; new criteria and those with problems open.
 */

#define G_LOG_DOMAIN "rollout-gate-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-gate-edit.h"
#include "rollout-gate-editor.h"
#include "rollout-gates.h"

/* The choices of the comparison row, in order. */
static const RolloutComparison comparisons[] = {
  ROLLOUT_COMPARISON_GE,
  ROLLOUT_COMPARISON_LE,
  ROLLOUT_COMPARISON_GT,
  ROLLOUT_COMPARISON_LT,
  ROLLOUT_COMPARISON_EQ,
  ROLLOUT_COMPARISON_NE,
};

/* The choices of the "value compared" row. */
typedef enum {
  CHOICE_LATEST,
  CHOICE_MEAN_WINDOW,
  CHOICE_MEAN_ALL,
} AggregateChoice;

#define DEFAULT_WINDOW_DAYS 7

typedef struct _Criterion Criterion;

struct _RolloutGateEditor
{
  AdwWindow          parent_instance;

  GtkWidget         *source;       /* weak: where the toast goes */
  RolloutDocument   *document;
  RolloutPhase      *phase;
  RolloutGate       *draft;
  GPtrArray         *criteria;     /* Criterion, in the draft's order; owned by their rows */
  GPtrArray         *signoff_rows; /* AdwActionRow, team id as "team-id" */
  GtkStringList     *metric_names;
  GtkStringList     *comparison_names;
  GtkStringList     *aggregate_names;
  guint              updating;
  gboolean           valid;

  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  AdwPreferencesPage *page;
  AdwActionRow      *verdict_row;
  GtkLabel          *verdict_label;
  AdwPreferencesGroup *metrics_group;
  GtkWidget         *add_button;
  AdwActionRow      *no_criteria_row;
  AdwPreferencesGroup *signoffs_group;
  AdwActionRow      *risk_row;
  GtkSpinButton     *risk_spin;
  GtkSwitch         *risk_switch;
};

struct _Criterion
{
  RolloutGateEditor *editor;
  RolloutGateMetric *gm;             /* the draft's */
  char              *threshold_error;
  AdwExpanderRow    *row;
  GtkWidget         *problem_icon;
  AdwComboRow       *metric_row;
  AdwComboRow       *comparison_row;
  AdwEntryRow       *threshold_row;
  AdwComboRow       *aggregate_row;
  AdwActionRow      *days_row;
  GtkSpinButton     *days_spin;
  GtkWidget         *remove_button;
};

G_DEFINE_FINAL_TYPE (RolloutGateEditor, rollout_gate_editor, ADW_TYPE_WINDOW)

static void refresh (RolloutGateEditor *self);

/* Helpers ------------------------------------------------------------------ */

static RolloutProject *
get_project (RolloutGateEditor *self)
{
  return rollout_document_get_project (self->document);
}

static const char *
phase_name (RolloutPhase *phase)
{
  return rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase);
}

static const char *
metric_name (RolloutMetric *metric)
{
  return rollout_metric_get_name (metric) != NULL ? rollout_metric_get_name (metric) : rollout_metric_get_id (metric);
}

static void
criterion_free (Criterion *criterion)
{
  g_free (criterion->threshold_error);
  g_free (criterion);
}

static int
criterion_index (Criterion *criterion)
{
  guint index;

  if (!g_ptr_array_find (criterion->editor->criteria, criterion, &index))
    return -1;
  return index;
}

static RolloutMetric *
criterion_metric (Criterion *criterion)
{
  if (criterion->gm->metric_id == NULL)
    return NULL;
  return rollout_project_lookup_metric (get_project (criterion->editor), criterion->gm->metric_id);
}

static AggregateChoice
aggregate_choice (const RolloutGateMetric *gm)
{
  if (gm->aggregate == ROLLOUT_AGGREGATE_LATEST)
    return CHOICE_LATEST;
  return gm->window_days > 0 ? CHOICE_MEAN_WINDOW : CHOICE_MEAN_ALL;
}

static guint
comparison_position (RolloutComparison comparison)
{
  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    if (comparisons[i] == comparison)
      return i;
  return 0;
}

static void
set_error_style (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* "Threshold (%)": the metric's unit, when it has one. */
static void
update_threshold_title (Criterion *criterion)
{
  RolloutMetric *metric = criterion_metric (criterion);
  const char *unit = metric != NULL ? rollout_metric_get_unit (metric) : NULL;
  g_autofree char *title = NULL;

  if (unit != NULL && *unit != '\0')
    /* Translators: a field's title; the unit of a metric, "Threshold (%)" */
    title = g_strdup_printf (_("Threshold (%s)"), unit);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criterion->threshold_row),
                                 title != NULL ? title : _("Threshold"));
}

/* Reads the threshold as typed into the draft, or keeps why it cannot. */
static void
read_threshold (Criterion *criterion)
{
  RolloutMetric *metric = criterion_metric (criterion);
  g_autoptr(GError) error = NULL;
  double value;

  g_clear_pointer (&criterion->threshold_error, g_free);
  if (rollout_gate_parse_threshold (gtk_editable_get_text (GTK_EDITABLE (criterion->threshold_row)),
                                    metric != NULL ? rollout_metric_get_unit (metric) : NULL,
                                    &value, &error))
    criterion->gm->threshold = value;
  else
    criterion->threshold_error = g_strdup (error->message);
}

/* Criterion rows ----------------------------------------------------------- */

static void
metric_selected_cb (Criterion *criterion)
{
  RolloutGateEditor *self = criterion->editor;
  guint selected = adw_combo_row_get_selected (criterion->metric_row);
  GListModel *metrics = rollout_project_get_metrics (get_project (self));
  g_autoptr(RolloutMetric) metric = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected >= g_list_model_get_n_items (metrics))
    return;
  metric = g_list_model_get_item (metrics, selected);
  g_free (criterion->gm->metric_id);
  criterion->gm->metric_id = g_strdup (rollout_metric_get_id (metric));
  update_threshold_title (criterion);
  /* The unit may now read differently after the number. */
  read_threshold (criterion);
  refresh (self);
}

static void
comparison_selected_cb (Criterion *criterion)
{
  guint selected = adw_combo_row_get_selected (criterion->comparison_row);

  if (criterion->editor->updating || selected >= G_N_ELEMENTS (comparisons))
    return;
  criterion->gm->comparison = comparisons[selected];
  refresh (criterion->editor);
}

static void
threshold_changed_cb (Criterion *criterion)
{
  if (criterion->editor->updating)
    return;
  read_threshold (criterion);
  refresh (criterion->editor);
}

static void
aggregate_selected_cb (Criterion *criterion)
{
  AggregateChoice choice = adw_combo_row_get_selected (criterion->aggregate_row);

  if (criterion->editor->updating)
    return;
  switch (choice)
    {
    case CHOICE_LATEST:
      criterion->gm->aggregate = ROLLOUT_AGGREGATE_LATEST;
      criterion->gm->window_days = 0;
      break;
    case CHOICE_MEAN_WINDOW:
      criterion->gm->aggregate = ROLLOUT_AGGREGATE_MEAN;
      criterion->gm->window_days = gtk_spin_button_get_value_as_int (criterion->days_spin);
      break;
    case CHOICE_MEAN_ALL:
      criterion->gm->aggregate = ROLLOUT_AGGREGATE_MEAN;
      criterion->gm->window_days = 0;
      break;
    default:
      return;
    }
  refresh (criterion->editor);
}

static void
days_changed_cb (Criterion *criterion)
{
  if (criterion->editor->updating || aggregate_choice (criterion->gm) != CHOICE_MEAN_WINDOW)
    return;
  criterion->gm->window_days = gtk_spin_button_get_value_as_int (criterion->days_spin);
  refresh (criterion->editor);
}

static void
remove_clicked_cb (Criterion *criterion)
{
  RolloutGateEditor *self = criterion->editor;
  int index = criterion_index (criterion);
  GtkWidget *next_focus;

  if (index < 0)
    return;
  /* The focus goes to the next criterion, or the one before, or Add. */
  if ((guint) index + 1 < self->criteria->len)
    next_focus = GTK_WIDGET (((Criterion *) g_ptr_array_index (self->criteria, index + 1))->row);
  else if (index > 0)
    next_focus = GTK_WIDGET (((Criterion *) g_ptr_array_index (self->criteria, index - 1))->row);
  else
    next_focus = self->add_button;

  g_ptr_array_remove_index (self->criteria, index);
  g_ptr_array_remove_index (self->draft->metrics, index);
  /* Frees @criterion with its row. */
  adw_preferences_group_remove (self->metrics_group, GTK_WIDGET (criterion->row));
  refresh (self);
  gtk_widget_grab_focus (next_focus);
}

static void
add_criterion_row (RolloutGateEditor *self,
                   RolloutGateMetric *gm,
                   gboolean           expanded)
{
  RolloutProject *project = get_project (self);
  Criterion *criterion = g_new0 (Criterion, 1);
  g_autofree char *threshold = rollout_gate_format_threshold (gm->threshold);
  RolloutMetric *metric;

  criterion->editor = self;
  criterion->gm = gm;
  self->updating++;

  criterion->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (criterion->row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (criterion->row), "gate-criterion");
  g_object_set_data_full (G_OBJECT (criterion->row), "criterion", criterion, (GDestroyNotify) criterion_free);

  criterion->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (criterion->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (criterion->remove_button, "flat");
  gtk_widget_set_tooltip_text (criterion->remove_button, _("Remove Criterion"));
  g_signal_connect_swapped (criterion->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), criterion);
  adw_expander_row_add_action (criterion->row, criterion->remove_button);

  /* Among the actions, before Remove (they are added at the start): a
   * prefix would take room even while hidden. */
  criterion->problem_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (criterion->problem_icon, "error");
  gtk_widget_set_visible (criterion->problem_icon, FALSE);
  adw_expander_row_add_action (criterion->row, criterion->problem_icon);

  criterion->metric_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criterion->metric_row), _("Metric"));
  adw_combo_row_set_model (criterion->metric_row, G_LIST_MODEL (self->metric_names));
  metric = criterion_metric (criterion);
  adw_combo_row_set_selected (criterion->metric_row,
                              metric != NULL ? (guint) rollout_project_index_of (project, metric)
                                             : GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (criterion->metric_row, "notify::selected", G_CALLBACK (metric_selected_cb), criterion);
  adw_expander_row_add_row (criterion->row, GTK_WIDGET (criterion->metric_row));

  criterion->comparison_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criterion->comparison_row), _("Comparison"));
  adw_combo_row_set_model (criterion->comparison_row, G_LIST_MODEL (self->comparison_names));
  adw_combo_row_set_selected (criterion->comparison_row, comparison_position (gm->comparison));
  g_signal_connect_swapped (criterion->comparison_row, "notify::selected", G_CALLBACK (comparison_selected_cb), criterion);
  adw_expander_row_add_row (criterion->row, GTK_WIDGET (criterion->comparison_row));

  criterion->threshold_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (criterion->threshold_row), FALSE);
  adw_entry_row_set_activates_default (criterion->threshold_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (criterion->threshold_row), threshold);
  update_threshold_title (criterion);
  g_signal_connect_swapped (criterion->threshold_row, "changed", G_CALLBACK (threshold_changed_cb), criterion);
  adw_expander_row_add_row (criterion->row, GTK_WIDGET (criterion->threshold_row));

  criterion->aggregate_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criterion->aggregate_row), _("Value Compared"));
  adw_combo_row_set_model (criterion->aggregate_row, G_LIST_MODEL (self->aggregate_names));
  adw_combo_row_set_selected (criterion->aggregate_row, aggregate_choice (gm));
  g_signal_connect_swapped (criterion->aggregate_row, "notify::selected", G_CALLBACK (aggregate_selected_cb), criterion);
  adw_expander_row_add_row (criterion->row, GTK_WIDGET (criterion->aggregate_row));

  criterion->days_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criterion->days_row), _("Days"));
  adw_action_row_set_subtitle (criterion->days_row, _("Counted back from the latest sample’s day"));
  criterion->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, ROLLOUT_GATE_MAX_WINDOW_DAYS, 1));
  gtk_spin_button_set_numeric (criterion->days_spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (criterion->days_spin), GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (criterion->days_spin,
                             gm->window_days > 0 ? MIN (gm->window_days, ROLLOUT_GATE_MAX_WINDOW_DAYS)
                                                 : DEFAULT_WINDOW_DAYS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (criterion->days_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Days"), -1);
  g_signal_connect_swapped (criterion->days_spin, "value-changed", G_CALLBACK (days_changed_cb), criterion);
  adw_action_row_add_suffix (criterion->days_row, GTK_WIDGET (criterion->days_spin));
  adw_action_row_set_activatable_widget (criterion->days_row, GTK_WIDGET (criterion->days_spin));
  adw_expander_row_add_row (criterion->row, GTK_WIDGET (criterion->days_row));

  adw_expander_row_set_expanded (criterion->row, expanded);
  adw_preferences_group_add (self->metrics_group, GTK_WIDGET (criterion->row));
  g_ptr_array_add (self->criteria, criterion);
  read_threshold (criterion);
  self->updating--;
}

/* How a criterion reads on its row: "≥ 180 · mean of the last 7 days". */
static char *
describe_criterion (Criterion *criterion)
{
  RolloutMetric *metric = criterion_metric (criterion);
  const char *unit = metric != NULL ? rollout_metric_get_unit (metric) : NULL;
  g_autofree char *threshold = rollout_gate_format_threshold (criterion->gm->threshold);
  g_autofree char *how = rollout_gate_metric_describe_aggregate (criterion->gm);

  /* Translators: a gate criterion under its metric's name: a comparison
   * sign, the threshold and its unit, and which value is compared:
   * "≥ 180 reservations · mean of the last 7 days" */
  return g_strdup_printf (_("%s %s%s%s · %s"), rollout_comparison_get_symbol (criterion->gm->comparison),
                          threshold, unit != NULL && *unit != '\0' && g_unichar_isalpha (g_utf8_get_char (unit)) ? " " : "",
                          unit != NULL ? unit : "", how);
}

static void
show_criterion (Criterion *criterion,
                GPtrArray *problems)
{
  int index = criterion_index (criterion);
  RolloutMetric *metric = criterion_metric (criterion);
  g_autofree char *summary = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *description = NULL;
  const char *problem = criterion->threshold_error;
  gboolean threshold_wrong = criterion->threshold_error != NULL;
  gboolean metric_wrong = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      RolloutGateProblem *p = g_ptr_array_index (problems, i);

      if (p->index != index || p->kind == ROLLOUT_GATE_PROBLEM_SIGNOFF || p->kind == ROLLOUT_GATE_PROBLEM_RISK)
        continue;
      if (problem == NULL)
        problem = p->message;
      threshold_wrong |= p->kind == ROLLOUT_GATE_PROBLEM_THRESHOLD;
      metric_wrong |= p->kind == ROLLOUT_GATE_PROBLEM_METRIC;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criterion->row),
                                 metric != NULL ? metric_name (metric) : _("Choose a Metric"));
  summary = problem == NULL ? describe_criterion (criterion) : NULL;
  adw_expander_row_set_subtitle (criterion->row, problem != NULL ? problem : summary);
  gtk_widget_set_visible (criterion->problem_icon, problem != NULL);
  gtk_widget_set_tooltip_text (criterion->problem_icon, problem);
  gtk_accessible_update_property (GTK_ACCESSIBLE (criterion->problem_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, problem != NULL ? problem : "", -1);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (criterion->row), "gate-problem");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (criterion->row), "gate-problem");
  set_error_style (GTK_WIDGET (criterion->threshold_row), threshold_wrong);
  set_error_style (GTK_WIDGET (criterion->metric_row), metric_wrong);
  gtk_widget_set_visible (GTK_WIDGET (criterion->days_row), aggregate_choice (criterion->gm) == CHOICE_MEAN_WINDOW);

  description = rollout_gate_metric_describe (criterion->gm, metric);
  /* Translators: a button's name for assistive technologies; a criterion,
   * "Remove “No-show rate ≤ 10% (latest sample)”" */
  remove_label = g_strdup_printf (_("Remove “%s”"), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (criterion->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

/* Sign-off rows ------------------------------------------------------------ */

static void
signoff_toggled_cb (GtkSwitch         *toggle,
                    GParamSpec        *pspec,
                    RolloutGateEditor *self)
{
  const char *team_id = g_object_get_data (G_OBJECT (toggle), "team-id");

  if (self->updating)
    return;
  rollout_gate_set_signoff_required (self->draft, team_id, gtk_switch_get_active (toggle));
  refresh (self);
}

/* Whether, and by whom, @team_id signed @phase off. */
static char *
describe_signoff (RolloutPhase *phase,
                  const char   *team_id)
{
  GPtrArray *signoffs = rollout_phase_get_signoffs (phase);

  for (guint i = 0; signoffs != NULL && i < signoffs->len; i++)
    {
      const RolloutSignoff *signoff = g_ptr_array_index (signoffs, i);
      g_autofree char *day = NULL;

      if (g_strcmp0 (signoff->team_id, team_id) != 0)
        continue;
      if (signoff->date == ROLLOUT_DATE_NONE)
        return signoff->by != NULL
               /* Translators: who signed a phase off */
               ? g_strdup_printf (_("Signed off by %s"), signoff->by)
               : g_strdup (_("Signed off"));
      day = rollout_format_date (signoff->date);
      return signoff->by != NULL
             /* Translators: who signed a phase off, and the day */
             ? g_strdup_printf (_("Signed off by %s on %s"), signoff->by, day)
             /* Translators: the day a phase was signed off */
             : g_strdup_printf (_("Signed off on %s"), day);
    }
  return g_strdup (_("Not signed off yet"));
}

static void
add_signoff_row (RolloutGateEditor *self,
                 const char        *team_id,
                 RolloutTeam       *team)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  const char *name = team != NULL && rollout_team_get_name (team) != NULL ? rollout_team_get_name (team) : team_id;
  g_autofree char *subtitle = describe_signoff (self->phase, team_id);
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), rollout_gate_requires_signoff (self->draft, team_id));
  /* Translators: a switch's name for assistive technologies; a team */
  label = g_strdup_printf (_("Require sign-off from %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (toggle), "team-id", g_strdup (team_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "team-id", g_strdup (team_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "subtitle", g_steal_pointer (&subtitle), g_free);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (signoff_toggled_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (self->signoffs_group, row);
  g_ptr_array_add (self->signoff_rows, row);
}

static void
fill_signoffs (RolloutGateEditor *self)
{
  RolloutProject *project = get_project (self);
  GListModel *teams = rollout_project_get_teams (project);
  guint n = g_list_model_get_n_items (teams);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);

      add_signoff_row (self, rollout_team_get_id (team), team);
    }
  /* A team the plan no longer has, still required: shown, to switch off. */
  for (guint i = 0; self->draft->required_signoffs[i] != NULL; i++)
    if (rollout_project_lookup_team (project, self->draft->required_signoffs[i]) == NULL)
      {
        gboolean shown = FALSE;

        for (guint k = 0; k < i && !shown; k++)
          shown = g_strcmp0 (self->draft->required_signoffs[k], self->draft->required_signoffs[i]) == 0;
        if (!shown)
          add_signoff_row (self, self->draft->required_signoffs[i], NULL);
      }
  if (self->signoff_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The plan has no teams"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->signoffs_group, row);
    }
}

static void
show_signoffs (RolloutGateEditor *self,
               GPtrArray         *problems)
{
  for (guint i = 0; i < self->signoff_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->signoff_rows, i);
      const char *team_id = g_object_get_data (G_OBJECT (row), "team-id");
      const char *problem = NULL;

      for (guint k = 0; k < problems->len && problem == NULL; k++)
        {
          RolloutGateProblem *p = g_ptr_array_index (problems, k);

          if (p->kind == ROLLOUT_GATE_PROBLEM_SIGNOFF &&
              g_strcmp0 (self->draft->required_signoffs[p->index], team_id) == 0)
            problem = p->message;
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   problem != NULL ? problem : g_object_get_data (G_OBJECT (row), "subtitle"));
      set_error_style (row, problem != NULL);
    }
}

/* Risks -------------------------------------------------------------------- */

static void
risk_changed_cb (RolloutGateEditor *self)
{
  gboolean on = gtk_switch_get_active (self->risk_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->risk_spin), on);
  if (self->updating)
    return;
  self->draft->max_open_risk_score = on ? gtk_spin_button_get_value_as_int (self->risk_spin) : 0;
  refresh (self);
}

/* The verdict -------------------------------------------------------------- */

static void
show_verdict (RolloutGateEditor *self)
{
  static const char * const verdict_classes[] = { "none", "go", "no-go", "pending" };
  g_autoptr(RolloutGateEvaluation) evaluation = NULL;
  g_auto(GStrv) reasons = NULL;
  g_autofree char *more = NULL;
  const char *title;
  guint n_reasons;

  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), verdict_classes[i]);

  if (!self->valid)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->verdict_row),
                                     _("Correct the criteria marked below to see the verdict"));
      adw_action_row_set_subtitle (self->verdict_row, NULL);
      return;
    }

  evaluation = rollout_gates_evaluate_gate (get_project (self), self->phase, self->draft);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), TRUE);
  gtk_label_set_text (self->verdict_label, rollout_verdict_get_label (evaluation->verdict));
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), verdict_classes[evaluation->verdict]);

  reasons = rollout_gate_evaluation_dup_reasons (evaluation);
  n_reasons = g_strv_length (reasons);
  switch (evaluation->verdict)
    {
    case ROLLOUT_VERDICT_GO:
      title = _("Every criterion is met");
      break;
    case ROLLOUT_VERDICT_NONE:
      title = _("Without criteria the phase gets no verdict");
      break;
    case ROLLOUT_VERDICT_NO_GO:
    case ROLLOUT_VERDICT_PENDING:
    default:
      title = n_reasons > 0 ? reasons[0] : evaluation->summary;
      if (n_reasons > 1)
        more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more", n_reasons - 1),
                                n_reasons - 1);
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->verdict_row), title);
  adw_action_row_set_subtitle (self->verdict_row, more);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, evaluation->summary, -1);
}

/* Everything after a change. */
static void
refresh (RolloutGateEditor *self)
{
  g_autoptr(GPtrArray) problems = rollout_gate_check (get_project (self), self->draft);
  gboolean thresholds_ok = TRUE;
  guint n_metrics = g_list_model_get_n_items (rollout_project_get_metrics (get_project (self)));

  self->updating++;
  for (guint i = 0; i < self->criteria->len; i++)
    {
      Criterion *criterion = g_ptr_array_index (self->criteria, i);

      thresholds_ok &= criterion->threshold_error == NULL;
      show_criterion (criterion, problems);
    }
  show_signoffs (self, problems);
  self->valid = thresholds_ok && problems->len == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gate.save", self->valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gate.add-criterion", n_metrics > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_criteria_row), self->criteria->len == 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_criteria_row),
                                 n_metrics > 0 ? _("No metric criteria")
                                               : _("The plan has no metrics yet: define them on the Monitor’s Metrics page"));
  show_verdict (self);
  self->updating--;
}

/* Actions ------------------------------------------------------------------ */

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RolloutGateEditor *self = ROLLOUT_GATE_EDITOR (widget);
  RolloutGateMetric *gm = rollout_gate_metric_suggest (get_project (self), self->draft);
  Criterion *criterion;

  if (gm == NULL)
    return;
  g_ptr_array_add (self->draft->metrics, gm);
  add_criterion_row (self, gm, TRUE);
  refresh (self);
  criterion = g_ptr_array_index (self->criteria, self->criteria->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (criterion->threshold_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutGateEditor *self = ROLLOUT_GATE_EDITOR (widget);
  RolloutProject *project = get_project (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RolloutCommand *command;

  refresh (self);
  if (!self->valid)
    return;
  /* Nothing changed, nothing to undo. The phase may also have left the
   * plan behind the dialog's back (a file reloaded). */
  if (rollout_project_index_of (project, self->phase) < 0 ||
      rollout_gate_equal (self->draft, rollout_phase_get_gate (self->phase)))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  command = rollout_gates_new_set_gate (project, self->phase, self->draft, &error);
  if (command == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->verdict_row), error->message);
      return;
    }
  /* Translators: a toast; the name of a phase */
  title = g_strdup_printf (_("Changed the gate of ‘%s’"), phase_name (self->phase));
  rollout_edit_run_undoable (self->source != NULL ? self->source : widget, self->document, command, title);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject ------------------------------------------------------------------ */

static void
rollout_gate_editor_dispose (GObject *object)
{
  RolloutGateEditor *self = ROLLOUT_GATE_EDITOR (object);

  g_clear_weak_pointer (&self->source);
  /* The rows go with the window; their criteria with them. */
  if (self->criteria != NULL)
    g_ptr_array_set_size (self->criteria, 0);

  G_OBJECT_CLASS (rollout_gate_editor_parent_class)->dispose (object);
}

static void
rollout_gate_editor_finalize (GObject *object)
{
  RolloutGateEditor *self = ROLLOUT_GATE_EDITOR (object);

  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->signoff_rows, g_ptr_array_unref);
  g_clear_pointer (&self->draft, rollout_gate_free);
  g_clear_object (&self->metric_names);
  g_clear_object (&self->comparison_names);
  g_clear_object (&self->aggregate_names);
  g_clear_object (&self->phase);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rollout_gate_editor_parent_class)->finalize (object);
}

static void
rollout_gate_editor_class_init (RolloutGateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_gate_editor_dispose;
  object_class->finalize = rollout_gate_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-gate-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, page);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, metrics_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, no_criteria_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, signoffs_group);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, risk_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, risk_spin);
  gtk_widget_class_bind_template_child (widget_class, RolloutGateEditor, risk_switch);

  gtk_widget_class_install_action (widget_class, "gate.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "gate.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rollout_gate_editor_init (RolloutGateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->criteria = g_ptr_array_new ();
  self->signoff_rows = g_ptr_array_new ();
  self->comparison_names = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    {
      /* Translators: a choice of comparison: its sign and its words, "≥ at least" */
      g_autofree char *text = g_strdup_printf (_("%s %s"), rollout_comparison_get_symbol (comparisons[i]),
                                               rollout_comparison_get_label (comparisons[i]));

      gtk_string_list_append (self->comparison_names, text);
    }
  /* In the order of AggregateChoice */
  self->aggregate_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->aggregate_names, _("Latest sample"));
  gtk_string_list_append (self->aggregate_names, _("Mean over the last days"));
  gtk_string_list_append (self->aggregate_names, _("Mean of every sample in the phase"));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_signal_connect_swapped (self->risk_switch, "notify::active", G_CALLBACK (risk_changed_cb), self);
  g_signal_connect_swapped (self->risk_spin, "value-changed", G_CALLBACK (risk_changed_cb), self);
}

/* Public API --------------------------------------------------------------- */

/**
 * rollout_gate_editor_new:
 * @source: the widget the edit comes from, for the Undo toast; its window
 *   is the dialog's parent
 * @document: the plan
 * @phase: the phase whose gate to edit
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
rollout_gate_editor_new (GtkWidget       *source,
                         RolloutDocument *document,
                         RolloutPhase    *phase)
{
  RolloutGateEditor *self;
  RolloutProject *project;
  const RolloutGate *gate;
  GListModel *metrics;
  g_autofree char *title = NULL;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (source), NULL);
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), NULL);

  self = g_object_new (ROLLOUT_TYPE_GATE_EDITOR, NULL);
  g_set_weak_pointer (&self->source, source);
  self->document = g_object_ref (document);
  self->phase = g_object_ref (phase);
  project = rollout_document_get_project (document);
  root = gtk_widget_get_root (source);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  /* Translators: the title of a dialog; the name of a phase */
  title = g_strdup_printf (_("Gate of ‘%s’"), phase_name (phase));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, phase_name (phase));

  gate = rollout_phase_get_gate (phase);
  self->draft = gate != NULL ? rollout_gate_copy (gate) : rollout_gate_new ();

  self->metric_names = gtk_string_list_new (NULL);
  metrics = rollout_project_get_metrics (project);
  for (guint i = 0, n = g_list_model_get_n_items (metrics); i < n; i++)
    {
      g_autoptr(RolloutMetric) metric = g_list_model_get_item (metrics, i);

      gtk_string_list_append (self->metric_names, metric_name (metric));
    }

  for (guint i = 0; i < self->draft->metrics->len; i++)
    add_criterion_row (self, g_ptr_array_index (self->draft->metrics, i), FALSE);
  fill_signoffs (self);

  self->updating++;
  gtk_spin_button_set_value (self->risk_spin,
                             self->draft->max_open_risk_score > 0 ? self->draft->max_open_risk_score : 15);
  gtk_switch_set_active (self->risk_switch, self->draft->max_open_risk_score > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->risk_spin), self->draft->max_open_risk_score > 0);
  self->updating--;

  refresh (self);
  /* What is wrong shows open. */
  for (guint i = 0; i < self->criteria->len; i++)
    {
      Criterion *criterion = g_ptr_array_index (self->criteria, i);

      if (gtk_widget_get_visible (criterion->problem_icon))
        adw_expander_row_set_expanded (criterion->row, TRUE);
    }
  return GTK_WIDGET (self);
}

/**
 * rollout_gate_editor_open:
 * @source: the widget the edit comes from
 * @document: the plan
 * @phase: the phase whose gate to edit
 *
 * Makes the dialog (see rollout_gate_editor_new()) and presents it.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
rollout_gate_editor_open (GtkWidget       *source,
                          RolloutDocument *document,
                          RolloutPhase    *phase)
{
  GtkWidget *dialog = rollout_gate_editor_new (source, document, phase);

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * rollout_gate_editor_open_by_id:
 * @source: the widget the edit comes from
 * @document: (nullable): the plan
 * @phase_id: the id of the phase whose gate to edit, as actions carry it
 *
 * Opens the dialog on @document's phase @phase_id, when there is one.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
rollout_gate_editor_open_by_id (GtkWidget       *source,
                                RolloutDocument *document,
                                const char      *phase_id)
{
  RolloutPhase *phase;

  g_return_val_if_fail (GTK_IS_WIDGET (source), NULL);
  g_return_val_if_fail (phase_id != NULL, NULL);

  if (document == NULL)
    return NULL;
  phase = rollout_project_lookup_phase (rollout_document_get_project (document), phase_id);
  return phase != NULL ? rollout_gate_editor_open (source, document, phase) : NULL;
}

/**
 * rollout_gate_editor_get_phase:
 * @self: a #RolloutGateEditor
 *
 * Returns: (transfer none): the phase whose gate is edited
 */
RolloutPhase *
rollout_gate_editor_get_phase (RolloutGateEditor *self)
{
  g_return_val_if_fail (ROLLOUT_IS_GATE_EDITOR (self), NULL);

  return self->phase;
}

/**
 * rollout_gate_editor_get_draft:
 * @self: a #RolloutGateEditor
 *
 * Returns: (transfer none): the gate as edited so far
 */
const RolloutGate *
rollout_gate_editor_get_draft (RolloutGateEditor *self)
{
  g_return_val_if_fail (ROLLOUT_IS_GATE_EDITOR (self), NULL);

  return self->draft;
}

/**
 * rollout_gate_editor_get_valid:
 * @self: a #RolloutGateEditor
 *
 * Returns: whether the gate as edited can be saved
 */
gboolean
rollout_gate_editor_get_valid (RolloutGateEditor *self)
{
  g_return_val_if_fail (ROLLOUT_IS_GATE_EDITOR (self), FALSE);

  return self->valid;
}
