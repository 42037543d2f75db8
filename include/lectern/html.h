/* html.h: the parts of the web page reader (fmt_html.c): the page made
 * UTF-8 (html_enc.c), parsed by libxml2 into a compact tree of its own
 * (html_tree.c), its main content found (html_pick.c) and speaker labels
 * read (html_label.c). No terminal in here. */
#ifndef LECTERN_HTML_H
#define LECTERN_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/util.h"

/* The elements the reader tells apart; the others are HT_OTHER. */
#define HTML_TAGS \
	X(OTHER, "") X(A, "a") X(ADDRESS, "address") X(ARTICLE, "article") \
	X(ASIDE, "aside") X(AUDIO, "audio") X(B, "b") X(BLOCKQUOTE, "blockquote") \
	X(BODY, "body") X(BR, "br") X(BUTTON, "button") X(CANVAS, "canvas") \
	X(CAPTION, "caption") X(CENTER, "center") X(CITE, "cite") \
	X(CODE, "code") X(DD, "dd") X(DETAILS, "details") X(DIALOG, "dialog") \
	X(DIV, "div") X(DL, "dl") X(DT, "dt") X(EM, "em") X(EMBED, "embed") \
	X(FIGCAPTION, "figcaption") X(FIGURE, "figure") X(FOOTER, "footer") \
	X(FORM, "form") X(H1, "h1") X(H2, "h2") X(H3, "h3") X(H4, "h4") \
	X(H5, "h5") X(H6, "h6") X(HEAD, "head") X(HEADER, "header") \
	X(HR, "hr") X(HTML, "html") X(I, "i") X(IFRAME, "iframe") \
	X(IMG, "img") X(INPUT, "input") X(KBD, "kbd") X(LI, "li") \
	X(LINK, "link") X(MAIN, "main") X(MATH, "math") X(MENU, "menu") \
	X(META, "meta") X(NAV, "nav") X(NOSCRIPT, "noscript") \
	X(OBJECT, "object") X(OL, "ol") X(OPTION, "option") X(P, "p") \
	X(PICTURE, "picture") X(PRE, "pre") X(SAMP, "samp") \
	X(SCRIPT, "script") X(SECTION, "section") X(SELECT, "select") \
	X(SOURCE, "source") X(SPAN, "span") X(STRONG, "strong") \
	X(STYLE, "style") X(SVG, "svg") X(TABLE, "table") X(TBODY, "tbody") \
	X(TD, "td") X(TEMPLATE, "template") X(TEXTAREA, "textarea") \
	X(TFOOT, "tfoot") X(TH, "th") X(THEAD, "thead") X(TIME, "time") \
	X(TITLE, "title") X(TR, "tr") X(TT, "tt") X(U, "u") X(UL, "ul") \
	X(VAR, "var") X(VIDEO, "video") X(XMP, "xmp") X(LISTING, "listing") \
	X(PLAINTEXT, "plaintext") X(TEXT, "#text")

enum html_tag {
#define X(id, name) HT_##id,
	HTML_TAGS
#undef X
	HT_NTAGS
};

/* What an element is, as far as the reader cares (struct html_node). */
#define HN_DROP		0x0001	/* not shown: chrome, hidden, script... */
#define HN_TRANSCRIPT	0x0002	/* id or class names a transcript */
#define HN_BODYNAME	0x0004	/* ... an article's body: post-content... */
#define HN_ARTICLE	0x0008	/* <article>, <main>, role=main */
#define HN_SPEAKER	0x0010	/* class names a speaker: speaker, host... */
#define HN_TIMECLASS	0x0020	/* class names a time: timestamp, time */
#define HN_BLOCKS	0x0040	/* holds block elements (p, div, h1...) */
#define HN_POSITIVE	0x0080	/* class looks like content */
#define HN_NEGATIVE	0x0100	/* class looks like chrome */
#define HN_INLINK	0x0200	/* inside an <a> */
#define HN_HIDDEN	0x0400	/* hidden, aria-hidden, display:none */

/* One element or run of text of the page, in document order: every
 * node's children come after it. */
struct html_node {
	int		 parent, first, last, next;	/* -1: none */
	uint32_t	 ts, te;	/* text: its bytes in page->text;
					 * element: its name in page->names */
	uint32_t	 time;		/* data-time, a #t= link: ms or none */
	uint16_t	 tag;		/* enum html_tag */
	uint16_t	 flags;		/* HN_ bits */
	/* Filled by html_pick: the text held, outside dropped parts. */
	uint32_t	 chars, linkchars, commas;
	float		 score;
};

/* A parsed page. */
struct html_page {
	struct html_node *nodes;
	size_t		 n, cap;
	struct buf	 text;		/* the text of the text nodes */
	struct buf	 names;		/* "tag#id.class" of elements */
	int		 body;		/* the <body> node, or -1 */
	char		*title;		/* <title>, og:title, og:site_name */
	char		*ogtitle;
	char		*site;
	int		 restarts;	/* times deep nesting was cut */
	int		 cut;		/* the page was too large: text cut */
	const char	*noparser;	/* why libxml2 could not be loaded */
};

/* What the walk of the main content gives: pieces of text, each a block
 * to be (html_walk.c), with its inline styles. */
enum html_piece_kind {
	HP_PARA, HP_HEAD, HP_BULLET, HP_QUOTE, HP_LINE, HP_ROW
};

#define HP_ALLLINK	0x01	/* every character is in a link */
#define HP_SKIP		0x02	/* not to be shown (decided later) */

/* Styled bytes [s, e) of the pieces' text. */
struct html_run {
	uint32_t	 s, e;
	unsigned	 kinds;		/* DOC_SPAN_ bits */
};

struct html_piece {
	enum html_piece_kind kind;
	int		 level;		/* heading level, list depth */
	unsigned	 flags;		/* HP_ bits */
	uint32_t	 ts, te;	/* its text */
	uint32_t	 rs, re;	/* its runs */
	uint32_t	 time;		/* DOC_NO_TIME when none */
	uint32_t	 ss, se;	/* a speaker named by a class, or empty */
};

struct html_pieces {
	struct buf	 text;
	struct html_run	*runs;
	size_t		 nruns, capruns;
	struct html_piece *p;
	size_t		 n, cap;
};

/* Walks the element root of the page (and all it holds that is not
 * dropped) into pieces. Pair with html_pieces_free. */
void		 html_walk(const struct html_page *page, int root,
		    struct html_pieces *out);
void		 html_pieces_free(struct html_pieces *out);

/* True when [s, e) reads as a speaker's name. */
int		 html_name_ok(const uint8_t *src, size_t s, size_t e,
		    int *words);

/* Makes n bytes of a page UTF-8 with LF line ends: the declared charset
 * honoured (windows-1252 and Latin-1 converted; other charsets through
 * iconv), invalid bytes replaced, a page encoded twice repaired when it
 * consistently is. Sets *page and *len to the result: in itself when it
 * was clean UTF-8, else the contents of out (which it resets). Returns
 * what it did, for --blocks, or NULL when the page was plain UTF-8. */
const char	*html_utf8(const uint8_t *in, size_t n, struct buf *out,
		    const uint8_t **page, size_t *len);

/* The repair of double encoding alone (for the tests): returns 1 and
 * fills out when [p, p + n) is consistently UTF-8 encoded twice. */
int		 html_undouble(const uint8_t *p, size_t n, struct buf *out);

/* Parses n bytes of UTF-8 HTML into page (no network, bounded nesting).
 * Pair with html_page_free. */
void		 html_page_parse(struct html_page *page, const uint8_t *p,
		    size_t n);
void		 html_page_free(struct html_page *page);

/* The tag of an element name (lower case), or HT_OTHER. */
enum html_tag	 html_tag_of(const char *name);
/* The name of a tag. */
const char	*html_tag_name(enum html_tag tag);

/* True for an element that starts a block of text (p, div, h1, li...). */
int		 html_is_block(enum html_tag tag);

/* Scores the page's elements and returns the one holding its main
 * content (the body when nothing better is found), or -1 for an empty
 * page. */
int		 html_pick(struct html_page *page);

/* Parses a time given by an attribute or a link: "754", "754.5",
 * "12:34", "1h2m3s", "754s". Returns DOC_NO_TIME when it is none. */
uint32_t	 html_time_value(const char *s, size_t n);

/* What a paragraph's start is (as speech_read of speech.h will say). */
enum html_label_kind {
	HL_NONE,	/* no label */
	HL_TURN,	/* "Name: text" */
	HL_LABEL,	/* "Name:" alone: its text is the next paragraph */
	HL_MORE		/* "(00:01:02):": the same speaker goes on */
};

#define HL_BOLD		0x01	/* the label was strong (given) */
#define HL_CAPS		0x02	/* the name is in capitals (set) */
#define HL_ALONE	0x04	/* a bold name alone, without a colon */

/* A label as read: ranges into the bytes given. */
struct html_label {
	enum html_label_kind kind;
	unsigned	 flags;
	size_t		 ns, ne;	/* the name, without a role */
	size_t		 ts, te;	/* the text after the label */
	uint32_t	 time;		/* DOC_NO_TIME when none */
	int		 words;
};

/* Reads a speaker label at the start of [s, e) of src. */
enum html_label_kind html_label_read(const uint8_t *src, size_t s,
		    size_t e, unsigned flags, struct html_label *hl);

/* When a time stamp ("[00:12:34]", "(12:34)", "00:12:34") starts at p
 * (before e), its end; else p. Sets *ms. Bare times count only with
 * bare set. */
size_t		 html_stamp_at(const uint8_t *src, size_t p, size_t e,
		    int bare, uint32_t *ms);

#endif
