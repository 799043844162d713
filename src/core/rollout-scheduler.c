/* rollout-scheduler.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The scheduler: the critical path method on the working-day line.
 *
 * The calendar turns dates into working-day indices (rollout-calendar.c), so
 * durations and lags are plain additions: a task occupies [ES, ES + D) and a
 * milestone (D = 0) sits on day ES. Dates are converted once per task on the
 * way in and on the way out; everything in between is integer arithmetic.
 *
 * The dependency graph is built once, as successor lists packed in one flat
 * array (compressed rows), edges going from predecessor to successor.
 * Kahn's algorithm orders it; the forward pass in that order pushes early
 * starts along the edges, the backward pass in reverse order pulls late
 * finishes back, and total slack is their difference. The whole run is
 * O(tasks + dependencies), plus a logarithmic calendar conversion per task.
 *
 * When Kahn's algorithm cannot order every task there is a cycle. Tarjan's
 * algorithm, written with an explicit stack (a plan may be a chain of
 * 100,000 tasks, too deep for recursion), finds the strongly connected
 * components; a breadth-first search inside each cyclic one, from its first
 * task in plan order, gives the shortest real cycle through that task, which
 * is what people are shown.
 *
 * Scheduling again after an edit. A plan is scheduled after every edit,
 * and on a big plan most of a full run goes on reading the plan back: ids
 * into positions, dates into working-day indices, dependencies into the
 * graph. So the state of the last run stays with the project (as object
 * data) and the next run starts from it. Every task counts the changes of
 * its stored values; the run reads again only the tasks whose count moved,
 * recomputes early starts in their cone of successors, in topological
 * order, pulling from each task's predecessors and stopping where a start
 * does not move, and writes back only the results that differ. The
 * backward pass and the sums over the plan are integer arithmetic on the
 * arrays and run in full: they cost little next to the rest. A different
 * list of tasks or phases, a changed phase, calendar or project start, or
 * a failed run, makes the next run a full one. Both ways give the same
 * results, which tests/test-scheduler.c checks on random plans and edits.
 */

#define G_LOG_DOMAIN "rollout-scheduler"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-calendar-private.h"
#include "rollout-phase-private.h"
#include "rollout-project-private.h"
#include "rollout-scheduler.h"
#include "rollout-task-private.h"

#define NO_NODE G_MAXUINT

typedef struct
{
  guint                 target;
  int                   lag;
  RolloutDependencyType type;
} Edge;

typedef struct
{
  guint source;
  Edge  edge;
} SourcedEdge;

/* The dependency graph of a project, nodes numbered in plan order. */
typedef struct
{
  GPtrArray *tasks;   /* RolloutTask, a reference each */
  guint      n;
  guint     *first;   /* n + 1 offsets: node i's successors are edges[first[i] .. first[i + 1]) */
  Edge      *edges;
  guint      n_edges;
} Graph;

/* A node of Tarjan's depth-first search and the next edge it will follow. */
typedef struct
{
  guint node;
  guint cursor;
} Frame;

G_DEFINE_QUARK (rollout-scheduler-error-quark, rollout_scheduler_error)

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->tasks, g_ptr_array_unref);
  g_clear_pointer (&graph->first, g_free);
  g_clear_pointer (&graph->edges, g_free);
  graph->n = 0;
  graph->n_edges = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

/* A task's dependencies as incoming edges, in their order; dependencies on
 * unknown tasks are left out (validation reports them). */
static void
read_dependencies (GHashTable  *position,
                   RolloutTask *task,
                   GArray      *incoming)
{
  GPtrArray *deps = rollout_task_get_dependencies (task);

  g_array_set_size (incoming, 0);
  for (guint j = 0; deps != NULL && j < deps->len; j++)
    {
      const RolloutDependency *dep = g_ptr_array_index (deps, j);
      SourcedEdge se;
      guint source;

      if (dep->task_id == NULL)
        continue;
      source = GPOINTER_TO_UINT (g_hash_table_lookup (position, dep->task_id));
      if (source == 0)
        continue;
      se.source = source - 1;
      se.edge.target = 0;
      se.edge.lag = dep->lag;
      se.edge.type = dep->type;
      g_array_append_val (incoming, se);
    }
}

/* The successor lists from the incoming edges (in target order): a
 * counting sort by source, stable, so successors stay in plan order. */
static void
graph_set_edges (Graph             *graph,
                 const guint       *in_first,
                 const SourcedEdge *incoming)
{
  guint n = graph->n;
  g_autofree guint *fill = NULL;

  g_clear_pointer (&graph->first, g_free);
  g_clear_pointer (&graph->edges, g_free);
  graph->n_edges = in_first[n];
  graph->first = g_new0 (guint, n + 1);
  graph->edges = g_new (Edge, MAX (graph->n_edges, 1));
  for (guint k = 0; k < graph->n_edges; k++)
    graph->first[incoming[k].source + 1]++;
  for (guint i = 0; i < n; i++)
    graph->first[i + 1] += graph->first[i];
  fill = g_memdup2 (graph->first, sizeof (guint) * (n + 1));
  for (guint t = 0; t < n; t++)
    for (guint k = in_first[t]; k < in_first[t + 1]; k++)
      {
        Edge edge = incoming[k].edge;

        edge.target = t;
        graph->edges[fill[incoming[k].source]++] = edge;
      }
}

/* Numbers the tasks in plan order and builds the graph. With @out_position
 * and @out_in_first, also gives the positions of the ids (stored + 1, so
 * that 0 means unknown) and the incoming edges in compressed rows. */
static void
graph_init (Graph          *graph,
            RolloutProject *project,
            GHashTable    **out_position,
            guint         **out_in_first,
            SourcedEdge   **out_incoming)
{
  GListModel *model = rollout_project_get_tasks (project);
  g_autoptr(GHashTable) position = NULL;
  g_autoptr(GArray) incoming = NULL;
  g_autoptr(GArray) one = NULL;
  g_autofree guint *in_first = NULL;

  graph->n = g_list_model_get_n_items (model);
  graph->tasks = g_ptr_array_new_full (graph->n, g_object_unref);

  position = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < graph->n; i++)
    {
      RolloutTask *task = g_list_model_get_item (model, i);

      g_ptr_array_add (graph->tasks, task);
      g_hash_table_insert (position, (gpointer) rollout_task_get_id (task),
                           GUINT_TO_POINTER (i + 1));
    }

  incoming = g_array_new (FALSE, FALSE, sizeof (SourcedEdge));
  one = g_array_new (FALSE, FALSE, sizeof (SourcedEdge));
  in_first = g_new (guint, graph->n + 1);
  for (guint i = 0; i < graph->n; i++)
    {
      in_first[i] = incoming->len;
      read_dependencies (position, g_ptr_array_index (graph->tasks, i), one);
      g_array_append_vals (incoming, one->data, one->len);
    }
  in_first[graph->n] = incoming->len;

  graph_set_edges (graph, in_first, (const SourcedEdge *) (gpointer) incoming->data);

  if (out_position != NULL)
    *out_position = g_steal_pointer (&position);
  if (out_in_first != NULL)
    *out_in_first = g_steal_pointer (&in_first);
  if (out_incoming != NULL)
    *out_incoming = (SourcedEdge *) (gpointer) g_array_free (g_steal_pointer (&incoming), FALSE);
}

static RolloutTask *
graph_task (const Graph *graph,
            guint        node)
{
  return g_ptr_array_index (graph->tasks, node);
}

/* Kahn's algorithm. Fills @order (n entries) and returns how many nodes it
 * could order: fewer than n means a cycle. */
static guint
topological_order (const Graph *graph,
                   guint       *order)
{
  g_autofree guint *indegree = g_new0 (guint, MAX (graph->n, 1));
  guint head = 0, tail = 0;

  for (guint k = 0; k < graph->n_edges; k++)
    indegree[graph->edges[k].target]++;
  for (guint i = 0; i < graph->n; i++)
    if (indegree[i] == 0)
      order[tail++] = i;

  while (head < tail)
    {
      guint u = order[head++];

      for (guint k = graph->first[u]; k < graph->first[u + 1]; k++)
        if (--indegree[graph->edges[k].target] == 0)
          order[tail++] = graph->edges[k].target;
    }
  return tail;
}

/* Tarjan's algorithm. Sets comp[i] for every node and returns how many
 * components there are. */
static guint
strong_components (const Graph *graph,
                   guint       *comp)
{
  guint n = graph->n;
  g_autofree guint *discovered = g_new (guint, MAX (n, 1));
  g_autofree guint *low = g_new (guint, MAX (n, 1));
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  g_autofree Frame *frames = g_new (Frame, MAX (n, 1));
  guint counter = 0, n_comp = 0, sp = 0;

  for (guint i = 0; i < n; i++)
    {
      discovered[i] = NO_NODE;
      comp[i] = NO_NODE;
    }

  for (guint root = 0; root < n; root++)
    {
      guint depth = 0;

      if (discovered[root] != NO_NODE)
        continue;

      discovered[root] = low[root] = counter++;
      stack[sp++] = root;
      frames[depth++] = (Frame) { root, graph->first[root] };

      while (depth > 0)
        {
          Frame *frame = &frames[depth - 1];
          guint u = frame->node;

          if (frame->cursor < graph->first[u + 1])
            {
              guint w = graph->edges[frame->cursor++].target;

              if (discovered[w] == NO_NODE)
                {
                  discovered[w] = low[w] = counter++;
                  stack[sp++] = w;
                  frames[depth++] = (Frame) { w, graph->first[w] };
                }
              else if (comp[w] == NO_NODE)
                {
                  /* Visited and not yet in a component: on the stack. */
                  low[u] = MIN (low[u], discovered[w]);
                }
              continue;
            }

          if (low[u] == discovered[u])
            {
              guint w;

              do
                {
                  w = stack[--sp];
                  comp[w] = n_comp;
                }
              while (w != u);
              n_comp++;
            }

          depth--;
          if (depth > 0)
            {
              guint parent = frames[depth - 1].node;

              low[parent] = MIN (low[parent], low[u]);
            }
        }
    }

  return n_comp;
}

static gboolean
has_self_loop (const Graph *graph,
               guint        node)
{
  for (guint k = graph->first[node]; k < graph->first[node + 1]; k++)
    if (graph->edges[k].target == node)
      return TRUE;
  return FALSE;
}

/* One cycle per cyclic strongly connected component, each starting at the
 * component's first task in plan order, the components in that order too. */
static GPtrArray *
find_cycles_in_graph (const Graph *graph)
{
  guint n = graph->n;
  GPtrArray *cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree guint *comp = g_new (guint, MAX (n, 1));
  g_autofree guint *comp_size = NULL;
  g_autofree guint8 *seen = NULL;
  g_autofree guint *parent = NULL;
  g_autofree guint *queue = NULL;
  guint n_comp;

  n_comp = strong_components (graph, comp);
  comp_size = g_new0 (guint, MAX (n_comp, 1));
  seen = g_new0 (guint8, MAX (n_comp, 1));
  parent = g_new (guint, MAX (n, 1));
  queue = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      comp_size[comp[i]]++;
      parent[i] = NO_NODE;
    }

  for (guint r = 0; r < n; r++)
    {
      guint c = comp[r];
      guint head = 0, tail = 0, last = NO_NODE, len, x;
      GPtrArray *cycle;

      if (seen[c])
        continue;
      seen[c] = TRUE;

      if (has_self_loop (graph, r))
        {
          cycle = g_ptr_array_sized_new (1);
          g_ptr_array_add (cycle, graph_task (graph, r));
          g_ptr_array_add (cycles, cycle);
          continue;
        }
      if (comp_size[c] < 2)
        continue;

      /* Breadth first from r inside its component, until an edge leads
       * back to r. Components are disjoint, so @parent needs no reset. */
      parent[r] = r;
      queue[tail++] = r;
      while (head < tail && last == NO_NODE)
        {
          guint u = queue[head++];

          for (guint k = graph->first[u]; k < graph->first[u + 1]; k++)
            {
              guint v = graph->edges[k].target;

              if (comp[v] != c)
                continue;
              if (v == r)
                {
                  last = u;
                  break;
                }
              if (parent[v] == NO_NODE)
                {
                  parent[v] = u;
                  queue[tail++] = v;
                }
            }
        }
      g_assert (last != NO_NODE);

      len = 1;
      for (x = last; x != r; x = parent[x])
        len++;
      cycle = g_ptr_array_sized_new (len);
      g_ptr_array_set_size (cycle, len);
      x = last;
      for (guint k = len; k > 0; k--)
        {
          cycle->pdata[k - 1] = graph_task (graph, x);
          x = parent[x];
        }
      g_ptr_array_add (cycles, cycle);
    }

  return cycles;
}

static const char *
task_label (RolloutTask *task)
{
  const char *name = rollout_task_get_name (task);

  return name != NULL ? name : rollout_task_get_id (task);
}

static gint64
clamp64 (gint64 value,
         gint64 lo,
         gint64 hi)
{
  return value < lo ? lo : value > hi ? hi : value;
}

/**
 * rollout_scheduler_find_cycles:
 * @project: a #RolloutProject
 *
 * Finds the dependency cycles of @project: one for each group of tasks that
 * depend on each other in a circle. A cycle lists its tasks in dependency
 * order, each depending on the one before and the first on the last; a task
 * that depends on itself is a cycle of one. Dependencies on unknown tasks
 * are ignored.
 *
 * Returns: (transfer full) (element-type GPtrArray): the cycles, each a
 *   #GPtrArray of borrowed #RolloutTask pointers; empty when there is none
 */
GPtrArray *
rollout_scheduler_find_cycles (RolloutProject *project)
{
  g_auto(Graph) graph = { 0 };
  g_autofree guint *order = NULL;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);

  graph_init (&graph, project, NULL, NULL, NULL);
  order = g_new (guint, MAX (graph.n, 1));
  if (topological_order (&graph, order) == graph.n)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return find_cycles_in_graph (&graph);
}

/**
 * rollout_scheduler_format_cycle:
 * @cycle: (element-type RolloutTask): a cycle from
 *   rollout_scheduler_find_cycles()
 *
 * Returns: (transfer full): the cycle in words, back to its first task:
 *   `‘Build’ → ‘Test’ → ‘Build’`
 */
char *
rollout_scheduler_format_cycle (GPtrArray *cycle)
{
  GString *text;

  g_return_val_if_fail (cycle != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i <= cycle->len && cycle->len > 0; i++)
    {
      RolloutTask *task = g_ptr_array_index (cycle, i % cycle->len);

      if (i > 0)
        g_string_append (text, " → ");
      g_string_append_printf (text, "‘%s’", task_label (task));
    }
  return g_string_free (text, FALSE);
}

/* The state one run leaves for the next ----------------------------------- */

typedef struct
{
  Graph            graph;          /* successors; graph.tasks, a reference each */
  GHashTable      *position;       /* task id → position + 1 */
  guint           *in_first;       /* n + 1 offsets into @incoming */
  SourcedEdge     *incoming;       /* each task's dependencies, in order */
  guint           *order;          /* topological order */
  guint           *rank;           /* a task's place in @order */

  /* What the state was made from */
  RolloutCalendar *calendar;
  RolloutDate      start;
  guint            calendar_revision;
  guint            tasks_revision;
  guint            phases_revision;
  guint           *task_revision;
  GPtrArray       *phases;         /* RolloutPhase, a reference each */
  GHashTable      *phase_position; /* phase id → position + 1 */
  guint           *phase_revision;
  gint64          *phase_floor;    /* index of a phase's planned start, or 0 */

  gint64           project_start;
  gint64           max_index;

  /* Per task */
  int             *duration;
  gint64          *floor;          /* its own lower bound */
  guint           *task_phase;     /* position of its phase, or NO_NODE */
  gint64          *es;
  gint64          *lf;
  guint8          *mark;           /* scratch: changed, waiting in the heap */

  /* What was last written, to write only what differs */
  gint64          *written_es;
  int             *written_duration;
  int             *written_slack;
  gint64          *phase_first;    /* earliest start of a phase's tasks, as an index */
  gint64          *phase_last;     /* latest last day */
  gint64          *written_phase_first;
  gint64          *written_phase_last;
} State;

#define MARK_CHANGED 1
#define MARK_QUEUED  2
/* A phase without scheduled tasks. */
#define NO_INDEX G_MININT64

static void
state_free (State *state)
{
  graph_clear (&state->graph);
  g_clear_pointer (&state->position, g_hash_table_unref);
  g_clear_pointer (&state->phase_position, g_hash_table_unref);
  g_clear_pointer (&state->phases, g_ptr_array_unref);
  g_free (state->in_first);
  g_free (state->incoming);
  g_free (state->order);
  g_free (state->rank);
  g_free (state->task_revision);
  g_free (state->phase_revision);
  g_free (state->phase_floor);
  g_free (state->duration);
  g_free (state->floor);
  g_free (state->task_phase);
  g_free (state->es);
  g_free (state->lf);
  g_free (state->mark);
  g_free (state->written_es);
  g_free (state->written_duration);
  g_free (state->written_slack);
  g_free (state->phase_first);
  g_free (state->phase_last);
  g_free (state->written_phase_first);
  g_free (state->written_phase_last);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (State, state_free)

static GQuark
state_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("rollout-scheduler-state");
  return quark;
}

/* The error for tasks that depend on each other in a circle. */
static void
set_cycle_error (const Graph  *graph,
                 GError      **error)
{
  g_autoptr(GPtrArray) cycles = find_cycles_in_graph (graph);
  g_autofree char *path = rollout_scheduler_format_cycle (g_ptr_array_index (cycles, 0));

  if (cycles->len == 1)
    g_set_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE,
                 _("Tasks depend on each other in a circle: %s"), path);
  else
    g_set_error (error, ROLLOUT_SCHEDULER_ERROR, ROLLOUT_SCHEDULER_ERROR_CYCLE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Tasks depend on each other in a circle: %s (and %u more circle)",
                              "Tasks depend on each other in a circle: %s (and %u more circles)",
                              cycles->len - 1),
                 path, cycles->len - 1);
}

/* Orders the graph; FALSE, with the error, when there is a cycle. */
static gboolean
state_order (State   *state,
             GError **error)
{
  guint n = state->graph.n;

  if (topological_order (&state->graph, state->order) < n)
    {
      set_cycle_error (&state->graph, error);
      return FALSE;
    }
  for (guint k = 0; k < n; k++)
    state->rank[state->order[k]] = k;
  return TRUE;
}

/* Reads what a task's own lower bound comes from: the project start, its
 * start-no-earlier-than date and its phase's planned start. */
static void
state_read_task (State *state,
                 guint  i)
{
  RolloutTask *task = graph_task (&state->graph, i);
  RolloutDate snet = rollout_task_get_start_no_earlier_than (task);
  const char *phase_id = rollout_task_get_phase_id (task);
  gint64 floor = state->project_start;
  guint p = 0;

  if (phase_id != NULL)
    p = GPOINTER_TO_UINT (g_hash_table_lookup (state->phase_position, phase_id));
  if (snet != ROLLOUT_DATE_NONE)
    floor = MAX (floor, rollout_calendar_to_index (state->calendar, snet));
  if (p != 0)
    floor = MAX (floor, state->phase_floor[p - 1]);

  state->duration[i] = MAX (rollout_task_get_duration (task), 0);
  state->task_phase[i] = p != 0 ? p - 1 : NO_NODE;
  state->floor[i] = floor;
  state->task_revision[i] = _rollout_task_get_revision (task);
}

/* A task's early start, from its own bound and its predecessors'. */
static gint64
pull_early_start (const State *state,
                  guint        v)
{
  gint64 es = state->floor[v];

  for (guint k = state->in_first[v]; k < state->in_first[v + 1]; k++)
    {
      const SourcedEdge *in = &state->incoming[k];
      guint u = in->source;
      gint64 es_u = state->es[u];
      gint64 ef_u = es_u + state->duration[u];
      gint64 bound;

      switch (in->edge.type)
        {
        case ROLLOUT_DEPENDENCY_SS:
          bound = es_u + in->edge.lag;
          break;
        case ROLLOUT_DEPENDENCY_FF:
          bound = ef_u + in->edge.lag - state->duration[v];
          break;
        case ROLLOUT_DEPENDENCY_SF:
          bound = es_u + in->edge.lag - state->duration[v];
          break;
        case ROLLOUT_DEPENDENCY_FS:
        default:
          bound = ef_u + in->edge.lag;
          break;
        }
      es = MAX (es, bound);
    }
  return clamp64 (es, state->project_start, state->max_index);
}

/* Reads the whole plan and schedules it from nothing. */
static State *
state_new (RolloutProject  *project,
           GError         **error)
{
  g_autoptr(State) state = g_new0 (State, 1);
  GListModel *phases = rollout_project_get_phases (project);
  guint n, n_phases;

  state->calendar = rollout_project_get_calendar (project);
  state->start = rollout_project_get_start (project);
  state->calendar_revision = _rollout_calendar_get_revision (state->calendar);
  state->tasks_revision = _rollout_project_get_tasks_revision (project);
  state->phases_revision = _rollout_project_get_phases_revision (project);

  graph_init (&state->graph, project, &state->position, &state->in_first, &state->incoming);
  n = state->graph.n;
  state->order = g_new (guint, MAX (n, 1));
  state->rank = g_new (guint, MAX (n, 1));
  if (!state_order (state, error))
    return NULL;

  state->project_start = rollout_calendar_to_index (state->calendar, state->start);
  /* Absurd lags must not run dates off the end of the calendar. */
  state->max_index = rollout_calendar_to_index (state->calendar, rollout_date_from_ymd (9999, 1, 1));
  state->max_index = MAX (state->max_index, state->project_start);

  /* Phases: the earliest index their tasks may start at. */
  n_phases = g_list_model_get_n_items (phases);
  state->phases = g_ptr_array_new_full (n_phases, g_object_unref);
  state->phase_position = g_hash_table_new (g_str_hash, g_str_equal);
  state->phase_revision = g_new (guint, MAX (n_phases, 1));
  state->phase_floor = g_new0 (gint64, MAX (n_phases, 1));
  state->phase_first = g_new (gint64, MAX (n_phases, 1));
  state->phase_last = g_new (gint64, MAX (n_phases, 1));
  state->written_phase_first = g_new (gint64, MAX (n_phases, 1));
  state->written_phase_last = g_new (gint64, MAX (n_phases, 1));
  for (guint p = 0; p < n_phases; p++)
    {
      RolloutPhase *phase = g_list_model_get_item (phases, p);
      RolloutDate planned = rollout_phase_get_planned_start (phase);

      g_ptr_array_add (state->phases, phase);
      /* The id string is owned by the phase, which the state keeps. */
      g_hash_table_insert (state->phase_position, (gpointer) rollout_phase_get_id (phase),
                           GUINT_TO_POINTER (p + 1));
      state->phase_revision[p] = _rollout_phase_get_revision (phase);
      if (planned != ROLLOUT_DATE_NONE)
        state->phase_floor[p] = rollout_calendar_to_index (state->calendar, planned);
      /* Nothing written yet: the first run writes every phase. */
      state->written_phase_first[p] = state->written_phase_last[p] = NO_INDEX + 1;
    }

  state->task_revision = g_new (guint, MAX (n, 1));
  state->duration = g_new (int, MAX (n, 1));
  state->floor = g_new (gint64, MAX (n, 1));
  state->task_phase = g_new (guint, MAX (n, 1));
  state->es = g_new (gint64, MAX (n, 1));
  state->lf = g_new (gint64, MAX (n, 1));
  state->mark = g_new0 (guint8, MAX (n, 1));
  state->written_es = g_new (gint64, MAX (n, 1));
  state->written_duration = g_new (int, MAX (n, 1));
  state->written_slack = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      state_read_task (state, i);
      /* Nothing written yet: the first run writes every task. */
      state->written_es[i] = -1;
    }

  /* Forward pass: in topological order a task's predecessors are done. */
  for (guint k = 0; k < n; k++)
    {
      guint v = state->order[k];

      state->es[v] = pull_early_start (state, v);
    }

  return g_steal_pointer (&state);
}

/* Whether @state still describes the plan apart from changed tasks. */
static gboolean
state_is_current (State          *state,
                  RolloutProject *project)
{
  if (state->calendar != rollout_project_get_calendar (project) ||
      state->start != rollout_project_get_start (project) ||
      state->calendar_revision != _rollout_calendar_get_revision (state->calendar) ||
      state->tasks_revision != _rollout_project_get_tasks_revision (project) ||
      state->phases_revision != _rollout_project_get_phases_revision (project))
    return FALSE;
  for (guint p = 0; p < state->phases->len; p++)
    if (state->phase_revision[p] != _rollout_phase_get_revision (g_ptr_array_index (state->phases, p)))
      return FALSE;
  return TRUE;
}

/* A binary heap of tasks, the earliest in topological order on top. */
static void
heap_push (GArray      *heap,
           const State *state,
           guint        v)
{
  guint *items;
  guint i;

  g_array_append_val (heap, v);
  items = (guint *) (gpointer) heap->data;
  for (i = heap->len - 1; i > 0; )
    {
      guint parent = (i - 1) / 2;

      if (state->rank[items[parent]] <= state->rank[items[i]])
        break;
      items[i] = items[parent];
      items[parent] = v;
      i = parent;
    }
}

static guint
heap_pop (GArray      *heap,
          const State *state)
{
  guint *items = (guint *) (gpointer) heap->data;
  guint top = items[0];
  guint n = heap->len - 1;
  guint i = 0;

  items[0] = items[n];
  g_array_set_size (heap, n);
  for (;;)
    {
      guint left = 2 * i + 1, right = left + 1, least = i, swap;

      if (left < n && state->rank[items[left]] < state->rank[items[least]])
        least = left;
      if (right < n && state->rank[items[right]] < state->rank[items[least]])
        least = right;
      if (least == i)
        break;
      swap = items[i];
      items[i] = items[least];
      items[least] = swap;
      i = least;
    }
  return top;
}

static gboolean
same_edges (const SourcedEdge *a,
            guint              n_a,
            const SourcedEdge *b,
            guint              n_b)
{
  if (n_a != n_b)
    return FALSE;
  for (guint k = 0; k < n_a; k++)
    if (a[k].source != b[k].source || a[k].edge.lag != b[k].edge.lag || a[k].edge.type != b[k].edge.type)
      return FALSE;
  return TRUE;
}

/* Reads the tasks that changed and moves their cone of successors. FALSE,
 * with the error, when their dependencies now go round in a circle; the
 * state is then unusable. */
static gboolean
state_update (State   *state,
              GError **error)
{
  guint n = state->graph.n;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) new_edges = NULL;
  g_autoptr(GArray) heap = NULL;
  g_autofree guint *new_first = NULL;
  gboolean edges_changed = FALSE;

  for (guint i = 0; i < n; i++)
    if (state->task_revision[i] != _rollout_task_get_revision (graph_task (&state->graph, i)))
      g_array_append_val (changed, i);
  if (changed->len == 0)
    return TRUE;

  /* The changed tasks' dependencies, beside the others' as they were. */
  new_edges = g_array_new (FALSE, FALSE, sizeof (SourcedEdge));
  new_first = g_new (guint, n + 1);
  {
    g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (SourcedEdge));
    guint c = 0;

    for (guint i = 0; i < n; i++)
      {
        new_first[i] = new_edges->len;
        if (c < changed->len && g_array_index (changed, guint, c) == i)
          {
            c++;
            state_read_task (state, i);
            state->mark[i] |= MARK_CHANGED;
            read_dependencies (state->position, graph_task (&state->graph, i), one);
            if (!same_edges ((const SourcedEdge *) (gpointer) one->data, one->len,
                             &state->incoming[state->in_first[i]], state->in_first[i + 1] - state->in_first[i]))
              edges_changed = TRUE;
            g_array_append_vals (new_edges, one->data, one->len);
          }
        else
          g_array_append_vals (new_edges, &state->incoming[state->in_first[i]],
                               state->in_first[i + 1] - state->in_first[i]);
      }
    new_first[n] = new_edges->len;
  }

  if (edges_changed)
    {
      g_free (state->in_first);
      g_free (state->incoming);
      state->in_first = g_steal_pointer (&new_first);
      state->incoming = (SourcedEdge *) (gpointer) g_array_free (g_steal_pointer (&new_edges), FALSE);
      graph_set_edges (&state->graph, state->in_first, state->incoming);
      if (!state_order (state, error))
        return FALSE;
    }

  /* The cone: a task is pulled again when it changed or a predecessor's
   * start moved, in topological order, so each is pulled once. */
  heap = g_array_sized_new (FALSE, FALSE, sizeof (guint), 64);
  for (guint c = 0; c < changed->len; c++)
    {
      guint v = g_array_index (changed, guint, c);

      state->mark[v] |= MARK_QUEUED;
      heap_push (heap, state, v);
    }
  while (heap->len > 0)
    {
      guint v = heap_pop (heap, state);
      gint64 es = pull_early_start (state, v);
      gboolean moved = es != state->es[v] || (state->mark[v] & MARK_CHANGED);

      state->mark[v] = 0;
      state->es[v] = es;
      if (!moved)
        continue;
      for (guint e = state->graph.first[v]; e < state->graph.first[v + 1]; e++)
        {
          guint s = state->graph.edges[e].target;

          if (!(state->mark[s] & MARK_QUEUED))
            {
              state->mark[s] |= MARK_QUEUED;
              heap_push (heap, state, s);
            }
        }
    }
  return TRUE;
}

/* The backward pass, slack, and what changed written to the tasks and
 * phases; the summary. */
static void
state_finish (State                  *state,
              RolloutScheduleSummary *summary)
{
  const Graph *graph = &state->graph;
  RolloutCalendar *calendar = state->calendar;
  guint n = graph->n;
  gint64 finish_excl = 0, last_day = -1;

  memset (summary, 0, sizeof *summary);

  for (guint i = 0; i < n; i++)
    {
      gint64 ef = state->es[i] + state->duration[i];

      finish_excl = MAX (finish_excl, ef);
      last_day = MAX (last_day, state->duration[i] > 0 ? ef - 1 : state->es[i]);
    }

  /* Backward pass from the project finish, successors first. */
  for (guint i = 0; i < n; i++)
    state->lf[i] = finish_excl;
  for (guint k = n; k > 0; k--)
    {
      guint u = state->order[k - 1];

      for (guint e = graph->first[u]; e < graph->first[u + 1]; e++)
        {
          const Edge *edge = &graph->edges[e];
          guint s = edge->target;
          gint64 ls_s = state->lf[s] - state->duration[s];
          gint64 bound;

          switch (edge->type)
            {
            case ROLLOUT_DEPENDENCY_SS:
              bound = ls_s - edge->lag + state->duration[u];
              break;
            case ROLLOUT_DEPENDENCY_FF:
              bound = state->lf[s] - edge->lag;
              break;
            case ROLLOUT_DEPENDENCY_SF:
              bound = state->lf[s] - edge->lag + state->duration[u];
              break;
            case ROLLOUT_DEPENDENCY_FS:
            default:
              bound = ls_s - edge->lag;
              break;
            }
          state->lf[u] = MIN (state->lf[u], bound);
        }
    }

  for (guint p = 0; p < state->phases->len; p++)
    state->phase_first[p] = state->phase_last[p] = NO_INDEX;

  for (guint i = 0; i < n; i++)
    {
      gint64 es = state->es[i];
      int duration = state->duration[i];
      int slack = (int) clamp64 (state->lf[i] - duration - es, G_MININT, G_MAXINT);
      gint64 last = duration > 0 ? es + duration - 1 : es;
      guint p = state->task_phase[i];

      if (slack <= 0)
        summary->n_critical++;

      if (es != state->written_es[i] || duration != state->written_duration[i] ||
          slack != state->written_slack[i])
        {
          RolloutDate task_start = rollout_calendar_from_index (calendar, (int) es);
          RolloutDate task_finish = duration > 0 ? rollout_calendar_from_index (calendar, (int) last) : task_start;

          _rollout_task_set_schedule (graph_task (graph, i), task_start, task_finish, slack, slack <= 0);
          state->written_es[i] = es;
          state->written_duration[i] = duration;
          state->written_slack[i] = slack;
        }

      if (p != NO_NODE)
        {
          if (state->phase_first[p] == NO_INDEX || es < state->phase_first[p])
            state->phase_first[p] = es;
          state->phase_last[p] = MAX (state->phase_last[p], last);
        }
    }

  for (guint p = 0; p < state->phases->len; p++)
    {
      gint64 first = state->phase_first[p], last = state->phase_last[p];

      if (first == state->written_phase_first[p] && last == state->written_phase_last[p])
        continue;
      _rollout_phase_set_schedule (g_ptr_array_index (state->phases, p),
                                   first != NO_INDEX ? rollout_calendar_from_index (calendar, (int) first)
                                                     : ROLLOUT_DATE_NONE,
                                   last != NO_INDEX ? rollout_calendar_from_index (calendar, (int) last)
                                                    : ROLLOUT_DATE_NONE);
      state->written_phase_first[p] = first;
      state->written_phase_last[p] = last;
    }

  summary->start = rollout_calendar_from_index (calendar, (int) state->project_start);
  if (n > 0)
    {
      summary->finish = rollout_calendar_from_index (calendar, (int) last_day);
      summary->length = (int) (last_day - state->project_start + 1);
    }
}

/**
 * rollout_project_schedule:
 * @project: a #RolloutProject
 * @out_summary: (out) (optional): where to store the summary
 * @error: return location for a #GError
 *
 * Schedules @project: sets every task's derived start, finish, total slack
 * and critical flag, and every phase's derived start and finish (the
 * earliest start and latest finish of its tasks; no date when it has none).
 *
 * Each task starts as early as the project start, its start-no-earlier-than
 * date, its phase's planned start and its dependencies allow. Total slack is
 * how many working days it may slip without moving the project's finish;
 * tasks with no slack are critical.
 *
 * Scheduling again after an edit is quicker than the first time: the
 * project keeps what it needs from the last run, and only the tasks that
 * changed, and those that wait for them, are computed again.
 *
 * On failure nothing is changed.
 *
 * Returns: %TRUE on success; %FALSE with %ROLLOUT_SCHEDULER_ERROR_NO_START
 *   when the project has no start date, or %ROLLOUT_SCHEDULER_ERROR_CYCLE
 *   (naming the tasks) when tasks depend on each other in a circle
 */
gboolean
rollout_project_schedule (RolloutProject          *project,
                          RolloutScheduleSummary  *out_summary,
                          GError                 **error)
{
  RolloutScheduleSummary summary;
  State *state;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_summary != NULL)
    memset (out_summary, 0, sizeof *out_summary);

  if (rollout_project_get_start (project) == ROLLOUT_DATE_NONE)
    {
      g_set_error_literal (error, ROLLOUT_SCHEDULER_ERROR,
                           ROLLOUT_SCHEDULER_ERROR_NO_START,
                           _("The project has no start date"));
      return FALSE;
    }

  state = g_object_get_qdata (G_OBJECT (project), state_quark ());
  if (state != NULL && state_is_current (state, project))
    {
      if (!state_update (state, error))
        {
          g_object_set_qdata (G_OBJECT (project), state_quark (), NULL);
          return FALSE;
        }
    }
  else
    {
      g_object_set_qdata (G_OBJECT (project), state_quark (), NULL);
      state = state_new (project, error);
      if (state == NULL)
        return FALSE;
      g_object_set_qdata_full (G_OBJECT (project), state_quark (), state, (GDestroyNotify) state_free);
    }

  state_finish (state, &summary);
  if (out_summary != NULL)
    *out_summary = summary;
  return TRUE;
}
