/* gentranscript.c: write a long, deterministic, transcript-shaped UTF-8 document for benchmarks. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The one word that occurs exactly once, near the end. */
static const char rare_word[] = "quuxfrobnication";

static const char *const words[] = {
	"a", "about", "absolutely", "actually", "after", "again", "agree", "all",
	"almost", "already", "also", "always", "an", "and", "another", "answer",
	"any", "anything", "approach", "are", "argument", "around", "as", "ask",
	"at", "away", "back", "bad", "basically", "be", "because", "been",
	"before", "being", "believe", "benefit", "best", "better", "between", "big",
	"bit", "both", "build", "but", "by", "call", "can", "can’t",
	"capabilities", "career", "careful", "case", "cause", "certainly", "change", "clear",
	"come", "community", "compute", "concern", "consider", "could", "course", "crazy",
	"critical", "current", "data", "day", "deal", "decision", "deep", "definitely",
	"did", "different", "difficult", "do", "doesn’t", "doing", "don’t", "down",
	"each", "early", "easy", "effect", "effort", "else", "end", "enough",
	"especially", "even", "every", "evidence", "exactly", "example", "experiment", "expect",
	"fact", "far", "feel", "few", "field", "figure", "find", "first",
	"for", "forward", "from", "funding", "future", "general", "get", "give",
	"go", "goal", "going", "good", "government", "great", "group", "guess",
	"happen", "hard", "have", "help", "here", "high", "honestly", "how",
	"human", "humans", "idea", "if", "important", "in", "incentives", "interesting",
	"into", "is", "isn’t", "it", "it’s", "just", "keep", "kind",
	"know", "lab", "large", "last", "later", "lead", "learn", "least",
	"less", "let’s", "level", "like", "likely", "little", "long", "look",
	"lot", "made", "make", "many", "matter", "maybe", "mean", "measure",
	"might", "mind", "model", "models", "more", "most", "much", "need",
	"never", "new", "next", "no", "not", "nothing", "now", "number",
	"of", "off", "often", "OK", "on", "one", "only", "open",
	"or", "other", "our", "out", "over", "own", "part", "people",
	"perhaps", "person", "place", "plan", "point", "policy", "possible", "power",
	"pretty", "probably", "problem", "problems", "progress", "project", "pushing", "put",
	"question", "quite", "rather", "real", "really", "reason", "research", "right",
	"risk", "risks", "run", "safety", "same", "say", "scale", "science",
	"see", "seems", "sense", "should", "show", "side", "similar", "since",
	"small", "so", "some", "something", "sometimes", "sort", "start", "still",
	"story", "strategy", "strong", "such", "sure", "system", "systems", "take",
	"team", "technical", "tell", "than", "that", "that’s", "the", "their",
	"them", "then", "there", "there’s", "these", "they", "they’re", "thing",
	"things", "think", "this", "those", "though", "through", "time", "to",
	"today", "together", "too", "training", "true", "try", "trying", "turn",
	"two", "uncertain", "under", "understand", "up", "us", "use", "useful",
	"very", "view", "want", "was", "way", "we", "we’re", "well",
	"were", "what", "when", "where", "whether", "which", "while", "who",
	"why", "will", "with", "won’t", "work", "world", "worried", "would",
	"wrong", "year", "years", "yeah", "yes", "yet", "you", "you’re",
	"AI", "GPT-4", "OpenAI", "RLHF", "ML", "I", "I’m", "I’ve",
};

static const char *const nouns[] = {
	"alignment", "interpretability", "oversight", "governance", "compute", "policy",
	"forecasting", "biosecurity", "career capital", "scalable oversight", "evaluations",
	"superintelligence", "moral uncertainty", "animal welfare", "global health",
	"nuclear security", "pandemic preparedness", "economic growth", "open source models",
	"reward hacking", "red teaming", "institutional design", "grantmaking", "the long term",
};

static const char *const adjs[] = {
	"hard", "neglected", "tractable", "urgent", "overrated", "underrated",
	"so uncertain", "easier than it looks", "worth it", "fragile", "solvable", "messy",
};

static const char *const verbs[] = {
	"measure", "fund", "govern", "scale", "evaluate", "forecast", "prioritise",
	"regulate", "audit", "explain", "automate", "think about",
};

/* Speakers, including names outside ASCII. */
static const char *const speakers[] = {
	"Jan Leike", "Zoë Ångström", "José Núñez", "Łukasz Wróbel", "李明",
	"Siobhán Ní Bhriain", "Chloé Lefèvre", "Nguyễn Thị Lan", "Søren Østergaard",
	"Amara Okafor", "Kenji Watanabe", "Hannah Müller", "Björn Þórsson",
	"Ana María Peña", "Olusegun Adeyemi", "Priya Raghunathan", "Dmitri Volkov",
	"Mei-Ling Chen", "Tomás Ó Briain", "Ingrid Sørensen",
};

static const char *const hosts[] = {
	"Rob Wiblin", "Luisa Rodriguez", "Zoë Ångström",
};

static const char *const roles[] = {
	"Producer and editor", "Audio Engineering Lead", "Technical editing",
	"Additional content editing", "Transcriptions", "Music",
};

static const char *const crew[] = {
	"Keiran Harris", "Ben Cordell", "Simon Monsour", "Milo McGuire", "Katy Moore",
	"Luisa Rodriguez", "Dominic Armstrong", "Łukasz Wróbel", "Siobhán Ní Bhriain",
};

static const char *const asides[] = {
	"you know", "I think", "in some sense", "to be honest", "roughly speaking",
	"at least in principle", "if that makes sense", "for what it’s worth",
};

static unsigned char obuf[1 << 20];
static size_t olen;
static unsigned long long written;	/* bytes handed to put() so far */
static unsigned long long rng_state;

/* Write the buffered output to standard output, exiting on an error. */
static void
flush_out(void)
{
	size_t off = 0;
	ssize_t n;

	while (off < olen) {
		n = write(STDOUT_FILENO, obuf + off, olen - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "gentranscript: write: %s\n", strerror(errno));
			exit(1);
		}
		off += (size_t)n;
	}
	olen = 0;
}

/* Append LEN bytes at S to the output. */
static void
put(const char *s, size_t len)
{
	if (olen + len > sizeof obuf)
		flush_out();
	memcpy(obuf + olen, s, len);
	olen += len;
	written += len;
}

/* Append the string S to the output. */
static void
puts_out(const char *s)
{
	put(s, strlen(s));
}

/* Append S with its first letter (if ASCII) in upper case. */
static void
put_capital(const char *s)
{
	char c = s[0];

	if (c >= 'a' && c <= 'z') {
		c = (char)(c - 'a' + 'A');
		put(&c, 1);
		puts_out(s + 1);
	} else {
		puts_out(s);
	}
}

/* The next number from a splitmix64 generator. */
static unsigned long long
rnd(void)
{
	unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number from LO to HI inclusive. */
static unsigned
range(unsigned lo, unsigned hi)
{
	return lo + (unsigned)(rnd() % (unsigned long long)(hi - lo + 1));
}

/* 1 with probability PCT percent. */
static int
chance(unsigned pct)
{
	return rnd() % 100 < pct;
}

/* A random element of an array of N strings. */
static const char *
pick(const char *const *a, size_t n)
{
	return a[rnd() % n];
}

/* Write one sentence of about NW words (at least 3); if RARE, the rare word is in it. */
static void
sentence(unsigned nw, int rare)
{
	unsigned i, dash = 0, quote_at = 0, quote_end = 0, rare_at = 0;
	unsigned long long r = rnd();
	const char *w;

	if (nw < 3)
		nw = 3;
	if (r % 7 == 0 && nw > 6)
		dash = range(2, nw - 3);
	if (r % 11 == 1 && nw > 8) {
		quote_at = range(2, nw - 4);
		quote_end = quote_at + range(2, 4);
	}
	if (rare)
		rare_at = range(1, nw - 1);
	for (i = 0; i < nw; i++) {
		if (i > 0)
			put(" ", 1);
		if (dash && i == dash)
			puts_out("— ");
		if (quote_at && i == quote_at)
			puts_out("“");
		w = rare && i == rare_at ? rare_word : pick(words, NELEM(words));
		if (i == 0)
			put_capital(w);
		else
			puts_out(w);
		if (quote_end && i + 1 == quote_end)
			puts_out("”");
		if (i + 1 < nw && i != 0 && !quote_at && (r >> 8) % 9 == i)
			puts_out(",");
		else if (i + 1 < nw && i > 1 && (r >> 16) % 23 == i) {
			puts_out(", ");
			puts_out(pick(asides, NELEM(asides)));
			puts_out(",");
		}
	}
	switch ((r >> 24) % 12) {
	case 0: case 1:
		puts_out("?");
		break;
	case 2:
		puts_out("…");
		break;
	case 3:
		puts_out("!");
		break;
	default:
		puts_out(".");
	}
}

/* Write a paragraph of about NW words; if RARE, the rare word is in its last sentence. */
static void
paragraph(unsigned nw, int rare)
{
	unsigned done = 0, n;

	while (done < nw) {
		n = range(4, 24);
		if (n > nw - done)
			n = nw - done;
		if (done > 0)
			put(" ", 1);
		sentence(n, rare && done + n >= nw);
		done += n < 3 ? 3 : n;
	}
}

/* Write a heading line such as "Why alignment is hard", with no final period. */
static void
heading(void)
{
	switch (rnd() % 8) {
	case 0:
		puts_out("Why ");
		puts_out(pick(nouns, NELEM(nouns)));
		puts_out(" is ");
		puts_out(pick(adjs, NELEM(adjs)));
		break;
	case 1:
		puts_out("How to ");
		puts_out(pick(verbs, NELEM(verbs)));
		puts_out(" ");
		puts_out(pick(nouns, NELEM(nouns)));
		break;
	case 2:
		puts_out("The case for ");
		puts_out(pick(nouns, NELEM(nouns)));
		break;
	case 3:
		puts_out("What ");
		puts_out(pick(nouns, NELEM(nouns)));
		puts_out(" means for ");
		puts_out(pick(nouns, NELEM(nouns)));
		break;
	case 4:
		put_capital(pick(nouns, NELEM(nouns)));
		puts_out(" and ");
		puts_out(pick(nouns, NELEM(nouns)));
		break;
	case 5:
		puts_out("Is ");
		puts_out(pick(nouns, NELEM(nouns)));
		puts_out(" ");
		puts_out(pick(adjs, NELEM(adjs)));
		puts_out("?");
		break;
	case 6:
		puts_out("Where ");
		puts_out(pick(nouns, NELEM(nouns)));
		puts_out(" goes next");
		break;
	default:
		puts_out("Objections to ");
		puts_out(pick(nouns, NELEM(nouns)));
	}
	put("\n", 1);
}

/* Write the date of episode EP (one a day from 2017-01-03) as YYYY-MM-DD. */
static void
put_date(unsigned long long ep)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned long long day = ep + 2;	/* days since 2017-01-01 */
	unsigned y = 2017, m = 0, len;
	int leap;
	char buf[32];

	for (;;) {
		leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
		if (day < (len = leap ? 366 : 365))
			break;
		day -= len;
		y++;
	}
	for (; m < 11; m++) {
		if (day < (len = mdays[m] + (m == 1 && leap)))
			break;
		day -= len;
	}
	snprintf(buf, sizeof buf, "%04u-%02u-%02llu", y, m + 1, day + 1);
	puts_out(buf);
}

/* Write "Name: " for speaker NAME. */
static void
label(const char *name)
{
	puts_out(name);
	puts_out(": ");
}

/* Write the credit lines of an episode. */
static void
credits(void)
{
	unsigned i, n = range(2, 5), first = (unsigned)(rnd() % NELEM(roles));

	for (i = 0; i < n; i++) {
		puts_out(roles[(first + i) % NELEM(roles)]);
		puts_out(": ");
		puts_out(pick(crew, NELEM(crew)));
		if (chance(30)) {
			puts_out(" and ");
			puts_out(pick(crew, NELEM(crew)));
		}
		put("\n", 1);
	}
}

/* 1 when the document should end now, the last paragraph taking about 1 KB. */
static int
near_end(unsigned long long target)
{
	return written + 1024 >= target;
}

/* Write episode EP, stopping early when near TARGET; *HOST gets its host. */
static void
episode(unsigned long long ep, unsigned long long target, const char **host)
{
	const char *guests[3], *who;
	unsigned ng = range(1, 3), i, s, t, c, nsec, nturn;
	char buf[64];

	*host = pick(hosts, NELEM(hosts));
	for (i = 0; i < ng; i++)
		guests[i] = pick(speakers, NELEM(speakers));

	/* Title, byline and link. */
	put_capital(pick(nouns, NELEM(nouns)));
	puts_out(" is ");
	puts_out(pick(adjs, NELEM(adjs)));
	puts_out(" (");
	puts_out(guests[0]);
	puts_out(" on the podcast)\n");
	puts_out("By ");
	puts_out(*host);
	puts_out(" @ ");
	put_date(ep);
	snprintf(buf, sizeof buf, "T%02u:00 (+%u)\n", range(8, 20), range(0, 150));
	puts_out(buf);
	if (chance(50)) {
		snprintf(buf, sizeof buf, "episode-%llu/\n", ep + 1);
		puts_out("This is a linkpost to https://example.org/podcast/");
		puts_out(buf);
	}

	/* An empty or short intro, a summary, bullets and credits. */
	if (chance(40))
		put("\n", 1);
	else {
		paragraph(range(15, 60), 0);
		put("\n", 1);
	}
	if (chance(60)) {
		puts_out("Episode summary\n");
		paragraph(range(40, 120), 0);
		put("\n", 1);
		puts_out("- ");
		puts_out(guests[0]);
		put("\n", 1);
	}
	if (near_end(target))
		return;
	puts_out("In this episode, we discuss:\n");
	for (i = range(3, 8); i > 0; i--) {
		puts_out("- ");
		sentence(range(5, 14), 0);
		put("\n", 1);
	}
	credits();
	puts_out(chance(50) ? "Transcript\n" : "Highlights\n");

	/* Sections of speaker turns with continuation paragraphs. */
	nsec = range(3, 10);
	for (s = 0; s < nsec; s++) {
		if (near_end(target))
			return;
		heading();
		nturn = range(2, 12);
		for (t = 0; t < nturn; t++) {
			if (near_end(target))
				return;
			who = t % 2 == 0 ? *host : guests[rnd() % ng];
			label(who);
			paragraph(range(40, 400), 0);
			put("\n", 1);
			for (c = (unsigned)(chance(35) ? range(1, 2) : 0); c > 0; c--) {
				if (near_end(target))
					return;
				paragraph(range(40, 250), 0);
				put("\n", 1);
			}
			if (chance(5)) {
				for (i = range(2, 5); i > 0; i--) {
					puts_out("- ");
					sentence(range(4, 12), 0);
					put("\n", 1);
				}
			}
		}
	}
	if (chance(30))
		credits();
}

/* Parse a size such as 1000, 64K, 100M or 1G (powers of 1024); 0 if bad. */
static unsigned long long
parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return 0;
	switch (*end) {
	case 'k': case 'K':
		v <<= 10, end++;
		break;
	case 'm': case 'M':
		v <<= 20, end++;
		break;
	case 'g': case 'G':
		v <<= 30, end++;
		break;
	}
	return *end == '\0' ? v : 0;
}

/* Write episodes up to about the size asked for, then the paragraph with the rare word. */
int
main(int argc, char **argv)
{
	unsigned long long target, seed = 1, ep;
	const char *host = hosts[0];
	char *end;

	if (argc < 2 || argc > 3 || !(target = parse_size(argv[1]))) {
		fputs("usage: gentranscript BYTES[K|M|G] [SEED] > FILE\n", stderr);
		return 2;
	}
	if (argc == 3) {
		errno = 0;
		seed = strtoull(argv[2], &end, 10);
		if (errno || end == argv[2] || *end) {
			fprintf(stderr, "gentranscript: bad seed '%s'\n", argv[2]);
			return 2;
		}
	}
	rng_state = seed * 0x2545f4914f6cdd1dULL + 1;
	for (ep = 0; !near_end(target); ep++)
		episode(ep, target, &host);

	/* The last turn: the rare word once, near the end of the document. */
	label(host);
	paragraph(range(40, 80), 1);
	put("\n", 1);
	puts_out("Rob Wiblin: My guest today has been ");
	puts_out(pick(speakers, NELEM(speakers)));
	puts_out(". Thanks so much for coming on the show.\n");
	flush_out();
	return 0;
}
