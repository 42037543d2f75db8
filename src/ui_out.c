/*
 * ui_out.c: a screen update sent as one write.
 *
 * curses (ncurses 6.4 at least) flushes its output buffer at every
 * cursor movement, so that one update of the screen leaves in a dozen
 * small writes: a dozen packets over SSH where one would do. Between
 * ui_out_hold and ui_out_send, what is written to the terminal is kept
 * and then written at once. write() itself is replaced for that (the
 * library's calls come here first): every other write, and every write
 * outside an update, goes straight to the system.
 */
#include <sys/syscall.h>

#include <errno.h>
#include <unistd.h>

#include "lectern/ui_out.h"
#include "lectern/util.h"

static int held;		/* an update is being collected */
static int held_fd = -1;	/* the terminal's */
static struct buf out;

/* The system's write. */
static ssize_t
sys_write(int fd, const void *p, size_t n)
{
	return (ssize_t)syscall(SYS_write, fd, p, n);
}

ssize_t
write(int fd, const void *p, size_t n)
{
	if (held && fd == held_fd) {
		buf_add(&out, p, n);
		return (ssize_t)n;
	}
	return sys_write(fd, p, n);
}

void
ui_out_hold(int fd)
{
	held_fd = fd;
	held = 1;
}

int
ui_out_send(void)
{
	size_t done = 0;
	ssize_t n;
	int rc = 0;

	held = 0;
	while (done < out.len) {
		n = sys_write(held_fd, out.data + done, out.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = -1;
			break;
		}
		done += (size_t)n;
	}
	buf_reset(&out);
	return rc;
}

void
ui_out_free(void)
{
	held = 0;
	buf_free(&out);
}
