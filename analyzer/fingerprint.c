/* Finding fingerprints for SARIF's partialFingerprints and for baselines. */
#include "report.h"

#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>

typedef struct keyed {
    unsigned char digest[SHA256_DIGEST_SIZE];
    size_t index;
} keyed;

static bool space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* SHA-256 of the rule id and the finding's first line without whitespace. */
static void line_digest(const pc_result *res, const pc_finding *f, unsigned char *digest)
{
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, strlen(f->rule->id) + 1, (const uint8_t *)f->rule->id);
    uint32_t len = 0;
    const char *line = pc_result_line(res, f->span.line, &len);
    size_t run = 0;
    for (uint32_t i = 0; line && i <= len; i++) { /* hash the runs between whitespace */
        if (i == len || space((unsigned char)line[i])) {
            if (run)
                sha256_update(&ctx, run, (const uint8_t *)line + i - run);
            run = 0;
        } else {
            run++;
        }
    }
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
}

static int by_digest_then_index(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = memcmp(x->digest, y->digest, sizeof x->digest);
    if (c)
        return c;
    return (x->index > y->index) - (x->index < y->index);
}

int pc_result_fingerprints(const pc_result *res, pc_fingerprint *out)
{
    size_t n = res->nfindings;
    if (!n)
        return 0;
    keyed *k = malloc(n * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < n; i++) {
        line_digest(res, &res->findings[i], k[i].digest);
        k[i].index = i;
    }
    qsort(k, n, sizeof *k, by_digest_then_index);
    uint32_t occurrence = 0;
    for (size_t i = 0; i < n; i++) {
        occurrence = i && !memcmp(k[i].digest, k[i - 1].digest, sizeof k[i].digest) ? occurrence + 1 : 0;
        struct sha256_ctx ctx;
        unsigned char d[SHA256_DIGEST_SIZE],
            occ[4] = {(unsigned char)(occurrence >> 24), (unsigned char)(occurrence >> 16),
                      (unsigned char)(occurrence >> 8), (unsigned char)occurrence};
        sha256_init(&ctx);
        sha256_update(&ctx, sizeof k[i].digest, k[i].digest);
        sha256_update(&ctx, sizeof occ, occ);
        sha256_digest(&ctx, sizeof d, d);
        static const char hex[] = "0123456789abcdef";
        char *o = out[k[i].index];
        for (size_t b = 0; b < PC_FINGERPRINT_LEN / 2; b++) {
            o[2 * b] = hex[d[b] >> 4];
            o[2 * b + 1] = hex[d[b] & 15];
        }
        o[PC_FINGERPRINT_LEN] = '\0';
    }
    free(k);
    return 0;
}
