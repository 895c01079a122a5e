/* HTTP tests of notifications: the outbox written with the ticket event,
 * sl-notify (run by the test stack) sending it, and the admin pages.
 *
 * Two loopback receivers stand in for the outside world: an HTTP sink
 * (tests/notify/http_sink.py: the webhook, the robots and the SMS adapter,
 * each signature checked as the real receiver checks it) and an SMTP sink
 * (tests/notify/smtp_sink.py). Both write one JSON line per request, and
 * mark a request whose idempotency key they saw before as "dup". Their
 * ports are the test port + 5 and + 6.
 *
 * The channels and rules are the stack's global settings: each test sets
 * what it needs, and the suite switches every channel off at the end, so
 * the other suites create tickets without notifications. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define SECRET "sink-secret-1"

static char  dir[64], http_log[128], smtp_log[128];
static int   http_port, smtp_port;
static pid_t http_pid, smtp_pid;
static unsigned serial;

static void
nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static pid_t
spawn(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (f == NULL)
		return strdup("");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		buf[0] = '\0';
	fclose(f);
	return buf;
}

/* Lines of the log that contain every one of the needles (up to 3). */
static int
log_lines(const char *path, const char *a, const char *b, const char *c)
{
	char *all = read_file(path), *line, *save = NULL;
	int n = 0;

	for (line = strtok_r(all, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save))
		if (strstr(line, a) != NULL && (b == NULL || strstr(line, b) != NULL) &&
		    (c == NULL || strstr(line, c) != NULL))
			n++;
	free(all);
	return n;
}

static void
sql(const char *fmt, ...)
{
	char q[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	assert_int_equal(stack_sql(q), 0);
}

static long long
sql_int(const char *fmt, ...)
{
	char q[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	return stack_sql_int(q);
}

static void
sink_control(const char *query)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "curl -s -o /dev/null 'http://127.0.0.1:%d/control?%s'",
	    http_port, query);
	assert_int_equal(system(cmd), 0);
}

/* Every channel on and pointed at the sinks; rules: exactly `rules`
 * (pairs "('event','channel')" for an INSERT). */
static void
configure(const char *rules)
{
	int i;

	sql("UPDATE notify_channels SET enabled = 1, secret = '" SECRET "',"
	    " url = CONCAT('http://127.0.0.1:%d/', kind), text_limit = 300 WHERE kind <> 'email'",
	    http_port);
	sql("UPDATE notify_channels SET enabled = 1, url = 'smtp://127.0.0.1:%d',"
	    " from_addr = 'desk@example.com', reply_to = 'help@example.com', starttls = 0"
	    " WHERE kind = 'email'", smtp_port);
	sql("DELETE FROM notify_rules");
	if (rules != NULL)
		sql("INSERT INTO notify_rules (event, channel) VALUES %s", rules);
	/* Earlier tests' messages waiting for a retry (to a URL since changed
	 * back to the sink) would reach the sink during this test and take
	 * its planned failures: let sends in flight end, then fail the rest. */
	for (i = 0; i < 100 && sql_int("SELECT COUNT(*) FROM notify_outbox"
	    " WHERE status = 'sending'") > 0; i++)
		nap_ms(100);
	sql("UPDATE notify_outbox SET status = 'failed', last_error = 'test: left over'"
	    " WHERE status = 'queued'");
	sink_control("fail=0&delay_ms=0");
}

static int
group_setup(void **state)
{
	const char *url = test_base_url(), *p = strrchr(url, ':');
	char hp[16], sp[16];

	(void)state;
	http_port = (p != NULL ? atoi(p + 1) : 18080) + 5;
	smtp_port = http_port + 1;
	snprintf(dir, sizeof(dir), "/tmp/sl-notify-test.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(http_log, sizeof(http_log), "%s/http.jsonl", dir);
	snprintf(smtp_log, sizeof(smtp_log), "%s/smtp.jsonl", dir);
	snprintf(hp, sizeof(hp), "%d", http_port);
	snprintf(sp, sizeof(sp), "%d", smtp_port);
	{
		char py[] = "/usr/bin/python3", hs[] = "tests/notify/http_sink.py",
		    ss[] = "tests/notify/smtp_sink.py", sec[] = SECRET;
		char *ha[] = { py, hs, hp, sec, http_log, NULL };
		char *sa[] = { py, ss, sp, smtp_log, NULL };

		http_pid = spawn(ha);
		smtp_pid = spawn(sa);
	}
	nap_ms(700);
	return http_pid > 0 && smtp_pid > 0 ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	stack_sql("UPDATE notify_channels SET enabled = 0, url = '', secret = ''");
	stack_sql("DELETE FROM notify_rules");
	if (http_pid > 0)
		kill(http_pid, SIGTERM);
	if (smtp_pid > 0)
		kill(smtp_pid, SIGTERM);
	waitpid(http_pid, NULL, 0);
	waitpid(smtp_pid, NULL, 0);
	return 0;
}

struct tk {
	long long id;
	char      number[32], code[64];
};

/* A ticket through the public repair form, with a phone (every test
 * ticket has the same one) and an e-mail address. */
static void new_ticket_saying(struct tk *t, const char *extra);

static void
new_ticket(struct tk *t)
{
	new_ticket_saying(t, "");
}

/* The same, the description ending in extra (form-encoded). */
static void
new_ticket_saying(struct tk *t, const char *extra)
{
	struct hc *h = hc_new();
	struct http_resp r;
	char body[1024], q[256], *csrf, *token, *loc, *v;

	assert_int_equal(hc_get(h, "/repair", &r), 0);
	csrf = html_input_value(r.body, "csrf");
	token = html_input_value(r.body, "form_token");
	assert_non_null(csrf);
	assert_non_null(token);
	snprintf(body, sizeof(body), "csrf=%s&form_token=%s&name=Li&phone=13900139000"
	    "&email=customer%%40example.com&product=KFR-35GW&serial=SN1&category=%lld"
	    "&description=notify+test+%ld-%u+the+water+heater+leaks%s&address=SH", csrf, token,
	    html_first_numeric_option(r.body), (long)time(NULL), ++serial, extra);
	http_resp_free(&r);
	free(csrf);
	free(token);
	assert_int_equal(hc_post_form(h, "/repair", body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(loc);
	snprintf(t->code, sizeof(t->code), "%s", strrchr(loc, '/') + 1);
	free(loc);
	http_resp_free(&r);
	hc_free(h);
	snprintf(q, sizeof(q), "SELECT id FROM tickets WHERE track_code = '%s'", t->code);
	t->id = stack_sql_int(q);
	snprintf(q, sizeof(q), "SELECT number FROM tickets WHERE id = %lld", t->id);
	v = stack_sql_value(q);
	assert_non_null(v);
	snprintf(t->number, sizeof(t->number), "%s", v);
	free(v);
}

/* Wait (at most secs) until the ticket's outbox rows are all sent or
 * failed; fast_forward moves queued rows' next attempt to now (the
 * backoff is minutes long). Returns the number of rows still open. */
static long long
wait_outbox(long long ticket, int secs, int fast_forward)
{
	long long open = -1;
	int i;

	for (i = 0; i < secs * 10; i++) {
		if (fast_forward)
			sql("UPDATE notify_outbox SET next_attempt_at = UTC_TIMESTAMP()"
			    " WHERE ticket_id = %lld AND status = 'queued'", ticket);
		open = sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
		    " AND status IN ('queued', 'sending')", ticket);
		if (open == 0)
			return 0;
		nap_ms(100);
	}
	return open;
}

static void
test_created_sends_one_signed_message_per_channel(void **state)
{
	static const char *const paths[] = { "/webhook", "/wecom", "/dingtalk", "/feishu", "/sms" };
	struct tk t;
	char key[96], url[160];
	size_t i;

	(void)state;
	configure("('created','webhook'),('created','wecom'),('created','dingtalk'),"
	    "('created','feishu'),('created','sms'),('created','email')");
	new_ticket(&t);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld", t.id),
	    6);
	assert_int_equal(wait_outbox(t.id, 15, 0), 0);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND status = 'sent'", t.id), 6);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		char p[32];

		snprintf(p, sizeof(p), "\"path\": \"%s\"", paths[i]);
		/* exactly one, with a valid signature and the ticket's number */
		assert_int_equal(log_lines(http_log, p, t.number, NULL), 1);
		assert_int_equal(log_lines(http_log, p, t.number, "\"sig_ok\": true"), 1);
	}
	/* the customer's SMS: the greeting, what happened, the tracking link */
	snprintf(url, sizeof(url), "/track/%s", t.code);
	assert_int_equal(log_lines(http_log, "\"path\": \"/sms\"", "您的报修已收到", url), 1);
	snprintf(key, sizeof(key), "sl-%lld-created-webhook-group",
	    sql_int("SELECT MIN(event_id) FROM notify_outbox WHERE ticket_id = %lld", t.id));
	assert_int_equal(log_lines(http_log, key, "\"dup\": false", NULL), 1);
	/* one e-mail, text and HTML, with the tracking link */
	snprintf(key, sizeof(key), "sl-%lld-created-email-customer",
	    sql_int("SELECT MIN(event_id) FROM notify_outbox WHERE ticket_id = %lld", t.id));
	assert_int_equal(log_lines(smtp_log, key, NULL, NULL), 1);
	assert_int_equal(log_lines(smtp_log, key, url, "<a href=\\\"http"), 1);
	assert_int_equal(log_lines(smtp_log, key, "\"reply_to\": \"help@example.com\"", t.number),
	    1);
}

static void
test_a_disabled_channel_or_missing_rule_queues_nothing(void **state)
{
	struct tk t;

	(void)state;
	configure("('created','webhook'),('created','sms')");
	sql("UPDATE notify_channels SET enabled = 0 WHERE kind = 'sms'");
	new_ticket(&t);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld", t.id),
	    1);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND channel = 'webhook'", t.id), 1);
}

/* POST the desk action of ticket t as h (csrf from the ticket page). */
static long
desk_post(struct hc *h, const struct tk *t, const char *action, const char *fields)
{
	struct http_resp r;
	char path[96], body[1024], *csrf;
	long st;

	snprintf(path, sizeof(path), "/desk/tickets/%lld", t->id);
	csrf = hc_csrf(h, path);
	assert_non_null(csrf);
	snprintf(path, sizeof(path), "/desk/tickets/%lld/%s", t->id, action);
	snprintf(body, sizeof(body), "csrf=%s&%s", csrf, fields);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, &r), 0);
	st = r.status;
	http_resp_free(&r);
	return st;
}

static void
test_dispatch_tells_the_customer_and_the_technician(void **state)
{
	struct hc *agent = hc_new();
	struct tk t;
	char fields[160];
	long long tech = sql_int("SELECT id FROM users WHERE login = 'tech'");

	(void)state;
	configure("('dispatched','sms'),('assigned','webhook'),('reply','email')");
	sql("UPDATE users SET phone = '13700137000' WHERE id = %lld", tech);
	new_ticket(&t);
	assert_int_equal(hc_login(agent, "agent", "demo1234"), 303);
	snprintf(fields, sizeof(fields), "version=%lld&assignee=%lld&team=",
	    sql_int("SELECT version FROM tickets WHERE id = %lld", t.id), tech);
	assert_int_equal(desk_post(agent, &t, "assign", fields), 303);
	assert_int_equal(desk_post(agent, &t, "reply",
	    "visibility=public&body=We+ordered+the+valve"), 303);
	assert_int_equal(desk_post(agent, &t, "reply",
	    "visibility=internal&body=internal+only"), 303);
	assert_int_equal(wait_outbox(t.id, 15, 0), 0);
	/* the customer: SMS with the technician's name (as the tracking page shows it) */
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld", t.id),
	    3);
	assert_int_equal(log_lines(http_log, "\"path\": \"/sms\"", t.number, "已为您安排技术员"), 1);
	/* the technician's group: assigned, with the customer */
	assert_int_equal(log_lines(http_log, "\"path\": \"/webhook\"", t.number, "新工单分配给您"),
	    1);
	/* the public reply by e-mail; the internal note sends nothing */
	assert_int_equal(log_lines(smtp_log, t.number, "We ordered the valve", NULL), 1);
	assert_int_equal(log_lines(smtp_log, t.number, "internal only", NULL), 0);
	hc_free(agent);
}

/* sl-notify's scan (every 2 s in the test stack) warns the assignee once
 * per due time of a ticket due within 30 minutes. */
static void
test_a_ticket_due_within_30_minutes_warns_its_technician_once(void **state)
{
	struct hc *agent = hc_new();
	struct tk t;
	char fields[160], key[128];
	long long tech = sql_int("SELECT id FROM users WHERE login = 'tech'"), due;
	int i;

	(void)state;
	configure("('sla_due','webhook'),('sla_due','sms')");
	sql("UPDATE users SET phone = '13700137000' WHERE id = %lld", tech);
	new_ticket(&t);
	assert_int_equal(hc_login(agent, "agent", "demo1234"), 303);
	snprintf(fields, sizeof(fields), "version=%lld&assignee=%lld&team=",
	    sql_int("SELECT version FROM tickets WHERE id = %lld", t.id), tech);
	assert_int_equal(desk_post(agent, &t, "assign", fields), 303);
	/* not due soon: nothing */
	nap_ms(2500);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld", t.id),
	    0);
	sql("UPDATE tickets SET resolve_due = UTC_TIMESTAMP() + INTERVAL 10 MINUTE WHERE id = %lld",
	    t.id);
	due = sql_int("SELECT UNIX_TIMESTAMP(resolve_due) FROM tickets WHERE id = %lld", t.id);
	for (i = 0; i < 100 && sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld",
	    t.id) < 2; i++)
		nap_ms(100);
	assert_int_equal(wait_outbox(t.id, 15, 0), 0);
	snprintf(key, sizeof(key), "sl-sla-%lld-%lld-sms-staff", t.id, due);
	assert_int_equal(log_lines(http_log, key, "超过处理时限", "\"sig_ok\": true"), 1);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND address = '13700137000' AND event = 'sla_due'", t.id), 1);
	assert_int_equal(log_lines(http_log, "\"path\": \"/webhook\"", t.number, "超过处理时限"), 1);
	/* later scans add nothing for the same due time */
	nap_ms(4500);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld", t.id),
	    2);
	hc_free(agent);
}

static void
test_a_failing_receiver_gets_retries_then_exactly_one_delivery(void **state)
{
	struct tk t;
	char key[96];

	(void)state;
	configure("('created','webhook')");
	sink_control("fail=3");
	new_ticket(&t);
	assert_int_equal(wait_outbox(t.id, 30, 1), 0);
	snprintf(key, sizeof(key), "sl-%lld-created-webhook-group",
	    sql_int("SELECT event_id FROM notify_outbox WHERE ticket_id = %lld", t.id));
	assert_int_equal(log_lines(http_log, key, "\"status\": 500", NULL), 3);
	assert_int_equal(log_lines(http_log, key, "\"status\": 200", NULL), 1);
	assert_int_equal(log_lines(http_log, key, "\"dup\": true", NULL), 0);
	assert_int_equal(sql_int("SELECT attempts FROM notify_outbox WHERE ticket_id = %lld",
	    t.id), 4);
	assert_int_equal(sql_int("SELECT status = 'sent' AND last_error = '' FROM notify_outbox"
	    " WHERE ticket_id = %lld", t.id), 1);
}

/* kill -9 of every sender while a batch is being sent: after multiwatch
 * restarts them and the lease runs out, each message has reached the
 * receiver, once after its duplicates are dropped by key. */
static void
test_kill_9_mid_batch_loses_nothing_and_the_sink_sees_each_key_once(void **state)
{
	enum { N = 12 };
	struct tk t[N];
	char *pids, cmd[256], key[96];
	long long first, sent_before, i;

	(void)state;
	configure("('created','webhook')");
	sink_control("delay_ms=400");
	for (i = 0; i < N; i++)
		new_ticket(&t[i]);
	first = t[0].id;
	for (i = 0; i < 100 && sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id >= %lld"
	    " AND status = 'sent'", first) < 2; i++)
		nap_ms(50);
	snprintf(cmd, sizeof(cmd), "conf/stack/stack.sh notify %s >%s/pids", stack_name(), dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s/pids", dir);
	pids = read_file(cmd);
	pids[strcspn(pids, "\n")] = '\0';
	assert_true(strlen(pids) > 1);
	snprintf(cmd, sizeof(cmd), "kill -9 %s", pids);
	assert_int_equal(system(cmd), 0);
	free(pids);
	sent_before = sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id >= %lld"
	    " AND status = 'sent'", first);
	/* the kill came in the middle: some sent, some not yet */
	assert_true(sent_before >= 1 && sent_before < N);
	sink_control("delay_ms=0");
	for (i = 0; i < N; i++)
		assert_int_equal(wait_outbox(t[i].id, 30, 0), 0);
	for (i = 0; i < N; i++) {
		snprintf(key, sizeof(key), "sl-%lld-created-webhook-group",
		    sql_int("SELECT event_id FROM notify_outbox WHERE ticket_id = %lld", t[i].id));
		assert_int_equal(log_lines(http_log, key, "\"status\": 200", "\"dup\": false"), 1);
	}
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id >= %lld"
	    " AND status = 'sent'", first), N);
}

static void
test_an_unreachable_receiver_never_holds_up_a_ticket(void **state)
{
	struct tk t;
	time_t t0;

	(void)state;
	configure("('created','webhook')");
	sql("UPDATE notify_channels SET url = 'http://127.0.0.1:9/nobody' WHERE kind = 'webhook'");
	t0 = time(NULL);
	new_ticket(&t);
	assert_true(time(NULL) - t0 <= 3);
	assert_true(t.id > 0);
	for (int i = 0; i < 50 && sql_int("SELECT attempts FROM notify_outbox WHERE ticket_id ="
	    " %lld", t.id) == 0; i++)
		nap_ms(100);
	nap_ms(300);
	assert_int_equal(sql_int("SELECT status = 'queued' AND attempts >= 1"
	    " AND last_error LIKE 'cannot reach the receiver%%' FROM notify_outbox"
	    " WHERE ticket_id = %lld", t.id), 1);
}

static void
test_the_last_failed_attempt_marks_failed_and_resend_delivers(void **state)
{
	struct hc *admin = hc_new();
	struct http_resp r;
	struct tk t;
	char path[96], body[256], *csrf, *loc;
	long long id;

	(void)state;
	configure("('created','webhook')");
	sql("UPDATE notify_channels SET url = 'http://127.0.0.1:9/nobody' WHERE kind = 'webhook'");
	new_ticket(&t);
	id = sql_int("SELECT id FROM notify_outbox WHERE ticket_id = %lld", t.id);
	sql("UPDATE notify_outbox SET attempts = 7 WHERE id = %lld AND status = 'queued'", id);
	assert_int_equal(wait_outbox(t.id, 20, 1), 0);
	assert_int_equal(sql_int("SELECT status = 'failed' FROM notify_outbox WHERE id = %lld", id),
	    1);
	/* visible on the outbox page, with its error and the resend button */
	assert_int_equal(hc_login(admin, "admin", "demo1234"), 303);
	assert_int_equal(hc_get(admin, "/admin/notify/outbox?status=failed", &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(path, sizeof(path), "/admin/notify/outbox/%lld/resend", id);
	assert_contains(r.body, path);
	assert_contains(r.body, "无法连接接收方：");   /* stored in English, shown in Chinese */
	assert_not_contains(r.body, "cannot reach the receiver");
	http_resp_free(&r);
	configure("('created','webhook')");    /* the receiver is back */
	csrf = hc_csrf(admin, "/admin/notify/outbox");
	snprintf(body, sizeof(body), "csrf=%s", csrf);
	free(csrf);
	assert_int_equal(hc_post_form(admin, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	loc = http_header(&r, "Location");
	assert_non_null(strstr(loc, "/admin/notify/outbox"));
	free(loc);
	http_resp_free(&r);
	assert_int_equal(wait_outbox(t.id, 15, 0), 0);
	assert_int_equal(sql_int("SELECT status = 'sent' FROM notify_outbox WHERE id = %lld", id),
	    1);
	/* a sent message is not sent again */
	csrf = hc_csrf(admin, "/admin/notify/outbox");
	snprintf(body, sizeof(body), "csrf=%s", csrf);
	free(csrf);
	assert_int_equal(hc_post_form(admin, path, body, &r), 0);
	assert_int_equal(r.status, 409);
	http_resp_free(&r);
	hc_free(admin);
}

/* POST an admin form at path as admin; the status. */
static long
admin_post(struct hc *admin, const char *page, const char *path, const char *fields,
    struct http_resp *r)
{
	char body[2048], *csrf = hc_csrf(admin, page);

	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&%s", csrf, fields);
	free(csrf);
	assert_int_equal(hc_post_form(admin, path, body, r), 0);
	return r->status;
}

static void
test_channel_settings_are_validated_and_the_test_reports_a_clear_error(void **state)
{
	struct hc *admin = hc_new();
	struct http_resp r;
	char *before;

	(void)state;
	configure(NULL);
	assert_int_equal(hc_login(admin, "admin", "demo1234"), 303);
	before = tables_checksum("notify_channels");
	assert_int_equal(admin_post(admin, "/admin/notify/channels/email",
	    "/admin/notify/channels/email", "enabled=1&url=http%3A%2F%2Fx&from_addr=desk%40example.com",
	    &r), 422);
	assert_contains(r.body, "smtp://");
	http_resp_free(&r);
	/* a scheme without a host is no address */
	assert_int_equal(admin_post(admin, "/admin/notify/channels/email",
	    "/admin/notify/channels/email", "enabled=1&url=smtp%3A%2F%2F&from_addr=desk%40example.com",
	    &r), 422);
	assert_contains(r.body, "id=\"url-err\"");
	http_resp_free(&r);
	assert_int_equal(admin_post(admin, "/admin/notify/channels/webhook",
	    "/admin/notify/channels/webhook", "enabled=1&url=https%3A%2F%2F%2Fhook", &r), 422);
	assert_contains(r.body, "id=\"url-err\"");
	http_resp_free(&r);
	assert_int_equal(admin_post(admin, "/admin/notify/channels/sms",
	    "/admin/notify/channels/sms", "enabled=1&url=ftp%3A%2F%2Fx&text_limit=5", &r), 422);
	assert_contains(r.body, "id=\"url-err\"");
	assert_contains(r.body, "id=\"limit-err\"");
	http_resp_free(&r);
	assert_tables_unchanged("notify_channels", before);
	/* an unreachable relay: saved, and the test says why it failed */
	assert_int_equal(admin_post(admin, "/admin/notify/channels/email",
	    "/admin/notify/channels/email",
	    "enabled=1&url=smtp%3A%2F%2F127.0.0.1%3A9&from_addr=desk%40example.com", &r), 303);
	http_resp_free(&r);
	assert_int_equal(admin_post(admin, "/admin/notify/channels/email",
	    "/admin/notify/channels/email/test", "to=me%40example.com", &r), 303);
	http_resp_free(&r);
	assert_int_equal(hc_get(admin, "/admin/notify/channels/email", &r), 0);
	assert_contains(r.body, "id=\"test-result\"");
	assert_contains(r.body, "测试失败");
	assert_contains(r.body, "邮件中继没有接收这封邮件：连接被拒绝或服务器不可达");
	http_resp_free(&r);
	/* a working receiver: the test passes and the sink got it */
	assert_int_equal(admin_post(admin, "/admin/notify/channels/feishu",
	    "/admin/notify/channels/feishu/test", "", &r), 303);
	http_resp_free(&r);
	assert_int_equal(hc_get(admin, "/admin/notify/channels/feishu", &r), 0);
	assert_contains(r.body, "测试消息已被接收方接受");
	http_resp_free(&r);
	assert_true(log_lines(http_log, "/feishu", "R-TEST-0001", "\"sig_ok\": true") >= 1);
	/* SMS tests go to mobile numbers only */
	assert_int_equal(admin_post(admin, "/admin/notify/channels/sms",
	    "/admin/notify/channels/sms/test", "to=010-12345678", &r), 422);
	http_resp_free(&r);
	hc_free(admin);
}

static void
test_rules_form_replaces_the_rules_and_refuses_bad_values(void **state)
{
	struct hc *admin = hc_new();
	struct http_resp r;
	char *before;

	(void)state;
	configure("('created','sms')");
	assert_int_equal(hc_login(admin, "admin", "demo1234"), 303);
	assert_int_equal(admin_post(admin, "/admin/notify", "/admin/notify/rules",
	    "r_resolved_sms=1&r_assigned_dingtalk=1", &r), 303);
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_rules"), 2);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_rules WHERE event = 'assigned'"
	    " AND channel = 'dingtalk'"), 1);
	before = tables_checksum("notify_rules");
	assert_int_equal(admin_post(admin, "/admin/notify", "/admin/notify/rules",
	    "r_resolved_sms=yes", &r), 422);
	http_resp_free(&r);
	assert_tables_unchanged("notify_rules", before);
	hc_free(admin);
}

static void
test_a_customer_who_stops_messages_gets_none_and_groups_still_do(void **state)
{
	struct hc *h = hc_new();
	struct http_resp r;
	struct tk t, t2;
	char path[128], body[256], *csrf;

	(void)state;
	configure("('created','sms'),('created','webhook'),('resolved','sms')");
	new_ticket(&t);
	snprintf(path, sizeof(path), "/track/%s", t.code);
	csrf = hc_csrf(h, path);
	assert_non_null(csrf);
	snprintf(path, sizeof(path), "/track/%s/notify", t.code);
	snprintf(body, sizeof(body), "csrf=%s&scope=everything", csrf);
	assert_int_equal(hc_post_form(h, path, body, &r), 0);
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	snprintf(body, sizeof(body), "csrf=%s&scope=phone", csrf);
	free(csrf);
	assert_int_equal(hc_post_form(h, path, body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "/track/%s", t.code);
	assert_int_equal(hc_get(h, path, &r), 0);
	assert_contains(r.body, "已停止通知");
	assert_not_contains(r.body, "id=\"notify-form\"");
	http_resp_free(&r);
	/* the same phone (every test ticket has it): no SMS, the group still hears */
	new_ticket(&t2);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND recipient_kind = 'customer'", t2.id), 0);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND channel = 'webhook'", t2.id), 1);
	sql("DELETE FROM notify_optouts");
	hc_free(h);
}

/* A customer's messages are in the language of the setting notify_lang
 * (Chinese unless it says "en"); a group's the same. */
static void
test_customer_messages_take_the_notify_language(void **state)
{
	struct tk t;

	(void)state;
	configure("('created','sms'),('created','email'),('created','wecom')");
	sql("DELETE FROM settings WHERE name = 'notify_lang'");
	new_ticket(&t);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND lang = 'zh-CN'", t.id), 3);
	sql("INSERT INTO settings (name, value) VALUES ('notify_lang', 'en')");
	new_ticket(&t);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND lang = 'en'", t.id), 3);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND recipient_kind = 'customer' AND address = 'customer@example.com'", t.id), 1);
	sql("DELETE FROM settings WHERE name = 'notify_lang'");
}

/* Wait (at most secs) until count_sql counts at least n rows. */
static long long
wait_count(const char *count_sql, long long n, int secs)
{
	long long c = -1;
	int i;

	for (i = 0; i < secs * 10; i++) {
		if ((c = stack_sql_int(count_sql)) >= n)
			return c;
		nap_ms(100);
	}
	return c;
}

/* Wait until every message of event is sent or failed; rows still open. */
static long long
wait_event(const char *event, int secs)
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT COUNT(*) = 0 FROM notify_outbox WHERE event = '%s'"
	    " AND status IN ('queued', 'sending')", event);
	return wait_count(q, 1, secs) == 1 ? 0 : 1;
}

/* A description with 投诉 (a seeded keyword rule) flags the ticket: the
 * supervisors are warned in the flagging transaction, once for that flag
 * moment; a ticket without a keyword warns nobody. */
static void
test_a_flagged_ticket_warns_the_supervisors_once(void **state)
{
	struct tk t, quiet;
	char key[128], link[96];
	long long sup = sql_int("SELECT id FROM users WHERE login = 'supervisor'"), flag;

	(void)state;
	configure("('complaint','sms'),('complaint','webhook')");
	sql("UPDATE users SET phone = '13600136001' WHERE id = %lld", sup);
	new_ticket_saying(&quiet, "");
	new_ticket_saying(&t, "+%E6%88%91%E8%A6%81%E6%8A%95%E8%AF%89");   /* 我要投诉 */
	flag = sql_int("SELECT MIN(id) FROM ticket_flags WHERE ticket_id = %lld", t.id);
	assert_true(flag > 0);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld",
	    quiet.id), 0);
	/* queued with the flag: the seed supervisor's SMS and the group's post */
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND event = 'complaint' AND recipient_user = %lld", t.id, sup), 1);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE ticket_id = %lld"
	    " AND event = 'complaint' AND channel = 'webhook'", t.id), 1);
	assert_int_equal(wait_outbox(t.id, 15, 0), 0);
	snprintf(key, sizeof(key), "sl-flag-%lld-%lld-sms-staff-%lld", t.id, flag, sup);
	snprintf(link, sizeof(link), "/desk/tickets/%lld", t.id);
	assert_int_equal(log_lines(http_log, key, "投诉预警", "\"sig_ok\": true"), 1);
	assert_int_equal(log_lines(http_log, key, "投诉", link), 1);
	assert_int_equal(log_lines(http_log, key, "\"dup\": true", NULL), 0);
	assert_int_equal(log_lines(http_log, "\"path\": \"/webhook\"", t.number, "投诉预警"), 1);
	sql("UPDATE users SET phone = '' WHERE id = %lld", sup);
}

/* A use that takes a location's stock to the part's reorder level alerts
 * the supervisors and admins once; later uses while it stays low do not;
 * after a restock the next crossing alerts again. */
static void
test_a_part_used_down_to_its_reorder_level_alerts_once_per_crossing(void **state)
{
	struct hc *agent = hc_new();
	struct tk t;
	char fields[128], q[256], like[96], link[64];
	long long sup = sql_int("SELECT id FROM users WHERE login = 'supervisor'"), part, loc;
	long stamp = (long)time(NULL);

	(void)state;
	configure("('reorder','sms')");
	sql("UPDATE users SET phone = '13600136002' WHERE id = %lld", sup);
	sql("INSERT INTO parts (sku, name_zh, name_en, reorder_level) VALUES"
	    " ('NT-%ld-%u', '测试阀门', 'Test valve', 2)", stamp, ++serial);
	part = sql_int("SELECT MAX(id) FROM parts");
	sql("INSERT INTO stock_locations (name, name_en) VALUES ('通知测试库 %ld-%u', 'NT store')",
	    stamp, serial);
	loc = sql_int("SELECT MAX(id) FROM stock_locations");
	sql("INSERT INTO part_stock (part_id, location_id, qty) VALUES (%lld, %lld, 4)", part, loc);
	new_ticket(&t);
	assert_int_equal(hc_login(agent, "agent", "demo1234"), 303);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=1", part, loc);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM notify_outbox WHERE event = 'reorder'"
	    " AND p_code = '%lld' AND recipient_user = %lld", part, sup);
	assert_int_equal(desk_post(agent, &t, "parts", fields), 303);   /* 4 -> 3: above */
	assert_int_equal(stack_sql_int(q), 0);
	assert_int_equal(desk_post(agent, &t, "parts", fields), 303);   /* 3 -> 2: the level */
	assert_int_equal(stack_sql_int(q), 1);
	assert_int_equal(desk_post(agent, &t, "parts", fields), 303);   /* 2 -> 1: still low */
	assert_int_equal(stack_sql_int(q), 1);
	sql("UPDATE part_stock SET qty = 5 WHERE part_id = %lld AND location_id = %lld", part, loc);
	snprintf(fields, sizeof(fields), "part=%lld&location=%lld&qty=3", part, loc);
	assert_int_equal(desk_post(agent, &t, "parts", fields), 303);   /* 5 -> 2: again */
	assert_int_equal(stack_sql_int(q), 2);
	assert_int_equal(wait_event("reorder", 15), 0);
	snprintf(like, sizeof(like), "sl-reorder-%lld-%lld-", part, loc);
	snprintf(fields, sizeof(fields), "-sms-staff-%lld\"", sup);
	snprintf(link, sizeof(link), "/desk/parts/%lld", part);
	assert_int_equal(log_lines(http_log, like, fields, "\"dup\": false"), 2);
	assert_int_equal(log_lines(http_log, like, fields, "补货提醒"), 2);
	assert_int_equal(log_lines(http_log, like, link, "测试阀门"), 2);
	/* out of the other suites' pickers and lists */
	sql("UPDATE stock_locations SET active = 0 WHERE id = %lld", loc);
	sql("UPDATE parts SET active = 0 WHERE id = %lld", part);
	sql("UPDATE users SET phone = '' WHERE id = %lld", sup);
	hc_free(agent);
}

/* sl-notify's scan reminds the owner of a manual key result of an active
 * cycle without a check-in for 7 days, once per period; a bound key
 * result and one checked in lately get nothing. */
static void
test_a_key_result_without_a_check_in_for_7_days_reminds_its_owner_once(void **state)
{
	long long tech = sql_int("SELECT id FROM users WHERE login = 'tech'");
	long long cyc, obj, stale, bound, fresh, ref;
	char q[256], key[128], link[64];
	long stamp = (long)time(NULL);

	(void)state;
	configure("('kr_stale','sms')");
	sql("UPDATE users SET phone = '13700137000' WHERE id = %lld", tech);
	sql("INSERT INTO okr_cycles (name, kind, starts_on, ends_on, state, created_at) VALUES"
	    " ('nt-%ld-%u', 'quarter', UTC_DATE() - INTERVAL 60 DAY, UTC_DATE() - INTERVAL 1 DAY,"
	    " 'active', UTC_TIMESTAMP())", stamp, ++serial);
	cyc = sql_int("SELECT MAX(id) FROM okr_cycles");
	sql("INSERT INTO okr_objectives (cycle_id, title, description, level, owner_id, created_at,"
	    " updated_at) VALUES (%lld, 'NT objective', '', 'person', %lld, UTC_TIMESTAMP(),"
	    " UTC_TIMESTAMP())", cyc, tech);
	obj = sql_int("SELECT MAX(id) FROM okr_objectives");
	sql("INSERT INTO okr_krs (objective_id, title, kind, target_value, owner_id, source,"
	    " created_at, updated_at) VALUES (%lld, '回访完成率 NT', 'increase_to', 90, %lld,"
	    " 'manual', UTC_TIMESTAMP() - INTERVAL 8 DAY, UTC_TIMESTAMP())", obj, tech);
	stale = sql_int("SELECT MAX(id) FROM okr_krs");
	sql("INSERT INTO okr_krs (objective_id, title, kind, target_value, owner_id, source,"
	    " metric_key, created_at, updated_at) VALUES (%lld, 'NT bound', 'increase_to', 90, %lld,"
	    " 'metric', 'csat', UTC_TIMESTAMP() - INTERVAL 8 DAY, UTC_TIMESTAMP())", obj, tech);
	bound = sql_int("SELECT MAX(id) FROM okr_krs");
	/* with its check-in in the same transaction: a scan in between would
	 * see it without one */
	sql("START TRANSACTION; INSERT INTO okr_krs (objective_id, title, kind, target_value,"
	    " owner_id, source, created_at, updated_at) VALUES (%lld, 'NT fresh', 'increase_to', 90,"
	    " %lld, 'manual', UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP());"
	    " INSERT INTO okr_checkins (kr_id, value, confidence, user_id, created_at) VALUES"
	    " (LAST_INSERT_ID(), 40, 'on_track', %lld, UTC_TIMESTAMP() - INTERVAL 2 DAY); COMMIT",
	    obj, tech, tech);
	fresh = sql_int("SELECT MAX(id) FROM okr_krs");
	assert_int_equal(sql_int("SELECT COUNT(*) FROM okr_checkins WHERE kr_id = %lld", fresh), 1);
	ref = sql_int("SELECT UNIX_TIMESTAMP(created_at) FROM okr_krs WHERE id = %lld", stale);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM notify_outbox WHERE event = 'kr_stale'"
	    " AND p_code = '%lld'", stale);
	assert_int_equal(wait_count(q, 1, 10), 1);
	assert_int_equal(wait_event("kr_stale", 15), 0);
	snprintf(key, sizeof(key), "sl-kr-%lld-%lld-1-sms-staff-%lld", stale, ref, tech);
	snprintf(link, sizeof(link), "/okr/krs/%lld", stale);
	assert_int_equal(log_lines(http_log, key, "回访完成率 NT", "\"sig_ok\": true"), 1);
	assert_int_equal(log_lines(http_log, key, "7 天没有签到", link), 1);
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE event = 'kr_stale'"
	    " AND p_code IN ('%lld', '%lld')", bound, fresh), 0);
	/* later scans of the same period add nothing */
	nap_ms(4500);
	assert_int_equal(stack_sql_int(q), 1);
	assert_int_equal(log_lines(http_log, key, NULL, NULL), 1);
	/* out of the way of the other suites (check-ins are never deleted) */
	sql("UPDATE okr_cycles SET state = 'closed', closed_at = UTC_TIMESTAMP() WHERE id = %lld",
	    cyc);
}

/* A user ticks the weekly report on /account; the scan sends the report
 * of the week that ended to each subscriber once, with its link. */
static void
test_the_weekly_report_goes_to_each_subscriber_once_a_week(void **state)
{
	struct hc *agent = hc_new();
	struct http_resp r;
	long long who = sql_int("SELECT id FROM users WHERE login = 'agent'");
	long long sup = sql_int("SELECT id FROM users WHERE login = 'supervisor'");
	char body[256], key[128], link[96], q[256], *csrf, *week, *lang, *before;

	(void)state;
	configure("('weekly','email')");
	sql("DELETE FROM notify_outbox WHERE event = 'weekly'");
	sql("UPDATE users SET email = 'agent-nt@example.com' WHERE id = %lld", who);
	sql("UPDATE users SET email = 'sup-nt@example.com', notify_weekly = 0 WHERE id = %lld", sup);
	snprintf(q, sizeof(q), "SELECT lang FROM users WHERE id = %lld", who);
	lang = stack_sql_value(q);
	assert_non_null(lang);
	assert_int_equal(hc_login(agent, "agent", "demo1234"), 303);
	/* a bad value is refused and changes nothing */
	before = tables_checksum("users");
	csrf = hc_csrf(agent, "/account");
	assert_non_null(csrf);
	snprintf(body, sizeof(body), "csrf=%s&lang=%s&notify_weekly=yes", csrf, lang);
	assert_int_equal(hc_post_form(agent, "/account", body, &r), 0);
	assert_int_equal(r.status, 422);
	http_resp_free(&r);
	assert_tables_unchanged("users", before);
	snprintf(body, sizeof(body), "csrf=%s&lang=%s&notify_weekly=1", csrf, lang);
	free(csrf);
	assert_int_equal(hc_post_form(agent, "/account", body, &r), 0);
	assert_int_equal(r.status, 303);
	http_resp_free(&r);
	assert_int_equal(sql_int("SELECT notify_weekly FROM users WHERE id = %lld", who), 1);
	assert_int_equal(hc_get(agent, "/account", &r), 0);
	assert_contains(r.body, "name=\"notify_weekly\" value=\"1\" checked");
	http_resp_free(&r);
	/* the Monday of the week before this one, China time */
	week = stack_sql_value("SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL"
	    " (WEEKDAY(UTC_TIMESTAMP() + INTERVAL 8 HOUR) + 7) DAY");
	assert_non_null(week);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM notify_outbox WHERE event = 'weekly'"
	    " AND recipient_user = %lld", who);
	assert_int_equal(wait_count(q, 1, 10), 1);
	assert_int_equal(wait_event("weekly", 15), 0);
	snprintf(key, sizeof(key), "sl-weekly-%s-email-staff-%lld", week, who);
	snprintf(link, sizeof(link), "/okr/weekly?week=%s", week);
	assert_int_equal(log_lines(smtp_log, key, "agent-nt@example.com", NULL), 1);
	assert_int_equal(log_lines(smtp_log, key, link, "OKR"), 1);
	/* nobody who did not subscribe; no second one on later scans */
	assert_int_equal(sql_int("SELECT COUNT(*) FROM notify_outbox WHERE event = 'weekly'"
	    " AND recipient_user = %lld", sup), 0);
	nap_ms(4500);
	assert_int_equal(stack_sql_int(q), 1);
	assert_int_equal(log_lines(smtp_log, key, NULL, NULL), 1);
	sql("UPDATE users SET notify_weekly = 0, email = '' WHERE id IN (%lld, %lld)", who, sup);
	free(week);
	free(lang);
	hc_free(agent);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_created_sends_one_signed_message_per_channel),
		cmocka_unit_test(test_a_disabled_channel_or_missing_rule_queues_nothing),
		cmocka_unit_test(test_dispatch_tells_the_customer_and_the_technician),
		cmocka_unit_test(test_a_ticket_due_within_30_minutes_warns_its_technician_once),
		cmocka_unit_test(test_a_failing_receiver_gets_retries_then_exactly_one_delivery),
		cmocka_unit_test(test_kill_9_mid_batch_loses_nothing_and_the_sink_sees_each_key_once),
		cmocka_unit_test(test_an_unreachable_receiver_never_holds_up_a_ticket),
		cmocka_unit_test(test_the_last_failed_attempt_marks_failed_and_resend_delivers),
		cmocka_unit_test(test_channel_settings_are_validated_and_the_test_reports_a_clear_error),
		cmocka_unit_test(test_rules_form_replaces_the_rules_and_refuses_bad_values),
		cmocka_unit_test(test_a_customer_who_stops_messages_gets_none_and_groups_still_do),
		cmocka_unit_test(test_customer_messages_take_the_notify_language),
		cmocka_unit_test(test_a_flagged_ticket_warns_the_supervisors_once),
		cmocka_unit_test(test_a_part_used_down_to_its_reorder_level_alerts_once_per_crossing),
		cmocka_unit_test(test_a_key_result_without_a_check_in_for_7_days_reminds_its_owner_once),
		cmocka_unit_test(test_the_weekly_report_goes_to_each_subscriber_once_a_week),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
