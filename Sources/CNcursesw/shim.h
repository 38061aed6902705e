#ifndef CLERK_TRIAGE_NCURSESW_SHIM_H
#define CLERK_TRIAGE_NCURSESW_SHIM_H

// Without these, get_wch, mvaddwstr and cchar_t are invisible to Swift.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <locale.h>
#include <wchar.h>

// Macros and globals Swift cannot use directly, wrapped as functions.
static inline WINDOW *ct_stdscr(void) { return stdscr; }
static inline FILE *ct_stdin(void) { return stdin; }
static inline FILE *ct_stdout(void) { return stdout; }
static inline int ct_lines(void) { return LINES; }
static inline int ct_cols(void) { return COLS; }
static inline int ct_colors(void) { return COLORS; }
static inline int ct_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t ct_a_bold(void) { return A_BOLD; }
static inline attr_t ct_a_dim(void) { return A_DIM; }
static inline attr_t ct_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ct_a_reverse(void) { return A_REVERSE; }
static inline attr_t ct_a_italic(void) { return A_ITALIC; }
static inline attr_t ct_a_normal(void) { return A_NORMAL; }
static inline int ct_key_resize(void) { return KEY_RESIZE; }
static inline int ct_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ct_err(void) { return ERR; }
static inline int ct_ok(void) { return OK; }
static inline int ct_key_f0(void) { return KEY_F0; }
static inline int ct_key_max(void) { return KEY_MAX; }
static inline int ct_attr_set(attr_t attrs, short pair) { return attr_set(attrs, pair, NULL); }

#endif
