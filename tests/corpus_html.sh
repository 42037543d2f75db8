#!/bin/sh
# corpus_html.sh: the web page reader on the saved pages of ../shared/corpus
# (absent in a clone elsewhere: then these checks print nothing). Speakers
# and turns were counted from the pages with grep, apart from lectern:
#   grep -o '<p>[A-Z]*[:(]' (Darknet Diaries, "JACK (INTRO):" is Jack's),
#   the <p>-split line of NPR's transcript ("AILSA CHANG, HOST:" then
#   "CHANG:"), and '<strong>Name</strong>:' in the Substack post's body.
. tests/lib.sh
. tests/screenlib.sh
. tests/corpuslib.sh

DND=dnd-soup__darknet-diaries-ep45-xbox-underground-part1.html
NPR=npr-to-video__npr-atc-farmers-health-insurance.html
SUB=omnivore__chinatalk-substack-adam-tooze.html

# The markup, entities, double encoding, scripts and page chrome that
# must not show.
CHROME='<[a-zA-Z/!]|&[a-z]+;|&#[0-9x]|â€|Ã[©¡³±]|function ?\(|\{"|cookie|[Ss]ubscribe|Share|Episodes|Toggle|iframe|Become an NPR sponsor|Ready for more|← Previous|Next →|Jordan Schneider$'

# title NAME FILE TITLE: --dump of FILE starts with TITLE, then a blank.
title() {
	have "$2" || return 0
	expect "$1" "$($LECTERN --dump=100 "$CORPUS/$2" | head -2 | tr '\n' '|')" "$3||"
}

title corpus-html/dnd-title "$DND" "XBox Underground (Part 1)"
speakers corpus-html/dnd-speakers "$DND" JACK=119 BUNNIE=14 DYLAN=42 SANAD=38 SKITZO=30 DIANE=1
nomarkup corpus-html/dnd-nomarkup "$DND" "$CHROME" 'Darknet Diaries$' 'Episode Show Notes'
outline corpus-html/dnd-outline "$DND" ""
if have "$DND"; then
	# Its 16 marks, [00:05:00] to [01:20:00], date the turns they are in.
	expect corpus-html/dnd-times "$($LECTERN --blocks "$CORPUS/$DND" | grep -o '@.*' | tr '\n' ' ')" \
	    "$(grep -o '\[[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\]' "$CORPUS/$DND" | tr -d '[]' | sed 's/^/@/' | tr '\n' ' ')"
	check corpus-html/dnd-times-not-text sh -c "! $LECTERN --dump=100 '$CORPUS/$DND' | grep -q '.\[[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\]'"
	expect corpus-html/dnd-first-turn "$($LECTERN --dump=100 "$CORPUS/$DND" | sed -n 3,5p)" "[FULL TRANSCRIPT]

JACK: I kind of want to start the show with you just talking about how the original Xbox got hacked."
fi

title corpus-html/npr-title "$NPR" "Add health insurance costs to problems facing American farmers"
speakers corpus-html/npr-speakers "$NPR" "AILSA CHANG=9" "DREW HAWKINS=10" \
    "PRESIDENT DONALD TRUMP=1" "JAMES DAVIS=1" "DANIEL RHODES=1"
nomarkup corpus-html/npr-nomarkup "$NPR" "$CHROME" 'Copyright' 'Listen' 'Embed' 'Health News'
outline corpus-html/npr-outline "$NPR" ""
if have "$NPR"; then
	expect corpus-html/npr-first-turn "$($LECTERN --dump=100 "$CORPUS/$NPR" | sed -n 3p | cut -c1-40)" \
	    "AILSA CHANG: Today, President Trump anno"
fi

title corpus-html/substack-title "$SUB" "Adam Tooze on World Order, Then and Now"
speakers corpus-html/substack-speakers "$SUB" Matt=5 Adam=12 Jordan=8
nomarkup corpus-html/substack-nomarkup "$SUB" "$CHROME" 'Type your email' 'Comment$' 'Like'
outline corpus-html/substack-outline "$SUB" "Do Fiscal Constraints Even Matter?
How Contingent Was WWII?
What Can Nazi Germany Teach Us About the CCP?
Why Chinese Political Theorists Are Drawing on Nazi Germany’s Favorite Legal Thinker
Xinjiang and Soviet Gulags
Did The West Win The Cold War?
Favorite Bureaucracies To Work For"
