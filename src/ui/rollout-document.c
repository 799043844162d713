/* rollout-document.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A document is one open plan: the project, the file it came from (none
 * for a new plan), its undo history and the three ways it keeps work safe.
 *
 * Edits: every change is a command run through the document's
 * RolloutHistory, which reschedules the plan and knows whether it differs
 * from what was saved ("modified"). The document forwards that, and after
 * each step refreshes its schedule summary from the tasks' derived dates
 * (the history has just rescheduled; doing it twice would double the cost
 * of every edit on a big plan) and emits ::changed, which views follow.
 *
 * Drafts: while the plan is modified, a copy goes to the cache two seconds
 * after the last change. The main thread only takes a snapshot of the
 * plan's text, which costs little: a RolloutWriteCache keeps each task's
 * text and writes again only the tasks that changed. A worker joins the
 * snapshot, and the cache stores it in a worker of its own. A plan
 * with a file is stored under its location, an untitled one under a key of
 * its own. Saving, or undoing back to the saved state, deletes the draft;
 * so does discarding the changes. A draft left behind by a crash is what
 * the next start offers to recover.
 *
 * The file on disk: a GFileMonitor watches it. What was last read or
 * written is remembered as size, modification time and a checksum of the
 * bytes, so our own saves (and changes that put back the same bytes) are
 * told apart from someone else's, and ::disk-state says which it is.
 *
 * Merging: the bytes last read or written are kept too. They are the base
 * of a three-way merge with the plan in memory (ours) and the changed file
 * (theirs), run in a worker thread; the result comes in as one undoable
 * edit, and the file as it is now becomes the new base. Undoing the merge
 * puts the old base back, so the file counts as changed by someone else
 * again and can be merged again; redoing it takes the new one. A plan may hold
 * merge conflicts — from that merge, or from a git merge driver — which
 * are resolved through the history too; ::n-conflicts counts them.
 */

#define G_LOG_DOMAIN "rollout-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rollout-document.h"
#include "rollout-file.h"
#include "rollout-format.h"
#include "rollout-merge.h"

/* After the last change, wait this long before storing a draft. */
#define DRAFT_DELAY_MS 2000
/* Saves arrive as bursts of monitor events: look once they are over. */
#define CHECK_DELAY_MS 150

struct _RolloutDocument
{
  GObject                 parent_instance;

  RolloutProject         *project;
  RolloutHistory         *history;
  GFile                  *file;

  RolloutScheduleSummary  summary;
  GError                 *schedule_error;

  /* Drafts */
  RolloutCache           *cache;
  RolloutWriteCache      *write_cache;   /* the text of every object, for drafts */
  char                   *draft_key;
  GCancellable           *draft_cancellable;
  guint                   draft_source;
  guint                   draft_stored : 1;

  /* The file as last read or written */
  GFileMonitor           *monitor;
  guint64                 disk_size;
  gint64                  disk_mtime;
  char                   *disk_checksum;
  GBytes                 *disk_contents;
  RolloutDiskState        disk_state;
  guint                   check_source;
  guint                   check_serial;

  /* Merging */
  guint                   n_conflicts;
  guint                   edit_serial;
};

G_DEFINE_FINAL_TYPE (RolloutDocument, rollout_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_HISTORY,
  PROP_MODIFIED,
  PROP_DISK_STATE,
  PROP_N_CONFLICTS,
  N_PROPS
};

enum {
  CHANGED,
  DISK_CHECKED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void start_monitor (RolloutDocument *self);

/* Helpers ----------------------------------------------------------------- */

static char *
location_of (GFile *file)
{
  char *path = g_file_get_path (file);

  return path != NULL ? path : g_file_get_uri (file);
}

static gint64
info_mtime (GFileInfo *info)
{
  g_autoptr(GDateTime) when = NULL;

  if (!g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return 0;
  when = g_file_info_get_modification_date_time (info);
  return when != NULL ? g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when) : 0;
}

static char *
checksum_of (const char *contents,
             gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
set_disk_state (RolloutDocument  *self,
                RolloutDiskState  state)
{
  if (self->disk_state == state)
    return;
  self->disk_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISK_STATE]);
}

/* Remembers @contents as what the file now holds. */
static void
remember_disk (RolloutDocument *self,
               GFileInfo       *info,
               const char      *contents,
               gsize            length)
{
  self->disk_size = info != NULL ? (guint64) g_file_info_get_size (info) : length;
  self->disk_mtime = info != NULL ? info_mtime (info) : 0;
  g_free (self->disk_checksum);
  self->disk_checksum = checksum_of (contents, length);
  g_clear_pointer (&self->disk_contents, g_bytes_unref);
  self->disk_contents = g_bytes_new (contents, length);
  /* Any check still on its way looked at an older file. */
  self->check_serial++;
}

/* The summary the scheduler would give, from the dates it just set. */
static void
refresh_summary (RolloutDocument *self)
{
  RolloutCalendar *calendar = rollout_project_get_calendar (self->project);
  GListModel *tasks = rollout_project_get_tasks (self->project);
  RolloutDate start = rollout_project_get_start (self->project);
  RolloutDate finish = ROLLOUT_DATE_NONE;
  guint n_critical = 0;

  g_clear_error (&self->schedule_error);
  memset (&self->summary, 0, sizeof self->summary);
  if (start == ROLLOUT_DATE_NONE)
    {
      g_set_error_literal (&self->schedule_error, ROLLOUT_SCHEDULER_ERROR,
                           ROLLOUT_SCHEDULER_ERROR_NO_START, _("The plan has no start date"));
      return;
    }

  for (guint i = 0, n = g_list_model_get_n_items (tasks); i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      RolloutDate task_finish = rollout_task_get_finish (task);

      if (task_finish != ROLLOUT_DATE_NONE && task_finish > finish)
        finish = task_finish;
      n_critical += rollout_task_get_critical (task);
    }

  self->summary.start = rollout_calendar_add_working_days (calendar, start, 0);
  self->summary.finish = finish;
  self->summary.length = finish != ROLLOUT_DATE_NONE
    ? rollout_calendar_count_working_days (calendar, self->summary.start, finish) : 0;
  self->summary.n_critical = n_critical;
}

static void
schedule (RolloutDocument *self)
{
  g_clear_error (&self->schedule_error);
  memset (&self->summary, 0, sizeof self->summary);
  rollout_project_schedule (self->project, &self->summary, &self->schedule_error);
}

/* Drafts ------------------------------------------------------------------ */

static const char *
ensure_draft_key (RolloutDocument *self)
{
  if (self->draft_key == NULL)
    self->draft_key = self->file != NULL ? location_of (self->file) : rollout_cache_new_untitled_key ();
  return self->draft_key;
}

static void
delete_draft (RolloutDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!self->draft_stored || self->cache == NULL || self->draft_key == NULL)
    return;

  /* A store still waiting must not bring the draft back. */
  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);
  self->draft_cancellable = g_cancellable_new ();

  if (!rollout_cache_delete_draft (self->cache, self->draft_key, &error))
    g_message ("Could not delete the draft of “%s”: %s", self->draft_key, error->message);
  self->draft_stored = FALSE;
}

static void
draft_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RolloutDocument) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rollout_cache_store_draft_finish (ROLLOUT_CACHE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not store a draft of “%s”: %s", self->draft_key, error->message);
}

/* The plan's text as it is now, in pieces that any thread may join. */
static GPtrArray *
snapshot_text (RolloutDocument *self)
{
  if (self->write_cache == NULL)
    self->write_cache = rollout_write_cache_new ();
  return rollout_write_cache_snapshot (self->write_cache, self->project);
}

typedef struct
{
  GPtrArray *pieces;
  char      *key;
  char      *title;
  gint64     time;
} DraftData;

static void
draft_data_free (DraftData *draft)
{
  g_ptr_array_unref (draft->pieces);
  g_free (draft->key);
  g_free (draft->title);
  g_free (draft);
}

static void
join_draft_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DraftData *draft = task_data;

  g_task_return_pointer (task, rollout_file_join (draft->pieces), (GDestroyNotify) g_bytes_unref);
}

static void
draft_joined_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);
  DraftData *draft = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Saved or discarded meanwhile. */
  if (bytes == NULL || self->cache == NULL || g_cancellable_is_cancelled (cancellable))
    return;
  rollout_cache_store_draft_async (self->cache, draft->key, draft->title, bytes, draft->time,
                                   cancellable, draft_stored_cb, g_object_ref (self));
}

static gboolean
store_draft_cb (gpointer user_data)
{
  RolloutDocument *self = user_data;

  self->draft_source = 0;
  rollout_document_store_draft (self);
  return G_SOURCE_REMOVE;
}

static void
queue_draft (RolloutDocument *self)
{
  if (self->cache == NULL)
    return;
  if (!rollout_history_get_modified (self->history))
    {
      delete_draft (self);
      return;
    }
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, store_draft_cb, self);
}

/* The file on disk -------------------------------------------------------- */

typedef struct
{
  RolloutDocument *self;
  guint            serial;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_object_unref (data->self);
  g_free (data);
}

/* A check that is not outdated is over: say so. */
static void
check_done (CheckData *data)
{
  if (data->serial == data->self->check_serial)
    g_signal_emit (data->self, signals [DISK_CHECKED], 0);
  check_data_free (data);
}

static CheckData *
check_data_new (RolloutDocument *self)
{
  CheckData *data = g_new (CheckData, 1);

  data->self = g_object_ref (self);
  data->serial = self->check_serial;
  return data;
}

static void
check_contents_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CheckData *data = user_data;
  RolloutDocument *self = data->self;
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (data->serial == self->check_serial)
    {
      if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
        set_disk_state (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                              ? ROLLOUT_DISK_STATE_DELETED : self->disk_state);
      else
        {
          checksum = checksum_of (contents, length);
          set_disk_state (self, g_strcmp0 (checksum, self->disk_checksum) == 0
                                ? ROLLOUT_DISK_STATE_SAME : ROLLOUT_DISK_STATE_CHANGED);
        }
    }
  check_done (data);
}

static void
check_info_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CheckData *data = user_data;
  RolloutDocument *self = data->self;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  if (data->serial != self->check_serial)
    {
      check_data_free (data);
      return;
    }

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        set_disk_state (self, ROLLOUT_DISK_STATE_DELETED);
      check_done (data);
      return;
    }

  if ((guint64) g_file_info_get_size (info) == self->disk_size && info_mtime (info) == self->disk_mtime)
    {
      set_disk_state (self, ROLLOUT_DISK_STATE_SAME);
      check_done (data);
      return;
    }

  /* Touched, or rewritten with the same bytes, is not a change. */
  g_file_load_contents_async (G_FILE (object), NULL, check_contents_cb, data);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  RolloutDocument *self = user_data;

  self->check_source = 0;
  if (self->file != NULL)
    g_file_query_info_async (self->file,
                             G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                             G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                             G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                             G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, NULL,
                             check_info_cb, check_data_new (self));
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    RolloutDocument   *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_disk_cb, self);
}

static void
start_monitor (RolloutDocument *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_message ("Changes to “%s” by others will go unnoticed: %s",
                 g_file_peek_path (self->file) != NULL ? g_file_peek_path (self->file) : "", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

/* Signal callbacks -------------------------------------------------------- */

static void
count_conflicts (RolloutDocument *self)
{
  JsonObject *extra = rollout_project_get_extra (self->project);
  JsonNode *list = extra != NULL ? json_object_get_member (extra, ROLLOUT_MERGE_CONFLICTS_MEMBER) : NULL;
  guint n = list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_array_get_length (json_node_get_array (list)) : 0;

  if (n == self->n_conflicts)
    return;
  self->n_conflicts = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_CONFLICTS]);
}

static void
history_changed_cb (RolloutDocument *self)
{
  self->edit_serial++;
  count_conflicts (self);
  refresh_summary (self);
  g_signal_emit (self, signals [CHANGED], 0);
  queue_draft (self);
}

static void
history_modified_cb (RolloutDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
  queue_draft (self);
}

/* GObject ----------------------------------------------------------------- */

static void
rollout_document_constructed (GObject *object)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  G_OBJECT_CLASS (rollout_document_parent_class)->constructed (object);

  g_assert (ROLLOUT_IS_PROJECT (self->project));
  schedule (self);
  count_conflicts (self);
  self->history = rollout_history_new (self->project);
  g_signal_connect_swapped (self->history, "changed", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->history, "notify::modified", G_CALLBACK (history_modified_cb), self);
}

static void
rollout_document_dispose (GObject *object)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  G_OBJECT_CLASS (rollout_document_parent_class)->dispose (object);
}

static void
rollout_document_finalize (GObject *object)
{
  RolloutDocument *self = ROLLOUT_DOCUMENT (object);

  /* The history points at the project without a reference: it goes first. */
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->write_cache, rollout_write_cache_free);
  g_clear_object (&self->draft_cancellable);
  g_clear_pointer (&self->draft_key, g_free);
  g_clear_pointer (&self->disk_checksum, g_free);
  g_clear_pointer (&self->disk_contents, g_bytes_unref);
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

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, rollout_document_get_modified (self));
      break;

    case PROP_DISK_STATE:
      g_value_set_int (value, self->disk_state);
      break;

    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
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
  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         ROLLOUT_TYPE_HISTORY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DISK_STATE] =
    g_param_spec_int ("disk-state", NULL, NULL,
                      ROLLOUT_DISK_STATE_SAME, ROLLOUT_DISK_STATE_DELETED, ROLLOUT_DISK_STATE_SAME,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Unresolved merge conflicts in the plan. */
  properties [PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RolloutDocument::changed:
   *
   * An edit was made, undone or redone; the plan has been rescheduled.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RolloutDocument::disk-checked:
   *
   * The file on disk was compared with what was last read or written,
   * after a change to it was noticed; #RolloutDocument:disk-state has the
   * outcome.
   */
  signals [DISK_CHECKED] =
    g_signal_new ("disk-checked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rollout_document_init (RolloutDocument *self)
{
  self->draft_cancellable = g_cancellable_new ();
}

/* Public API -------------------------------------------------------------- */

/**
 * rollout_document_new:
 * @project: the plan
 * @file: (nullable): where it was read from
 *
 * Schedules @project. The document does not watch @file until it is saved
 * once: documents that are read come from rollout_document_load_async().
 *
 * Returns: (transfer full): a new document
 */
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

/**
 * rollout_document_new_from_draft:
 * @cache: the cache that holds @draft
 * @draft: a draft from rollout_cache_list_drafts()
 * @error: return location for an error
 *
 * Brings back the unsaved changes of a plan. The document has the draft's
 * file (none for an untitled plan), counts as modified, and goes on
 * storing its drafts under the same key once given @cache.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when the
 *   draft cannot be read
 */
RolloutDocument *
rollout_document_new_from_draft (RolloutCache        *cache,
                                 const RolloutDraft  *draft,
                                 GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  RolloutDocument *self;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (ROLLOUT_IS_CACHE (cache), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  bytes = rollout_cache_load_draft (cache, draft->key, NULL, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  project = rollout_merge_read (data, length, NULL, error);
  if (project == NULL)
    return NULL;

  if (draft->location != NULL)
    file = g_file_new_for_commandline_arg (draft->location);
  self = rollout_document_new (project, file);
  self->draft_key = g_strdup (draft->key);
  self->draft_stored = TRUE;

  /* What the file holds now is what a change on disk is measured from. */
  if (file != NULL)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *contents = NULL;
      gsize contents_length = 0;

      info = g_file_query_info (file,
                                G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL && g_file_load_contents (file, NULL, &contents, &contents_length, NULL, NULL))
        remember_disk (self, info, contents, contents_length);
      else
        self->disk_state = ROLLOUT_DISK_STATE_DELETED;
      start_monitor (self);
    }

  rollout_history_set_modified (self->history);
  return self;
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
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(RolloutProject) project = NULL;
  g_autofree char *contents = NULL;
  RolloutDocument *document;
  GError *error = NULL;
  gsize length = 0;

  info = g_file_query_info (load->file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               _("This is a folder, not a plan"));
      return;
    }
  if (g_file_info_get_size (info) > ROLLOUT_FILE_MAX_SIZE)
    {
      g_task_return_new_error (task, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_TOO_LARGE,
                               _("The file is too large (%u MiB; at most %d MiB)"),
                               (guint) MIN (g_file_info_get_size (info) / (1024 * 1024), G_MAXUINT),
                               ROLLOUT_FILE_MAX_SIZE / (1024 * 1024));
      return;
    }
  if (!g_file_load_contents (load->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A plan a git merge left with conflicts opens, to resolve them. */
  project = rollout_merge_read (contents, length, &load->diagnostics, &error);
  if (project == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  document = rollout_document_new (project, load->file);
  remember_disk (document, info, contents, length);
  /* The text of every object, kept for drafts: written here once, so the
   * first draft after opening costs the main thread no more than the
   * next. */
  g_ptr_array_unref (snapshot_text (document));
  g_task_return_pointer (task, document, g_object_unref);
}

/**
 * rollout_document_load_async:
 * @file: the plan to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is read, or could not be
 * @user_data: data for @callback
 *
 * Reads, validates and schedules @file in a worker thread.
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
 * Returns: (transfer full) (nullable): the document, watching its file
 *   for changes by others; or %NULL
 */
RolloutDocument *
rollout_document_load_finish (GAsyncResult  *result,
                              GPtrArray    **out_diagnostics,
                              GError       **error)
{
  RolloutDocument *document;
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  load = g_task_get_task_data (G_TASK (result));
  if (out_diagnostics != NULL)
    *out_diagnostics = g_steal_pointer (&load->diagnostics);
  document = g_task_propagate_pointer (G_TASK (result), error);
  /* The monitor reports to the main context of the thread that makes it. */
  if (document != NULL)
    start_monitor (document);
  return document;
}

/**
 * rollout_document_save:
 * @self: a #RolloutDocument
 * @file: (nullable): where to save, or %NULL for the document's own file
 * @error: return location for an error
 *
 * Saves the plan atomically. On success @file becomes the document's file,
 * the plan counts as saved, its draft is deleted and the file is watched.
 *
 * Returns: %TRUE on success
 */
gboolean
rollout_document_save (RolloutDocument  *self,
                       GFile            *file,
                       GError          **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean moved;

  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  target = g_object_ref (file != NULL ? file : self->file);
  moved = self->file == NULL || !g_file_equal (self->file, target);

  if (rollout_history_get_modified (self->history) || moved)
    {
      g_autofree char *now = format_timestamp_now ();

      rollout_project_set_modified (self->project, now);
    }

  contents = rollout_file_write (self->project, &length);
  if (!rollout_file_replace_contents (target, contents, length, NULL, error))
    return FALSE;

  info = g_file_query_info (target,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  remember_disk (self, info, contents, length);
  set_disk_state (self, ROLLOUT_DISK_STATE_SAME);

  /* The draft of what is now saved goes, under whatever key it had. */
  delete_draft (self);
  if (moved)
    {
      g_clear_pointer (&self->draft_key, g_free);
      g_set_object (&self->file, target);
      start_monitor (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
    }
  rollout_history_set_saved (self->history);
  return TRUE;
}

RolloutProject *
rollout_document_get_project (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return self->project;
}

/**
 * rollout_document_get_history:
 * @self: a #RolloutDocument
 *
 * Returns: (transfer none): the plan's undo history, through which every
 *   edit goes
 */
RolloutHistory *
rollout_document_get_history (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return self->history;
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

/**
 * rollout_document_get_modified:
 * @self: a #RolloutDocument
 *
 * Returns: %TRUE if the plan differs from what was last saved
 */
gboolean
rollout_document_get_modified (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);

  return rollout_history_get_modified (self->history);
}

/**
 * rollout_document_execute:
 * @self: a #RolloutDocument
 * @command: an edit
 * @error: return location for an error
 *
 * Runs @command through the plan's history.
 *
 * Returns: %TRUE if the edit was made; %FALSE with
 *   %ROLLOUT_SCHEDULER_ERROR_CYCLE when it would make tasks wait for each
 *   other in a circle
 */
gboolean
rollout_document_execute (RolloutDocument  *self,
                          RolloutCommand   *command,
                          GError          **error)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);

  return rollout_history_execute (self->history, command, error);
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
 * rollout_document_dup_location:
 * @self: a #RolloutDocument
 *
 * Returns: (transfer full) (nullable): how the cache names the plan's
 *   file: a path for a local file, else a URI; %NULL when it has none
 */
char *
rollout_document_dup_location (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return self->file != NULL ? location_of (self->file) : NULL;
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

/**
 * rollout_document_set_cache:
 * @self: a #RolloutDocument
 * @cache: (nullable): where to store drafts, or %NULL for none
 *
 * From now on, unsaved changes are stored as drafts in @cache.
 */
void
rollout_document_set_cache (RolloutDocument *self,
                            RolloutCache    *cache)
{
  g_return_if_fail (ROLLOUT_IS_DOCUMENT (self));
  g_return_if_fail (cache == NULL || ROLLOUT_IS_CACHE (cache));

  if (!g_set_object (&self->cache, cache))
    return;
  if (cache != NULL && rollout_history_get_modified (self->history) && !self->draft_stored)
    queue_draft (self);
}

/**
 * rollout_document_store_draft:
 * @self: a #RolloutDocument
 *
 * Stores a draft of the unsaved changes now, rather than two seconds after
 * the last change; nothing when there are none or no cache. The main
 * thread takes a snapshot of the plan's text; workers join and store it.
 */
void
rollout_document_store_draft (RolloutDocument *self)
{
  g_autoptr(GTask) task = NULL;
  DraftData *draft;

  g_return_if_fail (ROLLOUT_IS_DOCUMENT (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->cache == NULL || !rollout_history_get_modified (self->history))
    return;

  draft = g_new0 (DraftData, 1);
  draft->pieces = snapshot_text (self);
  draft->key = g_strdup (ensure_draft_key (self));
  draft->title = rollout_document_dup_title (self);
  draft->time = g_get_real_time ();

  task = g_task_new (self, self->draft_cancellable, draft_joined_cb, NULL);
  g_task_set_source_tag (task, rollout_document_store_draft);
  g_task_set_task_data (task, draft, (GDestroyNotify) draft_data_free);
  g_task_run_in_thread (task, join_draft_thread);
  self->draft_stored = TRUE;
}

/**
 * rollout_document_get_draft_key:
 * @self: a #RolloutDocument
 *
 * Returns: (nullable): the key the plan's drafts are stored under, or
 *   %NULL while none was stored
 */
const char *
rollout_document_get_draft_key (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return self->draft_key;
}

/**
 * rollout_document_discard_draft:
 * @self: a #RolloutDocument
 *
 * Deletes the plan's draft and stores no more, as when its unsaved changes
 * are discarded.
 */
void
rollout_document_discard_draft (RolloutDocument *self)
{
  g_return_if_fail (ROLLOUT_IS_DOCUMENT (self));

  delete_draft (self);
  g_clear_object (&self->cache);
}

/**
 * rollout_document_get_disk_state:
 * @self: a #RolloutDocument
 *
 * Returns: whether someone else changed or removed the plan's file since
 *   it was read or saved
 */
RolloutDiskState
rollout_document_get_disk_state (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), ROLLOUT_DISK_STATE_SAME);

  return self->disk_state;
}

/* Merging ------------------------------------------------------------------ */

/**
 * rollout_document_get_n_conflicts:
 * @self: a #RolloutDocument
 *
 * Returns: how many merge conflicts the plan has left to resolve
 */
guint
rollout_document_get_n_conflicts (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), 0);

  return self->n_conflicts;
}

/**
 * rollout_document_dup_conflicts:
 * @self: a #RolloutDocument
 *
 * Returns: (transfer full) (element-type RolloutConflict): the plan's
 *   unresolved merge conflicts, in their order
 */
GPtrArray *
rollout_document_dup_conflicts (RolloutDocument *self)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), NULL);

  return rollout_merge_get_conflicts (self->project);
}

/**
 * rollout_document_resolve_conflicts:
 * @self: a #RolloutDocument
 * @conflicts: (element-type RolloutConflict): some of the plan's conflicts
 * @side: the version to keep for each
 * @out_refused: (out) (optional) (transfer full) (element-type utf8): why
 *   each conflict that could not take @side was left
 * @error: return location for an error
 *
 * Resolves @conflicts as one edit, which Undo takes back.
 *
 * Returns: %TRUE when at least one was resolved
 */
gboolean
rollout_document_resolve_conflicts (RolloutDocument   *self,
                                    GPtrArray         *conflicts,
                                    RolloutMergeSide   side,
                                    GPtrArray        **out_refused,
                                    GError           **error)
{
  g_autoptr(RolloutCommand) command = NULL;

  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (conflicts != NULL, FALSE);

  command = rollout_merge_resolve_command_new (self->project, conflicts, side, out_refused, error);
  return command != NULL && rollout_history_execute (self->history, command, error);
}

/* What a change on disk is measured from. */
typedef struct
{
  GBytes  *contents;
  char    *checksum;
  guint64  size;
  gint64   mtime;
} DiskBase;

static void
disk_base_clear (DiskBase *base)
{
  g_clear_pointer (&base->contents, g_bytes_unref);
  g_clear_pointer (&base->checksum, g_free);
}

static void
disk_base_take (RolloutDocument *self,
                DiskBase        *base)
{
  base->contents = self->disk_contents != NULL ? g_bytes_ref (self->disk_contents) : NULL;
  base->checksum = g_strdup (self->disk_checksum);
  base->size = self->disk_size;
  base->mtime = self->disk_mtime;
}

/* Puts @base back as what the file is compared with, when the document
 * still measures from @current (a save since has its own), and has the
 * file looked at again. */
static void
disk_base_restore (RolloutDocument *self,
                   const DiskBase  *current,
                   const DiskBase  *base,
                   RolloutDiskState state)
{
  if (g_strcmp0 (self->disk_checksum, current->checksum) != 0)
    return;

  g_clear_pointer (&self->disk_contents, g_bytes_unref);
  self->disk_contents = base->contents != NULL ? g_bytes_ref (base->contents) : NULL;
  g_free (self->disk_checksum);
  self->disk_checksum = g_strdup (base->checksum);
  self->disk_size = base->size;
  self->disk_mtime = base->mtime;
  self->check_serial++;
  set_disk_state (self, state);
  if (self->file != NULL)
    {
      g_clear_handle_id (&self->check_source, g_source_remove);
      self->check_source = g_timeout_add (CHECK_DELAY_MS, check_disk_cb, self);
    }
}

/* A merge as a step of the history: the edit, and the base it moves the
 * document to. */
#define ROLLOUT_TYPE_MERGE_STEP (rollout_merge_step_get_type ())
G_DECLARE_FINAL_TYPE (RolloutMergeStep, rollout_merge_step, ROLLOUT, MERGE_STEP, RolloutCommand)

struct _RolloutMergeStep
{
  RolloutCommand  parent_instance;

  GWeakRef        document;
  RolloutCommand *edit;
  DiskBase        base[2];  /* before, after */
};

G_DEFINE_FINAL_TYPE (RolloutMergeStep, rollout_merge_step, ROLLOUT_TYPE_COMMAND)

static void
rollout_merge_step_apply (RolloutCommand *command,
                          RolloutProject *project)
{
  RolloutMergeStep *self = ROLLOUT_MERGE_STEP (command);
  g_autoptr(RolloutDocument) document = g_weak_ref_get (&self->document);

  rollout_command_apply (self->edit, project);
  if (document != NULL)
    disk_base_restore (document, &self->base[0], &self->base[1], ROLLOUT_DISK_STATE_SAME);
}

static void
rollout_merge_step_revert (RolloutCommand *command,
                           RolloutProject *project)
{
  RolloutMergeStep *self = ROLLOUT_MERGE_STEP (command);
  g_autoptr(RolloutDocument) document = g_weak_ref_get (&self->document);

  rollout_command_revert (self->edit, project);
  if (document != NULL)
    disk_base_restore (document, &self->base[1], &self->base[0], ROLLOUT_DISK_STATE_CHANGED);
}

static void
rollout_merge_step_finalize (GObject *object)
{
  RolloutMergeStep *self = (RolloutMergeStep *)object;

  g_weak_ref_clear (&self->document);
  g_clear_object (&self->edit);
  disk_base_clear (&self->base[0]);
  disk_base_clear (&self->base[1]);

  G_OBJECT_CLASS (rollout_merge_step_parent_class)->finalize (object);
}

static void
rollout_merge_step_class_init (RolloutMergeStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_merge_step_finalize;
  ROLLOUT_COMMAND_CLASS (klass)->apply = rollout_merge_step_apply;
  ROLLOUT_COMMAND_CLASS (klass)->revert = rollout_merge_step_revert;
}

static void
rollout_merge_step_init (RolloutMergeStep *self)
{
  g_weak_ref_init (&self->document, NULL);
}

typedef struct
{
  GBytes         *base;
  GBytes         *ours;
  GFile          *file;
  guint           serial;

  /* What the worker found */
  RolloutProject *merged;
  GBytes         *theirs;
  GFileInfo      *info;
} MergeData;

static void
merge_data_clear_result (MergeData *data)
{
  g_clear_object (&data->merged);
  g_clear_pointer (&data->theirs, g_bytes_unref);
  g_clear_object (&data->info);
}

static void
merge_data_free (MergeData *data)
{
  merge_data_clear_result (data);
  g_clear_pointer (&data->base, g_bytes_unref);
  g_clear_pointer (&data->ours, g_bytes_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static RolloutProject *
read_version (GBytes      *bytes,
              const char  *which,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  RolloutProject *project = rollout_merge_read (data, length, NULL, &local_error);

  if (project == NULL)
    /* Translators: the first %s is which version of the plan ("the
     * changed file"), the second what is wrong with it */
    g_set_error (error, local_error->domain, local_error->code, _("%s is not a valid plan: %s"),
                 which, local_error->message);
  return project;
}

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MergeData *data = task_data;
  g_autoptr(RolloutProject) base = NULL;
  g_autoptr(RolloutProject) ours = NULL;
  g_autoptr(RolloutProject) theirs = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  GError *error = NULL;
  gsize length = 0;

  info = g_file_query_info (data->file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL ||
      !g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if ((base = read_version (data->base, _("The version you opened"), &error)) == NULL ||
      (ours = read_version (data->ours, _("Your version"), &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->theirs = g_bytes_new_take (g_steal_pointer (&contents), length);
  if ((theirs = read_version (data->theirs, _("The changed file"), &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->merged = rollout_merge_projects (base, ours, theirs, NULL, &error);
  if (data->merged == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->info = g_steal_pointer (&info);
  g_task_return_boolean (task, TRUE);
}

static void start_merge (GTask *outer);

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  RolloutDocument *self = g_task_get_source_object (outer);
  MergeData *data = g_task_get_task_data (outer);
  g_autoptr(RolloutCommand) command = NULL;
  RolloutMergeStep *step;
  GError *error = NULL;
  gsize length = 0;
  const char *theirs;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  /* An edit made while the worker merged is in neither version: again. */
  if (data->serial != self->edit_serial)
    {
      merge_data_clear_result (data);
      start_merge (g_steal_pointer (&outer));
      return;
    }

  /* The file as merged becomes the base of the next merge. */
  step = g_object_new (ROLLOUT_TYPE_MERGE_STEP, NULL);
  g_weak_ref_set (&step->document, self);
  step->edit = rollout_merge_command_new (self->project, data->merged, _("Merge Changes from the File"));
  disk_base_take (self, &step->base[0]);
  theirs = g_bytes_get_data (data->theirs, &length);
  step->base[1].contents = g_bytes_ref (data->theirs);
  step->base[1].checksum = checksum_of (theirs, length);
  step->base[1].size = g_file_info_get_size (data->info);
  step->base[1].mtime = info_mtime (data->info);
  /* Undo and Redo name the merge. */
  command = rollout_command_new_group (rollout_command_get_label (step->edit));
  rollout_command_group_add (command, ROLLOUT_COMMAND (step));
  if (!rollout_history_execute (self->history, command, &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  /* The plan now differs from any version saved. */
  rollout_history_set_modified (self->history);
  g_task_return_boolean (outer, TRUE);
}

static void
start_merge (GTask *outer)
{
  RolloutDocument *self = g_task_get_source_object (outer);
  MergeData *data = g_task_get_task_data (outer);
  g_autoptr(GTask) task = NULL;
  char *contents;
  gsize length = 0;

  contents = rollout_file_write (self->project, &length);
  g_clear_pointer (&data->ours, g_bytes_unref);
  data->ours = g_bytes_new_take (contents, length);
  data->serial = self->edit_serial;

  task = g_task_new (self, g_task_get_cancellable (outer), merged_cb, outer);
  g_task_set_source_tag (task, start_merge);
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, merge_thread);
}

/**
 * rollout_document_merge_async:
 * @self: a #RolloutDocument
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the merge is done, or failed
 * @user_data: data for @callback
 *
 * Merges the changes someone else made to the plan's file into the plan
 * in memory: a three-way merge of the version last read or saved, the plan
 * as edited here and the file as it is now. The result is one edit, which
 * Undo takes back; what both sides changed differently is left as merge
 * conflicts in the plan (see rollout_document_get_n_conflicts()).
 */
void
rollout_document_merge_async (RolloutDocument     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  MergeData *data;

  g_return_if_fail (ROLLOUT_IS_DOCUMENT (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, rollout_document_merge_async);

  if (self->file == NULL || self->disk_contents == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("The plan has no saved version to merge with"));
      return;
    }
  if (self->n_conflicts > 0)
    {
      g_task_return_new_error (outer, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_INVALID, "%s",
                               _("The plan still has conflicts from an earlier merge. Resolve them first."));
      return;
    }

  data = g_new0 (MergeData, 1);
  data->base = g_bytes_ref (self->disk_contents);
  data->file = g_object_ref (self->file);
  g_task_set_task_data (outer, data, (GDestroyNotify) merge_data_free);
  start_merge (g_steal_pointer (&outer));
}

/**
 * rollout_document_merge_finish:
 * @self: a #RolloutDocument
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the changes were merged, with or without conflicts
 */
gboolean
rollout_document_merge_finish (RolloutDocument  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (ROLLOUT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
