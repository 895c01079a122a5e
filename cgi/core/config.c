#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct config cfg;

/* Where the workers keep their counters unless counters_dir is set:
 * counters/ in the service's runtime directory when systemd gives one
 * (RuntimeDirectory=: /run/serviceloop/counters, made writable for the
 * workers by the unit), else run/ under the working directory (the local
 * stack starts its workers in var/NAME, whose run/ holds their sockets). */
static void
config_default_counters_dir(char *dst, size_t cap)
{
	const char *rt = getenv("RUNTIME_DIRECTORY");
	size_t n = rt != NULL ? strcspn(rt, ":") : 0;

	if (n > 0 && rt[0] == '/' && n + sizeof("/counters") <= cap)
		snprintf(dst, cap, "%.*s/counters", (int)n, rt);
	else
		snprintf(dst, cap, "run");
}

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->db_name, sizeof(c->db_name), "serviceloop");
	snprintf(c->db_user, sizeof(c->db_user), "serviceloop");
	snprintf(c->db_host, sizeof(c->db_host), "localhost");
	snprintf(c->template_dir, sizeof(c->template_dir), "templates");
	snprintf(c->static_dir, sizeof(c->static_dir), "static");
	snprintf(c->log_level, sizeof(c->log_level), "info");
	c->max_body = 20u * 1024 * 1024;
	c->session_hours = 12;
	config_default_counters_dir(c->counters_dir, sizeof(c->counters_dir));
}

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

static int
set_str(char *dst, size_t cap, const char *v)
{
	if (strlen(v) >= cap)
		return -1;
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

static int
set_uint(unsigned long long *dst, const char *v, unsigned long long max)
{
	char *end;
	unsigned long long n;

	if (*v == '\0' || *v == '-')
		return -1;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno != 0 || *end != '\0' || n > max)
		return -1;
	*dst = n;
	return 0;
}

static int
set_secret(unsigned char *dst, const char *v)
{
	size_t i;

	if (strlen(v) != 64)
		return -1;
	for (i = 0; i < 32; i++) {
		int hi = hexval(v[2 * i]), lo = hexval(v[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		dst[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

/* One key; returns 0, -1 bad value, -2 unknown key. */
static int
config_set(struct config *c, const char *k, const char *v)
{
	unsigned long long n = 0;
	int rc;

#define STR(name) if (strcmp(k, #name) == 0) return set_str(c->name, sizeof(c->name), v)
	STR(db_socket); STR(db_host); STR(db_name); STR(db_user); STR(db_password);
	STR(template_dir); STR(static_dir); STR(base_url); STR(log_level); STR(counters_dir);
#undef STR
	if (strcmp(k, "secret") == 0)
		return set_secret(c->secret, v);
	if (strcmp(k, "db_port") == 0) {
		if ((rc = set_uint(&n, v, 65535)) == 0)
			c->db_port = (unsigned)n;
		return rc;
	}
	if (strcmp(k, "secure_cookies") == 0) {
		if ((rc = set_uint(&n, v, 1)) == 0)
			c->secure_cookies = (int)n;
		return rc;
	}
	if (strcmp(k, "max_body") == 0) {
		if ((rc = set_uint(&n, v, 1ull << 30)) == 0)
			c->max_body = (size_t)n;
		return rc;
	}
	if (strcmp(k, "session_hours") == 0) {
		if ((rc = set_uint(&n, v, 24 * 365)) == 0 && n > 0)
			c->session_hours = (unsigned)n;
		return n > 0 ? rc : -1;
	}
	return -2;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

int
config_parse(struct config *c, const char *text, size_t len, char *err, size_t errlen)
{
	char line[1024];
	size_t pos = 0, lineno = 0;

	config_defaults(c);
	while (pos < len) {
		size_t end = pos, n;
		char *k, *v, *eq;
		int rc;

		while (end < len && text[end] != '\n')
			end++;
		n = end - pos;
		lineno++;
		if (n >= sizeof(line) || memchr(text + pos, '\0', n) != NULL) {
			snprintf(err, errlen, "line %zu: too long or binary", lineno);
			return -1;
		}
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos = end + 1;
		k = trim(line);
		if (*k == '\0' || *k == '#')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			snprintf(err, errlen, "line %zu: expected key = value", lineno);
			return -1;
		}
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		rc = config_set(c, k, v);
		if (rc == -2) {
			snprintf(err, errlen, "line %zu: unknown key '%.64s'", lineno, k);
			return -1;
		}
		if (rc != 0) {
			snprintf(err, errlen, "line %zu: bad value for '%.64s'", lineno, k);
			return -1;
		}
	}
	return 0;
}

int
config_load(const char *path)
{
	FILE *f;
	char *buf, err[200];
	size_t len;
	long sz;
	int rc;

	if (path == NULL && (path = getenv("SL_CONFIG")) == NULL)
		path = "conf/serviceloop.conf";
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "{\"level\":\"fatal\",\"msg\":\"cannot open config\",\"path\":\"%s\"}\n", path);
		return -1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 0 || sz > 1 << 20 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	if ((buf = malloc((size_t)sz + 1)) == NULL) {
		fclose(f);
		return -1;
	}
	len = fread(buf, 1, (size_t)sz, f);
	fclose(f);
	rc = config_parse(&cfg, buf, len, err, sizeof(err));
	free(buf);
	if (rc != 0)
		fprintf(stderr, "{\"level\":\"fatal\",\"msg\":\"config: %s\"}\n", err);
	return rc;
}
