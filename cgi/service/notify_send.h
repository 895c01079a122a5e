/* Sending one notification: the channel settings (notify_channels), the
 * message as sl-notify claimed it from the outbox, its text from the
 * templates under templates/notify/, and the senders of each channel
 * (notify_http.c: webhook, robots, SMS adapter; notify_mail.c: SMTP).
 * Used by sl-notify and by the admin page's "send test". */
#ifndef SL_NOTIFY_SEND_H
#define SL_NOTIFY_SEND_H

#include <stddef.h>
#include "db.h"
#include "i18n.h"
#include "outbox.h"

struct arena;

struct notify_channel_cfg {
	enum notify_channel kind;
	int                 enabled;
	const char         *url, *secret, *username, *password, *from, *reply_to;
	int                 starttls;
	unsigned            text_limit;      /* SMS characters */
};

/* One outbox row as the sender needs it. */
struct notify_msg {
	long long           id, ticket_id;
	const char         *key;             /* idempotency key */
	enum notify_event   event;
	enum notify_channel channel;
	const char         *rk;              /* "customer", "staff", "group" */
	const char         *address;         /* phone, e-mail or "" (group) */
	const char         *lang;            /* "zh-CN" or "en" */
	const char         *number, *customer, *code, *staff, *window, *text;
	unsigned            attempts;
};

/* The rendered text of a message. html is set for e-mail only. */
struct notify_text {
	const char *subject;   /* one line */
	const char *text;      /* SMS, robots, webhook, e-mail text part */
	const char *html;
	const char *link;      /* tracking, survey or desk link */
};

/* All channels into out[kind]. */
enum db_rc notify_channels_load(struct arena *, struct notify_channel_cfg out[NC__MAX]);

/* Render msg (the templates of templates/notify/, wording from the catalog notify_msgs);
 * -1 when a template is missing. */
int	notify_render(struct arena *, const struct notify_msg *, struct notify_text *out);

/* Send msg on ch: 0 when the receiver accepted it, else -1 with *err a
 * one-line reason fit for the admin page and the log (phone numbers
 * masked). Never blocks longer than the transfer timeouts (10 s). */
int	notify_send(struct arena *, const struct notify_channel_cfg *, const struct notify_msg *,
	    const char **err);

/* notify_send in a child process, which loads libcurl instead of the
 * caller (notify_apart.c: the admin's send test); the same answer, or -1
 * when the child could not run or did not end within 30 s. *err in a's
 * memory. */
int	notify_send_apart(struct arena *, const struct notify_channel_cfg *,
	    const struct notify_msg *, const char **err);

/* notify_http.c: POST body (JSON) to url with the extra headers (NULL-
 * terminated); 0 when the answer is 2xx and, for robots, says success. */
int	notify_http_post(struct arena *, const char *url, const char *const *headers,
	    const char *body, const char **err);
/* notify_mail.c: one multipart/alternative mail through ch's relay. */
int	notify_mail_send(struct arena *, const struct notify_channel_cfg *, const char *to,
	    const char *key, const struct notify_text *, const char **err);

/* The message catalog of notifications (keys N_...). */
/* A stored sending error (notify_outbox.last_error, notify_channels.
 * test_result) in lang: its kind from the catalog, its technical detail as
 * it came (libcurl's common texts translated); unknown texts unchanged.
 * Arena-allocated or err itself. */
const char *notify_error_text(struct arena *, const char *lang, const char *err);
extern const struct i18n_msg notify_msgs[];
extern const size_t notify_nmsgs;

#endif
