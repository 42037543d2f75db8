# lib.sh: helpers for the shell tests. Each check prints one line,
# "PASS name" or "FAIL name: why"; tests/run counts them.

# Every test runs in a known, private environment.
export LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color
unset NO_COLOR COLUMNS LINES
TMP=$(mktemp -d "${TMPDIR:-/tmp}/lectern-test.XXXXXX")
export HOME="$TMP/home" XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$HOME"
trap 'rm -rf "$TMP"' EXIT

# The binary under test is LECTERN_BIN; LECTERN in the environment holds
# lectern's options, so the shell variable is kept out of it.
_bin=${LECTERN_BIN:-./lectern}
unset LECTERN
LECTERN=$_bin
PTYRUN=${PTYRUN:-./tests/ptyrun}

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

# check NAME CONDITION-COMMAND...: passes when the command succeeds.
check() {
	name=$1; shift
	if "$@"; then pass "$name"; else fail "$name" "$*"; fi
}

# golden NAME FILE COMMAND...: compares the command's output with FILE.
golden() {
	name=$1 file=$2; shift 2
	"$@" > "$TMP/out" 2> "$TMP/err"
	if cmp -s "$TMP/out" "$file"; then
		pass "$name"
	else
		fail "$name" "output differs from $file"
		diff -u "$file" "$TMP/out" | head -20 | sed 's/^/    /'
	fi
}

# status NAME EXPECTED COMMAND...: checks the exit status.
status() {
	name=$1 want=$2; shift 2
	"$@" > "$TMP/out" 2> "$TMP/err" < /dev/null
	got=$?
	if [ "$got" = "$want" ]; then
		pass "$name"
	else
		fail "$name" "status $got, expected $want; stderr: $(head -c 200 "$TMP/err")"
	fi
}

# maxwidth FILE: the widest line of FILE in display columns, measured with
# the C library's wcwidth (not with lectern's own code).
maxwidth() {
	./tests/maxwidth "$1"
}

# archive FILE: writes an archive of three short episodes, each with the
# header the first has (a title, then a byline), as `make bench` makes
# them: an opening, Episode summary, and a Transcript of two parts.
archive() {
	{
		_episode "Tides and the moon" 1 "Why tides rise" "How the moon pulls"
		_episode "Locks and keys" 2 "The first locks" "Picking a lock"
		_episode "Bread and yeast" 3 "Starting a dough" "Baking the loaf"
	} > "$1"
}
_episode() {
	printf '%s\nBy Host Name @ 2024-0%s-01T10:00 (+%s)\n' "$1" "$2" "$2"
	printf 'The opening of episode %s, long enough to be a paragraph, not a heading.\n' "$2"
	printf 'Episode summary\nA summary of episode %s: what the conversation covers.\n' "$2"
	printf 'Transcript\n%s\nAda Byrne: Welcome to episode %s, about %s.\n' "$3" "$2" "$3"
	printf 'Lena Ortiz: Thanks for having me. It is a pleasure to be here.\n'
	printf '%s\nAda Byrne: The second part of episode %s goes deeper.\n' "$4" "$2"
	for _i in 1 2 3 4 5 6; do
		printf 'Lena Ortiz: Indeed it does, point %s. There is a lot to cover here.\n' $_i
		printf 'Ada Byrne: Then tell us about point %s.\n' $_i
	done
}
