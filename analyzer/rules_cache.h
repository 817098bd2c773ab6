/* The rule-set cache behind pc_ruleset_load_files (see rules_cache.c). */
#ifndef PC_RULES_CACHE_H
#define PC_RULES_CACHE_H

#include "rules.h"

/* The cache entry for loading exactly these files as they are now, or -1
 * when there is no trustworthy cache or a file cannot be identified.
 * *may_store is false when a file changed in the last two seconds: a
 * rewrite within the same clock tick could keep its identity. */
int pc_rules_cache_path(const char *const *paths, size_t n, char *out, size_t cap, bool *may_store);
/* Fill an empty rs from the entry; false (rs still empty) on any miss. */
bool pc_rules_cache_load(pc_ruleset *rs, const char *path);
/* Save rs (not if it has query rules). Failures are silent: a cache. */
void pc_rules_cache_store(const pc_ruleset *rs, const char *path);

#endif
