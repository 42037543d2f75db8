/*
 * cuetext.c: the text of a caption cue made readable, and what its lines
 * say about speakers and sounds. WebVTT and SubRip share it: WebVTT's
 * tags (<c.colorE5E5E5>, <v Name>, <00:00:01.000>, <ruby>/<rt>, <lang>)
 * and entities, SubRip's <i>, <b>, <u>, <font> and {\an8} overrides.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "lectern/cuetext.h"
#include "lectern/lexicon.h"
#include "lectern/text.h"
#include "lectern/util.h"

#define MAX_TAG		512	/* bytes of a tag, between < and > */
#define MAX_ENTITY	12	/* bytes of an entity, between & and ; */
#define MAX_OVERRIDE	200	/* bytes of a {\...} override */
#define MAX_LABEL	64	/* bytes before a label's colon */
#define MAX_NAME_BYTES	48	/* bytes of a name in a label */
#define MAX_NAME_WORDS	6
#define MAX_SOUND	200	/* bytes of a [sound] or (sound) */
#define MAX_LYRICS	600	/* bytes between two ♪ */

void
cuetext_reset(struct cuetext *ct)
{
	buf_reset(&ct->text);
	buf_reset(&ct->names);
	ct->nvoices = 0;
	ct->nmarks = 0;
}

void
cuetext_free(struct cuetext *ct)
{
	buf_free(&ct->text);
	buf_free(&ct->names);
	free(ct->voices);
	free(ct->marks);
	memset(ct, 0, sizeof *ct);
}

int
cuetext_time(const uint8_t *s, size_t *i, size_t e, uint32_t *ms)
{
	uint64_t v[3] = { 0, 0, 0 }, frac = 0;
	size_t p = *i, d;
	int groups = 0, fd = 0;

	while (groups < 3) {
		for (d = 0; p < e && s[p] >= '0' && s[p] <= '9'; p++, d++)
			if (d < 6)
				v[groups] = v[groups] * 10 + (s[p] - '0');
		if (d == 0 || (groups > 0 && (d > 2 || v[groups] > 59)) ||
		    d > 6)
			return 0;
		groups++;
		if (groups < 3 && p + 1 < e && s[p] == ':' && s[p + 1] >= '0' &&
		    s[p + 1] <= '9')
			p++;
		else
			break;
	}
	if (groups < 2)
		return 0;
	if (p + 1 < e && (s[p] == '.' || s[p] == ',') && s[p + 1] >= '0' &&
	    s[p + 1] <= '9') {
		for (p++; p < e && s[p] >= '0' && s[p] <= '9'; p++, fd++)
			if (fd < 3)
				frac = frac * 10 + (s[p] - '0');
		for (; fd < 3; fd++)
			frac *= 10;
	}
	if (groups == 2)
		v[2] = v[1], v[1] = v[0], v[0] = 0;
	v[0] = ((v[0] * 60 + v[1]) * 60 + v[2]) * 1000 + frac;
	*ms = v[0] >= UINT32_MAX ? UINT32_MAX - 1 : (uint32_t)v[0];
	*i = p;
	return 1;
}

/* Notes a voice span starting at the end of the text: its name is the
 * n bytes at s, white space folded, NUL bytes made U+FFFD. */
static void
add_voice(struct cuetext *ct, const uint8_t *s, size_t n)
{
	struct cuetext_voice *v;
	size_t i, start = ct->names.len;
	int space = 0;

	for (i = 0; i < n && ct->names.len - start < CUETEXT_MAX_NAME; i++) {
		if (lex_hspace(s[i]) || s[i] == '\n') {
			space = 1;
			continue;
		}
		if (space && ct->names.len > start)
			buf_addc(&ct->names, ' ');
		space = 0;
		if (s[i] == '\0')
			buf_adds(&ct->names, "\xEF\xBF\xBD");
		else
			buf_addc(&ct->names, (char)s[i]);
	}
	/* Not past the limit in the middle of a character. */
	while (ct->names.len > start && ct->names.len - start >
	    CUETEXT_MAX_NAME)
		ct->names.len--;
	while (ct->names.len > start && i < n &&
	    ((uint8_t)ct->names.data[ct->names.len - 1] & 0xC0) == 0x80)
		ct->names.len--;
	if (ct->names.len > start && i < n &&
	    (uint8_t)ct->names.data[ct->names.len - 1] >= 0xC0)
		ct->names.len--;
	if (ct->names.len == start)
		return;
	UTIL_GROW(ct->voices, ct->capvoices, ct->nvoices + 1);
	v = &ct->voices[ct->nvoices++];
	v->at = ct->text.len;
	v->name = start;
	v->nlen = ct->names.len - start;
}

/* True when the tag's content [s, e) names element el: "rt" in "rt",
 * "rt.x" or "rt lang". */
static int
tag_is(const uint8_t *s, size_t e, size_t p, const char *el)
{
	size_t n = strlen(el);

	return e - p >= n && memcmp(s + p, el, n) == 0 && (e - p == n ||
	    s[p + n] == '.' || s[p + n] == ' ' || s[p + n] == '\t');
}

/* Reads the tag at s[i] == '<'. Returns where the text goes on after it
 * (past an <rt> annotation), or i when it is not a tag. */
static size_t
read_tag(struct cuetext *ct, const uint8_t *s, size_t i, size_t n)
{
	size_t j = i + 1, k, p, q;
	uint32_t ms;

	if (j < n && s[j] == '/')
		j++;
	if (j >= n || (!((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') &&
	    !(s[j] >= '0' && s[j] <= '9')))
		return i;
	for (k = j; k < n && k - i < MAX_TAG && s[k] != '>' && s[k] != '<';
	    k++)
		;
	if (k >= n || s[k] != '>')
		return i;
	if (j > i + 1)
		return k + 1;		/* a closing tag */
	if (s[j] >= '0' && s[j] <= '9') {
		p = j;
		if (!cuetext_time(s, &p, k, &ms) || p != k)
			return i;	/* "<3 >" is text */
		UTIL_GROW(ct->marks, ct->capmarks, ct->nmarks + 1);
		ct->marks[ct->nmarks].at = ct->text.len;
		ct->marks[ct->nmarks++].time = ms;
		return k + 1;
	}
	if (tag_is(s, k, j, "v")) {
		/* <v Name>, <v.loud Name>: the name after the classes */
		for (p = j + 1; p < k && s[p] != ' ' && s[p] != '\t'; p++)
			;
		while (p < k && lex_hspace(s[p]))
			p++;
		q = k;
		while (q > p && lex_hspace(s[q - 1]))
			q--;
		if (q > p)
			add_voice(ct, s + p, q - p);
		return k + 1;
	}
	if (tag_is(s, k, j, "rt") || tag_is(s, k, j, "rp")) {
		/* A ruby annotation (a reading) is not read twice. */
		for (p = k + 1; p + 2 < n; p++)
			if (s[p] == '<' && s[p + 1] == '/' && (s[p + 2] == 'r'))
				break;
		return p + 2 < n ? p : n;
	}
	return k + 1;
}

/* The named entities, and what they stand for. */
static const struct {
	const char	*name;
	const char	*text;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", " " }, { "lrm", "" }, { "rlm", "" },
	{ "hellip", "\xE2\x80\xA6" }, { "mdash", "\xE2\x80\x94" },
	{ "ndash", "\xE2\x80\x93" }, { "rsquo", "\xE2\x80\x99" },
	{ "lsquo", "\xE2\x80\x98" }, { "ldquo", "\xE2\x80\x9C" },
	{ "rdquo", "\xE2\x80\x9D" }, { "eacute", "\xC3\xA9" },
	{ NULL, NULL }
};

/* Decodes the entity at s[i] == '&' into out (at most 4 bytes). Returns
 * the bytes it takes (0 when it is not one) and sets *nout. */
static size_t
read_entity(const uint8_t *s, size_t i, size_t n, uint8_t *out, int *nout)
{
	size_t k, p;
	uint32_t v = 0;
	int i2;

	for (k = i + 1; k < n && k - i <= MAX_ENTITY && s[k] != ';' &&
	    s[k] != '&' && !lex_hspace(s[k]); k++)
		;
	if (k >= n || s[k] != ';' || k == i + 1)
		return 0;
	if (s[i + 1] == '#') {
		int hex = k > i + 2 && (s[i + 2] | 0x20) == 'x';

		p = i + 2 + (size_t)hex;
		if (p == k)
			return 0;
		for (; p < k; p++) {
			int dv;

			if (s[p] >= '0' && s[p] <= '9')
				dv = s[p] - '0';
			else if (hex && (s[p] | 0x20) >= 'a' &&
			    (s[p] | 0x20) <= 'f')
				dv = (s[p] | 0x20) - 'a' + 10;
			else
				return 0;
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) + (uint32_t)dv;
		}
		if (v == 0x200E || v == 0x200F) {
			*nout = 0;
		} else if (v == 0xA0 || v == ' ' || v == '\t') {
			out[0] = ' ';
			*nout = 1;
		} else {
			if (v == 0 || v >= 0x110000 || (v >= 0xD800 &&
			    v <= 0xDFFF))
				v = 0xFFFD;
			*nout = u8_uctomb(out, v, 4);
			if (*nout <= 0)
				return 0;
		}
		return k + 1 - i;
	}
	for (i2 = 0; entities[i2].name != NULL; i2++)
		if (strlen(entities[i2].name) == k - i - 1 &&
		    memcmp(entities[i2].name, s + i + 1, k - i - 1) == 0) {
			*nout = (int)strlen(entities[i2].text);
			memcpy(out, entities[i2].text, (size_t)*nout);
			return k + 1 - i;
		}
	return 0;
}

/* Bytes that need a look: white space, tags, entities, overrides. */
static int
special(uint8_t c)
{
	return c == '<' || c == '&' || c == '{' || c == ' ' || c == '\t' ||
	    c == '\r' || c == '\v' || c == '\f' || c == '\n';
}

void
cuetext_add_line(struct cuetext *ct, const uint8_t *s, size_t n)
{
	struct buf *b = &ct->text;
	size_t i = 0, j, line = b->len, k;
	uint8_t ent[4];
	int space = 0, ne;

	while (i < n) {
		uint8_t c = s[i];

		if (!special(c)) {
			for (j = i + 1; j < n && !special(s[j]); j++)
				;
			if (space && b->len > line)
				buf_addc(b, ' ');
			space = 0;
			buf_add(b, s + i, j - i);
			i = j;
			continue;
		}
		if (c != '<' && c != '&' && c != '{') {
			space = 1;
			i++;
			continue;
		}
		if (c == '<' && (j = read_tag(ct, s, i, n)) > i) {
			i = j;
			continue;
		}
		if (c == '&' && (j = read_entity(s, i, n, ent, &ne)) > 0) {
			i += j;
			if (ne == 1 && ent[0] == ' ') {
				space = 1;
				continue;
			}
			if (ne > 0 && space && b->len > line)
				buf_addc(b, ' ');
			if (ne > 0)
				space = 0;
			buf_add(b, ent, (size_t)ne);
			continue;
		}
		if (c == '{' && i + 1 < n && s[i + 1] == '\\') {
			for (k = i + 2; k < n && k - i < MAX_OVERRIDE &&
			    s[k] != '}' && s[k] != '{'; k++)
				;
			if (k < n && s[k] == '}') {
				i = k + 1;
				continue;
			}
		}
		if (space && b->len > line)
			buf_addc(b, ' ');
		space = 0;
		buf_addc(b, (char)c);
		i++;
	}
	buf_addc(b, '\n');
}

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
cuetext_line_start(const uint8_t *buf, size_t s, size_t e,
    struct cuetext_start *st)
{
	size_t p = s, q, r, ns, ne, dl;
	int colon;

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
		colon = r < e && buf[r] == ':';
		if (colon)
			r++;
		while (r < e && buf[r] == ' ')
			r++;
		ns = p + 1;
		ne = q;
		lex_trim(buf, &ns, &ne);
		if (ne > ns && (r < e || colon)) {
			st->bracket = 1;
			st->name = ns;
			st->nend = ne;
			st->text = r;
		}
		return;
	}
	for (q = p; q < e && q - p <= MAX_LABEL && buf[q] != ':'; q++)
		;
	if (q >= e || buf[q] != ':' || q == p ||
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

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i],
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

enum cuetext_name_kind
cuetext_name(const uint8_t *s, size_t n, int *words, int *caps)
{
	size_t i = 0, ws, p, q;
	int len, lower = 0, letters = 0, first = 1, camel;
	uint32_t uc;

	*words = 0;
	*caps = 0;
	if (n == 0 || n > MAX_NAME_BYTES)
		return CUETEXT_NOT;
	if (generic_name(s, n)) {
		*words = 2;
		return CUETEXT_NAME;
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
				return CUETEXT_NOT;
			continue;
		}
		if (s[ws] == '(' && s[i - 1] == ')' && i - ws > 2) {
			/* A role after the name: "(SL)", "(Host)" */
			if (first)
				return CUETEXT_NOT;
			for (p = ws + 1; p + 1 < i; p++)
				if (s[p] == '(' || s[p] == ')')
					return CUETEXT_NOT;
			continue;
		}
		uc = lex_char_at(s + ws, n - ws, &len);
		camel = 0;
		if (uc >= '0' && uc <= '9') {
			/* "Guest 2": a number after a name */
			if (first)
				return CUETEXT_NOT;
			for (p = ws; p < i; p++)
				if (s[p] < '0' || s[p] > '9')
					return CUETEXT_NOT;
			(*words)++;
			continue;
		}
		if (!text_is_letter(uc))
			return CUETEXT_NOT;
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
				return CUETEXT_NOT;
			}
		}
		q = i;
		while (q > ws && (s[q - 1] == '.'))
			q--;
		/* "Yes. Right" is two sentences; "Dr. Who" is a name. */
		if (q < i && i < n && q - ws > 4)
			return CUETEXT_NOT;
		if (first && word_in(s + ws, q - ws, stopwords))
			return CUETEXT_NOT;
		uc = lex_char_at(s + ws, n - ws, &len);
		if (!lex_capital(uc) && !camel && (first ||
		    !word_in(s + ws, i - ws, particles)))
			lower = 1;
		first = 0;
		if (++*words > MAX_NAME_WORDS)
			return CUETEXT_NOT;
	}
	if (letters < 2)
		*caps = 0;
	if (*words == 0 || letters == 0)
		return CUETEXT_NOT;
	return lower ? CUETEXT_LOOSE : CUETEXT_NAME;
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
cuetext_is_sound(const uint8_t *s, size_t n)
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
cuetext_sound_end(const uint8_t *buf, size_t i, size_t e)
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
		if (!cuetext_is_sound(buf + s, z - s) &&
		    (cuetext_name(buf + s, z - s, &words, &caps) ==
		    CUETEXT_NOT || !caps))
			return i;
	}
	return k + 1;
}

int
cuetext_ends_sentence(const uint8_t *buf, size_t s, size_t e)
{
	const uint8_t *q;
	ucs4_t uc = 0;

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
