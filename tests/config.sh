#!/bin/sh
# config.sh: options from the configuration file, then LECTERN, then the
# command line; bad lines said with their file and line, and ignored;
# keys remapped with map KEY ACTION.
. tests/lib.sh
. tests/screenlib.sh

C="$XDG_CONFIG_HOME/lectern/config"
mkdir -p "$XDG_CONFIG_HOME/lectern"
printf 'Title\nAna Lima: One whale, two whales, a wheel.\n' > "$TMP/w.txt"
W="$TMP/w.txt"

# Without a file: plain text, 0 matches of wh.le.
expect config/none "$($LECTERN --count 'wh.le' "$W")" 0
# In the file: regex (with or without the dashes, comments and blank
# lines around it).
printf '# my options\n\n  --regex   # queries are expressions\n' > "$C"
expect config/file "$($LECTERN --count 'wh.le' "$W")" 2
printf 'regex\n' > "$C"
expect config/file-no-dashes "$($LECTERN --count 'wh.le' "$W")" 2
# LECTERN comes after the file, the command line after both.
expect config/env-wins "$(LECTERN=--no-regex $LECTERN --count 'wh.le' "$W")" 0
expect config/cmdline-wins "$(LECTERN=--no-regex $LECTERN -E --count 'wh.le' "$W")" 2
expect config/env-alone "$(rm "$C"; LECTERN='-E' $LECTERN --count 'wh.le' "$W")" 2
# Without XDG_CONFIG_HOME: ~/.config/lectern/config.
mkdir -p "$HOME/.config/lectern"
printf 'regex\n' > "$HOME/.config/lectern/config"
expect config/home "$(env -u XDG_CONFIG_HOME $LECTERN --count 'wh.le' "$W")" 2
expect config/xdg-first "$($LECTERN --count 'wh.le' "$W")" 0
rm -r "$HOME/.config"

# Bad lines: said with the file and the line, the others still read.
cat > "$C" <<'EOF'
# options
frobnicate
toc-width=abc
outline
regex
palette pink
top extra
map x quit
map Ctrl-Q quit
map x frobnicate
map ZZZ quit
map x
EOF
status config/bad-lines-status 0 $LECTERN --count 'wh.le' "$W"
expect config/bad-lines-rest-read "$(cat "$TMP/out")" 2
expect config/bad-lines-said "$(cat "$TMP/err")" "lectern: $C:2: unknown option 'frobnicate' (ignored)
lectern: $C:3: bad width for --toc-width: 'abc' (columns, or auto) (ignored)
lectern: $C:4: a mode is for the command line only (ignored)
lectern: $C:6: unknown palette 'pink' (dark or light) (ignored)
lectern: $C:7: 'top' takes no value (ignored)
lectern: $C:10: unknown action 'frobnicate' (see lectern --keys) (ignored)
lectern: $C:11: unknown key 'ZZZ' (ignored)
lectern: $C:12: map takes a key and an action: map KEY ACTION (ignored)"
# Bad words of LECTERN, the same way.
LECTERN='--frob --toc-width 20 stray --regex' $LECTERN --count 'wh.le' "$W" > "$TMP/out" 2> "$TMP/err"
expect config/env-bad-said "$(cat "$TMP/err" | grep LECTERN)" "lectern: LECTERN: unknown option '--frob' (ignored)
lectern: LECTERN: 'stray' is not an option (ignored)"
expect config/env-bad-rest-read "$(cat "$TMP/out")" 2
# An unreadable file is said, not fatal.
printf 'regex\n' > "$C"
chmod 000 "$C"
if ! cat "$C" > /dev/null 2>&1; then
	status config/unreadable 0 $LECTERN --count 'wh.le' "$W"
	expect config/unreadable-said "$(cat "$TMP/err")" "lectern: $C: Permission denied (ignored)"
fi
chmod 644 "$C"

# map KEY ACTION: --keys shows the keys as bound now, with two-key
# sequences; none unbinds a key.
printf 'map x quit\nmap :q quit\nmap Q none\nmap w page-down\n' > "$C"
expect config/keys-remapped "$($LECTERN --keys | grep ' quit ')" "  q, x, :q                     quit             quit (in a document opened from the library: back to the list)"
expect config/keys-page-down "$($LECTERN --keys | grep ' page-down ' | sed 's/  *page-down.*//')" "  [N] Space, f, PageDown, Ctrl-F, w"
# The man page's keys stay the defaults.
check config/man-keys-defaults sh -c "$LECTERN --keys=man | grep -qx '.B q, Q'"
# In the reader: w pages down, x quits, Q does nothing now; the help
# shows w.
run 80x24 'w <dump> Q <dump> h <dump> <Esc> x'
expect config/reader-w "$(reader 1 1)" "$(rm -f "$C"; run 80x24 '<Space> <dump> q'; reader 1 1)"
printf 'map x quit\nmap :q quit\nmap Q none\nmap w page-down\n' > "$C"
run 80x24 'w <dump> Q <dump> h <dump> <Esc> x'
expect config/reader-x-quits "$RC" 0
expect config/reader-Q-unbound "$(line 2 24 | sed 's/^ *//; s/  .*//')" "No action for that key (h for help)"
expect config/help-shows-w "$(screen 3 | grep -c '│  Ctrl-F, w  *│')" 1
# :q, a sequence of the user's, quits.
run 80x24 ':q'
expect config/reader-seq-quits "$RC" 0

# Reader options: no-toc in the file, --toc on the command line; a bad
# line is said on the status line too.
printf 'no-toc\nfrob\n' > "$C"
run 100x30 '<dump> q'
expect config/reader-no-toc "$(line 1 1)" "▌ $T1 (Jan"
expect config/reader-notice "$(line 1 30 | sed 's/^ *//; s/  .*//')" "$C:2: unknown option 'frob' (ignored)"
run 100x30 '<dump> q' --toc
expect config/reader-toc-back "$(line 1 1 | cut -c1-10)" " Contents "
rm -f "$C"
