# corpuslib.sh: checks over the real transcripts of ../shared/corpus, which
# exist beside the project in CI and on the developers' machines but not in
# a clone elsewhere. Sourced after lib.sh; a check whose file is absent
# prints nothing (the suites pass without the corpus).

CORPUS=${CORPUS:-../shared/corpus}

# have FILE: true when the corpus file exists.
have() {
	[ -f "$CORPUS/$1" ]
}

# speakers NAME FILE SPEC...: --speakers of FILE gives exactly the speakers
# of the SPECs ("Name=TURNS"), each with its turns within 5% (at least
# one turn either way), and no other speaker.
speakers() {
	name=$1 file=$2; shift 2
	have "$file" || return 0
	$LECTERN --speakers "$CORPUS/$file" > "$TMP/speakers" 2> "$TMP/err"
	ok=1 why=
	for spec in "$@"; do
		who=${spec%=*} n=${spec##*=}
		got=$(awk -F '\t' -v w="$who" '$1 == w { print $2 }' "$TMP/speakers")
		if [ -z "$got" ]; then
			ok=0 why="$why; no speaker '$who'"
			continue
		fi
		slack=$((n / 20)); [ "$slack" -ge 1 ] || slack=1
		if [ "$got" -lt $((n - slack)) ] || [ "$got" -gt $((n + slack)) ]; then
			ok=0 why="$why; '$who' has $got turns, expected $n"
		fi
	done
	extra=$(cut -f1 "$TMP/speakers" | while IFS= read -r s; do
		found=0
		for spec in "$@"; do [ "${spec%=*}" = "$s" ] && found=1; done
		[ $found = 1 ] || printf '%s, ' "$s"
	done)
	[ -z "$extra" ] || { ok=0; why="$why; invented: $extra"; }
	if [ $ok = 1 ]; then pass "$name"; else fail "$name" "${why#; }"; fi
}

# nomarkup NAME FILE ERE...: no line of --dump of FILE matches any ERE.
nomarkup() {
	name=$1 file=$2; shift 2
	have "$file" || return 0
	$LECTERN --dump=100 "$CORPUS/$file" > "$TMP/dump" 2> "$TMP/err"
	for re in "$@"; do
		if grep -Eq -- "$re" "$TMP/dump"; then
			fail "$name" "the dump shows /$re/: $(grep -Em1 -- "$re" "$TMP/dump" | cut -c1-100)"
			return
		fi
	done
	pass "$name"
}

# outline NAME FILE TEXT: --outline of FILE (times after a tab removed, as
# given) is exactly TEXT.
outline() {
	name=$1 file=$2 wantout=$3
	have "$file" || return 0
	got=$($LECTERN --outline "$CORPUS/$file" 2> "$TMP/err")
	expect "$name" "$got" "$wantout"
}

# words NAME FILE N PCT: the words of --dump of FILE are within PCT
# percent of N.
words() {
	name=$1 file=$2 n=$3 pct=$4
	have "$file" || return 0
	got=$($LECTERN --dump=100 "$CORPUS/$file" | wc -w)
	lo=$((n - n * pct / 100)) hi=$((n + n * pct / 100))
	if [ "$got" -ge "$lo" ] && [ "$got" -le "$hi" ]; then pass "$name"
	else fail "$name" "$got words, expected $n within $pct%"; fi
}
