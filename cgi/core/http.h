/* One HTTP request and its response, as seen by handlers. Everything hangs
 * off the per-request arena r->a and is gone after the accept pass. */
#ifndef SL_HTTP_H
#define SL_HTTP_H

#include <stddef.h>
#include "parse.h"

struct arena;
struct io;
typedef struct tmpl_dict tmpl_dict;

enum role {
	ROLE_NONE = 0,
	ROLE_VIEWER,
	ROLE_TECHNICIAN,
	ROLE_AGENT,
	ROLE_SUPERVISOR,
	ROLE_ADMIN,
	ROLE__MAX
};

struct user {
	long long   id;
	const char *login;
	const char *name;
	enum role   role;
	const char *lang;       /* account language, may be "" */
	long long   team_id;    /* 0 if none */
	const char *region;     /* where a technician works (users.region), may be "" */
};

#define HTTP_MAX_HEADERS 16
#define HTTP_MAX_PARAMS  4

struct http_header {
	const char *name;
	const char *val;
};

struct req {
	struct arena       *a;
	struct io          *io;
	char              **envp;

	/* request, validated */
	const char *method;         /* GET, POST, HEAD ... */
	const char *path;           /* decoded path, no query */
	const char *remote_addr;
	const char *origin;         /* Origin header or NULL */
	const char *host;
	int         https;
	struct form query;          /* parsed query string */
	struct form body;           /* parsed urlencoded or multipart body */
	const char *raw_body;       /* body bytes for JSON APIs (NUL-terminated) */
	size_t      raw_len;
	const char *ctype;          /* request Content-Type or "" */
	struct kv  *cookies;
	size_t      ncookies;
	const char *params[HTTP_MAX_PARAMS];  /* captures of the route pattern */

	/* who is asking */
	struct user *user;          /* NULL when not signed in */
	const char  *session_id;    /* hex of the session token hash, if any */
	/* The row of the route's session statement (route.session_q): the
	 * page's own columns from AUTH_SESSION_NCOLS on; NULL without one.
	 * session_q is the statement that gave it: a page reads the row only
	 * when it is its own statement's. */
	const struct db_res *session_row;
	const struct db_q   *session_q;
	const char  *csrf;          /* token to embed in forms */
	const char  *lang;          /* "zh-CN" or "en" */
	/* What the handler loaded for this request (its plugin's type, in the
	 * arena), for the parts of the page that would read it again. */
	const void  *loaded;

	/* response */
	int                status;
	struct http_header hdrs[HTTP_MAX_HEADERS];
	size_t             nhdrs;
	int                responded;
	int                write_failed;
	size_t             bytes_out;
	long long          t0_us;
};

/* Request accessors: first value of a field of the body / query, or NULL. */
const char *req_form(const struct req *, const char *name);
const char *req_query(const struct req *, const char *name);
const char *req_cookie(const struct req *, const char *name);
const char *req_env(const struct req *, const char *name);

/* Response. All return 0, or -1 when the client has gone (write failed). */
void	resp_header(struct req *, const char *name, const char *val);
int	resp_raw(struct req *, int status, const char *ctype, const void *body, size_t len);
int	resp_redirect(struct req *, const char *location);    /* 303 See Other */
/* Render templates/<file> as a full page (layout, catalog, user, csrf). */
int	resp_page(struct req *, int status, const char *file, tmpl_dict *);
/* An error page with a catalog message key (e.g. "ERR_NOT_FOUND"). */
int	resp_error(struct req *, int status, const char *msg_key);
/* A cookie; max_age < 0 means a session cookie, 0 deletes it. */
void	resp_cookie(struct req *, const char *name, const char *val, long max_age);

/* A dictionary pre-filled for a page of this request: messages of the
 * request language, the signed-in user, the csrf token, the nav. Caller
 * passes it to resp_page, which frees it. */
tmpl_dict *page_dict(struct req *, const char *title_key);

const char *role_name(enum role);
enum role   role_parse(const char *);
long long   now_us(void);
/* 1 when s is a path of this site to redirect to: "/" and then no second
 * "/" and no backslash, control character or space anywhere (browsers drop
 * tabs and newlines, which would turn "/\t/x" into "//x"). */
int	    local_path_ok(const char *s);
/* s with every byte outside [A-Za-z0-9-._~/] as %XX (arena). */
char	   *url_encode(struct arena *, const char *s);

#endif
