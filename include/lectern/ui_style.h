/* ui_style.h: colours and attributes for dark, light and monochrome
 * terminals. */
#ifndef LECTERN_UI_STYLE_H
#define LECTERN_UI_STYLE_H

#include "lectern/ui.h"

/*
 * The elements of the screen: id, attributes, colour pair (a UI_PAIRS id
 * or NONE), and the attributes that stand for the colour when there is
 * none.
 */
#define UI_ELEMENTS \
	E(STATUS, A_REVERSE, NONE, 0) \
	E(STATUS_MSG, A_REVERSE | A_BOLD, NONE, 0) \
	E(STATUS_ERR, A_REVERSE | A_BOLD, NONE, 0) \
	E(TOC, A_NORMAL, NONE, 0) \
	E(TOC_CUR, A_BOLD, TOC_CUR, 0) \
	E(TOC_SEL, A_REVERSE, NONE, 0) \
	E(BORDER, A_NORMAL, BORDER, 0) \
	E(HELP, A_NORMAL, NONE, 0) \
	E(HELP_KEY, A_BOLD, HELP_KEY, 0) \
	E(HELP_TITLE, A_BOLD | A_UNDERLINE, NONE, 0) \
	E(MATCH, A_NORMAL, MATCH, A_UNDERLINE | A_BOLD) \
	E(MATCH_CUR, A_REVERSE | A_BOLD, NONE, 0) \
	E(COUNT, A_BOLD, HELP_KEY, 0) \
	E(CURSOR, A_BOLD, TOC_CUR, 0) \
	E(HIGHLIGHT, A_BOLD, ROLE, 0) \
	E(DIM, A_DIM, NONE, 0)

enum ui_element {
#define E(id, attr, pair, mono) UI_E_##id,
	UI_ELEMENTS
#undef E
	UI_NELEMENTS
};

/* Sets up colours for the options' palette (none without colour). */
void	ui_style_init(const struct ui_options *opt);

/* The curses attributes (with colour pair) of a layout style; speaker is
 * a speaker index or -1. */
unsigned long ui_style(int style, int speaker);

/* The attributes of an element of the screen. */
unsigned long ui_element(enum ui_element e);

#endif
