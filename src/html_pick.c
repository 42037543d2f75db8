/* html_pick.c: which element of a page holds its main content, the way a
 * browser's reader mode decides: elements named like a transcript or an
 * article's body, then <article> and <main>, when they hold most of the
 * text; else the element whose paragraphs score best (their length and
 * commas, less their links). Chrome (share bars, cookie notices, comment
 * sections, sidebars, page headers and footers) and hidden elements are
 * dropped unless they hold most of the page, as wrappers sometimes do. */
#include <string.h>

#include "lectern/html.h"

#define CHROME_SHARE	0.3	/* chrome holding more than this is a wrapper */
#define HIDDEN_SHARE	0.8	/* the same for hidden elements */
#define NAMED_SHARE	0.5	/* a named element's text next to the best's */
#define INNER_SHARE	0.8	/* an inner candidate holding this much wins */
#define MIN_PARA	25	/* characters of a paragraph that scores */

/* White space in page text counts 1, a comma 1 << 32 (one sum makes
 * both counts). */
#define COMMA	((uint64_t)1 << 32)
static const uint64_t byte_count[256] = {
	[' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1,
	[','] = COMMA
};

/* Sums the text of every element, bottom up, leaving out dropped ones. */
static void
sum_text(struct html_page *pg)
{
	struct html_node *nd = pg->nodes;
	size_t i, k;

	for (i = 0; i < pg->n; i++) {
		if (nd[i].tag == HT_TEXT && nd[i].score < 0)
			continue;	/* counted already */
		nd[i].chars = nd[i].linkchars = nd[i].commas = 0;
		nd[i].score = 0;
		nd[i].flags &= ~(unsigned)HN_BLOCKS;
	}
	for (i = pg->n; i-- > 0;) {
		struct html_node *n = &nd[i];

		if (n->tag == HT_TEXT && n->score == 0) {
			const uint8_t *t = (const uint8_t *)pg->text.data;
			uint64_t sum = 0;

			/* Without branches: most of the page is here. */
			n->score = -1;
			for (k = n->ts; k < n->te; k++)
				sum += byte_count[t[k]];
			n->chars = n->te - n->ts - (uint32_t)(sum & 0xFFFFFFFF);
			n->commas = (uint32_t)(sum >> 32);
			if (n->flags & HN_INLINK)
				n->linkchars = n->chars;
		}
		if (n->parent < 0 || (n->flags & HN_DROP))
			continue;
		nd[n->parent].chars += n->chars;
		nd[n->parent].linkchars += n->linkchars;
		nd[n->parent].commas += n->commas;
		if (html_is_block((enum html_tag)n->tag) ||
		    (n->flags & HN_BLOCKS))
			nd[n->parent].flags |= HN_BLOCKS;
	}
}

/* Marks chrome and hidden elements dropped, and all they hold. */
static void
drop_chrome(struct html_page *pg, uint32_t total)
{
	struct html_node *nd = pg->nodes;
	size_t i;

	for (i = 0; i < pg->n; i++) {
		struct html_node *n = &nd[i];

		n->flags &= ~(unsigned)HN_DROP;
		if (n->parent >= 0 && (nd[n->parent].flags & HN_DROP))
			n->flags |= HN_DROP;
		else if ((n->flags & HN_NEGATIVE) &&
		    n->chars < total * CHROME_SHARE)
			n->flags |= HN_DROP;
		else if ((n->flags & HN_HIDDEN) &&
		    n->chars < total * HIDDEN_SHARE)
			n->flags |= HN_DROP;
	}
}

/* The score an element starts with for what it is. */
static float
tag_weight(const struct html_node *n)
{
	float w = 0;

	switch (n->tag) {
	case HT_DIV: case HT_ARTICLE: case HT_MAIN: case HT_SECTION:
		w = 5;
		break;
	case HT_PRE: case HT_TD: case HT_BLOCKQUOTE:
		w = 3;
		break;
	case HT_ADDRESS: case HT_OL: case HT_UL: case HT_DL: case HT_DD:
	case HT_DT: case HT_LI: case HT_FORM:
		w = -3;
		break;
	case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5:
	case HT_H6: case HT_TH:
		w = -5;
		break;
	}
	if (n->flags & (HN_POSITIVE | HN_TRANSCRIPT | HN_BODYNAME))
		w += 25;
	if (n->flags & HN_NEGATIVE)
		w -= 25;
	return w;
}

/* Gives each paragraph's score to its parent, grandparent and great-
 * grandparent; returns the element that scores best, or -1. */
static int
score(struct html_page *pg)
{
	struct html_node *nd = pg->nodes;
	float best = 0, s;
	int top = -1, p, level;
	size_t i;

	for (i = 0; i < pg->n; i++) {
		struct html_node *n = &nd[i];

		if ((n->flags & (HN_DROP | HN_BLOCKS)) || n->tag == HT_TEXT ||
		    !html_is_block((enum html_tag)n->tag) ||
		    n->chars < MIN_PARA)
			continue;
		s = 1.0f + (float)n->commas + (n->chars / 100 < 3 ?
		    (float)(n->chars / 100) : 3.0f);
		for (p = n->parent, level = 0; p >= 0 && level < 3;
		    p = nd[p].parent, level++) {
			if (nd[p].score == 0)
				nd[p].score = tag_weight(&nd[p]) + 0.001f;
			nd[p].score += level == 0 ? s : level == 1 ? s / 2 :
			    s / (float)(level * 3);
		}
	}
	for (i = 0; i < pg->n; i++) {
		struct html_node *n = &nd[i];

		if ((n->flags & HN_DROP) || n->tag == HT_TEXT || n->score == 0 ||
		    n->chars == 0)
			continue;
		s = n->score * (1.0f - (float)n->linkchars / (float)n->chars);
		if (top < 0 || s > best) {
			best = s;
			top = (int)i;
		}
	}
	return top;
}

/* The innermost element with flag that holds enough text: at least
 * NAMED_SHARE of the best-scoring element's, and INNER_SHARE of the
 * largest such element's. -1 when there is none. */
static int
named(struct html_page *pg, unsigned flag, uint32_t need)
{
	struct html_node *nd = pg->nodes;
	uint32_t most = 0;
	int pick = -1;
	size_t i;

	for (i = 0; i < pg->n; i++)
		if ((nd[i].flags & flag) && !(nd[i].flags & HN_DROP) &&
		    nd[i].chars >= need && nd[i].chars > most)
			most = nd[i].chars;
	if (most == 0)
		return -1;
	for (i = 0; i < pg->n; i++)
		if ((nd[i].flags & flag) && !(nd[i].flags & HN_DROP) &&
		    nd[i].chars >= most * INNER_SHARE &&
		    (pick < 0 || nd[i].chars < nd[pick].chars ||
		    (nd[i].chars == nd[pick].chars &&
		    nd[i].parent == pick)))
			pick = (int)i;
	return pick;
}

/* True when two elements have the same name (tag, id and classes). */
static int
same_name(const struct html_page *pg, int a, int b)
{
	const struct html_node *x = &pg->nodes[a], *y = &pg->nodes[b];

	return x->tag == y->tag && x->te - x->ts == y->te - y->ts &&
	    x->te > x->ts && memcmp(pg->names.data + x->ts,
	    pg->names.data + y->ts, x->te - x->ts) == 0;
}

/* The pick once chrome is dropped (or not, with keep set). */
static int
pick_once(struct html_page *pg, int root, int keep)
{
	struct html_node *nd = pg->nodes;
	uint32_t need;
	int best, c, sib;

	sum_text(pg);
	if (!keep) {
		drop_chrome(pg, nd[root].chars);
		sum_text(pg);
	} else {
		size_t i;

		for (i = 0; i < pg->n; i++)
			nd[i].flags &= ~(unsigned)HN_DROP;
	}
	best = score(pg);
	if (best < 0)
		return root;
	need = (uint32_t)(nd[best].chars * NAMED_SHARE);
	if (need < 1)
		need = 1;
	if ((c = named(pg, HN_TRANSCRIPT, need)) < 0 &&
	    (c = named(pg, HN_BODYNAME, need)) < 0 &&
	    (c = named(pg, HN_ARTICLE, need)) < 0)
		c = best;
	/* A transcript cut into parts of one name: all of them. */
	if (nd[c].parent >= 0 && c != root) {
		for (sib = nd[nd[c].parent].first; sib >= 0;
		    sib = nd[sib].next)
			if (sib != c && !(nd[sib].flags & HN_DROP) &&
			    nd[sib].chars >= MIN_PARA && same_name(pg, sib, c))
				return nd[c].parent;
	}
	return c;
}

int
html_pick(struct html_page *pg)
{
	int root, c;
	uint32_t all;

	if (pg->n == 0)
		return -1;
	root = pg->body >= 0 ? pg->body : 0;
	sum_text(pg);
	all = pg->nodes[root].chars;
	c = pick_once(pg, root, 0);
	/* Dropping chrome left next to nothing: the names misled. */
	if (pg->nodes[c].chars < 250 && all > 2 * pg->nodes[c].chars + 250)
		c = pick_once(pg, root, 1);
	return c;
}
