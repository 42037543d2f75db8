#!/bin/sh
# fmt_text.sh: the plain-text reader on the shapes transcripts come in:
# Otter, Rev, Whisper segments, timed lines, chapters with times, and the
# seed's own family (fixtures in tests/data/text/).
. tests/lib.sh
. tests/screenlib.sh
D=tests/data/text

# same NAME COMMAND... <<'OUT': the command prints exactly the text given.
same() {
	name=$1; shift
	cat > "$TMP/want"
	golden "$name" "$TMP/want" "$@"
}

# Otter: "Name  0:03" label lines, the text below; a one-word name with a
# time of its own is a speaker even when it speaks once.
same text/otter-blocks $LECTERN --blocks $D/otter.txt <<'OUT'
# format: plain
0	turn	Mara Lindqvist	Welcome back to the show. Today we talk about locks, keys an	@00:00:00
1	turn	Tomasz Brel	Thanks for having me.	@00:00:12
2	turn	Unknown Speaker	Hi from the back of the room.	@00:00:14
3	turn	Mara Lindqvist	So where did it start for you?	@00:00:20
4	turn	Tomasz Brel	With a padlock my grandfather gave me.	@01:02:03
5	turn	Ines	Sorry to cut in.	@01:02:30
6	paragraph	Ines	Transcribed by https://otter.ai
OUT
same text/otter-outline $LECTERN --outline $D/otter.txt < /dev/null
same text/otter-dump $LECTERN --dump=72 $D/otter.txt <<'OUT'
[00:00:00] Mara Lindqvist: Welcome back to the show. Today we talk about
locks, keys and the people who pick them.

[00:00:12] Tomasz Brel: Thanks for having me.

[00:00:14] Unknown Speaker: Hi from the back of the room.

[00:00:20] Mara Lindqvist: So where did it start for you?

[01:02:03] Tomasz Brel: With a padlock my grandfather gave me.

[01:02:30] Ines: Sorry to cut in.

Transcribed by https://otter.ai
OUT

# Rev: "Name (00:01:02):" label lines; "(00:01:10):" goes on.
same text/rev-blocks $LECTERN --blocks $D/rev.txt <<'OUT'
# format: plain
0	turn	Lena Ortiz	If you build it in the open, people will come and help you c	@00:00:00
1	turn	Speaker 1	Please welcome our guest.	@00:00:05
2	turn	Lena Ortiz	Today my guest is Sam Park, who has run an open source proje	@00:00:09
3	paragraph	Lena Ortiz	This episode is brought to you by a sponsor we like.	@00:01:10
4	turn	Sam Park	Thanks, Lena. It is good to be here.	@00:01:31
OUT
same text/rev-speakers $LECTERN --speakers $D/rev.txt <<'OUT'
Lena Ortiz	2	42
Speaker 1	1	4
Sam Park	1	8
OUT

# Whisper: one segment a line, joined into turns; a segment without a
# name at a change of speaker is the next speaker's; fields are credits.
same text/whisper-blocks $LECTERN --blocks $D/whisper.txt <<'OUT'
# format: plain; timed segments
0	title		Episode 12 with Ada Byrne
1	credit		Deep Questions
2	credit		2025-11-30
3	turn	Kit Moreau	The following is a conversation with Ada Byrne, our guest fo	@00:00:00
4	turn	Ada Byrne	Well, the short answer is that they do, all the time, throug	@00:00:10
5	turn	Kit Moreau	Why?	@00:00:18
6	turn	SPEAKER_02	Because nobody had looked.	@00:00:19
OUT
same text/whisper-dump $LECTERN --dump=72 $D/whisper.txt <<'OUT'
Episode 12 with Ada Byrne

Podcast: Deep Questions
Date: 2025-11-30

[00:00] Kit Moreau: The following is a conversation with Ada Byrne, our
guest for the second time. She studies how cells talk to each other. Can
you start with that question?

[00:10] Ada Byrne: Well, the short answer is that they do, all the time,
through voltage. That surprised everyone.

[00:18] Kit Moreau: Why?

[00:19] SPEAKER_02: Because nobody had looked.
OUT
expect text/whisper-search "$($LECTERN --count 'other. Can you' $D/whisper.txt)" 1

# "[hh:mm:ss] sentence" lines without speakers: timed paragraphs, no
# space added between sentences of a script written without spaces.
same text/timed-dump $LECTERN --dump=72 $D/timed.txt <<'OUT'
晚点聊：一期节目

[00:06] 我们今天聊一个新模型。它的注意力是线性的。 And this line is in
English, for once. 最后一句。
OUT

# Chapters carry their times, which are not part of their titles.
same text/chapters-blocks $LECTERN --blocks $D/chapters.txt <<'OUT'
# format: plain
0	title		Two Kinds of Time
1	heading 1		Opening	@00:00:00
2	turn	Ana Ruiz	Hello and welcome.	@00:00:00
3	turn	Ben Cole	Glad to be here.	@00:00:41
4	heading 1		Where it went wrong	@00:12:05
5	turn	Ana Ruiz	So what happened?	@00:12:05
6	turn	Ben Cole	We ran out of money, then out of time.	@00:12:30
7	heading 1		Rob's intro	@00:20:00
8	turn	Ana Ruiz	Back after the break.
9	paragraph	Ana Ruiz	A paragraph that starts when the time alone above it says.	@00:21:15
OUT
same text/chapters-outline $LECTERN --outline $D/chapters.txt <<'OUT'
Opening	00:00:00
Where it went wrong	00:12:05
Rob's intro	00:20:00
OUT

# The seed's family: a first line that is a section, calls to action,
# two questions, a long heading, questions that belong to a turn, a line
# cut off, a reading list.
same text/family-outline $LECTERN --outline $D/family.txt <<'OUT'
Highlights
  How worried should we be? And what should we be worried about?
  Why the superalignment team thinks that alignment research itself could be automated within four years
Articles, books, and other media discussed in the show
Transcript
OUT
same text/family-blocks $LECTERN --blocks $D/family.txt <<'OUT'
# format: plain
0	heading 1		Highlights
1	paragraph		Listen on Spotify
2	paragraph		Watch on Youtube
3	paragraph		Read the transcript
4	heading 2		How worried should we be? And what should we be worried abou
5	turn	Rob Wiblin	Let me start with the obvious question. How bad could this g
6	turn	Jan Leike	Pretty bad, if nobody works on it. But people are working on
7	turn	Rob Wiblin	So the problem is real, but the work has started.
8	paragraph	Rob Wiblin	And you expect it to go faster from here.
9	paragraph	Rob Wiblin	Is that kind of how you think about it?
10	turn	Jan Leike	Yes, roughly. The evidence is thin, and everyone fills the g
11	turn	Rob Wiblin	Why do you think people disagree so much?
12	turn	Jan Leike	Because they start from different places.
13	turn	Rob Wiblin	That makes sense to me.
14	paragraph	Rob Wiblin	Other big misconceptions?
15	turn	Jan Leike	Not that I can think of.
16	heading 2		Why the superalignment team thinks that alignment research i
17	turn	Rob Wiblin	Tell me about the plan.
18	turn	Jan Leike	We want to build a roughly human-level automated alignment r
19	paragraph	Jan Leike	So you mean the reason it works better once everyone has …
20	turn	Rob Wiblin	Yes, that one.
21	heading 1		Articles, books, and other media discussed in the show
22	bullet 1		Jan’s Twitter
23	bullet 1		The Superalignment announcement
24	bullet 1		Weak-to-strong generalization
25	heading 1		Transcript
26	turn	Rob Wiblin	Today I am speaking with Jan Leike.
27	turn	Jan Leike	Thanks for having me.
OUT

# One-line paragraphs between blank lines: a bare sub-heading inside a
# turn is a heading, verse keeps its lines inside the turn.
same text/spaced-outline $LECTERN --outline $D/spaced.txt <<'OUT'
The problem of AI safety
Prosaic AI
If you had not gone into research…
OUT
same text/spaced-verse sh -c "$LECTERN --blocks $D/spaced.txt | sed -n '20,24p'" <<'OUT'
18	turn	Paul Christiano	Not quite. As the poem goes,
19	paragraph	Paul Christiano	Whose woods these are I think I know
20	paragraph	Paul Christiano	His house is in the village though
21	turn	Robert Wiblin	Lovely.
22	heading 1		If you had not gone into research…
OUT

# Hard-wrapped prose is joined; verse, whose next word would have fitted
# on the line, keeps its lines.
same text/verse-blocks $LECTERN --blocks $D/verse.txt <<'OUT'
# format: plain
0	title		A Reading
1	turn	Mira Chen	We started with a small team and a very large question about
2	turn	Mira Chen	My favourite lines on this are Frost's, which go like this:
3	paragraph	Mira Chen	The woods are lovely, dark and deep,
4	paragraph	Mira Chen	But I have promises to keep,
5	paragraph	Mira Chen	And miles to go before I sleep,
6	paragraph	Mira Chen	And miles to go before I sleep.
7	turn	Omar Haddad	Why do you think that happened, in the end, in your own view
OUT

# The bundled interview reads as it did.
same text/seed-outline $LECTERN --outline assets/interview.txt <<'OUT'
Episode summary
Highlights
  Why Jan is optimistic
  The Superalignment team isn't trying to train a really good ML researcher
  Did the release of ChatGPT increase or reduce AI extinction risk?
  There's something interesting going on with RLHF
  Backup plans
  Should we be worried about connecting models to everything?
  Jobs with the Superalignment team
OUT
