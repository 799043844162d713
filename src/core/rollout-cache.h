/* rollout-cache.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-project.h"

G_BEGIN_DECLS

/* The cache file inside the cache folder. */
#define ROLLOUT_CACHE_FILE_NAME "cache.db"

/* The schema version this code writes (PRAGMA user_version). */
#define ROLLOUT_CACHE_SCHEMA_VERSION 1

/* An open risk scoring this or more (likelihood × impact) counts as high. */
#define ROLLOUT_CACHE_HIGH_RISK_SCORE 15

#define ROLLOUT_CACHE_ERROR (rollout_cache_error_quark ())

/**
 * RolloutCacheError:
 * @ROLLOUT_CACHE_ERROR_UNAVAILABLE: the cache folder or file cannot be
 *   created, opened or written; go on without a cache
 * @ROLLOUT_CACHE_ERROR_FAILED: a database operation failed
 * @ROLLOUT_CACHE_ERROR_NOT_FOUND: there is no such draft
 *
 * Why a cache operation failed.
 */
typedef enum {
  ROLLOUT_CACHE_ERROR_UNAVAILABLE,
  ROLLOUT_CACHE_ERROR_FAILED,
  ROLLOUT_CACHE_ERROR_NOT_FOUND,
} RolloutCacheError;

/**
 * RolloutCacheSummary:
 * @n_phases: phases in the plan
 * @n_tasks: tasks, milestones not included
 * @n_milestones: milestones (tasks of zero duration)
 * @n_done: tasks and milestones marked done
 * @n_risks: risks, whatever their status
 * @n_feedback: feedback entries
 * @current_phase: (nullable): the name of the phase the roll-out is in: the
 *   first active phase, else the first that is not completed, else the last
 * @current_phase_status: the status of @current_phase
 * @next_milestone: (nullable): the name of the earliest milestone not done
 *   that is scheduled on or after the day the summary was made
 * @next_milestone_date: its scheduled day, or %ROLLOUT_DATE_NONE
 * @n_overdue_milestones: milestones not done scheduled before that day
 * @n_open_high_risks: risks open or being mitigated that score
 *   %ROLLOUT_CACHE_HIGH_RISK_SCORE or more
 * @finish: the scheduled end of the plan, or %ROLLOUT_DATE_NONE when it
 *   could not be scheduled
 *
 * What the welcome page shows about a plan without opening it.
 */
typedef struct {
  guint               n_phases;
  guint               n_tasks;
  guint               n_milestones;
  guint               n_done;
  guint               n_risks;
  guint               n_feedback;
  char               *current_phase;
  RolloutPhaseStatus  current_phase_status;
  char               *next_milestone;
  RolloutDate         next_milestone_date;
  guint               n_overdue_milestones;
  guint               n_open_high_risks;
  RolloutDate         finish;
} RolloutCacheSummary;

/**
 * RolloutRecentProject:
 * @location: an absolute path for a local file, else a URI
 * @name: the plan's name when it was last opened
 * @last_opened: when, in microseconds since the Unix epoch
 * @size: the file's size in bytes when it was last opened
 * @mtime: the file's modification time then, in microseconds since the
 *   Unix epoch
 * @summary: the plan's summary then
 * @missing: the local file is gone
 * @changed: the local file's size or modification time is no longer what
 *   it was, so @summary may be out of date
 *
 * One entry of the recent-projects list.
 */
typedef struct {
  char                *location;
  char                *name;
  gint64               last_opened;
  guint64              size;
  gint64               mtime;
  RolloutCacheSummary  summary;
  gboolean             missing;
  gboolean             changed;
} RolloutRecentProject;

/**
 * RolloutSearchKind:
 * @ROLLOUT_SEARCH_KIND_TASK: a task's name or notes
 * @ROLLOUT_SEARCH_KIND_CHECKLIST: one item of a task's checklist
 * @ROLLOUT_SEARCH_KIND_RISK: a risk's title, description, mitigation or
 *   contingency
 * @ROLLOUT_SEARCH_KIND_FEEDBACK: a feedback entry's text or tags
 * @ROLLOUT_SEARCH_KIND_PHASE: a phase's name, description or regions
 *
 * What kind of object a search hit is in.
 */
typedef enum {
  ROLLOUT_SEARCH_KIND_TASK,
  ROLLOUT_SEARCH_KIND_CHECKLIST,
  ROLLOUT_SEARCH_KIND_RISK,
  ROLLOUT_SEARCH_KIND_FEEDBACK,
  ROLLOUT_SEARCH_KIND_PHASE,
} RolloutSearchKind;

/**
 * RolloutSearchHit:
 * @location: the plan's location, as in #RolloutRecentProject
 * @project_name: the plan's name when it was indexed
 * @kind: what kind of object matched
 * @object_id: the object's id; for a checklist item, its task's id
 * @item: for a checklist item, its position in the checklist; else -1
 * @snippet: the matching text around the match, each matching word
 *   between the marks the caller chose
 * @score: the bm25 rank; lower is better
 * @missing: the local file is gone since it was indexed
 *
 * One result of rollout_cache_search().
 */
typedef struct {
  char              *location;
  char              *project_name;
  RolloutSearchKind  kind;
  char              *object_id;
  int                item;
  char              *snippet;
  double             score;
  gboolean           missing;
} RolloutSearchHit;

/**
 * RolloutDraft:
 * @key: what the draft was stored under: a location, or an untitled key
 * @location: (nullable): the plan's location, or %NULL for an untitled plan
 * @name: the plan's name
 * @time: when the draft was stored, in microseconds since the Unix epoch
 * @size: the length of the draft's contents in bytes
 * @recoverable: the draft holds work that is in no saved file: the plan
 *   is untitled, its local file is gone, or the draft is newer than the file
 *
 * An autosaved copy of a plan with unsaved changes.
 */
typedef struct {
  char    *key;
  char    *location;
  char    *name;
  gint64   time;
  guint64  size;
  gboolean recoverable;
} RolloutDraft;

#define ROLLOUT_TYPE_RECENT_PROJECT (rollout_recent_project_get_type ())
#define ROLLOUT_TYPE_SEARCH_HIT     (rollout_search_hit_get_type ())
#define ROLLOUT_TYPE_DRAFT          (rollout_draft_get_type ())
#define ROLLOUT_TYPE_CACHE          (rollout_cache_get_type ())

G_DECLARE_FINAL_TYPE (RolloutCache, rollout_cache, ROLLOUT, CACHE, GObject)

GQuark                rollout_cache_error_quark        (void);

void                  rollout_cache_summarize          (RolloutProject             *project,
                                                        RolloutDate                 today,
                                                        RolloutCacheSummary        *out_summary);
void                  rollout_cache_summary_clear      (RolloutCacheSummary        *summary);

GType                 rollout_recent_project_get_type  (void) G_GNUC_CONST;
RolloutRecentProject *rollout_recent_project_copy      (const RolloutRecentProject *recent);
void                  rollout_recent_project_free      (RolloutRecentProject       *recent);

GType                 rollout_search_hit_get_type      (void) G_GNUC_CONST;
RolloutSearchHit     *rollout_search_hit_copy          (const RolloutSearchHit     *hit);
void                  rollout_search_hit_free          (RolloutSearchHit           *hit);
const char           *rollout_search_kind_to_string    (RolloutSearchKind           kind);

GType                 rollout_draft_get_type           (void) G_GNUC_CONST;
RolloutDraft         *rollout_draft_copy               (const RolloutDraft         *draft);
void                  rollout_draft_free               (RolloutDraft               *draft);

gboolean              rollout_cache_stat_location      (const char                 *location,
                                                        guint64                    *out_size,
                                                        gint64                     *out_mtime,
                                                        GError                    **error);
char                 *rollout_cache_new_untitled_key   (void);

RolloutCache         *rollout_cache_open               (const char                 *dir,
                                                        GError                    **error);
const char           *rollout_cache_get_path           (RolloutCache               *self);
gboolean              rollout_cache_check_integrity    (RolloutCache               *self,
                                                        GError                    **error);

gboolean              rollout_cache_record_opened      (RolloutCache               *self,
                                                        const char                 *location,
                                                        RolloutProject             *project,
                                                        guint64                     size,
                                                        gint64                      mtime,
                                                        RolloutDate                 today,
                                                        GError                    **error);
GPtrArray            *rollout_cache_list_recents       (RolloutCache               *self,
                                                        GError                    **error);
gboolean              rollout_cache_remove_recent      (RolloutCache               *self,
                                                        const char                 *location,
                                                        GError                    **error);

gboolean              rollout_cache_index_project      (RolloutCache               *self,
                                                        const char                 *location,
                                                        RolloutProject             *project,
                                                        guint64                     size,
                                                        gint64                      mtime,
                                                        GError                    **error);
gboolean              rollout_cache_is_indexed         (RolloutCache               *self,
                                                        const char                 *location,
                                                        guint64                     size,
                                                        gint64                      mtime);
GPtrArray            *rollout_cache_search             (RolloutCache               *self,
                                                        const char                 *query,
                                                        const char                 *mark_open,
                                                        const char                 *mark_close,
                                                        guint                       limit,
                                                        GError                    **error);

gboolean              rollout_cache_store_draft        (RolloutCache               *self,
                                                        const char                 *key,
                                                        const char                 *name,
                                                        GBytes                     *contents,
                                                        gint64                      time,
                                                        GError                    **error);
void                  rollout_cache_store_draft_async  (RolloutCache               *self,
                                                        const char                 *key,
                                                        const char                 *name,
                                                        GBytes                     *contents,
                                                        gint64                      time,
                                                        GCancellable               *cancellable,
                                                        GAsyncReadyCallback         callback,
                                                        gpointer                    user_data);
gboolean              rollout_cache_store_draft_finish (RolloutCache               *self,
                                                        GAsyncResult               *result,
                                                        GError                    **error);
GBytes               *rollout_cache_load_draft         (RolloutCache               *self,
                                                        const char                 *key,
                                                        gint64                     *out_time,
                                                        GError                    **error);
gboolean              rollout_cache_delete_draft       (RolloutCache               *self,
                                                        const char                 *key,
                                                        GError                    **error);
GPtrArray            *rollout_cache_list_drafts        (RolloutCache               *self,
                                                        GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutRecentProject, rollout_recent_project_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutSearchHit, rollout_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RolloutDraft, rollout_draft_free)

G_END_DECLS
