/*
 * cuelabel.c: what the lines of a caption cue say besides their words: a
 * speaker's label ("MONICA:", "Ashlee Kupor (SL):", "[Alba]"), a dash or
 * >> for a change of speaker, sound descriptions ([laughs], (door
 * slams), ♪ lyrics ♪), the end of a sentence.
 */
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "lectern/cuelabel.h"
#include "lectern/lexicon.h"
#include "lectern/text.h"

#define MAX_LABEL	64	/* bytes before a label's colon */
#define MAX_NAME_BYTES	48	/* bytes of a name in a label */
#define MAX_NAME_WORDS	6
#define MAX_SOUND	200	/* bytes of a [sound] or (sound) */
#define MAX_LYRICS	600	/* bytes between two ♪ */

/* The length of a dash that starts a speaker's line at p ("- ", "-Oh",
 * "– "), or 0. */
static size_t
dash_at(const uint8_t *buf, size_t p, size_t e)
{
	if (p + 1 < e && buf[p] == '-') {
		uint8_t c = buf[p + 1];

		if (c == ' ' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
		    c == '"' || c == '\'' || c == '[' || c == '(' || c >= 0xC0)
			return 1;
		return 0;
	}
	if (p + 3 < e && buf[p] == 0xE2 && buf[p + 1] == 0x80 &&
	    (buf[p + 2] == 0x93 || buf[p + 2] == 0x94) && buf[p + 3] == ' ')
		return 3;
	return 0;
}

void
cuelabel_line_start(const uint8_t *buf, size_t s, size_t e,
    struct cuelabel_start *st)
{
	const uint8_t *colon;
	size_t p = s, q, r, ns, ne, dl;
	int after;

	memset(st, 0, sizeof *st);
	if (p + 1 < e && buf[p] == '>' && buf[p + 1] == '>') {
		st->arrows = 1;
		while (p < e && buf[p] == '>')
			p++;
	} else if ((dl = dash_at(buf, p, e)) > 0) {
		st->dash = 1;
		p += dl;
	}
	while (p < e && buf[p] == ' ')
		p++;
	st->body = st->name = st->nend = st->text = p;
	if (p < e && buf[p] == '[') {
		for (q = p + 1; q < e && q - p <= MAX_NAME_BYTES + 1 &&
		    buf[q] != ']' && buf[q] != '['; q++)
			;
		if (q >= e || buf[q] != ']')
			return;
		r = q + 1;
		after = r < e && buf[r] == ':';
		if (after)
			r++;
		while (r < e && buf[r] == ' ')
			r++;
		ns = p + 1;
		ne = q;
		lex_trim(buf, &ns, &ne);
		if (ne > ns && (r < e || after)) {
			st->bracket = 1;
			st->name = ns;
			st->nend = ne;
			st->text = r;
		}
		return;
	}
	r = e - p > MAX_LABEL + 1 ? p + MAX_LABEL + 1 : e;
	if ((colon = memchr(buf + p, ':', r - p)) == NULL)
		return;
	q = (size_t)(colon - buf);
	if (q == p ||
	    (q + 1 < e && buf[q + 1] != ' '))
		return;
	ns = p;
	ne = q;
	lex_trim(buf, &ns, &ne);
	if (ne == ns)
		return;
	r = q + 1;
	while (r < e && buf[r] == ' ')
		r++;
	st->name = ns;
	st->nend = ne;
	st->text = r;
}

/* True when the n bytes at w, without case, are one of the words. */
static int
word_in(const uint8_t *w, size_t n, const char *const *list)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; list[i] != NULL; i++)
		if ((list[i][0] | 0x20) == (w[0] | 0x20) &&
		    strlen(list[i]) == n && strncasecmp(list[i],
		    (const char *)w, n) == 0)
			return 1;
	return 0;
}

/* Words that start a phrase but never a speaker's name. */
static const char *const stopwords[] = {
	"the", "a", "an", "and", "but", "so", "or", "if", "when", "then",
	"note", "notes", "question", "answer", "step", "part", "chapter",
	"episode", "warning", "example", "update", "edit", "source",
	"translation", "translated", "subtitles", "subtitle", "captions",
	"caption", "transcript", "title", "summary", "lyrics", "chorus",
	"verse", "re", "ps", "ok", "okay", "yes", "no", "yeah", "well", "now",
	"here", "here's", "there", "there's", "this", "that", "what", "why",
	"how", "who", "where", "remember", "look", "listen", "hey", "oh",
	"um", "uh", "like", "just", "it", "it's", "i", "i'm", "we", "you",
	"they", "he", "she", "my", "our", "your", "his", "her", "their",
	"time", "date", "location", "language", "kind", "http", "https",
	"www", "and", "also", "plus", "rule", "tip", "fact", "bonus",
	"reminder", "spoiler", "correction", "disclaimer", "sponsor",
	"topic", "agenda", "goal", "problem", "solution", "result",
	"conclusion", "introduction", "intro", "outro", NULL
};

/* Small words inside names: "van Dijk", "de la Cruz". */
static const char *const particles[] = {
	"de", "van", "von", "der", "den", "da", "di", "du", "la", "le",
	"bin", "al", "el", "y", "dos", "das", "del", "ter", "ten", "zu", NULL
};

/* Names every speaker of a diarized or anonymous recording has. */
static const char *const generic[] = {
	"speaker", "spk", "participant", "person", "guest", "caller",
	"voice", "student", "user", "attendee", NULL
};

/* True when [s, s + n) is "Speaker 3", "SPEAKER_00", "Guest-2". */
static int
generic_name(const uint8_t *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
	    i++)
		;
	if (i == 0 || i == n || !word_in(s, i, generic))
		return 0;
	if (s[i] == ' ' || s[i] == '_' || s[i] == '-')
		i++;
	for (j = i; j < n && j - i < 4 && (((s[j] | 0x20) >= 'a' &&
	    (s[j] | 0x20) <= 'z') || (s[j] >= '0' && s[j] <= '9')); j++)
		;
	return j == n && j > i;
}

enum cuelabel_name_kind
cuelabel_name(const uint8_t *s, size_t n, int *words, int *caps)
{
	size_t i = 0, ws, p, q;
	int len, lower = 0, letters = 0, first = 1, camel;
	uint32_t uc;

	*words = 0;
	*caps = 0;
	if (n == 0 || n > MAX_NAME_BYTES)
		return CUELABEL_NOT;
	if (generic_name(s, n)) {
		*words = 2;
		return CUELABEL_NAME;
	}
	*caps = 1;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		ws = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i - ws == 1 && (s[ws] == '&' || s[ws] == '+' ||
		    s[ws] == '/')) {
			/* "PHOEBE & JOEY": two speak at once */
			if (first || i == n)
				return CUELABEL_NOT;
			continue;
		}
		if (s[ws] == '(' && s[i - 1] == ')' && i - ws > 2) {
			/* A role after the name: "(SL)", "(Host)" */
			if (first)
				return CUELABEL_NOT;
			for (p = ws + 1; p + 1 < i; p++)
				if (s[p] == '(' || s[p] == ')')
					return CUELABEL_NOT;
			continue;
		}
		uc = lex_char_at(s + ws, n - ws, &len);
		camel = 0;
		if (uc >= '0' && uc <= '9') {
			/* "Guest 2": a number after a name */
			if (first)
				return CUELABEL_NOT;
			for (p = ws; p < i; p++)
				if (s[p] < '0' || s[p] > '9')
					return CUELABEL_NOT;
			(*words)++;
			continue;
		}
		if (!text_is_letter(uc))
			return CUELABEL_NOT;
		for (p = ws; p < i; p += (size_t)len) {
			uc = lex_char_at(s + p, i - p, &len);
			if (text_is_letter(uc)) {
				letters++;
				if (!text_is_upper(uc) && uc_is_lower(uc))
					*caps = 0;
				else if (p > ws)
					camel = 1;
			} else if (!uc_is_general_category(uc, UC_CATEGORY_M) &&
			    !(uc >= '0' && uc <= '9') && uc != '.' &&
			    uc != '-' && uc != '\'' && uc != 0x2019 &&
			    uc != '&') {
				return CUELABEL_NOT;
			}
		}
		q = i;
		while (q > ws && (s[q - 1] == '.'))
			q--;
		/* "Yes. Right" is two sentences; "Dr. Who" is a name. */
		if (q < i && i < n && q - ws > 4)
			return CUELABEL_NOT;
		if (first && word_in(s + ws, q - ws, stopwords))
			return CUELABEL_NOT;
		uc = lex_char_at(s + ws, n - ws, &len);
		if (!lex_capital(uc) && !camel && (first ||
		    !word_in(s + ws, i - ws, particles)))
			lower = 1;
		first = 0;
		if (++*words > MAX_NAME_WORDS)
			return CUELABEL_NOT;
	}
	if (letters < 2)
		*caps = 0;
	if (*words == 0 || letters == 0)
		return CUELABEL_NOT;
	return lower ? CUELABEL_LOOSE : CUELABEL_NAME;
}

/* Words of sound descriptions ("[door slams]", "[SIGHS]"). */
static const char *const sounds[] = {
	"applause", "applauds", "applaud", "laughter", "laughs", "laugh",
	"chuckles", "chuckle", "giggles", "sighs", "sigh", "gasps", "gasp",
	"groans", "groan", "grunts", "grunt", "coughs", "cough", "sneezes",
	"sniffs", "sniffles", "sobs", "cries", "screams", "scream", "shouts",
	"yells", "whispers", "whisper", "murmurs", "mumbles", "stammers",
	"stutters", "exhales", "inhales", "breathes", "pants", "scoffs",
	"snorts", "snickers", "hums", "whistles", "claps", "cheers", "cheer",
	"boos", "music", "song", "sound", "sounds", "noise", "noises",
	"silence", "static", "inaudible", "indistinct", "unintelligible",
	"crosstalk", "overlapping", "foreign", "door", "doors", "phone",
	"telephone", "bell", "doorbell", "knock", "knocks", "buzzes", "buzz",
	"beeps", "beep", "rings", "ring", "thunder", "explosion", "gunshot",
	"gunshots", "footsteps", "engine", "horn", "horns", "siren",
	"sirens", "barks", "blank_audio", "audio", "speech", "voices",
	"continues", "chatter", "crowd", "clears", "throat", "kiss",
	"kisses", "thud", "crash", "bang", "slams", "click", "clicks",
	"chimes", "plays", "upbeat", "dramatic", "tense", "muffled",
	"distorted", "radio", "tv", "intercom", "pause", "beat", "sfx",
	"__", NULL
};

int
cuelabel_is_sound(const uint8_t *s, size_t n)
{
	size_t i = 0, ws, we;
	int letters = 0;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '.'))
			i++;
		ws = i;
		while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '.')
			i++;
		we = i;
		if (we == ws)
			continue;
		letters++;
		if (word_in(s + ws, we - ws, sounds))
			return 1;
		/* SINGING, Laughing, HONKING */
		if (we - ws >= 5 && strncasecmp((const char *)s + we - 3, "ing",
		    3) == 0)
			return 1;
	}
	return letters == 0;
}

/* The length of a ♪ or ♫ at p, or 0. */
static size_t
note_at(const uint8_t *buf, size_t p, size_t e)
{
	return p + 2 < e && buf[p] == 0xE2 && buf[p + 1] == 0x99 &&
	    (buf[p + 2] == 0xAA || buf[p + 2] == 0xAB) ? 3 : 0;
}

size_t
cuelabel_sound_end(const uint8_t *buf, size_t i, size_t e)
{
	size_t k, n;
	uint8_t open, close;
	int caps, words;

	if ((n = note_at(buf, i, e)) > 0) {
		for (k = i + n; k < e && k - i < MAX_LYRICS; k++) {
			if ((n = note_at(buf, k, e)) > 0)
				return k + n;
			if (buf[k] == '\n')
				return k;
		}
		return k;
	}
	open = buf[i];
	if (open != '[' && open != '(')
		return i;
	close = open == '[' ? ']' : ')';
	for (k = i + 1; k < e && k - i <= MAX_SOUND; k++) {
		if (buf[k] == open)
			return i;
		if (buf[k] == close)
			break;
	}
	if (k >= e || buf[k] != close || k == i + 1)
		return i;
	if (open == '(') {
		/* "(which is big)" in a sentence is not a sound. */
		size_t s = i + 1, z = k;

		for (n = s; n < z; n++)
			if (buf[n] == '\n')
				break;
		if (!cuelabel_is_sound(buf + s, z - s) &&
		    (cuelabel_name(buf + s, z - s, &words, &caps) ==
		    CUELABEL_NOT || !caps))
			return i;
	}
	return k + 1;
}

int
cuelabel_ends_sentence(const uint8_t *buf, size_t s, size_t e)
{
	const uint8_t *q;
	ucs4_t uc = 0;

	/* Most text ends in a letter, a digit or a comma. */
	if (e > s && buf[e - 1] < 0x80 && (buf[e - 1] == ',' ||
	    ((buf[e - 1] | 0x20) >= 'a' && (buf[e - 1] | 0x20) <= 'z') ||
	    (buf[e - 1] >= '0' && buf[e - 1] <= '9')))
		return 0;
	/* Back over closing quotes, brackets and spaces. */
	while (e > s) {
		q = u8_prev(&uc, buf + e, buf + s);
		if (q == NULL) {
			uc = buf[e - 1];
			q = buf + e - 1;
		}
		if (uc == ' ' || uc == '"' || uc == '\'' || uc == ')' ||
		    uc == ']' || uc == '*' || uc == 0x201D || uc == 0x2019 ||
		    uc == 0xBB) {
			e = (size_t)(q - buf);
			continue;
		}
		break;
	}
	if (e == s)
		return 0;
	if (uc == '.')
		return !(e - s >= 2 && buf[e - 2] == '.');
	return uc == '!' || uc == '?' || uc == 0x3002 || uc == 0xFF01 ||
	    uc == 0xFF1F;
}
