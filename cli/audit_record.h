/* What appending and verifying the audit log share: one record's parse,
 * the file lock, and the first record's "prev". Internal to cli/audit*.c. */
#ifndef PC_AUDIT_RECORD_H
#define PC_AUDIT_RECORD_H

#include <stdbool.h>
#include <stddef.h>

/* 64 zeros: the "prev" of the first record. */
extern const char pc_audit_zero_hash[65];

/* 64 lowercase hex digits? */
bool pc_audit_is_hex64(const char *s);

/* flock(fd, op), retried on EINTR. */
int pc_audit_lock(int fd, int op);

/* Parse one line as a record: 0 with *seq and prev set, or -1 with why. */
int pc_audit_parse_record(const char *line, size_t len, long long *seq, char prev[65], char *why,
                          size_t whycap);

#endif
