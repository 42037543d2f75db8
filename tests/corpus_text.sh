#!/bin/sh
# corpus_text.sh: the plain-text and Markdown readers on the real
# transcripts of ../shared/corpus (see tests/corpuslib.sh): the true
# speakers and their turns (counted here from the files with grep and
# awk), no markup in --dump, the real chapters in --outline and nothing
# else, and the times shown. A check whose file is absent prints nothing.
. tests/lib.sh
. tests/screenlib.sh
. tests/corpuslib.sh

# timed NAME FILE N: at least N lines of --dump start with a time.
timed() {
	name=$1 file=$2 n=$3
	have "$file" || return 0
	got=$($LECTERN --dump=100 "$CORPUS/$file" | grep -cE '^\[[0-9]{2}:[0-9]{2}(:[0-9]{2})?\] ')
	if [ "$got" -ge "$n" ]; then pass "$name"
	else fail "$name" "$got timed lines, expected $n or more"; fi
}

# format NAME FILE FORMAT: the file is read as FORMAT.
format() {
	name=$1 file=$2 want=$3
	have "$file" || return 0
	expect "$name" "$($LECTERN --blocks "$CORPUS/$file" | head -1 | sed 's/^# format: //; s/;.*//')" "$want"
}

# Markup of any of these readers' sources; a time inside a line (a
# segment's stamp left in its text), a label's time left after it.
MARKUP='\*\*|\\\[|\\\*|\]\(|<a name|</a>|&[a-z]+;|^---$|^(title|layout|date):'
INLINE_TIME='.\[[0-9]{2}:[0-9]{2}(:[0-9]{2})?\] |^[A-Z][A-Za-z ]*:? ?\(?[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?\)?:?$'

# Paul Christiano on 80,000 Hours (2018): no title, bare sub-headings,
# some inside a turn ("Prosaic AI"); a heading runs straight on into its
# first paragraph, where paragraphs are parted by blank lines.
F=80k-paul-christiano-2018.txt
if have $F; then
	speakers corpus/80k-speakers $F \
	    "Robert Wiblin=$(grep -c '^Robert Wiblin:' "$CORPUS/$F")" \
	    "Paul Christiano=$(grep -c '^Paul Christiano:' "$CORPUS/$F")"
	outline corpus/80k-outline $F "$(awk 'prev != "" && $0 != "" { print prev } { prev = $0 }' "$CORPUS/$F")"
	nomarkup corpus/80k-nomarkup $F "$MARKUP"
fi

# Dwarkesh: "(hh:mm:ss) - Chapter" lines, "Name hh:mm:ss" label lines.
F=dwarkesh-paul-christiano-2023.txt
if have $F; then
	speakers corpus/dwarkesh-speakers $F \
	    "Dwarkesh Patel=$(grep -cE '^Dwarkesh Patel [0-9:]+$' "$CORPUS/$F")" \
	    "Paul Christiano=$(grep -cE '^Paul Christiano [0-9:]+$' "$CORPUS/$F")"
	outline corpus/dwarkesh-outline $F "$(sed -nE 's/^\(([0-9:]+)\) - (.*[^ ]) *$/\2\t\1/p' "$CORPUS/$F")"
	nomarkup corpus/dwarkesh-nomarkup $F "$MARKUP" "$INLINE_TIME" '^\([0-9:]+\) - '
	timed corpus/dwarkesh-timed $F 300
fi

# LateTalk: Chinese, a "# title", "[hh:mm:ss] sentence" lines: timed
# paragraphs, no speakers, no chapters.
F=latetalk-177-kimi-k3.zh-CN.txt
if have $F; then
	speakers corpus/latetalk-speakers $F
	outline corpus/latetalk-outline $F ""
	nomarkup corpus/latetalk-nomarkup $F "$MARKUP" "$INLINE_TIME" '^# '
	timed corpus/latetalk-timed $F 50
	# Every character of the sentences is read once.
	want=$(sed 's/^\[[0-9:]*\]//' "$CORPUS/$F" | tr -d ' \n#' | wc -m)
	got=$($LECTERN --dump=100 "$CORPUS/$F" | sed -E 's/^\[[0-9:]+\]//' | tr -d ' \n' | wc -m)
	expect corpus/latetalk-chars "$got" "$want"
fi

# AXRP 24: Jekyll front matter, a topics list of links, "**Name:**" alone
# on its line, "## Heading <a name=…></a>".
F=axrp-24-jan-leike-superalignment.md.txt
if have $F; then
	format corpus/axrp24-format $F markdown
	speakers corpus/axrp24-speakers $F \
	    "Daniel Filan=$(grep -c '^\*\*Daniel Filan:\*\*' "$CORPUS/$F")" \
	    "Jan Leike=$(grep -c '^\*\*Jan Leike:\*\*' "$CORPUS/$F")"
	outline corpus/axrp24-outline $F "$(sed -nE 's/ *<a name.*//; s/^## //p; s/^### /  /p' "$CORPUS/$F")"
	nomarkup corpus/axrp24-nomarkup $F "$MARKUP" 'https?://'
	expect corpus/axrp24-title "$($LECTERN --dump=100 "$CORPUS/$F" | head -1)" "24 - Superalignment with Jan Leike"
fi

# AXRP 38.5: "**Name** (mm:ss):" label lines, the text below.
F=axrp-38.5-adria-garriga-alonso.md.txt
if have $F; then
	speakers corpus/axrp385-speakers $F \
	    "Daniel Filan=$(grep -c '^\*\*Daniel Filan\*\* (' "$CORPUS/$F")" \
	    "Adrià Garriga-Alonso=$(grep -c '^\*\*Adrià Garriga-Alonso\*\* (' "$CORPUS/$F")"
	outline corpus/axrp385-outline $F "$(sed -nE 's/ *<a name.*//; s/^## //p' "$CORPUS/$F")"
	nomarkup corpus/axrp385-nomarkup $F "$MARKUP" "$INLINE_TIME" '\(00:[0-9]{2}\):'
	timed corpus/axrp385-timed $F 60
fi

# Bitcoin Transcripts: YAML front matter, "## Chapter", "Name: 00:12:34"
# label lines with the paragraph below.
F=bitcointranscripts__cashu-and-fedimint__yaml-chapters-name-time.md
if have $F; then
	set --
	for n in NVK Calle Eric Rijndael Odell; do
		set -- "$@" "$n=$(grep -cE "^$n: ?[0-9]{2}:[0-9]{2}" "$CORPUS/$F")"
	done
	speakers corpus/bitcoin-speakers $F "$@"
	outline corpus/bitcoin-outline $F "$(sed -n 's/^## //p' "$CORPUS/$F")"
	nomarkup corpus/bitcoin-nomarkup $F "$MARKUP" "$INLINE_TIME" "''" '^speakers:'
	timed corpus/bitcoin-timed $F 300
	expect corpus/bitcoin-title "$($LECTERN --dump=100 "$CORPUS/$F" | head -1)" "Cashu & Fedimint: ecash, Bitcoin's layer 3 & scalability"
fi

# The Changelog: "**Name:** text" turns, \[unintelligible\] escapes,
# "**Break**: \[55:30\]" markers, "\[27:43\]" times: no chapters.
F=changelog__the-changelog-594__md-bold-name-colon.md
if have $F; then
	set --
	for n in 'Jerod Santo' 'Mark Russinovich' 'Adam Stacoviak' 'Eric Boyd' 'Neha Batra'; do
		set -- "$@" "$n=$(grep -c "^\*\*$n:\*\*" "$CORPUS/$F")"
	done
	speakers corpus/changelog-speakers $F "$@"
	outline corpus/changelog-outline $F ""
	nomarkup corpus/changelog-nomarkup $F "$MARKUP" '^\[[0-9:.]+\]$'
	timed corpus/changelog-timed $F 5
fi

# Ladybug: an Otter export (a .md without Markdown): "Name  0:03" label
# lines, "Unknown Speaker", a speaker who speaks once.
F=ladybug-podcast__62-security__otter-export.md
if have $F; then
	format corpus/ladybug-format $F plain
	set --
	for n in Emma Kelly Sidney Tailor 'Unknown Speaker'; do
		set -- "$@" "$n=$(grep -cE "^$n  [0-9]+:[0-9]{2}" "$CORPUS/$F")"
	done
	speakers corpus/ladybug-speakers $F "$@"
	outline corpus/ladybug-outline $F ""
	nomarkup corpus/ladybug-nomarkup $F "$INLINE_TIME"
	timed corpus/ladybug-timed $F 150
fi

# Lenny's Podcast: YAML front matter, "# Title" again, "## Transcript",
# Rev's "Name (00:01:02):" and "(00:01:02):" going on.
F=lennys-podcast__matt-mullenweg__yaml-rev-style.md
if have $F; then
	set --
	for n in 'Lenny Rachitsky' 'Matt Mullenweg' 'Christina Cacioppo' 'Speaker 1'; do
		set -- "$@" "$n=$(grep -cE "^$n \([0-9:]+\):" "$CORPUS/$F")"
	done
	speakers corpus/lennys-speakers $F "$@"
	outline corpus/lennys-outline $F "Transcript"
	nomarkup corpus/lennys-nomarkup $F "$MARKUP" "$INLINE_TIME" '^\([0-9:]+\):' '^(guest|keywords|youtube_url):' '^- growth'
	timed corpus/lennys-timed $F 200
	expect corpus/lennys-title "$($LECTERN --dump=100 "$CORPUS/$F" | head -1)" "The one question that saves product careers | Matt LeMay"
fi

# "[00:01:02] Name: text", one segment a line: a turn is a run of one
# speaker's segments, counted here with awk; the header's fields are not
# speakers.
turns_of() {
	awk '/^\[[0-9:]+\] [^:]+: / { sub(/^\[[0-9:]+\] /, ""); n = $0
		sub(/: .*/, "", n); if (n != prev) { t[n]++; prev = n } }
		END { for (k in t) print k "=" t[k] }' "$CORPUS/$1"
}
for F in podcast-summarizer__lex-fridman-486-michael-levin__bracket-time-name.md \
    podcast-summarizer__lenny-embiricos__whisper-diarized-SPEAKER_00.md; do
	have $F || continue
	tag=$(echo $F | sed 's/podcast-summarizer__//; s/__.*//')
	set --
	while IFS= read -r spec; do
		set -- "$@" "$spec"
	done <<SPECS
$(turns_of $F)
SPECS
	speakers corpus/$tag-speakers $F "$@"
	outline corpus/$tag-outline $F ""
	nomarkup corpus/$tag-nomarkup $F "$MARKUP" "$INLINE_TIME" '^(Podcast|Date|Video ID|Video URL): .*:$'
	timed corpus/$tag-timed $F 100
	# Every word of the segments is read once.
	words corpus/$tag-words $F "$(sed -nE 's/^\[[0-9:]+\] ([^:]+: )?//p' "$CORPUS/$F" | wc -w)" 5
done
