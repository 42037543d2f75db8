/* court.c: the shapes of the lines of court transcripts. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lectern/court.h"
#include "lectern/rec.h"

#define MAX_LABEL	COURT_MAX_LABEL

/* A reporter's page code: "O5TVGUO", "O5T1GUO2 Maistrello - Direct". */
int
court_page_code(const uint8_t *p, size_t s, size_t e)
{
	size_t i;
	int dig = 0, up = 0;

	if (s >= e || p[s] < 'A' || p[s] > 'Z')
		return 0;
	for (i = s; i < e && p[i] != ' '; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			dig++;
		else if (p[i] >= 'A' && p[i] <= 'Z')
			up++;
		else
			return 0;
	}
	if (i - s < 5 || i - s > 12 || dig == 0 || up < 2)
		return 0;
	return i == e || (e - i < 60 && rec_has(p, i, e, " - "));
}

/* True for a rule: dashes, underscores or equals signs (a caption's
 * "----x" too). */
int
court_rule(const uint8_t *p, size_t s, size_t e)
{
	size_t i, n = 0;

	for (i = s; i < e; i++)
		if (p[i] == '-' || p[i] == '_' || p[i] == '=' || p[i] == '*')
			n++;
		else if (p[i] != ' ' && !(i == e - 1 && (p[i] == 'x' ||
		    p[i] == 'X' || p[i] == ')')))
			return 0;
	return n >= 4;
}

/* True when the line is page furniture, whatever the layout. */
int
court_furniture(const uint8_t *p, size_t s, size_t e)
{
	if (rec_page_number(p, s, e) || court_rule(p, s, e))
		return 1;
	if (p[s] == '(' && e - s < 40 && rec_word(p, s + 1, e, "continued",
	    ")") && (e - s == 11 || rec_has(p, s, e, "next page")))
		return 1;
	if (rec_word(p, s, e, "case", NULL) && rec_has(p, s, e, " document ") &&
	    rec_has(p, s, e, " page "))
		return 1;
	return 0;
}

/* Short lines that may be running heads or footers: in capitals, or
 * holding digits, and not a speaker's. */
int
court_furniture_shaped(const uint8_t *p, size_t s, size_t e)
{
	size_t i;
	int digit = 0;

	if (e - s > 80)
		return 0;
	for (i = s; i < e && !digit; i++)
		digit = p[i] >= '0' && p[i] <= '9';
	/* "(Recess)" is a note; "(212) 805-0300" may be a footer. */
	if (p[s] == '(' && p[e - 1] == ')' && !digit)
		return 0;
	return digit || rec_caps(p, s, e);
}

/* Reads the line number at the start of [*s, e), if any: 1 to 99 and
 * white space or the end after it. Returns it, or 0. */
int
court_line_number(const uint8_t *p, size_t *s, size_t e)
{
	size_t i = *s;
	int n = 0;

	while (i < e && i - *s < 2 && p[i] >= '0' && p[i] <= '9')
		n = n * 10 + (p[i++] - '0');
	if (i == *s || n == 0 || (i < e && !rec_space(p[i])))
		return 0;
	*s = i;
	return n;
}

/* Titles that make a line in capitals a speaker's label at once. */
static const char *const titles[] = {
	"MR.", "MS.", "MRS.", "MISS", "MESSRS.", "DR.", "THE", "A", "AN",
	"ALL", "JUROR", "JURORS", "PROSPECTIVE", "UNIDENTIFIED", "DEFENDANT",
	"PLAINTIFF", "JUDGE", "JUSTICE", "CHIEF", "DETECTIVE", "OFFICER",
	"AGENT", "SPECIAL", "SGT.", "LT.", "CAPT.", "PROF.", "DEPUTY",
	"BAILIFF", "INTERPRETER", "CLERK", "COURT", "VOICE", "MULTIPLE",
	"BOTH", "SEVERAL", "SENATOR", "REPRESENTATIVE", "HON.", NULL
};

/* Words that start no label: a caption's and an index's. */
static const char *const not_labels[] = {
	"BY", "BEFORE", "PRESENT", "ALSO", "APPEARANCES", "APPEARING", "FOR",
	"RE", "NOTE", "DATE", "TIME", "PLACE", "CASE", "REPORTED",
	"TRANSCRIBED", "ATTORNEY", "ATTORNEYS", "COUNSEL", "EXHIBIT",
	"EXHIBITS", "INDEX", "WITNESS", "WITNESSES", "EXAMINATION", "PAGE",
	"LINE", "SUBJECT", "LOCATION", "TAKEN", "HELD", "CERTIFIED", NULL
};

/* True when the word at s (ended by a space or e) is one of list. */
static int
word_in(const uint8_t *p, size_t s, size_t e, const char *const *list)
{
	size_t w, i;

	for (w = s; w < e && p[w] != ' '; w++)
		;
	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == w - s &&
		    strncasecmp((const char *)p + s, list[i], w - s) == 0)
			return 1;
	return 0;
}

/* Looks for a speaker's label at the start of [s, e); fills lb. */
int
court_label(const uint8_t *p, size_t s, size_t e, struct court_label *lb)
{
	size_t colon, i, w;
	int words = 0, number = 0, titled;
	size_t up, low;

	for (colon = s; colon < e && colon - s <= MAX_LABEL && p[colon] !=
	    ':'; colon++)
		;
	if (colon >= e || colon - s > MAX_LABEL || colon == s ||
	    (colon + 1 < e && !rec_space(p[colon + 1])))
		return 0;
	for (i = s; i < colon; i = w) {
		while (i < colon && p[i] == ' ')
			i++;
		if (i == colon)
			break;
		for (w = i; w < colon && p[w] != ' '; w++) {
			if (p[w] >= '0' && p[w] <= '9' && !number)
				return 0;
			if (p[w] < 0x80 && strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "abcdefghijklmnopqrstuvwxyz0123456789.'-&#",
			    p[w]) == NULL)
				return 0;
		}
		if (rec_word(p, i, w, "no.", NULL) || rec_word(p, i, w, "juror",
		    NULL) || rec_word(p, i, w, "number", NULL) || p[i] == '#')
			number = 1;
		if (p[i] >= 'a' && p[i] <= 'z')
			return 0;
		words++;
	}
	if (words == 0 || words > 6)
		return 0;
	titled = word_in(p, s, colon, titles);
	rec_letters(p, s, colon, &up, &low);
	if (low > 0 && !titled)
		return 0;
	if (word_in(p, s, colon, not_labels) || (words == 1 && p[s] <= 'Z' &&
	    colon - s == 1))
		return 0;
	lb->ns = s;
	lb->ne = colon;
	while (lb->ne > s && p[lb->ne - 1] == ' ')
		lb->ne--;
	for (lb->ts = colon + 1; lb->ts < e && rec_space(p[lb->ts]); lb->ts++)
		;
	lb->titled = titled;
	return 1;
}

/* The Q or A marker at s: "Q." or "Q:" and a space, "Q" and a tab or two
 * spaces. Returns 'Q' or 'A' with *ts the text after it, or 0. */
int
court_qa(const uint8_t *p, size_t s, size_t e, size_t *ts)
{
	size_t i = s + 1;

	if (s >= e || (p[s] != 'Q' && p[s] != 'A'))
		return 0;
	if (i < e && (p[i] == '.' || p[i] == ':') && (i + 1 == e ||
	    rec_space(p[i + 1])))
		i++;
	else if (!(i < e && (p[i] == '\t' || (i + 1 < e && p[i] == ' ' &&
	    p[i + 1] == ' '))))
		return 0;
	while (i < e && rec_space(p[i]))
		i++;
	*ts = i;
	return p[s];
}

/* True when [s, e) is capitals after a trailing "(continued)" is set
 * aside; sets *ce to where the capitals end. */
static int
caps_heading(const uint8_t *p, size_t s, size_t e, size_t *ce)
{
	size_t i = e;

	if (e - s > 90)
		return 0;
	if (p[e - 1] == ')')
		for (i = e - 1; i > s && p[i] != '('; i--)
			;
	if (i == s)
		i = e;
	while (i > s && p[i - 1] == ' ')
		i--;
	*ce = i;
	return i > s && rec_caps(p, s, i) && p[s] != '(' && p[s] != '[';
}

/* What the line [s, e) is (its label in lb, when not NULL). */
enum court_kind
court_classify(const struct rec_shapes *labels, const uint8_t *p, size_t s,
    size_t e, struct court_label *lb)
{
	struct court_label tmp;
	size_t ts, ce;

	if (lb == NULL)
		lb = &tmp;
	if (court_qa(p, s, e, &ts) == 'Q')
		return COURT_Q;
	if (court_qa(p, s, e, &ts) == 'A')
		return COURT_A;
	if (e - s > 4 && rec_word(p, s, e, "by", NULL) && p[e - 1] == ':' &&
	    e - s < MAX_LABEL + 4 && word_in(p, s + 3, e, titles))
		return COURT_BY;
	if (p[s] == '(' && s + 1 < e && p[s + 1] >= 'A' && p[s + 1] <= 'Z' &&
	    (p[e - 1] == ')' || (p[e - 1] != '.' && e - s > 30)))
		return COURT_NOTE;
	if (caps_heading(p, s, e, &ce)) {
		if (rec_has(p, s, ce, "INDEX") || rec_has(p, s, ce, "EXHIBITS"))
			return COURT_INDEX;
		if (rec_has(p, s, ce, "EXAMINATION") ||
		    rec_has(p, s, ce, "VOIR DIRE"))
			return COURT_EXAM;
		if (rec_has(p, s, ce, "SESSION"))
			return COURT_SESSION;
		if (rec_has(p, s, ce, "PROCEEDINGS") || rec_has(p, s, ce,
		    "APPEARANCES") || rec_has(p, s, ce, "CERTIFICATE") ||
		    rec_has(p, s, ce, "CERTIFICATION") || rec_has(p, s, ce,
		    "STATEMENT") || rec_has(p, s, ce, "ARGUMENT") ||
		    rec_has(p, s, ce, "SUMMATION") ||
		    rec_has(p, s, ce, "CHARGE") ||
		    rec_has(p, s, ce, "VERDICT") ||
		    rec_has(p, s, ce, "SENTENC") ||
		    rec_has(p, s, ce, "STIPULATION") || rec_has(p, s, ce,
		    "P R O C E E D"))
			return COURT_HEAD;
	}
	if (court_label(p, s, e, lb) && (lb->titled || (labels != NULL &&
	    rec_shapes_count(labels, rec_shape(p, lb->ns, lb->ne)) >= 2)))
		return COURT_LABEL;
	return COURT_TEXT;
}


/* True when the line [s, e) names a party's role ("Plaintiff,",
 * "Defendant. Trial") rather than a party. */
int
court_role(const uint8_t *p, size_t s, size_t e)
{
	static const char *const roles[] = {
		"plaintiff", "defendant", "petitioner", "respondent",
		"appellant", "appellee", "movant", "claimant", NULL
	};
	size_t i;

	for (i = 0; roles[i] != NULL; i++)
		if (e - s >= strlen(roles[i]) && strncasecmp((const char *)p +
		    s, roles[i], strlen(roles[i])) == 0)
			return 1;
	return 0;
}

/* The end of a party's name in a caption line: before a ")" column or
 * a run of spaces, without the comma. */
size_t
court_party_end(const uint8_t *p, size_t s, size_t e)
{
	size_t i;

	for (i = s; i < e; i++)
		if (p[i] == ')' || (i + 2 < e && p[i] == ' ' &&
		    p[i + 1] == ' '))
			break;
	while (i > s && (p[i - 1] == ',' || p[i - 1] == '.' ||
	    p[i - 1] == ' ' || p[i - 1] == ';'))
		i--;
	return i;
}

/* True when [s, e) is the "v." between the parties of a caption. */
int
court_versus(const uint8_t *p, size_t s, size_t e)
{
	static const char *const vs[] = {
		"v.", "v", "vs.", "vs", "-v-", "-vs-", "- v -", "-against-",
		"- against -", "against", "versus", NULL
	};
	size_t i, n = court_party_end(p, s, e) - s;

	for (i = 0; vs[i] != NULL; i++)
		if (strlen(vs[i]) == n && strncasecmp((const char *)p + s,
		    vs[i], n) == 0)
			return 1;
	/* "v. 23 Cr. 118 (AT)": the docket number after it. */
	return e - s > 3 && (p[s] == 'v' || p[s] == 'V') && p[s + 1] == '.' &&
	    p[s + 2] == ' ' && p[s + 3] >= '0' && p[s + 3] <= '9';
}

/* True when the line [s, e) ends a sentence. */
int
court_stops(const uint8_t *p, size_t s, size_t e)
{
	if (e == s)
		return 0;
	if (strchr(".?!:\"')]", p[e - 1]) != NULL && p[e - 1] != '\0')
		return 1;
	/* ” and ’ */
	return e - s >= 3 && p[e - 3] == 0xE2 && p[e - 2] == 0x80 &&
	    (p[e - 1] == 0x9D || p[e - 1] == 0x99);
}

