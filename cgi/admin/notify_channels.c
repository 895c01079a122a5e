/* /admin/notify/channels/<kind>: the settings of one channel, and "send
 * test", which sends a sample message right away with the saved settings
 * and keeps the outcome (notify_channels.test_result) for the page: "ok"
 * or the reason in plain words (relay unreachable, bad URL, HTTP status,
 * the robot's refusal). Secret and password are never shown again: an
 * empty field keeps the stored value. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "notify_send.h"
#include "phone.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>
#include <time.h>

static struct db_q q_channel = DB_Q(
    "SELECT enabled, url, secret <> '', username, password <> '', from_addr, reply_to,"
    " starttls, text_limit, test_result, COALESCE(DATE_FORMAT(test_at, '%Y-%m-%d %H:%i'), '')"
    " FROM notify_channels WHERE kind = ?");
static struct db_q q_save = DB_Q(
    "UPDATE notify_channels SET enabled = ?, url = ?, secret = IF(? = '', secret, ?),"
    " username = ?, password = IF(? = '', password, ?), from_addr = ?, reply_to = ?,"
    " starttls = ?, text_limit = ?, updated_at = UTC_TIMESTAMP() WHERE kind = ?");
static struct db_q q_tested = DB_Q(
    "UPDATE notify_channels SET test_result = ?, test_at = UTC_TIMESTAMP() WHERE kind = ?");

/* The channel of the path, or NC__MAX (the 404 page has been sent). */
static enum notify_channel
nc_kind(struct req *r)
{
	enum notify_channel k = notify_channel_parse(r->params[0]);

	if (k == NC__MAX)
		admin_not_found(r, NULL);
	return k;
}

static void
nc_sections(struct req *r, tmpl_dict *d, enum notify_channel k)
{
	tmpl_set(d, "KIND", notify_channel_name(k));
	tmpl_set(d, "CH_LABEL", i18n(r->lang, arena_printf(r->a, "N_CH_%s", notify_channel_name(k))));
	tmpl_set(d, "URL_HINT", i18n(r->lang, arena_printf(r->a, "A_NTF_URL_%s",
	    notify_channel_name(k))));
	if (k == NC_EMAIL)
		tmpl_show_section(d, "IS_EMAIL");
	if (k == NC_SMS)
		tmpl_show_section(d, "IS_SMS");
	if (k == NC_EMAIL || k == NC_SMS)
		tmpl_show_section(d, "HAS_TO");
	if (k != NC_WECOM && k != NC_EMAIL)
		tmpl_show_section(d, "HAS_SECRET");
}

static int
nc_page(struct req *r, int status, tmpl_dict *d, enum notify_channel k, int from_db)
{
	struct db_res *res;
	enum db_rc rc;
	const char *test;

	if ((rc = db_query(r->a, &q_channel, &res, "s", notify_channel_name(k))) != DB_OK)
		return admin_db_fail(r, rc, d);
	if (res->nrows != 1)
		return admin_not_found(r, d);
	nc_sections(r, d, k);
	if (from_db) {
		if (db_get_int(res, 0, 0))
			tmpl_show_section(d, "ENABLED_CHECKED");
		if (db_get_int(res, 0, 7))
			tmpl_show_section(d, "STARTTLS_CHECKED");
		tmpl_set(d, "VAL_url", db_gets(res, 0, 1));
		tmpl_set(d, "VAL_username", db_gets(res, 0, 3));
		tmpl_set(d, "VAL_from_addr", db_gets(res, 0, 5));
		tmpl_set(d, "VAL_reply_to", db_gets(res, 0, 6));
		tmpl_set(d, "VAL_text_limit", db_gets(res, 0, 8));
	}
	if (db_get_int(res, 0, 2))
		tmpl_show_section(d, "SECRET_SET");
	if (db_get_int(res, 0, 4))
		tmpl_show_section(d, "PASSWORD_SET");
	test = db_gets(res, 0, 9);
	if (*test != '\0') {
		tmpl_dict *t = tmpl_add_section(d, strcmp(test, "ok") == 0 ? "TEST_OK" : "TEST_BAD");

		tmpl_set(t, "AT", db_gets(res, 0, 10));
		tmpl_set(t, "MSG", notify_error_text(r->a, r->lang, test));
	}
	return resp_page(r, status, "admin/notify_channel.tpl", d);
}

int
notify_channel_get(struct req *r)
{
	enum notify_channel k = nc_kind(r);

	if (k == NC__MAX)
		return 0;
	return nc_page(r, 200, admin_dict(r, "A_NTF_CH_TITLE", AT_NOTIFY), k, 1);
}

/* 1 when v starts with scheme and a host follows it ("smtp://" alone, or
 * "https:///path", has none). */
static int
nc_scheme_host(const char *v, const char *scheme)
{
	size_t n = strlen(scheme);

	return strncmp(v, scheme, n) == 0 && v[n] != '\0' && strchr("/:?#@", v[n]) == NULL;
}

/* An endpoint URL of the channel's scheme(s) with a host, no blanks or
 * controls. */
static const char *
nc_check_url(const char *v, enum notify_channel k, int required)
{
	const char *p = valid_text(v, 500, required, 0);

	if (p != NULL || *v == '\0')
		return p;
	if (strpbrk(v, " \t\"<>") != NULL)
		return "A_NTF_ERR_URL";
	if (k == NC_EMAIL)
		return nc_scheme_host(v, "smtp://") || nc_scheme_host(v, "smtps://") ?
		    NULL : "A_NTF_ERR_SMTP_URL";
	return nc_scheme_host(v, "https://") || nc_scheme_host(v, "http://") ? NULL :
	    "A_NTF_ERR_URL";
}

struct nc_form {
	int         enabled, starttls;
	long long   limit;
	const char *url, *secret, *user, *password, *from, *reply_to;
};

static void
nc_read(struct req *r, struct form_check *fc, enum notify_channel k, struct nc_form *f)
{
	const char *lim = admin_field(r, "text_limit");

	form_check_field(fc, "enabled", "", admin_check_flag(req_form(r, "enabled"), &f->enabled));
	form_check_field(fc, "starttls", "", admin_check_flag(req_form(r, "starttls"),
	    &f->starttls));
	f->url = admin_field(r, "url");
	f->secret = admin_field(r, "secret");
	f->user = admin_field(r, "username");
	f->password = admin_field(r, "password");
	f->from = admin_field(r, "from_addr");
	f->reply_to = admin_field(r, "reply_to");
	form_check_field(fc, "url", f->url, nc_check_url(f->url, k, f->enabled));
	form_check_field(fc, "secret", "", valid_text(f->secret, 200, 0, 0));
	form_check_field(fc, "username", f->user, valid_text(f->user, 200, 0, 0));
	form_check_field(fc, "password", "", valid_text(f->password, 200, 0, 0));
	form_check_field(fc, "from_addr", f->from, valid_email(f->from, k == NC_EMAIL && f->enabled));
	form_check_field(fc, "reply_to", f->reply_to, valid_email(f->reply_to, 0));
	f->limit = 300;
	if (k == NC_SMS)
		form_check_field(fc, "text_limit", lim, valid_int(lim, 20, 1000, &f->limit));
	if (f->enabled)
		tmpl_show_section(fc->d, "ENABLED_CHECKED");
	if (f->starttls)
		tmpl_show_section(fc->d, "STARTTLS_CHECKED");
}

int
notify_channel_post(struct req *r)
{
	struct form_check fc = { r, NULL, 0 };
	enum notify_channel k = nc_kind(r);
	struct nc_form f;
	enum db_rc rc;

	if (k == NC__MAX)
		return 0;
	fc.d = admin_dict(r, "A_NTF_CH_TITLE", AT_NOTIFY);
	memset(&f, 0, sizeof(f));
	nc_read(r, &fc, k, &f);
	if (fc.nerr > 0)
		return nc_page(r, 422, fc.d, k, 0);
	tmpl_free(fc.d);
	rc = db_exec(&q_save, NULL, "IssssssssIis", f.enabled, f.url, f.secret, f.secret, f.user,
	    f.password, f.password, f.from, f.reply_to, f.starttls, f.limit,
	    notify_channel_name(k));
	if (rc != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, arena_printf(r->a, "/admin/notify/channels/%s?saved=1",
	    notify_channel_name(k)));
}

/* The sample message of a test: a ticket "created" event, to the
 * address typed on the page (SMS, e-mail) or the channel's group. */
static void
nc_sample(struct req *r, enum notify_channel k, const char *to, struct notify_msg *m)
{
	memset(m, 0, sizeof(*m));
	m->key = arena_printf(r->a, "sl-test-%s-%lld", notify_channel_name(k), (long long)time(NULL));
	m->event = NE_CREATED;
	m->channel = k;
	m->rk = notify_channel_is_group(k) ? "group" : "customer";
	m->address = to;
	m->lang = r->lang;
	m->number = "R-TEST-0001";
	m->customer = i18n(r->lang, "A_NTF_TEST_CUSTOMER");
	m->code = "test";
	m->staff = m->window = m->text = "";
}

int
notify_channel_test_post(struct req *r)
{
	struct form_check fc = { r, NULL, 0 };
	enum notify_channel k = nc_kind(r);
	struct notify_channel_cfg ch[NC__MAX];
	struct notify_msg m;
	const char *to = admin_field(r, "to"), *err = NULL, *p = NULL;
	char canon[PHONE_MAX];
	enum db_rc rc;

	if (k == NC__MAX)
		return 0;

	if (k == NC_SMS && (p = valid_phone(to, 1)) == NULL) {
		if (phone_parse(to, canon, NULL) != PHONE_MOBILE)
			p = "A_NTF_ERR_MOBILE";
		else
			to = arena_strdup(r->a, canon);
	}
	else if (k == NC_EMAIL)
		p = valid_email(to, 1);
	if (p != NULL) {
		fc.d = admin_dict(r, "A_NTF_CH_TITLE", AT_NOTIFY);
		form_check_field(&fc, "to", to, p);
		return nc_page(r, 422, fc.d, k, 1);
	}
	if ((rc = notify_channels_load(r->a, ch)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	ch[k].enabled = 1;   /* a channel is tested before it is switched on */
	nc_sample(r, k, to, &m);
	if (notify_send_apart(r->a, &ch[k], &m, &err) == 0)   /* libcurl in a child */
		err = "ok";
	if ((rc = db_exec(&q_tested, NULL, "ss", notify_text_limit(r->a, notify_mask_digits(r->a,
	    err), 400), notify_channel_name(k))) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, arena_printf(r->a, "/admin/notify/channels/%s#test",
	    notify_channel_name(k)));
}
