/* format.h: the table of input formats. Each format has a reader of its
 * own (src/fmt_NAME.c) that fills the same document model. */
#ifndef LECTERN_FORMAT_H
#define LECTERN_FORMAT_H

#include <stddef.h>
#include <stdint.h>

struct doc;

/*
 * A block to be, found without reading the input from its start: where it
 * starts, its label (empty when none) and text as ranges of the input,
 * the separator the layout shows between them, and where the next one
 * can start. The input must be the document's text (d->in == d->src).
 */
struct format_unit {
	size_t		 start;
	size_t		 lstart, lend;
	const char	*sep;		/* NULL: no label shown before the text */
	size_t		 tstart, tend;
	size_t		 next;
};

/*
 * A format: how likely n bytes of input are to be in it (sniff, 0 to 100,
 * with the file name's extension, lower case without the dot, or "", as a
 * hint), and its reader. begin starts reading d->in; some reads at least
 * budget more bytes of it (0: all) and returns 1 while there is more;
 * end frees what begin made (d->fs). A reader that cannot read in slices
 * reads everything at its first call of some.
 */
struct format {
	const char	*name;
	const char	*title;		/* for --help and the man page */
	int		 (*sniff)(const uint8_t *p, size_t n, const char *ext);
	void		 (*begin)(struct doc *d);
	int		 (*some)(struct doc *d, size_t budget);
	void		 (*end)(struct doc *d);
	/* What block the bytes at pos of the input belong to, without
	 * reading what comes before (NULL: the format cannot tell), so that
	 * a count can skip to the few places a rare word is. */
	int		 (*unit)(struct doc *d, size_t pos, struct format_unit *u);
	/* The size of the state unit keeps in d->fs: a copy of it (and of
	 * d) lets another thread tell units at the same time. 0: none. */
	size_t		 unit_state;
};

/* The formats, in the order they are tried; NULL-terminated. */
extern const struct format *const format_table[];

/* The format n bytes of input are most likely in, given the file name
 * (or NULL). Never NULL: plain text takes what nothing else does. */
const struct format *format_sniff(const uint8_t *p, size_t n,
		    const char *name);

/* The format of that name, or NULL. */
const struct format *format_find(const char *name);

/* How many bytes of the input format_sniff looks at. */
#define FORMAT_SNIFF_SIZE	(64 * 1024)

#endif
