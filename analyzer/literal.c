/* String and constant literals: decoding escapes, folding constant strings. */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <nettle/base64.h>
#include <utf8proc.h>

#define FOLD_MAX 4096
#define FOLD_WORK (1u << 21) /* folds per file */
#define FOLD_DEPTH 32

typedef struct sbuf {
    pc_arena *a;
    char *p;
    size_t len, cap;
    bool failed;
} sbuf;

static void sb_reserve(sbuf *b, size_t extra)
{
    if (b->failed || b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = pc_arena_alloc(b->a, cap);
    if (!p) {
        b->failed = true;
        return;
    }
    if (b->len)
        memcpy(p, b->p, b->len);
    b->p = p;
    b->cap = cap;
}

static void sb_add(sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_cp(sbuf *b, int32_t cp)
{
    unsigned char tmp[4];
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD; /* keep the subject valid UTF-8 for PCRE2 */
    utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
    sb_add(b, (const char *)tmp, (size_t)n);
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* \\N{NAME} for the characters an identifier, a path or a command is made
 * of (printable ASCII and the control aliases Python accepts), matched
 * without regard to case as Python does; any other name is some non-ASCII
 * character, for which U+FFFD stands (it cannot make an ASCII name). Sorted
 * for bsearch. */
static const struct char_name {
    const char *name;
    int32_t cp;
} char_names[] = {
    {"ALERT", 0x07},
    {"AMPERSAND", 0x26},
    {"APOSTROPHE", 0x27},
    {"ASTERISK", 0x2a},
    {"BACKSPACE", 0x08},
    {"BEL", 0x07},
    {"BS", 0x08},
    {"CARRIAGE RETURN", 0x0d},
    {"CHARACTER TABULATION", 0x09},
    {"CIRCUMFLEX ACCENT", 0x5e},
    {"COLON", 0x3a},
    {"COMMA", 0x2c},
    {"COMMERCIAL AT", 0x40},
    {"CR", 0x0d},
    {"DEL", 0x7f},
    {"DELETE", 0x7f},
    {"DIGIT EIGHT", 0x38},
    {"DIGIT FIVE", 0x35},
    {"DIGIT FOUR", 0x34},
    {"DIGIT NINE", 0x39},
    {"DIGIT ONE", 0x31},
    {"DIGIT SEVEN", 0x37},
    {"DIGIT SIX", 0x36},
    {"DIGIT THREE", 0x33},
    {"DIGIT TWO", 0x32},
    {"DIGIT ZERO", 0x30},
    {"DOLLAR SIGN", 0x24},
    {"END OF LINE", 0x0a},
    {"EOL", 0x0a},
    {"EQUALS SIGN", 0x3d},
    {"ESC", 0x1b},
    {"ESCAPE", 0x1b},
    {"EXCLAMATION MARK", 0x21},
    {"FF", 0x0c},
    {"FORM FEED", 0x0c},
    {"FULL STOP", 0x2e},
    {"GRAVE ACCENT", 0x60},
    {"GREATER-THAN SIGN", 0x3e},
    {"HORIZONTAL TABULATION", 0x09},
    {"HT", 0x09},
    {"HYPHEN-MINUS", 0x2d},
    {"LATIN CAPITAL LETTER A", 0x41},
    {"LATIN CAPITAL LETTER B", 0x42},
    {"LATIN CAPITAL LETTER C", 0x43},
    {"LATIN CAPITAL LETTER D", 0x44},
    {"LATIN CAPITAL LETTER E", 0x45},
    {"LATIN CAPITAL LETTER F", 0x46},
    {"LATIN CAPITAL LETTER G", 0x47},
    {"LATIN CAPITAL LETTER H", 0x48},
    {"LATIN CAPITAL LETTER I", 0x49},
    {"LATIN CAPITAL LETTER J", 0x4a},
    {"LATIN CAPITAL LETTER K", 0x4b},
    {"LATIN CAPITAL LETTER L", 0x4c},
    {"LATIN CAPITAL LETTER M", 0x4d},
    {"LATIN CAPITAL LETTER N", 0x4e},
    {"LATIN CAPITAL LETTER O", 0x4f},
    {"LATIN CAPITAL LETTER P", 0x50},
    {"LATIN CAPITAL LETTER Q", 0x51},
    {"LATIN CAPITAL LETTER R", 0x52},
    {"LATIN CAPITAL LETTER S", 0x53},
    {"LATIN CAPITAL LETTER T", 0x54},
    {"LATIN CAPITAL LETTER U", 0x55},
    {"LATIN CAPITAL LETTER V", 0x56},
    {"LATIN CAPITAL LETTER W", 0x57},
    {"LATIN CAPITAL LETTER X", 0x58},
    {"LATIN CAPITAL LETTER Y", 0x59},
    {"LATIN CAPITAL LETTER Z", 0x5a},
    {"LATIN SMALL LETTER A", 0x61},
    {"LATIN SMALL LETTER B", 0x62},
    {"LATIN SMALL LETTER C", 0x63},
    {"LATIN SMALL LETTER D", 0x64},
    {"LATIN SMALL LETTER E", 0x65},
    {"LATIN SMALL LETTER F", 0x66},
    {"LATIN SMALL LETTER G", 0x67},
    {"LATIN SMALL LETTER H", 0x68},
    {"LATIN SMALL LETTER I", 0x69},
    {"LATIN SMALL LETTER J", 0x6a},
    {"LATIN SMALL LETTER K", 0x6b},
    {"LATIN SMALL LETTER L", 0x6c},
    {"LATIN SMALL LETTER M", 0x6d},
    {"LATIN SMALL LETTER N", 0x6e},
    {"LATIN SMALL LETTER O", 0x6f},
    {"LATIN SMALL LETTER P", 0x70},
    {"LATIN SMALL LETTER Q", 0x71},
    {"LATIN SMALL LETTER R", 0x72},
    {"LATIN SMALL LETTER S", 0x73},
    {"LATIN SMALL LETTER T", 0x74},
    {"LATIN SMALL LETTER U", 0x75},
    {"LATIN SMALL LETTER V", 0x76},
    {"LATIN SMALL LETTER W", 0x77},
    {"LATIN SMALL LETTER X", 0x78},
    {"LATIN SMALL LETTER Y", 0x79},
    {"LATIN SMALL LETTER Z", 0x7a},
    {"LEFT CURLY BRACKET", 0x7b},
    {"LEFT PARENTHESIS", 0x28},
    {"LEFT SQUARE BRACKET", 0x5b},
    {"LESS-THAN SIGN", 0x3c},
    {"LF", 0x0a},
    {"LINE FEED", 0x0a},
    {"LINE TABULATION", 0x0b},
    {"LOW LINE", 0x5f},
    {"NEW LINE", 0x0a},
    {"NL", 0x0a},
    {"NUL", 0x00},
    {"NULL", 0x00},
    {"NUMBER SIGN", 0x23},
    {"PERCENT SIGN", 0x25},
    {"PLUS SIGN", 0x2b},
    {"QUESTION MARK", 0x3f},
    {"QUOTATION MARK", 0x22},
    {"REVERSE SOLIDUS", 0x5c},
    {"RIGHT CURLY BRACKET", 0x7d},
    {"RIGHT PARENTHESIS", 0x29},
    {"RIGHT SQUARE BRACKET", 0x5d},
    {"SEMICOLON", 0x3b},
    {"SOLIDUS", 0x2f},
    {"SP", 0x20},
    {"SPACE", 0x20},
    {"TAB", 0x09},
    {"TILDE", 0x7e},
    {"VERTICAL LINE", 0x7c},
    {"VT", 0x0b},
};

static int char_name_cmp(const void *k, const void *e)
{
    return strcasecmp((const char *)k, ((const struct char_name *)e)->name);
}

static int32_t named_char(const char *s, size_t n)
{
    char key[48];
    if (n == 0 || n >= sizeof key)
        return 0xFFFD;
    memcpy(key, s, n);
    key[n] = '\0';
    const struct char_name *e =
        bsearch(key, char_names, sizeof char_names / sizeof *char_names, sizeof *char_names, char_name_cmp);
    return e ? e->cp : 0xFFFD;
}

/* Decode Python escapes in s[0..n). */
static void decode_escapes(sbuf *b, const char *s, size_t n, bool is_bytes, bool fstring)
{
    size_t i = 0;
    while (i < n && !b->failed) {
        char ch = s[i];
        if (fstring && (ch == '{' || ch == '}') && i + 1 < n && s[i + 1] == ch) {
            sb_add(b, &ch, 1);
            i += 2;
            continue;
        }
        if (ch != '\\' || i + 1 >= n) {
            size_t j = i + 1;
            while (j < n && s[j] != '\\' && !(fstring && (s[j] == '{' || s[j] == '}')))
                j++;
            sb_add(b, s + i, j - i);
            i = j;
            continue;
        }
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\r':
            if (i < n && s[i] == '\n')
                i++;
            break;
        case 'n': sb_add(b, "\n", 1); break;
        case 't': sb_add(b, "\t", 1); break;
        case 'r': sb_add(b, "\r", 1); break;
        case 'a': sb_add(b, "\a", 1); break;
        case 'b': sb_add(b, "\b", 1); break;
        case 'f': sb_add(b, "\f", 1); break;
        case 'v': sb_add(b, "\v", 1); break;
        case '\\': sb_add(b, "\\", 1); break;
        case '\'': sb_add(b, "'", 1); break;
        case '"': sb_add(b, "\"", 1); break;
        case 'x':
        case 'u':
        case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if ((e != 'x' && is_bytes)) {
                sb_add(b, s + i - 2, 2);
                break;
            }
            int32_t v = 0;
            int k = 0;
            for (; k < digits && i < n && hexval(s[i]) >= 0; k++, i++)
                v = v * 16 + hexval(s[i]);
            if (k < digits) { /* invalid escape: Python would refuse; keep text */
                sb_add(b, "\\", 1);
                sb_add(b, &e, 1);
                break;
            }
            sb_cp(b, v);
            break;
        }
        case 'N':
            if (is_bytes || i >= n || s[i] != '{') {
                sb_add(b, "\\N", 2);
                break;
            } else {
                size_t j = i;
                while (j < n && s[j] != '}')
                    j++;
                if (j >= n) { /* unterminated: Python refuses it; keep the text */
                    sb_add(b, s + i - 2, n - (i - 2));
                    i = n;
                    break;
                }
                sb_cp(b, named_char(s + i + 1, j - i - 1));
                i = j + 1;
            }
            break;
        default:
            if (e >= '0' && e <= '7') {
                int v = e - '0', k = 1;
                for (; k < 3 && i < n && s[i] >= '0' && s[i] <= '7'; k++, i++)
                    v = v * 8 + (s[i] - '0');
                sb_cp(b, v);
            } else {
                sb_add(b, "\\", 1);
                sb_add(b, &e, 1);
            }
        }
    }
}

/* The symbol of n (0 for a null node). */
static TSSymbol symbol_of(TSNode n)
{
    return ts_node_is_null(n) ? 0 : ts_node_symbol(n);
}

/* Prefix letters of a string node (r, b, f, u, combinations). */
static void string_prefix(ctx *c, TSNode n, bool *raw, bool *bytes, bool *fstr)
{
    *raw = *bytes = *fstr = false;
    TSNode start = ts_node_child(n, 0);
    if (ts_node_is_null(start))
        return;
    uint32_t s = ts_node_start_byte(start), e = ts_node_end_byte(start);
    for (uint32_t i = s; i < e && i < c->len; i++) {
        char ch = (char)tolower((unsigned char)c->text[i]);
        if (ch == 'r')
            *raw = true;
        else if (ch == 'b')
            *bytes = true;
        else if (ch == 'f')
            *fstr = true;
    }
}

bool string_has_code(ctx *c, TSNode n)
{
    /* only f-strings have interpolations: a prefix of r, b and u letters
     * followed by the quote is a plain literal, without a look at the children */
    for (uint32_t i = ts_node_start_byte(n); i < c->len; i++) {
        char ch = c->text[i];
        if (ch == '"' || ch == '\'')
            return false;
        if (!strchr("rRbBuU", ch) || ch == '\0')
            break;
    }
    bool code = false;
    TSNode ch;
    kids k;
    kids_init(&k, n, true);
    while (!code && kids_next(&k, &ch))
        code = ts_node_symbol(ch) == syms.interpolation;
    kids_done(&k);
    return code;
}

bool string_is_bytes(ctx *c, TSNode n)
{
    bool raw, bytes, fstr;
    string_prefix(c, n, &raw, &bytes, &fstr);
    return bytes;
}

/* Append the decoded text of one string_content child. */
static bool decode_part(ctx *c, TSNode ch, sbuf *b, bool raw, bool bytes, bool fstr)
{
    uint32_t s = ts_node_start_byte(ch), e = ts_node_end_byte(ch);
    if (e > c->len || s > e)
        return false;
    if (raw)
        sb_add(b, c->text + s, e - s);
    else
        decode_escapes(b, c->text + s, e - s, bytes, fstr);
    return true;
}

static bool string_decode(ctx *c, TSNode n, strval *out, bool allow_interpolation)
{
    bool raw, bytes, fstr;
    string_prefix(c, n, &raw, &bytes, &fstr);
    symbol_of(n);
    sbuf b = {.a = c->a};
    sb_reserve(&b, 16);
    bool ok = true;
    TSNode ch;
    kids k;
    kids_init(&k, n, false);
    while (ok && b.len <= 16 * 1024 * 1024 && kids_next(&k, &ch)) {
        TSSymbol t = ts_node_symbol(ch);
        if (t == syms.interpolation)
            ok = allow_interpolation;
        else if (t == syms.string_content)
            ok = decode_part(c, ch, &b, raw, bytes, fstr);
    }
    kids_done(&k);
    if (!ok || b.failed)
        return false;
    out->s = b.p ? b.p : "";
    out->len = b.len;
    return true;
}

bool string_value(ctx *c, TSNode n, strval *out)
{
    TSSymbol t = symbol_of(n);
    if (t == syms.string)
        return string_decode(c, n, out, false);
    if (t != syms.concatenated_string)
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, 16);
    bool ok = true;
    TSNode ch;
    kids k;
    kids_init(&k, n, true);
    while (ok && kids_next(&k, &ch)) {
        strval part;
        if (ts_node_symbol(ch) != syms.string)
            continue;
        ok = string_decode(c, ch, &part, false);
        if (ok)
            sb_add(&b, part.s, part.len);
    }
    kids_done(&k);
    if (!ok || b.failed)
        return false;
    out->s = b.p;
    out->len = b.len;
    return true;
}

bool string_literal_parts(ctx *c, TSNode n, strval *out)
{
    return string_decode(c, n, out, true);
}

static namebind *decisive_bind(ctx *c, const char *name, scope *sc, uint32_t offset);

/* The display a loop or unpacking iterates over: a list, tuple, set or
 * dict display, D.keys() of one, or a name bound only to one (REQUIRED =
 * {...}; for mod in REQUIRED); null otherwise. *vs: the scope it is in. */
static TSNode display_of(ctx *c, TSNode v, scope **vs, bool changed_ok);
static TSNode class_constant(ctx *c, TSNode x, scope *sc, scope **vs);
static TSNode display_item(ctx *c, TSNode v, TSNode k, scope *sc, int depth, scope **vs);
static binding *sole_alias(const namebind *nb);

/* The one assignment a name id is bound by where it is read (never made
 * local otherwise, never deleted), or NULL. */
static binding *bound_once(ctx *c, TSNode id, scope *sc)
{
    const char *name = ident_name(c, id);
    namebind *nb = name ? decisive_bind(c, name, sc, ts_node_start_byte(id)) : NULL;
    return nb && !nb->has_local && !nb->has_del ? sole_alias(nb) : NULL;
}

/* What str(n) gives where n folds: a string's value, or an integer's
 * decimal digits, written in place, bound once to a name or an item of a
 * constant table by a literal key ("%d" % 80, ".".join(map(str, (169,
 * 254, 169, 254))), f"{PORT}", f"{CFG['port']}"). */
static bool fold_int_of(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    n = unparen(n);
    if (symbol_of(n) == syms.identifier && sc && depth < FOLD_DEPTH) {
        binding *b = bound_once(c, n, sc);
        if (!b)
            return false;
        n = unparen(b->value);
    } else if (symbol_of(n) == syms.subscript && sc && depth < FOLD_DEPTH) {
        TSNode k = unparen(node_field(n, c->f_subscript));
        scope *is = sc;
        bool literal_key = (symbol_of(k) == syms.string && !string_has_code(c, k)) || node_is(k, "integer");
        n = literal_key ? unparen(display_item(c, node_field(n, c->f_value), k, sc, depth + 1, &is))
                        : (TSNode){0};
    }
    pc_value pv;
    bool container;
    /* a literal too long for a long long is not folded: its digits would be wrong */
    if (ts_node_is_null(n) || ts_node_end_byte(n) - ts_node_start_byte(n) > 16 ||
        !literal_value(c, n, &pv, &container) || pv.type != PC_VAL_INT || container)
        return false;
    const char *d = pc_arena_printf(c->a, "%lld", pv.i);
    if (!d)
        return false;
    *out = (strval){d, strlen(d)};
    return true;
}

static bool fold_str_of(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    return fold_string(c, n, sc, depth, out) || fold_int_of(c, n, sc, depth, out);
}

static TSNode iterated_display(ctx *c, TSNode v, scope **sc);
static bool resolves_to(ctx *c, TSNode fn, scope *sc, int depth, const char *qual);
static bool sb_done(sbuf *b, strval *out);

/* The items of map(str, SEQ), or of (str(x) for x in SEQ) and [str(x) for x
 * in SEQ], joined by sep: ".".join(map(str, (169, 254, 169, 254))). */
static bool fold_str_items(ctx *c, TSNode seq, scope *sc, int depth, const strval *sep, strval *out)
{
    seq = unparen(seq);
    TSNode src = {0};
    if (symbol_of(seq) == syms.call) {
        TSNode args = node_field(seq, c->f_arguments);
        TSNode f = call_arg(args, 0);
        if (!node_is(args, "argument_list") || ts_node_named_child_count(args) != 2 || ts_node_is_null(f) ||
            !resolves_to(c, node_field(seq, c->f_function), sc, depth, "builtins.map") ||
            !resolves_to(c, f, sc, depth, "builtins.str"))
            return false;
        src = call_arg(args, 1);
    } else if (node_is(seq, "generator_expression") || node_is(seq, "list_comprehension")) {
        if (ts_node_named_child_count(seq) != 2)
            return false; /* one for clause, no if */
        TSNode body = unparen(node_field(seq, c->f_body)), forc = ts_node_named_child(seq, 1);
        TSNode var = node_field(forc, c->f_left);
        if (!node_is(forc, "for_in_clause") || symbol_of(body) != syms.call ||
            symbol_of(var) != syms.identifier)
            return false;
        TSNode bargs = node_field(body, c->f_arguments), x = call_arg(bargs, 0);
        const char *vn = ident_name(c, var), *xn = symbol_of(x) == syms.identifier ? ident_name(c, x) : NULL;
        if (!vn || !xn || strcmp(vn, xn) || ts_node_named_child_count(bargs) != 1 ||
            !resolves_to(c, node_field(body, c->f_function), sc, depth, "builtins.str"))
            return false;
        src = node_field(forc, c->f_right);
    }
    if (ts_node_is_null(src))
        return false;
    scope *dsc = sc;
    TSNode d = iterated_display(c, src, &dsc);
    if (symbol_of(d) != syms.list && symbol_of(d) != syms.tuple)
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, 32);
    kids k;
    kids_init(&k, d, true);
    TSNode item;
    bool ok = true;
    for (uint32_t i = 0; ok && kids_next(&k, &item);) {
        if (symbol_of(item) == syms.comment)
            continue;
        strval part;
        ok = fold_str_of(c, item, dsc, depth + 1, &part);
        if (ok && i++)
            sb_add(&b, sep->s, sep->len);
        if (ok)
            sb_add(&b, part.s, part.len);
        ok = ok && b.len <= FOLD_MAX;
    }
    kids_done(&k);
    return ok && sb_done(&b, out);
}

/* frozenset(X), set(X), tuple(X), list(X), sorted(X): the builtin, not
 * shadowed, with one positional argument, which holds the same strings */
static bool builtin_wrap(ctx *c, TSNode call)
{
    TSNode fn = node_field(call, c->f_function), args = node_field(call, c->f_arguments);
    const char *f = symbol_of(fn) == syms.identifier ? ident_name(c, fn) : NULL;
    if (!f || symbol_of(args) != syms.argument_list || ts_node_named_child_count(args) != 1 ||
        symbol_of(ts_node_named_child(args, 0)) == syms.keyword_argument ||
        symbol_of(ts_node_named_child(args, 0)) == syms.list_splat || pc_strmap_get(&c->module->names, f))
        return false;
    static const char *const wraps[] = {"frozenset", "set", "tuple", "list", "sorted"};
    for (size_t i = 0; i < sizeof wraps / sizeof *wraps; i++)
        if (!strcmp(f, wraps[i]))
            return true;
    return false;
}

static TSNode iterated_display(ctx *c, TSNode v, scope **vs)
{
    return display_of(c, v, vs, false);
}

TSNode display_behind(ctx *c, TSNode v, scope **vs)
{
    return iterated_display(c, v, vs);
}

static TSNode display_item(ctx *c, TSNode v, TSNode k, scope *sc, int depth, scope **vs);

/* changed_ok: a name the program may add to or change still counts (what
 * it holds at first is then part of what it holds, not all) */
static TSNode display_of(ctx *c, TSNode v, scope **vs, bool changed_ok)
{
    TSNode none = {0};
    v = unparen(v);
    for (int hop = 0; hop < 2 && !ts_node_is_null(v); hop++) {
        TSSymbol t = symbol_of(v);
        if (t == syms.list || t == syms.tuple || t == syms.set || t == syms.dictionary)
            return v;
        if (t == syms.call && builtin_wrap(c, v)) { /* frozenset({...}), tuple(NAMES) */
            v = unparen(ts_node_named_child(node_field(v, c->f_arguments), 0));
            t = symbol_of(v);
            if (t == syms.list || t == syms.tuple || t == syms.set || t == syms.dictionary)
                return v;
        }
        if (t == syms.call) { /* D.keys() */
            TSNode fn = node_field(v, c->f_function);
            const char *m =
                symbol_of(fn) == syms.attribute ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
            TSNode args = node_field(v, c->f_arguments);
            if (!m || strcmp(m, "keys") || ts_node_named_child_count(args))
                return none;
            v = unparen(node_field(fn, c->f_object));
            t = symbol_of(v);
            if (t == syms.dictionary)
                return v;
        }
        if (t == syms.subscript && *vs) { /* CFG["parts"]: the display that key selects */
            /* a key written as a literal: one that is computed (a parameter
             * with a default) may select another item at run time */
            TSNode k = unparen(node_field(v, c->f_subscript));
            bool literal_key =
                (symbol_of(k) == syms.string && !string_has_code(c, k)) || node_is(k, "integer");
            scope *is = *vs;
            TSNode it = literal_key ? display_item(c, node_field(v, c->f_value), k, *vs, 0, &is) : none;
            if (ts_node_is_null(it))
                return none;
            *vs = is;
            v = unparen(it);
            continue;
        }
        if (t == syms.attribute && *vs && c->text_folds) { /* cfg.parts: the class body's value */
            v = class_constant(c, v, *vs, vs);
            continue;
        }
        if (t != syms.identifier || !*vs)
            return none;
        const char *name = ident_name(c, v);
        namebind *nb = name ? decisive_bind(c, name, *vs, ts_node_start_byte(v)) : NULL;
        if (!nb || !nb->list || nb->list->next || nb->has_local || nb->has_del ||
            nb->list->kind != BIND_ALIAS)
            return none;
        /* a tuple cannot be changed in place, only grown by T += (...) */
        bool tuple = symbol_of(unparen(nb->list->value)) == syms.tuple;
        if (!changed_ok && (tuple ? (name_change(c, name) & PC_GROWS) : name_may_change(c, name)))
            return none;
        *vs = nb->list->value_scope;
        v = unparen(nb->list->value);
    }
    TSSymbol t = symbol_of(v);
    return t == syms.list || t == syms.tuple || t == syms.set || t == syms.dictionary ? v : none;
}

/* A path split into names ("a.b.c".split(".")): its parts, 0 when v is
 * not that or has more than max. */
static int split_items(ctx *c, TSNode v, scope *sc, strval *out, int max)
{
    TSNode fn = symbol_of(v) == syms.call ? node_field(v, c->f_function) : (TSNode){0};
    const char *m = symbol_of(fn) == syms.attribute ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    TSNode args = node_field(v, c->f_arguments);
    strval whole, sep;
    if (!m || strcmp(m, "split") || ts_node_is_null(args) || ts_node_named_child_count(args) != 1 ||
        !fold_string(c, call_arg(args, 0), sc, 0, &sep) || sep.len != 1 ||
        !fold_string(c, node_field(fn, c->f_object), sc, 0, &whole))
        return 0;
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= whole.len; i++) {
        if (i < whole.len && whole.s[i] != sep.s[0])
            continue;
        if (k == max)
            return 0;
        out[k++] = (strval){whole.s + start, i - start};
        start = i + 1;
    }
    return k;
}

static bool display_strings(ctx *c, TSNode v, scope *vs, strval *out, int *k, int max);
static int comp_items(ctx *c, TSNode v, scope *sc, int depth, strval *out, int max);

int fold_items(ctx *c, TSNode v, scope *sc, strval *out, int max)
{
    v = unparen(v);
    int k = split_items(c, v, sc, out, max);
    if (k)
        return k;
    scope *vs = sc;
    TSNode d = display_of(c, v, &vs, true);
    if (ts_node_is_null(d) && symbol_of(v) == syms.identifier) {
        /* a parameter of a def called once: what that call passes */
        const char *name = ident_name(c, v);
        for (scope *x = sc; name && x; x = x->parent) {
            if (!pc_strmap_get(&x->names, name))
                continue;
            TSNode a;
            scope *asc;
            if (param_single_arg(c, x, name, &a, &asc)) {
                vs = asc;
                if (!(k = split_items(c, unparen(a), asc, out, max)))
                    d = display_of(c, a, &vs, true);
            }
            break;
        }
    }
    if (!k && ts_node_is_null(d))
        return comp_items(c, v, sc, 0, out, max);
    if (k || symbol_of(d) == syms.dictionary)
        return k;
    return display_strings(c, d, vs, out, &k, max) ? k : 0;
}

/* d[k] where d is a dict, list or tuple display (or a name bound only to
 * one) and k a constant: the item's string. */
/* The item of display v (a dict, list or tuple, or a name bound once to
 * one) that key k selects, and in *vs the scope it is written in. */
static TSNode display_item(ctx *c, TSNode v, TSNode k, scope *sc, int depth, scope **vs)
{
    TSSymbol vt = symbol_of(unparen(v));
    if (vt != syms.identifier && vt != syms.dictionary && vt != syms.list && vt != syms.tuple)
        return (TSNode){0};
    *vs = sc;
    TSNode d = iterated_display(c, v, vs);
    if (ts_node_is_null(d) || symbol_of(d) == syms.set)
        return (TSNode){0};
    if (symbol_of(d) != syms.dictionary) {
        pc_value pv;
        bool container;
        if (!literal_value(c, k, &pv, &container) || pv.type != PC_VAL_INT)
            return (TSNode){0};
        uint32_t count = ts_node_named_child_count(d);
        long long idx = pv.i < 0 ? (long long)count + pv.i : pv.i;
        if (idx < 0 || idx >= (long long)count)
            return (TSNode){0};
        TSNode it = ts_node_named_child(d, (uint32_t)idx);
        return symbol_of(it) != syms.list_splat && symbol_of(it) != syms.comment ? it : (TSNode){0};
    }
    strval key;
    if (!fold_string(c, k, sc, depth + 1, &key))
        return (TSNode){0};
    uint32_t n = ts_node_named_child_count(d);
    for (uint32_t i = n; i-- > 0;) { /* the last pair with the key wins */
        TSNode it = ts_node_named_child(d, i);
        strval ik;
        if (symbol_of(it) == syms.dictionary_splat)
            return (TSNode){0};
        if (symbol_of(it) == syms.pair && fold_string(c, node_field(it, c->f_key), *vs, depth + 1, &ik) &&
            ik.len == key.len && !memcmp(ik.s, key.s, key.len))
            return node_field(it, c->f_value);
    }
    return (TSNode){0};
}

static bool display_lookup(ctx *c, TSNode v, TSNode k, scope *sc, int depth, strval *out)
{
    scope *vs = sc;
    TSNode it = display_item(c, v, k, sc, depth, &vs);
    return !ts_node_is_null(it) && fold_string(c, it, vs, depth + 1, out);
}

/* base[a:b] for slice node k with integer literals (or nothing) as bounds
 * and no step, as Python clamps them (byte offsets: names and paths are
 * ASCII). */
static bool fold_slice(ctx *c, TSNode k, const strval *base, strval *out)
{
    long long b[2] = {0, (long long)base->len};
    uint32_t n = ts_node_child_count(k), part = 0;
    for (uint32_t i = 0; i < n; i++) {
        TSNode ch = ts_node_child(k, i);
        if (!ts_node_is_named(ch)) {
            if (node_is(ch, ":") && ++part > 1)
                return false; /* a step */
            continue;
        }
        pc_value pv;
        bool container;
        if (part > 1 || !literal_value(c, ch, &pv, &container) || pv.type != PC_VAL_INT)
            return false;
        b[part] = pv.i;
    }
    for (int j = 0; j < 2; j++) {
        if (b[j] < 0)
            b[j] += (long long)base->len;
        if (b[j] < 0)
            b[j] = 0;
        if (b[j] > (long long)base->len)
            b[j] = (long long)base->len;
    }
    *out = (strval){base->s + b[0], b[1] > b[0] ? (size_t)(b[1] - b[0]) : 0};
    return true;
}

static bool fold_int_list(ctx *c, TSNode v, strval *out);
static bool fold_comprehension(ctx *c, TSNode comp, scope *sc, int depth, bool chars, const strval *sep,
                               strval *out);
static bool fold_map_lambda(ctx *c, TSNode call, scope *sc, int depth, bool chars, const strval *sep,
                            strval *out);

/* Inside a helper def f(*codes) being folded: `codes` is the call's
 * argument list (read in *sc, which becomes the caller's scope). */
static TSNode varargs_of(ctx *c, TSNode v, scope **sc)
{
    v = unparen(v);
    const char *name = symbol_of(v) == syms.identifier ? ident_name(c, v) : NULL;
    if (!name || !c->subst.param || !c->subst.varargs || *sc != c->subst.fn_scope ||
        strcmp(name, c->subst.params[0]))
        return v;
    *sc = c->subst.arg_scope;
    return c->subst.args[0];
}

/* Inside an expression folded for each item of a display (a helper's
 * parameter, or a comprehension's variable): the node the name stands for,
 * read in *sc; v itself otherwise. */
static TSNode subst_arg(ctx *c, TSNode v, scope **sc)
{
    v = unparen(v);
    const char *name = symbol_of(v) == syms.identifier ? ident_name(c, v) : NULL;
    for (int i = 0;
         name && c->subst.param && !c->subst.varargs && *sc == c->subst.fn_scope && i < c->subst.nparams; i++)
        if (!strcmp(name, c->subst.params[i])) {
            *sc = c->subst.arg_scope;
            return unparen(c->subst.args[i]);
        }
    return v;
}

/* sep.join(map(chr, [98, 97, 115, 104])): the characters joined. */
static bool fold_chr_map(ctx *c, TSNode call, scope *sc, int depth, const strval *sep, strval *out)
{
    TSNode args = node_field(call, c->f_arguments);
    TSNode f = call_arg(args, 0), list = call_arg(args, 1);
    scope *lsc = sc;
    list = ts_node_is_null(list) ? list : varargs_of(c, list, &lsc);
    if (ts_node_is_null(f) || ts_node_is_null(list) || !ts_node_is_null(call_arg(args, 2)))
        return false;
    list = subst_arg(c, list, &lsc);
    if (symbol_of(list) != syms.list && symbol_of(list) != syms.tuple) { /* CODES, SEGMENTS[0] */
        TSNode d = display_of(c, list, &lsc, false);
        if (!ts_node_is_null(d))
            list = d;
    }
    vals mv = {0}, fv = {0};
    resolve_expr(c, node_field(call, c->f_function), sc, depth + 1, &mv);
    resolve_expr(c, f, sc, depth + 1, &fv);
    bool is_map = false, is_chr = false;
    for (int i = 0; i < mv.n; i++)
        is_map |= !strcmp(mv.v[i].qual, "builtins.map");
    for (int i = 0; i < fv.n; i++)
        is_chr |= !strcmp(fv.v[i].qual, "builtins.chr");
    strval chars;
    if (!is_map || !is_chr || !fold_int_list(c, list, &chars))
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, chars.len * (sep->len + 1) + 1);
    for (size_t i = 0; i < chars.len; i++) {
        if (i)
            sb_add(&b, sep->s, sep->len);
        sb_add(&b, chars.s + i, 1);
    }
    return sb_done(&b, out);
}

/* The characters of a string joined: sep.join(S), sep.join(list(S)),
 * tuple(S) or reversed(S), S a string that folds (the builtins, not
 * shadowed; S may be a loop's item being folded). */
static bool fold_join_chars(ctx *c, TSNode seq, scope *sc, int depth, const strval *sep, strval *out)
{
    seq = subst_arg(c, seq, &sc);
    bool rev = false;
    if (symbol_of(seq) == syms.call) {
        TSNode fn = node_field(seq, c->f_function), args = node_field(seq, c->f_arguments);
        const char *f = symbol_of(fn) == syms.identifier ? ident_name(c, fn) : NULL;
        static const char *const wraps[] = {"list", "tuple", "reversed"};
        if (!f || !str_listed(f, wraps, 3) || symbol_of(args) != syms.argument_list ||
            ts_node_named_child_count(args) != 1 || pc_strmap_get(&c->module->names, f))
            return false;
        rev = !strcmp(f, "reversed");
        seq = subst_arg(c, ts_node_named_child(args, 0), &sc);
    } else if (symbol_of(seq) != syms.string && symbol_of(seq) != syms.identifier) {
        return false;
    }
    strval str;
    if (!fold_string(c, seq, sc, depth + 1, &str) || str.len > FOLD_MAX)
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, str.len * (sep->len + 1) + 1);
    size_t i = rev ? str.len : 0, n = 0;
    while (rev ? i > 0 : i < str.len) { /* character by character (UTF-8) */
        size_t st, en;
        if (rev) {
            en = i;
            while (--i > 0 && ((unsigned char)str.s[i] & 0xC0) == 0x80)
                ;
            st = i;
        } else {
            st = i;
            while (++i < str.len && ((unsigned char)str.s[i] & 0xC0) == 0x80)
                ;
            en = i;
        }
        if (n++)
            sb_add(&b, sep->s, sep->len);
        sb_add(&b, str.s + st, en - st);
    }
    return b.len <= FOLD_MAX && sb_done(&b, out);
}

static bool fold_join(ctx *c, TSNode sep_node, TSNode seq, scope *sc, int depth, strval *out)
{
    strval sep;
    if (!fold_string(c, sep_node, sc, depth + 1, &sep))
        return false;
    if (symbol_of(unparen(seq)) == syms.call && fold_chr_map(c, unparen(seq), sc, depth, &sep, out))
        return true;                                  /* "".join(map(chr, [98, 97, 115, 104])) */
    if (fold_str_items(c, seq, sc, depth, &sep, out)) /* ".".join(map(str, (10, 0, 0, 1))) */
        return true;
    if (node_is(unparen(seq), "list_comprehension")) /* "".join([chr(c ^ 7) for c in data]) */
        return fold_comprehension(c, seq, sc, depth, true, &sep, out);
    if (fold_map_lambda(c, seq, sc, depth, true, &sep, out)) /* "".join(map(lambda c: chr(c ^ 7), data)) */
        return true;
    if (fold_join_chars(c, seq, sc, depth, &sep, out)) /* "".join(list("bash")), "-".join(reversed(s)) */
        return true;
    scope *vsc = sc;
    TSNode va = varargs_of(c, seq, &vsc);
    bool spread = !ts_node_eq(va, unparen(seq)); /* "".join(parts) in def f(*parts) */
    if (spread) {
        seq = va;
        sc = vsc;
    } else {
        seq = iterated_display(c, seq, &sc); /* "".join(parts), parts = ["ba", "sh"] */
    }
    TSSymbol t = symbol_of(seq);
    if (t != syms.list && t != syms.tuple && !spread)
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, 16);
    bool ok = true;
    TSNode item;
    kids k;
    kids_init(&k, seq, true);
    for (uint32_t i = 0; ok && kids_next(&k, &item); i++) {
        strval part;
        ok = fold_string(c, item, sc, depth + 1, &part);
        if (!ok)
            break;
        if (i)
            sb_add(&b, sep.s, sep.len);
        sb_add(&b, part.s, part.len);
        ok = b.len <= FOLD_MAX;
    }
    kids_done(&k);
    if (!ok || b.failed)
        return false;
    out->s = b.p;
    out->len = b.len;
    return true;
}

static bool sb_done(sbuf *b, strval *out)
{
    if (b->failed || b->len > FOLD_MAX)
        return false;
    out->s = b->p ? b->p : "";
    out->len = b->len;
    return true;
}

/* Path joining as os.path.join and pathlib do it on POSIX: a part that
 * starts with "/" starts over. */
static void path_add(sbuf *b, const strval *part)
{
    if (part->len && part->s[0] == '/')
        b->len = 0;
    else if (b->len && b->p[b->len - 1] != '/' && part->len)
        sb_add(b, "/", 1);
    sb_add(b, part->s, part->len);
}

/* The class whose attribute obj.X reads: self or cls in a method, or a
 * name bound once to a class the program defines; for text conditions also
 * an instance of one (C(), a parameter annotated C), whose X may have been
 * given another value (a fold can only add a match there); NULL otherwise. */
static scope *attr_class(ctx *c, TSNode obj, scope *sc)
{
    const char *oname = symbol_of(obj) == syms.identifier ? ident_name(c, obj) : NULL;
    if (!oname)
        return c->text_folds ? instance_class(c, obj, sc) : NULL;
    if (!strcmp(oname, "self") || !strcmp(oname, "cls"))
        return method_class(sc);
    namebind *nb = decisive_bind(c, oname, sc, ts_node_start_byte(obj));
    binding *b = nb && nb->list && !nb->list->next && !nb->has_del ? nb->list : NULL;
    if (b && b->kind == BIND_CLASS)
        return b->value_scope;
    return c->text_folds ? instance_class(c, obj, sc) : NULL;
}

/* Is ".attr =" (a store into an attribute of that name) anywhere in the
 * file? By text, so it errs towards not folding. */
static bool attr_assigned(ctx *c, const char *attr)
{
    size_t l = strlen(attr);
    for (const char *p = c->text, *end = c->text + c->len; p && p < end;) {
        p = memmem(p, (size_t)(end - p), attr, l);
        if (!p)
            break;
        const char *q = p + l;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        if (p > c->text && p[-1] == '.' && q < end && *q == '=' && (q + 1 >= end || q[1] != '='))
            return true;
        p += l;
    }
    return false;
}

/* What x, self.X, cls.X or C.X, is bound to once in a class body (and by
 * no method), unparenthesized; *vs the scope it is written in; null
 * otherwise. */
static TSNode class_constant(ctx *c, TSNode x, scope *sc, scope **vs)
{
    TSNode obj = node_field(x, c->f_object);
    const char *attr = ident_name(c, node_field(x, c->f_attribute));
    scope *cls = attr_class(c, obj, sc);
    /* assigned by a method, changed anywhere (C.P.extend(...)) or rebound
     * from outside (C.P = ...): not the constant the class body holds */
    if (!attr || !cls || cls->kind != SCOPE_CLASS || pc_strmap_get(&cls->attrs, attr) ||
        name_may_change(c, attr) || attr_assigned(c, attr))
        return (TSNode){0};
    binding *b = sole_alias(pc_strmap_get(&cls->names, attr));
    if (!b)
        return (TSNode){0};
    *vs = b->value_scope ? b->value_scope : cls;
    return unparen(b->value);
}

/* The constant tuple or list behind *x in a call: x a name bound once to
 * one, or self.X, cls.X or C.X bound once in a class body (and by no
 * method); *vs is the scope its items are written in. */
static TSNode splat_display(ctx *c, TSNode x, scope *sc, scope **vs)
{
    x = unparen(x);
    *vs = sc;
    TSNode none = {0}, d = none;
    if (symbol_of(x) == syms.identifier) {
        d = display_of(c, x, vs, false);
        /* sorted(...), set(...): not the order written */
        TSNode up = ts_node_is_null(d) ? d : ts_node_parent(d);
        if (!ts_node_is_null(up) && ts_node_symbol(up) == syms.argument_list)
            return none;
    } else if (symbol_of(x) == syms.attribute) {
        d = class_constant(c, x, sc, vs);
    }
    TSSymbol t = symbol_of(d);
    return t == syms.tuple || t == syms.list ? d : none;
}

/* Fold with name `var`, read in scope fs, standing for item (read in
 * arg_scope): a comprehension's or a loop's variable, one item at a time. */
static void subst_item(ctx *c, scope *fs, const char *var, TSNode item, scope *arg_scope)
{
    c->subst.fn_scope = fs;
    c->subst.param = c->subst.params[0] = var;
    c->subst.args[0] = item;
    c->subst.nparams = 1;
    c->subst.varargs = false;
    c->subst.arg_scope = arg_scope;
    c->subst.helper = NULL;
}

static void subst_done(ctx *c)
{
    c->subst.param = NULL;
    c->subst.nparams = 0;
}

/* [BODY for VAR in ITEMS] (or a generator), ITEMS a list or tuple display
 * or a name bound once to one, with one for clause and no condition, or a
 * name bound once to such a comprehension: BODY folded for each item in
 * turn (["".join(map(chr, s)) for s in SEGMENTS]). The count folded, 0
 * when one does not fold or there are more than max. */
static int comp_items(ctx *c, TSNode v, scope *sc, int depth, strval *out, int max)
{
    v = unparen(v);
    if (symbol_of(v) == syms.identifier) {
        binding *b = bound_once(c, v, sc);
        if (!b || name_may_change(c, ident_name(c, v)))
            return 0;
        sc = b->value_scope ? b->value_scope : sc;
        v = unparen(b->value);
    }
    if ((!node_is(v, "list_comprehension") && !node_is(v, "generator_expression")) ||
        ts_node_named_child_count(v) != 2 || c->subst.param || depth > FOLD_DEPTH)
        return 0;
    TSNode body = node_field(v, c->f_body), forc = ts_node_named_child(v, 1);
    TSNode var = node_field(forc, c->f_left);
    scope *cs = scope_of_node(c, v), *ds = sc;
    if (!node_is(forc, "for_in_clause") || symbol_of(var) != syms.identifier || !cs)
        return 0;
    TSNode d = display_of(c, node_field(forc, c->f_right), &ds, false);
    if (symbol_of(d) != syms.list && symbol_of(d) != syms.tuple)
        return 0;
    int k = 0;
    bool ok = true;
    kids ks;
    kids_init(&ks, d, true);
    TSNode item;
    while (ok && kids_next(&ks, &item)) {
        if (symbol_of(item) == syms.comment)
            continue;
        ok = k < max && symbol_of(item) != syms.list_splat;
        if (!ok)
            break;
        const char *name = ident_name(c, var);
        subst_item(c, cs, name, item, ds);
        ok = name && fold_string(c, body, cs, depth + 1, &out[k]);
        subst_done(c);
        k += ok;
    }
    kids_done(&ks);
    return ok ? k : 0;
}

/* The positional arguments of a call joined as paths; false when one does
 * not fold (or there is a keyword, or a splat of anything but a constant
 * tuple or list: joinpath(*cls.UNIT_DIR)). */
static bool fold_path_args(ctx *c, TSNode args, scope *sc, int depth, strval *out)
{
    int parts = 0, unknown = 0;
    sbuf b = {.a = c->a};
    sb_reserve(&b, 32);
    bool ok = true;
    TSNode a;
    kids k;
    kids_init(&k, args, true);
    while (ok && kids_next(&k, &a)) {
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.comment)
            continue;
        strval part;
        if (t == syms.list_splat) {
            scope *vs;
            TSNode d = splat_display(c, ts_node_named_child(a, 0), sc, &vs), item;
            strval made[16];
            int nmade =
                ts_node_is_null(d) ? comp_items(c, ts_node_named_child(a, 0), sc, depth, made, 16) : 0;
            for (int i = 0; i < nmade; i++, parts++)
                path_add(&b, &made[i]);
            if (nmade) {
                ok = b.len <= FOLD_MAX;
                continue;
            }
            kids dk;
            ok = !ts_node_is_null(d) && ts_node_named_child_count(d) <= 16;
            if (ok) {
                kids_init(&dk, d, true);
                while (ok && kids_next(&dk, &item)) {
                    ok = symbol_of(item) != syms.list_splat && fold_string(c, item, vs, depth + 1, &part);
                    if (ok)
                        path_add(&b, &part);
                    parts++;
                }
                kids_done(&dk);
            }
            ok = ok && b.len <= FOLD_MAX;
            continue;
        }
        ok = t != syms.keyword_argument && t != syms.dictionary_splat;
        if (ok && !fold_string(c, a, sc, depth + 1, &part)) {
            /* for text conditions, a part not known is "?": the rest of the
             * path still reads (join(root, ".git", "hooks", "pre-commit")) */
            ok = c->text_folds;
            part = (strval){"?", 1};
            unknown++;
        }
        if (ok)
            path_add(&b, &part);
        ok = ok && b.len <= FOLD_MAX;
        parts++;
    }
    kids_done(&k);
    return ok && unknown < parts && sb_done(&b, out);
}

/* The value an environment variable stands for where a rule can read it:
 * SHELL is a shell ("/bin/sh"), HOME the home directory ("~"); others do
 * not fold. */
static bool env_value(ctx *c, TSNode key, scope *sc, int depth, strval *out)
{
    strval k;
    if (ts_node_is_null(key) || !fold_string(c, key, sc, depth + 1, &k))
        return false;
    if (k.len == 5 && !memcmp(k.s, "SHELL", 5)) {
        *out = (strval){"/bin/sh", 7};
        return true;
    }
    if (k.len == 4 && !memcmp(k.s, "HOME", 4)) {
        *out = (strval){"~", 1};
        return true;
    }
    return false;
}

/* What callee fn of a call is among the path helpers whose value folds:
 * 'j' joins its arguments (os.path.join, pathlib.Path(...)), 'i' returns its
 * first argument as far as a rule can tell (expanduser("~/.bashrc") stays
 * "~/.bashrc"; shutil.which("bash") stays "bash"), 'h' is the home
 * directory ("~"), 't' the temporary directory (tempfile.gettempdir(): /tmp
 * unless TMPDIR says otherwise; only for `text` conditions, never for the
 * string rules, for which such a path is not hard-coded), 'e' an
 * environment lookup (env_value; for `text` conditions, else its default),
 * 'J' and 'R' the path methods joinpath and
 * resolve/absolute, 'S' with_suffix; 0 otherwise. */
static char path_helper(ctx *c, TSNode fn, scope *sc, int depth)
{
    static const char *const names[] = {
        "join",     "expanduser", "expandvars", "abspath",       "normpath",    "realpath", "home",
        "Path",     "PurePath",   "PosixPath",  "PurePosixPath", "which",       "getenv",   "get",
        "joinpath", "resolve",    "absolute",   "gettempdir",    "with_suffix", NULL};
    const char *m = NULL;
    if (node_is(fn, "attribute"))
        m = ident_name(c, node_field(fn, c->f_attribute));
    else if (node_is(fn, "identifier"))
        m = ident_name(c, fn);
    int k = 0;
    while (m && names[k] && strcmp(m, names[k]))
        k++;
    bool named = m && names[k];
    /* another name (from pathlib import Path as P, eu = os.path.expanduser)
     * or no name (getattr(os.path, "expanduser")): what it resolves to; an
     * attribute by another name is no path helper */
    if (!named && node_is(fn, "attribute"))
        return 0;
    if (named && node_is(fn, "attribute") &&
        (!strcmp(m, "joinpath") || !strcmp(m, "resolve") || !strcmp(m, "absolute")))
        return m[0] == 'j' ? 'J' : 'R'; /* p.joinpath(...), p.resolve(): methods of a path */
    if (named && node_is(fn, "attribute") && !strcmp(m, "with_suffix"))
        return 'S'; /* p.with_suffix(".db") */
    vals v = {0};
    resolve_expr(c, fn, sc, depth + 1, &v);
    for (int i = 0; i < v.n; i++) {
        const char *q = v.v[i].qual;
        if (!strncmp(q, "os.path.", 8))
            q += 8;
        else if (!strncmp(q, "posixpath.", 10))
            q += 10;
        else if (!strncmp(q, "pathlib.", 8))
            q += 8;
        else
            continue;
        if (!strcmp(q, "join") || !strcmp(q, "Path") || !strcmp(q, "PurePath") || !strcmp(q, "PosixPath") ||
            !strcmp(q, "PurePosixPath"))
            return 'j';
        if (!strcmp(q, "Path.home"))
            return 'h';
        if (!strcmp(q, "expanduser") || !strcmp(q, "expandvars") || !strcmp(q, "abspath") ||
            !strcmp(q, "normpath") || !strcmp(q, "realpath"))
            return 'i';
    }
    for (int i = 0; i < v.n; i++) {
        const char *q = v.v[i].qual;
        if (!strcmp(q, "shutil.which")) /* the program's path: as good as its name */
            return 'i';
        if (!strcmp(q, "tempfile.gettempdir") && c->text_folds)
            return 't';
        if (!strcmp(q, "os.getenv") || !strcmp(q, "os.environ.get"))
            return 'e';
    }
    /* Path("~").expanduser(): a path object's method, as written ("~") */
    if (named && !v.n && node_is(fn, "attribute") && (!strcmp(m, "expanduser") || !strcmp(m, "expandvars")))
        return 'R';
    return 0;
}

/* "%s/x" % v and "%s%s" % (a, b): %s and %% only. */
static bool fold_percent(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    strval fmt;
    if (!fold_string(c, node_field(n, c->f_left), sc, depth + 1, &fmt))
        return false;
    TSNode r = unparen(node_field(n, c->f_right));
    if (ts_node_is_null(r))
        return false;
    if (ts_node_symbol(r) == syms.identifier) { /* ARGS = ("a", "b"); FMT % ARGS */
        scope *vs = sc;
        TSNode d = iterated_display(c, r, &vs);
        if (!ts_node_is_null(d) && ts_node_symbol(d) == syms.tuple) {
            r = d;
            sc = vs;
        }
    }
    bool tuple = ts_node_symbol(r) == syms.tuple;
    uint32_t nvals = tuple ? ts_node_named_child_count(r) : 1, used = 0;
    sbuf b = {.a = c->a};
    sb_reserve(&b, fmt.len + 16);
    for (size_t i = 0; i < fmt.len; i++) {
        if (fmt.s[i] != '%') {
            sb_add(&b, fmt.s + i, 1);
            continue;
        }
        if (i + 1 < fmt.len && fmt.s[i + 1] == '%') {
            sb_add(&b, "%", 1);
            i++;
            continue;
        }
        strval v;
        TSNode item = used < nvals ? (tuple ? ts_node_named_child(r, used) : r) : (TSNode){0};
        if (i + 1 < fmt.len && fmt.s[i + 1] == 'c' && !ts_node_is_null(item)) { /* "%c" % 115 */
            pc_value pv;
            bool container;
            if (!literal_value(c, item, &pv, &container) || pv.type != PC_VAL_INT || pv.i < 0 || pv.i > 127)
                return false;
            char *ch = pc_arena_alloc(c->a, 2);
            if (!ch)
                return false;
            ch[0] = (char)pv.i;
            ch[1] = '\0';
            v = (strval){ch, 1};
        } else if (i + 1 >= fmt.len || !fmt.s[i + 1] || !strchr("sdiu", fmt.s[i + 1]) ||
                   ts_node_is_null(item) ||
                   !(fmt.s[i + 1] == 's' ? fold_str_of(c, item, sc, depth + 1, &v)
                                         : fold_int_of(c, item, sc, depth + 1, &v))) {
            return false;
        }
        used++;
        i++;
        sb_add(&b, v.s, v.len);
        if (b.len > FOLD_MAX)
            return false;
    }
    return used == nvals && sb_done(&b, out);
}

/* "{}/x".format(v), "{0}{1}".format(a, b): plain replacement fields only. */
static binding *sole_alias(const namebind *nb);

/* Is o a string.Template (written in place, or a name bound once to one)? */
static bool is_template(ctx *c, TSNode o, scope *sc)
{
    o = unparen(o);
    if (symbol_of(o) == syms.identifier) {
        binding *b = bound_once(c, o, sc);
        if (!b)
            return false;
        o = unparen(b->value);
        sc = b->value_scope ? b->value_scope : sc;
    }
    if (symbol_of(o) != syms.call)
        return false;
    vals v = {0};
    resolve_expr(c, node_field(o, c->f_function), sc, 0, &v);
    for (int i = 0; i < v.n; i++)
        if (v.v[i].qual && !strcmp(v.v[i].qual, "string.Template"))
            return true;
    return false;
}

/* The value for $name in T.substitute(name=..., ...) or substitute({...}). */
static bool template_value(ctx *c, TSNode args, const char *name, size_t nl, scope *sc, int depth,
                           strval *out)
{
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; i++) {
        TSNode a = ts_node_named_child(args, i);
        if (symbol_of(a) == syms.keyword_argument) {
            TSNode k = node_field(a, c->f_name);
            uint32_t ks = ts_node_start_byte(k), ke = ts_node_end_byte(k);
            if (ke - ks == nl && !memcmp(c->text + ks, name, nl))
                return fold_string(c, node_field(a, c->f_value), sc, depth + 1, out);
        } else if (symbol_of(a) == syms.dictionary) {
            kids ks;
            kids_init(&ks, a, true);
            TSNode it;
            bool found = false, ok = false;
            while (!found && kids_next(&ks, &it)) {
                strval key;
                if (symbol_of(it) == syms.pair &&
                    fold_string(c, node_field(it, c->f_key), sc, depth + 1, &key) && key.len == nl &&
                    !memcmp(key.s, name, nl)) {
                    found = true;
                    ok = fold_string(c, node_field(it, c->f_value), sc, depth + 1, out);
                }
            }
            kids_done(&ks);
            if (found)
                return ok;
        }
    }
    return false;
}

/* string.Template(t).substitute(...): $name, ${name} and $$; with
 * safe_substitute a placeholder without a value stays as written. */
static bool fold_template(ctx *c, const strval *t, TSNode args, scope *sc, int depth, bool safe, strval *out)
{
    sbuf b = {.a = c->a};
    sb_reserve(&b, t->len + 16);
    for (size_t i = 0; i < t->len; i++) {
        if (t->s[i] != '$' || i + 1 >= t->len) {
            sb_add(&b, t->s + i, 1);
            continue;
        }
        if (t->s[i + 1] == '$') {
            sb_add(&b, "$", 1);
            i++;
            continue;
        }
        bool braced = t->s[i + 1] == '{';
        size_t s = i + 1 + braced, e = s;
        while (e < t->len && (isalnum((unsigned char)t->s[e]) || t->s[e] == '_'))
            e++;
        if (e == s || isdigit((unsigned char)t->s[s]) || (braced && (e >= t->len || t->s[e] != '}'))) {
            if (!safe)
                return false; /* substitute() raises on a stray $ */
            sb_add(&b, t->s + i, 1);
            continue;
        }
        strval v;
        if (template_value(c, args, t->s + s, e - s, sc, depth, &v))
            sb_add(&b, v.s, v.len);
        else if (safe)
            sb_add(&b, t->s + i, e + braced - i);
        else
            return false;
        i = e + braced - 1;
        if (b.len > FOLD_MAX)
            return false;
    }
    return sb_done(&b, out);
}

static bool fold_format(ctx *c, const strval *fmt, TSNode args, scope *sc, int depth, strval *out)
{
    /* "{}.{}.{}.{}".format(*OCTETS): the items of the display spread */
    TSNode a0 = ts_node_named_child(args, 0);
    scope *asc = sc;
    if (ts_node_named_child_count(args) == 1 && symbol_of(a0) == syms.list_splat) {
        TSNode d = iterated_display(c, ts_node_named_child(a0, 0), &asc);
        if (symbol_of(d) != syms.list && symbol_of(d) != syms.tuple)
            return false;
        args = d;
    }
    sbuf b = {.a = c->a};
    sb_reserve(&b, fmt->len + 16);
    uint32_t next = 0;
    for (size_t i = 0; i < fmt->len; i++) {
        char ch = fmt->s[i];
        if ((ch == '{' || ch == '}') && i + 1 < fmt->len && fmt->s[i + 1] == ch) {
            sb_add(&b, &ch, 1);
            i++;
            continue;
        }
        if (ch == '}')
            return false;
        if (ch != '{') {
            sb_add(&b, &ch, 1);
            continue;
        }
        size_t j = i + 1;
        uint32_t idx = next;
        if (j < fmt->len && fmt->s[j] >= '0' && fmt->s[j] <= '9') {
            idx = 0;
            while (j < fmt->len && fmt->s[j] >= '0' && fmt->s[j] <= '9' && idx < 1000)
                idx = idx * 10 + (uint32_t)(fmt->s[j++] - '0');
        } else {
            next++;
        }
        strval v;
        TSNode a = j < fmt->len && fmt->s[j] == '}' ? call_arg(args, idx) : (TSNode){0};
        if (ts_node_is_null(a) || !fold_str_of(c, a, asc, depth + 1, &v))
            return false;
        sb_add(&b, v.s, v.len);
        if (b.len > FOLD_MAX)
            return false;
        i = j;
    }
    return sb_done(&b, out);
}

/* base64 (urlsafe: - and _ for + and /), through nettle; padding optional. */
static bool b64_decode(ctx *c, const strval *in, bool urlsafe, strval *out)
{
    if (in->len > FOLD_MAX * 2)
        return false;
    char *src = pc_arena_alloc(c->a, in->len + 4),
         *dst = pc_arena_alloc(c->a, BASE64_DECODE_LENGTH(in->len + 4) + 1);
    if (!src || !dst)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < in->len; i++) {
        char ch = in->s[i];
        if (isspace((unsigned char)ch))
            continue;
        src[n++] = urlsafe && ch == '-' ? '+' : urlsafe && ch == '_' ? '/' : ch;
    }
    while (n % 4) /* Python requires the padding; lenient here is on the safe side */
        src[n++] = '=';
    struct base64_decode_ctx d;
    base64_decode_init(&d);
    size_t len = BASE64_DECODE_LENGTH(n);
    if (!base64_decode_update(&d, &len, (uint8_t *)dst, n, src) || !base64_decode_final(&d))
        return false;
    dst[len] = '\0';
    *out = (strval){dst, len};
    return true;
}

static bool hex_decode(ctx *c, const strval *in, strval *out)
{
    char *dst = pc_arena_alloc(c->a, in->len / 2 + 1);
    size_t n = 0;
    if (!dst)
        return false;
    for (size_t i = 0; i < in->len;) {
        if (isspace((unsigned char)in->s[i])) {
            i++;
            continue;
        }
        if (i + 1 >= in->len || hexval(in->s[i]) < 0 || hexval(in->s[i + 1]) < 0)
            return false;
        dst[n++] = (char)(hexval(in->s[i]) * 16 + hexval(in->s[i + 1]));
        i += 2;
    }
    dst[n] = '\0';
    *out = (strval){dst, n};
    return true;
}

static bool rot13(ctx *c, const strval *in, strval *out)
{
    char *p = pc_arena_strndup(c->a, in->s, in->len);
    if (!p)
        return false;
    for (size_t i = 0; i < in->len; i++) {
        char ch = p[i];
        if (ch >= 'a' && ch <= 'z')
            p[i] = (char)('a' + (ch - 'a' + 13) % 26);
        else if (ch >= 'A' && ch <= 'Z')
            p[i] = (char)('A' + (ch - 'A' + 13) % 26);
    }
    *out = (strval){p, in->len};
    return true;
}

/* bytes([104, 105]): a list of integer literals as a string. */
static bool fold_int_list(ctx *c, TSNode v, strval *out)
{
    v = unparen(v);
    if (symbol_of(v) != syms.list && symbol_of(v) != syms.tuple && symbol_of(v) != syms.argument_list)
        return false;
    uint32_t n = ts_node_named_child_count(v);
    if (n > FOLD_MAX)
        return false;
    char *p = pc_arena_alloc(c->a, n + 1);
    if (!p)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        pc_value pv;
        bool container;
        if (!literal_value(c, ts_node_named_child(v, i), &pv, &container) || pv.type != PC_VAL_INT ||
            pv.i < 0 || pv.i > 255)
            return false;
        p[i] = (char)pv.i;
    }
    p[n] = '\0';
    *out = (strval){p, n};
    return true;
}

/* (0x636174).to_bytes(3, "big"): an integer literal's bytes, hexadecimal of
 * any length or decimal up to 64 bits; the length and byte order (default
 * "big") by position or keyword, as literals. */
static bool fold_to_bytes(ctx *c, TSNode fn, TSNode args, scope *sc, int depth, strval *out)
{
    TSNode obj = unparen(node_field(fn, c->f_object));
    if (symbol_of(obj) != syms.integer)
        return false;
    TSNode len_arg = {0}, order_arg = {0};
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0, pos = 0; i < n; i++) {
        TSNode a = ts_node_named_child(args, i);
        TSSymbol t = symbol_of(a);
        if (t == syms.comment)
            continue;
        if (t == syms.keyword_argument) {
            const char *k = ident_name(c, node_field(a, c->f_name));
            if (k && !strcmp(k, "length"))
                len_arg = node_field(a, c->f_value);
            else if (k && !strcmp(k, "byteorder"))
                order_arg = node_field(a, c->f_value);
            else if (!k || strcmp(k, "signed"))
                return false;
            continue;
        }
        if (t == syms.list_splat || t == syms.dictionary_splat)
            return false;
        if (pos == 0)
            len_arg = a;
        else if (pos == 1)
            order_arg = a;
        pos++;
    }
    if (symbol_of(len_arg) != syms.integer)
        return false;
    char num[64], digits[1024];
    uint32_t st = ts_node_start_byte(len_arg), en = ts_node_end_byte(len_arg);
    if (en - st >= sizeof num || en > c->len)
        return false;
    memcpy(num, c->text + st, en - st);
    num[en - st] = '\0';
    char *end;
    unsigned long len = strtoul(num, &end, 10);
    if (*end || len == 0 || len > 512)
        return false;
    bool little = false;
    if (!ts_node_is_null(order_arg)) {
        strval o;
        if (!fold_string(c, order_arg, sc, depth + 1, &o))
            return false;
        if (o.len == 6 && !memcmp(o.s, "little", 6))
            little = true;
        else if (o.len != 3 || memcmp(o.s, "big", 3))
            return false;
    }
    /* the literal's digits, without underscores */
    st = ts_node_start_byte(obj), en = ts_node_end_byte(obj);
    size_t nd = 0;
    for (uint32_t i = st; i < en && i < c->len; i++) {
        if (c->text[i] == '_')
            continue;
        if (nd >= sizeof digits - 1)
            return false;
        digits[nd++] = c->text[i];
    }
    digits[nd] = '\0';
    unsigned char *b = pc_arena_alloc(c->a, len + 1);
    if (!b)
        return false;
    memset(b, 0, len + 1);
    if (nd > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
        size_t k = len; /* fill from the last byte up */
        for (size_t i = nd; i > 2; i -= 2) {
            int lo = hexval(digits[i - 1]), hi = i - 1 > 2 ? hexval(digits[i - 2]) : 0;
            if (lo < 0 || hi < 0)
                return false;
            unsigned v = (unsigned)(hi * 16 + lo);
            if (k == 0) {
                if (v)
                    return false; /* more bytes than the length: OverflowError */
                if (i - 1 <= 2)
                    break;
                continue;
            }
            b[--k] = (unsigned char)v;
            if (i - 1 <= 2)
                break;
        }
    } else {
        errno = 0;
        unsigned long long v = strtoull(digits, &end, 10);
        if (*end || errno || (digits[0] == '0' && nd > 1))
            return false;
        for (size_t k = len; k > 0; k--, v >>= 8)
            b[k - 1] = (unsigned char)(v & 0xff);
        if (v)
            return false;
    }
    if (little)
        for (size_t i = 0; i < len / 2; i++) {
            unsigned char t = b[i];
            b[i] = b[len - 1 - i];
            b[len - 1 - i] = t;
        }
    *out = (strval){(char *)b, len};
    return true;
}

/* Decoders whose input is a constant: base64.b64decode (and urlsafe),
 * bytes.fromhex, codecs.decode(x, "rot13" / "hex" / "base64"), bytes([...]).
 * True when n is one of them and its value folded into out. */
static bool fold_decoder(ctx *c, TSNode fn, TSNode args, scope *sc, int depth, strval *out)
{
    const char *m = NULL;
    if (symbol_of(fn) == syms.attribute)
        m = ident_name(c, node_field(fn, c->f_attribute));
    else if (symbol_of(fn) == syms.identifier)
        m = ident_name(c, fn);
    if (!m || (strcmp(m, "b64decode") && strcmp(m, "standard_b64decode") && strcmp(m, "urlsafe_b64decode") &&
               strcmp(m, "fromhex") && strcmp(m, "decode") && strcmp(m, "bytes") && strcmp(m, "bytearray") &&
               strcmp(m, "unhexlify") && strcmp(m, "a2b_hex") && strcmp(m, "a2b_base64") &&
               strcmp(m, "Template") && strcmp(m, "to_bytes")))
        return false;
    if (!strcmp(m, "to_bytes"))
        return symbol_of(fn) == syms.attribute && fold_to_bytes(c, fn, args, sc, depth, out);
    vals v = {0};
    resolve_expr(c, fn, sc, depth + 1, &v);
    TSNode a0 = call_arg(args, 0);
    strval in;
    for (int i = 0; i < v.n; i++) {
        const char *q = v.v[i].qual;
        bool b64 = !strcmp(q, "base64.b64decode") || !strcmp(q, "base64.standard_b64decode") ||
                   !strcmp(q, "binascii.a2b_base64");
        bool url = !strcmp(q, "base64.urlsafe_b64decode");
        bool hex = !strcmp(q, "builtins.bytes.fromhex") || !strcmp(q, "builtins.bytearray.fromhex") ||
                   !strcmp(q, "binascii.unhexlify") || !strcmp(q, "binascii.a2b_hex");
        if (b64 || url || hex) {
            if (ts_node_is_null(a0) || !fold_string(c, a0, sc, depth + 1, &in))
                return false;
            return hex ? hex_decode(c, &in, out) : b64_decode(c, &in, url, out);
        }
        if (!strcmp(q, "codecs.decode") || !strcmp(q, "codecs.encode")) {
            strval codec;
            TSNode a1 = call_arg(args, 1);
            if (ts_node_is_null(a0) || ts_node_is_null(a1) || !fold_string(c, a1, sc, depth + 1, &codec) ||
                !fold_string(c, a0, sc, depth + 1, &in))
                return false;
            char name[16] = {0};
            for (size_t k = 0; k < codec.len && k < sizeof name - 1; k++)
                name[k] = (char)tolower((unsigned char)(codec.s[k] == '-' ? '_' : codec.s[k]));
            if (!strcmp(name, "rot13") || !strcmp(name, "rot_13"))
                return rot13(c, &in, out);
            if (!strcmp(q, "codecs.decode") && (!strcmp(name, "hex") || !strcmp(name, "hex_codec")))
                return hex_decode(c, &in, out);
            if (!strcmp(q, "codecs.decode") && (!strcmp(name, "base64") || !strcmp(name, "base64_codec")))
                return b64_decode(c, &in, false, out);
            return false;
        }
        if ((!strcmp(q, "builtins.bytes") || !strcmp(q, "builtins.bytearray")) && !ts_node_is_null(a0))
            return fold_int_list(c, a0, out) || fold_comprehension(c, a0, sc, depth, false, NULL, out) ||
                   fold_map_lambda(c, a0, sc, depth, false, NULL, out);
        /* string.Template("... $name ..."): its template, for substitute() */
        if (!strcmp(q, "string.Template") && !ts_node_is_null(a0) && ts_node_named_child_count(args) == 1)
            return fold_string(c, a0, sc, depth + 1, out);
    }
    return false;
}

/* The expression a one-line helper returns, and its parameters' names (up
 * to 4, plain or annotated, no defaults): `_r = lambda s: s[::-1]` or `def
 * d(s: str) -> str: return b64decode(s).decode()`. */
static TSNode helper_body(ctx *c, TSNode fn, const char **params, TSNode *defaults, int *np, bool *varargs)
{
    TSNode ps = node_field(fn, c->f_parameters), body = node_field(fn, c->f_body);
    uint32_t n = ts_node_is_null(ps) ? 0 : ts_node_named_child_count(ps);
    if (ts_node_is_null(body) || n < 1 || n > 4)
        return (TSNode){0};
    *varargs = false;
    for (uint32_t i = 0; i < n; i++) {
        TSNode p = ts_node_named_child(ps, i);
        defaults[i] = (TSNode){0};
        if (node_is(p, "default_parameter") || node_is(p, "typed_default_parameter")) {
            /* def _x(blob, k=0x2A): a literal default, for calls that leave it out */
            pc_value pv;
            bool container;
            defaults[i] = node_field(p, c->f_value);
            if (i == 0 || !literal_value(c, defaults[i], &pv, &container))
                return (TSNode){0};
            p = node_field(p, c->f_name);
        }
        if (node_is(p, "typed_parameter"))
            p = ts_node_named_child(p, 0);
        if (n == 1 && node_is(p, "list_splat_pattern")) { /* def f(*codes) */
            p = ts_node_named_child(p, 0);
            *varargs = true;
        }
        params[i] = symbol_of(p) == syms.identifier ? ident_name(c, p) : NULL;
        if (!params[i])
            return (TSNode){0};
    }
    if (node_is(fn, "function_definition")) { /* a body of one return statement */
        TSNode st = ts_node_named_child(body, 0);
        if (ts_node_named_child_count(body) != 1 || !node_is(st, "return_statement"))
            return (TSNode){0};
        body = ts_node_named_child(st, 0);
    }
    *np = (int)n;
    return body;
}

/* helper(x, ...) folds as the helper's expression with the arguments for
 * its parameters, when the name is bound once to a lambda or def that
 * returns one expression: string obfuscation helpers (reversing, decoding,
 * joining). Not nested: a helper calling a helper stops there. */
static bool fold_helper_with(ctx *c, TSNode fn, TSNode args, TSNode only, scope *asc, scope *sc, int depth,
                             strval *out);

/* The binding of fn, a name bound once (not deleted, no other local
 * binding) to a lambda or a def: a helper helper_body may read. */
static binding *helper_binding(ctx *c, TSNode fn, scope *sc)
{
    const char *name = symbol_of(fn) == syms.identifier ? ident_name(c, fn) : NULL;
    namebind *nb = name ? decisive_bind(c, name, sc, ts_node_start_byte(fn)) : NULL;
    binding *b = nb && nb->list && !nb->list->next && !nb->has_plain_local && !nb->has_del ? nb->list : NULL;
    TSNode def = b && (b->kind == BIND_DEF || b->kind == BIND_ALIAS) ? unparen(b->value) : (TSNode){0};
    return node_is(def, "lambda") || node_is(def, "function_definition") ? b : NULL;
}

static bool fold_helper_call(ctx *c, TSNode fn, TSNode args, scope *sc, int depth, strval *out)
{
    return fold_helper_with(c, fn, args, (TSNode){0}, sc, sc, depth, out);
}

/* What fold makes of each item of display d (comments and *splats left
 * out), each non-empty value handed to fn until it returns false; false
 * when nothing folds. */
typedef bool (*item_fold_fn)(ctx *c, TSNode item, void *fud, strval *out);

static bool each_item_fold(ctx *c, TSNode d, item_fold_fn fold, void *fud, loop_item_fn fn, void *ud)
{
    bool any = false, go = true;
    kids k;
    kids_init(&k, d, true);
    TSNode item;
    while (go && kids_next(&k, &item)) {
        strval s;
        if (symbol_of(item) == syms.comment || symbol_of(item) == syms.list_splat ||
            !fold(c, item, fud, &s) || !s.len)
            continue;
        any = true;
        go = fn(c, &s, ud);
    }
    kids_done(&k);
    return any;
}

typedef struct helper_items {
    TSNode fn, args;
    scope *ds, *sc;
} helper_items;

/* helper(item): the helper's one argument replaced by the item */
static bool helper_item_fold(ctx *c, TSNode item, void *fud, strval *out)
{
    helper_items *f = fud;
    return fold_helper_with(c, f->fn, f->args, item, f->ds, f->sc, 0, out) && !memchr(out->s, 0, out->len);
}

/* helper(item) for each item of the display a comprehension's one clause
 * iterates ([_d(x) for x in ["Zm9v", ...]]: what the list holds once
 * built), each value handed to fn until it returns false; false when the
 * comprehension is not that shape. */
bool comp_helper_items(ctx *c, TSNode comp, scope *sc, loop_item_fn fn, void *ud)
{
    TSNode body = ts_node_named_child(comp, 0), clause = ts_node_named_child(comp, 1);
    /* [(root, _d(x)) for x in ...]: the call in a tuple the comprehension makes */
    for (uint32_t i = 0, n = ts_node_named_child_count(body); symbol_of(body) == syms.tuple && i < n && i < 4;
         i++)
        if (symbol_of(ts_node_named_child(body, i)) == syms.call) {
            body = ts_node_named_child(body, i);
            break;
        }
    if (ts_node_named_child_count(comp) != 2 || symbol_of(body) != syms.call ||
        !node_is(clause, "for_in_clause"))
        return false;
    TSNode hfn = node_field(body, c->f_function), args = node_field(body, c->f_arguments);
    TSNode var = node_field(clause, c->f_left),
           arg = ts_node_named_child_count(args) == 1 ? ts_node_named_child(args, 0) : (TSNode){0};
    const char *v = symbol_of(var) == syms.identifier ? ident_name(c, var) : NULL;
    const char *a = symbol_of(arg) == syms.identifier ? ident_name(c, arg) : NULL;
    if (!v || !a || strcmp(v, a) || symbol_of(hfn) != syms.identifier || c->subst.param)
        return false;
    scope *ds = sc; /* sc: where the comprehension is, where its first iterable is read */
    TSNode d = display_of(c, node_field(clause, c->f_right), &ds, false);
    if (ts_node_is_null(d) || symbol_of(d) == syms.dictionary || ts_node_named_child_count(d) > 64)
        return false;
    helper_items hi = {hfn, args, ds, sc};
    return each_item_fold(c, d, helper_item_fold, &hi, fn, ud);
}

/* fold_helper_call, or with `only` (not null) as the one argument, read in
 * scope asc, in place of what args holds */
static bool fold_helper_with(ctx *c, TSNode fn, TSNode args, TSNode only, scope *asc, scope *sc, int depth,
                             strval *out)
{
    binding *b = helper_binding(c, fn, sc);
    uint32_t nargs = ts_node_named_child_count(args);
    if (!b || c->subst.param || nargs < 1 || nargs > 64 || b->busy)
        return false;
    TSNode def = unparen(b->value);
    /* a decorator may replace the function, a caller may pass another for
     * a parameter's default: neither is the helper as written */
    if (!b->wrapped) {
        TSNode up = ts_node_parent(def);
        b->wrapped = node_is(up, "decorated_definition") || node_is(up, "default_parameter") ||
                             node_is(up, "typed_default_parameter")
                         ? 1
                         : -1;
    }
    if (b->wrapped > 0)
        return false;
    const char *params[4];
    TSNode defaults[4];
    int np = 0;
    bool varargs = false;
    TSNode body = helper_body(c, def, params, defaults, &np, &varargs);
    scope *fs = b->kind == BIND_DEF ? b->value_scope : scope_of_node(c, def);
    if (ts_node_is_null(body) || !fs || (!varargs && ((uint32_t)np < nargs || nargs < 1)))
        return false;
    for (int i = (int)nargs; !varargs && i < np; i++) { /* left out: its literal default */
        if (ts_node_is_null(defaults[i]))
            return false;
        c->subst.params[i] = params[i];
        c->subst.args[i] = defaults[i];
    }
    for (uint32_t i = 0; i < nargs; i++) {
        TSSymbol t = symbol_of(ts_node_named_child(args, i));
        if (t == syms.keyword_argument || t == syms.list_splat || t == syms.dictionary_splat ||
            t == syms.comment)
            return false;
        if (varargs)
            continue;
        c->subst.params[i] = params[i];
        c->subst.args[i] = ts_node_is_null(only) ? ts_node_named_child(args, i) : only;
    }
    if (varargs && !ts_node_is_null(only))
        return false;
    if (varargs) { /* the whole argument list stands for the tuple */
        c->subst.params[0] = params[0];
        c->subst.args[0] = args;
    }
    c->subst.varargs = varargs;
    c->subst.fn_scope = fs;
    c->subst.param = params[0];
    c->subst.nparams = np;
    c->subst.arg_scope = asc;
    c->subst.helper = b;
    b->busy = true;
    bool ok = fold_string(c, body, fs, depth + 1, out);
    b->busy = false;
    c->subst.param = NULL;
    c->subst.nparams = 0;
    c->subst.varargs = false;
    return ok;
}

/* The two strings of str.maketrans(a, b) (or bytes.maketrans), table t
 * written in place or a name bound once to one. */
static bool maketrans_args(ctx *c, TSNode t, scope *sc, int depth, strval *from, strval *to)
{
    t = unparen(t);
    if (symbol_of(t) == syms.attribute) /* self._t: the class body's constant */
        t = class_constant(c, t, sc, &sc);
    for (int hop = 0; hop < 2 && symbol_of(t) == syms.identifier; hop++) {
        const char *name = ident_name(c, t);
        namebind *nb = name ? decisive_bind(c, name, sc, ts_node_start_byte(t)) : NULL;
        binding *b = nb && nb->list && !nb->list->next && !nb->has_local && !nb->has_del &&
                             nb->list->kind == BIND_ALIAS
                         ? nb->list
                         : NULL;
        if (!b)
            return false;
        sc = b->value_scope ? b->value_scope : sc;
        t = unparen(b->value);
    }
    if (symbol_of(t) != syms.call)
        return false;
    TSNode fn = node_field(t, c->f_function), args = node_field(t, c->f_arguments);
    const char *m = symbol_of(fn) == syms.attribute ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    if (!m || strcmp(m, "maketrans") || symbol_of(args) != syms.argument_list ||
        ts_node_named_child_count(args) != 2)
        return false;
    return fold_string(c, ts_node_named_child(args, 0), sc, depth + 1, from) &&
           fold_string(c, ts_node_named_child(args, 1), sc, depth + 1, to) && from->len == to->len;
}

/* s.translate(str.maketrans("abc...", "zyx...")): each byte of s that the
 * table's first string holds becomes the one at the same place in the
 * second (ASCII tables; a name or path is ASCII) */
static bool fold_translate(ctx *c, const strval *base, TSNode table, scope *sc, int depth, strval *out)
{
    strval from, to;
    if (!maketrans_args(c, table, sc, depth, &from, &to))
        return false;
    for (size_t i = 0; i < from.len; i++)
        if ((unsigned char)from.s[i] >= 0x80 || (unsigned char)to.s[i] >= 0x80)
            return false;
    char *p = pc_arena_strndup(c->a, base->s, base->len);
    if (!p)
        return false;
    for (size_t i = 0; i < base->len; i++) {
        const char *hit = memrchr(from.s, p[i], from.len); /* the last pair for a character wins */
        if (hit)
            p[i] = to.s[hit - from.s];
    }
    out->s = p;
    out->len = base->len;
    return true;
}

/* textwrap.dedent: the whitespace every non-blank line starts with taken
 * off each line; whitespace-only lines become empty. */
static bool dedent(ctx *c, const strval *in, strval *out)
{
    const char *margin = NULL;
    size_t mlen = 0;
    for (size_t i = 0; i < in->len;) {
        size_t e = i, w;
        while (e < in->len && in->s[e] != '\n')
            e++;
        for (w = i; w < e && (in->s[w] == ' ' || in->s[w] == '\t'); w++)
            ;
        if (w < e) { /* not blank: the margin is the common prefix */
            if (!margin) {
                margin = in->s + i;
                mlen = w - i;
            } else {
                size_t k = 0;
                while (k < mlen && k < w - i && margin[k] == in->s[i + k])
                    k++;
                mlen = k;
            }
        }
        i = e + 1;
    }
    sbuf b = {.a = c->a};
    sb_reserve(&b, in->len + 1);
    for (size_t i = 0; i < in->len;) {
        size_t e = i, w;
        while (e < in->len && in->s[e] != '\n')
            e++;
        for (w = i; w < e && (in->s[w] == ' ' || in->s[w] == '\t'); w++)
            ;
        if (w < e)
            sb_add(&b, in->s + i + mlen, e - i - mlen);
        if (e < in->len)
            sb_add(&b, "\n", 1);
        i = e + 1;
    }
    return sb_done(&b, out);
}

/* textwrap.dedent(s) of a string that folds */
static bool fold_dedent(ctx *c, TSNode fn, TSNode args, scope *sc, int depth, strval *out)
{
    const char *m = symbol_of(fn) == syms.attribute    ? ident_name(c, node_field(fn, c->f_attribute))
                    : symbol_of(fn) == syms.identifier ? ident_name(c, fn)
                                                       : NULL;
    if (!m || strcmp(m, "dedent") || ts_node_named_child_count(args) != 1)
        return false;
    vals v = {0};
    resolve_expr(c, fn, sc, depth + 1, &v);
    strval in;
    return v.n == 1 && v.v[0].qual && !strcmp(v.v[0].qual, "textwrap.dedent") &&
           fold_string(c, call_arg(args, 0), sc, depth + 1, &in) && dedent(c, &in, out);
}

/* os.sep, os.path.sep (POSIX: "/") */
static bool os_sep(ctx *c, TSNode n, scope *sc)
{
    const char *a = ident_name(c, node_field(n, c->f_attribute));
    if (!a || strcmp(a, "sep"))
        return false;
    vals v = {0};
    resolve_expr(c, n, sc, 1, &v);
    return v.n == 1 && v.v[0].qual &&
           (!strcmp(v.v[0].qual, "os.sep") || !strcmp(v.v[0].qual, "os.path.sep") ||
            !strcmp(v.v[0].qual, "posixpath.sep"));
}

typedef struct one_return {
    TSNode v;
    int n;
} one_return;

static bool count_return(void *p, TSNode v)
{
    one_return *r = p;
    if (r->n++ == 0)
        r->v = v;
    return r->n < 2;
}

/* Is every parameter of def given a default (so a call with no arguments
 * binds each to it)? */
static bool all_defaults(ctx *c, TSNode def)
{
    TSNode params = node_field(def, c->f_parameters);
    uint32_t n = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
    for (uint32_t i = 0; i < n; i++) {
        TSNode p = ts_node_named_child(params, i);
        if (!node_is(p, "default_parameter") && !node_is(p, "typed_default_parameter") &&
            !node_is(p, "comment"))
            return false;
    }
    return true;
}

/* helper() with no arguments folds as what the def returns, when it is
 * bound once, not decorated, takes no argument it has no default for and
 * has one return statement: def unit_dir(): base = ...; d = Path(base) /
 * "systemd" / "user"; d.mkdir(); return d. */
static bool fold_noarg_helper(ctx *c, TSNode fn, TSNode args, scope *sc, int depth, strval *out)
{
    const char *name = symbol_of(fn) == syms.identifier ? ident_name(c, fn) : NULL;
    namebind *nb = name ? decisive_bind(c, name, sc, ts_node_start_byte(fn)) : NULL;
    binding *b = nb && nb->list && !nb->list->next && !nb->has_plain_local && !nb->has_del ? nb->list : NULL;
    if (!b || b->kind != BIND_DEF || b->busy || !b->value_scope || c->subst.param || depth > 8 ||
        ts_node_named_child_count(args) != 0)
        return false;
    TSNode def = b->value;
    if (!b->wrapped) {
        TSNode up = ts_node_parent(def);
        b->wrapped = node_is(up, "decorated_definition") ? 1 : -1;
    }
    TSNode body = node_field(def, c->f_body);
    if (b->wrapped > 0 || ts_node_is_null(body) || !all_defaults(c, def))
        return false;
    one_return r = {0};
    if (each_return(body, 2048, true, count_return, &r) != 0 || r.n != 1)
        return false; /* a generator, a long body, or more than one return */
    b->busy = true;
    bool ok = fold_string(c, r.v, b->value_scope, depth + 1, out);
    b->busy = false;
    return ok;
}

/* ---- byte-wise decoders written as comprehensions ---- */

/* The names a comprehension's for clause binds while it is folded, with
 * their values for the element at hand: the element (a byte, or a
 * character's code) and, for enumerate() and zip(), the index or the
 * other element. */
typedef struct comp_env {
    const char *var[2];
    long long val[2];
    int nvar;
    scope *sc; /* where other names resolve */
    /* the strings indexed (K[i], len(K)), folded once per comprehension */
    struct {
        uint32_t at;
        TSSymbol sym;
        bool ok;
        int32_t *v;
        size_t n;
    } memo[4];
    int nmemo;
} comp_env;

enum { COMP_INT_MAX = 1 << 30 };

/* A folded value as Python iterates it: code points (a bytes literal's
 * \xNN escapes fold to U+00NN, so its bytes come back too); a byte that
 * is not UTF-8 counts as itself. */
typedef struct cps {
    int32_t *v;
    size_t n;
} cps;

static bool cps_of(ctx *c, const strval *s, cps *out)
{
    out->v = s->len ? pc_arena_array(c->a, s->len, sizeof *out->v) : NULL;
    out->n = 0;
    if (s->len && !out->v)
        return false;
    for (size_t i = 0; i < s->len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s->s + i, (utf8proc_ssize_t)(s->len - i), &cp);
        if (k <= 0) {
            cp = (unsigned char)s->s[i];
            k = 1;
        }
        out->v[out->n++] = cp;
        i += (size_t)k;
    }
    return true;
}

static bool comp_int(ctx *c, TSNode n, comp_env *e, int depth, long long *out);

/* A name that is not a loop variable: a helper's parameter (its argument
 * at the call being folded) or a constant bound once to an integer. */
static bool const_int(ctx *c, TSNode n, const char *name, comp_env *e, int depth, long long *out)
{
    for (int i = 0; c->subst.param && e->sc == c->subst.fn_scope && i < c->subst.nparams; i++) {
        if (strcmp(name, c->subst.params[i]) || c->subst.varargs)
            continue;
        typeof(c->subst) saved = c->subst;
        c->subst.param = NULL;
        c->subst.nparams = 0;
        comp_env outer = {.sc = saved.arg_scope};
        bool ok = comp_int(c, saved.args[i], &outer, depth + 1, out);
        c->subst = saved;
        return ok;
    }
    binding *b = sole_alias(decisive_bind(c, name, e->sc, ts_node_start_byte(n)));
    if (!b)
        return false;
    comp_env outer = {.sc = b->value_scope ? b->value_scope : e->sc};
    b->busy = true;
    bool ok = comp_int(c, b->value, &outer, depth + 1, out);
    b->busy = false;
    return ok;
}

/* Does the text of n name `name` (as a whole word)? */
bool names_word(ctx *c, TSNode n, const char *name)
{
    uint32_t st = ts_node_start_byte(n), en = ts_node_end_byte(n);
    size_t l = strlen(name);
    if (en > c->len)
        return false;
    for (const char *p = c->text + st, *end = c->text + en; (p = memmem(p, (size_t)(end - p), name, l));
         p += l)
        if ((p == c->text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
            (p + l == end || !(isalnum((unsigned char)p[l]) || p[l] == '_')))
            return true;
    return false;
}

/* The byte at X[i] (or X's length, for len(X)) of a string that folds. */
/* Does the text of n name one of the loop's variables? Then it cannot be
 * folded outside the loop (x[0] for x in ...). */
static bool mentions_var(ctx *c, TSNode n, const comp_env *e)
{
    uint32_t st = ts_node_start_byte(n), en = ts_node_end_byte(n);
    if (en > c->len || en - st > 4096)
        return true;
    for (int k = 0; k < e->nvar; k++)
        if (e->var[k] && *e->var[k] && names_word(c, n, e->var[k]))
            return true;
    return false;
}

/* x folded to its code points, once per comprehension and node */
static bool comp_fold(ctx *c, TSNode x, comp_env *e, int depth, cps *v)
{
    uint32_t at = ts_node_start_byte(x);
    TSSymbol sym = ts_node_symbol(x);
    for (int i = 0; i < e->nmemo; i++)
        if (e->memo[i].at == at && e->memo[i].sym == sym) {
            *v = (cps){e->memo[i].v, e->memo[i].n};
            return e->memo[i].ok;
        }
    strval s;
    bool ok = !mentions_var(c, x, e) && fold_string(c, x, e->sc, depth + 1, &s) && s.len <= FOLD_MAX &&
              cps_of(c, &s, v);
    if (e->nmemo < 4)
        e->memo[e->nmemo++] = (typeof(e->memo[0])){at, sym, ok, ok ? v->v : NULL, ok ? v->n : 0};
    return ok;
}

static bool comp_index(ctx *c, TSNode x, TSNode idx, comp_env *e, int depth, long long *out)
{
    cps v;
    long long i;
    if (!comp_fold(c, x, e, depth, &v))
        return false;
    if (ts_node_is_null(idx)) {
        *out = (long long)v.n;
        return true;
    }
    if (!comp_int(c, idx, e, depth + 1, &i) || !v.n)
        return false;
    if (i < 0)
        i += (long long)v.n;
    if (i < 0 || i >= (long long)v.n)
        return false;
    *out = v.v[i];
    return true;
}

/* Does expression fn resolve to qual? */
static bool resolves_to(ctx *c, TSNode fn, scope *sc, int depth, const char *qual)
{
    vals v = {0};
    if (!ts_node_is_null(fn))
        resolve_expr(c, fn, sc, depth + 1, &v);
    for (int i = 0; i < v.n; i++)
        if (v.v[i].qual && !strcmp(v.v[i].qual, qual))
            return true;
    return false;
}

/* Is n a call whose callee resolves to qual? */
static bool call_to(ctx *c, TSNode n, scope *sc, int depth, const char *qual)
{
    return symbol_of(n) == syms.call && resolves_to(c, node_field(n, c->f_function), sc, depth, qual);
}

/* Is fn (a name) the builtin called name, not the program's own? */
static bool is_builtin(ctx *c, TSNode fn, scope *sc, const char *name)
{
    const char *m = symbol_of(fn) == syms.identifier ? ident_name(c, fn) : NULL;
    char q[32];
    return m && !strcmp(m, name) && snprintf(q, sizeof q, "builtins.%s", name) < (int)sizeof q &&
           resolves_to(c, fn, sc, 0, q);
}

/* An integer expression over the loop variables and constants: ^ + - * %
 * // & | << >>, unary - ~ +, ord(), len(), X[i]. */
static bool comp_int(ctx *c, TSNode n, comp_env *e, int depth, long long *out)
{
    n = unparen(n);
    if (ts_node_is_null(n) || depth > 12)
        return false;
    TSSymbol t = ts_node_symbol(n);
    if (t == syms.integer) {
        pc_value pv;
        bool container;
        /* bounded: a literal too large for 64 bits saturates */
        if (!literal_value(c, n, &pv, &container) || pv.type != PC_VAL_INT || pv.i > COMP_INT_MAX ||
            pv.i < -COMP_INT_MAX)
            return false;
        *out = pv.i;
        return true;
    }
    if (t == syms.identifier) {
        const char *name = ident_name(c, n);
        for (int i = 0; name && i < e->nvar; i++)
            if (e->var[i] && !strcmp(name, e->var[i])) {
                *out = e->val[i];
                return true;
            }
        return name && const_int(c, n, name, e, depth, out);
    }
    if (t == syms.unary_operator) {
        long long v;
        TSNode op = node_field(n, syms.operator_);
        if (ts_node_is_null(op) || !comp_int(c, ts_node_named_child(n, 0), e, depth + 1, &v))
            return false;
        if (v > COMP_INT_MAX || v < -COMP_INT_MAX)
            return false;
        *out = node_is(op, "-") ? -v : node_is(op, "~") ? ~v : v;
        return true;
    }
    if (t == syms.binary_operator) {
        long long a, b;
        TSNode op = node_field(n, syms.operator_);
        if (ts_node_is_null(op) || !comp_int(c, node_field(n, c->f_left), e, depth + 1, &a) ||
            !comp_int(c, node_field(n, c->f_right), e, depth + 1, &b) || a > COMP_INT_MAX ||
            a < -COMP_INT_MAX || b > COMP_INT_MAX || b < -COMP_INT_MAX)
            return false;
        const char *o = ts_node_type(op);
        if (!strcmp(o, "^"))
            *out = a ^ b;
        else if (!strcmp(o, "&"))
            *out = a & b;
        else if (!strcmp(o, "|"))
            *out = a | b;
        else if (!strcmp(o, "+"))
            *out = a + b;
        else if (!strcmp(o, "-"))
            *out = a - b;
        else if (!strcmp(o, "*"))
            *out = a * b;
        else if ((!strcmp(o, "%") || !strcmp(o, "//")) && b) { /* Python rounds towards -inf */
            long long q = a / b, r = a % b;
            if (r && ((r < 0) != (b < 0))) {
                q--;
                r += b;
            }
            *out = o[0] == '%' ? r : q;
        } else if ((!strcmp(o, "<<") || !strcmp(o, ">>")) && b >= 0 && b < 32) {
            /* a negative shifted left as Python does, in two's complement */
            *out = o[0] == '<' ? (long long)((unsigned long long)a << b) : a >> b;
        } else
            return false;
        return true;
    }
    if (t == syms.subscript) {
        TSNode idx = node_field(n, c->f_subscript);
        return !ts_node_is_null(idx) && comp_index(c, node_field(n, c->f_value), idx, e, depth, out);
    }
    if (t != syms.call)
        return false;
    TSNode fn = node_field(n, c->f_function), args = node_field(n, c->f_arguments);
    const char *m = (symbol_of(fn) == syms.identifier) ? ident_name(c, fn) : NULL;
    if (!m || !node_is(args, "argument_list") || ts_node_named_child_count(args) != 1 ||
        !is_builtin(c, fn, e->sc, m))
        return false;
    TSNode a = ts_node_named_child(args, 0);
    if (!strcmp(m, "ord")) {
        if (comp_int(c, a, e, depth + 1, out)) /* ord(ch) of a loop variable */
            return true;
        cps cv;
        if (!comp_fold(c, a, e, depth, &cv) || cv.n != 1)
            return false;
        *out = cv.v[0];
        return true;
    }
    if (!strcmp(m, "len"))
        return comp_index(c, a, (TSNode){0}, e, depth, out);
    if (!strcmp(m, "int"))
        return comp_int(c, a, e, depth + 1, out);
    return false;
}

/* A comparison or boolean filter of an if clause. */
static bool comp_test(ctx *c, TSNode n, comp_env *e, int depth, bool *out)
{
    n = unparen(n);
    if (ts_node_is_null(n) || depth > 12)
        return false;
    if (node_is(n, "not_operator")) {
        bool v;
        if (!comp_test(c, ts_node_named_child(n, 0), e, depth + 1, &v))
            return false;
        *out = !v;
        return true;
    }
    if (ts_node_symbol(n) == syms.boolean_operator) {
        bool a, b;
        TSNode op = node_field(n, syms.operator_);
        if (ts_node_is_null(op) || !comp_test(c, node_field(n, c->f_left), e, depth + 1, &a) ||
            !comp_test(c, node_field(n, c->f_right), e, depth + 1, &b))
            return false;
        *out = node_is(op, "and") ? a && b : a || b;
        return true;
    }
    if (!node_is(n, "comparison_operator") || ts_node_child_count(n) != 3) {
        long long v; /* a bare integer: its truth */
        if (!comp_int(c, n, e, depth + 1, &v))
            return false;
        *out = v != 0;
        return true;
    }
    long long a, b;
    TSNode op = ts_node_child(n, 1);
    if (!comp_int(c, ts_node_child(n, 0), e, depth + 1, &a) ||
        !comp_int(c, ts_node_child(n, 2), e, depth + 1, &b))
        return false;
    const char *o = ts_node_type(op);
    if (!strcmp(o, "=="))
        *out = a == b;
    else if (!strcmp(o, "!="))
        *out = a != b;
    else if (!strcmp(o, "<"))
        *out = a < b;
    else if (!strcmp(o, "<="))
        *out = a <= b;
    else if (!strcmp(o, ">"))
        *out = a > b;
    else if (!strcmp(o, ">="))
        *out = a >= b;
    else
        return false;
    return true;
}

/* What a for clause iterates over: X, enumerate(X), zip(X, Y) or zip(X,
 * itertools.cycle(K)), each of strings that fold. */
typedef struct comp_source {
    cps x, y;
    bool enumerated, zipped, cycled;
} comp_source;

/* A list or tuple display of integer literals (or a name bound once to
 * one): its numbers, as code points ([47, 98, 105, 110] for "/bin"). */
static bool int_display_cps(ctx *c, TSNode n, scope *sc, cps *out)
{
    n = subst_arg(c, n, &sc);
    if (symbol_of(n) != syms.list && symbol_of(n) != syms.tuple)
        n = display_of(c, n, &sc, false); /* CODES */
    if (symbol_of(n) != syms.list && symbol_of(n) != syms.tuple)
        return false;
    uint32_t k = ts_node_named_child_count(n);
    if (!k || k > FOLD_MAX || !(out->v = pc_arena_array(c->a, k, sizeof *out->v)))
        return false;
    for (out->n = 0; out->n < k; out->n++) {
        pc_value pv;
        bool container;
        if (!literal_value(c, ts_node_named_child(n, (uint32_t)out->n), &pv, &container) ||
            pv.type != PC_VAL_INT || container || pv.i < 0 || pv.i > 0x10FFFF)
            return false;
        out->v[out->n] = (int32_t)pv.i;
    }
    return true;
}

/* What a decoder iterates: a string's (or bytes') code points, or a
 * display of numbers' ("".join(chr(x) for x in [47, 98, 105, 110])). */
static bool fold_cps(ctx *c, TSNode n, scope *sc, int depth, cps *out)
{
    strval s;
    return (fold_string(c, n, sc, depth + 1, &s) && cps_of(c, &s, out)) || int_display_cps(c, n, sc, out);
}

/* zip(x, y), y maybe itertools.cycle(key): the two strings of the pairs */
static bool comp_pairs(ctx *c, TSNode x, TSNode y, scope *sc, int depth, comp_source *src)
{
    y = unparen(y);
    src->zipped = true;
    src->cycled = call_to(c, y, sc, depth, "itertools.cycle");
    if (src->cycled) {
        TSNode ya = node_field(y, c->f_arguments);
        if (!node_is(ya, "argument_list") || ts_node_named_child_count(ya) != 1)
            return false;
        y = ts_node_named_child(ya, 0);
    }
    return fold_cps(c, x, sc, depth, &src->x) && fold_cps(c, y, sc, depth, &src->y) &&
           (src->y.n || !src->cycled);
}

static bool comp_source_of(ctx *c, TSNode right, scope *sc, int depth, comp_source *src)
{
    right = unparen(right);
    bool en = call_to(c, right, sc, depth, "builtins.enumerate");
    bool zip = !en && call_to(c, right, sc, depth, "builtins.zip");
    if (!en && !zip)
        return fold_cps(c, right, sc, depth, &src->x);
    TSNode args = node_field(right, c->f_arguments);
    if (!node_is(args, "argument_list") || ts_node_named_child_count(args) != (en ? 1u : 2u))
        return false;
    if (zip)
        return comp_pairs(c, ts_node_named_child(args, 0), ts_node_named_child(args, 1), sc, depth, src);
    src->enumerated = true;
    return fold_cps(c, ts_node_named_child(args, 0), sc, depth, &src->x);
}

/* The elements of a decoder: body (chr(E) for characters, else E) for
 * each item of src, the loop names in e, kept when cond holds, joined by
 * sep. */
static bool comp_emit(ctx *c, TSNode body, TSNode cond, comp_env *ep, const comp_source *sp, int depth,
                      bool chars, const strval *sep, strval *out)
{
    comp_env e = *ep;
    comp_source src = *sp;
    /* chr(E) for characters; otherwise E itself */
    TSNode elem = unparen(body);
    bool is_chr = false;
    if (ts_node_symbol(elem) == syms.call) {
        TSNode fn = node_field(elem, c->f_function), args = node_field(elem, c->f_arguments);
        const char *m = (symbol_of(fn) == syms.identifier) ? ident_name(c, fn) : NULL;
        if (m && is_builtin(c, fn, e.sc, "chr") && node_is(args, "argument_list") &&
            ts_node_named_child_count(args) == 1) {
            is_chr = true;
            elem = ts_node_named_child(args, 0);
        }
    }
    if (is_chr != chars && !(chars && (symbol_of(elem) == syms.identifier)))
        return false;
    size_t count = src.x.n;
    if (src.zipped && !src.cycled && src.y.n < count)
        count = src.y.n;
    if (count > FOLD_MAX)
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, count + 1);
    size_t emitted = 0;
    for (size_t i = 0; i < count && !b.failed; i++) {
        long long x = src.x.v[i];
        if (src.enumerated) {
            e.val[0] = (long long)i;
            e.val[1] = x;
        } else if (src.zipped) {
            e.val[0] = x;
            e.val[1] = src.y.v[src.cycled ? i % src.y.n : i];
        } else {
            e.val[0] = x;
        }
        bool keep = true;
        if (!ts_node_is_null(cond) && !comp_test(c, cond, &e, depth + 1, &keep))
            return false;
        if (!keep)
            continue;
        long long v;
        if (!comp_int(c, elem, &e, depth + 1, &v))
            return false;
        if (emitted++ && sep && sep->len)
            sb_add(&b, sep->s, sep->len);
        if (chars) {
            if (v < 0 || v > 0x10FFFF)
                return false;
            sb_cp(&b, (int32_t)v);
        } else {
            if (v < 0 || v > 255)
                return false;
            sb_cp(&b, (int32_t)v); /* as a bytes literal folds: U+00NN */
        }
        if (b.len > FOLD_MAX)
            return false;
    }
    return sb_done(&b, out);
}

/* bytes(c ^ 42 for c in blob), "".join(chr(ord(ch) - 1) for ch in s),
 * [b ^ key[i % len(key)] for i, b in enumerate(data)], zip(data,
 * itertools.cycle(key)), with an optional if filter: the elements, bytes
 * (chars false) or characters (chars true) joined by sep. One for clause;
 * an element is an integer expression of the loop variables (or chr() of
 * one for characters). */
static bool fold_comprehension(ctx *c, TSNode comp, scope *sc, int depth, bool chars, const strval *sep,
                               strval *out)
{
    comp = unparen(comp);
    if (!node_is(comp, "generator_expression") && !node_is(comp, "list_comprehension"))
        return false;
    TSNode body = node_field(comp, c->f_body), forc = {0}, cond = {0};
    uint32_t n = ts_node_named_child_count(comp);
    for (uint32_t i = 0; i < n; i++) {
        TSNode ch = ts_node_named_child(comp, i);
        if (node_is(ch, "for_in_clause")) {
            if (!ts_node_is_null(forc))
                return false; /* nested loops: not read */
            forc = ch;
        } else if (node_is(ch, "if_clause")) {
            if (!ts_node_is_null(cond))
                return false;
            cond = ts_node_named_child(ch, 0);
        }
    }
    if (ts_node_is_null(body) || ts_node_is_null(forc))
        return false;
    TSNode left = node_field(forc, c->f_left), right = node_field(forc, c->f_right);
    comp_source src = {0};
    if (ts_node_is_null(left) || ts_node_is_null(right) || !comp_source_of(c, right, sc, depth, &src))
        return false;
    comp_env e = {.sc = sc};
    bool pair = src.enumerated || src.zipped;
    if (pair) {
        if (!node_is(left, "pattern_list") && !node_is(left, "tuple_pattern"))
            return false;
        if (ts_node_named_child_count(left) != 2)
            return false;
        for (int i = 0; i < 2; i++) {
            TSNode v = ts_node_named_child(left, (uint32_t)i);
            e.var[i] = (symbol_of(v) == syms.identifier) ? ident_name(c, v) : NULL;
            if (!e.var[i])
                return false;
        }
        e.nvar = 2;
    } else {
        e.var[0] = (symbol_of(left) == syms.identifier) ? ident_name(c, left) : NULL;
        if (!e.var[0])
            return false;
        e.nvar = 1;
    }
    return comp_emit(c, body, cond, &e, &src, depth, chars, sep, out);
}

/* map(lambda c: c ^ 42, blob) and map(lambda a, b: a ^ b, data,
 * itertools.cycle(key)): the same decoders written with map. */
static bool fold_map_lambda(ctx *c, TSNode call, scope *sc, int depth, bool chars, const strval *sep,
                            strval *out)
{
    call = unparen(call);
    if (symbol_of(call) != syms.call)
        return false;
    TSNode fn = node_field(call, c->f_function), args = node_field(call, c->f_arguments);
    uint32_t nargs = node_is(args, "argument_list") ? ts_node_named_child_count(args) : 0;
    if (nargs < 2 || nargs > 3)
        return false;
    TSNode lam = unparen(ts_node_named_child(args, 0));
    if (!node_is(lam, "lambda") || !resolves_to(c, fn, sc, depth, "builtins.map"))
        return false;
    TSNode ps = node_field(lam, c->f_parameters), body = node_field(lam, c->f_body);
    uint32_t np = ts_node_is_null(ps) ? 0 : ts_node_named_child_count(ps);
    if (ts_node_is_null(body) || np != nargs - 1)
        return false;
    comp_env e = {.sc = sc, .nvar = (int)np};
    for (uint32_t i = 0; i < np; i++) {
        TSNode p = ts_node_named_child(ps, i);
        e.var[i] = symbol_of(p) == syms.identifier ? ident_name(c, p) : NULL;
        if (!e.var[i])
            return false;
    }
    comp_source src = {0};
    if (np == 1) {
        if (!comp_source_of(c, ts_node_named_child(args, 1), sc, depth, &src) || src.enumerated || src.zipped)
            return false;
    } else if (!comp_pairs(c, ts_node_named_child(args, 1), ts_node_named_child(args, 2), sc, depth, &src)) {
        return false; /* two iterables: zip's pairs */
    }
    return comp_emit(c, body, (TSNode){0}, &e, &src, depth, chars, sep, out);
}

/* sep.join(x for x in y) and bytes(x for x in y): a generator as the
 * only argument */
static bool fold_genexp_call(ctx *c, TSNode fn, TSNode gen, scope *sc, int depth, strval *out)
{
    if (symbol_of(fn) == syms.attribute) {
        const char *m = ident_name(c, node_field(fn, c->f_attribute));
        strval sep;
        return m && !strcmp(m, "join") && fold_string(c, node_field(fn, c->f_object), sc, depth + 1, &sep) &&
               (fold_str_items(c, gen, sc, depth, &sep, out) ||
                fold_comprehension(c, gen, sc, depth, true, &sep, out));
    }
    return (resolves_to(c, fn, sc, depth, "builtins.bytes") ||
            resolves_to(c, fn, sc, depth, "builtins.bytearray")) &&
           fold_comprehension(c, gen, sc, depth, false, NULL, out);
}

static bool fold_call(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    TSNode fn = node_field(n, c->f_function);
    TSNode args = node_field(n, c->f_arguments);
    if (!ts_node_is_null(fn) && node_is(args, "generator_expression")) /* f(x for x in y) */
        return fold_genexp_call(c, fn, args, sc, depth, out);
    if (ts_node_is_null(fn) || ts_node_is_null(args) || !node_is(args, "argument_list"))
        return false;
    uint32_t nargs = ts_node_named_child_count(args);
    if (nargs == 1 && symbol_of(fn) == syms.identifier && resolves_to(c, fn, sc, depth, "builtins.str"))
        return fold_str_of(c, call_arg(args, 0), sc, depth + 1, out); /* str(80) */
    if (fold_decoder(c, fn, args, sc, depth, out))
        return true;
    if (fold_helper_call(c, fn, args, sc, depth, out) || fold_noarg_helper(c, fn, args, sc, depth, out) ||
        fold_dedent(c, fn, args, sc, depth, out))
        return true;
    char helper = path_helper(c, fn, sc, depth);
    if (helper == 'j')
        return fold_path_args(c, args, sc, depth, out);
    if (helper == 'h') {
        out->s = "~";
        out->len = 1;
        return true;
    }
    if (helper == 't') {
        out->s = "/tmp";
        out->len = 4;
        return true;
    }
    if (helper == 'i')
        return nargs >= 1 && fold_string(c, call_arg(args, 0), sc, depth + 1, out);
    if (helper == 'e') { /* os.getenv("SHELL"), os.environ.get("HOME", ...) */
        if (env_value(c, call_arg(args, 0), sc, depth, out))
            return true;
        /* for `text` conditions, an unset variable's default:
         * os.environ.get("XDG_CONFIG_HOME", expanduser("~/.config")) */
        TSNode dflt = call_arg(args, 1);
        return c->text_folds && !ts_node_is_null(dflt) && fold_string(c, dflt, sc, depth + 1, out);
    }
    if (helper == 'S') { /* p.with_suffix(".db"): the last name's suffix replaced */
        strval base, sfx;
        if (nargs != 1 || !fold_string(c, node_field(fn, c->f_object), sc, depth + 1, &base) ||
            !fold_string(c, call_arg(args, 0), sc, depth + 1, &sfx) || base.len + sfx.len > FOLD_MAX)
            return false;
        size_t start = 0, cut = base.len;
        for (size_t i = 0; i < base.len; i++)
            if (base.s[i] == '/')
                start = i + 1;
        for (size_t i = base.len; i > start + 1; i--) /* ".bashrc" has no suffix */
            if (base.s[i - 1] == '.') {
                cut = i - 1;
                break;
            }
        sbuf b = {.a = c->a};
        sb_reserve(&b, cut + sfx.len + 1);
        sb_add(&b, base.s, cut);
        sb_add(&b, sfx.s, sfx.len);
        return sb_done(&b, out);
    }
    if (helper == 'J' || helper == 'R') { /* p.joinpath("a", "b"), p.resolve() */
        strval base, rest;
        if (!fold_string(c, node_field(fn, c->f_object), sc, depth + 1, &base))
            return false;
        if (helper == 'R' || !nargs) {
            *out = base;
            return true;
        }
        if (!fold_path_args(c, args, sc, depth, &rest))
            return false;
        sbuf b = {.a = c->a};
        sb_reserve(&b, base.len + rest.len + 2);
        sb_add(&b, base.s, base.len);
        path_add(&b, &rest);
        return sb_done(&b, out);
    }
    if (node_is(fn, "attribute")) {
        TSNode obj = node_field(fn, c->f_object);
        const char *m = ident_name(c, node_field(fn, c->f_attribute));
        if (!m)
            return false;
        if (!strcmp(m, "join") && nargs == 1)
            return fold_join(c, obj, ts_node_named_child(args, 0), sc, depth, out);
        strval base;
        if (!fold_string(c, obj, sc, depth + 1, &base))
            return false;
        if (!strcmp(m, "format"))
            return fold_format(c, &base, args, sc, depth, out);
        if ((!strcmp(m, "substitute") || !strcmp(m, "safe_substitute")) && is_template(c, obj, sc))
            return fold_template(c, &base, args, sc, depth, m[0] == 's' && m[1] == 'a', out);
        if ((!strcmp(m, "lower") || !strcmp(m, "upper") || !strcmp(m, "casefold")) && nargs == 0) {
            char *p = pc_arena_strndup(c->a, base.s, base.len);
            if (!p)
                return false;
            for (size_t i = 0; i < base.len; i++)
                p[i] = (char)(m[0] == 'u' ? toupper((unsigned char)p[i]) : tolower((unsigned char)p[i]));
            out->s = p;
            out->len = base.len;
            return true;
        }
        if ((!strcmp(m, "decode") || !strcmp(m, "encode")) && nargs <= 1) {
            *out = base; /* utf-8 both ways, as far as a name or path goes */
            return true;
        }
        if ((!strcmp(m, "strip") || !strcmp(m, "lstrip") || !strcmp(m, "rstrip")) && nargs <= 1) {
            strval chars = {" \t\n\r\f\v", 6}; /* no argument: whitespace */
            if (nargs == 1 && !fold_string(c, ts_node_named_child(args, 0), sc, depth + 1, &chars))
                return false;
            size_t s = 0, e = base.len;
            if (m[0] != 'r')
                while (s < e && memchr(chars.s, base.s[s], chars.len))
                    s++;
            if (m[0] != 'l')
                while (e > s && memchr(chars.s, base.s[e - 1], chars.len))
                    e--;
            out->s = base.s + s;
            out->len = e - s;
            return true;
        }
        if (!strcmp(m, "replace") && nargs == 2) {
            strval from, to;
            if (!fold_string(c, ts_node_named_child(args, 0), sc, depth + 1, &from) ||
                !fold_string(c, ts_node_named_child(args, 1), sc, depth + 1, &to) || !from.len)
                return false;
            sbuf b = {.a = c->a};
            sb_reserve(&b, base.len);
            for (size_t i = 0; i < base.len;) {
                if (i + from.len <= base.len && !memcmp(base.s + i, from.s, from.len)) {
                    sb_add(&b, to.s, to.len);
                    i += from.len;
                } else {
                    sb_add(&b, base.s + i, 1);
                    i++;
                }
                if (b.len > FOLD_MAX)
                    return false;
            }
            if (b.failed)
                return false;
            out->s = b.p;
            out->len = b.len;
            return true;
        }
        if (!strcmp(m, "translate") && nargs == 1)
            return fold_translate(c, &base, ts_node_named_child(args, 0), sc, depth, out);
        return false;
    }
    if (!node_is(fn, "identifier"))
        return false;
    const char *name = ident_name(c, fn);
    vals v = {0};
    resolve_expr(c, fn, sc, depth + 1, &v);
    bool is_chr = false, is_str = false;
    for (int i = 0; i < v.n; i++) {
        is_chr |= !strcmp(v.v[i].qual, "builtins.chr");
        is_str |= !strcmp(v.v[i].qual, "builtins.str");
    }
    (void)name;
    if (is_chr && nargs == 1) {
        TSNode a = ts_node_named_child(args, 0);
        pc_value pv;
        bool container;
        if (!literal_value(c, a, &pv, &container) || pv.type != PC_VAL_INT || pv.i < 0 || pv.i > 0x10FFFF)
            return false;
        sbuf b = {.a = c->a};
        sb_cp(&b, (int32_t)pv.i);
        if (b.failed)
            return false;
        out->s = b.p;
        out->len = b.len;
        return true;
    }
    if (is_str && nargs == 1)
        return fold_string(c, ts_node_named_child(args, 0), sc, depth + 1, out);
    return false;
}

/* The bindings of name in the scope that decides it where sc reads it (at
 * byte offset), as resolve_ident finds that scope (a global declaration
 * sends it to the module; class bodies are not visible from inside them);
 * NULL when no scope binds it, or when that is not certain: a nested
 * function may rebind it (nonlocal), or the binding found may not be the
 * one read. */
static namebind *decisive_bind(ctx *c, const char *name, scope *sc, uint32_t offset)
{
    if (!c->nonlocal_names) { /* every name any scope declares nonlocal, gathered once */
        pc_strmap *all = pc_arena_alloc(c->a, sizeof *all);
        if (!all)
            return NULL;
        pc_strmap_init(all, c->a);
        for (size_t i = 0; i < c->nscopes; i++) {
            const pc_strmap *m = &c->scopes[i]->nonlocals;
            for (size_t j = 0; j < m->cap; j++)
                if (m->slots[j].key && pc_strmap_put(all, m->slots[j].key, all) < 0)
                    return NULL;
        }
        c->nonlocal_names = all;
    }
    if (pc_strmap_get(c->nonlocal_names, name))
        return NULL;
    scope *s = pc_strmap_get(&sc->globals, name) ? c->module : sc;
    for (scope *prev = NULL; s; prev = s, s = s->parent) {
        if (s->kind == SCOPE_CLASS && prev) {
            /* invisible from inside, except to a comprehension's first
             * iterable, which runs in the class body: then unsure */
            if (prev->kind == SCOPE_COMPREHENSION && pc_strmap_get(&s->names, name))
                return NULL;
            continue;
        }
        namebind *nb = pc_strmap_get(&s->names, name);
        if (!nb)
            continue;
        /* at module or class level, bound only conditionally or after the
         * use: the outer or earlier meaning may be what is read */
        bool local = s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA || s->kind == SCOPE_COMPREHENSION;
        bool dominates = nb->first_uncond != UINT32_MAX && (nb->first_uncond < offset || s != sc);
        /* loop variables read inside their own loop are bound there */
        bool inside = s == sc && !nb->has_plain_local && !nb->has_del;
        for (binding *b = nb->list; b && inside; b = b->next)
            inside = b->kind == BIND_PART && b->offset < offset && offset < b->until;
        return local || dominates || (inside && nb->list) ? nb : NULL;
    }
    return NULL;
}

/* Every binding in nb (at most four) is an assignment whose value folds,
 * to the same string (home = expanduser("~") twice). */
static bool fold_bindings(ctx *c, namebind *nb, int depth, strval *out)
{
    int k = 0;
    for (binding *b = nb->list; b; b = b->next, k++) {
        strval v;
        if (k == 4 || b->kind != BIND_ALIAS || b->busy)
            return false;
        b->busy = true;
        bool ok = fold_string(c, b->value, b->value_scope, depth + 1, &v);
        b->busy = false;
        if (!ok || (k && (v.len != out->len || memcmp(v.s, out->s, v.len))))
            return false;
        *out = v;
    }
    return true;
}

/* self.NAME in a method, when every assignment of self.NAME in the class's
 * methods folds to the same string; obj.NAME of another instance of the
 * class, its class body's value (class_field). Other code may set the
 * attribute on an instance, so only `text` conditions ask (text_folds). */
static bool fold_self_attr(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    TSNode o = node_field(n, c->f_object);
    const char *self = symbol_of(o) == syms.identifier ? ident_name(c, o) : NULL;
    const char *attr = ident_name(c, node_field(n, c->f_attribute));
    if (attr && (!self || (strcmp(self, "self") && strcmp(self, "cls")))) {
        scope *vs = sc; /* cfg.root, cfg an instance of Cfg */
        TSNode v = depth < FOLD_DEPTH ? class_constant(c, n, sc, &vs) : (TSNode){0};
        return !ts_node_is_null(v) && fold_string(c, v, vs, depth + 1, out);
    }
    if (!self || !attr)
        return false;
    scope *cls = method_class(sc);
    namebind *nb = cls ? pc_strmap_get(&cls->attrs, attr) : NULL;
    if (nb && nb->list)
        return fold_bindings(c, nb, depth, out);
    /* no method assigns it: the class body's own constant (_profile = b"...") */
    nb = cls ? pc_strmap_get(&cls->names, attr) : NULL;
    return nb && nb->list && !nb->list->next && nb->list->kind == BIND_ALIAS && !nb->has_del &&
           fold_bindings(c, nb, depth, out);
}

static bool fold_ident(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    const char *name = ident_name(c, n);
    if (!name)
        return false;
    for (int i = 0; c->subst.param && sc == c->subst.fn_scope && i < c->subst.nparams; i++) {
        if (strcmp(name, c->subst.params[i]))
            continue;
        if (c->subst.varargs) /* a tuple, not a string: read by join and map(chr, ...) */
            return false;
        /* the argument is folded where the call is, as a helper call of its own */
        typeof(c->subst) saved = c->subst;
        c->subst.param = NULL;
        c->subst.nparams = 0;
        if (saved.helper)
            saved.helper->busy = false;
        bool ok = fold_string(c, saved.args[i], saved.arg_scope, depth + 1, out);
        if (saved.helper)
            saved.helper->busy = true;
        c->subst = saved;
        return ok;
    }
    /* A constant: bound exactly once, to something that folds, in the scope
     * that decides the name (see decisive_scope); for text conditions also a
     * name bound only under a condition or in a loop at module level (what
     * it holds when it is read is then one of its bindings) */
    namebind *nb = decisive_bind(c, name, sc, ts_node_start_byte(n));
    for (scope *s = sc; !nb && c->text_folds && s; s = s->parent)
        if (s->kind != SCOPE_CLASS || s == sc)
            nb = pc_strmap_get(&s->names, name);
    if (nb && nb->list && !nb->has_local && !nb->has_del && fold_bindings(c, nb, depth, out))
        return true;
    /* a parameter: what the def's one call passes (make_cleaner(home) for
     * def make_cleaner(root)) */
    for (scope *s = sc; depth < 6 && s; s = s->parent) {
        if (s->kind == SCOPE_CLASS && s != sc)
            continue;
        if (!pc_strmap_get(&s->names, name))
            continue;
        TSNode arg;
        scope *asc;
        return s->kind == SCOPE_FUNCTION && param_single_arg(c, s, name, &arg, &asc) &&
               fold_string(c, arg, asc, depth + 1, out);
    }
    return false;
}

/* A name bound once, to an expression (not a def, import or del), that is
 * not being followed already: its binding, else NULL. */
static binding *sole_alias(const namebind *nb)
{
    binding *b = nb && nb->list && !nb->list->next && !nb->has_local && !nb->has_del ? nb->list : NULL;
    return b && b->kind == BIND_ALIAS && !b->busy && !ts_node_is_null(b->value) ? b : NULL;
}

/* d[k] with k computed, d (node v) a dict display or a name bound only to
 * one: each of its values, when all fold (at most max). */
static int table_values(ctx *c, TSNode v, scope *sc, strval *out, int max)
{
    scope *vs = sc;
    TSNode d = symbol_of(unparen(v)) == syms.identifier || symbol_of(unparen(v)) == syms.dictionary
                   ? iterated_display(c, v, &vs)
                   : (TSNode){0};
    if (ts_node_is_null(d) || symbol_of(d) != syms.dictionary)
        return 0;
    int k = 0;
    kids ks;
    kids_init(&ks, d, true);
    TSNode it;
    bool ok = true;
    while (ok && kids_next(&ks, &it)) {
        if (symbol_of(it) == syms.comment)
            continue;
        ok = symbol_of(it) == syms.pair && k < max &&
             fold_string(c, node_field(it, c->f_value), vs, 1, &out[k]);
        k += ok;
    }
    kids_done(&ks);
    return ok ? k : 0;
}

/* TABLE.get(key) or TABLE.get(key, default), key computed: any of the
 * table's values, or the default when it folds (without one, None: no
 * name). */
static int table_get_values(ctx *c, TSNode call, scope *sc, strval *out, int max)
{
    TSNode fn = node_field(call, c->f_function), args = node_field(call, c->f_arguments);
    if (symbol_of(fn) != syms.attribute || symbol_of(args) != syms.argument_list)
        return 0;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    uint32_t n = ts_node_named_child_count(args);
    if (!m || strcmp(m, "get") || n < 1 || n > 2)
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        TSSymbol t = symbol_of(ts_node_named_child(args, i));
        if (t == syms.keyword_argument || t == syms.list_splat || t == syms.dictionary_splat ||
            t == syms.comment)
            return 0;
    }
    int k = table_values(c, node_field(fn, c->f_object), sc, out, max);
    if (k && n == 2) {
        if (k >= max || !fold_string(c, ts_node_named_child(args, 1), sc, 1, &out[k]))
            return 0;
        k++;
    }
    return k;
}

/* The strings of a display (a dict: its keys), appended to out[*k..max);
 * false when one does not fold or there is no room. */
static bool display_strings(ctx *c, TSNode v, scope *vs, strval *out, int *k, int max)
{
    bool dict = symbol_of(v) == syms.dictionary;
    kids ks;
    kids_init(&ks, v, true);
    TSNode item;
    bool ok = true;
    while (ok && kids_next(&ks, &item)) {
        if (symbol_of(item) == syms.comment)
            continue;
        if (dict) /* a dict iterates over its keys */
            item = symbol_of(item) == syms.pair ? node_field(item, c->f_key) : (TSNode){0};
        ok = *k < max && fold_string(c, item, vs, 1, &out[*k]);
        *k += ok;
    }
    kids_done(&ks);
    return ok;
}

typedef struct site_choices {
    ctx *c;
    strval *out;
    int k, max;
    bool failed;
} site_choices;

static bool site_display(void *p, TSNode arg, scope *asc)
{
    site_choices *u = p;
    TSNode d = iterated_display(u->c, arg, &asc);
    if (ts_node_is_null(d) || !display_strings(u->c, d, asc, u->out, &u->k, u->max))
        u->failed = true;
    return u->failed; /* stop at the first that is not known */
}

/* for name in candidates, candidates a parameter: the strings of what
 * every call of the def passes for it, each a display (or a name bound
 * once to one); 0 when one is not. */
static int param_displays(ctx *c, TSNode id, scope *sc, strval *out, int max)
{
    const char *name = symbol_of(id) == syms.identifier ? ident_name(c, id) : NULL;
    for (scope *x = sc; name && x; x = x->parent) {
        if (!pc_strmap_get(&x->names, name))
            continue;
        site_choices u = {c, out, 0, max, false};
        int budget = 64;
        param_any_arg(c, x, name, site_display, &u, &budget);
        return u.failed || budget <= 0 ? 0 : u.k;
    }
    return 0;
}

static int fold_choices_any(ctx *c, TSNode n, scope *sc, strval *out, int max, int depth);

typedef struct site_folds {
    ctx *c;
    strval *out;
    int k, max, depth;
    bool failed;
} site_folds;

static bool site_fold_choices(void *p, TSNode arg, scope *asc)
{
    site_folds *u = p;
    int got = fold_choices_any(u->c, arg, asc, u->out + u->k, u->max - u->k, u->depth + 1);
    u->failed |= got == 0;
    u->k += got;
    return u->failed;
}

/* A parameter: the strings every call of its def passes for it may be
 * (document(modname) called in a loop over MODULES); 0 when one is not known. */
static int param_choices(ctx *c, TSNode id, scope *sc, strval *out, int max, int depth)
{
    const char *name = ident_name(c, id);
    for (scope *x = sc; name && x; x = x->parent) {
        if (!pc_strmap_get(&x->names, name))
            continue;
        site_folds u = {c, out, 0, max, depth, false};
        int budget = 64;
        if (x->kind != SCOPE_FUNCTION)
            return 0;
        param_any_arg(c, x, name, site_fold_choices, &u, &budget); /* not a parameter: none */
        return u.failed || budget <= 0 ? 0 : u.k;
    }
    return 0;
}

/* The strings of an allowlist: a display, a name bound once to one, or
 * A + B of those (CANDIDATES + EXTRAS). */
static bool allowlist_strings(ctx *c, TSNode x, scope *sc, strval *out, int *k, int max, int depth)
{
    x = unparen(x);
    if (symbol_of(x) == syms.binary_operator && depth < 4) {
        TSNode op = node_field(x, syms.operator_);
        return node_is(op, "+") &&
               allowlist_strings(c, node_field(x, c->f_left), sc, out, k, max, depth + 1) &&
               allowlist_strings(c, node_field(x, c->f_right), sc, out, k, max, depth + 1);
    }
    scope *vs = sc;
    TSNode d = iterated_display(c, x, &vs);
    return !ts_node_is_null(d) && display_strings(c, d, vs, out, k, max);
}

/* Does the block end the function or loop (raise, return, continue or
 * break as its last statement, or a call of sys.exit, exit, quit or
 * os._exit, named as written)? */
static bool exits(ctx *c, TSNode block)
{
    uint32_t n = ts_node_named_child_count(block);
    TSNode last = n ? ts_node_named_child(block, n - 1) : (TSNode){0};
    while (n > 1 && node_is(last, "comment"))
        last = ts_node_named_child(block, --n - 1);
    if (node_is(last, "raise_statement") || node_is(last, "return_statement") ||
        node_is(last, "continue_statement") || node_is(last, "break_statement"))
        return true;
    TSNode call = node_is(last, "expression_statement") ? ts_node_named_child(last, 0) : (TSNode){0};
    TSNode fn = symbol_of(call) == syms.call ? node_field(call, c->f_function) : (TSNode){0};
    if (ts_node_is_null(fn))
        return false;
    static const char *const enders[] = {"sys.exit", "exit", "quit", "os._exit"};
    uint32_t s = ts_node_start_byte(fn), e = ts_node_end_byte(fn);
    for (size_t i = 0; i < sizeof enders / sizeof *enders; i++)
        if (e - s == strlen(enders[i]) && !memcmp(c->text + s, enders[i], e - s))
            return true;
    return false;
}

/* `name in X` (want_in) or `name not in X`: X, else null. Also one
 * operand of `and` (want_in) or `or` (not): `if a not in A or b not in B:
 * raise` checks both. */
static TSNode membership_at(ctx *c, TSNode cond, const char *name, bool want_in, int depth)
{
    cond = unparen(cond);
    for (int i = 0; i < 8 && node_is(cond, "boolean_operator"); i++) {
        TSNode op = node_field(cond, syms.operator_);
        if (!node_is(op, want_in ? "and" : "or") || depth >= 8)
            return (TSNode){0};
        TSNode x = membership_at(c, node_field(cond, c->f_left), name, want_in, depth + 1);
        if (!ts_node_is_null(x))
            return x;
        cond = unparen(node_field(cond, c->f_right));
    }
    if (!node_is(cond, "comparison_operator") || ts_node_named_child_count(cond) != 2)
        return (TSNode){0};
    TSNode left = unparen(ts_node_named_child(cond, 0));
    const char *ln = symbol_of(left) == syms.identifier ? ident_name(c, left) : NULL;
    if (!ln || strcmp(ln, name))
        return (TSNode){0};
    /* the operator tokens between the operands: "in" or "not in" */
    uint32_t a = ts_node_end_byte(left), b = ts_node_start_byte(ts_node_named_child(cond, 1));
    const char *t = c->text + a;
    size_t len = b > a ? b - a : 0;
    bool has_not = memmem(t, len, "not", 3) != NULL, has_in = memmem(t, len, "in", 2) != NULL;
    if (!has_in || has_not != !want_in)
        return (TSNode){0};
    return ts_node_named_child(cond, 1);
}

static TSNode membership(ctx *c, TSNode cond, const char *name, bool want_in)
{
    return membership_at(c, cond, name, want_in, 0);
}

/* try: x = TABLE[name] except KeyError: raise ...: name is one of
 * TABLE's keys after it (every handler ends the function or loop). */
static int lookup_guard(ctx *c, TSNode st, const char *name, scope *sc, strval *out, int max)
{
    TSNode body = ts_node_child_by_field_name(st, "body", 4), table = {0};
    bool handler = false;
    uint32_t n = ts_node_named_child_count(st);
    for (uint32_t i = 0; i < n; i++) {
        TSNode h = ts_node_named_child(st, i);
        if (node_is(h, "finally_clause") || node_is(h, "else_clause"))
            return 0;
        if (!node_is(h, "except_clause"))
            continue;
        TSNode hb = ts_node_named_child(h, ts_node_named_child_count(h) - 1);
        if (!node_is(hb, "block") || !exits(c, hb))
            return 0;
        handler = true;
    }
    if (!handler || !node_is(body, "block"))
        return 0;
    /* the body's first statement: a subscript of the table by the name */
    TSNode first = ts_node_named_child(body, 0);
    if (node_is(first, "expression_statement"))
        first = ts_node_named_child(first, 0);
    if (node_is(first, "assignment"))
        first = node_field(first, c->f_right);
    first = unparen(first);
    if (symbol_of(first) != syms.subscript)
        return 0;
    TSNode key = unparen(node_field(first, c->f_subscript));
    const char *kn = symbol_of(key) == syms.identifier ? ident_name(c, key) : NULL;
    if (!kn || strcmp(kn, name))
        return 0;
    table = node_field(first, c->f_value);
    scope *vs = sc;
    TSNode d = iterated_display(c, table, &vs);
    int k = 0;
    return symbol_of(d) == syms.dictionary && display_strings(c, d, vs, out, &k, max) ? k : 0;
}

/* A name checked against an allowlist before it is used: `if name not in
 * ALLOWED: raise ...` earlier in the same block (or an enclosing one), or
 * the use inside `if name in ALLOWED:`. The allowlist's strings, or 0. */
static int guard_choices(ctx *c, TSNode n, const char *name, scope *sc, strval *out, int max)
{
    TSNode child = n;
    for (int up = 0; up < 24; up++) {
        TSNode p = ts_node_parent(child);
        if (ts_node_is_null(p) || node_is(p, "function_definition") || node_is(p, "class_definition"))
            return 0;
        int k = 0;
        if (node_is(p, "if_statement") &&
            ts_node_eq(ts_node_child_by_field_name(p, "consequence", 11), child)) {
            /* inside `if name in ALLOWED:` (its consequence, not an else) */
            TSNode x = membership(c, ts_node_child_by_field_name(p, "condition", 9), name, true);
            if (!ts_node_is_null(x) && allowlist_strings(c, x, sc, out, &k, max, 0) && k)
                return k;
        }
        if (node_is(p, "block") || node_is(p, "module")) { /* earlier statements of this block */
            for (TSNode st = ts_node_prev_named_sibling(child); !ts_node_is_null(st);
                 st = ts_node_prev_named_sibling(st)) {
                k = 0;
                if (node_is(st, "try_statement") && (k = lookup_guard(c, st, name, sc, out, max)))
                    return k;
                if (!node_is(st, "if_statement"))
                    continue;
                TSNode x = membership(c, ts_node_child_by_field_name(st, "condition", 9), name, false);
                TSNode body = ts_node_child_by_field_name(st, "consequence", 11);
                k = 0;
                if (!ts_node_is_null(x) && node_is(body, "block") && exits(c, body) &&
                    allowlist_strings(c, x, sc, out, &k, max, 0) && k)
                    return k;
            }
        }
        if (node_is(p, "module"))
            return 0;
        child = p;
    }
    return 0;
}

/* Item place of each display in v (a list or tuple of tuples, or a dict
 * of tuples: its values), appended to out[*k..max); false when one is not
 * a display of n items or does not fold. */
static bool item_place_strings(ctx *c, TSNode v, scope *vs, uint32_t place, uint32_t n, strval *out, int *k,
                               int max)
{
    bool dict = symbol_of(v) == syms.dictionary;
    kids ks;
    kids_init(&ks, v, true);
    TSNode it;
    bool ok = true;
    while (ok && kids_next(&ks, &it)) {
        if (symbol_of(it) == syms.comment)
            continue;
        if (dict)
            it = symbol_of(it) == syms.pair ? node_field(it, c->f_value) : (TSNode){0};
        it = unparen(it);
        ok = (symbol_of(it) == syms.tuple || symbol_of(it) == syms.list) &&
             ts_node_named_child_count(it) == n && *k < max &&
             fold_string(c, ts_node_named_child(it, place), vs, 1, &out[*k]);
        *k += ok;
    }
    kids_done(&ks);
    return ok;
}

/* A name unpacked from a constant table, by its place in the target:
 * `for key, value in TABLE.items()` (the table's keys or values), `for mod,
 * attr in (("a", "b"), ...)` and `mod, attr = TABLE[name]` or
 * TABLE.get(name) (that place of every item). */
static int unpacked_part(ctx *c, const binding *b, const char *name, strval *out, int max)
{
    TSNode v = b->value, holder = ts_node_parent(v);
    bool loop = node_is(holder, "for_statement") || node_is(holder, "for_in_clause");
    if (!loop && !node_is(holder, "assignment"))
        return 0;
    TSNode pat = node_field(holder, c->f_left);
    if (!node_is(pat, "pattern_list") && !node_is(pat, "tuple_pattern") && !node_is(pat, "list_pattern"))
        return 0;
    uint32_t n = ts_node_named_child_count(pat);
    int place = -1;
    for (uint32_t i = 0; i < n; i++) {
        TSNode id = ts_node_named_child(pat, i);
        if (symbol_of(id) != syms.identifier)
            return 0; /* *rest, nested patterns, attributes */
        const char *nm = ident_name(c, id);
        if (nm && !strcmp(nm, name))
            place = (int)i;
    }
    if (place < 0)
        return 0;
    v = unparen(v);
    TSNode fn = symbol_of(v) == syms.call ? node_field(v, c->f_function) : (TSNode){0};
    const char *m = symbol_of(fn) == syms.attribute ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    uint32_t nargs = m ? ts_node_named_child_count(node_field(v, c->f_arguments)) : 0;
    TSNode table = {0};
    if (loop && m && !strcmp(m, "items") && !nargs && n == 2) {
        table = node_field(fn, c->f_object);
        if (place == 1)
            return table_values(c, table, b->value_scope, out, max);
        scope *vs = b->value_scope;
        TSNode d = iterated_display(c, table, &vs);
        int k = 0;
        return symbol_of(d) == syms.dictionary && display_strings(c, d, vs, out, &k, max) ? k : 0;
    }
    if (loop) /* the items of a list or tuple */
        table = v;
    else if (symbol_of(v) == syms.subscript) /* TABLE[name]: any of its values */
        table = node_field(v, c->f_value);
    else if (m && !strcmp(m, "get") && nargs == 1)
        table = node_field(fn, c->f_object);
    scope *vs = b->value_scope;
    TSNode d = ts_node_is_null(table) ? table : iterated_display(c, table, &vs);
    if (ts_node_is_null(d) || (!loop) != (symbol_of(d) == syms.dictionary))
        return 0;
    int k = 0;
    return item_place_strings(c, d, vs, (uint32_t)place, n, out, &k, max) ? k : 0;
}

static int fold_choices_any(ctx *c, TSNode n, scope *sc, strval *out, int max, int depth)
{
    if (max < 1 || ts_node_is_null(n))
        return 0;
    if (fold_string(c, n, sc, 0, &out[0]))
        return 1;
    if (sc && symbol_of(n) == syms.subscript) /* TABLE[key], key computed: any of its values */
        return table_values(c, node_field(n, c->f_value), sc, out, max);
    if (sc && symbol_of(n) == syms.call)
        return table_get_values(c, n, sc, out, max);
    if (!sc || symbol_of(n) != syms.identifier)
        return 0;
    const char *name = ident_name(c, n);
    namebind *nb = name ? decisive_bind(c, name, sc, ts_node_start_byte(n)) : NULL;
    /* checked against an allowlist first (a name bound at most once: a
     * parameter, a loop variable, one assignment) */
    /* (a name the module binds only under `if __name__ == "__main__":` is
     * not decisive, but a guard holds whatever it was bound to) */
    namebind *gb = nb ? nb : name && sc->kind == SCOPE_MODULE ? pc_strmap_get(&sc->names, name) : NULL;
    int guarded = gb && depth <= 1 && !gb->has_del && (!gb->list || !gb->list->next)
                      ? guard_choices(c, n, name, sc, out, max)
                      : 0;
    if (guarded)
        return guarded;
    if (nb && nb->has_plain_local && !nb->list && !nb->has_del && depth < 2)
        return param_choices(c, n, sc, out, max, depth);
    if (!nb || nb->has_plain_local || nb->has_del || !nb->list)
        return 0;
    binding *one = sole_alias(nb);
    if (one && depth < 2) { /* name = TABLE.get(key): what that may be */
        one->busy = true;
        int k = fold_choices_any(c, unparen(one->value), one->value_scope ? one->value_scope : sc, out, max,
                                 depth + 1);
        one->busy = false;
        return k;
    }
    int k = 0;
    for (binding *b = nb->list; b; b = b->next) {
        if (b->kind != BIND_PART)
            return 0;
        scope *vs = b->value_scope;
        TSNode v = iterated_display(c, b->value, &vs);
        if (ts_node_is_null(v)) { /* for name in candidates: what the calls pass */
            int got = nb->list->next ? 0 : unpacked_part(c, b, name, out + k, max - k);
            if (!got && !nb->list->next)
                got = param_displays(c, unparen(b->value), vs, out + k, max - k);
            if (!got)
                return 0;
            k += got;
            continue;
        }
        if (!display_strings(c, v, vs, out, &k, max))
            return 0;
    }
    return k;
}

bool fold_text(ctx *c, TSNode n, scope *sc, strval *out)
{
    bool was = c->text_folds;
    c->text_folds = true;
    bool ok = !ts_node_is_null(n) && fold_string(c, n, sc, 0, out);
    c->text_folds = was;
    return ok;
}

int fold_choices(ctx *c, TSNode n, scope *sc, strval *out, int max)
{
    int k = fold_choices_any(c, n, sc, out, max, 0);
    for (int i = 0; i < k; i++)
        if (memchr(out[i].s, 0, out[i].len)) /* no attribute or module name holds one */
            return 0;
    return k;
}

/* f"{base}/shadow": the literal parts and each interpolation that folds
 * (without a conversion or format spec). */
static bool fold_fstring(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    bool raw, bytes, fstr;
    string_prefix(c, n, &raw, &bytes, &fstr);
    if (!fstr || bytes)
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, 32);
    bool ok = true;
    TSNode ch;
    kids k;
    kids_init(&k, n, false);
    while (ok && kids_next(&k, &ch)) {
        TSSymbol t = ts_node_symbol(ch);
        if (t == syms.string_content) {
            ok = decode_part(c, ch, &b, raw, bytes, fstr);
        } else if (t == syms.interpolation) {
            strval v;
            ok = ts_node_named_child_count(ch) == 1 &&
                 fold_str_of(c, ts_node_named_child(ch, 0), sc, depth + 1, &v);
            if (ok)
                sb_add(&b, v.s, v.len);
            else if ((ok = c->fold_holes)) /* text conditions: "{?}" where a value is not known */
                sb_add(&b, "{?}", 3);
        }
        ok = ok && b.len <= FOLD_MAX;
    }
    kids_done(&k);
    return ok && sb_done(&b, out);
}

/* argv_source's items: ", " between them, "?" for one that does not fold;
 * false once the text reaches 4096 bytes (what does not fit is not read). */
static bool argv_item(sbuf *b, size_t k, const strval *s)
{
    if (k)
        sb_add(b, ", ", 2);
    /* quoted as Python would write it: '...' when it holds a double quote;
     * an item holding both is not known */
    bool dq = s && memchr(s->s, '"', s->len), sq = s && memchr(s->s, '\'', s->len);
    if (!s || (dq && sq)) {
        sb_add(b, "?", 1);
    } else {
        const char *q = dq ? "'" : "\"";
        sb_add(b, q, 1);
        sb_add(b, s->s, s->len);
        sb_add(b, q, 1);
    }
    return !b->failed && b->len < 4096;
}

static bool argv_close(sbuf *b, strval *out)
{
    sb_add(b, "]", 1);
    if (b->failed || b->len >= 4096)
        return false;
    out->s = b->p;
    out->len = b->len;
    return true;
}

static bool argv_source_at(ctx *c, TSNode a, scope *sc, int depth, strval *out);

/* Appends the items of the list a splat (*x) spreads to the list b builds;
 * false when they are not known or the list grew too long. */
static bool argv_add_spread(ctx *c, sbuf *b, size_t *k, TSNode splat, scope *sc, int depth)
{
    strval s;
    if (!argv_source_at(c, unparen(ts_node_named_child(splat, 0)), sc, depth, &s) || s.len <= 2)
        return false;
    if (*k)
        sb_add(b, ", ", 2);
    sb_add(b, s.s + 1, s.len - 2);
    (*k)++;
    return !b->failed && b->len < 4096;
}

bool argv_source(ctx *c, TSNode a, scope *sc, strval *out)
{
    return argv_source_at(c, a, sc, 0, out);
}

/* The argument list that binding b holds (sc: where it is read, when the
 * binding has no scope of its own). */
static bool argv_of_binding(ctx *c, binding *b, scope *sc, int depth, strval *out)
{
    if (!b)
        return false;
    b->busy = true;
    bool ok = argv_source_at(c, unparen(b->value), b->value_scope ? b->value_scope : sc, depth + 1, out);
    b->busy = false;
    return ok;
}

/* A list the program may add items to at its end (argv.append(x)): what
 * it starts with, then an item not known ("?"): ["ls", "-l", ?]. */
static bool open_tail(ctx *c, strval *out)
{
    if (out->len < 2 || out->s[out->len - 1] != ']')
        return false;
    char *p = pc_arena_alloc(c->a, out->len + 4);
    if (!p)
        return false;
    size_t k = out->len - 1;
    memcpy(p, out->s, k);
    if (k > 1) {
        memcpy(p + k, ", ", 2);
        k += 2;
    }
    memcpy(p + k, "?]", 3);
    out->s = p;
    out->len = k + 2;
    return true;
}

/* Is tape entry e a statement that grows a list called name (name += ...,
 * name.append(...), name.extend(...), name.insert(...)), in any scope? */
static bool grows_name(ctx *c, const tape_entry *e, const char *name)
{
    TSNode x = {0};
    if (e->sym == syms.augmented_assignment) {
        x = node_field(e->node, c->f_left);
    } else if (e->sym == syms.call) {
        TSNode fn = node_field(e->node, c->f_function);
        const char *m =
            symbol_of(fn) == syms.attribute ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
        if (m && (!strcmp(m, "append") || !strcmp(m, "extend") || !strcmp(m, "insert")))
            x = unparen(node_field(fn, c->f_object));
    }
    const char *n = symbol_of(x) == syms.identifier ? ident_name(c, x) : NULL;
    return n && !strcmp(n, name);
}

/* One statement that grows list `name`: name += X, name.extend(X) or
 * name.append(x); its items added to *out (*unknown set where they are not
 * known). False when the statement is not one (name.insert(i, x) is not
 * either: not counted, it leaves the list's tail open). */
static bool argv_grow_step(ctx *c, const tape_entry *e, const char *name, scope *sc, int depth, strval *out,
                           bool *unknown)
{
    if (!grows_name(c, e, name))
        return false;
    TSNode add;
    bool one = false;
    if (e->sym == syms.augmented_assignment) {
        if (!node_is(node_field(e->node, syms.operator_), "+="))
            return *unknown = true;
        add = unparen(node_field(e->node, c->f_right));
    } else { /* name.append, .extend or .insert */
        TSNode fn = node_field(e->node, c->f_function), args = node_field(e->node, c->f_arguments);
        const char *m = ident_name(c, node_field(fn, c->f_attribute));
        if (!strcmp(m, "insert"))
            return false;
        one = !strcmp(m, "append");
        if (symbol_of(args) != syms.argument_list || ts_node_named_child_count(args) != 1)
            return *unknown = true;
        add = unparen(ts_node_named_child(args, 0));
    }
    strval r, joined;
    if (one) {
        strval v;
        sbuf b = {.a = c->a};
        sb_reserve(&b, 64);
        sb_add(&b, "[", 1);
        bool ok = fold_string(c, add, sc, 0, &v);
        if (!argv_item(&b, 0, ok ? &v : NULL) || !argv_close(&b, &r))
            return *unknown = true;
    } else if (!argv_source_at(c, add, sc, depth + 1, &r)) {
        return *unknown = true;
    }
    if (!argv_concat(c, out, &r, &joined))
        return *unknown = true;
    *out = joined;
    return true;
}

/* A list the program grows in scope s, which binds it: after the binding
 * (byte from) and before byte `to` (where it is read), what each statement
 * of s adds, in order; an open tail ("?") where a step is not known, the
 * statements are too many to look through, or the name grows anywhere else
 * too (in another function, or later in a loop that comes round again). */
static bool argv_grown(ctx *c, const char *name, scope *s, uint32_t from, uint32_t to, int depth, strval *out)
{
    if (!s || c->tape_off || !c->ntape)
        return open_tail(c, out);
    uint32_t end = ts_node_is_null(s->node) ? UINT32_MAX : ts_node_end_byte(s->node);
    if (to < end)
        end = to;
    bool unknown = c->ntape > 65536;
    size_t counted = 0, all = 0;
    for (size_t i = 0; i < c->ntape && !unknown; i++)
        all += (c->tape[i].sym == syms.augmented_assignment || c->tape[i].sym == syms.call) &&
               grows_name(c, &c->tape[i], name);
    for (size_t i = tape_from(c, from), seen = 0; i < c->ntape && !unknown; i++) {
        const tape_entry *e = &c->tape[i];
        if (e->sym != syms.augmented_assignment && e->sym != syms.call)
            continue;
        if (ts_node_start_byte(e->node) >= end)
            break;
        if (++seen > 4096 || counted == 16) {
            unknown = true;
            break;
        }
        if (scope_around(c, e->node) == s && argv_grow_step(c, e, name, s, depth, out, &unknown))
            counted++;
    }
    return (!unknown && counted == all) || open_tail(c, out);
}

/* The argument list the binding of `name` holds, as the program may grow
 * it; not when the program may change it otherwise. */
static bool argv_of_named(ctx *c, const char *name, binding *b, scope *sc, int depth, strval *out)
{
    int how = name_change(c, name);
    if (how == PC_CHANGES || !argv_of_binding(c, b, sc, depth, out))
        return false;
    return how != PC_GROWS || open_tail(c, out);
}

/* A name bound once to an argument list (argv = ["ba" + "sh", "-c", x]):
 * that list, rebuilt, with what the scope that binds it adds before the
 * read (argv += ["--index-url", url]; argv.append(pkg)). */
static bool argv_of_name(ctx *c, TSNode a, scope *sc, int depth, strval *out)
{
    const char *name = ident_name(c, a);
    uint32_t at = ts_node_start_byte(a);
    namebind *nb = name ? decisive_bind(c, name, sc, at) : NULL;
    if (!nb || name_change(c, name) != PC_GROWS)
        return name && argv_of_named(c, name, sole_alias(nb), sc, depth, out);
    /* argv += [...] makes argv local as well (a binding of no known value):
     * the one assignment is what it starts with */
    binding *b = nb->list;
    if (!b || b->next || b->kind != BIND_ALIAS || b->busy || nb->has_del || nb->has_part ||
        ts_node_is_null(b->value))
        return false;
    scope *s = sc;
    while (s && pc_strmap_get(&s->names, name) != nb)
        s = s->parent;
    if (!argv_of_binding(c, b, sc, depth, out))
        return false;
    b->busy = true; /* argv += argv */
    bool ok = argv_grown(c, name, s, b->offset + 1, s == sc ? at : UINT32_MAX, depth, out);
    b->busy = false;
    return ok;
}

/* Config.CMD, self.CMD, cls.CMD: an attribute the class body binds once. */
static bool argv_of_attr(ctx *c, TSNode a, scope *sc, int depth, strval *out)
{
    TSNode obj = node_field(a, c->f_object);
    const char *attr = ident_name(c, node_field(a, c->f_attribute));
    const char *oname = symbol_of(obj) == syms.identifier ? ident_name(c, obj) : NULL;
    scope *cls = attr ? attr_class(c, obj, sc) : NULL;
    if (!cls || cls->kind != SCOPE_CLASS)
        return false;
    namebind *own = pc_strmap_get(&cls->names, attr);
    if (own || !oname || (strcmp(oname, "self") && strcmp(oname, "cls")))
        return argv_of_named(c, attr, sole_alias(own), cls, depth, out);
    /* self.CMD or cls.CMD that the class leaves to its subclasses (a hook
     * such as __init_subclass__ reading what each plugin sets): the first
     * subclass in the file that binds it */
    scope **subs;
    int nsubs = subclasses(c, cls, &subs);
    for (int i = 0; i < nsubs; i++) {
        namebind *nb = pc_strmap_get(&subs[i]->names, attr);
        if (nb && argv_of_named(c, attr, sole_alias(nb), subs[i], depth, out))
            return true;
    }
    return false;
}

bool argv_concat(ctx *c, const strval *l, const strval *r, strval *out)
{
    if (l->len < 2 || r->len < 2 || l->len + r->len >= 4096)
        return false;
    char *p = pc_arena_alloc(c->a, l->len + r->len + 2);
    if (!p)
        return false;
    size_t k = l->len - 1; /* without its "]" */
    memcpy(p, l->s, k);
    if (l->len > 2 && r->len > 2) {
        memcpy(p + k, ", ", 2);
        k += 2;
    }
    memcpy(p + k, r->s + 1, r->len - 1); /* without its "[" */
    k += r->len - 1;
    p[k] = '\0';
    *out = (strval){p, k};
    return true;
}

/* list(x), tuple(x) and itertools.chain(a, b, ...) of argument lists. */
static bool argv_of_chain(ctx *c, TSNode fn, TSNode args, scope *sc, int depth, strval *out)
{
    const char *m = symbol_of(fn) == syms.attribute    ? ident_name(c, node_field(fn, c->f_attribute))
                    : symbol_of(fn) == syms.identifier ? ident_name(c, fn)
                                                       : NULL;
    if (!m || (strcmp(m, "list") && strcmp(m, "tuple") && strcmp(m, "chain")))
        return false;
    vals v = {0};
    resolve_expr(c, fn, sc, depth + 1, &v);
    bool chain = false, conv = false;
    for (int i = 0; i < v.n; i++) {
        chain |= !strcmp(v.v[i].qual, "itertools.chain");
        conv |= !strcmp(v.v[i].qual, "builtins.list") || !strcmp(v.v[i].qual, "builtins.tuple");
    }
    uint32_t n = ts_node_named_child_count(args);
    if (conv) {
        TSNode a0 = call_arg(args, 0);
        return n == 1 && !ts_node_is_null(a0) && argv_source_at(c, unparen(a0), sc, depth + 1, out);
    }
    if (!chain || n < 1 || n > 16)
        return false;
    strval acc = {"[]", 2};
    for (uint32_t i = 0; i < n; i++) {
        TSNode a = ts_node_named_child(args, i);
        TSSymbol t = symbol_of(a);
        if (t == syms.comment)
            continue;
        strval part;
        if (t == syms.keyword_argument || t == syms.dictionary_splat || t == syms.list_splat ||
            !argv_source_at(c, unparen(a), sc, depth + 1, &part) || !argv_concat(c, &acc, &part, &acc))
            return false;
    }
    *out = acc;
    return true;
}

/* build_cmd(...): the argument list a function of the program returns (the
 * first of its return values that reads as one; parameters are "?"). */
typedef struct argv_ret {
    ctx *c;
    scope *sc;
    int depth;
    strval *out;
    bool ok;
} argv_ret;

static bool argv_ret_value(void *p, TSNode v)
{
    argv_ret *r = p;
    r->ok = argv_source_at(r->c, unparen(v), r->sc, r->depth + 1, r->out);
    return !r->ok;
}

static bool argv_of_def(ctx *c, TSNode fn, scope *sc, int depth, strval *out)
{
    binding *b = sc && depth < 3 ? sole_def(c, fn, sc) : NULL;
    if (b && b->argv_state) /* read once, whatever calls it */
        return b->argv_state > 0 && (*out = *b->argv, true);
    TSNode body = b && !b->busy ? node_field(b->value, c->f_body) : (TSNode){0};
    if (ts_node_is_null(body) || !b->value_scope)
        return false;
    argv_ret r = {c, b->value_scope, 0, out, false};
    b->busy = true;
    each_return(body, 512, false, argv_ret_value, &r);
    b->busy = false;
    b->argv_state = -1;
    if (r.ok && (b->argv = pc_arena_alloc(c->a, sizeof *b->argv))) {
        *b->argv = *out;
        b->argv_state = 1;
    }
    return r.ok;
}

int plus_operands(ctx *c, TSNode n, TSNode *out, int max)
{
    int k = 0; /* taken apart from the right, so out is filled from its end */
    TSNode x = n;
    while (k < max - 1 && symbol_of(x) == syms.binary_operator &&
           node_is(node_field(x, syms.operator_), "+")) {
        out[max - 1 - k++] = unparen(node_field(x, c->f_right));
        x = unparen(node_field(x, c->f_left));
    }
    if (!k || symbol_of(x) == syms.binary_operator)
        return 0;
    out[max - 1 - k++] = x;
    memmove(out, out + max - k, (size_t)k * sizeof *out);
    return k;
}

static bool argv_source_at(ctx *c, TSNode a, scope *sc, int depth, strval *out)
{
    TSSymbol t = symbol_of(a);
    if (t == syms.identifier)
        return sc && depth < 3 && argv_of_name(c, a, sc, depth, out);
    if (t == syms.attribute)
        return sc && depth < 3 && argv_of_attr(c, a, sc, depth, out);
    if (t == syms.subscript && sc && depth < 3) { /* CFG["cmd"], STEPS[0] */
        TSNode k = node_field(a, c->f_subscript);
        scope *vs = sc;
        TSNode it = ts_node_is_null(k) || node_is(k, "slice")
                        ? (TSNode){0}
                        : display_item(c, node_field(a, c->f_value), k, sc, depth, &vs);
        return !ts_node_is_null(it) && argv_source_at(c, unparen(it), vs, depth + 1, out);
    }
    if (t == syms.binary_operator && depth < 6) { /* ["sh"] + ["-c", x] + flags() */
        /* the chain a + b + c (16 operands at most), each read at this
         * depth: a sum is not a hop */
        TSNode parts[16];
        int n = plus_operands(c, a, parts, 16);
        if (!n || !argv_source_at(c, parts[0], sc, depth + 1, out))
            return false;
        for (int i = 1; i < n; i++) {
            strval r, joined;
            if (!argv_source_at(c, parts[i], sc, depth + 1, &r) || !argv_concat(c, out, &r, &joined))
                return false;
            *out = joined;
        }
        return true;
    }
    sbuf b = {.a = c->a};
    sb_reserve(&b, 256);
    sb_add(&b, "[", 1);
    if (t == syms.list || t == syms.tuple) {
        uint32_t n = ts_node_named_child_count(a);
        size_t k = 0;
        for (uint32_t i = 0; i < n && i < 64; i++) {
            TSNode it = ts_node_named_child(a, i);
            if (symbol_of(it) == syms.comment)
                continue;
            if (symbol_of(it) == syms.list_splat && depth < 6 && /* [*base, "-c", x] */
                argv_add_spread(c, &b, &k, it, sc, depth + 1))
                continue;
            strval s;
            bool ok = fold_string(c, it, sc, 0, &s);
            if (!argv_item(&b, k++, ok ? &s : NULL))
                return false;
        }
        return argv_close(&b, out);
    }
    if (t != syms.call)
        return false;
    TSNode fn = node_field(a, c->f_function), args = node_field(a, c->f_arguments);
    if (depth < 6 && symbol_of(args) == syms.argument_list && argv_of_chain(c, fn, args, sc, depth, out))
        return true;
    if (symbol_of(fn) == syms.identifier && argv_of_def(c, fn, sc, depth, out))
        return true;
    if (symbol_of(fn) != syms.attribute || symbol_of(args) != syms.argument_list)
        return false;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    TSNode src = {0};
    if (m && !strcmp(m, "split") && !ts_node_named_child_count(args)) { /* "bash -c id".split() */
        src = node_field(fn, c->f_object);
    } else if (m && !strcmp(m, "split")) { /* shlex.split("bash -c 'id'") */
        vals v = {0};
        resolve_expr(c, fn, sc, 0, &v);
        for (int i = 0; i < v.n && ts_node_is_null(src); i++)
            if (!strcmp(v.v[i].qual, "shlex.split"))
                src = call_arg(args, 0);
    }
    strval s;
    if (ts_node_is_null(src) || !fold_string(c, src, sc, 0, &s) || memchr(s.s, '"', s.len))
        return false;
    for (size_t i = 0, k = 0; i < s.len && k < 64;) {
        while (i < s.len && isspace((unsigned char)s.s[i]))
            i++;
        size_t j = i;
        while (j < s.len && !isspace((unsigned char)s.s[j]))
            j++;
        if (j > i) {
            strval w = {s.s + i, j - i};
            if (!argv_item(&b, k++, &w))
                return false;
        }
        i = j;
    }
    return argv_close(&b, out);
}

bool argv_spliced(ctx *c, TSNode list, TSNode splat, scope *sc, TSNode args, int from, scope *asc,
                  strval *out)
{
    sbuf b = {.a = c->a};
    sb_reserve(&b, 256);
    sb_add(&b, "[", 1);
    uint32_t n = ts_node_named_child_count(list);
    size_t k = 0;
    for (uint32_t i = 0; i < n && i < 64; i++) {
        TSNode it = ts_node_named_child(list, i);
        if (symbol_of(it) == syms.comment)
            continue;
        strval s;
        if (!ts_node_eq(it, splat)) {
            bool ok = fold_string(c, it, sc, 0, &s);
            if (!argv_item(&b, k++, ok ? &s : NULL))
                return false;
            continue;
        }
        uint32_t m = ts_node_named_child_count(args);
        for (uint32_t j = 0, pos = 0; j < m && j < 64; j++) {
            TSNode a = ts_node_named_child(args, j);
            TSSymbol t = symbol_of(a);
            if (t == syms.comment || t == syms.keyword_argument || t == syms.dictionary_splat)
                continue;
            if (t != syms.list_splat && (int)pos++ < from)
                continue;
            if (t == syms.list_splat && argv_add_spread(c, &b, &k, a, asc, 1))
                continue; /* git("push", *FLAGS): the items FLAGS holds */
            bool ok = t != syms.list_splat && fold_string(c, a, asc, 0, &s);
            if (!argv_item(&b, k++, ok ? &s : NULL))
                return false;
        }
    }
    return argv_close(&b, out);
}

bool argv_of_varargs(ctx *c, TSNode args, int from, scope *asc, strval *out)
{
    sbuf b = {.a = c->a};
    sb_reserve(&b, 256);
    sb_add(&b, "[", 1);
    uint32_t m = ts_node_named_child_count(args);
    size_t k = 0;
    for (uint32_t j = 0, pos = 0; j < m && j < 64; j++) {
        TSNode a = ts_node_named_child(args, j);
        TSSymbol t = symbol_of(a);
        if (t == syms.comment || t == syms.keyword_argument || t == syms.dictionary_splat)
            continue;
        if (t != syms.list_splat && (int)pos++ < from)
            continue;
        if (t == syms.list_splat) { /* run("gpg", *OPTS): the items OPTS holds */
            if (!argv_add_spread(c, &b, &k, a, asc, 1))
                return false;
            continue;
        }
        strval s;
        bool ok = fold_string(c, a, asc, 0, &s);
        if (!argv_item(&b, k++, ok ? &s : NULL))
            return false;
    }
    return k && argv_close(&b, out);
}

/* A string's value with the escapes a later decoder expands (JSON's
 * \uXXXX, surrogate pairs joined, \UXXXXXXXX and \xHH as unicode_escape
 * reads them, and \n, \t, \" and \\ beside them): "\\u0063url" is what
 * json.loads hands on as "curl". False when the value holds none of the
 * numeric escapes. */
bool unescape_text(ctx *c, const strval *in, strval *out)
{
    if (!memchr(in->s, '\\', in->len) || in->len > FOLD_MAX)
        return false;
    sbuf b = {.a = c->a};
    sb_reserve(&b, in->len + 1);
    bool any = false;
    for (size_t i = 0; i < in->len; i++) {
        char ch = in->s[i], e = i + 1 < in->len ? in->s[i + 1] : 0;
        size_t digits = e == 'u' ? 4 : e == 'U' ? 8 : e == 'x' ? 2 : 0;
        if (ch == '\\' && digits && i + 2 + digits <= in->len) {
            uint32_t cp = 0;
            size_t j = i + 2;
            while (j < i + 2 + digits && hexval(in->s[j]) >= 0)
                cp = cp * 16 + (uint32_t)hexval(in->s[j++]);
            if (j == i + 2 + digits && cp <= 0x10FFFF) {
                uint32_t lo = 0; /* "\ud83d\ude00": one character */
                size_t k = j + 2;
                if (cp >= 0xD800 && cp <= 0xDBFF && j + 6 <= in->len && in->s[j] == '\\' &&
                    in->s[j + 1] == 'u') {
                    while (k < j + 6 && hexval(in->s[k]) >= 0)
                        lo = lo * 16 + (uint32_t)hexval(in->s[k++]);
                    if (k == j + 6 && lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        j = k;
                    }
                }
                sb_cp(&b, (int32_t)cp);
                i = j - 1;
                any = true;
                continue;
            }
        }
        static const char from[] = "nrt\"\\/", to[] = "\n\r\t\"\\/";
        const char *m = ch == '\\' && e ? strchr(from, e) : NULL;
        if (m) {
            sb_add(&b, &to[m - from], 1);
            i++;
            continue;
        }
        sb_add(&b, &ch, 1);
    }
    return any && sb_done(&b, out);
}

/* A call of a helper (helper_binding), given a string literal (of at
 * least 4 bytes) among at most 4 arguments. */
static bool helper_on_literal(ctx *c, TSNode call, scope *sc)
{
    TSNode fn = node_field(call, c->f_function), args = node_field(call, c->f_arguments);
    uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
    bool lit = false;
    for (uint32_t i = 0; i < n && n <= 4 && !lit; i++) {
        TSNode a = ts_node_named_child(args, i);
        lit = (symbol_of(a) == syms.string || symbol_of(a) == syms.concatenated_string) &&
              ts_node_end_byte(a) - ts_node_start_byte(a) >= 6;
    }
    return lit && helper_binding(c, fn, sc);
}

bool fold_built(ctx *c, TSNode n, scope *sc, strval *out)
{
    TSSymbol t = symbol_of(n);
    if (t == syms.string)
        return string_has_code(c, n) && fold_fstring(c, n, sc, 0, out);
    if (t == syms.binary_operator) {
        /* only operators that build strings: +, %, / */
        TSNode op = node_field(n, syms.operator_);
        if (ts_node_is_null(op) || (!node_is(op, "+") && !node_is(op, "%") && !node_is(op, "/")))
            return false;
        return fold_string(c, n, sc, 0, out);
    }
    if (t == syms.subscript) { /* "wodahs/cte/"[::-1], "x/etc/shadow"[1:] */
        TSNode k = node_field(n, c->f_subscript);
        return node_is(k, "slice") && fold_string(c, n, sc, 0, out) && !memchr(out->s, 0, out->len);
    }
    if (t != syms.call)
        return false;
    TSNode fn = node_field(n, c->f_function);
    TSSymbol ft = symbol_of(fn);
    const char *m = NULL;
    if (ft == syms.attribute)
        m = ident_name(c, node_field(fn, c->f_attribute));
    else if (ft == syms.identifier)
        m = ident_name(c, fn);
    /* helpers that build; expanduser and the like hand back their argument */
    static const char *const builders[] = {"join",     "format",    "Path",
                                           "PurePath", "PosixPath", "PurePosixPath",
                                           "decode",   "b64decode", "urlsafe_b64decode",
                                           "fromhex",  "unhexlify", "joinpath"};
    /* str methods that rewrite their string ("/ETC/SHADOW".lower()) */
    static const char *const rewriters[] = {"replace",  "translate", "lower",  "upper",
                                            "casefold", "strip",     "lstrip", "rstrip"};
    bool rewrites = m && str_listed(m, rewriters, sizeof rewriters / sizeof *rewriters);
    if (m && ft == syms.identifier && !rewrites &&
        !str_listed(m, builders, sizeof builders / sizeof *builders))
        /* _d("fi5zc2gv..."): a one-line helper of the program's own (a
         * decoder) given a literal: what it returns for it */
        return helper_on_literal(c, n, sc) && fold_string(c, n, sc, 0, out) && out->len &&
               !memchr(out->s, 0, out->len);
    if (!m || (!rewrites && !str_listed(m, builders, sizeof builders / sizeof *builders)))
        return false;
    /* "x".decode() of a plain literal builds nothing new */
    if (!strcmp(m, "decode") && ft == syms.attribute) {
        TSSymbol ot = symbol_of(node_field(fn, c->f_object));
        if (ot == syms.string || ot == syms.concatenated_string)
            return false;
    }
    if (!fold_string(c, n, sc, 0, out) || memchr(out->s, 0, out->len))
        return false;
    /* "/etc/shadow".strip() is the literal, already read */
    strval own;
    TSNode obj = ft == syms.attribute ? unparen(node_field(fn, c->f_object)) : (TSNode){0};
    return !rewrites || symbol_of(obj) != syms.string || string_has_code(c, obj) ||
           !string_value(c, obj, &own) || own.len != out->len || memcmp(own.s, out->s, own.len);
}

/* The name of the module that expression m is, when it is one imported
 * module (import plugins as P: P is "plugins"). */
static bool module_name(ctx *c, TSNode m, scope *sc, int depth, strval *out)
{
    vals v = {0};
    resolve_expr(c, m, sc, depth + 1, &v);
    if (v.n != 1 || v.v[0].kind != VAL_MODULE || !v.v[0].qual)
        return false;
    *out = (strval){v.v[0].qual, strlen(v.v[0].qual)};
    return out->len > 0;
}

/* Is n the attribute access x.name? */
static bool attr_is(ctx *c, TSNode n, const char *name)
{
    const char *a = ident_name(c, node_field(n, c->f_attribute));
    return a && !strcmp(a, name);
}

/* What path p folds to, levels directories up, as PurePath.parent does:
 * "~/.cache/pip" one up is "~/.cache", two up "~"; "/" stays "/", "a" is ".". */
static bool fold_parent(ctx *c, TSNode p, int levels, scope *sc, int depth, strval *out)
{
    strval s;
    if (!fold_string(c, p, sc, depth + 1, &s))
        return false;
    size_t n = s.len;
    for (int i = 0; i < levels; i++) {
        while (n > 1 && s.s[n - 1] == '/')
            n--;
        size_t k = n;
        while (k > 0 && s.s[k - 1] != '/')
            k--;
        if (k == 0) { /* no directory left: "." */
            *out = (strval){".", 1};
            return true;
        }
        n = k > 1 ? k - 1 : 1; /* "/x" -> "/" */
    }
    *out = (strval){s.s, n};
    return true;
}

bool fold_string(ctx *c, TSNode n, scope *sc, int depth, strval *out)
{
    /* bounded per file: folds can branch (join(N1, N1, ...) with N1 a join
     * of its own), so past the budget nothing more folds */
    if (depth > FOLD_DEPTH || ts_node_is_null(n) || ++c->fold_work > FOLD_WORK)
        return false;
    TSSymbol t = symbol_of(n);
    if (t == syms.string && sc && string_has_code(c, n))
        return fold_fstring(c, n, sc, depth, out);
    if (t == syms.string || t == syms.concatenated_string)
        return string_value(c, n, out);
    if (t == syms.parenthesized_expression)
        return fold_string(c, ts_node_named_child(n, 0), sc, depth + 1, out);
    if (t == syms.identifier)
        return sc ? fold_ident(c, n, sc, depth, out) : false;
    if (t == syms.call)
        return sc ? fold_call(c, n, sc, depth, out) : false;
    if (t == syms.attribute && sc && c->text_folds && os_sep(c, n, sc)) { /* os.sep: "/" */
        *out = (strval){"/", 1};
        return true;
    }
    if (t == syms.attribute && sc && c->text_folds && attr_is(c, n, "parent")) /* p.parent */
        return fold_parent(c, node_field(n, c->f_object), 1, sc, depth, out);
    if (t == syms.attribute && sc && attr_is(c, n, "__name__")) /* pkg.__name__: "pkg" */
        return module_name(c, node_field(n, c->f_object), sc, depth, out);
    if (t == syms.attribute)
        return sc && c->text_folds && fold_self_attr(c, n, sc, depth, out);
    /* For text conditions (a fold can only add a match): `a or b` and
     * `a if cond else b` read as a when it folds, else as b (the fallback
     * when a is unset: path or os.path.expanduser("~")); `a and b` as b. */
    if ((t == syms.boolean_operator || t == syms.conditional_expression) && sc && c->text_folds) {
        TSNode a = t == syms.boolean_operator ? node_field(n, c->f_left) : ts_node_named_child(n, 0);
        TSNode b = t == syms.boolean_operator ? node_field(n, c->f_right) : ts_node_named_child(n, 2);
        TSNode op = t == syms.boolean_operator ? node_field(n, syms.operator_) : (TSNode){0};
        bool and_ = !ts_node_is_null(op) && node_is(op, "and");
        return (!and_ && fold_string(c, a, sc, depth + 1, out)) || fold_string(c, b, sc, depth + 1, out);
    }
    if (t == syms.binary_operator) {
        TSNode op = node_field(n, syms.operator_);
        if (!ts_node_is_null(op) && node_is(op, "%"))
            return fold_percent(c, n, sc, depth, out);
        if (!ts_node_is_null(op) && node_is(op, "/")) { /* Path("/etc") / "shadow" */
            strval l, r;
            bool lk = fold_string(c, node_field(n, c->f_left), sc, depth + 1, &l);
            bool rk = (lk || c->text_folds) && fold_string(c, node_field(n, c->f_right), sc, depth + 1, &r);
            /* for text conditions, as in os.path.join, a part not known is
             * "?": unit_dir / f"{name}.service" still reads */
            if (!lk && !rk)
                return false;
            if (!lk || !rk) {
                if (!c->text_folds)
                    return false;
                if (!lk)
                    l = (strval){"?", 1};
                else
                    r = (strval){"?", 1};
            }
            sbuf b = {.a = c->a};
            sb_reserve(&b, l.len + r.len + 2);
            sb_add(&b, l.s, l.len);
            path_add(&b, &r);
            return sb_done(&b, out);
        }
        if (ts_node_is_null(op) || !node_is(op, "+"))
            return false;
        strval l, r;
        if (!fold_string(c, node_field(n, c->f_left), sc, depth + 1, &l) ||
            !fold_string(c, node_field(n, c->f_right), sc, depth + 1, &r) || l.len + r.len > FOLD_MAX)
            return false;
        char *p = pc_arena_alloc(c->a, l.len + r.len + 1);
        if (!p)
            return false;
        memcpy(p, l.s, l.len);
        memcpy(p + l.len, r.s, r.len);
        out->s = p;
        out->len = l.len + r.len;
        return true;
    }
    if (t == syms.subscript) { /* "metsys"[::-1] */
        TSNode v = node_field(n, c->f_value), k = node_field(n, c->f_subscript);
        if (!ts_node_is_null(k) && !node_is(k, "slice") && sc && display_lookup(c, v, k, sc, depth, out))
            return true; /* CMDS["shell"], parts[1] */
        if (!ts_node_is_null(k) && !node_is(k, "slice") && sc && c->text_folds &&
            symbol_of(v) == syms.attribute && attr_is(c, v, "parents")) { /* p.parents[1]: two levels up */
            pc_value pv;
            bool container;
            return literal_value(c, k, &pv, &container) && pv.type == PC_VAL_INT && pv.i >= 0 && pv.i < 64 &&
                   fold_parent(c, node_field(v, c->f_object), (int)pv.i + 1, sc, depth, out);
        }
        if (!ts_node_is_null(k) && !node_is(k, "slice") && sc && symbol_of(v) == syms.attribute) {
            vals ev = {0}; /* os.environ["SHELL"] */
            resolve_expr(c, v, sc, depth + 1, &ev);
            for (int i = 0; i < ev.n; i++)
                if (!strcmp(ev.v[i].qual, "os.environ"))
                    return env_value(c, k, sc, depth, out);
            return false;
        }
        if (ts_node_is_null(k))
            return false;
        if (!node_is(k, "slice")) { /* "xsystemx"[3]: one character */
            pc_value pv;
            bool container;
            strval base;
            if (!literal_value(c, k, &pv, &container) || pv.type != PC_VAL_INT ||
                !fold_string(c, v, sc, depth + 1, &base))
                return false;
            long long i = pv.i < 0 ? (long long)base.len + pv.i : pv.i;
            if (i < 0 || i >= (long long)base.len)
                return false;
            *out = (strval){base.s + i, 1};
            return true;
        }
        const char *ks = node_text(c, k);
        strval base;
        if (!ks || !fold_string(c, v, sc, depth + 1, &base))
            return false;
        if (strcmp(ks, "::-1")) /* s[a:b] with constant bounds, no step */
            return fold_slice(c, k, &base, out);
        char *p = pc_arena_alloc(c->a, base.len + 1);
        if (!p)
            return false;
        for (size_t i = 0; i < base.len; i++)
            p[i] = base.s[base.len - 1 - i];
        out->s = p;
        out->len = base.len;
        return true;
    }
    return false;
}

static bool parse_int(const char *s, long long *out)
{
    char buf[64];
    size_t o = 0;
    for (; *s && o + 1 < sizeof buf; s++)
        if (*s != '_')
            buf[o++] = *s;
    buf[o] = '\0';
    char *end;
    int base = 10;
    const char *p = buf;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        base = 16, p += 2;
    else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
        base = 8, p += 2;
    else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
        base = 2, p += 2;
    *out = strtoll(p, &end, base);
    return *p && !*end;
}

/* A tuple, list, set or dict display of literals: its truthiness. */
static bool literal_container(ctx *c, TSNode n, pc_value *out, bool *container)
{
    uint32_t count = ts_node_named_child_count(n);
    if (count > 4096)
        return false;
    bool ok = true;
    TSNode ch;
    kids k;
    kids_init(&k, n, true);
    while (ok && kids_next(&k, &ch)) {
        pc_value v;
        bool inner;
        TSSymbol t = ts_node_symbol(ch);
        if (t == syms.comment)
            continue;
        if (t == syms.pair)
            ok = literal_value(c, ts_node_named_child(ch, 0), &v, &inner) &&
                 literal_value(c, ts_node_named_child(ch, 1), &v, &inner);
        else
            ok = literal_value(c, ch, &v, &inner);
    }
    kids_done(&k);
    if (!ok)
        return false;
    *container = true;
    out->type = PC_VAL_INT; /* truthiness only: the element count */
    out->i = count;
    return true;
}

/* -x, +x, ~x of a literal number. */
static bool literal_unary(ctx *c, TSNode n, pc_value *out, bool *container)
{
    TSNode arg = ts_node_named_child(n, 0), op = ts_node_child(n, 0);
    if (ts_node_is_null(arg) || ts_node_is_null(op) || !literal_value(c, arg, out, container) || *container)
        return false;
    const char *o = ts_node_type(op);
    if (out->type == PC_VAL_BOOL) { /* -True is -1 */
        out->type = PC_VAL_INT;
        out->i = out->b;
    }
    if (out->type == PC_VAL_INT)
        out->i = !strcmp(o, "-") ? -out->i : !strcmp(o, "~") ? ~out->i : out->i;
    else if (out->type == PC_VAL_FLOAT && strcmp(o, "~"))
        out->f = !strcmp(o, "-") ? -out->f : out->f;
    else
        return false;
    return true;
}

bool literal_value(ctx *c, TSNode n, pc_value *out, bool *container)
{
    memset(out, 0, sizeof *out);
    *container = false;
    TSSymbol t = symbol_of(n);
    if (t == syms.string || t == syms.concatenated_string) {
        strval s;
        if (!string_value(c, n, &s))
            return false;
        out->type = PC_VAL_STR;
        out->s = s.s;
        out->slen = s.len;
        return true;
    }
    if (t == syms.true_ || t == syms.false_) {
        out->type = PC_VAL_BOOL;
        out->b = t == syms.true_;
        return true;
    }
    if (t == syms.none) {
        out->type = PC_VAL_NONE;
        return true;
    }
    if (t == syms.integer) {
        const char *s = node_text(c, n);
        if (!s)
            return false;
        out->type = PC_VAL_INT;
        if (!parse_int(s, &out->i))
            out->i = 1; /* too large: nonzero all the same */
        return true;
    }
    if (t == syms.float_) {
        const char *s = node_text(c, n);
        out->type = PC_VAL_FLOAT;
        out->f = s ? strtod(s, NULL) : 1.0;
        return true;
    }
    if (t == syms.unary_operator)
        return literal_unary(c, n, out, container);
    if (t == syms.parenthesized_expression)
        return literal_value(c, ts_node_named_child(n, 0), out, container);
    if (t == syms.tuple || t == syms.list || t == syms.set || t == syms.dictionary)
        return literal_container(c, n, out, container);
    return false;
}

bool value_truthy(const pc_value *v, bool container)
{
    (void)container;
    switch (v->type) {
    case PC_VAL_NONE: return false;
    case PC_VAL_BOOL: return v->b;
    case PC_VAL_INT: return v->i != 0;
    case PC_VAL_FLOAT: return v->f != 0.0;
    case PC_VAL_STR: return v->slen != 0;
    }
    return true;
}

/* ---- a loop's items ---- */

typedef struct loop_fold {
    TSNode n;
    scope *sc;
    const char *var;
    scope *ds;
    char mode;                    /* 's' fold_string, 'b' fold_built, 'a' argv_source */
    const struct for_loop *tuple; /* for k, v in ...: the loop whose names each item fills */
    char part;                    /* a dict's: 'k' keys, 'v' values, 'i' (key, value) items */
} loop_fold;

/* The parts of one item that a loop's target names take: a pair's key and
 * value, a tuple's or list's items in order (at most 4); 0 when the item
 * is not that. */
static int item_parts(ctx *c, const loop_fold *f, TSNode item, TSNode out[4])
{
    if (f->part == 'k' || f->part == 'v' || f->part == 'i') {
        if (symbol_of(item) != syms.pair)
            return 0;
        out[0] = node_field(item, c->f_key);
        out[1] = node_field(item, c->f_value);
        if (f->part == 'v')
            out[0] = out[1];
        return f->part == 'i' ? 2 : 1;
    }
    if (!f->tuple) {
        out[0] = item;
        return 1;
    }
    item = unparen(item);
    if (symbol_of(item) != syms.tuple && symbol_of(item) != syms.list)
        return 0;
    int n = 0;
    for (uint32_t i = 0, m = ts_node_named_child_count(item); i < m && n < 4; i++) {
        TSNode x = ts_node_named_child(item, i);
        if (symbol_of(x) == syms.comment)
            continue;
        if (symbol_of(x) == syms.list_splat)
            return 0;
        out[n++] = x;
    }
    return n;
}

/* n with the loop's variables standing for the item's parts */
static bool loop_item_fold(ctx *c, TSNode item, void *fud, strval *out)
{
    loop_fold *f = fud;
    TSNode parts[4];
    int np = item_parts(c, f, item, parts);
    int want = f->tuple ? f->tuple->nvars : 1;
    if (np != want)
        return false;
    subst_item(c, f->sc, f->tuple ? f->tuple->vars[0] : f->var, parts[0], f->ds);
    for (int i = 1; i < np; i++) {
        c->subst.params[i] = f->tuple->vars[i];
        c->subst.args[i] = parts[i];
    }
    c->subst.nparams = np;
    bool ok = f->mode == 'b'   ? fold_built(c, f->n, f->sc, out)
              : f->mode == 'a' ? argv_source_at(c, f->n, f->sc, 0, out)
                               : fold_string(c, f->n, f->sc, 0, out);
    subst_done(c);
    return ok;
}

/* The loop binding `var` to b's value, when its target is a list of names */
static const struct for_loop *tuple_loop(ctx *c, const char *var, const binding *b)
{
    for (int i = 0; i < c->nloops; i++)
        if (c->loops[i].nvars > 1 && ts_node_eq(c->loops[i].right, b->value))
            for (int k = 0; k < c->loops[i].nvars; k++)
                if (!strcmp(c->loops[i].vars[k], var))
                    return &c->loops[i];
    return NULL;
}

/* What n folds to (fold_built, or fold_string for text conditions) for each
 * item of the constant list the for loop binding `var` (its sole binding
 * b) iterates over, each handed to fn; stops when fn returns false. A
 * dict's keys(), values() or items() count, and a target list takes each
 * item's parts (for k, v in D.items(); for label, cmd in PAIRS). False
 * when the list is not constant or nothing folds. */
static bool loop_items_fold(ctx *c, TSNode n, scope *sc, const char *var, binding *b, char mode,
                            loop_item_fn fn, void *ud)
{
    if (c->subst.param)
        return false;
    scope *ds = b->value_scope;
    TSNode v = unparen(b->value),
           fn_ = symbol_of(v) == syms.call ? node_field(v, c->f_function) : (TSNode){0};
    const char *m = symbol_of(fn_) == syms.attribute ? ident_name(c, node_field(fn_, c->f_attribute)) : NULL;
    char part = 0;
    if (m && !ts_node_named_child_count(node_field(v, c->f_arguments)) &&
        (!strcmp(m, "items") || !strcmp(m, "values") || !strcmp(m, "keys"))) {
        part = m[0];
        v = node_field(fn_, c->f_object);
    }
    TSNode d = display_of(c, v, &ds, false);
    const struct for_loop *tuple = tuple_loop(c, var, b);
    bool dict = symbol_of(d) == syms.dictionary;
    if (dict && !part)
        part = 'k'; /* for k in D */
    if (ts_node_is_null(d) || dict != (part != 0) || ts_node_named_child_count(d) > 16 ||
        (part == 'i' && !(tuple && tuple->nvars == 2)) || (tuple && part && part != 'i'))
        return false;
    loop_fold lf = {n, sc, var, ds, mode, tuple, part};
    return each_item_fold(c, d, loop_item_fold, &lf, fn, ud);
}

bool fold_loop_items(ctx *c, TSNode n, scope *sc, const char *var, binding *b, bool built, loop_item_fn fn,
                     void *ud)
{
    return loop_items_fold(c, n, sc, var, b, built ? 'b' : 's', fn, ud);
}

bool fold_loop_argvs(ctx *c, TSNode n, scope *sc, const char *var, binding *b, loop_item_fn fn, void *ud)
{
    return loop_items_fold(c, n, sc, var, b, 'a', fn, ud);
}

/* The file's for statements whose target is a name or a list of up to 4
 * names, from the tape. */
static void gather_loops(ctx *c)
{
    c->nloops = 0;
    size_t n = 0;
    for (size_t i = 0; i < c->ntape && !c->tape_off; i++)
        n += c->tape[i].type[0] == 'f' && !strcmp(c->tape[i].type, "for_statement");
    if (!n || !(c->loops = pc_arena_array(c->a, n, sizeof *c->loops)))
        return;
    for (size_t i = 0; i < c->ntape; i++) {
        if (c->tape[i].type[0] != 'f' || strcmp(c->tape[i].type, "for_statement"))
            continue;
        TSNode loop = c->tape[i].node, var = node_field(loop, c->f_left);
        struct for_loop l = {
            ts_node_start_byte(loop), ts_node_end_byte(loop), {0}, 0, node_field(loop, c->f_right)};
        if (symbol_of(var) == syms.identifier) {
            l.vars[l.nvars++] = ident_name(c, var);
        } else if (node_is(var, "pattern_list") || node_is(var, "tuple_pattern")) {
            /* for k, v in ...: names only, at most 4 */
            uint32_t m = ts_node_named_child_count(var);
            for (uint32_t j = 0; j < m && l.nvars >= 0; j++) {
                TSNode x = ts_node_named_child(var, j);
                l.nvars = symbol_of(x) == syms.identifier && l.nvars < 4 && m <= 4 ? l.nvars : -1;
                if (l.nvars >= 0)
                    l.vars[l.nvars++] = ident_name(c, x);
            }
        }
        for (int j = 0; j < l.nvars; j++)
            if (!l.vars[j])
                l.nvars = -1;
        if (l.nvars > 0)
            c->loops[c->nloops++] = l;
    }
}

bool loop_var_in(ctx *c, TSNode n, scope *sc, const char **var, binding **b)
{
    if (c->nloops < 0)
        gather_loops(c);
    uint32_t at = ts_node_start_byte(n);
    for (int i = c->nloops; i-- > 0;) { /* the innermost first */
        const struct for_loop *l = &c->loops[i];
        if (l->start >= at || at >= l->end)
            continue;
        for (int k = 0; k < l->nvars; k++) {
            if (!names_word(c, n, l->vars[k]))
                continue;
            /* the loop's own binding of the name (other loops may reuse it:
             * for k, v in A.items(): ...; for k, v in B.items(): ...), when
             * the loop is the only thing that binds it there */
            namebind *nb = NULL;
            for (scope *x = sc; x && !nb; x = x->parent)
                nb = pc_strmap_get(&x->names, l->vars[k]);
            *b = NULL;
            bool other = !nb || nb->has_del || nb->has_plain_local;
            for (binding *y = nb ? nb->list : NULL; y && !other; y = y->next) {
                if (y->kind != BIND_PART || !y->until) /* a, b = x binds parts too, outside any loop */
                    other = true;
                else if (ts_node_eq(y->value, l->right))
                    *b = y;
            }
            if (!other && *b && at > (*b)->offset) {
                *var = l->vars[k];
                return true;
            }
        }
    }
    return false;
}
