#!/bin/sh
# corpus_captions.sh: the real captions of ../shared/corpus read right
# (each check prints nothing where its file is absent). The expected
# speakers, turns and words are counted here from the files themselves
# with awk, independently of lectern.
. tests/lib.sh
. tests/screenlib.sh
. tests/corpuslib.sh

YT=sponsor-inference__ltt-macbook-air-cooling__youtube-autocaption.vtt
PB=python-bytes__454__webvtt-voice-tags.vtt
ZM=cip-test-transcript__zoom-tutoring-session__webvtt-zoom-name-colon.vtt
FR=ciga-annotator__friends-s01e01-sdh__srt-names-in-cues.srt
TW=twiml-47-juergen-schmidhuber.srt.txt

# The text lines of the cues of FILE: no header, number or timing line,
# tags removed; with roll, a line equal to the one before is left out
# (rolling captions show each line twice).
cuetext() {
	tr -d '\r' < "$CORPUS/$1" | sed '1s/^\xEF\xBB\xBF//' | awk -v roll="$2" '
		NR == 1 && /^WEBVTT/ { head = 1 }
		head { if ($0 == "") head = 0; next }
		/-->/ || /^[0-9]+$/ { next }
		{ gsub(/<[^>]*>/, ""); gsub(/^ +| +$/, "") }
		$0 == "" { next }
		roll && $0 == last { next }
		{ print; last = $0 }'
}

# speakers_from NAME FILE: checks --speakers against the "Name=TURNS"
# lines on stdin.
speakers_from() {
	name=$1 file=$2
	set --
	while IFS= read -r spec; do set -- "$@" "$spec"; done
	speakers "$name" "$file" "$@"
}

# timed NAME FILE: every block has a time, and the dump shows them.
timed() {
	have "$2" || return 0
	total=$($LECTERN --blocks "$CORPUS/$2" | sed 1d | wc -l)
	timed=$($LECTERN --blocks "$CORPUS/$2" | sed 1d | grep -c '	@[0-9][0-9]:[0-9][0-9]:[0-9][0-9]$')
	shown=$($LECTERN --dump=100 "$CORPUS/$2" | grep -Ec '^\[([0-9]+:)?[0-9]{2}:[0-9]{2}\] ')
	if [ "$total" -gt 0 ] && [ "$timed" = "$total" ] && [ "$shown" = "$total" ]; then
		pass "$1"
	else
		fail "$1" "$timed of $total blocks timed, $shown times shown"
	fi
}

# joined NAME FILE: fewer paragraphs than half the cues.
joined() {
	have "$2" || return 0
	cues=$(grep -c -- '-->' "$CORPUS/$2")
	blocks=$($LECTERN --blocks "$CORPUS/$2" | sed 1d | wc -l)
	if [ "$blocks" -gt 0 ] && [ $((blocks * 2)) -lt "$cues" ]; then pass "$1"
	else fail "$1" "$blocks paragraphs of $cues cues"; fi
}

# numbered NAME FILE: no paragraph is a bare number (a cue's).
numbered() {
	have "$2" || return 0
	$LECTERN --dump=10000 "$CORPUS/$2" > "$TMP/wide" 2>&1
	if [ ! -s "$TMP/wide" ] || grep -Eq '^(\[[0-9:]+\] )?[0-9]+$' "$TMP/wide"; then
		fail "$1" "a cue number is shown: $(grep -Em1 '^(\[[0-9:]+\] )?[0-9]+$' "$TMP/wide")"
	else
		pass "$1"
	fi
}

MARKUP='-->|WEBVTT|^Kind:|<[/a-z0-9.]+[^>]*>|&[a-z#0-9]+;|\{\\|align:start'

for f in $YT $PB $ZM $FR $TW; do
	nomarkup "corpus/captions-nomarkup-$f" $f "$MARKUP"
	outline "corpus/captions-outline-$f" $f ""
	timed "corpus/captions-timed-$f" $f
	numbered "corpus/captions-numbers-$f" $f
	joined "corpus/captions-joined-$f" $f
done

# YouTube's automatic captions: one narrator, no speaker named; every
# word once.
have $YT && expect corpus/captions-youtube-speakers "$($LECTERN --speakers "$CORPUS/$YT")" ""
have $YT && words corpus/captions-youtube-words $YT "$(cuetext $YT 1 | wc -w)" 10

# Voice tags: a turn is a run of cues of one voice.
have $PB && grep -o '^<v [^>]*>' "$CORPUS/$PB" | sed 's/^<v //; s/>$//' |
	awk '$0 != last { n[$0]++; last = $0 } END { for (s in n) print s "=" n[s] }' |
	speakers_from corpus/captions-voices-speakers $PB
have $PB && words corpus/captions-voices-words $PB "$(cuetext $PB 0 | wc -w)" 10

# Zoom: "Name: " at the start of a cue; a cue without one continues.
have $ZM && tr -d '\r' < "$CORPUS/$ZM" | awk '
	/-->/ { getline; if (match($0, /^[^:]+: /)) {
		s = substr($0, 1, RLENGTH - 2); if (s != last) { n[s]++; last = s } } }
	END { for (s in n) print s "=" n[s] }' |
	speakers_from corpus/captions-zoom-speakers $ZM
have $ZM && words corpus/captions-zoom-words $ZM "$(cuetext $ZM 0 | wc -w)" 10

# Subtitles for the deaf: a "NAME:" label starts each turn of a named
# speaker (no two of one speaker follow each other in this file).
have $FR && tr -d '\r' < "$CORPUS/$FR" | sed -n 's/^\(- \)\{0,1\}\([A-Z][A-Z &.'"'"']*[A-Z]\):\( .*\)\{0,1\}$/\2/p' |
	awk '{ n[$0]++ } END { for (s in n) print s "=" n[s] }' |
	speakers_from corpus/captions-sdh-speakers $FR
have $FR && words corpus/captions-sdh-words $FR "$(cuetext $FR 0 | wc -w)" 10
# Its sound descriptions are not speakers (nor are its dialogue dashes
# bullets).
have $FR && check corpus/captions-sdh-no-bullets sh -c "! $LECTERN --blocks '$CORPUS/$FR' | cut -f2 | grep -q bullet"

# Whisper's SubRip in a .txt: no speakers, every word.
have $TW && expect corpus/captions-whisper-format "$($LECTERN --blocks "$CORPUS/$TW" | head -1 | cut -d';' -f1)" "# format: srt"
have $TW && expect corpus/captions-whisper-speakers "$($LECTERN --speakers "$CORPUS/$TW")" ""
have $TW && words corpus/captions-whisper-words $TW "$(cuetext $TW 0 | wc -w)" 10
