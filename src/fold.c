/* fold.c: the folding rules of the search. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "lectern/fold.h"
#include "lectern/util.h"

#define TABLE_MAX	7	/* fold bytes kept in the table */

/* Folds (FOLD_CASE) of the Basic Multilingual Plane, filled as they are
 * asked for: folding calls into libunistring, slow next to a table. A
 * count may fold on two threads: an entry is filled by the thread that
 * claims it, and read once it says it is ready. */
enum { ENTRY_NEW, ENTRY_FILLING, ENTRY_READY };

struct fold_entry {
	int8_t		 len;		/* FOLD_SPACE, 0..TABLE_MAX, or
					   TABLE_MAX + 1: not in the table */
	_Atomic uint8_t	 state;
	uint8_t		 out[TABLE_MAX];
};

static _Atomic(struct fold_entry *) table;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void
table_init(void)
{
	atomic_store_explicit(&table, xcalloc(0x10000, sizeof(struct
	    fold_entry)), memory_order_release);
}

static int
is_space(uint32_t uc)
{
	return uc == ' ' || (uc >= 0x09 && uc <= 0x0D) || uc == 0x85 ||
	    uc == 0xA0 || uc == 0x1680 || (uc >= 0x2000 && uc <= 0x200A) ||
	    uc == 0x2028 || uc == 0x2029 || uc == 0x202F || uc == 0x205F ||
	    uc == 0x3000;
}

uint32_t
fold_decode(const uint8_t *s, size_t n, int *len)
{
	ucs4_t uc;
	int k;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	k = u8_mbtouc(&uc, s, n);
	*len = k <= 0 ? 1 : k;
	return uc;
}

int
fold_char(uint32_t uc, int flags, uint8_t *out)
{
	uint8_t src[8], tmp[FOLD_MAX * 2], *r;
	size_t n, rn = sizeof tmp, i, o = 0;
	int len;

	if (uc < 0x80) {
		if (uc < 0x20 || uc == ' ' || uc == 0x7F)
			return FOLD_SPACE;
		out[0] = (flags & FOLD_CASE) && uc >= 'A' && uc <= 'Z' ?
		    (uint8_t)(uc + 32) : (uint8_t)uc;
		return 1;
	}
	if (is_space(uc) || uc < 0xA0)
		return FOLD_SPACE;
	switch (uc) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x02BC:
		out[0] = '\'';
		return 1;
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
		out[0] = '"';
		return 1;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		if (flags & FOLD_DASHES)
			break;
		out[0] = '-';
		return 1;
	case 0x2026:
		memcpy(out, "...", 3);
		return 3;
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
	case 0xFEFF:
		return 0;
	}
	len = u8_uctomb(src, uc, sizeof src);
	if (len <= 0)
		return 0;
	n = (size_t)len;
	if (flags & FOLD_CASE)
		r = u8_casefold(src, n, NULL, UNINORM_NFD, tmp, &rn);
	else
		r = u8_normalize(UNINORM_NFD, src, n, tmp, &rn);
	if (r == NULL) {
		memcpy(out, src, n);
		return (int)n;
	}
	for (i = 0; i < rn;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, r + i, rn - i);

		if (k <= 0)
			k = 1;
		if (((flags & FOLD_MARKS) || !uc_is_general_category(c,
		    UC_CATEGORY_M)) && o + (size_t)k <= FOLD_MAX) {
			memcpy(out + o, r + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	if (r != tmp)
		free(r);
	return (int)o;
}

int
fold_fast(uint32_t uc, const uint8_t **out)
{
	static _Thread_local uint8_t big[FOLD_MAX];
	struct fold_entry *e;
	uint8_t expect = ENTRY_NEW;
	int len;

	if (uc >= 0x10000)
		goto slow;
	if ((e = atomic_load_explicit(&table, memory_order_acquire)) == NULL) {
		pthread_once(&table_once, table_init);
		e = atomic_load_explicit(&table, memory_order_acquire);
	}
	e += uc;
	if (atomic_load_explicit(&e->state, memory_order_acquire) !=
	    ENTRY_READY) {
		if (!atomic_compare_exchange_strong(&e->state, &expect,
		    ENTRY_FILLING))
			goto slow;	/* another thread is filling it */
		len = fold_char(uc, FOLD_CASE, big);
		if (len > TABLE_MAX) {
			e->len = TABLE_MAX + 1;
		} else {
			e->len = (int8_t)len;
			if (len > 0)
				memcpy(e->out, big, (size_t)len);
		}
		atomic_store_explicit(&e->state, ENTRY_READY,
		    memory_order_release);
	}
	if (e->len <= TABLE_MAX) {
		*out = e->out;
		return e->len;
	}
slow:
	len = fold_char(uc, FOLD_CASE, big);
	*out = big;
	return len;
}

void
fold_text(struct buf *b, const uint8_t *s, size_t n, int flags)
{
	uint8_t out[FOLD_MAX];
	int space = 0, k, len;
	size_t i;

	for (i = 0; i < n; i += (size_t)k) {
		uint32_t uc = fold_decode(s + i, n - i, &k);

		len = fold_char(uc, flags, out);
		if (len == FOLD_SPACE) {
			if (!space)
				buf_addc(b, ' ');
			space = 1;
		} else if (len > 0) {
			buf_add(b, out, (size_t)len);
			space = 0;
		}
	}
}

int
fold_extends(uint32_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_M) || uc == 0x200D ||
	    (uc >= 0xFE00 && uc <= 0xFE0F) || (uc >= 0x1F3FB && uc <= 0x1F3FF);
}
