# ServiceLoop build. `make` builds everything into build/; `make run` starts
# the local stack on 127.0.0.1:$(PORT); `make test` runs every test suite
# against a private stack on other ports; `make stop` stops `make run`.

PORT      ?= 8080
TEST_PORT ?= 18080
CC        ?= cc
CXX       ?= c++
BUILD     ?= build

WARN      = -Wall -Wextra -Wformat=2 -Wmissing-prototypes -Wstrict-prototypes \
            -Wwrite-strings -Wshadow -Wpointer-arith -Wcast-qual -Wvla \
            -Wno-unused-parameter
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -D_GNU_SOURCE $(WARN) $(WERROR) $(EXTRA_CFLAGS) -Icgi/core -Icgi/service -I/usr/include/mariadb -MMD -MP
CXXFLAGS ?= -O2 -g
CXXFLAGS += -std=c++11 -Wall -Wextra $(WERROR) $(EXTRA_CFLAGS) -Icgi/core -Icgi/service -MMD -MP
LDFLAGS  += $(EXTRA_LDFLAGS)
# libvips (photos, cgi/core/image.c): its headers only where used, as system
# headers; linked as needed, so programs without photos do not load it. The
# workers do not link it: image.c is the module sl-image.so, which
# cgi/core/image_load.c loads on the first photo (RSS, see the README).
VIPS_CFLAGS := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags vips 2>/dev/null))
VIPS_LIBS   := -Wl,--as-needed $(shell pkg-config --libs vips 2>/dev/null) -Wl,--no-as-needed
# libqrencode (QR codes of the work-order print view, cgi/core/qr.c).
QR_LIBS     := -Wl,--as-needed -lqrencode -Wl,--no-as-needed
# libcurl (notifications: HTTP channels and SMTP, cgi/service/notify_http.c
# and notify_mail.c): those two are the module sl-notify-net.so, which
# cgi/service/notify_net_load.c loads on the first message sent (RSS, see
# the README); only sl-notify links libcurl itself (curl_global_init).
CURL_LIBS   := -Wl,--as-needed -lcurl -Wl,--no-as-needed
LIBS      = -lfcgi -lmariadb -lctemplate_nothreads -lsodium -lstdc++ -lm $(VIPS_LIBS) $(QR_LIBS)

PLUGINS   = intake auth desk dash journey okr admin

CORE_SRC  = $(filter-out cgi/core/image.c,$(wildcard cgi/core/*.c))
CORE_CXX  = $(wildcard cgi/core/*.cc)
CORE_OBJ  = $(CORE_SRC:%.c=$(BUILD)/%.o) $(CORE_CXX:%.cc=$(BUILD)/%.o)
CORE_LIB  = $(BUILD)/libslcore.a
# The service domain (tickets, SLA, metrics, rules, ...) over the runtime:
# linked before it, so it may call the runtime but never the reverse.
NOTIFY_NET_SRC = cgi/service/notify_http.c cgi/service/notify_mail.c
SERVICE_SRC = $(filter-out $(NOTIFY_NET_SRC),$(wildcard cgi/service/*.c))
SERVICE_OBJ = $(SERVICE_SRC:%.c=$(BUILD)/%.o)
SERVICE_LIB = $(BUILD)/libslservice.a
LIBS_SL   = $(SERVICE_LIB) $(CORE_LIB)

BINS      = $(PLUGINS:%=$(BUILD)/bin/sl-%) $(BUILD)/bin/sl-cli $(BUILD)/bin/sl-notify
IMAGE_MODULE = $(BUILD)/bin/sl-image.so
NOTIFY_NET_MODULE = $(BUILD)/bin/sl-notify-net.so
MODULES   = $(IMAGE_MODULE) $(NOTIFY_NET_MODULE)

UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HTTP_SRC  = $(wildcard tests/http/test_*.c)
HTTP_BINS = $(HTTP_SRC:tests/http/test_%.c=$(BUILD)/tests/http_%)
HTTP_LIB  = $(BUILD)/tests/http/harness.o
BENCH_BINS = $(BUILD)/tests/bench_image

.PHONY: all run stop test unit http browser check bench fuzz clean deps lint

all: $(BINS) $(MODULES) $(UNIT_BINS) $(HTTP_BINS) $(BENCH_BINS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/cgi/core/image.o $(BUILD)/tests/unit/test_image.o $(BUILD)/tests/http/test_photos.o \
    $(BUILD)/tests/bench/image_bench.o: \
    CFLAGS += $(VIPS_CFLAGS)

# The photo module: image.c and its own copy of the arena, position-independent.
$(BUILD)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(VIPS_CFLAGS) -fPIC -c -o $@ $<

$(IMAGE_MODULE): $(BUILD)/pic/cgi/core/image.o $(BUILD)/pic/cgi/core/arena.o
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -shared -o $@ $^ $(VIPS_LIBS)

# The senders over libcurl, with their own copies of what they call.
$(NOTIFY_NET_MODULE): $(NOTIFY_NET_SRC:%.c=$(BUILD)/pic/%.o) $(BUILD)/pic/cgi/core/arena.o \
    $(BUILD)/pic/cgi/core/json_parse.o $(BUILD)/pic/cgi/service/notify_sign.o
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -shared -Wl,-Bsymbolic -Wl,--no-undefined -o $@ $^ -lcurl -lsodium

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(CORE_LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SERVICE_LIB): $(SERVICE_OBJ)
	@rm -f $@
	ar rcs $@ $^

# One program per plugin: every .c of cgi/<plugin>/ plus the core library.
.SECONDEXPANSION:
$(BUILD)/bin/sl-%: $$(addprefix $(BUILD)/,$$(subst .c,.o,$$(wildcard cgi/$$*/*.c))) $(LIBS_SL)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# sl-notify sends all day: it links libcurl (curl_global_init at start).
$(BUILD)/bin/sl-notify: LIBS += $(CURL_LIBS)

$(BUILD)/bin/sl-cli: $(patsubst %.c,$(BUILD)/%.o,$(wildcard cgi/tools/*.c)) $(LIBS_SL)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/test_%: $(BUILD)/tests/unit/test_%.o $(LIBS_SL)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka

# The demo scenario is a tool's file (cgi/tools/), tested as a unit.
$(BUILD)/tests/test_demo_scenario: $(BUILD)/tests/unit/test_demo_scenario.o \
    $(BUILD)/cgi/tools/demo_scenario.o $(LIBS_SL)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka

$(BUILD)/tests/http_%: $(BUILD)/tests/http/test_%.o $(HTTP_LIB) $(LIBS_SL)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka -lcurl

$(BUILD)/tests/bench_image: $(BUILD)/tests/bench/image_bench.o $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

deps:
	@conf/stack/deps.sh

run: deps all
	@conf/stack/stack.sh up run $(PORT)
	@BUILD=$(BUILD) conf/stack/demo.sh run

stop:
	@conf/stack/stack.sh down run

unit: $(UNIT_BINS)
	@tests/run-unit.sh $(UNIT_BINS)

lint:
	@tests/lint.sh

test: deps all
	@BUILD=$(BUILD) tests/run-all.sh $(TEST_PORT)

check:
	@$(MAKE) BUILD=build-san EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    EXTRA_LDFLAGS="-fsanitize=address,undefined" TEST_PORT=$$(( $(TEST_PORT) + 100 )) test

bench: deps all
	@BUILD=$(BUILD) tests/bench/run.sh

FUZZ_SECONDS ?= 20
fuzz:
	@BUILD=$(BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh

clean:
	rm -rf build build-san

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
.SECONDARY:
