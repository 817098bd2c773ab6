#include "source.h"

#include "codec.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <utf8proc.h>

static const char *const kind_names[PC_INPUT_KIND_COUNT] = {
    "parse-error", "encoding", "invalid-utf8", "nul", "binary", "bidi", "invisible", "confusable",
};

const char *pc_input_kind_name(pc_input_kind k)
{
    return kind_names[k];
}

int pc_input_kind_parse(const char *name)
{
    for (int i = 0; i < PC_INPUT_KIND_COUNT; i++)
        if (strcmp(kind_names[i], name) == 0)
            return i;
    return -1;
}

int pc_source_event(pc_arena *a, pc_source *src, pc_input_kind kind, uint32_t offset, uint32_t length,
                    const char *detail)
{
    pc_input_event *e = pc_arena_alloc(a, sizeof *e);
    if (!e)
        return -1;
    e->kind = kind;
    e->offset = offset;
    e->length = length ? length : 1;
    e->detail = detail;
    if (src->events_tail)
        src->events_tail->next = e;
    else
        src->events = e;
    src->events_tail = e;
    return 0;
}

/* Binary: NUL bytes together with other control bytes, or mostly control bytes. */
static bool looks_binary(const unsigned char *raw, size_t len)
{
    size_t n = len < 8192 ? len : 8192, ctrl = 0, nul = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = raw[i];
        if (c == 0)
            nul++;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b)
            ctrl++;
    }
    if (n == 0)
        return false;
    return (nul && ctrl * 100 >= n) || ctrl * 100 >= n * 30;
}

/* The whole lines of printable ASCII before the first control byte. */
static size_t text_prefix(const unsigned char *raw, size_t len)
{
    size_t line = 0;
    for (size_t i = 0; i < len && i < 8192; i++) {
        unsigned char c = raw[i];
        if (c == '\n')
            line = i + 1;
        else if ((c < 0x20 && c != '\t' && c != '\r') || c >= 0x7F)
            break;
    }
    return line;
}

/* Copy UTF-8, replacing each invalid sequence (and NUL) with U+FFFD. */
static int sanitize_utf8(pc_arena *a, pc_source *src, const unsigned char *in, size_t len,
                         bool report_invalid)
{
    if (len > (UINT32_MAX - 16) / 3)
        return -1;
    char *out = pc_arena_raw(a, len * 3 + 1);
    if (!out)
        return -1;
    size_t o = 0, i = 0;
    bool reported_invalid = false, reported_nul = false;
    while (i < len) {
        size_t j = i;
        while (j < len && (unsigned)in[j] - 1u < 0x7Fu) /* ASCII but NUL: copied as a run */
            j++;
        if (j > i) {
            memcpy(out + o, in + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = in[i] ? utf8proc_iterate(in + i, (utf8proc_ssize_t)(len - i), &cp) : 1;
        if (in[i] != 0 && n > 0) {
            memcpy(out + o, in + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
            continue;
        }
        bool nul = in[i] == 0;
        if (nul && !reported_nul) {
            if (pc_source_event(a, src, PC_INPUT_NUL, (uint32_t)o, 3,
                                "NUL byte in source: Python refuses such files") < 0)
                return -1;
            reported_nul = true;
        } else if (!nul && report_invalid && !reported_invalid) {
            const char *d = pc_arena_printf(a, "invalid UTF-8 at byte %zu (0x%02x)", i, in[i]);
            if (!d || pc_source_event(a, src, PC_INPUT_INVALID_UTF8, (uint32_t)o, 3, d) < 0)
                return -1;
            reported_invalid = true;
        }
        memcpy(out + o, "\xEF\xBF\xBD", 3);
        o += 3;
        i++;
    }
    out[o] = '\0';
    src->text = out;
    src->len = (uint32_t)o;
    return 0;
}

/* Decode with iconv into UTF-8. Returns 0, 1 when the bytes are not valid in
 * that codec (offset in *bad), -1 on memory exhaustion. */
static int decode_iconv(pc_arena *a, pc_source *src, const char *codec, const unsigned char *in, size_t len,
                        size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", codec);
    if (cd == (iconv_t)-1) {
        *bad = 0;
        return 1;
    }
    size_t cap = len * 4 + 16;
    char *out = pc_arena_raw(a, cap);
    if (!out) {
        iconv_close(cd);
        return -1;
    }
    char *ip = (char *)in, *op = out;
    size_t il = len, ol = cap - 1;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == (size_t)-1) {
        *bad = (size_t)((const unsigned char *)ip - in);
        return 1;
    }
    *op = '\0';
    src->text = out;
    src->len = (uint32_t)(op - out);
    return 0;
}

/* Characters that reorder or hide text. */
static bool is_bidi(utf8proc_int32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
           c == 0x061C;
}

static bool is_invisible(utf8proc_int32_t c)
{
    return (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x00AD ||
           c == 0x180E || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x034F ||
           c == 0x17B4 || c == 0x17B5 || c == 0x2800 || (c >= 0xE0000 && c <= 0xE007F) ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

static int add_invisible(pc_arena *a, pc_source *src, pc_input_event **tail, uint32_t at, uint32_t n,
                         const char *detail)
{
    pc_input_event *e = pc_arena_alloc(a, sizeof *e);
    if (!e || !detail)
        return -1;
    e->kind = PC_INPUT_INVISIBLE;
    e->offset = at;
    e->length = n;
    e->detail = detail;
    if (*tail)
        (*tail)->next = e;
    else
        src->invisible = e;
    *tail = e;
    return 0;
}

static int scan_unicode(pc_arena *a, pc_source *src)
{
    const unsigned char *t = (const unsigned char *)src->text;
    uint32_t i = 0, line = 0;
    bool indent = true; /* only blanks so far on this line */
    pc_input_event *tail = NULL;
    while (i < src->len) {
        if (t[i] < 0x80) {
            /* a form feed after other blanks at a line's start: CPython
             * counts the indentation from there, so the line belongs to
             * another block than the one it is shown in */
            if (t[i] == '\f' && indent && i > line) {
                /* the event runs to the line's first token (analyze.c asks
                 * whether a statement starts there); none on a blank or
                 * comment line, where indentation means nothing */
                uint32_t j = i;
                while (j < src->len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\f'))
                    j++;
                if (j < src->len && t[j] != '\n' && t[j] != '#' &&
                    add_invisible(a, src, &tail, i, j - i, "form feed inside a line's indentation") < 0)
                    return -1;
            }
            if (t[i] == '\n') {
                line = i + 1;
                indent = true;
            } else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\f') {
                indent = false;
            }
            i++;
            continue;
        }
        indent = false;
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(t + i, src->len - i, &cp);
        if (n <= 0) {
            i++;
            continue;
        }
        if (is_bidi(cp)) {
            const char *d = pc_arena_printf(a, "Unicode bidirectional control character U+%04X", cp);
            if (!d || pc_source_event(a, src, PC_INPUT_BIDI, i, (uint32_t)n, d) < 0)
                return -1;
        } else if (is_invisible(cp) &&
                   add_invisible(a, src, &tail, i, (uint32_t)n,
                                 pc_arena_printf(a, "invisible character U+%04X in code", cp)) < 0) {
            return -1;
        }
        i += (uint32_t)n;
    }
    return 0;
}

/* Python reads \r\n and a lone \r as \n (in string literals too); so does the
 * analyzer, which keeps tree-sitter's scanner off carriage returns. */
static void normalize_newlines(pc_source *src)
{
    char *t = (char *)src->text;
    uint32_t o = 0;
    for (uint32_t i = 0; i < src->len; i++) {
        if (t[i] == '\r') {
            if (i + 1 < src->len && t[i + 1] == '\n') {
                for (pc_input_event *e = src->events; e; e = e->next)
                    if (e->offset > o)
                        e->offset--;
                continue;
            }
            t[o++] = '\n';
            continue;
        }
        t[o++] = t[i];
    }
    t[o] = '\0';
    src->len = o;
}

int pc_source_decode(pc_arena *a, const unsigned char *raw, size_t len, pc_source *out)
{
    memset(out, 0, sizeof *out);
    out->parseable = true;
    if (len > PC_SOURCE_MAX_BYTES) {
        out->parseable = false;
        out->text = "";
        return pc_source_event(a, out, PC_INPUT_BINARY, 0, 1, "file too large to analyze (over 64 MiB)");
    }
    if (looks_binary(raw, len)) {
        /* keep the plain-text lines before the first control byte, so the
         * finding points at the line where the binary data starts */
        size_t keep = text_prefix(raw, len);
        char *t = pc_arena_strndup(a, (const char *)raw, keep);
        out->parseable = false;
        out->text = t ? t : "";
        out->len = t ? (uint32_t)keep : 0;
        return pc_source_event(a, out, PC_INPUT_BINARY, out->len, 1, "binary data, not Python source");
    }
    if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) {
        out->bom = true;
        raw += 3;
        len -= 3;
    }
    char declared[64];
    long at = pc_codec_find_declaration(raw, len, declared, sizeof declared);
    const char *iconv_name = NULL;
    pc_codec_class cls = PC_CODEC_UTF8;
    if (at >= 0) {
        out->codec = pc_arena_strdup(a, declared);
        cls = pc_codec_classify(declared, &iconv_name);
    }
    const char *problem = NULL;
    if (at >= 0 && out->bom && cls != PC_CODEC_UTF8)
        problem =
            pc_arena_printf(a, "UTF-8 BOM with a '%s' coding declaration: Python refuses this", declared);
    else if (cls == PC_CODEC_HIDING)
        problem = pc_arena_printf(a, "coding declaration '%s' can hide code from a reader", declared);
    else if (cls == PC_CODEC_UNKNOWN)
        problem = pc_arena_printf(
            a, "coding declaration '%s' is not a codec portcullis can decode as Python would", declared);

    int rc = 0;
    if (cls == PC_CODEC_ICONV && !problem) {
        size_t bad = 0;
        rc = decode_iconv(a, out, iconv_name, raw, len, &bad);
        if (rc == 1) {
            problem =
                pc_arena_printf(a, "bytes not valid in declared codec '%s' (at byte %zu)", declared, bad);
            rc = 0;
            out->text = NULL;
        }
    } else if (cls == PC_CODEC_HIDING && strstr(declared, "7")) {
        /* Show the reader what Python would run: decode UTF-7 for analysis. */
        size_t bad = 0;
        rc = decode_iconv(a, out, "UTF-7", raw, len, &bad);
        if (rc == 1) {
            rc = 0;
            out->text = NULL;
        }
    }
    if (rc < 0)
        return -1;
    if (problem) {
        uint32_t off = at >= 0 ? (uint32_t)at : 0;
        if (pc_source_event(a, out, PC_INPUT_ENCODING, off, (uint32_t)strlen(declared), problem) < 0)
            return -1;
    }
    if (out->text) {
        /* iconv output is valid UTF-8 but may carry NULs: sanitize it too. */
        const unsigned char *dec = (const unsigned char *)out->text;
        if (memchr(dec, 0, out->len) && sanitize_utf8(a, out, dec, out->len, false) < 0)
            return -1;
    } else if (sanitize_utf8(a, out, raw, len, !problem) < 0) {
        return -1;
    }
    if (a->failed)
        return -1;
    if (memchr(out->text, '\r', out->len))
        normalize_newlines(out);
    return scan_unicode(a, out);
}
