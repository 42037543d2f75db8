/*
 * speech.c: speaker labels and their times in a line of a transcript.
 *
 * A label is a name, then perhaps a time in brackets, then perhaps a
 * colon, then perhaps a bare time: "Name (00:01:02):", "Name: 00:12:34",
 * "Name [12:34]". Markdown's ** may stand around the name or around the
 * whole label. A time may also lead the line, one segment a line:
 * "[00:01:02] Name: text". The reader decides what a label it is told of
 * counts for; this file only reads shapes.
 */
#include <string.h>
#include <strings.h>

#include "lectern/doc.h"
#include "lectern/lexicon.h"
#include "lectern/speech.h"

#define MAX_NAME_BYTES	LEX_MAX_NAME_BYTES

#define MAX_AFFIL	60	/* bytes of "(North Bay)" after a name */
#define MAX_ROLE_WORDS	5	/* words of ", HOST" after a name */

/* What the label's tail has held so far. */
struct tail {
	int		 colon;
	int		 affil;		/* "(INTRO)", "(North Bay)" */
	size_t		 as, ae;	/* what is in the brackets */
	uint32_t	 time;
};

/* True when [s, e) is a speaker id: SPEAKER_00, Speaker 2, spk1. */
int
speech_is_id(const uint8_t *src, size_t s, size_t e)
{
	static const char *const heads[] = { "speaker", "spkr", "spk", NULL };
	size_t n, p;
	int i, digits = 0;

	for (i = 0; heads[i] != NULL; i++) {
		n = strlen(heads[i]);
		if (e - s > n && strncasecmp((const char *)src + s, heads[i],
		    n) == 0)
			break;
	}
	if (heads[i] == NULL)
		return 0;
	p = s + n;
	if (p < e && (src[p] == ' ' || src[p] == '_' || src[p] == '-'))
		p++;
	for (; p < e && src[p] >= '0' && src[p] <= '9'; p++)
		digits++;
	return p == e && digits >= 1 && digits <= 3;
}

/* True when [s, e) is one value rather than speech: a single token with
 * a digit, a link or an address ("2025-11-30", "Qp0rCU49lMs"). */
static int
value_like(const uint8_t *src, size_t s, size_t e)
{
	size_t i;
	int digit = 0, other = 0;

	if (e - s > 200 || e == s)
		return 0;
	for (i = s; i < e; i++) {
		if (src[i] == ' ' || src[i] == '\t')
			return 0;
		if (src[i] >= '0' && src[i] <= '9')
			digit = 1;
		else if (src[i] == '/' || src[i] == '@')
			other = 1;
	}
	return digit || other;
}

/* The end of an affiliation in brackets at p, "(North Bay)", or p: a
 * few words, with no colon or bracket inside. */
static size_t
affil_end(const uint8_t *src, size_t p, size_t e)
{
	uint8_t close = src[p] == '(' ? ')' : ']';
	size_t q;

	for (q = p + 1; q < e && q - p <= MAX_AFFIL; q++) {
		if (src[q] == close)
			return q > p + 1 ? q + 1 : p;
		if (src[q] == ':' || src[q] == '(' || src[q] == '[' ||
		    src[q] == ')' || src[q] == ']')
			return p;
	}
	return p;
}

/* Reads what may follow a name in [*p, e): spaces, a time in brackets,
 * an affiliation in brackets, a colon. Stops at anything else. */
static void
read_tail(const uint8_t *src, size_t *p, size_t e, struct tail *t)
{
	size_t q;
	uint32_t ms;

	int k;

	while (*p < e && lex_hspace(src[*p]))
		(*p)++;
	/* A time, and what a name is, where, or what they do, in
	 * brackets (a label only with the colon after it: "JACK (INTRO):",
	 * "Ms Hale (Westmoor) (00:01:02):"), in either order. */
	for (k = 0; k < 2 && !t->colon && *p < e; k++) {
		if (t->time == DOC_NO_TIME &&
		    (q = lex_stamp(src, *p, e, &ms)) > *p)
			t->time = ms;
		else if (!t->affil && (src[*p] == '(' || src[*p] == '[') &&
		    (q = affil_end(src, *p, e)) > *p)
			t->affil = 1, t->as = *p + 1, t->ae = q - 1;
		else
			break;
		*p = q;
		while (*p < e && lex_hspace(src[*p]))
			(*p)++;
	}
	if (!t->colon && *p < e && src[*p] == ':') {
		t->colon = 1;
		(*p)++;
		while (*p < e && lex_hspace(src[*p]))
			(*p)++;
	}
}

/* The end of a name starting at p: the first ':', '(' or '[' within the
 * longest name, or lim. */
static size_t
name_end(const uint8_t *src, size_t p, size_t lim)
{
	size_t i;

	if (lim - p > MAX_NAME_BYTES + 1)
		lim = p + MAX_NAME_BYTES + 1;
	for (i = p; i < lim && src[i] != ':' && src[i] != '(' &&
	    src[i] != '['; i++)
		;
	return i;
}

/* "AILSA CHANG, HOST": the name, when a role of a few words follows it
 * after a comma; sets the name's range and words. */
static int
role_after(const uint8_t *src, size_t ns, size_t ne, struct speech *sp)
{
	const uint8_t *comma = memchr(src + ns, ',', ne - ns);
	size_t rs, re, c;
	int rw;

	if (comma == NULL)
		return 0;
	c = (size_t)(comma - src);
	rs = c + 1;
	re = ne;
	lex_trim(src, &rs, &re);
	ne = c;
	lex_trim(src, &ns, &ne);
	if (rs >= re || ns >= ne || !lex_namelike(src, rs, re, &rw) ||
	    rw > MAX_ROLE_WORDS || !lex_namelike(src, ns, ne, &sp->words))
		return 0;
	sp->ns = ns;
	sp->ne = ne;
	return 1;
}

/* Sets the name's range and words; true when it is a name or an id. */
static int
take_name(const uint8_t *src, size_t ns, size_t ne, struct speech *sp)
{
	lex_trim(src, &ns, &ne);
	sp->ns = ns;
	sp->ne = ne;
	sp->words = 0;
	if (speech_is_id(src, ns, ne)) {
		sp->flags |= SPEECH_ID;
		sp->words = 1;
		return 1;
	}
	if (lex_rolelike(src, ns, ne))
		sp->flags |= SPEECH_ROLE;
	if (lex_namelike(src, ns, ne, &sp->words))
		return 1;
	return role_after(src, ns, ne, sp);
}

/* "Name 0:03", "Name hh:mm:ss": a label alone ending in a bare time. */
static int
bare_label(const uint8_t *src, size_t s, size_t e, struct speech *sp)
{
	size_t i;
	uint32_t ms;

	for (i = e; i > s && src[i - 1] != ' ' && src[i - 1] != '\t'; i--)
		;
	if (i == s || !lex_time(src, i, e, &ms) || !take_name(src, s, i, sp))
		return 0;
	sp->time = ms;
	sp->ts = sp->te = e;
	return 1;
}

/* Classifies a label of name [ns, ne) whose text starts at r (e: none),
 * with what its tail held. */
static enum speech_kind
label_kind(const uint8_t *src, size_t ns, size_t ne, size_t r, size_t e,
    const struct tail *t, struct speech *sp)
{
	size_t q;
	uint32_t ms;
	int colons = 0, name;

	if (!t->colon && t->time == DOC_NO_TIME && r < e &&
	    lex_bare_time(src, r, e, &ms, NULL) == e) {
		/* "**Name**  0:03" */
		name = take_name(src, ns, ne, sp);
		sp->time = ms;
		sp->ts = sp->te = e;
		return name ? SPEECH_LABEL : SPEECH_NONE;
	}
	if (!t->colon && (t->time == DOC_NO_TIME || r < e))
		return SPEECH_NONE;
	name = take_name(src, ns, ne, sp);
	/* "The Minister for Health (Ms Carr):": the name in brackets. */
	if (!name && t->affil && t->colon) {
		sp->flags &= ~(unsigned)SPEECH_ROLE;
		name = take_name(src, t->as, t->ae, sp);
	}
	if (t->colon && t->time == DOC_NO_TIME && r < e) {
		/* "Name: 00:12:34", "Name: [12:34]", "NVK: 00:02:06text" */
		q = lex_stamp(src, r, e, &ms);
		if (q == r && (q = lex_bare_time(src, r, e, &ms, &colons)) > r &&
		    q < e && src[q] != ' ' && colons < 2)
			q = r;
		if (q > r && (q == e || colons == 2 || src[q] == ' ')) {
			if (q < e && colons < 2 && src[q] == ' ')
				q = r;	/* "Name: 10:30 is when": text */
			else {
				sp->time = ms;
				r = q;
				while (r < e && lex_hspace(src[r]))
					r++;
			}
		}
	}
	sp->ts = r;
	sp->te = e;
	if (t->time != DOC_NO_TIME)
		sp->time = t->time;
	if (name) {
		if (r < e) {
			if (lex_names_only(src, r, e))
				sp->flags |= SPEECH_NAMES;
			if (value_like(src, r, e))
				sp->flags |= SPEECH_VALUE;
		}
		return r < e ? SPEECH_TURN : SPEECH_LABEL;
	}
	/* "Producer: Ann Lee and Bo Chan", "**Date:** 2025-11-30" */
	if (t->colon && r < e && (sp->flags & SPEECH_ROLE) &&
	    sp->time == DOC_NO_TIME) {
		if (lex_names_only(src, r, e))
			sp->flags |= SPEECH_NAMES;
		if (value_like(src, r, e))
			sp->flags |= SPEECH_VALUE;
		if (sp->flags & (SPEECH_NAMES | SPEECH_VALUE))
			return SPEECH_CREDIT;
	}
	return SPEECH_NONE;
}

/* Reads a label at p: bold ("**Name:** text") or not. */
static enum speech_kind
read_label(const uint8_t *src, size_t p, size_t e, struct speech *sp)
{
	struct tail t = { 0, 0, 0, 0, DOC_NO_TIME };
	enum speech_kind kind;
	size_t c, ne, r;

	if (e - p >= 5 && src[p] == '*' && src[p + 1] == '*') {
		for (c = p + 2; c + 1 < e && c < p + MAX_NAME_BYTES + 24; c++)
			if (src[c] == '*' && src[c + 1] == '*')
				break;
		if (c + 1 >= e || src[c] != '*' || src[c + 1] != '*' ||
		    c == p + 2)
			return SPEECH_NONE;
		sp->flags |= SPEECH_BOLD;
		/* The name, and its tail inside the ** */
		ne = name_end(src, p + 2, c);
		r = ne;
		read_tail(src, &r, c, &t);
		if (r != c)
			return SPEECH_NONE;
		r = c + 2;
		read_tail(src, &r, e, &t);
		return label_kind(src, p + 2, ne, r, e, &t, sp);
	}
	ne = name_end(src, p, e);
	if (ne > p && ne < e) {
		r = ne;
		read_tail(src, &r, e, &t);
		/* A colon needs a space (or the end) after it: not "12:30";
		 * on a web page a letter may follow ("HOST:Today"). */
		if (t.colon && r < e && r > 0 && src[r - 1] == ':' &&
		    !((sp->flags & SPEECH_RUNON) && !(src[r] >= '0' &&
		    src[r] <= '9') && src[r] != '/'))
			return bare_label(src, p, e, sp) ? SPEECH_LABEL :
			    SPEECH_NONE;
		kind = label_kind(src, p, ne, r, e, &t, sp);
		if (kind != SPEECH_NONE)
			return kind;
	}
	sp->flags &= ~(unsigned)(SPEECH_ROLE | SPEECH_ID);
	return bare_label(src, p, e, sp) ? SPEECH_LABEL : SPEECH_NONE;
}

/* Reads the line [s, e) into *sp; returns its kind (see speech.h). */
enum speech_kind
speech_read(const uint8_t *src, size_t s, size_t e, unsigned flags,
    struct speech *sp)
{
	size_t p = s, q, te;
	uint32_t ms;

	memset(sp, 0, sizeof *sp);
	sp->kind = SPEECH_NONE;
	sp->flags = flags & (SPEECH_BOLD | SPEECH_RUNON);
	sp->ns = sp->ne = s;
	sp->ts = s;
	sp->te = e;
	sp->time = DOC_NO_TIME;
	if (e <= s)
		return SPEECH_NONE;
	/* A time first: "(00:01:02):" goes on; "[00:01:02] text" leads. */
	if ((q = lex_stamp(src, p, e, &ms)) > p) {
		if (q < e && src[q] == ':') {
			for (q++; q < e && lex_hspace(src[q]); q++)
				;
			sp->time = ms;
			sp->ts = q;
			return sp->kind = SPEECH_MORE;
		}
		if (q < e && !lex_hspace(src[q]))
			return SPEECH_NONE;
		while (q < e && lex_hspace(src[q]))
			q++;
		sp->time = ms;
		sp->flags |= SPEECH_LEAD;
		sp->ts = p = q;
		if (p == e)
			return SPEECH_NONE;
	}
	sp->kind = read_label(src, p, e, sp);
	if (sp->kind == SPEECH_NONE) {
		/* No label: the text, without a time at either end. */
		sp->flags &= SPEECH_BOLD | SPEECH_LEAD;
		sp->ns = sp->ne = s;
		sp->words = 0;
		if (!(sp->flags & SPEECH_LEAD))
			sp->time = DOC_NO_TIME;
		sp->ts = p;
		sp->te = e;
		if (sp->time == DOC_NO_TIME &&
		    lex_end_stamp(src, p, e, &te, &ms)) {
			sp->time = ms;
			if (te > p && src[te - 1] == ':')
				te--;
			sp->te = te;
		}
	}
	return sp->kind;
}
