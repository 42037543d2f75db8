# lectern: a terminal reader for long interviews and podcast transcripts.

VERSION	 = 0.1

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
DESTDIR	?=

CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wwrite-strings -Wformat=2
PKG_CONFIG ?= pkg-config
CURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
XML_CFLAGS    := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
MD4C_CFLAGS   := $(shell $(PKG_CONFIG) --cflags md4c 2>/dev/null)
# libxml2 and md4c are loaded when the first web page or Markdown file is
# read (src/html_xml.c, src/md_load.c), by the soname of the library found
# here, as the linker would record it: $(call soname,LIB,PKG,DEFAULT).
soname = $(or $(shell objdump -p $(firstword \
	 $(wildcard $(shell $(PKG_CONFIG) --variable=libdir $(2) 2>/dev/null)/lib$(1).so) \
	 $(shell $(CC) -print-file-name=lib$(1).so 2>/dev/null)) 2>/dev/null | \
	 awk '$$1 == "SONAME" { print $$2 }'),$(3))
XML_SONAME    := $(call soname,xml2,libxml-2.0,libxml2.so.2)
MD4C_SONAME   := $(call soname,md4c,md4c,libmd4c.so.0)
LECTERN_CPPFLAGS = -Iinclude -D_GNU_SOURCE -DLECTERN_VERSION='"$(VERSION)"'
LECTERN_CPPFLAGS += -DLECTERN_XML_SONAME='"$(XML_SONAME)"'
LECTERN_CPPFLAGS += -DLECTERN_MD4C_SONAME='"$(MD4C_SONAME)"'
LECTERN_CPPFLAGS += $(MD4C_CFLAGS)
LECTERN_CFLAGS	 = -std=c11 -pthread $(WARN) -MMD -MP
CORE_LIBS = -lunistring -pthread
CORE_LIBS += -ldl
LIBS	 = $(CURSES_LIBS) $(CORE_LIBS)

# lectern itself takes ncurses and libunistring from their archives where
# the build finds them (Debian's -dev packages install both): a start then
# loads the C library alone rather than five libraries, a millisecond of
# the seven to the first screen. LINK=shared links them as shared
# libraries, as a distribution's package that tracks their security
# updates would.
LINK	?= static
STATIC_A := $(foreach l,ncursesw tinfo unistring,$(shell \
		$(CC) -print-file-name=lib$(l).a 2>/dev/null))
ifeq ($(LINK)$(words $(wildcard $(STATIC_A))),static3)
CURSES_STATIC := $(filter-out -ldl,$(shell $(PKG_CONFIG) --static --libs \
		 ncursesw 2>/dev/null || echo -lncursesw -ltinfo))
LIBS	 = -Wl,-Bstatic $(CURSES_STATIC) -lunistring -Wl,-Bdynamic \
	   $(filter-out -lunistring,$(CORE_LIBS))
endif

# The model, parser, layout and outputs: no curses in these.
CORE	 = util pages text doc build contents format lexicon fmt_plain layout render view fold scan \
	   keymap search search_count state notes cite \
	   state_list notes_file notes_anchor notes_export
CORE	+= captions cues cuetext cuelabel fmt_vtt fmt_srt
CORE	+= speech segments plain_lines plain_unit
CORE	+= fmt_markdown md_blocks md_input md_load
CORE	+= rec
CORE	+= court fmt_court
CORE	+= fmt_hearing
CORE	+= play fmt_play
CORE	+= fmt_fountain
CORE	+= fmt_html html_enc html_tree html_pick html_walk html_label html_xml
CORE	+= rx rx_run
# The terminal user interface: the only modules that include curses.h.
UI	 = main ui ui_core ui_reader ui_status ui_toc ui_find ui_search \
	   ui_help ui_list ui_notes ui_script ui_input ui_style ui_term \
	   ui_out
UI	+= ui_time ui_prompt
CORE	+= library libmeta libsearch progress
UI	+= options ui_files ui_open ui_lib

# Where objects go, and the binaries built from them; `make check` builds
# the same sources again with sanitizers into build-check/.
OBJDIR	?= build
BIN	?= lectern
UNIT	?= tests/unit

CORE_OBJS = $(CORE:%=$(OBJDIR)/%.o) $(OBJDIR)/asset.o
UI_OBJS	  = $(UI:%=$(OBJDIR)/%.o)
TOOLS	  = tests/ptyrun tests/maxwidth
FUZZRUN	?= tests/fuzzrun
FUZZSTATE ?= tests/fuzzstate

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=all

ifeq ($(V),1)
Q =
else
Q = @
endif

all: $(BIN)

$(BIN): $(CORE_OBJS) $(UI_OBJS)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(OBJDIR)/%.o: src/%.c | $(OBJDIR)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(LECTERN_CPPFLAGS) $(CPPFLAGS) $(LECTERN_CFLAGS) $(CFLAGS) $(CURSES_CFLAGS) $(XML_CFLAGS) -c -o $@ $<

$(OBJDIR)/asset.o: src/asset.S assets/interview.txt | $(OBJDIR)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(CFLAGS) -c -o $@ src/asset.S

$(OBJDIR):
	$(Q)mkdir -p $@

run: $(BIN)
	./$(BIN)

# Tests
TEST_CFLAGS = $(LECTERN_CPPFLAGS) $(CPPFLAGS) $(LECTERN_CFLAGS) $(CFLAGS) -Itests

# The unit tests: every tests/unit_*.c, one binary.
UNIT_SRCS = $(sort $(wildcard tests/unit_*.c))

$(UNIT): $(UNIT_SRCS) tests/unit.h $(CORE_OBJS)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) $(LDFLAGS) -o $@ $(UNIT_SRCS) $(CORE_OBJS) $(CORE_LIBS)

# The fuzz target as a plain program over the seed corpus and crashers.
$(FUZZRUN): tests/fuzz/fuzz.c $(CORE_OBJS)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) -DFUZZ_MAIN $(LDFLAGS) -o $@ tests/fuzz/fuzz.c $(CORE_OBJS) $(CORE_LIBS)

# The state-file fuzz target, the same way.
$(FUZZSTATE): tests/fuzz/fuzz_state.c $(CORE_OBJS)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) -DFUZZ_MAIN $(LDFLAGS) -o $@ tests/fuzz/fuzz_state.c $(CORE_OBJS) $(CORE_LIBS)

tests/ptyrun: tests/ptyrun.c
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) $(LDFLAGS) -o $@ tests/ptyrun.c -lutil

tests/maxwidth: tests/maxwidth.c
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(TEST_CFLAGS) $(LDFLAGS) -o $@ tests/maxwidth.c

# Every suite, with the normal build and again with the sanitizers.
test: $(BIN) $(UNIT) $(FUZZRUN) $(FUZZSTATE) $(TOOLS) sanitized
	BUILDS="normal:./$(BIN):./$(UNIT):./$(FUZZRUN) asan:./build-check/lectern:./build-check/unit:./build-check/fuzzrun" \
	$(SAN_ENV) sh tests/run

# Only the sanitizer build.
check: $(TOOLS) sanitized
	BUILDS="asan:./build-check/lectern:./build-check/unit:./build-check/fuzzrun" \
	$(SAN_ENV) sh tests/run

SAN_ENV	 = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

sanitized:
	$(Q)$(MAKE) --no-print-directory OBJDIR=build-check BIN=build-check/lectern \
	    UNIT=build-check/unit FUZZRUN=build-check/fuzzrun \
	    FUZZSTATE=build-check/fuzzstate \
	    CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
	    build-check/lectern build-check/unit build-check/fuzzrun \
	    build-check/fuzzstate

# Speed and memory next to less and grep (see README, Performance):
# BENCH_SIZES="1M 100M 1G" by default, BENCH_QUICK=1 for a short run.
bench: $(BIN) tests/ptyrun
	sh tests/bench/bench.sh

# The tests that matter for memory, under valgrind.
valgrind: $(BIN) $(UNIT) $(FUZZRUN) $(FUZZSTATE) $(TOOLS)
	sh tests/run valgrind

# libFuzzer (clang): make fuzz FUZZ_TIME=seconds, for each target: the
# parser, layout and matcher (fuzz.c), then the state files
# (fuzz_state.c). Crashers are written to build-fuzz/; keep them in
# tests/fuzz/regress/ (tests/fuzz/state-regress/) once fixed.
FUZZ_TIME ?= 60
FUZZ_CC	?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all

fuzz:
	$(Q)$(MAKE) --no-print-directory OBJDIR=build-fuzz CC=$(FUZZ_CC) \
	    CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" \
	    build-fuzz/fuzz build-fuzz/fuzz_state
	mkdir -p build-fuzz/corpus build-fuzz/corpus-state
	build-fuzz/fuzz -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	    -timeout=10 -rss_limit_mb=4096 -artifact_prefix=build-fuzz/ \
	    build-fuzz/corpus tests/fuzz/corpus
	build-fuzz/fuzz_state -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	    -timeout=10 -rss_limit_mb=4096 -artifact_prefix=build-fuzz/state- \
	    build-fuzz/corpus-state tests/fuzz/state-corpus

build-fuzz/fuzz: tests/fuzz/fuzz.c $(CORE_OBJS)
	$(Q)$(CC) $(TEST_CFLAGS) -fsanitize=fuzzer -o $@ tests/fuzz/fuzz.c \
	    $(CORE_OBJS) $(CORE_LIBS)

build-fuzz/fuzz_state: tests/fuzz/fuzz_state.c $(CORE_OBJS)
	$(Q)$(CC) $(TEST_CFLAGS) -fsanitize=fuzzer -o $@ \
	    tests/fuzz/fuzz_state.c $(CORE_OBJS) $(CORE_LIBS)

# Regenerates the KEYS section of the man page from the key table.
man-keys: $(BIN)
	{ sed '/keys-begin/q' man/lectern.1; ./$(BIN) --keys=man; \
	  sed -n '/keys-end/,$$p' man/lectern.1; } > man/lectern.1.new
	mv man/lectern.1.new man/lectern.1

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/lectern
	install -m 644 man/lectern.1 $(DESTDIR)$(MANDIR)/man1/lectern.1
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
	    $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 assets/completions/lectern.bash $(DESTDIR)$(BASHCOMPDIR)/lectern
	install -m 644 assets/completions/_lectern $(DESTDIR)$(ZSHCOMPDIR)/_lectern
	install -m 644 assets/completions/lectern.fish \
	    $(DESTDIR)$(FISHCOMPDIR)/lectern.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lectern $(DESTDIR)$(MANDIR)/man1/lectern.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/lectern $(DESTDIR)$(ZSHCOMPDIR)/_lectern \
	    $(DESTDIR)$(FISHCOMPDIR)/lectern.fish

clean:
	rm -rf build build-check build-fuzz lectern tests/unit tests/fuzzrun \
	    tests/fuzzstate $(TOOLS)

.PHONY: all run test check sanitized fuzz valgrind bench man-keys install uninstall clean

-include $(wildcard $(OBJDIR)/*.d)
