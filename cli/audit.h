/* The audit log: one JSON line per check, run or exec, each carrying the
 * SHA-256 of the line before it, so that an edited, removed, inserted or
 * reordered record breaks the chain. Appends take an exclusive lock, write
 * the whole line with O_APPEND in one call and fsync before returning. */
#ifndef PC_AUDIT_H
#define PC_AUDIT_H

#include "error.h"

#include <jansson.h>
#include <stdio.h>

/* Append one record to the log at path (created 0600 when missing). fields
 * is the command's own part ("command", "policy", "rules_sha256", "verdict",
 * ...); the log adds "time", "user", "uid", "cwd", "seq" and "prev" itself.
 * fields is not consumed. Returns 0, or -1 with err set; nothing is written
 * then. */
int pc_audit_append(const char *path, json_t *fields, pc_error *err);

/* Hex SHA-256 of len bytes (65 bytes with the NUL). */
void pc_sha256_hex(const void *data, size_t len, char out[65]);

#endif
