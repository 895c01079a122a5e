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

#endif
