/* rec.c: lines, names, page furniture and paragraphs for the readers of
 * records and scripts. */
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/rec.h"
#include "lectern/util.h"

int
rec_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

int
rec_line(const uint8_t *p, size_t n, size_t pos, struct rec_line *l)
{
	const uint8_t *nl;
	int col = 0;

	if (pos >= n)
		return 0;
	nl = memchr(p + pos, '\n', n - pos);
	l->start = pos;
	l->end = nl == NULL ? n : (size_t)(nl - p);
	l->next = nl == NULL ? n : l->end + 1;
	l->s = l->start;
	l->e = l->end;
	while (l->s < l->e && rec_space(p[l->s])) {
		col = p[l->s] == '\t' ? (col / 8 + 1) * 8 : col + 1;
		l->s++;
	}
	/* A no-break space (U+00A0) before the text counts as white space. */
	while (l->e - l->s >= 2 && p[l->s] == 0xC2 && p[l->s + 1] == 0xA0) {
		l->s += 2;
		col++;
	}
	while (l->e > l->s && rec_space(p[l->e - 1]))
		l->e--;
	l->indent = col;
	return 1;
}

uint32_t
rec_char(const uint8_t *p, size_t n, int *len)
{
	ucs4_t uc;
	int k = u8_mbtouc(&uc, p, n);

	*len = k < 1 ? 1 : k;
	return uc;
}

/* Counts upper-case and lower-case letters of [s, e) into *upper and
 * *lower, stopping at the first lower-case one when stop is set. */
static void
letters(const uint8_t *p, size_t s, size_t e, size_t *upper, size_t *lower,
    int stop)
{
	size_t i = s;
	int len;
	uint32_t uc;

	*upper = *lower = 0;
	while (i < e) {
		if (p[i] < 0x80) {
			if (p[i] >= 'A' && p[i] <= 'Z')
				(*upper)++;
			else if (p[i] < 'a' || p[i] > 'z')
				;
			else if (p[i] == 'c' && i > s && p[i - 1] == 'M' &&
			    (i - 1 == s || p[i - 2] == ' ' ||
			    p[i - 2] == '-') && i + 1 < e && p[i + 1] >= 'A' &&
			    p[i + 1] <= 'Z')
				(*upper)++;	/* McCAIN: a name in capitals */
			else if ((*lower)++, stop)
				return;
			i++;
			continue;
		}
		uc = rec_char(p + i, e - i, &len);
		if (uc_is_upper(uc) || uc_is_property_titlecase(uc))
			(*upper)++;
		else if (uc_is_lower(uc) && ((*lower)++, stop))
			return;
		i += (size_t)len;
	}
}

void
rec_letters(const uint8_t *p, size_t s, size_t e, size_t *upper,
    size_t *lower)
{
	letters(p, s, e, upper, lower, 0);
}

int
rec_caps(const uint8_t *p, size_t s, size_t e)
{
	size_t up, low;

	letters(p, s, e, &up, &low, 1);
	return up > 0 && low == 0;
}

int
rec_word(const uint8_t *p, size_t s, size_t e, const char *w,
    const char *after)
{
	size_t n = strlen(w);

	if (e - s < n || strncasecmp((const char *)p + s, w, n) != 0)
		return 0;
	return s + n == e || p[s + n] == ' ' || p[s + n] == '\t' ||
	    (after != NULL && p[s + n] != '\0' &&
	    strchr(after, p[s + n]) != NULL);
}

int
rec_has(const uint8_t *p, size_t s, size_t e, const char *w)
{
	size_t n = strlen(w), k, i, last;
	const uint8_t *q;
	uint8_t lo, up;

	if (n == 0)
		return s <= e;
	if (s > e || e - s < n)
		return 0;
	last = e - n;			/* the last place w can start */
	/* A byte of w without case and rarer than a space (a bracket, a
	 * dot) is looked for with memchr, the fastest scan there is. */
	for (k = 0; k < n; k++)
		if (!(((uint8_t)w[k] | 0x20) >= 'a' &&
		    ((uint8_t)w[k] | 0x20) <= 'z') && w[k] != ' ')
			break;
	if (k < n) {
		for (i = s; i <= last; i = (size_t)(q - p) - k + 1) {
			q = memchr(p + i + k, w[k], last - i + 1);
			if (q == NULL)
				return 0;
			if (strncasecmp((const char *)q - k, w, n) == 0)
				return 1;
		}
		return 0;
	}
	/* The first byte, either case, before any call. */
	lo = (uint8_t)w[0] >= 'A' && (uint8_t)w[0] <= 'Z' ?
	    (uint8_t)(w[0] | 0x20) : (uint8_t)w[0];
	up = lo >= 'a' && lo <= 'z' ? (uint8_t)(lo - 32) : lo;
	for (i = s; i <= last; i++)
		if ((p[i] == lo || p[i] == up) &&
		    strncasecmp((const char *)p + i + 1, w + 1, n - 1) == 0)
			return 1;
	return 0;
}

/* Skips ASCII digits from i; returns where they end. */
static size_t
digits(const uint8_t *p, size_t i, size_t e)
{
	while (i < e && p[i] >= '0' && p[i] <= '9')
		i++;
	return i;
}

int
rec_page_number(const uint8_t *p, size_t s, size_t e)
{
	size_t i;

	if (e - s >= 3 && (p[s] == '[' || p[s] == '-') && p[e - 1] == (p[s] ==
	    '[' ? ']' : '-')) {
		s++;
		e--;
		while (s < e && p[s] == ' ')
			s++;
		while (e > s && p[e - 1] == ' ')
			e--;
	}
	if (rec_word(p, s, e, "page", NULL)) {
		for (s += 4; s < e && p[s] == ' '; s++)
			;
	}
	i = digits(p, s, e);
	if (i == s || i - s > 5)
		return 0;
	if (i == e)
		return 1;
	/* "12 of 300" */
	if (e - i > 4 && memcmp(p + i, " of ", 4) == 0 &&
	    digits(p, i + 4, e) == e && e > i + 4)
		return 1;
	return 0;
}

/* True when [s, e) is a roman numeral of a few letters. */
static int
roman(const uint8_t *p, size_t s, size_t e)
{
	size_t i;

	if (e - s > 6 || e == s)
		return 0;
	for (i = s; i < e; i++)
		if (strchr("IVXLCivxlc", p[i]) == NULL || p[i] == '\0')
			return 0;
	return 1;
}

uint32_t
rec_shape(const uint8_t *p, size_t s, size_t e)
{
	uint32_t h = 2166136261u;
	size_t i, w;

	for (i = s; i < e;) {
		if (rec_space(p[i])) {
			i++;
			continue;
		}
		for (w = i; w < e && !rec_space(p[w]); w++)
			;
		if (roman(p, i, w) || (p[i] >= '0' && p[i] <= '9')) {
			h = (h ^ '#') * 16777619u;
		} else {
			for (; i < w; i++)
				if (p[i] < '0' || p[i] > '9')
					h = (h ^ p[i]) * 16777619u;
		}
		h = (h ^ ' ') * 16777619u;
		i = w;
	}
	return h == 0 ? 1 : h;
}

void
rec_shapes_add(struct rec_shapes *t, uint32_t h)
{
	size_t i, k;

	for (k = 0; k < REC_SHAPES; k++) {
		i = (h + k) % REC_SHAPES;
		if (t->hash[i] == h) {
			t->count[i]++;
			return;
		}
		if (t->hash[i] == 0) {
			t->hash[i] = h;
			t->count[i] = 1;
			return;
		}
	}
}

uint32_t
rec_shapes_count(const struct rec_shapes *t, uint32_t h)
{
	size_t i, k;

	for (k = 0; k < REC_SHAPES; k++) {
		i = (h + k) % REC_SHAPES;
		if (t->hash[i] == h)
			return t->count[i];
		if (t->hash[i] == 0)
			return 0;
	}
	return 0;
}

void
rec_para_open(struct doc *d, struct rec_para *pa)
{
	memset(pa, 0, sizeof *pa);
	pa->open = 1;
	pa->start = build_len(d);
}

/* True for a letter that is lower case. */
static int
lower_at(const uint8_t *p, size_t s, size_t e)
{
	int len;

	return s < e && uc_is_lower(rec_char(p + s, e - s, &len));
}

/* True when the line starting at s starts with a capital, after any
 * opening quote or bracket. */
static int
capital_at(const uint8_t *p, size_t s, size_t e)
{
	int len;
	uint32_t uc;

	for (;;) {
		if (s < e && strchr("'\"([_*", p[s]) != NULL && p[s] != '\0')
			s++;
		else if (e - s >= 3 && p[s] == 0xE2 && p[s + 1] == 0x80 &&
		    p[s + 2] >= 0x98 && p[s + 2] <= 0x9F)
			s += 3;		/* a curly quote */
		else
			break;
	}
	if (s >= e)
		return 0;
	uc = rec_char(p + s, e - s, &len);
	return uc_is_upper(uc) || uc_is_property_titlecase(uc);
}

void
rec_para_sep(struct doc *d, struct rec_para *pa, const uint8_t *p,
    size_t s, size_t e, enum rec_join how)
{
	const uint8_t *t = d->src;
	size_t n = build_len(d);
	int hyphen;

	pa->chars += e - s;
	if (pa->lines++ == 0)
		return;
	if (capital_at(p, s, e))
		pa->capital++;
	if (how == REC_LINES) {
		build_text(d, "\n", 1);
		return;
	}
	/* man-\nmade, Swenson--\nall: no space; a spaced dash keeps one. */
	hyphen = n >= pa->start + 2 && t[n - 1] == '-' && t[n - 2] != ' ' &&
	    lower_at(p, s, e);
	if (hyphen)
		return;
	if (how == REC_VERSE && !lower_at(p, s, e))
		build_text(d, "\n", 1);
	else
		build_text(d, " ", 1);
}

void
rec_para_line(struct doc *d, struct rec_para *pa, const uint8_t *p,
    size_t s, size_t e, enum rec_join how)
{
	rec_para_sep(d, pa, p, s, e, how);
	build_text(d, p + s, e - s);
}

int
rec_para_close(struct doc *d, struct rec_para *pa, enum rec_join how,
    size_t *s, size_t *e)
{
	size_t i, n;
	char *nl;
	int keep = how == REC_LINES;

	build_trim(d, pa->start);
	n = build_len(d);
	*s = pa->start;
	*e = n;
	pa->open = 0;
	if (how != REC_VERSE)
		return keep && memchr(d->src + *s, '\n', n - *s) != NULL;
	/* Verse: most lines start with a capital, and they are short. */
	if (pa->lines >= 2 && pa->capital * 4 >= (pa->lines - 1) * 3 &&
	    pa->chars / pa->lines <= 64)
		return memchr(d->src + *s, '\n', n - *s) != NULL;
	for (i = *s; i < n && (nl = memchr(d->build->text.data + i, '\n',
	    n - i)) != NULL; i = (size_t)(nl - d->build->text.data) + 1)
		*nl = ' ';
	return 0;
}

void
rec_gap(struct doc *d)
{
	if (build_len(d) > 0)
		build_text(d, "\n\n", 2);
}

size_t
rec_close(struct doc *d, struct rec_out *o)
{
	struct build_piece bp;
	size_t s, e, b;
	int keep;

	if (o->kind == REC_NONE)
		return (size_t)-1;
	keep = rec_para_close(d, &o->pa, o->how, &s, &e);
	build_style(d, 0);
	bp = build_piece(s, e);
	if (o->kind == REC_TURN) {
		bp.start = bp.lstart = o->lstart;
		bp.lend = o->lend;
		b = build_turn(d, o->speaker, &bp);
	} else if (s == e) {
		o->kind = REC_NONE;
		return (size_t)-1;
	} else
		b = build_para(d, &bp);
	d->blocks[b].lines = keep;
	o->kind = REC_NONE;
	return b;
}

void
rec_open(struct doc *d, struct rec_out *o, enum rec_kind kind,
    enum rec_join how)
{
	rec_close(d, o);
	rec_gap(d);
	rec_para_open(d, &o->pa);
	o->kind = kind;
	o->how = how;
	if (kind == REC_NOTE)
		build_style(d, DOC_SPAN_EMPH);
}

void
rec_turn(struct doc *d, struct rec_out *o, const uint8_t *name, size_t n,
    const char *sep, enum rec_join how)
{
	rec_close(d, o);
	rec_gap(d);
	o->lstart = build_text(d, name, n);
	o->lend = o->lstart + n;
	build_texts(d, sep);
	o->speaker = build_speaker(d, d->src + o->lstart, n);
	rec_para_open(d, &o->pa);
	o->kind = REC_TURN;
	o->how = how;
}

void
rec_add(struct doc *d, struct rec_out *o, const uint8_t *p, size_t s,
    size_t e)
{
	if (o->kind != REC_NONE)
		rec_para_line(d, &o->pa, p, s, e, o->how);
}

/* Named entities that pages of records use. */
static const struct {
	const char	*name;
	const char	*utf8;
} entities[] = {
	{ "lt", "<" }, { "gt", ">" }, { "amp", "&" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", "\xC2\xA0" }, { "mdash", "\xE2\x80\x94" },
	{ "ndash", "\xE2\x80\x93" }, { "lsquo", "\xE2\x80\x98" },
	{ "rsquo", "\xE2\x80\x99" }, { "ldquo", "\xE2\x80\x9C" },
	{ "rdquo", "\xE2\x80\x9D" }, { "hellip", "\xE2\x80\xA6" },
	{ "sect", "\xC2\xA7" }, { "para", "\xC2\xB6" }, { "deg", "\xC2\xB0" },
	{ "middot", "\xC2\xB7" }, { "bull", "\xE2\x80\xA2" },
	{ "copy", "\xC2\xA9" }, { "reg", "\xC2\xAE" },
	{ "frac12", "\xC2\xBD" }, { "frac14", "\xC2\xBC" },
	{ "eacute", "\xC3\xA9" }, { "egrave", "\xC3\xA8" },
	{ "aacute", "\xC3\xA1" }, { "ntilde", "\xC3\xB1" },
	{ "ouml", "\xC3\xB6" }, { "uuml", "\xC3\xBC" },
	{ "ccedil", "\xC3\xA7" },
};

/* Appends the code point uc as UTF-8 (a control or a surrogate as it
 * was written: the reader shows it as a placeholder). */
static void
add_utf8(struct buf *b, unsigned long uc)
{
	char u[4];

	if (uc == 0 || uc > 0x10FFFF || (uc >= 0xD800 && uc <= 0xDFFF))
		uc = 0xFFFD;
	if (uc < 0x80) {
		buf_addc(b, (char)uc);
	} else if (uc < 0x800) {
		u[0] = (char)(0xC0 | uc >> 6);
		u[1] = (char)(0x80 | (uc & 0x3F));
		buf_add(b, u, 2);
	} else if (uc < 0x10000) {
		u[0] = (char)(0xE0 | uc >> 12);
		u[1] = (char)(0x80 | ((uc >> 6) & 0x3F));
		u[2] = (char)(0x80 | (uc & 0x3F));
		buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | uc >> 18);
		u[1] = (char)(0x80 | ((uc >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((uc >> 6) & 0x3F));
		u[3] = (char)(0x80 | (uc & 0x3F));
		buf_add(b, u, 4);
	}
}

size_t
rec_entity(const uint8_t *p, size_t i, size_t e, struct buf *b)
{
	unsigned long uc = 0;
	size_t j = i + 1, k;
	int hex = 0;

	if (j < e && p[j] == '#') {
		j++;
		if (j < e && (p[j] == 'x' || p[j] == 'X')) {
			hex = 1;
			j++;
		}
		for (k = j; k < e && k - j < 8; k++) {
			int v = -1;

			if (p[k] >= '0' && p[k] <= '9')
				v = p[k] - '0';
			else if (hex && (p[k] | 0x20) >= 'a' &&
			    (p[k] | 0x20) <= 'f')
				v = (p[k] | 0x20) - 'a' + 10;

			if (v < 0)
				break;
			uc = uc * (hex ? 16 : 10) + (unsigned long)v;
		}
		if (k == j || k >= e || p[k] != ';')
			return 0;
		add_utf8(b, uc);
		return k + 1 - i;
	}
	for (k = j; k < e && k - j < 10 && ((p[k] >= 'a' && p[k] <= 'z') ||
	    (p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= '0' && p[k] <= '9'));
	    k++)
		;
	if (k == j || k >= e || p[k] != ';')
		return 0;
	for (uc = 0; uc < sizeof entities / sizeof entities[0]; uc++)
		if (strlen(entities[uc].name) == k - j &&
		    memcmp(entities[uc].name, p + j, k - j) == 0) {
			buf_adds(b, entities[uc].utf8);
			return k + 1 - i;
		}
	return 0;
}
