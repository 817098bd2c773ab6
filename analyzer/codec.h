/* PEP 263 coding declarations and the codecs portcullis agrees to decode. */
#ifndef PC_CODEC_H
#define PC_CODEC_H

#include <stdbool.h>
#include <stddef.h>

typedef enum pc_codec_class {
    PC_CODEC_UTF8,   /* utf-8 and its aliases */
    PC_CODEC_ICONV,  /* a single-byte ASCII-compatible codec: decode with iconv */
    PC_CODEC_HIDING, /* can hide code from a reader: utf-7, *unicode_escape, ... */
    PC_CODEC_UNKNOWN /* anything else: cannot be decoded the way Python would */
} pc_codec_class;

/* Find a coding declaration on line 1 or 2 (PEP 263). On success copies the
 * codec name (at most cap-1 bytes) and returns the byte offset of the name;
 * returns -1 when there is none. */
long pc_codec_find_declaration(const unsigned char *text, size_t len, char *name, size_t cap);

/* Classify a declared codec. For PC_CODEC_ICONV, *iconv_name is set. */
pc_codec_class pc_codec_classify(const char *declared, const char **iconv_name);

#endif
