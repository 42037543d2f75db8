/* html_tree.c: a page parsed by libxml2's HTML parser (through its SAX
 * callbacks: no network, no tree of libxml2's own) into the compact tree
 * of struct html_page. Scripts, styles, navigation, forms' controls and
 * other elements that are never text are left out as they come; nesting
 * deeper than MAX_DEPTH is cut by closing the open elements and parsing
 * on from there, which bounds the parser's work on hostile markup. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lectern/doc.h"
#include "lectern/html.h"
#include "lectern/util.h"

#include "html_xml.h"

#define MAX_DEPTH	256	/* elements open at once */
#define MAX_NAME	120	/* bytes of "tag#id.class" kept */

static const char *tag_names[] = {
#define X(id, name) name,
	HTML_TAGS
#undef X
};

/* What the SAX callbacks keep while the parser runs. */
struct sax {
	struct html_page *pg;
	const struct html_xml *xml;
	htmlParserCtxtPtr ctxt;
	int		*stack;		/* per open element: node, -1 or -2 */
	size_t		 depth, cap;
	int		 cur;		/* the element text goes into */
	int		 dropped;	/* open elements that are not kept */
	int		 intitle;
	size_t		 restart;	/* where to parse on, or 0 */
	size_t		 base;		/* offset of this parse in the page */
	const uint8_t	*p;		/* the page */
	size_t		 n, at;		/* its length; read up to at */
};

enum html_tag
html_tag_of(const char *name)
{
	size_t i;

	for (i = 1; i < HT_TEXT; i++)
		if (tag_names[i][0] == name[0] && strcmp(tag_names[i], name) == 0)
			return (enum html_tag)i;
	return HT_OTHER;
}

const char *
html_tag_name(enum html_tag tag)
{
	return tag < HT_NTAGS ? tag_names[tag] : "";
}

int
html_is_block(enum html_tag t)
{
	switch (t) {
	case HT_ADDRESS: case HT_ARTICLE: case HT_BLOCKQUOTE: case HT_BODY:
	case HT_CAPTION: case HT_CENTER: case HT_DD: case HT_DETAILS:
	case HT_DIV: case HT_DL: case HT_DT: case HT_FIGCAPTION:
	case HT_FIGURE: case HT_FOOTER: case HT_FORM: case HT_H1: case HT_H2:
	case HT_H3: case HT_H4: case HT_H5: case HT_H6: case HT_HEADER:
	case HT_HR: case HT_HTML: case HT_LI: case HT_MAIN: case HT_MENU:
	case HT_OL: case HT_P: case HT_PRE: case HT_SECTION: case HT_TABLE:
	case HT_TBODY: case HT_TD: case HT_TFOOT: case HT_TH: case HT_THEAD:
	case HT_TR: case HT_UL: case HT_XMP: case HT_LISTING:
	case HT_PLAINTEXT:
		return 1;
	default:
		return 0;
	}
}

/* True for an element never shown: its subtree is not kept. */
static int
never_text(enum html_tag t)
{
	switch (t) {
	case HT_ASIDE: case HT_AUDIO: case HT_BUTTON: case HT_CANVAS:
	case HT_DIALOG: case HT_EMBED: case HT_IFRAME: case HT_IMG:
	case HT_INPUT: case HT_LINK: case HT_MATH: case HT_META: case HT_NAV:
	case HT_NOSCRIPT: case HT_OBJECT: case HT_OPTION: case HT_PICTURE:
	case HT_SCRIPT: case HT_SELECT: case HT_SOURCE: case HT_STYLE:
	case HT_SVG: case HT_TEMPLATE: case HT_TEXTAREA: case HT_VIDEO:
		return 1;
	default:
		return 0;
	}
}

/* True when word w (n bytes) is one of the NULL-terminated list. */
static int
word_in(const char *w, size_t n, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (list[i][0] == w[0] && strncmp(list[i], w, n) == 0 &&
		    list[i][n] == '\0')
			return 1;
	return 0;
}

static const char *const chrome_words[] = {
	"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
	"share", "sharing", "sharebar", "social", "cookie", "cookies",
	"consent", "gdpr", "banner", "ad", "ads", "advert", "advertisement",
	"adsbygoogle", "adslot", "sponsor", "sponsored", "promo", "newsletter",
	"subscribe", "subscription", "signup", "paywall", "comment",
	"comments", "disqus", "related", "recommended", "sidebar", "popup",
	"modal", "footer", "header", "masthead", "pagination", "pager",
	"toolbar", "skip", "widget", "byline", "dateline", "tags",
	"copyright", "disclaimer", "legal", "toc",
	NULL
};
static const char *const hidden_words[] = {
	"hidden", "hide", "invisible", "sr", "visually", "screen",
	"offscreen", "d-none", NULL
};
static const char *const content_words[] = {
	"article", "body", "content", "entry", "main", "page", "post",
	"text", "blog", "story", "transcript", NULL
};
static const char *const byname_words[] = {
	"author", "byline", "user", "username", "site", "brand", "file",
	"product", "company", "tag", "category", "tweet", "nick", "screen",
	"display", "channel", "show", "podcast", "episode", "page", "post",
	NULL
};
static const char *const speaker_words[] = {
	"name", "host", "guest", "interviewer", "interviewee", NULL
};
static const char *const body_names[] = {
	"article-body", "articlebody", "article__body", "article_body",
	"article-content", "post-content", "post-body", "post__content",
	"entry-content", "story-body", "storytext", "story-text",
	"content-body", NULL
};

/* The HN_ bits that an element's id and class (lower case, as one
 * string) give it. */
static unsigned
name_flags(const char *s)
{
	unsigned f = 0;
	const char *t, *p, *q;
	size_t i;
	int speaker = 0, byname = 0;

	if (strstr(s, "transcript") != NULL)
		f |= HN_TRANSCRIPT;
	/* Each of body_names holds "body", "content" or "text". */
	if (strstr(s, "body") != NULL || strstr(s, "content") != NULL ||
	    strstr(s, "text") != NULL)
		for (i = 0; body_names[i] != NULL; i++)
			if (strstr(s, body_names[i]) != NULL)
				f |= HN_BODYNAME;
	if (strstr(s, "speaker") != NULL)
		speaker = 1;
	if (strstr(s, "timestamp") != NULL)
		f |= HN_TIMECLASS;
	/* The words of each token: "share-tools" is share and tools. */
	for (t = s; *t != '\0'; t = q) {
		while (*t == ' ')
			t++;
		for (q = t; *q != '\0' && *q != ' '; q++)
			;
		for (p = t; p < q;) {
			const char *w = p;

			while (p < q && *p != '-' && *p != '_')
				p++;
			if (p > w) {
				if (word_in(w, (size_t)(p - w), chrome_words))
					f |= HN_NEGATIVE;
				if (word_in(w, (size_t)(p - w), hidden_words))
					f |= HN_HIDDEN;
				if (word_in(w, (size_t)(p - w), content_words))
					f |= HN_POSITIVE;
				if (word_in(w, (size_t)(p - w), byname_words))
					byname = 1;
				if (word_in(w, (size_t)(p - w), speaker_words))
					speaker = 1;
				if (p - w == 4 && strncmp(w, "time", 4) == 0)
					f |= HN_TIMECLASS;
			}
			while (p < q && (*p == '-' || *p == '_'))
				p++;
		}
	}
	if (speaker && !byname)
		f |= HN_SPEAKER;
	if (f & (HN_TRANSCRIPT | HN_BODYNAME))
		f &= ~(unsigned)(HN_NEGATIVE | HN_HIDDEN);
	return f;
}

/* The time a link points at: "#t=754", "?t=1h2m3s", "&start=12". */
static uint32_t
href_time(const char *h)
{
	const char *p;
	size_t n;

	for (p = h; (p = strpbrk(p, "#?&")) != NULL; p++) {
		if (strncmp(p + 1, "t=", 2) == 0)
			p += 3;
		else if (strncmp(p + 1, "start=", 6) == 0)
			p += 7;
		else if (strncmp(p + 1, "time=", 5) == 0)
			p += 6;
		else
			continue;
		n = strcspn(p, "&#");
		return html_time_value(p, n);
	}
	return DOC_NO_TIME;
}

/* True when an inline style hides the element. */
static int
style_hides(const char *s)
{
	char buf[256];
	size_t i, j;

	for (i = j = 0; s[i] != '\0' && j + 1 < sizeof buf; i++)
		if (s[i] != ' ')
			buf[j++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] + 32 : s[i]);
	buf[j] = '\0';
	return strstr(buf, "display:none") != NULL ||
	    strstr(buf, "visibility:hidden") != NULL;
}

/* Adds a node under the current element. Returns its index. */
static int
add_node(struct sax *sx, enum html_tag tag)
{
	struct html_page *pg = sx->pg;
	struct html_node *n;
	int i;

	UTIL_GROW(pg->nodes, pg->cap, pg->n + 1);
	i = (int)pg->n++;
	n = &pg->nodes[i];
	memset(n, 0, sizeof *n);
	n->tag = (uint16_t)tag;
	n->parent = sx->cur;
	n->first = n->last = n->next = -1;
	n->time = DOC_NO_TIME;
	if (sx->cur >= 0) {
		struct html_node *p = &pg->nodes[sx->cur];

		if (p->last >= 0)
			pg->nodes[p->last].next = i;
		else
			p->first = i;
		p->last = i;
		if (p->flags & HN_INLINK || p->tag == HT_A)
			n->flags |= HN_INLINK;
	}
	return i;
}

/* Reads an element's attributes into node i. */
static void
read_attrs(struct sax *sx, int i, const xmlChar **attrs)
{
	struct html_page *pg = sx->pg;
	struct html_node *n = &pg->nodes[i];
	const char *id = NULL, *cls = NULL, *k, *v;
	struct buf low = { NULL, 0, 0 };
	size_t j;
	uint32_t t;

	for (j = 0; attrs != NULL && attrs[j] != NULL; j += 2) {
		k = (const char *)attrs[j];
		v = attrs[j + 1] != NULL ? (const char *)attrs[j + 1] : "";
		if (strcmp(k, "id") == 0)
			id = v;
		else if (strcmp(k, "class") == 0)
			cls = v;
		else if (strcmp(k, "hidden") == 0)
			n->flags |= HN_HIDDEN;
		else if (strcmp(k, "aria-hidden") == 0 &&
		    strcasecmp(v, "true") == 0)
			n->flags |= HN_HIDDEN;
		else if (strcmp(k, "style") == 0 && style_hides(v))
			n->flags |= HN_HIDDEN;
		else if (strcmp(k, "role") == 0) {
			if (strcasecmp(v, "main") == 0)
				n->flags |= HN_ARTICLE;
			else if (strcasecmp(v, "navigation") == 0 ||
			    strcasecmp(v, "banner") == 0 ||
			    strcasecmp(v, "contentinfo") == 0 ||
			    strcasecmp(v, "complementary") == 0 ||
			    strcasecmp(v, "search") == 0 ||
			    strcasecmp(v, "dialog") == 0)
				n->flags |= HN_NEGATIVE;
		} else if (strcmp(k, "itemprop") == 0 &&
		    strcasecmp(v, "articleBody") == 0)
			n->flags |= HN_BODYNAME;
		else if (strcmp(k, "href") == 0 && n->tag == HT_A &&
		    (t = href_time(v)) != DOC_NO_TIME)
			n->time = t;
		else if ((strcmp(k, "data-time") == 0 ||
		    strcmp(k, "data-start") == 0 ||
		    strcmp(k, "data-timestamp") == 0 ||
		    strcmp(k, "data-begin") == 0 ||
		    strcmp(k, "data-start-time") == 0) &&
		    (t = html_time_value(v, strlen(v))) != DOC_NO_TIME)
			n->time = t;
	}
	if (id == NULL && cls == NULL)
		return;
	/* Its name for --blocks, and what the name says. */
	n->ts = (uint32_t)pg->names.len;
	buf_adds(&pg->names, tag_names[n->tag][0] != '\0' ?
	    tag_names[n->tag] : "*");
	if (id != NULL && *id != '\0') {
		buf_addc(&pg->names, '#');
		buf_add(&pg->names, id, strcspn(id, " "));
	}
	for (v = cls; v != NULL && *v != '\0';) {
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		j = strcspn(v, " \t\n");
		if (j > 0) {
			buf_addc(&pg->names, '.');
			buf_add(&pg->names, v, j);
		}
		v += j;
	}
	if (pg->names.len - n->ts > MAX_NAME)
		pg->names.len = n->ts + MAX_NAME;
	n->te = (uint32_t)pg->names.len;
	buf_adds(&low, id != NULL ? id : "");
	buf_addc(&low, ' ');
	buf_adds(&low, cls != NULL ? cls : "");
	for (j = 0; j < low.len; j++) {
		if (low.data[j] >= 'A' && low.data[j] <= 'Z')
			low.data[j] += 32;
		else if (low.data[j] == '\t' || low.data[j] == '\n')
			low.data[j] = ' ';
	}
	n->flags |= name_flags(low.data);
	buf_free(&low);
}

/* Notes a <meta> that gives the title or the site's name. */
static void
read_meta(struct sax *sx, const xmlChar **attrs)
{
	const char *prop = NULL, *content = NULL;
	size_t j;

	for (j = 0; attrs != NULL && attrs[j] != NULL; j += 2) {
		if (attrs[j + 1] == NULL)
			continue;
		if (strcmp((const char *)attrs[j], "property") == 0 ||
		    strcmp((const char *)attrs[j], "name") == 0)
			prop = (const char *)attrs[j + 1];
		else if (strcmp((const char *)attrs[j], "content") == 0)
			content = (const char *)attrs[j + 1];
	}
	if (prop == NULL || content == NULL)
		return;
	if (strcmp(prop, "og:title") == 0 && sx->pg->ogtitle == NULL)
		sx->pg->ogtitle = xstrdup(content);
	else if (strcmp(prop, "og:site_name") == 0 && sx->pg->site == NULL)
		sx->pg->site = xstrdup(content);
}

/* Pushes the stack entry of an open element. */
static void
push(struct sax *sx, int v)
{
	UTIL_GROW(sx->stack, sx->cap, sx->depth + 1);
	sx->stack[sx->depth++] = v;
}

static void
on_start(void *ctx, const xmlChar *xname, const xmlChar **attrs)
{
	struct sax *sx = ctx;
	struct html_page *pg = sx->pg;
	enum html_tag tag;
	int i;

	if (sx->depth >= MAX_DEPTH && sx->restart == 0) {
		/* Too deep: parse on from after this tag with a new parser. */
		sx->restart = sx->base + (size_t)(sx->ctxt->input->cur -
		    sx->ctxt->input->base) + (size_t)sx->ctxt->input->consumed;
		sx->xml->xmlStopParser(sx->ctxt);
	}
	if (sx->dropped > 0) {
		sx->dropped++;
		push(sx, -2);
		return;
	}
	tag = html_tag_of((const char *)xname);
	if (tag == HT_META)
		read_meta(sx, attrs);
	if (tag == HT_TITLE && pg->title == NULL) {
		sx->intitle = 1;
		pg->title = xstrdup("");
	}
	if (never_text(tag) || tag == HT_TITLE) {
		sx->dropped++;
		push(sx, -2);
		return;
	}
	/* html, head and body once; again (after a cut) they are nothing. */
	if ((tag == HT_HTML && pg->n > 0) || (tag == HT_BODY && pg->body >= 0) ||
	    tag == HT_HEAD) {
		push(sx, -1);
		return;
	}
	i = add_node(sx, tag);
	read_attrs(sx, i, attrs);
	if (tag == HT_BODY)
		pg->body = i;
	if (tag == HT_ARTICLE || tag == HT_MAIN)
		pg->nodes[i].flags |= HN_ARTICLE;
	if (tag == HT_HEADER || tag == HT_FOOTER || tag == HT_FORM)
		pg->nodes[i].flags |= HN_NEGATIVE;
	if ((tag == HT_HTML || tag == HT_BODY) || (pg->nodes[i].flags &
	    (HN_ARTICLE | HN_TRANSCRIPT | HN_BODYNAME)))
		pg->nodes[i].flags &= ~(unsigned)HN_NEGATIVE;
	push(sx, i);
	sx->cur = i;
}

static void
on_end(void *ctx, const xmlChar *name)
{
	struct sax *sx = ctx;
	int v;

	(void)name;
	if (sx->depth == 0)
		return;
	v = sx->stack[--sx->depth];
	if (v == -2) {
		sx->dropped--;
		sx->intitle = 0;
	} else if (v >= 0) {
		sx->cur = sx->pg->nodes[v].parent;
	}
}

static void
on_text(void *ctx, const xmlChar *s, int len)
{
	struct sax *sx = ctx;
	struct html_page *pg = sx->pg;
	struct html_node *last;
	int i;

	if (len <= 0)
		return;
	if (sx->dropped > 0) {
		if (sx->intitle && strlen(pg->title) < 4096) {
			char *t = xmalloc(strlen(pg->title) + (size_t)len + 1);

			strcpy(t, pg->title);
			memcpy(t + strlen(pg->title), s, (size_t)len);
			t[strlen(pg->title) + (size_t)len] = '\0';
			free(pg->title);
			pg->title = t;
		}
		return;
	}
	if (sx->cur < 0)
		return;
	last = pg->nodes[sx->cur].last >= 0 ?
	    &pg->nodes[pg->nodes[sx->cur].last] : NULL;
	if (last != NULL && last->tag == HT_TEXT &&
	    last->te == pg->text.len) {
		buf_add(&pg->text, s, (size_t)len);
		last->te = (uint32_t)pg->text.len;
		return;
	}
	i = add_node(sx, HT_TEXT);
	pg->nodes[i].ts = (uint32_t)pg->text.len;
	buf_add(&pg->text, s, (size_t)len);
	pg->nodes[i].te = (uint32_t)pg->text.len;
}

/* libxml2 reads the page through this, a few kilobytes at a time: a
 * memory parser would copy all the rest of the page each time nesting
 * is cut, which made a page cut often quadratic. */
static int
read_page(void *ctx, char *to, int len)
{
	struct sax *sx = ctx;
	size_t k = sx->n - sx->at;

	if (len <= 0)
		return 0;
	if (k > (size_t)len)
		k = (size_t)len;
	memcpy(to, sx->p + sx->at, k);
	sx->at += k;
	return (int)k;
}

/* Parses the page from offset off on; sets sx->restart when it was
 * cut. */
static void
parse_from(struct sax *sx, size_t off)
{
	htmlParserCtxtPtr ctxt;
	xmlParserInputBufferPtr in;
	xmlParserInputPtr stream;
	htmlSAXHandler *h;
	const struct html_xml *X = sx->xml;

	sx->restart = 0;
	sx->base = sx->at = off;
	if ((ctxt = X->htmlNewParserCtxt()) == NULL)
		return;
	in = X->xmlParserInputBufferCreateIO(read_page, NULL, sx,
	    XML_CHAR_ENCODING_NONE);
	stream = in != NULL ? X->xmlNewIOInputStream(ctxt, in,
	    XML_CHAR_ENCODING_NONE) : NULL;
	if (stream == NULL) {
		if (in != NULL)
			X->xmlFreeParserInputBuffer(in);
		X->htmlFreeParserCtxt(ctxt);
		return;
	}
	X->inputPush(ctxt, stream);
	h = (htmlSAXHandler *)ctxt->sax;
	memset(h, 0, sizeof *h);
	h->startElement = on_start;
	h->endElement = on_end;
	h->characters = on_text;
	h->ignorableWhitespace = on_text;
	h->cdataBlock = on_text;
	h->initialized = 1;
	ctxt->userData = sx;
	sx->ctxt = ctxt;
	X->htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	X->xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	X->htmlParseDocument(ctxt);
	X->htmlFreeParserCtxt(ctxt);
	sx->ctxt = NULL;
}

void
html_page_parse(struct html_page *pg, const uint8_t *p, size_t n)
{
	struct sax sx;
	size_t off = 0;

	memset(pg, 0, sizeof *pg);
	pg->body = -1;
	memset(&sx, 0, sizeof sx);
	sx.pg = pg;
	sx.cur = -1;
	if ((sx.xml = html_xml()) == NULL) {
		pg->noparser = html_xml_error();
		return;
	}
	if (n > INT32_MAX / 2) {
		n = INT32_MAX / 2;
		pg->cut = 1;
	}
	sx.p = p;
	sx.n = n;
	for (;;) {
		parse_from(&sx, off);
		if (sx.restart <= off || sx.restart >= n)
			break;
		/* Close what is open, down to the body, and parse on after
		 * the tag that went too deep. */
		off = sx.restart;
		while (off < n && (p[off] == ' ' || p[off] == '\n' ||
		    p[off] == '\t' || p[off] == '/'))
			off++;
		if (off < n && p[off] == '>')
			off++;
		pg->restarts++;
		sx.depth = 0;
		sx.dropped = 0;
		sx.intitle = 0;
		sx.cur = pg->body >= 0 ? pg->body : pg->n > 0 ? 0 : -1;
	}
	free(sx.stack);
	if (pg->title != NULL && pg->title[0] == '\0') {
		free(pg->title);
		pg->title = NULL;
	}
}

void
html_page_free(struct html_page *pg)
{
	free(pg->nodes);
	buf_free(&pg->text);
	buf_free(&pg->names);
	free(pg->title);
	free(pg->ogtitle);
	free(pg->site);
	memset(pg, 0, sizeof *pg);
	pg->body = -1;
}
