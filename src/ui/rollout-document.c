/* rollout-document.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A document is one open plan: the project, the file it came from (none
 * for a new plan), whether it has unsaved changes, and its schedule.
 *
 * Until edits go through commands and a history, "unsaved changes" means
 * "anything stored changed": the document watches the project's own
 * properties, its calendar, every collection and every object that was ever
 * in one. Only writable properties count, so the scheduler filling in
 * derived dates does not dirty the plan. After a burst of changes the plan
 * is rescheduled once, from an idle, and ::changed is emitted. This file is
 * the one place that knows how changes are noticed.
 */

#define G_LOG_DOMAIN "rollout-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rollout-document.h"
#include "rollout-file.h"
#include "rollout-format.h"

struct _RolloutDocument
{
  GObject                 parent_instance;

  RolloutProject         *project;
  GFile                  *file;

  /* Every object whose signals we connected to, with a reference. */
  GHashTable             *watched;

  RolloutScheduleSummary  summary;
  GError                 *schedule_error;

  guint                   changed_source;
  guint                   dirty : 1;
};

G_DEFINE_FINAL_TYPE (RolloutDocument, rollout_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_DIRTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef GListModel *(*CollectionGetter) (RolloutProject *project);

static const CollectionGetter collections[] = {
  rollout_project_get_teams,
  rollout_project_get_phases,
  rollout_project_get_tasks,
  rollout_project_get_risks,
  rollout_project_get_metrics,
  rollout_project_get_feedback,
};

static void
reschedule (RolloutDocument *self)
{
  g_clear_error (&self->schedule_error);
  memset (&self->summary, 0, sizeof self->summary);
  rollout_project_schedule (self->project, &self->summary, &self->schedule_error);
}

static gboolean
changed_idle_cb (gpointer user_data)
{
  RolloutDocument *self = user_data;

  self->changed_source = 0;
  reschedule (self);
  g_signal_emit (self, signals [CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
mark_changed (RolloutDocument *self)
{
  rollout_document_set_dirty (self, TRUE);
  if (self->changed_source == 0)
    self->changed_source = g_idle_add (changed_idle_cb, self);
}

static void
object_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  RolloutDocument *self = user_data;

  /* Read-only properties are derived (scheduled dates, slack). */
  if (!(pspec->flags & G_PARAM_WRITABLE))
    return;
  /* An object removed from the plan may live on elsewhere (a clipboard, an
   * undo history); its changes are not the plan's. */
  if (object != G_OBJECT (self->project) &&
      rollout_project_index_of (self->project, object) < 0)
    return;
  mark_changed (self);
}

static void
calendar_changed_cb (RolloutCalendar *calendar,
                     gpointer         user_data)
{
  mark_changed (user_data);
}

static gboolean
watch (RolloutDocument *self,
       gpointer         object)
{
  if (g_hash_table_contains (self->watched, object))
    return FALSE;
  g_hash_table_add (self->watched, g_object_ref (object));
  return TRUE;
}

static void
watch_item (RolloutDocument *self,
            gpointer         item)
{
  if (watch (self, item))
    g_signal_connect (item, "notify", G_CALLBACK (object_notify_cb), self);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  RolloutDocument *self = user_data;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      watch_item (self, item);
    }
  if (removed > 0 || added > 0)
    mark_changed (self);
}

static void
watch_project (RolloutDocument *self)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (self->project);

  watch_item (self, self->project);
  if (watch (self, calendar))
    g_signal_connect (calendar, "changed", G_CALLBACK (calendar_changed_cb), self);

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      GListModel *model = collections[c] (self->project);

      if (watch (self, model))
        g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          watch_item (self, item);
        }
    }
}

static void
rollout_document_constructed (GObject *object)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  G_OBJECT_CLASS (rollout_document_parent_class)->constructed (object);

  g_assert (ROLLOUT_IS_PROJECT (self->project));
  watch_project (self);
  reschedule (self);
}

static void
rollout_document_dispose (GObject *object)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  g_clear_handle_id (&self->changed_source, g_source_remove);
  if (self->watched != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_signal_handlers_disconnect_by_data (key, self);
      g_clear_pointer (&self->watched, g_hash_table_unref);
    }

  G_OBJECT_CLASS (rollout_document_parent_class)->dispose (object);
}

static void
rollout_document_finalize (GObject *object)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_error (&self->schedule_error);

  G_OBJECT_CLASS (rollout_document_parent_class)->finalize (object);
}

static void
rollout_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_DIRTY:
      rollout_document_set_dirty (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rollout_document_class_init (RolloutDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rollout_document_constructed;
  object_class->dispose = rollout_document_dispose;
  object_class->finalize = rollout_document_finalize;
  object_class->get_property = rollout_document_get_property;
  object_class->set_property = rollout_document_set_property;

  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         ROLLOUT_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Changes only when the plan is saved somewhere else. */
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RolloutDocument::changed:
   *
   * Something stored in the plan changed; it has been rescheduled.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rollout_document_init (RolloutDocument *self)
{
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

RolloutDocument *
rollout_document_new (RolloutProject *project,
                      GFile          *file)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (ROLLOUT_TYPE_DOCUMENT,
                       "project", project,
                       "file", file,
                       NULL);
}

static char *
format_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* A new, empty plan that starts today and has not been saved anywhere. */
RolloutDocument *
rollout_document_new_empty (void)
{
  g_autoptr(RolloutProject) project = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *created = format_timestamp_now ();

  project = rollout_project_new (id);
  rollout_project_set_name (project, _("Untitled Plan"));
  rollout_project_set_created (project, created);
  rollout_project_set_start (project, rollout_today ());

  return rollout_document_new (project, NULL);
}

typedef struct
{
  GFile     *file;
  GPtrArray *diagnostics;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  g_clear_pointer (&load->diagnostics, g_ptr_array_unref);
  g_free (load);
}

/* Reading, validating and scheduling a big plan takes a while: all of it
 * happens here, off the main thread, and the document reaches the main
 * thread only when it is complete. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(RolloutProject) project = NULL;
  GError *error = NULL;

  project = rollout_file_load (load->file, cancellable, &load->diagnostics, &error);
  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rollout_document_new (project, load->file), g_object_unref);
}

/**
 * rollout_document_load_async:
 * @file: the plan to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is read, or could not be
 * @user_data: data for @callback
 *
 * Reads and validates @file in a worker thread.
 */
void
rollout_document_load_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rollout_document_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rollout_document_load_finish:
 * @result: the result given to the callback
 * @out_diagnostics: (out) (optional) (transfer full): every problem the
 *   validator found, when the file is not a valid plan
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
RolloutDocument *
rollout_document_load_finish (GAsyncResult  *result,
                              GPtrArray    **out_diagnostics,
                              GError       **error)
{
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  load = g_task_get_task_data (G_TASK (result));
  if (out_diagnostics != NULL)
    *out_diagnostics = g_steal_pointer (&load->diagnostics);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rollout_document_save:
 * @self: a #RolloutDocument
 * @file: (nullable): where to save, or %NULL for the document's own file
 * @error: return location for an error
 *
 * Saves the plan atomically. On success @file becomes the document's file
 * and the document has no unsaved changes.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_document_save (RolloutDocument  *self,
                       GFile            *file,
                       GError          **error)
{
  g_autoptr(GFile) target = NULL;

  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  target = g_object_ref (file != NULL ? file : self->file);

  if (self->dirty)
    {
      g_autofree char *now = format_timestamp_now ();

      rollout_project_set_modified (self->project, now);
    }

  if (!rollout_file_save (self->project, target, NULL, error))
    return FALSE;

  if (g_set_object (&self->file, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
  rollout_document_set_dirty (self, FALSE);
  return TRUE;
}

RolloutProject *
rollout_document_get_project (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return self->project;
}

/**
 * rollout_document_get_file:
 * @self: a #RolloutDocument
 *
 * Returns: (transfer none) (nullable): the plan's file; %NULL until a new
 *   plan is saved
 */
GFile *
rollout_document_get_file (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return self->file;
}

gboolean
rollout_document_get_dirty (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);

  return self->dirty;
}

void
rollout_document_set_dirty (RolloutDocument *self,
                            gboolean         dirty)
{
  g_return_if_fail (ROLLOUT_IS_DOCUMENT (self));

  dirty = !!dirty;
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRTY]);
}

/* The plan's name, as people see it in titles and dialogs. */
char *
rollout_document_dup_title (RolloutDocument *self)
{
  const char *name;

  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  name = rollout_project_get_name (self->project);
  if (name == NULL || *name == '\0')
    return g_strdup (_("Untitled Plan"));
  return g_strdup (name);
}

/**
 * rollout_document_dup_folder:
 * @self: a #RolloutDocument
 *
 * Returns: (transfer full) (nullable): the folder of the plan's file for
 *   display; %NULL for a plan that was never saved
 */
char *
rollout_document_dup_folder (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return self->file != NULL ? rollout_format_folder (self->file) : NULL;
}

/**
 * rollout_document_get_schedule:
 * @self: a #RolloutDocument
 * @out_summary: (out) (optional): the schedule summary
 * @out_error: (out) (optional) (transfer none): why the plan could not be
 *   scheduled
 *
 * The result of the latest scheduling of the plan.
 *
 * Returns: %TRUE when the plan could be scheduled
 */
gboolean
rollout_document_get_schedule (RolloutDocument         *self,
                               RolloutScheduleSummary  *out_summary,
                               const GError           **out_error)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);

  if (out_summary != NULL)
    *out_summary = self->summary;
  if (out_error != NULL)
    *out_error = self->schedule_error;
  return self->schedule_error == NULL;
}
