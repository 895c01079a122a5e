/* The senders of notify_send.h that need libcurl, for the programs:
 * notify_http.c and notify_mail.c live in the module sl-notify-net.so,
 * loaded on the first message sent. Linking libcurl maps and relocates
 * its TLS, SSH, LDAP, IDN, HTTP/2... libraries (about 25) at the start of
 * every program that may send, ~4 MiB RSS in each sl-admin worker for a
 * "send test" it does now and then (and does in a child process:
 * notify_apart.c), so the workers themselves never load it.
 *
 * Where the module is: $SL_NOTIFY_MODULE when set, else
 * sl-notify-net.so beside the program (module.h). A module that cannot be
 * loaded fails every send with the reason as its error. */
#include "notify_send.h"
#include "module.h"

#include <dlfcn.h>
#include <stdio.h>

#define NOTIFY_MODULE "sl-notify-net.so"

typedef int (*http_post_fn)(struct arena *, const char *, const char *const *, const char *,
    const char **);
typedef int (*mail_send_fn)(struct arena *, const struct notify_channel_cfg *, const char *,
    const char *, const struct notify_text *, const char **);

static int          loaded;          /* 0 not tried, 1 loaded, -1 failed */
static http_post_fn mod_http_post;
static mail_send_fn mod_mail_send;
static char         load_error[512];

/* Load the module once per process. 0 ok, else -1 with *err the reason. */
static int
notify_net_load(const char **err)
{
	void *h;

	if (loaded == 0) {
		loaded = -1;
		if ((h = module_open(NOTIFY_MODULE, "SL_NOTIFY_MODULE", load_error,
		    sizeof(load_error))) != NULL) {
			/* POSIX: a data pointer from dlsym converts to a function pointer. */
			*(void **)&mod_http_post = dlsym(h, "notify_http_post");
			*(void **)&mod_mail_send = dlsym(h, "notify_mail_send");
			if (mod_http_post != NULL && mod_mail_send != NULL)
				loaded = 1;
			else
				snprintf(load_error, sizeof(load_error), "%s: missing functions",
				    NOTIFY_MODULE);
		}
	}
	if (loaded > 0)
		return 0;
	*err = load_error;
	return -1;
}

int
notify_http_post(struct arena *a, const char *url, const char *const *headers,
    const char *body, const char **err)
{
	if (notify_net_load(err) != 0)
		return -1;
	return mod_http_post(a, url, headers, body, err);
}

int
notify_mail_send(struct arena *a, const struct notify_channel_cfg *ch, const char *to,
    const char *key, const struct notify_text *t, const char **err)
{
	if (notify_net_load(err) != 0)
		return -1;
	return mod_mail_send(a, ch, to, key, t, err);
}
