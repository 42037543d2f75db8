# fish completion for lectern: its options, and the files it reads (and
# folders, which are libraries).

function __lectern_files
    set -l token (commandline -ct)
    for f in $token*
        if test -d $f
            echo $f/
        else
            switch (string lower -- $f)
                case '*.txt' '*.text' '*.vtt' '*.webvtt' '*.srt' '*.md' '*.markdown'
                    echo $f
            end
        end
    end
end

complete -c lectern -f -a '(__lectern_files)'
complete -c lectern -l dump -d 'print the document laid out at WIDTH columns'
complete -c lectern -l outline -d 'print the section tree'
complete -c lectern -l speakers -d 'print each speaker with turns and words'
complete -c lectern -l blocks -d 'print what the parser made of each block'
complete -c lectern -l count -x -d 'print the number of matches of QUERY'
complete -c lectern -l grep -x -d 'print each match with its section and speaker'
complete -c lectern -l export-highlights -d 'print your highlights as Markdown quotes'
complete -c lectern -s E -l regex -d 'queries are regular expressions'
complete -c lectern -l no-regex -d 'queries are plain text'
complete -c lectern -l search -x -d 'open at the first match of PATTERN'
complete -c lectern -l at -x -d 'open at a time (1:23:45, 83:10, 83m)'
complete -c lectern -l section -x -d 'open at the first section whose title has TEXT'
complete -c lectern -l top -d 'open at the top'
complete -c lectern -l no-top -d 'open where you left off'
complete -c lectern -l no-toc -d 'start with the contents hidden'
complete -c lectern -l toc -d 'start with the contents shown'
complete -c lectern -l toc-width -x -a 'auto' -d 'the width of the contents'
complete -c lectern -l center -d 'centre the text in its pane'
complete -c lectern -l no-center -d 'the text at the left of its pane'
complete -c lectern -l no-mouse -d 'leave the mouse to the terminal'
complete -c lectern -l mouse -d 'capture the mouse'
complete -c lectern -l palette -x -a 'dark light' -d 'colours for a dark or a light background'
complete -c lectern -l no-osc52 -d 'y does not copy through the terminal'
complete -c lectern -l no-times -d 'no times of turns and chapters'
complete -c lectern -l times -d 'the times of turns and chapters'
complete -c lectern -l osc52 -d 'y copies through the terminal'
complete -c lectern -l library -x -a '(__fish_complete_directories)' -d 'the library opened when no file is named'
complete -c lectern -l keys -d 'list the keys'
complete -c lectern -s h -l help -d 'show the help'
complete -c lectern -s V -l version -d 'show the version'
