#!/bin/sh
# fmt_html.sh: the web page reader on pages written for these tests
# (tests/data/html): a newspaper's podcast transcript in windows-1252, a
# parliament's sitting inside an ASP.NET form, a blog post with a long
# sidebar, a German written interview in Latin-1, a page encoded twice,
# labels of every shape, a page that is only a <pre>; then pipes, names,
# hostile markup. Every expected output was checked by eye.
. tests/lib.sh
. tests/screenlib.sh

D=tests/data/html

# blocks NAME FILE WANT: --blocks of FILE is exactly WANT.
blocks() {
	expect "$1" "$($LECTERN --blocks "$2" 2>&1)" "$3"
}

blocks html/newspaper-podcast "$D/newspaper-podcast.html" "# format: html; content: div.article-body; encoding: windows-1252
0	title		The Harbour Strike, Part 2
1	paragraph		This is an edited transcript of an episode of The Daily Ledg
2	heading 1		Transcript
3	turn	MAYA ROSS	From the newsroom, I’m Maya Ross. It’s the second day of	@00:00:00
4	turn	TOMAS VIK	The cranes have stopped, all of them, since Monday.
5	turn	MAYA ROSS	What do the dockers want?	@00:12:34
6	turn	TOMAS VIK	A contract that says what the night shift pays — “fair
7	turn	MAYA ROSS	And the port authority says no.
8	turn	TOMAS VIK	It says later. Which is no, but slower.
9	turn	MAYA ROSS	Tomas Vik, thank you.
10	paragraph	MAYA ROSS	Produced by Lee Chan; edited by Ann Moe."

blocks html/parliament "$D/parliament.html" "# format: html; content: div#content
0	title		Sitting of Tuesday 4 June
1	heading 1		Official Report: Tuesday 4 June
2	heading 2		Prayers
3	paragraph		The Assembly met at 10.30 am (Madam Speaker in the Chair).
4	heading 2		Fisheries Bill: Second Stage
5	turn	Ms Hale	I beg to move that the Bill be now read a second time.	@10:42:00
6	paragraph	Ms Hale	The Bill does three things, Madam Speaker, and I will take t
7	turn	Mr Okafor	Will the Minister give way?	@10:55:30
8	turn	Ms Hale	I will, briefly.
9	turn	Mr Okafor	Does the Bill cover inshore vessels under ten metres, or onl	@10:56:10
10	paragraph		Division No. 3
11	paragraph		Ayes | Noes
12	paragraph		41 | 38"

blocks html/labels "$D/labels.html" "# format: html; content: div#transcript
0	title		Episode 12: Tides
1	turn	Jane Doe	Welcome back. Today, tides.	@00:00:05
2	turn	Raj Patel	Thanks, Jane. The moon does most of the work.
3	turn	Jane Doe	And the sun?	@00:01:30
4	turn	Raj Patel	About half as much. Spring tides are when they pull together	@00:02:05
5	paragraph	Raj Patel	That happens twice a month.
6	turn	Caller	Is that why the beach floods in March?
7	turn	Raj Patel	Partly, yes. Also the wind.
8	paragraph	Raj Patel	And the equinox.	@01:02:03
9	paragraph	Raj Patel	Note: the show notes have links.
10	turn	Jane Doe	Thanks, Raj."

blocks html/interview-de "$D/interview-de.html" "# format: html; content: div.article-body; encoding: ISO-8859-1
0	title		Interview: \"Wir müssen über Wasser reden\"
1	turn	ZEIT ONLINE	Frau Müller, wie trocken ist Deutschland?
2	turn	Müller	Trockener, als die meisten glauben. Die Böden im Osten habe
3	turn	ZEIT ONLINE	Was heißt das für Bauern?
4	turn	Müller	Dass sie anders planen müssen – mit weniger Wasser, früh
5	turn	ZEIT ONLINE	Und für Städte?
6	turn	Müller	Mehr Bäume, weniger Asphalt. Das ist keine Romantik, das is"

blocks html/blog-sidebar "$D/blog-sidebar.html" "# format: html; content: div.entry-content
0	title		Notes on slow reading
1	paragraph		I read slowly, and lately I have come to think that is fine,
2	heading 1		Why slow
3	paragraph		Three reasons, in no order:
4	bullet 1		The sentences are built, not poured.
5	bullet 1		A note in the margin is a conversation.
6	bullet 1		Nothing is lost by stopping.
7	bullet 2		Except, perhaps, the plot.
8	quote		Read not to contradict and confute, nor to believe and take 
9	heading 1		A small tool
10	paragraph		I keep a list with grep:
11	paragraph		grep -c 'slow' notes.txt
12	paragraph		42
13	paragraph		Book | Weeks
14	paragraph		Middlemarch | 11
15	paragraph		The Rings of Saturn | 4
16	paragraph		Update: a reader wrote in to say the same."

blocks html/doubled "$D/doubled.html" "# format: html; content: article; encoding: UTF-8 encoded twice, repaired
0	title		It’s a café — test
1	turn	JO	It’s “fine”, isn’t it?
2	turn	SAM	Yes — the café’s open.
3	turn	JO	Señor Núñez said so.
4	turn	SAM	Good."

blocks html/pre-only "$D/pre-only.html" "# format: html; content: body
0	paragraph		FISH AND THE LAW
1	paragraph		The Chairman. The committee will come to order.
2	paragraph		Mr. Lark. Thank you, Mr. Chairman."

# --dump: the title, then the transcript; times before the turns they
# date; no markup, script, style, navigation, cookie or share text.
expect html/dump-newspaper "$($LECTERN --dump=80 "$D/newspaper-podcast.html")" "The Harbour Strike, Part 2

This is an edited transcript of an episode of The Daily Ledger.

Transcript
==========

[00:00] MAYA ROSS: From the newsroom, I’m Maya Ross. It’s the second day of the
strike.

TOMAS VIK: The cranes have stopped, all of them, since Monday.

[12:34] MAYA ROSS: What do the dockers want?

TOMAS VIK: A contract that says what the night shift pays — “fair” is not a
number.

MAYA ROSS: And the port authority says no.

TOMAS VIK: It says later. Which is no, but slower.

MAYA ROSS: Tomas Vik, thank you.

Produced by Lee Chan; edited by Ann Moe."
for f in "$D"/*.html; do $LECTERN --dump=100 "$f"; done > "$TMP/dumps" 2>&1
check html/dump-no-chrome sh -c "! grep -Eiq 'cookie|share on|accept all|dataLayer|font-family|advertisement|anzeige|related|hidden copy|sidebar|powered by|more than one|<[a-z/]' $TMP/dumps"
check html/dump-all-read test "$(grep -c . "$TMP/dumps")" -gt 60

expect html/speakers-newspaper "$($LECTERN --speakers "$D/newspaper-podcast.html")" "MAYA ROSS	4	36
TOMAS VIK	3	31"
expect html/speakers-parliament "$($LECTERN --speakers "$D/parliament.html")" "Ms Hale	2	30
Mr Okafor	2	19"
expect html/speakers-labels "$($LECTERN --speakers "$D/labels.html")" "Jane Doe	3	9
Raj Patel	3	39
Caller	1	8"
expect html/outline-parliament "$($LECTERN --outline "$D/parliament.html")" "Official Report: Tuesday 4 June
  Prayers
  Fisheries Bill: Second Stage"
expect html/outline-blog "$($LECTERN --outline "$D/blog-sidebar.html")" "Why slow
A small tool"
expect html/outline-none "$($LECTERN --outline "$D/labels.html")" ""

# Recognised from the content, whatever the name, and from a pipe.
cp "$D/interview-de.html" "$TMP/interview.txt"
expect html/named-txt "$($LECTERN --blocks "$TMP/interview.txt" | head -1)" \
    "# format: html; content: div.article-body; encoding: ISO-8859-1"
expect html/stdin "$(cat "$D/labels.html" | $LECTERN --blocks)" "$($LECTERN --blocks "$D/labels.html")"
expect html/stdin-dump "$(cat "$D/newspaper-podcast.html" | $LECTERN --dump=80 | head -1)" "The Harbour Strike, Part 2"
printf '<p>Hello <b>there</b></p>\n<p>Second</p>\n<p>Third</p>\n' > "$TMP/frag"
expect html/fragment "$($LECTERN --blocks "$TMP/frag")" "# format: html; content: body
0	paragraph		Hello there
1	paragraph		Second
2	paragraph		Third"
# A transcript that mentions a tag is still a transcript.
printf 'Alice Smith: I typed <b>bold</b> once.\n\nBob Jones: And <i>then</i>?\n' > "$TMP/plain.txt"
expect html/plain-with-tags "$($LECTERN --blocks "$TMP/plain.txt" | head -1)" "# format: plain"

# Labels of parliaments and broadcasters, read by speech_read as in
# plain text: where the member sits or what they hold in brackets, a role
# after a comma, the text right after the colon.
printf '<html><body><article><p><strong>The Minister for Health (Ms Carr):</strong> We will.</p><p><strong>Mr Dunne (Lower Fenwick):</strong> When?</p><p><b>AILSA CHANG, HOST:</b>Today, the news.</p><p><strong>The Minister for Health (Ms Carr):</strong> Soon.</p><p><strong>Mr Dunne (Lower Fenwick):</strong> Thank you.</p><p>AILSA CHANG, HOST: And more.</p></article></body></html>' > "$TMP/house.html"
expect html/labels-affiliation "$($LECTERN --blocks "$TMP/house.html")" "# format: html; content: article
0	turn	Ms Carr	We will.
1	turn	Mr Dunne	When?
2	turn	AILSA CHANG	Today, the news.
3	turn	Ms Carr	Soon.
4	turn	Mr Dunne	Thank you.
5	turn	AILSA CHANG	And more."

# Inline styles: bold, emphasis, code and links are spans.
printf '<html><body><p>A <b>bold</b>, <i>em</i>, <code>code</code> and <a href="/x">link</a>.</p></body></html>' > "$TMP/styles.html"
$LECTERN --blocks "$TMP/styles.html" > "$TMP/out"
expect html/styles-text "$(sed -n 2p "$TMP/out")" "0	paragraph		A bold, em, code and link."

# Hostile pages: nothing from them reaches the terminal raw, and deep or
# broken markup is bounded in time.
printf '<html><body><p>ESC\033[31m red \233 and BEL\007</p></body></html>' > "$TMP/esc.html"
$LECTERN --dump "$TMP/esc.html" > "$TMP/out" 2>&1
check html/no-raw-controls sh -c "! tr -d '\n' < $TMP/out | grep -q \"\$(printf '[\033\007]')\""
# bounded COMMAND...: runs it within 600 MB of address space (not under a
# sanitizer, whose shadow memory needs more) and 60 seconds: a read that
# runs away in memory or time fails, and nothing is timed.
bounded() {
	if [ "$LECTERN" = ./lectern ]; then
		( ulimit -v 600000; exec timeout 60 "$@" )
	else
		timeout 60 "$@"
	fi
}
# 100,000 elements open at once, then as many end tags that close none
# of them (each of which libxml2 would look for through all the open
# ones): the nesting is cut, and what follows is read.
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div>"
	printf "<p>Ann Lee: at the bottom.</p>"; for (i = 0; i < 100000; i++) printf "</span>"
	print "<p>end</p></body></html>" }' > "$TMP/deep.html"
bounded $LECTERN --blocks "$TMP/deep.html" > "$TMP/out" 2>&1
check html/deep-bounded test $? -eq 0
expect html/deep-said "$(head -1 "$TMP/out")" "# format: html; content: body; nesting cut"
expect html/deep-text-kept "$(sed 1d "$TMP/out")" "0	paragraph		Ann Lee: at the bottom.
1	paragraph		end"
# The same depth in pieces, text between the tags: each cut parses on
# from where it was, and reads no more of the page again.
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div><span>Ann: w %d.\n", i
	print "</body></html>" }' > "$TMP/deep2.html"
bounded $LECTERN --speakers "$TMP/deep2.html" > "$TMP/out" 2>&1
check html/deep-text-bounded test $? -eq 0
expect html/deep-text-all "$(cat "$TMP/out")" "Ann	100000	200000"
# Entities by the hundred thousand, and entities defined in terms of
# others (which an HTML parser does not expand: they stay text).
awk 'BEGIN { printf "<html><body><p>"; for (i = 0; i < 200000; i++) printf "&amp;&#x1F600;&lt;"; print "</p></body></html>" }' > "$TMP/ents.html"
bounded $LECTERN --count '&' "$TMP/ents.html" > "$TMP/out" 2>&1
check html/entities-bounded test $? -eq 0
expect html/entities-all "$(cat "$TMP/out")" 200000
bounded $LECTERN --dump=100 tests/fuzz/corpus/html-entity-bomb.html > "$TMP/out" 2>&1
check html/entity-bomb-bounded test $? -eq 0
expect html/entity-bomb-last "$(tail -1 "$TMP/out")" '[01:02] Ann Lee: &a; said "hi"'

# libxml2 is loaded only for a web page: the start of every other file
# pays nothing for it (5 ms and 3 MB with ICU and libstdc++), and a page
# read without it says why in place of its text.
I=tests/data/chapters.txt
loads() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -c 'file=libxml2'; }
check html/no-libxml2-for-text test "$(loads $LECTERN --count the "$I")" -eq 0
check html/libxml2-for-page test "$(loads $LECTERN --count the "$D/parliament.html")" -gt 0
mkdir -p "$TMP/fakelib"
libc=$(ldd $LECTERN | awk '/libc\.so/ { print $3 }')
ln -s "$libc" "$TMP/fakelib/libxml2.so.2"
LD_LIBRARY_PATH="$TMP/fakelib" $LECTERN --blocks "$D/parliament.html" > "$TMP/out" 2>&1
check html/no-parser-status test $? -eq 0
expect html/no-parser-said "$(head -1 "$TMP/out")" "# format: html; libxml2 not loaded: libxml2.so.2 is version unknown, not 2"
expect html/no-parser-text "$(LD_LIBRARY_PATH="$TMP/fakelib" $LECTERN --dump=60 "$D/parliament.html")" \
"This web page cannot be shown: lectern reads web pages with
libxml2, which could not be loaded (libxml2.so.2 is version
unknown, not 2)."
