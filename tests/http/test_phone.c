/* HTTP tests of phone numbers and one-character search against the test
 * stack ($SL_TEST_URL): the rule of cgi/core/phone.c on the public repair
 * form, the desk's new-ticket form and the maintenance-plan form (the JSON
 * API's are in test_api.c); numbers stored in one form; the staff queue
 * finding a ticket by any spelling of its number; 冷 finding 不制冷; and
 * the migrations 014 (phones) and 015 (search tokens) on rows written the
 * old way. Each ticket carries a phone number or a marker word unique to
 * the run, so a search finds exactly this test's tickets. */
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

#define PASSWORD "demo1234"

static struct hc *agent;
static unsigned   serial;

/* A mobile number unique to this run and call: 139 + 8 digits. */
static void
unique_mobile(char out[12])
{
	unsigned long v = ((unsigned long)time(NULL) * 131u + (unsigned long)getpid() * 7919u +
	    ++serial * 104729u) % 100000000u;

	snprintf(out, 12, "139%08lu", v);
}

/* A word unique to this run and call (see test_desk_queue.c). */
static const char *
marker(void)
{
	static char buf[48];

	snprintf(buf, sizeof(buf), "pm%lx%xx%uz", (long)time(NULL), (unsigned)getpid() & 0xffff,
	    ++serial);
	return buf;
}

/* POST /repair as a new visitor with phone and description (lang "en" or
 * NULL); the answer into r, the form_token used into token. */
static void
repair(const char *phone, const char *description, const char *lang, struct http_resp *r,
    char token[80])
{
	struct hc *h = hc_new();
	char body[4096], path[32], *csrf, *tok, *p = hc_escape(phone), *d = hc_escape(description);
	long long cat;

	snprintf(path, sizeof(path), "/repair%s", lang != NULL ? "?lang=en" : "");
	assert_int_equal(hc_get(h, path, r), 0);
	assert_int_equal(r->status, 200);
	csrf = html_input_value(r->body, "csrf");
	tok = html_input_value(r->body, "form_token");
	cat = html_first_numeric_option(r->body);
	http_resp_free(r);
	assert_non_null(csrf);
	assert_non_null(tok);
	snprintf(token, 80, "%s", tok);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&name=Li&phone=%s&email=&product=KFR"
	    "&serial=&category=%lld&description=%s&address=", csrf, tok, p, cat, d);
	assert_int_equal(hc_post_form(h, path, body, r), 0);
	free(csrf);
	free(tok);
	free(p);
	free(d);
	hc_free(h);
}

/* A ticket through /repair that must be accepted; its ticket number. */
static char *
repair_ok(const char *phone, const char *description)
{
	struct http_resp r;
	char token[80], sql[256], *loc, *number;

	repair(phone, description, NULL, &r, token);
	if (r.status != 303)
		fprintf(stderr, "phone \"%s\": %ld\n", phone, r.status);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	http_resp_free(&r);
	snprintf(sql, sizeof(sql), "SELECT number FROM tickets WHERE track_code = '%s'",
	    strrchr(loc, '/') + 1);
	free(loc);
	number = stack_sql_value(sql);
	assert_non_null(number);
	return number;
}

static void
assert_sql(const char *sql, const char *want)
{
	char *got = stack_sql_value(sql);

	if (got == NULL || strcmp(got, want) != 0)
		fail_msg("%s: got %s, want %s", sql, got != NULL ? got : "(nothing)", want);
	free(got);
}

static void
assert_phone_of(const char *number, const char *want)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT phone FROM tickets WHERE number = '%s'", number);
	assert_sql(sql, want);
}

/* 1 if the agent's search for q (every status) lists the ticket number. */
static int
search_finds(const char *q, const char *number)
{
	struct http_resp r;
	char path[512], *e = hc_escape(q), link[64];
	int found;

	snprintf(path, sizeof(path), "/desk/?q=%s&status=all", e);
	free(e);
	assert_int_equal(hc_get(agent, path, &r), 0);
	if (r.status != 200)
		fprintf(stderr, "GET %s: %ld\n", path, r.status);
	assert_int_equal(r.status, 200);
	snprintf(link, sizeof(link), ">%s</a>", number);
	found = strstr(r.body, link) != NULL;
	http_resp_free(&r);
	return found;
}

/* Run a migration file again on the test database; 0 when it succeeded. */
static int
rerun_migration(const char *file)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "conf/stack/stack.sh sql %s --default-character-set=utf8mb4"
	    " < sql/migrations/%s >/dev/null 2>&1", stack_name(), file);
	return system(cmd);
}

/* --- the public form -------------------------------------------------- */

static void
test_repair_form_says_mobile_or_landline(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;

	(void)state;
	assert_int_equal(hc_get(h, "/repair", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "<label for=\"phone\">联系电话（手机或座机）</label>");
	assert_contains(r.body, "placeholder=\"138 0013 8000 或 010-12345678\"");
	assert_contains(r.body, "<p class=\"hint\" id=\"phone-hint\">手机号码（11 位）或座机号码"
	    "（区号 + 号码，分机写在“转”后），如 138 0013 8000、010-12345678 转 123。</p>");
	assert_contains(r.body, "aria-describedby=\"phone-hint\"");
	http_resp_free(&r);
	assert_int_equal(hc_get(h, "/repair?lang=en", &r), 0);
	assert_int_equal(r.status, 200);
	assert_contains(r.body, "<label for=\"phone\">Phone (mobile or landline)</label>");
	assert_contains(r.body, "placeholder=\"138 0013 8000 or 010-12345678\"");
	assert_contains(r.body, "A mobile number (11 digits) or a landline (area code + number,");
	http_resp_free(&r);
	hc_free(h);
}

static void
test_repair_mobile_spellings_are_stored_as_eleven_digits(void **state)
{
	char m[12], spelled[40], *number;
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		unique_mobile(m);
		snprintf(spelled, sizeof(spelled), i == 0 ? "+86 %.3s-%.4s-%s" :
		    i == 1 ? "%.3s %.4s %s" : "0086%.3s%.4s%s", m, m + 3, m + 7);
		number = repair_ok(spelled, "洗衣机不脱水了。");
		assert_phone_of(number, m);
		free(number);
	}
}

static void
test_repair_landline_with_extension_is_accepted(void **state)
{
	char *number = repair_ok("021-6234-5678 转 123", "热水器不点火了。");

	(void)state;
	assert_phone_of(number, "021-62345678-123");
	free(number);
	number = repair_ok("(0755) 8888 6666", "热水器不点火了。");
	assert_phone_of(number, "0755-88886666");
	free(number);
}

/* 12345 and ten digits: 422, the message next to the field and in the
 * summary, the value kept, nothing stored. */
static void
test_repair_short_and_ten_digit_phones_are_422(void **state)
{
	static const char *const bad[] = { "12345", "1380013800", "010-123456", "call me" };
	static const char *const msg[] = {
		"手机号码应为 11 位数字，以 13–19 开头，如 138 0013 8000；座机请写上区号，如 010-12345678。",
		"手机号码应为 11 位数字，以 13–19 开头，如 138 0013 8000；座机请写上区号，如 010-12345678。",
		"座机号码应为区号（如 010、0755）加 7–8 位号码，分机写在“转”后，如 0755-8888 6666 转 123。",
		"请填写 11 位手机号码（如 138 0013 8000）或带区号的座机号码（如 010-12345678）。",
	};
	struct http_resp r;
	char token[80], want[512], sql[256], *v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		repair(bad[i], "洗衣机不脱水了。", NULL, &r, token);
		assert_int_equal(r.status, 422);
		snprintf(want, sizeof(want), "<p class=\"field-error\" id=\"phone-err\">%s</p>", msg[i]);
		assert_contains(r.body, want);
		assert_contains(r.body, "aria-describedby=\"phone-hint phone-err\"");
		v = html_input_value(r.body, "phone");
		assert_non_null(v);
		assert_string_equal(v, bad[i]);
		free(v);
		http_resp_free(&r);
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE form_token = '%s'",
		    token);
		assert_sql(sql, "0");
	}
}

static void
test_repair_phone_message_in_english(void **state)
{
	struct http_resp r;
	char token[80];

	(void)state;
	repair("1380013800", "The fridge is not cooling.", "en", &r, token);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "<p class=\"field-error\" id=\"phone-err\">A mobile number has 11"
	    " digits and starts with 13–19, e.g. 138 0013 8000; for a landline add the area code,"
	    " e.g. 010-12345678.</p>");
	http_resp_free(&r);
}

/* --- staff forms ------------------------------------------------------ */

/* POST /desk/new as the agent with phone; the answer into r. */
static void
desk_new(const char *phone, const char *description, struct http_resp *r)
{
	char body[2048], *csrf = hc_csrf(agent, "/desk/new"), *p = hc_escape(phone),
	    *d = hc_escape(description), tok[65];
	static const char hex[] = "0123456789abcdef";
	long long cat;
	int i;

	assert_non_null(csrf);
	assert_int_equal(hc_get(agent, "/desk/new", r), 0);
	cat = html_first_numeric_option(r->body);
	http_resp_free(r);
	for (i = 0; i < 64; i++)
		tok[i] = hex[rand() % 16];
	tok[64] = '\0';
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&channel=phone&priority=normal"
	    "&name=Li&phone=%s&category=%lld&description=%s", csrf, tok, p, cat, d);
	assert_int_equal(hc_post_form(agent, "/desk/new", body, r), 0);
	free(csrf);
	free(p);
	free(d);
}

static void
test_desk_new_ticket_takes_a_landline_and_stores_it_normalised(void **state)
{
	struct http_resp r;
	char sql[256], *loc;

	(void)state;
	desk_new("（010）6552 9988", "来电:冰箱不制冷。", &r);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	http_resp_free(&r);
	assert_int_equal(strncmp(loc, "/desk/tickets/", 14), 0);
	snprintf(sql, sizeof(sql), "SELECT phone FROM tickets WHERE id = %lld",
	    strtoll(loc + 14, NULL, 10));
	free(loc);
	assert_sql(sql, "010-65529988");
}

static void
test_desk_new_ticket_refuses_12345(void **state)
{
	struct http_resp r;

	(void)state;
	desk_new("12345", "来电:冰箱不制冷。", &r);
	assert_int_equal(r.status, 422);
	assert_contains(r.body, "id=\"phone-err\">手机号码应为 11 位数字，以 13–19 开头");
	assert_contains(r.body, "id=\"phone-hint\"");
	http_resp_free(&r);
}

/* The maintenance plan's customer phone: the same rule, stored normalised. */
static void
test_plan_customer_phone_follows_the_rule(void **state)
{
	struct http_resp r;
	char body[2048], due[16], sql[256], *csrf, *tok, *loc;
	time_t t = time(NULL) + 8 * 3600 + 30 * 86400;
	struct tm tm;
	long long cat;
	const char *phones[] = { "12345", "0755 8888 6666 转 8" };
	int i;

	(void)state;
	gmtime_r(&t, &tm);
	strftime(due, sizeof(due), "%Y-%m-%d", &tm);
	for (i = 0; i < 2; i++) {
		char *p = hc_escape(phones[i]);

		assert_int_equal(hc_get(agent, "/desk/plans/new", &r), 0);
		assert_int_equal(r.status, 200);
		csrf = html_input_value(r.body, "csrf");
		tok = html_input_value(r.body, "form_token");
		cat = html_first_numeric_option(r.body);
		http_resp_free(&r);
		snprintf(body, sizeof(body), "csrf=%s&form_token=%s&customer_name=Li&phone=%s"
		    "&address=&category=%lld&product=KFR&serial=&title=%s&interval_days=90"
		    "&next_due=%s", csrf, tok, p, cat, marker(), due);
		assert_int_equal(hc_post_form(agent, "/desk/plans/new", body, &r), 0);
		free(csrf);
		free(tok);
		free(p);
		if (i == 0) {
			assert_int_equal(r.status, 422);
			assert_contains(r.body, "id=\"phone-err\">手机号码应为 11 位数字");
			http_resp_free(&r);
			continue;
		}
		assert_int_equal(r.status, 303);
		loc = http_header(&r, "Location");
		assert_non_null(loc);
		snprintf(sql, sizeof(sql), "SELECT a.phone FROM maintenance_plans p JOIN"
		    " customer_assets a ON a.id = p.asset_id WHERE p.id = %lld",
		    strtoll(loc + 12, NULL, 10));
		free(loc);
		http_resp_free(&r);
		assert_sql(sql, "0755-88886666-8");
	}
}

/* --- search ----------------------------------------------------------- */

static void
test_queue_finds_a_mobile_in_any_spelling(void **state)
{
	char m[12], other[12], q[48], *number;

	(void)state;
	unique_mobile(m);
	unique_mobile(other);
	number = repair_ok(m, "空调外机漏水。");
	assert_phone_of(number, m);
	snprintf(q, sizeof(q), "%.3s %.4s %s", m, m + 3, m + 7);
	assert_true(search_finds(q, number));
	snprintf(q, sizeof(q), "+86 %s", m);
	assert_true(search_finds(q, number));
	snprintf(q, sizeof(q), "%.3s-%.4s-%s", m, m + 3, m + 7);
	assert_true(search_finds(q, number));
	snprintf(q, sizeof(q), "0086 %.3s %.4s %s", m, m + 3, m + 7);
	assert_true(search_finds(q, number));
	assert_true(search_finds(m, number));
	assert_false(search_finds(other, number));
	free(number);
}

static void
test_queue_finds_a_landline_in_any_spelling(void **state)
{
	char m[12], phone[32], *number;

	(void)state;
	unique_mobile(m);   /* its last 8 digits make a unique local number */
	snprintf(phone, sizeof(phone), "0571-%c%.7s", m[3] == '0' ? '8' : m[3], m + 4);
	number = repair_ok(phone, "燃气灶打不着火。");
	assert_phone_of(number, phone);
	{
		char q[48];

		snprintf(q, sizeof(q), "(0571) %.4s %s", phone + 5, phone + 9);
		assert_true(search_finds(q, number));
		snprintf(q, sizeof(q), "+86 571 %s", phone + 5);
		assert_true(search_finds(q, number));
	}
	free(number);
}

/* 冷 is the last character of 不制冷: no bigram starts with it there. */
static void
test_one_character_finds_the_end_of_a_word(void **state)
{
	const char *m = marker();
	char desc[128], q[96], mm[12], *cold, *warm;

	(void)state;
	unique_mobile(mm);
	snprintf(desc, sizeof(desc), "空调不制冷 %s", m);
	cold = repair_ok(mm, desc);
	snprintf(desc, sizeof(desc), "空调不制热 %s", m);
	warm = repair_ok(mm, desc);
	snprintf(q, sizeof(q), "冷 %s", m);
	assert_true(search_finds(q, cold));
	assert_false(search_finds(q, warm));
	snprintf(q, sizeof(q), "热 %s", m);
	assert_true(search_finds(q, warm));
	assert_false(search_finds(q, cold));
	snprintf(q, sizeof(q), "制 %s", m);      /* the middle of the word: both */
	assert_true(search_finds(q, cold));
	assert_true(search_finds(q, warm));
	free(cold);
	free(warm);
}

/* --- migrations on rows written before -------------------------------- */

/* A ticket stored with "+86 139-xxxx-xxxx" and the tokens of that
 * spelling, as before phone.c: 014 stores the 11 digits and adds their
 * token; a phone it cannot read stays as it was. */
static void
test_migration_normalises_old_phones(void **state)
{
	char m[12], sql[512], q[48], *a, *b, *c;

	(void)state;
	unique_mobile(m);
	a = repair_ok(m, "抽油烟机噪音大。");
	b = repair_ok(m, "抽油烟机噪音大。");
	c = repair_ok(m, "抽油烟机噪音大。");
	snprintf(sql, sizeof(sql), "UPDATE tickets SET phone = '(0755) 8888-6666 转 8'"
	    " WHERE number = '%s'", c);
	assert_int_equal(stack_sql(sql), 0);
	snprintf(sql, sizeof(sql), "UPDATE tickets SET phone = '+86 %.3s-%.4s-%s',"
	    " search_text = REPLACE(search_text, 'aa%s', 'aa86 aa%.3s aa%.4s aa%s')"
	    " WHERE number = '%s'", m, m + 3, m + 7, m, m, m + 3, m + 7, a);
	assert_int_equal(stack_sql(sql), 0);
	snprintf(sql, sizeof(sql), "UPDATE tickets SET phone = '12345 or evenings' WHERE number = '%s'",
	    b);
	assert_int_equal(stack_sql(sql), 0);
	assert_false(search_finds(m, a));        /* the old row: not found by its number */
	assert_int_equal(rerun_migration("014_phone_normalised.sql"), 0);
	assert_phone_of(a, m);
	assert_phone_of(b, "12345 or evenings");
	assert_phone_of(c, "0755-88886666-8");
	assert_true(search_finds(m, a));
	snprintf(q, sizeof(q), "%.3s %.4s %s", m, m + 3, m + 7);
	assert_true(search_finds(q, a));
	assert_true(search_finds("0755 8888 6666 转 8", c));
	assert_int_equal(rerun_migration("014_phone_normalised.sql"), 0);   /* again: no change */
	assert_phone_of(a, m);
	assert_phone_of(c, "0755-88886666-8");
	free(a);
	free(b);
	free(c);
}

/* A ticket whose search_text lacks the token of 冷 (as written before):
 * 015 adds it, exactly where search_tokens() puts it now. */
static void
test_migration_adds_single_character_tokens(void **state)
{
	const char *m = marker();
	char desc[96], sql[512], q[96], mm[12], *number, *now;

	(void)state;
	unique_mobile(mm);
	snprintf(desc, sizeof(desc), "空调不制冷 %s", m);
	number = repair_ok(mm, desc);
	snprintf(sql, sizeof(sql), "SELECT search_text FROM tickets WHERE number = '%s'", number);
	now = stack_sql_value(sql);
	assert_non_null(now);
	assert_contains(now, " c523651b7 c51b7 ");
	snprintf(sql, sizeof(sql), "UPDATE tickets SET search_text = REPLACE(search_text,"
	    " ' c51b7 ', ' ') WHERE number = '%s'", number);
	assert_int_equal(stack_sql(sql), 0);
	snprintf(q, sizeof(q), "冷 %s", m);
	assert_false(search_finds(q, number));   /* the old tokens miss it */
	assert_int_equal(rerun_migration("015_search_single_char.sql"), 0);
	snprintf(sql, sizeof(sql), "SELECT search_text FROM tickets WHERE number = '%s'", number);
	assert_sql(sql, now);
	assert_true(search_finds(q, number));
	free(now);
	free(number);
}

static int
group_setup(void **state)
{
	(void)state;
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	agent = hc_new();
	return hc_login(agent, "agent", PASSWORD) == 303 ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	hc_free(agent);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repair_form_says_mobile_or_landline),
		cmocka_unit_test(test_repair_mobile_spellings_are_stored_as_eleven_digits),
		cmocka_unit_test(test_repair_landline_with_extension_is_accepted),
		cmocka_unit_test(test_repair_short_and_ten_digit_phones_are_422),
		cmocka_unit_test(test_repair_phone_message_in_english),
		cmocka_unit_test(test_desk_new_ticket_takes_a_landline_and_stores_it_normalised),
		cmocka_unit_test(test_desk_new_ticket_refuses_12345),
		cmocka_unit_test(test_plan_customer_phone_follows_the_rule),
		cmocka_unit_test(test_queue_finds_a_mobile_in_any_spelling),
		cmocka_unit_test(test_queue_finds_a_landline_in_any_spelling),
		cmocka_unit_test(test_one_character_finds_the_end_of_a_word),
		cmocka_unit_test(test_migration_normalises_old_phones),
		cmocka_unit_test(test_migration_adds_single_character_tokens),
	};
	return cmocka_run_group_tests_name("phone", tests, group_setup, group_teardown);
}
