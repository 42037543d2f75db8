/* state.h: the reader's own files: where they live, when they are
 * trusted, and how they are written so that nothing is ever half-written
 * or written through a link someone else planted (no terminal in here). */
#ifndef LECTERN_STATE_H
#define LECTERN_STATE_H

#include <signal.h>
#include <stddef.h>

/* The largest state file read: room for over 100,000 highlights with
 * their excerpts (about 100 bytes each), far past what a reader makes,
 * and a bound on what a planted file can cost (a read of well under a
 * second, 16 MB of memory). */
#define STATE_MAX_BYTES	(16u << 20)

/* How long a save waits for another reader's lock, in milliseconds; once
 * a signal has come (state_set_cancel), STATE_CANCEL_MS. */
#define STATE_LOCK_MS	2000
#define STATE_CANCEL_MS	200

/* How many broken state files are kept aside, per file. */
#define STATE_CORRUPT_KEEP 3

/*
 * The state directory: $XDG_STATE_HOME/lectern, or ~/.local/state/lectern.
 * With create, makes it (mode 0700). A directory that exists must be the
 * user's own and writable by the user alone (as ssh wants ~/.ssh): else
 * NULL with errno EPERM, and state_why says why. Returns a new string, or
 * NULL with errno set. Caller frees.
 */
char	*state_dir(int create);

/* Joins the state directory and name, as state_dir. Caller frees. */
char	*state_path(const char *name, int create);

/* Why the last directory or file was refused, for a message: "the state
 * directory /x is writable by group or others", "doc-1.state is not a
 * regular file". Empty when none was. */
const char *state_why(void);

/* Replaces the file at path with len bytes of data, atomically: a new
 * temporary file in the same directory (created exclusively, mode 0600,
 * never through a link), fsync, rename. Returns 0, or -1 with errno set
 * (the old file is then untouched). */
int	 state_write(const char *path, const void *data, size_t len);

/* Reads the whole file at path, which must be a regular file (not a link,
 * FIFO or device), the user's own, writable by the user alone and at most
 * max bytes; it is opened without blocking. Returns a new NUL-terminated
 * buffer and its length, or NULL with errno set (ENOENT when there is
 * none; ELOOP, EINVAL, EPERM or EFBIG when refused, with state_why).
 * Caller frees. */
char	*state_read(const char *path, size_t max, size_t *len);

/* Locks path (created 0600 if missing, never through a link: a link
 * there is removed), waiting at most STATE_LOCK_MS. Returns a descriptor
 * to pass to state_unlock, or -1 with errno (EWOULDBLOCK: another
 * process holds it). */
int	 state_lock(const char *path);
void	 state_unlock(int fd);

/* Lock waits end soon once *flag is set (by a signal handler). */
void	 state_set_cancel(volatile sig_atomic_t *flag);

/* Removes the temporary files that readers killed in a save left in dir
 * (NAME.tmp.PID...: their process gone, a minute old). */
void	 state_tidy(const char *dir);

/* Moves the broken file at path aside under a name of its own,
 * PATH.corrupt-SECONDS[.N], and removes all but the newest
 * STATE_CORRUPT_KEEP of them. Returns the new name (caller frees), or
 * NULL with errno. */
char	*state_set_aside(const char *path);

#endif
