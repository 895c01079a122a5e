/* GET / : the site's front door. nginx passes "/" here (it used to send
 * everyone to /desk/, so customers met the staff sign-in). A signed-in
 * staff member goes to the start page of their role (route_role_home), a
 * visitor to the public repair form, which links the tracking look-up. */
#include "auth.h"
#include "http.h"
#include "route.h"

int
site_root_get(struct req *r)
{
	return resp_redirect(r, r->user != NULL ? route_role_home(r->user) : "/repair");
}
