/* main.c: the command line: options, the document, and the mode that
 * shows it (the reader, or one of the plain outputs). */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <poll.h>

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/layout.h"
#include "lectern/notes.h"
#include "lectern/notes_export.h"
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
#define STDIN_NOTICE_MS	1000	/* silence on standard input before saying
				   that lectern waits for it */

enum mode {
	MODE_READ, MODE_DUMP, MODE_OUTLINE, MODE_SPEAKERS, MODE_BLOCKS,
	MODE_COUNT, MODE_GREP, MODE_EXPORT
};

/* The options of the modes, for messages. */
static const char *mode_names[] = {
	"", "--dump", "--outline", "--speakers", "--blocks", "--count",
	"--grep", "--export-highlights"
};

/* What the command line asked for. */
struct args {
	enum mode	 mode;
	int		 implied;	/* standard input read without a "-" */
	int		 width;		/* --dump's, 0 for the terminal's */
	const char	*query;		/* --count's or --grep's */
	const char	*path;		/* the file, "-", or NULL: the bundled
					   interview */
	struct ui_options ui;
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
"their typographic forms (a query with an en or em dash matches only that\n"
"dash). A regular expression is matched against the folded text: it\n"
"always ignores case and diacritics.\n"
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
"      --top              open at the top, not where you left off\n"
"      --no-osc52         y does not copy through the terminal (OSC 52)\n"
"      --no-times         no times of turns and chapters in the reader (#\n"
"                         shows them), --dump, --grep, --export-highlights\n"
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

/* The name of the document for messages. */
static const char *
doc_label(const char *path)
{
	return strcmp(path, "-") == 0 ? "standard input" : path;
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
	case 'K':
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

/* The width of --dump=WIDTH. */
static int
dump_width(const char *arg)
{
	char *end;
	long w;

	errno = 0;
	w = strtol(arg, &end, 10);
	if (errno != 0 || *end != '\0' || w < 1 || w > 10000)
		usage_error("bad width for --dump: '%s'", arg);
	return (int)w;
}

/* The width of --toc-width=N|auto. */
static int
toc_width(const char *arg)
{
	char *end;
	long w;

	if (strcmp(arg, "auto") == 0)
		return UI_TOC_AUTO;
	errno = 0;
	w = strtol(arg, &end, 10);
	if (errno != 0 || *end != '\0' || w < 1 || w > 1000)
		usage_error("bad width for --toc-width: '%s' (columns, or "
		    "auto)", arg);
	return (int)w;
}

/* Sets the mode; a second one is a usage error. */
static void
set_mode(struct args *a, enum mode m)
{
	if (a->mode == m)
		usage_error("%s given twice", mode_names[m]);
	if (a->mode != MODE_READ)
		usage_error("%s and %s are two modes: give one",
		    mode_names[a->mode], mode_names[m]);
	a->mode = m;
}

/* Reads the command line into a; exits on a usage error. */
static void
parse_args(int argc, char **argv, struct args *a)
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
		{ "no-times", no_argument, NULL, 'I' },
		{ "no-toc", no_argument, NULL, 'T' },
		{ "toc-width", required_argument, NULL, 'W' },
		{ "center", no_argument, NULL, 'C' },
		{ "no-mouse", no_argument, NULL, 'M' },
		{ "palette", required_argument, NULL, 'P' },
		{ "keys", optional_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *nc;
	int c;

	memset(a, 0, sizeof *a);
	ui_options_init(&a->ui);
	if ((nc = getenv("NO_COLOR")) != NULL && *nc != '\0')
		a->ui.color = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVE", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			set_mode(a, MODE_DUMP);
			if (optarg != NULL)
				a->width = dump_width(optarg);
			break;
		case 'o':
			set_mode(a, MODE_OUTLINE);
			break;
		case 's':
			set_mode(a, MODE_SPEAKERS);
			break;
		case 'b':
			set_mode(a, MODE_BLOCKS);
			break;
		case 'c':
		case 'g':
			set_mode(a, c == 'c' ? MODE_COUNT : MODE_GREP);
			a->query = optarg;
			break;
		case 'E':
			a->ui.regex = 1;
			break;
		case 'x':
			set_mode(a, MODE_EXPORT);
			break;
		case 't':
			a->ui.top = 1;
			break;
		case 'O':
			a->ui.osc52 = 0;
			break;
		case 'I':
			a->ui.times = 0;
			break;
		case 'T':
			a->ui.toc = 0;
			break;
		case 'W':
			a->ui.toc_width = toc_width(optarg);
			break;
		case 'C':
			a->ui.center = 1;
			break;
		case 'M':
			a->ui.mouse = 0;
			break;
		case 'P':
			if (strcmp(optarg, "dark") == 0)
				a->ui.palette = UI_PALETTE_DARK;
			else if (strcmp(optarg, "light") == 0)
				a->ui.palette = UI_PALETTE_LIGHT;
			else
				usage_error("unknown palette '%s' (dark or "
				    "light)", optarg);
			break;
		case 'K':
		case 'h':
		case 'V':
			print_and_exit(c, optarg);
		case ':':
			usage_error("option '%s' needs an argument",
			    argv[optind - 1]);
		default:
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		usage_error("more than one file: '%s'", argv[optind + 1]);
	if (optind < argc)
		a->path = argv[optind];
	else if (!isatty(STDIN_FILENO)) {
		a->path = "-";
		a->implied = 1;
	}
}

/* Standard input read because no file was named: when nothing comes for
 * a while (ssh host lectern --outline), say what lectern waits for. */
static void
notice_stdin(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	struct stat st;

	if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode))
		return;
	if (poll(&p, 1, STDIN_NOTICE_MS) == 0)
		fputs("lectern: reading standard input, as no file was "
		    "named (end it with Ctrl-D, or name a file)\n", stderr);
}

/* Why a document could not be opened, in words. */
static const char *
open_error(const char *path, int err)
{
	struct stat st;

	/* doc_open gives a FIFO nobody writes to ENXIO. */
	if (err == ENXIO && strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISFIFO(st.st_mode))
		return "nobody wrote to the FIFO within 10 seconds";
	return strerror(err);
}

/* Opens the document the arguments name; NULL after saying why. */
static struct doc *
open_doc(const struct args *a)
{
	struct doc *d;

	if (a->path == NULL)
		return doc_new(asset_interview, asset_interview_len,
		    "interview.txt", DOC_BORROWED);
	if (a->implied)
		notice_stdin();
	if ((d = doc_open(a->path)) == NULL)
		file_error(doc_label(a->path), open_error(a->path, errno));
	return d;
}

/* Runs the reader on the terminal. Returns the exit status. */
static int
run_reader(struct doc *d, const struct args *a)
{
	if (a->path != NULL && strcmp(a->path, "-") == 0 &&
	    !isatty(STDIN_FILENO) && freopen("/dev/tty", "r", stdin) == NULL) {
		file_error("/dev/tty", strerror(errno));
		return 2;
	}
	return ui_run(d, &a->ui);
}

/* Writes the highlights of d. Returns 0 or -1. */
static int
run_export(struct doc *d, const struct args *a)
{
	struct notes *notes;
	int status;

	notes = notes_open(d, a->ui.path);
	if (notes->problem != NULL) {
		fputs("lectern: note: ", stderr);
		render_safe(stderr, (const unsigned char *)notes->problem,
		    strlen(notes->problem));
		fputc('\n', stderr);
	}
	status = notes_export_times(notes, d, a->ui.times, stdout);
	notes_free(notes);
	return status;
}

/* Writes one of the plain outputs of d. Returns 0 or -1. */
static int
run_output(struct doc *d, const struct args *a, struct search_query *q)
{
	switch (a->mode) {
	case MODE_OUTLINE:
		return render_outline(d, stdout);
	case MODE_SPEAKERS:
		return render_speakers(d, stdout);
	case MODE_BLOCKS:
		return render_blocks(d, stdout);
	case MODE_COUNT:
		printf("%zu\n", search_count(d, q));
		return fflush(stdout) == 0 ? 0 : -1;
	case MODE_GREP:
		return render_grep_flags(d, q, isatty(STDOUT_FILENO),
		    a->ui.times ? LAYOUT_F_TIMES : 0, stdout);
	case MODE_EXPORT:
		return run_export(d, a);
	case MODE_READ:
	case MODE_DUMP:
		break;
	}
	return render_dump_flags(d, a->width > 0 ? a->width :
	    terminal_width(), a->ui.times ? LAYOUT_F_TIMES : 0, stdout);
}

int
main(int argc, char **argv)
{
	struct args a;
	struct search_query q;
	struct doc *d;
	char err[256], *real = NULL;
	int status, reader;
	size_t size;

	setlocale(LC_ALL, "");
	/* A terminal that is not UTF-8 gets ASCII, transliterated. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		text_set_ascii(1);
	parse_args(argc, argv, &a);
	if (a.query != NULL && search_query_init(&q, a.query, a.ui.regex, err,
	    sizeof err) == -1) {
		search_query_free(&q);
		usage_error("bad query '%s': %s", a.query, err);
	}
	if ((d = open_doc(&a)) == NULL) {
		if (a.query != NULL)
			search_query_free(&q);
		return 2;
	}
	/* The reader shows its first screen before the rest is read. */
	reader = a.mode == MODE_READ && isatty(STDOUT_FILENO);
	if (reader)
		doc_parse_some(d, FIRST_CHUNK);
	else if (a.mode != MODE_COUNT)
		doc_parse_all(d);	/* a count reads only what it needs */
	if (doc_check_shrunk(d, &size)) {
		snprintf(err, sizeof err, "the file shrank to %zu bytes while "
		    "it was read", size);
		file_error(doc_label(a.path != NULL ? a.path : "-"), err);
		doc_free(d);
		if (a.query != NULL)
			search_query_free(&q);
		return 2;
	}
	if (doc_looks_binary(d))
		file_error(doc_label(a.path != NULL ? a.path : "-"),
		    "this looks like a binary file; its bytes are shown as "
		    "placeholders");
	/* The notes of a file are found by its content, or by where it is. */
	if (a.path == NULL)
		a.ui.path = "bundled:interview";
	else if (strcmp(a.path, "-") != 0)
		a.ui.path = real = realpath(a.path, NULL);

	if (reader) {
		status = run_reader(d, &a);
	} else {
		status = run_output(d, &a, &q) == 0 ? 0 : 2;
		if (status != 0)
			file_error("standard output", strerror(errno));
		else if (doc_check_shrunk(d, &size)) {
			/* What was counted or printed is not the file. */
			snprintf(err, sizeof err, "the file shrank to %zu bytes "
			    "while it was read", size);
			file_error(doc_label(a.path != NULL ? a.path : "-"),
			    err);
			status = 2;
		}
	}
	doc_free(d);
	free(real);
	if (a.query != NULL)
		search_query_free(&q);
	return status;
}
