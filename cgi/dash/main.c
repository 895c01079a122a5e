/* dash: mounted at /dash/ by nginx. */
#include "app.h"
#include "http.h"
#include "tmpl.h"

/* The start page of the module. */
static int
dash_home(struct req *r)
{
	return resp_page(r, 200, "layout/home.tpl", page_dict(r, "NAV_DASH"));
}

static const struct route routes[] = {
	{ "GET", "/dash/", ROLES_MANAGER, 0, dash_home },
};

int
main(void)
{
	static const struct plugin p = {
		"dash", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};
	return app_main(&p);
}
