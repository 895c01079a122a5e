/* The route table of a plugin: method + path pattern → handler, with the
 * roles allowed. Checked in one place (app.c) before any handler runs. */
#ifndef SL_ROUTE_H
#define SL_ROUTE_H

#include <stddef.h>
#include "http.h"

struct db_q;

#define ROLE_BIT(r)   (1u << (r))
#define ROLES_PUBLIC  0u
#define ROLES_STAFF   (ROLE_BIT(ROLE_VIEWER) | ROLE_BIT(ROLE_TECHNICIAN) | \
                       ROLE_BIT(ROLE_AGENT) | ROLE_BIT(ROLE_SUPERVISOR) | ROLE_BIT(ROLE_ADMIN))
#define ROLES_DESK    (ROLE_BIT(ROLE_TECHNICIAN) | ROLE_BIT(ROLE_AGENT) | \
                       ROLE_BIT(ROLE_SUPERVISOR) | ROLE_BIT(ROLE_ADMIN))
#define ROLES_AGENT   (ROLE_BIT(ROLE_AGENT) | ROLE_BIT(ROLE_SUPERVISOR) | ROLE_BIT(ROLE_ADMIN))
#define ROLES_MANAGER (ROLE_BIT(ROLE_VIEWER) | ROLE_BIT(ROLE_SUPERVISOR) | ROLE_BIT(ROLE_ADMIN))
#define ROLES_ADMIN   ROLE_BIT(ROLE_ADMIN)

enum route_flag {
	ROUTE_NO_CSRF = 1 << 0,   /* POST authenticated otherwise (API bearer key) */
	ROUTE_NO_DB   = 1 << 1,   /* works without the database */
	/* session_q takes the route's first capture as a number (0 when it
	 * is none), between the session hours and the token hash */
	ROUTE_SESSION_ID = 1 << 2,
};

typedef int (*route_handler)(struct req *);

struct route {
	const char   *method;     /* "GET" (also answers HEAD) or "POST" */
	const char   *pattern;    /* "/desk/tickets/:" — ':' is one segment, '*' the rest */
	unsigned      roles;      /* ROLES_PUBLIC or a mask of ROLE_BIT()s */
	unsigned      flags;
	route_handler handler;
	/* Optional: the session statement with the page's own columns after
	 * the session's (AUTH_SESSION_SELECT), read in the one round trip that
	 * checks the session; the handler finds them in r->session_row. */
	struct db_q  *session_q;
};

enum route_match {
	ROUTE_FOUND,
	ROUTE_NOT_FOUND,
	ROUTE_BAD_METHOD
};

/* Find the route for method and path; captures go to params (pointing into
 * arena copies). *idx is set when ROUTE_FOUND. */
enum route_match route_find(struct arena *, const struct route *, size_t n,
	    const char *method, const char *path, const char **params, size_t *idx);

/* The start page of a signed-in role (a page the role may see): viewers
 * the dashboard, technicians their work orders, the others the queue;
 * "/" for nobody signed in. */
const char *route_role_home(const struct user *);

/* 1 when u may open the staff queue (ROLES_DESK): the one rule for
 * showing links into it, such as a metric's "tickets behind it". */
int	route_may_open_desk(const struct user *);

/* 1 when path is the site's start page, where "/" (nginx) and signing
 * in without a "next" lead: "/desk/". */
int	route_is_site_start(const char *path);

#endif
