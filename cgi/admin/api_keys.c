/* /admin/api-keys: keys of other systems (call centre, mini-program, BI
 * tools). Each key has scopes chosen at creation: create tickets (POST
 * /api/v1/tickets), read metrics (GET /api/v1/metrics...), write points of
 * external metrics (POST /api/v1/metrics/<key>/points). A key is "sl_" + 64 hex digits (256 random bits);
 * only its first 8 hex digits (key_prefix, to recognise it) and the
 * SHA-256 hex of the whole key (key_hash, to check it) are stored, so the
 * key is shown once, in the answer to the POST that made it. Keys are
 * revoked (active = 0), never deleted: tickets point at them. */
#include "admin.h"
#include "arena.h"
#include "auth.h"
#include "fmt.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <string.h>

#define API_KEY_PREFIX     "sl_"
#define API_KEY_PREFIX_HEX 8      /* hex digits kept as key_prefix */

static struct db_q q_keys_list = DB_Q(
    "SELECT k.id, k.name, k.key_prefix, k.active, k.created_at, k.last_used_at,"
    " COALESCE(u.login, ''), k.scopes"
    " FROM api_keys k LEFT JOIN users u ON u.id = k.created_by"
    " ORDER BY k.active DESC, k.id DESC LIMIT 1000");
static struct db_q q_key_get = DB_Q("SELECT id FROM api_keys WHERE id = ?");
static struct db_q q_key_insert = DB_Q(
    "INSERT INTO api_keys (name, key_prefix, key_hash, active, scopes, created_by, created_at)"
    " VALUES (?, ?, ?, 1, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_key_revoke = DB_Q("UPDATE api_keys SET active = 0 WHERE id = ?");

enum { KC_ID, KC_NAME, KC_PREFIX, KC_ACTIVE, KC_CREATED, KC_USED, KC_BY, KC_SCOPES };

/* The scopes as stored (api_keys.scopes), each a checkbox scope_<name>. */
static const char *const key_scopes[] = { "tickets", "metrics_read", "points_write", NULL };

/* The scopes of a stored SET value as labels, one section SCOPE each. */
static void
keys_fill_scopes(struct req *r, tmpl_dict *row, const char *set)
{
	int i;

	for (i = 0; key_scopes[i] != NULL; i++) {
		size_t n = strlen(key_scopes[i]);
		const char *p = strstr(set, key_scopes[i]);

		if (p != NULL && (p == set || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			tmpl_set(tmpl_add_section(row, "SCOPE"), "LABEL", i18n(r->lang,
			    arena_printf(r->a, "A_KEY_SCOPE_%s", key_scopes[i])));
	}
}

/* The checked scopes as a SET value ("tickets,metrics_read"), the boxes
 * kept checked on d; "" when none or a box is malformed (a problem). */
static const char *
keys_check_scopes(struct req *r, struct form_check *fc, int fresh)
{
	const char *set = "";
	int i, on;

	for (i = 0; key_scopes[i] != NULL; i++) {
		const char *field = arena_printf(r->a, "scope_%s", key_scopes[i]);

		if (fresh) {        /* a new form: ticket creation, as before scopes */
			on = i == 0;
		} else if (form_check_field(fc, field, "", admin_check_flag(req_form(r, field),
		    &on)) != NULL) {
			return "";
		}
		if (!on)
			continue;
		tmpl_show_section(fc->d, arena_printf(r->a, "SCOPE_%s_CHECKED", key_scopes[i]));
		set = *set == '\0' ? key_scopes[i] : arena_printf(r->a, "%s,%s", set, key_scopes[i]);
	}
	return set;
}

static void
keys_fill_row(struct req *r, tmpl_dict *d, const struct db_res *res, size_t i)
{
	tmpl_dict *row = tmpl_add_section(d, "KEY");
	const char *used = db_get(res, i, KC_USED);

	tmpl_set(row, "ID", db_gets(res, i, KC_ID));
	tmpl_set(row, "NAME", db_gets(res, i, KC_NAME));
	tmpl_set(row, "PREFIX", arena_printf(r->a, "%s%s", API_KEY_PREFIX,
	    db_gets(res, i, KC_PREFIX)));
	tmpl_set(row, "CREATED", fmt_local_time(r->a, db_get(res, i, KC_CREATED)));
	tmpl_set(row, "BY", db_gets(res, i, KC_BY));
	if (used != NULL)
		tmpl_set(tmpl_add_section(row, "USED"), "AT", fmt_local_time(r->a, used));
	else
		tmpl_show_section(row, "NEVER_USED");
	tmpl_show_section(row, db_get_int(res, i, KC_ACTIVE) ? "IS_ACTIVE" : "IS_INACTIVE");
	keys_fill_scopes(r, row, db_gets(res, i, KC_SCOPES));
}

static int
keys_render(struct req *r, int status, tmpl_dict *d)
{
	struct db_res *res;
	enum db_rc rc;
	size_t i;

	if ((rc = db_query(r->a, &q_keys_list, &res, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	for (i = 0; i < res->nrows; i++)
		keys_fill_row(r, d, res, i);
	if (res->nrows == 0)
		tmpl_show_section(d, "NO_KEYS");
	return resp_page(r, status, "admin/api_keys.tpl", d);
}

int
api_keys_get(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_KEYS_TITLE", AT_API_KEYS), 0 };

	(void)keys_check_scopes(r, &fc, 1);
	return keys_render(r, 200, fc.d);
}

/* A new key into key (NUL-terminated, sizeof "sl_" + 64 hex) and its
 * stored parts: prefix (8 hex + NUL) and hash (64 hex + NUL). */
static void
key_generate(char key[sizeof(API_KEY_PREFIX) + AUTH_HEX_TOKEN - 1],
    char prefix[API_KEY_PREFIX_HEX + 1], char hash[AUTH_HEX_TOKEN])
{
	char hex[AUTH_HEX_TOKEN];

	auth_random_hex(hex);
	memcpy(key, API_KEY_PREFIX, sizeof(API_KEY_PREFIX) - 1);
	memcpy(key + sizeof(API_KEY_PREFIX) - 1, hex, AUTH_HEX_TOKEN);
	memcpy(prefix, hex, API_KEY_PREFIX_HEX);
	prefix[API_KEY_PREFIX_HEX] = '\0';
	auth_sha256_hex(key, hash);
}

/* Answered with the list page showing the new key once (201: this page
 * cannot be a redirect, the key is not stored). */
int
api_keys_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_KEYS_TITLE", AT_API_KEYS), 0 };
	const char *name = admin_field(r, "name");
	char key[sizeof(API_KEY_PREFIX) + AUTH_HEX_TOKEN - 1];
	char prefix[API_KEY_PREFIX_HEX + 1], hash[AUTH_HEX_TOKEN];
	tmpl_dict *s;
	enum db_rc rc;

	const char *scopes;

	form_check_field(&fc, "name", name, valid_text(name, 100, 1, 0));
	scopes = keys_check_scopes(r, &fc, 0);
	if (fc.nerr == 0 && *scopes == '\0')
		form_check_field(&fc, "scopes", "", "A_KEY_ERR_NO_SCOPE");
	if (fc.nerr > 0)
		return keys_render(r, 422, fc.d);
	key_generate(key, prefix, hash);
	/* key_hash is the only unique key: DB_DUP would be a 2^-256 event. */
	if ((rc = db_exec(&q_key_insert, NULL, "ssssi", name, prefix, hash, scopes,
	    r->user->id)) != DB_OK)
		return admin_db_fail(r, rc, fc.d);
	tmpl_set(fc.d, "VAL_name", "");
	s = tmpl_add_section(fc.d, "NEW_KEY");
	tmpl_set(s, "KEY", key);
	tmpl_set(s, "NAME", name);
	return keys_render(r, 201, fc.d);
}

int
api_key_revoke_post(struct req *r)
{
	struct db_res *res;
	long long id;
	enum db_rc rc;

	if (admin_param_id(r, &id) != 0)
		return admin_not_found(r, NULL);
	if ((rc = db_query(r->a, &q_key_get, &res, "i", id)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	if (res->nrows != 1)
		return admin_not_found(r, NULL);
	if ((rc = db_exec(&q_key_revoke, NULL, "i", id)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/api-keys?saved=1");
}

const struct i18n_msg admin_msgs_api_keys[] = {
	{ "A_KEYS_TITLE",       "API 密钥",          "API keys" },
	{ "A_KEYS_INTRO",       "其他系统调用 API 时在请求头中携带 Authorization: Bearer <密钥>：创建工单 POST /api/v1/tickets，读取指标 GET /api/v1/metrics，写入外部指标数据 POST /api/v1/metrics/<键>/points。",
	                        "Other systems call the API with Authorization: Bearer <key>:"
	                        " POST /api/v1/tickets creates tickets, GET /api/v1/metrics reads"
	                        " metrics, POST /api/v1/metrics/<key>/points writes points of"
	                        " external metrics." },
	{ "A_KEY_SCOPES",       "权限",              "Scopes" },
	{ "A_KEY_SCOPES_HINT",  "只授予对接系统需要的权限，例如 BI 工具只需“读取指标”。创建后不可更改。",
	                        "Grant only what the system needs, e.g. a BI tool only reads"
	                        " metrics. Fixed once created." },
	{ "A_KEY_SCOPE_tickets",      "创建工单",      "Create tickets" },
	{ "A_KEY_SCOPE_metrics_read", "读取指标",      "Read metrics" },
	{ "A_KEY_SCOPE_points_write", "写入外部指标数据", "Write metric points" },
	{ "A_KEY_ERR_NO_SCOPE", "请至少选择一项权限。", "Choose at least one scope." },
	{ "A_KEY_NAME",         "名称",              "Name" },
	{ "A_KEY_NAME_HINT",    "用途或对接的系统，例如“呼叫中心”。",
	                        "What uses it, e.g. \"call centre\"." },
	{ "A_KEY_LABEL",        "密钥",              "Key" },
	{ "A_KEY_PREFIX",       "密钥开头",          "Key starts with" },
	{ "A_KEY_BY",           "创建人",            "Created by" },
	{ "A_KEY_USED",         "最近使用",          "Last used" },
	{ "A_KEY_NEVER",        "从未使用",          "Never" },
	{ "A_KEY_ADD",          "新建密钥",          "Create a key" },
	{ "A_KEY_REVOKE",       "吊销",              "Revoke" },
	{ "A_KEY_REVOKED",      "已吊销",            "Revoked" },
	{ "A_KEY_NEW_TITLE",    "新密钥已创建",      "New key created" },
	{ "A_KEY_NEW_NOTE",     "请立即复制并妥善保存。此密钥只显示这一次，系统中只保存其摘要；遗失后只能吊销并重新创建。",
	                        "Copy it now and keep it safe. It is shown only this once; only a"
	                        " digest is stored. If it is lost, revoke it and create a new one." },
	{ "A_KEY_REVOKE_HINT",  "吊销后使用此密钥的请求将被拒绝，无法恢复。",
	                        "Requests with a revoked key are refused; this cannot be undone." },
};
const size_t admin_nmsgs_api_keys = sizeof(admin_msgs_api_keys) / sizeof(admin_msgs_api_keys[0]);
