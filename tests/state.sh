#!/bin/sh
# state.sh: the state directory, the notes and the search history under
# attack and under load: planted links, untrusted owners and modes,
# FIFOs, devices and huge files, stale entries, a held lock, two readers
# at once, unknown lines, leftovers of killed readers.
. tests/lib.sh
. tests/screenlib.sh
STATE="$XDG_STATE_HOME/lectern"

# fresh: an empty state directory with the bundled interview's state
# file in it; sets $f to its name and $lock to its lock.
fresh() {
	rm -rf "$XDG_STATE_HOME"
	run 100x30 'q'
	f=$(cd "$STATE" && ls doc-*.state)
	lock="$STATE/${f%.state}.lock"
}

# status_line N: the status line of screen N, without the padding.
status_line() {
	line "$1" 30 | sed 's/^ *//; s/  .*//'
}

# ms: milliseconds since the epoch.
ms() {
	echo $(($(date +%s%N) / 1000000))
}

# A planted symbolic link at the temporary names of the next PIDs and at
# the lock never leads a save to another file: the user's 0600 file is
# left alone, and the save is made all the same.
fresh
printf 'the reader'"'"'s own file\n' > "$HOME/secret"
chmod 600 "$HOME/secret"
cp "$HOME/secret" "$TMP/secret.orig"
perl -e '
	my ($dir, $f, $target) = @ARGV;
	for my $p ($$ .. $$ + 600) {
		symlink($target, "$dir/$f.tmp.$p");
		symlink($target, "$dir/history.tmp.$p");
	}' "$STATE" "$f" "$HOME/secret"
rm -f "$lock" "$STATE/history.lock"
ln -s "$HOME/made-by-lock" "$lock"
ln -s "$HOME/made-by-history-lock" "$STATE/history.lock"
KEEP_STATE=1 run 100x30 'J * /alpha <Enter> q'
check symlink/exit-0 test "$RC" -eq 0
check symlink/target-unchanged cmp -s "$HOME/secret" "$TMP/secret.orig"
check symlink/target-mode test "$(stat -c %a "$HOME/secret")" = 600
check symlink/no-file-through-lock test ! -e "$HOME/made-by-lock"
check symlink/no-file-through-history-lock test ! -e "$HOME/made-by-history-lock"
check symlink/highlight-saved grep -q '^hl ' "$STATE/$f"
check symlink/state-regular test -f "$STATE/$f" -a ! -L "$STATE/$f"
check symlink/history-saved grep -qx "$(printf 'alpha\tforward text all')" "$STATE/history"

# A state directory that others can write to, or that is not the user's,
# is not trusted (as ssh does with ~/.ssh): said once, nothing read from
# it or saved there, and the reader goes on.
fresh
KEEP_STATE=1 run 100x30 'J * q'
cp "$STATE/$f" "$TMP/good.state"
chmod 777 "$STATE"
KEEP_STATE=1 run 160x30 '<dump> J J * <dump> /beta <Enter> <dump> q'
check untrusted/group-exit-0 test "$RC" -eq 0
check untrusted/group-said grep -q 'Note: not using the state: .*/lectern is writable by group or others' "$TMP/dump"
expect untrusted/group-said-once "$(grep -c 'Cannot save\|not saved\|not using' "$TMP/dump")" 1
check untrusted/group-not-written cmp -s "$STATE/$f" "$TMP/good.state"
check untrusted/group-no-history test ! -e "$STATE/history"
expect untrusted/group-not-read "$(screen 1 | grep -c '┃')" 0
chmod 700 "$STATE"
if [ "$(id -u)" = 0 ]; then
	chown 65534 "$STATE"
	KEEP_STATE=1 run 160x30 '<dump> J J * q'
	check untrusted/foreign-exit-0 test "$RC" -eq 0
	check untrusted/foreign-said grep -q 'Note: not using the state: .*/lectern belongs to uid 65534, not to you' "$TMP/dump"
	check untrusted/foreign-not-written cmp -s "$STATE/$f" "$TMP/good.state"
	chown 0 "$STATE"
	chown 65534 "$STATE/$f"
	KEEP_STATE=1 run 160x30 '<dump> J J * <dump> q'
	check untrusted/foreign-file-said grep -q "Note: not using the state: $f belongs to uid 65534, not to you" "$TMP/dump"
	expect untrusted/foreign-file-said-once "$(grep -c "not using\|Cannot save" "$TMP/dump")" 1
	check untrusted/foreign-file-not-written cmp -s "$STATE/$f" "$TMP/good.state"
	chown 0 "$STATE/$f"
else
	echo "note: untrusted/foreign-*: not run (a directory of another user needs root)"
fi
chmod 660 "$STATE/$f"
KEEP_STATE=1 run 160x30 '<dump> J J * q'
check untrusted/group-file-said grep -q "Note: not using the state: $f is writable by group or others" "$TMP/dump"
check untrusted/group-file-not-written cmp -s "$STATE/$f" "$TMP/good.state"
chmod 600 "$STATE/$f"

# A FIFO, a device or a huge file where the state should be: the reader
# starts, says so, and q quits; nothing is read from it.
for kind in fifo zero device huge history-fifo; do
	fresh
	case $kind in
	fifo)	rm -f "$STATE/$f"; mkfifo "$STATE/$f" ;;
	zero)	rm -f "$STATE/$f"; ln -s /dev/zero "$STATE/$f" ;;
	device)	[ "$(id -u)" = 0 ] || { echo "note: state/device: not run (mknod needs root)"; continue; }
		rm -f "$STATE/$f"; mknod "$STATE/$f" c 1 5 ;;
	huge)	rm -f "$STATE/$f"; truncate -s 1G "$STATE/$f" ;;
	history-fifo) mkfifo "$STATE/history" ;;
	esac
	printf '<dump> / <Esc> J * <dump> q\n' > "$TMP/keys"
	if [ "$LECTERN" = ./lectern ]; then
		( ulimit -v 1000000; LECTERN_SCRIPT="$TMP/keys" LECTERN_DUMP="$TMP/dump" \
		    $PTYRUN -s 160x30 -t 8 -r "$TMP/report" -- $LECTERN < /dev/null )
	else
		LECTERN_SCRIPT="$TMP/keys" LECTERN_DUMP="$TMP/dump" \
		    $PTYRUN -s 160x30 -t 8 -r "$TMP/report" -- $LECTERN < /dev/null
	fi
	check "special/$kind-starts-and-quits" test $? -eq 0
	case $kind in
	fifo|device) why="$f is not a regular file" ;;
	zero) why="$f is a symbolic link" ;;
	huge) why="$f is larger than 16 MB" ;;
	esac
	if [ $kind = history-fifo ]; then
		check "special/$kind-fifo-kept" test -p "$STATE/history"
		continue
	fi
	check "special/$kind-said" grep -q "Note: not using the state: $why" "$TMP/dump"
	check "special/$kind-left" test ! -f "$STATE/$f" -o -L "$STATE/$f" -o "$(stat -c %s "$STATE/$f")" -gt 100000000
	rss=$(sed -n 's/^maxrss_kb //p' "$TMP/report")
	[ "$LECTERN" = ./lectern ] && check "special/$kind-not-read" test "${rss:-999999}" -lt 200000
done

# A saved highlight past the last block (hand-written here; a changed
# file of the same hash does it too) is not shown, is listed as lost once
# and never written back as a highlight; H does not crash.
fresh
sed -i 's/^end$/hl 99999 99999000 99999100 Not in this document\nmark b 99999999 1\nend/' "$STATE/$f"
KEEP_STATE=1 run 100x30 "<dump> J * H <dump> <Esc> 'b <dump> q"
check stale/exit-0 test "$RC" -eq 0
check stale/said grep -q 'Note: 1 highlights no longer match' "$TMP/dump"
check stale/list-shown grep -q 'Highlights — Enter jumps' "$TMP/dump"
expect stale/mark-past-end "$(status_line 3)" "Mark b is not set"
check stale/not-written-back sh -c "! grep -q '^hl 99999 ' '$STATE/$f'"
expect stale/lost-once "$(grep -c '^lost 99999 ' "$STATE/$f")" 1
KEEP_STATE=1 run 100x30 '<dump> J J * q'
check stale/said-once sh -c "! grep -q 'no longer match' '$TMP/dump'"
expect stale/still-lost-once "$(grep -c '^lost 99999 ' "$STATE/$f")" 1
expect stale/highlights-kept "$(grep -c '^hl ' "$STATE/$f")" 2
# The same from another reader's save, while this one reads.
fresh
$PTYRUN -s 100x30 -t 20 -K '<sleep:800> J * H <sleep:200> q q' -- $LECTERN < /dev/null &
p1=$!
sleep 0.4
sed -i 's/^end$/hl 99998 99998000 99998100 Not in this document either\nend/' "$STATE/$f"
wait $p1
check stale/merged-no-crash test $? -eq 0
check stale/merged-not-written-back sh -c "! grep -q '^hl 99998 ' '$STATE/$f'"
expect stale/merged-lost "$(grep -c '^lost 99998 ' "$STATE/$f")" 1

# A lock held by another process: the save waits about two seconds, says
# the state is busy and goes on; the change is kept and saved at the next
# chance.
fresh
flock "$lock" sleep 8 &
holder=$!
sleep 0.3
t0=$(ms)
KEEP_STATE=1 run 160x30 'J * <dump> q'
t1=$(ms)
check lock/busy-said grep -q 'Highlighted; not saved yet: another lectern holds the state' "$TMP/dump"
check lock/wait-bounded test $((t1 - t0)) -lt 6000
wait $holder
fresh
flock "$lock" sleep 3 &
holder=$!
sleep 0.3
$PTYRUN -s 100x30 -t 20 -K '<sleep:300> J * <sleep:4000> J J * <sleep:300> q' -- $LECTERN < /dev/null
wait $holder
expect lock/saved-next-chance "$(grep -c '^hl ' "$STATE/$f")" 2

# One SIGTERM ends a reader waiting for a held lock, at once (it does not
# block again on its way out).
fresh
flock "$lock" sleep 10 &
holder=$!
sleep 0.3
printf 'J *\n' > "$TMP/keys"
$PTYRUN -s 100x30 -t 20 -o "$TMP/tty" -- sh -c \
    "LECTERN_SCRIPT='$TMP/keys' $LECTERN assets/interview.txt & p=\$!; sleep 1.5; s=\$(date +%s%N); kill -TERM \$p; wait \$p; echo rc=\$? ms=\$(( (\$(date +%s%N) - s) / 1000000 ))" < /dev/null
kill $holder 2>/dev/null; wait $holder 2>/dev/null
check lock/sigterm-status grep -aq 'rc=143' "$TMP/tty"
took=$(grep -ao 'ms=[0-9]*' "$TMP/tty" | sed 's/ms=//')
check lock/sigterm-at-once test "${took:-99999}" -lt 1500

# Two readers at once keep each other's marks (the latest change of each
# letter wins) and search history.
fresh
$PTYRUN -s 100x30 -t 20 -K "<sleep:300> mb <sleep:3000> q" -- $LECTERN < /dev/null &
pb=$!
sleep 0.2
$PTYRUN -s 100x30 -t 20 -K ']] ma q' -- $LECTERN < /dev/null
sleep 0.5
$PTYRUN -s 100x30 -t 20 -K 'G mb q' -- $LECTERN < /dev/null
wait $pb
check merge/mark-of-other-kept grep -q '^mark a [1-9]' "$STATE/$f"
b=$(sed -n 's/^mark b \([0-9]*\).*/\1/p' "$STATE/$f")
check merge/mark-latest-wins test "${b:-0}" -gt 30000
rm -rf "$XDG_STATE_HOME"
$PTYRUN -s 100x30 -t 20 -K '<sleep:200> / <sleep:2500> beta <Enter> q' -- $LECTERN < /dev/null &
pb=$!
sleep 0.6
$PTYRUN -s 100x30 -t 20 -K '/alpha <Enter> /gamma <Enter> q' -- $LECTERN < /dev/null
wait $pb
expect merge/history-both "$(cut -f1 "$STATE/history" | tr '\n' ' ')" "alpha gamma beta "
$PTYRUN -s 100x30 -t 20 -K '/alpha <Enter> q' -- $LECTERN < /dev/null
expect merge/history-dedup "$(cut -f1 "$STATE/history" | tr '\n' ' ')" "gamma beta alpha "

# Lines a later version writes are kept.
fresh
sed -i 's/^end$/tag 2 17 a comment, from a later version\nfuture-key x\nend/' "$STATE/$f"
KEEP_STATE=1 run 100x30 'J * J * q'
check unknown/kept grep -qx 'tag 2 17 a comment, from a later version' "$STATE/$f"
check unknown/kept-2 grep -qx 'future-key x' "$STATE/$f"
check unknown/still-whole sh -c "tail -1 '$STATE/$f' | grep -qx end"
# A file of a newer format is neither read nor replaced.
sed -i '1s/.*/lectern-state 2/' "$STATE/$f"
cp "$STATE/$f" "$TMP/newer.state"
KEEP_STATE=1 run 100x30 '<dump> J * q'
check unknown/newer-said grep -q 'newer' "$TMP/dump"
check unknown/newer-kept cmp -s "$STATE/$f" "$TMP/newer.state"

# The temporary files of readers killed in a save are removed (once old
# and their reader gone); a live reader's are not.
fresh
touch -d '2 hours ago' "$STATE/$f.tmp.4999999" "$STATE/history.tmp.4999998.Ab3dEf"
sleep 60 & live=$!
touch -d '2 hours ago' "$STATE/$f.tmp.$live"
touch "$STATE/$f.tmp.4999997"
KEEP_STATE=1 run 100x30 'J * q'
kill $live
check tmp/dead-removed test ! -e "$STATE/$f.tmp.4999999"
check tmp/dead-history-removed test ! -e "$STATE/history.tmp.4999998.Ab3dEf"
check tmp/live-kept test -e "$STATE/$f.tmp.$live"
check tmp/recent-kept test -e "$STATE/$f.tmp.4999997"
expect tmp/none-left-by-saves "$(ls "$STATE" | grep -c '\.tmp\.[0-9]*\.')" 0

# Broken state files set aside within a second get names of their own,
# and only the last few are kept.
fresh
for i in 1 2 3 4 5; do
	printf 'broken %s\n' $i > "$STATE/$f"
	KEEP_STATE=1 run 100x30 'q'
done
expect corrupt/kept-few "$(ls "$STATE" | grep -c "^$f\.corrupt-")" 3
expect corrupt/newest-kept "$(cat "$STATE/$f".corrupt-* | sort | tr '\n' ' ')" "broken 3 broken 4 broken 5 "

# 100,000 highlights open fast, and one is removed fast; so do
# 100,000 highlights all off by one paragraph (found again), and a
# 100,000-line search history.
seq 1 100000 | sed 's/.*/Ana Lima: Paragraph & of a long talk./' > "$TMP/long.txt"
rm -rf "$XDG_STATE_HOME"
t0=$(ms)
run 100x30 '<dump> J * q' "$TMP/long.txt"
t1=$(ms)
# (the time of the same keys with no highlights: the limit below is
# relative to it, so that a slower build or machine has room)
base=$((t1 - t0))
f=$(cd "$STATE" && ls doc-*.state)
for kind in standing shifted; do
	awk -v shift=$([ $kind = shifted ] && echo 1 || echo 0) -v path="$TMP/long.txt" '
	    BEGIN { print "lectern-state 1"; print "path " path }
	    { print "hl", NR - 1 + shift, off + shift, off + shift + length($0), substr($0, 11)
	      off += length($0) + 1 }
	    END { print "end" }' "$TMP/long.txt" > "$STATE/$f"
	t0=$(ms)
	KEEP_STATE=1 run 100x30 '<dump> J * q' "$TMP/long.txt"
	t1=$(ms)
	check "scale/$kind-exit-0" test "$RC" -eq 0
	check "scale/$kind-fast" test $((t1 - t0)) -lt $((3 * base + 2000))
	expect "scale/$kind-kept" "$(grep -c '^hl ' "$STATE/$f")" 99999
	expect "scale/$kind-none-lost" "$(grep -c '^lost ' "$STATE/$f")" 0
done
rm -f "$STATE/$f"
printf 'x\n' > "$STATE/history"
t0=$(ms)
KEEP_STATE=1 run 100x30 '/ <Up> <dump> <Esc> q' "$TMP/long.txt"
t1=$(ms)
base=$((t1 - t0))
seq 1 100000 > "$STATE/history"
t0=$(ms)
KEEP_STATE=1 run 100x30 '/ <Up> <dump> <Esc> q' "$TMP/long.txt"
t1=$(ms)
check scale/history-fast test $((t1 - t0)) -lt $((2 * base + 1000))
expect scale/history-last "$(line 1 30 | sed 's/^\/ *//; s/ .*//')" "100000"
