/* Small writes to kernel files (cgroup and /proc knobs). */
#ifndef PC_FILEIO_H
#define PC_FILEIO_H

/* Write text to an existing file in one write(2): 0, or -1 with errno set. */
int pc_write_text(const char *path, const char *text);

#endif
