/* rollout-merge-command.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merges and conflict choices as edits of an open plan.
 *
 * A merge or a resolved conflict gives a new version of the plan. To make
 * it one undoable step, the open plan is not replaced: a group of ordinary
 * commands turns it into the new version — properties set on the objects
 * that changed, objects removed, inserted and moved — so the objects the
 * views show and the commands already in the history hold stay the same
 * objects. Unknown members, the calendar and the plan's list of conflicts
 * are set by two small commands of this file.
 *
 * Moves are few: the objects that keep their relative order (one longest
 * increasing subsequence of their new positions) stay; only the others are
 * taken out and put back at their new places.
 */

#define G_LOG_DOMAIN "rollout-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rollout-diff-private.h"
#include "rollout-file.h"
#include "rollout-merge.h"

#define N_COLLECTIONS ROLLOUT_DIFF_N_COLLECTIONS

/* Unknown members -------------------------------------------------------- */

#define ROLLOUT_TYPE_EXTRA_COMMAND (rollout_extra_command_get_type ())
G_DECLARE_FINAL_TYPE (RolloutExtraCommand, rollout_extra_command, ROLLOUT, EXTRA_COMMAND, RolloutCommand)

/* Sets the members Rollout does not know of one object (the plan's hold
 * its conflicts), or the plan's calendar. */
struct _RolloutExtraCommand
{
  RolloutCommand parent_instance;

  GObject    *object;
  JsonObject *extra[2];           /* before, after */
  /* For the calendar */
  gboolean    calendar;
  guint       working_days[2];
  GPtrArray  *holidays[2];
};

G_DEFINE_FINAL_TYPE (RolloutExtraCommand, rollout_extra_command, ROLLOUT_TYPE_COMMAND)

static JsonObject *
get_extra (GObject *object)
{
  if (ROLLOUT_IS_PROJECT (object))
    return rollout_project_get_extra (ROLLOUT_PROJECT (object));
  if (ROLLOUT_IS_CALENDAR (object))
    return rollout_calendar_get_extra (ROLLOUT_CALENDAR (object));
  if (ROLLOUT_IS_TASK (object))
    return rollout_task_get_extra (ROLLOUT_TASK (object));
  if (ROLLOUT_IS_PHASE (object))
    return rollout_phase_get_extra (ROLLOUT_PHASE (object));
  if (ROLLOUT_IS_TEAM (object))
    return rollout_team_get_extra (ROLLOUT_TEAM (object));
  if (ROLLOUT_IS_RISK (object))
    return rollout_risk_get_extra (ROLLOUT_RISK (object));
  if (ROLLOUT_IS_METRIC (object))
    return rollout_metric_get_extra (ROLLOUT_METRIC (object));
  return rollout_feedback_get_extra (ROLLOUT_FEEDBACK (object));
}

static void
set_extra (GObject    *object,
           JsonObject *extra)
{
  if (ROLLOUT_IS_PROJECT (object))
    rollout_project_set_extra (ROLLOUT_PROJECT (object), extra);
  else if (ROLLOUT_IS_CALENDAR (object))
    rollout_calendar_set_extra (ROLLOUT_CALENDAR (object), extra);
  else if (ROLLOUT_IS_TASK (object))
    rollout_task_set_extra (ROLLOUT_TASK (object), extra);
  else if (ROLLOUT_IS_PHASE (object))
    rollout_phase_set_extra (ROLLOUT_PHASE (object), extra);
  else if (ROLLOUT_IS_TEAM (object))
    rollout_team_set_extra (ROLLOUT_TEAM (object), extra);
  else if (ROLLOUT_IS_RISK (object))
    rollout_risk_set_extra (ROLLOUT_RISK (object), extra);
  else if (ROLLOUT_IS_METRIC (object))
    rollout_metric_set_extra (ROLLOUT_METRIC (object), extra);
  else
    rollout_feedback_set_extra (ROLLOUT_FEEDBACK (object), extra);
}

static GPtrArray *
copy_holidays (GPtrArray *holidays)
{
  return rollout_ptr_array_copy (holidays, (GBoxedCopyFunc) rollout_holiday_copy,
                                 (GDestroyNotify) rollout_holiday_free);
}

static void
extra_command_set (RolloutExtraCommand *self,
                   int                  which)
{
  set_extra (self->object, self->extra[which]);
  if (self->calendar)
    {
      g_autoptr(GPtrArray) holidays = copy_holidays (self->holidays[which]);

      rollout_calendar_set_working_days (ROLLOUT_CALENDAR (self->object), self->working_days[which]);
      rollout_calendar_set_holidays (ROLLOUT_CALENDAR (self->object), holidays);
    }
}

static void
rollout_extra_command_apply (RolloutCommand *command,
                             RolloutProject *project)
{
  extra_command_set (ROLLOUT_EXTRA_COMMAND (command), 1);
}

static void
rollout_extra_command_revert (RolloutCommand *command,
                              RolloutProject *project)
{
  extra_command_set (ROLLOUT_EXTRA_COMMAND (command), 0);
}

static void
rollout_extra_command_finalize (GObject *object)
{
  RolloutExtraCommand *self = (RolloutExtraCommand *)object;

  g_clear_object (&self->object);
  for (int i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->extra[i], json_object_unref);
      g_clear_pointer (&self->holidays[i], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (rollout_extra_command_parent_class)->finalize (object);
}

static void
rollout_extra_command_class_init (RolloutExtraCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_extra_command_finalize;
  ROLLOUT_COMMAND_CLASS (klass)->apply = rollout_extra_command_apply;
  ROLLOUT_COMMAND_CLASS (klass)->revert = rollout_extra_command_revert;
}

static void
rollout_extra_command_init (RolloutExtraCommand *self)
{
}

static JsonObject *
extra_ref (JsonObject *extra)
{
  return extra != NULL ? json_object_ref (extra) : NULL;
}

static RolloutCommand *
extra_command_new (GObject    *object,
                   JsonObject *after)
{
  RolloutExtraCommand *self = g_object_new (ROLLOUT_TYPE_EXTRA_COMMAND, NULL);

  self->object = g_object_ref (object);
  self->extra[0] = extra_ref (get_extra (object));
  self->extra[1] = extra_ref (after);
  return ROLLOUT_COMMAND (self);
}

static RolloutCommand *
calendar_command_new (RolloutCalendar *calendar,
                      RolloutCalendar *wanted)
{
  RolloutExtraCommand *self;

  self = ROLLOUT_EXTRA_COMMAND (extra_command_new (G_OBJECT (calendar), rollout_calendar_get_extra (wanted)));
  self->calendar = TRUE;
  self->working_days[0] = rollout_calendar_get_working_days (calendar);
  self->working_days[1] = rollout_calendar_get_working_days (wanted);
  self->holidays[0] = copy_holidays (rollout_calendar_get_holidays (calendar));
  self->holidays[1] = copy_holidays (rollout_calendar_get_holidays (wanted));
  return ROLLOUT_COMMAND (self);
}

/* Making one plan like another ------------------------------------------- */

static const RolloutJsonValue *
member_of (const RolloutJsonValue *object,
           const char             *name)
{
  if (object == NULL || rollout_json_get_type (object) != ROLLOUT_JSON_OBJECT)
    return NULL;
  return rollout_json_object_get (object, name);
}

static gboolean
extra_equal (JsonObject *a,
             JsonObject *b)
{
  g_autoptr(JsonNode) x = NULL;
  g_autoptr(JsonNode) y = NULL;

  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) && (b == NULL || json_object_get_size (b) == 0);
  x = json_node_init_object (json_node_alloc (), a);
  y = json_node_init_object (json_node_alloc (), b);
  return _rollout_json_equal (x, y);
}

static GListModel *
collection_model (RolloutProject *project,
                  int             collection)
{
  switch (collection)
    {
    case 0:
      return rollout_project_get_teams (project);
    case 1:
      return rollout_project_get_phases (project);
    case 2:
      return rollout_project_get_tasks (project);
    case 3:
      return rollout_project_get_risks (project);
    case 4:
      return rollout_project_get_metrics (project);
    default:
      return rollout_project_get_feedback (project);
    }
}

static const char *
object_id (gpointer object)
{
  const char *id = NULL;

  if (ROLLOUT_IS_TASK (object))
    id = rollout_task_get_id (object);
  else if (ROLLOUT_IS_PHASE (object))
    id = rollout_phase_get_id (object);
  else if (ROLLOUT_IS_TEAM (object))
    id = rollout_team_get_id (object);
  else if (ROLLOUT_IS_RISK (object))
    id = rollout_risk_get_id (object);
  else if (ROLLOUT_IS_METRIC (object))
    id = rollout_metric_get_id (object);
  else if (ROLLOUT_IS_FEEDBACK (object))
    id = rollout_feedback_get_id (object);
  return id;
}

/* Sets every stored property of @object that differs in @wanted. Derived
 * ones (scheduled dates) are read-only and follow by rescheduling. */
static void
add_property_changes (RolloutCommand *group,
                      GObject        *object,
                      GObject        *wanted,
                      const char     *label)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) have = G_VALUE_INIT;
      g_auto(GValue) want = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      g_value_init (&have, pspec->value_type);
      g_value_init (&want, pspec->value_type);
      g_object_get_property (object, pspec->name, &have);
      g_object_get_property (wanted, pspec->name, &want);
      /* Boxed values compare by address: they are set whenever the object
       * changed, which is harmless. */
      if (g_param_values_cmp (pspec, &have, &want) != 0)
        rollout_command_group_add (group, rollout_command_new_set (object, pspec->name, &want, label));
    }
  if (!extra_equal (get_extra (object), get_extra (wanted)))
    rollout_command_group_add (group, extra_command_new (object, get_extra (wanted)));
}

/* Which of @positions (each a new position, in the current order) stay in
 * place: one longest increasing subsequence. */
static gboolean *
longest_increasing (const int *positions,
                    guint      n)
{
  g_autofree guint *tails = g_new (guint, n + 1);  /* index of the smallest tail of each length */
  g_autofree int *previous = g_new (int, n);
  gboolean *keep = g_new0 (gboolean, n);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (positions[tails[mid]] < positions[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      previous[i] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == length)
        length++;
    }
  for (int i = length > 0 ? (int) tails[length - 1] : -1; i >= 0; i = previous[i])
    keep[i] = TRUE;
  return keep;
}

static void
sync_collection (RolloutCommand         *group,
                 RolloutProject         *project,
                 RolloutProject         *wanted,
                 int                     collection,
                 const RolloutJsonValue *have_list,
                 const RolloutJsonValue *want_list,
                 const char             *label)
{
  GListModel *have = collection_model (project, collection);
  GListModel *want = collection_model (wanted, collection);
  guint n_have = g_list_model_get_n_items (have);
  guint n_want = g_list_model_get_n_items (want);
  g_autoptr(GHashTable) want_position = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) have_objects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) staying = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) staying_at = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *positions = NULL;
  g_autofree gboolean *keep = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);

  if (_rollout_json_value_equal (have_list, want_list))
    return;

  for (guint i = 0; i < n_want; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (want, i);

      g_hash_table_insert (want_position, (gpointer) object_id (object), GUINT_TO_POINTER (i + 1));
    }

  /* The objects that stay; those that go are removed from the end, so
   * that each comes back to its place on undo. */
  for (guint i = 0; i < n_have; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (have, i);
      const char *id = object_id (object);

      if (g_hash_table_contains (want_position, id))
        {
          g_ptr_array_add (staying, g_object_ref (object));
          g_array_append_val (staying_at, i);
          g_hash_table_insert (have_objects, (gpointer) id, g_object_ref (object));
        }
    }
  for (guint i = n_have; i-- > 0;)
    {
      g_autoptr(GObject) object = g_list_model_get_item (have, i);

      if (!g_hash_table_contains (want_position, object_id (object)))
        rollout_command_group_add (group, rollout_command_new_remove (object, label));
    }

  /* Those that stay keep their identity: what changed is set on them. */
  for (guint i = 0; i < staying->len; i++)
    {
      GObject *object = g_ptr_array_index (staying, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (want_position, object_id (object))) - 1;
      g_autoptr(GObject) target = g_list_model_get_item (want, position);
      const RolloutJsonValue *before = rollout_json_array_get (have_list, g_array_index (staying_at, guint, i));
      const RolloutJsonValue *after = rollout_json_array_get (want_list, position);

      if (!_rollout_json_value_equal (before, after))
        add_property_changes (group, object, target, label);
    }

  /* The rest keep their order; the objects out of it move. */
  positions = g_new (int, MAX (staying->len, 1));
  for (guint i = 0; i < staying->len; i++)
    positions[i] = GPOINTER_TO_UINT (g_hash_table_lookup (want_position, object_id (g_ptr_array_index (staying, i))));
  keep = longest_increasing (positions, staying->len);
  for (guint i = staying->len; i-- > 0;)
    {
      GObject *object = g_ptr_array_index (staying, i);

      if (keep[i])
        g_hash_table_add (kept, (gpointer) object_id (object));
      else
        rollout_command_group_add (group, rollout_command_new_remove (object, label));
    }

  /* In the new order, everything before each insertion is in place. */
  for (guint i = 0; i < n_want; i++)
    {
      g_autoptr(GObject) target = g_list_model_get_item (want, i);
      const char *id = object_id (target);
      GObject *existing;

      if (g_hash_table_contains (kept, id))
        continue;
      existing = g_hash_table_lookup (have_objects, id);
      rollout_command_group_add (group, rollout_command_new_insert (existing != NULL ? existing : target, i, label));
    }
}

/**
 * rollout_merge_command_new:
 * @project: the open plan
 * @merged: the version it is to become, as rollout_merge_projects() gives
 *   it; its objects may be moved into @project, so it is not to be used
 *   afterwards
 * @label: what the edit does, for Undo
 *
 * Makes @project what @merged is, as one command: the plan's fields,
 * calendar, unknown members and conflicts, and its objects — changed ones
 * keep their identity, new ones come from @merged. Run it through the
 * plan's history.
 *
 * Returns: (transfer full): the command; an empty group when the two are
 *   already the same
 */
RolloutCommand *
rollout_merge_command_new (RolloutProject *project,
                           RolloutProject *merged,
                           const char     *label)
{
  g_autoptr(RolloutJsonDocument) have_document = NULL;
  g_autoptr(RolloutJsonDocument) want_document = NULL;
  const RolloutJsonValue *have, *want;
  RolloutCommand *group;
  GObject *plan = G_OBJECT (project);
  GObject *wanted = G_OBJECT (merged);
  static const char * const plan_properties[] = {
    "name", "description", "owner", "created", "modified", "start",
  };

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (merged), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  group = rollout_command_new_group (label);
  /* Parsed, not json-glib trees: most of a big plan is only compared. */
  have_document = _rollout_project_to_document (project);
  want_document = _rollout_project_to_document (merged);
  have = rollout_json_document_get_root (have_document);
  want = rollout_json_document_get_root (want_document);

  for (guint i = 0; i < G_N_ELEMENTS (plan_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (plan), plan_properties[i]);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (plan, pspec->name, &a);
      g_object_get_property (wanted, pspec->name, &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        rollout_command_group_add (group, rollout_command_new_set (plan, pspec->name, &b, label));
    }
  if (!_rollout_json_value_equal (member_of (have, "calendar"), member_of (want, "calendar")))
    rollout_command_group_add (group, calendar_command_new (rollout_project_get_calendar (project),
                                                            rollout_project_get_calendar (merged)));

  for (int c = 0; c < N_COLLECTIONS; c++)
    sync_collection (group, project, merged, c,
                     member_of (have, _rollout_diff_collections[c]),
                     member_of (want, _rollout_diff_collections[c]), label);

  /* Last, so that undoing brings the conflicts back first. */
  if (!extra_equal (rollout_project_get_extra (project), rollout_project_get_extra (merged)))
    rollout_command_group_add (group, extra_command_new (plan, rollout_project_get_extra (merged)));

  return group;
}

/* Resolving as an edit ------------------------------------------------------- */

/* A copy of @project that can be changed freely, conflicts and all. */
static RolloutProject *
copy_project (RolloutProject  *project,
              GError         **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  contents = rollout_file_write (project, &length);
  return rollout_merge_read (contents, length, NULL, error);
}

static char *
side_label (RolloutMergeSide  side,
            const char       *title)
{
  /* Translators: the label of an edit, shown as "Undo Keep Your Version
   * of ‘Train support agents’"; %s is the name of a task, risk… */
  if (side == ROLLOUT_MERGE_OURS)
    return g_strdup_printf (_("Keep Your Version of ‘%s’"), title);
  if (side == ROLLOUT_MERGE_THEIRS)
    return g_strdup_printf (_("Keep Their Version of ‘%s’"), title);
  return g_strdup_printf (_("Keep the Original of ‘%s’"), title);
}

/**
 * rollout_merge_resolve_command_new:
 * @project: the open plan, with conflicts
 * @conflicts: (element-type RolloutConflict): some of its conflicts
 * @side: the version to keep for each
 * @out_refused: (out) (optional) (transfer full) (element-type utf8): why
 *   each conflict that could not be resolved that way was left (picking
 *   theirs for a cycle brings the cycle back)
 * @error: return location for an error
 *
 * Resolves @conflicts as rollout_merge_resolve() does, as one undoable
 * edit. Conflicts that cannot take @side stay, and are listed in
 * @out_refused.
 *
 * Returns: (transfer full) (nullable): the command to run through the
 *   plan's history, or %NULL when none of @conflicts could be resolved
 */
RolloutCommand *
rollout_merge_resolve_command_new (RolloutProject    *project,
                                   GPtrArray         *conflicts,
                                   RolloutMergeSide   side,
                                   GPtrArray        **out_refused,
                                   GError           **error)
{
  g_autoptr(RolloutProject) copy = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) first_error = NULL;
  g_autofree char *label = NULL;
  guint resolved = 0;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (conflicts != NULL, NULL);

  if (out_refused != NULL)
    *out_refused = NULL;

  copy = copy_project (project, error);
  if (copy == NULL)
    return NULL;

  for (guint i = 0; i < conflicts->len; i++)
    {
      const RolloutConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autoptr(GError) local_error = NULL;

      if (rollout_merge_resolve (copy, conflict, side, &local_error))
        {
          if (resolved++ == 0)
            {
              g_autofree char *title = rollout_conflict_dup_title (conflict);

              label = side_label (side, title);
            }
          continue;
        }
      g_ptr_array_add (refused, g_strdup (local_error->message));
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  if (resolved == 0)
    {
      if (first_error != NULL)
        g_propagate_error (error, g_steal_pointer (&first_error));
      else
        g_set_error_literal (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID,
                             _("There are no conflicts to resolve"));
      return NULL;
    }
  if (resolved > 1)
    {
      g_free (label);
      if (side == ROLLOUT_MERGE_THEIRS)
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Keep Their Version in %u Conflict",
                                              "Keep Their Versions in %u Conflicts", resolved), resolved);
      else if (side == ROLLOUT_MERGE_OURS)
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Keep Your Version in %u Conflict",
                                              "Keep Your Versions in %u Conflicts", resolved), resolved);
      else
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Keep the Original in %u Conflict",
                                              "Keep the Originals in %u Conflicts", resolved), resolved);
    }

  if (out_refused != NULL && refused->len > 0)
    *out_refused = g_steal_pointer (&refused);
  return rollout_merge_command_new (project, copy, label);
}

/* Conflicts in words ---------------------------------------------------------- */

static const char *
title_property (GObject *object)
{
  if (ROLLOUT_IS_RISK (object))
    return "title";
  if (ROLLOUT_IS_FEEDBACK (object))
    return "id";
  return "name";
}

/* "Task ‘Write FAQ’", as the diff names objects, for an object of @project
 * or, when it has none by that id, from @name. */
static char *
object_label (RolloutProject *project,
              const char     *collection,
              const char     *id,
              const char     *name)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = json_object_new ();
  GObject *found = NULL;
  int index = _rollout_diff_collection_index (collection);

  if (index >= 0 && project != NULL && id != NULL)
    {
      GListModel *model = collection_model (project, index);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n && found == NULL; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (g_strcmp0 (object_id (item), id) == 0)
            found = item;
        }
    }
  if (found != NULL)
    {
      g_autofree char *title = NULL;

      g_object_get (found, title_property (found), &title, NULL);
      json_object_set_string_member (object, index == 3 ? "title" : index == 5 ? "id" : "name", title);
      if (ROLLOUT_IS_TASK (found))
        json_object_set_int_member (object, "duration", rollout_task_get_duration (ROLLOUT_TASK (found)));
    }
  else
    json_object_set_string_member (object, index == 3 ? "title" : index == 5 ? "id" : "name",
                                   name != NULL ? name : id);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return rollout_diff_label (collection, node);
}

/**
 * rollout_conflict_dup_title:
 * @conflict: a #RolloutConflict
 *
 * Returns: (transfer full): the name of what is in conflict ("Train
 *   support agents"), or "the plan" for the plan's own fields
 */
char *
rollout_conflict_dup_title (const RolloutConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);

  if (conflict->collection == NULL)
    return g_strdup (_("the plan"));
  return g_strdup (conflict->name != NULL ? conflict->name : conflict->id);
}

/**
 * rollout_conflict_dup_label:
 * @conflict: a #RolloutConflict
 * @project: (nullable): the plan, to tell a milestone from a task
 *
 * Returns: (transfer full): what is in conflict as the diff names it:
 *   "Task ‘Train support agents’", "Risk ‘No-shows’", "Plan"
 */
char *
rollout_conflict_dup_label (const RolloutConflict *conflict,
                            RolloutProject        *project)
{
  g_return_val_if_fail (conflict != NULL, NULL);

  if (conflict->collection == NULL)
    return rollout_diff_label (NULL, NULL);
  return object_label (project, conflict->collection, conflict->id, conflict->name);
}

/**
 * rollout_conflict_describe_side:
 * @conflict: a #RolloutConflict
 * @project: (nullable): the plan, to name the objects values refer to
 * @side: %ROLLOUT_MERGE_OURS or %ROLLOUT_MERGE_THEIRS
 *
 * What one side did, in words, against the base: "duration 3 → 5 days",
 * "deleted it", "moved it after Task ‘Write FAQ’", "left it as it was".
 *
 * Returns: (transfer full): the text
 */
char *
rollout_conflict_describe_side (const RolloutConflict *conflict,
                                RolloutProject        *project,
                                RolloutMergeSide       side)
{
  JsonNode *base, *value;
  char *text = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);
  g_return_val_if_fail (side <= ROLLOUT_MERGE_THEIRS, NULL);

  base = conflict->values[ROLLOUT_MERGE_BASE];
  value = conflict->values[side];
  switch (conflict->kind)
    {
    case ROLLOUT_CONFLICT_EDIT:
    case ROLLOUT_CONFLICT_CYCLE:
      if (conflict->changes[side] == ROLLOUT_MERGE_ADDED && base == NULL && value != NULL &&
          JSON_NODE_HOLDS_OBJECT (value))
        text = rollout_diff_describe_object (project, project, conflict->collection, NULL, value);
      else
        text = rollout_diff_describe_field (project, project, conflict->collection, conflict->field, base, value);
      break;

    case ROLLOUT_CONFLICT_DELETE:
    case ROLLOUT_CONFLICT_REFERENCE:
      if (conflict->changes[side] == ROLLOUT_MERGE_DELETED || value == NULL)
        return g_strdup (_("deleted it"));
      if (conflict->changes[side] == ROLLOUT_MERGE_EDITED)
        {
          g_autofree char *edit = rollout_diff_describe_object (project, project, conflict->collection, base, value);

          if (edit != NULL)
            /* Translators: %s is a list of changes, as "duration 3 → 5 days" */
            return g_strdup_printf (_("changed it: %s"), edit);
        }
      break;

    case ROLLOUT_CONFLICT_ORDER:
      {
        const char *after = value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                            json_node_get_value_type (value) == G_TYPE_STRING
                            ? json_node_get_string (value) : NULL;
        g_autofree char *label = NULL;

        if (after == NULL)
          return g_strdup (_("moved it to the top"));
        label = object_label (project, conflict->collection, after, NULL);
        /* Translators: %s is an object, as "Task ‘Write FAQ’" */
        return g_strdup_printf (_("moved it after %s"), label);
      }

    default:
      break;
    }

  return text != NULL ? text : g_strdup (_("left it as it was"));
}
