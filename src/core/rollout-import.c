/* rollout-import.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing plans from other tools.
 *
 * Reading is one streaming pass of libxml2's xmlTextReader over the file:
 * the reader keeps only the element it is on, so memory follows the size of
 * the plan, not of the file, and a file is never read whole when it comes
 * from a GFile. External entities and DTDs are never loaded (no NOENT, no
 * DTDLOAD, NONET), HUGE is off so libxml2's own limits on text and entity
 * expansion hold, and elements nested more than 256 deep are refused.
 *
 * The root element names the format. Each format's reader
 * (rollout-import-mspdi.c, -gan.c, -planner.c) turns what it sees into one
 * neutral plan: tasks in document order with their outline level, links
 * with their type and lag in the unit the file used, resources, groups,
 * assignments and a calendar. This file turns that plan into a
 * RolloutProject, the same way for every format:
 *
 *  - level-1 summary tasks become phases; deeper summaries disappear, their
 *    names kept as the outline path in their tasks' notes; top-level tasks
 *    outside any summary go to one extra phase;
 *  - durations and lags become whole working days, rounded up, with a note
 *    on the task when rounding changed them;
 *  - links to and from summary tasks are spread over the summary's tasks,
 *    which is how the other tools schedule them;
 *  - each task's first (or responsible) resource becomes its owner, the
 *    resource's group its team;
 *  - the plan is validated and scheduled, and where the file stored the
 *    other tool's computed dates, they are compared with Rollout's.
 *
 * Whatever cannot be represented is counted and reported, never dropped in
 * silence.
 */

#define G_LOG_DOMAIN "rollout-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "rollout-file.h"
#include "rollout-import-private.h"
#include "rollout-scheduler.h"

#define MAX_ATTRS 64
#define MAX_LISTED 10

#define MSPDI_NAMESPACE "http://schemas.microsoft.com/project"

/**
 * RolloutImportReport:
 *
 * What an import brought in (a one-line summary), what the file had that
 * Rollout could not represent or had to convert, the problems left out with
 * a warning, and how Rollout's schedule compares with the dates the other
 * tool stored.
 */
struct _RolloutImportReport
{
  GObject parent_instance;

  RolloutImportFormat format;
  char *summary;
  GPtrArray *notes;
  GPtrArray *warnings;
  guint dates_compared;
  guint dates_matching;
  GPtrArray *date_differences;
};

G_DEFINE_FINAL_TYPE (RolloutImportReport, rollout_import_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (rollout-import-error-quark, rollout_import_error)

struct _ImportXml
{
  xmlTextReaderPtr  reader;
  const char       *stack[ROLLOUT_IMPORT_MAX_DEPTH + 1];
  int               depth;
  int               line;
  GString          *text;
  const char       *attr_names[MAX_ATTRS];
  char             *attr_values[MAX_ATTRS];
  int               n_attrs;
  const char       *hint;       /* file name, to tell .gan from .planner */

  /* The first error libxml2 reported. */
  char             *parse_error;
  int               parse_error_line;
};

/* Report ----------------------------------------------------------------- */

static void
rollout_import_report_finalize (GObject *object)
{
  RolloutImportReport *self = (RolloutImportReport *) object;

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->date_differences, g_ptr_array_unref);

  G_OBJECT_CLASS (rollout_import_report_parent_class)->finalize (object);
}

static void
rollout_import_report_class_init (RolloutImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_import_report_finalize;
}

static void
rollout_import_report_init (RolloutImportReport *self)
{
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->date_differences = g_ptr_array_new_with_free_func (g_free);
}

/**
 * rollout_import_report_get_format:
 * @self: a #RolloutImportReport
 *
 * Returns: the format the plan was imported from
 */
RolloutImportFormat
rollout_import_report_get_format (RolloutImportReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), ROLLOUT_IMPORT_FORMAT_UNKNOWN);

  return self->format;
}

/**
 * rollout_import_report_get_summary:
 * @self: a #RolloutImportReport
 *
 * Returns: one sentence on what came in: "From MS Project XML: 5 phases,
 *   40 tasks, …"
 */
const char *
rollout_import_report_get_summary (RolloutImportReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), NULL);

  return self->summary;
}

/**
 * rollout_import_report_get_notes:
 * @self: a #RolloutImportReport
 *
 * Returns: (transfer none) (element-type utf8): what the file had that
 *   Rollout could not represent, or converted, one sentence each
 */
GPtrArray *
rollout_import_report_get_notes (RolloutImportReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), NULL);

  return self->notes;
}

/**
 * rollout_import_report_get_warnings:
 * @self: a #RolloutImportReport
 *
 * Returns: (transfer none) (element-type utf8): problems in the file that
 *   were left out so the rest could come in, each with its line
 */
GPtrArray *
rollout_import_report_get_warnings (RolloutImportReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), NULL);

  return self->warnings;
}

/**
 * rollout_import_report_get_dates_compared:
 * @self: a #RolloutImportReport
 *
 * Returns: how many tasks had dates stored by the other tool to compare
 *   Rollout's schedule with
 */
guint
rollout_import_report_get_dates_compared (RolloutImportReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), 0);

  return self->dates_compared;
}

/**
 * rollout_import_report_get_dates_matching:
 * @self: a #RolloutImportReport
 *
 * Returns: how many of those Rollout scheduled on the same days
 */
guint
rollout_import_report_get_dates_matching (RolloutImportReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), 0);

  return self->dates_matching;
}

/**
 * rollout_import_report_get_date_differences:
 * @self: a #RolloutImportReport
 *
 * Returns: (transfer none) (element-type utf8): the first few tasks whose
 *   dates differ, in words
 */
GPtrArray *
rollout_import_report_get_date_differences (RolloutImportReport *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), NULL);

  return self->date_differences;
}

/**
 * rollout_import_report_format_comparison:
 * @self: a #RolloutImportReport
 *
 * Returns: (transfer full) (nullable): "41 of 42 task dates match the
 *   source schedule; 1 differs: …", or %NULL when the file stored no dates
 */
char *
rollout_import_report_format_comparison (RolloutImportReport *self)
{
  guint differ;
  GString *text;

  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), NULL);

  if (self->dates_compared == 0)
    return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u task dates match the source schedule",
                                       "%u of %u task dates match the source schedule",
                                       self->dates_compared),
                          self->dates_matching, self->dates_compared);
  differ = self->dates_compared - self->dates_matching;
  if (differ == 0)
    {
      g_string_append_c (text, '.');
      return g_string_free (text, FALSE);
    }

  g_string_append (text, "; ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u differs", "%u differ", differ), differ);
  g_string_append (text, ": ");
  for (guint i = 0; i < self->date_differences->len; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, g_ptr_array_index (self->date_differences, i));
    }
  if (differ > self->date_differences->len)
    g_string_append_printf (text, _("; and %u more"), differ - self->date_differences->len);
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/**
 * rollout_import_report_to_string:
 * @self: a #RolloutImportReport
 *
 * The whole report as text for people: the summary, the schedule
 * comparison, then what was not imported and the warnings, one per line.
 *
 * Returns: (transfer full): the report
 */
char *
rollout_import_report_to_string (RolloutImportReport *self)
{
  g_autofree char *comparison = NULL;
  GString *text;

  g_return_val_if_fail (ROLLOUT_IS_IMPORT_REPORT (self), NULL);

  text = g_string_new (self->summary);
  g_string_append_c (text, '\n');
  comparison = rollout_import_report_format_comparison (self);
  if (comparison != NULL)
    g_string_append_printf (text, "%s\n", comparison);
  if (self->notes->len > 0)
    {
      g_string_append_printf (text, "%s\n", _("Not imported or converted:"));
      for (guint i = 0; i < self->notes->len; i++)
        g_string_append_printf (text, "  • %s\n", (const char *) g_ptr_array_index (self->notes, i));
    }
  if (self->warnings->len > 0)
    {
      g_string_append_printf (text, "%s\n", _("Warnings:"));
      for (guint i = 0; i < self->warnings->len; i++)
        g_string_append_printf (text, "  • %s\n", (const char *) g_ptr_array_index (self->warnings, i));
    }
  return g_string_free (text, FALSE);
}

/**
 * rollout_import_format_get_name:
 * @format: a #RolloutImportFormat
 *
 * Returns: the format's name for people ("MS Project XML")
 */
const char *
rollout_import_format_get_name (RolloutImportFormat format)
{
  switch (format)
    {
    case ROLLOUT_IMPORT_FORMAT_MSPDI:
      return _("MS Project XML");
    case ROLLOUT_IMPORT_FORMAT_GANTTPROJECT:
      return _("GanttProject");
    case ROLLOUT_IMPORT_FORMAT_PLANNER:
      return _("GNOME Planner");
    case ROLLOUT_IMPORT_FORMAT_UNKNOWN:
    default:
      return _("unknown format");
    }
}

/* Errors and warnings ------------------------------------------------------ */

void
_rollout_import_fail (Importer   *imp,
                      ImportXml  *xml,
                      int         code,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (imp->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (xml != NULL && xml->depth > 0)
    /* Translators: "line 12: <Task>: missing <UID>" */
    imp->error = g_error_new (ROLLOUT_IMPORT_ERROR, code, _("line %d: <%s>: %s"),
                              xml->line, xml->stack[xml->depth - 1], message);
  else
    imp->error = g_error_new_literal (ROLLOUT_IMPORT_ERROR, code, message);
}

void
_rollout_import_warn (Importer   *imp,
                      int         line,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  imp->n_warnings++;
  if (imp->warnings->len >= 2 * MAX_LISTED)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_ptr_array_add (imp->warnings, g_strdup_printf (_("line %d: %s"), line, message));
  else
    g_ptr_array_add (imp->warnings, g_steal_pointer (&message));
}

/* The walker ----------------------------------------------------------------- */

const char *
_rollout_import_xml_name (ImportXml *xml)
{
  return xml->depth > 0 ? xml->stack[xml->depth - 1] : NULL;
}

const char *
_rollout_import_xml_parent (ImportXml *xml)
{
  return xml->depth > 1 ? xml->stack[xml->depth - 2] : NULL;
}

gboolean
_rollout_import_xml_inside (ImportXml  *xml,
                            const char *ancestor)
{
  for (int i = xml->depth - 2; i >= 0; i--)
    if (strcmp (xml->stack[i], ancestor) == 0)
      return TRUE;
  return FALSE;
}

int
_rollout_import_xml_depth (ImportXml *xml)
{
  return xml->depth;
}

int
_rollout_import_xml_line (ImportXml *xml)
{
  return xml->line;
}

const char *
_rollout_import_xml_attr (ImportXml  *xml,
                          const char *name)
{
  for (int i = 0; i < xml->n_attrs; i++)
    if (strcmp (xml->attr_names[i], name) == 0)
      return xml->attr_values[i];
  return NULL;
}

static void
clear_attrs (ImportXml *xml)
{
  for (int i = 0; i < xml->n_attrs; i++)
    g_clear_pointer (&xml->attr_values[i], g_free);
  xml->n_attrs = 0;
}

static void
read_attrs (ImportXml *xml)
{
  clear_attrs (xml);
  while (xmlTextReaderMoveToNextAttribute (xml->reader) == 1 && xml->n_attrs < MAX_ATTRS)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (xml->reader);
      const char *value = (const char *) xmlTextReaderConstValue (xml->reader);

      /* Names come from the reader's dictionary and live as long as it. */
      if (name == NULL || xmlTextReaderIsNamespaceDecl (xml->reader) == 1)
        continue;
      xml->attr_names[xml->n_attrs] = name;
      xml->attr_values[xml->n_attrs] = g_strdup (value ? value : "");
      xml->n_attrs++;
    }
  xmlTextReaderMoveToElement (xml->reader);
}

static void
#if LIBXML_VERSION >= 21200
structured_error_cb (void *user_data, const xmlError *error)
#else
structured_error_cb (void *user_data, xmlErrorPtr error)
#endif
{
  ImportXml *xml = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR || xml->parse_error != NULL)
    return;
  /* libxml2 quotes the input, cut at a byte count: possibly in the middle
   * of a character, or not UTF-8 at all. Messages must be UTF-8. */
  xml->parse_error = g_strchomp (g_utf8_make_valid (error->message ? error->message : "", -1));
  xml->parse_error_line = error->line;
}

/* libxml2's unstructured messages repeat what the structured ones say. */
static void
silent_error_cb (void       *user_data,
                 const char *format,
                 ...)
{
}

static gboolean
extension_is (const char *hint,
              const char *ext)
{
  return hint != NULL && g_str_has_suffix (hint, ext);
}

/* The format, from the root element (and, for the two formats whose root
 * is <project>, its attributes). */
static RolloutImportFormat
detect_root (ImportXml *xml)
{
  const char *name = xml->stack[0];
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (xml->reader);

  if (strcmp (name, "Project") == 0 && (ns == NULL || strcmp (ns, MSPDI_NAMESPACE) == 0))
    return ROLLOUT_IMPORT_FORMAT_MSPDI;
  if (strcmp (name, "project") != 0 || ns != NULL)
    return ROLLOUT_IMPORT_FORMAT_UNKNOWN;

  if (_rollout_import_xml_attr (xml, "mrproject-version") != NULL)
    return ROLLOUT_IMPORT_FORMAT_PLANNER;
  if (_rollout_import_xml_attr (xml, "version") != NULL || _rollout_import_xml_attr (xml, "view-date") != NULL ||
      _rollout_import_xml_attr (xml, "view-index") != NULL || _rollout_import_xml_attr (xml, "webLink") != NULL)
    return ROLLOUT_IMPORT_FORMAT_GANTTPROJECT;
  if (_rollout_import_xml_attr (xml, "project-start") != NULL || _rollout_import_xml_attr (xml, "manager") != NULL)
    return ROLLOUT_IMPORT_FORMAT_PLANNER;
  /* Neither tool's marks: only the file name can tell. */
  if (extension_is (xml->hint, ".planner") || extension_is (xml->hint, ".mrproject"))
    return ROLLOUT_IMPORT_FORMAT_PLANNER;
  if (extension_is (xml->hint, ".gan"))
    return ROLLOUT_IMPORT_FORMAT_GANTTPROJECT;
  return ROLLOUT_IMPORT_FORMAT_UNKNOWN;
}

static int
reader_options (void)
{
  /* Deliberately no XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
   * XML_PARSE_XINCLUDE or XML_PARSE_HUGE. */
  return XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
}

static void
begin_format (Importer  *imp,
              ImportXml *xml)
{
  imp->format = detect_root (xml);
  switch (imp->format)
    {
    case ROLLOUT_IMPORT_FORMAT_MSPDI:
      _rollout_import_mspdi_begin (imp, xml);
      break;
    case ROLLOUT_IMPORT_FORMAT_GANTTPROJECT:
      _rollout_import_gan_begin (imp, xml);
      break;
    case ROLLOUT_IMPORT_FORMAT_PLANNER:
      _rollout_import_planner_begin (imp, xml);
      break;
    case ROLLOUT_IMPORT_FORMAT_UNKNOWN:
    default:
      if (strcmp (xml->stack[0], "project") == 0)
        _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_UNKNOWN_FORMAT,
                     _("cannot tell whether this is a GanttProject or a Planner file: "
                       "the root element has neither a “version” nor an “mrproject-version” attribute"));
      else
        _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_UNKNOWN_FORMAT,
                     _("not a plan Rollout can import: the root element must be <Project> "
                       "(MS Project XML) or <project> (GanttProject, Planner)"));
      break;
    }
}

static void
end_element (Importer  *imp,
             ImportXml *xml)
{
  if (imp->error == NULL && imp->handler.end != NULL)
    {
      g_strstrip (xml->text->str);
      xml->text->len = strlen (xml->text->str);
      imp->handler.end (imp, xml, xml->text->str);
    }
  g_string_truncate (xml->text, 0);
  xml->depth--;
}

/* Walks the whole document, or stops at the first error. With
 * @detect_only, stops after the root element. */
static void
walk (Importer         *imp,
      xmlTextReaderPtr  reader,
      const char       *hint,
      gboolean          detect_only)
{
  ImportXml xml = { 0 };
  xmlStructuredErrorFunc old_handler = xmlStructuredError;
  void *old_context = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_generic = xmlGenericError;
  void *old_generic_context = xmlGenericErrorContext;
  int ret;

  xml.reader = reader;
  xml.text = g_string_new (NULL);
  xml.hint = hint;
  xmlTextReaderSetStructuredErrorHandler (reader, structured_error_cb, &xml);
  /* Some errors (a failed character conversion of a file in an encoding
   * it does not hold) are raised outside the parser's context and went to
   * the thread's own handler: libxml2 printed them on stderr, and the
   * import failed with "the document ends too early" at line 0. Catch
   * them here too (the handlers are per thread), until the walk ends,
   * and keep the push parser's unstructured complaints off stderr. */
  xmlSetStructuredErrorFunc (&xml, structured_error_cb);
  xmlSetGenericErrorFunc (NULL, silent_error_cb);

  while (imp->error == NULL && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          {
            gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
            const char *name = (const char *) xmlTextReaderConstLocalName (reader);

            xml.line = xmlGetLineNo (xmlTextReaderCurrentNode (reader));
            if (xml.depth >= ROLLOUT_IMPORT_MAX_DEPTH)
              {
                _rollout_import_fail (imp, &xml, ROLLOUT_IMPORT_ERROR_SYNTAX,
                             _("elements are nested more than %d deep"), ROLLOUT_IMPORT_MAX_DEPTH);
                break;
              }
            xml.stack[xml.depth++] = name;
            g_string_truncate (xml.text, 0);
            read_attrs (&xml);

            if (xml.depth == 1)
              {
                begin_format (imp, &xml);
                if (detect_only)
                  goto out;
              }
            if (imp->error == NULL && imp->handler.start != NULL)
              imp->handler.start (imp, &xml);
            if (empty)
              end_element (imp, &xml);
          }
          break;

        case XML_READER_TYPE_END_ELEMENT:
          xml.line = xmlGetLineNo (xmlTextReaderCurrentNode (reader));
          end_element (imp, &xml);
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          {
            const char *value = (const char *) xmlTextReaderConstValue (reader);
            gsize length = value ? strlen (value) : 0;

            if (xml.depth == 0)
              break;
            if (xml.text->len + length > IMPORT_MAX_TEXT)
              {
                _rollout_import_fail (imp, &xml, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                             _("the text is longer than %d MiB"), IMPORT_MAX_TEXT / (1024 * 1024));
                break;
              }
            g_string_append_len (xml.text, value, length);
          }
          break;

        case XML_READER_TYPE_ENTITY_REFERENCE:
          /* Never expanded: what an entity stands for is not read. */
          imp->tally[TALLY_ENTITIES]++;
          break;

        default:
          break;
        }
    }

  if (imp->error == NULL && ret < 0)
    {
      const char *element = xml.depth > 0 ? xml.stack[xml.depth - 1] : NULL;
      int line = xml.parse_error_line > 0 ? xml.parse_error_line : xml.line;
      const char *what = xml.parse_error ? xml.parse_error : _("the document ends too early");

      /* Errors raised outside the parser's context carry no line, and
       * there may be no element yet: where the parser stopped, then. */
      if (line <= 0)
        line = MAX (xmlTextReaderGetParserLineNumber (reader), 1);

      if (g_str_has_prefix (what, "Excessive depth"))
        imp->error = g_error_new (ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX,
                                  _("line %d: elements are nested more than %d deep"),
                                  line, ROLLOUT_IMPORT_MAX_DEPTH);
      else if (element != NULL)
        imp->error = g_error_new (ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX,
                                  _("line %d: malformed XML inside <%s>: %s"), line, element, what);
      else
        imp->error = g_error_new (ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX,
                                  _("line %d: malformed XML: %s"), line, what);
    }
  else if (imp->error == NULL && imp->format == ROLLOUT_IMPORT_FORMAT_UNKNOWN && !detect_only)
    imp->error = g_error_new_literal (ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX,
                                      _("the file holds no XML element"));

out:
  xmlSetStructuredErrorFunc (old_context, old_handler);
  xmlSetGenericErrorFunc (old_generic_context, old_generic);
  clear_attrs (&xml);
  g_string_free (xml.text, TRUE);
  g_free (xml.parse_error);
}

/* Neutral plan ------------------------------------------------------------- */

static void
import_task_free (ImportTask *task)
{
  g_free (task->key);
  g_free (task->name);
  g_free (task->notes);
  g_free (task->preferred_id);
  g_free (task);
}

static void
import_resource_free (ImportResource *resource)
{
  g_free (resource->key);
  g_free (resource->name);
  g_free (resource->group);
  g_free (resource);
}

static void
import_group_free (ImportGroup *group)
{
  g_free (group->key);
  g_free (group->name);
  g_free (group->lead);
  g_free (group);
}

static void
import_link_clear (ImportLink *link)
{
  g_free (link->successor);
  g_free (link->predecessor);
}

static void
import_assignment_clear (ImportAssignment *assignment)
{
  g_free (assignment->task);
  g_free (assignment->resource);
}

static Importer *
importer_new (const char *filename)
{
  Importer *imp = g_new0 (Importer, 1);

  imp->holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);
  imp->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) import_task_free);
  imp->links = g_array_new (FALSE, TRUE, sizeof (ImportLink));
  g_array_set_clear_func (imp->links, (GDestroyNotify) import_link_clear);
  imp->resources = g_ptr_array_new_with_free_func ((GDestroyNotify) import_resource_free);
  imp->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) import_group_free);
  imp->assignments = g_array_new (FALSE, TRUE, sizeof (ImportAssignment));
  g_array_set_clear_func (imp->assignments, (GDestroyNotify) import_assignment_clear);
  imp->warnings = g_ptr_array_new_with_free_func (g_free);
  imp->day_start = 8 * 60;
  imp->day_end = 17 * 60;

  if (filename != NULL)
    {
      g_autofree char *base = g_path_get_basename (filename);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      if (*base != '\0' && g_utf8_validate (base, -1, NULL))
        imp->fallback_name = g_steal_pointer (&base);
    }
  return imp;
}

static void
importer_free (Importer *imp)
{
  if (imp->state != NULL && imp->handler.free != NULL)
    imp->handler.free (imp->state);
  g_clear_error (&imp->error);
  g_free (imp->name);
  g_free (imp->description);
  g_free (imp->owner);
  g_free (imp->fallback_name);
  g_ptr_array_unref (imp->holidays);
  g_ptr_array_unref (imp->tasks);
  g_array_unref (imp->links);
  g_ptr_array_unref (imp->resources);
  g_ptr_array_unref (imp->groups);
  g_array_unref (imp->assignments);
  g_ptr_array_unref (imp->warnings);
  g_free (imp);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Importer, importer_free)

ImportTask *
_rollout_import_add_task (Importer   *imp,
                          ImportXml  *xml,
                          const char *key)
{
  ImportTask *task;

  if (imp->tasks->len >= ROLLOUT_IMPORT_MAX_TASKS)
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                   _("more than %d tasks"), ROLLOUT_IMPORT_MAX_TASKS);
      return NULL;
    }
  task = g_new0 (ImportTask, 1);
  task->key = g_strdup (key);
  task->line = xml ? xml->line : 0;
  task->level = 1;
  task->days = -1;
  task->status = -1;
  g_ptr_array_add (imp->tasks, task);
  return task;
}

void
_rollout_import_add_link (Importer         *imp,
                          const ImportLink *link)
{
  ImportLink copy = *link;

  if (imp->links->len >= IMPORT_MAX_LINKS)
    {
      if (imp->error == NULL)
        imp->error = g_error_new (ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                                  _("line %d: more than %d dependencies"), link->line, IMPORT_MAX_LINKS);
      return;
    }
  copy.successor = g_strdup (link->successor);
  copy.predecessor = g_strdup (link->predecessor);
  g_array_append_val (imp->links, copy);
}

ImportResource *
_rollout_import_add_resource (Importer   *imp,
                              ImportXml  *xml,
                              const char *key,
                              const char *name)
{
  ImportResource *resource;

  if (imp->resources->len >= ROLLOUT_IMPORT_MAX_TASKS)
    {
      _rollout_import_fail (imp, xml, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                   _("more than %d resources"), ROLLOUT_IMPORT_MAX_TASKS);
      return NULL;
    }
  resource = g_new0 (ImportResource, 1);
  resource->key = g_strdup (key);
  resource->name = g_strdup (name);
  resource->line = xml ? xml->line : 0;
  g_ptr_array_add (imp->resources, resource);
  return resource;
}

void
_rollout_import_add_group (Importer   *imp,
                           const char *key,
                           const char *name,
                           const char *lead)
{
  ImportGroup *group;

  if (imp->groups->len >= ROLLOUT_IMPORT_MAX_TASKS)
    return;
  group = g_new0 (ImportGroup, 1);
  group->key = g_strdup (key);
  group->name = g_strdup (name);
  group->lead = g_strdup (lead);
  g_ptr_array_add (imp->groups, group);
}

void
_rollout_import_add_assignment (Importer               *imp,
                                const ImportAssignment *assignment)
{
  ImportAssignment copy = *assignment;

  if (imp->assignments->len >= IMPORT_MAX_LINKS)
    {
      if (imp->error == NULL)
        imp->error = g_error_new (ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                                  _("line %d: more than %d resource assignments"),
                                  assignment->line, IMPORT_MAX_LINKS);
      return;
    }
  copy.task = g_strdup (assignment->task);
  copy.resource = g_strdup (assignment->resource);
  g_array_append_val (imp->assignments, copy);
}

void
_rollout_import_add_holidays (Importer    *imp,
                              RolloutDate  first,
                              RolloutDate  last,
                              const char  *name)
{
  if (first == ROLLOUT_DATE_NONE || last < first)
    return;
  if (last - first >= IMPORT_MAX_HOLIDAY_RANGE)
    {
      _rollout_import_warn (imp, 0, _("a non-working period of %u days is too long; it was left out"),
                   last - first + 1);
      return;
    }
  for (RolloutDate d = first; d <= last; d++)
    {
      if (imp->holidays->len >= IMPORT_MAX_HOLIDAYS)
        {
          _rollout_import_warn (imp, 0, _("more than %d holidays; the rest were left out"), IMPORT_MAX_HOLIDAYS);
          return;
        }
      g_ptr_array_add (imp->holidays, rollout_holiday_new (d, name && *name ? name : NULL));
    }
}

/* Parsing helpers ------------------------------------------------------------ */

gboolean
_rollout_import_parse_int (const char *text,
                           gint64      min,
                           gint64      max,
                           gint64     *out)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '+')
    memmove (copy, copy + 1, strlen (copy));
  return g_ascii_string_to_signed (copy, 10, min, max, out, NULL);
}

gboolean
_rollout_import_parse_double (const char *text,
                              double     *out)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  while (end && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
_rollout_import_parse_bool (const char *text)
{
  return text != NULL && (strcmp (text, "1") == 0 || g_ascii_strcasecmp (text, "true") == 0);
}

static gboolean
digits (const char *text,
        int         n,
        int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* "2026-02-02", "2026-02-02T08:00:00" (MSPDI) or "20260202T080000Z"
 * (Planner). Sets @out_minutes to the time of day, or -1 when there is
 * none. Time zones are not applied: both tools mean the wall clock. */
gboolean
_rollout_import_parse_datetime (const char  *text,
                                RolloutDate *out_date,
                                int         *out_minutes)
{
  int y, m, d, hh = 0, mm = 0;
  const char *time = NULL;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;

  if (digits (text, 4, &y) && text[4] == '-' && digits (text + 5, 2, &m) &&
      text[7] == '-' && digits (text + 8, 2, &d))
    {
      if (text[10] == 'T' || text[10] == ' ')
        {
          time = text + 11;
          if (!digits (time, 2, &hh) || time[2] != ':' || !digits (time + 3, 2, &mm))
            return FALSE;
        }
      else if (text[10] != '\0')
        return FALSE;
    }
  else if (digits (text, 4, &y) && digits (text + 4, 2, &m) && digits (text + 6, 2, &d))
    {
      if (text[8] == 'T')
        {
          time = text + 9;
          if (!digits (time, 2, &hh) || !digits (time + 2, 2, &mm))
            return FALSE;
        }
      else if (text[8] != '\0')
        return FALSE;
    }
  else
    return FALSE;

  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y) ||
      hh > 24 || mm > 59)
    return FALSE;
  *out_date = rollout_date_from_ymd (y, m, d);
  if (out_minutes != NULL)
    *out_minutes = time ? hh * 60 + mm : -1;
  return TRUE;
}

/* "08:00:00" (MSPDI) or "0800" (Planner). */
gboolean
_rollout_import_parse_clock (const char *text,
                             int        *out_minutes)
{
  int hh, mm;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (digits (text, 2, &hh) && text[2] == ':' && digits (text + 3, 2, &mm))
    ;
  else if (digits (text, 2, &hh) && digits (text + 2, 2, &mm))
    ;
  else
    return FALSE;
  if (hh > 24 || mm > 59)
    return FALSE;
  *out_minutes = hh * 60 + mm;
  return TRUE;
}

/* The working day a task starting at @date, @minutes starts on in
 * Rollout's terms: work starting at the end of a day starts the next. */
RolloutDate
_rollout_import_start_date (Importer    *imp,
                            RolloutDate  date,
                            int          minutes)
{
  if (date == ROLLOUT_DATE_NONE)
    return date;
  if (minutes >= imp->day_end)
    date++;
  return date;
}

/* The day work finishing at @date, @minutes last happens on: work that
 * ends at the start of a day ended the day before. */
RolloutDate
_rollout_import_finish_date (Importer    *imp,
                             RolloutDate  date,
                             int          minutes)
{
  if (date == ROLLOUT_DATE_NONE)
    return date;
  if (minutes >= 0 && minutes <= imp->day_start && date > 1)
    date--;
  return date;
}

/* Ids --------------------------------------------------------------------- */

/* An id from the source's key, valid and unique among @used. */
static char *
make_id (GHashTable *used,
         const char *prefix,
         const char *preferred,
         const char *key)
{
  g_autoptr(GString) base = g_string_new (prefix);
  char *candidate;

  if (preferred != NULL && rollout_id_is_valid (preferred) && !g_hash_table_contains (used, preferred))
    {
      g_hash_table_add (used, g_strdup (preferred));
      return g_strdup (preferred);
    }

  if (key != NULL && *key != '\0')
    {
      g_string_append_c (base, '-');
      for (const char *p = key; *p && base->len < 48; p++)
        {
          if (g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-')
            g_string_append_c (base, *p);
          else if (base->str[base->len - 1] != '-')
            g_string_append_c (base, '-');
        }
    }

  candidate = g_strdup (base->str);
  for (guint n = 2; g_hash_table_contains (used, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base->str, n);
    }
  g_hash_table_add (used, g_strdup (candidate));
  return candidate;
}

static char *
slug (const char *name)
{
  g_autofree char *ascii = name ? g_str_to_ascii (name, "C") : NULL;
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; p && *p && out->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "imported-plan");
  return g_string_free (out, FALSE);
}

/* Building the project --------------------------------------------------- */

typedef struct {
  Importer        *imp;
  RolloutProject  *project;
  RolloutCalendar *calendar;
  GHashTable      *index;       /* key → task position + 1 */
  guint            n;
  int             *end;         /* a summary's subtree is (i, end[i]) */
  gboolean        *summary;
  int             *phase;       /* the phase each task belongs to, or -1 */
  RolloutTask    **rtask;       /* NULL for summaries */
  GPtrArray      **notes;       /* per task: lines added while importing */
  GPtrArray       *phases;      /* RolloutPhase, in order */
  int              orphan_phase;
  GArray         **deps;        /* per task: ResolvedDep */
  GHashTable     **dep_index;   /* per task: predecessor position + 1 → dep position + 1 */
  guint            n_links;
} Builder;

typedef struct {
  guint                  pred;
  RolloutDependencyType  type;
  int                    lag;
  int                    line;
} ResolvedDep;

static void
builder_clear (Builder *b)
{
  for (guint i = 0; i < b->n; i++)
    {
      g_clear_object (&b->rtask[i]);
      g_clear_pointer (&b->notes[i], g_ptr_array_unref);
      g_clear_pointer (&b->deps[i], g_array_unref);
      g_clear_pointer (&b->dep_index[i], g_hash_table_unref);
    }
  g_clear_pointer (&b->index, g_hash_table_unref);
  g_clear_pointer (&b->end, g_free);
  g_clear_pointer (&b->summary, g_free);
  g_clear_pointer (&b->phase, g_free);
  g_clear_pointer (&b->rtask, g_free);
  g_clear_pointer (&b->notes, g_free);
  g_clear_pointer (&b->deps, g_free);
  g_clear_pointer (&b->dep_index, g_free);
  g_clear_pointer (&b->phases, g_ptr_array_unref);
  g_clear_object (&b->project);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static ImportTask *
task_at (Builder *b,
         guint    i)
{
  return g_ptr_array_index (b->imp->tasks, i);
}

static void
add_note (Builder    *b,
          guint       i,
          const char *format,
          ...) G_GNUC_PRINTF (3, 4);

static void
add_note (Builder    *b,
          guint       i,
          const char *format,
          ...)
{
  va_list args;

  if (b->notes[i] == NULL)
    b->notes[i] = g_ptr_array_new_with_free_func (g_free);
  va_start (args, format);
  g_ptr_array_add (b->notes[i], g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *
label (ImportTask *task)
{
  return task->name && *task->name ? task->name : task->key;
}

/* "2.5", "3", "0.25": for notes. */
static char *
format_days (double days)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4g", days));
}

static RolloutDate
working_on_or_after (RolloutCalendar *calendar,
                     RolloutDate      date)
{
  return rollout_calendar_from_index (calendar, rollout_calendar_to_index (calendar, date));
}

static RolloutDate
working_on_or_before (RolloutCalendar *calendar,
                      RolloutDate      date)
{
  if (rollout_calendar_is_working_day (calendar, date))
    return date;
  return rollout_calendar_from_index (calendar, rollout_calendar_to_index (calendar, date) - 1);
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const RolloutHoliday *x = *(RolloutHoliday * const *) a;
  const RolloutHoliday *y = *(RolloutHoliday * const *) b;

  return (x->date > y->date) - (x->date < y->date);
}

static void
build_calendar (Builder *b)
{
  Importer *imp = b->imp;
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_holiday_free);
  guint mask = imp->working_days & 0x7f;

  if (imp->working_days != 0 && mask == 0)
    _rollout_import_warn (imp, 0, _("the calendar has no working day in the week; Monday to Friday is used"));
  if (mask == 0)
    mask = ROLLOUT_WEEKDAYS_MON_FRI;
  rollout_calendar_set_working_days (b->calendar, mask);

  g_ptr_array_sort (imp->holidays, compare_holidays);
  for (guint i = 0; i < imp->holidays->len; i++)
    {
      RolloutHoliday *h = g_ptr_array_index (imp->holidays, i);

      if (holidays->len > 0 &&
          ((RolloutHoliday *) g_ptr_array_index (holidays, holidays->len - 1))->date == h->date)
        continue;
      g_ptr_array_add (holidays, rollout_holiday_copy (h));
    }
  rollout_calendar_set_holidays (b->calendar, holidays);
}

/* Summary flags, subtrees and phases from the outline levels. */
static gboolean
build_outline (Builder   *b,
               GError   **error)
{
  Importer *imp = b->imp;
  g_autofree guint *stack = g_new (guint, b->n + 1);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint sp = 0, n_orphans = 0, n_summary_phases = 0;
  int current_phase = -1;

  for (guint i = 0; i < b->n; i++)
    {
      ImportTask *task = task_at (b, i);

      while (sp > 0 && task_at (b, stack[sp - 1])->level >= task->level)
        b->end[stack[--sp]] = i;
      stack[sp++] = i;
      b->summary[i] = i + 1 < b->n && task_at (b, i + 1)->level > task->level;
    }
  while (sp > 0)
    b->end[stack[--sp]] = b->n;

  for (guint i = 0; i < b->n; i++)
    if (task_at (b, i)->level <= 1 && b->summary[i])
      n_summary_phases++;

  for (guint i = 0; i < b->n; i++)
    {
      ImportTask *task = task_at (b, i);

      /* A task deeper than level 1 before any level-1 one (an outline that
       * starts at level 2) has no phase either: it goes with the top-level
       * tasks outside any summary. Its phase was left at -1, which
       * build_tasks() read out of bounds. */
      if (task->level <= 1 || current_phase < 0)
        {
          if (task->level <= 1 && b->summary[i])
            {
              g_autofree char *id = make_id (used, "phase", task->preferred_id, task->key);
              g_autoptr(RolloutPhase) phase = rollout_phase_new (id);

              rollout_phase_set_name (phase, label (task));
              if (task->notes && *task->notes)
                rollout_phase_set_description (phase, task->notes);
              if (task->snet != ROLLOUT_DATE_NONE)
                rollout_phase_set_planned_start (phase, task->snet);
              if (task->percent >= 100)
                rollout_phase_set_status (phase, ROLLOUT_PHASE_STATUS_COMPLETED);
              else if (task->percent > 0)
                rollout_phase_set_status (phase, ROLLOUT_PHASE_STATUS_ACTIVE);
              current_phase = b->phases->len;
              g_ptr_array_add (b->phases, g_steal_pointer (&phase));
            }
          else
            {
              if (b->orphan_phase < 0)
                {
                  g_autofree char *id = make_id (used, "phase", NULL, "tasks");
                  g_autoptr(RolloutPhase) phase = rollout_phase_new (id);

                  rollout_phase_set_name (phase, n_summary_phases == 0 ? rollout_project_get_name (b->project)
                                                                       : _("Other tasks"));
                  b->orphan_phase = b->phases->len;
                  g_ptr_array_add (b->phases, g_steal_pointer (&phase));
                }
              current_phase = b->orphan_phase;
              if (!b->summary[i])
                n_orphans++;
            }
        }
      b->phase[i] = current_phase;
    }

  if (n_orphans > 0 && n_summary_phases > 0)
    imp->tally[TALLY_TOP_LEVEL_TASKS] = n_orphans;

  if (b->phases->len == 0 && b->n > 0)
    {
      g_set_error_literal (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_INVALID,
                           _("the plan has no tasks"));
      return FALSE;
    }
  return TRUE;
}

/* The leaves: one RolloutTask each. */
static gboolean
build_tasks (Builder  *b,
             GError  **error)
{
  Importer *imp = b->imp;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *path = g_new (guint, b->n + 1);
  guint depth = 0;
  guint per_week = 0;

  for (guint d = 0; d < 7; d++)
    per_week += (rollout_calendar_get_working_days (b->calendar) >> d) & 1;

  /* Preferred ids first, so that generated ones never take them. */
  for (guint i = 0; i < b->n; i++)
    {
      ImportTask *task = task_at (b, i);

      if (!b->summary[i] && task->preferred_id && rollout_id_is_valid (task->preferred_id) &&
          !g_hash_table_contains (used, task->preferred_id))
        g_hash_table_add (used, g_strdup (task->preferred_id));
      else
        g_clear_pointer (&task->preferred_id, g_free);
    }

  for (guint i = 0; i < b->n; i++)
    {
      ImportTask *task = task_at (b, i);
      g_autoptr(GString) notes = NULL;
      g_autofree char *id = NULL;
      RolloutTask *rtask;
      double days = task->days;
      int duration;
      RolloutDate snet = task->snet;

      /* The outline path of the summaries above, below the phase. */
      while (depth > 0 && task_at (b, path[depth - 1])->level >= task->level)
        depth--;
      if (b->summary[i])
        {
          /* Level-1 summaries are the phases themselves. */
          if (task->level > 1)
            path[depth++] = i;
          continue;
        }

      if (task->preferred_id != NULL)
        id = g_strdup (task->preferred_id);
      else
        id = make_id (used, "task", NULL, task->key);
      rtask = rollout_task_new (id);
      b->rtask[i] = rtask;

      rollout_task_set_name (rtask, label (task));
      rollout_task_set_phase_id (rtask, rollout_phase_get_id (g_ptr_array_index (b->phases, b->phase[i])));

      /* Duration, in whole working days. */
      if (task->elapsed && days > 0)
        {
          days = days * per_week / 7.0;
          imp->tally[TALLY_ELAPSED_DURATIONS]++;
        }
      if (days < 0)
        days = task->milestone ? 0 : 1;
      if (task->milestone && days > 0)
        imp->tally[TALLY_MILESTONE_WITH_DURATION]++;
      if (days > 10000)
        {
          g_autofree char *text = format_days (task->days);

          g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_INVALID,
                       _("line %d: task ‘%s’: a duration of %s days is out of range (at most 10000 working days)"),
                       task->line, label (task), text);
          return FALSE;
        }
      duration = (int) ceil (days - 1e-6);
      duration = MAX (duration, 0);
      if (fabs (duration - days) > 1e-6)
        {
          g_autofree char *text = format_days (days);

          add_note (b, i, _("Duration %s working days in the source, rounded up to %d."), text, duration);
          imp->tally[TALLY_ROUNDED_DURATIONS]++;
        }
      rollout_task_set_duration (rtask, duration);

      /* Constraints set on summaries hold for everything below them. */
      for (guint k = 0; k < depth; k++)
        {
          RolloutDate s = task_at (b, path[k])->snet;

          if (s != ROLLOUT_DATE_NONE && s > snet)
            snet = s;
        }
      if (snet != ROLLOUT_DATE_NONE)
        rollout_task_set_start_no_earlier_than (rtask, snet);

      task->percent = CLAMP (task->percent, 0, 100);
      rollout_task_set_progress (rtask, task->percent);
      if (task->status >= 0)
        rollout_task_set_status (rtask, task->status);
      else if (task->percent >= 100)
        rollout_task_set_status (rtask, ROLLOUT_TASK_STATUS_DONE);
      else if (task->percent > 0)
        rollout_task_set_status (rtask, ROLLOUT_TASK_STATUS_IN_PROGRESS);

      /* The outline path goes first in the notes. */
      notes = g_string_new (NULL);
      if (depth > 0)
        {
          g_autoptr(GString) outline = g_string_new (NULL);

          for (guint k = 0; k < depth; k++)
            {
              if (k > 0)
                g_string_append (outline, " › ");
              g_string_append (outline, label (task_at (b, path[k])));
            }
          g_string_append_printf (notes, _("Outline: %s"), outline->str);
        }
      if (task->notes && *task->notes)
        {
          if (notes->len > 0)
            g_string_append (notes, "\n\n");
          g_string_append (notes, task->notes);
        }
      if (notes->len > 0)
        rollout_task_set_notes (rtask, notes->str);
    }
  return TRUE;
}

static void
append_import_notes (Builder *b)
{
  for (guint i = 0; i < b->n; i++)
    {
      g_autoptr(GString) notes = NULL;
      const char *old;

      if (b->rtask[i] == NULL || b->notes[i] == NULL)
        continue;
      old = rollout_task_get_notes (b->rtask[i]);
      notes = g_string_new (old);
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      for (guint k = 0; k < b->notes[i]->len; k++)
        {
          if (k > 0)
            g_string_append_c (notes, '\n');
          g_string_append (notes, g_ptr_array_index (b->notes[i], k));
        }
      rollout_task_set_notes (b->rtask[i], notes->str);
    }
}

static void
add_resolved_dep (Builder               *b,
                  guint                  succ,
                  guint                  pred,
                  RolloutDependencyType  type,
                  int                    lag,
                  int                    line)
{
  ResolvedDep dep = { pred, type, lag, line };
  gpointer found;

  if (succ == pred)
    return;
  if (b->deps[succ] == NULL)
    {
      b->deps[succ] = g_array_new (FALSE, FALSE, sizeof (ResolvedDep));
      b->dep_index[succ] = g_hash_table_new (NULL, NULL);
    }
  found = g_hash_table_lookup (b->dep_index[succ], GUINT_TO_POINTER (pred + 1));
  if (found != NULL)
    {
      ResolvedDep *old = &g_array_index (b->deps[succ], ResolvedDep, GPOINTER_TO_UINT (found) - 1);

      if (old->type == type)
        {
          old->lag = MAX (old->lag, lag);
          b->imp->tally[TALLY_MERGED_LINKS]++;
        }
      else
        b->imp->tally[TALLY_CONFLICTING_LINKS]++;
      return;
    }
  g_array_append_val (b->deps[succ], dep);
  g_hash_table_insert (b->dep_index[succ], GUINT_TO_POINTER (pred + 1),
                       GUINT_TO_POINTER (b->deps[succ]->len));
  b->n_links++;
}

/* Whether leaf @leaf has a direct link with another task inside (lo, hi):
 * as successor (@incoming) or as predecessor. */
static gboolean
linked_inside (Builder  *b,
               guint     leaf,
               guint     lo,
               guint     hi,
               gboolean  incoming)
{
  if (incoming)
    {
      GArray *deps = b->deps[leaf];

      for (guint k = 0; deps && k < deps->len; k++)
        {
          guint p = g_array_index (deps, ResolvedDep, k).pred;

          if (p > lo && p < hi)
            return TRUE;
        }
      return FALSE;
    }

  for (guint s = lo + 1; s < hi; s++)
    if (b->dep_index[s] && g_hash_table_contains (b->dep_index[s], GUINT_TO_POINTER (leaf + 1)))
      return TRUE;
  return FALSE;
}

/* The tasks a link to or from summary @i stands for: every task below it
 * for the ends that count its finish (or, as successor, its start), and
 * only the first (or last) tasks of its subtree otherwise. */
static GArray *
summary_members (Builder  *b,
                 guint     i,
                 gboolean  all,
                 gboolean  entry)
{
  GArray *members = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = i + 1; k < (guint) b->end[i]; k++)
    {
      if (b->summary[k])
        continue;
      if (!all && linked_inside (b, k, i, b->end[i], entry))
        continue;
      g_array_append_val (members, k);
    }
  return members;
}

static gboolean
build_dependencies (Builder  *b,
                    GError  **error)
{
  Importer *imp = b->imp;
  guint per_week = 0;
  guint n_unknown = 0;

  for (guint d = 0; d < 7; d++)
    per_week += (rollout_calendar_get_working_days (b->calendar) >> d) & 1;

  /* Two passes: links between tasks first, so that links on summaries can
   * tell which tasks start and finish each summary. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint l = 0; l < imp->links->len; l++)
        {
          ImportLink *link = &g_array_index (imp->links, ImportLink, l);
          /* A link may name no task at all (a <predecessor> without a
           * "predecessor-id", a <depend> without an "id"): g_str_hash()
           * crashes on NULL, so such a link is one to an unknown task. */
          guint succ = link->successor != NULL
                       ? GPOINTER_TO_UINT (g_hash_table_lookup (b->index, link->successor)) : 0;
          guint pred = link->predecessor != NULL
                       ? GPOINTER_TO_UINT (g_hash_table_lookup (b->index, link->predecessor)) : 0;
          ImportTask *ts, *tp;
          double lag;
          int rounded;
          gboolean on_summary;

          if (succ == 0 || pred == 0)
            {
              if (pass == 0)
                {
                  const char *missing = succ == 0 ? link->successor : link->predecessor;

                  n_unknown++;
                  if (missing == NULL)
                    _rollout_import_warn (imp, link->line, _("<%s>: the dependency names no task; it was left out"),
                                          link->element);
                  else
                    _rollout_import_warn (imp, link->line, _("<%s>: no task with id “%s”; the dependency was left out"),
                                          link->element, missing);
                }
              continue;
            }
          succ--;
          pred--;
          on_summary = b->summary[succ] || b->summary[pred];
          if ((pass == 0) == on_summary)
            continue;
          ts = task_at (b, succ);
          tp = task_at (b, pred);

          if (succ == pred)
            {
              _rollout_import_warn (imp, link->line, _("<%s>: task ‘%s’ depends on itself; the dependency was left out"),
                           link->element, label (ts));
              continue;
            }

          switch (link->unit)
            {
            case LAG_CALENDAR_DAYS:
              lag = link->lag * per_week / 7.0;
              if (link->lag != 0)
                imp->tally[TALLY_ELAPSED_LAGS]++;
              break;
            case LAG_PERCENT:
              lag = link->lag / 100.0 * MAX (b->summary[pred] ? 0 : tp->days, 0);
              if (link->lag != 0)
                imp->tally[TALLY_PERCENT_LAGS]++;
              break;
            case LAG_WORKING_DAYS:
            default:
              lag = link->lag;
              break;
            }
          if (fabs (lag) > 10000)
            {
              g_autofree char *text = format_days (lag);

              g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_INVALID,
                           _("line %d: <%s>: a lag of %s working days is out of range (at most 10000)"),
                           link->line, link->element, text);
              return FALSE;
            }
          rounded = (int) ceil (lag - 1e-6);
          if (fabs (rounded - lag) > 1e-6)
            {
              g_autofree char *text = format_days (lag);

              if (!b->summary[succ])
                add_note (b, succ, _("Lag of %s working days after ‘%s’ rounded up to %d."),
                          text, label (tp), rounded);
              imp->tally[TALLY_ROUNDED_LAGS]++;
            }

          if (!on_summary)
            {
              add_resolved_dep (b, succ, pred, link->type, rounded, link->line);
              continue;
            }

          /* A summary predecessor finishes with its last task and starts
           * with its first; a summary successor starts (and finishes) no
           * earlier than the link allows for each of its tasks. */
          {
            g_autoptr(GArray) preds = NULL;
            g_autoptr(GArray) succs = NULL;
            gboolean pred_finish = link->type == ROLLOUT_DEPENDENCY_FS || link->type == ROLLOUT_DEPENDENCY_FF;
            gboolean succ_start = link->type == ROLLOUT_DEPENDENCY_FS || link->type == ROLLOUT_DEPENDENCY_SS;

            if (b->summary[pred])
              preds = summary_members (b, pred, pred_finish, TRUE);
            else
              {
                preds = g_array_new (FALSE, FALSE, sizeof (guint));
                g_array_append_val (preds, pred);
              }
            if (b->summary[succ])
              succs = summary_members (b, succ, succ_start, FALSE);
            else
              {
                succs = g_array_new (FALSE, FALSE, sizeof (guint));
                g_array_append_val (succs, succ);
              }
            if ((guint64) preds->len * succs->len > IMPORT_MAX_LINKS)
              {
                g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                             _("line %d: <%s>: the dependency between summary tasks ‘%s’ and ‘%s’ stands for too many dependencies"),
                             link->line, link->element, label (tp), label (ts));
                return FALSE;
              }
            imp->tally[TALLY_SUMMARY_LINKS]++;
            for (guint x = 0; x < succs->len; x++)
              for (guint y = 0; y < preds->len; y++)
                {
                  guint s = g_array_index (succs, guint, x);
                  guint p = g_array_index (preds, guint, y);

                  /* A summary's own tasks do not wait for it. */
                  if ((p > succ && p < (guint) b->end[succ]) || (s > pred && s < (guint) b->end[pred]))
                    continue;
                  add_resolved_dep (b, s, p, link->type, rounded, link->line);
                }
          }
        }
    }

  for (guint i = 0; i < b->n; i++)
    {
      g_autoptr(GPtrArray) deps = NULL;

      if (b->rtask[i] == NULL || b->deps[i] == NULL)
        continue;
      deps = g_ptr_array_new_with_free_func ((GDestroyNotify) rollout_dependency_free);
      for (guint k = 0; k < b->deps[i]->len; k++)
        {
          ResolvedDep *dep = &g_array_index (b->deps[i], ResolvedDep, k);

          if (b->rtask[dep->pred] == NULL)
            continue;
          g_ptr_array_add (deps, rollout_dependency_new (rollout_task_get_id (b->rtask[dep->pred]),
                                                         dep->type, dep->lag));
        }
      rollout_task_set_dependencies (b->rtask[i], deps);
    }
  return TRUE;
}

static void
build_teams_and_owners (Builder *b)
{
  Importer *imp = b->imp;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) group_team = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) resources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *best = NULL;
  g_autofree guint *count = NULL;

  /* Resource groups become teams, their work resources the members. */
  for (guint g = 0; g < imp->groups->len; g++)
    {
      ImportGroup *group = g_ptr_array_index (imp->groups, g);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(RolloutTeam) team = NULL;
      g_autofree char *id = NULL;
      g_autofree char *base = NULL;

      if (group->key == NULL || g_hash_table_contains (group_team, group->key))
        continue;
      for (guint r = 0; r < imp->resources->len; r++)
        {
          ImportResource *resource = g_ptr_array_index (imp->resources, r);

          if (resource->group && strcmp (resource->group, group->key) == 0 && resource->name &&
              *resource->name != '\0' && !resource->material)
            g_ptr_array_add (members, resource->name);
        }
      /* "engineering" reads better than "team-1". */
      base = slug (group->name ? group->name : group->key);
      if (rollout_id_is_valid (base) && strcmp (base, "imported-plan") != 0 && !g_hash_table_contains (used, base))
        {
          g_hash_table_add (used, g_strdup (base));
          id = g_strdup (base);
        }
      else
        id = make_id (used, "team", NULL, group->key);
      g_ptr_array_add (members, NULL);
      team = rollout_team_new (id);
      rollout_team_set_name (team, group->name && *group->name ? group->name : group->key);
      if (group->lead && *group->lead)
        rollout_team_set_lead (team, group->lead);
      if (members->len > 1)
        rollout_team_set_members (team, (const char * const *) members->pdata);
      rollout_project_insert_team (b->project, team, -1);
      g_hash_table_insert (group_team, group->key, (gpointer) rollout_team_get_id (team));
    }

  for (guint r = 0; r < imp->resources->len; r++)
    {
      ImportResource *resource = g_ptr_array_index (imp->resources, r);

      if (resource->key != NULL)
        g_hash_table_insert (resources, resource->key, resource);
      if (resource->material)
        imp->tally[TALLY_MATERIAL_RESOURCES]++;
    }

  /* Each task's owner: its responsible resource, or the first. */
  best = g_new (int, MAX (b->n, 1));
  count = g_new0 (guint, MAX (b->n, 1));
  for (guint i = 0; i < b->n; i++)
    best[i] = -1;
  for (guint a = 0; a < imp->assignments->len; a++)
    {
      ImportAssignment *as = &g_array_index (imp->assignments, ImportAssignment, a);
      guint t = as->task ? GPOINTER_TO_UINT (g_hash_table_lookup (b->index, as->task)) : 0;
      ImportResource *resource = as->resource ? g_hash_table_lookup (resources, as->resource) : NULL;

      if (t == 0)
        {
          _rollout_import_warn (imp, as->line, _("a resource assignment names no known task (“%s”); it was left out"),
                       as->task ? as->task : "");
          continue;
        }
      if (resource == NULL)
        {
          _rollout_import_warn (imp, as->line, _("a resource assignment names no known resource (“%s”); it was left out"),
                       as->resource ? as->resource : "");
          continue;
        }
      t--;
      if (b->rtask[t] == NULL)
        {
          imp->tally[TALLY_SUMMARY_ASSIGNMENTS]++;
          continue;
        }
      if (resource->material || resource->name == NULL || *resource->name == '\0')
        continue;
      if (fabs (as->units - 1.0) > 1e-6)
        imp->tally[TALLY_ASSIGNMENT_UNITS]++;
      count[t]++;
      if (best[t] < 0 || (as->responsible && !g_array_index (imp->assignments, ImportAssignment, best[t]).responsible))
        best[t] = (int) a;
    }

  for (guint i = 0; i < b->n; i++)
    {
      ImportAssignment *as;
      ImportResource *resource;
      const char *team;

      if (best[i] < 0)
        continue;
      if (count[i] > 1)
        imp->tally[TALLY_EXTRA_ASSIGNMENTS] += count[i] - 1;
      as = &g_array_index (imp->assignments, ImportAssignment, best[i]);
      resource = g_hash_table_lookup (resources, as->resource);
      rollout_task_set_owner (b->rtask[i], resource->name);
      team = resource->group ? g_hash_table_lookup (group_team, resource->group) : NULL;
      if (team != NULL)
        rollout_task_set_team_id (b->rtask[i], team);
    }
}

static char *
describe_cycle (Builder   *b,
                GPtrArray *cycle)
{
  g_autofree char *path = rollout_scheduler_format_cycle (cycle);
  RolloutTask *first = g_ptr_array_index (cycle, 0);
  RolloutTask *last = g_ptr_array_index (cycle, cycle->len - 1);
  guint succ = G_MAXUINT, pred = G_MAXUINT;

  for (guint i = 0; i < b->n; i++)
    {
      if (b->rtask[i] == first)
        succ = i;
      if (b->rtask[i] == last)
        pred = i;
    }
  if (succ != G_MAXUINT && pred != G_MAXUINT && b->deps[succ] != NULL)
    {
      for (guint k = 0; k < b->deps[succ]->len; k++)
        {
          ResolvedDep *dep = &g_array_index (b->deps[succ], ResolvedDep, k);

          if (dep->pred == pred && dep->line > 0)
            return g_strdup_printf (_("line %d: tasks depend on each other in a circle: %s"), dep->line, path);
        }
    }
  return g_strdup_printf (_("tasks depend on each other in a circle: %s"), path);
}

/* Dates stored by the other tool, as Rollout counts them. */
static void
source_dates (Builder     *b,
              ImportTask  *task,
              RolloutDate *out_start,
              RolloutDate *out_finish)
{
  *out_start = task->source_start;
  *out_finish = task->source_finish;
  if (*out_start != ROLLOUT_DATE_NONE)
    *out_start = working_on_or_after (b->calendar, *out_start);
  if (*out_finish != ROLLOUT_DATE_NONE)
    *out_finish = working_on_or_before (b->calendar, *out_finish);
}

/* Tasks the other tool keeps where they were put (GanttProject's tasks,
 * MS Project's manually scheduled ones) start no earlier than their
 * stored start. Only tasks early for their own sake get the constraint: a
 * task that is early because a predecessor was is fixed by fixing that
 * one, so pins go in rounds, predecessors first. */
static gboolean
pin_stored_starts (Builder  *b,
                   GError  **error)
{
  g_autofree gboolean *early = g_new0 (gboolean, MAX (b->n, 1));
  guint pinned = 0;

  for (guint round = 0; ; round++)
    {
      guint n_early = 0, n_pinned = 0;

      for (guint i = 0; i < b->n; i++)
        {
          ImportTask *task = task_at (b, i);
          RolloutDate start, finish;

          early[i] = FALSE;
          if (b->rtask[i] == NULL || !(task->pinned || b->imp->pin_stored_starts))
            continue;
          source_dates (b, task, &start, &finish);
          early[i] = start != ROLLOUT_DATE_NONE && start > rollout_task_get_start (b->rtask[i]);
          n_early += early[i];
        }
      if (n_early == 0)
        break;

      for (guint i = 0; i < b->n; i++)
        {
          RolloutDate start, finish;
          gboolean caused_by_predecessor = FALSE;

          if (!early[i])
            continue;
          /* After a few rounds, pin whatever is left at once. */
          for (guint k = 0; round < 8 && b->deps[i] != NULL && k < b->deps[i]->len; k++)
            caused_by_predecessor |= early[g_array_index (b->deps[i], ResolvedDep, k).pred];
          if (caused_by_predecessor)
            continue;
          source_dates (b, task_at (b, i), &start, &finish);
          rollout_task_set_start_no_earlier_than (b->rtask[i], start);
          n_pinned++;
        }
      pinned += n_pinned;
      if (!rollout_project_schedule (b->project, NULL, error))
        return FALSE;
    }
  b->imp->tally[TALLY_PINNED_STARTS] = pinned;
  return TRUE;
}

static void
compare_dates (Builder             *b,
               RolloutImportReport *report)
{
  for (guint i = 0; i < b->n; i++)
    {
      ImportTask *task = task_at (b, i);
      RolloutDate start, finish, rstart, rfinish;
      gboolean same;

      if (b->rtask[i] == NULL || task->inactive)
        continue;
      source_dates (b, task, &start, &finish);
      if (start == ROLLOUT_DATE_NONE)
        continue;
      rstart = rollout_task_get_start (b->rtask[i]);
      rfinish = rollout_task_get_finish (b->rtask[i]);
      /* A milestone sits on a day; other tools put it at the end of the
       * one before, so only its start compares. */
      if (rollout_task_is_milestone (b->rtask[i]) || finish < start)
        finish = ROLLOUT_DATE_NONE;
      same = start == rstart && (finish == ROLLOUT_DATE_NONE || finish == rfinish);
      report->dates_compared++;
      if (same)
        {
          report->dates_matching++;
          continue;
        }
      if (report->date_differences->len < MAX_LISTED)
        {
          char a[11], z[11], sa[11], sz[11];

          rollout_date_format_buf (rstart, a);
          rollout_date_format_buf (rfinish, z);
          rollout_date_format_buf (start, sa);
          if (finish != ROLLOUT_DATE_NONE)
            {
              rollout_date_format_buf (finish, sz);
              g_ptr_array_add (report->date_differences,
                               g_strdup_printf (_("‘%s’ is scheduled %s – %s, the source has %s – %s"),
                                                label (task), a, z, sa, sz));
            }
          else
            g_ptr_array_add (report->date_differences,
                             g_strdup_printf (_("‘%s’ starts %s, the source has %s"), label (task), a, sa));
        }
    }
}

/* Marks a singular and plural message for translation as one plural
 * message, looked up later with g_dngettext(). */
#define N_PLURAL(singular, plural) singular, plural

static void
add_tally_notes (Importer            *imp,
                 Builder             *b,
                 RolloutImportReport *report)
{
  static const struct {
    ImportTally  tally;
    const char  *singular;
    const char  *plural;
  } messages[] = {
    { TALLY_ROUNDED_DURATIONS,
      N_PLURAL ("%u duration was not a whole number of working days and was rounded up (noted on the task)",
                "%u durations were not whole numbers of working days and were rounded up (noted on the tasks)") },
    { TALLY_ROUNDED_LAGS,
      N_PLURAL ("%u lag was not a whole number of working days and was rounded up",
                "%u lags were not whole numbers of working days and were rounded up") },
    { TALLY_ELAPSED_DURATIONS,
      N_PLURAL ("%u elapsed (calendar-time) duration was converted to working days",
                "%u elapsed (calendar-time) durations were converted to working days") },
    { TALLY_ELAPSED_LAGS,
      N_PLURAL ("%u lag in calendar time was converted to working days",
                "%u lags in calendar time were converted to working days") },
    { TALLY_PERCENT_LAGS,
      N_PLURAL ("%u lag given as a percentage of the predecessor was converted to working days",
                "%u lags given as a percentage of the predecessor were converted to working days") },
    { TALLY_MILESTONE_WITH_DURATION,
      N_PLURAL ("%u task marked as a milestone has a duration and was kept as a task",
                "%u tasks marked as milestones have a duration and were kept as tasks") },
    { TALLY_ASSIGNMENT_UNITS,
      N_PLURAL ("%u resource assignment with units ignored",
                "%u resource assignments with units ignored") },
    { TALLY_EXTRA_ASSIGNMENTS,
      N_PLURAL ("%u further resource on a task ignored (a task has one owner)",
                "%u further resources on tasks ignored (a task has one owner)") },
    { TALLY_SUMMARY_ASSIGNMENTS,
      N_PLURAL ("%u resource assignment on a summary task ignored",
                "%u resource assignments on summary tasks ignored") },
    { TALLY_MATERIAL_RESOURCES,
      N_PLURAL ("%u material or cost resource ignored",
                "%u material or cost resources ignored") },
    { TALLY_RESOURCE_ROLES,
      N_PLURAL ("%u resource role ignored",
                "%u resource roles ignored") },
    { TALLY_WORKING_HOURS,
      N_PLURAL ("working hours of %u weekday ignored (Rollout counts whole days)",
                "working hours of %u weekdays ignored (Rollout counts whole days)") },
    { TALLY_EXCEPTION_HOURS,
      N_PLURAL ("%u calendar exception with working hours ignored",
                "%u calendar exceptions with working hours ignored") },
    { TALLY_WORKING_EXCEPTIONS,
      N_PLURAL ("%u calendar exception that makes a day off a working day ignored",
                "%u calendar exceptions that make days off working days ignored") },
    { TALLY_RECURRING_EXCEPTIONS,
      N_PLURAL ("%u recurring calendar exception ignored",
                "%u recurring calendar exceptions ignored") },
    { TALLY_WORK_WEEKS,
      N_PLURAL ("%u alternate work week ignored",
                "%u alternate work weeks ignored") },
    { TALLY_RECURRING_HOLIDAYS,
      N_PLURAL ("%u yearly holiday expanded to each year of the plan",
                "%u yearly holidays expanded to each year of the plan") },
    { TALLY_OTHER_CALENDARS,
      N_PLURAL ("%u calendar other than the project calendar ignored",
                "%u calendars other than the project calendar ignored") },
    { TALLY_TASK_CALENDARS,
      N_PLURAL ("%u task calendar ignored (tasks follow the project calendar)",
                "%u task calendars ignored (tasks follow the project calendar)") },
    { TALLY_CUSTOM_DAY_TYPES,
      N_PLURAL ("%u custom day type treated as a working day",
                "%u custom day types treated as working days") },
    { TALLY_CONSTRAINT_MSO,
      N_PLURAL ("%u “must start on” constraint kept as “start no earlier than”",
                "%u “must start on” constraints kept as “start no earlier than”") },
    { TALLY_CONSTRAINT_OTHER,
      N_PLURAL ("%u date constraint other than “start no earlier than” ignored",
                "%u date constraints other than “start no earlier than” ignored") },
    { TALLY_PINNED_STARTS,
      N_PLURAL ("%u task starts later than its dependencies require; its stored start was kept as “start no earlier than”",
                "%u tasks start later than their dependencies require; their stored starts were kept as “start no earlier than”") },
    { TALLY_DEADLINES,
      N_PLURAL ("%u deadline ignored",
                "%u deadlines ignored") },
    { TALLY_BASELINES,
      N_PLURAL ("%u baseline ignored",
                "%u baselines ignored") },
    { TALLY_COSTS,
      N_PLURAL ("%u cost or rate ignored",
                "%u costs and rates ignored") },
    { TALLY_CUSTOM_FIELDS,
      N_PLURAL ("%u custom field value ignored",
                "%u custom field values ignored") },
    { TALLY_PRIORITIES,
      N_PLURAL ("%u task priority ignored",
                "%u task priorities ignored") },
    { TALLY_HYPERLINKS,
      N_PLURAL ("%u hyperlink ignored",
                "%u hyperlinks ignored") },
    { TALLY_ACTUALS,
      N_PLURAL ("%u task with actual dates: actual dates ignored (progress kept)",
                "%u tasks with actual dates: actual dates ignored (progress kept)") },
    { TALLY_RECURRING_TASKS,
      N_PLURAL ("%u recurring task imported as a single task",
                "%u recurring tasks imported as single tasks") },
    { TALLY_INACTIVE_TASKS,
      N_PLURAL ("%u inactive task imported as a normal task",
                "%u inactive tasks imported as normal tasks") },
    { TALLY_EXTERNAL_LINKS,
      N_PLURAL ("%u dependency on another project ignored",
                "%u dependencies on other projects ignored") },
    { TALLY_SUMMARY_LINKS,
      N_PLURAL ("%u dependency on a summary task was applied to the tasks under it",
                "%u dependencies on summary tasks were applied to the tasks under them") },
    { TALLY_MERGED_LINKS,
      N_PLURAL ("%u repeated dependency merged (the longest lag kept)",
                "%u repeated dependencies merged (the longest lag kept)") },
    { TALLY_CONFLICTING_LINKS,
      N_PLURAL ("%u second dependency of another type between the same two tasks ignored",
                "%u second dependencies of another type between the same two tasks ignored") },
    { TALLY_VACATIONS,
      N_PLURAL ("%u resource vacation ignored",
                "%u resource vacations ignored") },
    { TALLY_PROJECT_PHASES,
      N_PLURAL ("%u project phase name ignored",
                "%u project phase names ignored") },
    { TALLY_ENTITIES,
      N_PLURAL ("%u entity reference left out (entities are never expanded)",
                "%u entity references left out (entities are never expanded)") },
    { TALLY_FROM_FINISH,
      N_PLURAL ("the plan is scheduled from its finish date in the source; Rollout schedules from the start",
                "the plan is scheduled from its finish date in the source; Rollout schedules from the start") },
  };

  for (guint m = 0; m < G_N_ELEMENTS (messages); m++)
    {
      guint count = imp->tally[messages[m].tally];

      if (count == 0)
        continue;
      /* Every message in the table takes one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_ptr_array_add (report->notes,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, messages[m].singular,
                                                     messages[m].plural, count),
                                        count));
#pragma GCC diagnostic pop
    }

  if (imp->tally[TALLY_TOP_LEVEL_TASKS] > 0 && b->orphan_phase >= 0)
    {
      RolloutPhase *phase = g_ptr_array_index (b->phases, b->orphan_phase);
      guint count = imp->tally[TALLY_TOP_LEVEL_TASKS];

      g_ptr_array_add (report->notes,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u top-level task outside any summary task was put in the phase ‘%s’",
                                                     "%u top-level tasks outside any summary task were put in the phase ‘%s’",
                                                     count),
                                        count, rollout_phase_get_name (phase)));
    }
}

static char *
make_summary (Importer       *imp,
              RolloutProject *project)
{
  GListModel *tasks = rollout_project_get_tasks (project);
  guint n = g_list_model_get_n_items (tasks), milestones = 0, deps = 0;
  guint phases = g_list_model_get_n_items (rollout_project_get_phases (project));
  guint teams = g_list_model_get_n_items (rollout_project_get_teams (project));
  guint holidays = rollout_calendar_get_holidays (rollout_project_get_calendar (project))->len;
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RolloutTask) task = g_list_model_get_item (tasks, i);

      milestones += rollout_task_is_milestone (task);
      deps += rollout_task_get_dependencies (task)->len;
      if (rollout_task_get_owner (task) != NULL)
        g_hash_table_add (owners, (gpointer) rollout_task_get_owner (task));
    }

  /* Translators: the start of "From MS Project XML: 5 phases, 40 tasks, …" */
  g_string_append_printf (text, _("From %s: "), rollout_import_format_get_name (imp->format));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u phase", "%u phases", phases), phases);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n - milestones), n - milestones);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", milestones), milestones);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u dependency", "%u dependencies", deps), deps);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u owner", "%u owners", g_hash_table_size (owners)),
                          g_hash_table_size (owners));
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u team", "%u teams", teams), teams);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u holiday", "%u holidays", holidays), holidays);
  g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static RolloutProject *
build_project (Importer             *imp,
               RolloutImportReport **out_report,
               GError              **error)
{
  g_auto(Builder) b = { 0 };
  g_autoptr(RolloutImportReport) report = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autofree char *id = NULL;
  const char *name;
  RolloutDate start = imp->start;

  b.imp = imp;
  b.n = imp->tasks->len;
  b.index = g_hash_table_new (g_str_hash, g_str_equal);
  b.end = g_new0 (int, MAX (b.n, 1));
  b.summary = g_new0 (gboolean, MAX (b.n, 1));
  b.phase = g_new0 (int, MAX (b.n, 1));
  b.rtask = g_new0 (RolloutTask *, MAX (b.n, 1));
  b.notes = g_new0 (GPtrArray *, MAX (b.n, 1));
  b.deps = g_new0 (GArray *, MAX (b.n, 1));
  b.dep_index = g_new0 (GHashTable *, MAX (b.n, 1));
  b.phases = g_ptr_array_new_with_free_func (g_object_unref);
  b.orphan_phase = -1;

  /* Keys must be there and unique. */
  for (guint i = 0; i < b.n; i++)
    {
      ImportTask *task = task_at (&b, i);
      gpointer other;

      if (task->key == NULL || *task->key == '\0')
        {
          g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_INVALID,
                       _("line %d: task ‘%s’ has no id"), task->line, task->name ? task->name : "");
          return NULL;
        }
      other = g_hash_table_lookup (b.index, task->key);
      if (other != NULL)
        {
          g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_INVALID,
                       _("line %d: task id “%s” is already used by the task on line %d"),
                       task->line, task->key, task_at (&b, GPOINTER_TO_UINT (other) - 1)->line);
          return NULL;
        }
      g_hash_table_insert (b.index, task->key, GUINT_TO_POINTER (i + 1));
    }

  name = imp->name && *imp->name ? imp->name : imp->fallback_name ? imp->fallback_name : _("Imported plan");
  id = slug (name);
  b.project = rollout_project_new (id);
  rollout_project_set_name (b.project, name);
  if (imp->description && *imp->description)
    rollout_project_set_description (b.project, imp->description);
  if (imp->owner && *imp->owner)
    rollout_project_set_owner (b.project, imp->owner);
  b.calendar = rollout_project_get_calendar (b.project);
  build_calendar (&b);

  /* The start: the file's, else its earliest task, else today. */
  if (start == ROLLOUT_DATE_NONE)
    {
      for (guint i = 0; i < b.n; i++)
        {
          RolloutDate s = task_at (&b, i)->source_start;

          if (s != ROLLOUT_DATE_NONE && (start == ROLLOUT_DATE_NONE || s < start))
            start = s;
        }
    }
  if (start == ROLLOUT_DATE_NONE)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      start = rollout_date_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now));
      _rollout_import_warn (imp, 0, _("the file gives no start date; the plan starts today"));
    }
  rollout_project_set_start (b.project, start);

  if (!build_outline (&b, error) || !build_tasks (&b, error) || !build_dependencies (&b, error))
    return NULL;
  build_teams_and_owners (&b);
  append_import_notes (&b);

  for (guint p = 0; p < b.phases->len; p++)
    rollout_project_insert_phase (b.project, g_ptr_array_index (b.phases, p), -1);
  for (guint i = 0; i < b.n; i++)
    if (b.rtask[i] != NULL)
      rollout_project_insert_task (b.project, b.rtask[i], -1);

  cycles = rollout_scheduler_find_cycles (b.project);
  if (cycles->len > 0)
    {
      g_autofree char *message = describe_cycle (&b, g_ptr_array_index (cycles, 0));

      g_set_error_literal (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_INVALID, message);
      return NULL;
    }

  diagnostics = rollout_project_validate (b.project);
  if (diagnostics->len > 0)
    {
      g_autofree char *text = rollout_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));

      g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_INVALID,
                   _("the imported plan is not valid: %s"), text);
      return NULL;
    }

  if (!rollout_project_schedule (b.project, NULL, error) || !pin_stored_starts (&b, error))
    return NULL;

  report = g_object_new (ROLLOUT_TYPE_IMPORT_REPORT, NULL);
  report->format = imp->format;
  compare_dates (&b, report);
  add_tally_notes (imp, &b, report);
  g_ptr_array_extend_and_steal (report->warnings, g_steal_pointer (&imp->warnings));
  imp->warnings = g_ptr_array_new_with_free_func (g_free);
  if (imp->n_warnings > report->warnings->len)
    g_ptr_array_add (report->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more warning", "and %u more warnings",
                                                   imp->n_warnings - report->warnings->len),
                                      imp->n_warnings - report->warnings->len));
  report->summary = make_summary (imp, b.project);

  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return g_steal_pointer (&b.project);
}

/* Public API ------------------------------------------------------------- */

static RolloutProject *
run (Importer             *imp,
     xmlTextReaderPtr      reader,
     const char           *hint,
     RolloutImportReport **out_report,
     GError              **error)
{
  if (reader == NULL)
    {
      g_set_error_literal (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX,
                           _("the file could not be opened as XML"));
      return NULL;
    }
  walk (imp, reader, hint, FALSE);
  xmlFreeTextReader (reader);

  if (imp->error == NULL && imp->handler.finish != NULL)
    imp->handler.finish (imp);
  if (imp->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&imp->error));
      return NULL;
    }
  return build_project (imp, out_report, error);
}

/**
 * rollout_import_detect_format:
 * @data: the start of a file, or all of it
 * @length: its length in bytes
 *
 * Tells the format of a file from its root element, not its name.
 *
 * Returns: the format, or %ROLLOUT_IMPORT_FORMAT_UNKNOWN
 */
RolloutImportFormat
rollout_import_detect_format (const char *data,
                              gsize       length)
{
  g_autoptr(Importer) imp = NULL;
  xmlTextReaderPtr reader;

  g_return_val_if_fail (data != NULL || length == 0, ROLLOUT_IMPORT_FORMAT_UNKNOWN);

  if (length == 0 || length > G_MAXINT)
    return ROLLOUT_IMPORT_FORMAT_UNKNOWN;
  imp = importer_new (NULL);
  reader = xmlReaderForMemory (data, (int) length, NULL, NULL, reader_options ());
  if (reader == NULL)
    return ROLLOUT_IMPORT_FORMAT_UNKNOWN;
  walk (imp, reader, NULL, TRUE);
  xmlFreeTextReader (reader);
  return imp->error == NULL ? imp->format : ROLLOUT_IMPORT_FORMAT_UNKNOWN;
}

/**
 * rollout_import_read:
 * @data: the file's bytes
 * @length: their length
 * @filename: (nullable): the file's name, for the plan's name when the file
 *   has none and to tell GanttProject from Planner when nothing else can
 * @out_report: (out) (optional) (transfer full): what was not imported
 * @error: return location for a #GError in %ROLLOUT_IMPORT_ERROR
 *
 * Imports a plan from MS Project XML, GanttProject or GNOME Planner. The
 * format is told from the content. The plan is new and unsaved; it
 * validates and is scheduled. Safe to call from any thread.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
RolloutProject *
rollout_import_read (const char           *data,
                     gsize                 length,
                     const char           *filename,
                     RolloutImportReport **out_report,
                     GError              **error)
{
  g_autoptr(Importer) imp = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX, _("the file is empty"));
      return NULL;
    }
  if ((goffset) length > ROLLOUT_IMPORT_MAX_SIZE || length > G_MAXINT)
    {
      g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), (int) (ROLLOUT_IMPORT_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  imp = importer_new (filename);
  return run (imp, xmlReaderForMemory (data, (int) length, NULL, NULL, reader_options ()),
              filename, out_report, error);
}

typedef struct {
  GInputStream *stream;
  GCancellable *cancellable;
  GError       *error;
  goffset       total;
} StreamSource;

static int
stream_read_cb (void *context,
                char *buffer,
                int   len)
{
  StreamSource *source = context;
  gssize n;

  if (source->error != NULL)
    return -1;
  n = g_input_stream_read (source->stream, buffer, len, source->cancellable, &source->error);
  if (n < 0)
    return -1;
  source->total += n;
  if (source->total > ROLLOUT_IMPORT_MAX_SIZE)
    {
      g_set_error (&source->error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), (int) (ROLLOUT_IMPORT_MAX_SIZE / (1024 * 1024)));
      return -1;
    }
  return (int) n;
}

static int
stream_close_cb (void *context)
{
  return 0;
}

/**
 * rollout_import_load:
 * @file: the file to import
 * @cancellable: (nullable): a #GCancellable
 * @out_report: (out) (optional) (transfer full): what was not imported
 * @error: return location for a #GError
 *
 * Like rollout_import_read(), streaming @file rather than reading it whole.
 * Blocks: call it from a worker thread, or use rollout_import_load_async().
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
RolloutProject *
rollout_import_load (GFile                *file,
                     GCancellable         *cancellable,
                     RolloutImportReport **out_report,
                     GError              **error)
{
  g_autoptr(Importer) imp = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) parse_error = NULL;
  StreamSource source = { 0 };
  RolloutProject *project;
  xmlTextReaderPtr reader;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return NULL;
  info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                         cancellable, NULL);
  /* Pipes and devices have no size; reading counts theirs. */
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size == 0)
        {
          g_set_error_literal (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_SYNTAX, _("the file is empty"));
          return NULL;
        }
      if (size > ROLLOUT_IMPORT_MAX_SIZE)
        {
          g_set_error (error, ROLLOUT_IMPORT_ERROR, ROLLOUT_IMPORT_ERROR_TOO_LARGE,
                       _("the file is larger than %d MiB"), (int) (ROLLOUT_IMPORT_MAX_SIZE / (1024 * 1024)));
          return NULL;
        }
    }

  basename = g_file_get_basename (file);
  imp = importer_new (basename);
  source.stream = G_INPUT_STREAM (input);
  source.cancellable = cancellable;
  reader = xmlReaderForIO (stream_read_cb, stream_close_cb, &source, NULL, NULL, reader_options ());
  project = run (imp, reader, basename, out_report, &parse_error);
  /* A read error (or cancellation) explains a parse error better. */
  if (source.error != NULL)
    {
      g_clear_object (&project);
      if (out_report != NULL)
        g_clear_object (out_report);
      g_propagate_error (error, g_steal_pointer (&source.error));
      return NULL;
    }
  if (project == NULL)
    g_propagate_error (error, g_steal_pointer (&parse_error));
  return project;
}

typedef struct {
  RolloutProject      *project;
  RolloutImportReport *report;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->project);
  g_clear_object (&result->report);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);
  GError *error = NULL;

  result->project = rollout_import_load (file, cancellable, &result->report, &error);
  if (result->project == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * rollout_import_load_async:
 * @file: the file to import
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Imports @file on a worker thread.
 */
void
rollout_import_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rollout_import_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rollout_import_load_finish:
 * @result: the result given to the callback
 * @out_report: (out) (optional) (transfer full): what was not imported
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
RolloutProject *
rollout_import_load_finish (GAsyncResult         *result,
                            RolloutImportReport **out_report,
                            GError              **error)
{
  LoadResult *loaded;
  RolloutProject *project;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;
  project = g_steal_pointer (&loaded->project);
  if (out_report != NULL)
    *out_report = g_steal_pointer (&loaded->report);
  load_result_free (loaded);
  return project;
}
