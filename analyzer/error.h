/* Errors carried up as values: a fixed buffer with one line of context. */
#ifndef PC_ERROR_H
#define PC_ERROR_H

typedef struct pc_error {
    char msg[1024];
} pc_error;

/* Set the message (printf-style). Returns -1 so callers can `return pc_fail(...)`. */
int pc_fail(pc_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
