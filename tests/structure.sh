#!/bin/sh
# structure.sh: the shape of the UI code: the panes call no other pane
# and nothing calls up into the main loop, no file grows past about 800
# lines, and text is never cut by bytes for the screen.
. tests/lib.sh

# The panes and overlays; every other ui header is a lower service.
panes="ui_reader ui_status ui_toc ui_search ui_help ui_list ui_notes ui_lib"
panes="$panes ui_time"

for f in src/ui_*.c; do
	base=$(basename "$f" .c)
	bad=
	for p in $panes ui; do
		[ "$p" = "$base" ] && continue
		if grep -q "#include \"lectern/$p.h\"" "$f"; then
			bad="$bad $p.h"
		fi
	done
	# ui.h is the public face (options, ui_run): the panes may see the
	# options through ui_core.h, never ui_run.
	bad=$(echo "$bad" | sed 's/ ui\.h//')
	check "structure/no-upward-call-$base" test -z "$bad"
	if grep -q 'ui_run\|ui_options_init' "$f"; then
		fail "structure/no-loop-call-$base" "$f calls into the main loop"
	else
		pass "structure/no-loop-call-$base"
	fi
done
# Nothing but the loop includes a pane's header.
for p in $panes; do
	users=$(grep -l "#include \"lectern/$p.h\"" src/*.c | grep -v "src/$p.c" | grep -v 'src/ui.c' | tr '\n' ' ')
	check "structure/only-loop-uses-$p" test -z "$users"
done

for f in src/ui*.c src/main.c src/keymap.c src/view.c; do
	check "structure/short-$(basename "$f" .c)" test "$(wc -l < "$f")" -le 800
done

# No byte-counted cuts of text (%.40s) in what the reader draws.
check structure/no-byte-cuts sh -c "! grep -n '%\.[0-9]*s' src/ui*.c"
