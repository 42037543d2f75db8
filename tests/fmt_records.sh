#!/bin/sh
# fmt_records.sh: court transcripts, hearings, plays and screenplays read
# from small fixtures of each shape (tests/data/), with their exact
# --blocks, --dump, --speakers and --outline.
. tests/lib.sh

D=tests/data

# same NAME COMMAND...: the command's output is exactly standard input.
same() {
	name=$1; shift
	cat > "$TMP/want"
	"$@" > "$TMP/got" 2> "$TMP/err"
	if cmp -s "$TMP/want" "$TMP/got"; then
		pass "$name"
	else
		fail "$name" "output differs"
		diff -u "$TMP/want" "$TMP/got" | head -20 | sed 's/^/    /'
	fi
}

# format NAME FILE WANT: the format --blocks names for FILE.
format() {
	got=$($LECTERN --blocks "$2" 2>/dev/null | head -1 | sed 's/^# format: //; s/;.*//')
	if [ "$got" = "$3" ]; then pass "$1"; else fail "$1" "read as $got, not $3"; fi
}

## A state court transcript: numbered lines, page numbers and footers,
## a caption with a column of ")", Q and A after "BY MS. LEE:".

same court/state-blocks $LECTERN --blocks $D/court-state.txt <<'EOF'
# format: court; numbered lines
0	title		THE PEOPLE OF THE STATE OF CALIFORNIA v. JOHN ROE
1	paragraph		SUPERIOR COURT OF THE STATE OF CALIFORNIA FOR THE COUNTY OF 
2	paragraph		THE PEOPLE OF THE STATE OF CALIFORNIA, Plaintiff, No. 12345 
3	heading 1		REPORTER'S TRANSCRIPT OF PROCEEDINGS
4	paragraph		Tuesday, March 3, 2020
5	heading 1		APPEARANCES:
6	paragraph		For the People:       ANNA LEE, Deputy District Attorney For
7	paragraph		Reported by:          JANE DOE, CSR No. 9999
8	heading 1		PROCEEDINGS
9	turn	THE COURT	Good morning.  We are on the record in People versus Roe.  C
10	turn	MS. LEE	Anna Lee for the People.
11	turn	MR. KIM	Paul Kim for Mr. Roe, who is present.
12	turn	THE COURT	Thank you.  Call your first witness.
13	turn	MS. LEE	The People call Maria Gomez.
14	turn	THE CLERK	Please raise your right hand.
15	paragraph		(Witness sworn.)
16	turn	THE CLERK	Please state and spell your name.
17	turn	THE WITNESS	Maria Gomez, G-O-M-E-Z.
18	heading 1		MARIA GOMEZ
19	paragraph		called as a witness on behalf of the People, having been fir
20	heading 2		DIRECT EXAMINATION
21	paragraph		BY MS. LEE:
22	turn	MS. LEE	Good morning, Ms. Gomez.  Where do you work?
23	turn	MARIA GOMEZ	At the bakery on Fifth Street.  I have worked there for six 
24	turn	MS. LEE	Were you working on the night of June 1st?
25	turn	MARIA GOMEZ	Yes.
26	turn	MS. LEE	What did you see?
27	turn	MARIA GOMEZ	I saw a man run out of the store with a bag.
28	turn	MR. KIM	Objection.  Foundation.
29	turn	THE COURT	Overruled.
30	paragraph		BY MS. LEE:
31	turn	MS. LEE	Did you see his face?
32	turn	MARIA GOMEZ	Not at first.  Later, when he turned around by the lamp post
33	paragraph	MARIA GOMEZ	I would know him again.
34	turn	JUROR NO. 3	Your Honor, may we have a break?
35	turn	THE COURT	We will take ten minutes.
36	paragraph		(Recess.)
37	heading 2		CROSS-EXAMINATION
38	paragraph		BY MR. KIM:
39	turn	MR. KIM	Ms. Gomez, it was dark that night?
40	turn	MARIA GOMEZ	It was, but the lamp was on.
EOF
same court/state-speakers $LECTERN --speakers $D/court-state.txt <<'EOF'
THE COURT	4	26
MS. LEE	6	36
MR. KIM	3	17
THE CLERK	2	11
THE WITNESS	1	7
MARIA GOMEZ	5	54
JUROR NO. 3	1	7
EOF
same court/state-outline $LECTERN --outline $D/court-state.txt <<'EOF'
REPORTER'S TRANSCRIPT OF PROCEEDINGS
APPEARANCES:
PROCEEDINGS
MARIA GOMEZ
  DIRECT EXAMINATION
  CROSS-EXAMINATION
EOF
# Line numbers, page numbers, the reporter's footer and the ")" column are
# not text; a speech's lines are one paragraph, an indented line starts one.
same court/state-dump $LECTERN --dump=72 $D/court-state.txt <<'EOF'
THE PEOPLE OF THE STATE OF CALIFORNIA v. JOHN ROE

SUPERIOR COURT OF THE STATE OF CALIFORNIA
FOR THE COUNTY OF ALAMEDA

THE PEOPLE OF THE STATE OF CALIFORNIA,
Plaintiff,
No. 12345
vs.
JOHN ROE,
Defendant.

REPORTER'S TRANSCRIPT OF PROCEEDINGS
====================================

Tuesday, March 3, 2020

APPEARANCES:
============

For the People:       ANNA LEE, Deputy District Attorney
For the Defendant:    PAUL KIM, Attorney at Law

Reported by:          JANE DOE, CSR No. 9999

PROCEEDINGS
===========

THE COURT: Good morning.  We are on the record in People versus Roe.
Counsel, your appearances.

MS. LEE: Anna Lee for the People.

MR. KIM: Paul Kim for Mr. Roe, who is present.

THE COURT: Thank you.  Call your first witness.

MS. LEE: The People call Maria Gomez.

THE CLERK: Please raise your right hand.

(Witness sworn.)

THE CLERK: Please state and spell your name.

THE WITNESS: Maria Gomez, G-O-M-E-Z.

MARIA GOMEZ
===========

called as a witness on behalf of the People, having been first duly
sworn, testified as follows:

DIRECT EXAMINATION
------------------

BY MS. LEE:

MS. LEE: Good morning, Ms. Gomez.  Where do you work?

MARIA GOMEZ: At the bakery on Fifth Street.  I have worked there for six
years.

MS. LEE: Were you working on the night of June 1st?

MARIA GOMEZ: Yes.

MS. LEE: What did you see?

MARIA GOMEZ: I saw a man run out of the store with a bag.

MR. KIM: Objection.  Foundation.

THE COURT: Overruled.

BY MS. LEE:

MS. LEE: Did you see his face?

MARIA GOMEZ: Not at first.  Later, when he turned around by the lamp
post, I saw it clearly.

I would know him again.

JUROR NO. 3: Your Honor, may we have a break?

THE COURT: We will take ten minutes.

(Recess.)

CROSS-EXAMINATION
-----------------

BY MR. KIM:

MR. KIM: Ms. Gomez, it was dark that night?

MARIA GOMEZ: It was, but the lamp was on.
EOF

## A federal transcript without line numbers: the reporter's page codes,
## filing stamps and footers recur at each page break and are not text; a
## sentence cut by a page break is one paragraph.

same court/federal-dump $LECTERN --dump=72 $D/court-federal.txt <<'EOF'
UNITED STATES OF AMERICA v. JANE SMITH

UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF NEW YORK

UNITED STATES OF AMERICA,
v. 22 Cr. 15 (XY)
JANE SMITH,
Defendant.

March 1, 2023

APPEARANCES
===========

JOHN BROWN
United States Attorney
BY: AMY CHEN
Assistant United States Attorney

(Trial resumed; jury present)

THE COURT: Good morning. The government may call its next witness.

MS. CHEN: The government calls John Doe.

THE DEPUTY CLERK: Please raise your right hand.

(Witness sworn)

JOHN DOE
========

called as a witness by the Government, having been duly sworn, testified
as follows:

DIRECT EXAMINATION
------------------

BY MS. CHEN:

MS. CHEN: Where were you on the night of the fire?

JOHN DOE: I was at home. My neighbor called me and told me to look out
of the window.

I saw smoke.

MS. CHEN: What did you do next?

JOHN DOE: I called the fire department and then I went outside to wait
for them.

MR. WEST: Objection.

THE COURT: Sustained. The jury will disregard the last answer.

(Pause)

Let us move on, counsel.

MS. CHEN: Did you see anyone leave the building?

JOHN DOE: No.

MS. CHEN: Nothing further.

CROSS-EXAMINATION
-----------------

BY MR. WEST:

MR. WEST: Mr. Doe, you did not see the fire start, did you?

JOHN DOE: No, I did not.
EOF
same court/federal-speakers $LECTERN --speakers $D/court-federal.txt <<'EOF'
THE COURT	2	23
MS. CHEN	5	28
THE DEPUTY CLERK	1	5
JOHN DOE	4	39
MR. WEST	2	12
EOF
same court/federal-outline $LECTERN --outline $D/court-federal.txt <<'EOF'
APPEARANCES
JOHN DOE
  DIRECT EXAMINATION
  CROSS-EXAMINATION
EOF

## Q and A with no "BY" line and no witness named; found by the content
## whatever the file is called.
printf 'DEPOSITION OF MARK LANE\n\nEXAMINATION\nQ. State your name.\nA. Mark Lane.\nQ. Where do you live?\nA. In Ohio.\nMR. PARK: Note my objection.\nQ. Go on.\nA. I live in Dayton.\n' > "$TMP/deposition.md"
same court/qa-unnamed $LECTERN --blocks "$TMP/deposition.md" <<'EOF'
# format: court
0	paragraph		DEPOSITION OF MARK LANE
1	heading 1		EXAMINATION
2	turn	Q	State your name.
3	turn	THE WITNESS	Mark Lane.
4	turn	Q	Where do you live?
5	turn	THE WITNESS	In Ohio.
6	turn	MR. PARK	Note my objection.
7	turn	Q	Go on.
8	turn	THE WITNESS	I live in Dayton.
EOF
# "EXAMINATION BY MR. PARK", without a colon, names the examiner too.
printf 'DEPOSITION OF ANN LEE\n\nEXAMINATION BY MR. PARK\nQ. Your name?\nA. Ann Lee.\nQ. Age?\nA. Forty.\nQ. Where?\nA. Here.\n' > "$TMP/deposition2.txt"
same court/examination-by $LECTERN --speakers "$TMP/deposition2.txt" <<'EOF'
MR. PARK	3	4
THE WITNESS	3	4
EOF
# A plain transcript with a title in capitals is not a court record.
printf 'MR. SMITH GOES ON\n\nAnna Lee: Hello there.\n\nBob Kim: Hi.\n' > "$TMP/plain.txt"
format court/plain-is-plain "$TMP/plain.txt" plain

## A House hearing as a text file from the Printing Office: its header
## and rules are not text, the front matter keeps its lines, the day's
## title block starts the record, turns are indented "Chairman Issa."
## paragraphs, notes and footnotes stay in a turn that goes on after
## them, and the text after "[... follows:]" is nobody's.

same hearing/house-blocks $LECTERN --blocks $D/hearing-house.txt <<'EOF'
# format: hearing; House Hearing, 113 Congress
0	title		THE FUTURE OF THE POSTAL SERVICE
1	paragraph		HEARING
2	paragraph		BEFORE THE
3	paragraph		COMMITTEE ON OVERSIGHT AND GOVERNMENT REFORM HOUSE OF REPRES
4	paragraph		ONE HUNDRED THIRTEENTH CONGRESS
5	paragraph		FIRST SESSION
6	paragraph		MAY 8, 2013
7	paragraph		Serial No. 113-29
8	heading 1		CONTENTS
9	paragraph		Page Hearing held on May 8, 2013............................
10	paragraph		WITNESSES
11	paragraph		Ms. Ann Post, Postmaster General Oral Statement.............
12	heading 1		WEDNESDAY, MAY 8, 2013
13	paragraph		House of Representatives, Committee on Oversight and Governm
14	paragraph		The committee met, pursuant to call, at 10:00 a.m., in Room 
15	paragraph		Present: Representatives Issa, Cummings, and Norton.
16	turn	Chairman Issa	The committee will come to order. Today we look at the futur
17	paragraph	Chairman Issa	I now recognize the ranking member.
18	turn	Mr. Cummings	Thank you, Mr. Chairman. The Postal Service is at a crossroa
19	paragraph		[The prepared statement of Mr. Cummings follows:]
20	paragraph		The Postal Service delivers to every address in the country,
21	turn	Chairman Issa	Thank you. We now swear in our witness.
22	paragraph		[Witness sworn.]
23	turn	Chairman Issa	Let the record reflect that the witness answered in the affi
24	heading 2		STATEMENT OF ANN POST
25	turn	Ms. Post	Thank you, Mr. Chairman. Mail volume fell by a quarter in fi
26	paragraph	Ms. Post	[1] See the annual report, page 12.
27	paragraph	Ms. Post	We have cut costs by a third, through well-planned changes.
28	turn	Ms. Norton	Will the gentlelady yield?
29	turn	Ms. Post	Of course.
30	paragraph		[Laughter.]
31	turn	Ms. Norton	Thank you.
32	turn	The Chairman	The committee stands adjourned.
33	paragraph		[Whereupon, at 11:30 a.m., the committee was adjourned.]
34	heading 1		APPENDIX
35	heading 2		PREPARED STATEMENT OF HON. ELIJAH E. CUMMINGS
36	paragraph		The Postal Service is a national treasure.
EOF
same hearing/house-dump $LECTERN --dump=72 $D/hearing-house.txt <<'EOF'
THE FUTURE OF THE POSTAL SERVICE

HEARING

BEFORE THE

COMMITTEE ON OVERSIGHT AND GOVERNMENT REFORM
HOUSE OF REPRESENTATIVES

ONE HUNDRED THIRTEENTH CONGRESS

FIRST SESSION

MAY 8, 2013

Serial No. 113-29

CONTENTS
========

Page
Hearing held on May 8, 2013......................................     1

WITNESSES

Ms. Ann Post, Postmaster General
Oral Statement...............................................     5

WEDNESDAY, MAY 8, 2013
======================

House of Representatives,
Committee on Oversight and Government Reform,
Washington, DC.

The committee met, pursuant to call, at 10:00 a.m., in Room 2154,
Rayburn House Office Building, Hon. Darrell Issa [chairman of the
committee] presiding.

Present: Representatives Issa, Cummings, and Norton.

Chairman Issa: The committee will come to order. Today we look at the
future of the mail.

I now recognize the ranking member.

Mr. Cummings: Thank you, Mr. Chairman. The Postal Service is at a
crossroads.

[The prepared statement of Mr. Cummings follows:]

The Postal Service delivers to every address in the country, six days a
week.

Chairman Issa: Thank you. We now swear in our witness.

[Witness sworn.]

Chairman Issa: Let the record reflect that the witness answered in the
affirmative.

STATEMENT OF ANN POST
---------------------

Ms. Post: Thank you, Mr. Chairman. Mail volume fell by a quarter in five
years.[1]

[1] See the annual report, page 12.

We have cut costs by a third, through well-planned changes.

Ms. Norton: Will the gentlelady yield?

Ms. Post: Of course.

[Laughter.]

Ms. Norton: Thank you.

The Chairman: The committee stands adjourned.

[Whereupon, at 11:30 a.m., the committee was adjourned.]

APPENDIX
========

PREPARED STATEMENT OF HON. ELIJAH E. CUMMINGS
---------------------------------------------

The Postal Service is a national treasure.
EOF
same hearing/house-speakers $LECTERN --speakers $D/hearing-house.txt <<'EOF'
Chairman Issa	3	40
Mr. Cummings	1	11
Ms. Post	2	34
Ms. Norton	2	6
The Chairman	1	4
EOF
same hearing/house-outline $LECTERN --outline $D/hearing-house.txt <<'EOF'
CONTENTS
WEDNESDAY, MAY 8, 2013
  STATEMENT OF ANN POST
APPENDIX
  PREPARED STATEMENT OF HON. ELIJAH E. CUMMINGS
EOF

## A Senate hearing in an HTML page: the text inside <pre> is the record,
## without its tags, with its entities decoded.
same hearing/html-dump $LECTERN --dump=72 $D/hearing-senate.htm <<'EOF'
ON THE BUDGET & THE DEBT

S. Hrg. 112-1

Senator Conrad: The deficit is <$1 trillion> this year — a first for any
budget.

Senator Sessions: I disagree.
EOF
same hearing/html-speakers $LECTERN --speakers $D/hearing-senate.htm <<'EOF'
Senator Conrad	1	12
Senator Sessions	1	2
EOF
format hearing/html-format $D/hearing-senate.htm hearing
# The same page named .txt, and the text file named .html: the content
# decides.
cp $D/hearing-senate.htm "$TMP/senate.txt"
format hearing/html-as-txt "$TMP/senate.txt" hearing
cp $D/hearing-house.txt "$TMP/house.html"
format hearing/txt-as-html "$TMP/house.html" hearing

## A play as the corpus has it: names alone in capitals, minor parts in
## Title Case found in "Enter" lines, directions without brackets (a
## single word after a name, "Exit CELIA"), two names for one speech,
## running heads and page numbers, verse kept and prose joined.

same play/caps-blocks $LECTERN --blocks $D/play-caps.txt <<'EOF'
# format: play
0	heading 1		Act I
1	heading 2		Scene 1
2	paragraph		A garden. Night.
3	paragraph		Enter ROSALIND and CELIA
4	turn	ROSALIND	Who walks there so late?
5	turn	CELIA	Aside
6	paragraph	CELIA	She knows me not. I am a stranger to her.
7	turn	Ghost	Beneath
8	paragraph	Ghost	Remember.
9	turn	ROSALIND	What voice was that, That speaks from under the ground?
10	paragraph	ROSALIND	Sings
11	paragraph	ROSALIND	Hey, ho, the wind and the rain.
12	paragraph		Exit CELIA
13	turn	CELIA	
14	turn	ROSALIND	We will go together.
15	turn	First Gardener	What, still awake?
16	paragraph		Exeunt
17	heading 2		Scene 2
18	paragraph		A room in the house.
19	paragraph		Enter a Gardener, and a Ghost
20	turn	First Gardener	The night is long, and the moon is down, and the master will
21	turn	Second Gardener	Go to.
22	turn	First Gardener	Come, then.
23	paragraph		Exeunt
EOF
same play/caps-speakers $LECTERN --speakers $D/play-caps.txt <<'EOF'
ROSALIND	3	27
CELIA	2	11
Ghost	1	2
First Gardener	3	30
Second Gardener	1	2
EOF
same play/caps-outline $LECTERN --outline $D/play-caps.txt <<'EOF'
Act I
  Scene 1
  Scene 2
EOF
same play/caps-dump $LECTERN --dump=72 $D/play-caps.txt <<'EOF'
Act I
=====

Scene 1
-------

A garden. Night.

Enter ROSALIND and CELIA

ROSALIND: Who walks there so late?

CELIA: Aside

She knows me not.
I am a stranger to her.

Ghost: Beneath

Remember.

ROSALIND: What voice was that,
That speaks from under the ground?

Sings

Hey, ho, the wind and the rain.

Exit CELIA

CELIA:

ROSALIND: We will go together.

First Gardener: What, still awake?

Exeunt

Scene 2
-------

A room in the house.

Enter a Gardener, and a Ghost

First Gardener: The night is long, and the moon is down, and the master
will not sleep until the bells have rung three times over the town.

Second Gardener: Go to.

First Gardener: Come, then.

Exeunt
EOF

## Shakespeare as Project Gutenberg prints it: "NAME." lines, bracketed
## directions with underscores, a table of contents that is not sections,
## the title and its byline.
same play/verse-dump $LECTERN --dump=72 $D/play-verse.txt <<'EOF'
THE TRAGEDY OF MACBETH
by William Shakespeare

Contents

ACT I
Scene I. An open Place.
Scene II. A Camp near Forres.

Dramatis Personæ

DUNCAN, King of Scotland.

MACBETH, General in the King's Army.

Three Witches.

ACT I
=====

SCENE I. An open Place.
-----------------------

Thunder and Lightning. Enter three Witches.

FIRST WITCH: When shall we three meet again?
In thunder, lightning, or in rain?

SECOND WITCH: When the hurlyburly’s done,
When the battle’s lost and won.

THIRD WITCH: That will be ere the set of sun.

FIRST WITCH: Where the place?

SECOND WITCH: Upon the heath.

ALL: Fair is foul, and foul is fair:
Hover through the fog and filthy air.

[Exeunt.]

SCENE II. A Camp near Forres.
-----------------------------

Alarum within. Enter King Duncan, Malcolm and Attendants, with a
bleeding Captain.

DUNCAN: What bloody man is that? He can report,
As seemeth by his plight, of the revolt
The newest state.

MALCOLM: This is the sergeant
Who like a good and hardy soldier fought
’Gainst my captivity. [Aside.] Hail, brave friend!

CAPTAIN: Doubtful it stood;
As two spent swimmers that do cling together
And choke their art.

[Exit Captain, attended.]

DUNCAN: So well thy words become thee as thy wounds;
They smack of honour both.

[Exeunt.]
EOF
same play/verse-speakers $LECTERN --speakers $D/play-verse.txt <<'EOF'
FIRST WITCH	2	15
SECOND WITCH	2	13
THIRD WITCH	1	8
ALL	1	14
DUNCAN	2	33
MALCOLM	1	19
CAPTAIN	1	15
EOF
same play/verse-outline $LECTERN --outline $D/play-verse.txt <<'EOF'
ACT I
  SCENE I. An open Place.
  SCENE II. A Camp near Forres.
EOF

## A prose comedy with "NAME. text" labels.
same play/prose-blocks $LECTERN --blocks $D/play-prose.txt <<'EOF'
# format: play
0	title		THE IMPORTANCE OF BEING PROMPT
1	byline		by A. Playwright
2	heading 1		FIRST ACT
3	paragraph		SCENE
4	paragraph		Morning-room in Algernon's flat in Half-Moon Street.
5	paragraph		[Lane is arranging afternoon tea on the table, and after the
6	turn	ALGERNON	Did you hear what I was playing, Lane?
7	turn	LANE	I didn't think it polite to listen, sir.
8	turn	ALGERNON	I'm sorry for that, for your sake. I don't play accurately--
9	turn	LANE	Yes, sir.
10	paragraph		[Enter JACK.]
11	turn	JACK	How are you, my dear Ernest? What brings you up to town?
12	turn	ALGERNON	Oh, pleasure, pleasure! What else should bring one anywhere?
13	turn	LANE	Mr. Ernest Worthing.
14	turn	JACK	[Stiffly.] I believe it is customary in good society to take
EOF

## A Fountain screenplay: the title page gives the title and byline,
## scene headings are sections under "# ACT ONE", character cues lose
## their extensions, parentheticals stay in the turn, transitions and
## centered text are nobody's, notes, boneyard and synopses are not shown.
same fountain/blocks $LECTERN --blocks $D/screenplay.fountain <<'EOF'
# format: fountain
0	title		THE LAST TRAIN
1	byline		Written by Ada Brook
2	heading 1		ACT ONE
3	paragraph		FADE IN:
4	heading 2		EXT. TRAIN STATION - NIGHT
5	paragraph		Rain hammers the platform. A clock reads 11:58.
6	turn	MARA	I always said I would leave on the last train.
7	paragraph		MARA, 30s, soaked, runs up the stairs.
8	turn	MARA	(breathless)
9	paragraph	MARA	Is it gone? Tell me it isn't gone.
10	turn	McCLANE	It's gone, lady.
11	turn	MARA	Then I walk.
12	turn	BOY	Row, row, row your boat
13	paragraph		CUT TO:
14	heading 2		INSIDE THE TRAIN
15	paragraph		The carriage is empty but for an old man.
16	turn	OLD MAN	(to himself)
17	paragraph	OLD MAN	She'll be back.
18	paragraph	OLD MAN	(beat)
19	paragraph	OLD MAN	They always come back.
20	paragraph		FADE OUT.
21	paragraph		THE END
EOF
same fountain/speakers $LECTERN --speakers $D/screenplay.fountain <<'EOF'
MARA	3	22
McCLANE	1	3
BOY	1	5
OLD MAN	1	10
EOF
same fountain/outline $LECTERN --outline $D/screenplay.fountain <<'EOF'
ACT ONE
  EXT. TRAIN STATION - NIGHT
  INSIDE THE TRAIN
EOF
same fountain/dump $LECTERN --dump=72 $D/screenplay.fountain <<'EOF'
THE LAST TRAIN
Written by Ada Brook

ACT ONE
=======

FADE IN:

EXT. TRAIN STATION - NIGHT
--------------------------

Rain hammers the platform. A clock reads 11:58.

MARA: I always said I would leave on the last train.

MARA, 30s, soaked, runs up the stairs.

MARA: (breathless)

Is it gone?
Tell me it isn't gone.

McCLANE: It's gone, lady.

MARA: Then I walk.

BOY: Row, row, row your boat

CUT TO:

INSIDE THE TRAIN
----------------

The carriage is empty but for an old man.

OLD MAN: (to himself)

She'll be back.

(beat)

They always come back.

FADE OUT.

THE END
EOF
# The same script named .txt: the title page and scene headings tell.
cp $D/screenplay.fountain "$TMP/script.txt"
format fountain/by-content "$TMP/script.txt" fountain

## A screenplay in plain text, laid out by indentation: the same shapes.
same fountain/plain-blocks $LECTERN --blocks $D/screenplay-plain.txt <<'EOF'
# format: fountain
0	paragraph		FADE IN:
1	heading 1		EXT. DESERT ROAD - DAY
2	paragraph		A lone pickup truck kicks up dust. JOE (40s, sunburnt) grips
3	turn	JOE	(to the radio)
4	paragraph	JOE	Come on, come on. Give me something.
5	turn	RADIO	...static...
6	heading 1		INT. PICKUP TRUCK - CONTINUOUS
7	paragraph		Joe slaps the dashboard.
8	turn	JOE	Figures.
9	paragraph		CUT TO:
EOF

## Hostile bytes in labels, names, entities and directions reach the
## terminal as placeholders only, in every output of every reader.
printf 'THE COURT: Good\033[2J morning.\nBY MR. SMITH\033]0;x\007:\nBY MR. SMITH:\nQ. What\033]52;c;aGk=\007 happened?\nA. Nothing\033P+q\033\\.\nQ. More?\nA. No.\nQ. Sure?\nA. Yes.\nTHE COURT\033[31m: Noted.\n' > "$TMP/hostile-court.txt"
printf '[Senate Hearing 1]\n\n            A HEARING\n\n    Senator X\033[2J. hi\n    Senator Levin. a &#27;]0;t&#7; b &#x9b;2J &#155;c\n    [Laughter\033[5m.]\n' > "$TMP/hostile-hearing.txt"
printf 'ACT I\n\nSCENE I. A\033[2J room.\n\nEnter HAMLET\033]0;x\007\n\nHAMLET\nTo be\033]52;c;eA==\007, or not.\n[Exit\033[8m]\n\nHORATIO\nWell.\n\nHAMLET\nAy.\n\nHORATIO\nNo.\n' > "$TMP/hostile-play.txt"
printf 'Title: T\033]0;x\007\n\nINT. ROOM\033[2J - DAY\n\nBOB\033[31m\n(q\033[5muietly)\nHello\033]0;x\007 there.\n' > "$TMP/hostile.fountain"
for f in court hearing play; do
	format hostile/$f-read "$TMP/hostile-$f.txt" $f
done
format hostile/fountain-read "$TMP/hostile.fountain" fountain
for f in "$TMP"/hostile-*.txt "$TMP/hostile.fountain"; do
	n=$(basename "$f")
	{ $LECTERN --dump=40 "$f"; $LECTERN --speakers "$f"
	  $LECTERN --outline "$f"; $LECTERN --blocks "$f"; } > "$TMP/out" 2>&1
	if LC_ALL=C grep -q "$(printf '[\033\007\233]')" "$TMP/out"; then
		fail "hostile/$n" "a control byte was written"
	else
		pass "hostile/$n"
	fi
done
# With no title block in capitals, the page's <title> is the title.
printf '<html>\n<title> - ON &amp; OFF</title>\n<body><pre>\n[Senate Hearing 1]\n\n    Senator Abel. Hi.\n    Senator Baker. Hello.\n</pre></body></html>\n' > "$TMP/titled.htm"
same hearing/page-title $LECTERN --blocks "$TMP/titled.htm" <<'EOF'
# format: hearing; Senate Hearing 1
0	title		ON & OFF
1	turn	Senator Abel	Hi.
2	turn	Senator Baker	Hello.
EOF
# A name and "sworn" inside a sentence is not a witness being called.
printf 'BY MR. ROE:\nQ. Who was there?\nA. The agent told us that\nMR. SMITH, who was sworn in that day, left.\nQ. And?\nA. Nothing.\nQ. Sure?\nA. Yes.\n' > "$TMP/sworn.txt"
expect_outline=$($LECTERN --outline "$TMP/sworn.txt")
if [ -z "$expect_outline" ] && $LECTERN --speakers "$TMP/sworn.txt" | grep -q '^THE WITNESS	3'; then
	pass court/sworn-in-a-sentence
else
	fail court/sworn-in-a-sentence "outline [$expect_outline]"
fi
