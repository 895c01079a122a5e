/* GET/POST /desk/new: a ticket entered by the desk for a customer who
 * called or wrote on WeChat (agents, supervisors, admins). The fields of
 * the public repair form plus channel and priority, and optionally an
 * automatic dispatch at once, and up to 3 photos the customer sent (field
 * "photo", through the photo pipeline: photo_upload.h, as on the repair
 * form). Idempotent by the hidden form_token; an
 * invalid submission comes back as 422 with every value kept and each
 * problem next to its field and in a summary at the top. */
#include "desk.h"
#include "queue_db.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "flash.h"
#include "http.h"
#include "i18n.h"
#include "photo_upload.h"
#include "ticket.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

#define NEW_TPL "desk/new.tpl"

static struct db_q q_new_categories = DB_Q(
    "SELECT id, name_zh, name_en FROM categories WHERE active = 1 ORDER BY sort, id");

/* The fields of the form, in the order of the page. */
enum new_field {
	NF_CHANNEL, NF_PRIORITY, NF_NAME, NF_PHONE, NF_EMAIL, NF_ADDRESS, NF_CATEGORY,
	NF_PRODUCT, NF_SERIAL, NF_DESCRIPTION, NF_FORM_TOKEN, NF__MAX
};

/* The channels the desk takes tickets from (API and plans come by
 * themselves). */
static const char *const new_channels[] = { "phone", "wechat", "walkin", "web", NULL };

/* Validators: NULL when fine, else the catalog key of the problem. The
 * category must be one of the active ones listed (cats). */
static const char *
nf_channel(const char *v, const struct db_res *cats)
{
	int i;

	return valid_choice(v, new_channels, &i);
}

static const char *
nf_priority(const char *v, const struct db_res *cats)
{
	if (*v == '\0')
		return "ERR_REQUIRED";
	return ticket_priority_parse(v) < TP__MAX ? NULL : "ERR_INVALID";
}

static const char *
nf_name(const char *v, const struct db_res *cats)
{
	return valid_text(v, 50, 1, 0);
}

static const char *
nf_phone(const char *v, const struct db_res *cats)
{
	return valid_phone(v, 1);
}

static const char *
nf_email(const char *v, const struct db_res *cats)
{
	return valid_email(v, 0);
}

static const char *
nf_address(const char *v, const struct db_res *cats)
{
	return valid_text(v, 255, 0, 0);
}

static const char *
nf_category(const char *v, const struct db_res *cats)
{
	long long id;
	size_t i;

	if (*v == '\0')
		return "ERR_REQUIRED";
	if (valid_int(v, 1, LLONG_MAX, &id) != NULL)
		return "Q_NEW_ERR_CATEGORY";
	for (i = 0; i < cats->nrows; i++)
		if (db_get_int(cats, i, 0) == id)
			return NULL;
	return "Q_NEW_ERR_CATEGORY";
}

static const char *
nf_product(const char *v, const struct db_res *cats)
{
	return valid_text(v, 100, 0, 0);
}

static const char *
nf_serial(const char *v, const struct db_res *cats)
{
	return valid_text(v, 64, 0, 0);
}

static const char *
nf_description(const char *v, const struct db_res *cats)
{
	const char *problem = valid_text(v, 4000, 1, 1);

	if (problem == NULL && utf8_chars(v) < 5)
		return "Q_NEW_ERR_DESC_SHORT";
	return problem;
}

/* The idempotency key printed into the form: 64 lower-case hex digits. */
static const char *
nf_form_token(const char *v, const struct db_res *cats)
{
	size_t i;

	if (strlen(v) != 64)
		return "Q_NEW_ERR_TOKEN";
	for (i = 0; i < 64; i++)
		if (strchr("0123456789abcdef", v[i]) == NULL)
			return "Q_NEW_ERR_TOKEN";
	return NULL;
}

static const struct new_rule {
	const char *field;
	const char *label;      /* catalog key, for the error summary */
	const char *(*check)(const char *, const struct db_res *);
} new_rules[NF__MAX] = {
	[NF_CHANNEL]     = { "channel",     "Q_NEW_CHANNEL",     nf_channel },
	[NF_PRIORITY]    = { "priority",    "Q_NEW_PRIORITY",    nf_priority },
	[NF_NAME]        = { "name",        "Q_NEW_NAME",        nf_name },
	[NF_PHONE]       = { "phone",       "Q_NEW_PHONE",       nf_phone },
	[NF_EMAIL]       = { "email",       "Q_NEW_EMAIL",       nf_email },
	[NF_ADDRESS]     = { "address",     "Q_NEW_ADDRESS",     nf_address },
	[NF_CATEGORY]    = { "category",    "Q_NEW_CATEGORY",    nf_category },
	[NF_PRODUCT]     = { "product",     "Q_NEW_PRODUCT",     nf_product },
	[NF_SERIAL]      = { "serial",      "Q_NEW_SERIAL",      nf_serial },
	[NF_DESCRIPTION] = { "description", "Q_NEW_DESCRIPTION", nf_description },
	[NF_FORM_TOKEN]  = { "form_token",  "Q_NEW_FORM_TOKEN",  nf_form_token },
};

/* form_check_field() plus one line of the summary at the top. */
static void
new_check(struct form_check *fc, enum new_field f, const char *value, const char *problem)
{
	tmpl_dict *item;

	if (form_check_field(fc, new_rules[f].field, value, problem) == NULL)
		return;
	item = tmpl_add_section(fc->d, "ERROR_ITEM");
	tmpl_set(item, "FIELD", new_rules[f].field);
	tmpl_set(item, "LABEL", i18n(fc->r->lang, new_rules[f].label));
	tmpl_set(item, "MSG", i18n(fc->r->lang, problem));
}

/* One <option> with label; selected when value equals cur. */
static void
new_option(tmpl_dict *d, const char *section, const char *value, const char *label,
    const char *cur)
{
	tmpl_dict *o = tmpl_add_section(d, section);

	tmpl_set(o, "VALUE", value);
	tmpl_set(o, "LABEL", label);
	if (cur != NULL && strcmp(cur, value) == 0)
		tmpl_show_section(o, "SELECTED");
}

/* The choices of the form with val[] (NULL: the defaults) selected. */
static void
new_fill_choices(struct req *r, tmpl_dict *d, const struct db_res *cats, const char **val)
{
	int en = strcmp(r->lang, "en") == 0, i;
	size_t k;

	for (i = 0; new_channels[i] != NULL; i++)
		new_option(d, "CHANNEL_OPTION", new_channels[i], i18n(r->lang,
		    arena_printf(r->a, "CHANNEL_%s", new_channels[i])),
		    val != NULL ? val[NF_CHANNEL] : "phone");
	for (i = TP__MAX - 1; i >= 0; i--) {
		const char *p = ticket_priority_name((enum ticket_priority)i);
		new_option(d, "PRIORITY_OPTION", p,
		    i18n(r->lang, arena_printf(r->a, "PRIORITY_%s", p)),
		    val != NULL ? val[NF_PRIORITY] : "normal");
	}
	for (k = 0; k < cats->nrows; k++)
		new_option(d, "CATEGORY_OPTION", db_gets(cats, k, 0), db_gets(cats, k, en ? 2 : 1),
		    val != NULL ? val[NF_CATEGORY] : NULL);
}

/* The form page; a missing or broken form_token is replaced. */
static int
new_render(struct req *r, int status, tmpl_dict *d, const struct db_res *cats, const char **val)
{
	char fresh[AUTH_HEX_TOKEN];
	const char *token = val != NULL ? val[NF_FORM_TOKEN] : NULL;

	if (token == NULL || nf_form_token(token, cats) != NULL) {
		auth_random_hex(fresh);
		token = fresh;
	}
	tmpl_set(d, "VAL_form_token", token);
	new_fill_choices(r, d, cats, val);
	if (val != NULL && req_form(r, "auto_dispatch") != NULL)
		tmpl_show_section(d, "AUTO_DISPATCH_CHECKED");
	return resp_page(r, status, NEW_TPL, d);
}

int
ticket_new_get(struct req *r)
{
	struct db_res *cats;

	if (db_query(r->a, &q_new_categories, &cats, "") != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	return new_render(r, 200, page_dict(r, "Q_NEW_TITLE"), cats, NULL);
}

/* A refused photo: at the field and in the summary (the files are not
 * kept: the browser cannot be given them back, the message says why). */
static void
new_photo_error(struct form_check *fc, const char *problem)
{
	tmpl_dict *item;

	if (form_check_field(fc, "photo", "", problem) == NULL)
		return;
	item = tmpl_add_section(fc->d, "ERROR_ITEM");
	tmpl_set(item, "FIELD", "photo");
	tmpl_set(item, "LABEL", i18n(fc->r->lang, "Q_NEW_PHOTO"));
	tmpl_set(item, "MSG", i18n(fc->r->lang, problem));
}

/* The photos checked and re-encoded, to store with the ticket. */
struct new_photos {
	struct ticket_photo p[PHOTO_MAX_FILES];
	size_t              n;
};

/* The new ticket of a valid form; the answer is the redirect to it or an
 * error page. */
static int
new_create(struct req *r, const char **val, struct form_check *fc, const struct db_res *cats,
    const struct new_photos *ph)
{
	struct ticket_input in;
	struct ticket_actor who = { ACTOR_STAFF, r->user->id };
	struct ticket_ref ref;
	long long assignee = 0;

	memset(&in, 0, sizeof(in));
	in.channel = ticket_channel_parse(val[NF_CHANNEL]);
	in.priority = ticket_priority_parse(val[NF_PRIORITY]);
	(void)valid_int(val[NF_CATEGORY], 1, LLONG_MAX, &in.category_id);   /* checked */
	in.name = val[NF_NAME];
	in.phone = val[NF_PHONE];
	in.email = val[NF_EMAIL];
	in.product = val[NF_PRODUCT];
	in.serial = val[NF_SERIAL];
	in.address = val[NF_ADDRESS];
	in.description = val[NF_DESCRIPTION];
	in.form_token = val[NF_FORM_TOKEN];
	switch (ticket_create(r->a, &in, ph->p, ph->n, &who, &ref)) {
	case TK_OK:
		break;
	case TK_INVALID:    /* the category was switched off meanwhile */
		new_check(fc, NF_CATEGORY, val[NF_CATEGORY], "Q_NEW_ERR_CATEGORY");
		return new_render(r, 422, fc->d, cats, val);
	case TK_DOWN:
		tmpl_free(fc->d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	case TK_CONFLICT:
		tmpl_free(fc->d);
		return resp_error(r, 409, "Q_NEW_ERR_BUSY");
	default:
		tmpl_free(fc->d);
		return resp_error(r, 500, "ERR_INTERNAL");
	}
	tmpl_free(fc->d);
	/* A new ticket is at version 1. Nobody fitting, or a failure here,
	 * leaves it unassigned: the ticket page says so and offers dispatch. */
	if (!ref.existed && req_form(r, "auto_dispatch") != NULL)
		(void)ticket_auto_dispatch(r->a, ref.id, 1, &who, &assignee);
	return resp_redirect(r, flash_url(r, arena_printf(r->a, "/desk/tickets/%lld", ref.id),
	    "created"));
}

int
ticket_new_post(struct req *r)
{
	const char *val[NF__MAX], *photo_problem;
	struct db_res *cats;
	struct form_check fc;
	struct new_photos ph;
	int i;

	if (db_query(r->a, &q_new_categories, &cats, "") != DB_OK)
		return resp_error(r, 503, "ERR_DB_DOWN");
	fc.r = r;
	fc.d = page_dict(r, "Q_NEW_TITLE");
	fc.nerr = 0;
	for (i = 0; i < NF__MAX; i++) {
		val[i] = valid_trim(r->a, req_form(r, new_rules[i].field));
		new_check(&fc, (enum new_field)i, val[i], new_rules[i].check(val[i], cats));
	}
	photo_problem = photo_uploads(r, "photo", ph.p, &ph.n);
	if (photo_problem != NULL)
		new_photo_error(&fc, photo_problem);
	if (fc.nerr > 0)
		return new_render(r, 422, fc.d, cats, val);
	return new_create(r, val, &fc, cats, &ph);
}
