/* journey: mounted at /journeys/ by nginx. */
#include "app.h"
#include "http.h"
#include "tmpl.h"

/* The start page of the module. */
static int
journey_home(struct req *r)
{
	return resp_page(r, 200, "layout/home.tpl", page_dict(r, "NAV_JOURNEYS"));
}

static const struct route routes[] = {
	{ "GET", "/journeys/", ROLES_MANAGER, 0, journey_home },
};

int
main(void)
{
	static const struct plugin p = {
		"journey", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};
	return app_main(&p);
}
