#define _GNU_SOURCE
#include "CPseudoTerminal.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

int ct_open_pty(unsigned short rows, unsigned short cols, int *master, int *slave) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    if (grantpt(m) != 0 || unlockpt(m) != 0) { close(m); return -1; }
    const char *name = ptsname(m);
    if (name == NULL) { close(m); return -1; }
    int s = open(name, O_RDWR | O_NOCTTY);
    if (s < 0) { close(m); return -1; }
    struct winsize size = { rows, cols, 0, 0 };
    ioctl(s, TIOCSWINSZ, &size);
    *master = m;
    *slave = s;
    return 0;
}
