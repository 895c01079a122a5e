/* admin: mounted at /admin/ by nginx. */
#include "app.h"
#include "http.h"
#include "tmpl.h"

/* The start page of the module. */
static int
admin_home(struct req *r)
{
	return resp_page(r, 200, "layout/home.tpl", page_dict(r, "NAV_ADMIN"));
}

static const struct route routes[] = {
	{ "GET", "/admin/", ROLES_ADMIN, 0, admin_home },
};

int
main(void)
{
	static const struct plugin p = {
		"admin", routes, sizeof(routes) / sizeof(routes[0]), NULL, 0
	};
	return app_main(&p);
}
