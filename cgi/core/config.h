/* Process configuration: a "key = value" file named by $SL_CONFIG, read once
 * at start-up. Unknown keys are refused so typos do not pass silently. */
#ifndef SL_CONFIG_H
#define SL_CONFIG_H

#include <stddef.h>

struct config {
	char db_socket[256];
	char db_host[128];
	unsigned db_port;
	char db_name[64];
	char db_user[64];
	char db_password[128];
	char template_dir[512];
	char static_dir[512];
	unsigned char secret[32];   /* from 64 hex digits */
	int  secure_cookies;
	char base_url[256];
	char log_level[16];
	size_t max_body;            /* bytes; larger bodies get 413 */
	unsigned session_hours;     /* idle lifetime of a staff session */
	char counters_dir[512];     /* shared-memory request counters (counters.h) */
};

extern struct config cfg;

/* Parse a config text into c (defaults first). Returns 0, or -1 with a
 * message in err (errlen bytes) naming the line. */
int	config_parse(struct config *c, const char *text, size_t len, char *err, size_t errlen);
/* Load $SL_CONFIG (or path) into the global cfg; -1 with message on stderr. */
int	config_load(const char *path);
void	config_defaults(struct config *c);

#endif
