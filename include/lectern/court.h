/* court.h: what the lines of a court transcript are: speakers' labels,
 * Q and A, headings, notes, line numbers and page furniture (pure
 * functions of bytes; [s, e) are trimmed lines of p). */
#ifndef LECTERN_COURT_H
#define LECTERN_COURT_H

#include <stddef.h>
#include <stdint.h>

struct rec_shapes;

#define COURT_MAX_LABEL	48

/* What a line of the record is. */
enum court_kind {
	COURT_TEXT,	/* a line of a speech, or of the caption */
	COURT_LABEL,	/* "THE COURT: text" */
	COURT_Q,	/* "Q. text" */
	COURT_A,	/* "A. text" */
	COURT_BY,	/* "BY MR. SMITH:" */
	COURT_EXAM,	/* "DIRECT EXAMINATION" */
	COURT_HEAD,	/* "PROCEEDINGS", "CERTIFICATE" */
	COURT_SESSION,	/* "AFTERNOON SESSION" */
	COURT_INDEX,	/* "INDEX", "EXHIBITS" */
	COURT_NOTE,	/* "(Recess)" */
	COURT_WITNESS	/* "JANE ROE, called as a witness" (the reader's) */
};

/* A speaker's label: the name [ns, ne), the text from ts; titled when it
 * starts with a title such as "MR." or "THE". */
struct court_label {
	size_t		 ns, ne, ts;
	int		 titled;
};

/* What the line [s, e) is; a label in capitals without a title counts
 * when labels (may be NULL) has counted its name twice. Fills lb (may be
 * NULL) for a label. */
enum court_kind court_classify(const struct rec_shapes *labels,
		    const uint8_t *p, size_t s, size_t e,
		    struct court_label *lb);

/* Looks for a speaker's label at the start of [s, e); fills lb. */
int	 court_label(const uint8_t *p, size_t s, size_t e,
	    struct court_label *lb);

/* The Q or A marker at s: "Q." or "Q:" and a space, "Q" and a tab or two
 * spaces. Returns 'Q' or 'A' with *ts the text after it, or 0. */
int	 court_qa(const uint8_t *p, size_t s, size_t e, size_t *ts);

/* The line number at the start of [*s, e): 1 to 99 with white space or
 * the end after it; *s moves past it. Returns it, or 0. */
int	 court_line_number(const uint8_t *p, size_t *s, size_t e);

/* A reporter's page code: "O5TVGUO", "O5T1GUO2 Maistrello - Direct". */
int	 court_page_code(const uint8_t *p, size_t s, size_t e);

/* A rule of dashes, underscores or equals signs ("-----x" too). */
int	 court_rule(const uint8_t *p, size_t s, size_t e);

/* True when the line is page furniture in any transcript: a page number,
 * a rule, "(Continued on next page)", a filing stamp. */
int	 court_furniture(const uint8_t *p, size_t s, size_t e);

/* True for a short line that may be a running head or footer: in
 * capitals or holding digits, and not a note. */
int	 court_furniture_shaped(const uint8_t *p, size_t s, size_t e);

/* True when [s, e) names a party's role ("Plaintiff,"). */
int	 court_role(const uint8_t *p, size_t s, size_t e);

/* The end of a party's name in a caption line: before a ")" column or a
 * run of spaces, without its comma. */
size_t	 court_party_end(const uint8_t *p, size_t s, size_t e);

/* True when [s, e) is the "v." between the parties of a caption. */
int	 court_versus(const uint8_t *p, size_t s, size_t e);

/* True when the line [s, e) ends a sentence. */
int	 court_stops(const uint8_t *p, size_t s, size_t e);

#endif
