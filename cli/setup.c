#include "setup.h"
#include "paths.h"

#include <nettle/sha2.h>
#include <stdint.h>
#include <stdlib.h>

int pc_setup_load_policy(pc_setup *s, pc_error *err)
{
    if (!s->policy_name)
        s->policy_name = "standard";
    s->policy = pc_policy_load(s->policy_name, pc_default_rules_dir(), err);
    return s->policy ? 0 : -1;
}

int pc_setup_load_rules(pc_setup *s, pc_error *err)
{
    if (!(s->rules = pc_ruleset_new()))
        return pc_fail(err, "out of memory");
    if (pc_policy_load_rules(s->policy, pc_default_rules_dir(), s->rules, err) < 0)
        return -1;
    for (int i = 0; i < s->nextra; i++)
        if (pc_ruleset_load_path(s->rules, s->extra_rules[i], err) < 0)
            return -1;
    if (!(s->engine = pc_engine_new(s->policy, s->rules, err)))
        return -1;
    return 0;
}

int pc_setup_load(pc_setup *s, pc_error *err)
{
    return pc_setup_load_policy(s, err) < 0 ? -1 : pc_setup_load_rules(s, err);
}

void pc_setup_free(pc_setup *s)
{
    pc_engine_free(s->engine);
    pc_ruleset_free(s->rules);
    pc_policy_free(s->policy);
    s->engine = NULL;
    s->rules = NULL;
    s->policy = NULL;
}

static int hash_file(struct sha256_ctx *ctx, const char *path, pc_error *err)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (pc_read_file(path, (size_t)64 << 20, &data, &len, err) < 0)
        return -1;
    uint8_t n[8];
    for (int i = 0; i < 8; i++)
        n[i] = (uint8_t)((uint64_t)len >> (56 - 8 * i));
    sha256_update(ctx, sizeof n, n);
    sha256_update(ctx, len, data);
    free(data);
    return 0;
}

static void hex(const uint8_t *d, char out[65])
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[64] = '\0';
}

int pc_setup_policy_digest(const pc_policy *p, char out[65], pc_error *err)
{
    out[0] = '\0';
    if (!p->path)
        return 0;
    unsigned char *data = NULL;
    size_t len = 0;
    if (pc_read_file(p->path, (size_t)16 << 20, &data, &len, err) < 0)
        return -1;
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof d, d);
    free(data);
    hex(d, out);
    return 0;
}

int pc_setup_rules_digest(const pc_setup *s, char out[65], pc_error *err)
{
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    if (s->policy->path && hash_file(&ctx, s->policy->path, err) < 0)
        return -1;
    for (size_t i = 0; i < s->rules->nfiles; i++)
        if (hash_file(&ctx, s->rules->files[i], err) < 0)
            return -1;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof d, d);
    hex(d, out);
    return 0;
}
