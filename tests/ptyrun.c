/* ptyrun.c: run a program on a pseudo-terminal, type a key script at it, capture its output. */
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

enum act_kind { ACT_SEND, ACT_SLEEP, ACT_RESIZE, ACT_MARK, ACT_WAIT };

struct action {
	enum act_kind kind;
	char *bytes;		/* what ACT_SEND sends */
	size_t len;
	long a, b;		/* ACT_SEND: 1 to wait after, 1 if it starts a key token;
				   ACT_SLEEP: ms; ACT_RESIZE: cols, rows */
};

/* A line of the report: a <mark>, or the response to a key token or a resize. */
enum ev_kind { EV_MARK, EV_KEY, EV_RESIZE };

struct event {
	enum ev_kind kind;
	unsigned long long bytes;	/* EV_MARK: output offset; else bytes written in response */
	long long ns;		/* EV_MARK: time since spawn; else response time, -1 if cut short */
};

static const struct {
	const char *name, *seq;
} keys[] = {
	{ "Enter", "\r" }, { "Esc", "\033" }, { "Tab", "\t" }, { "BS", "\177" },
	{ "Space", " " }, { "Up", "\033[A" }, { "Down", "\033[B" },
	{ "Right", "\033[C" }, { "Left", "\033[D" }, { "PgUp", "\033[5~" },
	{ "PgDn", "\033[6~" }, { "Home", "\033[H" }, { "End", "\033[F" },
	{ "F1", "\033OP" }, { "lt", "<" }, { "gt", ">" },
};

static const char usage_text[] =
	"usage: ptyrun [-s COLSxROWS] [-o OUTFILE] [-m MARKFILE] [-k KEYFILE | -K KEYSCRIPT]\n"
	"              [-t TIMEOUT_SECONDS] [-w WAIT_MS] [-a WAIT_MS] [-f BYTES] [-i]\n"
	"              [-r REPORTFILE] [-e NAME=VALUE]... -- COMMAND [ARGS...]\n"
	"  -s  window size (80x24)          -o  save all output here (default: discard)\n"
	"  -m  write the output offset at each <mark> here, one per line\n"
	"  -k  key script file (# lines are comments); -K  key script text (in given order)\n"
	"  -t  limit for each wait and for the exit (10)   -w  quiet time for <wait> (150)\n"
	"  -e  set a variable in the child's environment (repeatable)\n"
	"  -r  write a report here, 'name value' lines, times in ms with 2 decimals:\n"
	"      first_byte_ms T and first_screen_ms T (since the start; the first screen\n"
	"      is done at the last byte before the first quiet time), then in order\n"
	"      'mark N BYTES T', 'key N MS BYTES' for each key token and 'resize N MS\n"
	"      BYTES' (from sending it to the last byte before the next quiet time, and\n"
	"      the bytes written meanwhile), maxrss_kb KB (the command's peak RSS) and\n"
	"      exit STATUS; '-' is unknown, 'timeout' a response cut short by -t\n"
	"  -a  before each quiet time (first screen, after a key, <wait>) wait up to\n"
	"      WAIT_MS (within -t) for a byte written since the start or last key/resize\n"
	"  -f  the first screen's quiet time starts once BYTES bytes are written (within -t)\n"
	"  -i  after a key or resize, a quiet time counts only if the command used no CPU\n"
	"      time in it (Linux /proc): a busy command's silence does not end a response\n"
	"keys (each followed by a <wait>): text <Enter> <Esc> <Tab> <BS> <Space> <Up> <Down>\n"
	"  <Left> <Right> <PgUp> <PgDn> <Home> <End> <F1> <C-x> <lt> <gt> <raw:HEX>\n"
	"others: <sleep:MS> <resize:COLSxROWS> <mark> <wait>\n"
	"exit: the child's status, or 128+signal, 124 timeout, 125 ptyrun error, 126/127 exec\n";

static struct action *acts;
static unsigned long long *marks;	/* output offsets at each <mark> */
static size_t nacts, capacts, nmarks, capmarks;
static FILE *markf;
static int master = -1, outfd = -1;
static pid_t child = -1;
static int pty_eof, reaped, wstatus;
static unsigned long long total;	/* bytes captured so far */
static long long timeout_ms = 10000, wait_ms = 150;
static FILE *reportf;			/* -r */
static long long await_ms = -1;		/* -a; -1 if not given */
static int idle_cpu;			/* -i */
static unsigned long long first_min;	/* -f */
static unsigned long long stim_total;	/* bytes captured when the last key or resize was sent */
static long long spawn_ns, first_byte_ns = -1, last_byte_ns = -1, first_screen_ns = -1;
static struct rusage child_ru;
static struct event *events;
static size_t nevents, capevents;
static struct event rec;		/* the response being timed, if rec_open */
static unsigned long long rec_total;
static long long rec_start;
static int rec_open;

/* Report a problem, kill the child if there is one, and exit with 125. */
static _Noreturn void
die(const char *msg, const char *detail)
{
	fprintf(stderr, "ptyrun: %s: %s\n", msg, detail);
	if (child > 0 && !reaped)
		kill(-child, SIGKILL);
	exit(125);
}

/* Resize P to N bytes, exiting if memory runs out. */
static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die("realloc", strerror(errno));
	return q;
}

/* Make room for element N of array P of SIZE-byte elements, which has room for *CAP. */
static void *
grow(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 16;
	return xrealloc(p, *cap * size);
}

/* Append an action to the script, copying LEN bytes of payload. */
static void
add_action(enum act_kind kind, const char *bytes, size_t len, long a, long b)
{
	struct action *ac;

	acts = grow(acts, nacts, &capacts, sizeof *acts);
	ac = &acts[nacts++];
	ac->kind = kind;
	ac->bytes = len ? memcpy(xrealloc(NULL, len), bytes, len) : NULL;
	ac->len = len;
	ac->a = a;
	ac->b = b;
}

/* Parse a decimal number below LIMIT at S; -1 if bad. The rest goes to *END, or must be empty. */
static long
parse_num(const char *s, char **end, long limit)
{
	char *e;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtol(s, &e, 10);
	if (end)
		*end = e;
	return errno || v >= limit || (!end && *e) ? -1 : v;
}

/* Parse COLSxROWS into *COLS and *ROWS; 0 on success, -1 if malformed. */
static int
parse_size(const char *s, long *cols, long *rows)
{
	char *x;

	if ((*cols = parse_num(s, &x, 65536)) < 1 || (*x != 'x' && *x != 'X'))
		return -1;
	return (*rows = parse_num(x + 1, NULL, 65536)) < 1 ? -1 : 0;
}

/* Add a send of the bytes spelled in hex by S; 0 if S is not whole bytes of hex. */
static int
parse_hex(const char *s)
{
	size_t n = strlen(s), i;
	char *buf = xrealloc(NULL, n / 2);
	unsigned int byte = 0;
	int ok = n > 0 && n % 2 == 0;

	for (i = 0; ok && i < n; i += 2) {
		ok = isxdigit((unsigned char)s[i]) && isxdigit((unsigned char)s[i + 1])
		    && sscanf(s + i, "%2x", &byte) == 1;
		buf[i / 2] = (char)byte;
	}
	if (ok)
		add_action(ACT_SEND, buf, n / 2, 1, 1);
	free(buf);
	return ok;
}

/* Turn the inside of one <...> token into an action, or exit if it is unknown. */
static void
parse_special(const char *name)
{
	size_t i;
	long c, r;
	char ch;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (!strcasecmp(name, keys[i].name)) {
			add_action(ACT_SEND, keys[i].seq, strlen(keys[i].seq), 1, 1);
			return;
		}
	}
	ch = (char)toupper((unsigned char)name[2]);
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[3] == '\0'
	    && ((ch >= '@' && ch <= '_') || ch == '?')) {
		ch = ch == '?' ? '\177' : (char)(ch & 0x1f);
		add_action(ACT_SEND, &ch, 1, 1, 1);
	} else if (!strcasecmp(name, "mark")) {
		add_action(ACT_MARK, NULL, 0, 0, 0);
	} else if (!strcasecmp(name, "wait")) {
		add_action(ACT_WAIT, NULL, 0, 0, 0);
	} else if (!strncasecmp(name, "sleep:", 6) && (c = parse_num(name + 6, NULL, 86400000)) >= 0) {
		add_action(ACT_SLEEP, NULL, 0, c, 0);
	} else if (!strncasecmp(name, "resize:", 7) && parse_size(name + 7, &c, &r) == 0) {
		add_action(ACT_RESIZE, NULL, 0, c, r);
	} else if (strncasecmp(name, "raw:", 4) || !parse_hex(name + 4)) {
		die("unknown key token (see ptyrun -h)", name);
	}
}

/* Length of the <...> token at P including the brackets, or 0 if P does not start one. */
static size_t
special_len(const char *p)
{
	size_t n;

	if (*p != '<')
		return 0;
	for (n = 1; p[n] && p[n] != '>' && !isspace((unsigned char)p[n]); n++)
		;
	return p[n] == '>' ? n + 1 : 0;
}

/* Length of the UTF-8 character at S, which has AVAIL bytes left. */
static size_t
char_len(const char *s, size_t avail)
{
	unsigned char c = (unsigned char)s[0];
	size_t want = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1, n;

	for (n = 1; n < want && n < avail && ((unsigned char)s[n] & 0xc0) == 0x80; n++)
		;
	return n;
}

/* Parse key script text S (briefly modified in place), appending its actions. */
static void
parse_script(char *s)
{
	size_t n, i, c;

	while (*s) {
		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		if ((n = special_len(s)) > 0) {
			s[n - 1] = '\0';
			parse_special(s + 1);
			s[n - 1] = '>';
		} else {
			for (n = 1; s[n] && !isspace((unsigned char)s[n]) && !special_len(s + n); n++)
				;
			for (i = 0; i < n; i += c) {	/* one write per character, then a wait */
				c = char_len(s + i, n - i);
				add_action(ACT_SEND, s + i, c, i + c == n, i == 0);
			}
		}
		s += n;
	}
}

/* Parse the key file at PATH, skipping lines whose first non-blank character is '#'. */
static void
parse_file(const char *path)
{
	FILE *f;
	char *line = NULL, *p;
	size_t cap = 0;

	if (!(f = fopen(path, "r")))
		die(path, strerror(errno));
	while (getline(&line, &cap, f) != -1) {
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (*p != '#')
			parse_script(p);
	}
	if (ferror(f))
		die(path, strerror(errno));
	free(line);
	fclose(f);
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Nanoseconds on the monotonic clock. */
static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Add a line to the report. */
static void
add_event(enum ev_kind kind, unsigned long long bytes, long long ns)
{
	events = grow(events, nevents, &capevents, sizeof *events);
	events[nevents].kind = kind;
	events[nevents].bytes = bytes;
	events[nevents++].ns = ns;
}

/* End the response being timed: its time runs to the last byte written since it began. */
static void
close_record(void)
{
	if (!rec_open)
		return;
	rec_open = 0;
	add_event(rec.kind, total - rec_total,
	    total > rec_total && last_byte_ns > rec_start ? last_byte_ns - rec_start : 0);
}

/* Start timing the response to a key token or a resize (of KIND) sent now. */
static void
open_record(enum ev_kind kind)
{
	stim_total = total;
	if (!reportf)
		return;
	close_record();
	rec_open = 1;
	rec.kind = kind;
	rec_total = total;
	rec_start = now_ns();
}

/* Copy whatever the child has written so far to the capture file, without blocking. */
static void
drain(void)
{
	char buf[4096];
	ssize_t n, w;
	size_t off;

	while (!pty_eof) {
		n = read(master, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {		/* EIO or end of file: the slave side is closed */
			pty_eof = 1;
			return;
		}
		total += (unsigned long long)n;
		last_byte_ns = now_ns();
		if (first_byte_ns < 0)
			first_byte_ns = last_byte_ns;
		for (off = 0; outfd >= 0 && off < (size_t)n; off += (size_t)w) {
			while ((w = write(outfd, buf + off, (size_t)n - off)) < 0)
				if (errno != EINTR)
					die("write output", strerror(errno));
		}
	}
}

/* Wait up to MS milliseconds (at most 50) for output and capture it; reap the child if it ended. */
static void
pump(long long ms)
{
	struct pollfd pfd = { .fd = master, .events = POLLIN, .revents = 0 };
	int t = ms < 0 ? 0 : ms > 50 ? 50 : (int)ms;

	if (pty_eof)
		poll(NULL, 0, t);
	else if (poll(&pfd, 1, t) > 0)
		drain();
	if (!reaped && wait4(child, &wstatus, WNOHANG, &child_ru) == child)
		reaped = 1;
}

/* Print NS nanoseconds as milliseconds with two decimals, or '-' if negative, to F. */
static void
print_ms(FILE *f, long long ns)
{
	if (ns < 0)
		fputs("-", f);
	else
		fprintf(f, "%lld.%02lld", (ns + 5000) / 1000000, (ns + 5000) / 10000 % 100);
}

/* Write the report of -r, with exit status CODE. */
static void
write_report(int code)
{
	static const char *const names[] = { "mark", "key", "resize" };
	size_t i, n[3] = { 0, 0, 0 };

	fputs("first_byte_ms ", reportf);
	print_ms(reportf, first_byte_ns < 0 ? -1 : first_byte_ns - spawn_ns);
	fputs("\nfirst_screen_ms ", reportf);
	print_ms(reportf, first_screen_ns < 0 ? -1 : first_screen_ns - spawn_ns);
	fputc('\n', reportf);
	for (i = 0; i < nevents; i++) {
		fprintf(reportf, "%s %zu ", names[events[i].kind], ++n[events[i].kind]);
		if (events[i].kind == EV_MARK) {
			fprintf(reportf, "%llu ", events[i].bytes);
			print_ms(reportf, events[i].ns);
		} else {
			if (events[i].ns < 0)
				fputs("timeout", reportf);
			else
				print_ms(reportf, events[i].ns);
			fprintf(reportf, " %llu", events[i].bytes);
		}
		fputc('\n', reportf);
	}
	if (reaped)
		fprintf(reportf, "maxrss_kb %ld\n", child_ru.ru_maxrss);
	else
		fputs("maxrss_kb -\n", reportf);
	fprintf(reportf, "exit %d\n", code);
	if (fclose(reportf) != 0)
		die("write report file", strerror(errno));
}

/* Write the mark file and the report, close the capture file, and exit with CODE. */
static _Noreturn void
finish(int code)
{
	size_t i;

	close_record();
	if (reportf)
		write_report(code);
	for (i = 0; markf && i < nmarks; i++)
		fprintf(markf, "%llu\n", marks[i]);
	if (markf && fclose(markf) != 0)
		die("write mark file", strerror(errno));
	if (outfd >= 0 && close(outfd) < 0)
		die("write output", strerror(errno));
	exit(code);
}

/* Kill the child's process group, say so, and exit with 124. */
static _Noreturn void
timed_out(void)
{
	kill(-child, SIGKILL);
	if (!reaped) {
		kill(child, SIGKILL);
		wait4(child, &wstatus, 0, &child_ru);
		reaped = 1;
	}
	drain();
	if (rec_open) {	/* the response did not end in time */
		rec_open = 0;
		add_event(rec.kind, total - rec_total, -1);
	}
	fputs("ptyrun: timeout\n", stderr);
	finish(124);
}

/* The child's CPU time so far in clock ticks, from /proc; -1 if unknown or it has ended;
   -2 if it is running or waiting for the disk right now. */
static long long
cpu_ticks(void)
{
	char path[64], buf[1024], *p, state;
	unsigned long long utime, stime;
	ssize_t n;
	int fd;

	if (reaped)
		return -1;
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)child);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* After the name in parentheses: the state, 10 more fields, then utime and stime. */
	if (!(p = strrchr(buf, ')')) || sscanf(p + 1, " %c %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s"
	    " %llu %llu", &state, &utime, &stime) != 3)
		return -1;
	return state == 'R' || state == 'D' ? -2 : (long long)(utime + stime);
}

/* Wait until the child has written nothing for wait_ms, or has closed the terminal. Before
   that, for the FIRST screen with -f, wait for that many bytes; else with -a, wait for a byte
   written since the last key or resize. After a key (not FIRST) with -i, a quiet time in which
   the child used CPU time does not count. Ends a timed response. */
static void
quiesce(int first)
{
	long long start = now_ms(), last = start, t, cpu = -1, c;
	long long limit = first && first_min ? timeout_ms : await_ms;
	int idle = idle_cpu && !first;
	unsigned long long before;

	while (!pty_eof && !reaped) {
		if (first && first_min ? total >= first_min : total != stim_total || await_ms < 0)
			break;
		if ((t = now_ms()) - start >= timeout_ms)
			timed_out();
		if (t - start >= limit)
			break;
		pump(start + limit - t);
	}
	start = last = now_ms();	/* each wait has its own -t */
	if (idle)
		cpu = cpu_ticks();
	while (!pty_eof) {
		if ((t = now_ms()) - last >= wait_ms) {
			if (!idle || (c = cpu_ticks()) == -1 || (c == cpu && c >= 0))
				break;
			cpu = c;	/* busy though silent: not quiet yet */
			last = t;
		}
		if (t - start >= timeout_ms)
			timed_out();
		before = total;
		pump(last + wait_ms - t);
		if (total != before) {
			last = now_ms();
			if (idle)
				cpu = cpu_ticks();
		}
	}
	close_record();
}

/* Write LEN bytes to the terminal, capturing output meanwhile; 0 if the child is gone. */
static int
send_bytes(const char *buf, size_t len)
{
	long long start = now_ms();
	ssize_t n;

	while (len > 0) {
		if (pty_eof || reaped)
			return 0;
		if ((n = write(master, buf, len)) > 0) {
			buf += n;
			len -= (size_t)n;
		} else if (n < 0 && errno != EAGAIN && errno != EINTR) {
			pty_eof = 1;	/* EIO: nobody has the slave open */
			return 0;
		} else if (now_ms() - start >= timeout_ms) {
			timed_out();
		} else {
			pump(5);	/* the child may be busy writing; let it */
		}
	}
	return 1;
}

/* Carry out one script action; returns 1 if it was a key the child was no longer there for. */
static int
run_action(const struct action *ac)
{
	struct winsize ws;
	long long end;
	int same;

	switch (ac->kind) {
	case ACT_SEND:
		if (ac->b)
			open_record(EV_KEY);
		if (!send_bytes(ac->bytes, ac->len))
			return ac->a != 0;
		if (ac->a)
			quiesce(0);
		return 0;
	case ACT_SLEEP:
		for (end = now_ms() + ac->a; !pty_eof && !reaped && now_ms() < end;)
			pump(end - now_ms());
		return 0;
	case ACT_RESIZE:
		if (ioctl(master, TIOCGWINSZ, &ws) < 0)
			die("TIOCGWINSZ", strerror(errno));
		same = ws.ws_col == ac->a && ws.ws_row == ac->b;
		open_record(EV_RESIZE);
		ws.ws_col = (unsigned short)ac->a;
		ws.ws_row = (unsigned short)ac->b;
		if (ioctl(master, TIOCSWINSZ, &ws) < 0)
			die("TIOCSWINSZ", strerror(errno));
		if (same && !reaped)	/* Linux signals the foreground group itself on a change */
			kill(-child, SIGWINCH);
		return 0;
	case ACT_MARK:
		drain();
		marks = grow(marks, nmarks, &capmarks, sizeof *marks);
		marks[nmarks++] = total;
		if (reportf)
			add_event(EV_MARK, total, now_ns() - spawn_ns);
		return 0;
	case ACT_WAIT:
		quiesce(0);
	}
	return 0;
}

/* Start the command on a terminal, play the script, and exit as the command did. */
int
main(int argc, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80, .ws_xpixel = 0, .ws_ypixel = 0 };
	size_t i, dropped = 0;
	long long start;
	long cols, rows, bytes;
	double secs;
	char *end;
	int opt, errfd, e;

	while ((opt = getopt(argc, argv, "+s:o:m:k:K:t:w:e:r:a:f:ih")) != -1) {
		switch (opt) {
		case 's':
			if (parse_size(optarg, &cols, &rows) < 0)
				die("bad size", optarg);
			ws.ws_col = (unsigned short)cols;
			ws.ws_row = (unsigned short)rows;
			break;
		case 'o':
			if ((outfd = open(optarg, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0)
				die(optarg, strerror(errno));
			break;
		case 'm':
			if (!(markf = fopen(optarg, "we")))
				die(optarg, strerror(errno));
			break;
		case 'k':
			parse_file(optarg);
			break;
		case 'K':
			parse_script(optarg);
			break;
		case 't':
			secs = strtod(optarg, &end);
			if (end == optarg || *end || !(secs > 0 && secs <= 1e6))
				die("bad timeout", optarg);
			timeout_ms = (long long)(secs * 1000 + 0.5);
			break;
		case 'w':
			if ((wait_ms = parse_num(optarg, NULL, 3600000)) < 0)
				die("bad wait", optarg);
			break;
		case 'r':
			if (!(reportf = fopen(optarg, "we")))
				die(optarg, strerror(errno));
			break;
		case 'a':
			if ((await_ms = parse_num(optarg, NULL, 86400000)) < 0)
				die("bad await time", optarg);
			break;
		case 'f':
			if ((bytes = parse_num(optarg, NULL, 1L << 30)) < 1)
				die("bad byte count", optarg);
			first_min = (unsigned long long)bytes;
			break;
		case 'i':
			idle_cpu = 1;
			break;
		case 'e':
			if (!strchr(optarg, '=') || optarg[0] == '=')
				die("expected NAME=VALUE", optarg);
			putenv(optarg);	/* ours, hence the child's */
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		default:
			fputs(usage_text, stderr);
			return 125;
		}
	}
	if (optind >= argc)
		die("no command", "give one after --");

	errfd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	spawn_ns = now_ns();
	if ((child = forkpty(&master, NULL, NULL, &ws)) < 0)
		die("forkpty", strerror(errno));
	if (child == 0) {
		for (e = 1; e < NSIG; e++)	/* undo any SIG_IGN inherited from a non-interactive shell */
			signal(e, SIG_DFL);
		execvp(argv[optind], argv + optind);
		e = errno;
		dprintf(errfd, "ptyrun: %s: %s\n", argv[optind], strerror(e));
		_exit(e == ENOENT ? 127 : 126);
	}
	if (errfd >= 0)
		close(errfd);
	if (fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) < 0)
		die("fcntl", strerror(errno));

	if (nacts > 0 || reportf || await_ms >= 0 || first_min) {
		quiesce(1);		/* the first screen */
		if (first_byte_ns >= 0)
			first_screen_ns = last_byte_ns;
	}
	for (i = 0; i < nacts; i++)
		dropped += (size_t)run_action(&acts[i]);

	for (start = now_ms(); !reaped; pump(start + timeout_ms - now_ms()))
		if (now_ms() - start >= timeout_ms)
			timed_out();
	quiesce(0);			/* normally the slave is already closed and this returns at once */
	if (dropped > 0)
		fprintf(stderr, "ptyrun: the command exited before %zu key token(s) could be sent\n", dropped);
	finish(WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : WEXITSTATUS(wstatus));
}
