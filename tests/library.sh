#!/bin/sh
# library.sh: a folder as a library: the list (titles, speakers, words,
# duration, progress, highlights) in natural order, opening a document
# and coming back, sorting, filtering, finding by title or speaker,
# searching every document and opening one at a match, :n in the list's
# order, the cache in the state directory, and --library.
. tests/lib.sh
. tests/screenlib.sh

D="$TMP/lib"
mkdir -p "$D/season1" "$D/season2" "$D/.git"
{
	printf 'Whales of the deep\nIntro\n'
	i=1
	while [ $i -le 30 ]; do
		printf 'Ana Lima: Paragraph %d of the whale talk, with some words.\n' $i
		printf 'Bo Chen: Reply %d about tuna.\n' $i
		i=$((i + 1))
	done
} > "$D/season1/ep2.txt"
{
	printf 'Dolphins at play\n'
	for i in 1 2 3 4 5; do
		printf 'Cy Dee: Dolphin line %d.\nAna Lima: Right %d.\n' $i $i
	done
} > "$D/season1/ep10.txt"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Lee>We talk about whales today.\n\n01:02:03.000 --> 01:02:05.000\n<v Bob Stone>And tuna, at length.\n' > "$D/season2/captions.vtt"
printf 'x' > "$D/season2/thumb.jpg"
printf '{"title": "not a transcript"}\n' > "$D/season2/captions.info.json"
printf 'Ana Lima: hidden\n' > "$D/.git/notes.txt"
touch -d '2024-01-01 00:00' "$D/season1/ep2.txt"
touch -d '2024-06-01 00:00' "$D/season1/ep10.txt"
touch -d '2023-01-01 00:00' "$D/season2/captions.vtt"

HEAD=' Title                               Speakers          Words     Time  Read   ★'
WHALES=' Whales of the deep                  Ana Lima, Bo C…     395'
DOLPHINS=' Dolphins at play                    Cy Dee, Ana Li…      28'
CAPTIONS=' captions                            Ann Lee, Bob S…       9  1:02:03'

# titles N: the titles of the three rows of screen N.
titles() {
	screen "$1" | sed -n 2,4p | sed 's/   .*//'
}

# selected N: the row of screen N in reverse video (the selection).
selected() {
	attrs "$1" | grep -n '^RRRRRRRRRR' | head -1 | cut -d: -f1
}

# The list: natural order (ep2 before ep10), hidden folders and what is
# no transcript left out; words counted, the captions' duration.
run 80x8 '<dump> q' "$D"
expect lib/status "$RC" 0
expect lib/list "$(screen 1)" "$HEAD
$WHALES
$DOLPHINS
$CAPTIONS



 3 documents · by name                                                   h:help"
expect lib/list-selected "$(selected 1)" 2

# Enter opens the selected document; q comes back to the list, where its
# place is its progress; * made there is counted.
run 80x8 'j <Enter> <dump> G q <dump> k <Enter> J * q <dump> q' "$D"
expect lib/open "$(reader 1 1)" "Dolphins at play"
expect lib/open-status "$(line 1 8 | grep -o 'file 2/3')" "file 2/3"
expect lib/back "$(line 2 3)" "$DOLPHINS            62%"
expect lib/back-selected "$(selected 2)" 3
expect lib/highlight-counted "$(line 3 2)" "$WHALES             0%  ★1"
expect lib/quit "$RC" 0

# o sorts by date (newest first), then progress (most read first), then
# name again.
KEEP_STATE=1
run 80x8 'o <dump> o <dump> o <dump> q' "$D"
expect lib/sort-date "$(screen 1 | sed -n 2,4p)" "$DOLPHINS            62%
$WHALES             0%  ★1
$CAPTIONS"
expect lib/sort-date-said "$(line 1 8 | sed 's/^ *//; s/  .*//')" "Sorted by date"
expect lib/sort-progress "$(titles 2)" " Dolphins at play
 Whales of the deep
 captions"
expect lib/sort-name "$(titles 3)" " Whales of the deep
 Dolphins at play
 captions"

# & filters as one types (titles, speakers, names); Enter keeps the
# filter, Esc shows every document again.
run 80x8 '& bob <dump> <Enter> <dump> <Esc> <dump> & zz <dump> <Esc> <dump> q' "$D"
expect lib/filter-typing "$(screen 1 | sed -n 2p)" "$CAPTIONS"
expect lib/filter-bar "$(line 1 8)" "&bob"
expect lib/filter-kept "$(line 2 8 | sed 's/  *h:help$//')" " 1 of 3 documents · & bob · by name"
expect lib/filter-cleared "$(titles 3)" " Whales of the deep
 Dolphins at play
 captions"
expect lib/filter-none "$(line 4 2)" " No document matches"
expect lib/filter-cancelled "$(titles 5 | sed -n 3p)" " captions"

# / finds a document by its title or a speaker as one types; n, N go on.
run 80x8 '/ cy <dump> <Enter> / bob <Enter> <dump> g / ana <Enter> n <dump> n <dump> N <dump> / nobody <dump> <Esc> <dump> q' "$D"
expect lib/find-speaker "$(selected 1)" 3
expect lib/find-bar "$(line 1 8)" "/cy"
expect lib/find-title "$(selected 2)" 4
expect lib/find-n "$(selected 3)" 3
expect lib/find-n-wraps "$(selected 4)" 2
expect lib/find-N "$(selected 5)" 3
expect lib/find-none "$(line 6 8 | sed 's/  */ /g')" "/nobody no match"
expect lib/find-cancel "$(selected 7)" 3

# F searches the text of every document: the matches by document; Enter
# opens one at its match (the search goes on there with n); q comes back
# to the matches, Esc to the list.
run 80x8 'F whale <Enter> <dump> j j <Enter> <dump> n <dump> q <dump> G <Enter> <dump> q <Esc> <dump> q' "$D"
expect lib/search-all "$(screen 1)" " Matches
 Whales of the deep  31 matches
    Whales of the deep
    Paragraph 1 of the whale talk, with some words.
    Paragraph 2 of the whale talk, with some words.
    Paragraph 3 of the whale talk, with some words.
    Paragraph 4 of the whale talk, with some words.
 32 matches in 2 documents for whale · Esc: the list                     h:help"
expect lib/search-open "$(reader 2 1)" "Ana Lima: Paragraph 1 of the whale talk, with some"
expect lib/search-open-match "$(line 2 8 | grep -o '2/31')" "2/31"
expect lib/search-open-highlight "$(attrs 2 | sed -n 1p | sed 's/^.\{30\}//' | grep -o 'R*' | sort | tail -1)" "RRRRR"
expect lib/search-n "$(line 3 8 | grep -o '3/31')" "3/31"
expect lib/search-back "$(line 4 1)" " Matches"
expect lib/search-last-doc "$(reader 5 1)" "[00:00:01] Ann Lee: We talk about whales today."
expect lib/search-esc "$(line 6 1)" "$HEAD"
expect lib/search-none "$(run 80x8 'F zzzz <Enter> <dump> q' "$D"; line 1 2)" "    No match"

# :n and :p follow the list's order, as sorted.
run 80x8 'o g <Enter> <dump> :n <dump> :n <dump> :n <dump> q q' "$D"
# (Each opens where it was left.)
expect lib/next-sorted "$(reader 1 1)" "Cy Dee: Dolphin line 4."
expect lib/next-sorted-2 "$(reader 2 1)" "Ana Lima: Paragraph 1 of the whale talk, with some"
expect lib/next-sorted-2-status "$(line 2 8 | grep -o 'file 2/3')" "file 2/3"
expect lib/next-sorted-3 "$(line 3 8 | grep -o 'file 3/3')" "file 3/3"
expect lib/next-last "$(line 4 8 | sed 's/^ *//; s/  .*//')" "This is the last file"

# The cache: what is known comes back without reading the documents: a
# file changed behind the cache's back (same size, time and inode) keeps
# the title the cache has, until its notes are read again; a changed one
# is read again.
rm -rf "$XDG_STATE_HOME"
run 80x8 'q' "$D"
check lib/cache-file test -s "$XDG_STATE_HOME/lectern/library.cache"
cp "$D/season1/ep10.txt" "$TMP/ep10.txt"
sed 's/^Dolphins at play$/Dolphins at work/' "$TMP/ep10.txt" > "$TMP/ep10.new"
cat "$TMP/ep10.new" > "$D/season1/ep10.txt"
touch -d '2024-06-01 00:00' "$D/season1/ep10.txt"
run 80x8 '<dump> q' "$D"
expect lib/cache-used "$(line 1 3)" "$DOLPHINS"
run 80x8 'j <Enter> q <dump> q' "$D"
expect lib/cache-content-changed "$(line 1 3 | cut -c1-20)" " Dolphins at work   "
cat "$TMP/ep10.txt" > "$D/season1/ep10.txt"
printf 'Ana Lima: One more whale.\n' >> "$D/season1/ep10.txt"
touch -d '2024-06-02 00:00' "$D/season1/ep10.txt"
run 80x8 '<dump> q' "$D"
expect lib/cache-changed "$(line 1 3 | sed 's/ *[0-9]*%$//')" " Dolphins at play                    Ana Lima, Cy D…      31"
KEEP_STATE=

# With --library (here from the configuration file), lectern alone opens
# the library; a file named still opens the file.
mkdir -p "$XDG_CONFIG_HOME/lectern"
printf 'library=%s\n' "$D" > "$XDG_CONFIG_HOME/lectern/config"
run 80x8 '<dump> q'
expect lib/configured "$(line 1 1)" "$HEAD"
run 80x8 '<dump> q' "$D/season1/ep2.txt"
expect lib/configured-file "$(reader 1 1)" "Whales of the deep"
rm "$XDG_CONFIG_HOME/lectern/config"

# An empty folder, and one that is not there.
mkdir -p "$TMP/empty"
run 80x8 '<dump> q' "$TMP/empty"
expect lib/empty "$(line 1 2)" " No transcripts in this folder"
status lib/missing 2 $PTYRUN -s 80x8 -t 5 -- $LECTERN --library="$TMP/nope"
status lib/missing-alone 2 $LECTERN --library="$TMP/nope" --outline "$TMP/nope"
