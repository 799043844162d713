/* rollout-monitor-card.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One phase of the roll-out on the Monitor: its name, status, audience and
 * dates, the gate's verdict with what decides it, and — unfolded — a small
 * chart per gate metric, the sign-offs and risk criterion, what people said
 * in the phase and the decisions recorded in it.
 *
 * The card of the phase the roll-out is in carries the decisions as
 * buttons bound to the Monitor view's actions (monitor.start-next-phase
 * and the others), so they are enabled exactly when the view's actions
 * are: "Start Next Phase" only on GO. Every card has "Edit Gate…"
 * (monitor.edit-gate, with the phase's id).
 *
 * Cards are made again from the plan after every change; they hold no
 * state of their own but whether they are unfolded.
 */

#define G_LOG_DOMAIN "rollout-monitor-card"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-format.h"
#include "rollout-monitor.h"
#include "rollout-monitor-card.h"
#include "rollout-monitor-chart.h"

/* Past this many reasons under the header, the rest are counted. */
#define MAX_REASONS 5
#define MAX_TAGS 5
#define MAX_DECISIONS 4

struct _RolloutMonitorCard
{
  GtkWidget        parent_instance;

  RolloutProject        *project;
  RolloutPhase          *phase;
  RolloutGateEvaluation *evaluation;
  RolloutVerdict         verdict;
  /* The unfolded part is made when it is shown: a plan of hundreds of
   * phases folds most of them. */
  gboolean               body_stale;
  /* What the header shows, to skip showing it again unchanged */
  char                  *header_key;

  GtkButton       *expand_button;
  gboolean         expanded;
  GtkLabel        *name_label;
  GtkLabel        *details_label;
  GtkLabel        *status_label;
  GtkLabel        *verdict_label;
  GtkBox          *reasons_box;
  GtkRevealer     *body_revealer;
  GtkFlowBox      *charts_box;
  GtkGrid         *criteria_grid;
  GtkBox          *sentiments_box;
  GtkBox          *tags_box;
  GtkBox          *decisions_box;
  GtkWidget       *gate_button;
  GtkWidget       *actions_box;
  GtkWidget       *rollback_button;
  GtkWidget       *pause_button;
  GtkWidget       *resume_button;
  GtkWidget       *override_button;
  GtkWidget       *start_button;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorCard, rollout_monitor_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers ------------------------------------------------------------------ */

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static void
set_style_class (GtkWidget          *widget,
                 const char * const *classes,
                 const char         *wanted)
{
  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

static const char *
status_label (RolloutPhaseStatus status)
{
  switch (status)
    {
    case ROLLOUT_PHASE_STATUS_PLANNED:
      return _("Planned");
    case ROLLOUT_PHASE_STATUS_ACTIVE:
      return _("Active");
    case ROLLOUT_PHASE_STATUS_PAUSED:
      return _("Paused");
    case ROLLOUT_PHASE_STATUS_COMPLETED:
      return _("Completed");
    case ROLLOUT_PHASE_STATUS_ROLLED_BACK:
      return _("Rolled Back");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
decision_label (RolloutDecisionAction action)
{
  switch (action)
    {
    case ROLLOUT_DECISION_START:
      return _("Started");
    case ROLLOUT_DECISION_OVERRIDE:
      return _("Gate overridden");
    case ROLLOUT_DECISION_PAUSE:
      return _("Paused");
    case ROLLOUT_DECISION_RESUME:
      return _("Resumed");
    case ROLLOUT_DECISION_ROLLBACK:
      return _("Rolled back");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* An icon for how a criterion stands, with the words for those who do not
 * see it. */
static GtkWidget *
result_icon (RolloutCriterionResult result)
{
  const char *icon_name;
  const char *style;
  const char *words;
  GtkWidget *image;

  switch (result)
    {
    case ROLLOUT_CRITERION_PASS:
      icon_name = "object-select-symbolic";
      style = "success";
      words = _("Met");
      break;
    case ROLLOUT_CRITERION_FAIL:
      icon_name = "dialog-error-symbolic";
      style = "error";
      words = _("Failed");
      break;
    case ROLLOUT_CRITERION_MISSING:
      icon_name = "document-open-recent-symbolic";
      style = "warning";
      words = _("Waiting for a sign-off");
      break;
    case ROLLOUT_CRITERION_NO_DATA:
    default:
      icon_name = "document-open-recent-symbolic";
      style = "warning";
      words = _("No data yet");
      break;
    }
  image = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (image, style);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (image, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  return image;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
criterion_row (RolloutCriterionResult  result,
               const char             *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (row), result_icon (result));
  gtk_box_append (GTK_BOX (row), wrapped_label (text, NULL));
  return row;
}

static char *
format_audience (RolloutPhase *phase)
{
  const char * const *regions = rollout_phase_get_regions (phase);
  g_autoptr(GString) text = g_string_new (NULL);
  /* In the locale's digits: "0,5 %" in German. */
  g_autofree char *percent = g_strdup_printf ("%g", rollout_phase_get_audience_percent (phase));

  /* Translators: the share of users a phase reaches, "5%" */
  g_string_append_printf (text, _("%s%%"), percent);
  if (regions != NULL && regions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) regions);

      g_string_append_printf (text, " · %s", joined);
    }
  if (rollout_phase_get_start (phase) != ROLLOUT_DATE_NONE)
    {
      g_autofree char *period = rollout_format_period (rollout_phase_get_start (phase),
                                                       MAX (rollout_phase_get_finish (phase),
                                                            rollout_phase_get_start (phase)));

      g_string_append_printf (text, " · %s", period);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The verdict in a line: how many criteria stand how. */
static char *
format_verdict_line (RolloutGateEvaluation *evaluation)
{
  guint n = evaluation->criteria->len;
  guint failed = rollout_gate_evaluation_count (evaluation, ROLLOUT_CRITERION_FAIL);
  guint open = rollout_gate_evaluation_count (evaluation, ROLLOUT_CRITERION_NO_DATA) +
               rollout_gate_evaluation_count (evaluation, ROLLOUT_CRITERION_MISSING);

  switch (evaluation->verdict)
    {
    case ROLLOUT_VERDICT_GO:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The gate’s criterion is met",
                                           "All %u of the gate’s criteria are met", n), n);
    case ROLLOUT_VERDICT_NO_GO:
      /* Translators: "1 of 8 criteria failed" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u criteria failed",
                                           "%u of %u criteria failed", failed), failed, n);
    case ROLLOUT_VERDICT_PENDING:
      /* Translators: "1 of 8 criteria wait for data or a sign-off" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u criteria waits for data or a sign-off",
                                           "%u of %u criteria wait for data or a sign-off", open), open, n);
    case ROLLOUT_VERDICT_NONE:
    default:
      return g_strdup (_("This phase has no go/no-go criteria"));
    }
}

static void
update_reasons (RolloutMonitorCard    *self,
                RolloutGateEvaluation *evaluation)
{
  g_autofree char *line = format_verdict_line (evaluation);
  GtkWidget *summary = wrapped_label (line, evaluation->verdict == ROLLOUT_VERDICT_NONE ? "dim-label" : "heading");
  guint shown = 0, hidden = 0;

  remove_children (GTK_WIDGET (self->reasons_box));
  gtk_box_append (self->reasons_box, summary);
  if (evaluation->verdict == ROLLOUT_VERDICT_GO || evaluation->verdict == ROLLOUT_VERDICT_NONE)
    return;

  /* What failed first, then what is missing. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < evaluation->criteria->len; i++)
      {
        RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, i);
        gboolean wanted = pass == 0 ? criterion->result == ROLLOUT_CRITERION_FAIL
                                    : (criterion->result == ROLLOUT_CRITERION_NO_DATA ||
                                       criterion->result == ROLLOUT_CRITERION_MISSING);

        if (!wanted)
          continue;
        if (shown == MAX_REASONS)
          {
            hidden++;
            continue;
          }
        gtk_box_append (self->reasons_box, criterion_row (criterion->result, criterion->reason));
        shown++;
      }
  if (hidden > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "…and %u more",
                                                            "…and %u more", hidden), hidden);

      gtk_box_append (self->reasons_box, wrapped_label (more, "dim-label"));
    }
}

static GtkWidget *
chart_tile (RolloutPhase         *phase,
            RolloutGateCriterion *criterion)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name;
  GtkWidget *chart;
  GtkWidget *caption;
  const char *metric_name = criterion->metric != NULL ? rollout_metric_get_name (criterion->metric) : NULL;

  gtk_widget_add_css_class (tile, "monitor-tile");
  gtk_box_append (GTK_BOX (header), result_icon (criterion->result));
  name = gtk_label_new (metric_name != NULL ? metric_name : criterion->gate_metric->metric_id);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  /* Long names must not push the tiles onto more lines. */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
  gtk_widget_set_tooltip_text (name, gtk_label_get_text (GTK_LABEL (name)));
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (tile), header);

  chart = rollout_monitor_chart_new ();
  if (criterion->metric != NULL)
    rollout_monitor_chart_set_data (ROLLOUT_MONITOR_CHART (chart), criterion->metric, phase,
                                    criterion->gate_metric, criterion->result);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, criterion->reason,
                                  -1);
  gtk_box_append (GTK_BOX (tile), chart);

  caption = wrapped_label (criterion->reason, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_lines (GTK_LABEL (caption), 3);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 24);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (caption, criterion->reason);
  gtk_box_append (GTK_BOX (tile), caption);
  return tile;
}

static void
update_criteria (RolloutMonitorCard    *self,
                 RolloutGateEvaluation *evaluation)
{
  guint n_other = 0;

  remove_children (GTK_WIDGET (self->charts_box));
  remove_children (GTK_WIDGET (self->criteria_grid));
  for (guint i = 0; i < evaluation->criteria->len; i++)
    {
      RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, i);

      if (criterion->kind == ROLLOUT_CRITERION_METRIC)
        {
          GtkWidget *tile = chart_tile (self->phase, criterion);

          gtk_flow_box_append (self->charts_box, tile);
          gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);
        }
      else
        {
          gtk_grid_attach (self->criteria_grid, criterion_row (criterion->result, criterion->reason),
                           n_other % 2, n_other / 2, 1, 1);
          n_other++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box), evaluation->criteria->len > n_other);
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_grid), n_other > 0);
}

static void
update_feedback (RolloutMonitorCard *self,
                 RolloutProject     *project)
{
  g_autoptr(RolloutFeedbackSummary) summary = rollout_feedback_summary_new (project, rollout_phase_get_id (self->phase));
  static const struct {
    RolloutSentiment sentiment;
    const char *icon_name;
  } sentiments[] = {
    { ROLLOUT_SENTIMENT_POSITIVE, "face-smile-symbolic" },
    { ROLLOUT_SENTIMENT_NEUTRAL, "face-plain-symbolic" },
    { ROLLOUT_SENTIMENT_NEGATIVE, "face-sad-symbolic" },
  };

  remove_children (GTK_WIDGET (self->sentiments_box));
  remove_children (GTK_WIDGET (self->tags_box));
  if (summary->n_feedback == 0)
    {
      gtk_box_append (self->sentiments_box, wrapped_label (_("Nothing heard from this phase yet"), "dim-label"));
      gtk_widget_set_visible (GTK_WIDGET (self->tags_box), FALSE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sentiments); i++)
    {
      guint count = summary->sentiments[sentiments[i].sentiment];
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = NULL;

      switch (sentiments[i].sentiment)
        {
        case ROLLOUT_SENTIMENT_POSITIVE:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u positive", "%u positive", count), count);
          break;
        case ROLLOUT_SENTIMENT_NEUTRAL:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u neutral", "%u neutral", count), count);
          break;
        case ROLLOUT_SENTIMENT_NEGATIVE:
        default:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u negative", "%u negative", count), count);
          break;
        }
      gtk_box_append (GTK_BOX (item), gtk_image_new_from_icon_name (sentiments[i].icon_name));
      gtk_box_append (GTK_BOX (item), gtk_label_new (text));
      if (count == 0)
        gtk_widget_add_css_class (item, "dim-label");
      gtk_box_append (self->sentiments_box, item);
    }

  for (guint i = 0; i < summary->tags->len && i < MAX_TAGS; i++)
    {
      RolloutTagCount *count = &g_array_index (summary->tags, RolloutTagCount, i);
      g_autofree char *markup = g_markup_printf_escaped ("%s <span alpha=\"60%%\">%u</span>", count->tag, count->count);
      GtkWidget *pill = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (pill), markup);
      gtk_widget_add_css_class (pill, "monitor-tag");
      gtk_box_append (self->tags_box, pill);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), summary->tags->len > 0);
}

static void
update_decisions (RolloutMonitorCard *self)
{
  GPtrArray *decisions = rollout_phase_get_decisions (self->phase);
  guint first = decisions->len > MAX_DECISIONS ? decisions->len - MAX_DECISIONS : 0;

  remove_children (GTK_WIDGET (self->decisions_box));
  if (decisions->len == 0)
    {
      gtk_box_append (self->decisions_box, wrapped_label (_("None recorded yet"), "dim-label"));
      return;
    }
  if (first > 0)
    {
      g_autofree char *earlier = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u earlier decision",
                                                               "%u earlier decisions", first), first);

      gtk_box_append (self->decisions_box, wrapped_label (earlier, "dim-label"));
    }
  for (guint i = first; i < decisions->len; i++)
    {
      RolloutDecision *decision = g_ptr_array_index (decisions, i);
      g_autofree char *day = rollout_format_date (decision->date);
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (decision->by != NULL)
        /* Translators: a recorded decision: what, the day, who */
        markup = g_markup_printf_escaped (_("<b>%s</b> · %s · %s"), decision_label (decision->action), day, decision->by);
      else
        markup = g_markup_printf_escaped ("<b>%s</b> · %s", decision_label (decision->action), day);
      label = wrapped_label (NULL, "numeric");
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_box_append (self->decisions_box, label);
      if (decision->reason != NULL)
        {
          GtkWidget *reason = wrapped_label (decision->reason, "dim-label");

          gtk_widget_set_margin_bottom (reason, 3);
          gtk_box_append (self->decisions_box, reason);
        }
    }
}

static void
update_actions (RolloutMonitorCard     *self,
                RolloutMonitorCardRole  role,
                RolloutPhase           *next)
{
  RolloutPhaseStatus status = rollout_phase_get_status (self->phase);
  gboolean current = role == ROLLOUT_MONITOR_CARD_CURRENT;
  gboolean has_next = next != NULL;

  gtk_widget_set_visible (self->rollback_button, current && (status == ROLLOUT_PHASE_STATUS_ACTIVE ||
                                                             status == ROLLOUT_PHASE_STATUS_PAUSED));
  gtk_widget_set_visible (self->pause_button, current && status == ROLLOUT_PHASE_STATUS_ACTIVE);
  gtk_widget_set_visible (self->resume_button, current && (status == ROLLOUT_PHASE_STATUS_PAUSED ||
                                                           status == ROLLOUT_PHASE_STATUS_ROLLED_BACK));
  gtk_widget_set_visible (self->override_button, current && has_next &&
                                                 status != ROLLOUT_PHASE_STATUS_ROLLED_BACK &&
                                                 self->verdict != ROLLOUT_VERDICT_GO);
  gtk_widget_set_visible (self->start_button, (current && has_next && status != ROLLOUT_PHASE_STATUS_ROLLED_BACK) ||
                                              role == ROLLOUT_MONITOR_CARD_FIRST);
  gtk_button_set_label (GTK_BUTTON (self->start_button),
                        role == ROLLOUT_MONITOR_CARD_FIRST ? _("_Start This Phase") : _("_Start Next Phase"));
  if (role == ROLLOUT_MONITOR_CARD_CURRENT && next != NULL)
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the name of the phase that would start */
      tooltip = g_strdup_printf (_("Start ‘%s’"), rollout_phase_get_name (next));
      gtk_widget_set_tooltip_text (self->start_button, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (self->start_button, NULL);

  /* Every phase's gate can be edited, whatever the roll-out's stage. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->gate_button), "s", rollout_phase_get_id (self->phase));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->gate_button), "monitor.edit-gate");
  gtk_button_set_label (GTK_BUTTON (self->gate_button),
                        self->verdict == ROLLOUT_VERDICT_NONE ? _("Add _Gate…") : _("Edit _Gate…"));

  gtk_widget_set_visible (self->actions_box,
                          gtk_widget_get_visible (self->rollback_button) ||
                          gtk_widget_get_visible (self->resume_button) ||
                          gtk_widget_get_visible (self->start_button));
}

static void
update_body (RolloutMonitorCard *self)
{
  if (self->project == NULL || self->evaluation == NULL)
    return;
  self->body_stale = FALSE;
  update_criteria (self, self->evaluation);
  update_feedback (self, self->project);
  update_decisions (self);
}

static void
show_expanded (RolloutMonitorCard *self)
{
  gboolean expanded = self->expanded;

  if (expanded && self->body_stale)
    update_body (self);

  gtk_revealer_set_reveal_child (self->body_revealer, expanded);
  gtk_button_set_icon_name (self->expand_button, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expand_button), expanded ? _("Hide Details") : _("Show Details"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expand_button), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

static void
expand_clicked_cb (RolloutMonitorCard *self)
{
  rollout_monitor_card_set_expanded (self, !self->expanded);
}

/* GObject ------------------------------------------------------------------ */

static void
rollout_monitor_card_dispose (GObject *object)
{
  RolloutMonitorCard *self = ROLLOUT_MONITOR_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_MONITOR_CARD);
  /* The template's outer box has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->phase);
  g_clear_object (&self->project);
  g_clear_pointer (&self->evaluation, rollout_gate_evaluation_unref);
  g_clear_pointer (&self->header_key, g_free);

  G_OBJECT_CLASS (rollout_monitor_card_parent_class)->dispose (object);
}

static void
rollout_monitor_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RolloutMonitorCard *self = ROLLOUT_MONITOR_CARD (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, rollout_monitor_card_get_expanded (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_monitor_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RolloutMonitorCard *self = ROLLOUT_MONITOR_CARD (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      rollout_monitor_card_set_expanded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_monitor_card_class_init (RolloutMonitorCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_card_dispose;
  object_class->get_property = rollout_monitor_card_get_property;
  object_class->set_property = rollout_monitor_card_set_property;

  properties [PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-monitor-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, expand_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, details_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, body_revealer);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, charts_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, criteria_grid);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, sentiments_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, tags_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, decisions_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, gate_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, actions_box);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, rollback_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, pause_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, resume_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, override_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorCard, start_button);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rollout_monitor_card_init (RolloutMonitorCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->verdict = ROLLOUT_VERDICT_NONE;
  self->expanded = TRUE;
  g_signal_connect_object (self->expand_button, "clicked", G_CALLBACK (expand_clicked_cb), self, G_CONNECT_SWAPPED);
  show_expanded (self);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
rollout_monitor_card_new (void)
{
  return g_object_new (ROLLOUT_TYPE_MONITOR_CARD, NULL);
}

/**
 * rollout_monitor_card_update:
 * @self: a #RolloutMonitorCard
 * @project: the plan
 * @phase: the phase to show
 * @evaluation: @phase's gate as it stands
 * @role: what the card offers to do
 * @next: (nullable): the phase that would start next
 *
 * Shows @phase as the plan has it now.
 */
void
rollout_monitor_card_update (RolloutMonitorCard     *self,
                             RolloutProject         *project,
                             RolloutPhase           *phase,
                             RolloutGateEvaluation  *evaluation,
                             RolloutMonitorCardRole  role,
                             RolloutPhase           *next)
{
  static const char * const status_classes[] = { "planned", "active", "paused", "completed", "rolled-back", NULL };
  static const char * const verdict_classes[] = { "none", "go", "no-go", "pending", NULL };
  g_autofree char *details = NULL;
  g_autoptr(GString) key = NULL;
  RolloutPhaseStatus status;
  const char *name;

  g_return_if_fail (ROLLOUT_IS_MONITOR_CARD (self));
  g_return_if_fail (ROLLOUT_IS_PROJECT (project));
  g_return_if_fail (ROLLOUT_IS_PHASE (phase));
  g_return_if_fail (evaluation != NULL);

  g_set_object (&self->project, project);
  g_set_object (&self->phase, phase);
  self->verdict = evaluation->verdict;
  if (self->evaluation != evaluation)
    {
      g_clear_pointer (&self->evaluation, rollout_gate_evaluation_unref);
      self->evaluation = rollout_gate_evaluation_ref (evaluation);
    }
  self->body_stale = TRUE;
  if (self->expanded)
    update_body (self);

  /* Most edits leave most cards as they were. */
  name = rollout_phase_get_name (phase) != NULL ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase);
  details = format_audience (phase);
  status = rollout_phase_get_status (phase);
  key = g_string_new (NULL);
  g_string_append_printf (key, "%p\x1f%s\x1f%s\x1f%d\x1f%d\x1f%d\x1f%p\x1f%s",
                          (gpointer) phase, name, details, status, evaluation->verdict, role, (gpointer) next,
                          next != NULL && rollout_phase_get_name (next) != NULL ? rollout_phase_get_name (next) : "");
  for (guint i = 0; i < evaluation->criteria->len; i++)
    {
      RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, i);

      g_string_append_printf (key, "\x1e%d\x1f%s", criterion->result, criterion->reason);
    }
  if (g_strcmp0 (key->str, self->header_key) == 0)
    return;
  g_free (self->header_key);
  self->header_key = g_strdup (key->str);

  gtk_label_set_text (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_label_set_text (self->details_label, details);

  gtk_label_set_text (self->status_label, status_label (status));
  set_style_class (GTK_WIDGET (self->status_label), status_classes, status_classes[status]);

  gtk_label_set_text (self->verdict_label, rollout_verdict_get_label (evaluation->verdict));
  set_style_class (GTK_WIDGET (self->verdict_label), verdict_classes, verdict_classes[evaluation->verdict]);
  if (evaluation->verdict == ROLLOUT_VERDICT_NONE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->verdict_label), NULL);
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->verdict_label), _("The gate’s verdict on leaving this phase"));

  update_reasons (self, evaluation);
  update_actions (self, role, next);
}

/**
 * rollout_monitor_card_get_phase:
 * @self: a #RolloutMonitorCard
 *
 * Returns: (transfer none) (nullable): the phase shown
 */
RolloutPhase *
rollout_monitor_card_get_phase (RolloutMonitorCard *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_CARD (self), NULL);

  return self->phase;
}

RolloutVerdict
rollout_monitor_card_get_verdict (RolloutMonitorCard *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_CARD (self), ROLLOUT_VERDICT_NONE);

  return self->verdict;
}

/**
 * rollout_monitor_card_get_verdict_text:
 * @self: a #RolloutMonitorCard
 *
 * Returns: the verdict as the card shows it ("GO", "PENDING")
 */
const char *
rollout_monitor_card_get_verdict_text (RolloutMonitorCard *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_CARD (self), NULL);

  return gtk_label_get_text (self->verdict_label);
}

gboolean
rollout_monitor_card_get_expanded (RolloutMonitorCard *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_CARD (self), FALSE);

  return self->expanded;
}

void
rollout_monitor_card_set_expanded (RolloutMonitorCard *self,
                                   gboolean            expanded)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_CARD (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  show_expanded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPANDED]);
}
