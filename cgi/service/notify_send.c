/* Sending one notification (notify_send.h): the channel settings, and
 * for each channel the request it sends. The JSON bodies are built from
 * escaped values (json_escape); the signatures are in notify_sign.c. */
#include "notify_send.h"
#include "arena.h"
#include "json.h"
#include "notify_sign.h"

#include <string.h>
#include <time.h>

static struct db_q q_channels = DB_Q(
    "SELECT kind, enabled, url, secret, username, password, from_addr, reply_to, starttls,"
    " text_limit FROM notify_channels");

enum db_rc
notify_channels_load(struct arena *a, struct notify_channel_cfg out[NC__MAX])
{
	struct db_res *res;
	enum db_rc rc = db_query(a, &q_channels, &res, "");
	size_t r;
	int i;

	for (i = 0; i < NC__MAX; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].kind = (enum notify_channel)i;
		out[i].url = out[i].secret = out[i].username = out[i].password = "";
		out[i].from = out[i].reply_to = "";
		out[i].text_limit = 300;
	}
	if (rc != DB_OK)
		return rc;
	for (r = 0; r < res->nrows; r++) {
		enum notify_channel k = notify_channel_parse(db_gets(res, r, 0));
		struct notify_channel_cfg *c;

		if (k == NC__MAX)
			continue;
		c = &out[k];
		c->enabled = (int)db_get_int(res, r, 1);
		c->url = db_gets(res, r, 2);
		c->secret = db_gets(res, r, 3);
		c->username = db_gets(res, r, 4);
		c->password = db_gets(res, r, 5);
		c->from = db_gets(res, r, 6);
		c->reply_to = db_gets(res, r, 7);
		c->starttls = (int)db_get_int(res, r, 8);
		c->text_limit = (unsigned)db_get_int(res, r, 9);
	}
	return DB_OK;
}

/* The generic webhook and the SMS adapter: JSON signed in a header. */
static int
ns_signed_post(struct arena *a, const struct notify_channel_cfg *ch, const char *body,
    const char *key, const char **err)
{
	long long ts = (long long)time(NULL);
	const char *hdr[5];

	hdr[0] = arena_printf(a, "X-ServiceLoop-Timestamp: %lld", ts);
	hdr[1] = arena_printf(a, "X-ServiceLoop-Signature: %s",
	    notify_sign_webhook(a, ch->secret, ts, body, strlen(body)));
	hdr[2] = arena_printf(a, "X-ServiceLoop-Idempotency-Key: %s", key);
	hdr[3] = "Content-Type: application/json; charset=utf-8";
	hdr[4] = NULL;
	return notify_http_post(a, ch->url, hdr, body, err);
}

static int
ns_webhook(struct arena *a, const struct notify_channel_cfg *ch, const struct notify_msg *m,
    const struct notify_text *t, const char **err)
{
	const char *body = arena_printf(a, "{\"id\":\"%s\",\"event\":\"%s\",\"recipient\":\"%s\","
	    "\"lang\":\"%s\",\"ticket\":{\"number\":\"%s\",\"url\":\"%s\"},\"subject\":\"%s\","
	    "\"text\":\"%s\"}", json_escape(a, m->key), notify_event_name(m->event),
	    json_escape(a, m->rk), json_escape(a, m->lang), json_escape(a, m->number),
	    json_escape(a, t->link), json_escape(a, t->subject), json_escape(a, t->text));

	return ns_signed_post(a, ch, body, m->key, err);
}

static int
ns_sms(struct arena *a, const struct notify_channel_cfg *ch, const struct notify_msg *m,
    const struct notify_text *t, const char **err)
{
	const char *text = notify_text_limit(a, t->text, ch->text_limit > 0 ? ch->text_limit : 300);
	const char *body = arena_printf(a, "{\"id\":\"%s\",\"phone\":\"%s\",\"text\":\"%s\"}",
	    json_escape(a, m->key), json_escape(a, m->address), json_escape(a, text));

	return ns_signed_post(a, ch, body, m->key, err);
}

/* The robots: 企业微信 markdown; 钉钉 markdown with the signature in the
 * query; 飞书 text with timestamp and sign in the body. */
static int
ns_robot(struct arena *a, const struct notify_channel_cfg *ch, const struct notify_msg *m,
    const struct notify_text *t, const char **err)
{
	static const char *const hdr[] = { "Content-Type: application/json; charset=utf-8", NULL };
	const char *md = json_escape(a, arena_printf(a, "**%s**\n\n%s", t->subject, t->text));
	const char *url = ch->url, *body;
	long long ts;

	if (ch->kind == NC_WECOM) {
		body = arena_printf(a, "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"%s\"}}",
		    md);
	} else if (ch->kind == NC_DINGTALK) {
		ts = (long long)time(NULL) * 1000;
		if (*ch->secret != '\0')
			url = arena_printf(a, "%s%ctimestamp=%lld&sign=%s", ch->url,
			    strchr(ch->url, '?') != NULL ? '&' : '?', ts,
			    notify_sign_dingtalk(a, ch->secret, ts));
		body = arena_printf(a, "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"%s\","
		    "\"text\":\"%s\"}}", json_escape(a, t->subject), md);
	} else {
		ts = (long long)time(NULL);
		body = arena_printf(a, "{\"timestamp\":\"%lld\",\"sign\":\"%s\",\"msg_type\":\"text\","
		    "\"content\":{\"text\":\"%s\"}}", ts,
		    *ch->secret != '\0' ? notify_sign_feishu(a, ch->secret, ts) : "",
		    json_escape(a, arena_printf(a, "%s\n%s", t->subject, t->text)));
	}
	return notify_http_post(a, url, hdr, body, err);
}

int
notify_send(struct arena *a, const struct notify_channel_cfg *ch, const struct notify_msg *m,
    const char **err)
{
	struct notify_text t;

	*err = NULL;
	if (!ch->enabled) {
		*err = "channel disabled";
		return -1;
	}
	if (notify_render(a, m, &t) != 0) {
		*err = "message template missing or broken";
		return -1;
	}
	switch (ch->kind) {
	case NC_WEBHOOK:  return ns_webhook(a, ch, m, &t, err);
	case NC_SMS:      return ns_sms(a, ch, m, &t, err);
	case NC_EMAIL:    return notify_mail_send(a, ch, m->address, m->key, &t, err);
	case NC_WECOM: case NC_DINGTALK: case NC_FEISHU:
		return ns_robot(a, ch, m, &t, err);
	default:
		*err = "unknown channel";
		return -1;
	}
}
