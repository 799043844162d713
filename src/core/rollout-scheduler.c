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
 */

#define G_LOG_DOMAIN "rollout-scheduler"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-phase-private.h"
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

static void
graph_init (Graph          *graph,
            RolloutProject *project)
{
  GListModel *model = rollout_project_get_tasks (project);
  g_autoptr(GHashTable) position = NULL;
  g_autoptr(GArray) sourced = NULL;
  g_autofree guint *fill = NULL;

  graph->n = g_list_model_get_n_items (model);
  graph->tasks = g_ptr_array_new_full (graph->n, g_object_unref);

  /* Ids resolve to plan positions (stored + 1, so that 0 means unknown). */
  position = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < graph->n; i++)
    {
      RolloutTask *task = g_list_model_get_item (model, i);

      g_ptr_array_add (graph->tasks, task);
      g_hash_table_insert (position, (gpointer) rollout_task_get_id (task),
                           GUINT_TO_POINTER (i + 1));
    }

  sourced = g_array_new (FALSE, FALSE, sizeof (SourcedEdge));
  for (guint i = 0; i < graph->n; i++)
    {
      GPtrArray *deps = rollout_task_get_dependencies (g_ptr_array_index (graph->tasks, i));

      for (guint j = 0; deps != NULL && j < deps->len; j++)
        {
          const RolloutDependency *dep = g_ptr_array_index (deps, j);
          guint source;
          SourcedEdge se;

          if (dep->task_id == NULL)
            continue;
          source = GPOINTER_TO_UINT (g_hash_table_lookup (position, dep->task_id));
          if (source == 0)
            continue;   /* an unknown task: validation reports it, we ignore it */

          se.source = source - 1;
          se.edge.target = i;
          se.edge.lag = dep->lag;
          se.edge.type = dep->type;
          g_array_append_val (sourced, se);
        }
    }

  /* Counting sort by source; stable, so successors stay in plan order. */
  graph->n_edges = sourced->len;
  graph->first = g_new0 (guint, graph->n + 1);
  graph->edges = g_new (Edge, MAX (graph->n_edges, 1));
  for (guint k = 0; k < sourced->len; k++)
    graph->first[g_array_index (sourced, SourcedEdge, k).source + 1]++;
  for (guint i = 0; i < graph->n; i++)
    graph->first[i + 1] += graph->first[i];
  fill = g_memdup2 (graph->first, sizeof (guint) * (graph->n + 1));
  for (guint k = 0; k < sourced->len; k++)
    {
      const SourcedEdge *se = &g_array_index (sourced, SourcedEdge, k);

      graph->edges[fill[se->source]++] = se->edge;
    }
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

  graph_init (&graph, project);
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
  RolloutCalendar *calendar;
  GListModel *phases;
  RolloutDate start;
  g_auto(Graph) graph = { 0 };
  g_autoptr(GHashTable) phase_position = NULL;
  g_autofree guint *order = NULL;
  g_autofree gint64 *es = NULL;
  g_autofree gint64 *lf = NULL;
  g_autofree int *duration = NULL;
  g_autofree guint *task_phase = NULL;
  g_autofree int *phase_floor = NULL;
  g_autofree RolloutDate *phase_start = NULL;
  g_autofree RolloutDate *phase_finish = NULL;
  RolloutScheduleSummary summary = { 0 };
  gint64 project_start, max_index, finish_excl = 0, last_day = -1;
  guint n, n_phases;

  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_summary != NULL)
    memset (out_summary, 0, sizeof *out_summary);

  start = rollout_project_get_start (project);
  if (start == ROLLOUT_DATE_NONE)
    {
      g_set_error_literal (error, ROLLOUT_SCHEDULER_ERROR,
                           ROLLOUT_SCHEDULER_ERROR_NO_START,
                           _("The project has no start date"));
      return FALSE;
    }

  graph_init (&graph, project);
  n = graph.n;
  order = g_new (guint, MAX (n, 1));
  if (topological_order (&graph, order) < n)
    {
      g_autoptr(GPtrArray) cycles = find_cycles_in_graph (&graph);
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
      return FALSE;
    }

  calendar = rollout_project_get_calendar (project);
  project_start = rollout_calendar_to_index (calendar, start);
  /* Absurd lags must not run dates off the end of the calendar. */
  max_index = rollout_calendar_to_index (calendar, rollout_date_from_ymd (9999, 1, 1));
  max_index = MAX (max_index, project_start);

  /* Phases: the earliest index their tasks may start at. */
  phases = rollout_project_get_phases (project);
  n_phases = g_list_model_get_n_items (phases);
  phase_position = g_hash_table_new (g_str_hash, g_str_equal);
  phase_floor = g_new (int, MAX (n_phases, 1));
  phase_start = g_new0 (RolloutDate, MAX (n_phases, 1));
  phase_finish = g_new0 (RolloutDate, MAX (n_phases, 1));
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);
      RolloutDate planned = rollout_phase_get_planned_start (phase);

      /* The id string is owned by the phase, which the project keeps. */
      g_hash_table_insert (phase_position, (gpointer) rollout_phase_get_id (phase),
                           GUINT_TO_POINTER (p + 1));
      phase_floor[p] = 0;
      if (planned != ROLLOUT_DATE_NONE)
        phase_floor[p] = rollout_calendar_to_index (calendar, planned);
    }

  /* Each task's own lower bound. */
  es = g_new (gint64, MAX (n, 1));
  lf = g_new (gint64, MAX (n, 1));
  duration = g_new (int, MAX (n, 1));
  task_phase = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      RolloutTask *task = graph_task (&graph, i);
      RolloutDate snet = rollout_task_get_start_no_earlier_than (task);
      const char *phase_id = rollout_task_get_phase_id (task);
      guint p = 0;

      if (phase_id != NULL)
        p = GPOINTER_TO_UINT (g_hash_table_lookup (phase_position, phase_id));

      duration[i] = MAX (rollout_task_get_duration (task), 0);
      es[i] = project_start;
      if (snet != ROLLOUT_DATE_NONE)
        es[i] = MAX (es[i], rollout_calendar_to_index (calendar, snet));
      task_phase[i] = p != 0 ? p - 1 : NO_NODE;
      if (p != 0)
        es[i] = MAX (es[i], phase_floor[p - 1]);
    }

  /* Forward pass: a task's early start is final once its predecessors are
   * done, which topological order guarantees. */
  for (guint k = 0; k < n; k++)
    {
      guint u = order[k];
      gint64 es_u = clamp64 (es[u], project_start, max_index);
      gint64 ef_u = es_u + duration[u];

      es[u] = es_u;
      finish_excl = MAX (finish_excl, ef_u);
      last_day = MAX (last_day, duration[u] > 0 ? ef_u - 1 : es_u);

      for (guint e = graph.first[u]; e < graph.first[u + 1]; e++)
        {
          const Edge *edge = &graph.edges[e];
          guint s = edge->target;
          gint64 bound;

          switch (edge->type)
            {
            case ROLLOUT_DEPENDENCY_SS:
              bound = es_u + edge->lag;
              break;
            case ROLLOUT_DEPENDENCY_FF:
              bound = ef_u + edge->lag - duration[s];
              break;
            case ROLLOUT_DEPENDENCY_SF:
              bound = es_u + edge->lag - duration[s];
              break;
            case ROLLOUT_DEPENDENCY_FS:
            default:
              bound = ef_u + edge->lag;
              break;
            }
          es[s] = MAX (es[s], bound);
        }
    }

  /* Backward pass from the project finish, successors first. */
  for (guint i = 0; i < n; i++)
    lf[i] = finish_excl;
  for (guint k = n; k > 0; k--)
    {
      guint u = order[k - 1];

      for (guint e = graph.first[u]; e < graph.first[u + 1]; e++)
        {
          const Edge *edge = &graph.edges[e];
          guint s = edge->target;
          gint64 ls_s = lf[s] - duration[s];
          gint64 bound;

          switch (edge->type)
            {
            case ROLLOUT_DEPENDENCY_SS:
              bound = ls_s - edge->lag + duration[u];
              break;
            case ROLLOUT_DEPENDENCY_FF:
              bound = lf[s] - edge->lag;
              break;
            case ROLLOUT_DEPENDENCY_SF:
              bound = lf[s] - edge->lag + duration[u];
              break;
            case ROLLOUT_DEPENDENCY_FS:
            default:
              bound = ls_s - edge->lag;
              break;
            }
          lf[u] = MIN (lf[u], bound);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      RolloutTask *task = graph_task (&graph, i);
      int slack = (int) clamp64 (lf[i] - duration[i] - es[i], G_MININT, G_MAXINT);
      RolloutDate task_start = rollout_calendar_from_index (calendar, (int) es[i]);
      RolloutDate task_finish = task_start;
      guint p = task_phase[i];

      if (duration[i] > 0)
        task_finish = rollout_calendar_from_index (calendar, (int) (es[i] + duration[i] - 1));

      _rollout_task_set_schedule (task, task_start, task_finish, slack, slack <= 0);
      if (slack <= 0)
        summary.n_critical++;

      if (p != NO_NODE)
        {
          if (phase_start[p] == ROLLOUT_DATE_NONE || task_start < phase_start[p])
            phase_start[p] = task_start;
          phase_finish[p] = MAX (phase_finish[p], task_finish);
        }
    }

  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RolloutPhase) phase = g_list_model_get_item (phases, p);

      _rollout_phase_set_schedule (phase, phase_start[p], phase_finish[p]);
    }

  summary.start = rollout_calendar_from_index (calendar, (int) project_start);
  if (n > 0)
    {
      summary.finish = rollout_calendar_from_index (calendar, (int) last_day);
      summary.length = (int) (last_day - project_start + 1);
    }

  if (out_summary != NULL)
    *out_summary = summary;
  return TRUE;
}
