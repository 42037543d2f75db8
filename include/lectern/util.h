/* util.h: memory that never fails, a growable byte buffer, small helpers. */
#ifndef LECTERN_UTIL_H
#define LECTERN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define UTIL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define UTIL_NORETURN __attribute__((noreturn))

/* Called by util_fatal before it exits, so the UI can restore the terminal. */
void	util_set_fatal_hook(void (*hook)(void));

/* Prints "lectern: MESSAGE" on stderr, runs the fatal hook and exits 2. */
void	util_fatal(const char *fmt, ...) UTIL_PRINTF(1, 2) UTIL_NORETURN;

/* Allocators: out of memory is fatal, they never return NULL. */
void	*xmalloc(size_t size);
void	*xcalloc(size_t nmemb, size_t size);
void	*xrealloc(void *ptr, size_t size);
void	*xreallocarray(void *ptr, size_t nmemb, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* A new string printed from fmt. Caller frees. */
char	*xasprintf(const char *fmt, ...) UTIL_PRINTF(1, 2);
char	*xvasprintf(const char *fmt, va_list ap) UTIL_PRINTF(1, 0);

/* Grows *array (of *cap elements of size) to hold at least need elements. */
void	 util_grow(void **array, size_t *cap, size_t need, size_t size);
/* The same, testing for room in line (the parsers grow arrays once or
 * more per line): arr and cap are named twice, need once. */
#define UTIL_GROW(arr, cap, need) do {					\
	size_t util_need_ = (need);					\
									\
	if (util_need_ > (cap))						\
		util_grow((void **)&(arr), &(cap), util_need_,		\
		    sizeof *(arr));					\
} while (0)

/* Reads the regular file at path (links followed), at most max bytes,
 * without blocking on a FIFO. Returns a new NUL-terminated buffer and its
 * length in *len, or NULL with errno set (EINVAL: not a regular file,
 * EFBIG: too big). Caller frees. */
char	*util_read_file(const char *path, size_t max, size_t *len);

/* A growable byte buffer; always NUL-terminated when len > 0. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *b, const void *p, size_t n);
void	 buf_addc(struct buf *b, char c);
void	 buf_adds(struct buf *b, const char *s);
void	 buf_printf(struct buf *b, const char *fmt, ...) UTIL_PRINTF(2, 3);
/* Empties the buffer but keeps its memory. */
void	 buf_reset(struct buf *b);
void	 buf_free(struct buf *b);
/* Returns the contents as a NUL-terminated string ("" when empty). */
const char *buf_str(struct buf *b);

#endif
