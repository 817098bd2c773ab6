/* Turning the bytes of a submission into the text Python would run:
 * BOM, PEP 263 coding declarations, UTF-8 validation, NUL and binary
 * detection, and Unicode characters that hide code from a reader. */
#ifndef PC_SOURCE_H
#define PC_SOURCE_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Problems with the input itself; each maps to an `input` rule kind. */
typedef enum pc_input_kind {
    PC_INPUT_PARSE_ERROR,
    PC_INPUT_ENCODING,
    PC_INPUT_INVALID_UTF8,
    PC_INPUT_NUL,
    PC_INPUT_BINARY,
    PC_INPUT_BIDI,
    PC_INPUT_INVISIBLE,
    PC_INPUT_CONFUSABLE,
    PC_INPUT_KIND_COUNT
} pc_input_kind;

const char *pc_input_kind_name(pc_input_kind k);
int pc_input_kind_parse(const char *name); /* -1 if unknown */

typedef struct pc_input_event {
    pc_input_kind kind;
    uint32_t offset;    /* byte offset in the decoded text */
    uint32_t length;    /* bytes spanned in the decoded text (>= 1) */
    const char *detail; /* arena string */
    struct pc_input_event *next;
} pc_input_event;

typedef struct pc_source {
    const char *text; /* decoded UTF-8, NUL-terminated, arena-owned */
    uint32_t len;
    bool bom;
    const char *codec; /* declared codec as written, or NULL */
    bool parseable;    /* false: binary/too large; do not parse */
    pc_input_event *events, *events_tail;
    /* invisible characters found anywhere; the analyzer keeps those in code */
    pc_input_event *invisible;
} pc_source;

#define PC_SOURCE_MAX_BYTES (64u * 1024 * 1024)

/* Decode `raw`. Never fails except when memory runs out (-1); everything
 * odd about the input becomes an event and the text is still produced,
 * with replacement characters where bytes could not be decoded. */
int pc_source_decode(pc_arena *a, const unsigned char *raw, size_t len, pc_source *out);

/* Record an event (used by later stages too). -1 when memory ran out. */
int pc_source_event(pc_arena *a, pc_source *src, pc_input_kind kind, uint32_t offset, uint32_t length,
                    const char *detail);

#endif
