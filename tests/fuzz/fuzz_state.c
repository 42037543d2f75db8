/* fuzz_state.c: a libFuzzer target for the state files: the notes'
 * parser, the merge of a save (highlights checked against a document,
 * this session's changes, marks, lost highlights, unknown lines) and the
 * history list. Built without libFuzzer (FUZZ_MAIN), it runs the same
 * checks on the files it is given: its seed corpus and the crashers found.
 *
 * An input is a mode byte, then a state file; with mode & 3 == 2 or 3 a
 * document comes first, up to the first line "lectern-state". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/notes.h"
#include "lectern/notes_anchor.h"
#include "lectern/notes_file.h"
#include "lectern/state.h"
#include "lectern/state_list.h"
#include "lectern/util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const unsigned char asset_interview[];
extern const unsigned long asset_interview_len;

static const char talk[] =
    "A talk\n\n"
    "Ana Lima: The first paragraph of the talk.\n\n"
    "Bo Chen: A second one, by someone else.\n\n"
    "Ana Lima: Yes.\n\n"
    "Bo Chen: Yes.\n\n"
    "Ana Lima: And a last one, to end.\n";

/* Stops here on a broken invariant, where a fuzzer sees it. */
static void
require(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz: invariant broken: %s\n", what);
		abort();
	}
}

/* A state file as a string. Caller frees. */
static char *
serialize(const struct notes *n)
{
	struct buf b = { NULL, 0, 0 };

	notes_serialize(n, &b);
	return b.data;
}

/* What every merge leaves: highlights that stand, in order; pending ones
 * only while the document is not all read; marks inside it. */
static void
check_notes(const struct notes *n, const struct doc *d)
{
	size_t i;
	int m;

	for (i = 0; i < n->hl.n; i++) {
		require(n->hl.v[i].block < d->nblocks, "a highlight's block");
		require(notes_anchor_stands(d, &n->hl.v[i]),
		    "a highlight stands");
		require(i == 0 || n->hl.v[i - 1].block < n->hl.v[i].block,
		    "highlights in order, one a block");
		require(strlen(n->hl.v[i].excerpt) <= NOTES_EXCERPT_BYTES,
		    "excerpt length");
	}
	require(n->pending.n == 0 || !doc_complete(d), "pending when read");
	for (i = 0; i < n->pending.n; i++)
		require(notes_hls_find(&n->hl, n->pending.v[i].block) < 0,
		    "a block found and pending");
	require(n->lost.n <= NOTES_LOST_MAX, "lost kept bounded");
	for (m = 0; m < NOTES_NMARKS; m++)
		require(n->marks[m].off <= d->len + 1, "a mark inside");
	require(!n->have_place || (n->place <= d->len &&
	    n->cursor <= d->len), "the place inside");
}

/* The notes file: parsed, written, parsed again to the same. */
static void
check_file(const char *data, size_t len)
{
	struct notes_file f, g;
	struct buf a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	size_t i;

	memset(&f, 0, sizeof f);
	memset(&g, 0, sizeof g);
	if (notes_file_parse(&f, data, len) != NOTES_FILE_OK)
		return;
	for (i = 1; i < f.hl.n; i++)
		require(f.hl.v[i - 1].block < f.hl.v[i].block,
		    "parsed highlights in order");
	notes_file_write(&f, &a);
	require(notes_file_parse(&g, a.data, a.len) == NOTES_FILE_OK,
	    "a written file parses");
	notes_file_write(&g, &b);
	require(a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	    "written, read and written again: the same");
	notes_file_free(&f);
	notes_file_free(&g);
	buf_free(&a);
	buf_free(&b);
}

/* A save: the file merged with a session's changes, then saved again with
 * none; the second must change nothing. */
static void
check_merge(const char *data, size_t len, struct doc *d, unsigned mode,
    const uint8_t *pick, size_t npick)
{
	struct notes_file disk;
	struct notes *n = xcalloc(1, sizeof *n);
	char *first, *second;
	size_t i;

	memset(&disk, 0, sizeof disk);
	if (notes_file_parse(&disk, data, len) != NOTES_FILE_OK) {
		free(n);
		return;
	}
	/* This session: a few highlights toggled, a mark set. */
	for (i = 0; i < npick && d->nblocks > 0; i++)
		notes_toggle(n, d, pick[i] % d->nblocks);
	if (mode & 0x10)
		notes_set_mark(n, (int)(mode >> 5), d->len / 2);
	notes_merge(n, &disk, d);
	notes_file_free(&disk);
	check_notes(n, d);
	for (i = 0; i < npick && d->nblocks > 0; i++) {
		size_t b = pick[i] % d->nblocks, k, times = 0;

		for (k = 0; k < npick; k++)
			times += pick[k] % d->nblocks == b;
		if (times % 2 == 1)
			require(notes_find(n, b) >= 0, "a toggled highlight");
	}
	first = serialize(n);
	require(notes_file_parse(&disk, first, strlen(first)) ==
	    NOTES_FILE_OK, "a saved file parses");
	n->nadded = n->nremoved = 0;
	notes_merge(n, &disk, d);
	notes_file_free(&disk);
	check_notes(n, d);
	second = serialize(n);
	require(strcmp(first, second) == 0, "a second save changes nothing");
	free(first);
	free(second);
	notes_free(n);
}

/* The history list: non-empty lines of distinct keys (up to a tab), at
 * most max. */
static void
check_list(const char *data, size_t len, size_t max)
{
	struct state_list l;
	size_t i, j;

	memset(&l, 0, sizeof l);
	state_list_parse(&l, data, len, max);
	require(l.n <= max, "at most max items");
	for (i = 0; i < l.n; i++) {
		require(l.items[i][0] != '\0', "no empty item");
		require(strchr(l.items[i], '\n') == NULL, "one line an item");
		for (j = 0; j < i && l.n < 64; j++) {
			size_t ki = strcspn(l.items[i], "\t");

			require(ki != strcspn(l.items[j], "\t") ||
			    strncmp(l.items[i], l.items[j], ki) != 0,
			    "distinct keys");
		}
	}
	state_list_free(&l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *state, *text = (const char *)data + 1;
	struct doc *d;
	unsigned mode;
	size_t nstate, ntext;

	if (size < 1)
		return 0;
	mode = data[0];
	state = text;
	nstate = size - 1;
	switch (mode & 3) {
	case 0:
		d = doc_new((const uint8_t *)talk, strlen(talk), "talk",
		    DOC_BORROWED);
		break;
	case 1:
		d = doc_new(asset_interview, asset_interview_len, "seed",
		    DOC_BORROWED);
		break;
	default:
		state = memmem(text, nstate, "lectern-state", 13);
		if (state == NULL)
			state = text + nstate;
		ntext = (size_t)(state - text);
		nstate -= ntext;
		d = doc_new((const uint8_t *)text, ntext, "fuzz",
		    DOC_BORROWED);
		break;
	}
	/* All of it, or only its start (another reader's highlights past
	 * what is read are then pending). */
	if (mode & 4)
		doc_parse_until(d, d->len / 3);
	else
		doc_parse_all(d);
	check_file(state, nstate);
	check_merge(state, nstate, d, mode, data + 1, size > 4 ? 3 : 0);
	check_list(state, nstate, mode & 8 ? 3 : 500);
	doc_free(d);
	return 0;
}

#ifdef FUZZ_MAIN
int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		struct buf b = { NULL, 0, 0 };
		char chunk[65536];
		size_t n;

		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&b, chunk, n);
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
		buf_free(&b);
		printf("PASS fuzz-state/%s\n", strrchr(argv[i], '/') != NULL ?
		    strrchr(argv[i], '/') + 1 : argv[i]);
	}
	return 0;
}
#endif
