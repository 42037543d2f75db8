/* keymap.h: the one table of actions, their keys, help texts and
 * properties. It drives key dispatch, the help overlay, --keys and the man
 * page's KEYS section. */
#ifndef LECTERN_KEYMAP_H
#define LECTERN_KEYMAP_H

#include <stddef.h>
#include <stdio.h>

/* Groups of actions, in the order the help shows them. */
#define KEYMAP_GROUPS \
	G(MOVE, "Moving") \
	G(JUMP, "Sections and turns") \
	G(PANES, "Panes") \
	G(SEARCH, "Searching") \
	G(NOTES, "Paragraphs, highlights and marks") \
	G(BAR, "In the search bar") \
	G(OTHER, "Other") \
	G(FILES, "Files and the library")

enum keymap_group {
#define G(id, title) KEYMAP_G_##id,
	KEYMAP_GROUPS
#undef G
	KEYMAP_NGROUPS
};

/* Where an action works: the panes and overlays that take it. A pane that
 * has the keys passes on what it does not take (the contents to the
 * reader); an overlay closes. */
#define KEYMAP_IN_READER 0x001	/* the reader */
#define KEYMAP_IN_TOC	 0x002	/* the contents, beside or over the text */
#define KEYMAP_IN_LIST	 0x004	/* the lists of highlights and speakers */
#define KEYMAP_IN_HELP	 0x008	/* the help */
#define KEYMAP_IN_BAR	 0x010	/* the search bar */
#define KEYMAP_IN_LIB	 0x020	/* the library's list of documents */
#define KEYMAP_IN_NOTES	 0x040	/* the lists of highlights and of marks */
#define KEYMAP_IN_VIEWS	 (KEYMAP_IN_READER | KEYMAP_IN_TOC)
#define KEYMAP_IN_MOVE	 (KEYMAP_IN_VIEWS | KEYMAP_IN_LIST | KEYMAP_IN_HELP)

/* What an action does besides. */
#define KEYMAP_F_JUMP	 0x100	/* records a jump: '' comes back */
#define KEYMAP_F_KEEP	 0x200	/* places the paragraph cursor itself */
#define KEYMAP_F_COUNT	 0x400	/* a count N is its argument */
#define KEYMAP_F_REPEAT	 0x800	/* a count N repeats it */

/* Actions: id, group, name (for --keys and remapping), where it works
 * and what else it does, and the help text. */
#define KEYMAP_ACTIONS \
	A(LINE_DOWN, MOVE, "line-down", KEYMAP_IN_MOVE | KEYMAP_F_COUNT, \
	    "one line down") \
	A(LINE_UP, MOVE, "line-up", KEYMAP_IN_MOVE | KEYMAP_F_COUNT, \
	    "one line up") \
	A(PAGE_DOWN, MOVE, "page-down", KEYMAP_IN_MOVE | KEYMAP_F_COUNT, \
	    "one page down") \
	A(PAGE_UP, MOVE, "page-up", KEYMAP_IN_MOVE | KEYMAP_F_COUNT, \
	    "one page up") \
	A(HALF_DOWN, MOVE, "half-down", KEYMAP_IN_MOVE | KEYMAP_F_COUNT, \
	    "half a page down") \
	A(HALF_UP, MOVE, "half-up", KEYMAP_IN_MOVE | KEYMAP_F_COUNT, \
	    "half a page up") \
	A(TOP, MOVE, "top", KEYMAP_IN_MOVE | KEYMAP_F_JUMP | KEYMAP_F_COUNT, \
	    "the top (with a count N: line N)") \
	A(END, MOVE, "end", KEYMAP_IN_MOVE | KEYMAP_F_JUMP | KEYMAP_F_COUNT, \
	    "the end (with a count N: line N)") \
	A(PERCENT, MOVE, "percent", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_COUNT, \
	    "N% of the way through (count N)") \
	A(NEXT_SECTION, JUMP, "next-section", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_REPEAT, \
	    "next section, its heading at the top") \
	A(PREV_SECTION, JUMP, "prev-section", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_REPEAT, \
	    "previous section") \
	A(NEXT_TURN, JUMP, "next-turn", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_REPEAT, \
	    "next speaker turn") \
	A(PREV_TURN, JUMP, "prev-turn", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_REPEAT, \
	    "previous speaker turn") \
	A(NEXT_EPISODE, JUMP, "next-episode", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_REPEAT, \
	    "next episode of an archive (several transcripts in one file)") \
	A(PREV_EPISODE, JUMP, "prev-episode", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_REPEAT, \
	    "previous episode of an archive") \
	A(TOGGLE_TOC, PANES, "toggle-toc", KEYMAP_IN_VIEWS, \
	    "show or hide the table of contents") \
	A(FOCUS, PANES, "focus", KEYMAP_IN_VIEWS, \
	    "move the focus to the contents and back to the text") \
	A(SELECT, PANES, "select", \
	    KEYMAP_IN_TOC | KEYMAP_IN_LIST | KEYMAP_F_JUMP, \
	    "in the contents and lists: go to the selected entry") \
	A(CLOSE, PANES, "close", \
	    KEYMAP_IN_TOC | KEYMAP_IN_LIST | KEYMAP_IN_HELP, \
	    "close the contents, a list or the help; the text has the keys") \
	A(SEARCH_FWD, SEARCH, "search", KEYMAP_IN_VIEWS | KEYMAP_F_JUMP, \
	    "search forward as you type") \
	A(SEARCH_BACK, SEARCH, "search-back", KEYMAP_IN_VIEWS | KEYMAP_F_JUMP, \
	    "search backward as you type") \
	A(SEARCH_NEXT, SEARCH, "search-next", \
	    KEYMAP_IN_VIEWS | KEYMAP_IN_LIB | KEYMAP_F_JUMP | KEYMAP_F_KEEP | \
	    KEYMAP_F_REPEAT, "next match (wraps around)") \
	A(SEARCH_PREV, SEARCH, "search-prev", \
	    KEYMAP_IN_VIEWS | KEYMAP_IN_LIB | KEYMAP_F_JUMP | KEYMAP_F_KEEP | \
	    KEYMAP_F_REPEAT, "previous match (wraps around)") \
	A(CURSOR_DOWN, NOTES, "cursor-down", \
	    KEYMAP_IN_READER | KEYMAP_F_KEEP | KEYMAP_F_REPEAT, \
	    "the paragraph cursor to the next paragraph") \
	A(CURSOR_UP, NOTES, "cursor-up", \
	    KEYMAP_IN_READER | KEYMAP_F_KEEP | KEYMAP_F_REPEAT, \
	    "the paragraph cursor to the previous paragraph") \
	A(TOGGLE_HL, NOTES, "highlight", KEYMAP_IN_READER | KEYMAP_F_KEEP, \
	    "highlight the cursor's paragraph, or not") \
	A(NEXT_HL, NOTES, "next-highlight", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_KEEP | KEYMAP_F_REPEAT, \
	    "next highlight (the document's or yours)") \
	A(PREV_HL, NOTES, "prev-highlight", \
	    KEYMAP_IN_READER | KEYMAP_F_JUMP | KEYMAP_F_KEEP | KEYMAP_F_REPEAT, \
	    "previous highlight") \
	A(LIST_HL, NOTES, "highlights", KEYMAP_IN_VIEWS, \
	    "a list of all highlights (Enter goes there)") \
	A(SET_MARK, NOTES, "mark", KEYMAP_IN_READER | KEYMAP_F_KEEP, \
	    "m and a letter: mark the place") \
	A(GOTO_MARK, NOTES, "goto-mark", KEYMAP_IN_READER | KEYMAP_F_JUMP, \
	    "' and a letter: back to a mark; '' to before the last jump") \
	A(LIST_MARKS, NOTES, "marks", KEYMAP_IN_VIEWS, \
	    "a list of your marks (Enter goes there)") \
	A(LIST_DELETE, NOTES, "delete", KEYMAP_IN_NOTES, \
	    "in the lists of highlights and marks: delete the selected " \
	    "one of yours") \
	A(LIST_CLEAR, NOTES, "clear-highlights", KEYMAP_IN_NOTES, \
	    "in the list of highlights: clear all of yours, once y " \
	    "confirms") \
	A(LIST_NOTE, NOTES, "note", KEYMAP_IN_NOTES, \
	    "in the list of highlights: type a note on the selected one " \
	    "(Enter keeps it, Esc does not)") \
	A(COPY, NOTES, "copy", KEYMAP_IN_READER | KEYMAP_F_KEEP, \
	    "copy the cursor's paragraph, attributed (OSC 52)") \
	A(SPEAKERS, NOTES, "speakers", KEYMAP_IN_VIEWS, \
	    "speakers: choose one to read only their turns") \
	A(ALL_SPEAKERS, NOTES, "all-speakers", KEYMAP_IN_VIEWS, \
	    "every speaker again") \
	A(BAR_ACCEPT, BAR, "accept", KEYMAP_IN_BAR, \
	    "keep the position, close the bar (empty: the last search again)") \
	A(BAR_CANCEL, BAR, "cancel", KEYMAP_IN_BAR, \
	    "back to where the search started") \
	A(BAR_ERASE, BAR, "erase", KEYMAP_IN_BAR, \
	    "erase a character (or close when empty)") \
	A(BAR_WORD, BAR, "erase-word", KEYMAP_IN_BAR, \
	    "erase a word") \
	A(BAR_CLEAR, BAR, "erase-all", KEYMAP_IN_BAR, \
	    "erase the query") \
	A(BAR_OLDER, BAR, "history-back", KEYMAP_IN_BAR, \
	    "an older search from the history") \
	A(BAR_NEWER, BAR, "history-forward", KEYMAP_IN_BAR, \
	    "a newer search from the history") \
	A(BAR_REGEX, BAR, "regex", KEYMAP_IN_BAR, \
	    "plain text or a regular expression") \
	A(BAR_SCOPE, BAR, "scope", KEYMAP_IN_BAR, \
	    "search all, this section or this speaker") \
	A(HELP, OTHER, "help", KEYMAP_IN_VIEWS, \
	    "this help") \
	A(TOGGLE_MOUSE, OTHER, "toggle-mouse", KEYMAP_IN_VIEWS, \
	    "mouse capture on or off (off: the terminal selects text)") \
	A(REDRAW, OTHER, "redraw", \
	    KEYMAP_IN_VIEWS | KEYMAP_IN_LIST | KEYMAP_IN_HELP | KEYMAP_IN_BAR, \
	    "redraw the screen") \
	A(SUSPEND, OTHER, "suspend", KEYMAP_IN_VIEWS, \
	    "suspend to the shell (fg comes back)") \
	A(QUIT, OTHER, "quit", KEYMAP_IN_VIEWS, \
	    "quit (in a document opened from the library: back to the list)") \
	A(TOGGLE_TIMES, PANES, "toggle-times", KEYMAP_IN_VIEWS, \
	    "show or hide the times of turns, paragraphs and chapters") \
	A(GOTO_TIME, MOVE, "goto-time", KEYMAP_IN_VIEWS | KEYMAP_F_JUMP | \
	    KEYMAP_F_COUNT | KEYMAP_F_KEEP, \
	    "go to a time typed in a bar: 1:23:45, 83:10, 83m, 1h2m " \
	    "(with a count N: minute N)") \
	A(NEXT_FILE, FILES, "next-file", KEYMAP_IN_VIEWS, \
	    "the next file (of the command line or the library's list)") \
	A(PREV_FILE, FILES, "prev-file", KEYMAP_IN_VIEWS, \
	    "the previous file") \
	A(LIB_FIND, FILES, "find-document", KEYMAP_IN_LIB, \
	    "in the library: find a document by title or speaker as you " \
	    "type (n, N: the next, the previous)") \
	A(LIB_FILTER, FILES, "filter", KEYMAP_IN_LIB, \
	    "in the library: show only the documents that match, as you " \
	    "type (Esc: all again)") \
	A(LIB_SORT, FILES, "sort", KEYMAP_IN_LIB, \
	    "in the library: sort by name, date or progress, in turn") \
	A(LIB_SEARCH_ALL, FILES, "search-all", KEYMAP_IN_LIB, \
	    "in the library: search the text of every document; the " \
	    "matches by document, Enter opens one there")

enum keymap_action {
	KEYMAP_NONE,
#define A(id, group, name, flags, help) KEYMAP_##id,
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

/* Two printable ASCII keys typed one after the other, as less's :n. */
#define KEYMAP_SEQ(a, b)	(0x1000000 | (a) << 8 | (b))
#define KEYMAP_IS_SEQ(k)	(((k) & 0x1000000) != 0)
#define KEYMAP_SEQ_FIRST(k)	((k) >> 8 & 0x7f)
#define KEYMAP_SEQ_SECOND(k)	((k) & 0x7f)

/* The sets of bindings: a key means one thing in each. */
enum keymap_context {
	KEYMAP_READER,		/* the reader */
	KEYMAP_LIST,		/* the contents, lists and help: these first,
				   then the reader's */
	KEYMAP_BAR,		/* the search bar */
	KEYMAP_LIB,		/* the library's list: these first, then the
				   lists' */
	KEYMAP_NOTES		/* the lists of highlights and marks: these
				   first, then the lists' */
};

/* The action bound to key in a context, or KEYMAP_NONE. */
enum keymap_action keymap_lookup(int key, enum keymap_context context);

/* The help text, group and properties (KEYMAP_IN_*, KEYMAP_F_*) of an
 * action. */
const char	*keymap_help(enum keymap_action a);
enum keymap_group keymap_group(enum keymap_action a);
unsigned	 keymap_flags(enum keymap_action a);
const char	*keymap_group_title(enum keymap_group g);

/* Writes the keys of action a, like "j, Down, Enter", into buf; "[N] "
 * before them when a count goes with it. */
void		 keymap_keys(enum keymap_action a, char *buf, size_t size);

/* The text the help gives an action: its help and, for a jump, how to
 * come back. Caller frees. */
char		*keymap_describe(enum keymap_action a);

/* The printable name of a key ("Enter", "Ctrl-W", "j"). */
void		 keymap_key_name(int key, char *buf, size_t size);

/* The key named by n bytes of s: a name as keymap_key_name gives it, one
 * of its short forms (PgDn, BS, C-w), or a character. Returns -1 for
 * none. */
int		 keymap_key_parse(const char *s, size_t n);

/* Writes every binding as text (--keys) or as man(7) lines; the man
 * page's lines are the defaults, without the user's bindings. */
void		 keymap_print(FILE *f, int roff);

/* True when key starts a sequence of two keys (as : starts :n) in a
 * context, and is bound to nothing alone there. */
int		 keymap_is_prefix(int key, enum keymap_context context);

/* Follows sequences of two keys: returns the key to act on (key, or
 * the sequence it ends), or -1 when key starts a sequence (kept in
 * *prefix, 0 when none is begun) or ends none. */
int		 keymap_follow(int *prefix, int key,
		    enum keymap_context context);

/* The key or sequence named by n bytes of s: what keymap_key_parse
 * reads, or two printable characters (":n"). Returns -1 for none. */
int		 keymap_binding_parse(const char *s, size_t n);

/* The action of that name (as --keys prints it; "none" is KEYMAP_NONE),
 * or -1. */
int		 keymap_action_named(const char *name);

/* Binds key to action where the action works (the reader, the lists,
 * the library or the search bar), over the default binding of the key
 * there; KEYMAP_NONE unbinds it. The help and --keys show the result. */
void		 keymap_bind(int key, enum keymap_action a);

/* Forgets the bindings keymap_bind made. */
void		 keymap_unbind_all(void);

#endif
