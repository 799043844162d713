/* rollout-import-csv.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing metric samples and feedback from CSV files.
 *
 * Two layouts, each with a header line naming its columns (in any order,
 * any case):
 *
 *   date,metric,phase,value                      phase may be left empty
 *   date,phase,source,sentiment,tags,text[,task] only date, sentiment and
 *                                                text are required
 *
 * Metrics, phases and tasks are named by id or by name (ignoring case).
 * Dates are YYYY-MM-DD; numbers use a dot for decimals; sentiment is
 * positive, neutral or negative; tags are separated by commas or
 * semicolons. Spaces around values are ignored, and so are rows whose
 * fields are all empty (as spreadsheets write them).
 *
 * Every row is checked, and every bad row is reported once, with the line
 * it starts on and all of its problems. Unless asked to skip bad rows,
 * nothing is imported when any row is bad; a bad or missing header stops
 * the import in any case.
 *
 * The result is one command: new samples are appended to each metric's
 * list by setting the list (one set per metric), new feedback entries are
 * inserted at the end; all in one group, so one undo takes the whole
 * import back. The command records the plan as it is when the import is
 * made: execute it before making other changes.
 */

#define G_LOG_DOMAIN "rollout-import-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rollout-csv.h"
#include "rollout-import-csv.h"

/* Values quoted in messages are cut to this many characters. */
#define QUOTE_MAX_CHARS 40

typedef enum {
  COLUMN_DATE,
  COLUMN_METRIC,
  COLUMN_PHASE,
  COLUMN_VALUE,
  COLUMN_SOURCE,
  COLUMN_SENTIMENT,
  COLUMN_TAGS,
  COLUMN_TEXT,
  COLUMN_TASK,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "date", "metric", "phase", "value", "source", "sentiment", "tags", "text", "task",
};

#define BIT(c) (1u << (c))

typedef struct {
  guint allowed;
  guint required;
  const char *layout;  /* as the header should read */
} Layout;

static const Layout metrics_layout = {
  BIT (COLUMN_DATE) | BIT (COLUMN_METRIC) | BIT (COLUMN_PHASE) | BIT (COLUMN_VALUE),
  BIT (COLUMN_DATE) | BIT (COLUMN_METRIC) | BIT (COLUMN_VALUE),
  "date,metric,phase,value",
};

static const Layout feedback_layout = {
  BIT (COLUMN_DATE) | BIT (COLUMN_PHASE) | BIT (COLUMN_SOURCE) | BIT (COLUMN_SENTIMENT) |
  BIT (COLUMN_TAGS) | BIT (COLUMN_TEXT) | BIT (COLUMN_TASK),
  BIT (COLUMN_DATE) | BIT (COLUMN_SENTIMENT) | BIT (COLUMN_TEXT),
  "date,phase,source,sentiment,tags,text",
};

struct _RolloutImportCsv
{
  GObject parent_instance;

  guint n_rows;
  gboolean header_ok;
  GPtrArray *problems;   /* RolloutImportProblem */
  GArray *samples;       /* RolloutImportSample */
  GArray *feedback;      /* RolloutImportFeedback */
  GPtrArray *metrics;    /* RolloutMetric that get samples, in order */
  GHashTable *arrays;    /* RolloutMetric → its samples with the new ones */
  RolloutCommand *command;
};

G_DEFINE_FINAL_TYPE (RolloutImportCsv, rollout_import_csv, G_TYPE_OBJECT)

/* Looks objects up by id, then by name or id ignoring case. */
typedef struct {
  GHashTable *folded;  /* casefolded name or id → object, or &ambiguous */
  GHashTable *seen;    /* text as written → object, &ambiguous or &unknown */
} Names;

static char ambiguous;
static char unknown;

typedef struct {
  RolloutProject *project;
  RolloutImportCsv *self;
  RolloutCsvReader *reader;
  int columns[N_COLUMNS];   /* field index, or -1 */
  guint n_columns;
  Names metrics;
  Names phases;
  Names tasks;
  guint next_feedback;
} Import;

static void
problem_free (RolloutImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
import_feedback_clear (RolloutImportFeedback *feedback)
{
  g_clear_object (&feedback->feedback);
}

static void
rollout_import_csv_finalize (GObject *object)
{
  RolloutImportCsv *self = (RolloutImportCsv *)object;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->samples, g_array_unref);
  g_clear_pointer (&self->feedback, g_array_unref);
  g_clear_pointer (&self->arrays, g_hash_table_unref);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_object (&self->command);

  G_OBJECT_CLASS (rollout_import_csv_parent_class)->finalize (object);
}

static void
rollout_import_csv_class_init (RolloutImportCsvClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rollout_import_csv_finalize;
}

static void
rollout_import_csv_init (RolloutImportCsv *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->samples = g_array_new (FALSE, FALSE, sizeof (RolloutImportSample));
  self->feedback = g_array_new (FALSE, FALSE, sizeof (RolloutImportFeedback));
  g_array_set_clear_func (self->feedback, (GDestroyNotify) import_feedback_clear);
  self->metrics = g_ptr_array_new_with_free_func (g_object_unref);
  self->arrays = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/* Helpers ----------------------------------------------------------------- */

static void
add_problem (RolloutImportCsv *self,
             guint             line,
             char             *message)
{
  RolloutImportProblem *problem = g_new0 (RolloutImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (self->problems, problem);
}

/* A value as quoted in a message: cut short when long. */
static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= QUOTE_MAX_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, QUOTE_MAX_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT);

  return normal != NULL ? g_utf8_casefold (normal, -1) : NULL;
}

static void
names_add (Names      *names,
           const char *key,
           gpointer    object)
{
  char *folded;
  gpointer existing;

  if (key == NULL || *key == '\0')
    return;
  folded = fold (key);
  if (folded == NULL)
    return;
  existing = g_hash_table_lookup (names->folded, folded);
  if (existing == object)
    g_free (folded);
  else
    g_hash_table_insert (names->folded, folded, existing == NULL ? object : &ambiguous);
}

typedef const char *(*GetString) (gpointer object);

static void
names_init (Names      *names,
            GListModel *model,
            GetString   get_id,
            GetString   get_name)
{
  guint n = g_list_model_get_n_items (model);

  names->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      names_add (names, get_name (object), object);
    }
  /* Ids after names: an id that folds to another object's name is
   * ambiguous ignoring case, but is still found exactly. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      names_add (names, get_id (object), object);
    }
}

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->folded, g_hash_table_unref);
  g_clear_pointer (&names->seen, g_hash_table_unref);
}

/* Returns the object, or NULL with *out_ambiguous telling why. Files
 * repeat the same few names many times, so each text is folded once. */
static gpointer
names_lookup (Names      *names,
              gpointer    by_id,
              const char *text,
              gboolean   *out_ambiguous)
{
  gpointer object;

  *out_ambiguous = FALSE;
  if (by_id != NULL)
    return by_id;
  object = g_hash_table_lookup (names->seen, text);
  if (object == NULL)
    {
      g_autofree char *folded = fold (text);

      object = folded != NULL ? g_hash_table_lookup (names->folded, folded) : NULL;
      if (object == NULL)
        object = &unknown;
      g_hash_table_insert (names->seen, g_strdup (text), object);
    }
  if (object == &unknown)
    return NULL;
  if (object == &ambiguous)
    {
      *out_ambiguous = TRUE;
      return NULL;
    }
  return object;
}

/* The field of @column (the reader trims it), or "" when the file has no
 * such column. */
static const char *
field (Import *import,
       Column  column)
{
  if (import->columns[column] < 0)
    return "";
  return rollout_csv_reader_get_field (import->reader, import->columns[column]);
}

static gboolean
parse_number (const char *text,
              double     *out_value)
{
  char *end = NULL;
  double value;

  if (*text == '\0')
    return FALSE;
  /* Digits, sign, point and exponent only: no hex, "inf" or "nan". */
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '+' && *p != '-' && *p != '.' && *p != 'e' && *p != 'E')
      return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;
  *out_value = value;
  return TRUE;
}

static void
check_date (GPtrArray   *reasons,
            const char  *text,
            RolloutDate *out_date)
{
  g_autofree char *quoted = NULL;

  if (*text == '\0')
    {
      g_ptr_array_add (reasons, g_strdup (_("no date")));
      return;
    }
  if (rollout_date_parse (text, out_date))
    return;
  quoted = shorten (text);
  g_ptr_array_add (reasons, g_strdup_printf (_("“%s” is not a date (use YYYY-MM-DD)"), quoted));
}

static RolloutPhase *
check_phase (Import     *import,
             GPtrArray  *reasons,
             const char *text)
{
  RolloutPhase *phase;
  g_autofree char *quoted = NULL;
  gboolean is_ambiguous;

  if (*text == '\0')
    return NULL;
  phase = names_lookup (&import->phases, rollout_project_lookup_phase (import->project, text),
                        text, &is_ambiguous);
  if (phase != NULL)
    return phase;
  quoted = shorten (text);
  if (is_ambiguous)
    g_ptr_array_add (reasons, g_strdup_printf (_("“%s” could be more than one phase; use the phase’s id"), quoted));
  else
    g_ptr_array_add (reasons, g_strdup_printf (_("no phase with the id or name “%s”"), quoted));
  return NULL;
}

/* The column a header field names (any case), or N_COLUMNS. */
static Column
column_of (const Layout *layout,
           const char   *text)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if ((layout->allowed & BIT (c)) && g_ascii_strcasecmp (text, column_names[c]) == 0)
      return c;
  return N_COLUMNS;
}

/* Reads the header; returns FALSE when the import cannot go on. */
static gboolean
read_header (Import       *import,
             const Layout *layout)
{
  RolloutImportCsv *self = import->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) missing = NULL;
  guint n_missing = 0;
  gboolean known = FALSE;
  gboolean ok = TRUE;

  for (guint c = 0; c < N_COLUMNS; c++)
    import->columns[c] = -1;

  if (!rollout_csv_reader_next (import->reader, &error))
    {
      if (error != NULL)
        add_problem (self, rollout_csv_reader_get_line (import->reader),
                     g_strdup_printf (_("the header line cannot be read: %s"), error->message));
      else
        add_problem (self, 1,
                     g_strdup_printf (_("the file is empty; it needs a header line such as %s"), layout->layout));
      return FALSE;
    }

  import->n_columns = rollout_csv_reader_get_n_fields (import->reader);

  /* No known column at all: the header is missing, not misspelt. */
  for (guint i = 0; i < import->n_columns && !known; i++)
    known = column_of (layout, rollout_csv_reader_get_field (import->reader, i)) != N_COLUMNS;
  if (!known)
    {
      add_problem (self, rollout_csv_reader_get_line (import->reader),
                   g_strdup_printf (_("the first line must be a header naming the columns: %s"), layout->layout));
      return FALSE;
    }

  for (guint i = 0; i < import->n_columns; i++)
    {
      const char *name = rollout_csv_reader_get_field (import->reader, i);
      Column c = column_of (layout, name);

      if (c == N_COLUMNS)
        {
          g_autofree char *quoted = shorten (name);

          add_problem (self, rollout_csv_reader_get_line (import->reader),
                       g_strdup_printf (_("unknown column “%s” in the header; the columns are %s"),
                                        quoted, layout->layout));
          ok = FALSE;
        }
      else if (import->columns[c] >= 0)
        {
          add_problem (self, rollout_csv_reader_get_line (import->reader),
                       g_strdup_printf (_("the column “%s” appears twice in the header"), column_names[c]));
          ok = FALSE;
        }
      else
        import->columns[c] = i;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if ((layout->required & BIT (c)) && import->columns[c] < 0)
      {
        if (missing == NULL)
          missing = g_string_new (NULL);
        else
          g_string_append (missing, ", ");
        g_string_append (missing, column_names[c]);
        n_missing++;
      }
  if (missing != NULL)
    {
      add_problem (self, rollout_csv_reader_get_line (import->reader),
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "the header has no %s column; it should read %s",
                                                 "the header has no %s columns; it should read %s",
                                                 n_missing),
                                    missing->str, layout->layout));
      ok = FALSE;
    }
  return ok;
}

typedef void (*RowFunc) (Import    *import,
                         GPtrArray *reasons,
                         guint      line);

/* Reads every row after the header, calling @row_func on those with the
 * right number of fields, and records one problem per bad row. */
static void
read_rows (Import  *import,
           RowFunc  row_func)
{
  RolloutImportCsv *self = import->self;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) reasons = NULL;
      guint line, n_fields;
      gboolean blank = TRUE;

      if (!rollout_csv_reader_next (import->reader, &error))
        {
          if (error == NULL)
            break;
          self->n_rows++;
          add_problem (self, rollout_csv_reader_get_line (import->reader), g_strdup (error->message));
          continue;
        }
      line = rollout_csv_reader_get_line (import->reader);
      n_fields = rollout_csv_reader_get_n_fields (import->reader);

      for (guint i = 0; i < n_fields && blank; i++)
        for (const char *p = rollout_csv_reader_get_field (import->reader, i); *p && blank; p++)
          blank = g_ascii_isspace (*p);
      if (blank)
        continue;
      self->n_rows++;

      if (n_fields != import->n_columns)
        {
          add_problem (self, line,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "expected %u field as in the header, found %u",
                                                     "expected %u fields as in the header, found %u",
                                                     import->n_columns),
                                        import->n_columns, n_fields));
          continue;
        }

      reasons = g_ptr_array_new_with_free_func (g_free);
      row_func (import, reasons, line);
      if (reasons->len > 0)
        {
          g_ptr_array_add (reasons, NULL);
          add_problem (self, line, g_strjoinv ("; ", (char **) reasons->pdata));
        }
    }
}

/* Metric samples ---------------------------------------------------------- */

static void
metric_row (Import    *import,
            GPtrArray *reasons,
            guint      line)
{
  const char *date_text = field (import, COLUMN_DATE);
  const char *metric_text = field (import, COLUMN_METRIC);
  const char *phase_text = field (import, COLUMN_PHASE);
  const char *value_text = field (import, COLUMN_VALUE);
  RolloutDate date = ROLLOUT_DATE_NONE;
  RolloutMetric *metric = NULL;
  RolloutPhase *phase;
  RolloutImportSample sample;
  GPtrArray *array;
  double value = 0.0;

  check_date (reasons, date_text, &date);

  if (*metric_text == '\0')
    g_ptr_array_add (reasons, g_strdup (_("no metric")));
  else
    {
      gboolean is_ambiguous;

      metric = names_lookup (&import->metrics,
                             rollout_project_lookup_metric (import->project, metric_text),
                             metric_text, &is_ambiguous);
      if (metric == NULL)
        {
          g_autofree char *quoted = shorten (metric_text);

          if (is_ambiguous)
            g_ptr_array_add (reasons, g_strdup_printf (_("“%s” could be more than one metric; use the metric’s id"), quoted));
          else
            g_ptr_array_add (reasons, g_strdup_printf (_("no metric with the id or name “%s”"), quoted));
        }
    }

  phase = check_phase (import, reasons, phase_text);

  if (*value_text == '\0')
    g_ptr_array_add (reasons, g_strdup (_("no value")));
  else if (!parse_number (value_text, &value))
    {
      g_autofree char *quoted = shorten (value_text);

      g_ptr_array_add (reasons, g_strdup_printf (_("“%s” is not a number (write decimals with a point: 4.2)"), quoted));
    }

  if (reasons->len > 0)
    return;

  /* Each metric's new list of samples is made as rows come: its samples so
   * far, then the new ones, which the preview points into. */
  array = g_hash_table_lookup (import->self->arrays, metric);
  if (array == NULL)
    {
      array = rollout_ptr_array_copy (rollout_metric_get_samples (metric),
                                      (GBoxedCopyFunc) rollout_sample_copy,
                                      (GDestroyNotify) rollout_sample_free);
      g_hash_table_insert (import->self->arrays, metric, array);
      g_ptr_array_add (import->self->metrics, g_object_ref (metric));
    }
  sample.line = line;
  sample.metric = metric;
  sample.sample = rollout_sample_new (date, phase != NULL ? rollout_phase_get_id (phase) : NULL, value);
  g_ptr_array_add (array, sample.sample);
  g_array_append_val (import->self->samples, sample);
}

static RolloutCommand *
make_metrics_command (RolloutImportCsv *self)
{
  g_autofree char *label = NULL;
  RolloutCommand *group;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Import %u metric sample",
                                        "Import %u metric samples",
                                        self->samples->len),
                           self->samples->len);
  group = rollout_command_new_group (label);
  /* The command shares the lists; setting a metric's samples copies them. */
  for (guint i = 0; i < self->metrics->len; i++)
    {
      RolloutMetric *metric = g_ptr_array_index (self->metrics, i);

      rollout_command_group_add (group,
                                 rollout_command_new_set_many (metric, label,
                                                               "samples", g_hash_table_lookup (self->arrays, metric),
                                                               NULL));
    }
  return group;
}

/* Feedback ---------------------------------------------------------------- */

static char *
new_feedback_id (Import *import)
{
  for (;;)
    {
      char *id = g_strdup_printf ("fb-%u", ++import->next_feedback);

      if (rollout_project_lookup_feedback (import->project, id) == NULL)
        return id;
      g_free (id);
    }
}

/* Tags separated by commas or semicolons, trimmed, without empty ones or
 * repeats; NULL for none. */
static char **
split_tags (const char *text)
{
  char **tags;
  guint n = 0;

  if (*text == '\0')
    return NULL;
  tags = g_strsplit_set (text, ",;", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gboolean repeated = FALSE;

      g_strstrip (tags[i]);
      for (guint k = 0; k < n && !repeated; k++)
        repeated = strcmp (tags[k], tags[i]) == 0;
      if (*tags[i] == '\0' || repeated)
        g_free (tags[i]);
      else
        tags[n++] = tags[i];
    }
  tags[n] = NULL;
  if (n == 0)
    g_clear_pointer (&tags, g_strfreev);
  return tags;
}

static void
feedback_row (Import    *import,
              GPtrArray *reasons,
              guint      line)
{
  const char *date_text = field (import, COLUMN_DATE);
  const char *phase_text = field (import, COLUMN_PHASE);
  const char *source = field (import, COLUMN_SOURCE);
  const char *sentiment_text = field (import, COLUMN_SENTIMENT);
  const char *tags_text = field (import, COLUMN_TAGS);
  const char *text = field (import, COLUMN_TEXT);
  const char *task_text = field (import, COLUMN_TASK);
  g_autofree char *id = NULL;
  g_auto(GStrv) tags = NULL;
  RolloutDate date = ROLLOUT_DATE_NONE;
  RolloutPhase *phase;
  RolloutTask *task = NULL;
  RolloutImportFeedback entry;
  int sentiment = ROLLOUT_SENTIMENT_NEUTRAL;

  check_date (reasons, date_text, &date);
  phase = check_phase (import, reasons, phase_text);

  if (*sentiment_text == '\0')
    g_ptr_array_add (reasons, g_strdup (_("no sentiment")));
  else
    {
      g_autofree char *lower = g_ascii_strdown (sentiment_text, -1);

      if (!rollout_enum_from_nick (ROLLOUT_TYPE_SENTIMENT, lower, &sentiment))
        {
          g_autofree char *quoted = shorten (sentiment_text);

          g_ptr_array_add (reasons, g_strdup_printf (_("“%s” is not a sentiment (positive, neutral or negative)"), quoted));
        }
    }

  if (*text == '\0')
    g_ptr_array_add (reasons, g_strdup (_("no text")));

  if (*task_text != '\0')
    {
      gboolean is_ambiguous;

      if (import->tasks.folded == NULL)
        names_init (&import->tasks, rollout_project_get_tasks (import->project),
                    (GetString) rollout_task_get_id, (GetString) rollout_task_get_name);
      task = names_lookup (&import->tasks, rollout_project_lookup_task (import->project, task_text),
                           task_text, &is_ambiguous);
      if (task == NULL)
        {
          g_autofree char *quoted = shorten (task_text);

          if (is_ambiguous)
            g_ptr_array_add (reasons, g_strdup_printf (_("“%s” could be more than one task; use the task’s id"), quoted));
          else
            g_ptr_array_add (reasons, g_strdup_printf (_("no task with the id or name “%s”"), quoted));
        }
    }

  if (reasons->len > 0)
    return;

  tags = split_tags (tags_text);
  id = new_feedback_id (import);
  entry.line = line;
  entry.feedback = rollout_feedback_new (id);
  rollout_feedback_set_date (entry.feedback, date);
  rollout_feedback_set_phase_id (entry.feedback, phase != NULL ? rollout_phase_get_id (phase) : NULL);
  rollout_feedback_set_source (entry.feedback, *source != '\0' ? source : NULL);
  rollout_feedback_set_sentiment (entry.feedback, sentiment);
  rollout_feedback_set_tags (entry.feedback, (const char * const *) tags);
  rollout_feedback_set_text (entry.feedback, text);
  rollout_feedback_set_task_id (entry.feedback, task != NULL ? rollout_task_get_id (task) : NULL);
  g_array_append_val (import->self->feedback, entry);
}

static RolloutCommand *
make_feedback_command (RolloutImportCsv *self)
{
  g_autofree char *label = NULL;
  RolloutCommand *group;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Import %u feedback entry",
                                        "Import %u feedback entries",
                                        self->feedback->len),
                           self->feedback->len);
  group = rollout_command_new_group (label);
  for (guint i = 0; i < self->feedback->len; i++)
    {
      RolloutImportFeedback *entry = &g_array_index (self->feedback, RolloutImportFeedback, i);

      rollout_command_group_add (group, rollout_command_new_insert (entry->feedback, -1, label));
    }
  return group;
}

/* Both ------------------------------------------------------------------- */

static RolloutImportCsv *
import_csv (RolloutProject        *project,
            const char            *data,
            gsize                  length,
            RolloutImportCsvFlags  flags,
            gboolean               feedback)
{
  RolloutImportCsv *self = g_object_new (ROLLOUT_TYPE_IMPORT_CSV, NULL);
  g_autoptr(RolloutCsvReader) reader = rollout_csv_reader_new (data, length);
  Import import = { 0 };
  guint n_valid;

  import.project = project;
  import.self = self;
  import.reader = reader;
  rollout_csv_reader_set_trim (reader, TRUE);
  import.next_feedback = g_list_model_get_n_items (rollout_project_get_feedback (project));
  names_init (&import.phases, rollout_project_get_phases (project),
              (GetString) rollout_phase_get_id, (GetString) rollout_phase_get_name);
  names_init (&import.metrics, rollout_project_get_metrics (project),
              (GetString) rollout_metric_get_id, (GetString) rollout_metric_get_name);

  self->header_ok = read_header (&import, feedback ? &feedback_layout : &metrics_layout);
  if (self->header_ok)
    read_rows (&import, feedback ? feedback_row : metric_row);

  names_clear (&import.phases);
  names_clear (&import.metrics);
  names_clear (&import.tasks);

  n_valid = rollout_import_csv_get_n_valid (self);
  if (self->header_ok && n_valid > 0 &&
      (self->problems->len == 0 || (flags & ROLLOUT_IMPORT_CSV_SKIP_BAD_ROWS)))
    self->command = feedback ? make_feedback_command (self) : make_metrics_command (self);

  return self;
}

/**
 * rollout_import_csv_metrics:
 * @project: the project to import into
 * @data: the CSV file's contents
 * @length: the length of @data in bytes
 * @flags: how to import
 *
 * Reads metric samples (`date,metric,phase,value`) and checks every row
 * against @project.
 *
 * Returns: (transfer full): the import: what it adds, what is wrong, and the
 *   command that adds it
 */
RolloutImportCsv *
rollout_import_csv_metrics (RolloutProject        *project,
                            const char            *data,
                            gsize                  length,
                            RolloutImportCsvFlags  flags)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return import_csv (project, data, length, flags, FALSE);
}

/**
 * rollout_import_csv_feedback:
 * @project: the project to import into
 * @data: the CSV file's contents
 * @length: the length of @data in bytes
 * @flags: how to import
 *
 * Reads feedback entries (`date,phase,source,sentiment,tags,text`, and
 * optionally `task`) and checks every row against @project. New entries get
 * new ids (fb-16, fb-17…).
 *
 * Returns: (transfer full): the import
 */
RolloutImportCsv *
rollout_import_csv_feedback (RolloutProject        *project,
                             const char            *data,
                             gsize                  length,
                             RolloutImportCsvFlags  flags)
{
  g_return_val_if_fail (ROLLOUT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return import_csv (project, data, length, flags, TRUE);
}

/**
 * rollout_import_csv_get_n_rows:
 * @self: a #RolloutImportCsv
 *
 * Returns: how many data rows the file has, good or bad (not counting the
 *   header and empty lines)
 */
guint
rollout_import_csv_get_n_rows (RolloutImportCsv *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_CSV (self), 0);

  return self->n_rows;
}

/**
 * rollout_import_csv_get_problems:
 * @self: a #RolloutImportCsv
 *
 * Returns: (transfer none) (element-type RolloutImportProblem): every bad
 *   row (one problem each, naming all that is wrong with it) and any problem
 *   with the header, in line order
 */
GPtrArray *
rollout_import_csv_get_problems (RolloutImportCsv *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_CSV (self), NULL);

  return self->problems;
}

/**
 * rollout_import_csv_get_header_ok:
 * @self: a #RolloutImportCsv
 *
 * Returns: %FALSE when the header is missing or wrong, so no row was read
 */
gboolean
rollout_import_csv_get_header_ok (RolloutImportCsv *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_CSV (self), FALSE);

  return self->header_ok;
}

/**
 * rollout_import_csv_get_samples:
 * @self: a #RolloutImportCsv
 *
 * Returns: (transfer none) (element-type RolloutImportSample): the good rows
 *   of a metrics import, in file order (for a preview); empty for feedback
 */
GArray *
rollout_import_csv_get_samples (RolloutImportCsv *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_CSV (self), NULL);

  return self->samples;
}

/**
 * rollout_import_csv_get_feedback:
 * @self: a #RolloutImportCsv
 *
 * Returns: (transfer none) (element-type RolloutImportFeedback): the good
 *   rows of a feedback import, in file order; empty for metrics
 */
GArray *
rollout_import_csv_get_feedback (RolloutImportCsv *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_CSV (self), NULL);

  return self->feedback;
}

/**
 * rollout_import_csv_get_n_valid:
 * @self: a #RolloutImportCsv
 *
 * Returns: how many rows are good, whether or not they will be imported
 */
guint
rollout_import_csv_get_n_valid (RolloutImportCsv *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_CSV (self), 0);

  return self->samples->len + self->feedback->len;
}

/**
 * rollout_import_csv_get_command:
 * @self: a #RolloutImportCsv
 *
 * The import as one undoable step. There is none when the header is bad,
 * when no row is good, or when a row is bad and bad rows are not skipped.
 * Execute it (through the project's history) before changing the project
 * otherwise.
 *
 * Returns: (transfer none) (nullable): the command
 */
RolloutCommand *
rollout_import_csv_get_command (RolloutImportCsv *self)
{
  g_return_val_if_fail (ROLLOUT_IS_IMPORT_CSV (self), NULL);

  return self->command;
}
