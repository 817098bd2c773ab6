/* Needles: literal strings one of which every match of a regex contains,
 * worked out from the pattern's text where its syntax is plain enough. A
 * search for them (a byte table and a few compares) is far cheaper than
 * starting the regex engine, and most texts a rule is asked about hold
 * none of them. Where the pattern uses anything this reading does not
 * follow (backreferences, conditionals, verbs, extended mode), there are
 * no needles and the regex always runs: the needles only ever skip a
 * regex that cannot match. */
#ifndef PC_NEEDLES_H
#define PC_NEEDLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { PC_NEEDLES_MAX = 64, PC_NEEDLE_LEN = 15 };

typedef struct pc_needle {
    unsigned char len; /* 1..PC_NEEDLE_LEN */
    char s[PC_NEEDLE_LEN];
} pc_needle;

typedef struct pc_needles {
    unsigned n;              /* 1..PC_NEEDLES_MAX */
    bool caseless;           /* stored in lower case, compared ignoring ASCII case */
    unsigned char first[32]; /* the bytes a needle starts with (both cases when caseless) */
    pc_needle v[PC_NEEDLES_MAX];
} pc_needles;

/* The needles of a PCRE2 pattern (compiled with PCRE2_UTF | PCRE2_UCP and
 * no other option); false when it has none worth searching for. */
bool pc_needles_of(const char *pattern, pc_needles *out);
/* Bytes of a pc_needles holding n needles (the rest of v is not stored). */
size_t pc_needles_size(unsigned n);
/* Is no needle in s? Then the regex cannot match s. */
bool pc_needles_absent(const pc_needles *nd, const char *s, size_t len);

/* Many regexes' needles searched in one pass over a text: which of them
 * may match it. Set i is sets[i] (NULL: no needles, it may always match). */
typedef struct pc_needle_index pc_needle_index;
pc_needle_index *pc_needle_index_new(const pc_needles *const *sets, size_t n); /* NULL: out of memory */
void pc_needle_index_free(pc_needle_index *ix);
/* 64-bit words in a result of pc_needle_index_scan. */
size_t pc_needle_index_words(const pc_needle_index *ix);
/* Sets bit i of may (pc_needle_index_words words) when set i may match s. */
void pc_needle_index_scan(const pc_needle_index *ix, const char *s, size_t len, uint64_t *may);

#endif
