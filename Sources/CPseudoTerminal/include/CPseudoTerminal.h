#ifndef CLERK_TRIAGE_PSEUDO_TERMINAL_H
#define CLERK_TRIAGE_PSEUDO_TERMINAL_H

/// Opens a pseudo-terminal pair sized rows×cols. Returns 0 and sets *master and *slave, or -1.
int ct_open_pty(unsigned short rows, unsigned short cols, int *master, int *slave);

#endif
