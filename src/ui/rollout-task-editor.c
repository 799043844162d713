/* rollout-task-editor.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The side panel that edits the selected task (or phase) of the timeline.
 * A phase's go/no-go gate is summed up in a row that opens the gate
 * editor.
 *
 * Every change is one command through the plan's history, labelled for the
 * Undo menu: a spin button step, a combo choice, a checklist tick. Text is
 * committed when it is applied (Enter or the apply button) or when the
 * focus leaves it, and before the panel shows another item, so nothing
 * typed is lost and typing is not a stream of tiny undo steps.
 *
 * The panel follows the plan: after every edit, undo or redo it shows the
 * item's values again. Fields are only written when the plan's value
 * differs from what the field last showed, so text being typed is not
 * overwritten by an unrelated change, and the lists of dependencies and
 * checklist items are updated in place when only values changed, so the
 * focus stays where it is.
 */

#define G_LOG_DOMAIN "rollout-task-editor"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rollout-edit.h"
#include "rollout-format.h"
#include "rollout-gate-editor.h"
#include "rollout-gates.h"
#include "rollout-task-editor.h"

struct _RolloutTaskEditor
{
  GtkWidget           parent_instance;

  RolloutDocument    *document;
  gpointer            item;            /* RolloutTask or RolloutPhase, owned */
  guint               updating;
  guint               refresh_source;

  char               *shown_name;
  char               *shown_owner;
  char               *shown_notes;
  char               *shown_blocked_reason;
  char               *shown_phase_name;
  char               *teams_key;
  GtkStringList      *teams_model;
  GPtrArray          *dep_rows;        /* DepRow */
  GPtrArray          *check_rows;      /* CheckRow */
  GtkWidget          *add_item_row;
  GtkCustomFilter    *dep_filter;

  /* Template children */
  GtkLabel           *title_label;
  GtkStack           *page_stack;
  AdwEntryRow        *name_row;
  AdwComboRow        *phase_row;
  AdwComboRow        *team_row;
  AdwEntryRow        *owner_row;
  AdwActionRow       *scheduled_row;
  GtkSpinButton      *duration_spin;
  GtkMenuButton      *constraint_button;
  GtkPopover         *constraint_popover;
  GtkCalendar        *constraint_calendar;
  GtkButton          *constraint_clear_button;
  AdwComboRow        *status_row;
  AdwEntryRow        *blocked_reason_row;
  GtkSpinButton      *progress_spin;
  GtkMenuButton      *add_dep_button;
  GtkPopover         *dep_popover;
  GtkSearchEntry     *dep_search;
  GtkListView        *dep_candidates;
  GtkListBox         *deps_list;
  GtkListBox         *checklist_list;
  GtkTextView        *notes_view;
  AdwEntryRow        *phase_name_row;
  AdwComboRow        *phase_status_row;
  AdwActionRow       *phase_scheduled_row;
  AdwActionRow       *phase_gate_row;
  GtkButton          *close_button;
  GtkButton          *delete_task_button;
  GtkButton          *delete_phase_button;
};

G_DEFINE_FINAL_TYPE (RolloutTaskEditor, rollout_task_editor, GTK_TYPE_WIDGET)

typedef struct
{
  RolloutTaskEditor *editor;
  guint              index;
  char              *task_id;
  AdwExpanderRow    *row;
  AdwComboRow       *type_row;
  GtkSpinButton     *lag_spin;
} DepRow;

typedef struct
{
  RolloutTaskEditor *editor;
  guint              index;
  AdwEntryRow       *row;
  GtkCheckButton    *check;
  char              *shown_text;
} CheckRow;

static void refresh (RolloutTaskEditor *self);

/* Helpers ----------------------------------------------------------------- */

static void
dep_row_free (DepRow *dep)
{
  g_free (dep->task_id);
  g_free (dep);
}

static void
check_row_free (CheckRow *check)
{
  g_free (check->shown_text);
  g_free (check);
}

static RolloutTask *
get_task (RolloutTaskEditor *self)
{
  return ROLLOUT_IS_TASK (self->item) ? self->item : NULL;
}

static RolloutPhase *
get_phase (RolloutTaskEditor *self)
{
  return ROLLOUT_IS_PHASE (self->item) ? self->item : NULL;
}

static RolloutProject *
get_project (RolloutTaskEditor *self)
{
  return self->document != NULL ? rollout_document_get_project (self->document) : NULL;
}

static const char *
task_label (RolloutTask *task)
{
  const char *name = rollout_task_get_name (task);

  return name != NULL && *name != '\0' ? name : rollout_task_get_id (task);
}

static gboolean
run (RolloutTaskEditor *self,
     RolloutCommand    *command)
{
  if (self->document == NULL)
    {
      g_object_unref (command);
      return FALSE;
    }
  return rollout_edit_run (GTK_WIDGET (self), self->document, command);
}

/* Writes @value into @editable only when the plan's value changed since it
 * was last shown there. */
static void
sync_text (GtkEditable  *editable,
           char        **shown,
           const char   *value)
{
  if (value == NULL)
    value = "";
  if (*shown != NULL && g_str_equal (*shown, value))
    return;
  g_free (*shown);
  *shown = g_strdup (value);
  gtk_editable_set_text (editable, value);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
dependency_type_label (RolloutDependencyType type)
{
  switch (type)
    {
    case ROLLOUT_DEPENDENCY_SS:
      return _("Starts with it");
    case ROLLOUT_DEPENDENCY_FF:
      return _("Finishes with it");
    case ROLLOUT_DEPENDENCY_SF:
      return _("Finishes once it starts");
    case ROLLOUT_DEPENDENCY_FS:
    default:
      return _("Starts after it");
    }
}

static char *
describe_dependency (const RolloutDependency *dep)
{
  const char *type = dependency_type_label (dep->type);

  if (dep->lag == 0)
    return g_strdup (type);
  /* Translators: how a task waits for another, then its lag in working days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %+d day", "%s, %+d days", ABS (dep->lag)),
                          type, dep->lag);
}

static char *
describe_schedule (RolloutDate start,
                   RolloutDate finish,
                   gboolean    milestone,
                   int         slack,
                   gboolean    critical)
{
  g_autofree char *period = NULL;

  if (start == ROLLOUT_DATE_NONE)
    return g_strdup (_("Not scheduled"));
  period = milestone || finish == start || finish == ROLLOUT_DATE_NONE
    ? rollout_format_date (start) : rollout_format_period (start, finish);
  if (critical)
    /* Translators: a period, then that the task is on the critical path */
    return g_strdup_printf (_("%s · Critical"), period);
  if (slack > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d day of slack", "%s · %d days of slack", slack),
                            period, slack);
  return g_steal_pointer (&period);
}

/* Commits ----------------------------------------------------------------- */

/* Sets a text property; @label_format names the edit, with the object's
 * name for its one %s. */
static void G_GNUC_PRINTF (5, 6)
commit_string (RolloutTaskEditor *self,
               gpointer           object,
               const char        *property,
               const char        *value,
               const char        *label_format,
               ...)
{
  g_autofree char *current = NULL;
  g_autofree char *label = NULL;
  va_list args;

  g_object_get (object, property, &current, NULL);
  if (g_strcmp0 (current != NULL ? current : "", value) == 0)
    return;
  va_start (args, label_format);
  label = g_strdup_vprintf (label_format, args);
  va_end (args);
  run (self, rollout_command_new_set_many (object, label, property, *value != '\0' ? value : NULL, NULL));
}

static void
commit_name (RolloutTaskEditor *self)
{
  const char *text;

  if (get_task (self) == NULL || self->updating)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  /* A task keeps a name: an emptied field gets the name back. */
  if (*text == '\0')
    {
      g_clear_pointer (&self->shown_name, g_free);
      refresh (self);
      return;
    }
  /* Translators: the task's name before the change */
  commit_string (self, self->item, "name", text, _("Rename ‘%s’"), task_label (self->item));
}

static void
commit_owner (RolloutTaskEditor *self)
{
  g_autofree char *text = NULL;

  if (get_task (self) == NULL || self->updating)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row))));
  /* Translators: the name of a task */
  commit_string (self, self->item, "owner", text, _("Change the Owner of ‘%s’"), task_label (self->item));
}

static void
commit_notes (RolloutTaskEditor *self)
{
  g_autofree char *text = NULL;

  if (get_task (self) == NULL || self->updating)
    return;
  text = text_view_get_text (self->notes_view);
  /* Translators: the name of a task */
  commit_string (self, self->item, "notes", text, _("Edit the Notes of ‘%s’"), task_label (self->item));
}

static void
commit_blocked_reason (RolloutTaskEditor *self)
{
  g_autofree char *text = NULL;

  if (get_task (self) == NULL || self->updating)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->blocked_reason_row))));
  /* Translators: the name of a task */
  commit_string (self, self->item, "blocked-reason", text, _("Edit What ‘%s’ Is Blocked On"), task_label (self->item));
}

static void
commit_phase_name (RolloutTaskEditor *self)
{
  const char *text;

  if (get_phase (self) == NULL || self->updating)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->phase_name_row));
  if (*text == '\0')
    {
      g_clear_pointer (&self->shown_phase_name, g_free);
      refresh (self);
      return;
    }
  /* Translators: the phase's name before the change */
  commit_string (self, self->item, "name", text, _("Rename ‘%s’"), rollout_phase_get_name (self->item));
}

/* Dependencies ------------------------------------------------------------ */

static void
set_dependencies (RolloutTaskEditor *self,
                  GPtrArray         *dependencies,
                  const char        *label)
{
  run (self, rollout_command_new_set_many (get_task (self), label, "dependencies", dependencies, NULL));
}

static GPtrArray *
copy_dependencies (RolloutTask *task)
{
  return rollout_ptr_array_copy (rollout_task_get_dependencies (task),
                                 (GBoxedCopyFunc) rollout_dependency_copy,
                                 (GDestroyNotify) rollout_dependency_free);
}

static void
dep_changed_cb (DepRow *dep)
{
  RolloutTaskEditor *self = dep->editor;
  g_autoptr(GPtrArray) deps = NULL;
  g_autofree char *label = NULL;
  RolloutDependency *d;

  if (self->updating || get_task (self) == NULL)
    return;
  deps = copy_dependencies (get_task (self));
  if (dep->index >= deps->len)
    return;
  d = g_ptr_array_index (deps, dep->index);
  d->type = (RolloutDependencyType) adw_combo_row_get_selected (dep->type_row);
  d->lag = gtk_spin_button_get_value_as_int (dep->lag_spin);
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Change a Dependency of ‘%s’"), task_label (get_task (self)));
  set_dependencies (self, deps, label);
}

static void
dep_remove_clicked_cb (DepRow *dep)
{
  RolloutTaskEditor *self = dep->editor;
  g_autoptr(GPtrArray) deps = NULL;
  g_autofree char *label = NULL;

  if (get_task (self) == NULL)
    return;
  deps = copy_dependencies (get_task (self));
  if (dep->index >= deps->len)
    return;
  g_ptr_array_remove_index (deps, dep->index);
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Remove a Dependency of ‘%s’"), task_label (get_task (self)));
  set_dependencies (self, deps, label);
}

static GtkWidget *
create_dep_row (RolloutTaskEditor       *self,
                guint                    index,
                const RolloutDependency *d)
{
  const char *types[] = { NULL, NULL, NULL, NULL, NULL };
  DepRow *dep = g_new0 (DepRow, 1);
  GtkWidget *lag_row, *remove;
  g_autoptr(GtkStringList) type_model = NULL;

  types[ROLLOUT_DEPENDENCY_FS] = dependency_type_label (ROLLOUT_DEPENDENCY_FS);
  types[ROLLOUT_DEPENDENCY_SS] = dependency_type_label (ROLLOUT_DEPENDENCY_SS);
  types[ROLLOUT_DEPENDENCY_FF] = dependency_type_label (ROLLOUT_DEPENDENCY_FF);
  types[ROLLOUT_DEPENDENCY_SF] = dependency_type_label (ROLLOUT_DEPENDENCY_SF);
  type_model = gtk_string_list_new (types);

  dep->editor = self;
  dep->index = index;
  dep->task_id = g_strdup (d->task_id);
  dep->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (dep->row), FALSE);

  dep->type_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dep->type_row), _("How"));
  adw_combo_row_set_model (dep->type_row, G_LIST_MODEL (type_model));
  adw_expander_row_add_row (dep->row, GTK_WIDGET (dep->type_row));

  lag_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lag_row), _("Lag"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (lag_row), _("Working days between them"));
  dep->lag_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-1000, 1000, 1));
  gtk_widget_set_valign (GTK_WIDGET (dep->lag_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dep->lag_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lag in working days"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (lag_row), GTK_WIDGET (dep->lag_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (lag_row), GTK_WIDGET (dep->lag_spin));
  adw_expander_row_add_row (dep->row, lag_row);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Dependency"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the Dependency"), -1);
  adw_expander_row_add_action (dep->row, remove);

  g_signal_connect_swapped (dep->type_row, "notify::selected", G_CALLBACK (dep_changed_cb), dep);
  g_signal_connect_swapped (dep->lag_spin, "value-changed", G_CALLBACK (dep_changed_cb), dep);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (dep_remove_clicked_cb), dep);
  g_object_set_data_full (G_OBJECT (dep->row), "rollout-dep-row", dep, (GDestroyNotify) dep_row_free);
  g_ptr_array_add (self->dep_rows, dep);
  return GTK_WIDGET (dep->row);
}

static void
update_dep_row (RolloutTaskEditor       *self,
                DepRow                  *dep,
                const RolloutDependency *d)
{
  RolloutTask *predecessor = rollout_project_lookup_task (get_project (self), d->task_id);
  g_autofree char *subtitle = describe_dependency (d);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dep->row),
                                 predecessor != NULL ? task_label (predecessor) : d->task_id);
  adw_expander_row_set_subtitle (dep->row, subtitle);
  adw_combo_row_set_selected (dep->type_row, d->type);
  gtk_spin_button_set_value (dep->lag_spin, d->lag);
}

static void
refresh_dependencies (RolloutTaskEditor *self,
                      RolloutTask       *task)
{
  GPtrArray *deps = rollout_task_get_dependencies (task);
  guint n = deps != NULL ? deps->len : 0;
  gboolean same = n == self->dep_rows->len;
  GtkWidget *child;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (((DepRow *) g_ptr_array_index (self->dep_rows, i))->task_id,
                      ((RolloutDependency *) g_ptr_array_index (deps, i))->task_id) == 0;

  if (!same)
    {
      g_ptr_array_set_size (self->dep_rows, 0);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->deps_list))) != NULL)
        gtk_list_box_remove (self->deps_list, child);
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->deps_list, create_dep_row (self, i, g_ptr_array_index (deps, i)));
    }
  for (guint i = 0; i < n; i++)
    update_dep_row (self, g_ptr_array_index (self->dep_rows, i), g_ptr_array_index (deps, i));
  gtk_widget_set_visible (GTK_WIDGET (self->deps_list), n > 0);
}

static gboolean
candidate_filter_func (gpointer item,
                       gpointer user_data)
{
  RolloutTaskEditor *self = user_data;
  RolloutTask *task = get_task (self);
  RolloutTask *candidate = item;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->dep_search));
  GPtrArray *deps;

  if (task == NULL || candidate == task)
    return FALSE;
  deps = rollout_task_get_dependencies (task);
  for (guint i = 0; deps != NULL && i < deps->len; i++)
    if (g_strcmp0 (((RolloutDependency *) g_ptr_array_index (deps, i))->task_id,
                   rollout_task_get_id (candidate)) == 0)
      return FALSE;
  if (query != NULL && *query != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (query, -1);
      g_autofree char *haystack = g_utf8_casefold (task_label (candidate), -1);

      return strstr (haystack, needle) != NULL;
    }
  return TRUE;
}

static void
candidate_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
candidate_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       task_label (gtk_list_item_get_item (item)));
}

static void
candidate_activate_cb (RolloutTaskEditor *self,
                       guint              position,
                       GtkListView       *view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(RolloutTask) predecessor = g_list_model_get_item (model, position);
  g_autoptr(GPtrArray) deps = NULL;
  g_autofree char *label = NULL;
  RolloutTask *task = get_task (self);

  if (task == NULL || predecessor == NULL)
    return;
  gtk_popover_popdown (self->dep_popover);
  /* The focus must not stay in the hidden popover. */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_dep_button));
  deps = copy_dependencies (task);
  g_ptr_array_add (deps, rollout_dependency_new (rollout_task_get_id (predecessor), ROLLOUT_DEPENDENCY_FS, 0));
  /* Translators: a task, then the task it will wait for */
  label = g_strdup_printf (_("Make ‘%s’ Wait for ‘%s’"), task_label (task), task_label (predecessor));
  run (self, rollout_command_new_set_many (task, label, "dependencies", deps, NULL));
}

/* Enter in the search picks the first task found; Down goes to the list. */
static void
dep_search_activate_cb (RolloutTaskEditor *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (self->dep_candidates))) > 0)
    candidate_activate_cb (self, 0, self->dep_candidates);
}

static gboolean
dep_search_key_pressed_cb (RolloutTaskEditor     *self,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (self->dep_candidates))) == 0)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->dep_candidates), GTK_DIR_TAB_FORWARD);
}

static void
dep_search_changed_cb (RolloutTaskEditor *self)
{
  gtk_filter_changed (GTK_FILTER (self->dep_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
dep_popover_show_cb (RolloutTaskEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->dep_search), "");
  gtk_filter_changed (GTK_FILTER (self->dep_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_grab_focus (GTK_WIDGET (self->dep_search));
}

/* Checklist --------------------------------------------------------------- */

static GPtrArray *
copy_checklist (RolloutTask *task)
{
  GPtrArray *items = rollout_task_get_checklist (task);

  if (items == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_checklist_item_free);
  return rollout_ptr_array_copy (items, (GBoxedCopyFunc) rollout_checklist_item_copy,
                                 (GDestroyNotify) rollout_checklist_item_free);
}

static void
set_checklist (RolloutTaskEditor *self,
               GPtrArray         *items,
               const char        *label)
{
  run (self, rollout_command_new_set_many (get_task (self), label, "checklist", items, NULL));
}

static void
check_toggled_cb (CheckRow *check)
{
  RolloutTaskEditor *self = check->editor;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *label = NULL;
  RolloutChecklistItem *item;

  if (self->updating || get_task (self) == NULL)
    return;
  items = copy_checklist (get_task (self));
  if (check->index >= items->len)
    return;
  item = g_ptr_array_index (items, check->index);
  item->done = gtk_check_button_get_active (check->check);
  /* Translators: a checklist item */
  label = g_strdup_printf (item->done ? _("Check ‘%s’") : _("Uncheck ‘%s’"), item->text);
  set_checklist (self, items, label);
}

static void
check_apply_cb (CheckRow *check)
{
  RolloutTaskEditor *self = check->editor;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *label = NULL;
  RolloutChecklistItem *item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (check->row));

  if (self->updating || get_task (self) == NULL)
    return;
  items = copy_checklist (get_task (self));
  if (check->index >= items->len)
    return;
  item = g_ptr_array_index (items, check->index);
  if (g_strcmp0 (item->text, text) == 0)
    return;
  /* An item keeps its text: an emptied field gets it back. */
  if (*text == '\0')
    {
      g_clear_pointer (&check->shown_text, g_free);
      refresh (self);
      return;
    }
  /* Translators: a checklist item, before the change */
  label = g_strdup_printf (_("Rename ‘%s’"), item->text);
  g_free (item->text);
  item->text = g_strdup (text);
  set_checklist (self, items, label);
}

static void
check_remove_clicked_cb (CheckRow *check)
{
  RolloutTaskEditor *self = check->editor;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *label = NULL;

  if (get_task (self) == NULL)
    return;
  items = copy_checklist (get_task (self));
  if (check->index >= items->len)
    return;
  /* Translators: a checklist item */
  label = g_strdup_printf (_("Remove ‘%s’"), ((RolloutChecklistItem *) g_ptr_array_index (items, check->index))->text);
  g_ptr_array_remove_index (items, check->index);
  set_checklist (self, items, label);
}

static void
add_item_cb (RolloutTaskEditor *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (get_task (self) == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_item_row))));
  if (*text == '\0')
    return;
  items = copy_checklist (get_task (self));
  g_ptr_array_add (items, rollout_checklist_item_new (text, FALSE));
  /* Translators: a checklist item */
  label = g_strdup_printf (_("Add ‘%s’"), text);
  if (run (self, rollout_command_new_set_many (get_task (self), label, "checklist", items, NULL)))
    gtk_editable_set_text (GTK_EDITABLE (self->add_item_row), "");
}

typedef enum {
  FIELD_NAME,
  FIELD_OWNER,
  FIELD_NOTES,
  FIELD_BLOCKED_REASON,
  FIELD_PHASE_NAME,
} Field;

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *editor = gtk_widget_get_ancestor (widget, ROLLOUT_TYPE_TASK_EDITOR);
  RolloutTaskEditor *self = editor != NULL ? ROLLOUT_TASK_EDITOR (editor) : NULL;

  if (self == NULL)
    return;
  switch ((Field) GPOINTER_TO_INT (user_data))
    {
    case FIELD_NAME:
      commit_name (self);
      break;
    case FIELD_OWNER:
      commit_owner (self);
      break;
    case FIELD_NOTES:
      commit_notes (self);
      break;
    case FIELD_BLOCKED_REASON:
      commit_blocked_reason (self);
      break;
    case FIELD_PHASE_NAME:
      commit_phase_name (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Text is committed when the focus leaves it, too. */
static void
commit_on_leave (GtkWidget *widget,
                 Field      field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), GINT_TO_POINTER (field));
  gtk_widget_add_controller (widget, controller);
}

static void
check_leave_cb (GtkEventControllerFocus *controller,
                CheckRow                *check)
{
  check_apply_cb (check);
}

static GtkWidget *
create_check_row (RolloutTaskEditor *self,
                  guint              index)
{
  CheckRow *check = g_new0 (CheckRow, 1);
  GtkWidget *remove;
  GtkEventController *focus;

  check->editor = self;
  check->index = index;
  check->row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_entry_row_set_show_apply_button (check->row, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (check->row), _("Item"));

  check->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (check->check), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  adw_entry_row_add_prefix (check->row, GTK_WIDGET (check->check));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the Item"), -1);
  adw_entry_row_add_suffix (check->row, remove);

  g_signal_connect_swapped (check->check, "toggled", G_CALLBACK (check_toggled_cb), check);
  g_signal_connect_swapped (check->row, "apply", G_CALLBACK (check_apply_cb), check);
  g_signal_connect_swapped (check->row, "entry-activated", G_CALLBACK (check_apply_cb), check);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (check_remove_clicked_cb), check);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (check_leave_cb), check);
  gtk_widget_add_controller (GTK_WIDGET (check->row), focus);
  g_object_set_data_full (G_OBJECT (check->row), "rollout-check-row", check, (GDestroyNotify) check_row_free);
  g_ptr_array_add (self->check_rows, check);
  return GTK_WIDGET (check->row);
}

static void
refresh_checklist (RolloutTaskEditor *self,
                   RolloutTask       *task)
{
  GPtrArray *items = rollout_task_get_checklist (task);
  guint n = items != NULL ? items->len : 0;

  if (n != self->check_rows->len)
    {
      for (guint i = 0; i < self->check_rows->len; i++)
        gtk_list_box_remove (self->checklist_list,
                             GTK_WIDGET (((CheckRow *) g_ptr_array_index (self->check_rows, i))->row));
      g_ptr_array_set_size (self->check_rows, 0);
      for (guint i = 0; i < n; i++)
        gtk_list_box_insert (self->checklist_list, create_check_row (self, i), i);
    }
  for (guint i = 0; i < n; i++)
    {
      CheckRow *check = g_ptr_array_index (self->check_rows, i);
      RolloutChecklistItem *item = g_ptr_array_index (items, i);

      sync_text (GTK_EDITABLE (check->row), &check->shown_text, item->text);
      gtk_check_button_set_active (check->check, item->done);
    }
}

/* Fields ------------------------------------------------------------------ */

static void
phase_selected_cb (RolloutTaskEditor *self)
{
  g_autoptr(RolloutPhase) phase = NULL;
  g_autofree char *label = NULL;
  RolloutTask *task = get_task (self);
  guint selected = adw_combo_row_get_selected (self->phase_row);

  if (self->updating || task == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  phase = g_list_model_get_item (rollout_project_get_phases (get_project (self)), selected);
  if (phase == NULL || g_strcmp0 (rollout_phase_get_id (phase), rollout_task_get_phase_id (task)) == 0)
    return;
  /* Translators: a task, then a phase */
  label = g_strdup_printf (_("Move ‘%s’ to ‘%s’"), task_label (task), rollout_phase_get_name (phase));
  run (self, rollout_command_new_set_many (task, label, "phase-id", rollout_phase_get_id (phase), NULL));
}

static void
team_selected_cb (RolloutTaskEditor *self)
{
  RolloutTask *task = get_task (self);
  guint selected = adw_combo_row_get_selected (self->team_row);
  g_autoptr(RolloutTeam) team = NULL;
  g_autofree char *label = NULL;
  const char *id = NULL;

  if (self->updating || task == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    {
      team = g_list_model_get_item (rollout_project_get_teams (get_project (self)), selected - 1);
      id = team != NULL ? rollout_team_get_id (team) : NULL;
    }
  if (g_strcmp0 (id, rollout_task_get_team_id (task)) == 0)
    return;
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Change the Team of ‘%s’"), task_label (task));
  run (self, rollout_command_new_set_many (task, label, "team-id", id, NULL));
}

static void
duration_changed_cb (RolloutTaskEditor *self)
{
  RolloutTask *task = get_task (self);
  int duration = gtk_spin_button_get_value_as_int (self->duration_spin);
  g_autofree char *label = NULL;

  if (self->updating || task == NULL || duration == rollout_task_get_duration (task))
    return;
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Change the Duration of ‘%s’"), task_label (task));
  run (self, rollout_command_new_set_many (task, label, "duration", duration, NULL));
}

static void
set_constraint (RolloutTaskEditor *self,
                RolloutDate        date)
{
  RolloutTask *task = get_task (self);
  g_autofree char *label = NULL;

  if (task == NULL || date == rollout_task_get_start_no_earlier_than (task))
    return;
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Move ‘%s’"), task_label (task));
  run (self, rollout_command_new_set_many (task, label, "start-no-earlier-than", (guint) date, NULL));
}

static void
calendar_day_selected_cb (RolloutTaskEditor *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (self->constraint_calendar);
  gtk_popover_popdown (self->constraint_popover);
  set_constraint (self, rollout_date_from_ymd (g_date_time_get_year (day), g_date_time_get_month (day),
                                               g_date_time_get_day_of_month (day)));
}

static void
constraint_clear_clicked_cb (RolloutTaskEditor *self)
{
  gtk_popover_popdown (self->constraint_popover);
  set_constraint (self, ROLLOUT_DATE_NONE);
}

static void
status_selected_cb (RolloutTaskEditor *self)
{
  RolloutTask *task = get_task (self);
  guint selected = adw_combo_row_get_selected (self->status_row);
  g_autofree char *label = NULL;

  if (self->updating || task == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (RolloutTaskStatus) selected == rollout_task_get_status (task))
    return;
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Change the Status of ‘%s’"), task_label (task));
  /* Done means all of it is done; what blocked it goes with the block. */
  if (selected == ROLLOUT_TASK_STATUS_DONE)
    run (self, rollout_command_new_set_many (task, label, "status", (RolloutTaskStatus) selected,
                                             "progress", 100, "blocked-reason", NULL, NULL));
  else if (selected != ROLLOUT_TASK_STATUS_BLOCKED && rollout_task_get_blocked_reason (task) != NULL)
    run (self, rollout_command_new_set_many (task, label, "status", (RolloutTaskStatus) selected,
                                             "blocked-reason", NULL, NULL));
  else
    run (self, rollout_command_new_set_many (task, label, "status", (RolloutTaskStatus) selected, NULL));
}

static void
progress_changed_cb (RolloutTaskEditor *self)
{
  RolloutTask *task = get_task (self);
  int progress = gtk_spin_button_get_value_as_int (self->progress_spin);
  g_autofree char *label = NULL;

  if (self->updating || task == NULL || progress == rollout_task_get_progress (task))
    return;
  /* Translators: the name of a task */
  label = g_strdup_printf (_("Change the Progress of ‘%s’"), task_label (task));
  run (self, rollout_command_new_set_many (task, label, "progress", progress, NULL));
}

static void
phase_status_selected_cb (RolloutTaskEditor *self)
{
  RolloutPhase *phase = get_phase (self);
  guint selected = adw_combo_row_get_selected (self->phase_status_row);
  g_autofree char *label = NULL;

  if (self->updating || phase == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (RolloutPhaseStatus) selected == rollout_phase_get_status (phase))
    return;
  /* Translators: the name of a phase */
  label = g_strdup_printf (_("Change the Status of ‘%s’"), rollout_phase_get_name (phase));
  run (self, rollout_command_new_set_many (phase, label, "status", (RolloutPhaseStatus) selected, NULL));
}

/* The phase's gate is edited in a dialog of its own, as one undo step. */
static void
edit_gate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RolloutTaskEditor *self = ROLLOUT_TASK_EDITOR (widget);

  if (get_phase (self) == NULL || self->document == NULL)
    return;
  rollout_task_editor_commit (self);
  rollout_gate_editor_open (widget, self->document, get_phase (self));
}

/* Showing the item -------------------------------------------------------- */

static void
refresh_teams (RolloutTaskEditor *self,
               RolloutTask       *task)
{
  GListModel *teams = rollout_project_get_teams (get_project (self));
  g_autoptr(GString) key = g_string_new (NULL);
  guint n = g_list_model_get_n_items (teams);
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);

      g_string_append_printf (key, "%s\n", rollout_team_get_name (team));
      if (g_strcmp0 (rollout_team_get_id (team), rollout_task_get_team_id (task)) == 0)
        selected = i + 1;
    }
  if (g_strcmp0 (key->str, self->teams_key) != 0)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      /* Translators: a task without a team */
      gtk_string_list_append (model, C_("team", "None"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RolloutTeam) team = g_list_model_get_item (teams, i);

          gtk_string_list_append (model, rollout_team_get_name (team) != NULL ? rollout_team_get_name (team)
                                                                              : rollout_team_get_id (team));
        }
      adw_combo_row_set_model (self->team_row, G_LIST_MODEL (model));
      g_free (self->teams_key);
      self->teams_key = g_string_free (g_steal_pointer (&key), FALSE);
    }
  adw_combo_row_set_selected (self->team_row, selected);
}

static void
refresh_task (RolloutTaskEditor *self,
              RolloutTask       *task)
{
  RolloutProject *project = get_project (self);
  RolloutPhase *phase = rollout_project_lookup_phase (project, rollout_task_get_phase_id (task));
  RolloutDate constraint = rollout_task_get_start_no_earlier_than (task);
  g_autofree char *scheduled = NULL;
  g_autofree char *constraint_label = NULL;

  gtk_label_set_label (self->title_label, rollout_task_is_milestone (task) ? _("Milestone") : _("Task"));
  sync_text (GTK_EDITABLE (self->name_row), &self->shown_name, rollout_task_get_name (task));
  adw_combo_row_set_selected (self->phase_row, phase != NULL ? (guint) rollout_project_index_of (project, phase)
                                                             : GTK_INVALID_LIST_POSITION);
  refresh_teams (self, task);
  sync_text (GTK_EDITABLE (self->owner_row), &self->shown_owner, rollout_task_get_owner (task));

  scheduled = describe_schedule (rollout_task_get_start (task), rollout_task_get_finish (task),
                                 rollout_task_is_milestone (task), rollout_task_get_total_slack (task),
                                 rollout_task_get_critical (task));
  adw_action_row_set_subtitle (self->scheduled_row, scheduled);
  gtk_spin_button_set_value (self->duration_spin, rollout_task_get_duration (task));

  constraint_label = constraint != ROLLOUT_DATE_NONE ? rollout_format_date (constraint) : g_strdup (C_("start constraint", "None"));
  gtk_menu_button_set_label (self->constraint_button, constraint_label);
  {
    RolloutDate shown = constraint != ROLLOUT_DATE_NONE ? constraint : rollout_task_get_start (task);

    if (shown != ROLLOUT_DATE_NONE)
      {
        g_autoptr(GDateTime) day = NULL;
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_julian (&date, shown);
        day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
        gtk_calendar_select_day (self->constraint_calendar, day);
      }
  }

  adw_combo_row_set_selected (self->status_row, rollout_task_get_status (task));
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_reason_row),
                          rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_BLOCKED);
  sync_text (GTK_EDITABLE (self->blocked_reason_row), &self->shown_blocked_reason,
             rollout_task_get_blocked_reason (task));
  /* Done is all of it, whatever was counted before. */
  gtk_spin_button_set_value (self->progress_spin, rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_DONE
                                                  ? 100 : rollout_task_get_progress (task));
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_spin), rollout_task_get_status (task) != ROLLOUT_TASK_STATUS_DONE);

  refresh_dependencies (self, task);
  refresh_checklist (self, task);

  {
    const char *notes = rollout_task_get_notes (task);

    if (notes == NULL)
      notes = "";
    if (self->shown_notes == NULL || !g_str_equal (self->shown_notes, notes))
      {
        g_free (self->shown_notes);
        self->shown_notes = g_strdup (notes);
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes, -1);
      }
  }
}

static void
refresh_phase (RolloutTaskEditor *self,
               RolloutPhase      *phase)
{
  g_autoptr(RolloutGateEvaluation) evaluation = rollout_gates_evaluate_phase (get_project (self), phase);
  g_autofree char *scheduled = NULL;

  gtk_label_set_label (self->title_label, _("Phase"));
  sync_text (GTK_EDITABLE (self->phase_name_row), &self->shown_phase_name, rollout_phase_get_name (phase));
  adw_combo_row_set_selected (self->phase_status_row, rollout_phase_get_status (phase));
  scheduled = describe_schedule (rollout_phase_get_start (phase), rollout_phase_get_finish (phase),
                                 FALSE, 0, FALSE);
  adw_action_row_set_subtitle (self->phase_scheduled_row, scheduled);
  adw_action_row_set_subtitle (self->phase_gate_row, evaluation->summary);
}

static void
refresh (RolloutTaskEditor *self)
{
  RolloutProject *project = get_project (self);

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  /* The item may have left the plan (deleted, or undone). */
  if (self->item != NULL && (project == NULL || rollout_project_index_of (project, self->item) < 0))
    g_clear_object (&self->item);

  self->updating++;
  if (get_task (self) != NULL)
    {
      refresh_task (self, get_task (self));
      gtk_stack_set_visible_child_name (self->page_stack, "task");
    }
  else if (get_phase (self) != NULL)
    {
      refresh_phase (self, get_phase (self));
      gtk_stack_set_visible_child_name (self->page_stack, "phase");
    }
  else
    {
      gtk_label_set_label (self->title_label, _("Edit"));
      gtk_stack_set_visible_child_name (self->page_stack, "none");
    }
  self->updating--;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RolloutTaskEditor *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (RolloutTaskEditor *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, refresh_idle_cb, self, NULL);
}

/* GObject ----------------------------------------------------------------- */

static void
rollout_task_editor_dispose (GObject *object)
{
  RolloutTaskEditor *self = ROLLOUT_TASK_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLLOUT_TYPE_TASK_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->dep_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_clear_object (&self->dep_filter);

  G_OBJECT_CLASS (rollout_task_editor_parent_class)->dispose (object);
}

static void
rollout_task_editor_finalize (GObject *object)
{
  RolloutTaskEditor *self = ROLLOUT_TASK_EDITOR (object);

  g_free (self->shown_name);
  g_free (self->shown_owner);
  g_free (self->shown_notes);
  g_free (self->shown_blocked_reason);
  g_free (self->shown_phase_name);
  g_free (self->teams_key);

  G_OBJECT_CLASS (rollout_task_editor_parent_class)->finalize (object);
}

static void
rollout_task_editor_class_init (RolloutTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rollout_task_editor_dispose;
  object_class->finalize = rollout_task_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, page_stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, team_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, scheduled_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, constraint_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, constraint_popover);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, constraint_calendar);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, constraint_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, add_dep_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, dep_popover);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, dep_search);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, dep_candidates);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, deps_list);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, phase_name_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, phase_status_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, phase_scheduled_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, phase_gate_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, blocked_reason_row);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, delete_task_button);
  gtk_widget_class_bind_template_child (widget_class, RolloutTaskEditor, delete_phase_button);

  gtk_widget_class_install_action (widget_class, "task-editor.edit-gate", NULL, edit_gate_action);

  gtk_widget_class_set_css_name (widget_class, "task-editor");
}

static void
rollout_task_editor_init (RolloutTaskEditor *self)
{
  g_autoptr(GtkExpression) phase_name = NULL;
  GtkListItemFactory *factory;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dep_rows = g_ptr_array_new ();
  self->check_rows = g_ptr_array_new ();

  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (commit_name), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (commit_name), self);
  commit_on_leave (GTK_WIDGET (self->name_row), FIELD_NAME);
  g_signal_connect_swapped (self->owner_row, "apply", G_CALLBACK (commit_owner), self);
  g_signal_connect_swapped (self->owner_row, "entry-activated", G_CALLBACK (commit_owner), self);
  commit_on_leave (GTK_WIDGET (self->owner_row), FIELD_OWNER);
  commit_on_leave (GTK_WIDGET (self->notes_view), FIELD_NOTES);
  g_signal_connect_swapped (self->blocked_reason_row, "apply", G_CALLBACK (commit_blocked_reason), self);
  g_signal_connect_swapped (self->blocked_reason_row, "entry-activated", G_CALLBACK (commit_blocked_reason), self);
  commit_on_leave (GTK_WIDGET (self->blocked_reason_row), FIELD_BLOCKED_REASON);
  g_signal_connect_swapped (self->phase_name_row, "apply", G_CALLBACK (commit_phase_name), self);
  g_signal_connect_swapped (self->phase_name_row, "entry-activated", G_CALLBACK (commit_phase_name), self);
  commit_on_leave (GTK_WIDGET (self->phase_name_row), FIELD_PHASE_NAME);

  /* The row takes its own reference to the expression. */
  phase_name = gtk_property_expression_new (ROLLOUT_TYPE_PHASE, NULL, "name");
  adw_combo_row_set_expression (self->phase_row, phase_name);
  g_signal_connect_swapped (self->phase_row, "notify::selected", G_CALLBACK (phase_selected_cb), self);
  g_signal_connect_swapped (self->team_row, "notify::selected", G_CALLBACK (team_selected_cb), self);
  g_signal_connect_swapped (self->duration_spin, "value-changed", G_CALLBACK (duration_changed_cb), self);
  g_signal_connect_swapped (self->constraint_calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect_swapped (self->constraint_clear_button, "clicked", G_CALLBACK (constraint_clear_clicked_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->progress_spin, "value-changed", G_CALLBACK (progress_changed_cb), self);
  g_signal_connect_swapped (self->phase_status_row, "notify::selected", G_CALLBACK (phase_status_selected_cb), self);

  /* The last checklist row adds an item. */
  self->add_item_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_item_row), _("Add an Item"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->add_item_row), TRUE);
  g_signal_connect_swapped (self->add_item_row, "apply", G_CALLBACK (add_item_cb), self);
  g_signal_connect_swapped (self->add_item_row, "entry-activated", G_CALLBACK (add_item_cb), self);
  gtk_list_box_append (self->checklist_list, self->add_item_row);

  /* Candidates for a new dependency: the plan's other tasks, searchable. */
  self->dep_filter = gtk_custom_filter_new (candidate_filter_func, self, NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (candidate_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (candidate_bind_cb), NULL);
  gtk_list_view_set_factory (self->dep_candidates, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->dep_candidates, "activate", G_CALLBACK (candidate_activate_cb), self);
  g_signal_connect_swapped (self->dep_search, "search-changed", G_CALLBACK (dep_search_changed_cb), self);
  g_signal_connect_swapped (self->dep_search, "activate", G_CALLBACK (dep_search_activate_cb), self);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (dep_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->dep_search), controller);
  g_signal_connect_swapped (self->dep_popover, "show", G_CALLBACK (dep_popover_show_cb), self);

  refresh (self);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
rollout_task_editor_new (void)
{
  return g_object_new (ROLLOUT_TYPE_TASK_EDITOR, NULL);
}

/**
 * rollout_task_editor_set_document:
 * @self: a #RolloutTaskEditor
 * @document: (nullable): the plan the items belong to
 */
void
rollout_task_editor_set_document (RolloutTaskEditor *self,
                                  RolloutDocument   *document)
{
  g_return_if_fail (ROLLOUT_IS_TASK_EDITOR (self));
  g_return_if_fail (document == NULL || ROLLOUT_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  rollout_task_editor_set_item (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->teams_key, g_free);

  self->updating++;
  if (document != NULL)
    {
      RolloutProject *project = rollout_document_get_project (document);
      g_autoptr(GtkFilterListModel) candidates = NULL;

      g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
      adw_combo_row_set_model (self->phase_row, rollout_project_get_phases (project));
      candidates = gtk_filter_list_model_new (g_object_ref (rollout_project_get_tasks (project)),
                                              GTK_FILTER (g_object_ref (self->dep_filter)));
      gtk_list_view_set_model (self->dep_candidates,
                               GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&candidates)))));
    }
  else
    {
      adw_combo_row_set_model (self->phase_row, NULL);
      gtk_list_view_set_model (self->dep_candidates, NULL);
    }
  self->updating--;
  refresh (self);
}

/**
 * rollout_task_editor_get_item:
 * @self: a #RolloutTaskEditor
 *
 * Returns: (transfer none) (nullable): the #RolloutTask or #RolloutPhase
 *   being edited
 */
gpointer
rollout_task_editor_get_item (RolloutTaskEditor *self)
{
  g_return_val_if_fail (ROLLOUT_IS_TASK_EDITOR (self), NULL);

  return self->item;
}

/**
 * rollout_task_editor_set_item:
 * @self: a #RolloutTaskEditor
 * @item: (nullable): a #RolloutTask or #RolloutPhase of the plan
 *
 * Edits @item, after committing what was typed for the previous one.
 */
void
rollout_task_editor_set_item (RolloutTaskEditor *self,
                              gpointer           item)
{
  g_return_if_fail (ROLLOUT_IS_TASK_EDITOR (self));
  g_return_if_fail (item == NULL || ROLLOUT_IS_TASK (item) || ROLLOUT_IS_PHASE (item));

  if (self->item == item)
    return;
  rollout_task_editor_commit (self);
  g_set_object (&self->item, item);

  /* A new item shows all its values, whatever was shown before. */
  g_clear_pointer (&self->shown_name, g_free);
  g_clear_pointer (&self->shown_owner, g_free);
  g_clear_pointer (&self->shown_notes, g_free);
  g_clear_pointer (&self->shown_blocked_reason, g_free);
  g_clear_pointer (&self->shown_phase_name, g_free);
  for (guint i = 0; i < self->check_rows->len; i++)
    g_clear_pointer (&((CheckRow *) g_ptr_array_index (self->check_rows, i))->shown_text, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->add_item_row), "");
  refresh (self);
}

/**
 * rollout_task_editor_commit:
 * @self: a #RolloutTaskEditor
 *
 * Turns what was typed and not yet applied into edits.
 */
void
rollout_task_editor_commit (RolloutTaskEditor *self)
{
  g_return_if_fail (ROLLOUT_IS_TASK_EDITOR (self));

  if (get_task (self) != NULL)
    {
      commit_name (self);
      commit_owner (self);
      commit_blocked_reason (self);
      commit_notes (self);
      for (guint i = 0; i < self->check_rows->len; i++)
        check_apply_cb (g_ptr_array_index (self->check_rows, i));
    }
  else if (get_phase (self) != NULL)
    commit_phase_name (self);
}

/**
 * rollout_task_editor_focus_name:
 * @self: a #RolloutTaskEditor
 *
 * Puts the focus in the name field, with the name selected for typing over.
 */
void
rollout_task_editor_focus_name (RolloutTaskEditor *self)
{
  GtkWidget *row;

  g_return_if_fail (ROLLOUT_IS_TASK_EDITOR (self));

  row = get_phase (self) != NULL ? GTK_WIDGET (self->phase_name_row) : GTK_WIDGET (self->name_row);
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}

/**
 * rollout_task_editor_set_action_prefix:
 * @self: a #RolloutTaskEditor
 * @prefix: the action group of the view the editor is in, "board"
 *
 * Points the editor's Close and Delete buttons at the view's actions:
 * "<prefix>.show-editor" (a boolean property action) and "<prefix>.delete".
 * The editor starts out in the Timeline's ("timeline").
 */
void
rollout_task_editor_set_action_prefix (RolloutTaskEditor *self,
                                       const char        *prefix)
{
  g_autofree char *close = NULL;
  g_autofree char *delete = NULL;

  g_return_if_fail (ROLLOUT_IS_TASK_EDITOR (self));
  g_return_if_fail (prefix != NULL);

  close = g_strconcat (prefix, ".show-editor", NULL);
  delete = g_strconcat (prefix, ".delete", NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->close_button), close);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_task_button), delete);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_phase_button), delete);
}
