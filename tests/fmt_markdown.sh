#!/bin/sh
# fmt_markdown.sh: the Markdown reader (md4c) on fixtures of the shapes
# transcripts come in as Markdown (tests/data/markdown/), and a .md that
# holds a plain transcript.
. tests/lib.sh
. tests/screenlib.sh
D=tests/data/markdown

# same NAME COMMAND... <<'OUT': the command prints exactly the text given.
same() {
	name=$1; shift
	cat > "$TMP/want"
	golden "$name" "$TMP/want" "$@"
}

# Front matter, links, images, emphasis, escapes, entities, rules, lists,
# headings with anchors and bold, every label shape, a quoted turn, code,
# a table, an HTML block and a setext heading.
same md/episode-blocks $LECTERN --blocks $D/episode.md <<'OUT'
# format: markdown
0	title		12 - Locks, "Keys" and Trust
1	paragraph		YouTube link ·
2	paragraph		In this episode I talk to Mara Lindqvist about locks, keys a
3	paragraph		Topics we discuss:
4	bullet 1		Picking locks
5	bullet 2		Why it is legal
6	bullet 1		Trust
7	heading 1		Picking locks
8	turn	Daniel Filan	Hello, everybody. Welcome to the show — again.
9	turn	Mara Lindqvist	Thank you for having me, Daniel.	@00:00:30
10	turn	Daniel Filan	How did you start?	@00:01:02
11	turn	Mara Lindqvist	With a padlock [laughs] and a lot of time.	@00:01:10
12	heading 2		1. Why it is legal
13	turn	Daniel Filan	Is it legal?
14	turn	Mara Lindqvist	Mostly. Here is a quote from the law:
15	quote		"No lock shall be sold that cannot be opened."
16	bullet 1	Mara Lindqvist	First point
17	bullet 1	Mara Lindqvist	Second point
18	paragraph	Mara Lindqvist	code stays code
19	paragraph	Mara Lindqvist	Year | Event
20	paragraph	Mara Lindqvist	1999 | First lock
21	paragraph	Mara Lindqvist	Advertisement
22	heading 1		Trust
23	turn	Daniel Filan	And trust?	@00:12:34
24	turn	Mara Lindqvist	It is earned.	@00:12:40
OUT
same md/episode-dump $LECTERN --dump=72 $D/episode.md <<'OUT'
12 - Locks, "Keys" and Trust

YouTube link ·

In this episode I talk to Mara Lindqvist about locks, keys and trust.
Read more at https://example.org.

Topics we discuss:

• Picking locks
  • Why it is legal
• Trust

Picking locks
=============

Daniel Filan: Hello, everybody. Welcome to the show — again.

[00:30] Mara Lindqvist: Thank you for having me, Daniel.

[01:02] Daniel Filan: How did you start?

[01:10] Mara Lindqvist: With a padlock [laughs] and a lot of time.

1. Why it is legal
------------------

Daniel Filan: Is it legal?

Mara Lindqvist: Mostly. Here is a quote from the law:

    "No lock shall be sold that cannot be opened."

1. First point
2. Second point

code stays code

Year | Event

1999 | First lock

Advertisement

Trust
=====

[12:34] Daniel Filan: And trust?

[12:40] Mara Lindqvist: It is earned.
OUT
same md/episode-outline $LECTERN --outline $D/episode.md <<'OUT'
Picking locks
  1. Why it is legal
Trust
OUT
same md/episode-speakers $LECTERN --speakers $D/episode.md <<'OUT'
Daniel Filan	4	16
Mara Lindqvist	4	39
OUT
# No markup, URL or front matter reaches the text.
$LECTERN --dump=200 $D/episode.md > "$TMP/dump"
check md/no-markup sh -c "! grep -Fq -e '**' -e '\\[' -e '](' -e '<a ' -e 'layout:' \
    -e 'https://www' -e 'cover.png' -e '&mdash;' -e 'date: 2024' '$TMP/dump'"
expect md/search-link-text "$($LECTERN --count 'YouTube link' $D/episode.md)" 1
expect md/search-no-url "$($LECTERN --count 'youtube.com' $D/episode.md)" 0

# Whisper segments with a Markdown header: fields are credits, segments
# are joined into turns; the first segment, unnamed, is the next turn's.
same md/segments-dump $LECTERN --dump=72 $D/segments.md <<'OUT'
Episode 12 with Ada Byrne

Podcast: Deep Questions
Date: 2025-11-30
Video URL: https://www.example.org/watch?v=abc123

[00:00] Kit Moreau: The following is a conversation with Ada Byrne, our
guest for the second time. She studies how cells talk to each other. Can
you start with that question?

[00:10] Ada Byrne: Well, the short answer is that they do, all the time,
through voltage. That surprised everyone.

[00:18] Kit Moreau: Why?

[00:19] SPEAKER_02: Because nobody had looked.
OUT

# Rev in Markdown: the "# Title" that repeats the front matter's is the
# title once; "(00:01:10):" goes on in the turn.
same md/rev-blocks $LECTERN --blocks $D/rev.md <<'OUT'
# format: markdown
0	title		Open source, twenty years on | Sam Park
1	heading 1		Transcript
2	turn	Lena Ortiz	If you build it in the open, people will come and help you c	@00:00:00
3	turn	Speaker 1	Please welcome our guest.	@00:00:05
4	turn	Lena Ortiz	Today my guest is Sam Park.	@00:00:09
5	paragraph	Lena Ortiz	This episode is brought to you by a sponsor we like.	@00:01:10
6	turn	Sam Park	Thanks, Lena.	@00:01:31
OUT

# A .md that holds a plain Otter transcript is read as plain text.
same md/otter-plain $LECTERN --blocks $D/otter.md <<'OUT'
# format: plain
0	turn	Mara Lindqvist	Welcome back to the show. Today we talk about locks.	@00:00:00
1	turn	Tomasz Brel	Thanks for having me.	@00:00:12
2	turn	Unknown Speaker	Hi from the back of the room.	@00:00:14
OUT

# Hostile bytes in a label, a heading and the front matter are shown as
# placeholders, like everywhere else.
printf -- '---\ntitle: "Bad \033]0;x\007 title"\n---\n\n## Head \033[2J ing\n\n**Ann\033[31m Lee:** hi \033]52;c;eA==\007 there\n' > "$TMP/hostile.md"
$LECTERN --dump=80 "$TMP/hostile.md" > "$TMP/dump" 2> /dev/null
check md/hostile-no-escape sh -c "! grep -q \"\$(printf '\033')\" '$TMP/dump'"
check md/hostile-shown grep -q 'Bad ^\[\]0;x^G title' "$TMP/dump"

# md4c is loaded only for Markdown: the start of every other file pays
# nothing for it, and a Markdown file read without it is shown as it is
# written, after a paragraph that says why.
loads() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -c 'file=libmd4c'; }
check md/no-md4c-for-text test "$(loads $LECTERN --count the tests/data/chapters.txt)" -eq 0
check md/md4c-for-markdown test "$(loads $LECTERN --count the $D/episode.md)" -gt 0
mkdir -p "$TMP/fakemd"
libc=$(ldd $LECTERN | awk '/libc\.so/ { print $3 }')
ln -s "$libc" "$TMP/fakemd/libmd4c.so.0"
LD_LIBRARY_PATH="$TMP/fakemd" $LECTERN --blocks $D/episode.md > "$TMP/out" 2>&1
check md/no-md4c-status test $? -eq 0
expect md/no-md4c-said "$(head -1 "$TMP/out")" "# format: markdown; md4c not loaded: libmd4c.so.0 has no md_parse"
same md/no-md4c-dump env LD_LIBRARY_PATH="$TMP/fakemd" $LECTERN --dump=72 $D/episode.md <<'OUT'
12 - Locks, "Keys" and Trust

This Markdown file is shown as it is written, because lectern reads
Markdown with md4c, which could not be loaded (libmd4c.so.0 has no
md_parse).

[YouTube link](https://www.youtube.com/watch?v=abc) · ![cover]
(cover.png)

In this episode I talk to *Mara Lindqvist* about **locks**, `keys` and
trust. Read more at <https://example.org>.

* * *

Topics we discuss: - [Picking locks](#picking) - [Why it is legal]
(#legal) - [Trust](#trust)

## Picking locks <a name="picking"></a>

Daniel Filan: Hello, everybody. Welcome to the show &mdash; again.

[00:30] Mara Lindqvist: Thank you for having me, Daniel.

[01:02] Daniel Filan: How did you start?

[01:10] Mara Lindqvist: With a padlock \[laughs\] and a *lot* of time.

### **1\. Why it is legal**

Daniel Filan: Is it legal?

> **Mara Lindqvist:** Mostly. Here is a quote from the law: > > "No lock
shall be sold that cannot be opened."

1. First point 2. Second point

``` code stays code ```

| Year | Event | |------|-------| | 1999 | First lock |

<div class="ad">Advertisement</div>

Trust -----

[12:34] Daniel Filan: And trust?

[12:40] Mara Lindqvist: It is earned.
OUT
