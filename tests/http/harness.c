#include "harness.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct hc {
	CURL *curl;
};

struct buf {
	char   *p;
	size_t  len;
};

const char *
test_base_url(void)
{
	const char *u = getenv("SL_TEST_URL");

	return u != NULL ? u : "http://127.0.0.1:18080";
}

struct hc *
hc_new(void)
{
	struct hc *h = calloc(1, sizeof(*h));

	if (h == NULL)
		abort();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	h->curl = curl_easy_init();
	curl_easy_setopt(h->curl, CURLOPT_COOKIEFILE, "");   /* in-memory jar */
	curl_easy_setopt(h->curl, CURLOPT_TIMEOUT, 30L);
	return h;
}

void
hc_set_source(struct hc *h, const char *ip)
{
	curl_easy_setopt(h->curl, CURLOPT_INTERFACE, ip);
}

void
hc_free(struct hc *h)
{
	if (h == NULL)
		return;
	curl_easy_cleanup(h->curl);
	free(h);
}

static size_t
buf_write(char *data, size_t size, size_t n, void *ud)
{
	struct buf *b = ud;
	size_t add = size * n;
	char *p = realloc(b->p, b->len + add + 1);

	if (p == NULL)
		return 0;
	memcpy(p + b->len, data, add);
	b->p = p;
	b->len += add;
	b->p[b->len] = '\0';
	return add;
}

/* Keep only the last header block (the final response). */
static size_t
hdr_write(char *data, size_t size, size_t n, void *ud)
{
	struct buf *b = ud;

	if (n * size >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		b->len = 0;
		if (b->p != NULL)
			b->p[0] = '\0';
	}
	return buf_write(data, size, n, ud);
}

static int
hc_perform(struct hc *h, const char *path, const char *h1, const char *h2, struct http_resp *r)
{
	struct buf body = { NULL, 0 }, hdr = { NULL, 0 };
	struct curl_slist *hl = NULL;
	char url[2048];
	CURLcode rc;

	snprintf(url, sizeof(url), "%s%s", test_base_url(), path);
	curl_easy_setopt(h->curl, CURLOPT_URL, url);
	curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, buf_write);
	curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(h->curl, CURLOPT_HEADERFUNCTION, hdr_write);
	curl_easy_setopt(h->curl, CURLOPT_HEADERDATA, &hdr);
	curl_easy_setopt(h->curl, CURLOPT_FOLLOWLOCATION, 0L);
	hl = curl_slist_append(hl, "Expect:");
	if (h1 != NULL)
		hl = curl_slist_append(hl, h1);
	if (h2 != NULL)
		hl = curl_slist_append(hl, h2);
	curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, hl);
	rc = curl_easy_perform(h->curl);
	curl_slist_free_all(hl);
	memset(r, 0, sizeof(*r));
	if (rc != CURLE_OK) {
		fprintf(stderr, "curl %s: %s\n", url, curl_easy_strerror(rc));
		free(body.p);
		free(hdr.p);
		return -1;
	}
	curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &r->status);
	r->body = body.p != NULL ? body.p : strdup("");
	r->len = body.len;
	r->headers = hdr.p != NULL ? hdr.p : strdup("");
	return 0;
}

static void
hc_reset_method(struct hc *h)
{
	/* MIMEPOST (even NULL) selects POST: clear it before choosing GET. */
	curl_easy_setopt(h->curl, CURLOPT_MIMEPOST, NULL);
	curl_easy_setopt(h->curl, CURLOPT_HTTPGET, 1L);
}

int
hc_get_h(struct hc *h, const char *path, const char *extra_header, struct http_resp *r)
{
	hc_reset_method(h);
	return hc_perform(h, path, extra_header, NULL, r);
}

int
hc_get(struct hc *h, const char *path, struct http_resp *r)
{
	return hc_get_h(h, path, NULL, r);
}

int
hc_post_raw(struct hc *h, const char *path, const char *ctype, const char *body,
    size_t len, const char *extra_header, struct http_resp *r)
{
	char ct[256];

	hc_reset_method(h);
	curl_easy_setopt(h->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	snprintf(ct, sizeof(ct), "Content-Type: %s", ctype);
	return hc_perform(h, path, ct, extra_header, r);
}

int
hc_post_form_h(struct hc *h, const char *path, const char *body, const char *extra_header,
    struct http_resp *r)
{
	return hc_post_raw(h, path, "application/x-www-form-urlencoded", body, strlen(body),
	    extra_header, r);
}

int
hc_post_form(struct hc *h, const char *path, const char *body, struct http_resp *r)
{
	return hc_post_form_h(h, path, body, NULL, r);
}

int
hc_post_multipart(struct hc *h, const char *path, const struct hc_part *parts, size_t n,
    struct http_resp *r)
{
	curl_mime *mime = curl_mime_init(h->curl);
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		curl_mimepart *p = curl_mime_addpart(mime);
		size_t len = parts[i].len != 0 || parts[i].filename != NULL ? parts[i].len :
		    strlen(parts[i].value);

		curl_mime_name(p, parts[i].name);
		curl_mime_data(p, parts[i].value, len);
		if (parts[i].filename != NULL)
			curl_mime_filename(p, parts[i].filename);
		if (parts[i].ctype != NULL)
			curl_mime_type(p, parts[i].ctype);
	}
	curl_easy_setopt(h->curl, CURLOPT_MIMEPOST, mime);
	rc = hc_perform(h, path, NULL, NULL, r);
	curl_easy_setopt(h->curl, CURLOPT_MIMEPOST, NULL);
	curl_mime_free(mime);
	return rc;
}

void
http_resp_free(struct http_resp *r)
{
	free(r->body);
	free(r->headers);
	memset(r, 0, sizeof(*r));
}

char *
http_header(const struct http_resp *r, const char *name)
{
	const char *p = r->headers;
	size_t n = strlen(name);

	while (p != NULL && *p != '\0') {
		const char *eol = strstr(p, "\r\n");
		size_t linelen = eol != NULL ? (size_t)(eol - p) : strlen(p);

		if (linelen > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1;
			while (*v == ' ')
				v++;
			return strndup(v, linelen - (size_t)(v - p));
		}
		p = eol != NULL ? eol + 2 : NULL;
	}
	return NULL;
}

static char *
html_unescape(const char *s, size_t n)
{
	static const struct { const char *ent; char ch; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
		{ "&#39;", '\'' }, { "&#x27;", '\'' }, { "&#34;", '"' },
	};
	char *out = malloc(n + 1);
	size_t i = 0, o = 0, k;

	if (out == NULL)
		abort();
	while (i < n) {
		for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++) {
			size_t el = strlen(ents[k].ent);
			if (i + el <= n && strncmp(s + i, ents[k].ent, el) == 0) {
				out[o++] = ents[k].ch;
				i += el;
				break;
			}
		}
		if (k == sizeof(ents) / sizeof(ents[0]))
			out[o++] = s[i++];
	}
	out[o] = '\0';
	return out;
}

char *
html_input_value(const char *html, const char *name)
{
	char pat[256];
	const char *p, *tag, *v, *end;

	snprintf(pat, sizeof(pat), "name=\"%s\"", name);
	for (p = html; (p = strstr(p, pat)) != NULL; p += strlen(pat)) {
		tag = p;
		while (tag > html && *tag != '<')
			tag--;
		end = strchr(p, '>');
		if (end == NULL || strncmp(tag, "<input", 6) != 0)
			continue;
		v = strstr(tag, "value=\"");
		if (v == NULL || v > end)
			return strdup("");
		v += 7;
		return html_unescape(v, (size_t)(strchr(v, '"') - v));
	}
	return NULL;
}

char *
hc_escape(const char *s)
{
	CURL *c = curl_easy_init();
	char *e = curl_easy_escape(c, s, 0), *out = strdup(e);

	curl_free(e);
	curl_easy_cleanup(c);
	return out;
}

char *
hc_csrf(struct hc *h, const char *path)
{
	struct http_resp r;
	char *tok = NULL;

	if (hc_get(h, path, &r) == 0) {
		tok = html_input_value(r.body, "csrf");
		http_resp_free(&r);
	}
	return tok;
}

long
hc_login(struct hc *h, const char *login, const char *password)
{
	struct http_resp r;
	char *csrf = hc_csrf(h, "/login"), *l = hc_escape(login), *p = hc_escape(password);
	char body[1024];
	long st = -1;

	snprintf(body, sizeof(body), "csrf=%s&login=%s&password=%s", csrf ? csrf : "", l, p);
	if (hc_post_form(h, "/login", body, &r) == 0) {
		st = r.status;
		http_resp_free(&r);
	}
	free(csrf);
	free(l);
	free(p);
	return st;
}

long long
html_first_numeric_option(const char *html)
{
	const char *p = html;

	while ((p = strstr(p, "<option value=\"")) != NULL) {
		p += 15;
		if (*p >= '0' && *p <= '9')
			return strtoll(p, NULL, 10);
	}
	return 0;
}

char *
hc_repair_ticket(const char *description)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char body[4096], *csrf, *token, *loc, *code, *d = hc_escape(description);
	long long cat;

	assert_int_equal(hc_get(h, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	cat = html_first_numeric_option(r.body);
	http_resp_free(&r);
	assert_non_null(csrf);
	assert_non_null(token);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s"
	    "&name=%%E6%%9D%%8E%%E5%%A5%%B3%%E5%%A3%%AB&phone=13900139000&email="
	    "&product=KFR-35GW&serial=SN1&category=%lld&description=%s"
	    "&address=%%E4%%B8%%8A%%E6%%B5%%B7", csrf, token, cat, d);
	assert_int_equal(hc_post_form(h, "/repair", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	code = strdup(strrchr(loc, '/') + 1);
	free(loc);
	http_resp_free(&r);
	free(csrf);
	free(token);
	free(d);
	hc_free(h);
	return code;
}

void
assert_contains(const char *hay, const char *needle)
{
	if (hay == NULL || strstr(hay, needle) == NULL) {
		fprintf(stderr, "expected to find: %s\n", needle);
		fail();
	}
}

/* A page that is not there (NULL) fails too: absence was not shown. */
void
assert_not_contains(const char *hay, const char *needle)
{
	if (hay == NULL) {
		fprintf(stderr, "expected a page without \"%s\", got none\n", needle);
		fail();
	}
	if (strstr(hay, needle) != NULL) {
		fprintf(stderr, "expected not to find: %s\n", needle);
		fail();
	}
}

const char *
stack_name(void)
{
	const char *s = getenv("SL_TEST_STACK");

	return s != NULL ? s : "test";
}

/* All of f from its start, NUL-terminated (malloc'ed). */
static char *
slurp(FILE *f)
{
	char *p = NULL;
	size_t len = 0, n;
	char chunk[4096];

	rewind(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		char *q = realloc(p, len + n + 1);

		if (q == NULL)
			abort();
		p = q;
		memcpy(p + len, chunk, n);
		len += n;
	}
	if (p == NULL && (p = malloc(1)) == NULL)
		abort();
	p[len] = '\0';
	return p;
}

/* The mariadb client of the stack (conf/stack/stack.sh sql NAME) is
 * exec'ed with an argument vector and reads the SQL on its standard input,
 * so no shell ever parses the SQL: any quote in it reaches the server as
 * written. Output goes through temporary files (no pipe can fill up). */
int
stack_sql_run(const char *sql, char **out, char **err)
{
	char prog[] = "conf/stack/stack.sh", cmd[] = "sql", batch[] = "--batch",
	    nocols[] = "--skip-column-names", name[256];
	char *const argv[] = { prog, cmd, name, batch, nocols, NULL };
	FILE *in = tmpfile(), *o = tmpfile(), *e = tmpfile();
	int ws, st = -1;
	pid_t pid;

	snprintf(name, sizeof(name), "%s", stack_name());
	if (out != NULL)
		*out = NULL;
	if (err != NULL)
		*err = NULL;
	if (in == NULL || o == NULL || e == NULL)
		goto done;
	if (fputs(sql, in) == EOF || fputc('\n', in) == EOF || fflush(in) != 0)
		goto done;
	rewind(in);
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0)
		goto done;
	if (pid == 0) {
		if (dup2(fileno(in), 0) < 0 || dup2(fileno(o), 1) < 0 || dup2(fileno(e), 2) < 0)
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &ws, 0) < 0)
		;
	st = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
	if (out != NULL)
		*out = slurp(o);
	if (err != NULL)
		*err = slurp(e);
done:
	if (in != NULL)
		fclose(in);
	if (o != NULL)
		fclose(o);
	if (e != NULL)
		fclose(e);
	return st;
}

int
stack_sql(const char *sql)
{
	char *err;
	int st = stack_sql_run(sql, NULL, &err);

	if (st != 0)
		fprintf(stderr, "stack_sql (%d): %s\n%s", st, sql, err != NULL ? err : "");
	free(err);
	return st == 0 ? 0 : -1;
}

char *
stack_sql_value(const char *sql)
{
	char *out, *err;
	int st = stack_sql_run(sql, &out, &err);

	if (st != 0) {
		fprintf(stderr, "stack_sql_value (%d): %s\n%s", st, sql, err != NULL ? err : "");
		free(out);
		out = NULL;
	} else if (out[0] == '\0') {        /* no row */
		free(out);
		out = NULL;
	} else {
		out[strcspn(out, "\n")] = '\0';
	}
	free(err);
	return out;
}

long long
stack_sql_int(const char *sql)
{
	char *v = stack_sql_value(sql), *end;
	long long n;

	if (v == NULL)
		fail_msg("SQL gave no row: %s", sql);
	n = strtoll(v, &end, 10);
	if (end == v || *end != '\0')
		fail_msg("SQL gave no number: %s -> %s", sql, v);
	free(v);
	return n;
}

char *
ticket_snapshot(const char *where)
{
	char sql[2048], *v;

	snprintf(sql, sizeof(sql), "SELECT CONCAT_WS('|', t.status, t.priority, t.flagged,"
	    " COALESCE(t.assignee_id, '-'), COALESCE(t.team_id, '-'), t.version, t.updated_at,"
	    " COALESCE(t.resolve_due, '-'), t.description,"
	    " (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id),"
	    " (SELECT COALESCE(MAX(e.id), 0) FROM ticket_events e WHERE e.ticket_id = t.id),"
	    " (SELECT COUNT(*) FROM attachments a WHERE a.ticket_id = t.id),"
	    " (SELECT COUNT(*) FROM surveys s WHERE s.ticket_id = t.id),"
	    " (SELECT COUNT(*) FROM ticket_parts p WHERE p.ticket_id = t.id),"
	    " (SELECT COUNT(*) FROM visits vi WHERE vi.ticket_id = t.id))"
	    " FROM tickets t WHERE %s", where);
	v = stack_sql_value(sql);
	if (v == NULL)
		fail_msg("no ticket where %s", where);
	return v;
}

void
assert_ticket_unchanged(const char *where, char *before)
{
	char *after = ticket_snapshot(where);

	if (strcmp(before, after) != 0)
		fail_msg("ticket (%s) changed by a refused request:\n before %s\n after  %s",
		    where, before, after);
	free(before);
	free(after);
}

char *
tables_checksum(const char *tables)
{
	char sql[512], *out = NULL, *err = NULL;

	snprintf(sql, sizeof(sql), "CHECKSUM TABLE %s", tables);
	if (stack_sql_run(sql, &out, &err) != 0 || out == NULL || out[0] == '\0')
		fail_msg("%s: %s", sql, err != NULL ? err : "(client not run)");
	free(err);
	return out;
}

void
assert_tables_unchanged(const char *tables, char *before)
{
	char *after = tables_checksum(tables);

	if (strcmp(before, after) != 0)
		fail_msg("a refused request changed %s:\n before %s\n after  %s", tables,
		    before, after);
	free(before);
	free(after);
}

void
assert_sql_refused(const char *sql, const char *code, const char *message)
{
	char *err;
	int st = stack_sql_run(sql, NULL, &err);

	if (st == 0)
		fail_msg("the database accepted: %s", sql);
	if (err == NULL || strstr(err, code) == NULL || strstr(err, message) == NULL)
		fail_msg("%s\nexpected %s ... %s, got: %s", sql, code, message,
		    err != NULL ? err : "(client not run)");
	free(err);
}

int
test_stack(const char *cmd)
{
	char line[512];
	snprintf(line, sizeof(line), "conf/stack/stack.sh %s %s >/dev/null 2>&1", cmd,
	    stack_name());
	return system(line);
}

size_t
count_of(const char *hay, const char *needle)
{
	size_t n = 0;

	for (; (hay = strstr(hay, needle)) != NULL; hay += strlen(needle))
		n++;
	return n;
}

char *
csv_cell(const char *csv, int row, int col)
{
	const char *p = csv, *end;
	int i;

	for (i = 0; i < row && p != NULL; i++)
		if ((p = strstr(p, "\r\n")) != NULL)
			p += 2;
	if (p == NULL || *p == '\0')
		return NULL;
	for (i = 0; i < col && p != NULL; i++)
		if ((p = strpbrk(p, ",\r")) != NULL && *p == ',')
			p++;
		else
			return NULL;
	end = p + strcspn(p, ",\r");
	return strndup(p, (size_t)(end - p));
}
