/* rollout-monitor-feedback.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Monitor's Feedback page: what people said, newest first, filtered by
 * phase, source, sentiment, tag and text.
 *
 * The log is a GtkListView over the plan's own feedback model, sorted and
 * filtered, so only the rows on screen are made however long the log. A
 * row follows its entry's changes itself (it listens while bound); after
 * an edit that may move or hide entries the page asks the sorter and the
 * filter to look again. The filter menus list the sources and tags in use,
 * and keep what was chosen while the plan changes.
 */

#define G_LOG_DOMAIN "rollout-monitor-feedback"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-monitor-feedback.h"
#include "rollout-monitor-feedback-dialog.h"
#include "rollout-monitor-util.h"

#define MAX_ROW_TAGS 6

struct _RolloutMonitorFeedback
{
  GtkWidget           parent_instance;

  RolloutDocument    *document;

  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomSorter    *sorter;
  GtkCustomFilter    *filter;

  /* The filters: NULL or -1 for any */
  char               *phase_id;
  char               *source;
  int                 sentiment;
  char               *tag;
  char               *text;          /* casefolded */
  guint               updating;

  /* What the menus list; the first item is "All …" */
  GPtrArray          *phase_ids;     /* char*, parallel to the phase menu after "All" */
  char               *sources_key;
  char               *tags_key;
  char               *phases_key;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *phase_filter;
  GtkDropDown        *source_filter;
  GtkDropDown        *sentiment_filter;
  GtkDropDown        *tag_filter;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_add_button;
  GtkWidget          *empty_import_button;
  GtkWidget          *clear_button;
};

G_DEFINE_FINAL_TYPE (RolloutMonitorFeedback, rollout_monitor_feedback, GTK_TYPE_WIDGET)

/* The widgets of a row of the log. */
typedef struct {
  RolloutMonitorFeedback *page;
  GtkListItem            *item;
  RolloutFeedback        *entry;     /* bound, not owned */
  GtkWidget              *icon;
  GtkWidget              *text;
  GtkWidget              *meta;
  GtkWidget              *tags;
  GtkWidget              *task;
  GtkWidget              *task_label;
} Row;

/* Helpers ------------------------------------------------------------------ */

static RolloutProject *
get_project (RolloutMonitorFeedback *self)
{
  return self->document != NULL ? rollout_document_get_project (self->document) : NULL;
}

static gboolean
contains (const char *haystack,
          const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RolloutMonitorFeedback *self = user_data;
  RolloutFeedback *entry = item;
  const char * const *tags = rollout_feedback_get_tags (entry);

  if (self->phase_id != NULL && g_strcmp0 (rollout_feedback_get_phase_id (entry), self->phase_id) != 0)
    return FALSE;
  if (self->source != NULL && g_strcmp0 (rollout_feedback_get_source (entry), self->source) != 0)
    return FALSE;
  if (self->sentiment >= 0 && (int) rollout_feedback_get_sentiment (entry) != self->sentiment)
    return FALSE;
  if (self->tag != NULL && (tags == NULL || !g_strv_contains (tags, self->tag)))
    return FALSE;
  if (self->text != NULL)
    {
      gboolean found = contains (rollout_feedback_get_text (entry), self->text) ||
                       contains (rollout_feedback_get_source (entry), self->text);

      for (guint i = 0; !found && tags != NULL && tags[i] != NULL; i++)
        found = contains (tags[i], self->text);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Newest first; entries of one day keep the plan's order (the sort is
 * stable). */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  RolloutDate x = rollout_feedback_get_date ((RolloutFeedback *) a);
  RolloutDate y = rollout_feedback_get_date ((RolloutFeedback *) b);

  return (x < y) - (x > y);
}

static gboolean
has_filters (RolloutMonitorFeedback *self)
{
  return self->phase_id != NULL || self->source != NULL || self->sentiment >= 0 ||
         self->tag != NULL || self->text != NULL;
}

static void
update_count (RolloutMonitorFeedback *self)
{
  RolloutProject *project = get_project (self);
  guint total = project != NULL ? g_list_model_get_n_items (rollout_project_get_feedback (project)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", total), total);
  else
    /* Translators: how many feedback entries the filters leave, of how many */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entry", "%u of %u entries", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      gboolean filtered = total > 0;

      adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Feedback") : _("No Feedback Yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No entry passes the filters. Try others, or clear them.")
                                                : _("Add what riders, agents and testers say, or import it from a CSV file."));
      gtk_widget_set_visible (self->empty_add_button, !filtered);
      gtk_widget_set_visible (self->empty_import_button, !filtered);
      gtk_widget_set_visible (self->clear_button, filtered);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback-log.clear-filters", has_filters (self));
}

static void
update_actions (RolloutMonitorFeedback *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback-log.add", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback-log.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback-log.delete", selected);
}

static void
refilter (RolloutMonitorFeedback *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  update_actions (self);
}

/* Filter menus -------------------------------------------------------------- */

static void
string_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (user_data));
  gtk_list_item_set_child (item, label);
}

static void
string_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
set_label_factory (GtkDropDown *dropdown,
                   int          max_chars)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (string_setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (string_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (string_setup_cb), GINT_TO_POINTER (48));
  g_signal_connect (list_factory, "bind", G_CALLBACK (string_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Shows @values (sorted, without repeats) after @all in @dropdown, keeping
 * @chosen selected when it is still there; returns FALSE when it is not. */
static gboolean
fill_menu (GtkDropDown *dropdown,
           const char  *all,
           GPtrArray   *values,
           const char  *chosen)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; i < values->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (values, i));
      if (chosen != NULL && g_strcmp0 (chosen, g_ptr_array_index (values, i)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
  return chosen == NULL || selected > 0;
}

static char *
join_key (GPtrArray *values)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    {
      g_string_append (key, g_ptr_array_index (values, i));
      g_string_append_c (key, '\x1e');
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
update_menus (RolloutMonitorFeedback *self)
{
  RolloutProject *project = get_project (self);
  g_autoptr(GHashTable) seen_sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_tags = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) phase_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) phase_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sources_key = NULL;
  g_autofree char *tags_key = NULL;
  g_autofree char *phases_key = NULL;
  gboolean changed = FALSE;

  if (project != NULL)
    {
      GListModel *feedback = rollout_project_get_feedback (project);
      GListModel *phases = rollout_project_get_phases (project);

      for (guint i = 0, n = g_list_model_get_n_items (feedback); i < n; i++)
        {
          g_autoptr(RolloutFeedback) entry = g_list_model_get_item (feedback, i);
          const char *source = rollout_feedback_get_source (entry);
          const char * const *entry_tags = rollout_feedback_get_tags (entry);

          /* The strings belong to entries the plan keeps. */
          if (source != NULL && g_hash_table_add (seen_sources, (gpointer) source))
            g_ptr_array_add (sources, (gpointer) source);
          for (guint k = 0; entry_tags != NULL && entry_tags[k] != NULL; k++)
            if (g_hash_table_add (seen_tags, (gpointer) entry_tags[k]))
              g_ptr_array_add (tags, (gpointer) entry_tags[k]);
        }
      for (guint i = 0, n = g_list_model_get_n_items (phases); i < n; i++)
        {
          g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);

          g_ptr_array_add (phase_names, (gpointer) (rollout_phase_get_name (phase) != NULL
                                                    ? rollout_phase_get_name (phase) : rollout_phase_get_id (phase)));
          g_ptr_array_add (phase_ids, g_strdup (rollout_phase_get_id (phase)));
        }
    }
  g_ptr_array_sort (sources, compare_strings);
  g_ptr_array_sort (tags, compare_strings);

  self->updating++;
  sources_key = join_key (sources);
  if (g_strcmp0 (sources_key, self->sources_key) != 0)
    {
      g_free (self->sources_key);
      self->sources_key = g_steal_pointer (&sources_key);
      if (!fill_menu (self->source_filter, _("All Sources"), sources, self->source))
        {
          g_clear_pointer (&self->source, g_free);
          changed = TRUE;
        }
    }
  tags_key = join_key (tags);
  if (g_strcmp0 (tags_key, self->tags_key) != 0)
    {
      g_free (self->tags_key);
      self->tags_key = g_steal_pointer (&tags_key);
      if (!fill_menu (self->tag_filter, _("All Tags"), tags, self->tag))
        {
          g_clear_pointer (&self->tag, g_free);
          changed = TRUE;
        }
    }
  {
    g_autofree char *names_key = join_key (phase_names);
    g_autofree char *ids_key = join_key (phase_ids);

    phases_key = g_strconcat (names_key, "\x1d", ids_key, NULL);
  }
  if (g_strcmp0 (phases_key, self->phases_key) != 0)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      guint selected = 0;

      g_free (self->phases_key);
      self->phases_key = g_steal_pointer (&phases_key);
      gtk_string_list_append (model, _("All Phases"));
      for (guint i = 0; i < phase_ids->len; i++)
        {
          gtk_string_list_append (model, g_ptr_array_index (phase_names, i));
          if (g_strcmp0 (self->phase_id, g_ptr_array_index (phase_ids, i)) == 0)
            selected = i + 1;
        }
      gtk_drop_down_set_model (self->phase_filter, G_LIST_MODEL (model));
      gtk_drop_down_set_selected (self->phase_filter, selected);
      if (self->phase_id != NULL && selected == 0)
        {
          g_clear_pointer (&self->phase_id, g_free);
          changed = TRUE;
        }
      g_clear_pointer (&self->phase_ids, g_ptr_array_unref);
      self->phase_ids = g_steal_pointer (&phase_ids);
    }
  self->updating--;

  if (changed)
    refilter (self);
}

static char *
dup_selected_string (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkStringObject *item;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  item = gtk_drop_down_get_selected_item (dropdown);
  return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

static void
filters_changed_cb (RolloutMonitorFeedback *self)
{
  guint phase = gtk_drop_down_get_selected (self->phase_filter);
  guint sentiment = gtk_drop_down_get_selected (self->sentiment_filter);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (self->updating)
    return;
  g_clear_pointer (&self->phase_id, g_free);
  if (phase != GTK_INVALID_LIST_POSITION && phase > 0 && self->phase_ids != NULL && phase - 1 < self->phase_ids->len)
    self->phase_id = g_strdup (g_ptr_array_index (self->phase_ids, phase - 1));
  g_free (self->source);
  self->source = dup_selected_string (self->source_filter);
  g_free (self->tag);
  self->tag = dup_selected_string (self->tag_filter);
  self->sentiment = sentiment != GTK_INVALID_LIST_POSITION && sentiment > 0 ? (int) sentiment - 1 : -1;
  g_free (self->text);
  self->text = *trimmed != '\0' ? g_utf8_casefold (trimmed, -1) : NULL;
  refilter (self);
}

/* Rows ----------------------------------------------------------------------- */

static void
row_free (Row *row)
{
  g_free (row);
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
row_update (Row *row)
{
  RolloutMonitorFeedback *self = row->page;
  RolloutFeedback *entry = row->entry;
  RolloutProject *project = self != NULL ? get_project (self) : NULL;
  RolloutSentiment sentiment = rollout_feedback_get_sentiment (entry);
  const char * const *tags = rollout_feedback_get_tags (entry);
  const char *phase_id = rollout_feedback_get_phase_id (entry);
  const char *task_id = rollout_feedback_get_task_id (entry);
  RolloutPhase *phase = phase_id != NULL && project != NULL ? rollout_project_lookup_phase (project, phase_id) : NULL;
  RolloutTask *task = task_id != NULL && project != NULL ? rollout_project_lookup_task (project, task_id) : NULL;
  g_autoptr(GString) meta = g_string_new (rollout_monitor_sentiment_label (sentiment));
  static const char * const sentiment_classes[] = { "success", "warning", "error" };

  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), rollout_monitor_sentiment_icon (sentiment));
  for (guint i = 0; i < G_N_ELEMENTS (sentiment_classes); i++)
    gtk_widget_remove_css_class (row->icon, sentiment_classes[i]);
  if (sentiment != ROLLOUT_SENTIMENT_NEUTRAL && (guint) sentiment < G_N_ELEMENTS (sentiment_classes))
    gtk_widget_add_css_class (row->icon, sentiment_classes[sentiment]);
  gtk_widget_set_tooltip_text (row->icon, rollout_monitor_sentiment_label (sentiment));

  gtk_label_set_text (GTK_LABEL (row->text), rollout_feedback_get_text (entry) != NULL ? rollout_feedback_get_text (entry) : "");

  if (rollout_feedback_get_date (entry) != ROLLOUT_DATE_NONE)
    {
      g_autofree char *day = rollout_format_date (rollout_feedback_get_date (entry));

      g_string_append_printf (meta, " · %s", day);
    }
  if (phase_id != NULL)
    g_string_append_printf (meta, " · %s", phase != NULL && rollout_phase_get_name (phase) != NULL
                                           ? rollout_phase_get_name (phase) : phase_id);
  if (rollout_feedback_get_source (entry) != NULL)
    g_string_append_printf (meta, " · %s", rollout_feedback_get_source (entry));
  gtk_label_set_text (GTK_LABEL (row->meta), meta->str);

  remove_children (row->tags);
  for (guint i = 0; tags != NULL && tags[i] != NULL && i < MAX_ROW_TAGS; i++)
    {
      GtkWidget *pill = gtk_label_new (tags[i]);

      gtk_widget_add_css_class (pill, "monitor-tag");
      gtk_box_append (GTK_BOX (row->tags), pill);
    }
  gtk_widget_set_visible (row->tags, tags != NULL && tags[0] != NULL);

  if (task_id != NULL)
    {
      g_autofree char *linked = NULL;

      /* Translators: the name of the task a feedback entry is about */
      linked = g_strdup_printf (_("About ‘%s’"), task != NULL ? rollout_task_get_name (task) : task_id);
      gtk_label_set_text (GTK_LABEL (row->task_label), linked);
    }
  gtk_widget_set_visible (row->task, task_id != NULL);
}

static void
entry_notify_cb (Row *row)
{
  row_update (row);
}

static void
row_setup_cb (RolloutMonitorFeedback   *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *task_icon;

  row->page = self;
  row->item = item;
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  row->icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (row->icon), 24);
  gtk_widget_set_valign (row->icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), row->icon);

  row->text = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->text), 0);
  gtk_label_set_wrap (GTK_LABEL (row->text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (row->text), 4);
  gtk_label_set_ellipsize (GTK_LABEL (row->text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (row->text, TRUE);
  gtk_box_append (GTK_BOX (body), row->text);

  row->meta = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->meta), 0);
  gtk_label_set_wrap (GTK_LABEL (row->meta), TRUE);
  gtk_widget_add_css_class (row->meta, "caption");
  gtk_widget_add_css_class (row->meta, "dim-label");
  gtk_box_append (GTK_BOX (body), row->meta);

  row->tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (footer), row->tags);
  row->task = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  task_icon = gtk_image_new_from_icon_name ("go-jump-symbolic");
  gtk_widget_add_css_class (task_icon, "dim-label");
  gtk_box_append (GTK_BOX (row->task), task_icon);
  row->task_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (row->task_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (row->task_label), 0);
  gtk_widget_add_css_class (row->task_label, "caption");
  gtk_box_append (GTK_BOX (row->task), row->task_label);
  gtk_widget_set_hexpand (row->task, TRUE);
  gtk_box_append (GTK_BOX (footer), row->task);
  gtk_box_append (GTK_BOX (body), footer);

  gtk_box_append (GTK_BOX (box), body);
  gtk_list_item_set_child (item, box);
  g_object_set_data_full (G_OBJECT (item), "row", row, (GDestroyNotify) row_free);
}

static void
row_bind_cb (RolloutMonitorFeedback   *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");

  row->entry = gtk_list_item_get_item (item);
  g_signal_connect_swapped (row->entry, "notify", G_CALLBACK (entry_notify_cb), row);
  row_update (row);
}

static void
row_unbind_cb (RolloutMonitorFeedback   *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");

  if (row->entry != NULL)
    g_signal_handlers_disconnect_by_func (row->entry, entry_notify_cb, row);
  row->entry = NULL;
}

static void
entry_activate_cb (RolloutMonitorFeedback *self,
                   guint                   position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "feedback-log.edit", NULL);
}

/* Actions ------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RolloutMonitorFeedback *self = ROLLOUT_MONITOR_FEEDBACK (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rollout_monitor_feedback_dialog_new (widget, self->document, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutMonitorFeedback *self = ROLLOUT_MONITOR_FEEDBACK (widget);
  RolloutFeedback *entry = gtk_single_selection_get_selected_item (self->selection);

  if (self->document == NULL || entry == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rollout_monitor_feedback_dialog_new (widget, self->document, entry)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RolloutMonitorFeedback *self = ROLLOUT_MONITOR_FEEDBACK (widget);
  RolloutFeedback *entry = gtk_single_selection_get_selected_item (self->selection);

  if (self->document == NULL || entry == NULL)
    return;
  if (rollout_edit_run (widget, self->document, rollout_command_new_remove (entry, _("Delete Feedback"))))
    rollout_edit_undo_toast (widget, self->document, _("Deleted a feedback entry"));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutMonitorFeedback *self = ROLLOUT_MONITOR_FEEDBACK (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RolloutMonitorFeedback *self = ROLLOUT_MONITOR_FEEDBACK (widget);

  self->updating++;
  gtk_drop_down_set_selected (self->phase_filter, 0);
  gtk_drop_down_set_selected (self->source_filter, 0);
  gtk_drop_down_set_selected (self->sentiment_filter, 0);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating--;
  filters_changed_cb (self);
}

/* GObject -------------------------------------------------------------------- */

static void
rollout_monitor_feedback_dispose (GObject *object)
{
  RolloutMonitorFeedback *self = ROLLOUT_MONITOR_FEEDBACK (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_MONITOR_FEEDBACK);
  /* The template's outer box has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rollout_monitor_feedback_parent_class)->dispose (object);
}

static void
rollout_monitor_feedback_finalize (GObject *object)
{
  RolloutMonitorFeedback *self = ROLLOUT_MONITOR_FEEDBACK (object);

  g_clear_pointer (&self->phase_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->phase_ids, g_ptr_array_unref);
  g_clear_pointer (&self->sources_key, g_free);
  g_clear_pointer (&self->tags_key, g_free);
  g_clear_pointer (&self->phases_key, g_free);

  G_OBJECT_CLASS (rollout_monitor_feedback_parent_class)->finalize (object);
}

static void
rollout_monitor_feedback_class_init (RolloutMonitorFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_monitor_feedback_dispose;
  object_class->finalize = rollout_monitor_feedback_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-monitor-feedback.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, phase_filter);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, source_filter);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, sentiment_filter);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, count_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, list_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutMonitorFeedback, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "feedback-log.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "feedback-log.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "feedback-log.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "feedback-log.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "feedback-log.clear-filters", NULL, clear_filters_action);
}

static void
rollout_monitor_feedback_init (RolloutMonitorFeedback *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) sentiments = gtk_string_list_new (NULL);
  /* The tag menu searches the tags; it takes its own reference. */
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sentiment = -1;
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (GTK_SORTER (self->sorter)));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbind_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_string_list_append (sentiments, _("All Sentiments"));
  for (RolloutSentiment s = ROLLOUT_SENTIMENT_POSITIVE; s <= ROLLOUT_SENTIMENT_NEGATIVE; s++)
    gtk_string_list_append (sentiments, rollout_monitor_sentiment_label (s));
  gtk_drop_down_set_model (self->sentiment_filter, G_LIST_MODEL (sentiments));
  set_label_factory (self->phase_filter, 18);
  set_label_factory (self->source_filter, 14);
  set_label_factory (self->sentiment_filter, 14);
  set_label_factory (self->tag_filter, 14);
  gtk_drop_down_set_expression (self->tag_filter, expression);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phase_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sentiment_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  /* Delete in the log deletes the selected entry. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_named_action_new ("feedback-log.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  update_menus (self);
  update_count (self);
  update_actions (self);
}

/* Public API ----------------------------------------------------------------- */

/**
 * rollout_monitor_feedback_set_document:
 * @self: a #RolloutMonitorFeedback
 * @document: (nullable): the plan
 *
 * Shows @document from the next rollout_monitor_feedback_refresh(), which
 * the Monitor view calls when the page is shown.
 */
void
rollout_monitor_feedback_set_document (RolloutMonitorFeedback *self,
                                       RolloutDocument        *document)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_FEEDBACK (self));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  gtk_sort_list_model_set_model (self->sorted, NULL);
}

/**
 * rollout_monitor_feedback_refresh:
 * @self: a #RolloutMonitorFeedback
 *
 * Sorts and filters the log again and updates the filter menus; the
 * Monitor view calls it after every change.
 */
void
rollout_monitor_feedback_refresh (RolloutMonitorFeedback *self)
{
  GListModel *feedback;

  g_return_if_fail (ROLLOUT_IS_MONITOR_FEEDBACK (self));

  feedback = self->document != NULL ? rollout_project_get_feedback (rollout_document_get_project (self->document)) : NULL;
  update_menus (self);
  /* A new plan's log is sorted as it comes in. */
  if (gtk_sort_list_model_get_model (self->sorted) != feedback)
    gtk_sort_list_model_set_model (self->sorted, feedback);
  else
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  refilter (self);
}

/**
 * rollout_monitor_feedback_get_selected:
 * @self: a #RolloutMonitorFeedback
 *
 * Returns: (transfer none) (nullable): the selected entry
 */
RolloutFeedback *
rollout_monitor_feedback_get_selected (RolloutMonitorFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_FEEDBACK (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * rollout_monitor_feedback_select:
 * @self: a #RolloutMonitorFeedback
 * @entry: an entry the filters let through
 *
 * Selects @entry's row and scrolls to it.
 */
void
rollout_monitor_feedback_select (RolloutMonitorFeedback *self,
                                 RolloutFeedback        *entry)
{
  GListModel *model;

  g_return_if_fail (ROLLOUT_IS_MONITOR_FEEDBACK (self));

  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutFeedback) item = g_list_model_get_item (model, i);

      if (item == entry)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/**
 * rollout_monitor_feedback_get_shown:
 * @self: a #RolloutMonitorFeedback
 *
 * Returns: (transfer none): the entries the log shows, in its order
 */
GListModel *
rollout_monitor_feedback_get_shown (RolloutMonitorFeedback *self)
{
  g_return_val_if_fail (ROLLOUT_IS_MONITOR_FEEDBACK (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * rollout_monitor_feedback_set_phase_filter:
 * @self: a #RolloutMonitorFeedback
 * @phase: (nullable): show only this phase's feedback, or %NULL for all
 */
void
rollout_monitor_feedback_set_phase_filter (RolloutMonitorFeedback *self,
                                           RolloutPhase           *phase)
{
  guint selected = 0;

  g_return_if_fail (ROLLOUT_IS_MONITOR_FEEDBACK (self));

  for (guint i = 0; phase != NULL && self->phase_ids != NULL && i < self->phase_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->phase_ids, i), rollout_phase_get_id (phase)) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->phase_filter, selected);
}

/**
 * rollout_monitor_feedback_set_sentiment_filter:
 * @self: a #RolloutMonitorFeedback
 * @sentiment: a #RolloutSentiment, or -1 for all
 */
void
rollout_monitor_feedback_set_sentiment_filter (RolloutMonitorFeedback *self,
                                               int                     sentiment)
{
  g_return_if_fail (ROLLOUT_IS_MONITOR_FEEDBACK (self));

  gtk_drop_down_set_selected (self->sentiment_filter, sentiment >= 0 ? (guint) sentiment + 1 : 0);
}
