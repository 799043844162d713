/* test-board.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The team board without a window: which cards each column and swimlane
 * holds and in what order, the filters and the search, lateness against
 * today and against the phase's gate, phase readiness, and the board's
 * edits (moving cards, signing off and withdrawing, WIP limits) through
 * the history, undone exactly.
 */

#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "rollout-board.h"
#include "rollout-file.h"
#include "rollout-gates.h"
#include "rollout-generator.h"
#include "rollout-history.h"
#include "rollout-scheduler.h"

static RolloutDate
day (const char *text)
{
  RolloutDate date = ROLLOUT_DATE_NONE;

  g_assert_true (rollout_date_parse (text, &date));
  return date;
}

/* A small plan: phases p1 and p2 (p2 planned to start 2026-03-09), teams
 * eng and support, and tasks one after the other from 2026-03-02 (a
 * Monday). */
static RolloutProject *
load_small (void)
{
  const char *text =
    "{\"format\":\"rollout-project\",\"version\":1,\"id\":\"small\",\"name\":\"Small\","
    "\"start\":\"2026-03-02\","
    "\"teams\":[{\"id\":\"eng\",\"name\":\"Engineering\",\"color\":\"#3584e4\",\"lead\":\"Priya\"},"
    "          {\"id\":\"support\",\"name\":\"Support\",\"color\":\"#e66100\",\"lead\":\"Dana\"}],"
    "\"phases\":[{\"id\":\"p1\",\"name\":\"Pilot\",\"gate\":{\"required_signoffs\":[\"support\",\"eng\"]}},"
    "           {\"id\":\"p2\",\"name\":\"Launch\",\"planned_start\":\"2026-03-09\"}],"
    "\"tasks\":["
    " {\"id\":\"a\",\"name\":\"Build the API\",\"phase\":\"p1\",\"team\":\"eng\",\"owner\":\"Tom Berg\",\"duration\":3,"
    "  \"status\":\"in-progress\",\"checklist\":[{\"text\":\"x\",\"done\":true},{\"text\":\"y\",\"done\":false},"
    "  {\"text\":\"z\",\"done\":true}]},"
    " {\"id\":\"b\",\"name\":\"Train agents\",\"phase\":\"p1\",\"team\":\"support\",\"owner\":\"Dana Ruiz\",\"duration\":4,"
    "  \"depends_on\":[{\"task\":\"a\"}],\"status\":\"blocked\",\"blocked_reason\":\"Waiting for Legal\"},"
    " {\"id\":\"c\",\"name\":\"Write the FAQ\",\"phase\":\"p1\",\"duration\":1,\"status\":\"done\",\"progress\":100},"
    " {\"id\":\"d\",\"name\":\"Announce\",\"phase\":\"p2\",\"team\":\"eng\",\"owner\":\"Zoë Ångström\",\"duration\":2,"
    "  \"depends_on\":[{\"task\":\"b\"}]},"
    " {\"id\":\"e\",\"name\":\"Café menu\",\"phase\":\"p2\",\"team\":\"support\",\"duration\":1}"
    "]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutProject) project = rollout_file_read (text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rollout_project_schedule (project, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

static RolloutBoard *
board_with (RolloutProject    *project,
            RolloutBoardLanes  lanes,
            const char        *phase_id,
            const char        *team_id,
            const char        *search)
{
  RolloutBoardOptions options;

  rollout_board_options_init (&options);
  options.lanes = lanes;
  options.phase_id = phase_id;
  options.team_id = team_id;
  options.search = search;
  return rollout_board_new (project, &options);
}

/* "a b|c|" style: each lane's column, card ids in order, "|" between
 * columns, "/" between lanes. */
static char *
describe (RolloutBoard *board)
{
  GString *text = g_string_new (NULL);

  for (guint l = 0; l < rollout_board_get_n_lanes (board); l++)
    {
      if (l > 0)
        g_string_append_c (text, '/');
      for (guint s = 0; s < ROLLOUT_N_TASK_STATUSES; s++)
        {
          const RolloutBoardCard *card;

          if (s > 0)
            g_string_append_c (text, '|');
          for (guint i = 0; (card = rollout_board_get_card (board, l, s, i)) != NULL; i++)
            g_string_append_printf (text, "%s%s", i > 0 ? " " : "", rollout_task_get_id (card->task));
        }
    }
  return g_string_free (text, FALSE);
}

static void
assert_board (RolloutBoard *board,
              const char   *expected)
{
  g_autofree char *actual = describe (board);

  g_assert_cmpstr (actual, ==, expected);
}

/* Every task of the demo is on the board once, in the column of its status,
 * and each column runs by finish date, unscheduled last. */
static void
test_columns (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  g_autoptr(RolloutBoard) board = rollout_board_new (project, NULL);
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n_tasks = g_list_model_get_n_items (tasks);
  guint counts[ROLLOUT_N_TASK_STATUSES] = { 0 };

  g_assert_cmpuint (rollout_board_get_n_lanes (board), ==, 1);
  g_assert_null (rollout_board_get_lane (board, 0)->object);
  g_assert_cmpuint (rollout_board_get_n_tasks (board), ==, n_tasks);
  g_assert_cmpuint (rollout_board_get_n_shown (board), ==, n_tasks);

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);
      RolloutTaskStatus status;
      guint lane, index;

      counts[rollout_task_get_status (task)]++;
      g_assert_true (rollout_board_find (board, task, &lane, &status, &index));
      g_assert_cmpuint (lane, ==, 0);
      g_assert_cmpint (status, ==, rollout_task_get_status (task));
      g_assert_true (rollout_board_get_card (board, 0, status, index)->task == task);
    }

  for (guint s = 0; s < ROLLOUT_N_TASK_STATUSES; s++)
    {
      RolloutDate previous = 0;

      g_assert_cmpuint (rollout_board_get_n_cards (board, s), ==, counts[s]);
      g_assert_cmpuint (rollout_board_get_lane (board, 0)->n_cards[s], ==, counts[s]);
      for (guint i = 0; i < counts[s]; i++)
        {
          const RolloutBoardCard *card = rollout_board_get_card (board, 0, s, i);
          RolloutDate finish = card->finish != ROLLOUT_DATE_NONE ? card->finish : G_MAXUINT32;

          g_assert_cmpuint (finish, >=, previous);
          previous = finish;
        }
      g_assert_null (rollout_board_get_card (board, 0, s, counts[s]));
    }
  g_assert_cmpuint (counts[ROLLOUT_TASK_STATUS_BLOCKED], ==, 1);
  g_assert_cmpuint (rollout_board_get_lane (board, 0)->n_rows, ==,
                    MAX (MAX (counts[0], counts[1]), MAX (counts[2], counts[3])));
}

static void
test_order_and_filters (void)
{
  g_autoptr(RolloutProject) project = load_small ();
  static const struct {
    const char *phase_id;
    const char *team_id;
    const char *search;
    const char *expected;
  } cases[] = {
    /* d and e start on the same day; e is shorter, so it finishes first. */
    { NULL, NULL, NULL, "e d|a|b|c" },
    { "p1", NULL, NULL, "|a|b|c" },
    { "p2", NULL, NULL, "e d|||" },
    { NULL, "eng", NULL, "d|a||" },
    { NULL, ROLLOUT_BOARD_NO_TEAM, NULL, "|||c" },
    { "p1", "support", NULL, "||b|" },
    { "p2", ROLLOUT_BOARD_NO_TEAM, NULL, "|||" },
    /* Name, owner, blocked reason and id; any case; every word. */
    { NULL, NULL, "train", "||b|" },
    { NULL, NULL, "TOM", "|a||" },
    { NULL, NULL, "legal", "||b|" },
    { NULL, NULL, "  the   ", "|a||c" },
    { NULL, NULL, "the faq", "|||c" },
    { NULL, NULL, "the nothing", "|||" },
    { NULL, NULL, "", "e d|a|b|c" },
    /* Beyond ASCII, folded. */
    { NULL, NULL, "ZOË", "d|||" },
    { NULL, NULL, "ångström", "d|||" },
    { NULL, NULL, "CAFÉ", "e|||" },
    { NULL, "eng", "announce", "d|||" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RolloutBoard) board = board_with (project, ROLLOUT_BOARD_LANES_NONE, cases[i].phase_id,
                                                  cases[i].team_id, cases[i].search);

      g_test_message ("case %u", i);
      assert_board (board, cases[i].expected);
    }
}

static void
test_lanes (void)
{
  g_autoptr(RolloutProject) project = load_small ();
  g_autoptr(RolloutBoard) teams = board_with (project, ROLLOUT_BOARD_LANES_TEAM, NULL, NULL, NULL);
  g_autoptr(RolloutBoard) phases = board_with (project, ROLLOUT_BOARD_LANES_PHASE, NULL, NULL, NULL);
  g_autoptr(RolloutBoard) one_team = board_with (project, ROLLOUT_BOARD_LANES_TEAM, NULL, "support", NULL);
  g_autoptr(RolloutBoard) no_team = board_with (project, ROLLOUT_BOARD_LANES_TEAM, "p2", ROLLOUT_BOARD_NO_TEAM, NULL);
  g_autoptr(RolloutBoard) one_phase = board_with (project, ROLLOUT_BOARD_LANES_PHASE, "p2", NULL, NULL);
  g_autoptr(RolloutBoard) searched = board_with (project, ROLLOUT_BOARD_LANES_TEAM, NULL, NULL, "build");
  g_autoptr(RolloutBoard) empty_lane = NULL;
  const RolloutBoardLane *lane;

  /* Teams in the plan's order, then the tasks of no team. */
  assert_board (teams, "d|a||/e||b|/|||c");
  g_assert_cmpint (rollout_board_get_lanes (teams), ==, ROLLOUT_BOARD_LANES_TEAM);
  lane = rollout_board_get_lane (teams, 0);
  g_assert_true (ROLLOUT_IS_TEAM (lane->object));
  g_assert_cmpstr (lane->id, ==, "eng");
  g_assert_cmpstr (lane->label, ==, "Engineering");
  g_assert_cmpstr (lane->color, ==, "#3584e4");
  g_assert_cmpuint (lane->n_rows, ==, 1);
  lane = rollout_board_get_lane (teams, 2);
  g_assert_null (lane->object);
  g_assert_null (lane->id);
  g_assert_cmpuint (rollout_board_get_n_cards (teams, ROLLOUT_TASK_STATUS_TODO), ==, 2);

  assert_board (phases, "|a|b|c/e d|||");
  g_assert_cmpstr (rollout_board_get_lane (phases, 1)->label, ==, "Launch");
  g_assert_true (ROLLOUT_IS_PHASE (rollout_board_get_lane (phases, 1)->object));

  assert_board (one_team, "e||b|");
  g_assert_cmpstr (rollout_board_get_lane (one_team, 0)->id, ==, "support");
  /* A filter that leaves a lane empty keeps it, to move cards into. */
  assert_board (no_team, "|||");
  g_assert_cmpuint (rollout_board_get_n_lanes (no_team), ==, 1);
  assert_board (one_phase, "e d|||");
  /* A search shows only the lanes with matches. */
  assert_board (searched, "|a||");

  /* Without tasks of no team, no lane for them; empty team lanes stay. */
  rollout_task_set_team_id (rollout_project_lookup_task (project, "c"), "eng");
  rollout_task_set_team_id (rollout_project_lookup_task (project, "b"), "eng");
  rollout_task_set_team_id (rollout_project_lookup_task (project, "e"), "eng");
  empty_lane = board_with (project, ROLLOUT_BOARD_LANES_TEAM, NULL, NULL, NULL);
  assert_board (empty_lane, "e d|a|b|c/|||");
  g_assert_cmpstr (rollout_board_get_lane (empty_lane, 1)->id, ==, "support");
  g_assert_cmpuint (rollout_board_get_lane (empty_lane, 1)->n_rows, ==, 1);
}

/* a runs 2–4 Mar, b 5–10 Mar, c 2 Mar (done), d 11–12 Mar, e 2 Mar; the
 * gate of p1 is due on 9 Mar, when p2 is planned to start. */
static void
test_lateness (void)
{
  g_autoptr(RolloutProject) project = load_small ();
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  RolloutPhase *p2 = rollout_project_lookup_phase (project, "p2");
  static const struct {
    const char *today;
    const char *task;
    guint       expected;
  } cases[] = {
    { "2026-03-01", "a", ROLLOUT_BOARD_ON_TIME },
    { "2026-03-04", "a", ROLLOUT_BOARD_ON_TIME },
    { "2026-03-05", "a", ROLLOUT_BOARD_LATE },
    /* b finishes after its phase's gate, whatever the day. */
    { "2026-03-01", "b", ROLLOUT_BOARD_AFTER_GATE },
    { "2026-03-11", "b", ROLLOUT_BOARD_LATE | ROLLOUT_BOARD_AFTER_GATE },
    /* Done is never late. */
    { "2026-04-01", "c", ROLLOUT_BOARD_ON_TIME },
    /* p2 is the last phase: no gate date. */
    { "2026-03-12", "d", ROLLOUT_BOARD_ON_TIME },
    { "2026-03-13", "d", ROLLOUT_BOARD_LATE },
  };

  g_assert_cmpuint (rollout_task_get_finish (rollout_project_lookup_task (project, "b")), ==, day ("2026-03-10"));
  g_assert_cmpuint (rollout_board_get_gate_date (project, p1), ==, day ("2026-03-09"));
  g_assert_cmpuint (rollout_board_get_gate_date (project, p2), ==, ROLLOUT_DATE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RolloutTask *task = rollout_project_lookup_task (project, cases[i].task);
      RolloutBoardOptions options;
      g_autoptr(RolloutBoard) board = NULL;
      RolloutTaskStatus status;
      guint lane, index;
      const RolloutBoardCard *card;

      g_test_message ("case %u", i);
      g_assert_cmpuint (rollout_board_get_lateness (project, task, day (cases[i].today)), ==, cases[i].expected);

      /* The board's cards say the same. */
      rollout_board_options_init (&options);
      options.today = day (cases[i].today);
      board = rollout_board_new (project, &options);
      g_assert_true (rollout_board_find (board, task, &lane, &status, &index));
      card = rollout_board_get_card (board, lane, status, index);
      g_assert_cmpuint (card->lateness, ==, cases[i].expected);
      g_assert_cmpuint (card->finish, ==, rollout_task_get_finish (task));
    }

  /* Without a day, only the gate counts. */
  g_assert_cmpuint (rollout_board_get_lateness (project, rollout_project_lookup_task (project, "a"), ROLLOUT_DATE_NONE),
                    ==, ROLLOUT_BOARD_ON_TIME);
}

static void
test_card_contents (void)
{
  g_autoptr(RolloutProject) project = load_small ();
  g_autoptr(RolloutBoard) board = rollout_board_new (project, NULL);
  const RolloutBoardCard *a = rollout_board_get_card (board, 0, ROLLOUT_TASK_STATUS_IN_PROGRESS, 0);
  const RolloutBoardCard *b = rollout_board_get_card (board, 0, ROLLOUT_TASK_STATUS_BLOCKED, 0);

  g_assert_cmpstr (rollout_task_get_id (a->task), ==, "a");
  g_assert_cmpuint (a->n_checked, ==, 2);
  g_assert_cmpuint (a->n_checklist, ==, 3);
  g_assert_cmpuint (a->gate, ==, day ("2026-03-09"));
  g_assert_cmpuint (b->n_checklist, ==, 0);
  g_assert_cmpstr (rollout_task_get_blocked_reason (b->task), ==, "Waiting for Legal");
  g_assert_cmpstr (rollout_board_status_label (ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, "In Progress");
}

static void
test_initials (void)
{
  static const struct {
    const char *name;
    const char *initials;
  } cases[] = {
    { "Maya Chen", "MC" },
    { "Priya", "P" },
    { "  keisha   okafor ", "KO" },
    { "Jean-Luc Picard", "JP" },
    { "Dana (Support) Ruiz", "DR" },
    { "Zoë Ångström", "ZÅ" },
    { "émilie du châtelet", "ÉC" },
    { "(contractor)", "" },
    { "", "" },
    { "\xff\xfe", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = rollout_board_initials (cases[i].name);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

static void
execute (RolloutHistory *history,
         RolloutCommand *command)
{
  g_autoptr(RolloutCommand) owned = command;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (command);
  g_assert_true (rollout_history_execute (history, owned, &error));
  g_assert_no_error (error);
}

/* Moving cards changes the status (and team or phase), tidies what the
 * status implies, and is undone byte for byte. */
static void
test_move (void)
{
  g_autoptr(RolloutProject) project = load_small ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  g_autofree char *before = rollout_file_write (project, NULL);
  g_autofree char *after = NULL;
  RolloutTask *a = rollout_project_lookup_task (project, "a");
  RolloutTask *b = rollout_project_lookup_task (project, "b");
  RolloutTask *e = rollout_project_lookup_task (project, "e");

  /* Nowhere to go. */
  g_assert_null (rollout_board_new_move (project, a, ROLLOUT_TASK_STATUS_IN_PROGRESS, ROLLOUT_BOARD_LANES_NONE, "support"));
  g_assert_null (rollout_board_new_move (project, a, ROLLOUT_TASK_STATUS_IN_PROGRESS, ROLLOUT_BOARD_LANES_TEAM, "eng"));
  g_assert_null (rollout_board_new_move (project, a, ROLLOUT_TASK_STATUS_IN_PROGRESS, ROLLOUT_BOARD_LANES_PHASE, NULL));

  execute (history, rollout_board_new_move (project, a, ROLLOUT_TASK_STATUS_DONE, ROLLOUT_BOARD_LANES_NONE, NULL));
  g_assert_cmpint (rollout_task_get_status (a), ==, ROLLOUT_TASK_STATUS_DONE);
  g_assert_cmpint (rollout_task_get_progress (a), ==, 100);
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Move ‘Build the API’ to Done");

  /* Out of Blocked, into another team's lane: the reason goes. */
  execute (history, rollout_board_new_move (project, b, ROLLOUT_TASK_STATUS_IN_PROGRESS, ROLLOUT_BOARD_LANES_TEAM, "eng"));
  g_assert_cmpint (rollout_task_get_status (b), ==, ROLLOUT_TASK_STATUS_IN_PROGRESS);
  g_assert_null (rollout_task_get_blocked_reason (b));
  g_assert_cmpstr (rollout_task_get_team_id (b), ==, "eng");
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Move ‘Train agents’ to In Progress, Engineering");

  /* Only the lane: to no team, then to another phase. */
  execute (history, rollout_board_new_move (project, e, ROLLOUT_TASK_STATUS_TODO, ROLLOUT_BOARD_LANES_TEAM, NULL));
  g_assert_null (rollout_task_get_team_id (e));
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Move ‘Café menu’ to No Team");
  execute (history, rollout_board_new_move (project, e, ROLLOUT_TASK_STATUS_TODO, ROLLOUT_BOARD_LANES_PHASE, "p1"));
  g_assert_cmpstr (rollout_task_get_phase_id (e), ==, "p1");
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Move ‘Café menu’ to Pilot");

  /* The board follows. */
  {
    g_autoptr(RolloutBoard) board = board_with (project, ROLLOUT_BOARD_LANES_TEAM, NULL, NULL, NULL);

    assert_board (board, "d|b||a/|||/e|||c");
  }

  for (guint i = 0; i < 4; i++)
    g_assert_true (rollout_history_undo (history));
  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (rollout_task_get_blocked_reason (b), ==, "Waiting for Legal");
}

static const RolloutReadiness *
readiness_of (GPtrArray  *list,
              const char *team_id)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((RolloutReadiness *) g_ptr_array_index (list, i))->team_id, team_id))
      return g_ptr_array_index (list, i);
  g_assert_not_reached ();
}

static RolloutCriterionResult
signoff_result (RolloutProject *project,
                RolloutPhase   *phase,
                const char     *team_id)
{
  g_autoptr(RolloutGateEvaluation) evaluation = rollout_gates_evaluate_phase (project, phase);

  for (guint i = 0; i < evaluation->criteria->len; i++)
    {
      RolloutGateCriterion *criterion = g_ptr_array_index (evaluation->criteria, i);

      if (criterion->kind == ROLLOUT_CRITERION_SIGNOFF && g_str_equal (criterion->team_id, team_id))
        return criterion->result;
    }
  g_assert_not_reached ();
}

/* Signing a phase off and withdrawing: the phase's sign-offs, the gate's
 * verdict and the readiness list follow, and undo restores them. */
static void
test_sign_off (void)
{
  g_autoptr(RolloutProject) project = load_small ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);
  RolloutPhase *p1 = rollout_project_lookup_phase (project, "p1");
  g_autofree char *before = rollout_file_write (project, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) readiness = rollout_board_get_readiness (project, p1);
  g_autoptr(GPtrArray) signed_off = NULL;
  const RolloutReadiness *support;
  RolloutSignoff *signoff;

  /* Required first, in the gate's order. */
  g_assert_cmpuint (readiness->len, ==, 2);
  support = g_ptr_array_index (readiness, 0);
  g_assert_cmpstr (support->team_id, ==, "support");
  g_assert_true (support->required);
  g_assert_null (support->signoff);
  g_assert_cmpuint (support->n_tasks, ==, 1);
  g_assert_cmpuint (support->n_done, ==, 0);
  g_assert_cmpstr (rollout_team_get_name (support->team), ==, "Support");
  g_assert_cmpuint (readiness_of (readiness, "eng")->n_tasks, ==, 1);
  g_assert_null (rollout_board_new_withdraw (project, p1, "support"));
  g_assert_cmpint (signoff_result (project, p1, "support"), ==, ROLLOUT_CRITERION_MISSING);

  execute (history, rollout_board_new_sign_off (project, p1, "support", "Dana Ruiz", day ("2026-03-02")));
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Sign Off ‘Pilot’ for Support");
  g_assert_cmpuint (rollout_phase_get_signoffs (p1)->len, ==, 1);
  signoff = g_ptr_array_index (rollout_phase_get_signoffs (p1), 0);
  g_assert_cmpstr (signoff->team_id, ==, "support");
  g_assert_cmpstr (signoff->by, ==, "Dana Ruiz");
  g_assert_cmpuint (signoff->date, ==, day ("2026-03-02"));
  g_assert_cmpint (signoff_result (project, p1, "support"), ==, ROLLOUT_CRITERION_PASS);
  signed_off = rollout_board_get_readiness (project, p1);
  g_assert_cmpstr (readiness_of (signed_off, "support")->signoff->by, ==, "Dana Ruiz");

  /* Signing again replaces, not adds. */
  execute (history, rollout_board_new_sign_off (project, p1, "support", "Marcus Lee", day ("2026-03-03")));
  g_assert_cmpuint (rollout_phase_get_signoffs (p1)->len, ==, 1);
  signoff = g_ptr_array_index (rollout_phase_get_signoffs (p1), 0);
  g_assert_cmpstr (signoff->by, ==, "Marcus Lee");

  execute (history, rollout_board_new_withdraw (project, p1, "support"));
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Withdraw the Sign-Off of Support for ‘Pilot’");
  g_assert_cmpuint (rollout_phase_get_signoffs (p1)->len, ==, 0);
  g_assert_cmpint (signoff_result (project, p1, "support"), ==, ROLLOUT_CRITERION_MISSING);

  g_assert_true (rollout_history_undo (history));
  g_assert_cmpuint (rollout_phase_get_signoffs (p1)->len, ==, 1);
  g_assert_true (rollout_history_undo (history));
  g_assert_true (rollout_history_undo (history));
  after = rollout_file_write (project, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* A team that signed off without being required or in the plan's teams is
 * still listed, after the others. */
static void
test_readiness_order (void)
{
  g_autoptr(RolloutProject) project = load_demo ();
  RolloutPhase *dogfood = rollout_project_lookup_phase (project, "dogfood");
  RolloutPhase *ga = rollout_project_lookup_phase (project, "ga");
  g_autoptr(GPtrArray) list = rollout_board_get_readiness (project, dogfood);
  g_autoptr(GPtrArray) none_required = rollout_board_get_readiness (project, ga);
  const RolloutReadiness *eng = g_ptr_array_index (list, 0);

  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (eng->team_id, ==, "eng");
  g_assert_true (eng->required);
  g_assert_cmpstr (eng->signoff->by, ==, "Priya Nair");
  g_assert_cmpstr (((RolloutReadiness *) g_ptr_array_index (list, 1))->team_id, ==, "support");
  g_assert_false (((RolloutReadiness *) g_ptr_array_index (list, 2))->required);
  g_assert_cmpuint (eng->n_done, ==, eng->n_tasks);
  g_assert_cmpuint (eng->n_tasks, ==, 9);

  g_assert_cmpuint (none_required->len, ==, 4);
  for (guint i = 0; i < none_required->len; i++)
    g_assert_false (((RolloutReadiness *) g_ptr_array_index (none_required, i))->required);
}

static void
test_wip_limit (void)
{
  g_autoptr(RolloutProject) project = load_small ();
  g_autoptr(RolloutHistory) history = rollout_history_new (project);

  g_assert_null (rollout_board_new_set_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS, 0));
  execute (history, rollout_board_new_set_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS, 3));
  g_assert_cmpint (rollout_project_get_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, 3);
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Set the WIP Limit of In Progress");
  g_assert_true (rollout_history_get_modified (history));
  execute (history, rollout_board_new_set_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS, 0));
  g_assert_cmpstr (rollout_history_get_undo_label (history), ==, "Remove the WIP Limit of In Progress");
  g_assert_true (rollout_history_undo (history));
  g_assert_cmpint (rollout_project_get_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, 3);
  g_assert_true (rollout_history_undo (history));
  g_assert_cmpint (rollout_project_get_wip_limit (project, ROLLOUT_TASK_STATUS_IN_PROGRESS), ==, 0);
  g_assert_false (rollout_history_get_modified (history));
}

/* A big generated plan: every filter's cards add up to what a plain count
 * of the tasks says. */
static void
test_generated (void)
{
  g_autoptr(RolloutProject) project = rollout_generate_project (2000, 5);
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n = g_list_model_get_n_items (tasks);
  guint in_phase = 0, of_team = 0;
  g_autoptr(RolloutBoard) all = NULL;
  g_autoptr(RolloutBoard) by_team = NULL;
  g_autoptr(RolloutBoard) filtered = NULL;
  guint sum = 0;

  g_assert_true (rollout_project_schedule (project, NULL, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);

      in_phase += g_strcmp0 (rollout_task_get_phase_id (task), "phase-3") == 0 &&
                  g_strcmp0 (rollout_task_get_team_id (task), "eng") == 0;
      of_team += g_strcmp0 (rollout_task_get_team_id (task), "eng") == 0;
    }

  all = board_with (project, ROLLOUT_BOARD_LANES_NONE, NULL, NULL, NULL);
  g_assert_cmpuint (rollout_board_get_n_shown (all), ==, n);
  by_team = board_with (project, ROLLOUT_BOARD_LANES_TEAM, NULL, NULL, NULL);
  for (guint l = 0; l < rollout_board_get_n_lanes (by_team); l++)
    for (guint s = 0; s < ROLLOUT_N_TASK_STATUSES; s++)
      sum += rollout_board_get_lane (by_team, l)->n_cards[s];
  g_assert_cmpuint (sum, ==, n);
  g_assert_cmpstr (rollout_board_get_lane (by_team, 0)->id, ==, "eng");
  g_assert_cmpuint (rollout_board_get_lane (by_team, 0)->n_cards[0] +
                    rollout_board_get_lane (by_team, 0)->n_cards[1] +
                    rollout_board_get_lane (by_team, 0)->n_cards[2] +
                    rollout_board_get_lane (by_team, 0)->n_cards[3], ==, of_team);
  filtered = board_with (project, ROLLOUT_BOARD_LANES_PHASE, "phase-3", "eng", NULL);
  g_assert_cmpuint (rollout_board_get_n_shown (filtered), ==, in_phase);
  g_assert_cmpuint (rollout_board_get_n_lanes (filtered), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/board/columns", test_columns);
  g_test_add_func ("/rollout/board/order-and-filters", test_order_and_filters);
  g_test_add_func ("/rollout/board/lanes", test_lanes);
  g_test_add_func ("/rollout/board/lateness", test_lateness);
  g_test_add_func ("/rollout/board/card-contents", test_card_contents);
  g_test_add_func ("/rollout/board/initials", test_initials);
  g_test_add_func ("/rollout/board/move", test_move);
  g_test_add_func ("/rollout/board/sign-off", test_sign_off);
  g_test_add_func ("/rollout/board/readiness-order", test_readiness_order);
  g_test_add_func ("/rollout/board/wip-limit", test_wip_limit);
  g_test_add_func ("/rollout/board/generated", test_generated);

  return g_test_run ();
}
