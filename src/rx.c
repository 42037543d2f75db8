/*
 * rx.c: regular expressions compiled to a program for a Pike VM, in the
 * manner of Thompson and of Russ Cox's notes on them (rx_run.c runs it,
 * reads UTF-8 and tells what a class holds).
 *
 * The pattern is parsed into a tree, its size worked out as it is built,
 * so that counted repetition too large to write out is refused before a
 * single instruction is written. The program is the tree reversed (a
 * concatenation's parts last to first): it is run backward over the text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>

#include "lectern/rx.h"
#include "lectern/util.h"
#include "rx_impl.h"

#define MAX_GROUPS	200	/* groups nested in groups */
#define MAX_DEPTH	1000	/* a tree's depth, with stacked repeats */
#define FOLD_MAX	16	/* code points a literal folds to */

enum node_type { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_ASSERT, N_CAT, N_ALT,
	N_REP };

struct node {
	uint8_t		 type;
	uint8_t		 arg;		/* N_ASSERT: its kind */
	uint32_t	 c, c2;		/* N_CHAR: either; N_CLASS: c */
	uint32_t	 kid;		/* N_REP: what is repeated */
	uint32_t	 first, n;	/* N_CAT, N_ALT: kids[first..][n] */
	int		 min, max;	/* N_REP: max -1 for no bound */
	size_t		 size;		/* instructions, at most a cap + 1 */
	int		 depth;
};

struct parser {
	const uint8_t	*p, *end;
	int		 flags;
	rx_fold_fn	 fold;
	void		*arg;
	struct rx	*re;
	struct node	*nodes;
	size_t		 nnodes, capnodes;
	uint32_t	*kids;		/* children of N_CAT and N_ALT */
	size_t		 nkids, capkids;
	uint32_t	*stk;		/* children being gathered */
	size_t		 nstk, capstk;
	int		 groups;
	char		*err;
	size_t		 errsize;
	int		 failed;
};

/* Records the first error; returns -1 for the caller to pass up. */
static int fail(struct parser *, const char *, ...) UTIL_PRINTF(2, 3);

static int
fail(struct parser *P, const char *fmt, ...)
{
	va_list ap;

	if (!P->failed && P->errsize > 0) {
		va_start(ap, fmt);
		vsnprintf(P->err, P->errsize, fmt, ap);
		va_end(ap);
	}
	P->failed = 1;
	return -1;
}

static size_t
cap_size(size_t n)
{
	return n > RX_MAX_INSTS ? RX_MAX_INSTS + 1 : n;
}

/* Adds a node; returns its index. */
static int
node_new(struct parser *P, enum node_type type)
{
	struct node *nd;

	UTIL_GROW(P->nodes, P->capnodes, P->nnodes + 1);
	nd = &P->nodes[P->nnodes];
	memset(nd, 0, sizeof *nd);
	nd->type = (uint8_t)type;
	nd->size = type == N_EMPTY ? 0 : 1;
	nd->depth = 1;
	return (int)P->nnodes++;
}

/* A node of the n children on top of the gathering stack, from base:
 * N_CAT or N_ALT (or the one child, or N_EMPTY). */
static int
node_list(struct parser *P, enum node_type type, size_t base)
{
	size_t n = P->nstk - base, i, size = 0;
	int id, depth = 0;

	if (n == 0) {
		P->nstk = base;
		return node_new(P, N_EMPTY);
	}
	if (n == 1) {
		P->nstk = base;
		return (int)P->stk[base];
	}
	for (i = 0; i < n; i++) {
		const struct node *k = &P->nodes[P->stk[base + i]];

		size = cap_size(size + k->size + (type == N_ALT ? 2 : 0));
		if (k->depth > depth)
			depth = k->depth;
	}
	if (type == N_ALT)
		size -= 2;
	id = node_new(P, type);
	UTIL_GROW(P->kids, P->capkids, P->nkids + n);
	memcpy(P->kids + P->nkids, P->stk + base, n * sizeof *P->kids);
	P->nodes[id].first = (uint32_t)P->nkids;
	P->nodes[id].n = (uint32_t)n;
	P->nodes[id].size = cap_size(size);
	P->nodes[id].depth = depth + 1;
	P->nkids += n;
	P->nstk = base;
	return id;
}

static void
push(struct parser *P, int id)
{
	UTIL_GROW(P->stk, P->capstk, P->nstk + 1);
	P->stk[P->nstk++] = (uint32_t)id;
}

/* The instructions of kid repeated min to max times (max -1: no bound). */
static size_t
rep_size(size_t kid, int min, int max)
{
	size_t m = (size_t)min, size;

	if (kid == 0)
		return 0;
	if (max < 0)
		size = min == 0 ? kid + 2 : m * kid + 1;
	else
		size = m * kid + (size_t)(max - min) * (kid + 1);
	return cap_size(size);
}

/* Decodes a UTF-8 character of the pattern; -1 when it is not valid. */
static int
next_char(struct parser *P, uint32_t *uc)
{
	size_t k = rx_decode(P->p, (size_t)(P->end - P->p), uc);

	if (*uc >= RX_BAD)
		return fail(P, "the expression is not valid UTF-8");
	P->p += k;
	return 0;
}

/* Sets the case partner of a character to match with RX_ICASE. */
static uint32_t
other_case(uint32_t c)
{
	uint32_t o;

	if (c >= RX_BAD)
		return c;
	o = uc_tolower(c);
	return o != c ? o : uc_toupper(c);
}

/* A literal character, folded. */
static int
literal(struct parser *P, uint32_t uc)
{
	uint32_t out[FOLD_MAX];
	size_t base = P->nstk;
	int n = 1, i, id;

	out[0] = uc;
	if (P->fold != NULL)
		n = P->fold(P->arg, uc, out, FOLD_MAX);
	for (i = 0; i < n && i < FOLD_MAX; i++) {
		id = node_new(P, N_CHAR);
		P->nodes[id].c = out[i];
		P->nodes[id].c2 = (P->flags & RX_ICASE) ? other_case(out[i]) :
		    out[i];
		push(P, id);
	}
	return node_list(P, N_CAT, base);
}

static const struct {
	const char	*name;
	unsigned	 bit;
} class_names[] = {
	{ "alpha", RX_C_ALPHA }, { "digit", RX_C_DIGIT },
	{ "alnum", RX_C_ALNUM }, { "upper", RX_C_UPPER },
	{ "lower", RX_C_LOWER }, { "space", RX_C_SPACE },
	{ "blank", RX_C_BLANK }, { "punct", RX_C_PUNCT },
	{ "print", RX_C_PRINT }, { "graph", RX_C_GRAPH },
	{ "cntrl", RX_C_CNTRL }, { "xdigit", RX_C_XDIGIT },
};

/* Starts a class; returns its index. */
static uint32_t
class_new(struct parser *P, int negate)
{
	struct rx *re = P->re;
	struct rx_class *c;

	UTIL_GROW(re->cls, re->capcls, re->ncls + 1);
	c = &re->cls[re->ncls];
	memset(c, 0, sizeof *c);
	c->negate = (uint8_t)negate;
	c->icase = (P->flags & RX_ICASE) != 0;
	c->first = re->nranges;
	return (uint32_t)re->ncls++;
}

static void
class_range(struct parser *P, uint32_t ci, uint32_t lo, uint32_t hi)
{
	struct rx *re = P->re;

	UTIL_GROW(re->ranges, re->capranges, 2 * (re->nranges + 1));
	re->ranges[2 * re->nranges] = lo;
	re->ranges[2 * re->nranges + 1] = hi;
	re->nranges++;
	re->cls[ci].n++;
}

/* Works out the class's ASCII members once. */
static void
class_end(struct parser *P, uint32_t ci)
{
	struct rx_class *c = &P->re->cls[ci];
	uint32_t b;

	for (b = 0; b < 128; b++)
		if (rx_class_slow(P->re, c, b))
			c->ascii[b >> 5] |= 1u << (b & 31);
}

/* A class node of \w, \s or \d, or their negations. */
static int
builtin_class(struct parser *P, unsigned bit, int negate)
{
	uint32_t ci = class_new(P, negate);
	int id;

	P->re->cls[ci].named = bit;
	class_end(P, ci);
	id = node_new(P, N_CLASS);
	P->nodes[id].c = ci;
	return id;
}

/* One end of a range or a member in brackets: a character or [.c.] (and
 * [=c=], taken as the character). */
static int
bracket_char(struct parser *P, uint32_t *uc, int *coll)
{
	*coll = 0;
	if (P->end - P->p >= 2 && P->p[0] == '[' && (P->p[1] == '.' ||
	    P->p[1] == '=')) {
		uint8_t kind = P->p[1];

		P->p += 2;
		if (P->p >= P->end || next_char(P, uc) == -1)
			return fail(P, "unmatched [");
		if (P->end - P->p < 2 || P->p[0] != kind || P->p[1] != ']')
			return fail(P, "only single characters go in [. .] "
			    "and [= =]");
		P->p += 2;
		*coll = 1;
		return 0;
	}
	return next_char(P, uc);
}

/* A bracket expression, after its '['. */
static int
bracket(struct parser *P)
{
	uint32_t ci, lo, hi, out[FOLD_MAX];
	int first = 1, coll, id, n;

	ci = class_new(P, P->p < P->end && *P->p == '^');
	if (P->p < P->end && *P->p == '^')
		P->p++;
	for (;;) {
		if (P->p >= P->end)
			return fail(P, "unmatched [");
		if (*P->p == ']' && !first)
			break;
		first = 0;
		if (P->end - P->p >= 2 && P->p[0] == '[' && P->p[1] == ':') {
			const uint8_t *s = P->p + 2, *e = s;
			size_t i;

			while (e + 1 < P->end && !(e[0] == ':' && e[1] == ']'))
				e++;
			if (e + 1 >= P->end)
				return fail(P, "unmatched [:");
			for (i = 0; i < sizeof class_names /
			    sizeof class_names[0]; i++)
				if (strlen(class_names[i].name) ==
				    (size_t)(e - s) && memcmp(class_names[i].name,
				    s, (size_t)(e - s)) == 0)
					break;
			if (i == sizeof class_names / sizeof class_names[0])
				return fail(P, "unknown class [:%.*s:]",
				    (int)(e - s), (const char *)s);
			P->re->cls[ci].named |= class_names[i].bit;
			P->p = e + 2;
			continue;
		}
		if (bracket_char(P, &lo, &coll) == -1)
			return -1;
		if (P->end - P->p >= 2 && P->p[0] == '-' && P->p[1] != ']') {
			P->p++;
			if (bracket_char(P, &hi, &coll) == -1)
				return -1;
			if (hi < lo)
				return fail(P, "a range ends before it starts");
			class_range(P, ci, lo, hi);
			continue;
		}
		/* A member folds like a literal, when it folds to one. */
		n = 1;
		out[0] = lo;
		if (P->fold != NULL && !coll)
			n = P->fold(P->arg, lo, out, FOLD_MAX);
		if (n != 1)
			out[0] = lo;
		class_range(P, ci, out[0], out[0]);
	}
	P->p++;
	class_end(P, ci);
	id = node_new(P, N_CLASS);
	P->nodes[id].c = ci;
	return id;
}

static int
assertion(struct parser *P, int kind)
{
	int id = node_new(P, N_ASSERT);

	P->nodes[id].arg = (uint8_t)kind;
	return id;
}

/* An escape, after its backslash. */
static int
escape(struct parser *P)
{
	uint32_t uc;

	if (P->p >= P->end)
		return fail(P, "a backslash ends the expression");
	switch (*P->p++) {
	case 'w': return builtin_class(P, RX_C_WORD, 0);
	case 'W': return builtin_class(P, RX_C_WORD, 1);
	case 's': return builtin_class(P, RX_C_SPACE, 0);
	case 'S': return builtin_class(P, RX_C_SPACE, 1);
	case 'd': return builtin_class(P, RX_C_DIGIT, 0);
	case 'D': return builtin_class(P, RX_C_DIGIT, 1);
	case 'b': return assertion(P, RX_A_WORDB);
	case 'B': return assertion(P, RX_A_NWORDB);
	case '<': return assertion(P, RX_A_WBEG);
	case '>': return assertion(P, RX_A_WEND);
	case '`': return assertion(P, RX_A_BOT);
	case '\'': return assertion(P, RX_A_EOT);
	}
	P->p--;
	if (*P->p >= '1' && *P->p <= '9')
		return fail(P, "back-references are not supported");
	if ((*P->p >= 'a' && *P->p <= 'z') || (*P->p >= 'A' &&
	    *P->p <= 'Z') || *P->p == '0')
		return fail(P, "unknown escape \\%c", *P->p);
	if (next_char(P, &uc) == -1)
		return -1;
	return literal(P, uc);
}

static int parse_alt(struct parser *);

/* An atom: a character, a class, an anchor or a group. */
static int
atom(struct parser *P)
{
	uint32_t uc;
	int id;

	switch (*P->p) {
	case '(':
		P->p++;
		if (++P->groups > MAX_GROUPS)
			return fail(P, "too complex (groups nested over %d "
			    "deep)", MAX_GROUPS);
		if ((id = parse_alt(P)) == -1)
			return -1;
		if (P->p >= P->end || *P->p != ')')
			return fail(P, "unmatched (");
		P->p++;
		P->groups--;
		return id;
	case '[':
		P->p++;
		return bracket(P);
	case '.':
		P->p++;
		return node_new(P, N_ANY);
	case '^':
		P->p++;
		return assertion(P, RX_A_BOL);
	case '$':
		P->p++;
		return assertion(P, RX_A_EOL);
	case '\\':
		P->p++;
		return escape(P);
	}
	if (next_char(P, &uc) == -1)
		return -1;
	return literal(P, uc);
}

/* Reads a number of a count; -1 when there is none. */
static long
number(struct parser *P)
{
	long v = -1;

	while (P->p < P->end && *P->p >= '0' && *P->p <= '9') {
		v = (v < 0 ? 0 : v) * 10 + (*P->p++ - '0');
		if (v > 100000)
			v = 100000;
	}
	return v;
}

/* A count {m}, {m,}, {,n} or {m,n}, after its brace. */
static int
interval(struct parser *P, int *min, int *max)
{
	long lo, hi;

	lo = number(P);
	hi = lo;
	if (P->p < P->end && *P->p == ',') {
		P->p++;
		hi = number(P);
		if (lo < 0)
			lo = 0;
	} else if (lo < 0)
		return fail(P, "a { must start a count like {2} or {1,3} "
		    "(\\{ for a brace)");
	if (P->p >= P->end || *P->p != '}')
		return fail(P, "a { must start a count like {2} or {1,3} "
		    "(\\{ for a brace)");
	P->p++;
	if (hi >= 0 && hi < lo)
		return fail(P, "a count {m,n} with n below m");
	if (lo > RX_MAX_REPEAT || hi > RX_MAX_REPEAT)
		return fail(P, "too complex (a count over %d)", RX_MAX_REPEAT);
	*min = (int)lo;
	*max = (int)hi;
	return 0;
}

/* An atom and the repeats after it. */
static int
repeat(struct parser *P)
{
	const uint8_t *start = P->p;
	int id, rep, min, max;

	if ((id = atom(P)) == -1)
		return -1;
	while (P->p < P->end) {
		switch (*P->p) {
		case '*': min = 0; max = -1; break;
		case '+': min = 1; max = -1; break;
		case '?': min = 0; max = 1; break;
		case '{': min = 0; max = 0; break;
		default: return id;
		}
		if (*start == '^' || *start == '$')
			return fail(P, "nothing to repeat before '%c'", *P->p);
		if (*P->p++ == '{' && interval(P, &min, &max) == -1)
			return -1;
		rep = node_new(P, N_REP);
		P->nodes[rep].kid = (uint32_t)id;
		P->nodes[rep].min = min;
		P->nodes[rep].max = max;
		P->nodes[rep].size = rep_size(P->nodes[id].size, min, max);
		P->nodes[rep].depth = P->nodes[id].depth + 1;
		if (P->nodes[rep].depth > MAX_DEPTH)
			return fail(P, "too complex (too deeply nested)");
		id = rep;
	}
	return id;
}

/* A concatenation: up to '|', an unmatched ')' in a group or the end. */
static int
parse_cat(struct parser *P)
{
	size_t base = P->nstk;
	int id;

	while (P->p < P->end && *P->p != '|' && !(*P->p == ')' &&
	    P->groups > 0)) {
		if (*P->p == '*' || *P->p == '+' || *P->p == '?' ||
		    *P->p == '{')
			return fail(P, "nothing to repeat before '%c'", *P->p);
		if ((id = repeat(P)) == -1)
			return -1;
		push(P, id);
	}
	return node_list(P, N_CAT, base);
}

/* Alternatives: concatenations between '|'. */
static int
parse_alt(struct parser *P)
{
	size_t base = P->nstk;
	int id;

	for (;;) {
		if ((id = parse_cat(P)) == -1)
			return -1;
		push(P, id);
		if (P->p >= P->end || *P->p != '|')
			break;
		P->p++;
	}
	id = node_list(P, N_ALT, base);
	if (P->nodes[id].depth > MAX_DEPTH)
		return fail(P, "too complex (too deeply nested)");
	return id;
}

/* Adds an instruction; returns its index. */
static uint32_t
emit_op(struct rx *re, int op, uint32_t x, uint32_t y)
{
	struct rx_inst *in;

	UTIL_GROW(re->prog, re->capprog, re->nprog + 1);
	in = &re->prog[re->nprog];
	in->op = (uint8_t)op;
	in->arg = 0;
	in->x = x;
	in->y = y;
	return (uint32_t)re->nprog++;
}

/* Writes node id's program, reversed. */
static void
emit(struct parser *P, uint32_t id)
{
	const struct node *nd = &P->nodes[id];
	struct rx *re = P->re;
	uint32_t i, s, loop, chain = UINT32_MAX;
	int k;

	if (nd->size == 0)
		return;
	switch (nd->type) {
	case N_CHAR:
		emit_op(re, RX_OP_CHAR, nd->c, nd->c2);
		break;
	case N_ANY:
		emit_op(re, RX_OP_ANY, 0, 0);
		break;
	case N_CLASS:
		emit_op(re, RX_OP_CLASS, nd->c, 0);
		break;
	case N_ASSERT:
		s = emit_op(re, RX_OP_ASSERT, 0, 0);
		re->prog[s].arg = nd->arg;
		break;
	case N_CAT:
		for (i = nd->n; i-- > 0;)
			emit(P, P->kids[nd->first + i]);
		break;
	case N_ALT:
		/* SPLIT to this one or the next; each jumps to the end,
		 * the jumps chained through x until then. */
		for (i = 0; i < nd->n; i++) {
			if (i + 1 == nd->n) {
				emit(P, P->kids[nd->first + i]);
				break;
			}
			s = emit_op(re, RX_OP_SPLIT, 0, 0);
			re->prog[s].x = (uint32_t)re->nprog;
			emit(P, P->kids[nd->first + i]);
			chain = emit_op(re, RX_OP_JMP, chain, 0);
			re->prog[s].y = (uint32_t)re->nprog;
		}
		break;
	case N_REP:
		if (nd->max < 0 && nd->min == 0) {
			loop = emit_op(re, RX_OP_SPLIT, 0, 0);
			re->prog[loop].x = (uint32_t)re->nprog;
			emit(P, nd->kid);
			emit_op(re, RX_OP_JMP, loop, 0);
			re->prog[loop].y = (uint32_t)re->nprog;
			break;
		}
		for (k = 0; k < nd->min - (nd->max < 0); k++)
			emit(P, nd->kid);
		if (nd->max < 0) {
			loop = (uint32_t)re->nprog;
			emit(P, nd->kid);
			emit_op(re, RX_OP_SPLIT, loop, (uint32_t)re->nprog + 1);
			break;
		}
		for (k = nd->min; k < nd->max; k++) {
			s = emit_op(re, RX_OP_SPLIT, 0, chain);
			chain = s;
			re->prog[s].x = (uint32_t)re->nprog;
			emit(P, nd->kid);
		}
		/* The SPLITs' other ways all lead past the last. */
		while (chain != UINT32_MAX) {
			s = re->prog[chain].y;
			re->prog[chain].y = (uint32_t)re->nprog;
			chain = s;
		}
		return;
	default:
		break;
	}
	/* The jumps out of alternatives lead here. */
	while (nd->type == N_ALT && chain != UINT32_MAX) {
		s = re->prog[chain].x;
		re->prog[chain].x = (uint32_t)re->nprog;
		chain = s;
	}
}

/* Works out which ASCII characters can end a match (the first the
 * reversed program reads), and whether it can match the empty string. */
static void
first_chars(struct rx *re)
{
	uint8_t *seen = xcalloc(re->nprog, 1);
	uint32_t *stack = xmalloc((2 * re->nprog + 2) * sizeof *stack);
	size_t sp = 0;
	uint32_t b;

	stack[sp++] = 0;
	while (sp > 0) {
		uint32_t pc = stack[--sp];
		const struct rx_inst *in = &re->prog[pc];

		if (seen[pc])
			continue;
		seen[pc] = 1;
		switch (in->op) {
		case RX_OP_JMP:
			stack[sp++] = in->x;
			break;
		case RX_OP_SPLIT:
			stack[sp++] = in->y;
			stack[sp++] = in->x;
			break;
		case RX_OP_ASSERT:
			stack[sp++] = pc + 1;
			break;
		case RX_OP_MATCH:
			re->empty = 1;
			break;
		default:
			for (b = 0; b < 128; b++)
				if (rx_accepts(re, in, b))
					re->last[b] = 1;
			break;
		}
	}
	free(stack);
	free(seen);
}

struct rx *
rx_compile(const char *pattern, size_t n, int flags, rx_fold_fn fold,
    void *arg, char *err, size_t size)
{
	struct parser P;
	struct rx *re = xcalloc(1, sizeof *re);
	int root;

	memset(&P, 0, sizeof P);
	P.p = (const uint8_t *)pattern;
	P.end = P.p + n;
	P.flags = flags;
	P.fold = fold;
	P.arg = arg;
	P.re = re;
	P.err = err;
	P.errsize = size;
	root = parse_alt(&P);
	if (root != -1 && P.p < P.end)
		fail(&P, "unmatched )");
	if (root != -1 && !P.failed &&
	    P.nodes[root].size + 1 > RX_MAX_INSTS)
		fail(&P, "too complex (over %d instructions written out)",
		    RX_MAX_INSTS);
	if (!P.failed) {
		emit(&P, (uint32_t)root);
		emit_op(re, RX_OP_MATCH, 0, 0);
		first_chars(re);
	}
	free(P.nodes);
	free(P.kids);
	free(P.stk);
	if (P.failed) {
		rx_free(re);
		return NULL;
	}
	return re;
}

void
rx_free(struct rx *re)
{
	if (re == NULL)
		return;
	free(re->prog);
	free(re->cls);
	free(re->ranges);
	free(re);
}

size_t
rx_size(const struct rx *re)
{
	return re->nprog;
}
