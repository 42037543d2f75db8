/* ui_style.c: colours and attributes for dark, light and monochrome
 * terminals. Styling never depends on colour alone: bold, underline and
 * reverse carry it where there is none. */
#include <curses.h>

#include "lectern/layout.h"
#include "lectern/ui_style.h"

#define NSPEAKER_COLORS	6
#define DEFAULT_BG	(-1)

/* Colour pairs: id, foreground on a dark and on a light background, and
 * the background (DEFAULT_BG: the terminal's). */
#define UI_PAIRS \
	P(HEADING, COLOR_YELLOW, COLOR_BLUE, DEFAULT_BG) \
	P(TITLE, COLOR_WHITE, COLOR_BLACK, DEFAULT_BG) \
	P(META, COLOR_CYAN, COLOR_CYAN, DEFAULT_BG) \
	P(QUOTE, COLOR_GREEN, COLOR_GREEN, DEFAULT_BG) \
	P(ATTRIB, COLOR_GREEN, COLOR_GREEN, DEFAULT_BG) \
	P(ROLE, COLOR_MAGENTA, COLOR_MAGENTA, DEFAULT_BG) \
	P(BULLET, COLOR_CYAN, COLOR_BLUE, DEFAULT_BG) \
	P(TOC_CUR, COLOR_YELLOW, COLOR_BLUE, DEFAULT_BG) \
	P(BORDER, COLOR_BLUE, COLOR_BLUE, DEFAULT_BG) \
	P(HELP_KEY, COLOR_YELLOW, COLOR_RED, DEFAULT_BG) \
	P(MATCH, COLOR_BLACK, COLOR_BLACK, COLOR_YELLOW)

enum pair {
	P_NONE,
#define P(id, dark, light, bg) P_##id,
	UI_PAIRS
#undef P
	P_SPEAKER0
};

static const struct {
	short		 dark, light, bg;
} pairs[] = {
	{ 0, 0, 0 },
#define P(id, dark, light, bg) { dark, light, bg },
	UI_PAIRS
#undef P
};

static const short dark_speakers[NSPEAKER_COLORS] = {
	COLOR_CYAN, COLOR_MAGENTA, COLOR_GREEN, COLOR_YELLOW, COLOR_RED,
	COLOR_BLUE
};
static const short light_speakers[NSPEAKER_COLORS] = {
	COLOR_BLUE, COLOR_MAGENTA, COLOR_RED, COLOR_GREEN, COLOR_CYAN,
	COLOR_BLACK
};

/* The screen's elements: attributes, pair, and the monochrome stand-in. */
static const struct {
	unsigned long	 attr;
	enum pair	 pair;
	unsigned long	 mono;
} elements[] = {
#define E(id, attr, pair, mono) { attr, P_##pair, mono },
	UI_ELEMENTS
#undef E
};

/* The layout's styles, the same way (speaker labels take the speaker's
 * colour). */
static const struct {
	unsigned long	 attr;
	enum pair	 pair;
	unsigned long	 mono;
} styles[LAYOUT_NSTYLES] = {
	[LAYOUT_S_TEXT] = { A_NORMAL, P_NONE, 0 },
	[LAYOUT_S_TITLE] = { A_BOLD, P_TITLE, 0 },
	[LAYOUT_S_META] = { A_NORMAL, P_META, 0 },
	[LAYOUT_S_HEADING] = { A_BOLD, P_HEADING, A_UNDERLINE },
	[LAYOUT_S_RULE] = { A_NORMAL, P_HEADING, 0 },
	[LAYOUT_S_LABEL] = { A_BOLD, P_NONE, 0 },
	[LAYOUT_S_BULLET] = { A_BOLD, P_BULLET, 0 },
	[LAYOUT_S_QUOTE] = { A_NORMAL, P_QUOTE, 0 },
	[LAYOUT_S_ATTRIB] = { A_BOLD, P_ATTRIB, 0 },
	[LAYOUT_S_ROLE] = { A_BOLD, P_ROLE, 0 },
	[LAYOUT_S_PLACEHOLDER] = { A_REVERSE, P_NONE, 0 },
	[LAYOUT_S_TIME] = { A_DIM, P_META, 0 },
	[LAYOUT_S_EMPH] = { A_ITALIC, P_NONE, A_UNDERLINE },
	[LAYOUT_S_STRONG] = { A_BOLD, P_NONE, 0 },
	[LAYOUT_S_CODE] = { A_NORMAL, P_META, 0 },
	[LAYOUT_S_LINK] = { A_UNDERLINE, P_NONE, 0 },
	[LAYOUT_S_SOUND] = { A_DIM | A_ITALIC, P_NONE, 0 },
};

static int colors;

void
ui_style_init(const struct ui_options *opt)
{
	int light = opt->palette == UI_PALETTE_LIGHT;
	const short *sp = light ? light_speakers : dark_speakers;
	short i, bg = DEFAULT_BG, pbg;

	colors = opt->color && has_colors();
	if (!colors)
		return;
	start_color();
	if (use_default_colors() != OK)
		bg = light ? COLOR_WHITE : COLOR_BLACK;
	for (i = 1; i < P_SPEAKER0; i++) {
		pbg = pairs[i].bg == DEFAULT_BG ? bg : pairs[i].bg;
		init_pair(i, light ? pairs[i].light : pairs[i].dark, pbg);
	}
	for (i = 0; i < NSPEAKER_COLORS; i++)
		init_pair((short)(P_SPEAKER0 + i), sp[i], bg);
}

/* The attributes of a pair, or of its stand-in without colour. */
static unsigned long
with_pair(unsigned long attr, int pair, unsigned long mono)
{
	if (!colors)
		return attr | mono;
	return pair == P_NONE ? attr : attr | (unsigned long)COLOR_PAIR(pair);
}

unsigned long
ui_style(int style, int speaker)
{
	if (style < 0 || style >= LAYOUT_NSTYLES)
		return A_NORMAL;
	if (style == LAYOUT_S_LABEL && speaker >= 0)
		return with_pair(A_BOLD, P_SPEAKER0 + speaker % NSPEAKER_COLORS,
		    0);
	return with_pair(styles[style].attr, styles[style].pair,
	    styles[style].mono);
}

unsigned long
ui_element(enum ui_element e)
{
	if (e >= UI_NELEMENTS)
		return A_NORMAL;
	return with_pair(elements[e].attr, elements[e].pair, elements[e].mono);
}
