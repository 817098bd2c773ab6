#include "fdpass.h"

#include <string.h>
#include <sys/socket.h>

typedef union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
} fd_control;

ssize_t pc_send_fd(int sock, char b, int fd, int flags)
{
    struct iovec iov = {&b, 1};
    fd_control u;
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
    struct cmsghdr *h = CMSG_FIRSTHDR(&msg);
    h->cmsg_level = SOL_SOCKET;
    h->cmsg_type = SCM_RIGHTS;
    h->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(h), &fd, sizeof fd);
    return sendmsg(sock, &msg, flags);
}

ssize_t pc_recv_fd(int sock, char *b, int *fd)
{
    struct iovec iov = {b, 1};
    fd_control u;
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
    *fd = -1;
    ssize_t k = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    struct cmsghdr *h = k > 0 ? CMSG_FIRSTHDR(&msg) : NULL;
    if (h && h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_RIGHTS &&
        h->cmsg_len >= CMSG_LEN(sizeof(int)))
        memcpy(fd, CMSG_DATA(h), sizeof *fd);
    return k;
}
