# bash completion for lectern: its options, and the files it reads (and
# folders, which are libraries).

# Adds the transcripts and folders whose names start with $1 to
# COMPREPLY.
_lectern_files()
{
	local f
	while IFS= read -r f; do
		if [[ -d $f ]]; then
			COMPREPLY+=("$f")
		else
			case ${f,,} in
			*.txt|*.text|*.vtt|*.webvtt|*.srt|*.md|*.markdown)
				COMPREPLY+=("$f") ;;
			esac
		fi
	done < <(compgen -f -- "$1")
}

_lectern()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local opts="--dump --dump= --outline --speakers --blocks --count=
	    --grep= --export-highlights --regex --no-regex --search= --at=
	    --section= --top --no-top --no-toc --toc --toc-width= --center
	    --no-center --no-mouse --mouse --palette= --no-osc52 --osc52 --no-times --times
	    --library= --keys --help --version"

	COMPREPLY=()
	case $cur in
	--palette=*)
		COMPREPLY=($(compgen -W "dark light" -- "${cur#*=}"))
		return ;;
	--toc-width=*)
		COMPREPLY=($(compgen -W "auto" -- "${cur#*=}"))
		return ;;
	--keys=*)
		COMPREPLY=($(compgen -W "man" -- "${cur#*=}"))
		return ;;
	--library=*)
		COMPREPLY=($(compgen -d -- "${cur#*=}"))
		compopt -o filenames 2>/dev/null
		return ;;
	--count=*|--grep=*|--search=*|--at=*|--section=*|--dump=*)
		return ;;
	-*)
		COMPREPLY=($(compgen -W "$opts -E -h -V" -- "$cur"))
		[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] &&
		    compopt -o nospace 2>/dev/null
		return ;;
	esac
	# With filenames, bash puts a / after a folder and a space after a
	# file.
	_lectern_files "$cur"
	compopt -o filenames 2>/dev/null
}

complete -F _lectern lectern
