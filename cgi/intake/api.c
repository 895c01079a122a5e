/* The JSON API for other systems (call centre, mini-program) under
 * /api/v1/: POST /api/v1/tickets creates a ticket, GET
 * /api/v1/tickets/<number> reads one back. Authentication is a bearer key
 * "sl_<64 hex>" (api_keys keeps only its SHA-256); the routes carry
 * ROUTE_NO_CSRF because a key, not a cookie, authenticates them. Every
 * answer of a handler here is JSON (application/json; charset=utf-8),
 * errors as {"error": "...", ...}.
 *
 * A ticket sent with "external_id" is idempotent: the external id, bound
 * to the key, becomes the ticket's form token, so a retry after a lost
 * answer finds the first ticket (200 with the same body) instead of
 * creating a second one. Fields are checked with the rules of the web
 * form (repair.c); problems come back per field as 422
 * {"error": "invalid", "errors": {field: message}, "codes": {field: key}}. */
#include "intake.h"
#include "api_json.h"
#include "arena.h"
#include "auth.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "json.h"
#include "json_parse.h"
#include "valid.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

#define API_MAX_EVENTS   500
#define API_EXTERNAL_MAX 64

static struct db_q q_categories = DB_Q(
    "SELECT id, code FROM categories WHERE active = 1");
static struct db_q q_ticket = DB_Q(
    "SELECT t.id, t.number, t.status, t.priority, c.code, t.channel, t.track_code,"
    " DATE_FORMAT(t.created_at, '%Y-%m-%dT%H:%i:%sZ'),"
    " DATE_FORMAT(t.updated_at, '%Y-%m-%dT%H:%i:%sZ'),"
    " DATE_FORMAT(t.resolved_at, '%Y-%m-%dT%H:%i:%sZ')"
    " FROM tickets t JOIN categories c ON c.id = t.category_id"
    " WHERE t.number = ? AND t.api_key_id = ?");
/* What the customer sees on /track: public events of these kinds. */
static struct db_q q_events = DB_Q(
    "SELECT e.kind, DATE_FORMAT(e.at, '%Y-%m-%dT%H:%i:%sZ'), e.from_status, e.to_status,"
    " e.body, e.actor_kind"
    " FROM ticket_events e WHERE e.ticket_id = ? AND e.public = 1"
    " AND e.kind IN ('created', 'status', 'assigned', 'reply', 'customer_reply', 'visit')"
    " ORDER BY e.id LIMIT ?");

enum { TC_ID, TC_NUMBER, TC_STATUS, TC_PRIORITY, TC_CATEGORY, TC_CHANNEL, TC_CODE,
       TC_CREATED, TC_UPDATED, TC_RESOLVED };
enum { EC_KIND, EC_AT, EC_FROM, EC_TO, EC_BODY, EC_ACTOR };

/* ---------------------------------------------------------------- input */

/* The members of a new ticket, in the order problems are listed. */
enum api_field {
	AF_NAME, AF_PHONE, AF_EMAIL, AF_ADDRESS, AF_CATEGORY, AF_PRODUCT, AF_SERIAL,
	AF_DESCRIPTION, AF_CHANNEL, AF_PRIORITY, AF_EXTERNAL_ID, AF__MAX
};

/* A submission: trimmed text of each member ("" when absent or null) and
 * what the checks derived from it. */
struct api_ticket {
	const char          *val[AF__MAX];
	long long            category_id;
	enum ticket_channel  channel;
	enum ticket_priority priority;
	const struct db_res *cats;       /* active categories: id, code */
};

/* One problem: member name and catalog key. */
struct api_problem {
	const char *field;
	const char *key;
};

/* Checks: NULL when fine, else the catalog key of the problem. The text
 * rules are those of the web form (repair.c): keep them in step. */
static const char *
ck_name(const char *v, struct api_ticket *t)
{
	return valid_text(v, 50, 1, 0);
}

static const char *
ck_phone(const char *v, struct api_ticket *t)
{
	return valid_phone(v, 1);
}

static const char *
ck_email(const char *v, struct api_ticket *t)
{
	return valid_email(v, 0);
}

static const char *
ck_address(const char *v, struct api_ticket *t)
{
	return valid_text(v, 255, 0, 0);
}

/* A category code ("ac") or id (3 or "3") of an active category. */
static const char *
ck_category(const char *v, struct api_ticket *t)
{
	long long id = 0;
	size_t i;

	if (*v == '\0')
		return "ERR_REQUIRED";
	for (i = 0; i < t->cats->nrows; i++)
		if (strcmp(db_gets(t->cats, i, 1), v) == 0) {
			t->category_id = db_get_int(t->cats, i, 0);
			return NULL;
		}
	if (valid_int(v, 1, LLONG_MAX, &id) == NULL)
		for (i = 0; i < t->cats->nrows; i++)
			if (db_get_int(t->cats, i, 0) == id) {
				t->category_id = id;
				return NULL;
			}
	return "REPAIR_ERR_CATEGORY";
}

static const char *
ck_product(const char *v, struct api_ticket *t)
{
	return valid_text(v, 100, 0, 0);
}

static const char *
ck_serial(const char *v, struct api_ticket *t)
{
	return valid_text(v, 64, 0, 0);
}

static const char *
ck_description(const char *v, struct api_ticket *t)
{
	const char *problem = valid_text(v, 4000, 1, 1);

	if (problem == NULL && utf8_chars(v) < 5)
		return "REPAIR_ERR_DESC_SHORT";
	return problem;
}

/* "api" (the default), or a channel the sending system takes for us. */
static const char *
ck_channel(const char *v, struct api_ticket *t)
{
	t->channel = *v == '\0' ? TC_API : ticket_channel_parse(v);
	return t->channel == TC_API || t->channel == TC_PHONE || t->channel == TC_WECHAT ?
	    NULL : "API_ERR_CHANNEL";
}

static const char *
ck_priority(const char *v, struct api_ticket *t)
{
	t->priority = *v == '\0' ? TP_NORMAL : ticket_priority_parse(v);
	return t->priority == TP__MAX ? "API_ERR_PRIORITY" : NULL;
}

static const char *
ck_external_id(const char *v, struct api_ticket *t)
{
	return valid_text(v, API_EXTERNAL_MAX, 0, 0);
}

static const struct api_rule {
	const char *field;
	int         number_ok;      /* a JSON number is taken as its text */
	const char *(*check)(const char *, struct api_ticket *);
} api_rules[AF__MAX] = {
	[AF_NAME]        = { "name",        0, ck_name },
	[AF_PHONE]       = { "phone",       0, ck_phone },
	[AF_EMAIL]       = { "email",       0, ck_email },
	[AF_ADDRESS]     = { "address",     0, ck_address },
	[AF_CATEGORY]    = { "category",    1, ck_category },
	[AF_PRODUCT]     = { "product",     0, ck_product },
	[AF_SERIAL]      = { "serial",      0, ck_serial },
	[AF_DESCRIPTION] = { "description", 0, ck_description },
	[AF_CHANNEL]     = { "channel",     0, ck_channel },
	[AF_PRIORITY]    = { "priority",    0, ck_priority },
	[AF_EXTERNAL_ID] = { "external_id", 0, ck_external_id },
};

/* The text of member v ("" when absent or null) into *out; NULL, or the
 * catalog key of a wrong type. */
static const char *
api_member_text(struct req *r, const struct json_value *v, int number_ok, const char **out)
{
	*out = "";
	if (v == NULL || v->type == JSON_NULL)
		return NULL;
	if (v->type == JSON_NUMBER && number_ok) {
		*out = v->str;
		return NULL;
	}
	if (v->type != JSON_STRING)
		return "API_ERR_TYPE";
	if (strlen(v->str) != v->len)      /* an embedded \u0000 */
		return "ERR_INVALID";
	*out = valid_trim(r->a, v->str);
	return NULL;
}

/* 1 when name is one of the members of a ticket. */
static int
api_known_field(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < AF__MAX; i++)
		if (strlen(api_rules[i].field) == len && memcmp(api_rules[i].field, name, len) == 0)
			return 1;
	return 0;
}

/* Check every member of doc into t; problems into pr (room for doc->n +
 * AF__MAX), their number returned. Unknown members are problems too, so
 * that a misspelt field does not vanish silently. */
static size_t
api_check(struct req *r, const struct json_value *doc, struct api_ticket *t,
    struct api_problem *pr)
{
	size_t i, n = 0;

	for (i = 0; i < AF__MAX; i++) {
		const struct api_rule *rule = &api_rules[i];
		const char *problem = api_member_text(r, json_get(doc, rule->field),
		    rule->number_ok, &t->val[i]);

		if (problem == NULL)
			problem = rule->check(t->val[i], t);
		if (problem != NULL) {
			pr[n].field = rule->field;
			pr[n++].key = problem;
		}
	}
	for (i = 0; i < doc->n; i++)
		if (!api_known_field(doc->members[i].key, doc->members[i].key_len)) {
			pr[n].field = doc->members[i].key;
			pr[n++].key = "API_ERR_UNKNOWN_FIELD";
		}
	return n;
}

/* 422 with the message (request language) and the key of each problem. */
static int
api_invalid(struct req *r, const struct api_problem *pr, size_t n)
{
	struct jw w;
	size_t i;

	jw_init(&w, r->a);
	jw_str(&w, "error", "invalid");
	jw_open(&w, "errors", "{");
	for (i = 0; i < n; i++)
		jw_str(&w, pr[i].field, i18n(r->lang, pr[i].key));
	jw_close(&w, "}");
	jw_open(&w, "codes", "{");
	for (i = 0; i < n; i++)
		jw_str(&w, pr[i].field, pr[i].key);
	jw_close(&w, "}");
	return api_send(r, 422, &w);
}

/* The form token of an external id: "api:<key>:<id>", or "k" and 63 hex
 * digits of its SHA-256 when that is longer than the column (64) or not
 * plain ASCII. Both contain a character outside [0-9a-f], so they can never
 * equal a web form's 64-hex token. NULL without an external id. */
static const char *
api_form_token(struct arena *a, long long key_id, const char *external_id)
{
	char *token, *hex;
	size_t i;

	if (*external_id == '\0')
		return NULL;
	token = arena_printf(a, "api:%lld:%s", key_id, external_id);
	for (i = 0; token[i] != '\0'; i++)
		if ((unsigned char)token[i] < 0x21 || (unsigned char)token[i] > 0x7E)
			break;
	if (i <= 64 && token[i] == '\0')
		return token;
	hex = arena_alloc(a, AUTH_HEX_TOKEN);
	auth_sha256_hex(token, hex);
	hex[0] = 'k';
	return hex;
}

/* ---------------------------------------------------------------- POST */

/* 201 (or 200 for a retry) with the ticket's number and tracking link. */
static int
api_created(struct req *r, const struct ticket_ref *ref)
{
	struct jw w;

	resp_header(r, "Location", arena_printf(r->a, "/api/v1/tickets/%s", ref->number));
	jw_init(&w, r->a);
	jw_str(&w, "number", ref->number);
	jw_str(&w, "tracking_code", ref->code);
	jw_str(&w, "tracking_url", intake_url(r, arena_printf(r->a, "/track/%s", ref->code)));
	return api_send(r, ref->existed ? 200 : 201, &w);
}

static int
api_create(struct req *r, long long key_id, struct api_ticket *t)
{
	struct ticket_input in;
	struct ticket_actor who = { ACTOR_API, key_id };
	struct ticket_ref ref;
	struct api_problem pr;

	memset(&in, 0, sizeof(in));
	in.channel = t->channel;
	in.priority = t->priority;
	in.category_id = t->category_id;
	in.name = t->val[AF_NAME];
	in.phone = t->val[AF_PHONE];
	in.email = t->val[AF_EMAIL];
	in.product = t->val[AF_PRODUCT];
	in.serial = t->val[AF_SERIAL];
	in.address = t->val[AF_ADDRESS];
	in.description = t->val[AF_DESCRIPTION];
	in.form_token = api_form_token(r->a, key_id, t->val[AF_EXTERNAL_ID]);
	in.api_key_id = key_id;
	switch (ticket_create(r->a, &in, NULL, 0, &who, &ref)) {
	case TK_OK:
		return api_created(r, &ref);
	case TK_INVALID:    /* the category was switched off meanwhile */
		pr.field = "category";
		pr.key = "REPAIR_ERR_CATEGORY";
		return api_invalid(r, &pr, 1);
	case TK_DOWN:
		return api_error(r, 503, "unavailable", NULL);
	case TK_CONFLICT:
		return api_error(r, 409, "conflict", "try again");
	default:
		return api_error(r, 500, "internal", NULL);
	}
}

int
api_ticket_post(struct req *r)
{
	const struct json_value *doc;
	struct api_ticket t;
	struct api_problem *pr;
	struct db_res *cats;
	long long key_id;
	size_t off, n;
	enum json_err je;

	if (!api_auth(r, API_SCOPE_TICKETS, &key_id))
		return 0;
	if (strncasecmp(r->ctype, "application/json", 16) != 0 ||
	    (r->ctype[16] != '\0' && r->ctype[16] != ';' && r->ctype[16] != ' '))
		return api_error(r, 415, "unsupported_media_type",
		    "Content-Type must be application/json");
	je = json_parse(r->a, r->raw_body, r->raw_len, &doc, &off);
	/* Over a limit of the parser: 413, as a form over its limits. */
	if (je == JSON_ERR_TOO_LARGE || je == JSON_ERR_TOO_MANY)
		return api_error(r, 413, "too_large", json_err_str(je));
	if (je != JSON_OK)
		return api_error(r, 400, "malformed_json", arena_printf(r->a, "%s at byte %zu",
		    json_err_str(je), off));
	if (doc->type != JSON_OBJECT)
		return api_error(r, 400, "malformed_json", "the body must be a JSON object");
	if (db_query(r->a, &q_categories, &cats, "") != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	memset(&t, 0, sizeof(t));
	t.cats = cats;
	pr = arena_alloc(r->a, (doc->n + AF__MAX) * sizeof(*pr));
	if ((n = api_check(r, doc, &t, pr)) > 0)
		return api_invalid(r, pr, n);
	return api_create(r, key_id, &t);
}

/* ---------------------------------------------------------------- GET */

/* R-YYYYMMDD-NNNN (four or more digits at the end). */
static int
api_number_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 15 || n > 20 || strncmp(s, "R-", 2) != 0 || s[10] != '-')
		return 0;
	for (i = 2; i < n; i++)
		if (i != 10 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* The public history: kind, time, status change, reply texts. */
static void
api_fill_events(struct jw *w, const struct db_res *ev)
{
	size_t i;

	jw_open(w, "events", "[");
	for (i = 0; i < ev->nrows; i++) {
		const char *kind = db_gets(ev, i, EC_KIND);

		jw_open(w, NULL, "{");
		jw_str(w, "kind", kind);
		jw_str(w, "at", db_get(ev, i, EC_AT));
		jw_str(w, "by", db_get(ev, i, EC_ACTOR));
		jw_str(w, "from", db_get(ev, i, EC_FROM));
		jw_str(w, "to", db_get(ev, i, EC_TO));
		/* Only replies carry text for outside eyes; other bodies are notes. */
		if (strcmp(kind, "reply") == 0 || strcmp(kind, "customer_reply") == 0)
			jw_str(w, "body", db_gets(ev, i, EC_BODY));
		jw_close(w, "}");
	}
	jw_close(w, "]");
}

int
api_ticket_get(struct req *r)
{
	const char *number = r->params[0];
	struct db_res *t, *ev;
	struct jw w;
	long long key_id;

	if (!api_auth(r, API_SCOPE_TICKETS, &key_id))
		return 0;
	if (!api_number_valid(number))
		return api_error(r, 404, "not_found", NULL);
	if (db_query(r->a, &q_ticket, &t, "si", number, key_id) != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	if (t->nrows != 1)      /* unknown, or another key's ticket */
		return api_error(r, 404, "not_found", NULL);
	if (db_query(r->a, &q_events, &ev, "iI", db_get_int(t, 0, TC_ID), API_MAX_EVENTS) != DB_OK)
		return api_error(r, 503, "unavailable", NULL);
	jw_init(&w, r->a);
	jw_str(&w, "number", db_gets(t, 0, TC_NUMBER));
	jw_str(&w, "status", db_gets(t, 0, TC_STATUS));
	jw_str(&w, "priority", db_gets(t, 0, TC_PRIORITY));
	jw_str(&w, "category", db_gets(t, 0, TC_CATEGORY));
	jw_str(&w, "channel", db_gets(t, 0, TC_CHANNEL));
	jw_str(&w, "tracking_code", db_gets(t, 0, TC_CODE));
	jw_str(&w, "tracking_url", intake_url(r, arena_printf(r->a, "/track/%s",
	    db_gets(t, 0, TC_CODE))));
	jw_str(&w, "created_at", db_get(t, 0, TC_CREATED));
	jw_str(&w, "updated_at", db_get(t, 0, TC_UPDATED));
	jw_str(&w, "resolved_at", db_get(t, 0, TC_RESOLVED));
	api_fill_events(&w, ev);
	return api_send(r, 200, &w);
}
