/* Pages of the auth plugin. */
#ifndef SL_AUTH_PAGES_H
#define SL_AUTH_PAGES_H

struct req;

int	login_get(struct req *);
int	login_post(struct req *);
int	logout_post(struct req *);
int	account_get(struct req *);
int	account_post(struct req *);
int	metrics_get(struct req *);
/* GET /: staff to their role's start page, visitors to /repair (root.c). */
int	site_root_get(struct req *);
/* Set a new device cookie for login, bound to its password hash
 * (cgi/core/login_guard.h): after a sign-in and a password change. */
void	device_cookie_set(struct req *, const char *login, const char *pw_hash);

#endif
