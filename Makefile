# lectern: a terminal reader for long interviews and podcast transcripts.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DESTDIR	?=

CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wwrite-strings -Wformat=2
PKG_CONFIG ?= pkg-config
CURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
LECTERN_CPPFLAGS = -Iinclude -D_GNU_SOURCE
LECTERN_CFLAGS	 = -std=c11 $(WARN) -MMD -MP
LIBS	 = $(CURSES_LIBS) -lunistring

# The model, parser, layout and search: no curses in these.
CORE	 = util text doc parse layout render
# The terminal user interface.
UI	 = main
OBJDIR	?= build

CORE_OBJS = $(CORE:%=$(OBJDIR)/%.o) $(OBJDIR)/asset.o
UI_OBJS	  = $(UI:%=$(OBJDIR)/%.o)

ifeq ($(V),1)
Q =
else
Q = @
endif

all: lectern

lectern: $(CORE_OBJS) $(UI_OBJS)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(OBJDIR)/%.o: src/%.c | $(OBJDIR)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(LECTERN_CPPFLAGS) $(CPPFLAGS) $(LECTERN_CFLAGS) $(CFLAGS) $(CURSES_CFLAGS) -c -o $@ $<

$(OBJDIR)/asset.o: src/asset.S assets/interview.txt | $(OBJDIR)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(CFLAGS) -c -o $@ src/asset.S

$(OBJDIR):
	$(Q)mkdir -p $@

run: lectern
	./lectern

clean:
	rm -rf build build-check lectern tests/unit tests/ptyrun

.PHONY: all run clean

-include $(wildcard $(OBJDIR)/*.d)
