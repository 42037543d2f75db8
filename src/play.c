/* play.c: the shapes of the lines of plays. */
#include <string.h>
#include <strings.h>

#include <unictype.h>

#include "lectern/play.h"
#include "lectern/rec.h"

#define MAX_NAME	PLAY_MAX_NAME

/* Directions whatever their length. */
const char *const play_strong[] = {
	"Enter", "Exit", "Exeunt", "Exeant", "Re-enter", "Reenter", "Manet",
	"Manent", "Flourish", "Sennet", "Alarum", "Alarums", "Exit.",
	"Exeunt.", "Enter.", NULL
};

/* Directions when short. */
const char *const play_weak[] = {
	"Aside", "Within", "Sings", "Singing", "Reads", "Reading", "Dies",
	"Sleeps", "Kneels", "Kneeling", "Rising", "Rises", "Writing", "Drawing",
	"Draws", "Advancing", "Retires", "Retiring", "They", "Noise", "March",
	"Trumpets", "Music", "Thunder", "Takes", "Throws", "Puts", "Leaps",
	"Scattering", "Pointing", "Beneath", "Behind", "Above", "Below",
	"Aloud",
	"Apart", "Falls", "Fights", "Stabs", "Kisses", "Embraces", "Laughs",
	"Weeps", "Curtain", "Aside.", "Within.", "Dies.", "Sings.", NULL
};

/* Names that need no "Enter" line. */
const char *const play_crowds[] = { "All", "Both", "Omnes", "Chorus",
	NULL };

/* Lines in capitals that are no one's name. */
const char *const play_not_names[] = { "SCENE", "SCENE.", "ACT", "END",
	"CURTAIN", "CURTAIN.", "FINIS", "FINIS.", "CONTENTS",
	"DRAMATIS", "PERSONS", "CHARACTERS", NULL };

/* Parts of a play outside its acts, when no speech follows them. */
const char *const play_parts[] = { "PROLOGUE", "EPILOGUE", "INDUCTION",
	"PROLOGUE.", "EPILOGUE.", "INDUCTION.", NULL };

/* True when the first word of [s, e) is one of list (exact case). */
int
play_first_word(const uint8_t *p, size_t s, size_t e, const char *const *list)
{
	size_t w, i;

	if (s >= e)
		return 0;
	for (i = 0, w = 0; list[i] != NULL; i++) {
		if ((uint8_t)list[i][0] != p[s])
			continue;
		if (w == 0)
			for (w = s; w < e && p[w] != ' ' && p[w] != ','; w++)
				;
		if (strlen(list[i]) == w - s &&
		    memcmp(list[i], p + s, w - s) == 0)
			return 1;
	}
	return 0;
}

/* A hash of the word [s, e) in lower case, without a plural's "s" when
 * plural is set. */
uint32_t
play_word_hash(const uint8_t *p, size_t s, size_t e, int plural)
{
	uint32_t h = 2166136261u;
	size_t i;

	if (plural && e - s > 3 && (p[e - 1] == 's' || p[e - 1] == 'S'))
		e--;
	for (i = s; i < e; i++)
		h = (h ^ (uint32_t)(p[i] | (p[i] < 0x80 ? 0x20 : 0))) *
		    16777619u;
	return h == 0 ? 1 : h;
}

/* Counts the words of three letters or more into t. */
void
play_add_words(struct rec_shapes *t, const uint8_t *p, size_t s, size_t e)
{
	size_t i, w;

	for (i = s; i < e; i = w + 1) {
		for (w = i; w < e && p[w] != ' ' && p[w] != ',' &&
		    p[w] != ';' && p[w] != '.' && p[w] != ']' && p[w] != '_';
		    w++)
			;
		if (w - i >= 3) {
			rec_shapes_add(t, play_word_hash(p, i, w, 0));
			rec_shapes_add(t, play_word_hash(p, i, w, 1));
		}
	}
}

/* The numeral after "ACT" or "SCENE": I, IV, 2, ONE, FIRST, Primus... */
int
play_numeral(const uint8_t *p, size_t s, size_t e)
{
	static const char *const words[] = { "one", "two", "three", "four",
		"five", "six", "seven", "first", "second", "third", "fourth",
		"fifth", "primus", "secundus", "tertius", "quartus", "quintus",
		"prima", "secunda", "tertia", "quarta", "quinta", "sexta",
		"septima", NULL };
	size_t w, i;

	for (w = s; w < e && p[w] != ' ' && p[w] != '.' && p[w] != ',' &&
	    p[w] != ':'; w++)
		;
	if (w == s || w - s > 9)
		return 0;
	for (i = s; i < w && strchr("IVXLivxl", p[i]) != NULL && p[i]; i++)
		;
	if (i == w)
		return 1;
	for (i = s; i < w && p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == w)
		return 1;
	for (i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == w - s && strncasecmp(words[i],
		    (const char *)p + s, w - s) == 0)
			return 1;
	return 0;
}

/* When [s, e) starts with one of the words w... and a numeral, the
 * offset where the numeral starts; else 0. */
size_t
play_division(const uint8_t *p, size_t s, size_t e, const char *const *w)
{
	size_t i, n, k;
	int ordinal = -1;

	for (k = s; k < e && p[k] != ' '; k++)
		;
	/* Acts and scenes start with A or S: most lines end here. */
	if (p[s] != 'A' && p[s] != 'S' && (k + 1 >= e ||
	    (p[k + 1] != 'A' && p[k + 1] != 'S')))
		return 0;
	for (i = 0; w[i] != NULL; i++) {
		n = strlen(w[i]);
		if (e - s > n + 1 && p[s] == (uint8_t)w[i][0] &&
		    memcmp(p + s, w[i], n) == 0 &&
		    (p[s + n] == ' ' || p[s + n] == '.') &&
		    play_numeral(p, s + n + 1 + (p[s + n] == '.'), e))
			return s + n;
		/* "FIRST ACT", "Second Act" */
		if (k < e && e - k - 1 >= n && p[k + 1] == (uint8_t)w[i][0] &&
		    memcmp(p + k + 1, w[i], n) == 0 && (k + 1 + n == e ||
		    p[k + 1 + n] == ' ' || p[k + 1 + n] == '.')) {
			if (ordinal < 0)
				ordinal = play_numeral(p, s, k);
			if (ordinal)
				return k + 1 + n;
		}
	}
	return 0;
}

const char *const play_acts[] = { "ACT", "Act", "ACTUS", "Actus", NULL };
const char *const play_scenes[] = { "SCENE", "Scene", "SCENA", "Scena",
	"SCOENA", "Scoena", NULL };

/* True when [s, e) is shaped like a name in capitals: one to four
 * words of letters (and . ' - &); sets [*ns, *ne) to it without a final
 * period or colon. */
int
play_caps_name(const uint8_t *p, size_t s, size_t e, size_t *ns, size_t *ne)
{
	size_t i, words = 1, e0 = e;

	if (e > s && (p[e - 1] == '.' || p[e - 1] == ':'))
		e--;
	if (e == s || e - s > MAX_NAME || !rec_caps(p, s, e))
		return 0;
	for (i = s; i < e; i++)
		if (p[i] == ' ')
			words++;
		else if (p[i] < 0x80 && !((p[i] >= 'A' && p[i] <= 'Z') ||
		    strchr(".'-&c", p[i]) != NULL))
			return 0;
	if (words > 4 || play_first_word(p, s, e + (e < e0 && p[e] == '.'),
	    play_not_names) || rec_word(p, s, e, "THE END", NULL))
		return 0;
	*ns = s;
	*ne = e;
	return 1;
}

/* True when [s, e) is shaped like a name in Title Case: one to three
 * capitalised words, "of" and "the" between them. */
int
play_title_name(const uint8_t *p, size_t s, size_t e)
{
	size_t i, w;
	int words = 0, len;

	for (i = s; i < e; i = w + 1) {
		for (w = i; w < e && p[w] != ' '; w++)
			;
		if (words > 0 && (rec_word(p, i, w, "of", NULL) ||
		    rec_word(p, i, w, "the", NULL)))
			continue;
		if (!uc_is_upper(rec_char(p + i, e - i, &len)))
			return 0;
		for (i += (size_t)len; i < w; i++)
			if (p[i] < 0x80 && !(p[i] >= 'a' && p[i] <= 'z') &&
			    p[i] != '\'' && p[i] != '-')
				return 0;
		words++;
	}
	return words >= 1 && words <= 3;
}

/* True when [s, e) starts with a name in capitals and a period before
 * the text: "HAMLET. To be"; sets *w to the period. */
int
play_caps_label(const uint8_t *p, size_t s, size_t e, size_t *w)
{
	size_t i;

	*w = s;
	/* A word in lower case ends it at once ("McCLANE" does not). */
	if (e - s < 4 || (p[s + 1] >= 'a' && p[s + 1] <= 'z' &&
	    !(p[s] == 'M' && p[s + 1] == 'c')))
		return 0;
	for (i = s; i < e && i - s <= MAX_NAME && p[i] != '.'; i++)
		;
	*w = i;
	return i + 1 < e && p[i] == '.' && p[i + 1] == ' ' && i - s >= 2 &&
	    rec_caps(p, s, i) && !play_numeral(p, s, i) &&
	    !play_division(p, s, e, play_acts) &&
	    !play_division(p, s, e, play_scenes);
}

/* True when the line [s, e) is a stage direction (after_name: right
 * after a character's name). */
int
play_direction(const struct rec_shapes *names, const uint8_t *p, size_t s,
    size_t e, int after_name)
{
	size_t i, w, words = 1, up, low;
	int named = 0, punct = 0, last;

	if ((p[s] == '[' && p[e - 1] == ']') || (p[s] == '(' &&
	    p[e - 1] == ')') || (p[s] == '_' && p[e - 1] == '_' && e - s > 2))
		return 1;
	if (p[s] == '[' || (p[s] == '(' && e - s > 40))
		return 2;	/* a direction that goes on over lines */
	if (play_first_word(p, s, e, play_strong))
		return 1;
	for (i = s; i + 1 < e; i++) {
		/* "A dead march. Exeunt, bearing off the bodies" */
		if (p[i] == ' ' && i > s && p[i - 1] == '.' &&
		    play_first_word(p, i + 1, e, play_strong))
			return 1;
		if (p[i] == ' ')
			words++;
		else if (p[i] == ',' || p[i] == ';' || p[i] == '?' ||
		    p[i] == '!' || p[i] == ':')
			punct = 1;
	}
	last = p[e - 1];
	if (words <= 6 && !punct && last != '.' && last != ';' && last != ':' &&
	    last != '?' && last != '!' && play_first_word(p, s, e, play_weak))
		return 1;
	if (after_name && words == 1 && last != '.' && last != ',' &&
	    last != ';' && last != ':' && last != '?' && last != '!') {
		rec_letters(p, s, e, &up, &low);
		if (low > 0)
			return 1;
	}
	/* "Stabs KING CLAUDIUS": a name in capitals among other words. */
	if (words > 12 || last == ',' || last == ';')
		return 0;
	for (i = s; i < e && !named; i = w + 1) {
		for (w = i; w < e && p[w] != ' ' && p[w] != ','; w++)
			;
		if (w - i >= 3 && !(p[i] >= 'a' && p[i] <= 'z') &&
		    rec_caps(p, i, w) &&
		    rec_shapes_count(names, play_word_hash(p, i, w, 0)) > 0)
			named = 1;
	}
	if (!named)
		return 0;
	rec_letters(p, s, e, &up, &low);
	return low > 0;
}

/* True when the line [s, e) may be a running head: not a name, an
 * act, a scene or a direction. */
int
play_head_like(const uint8_t *p, size_t s, size_t e)
{
	size_t ns, ne;

	return !play_caps_name(p, s, e, &ns, &ne) &&
	    !play_division(p, s, e, play_acts) &&
	    !play_division(p, s, e, play_scenes) &&
	    !play_first_word(p, s, e, play_strong) &&
	    !play_first_word(p, s, e, play_weak) && p[s] != '[' && p[s] != '(';
}

