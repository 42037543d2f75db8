#!/bin/sh
# bench.sh: times lectern next to less (and grep) on the bundled interview
# and on generated transcripts of growing size, and prints a Markdown table.
#
# Usage, from the repository root after `make`:  sh tests/bench/bench.sh
# Environment:
#   BENCH_DIR      where transcripts (kept across runs) and bench.md go;
#                  default: a new directory under ${TMPDIR:-/tmp}
#   BENCH_SIZES    sizes to generate (default "1M 100M 1G"; K, M, G are 1024-based)
#   BENCH_QUICK=1  only 1M and 10M, and a library of 100 files of 100K
#   BENCH_LIBRARY  the library opened: COUNTxSIZE (default 1000x1M, 1 GB)
#   BENCH_ONLY=page  only the web page rows (a 3 MB page against w3m -dump)
#   BENCH_FS_MORE  first screens of each file beyond the 3 (default 6)
#   BENCH_TIMEOUT  seconds allowed for each screen or response (default 120);
#                  a run that takes longer is recorded as "timeout"
#   LECTERN_BIN, PTYRUN  the programs (default ./lectern, ./tests/ptyrun)
#
# Every timing is the median of 3 runs (a first screen's, of 3 and
# BENCH_FS_MORE more). Responses are timed by ptyrun -r: from sending a
# key to the last byte written before the program is quiet (150 ms
# without output and, after a key, without using CPU time).

cd "$(dirname "$0")/../.." || exit 2

# LECTERN in the environment holds lectern's options: not the binary.
_bin=${LECTERN_BIN:-./lectern}
unset LECTERN
LECTERN=$_bin
PTYRUN=${PTYRUN:-./tests/ptyrun}
TIMEOUT=${BENCH_TIMEOUT:-120}
RUNS=3
FS_MORE=${BENCH_FS_MORE:-6}	# first screens beyond the RUNS of open_runs
RARE=quuxfrobnication
BAD=failed			# what a value missing from the last run stands for
INTERVIEW=assets/interview.txt
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	SIZES="1M 10M"
	LIBRARY=${BENCH_LIBRARY:-100x100K}
else
	SIZES=${BENCH_SIZES:-1M 100M 1G}
	LIBRARY=${BENCH_LIBRARY:-1000x1M}
fi
PAGE_ONLY=
if [ "${BENCH_ONLY:-}" = page ]; then
	PAGE_ONLY=1 SIZES=
fi

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

for p in "$LECTERN" "$PTYRUN"; do
	[ -x "$p" ] || die "$p is missing: run make and make tests/ptyrun first"
done
command -v less > /dev/null || die "less is not installed"
command -v cc > /dev/null || die "no C compiler (cc)"
case $TIMEOUT in ''|*[!0-9]*) die "BENCH_TIMEOUT must be a number of seconds";; esac

if [ -n "${BENCH_DIR:-}" ]; then
	mkdir -p "$BENCH_DIR" || die "cannot make $BENCH_DIR"
else
	BENCH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/lectern-bench.XXXXXX") || die "mktemp failed"
fi
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
W="$BENCH_DIR/work"		# reports and scratch files of this run
rm -rf "$W"
mkdir -p "$W" "$BENCH_DIR/home" "$BENCH_DIR/state" "$BENCH_DIR/config" || exit 2
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT TERM HUP

# A known, private environment for lectern and less alike.
export TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC LESSHISTFILE=-
export HOME="$BENCH_DIR/home" XDG_STATE_HOME="$BENCH_DIR/state" XDG_CONFIG_HOME="$BENCH_DIR/config"
unset LESS LESSOPEN LESSCLOSE LESSKEY LESSKEYIN LESSKEY_SYSTEM LESSCHARSET NO_COLOR \
    COLUMNS LINES LECTERN_SCRIPT LECTERN_DUMP GREP_OPTIONS GREP_COLORS

# Every run gets at most three quarters of the memory available now as its
# address space, so that a run that grows too far fails alone.
avail_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo 2>/dev/null)
VLIMIT=$(( ${avail_kb:-8388608} * 3 / 4 ))

# limited COMMAND...: runs the command within the memory limit (ulimit -v is
# not in POSIX but dash, bash and busybox sh have it; without it, no limit).
limited() {
	( ulimit -v "$VLIMIT" 2>/dev/null; exec "$@" )
}

say "compiling gentranscript"
cc -O2 -o "$W/gentranscript" tests/bench/gentranscript.c || die "cannot compile gentranscript"

NOTES="$W/notes"		# lines printed under the table
ROWS="$W/rows"			# ORDER|measure|size|lectern|other|ratio
: > "$NOTES"
: > "$ROWS"

note() { printf '%s\n' "$*" >> "$NOTES"; say "$*"; }

# bytes_of SIZE: SIZE (1000, 64K, 100M, 1G) in bytes, or nothing if malformed.
bytes_of() {
	n=${1%[kKmMgG]}
	case $n in ''|*[!0-9]*) return;; esac
	case $1 in
	*[kK]) echo $((n * 1024)) ;;
	*[mM]) echo $((n * 1048576)) ;;
	*[gG]) echo $((n * 1073741824)) ;;
	*) echo "$n" ;;
	esac
}

# free_kb DIR: kilobytes free in the file system holding DIR.
free_kb() {
	df -Pk "$1" | awk 'NR == 2 { print $4 }'
}

# pty REPORT COLSxROWS KEYS COMMAND...: runs COMMAND on a terminal with a key
# script, writing ptyrun's report; returns ptyrun's status (124: timeout).
# Each run starts with no saved state, so that lectern opens at the top.
pty() {
	rep=$1 win=$2 keys=$3
	shift 3
	rm -f "$rep"
	rm -rf "$XDG_STATE_HOME" && mkdir -p "$XDG_STATE_HOME" || exit 2
	# A first screen is at least a quarter of the cells (not just the set-up
	# sequences that curses may send before the program is done loading).
	cells=$(( ${win%x*} * ${win#*x} / 4 ))
	limited "$PTYRUN" -s "$win" -t "$TIMEOUT" -a "$((TIMEOUT * 1000))" -f "$cells" -i \
	    -r "$rep" -K "$keys" -- "$@" < /dev/null > /dev/null 2>> "$W/stderr"
	prc=$?
	if [ $prc = 124 ]; then BAD=timeout; else BAD=failed; fi
	return $prc
}

# rep NAME FILE: the value of a "NAME value" line of a report.
rep() {
	awk -v k="$1" '$1 == k { print $2; exit }' "$2" 2>/dev/null
}

# repkey KIND N FIELD FILE: field FIELD (3: time, 4: bytes) of line "KIND N".
repkey() {
	awk -v k="$1" -v n="$2" -v f="$3" '$1 == k && $2 == n { print $f; exit }' "$4" 2>/dev/null
}

# num VALUE: VALUE if it is a number, else what the last run came to
# ("timeout" or "failed", set by pty).
num() {
	case $1 in
	''|-|*[!0-9.]*) echo "$BAD" ;;
	*) echo "$1" ;;
	esac
}

# median FILE: the median of the values in FILE, one a line; the first
# that is not a number ("timeout", "failed") if any, "n/a" if there are none.
median() {
	[ -s "$1" ] || { echo n/a; return; }
	if grep -qv '^[0-9.][0-9.]*$' "$1"; then
		grep -v '^[0-9.][0-9.]*$' "$1" | sed -n 1p
		return
	fi
	sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.2f\n", v[int((NR + 1) / 2)] }'
}

# ratio A B: A/B as "N.N×", or "–" when either is not a positive number.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "–"; exit }
		r = a / b
		printf (r >= 100 ? "%.0f×\n" : r >= 10 ? "%.1f×\n" : r >= 0.1 ? "%.2f×\n" : "%.2g×\n"), r
	}'
}

# row ORDER MEASURE SIZE LECTERN OTHER: adds a row to the table.
row() {
	printf '%s|%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" "$5" "$(ratio "$4" "$5")" >> "$ROWS"
}

# failed NAME STATUS: says why a run ended badly, as a note.
failed() {
	case $2 in
	124) note "$1: timeout (more than ${TIMEOUT} s for a screen or a response)" ;;
	*) note "$1: ptyrun exited with status $2$(tail -n 1 "$W/stderr" 2>/dev/null | sed 's/^/ (/; s/$/)/')" ;;
	esac
}

# open_runs TAG LABEL COMMAND...: RUNS runs of "G q" at 100x30; medians of
# the first screen, of the G response and of the peak RSS go to TAG.*.
open_runs() {
	tag=$1 what=$2
	shift 2
	: > "$W/$tag.fs"; : > "$W/$tag.g"; : > "$W/$tag.rss"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		pty "$W/r" 100x30 "G q" "$@"
		rc=$?
		num "$(rep first_screen_ms "$W/r")" >> "$W/$tag.fs"
		num "$(repkey key 1 3 "$W/r")" >> "$W/$tag.g"
		if [ $rc = 0 ]; then
			num "$(rep maxrss_kb "$W/r")" >> "$W/$tag.rss"
		else
			echo "$BAD" >> "$W/$tag.rss"
			failed "$what: open, G, q" $rc
			break
		fi
	done
}

# more_screens FILE: FS_MORE more first screens (then q) of lectern and of
# less, one after the other, to lec.fs and less.fs: a first screen takes
# a few milliseconds, and the three of the G runs leave its median at the
# mercy of a noisy machine.
more_screens() {
	i=0
	while [ $i -lt "$FS_MORE" ]; do
		i=$((i + 1))
		pty "$W/r" 100x30 "q" "$LECTERN" "$1" &&
		    num "$(rep first_screen_ms "$W/r")" >> "$W/lec.fs"
		pty "$W/r" 100x30 "q" less "$1" &&
		    num "$(rep first_screen_ms "$W/r")" >> "$W/less.fs"
	done
}

# cold_runs TAG COMMAND... FILE: RUNS first screens (then q), FILE put out
# of the page cache before each (dd's nocache, which needs no privilege;
# the programs and their libraries stay in it); the median to TAG.cold.
# What a reader sees opening an archive not read lately.
cold_runs() {
	tag=$1
	shift
	eval "cf=\${$#}"
	: > "$W/$tag.cold"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		dd if="$cf" iflag=nocache count=0 status=none 2>> "$W/stderr"
		pty "$W/r" 100x30 "q" "$@"
		num "$(rep first_screen_ms "$W/r")" >> "$W/$tag.cold"
	done
}

# search_runs_lectern LABEL FILE: RUNS runs typing /quuxfrobni one key at a
# time; medians of the response to / and of the mean and the max response
# of the 10 letters.
search_runs_lectern() {
	: > "$W/lec.slash"; : > "$W/lec.smean"; : > "$W/lec.smax"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		pty "$W/r" 100x30 "/ q u u x f r o b n i <Enter> q" "$LECTERN" "$2"
		rc=$?
		awk -v bad="$BAD" '$1 == "key" && $2 >= 2 && $2 <= 11 { n++; if ($3 !~ /^[0-9.]+$/) nonnum = 1
			s += $3; if ($3 + 0 > m) m = $3 + 0 }
		    END { if (n != 10 || nonnum) { print bad; print bad }
			  else { printf "%.2f\n%.2f\n", s / n, m } }' "$W/r" > "$W/s" 2>/dev/null
		num "$(repkey key 1 3 "$W/r")" >> "$W/lec.slash"
		sed -n 1p "$W/s" >> "$W/lec.smean"
		sed -n 2p "$W/s" >> "$W/lec.smax"
		if [ $rc != 0 ]; then
			failed "$1: /quuxfrobni" $rc
			break
		fi
	done
}

# search_runs_less LABEL FILE: RUNS runs of /quuxfrobnication<Enter> in less;
# the medians of the response to / and to Enter.
search_runs_less() {
	: > "$W/less.slash"; : > "$W/less.search"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		pty "$W/r" 100x30 "/ $RARE <Enter> q" less "$2"
		rc=$?
		num "$(repkey key 1 3 "$W/r")" >> "$W/less.slash"
		num "$(repkey key 3 3 "$W/r")" >> "$W/less.search"
		if [ $rc != 0 ]; then
			failed "$1: /$RARE<Enter>" $rc
			break
		fi
	done
}

# resize_runs TAG LABEL COMMAND...: RUNS runs of a resize from 100x30 to
# 80x24 once the first screen is settled (read on and quiet); the median
# response.
resize_runs() {
	tag=$1 what=$2
	shift 2
	: > "$W/$tag.resize"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		pty "$W/r" 100x30 "<wait> <resize:80x24> <wait> q" "$@"
		rc=$?
		num "$(repkey resize 1 3 "$W/r")" >> "$W/$tag.resize"
		if [ $rc != 0 ]; then
			failed "$what: resize" $rc
			break
		fi
	done
}

# bytes_run TAG LABEL COMMAND...: the bytes written for j and for Space at
# 80x24 (one run: they do not vary) to TAG.j and TAG.space.
bytes_run() {
	tag=$1 what=$2
	shift 2
	pty "$W/r" 80x24 "j <Space> q" "$@"
	rc=$?
	if [ $rc = 0 ]; then
		num "$(repkey key 1 4 "$W/r")" > "$W/$tag.j"
		num "$(repkey key 2 4 "$W/r")" > "$W/$tag.space"
	else
		echo "$BAD" > "$W/$tag.j"
		echo "$BAD" > "$W/$tag.space"
		failed "$what: j, Space" $rc
	fi
}

# wall TAG WHAT COMMAND...: RUNS wall-clock timings (ms) of a command whose
# output is its count, to TAG.ms; the count to TAG.out.
wall() {
	tag=$1 what=$2
	shift 2
	: > "$W/$tag.ms"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		wall_once "$tag" "$what" "$@" || break
	done
}

# wall_once TAG LABEL COMMAND...: one run of the command; its time in ms
# is added to TAG.ms (or "timeout", "failed": then it returns 1).
wall_once() {
	tag=$1 what=$2
	shift 2
	t0=$(date +%s%N)
	limited timeout "$TIMEOUT" "$@" > "$W/$tag.out" 2>> "$W/stderr"
	rc=$?
	t1=$(date +%s%N)
	if [ $rc = 124 ]; then
		echo timeout >> "$W/$tag.ms"
		note "$what: timeout (more than ${TIMEOUT} s)"
		return 1
	elif [ $rc -gt 1 ]; then	# grep -c exits 1 for no match
		echo failed >> "$W/$tag.ms"
		if [ $rc -gt 128 ]; then
			note "$what: killed by signal $((rc - 128))"
		else
			note "$what: exit status $rc"
		fi
		return 1
	fi
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", (b - a) / 1e6 }' >> "$W/$tag.ms"
}

# per_100m MS BYTES: a time in ms scaled to 100 MiB of input.
per_100m() {
	awk -v ms="$1" -v b="$2" 'BEGIN {
		if (ms !~ /^[0-9.]+$/ || b + 0 == 0) { print ms; exit }
		printf "%.1f\n", ms * 104857600 / b }'
}

# rss_cell KB FILESIZE: peak RSS over file size, and the RSS in MiB.
rss_cell() {
	awk -v kb="$1" -v sz="$2" 'BEGIN {
		if (kb !~ /^[0-9.]+$/) { print kb; exit }
		printf "%.3f (%.1f MiB)\n", kb * 1024 / sz, kb / 1024 }'
}

# key_runs TAG LABEL KEYS FILE: RUNS runs of lectern typing KEYS once the
# document is read (a <wait> first: quiet and no CPU time used), each
# key's response to TAG.K (K from 1), the resize's to TAG.resize.
key_runs() {
	tag=$1 what=$2 keys=$3 file=$4
	rm -f "$W/$tag".*
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		pty "$W/r" 100x30 "<wait> $keys q" "$LECTERN" "$file"
		rc=$?
		awk -v w="$W/$tag" '$1 == "key" { print $3 >> (w "." $2) }
		    $1 == "resize" { print $3 >> (w ".resize") }' "$W/r"
		if [ $rc != 0 ]; then
			failed "$what: $keys" $rc
			break
		fi
	done
}

# key_stat TAG FIRST LAST: the mean and the max of the medians of keys
# FIRST to LAST of key_runs TAG, as "MEAN MAX".
key_stat() {
	k=$2 acc=
	while [ "$k" -le "$3" ]; do
		acc="$acc $(median "$W/$1.$k")"
		k=$((k + 1))
	done
	echo "$acc" | awk '{ for (i = 1; i <= NF; i++) { if ($i !~ /^[0-9.]+$/) {
		print $i, $i; exit } s += $i; if ($i > m) m = $i }
		printf "%.2f %.2f\n", s / NF, m }'
}

# pasted_runs TAG FILE: RUNS runs of /RARE<Enter> typed as one paste right
# after the first screen; the time from / to the match shown, to TAG.ms.
pasted_runs() {
	tag=$1 file=$2
	shift 2
	: > "$W/$tag.ms"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		pty "$W/r" 100x30 "/ $RARE <Enter> q" "$@" "$file"
		awk '$1 == "key" && $2 <= 3 { if ($3 !~ /^[0-9.]+$/) bad = 1; s += $3 }
		    END { if (bad) print "failed"; else printf "%.2f\n", s }' \
		    "$W/r" >> "$W/$tag.ms"
	done
}

# writes_run TAG COMMAND...: the write() calls to the terminal for j, Space
# and d at 80x24 (strace), to TAG.j, TAG.space and TAG.d.
writes_run() {
	tag=$1
	shift
	for k in j "<Space>" d; do
		n=$(strace -f -o "$W/strace0" -e trace=write "$PTYRUN" -s 80x24 \
		    -t "$TIMEOUT" -K "<wait> q" -- "$@" < /dev/null > /dev/null 2>&1;
		    grep -c 'write(1,' "$W/strace0")
		m=$(strace -f -o "$W/strace1" -e trace=write "$PTYRUN" -s 80x24 \
		    -t "$TIMEOUT" -K "<wait> $k <wait> q" -- "$@" < /dev/null \
		    > /dev/null 2>&1; grep -c 'write(1,' "$W/strace1")
		case $k in "<Space>") f=space ;; *) f=$k ;; esac
		echo $((m - n)) > "$W/$tag.$f"
	done
}

# stats_cell FILE SIZE: lectern's memory by kind (LECTERN_STATS), as
# shares of the file's size.
stats_cell() {
	awk -v sz="$2" '{ v[$1] = $2 } END { if (!("mapping" in v)) { print "n/a"; exit }
		printf "mapping %.2f, text %.3f, model %.3f, search %.3f, layout %.4f\n",
		    v["mapping"] / sz, (v["text"] + v["converted"]) / sz,
		    v["model"] / sz, v["search"] / sz, v["layout"] / sz }' "$1" 2>/dev/null
}

# bench FILE LABEL: every measure on one file.
bench() {
	file=$1 label=$2
	fsize=$(wc -c < "$file" | tr -d ' ')
	say "$label, $fsize bytes: lectern"

	open_runs lec "lectern $label" "$LECTERN" "$file"
	fs=$(median "$W/lec.fs")
	if [ "$fs" = timeout ] || [ "$fs" = failed ]; then
		# No first screen: the other lectern runs would not get one either.
		for f in lec.cold lec.slash lec.smean lec.smax lec.resize lec.j lec.space lecn.j lecn.space; do
			echo "$fs" > "$W/$f"
		done
		note "lectern $label: no first screen ($fs); its other screen measures are skipped"
	else
		search_runs_lectern "lectern $label" "$file"
		resize_runs lec "lectern $label" "$LECTERN" "$file"
		bytes_run lec "lectern $label" "$LECTERN" "$file"
		bytes_run lecn "lectern --no-toc $label" "$LECTERN" --no-toc "$file"
		key_runs lecsa "lectern $label" \
		    "/ s u p e r a l i g n <BS> <Enter>" "$file"
		key_runs lecnx "lectern $label" \
		    "/ p e o p l e <Enter> n <resize:80x24> <wait>" "$file"
		key_runs lecet "lectern $label" "/ e t <BS> <Enter>" "$file"
		pasted_runs lecpaste "$file" "$LECTERN"
		LECTERN_STATS="$W/stats.read" pty "$W/r" 100x30 "<wait> G <wait> q" \
		    "$LECTERN" "$file"
		LECTERN_STATS="$W/stats.search" pty "$W/r" 100x30 \
		    "<wait> G <wait> / s u p e r a l i g n <Enter> q" "$LECTERN" "$file"
		num "$(rep maxrss_kb "$W/r")" > "$W/lec.srss"
		cold_runs lec "$LECTERN" "$file"
		if command -v strace > /dev/null; then
			writes_run lecw "$LECTERN" "$file"
			writes_run lecwn "$LECTERN" --no-toc "$file"
		fi
	fi
	wall lectern-count "lectern --count, $label" "$LECTERN" --count "$RARE" "$file"
	wall lectern-the "lectern --count the, $label" "$LECTERN" --count the "$file"

	say "$label: less and grep"
	open_runs less "less $label" less "$file"
	search_runs_less "less $label" "$file"
	resize_runs less "less $label" less "$file"
	cold_runs less less "$file"
	case $fs in timeout|failed) ;; *) more_screens "$file" ;; esac
	bytes_run less "less $label" less "$file"
	wall grep-c "grep -c, $label" grep -c "$RARE" "$file"
	wall grep-ic "grep -ic, $label" grep -ic "$RARE" "$file"
	pasted_runs lesspaste "$file" less
	if command -v rg > /dev/null; then
		wall rg-ic "rg -ic, $label" rg -ic "$RARE" "$file"
		wall rg-the "rg -i --count-matches the, $label" rg -i --count-matches the "$file"
	fi

	lc=$(cat "$W/lectern-count.out" 2>/dev/null) gc=$(cat "$W/grep-ic.out" 2>/dev/null)
	[ "$(median "$W/lectern-count.ms")" = timeout ] || [ "$lc" = "$gc" ] ||
	    note "$label: lectern --count says '$lc', grep -ic says '$gc'"

	row 1 "first complete screen (ms)" "$label" "$(median "$W/lec.fs")" "$(median "$W/less.fs")"
	row 1.5 "first screen, the file out of the page cache (ms)" "$label" \
	    "$(median "$W/lec.cold")" "$(median "$W/less.cold")"
	median "$W/lec.fs" > "$W/first.$size_tag"
	LAST_TAG=$size_tag
	row 2 "G: end shown (ms) ²" "$label" "$(median "$W/lec.g")" "$(median "$W/less.g")"
	row 3 "search: / opens the search bar (ms)" "$label" "$(median "$W/lec.slash")" "$(median "$W/less.slash")"
	row 4 "search, per letter of /quuxfrobni: mean (ms) ¹" "$label" \
	    "$(median "$W/lec.smean")" "$(median "$W/less.search")"
	row 5 "search, per letter of /quuxfrobni: max (ms) ¹" "$label" \
	    "$(median "$W/lec.smax")" "$(median "$W/less.search")"
	row 6 "--count $RARE vs grep -c (ms)" "$label" \
	    "$(median "$W/lectern-count.ms")" "$(median "$W/grep-c.ms")"
	row 7 "--count $RARE vs grep -ic (ms)" "$label" \
	    "$(median "$W/lectern-count.ms")" "$(median "$W/grep-ic.ms")"
	lr=$(median "$W/lec.rss") sr=$(median "$W/less.rss")
	printf '8|peak RSS / file size (open, G, q)|%s|%s|%s|%s\n' "$label" \
	    "$(rss_cell "$lr" "$fsize")" "$(rss_cell "$sr" "$fsize")" "$(ratio "$lr" "$sr")" >> "$ROWS"
	row 9 "bytes written for j, 80x24, contents shown" "$label" "$(cat "$W/lec.j")" "$(cat "$W/less.j")"
	row 10 "bytes written for j, 80x24, --no-toc" "$label" "$(cat "$W/lecn.j")" "$(cat "$W/less.j")"
	row 11 "bytes written for Space, 80x24, contents shown" "$label" "$(cat "$W/lec.space")" "$(cat "$W/less.space")"
	row 12 "bytes written for Space, 80x24, --no-toc" "$label" "$(cat "$W/lecn.space")" "$(cat "$W/less.space")"
	row 13 "resize 100x30 → 80x24 (ms)" "$label" "$(median "$W/lec.resize")" "$(median "$W/less.resize")"
	if command -v rg > /dev/null; then
		row 15 "--count $RARE vs rg -ic (ms)" "$label" \
		    "$(median "$W/lectern-count.ms")" "$(median "$W/rg-ic.ms")"
		row 16 "--count the vs rg -i --count-matches the (ms)" "$label" \
		    "$(median "$W/lectern-the.ms")" "$(median "$W/rg-the.ms")"
	fi
	set -- $(key_stat lecsa 2 11)
	row 17 "each letter of /superalign, settled: mean (ms)" "$label" "$1" ""
	row 18 "each letter of /superalign, settled: max (ms)" "$label" "$2" ""
	row 19 "Backspace in the bar (ms)" "$label" "$(median "$W/lecsa.12")" ""
	row 20 "n, the next match of /people (ms)" "$label" "$(median "$W/lecnx.9")" ""
	row 21 "resize 100x30 → 80x24 after a search (ms)" "$label" "$(median "$W/lecnx.resize")" ""
	row 22 "the second letter of a one-letter query (/e t) (ms)" "$label" "$(median "$W/lecet.3")" ""
	row 23 "/$RARE pasted on the first screen, to the match (ms)" "$label" \
	    "$(median "$W/lecpaste.ms")" "$(median "$W/lesspaste.ms")"
	lsr=$(cat "$W/lec.srss" 2>/dev/null)
	printf '24|peak RSS / file size (open, G, a search, q)|%s|%s|%s|%s\n' "$label" \
	    "$(rss_cell "$lsr" "$fsize")" "$(rss_cell "$sr" "$fsize")" "$(ratio "$lsr" "$sr")" >> "$ROWS"
	printf '25|memory by kind / file size, reading|%s|%s|||\n' "$label" \
	    "$(stats_cell "$W/stats.read" "$fsize")" >> "$ROWS"
	printf '26|memory by kind / file size, after a search|%s|%s|||\n' "$label" \
	    "$(stats_cell "$W/stats.search" "$fsize")" >> "$ROWS"
	for k in j space d; do
		[ -f "$W/lecw.$k" ] || continue
		row 27 "write() calls for $k, contents shown" "$label" "$(cat "$W/lecw.$k")" 1
		row 28 "write() calls for $k, --no-toc" "$label" "$(cat "$W/lecwn.$k")" 1
	done
	rm -f "$W"/lec.* "$W"/lecn.* "$W"/lecsa.* "$W"/lecnx.* "$W"/lecet.* "$W"/lecw.* \
	    "$W"/lecwn.* "$W"/less.* "$W"/*.ms "$W"/*.out "$W"/stats.*
}

size_tag=interview
[ -n "$PAGE_ONLY" ] || bench "$INTERVIEW" "interview ($(wc -c < "$INTERVIEW" | tr -d ' ') B)"

for size in $SIZES; do
	bytes=$(bytes_of "$size")
	[ -n "$bytes" ] || { note "$size: not a size (use e.g. 1000, 64K, 100M, 1G); skipped"; continue; }
	file="$BENCH_DIR/transcript-$size.txt"
	if [ -s "$file" ]; then
		say "$size: using the cached $file"
	else
		need=$((bytes / 1024 + 262144))		# the file and 256 MiB to spare
		have=$(free_kb "$BENCH_DIR")
		if [ "${have:-0}" -lt "$need" ]; then
			note "$size: skipped, it needs $((need / 1024)) MiB and $BENCH_DIR has $((${have:-0} / 1024)) MiB free"
			continue
		fi
		say "$size: generating $file"
		if ! "$W/gentranscript" "$size" 1 > "$file.tmp"; then
			rm -f "$file.tmp"
			note "$size: gentranscript failed; skipped"
			continue
		fi
		mv "$file.tmp" "$file"
	fi
	size_tag=$size
	bench "$file" "$size"
done

# Captions: a WebVTT file made of each generated transcript (8 words a
# cue, 3 s each, the speaker as a voice), next to the transcript itself:
# the first screen at 1 MB, the whole parse (--outline) at the larger.
for size in $SIZES; do
	src="$BENCH_DIR/transcript-$size.txt"
	vtt="$BENCH_DIR/captions-$size.vtt"
	[ -s "$src" ] || continue
	[ -s "$vtt" ] || awk 'BEGIN { print "WEBVTT"; print ""; t = 0 }
		function stamp(s) { return sprintf("%02d:%02d:%02d.000", s / 3600, s / 60 % 60, s % 60) }
		NF > 0 { who = ""; if (match($0, /^[^:]{2,40}: /)) { who = substr($0, 1, RLENGTH - 2); $0 = substr($0, RLENGTH + 1) }
			n = split($0, w, " ")
			for (i = 1; i <= n; i += 8) {
				line = w[i]; for (j = i + 1; j < i + 8 && j <= n; j++) line = line " " w[j]
				print stamp(t) " --> " stamp(t + 3)
				print (who != "" && i == 1 ? "<v " who ">" : "") line
				print ""; t += 3 } }' "$src" > "$vtt"
	bytes=$(wc -c < "$src" | tr -d ' ')
	if [ "$bytes" -le 2097152 ]; then
		say "captions, $size: first screens"
		open_runs cap "lectern captions $size" "$LECTERN" "$vtt"
		open_runs pla "lectern plain $size" "$LECTERN" "$src"
		row 29 "WebVTT: first screen vs the plain transcript (ms)" "$size" \
		    "$(median "$W/cap.fs")" "$(median "$W/pla.fs")"
	else
		say "captions, $size: parse"
		# Interleaved, as the two are compared: five runs of each.
		: > "$W/capo.ms"; : > "$W/plao.ms"
		i=0
		while [ $i -lt 5 ]; do
			i=$((i + 1))
			wall_once capo "lectern --outline, captions $size" \
			    "$LECTERN" --outline "$vtt" || break
			wall_once plao "lectern --outline, plain $size" \
			    "$LECTERN" --outline "$src" || break
		done
		row 30 "WebVTT: --outline vs the plain transcript (ms per 100 MiB of input)" \
		    "$size" "$(per_100m "$(median "$W/capo.ms")" \
		    "$(wc -c < "$vtt" | tr -d ' ')")" \
		    "$(per_100m "$(median "$W/plao.ms")" "$bytes")"
	fi
	rm -f "$W"/cap.* "$W"/pla.* "$W"/*.ms "$W"/*.out
done

# A 3 MB web page, a parliament's sitting day (tests/bench/gensitting.awk:
# a form, navigation, a sidebar of 500 links, scripts, 4,000 contributions
# with labels of three shapes): lectern's first screen, and its --dump of
# the whole page, next to `w3m -dump` (or `lynx -dump`) of the page.
page="$BENCH_DIR/sitting-3M.html"
[ -s "$page" ] || awk -v bytes=3145728 -f tests/bench/gensitting.awk > "$page" ||
    die "cannot write $page"
if command -v w3m > /dev/null || command -v lynx > /dev/null; then
	dumper=w3m
	command -v w3m > /dev/null || dumper=lynx
	plabel="3M HTML ($(wc -c < "$page" | tr -d ' ') B)"
	say "web page, $plabel: lectern and $dumper -dump"
	open_runs lec "lectern web page" "$LECTERN" "$page"
	wall lecdump "lectern --dump, web page" "$LECTERN" --dump "$page"
	wall dump "$dumper -dump, web page" "$dumper" -dump "$page"
	row 14 "web page: first screen vs $dumper -dump (ms)" "$plabel" \
	    "$(median "$W/lec.fs")" "$(median "$W/dump.ms")"
	row 14 "web page: --dump vs $dumper -dump (ms)" "$plabel" \
	    "$(median "$W/lecdump.ms")" "$(median "$W/dump.ms")"
	rm -f "$W"/lec.* "$W"/*.ms "$W"/*.out
else
	note "web page: neither w3m nor lynx is installed; skipped"
fi

# library_runs TAG KEEP: RUNS runs opening the library until its list
# shows (its first screen), then q; with KEEP the state (the library's
# cache) is kept from one run to the next, else each starts without it.
library_runs() {
	tag=$1 keep=$2
	: > "$W/$tag.fs"
	i=0
	while [ $i -lt $RUNS ]; do
		i=$((i + 1))
		[ "$keep" = 1 ] || { rm -rf "$XDG_STATE_HOME" && mkdir -p "$XDG_STATE_HOME"; }
		rm -f "$W/r"
		limited "$PTYRUN" -s 100x30 -t "$TIMEOUT" -a "$((TIMEOUT * 1000))" -f 750 \
		    -r "$W/r" -K "q" -- "$LECTERN" "$LIB" < /dev/null > /dev/null 2>> "$W/stderr"
		rc=$?
		if [ $rc = 124 ]; then BAD=timeout; else BAD=failed; fi
		num "$(rep first_screen_ms "$W/r")" >> "$W/$tag.fs"
		if [ $rc != 0 ]; then
			failed "library $LIBRARY: open, q" $rc
			break
		fi
	done
}

# A library: COUNT generated transcripts of SIZE each (seeds 1..COUNT),
# opened until its list shows, next to the first screen of the largest
# file above (1G by default), in the same run.
lcount=${LIBRARY%x*} lsize=${LIBRARY#*x}
lbytes=$(bytes_of "$lsize")
case $lcount in ''|*[!0-9]*) lbytes= ;; esac
LIB=
if [ -n "$PAGE_ONLY" ]; then
	:
elif [ -z "$lbytes" ]; then
	note "library $LIBRARY: not COUNTxSIZE (e.g. 1000x1M); skipped"
else
	LIB="$BENCH_DIR/library-$LIBRARY"
	if [ "$(ls "$LIB" 2>/dev/null | wc -l)" -ne "$lcount" ]; then
		need=$((lcount * (lbytes / 1024) + 262144))
		have=$(free_kb "$BENCH_DIR")
		if [ "${have:-0}" -lt "$need" ]; then
			note "library $LIBRARY: skipped, it needs $((need / 1024)) MiB"
			LIB=
		else
			say "library $LIBRARY: generating $LIB"
			rm -rf "$LIB" && mkdir -p "$LIB" || exit 2
			k=1
			while [ $k -le "$lcount" ]; do
				"$W/gentranscript" "$lsize" "$k" > "$LIB/episode-$k.txt" || {
					note "library $LIBRARY: gentranscript failed"; LIB=; break; }
				k=$((k + 1))
			done
		fi
	fi
fi
if [ -n "$LIB" ]; then
	say "library $LIBRARY: lectern"
	library_runs lib-cold 0
	# A run that caches what the first screen shows, then runs with it.
	rm -rf "$XDG_STATE_HOME" && mkdir -p "$XDG_STATE_HOME"
	limited "$PTYRUN" -s 100x30 -t "$TIMEOUT" -K "<sleep:3000> q" -- "$LECTERN" "$LIB" \
	    < /dev/null > /dev/null 2>> "$W/stderr"
	library_runs lib-warm 1
	otag=1G
	[ -s "$W/first.1G" ] || otag=$LAST_TAG
	other=$(cat "$W/first.$otag" 2>/dev/null)
	row 31 "library of $lcount files: list shown, nothing cached (ms) ³" \
	    "$LIBRARY vs $otag" "$(median "$W/lib-cold.fs")" "$other"
	row 32 "library of $lcount files: list shown, cached (ms) ³" \
	    "$LIBRARY vs $otag" "$(median "$W/lib-warm.fs")" "$other"
fi

# The table, then the notes and the machine.
{
	echo "| measure | size | lectern | less (or grep) | ratio |"
	echo "|---|---|---|---|---|"
	sort -t '|' -s -n -k1,1 "$ROWS" | cut -d '|' -f 2- | sed 's/|/ | /g; s/^/| /; s/$/ |/'
	echo
	echo "Times are medians of $RUNS runs (a first screen in the page cache: $((RUNS + FS_MORE))), from starting"
	echo "or from sending a key to the last byte written before the program is quiet (150 ms with"
	echo "no output and no CPU time used). Terminal 100x30 unless stated; ratio = lectern / less"
	echo "(or grep). Out of the page cache: the file was dropped from it (dd iflag=nocache) before"
	echo "each run; the programs and their libraries stay in it."
	echo
	echo "¹ less column: the response to Enter in \`/$RARE<Enter>\` (less searches on Enter only)."
	echo
	echo "² less draws the last screen at once, then reads on through the file before it prompts and"
	echo "takes another key; its time is to the (END) prompt."
	echo
	echo "³ other column: lectern's first complete screen of one file of the size named, in this run."
	echo "Nothing cached: each run starts with an empty state directory, so the titles, speakers and"
	echo "lengths of the rows on screen are read from their files before the list is complete."
	if [ -s "$NOTES" ]; then
		echo
		sed 's/^/- /' "$NOTES"
	fi
	echo
	cpu=$(awk -F ': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
	mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
	if [ "$LECTERN" = ./lectern ] && rev=$(git rev-parse --short HEAD 2>/dev/null); then
		[ -n "$(git status --porcelain -- src include Makefile 2>/dev/null)" ] && rev="$rev with uncommitted changes"
	else
		rev=$LECTERN
	fi
	echo "Machine: nproc $(nproc), CPU ${cpu:-unknown}, memory ${mem:-unknown}, $(uname -sr)," \
	    "$(date -u '+%Y-%m-%d %H:%M UTC') (load average $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null));" \
	    "lectern ${rev:-unknown}, $(less --version | sed -n 1p)."
} > "$W/bench.md"
cp "$W/bench.md" "$BENCH_DIR/bench.md"
cat "$BENCH_DIR/bench.md"
say "written to $BENCH_DIR/bench.md"
