/* The `runner:` section of a policy, and size/duration parsing for flags. */
#ifndef PC_RUNNER_CONFIG_H
#define PC_RUNNER_CONFIG_H

#include "error.h"
#include "runner.h"

/* Storage for strings that opts points into. */
typedef struct pc_runner_config {
    pc_run_opts opts;
    char *python;
    char *groups[64];
    size_t ngroups;
    char *env[64];
    size_t nenv;
} pc_runner_config;

/* Defaults safe for agent snippets: 10 s wall, 256 MiB, 64 processes,
 * 1 MiB of output per stream, no network, every layer required. */
void pc_runner_config_init(pc_runner_config *c, const char *rules_dir);
/* Apply the `runner:` section of the policy file at path (if any). */
int pc_runner_config_load(pc_runner_config *c, const char *policy_path, pc_error *err);
void pc_runner_config_free(pc_runner_config *c);

/* "256MiB", "1G", "1048576" -> bytes; "10s", "500ms", "2m", "10" (seconds) -> ms. */
int pc_parse_size(const char *s, uint64_t *out);
int pc_parse_duration_ms(const char *s, uint64_t *out);
int pc_parse_layer(const char *s); /* bit, or 0 */

#endif
