/* doc.h: the document model of a transcript (no terminal in here). */
#ifndef LECTERN_DOC_H
#define LECTERN_DOC_H

#include <stddef.h>
#include <stdint.h>

/* Block kinds, with the names used in tests and messages. */
#define DOC_BLOCK_KINDS \
	X(TITLE, "title") \
	X(BYLINE, "byline") \
	X(LINK, "link") \
	X(HEADING, "heading") \
	X(PARA, "paragraph") \
	X(BULLET, "bullet") \
	X(QUOTE, "quote") \
	X(ATTRIB, "attribution") \
	X(TURN, "turn") \
	X(CREDIT, "credit")

enum doc_block_kind {
#define X(id, name) DOC_##id,
	DOC_BLOCK_KINDS
#undef X
	DOC_NKINDS
};

/* A time in milliseconds from the start of the recording, or none. */
#define DOC_NO_TIME	UINT32_MAX

/*
 * A block is one paragraph-sized piece of the text. Offsets are byte
 * offsets into doc->src: [start, end) is everything the block came from,
 * [tstart, tend) its text (without label or marker), [lstart, lend) its
 * label (a speaker's name, a credit's role, an attribution's name, a
 * numbered bullet's marker), empty when it has none.
 *
 * A speaker turn is a TURN block followed by the PARA (and BULLET) blocks
 * that continue it; all of them carry the turn and speaker indexes. A
 * block's time is when it was said, where the source tells. A block with
 * lines set keeps the lines of its text (verse, a caption page): each
 * newline in it starts a new line on the screen.
 */
struct doc_block {
	uint32_t	 start, end;	/* offsets fit: see DOC_MAX_SIZE */
	uint32_t	 tstart, tend;
	uint32_t	 lstart, lend;
	int32_t		 speaker;	/* index in doc->speakers, or -1 */
	int32_t		 turn;		/* index in doc->turns, or -1 */
	int32_t		 section;	/* innermost section holding it, or -1 */
	uint32_t	 time;		/* start in ms, or DOC_NO_TIME */
	uint8_t		 kind;		/* enum doc_block_kind */
	uint8_t		 level;		/* heading level from 1, bullet depth
					   from 1 */
	uint8_t		 lines;		/* newlines in its text end lines */
};

/* A section: a heading and the blocks up to the next heading of the same
 * or a higher level. */
struct doc_section {
	uint32_t	 heading;	/* block index of the heading */
	uint32_t	 end;		/* first block after the section */
	int32_t		 level;
	int32_t		 parent;	/* section index, or -1 */
};

/* An episode of an archive, several transcripts in one file (each
 * repeating the header the first begins with): its title and its
 * sections. A document of one episode has none, so nepisodes is 0 or at
 * least 2; the first episode starts at block 0, with or without a title. */
struct doc_episode {
	size_t		 title;		/* block index of its title */
	size_t		 section;	/* its first section (the sections
					   before the next episode's are its) */
};

struct doc_speaker {
	char		*name;		/* as written, without ** or colon */
	size_t		 turns;
	size_t		 words;		/* after doc_count_speaker_words */
};

struct doc_turn {
	int32_t		 speaker;
	uint32_t	 first;		/* the TURN block */
	uint32_t	 last;		/* its last block */
};

/* A range of the source; empty when start == end. */
struct doc_range {
	size_t		 start, end;
};

/* Inline styles of a piece of text (a bit set). */
#define DOC_SPAN_KINDS \
	X(EMPH, 1, "emphasis") \
	X(STRONG, 2, "strong") \
	X(CODE, 4, "code") \
	X(LINK, 8, "link") \
	X(SOUND, 16, "sound")

enum doc_span_kind {
#define X(id, bit, name) DOC_SPAN_##id = bit,
	DOC_SPAN_KINDS
#undef X
};

/* A styled range of the text; spans are sorted and do not overlap. */
struct doc_span {
	size_t		 start, end;
	unsigned	 kinds;		/* DOC_SPAN_ bits */
};

struct doc_meta {
	struct doc_range title;
	struct doc_range author;
	struct doc_range date;
	struct doc_range score;
	struct doc_range link;
};

struct format;
struct doc_build;

/*
 * A document. Three layers of bytes: raw is what was read (mapped,
 * allocated or borrowed); in is the input of the format's reader: raw
 * without a byte-order mark, made UTF-8 with LF line ends where it was
 * not (UTF-16, CR-only lines); src is the document's text, which blocks
 * index. For a plain transcript src is in itself (no copy); a reader that
 * removes markup, joins captions or decodes entities builds a text of its
 * own, and src is that.
 */
struct doc {
	const uint8_t	*src;
	size_t		 len;
	char		*name;		/* file name for messages, "-" for stdin */

	const uint8_t	*raw;
	size_t		 rawlen;
	const uint8_t	*in;
	size_t		 inlen;
	uint8_t		*conv;		/* in, when it had to be converted */
	uint8_t		*text;		/* src, when a reader built it */
	const char	*encoding;	/* what in was converted from, or NULL */

	const struct format *fmt;	/* the format's reader */
	void		*fs;		/* its state, until parsing is done */
	int		 complete;	/* every block is read */
	size_t		 parsed;	/* bytes of the input read so far */
	struct doc_build *build;	/* the builder's state while reading */
	char		*detail;	/* what the reader noticed, for --blocks */

	struct doc_meta	 meta;
	uint32_t	 maxtime;	/* the latest time (so far, while it is
					   read), or DOC_NO_TIME */

	struct doc_block *blocks;
	size_t		 nblocks, capblocks;
	/* pages[k]: the first block starting at or after k pages of the
	 * source (DOC_PAGE bytes each), so that finding the block at an
	 * offset looks at a page's few blocks, not all of them. */
	uint32_t	*pages;
	size_t		 npages, cappages;
	struct doc_section *sections;
	size_t		 nsections, capsections;
	struct doc_episode *episodes;
	size_t		 nepisodes, capepisodes;
	struct doc_speaker *speakers;
	size_t		 nspeakers, capspeakers;
	struct doc_turn	*turns;
	size_t		 nturns, capturns;
	struct doc_span	*spans;
	size_t		 nspans, capspans;

	int		 words_counted;

	/* How raw is owned: mapped, allocated or borrowed. */
	int		 own;
	size_t		 maplen;
	int		 fd;		/* a mapped file, kept to see it shrink */
	int		 shrunk;	/* the mapped file shrank while open */
};

enum doc_own { DOC_BORROWED, DOC_MALLOCED, DOC_MAPPED };

/* Makes a document over len bytes of src, parsed up to nothing yet; the
 * format is recognised from the content, with name's extension as a
 * hint. With own DOC_MALLOCED or DOC_MAPPED the document frees or unmaps
 * src. Pair with doc_free. */
struct doc	*doc_new(const uint8_t *src, size_t len, const char *name,
		    enum doc_own own);

/* The same, read as the named format (NULL: recognised). */
struct doc	*doc_new_as(const uint8_t *src, size_t len, const char *name,
		    enum doc_own own, const char *format);

/* Opens path as doc_open does, read as the named format (NULL:
 * recognised). Returns NULL and sets errno on failure. */
struct doc	*doc_open_as(const char *path, const char *format);

/* Opens path ("-" for stdin) and makes a document of it. Returns NULL and
 * sets errno on failure (EFBIG past DOC_MAX_SIZE). A FIFO is read to its
 * end; when no writer has written in ten seconds it fails with ENXIO. */
struct doc	*doc_open(const char *path);

/* Reads all of fd into a new document named name. Returns NULL and sets
 * errno on failure. */
struct doc	*doc_read_fd(int fd, const char *name);

void		 doc_free(struct doc *d);

/* Parses at least the next budget bytes of the source (0: all of it).
 * Returns 1 while there is more to parse, 0 when the document is complete. */
int		 doc_parse_some(struct doc *d, size_t budget);

/* Parses the whole document. */
void		 doc_parse_all(struct doc *d);

/* Parses at least up to source offset off (or to the end). */
void		 doc_parse_until(struct doc *d, size_t off);

/* How many bytes of the document's text are parsed (an offset of d->src,
 * which for a reader that builds its own text is not one of the input). */
size_t		 doc_parsed(const struct doc *d);

/* True once the whole source has been parsed. */
int		 doc_complete(const struct doc *d);

/* True, once, when the mapped file has shrunk since it was opened: the
 * text past its new end is gone, and reading on stops there. Sets *size
 * to the bytes that remain. */
int		 doc_check_shrunk(struct doc *d, size_t *size);

/* Bytes of memory the document holds, by kind: the input as read (a
 * mapping counts the pages it covers, touched or not), a converted copy,
 * the text a reader built, and the model (blocks, sections, turns,
 * speakers, spans). */
struct doc_memory {
	size_t		 raw, conv, text, model;
};
void		 doc_memory(const struct doc *d, struct doc_memory *m);

/* The name of the document's format ("plain", "webvtt", ...). */
const char	*doc_format_name(const struct doc *d);

/* The time of block b, or of the nearest block before it that has one;
 * DOC_NO_TIME when none does. */
uint32_t	 doc_time_at(const struct doc *d, size_t b);

/* The first block whose time is at or after ms (in document order, the
 * block playing at ms); nblocks when none. */
size_t		 doc_block_at_time(const struct doc *d, uint32_t ms);

/* Writes a time as "h:mm:ss" (or "mm:ss" when hours is 0) into buf;
 * with hours set, "hh:mm:ss" always. Returns buf. */
char		*doc_format_time(uint32_t ms, int hours, char *buf, size_t size);

/* True when d's times run to an hour or more: they are all written
 * hh:mm:ss then, else mm:ss. */
int		 doc_time_hours(const struct doc *d);

/* Parses "1:23:45", "83:10", "83m", "1h2m3s", "754" (seconds) or
 * "01:02:03.500". Returns 0 and sets *ms, or -1. */
int		 doc_parse_time(const char *s, uint32_t *ms);

/* The styles of the text at offset off (DOC_SPAN_ bits), and in *end
 * where they stop. */
unsigned	 doc_span_at(const struct doc *d, size_t off, size_t *end);

/* The largest document lectern reads (offsets are 32-bit in places). */
#define DOC_MAX_SIZE	((size_t)0x7FFFFFFF)

/* True when the start of the source looks like a binary file: NUL bytes,
 * or many bytes that are not text. */
int		 doc_looks_binary(const struct doc *d);

/* Returns a pointer to the source at a range and its length. */
#define DOC_AT(d, s) ((d)->src + (s))

/* The name of a block kind. */
const char	*doc_kind_name(enum doc_block_kind kind);

/* Section index of block b's innermost section, or -1. */
int		 doc_block_section(const struct doc *d, size_t b);

/* The attribution (ATTRIB block) a QUOTE block b is quoted from: the
 * block after its run of quotes, or -1. */
int		 doc_quote_attrib(const struct doc *d, size_t b);

/* The title of section i (its heading's text); its length in *n. Points
 * into the document. */
const uint8_t	*doc_section_title(const struct doc *d, size_t i, size_t *n);

#define DOC_PAGE_SHIFT	12
#define DOC_PAGE	((size_t)1 << DOC_PAGE_SHIFT)

/* The block holding source offset off (the last block starting at or
 * before it), or 0 when there are none. */
size_t		 doc_block_at(const struct doc *d, size_t off);

/* Counts the words of each speaker (word breaking is slow next to the
 * parse, so it is done when asked, once the document is complete). */
void		 doc_count_speaker_words(struct doc *d);

/* Counts the words of n bytes of text: runs between word breaks that hold
 * a letter or a digit. */
size_t		 doc_count_words(const uint8_t *s, size_t n);

#endif
