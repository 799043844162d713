/* test-json.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rollout-file.h"
#include "rollout-generator.h"
#include "rollout-json.h"

#define DEPTH ROLLOUT_FILE_MAX_DEPTH

/* Parses exactly @length bytes from a heap copy of that size, so that the
 * address sanitizer catches any read past the end. */
static RolloutJsonDocument *
parse_exact (const char *text,
             gsize       length,
             guint       max_depth,
             GError    **error)
{
  g_autofree char *copy = g_memdup2 (text, length);

  return rollout_json_parse (copy, length, max_depth, error);
}

static RolloutJsonDocument *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  RolloutJsonDocument *doc = parse_exact (text, strlen (text), DEPTH, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
assert_parse_error (const char *text,
                    gssize      length,
                    guint       max_depth,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutJsonDocument) doc = NULL;

  if (length < 0)
    length = strlen (text);
  doc = parse_exact (text, length, max_depth, &error);
  g_assert_null (doc);
  g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, message);
}

/* Scalars ------------------------------------------------------------------ */

typedef struct {
  const char      *json;
  RolloutJsonType  type;
  gint64           integer; /* INT, and BOOLEAN as 0/1 */
  double           number;  /* DOUBLE */
  const char      *string;  /* STRING */
} ScalarCase;

static const ScalarCase scalar_cases[] = {
  { "null", ROLLOUT_JSON_NULL, 0, 0, NULL },
  { "true", ROLLOUT_JSON_BOOLEAN, 1, 0, NULL },
  { "false", ROLLOUT_JSON_BOOLEAN, 0, 0, NULL },
  { " \t\r\n false \n", ROLLOUT_JSON_BOOLEAN, 0, 0, NULL },
  { "0", ROLLOUT_JSON_INT, 0, 0, NULL },
  { "-0", ROLLOUT_JSON_INT, 0, 0, NULL },
  { "42", ROLLOUT_JSON_INT, 42, 0, NULL },
  { "-17", ROLLOUT_JSON_INT, -17, 0, NULL },
  { "9223372036854775807", ROLLOUT_JSON_INT, G_MAXINT64, 0, NULL },
  { "-9223372036854775808", ROLLOUT_JSON_INT, G_MININT64, 0, NULL },
  { "9223372036854775808", ROLLOUT_JSON_DOUBLE, 0, 9223372036854775808.0, NULL },
  { "-9223372036854775809", ROLLOUT_JSON_DOUBLE, 0, -9223372036854775809.0, NULL },
  { "12345678901234567890", ROLLOUT_JSON_DOUBLE, 0, 12345678901234567890.0, NULL },
  { "123456789012345678901234567890", ROLLOUT_JSON_DOUBLE, 0, 1.2345678901234568e29, NULL },
  { "1e308", ROLLOUT_JSON_DOUBLE, 0, 1e308, NULL },
  { "-1.7976931348623157e308", ROLLOUT_JSON_DOUBLE, 0, -1.7976931348623157e308, NULL },
  { "1e-400", ROLLOUT_JSON_DOUBLE, 0, 0.0, NULL },
  { "1.5", ROLLOUT_JSON_DOUBLE, 0, 1.5, NULL },
  { "0.1", ROLLOUT_JSON_DOUBLE, 0, 0.1, NULL },
  { "-2.5e-3", ROLLOUT_JSON_DOUBLE, 0, -0.0025, NULL },
  { "1E2", ROLLOUT_JSON_DOUBLE, 0, 100.0, NULL },
  { "1e+2", ROLLOUT_JSON_DOUBLE, 0, 100.0, NULL },
  { "4.0", ROLLOUT_JSON_DOUBLE, 0, 4.0, NULL },
  { "1000000000000000000000000000000000000000000000000000000000000000000000000", ROLLOUT_JSON_DOUBLE, 0, 1e72, NULL },
  { "0.00000000000000000000000000000000000000000000000000000000000000000000001", ROLLOUT_JSON_DOUBLE, 0, 1e-71, NULL },
  { "123456789012345678.5e-2", ROLLOUT_JSON_DOUBLE, 0, 1234567890123456.785, NULL },
  { "\"\"", ROLLOUT_JSON_STRING, 0, 0, "" },
  { "\"plain text\"", ROLLOUT_JSON_STRING, 0, 0, "plain text" },
  { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", ROLLOUT_JSON_STRING, 0, 0, "\"\\/\b\f\n\r\t" },
  { "\"a\\nb\"", ROLLOUT_JSON_STRING, 0, 0, "a\nb" },
  { "\"\\u0041\\u00e9\\u20AC\"", ROLLOUT_JSON_STRING, 0, 0, "Aé€" },
  { "\"\\ud83d\\ude00 smile\"", ROLLOUT_JSON_STRING, 0, 0, "😀 smile" },
  { "\"\\uD834\\uDD1E\"", ROLLOUT_JSON_STRING, 0, 0, "𝄞" },
  { "\"\\u0001\\u001f\"", ROLLOUT_JSON_STRING, 0, 0, "\x01\x1f" },
  { "\"héllo wörld 😀 \x7f\"", ROLLOUT_JSON_STRING, 0, 0, "héllo wörld 😀 \x7f" },
  { "\xef\xbb\xbf \"after a BOM\"", ROLLOUT_JSON_STRING, 0, 0, "after a BOM" },
};

static void
test_scalars (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (scalar_cases); i++)
    {
      const ScalarCase *c = &scalar_cases[i];
      g_autoptr(RolloutJsonDocument) doc = NULL;
      const RolloutJsonValue *v;

      g_test_message ("%s", c->json);
      doc = parse_ok (c->json);
      v = rollout_json_document_get_root (doc);
      g_assert_cmpint (rollout_json_get_type (v), ==, c->type);

      switch (c->type)
        {
        case ROLLOUT_JSON_NULL:
          break;
        case ROLLOUT_JSON_BOOLEAN:
          g_assert_cmpint (rollout_json_get_boolean (v), ==, c->integer);
          break;
        case ROLLOUT_JSON_INT:
          g_assert_cmpint (rollout_json_get_int (v), ==, c->integer);
          g_assert_cmpfloat (rollout_json_get_double (v), ==, (double) c->integer);
          break;
        case ROLLOUT_JSON_DOUBLE:
          g_assert_cmpfloat (rollout_json_get_double (v), ==, c->number);
          break;
        case ROLLOUT_JSON_STRING:
          g_assert_cmpstr (rollout_json_get_string (v), ==, c->string);
          break;
        case ROLLOUT_JSON_ARRAY:
        case ROLLOUT_JSON_OBJECT:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_negative_zero (void)
{
  g_autoptr(RolloutJsonDocument) doc = parse_ok ("[-0, -0.0, 0.0, -0e5]");
  const RolloutJsonValue *root = rollout_json_document_get_root (doc);

  g_assert_cmpint (rollout_json_get_type (rollout_json_array_get (root, 0)), ==, ROLLOUT_JSON_INT);
  g_assert_cmpint (rollout_json_get_int (rollout_json_array_get (root, 0)), ==, 0);
  g_assert_cmpint (rollout_json_get_type (rollout_json_array_get (root, 1)), ==, ROLLOUT_JSON_DOUBLE);
  g_assert_cmpfloat (rollout_json_get_double (rollout_json_array_get (root, 1)), ==, 0.0);
  g_assert_true (signbit (rollout_json_get_double (rollout_json_array_get (root, 1))));
  g_assert_false (signbit (rollout_json_get_double (rollout_json_array_get (root, 2))));
  g_assert_true (signbit (rollout_json_get_double (rollout_json_array_get (root, 3))));
}

/* Every number converts exactly as g_ascii_strtod() converts it. */
static void
test_numbers_like_strtod (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RolloutJsonDocument) doc = NULL;
  const RolloutJsonValue *root;

  for (guint i = 0; i < 20000; i++)
    {
      GString *n = g_string_new (g_rand_boolean (rand) ? "-" : "");
      guint int_digits = g_rand_int_range (rand, 1, 22);
      guint frac_digits = g_rand_int_range (rand, 0, 22);

      /* Digits, often with runs of zeros or nines. */
      for (guint d = 0; d < int_digits + frac_digits; d++)
        {
          int kind = g_rand_int_range (rand, 0, 4);
          char c = kind == 0 ? '0' : kind == 1 ? '9' : '0' + g_rand_int_range (rand, 0, 10);

          if (d == int_digits)
            g_string_append_c (n, '.');
          if (d == 0 && int_digits > 1 && c == '0')
            c = '1';
          g_string_append_c (n, c);
        }
      if (frac_digits == 0 || g_rand_boolean (rand))
        g_string_append_printf (n, "e%d", g_rand_int_range (rand, -40, 40));

      g_string_append_printf (text, "%s%s", i ? "," : "", n->str);
      g_ptr_array_add (numbers, g_string_free (n, FALSE));
    }
  g_string_append (text, "]");

  doc = parse_ok (text->str);
  root = rollout_json_document_get_root (doc);
  g_assert_cmpuint (rollout_json_get_length (root), ==, numbers->len);
  for (guint i = 0; i < numbers->len; i++)
    {
      const char *n = g_ptr_array_index (numbers, i);
      double expected = g_ascii_strtod (n, NULL);
      double got = rollout_json_get_double (rollout_json_array_get (root, i));

      if (memcmp (&expected, &got, sizeof (double)) != 0)
        g_error ("%s: %.17g, but strtod gives %.17g", n, got, expected);
    }
}

/* Strings come out NUL-terminated even when the input is not. */
static void
test_unterminated_input (void)
{
  const char text[] = { '[', '"', 'a', 'b', '"', ',', '7', ']' };
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutJsonDocument) doc = parse_exact (text, sizeof text, DEPTH, &error);
  const RolloutJsonValue *root;

  g_assert_no_error (error);
  root = rollout_json_document_get_root (doc);
  g_assert_cmpstr (rollout_json_get_string (rollout_json_array_get (root, 0)), ==, "ab");
  g_assert_cmpint (rollout_json_get_int (rollout_json_array_get (root, 1)), ==, 7);
}

/* Containers --------------------------------------------------------------- */

static void
test_empty_containers (void)
{
  g_autoptr(RolloutJsonDocument) doc = parse_ok ("{ \"a\": [], \"o\": {}, \"s\": [ ], \"t\": {\n} }");
  const RolloutJsonValue *root = rollout_json_document_get_root (doc);
  const char *keys[] = { "a", "o", "s", "t" };

  g_assert_cmpint (rollout_json_get_type (root), ==, ROLLOUT_JSON_OBJECT);
  g_assert_cmpuint (rollout_json_get_length (root), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const RolloutJsonValue *v = rollout_json_object_get (root, keys[i]);

      g_assert_cmpstr (rollout_json_object_get_key (root, i), ==, keys[i]);
      g_assert_true (rollout_json_object_get_value (root, i) == v);
      g_assert_cmpint (rollout_json_get_type (v), ==, i % 2 ? ROLLOUT_JSON_OBJECT : ROLLOUT_JSON_ARRAY);
      g_assert_cmpuint (rollout_json_get_length (v), ==, 0);
    }
  g_assert_null (rollout_json_object_get (rollout_json_object_get (root, "o"), "a"));
  g_assert_null (rollout_json_object_get (root, "b"));
  g_assert_null (rollout_json_object_get (root, ""));
}

static void
test_nested_values (void)
{
  g_autoptr(RolloutJsonDocument) doc = parse_ok (
    "[1, \"two\", [3, [4]], {\"five\": 5, \"six\": {\"seven\": [7, 8]}}, null, true, 9.5,\n"
    " {\"id\": \"a\", \"id2\": \"b\", \"i\": \"c\"}]");
  const RolloutJsonValue *root = rollout_json_document_get_root (doc);
  const RolloutJsonValue *v, *o;

  g_assert_cmpuint (rollout_json_get_length (root), ==, 8);
  g_assert_cmpint (rollout_json_get_int (rollout_json_array_get (root, 0)), ==, 1);
  g_assert_cmpstr (rollout_json_get_string (rollout_json_array_get (root, 1)), ==, "two");
  v = rollout_json_array_get (root, 2);
  g_assert_cmpuint (rollout_json_get_length (v), ==, 2);
  g_assert_cmpint (rollout_json_get_int (rollout_json_array_get (v, 0)), ==, 3);
  v = rollout_json_array_get (v, 1);
  g_assert_cmpuint (rollout_json_get_length (v), ==, 1);
  g_assert_cmpint (rollout_json_get_int (rollout_json_array_get (v, 0)), ==, 4);

  o = rollout_json_array_get (root, 3);
  g_assert_cmpuint (rollout_json_get_length (o), ==, 2);
  g_assert_cmpint (rollout_json_get_int (rollout_json_object_get (o, "five")), ==, 5);
  v = rollout_json_object_get (rollout_json_object_get (o, "six"), "seven");
  g_assert_cmpuint (rollout_json_get_length (v), ==, 2);
  g_assert_cmpint (rollout_json_get_int (rollout_json_array_get (v, 1)), ==, 8);

  g_assert_cmpint (rollout_json_get_type (rollout_json_array_get (root, 4)), ==, ROLLOUT_JSON_NULL);
  g_assert_true (rollout_json_get_boolean (rollout_json_array_get (root, 5)));
  g_assert_cmpfloat (rollout_json_get_double (rollout_json_array_get (root, 6)), ==, 9.5);

  o = rollout_json_array_get (root, 7);
  g_assert_cmpstr (rollout_json_get_string (rollout_json_object_get (o, "id")), ==, "a");
  g_assert_cmpstr (rollout_json_get_string (rollout_json_object_get (o, "id2")), ==, "b");
  g_assert_cmpstr (rollout_json_get_string (rollout_json_object_get (o, "i")), ==, "c");
  g_assert_null (rollout_json_object_get (o, "id3"));
  g_assert_null (rollout_json_object_get (o, "I"));
}

static void
test_member_order_and_unicode_keys (void)
{
  g_autoptr(RolloutJsonDocument) doc = parse_ok (
    "{\"z\": 1, \"a\": 2, \"m\": 3, \"ключ\": 4, \"\\u00e9t\\u00e9\": 5, \"😀\": 6, \"a b\": 7, \"\": 8}");
  const RolloutJsonValue *root = rollout_json_document_get_root (doc);
  const char *keys[] = { "z", "a", "m", "ключ", "été", "😀", "a b", "" };

  g_assert_cmpuint (rollout_json_get_length (root), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_cmpstr (rollout_json_object_get_key (root, i), ==, keys[i]);
      g_assert_cmpint (rollout_json_get_int (rollout_json_object_get_value (root, i)), ==, i + 1);
      g_assert_cmpint (rollout_json_get_int (rollout_json_object_get (root, keys[i])), ==, i + 1);
    }
}

/* Objects past the small size are looked up through their index; sizes
 * around the points where the index is made and grows. */
static void
test_large_objects (void)
{
  const guint sizes[] = { 16, 17, 18, 32, 33, 64, 65, 1000, 5000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      g_autoptr(GString) text = g_string_new ("{");
      g_autoptr(RolloutJsonDocument) doc = NULL;
      const RolloutJsonValue *root;

      /* Names in a scrambled but fixed order. */
      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "%s\"key-%u\": %u", i ? ", " : "", (i * 7919) % n, i);
      g_string_append (text, "}");

      doc = parse_ok (text->str);
      root = rollout_json_document_get_root (doc);
      g_assert_cmpuint (rollout_json_get_length (root), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("key-%u", (i * 7919) % n);

          g_assert_cmpstr (rollout_json_object_get_key (root, i), ==, key);
          g_assert_cmpint (rollout_json_get_int (rollout_json_object_get (root, key)), ==, i);
        }
      g_assert_null (rollout_json_object_get (root, "key-"));
      g_assert_null (rollout_json_object_get (root, "missing"));
      g_assert_null (rollout_json_object_get (root, "key-100000"));
    }
}

static void
test_deep_nesting_allowed (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RolloutJsonDocument) doc = NULL;
  const RolloutJsonValue *v;

  /* DEPTH levels, alternating arrays and objects. */
  for (guint i = 0; i < DEPTH; i++)
    g_string_append (text, i % 2 ? "{\"k\": " : "[");
  g_string_append (text, "\"bottom\"");
  for (guint i = DEPTH; i-- > 0;)
    g_string_append (text, i % 2 ? "}" : "]");

  doc = parse_ok (text->str);
  v = rollout_json_document_get_root (doc);
  for (guint i = 0; i < DEPTH; i++)
    {
      g_assert_cmpuint (rollout_json_get_length (v), ==, 1);
      v = i % 2 ? rollout_json_object_get (v, "k") : rollout_json_array_get (v, 0);
    }
  g_assert_cmpstr (rollout_json_get_string (v), ==, "bottom");
}

/* A million nested arrays: refused at the limit, or, with no limit, parsed
 * and freed without recursion. */
static void
test_million_brackets (void)
{
  const gsize n = 1000000;
  g_autofree char *text = g_malloc (2 * n);
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutJsonDocument) doc = NULL;
  g_autofree char *expected = NULL;
  const RolloutJsonValue *v;
  gint64 t0 = g_get_monotonic_time ();

  memset (text, '[', n);
  memset (text + n, ']', n);

  assert_parse_error (text, n, DEPTH, "line 1, column 65: nested more than 64 levels deep");
  expected = g_strdup_printf ("line 1, column %" G_GSIZE_FORMAT ": unexpected end of file "
                              "(an array opened at line 1 is not closed)", n + 1);
  assert_parse_error (text, n, 0, expected);

  doc = parse_exact (text, 2 * n, 0, &error);
  g_assert_no_error (error);
  v = rollout_json_document_get_root (doc);
  for (gsize i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (rollout_json_get_length (v), ==, 1);
      v = rollout_json_array_get (v, 0);
    }
  g_assert_cmpuint (rollout_json_get_length (v), ==, 0);
  g_clear_pointer (&doc, rollout_json_document_free);

  g_test_message ("a million brackets three times: %.1f ms",
                  (g_get_monotonic_time () - t0) / 1000.0);
}

/* Errors ------------------------------------------------------------------- */

typedef struct {
  const char *json;
  gssize      length; /* -1: up to the NUL */
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* Empty. */
  { "", -1, "the file is empty" },
  { "  \n\t\r\n ", -1, "the file is empty" },
  { "\xef\xbb\xbf", -1, "the file is empty" },
  { "\xef\xbb\xbf \n", -1, "the file is empty" },

  /* Truncated. */
  { "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [1, 2]\n", -1,
    "line 5, column 1: unexpected end of file (an object opened at line 3 is not closed)" },
  { "{\n  \"list\": [\n    1,\n", -1,
    "line 4, column 1: unexpected end of file (an array opened at line 2 is not closed)" },
  { "[", -1, "line 1, column 2: unexpected end of file (an array opened at line 1 is not closed)" },
  { "{", -1, "line 1, column 2: unexpected end of file (an object opened at line 1 is not closed)" },
  { "{\"a\"", -1, "line 1, column 5: unexpected end of file (an object opened at line 1 is not closed)" },
  { "{\"a\":", -1, "line 1, column 6: unexpected end of file (an object opened at line 1 is not closed)" },
  { "[1,", -1, "line 1, column 4: unexpected end of file (an array opened at line 1 is not closed)" },

  /* Punctuation. */
  { "[1, 2,]", -1, "line 1, column 6: trailing comma before ‘]’" },
  { "[1, 2,\n]", -1, "line 1, column 6: trailing comma before ‘]’" },
  { "{\"a\": 1,}", -1, "line 1, column 8: trailing comma before ‘}’" },
  { "{\"a\": 1 \"b\": 2}", -1, "line 1, column 9: expected ‘,’ or ‘}’ after a member" },
  { "{\"a\": 1]", -1, "line 1, column 8: expected ‘,’ or ‘}’ after a member" },
  { "[1 2]", -1, "line 1, column 4: expected ‘,’ or ‘]’ after an element" },
  { "[1}", -1, "line 1, column 3: expected ‘,’ or ‘]’ after an element" },
  { "[true-1]", -1, "line 1, column 6: expected ‘,’ or ‘]’ after an element" },
  { "{a: 1}", -1, "line 1, column 2: expected a member name in double quotes" },
  { "{'a': 1}", -1, "line 1, column 2: expected a member name in double quotes" },
  { "{\"a\": 1, 2}", -1, "line 1, column 10: expected a member name in double quotes" },
  { "{\"a\" 1}", -1, "line 1, column 6: expected ‘:’ after a member name" },
  { "{\"a\"= 1}", -1, "line 1, column 5: expected ‘:’ after a member name" },
  { "[,1]", -1, "line 1, column 2: expected a value, found ‘,’" },
  { "{\"a\": }", -1, "line 1, column 7: expected a value, found ‘}’" },
  { "]", -1, "line 1, column 1: expected a value, found ‘]’" },

  /* Words and numbers. */
  { "tru", -1, "line 1, column 1: unknown word ‘tru’" },
  { "[True]", -1, "line 1, column 2: unknown word ‘True’" },
  { "[truex]", -1, "line 1, column 2: unknown word ‘truex’" },
  { "[nul]", -1, "line 1, column 2: unknown word ‘nul’" },
  { "NaN", -1, "line 1, column 1: unknown word ‘NaN’" },
  { "[Infinity]", -1, "line 1, column 2: unknown word ‘Infinity’" },
  { "{\"a\": undefined}", -1, "line 1, column 7: unknown word ‘undefined’" },
  { "[-Infinity]", -1, "line 1, column 2: invalid number ‘-Infinity’" },
  { "01", -1, "line 1, column 1: invalid number ‘01’" },
  { "[-01]", -1, "line 1, column 2: invalid number ‘-01’" },
  { "[1.]", -1, "line 1, column 2: invalid number ‘1.’" },
  { "[.5]", -1, "line 1, column 2: invalid number ‘.5’" },
  { "[+1]", -1, "line 1, column 2: invalid number ‘+1’" },
  { "[1,-]", -1, "line 1, column 4: invalid number ‘-’" },
  { "1e", -1, "line 1, column 1: invalid number ‘1e’" },
  { "[1e+]", -1, "line 1, column 2: invalid number ‘1e+’" },
  { "[0x1F]", -1, "line 1, column 2: invalid number ‘0x1F’" },
  { "[1.5.2]", -1, "line 1, column 2: invalid number ‘1.5.2’" },
  { "[12px]", -1, "line 1, column 2: invalid number ‘12px’" },
  { "-", -1, "line 1, column 1: invalid number ‘-’" },
  { "[1e309]", -1, "line 1, column 2: number out of range" },
  { "[\n  -2e400\n]", -1, "line 2, column 3: number out of range" },

  /* Strings. */
  { "\"a\\xb\"", -1, "line 1, column 3: invalid escape ‘\\x’ in a string" },
  { "[\"\\'\"]", -1, "line 1, column 3: invalid escape ‘\\'’ in a string" },
  { "\"\\u12G4\"", -1, "line 1, column 2: invalid escape ‘\\u12G4’ in a string" },
  { "\"\\u12\"", -1, "line 1, column 2: invalid escape ‘\\u12’ in a string" },
  { "\"\\U0041\"", -1, "line 1, column 2: invalid escape ‘\\U’ in a string" },
  { "\"\\ud800\"", -1, "line 1, column 2: unpaired surrogate ‘\\uD800’ in a string" },
  { "\"\\udc00\\ud800\"", -1, "line 1, column 2: unpaired surrogate ‘\\uDC00’ in a string" },
  { "\"x\\ud800\\u0041\"", -1, "line 1, column 3: unpaired surrogate ‘\\uD800’ in a string" },
  { "\"\\ud800\\ud800\"", -1, "line 1, column 2: unpaired surrogate ‘\\uD800’ in a string" },
  { "\"\\u0000\"", -1, "line 1, column 2: ‘\\u0000’ is not allowed in a string" },
  { "\"abc", -1, "line 1, column 1: a string is not closed" },
  { "\"abc\\", -1, "line 1, column 1: a string is not closed" },
  { "[\"abc\n]", -1, "line 1, column 2: a string is not closed" },
  { "\"a\tb\"", -1, "line 1, column 3: control character U+0009 must be escaped in a string" },
  { "\"\x1b[0m\"", -1, "line 1, column 2: control character U+001B must be escaped in a string" },
  { "'a'", -1, "line 1, column 1: strings must be in double quotes, not single quotes" },

  /* Encoding. */
  { "\"caf\xc3\"", -1, "line 1, column 5: the text is not valid UTF-8" },
  { "[\"é\",\n \xff]", -1, "line 2, column 2: the text is not valid UTF-8" },
  { "\"\xed\xa0\x80\"", -1, "line 1, column 2: the text is not valid UTF-8" },
  { "\xef\xbb[]", -1, "line 1, column 1: the text is not valid UTF-8" },
  { "[1,\0 2]", 7, "line 1, column 4: the file contains a NUL byte" },
  { "\"a\0\"", 4, "line 1, column 3: the file contains a NUL byte" },
  { "[\xc2\xa0]", -1, "line 1, column 2: unexpected character U+00A0" },
  { "[é]", -1, "line 1, column 2: unexpected character ‘é’" },
  { "[\f1]", -1, "line 1, column 2: unexpected character U+000C" },

  /* Columns count characters; lines count '\n'. */
  { "[\"ééé\" 1]", -1, "line 1, column 8: expected ‘,’ or ‘]’ after an element" },
  { "[\"😀\" x]", -1, "line 1, column 6: expected ‘,’ or ‘]’ after an element" },
  { "\xef\xbb\xbf[1,]", -1, "line 1, column 3: trailing comma before ‘]’" },
  { "[\r\n1,\r\n]", -1, "line 2, column 2: trailing comma before ‘]’" },

  /* Duplicates. */
  { "{\n  \"id\": 1,\n  \"name\": 2,\n  \"id\": 3\n}", -1,
    "line 4, column 3: duplicate member “id” (first at line 2)" },
  { "[{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}, \"a\": 0}]", -1,
    "line 1, column 33: duplicate member “a” (first at line 1)" },
  { "{\"\\u0061\": 1, \"a\": 2}", -1, "line 1, column 15: duplicate member “a” (first at line 1)" },
  { "{\"\": 1, \"\": 2}", -1, "line 1, column 9: duplicate member “” (first at line 1)" },

  /* After the document. */
  { "1 2", -1, "line 1, column 3: unexpected text after the end of the document" },
  { "{}\n\n x", -1, "line 3, column 2: unexpected text after the end of the document" },
  { "[1] // note", -1, "line 1, column 5: unexpected text after the end of the document" },
  { "// note\n[1]", -1, "line 1, column 1: comments are not allowed" },
  { "[1, /* two */ 2]", -1, "line 1, column 5: comments are not allowed" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];

      g_test_message ("case %u: %s", i, c->message);
      assert_parse_error (c->json, c->length, DEPTH, c->message);
    }
}

typedef struct {
  const char *json;
  guint       max_depth;
  const char *message; /* NULL when it parses */
} DepthCase;

static const DepthCase depth_cases[] = {
  { "[[[[1]]]]", 4, NULL },
  { "[[[[1]]]]", 3, "line 1, column 4: nested more than 3 levels deep" },
  { "[[[{}]]]", 4, NULL },
  { "[[[{}]]]", 3, "line 1, column 4: nested more than 3 levels deep" },
  { "{\"a\": [{\"b\": 1}]}", 3, NULL },
  { "{\"a\": [{\"b\": 1}]}", 2, "line 1, column 8: nested more than 2 levels deep" },
  { "[1, [2], [[3]]]", 3, NULL },
  { "[1, [2], [[3]]]", 2, "line 1, column 11: nested more than 2 levels deep" },
  { "\"scalars are at depth 0\"", 1, NULL },
};

static void
test_depth_limit (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (depth_cases); i++)
    {
      const DepthCase *c = &depth_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(RolloutJsonDocument) doc = NULL;

      if (c->message != NULL)
        {
          assert_parse_error (c->json, -1, c->max_depth, c->message);
          continue;
        }
      doc = parse_exact (c->json, strlen (c->json), c->max_depth, &error);
      g_assert_no_error (error);
      g_assert_nonnull (doc);
    }
}

/* Duplicates in objects large enough to have an index, wherever they are. */
static void
test_duplicates_in_large_objects (void)
{
  const guint sizes[] = { 17, 40, 1000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dup = 0; dup < sizes[s]; dup += 1 + sizes[s] / 7)
      {
        guint n = sizes[s];
        g_autoptr(GString) text = g_string_new ("{\n");
        g_autofree char *expected = NULL;

        for (guint i = 0; i < n; i++)
          g_string_append_printf (text, "  \"member-%u\": %u,\n", i, i);
        g_string_append_printf (text, "  \"member-%u\": true\n}\n", dup);
        expected = g_strdup_printf ("line %u, column 3: duplicate member “member-%u” (first at line %u)",
                                    n + 2, dup, dup + 2);
        assert_parse_error (text->str, -1, DEPTH, expected);
      }
}

/* Hostile input ------------------------------------------------------------ */

static const char *sample_document =
  "\xef\xbb\xbf{\n"
  "  \"format\": \"rollout-project\",\n"
  "  \"version\": 1,\n"
  "  \"name\": \"Reserve \\\"scooters\\\" \\u00e9t\\u00e9 \\ud83d\\ude00\",\n"
  "  \"ratio\": -12.5e-1,\n"
  "  \"big\": 12345678901234567890,\n"
  "  \"flags\": [true, false, null, 0, -0, 1e308],\n"
  "  \"tasks\": [\n"
  "    { \"id\": \"a\", \"duration\": 3, \"depends_on\": [] },\n"
  "    { \"id\": \"b\", \"duration\": 0, \"depends_on\": [ { \"task\": \"a\", \"lag\": -2 } ] }\n"
  "  ],\n"
  "  \"wide\": { \"k0\": 0, \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6,\n"
  "            \"k7\": 7, \"k8\": 8, \"k9\": 9, \"k10\": 10, \"k11\": 11, \"k12\": 12,\n"
  "            \"k13\": 13, \"k14\": 14, \"k15\": 15, \"k16\": 16, \"k17\": 17, \"k18\": 18 },\n"
  "  \"ключ\": \"tab\\tnewline\\nslash\\/\",\n"
  "  \"empty\": [{}, [], \"\"]\n"
  "}\n";

/* Reads every value, so that the sanitizers see every byte the document
 * holds. Returns the number of values. */
static guint
walk (const RolloutJsonValue *v)
{
  guint n = 1;

  switch (rollout_json_get_type (v))
    {
    case ROLLOUT_JSON_NULL:
      break;
    case ROLLOUT_JSON_BOOLEAN:
      g_assert_true (rollout_json_get_boolean (v) == TRUE || rollout_json_get_boolean (v) == FALSE);
      break;
    case ROLLOUT_JSON_INT:
    case ROLLOUT_JSON_DOUBLE:
      g_assert_false (isinf (rollout_json_get_double (v)));
      g_assert_false (isnan (rollout_json_get_double (v)));
      break;
    case ROLLOUT_JSON_STRING:
      g_assert_true (g_utf8_validate (rollout_json_get_string (v), -1, NULL));
      break;
    case ROLLOUT_JSON_ARRAY:
      for (guint i = 0; i < rollout_json_get_length (v); i++)
        n += walk (rollout_json_array_get (v, i));
      break;
    case ROLLOUT_JSON_OBJECT:
      for (guint i = 0; i < rollout_json_get_length (v); i++)
        {
          const char *key = rollout_json_object_get_key (v, i);

          g_assert_true (g_utf8_validate (key, -1, NULL));
          g_assert_true (rollout_json_object_get (v, key) == rollout_json_object_get_value (v, i));
          n += walk (rollout_json_object_get_value (v, i));
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return n;
}

static void
assert_parses_or_fails_cleanly (const char *text,
                                gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutJsonDocument) doc = parse_exact (text, length, DEPTH, &error);

  if (doc != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (walk (rollout_json_document_get_root (doc)), >, 0);
    }
  else
    {
      guint line = 0, column = 0;

      g_assert_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_SYNTAX);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strcmp (error->message, "the file is empty") != 0)
        {
          g_assert_cmpint (sscanf (error->message, "line %u, column %u: ", &line, &column), ==, 2);
          g_assert_cmpuint (line, >=, 1);
          g_assert_cmpuint (column, >=, 1);
        }
    }
}

static void
test_truncations (void)
{
  gsize length = strlen (sample_document);
  const char *last_brace = strrchr (sample_document, '}');
  g_autoptr(RolloutJsonDocument) whole = parse_ok (sample_document);

  g_assert_cmpuint (walk (rollout_json_document_get_root (whole)), ==, 50);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RolloutJsonDocument) doc = parse_exact (sample_document, cut, DEPTH, &error);

      /* Only the trailing newline may go. */
      if (cut <= (gsize) (last_brace - sample_document))
        g_assert_null (doc);
      assert_parses_or_fails_cleanly (sample_document, cut);
    }
}

static void
test_corruptions (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  gsize length = strlen (sample_document);
  g_autofree char *text = g_malloc (length);
  const char interesting[] = "{}[]\",:\\u0123456789-+.eE \n\ttfn\xc3\xa9\xff";

  for (guint round = 0; round < 20000; round++)
    {
      guint flips = g_rand_int_range (rand, 1, 4);

      memcpy (text, sample_document, length);
      for (guint i = 0; i < flips; i++)
        {
          gsize at = g_rand_int_range (rand, 0, length);

          if (g_rand_boolean (rand))
            text[at] = (char) g_rand_int_range (rand, 0, 256);
          else
            text[at] = interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];
        }
      assert_parses_or_fails_cleanly (text, g_rand_int_range (rand, length / 2, length + 1));
    }
}

/* json-glib ---------------------------------------------------------------- */

/* Same values, same types, same member order. */
static void
assert_same_as_json_glib (const RolloutJsonValue *v,
                          JsonNode               *node)
{
  switch (rollout_json_get_type (v))
    {
    case ROLLOUT_JSON_NULL:
      g_assert_true (JSON_NODE_HOLDS_NULL (node));
      break;
    case ROLLOUT_JSON_BOOLEAN:
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
      g_assert_cmpint (rollout_json_get_boolean (v), ==, json_node_get_boolean (node));
      break;
    case ROLLOUT_JSON_INT:
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
      g_assert_cmpint (rollout_json_get_int (v), ==, json_node_get_int (node));
      break;
    case ROLLOUT_JSON_DOUBLE:
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
      g_assert_cmpfloat (rollout_json_get_double (v), ==, json_node_get_double (node));
      break;
    case ROLLOUT_JSON_STRING:
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
      g_assert_cmpstr (rollout_json_get_string (v), ==, json_node_get_string (node));
      break;
    case ROLLOUT_JSON_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
        g_assert_cmpuint (rollout_json_get_length (v), ==, json_array_get_length (array));
        for (guint i = 0; i < rollout_json_get_length (v); i++)
          assert_same_as_json_glib (rollout_json_array_get (v, i), json_array_get_element (array, i));
      }
      break;
    case ROLLOUT_JSON_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        guint i = 0;

        g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
        g_assert_cmpuint (rollout_json_get_length (v), ==, json_object_get_size (json_node_get_object (node)));
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            g_assert_cmpstr (rollout_json_object_get_key (v, i), ==, key);
            assert_same_as_json_glib (rollout_json_object_get_value (v, i), member);
            i++;
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static JsonNode *
json_glib_parse (const char *text,
                 gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_to_node (void)
{
  const char *text =
    "{\"z\": [1, -2, 3.25, 1e300, \"s\\u00e9\\ud83d\\ude00\\n\", true, false, null, [], {}],\n"
    " \"a\": {\"nested\": {\"deeper\": [{\"x\": -9223372036854775808}, {\"y\": 9223372036854775807}]}},\n"
    " \"wide\": {\"k0\": 0, \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, \"k7\": 7,\n"
    "          \"k8\": 8, \"k9\": 9, \"k10\": 10, \"k11\": 11, \"k12\": 12, \"k13\": 13, \"k14\": 14,\n"
    "          \"k15\": 15, \"k16\": 16, \"k17\": 17},\n"
    " \"m\": \"last\"}";
  g_autoptr(RolloutJsonDocument) doc = parse_ok (text);
  g_autoptr(JsonNode) ours = rollout_json_to_node (rollout_json_document_get_root (doc));
  g_autoptr(JsonNode) theirs = json_glib_parse (text, -1);
  g_autoptr(JsonNode) leaf = NULL;
  g_autoptr(GList) members = NULL;

  g_assert_true (json_node_equal (ours, theirs));
  assert_same_as_json_glib (rollout_json_document_get_root (doc), ours);
  assert_same_as_json_glib (rollout_json_document_get_root (doc), theirs);

  /* The copy stands on its own. */
  g_clear_pointer (&doc, rollout_json_document_free);
  members = json_object_get_members (json_node_get_object (ours));
  g_assert_cmpuint (g_list_length (members), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (ours), "m"), ==, "last");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (ours), "z"), 4),
                   ==, "sé😀\n");

  doc = parse_ok ("\"just a string\"");
  leaf = rollout_json_to_node (rollout_json_document_get_root (doc));
  g_assert_cmpstr (json_node_get_string (leaf), ==, "just a string");
}

static void
assert_reads_like_json_glib (const char *text,
                             gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RolloutJsonDocument) doc = parse_exact (text, length, DEPTH, &error);
  g_autoptr(JsonNode) theirs = json_glib_parse (text, length);
  g_autoptr(JsonNode) ours = NULL;

  g_assert_no_error (error);
  assert_same_as_json_glib (rollout_json_document_get_root (doc), theirs);
  ours = rollout_json_to_node (rollout_json_document_get_root (doc));
  g_assert_true (json_node_equal (ours, theirs));
}

/* Real plans: the demo, and a generated one, read the same as json-glib. */
static void
test_plans_like_json_glib (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "scooter-reservations.rollout", NULL);
  g_autoptr(RolloutProject) project = rollout_generate_project (500, 3);
  g_autofree char *demo = NULL;
  g_autofree char *generated = NULL;
  gsize demo_length = 0, generated_length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &demo, &demo_length, &error);
  g_assert_no_error (error);
  assert_reads_like_json_glib (demo, demo_length);

  generated = rollout_file_write (project, &generated_length);
  assert_reads_like_json_glib (generated, generated_length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollout/json/scalars", test_scalars);
  g_test_add_func ("/rollout/json/negative-zero", test_negative_zero);
  g_test_add_func ("/rollout/json/numbers-like-strtod", test_numbers_like_strtod);
  g_test_add_func ("/rollout/json/unterminated-input", test_unterminated_input);
  g_test_add_func ("/rollout/json/empty-containers", test_empty_containers);
  g_test_add_func ("/rollout/json/nested-values", test_nested_values);
  g_test_add_func ("/rollout/json/member-order-and-unicode-keys", test_member_order_and_unicode_keys);
  g_test_add_func ("/rollout/json/large-objects", test_large_objects);
  g_test_add_func ("/rollout/json/deep-nesting-allowed", test_deep_nesting_allowed);
  g_test_add_func ("/rollout/json/million-brackets", test_million_brackets);
  g_test_add_func ("/rollout/json/errors", test_errors);
  g_test_add_func ("/rollout/json/depth-limit", test_depth_limit);
  g_test_add_func ("/rollout/json/duplicates-in-large-objects", test_duplicates_in_large_objects);
  g_test_add_func ("/rollout/json/truncations", test_truncations);
  g_test_add_func ("/rollout/json/corruptions", test_corruptions);
  g_test_add_func ("/rollout/json/to-node", test_to_node);
  g_test_add_func ("/rollout/json/plans-like-json-glib", test_plans_like_json_glib);

  return g_test_run ();
}
