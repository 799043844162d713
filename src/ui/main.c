/* main.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rollout"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RolloutApplication) app = NULL;

  /* ROLLOUT_LOCALEDIR lets tests use catalogues built in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ROLLOUT_LOCALEDIR") ? g_getenv ("ROLLOUT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rollout_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
