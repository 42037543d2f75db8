/* main.c: the command line. */
#include <sys/ioctl.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/notes.h"
#include "lectern/render.h"
#include "lectern/search.h"
#include "lectern/text.h"
#include "lectern/ui.h"
#include "lectern/util.h"

#ifndef LECTERN_VERSION
#define LECTERN_VERSION "0.1"
#endif

extern const unsigned char asset_interview[];
extern const unsigned long asset_interview_len;

#define FIRST_CHUNK	(256u << 10)	/* bytes parsed before the reader opens */

enum mode {
	MODE_READ, MODE_DUMP, MODE_OUTLINE, MODE_SPEAKERS, MODE_BLOCKS,
	MODE_COUNT, MODE_GREP, MODE_EXPORT
};

static const char usage_text[] =
"Usage: lectern [OPTION]... [FILE|-]\n"
"Read a long interview or podcast transcript in the terminal.\n"
"With no FILE, read standard input when it is not a terminal, or else the\n"
"bundled interview (Jan Leike on the 80,000 Hours Podcast).\n"
"\n"
"Modes (without one, lectern opens the reader, or dumps when standard\n"
"output is not a terminal):\n"
"      --dump[=WIDTH]     print the document laid out at WIDTH columns\n"
"      --outline          print the section tree\n"
"      --speakers         print NAME<TAB>TURNS<TAB>WORDS for each speaker\n"
"      --blocks           print what the parser made of each block\n"
"      --count=QUERY      print the number of matches of QUERY\n"
"      --grep=QUERY       print each match with its section and speaker\n"
"      --export-highlights  print your highlights as Markdown quotes\n"
"\n"
"Search options (for the modes above and the reader's search bar):\n"
"  -E, --regex            QUERY is a POSIX extended regular expression\n"
"Searches ignore case unless the query has a capital letter, ignore\n"
"diacritics unless it has one, and take ' \" - ... and spaces to match\n"
"their typographic forms. A regular expression is matched against the\n"
"folded text: it always ignores case and diacritics.\n"
"\n"
"Reader options:\n"
"      --no-toc           start with the table of contents hidden\n"
"      --no-mouse         leave the mouse to the terminal (text selection)\n"
"      --palette=dark|light  colours for a dark or a light background\n"
"                         (NO_COLOR in the environment turns colour off)\n"
"      --top              open at the top, not where you left off\n"
"      --no-osc52         y does not copy through the terminal (OSC 52)\n"
"\n"
"Other options:\n"
"      --keys             list the reader's keys and exit\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Keys in the reader: press h or F1. Full manual: man lectern.\n";

/* Prints "lectern: NAME: MESSAGE" with the name made safe. */
static void
file_error(const char *name, const char *msg)
{
	fputs("lectern: ", stderr);
	render_safe(stderr, (const unsigned char *)name, strlen(name));
	fprintf(stderr, ": %s\n", msg);
}

static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Prints a one-line usage error and exits 2. */
static void usage_error(const char *, ...) UTIL_PRINTF(1, 2) UTIL_NORETURN;

static void
usage_error(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		util_fatal("out of memory");
	va_end(ap);
	fputs("lectern: ", stderr);
	render_safe(stderr, (const unsigned char *)msg, strlen(msg));
	fputs(" (try 'lectern --help')\n", stderr);
	free(msg);
	exit(2);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dump", optional_argument, NULL, 'd' },
		{ "outline", no_argument, NULL, 'o' },
		{ "speakers", no_argument, NULL, 's' },
		{ "blocks", no_argument, NULL, 'b' },
		{ "count", required_argument, NULL, 'c' },
		{ "grep", required_argument, NULL, 'g' },
		{ "regex", no_argument, NULL, 'E' },
		{ "export-highlights", no_argument, NULL, 'x' },
		{ "top", no_argument, NULL, 't' },
		{ "no-osc52", no_argument, NULL, 'O' },
		{ "no-toc", no_argument, NULL, 'T' },
		{ "no-mouse", no_argument, NULL, 'M' },
		{ "palette", required_argument, NULL, 'P' },
		{ "keys", optional_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	enum mode mode = MODE_READ;
	struct ui_options uiopt = { 1, 1, UI_PALETTE_DARK, 1, 0, 0, 1, NULL };
	struct notes *notes;
	char *real = NULL;
	struct search_query q;
	const char *nc, *query = NULL;
	char err[256];
	struct doc *d;
	const char *path = NULL;
	int c, width = 0, status = 0;

	setlocale(LC_ALL, "");
	/* A terminal that is not UTF-8 gets ASCII, transliterated. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		text_set_ascii(1);
	if ((nc = getenv("NO_COLOR")) != NULL && *nc != '\0')
		uiopt.color = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVE", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			mode = MODE_DUMP;
			if (optarg != NULL) {
				char *end;
				long w;

				errno = 0;
				w = strtol(optarg, &end, 10);
				if (errno != 0 || *end != '\0' || w < 1 ||
				    w > 10000)
					usage_error("bad width for --dump: '%s'",
					    optarg);
				width = (int)w;
			}
			break;
		case 'o':
			mode = MODE_OUTLINE;
			break;
		case 's':
			mode = MODE_SPEAKERS;
			break;
		case 'b':
			mode = MODE_BLOCKS;
			break;
		case 'c':
		case 'g':
			mode = c == 'c' ? MODE_COUNT : MODE_GREP;
			query = optarg;
			break;
		case 'E':
			uiopt.regex = 1;
			break;
		case 'x':
			mode = MODE_EXPORT;
			break;
		case 't':
			uiopt.top = 1;
			break;
		case 'O':
			uiopt.osc52 = 0;
			break;
		case 'T':
			uiopt.toc = 0;
			break;
		case 'M':
			uiopt.mouse = 0;
			break;
		case 'P':
			if (strcmp(optarg, "dark") == 0)
				uiopt.palette = UI_PALETTE_DARK;
			else if (strcmp(optarg, "light") == 0)
				uiopt.palette = UI_PALETTE_LIGHT;
			else
				usage_error("unknown palette '%s' (dark or "
				    "light)", optarg);
			break;
		case 'K':
			/* --keys=man writes the man page's KEYS section. */
			keymap_print(stdout, optarg != NULL &&
			    strcmp(optarg, "man") == 0);
			return fflush(stdout) == 0 ? 0 : 2;
		case 'h':
			fputs(usage_text, stdout);
			return fflush(stdout) == 0 ? 0 : 2;
		case 'V':
			printf("lectern %s\n", LECTERN_VERSION);
			return fflush(stdout) == 0 ? 0 : 2;
		case ':':
			usage_error("option '%s' needs an argument",
			    argv[optind - 1]);
			break;
		default:
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		usage_error("more than one file: '%s'", argv[optind + 1]);
	if (optind < argc)
		path = argv[optind];
	else if (!isatty(STDIN_FILENO))
		path = "-";

	if (query != NULL && search_query_init(&q, query, uiopt.regex, err,
	    sizeof err) == -1) {
		search_query_free(&q);
		usage_error("bad query '%s': %s", query, err);
	}
	if (path == NULL)
		d = doc_new(asset_interview, asset_interview_len,
		    "interview.txt", DOC_BORROWED);
	else if ((d = doc_open(path)) == NULL) {
		file_error(strcmp(path, "-") == 0 ? "standard input" : path,
		    strerror(errno));
		if (query != NULL)
			search_query_free(&q);
		return 2;
	}
	/* The reader shows its first screen before the rest is read. */
	if (mode == MODE_READ && isatty(STDOUT_FILENO))
		doc_parse_some(d, FIRST_CHUNK);
	else
		doc_parse_all(d);
	if (doc_looks_binary(d))
		file_error(strcmp(path, "-") == 0 ? "standard input" : path,
		    "this looks like a binary file; its bytes are shown as "
		    "placeholders");
	/* The notes of a file are found by its content, or by where it is. */
	if (path == NULL)
		uiopt.path = "bundled:interview";
	else if (strcmp(path, "-") != 0)
		uiopt.path = real = realpath(path, NULL);

	if (mode == MODE_READ && isatty(STDOUT_FILENO)) {
		if (query != NULL)
			search_query_free(&q);
		if (path != NULL && strcmp(path, "-") == 0 &&
		    !isatty(STDIN_FILENO) && freopen("/dev/tty", "r", stdin) ==
		    NULL) {
			file_error("/dev/tty", strerror(errno));
			doc_free(d);
			free(real);
			return 2;
		}
		status = ui_run(d, &uiopt);
		doc_free(d);
		free(real);
		return status;
	}
	switch (mode) {
	case MODE_OUTLINE:
		status = render_outline(d, stdout);
		break;
	case MODE_SPEAKERS:
		status = render_speakers(d, stdout);
		break;
	case MODE_BLOCKS:
		status = render_blocks(d, stdout);
		break;
	case MODE_COUNT:
		printf("%zu\n", search_count(d, &q));
		status = fflush(stdout) == 0 ? 0 : -1;
		break;
	case MODE_GREP:
		status = render_grep(d, &q, isatty(STDOUT_FILENO), stdout);
		break;
	case MODE_EXPORT:
		notes = notes_open(d, uiopt.path);
		if (notes->problem != NULL) {
			fputs("lectern: note: ", stderr);
			render_safe(stderr, (const unsigned char *)
			    notes->problem, strlen(notes->problem));
			fputc('\n', stderr);
		}
		status = notes_export(notes, d, stdout);
		notes_free(notes);
		break;
	case MODE_READ:
	case MODE_DUMP:
		status = render_dump(d, width > 0 ? width : terminal_width(),
		    stdout);
		break;
	}
	doc_free(d);
	free(real);
	if (query != NULL)
		search_query_free(&q);
	if (status != 0) {
		file_error("standard output", strerror(errno));
		return 2;
	}
	return 0;
}
