#!/bin/sh
# corpus_records.sh: the court transcript, the hearing and the play of
# ../shared/corpus read as the issue asks: the true speakers with their
# turns (counted from the files with grep and awk, as noted above each
# check), none invented, no page furniture, tags or entities in --dump,
# and the real sections only in --outline. Prints nothing without the
# corpus.
. tests/lib.sh
. tests/screenlib.sh
. tests/corpuslib.sh

## A federal trial transcript (SDNY): labels, Q and A after "BY MR. X:",
## witnesses called; page codes and "(Continued on next page)".
COURT=ourhimalayas__us-v-guo-sdny-trial-2024-05-29__court-transcript.txt
# Counted with: tr -d '\r' < FILE | awk '
#   /^BY M[RS]S?\. [A-Z]+:$/ { ex = substr($0, 4, length($0) - 4); next }
#   /^called as a witness/ { w = prev; sub(/,$/, "", w) }
#   /^Q\. / { n[ex]++ }  /^A\. / { n[w]++ }
#   match($0, /^(THE [A-Z ]+|MR\. [A-Z]+|MS\. [A-Z]+|ALL COUNSEL):/) {
#       n[substr($0, 1, RLENGTH - 1)]++ }
#   { prev = $0 } END { for (k in n) print k "=" n[k] }'
speakers corpus/court-speakers "$COURT" "THE COURT=220" "MR. FINKEL=9" \
    "MR. KAMARAJU=436" "MR. FERGENSON=6" "MR. SCHIRICK=5" "THE JURY=1" \
    "LE ZHOU=381" "MS. MURRAY=76" "THE WITNESS=14" "MS. SHROFF=649" \
    "MR. HORTON=491" "THE LAW CLERK=3" "KARIN MAISTRELLO=892" \
    "ALL COUNSEL=1"
nomarkup corpus/court-no-furniture "$COURT" '^O5T' 'Continued on next page' \
    '^ *[0-9]+ *$' '^-+x$' '^Q\. ' '^A\. '
outline corpus/court-outline "$COURT" "APPEARANCES
LE ZHOU
  CROSS-EXAMINATION (continued)
  REDIRECT EXAMINATION
  RECROSS EXAMINATION
KARIN MAISTRELLO
  DIRECT EXAMINATION
    AFTERNOON SESSION
  CROSS-EXAMINATION
INDEX OF EXAMINATION
GOVERNMENT EXHIBITS
DEFENDANT EXHIBITS"
if have "$COURT"; then
	expect corpus/court-format "$($LECTERN --blocks "$CORPUS/$COURT" | sed -n '1,2p')" \
	    "# format: court
0	title		UNITED STATES OF AMERICA v. MILES GUO"
fi

## A Senate hearing from the Printing Office, in <html><body><pre>.
HEARING=ihmc__senate-psi-goldman-hearing-CHRG-111shrg57322__gpo-hearing.htm
# Counted with: grep -oE '^    (Senator|Mr\.|Ms\.|Mrs\.|Dr\.|Chairman|The
#   Chairman) ?[A-Z]?[A-Za-z]*\.( |$)' FILE | sort | uniq -c
speakers corpus/hearing-speakers "$HEARING" "Senator Levin=530" \
    "Mr. Blankfein=385" "Senator Coburn=272" "Mr. Sparks=263" \
    "Mr. Viniar=241" "Senator Kaufman=187" "Mr. Tourre=146" \
    "Mr. Birnbaum=115" "Senator Tester=98" "Senator Pryor=80" \
    "Senator McCaskill=74" "Mr. Swenson=67" "Senator Ensign=58" \
    "Mr. Broderick=41" "Senator McCain=31" "Senator Collins=22"
nomarkup corpus/hearing-no-markup "$HEARING" '<[a-zA-Z/!]' '&[a-zA-Z]+;' \
    '&#[0-9]+;' '\\[0-9]+\\' 'Senate Hearing 111' 'From the U\.S\. Gov' \
    '\^Z' '^_{5}'
outline corpus/hearing-outline "$HEARING" "CONTENTS
TUESDAY, APRIL 27, 2010
  OPENING STATEMENT OF SENATOR LEVIN
  OPENING STATEMENT OF SENATOR COLLINS
  OPENING STATEMENT OF SENATOR KAUFMAN
  OPENING STATEMENT OF SENATOR MCCAIN
  OPENING STATEMENT OF SENATOR MCCASKILL
  OPENING STATEMENT OF SENATOR PRYOR
  TESTIMONY OF DANIEL L. SPARKS, FORMER PARTNER, HEAD OF MORTGAGE DEPARTMENT, THE GOLDMAN SACHS GROUP, INC., NEW CANAAN, CONNECTICUT
  TESTIMONY OF JOSHUA S. BIRNBAUM, FORMER MANAGING DIRECTOR, STRUCTURED PRODUCTS GROUP TRADING, THE GOLDMAN SACHS GROUP, INC., NEW YORK, NEW YORK
  TESTIMONY OF MICHAEL J. SWENSON, MANAGING DIRECTOR, STRUCTURED PRODUCTS GROUP TRADING, THE GOLDMAN SACHS GROUP, INC., NEW YORK, NEW YORK
  TESTIMONY OF FABRICE P. TOURRE, EXECUTIVE DIRECTOR, STRUCTURED PRODUCTS GROUP TRADING, THE GOLDMAN SACHS GROUP, INC., LONDON, ENGLAND
  OPENING STATEMENT OF SENATOR COBURN
  TESTIMONY OF DAVID A. VINIAR, EXECUTIVE VICE PRESIDENT AND CHIEF FINANCIAL OFFICER, THE GOLDMAN SACHS GROUP, INC., NEW YORK, NEW YORK
  TESTIMONY OF CRAIG W. BRODERICK, CHIEF RISK OFFICER, THE GOLDMAN SACHS GROUP, INC., NEW YORK, NEW YORK
  TESTIMONY OF LLOYD C. BLANKFEIN, CHAIRMAN AND CHIEF EXECUTIVE OFFICER, THE GOLDMAN SACHS GROUP, INC., NEW YORK, NEW YORK
APPENDIX"
if have "$HEARING"; then
	# Rules of dashes and equals signs are not text (the layout's own
	# underlines of headings are, in --dump).
	n=$($LECTERN --blocks "$CORPUS/$HEARING" | cut -f4 | grep -cE '^(-{5}|={5}|_{5})')
	expect corpus/hearing-no-rules "$n" 0
	expect corpus/hearing-format "$($LECTERN --blocks "$CORPUS/$HEARING" | sed -n '1,2p')" \
	    "# format: hearing; Senate Hearing 111-674, Volume 4
0	title		WALL STREET AND THE FINANCIAL CRISIS: THE ROLE OF INVESTMENT"
fi

## Hamlet: names alone in capitals, minor parts in Title Case, page
## numbers and running heads, acts and scenes.
PLAY=hamletids__hamlet__play-caps-names-own-line.txt
# Counted with: grep -E '^[A-Z][A-Z ]+$' FILE | sort | uniq -c, and
#   grep -xE 'First Clown|Second Clown|Ghost|...' FILE | sort | uniq -c
#   for the parts in Title Case (each one entered in an "Enter" line).
speakers corpus/play-speakers "$PLAY" "HAMLET=359" "HORATIO=112" \
    "KING CLAUDIUS=102" "LORD POLONIUS=86" "QUEEN GERTRUDE=69" \
    "LAERTES=62" "OPHELIA=58" "ROSENCRANTZ=49" "MARCELLUS=36" \
    "GUILDENSTERN=34" "OSRIC=25" "BERNARDO=23" "REYNALDO=13" \
    "FRANCISCO=8" "PRINCE FORTINBRAS=6" "VOLTIMAND=2" "LUCIANUS=1" \
    "CORNELIUS=1" "First Clown=33" "Ghost=14" "Second Clown=12" \
    "First Player=8" "Captain=7" "Player Queen=5" "Player King=4" \
    "All=4" "Lord=3" "Gentleman=3" "Danes=3" "Messenger=2" \
    "First Sailor=2" "First Priest=2" "Servant=1" "Prologue=1" \
    "First Ambassador=1"
nomarkup corpus/play-no-furniture "$PLAY" '^HAMLET - Act' '^ *[0-9]+ *$'
outline corpus/play-outline "$PLAY" "Act I
  Scene 1
  Scene 2
  Scene 3
  Scene 4
  Scene 5
Act II
  Scene 1
  Scene 2
Act III
  Scene 1
  Scene 2
  Scene 3
  Scene 4
Act IV
  Scene 1
  Scene 2
  Scene 3
  Scene 4
  Scene 5
  Scene 6
  Scene 7
Act V
  Scene 1
  Scene 2"
if have "$PLAY"; then
	# Verse keeps its lines; prose is joined.
	$LECTERN --dump=100 "$CORPUS/$PLAY" > "$TMP/dump"
	check corpus/play-verse grep -qx 'HORATIO: That can I;' "$TMP/dump"
	check corpus/play-prose grep -q '^First Clown: What is he that builds stronger than either the mason, the' "$TMP/dump"
	check corpus/play-directions grep -qx 'Exit Ghost' "$TMP/dump"
fi
