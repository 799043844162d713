/* ui-test-util.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every UI test needs: a private home for the cache, recent files and
 * settings; the application, registered; a main-loop wait with a deadline
 * in place of sleeps; and ways to find windows and widgets the way a
 * person would see them. Linked into each test-ui-*; the helpers that only
 * one test needs stay in that test. The helpers keep the short names the
 * tests call them by.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ui-test-util.h"

static RolloutApplication *application;
static char *home;
static guint deadline_seconds = UI_TEST_DEADLINE_SECONDS;

static void
remove_home (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (home);

  remove_tree (folder);
  g_clear_pointer (&home, g_free);
}

/**
 * ui_test_init:
 * @argc: the address of main()'s argc
 * @argv: the address of main()'s argv
 * @name: the test's name, as "ui-shell", for its temporary folder
 *
 * Points XDG_CACHE_HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and
 * ROLLOUT_CACHE_DIR at a fresh temporary folder, never the user's (before
 * anything reads them), initializes GTest and GTK, and registers a
 * #RolloutApplication that opens files and need not be unique.
 *
 * Without a display, prints a TAP plan that skips everything, removes the
 * folder and exits: with status 0 under `--tap` (the harness reads the
 * plan), 77 ("skipped") otherwise.
 *
 * Returns: (transfer none): the application, until ui_test_run() returns
 */
RolloutApplication *
ui_test_init (int          *argc,
              char       ***argv,
              const char   *name)
{
  static const char * const vars[] = { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };
  g_autofree char *template = g_strdup_printf ("rollout-%s-XXXXXX", name);
  g_autofree char *cache = NULL;
  g_autoptr(GError) error = NULL;
  gboolean tap = FALSE;

  g_assert (application == NULL);

  for (int i = 1; i < *argc; i++)
    tap |= g_str_equal ((*argv)[i], "--tap");

  home = g_dir_make_tmp (template, NULL);
  g_assert (home != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_setenv (vars[i], dir, TRUE);
    }
  cache = g_build_filename (home, "cache", NULL);
  g_setenv ("ROLLOUT_CACHE_DIR", cache, TRUE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      /* 77 is the usual "skipped"; a TAP harness reads the plan line. */
      g_print ("1..0 # SKIP no display\n");
      remove_home ();
      exit (tap ? 0 : 77);
    }

  application = rollout_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  return application;
}

/**
 * ui_test_run:
 *
 * Runs the tests added since ui_test_init(), then closes every window,
 * drops the application and removes the temporary folder.
 *
 * Returns: the status for main() to return
 */
int
ui_test_run (void)
{
  int status = g_test_run ();

  close_everything ();
  g_clear_object (&application);
  remove_home ();
  return status;
}

/**
 * ui_test_set_deadline:
 * @seconds: how long wait_for() waits from now on
 *
 * For tests whose conditions take long to come true (a large export).
 */
void
ui_test_set_deadline (guint seconds)
{
  g_assert_cmpuint (seconds, >, 0);
  deadline_seconds = seconds;
}

/* Main loop ------------------------------------------------------------------ */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * wait_for:
 * @condition: what to wait for
 * @data: passed to @condition
 *
 * Runs the main loop until @condition holds, or the deadline passes
 * (%UI_TEST_DEADLINE_SECONDS, or what ui_test_set_deadline() set). A
 * timer wakes the loop every 10 ms, so conditions that no event announces
 * are looked at too. Use it in place of sleeps, inside g_assert_true():
 * when the deadline passes, the test's log says how long it waited.
 *
 * Returns: whether @condition holds
 */
gboolean
wait_for (Condition     condition,
          gconstpointer data)
{
  gint64 deadline = g_get_monotonic_time () + deadline_seconds * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean held;

  while (!(held = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  if (!held)
    g_test_message ("gave up waiting after %u seconds", deadline_seconds);
  return held;
}

/**
 * drain:
 *
 * Lets every pending source run (layouts, refreshes, idles), without
 * waiting for more.
 */
void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * close_everything:
 *
 * Destroys every toplevel, plan windows and dialogs alike, without asking
 * to save (as a crash would), and lets what that starts finish.
 */
void
close_everything (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Destroying a window destroys its dialogs too: hold them all first. */
  g_list_foreach (toplevels, (GFunc) g_object_ref, NULL);
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);
  drain ();
}

/**
 * remove_tree:
 * @file: a file or folder
 *
 * Deletes @file and, if it is a folder, everything in it, without following
 * links. What cannot be deleted is left.
 */
void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) &&
         child != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

/* Plans ---------------------------------------------------------------------- */

/**
 * demo_file:
 *
 * Returns: (transfer full): the demo plan in ROLLOUT_DATADIR
 */
GFile *
demo_file (void)
{
  return g_file_new_build_filename (g_getenv ("ROLLOUT_DATADIR"), "demo",
                                    "scooter-reservations.rollout", NULL);
}

/**
 * open_and_wait:
 * @file: a plan
 * @title: the title its window will have
 *
 * Opens @file as the Open action does, and waits for its window.
 *
 * Returns: (transfer none): the window
 */
RolloutWindow *
open_and_wait (GFile      *file,
               const char *title)
{
  rollout_application_open_file (application, file, NULL);
  g_assert_true (wait_for (window_titled_exists, title));
  return find_window_titled (title);
}

/**
 * open_demo:
 *
 * Opens the demo plan and waits for its window.
 *
 * Returns: (transfer none): the window
 */
RolloutWindow *
open_demo (void)
{
  g_autoptr(GFile) demo = demo_file ();

  return open_and_wait (demo, DEMO_NAME);
}

/**
 * copy_to_temp:
 * @source: the path of a plan
 * @out_dir: (out): the new folder, to free and remove
 *
 * Returns: (transfer full): a copy of @source, as plan.rollout in a new
 *   temporary folder that holds nothing else
 */
GFile *
copy_to_temp (const char  *source,
              char       **out_dir)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rollout-ui-XXXXXX", NULL);
  g_autofree char *path = NULL;
  GFile *copy;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "plan.rollout", NULL);
  copy = g_file_new_for_path (path);
  g_assert_true (g_file_copy (from, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  *out_dir = dir;
  return copy;
}

/* Windows -------------------------------------------------------------------- */

/**
 * find_window_titled:
 * @title: a window title, with its "• " if the plan has unsaved changes
 *
 * Returns: (transfer none) (nullable): the application's window titled
 *   @title
 */
RolloutWindow *
find_window_titled (const char *title)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (ROLLOUT_IS_WINDOW (l->data) &&
        g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      return l->data;
  return NULL;
}

/**
 * window_titled_exists:
 * @title: (type utf8): a window title
 *
 * A #Condition for wait_for().
 *
 * Returns: whether find_window_titled() finds a window titled @title
 */
gboolean
window_titled_exists (gconstpointer title)
{
  return find_window_titled (title) != NULL;
}

/**
 * count_plan_windows:
 *
 * Returns: how many of the application's windows show a plan (not the
 *   welcome page)
 */
guint
count_plan_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    n += ROLLOUT_IS_WINDOW (l->data) && rollout_window_get_document (l->data) != NULL;
  return n;
}

/**
 * find_toplevel:
 * @type: a #GtkWindow type
 * @parent: (nullable): the window it must be transient for, or %NULL for
 *   any
 *
 * Returns: (transfer none) (nullable): a visible toplevel of @type
 */
GtkWindow *
find_toplevel (GType      type,
               GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
        gtk_widget_get_visible (l->data) &&
        (parent == NULL || gtk_window_get_transient_for (l->data) == parent))
      return l->data;
  return NULL;
}

/**
 * toplevel_exists:
 * @type: a #GType, as GSIZE_TO_POINTER()
 *
 * A #Condition for wait_for().
 *
 * Returns: whether a visible toplevel of @type shows
 */
gboolean
toplevel_exists (gconstpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type), NULL) != NULL;
}

/**
 * toplevel_gone:
 * @type: a #GType, as GSIZE_TO_POINTER()
 *
 * A #Condition for wait_for().
 *
 * Returns: whether no toplevel of @type shows
 */
gboolean
toplevel_gone (gconstpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type), NULL) == NULL;
}

/* Widgets -------------------------------------------------------------------- */

/**
 * find_widget:
 * @widget: where to look
 * @match: what to look for
 * @data: passed to @match
 *
 * The other finders are made of this one; a test's own can be too.
 *
 * Returns: (transfer none) (nullable): @widget or the first of its
 *   descendants, depth first and shown or not, for which @match holds
 */
GtkWidget *
find_widget (GtkWidget     *widget,
             Match          match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/**
 * find_by_type:
 * @widget: where to look
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): @widget or the first of its
 *   descendants of @type, depth first, shown or not
 */
GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  return find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/**
 * collect_by_type:
 * @widget: where to look
 * @type: a widget type
 * @found: (element-type GtkWidget): where to add them
 *
 * Adds @widget, if it is of @type, and every descendant of @type, shown or
 * not, to @found, depth first.
 */
void
collect_by_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_by_type (c, type, found);
}

static gboolean
runs_action (GtkWidget     *widget,
             gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/**
 * find_actionable:
 * @widget: where to look
 * @action: an action name, as "win.save"
 *
 * Returns: (transfer none) (nullable): the first button (or other
 *   actionable) under @widget that activates @action, shown or not
 */
GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  return find_widget (widget, runs_action, action);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/**
 * find_button:
 * @widget: where to look
 * @label: a button label, with its mnemonic underscore
 *
 * Returns: (transfer none) (nullable): the first visible button under
 *   @widget labelled @label
 */
GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return find_widget (widget, is_button_labelled, label);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/**
 * find_row:
 * @widget: where to look
 * @title: a row title
 *
 * Returns: (transfer none) (nullable): the first #AdwActionRow under
 *   @widget titled @title, shown or not
 */
GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  return find_widget (widget, is_row_titled, title);
}

/**
 * find_drop_target:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): @widget's first #GtkDropTarget, to
 *   emit #GtkDropTarget::drop on as a drag ending there would
 */
GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0, n = g_list_model_get_n_items (controllers); i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* The widget holds it: it outlives this reference. */
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/**
 * widget_mapped:
 * @widget: (type GtkWidget): a widget
 *
 * A #Condition for wait_for().
 *
 * Returns: whether @widget is mapped (shown, in a shown window)
 */
gboolean
widget_mapped (gconstpointer widget)
{
  return gtk_widget_get_mapped ((GtkWidget *) widget);
}

/**
 * widget_unmapped:
 * @widget: (type GtkWidget): a widget
 *
 * A #Condition for wait_for().
 *
 * Returns: whether @widget is not mapped
 */
gboolean
widget_unmapped (gconstpointer widget)
{
  return !gtk_widget_get_mapped ((GtkWidget *) widget);
}

static char *saved_language;
static char *saved_domain;

/**
 * speak:
 * @language: (nullable): a language of po/, as "de", or %NULL for English
 *
 * Widgets made after this speak @language, from the catalogue the build
 * compiled from po/; %NULL goes back to what was spoken before. gettext
 * reads LANGUAGE on every call; textdomain() makes it forget what it
 * translated before.
 */
void
speak (const char *language)
{
  if (language != NULL)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *mo = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
      if (saved_domain == NULL)
        {
          saved_language = g_strdup (g_getenv ("LANGUAGE"));
          saved_domain = g_strdup (textdomain (NULL));
        }
      g_setenv ("LANGUAGE", language, TRUE);
      bindtextdomain (GETTEXT_PACKAGE, dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      return;
    }
  if (saved_domain == NULL)
    return;
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  textdomain (saved_domain);
  g_clear_pointer (&saved_language, g_free);
  g_clear_pointer (&saved_domain, g_free);
}

/**
 * forget_window_size:
 *
 * Resets the window size the settings kept, so that a test that made its
 * window bigger leaves the next ones their usual size.
 */
void
forget_window_size (void)
{
  GSettings *settings = rollout_application_get_settings (application);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

/* Screenshots ----------------------------------------------------------------- */

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_passed (gconstpointer data)
{
  return *(const guint *) data >= 3;
}

/**
 * save_window:
 * @window: a window on screen
 * @path: where to write the PNG
 *
 * Saves what @window shows, after a few frames so that everything is laid
 * out and drawn, as GTK renders it.
 */
void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;
  guint frames = 0;
  guint tick;

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  g_assert_true (wait_for (frames_passed, &frames));
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);

  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d×%d)", path, width, height);
}

/* Pressing keys --------------------------------------------------------------- */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     state)
{
  GdkModifierType mask = gtk_accelerator_get_default_mod_mask ();

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state);
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval) &&
           (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) & mask) == (state & mask);
  /* Mnemonics and the rest are not pressed here. */
  return FALSE;
}

/* Runs what @widget's controllers of @phase do with the key, pressed or
 * released. */
static gboolean
dispatch_key (GtkWidget           *widget,
              GtkPropagationPhase  phase,
              guint                keyval,
              GdkModifierType      state,
              gboolean             released)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      /* Buttons act when Space is let go. */
      if (released)
        {
          if (GTK_IS_EVENT_CONTROLLER_KEY (controller) && !GTK_IS_TEXT (widget))
            g_signal_emit_by_name (controller, "key-released", keyval, 0, state);
          continue;
        }

      /* A text field's own controller feeds the input method, which needs
       * a real event: its key bindings below do the rest. */
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) && !GTK_IS_TEXT (widget))
        {
          gboolean handled = FALSE;

          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          if (handled)
            return TRUE;
        }
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        {
          GListModel *shortcuts = G_LIST_MODEL (controller);

          for (guint k = 0; k < g_list_model_get_n_items (shortcuts); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, k);

              if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, state) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                widget, gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * press:
 * @window: a window
 * @keyval: a key, as %GDK_KEY_Tab
 * @state: the modifiers held
 *
 * Presses and lets go @keyval in @window, as GTK delivers a key: capture
 * from the top of the focus widget's surface down to it, then the widget
 * itself, then bubbling back up, through every key and shortcut
 * controller on the way. (GTK 4 has no public way to make a key event,
 * and Xvfb has no XTest here.)
 *
 * Returns: whether something took the key
 */
gboolean
press (GtkWindow       *window,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  /* Held: the key may close what it went to (Escape on a dialog). */
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean handled = FALSE;

  /* A key press shows where the focus is, as GtkWindow does. */
  gtk_window_set_focus_visible (window, TRUE);
  if (focus == NULL)
    focus = GTK_WIDGET (window);
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_ptr_array_add (path, g_object_ref (w));
      /* A popover is a surface of its own: keys in it stay in it. */
      if (GTK_IS_NATIVE (w))
        break;
    }

  for (guint i = path->len; i > 0 && !handled; i--)
    handled = dispatch_key (g_ptr_array_index (path, i - 1), GTK_PHASE_CAPTURE, keyval, state, FALSE);
  if (!handled)
    handled = dispatch_key (focus, GTK_PHASE_TARGET, keyval, state, FALSE);
  for (guint i = 0; i < path->len && !handled; i++)
    handled = dispatch_key (g_ptr_array_index (path, i), GTK_PHASE_BUBBLE, keyval, state, FALSE);

  /* The key goes up again, where it went down, if that is still there. */
  if (gtk_widget_get_root (focus) != NULL)
    {
      for (guint i = path->len; i > 0; i--)
        dispatch_key (g_ptr_array_index (path, i - 1), GTK_PHASE_CAPTURE, keyval, state, TRUE);
      dispatch_key (focus, GTK_PHASE_TARGET, keyval, state, TRUE);
      for (guint i = 0; i < path->len; i++)
        dispatch_key (g_ptr_array_index (path, i), GTK_PHASE_BUBBLE, keyval, state, TRUE);
    }
  drain ();
  return handled;
}

/* Accessible names ------------------------------------------------------------- */

/* Whether @widget shows text of its own: a label, or labels inside it. */
gboolean
has_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget)) != NULL && *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_text (c))
      return TRUE;
  return FALSE;
}

gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
         has_text (widget);
}

/* The widget that speaks for @widget: parts of a composite (the text of
 * an entry, the button of a menu button, …) are named by their whole. */
GtkWidget *
named_by (GtkWidget *widget)
{
  static GType composites[9];
  GtkWidget *w = widget;

  if (composites[0] == 0)
    {
      composites[0] = GTK_TYPE_MENU_BUTTON;
      composites[1] = GTK_TYPE_SPIN_BUTTON;
      composites[2] = GTK_TYPE_SEARCH_ENTRY;
      composites[3] = GTK_TYPE_ENTRY;
      composites[4] = GTK_TYPE_DROP_DOWN;
      composites[5] = ADW_TYPE_ENTRY_ROW;
      composites[6] = ADW_TYPE_SPLIT_BUTTON;
      composites[7] = GTK_TYPE_PASSWORD_ENTRY;
      composites[8] = ADW_TYPE_COMBO_ROW;
    }
  for (guint depth = 0; w != NULL && depth < 4; depth++, w = gtk_widget_get_parent (w))
    for (guint i = 0; i < G_N_ELEMENTS (composites); i++)
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, composites[i]))
        return w;
  return widget;
}

gboolean
is_interactive (GtkWidget *widget)
{
  return gtk_widget_get_focusable (widget) ||
         (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL);
}

/**
 * accessibility_on:
 *
 * Returns: whether GTK keeps accessible names and roles to check: not
 *   with `GTK_A11Y=none` (as build-aux/sanitize.sh runs the tests)
 */
gboolean
accessibility_on (void)
{
  return g_strcmp0 (g_getenv ("GTK_A11Y"), "none") != 0;
}
