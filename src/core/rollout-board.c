/* rollout-board.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The team board: the plan's tasks as cards in four columns, one per task
 * status, optionally split into swimlanes by team or by phase.
 *
 * A board is made in one pass over the tasks: each task that passes the
 * filters (phase, team, search words) becomes an entry keyed by lane and
 * column, the entries are sorted by (lane, column, finish, position in the
 * plan) and each lane records where its columns start. So a board of
 * 10,000 tasks costs one sort, and a view asks for the n-th card of a
 * lane's column in O(1). Boards are immutable and reference counted, like
 * the timeline's layout; views make a new one after every edit.
 *
 * Cards are ordered by scheduled finish, soonest first, unscheduled last:
 * what is due next is at the top of every column. A card's finish is
 * marked late when it is before today and the task is not done, and after
 * its gate when it falls on or after the day the task's phase's gate is
 * due, which is the day the next phase is planned to start: a task still
 * running then holds the roll-out back.
 *
 * The edits the board makes (moving a card to another column or lane,
 * signing a phase off or withdrawing the sign-off, a column's WIP limit)
 * are built here as commands, so they are tested without a window.
 */

#define G_LOG_DOMAIN "rollout-board"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-board.h"

typedef struct {
  RolloutBoardLane pub;
  guint            first[ROLLOUT_N_TASK_STATUSES];  /* into cards */
} Lane;

struct _RolloutBoard
{
  gatomicrefcount   ref_count;
  RolloutBoardLanes lanes_kind;
  GArray           *lanes;   /* Lane */
  GArray           *cards;   /* RolloutBoardCard, by lane, column, finish */
  guint             n_cards[ROLLOUT_N_TASK_STATUSES];
  guint             n_tasks;
};

G_DEFINE_BOXED_TYPE (RolloutBoard, rollout_board, rollout_board_ref, rollout_board_unref)

G_DEFINE_ENUM_TYPE (RolloutBoardLanes, rollout_board_lanes,
  G_DEFINE_ENUM_VALUE (ROLLOUT_BOARD_LANES_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_BOARD_LANES_TEAM, "team"),
  G_DEFINE_ENUM_VALUE (ROLLOUT_BOARD_LANES_PHASE, "phase"))

/* Building ---------------------------------------------------------------- */

typedef struct {
  RolloutTask *task;
  guint        lane;
  guint        status;
  RolloutDate  finish;  /* G_MAXUINT32 when unscheduled, so it sorts last */
  guint        position;
} Entry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->lane != eb->lane)
    return ea->lane < eb->lane ? -1 : 1;
  if (ea->status != eb->status)
    return ea->status < eb->status ? -1 : 1;
  if (ea->finish != eb->finish)
    return ea->finish < eb->finish ? -1 : 1;
  return (ea->position > eb->position) - (ea->position < eb->position);
}

/* The search's words, case-folded; NULL when there are none. */
static char **
split_words (const char *search)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  GPtrArray *words;

  if (search == NULL)
    return NULL;
  folded = g_utf8_casefold (search, -1);
  parts = g_strsplit_set (folded, " \t\n", -1);
  words = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  if (words->len == 0)
    {
      g_ptr_array_free (words, TRUE);
      return NULL;
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/* ASCII text needs no case folding beyond lowering, which is cheap and
 * allocation-free; only other text goes through g_utf8_casefold(). */
static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
field_contains (const char *field,
                const char *word)
{
  g_autofree char *folded = NULL;

  if (field == NULL)
    return FALSE;
  if (is_ascii (field) && is_ascii (word))
    {
      gsize n = strlen (word);

      for (const char *p = field; *p != '\0'; p++)
        if (g_ascii_strncasecmp (p, word, n) == 0)
          return TRUE;
      return FALSE;
    }
  folded = g_utf8_casefold (field, -1);
  return strstr (folded, word) != NULL;
}

static gboolean
task_matches (RolloutTask *task,
              char       **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (!field_contains (rollout_task_get_name (task), words[i]) &&
        !field_contains (rollout_task_get_owner (task), words[i]) &&
        !field_contains (rollout_task_get_blocked_reason (task), words[i]) &&
        !field_contains (rollout_task_get_id (task), words[i]))
      return FALSE;
  return TRUE;
}

static void
count_checklist (RolloutTask *task,
                 guint       *out_checked,
                 guint       *out_total)
{
  GPtrArray *items = rollout_task_get_checklist (task);
  guint checked = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    checked += ((RolloutChecklistItem *) g_ptr_array_index (items, i))->done != FALSE;
  *out_checked = checked;
  *out_total = items != NULL ? items->len : 0;
}

static guint
lateness (RolloutTask *task,
          RolloutDate  gate,
          RolloutDate  today)
{
  RolloutDate finish = rollout_task_get_finish (task);
  guint flags = ROLLOUT_BOARD_ON_TIME;

  if (rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_DONE ||
      rollout_task_get_start (task) == ROLLOUT_DATE_NONE)
    return flags;
  if (today != ROLLOUT_DATE_NONE && finish < today)
    flags |= ROLLOUT_BOARD_LATE;
  if (gate != ROLLOUT_DATE_NONE && finish >= gate)
    flags |= ROLLOUT_BOARD_AFTER_GATE;
  return flags;
}

/* Phase id → the day its gate is due (as a pointer-sized integer). */
static GHashTable *
gate_dates (RolloutProject *project)
{
  GListModel *phases = rollout_project_get_phases (project);
  GHashTable *gates = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (phases);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, i);
      g_autoptr(RolloutPhase) next = g_list_model_get_item (phases, i + 1);
      RolloutDate due = rollout_phase_get_planned_start (next);

      if (due != ROLLOUT_DATE_NONE)
        g_hash_table_insert (gates, (gpointer) rollout_phase_get_id (phase), GUINT_TO_POINTER (due));
    }
  return gates;
}

static void
add_lane (RolloutBoard *self,
          gpointer      object,
          const char   *id,
          const char   *label,
          const char   *color)
{
  Lane lane = { { object, id, label, color, { 0 }, 1 }, { 0 } };

  if (object != NULL)
    g_object_ref (object);
  g_array_append_val (self->lanes, lane);
}

/* Lanes come in the plan's order of teams or phases; a task's lane is
 * found through @index (id → lane + 1). */
static void
make_lanes (RolloutBoard              *self,
            RolloutProject            *project,
            const RolloutBoardOptions *options,
            GHashTable                *index)
{
  GListModel *model;

  if (options->lanes == ROLLOUT_BOARD_LANES_NONE)
    {
      add_lane (self, NULL, NULL, NULL, NULL);
      return;
    }

  model = options->lanes == ROLLOUT_BOARD_LANES_TEAM ? rollout_project_get_teams (project)
                                                     : rollout_project_get_phases (project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      const char *id, *label, *color = NULL;

      if (ROLLOUT_IS_TEAM (object))
        {
          id = rollout_team_get_id (ROLLOUT_TEAM (object));
          label = rollout_team_get_name (ROLLOUT_TEAM (object));
          color = rollout_team_get_color (ROLLOUT_TEAM (object));
          if (options->team_id != NULL && g_strcmp0 (options->team_id, id) != 0)
            continue;
        }
      else
        {
          id = rollout_phase_get_id (ROLLOUT_PHASE (object));
          label = rollout_phase_get_name (ROLLOUT_PHASE (object));
          if (options->phase_id != NULL && g_strcmp0 (options->phase_id, id) != 0)
            continue;
        }
      g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (self->lanes->len + 1));
      add_lane (self, object, id, label != NULL ? label : id, color);
    }

  /* Tasks of no team get a lane of their own, last. */
  if (options->lanes == ROLLOUT_BOARD_LANES_TEAM &&
      (options->team_id == NULL || *options->team_id == '\0'))
    add_lane (self, NULL, NULL, NULL, NULL);
}

static void
board_free (RolloutBoard *self)
{
  for (guint i = 0; i < self->lanes->len; i++)
    g_clear_object (&g_array_index (self->lanes, Lane, i).pub.object);
  for (guint i = 0; i < self->cards->len; i++)
    g_object_unref (g_array_index (self->cards, RolloutBoardCard, i).task);
  g_array_unref (self->lanes);
  g_array_unref (self->cards);
  g_free (self);
}

/**
 * rollout_board_options_init:
 * @options: options to fill
 *
 * Sets @options to show every task, without swimlanes, with no day to
 * judge lateness against.
 */
void
rollout_board_options_init (RolloutBoardOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->lanes = ROLLOUT_BOARD_LANES_NONE;
}

/**
 * rollout_board_new:
 * @project: a scheduled plan
 * @options: (nullable): what to show; %NULL for the defaults
 *
 * Returns: (transfer full): the board of @project's tasks
 */
RolloutBoard *
rollout_board_new (RolloutProject            *project,
                   const RolloutBoardOptions *options)
{
  g_autoptr(GHashTable) lane_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) gates = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree Entry *entries = NULL;
  RolloutBoardOptions defaults;
  RolloutBoard *self;
  GListModel *tasks;
  guint n_tasks, n_entries = 0, no_team_lane;
  gboolean empty_lanes;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  if (options == NULL)
    {
      rollout_board_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (RolloutBoard, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->lanes_kind = options->lanes;
  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  self->cards = g_array_new (FALSE, TRUE, sizeof (RolloutBoardCard));

  make_lanes (self, project, options, lane_index);
  no_team_lane = self->lanes->len - 1;
  words = split_words (options->search);
  gates = gate_dates (project);

  tasks = rollout_project_get_tasks (project);
  n_tasks = g_list_model_get_n_items (tasks);
  self->n_tasks = n_tasks;
  entries = g_new (Entry, MAX (n_tasks, 1));

  for (guint i = 0; i < n_tasks; i++)
    {
      RolloutTask *task = g_list_model_get_item (tasks, i);
      const char *phase_id = rollout_task_get_phase_id (task);
      const char *team_id = rollout_task_get_team_id (task);
      Entry *e = &entries[n_entries];
      guint lane = 0;

      /* The list model's reference is enough while the board is made. */
      g_object_unref (task);

      if (options->phase_id != NULL && g_strcmp0 (options->phase_id, phase_id) != 0)
        continue;
      if (options->team_id != NULL &&
          (*options->team_id == '\0' ? team_id != NULL : g_strcmp0 (options->team_id, team_id) != 0))
        continue;
      if (words != NULL && !task_matches (task, words))
        continue;

      if (options->lanes == ROLLOUT_BOARD_LANES_TEAM)
        lane = team_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (lane_index, team_id)) - 1 : no_team_lane;
      else if (options->lanes == ROLLOUT_BOARD_LANES_PHASE)
        lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_index, phase_id)) - 1;
      /* A reference the plan does not resolve (not in a valid plan). */
      if (lane >= self->lanes->len)
        continue;

      e->task = task;
      e->lane = lane;
      e->status = rollout_task_get_status (task);
      e->finish = rollout_task_get_start (task) != ROLLOUT_DATE_NONE ? rollout_task_get_finish (task) : G_MAXUINT32;
      e->position = i;
      n_entries++;
    }
  qsort (entries, n_entries, sizeof (Entry), compare_entries);

  g_array_set_size (self->cards, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      const Entry *e = &entries[i];
      RolloutBoardCard *card = &g_array_index (self->cards, RolloutBoardCard, i);
      Lane *lane = &g_array_index (self->lanes, Lane, e->lane);
      RolloutDate gate = GPOINTER_TO_UINT (g_hash_table_lookup (gates, rollout_task_get_phase_id (e->task)));

      card->task = g_object_ref (e->task);
      card->finish = e->finish != G_MAXUINT32 ? e->finish : ROLLOUT_DATE_NONE;
      card->gate = gate;
      card->lateness = lateness (e->task, gate, options->today);
      count_checklist (e->task, &card->n_checked, &card->n_checklist);
      if (lane->pub.n_cards[e->status]++ == 0)
        lane->first[e->status] = i;
      self->n_cards[e->status]++;
    }

  /* A search shows where its matches are, not every empty lane; the lane
   * of tasks of no team shows only when some are. Otherwise empty lanes
   * stay, so cards can be moved into them. */
  empty_lanes = words == NULL;
  for (guint i = self->lanes->len; i-- > 0;)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, i);
      guint n = 0;

      for (guint s = 0; s < ROLLOUT_N_TASK_STATUSES; s++)
        {
          n += lane->pub.n_cards[s];
          lane->pub.n_rows = MAX (lane->pub.n_rows, lane->pub.n_cards[s]);
        }
      if (n == 0 && options->lanes != ROLLOUT_BOARD_LANES_NONE &&
          (!empty_lanes || (options->lanes == ROLLOUT_BOARD_LANES_TEAM && lane->pub.object == NULL &&
                            options->team_id == NULL)))
        {
          g_clear_object (&lane->pub.object);
          g_array_remove_index (self->lanes, i);
        }
    }

  return self;
}

/**
 * rollout_board_ref:
 * @self: a #RolloutBoard
 *
 * Returns: (transfer full): @self
 */
RolloutBoard *
rollout_board_ref (RolloutBoard *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rollout_board_unref (RolloutBoard *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    board_free (self);
}

guint
rollout_board_get_n_lanes (RolloutBoard *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lanes->len;
}

/**
 * rollout_board_get_lane:
 * @self: a #RolloutBoard
 * @lane: a lane's index
 *
 * Returns: (transfer none): the lane
 */
const RolloutBoardLane *
rollout_board_get_lane (RolloutBoard *self,
                        guint         lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return &g_array_index (self->lanes, Lane, lane).pub;
}

/**
 * rollout_board_get_card:
 * @self: a #RolloutBoard
 * @lane: a lane's index
 * @status: a column
 * @index: a card's place in the lane's column, from the top
 *
 * Returns: (transfer none) (nullable): the card, or %NULL when the column
 *   has fewer cards in that lane
 */
const RolloutBoardCard *
rollout_board_get_card (RolloutBoard      *self,
                        guint              lane,
                        RolloutTaskStatus  status,
                        guint              index)
{
  const Lane *l;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) status < ROLLOUT_N_TASK_STATUSES, NULL);

  if (lane >= self->lanes->len)
    return NULL;
  l = &g_array_index (self->lanes, Lane, lane);
  if (index >= l->pub.n_cards[status])
    return NULL;
  return &g_array_index (self->cards, RolloutBoardCard, l->first[status] + index);
}

/**
 * rollout_board_get_n_cards:
 * @self: a #RolloutBoard
 * @status: a column
 *
 * Returns: how many cards the column shows, over all lanes
 */
guint
rollout_board_get_n_cards (RolloutBoard      *self,
                           RolloutTaskStatus  status)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) status < ROLLOUT_N_TASK_STATUSES, 0);

  return self->n_cards[status];
}

/**
 * rollout_board_get_n_shown:
 * @self: a #RolloutBoard
 *
 * Returns: how many cards the board shows
 */
guint
rollout_board_get_n_shown (RolloutBoard *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->cards->len;
}

/**
 * rollout_board_get_n_tasks:
 * @self: a #RolloutBoard
 *
 * Returns: how many tasks the plan had, shown or filtered out
 */
guint
rollout_board_get_n_tasks (RolloutBoard *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_tasks;
}

RolloutBoardLanes
rollout_board_get_lanes (RolloutBoard *self)
{
  g_return_val_if_fail (self != NULL, ROLLOUT_BOARD_LANES_NONE);

  return self->lanes_kind;
}

/**
 * rollout_board_find:
 * @self: a #RolloutBoard
 * @task: a task
 * @out_lane: (out) (optional): its card's lane
 * @out_status: (out) (optional): its card's column
 * @out_index: (out) (optional): its card's place in the lane's column
 *
 * Returns: whether @task has a card on the board
 */
gboolean
rollout_board_find (RolloutBoard      *self,
                    RolloutTask       *task,
                    guint             *out_lane,
                    RolloutTaskStatus *out_status,
                    guint             *out_index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint l = 0; l < self->lanes->len; l++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, l);

      for (guint s = 0; s < ROLLOUT_N_TASK_STATUSES; s++)
        for (guint i = 0; i < lane->pub.n_cards[s]; i++)
          if (g_array_index (self->cards, RolloutBoardCard, lane->first[s] + i).task == task)
            {
              if (out_lane != NULL)
                *out_lane = l;
              if (out_status != NULL)
                *out_status = s;
              if (out_index != NULL)
                *out_index = i;
              return TRUE;
            }
    }
  return FALSE;
}

/* Single cards ------------------------------------------------------------- */

/**
 * rollout_board_status_label:
 * @status: a task status
 *
 * Returns: the name of @status's column, "In Progress"
 */
const char *
rollout_board_status_label (RolloutTaskStatus status)
{
  switch (status)
    {
    case ROLLOUT_TASK_STATUS_TODO:
      return _("To Do");
    case ROLLOUT_TASK_STATUS_IN_PROGRESS:
      return _("In Progress");
    case ROLLOUT_TASK_STATUS_BLOCKED:
      return _("Blocked");
    case ROLLOUT_TASK_STATUS_DONE:
      return _("Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_initial (GString    *initials,
                const char *word)
{
  gunichar c = g_utf8_get_char (word);

  g_string_append_unichar (initials, g_unichar_toupper (c));
}

/**
 * rollout_board_initials:
 * @name: a person's name, "Maya Chen"
 *
 * The initials a card shows for its owner: the first letters of the first
 * and the last word that start with a letter or digit ("MC"; "P" for
 * "Priya"; "DR" for "Dana (Support) Ruiz").
 *
 * Returns: (transfer full): the initials, upper case; empty when @name
 *   has no word
 */
char *
rollout_board_initials (const char *name)
{
  g_auto(GStrv) words = NULL;
  GString *initials = g_string_new (NULL);
  const char *first = NULL, *last = NULL;

  g_return_val_if_fail (name != NULL, g_string_free (initials, FALSE));

  if (!g_utf8_validate (name, -1, NULL))
    return g_string_free (initials, FALSE);
  words = g_strsplit_set (name, " \t\n-", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (*words[i] == '\0' || !g_unichar_isalnum (c))
        continue;
      if (first == NULL)
        first = words[i];
      else
        last = words[i];
    }
  if (first != NULL)
    append_initial (initials, first);
  if (last != NULL)
    append_initial (initials, last);
  return g_string_free (initials, FALSE);
}

/**
 * rollout_board_get_gate_date:
 * @project: a plan
 * @phase: one of its phases
 *
 * A phase's gate decides whether the roll-out moves on to the next phase,
 * so it is due when the next phase is planned to start.
 *
 * Returns: the next phase's planned start, or %ROLLOUT_DATE_NONE when
 *   @phase is the last one or the next has no planned start
 */
RolloutDate
rollout_board_get_gate_date (RolloutProject *project,
                             RolloutPhase   *phase)
{
  GListModel *phases;
  g_autoptr(RolloutPhase) next = NULL;
  int index;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), ROLLOUT_DATE_NONE);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), ROLLOUT_DATE_NONE);

  phases = rollout_project_get_phases (project);
  index = rollout_project_index_of (project, phase);
  if (index < 0 || (guint) index + 1 >= g_list_model_get_n_items (phases))
    return ROLLOUT_DATE_NONE;
  next = g_list_model_get_item (phases, index + 1);
  return rollout_phase_get_planned_start (next);
}

/**
 * rollout_board_get_lateness:
 * @project: a scheduled plan
 * @task: one of its tasks
 * @today: the day to judge against, or %ROLLOUT_DATE_NONE
 *
 * Returns: #RolloutBoardLateness flags for @task's card
 */
guint
rollout_board_get_lateness (RolloutProject *project,
                            RolloutTask    *task,
                            RolloutDate     today)
{
  RolloutPhase *phase;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), ROLLOUT_BOARD_ON_TIME);
  g_return_val_if_fail (ROLLOUT_IS_TASK (task), ROLLOUT_BOARD_ON_TIME);

  phase = rollout_project_lookup_phase (project, rollout_task_get_phase_id (task));
  return lateness (task, phase != NULL ? rollout_board_get_gate_date (project, phase) : ROLLOUT_DATE_NONE, today);
}

/* Phase readiness ------------------------------------------------------------ */

void
rollout_readiness_free (RolloutReadiness *readiness)
{
  if (readiness == NULL)
    return;
  g_free (readiness->team_id);
  g_clear_object (&readiness->team);
  g_clear_pointer (&readiness->signoff, rollout_signoff_free);
  g_free (readiness);
}

static RolloutReadiness *
readiness_for (GPtrArray      *list,
               RolloutProject *project,
               RolloutPhase   *phase,
               const char     *team_id)
{
  GPtrArray *signoffs = rollout_phase_get_signoffs (phase);
  RolloutReadiness *r;

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((RolloutReadiness *) g_ptr_array_index (list, i))->team_id, team_id))
      return g_ptr_array_index (list, i);

  r = g_new0 (RolloutReadiness, 1);
  r->team_id = g_strdup (team_id);
  r->team = rollout_project_lookup_team (project, team_id);
  if (r->team != NULL)
    g_object_ref (r->team);
  for (guint i = 0; signoffs != NULL && i < signoffs->len; i++)
    {
      RolloutSignoff *signoff = g_ptr_array_index (signoffs, i);

      if (g_strcmp0 (signoff->team_id, team_id) == 0)
        r->signoff = rollout_signoff_copy (signoff);
    }
  g_ptr_array_add (list, r);
  return r;
}

/**
 * rollout_board_get_readiness:
 * @project: a plan
 * @phase: one of its phases
 *
 * Where each team stands on @phase: first the teams its gate requires to
 * sign off, in the gate's order, then the plan's other teams; then any
 * team that signed off without being either.
 *
 * Returns: (transfer full) (element-type RolloutReadiness): one entry per team
 */
GPtrArray *
rollout_board_get_readiness (RolloutProject *project,
                             RolloutPhase   *phase)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_readiness_free);
  const RolloutGate *gate;
  GListModel *model;
  GPtrArray *signoffs;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), list);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), list);

  gate = rollout_phase_get_gate (phase);
  for (guint i = 0; gate != NULL && gate->required_signoffs[i] != NULL; i++)
    readiness_for (list, project, phase, gate->required_signoffs[i])->required = TRUE;

  model = rollout_project_get_teams (project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutTeam) team = g_list_model_get_item (model, i);

      readiness_for (list, project, phase, rollout_team_get_id (team));
    }

  signoffs = rollout_phase_get_signoffs (phase);
  for (guint i = 0; signoffs != NULL && i < signoffs->len; i++)
    readiness_for (list, project, phase, ((RolloutSignoff *) g_ptr_array_index (signoffs, i))->team_id);

  model = rollout_project_get_tasks (project);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (model, i);
      const char *team_id = rollout_task_get_team_id (task);

      if (team_id == NULL || g_strcmp0 (rollout_task_get_phase_id (task), rollout_phase_get_id (phase)) != 0)
        continue;
      for (guint k = 0; k < list->len; k++)
        {
          RolloutReadiness *r = g_ptr_array_index (list, k);

          if (g_str_equal (r->team_id, team_id))
            {
              r->n_tasks++;
              r->n_done += rollout_task_get_status (task) == ROLLOUT_TASK_STATUS_DONE;
              break;
            }
        }
    }
  return list;
}

/* Commands ---------------------------------------------------------------- */

static const char *
task_label (RolloutTask *task)
{
  const char *name = rollout_task_get_name (task);

  return name != NULL && *name != '\0' ? name : rollout_task_get_id (task);
}

static const char *
team_label (RolloutProject *project,
            const char     *team_id)
{
  RolloutTeam *team = team_id != NULL ? rollout_project_lookup_team (project, team_id) : NULL;

  if (team_id == NULL)
    return _("No Team");
  return team != NULL && rollout_team_get_name (team) != NULL ? rollout_team_get_name (team) : team_id;
}

static const char *
phase_label (RolloutPhase *phase)
{
  const char *name = rollout_phase_get_name (phase);

  return name != NULL ? name : rollout_phase_get_id (phase);
}

static void
group_add_set (RolloutCommand *group,
               gpointer        object,
               const char     *property,
               const GValue   *value)
{
  rollout_command_group_add (group, rollout_command_new_set (object, property, value, NULL));
}

static void
group_add_string (RolloutCommand *group,
                  gpointer        object,
                  const char     *property,
                  const char     *string)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, string);
  group_add_set (group, object, property, &value);
}

/**
 * rollout_board_new_move:
 * @project: the plan
 * @task: one of its tasks
 * @status: the column to move its card to
 * @lanes: the board's swimlanes
 * @lane_id: (nullable): with team lanes, the team to move the card to
 *   (%NULL for no team); with phase lanes, the phase (%NULL to keep the
 *   task's); ignored without lanes
 *
 * Moving a card to Done makes all of the task done (100%); moving it out
 * of Blocked drops what it was blocked on.
 *
 * Returns: (transfer full) (nullable): the edit, labelled for the Undo menu
 *   ("Move ‘Train agents’ to Done"), or %NULL when the card would not move
 */
RolloutCommand *
rollout_board_new_move (RolloutProject    *project,
                        RolloutTask       *task,
                        RolloutTaskStatus  status,
                        RolloutBoardLanes  lanes,
                        const char        *lane_id)
{
  g_autoptr(RolloutCommand) group = NULL;
  g_autofree char *label = NULL;
  const char *where = NULL;
  gboolean new_status;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_TASK (task), NULL);
  g_return_val_if_fail ((guint) status < ROLLOUT_N_TASK_STATUSES, NULL);

  group = rollout_command_new_group (NULL);
  new_status = status != rollout_task_get_status (task);
  if (new_status)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, ROLLOUT_TYPE_TASK_STATUS);
      g_value_set_enum (&value, status);
      group_add_set (group, task, "status", &value);
      if (status == ROLLOUT_TASK_STATUS_DONE && rollout_task_get_progress (task) != 100)
        {
          g_auto(GValue) progress = G_VALUE_INIT;

          g_value_init (&progress, G_TYPE_INT);
          g_value_set_int (&progress, 100);
          group_add_set (group, task, "progress", &progress);
        }
      if (status != ROLLOUT_TASK_STATUS_BLOCKED && rollout_task_get_blocked_reason (task) != NULL)
        group_add_string (group, task, "blocked-reason", NULL);
    }

  if (lanes == ROLLOUT_BOARD_LANES_TEAM && g_strcmp0 (lane_id, rollout_task_get_team_id (task)) != 0)
    {
      if (lane_id != NULL && rollout_project_lookup_team (project, lane_id) == NULL)
        {
          g_critical ("The plan has no team “%s”", lane_id);
          return NULL;
        }
      group_add_string (group, task, "team-id", lane_id);
      where = team_label (project, lane_id);
    }
  else if (lanes == ROLLOUT_BOARD_LANES_PHASE && lane_id != NULL &&
           g_strcmp0 (lane_id, rollout_task_get_phase_id (task)) != 0)
    {
      RolloutPhase *phase = rollout_project_lookup_phase (project, lane_id);

      if (phase == NULL)
        {
          g_critical ("The plan has no phase “%s”", lane_id);
          return NULL;
        }
      group_add_string (group, task, "phase-id", lane_id);
      where = phase_label (phase);
    }

  if (rollout_command_group_get_size (group) == 0)
    return NULL;

  if (new_status && where != NULL)
    /* Translators: a task, then the column and the team or phase it goes to */
    label = g_strdup_printf (_("Move ‘%s’ to %s, %s"), task_label (task), rollout_board_status_label (status), where);
  else
    /* Translators: a task, then the column, team or phase it goes to */
    label = g_strdup_printf (_("Move ‘%s’ to %s"), task_label (task),
                             new_status ? rollout_board_status_label (status) : where);

  {
    RolloutCommand *labelled = rollout_command_new_group (label);

    rollout_command_group_add (labelled, g_steal_pointer (&group));
    return labelled;
  }
}

static GPtrArray *
copy_signoffs (RolloutPhase *phase)
{
  GPtrArray *signoffs = rollout_phase_get_signoffs (phase);

  if (signoffs == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_signoff_free);
  return rollout_ptr_array_copy (signoffs, (GBoxedCopyFunc) rollout_signoff_copy,
                                 (GDestroyNotify) rollout_signoff_free);
}

/**
 * rollout_board_new_sign_off:
 * @project: the plan
 * @phase: one of its phases
 * @team_id: the team that signs off
 * @by: (nullable): who signed for the team
 * @date: the day of the sign-off
 *
 * Records that @team_id is ready for @phase, replacing the team's earlier
 * sign-off if it had one.
 *
 * Returns: (transfer full): the edit
 */
RolloutCommand *
rollout_board_new_sign_off (RolloutProject *project,
                            RolloutPhase   *phase,
                            const char     *team_id,
                            const char     *by,
                            RolloutDate     date)
{
  g_autoptr(GPtrArray) signoffs = NULL;
  g_autofree char *label = NULL;
  gboolean replaced = FALSE;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);
  g_return_val_if_fail (date != ROLLOUT_DATE_NONE, NULL);

  if (by != NULL && *by == '\0')
    by = NULL;
  signoffs = copy_signoffs (phase);
  for (guint i = 0; i < signoffs->len; i++)
    {
      RolloutSignoff *signoff = g_ptr_array_index (signoffs, i);

      if (g_strcmp0 (signoff->team_id, team_id) != 0)
        continue;
      g_free (signoff->by);
      signoff->by = g_strdup (by);
      signoff->date = date;
      replaced = TRUE;
    }
  if (!replaced)
    g_ptr_array_add (signoffs, rollout_signoff_new (team_id, by, date));

  /* Translators: a phase, then a team */
  label = g_strdup_printf (_("Sign Off ‘%s’ for %s"), phase_label (phase), team_label (project, team_id));
  return rollout_command_new_set_many (phase, label, "signoffs", signoffs, NULL);
}

/**
 * rollout_board_new_withdraw:
 * @project: the plan
 * @phase: one of its phases
 * @team_id: a team that signed @phase off
 *
 * Returns: (transfer full) (nullable): the edit that takes the team's
 *   sign-off back, or %NULL when it has none
 */
RolloutCommand *
rollout_board_new_withdraw (RolloutProject *project,
                            RolloutPhase   *phase,
                            const char     *team_id)
{
  g_autoptr(GPtrArray) signoffs = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ROLLOUT_IS_PHASE (phase), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  signoffs = copy_signoffs (phase);
  n = signoffs->len;
  for (guint i = signoffs->len; i-- > 0;)
    if (g_strcmp0 (((RolloutSignoff *) g_ptr_array_index (signoffs, i))->team_id, team_id) == 0)
      g_ptr_array_remove_index (signoffs, i);
  if (signoffs->len == n)
    return NULL;

  /* Translators: a team, then a phase */
  label = g_strdup_printf (_("Withdraw the Sign-Off of %s for ‘%s’"), team_label (project, team_id), phase_label (phase));
  return rollout_command_new_set_many (phase, label, "signoffs", signoffs, NULL);
}

/**
 * rollout_board_new_set_wip_limit:
 * @project: the plan
 * @status: a column
 * @limit: at most this many cards in the column, 0 for no limit
 *
 * Returns: (transfer full) (nullable): the edit, or %NULL when the limit is
 *   already @limit
 */
RolloutCommand *
rollout_board_new_set_wip_limit (RolloutProject    *project,
                                 RolloutTaskStatus  status,
                                 int                limit)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail ((guint) status < ROLLOUT_N_TASK_STATUSES, NULL);
  g_return_val_if_fail (limit >= 0 && limit <= ROLLOUT_WIP_LIMIT_MAX, NULL);

  if (rollout_project_get_wip_limit (project, status) == limit)
    return NULL;
  if (limit == 0)
    /* Translators: a board column, "In Progress" */
    label = g_strdup_printf (_("Remove the WIP Limit of %s"), rollout_board_status_label (status));
  else
    /* Translators: a board column, "In Progress" */
    label = g_strdup_printf (_("Set the WIP Limit of %s"), rollout_board_status_label (status));
  return rollout_command_new_set_many (project, label, rollout_project_wip_limit_property (status), limit, NULL);
}
