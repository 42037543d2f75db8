# screenlib.sh: running the reader with a key script on a pseudo-terminal
# and reading the screens it dumps. Sourced after lib.sh.

# The first line of the bundled interview's title, as the reader wraps it.
T1="OpenAI’s massive push to make superintelligence safe in 4 years or less"

# run SIZE KEYS [ARGS...]: runs the reader with a key script; the screens
# dumped by <dump> go to $TMP/dump, the terminal's bytes to $TMP/tty, and
# the status to $RC.
run() {
	size=$1 keys=$2; shift 2
	printf '%s\n' "$keys" > "$TMP/keys"
	rm -f "$TMP/dump"
	# Each run starts from no saved state, unless KEEP_STATE is set.
	[ -n "${KEEP_STATE:-}" ] || rm -rf "$XDG_STATE_HOME"
	LECTERN_SCRIPT="$TMP/keys" LECTERN_DUMP="$TMP/dump" \
	    $PTYRUN -s "$size" -t 20 -o "$TMP/tty" -- $LECTERN "$@" < /dev/null
	RC=$?
	return $RC
}

# screen N: the text of the N-th dumped screen.
screen() {
	awk -v n="$1" '/^--- screen/ { k++; on = k == n; next }
	    /^--- attributes/ { on = 0; next } on' "$TMP/dump"
}

# attrs N: the attribute rows of the N-th dumped screen.
attrs() {
	awk -v n="$1" '/^--- attributes/ { k++; on = k == n; next }
	    /^--- screen/ { on = 0; next } on' "$TMP/dump"
}

# line N ROW: row ROW (from 1) of screen N.
line() {
	screen "$1" | sed -n "$2p"
}

# reader N ROW: the reader pane's text on a row (after the contents and
# the margin, where the paragraph cursor ▌ and highlights ┃ are marked).
reader() {
	line "$1" "$2" | sed 's/^.*│//; s/^[▌┃ ]*//'
}

# margin N ROW: the two margin columns of the reader on a row.
margin() {
	line "$1" "$2" | sed 's/^.*│//' | cut -c1-7 | sed 's/^\(..\).*/\1/'
}

expect() {
	name=$1 got=$2 want=$3
	if [ "$got" = "$want" ]; then pass "$name"; else
		fail "$name" "got [$got], expected [$want]"; fi
}


# starts NAME GOT WHOLE: passes when GOT is a beginning of WHOLE (a line
# of the screen that holds the start of a longer text).
starts() {
	name=$1 got=$2 whole=$3
	case $whole in
	"$got"*) [ -n "$got" ] && pass "$name" && return ;;
	esac
	fail "$name" "got [$got], expected the start of [$whole]"
}
