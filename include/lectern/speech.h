/* speech.h: speaker labels and their times in one line of a transcript,
 * for every reader of text (plain, Markdown, HTML, court records). A pure
 * function of bytes: whether a label counts (a one-word name seen once, a
 * credit or a speaker) is the reader's policy. */
#ifndef LECTERN_SPEECH_H
#define LECTERN_SPEECH_H

#include <stddef.h>
#include <stdint.h>

/* What a line is. */
enum speech_kind {
	SPEECH_NONE,	/* no label: text, perhaps timed ("[00:01:02] text") */
	SPEECH_TURN,	/* a label and its text on the line: "Name: text" */
	SPEECH_LABEL,	/* a label alone: its text is the next paragraph */
	SPEECH_MORE,	/* the same speaker goes on at a time: "(00:01:02):" */
	SPEECH_CREDIT	/* a role and the names credited: "Music: Ann Lee" */
};

/* Flags: SPEECH_BOLD (the reader took off the ** or <b> around the
 * label) and SPEECH_RUNON may be given; all are set in the result where
 * they hold. */
#define SPEECH_BOLD	0x01	/* the label was strong */
#define SPEECH_LEAD	0x02	/* the time came first: one segment a line */
#define SPEECH_NAMES	0x04	/* the text is only names (a credit?) */
#define SPEECH_VALUE	0x08	/* the text is one value: a date, an id, a link */
#define SPEECH_ID	0x10	/* the name is an id: SPEAKER_00, Speaker 2 */
#define SPEECH_ROLE	0x20	/* the name could be a credit's role */
#define SPEECH_RUNON	0x40	/* given: the text may follow the colon
				 * without a space, as on a web page,
				 * whose markup loses it ("HOST:Today") */

/* A line as read. Ranges are offsets into the bytes given. */
struct speech {
	enum speech_kind kind;
	unsigned	 flags;
	size_t		 ns, ne;	/* the name or role; empty when none */
	size_t		 ts, te;	/* the text on the line; ts == te: none */
	uint32_t	 time;		/* in ms, or DOC_NO_TIME */
	int		 words;		/* words of the name */
};

/*
 * Reads the line [s, e) of src (without its newline, trimmed) into *sp
 * and returns its kind. The shapes:
 *
 *   Name: text              Name (00:01:02): text      **Name:** text
 *   Name:                   Name (00:01:02):           **Name**: text
 *   Name  0:03              Name (hh:mm:ss)            **Name** [12:34]
 *   Name hh:mm:ss           Name: 00:12:34             **Name** (12:34):
 *   (00:01:02):             [00:01:02] Name: text      **Name (hh:mm:ss)**
 *   [00:01:02] text         [00:01:02] SPEAKER_00: text
 *   Role: Name, Name and Name
 *   NAME, ROLE: text        Name (North Bay): text     NAME (INTRO): text
 *
 * A name is one to five capitalised words (see lex_namelike) or an id
 * such as SPEAKER_00 or Speaker 2. A time is never part of the text: a
 * trailing one ("Intro [00:01:02]") is taken off the text of a line with
 * no label too.
 */
enum speech_kind speech_read(const uint8_t *src, size_t s, size_t e,
		    unsigned flags, struct speech *sp);

/* True when [s, e) is a speaker id: SPEAKER_00, Speaker 2, spk1. */
int		 speech_is_id(const uint8_t *src, size_t s, size_t e);

#endif
