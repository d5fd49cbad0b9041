# paydesk - plain GNU make.
#   make            build build/paydesk
#   make run        install missing packages, build, demo store, open paydesk
#   make check      install what tests need, build, run every test tier
#   make check SANITIZE=1   the same with ASan and UBSan
#   make bench      speed and memory figures (builds a large store once)
#   make fuzz       run the fuzz harnesses (FUZZ_SECONDS each, default 60)
#   make install PREFIX=/usr/local ; make clean ; make deps

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
PKG_CONFIG ?= pkg-config
# parallel jobs of the build that make run and make check start
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

WARN    = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
          -Wwrite-strings -Wpointer-arith -Wformat=2 -Wno-format-nonliteral \
          -Wno-format-truncation
WERROR  ?= -Werror
OPT     ?= -O2 -g
PKGS    = sqlite3 jansson ncursesw libmicrohttpd libcrypto libutf8proc
# loaded at their first use (include/paydesk/dynlib.h), not linked: their
# headers only, and each library's soname for dlopen (libharu has no
# pkg-config file: its soname from the linker's search path)
DLPKGS  = libcurl libofx aqbanking gwenhywfar libpq fribidi fontconfig \
          harfbuzz harfbuzz-subset xlsxwriter libxml-2.0 zlib
soname  = $(shell objdump -p $$($(PKG_CONFIG) --variable=libdir $(1) 2>/dev/null)/$(2) \
          2>/dev/null | sed -n 's/^ *SONAME *//p')
soname_cc = $(shell objdump -p $$($(CC) -print-file-name=$(1)) 2>/dev/null \
          | sed -n 's/^ *SONAME *//p')
SONAMES := -DPD_SONAME_CURL='"$(call soname,libcurl,libcurl.so)"' \
           -DPD_SONAME_AQBANKING='"$(call soname,aqbanking,libaqbanking.so)"' \
           -DPD_SONAME_OFX='"$(call soname,libofx,libofx.so)"' \
           -DPD_SONAME_PQ='"$(call soname,libpq,libpq.so)"' \
           -DPD_SONAME_HPDF='"$(call soname_cc,libhpdf.so)"' \
           -DPD_SONAME_HB='"$(call soname,harfbuzz,libharfbuzz.so)"' \
           -DPD_SONAME_HB_SUBSET='"$(call soname,harfbuzz-subset,libharfbuzz-subset.so)"' \
           -DPD_SONAME_FC='"$(call soname,fontconfig,libfontconfig.so)"' \
           -DPD_SONAME_FRIBIDI='"$(call soname,fribidi,libfribidi.so)"' \
           -DPD_SONAME_Z='"$(call soname,zlib,libz.so)"' \
           -DPD_SONAME_XLSX='"$(call soname_cc,libxlsxwriter.so)"' \
           -DPD_SONAME_XML2='"$(call soname,libxml-2.0,libxml2.so)"' \
           -DPD_SONAME_MINIZIP='"$(call soname_cc,libminizip.so)"'
# an empty soname would dlopen the program itself: a library's -dev
# package is missing (make deps), or its files are not where we look
ifneq ($(findstring '"",$(SONAMES)),)
ifeq ($(filter deps check run bench fuzz clean,$(MAKECMDGOALS)),)
$(error A loaded library's soname is not known (run make deps): $(SONAMES))
endif
endif
CPPFLAGS += -Iinclude -I/usr/include/iniparser -D_GNU_SOURCE $(SONAMES)
CFLAGS  += -std=c11 $(OPT) $(WARN) $(WERROR) -MMD -MP \
           $(shell $(PKG_CONFIG) --cflags $(PKGS) $(DLPKGS) 2>/dev/null)
# minizip (loaded too) has no pkg-config entry above: its headers are
# named <minizip/...>, and its pkg-config directory would put its crypt.h
# before the system's <crypt.h> (src/service/auth.c)
LDLIBS  += $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -liniparser -lcrypt -ldl -pthread

ifeq ($(FUZZ),1)
# make fuzz: the library and the harnesses built by clang for libFuzzer
CC      = clang
BUILD   = build-fuzz
OPT     = -O1 -g
WERROR  =
WARN    := $(filter-out -Wno-format-truncation,$(WARN))
CFLAGS  += -fsanitize=fuzzer-no-link,address,undefined \
           -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
else ifeq ($(SANITIZE),1)
BUILD   = build-san
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
else
BUILD   = build
endif

# Debian packages the project needs: to build, to run, to test.
DEB_PKGS = build-essential pkg-config tzdata libsqlite3-dev sqlite3 libncurses-dev \
           libcurl4-openssl-dev libhpdf-dev libiniparser-dev \
           libmicrohttpd-dev libjansson-dev libcmocka-dev libcrypt-dev \
           libxlsxwriter-dev libminizip-dev unzip python3 curl openssl \
           fonts-dejavu-core tmux poppler-utils valgrind clang libclang-rt-14-dev \
           libssl-dev libutf8proc-dev gettext libfribidi-dev libfontconfig-dev \
           fonts-wqy-zenhei fonts-lohit-deva fonts-lohit-beng-bengali \
           libharfbuzz-dev libharfbuzz-bin libxml2-dev libofx-dev \
           libaqbanking-dev fonts-symbola fonts-khmeros fonts-hosny-amiri \
           libpq-dev postgresql zlib1g-dev

LIB_SRC  = $(wildcard src/core/*.c src/os/*.c src/config/*.c src/store/*.c \
           src/doc/*.c src/sync/*.c src/bank/*.c src/service/*.c)
TUI_SRC  = $(wildcard src/tui/*.c)
CLI_SRC  = $(wildcard src/cli/*.c)
CENTRAL_SRC = $(wildcard src/central/*.c)
CENTRAL_OBJ = $(CENTRAL_SRC:%.c=$(BUILD)/%.o)
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  = $(TUI_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# bench_lists.c is bench_debts's (its lists' figures), linked into it
TOOL_SRC = $(filter-out tests/tools/bench_lists.c,$(wildcard tests/tools/*.c))
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
# one harness per decoder; make check replays each over its corpus
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
REPLAY_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/replay_%)

# the translations: po/LINGUAS lists them, po/LANG.po each one; the
# catalogues go beside the binaries (build/locale), where paydesk looks
# first (src/os/i18n.c)
LINGUAS  = $(shell cat po/LINGUAS 2>/dev/null)
MO       = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/paydesk.mo)
# the files whose strings are marked with _() and N_(), and a document's
# with L_(lang, ...), LN_(lang, ...) and LP_(lang, ctx, ...), and text a
# machine reads too with M_(en, ...) and MN_(en, ...) (paydesk/i18n.h)
POT_SRC  = $(sort $(wildcard src/*/*.c src/*/*.h include/paydesk/*.h))
XGETTEXT_FLAGS = --keyword=_ --keyword=N_ --keyword=NC_:1c,2 --keyword=KC_:1c,2 --keyword=TC_:1c,2 --keyword=L_:2 \
           --keyword=LN_:2,3 --keyword=LP_:2c,3 --keyword=M_:2 --keyword=MN_:2,3 \
           --from-code=UTF-8 --sort-output \
           --omit-header --add-location=file --add-comments=TRANSLATORS: \
           --language=C

.PHONY: all deps run check unit cli-tests bench fuzz fuzzers install clean pot potfile

all: $(BUILD)/paydesk $(BUILD)/paydesk-central $(MO)

$(BUILD)/locale/%/LC_MESSAGES/paydesk.mo: po/%.po
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  MSGFMT  $<"
	$(Q)msgfmt --check -o $@ $<

# make pot: po/paydesk.pot again from the sources (make check fails while
# it is not current), then msgmerge each language; make potfile
# POT_OUT=FILE only writes the template (tests/cli/test_i18n.sh)
POT_OUT ?= po/paydesk.pot
potfile:
	@echo "  XGETTEXT $(POT_OUT)"
	$(Q)xgettext $(XGETTEXT_FLAGS) -o $(POT_OUT) $(POT_SRC)

pot: potfile
	$(Q)for l in $(LINGUAS); do \
	    msgmerge --quiet --update --backup=none --no-fuzzy-matching \
	        --sort-output po/$$l.po po/paydesk.pot; done

# V=1 shows the full commands
ifeq ($(V),1)
Q =
else
Q = @
endif

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# where an install keeps the catalogues, if /proc/self/exe cannot tell
$(BUILD)/src/os/i18n.o: CPPFLAGS += -DPD_LOCALEDIR='"$(PREFIX)/share/locale"'

$(BUILD)/libpaydesk.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/libpaydesk_tui.a: $(TUI_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/paydesk: $(CLI_OBJ) $(BUILD)/libpaydesk_tui.a $(BUILD)/libpaydesk.a
	@[ "$(V)" = 1 ] || echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/paydesk-central: $(CENTRAL_OBJ) $(BUILD)/libpaydesk.a
	@[ "$(V)" = 1 ] || echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lpthread

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libpaydesk.a
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  LD      $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) \
	    $(LDFLAGS) -o $@ $< $(BUILD)/libpaydesk.a $(LDLIBS) \
	    $(shell $(PKG_CONFIG) --libs cmocka)

# the bench's raw libharu receipt, beside paydesk's
$(BUILD)/tools/receipt_raw: LDLIBS += -lhpdf
$(BUILD)/tools/%: tests/tools/%.c $(BUILD)/libpaydesk_tui.a \
    $(BUILD)/libpaydesk.a
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  LD      $@"
	$(Q)$(CC) $(CPPFLAGS) -Isrc/tui $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libpaydesk_tui.a $(BUILD)/libpaydesk.a $(LDLIBS)

$(BUILD)/tools/bench_lists.o: tests/tools/bench_lists.c
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<
$(BUILD)/tools/bench_debts: tests/tools/bench_debts.c \
    $(BUILD)/tools/bench_lists.o $(BUILD)/libpaydesk_tui.a $(BUILD)/libpaydesk.a
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  LD      $@"
	$(Q)$(CC) $(CPPFLAGS) -Isrc/tui $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/tools/bench_lists.o $(BUILD)/libpaydesk_tui.a \
	    $(BUILD)/libpaydesk.a $(LDLIBS)

# the harness with replay.c's main: the corpus replay of make check
$(BUILD)/fuzz/replay_%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h \
    $(BUILD)/libpaydesk.a
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  LD      $@"
	$(Q)$(CC) $(CPPFLAGS) $(filter-out -MMD -MP,$(CFLAGS)) $(LDFLAGS) \
	    -o $@ $< tests/fuzz/replay.c $(BUILD)/libpaydesk.a $(LDLIBS)

# the harness with libFuzzer's main (FUZZ=1: clang)
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(BUILD)/libpaydesk.a
	@mkdir -p $(dir $@)
	@[ "$(V)" = 1 ] || echo "  LD      $@"
	$(Q)$(CC) $(CPPFLAGS) $(filter-out -MMD -MP,$(CFLAGS)) \
	    -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(BUILD)/libpaydesk.a \
	    $(LDLIBS)

fuzzers: $(FUZZ_BIN)

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
	    grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y \
	        --no-install-recommends $$missing; \
	fi

run: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@./$(BUILD)/paydesk demo --if-empty
	@./$(BUILD)/paydesk

check: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all $(UNIT_BIN) $(TOOL_BIN) $(REPLAY_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

bench: deps
	@$(MAKE) --no-print-directory all $(TOOL_BIN)
	@BUILD=$(BUILD) sh tests/bench.sh

fuzz: deps
	@$(MAKE) --no-print-directory FUZZ=1 fuzzers
	@BUILD=build-fuzz sh tests/fuzz.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man5 \
	    $(DESTDIR)$(PREFIX)/share/doc/paydesk
	install -d $(DESTDIR)$(PREFIX)/share/man/man8
	install -m 755 $(BUILD)/paydesk $(DESTDIR)$(PREFIX)/bin/paydesk
	install -m 755 $(BUILD)/paydesk-central \
	    $(DESTDIR)$(PREFIX)/bin/paydesk-central
	install -m 644 man/paydesk.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/paydesk-central.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	install -m 644 man/paydesk.ini.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 config.ini.example README.md \
	    $(DESTDIR)$(PREFIX)/share/doc/paydesk/
	$(Q)for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/paydesk.mo \
	        $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/ || exit 1; \
	done

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(CENTRAL_OBJ:.o=.d) $(TOOL_BIN:=.d) \
    $(BUILD)/tools/bench_lists.d
