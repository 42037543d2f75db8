/* markdown.h: the Markdown reader's state, shared by its two files:
 * fmt_markdown.c walks md4c's callbacks and collects the text of each
 * block with its styles; md_blocks.c makes blocks of it: paragraphs read
 * line by line for speaker labels, timed segments and credits (no
 * terminal in here); md_load.c loads md4c. */
#ifndef LECTERN_MARKDOWN_H
#define LECTERN_MARKDOWN_H

#include <stddef.h>
#include <stdint.h>

#include <md4c.h>

#include "lectern/segments.h"
#include "lectern/util.h"

struct doc;

/* md4c's md_parse. */
typedef int md_parse_fn(const MD_CHAR *, MD_SIZE, const MD_PARSER *,
		    void *);

#define MD_MAX_LISTS	32	/* lists open at once that are counted */

/* A styled run of the collected text. */
struct md_run {
	size_t		 start, end;
	unsigned	 kinds;		/* DOC_SPAN_ bits */
};

/* A name that labels lines of the input, and how often. */
struct md_name {
	size_t		 start, len;	/* in d->in */
	int		 count;
};

struct md_state {
	struct doc	*doc;
	/* The text of the block being read, markup taken off. */
	struct buf	 text;
	struct md_run	*runs;
	size_t		 nruns, capruns;
	struct md_run	*sounds;	/* [laughs]-style notes in it */
	size_t		 nsounds, capsounds;
	/* Where in the Markdown the text is. */
	int		 em, strong, code, link, image;
	int		 quote;
	int		 lists;		/* depth of lists */
	unsigned	 number[MD_MAX_LISTS];	/* an ordered list's next */
	int		 ordered[MD_MAX_LISTS];
	int		 item_first;	/* the item's text is its bullet */
	int		 heading;	/* level of the heading being read */
	int		 codeblock, html, table, cells;
	int		 shift;		/* heading levels shifted up */
	/* Names in the sample, for the one-word rule. */
	struct md_name	*names;
	size_t		 nnames, capnames;
	/* What waits for the next block. */
	uint32_t	 time;		/* a time alone on its line */
	int		 label;		/* a label alone: its turn's text is next */
	size_t		 lstart, lend;	/* its name, in the document's text */
	int		 speaker;
	uint32_t	 ltime;
	int		 titled;	/* the title is there */
	int		 hashtitle;	/* it was a "# Title": later "# "
					   headings start episodes */
	size_t		 fmtitle_at, fmtitle_len;	/* the front matter's */
	int		 blocks;	/* blocks made other than the title */
	struct seg_join	 seg;
	/* Reading in slices. */
	int		 started;
	int		 whole;		/* md4c reads it all at once */
	md_parse_fn	*parse;		/* md4c, or NULL if it cannot be had */
	size_t		 pos;		/* where the next slice starts */
};

/* Appends n bytes to the text being collected, with the styles in
 * force. */
void	 md_add_text(struct md_state *m, const void *p, size_t n);
/* Makes the blocks of the text collected so far, as its place says. */
void	 md_flush(struct md_state *m);

/* Reads the front matter (not shown; its title the document's). Returns
 * where the Markdown after it starts. */
size_t	 md_front_matter(struct md_state *m);
/* Counts the labels of a sample of the input from pos, for the one-word
 * rule, and finds the highest heading level. */
void	 md_prescan(struct md_state *m, size_t pos);
/* How likely n bytes are to be Markdown (see format.h). */
int	 md_sniff(const uint8_t *p, size_t n, const char *ext);
/* True when the input from pos may be read a paragraph of plain text at
 * a time: no fence, no HTML that runs across blank lines, no link
 * defined apart. */
int	 md_plain_ok(const struct doc *d, size_t pos);
/* The next paragraph of plain text at or after pos (after a blank line),
 * or d->inlen; sets *end to where it ends. */
size_t	 md_next_plain(const struct doc *d, size_t pos, size_t *end);
/* Collects the text of the plain paragraph [s, e) of the input, as md4c
 * would give it. */
void	 md_plain_text(struct md_state *m, size_t s, size_t e);

/* Appends the text collected from [from, to) to the document's text with
 * its styles, white space at both ends trimmed. Returns its offset; sets
 * *end to where it ends. */
size_t	 md_emit(struct md_state *m, size_t from, size_t to, size_t *end);
/* Makes the blocks of the paragraph collected (a QUOTE's when quoted). */
void	 md_paragraph(struct md_state *m, int quoted);
/* Makes a pending label alone a turn without text. */
void	 md_flush_label(struct md_state *m);
/* The time waiting for a block, and none waits any more. */
uint32_t md_take_time(struct md_state *m);

/* md4c's parser, loaded at the first call (md_load.c); NULL, with why in
 * md_parser_error(), if it cannot be had. Later calls return what the
 * first did. */
md_parse_fn	*md_parser(void);
const char	*md_parser_error(void);

#endif
