/* okr: mounted at /okr/ by nginx. */
#include "app.h"
#include "http.h"
#include "tmpl.h"

/* The start page of the module. */
static int
okr_home(struct req *r)
{
	return resp_page(r, 200, "layout/home.tpl", page_dict(r, "NAV_OKR"));
}

static const struct route routes[] = {
	{ "GET", "/okr/", ROLES_MANAGER, 0, okr_home },
};

int
main(void)
{
	static const struct plugin p = {
		"okr", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};
	return app_main(&p);
}
