/*
 * rx_run.c: running a program over a text, backward, in bounded slices;
 * reading UTF-8 and telling what a class holds.
 *
 * Going from the end of the text to its start, a thread is started at
 * every position where a match may end, carrying that end. The program is
 * reversed, so a thread that reaches MATCH at position k has found a match
 * [k, end). Two threads in the same state at the same position have the
 * same future, so only the one with the later end is kept: threads are
 * kept in order of their ends, latest first, and the first to reach a
 * state has it. The first MATCH at k is then the longest match from k.
 * Every state is visited at most once a position, so the work is the
 * text's length times the program's.
 *
 * The longest match from each start is noted; the leftmost of them that do
 * not overlap, POSIX's matches, are read off forward afterwards.
 */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>

#include "lectern/rx.h"
#include "lectern/util.h"
#include "rx_impl.h"

#define CAND_KEEP	(1u << 20)	/* candidates kept between texts */

enum phase { PH_BACK, PH_EMIT, PH_DONE };

struct rx_run {
	const struct rx	*re;
	rx_bound_fn	 bound;
	void		*barg;
	int		 flags;
	enum phase	 phase;
	size_t		 n, from;
	size_t		 k;		/* PH_BACK: the position reached */
	uint32_t	 next;		/* the character starting at k */
	/* Threads waiting for the character that ends at k, latest end
	 * first. */
	uint32_t	*wpc, *wend;
	size_t		 nw;
	/* The states reached at k, a sparse set, latest end first. */
	uint32_t	*cpc, *cend, *sparse;
	size_t		 nc;
	uint32_t	*stack;
	/* The longest match from each start, as (start, end), by
	 * decreasing start. */
	uint32_t	*cand;
	size_t		 ncand, capcand;
	size_t		 ci;		/* PH_EMIT: candidates left */
	size_t		 cur;		/* where the next match may start */
	int		 cur_empty;	/* the last match was empty at cur */
};

/* True when the class holds c, case aside. */
static int
class_raw(const struct rx *re, const struct rx_class *c, uint32_t uc)
{
	unsigned m = c->named;
	size_t i;

	for (i = c->first; i < c->first + c->n; i++)
		if (uc >= re->ranges[2 * i] && uc <= re->ranges[2 * i + 1])
			return 1;
	if (m == 0 || uc >= RX_BAD)
		return 0;
	return ((m & RX_C_ALPHA) && uc_is_alpha(uc)) ||
	    ((m & RX_C_DIGIT) && uc_is_digit(uc)) ||
	    ((m & RX_C_ALNUM) && uc_is_alnum(uc)) ||
	    ((m & RX_C_UPPER) && uc_is_upper(uc)) ||
	    ((m & RX_C_LOWER) && uc_is_lower(uc)) ||
	    ((m & RX_C_SPACE) && uc_is_space(uc)) ||
	    ((m & RX_C_BLANK) && uc_is_blank(uc)) ||
	    ((m & RX_C_PUNCT) && uc_is_punct(uc)) ||
	    ((m & RX_C_PRINT) && uc_is_print(uc)) ||
	    ((m & RX_C_GRAPH) && uc_is_graph(uc)) ||
	    ((m & RX_C_CNTRL) && uc_is_cntrl(uc)) ||
	    ((m & RX_C_XDIGIT) && uc_is_xdigit(uc)) ||
	    ((m & RX_C_WORD) && (uc == '_' || uc_is_alnum(uc)));
}

int
rx_class_slow(const struct rx *re, const struct rx_class *c, uint32_t uc)
{
	int in = class_raw(re, c, uc);

	if (!in && c->icase && uc < RX_BAD)
		in = class_raw(re, c, uc_tolower(uc)) ||
		    class_raw(re, c, uc_toupper(uc));
	if (c->negate)
		return !in && uc != '\n';
	return in;
}

size_t
rx_decode(const uint8_t *s, size_t n, uint32_t *uc)
{
	uint8_t b = s[0];
	uint32_t c, min;
	size_t k, i;

	if (b < 0x80) {
		*uc = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		k = 2;
		c = b & 0x1F;
		min = 0x80;
	} else if (b >= 0xE0 && b <= 0xEF) {
		k = 3;
		c = b & 0x0F;
		min = 0x800;
	} else if (b >= 0xF0 && b <= 0xF4) {
		k = 4;
		c = b & 0x07;
		min = 0x10000;
	} else
		goto bad;
	if (k > n)
		goto bad;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*uc = c;
	return k;
bad:
	*uc = RX_BAD | b;
	return 1;
}

struct rx_run *
rx_run_new(const struct rx *re)
{
	struct rx_run *run = xcalloc(1, sizeof *run);
	size_t n = re->nprog;

	run->re = re;
	run->wpc = xmalloc(n * sizeof *run->wpc);
	run->wend = xmalloc(n * sizeof *run->wend);
	run->cpc = xmalloc(n * sizeof *run->cpc);
	run->cend = xmalloc(n * sizeof *run->cend);
	run->sparse = xcalloc(n, sizeof *run->sparse);
	run->stack = xmalloc((2 * n + 2) * sizeof *run->stack);
	run->phase = PH_DONE;
	return run;
}

void
rx_run_free(struct rx_run *run)
{
	if (run == NULL)
		return;
	free(run->wpc);
	free(run->wend);
	free(run->cpc);
	free(run->cend);
	free(run->sparse);
	free(run->stack);
	free(run->cand);
	free(run);
}

void
rx_run_bound(struct rx_run *run, rx_bound_fn bound, void *arg)
{
	run->bound = bound;
	run->barg = arg;
}

void
rx_run_start(struct rx_run *run, size_t n, size_t from, int flags)
{
	if (run->capcand > CAND_KEEP) {
		free(run->cand);
		run->cand = NULL;
		run->capcand = 0;
	}
	run->flags = flags;
	run->n = n;
	run->from = from > n ? n : from;
	run->k = n;
	run->next = RX_NONE;
	run->nw = 0;
	run->nc = 0;
	run->ncand = 0;
	run->cur = run->from;
	run->cur_empty = 0;
	run->phase = PH_BACK;
}

/* The character that ends at k (> 0); returns where it starts. Agrees
 * with rx_decode read forward from the start of the text. */
static size_t
decode_back(const uint8_t *t, size_t k, uint32_t *uc)
{
	size_t i = k - 1, lim = k >= 4 ? k - 4 : 0;

	if (t[i] < 0x80) {
		*uc = t[i];
		return i;
	}
	while (i > lim && (t[i] & 0xC0) == 0x80)
		i--;
	if ((t[i] & 0xC0) != 0x80 && rx_decode(t + i, k - i, uc) == k - i)
		return i;
	*uc = RX_BAD | t[k - 1];
	return k - 1;
}

static int
is_word(uint32_t c)
{
	if (c < 128)
		return c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >=
		    'a' && (c | 0x20) <= 'z');
	return c < RX_BAD && uc_is_alnum(c);
}

/* True when assertion a holds at position k, between prev and next. */
static int
holds(int a, uint32_t prev, uint32_t next, size_t k, size_t n)
{
	switch (a) {
	case RX_A_BOL:
		return prev == RX_NONE || prev == '\n';
	case RX_A_EOL:
		return next == RX_NONE || next == '\n';
	case RX_A_WORDB:
		return is_word(prev) != is_word(next);
	case RX_A_NWORDB:
		return is_word(prev) == is_word(next);
	case RX_A_WBEG:
		return !is_word(prev) && is_word(next);
	case RX_A_WEND:
		return is_word(prev) && !is_word(next);
	case RX_A_BOT:
		return k == 0;
	case RX_A_EOT:
		return k == n;
	default:
		return 0;
	}
}

/* Adds pc and the states it leads to without reading, at k, for a
 * thread with end j (unless a thread with a later end has them). */
static void
closure(struct rx_run *run, uint32_t pc, uint32_t j, uint32_t prev)
{
	const struct rx_inst *prog = run->re->prog;
	size_t sp = 0, i;

	run->stack[sp++] = pc;
	while (sp > 0) {
		pc = run->stack[--sp];
		i = run->sparse[pc];
		if (i < run->nc && run->cpc[i] == pc)
			continue;
		run->sparse[pc] = (uint32_t)run->nc;
		run->cpc[run->nc] = pc;
		run->cend[run->nc++] = j;
		switch (prog[pc].op) {
		case RX_OP_JMP:
			run->stack[sp++] = prog[pc].x;
			break;
		case RX_OP_SPLIT:
			run->stack[sp++] = prog[pc].y;
			run->stack[sp++] = prog[pc].x;
			break;
		case RX_OP_ASSERT:
			if (holds(prog[pc].arg, prev, run->next, run->k,
			    run->n))
				run->stack[sp++] = pc + 1;
			break;
		default:
			break;
		}
	}
}

/* Notes the longest match from start s. */
static void
candidate(struct rx_run *run, size_t s, uint32_t e)
{
	UTIL_GROW(run->cand, run->capcand, 2 * (run->ncand + 1));
	run->cand[2 * run->ncand] = (uint32_t)s;
	run->cand[2 * run->ncand + 1] = e;
	run->ncand++;
}

static void
spend(size_t *budget, size_t n)
{
	*budget = *budget > n ? *budget - n : 0;
}

/* Reads the text backward from k down to from. Returns 0 when the budget
 * ran out first. */
static int
back(struct rx_run *run, const uint8_t *t, size_t *budget)
{
	const struct rx *re = run->re;
	int skip = !re->empty || (run->flags & RX_NONEMPTY);
	uint32_t prev, j;
	size_t i, kp;

	for (;;) {
		size_t k = run->k;
		int ok;

		if (*budget == 0)
			return 0;
		/* No thread alive: on over ASCII no match can end with. */
		if (run->nw == 0 && skip && k > run->from) {
			while (k > run->from && t[k - 1] < 0x80 &&
			    !re->last[t[k - 1]])
				k--;
			if (k != run->k) {
				spend(budget, (run->k - k) / 16 + 1);
				run->next = t[k];
				run->k = k;
			}
		}
		kp = k > 0 ? decode_back(t, k, &prev) : k;
		if (k == 0)
			prev = RX_NONE;
		run->nc = 0;
		for (i = 0; i < run->nw; i++)
			closure(run, run->wpc[i], run->wend[i], prev);
		ok = run->bound == NULL || run->bound(run->barg, k);
		if (ok)
			closure(run, 0, (uint32_t)k, prev);
		/* The first MATCH has the latest end: the longest match. */
		for (i = 0; ok && i < run->nc; i++) {
			if (re->prog[run->cpc[i]].op != RX_OP_MATCH)
				continue;
			j = run->cend[i];
			if (j > k || !(run->flags & RX_NONEMPTY))
				candidate(run, k, j);
			break;
		}
		spend(budget, run->nc + run->nw + 1);
		if (k <= run->from)
			return 1;
		/* Over the character that ends at k. */
		run->nw = 0;
		for (i = 0; i < run->nc; i++) {
			const struct rx_inst *in = &re->prog[run->cpc[i]];

			if (in->op <= RX_OP_CLASS && rx_accepts(re, in, prev)) {
				run->wpc[run->nw] = run->cpc[i] + 1;
				run->wend[run->nw++] = run->cend[i];
			}
		}
		run->next = prev;
		run->k = kp;
	}
}

enum rx_status
rx_exec(struct rx_run *run, const uint8_t *text, size_t n,
    size_t *budget, struct rx_match *m)
{
	size_t s, e;

	if (n != run->n)
		return RX_DONE;		/* not the text it was started on */
	if (run->phase == PH_BACK) {
		if (!back(run, text, budget))
			return RX_PAUSED;
		run->phase = PH_EMIT;
		run->ci = run->ncand;
	}
	while (run->phase == PH_EMIT && run->ci > 0) {
		if (*budget == 0)
			return RX_PAUSED;
		spend(budget, 1);
		run->ci--;
		s = run->cand[2 * run->ci];
		e = run->cand[2 * run->ci + 1];
		if (s < run->cur || (s == run->cur && run->cur_empty))
			continue;
		m->so = s;
		m->eo = e;
		run->cur = e;
		run->cur_empty = s == e;
		return RX_MATCH;
	}
	run->phase = PH_DONE;
	return RX_DONE;
}

int
rx_search(const struct rx *re, const uint8_t *text, size_t n, size_t from,
    struct rx_match *m)
{
	struct rx_run *run = rx_run_new(re);
	size_t budget = SIZE_MAX;
	int found;

	rx_run_start(run, n, from, 0);
	found = rx_exec(run, text, n, &budget, m) == RX_MATCH;
	rx_run_free(run);
	return found;
}
