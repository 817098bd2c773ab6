#include "codec.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Returns the length of line `*pos` (without its terminator) and advances *pos. */
static size_t next_line(const unsigned char *t, size_t len, size_t *pos, size_t *start)
{
    size_t i = *pos;
    *start = i;
    while (i < len && t[i] != '\n' && t[i] != '\r')
        i++;
    size_t n = i - *start;
    if (i < len && t[i] == '\r')
        i++;
    if (i < len && t[i] == '\n')
        i++;
    *pos = i;
    return n;
}

/* Python's rule: ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+) */
static long match_declaration(const unsigned char *l, size_t n, size_t base, char *name, size_t cap)
{
    size_t i = 0;
    while (i < n && (l[i] == ' ' || l[i] == '\t' || l[i] == '\f'))
        i++;
    if (i >= n || l[i] != '#')
        return -1;
    for (; i + 7 <= n; i++) {
        if (memcmp(l + i, "coding", 6) != 0 || (l[i + 6] != ':' && l[i + 6] != '='))
            continue;
        size_t j = i + 7;
        while (j < n && (l[j] == ' ' || l[j] == '\t'))
            j++;
        size_t k = j;
        while (k < n && (isalnum(l[k]) || l[k] == '-' || l[k] == '_' || l[k] == '.'))
            k++;
        if (k == j)
            continue;
        size_t m = k - j < cap - 1 ? k - j : cap - 1;
        memcpy(name, l + j, m);
        name[m] = '\0';
        return (long)(base + j);
    }
    return -1;
}

static bool blank_or_comment(const unsigned char *l, size_t n)
{
    size_t i = 0;
    while (i < n && (l[i] == ' ' || l[i] == '\t' || l[i] == '\f'))
        i++;
    return i == n || l[i] == '#';
}

long pc_codec_find_declaration(const unsigned char *text, size_t len, char *name, size_t cap)
{
    size_t pos = 0, start;
    size_t n = next_line(text, len, &pos, &start);
    long r = match_declaration(text + start, n, start, name, cap);
    if (r >= 0 || !blank_or_comment(text + start, n) || pos >= len)
        return r;
    n = next_line(text, len, &pos, &start);
    return match_declaration(text + start, n, start, name, cap);
}

/* Python's encodings.normalize_encoding, then lower case. */
static void normalize(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    bool punct = false;
    for (const char *p = in; *p && o + 1 < cap; p++) {
        if (isalnum((unsigned char)*p) || *p == '.') {
            if (punct && o)
                out[o++] = '_';
            if (o + 1 < cap)
                out[o++] = (char)tolower((unsigned char)*p);
            punct = false;
        } else {
            punct = true;
        }
    }
    out[o] = '\0';
}

struct alias {
    const char *name;
    const char *iconv;
};

/* Single-byte, ASCII-compatible codecs whose ASCII range glibc and Python
 * decode identically, so the parse cannot differ. Multi-byte codecs (where
 * a byte such as 0x5C can mean different things) are refused. */
static const struct alias iconv_aliases[] = {
    {"latin_1", "ISO-8859-1"},
    {"latin1", "ISO-8859-1"},
    {"latin", "ISO-8859-1"},
    {"l1", "ISO-8859-1"},
    {"iso_8859_1", "ISO-8859-1"},
    {"iso8859_1", "ISO-8859-1"},
    {"8859", "ISO-8859-1"},
    {"cp819", "ISO-8859-1"},
    {"iso_latin_1", "ISO-8859-1"},
    {"iso_ir_100", "ISO-8859-1"},
    {"ascii", "ASCII"},
    {"us_ascii", "ASCII"},
    {"646", "ASCII"},
    {"us", "ASCII"},
    {"ansi_x3.4_1968", "ASCII"},
    {"cp367", "ASCII"},
    {"iso646_us", "ASCII"},
    {"latin2", "ISO-8859-2"},
    {"latin3", "ISO-8859-3"},
    {"latin4", "ISO-8859-4"},
    {"latin5", "ISO-8859-9"},
    {"latin6", "ISO-8859-10"},
    {"latin7", "ISO-8859-13"},
    {"latin8", "ISO-8859-14"},
    {"latin9", "ISO-8859-15"},
    {"latin10", "ISO-8859-16"},
    {"l2", "ISO-8859-2"},
    {"l9", "ISO-8859-15"},
    {"koi8_r", "KOI8-R"},
    {"koi8_u", "KOI8-U"},
    {"mac_roman", "MACINTOSH"},
    {"macroman", "MACINTOSH"},
    {"macintosh", "MACINTOSH"},
    {"cp437", "CP437"},
    {"ibm437", "CP437"},
    {"cp850", "CP850"},
    {"ibm850", "CP850"},
    {"cp852", "CP852"},
    {"cp866", "CP866"},
};

static const char *const hiding[] = {
    "utf_7",
    "utf7",
    "u7",
    "unicode_1_1_utf_7",
    "unicode_escape",
    "raw_unicode_escape",
    "unicode_internal",
    "idna",
    "punycode",
    "rot_13",
    "rot13",
    "uu",
    "uu_codec",
    "hex",
    "hex_codec",
    "base64",
    "base64_codec",
    "base_64",
    "zlib",
    "zlib_codec",
    "zip",
    "bz2",
    "bz2_codec",
    "quopri",
    "quopri_codec",
    "quotedprintable",
    "quoted_printable",
};

pc_codec_class pc_codec_classify(const char *declared, const char **iconv_name)
{
    char n[64];
    normalize(declared, n, sizeof n);
    /* The tokenizer's own fast path: "utf-8-*" and "latin-1-*" variants. */
    if (strcmp(n, "utf_8") == 0 || strcmp(n, "utf8") == 0 || strcmp(n, "u8") == 0 || strcmp(n, "utf") == 0 ||
        strcmp(n, "cp65001") == 0 || strncmp(n, "utf_8_", 6) == 0 || strcmp(n, "utf8_ucs2") == 0 ||
        strcmp(n, "utf8_ucs4") == 0)
        return PC_CODEC_UTF8;
    if (strncmp(n, "latin_1_", 8) == 0 || strncmp(n, "iso_8859_1_", 11) == 0 ||
        strncmp(n, "iso_latin_1_", 12) == 0) {
        *iconv_name = "ISO-8859-1";
        return PC_CODEC_ICONV;
    }
    for (size_t i = 0; i < sizeof hiding / sizeof *hiding; i++)
        if (strcmp(n, hiding[i]) == 0)
            return PC_CODEC_HIDING;
    for (size_t i = 0; i < sizeof iconv_aliases / sizeof *iconv_aliases; i++) {
        if (strcmp(n, iconv_aliases[i].name) == 0) {
            *iconv_name = iconv_aliases[i].iconv;
            return PC_CODEC_ICONV;
        }
    }
    /* iso8859_N / iso_8859_N, cp125N / windows_125N */
    int num;
    char tail;
    if ((sscanf(n, "iso8859_%d%c", &num, &tail) == 1 || sscanf(n, "iso_8859_%d%c", &num, &tail) == 1) &&
        num >= 2 && num <= 16 && num != 12) {
        static const char *const names[] = {"",
                                            "",
                                            "ISO-8859-2",
                                            "ISO-8859-3",
                                            "ISO-8859-4",
                                            "ISO-8859-5",
                                            "ISO-8859-6",
                                            "ISO-8859-7",
                                            "ISO-8859-8",
                                            "ISO-8859-9",
                                            "ISO-8859-10",
                                            "ISO-8859-11",
                                            "",
                                            "ISO-8859-13",
                                            "ISO-8859-14",
                                            "ISO-8859-15",
                                            "ISO-8859-16"};
        *iconv_name = names[num];
        return PC_CODEC_ICONV;
    }
    if ((sscanf(n, "cp%d%c", &num, &tail) == 1 || sscanf(n, "windows_%d%c", &num, &tail) == 1) &&
        num >= 1250 && num <= 1258) {
        static const char *const names[] = {"CP1250", "CP1251", "CP1252", "CP1253", "CP1254",
                                            "CP1255", "CP1256", "CP1257", "CP1258"};
        *iconv_name = names[num - 1250];
        return PC_CODEC_ICONV;
    }
    return PC_CODEC_UNKNOWN;
}
