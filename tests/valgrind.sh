#!/bin/sh
# valgrind.sh: the unit tests, the fuzz corpus, the plain outputs and a
# scripted session of the reader under valgrind: no errors, no leaks.
# Run by make valgrind (not by make test: it is slow).
. tests/lib.sh
. tests/screenlib.sh
VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect"
I=assets/interview.txt

vg() {
	name=$1; shift
	$VG "$@" > "$TMP/out" 2> "$TMP/vg"
	rc=$?
	if [ $rc -eq 99 ] || grep -q '==[0-9]*==' "$TMP/vg"; then
		fail "valgrind/$name" "$(grep -m3 '==[0-9]*==' "$TMP/vg" | tr '\n' ' ')"
	else
		pass "valgrind/$name"
	fi
}

vg unit ./tests/unit
vg fuzz-corpus ./tests/fuzzrun $(ls -d tests/fuzz/corpus/* tests/fuzz/regress/* 2>/dev/null)
vg fuzz-state-corpus ./tests/fuzzstate $(ls -d tests/fuzz/state-corpus/* tests/fuzz/state-regress/* 2>/dev/null)
vg dump $LECTERN --dump=60 $I
vg outline $LECTERN --outline $I
vg grep $LECTERN --grep superint $I
vg count $LECTERN -E --count 'sup.r' $I
vg export $LECTERN --export-highlights $I
# The reader, every view, on a pseudo-terminal.
printf '%s\n' 'j G g ] } J * /superint <Enter> n N ?the <Esc> t <Tab> j <Enter> h x H <Esc> s j <Enter> S ma '"'"'a y <resize:40x10> <resize:100x30> <click:5,3> <wheeldown> q' > "$TMP/keys"
LECTERN_SCRIPT="$TMP/keys" $PTYRUN -s 100x30 -t 120 -o "$TMP/tty" -- $VG --log-file="$TMP/vg-reader" $LECTERN $I < /dev/null
rc=$?
if [ $rc -ne 0 ] || grep -q '==[0-9]*==' "$TMP/vg-reader"; then
	fail valgrind/reader "status $rc; $(grep -m3 '==[0-9]*==' "$TMP/vg-reader" | tr '\n' ' ')"
else
	pass valgrind/reader
fi
# The same at 40 columns, through the paths of the search bar's layout,
# the help's wrapping, counts, the filter, escape sequences and y.
printf '%s\n' '3] 2} /superintelligence<Space>alignment<Space>team <C-w> <Tab> <Tab> <C-r> <Enter> / <Enter> ? <Esc> 2n h <Space> <Space> G x s j j <Enter> /think <Enter> n S <raw:1b5b317e> <raw:1b5b39397e> JJJJJ y t j <Enter> '"''"' q' > "$TMP/keys"
LECTERN_SCRIPT="$TMP/keys" $PTYRUN -s 40x12 -t 120 -o "$TMP/tty" -- $VG --log-file="$TMP/vg-reader2" $LECTERN --center $I < /dev/null
rc=$?
if [ $rc -ne 0 ] || grep -q '==[0-9]*==' "$TMP/vg-reader2"; then
	fail valgrind/reader-narrow "status $rc; $(grep -m3 '==[0-9]*==' "$TMP/vg-reader2" | tr '\n' ' ')"
else
	pass valgrind/reader-narrow
fi
# Times: the outputs and the reader's paths through them (the go-to-time
# bar, a bad time, a count, # and the contents' times).
vg grep-times $LECTERN --grep salt tests/data/times.vtt
vg dump-times $LECTERN --dump=40 tests/data/chapters.txt
printf '%s\n' "T 1h2x <Enter> <BS> <BS> <BS> 12:19 <Enter> '' 3T T <Esc> <hash> <hash> } J * y T 9h <Enter> <resize:40x12> T 5 <Enter> q" > "$TMP/keys"
LECTERN_SCRIPT="$TMP/keys" $PTYRUN -s 100x30 -t 120 -o "$TMP/tty" -- $VG --log-file="$TMP/vg-reader3" $LECTERN tests/data/times.vtt < /dev/null
rc=$?
if [ $rc -ne 0 ] || grep -q '==[0-9]*==' "$TMP/vg-reader3"; then
	fail valgrind/reader-times "status $rc; $(grep -m3 '==[0-9]*==' "$TMP/vg-reader3" | tr '\n' ' ')"
else
	pass valgrind/reader-times
fi
vg export-times $LECTERN --export-highlights tests/data/times.vtt
# The notes: the lists of marks and highlights, deleting, clearing after
# the question, a note typed and kept, the history with its modes.
printf '%s\n' "]] ma ]] mb L j <Enter> '' L d <Esc> ]] J J * ]] J * H j a A<Space>note <Enter> a <BS> <Esc> d D n D y <Esc> ?sup.r<C-r><Tab> <Enter> / <Up> <Up> <Down> <Esc> q" > "$TMP/keys"
LECTERN_SCRIPT="$TMP/keys" $PTYRUN -s 60x20 -t 120 -o "$TMP/tty" -- $VG --log-file="$TMP/vg-reader4" $LECTERN $I < /dev/null
rc=$?
if [ $rc -ne 0 ] || grep -q '==[0-9]*==' "$TMP/vg-reader4"; then
	fail valgrind/reader-notes "status $rc; $(grep -m3 '==[0-9]*==' "$TMP/vg-reader4" | tr '\n' ' ')"
else
	pass valgrind/reader-notes
fi
printf '%s\n' "t jjj <Enter> <hash> t <Tab> <hash> <Tab> q" > "$TMP/keys"
LECTERN_SCRIPT="$TMP/keys" $PTYRUN -s 60x20 -t 120 -o "$TMP/tty" -- $VG --log-file="$TMP/vg-reader4" $LECTERN tests/data/chapters.txt < /dev/null
rc=$?
if [ $rc -ne 0 ] || grep -q '==[0-9]*==' "$TMP/vg-reader4"; then
	fail valgrind/reader-contents-times "status $rc; $(grep -m3 '==[0-9]*==' "$TMP/vg-reader4" | tr '\n' ' ')"
else
	pass valgrind/reader-contents-times
fi

# Several files and folders in the plain outputs, with a configuration
# file and LECTERN.
mkdir -p "$TMP/lib/s1" "$XDG_CONFIG_HOME/lectern"
printf 'T one\nAna Lima: A whale here.\n' > "$TMP/lib/s1/ep2.txt"
printf 'T two\nBo Chen: Whales.\nAna Lima: Yes.\n' > "$TMP/lib/s1/ep10.txt"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Cy>Whale song.\n' > "$TMP/lib/c.vtt"
printf 'no-toc\nfrob\nmap w page-down\nmap :q quit\nmap x nothing\n' > "$XDG_CONFIG_HOME/lectern/config"
BIN=$LECTERN
(
	# LECTERN in the environment is lectern's options.
	export LECTERN="--palette=light --bad"
	vg several-count $BIN --count whale $I "$TMP/lib"
	vg several-grep $BIN --grep whale "$TMP/lib"
	vg several-dump $BIN --dump=40 "$TMP/lib" $I
	vg keys $BIN --keys
)
# vgrun NAME SIZE KEYS ARGS...: a scripted session under valgrind.
vgrun() {
	name=$1 size=$2; shift 2
	printf '%s\n' "$1" > "$TMP/keys"; shift
	LECTERN_SCRIPT="$TMP/keys" $PTYRUN -s "$size" -t 240 -o "$TMP/tty" -- $VG --log-file="$TMP/vg-$name" $LECTERN "$@" < /dev/null
	rc=$?
	if [ $rc -ne 0 ] || grep -q '==[0-9]*==' "$TMP/vg-$name"; then
		fail "valgrind/$name" "status $rc; $(grep -m3 '==[0-9]*==' "$TMP/vg-$name" | tr '\n' ' ')"
	else
		pass "valgrind/$name"
	fi
}
# Ten files: :n and :p past eight open, a search kept as text.
for k in 1 2 3 4 5 6 7 8 9 10; do
	{ cat $I; echo "Rob Wiblin: File $k."; } > "$TMP/f$k.txt"
done
vgrun files 100x30 '] /jobs <Enter> :n :n :n :n :n :n :n :n :n J * :p :p :p :p :p :p :p :p :p n w :q' \
    "$TMP"/f1.txt "$TMP"/f2.txt "$TMP"/f3.txt "$TMP"/f4.txt "$TMP"/f5.txt \
    "$TMP"/f6.txt "$TMP"/f7.txt "$TMP"/f8.txt "$TMP"/f9.txt "$TMP"/f10.txt
# The library: the list, opening and coming back, sorting, filtering,
# finding, searching every document and opening a match; then again
# from the cache.
vgrun library 80x12 'j <Enter> J * :n q o o o &an <Enter> <Esc> /bo <Enter> n N F whale <Enter> j <Enter> n q <Esc> h <Esc> <click:3,2> <click:3,2> q q' "$TMP/lib"
vgrun library-cached 80x12 '<Enter> q F zzz <Enter> <Esc> q' "$TMP/lib"
vgrun open-at 80x12 'n q' +/whale "$TMP/lib/c.vtt" --at=0:01 --section=x
