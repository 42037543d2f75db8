/* segments.c: timed segments joined into turns and paragraphs. */
#include <stdint.h>
#include <string.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/lexicon.h"
#include "lectern/segments.h"

/* Starts joining: no paragraph is open. */
void
seg_begin(struct seg_join *j)
{
	j->block = SIZE_MAX;
	j->speaker = -1;
	j->len = 0;
	j->ended = 0;
}

/* Closes the open paragraph. */
void
seg_end(struct seg_join *j)
{
	j->block = SIZE_MAX;
}

/* True for a code point of a script written without spaces. */
static int
unspaced(uint32_t uc)
{
	return (uc >= 0x2E80 && uc <= 0x9FFF) || (uc >= 0xF900 &&
	    uc <= 0xFAFF) || (uc >= 0xFF00 && uc <= 0xFFEF) ||
	    (uc >= 0x20000 && uc <= 0x3FFFF);
}

/* True when the speaker's name is the n bytes at name. */
static int
same_name(const struct doc *d, int speaker, const uint8_t *name, size_t n)
{
	const char *s;

	if (speaker < 0 || name == NULL)
		return 0;
	s = d->speakers[speaker].name;
	return strlen(s) == n && memcmp(s, name, n) == 0;
}

/* Starts a turn of the named speaker whose text is the segment. */
static void
start_turn(struct doc *d, struct seg_join *j, const uint8_t *name,
    size_t nn, uint32_t time, const uint8_t *text, size_t n)
{
	struct build_piece p;
	int sp = build_speaker(d, name, nn);

	p = build_piece(build_text(d, name, nn), 0);
	p.lend = p.start + nn;
	build_texts(d, ": ");
	p.tstart = build_text(d, text, n);
	p.end = p.tend = build_len(d);
	p.time = time;
	j->block = build_turn(d, sp, &p);
	j->speaker = sp;
	j->len = n;
	j->ended = lex_ends_sentence(text, 0, n);
	build_texts(d, "\n");
}

/* Starts a paragraph, in the open turn if there is one. */
static void
start_para(struct doc *d, struct seg_join *j, uint32_t time,
    const uint8_t *text, size_t n)
{
	struct build_piece p;
	size_t at = build_text(d, text, n);

	p = build_piece(at, at + n);
	p.time = time;
	j->block = build_para(d, &p);
	j->speaker = build_turn_speaker(d);
	j->len = n;
	j->ended = lex_ends_sentence(text, 0, n);
	build_texts(d, "\n");
}

/* Goes on in the open paragraph. */
static void
go_on(struct doc *d, struct seg_join *j, const uint8_t *text, size_t n)
{
	struct doc_block *b;
	int len;
	size_t end;

	/* The newline after the paragraph becomes the joint. */
	build_trim(d, d->blocks[j->block].tend);
	end = build_len(d);
	if (!(unspaced(lex_last_char(d->src + d->blocks[j->block].tstart,
	    end - d->blocks[j->block].tstart)) &&
	    unspaced(lex_char_at(text, n, &len))))
		build_texts(d, " ");
	build_text(d, text, n);
	b = &d->blocks[j->block];
	b->end = b->tend = build_len(d);
	j->len += n;
	j->ended = lex_ends_sentence(text, 0, n);
	build_texts(d, "\n");
}

/* Adds a segment to a turn or a paragraph (see segments.h). */
void
seg_add(struct doc *d, struct seg_join *j, const uint8_t *name, size_t nn,
    uint32_t time, const uint8_t *text, size_t n, const uint8_t *next,
    size_t xn)
{
	int open = j->block != SIZE_MAX ? j->speaker : build_turn_speaker(d);

	if (n == 0)
		return;
	if (name == NULL && next != NULL && !same_name(d, open, next, xn)) {
		/* The first segment of the next speaker's turn. */
		name = next;
		nn = xn;
	}
	if (name != NULL && !same_name(d, open, name, nn)) {
		start_turn(d, j, name, nn, time, text, n);
		return;
	}
	if (j->block == SIZE_MAX || j->speaker != build_turn_speaker(d) ||
	    (j->ended && j->len >= SEG_PARA_MIN) || j->len >= SEG_PARA_MAX) {
		start_para(d, j, time, text, n);
		return;
	}
	go_on(d, j, text, n);
}
