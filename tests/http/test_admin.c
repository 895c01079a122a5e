/* HTTP tests of the admin plugin (/admin/): who may reach it, users (create,
 * duplicate, bad role, self-protection, deactivation ending sessions,
 * password reset), teams, categories, SLA overrides, the work calendar, API
 * keys, keyword rules, CSRF and escaping. Names carry a per-run suffix so
 * the suite passes again on the same database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define DEMO_PW "demo1234"

static char run_id[32];      /* unique per run: "<pid>x<time>" in base 36-ish */

/* An admin client: its cookie jar and the csrf token of its session. */
struct ac {
	struct hc *h;
	char      *csrf;
};

static void
assert_location(const struct http_resp *r, const char *prefix)
{
	char *loc = http_header(r, "Location");

	if (loc == NULL || strncmp(loc, prefix, strlen(prefix)) != 0) {
		fprintf(stderr, "Location: got '%s', want prefix '%s'\n", loc ? loc : "(none)",
		    prefix);
		free(loc);
		fail();
	}
	free(loc);
}

static struct ac *
ac_login(const char *login, const char *pw)
{
	struct ac *a = calloc(1, sizeof(*a));

	assert_non_null(a);
	a->h = hc_new();
	assert_int_equal(hc_login(a->h, login, pw), 303);
	a->csrf = hc_csrf(a->h, "/account");
	assert_non_null(a->csrf);
	return a;
}

static struct ac *
ac_admin(void)
{
	return ac_login("admin", DEMO_PW);
}

static void
ac_free(struct ac *a)
{
	hc_free(a->h);
	free(a->csrf);
	free(a);
}

/* POST path with csrf and the NULL-terminated name, value pairs (values
 * URL-encoded here). */
static void
ac_post(struct ac *a, const char *path, struct http_resp *r, ...)
{
	char body[8192];
	size_t n;
	const char *name;
	va_list ap;

	n = (size_t)snprintf(body, sizeof(body), "csrf=%s", a->csrf);
	va_start(ap, r);
	while ((name = va_arg(ap, const char *)) != NULL) {
		char *v = hc_escape(va_arg(ap, const char *));

		n += (size_t)snprintf(body + n, sizeof(body) - n, "&%s=%s", name, v);
		free(v);
		assert_true(n < sizeof(body));
	}
	va_end(ap);
	assert_int_equal(hc_post_form(a->h, path, body, r), 0);
}

static void
ac_get(struct ac *a, const char *path, struct http_resp *r)
{
	assert_int_equal(hc_get(a->h, path, r), 0);
}

/* The number after "prefix" at the first place after "anchor" in html
 * (e.g. the id in the edit link of a row), or 0. */
static long long
id_after(const char *html, const char *anchor, const char *prefix)
{
	const char *p = strstr(html, anchor);

	if (p == NULL || (p = strstr(p, prefix)) == NULL)
		return 0;
	return strtoll(p + strlen(prefix), NULL, 10);
}

/* The key in the new-key text area: "sl_" + 64 lower-case hex digits
 * (malloc'ed), or NULL. */
static char *
new_key_of(const char *html)
{
	const char *p = strstr(html, "<textarea id=\"new-key\"");
	size_t i;

	if (p == NULL || (p = strchr(p, '>')) == NULL)
		return NULL;
	p++;
	if (strncmp(p, "sl_", 3) != 0)
		return NULL;
	for (i = 3; i < 67; i++)
		if (!isxdigit((unsigned char)p[i]) || isupper((unsigned char)p[i]))
			return NULL;
	return p[67] == '<' ? strndup(p, 67) : NULL;
}

/* The table row of html holding anchor, up to its </tr> (malloc'ed). */
static char *
row_of(const char *html, const char *anchor)
{
	const char *p = strstr(html, anchor), *end;

	if (p == NULL || (end = strstr(p, "</tr>")) == NULL)
		return strdup("");
	return strndup(p, (size_t)(end - p));
}

/* The value of input name in html equals want. */
static void
assert_input(const char *html, const char *name, const char *want)
{
	char *v = html_input_value(html, name);

	if (v == NULL || strcmp(v, want) != 0) {
		fprintf(stderr, "input %s: got '%s', want '%s'\n", name, v ? v : "(none)", want);
		free(v);
		fail();
	}
	free(v);
}

/* Create a user (303 expected) and return its id. */
static long long
create_user(struct ac *a, const char *login, const char *role, const char *pw)
{
	struct http_resp r;
	char *loc;
	long long id;

	ac_post(a, "/admin/users", &r, "login", login, "name", "测试用户 Test", "role", role,
	    "team", "", "region", "测试片区", "password", pw, NULL);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	assert_true(strncmp(loc, "/admin/users/", 13) == 0);
	id = strtoll(loc + 13, NULL, 10);
	assert_true(id > 0);
	assert_contains(loc, "created=1");
	free(loc);
	http_resp_free(&r);
	return id;
}

static long long
admin_own_id(struct ac *a)
{
	struct http_resp r;
	long long id;

	ac_get(a, "/admin/users", &r);
	assert_int_equal(r.status, 200);
	id = id_after(r.body, "<code>admin</code>", "/admin/users/");
	http_resp_free(&r);
	assert_true(id > 0);
	return id;
}

/* Create an (inactive, so customers never see it) category; its id. */
static long long
create_category(struct ac *a, const char *code)
{
	struct http_resp r;
	char anchor[96];
	long long id;

	ac_post(a, "/admin/categories", &r, "code", code, "name_zh", "测试类别",
	    "name_en", "Test category", "sort", "900", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/categories", &r);
	snprintf(anchor, sizeof(anchor), "<code>%s</code>", code);
	id = id_after(r.body, anchor, "/admin/categories/");
	http_resp_free(&r);
	assert_true(id > 0);
	return id;
}

/* ---------------------------------------------------------------- access */

static void
test_anonymous_is_sent_to_login(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/admin/", &r), 0);
	assert_int_equal(r.status, 303);
	assert_location(&r, "/login?next=");
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/admin/users", &r), 0);
	assert_int_equal(r.status, 303);
	assert_location(&r, "/login");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_other_roles_are_forbidden(void **state)
{
	static const char *const logins[] = { "supervisor", "agent", "tech", "viewer" };
	static const char *const pages[] = {
		"/admin/", "/admin/users", "/admin/teams", "/admin/categories", "/admin/sla",
		"/admin/calendar", "/admin/api-keys", "/admin/rules",
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(logins) / sizeof(logins[0]); i++) {
		struct ac *a = ac_login(logins[i], DEMO_PW);
		struct http_resp r;
		char *before;

		for (k = 0; k < sizeof(pages) / sizeof(pages[0]); k++) {
			ac_get(a, pages[k], &r);
			if (r.status != 403)
				fprintf(stderr, "%s %s: %ld\n", logins[i], pages[k], r.status);
			assert_int_equal(r.status, 403);
			http_resp_free(&r);
		}
		before = tables_checksum("teams");
		ac_post(a, "/admin/teams", &r, "name", "forbidden", "region", "", NULL);
		assert_int_equal(r.status, 403);
		http_resp_free(&r);
		assert_tables_unchanged("teams", before);
		ac_free(a);
	}
}

static void
test_every_page_renders_for_admin(void **state)
{
	static const struct { const char *path, *text; } pages[] = {
		{ "/admin/",           "系统管理" },
		{ "/admin/users",      "新增用户" },
		{ "/admin/teams",      "新增团队" },
		{ "/admin/categories", "新增产品类别" },
		{ "/admin/sla",        "默认（所有类别）" },
		{ "/admin/sla/default", "首次响应" },
		{ "/admin/calendar",   "每周工作时间" },
		{ "/admin/api-keys",   "新建密钥" },
		{ "/admin/rules",      "新增预警词" },
	};
	struct ac *a = ac_admin();
	struct http_resp r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		ac_get(a, pages[i].path, &r);
		if (r.status != 200)
			fprintf(stderr, "%s: %ld\n", pages[i].path, r.status);
		assert_int_equal(r.status, 200);
		assert_contains(r.body, pages[i].text);
		assert_contains(r.body, "aria-current=\"page\"");
		http_resp_free(&r);
	}
	ac_free(a);
}

static void
test_overview_in_english(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;

	(void)state;
	ac_get(a, "/admin/?lang=en", &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "Administration");
	assert_contains(r.body, "Keyword rules");
	assert_contains(r.body, "id=\"count-users\"");
	http_resp_free(&r);
	ac_get(a, "/admin/?lang=zh-CN", &r);      /* back to the default for the jar */
	http_resp_free(&r);
	ac_free(a);
}

static void
test_unknown_ids_are_404(void **state)
{
	static const char *const pages[] = {
		"/admin/users/999999999", "/admin/teams/999999999", "/admin/categories/999999999",
		"/admin/rules/999999999", "/admin/sla/999999999", "/admin/users/abc",
	};
	struct ac *a = ac_admin();
	struct http_resp r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		ac_get(a, pages[i], &r);
		assert_int_equal(r.status, 404);
		http_resp_free(&r);
	}
	ac_free(a);
}

static void
test_post_without_csrf_is_forbidden(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char body[256], *before = tables_checksum("teams");

	(void)state;
	snprintf(body, sizeof(body), "name=nocsrf-%s&region=", run_id);
	assert_int_equal(hc_post_form(a->h, "/admin/teams", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%064d&name=badcsrf-%s&region=", 0, run_id);
	assert_int_equal(hc_post_form(a->h, "/admin/teams", body, &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	assert_tables_unchanged("teams", before);
	ac_get(a, "/admin/teams", &r);
	assert_not_contains(r.body, "csrf-");
	http_resp_free(&r);
	ac_free(a);
}

/* ----------------------------------------------------------------- users */

static void
test_user_create_can_log_in(void **state)
{
	struct ac *a = ac_admin();
	struct hc *u = hc_new();
	struct http_resp r;
	char login[64];

	(void)state;
	snprintf(login, sizeof(login), "t.new-%s", run_id);
	create_user(a, login, "agent", "first-pass-123");
	assert_int_equal(hc_login(u, login, "first-pass-123"), 303);
	assert_int_equal(hc_get(u, "/account", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, login);
	http_resp_free(&r);
	ac_get(a, "/admin/users", &r);
	assert_contains(r.body, login);
	http_resp_free(&r);
	hc_free(u);
	ac_free(a);
}

static void
test_user_duplicate_login_is_422(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char login[64];

	(void)state;
	snprintf(login, sizeof(login), "t.dup-%s", run_id);
	create_user(a, login, "viewer", "dup-pass-123");
	ac_post(a, "/admin/users", &r, "login", login, "name", "另一个", "role", "viewer",
	    "team", "", "region", "", "password", "dup-pass-456", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "此账号已被使用");
	assert_contains(r.body, "id=\"login-err\"");
	assert_contains(r.body, "value=\"另一个\"");
	http_resp_free(&r);
	ac_free(a);
}

static void
test_user_bad_role_is_422(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char login[64];

	(void)state;
	snprintf(login, sizeof(login), "t.role-%s", run_id);
	ac_post(a, "/admin/users", &r, "login", login, "name", "角色", "role", "superuser",
	    "team", "", "region", "", "password", "role-pass-123", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"role-err\"");
	assert_contains(r.body, login);              /* kept */
	http_resp_free(&r);
	ac_free(a);
}

static void
test_user_bad_fields_are_422_per_field(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;

	(void)state;
	ac_post(a, "/admin/users", &r, "login", "AB", "name", "", "role", "agent",
	    "team", "999999999", "region", "", "password", "short", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"login-err\"");
	assert_contains(r.body, "id=\"name-err\"");
	assert_contains(r.body, "id=\"team-err\"");
	assert_contains(r.body, "id=\"password-err\"");
	assert_contains(r.body, "密码至少 8 个字符");
	assert_contains(r.body, "value=\"AB\"");
	assert_not_contains(r.body, "value=\"short\"");   /* passwords are not echoed */
	http_resp_free(&r);
	ac_free(a);
}

static void
test_admin_cannot_deactivate_self(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char path[64];

	(void)state;
	snprintf(path, sizeof(path), "/admin/users/%lld", admin_own_id(a));
	ac_post(a, path, &r, "name", "系统管理员 Admin", "role", "admin", "team", "",
	    "region", "", NULL);                       /* no active=1 */
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "不能停用自己的账号");
	http_resp_free(&r);
	ac_get(a, "/admin/", &r);                      /* still signed in */
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	ac_free(a);
}

static void
test_admin_cannot_demote_self(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char path[64];

	(void)state;
	snprintf(path, sizeof(path), "/admin/users/%lld", admin_own_id(a));
	ac_post(a, path, &r, "name", "系统管理员 Admin", "role", "agent", "team", "",
	    "region", "", "active", "1", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "不能取消自己的管理员角色");
	http_resp_free(&r);
	ac_get(a, "/admin/", &r);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);
	ac_free(a);
}

static void
test_deactivated_user_session_ends(void **state)
{
	struct ac *a = ac_admin();
	struct hc *u = hc_new();
	struct http_resp r;
	char login[64], path[64];
	long long id;

	(void)state;
	snprintf(login, sizeof(login), "t.off-%s", run_id);
	id = create_user(a, login, "technician", "off-pass-123");
	assert_int_equal(hc_login(u, login, "off-pass-123"), 303);
	assert_int_equal(hc_get(u, "/account", &r), 0);
	assert_int_equal(r.status, 200);
	http_resp_free(&r);

	snprintf(path, sizeof(path), "/admin/users/%lld", id);
	ac_post(a, path, &r, "name", "停用的人", "role", "technician", "team", "",
	    "region", "", NULL);                       /* active unchecked */
	assert_int_equal(r.status, 303);
	http_resp_free(&r);

	assert_int_equal(hc_get(u, "/account", &r), 0);
	assert_int_equal(r.status, 303);
	assert_location(&r, "/login");
	http_resp_free(&r);
	assert_int_equal(hc_login(u, login, "off-pass-123"), 422);
	ac_get(a, path, &r);
	assert_not_contains(r.body, "name=\"active\" value=\"1\" checked");
	http_resp_free(&r);
	hc_free(u);
	ac_free(a);
}

/* Create a team (303 expected) and return its id. */
static long long
create_team(struct ac *a, const char *name, const char *region)
{
	struct http_resp r;
	char anchor[160];
	long long id;

	ac_post(a, "/admin/teams", &r, "name", name, "region", region, NULL);
	assert_int_equal(r.status, 303);
	assert_location(&r, "/admin/teams");
	http_resp_free(&r);
	ac_get(a, "/admin/teams", &r);
	snprintf(anchor, sizeof(anchor), ">%s<", name);
	id = id_after(r.body, anchor, "/admin/teams/");
	http_resp_free(&r);
	assert_true(id > 0);
	return id;
}

static void
test_user_edit_saves_team_and_skills(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char login[64], path[64], code[64], team[96], region[64], c1[32], c2[32], t[32];
	char want[96];
	long long id;

	(void)state;
	snprintf(login, sizeof(login), "t.skill-%s", run_id);
	snprintf(team, sizeof(team), "技能团队-%s", run_id);
	snprintf(region, sizeof(region), "测试片区-%s", run_id);
	id = create_user(a, login, "technician", "skill-pass-123");
	snprintf(t, sizeof(t), "%lld", create_team(a, team, ""));
	snprintf(code, sizeof(code), "tsk1_%s", run_id);
	snprintf(c1, sizeof(c1), "%lld", create_category(a, code));
	snprintf(code, sizeof(code), "tsk2_%s", run_id);
	snprintf(c2, sizeof(c2), "%lld", create_category(a, code));
	snprintf(path, sizeof(path), "/admin/users/%lld", id);
	ac_post(a, path, &r, "name", "技能师傅", "role", "technician", "team", t,
	    "region", region, "active", "1", "skill", c1, "skill", c2, "skill", c1, NULL);
	assert_int_equal(r.status, 303);
	assert_location(&r, path);
	http_resp_free(&r);

	ac_get(a, path, &r);
	assert_input(r.body, "region", region);
	snprintf(want, sizeof(want), "<option value=\"%s\" selected>", t);
	assert_contains(r.body, want);
	snprintf(want, sizeof(want), "name=\"skill\" value=\"%s\" checked", c1);
	assert_contains(r.body, want);
	snprintf(want, sizeof(want), "name=\"skill\" value=\"%s\" checked", c2);
	assert_contains(r.body, want);
	http_resp_free(&r);
	ac_get(a, "/admin/users", &r);
	assert_contains(r.body, team);
	assert_contains(r.body, "测试类别, 测试类别");        /* both skills in the list */
	http_resp_free(&r);

	ac_post(a, path, &r, "name", "技能师傅", "role", "technician", "team", "",
	    "region", "", "active", "1", "skill", "999999999", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"skills-err\"");
	http_resp_free(&r);

	/* Another role keeps no skills; inactive, it leaves the dispatch pool. */
	ac_post(a, path, &r, "name", "技能师傅", "role", "agent", "team", "", "region", "",
	    "skill", c1, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, path, &r);
	assert_not_contains(r.body, "\" checked> 测试类别");
	http_resp_free(&r);
	ac_free(a);
}

static void
test_password_reset(void **state)
{
	struct ac *a = ac_admin();
	struct hc *u = hc_new();
	struct http_resp r;
	char login[64], path[80];
	long long id;

	(void)state;
	snprintf(login, sizeof(login), "t.pw-%s", run_id);
	id = create_user(a, login, "viewer", "old-pass-123");
	snprintf(path, sizeof(path), "/admin/users/%lld/password", id);
	ac_post(a, path, &r, "password", "short", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"password-err\"");
	http_resp_free(&r);
	ac_post(a, path, &r, "password", "new-pass-456", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(hc_login(u, login, "old-pass-123"), 422);
	assert_int_equal(hc_login(u, login, "new-pass-456"), 303);
	hc_free(u);
	ac_free(a);
}

/* ------------------------------------------------- teams and categories */

static void
test_team_create_edit_and_duplicate(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char name[96], region[64], path[64];
	long long id;

	(void)state;
	snprintf(name, sizeof(name), "测试团队-%s", run_id);
	snprintf(region, sizeof(region), "测试区-%s", run_id);
	id = create_team(a, name, region);
	ac_get(a, "/admin/teams", &r);
	assert_contains(r.body, region);
	http_resp_free(&r);

	ac_post(a, "/admin/teams", &r, "name", name, "region", "另一区", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "已有同名团队");
	assert_input(r.body, "region", "另一区");
	http_resp_free(&r);

	snprintf(path, sizeof(path), "/admin/teams/%lld", id);
	snprintf(region, sizeof(region), "测试区改-%s", run_id);
	ac_post(a, path, &r, "name", name, "region", region, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, path, &r);
	assert_input(r.body, "region", region);
	http_resp_free(&r);
	ac_post(a, path, &r, "name", "", "region", "", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"name-err\"");
	http_resp_free(&r);
	ac_free(a);
}

static void
test_team_name_is_escaped(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char name[128];

	(void)state;
	snprintf(name, sizeof(name), "<script>alert(1)</script>\"'x-%s", run_id);
	ac_post(a, "/admin/teams", &r, "name", name, "region", "<b>区</b>", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/teams", &r);
	assert_int_equal(r.status, 200);
	assert_not_contains(r.body, "<script>alert(1)");
	assert_not_contains(r.body, "<b>区</b>");
	assert_contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;");
	http_resp_free(&r);
	ac_free(a);
}

static void
test_category_create_and_duplicate_code(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char code[64], path[64];
	long long id;

	(void)state;
	snprintf(code, sizeof(code), "tcat_%s", run_id);
	id = create_category(a, code);
	ac_post(a, "/admin/categories", &r, "code", code, "name_zh", "重复", "name_en", "Dup",
	    "sort", "1", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "此代码已被其他类别使用");
	assert_contains(r.body, "value=\"重复\"");
	http_resp_free(&r);
	ac_post(a, "/admin/categories", &r, "code", "Bad-Code", "name_zh", "坏", "name_en", "Bad",
	    "sort", "x", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"code-err\"");
	assert_contains(r.body, "id=\"sort-err\"");
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/admin/categories/%lld", id);
	ac_post(a, path, &r, "code", code, "name_zh", "测试类别改", "name_en", "Renamed",
	    "sort", "901", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, path, &r);
	assert_contains(r.body, "value=\"测试类别改\"");
	assert_not_contains(r.body, "name=\"active\" value=\"1\" checked");
	http_resp_free(&r);
	ac_free(a);
}

/* ------------------------------------------------------------------ SLA */

static void
test_sla_override_create_update_delete(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char code[64], path[64];
	long long id;

	(void)state;
	snprintf(code, sizeof(code), "tsla_%s", run_id);
	id = create_category(a, code);
	snprintf(path, sizeof(path), "/admin/sla/%lld", id);

	ac_post(a, path, &r, "fr_high", "45", "res_high", "500", NULL);
	assert_int_equal(r.status, 303);
	assert_location(&r, "/admin/sla");
	http_resp_free(&r);
	ac_get(a, path, &r);
	/* entered as the grid shows it: hours and minutes */
	assert_input(r.body, "fr_high_h", "0");
	assert_input(r.body, "fr_high_m", "45");
	assert_input(r.body, "res_high_h", "8");
	assert_input(r.body, "res_high_m", "20");
	assert_input(r.body, "fr_low_h", "");
	http_resp_free(&r);
	ac_get(a, "/admin/sla", &r);
	assert_contains(r.body, "45 分钟 / 8 小时 20 分钟");
	http_resp_free(&r);

	ac_post(a, path, &r, "fr_high", "50", "res_high", "600", NULL);     /* update */
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/sla", &r);
	assert_contains(r.body, "50 分钟 / 10 小时");
	assert_not_contains(r.body, "45 分钟 / 8 小时 20 分钟");
	http_resp_free(&r);

	ac_post(a, path, &r, "fr_high", "50", "res_high", "", NULL);       /* half: 422 */
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"res_high-err\"");
	assert_input(r.body, "fr_high_m", "50");
	http_resp_free(&r);
	ac_post(a, path, &r, "fr_high", "90", "res_high", "60", NULL);     /* order: 422 */
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "解决时限不能短于首次响应时限");
	http_resp_free(&r);

	ac_post(a, path, &r, "fr_high", "", "res_high", "", NULL);         /* delete */
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/sla", &r);
	assert_not_contains(r.body, "50 分钟 / 10 小时");
	http_resp_free(&r);
	ac_free(a);
}

/* The edit form takes hours and minutes; the grid shows the same. */
static void
test_sla_entered_in_hours_and_minutes(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char code[64], path[64];
	long long id;

	(void)state;
	snprintf(code, sizeof(code), "tslahm_%s", run_id);
	id = create_category(a, code);
	snprintf(path, sizeof(path), "/admin/sla/%lld", id);
	ac_get(a, path, &r);
	assert_contains(r.body, "name=\"fr_urgent_h\"");
	assert_contains(r.body, "name=\"fr_urgent_m\"");
	assert_not_contains(r.body, "工作分钟");
	http_resp_free(&r);

	ac_post(a, path, &r, "fr_urgent_h", "1", "fr_urgent_m", "30",
	    "res_urgent_h", "", "res_urgent_m", "90", NULL);  /* 90 minutes: out of range */
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"res_urgent-err\"");
	assert_input(r.body, "res_urgent_m", "90");
	http_resp_free(&r);

	ac_post(a, path, &r, "fr_urgent_h", "1", "fr_urgent_m", "30",
	    "res_urgent_h", "26", "res_urgent_m", "", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/sla", &r);
	assert_contains(r.body, "1 小时 30 分钟 / 26 小时");
	http_resp_free(&r);
	ac_get(a, path, &r);
	assert_input(r.body, "fr_urgent_h", "1");
	assert_input(r.body, "fr_urgent_m", "30");
	assert_input(r.body, "res_urgent_h", "26");
	assert_input(r.body, "res_urgent_m", "0");
	http_resp_free(&r);
	ac_free(a);
}

static void
test_sla_defaults_are_required(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;

	(void)state;
	ac_post(a, "/admin/sla/default", &r, "fr_urgent", "30", "res_urgent", "480",
	    "fr_high", "60", "res_high", "960", "fr_normal", "120", "res_normal", "1440",
	    "fr_low", "", "res_low", "2880", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"fr_low-err\"");
	http_resp_free(&r);
	ac_post(a, "/admin/sla/default", &r, "fr_urgent", "30", "res_urgent", "480",
	    "fr_high", "60", "res_high", "960", "fr_normal", "120", "res_normal", "1440",
	    "fr_low", "480", "res_low", "2880", NULL);      /* the seeded values */
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/sla", &r);
	assert_contains(r.body, "30 分钟 / 8 小时");
	assert_not_contains(r.body, "未设置");
	http_resp_free(&r);
	ac_free(a);
}

/* ------------------------------------------------------------- calendar */

/* A date of the 2090s unique to this run ("YYYY-MM-DD"). */
static void
run_date(char out[11])
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 190;
	tm.tm_mday = 1;
	t = timegm(&tm) + (time_t)((getpid() + time(NULL)) % 3600) * 86400;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void
test_calendar_holiday_add_delete(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char day[11], name[64], path[64], cell[64];

	(void)state;
	run_date(day);
	snprintf(name, sizeof(name), "测试假日-%s", run_id);
	snprintf(cell, sizeof(cell), "<time datetime=\"%s\">", day);
	ac_post(a, "/admin/calendar/days", &r, "day", day, "kind", "holiday", "name", name, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/calendar", &r);
	assert_contains(r.body, cell);
	assert_contains(r.body, name);
	http_resp_free(&r);

	ac_post(a, "/admin/calendar/days", &r, "day", day, "kind", "workday", "name", "重复", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "这一天已经设置过");
	http_resp_free(&r);
	ac_post(a, "/admin/calendar/days", &r, "day", "2031-02-30", "kind", "party",
	    "name", "", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"day-err\"");
	assert_contains(r.body, "id=\"kind-err\"");
	assert_contains(r.body, "id=\"day-name-err\"");
	http_resp_free(&r);

	snprintf(path, sizeof(path), "/admin/calendar/days/%s/delete", day);
	ac_post(a, path, &r, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/calendar", &r);
	assert_not_contains(r.body, cell);
	http_resp_free(&r);
	ac_free(a);
}

static void
test_calendar_hours_and_timezone(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;

	(void)state;
	ac_post(a, "/admin/calendar/hours", &r, "start_1", "18:00", "end_1", "08:30",
	    "start_2", "8.30", "end_2", "18:00", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "下班时间须晚于上班时间");
	assert_contains(r.body, "请按 HH:MM 填写");
	assert_contains(r.body, "value=\"8.30\"");
	http_resp_free(&r);
	ac_post(a, "/admin/calendar/hours", &r, "closed_0", "1", "closed_1", "1", "closed_2", "1",
	    "closed_3", "1", "closed_4", "1", "closed_5", "1", "closed_6", "1", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "至少要有一天工作");
	http_resp_free(&r);
	/* The seeded calendar: Monday to Saturday 08:30-18:00, Sunday closed. */
	ac_post(a, "/admin/calendar/hours", &r, "closed_0", "1",
	    "start_1", "08:30", "end_1", "18:00", "start_2", "08:30", "end_2", "18:00",
	    "start_3", "08:30", "end_3", "18:00", "start_4", "08:30", "end_4", "18:00",
	    "start_5", "08:30", "end_5", "18:00", "start_6", "08:30", "end_6", "18:00", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);

	ac_post(a, "/admin/calendar/timezone", &r, "tz", "900", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"tz-err\"");
	http_resp_free(&r);
	/* the zone is picked from a list; a name not on it is refused */
	ac_post(a, "/admin/calendar/timezone", &r, "zone", "Europe/Berlin", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"tz-err\"");
	http_resp_free(&r);
	ac_post(a, "/admin/calendar/timezone", &r, "zone", "Asia/Tokyo", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(stack_sql_int("SELECT value FROM settings"
	    " WHERE name = 'timezone_offset_min'"), 540);
	ac_get(a, "/admin/calendar", &r);
	assert_contains(r.body, "<option value=\"Asia/Tokyo\" selected>UTC+09:00 · 东京 · Asia/Tokyo</option>");
	http_resp_free(&r);
	/* an offset in minutes (scripts) still works and shows as its zone */
	ac_post(a, "/admin/calendar/timezone", &r, "tz", "480", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_post(a, "/admin/calendar/timezone", &r, "zone", "Asia/Shanghai", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/calendar", &r);
	assert_contains(r.body, "<option value=\"Asia/Shanghai\" selected>");
	assert_not_contains(r.body, "name=\"tz\"");
	assert_input(r.body, "start_1", "08:30");
	assert_input(r.body, "end_6", "18:00");
	assert_input(r.body, "start_0", "");
	http_resp_free(&r);
	ac_free(a);
}

/* ------------------------------------------------------------- API keys */

static void
test_api_key_shown_once(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char name[64], prefix[16], anchor[96], path[64];
	char *key, *row;
	long long id;

	(void)state;
	snprintf(name, sizeof(name), "呼叫中心-%s", run_id);
	ac_post(a, "/admin/api-keys", &r, "name", name, "scope_tickets", "1", NULL);
	assert_int_equal(r.status, 201);
	key = new_key_of(r.body);
	assert_non_null(key);
	http_resp_free(&r);
	snprintf(prefix, sizeof(prefix), "%.11s…", key);   /* "sl_" + 8 hex */

	ac_get(a, "/admin/api-keys", &r);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, name);
	assert_contains(r.body, prefix);
	assert_not_contains(r.body, key);
	assert_not_contains(r.body, key + 11);               /* no later part either */
	snprintf(anchor, sizeof(anchor), ">%s<", name);
	id = id_after(r.body, anchor, "/admin/api-keys/");
	assert_true(id > 0);
	http_resp_free(&r);

	snprintf(path, sizeof(path), "/admin/api-keys/%lld/revoke", id);
	ac_post(a, path, &r, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/api-keys", &r);
	row = row_of(r.body, anchor);
	assert_contains(row, "已吊销");
	assert_not_contains(row, "/revoke");
	free(row);
	http_resp_free(&r);

	ac_post(a, "/admin/api-keys", &r, "name", "", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"name-err\"");
	assert_not_contains(r.body, "id=\"new-key\"");
	http_resp_free(&r);
	free(key);
	ac_free(a);
}

/* -------------------------------------------------------- keyword rules */

static void
test_keyword_rule_create_edit_deactivate(void **state)
{
	struct ac *a = ac_admin();
	struct http_resp r;
	char phrase[64], anchor[96], path[80];
	long long id;

	(void)state;
	snprintf(phrase, sizeof(phrase), "测试投诉词%s", run_id);
	ac_post(a, "/admin/rules", &r, "phrase", phrase, "raise_priority", "high", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, "/admin/rules", &r);
	snprintf(anchor, sizeof(anchor), ">%s<", phrase);
	assert_contains(r.body, anchor);
	id = id_after(r.body, anchor, "/admin/rules/");
	assert_true(id > 0);
	http_resp_free(&r);

	ac_post(a, "/admin/rules", &r, "phrase", phrase, "raise_priority", "", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "已有相同的关键词");
	http_resp_free(&r);
	ac_post(a, "/admin/rules", &r, "phrase", "x", "raise_priority", "critical", NULL);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"raise_priority-err\"");
	http_resp_free(&r);

	snprintf(path, sizeof(path), "/admin/rules/%lld", id);
	ac_post(a, path, &r, "phrase", phrase, "raise_priority", "urgent", "active", "1", NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	ac_get(a, path, &r);
	assert_contains(r.body, "<option value=\"urgent\" selected>");
	http_resp_free(&r);

	snprintf(path, sizeof(path), "/admin/rules/%lld/deactivate", id);
	ac_post(a, path, &r, NULL);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/admin/rules/%lld", id);
	ac_get(a, path, &r);
	assert_not_contains(r.body, "name=\"active\" value=\"1\" checked");
	http_resp_free(&r);
	ac_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anonymous_is_sent_to_login),
		cmocka_unit_test(test_other_roles_are_forbidden),
		cmocka_unit_test(test_every_page_renders_for_admin),
		cmocka_unit_test(test_overview_in_english),
		cmocka_unit_test(test_unknown_ids_are_404),
		cmocka_unit_test(test_post_without_csrf_is_forbidden),
		cmocka_unit_test(test_user_create_can_log_in),
		cmocka_unit_test(test_user_duplicate_login_is_422),
		cmocka_unit_test(test_user_bad_role_is_422),
		cmocka_unit_test(test_user_bad_fields_are_422_per_field),
		cmocka_unit_test(test_admin_cannot_deactivate_self),
		cmocka_unit_test(test_admin_cannot_demote_self),
		cmocka_unit_test(test_deactivated_user_session_ends),
		cmocka_unit_test(test_user_edit_saves_team_and_skills),
		cmocka_unit_test(test_password_reset),
		cmocka_unit_test(test_team_create_edit_and_duplicate),
		cmocka_unit_test(test_team_name_is_escaped),
		cmocka_unit_test(test_category_create_and_duplicate_code),
		cmocka_unit_test(test_sla_override_create_update_delete),
		cmocka_unit_test(test_sla_entered_in_hours_and_minutes),
		cmocka_unit_test(test_sla_defaults_are_required),
		cmocka_unit_test(test_calendar_holiday_add_delete),
		cmocka_unit_test(test_calendar_hours_and_timezone),
		cmocka_unit_test(test_api_key_shown_once),
		cmocka_unit_test(test_keyword_rule_create_edit_deactivate),
	};

	snprintf(run_id, sizeof(run_id), "%ldx%lld", (long)getpid(), (long long)time(NULL));
	return cmocka_run_group_tests_name("http_admin", tests, NULL, NULL);
}
