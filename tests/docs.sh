#!/bin/sh
# docs.sh: the README, the man page and --help say what the program does:
# their examples hold and every option is in all three.
. tests/lib.sh
. tests/screenlib.sh

# The README's search examples, run: strasse finds all three spellings,
# a capital makes the query exact, naive finds naïve.
printf 'Ana Lima: Straße, STRASSE and Strasse; naïve or naive.\n' > "$TMP/s.txt"
check docs/readme-strasse-example grep -q '`strasse` finds `Straße`, `STRASSE` and `Strasse`' README.md
expect docs/strasse-finds-three "$($LECTERN --count strasse "$TMP/s.txt")" 3
check docs/readme-capital-exact grep -q '`Strasse` finds only itself' README.md
expect docs/capital-is-exact "$($LECTERN --count Strasse "$TMP/s.txt")" 1
check docs/no-false-STRASSE sh -c "! grep -q 'STRASSE. finds .Straße' README.md"
check docs/man-no-false-STRASSE sh -c "! grep -A1 '^\\.B STRASSE\$' man/lectern.1 | grep -q '^finds\$'"
expect docs/naive-finds-both "$($LECTERN --count naive "$TMP/s.txt")" 2

# The keys the README names do what the key table says: t shows the
# contents, Tab moves the focus.
check docs/readme-t-no-focus sh -c "! grep '^| .t. |' README.md | grep -q focus"
check docs/keys-t-toggles sh -c "$LECTERN --keys | grep -q '^  t  *toggle-toc'"
check docs/keys-tab-focus sh -c "$LECTERN --keys | grep -q '^  Tab  *focus'"
check docs/readme-tab-focus sh -c "grep '^| Tab |' README.md | grep -q focus"

# Every long option of --help is in the man page and the README.
for opt in $($LECTERN --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
	man=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	check "docs/man-has$opt" grep -q -- "$man" man/lectern.1
	check "docs/readme-has$opt" grep -q -- "$opt" README.md
done
