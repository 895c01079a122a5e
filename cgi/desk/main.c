/* desk: mounted at /desk/ by nginx. */
#include "app.h"
#include "http.h"
#include "tmpl.h"

/* The start page of the module. */
static int
desk_home(struct req *r)
{
	return resp_page(r, 200, "layout/home.tpl", page_dict(r, "NAV_DESK"));
}

static const struct route routes[] = {
	{ "GET", "/desk/", ROLES_DESK, 0, desk_home },
};

int
main(void)
{
	static const struct plugin p = {
		"desk", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};
	return app_main(&p);
}
