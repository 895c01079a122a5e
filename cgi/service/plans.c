/* Maintenance plans: due-date arithmetic and the run of `sl-cli plans-run`.
 *
 * The run, per due plan, in this order (each step is idempotent, so a
 * crash between them, or two runs at once, never opens a ticket twice):
 *  1. ticket_create() with form_token "plan:<plan id>:<due date>": its own
 *     transaction; the same token gives back the ticket made before.
 *  2. One transaction: INSERT plan_runs (plan_id, due_date) — UNIQUE, so a
 *     duplicate means "this date is done" — and advance the plan's
 *     next_due past the run date, last_ticket_id = the ticket. */
#include "plans.h"
#include "arena.h"
#include "db.h"
#include "log.h"
#include "ticket.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PLANS_BATCH 500

#define PLANS_DUE_COLS \
    "SELECT p.id, p.title, p.interval_days, p.next_due, a.customer_name, a.phone," \
    " a.address, a.product, a.serial, a.category_id, p.interval_unit, p.interval_n," \
    " COALESCE(p.default_assignee_id, 0), COALESCE(p.default_team_id, 0)" \
    " FROM maintenance_plans p JOIN customer_assets a ON a.id = p.asset_id"
static struct db_q q_due = DB_Q(PLANS_DUE_COLS
    " WHERE p.active = 1 AND p.next_due <= ? AND p.id > ?"
    " ORDER BY p.id LIMIT ?");
static struct db_q q_due_one = DB_Q(PLANS_DUE_COLS
    " WHERE p.id = ? AND p.active = 1 AND p.next_due = ? AND p.next_due <= ?");
static struct db_q q_plan_there = DB_Q("SELECT 1 FROM maintenance_plans WHERE id = ?");
static struct db_q q_run_of = DB_Q(
    "SELECT ticket_id FROM plan_runs WHERE plan_id = ? AND due_date = ?");
static struct db_q q_tk_state = DB_Q(
    "SELECT version, assignee_id IS NULL AND team_id IS NULL FROM tickets WHERE id = ?");
static struct db_q q_run_add = DB_Q(
    "INSERT INTO plan_runs (plan_id, due_date, ticket_id, created_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP())");
/* SET is evaluated left to right: version and next_due test the old
 * next_due. A plan edited meanwhile (next_due no longer the date run)
 * keeps its new date. */
static struct db_q q_advance = DB_Q(
    "UPDATE maintenance_plans SET version = version + (next_due = ?),"
    " next_due = IF(next_due = ?, ?, next_due), last_ticket_id = ?,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?");
static struct db_q q_advance_only = DB_Q(
    "UPDATE maintenance_plans SET version = version + (next_due = ?),"
    " next_due = IF(next_due = ?, ?, next_due), updated_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND next_due = ?");

enum { DQ_ID, DQ_TITLE, DQ_INTERVAL, DQ_NEXT_DUE, DQ_NAME, DQ_PHONE, DQ_ADDRESS,
       DQ_PRODUCT, DQ_SERIAL, DQ_CATEGORY, DQ_UNIT, DQ_N, DQ_ASSIGNEE, DQ_TEAM };

/* --- dates ------------------------------------------------------------------ */

/* Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static int
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
month_days(long y, unsigned m)
{
	static const unsigned n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

/* The decimal number of n digits at s, or -1 when one is not a digit. */
static long
digits(const char *s, int n)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
plans_date_parse(const char *s, long *day)
{
	long y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > (long)month_days(y, (unsigned)m))
		return -1;
	*day = days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

void
plans_date_format(long day, char out[PLANS_DATE_LEN])
{
	long y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		strcpy(out, "0000-00-00");
		return;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

long
plans_today(void)
{
	time_t local = time(NULL) + 8 * 3600;
	struct tm tm;

	gmtime_r(&local, &tm);
	return days_from_civil(tm.tm_year + 1900L, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday);
}

long
plans_next_due(long due, long interval_days, long today)
{
	if (interval_days < 1)
		interval_days = 1;
	if (due > today)
		return due + interval_days;
	return due + ((today - due) / interval_days + 1) * interval_days;
}

long
plans_missed(long due, long interval_days, long today)
{
	if (interval_days < 1)
		interval_days = 1;
	if (due > today)
		return 0;
	return (today - due) / interval_days + 1;
}

static const char *const unit_names[PU__MAX] = { "day", "week", "month", "year" };

enum plans_unit
plans_unit_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < PU__MAX; i++)
		if (strcmp(s, unit_names[i]) == 0)
			return (enum plans_unit)i;
	return PU__MAX;
}

const char *
plans_unit_name(enum plans_unit u)
{
	return u < PU__MAX ? unit_names[u] : "";
}

long
plans_unit_max(enum plans_unit u)
{
	static const long max[PU__MAX] = { PLANS_INTERVAL_MAX, PLANS_INTERVAL_MAX / 7,
	    PLANS_INTERVAL_MAX / 30 - 1, PLANS_INTERVAL_MAX / 365 };

	return u < PU__MAX ? max[u] : 0;
}

long
plans_unit_days(enum plans_unit u, long n)
{
	static const long days[PU__MAX] = { 1, 7, 30, 365 };
	long d = (u < PU__MAX ? days[u] : 1) * (n > 0 ? n : 1);

	return d > PLANS_INTERVAL_MAX ? PLANS_INTERVAL_MAX : d;
}

/* day + months calendar months, the day of the month clamped. */
static long
add_months(long day, long months)
{
	long y, m0;
	unsigned m, d, last;

	civil_from_days(day, &y, &m, &d);
	m0 = (long)m - 1 + months;
	y += m0 >= 0 ? m0 / 12 : -((11 - m0) / 12);
	m = (unsigned)(((m0 % 12) + 12) % 12) + 1;
	last = month_days(y, m);
	return days_from_civil(y, m, d > last ? last : d);
}

long
plans_add(long day, enum plans_unit u, long n)
{
	switch (u) {
	case PU_WEEK:  return day + 7 * n;
	case PU_MONTH: return add_months(day, n);
	case PU_YEAR:  return add_months(day, 12 * n);
	default:       return day + n;
	}
}

long
plans_next_due_unit(long due, enum plans_unit u, long n, long today)
{
	long next;

	if (n < 1)
		n = 1;
	if (u == PU_DAY || u == PU_WEEK)
		return plans_next_due(due, u == PU_WEEK ? 7 * n : n, today);
	next = plans_add(due, u, n);
	while (next <= today)
		next = plans_add(next, u, n);
	return next;
}

/* --- the run ----------------------------------------------------------------- */

/* One line to out, if any. */
static void
say(FILE *out, long long plan_id, const char *due, const char *what, const char *number,
    const char *next)
{
	if (out == NULL)
		return;
	fprintf(out, "plan %lld due %s: %s", plan_id, due, what);
	if (number != NULL)
		fprintf(out, " %s", number);
	if (next != NULL)
		fprintf(out, ", next due %s", next);
	fputc('\n', out);
}

/* Step 1: the ticket of plan row i (idempotent by its form token). */
static enum ticket_rc
plan_ticket(struct arena *a, const struct db_res *res, size_t i, struct ticket_ref *ref)
{
	struct ticket_input in;
	struct ticket_actor who = { ACTOR_SYSTEM, 0 };

	memset(&in, 0, sizeof(in));
	in.channel = TC_PLAN;
	in.priority = TP_NORMAL;
	in.category_id = db_get_int(res, i, DQ_CATEGORY);
	in.name = db_gets(res, i, DQ_NAME);
	in.phone = db_gets(res, i, DQ_PHONE);
	in.email = "";
	in.address = db_gets(res, i, DQ_ADDRESS);
	in.product = db_gets(res, i, DQ_PRODUCT);
	in.serial = db_gets(res, i, DQ_SERIAL);
	in.description = arena_printf(a, "定期保养：%s", db_gets(res, i, DQ_TITLE));
	in.form_token = arena_printf(a, "plan:%lld:%s", db_get_int(res, i, DQ_ID),
	    db_gets(res, i, DQ_NEXT_DUE));
	return ticket_create(a, &in, NULL, 0, &who, ref);
}

/* Step 2: record the run and advance the plan, in one transaction.
 * DB_DUP when the date was done already (next_due is then advanced alone,
 * in case someone had set it back to a date that was done). */
static enum db_rc
plan_record(long long id, const char *due, const char *next, long long ticket_id)
{
	enum db_rc rc;

	if ((rc = db_begin()) != DB_OK)
		return rc;
	rc = db_exec(&q_run_add, NULL, "isi", id, due, ticket_id);
	if (rc == DB_OK)
		rc = db_exec(&q_advance, NULL, "sssii", due, due, next, ticket_id, id);
	if (rc != DB_OK) {
		db_rollback();
		if (rc == DB_DUP &&
		    db_exec(&q_advance_only, NULL, "sssis", due, due, next, id, due) != DB_OK)
			return DB_ERR;
		return rc;
	}
	return db_commit();
}

/* The plan's default technician or team for its new ticket, when the
 * ticket has neither yet (so a repeated run or a crash in between does
 * not re-assign it). A failure leaves the ticket in the queue, unassigned:
 * logged, not fatal. */
static void
plan_assign(struct arena *a, const struct db_res *res, size_t i, long long ticket)
{
	struct ticket_actor who = { ACTOR_SYSTEM, 0 };
	long long tech = db_get_int(res, i, DQ_ASSIGNEE), team = db_get_int(res, i, DQ_TEAM);
	struct db_res *st;

	if (tech <= 0 && team <= 0)
		return;
	if (db_query(a, &q_tk_state, &st, "i", ticket) != DB_OK || st->nrows != 1 ||
	    !db_get_int(st, 0, 1))
		return;
	if (ticket_assign(a, ticket, (unsigned)db_get_int(st, 0, 0), tech, team, &who) != TK_OK)
		log_msg("warn", "plan ticket not assigned to the plan's default",
		    arena_printf(a, "plan %lld ticket %lld", db_get_int(res, i, DQ_ID), ticket));
}

/* Run plan row i of res for date today; counts into s; the ticket's id
 * into *ticket_id (may be NULL). */
static void
plan_run_one(struct arena *a, const struct db_res *res, size_t i, long today, FILE *out,
    struct plans_summary *s, long long *ticket_id)
{
	long long id = db_get_int(res, i, DQ_ID);
	const char *due = db_gets(res, i, DQ_NEXT_DUE);
	char next[PLANS_DATE_LEN];
	struct ticket_ref ref;
	enum ticket_rc trc;
	enum db_rc rc;
	long dueday;

	s->due++;
	if (plans_date_parse(due, &dueday) != 0) {
		say(out, id, due, "failed: bad next_due", NULL, NULL);
		s->failed++;
		return;
	}
	plans_date_format(plans_next_due_unit(dueday, plans_unit_parse(db_gets(res, i, DQ_UNIT)),
	    db_get_int(res, i, DQ_N), today), next);
	if ((trc = plan_ticket(a, res, i, &ref)) != TK_OK) {
		say(out, id, due, trc == TK_INVALID ? "failed: category not active" :
		    "failed: ticket not created", NULL, NULL);
		s->failed++;
		return;
	}
	plan_assign(a, res, i, ref.id);
	rc = plan_record(id, due, next, ref.id);
	if (ticket_id != NULL)
		*ticket_id = ref.id;
	if (rc == DB_DUP) {
		say(out, id, due, "already done, ticket", ref.number, NULL);
		s->skipped++;
	} else if (rc != DB_OK) {
		say(out, id, due, "failed to record the run (the next run completes it), ticket",
		    ref.number, NULL);
		s->failed++;
	} else if (ref.existed) {
		say(out, id, due, "recorded existing ticket", ref.number, next);
		s->reused++;
	} else {
		say(out, id, due, "created ticket", ref.number, next);
		s->created++;
	}
}

int
plans_run(struct arena *a, long today, FILE *out, struct plans_summary *s)
{
	char date[PLANS_DATE_LEN];
	struct db_res *res;
	long long after = 0;
	size_t i;

	memset(s, 0, sizeof(*s));
	plans_date_format(today, date);
	for (;;) {
		if (db_query(a, &q_due, &res, "sii", date, after, (long long)PLANS_BATCH) != DB_OK)
			return -1;
		for (i = 0; i < res->nrows; i++)
			plan_run_one(a, res, i, today, out, s, NULL);
		if (res->nrows < PLANS_BATCH)
			return 0;
		after = db_get_int(res, res->nrows - 1, DQ_ID);
	}
}

enum plans_gen
plans_generate(struct arena *a, long long plan_id, long due, long today, long long *ticket_id)
{
	char date[PLANS_DATE_LEN], now[PLANS_DATE_LEN];
	struct plans_summary s;
	struct db_res *res;

	*ticket_id = 0;
	plans_date_format(due, date);
	plans_date_format(today, now);
	if (db_query(a, &q_run_of, &res, "is", plan_id, date) != DB_OK)
		return PG_FAILED;
	if (res->nrows == 1) {
		*ticket_id = db_get_int(res, 0, 0);
		return PG_DONE_BEFORE;
	}
	if (db_query(a, &q_due_one, &res, "iss", plan_id, date, now) != DB_OK)
		return PG_FAILED;
	if (res->nrows != 1) {
		if (db_query(a, &q_plan_there, &res, "i", plan_id) != DB_OK)
			return PG_FAILED;
		return res->nrows == 1 ? PG_NOT_DUE : PG_NOT_FOUND;
	}
	memset(&s, 0, sizeof(s));
	plan_run_one(a, res, 0, today, NULL, &s, ticket_id);
	if (s.created + s.reused == 1)
		return PG_CREATED;
	if (s.skipped == 1)   /* a run at the same moment did it */
		return PG_DONE_BEFORE;
	return PG_FAILED;
}

int
plans_cli(struct arena *a, int argc, char **argv)
{
	struct plans_summary s;
	char date[PLANS_DATE_LEN];
	long today = plans_today();
	const char *arg = NULL;

	if (argc == 2 && strcmp(argv[0], "--date") == 0)
		arg = argv[1];
	else if (argc == 1 && strncmp(argv[0], "--date=", 7) == 0)
		arg = argv[0] + 7;
	else if (argc != 0)
		arg = "";
	if (arg != NULL && (plans_date_parse(arg, &today) != 0 || today < PLANS_DAY_MIN ||
	    today > PLANS_DAY_MAX)) {
		fprintf(stderr, "usage: sl-cli plans-run [--date YYYY-MM-DD]\n");
		return 2;
	}
	plans_date_format(today, date);
	if (plans_run(a, today, stdout, &s) != 0) {
		fprintf(stderr, "plans-run %s: database unavailable\n", date);
		return 1;
	}
	printf("plans-run %s: %d due, %d created, %d recorded, %d already done, %d failed\n",
	    date, s.due, s.created, s.reused, s.skipped, s.failed);
	return s.failed > 0 ? 1 : 0;
}
