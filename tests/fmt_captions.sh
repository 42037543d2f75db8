#!/bin/sh
# fmt_captions.sh: WebVTT and SubRip read as what they say: cues joined
# into timed paragraphs, speakers from voices and labels, rolling
# captions read once, nothing of the markup shown.
. tests/lib.sh
. tests/screenlib.sh
D=tests/data
tab=$(printf '\t')

# blocks NAME FILE: --blocks of FILE is exactly the text on stdin.
blocks() {
	expect "$1" "$($LECTERN --blocks "$2" 2>&1)" "$(cat)"
}

# YouTube's automatic captions: every word once, >> for a new speaker,
# a pause for a new paragraph.
blocks captions/youtube-blocks $D/captions-youtube.vtt <<EOF
# format: webvtt; 10 cues, 8 of them rolling (repeated lines read once)
0${tab}paragraph${tab}${tab}so today we are testing the new cooler on a laptop [Music]${tab}@00:00:00
1${tab}paragraph${tab}${tab}does it work${tab}@00:00:09
2${tab}paragraph${tab}${tab}yes it does${tab}@00:00:11
3${tab}paragraph${tab}${tab}after a pause${tab}@00:00:20
EOF
expect captions/youtube-dump "$($LECTERN --dump=40 $D/captions-youtube.vtt)" "[00:00] so today we are testing the new
cooler on a laptop [Music]

[00:09] does it work

[00:11] yes it does

[00:20] after a pause"
expect captions/youtube-no-speakers "$($LECTERN --speakers $D/captions-youtube.vtt)" ""

# Voices, with and without </v>, two in one cue; NOTE, STYLE and
# REGION blocks, cue identifiers and settings, tags and entities.
blocks captions/voices-blocks $D/captions-voices.vtt <<EOF
# format: webvtt; 6 cues, speakers in the cues
0${tab}turn${tab}Ann Lee${tab}Welcome to the weekly sync. Let's start with Q&A — Bob?${tab}@00:00:01
1${tab}turn${tab}Bob Stone${tab}Sure. Numbers are up > 10%. And costs are down.${tab}@00:00:06
2${tab}turn${tab}Ann Lee${tab}Great.${tab}@00:00:09
3${tab}turn${tab}Bob Stone${tab}Thanks.${tab}@00:00:09
4${tab}turn${tab}Cy${tab}Bonjour 漢字!${tab}@00:00:10
EOF
expect captions/voices-dump "$($LECTERN --dump=60 $D/captions-voices.vtt)" "[00:01] Ann Lee: Welcome to the weekly sync. Let's start
with Q&A — Bob?

[00:06] Bob Stone: Sure. Numbers are up > 10%. And costs are
down.

[00:09] Ann Lee: Great.

[00:09] Bob Stone: Thanks.

[00:10] Cy: Bonjour 漢字!"
expect captions/voices-speakers "$($LECTERN --speakers $D/captions-voices.vtt)" "Ann Lee${tab}2${tab}12
Bob Stone${tab}2${tab}10
Cy${tab}1${tab}3"
# A phrase across two cues is found: they are one paragraph.
expect captions/search-across-cues "$($LECTERN --count="weekly sync. Let's start" $D/captions-voices.vtt)" 1
expect captions/grep-across-cues "$($LECTERN --grep="up > 10%. And costs" $D/captions-voices.vtt)" "(top): [00:06] Bob Stone: Sure. Numbers are «up > 10%. And costs» are down."

# Zoom: "Name (Role): text" in the cues; a cue without a name continues
# the speaker; a device's name; a name in small letters that labels two
# cues; times out of order kept in file order.
blocks captions/zoom-blocks $D/captions-zoom.vtt <<EOF
# format: webvtt; 9 cues, speakers in the cues
0${tab}turn${tab}Dana Kim (Host)${tab}Can everyone hear me?${tab}@00:00:00
1${tab}turn${tab}Sam’s iPad${tab}Yes, loud and clear.${tab}@00:00:02
2${tab}turn${tab}Dana Kim (Host)${tab}Good. Today we look at the budget, which is late again.${tab}@00:00:03
3${tab}turn${tab}Sam’s iPad${tab}Sorry.${tab}@00:00:07
4${tab}turn${tab}Dana Kim (Host)${tab}That was out of order.${tab}@00:00:01
5${tab}turn${tab}dmitri${tab}me too${tab}@00:00:09
6${tab}turn${tab}Dana Kim (Host)${tab}Thanks, all.${tab}@00:00:10
7${tab}turn${tab}dmitri${tab}bye${tab}@00:00:11
EOF
# Without its WEBVTT line, by its cues.
sed 1,2d $D/captions-zoom.vtt > "$TMP/zoom.txt"
expect captions/vtt-without-header "$($LECTERN --blocks "$TMP/zoom.txt" | sed 1d)" "$($LECTERN --blocks $D/captions-zoom.vtt | sed 1d)"
expect captions/vtt-without-header-format "$($LECTERN --blocks "$TMP/zoom.txt" | head -1 | cut -d';' -f1)" "# format: webvtt"

# SubRip for the deaf and hard of hearing: labels, [Name], sounds, dash
# lines, a label alone on its line, cue numbers missing or out of order.
sdh="# format: srt; 12 cues
0${tab}paragraph${tab}${tab}[DOOR SLAMS] Is anyone home? Hello? It's so quiet.${tab}@00:00:01
1${tab}paragraph${tab}${tab}Anybody?${tab}@00:00:08
2${tab}turn${tab}MONICA${tab}In here!${tab}@00:00:09
3${tab}paragraph${tab}${tab}Who is it?${tab}@00:00:09
4${tab}paragraph${tab}${tab}It's me.${tab}@00:00:10
5${tab}paragraph${tab}${tab}Oh. Hi, Ross.${tab}@00:00:10
6${tab}turn${tab}ROSS${tab}I brought the tapes... ...all of them. (sighs)${tab}@00:00:11
7${tab}turn${tab}Alba${tab}Hola, ¿qué tal?${tab}@00:00:14
8${tab}paragraph${tab}${tab}♪ Happy birthday to you ♪ [laughs] That was awful.${tab}@00:00:16
9${tab}turn${tab}Alba${tab}Gracias.${tab}@00:00:19"
expect captions/sdh-blocks "$($LECTERN --blocks $D/captions-sdh.srt)" "$sdh"
expect captions/sdh-speakers "$($LECTERN --speakers $D/captions-sdh.srt)" "MONICA${tab}1${tab}2
ROSS${tab}1${tab}8
Alba${tab}2${tab}4"
# With a byte-order mark and CRLF line ends, in a .txt file.
{ printf '\357\273\277'; sed 's/$/\r/' $D/captions-sdh.srt; } > "$TMP/sdh.txt"
expect captions/srt-bom-crlf-txt "$($LECTERN --blocks "$TMP/sdh.txt")" "$sdh"
# In UTF-16.
iconv -f UTF-8 -t UTF-16 $D/captions-sdh.srt > "$TMP/sdh16.srt"
expect captions/srt-utf16 "$($LECTERN --blocks "$TMP/sdh16.srt" | sed 1d)" "$(echo "$sdh" | sed 1d)"

# No timing, cue number, WEBVTT, tag or entity in any dump.
for f in $D/captions-*; do
	$LECTERN --dump=10000 $f > "$TMP/dump"
	if grep -Eq -- '-->|^(\[[0-9:]+\] )?[0-9]+$|WEBVTT|NOTE|<[/a-z0-9.]+>|&[a-z#0-9]+;|\{\\' "$TMP/dump"; then
		fail "captions/nomarkup-$(basename $f)" "$(grep -Em1 -- '-->|^(\[[0-9:]+\] )?[0-9]+$|WEBVTT|NOTE|<[/a-z0-9.]+>|&[a-z#0-9]+;|\{\\' "$TMP/dump")"
	else
		pass "captions/nomarkup-$(basename $f)"
	fi
done

# Cues are joined into paragraphs: never one per cue. Punctuated cues
# end a paragraph at a sentence's end once it is long enough...
awk 'BEGIN { print "WEBVTT\n"; for (i = 0; i < 120; i++) {
	printf "00:%02d:%02d.000 --> 00:%02d:%02d.900\n", i / 60, i % 60, i / 60, i % 60
	printf "words of cue number %d go here%s\n\n", i, i % 4 == 3 ? "." : "" } }' > "$TMP/punct.vtt"
$LECTERN --blocks "$TMP/punct.vtt" | sed 1d | cut -f4 > "$TMP/paras"
n=$(wc -l < "$TMP/paras")
check captions/joined-punctuated test "$n" -ge 4 -a "$n" -le 20
$LECTERN --dump=2000 "$TMP/punct.vtt" | awk 'NF' > "$TMP/dump"
check captions/joined-at-sentences sh -c "sed '\$d' '$TMP/dump' | grep -vq '\\.\$' && exit 1; exit 0"
check captions/joined-long-enough sh -c "sed '\$d' '$TMP/dump' | awk 'NF < 50 { bad = 1 } END { exit bad }'"
# ...and captions without punctuation, at a length.
awk 'BEGIN { print "WEBVTT\n"; for (i = 0; i < 300; i++) {
	printf "00:%02d:%02d.000 --> 00:%02d:%02d.000\n", i / 60, i % 60, (i + 1) / 60, (i + 1) % 60
	printf "words of cue number %d go here\n\n", i } }' > "$TMP/bare.vtt"
$LECTERN --dump=5000 "$TMP/bare.vtt" | awk 'NF' > "$TMP/dump"
check captions/joined-bare-many test "$(wc -l < "$TMP/dump")" -ge 10
check captions/joined-bare-short sh -c "awk 'NF > 160 || NF < 20 { bad = 1 } END { exit bad }' '$TMP/dump'"

# Hostile bytes in cues, tags and names are placeholders.
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ev\033[31mil>text \033]0;x\007 &#27;[2J <c.\033>x</c>\n' > "$TMP/hostile.vtt"
$LECTERN --dump=60 "$TMP/hostile.vtt" > "$TMP/dump" 2> /dev/null
$LECTERN --speakers "$TMP/hostile.vtt" >> "$TMP/dump" 2> /dev/null
check captions/hostile-no-escape sh -c "! grep -q \"\$(printf '\\033')\" '$TMP/dump'"
check captions/hostile-placeholders grep -q 'Ev^\[\[31mil: text ^\[\]0;x^G ^\[\[2J x' "$TMP/dump"

# A highlight made in a WebVTT file is anchored to the text the reader
# built (cues joined), and is there again when the file is reopened.
cp $D/captions-zoom.vtt "$TMP/zoom.vtt"
run 100x30 'J J * q' "$TMP/zoom.vtt"
KEEP_STATE=1 run 100x30 ') <dump> q' "$TMP/zoom.vtt"
expect captions/highlight-reopened "$(screen 1 | grep -c '┃.*budget, which is late again')" 1
expect captions/highlight-exported "$(script -qec "$LECTERN --export-highlights $TMP/zoom.vtt" /dev/null < /dev/null | tr -d '\r' | grep '^>')" "> Good. Today we look at the budget, which is late again.
>
> — Dana Kim (Host) [00:03]"

# A large file (its text written with its pages faulted in ahead, on
# another thread): read as a small one is, its plain cues (written
# without a copy) as cues that take the long way, the same cues with
# each line after an empty tag. Eleven words a cue.
for marked in 0 1; do
	awk -v marked=$marked 'BEGIN { print "WEBVTT\n"; c = marked ? "<c></c>" : ""
		for (i = 0; i < 300000; i++) {
			t = i * 2
			printf "%02d:%02d:%02d.000 --> %02d:%02d:%02d.500\n", t / 3600, t / 60 % 60, t % 60, t / 3600, t / 60 % 60, t % 60 + 1
			printf "%s%swords of cue %d and of what\n", c, i % 10 == 0 ? "<v Speaker " (i / 10 % 3) "> " : "", i
			printf "%sthey said in it%s\n\n", c, i % 4 == 3 ? "." : "" } }' > "$TMP/large$marked.vtt"
done
check captions/large-is-large test "$(wc -c < "$TMP/large0.vtt")" -gt 20000000
$LECTERN --blocks "$TMP/large0.vtt" > "$TMP/large0.blocks"
$LECTERN --blocks "$TMP/large1.vtt" > "$TMP/large1.blocks"
check captions/large-plain-as-others cmp -s "$TMP/large0.blocks" "$TMP/large1.blocks"
# A voice every ten cues, its turn up to the end of a sentence (every
# fourth cue): four cues, then two, 33 words a turn.
expect captions/large-speakers "$($LECTERN --speakers "$TMP/large0.vtt")" "Speaker 0${tab}10000${tab}330000
Speaker 1${tab}10000${tab}330000
Speaker 2${tab}10000${tab}330000"
expect captions/large-words "$($LECTERN --dump "$TMP/large0.vtt" | awk '{ for (i = 1; i <= NF; i++)
	if ($i !~ /^\[/ && $i != "Speaker" && $i !~ /^[0-9]:$/) n++ } END { print n }')" 3300000
# The pager reads it in slices (the thread gives up between them).
run 100x30 'G <dump> q' "$TMP/large0.vtt"
expect captions/large-pager-end "$(screen 1 | grep -c 'cue 299999 and of what they said in')" 1
