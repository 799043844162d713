/* rollout-generator.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Synthetic plans for tests and benchmarks.
 *
 * The same size and seed give the same plan, byte for byte, on every
 * machine: all randomness comes from one seeded GRand, and nothing depends
 * on the clock. The plan is valid by construction: dependencies only point
 * backwards (no cycles), every reference resolves, every value is in range.
 */

#define G_LOG_DOMAIN "rollout-generator"

#include "config.h"

#include "rollout-generator.h"

#define TASKS_PER_PHASE 20

static const char *verbs[] = {
  "Design", "Build", "Review", "Test", "Document", "Translate", "Announce",
  "Train", "Deploy", "Measure", "Audit", "Prepare", "Configure", "Validate",
};

static const char *nouns[] = {
  "reservation API", "hold timer", "payment pre-auth", "push reminders",
  "support macros", "FAQ page", "in-app banner", "fleet rebalancing",
  "pricing rules", "analytics events", "city signage", "agent playbook",
  "release notes", "feature flag", "load test", "privacy review",
};

static const struct {
  const char *id;
  const char *name;
  const char *color;
} teams[] = {
  { "eng", "Engineering", "#3584e4" },
  { "marketing", "Product Marketing", "#e66100" },
  { "support", "Customer Support", "#2ec27e" },
  { "ops", "City Operations", "#9141ac" },
};

static const char *people[] = {
  "Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson",
  "Linus Pauling", "Barbara Liskov", "Edsger Dijkstra", "Frances Allen",
};

static const char *feedback_texts[] = {
  "Reserving ahead saved me on my commute.",
  "The hold expired before I reached the scooter.",
  "Could not find the reserve button at first.",
  "Works as expected.",
  "Charged twice for one reservation.",
  "Love it, please bring it to my city.",
};

static const char *feedback_tags[] = { "ux", "billing", "reliability", "discovery", "coverage" };

static void
add_teams (RolloutProject *project)
{
  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    {
      g_autoptr(RolloutTeam) team = rollout_team_new (teams[i].id);
      const char *members[] = { people[(i * 2) % G_N_ELEMENTS (people)],
                                people[(i * 2 + 1) % G_N_ELEMENTS (people)], NULL };

      rollout_team_set_name (team, teams[i].name);
      rollout_team_set_color (team, teams[i].color);
      rollout_team_set_lead (team, members[0]);
      rollout_team_set_members (team, members);
      rollout_project_insert_team (project, team, -1);
    }
}

static void
add_phases_and_tasks (RolloutProject *project,
                      GRand          *rand,
                      guint           n_tasks)
{
  guint n_phases = MAX (1, (n_tasks + TASKS_PER_PHASE - 1) / TASKS_PER_PHASE);
  g_autofree char *previous_milestone = NULL;
  guint task_number = 0;

  for (guint p = 0; p < n_phases; p++)
    {
      g_autofree char *phase_id = g_strdup_printf ("phase-%u", p + 1);
      g_autofree char *phase_name = g_strdup_printf ("Phase %u", p + 1);
      g_autoptr(RolloutPhase) phase = rollout_phase_new (phase_id);
      g_autoptr(RolloutGate) gate = rollout_gate_new ();
      guint first = task_number;
      guint last = MIN (n_tasks, first + TASKS_PER_PHASE);
      const char *region[] = { "Region", NULL };
      g_autofree char *region_name = g_strdup_printf ("Region %u", p % 12 + 1);

      region[0] = region_name;
      rollout_phase_set_name (phase, phase_name);
      rollout_phase_set_audience_percent (phase, MIN (100.0, 5.0 * (p + 1)));
      rollout_phase_set_regions (phase, region);
      g_ptr_array_add (gate->metrics, rollout_gate_metric_new ("satisfaction", ROLLOUT_COMPARISON_GE, 4.0));
      g_strfreev (gate->required_signoffs);
      gate->required_signoffs = g_strdupv ((char *[]) { (char *) "eng", (char *) "support", NULL });
      gate->max_open_risk_score = 16;
      rollout_phase_set_gate (phase, gate);
      rollout_project_insert_phase (project, phase, -1);

      for (guint t = first; t < last; t++, task_number++)
        {
          g_autofree char *id = g_strdup_printf ("t%u", t + 1);
          g_autofree char *name = NULL;
          g_autoptr(RolloutTask) task = rollout_task_new (id);
          g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
          gboolean milestone = t + 1 == last;
          guint team = g_rand_int_range (rand, 0, G_N_ELEMENTS (teams));

          if (milestone)
            name = g_strdup_printf ("%s complete", phase_name);
          else
            name = g_strdup_printf ("%s %s %u",
                                    verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                                    nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))],
                                    t + 1);
          rollout_task_set_name (task, name);
          rollout_task_set_phase_id (task, phase_id);
          rollout_task_set_team_id (task, teams[team].id);
          rollout_task_set_owner (task, people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))]);
          rollout_task_set_duration (task, milestone ? 0 : g_rand_int_range (rand, 1, 11));

          if (t == first && previous_milestone != NULL)
            g_ptr_array_add (deps, rollout_dependency_new (previous_milestone, ROLLOUT_DEPENDENCY_FS, 0));
          else if (milestone)
            {
              /* The phase ends when its last few tasks are done. */
              for (guint d = MAX (first, t >= 3 ? t - 3 : 0); d < t; d++)
                {
                  g_autofree char *dep = g_strdup_printf ("t%u", d + 1);

                  g_ptr_array_add (deps, rollout_dependency_new (dep, ROLLOUT_DEPENDENCY_FS, 0));
                }
            }
          else if (t > first)
            {
              guint n_deps = g_rand_int_range (rand, 1, 3);
              guint last_pick = G_MAXUINT;

              for (guint d = 0; d < n_deps; d++)
                {
                  guint span = MIN (t - first, 8);
                  guint pick = t - 1 - g_rand_int_range (rand, 0, span);
                  g_autofree char *dep = NULL;
                  int kind = g_rand_int_range (rand, 0, 10);

                  if (pick == last_pick)
                    continue;
                  last_pick = pick;
                  dep = g_strdup_printf ("t%u", pick + 1);
                  if (kind < 7)
                    g_ptr_array_add (deps, rollout_dependency_new (dep, ROLLOUT_DEPENDENCY_FS,
                                                                   g_rand_int_range (rand, 0, 3)));
                  else if (kind < 9)
                    g_ptr_array_add (deps, rollout_dependency_new (dep, ROLLOUT_DEPENDENCY_SS,
                                                                   g_rand_int_range (rand, 0, 4)));
                  else
                    g_ptr_array_add (deps, rollout_dependency_new (dep, ROLLOUT_DEPENDENCY_FF, 0));
                }
            }
          rollout_task_set_dependencies (task, deps);

          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0:
              rollout_task_set_status (task, ROLLOUT_TASK_STATUS_DONE);
              break;
            case 1:
              rollout_task_set_status (task, ROLLOUT_TASK_STATUS_IN_PROGRESS);
              rollout_task_set_progress (task, g_rand_int_range (rand, 1, 100));
              break;
            default:
              break;
            }
          if (g_rand_int_range (rand, 0, 4) == 0)
            {
              g_autoptr(GPtrArray) checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_checklist_item_free);

              g_ptr_array_add (checklist, rollout_checklist_item_new ("Draft", TRUE));
              g_ptr_array_add (checklist, rollout_checklist_item_new ("Review with the team", FALSE));
              rollout_task_set_checklist (task, checklist);
              rollout_task_set_notes (task, "Generated task with a short checklist.");
            }
          rollout_project_insert_task (project, task, -1);
        }

      g_free (previous_milestone);
      previous_milestone = g_strdup_printf ("t%u", last);
    }
}

static void
add_risks (RolloutProject *project,
           GRand          *rand,
           guint           n_tasks)
{
  guint n_risks = MAX (3, n_tasks / 50);
  guint n_phases = g_list_model_get_n_items (rollout_project_get_phases (project));

  for (guint i = 0; i < n_risks; i++)
    {
      g_autofree char *id = g_strdup_printf ("risk-%u", i + 1);
      g_autofree char *title = g_strdup_printf ("Risk %u: %s slips", i + 1,
                                                nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))]);
      g_autofree char *phase = g_strdup_printf ("phase-%u", g_rand_int_range (rand, 0, n_phases) + 1);
      g_autofree char *task = g_strdup_printf ("t%u", g_rand_int_range (rand, 0, MAX (1, n_tasks)) + 1);
      const char *tasks[] = { task, NULL };
      g_autoptr(RolloutRisk) risk = rollout_risk_new (id);
      g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_assessment_free);

      rollout_risk_set_title (risk, title);
      rollout_risk_set_likelihood (risk, g_rand_int_range (rand, 1, 6));
      rollout_risk_set_impact (risk, g_rand_int_range (rand, 1, 6));
      rollout_risk_set_owner (risk, people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))]);
      rollout_risk_set_mitigation (risk, "Track weekly; escalate in the go/no-go review.");
      rollout_risk_set_status (risk, g_rand_int_range (rand, 0, 4));
      rollout_risk_set_phase_id (risk, phase);
      if (n_tasks > 0)
        rollout_risk_set_task_ids (risk, tasks);
      g_ptr_array_add (history, rollout_assessment_new (rollout_date_from_ymd (2026, 1, 15),
                                                        g_rand_int_range (rand, 1, 6),
                                                        g_rand_int_range (rand, 1, 6)));
      rollout_risk_set_history (risk, history);
      rollout_project_insert_risk (project, risk, -1);
    }
}

static void
add_metrics (RolloutProject *project,
             GRand          *rand,
             guint           n_tasks)
{
  static const struct {
    const char *id, *name, *unit;
    RolloutDirection direction;
    double target, low, high;
  } metrics[] = {
    { "reservations", "Reservations per day", NULL, ROLLOUT_DIRECTION_HIGHER, 500, 50, 900 },
    { "no-show-rate", "No-show rate", "%", ROLLOUT_DIRECTION_LOWER, 10, 4, 18 },
    { "tickets", "Support tickets per 1,000 rides", NULL, ROLLOUT_DIRECTION_LOWER, 3, 1, 8 },
    { "satisfaction", "Satisfaction", "/5", ROLLOUT_DIRECTION_HIGHER, 4.5, 3.2, 4.9 },
  };
  guint n_samples = MAX (5, n_tasks / 100);
  RolloutDate start = rollout_project_get_start (project);

  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      g_autoptr(RolloutMetric) metric = rollout_metric_new (metrics[m].id);
      g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_sample_free);

      rollout_metric_set_name (metric, metrics[m].name);
      rollout_metric_set_unit (metric, metrics[m].unit);
      rollout_metric_set_direction (metric, metrics[m].direction);
      rollout_metric_set_has_target (metric, TRUE);
      rollout_metric_set_target (metric, metrics[m].target);
      for (guint s = 0; s < n_samples; s++)
        {
          /* Two decimals, so the values read back exactly as written. */
          double value = g_rand_double_range (rand, metrics[m].low, metrics[m].high);

          value = (double) (gint64) (value * 100) / 100;
          g_ptr_array_add (samples, rollout_sample_new (start + 14 + s, "phase-1", value));
        }
      rollout_metric_set_samples (metric, samples);
      rollout_project_insert_metric (project, metric, -1);
    }
}

static void
add_feedback (RolloutProject *project,
              GRand          *rand,
              guint           n_tasks)
{
  guint n = MAX (5, n_tasks / 20);
  guint n_phases = g_list_model_get_n_items (rollout_project_get_phases (project));
  RolloutDate start = rollout_project_get_start (project);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("fb-%u", i + 1);
      g_autofree char *phase = g_strdup_printf ("phase-%u", g_rand_int_range (rand, 0, n_phases) + 1);
      guint text = g_rand_int_range (rand, 0, G_N_ELEMENTS (feedback_texts));
      const char *tags[] = { feedback_tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (feedback_tags))], NULL };
      g_autoptr(RolloutFeedback) feedback = rollout_feedback_new (id);

      rollout_feedback_set_date (feedback, start + 14 + g_rand_int_range (rand, 0, 60));
      rollout_feedback_set_phase_id (feedback, phase);
      rollout_feedback_set_source (feedback, (i % 3 == 0) ? "app-store" : (i % 3 == 1) ? "support" : "survey");
      rollout_feedback_set_sentiment (feedback, g_rand_int_range (rand, 0, 3));
      rollout_feedback_set_tags (feedback, tags);
      rollout_feedback_set_text (feedback, feedback_texts[text]);
      rollout_project_insert_feedback (project, feedback, -1);
    }
}

/**
 * rollout_generate_project:
 * @n_tasks: how many tasks (milestones included)
 * @seed: the random seed
 *
 * Makes a valid synthetic plan: phases of about 20 tasks with dependencies,
 * four teams, risks, metrics with samples and feedback. The same arguments
 * always give the same plan.
 *
 * Returns: (transfer full): a new plan
 */
RolloutProject *
rollout_generate_project (guint   n_tasks,
                          guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *name = g_strdup_printf ("Generated plan (%u tasks, seed %u)", n_tasks, seed);
  RolloutProject *project = rollout_project_new ("generated");
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);

  rollout_project_set_name (project, name);
  rollout_project_set_description (project, "A synthetic release plan for tests and benchmarks.");
  rollout_project_set_owner (project, "Rollout generator");
  rollout_project_set_start (project, rollout_date_from_ymd (2026, 1, 5));
  g_ptr_array_add (holidays, rollout_holiday_new (rollout_date_from_ymd (2026, 5, 25), "Memorial Day"));
  g_ptr_array_add (holidays, rollout_holiday_new (rollout_date_from_ymd (2026, 7, 3), "Independence Day (observed)"));
  g_ptr_array_add (holidays, rollout_holiday_new (rollout_date_from_ymd (2026, 9, 7), "Labor Day"));
  rollout_calendar_set_holidays (rollout_project_get_calendar (project), holidays);

  add_teams (project);
  add_phases_and_tasks (project, rand, n_tasks);
  add_risks (project, rand, n_tasks);
  add_metrics (project, rand, n_tasks);
  add_feedback (project, rand, n_tasks);
  return project;
}
