/* intake: mounted at /repair by nginx. */
#include "app.h"
#include "http.h"
#include "tmpl.h"

/* The start page of the module. */
static int
intake_home(struct req *r)
{
	return resp_page(r, 200, "layout/home.tpl", page_dict(r, "NAV_REPAIR"));
}

static const struct route routes[] = {
	{ "GET", "/repair", ROLES_PUBLIC, 0, intake_home },
};

int
main(void)
{
	static const struct plugin p = {
		"intake", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};
	return app_main(&p);
}
