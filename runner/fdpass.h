/* One byte and one descriptor over a unix socket (SCM_RIGHTS). */
#ifndef PC_FDPASS_H
#define PC_FDPASS_H

#include <sys/types.h>

/* Send byte b with fd; flags as for sendmsg. The result of sendmsg. */
ssize_t pc_send_fd(int sock, char b, int fd, int flags);
/* Receive one record: its byte in *b and the descriptor it carries (close
 * on exec), or -1, in *fd. The result of recvmsg. */
ssize_t pc_recv_fd(int sock, char *b, int *fd);

#endif
