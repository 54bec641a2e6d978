// The wide-character ncurses API for Swift. SwiftPM drops pkg-config's
// cflags, so the defines that expose cchar_t, setcchar, get_wch and
// friends are set here, before the header.
#ifndef RAPPORT_CNCURSESW_SHIM_H
#define RAPPORT_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Globals and function-like macros do not import into Swift 6: accessors.
static inline WINDOW *rapport_stdscr(void) { return stdscr; }
static inline int rapport_lines(void) { return LINES; }
static inline int rapport_cols(void) { return COLS; }
static inline attr_t rapport_a_bold(void) { return A_BOLD; }
static inline attr_t rapport_a_reverse(void) { return A_REVERSE; }
static inline attr_t rapport_a_dim(void) { return A_DIM; }
static inline attr_t rapport_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rapport_a_normal(void) { return A_NORMAL; }
static inline int rapport_color_pair(int n) { return COLOR_PAIR(n); }
static inline int rapport_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t rapport_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t rapport_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t rapport_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t rapport_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
