/* rx_impl.h: what the compiler (rx.c) and the VM (rx_run.c) share. */
#ifndef LECTERN_RX_IMPL_H
#define LECTERN_RX_IMPL_H

#include <stddef.h>
#include <stdint.h>

/* A byte that is not part of valid UTF-8 reads as RX_BAD | byte: '.' and
 * negated classes match it, nothing else does. */
#define RX_BAD		0x110000u
#define RX_NONE		0xFFFFFFFFu	/* before the start, after the end */

enum rx_op {
	RX_OP_CHAR,		/* x or y */
	RX_OP_ANY,		/* any character but a newline */
	RX_OP_CLASS,		/* class x */
	RX_OP_MATCH,
	RX_OP_SPLIT,		/* on at x and at y */
	RX_OP_JMP,		/* on at x */
	RX_OP_ASSERT		/* arg holds here */
};

enum rx_assert {
	RX_A_BOL, RX_A_EOL, RX_A_WORDB, RX_A_NWORDB, RX_A_WBEG, RX_A_WEND,
	RX_A_BOT, RX_A_EOT
};

/* Named classes, a bit each. */
#define RX_C_ALPHA	0x0001u
#define RX_C_DIGIT	0x0002u
#define RX_C_ALNUM	0x0004u
#define RX_C_UPPER	0x0008u
#define RX_C_LOWER	0x0010u
#define RX_C_SPACE	0x0020u
#define RX_C_BLANK	0x0040u
#define RX_C_PUNCT	0x0080u
#define RX_C_PRINT	0x0100u
#define RX_C_GRAPH	0x0200u
#define RX_C_CNTRL	0x0400u
#define RX_C_XDIGIT	0x0800u
#define RX_C_WORD	0x1000u	/* \w: alnum and '_' */

struct rx_inst {
	uint8_t		 op;
	uint8_t		 arg;
	uint32_t	 x, y;
};

/* A bracket expression or \w \s \d: ranges, named classes, and the ASCII
 * members worked out once. */
struct rx_class {
	uint32_t	 ascii[4];
	size_t		 first, n;	/* ranges [lo, hi] at rx.ranges[2 * first] */
	unsigned	 named;
	uint8_t		 negate, icase;
};

struct rx {
	struct rx_inst	*prog;		/* reversed: run backward */
	size_t		 nprog, capprog;
	struct rx_class	*cls;
	size_t		 ncls, capcls;
	uint32_t	*ranges;
	size_t		 nranges, capranges;
	uint8_t		 last[128];	/* ASCII characters a match can end with */
	int		 empty;		/* it can match the empty string */
};

/* Decodes the character at s (n > 0 bytes there); returns its length. */
size_t	rx_decode(const uint8_t *s, size_t n, uint32_t *uc);
/* True when class c holds uc, worked out (not from the ASCII table). */
int	rx_class_slow(const struct rx *re, const struct rx_class *c,
	    uint32_t uc);

/* True when instruction in reads uc. */
static inline int
rx_accepts(const struct rx *re, const struct rx_inst *in, uint32_t uc)
{
	const struct rx_class *c;

	switch (in->op) {
	case RX_OP_CHAR:
		return uc == in->x || uc == in->y;
	case RX_OP_ANY:
		return uc != '\n';
	case RX_OP_CLASS:
		c = &re->cls[in->x];
		if (uc < 128)
			return (c->ascii[uc >> 5] >> (uc & 31)) & 1;
		return rx_class_slow(re, c, uc);
	default:
		return 0;
	}
}

#endif
