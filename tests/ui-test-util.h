/* ui-test-util.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rollout-application.h"
#include "rollout-window.h"

G_BEGIN_DECLS

/* The demo plan's name: the title of its window. */
#define DEMO_NAME "Reserve a scooter in advance"

/* How long wait_for() waits, unless ui_test_set_deadline() says otherwise. */
#define UI_TEST_DEADLINE_SECONDS 10

typedef gboolean (*Condition) (gconstpointer data);
typedef gboolean (*Match)     (GtkWidget     *widget,
                               gconstpointer  data);

RolloutApplication *ui_test_init          (int            *argc,
                                           char         ***argv,
                                           const char     *name);
int                 ui_test_run           (void);
void                ui_test_set_deadline  (guint           seconds);

gboolean            wait_for              (Condition       condition,
                                           gconstpointer   data);
void                drain                 (void);
void                close_everything      (void);
void                remove_tree           (GFile          *file);

GFile              *demo_file             (void);
RolloutWindow      *open_and_wait         (GFile          *file,
                                           const char     *title);
RolloutWindow      *open_demo             (void);
GFile              *copy_to_temp          (const char     *source,
                                           char          **out_dir);

RolloutWindow      *find_window_titled    (const char     *title);
gboolean            window_titled_exists  (gconstpointer   title);
guint               count_plan_windows    (void);
GtkWindow          *find_toplevel         (GType           type,
                                           GtkWindow      *parent);
gboolean            toplevel_exists       (gconstpointer   type);
gboolean            toplevel_gone         (gconstpointer   type);

GtkWidget          *find_widget           (GtkWidget      *widget,
                                           Match           match,
                                           gconstpointer   data);
GtkWidget          *find_by_type          (GtkWidget      *widget,
                                           GType           type);
void                collect_by_type       (GtkWidget      *widget,
                                           GType           type,
                                           GPtrArray      *found);
GtkWidget          *find_actionable       (GtkWidget      *widget,
                                           const char     *action);
GtkWidget          *find_button           (GtkWidget      *widget,
                                           const char     *label);
GtkWidget          *find_row              (GtkWidget      *widget,
                                           const char     *title);
GtkDropTarget      *find_drop_target      (GtkWidget      *widget);
gboolean            widget_mapped         (gconstpointer   widget);
gboolean            widget_unmapped       (gconstpointer   widget);

void                speak                 (const char     *language);
void                forget_window_size    (void);

void                save_window           (GtkWindow      *window,
                                           const char     *path);

gboolean            press                 (GtkWindow      *window,
                                           guint           keyval,
                                           GdkModifierType state);

gboolean            accessibility_on      (void);
gboolean            has_text              (GtkWidget      *widget);
gboolean            has_name              (GtkWidget      *widget);
GtkWidget          *named_by              (GtkWidget      *widget);
gboolean            is_interactive        (GtkWidget      *widget);

G_END_DECLS
