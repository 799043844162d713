/* rollout-conflict-dialog.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The merge conflicts of a plan, one group each: what is in conflict, why,
 * and what each side did ("duration 3 → 5 days" against "duration 3 → 7
 * days"), with a button to keep either. A choice is an edit of the plan
 * through its history — a toast offers Undo, and Ctrl+Z works here too —
 * and the list follows the plan, so undoing brings a conflict back. "Keep
 * All Yours" and "Keep All Theirs" settle every conflict that can take
 * that side in one edit. Once none are left, the dialog says so.
 *
 * "Yours" is what git calls ours: the plan as edited here, or the branch
 * checked out; "theirs" the file as someone else changed it, or the branch
 * merged in.
 */

#define G_LOG_DOMAIN "rollout-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-conflict-dialog.h"
#include "rollout-diff.h"

struct _RolloutConflictDialog
{
  AdwWindow             parent_instance;

  RolloutDocument      *document;
  GPtrArray            *conflicts;  /* RolloutConflict, as listed */
  GPtrArray            *groups;     /* AdwPreferencesGroup, one per conflict */

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwPreferencesPage   *page;
};

G_DEFINE_FINAL_TYPE (RolloutConflictDialog, rollout_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define CONFLICT_KEY "rollout-conflict"

/* Why the merge could not decide, in a sentence. */
static char *
describe_kind (const RolloutConflict *conflict)
{
  switch (conflict->kind)
    {
    case ROLLOUT_CONFLICT_EDIT:
      if (conflict->changes[ROLLOUT_MERGE_OURS] == ROLLOUT_MERGE_ADDED &&
          conflict->changes[ROLLOUT_MERGE_THEIRS] == ROLLOUT_MERGE_ADDED)
        return g_strdup (_("You both added it, differently."));
      else
        {
          g_autofree char *field = rollout_diff_field_label (conflict->collection, conflict->field);

          /* Translators: %s is a field of a task, risk… as "duration" */
          return g_strdup_printf (_("You both changed its %s, differently."), field);
        }

    case ROLLOUT_CONFLICT_DELETE:
      if (conflict->changes[ROLLOUT_MERGE_OURS] == ROLLOUT_MERGE_DELETED)
        return g_strdup (_("You deleted it; they changed it."));
      return g_strdup (_("They deleted it; you changed it."));

    case ROLLOUT_CONFLICT_ORDER:
      return g_strdup (_("You both moved it, to different places."));

    case ROLLOUT_CONFLICT_CYCLE:
      return g_strdup (_("Their new dependency, together with your changes, makes tasks wait for each other in a circle."));

    case ROLLOUT_CONFLICT_REFERENCE:
      return g_strdup (_("One side deleted it while the other still refers to it."));

    default:
      return g_strdup (conflict->message);
    }
}

static void
show_toast (RolloutConflictDialog *self,
            const char            *title,
            gboolean               undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "conflicts.undo");
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
resolve (RolloutConflictDialog *self,
         GPtrArray             *conflicts,
         RolloutMergeSide       side)
{
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  RolloutHistory *history;
  g_autofree char *text = NULL;

  if (self->document == NULL || conflicts->len == 0)
    return;
  history = rollout_document_get_history (self->document);
  if (!rollout_document_resolve_conflicts (self->document, conflicts, side, &refused, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }

  if (refused != NULL)
    {
      /* Translators: %s is the label of an edit, as "Keep Their Versions
       * in 3 Conflicts" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s — %u conflict could not take that version",
                                           "%s — %u conflicts could not take that version",
                                           refused->len),
                              rollout_history_get_undo_label (history), refused->len);
      show_toast (self, text, TRUE);
    }
  else
    show_toast (self, rollout_history_get_undo_label (history), TRUE);
}

static void
keep_clicked_cb (GtkButton             *button,
                 RolloutConflictDialog *self)
{
  const RolloutConflict *conflict = g_object_get_data (G_OBJECT (button), CONFLICT_KEY);
  RolloutMergeSide side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rollout-side"));
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_conflict_free);

  g_ptr_array_add (one, rollout_conflict_copy (conflict));
  resolve (self, one, side);
}

static GtkWidget *
side_row (RolloutConflictDialog *self,
          RolloutConflict       *conflict,
          RolloutMergeSide       side)
{
  RolloutProject *project = rollout_document_get_project (self->document);
  g_autofree char *what = rollout_conflict_describe_side (conflict, project, side);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Keep"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), side == ROLLOUT_MERGE_OURS ? _("Yours") : _("Theirs"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, side == ROLLOUT_MERGE_OURS ? _("Keep your version") : _("Keep their version"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  side == ROLLOUT_MERGE_OURS ? _("Keep your version") : _("Keep their version"),
                                  -1);
  g_object_set_data (G_OBJECT (button), CONFLICT_KEY, conflict);
  g_object_set_data (G_OBJECT (button), "rollout-side", GINT_TO_POINTER (side));
  g_signal_connect (button, "clicked", G_CALLBACK (keep_clicked_cb), self);

  /* Their dependency would bring the cycle back: it cannot be kept. */
  if (conflict->kind == ROLLOUT_CONFLICT_CYCLE && side == ROLLOUT_MERGE_THEIRS)
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, _("Their dependency would make tasks wait for each other in a circle"));
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_groups (RolloutConflictDialog *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static gboolean
same_conflicts (GPtrArray *a,
                GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (((RolloutConflict *) g_ptr_array_index (a, i))->message,
                   ((RolloutConflict *) g_ptr_array_index (b, i))->message) != 0)
      return FALSE;
  return TRUE;
}

/* Lists the plan's conflicts as they are now. */
static void
refresh (RolloutConflictDialog *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *subtitle = NULL;
  RolloutProject *project;

  if (self->document == NULL)
    return;
  conflicts = rollout_document_dup_conflicts (self->document);
  if (same_conflicts (conflicts, self->conflicts))
    return;

  clear_groups (self);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&conflicts);
  project = rollout_document_get_project (self->document);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      RolloutConflict *conflict = g_ptr_array_index (self->conflicts, i);
      g_autofree char *label = rollout_conflict_dup_label (conflict, project);
      g_autofree char *why = describe_kind (conflict);
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), why);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), side_row (self, conflict, ROLLOUT_MERGE_OURS));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), side_row (self, conflict, ROLLOUT_MERGE_THEIRS));
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }

  if (self->conflicts->len > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u left to resolve", "%u left to resolve",
                                             self->conflicts->len),
                                self->conflicts->len);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_stack_set_visible_child_name (self->stack, self->conflicts->len > 0 ? "conflicts" : "resolved");
}

/* Actions ------------------------------------------------------------------ */

static void
keep_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (widget);
  const char *side = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) all = NULL;

  if (self->document == NULL)
    return;
  all = rollout_document_dup_conflicts (self->document);
  resolve (self, all, g_str_equal (side, "theirs") ? ROLLOUT_MERGE_THEIRS : ROLLOUT_MERGE_OURS);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (widget);

  if (self->document != NULL)
    rollout_history_undo (rollout_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (widget);

  if (self->document != NULL)
    rollout_history_redo (rollout_document_get_history (self->document));
}

/* GObject ------------------------------------------------------------------ */

static void
rollout_conflict_dialog_constructed (GObject *object)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (object);

  G_OBJECT_CLASS (rollout_conflict_dialog_parent_class)->constructed (object);

  if (self->document != NULL)
    g_signal_connect_object (self->document, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
rollout_conflict_dialog_dispose (GObject *object)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (rollout_conflict_dialog_parent_class)->dispose (object);
}

static void
rollout_conflict_dialog_finalize (GObject *object)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (object);

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (rollout_conflict_dialog_parent_class)->finalize (object);
}

static void
rollout_conflict_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_conflict_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RolloutConflictDialog *self = ROLLOUT_CONFLICT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_conflict_dialog_class_init (RolloutConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rollout_conflict_dialog_constructed;
  object_class->dispose = rollout_conflict_dialog_dispose;
  object_class->finalize = rollout_conflict_dialog_finalize;
  object_class->get_property = rollout_conflict_dialog_get_property;
  object_class->set_property = rollout_conflict_dialog_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ROLLOUT_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Rollout/rollout-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RolloutConflictDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RolloutConflictDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RolloutConflictDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RolloutConflictDialog, page);

  gtk_widget_class_install_action (widget_class, "conflicts.keep-all", "s", keep_all_action);
  gtk_widget_class_install_action (widget_class, "conflicts.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "conflicts.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "conflicts.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "conflicts.redo", NULL);
}

static void
rollout_conflict_dialog_init (RolloutConflictDialog *self)
{
  self->groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rollout_conflict_dialog_new:
 * @parent: (nullable): the plan's window
 * @document: the plan with conflicts
 *
 * Returns: (transfer floating): a new dialog, not yet shown, listing the
 *   conflicts of @document and following them as they are resolved or
 *   brought back by Undo
 */
GtkWidget *
rollout_conflict_dialog_new (GtkWindow       *parent,
                             RolloutDocument *document)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (document), NULL);

  return g_object_new (ROLLOUT_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       NULL);
}

RolloutDocument *
rollout_conflict_dialog_get_document (RolloutConflictDialog *self)
{
  g_return_val_if_fail (ROLLOUT_IS_CONFLICT_DIALOG (self), NULL);

  return self->document;
}
