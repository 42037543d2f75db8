/* options.c: the options, from the configuration file, then LECTERN,
 * then the command line; one table of options for the three. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/options.h"
#include "lectern/render.h"
#include "lectern/state.h"
#include "lectern/util.h"

#ifndef LECTERN_VERSION
#define LECTERN_VERSION "0.1"
#endif

/* The options of the modes, for messages. */
static const char *mode_names[] = {
	"", "--dump", "--outline", "--speakers", "--blocks", "--count",
	"--grep", "--export-highlights"
};

static const char usage_text[] =
"Usage: lectern [OPTION]... [+/PATTERN|+N] [FILE|DIR|-]...\n"
"Read long interviews and podcast transcripts in the terminal.\n"
"With no FILE, read standard input when it is not a terminal, or else the\n"
"library (--library), or else the bundled interview (Jan Leike on the\n"
"80,000 Hours Podcast). A folder (DIR) is a library: a list of the\n"
"transcripts in it, with their titles, speakers, length and your progress.\n"
"\n"
"Modes (without one, lectern opens the reader, or dumps when standard\n"
"output is not a terminal); with several files, each line starts with the\n"
"file's name (--dump, --blocks and --export-highlights put a ==> FILE <==\n"
"line before each), and a folder stands for the transcripts in it:\n"
"      --dump[=WIDTH]     print the document laid out at WIDTH columns\n"
"      --outline          print the section tree\n"
"      --speakers         print NAME<TAB>TURNS<TAB>WORDS for each speaker\n"
"      --blocks           print what the parser made of each block\n"
"      --count=QUERY      print the number of matches of QUERY (and a total)\n"
"      --grep=QUERY       print each match with its section and speaker\n"
"      --export-highlights  print your highlights as Markdown quotes\n"
"\n"
"Search options (for the modes above and the reader's search bar):\n"
"  -E, --regex            QUERY is a POSIX extended regular expression\n"
"Searches ignore case unless the query has a capital letter, ignore\n"
"diacritics unless it has one, and take ' \" - ... and spaces to match\n"
"their typographic forms (a query with an en or em dash matches only that\n"
"dash). A regular expression is matched against the folded text: it\n"
"always ignores case and diacritics.\n"
"\n"
"Where the reader opens (instead of the place you left):\n"
"  +/PATTERN, --search=PATTERN  at the first match, highlighted\n"
"  +N                     at line N (+G: at the end)\n"
"      --at=TIME          at a time: 1:23:45, 83:10, 83m or seconds\n"
"      --section=TEXT     at the first section whose title has TEXT\n"
"      --top              at the top\n"
"\n"
"Reader options:\n"
"      --no-toc           start with the table of contents hidden\n"
"      --toc-width=COLS|auto  the width of the contents beside the text;\n"
"                         auto (the default): a quarter of the terminal, or\n"
"                         as wide as the headings need where the text leaves\n"
"                         room, within 40%\n"
"      --center           centre the text in its pane when it is narrower\n"
"      --no-mouse         leave the mouse to the terminal (text selection)\n"
"      --palette=dark|light  colours for a dark or a light background\n"
"                         (NO_COLOR in the environment turns colour off)\n"
"      --no-osc52         y does not copy through the terminal (OSC 52)\n"
"      --no-times         no times of turns and chapters in the reader (#\n"
"                         shows them), --dump, --grep, --export-highlights\n"
"      --library=DIR      the library lectern opens when no file is named\n"
"      --toc, --mouse, --osc52, --times, --no-center, --no-regex, --no-top\n"
"                         undo an option of the configuration file\n"
"\n"
"Options are read from $XDG_CONFIG_HOME/lectern/config (one a line, as\n"
"above, with or without the --; # comments; map KEY ACTION binds a key to\n"
"an action of --keys), then from LECTERN in the environment, then from the\n"
"command line: the later wins.\n"
"\n"
"Other options:\n"
"      --keys             list the reader's keys and exit\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Keys in the reader: press h or F1. Full manual: man lectern.\n";

#define CONFIG_MAX	(1u << 20)	/* the most a configuration file holds */

/* Option codes past the characters. */
enum {
	O_DUMP = 256, O_OUTLINE, O_SPEAKERS, O_BLOCKS, O_COUNT, O_GREP,
	O_EXPORT, O_TOP, O_NO_TOP, O_NO_OSC52, O_OSC52, O_NO_TOC, O_TOC,
	O_TOC_WIDTH, O_CENTER, O_NO_CENTER, O_NO_MOUSE, O_MOUSE, O_PALETTE,
	O_KEYS, O_NO_REGEX, O_SEARCH, O_AT, O_SECTION, O_LIBRARY,
	O_NO_TIMES, O_TIMES
};

static const struct option longopts[] = {
	{ "dump", optional_argument, NULL, O_DUMP },
	{ "outline", no_argument, NULL, O_OUTLINE },
	{ "speakers", no_argument, NULL, O_SPEAKERS },
	{ "blocks", no_argument, NULL, O_BLOCKS },
	{ "count", required_argument, NULL, O_COUNT },
	{ "grep", required_argument, NULL, O_GREP },
	{ "regex", no_argument, NULL, 'E' },
	{ "no-regex", no_argument, NULL, O_NO_REGEX },
	{ "export-highlights", no_argument, NULL, O_EXPORT },
	{ "top", no_argument, NULL, O_TOP },
	{ "no-top", no_argument, NULL, O_NO_TOP },
	{ "no-osc52", no_argument, NULL, O_NO_OSC52 },
	{ "osc52", no_argument, NULL, O_OSC52 },
	{ "no-times", no_argument, NULL, O_NO_TIMES },
	{ "times", no_argument, NULL, O_TIMES },
	{ "no-toc", no_argument, NULL, O_NO_TOC },
	{ "toc", no_argument, NULL, O_TOC },
	{ "toc-width", required_argument, NULL, O_TOC_WIDTH },
	{ "center", no_argument, NULL, O_CENTER },
	{ "no-center", no_argument, NULL, O_NO_CENTER },
	{ "no-mouse", no_argument, NULL, O_NO_MOUSE },
	{ "mouse", no_argument, NULL, O_MOUSE },
	{ "palette", required_argument, NULL, O_PALETTE },
	{ "search", required_argument, NULL, O_SEARCH },
	{ "at", required_argument, NULL, O_AT },
	{ "section", required_argument, NULL, O_SECTION },
	{ "library", required_argument, NULL, O_LIBRARY },
	{ "keys", optional_argument, NULL, O_KEYS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

const char *
options_mode_name(enum options_mode m)
{
	return mode_names[m];
}

/* Prints a one-line usage error and exits 2. */
static void usage_error(const char *, ...) UTIL_PRINTF(1, 2) UTIL_NORETURN;

static void
usage_error(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("lectern: ", stderr);
	render_safe(stderr, (const unsigned char *)msg, strlen(msg));
	fputs(" (try 'lectern --help')\n", stderr);
	free(msg);
	exit(2);
}

/* Prints what --help, --version or --keys ask for and exits. */
static void UTIL_NORETURN
print_and_exit(int c, const char *arg)
{
	switch (c) {
	case O_KEYS:
		/* --keys=man writes the man page's KEYS section. */
		keymap_print(stdout, arg != NULL && strcmp(arg, "man") == 0);
		break;
	case 'h':
		fputs(usage_text, stdout);
		break;
	default:
		printf("lectern %s\n", LECTERN_VERSION);
		break;
	}
	exit(fflush(stdout) == 0 ? 0 : 2);
}

/* A number from arg within lo and hi; -1 when it is not one. */
static long
number(const char *arg, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < lo || v > hi)
		return -1;
	return v;
}

/* Sets the mode; a second one is an error. Returns the error or NULL. */
static char *
set_mode(struct options *o, enum options_mode m)
{
	if (o->mode == m)
		return xasprintf("%s given twice", mode_names[m]);
	if (o->mode != OPTIONS_READ)
		return xasprintf("%s and %s are two modes: give one",
		    mode_names[o->mode], mode_names[m]);
	o->mode = m;
	return NULL;
}

/* Keeps a string for the options to point into until options_free. */
static const char *
keep(struct options *o, const char *s, size_t n)
{
	char *k = xstrndup(s, n);

	o->kept = xreallocarray(o->kept, o->nkept + 1, sizeof *o->kept);
	o->kept[o->nkept++] = k;
	return k;
}

/*
 * Applies option c with its argument (or NULL) to o. Returns NULL, or
 * what is wrong (caller frees). A mode, --help, --version and --keys are
 * only for the command line.
 */
static char *
apply(struct options *o, int c, const char *arg, int cmdline)
{
	struct ui_options *u = &o->ui;
	uint32_t ms;
	long v;

	if (!cmdline && c >= O_DUMP && c <= O_EXPORT)
		return xasprintf("a mode is for the command line only");
	if (!cmdline && (c == O_KEYS || c == 'h' || c == 'V'))
		return xasprintf("for the command line only");
	switch (c) {
	case O_DUMP:
		if (arg != NULL && (o->width = (int)number(arg, 1, 10000)) < 0)
			return xasprintf("bad width for --dump: '%s'", arg);
		return set_mode(o, OPTIONS_DUMP);
	case O_OUTLINE:
		return set_mode(o, OPTIONS_OUTLINE);
	case O_SPEAKERS:
		return set_mode(o, OPTIONS_SPEAKERS);
	case O_BLOCKS:
		return set_mode(o, OPTIONS_BLOCKS);
	case O_COUNT:
	case O_GREP:
		o->query = arg;
		return set_mode(o, c == O_COUNT ? OPTIONS_COUNT : OPTIONS_GREP);
	case O_EXPORT:
		return set_mode(o, OPTIONS_EXPORT);
	case 'E':
	case O_NO_REGEX:
		u->regex = c == 'E';
		break;
	case O_TOP:
	case O_NO_TOP:
		u->top = c == O_TOP;
		break;
	case O_NO_OSC52:
	case O_OSC52:
		u->osc52 = c == O_OSC52;
		break;
	case O_NO_TIMES:
	case O_TIMES:
		u->times = c == O_TIMES;
		break;
	case O_NO_TOC:
	case O_TOC:
		u->toc = c == O_TOC;
		break;
	case O_TOC_WIDTH:
		if (strcmp(arg, "auto") == 0)
			u->toc_width = UI_TOC_AUTO;
		else if ((v = number(arg, 1, 1000)) < 0)
			return xasprintf("bad width for --toc-width: '%s' "
			    "(columns, or auto)", arg);
		else
			u->toc_width = (int)v;
		break;
	case O_CENTER:
	case O_NO_CENTER:
		u->center = c == O_CENTER;
		break;
	case O_NO_MOUSE:
	case O_MOUSE:
		u->mouse = c == O_MOUSE;
		break;
	case O_PALETTE:
		if (strcmp(arg, "dark") == 0)
			u->palette = UI_PALETTE_DARK;
		else if (strcmp(arg, "light") == 0)
			u->palette = UI_PALETTE_LIGHT;
		else
			return xasprintf("unknown palette '%s' (dark or "
			    "light)", arg);
		break;
	case O_SEARCH:
		if (*arg == '\0')
			return xasprintf("an empty pattern for --search");
		u->search = arg;
		break;
	case O_AT:
		if (doc_parse_time(arg, &ms) == -1)
			return xasprintf("bad time for --at: '%s' (1:23:45, "
			    "83:10, 83m or seconds)", arg);
		u->at_ms = (long)ms;
		break;
	case O_SECTION:
		u->section = arg;
		break;
	case O_LIBRARY:
		o->library = arg;
		if (strncmp(arg, "~/", 2) == 0 && getenv("HOME") != NULL) {
			char *p = xasprintf("%s%s", getenv("HOME"), arg + 1);

			o->library = keep(o, p, strlen(p));
			free(p);
		}
		break;
	case O_KEYS:
	case 'h':
	case 'V':
		print_and_exit(c, arg);
	}
	return NULL;
}

/* Notes a problem of the configuration, said later. */
static void
problem(struct options *o, const char *fmt, ...) UTIL_PRINTF(2, 3);

static void
problem(struct options *o, const char *fmt, ...)
{
	va_list ap;

	o->problems = xreallocarray(o->problems, o->nproblems + 1,
	    sizeof *o->problems);
	va_start(ap, fmt);
	o->problems[o->nproblems++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Applies one option written as on the command line, with or without
 * its dashes: "no-toc", "--toc-width=30", "toc-width 30", "-E"; value
 * is the next word for LECTERN (or NULL). Returns NULL or what is wrong
 * (caller frees); *used is set when value was taken. */
static char *
apply_word(struct options *o, const char *w, const char *value, int *used)
{
	const char *name = w, *eq;
	size_t n, i;

	*used = 0;
	if (strcmp(w, "-E") == 0)
		return apply(o, 'E', NULL, 0);
	if (strncmp(w, "--", 2) == 0)
		name = w + 2;
	else if (*w == '-')
		return xasprintf("unknown option '%s'", w);
	n = strcspn(name, "= \t");
	eq = name[n] == '\0' ? NULL : name + n + 1;
	while (eq != NULL && name[n] != '=' && (*eq == ' ' || *eq == '\t'))
		eq++;
	for (i = 0; longopts[i].name != NULL; i++)
		if (strlen(longopts[i].name) == n &&
		    strncmp(longopts[i].name, name, n) == 0)
			break;
	if (longopts[i].name == NULL)
		return xasprintf("unknown option '%.*s'", (int)(name - w + n),
		    w);
	if (longopts[i].has_arg == no_argument && eq != NULL)
		return xasprintf("'%s' takes no value", longopts[i].name);
	if (longopts[i].has_arg == required_argument && eq == NULL) {
		if (value == NULL)
			return xasprintf("'%s' needs a value",
			    longopts[i].name);
		eq = value;
		*used = 1;
	}
	if (eq != NULL)
		eq = keep(o, eq, strlen(eq));
	return apply(o, longopts[i].val, eq, 0);
}

/* Applies "map KEY ACTION". Returns NULL or what is wrong. */
static char *
apply_map(const char *rest)
{
	char key[64], action[64], extra[2];
	int k, a;

	if (sscanf(rest, "%63s %63s %1s", key, action, extra) != 2)
		return xasprintf("map takes a key and an action: map KEY "
		    "ACTION");
	if ((k = keymap_binding_parse(key, strlen(key))) < 0)
		return xasprintf("unknown key '%s'", key);
	if ((a = keymap_action_named(action)) < 0)
		return xasprintf("unknown action '%s' (see lectern --keys)",
		    action);
	keymap_bind(k, (enum keymap_action)a);
	return NULL;
}

/* The configuration file's path. Caller frees; NULL when there is no
 * home. */
static char *
config_path(void)
{
	const char *base = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/lectern/config", base);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.config/lectern/config", home);
	return NULL;
}

/* Reads the configuration file: one option or map a line; # starts a
 * comment at the start of a line or after white space. */
static void
read_config(struct options *o)
{
	char *path = config_path(), *data, *line, *next, *err, *c;
	size_t lineno = 0, n;
	int used;

	if (path == NULL)
		return;
	if ((data = util_read_file(path, CONFIG_MAX, NULL)) == NULL) {
		if (errno != ENOENT)
			problem(o, "%s: %s", path, strerror(errno));
		free(path);
		return;
	}
	for (line = data; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		for (c = line; *c != '\0'; c++)
			if (*c == '#' && (c == line || c[-1] == ' ' ||
			    c[-1] == '\t')) {
				*c = '\0';
				break;
			}
		while (isspace((unsigned char)*line))
			line++;
		n = strlen(line);
		while (n > 0 && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		if (n == 0)
			continue;
		if (strncmp(line, "map", 3) == 0 && (line[3] == ' ' ||
		    line[3] == '\t'))
			err = apply_map(line + 4);
		else
			err = apply_word(o, line, NULL, &used);
		if (err != NULL) {
			problem(o, "%s:%zu: %s", path, lineno, err);
			free(err);
		}
	}
	free(data);
	free(path);
}

/* Reads LECTERN: options separated by white space, as on the command
 * line. */
static void
read_env(struct options *o)
{
	const char *env = getenv("LECTERN");
	char *copy, *w, *save = NULL, *err, *next;
	int used;

	if (env == NULL || *env == '\0')
		return;
	copy = xstrdup(env);
	for (w = strtok_r(copy, " \t\n", &save); w != NULL; w = next) {
		next = strtok_r(NULL, " \t\n", &save);
		if (*w != '-')
			err = xasprintf("'%s' is not an option", w);
		else
			err = apply_word(o, w, next, &used);
		if (err != NULL) {
			problem(o, "LECTERN: %s", err);
			free(err);
		} else if (used)
			next = strtok_r(NULL, " \t\n", &save);
	}
	free(copy);
}

/* Takes +/PATTERN, +N and +G from the operands; the rest are files. */
static void
operands(struct options *o, int argc, char **argv)
{
	long v;
	int i;

	for (i = optind; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '+' || a[1] == '\0') {
			o->files = xreallocarray(o->files, o->nfiles + 1,
			    sizeof *o->files);
			o->files[o->nfiles++] = argv[i];
			continue;
		}
		if (a[1] == '/' && a[2] != '\0')
			o->ui.search = a + 2;
		else if (strcmp(a, "+G") == 0)
			o->ui.line = -1;
		else if ((v = number(a + 1, 1, 1000000000)) > 0)
			o->ui.line = v;
		else
			usage_error("unknown command '%s' (+/PATTERN, +N or "
			    "+G; a file whose name starts with + is ./%s)",
			    a, a);
	}
}

void
ui_options_init(struct ui_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->toc = 1;
	opt->mouse = 1;
	opt->palette = UI_PALETTE_DARK;
	opt->color = 1;
	opt->osc52 = 1;
	opt->times = 1;
	opt->at_ms = -1;
}

void
options_parse(struct options *o, int argc, char **argv)
{
	const char *nc;
	char *err;
	int c;

	memset(o, 0, sizeof *o);
	ui_options_init(&o->ui);
	if ((nc = getenv("NO_COLOR")) != NULL && *nc != '\0')
		o->ui.color = 0;
	read_config(o);
	read_env(o);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVE", longopts, NULL)) != -1) {
		if (c == ':')
			usage_error("option '%s' needs an argument",
			    argv[optind - 1]);
		if (c == '?')
			usage_error("unknown option '%s'", argv[optind - 1]);
		if ((err = apply(o, c, optarg, 1)) != NULL)
			usage_error("%s", err);
	}
	operands(o, argc, argv);
}

void
options_free(struct options *o)
{
	size_t i;

	for (i = 0; i < o->nkept; i++)
		free(o->kept[i]);
	free(o->kept);
	free(o->files);
	for (i = 0; i < o->nproblems; i++)
		free(o->problems[i]);
	free(o->problems);
}
