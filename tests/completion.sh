#!/bin/sh
# completion.sh: the shell completions: installed by make install under
# PREFIX and DESTDIR; bash's completes options and the files lectern
# reads; every option of --help is in each.
. tests/lib.sh
. tests/screenlib.sh

for f in assets/completions/lectern.bash assets/completions/_lectern assets/completions/lectern.fish; do
	missing=
	for opt in $($LECTERN --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
		grep -q -- "${opt#--}" "$f" || missing="$missing $opt"
	done
	check "completion/options-in-$(basename "$f")" test -z "$missing"
done

# make install puts them where the shells look (for the normal build
# only).
if [ "$LECTERN" = ./lectern ]; then
	if make -s install DESTDIR="$TMP/dest" PREFIX=/usr >/dev/null 2>&1; then
		check completion/install-bash test -f "$TMP/dest/usr/share/bash-completion/completions/lectern"
		check completion/install-zsh test -f "$TMP/dest/usr/share/zsh/site-functions/_lectern"
		check completion/install-fish test -f "$TMP/dest/usr/share/fish/vendor_completions.d/lectern.fish"
		make -s uninstall DESTDIR="$TMP/dest" PREFIX=/usr >/dev/null 2>&1
		check completion/uninstall test ! -e "$TMP/dest/usr/share/bash-completion/completions/lectern"
	else
		fail completion/install "make install failed"
	fi
fi

# complete WORDS...: what bash's completion offers for the last word.
complete_bash() {
	bash -c '. assets/completions/lectern.bash
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_lectern 2>/dev/null
		printf "%s\n" "${COMPREPLY[@]}" | sort' complete "$@"
}
if command -v bash > /dev/null 2>&1; then
	expect completion/bash-option "$(complete_bash lectern --outl)" "--outline"
	expect completion/bash-options "$(complete_bash lectern --no-t)" "--no-times
--no-toc
--no-top"
	expect completion/bash-palette "$(complete_bash lectern --palette=l)" "light"
	mkdir -p "$TMP/c/sub"
	touch "$TMP/c/a.txt" "$TMP/c/b.VTT" "$TMP/c/c.srt" "$TMP/c/d.md" \
	    "$TMP/c/cover.jpg" "$TMP/c/notes.json"
	expect completion/bash-files "$(complete_bash lectern "$TMP/c/")" "$TMP/c/a.txt
$TMP/c/b.VTT
$TMP/c/c.srt
$TMP/c/d.md
$TMP/c/sub"
	expect completion/bash-library "$(complete_bash lectern --library="$TMP/c/s")" "$TMP/c/sub"
fi
if command -v zsh > /dev/null 2>&1; then
	check completion/zsh-syntax zsh -n assets/completions/_lectern
fi
if command -v fish > /dev/null 2>&1; then
	check completion/fish-syntax fish -n assets/completions/lectern.fish
fi
