/* The audit log: one JSON line per check, run or exec, each carrying the
 * SHA-256 of the line before it, so that an edited, removed, inserted or
 * reordered record breaks the chain. Appends take an exclusive lock, write
 * the whole line with O_APPEND in one call and fsync before returning.
 * The format is described in docs/audit.md. */
#ifndef PC_AUDIT_H
#define PC_AUDIT_H

#include "error.h"
#include "policy.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#define PC_AUDIT_VERSION 1
/* The longest record, without its newline. */
#define PC_AUDIT_MAX_RECORD ((size_t)1 << 20)

/* Append one record to the log at path (created 0600 when missing). fields
 * is the command's own part ("command", "policy", "rules_sha256", "verdict",
 * ...); the log adds "time", "user", "uid", "cwd", "seq" and "prev" itself.
 * fields is not consumed. Returns 0, or -1 with err set; nothing is written
 * then. */
int pc_audit_append(const char *path, json_t *fields, pc_error *err);

/* Hex SHA-256 of len bytes (65 bytes with the NUL). */
void pc_sha256_hex(const void *data, size_t len, char out[65]);

/* The log a command writes to: the --audit flag when given, else the
 * policy's audit: setting, else NULL (no log). check also reads
 * .portcullis.yaml before the policy; run and exec never do, because an
 * agent can write that file into its own working directory. */
const char *pc_audit_path(const char *flag, const pc_policy *policy);

/* Everything pc_audit_append checks, without writing: the log can be opened
 * (it is created 0600 when missing), is a regular file and not a symbolic
 * link, and ends with a whole record. Call it before doing what is to be
 * recorded, so that nothing runs when no record could be written. Returns
 * 0, or -1 with err set. */
int pc_audit_check(const char *path, pc_error *err);

/* {"bytes": len, "sha256": hex, "truncated": truncated}: what a record says
 * about data it must not contain (a program's output, say). NULL when
 * memory ran out. */
json_t *pc_audit_digest_json(const void *data, size_t len, bool truncated);

/* A JSON string of len bytes, invalid UTF-8 and NUL replaced with U+FFFD
 * (file names and program output need not be UTF-8; JSON must be). NULL
 * when memory ran out. */
json_t *pc_audit_string(const char *s, size_t len);

typedef struct pc_audit_verify_opts {
    const char *expect_last; /* hex SHA-256 the last record must have, or NULL */
    const char *anchor;      /* hex SHA-256 of a record that must be in the log, or NULL */
} pc_audit_verify_opts;

typedef struct pc_audit_verdict {
    unsigned long long records;     /* lines read before the problem (all when valid) */
    long long last_seq;             /* of the last valid record, 0 when none */
    char last_hash[65];             /* SHA-256 of the last valid record (64 zeros when none) */
    unsigned long long anchor_line; /* line of opts->anchor or opts->expect_last, 0 when not found */
    unsigned long long line;        /* the first problem's line (1-based), 0 for none or the whole log */
    char problem[512];              /* what is wrong there, e.g. "record edited (...)" */
} pc_audit_verdict;

/* Check the chain of the log at path (every record written before the call
 * started; appends made meanwhile are not looked at). Returns 0 when it is
 * valid, 1 with v->line and v->problem naming the first problem, or -1
 * with err set when the log cannot be read. */
int pc_audit_verify(const char *path, const pc_audit_verify_opts *opts, pc_audit_verdict *v, pc_error *err);

#endif
