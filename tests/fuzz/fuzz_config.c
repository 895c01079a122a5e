/* libFuzzer entry point for config_parse(): any bytes as a config file.
 * It must either accept them or say which line is wrong, never crash, and
 * an accepted config must hold NUL-terminated strings within their fields. */
// fuzz-sources: cgi/core/config.c
// fuzz-max-len: 8192
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	char err[200];
	int rc;

	memset(err, 'x', sizeof(err));
	rc = config_parse(&c, (const char *)data, size, err, sizeof(err));
	CHECK(rc == 0 || rc == -1);
	if (rc == -1) {
		CHECK(memchr(err, '\0', sizeof(err)) != NULL);
		CHECK(strncmp(err, "line ", 5) == 0);
		return 0;
	}
	CHECK(memchr(c.db_socket, '\0', sizeof(c.db_socket)) != NULL);
	CHECK(memchr(c.db_name, '\0', sizeof(c.db_name)) != NULL);
	CHECK(memchr(c.template_dir, '\0', sizeof(c.template_dir)) != NULL);
	CHECK(memchr(c.base_url, '\0', sizeof(c.base_url)) != NULL);
	CHECK(c.session_hours > 0);
	CHECK(c.db_port <= 65535);
	return 0;
}
