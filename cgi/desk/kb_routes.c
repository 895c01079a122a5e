/* Routes of the knowledge base and the maintenance plans, merged into the
 * desk's table by main.c. Order matters: the first match wins, so the
 * fixed paths (/new) come before the id patterns. */
#include "desk.h"
#include "kb.h"
#include "route.h"

static const struct route kb_routes[] = {
	{ "GET",  "/desk/kb",              ROLES_DESK,  0, kb_list_get, NULL },
	{ "GET",  "/desk/kb/new",          ROLES_AGENT, 0, kb_new_get, NULL },
	{ "POST", "/desk/kb/new",          ROLES_AGENT, 0, kb_new_post, NULL },
	{ "GET",  "/desk/kb/:",            ROLES_DESK,  0, kb_article_get, NULL },
	{ "GET",  "/desk/kb/:/edit",       ROLES_AGENT, 0, kb_edit_get, NULL },
	{ "POST", "/desk/kb/:/edit",       ROLES_AGENT, 0, kb_edit_post, NULL },
	{ "POST", "/desk/kb/:/vote",       ROLES_DESK,  0, kb_vote_post, NULL },
	{ "GET",  "/desk/tickets/:/kb",    ROLES_DESK,  0, kb_ticket_get, NULL },
	{ "GET",  "/desk/plans",           ROLES_AGENT, 0, plans_list_get, NULL },
	{ "GET",  "/desk/plans/new",       ROLES_AGENT, 0, plans_new_get, NULL },
	{ "POST", "/desk/plans/new",       ROLES_AGENT, 0, plans_new_post, NULL },
	{ "GET",  "/desk/plans/:",         ROLES_AGENT, 0, plans_page_get, NULL },
	{ "POST", "/desk/plans/:/edit",    ROLES_AGENT, 0, plans_edit_post, NULL },
	{ "POST", "/desk/plans/:/generate", ROLES_AGENT, 0, plans_generate_post, NULL },
};

const struct route *const desk_kb_routes = kb_routes;
const size_t desk_kb_nroutes = sizeof(kb_routes) / sizeof(kb_routes[0]);
