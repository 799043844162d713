/* rollout-cli-cache.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The commands that use the local cache: index, search, recent. They use
 * the same cache as the app ($ROLLOUT_CACHE_DIR, else the user cache
 * folder) and exit 1 when it cannot be opened. */

#define G_LOG_DOMAIN "rollout-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rollout-cache.h"
#include "rollout-cli.h"

#define DEFAULT_SEARCH_LIMIT 20

static RolloutCache *
open_cache (const char *command)
{
  g_autoptr(GError) error = NULL;
  RolloutCache *cache = rollout_cache_open (NULL, &error);

  if (cache == NULL)
    g_printerr (_("rollout-cli %s: the cache cannot be used: %s\n"), command, error->message);
  return cache;
}

int
cli_index (int    argc,
           char **argv)
{
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Index files even when they did not change"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("index", _("FILE…"),
                                  _("Adds plans to the search index of the local cache, or refreshes\n"
                                    "them when they changed since they were indexed. Invalid plans are\n"
                                    "reported as by validate and exit 1."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutCache) cache = NULL;
  int result = CLI_OK;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc < 2)
    return cli_usage_error ("index", _("no file given"));

  cache = open_cache ("index");
  if (cache == NULL)
    return CLI_FAILED;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autofree char *location = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);
      g_autoptr(RolloutProject) project = NULL;
      g_autoptr(GError) error = NULL;
      guint64 size = 0;
      gint64 mtime = 0;

      if (!rollout_cache_stat_location (location, &size, &mtime, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          result = CLI_FAILED;
          continue;
        }
      if (!force && rollout_cache_is_indexed (cache, location, size, mtime))
        continue;

      project = cli_load (argv[i], FALSE);
      if (project == NULL)
        {
          result = CLI_FAILED;
          continue;
        }
      if (!rollout_cache_index_project (cache, location, project, size, mtime, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          result = CLI_FAILED;
        }
    }
  return result;
}

/* One hit per line, whatever the text holds. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return line;
}

int
cli_search (int    argc,
            char **argv)
{
  gboolean json = FALSE;
  int limit = DEFAULT_SEARCH_LIMIT;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("The most hits to print (default 20, 0 for all)"), N_("N") },
    { NULL }
  };
  int status = cli_parse_options ("search", _("QUERY…"),
                                  _("Searches every indexed plan for tasks, checklist items, risks,\n"
                                    "feedback and phases holding all the words of QUERY (the last one\n"
                                    "may be unfinished). Prints the best hits first, one per line, as\n"
                                    "FILE: kind id: snippet, matching words marked «like this». Plans\n"
                                    "whose files are gone are left out."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc < 2)
    return cli_usage_error ("search", _("no query given"));
  if (limit < 0)
    return cli_usage_error ("search", _("the limit cannot be negative"));

  cache = open_cache ("search");
  if (cache == NULL)
    return CLI_FAILED;

  query = g_strjoinv (" ", argv + 1);
  hits = rollout_cache_search (cache, query, "«", "»", (guint) limit, &error);
  if (hits == NULL)
    {
      g_printerr ("rollout-cli search: %s\n", error->message);
      return CLI_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          const RolloutSearchHit *hit = g_ptr_array_index (hits, i);

          if (hit->missing)
            continue;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, hit->location);
          json_builder_set_member_name (builder, "project");
          json_builder_add_string_value (builder, hit->project_name);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, rollout_search_kind_to_string (hit->kind));
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, hit->object_id);
          if (hit->item >= 0)
            {
              json_builder_set_member_name (builder, "item");
              json_builder_add_int_value (builder, hit->item);
            }
          json_builder_set_member_name (builder, "snippet");
          json_builder_add_string_value (builder, hit->snippet);
          json_builder_set_member_name (builder, "score");
          json_builder_add_double_value (builder, hit->score);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < hits->len; i++)
        {
          const RolloutSearchHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *snippet = NULL;

          if (hit->missing)
            continue;
          snippet = one_line (hit->snippet);
          g_print ("%s: %s %s: %s\n", hit->location, rollout_search_kind_to_string (hit->kind),
                   hit->object_id, snippet);
        }
    }
  return CLI_OK;
}

static char *
format_time (gint64   usec,
             gboolean utc)
{
  g_autoptr(GDateTime) time = utc ? g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC)
                                  : g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, utc ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d %H:%M");
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 RolloutDate  date)
{
  json_builder_set_member_name (builder, name);
  if (date == ROLLOUT_DATE_NONE)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = rollout_date_format (date);

      json_builder_add_string_value (builder, text);
    }
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
print_recent_json (GPtrArray *recents)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < recents->len; i++)
    {
      const RolloutRecentProject *recent = g_ptr_array_index (recents, i);
      const RolloutCacheSummary *s = &recent->summary;
      g_autofree char *opened = format_time (recent->last_opened, TRUE);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, recent->name);
      json_builder_set_member_name (builder, "location");
      json_builder_add_string_value (builder, recent->location);
      json_builder_set_member_name (builder, "last_opened");
      json_builder_add_string_value (builder, opened);
      json_builder_set_member_name (builder, "missing");
      json_builder_add_boolean_value (builder, recent->missing);
      json_builder_set_member_name (builder, "changed");
      json_builder_add_boolean_value (builder, recent->changed);
      add_int_member (builder, "phases", s->n_phases);
      add_int_member (builder, "tasks", s->n_tasks);
      add_int_member (builder, "milestones", s->n_milestones);
      add_int_member (builder, "done", s->n_done);
      add_int_member (builder, "risks", s->n_risks);
      add_int_member (builder, "open_high_risks", s->n_open_high_risks);
      add_int_member (builder, "feedback", s->n_feedback);
      json_builder_set_member_name (builder, "current_phase");
      if (s->current_phase == NULL)
        json_builder_add_null_value (builder);
      else
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, s->current_phase);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, rollout_enum_to_nick (ROLLOUT_TYPE_PHASE_STATUS,
                                                                        s->current_phase_status));
          json_builder_end_object (builder);
        }
      json_builder_set_member_name (builder, "next_milestone");
      if (s->next_milestone == NULL)
        json_builder_add_null_value (builder);
      else
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, s->next_milestone);
          add_date_member (builder, "date", s->next_milestone_date);
          json_builder_end_object (builder);
        }
      add_int_member (builder, "overdue_milestones", s->n_overdue_milestones);
      add_date_member (builder, "finish", s->finish);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  cli_print_json (builder);
}

static void
print_recent_text (GPtrArray *recents)
{
  for (guint i = 0; i < recents->len; i++)
    {
      const RolloutRecentProject *recent = g_ptr_array_index (recents, i);
      const RolloutCacheSummary *s = &recent->summary;
      g_autofree char *opened = format_time (recent->last_opened, FALSE);
      g_autofree char *phases = g_strdup_printf (ngettext ("%u phase", "%u phases", s->n_phases), s->n_phases);
      g_autofree char *tasks = g_strdup_printf (ngettext ("%u task", "%u tasks", s->n_tasks), s->n_tasks);
      g_autofree char *milestones = g_strdup_printf (ngettext ("%u milestone", "%u milestones", s->n_milestones),
                                                     s->n_milestones);
      g_autofree char *risks = g_strdup_printf (ngettext ("%u risk", "%u risks", s->n_risks), s->n_risks);
      g_autofree char *feedback = g_strdup_printf (ngettext ("%u feedback entry", "%u feedback entries",
                                                             s->n_feedback), s->n_feedback);
      /* Translators: tasks and milestones done, of all tasks and milestones. */
      g_autofree char *done = g_strdup_printf (_("%u of %u done"), s->n_done, s->n_tasks + s->n_milestones);

      if (i > 0)
        g_print ("\n");
      g_print ("%s\n", recent->name);
      if (recent->missing)
        g_print ("  %s %s\n", recent->location, _("(missing)"));
      else if (recent->changed)
        g_print ("  %s %s\n", recent->location, _("(changed since it was last opened)"));
      else
        g_print ("  %s\n", recent->location);
      g_print ("  %s %s\n", _("Last opened:"), opened);
      g_print ("  %s, %s, %s (%s), %s, %s\n", phases, tasks, milestones, done, risks, feedback);
      if (s->current_phase != NULL)
        g_print ("  %s %s (%s)\n", _("Current phase:"), s->current_phase,
                 rollout_enum_to_nick (ROLLOUT_TYPE_PHASE_STATUS, s->current_phase_status));
      if (s->next_milestone != NULL)
        {
          g_autofree char *date = rollout_date_format (s->next_milestone_date);

          g_print ("  %s %s, %s\n", _("Next milestone:"), s->next_milestone, date);
        }
      if (s->n_overdue_milestones > 0)
        g_print ("  %s %u\n", _("Overdue milestones:"), s->n_overdue_milestones);
      g_print ("  %s %u\n", _("Open high risks:"), s->n_open_high_risks);
      if (s->finish != ROLLOUT_DATE_NONE)
        {
          g_autofree char *finish = rollout_date_format (s->finish);

          g_print ("  %s %s\n", _("Finishes:"), finish);
        }
    }
}

int
cli_recent (int    argc,
            char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };
  int status = cli_parse_options ("recent", NULL,
                                  _("Lists the projects recently opened in Rollout, the latest first,\n"
                                    "with where they are, when they were opened and a summary: counts,\n"
                                    "the current phase, the next milestone and the open high risks."),
                                  entries, &argc, &argv);
  g_autoptr(RolloutCache) cache = NULL;
  g_autoptr(GPtrArray) recents = NULL;
  g_autoptr(GError) error = NULL;

  if (status != CLI_OK)
    return status < 0 ? CLI_OK : status;
  if (argc > 1)
    return cli_usage_error ("recent", _("unexpected argument “%s”"), argv[1]);

  cache = open_cache ("recent");
  if (cache == NULL)
    return CLI_FAILED;

  recents = rollout_cache_list_recents (cache, &error);
  if (recents == NULL)
    {
      g_printerr ("rollout-cli recent: %s\n", error->message);
      return CLI_FAILED;
    }
  if (json)
    print_recent_json (recents);
  else
    print_recent_text (recents);
  return CLI_OK;
}
