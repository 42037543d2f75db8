/* keymap.c: the table of key bindings, the names of keys, and the help
 * the table gives (--keys, the man page's KEYS section). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/keymap.h"
#include "lectern/util.h"

#define R KEYMAP_READER
#define L KEYMAP_LIST
#define B KEYMAP_BAR
#define LB KEYMAP_LIB
#define NL KEYMAP_NOTES

struct binding {
	int			 key;
	enum keymap_action	 action;
	enum keymap_context	 context;
};

static const struct binding bindings[] = {
	{ 'j', KEYMAP_LINE_DOWN, R },
	{ KEYMAP_K_DOWN, KEYMAP_LINE_DOWN, R },
	{ '\r', KEYMAP_LINE_DOWN, R },
	{ KEYMAP_K_ENTER, KEYMAP_LINE_DOWN, R },
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
	{ '+', KEYMAP_NEXT_EPISODE, R },
	{ '-', KEYMAP_PREV_EPISODE, R },
	{ 't', KEYMAP_TOGGLE_TOC, R },
	{ '\t', KEYMAP_FOCUS, R },
	{ '\r', KEYMAP_SELECT, L },
	{ KEYMAP_K_ENTER, KEYMAP_SELECT, L },
	{ KEYMAP_ESC, KEYMAP_CLOSE, L },
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
	{ 'L', KEYMAP_LIST_MARKS, R },
	{ 'd', KEYMAP_LIST_DELETE, NL },
	{ 'D', KEYMAP_LIST_CLEAR, NL },
	{ 'a', KEYMAP_LIST_NOTE, NL },
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
	{ KEYMAP_CTRL('L'), KEYMAP_REDRAW, B },
	{ 'h', KEYMAP_HELP, R },
	{ KEYMAP_K_F1, KEYMAP_HELP, R },
	{ 'M', KEYMAP_TOGGLE_MOUSE, R },
	{ KEYMAP_CTRL('L'), KEYMAP_REDRAW, R },
	{ KEYMAP_CTRL('Z'), KEYMAP_SUSPEND, R },
	{ 'q', KEYMAP_QUIT, R },
	{ 'Q', KEYMAP_QUIT, R },
	{ '#', KEYMAP_TOGGLE_TIMES, R },
	{ 'T', KEYMAP_GOTO_TIME, R },
	{ KEYMAP_SEQ(':', 'n'), KEYMAP_NEXT_FILE, R },
	{ KEYMAP_SEQ(':', 'p'), KEYMAP_PREV_FILE, R },
	{ '/', KEYMAP_LIB_FIND, LB },
	{ '&', KEYMAP_LIB_FILTER, LB },
	{ 'o', KEYMAP_LIB_SORT, LB },
	{ 'F', KEYMAP_LIB_SEARCH_ALL, LB },
};

#define NBINDINGS (sizeof bindings / sizeof bindings[0])

/* The user's bindings (map KEY ACTION), over the defaults. */
static struct binding *user;
static size_t nuser, capuser;

static const struct {
	const char		*name;
	const char		*help;
	enum keymap_group	 group;
	unsigned		 flags;
} actions[] = {
	{ "none", "", KEYMAP_G_OTHER, 0 },
#define A(id, group, name, flags, help) \
	{ name, help, KEYMAP_G_##group, flags },
	KEYMAP_ACTIONS
#undef A
};

static const char *group_titles[] = {
#define G(id, title) title,
	KEYMAP_GROUPS
#undef G
};

/* The names of keys, as shown and as read: the first entry of a key is
 * its name; short forms are read too. */
static const struct {
	int		 key;
	const char	*name;
	const char	*alias;
} key_names[] = {
	{ KEYMAP_K_DOWN, "Down", NULL },
	{ KEYMAP_K_UP, "Up", NULL },
	{ KEYMAP_K_LEFT, "Left", NULL },
	{ KEYMAP_K_RIGHT, "Right", NULL },
	{ KEYMAP_K_PGDN, "PageDown", "PgDn" },
	{ KEYMAP_K_PGUP, "PageUp", "PgUp" },
	{ KEYMAP_K_HOME, "Home", NULL },
	{ KEYMAP_K_END, "End", NULL },
	{ '\r', "Enter", "Return" },
	{ KEYMAP_K_ENTER, "Enter", NULL },
	{ 0x7f, "Backspace", "BS" },
	{ KEYMAP_K_BACKSPACE, "Backspace", NULL },
	{ KEYMAP_K_DELETE, "Delete", "Del" },
	{ KEYMAP_K_F1, "F1", NULL },
	{ KEYMAP_K_MOUSE, "Mouse", NULL },
	{ KEYMAP_K_RESIZE, "Resize", NULL },
	{ '\t', "Tab", NULL },
	{ ' ', "Space", NULL },
	{ KEYMAP_ESC, "Esc", "Escape" },
	{ '<', "<", "lt" },
	{ '>', ">", "gt" },
	{ '#', "#", "hash" },
};

#define NKEY_NAMES (sizeof key_names / sizeof key_names[0])

/* The user's binding of key in a context, or NULL. */
static const struct binding *
user_binding(int key, enum keymap_context context)
{
	size_t i;

	for (i = 0; i < nuser; i++)
		if (user[i].key == key && user[i].context == context)
			return &user[i];
	return NULL;
}

/* The binding of key in a context alone (no fallback), or NULL. */
static const struct binding *
binding_in(int key, enum keymap_context context)
{
	const struct binding *u = user_binding(key, context);
	size_t i;

	if (u != NULL)
		return u;
	for (i = 0; i < NBINDINGS; i++)
		if (bindings[i].key == key && bindings[i].context == context)
			return &bindings[i];
	return NULL;
}

/* The context whose bindings come next when a key has none in c. */
static int
fallback(enum keymap_context c)
{
	if (c == KEYMAP_LIB || c == KEYMAP_NOTES)
		return KEYMAP_LIST;
	/* The lists move as the reader does. */
	if (c == KEYMAP_LIST)
		return KEYMAP_READER;
	return -1;
}

enum keymap_action
keymap_lookup(int key, enum keymap_context context)
{
	const struct binding *b;
	int c;

	if (key == '\n')
		key = '\r';
	for (c = (int)context; c >= 0; c = fallback((enum keymap_context)c))
		if ((b = binding_in(key, (enum keymap_context)c)) != NULL)
			return b->action;
	return KEYMAP_NONE;
}

int
keymap_is_prefix(int key, enum keymap_context context)
{
	size_t i;
	int c;

	if (key <= 0x20 || key >= 0x7f || keymap_lookup(key, context) !=
	    KEYMAP_NONE)
		return 0;
	for (c = (int)context; c >= 0; c = fallback((enum keymap_context)c)) {
		for (i = 0; i < nuser; i++)
			if (KEYMAP_IS_SEQ(user[i].key) && user[i].context ==
			    (enum keymap_context)c &&
			    KEYMAP_SEQ_FIRST(user[i].key) == key &&
			    user[i].action != KEYMAP_NONE)
				return 1;
		for (i = 0; i < NBINDINGS; i++)
			if (KEYMAP_IS_SEQ(bindings[i].key) &&
			    bindings[i].context == (enum keymap_context)c &&
			    KEYMAP_SEQ_FIRST(bindings[i].key) == key &&
			    user_binding(bindings[i].key, bindings[i].context) ==
			    NULL)
				return 1;
	}
	return 0;
}

int
keymap_follow(int *prefix, int key, enum keymap_context context)
{
	int first = *prefix;

	if (first != 0) {
		*prefix = 0;
		return key > 0x20 && key < 0x7f ? KEYMAP_SEQ(first, key) : -1;
	}
	if (keymap_is_prefix(key, context)) {
		*prefix = key;
		return -1;
	}
	return key;
}

int
keymap_binding_parse(const char *s, size_t n)
{
	if (n == 2 && s[0] > 0x20 && s[0] < 0x7f && s[1] > 0x20 &&
	    s[1] < 0x7f && keymap_key_parse(s, n) < 0)
		return KEYMAP_SEQ(s[0], s[1]);
	return keymap_key_parse(s, n);
}

int
keymap_action_named(const char *name)
{
	int a;

	for (a = 0; a < KEYMAP_NACTIONS; a++)
		if (strcmp(actions[a].name, name) == 0)
			return a;
	return -1;
}

/* The context a binding of action a goes in. */
static enum keymap_context
context_of(enum keymap_action a)
{
	unsigned f = keymap_flags(a);

	if (f & KEYMAP_IN_BAR)
		return KEYMAP_BAR;
	if (f & KEYMAP_IN_READER)
		return KEYMAP_READER;
	if (f & KEYMAP_IN_LIB)
		return KEYMAP_LIB;
	if (f & KEYMAP_IN_NOTES)
		return KEYMAP_NOTES;
	if (f & (KEYMAP_IN_TOC | KEYMAP_IN_LIST))
		return KEYMAP_LIST;
	return KEYMAP_READER;
}

void
keymap_bind(int key, enum keymap_action a)
{
	enum keymap_context c = context_of(a);
	size_t i;

	if (key == '\n')
		key = '\r';
	for (i = 0; i < nuser; i++)
		if (user[i].key == key && user[i].context == c) {
			user[i].action = a;
			return;
		}
	UTIL_GROW(user, capuser, nuser + 1);
	user[nuser].key = key;
	user[nuser].action = a;
	user[nuser].context = c;
	nuser++;
}

void
keymap_unbind_all(void)
{
	free(user);
	user = NULL;
	nuser = capuser = 0;
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

unsigned
keymap_flags(enum keymap_action a)
{
	return a < KEYMAP_NACTIONS ? actions[a].flags : 0;
}

const char *
keymap_group_title(enum keymap_group g)
{
	return g < KEYMAP_NGROUPS ? group_titles[g] : "";
}

void
keymap_key_name(int key, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < NKEY_NAMES; i++)
		if (key_names[i].key == key) {
			snprintf(buf, size, "%s", key_names[i].name);
			return;
		}
	if (KEYMAP_IS_SEQ(key))
		snprintf(buf, size, "%c%c", KEYMAP_SEQ_FIRST(key),
		    KEYMAP_SEQ_SECOND(key));
	else if (key >= 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (key >= 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
}

int
keymap_key_parse(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < NKEY_NAMES; i++)
		if ((strlen(key_names[i].name) == n &&
		    strncmp(key_names[i].name, s, n) == 0) ||
		    (key_names[i].alias != NULL &&
		    strlen(key_names[i].alias) == n &&
		    strncmp(key_names[i].alias, s, n) == 0))
			return key_names[i].key;
	if (n == 3 && s[0] == 'C' && s[1] == '-' && s[2] > 0x20 &&
	    s[2] < 0x7f)
		return KEYMAP_CTRL(s[2]);
	if (n == 6 && strncmp(s, "Ctrl-", 5) == 0 && s[5] > 0x20 &&
	    s[5] < 0x7f)
		return KEYMAP_CTRL(s[5]);
	if (n == 1 && (unsigned char)s[0] > 0x20 && (unsigned char)s[0] < 0x7f)
		return (unsigned char)s[0];
	return -1;
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

/* Appends the name of key to the list in buf (of len bytes). */
static size_t
add_key(char *buf, size_t size, size_t len, int key)
{
	char name[32];

	if (len >= size)
		return len;
	keymap_key_name(key, name, sizeof name);
	if (has_item(buf, name))
		return len;
	len += (size_t)snprintf(buf + len, size - len, "%s%s",
	    len > 0 && buf[len - 1] != ' ' ? ", " : "", name);
	return len < size ? len : size - 1;
}

/* The keys of action a into buf: the defaults that are not rebound,
 * then, with users, the user's bindings. */
static void
keys_of(enum keymap_action a, char *buf, size_t size, int users)
{
	size_t i, len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	if (keymap_flags(a) & (KEYMAP_F_COUNT | KEYMAP_F_REPEAT))
		len = (size_t)snprintf(buf, size, "[N] ");
	for (i = 0; i < NBINDINGS; i++)
		if (bindings[i].action == a && (!users ||
		    user_binding(bindings[i].key, bindings[i].context) ==
		    NULL))
			len = add_key(buf, size, len, bindings[i].key);
	for (i = 0; users && i < nuser; i++)
		if (user[i].action == a)
			len = add_key(buf, size, len, user[i].key);
}

void
keymap_keys(enum keymap_action a, char *buf, size_t size)
{
	keys_of(a, buf, size, 1);
}

char *
keymap_describe(enum keymap_action a)
{
	if ((keymap_flags(a) & KEYMAP_F_JUMP) &&
	    strstr(keymap_help(a), "''") == NULL)
		return xasprintf("%s; '' comes back", keymap_help(a));
	return xstrdup(keymap_help(a));
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
	char keys[128], *text;
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
			keys_of((enum keymap_action)a, keys, sizeof keys, !roff);
			text = keymap_describe((enum keymap_action)a);
			if (roff) {
				fputs(".TP\n.B ", f);
				roff_escape(f, keys);
				fputc('\n', f);
				roff_escape(f, text);
				fputs(" (\\fI", f);
				roff_escape(f, actions[a].name);
				fputs("\\fR).\n", f);
			} else
				fprintf(f, "  %-28s %-16s %s\n", keys,
				    actions[a].name, text);
			free(text);
		}
	}
}
