/* rollout-file-chooser.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   rollout_file_chooser_open_async       (GtkWindow            *parent,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GFile *rollout_file_chooser_open_finish      (GAsyncResult         *result,
                                              GError              **error);
void   rollout_file_chooser_open_csv_async   (GtkWindow            *parent,
                                              const char           *title,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   rollout_file_chooser_save_async       (GtkWindow            *parent,
                                              GFile                *current_file,
                                              const char           *suggested_name,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   rollout_file_chooser_export_pdf_async (GtkWindow            *parent,
                                              const char           *suggested_name,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   rollout_file_chooser_import_async     (GtkWindow            *parent,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   rollout_file_chooser_export_async     (GtkWindow            *parent,
                                              const char           *title,
                                              const char           *filter_name,
                                              const char           *pattern,
                                              const char           *mime_type,
                                              const char           *suggested_name,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GFile *rollout_file_chooser_save_finish      (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
