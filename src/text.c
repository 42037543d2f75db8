/* text.c: decoding UTF-8 into safe, measured glyphs. */
#include <stdio.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "lectern/text.h"
#include "lectern/util.h"

static const uint8_t replacement[] = "\xEF\xBF\xBD";

/* True for invisible characters that could reorder or hide text. */
static int
is_hostile_format(uint32_t uc)
{
	return (uc >= 0x202A && uc <= 0x202E) ||	/* bidi embeddings, overrides */
	    (uc >= 0x2066 && uc <= 0x2069) ||		/* bidi isolates */
	    uc == 0x200E || uc == 0x200F || uc == 0x061C ||	/* bidi marks */
	    (uc >= 0xFFF9 && uc <= 0xFFFB) ||		/* interlinear annotation */
	    (uc >= 0xE0000 && uc <= 0xE007F);		/* tag characters */
}

static int
is_space(uint32_t uc)
{
	return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r' ||
	    uc == '\v' || uc == '\f' || uc == 0x2028 || uc == 0x2029 ||
	    uc == 0x85;
}

size_t
text_glyph(const uint8_t *s, size_t n, struct text_glyph *g)
{
	ucs4_t uc;
	int len, w;

	len = u8_mbtouc(&uc, s, n);
	if (len <= 0)
		len = 1;
	g->srclen = (size_t)len;
	g->uc = uc;
	if (uc == 0xFFFD && !(len == 3 && memcmp(s, replacement, 3) == 0)) {
		/* An invalid sequence: u8_mbtouc consumed what it could. */
		g->kind = TEXT_PLACEHOLDER;
		g->show = replacement;
		g->nshow = 3;
		g->width = 1;
		return g->srclen;
	}
	if (is_space(uc)) {
		g->kind = TEXT_SPACE;
		g->show = (const uint8_t *)" ";
		g->nshow = 1;
		g->width = 1;
		return g->srclen;
	}
	if (uc < 0x20 || uc == 0x7F) {
		g->kind = TEXT_PLACEHOLDER;
		g->buf[0] = '^';
		g->buf[1] = uc == 0x7F ? '?' : (char)(uc + 64);
		g->show = (const uint8_t *)g->buf;
		g->nshow = 2;
		g->width = 2;
		return g->srclen;
	}
	w = (uc >= 0x80 && uc < 0xA0) || is_hostile_format(uc) ? -1 :
	    uc_width(uc, "UTF-8");
	if (w < 0) {
		g->kind = TEXT_PLACEHOLDER;
		snprintf(g->buf, sizeof g->buf, "<U+%04X>", (unsigned)uc);
		g->show = (const uint8_t *)g->buf;
		g->nshow = strlen(g->buf);
		g->width = (int)g->nshow;
		return g->srclen;
	}
	g->kind = TEXT_PRINT;
	g->show = s;
	g->nshow = g->srclen;
	g->width = w;
	return g->srclen;
}

size_t
text_width(const uint8_t *s, size_t n)
{
	struct text_glyph g;
	size_t i, w;

	for (i = w = 0; i < n;) {
		i += text_glyph(s + i, n - i, &g);
		w += (size_t)g.width;
	}
	return w;
}

void
text_sanitize(struct buf *b, const uint8_t *s, size_t n)
{
	struct text_glyph g;
	size_t i;

	for (i = 0; i < n;) {
		i += text_glyph(s + i, n - i, &g);
		buf_add(b, g.show, g.nshow);
	}
}

int
text_is_letter(uint32_t uc)
{
	return uc_is_alpha(uc);
}

int
text_is_upper(uint32_t uc)
{
	return uc_is_upper(uc) || uc_is_property_titlecase(uc) ||
	    (uc_is_alpha(uc) && uc_tolower(uc) != (ucs4_t)uc);
}
