/* The program of a plugin: its routes and catalog, and the accept loop
 * that runs them (FastCGI, or one request as classic CGI). */
#ifndef SL_APP_H
#define SL_APP_H

#include <stddef.h>
#include "route.h"

struct i18n_msg;

struct plugin {
	const char            *name;     /* "desk" */
	const struct route    *routes;
	size_t                 nroutes;
	const struct i18n_msg *msgs;     /* plugin catalog, may be NULL */
	size_t                 nmsgs;
};

int	app_main(const struct plugin *);

#endif
