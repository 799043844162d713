/* rollout-json.c
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A strict RFC 8259 JSON parser for hostile input.
 *
 * The whole input is checked for UTF-8 (and NUL bytes) once, up front; after
 * that every byte is looked at once, left to right. There is no recursion:
 * open arrays and objects live on an explicit stack of frames, so nesting
 * costs heap memory (bounded by @max_depth), never C stack.
 *
 * While a container is open its children are collected on a scratch stack
 * (one for array elements, one for object members). At the closing bracket
 * they are copied, contiguously, into the document's arena and the scratch
 * stack is cut back, so a parent's children are contiguous again once its
 * nested containers have closed. Strings, element and member arrays all live
 * in arena blocks that are freed together with the document: there is no
 * allocation per value.
 *
 * Duplicate member names are refused as soon as they are read. Objects of up
 * to SMALL_OBJECT members compare the new name with each earlier one; larger
 * ones keep an open-addressing hash index (SipHash with a per-process random
 * key, so crafted names cannot make it quadratic), which is kept with the
 * object for lookups.
 *
 * Speed comes from touching little memory, and each byte once: the UTF-8
 * check, whitespace and strings go eight bytes at a time through ASCII;
 * short strings (member names, mostly) are stored once through a small
 * cache; common numbers are converted without strtod(); values are written
 * straight into their slot on the scratch stacks; large arena blocks ask for
 * huge pages.
 *
 * Line and column are not tracked while parsing: an error is located by
 * counting lines and characters up to its byte offset, once.
 */

#define G_LOG_DOMAIN "rollout-json"

#include "config.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include "rollout-json.h"

/* Objects with more members get a hash index. */
#define SMALL_OBJECT 16
/* Arena blocks start at the size of the input and grow geometrically up to
 * this size. */
#define MIN_BLOCK_SIZE (16 * 1024)
#define MAX_BLOCK_SIZE (64 * 1024 * 1024)
/* Blocks at least this large are aligned to it and offered to the kernel
 * for transparent huge pages. Touching fresh memory page by page is most of
 * the cost of parsing a large document otherwise: a 10,000-task plan fills
 * about 1,200 pages of 4 KiB, and in a virtual machine each first touch can
 * cost tens of microseconds. */
#define HUGE_PAGE_SIZE (2 * 1024 * 1024)
/* Longest piece of input quoted in an error message, in characters. */
#define MAX_QUOTE 40

typedef struct _ObjectBody ObjectBody;

struct _RolloutJsonValue
{
  guint32 type;
  guint32 length; /* bytes of a string, elements of an array, members of an object */
  union
  {
    gboolean                boolean;
    gint64                  integer;
    double                  number;
    const char             *string;
    const RolloutJsonValue *elements;
    const ObjectBody       *object;
  } u;
};

typedef struct
{
  const char       *key; /* names contain no NUL, so strcmp() compares them */
  RolloutJsonValue  value;
} Member;

typedef struct
{
  guint32 hash;
  guint32 position; /* member position + 1, or 0 for an empty slot */
} IndexSlot;

struct _ObjectBody
{
  const IndexSlot *index; /* NULL, or mask + 1 slots */
  guint32          mask;
  Member           members[];
};

/* Recently stored short strings, to store each only once: names repeat in
 * every object, and so do many values ("todo", team ids). */
typedef struct
{
  const char *string;
  guint32     length;
} CacheSlot;

#define CACHE_SIZE 512
#define CACHE_MAX_LENGTH 32

typedef struct _Block Block;

struct _Block
{
  Block    *next;
  gsize     size;
  gboolean  aligned;
};

struct _RolloutJsonDocument
{
  Block            *blocks;
  char             *pos;
  char             *end;
  gsize             next_block_size;
  RolloutJsonValue  root;
};

typedef struct
{
  gboolean   is_object;
  guint32    mask;
  IndexSlot *index;
  gsize     open;  /* offset of the bracket */
  gsize     first; /* first child on the scratch stack */
} Frame;

typedef struct
{
  const char *start; /* after a byte order mark */
  const char *end;
  RolloutJsonDocument *doc;
  guint max_depth;
  GError **error;
  /* Where the error is, 1-based; 0 when it has no place. */
  int error_line;
  int error_column;

  Frame *frames;
  gsize n_frames, frames_size;
  RolloutJsonValue *values;
  gsize n_values, values_size;
  Member *members;
  guint32 *key_offsets; /* parallel to members: where each name starts */
  gsize n_members, members_size;
  CacheSlot *cache;
} Parser;

/* Bytes that end the fast scan of a string: '"', '\\' and controls. */
static const guint8 string_stop[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* Eight bytes at a time ---------------------------------------------------- */

/* A byte repeated in each byte of a word. */
#define REPEAT(c) (G_GUINT64_CONSTANT (0x0101010101010101) * (guchar) (c))
/* Non-zero when some byte of @w is zero; exact, not just a hint. */
#define HAS_ZERO(w) (((w) - REPEAT (1)) & ~(w) & REPEAT (0x80))
/* Non-zero when some byte of @w is less than @n (at most 128). */
#define HAS_LESS(w, n) (((w) - REPEAT (n)) & ~(w) & REPEAT (0x80))

static inline guint64
load64 (const char *p)
{
  guint64 w;

  memcpy (&w, p, 8);
  return w;
}

/* Like g_utf8_validate_len(), which it uses, but skips ASCII text eight
 * bytes at a time. On failure, *@out_bad is the first bad byte. */
static gboolean
validate_utf8 (const char  *p,
               const char  *end,
               const char **out_bad)
{
  while (p < end)
    {
      const char *chunk_end, *bad;
      guint back = 0;

      /* ASCII without NUL. */
      while (end - p >= 8)
        {
          guint64 w = load64 (p);

          if ((w & REPEAT (0x80)) != 0 || HAS_ZERO (w))
            break;
          p += 8;
        }
      while (p < end && (guchar) *p < 0x80 && *p != '\0')
        p++;
      if (p == end)
        break;

      /* The rest of a short chunk, which ends at a character's first byte
       * so as not to split a valid character. Past three continuation
       * bytes the text is invalid there anyway. */
      chunk_end = end - p > 64 ? p + 64 : end;
      while (chunk_end < end && ((guchar) *chunk_end & 0xc0) == 0x80 && back < 3)
        {
          chunk_end--;
          back++;
        }
      if (!g_utf8_validate_len (p, chunk_end - p, &bad))
        {
          *out_bad = bad;
          return FALSE;
        }
      p = chunk_end;
    }
  return TRUE;
}

/* Hashing ---------------------------------------------------------------- */

static guint64 sip_k0, sip_k1;

static void
hash_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      sip_k0 = ((guint64) g_random_int () << 32) | g_random_int ();
      sip_k1 = ((guint64) g_random_int () << 32) | g_random_int ();
      g_once_init_leave (&initialized, 1);
    }
}

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                    \
  G_STMT_START {                                                    \
    v0 += v1; v1 = ROTL (v1, 13); v1 ^= v0; v0 = ROTL (v0, 32);     \
    v2 += v3; v3 = ROTL (v3, 16); v3 ^= v2;                         \
    v0 += v3; v3 = ROTL (v3, 21); v3 ^= v0;                         \
    v2 += v1; v1 = ROTL (v1, 17); v1 ^= v2; v2 = ROTL (v2, 32);     \
  } G_STMT_END

/* SipHash-1-3: keyed, so that names colliding in the index cannot be
 * crafted without knowing the key. */
static guint32
hash_key (const char *key,
          gsize       length)
{
  guint64 v0 = sip_k0 ^ G_GUINT64_CONSTANT (0x736f6d6570736575);
  guint64 v1 = sip_k1 ^ G_GUINT64_CONSTANT (0x646f72616e646f6d);
  guint64 v2 = sip_k0 ^ G_GUINT64_CONSTANT (0x6c7967656e657261);
  guint64 v3 = sip_k1 ^ G_GUINT64_CONSTANT (0x7465646279746573);
  const guint8 *p = (const guint8 *) key;
  const guint8 *end = p + (length & ~(gsize) 7);
  guint64 b = (guint64) length << 56;

  for (; p != end; p += 8)
    {
      guint64 m;

      memcpy (&m, p, 8);
      m = GUINT64_FROM_LE (m);
      v3 ^= m;
      SIPROUND;
      v0 ^= m;
    }

  switch (length & 7)
    {
    case 7: b |= (guint64) p[6] << 48; G_GNUC_FALLTHROUGH;
    case 6: b |= (guint64) p[5] << 40; G_GNUC_FALLTHROUGH;
    case 5: b |= (guint64) p[4] << 32; G_GNUC_FALLTHROUGH;
    case 4: b |= (guint64) p[3] << 24; G_GNUC_FALLTHROUGH;
    case 3: b |= (guint64) p[2] << 16; G_GNUC_FALLTHROUGH;
    case 2: b |= (guint64) p[1] << 8; G_GNUC_FALLTHROUGH;
    case 1: b |= (guint64) p[0]; break;
    default: break;
    }

  v3 ^= b;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  b = v0 ^ v1 ^ v2 ^ v3;
  return (guint32) (b ^ (b >> 32));
}

#undef SIPROUND
#undef ROTL

/* Inserts members[position], whose name hashes to @hash, unless a member of
 * the same name is there; returns that member's position, or -1. */
static gssize
index_insert (IndexSlot    *index,
              guint32       mask,
              const Member *members,
              guint32       position,
              guint32       hash)
{
  const char *key = members[position].key;

  for (guint32 i = hash & mask;; i = (i + 1) & mask)
    {
      if (index[i].position == 0)
        {
          index[i].hash = hash;
          index[i].position = position + 1;
          return -1;
        }
      if (index[i].hash == hash && strcmp (members[index[i].position - 1].key, key) == 0)
        return index[i].position - 1;
    }
}

/* The arena ---------------------------------------------------------------- */

/* Where an arena with no block yet points: it has no room. */
static char no_block[1];

/* A block with room for at least @size bytes after its header. */
static Block *
block_new (RolloutJsonDocument *doc,
           gsize                size)
{
  Block *block;

#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (size >= HUGE_PAGE_SIZE)
    {
      gsize total = (sizeof (Block) + size + HUGE_PAGE_SIZE - 1) & ~(gsize) (HUGE_PAGE_SIZE - 1);

      block = g_aligned_alloc (1, total, HUGE_PAGE_SIZE);
      /* Only a hint: without huge pages, the block works all the same. */
      madvise (block, total, MADV_HUGEPAGE);
      block->aligned = TRUE;
      block->size = total - sizeof (Block);
    }
  else
#endif
    {
      block = g_malloc (sizeof (Block) + size);
      block->aligned = FALSE;
      block->size = size;
    }
  block->next = doc->blocks;
  doc->blocks = block;
  return block;
}

static void *
arena_alloc_slow (RolloutJsonDocument *doc,
                  gsize                size)
{
  Block *block;

  /* A large request gets a block of its own, leaving the current one in
   * use, so that at most a quarter of a block is ever left unused. */
  if (size > doc->next_block_size / 4)
    return block_new (doc, size) + 1;

  block = block_new (doc, doc->next_block_size);
  doc->pos = (char *) (block + 1) + size;
  doc->end = (char *) (block + 1) + block->size;
  doc->next_block_size = MIN (doc->next_block_size * 2, MAX_BLOCK_SIZE);
  return block + 1;
}

/* Memory for values, members and indexes: 8-byte aligned. */
static inline void *
arena_alloc (RolloutJsonDocument *doc,
             gsize                size)
{
  guintptr aligned = ((guintptr) doc->pos + 7) & ~(guintptr) 7;

  if (aligned <= (guintptr) doc->end && (guintptr) doc->end - aligned >= size)
    {
      doc->pos = (char *) aligned + size;
      return (void *) aligned;
    }
  return arena_alloc_slow (doc, size);
}

/* Memory for strings: unaligned. */
static inline char *
arena_alloc_bytes (RolloutJsonDocument *doc,
                   gsize                size)
{
  if ((gsize) (doc->end - doc->pos) >= size)
    {
      char *p = doc->pos;

      doc->pos += size;
      return p;
    }
  return arena_alloc_slow (doc, size);
}

/* Errors ------------------------------------------------------------------- */

static void
locate (const char *start,
        const char *at,
        gsize      *out_line,
        gsize      *out_column)
{
  const char *line_start = start, *p = start, *nl;
  gsize line = 1, column = 1;

  while ((nl = memchr (p, '\n', at - p)) != NULL)
    {
      line++;
      p = line_start = nl + 1;
    }
  for (p = line_start; p < at; p++)
    if ((*p & 0xc0) != 0x80)
      column++;

  *out_line = line;
  *out_column = column;
}

static gboolean fail_at (Parser     *ps,
                         const char *at,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (Parser     *ps,
         const char *at,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  gsize line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  locate (ps->start, at, &line, &column);
  ps->error_line = (int) MIN (line, (gsize) G_MAXINT);
  ps->error_column = (int) MIN (column, (gsize) G_MAXINT);
  g_set_error_literal (ps->error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_SYNTAX, what);
  return FALSE;
}

/* Input is shorter than 4 GiB, so lines fit. */
static guint
line_of (Parser *ps,
         gsize   offset)
{
  gsize line, column;

  locate (ps->start, ps->start + offset, &line, &column);
  return (guint) line;
}

static gboolean
fail_end_of_file (Parser *ps)
{
  const Frame *f;

  if (ps->n_frames == 0)
    return fail_at (ps, ps->end, "%s", _("unexpected end of file"));

  f = &ps->frames[ps->n_frames - 1];
  if (f->is_object)
    return fail_at (ps, ps->end,
                    _("unexpected end of file (an object opened at line %u is not closed)"),
                    line_of (ps, f->open));
  return fail_at (ps, ps->end,
                  _("unexpected end of file (an array opened at line %u is not closed)"),
                  line_of (ps, f->open));
}

/* The character at @p, for a message: ‘x’, or U+XXXX when it would not
 * show. The input is valid UTF-8. */
static char *
describe_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  if (g_unichar_isgraph (c))
    return g_strdup_printf ("‘%.*s’", (int) (g_utf8_next_char (p) - p), p);
  return g_strdup_printf ("U+%04X", c);
}

/* At most MAX_QUOTE characters of [p, end), for a message. */
static char *
quote_text (const char *p,
            const char *end)
{
  const char *q = p;
  GString *s = g_string_new (NULL);

  for (guint n = 0; q < end && n < MAX_QUOTE; n++)
    q = g_utf8_next_char (q);
  for (const char *r = p; r < q; r++)
    {
      if ((guchar) *r < 0x20)
        g_string_append_printf (s, "\\u%04x", (guint) *r);
      else
        g_string_append_c (s, *r);
    }
  if (q < end)
    g_string_append (s, "…");
  return g_string_free (s, FALSE);
}

/* Scalars ------------------------------------------------------------------ */

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_word_char (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit (c) || c == '_';
}

static inline const char *
skip_space (const char *p,
            const char *end)
{
  for (;;)
    {
      /* Indentation, eight spaces at a time. */
      while (end - p >= 8 && load64 (p) == REPEAT (' '))
        p += 8;
      if (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
      else
        return p;
    }
}

/* Numbers with at most 2^53 as digits and a power of ten up to 22 are
 * converted here exactly; strtod() takes the others. Needs arithmetic in
 * plain double precision (not x87's extended one). */
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
#define FAST_DOUBLES 1
#else
#define FAST_DOUBLES 0
#endif
#define FAST_MANTISSA_LIMIT (G_GUINT64_CONSTANT (1) << 53)

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static gboolean
fail_number (Parser     *ps,
             const char *start)
{
  g_autofree char *text = NULL;
  const char *p = start;

  while (p < ps->end && (is_word_char (*p) || *p == '.' || *p == '+' || *p == '-'))
    p++;
  text = quote_text (start, p);
  return fail_at (ps, start, _("invalid number ‘%s’"), text);
}

static gboolean
parse_number (Parser            *ps,
              const char       **inout_p,
              RolloutJsonValue  *v)
{
  const char *start = *inout_p, *p = start, *end = ps->end;
  gboolean negative = FALSE, integral = TRUE, overflow = FALSE;
  guint64 magnitude = 0;
  /* For the fast path: all digits as an integer, times 10^exponent. */
  gboolean exact = TRUE;
  int exponent = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p == end || !is_digit (*p))
    return fail_number (ps, start);
  if (*p == '0')
    p++;
  else
    for (; p < end && is_digit (*p); p++)
      {
        guint digit = *p - '0';

        if (magnitude > (G_MAXUINT64 - digit) / 10)
          overflow = TRUE;
        else
          magnitude = magnitude * 10 + digit;
      }
  if (p < end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p == end || !is_digit (*p))
        return fail_number (ps, start);
      for (; p < end && is_digit (*p); p++)
        {
          if (magnitude >= FAST_MANTISSA_LIMIT / 10 || exponent < -100000)
            exact = FALSE;
          else
            {
              magnitude = magnitude * 10 + (*p - '0');
              exponent--;
            }
        }
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean negative_exponent = FALSE;
      int e = 0;

      integral = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        negative_exponent = *p++ == '-';
      if (p == end || !is_digit (*p))
        return fail_number (ps, start);
      for (; p < end && is_digit (*p); p++)
        {
          if (e < 100000)
            e = e * 10 + (*p - '0');
          else
            exact = FALSE;
        }
      exponent += negative_exponent ? -e : e;
    }
  /* "01", "1.2.3", "12px": the number must end at a delimiter. */
  if (p < end && (is_word_char (*p) || *p == '.' || *p == '+' || *p == '-'))
    return fail_number (ps, start);

  if (integral && !overflow &&
      magnitude <= (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64))
    {
      v->type = ROLLOUT_JSON_INT;
      v->length = 0;
      if (!negative)
        v->u.integer = (gint64) magnitude;
      else if (magnitude == 0)
        v->u.integer = 0;
      else
        v->u.integer = -(gint64) (magnitude - 1) - 1;
    }
#if FAST_DOUBLES
  else if (exact && !overflow && magnitude <= FAST_MANTISSA_LIMIT &&
           exponent >= -22 && exponent <= 22)
    {
      /* Both operands are exact doubles, so the one rounding of the
       * product or quotient gives the correctly rounded result, as strtod()
       * would (Clinger's fast path). */
      double d = (double) magnitude;

      d = exponent < 0 ? d / powers_of_ten[-exponent] : d * powers_of_ten[exponent];
      v->type = ROLLOUT_JSON_DOUBLE;
      v->length = 0;
      v->u.number = negative ? -d : d;
    }
#endif
  else
    {
      /* g_ascii_strtod needs a terminated string; the input need not be. */
      char buffer[64];
      g_autofree char *heap = NULL;
      gsize length = p - start;
      char *text;
      double d;

      if (length < sizeof buffer)
        text = buffer;
      else
        text = heap = g_malloc (length + 1);
      memcpy (text, start, length);
      text[length] = '\0';
      d = g_ascii_strtod (text, NULL);
      if (isinf (d))
        return fail_at (ps, start, "%s", _("number out of range"));
      v->type = ROLLOUT_JSON_DOUBLE;
      v->length = 0;
      v->u.number = d;
    }

  *inout_p = p;
  return TRUE;
}

static gboolean
fail_escape (Parser     *ps,
             const char *backslash,
             const char *end)
{
  const char *q = backslash + 1;
  g_autofree char *text = NULL;

  if (q >= end || (guchar) *q < 0x20)
    return fail_at (ps, backslash, "%s",
                    _("invalid escape in a string: a backslash must be followed by one of "
                      "‘\"’, ‘\\’, ‘/’, ‘b’, ‘f’, ‘n’, ‘r’, ‘t’ or ‘u’"));
  /* Show "\x", or "\u" and what follows it up to four characters. */
  q = g_utf8_next_char (q);
  if (backslash[1] == 'u')
    for (guint n = 0; n < 4 && q < end && *q != '"' && (guchar) *q >= 0x20; n++)
      q = g_utf8_next_char (q);
  text = quote_text (backslash, q);
  return fail_at (ps, backslash, _("invalid escape ‘%s’ in a string"), text);
}

static inline int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @p, or returns -1. */
static inline gint32
read_hex4 (const char *p,
           const char *end)
{
  gint32 value = 0;

  if (end - p < 6)
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      value = value * 16 + h;
    }
  return value;
}

/* Checks the escape at @p (a backslash) and returns the byte after it, or
 * NULL after setting an error. */
static const char *
check_escape (Parser     *ps,
              const char *p)
{
  const char *end = ps->end;
  gint32 high, low;

  if (p + 1 >= end)
    return p + 1; /* the caller reports the unclosed string */

  switch (p[1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return p + 2;
    case 'u':
      break;
    default:
      fail_escape (ps, p, end);
      return NULL;
    }

  high = read_hex4 (p, end);
  if (high < 0)
    {
      fail_escape (ps, p, end);
      return NULL;
    }
  if (high == 0)
    {
      fail_at (ps, p, "%s", _("‘\\u0000’ is not allowed in a string"));
      return NULL;
    }
  if (high >= 0xdc00 && high <= 0xdfff)
    {
      fail_at (ps, p, _("unpaired surrogate ‘\\u%04X’ in a string"), (guint) high);
      return NULL;
    }
  if (high < 0xd800 || high > 0xdbff)
    return p + 6;

  low = (p + 7 < end && p[6] == '\\' && p[7] == 'u') ? read_hex4 (p + 6, end) : -1;
  if (low < 0xdc00 || low > 0xdfff)
    {
      fail_at (ps, p, _("unpaired surrogate ‘\\u%04X’ in a string"), (guint) high);
      return NULL;
    }
  return p + 12;
}

/* Decodes the escapes in [p, end), which were checked, into @out; returns
 * the end of what was written. */
static char *
decode_string (const char *p,
               const char *end,
               char       *out)
{
  while (p < end)
    {
      const char *backslash = memchr (p, '\\', end - p);
      gunichar c;

      if (backslash == NULL)
        backslash = end;
      memcpy (out, p, backslash - p);
      out += backslash - p;
      p = backslash;
      if (p == end)
        break;

      switch (p[1])
        {
        case 'b': *out++ = '\b'; p += 2; continue;
        case 'f': *out++ = '\f'; p += 2; continue;
        case 'n': *out++ = '\n'; p += 2; continue;
        case 'r': *out++ = '\r'; p += 2; continue;
        case 't': *out++ = '\t'; p += 2; continue;
        case 'u': break;
        default: *out++ = p[1]; p += 2; continue;
        }

      c = read_hex4 (p, end);
      p += 6;
      if (c >= 0xd800 && c <= 0xdbff)
        {
          c = 0x10000 + ((c - 0xd800) << 10) + (read_hex4 (p, end) - 0xdc00);
          p += 6;
        }
      out += g_unichar_to_utf8 (c, out);
    }
  return out;
}

static inline guint32
short_hash (const char *p,
            gsize       length)
{
  guint64 a = 0, b = 0;

  if (length >= 8)
    {
      memcpy (&a, p, 8);
      memcpy (&b, p + length - 8, 8);
    }
  else if (length >= 4)
    {
      guint32 x, y;

      memcpy (&x, p, 4);
      memcpy (&y, p + length - 4, 4);
      a = x;
      b = y;
    }
  else if (length > 0)
    a = (guchar) p[0] | (guchar) p[length / 2] << 8 | (guchar) p[length - 1] << 16;

  a = (a ^ length) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  a = (a ^ (a >> 29) ^ b) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  return (guint32) (a >> 40);
}

/* memcmp() == 0 for at most CACHE_MAX_LENGTH bytes, without a call. */
static inline gboolean
equal_short (const char *a,
             const char *b,
             gsize       length)
{
  if (length >= 8)
    {
      for (gsize i = 0; i + 8 < length; i += 8)
        if (load64 (a + i) != load64 (b + i))
          return FALSE;
      return load64 (a + length - 8) == load64 (b + length - 8);
    }
  for (gsize i = 0; i < length; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

/* Stores [p, p + length), which has no escapes, in the arena, or finds it
 * stored already. A cache slot holds the last string that hashed to it, so
 * each look-up costs at most one comparison. */
static const char *
store_plain (Parser     *ps,
             const char *p,
             gsize       length)
{
  CacheSlot *slot = NULL;
  char *copy;

  if (length <= CACHE_MAX_LENGTH)
    {
      slot = &ps->cache[short_hash (p, length) & (CACHE_SIZE - 1)];
      if (slot->string != NULL && slot->length == length && equal_short (slot->string, p, length))
        return slot->string;
    }

  copy = arena_alloc_bytes (ps->doc, length + 1);
  memcpy (copy, p, length);
  copy[length] = '\0';

  if (slot != NULL)
    {
      slot->string = copy;
      slot->length = length;
    }
  return copy;
}

/* Parses the string whose opening quote is at *@inout_p into the arena. */
static gboolean
parse_string (Parser      *ps,
              const char **inout_p,
              const char **out_string,
              guint32     *out_length)
{
  const char *open = *inout_p, *end = ps->end;
  const char *q = open + 1;
  gboolean escaped = FALSE;
  char *copy;

  for (;;)
    {
      /* Eight bytes at a time. The lowest bit set in the masks marks the
       * first byte that ends the scan exactly. */
      while (end - q >= 8)
        {
          guint64 w = GUINT64_FROM_LE (load64 (q));
          guint64 stop = HAS_ZERO (w ^ REPEAT ('"')) | HAS_ZERO (w ^ REPEAT ('\\')) | HAS_LESS (w, 0x20);

          if (stop != 0)
            {
#ifdef __GNUC__
              q += __builtin_ctzll (stop) / 8;
#endif
              break;
            }
          q += 8;
        }
      while (q < end && !string_stop[(guchar) *q])
        q++;
      if (q >= end)
        return fail_at (ps, open, "%s", _("a string is not closed"));
      if (*q == '"')
        break;
      if (*q == '\\')
        {
          escaped = TRUE;
          if ((q = check_escape (ps, q)) == NULL)
            return FALSE;
          continue;
        }
      /* A line break in a string most likely means a missing quote. */
      if (*q == '\n' || *q == '\r')
        return fail_at (ps, open, "%s", _("a string is not closed"));
      return fail_at (ps, q, _("control character U+%04X must be escaped in a string"),
                      (guint) *q);
    }

  if (!escaped)
    {
      *out_length = q - open - 1;
      *out_string = store_plain (ps, open + 1, *out_length);
    }
  else
    {
      /* Decoding never lengthens; the unused tail stays in the arena. */
      copy = arena_alloc_bytes (ps->doc, q - open);
      *out_length = decode_string (open + 1, q, copy) - copy;
      copy[*out_length] = '\0';
      *out_string = copy;
    }
  *inout_p = q + 1;
  return TRUE;
}

/* A value that is not a string, number, container or literal. */
static gboolean
fail_value (Parser     *ps,
            const char *p)
{
  g_autofree char *what = NULL;

  if (is_word_char (*p))
    {
      g_autofree char *word = NULL;
      const char *q = p;

      while (q < ps->end && is_word_char (*q))
        q++;
      word = quote_text (p, q);
      return fail_at (ps, p, _("unknown word ‘%s’"), word);
    }

  switch (*p)
    {
    case '+': case '.':
      return fail_number (ps, p);
    case '\'':
      return fail_at (ps, p, "%s", _("strings must be in double quotes, not single quotes"));
    case '/':
      return fail_at (ps, p, "%s", _("comments are not allowed"));
    case ',': case ':': case ']': case '}':
      return fail_at (ps, p, _("expected a value, found ‘%c’"), *p);
    default:
      break;
    }

  what = describe_char (p);
  return fail_at (ps, p, _("unexpected character %s"), what);
}

static inline gboolean
parse_literal (Parser           *ps,
               const char      **inout_p,
               RolloutJsonValue *v)
{
  const char *p = *inout_p;
  gsize available = ps->end - p;
  gsize length;

  if (available >= 4 && memcmp (p, "true", 4) == 0)
    {
      v->type = ROLLOUT_JSON_BOOLEAN;
      v->u.boolean = TRUE;
      length = 4;
    }
  else if (available >= 5 && memcmp (p, "false", 5) == 0)
    {
      v->type = ROLLOUT_JSON_BOOLEAN;
      v->u.boolean = FALSE;
      length = 5;
    }
  else if (available >= 4 && memcmp (p, "null", 4) == 0)
    {
      v->type = ROLLOUT_JSON_NULL;
      v->u.integer = 0;
      length = 4;
    }
  else
    return fail_value (ps, p);

  if (length < available && is_word_char (p[length]))
    return fail_value (ps, p);
  v->length = 0;
  *inout_p = p + length;
  return TRUE;
}

/* Containers --------------------------------------------------------------- */

static gboolean
push_frame (Parser     *ps,
            const char *bracket,
            gboolean    is_object)
{
  Frame *f;

  if (ps->n_frames >= ps->max_depth)
    return fail_at (ps, bracket, _("nested more than %u levels deep"), ps->max_depth);

  if (ps->n_frames == ps->frames_size)
    {
      ps->frames_size = MAX (16, ps->frames_size * 2);
      ps->frames = g_renew (Frame, ps->frames, ps->frames_size);
    }
  f = &ps->frames[ps->n_frames++];
  f->is_object = is_object;
  f->mask = 0;
  f->index = NULL;
  f->open = bracket - ps->start;
  f->first = is_object ? ps->n_members : ps->n_values;
  return TRUE;
}

/* Values are written where they belong, field by field, rather than built
 * and then copied: that copy would read back, whole, what was just written
 * in parts, which stalls. */

/* Where the value that starts now goes: the root, the pending member of the
 * open object, or a new element of the open array. Valid until the scratch
 * stacks grow. */
static inline RolloutJsonValue *
new_slot (Parser *ps)
{
  if (ps->n_frames == 0)
    return &ps->doc->root;
  if (ps->frames[ps->n_frames - 1].is_object)
    return &ps->members[ps->n_members - 1].value;

  if (G_UNLIKELY (ps->n_values == ps->values_size))
    {
      ps->values_size = MAX (64, ps->values_size * 2);
      ps->values = g_renew (RolloutJsonValue, ps->values, ps->values_size);
    }
  return &ps->values[ps->n_values++];
}

/* Where the value that just ended went. */
static inline RolloutJsonValue *
last_slot (Parser *ps)
{
  if (ps->n_frames == 0)
    return &ps->doc->root;
  if (ps->frames[ps->n_frames - 1].is_object)
    return &ps->members[ps->n_members - 1].value;
  return &ps->values[ps->n_values - 1];
}

static void
close_array (Parser *ps)
{
  Frame *f = &ps->frames[--ps->n_frames];
  gsize n = ps->n_values - f->first;
  RolloutJsonValue *elements = NULL;
  RolloutJsonValue *out;

  if (n > 0)
    {
      elements = arena_alloc (ps->doc, n * sizeof (RolloutJsonValue));
      memcpy (elements, &ps->values[f->first], n * sizeof (RolloutJsonValue));
    }
  ps->n_values = f->first;
  out = last_slot (ps);
  out->type = ROLLOUT_JSON_ARRAY;
  out->length = n;
  out->u.elements = elements;
}

static void
close_object (Parser *ps)
{
  Frame *f = &ps->frames[--ps->n_frames];
  gsize n = ps->n_members - f->first;
  ObjectBody *body = NULL;
  RolloutJsonValue *out;

  if (n > 0)
    {
      body = arena_alloc (ps->doc, sizeof (ObjectBody) + n * sizeof (Member));
      body->index = f->index;
      body->mask = f->mask;
      memcpy (body->members, &ps->members[f->first], n * sizeof (Member));
    }
  ps->n_members = f->first;
  out = last_slot (ps);
  out->type = ROLLOUT_JSON_OBJECT;
  out->length = n;
  out->u.object = body;
}

/* (Re)builds the open object's index from its first @count members, with
 * room for twice @room members. The old index stays in the arena unused: the
 * sizes double, so all the old ones together are smaller than the last. */
static void
build_index (Parser *ps,
             Frame  *f,
             guint32 count,
             guint32 room)
{
  const Member *members = &ps->members[f->first];
  const IndexSlot *old = f->index;
  guint32 old_size = old != NULL ? f->mask + 1 : 0;
  guint32 size = 64;

  while (size < 2 * room)
    size *= 2;
  f->index = arena_alloc (ps->doc, size * sizeof (IndexSlot));
  memset (f->index, 0, size * sizeof (IndexSlot));
  f->mask = size - 1;

  /* Hashes are computed once: after that, they come from the old index. */
  if (old != NULL)
    {
      for (guint32 i = 0; i < old_size; i++)
        if (old[i].position != 0)
          index_insert (f->index, f->mask, members, old[i].position - 1, old[i].hash);
    }
  else
    for (guint32 i = 0; i < count; i++)
      index_insert (f->index, f->mask, members, i, hash_key (members[i].key, strlen (members[i].key)));
}

static gboolean
fail_duplicate (Parser       *ps,
                const Member *m,
                gsize         first)
{
  g_autofree char *name = quote_text (m->key, m->key + strlen (m->key));

  return fail_at (ps, ps->start + ps->key_offsets[ps->n_members - 1],
                  _("duplicate member “%s” (first at line %u)"),
                  name, line_of (ps, ps->key_offsets[first]));
}

/* Reads `"name" :` at *@inout_p into a new member of the open object,
 * leaving *@inout_p at its value. */
static gboolean
parse_member_name (Parser      *ps,
                   const char **inout_p)
{
  const char *p = *inout_p;
  Frame *f = &ps->frames[ps->n_frames - 1];
  Member *members, *m;
  guint32 count, key_length;

  if (p == ps->end)
    return fail_end_of_file (ps);
  if (*p != '"')
    return fail_at (ps, p, "%s", _("expected a member name in double quotes"));

  if (G_UNLIKELY (ps->n_members == ps->members_size))
    {
      ps->members_size = MAX (64, ps->members_size * 2);
      ps->members = g_renew (Member, ps->members, ps->members_size);
      ps->key_offsets = g_renew (guint32, ps->key_offsets, ps->members_size);
    }
  m = &ps->members[ps->n_members];
  ps->key_offsets[ps->n_members] = p - ps->start;
  if (!parse_string (ps, &p, &m->key, &key_length))
    return FALSE;
  m->value.type = ROLLOUT_JSON_NULL;
  ps->n_members++;

  members = &ps->members[f->first];
  count = ps->n_members - f->first;
  if (f->index != NULL)
    {
      gssize first;

      if (2 * count > f->mask + 1)
        build_index (ps, f, count - 1, count);
      first = index_insert (f->index, f->mask, members, count - 1, hash_key (m->key, key_length));
      if (first >= 0)
        return fail_duplicate (ps, m, f->first + first);
    }
  else
    {
      /* Short names are stored once, so equal names are mostly the same
       * pointer; the comparison catches the others. */
      for (guint32 i = 0; i + 1 < count; i++)
        if (members[i].key == m->key ||
            (members[i].key[0] == m->key[0] && strcmp (members[i].key, m->key) == 0))
          return fail_duplicate (ps, m, f->first + i);
      if (count > SMALL_OBJECT)
        build_index (ps, f, count, count);
    }

  p = skip_space (p, ps->end);
  if (p == ps->end)
    return fail_end_of_file (ps);
  if (*p != ':')
    return fail_at (ps, p, "%s", _("expected ‘:’ after a member name"));
  *inout_p = skip_space (p + 1, ps->end);
  return TRUE;
}

/* The document ------------------------------------------------------------- */

static gboolean
parse_document (Parser *ps)
{
  const char *p = skip_space (ps->start, ps->end), *end = ps->end;

  if (p == end)
    {
      g_set_error (ps->error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_SYNTAX,
                   "%s", _("the file is empty"));
      return FALSE;
    }

  for (;;)
    {
      RolloutJsonValue *slot;

      /* A value starts at p. */
      if (p == end)
        return fail_end_of_file (ps);

      slot = new_slot (ps);
      switch (*p)
        {
        case '"':
          if (!parse_string (ps, &p, &slot->u.string, &slot->length))
            return FALSE;
          slot->type = ROLLOUT_JSON_STRING;
          break;
        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!parse_number (ps, &p, slot))
            return FALSE;
          break;
        case '{':
          if (!push_frame (ps, p, TRUE))
            return FALSE;
          p = skip_space (p + 1, end);
          if (p < end && *p == '}')
            {
              close_object (ps);
              p++;
              break;
            }
          if (!parse_member_name (ps, &p))
            return FALSE;
          continue;
        case '[':
          if (!push_frame (ps, p, FALSE))
            return FALSE;
          p = skip_space (p + 1, end);
          if (p < end && *p == ']')
            {
              close_array (ps);
              p++;
              break;
            }
          continue;
        case 't': case 'f': case 'n':
          if (!parse_literal (ps, &p, slot))
            return FALSE;
          break;
        default:
          return fail_value (ps, p);
        }

      /* A value ended: close every container that ends right after it. */
      for (;;)
        {
          const char *comma;

          p = skip_space (p, end);
          if (ps->n_frames == 0)
            {
              if (p != end)
                return fail_at (ps, p, "%s", _("unexpected text after the end of the document"));
              return TRUE;
            }

          if (p == end)
            return fail_end_of_file (ps);
          if (ps->frames[ps->n_frames - 1].is_object)
            {
              if (*p == '}')
                {
                  close_object (ps);
                  p++;
                  continue;
                }
              if (*p != ',')
                return fail_at (ps, p, "%s", _("expected ‘,’ or ‘}’ after a member"));
              comma = p;
              p = skip_space (p + 1, end);
              if (p < end && *p == '}')
                return fail_at (ps, comma, "%s", _("trailing comma before ‘}’"));
              if (!parse_member_name (ps, &p))
                return FALSE;
              break;
            }
          else
            {
              if (*p == ']')
                {
                  close_array (ps);
                  p++;
                  continue;
                }
              if (*p != ',')
                return fail_at (ps, p, "%s", _("expected ‘,’ or ‘]’ after an element"));
              comma = p;
              p = skip_space (p + 1, end);
              if (p < end && *p == ']')
                return fail_at (ps, comma, "%s", _("trailing comma before ‘]’"));
              break;
            }
        }
    }
}

static void
set_location (const Parser *ps,
              int          *out_line,
              int          *out_column)
{
  if (out_line != NULL)
    *out_line = ps->error_line;
  if (out_column != NULL)
    *out_column = ps->error_column;
}

/**
 * rollout_json_parse:
 * @data: (array length=length): the text; need not be NUL-terminated
 * @length: its length in bytes
 * @max_depth: how many arrays and objects may be nested in each other, or
 *   0 for no limit but memory
 * @error: return location for an error
 *
 * Parses a JSON document strictly (RFC 8259): no comments, no trailing
 * commas, no NaN or Infinity, no duplicate member names, only UTF-8. A
 * byte order mark at the start is skipped. Numbers written without fraction
 * or exponent that fit in a #gint64 become %ROLLOUT_JSON_INT (so `-0` is the
 * integer 0); all others become %ROLLOUT_JSON_DOUBLE.
 *
 * Errors are in %ROLLOUT_FILE_ERROR with code %ROLLOUT_FILE_ERROR_SYNTAX
 * (%ROLLOUT_FILE_ERROR_TOO_LARGE for input of 4 GiB or more), and their
 * message reads `line L, column C: what is wrong`, both 1-based and the
 * column counted in characters; an empty document has no location.
 *
 * Time and memory are linear in @length whatever the input, and nothing
 * recurses.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
RolloutJsonDocument *
rollout_json_parse (const char  *data,
                    gsize        length,
                    guint        max_depth,
                    GError     **error)
{
  RolloutJsonDocument *doc;
  g_autoptr(GError) local_error = NULL;
  int line = 0, column = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = rollout_json_parse_at (data, length, max_depth, &line, &column, &local_error);
  if (doc == NULL)
    {
      if (line > 0)
        /* Translators: where a problem is in a file; what it is follows */
        g_prefix_error (&local_error, _("line %d, column %d: "), line, column);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return doc;
}

/**
 * rollout_json_parse_at:
 * @data: (array length=length): UTF-8 JSON text
 * @length: its length in bytes
 * @max_depth: the deepest nesting of arrays and objects allowed, or 0
 * @out_line: (out) (optional): the line of the error, or 0
 * @out_column: (out) (optional): its column, or 0
 * @error: return location for an error
 *
 * Like rollout_json_parse(), but the error's message says only what is
 * wrong, and where it is goes to @out_line and @out_column (both 1-based,
 * the column counted in characters; 0 when the error has no place, as for
 * an empty document).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
RolloutJsonDocument *
rollout_json_parse_at (const char  *data,
                       gsize        length,
                       guint        max_depth,
                       int         *out_line,
                       int         *out_column,
                       GError     **error)
{
  g_autoptr(RolloutJsonDocument) doc = NULL;
  Parser ps = { 0 };
  const char *bad = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_line != NULL)
    *out_line = 0;
  if (out_column != NULL)
    *out_column = 0;
  if ((guint64) length >= G_MAXUINT32)
    {
      g_set_error (error, ROLLOUT_FILE_ERROR, ROLLOUT_FILE_ERROR_TOO_LARGE,
                   "%s", _("the file is too large to read (4 GiB or more)"));
      return NULL;
    }

  if (data == NULL)
    data = "";
  ps.start = data;
  ps.end = data + length;
  ps.max_depth = max_depth > 0 ? max_depth : G_MAXUINT;
  ps.error = error;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    ps.start += 3;

  if (!validate_utf8 (ps.start, ps.end, &bad))
    {
      if (*bad == '\0')
        fail_at (&ps, bad, "%s", _("the file contains a NUL byte"));
      else
        fail_at (&ps, bad, "%s", _("the text is not valid UTF-8"));
      set_location (&ps, out_line, out_column);
      return NULL;
    }

  hash_init ();
  ps.cache = g_new0 (CacheSlot, CACHE_SIZE);
  doc = g_new0 (RolloutJsonDocument, 1);
  /* No block until the first allocation, which then gets one as large as
   * the input: most documents need less than that, so one block, usually. */
  doc->pos = doc->end = no_block;
  doc->next_block_size = CLAMP (length, MIN_BLOCK_SIZE, MAX_BLOCK_SIZE);
  ps.doc = doc;

  ok = parse_document (&ps);

  g_free (ps.frames);
  g_free (ps.values);
  g_free (ps.members);
  g_free (ps.key_offsets);
  g_free (ps.cache);

  if (!ok)
    {
      set_location (&ps, out_line, out_column);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/**
 * rollout_json_document_free:
 * @doc: (nullable) (transfer full): a document
 *
 * Frees @doc with every value and string in it.
 */
void
rollout_json_document_free (RolloutJsonDocument *doc)
{
  Block *block, *next;

  if (doc == NULL)
    return;

  for (block = doc->blocks; block != NULL; block = next)
    {
      next = block->next;
      if (block->aligned)
        g_aligned_free (block);
      else
        g_free (block);
    }
  g_free (doc);
}

/**
 * rollout_json_document_get_root:
 * @doc: a document
 *
 * Returns: (transfer none): the top-level value, valid as long as @doc
 */
const RolloutJsonValue *
rollout_json_document_get_root (RolloutJsonDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return &doc->root;
}

/* Values ------------------------------------------------------------------- */

/**
 * rollout_json_get_type:
 * @v: a value
 *
 * Returns: what kind of value @v is
 */
RolloutJsonType
rollout_json_get_type (const RolloutJsonValue *v)
{
  g_return_val_if_fail (v != NULL, ROLLOUT_JSON_NULL);

  return (RolloutJsonType) v->type;
}

/**
 * rollout_json_get_boolean:
 * @v: a %ROLLOUT_JSON_BOOLEAN value
 *
 * Returns: its truth
 */
gboolean
rollout_json_get_boolean (const RolloutJsonValue *v)
{
  g_return_val_if_fail (v != NULL && v->type == ROLLOUT_JSON_BOOLEAN, FALSE);

  return v->u.boolean;
}

/**
 * rollout_json_get_int:
 * @v: a %ROLLOUT_JSON_INT value
 *
 * Returns: the integer
 */
gint64
rollout_json_get_int (const RolloutJsonValue *v)
{
  g_return_val_if_fail (v != NULL && v->type == ROLLOUT_JSON_INT, 0);

  return v->u.integer;
}

/**
 * rollout_json_get_double:
 * @v: a %ROLLOUT_JSON_DOUBLE or %ROLLOUT_JSON_INT value
 *
 * Returns: the number; an integer is converted (to the nearest double)
 */
double
rollout_json_get_double (const RolloutJsonValue *v)
{
  g_return_val_if_fail (v != NULL, 0.0);

  if (v->type == ROLLOUT_JSON_INT)
    return (double) v->u.integer;
  g_return_val_if_fail (v->type == ROLLOUT_JSON_DOUBLE, 0.0);
  return v->u.number;
}

/**
 * rollout_json_get_string:
 * @v: a %ROLLOUT_JSON_STRING value
 *
 * Returns: (transfer none): the string, NUL-terminated UTF-8 without
 *   embedded NUL, valid as long as the document
 */
const char *
rollout_json_get_string (const RolloutJsonValue *v)
{
  g_return_val_if_fail (v != NULL && v->type == ROLLOUT_JSON_STRING, NULL);

  return v->u.string;
}

/**
 * rollout_json_get_length:
 * @v: a %ROLLOUT_JSON_ARRAY or %ROLLOUT_JSON_OBJECT value
 *
 * Returns: the number of elements of an array, or members of an object
 */
guint
rollout_json_get_length (const RolloutJsonValue *v)
{
  g_return_val_if_fail (v != NULL, 0);
  g_return_val_if_fail (v->type == ROLLOUT_JSON_ARRAY || v->type == ROLLOUT_JSON_OBJECT, 0);

  return v->length;
}

/**
 * rollout_json_array_get:
 * @v: a %ROLLOUT_JSON_ARRAY value
 * @index: less than its length
 *
 * Returns: (transfer none): the element at @index
 */
const RolloutJsonValue *
rollout_json_array_get (const RolloutJsonValue *v,
                        guint                   index)
{
  g_return_val_if_fail (v != NULL && v->type == ROLLOUT_JSON_ARRAY, NULL);
  g_return_val_if_fail (index < v->length, NULL);

  return &v->u.elements[index];
}

/**
 * rollout_json_object_get:
 * @v: a %ROLLOUT_JSON_OBJECT value
 * @key: a member name
 *
 * Finds a member by name: by comparing names in small objects, through a
 * hash index in large ones.
 *
 * Returns: (transfer none) (nullable): the member's value, or %NULL when
 *   @v has no member @key
 */
const RolloutJsonValue *
rollout_json_object_get (const RolloutJsonValue *v,
                         const char             *key)
{
  const ObjectBody *body;

  g_return_val_if_fail (v != NULL && v->type == ROLLOUT_JSON_OBJECT, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  body = v->u.object;
  if (body == NULL)
    return NULL;

  if (body->index == NULL)
    {
      for (guint32 i = 0; i < v->length; i++)
        {
          const Member *m = &body->members[i];

          if (m->key[0] == key[0] && strcmp (m->key, key) == 0)
            return &m->value;
        }
    }
  else
    {
      guint32 hash = hash_key (key, strlen (key));

      for (guint32 i = hash & body->mask; body->index[i].position != 0; i = (i + 1) & body->mask)
        {
          const Member *m = &body->members[body->index[i].position - 1];

          if (body->index[i].hash == hash && strcmp (m->key, key) == 0)
            return &m->value;
        }
    }
  return NULL;
}

/**
 * rollout_json_object_get_key:
 * @v: a %ROLLOUT_JSON_OBJECT value
 * @index: less than its length
 *
 * Returns: (transfer none): the name of the member at @index, in file order
 */
const char *
rollout_json_object_get_key (const RolloutJsonValue *v,
                             guint                   index)
{
  g_return_val_if_fail (v != NULL && v->type == ROLLOUT_JSON_OBJECT, NULL);
  g_return_val_if_fail (index < v->length, NULL);

  return v->u.object->members[index].key;
}

/**
 * rollout_json_object_get_value:
 * @v: a %ROLLOUT_JSON_OBJECT value
 * @index: less than its length
 *
 * Returns: (transfer none): the value of the member at @index, in file order
 */
const RolloutJsonValue *
rollout_json_object_get_value (const RolloutJsonValue *v,
                               guint                   index)
{
  g_return_val_if_fail (v != NULL && v->type == ROLLOUT_JSON_OBJECT, NULL);
  g_return_val_if_fail (index < v->length, NULL);

  return &v->u.object->members[index].value;
}

/**
 * rollout_json_to_node:
 * @v: a value
 *
 * Copies @v, deeply, into a json-glib tree; members keep their order. Used
 * to keep members a reader does not know so that they can be written back.
 * This recurses once per level of nesting, which the document's max_depth
 * bounds.
 *
 * Returns: (transfer full): a new node
 */
JsonNode *
rollout_json_to_node (const RolloutJsonValue *v)
{
  JsonNode *node;

  g_return_val_if_fail (v != NULL, NULL);

  switch ((RolloutJsonType) v->type)
    {
    case ROLLOUT_JSON_NULL:
      return json_node_init_null (json_node_alloc ());
    case ROLLOUT_JSON_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), v->u.boolean);
    case ROLLOUT_JSON_INT:
      return json_node_init_int (json_node_alloc (), v->u.integer);
    case ROLLOUT_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), v->u.number);
    case ROLLOUT_JSON_STRING:
      return json_node_init_string (json_node_alloc (), v->u.string);
    case ROLLOUT_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (v->length);

        for (guint32 i = 0; i < v->length; i++)
          json_array_add_element (array, rollout_json_to_node (&v->u.elements[i]));
        node = json_node_alloc ();
        json_node_init_array (node, array);
        json_array_unref (array);
        return node;
      }
    case ROLLOUT_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint32 i = 0; i < v->length; i++)
          json_object_set_member (object, v->u.object->members[i].key,
                                  rollout_json_to_node (&v->u.object->members[i].value));
        node = json_node_alloc ();
        json_node_init_object (node, object);
        json_object_unref (object);
        return node;
      }
    default:
      g_return_val_if_reached (NULL);
    }
}
