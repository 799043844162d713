/* fuzz-target.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every fuzz target provides. A target is one fuzz-NAME.c that
 * defines LLVMFuzzerTestOneInput() (and, when it needs set-up, also
 * LLVMFuzzerInitialize()). The same file is linked twice: with libFuzzer
 * (clang, tests/fuzz/meson.build) to search for crashes, and with
 * fuzz-replay.c into an ordinary test that replays the saved findings in
 * tests/data/fuzz-regressions/NAME/ on every build.
 *
 * A target checks properties, not only the absence of crashes: when one
 * does not hold it calls fuzz_fail(), which aborts, so libFuzzer keeps the
 * input and the replay test fails on it. */

#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gprintf.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

G_NORETURN static inline void G_GNUC_PRINTF (1, 2)
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_printerr ("fuzz target: property violated: ");
  g_vfprintf (stderr, format, args);
  g_printerr ("\n");
  va_end (args);
  abort ();
}

G_END_DECLS
