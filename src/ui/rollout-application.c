/* rollout-application.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application: one window per open plan, the app-wide actions and every
 * keyboard shortcut, the settings and the cache shared by all windows.
 *
 * Opening a plan always goes through rollout_application_open_file(): from
 * the file chooser, the command line, a drop, the welcome page and the
 * recent list alike. A plan that is already open only brings its window to
 * the front. Reading happens in a worker thread; a file that is not a valid
 * plan opens nothing and explains why in a dialog. A plan that a git merge
 * left with conflicts opens with the dialog that resolves them.
 */

#define G_LOG_DOMAIN "rollout-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rollout-application.h"
#include "rollout-file-chooser.h"
#include "rollout-format.h"
#include "rollout-problems-dialog.h"
#include "rollout-window.h"

struct _RolloutApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  RolloutCache   *cache;

  /* Files being read, so that opening one twice reads it once. */
  GPtrArray      *loading;
};

G_DEFINE_FINAL_TYPE (RolloutApplication, rollout_application, ADW_TYPE_APPLICATION)

enum {
  RECENTS_CHANGED,
  DRAFTS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Every shortcut of the application, in one place; each is listed in
 * gtk/help-overlay.ui. Most work wherever the focus is. The others edit the
 * plan with keys that text fields use too (Delete, Ctrl+Z): the window
 * handles those only when the focus is not in a field that takes them. */
static const RolloutShortcut shortcuts[] = {
  { "win.new-plan", { "<Control>n", NULL }, TRUE },
  { "app.new-window", { "<Control><Shift>n", NULL }, TRUE },
  { "app.open", { "<Control>o", NULL }, TRUE },
  { "app.quit", { "<Control>q", NULL }, TRUE },
  { "app.shortcuts", { "<Control>question", NULL }, TRUE },
  { "win.save", { "<Control>s", NULL }, TRUE },
  { "win.save-as", { "<Control><Shift>s", NULL }, TRUE },
  { "win.print", { "<Control>p", NULL }, TRUE },
  { "window.close", { "<Control>w", NULL }, TRUE },
  { "win.find", { "<Control>f", NULL }, TRUE },
  { "win.show-view(1)", { "<Alt>1", NULL }, TRUE },
  { "win.show-view(2)", { "<Alt>2", NULL }, TRUE },
  { "win.show-view(3)", { "<Alt>3", NULL }, TRUE },
  { "win.show-view(4)", { "<Alt>4", NULL }, TRUE },
  { "win.show-view(5)", { "<Alt>5", NULL }, TRUE },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL }, TRUE },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL }, TRUE },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL }, TRUE },
  { "win.add-task", { "<Control>t", NULL }, TRUE },
  { "win.add-milestone", { "<Control>m", NULL }, TRUE },
  { "win.add-phase", { "<Control><Shift>t", NULL }, TRUE },
  /* GtkApplication binds Ctrl+? to this itself; app.shortcuts has it. */
  { "win.show-help-overlay", { NULL }, TRUE },
  { "win.undo", { "<Control>z", NULL }, FALSE },
  { "win.redo", { "<Control><Shift>z", NULL }, FALSE },
  { "win.edit", { "F2", NULL }, FALSE },
  { "win.delete", { "Delete", "KP_Delete", NULL }, FALSE },
  { "win.move-earlier", { "<Alt>Left", NULL }, FALSE },
  { "win.move-later", { "<Alt>Right", NULL }, FALSE },
  { "win.move-up", { "<Alt>Up", NULL }, FALSE },
  { "win.move-down", { "<Alt>Down", NULL }, FALSE },
  { "win.shorten", { "<Alt><Shift>Left", NULL }, FALSE },
  { "win.lengthen", { "<Alt><Shift>Right", NULL }, FALSE },
  { "win.link", { "<Control>l", NULL }, FALSE },
};

/* How the cache names a plan: a path for a local file, else a URI. */
static char *
location_of (GFile *file)
{
  char *path = g_file_get_path (file);

  return path != NULL ? path : g_file_get_uri (file);
}

static gboolean
is_empty_window (GtkWindow *window)
{
  return ROLLOUT_IS_WINDOW (window) &&
         rollout_window_get_document (ROLLOUT_WINDOW (window)) == NULL;
}

static GtkWindow *
new_window (RolloutApplication *self)
{
  GtkWindow *window = GTK_WINDOW (rollout_window_new (self));

  gtk_window_present (window);
  return window;
}

typedef struct
{
  RolloutApplication *app;
  GFile              *file;
  GWeakRef            into;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->app);
  g_clear_object (&request->file);
  g_weak_ref_clear (&request->into);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

/* A plan just opened may have unsaved changes from an earlier session: the
 * window offers them back when they are newer than the file; an older
 * draft holds nothing the file lacks and goes. */
static void
offer_draft (RolloutApplication *self,
             RolloutWindow      *window,
             RolloutDocument    *document)
{
  g_autofree char *location = rollout_document_dup_location (document);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cache == NULL || location == NULL)
    return;
  drafts = rollout_cache_list_drafts (self->cache, &error);
  if (drafts == NULL)
    {
      g_message ("Could not list the drafts: %s", error->message);
      return;
    }
  for (guint i = 0; i < drafts->len; i++)
    {
      RolloutDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (draft->key, location) != 0)
        continue;
      if (draft->recoverable)
        rollout_window_offer_draft (window, draft);
      else if (!rollout_cache_delete_draft (self->cache, draft->key, &error))
        g_message ("Could not delete an old draft of “%s”: %s", location, error->message);
      break;
    }
}

typedef struct
{
  RolloutApplication *app;
  GWeakRef            window;
  RolloutDocument    *document;
} AfterOpen;

static AfterOpen *
after_open_new (RolloutApplication *app,
                RolloutWindow      *window,
                RolloutDocument    *document)
{
  AfterOpen *after = g_new0 (AfterOpen, 1);

  after->app = g_object_ref (app);
  g_weak_ref_init (&after->window, window);
  after->document = g_object_ref (document);
  return after;
}

static void
after_open_free (AfterOpen *after)
{
  g_clear_object (&after->app);
  g_weak_ref_clear (&after->window);
  g_clear_object (&after->document);
  g_free (after);
}

/* Records the plan in the recent plans, and offers its draft if it has
 * one, once it shows. */
static gboolean
after_open_cb (gpointer data)
{
  AfterOpen *after = data;
  g_autoptr(RolloutWindow) window = g_weak_ref_get (&after->window);

  rollout_application_remember (after->app, after->document);
  if (window != NULL && rollout_window_get_document (window) == after->document)
    offer_draft (after->app, window, after->document);
  return G_SOURCE_REMOVE;
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  RolloutApplication *self = request->app;
  g_autoptr(RolloutDocument) document = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWindow) into = g_weak_ref_get (&request->into);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *window;

  g_ptr_array_remove (self->loading, request->file);
  document = rollout_document_load_finish (result, &diagnostics, &error);

  if (document == NULL)
    {
      GtkWidget *dialog;

      /* The dialog needs a window; a failed open from the command line
       * gets the welcome window. */
      window = into != NULL ? into : active != NULL ? active : new_window (self);
      dialog = rollout_problems_dialog_new (window, request->file, error, diagnostics);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if ((window = rollout_application_find_window (self, request->file)) != NULL)
    gtk_window_present (window);
  else
    {
      if (into != NULL && is_empty_window (into))
        window = into;
      else if (active != NULL && is_empty_window (active))
        window = active;
      else
        window = GTK_WINDOW (rollout_window_new (self));
      rollout_window_set_document (ROLLOUT_WINDOW (window), document);
      gtk_window_present (window);
      /* A git merge left decisions to make: show them. */
      if (rollout_document_get_n_conflicts (document) > 0)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.resolve-conflicts", NULL);
      /* The cache can wait until the plan is on screen. */
      g_idle_add_full (G_PRIORITY_LOW, after_open_cb, after_open_new (self, ROLLOUT_WINDOW (window), document),
                       (GDestroyNotify) after_open_free);
    }

  g_application_release (G_APPLICATION (self));
}

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RolloutApplication) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = rollout_file_chooser_open_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not choose a plan: %s", error->message);
      return;
    }
  rollout_application_open_file (self, file, GTK_WINDOW (object));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  new_window (user_data);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RolloutApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  rollout_file_chooser_open_async (parent, NULL, open_chosen_cb, g_object_ref (self));
}

static void
open_location_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RolloutApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  rollout_application_open_file (self, file,
                                  gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RolloutApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Rollout"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Rollout developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://example.com/rollout",
                        "comments", _("Plan phased feature roll-outs: phases, tasks, go/no-go gates, risks and the metrics that decide them."),
                        "copyright", "© 2026 The Rollout developers",
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "open", open_action },
  { "open-location", open_location_action, "s" },
  { "quit", quit_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
};

static void
rollout_application_startup (GApplication *application)
{
  RolloutApplication *self = ROLLOUT_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (rollout_application_parent_class)->startup (application);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    if (shortcuts[i].in_text)
      gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                             shortcuts[i].action,
                                             shortcuts[i].accels);

  self->settings = g_settings_new (APPLICATION_ID);

  /* Run from the source tree, the application's icons are not installed:
   * find them beside the demo plan. */
  {
    const char *datadir = g_getenv ("ROLLOUT_DATADIR");
    GdkDisplay *display = gdk_display_get_default ();

    if (datadir != NULL && *datadir != '\0' && display != NULL)
      {
        g_autofree char *icons = g_build_filename (datadir, "icons", NULL);

        gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (display), icons);
      }
  }

  /* The cache only adds convenience (recent plans, drafts): go on
   * without it. $ROLLOUT_CACHE_DIR picks another folder. */
  self->cache = rollout_cache_open (NULL, &error);
  if (self->cache == NULL)
    g_message ("Recent plans and drafts are not available: %s", error->message);
}

static void
rollout_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = new_window (ROLLOUT_APPLICATION (application));
  gtk_window_present (window);
}

static void
rollout_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    rollout_application_open_file (ROLLOUT_APPLICATION (application), files[i], NULL);
}

static void
rollout_application_dispose (GObject *object)
{
  RolloutApplication *self = ROLLOUT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->loading, g_ptr_array_unref);

  G_OBJECT_CLASS (rollout_application_parent_class)->dispose (object);
}

static void
rollout_application_class_init (RolloutApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rollout_application_dispose;

  app_class->startup = rollout_application_startup;
  app_class->activate = rollout_application_activate;
  app_class->open = rollout_application_open;

  /**
   * RolloutApplication::recents-changed:
   *
   * The list of recent plans in the cache changed.
   */
  signals [RECENTS_CHANGED] =
    g_signal_new ("recents-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RolloutApplication::drafts-changed:
   *
   * A draft was recovered or discarded.
   */
  signals [DRAFTS_CHANGED] =
    g_signal_new ("drafts-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rollout_application_init (RolloutApplication *self)
{
  self->loading = g_ptr_array_new_with_free_func (g_object_unref);
}

RolloutApplication *
rollout_application_new (void)
{
  return g_object_new (ROLLOUT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
rollout_application_get_settings (RolloutApplication *self)
{
  g_return_val_if_fail (ROLLOUT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * rollout_application_get_cache:
 * @self: a #RolloutApplication
 *
 * Returns: (transfer none) (nullable): the cache, or %NULL when it could
 *   not be opened
 */
RolloutCache *
rollout_application_get_cache (RolloutApplication *self)
{
  g_return_val_if_fail (ROLLOUT_IS_APPLICATION (self), NULL);

  return self->cache;
}

/**
 * rollout_application_dup_demo_file:
 * @self: a #RolloutApplication
 *
 * The demo plan: in `$ROLLOUT_DATADIR/demo` when that is set (running from
 * the source tree), else where it is installed.
 *
 * Returns: (transfer full): the demo plan's file
 */
GFile *
rollout_application_dup_demo_file (RolloutApplication *self)
{
  const char *datadir = g_getenv ("ROLLOUT_DATADIR");

  if (datadir == NULL || *datadir == '\0')
    datadir = PKGDATADIR;
  return g_file_new_build_filename (datadir, "demo", "scooter-reservations.rollout", NULL);
}

/**
 * rollout_application_find_window:
 * @self: a #RolloutApplication
 * @file: a plan's file
 *
 * Returns: (transfer none) (nullable): the window that has @file open
 */
GtkWindow *
rollout_application_find_window (RolloutApplication *self,
                                 GFile              *file)
{
  g_return_val_if_fail (ROLLOUT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      RolloutDocument *document;
      GFile *open;

      if (!ROLLOUT_IS_WINDOW (l->data))
        continue;
      document = rollout_window_get_document (l->data);
      open = document != NULL ? rollout_document_get_file (document) : NULL;
      if (open != NULL && g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}

/**
 * rollout_application_open_file:
 * @self: a #RolloutApplication
 * @file: the plan to open
 * @into: (nullable): the window that asked; the plan replaces its welcome
 *   page when it shows one
 *
 * Opens @file in a window of its own, or presents the window that already
 * has it. The file is read in a worker thread; when it is not a valid plan
 * nothing opens and a dialog lists the problems.
 */
void
rollout_application_open_file (RolloutApplication *self,
                               GFile              *file,
                               GtkWindow          *into)
{
  OpenRequest *request;
  GtkWindow *window;

  g_return_if_fail (ROLLOUT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (into == NULL || GTK_IS_WINDOW (into));

  if ((window = rollout_application_find_window (self, file)) != NULL)
    {
      gtk_window_present (window);
      return;
    }
  for (guint i = 0; i < self->loading->len; i++)
    if (g_file_equal (g_ptr_array_index (self->loading, i), file))
      return;

  request = g_new0 (OpenRequest, 1);
  request->app = g_object_ref (self);
  request->file = g_object_ref (file);
  g_weak_ref_init (&request->into, into);
  g_ptr_array_add (self->loading, g_object_ref (file));

  /* Keeps the application alive when it was started to open files. */
  g_application_hold (G_APPLICATION (self));
  rollout_document_load_async (file, NULL, document_loaded_cb, request);
}

/**
 * rollout_application_remember:
 * @self: a #RolloutApplication
 * @document: a plan that was just opened or saved
 *
 * Records @document in the recent plans.
 */
void
rollout_application_remember (RolloutApplication *self,
                              RolloutDocument    *document)
{
  g_autofree char *location = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;
  guint64 size = 0;
  gint64 mtime = 0;

  g_return_if_fail (ROLLOUT_IS_APPLICATION (self));
  g_return_if_fail (ROLLOUT_IS_DOCUMENT (document));

  file = rollout_document_get_file (document);
  if (file == NULL)
    return;

  /* Also in the desktop's recent files, for file choosers and the shell. */
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);

  if (self->cache == NULL)
    return;

  location = location_of (file);
  if (!rollout_cache_stat_location (location, &size, &mtime, &error) ||
      !rollout_cache_record_opened (self->cache, location,
                                    rollout_document_get_project (document),
                                    size, mtime, rollout_today (), &error))
    {
      g_message ("Could not add “%s” to the recent plans: %s", location, error->message);
      return;
    }
  g_signal_emit (self, signals [RECENTS_CHANGED], 0);
}

/**
 * rollout_application_forget_recent:
 * @self: a #RolloutApplication
 * @location: a location from the recent plans
 *
 * Removes @location from the recent plans. The file is not touched.
 */
void
rollout_application_forget_recent (RolloutApplication *self,
                                   const char         *location)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ROLLOUT_IS_APPLICATION (self));
  g_return_if_fail (location != NULL);

  if (self->cache == NULL)
    return;
  if (!rollout_cache_remove_recent (self->cache, location, &error))
    g_message ("Could not remove “%s” from the recent plans: %s", location, error->message);
  g_signal_emit (self, signals [RECENTS_CHANGED], 0);
}

/**
 * rollout_application_get_shortcuts:
 * @n_shortcuts: (out): how many there are
 *
 * Returns: (array length=n_shortcuts): every keyboard shortcut
 */
const RolloutShortcut *
rollout_application_get_shortcuts (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

/* Whether a window of this process has the plan a draft is of. */
static gboolean
draft_is_open (RolloutApplication *self,
               const RolloutDraft *draft)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      RolloutDocument *document;
      g_autofree char *location = NULL;

      if (!ROLLOUT_IS_WINDOW (l->data) ||
          (document = rollout_window_get_document (l->data)) == NULL)
        continue;
      location = rollout_document_dup_location (document);
      if (g_strcmp0 (rollout_document_get_draft_key (document), draft->key) == 0 ||
          g_strcmp0 (location, draft->key) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * rollout_application_list_drafts:
 * @self: a #RolloutApplication
 *
 * The drafts to offer back: unsaved changes that no saved file has and
 * that no window of this process has open.
 *
 * Returns: (transfer full) (element-type RolloutDraft): the drafts, newest
 *   first; empty without a cache
 */
GPtrArray *
rollout_application_list_drafts (RolloutApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *offered;

  g_return_val_if_fail (ROLLOUT_IS_APPLICATION (self), NULL);

  offered = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_draft_free);
  if (self->cache == NULL)
    return offered;
  drafts = rollout_cache_list_drafts (self->cache, &error);
  if (drafts == NULL)
    {
      g_message ("Could not list the drafts: %s", error->message);
      return offered;
    }
  for (guint i = 0; i < drafts->len; i++)
    {
      RolloutDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->recoverable && !draft_is_open (self, draft))
        g_ptr_array_add (offered, rollout_draft_copy (draft));
    }
  return offered;
}

/**
 * rollout_application_recover_draft:
 * @self: a #RolloutApplication
 * @draft: a draft from rollout_application_list_drafts()
 * @into: (nullable): the window that asked; the plan replaces what it
 *   shows when that is the welcome page or the same plan
 *
 * Opens the plan as the draft has it, with its changes unsaved.
 */
void
rollout_application_recover_draft (RolloutApplication *self,
                                   const RolloutDraft *draft,
                                   GtkWindow          *into)
{
  g_autoptr(RolloutDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RolloutDocument *shown;
  GtkWindow *window = into;

  g_return_if_fail (ROLLOUT_IS_APPLICATION (self));
  g_return_if_fail (draft != NULL);

  if (self->cache == NULL)
    return;
  document = rollout_document_new_from_draft (self->cache, draft, &error);
  if (document == NULL)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (into, _("Could Not Recover the Changes"), NULL));
      adw_message_dialog_format_body (dialog, "%s", error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  shown = window != NULL && ROLLOUT_IS_WINDOW (window) ? rollout_window_get_document (ROLLOUT_WINDOW (window)) : NULL;
  if (window == NULL || !ROLLOUT_IS_WINDOW (window) ||
      (shown != NULL &&
       (rollout_document_get_file (shown) == NULL || rollout_document_get_file (document) == NULL ||
        !g_file_equal (rollout_document_get_file (shown), rollout_document_get_file (document)))))
    window = GTK_WINDOW (rollout_window_new (self));
  rollout_window_set_document (ROLLOUT_WINDOW (window), document);
  gtk_window_present (window);
  g_signal_emit (self, signals [DRAFTS_CHANGED], 0);
}

/**
 * rollout_application_discard_draft:
 * @self: a #RolloutApplication
 * @key: the key of a draft
 *
 * Deletes the draft: its changes are lost.
 */
void
rollout_application_discard_draft (RolloutApplication *self,
                                   const char         *key)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ROLLOUT_IS_APPLICATION (self));
  g_return_if_fail (key != NULL);

  if (self->cache == NULL)
    return;
  if (!rollout_cache_delete_draft (self->cache, key, &error))
    g_message ("Could not delete the draft “%s”: %s", key, error->message);
  g_signal_emit (self, signals [DRAFTS_CHANGED], 0);
}
