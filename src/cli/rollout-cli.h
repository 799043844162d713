/* rollout-cli.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rollout-file.h"

G_BEGIN_DECLS

/* Exit statuses of every command. */
#define CLI_OK      0
#define CLI_FAILED  1  /* invalid input, or the work failed */
#define CLI_USAGE   2  /* the command line itself is wrong */

typedef struct {
  const char *name;
  const char *summary;
  int (*run) (int argc, char **argv);
} CliCommand;

/* Parses @argv with @entries; prints --help, or a usage error. Returns
 * CLI_OK to go on, or the status to exit with (-1 after --help). */
int             cli_parse_options (const char    *command,
                                   const char    *parameters,
                                   const char    *description,
                                   GOptionEntry  *entries,
                                   int           *argc,
                                   char        ***argv);
int             cli_usage_error   (const char    *command,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (2, 3);
RolloutProject *cli_load          (const char    *path,
                                   gboolean       quiet);
void            cli_print_json    (JsonBuilder   *builder);

int cli_validate (int argc, char **argv);
int cli_info     (int argc, char **argv);
int cli_schedule (int argc, char **argv);
int cli_fmt      (int argc, char **argv);
int cli_export_pdf (int argc, char **argv);
int cli_generate (int argc, char **argv);
int cli_index    (int argc, char **argv);
int cli_search   (int argc, char **argv);
int cli_recent   (int argc, char **argv);
int cli_gates           (int argc, char **argv);
int cli_import_metrics  (int argc, char **argv);
int cli_import_feedback (int argc, char **argv);
int cli_import           (int argc, char **argv);
int cli_export_ics       (int argc, char **argv);
int cli_export_csv       (int argc, char **argv);
int cli_export_mspdi     (int argc, char **argv);
int cli_diff             (int argc, char **argv);
int cli_merge            (int argc, char **argv);

G_END_DECLS
