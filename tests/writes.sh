#!/bin/sh
# writes.sh: a key's screen update reaches the terminal in one write (one
# packet over SSH), counted with strace.
. tests/lib.sh
. tests/screenlib.sh

# writes KEYS: the writes to the terminal of a session that types KEYS.
writes() {
	strace -f -o "$TMP/strace" -e trace=write $PTYRUN -s 100x30 -t 20 \
	    -K "<wait> $1 q" -- $LECTERN assets/interview.txt < /dev/null \
	    > /dev/null 2>&1
	grep -c 'write(1,' "$TMP/strace"
}

base=$(writes '')
for k in j "<Space>" d k b u "<PgDn>" "<Down>"; do
	n=$(writes "$k <wait>")
	expect "writes/$(echo "$k" | tr -d "<>")" "$((n - base))" 1
done
n=$(writes "j <wait> j <wait> j <wait>")
expect writes/three-j "$((n - base))" 3
