/* keymap.c: the table of key bindings. */
#include <stdio.h>
#include <string.h>

#include "lectern/keymap.h"

#define R KEYMAP_READER
#define B KEYMAP_BAR

static const struct keymap_binding bindings[] = {
	{ 'j', KEYMAP_LINE_DOWN, R },
	{ KEYMAP_K_DOWN, KEYMAP_LINE_DOWN, R },
	{ '\r', KEYMAP_LINE_DOWN, R },
	{ KEYMAP_CTRL('E'), KEYMAP_LINE_DOWN, R },
	{ KEYMAP_CTRL('N'), KEYMAP_LINE_DOWN, R },
	{ 'k', KEYMAP_LINE_UP, R },
	{ KEYMAP_K_UP, KEYMAP_LINE_UP, R },
	{ KEYMAP_CTRL('Y'), KEYMAP_LINE_UP, R },
	{ KEYMAP_CTRL('P'), KEYMAP_LINE_UP, R },
	{ ' ', KEYMAP_PAGE_DOWN, R },
	{ 'f', KEYMAP_PAGE_DOWN, R },
	{ KEYMAP_K_PGDN, KEYMAP_PAGE_DOWN, R },
	{ KEYMAP_CTRL('F'), KEYMAP_PAGE_DOWN, R },
	{ 'b', KEYMAP_PAGE_UP, R },
	{ KEYMAP_K_PGUP, KEYMAP_PAGE_UP, R },
	{ KEYMAP_CTRL('B'), KEYMAP_PAGE_UP, R },
	{ 'd', KEYMAP_HALF_DOWN, R },
	{ KEYMAP_CTRL('D'), KEYMAP_HALF_DOWN, R },
	{ 'u', KEYMAP_HALF_UP, R },
	{ KEYMAP_CTRL('U'), KEYMAP_HALF_UP, R },
	{ 'g', KEYMAP_TOP, R },
	{ KEYMAP_K_HOME, KEYMAP_TOP, R },
	{ '<', KEYMAP_TOP, R },
	{ 'G', KEYMAP_END, R },
	{ KEYMAP_K_END, KEYMAP_END, R },
	{ '>', KEYMAP_END, R },
	{ '%', KEYMAP_PERCENT, R },
	{ 'p', KEYMAP_PERCENT, R },
	{ ']', KEYMAP_NEXT_SECTION, R },
	{ '[', KEYMAP_PREV_SECTION, R },
	{ '}', KEYMAP_NEXT_TURN, R },
	{ '{', KEYMAP_PREV_TURN, R },
	{ 't', KEYMAP_TOGGLE_TOC, R },
	{ '\t', KEYMAP_FOCUS, R },
	{ KEYMAP_K_ENTER, KEYMAP_SELECT, R },
	{ '/', KEYMAP_SEARCH_FWD, R },
	{ '?', KEYMAP_SEARCH_BACK, R },
	{ 'n', KEYMAP_SEARCH_NEXT, R },
	{ 'N', KEYMAP_SEARCH_PREV, R },
	{ 'J', KEYMAP_CURSOR_DOWN, R },
	{ 'K', KEYMAP_CURSOR_UP, R },
	{ '*', KEYMAP_TOGGLE_HL, R },
	{ ')', KEYMAP_NEXT_HL, R },
	{ '(', KEYMAP_PREV_HL, R },
	{ 'H', KEYMAP_LIST_HL, R },
	{ 'm', KEYMAP_SET_MARK, R },
	{ '\'', KEYMAP_GOTO_MARK, R },
	{ 'y', KEYMAP_COPY, R },
	{ 's', KEYMAP_SPEAKERS, R },
	{ 'S', KEYMAP_ALL_SPEAKERS, R },
	{ '\r', KEYMAP_BAR_ACCEPT, B },
	{ KEYMAP_K_ENTER, KEYMAP_BAR_ACCEPT, B },
	{ KEYMAP_ESC, KEYMAP_BAR_CANCEL, B },
	{ KEYMAP_CTRL('C'), KEYMAP_BAR_CANCEL, B },
	{ KEYMAP_CTRL('G'), KEYMAP_BAR_CANCEL, B },
	{ KEYMAP_K_BACKSPACE, KEYMAP_BAR_ERASE, B },
	{ 0x7f, KEYMAP_BAR_ERASE, B },
	{ KEYMAP_CTRL('H'), KEYMAP_BAR_ERASE, B },
	{ KEYMAP_CTRL('W'), KEYMAP_BAR_WORD, B },
	{ KEYMAP_CTRL('U'), KEYMAP_BAR_CLEAR, B },
	{ KEYMAP_K_UP, KEYMAP_BAR_OLDER, B },
	{ KEYMAP_CTRL('P'), KEYMAP_BAR_OLDER, B },
	{ KEYMAP_K_DOWN, KEYMAP_BAR_NEWER, B },
	{ KEYMAP_CTRL('N'), KEYMAP_BAR_NEWER, B },
	{ KEYMAP_CTRL('R'), KEYMAP_BAR_REGEX, B },
	{ '\t', KEYMAP_BAR_SCOPE, B },
	{ 'h', KEYMAP_HELP, R },
	{ KEYMAP_K_F1, KEYMAP_HELP, R },
	{ 'M', KEYMAP_TOGGLE_MOUSE, R },
	{ KEYMAP_CTRL('L'), KEYMAP_REDRAW, R },
	{ KEYMAP_CTRL('Z'), KEYMAP_SUSPEND, R },
	{ 'q', KEYMAP_QUIT, R },
	{ 'Q', KEYMAP_QUIT, R },
};

static const struct {
	const char		*name;
	const char		*help;
	enum keymap_group	 group;
} actions[] = {
	{ "none", "", KEYMAP_G_OTHER },
#define A(id, group, name, help) { name, help, KEYMAP_G_##group },
	KEYMAP_ACTIONS
#undef A
};

static const char *group_titles[] = {
#define G(id, title) title,
	KEYMAP_GROUPS
#undef G
};

enum keymap_action
keymap_lookup(int key, enum keymap_context context)
{
	size_t i;

	if (key == '\n')
		key = '\r';
	for (i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].key == key && bindings[i].context == context)
			return bindings[i].action;
	return KEYMAP_NONE;
}

const char *
keymap_name(enum keymap_action a)
{
	return a < KEYMAP_NACTIONS ? actions[a].name : "?";
}

const char *
keymap_help(enum keymap_action a)
{
	return a < KEYMAP_NACTIONS ? actions[a].help : "";
}

enum keymap_group
keymap_group(enum keymap_action a)
{
	return a < KEYMAP_NACTIONS ? actions[a].group : KEYMAP_G_OTHER;
}

const char *
keymap_group_title(enum keymap_group g)
{
	return g < KEYMAP_NGROUPS ? group_titles[g] : "";
}

/* The printable name of a key. */
static void
key_name(int key, char *buf, size_t size)
{
	static const char *special[] = {
		"Down", "Up", "Left", "Right", "PageDown", "PageUp", "Home",
		"End", "Enter", "Backspace", "Delete", "F1", "Mouse", "Resize"
	};

	if (key >= KEYMAP_K_DOWN && key <= KEYMAP_K_RESIZE)
		snprintf(buf, size, "%s", special[key - KEYMAP_K_DOWN]);
	else if (key == '\r')
		snprintf(buf, size, "Enter");
	else if (key == '\t')
		snprintf(buf, size, "Tab");
	else if (key == ' ')
		snprintf(buf, size, "Space");
	else if (key == KEYMAP_ESC)
		snprintf(buf, size, "Esc");
	else if (key == 0x7f)
		snprintf(buf, size, "Backspace");
	else if (key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else
		snprintf(buf, size, "%c", key);
}

/* True when the list "a, b, c" has the item name. */
static int
has_item(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = list; (p = strstr(p, name)) != NULL; p++)
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

void
keymap_keys(enum keymap_action a, char *buf, size_t size)
{
	size_t i, len = 0;
	char name[32];

	if (size > 0)
		buf[0] = '\0';
	for (i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		if (bindings[i].action != a)
			continue;
		key_name(bindings[i].key, name, sizeof name);
		if (has_item(buf, name))
			continue;
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
		    "%s%s", len > 0 ? ", " : "", name);
		if (len >= size)
			break;
	}
}

/* Writes s with roff's special characters escaped (and a leading dot or
 * quote made text). */
static void
roff_escape(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

void
keymap_print(FILE *f, int roff)
{
	char keys[128];
	int g, a;

	for (g = 0; g < KEYMAP_NGROUPS; g++) {
		if (roff) {
			fputs(".SS ", f);
			roff_escape(f, group_titles[g]);
			fputc('\n', f);
		} else
			fprintf(f, "%s%s\n", g > 0 ? "\n" : "", group_titles[g]);
		for (a = 1; a < KEYMAP_NACTIONS; a++) {
			if (actions[a].group != (enum keymap_group)g)
				continue;
			keymap_keys((enum keymap_action)a, keys, sizeof keys);
			if (roff) {
				fputs(".TP\n.B ", f);
				roff_escape(f, keys);
				fputc('\n', f);
				roff_escape(f, actions[a].help);
				fputs(".\n", f);
			} else
				fprintf(f, "  %-28s %s\n", keys, actions[a].help);
		}
	}
}
