/* The accept loop and the request pipeline shared by every plugin:
 * read and validate input → route → database ready → session → role and
 * CSRF checks → handler → log. Handlers only see validated requests. */
#include "app.h"
#include "arena.h"
#include "auth.h"
#include "config.h"
#include "counters.h"
#include "db.h"
#include "http_internal.h"
#include "i18n.h"
#include "json.h"
#include "log.h"
#include "tmpl.h"
#include "valid.h"

#include <fcgiapp.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern char **environ;

/* A request whose arena grew past this leaves the heap trimmed: the blocks
 * it freed (and those of the template and MariaDB results) go back to the
 * system instead of staying in the worker's RSS for good. Small requests,
 * the usual case, pay nothing. */
#define APP_TRIM_AFTER (256 * 1024)

static int
starts_with(const char *s, const char *prefix)
{
	return s != NULL && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Read the whole body (a short body is refused). 0 ok, else HTTP status. */
static int
app_read_body(struct req *r)
{
	const char *cl = req_env(r, "CONTENT_LENGTH");
	char *end, *buf;
	unsigned long long n;
	size_t got = 0;

	if (cl == NULL || *cl == '\0')
		return 0;
	n = strtoull(cl, &end, 10);
	if (*end != '\0' || *cl == '-')
		return 400;
	if (n > cfg.max_body)
		return 413;
	buf = arena_alloc(r->a, (size_t)n + 1);
	while (got < n) {
		int k = io_read(r, buf + got, n - got);
		if (k <= 0)
			return 400;
		got += (size_t)k;
	}
	buf[n] = '\0';
	r->raw_body = buf;
	r->raw_len = (size_t)n;
	return 0;
}

/* Parse query, cookies and body. 0 ok, else HTTP status. */
static int
app_parse_input(struct req *r)
{
	const char *qs = req_env(r, "QUERY_STRING");
	const char *ck = req_env(r, "HTTP_COOKIE");
	enum parse_err pe;
	int st;

	if (!utf8_valid_text(r->path, strlen(r->path)) || strpbrk(r->path, "\r\n\t") != NULL)
		return 400;
	if (qs != NULL && parse_urlencoded(r->a, qs, strlen(qs), &r->query) != PARSE_OK)
		return 400;
	if (ck != NULL && parse_cookies(r->a, ck, &r->cookies, &r->ncookies) != PARSE_OK)
		return 400;
	if ((st = app_read_body(r)) != 0)
		return st;
	if (r->raw_len == 0)
		return 0;
	if (starts_with(r->ctype, "application/x-www-form-urlencoded"))
		pe = parse_urlencoded(r->a, r->raw_body, r->raw_len, &r->body);
	else if (starts_with(r->ctype, "multipart/form-data"))
		pe = parse_multipart(r->a, r->ctype, (const unsigned char *)r->raw_body,
		    r->raw_len, &r->body);
	else if (starts_with(r->ctype, "application/json"))
		return utf8_valid_text(r->raw_body, r->raw_len) ? 0 : 400;
	else
		return 415;
	if (pe == PARSE_TOO_MANY || pe == PARSE_TOO_LONG)
		return 413;
	return pe == PARSE_OK ? 0 : 400;
}

/* A cross-site POST never reaches a handler: Origin, when sent, must be us. */
static int
app_origin_ok(const struct req *r)
{
	const char *o = r->origin;
	const char *scheme = r->https ? "https://" : "http://";
	size_t sl = strlen(scheme);

	if (o == NULL)
		return 1;
	if (cfg.base_url[0] != '\0' && strcasecmp(o, cfg.base_url) == 0)
		return 1;
	return r->host != NULL && strncasecmp(o, scheme, sl) == 0 &&
	    strcasecmp(o + sl, r->host) == 0;
}

static void
app_choose_lang(struct req *r)
{
	const char *q = req_query(r, "lang"), *explicit_lang = req_cookie(r, "sl_lang");

	if (q != NULL && (strcmp(q, "en") == 0 || strcmp(q, "zh-CN") == 0)) {
		resp_cookie(r, "sl_lang", q, 365L * 24 * 3600);
		explicit_lang = q;
	} else if (r->user != NULL && r->user->lang[0] != '\0') {
		explicit_lang = r->user->lang;
	}
	r->lang = i18n_choose(explicit_lang, req_env(r, "HTTP_ACCEPT_LANGUAGE"));
}

/* For ROUTE_SESSION_ID: the route's first capture as a number (the rule
 * of valid_int), 0 when it is none; the handler still checks it and
 * answers 404. */
static long long
app_page_id(const struct req *r)
{
	long long id;

	if (r->params[0] == NULL || valid_int(r->params[0], 1, LLONG_MAX, &id) != NULL)
		return 0;
	return id;
}

static int
app_healthz(struct req *r)
{
	static struct db_q q_ping = DB_Q("SELECT 1");
	struct db_res *res;

	if (db_ready() != DB_OK || db_query(r->a, &q_ping, &res, "") != DB_OK)
		return resp_raw(r, 503, "text/plain; charset=utf-8", "db down\n", 8);
	return resp_raw(r, 200, "text/plain; charset=utf-8", "ok\n", 3);
}

static int
app_is_healthz(const char *path)
{
	size_t n = strlen(path);

	return n >= 8 && strcmp(path + n - 8, "/healthz") == 0;
}

/* Authorisation and CSRF, in one place for every route. */
static int
app_guard(struct req *r, const struct route *rt)
{
	if (rt->roles != ROLES_PUBLIC) {
		if (r->user == NULL) {
			if (strcmp(rt->method, "GET") == 0)
				return resp_redirect(r, arena_printf(r->a, "/login?next=%s",
				    url_encode(r->a, r->path))) == 0 ? 1 : -1;
			return resp_error(r, 401, "ERR_LOGIN_REQUIRED") == 0 ? 1 : -1;
		}
		if ((rt->roles & ROLE_BIT(r->user->role)) == 0) {
			const char *home = route_role_home(r->user);

			/* Where "/" and signing in lead, a role that cannot use
			 * it (a viewer) lands on its own start page, not a 403. */
			if (strcmp(rt->method, "GET") == 0 && route_is_site_start(r->path) &&
			    strcmp(home, r->path) != 0)
				return resp_redirect(r, home) == 0 ? 1 : -1;
			return resp_error(r, 403, "ERR_FORBIDDEN") == 0 ? 1 : -1;
		}
	}
	if (strcmp(r->method, "POST") == 0 && !(rt->flags & ROUTE_NO_CSRF) &&
	    (!app_origin_ok(r) || !auth_csrf_ok(r)))
		return resp_error(r, 403, "ERR_CSRF") == 0 ? 1 : -1;
	return 0;
}

/* A GET of a form's action, a URL that takes only POST (a reload of the
 * page that answered a refused form, that page's language link, a copied
 * address), shows the page the form is on: 303 to the path without its
 * last segment, query kept, when that path is a page of this plugin below
 * the root ("/track/C/reply" → "/track/C"). 0 when answered. */
static int
app_action_get(struct req *r, const struct plugin *p)
{
	const char *params[HTTP_MAX_PARAMS], *slash, *qs;
	char *parent;
	size_t idx;

	if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0)
		return -1;
	if ((slash = strrchr(r->path, '/')) == NULL || slash == r->path)
		return -1;
	parent = arena_strndup(r->a, r->path, (size_t)(slash - r->path));
	if (route_find(r->a, p->routes, p->nroutes, "GET", parent, params, &idx) != ROUTE_FOUND)
		return -1;
	qs = req_env(r, "QUERY_STRING");
	resp_redirect(r, qs != NULL && *qs != '\0' ? arena_printf(r->a, "%s?%s", parent, qs) :
	    parent);
	return 0;
}

static void
app_dispatch(struct req *r, const struct plugin *p)
{
	const struct route *rt;
	size_t idx;
	long long page_id;
	int st, g;
	enum route_match m;

	r->lang = i18n_choose(req_cookie(r, "sl_lang"), req_env(r, "HTTP_ACCEPT_LANGUAGE"));
	if ((st = app_parse_input(r)) != 0) {
		resp_error(r, st, st == 413 ? "ERR_TOO_LARGE" : st == 415 ?
		    "ERR_UNSUPPORTED_TYPE" : "ERR_BAD_REQUEST");
		return;
	}
	if (app_is_healthz(r->path)) {
		app_healthz(r);
		return;
	}
	m = route_find(r->a, p->routes, p->nroutes, r->method, r->path, r->params, &idx);
	if (m != ROUTE_FOUND) {
		if (m == ROUTE_BAD_METHOD && app_action_get(r, p) == 0)
			return;
		if (m == ROUTE_BAD_METHOD)
			resp_header(r, "Allow", "GET, HEAD, POST");
		resp_error(r, m == ROUTE_BAD_METHOD ? 405 : 404,
		    m == ROUTE_BAD_METHOD ? "ERR_METHOD" : "ERR_NOT_FOUND");
		return;
	}
	rt = &p->routes[idx];
	page_id = (rt->flags & ROUTE_SESSION_ID) ? app_page_id(r) : 0;
	if (!(rt->flags & ROUTE_NO_DB) && (db_ready() != DB_OK || auth_session_load(r,
	    rt->session_q, (rt->flags & ROUTE_SESSION_ID) ? &page_id : NULL) != DB_OK)) {
		resp_error(r, 503, "ERR_DB_DOWN");
		return;
	}
	app_choose_lang(r);
	if ((g = app_guard(r, rt)) != 0)
		return;
	rt->handler(r);
	if (!r->responded)
		resp_error(r, 500, "ERR_INTERNAL");
}

static void
app_log_request(const struct req *r, const struct plugin *p)
{
	char path[512];
	long long us = now_us() - r->t0_us;

	fprintf(stderr, "{\"plugin\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,"
	    "\"us\":%lld,\"bytes\":%zu,\"user\":%lld,\"ip\":\"%s\"%s}\n",
	    p->name, r->method, json_escape_buf(path, sizeof(path), r->path), r->status, us,
	    r->bytes_out, r->user != NULL ? r->user->id : 0LL,
	    r->remote_addr != NULL ? r->remote_addr : "",
	    r->write_failed ? ",\"client_gone\":true" : "");
	fflush(stderr);
}

static void
app_serve(struct arena *a, struct io *io, char **envp, const struct plugin *p)
{
	struct req r;

	memset(&r, 0, sizeof(r));
	r.t0_us = now_us();
	r.a = a;
	r.io = io;
	r.envp = envp;
	r.status = 200;
	req_init_env(&r);
	app_dispatch(&r, p);
	(void)io_end(&r);   /* a client gone is in r.write_failed, logged below */
	counters_request(r.status, now_us() - r.t0_us);   /* a few atomic adds */
	app_log_request(&r, p);
}

/* The end of a request: its arena goes, and the heap after a big one. */

static void
app_end_request(struct arena *a)
{
	size_t used = a->total;

	arena_reset(a);
	if (used > APP_TRIM_AFTER)
		malloc_trim(0);
}

/* libfcgi closes a connection by waiting for nginx to hang up first
 * (shutdown, poll up to 2 s, read): a sleep and a wake-up per request, so
 * that unread input cannot turn into a reset that loses the response.
 * Once the request's input is read to its end there is nothing left to
 * reset, so the connection is detached and FCGX_Finish_r closes it at once. */
static void
app_close_without_wait(FCGX_Request *fr)
{
	char rest[4096];

	while (FCGX_GetStr(rest, sizeof(rest), fr->in) > 0)
		;
	if (FCGX_HasSeenEOF(fr->in) == EOF && FCGX_GetError(fr->in) == 0)
		(void)FCGX_Detach(fr);
}

int
app_main(const struct plugin *p)
{
	struct arena a;
	struct io io;
	FCGX_Request fr;

	signal(SIGPIPE, SIG_IGN);
	if (config_load(NULL) != 0 || sodium_init() < 0 || tmpl_init(cfg.template_dir) != 0)
		return 1;
	i18n_register(core_msgs, core_nmsgs);
	if (p->msgs != NULL)
		i18n_register(p->msgs, p->nmsgs);
	if (cfg.counters_dir[0] != '\0')
		(void)counters_open(cfg.counters_dir, p->name);   /* logs why when it fails */
	if (db_open() != 0)
		log_msg("warn", "database not reachable at start", p->name);
	arena_init(&a);
	if (FCGX_IsCGI()) {
		io_init_cgi(&io);
		app_serve(&a, &io, environ, p);
		io_flush_cgi(&io);
	} else {
		if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0)
			return 1;
		while (FCGX_Accept_r(&fr) >= 0) {
			io_init_fcgi(&io, fr.in, fr.out, fr.ipcFd, fr.requestId);
			app_serve(&a, &io, fr.envp, p);
			app_close_without_wait(&fr);
			FCGX_Finish_r(&fr);
			app_end_request(&a);
		}
	}
	arena_free(&a);
	db_close();
	counters_close();
	return 0;
}
