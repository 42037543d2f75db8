/* ui_style.c: colours and attributes for dark, light and monochrome
 * terminals. Styling never depends on colour alone: bold, underline and
 * reverse carry it where there is none. */
#include <curses.h>

#include "lectern/layout.h"
#include "lectern/ui.h"

#define NSPEAKER_COLORS	6

enum pair {
	P_NONE, P_HEADING, P_TITLE, P_META, P_QUOTE, P_ATTRIB, P_ROLE,
	P_BULLET, P_TOC_CUR, P_BORDER, P_HELP_KEY, P_MATCH, P_SPEAKER0
};

static int colors;

/* Foreground colours of the pairs, for dark and light backgrounds. */
static const short dark[] = {
	0, COLOR_YELLOW, COLOR_WHITE, COLOR_CYAN, COLOR_GREEN, COLOR_GREEN,
	COLOR_MAGENTA, COLOR_CYAN, COLOR_YELLOW, COLOR_BLUE, COLOR_YELLOW,
	COLOR_BLACK
};
static const short light[] = {
	0, COLOR_BLUE, COLOR_BLACK, COLOR_CYAN, COLOR_GREEN, COLOR_GREEN,
	COLOR_MAGENTA, COLOR_BLUE, COLOR_BLUE, COLOR_BLUE, COLOR_RED,
	COLOR_BLACK
};
static const short dark_speakers[NSPEAKER_COLORS] = {
	COLOR_CYAN, COLOR_MAGENTA, COLOR_GREEN, COLOR_YELLOW, COLOR_RED,
	COLOR_BLUE
};
static const short light_speakers[NSPEAKER_COLORS] = {
	COLOR_BLUE, COLOR_MAGENTA, COLOR_RED, COLOR_GREEN, COLOR_CYAN,
	COLOR_BLACK
};

void
ui_style_init(const struct ui_options *opt)
{
	const short *fg, *sp;
	short i, bg = -1;

	colors = opt->color && has_colors();
	if (!colors)
		return;
	start_color();
	if (use_default_colors() != OK)
		bg = opt->palette == UI_PALETTE_LIGHT ? COLOR_WHITE :
		    COLOR_BLACK;
	fg = opt->palette == UI_PALETTE_LIGHT ? light : dark;
	sp = opt->palette == UI_PALETTE_LIGHT ? light_speakers : dark_speakers;
	for (i = 1; i < P_SPEAKER0; i++)
		init_pair(i, fg[i], i == P_MATCH ? COLOR_YELLOW : bg);
	for (i = 0; i < NSPEAKER_COLORS; i++)
		init_pair((short)(P_SPEAKER0 + i), sp[i], bg);
}

static unsigned long
pair(int p)
{
	return colors ? (unsigned long)COLOR_PAIR(p) : 0;
}

unsigned long
ui_style(int style, int speaker)
{
	switch (style) {
	case LAYOUT_S_TITLE:
		return A_BOLD | pair(P_TITLE);
	case LAYOUT_S_META:
		return pair(P_META);
	case LAYOUT_S_HEADING:
		return A_BOLD | pair(P_HEADING) | (colors ? 0 : A_UNDERLINE);
	case LAYOUT_S_RULE:
		return pair(P_HEADING);
	case LAYOUT_S_LABEL:
		return A_BOLD | (speaker >= 0 ?
		    pair(P_SPEAKER0 + speaker % NSPEAKER_COLORS) : 0);
	case LAYOUT_S_BULLET:
		return A_BOLD | pair(P_BULLET);
	case LAYOUT_S_QUOTE:
		return pair(P_QUOTE);
	case LAYOUT_S_ATTRIB:
		return A_BOLD | pair(P_ATTRIB);
	case LAYOUT_S_ROLE:
		return A_BOLD | pair(P_ROLE);
	case LAYOUT_S_PLACEHOLDER:
		return A_REVERSE;
	case LAYOUT_S_TIME:
		return A_DIM | pair(P_META);
	case LAYOUT_S_EMPH:
		return A_ITALIC;
	case LAYOUT_S_STRONG:
		return A_BOLD;
	case LAYOUT_S_CODE:
		return pair(P_META);
	case LAYOUT_S_LINK:
		return A_UNDERLINE;
	case LAYOUT_S_SOUND:
		return A_DIM | A_ITALIC;
	default:
		return A_NORMAL;
	}
}

unsigned long
ui_element(enum ui_element e)
{
	switch (e) {
	case UI_E_STATUS:
		return A_REVERSE;
	case UI_E_STATUS_MSG:
		return A_REVERSE | A_BOLD;
	case UI_E_STATUS_ERR:
		return A_REVERSE | A_BOLD;
	case UI_E_TOC:
		return A_NORMAL;
	case UI_E_TOC_CUR:
		return A_BOLD | pair(P_TOC_CUR);
	case UI_E_TOC_SEL:
		return A_REVERSE;
	case UI_E_BORDER:
		return pair(P_BORDER);
	case UI_E_HELP:
		return A_NORMAL;
	case UI_E_HELP_KEY:
		return A_BOLD | pair(P_HELP_KEY);
	case UI_E_HELP_TITLE:
		return A_BOLD | A_UNDERLINE;
	case UI_E_MATCH:
		return colors ? pair(P_MATCH) : A_UNDERLINE | A_BOLD;
	case UI_E_MATCH_CUR:
		return A_REVERSE | A_BOLD;
	case UI_E_COUNT:
		return A_BOLD | pair(P_HELP_KEY);
	case UI_E_CURSOR:
		return A_BOLD | pair(P_TOC_CUR);
	case UI_E_HIGHLIGHT:
		return A_BOLD | pair(P_ROLE);
	}
	return A_NORMAL;
}
