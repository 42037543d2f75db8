/* main.c: the command line: the documents it names, and the mode that
 * shows them (the reader, the library, or one of the plain outputs). */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <poll.h>

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/library.h"
#include "lectern/notes.h"
#include "lectern/notes_anchor.h"
#include "lectern/notes_export.h"
#include "lectern/options.h"
#include "lectern/progress.h"
#include "lectern/render.h"
#include "lectern/search.h"
#include "lectern/text.h"
#include "lectern/ui.h"
#include "lectern/util.h"

extern const unsigned char asset_interview[];
extern const unsigned long asset_interview_len;

#define READ_SLICE	(4u << 20)	/* bytes parsed between progress steps */
#define STDIN_NOTICE_MS	1000	/* silence on standard input before saying
				   that lectern waits for it */
#define BUNDLED		"bundled:interview"

/* The documents to show: names as given (a folder's transcripts as
 * FOLDER/NAME), "-" for standard input, BUNDLED for the interview. */
struct list {
	char		**v;
	size_t		 n, cap;
	char		**owned;	/* what of v to free */
	size_t		 nowned, capowned;
	int		 folder;	/* a folder was named */
	int		 implied;	/* standard input read without a "-" */
	int		 failed;	/* a name could not be listed */
};

/* Prints "lectern: NAME: MESSAGE" with the name made safe. */
static void
file_error(const char *name, const char *msg)
{
	fputs("lectern: ", stderr);
	render_safe(stderr, (const unsigned char *)name, strlen(name));
	fprintf(stderr, ": %s\n", msg);
}

/* The name of a document for messages. */
static const char *
doc_label(const char *path)
{
	if (strcmp(path, "-") == 0)
		return "standard input";
	return strcmp(path, BUNDLED) == 0 ? "the bundled interview" : path;
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

static void
add(struct list *l, char *name, int owned)
{
	UTIL_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = name;
	if (owned) {
		UTIL_GROW(l->owned, l->capowned, l->nowned + 1);
		l->owned[l->nowned++] = name;
	}
}

static void
free_list(struct list *l)
{
	size_t i;

	for (i = 0; i < l->nowned; i++)
		free(l->owned[i]);
	free(l->owned);
	free(l->v);
}

/* Lists the documents the operands name: a folder's transcripts in
 * natural order; with none, standard input or the bundled interview. */
static void
list_operands(const struct options *o, struct list *l)
{
	struct stat st;
	char **names;
	long n, i;
	size_t k;

	static char dash[] = "-", bundled[] = BUNDLED;

	memset(l, 0, sizeof *l);
	if (o->nfiles == 0) {
		l->implied = !isatty(STDIN_FILENO);
		add(l, l->implied ? dash : bundled, 0);
		return;
	}
	for (k = 0; k < o->nfiles; k++) {
		const char *f = o->files[k];

		if (strcmp(f, "-") == 0 || stat(f, &st) == -1 ||
		    !S_ISDIR(st.st_mode)) {
			add(l, o->files[k], 0);
			continue;
		}
		l->folder = 1;
		if ((n = library_list(f, &names)) < 0) {
			file_error(f, strerror(errno));
			l->failed = 1;
			continue;
		}
		if (n == 0) {
			file_error(f, "no transcripts in this folder");
			l->failed = 1;
		}
		for (i = 0; i < n; i++)
			add(l, names[i], 1);
		free(names);
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

/* Opens a document of the list; NULL after saying why. */
static struct doc *
open_doc(const char *path, int implied)
{
	struct doc *d;

	if (strcmp(path, BUNDLED) == 0)
		return doc_new(asset_interview, asset_interview_len,
		    "interview.txt", DOC_BORROWED);
	if (implied)
		notice_stdin();
	if ((d = doc_open(path)) == NULL)
		file_error(doc_label(path), open_error(path, errno));
	return d;
}

/* Says what is wrong with a document that was read: it shrank (returns
 * -1), or it looks binary. */
static int
check_doc(struct doc *d, const char *path)
{
	char msg[128];
	size_t size;

	if (doc_check_shrunk(d, &size)) {
		snprintf(msg, sizeof msg, "the file shrank to %zu bytes while "
		    "it was read", size);
		file_error(doc_label(path), msg);
		return -1;
	}
	if (doc_looks_binary(d))
		file_error(doc_label(path), "this looks like a binary file; "
		    "its bytes are shown as placeholders");
	return 0;
}

/* The path that finds a document's notes; caller frees. */
static char *
notes_path(const char *path)
{
	if (strcmp(path, BUNDLED) == 0)
		return xstrdup(BUNDLED);
	if (strcmp(path, "-") == 0)
		return NULL;
	return realpath(path, NULL);
}

/* Writes the lines of one output with the document's name before each,
 * as grep does with several files. */
struct prefixer {
	FILE		*out;
	const char	*name;
	int		 bol;
};

static ssize_t
prefix_write(void *cookie, const char *buf, size_t n)
{
	struct prefixer *p = cookie;
	size_t i = 0, k;
	const char *nl;

	while (i < n) {
		if (p->bol) {
			render_safe(p->out, (const unsigned char *)p->name,
			    strlen(p->name));
			putc(':', p->out);
			p->bol = 0;
		}
		nl = memchr(buf + i, '\n', n - i);
		k = nl != NULL ? (size_t)(nl - buf - i) + 1 : n - i;
		fwrite(buf + i, 1, k, p->out);
		i += k;
		p->bol = nl != NULL;
	}
	return ferror(p->out) ? -1 : (ssize_t)n;
}

/* Writes one plain output of d to f. Returns 0 or -1. */
static int
output(struct doc *d, const struct options *o, struct search_query *q,
    const char *path, FILE *f)
{
	struct notes *notes;
	char *real;
	int status;

	switch (o->mode) {
	case OPTIONS_OUTLINE:
		return render_outline(d, f);
	case OPTIONS_SPEAKERS:
		return render_speakers(d, f);
	case OPTIONS_BLOCKS:
		return render_blocks(d, f);
	case OPTIONS_GREP:
		return render_grep_flags(d, q, isatty(STDOUT_FILENO),
		    o->ui.times ? LAYOUT_F_TIMES : 0, f);
	case OPTIONS_EXPORT:
		real = notes_path(path);
		notes = notes_open(d, real);
		free(real);
		if (notes->problem != NULL) {
			fputs("lectern: note: ", stderr);
			render_safe(stderr, (const unsigned char *)
			    notes->problem, strlen(notes->problem));
			fputc('\n', stderr);
		}
		status = notes_export_times(notes, d, o->ui.times, f);
		notes_free(notes);
		return status;
	default:
		break;
	}
	return render_dump_flags(d, o->width > 0 ? o->width :
	    terminal_width(), o->ui.times ? LAYOUT_F_TIMES : 0, f);
}

/* Writes the output of one document of several: its lines after its
 * name, or after a ==> NAME <== line. Returns 0 or -1. */
static int
output_named(struct doc *d, const struct options *o, struct search_query *q,
    const char *path, int first)
{
	static const cookie_io_functions_t io = { NULL, prefix_write, NULL,
	    NULL };
	struct prefixer p = { stdout, doc_label(path), 1 };
	FILE *f;
	int rc;

	if (o->mode == OPTIONS_DUMP || o->mode == OPTIONS_READ ||
	    o->mode == OPTIONS_BLOCKS || o->mode == OPTIONS_EXPORT) {
		fputs(first ? "==> " : "\n==> ", stdout);
		render_safe(stdout, (const unsigned char *)p.name,
		    strlen(p.name));
		fputs(" <==\n", stdout);
		return output(d, o, q, path, stdout);
	}
	if ((f = fopencookie(&p, "w", io)) == NULL)
		return -1;
	rc = output(d, o, q, path, f);
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* Runs a plain output over every document listed. Returns the exit
 * status: 2 when a document could not be read or written. */
static int
run_outputs(const struct options *o, struct search_query *q)
{
	struct progress pr;
	struct list l;
	size_t i, total = 0, n = 0;
	int status, several, on;

	list_operands(o, &l);
	status = l.failed ? 2 : 0;
	several = l.n > 1 || l.folder;
	/* Progress on a terminal: always for a search, and for the other
	 * outputs when they go to the terminal too. */
	on = isatty(STDERR_FILENO) && (o->mode == OPTIONS_COUNT ||
	    o->mode == OPTIONS_GREP || isatty(STDOUT_FILENO));
	progress_begin(&pr, on, l.n);
	for (i = 0; i < l.n; i++) {
		const char *path = l.v[i];
		struct doc *d;

		if ((d = open_doc(path, l.implied)) == NULL) {
			status = 2;
			continue;
		}
		progress_file(&pr, i, several ? doc_label(path) : NULL);
		/* A count reads only what it needs (search_count). */
		while (o->mode != OPTIONS_COUNT && doc_parse_some(d, READ_SLICE))
			progress_step(&pr, d->parsed, d->inlen);
		progress_step(&pr, d->inlen, d->inlen);
		progress_clear(&pr);
		if (o->mode == OPTIONS_COUNT)
			n = search_count(d, q);
		if (check_doc(d, path) == -1) {
			status = 2;
			doc_free(d);
			continue;
		}
		if (o->mode == OPTIONS_COUNT) {
			total += n;
			if (several) {
				render_safe(stdout, (const unsigned char *)
				    doc_label(path), strlen(doc_label(path)));
				putchar(':');
			}
			printf("%zu\n", n);
		} else if ((several ? output_named(d, o, q, path, i == 0) :
		    output(d, o, q, path, stdout)) == -1) {
			file_error("standard output", strerror(errno));
			doc_free(d);
			status = 2;
			break;
		}
		doc_free(d);
	}
	if (o->mode == OPTIONS_COUNT && several)
		printf("total:%zu\n", total);
	if (fflush(stdout) != 0) {
		file_error("standard output", strerror(errno));
		status = 2;
	}
	free_list(&l);
	return status;
}

/* Runs the reader on the documents listed, or the library. Returns the
 * exit status. */
static int
run_reader(struct options *o)
{
	struct stat st;
	struct list l;
	struct doc *d = NULL;
	char *real = NULL;
	size_t i;
	int status;

	if (o->nfiles == 1 && stat(o->files[0], &st) == 0 &&
	    S_ISDIR(st.st_mode))
		o->ui.library = o->files[0];
	else if (o->nfiles == 0 && o->library != NULL &&
	    isatty(STDIN_FILENO))
		o->ui.library = o->library;
	if (o->ui.library != NULL) {
		if (stat(o->ui.library, &st) == 0 && !S_ISDIR(st.st_mode))
			errno = ENOTDIR;
		else if (stat(o->ui.library, &st) == 0 &&
		    access(o->ui.library, R_OK | X_OK) == 0)
			return ui_run(NULL, &o->ui);
		file_error(o->ui.library, strerror(errno));
		return 2;
	}
	list_operands(o, &l);
	if (l.n > 1)
		for (i = 0; i < l.n; i++)
			if (strcmp(l.v[i], "-") == 0) {
				file_error("standard input", "is read alone, "
				    "not with other files, in the reader");
				free_list(&l);
				return 2;
			}
	/* The first document that opens; the others are opened when the
	 * reader comes to them, and said then if they do not. */
	while (l.n > 0 && (d = open_doc(l.v[0], l.implied)) == NULL) {
		memmove(l.v, l.v + 1, (l.n - 1) * sizeof *l.v);
		l.n--;
	}
	if (d == NULL) {
		free_list(&l);
		return 2;
	}
	/* Its state is looked up by a hash of it, once the terminal is set. */
	notes_anchor_prefetch(d);
	doc_parse_some(d, LIBRARY_FIRST_CHUNK);
	if (check_doc(d, l.v[0]) == -1) {
		doc_free(d);
		free_list(&l);
		return 2;
	}
	o->ui.path = real = notes_path(l.v[0]);
	if (strcmp(l.v[0], BUNDLED) != 0) {
		o->ui.files = l.v;
		o->ui.nfiles = l.n;
	}
	if (strcmp(l.v[0], "-") == 0 && !isatty(STDIN_FILENO) &&
	    freopen("/dev/tty", "r", stdin) == NULL) {
		file_error("/dev/tty", strerror(errno));
		status = 2;
	} else
		status = ui_run(d, &o->ui);
	doc_free(d);
	free(real);
	free_list(&l);
	return status;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct search_query q;
	char err[256];
	size_t i;
	int status;

	setlocale(LC_CTYPE, "");
	/* A terminal that is not UTF-8 gets ASCII, transliterated. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		text_set_ascii(1);
	options_parse(&o, argc, argv);
	for (i = 0; i < o.nproblems; i++) {
		fputs("lectern: ", stderr);
		render_safe(stderr, (const unsigned char *)o.problems[i],
		    strlen(o.problems[i]));
		fputs(" (ignored)\n", stderr);
	}
	if (o.nproblems > 0)
		o.ui.notice = o.problems[0];
	if (o.query != NULL && search_query_init(&q, o.query, o.ui.regex, err,
	    sizeof err) == -1) {
		search_query_free(&q);
		fprintf(stderr, "lectern: bad query '");
		render_safe(stderr, (const unsigned char *)o.query,
		    strlen(o.query));
		fprintf(stderr, "': %s (try 'lectern --help')\n", err);
		options_free(&o);
		return 2;
	}
	if (o.mode == OPTIONS_READ && isatty(STDOUT_FILENO))
		status = run_reader(&o);
	else
		status = run_outputs(&o, &q);
	if (o.query != NULL)
		search_query_free(&q);
	options_free(&o);
	return status;
}
