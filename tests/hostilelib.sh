# hostilelib.sh: makes the hostile documents of the safety tests in a
# directory: make_hostile DIR [big]. With big, also the large ones (a
# 10 MB line, 100,000 combining marks, thousands of headings).
make_hostile() {
	d=$1
	mkdir -p "$d"
	E=$(printf '\033')
	# Escape sequences: clipboard write, title, clear, hyperlink, cursor
	# moves, an 8-bit CSI (raw and UTF-8 encoded), bell, DEL, NUL.
	{
		printf 'Escapes everywhere %s]0;pwned-title\007\n' "$E"
		printf 'By %s]52;c;SGVsbG8=\007Mallory @ 2024-01-01\n' "$E"
		printf 'Section %s[3;1337Hone\n' "$E"
		printf 'Eve Attacker: Hello %s]52;c;cHduZWQ=\007 and %s[2J cleared, %s]8;;http://evil.example/%s\\a link%s]8;;%s\\ here.\n' "$E" "$E" "$E" "$E" "$E" "$E"
		printf 'Carries on with \302\233 31m C1 and raw \233 31m bytes, a bell \007, DEL \177, NUL \000 here.\n'
		printf 'Bob Target: Bidi \342\200\256reversed text\342\200\254 and isolate \342\201\246hidden\342\201\251 and tags \363\240\201\201.\n'
		printf '%sc%s[?1049h%s[?25l%sP+q544e%s\\\n' "$E" "$E" "$E" "$E" "$E"
	} > "$d/escapes.txt"
	: > "$d/empty.txt"
	printf '   \n\t\n  \n' > "$d/blank.txt"
	printf 'NUL\000bytes\000in\000a\000line\nSpeaker One: with\000nul\n' > "$d/nul.txt"
	head -c 3000 /bin/ls > "$d/binary.bin"
	printf '\377\376\375 invalid \300\200 overlong \355\240\200 surrogate \364\220\200\200 too big\n' > "$d/invalid.txt"
	printf 'Title\r\nA Heading\r\r\nAna Souza:\r\n\r\n' > "$d/crlf-odd.txt"
	printf '\357\273\277\357\273\277Double BOM\n' > "$d/bom.txt"
	printf 'Name Only:\n**Bold:**\n**\n- \n-\n1.\n# \n#\n(00:00) - \nA: \n' > "$d/fragments.txt"
	# No headings, no speakers: one long paragraph line.
	printf 'just words without anything else at all %.0s' $(seq 1 50) > "$d/plain.txt"
	if [ "${2:-}" = big ]; then
		# A 10 MB single line.
		head -c 10000000 /dev/zero | tr '\0' 'a' > "$d/longline.txt"
		# 100,000 combining marks on one base character.
		{ printf 'e'; i=0; while [ $i -lt 100 ]; do
			printf '\314\201%.0s' $(seq 1 1000); i=$((i + 1)); done
		  printf '\n'; } > "$d/marks.txt"
		# Thousands of headings.
		seq 1 5000 | sed 's/^/Heading number /' > "$d/headings.txt"
	fi
}
