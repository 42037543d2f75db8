/* keymap.h: the one table of actions, their keys and help texts. It
 * drives key dispatch, the help overlay and the man page's KEYS section. */
#ifndef LECTERN_KEYMAP_H
#define LECTERN_KEYMAP_H

#include <stdio.h>

/* Groups of actions, in the order the help shows them. */
#define KEYMAP_GROUPS \
	G(MOVE, "Moving") \
	G(JUMP, "Sections and turns") \
	G(PANES, "Panes") \
	G(SEARCH, "Searching") \
	G(NOTES, "Paragraphs, highlights and marks") \
	G(BAR, "In the search bar") \
	G(OTHER, "Other")

enum keymap_group {
#define G(id, title) KEYMAP_G_##id,
	KEYMAP_GROUPS
#undef G
	KEYMAP_NGROUPS
};

/* Actions: id, group, name (for messages) and help text. */
#define KEYMAP_ACTIONS \
	A(LINE_DOWN, MOVE, "line-down", "one line down") \
	A(LINE_UP, MOVE, "line-up", "one line up") \
	A(PAGE_DOWN, MOVE, "page-down", "one page down") \
	A(PAGE_UP, MOVE, "page-up", "one page up") \
	A(HALF_DOWN, MOVE, "half-down", "half a page down") \
	A(HALF_UP, MOVE, "half-up", "half a page up") \
	A(TOP, MOVE, "top", "the top (with a count N: line N)") \
	A(END, MOVE, "end", "the end (with a count N: line N)") \
	A(PERCENT, MOVE, "percent", "N% of the way through (count N)") \
	A(NEXT_SECTION, JUMP, "next-section", "next section, its heading at the top") \
	A(PREV_SECTION, JUMP, "prev-section", "previous section") \
	A(NEXT_TURN, JUMP, "next-turn", "next speaker turn") \
	A(PREV_TURN, JUMP, "prev-turn", "previous speaker turn") \
	A(TOGGLE_TOC, PANES, "toggle-toc", "show or hide the table of contents") \
	A(FOCUS, PANES, "focus", "move the focus between contents and reader") \
	A(SELECT, PANES, "select", "in the contents: jump to the selected section") \
	A(SEARCH_FWD, SEARCH, "search", "search forward as you type") \
	A(SEARCH_BACK, SEARCH, "search-back", "search backward as you type") \
	A(SEARCH_NEXT, SEARCH, "search-next", "next match (wraps around)") \
	A(SEARCH_PREV, SEARCH, "search-prev", "previous match (wraps around)") \
	A(CURSOR_DOWN, NOTES, "cursor-down", "the paragraph cursor to the next paragraph") \
	A(CURSOR_UP, NOTES, "cursor-up", "the paragraph cursor to the previous paragraph") \
	A(TOGGLE_HL, NOTES, "highlight", "highlight the cursor's paragraph, or not") \
	A(NEXT_HL, NOTES, "next-highlight", "next highlight (the document's or yours)") \
	A(PREV_HL, NOTES, "prev-highlight", "previous highlight") \
	A(LIST_HL, NOTES, "highlights", "a list of all highlights (Enter jumps)") \
	A(SET_MARK, NOTES, "mark", "m and a letter: mark the place") \
	A(GOTO_MARK, NOTES, "goto-mark", "' and a letter: back to a mark; '' to before the last jump") \
	A(COPY, NOTES, "copy", "copy the cursor's paragraph, attributed (OSC 52)") \
	A(SPEAKERS, NOTES, "speakers", "speakers: choose one to read only their turns") \
	A(ALL_SPEAKERS, NOTES, "all-speakers", "every speaker again") \
	A(BAR_ACCEPT, BAR, "accept", "keep the position, close the bar") \
	A(BAR_CANCEL, BAR, "cancel", "back to where the search started") \
	A(BAR_ERASE, BAR, "erase", "erase a character (or close when empty)") \
	A(BAR_WORD, BAR, "erase-word", "erase a word") \
	A(BAR_CLEAR, BAR, "erase-all", "erase the query") \
	A(BAR_OLDER, BAR, "history-back", "an older search from the history") \
	A(BAR_NEWER, BAR, "history-forward", "a newer search from the history") \
	A(BAR_REGEX, BAR, "regex", "plain text or a regular expression") \
	A(BAR_SCOPE, BAR, "scope", "search all, this section or this speaker") \
	A(HELP, OTHER, "help", "this help") \
	A(TOGGLE_MOUSE, OTHER, "toggle-mouse", "mouse capture on or off (off: the terminal selects text)") \
	A(REDRAW, OTHER, "redraw", "redraw the screen") \
	A(SUSPEND, OTHER, "suspend", "suspend to the shell (fg comes back)") \
	A(QUIT, OTHER, "quit", "quit")

enum keymap_action {
	KEYMAP_NONE,
#define A(id, group, name, help) KEYMAP_##id,
	KEYMAP_ACTIONS
#undef A
	KEYMAP_NACTIONS
};

/* Keys: a character (a code point), or one of these special keys, which
 * the UI translates from the terminal's. */
enum keymap_key {
	KEYMAP_K_DOWN = 0x110000,
	KEYMAP_K_UP,
	KEYMAP_K_LEFT,
	KEYMAP_K_RIGHT,
	KEYMAP_K_PGDN,
	KEYMAP_K_PGUP,
	KEYMAP_K_HOME,
	KEYMAP_K_END,
	KEYMAP_K_ENTER,
	KEYMAP_K_BACKSPACE,
	KEYMAP_K_DELETE,
	KEYMAP_K_F1,
	KEYMAP_K_MOUSE,
	KEYMAP_K_RESIZE
};

#define KEYMAP_CTRL(c)	((c) & 0x1f)
#define KEYMAP_ESC	0x1b

enum keymap_context {
	KEYMAP_READER,		/* the reader and the contents */
	KEYMAP_BAR		/* the search bar */
};

struct keymap_binding {
	int			 key;
	enum keymap_action	 action;
	enum keymap_context	 context;
};

/* The action bound to key in a context, or KEYMAP_NONE. */
enum keymap_action keymap_lookup(int key, enum keymap_context context);

/* The name and help text of an action. */
const char	*keymap_name(enum keymap_action a);
const char	*keymap_help(enum keymap_action a);
enum keymap_group keymap_group(enum keymap_action a);
const char	*keymap_group_title(enum keymap_group g);

/* Writes the keys of action a, like "j, Down, Enter", into buf. */
void		 keymap_keys(enum keymap_action a, char *buf, size_t size);

/* Writes every binding as text (--keys) or as man(7) lines. */
void		 keymap_print(FILE *f, int roff);

#endif
