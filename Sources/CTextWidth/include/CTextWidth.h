#ifndef CLERK_TRIAGE_TEXT_WIDTH_H
#define CLERK_TRIAGE_TEXT_WIDTH_H
#include <stdint.h>

/// Columns a code point takes in a terminal, per glibc's wcwidth under a UTF-8 locale, whatever
/// the process locale is: -1 for non-printable, 0 for combining, 2 for wide (CJK, most emoji).
int ct_wcwidth(uint32_t scalar);

#endif
