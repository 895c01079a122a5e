/* Tickets in the database. Each public function is one transaction: lock
 * the ticket row, check version and state machine, change, log the event. */
#include "ticket.h"
#include "arena.h"
#include "clock.h"
#include "db.h"
#include "dispatch.h"
#include "log.h"
#include "outbox.h"
#include "phone.h"
#include "rules.h"
#include "search.h"
#include "sla.h"
#include "appointment.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static struct db_q q_counter = DB_Q(
    "INSERT INTO ticket_counters (day, n) VALUES (?, LAST_INSERT_ID(1))"
    " ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)");
/* The one rule of which SLA policy a ticket gets: its category's own for
 * its priority (pc), else the default of the priority (pd); the columns
 * say whether there is one, and its minutes (0 without). cat is the
 * category's expression; the parameters are the priority, twice. Joins on
 * unique keys, no subquery: MariaDB plans a subquery on every execution. */
#define SLA_POLICY_COLS \
    "COALESCE(pc.id, pd.id) IS NOT NULL," \
    " COALESCE(pc.first_response_mins, pd.first_response_mins, 0)," \
    " COALESCE(pc.resolve_mins, pd.resolve_mins, 0)"
#define SLA_POLICY_JOINS(cat) \
    " LEFT JOIN sla_policies pc ON pc.category_id = " cat " AND pc.priority = ?" \
    " LEFT JOIN sla_policies pd ON pd.category_id IS NULL AND pd.priority = ?"
static struct db_q q_policy = DB_Q(
    "SELECT " SLA_POLICY_COLS " FROM (SELECT CAST(? AS SIGNED) AS id) c" SLA_POLICY_JOINS("c.id")
    " LIMIT 1");
static struct db_q q_region = DB_Q(
    "SELECT region FROM teams WHERE region <> '' AND INSTR(?, region) > 0"
    " ORDER BY CHAR_LENGTH(region) DESC LIMIT 1");
/* What a new ticket needs to know first, in one statement: its category
 * (no row: not active), its SLA policy (SLA_POLICY_COLS), and for its
 * notifications the rules' version, the customers' language and whether
 * the phone number opted out (struct outbox_new_ticket). Joins on unique
 * or constant keys (135 -> 105 µs of MariaDB CPU per execution in a loop
 * against the subqueries it had). */
static struct db_q q_new_policy = DB_Q(
    "SELECT " SLA_POLICY_COLS ","
    " COALESCE(CAST(rv.value AS UNSIGNED), 0), COALESCE(nl.value, 'zh-CN'), o.id IS NOT NULL"
    " FROM categories c" SLA_POLICY_JOINS("c.id")
    " LEFT JOIN settings rv ON rv.name = 'notify_rules_version'"
    " LEFT JOIN settings nl ON nl.name = 'notify_lang'"
    " LEFT JOIN notify_optouts o ON o.phone = ?"
    " WHERE c.id = ? AND c.active = 1 LIMIT 1");
static struct db_q q_insert = DB_Q(
    "INSERT INTO tickets (number, track_code, form_token, channel, priority, category_id,"
    " customer_name, phone, email, product, serial, address, region, description, search_text,"
    " created_at, updated_at, first_response_due, resolve_due, api_key_id, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?),"
    " FROM_UNIXTIME(?), FROM_UNIXTIME(?), NULLIF(?, 0), NULLIF(?, 0))");
/* A repeated form finds its ticket only from the same source (web or the
 * same API key): a token never opens somebody else's ticket. */
static struct db_q q_by_token = DB_Q(
    "SELECT id, number, track_code FROM tickets WHERE form_token = ? AND api_key_id <=> NULLIF(?, 0)");
static struct db_q q_event = DB_Q(
    "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, public,"
    " from_status, to_status, body) VALUES (?, UTC_TIMESTAMP(), ?, ?, ?, ?, ?, ?, ?)");
static struct db_q q_photo = DB_Q(
    "INSERT INTO attachments (ticket_id, event_id, filename, ctype, size, width, height,"
    " data, thumb, created_at)"
    " VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, UTC_TIMESTAMP())");
static struct db_q q_lock = DB_Q(
    "SELECT status, version, COALESCE(UNIX_TIMESTAMP(sla_paused_since), 0),"
    " COALESCE(assignee_id, 0), first_response_at IS NULL, category_id, priority,"
    " UNIX_TIMESTAMP(created_at), sla_paused_secs, region,"
    " COALESCE(UNIX_TIMESTAMP(first_response_due), 0), COALESCE(UNIX_TIMESTAMP(resolve_due), 0),"
    " customer_confirmed_at IS NOT NULL"
    " FROM tickets WHERE id = ? FOR UPDATE");
static struct db_q q_status = DB_Q(
    "UPDATE tickets SET status = ?, version = version + 1, updated_at = UTC_TIMESTAMP(),"
    " sla_paused_since = IF(? = 1, UTC_TIMESTAMP(), IF(? = 1, NULL, sla_paused_since)),"
    " sla_paused_secs = sla_paused_secs + ?,"
    " resolve_due = IF(? = 1, FROM_UNIXTIME(?), resolve_due),"
    " first_response_due = IF(? = 1 AND first_response_at IS NULL, FROM_UNIXTIME(?),"
    " first_response_due),"
    " first_response_at = IF(first_response_at IS NULL AND ? = 1, UTC_TIMESTAMP(), first_response_at),"
    " resolved_at = IF(? = 'resolved', UTC_TIMESTAMP(), IF(? = 'reopened', NULL, resolved_at)),"
    " closed_at = IF(? = 'closed', UTC_TIMESTAMP(), closed_at)"
    " WHERE id = ? AND version = ?");
static struct db_q q_assign = DB_Q(
    "UPDATE tickets SET assignee_id = ?, team_id = ?, status = ?, version = version + 1,"
    " updated_at = UTC_TIMESTAMP(),"
    " first_response_at = COALESCE(first_response_at, UTC_TIMESTAMP())"
    " WHERE id = ? AND version = ?");
static struct db_q q_assignee = DB_Q(
    "SELECT id, COALESCE(team_id, 0), name, role = 'technician' FROM users"
    " WHERE id = ? AND active = 1 AND role IN ('technician', 'agent', 'supervisor')");
static struct db_q q_team_ok = DB_Q("SELECT name FROM teams WHERE id = ?");
/* Milestones are set once (the first time) and never move again. The
 * ticket counts as changed (updated_at), so the metric refresh rebuilds
 * the days they touch. */
static struct db_q q_milestones = DB_Q(
    "UPDATE tickets SET"
    " accepted_at = IF(? = 1, COALESCE(accepted_at, UTC_TIMESTAMP()), accepted_at),"
    " dispatched_at = IF(? = 1, COALESCE(dispatched_at, UTC_TIMESTAMP()), dispatched_at),"
    " arrived_at = IF(? = 1, COALESCE(arrived_at, UTC_TIMESTAMP()), arrived_at),"
    " first_resolved_at = IF(? = 1, COALESCE(first_resolved_at, UTC_TIMESTAMP()),"
    " first_resolved_at),"
    " rated_at = IF(? = 1, COALESCE(rated_at, UTC_TIMESTAMP()), rated_at),"
    " updated_at = UTC_TIMESTAMP()"
    " WHERE id = ?");
/* The time spent in a waiting status, added when the ticket leaves it
 * (wall-clock seconds, for the stage metrics; the SLA clock keeps its own
 * business time). */
#define TK_SINCE_STATUS \
    "GREATEST(0, TIMESTAMPDIFF(SECOND, COALESCE(status_changed_at, created_at), UTC_TIMESTAMP()))"
static struct db_q q_status_clock = DB_Q(
    "UPDATE tickets SET"
    " waiting_parts_secs = waiting_parts_secs + IF(? = 1, " TK_SINCE_STATUS ", 0),"
    " waiting_customer_secs = waiting_customer_secs + IF(? = 1, " TK_SINCE_STATUS ", 0),"
    " status_changed_at = UTC_TIMESTAMP() WHERE id = ?");
/* A finished visit changes the on-site sums: the metric refresh finds the
 * ticket by updated_at. */
static struct db_q q_touch = DB_Q("UPDATE tickets SET updated_at = UTC_TIMESTAMP() WHERE id = ?");
/* Only a resolved (or closed) ticket is rated: a ticket reopened since
 * the page was shown adds no row. */
static struct db_q q_survey_add = DB_Q(
    "INSERT INTO surveys (ticket_id, rating, comment, created_at)"
    " SELECT id, ?, ?, UTC_TIMESTAMP() FROM tickets"
    " WHERE id = ? AND status IN ('resolved', 'closed')");
/* A public staff reply also answers the customer's last message (the
 * queue's "customer replied" marker, customer_replied). */
static struct db_q q_touch_reply = DB_Q(
    "UPDATE tickets SET updated_at = UTC_TIMESTAMP(),"
    " first_response_at = IF(first_response_at IS NULL AND ? = 1, UTC_TIMESTAMP(), first_response_at),"
    " customer_replied = IF(? = 1, 0, customer_replied)"
    " WHERE id = ?");
static struct db_q q_customer_replied = DB_Q(
    "UPDATE tickets SET customer_replied = 1 WHERE id = ?");
static struct db_q q_priority_row = DB_Q(
    "SELECT category_id, UNIX_TIMESTAMP(created_at), sla_paused_secs"
    " FROM tickets WHERE id = ? FOR UPDATE");
static struct db_q q_priority = DB_Q(
    "UPDATE tickets SET priority = ?, version = version + 1, updated_at = UTC_TIMESTAMP(),"
    " first_response_due = FROM_UNIXTIME(?), resolve_due = FROM_UNIXTIME(?)"
    " WHERE id = ?");
static struct db_q q_visit_new = DB_Q(
    "INSERT INTO visits (ticket_id, technician_id, arrived_at) VALUES (?, ?, UTC_TIMESTAMP())");
static struct db_q q_visit_finish = DB_Q(
    "UPDATE visits SET finished_at = UTC_TIMESTAMP(), notes = ?"
    " WHERE id = ? AND ticket_id = ? AND technician_id = ? AND finished_at IS NULL");
/* The address the dispatch rule reads (the region when there is none). */
static struct db_q q_dispatch_address = DB_Q(
    "SELECT IF(address <> '', address, region) FROM tickets WHERE id = ?");

static const char *const actor_names[] = { "customer", "staff", "system", "api" };

/* The locked row of a ticket, as the functions below need it. */
struct tk_row {
	enum ticket_status   status;
	unsigned             version;
	long long            paused_since;   /* epoch, 0 if not paused */
	long long            assignee;
	int                  no_first_response;
	long long            category;
	enum ticket_priority priority;
	long long            created;
	long long            paused_secs;
	const char          *region;
	long long            first_due;      /* epochs, 0 if none */
	long long            resolve_due;
	int                  confirmed;      /* the customer confirmed the repair */
};

static enum ticket_rc
tk_from_db(enum db_rc rc)
{
	switch (rc) {
	case DB_OK:       return TK_OK;
	case DB_DOWN:     return TK_DOWN;
	case DB_CONFLICT: return TK_CONFLICT;
	default:          return TK_ERR;
	}
}

/* End a transaction: commit when rc is TK_OK, else roll back. */
static enum ticket_rc
tk_finish(enum ticket_rc rc)
{
	if (rc == TK_OK && (rc = tk_from_db(outbox_flush())) == TK_OK)
		return tk_from_db(db_commit());
	outbox_discard();
	db_rollback();
	return rc;
}

static enum ticket_rc
tk_event(long long id, const struct ticket_actor *who, const char *kind, int pub,
    const char *from, const char *to, const char *body)
{
	long long actor = who->id;
	enum db_rc rc;

	if (actor > 0)
		rc = db_exec(&q_event, NULL, "isisIsss", id, actor_names[who->kind],
		    actor, kind, pub, from, to, body);
	else
		rc = db_exec(&q_event, NULL, "isssIsss", id, actor_names[who->kind],
		    (const char *)NULL, kind, pub, from, to, body);
	if (rc == DB_OK)   /* its messages are queued by tk_finish, before the commit */
		outbox_note(id, (long long)db_insert_id(), kind, pub, to, who->kind == ACTOR_STAFF, body);
	return tk_from_db(rc);
}

static enum ticket_rc
tk_photos(long long id, long long event_id, const struct ticket_photo *p, size_t n)
{
	size_t i;
	enum db_rc rc;

	for (i = 0; i < n; i++)
		if ((rc = db_exec(&q_photo, NULL, "iissiiibb", id, event_id, p[i].filename,
		    p[i].ctype, (long long)p[i].len, (long long)p[i].width, (long long)p[i].height,
		    p[i].data, p[i].len, p[i].thumb, p[i].thumb_len)) != DB_OK)
			return tk_from_db(rc);
	return TK_OK;
}

/* Record milestones (a mask of enum ticket_milestone) of the locked
 * ticket, inside the transaction of the event that reached them. */
static enum ticket_rc
tk_milestones(long long id, unsigned mask)
{
	if (mask == 0)
		return TK_OK;
	return tk_from_db(db_exec(&q_milestones, NULL, "IIIIIi", !!(mask & TM_ACCEPTED),
	    !!(mask & TM_DISPATCHED), !!(mask & TM_ARRIVED), !!(mask & TM_RESOLVED),
	    !!(mask & TM_RATED), id));
}

/* Complaint early warning on a customer's text, after the commit: the
 * text is saved whatever happens here (a failure is only logged). */
static void
tk_rules(struct arena *a, long long id, const char *text, enum rule_source src)
{
	enum db_rc rc = rules_apply(a, id, text, src);

	if (rc != DB_OK)
		log_msg("warn", "keyword rules not applied", db_rc_str(rc));
}

/* Due times from a policy's minutes, counted from `from` plus paused
 * time (0 and 0 without a policy). */
static int
tk_policy_dues(struct arena *a, int has_policy, long long first_mins, long long resolve_mins,
    long long from, long long paused, long long *first_due, long long *resolve_due)
{
	struct work_calendar cal;

	*first_due = *resolve_due = 0;
	if (!has_policy)
		return 0;
	if (sla_calendar_load(a, &cal) != 0)
		return -1;
	*first_due = sla_add_business(&cal, (time_t)from, first_mins * 60 + paused);
	*resolve_due = sla_add_business(&cal, (time_t)from, resolve_mins * 60 + paused);
	return 0;
}

/* Due times of the SLA policy, counted from `from` plus paused time. */
static int
tk_dues(struct arena *a, long long category, enum ticket_priority pr, long long from,
    long long paused, long long *first_due, long long *resolve_due)
{
	struct db_res *res;

	if (db_query(a, &q_policy, &res, "iss", category, ticket_priority_name(pr),
	    ticket_priority_name(pr)) != DB_OK || res->nrows != 1)
		return -1;
	return tk_policy_dues(a, (int)db_get_int(res, 0, 0), db_get_int(res, 0, 1),
	    db_get_int(res, 0, 2), from, paused, first_due, resolve_due);
}

/* The next number of today's series ("R-20261204-0042"), taken in a
 * statement of its own before the ticket's transaction: the day's counter
 * row is then locked only for that statement. Inside the transaction its
 * lock would be held until the commit, and every new ticket would wait
 * for the one before it. A ticket whose transaction then fails leaves a
 * gap in the series, never a duplicate. */
static const char *
tk_next_number(struct arena *a, time_t now)
{
	time_t local = now + 8 * 3600;   /* numbers follow China's calendar day */
	struct tm tm;
	char day[16], digits[16];

	gmtime_r(&local, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	if (db_exec(&q_counter, NULL, "s", day) != DB_OK)
		return NULL;
	strftime(digits, sizeof(digits), "%Y%m%d", &tm);
	return arena_printf(a, "R-%s-%04llu", digits, (unsigned long long)db_insert_id());
}

static enum ticket_rc
tk_existing(struct arena *a, const char *token, long long api_key_id, struct ticket_ref *out)
{
	struct db_res *res;
	enum db_rc rc = db_query(a, &q_by_token, &res, "si", token, api_key_id);

	if (rc != DB_OK)
		return tk_from_db(rc);
	if (res->nrows != 1)
		return TK_INVALID;   /* the token belongs to another source */
	out->id = db_get_int(res, 0, 0);
	out->number = db_gets(res, 0, 1);
	out->code = db_gets(res, 0, 2);
	out->existed = 1;
	return TK_OK;
}

static const char *
tk_region(struct arena *a, const char *address)
{
	struct db_res *res;

	if (address == NULL || *address == '\0' ||
	    db_query(a, &q_region, &res, "s", address) != DB_OK || res->nrows == 0)
		return "";
	return db_gets(res, 0, 0);
}

static const char *
s_or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static enum ticket_rc
tk_insert(struct arena *a, const struct ticket_input *in, const char *phone, long long staff_id,
    time_t now, long long fdue, long long rdue, struct ticket_ref *out)
{
	char code[27];
	enum db_rc rc;
	const char *text;

	ticket_new_code(code);
	out->code = arena_strdup(a, code);
	text = search_tokens(a, arena_printf(a, "%s %s %s %s %s %s %s", out->number,
	    in->name, phone, s_or_empty(in->product), s_or_empty(in->serial),
	    s_or_empty(in->address), in->description));
	rc = db_exec(&q_insert, NULL, "sssssisssssssssiiiiii", out->number, out->code,
	    in->form_token, ticket_channel_name(in->channel), ticket_priority_name(in->priority),
	    in->category_id, in->name, phone, s_or_empty(in->email), s_or_empty(in->product),
	    s_or_empty(in->serial), s_or_empty(in->address), tk_region(a, in->address),
	    in->description, text, (long long)now, (long long)now,
	    fdue > 0 ? fdue : (long long)now, rdue > 0 ? rdue : (long long)now, in->api_key_id,
	    staff_id);
	if (rc == DB_DUP)
		return TK_CONFLICT;
	if (rc != DB_OK)
		return tk_from_db(rc);
	out->id = (long long)db_insert_id();
	return TK_OK;
}

enum ticket_rc
ticket_create(struct arena *a, const struct ticket_input *in, const struct ticket_photo *photos,
    size_t nphotos, const struct ticket_actor *who, struct ticket_ref *out)
{
	time_t now = service_now();
	const char *phone = phone_canonical(a, in->phone);   /* stored normalised */
	struct outbox_new_ticket nt;
	long long fdue, rdue;
	struct db_res *res;
	enum ticket_rc rc;
	enum db_rc drc;

	memset(out, 0, sizeof(*out));
	if ((drc = db_query(a, &q_new_policy, &res, "sssi", ticket_priority_name(in->priority),
	    ticket_priority_name(in->priority), phone, in->category_id)) != DB_OK)
		return tk_from_db(drc);
	if (res->nrows == 0)
		return TK_INVALID;
	if (tk_policy_dues(a, (int)db_get_int(res, 0, 0), db_get_int(res, 0, 1),
	    db_get_int(res, 0, 2), (long long)now, 0, &fdue, &rdue) != 0)
		return TK_DOWN;
	nt = (struct outbox_new_ticket){ .customer = in->name, .phone = phone, .email = in->email,
	    .rules_version = db_get_int(res, 0, 3), .lang = db_gets(res, 0, 4),
	    .opted_out = (int)db_get_int(res, 0, 5) };
	if ((out->number = tk_next_number(a, now)) == NULL)
		return TK_DOWN;
	if ((drc = db_begin()) != DB_OK)
		return tk_from_db(drc);
	rc = tk_insert(a, in, phone, who->kind == ACTOR_STAFF ? who->id : 0, now, fdue, rdue, out);
	if (rc == TK_CONFLICT && in->form_token != NULL) {
		/* The same form sent again (or twice at once): the first one wins. */
		db_rollback();
		return tk_existing(a, in->form_token, in->api_key_id, out);
	}
	if (rc == TK_OK && (rc = tk_event(out->id, who, "created", 1, NULL, "new", NULL)) == TK_OK) {
		nt.number = out->number;
		nt.code = out->code;
		outbox_note_new(out->id, &nt);
	}
	if (rc == TK_OK)
		rc = tk_photos(out->id, (long long)db_insert_id(), photos, nphotos);
	if ((rc = tk_finish(rc)) == TK_OK)
		tk_rules(a, out->id, in->description, RULE_SRC_TICKET);
	return rc;
}

/* Begin a transaction and lock the ticket row. On error the transaction
 * is already rolled back. */
static enum ticket_rc
tk_lock(struct arena *a, long long id, struct tk_row *row)
{
	struct db_res *res;
	enum db_rc rc;

	if ((rc = db_begin()) != DB_OK)
		return tk_from_db(rc);
	if ((rc = db_query(a, &q_lock, &res, "i", id)) != DB_OK) {
		db_rollback();
		return tk_from_db(rc);
	}
	if (res->nrows != 1) {
		db_rollback();
		return TK_NOT_FOUND;
	}
	row->status = ticket_status_parse(db_gets(res, 0, 0));
	row->version = (unsigned)db_get_int(res, 0, 1);
	row->paused_since = db_get_int(res, 0, 2);
	row->assignee = db_get_int(res, 0, 3);
	row->no_first_response = (int)db_get_int(res, 0, 4);
	row->category = db_get_int(res, 0, 5);
	row->priority = ticket_priority_parse(db_gets(res, 0, 6));
	row->created = db_get_int(res, 0, 7);
	row->paused_secs = db_get_int(res, 0, 8);
	row->region = db_gets(res, 0, 9);
	row->first_due = db_get_int(res, 0, 10);
	row->resolve_due = db_get_int(res, 0, 11);
	row->confirmed = (int)db_get_int(res, 0, 12);
	return TK_OK;
}

/* Change status on a locked row. Leaving "waiting for the customer" gives
 * the due times back the working time they had left when the clock
 * stopped (sla_resume_due), and adds the pause to sla_paused_secs. */
static enum ticket_rc
tk_apply_status(struct arena *a, long long id, const struct tk_row *row, enum ticket_status to,
    const struct ticket_actor *who, const char *note)
{
	struct work_calendar cal;
	long long shift = 0, fdue = 0, rdue = 0;
	time_t now = service_now();
	int pause = ticket_status_sla_paused(to) && !ticket_status_sla_paused(row->status);
	int resume = !ticket_status_sla_paused(to) && ticket_status_sla_paused(row->status);
	int responds = who->kind == ACTOR_STAFF && row->status == TS_NEW;
	const char *tn = ticket_status_name(to);
	unsigned long long changed;
	enum ticket_rc rc2;
	enum db_rc rc;

	if (resume && row->paused_since > 0) {
		if (sla_calendar_load(a, &cal) != 0)
			return TK_DOWN;
		shift = sla_business_between(&cal, (time_t)row->paused_since, now);
		rdue = sla_resume_due(&cal, (time_t)row->resolve_due, (time_t)row->paused_since, now);
		fdue = sla_resume_due(&cal, (time_t)row->first_due, (time_t)row->paused_since, now);
	}
	resume = resume && row->paused_since > 0;
	rc = db_exec(&q_status, &changed, "sIIiIiIiIsssiI", tn, pause, resume, shift,
	    resume && rdue > 0, rdue, resume && fdue > 0, fdue, responds, tn, tn, tn, id,
	    (int)row->version);
	if (rc != DB_OK)
		return tk_from_db(rc);
	if (changed != 1)
		return TK_CONFLICT;
	rc = db_exec(&q_status_clock, NULL, "IIi",
	    row->status == TS_WAITING_PARTS && to != TS_WAITING_PARTS,
	    row->status == TS_WAITING_CUSTOMER && to != TS_WAITING_CUSTOMER, id);
	if (rc != DB_OK)
		return tk_from_db(rc);
	if ((rc2 = tk_milestones(id, (to == TS_ACCEPTED ? TM_ACCEPTED : 0) |
	    (to == TS_RESOLVED ? TM_RESOLVED : 0))) != TK_OK)
		return rc2;
	return tk_event(id, who, "status", 1, ticket_status_name(row->status), tn, note);
}

/* 1 when s is NULL or has nothing but white space. */
static int
tk_blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

enum ticket_rc
ticket_change_status(struct arena *a, long long id, unsigned version, enum ticket_status to,
    const struct ticket_actor *who, const char *note)
{
	struct tk_row row;
	enum ticket_rc rc;

	/* A reopening without its reason is refused before anything is read. */
	if (ticket_status_needs_reason(to) && tk_blank(note))
		return TK_INVALID;
	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if (row.version != version)
		return tk_finish(TK_CONFLICT);
	if (!ticket_transition_ok(row.status, to) ||
	    (ticket_status_needs_assignee(to) && row.assignee == 0))
		return tk_finish(TK_BAD_TRANSITION);
	return tk_finish(tk_apply_status(a, id, &row, to, who, note));
}

/* Status after an assignment: new work becomes "assigned", work under way
 * keeps its status (a hand-over). */
static enum ticket_status
tk_status_after_assign(enum ticket_status s)
{
	switch (s) {
	case TS_NEW: case TS_ACCEPTED: case TS_REOPENED: case TS_ASSIGNED:
		return TS_ASSIGNED;
	case TS_IN_PROGRESS: case TS_WAITING_CUSTOMER: case TS_WAITING_PARTS:
		return s;
	default:
		return TS__MAX;
	}
}

static enum ticket_rc
tk_assign_locked(struct arena *a, long long id, const struct tk_row *row, long long assignee,
    long long team, const struct ticket_actor *who)
{
	struct db_res *res;
	enum ticket_status to = tk_status_after_assign(row->status);
	const char *label = "";
	unsigned long long changed;
	unsigned reached = TM_ACCEPTED;    /* an assignment accepts the ticket */
	enum ticket_rc trc;
	enum db_rc rc;

	if (to == TS__MAX)
		return TK_BAD_TRANSITION;
	if (assignee > 0) {
		if ((rc = db_query(a, &q_assignee, &res, "i", assignee)) != DB_OK)
			return tk_from_db(rc);
		if (res->nrows != 1)
			return TK_INVALID;
		if (team <= 0)
			team = db_get_int(res, 0, 1);
		label = db_gets(res, 0, 2);
		if (db_get_int(res, 0, 3))
			reached |= TM_DISPATCHED;
	} else if (team > 0) {
		if ((rc = db_query(a, &q_team_ok, &res, "i", team)) != DB_OK)
			return tk_from_db(rc);
		if (res->nrows != 1)
			return TK_INVALID;
		label = db_gets(res, 0, 0);
	} else {
		return TK_INVALID;
	}
	rc = db_exec(&q_assign, &changed, "sssiI", assignee > 0 ? arena_printf(a, "%lld", assignee) :
	    NULL, team > 0 ? arena_printf(a, "%lld", team) : NULL, ticket_status_name(to), id,
	    (int)row->version);
	if (rc != DB_OK)
		return tk_from_db(rc);
	if (changed != 1)
		return TK_CONFLICT;
	if ((trc = tk_milestones(id, reached)) != TK_OK)
		return trc;
	return tk_event(id, who, "assigned", 1, ticket_status_name(row->status),
	    ticket_status_name(to), label);
}

enum ticket_rc
ticket_assign(struct arena *a, long long id, unsigned version, long long assignee,
    long long team, const struct ticket_actor *who)
{
	struct tk_row row;
	enum ticket_rc rc;

	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if (row.version != version)
		return tk_finish(TK_CONFLICT);
	return tk_finish(tk_assign_locked(a, id, &row, assignee, team, who));
}

enum ticket_rc
ticket_auto_dispatch(struct arena *a, long long id, unsigned version,
    const struct ticket_actor *who, long long *assignee)
{
	struct dispatch_cand *c;
	struct tk_row row;
	struct db_res *res;
	enum ticket_rc rc;
	enum db_rc drc;
	size_t n;

	*assignee = 0;
	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if (row.version != version)
		return tk_finish(TK_CONFLICT);
	if ((drc = db_query(a, &q_dispatch_address, &res, "i", id)) != DB_OK ||
	    (drc = (enum db_rc)dispatch_load(a, row.category, &c, &n)) != DB_OK)
		return tk_finish(tk_from_db(drc));
	if (dispatch_rank(res->nrows == 1 ? db_gets(res, 0, 0) : "", c, n) != 0)
		return tk_finish(TK_OK);   /* nobody fits: the caller says so */
	*assignee = c[0].id;
	rc = tk_assign_locked(a, id, &row, *assignee, 0, who);
	if (rc == TK_OK)   /* the decision goes with the 'assigned' event just written */
		rc = tk_from_db((enum db_rc)dispatch_store(id, (long long)db_insert_id(), c, n));
	if (rc != TK_OK)
		*assignee = 0;
	return tk_finish(rc);
}

enum ticket_rc
ticket_reply(struct arena *a, long long id, const struct ticket_actor *who, int public_reply,
    const char *body)
{
	return ticket_reply_photos(a, id, who, public_reply, body, NULL, 0);
}

enum ticket_rc
ticket_reply_photos(struct arena *a, long long id, const struct ticket_actor *who,
    int public_reply, const char *body, const struct ticket_photo *photos, size_t nphotos)
{
	struct tk_row row;
	enum ticket_rc rc;
	enum db_rc drc;

	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	drc = db_exec(&q_touch_reply, NULL, "IIi", public_reply && who->kind == ACTOR_STAFF,
	    public_reply && who->kind == ACTOR_STAFF, id);
	if (drc != DB_OK)
		return tk_finish(tk_from_db(drc));
	rc = tk_event(id, who, public_reply ? "reply" : "note", public_reply, NULL, NULL, body);
	if (rc == TK_OK)
		rc = tk_photos(id, (long long)db_insert_id(), photos, nphotos);
	return tk_finish(rc);
}

enum ticket_rc
ticket_customer_reply(struct arena *a, long long id, const char *body,
    const struct ticket_photo *photos, size_t nphotos, int *reopened)
{
	static const struct ticket_actor customer = { ACTOR_CUSTOMER, 0 };
	struct tk_row row;
	enum ticket_rc rc;
	int reopen;

	if (reopened != NULL)
		*reopened = 0;
	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	/* A resolved repair the customer has not confirmed: their words are
	 * the tracking page's "not fixed" answer, and the work starts again. */
	reopen = row.status == TS_RESOLVED && !row.confirmed;
	if (row.status == TS_CLOSED || row.status == TS_CANCELLED)
		return tk_finish(TK_BAD_TRANSITION);
	rc = tk_event(id, &customer, "customer_reply", 1, NULL, NULL, body);
	if (rc == TK_OK)
		rc = tk_photos(id, (long long)db_insert_id(), photos, nphotos);
	if (rc == TK_OK)
		rc = tk_from_db(db_exec(&q_customer_replied, NULL, "i", id));
	if (rc == TK_OK && row.status == TS_WAITING_CUSTOMER)
		rc = tk_apply_status(a, id, &row, row.assignee > 0 ? TS_IN_PROGRESS : TS_ACCEPTED,
		    &customer, NULL);
	else if (rc == TK_OK && reopen)
		rc = tk_apply_status(a, id, &row, TS_REOPENED, &customer, NULL);
	if ((rc = tk_finish(rc)) == TK_OK) {
		tk_rules(a, id, body, RULE_SRC_REPLY);
		if (reopened != NULL)
			*reopened = reopen;
	}
	return rc;
}

enum ticket_rc
ticket_set_priority(struct arena *a, long long id, unsigned version, enum ticket_priority p,
    const struct ticket_actor *who)
{
	struct tk_row row;
	enum ticket_rc rc;
	enum db_rc drc;

	if (p >= TP__MAX)
		return TK_INVALID;
	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if (row.version != version)
		return tk_finish(TK_CONFLICT);
	if ((drc = ticket_priority_write_locked(a, id, p)) != DB_OK)
		return tk_finish(tk_from_db(drc));
	return tk_finish(tk_event(id, who, "priority", 0, ticket_priority_name(row.priority),
	    ticket_priority_name(p), NULL));
}

/* The SLA policy of the new priority counts from the ticket's creation
 * (plus the time it was paused), whoever changes the priority. */
enum db_rc
ticket_priority_write_locked(struct arena *a, long long id, enum ticket_priority p)
{
	struct db_res *res;
	long long created, fdue, rdue;
	unsigned long long changed;
	enum db_rc rc;

	if ((rc = db_query(a, &q_priority_row, &res, "i", id)) != DB_OK)
		return rc;
	if (res->nrows != 1)
		return DB_ERR;
	created = db_get_int(res, 0, 1);
	if (tk_dues(a, db_get_int(res, 0, 0), p, created, db_get_int(res, 0, 2), &fdue, &rdue) != 0)
		return DB_DOWN;
	if ((rc = db_exec(&q_priority, &changed, "siii", ticket_priority_name(p),
	    fdue > 0 ? fdue : created, rdue > 0 ? rdue : created, id)) != DB_OK)
		return rc;
	return changed == 1 ? DB_OK : DB_ERR;
}

enum ticket_rc
ticket_visit_arrive(struct arena *a, long long id, long long tech, long long *visit_id)
{
	const struct ticket_actor who = { ACTOR_STAFF, tech };
	struct tk_row row;
	enum ticket_rc rc;
	enum db_rc drc;

	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if (row.assignee != tech || !ticket_status_open(row.status))
		return tk_finish(TK_BAD_TRANSITION);
	if ((drc = db_exec(&q_visit_new, NULL, "ii", id, tech)) != DB_OK)
		return tk_finish(tk_from_db(drc));
	*visit_id = (long long)db_insert_id();
	rc = tk_milestones(id, TM_ARRIVED);
	if (rc == TK_OK)
		rc = tk_event(id, &who, "visit", 1, NULL, NULL, NULL);
	if (rc == TK_OK && ticket_transition_ok(row.status, TS_IN_PROGRESS))
		rc = tk_apply_status(a, id, &row, TS_IN_PROGRESS, &who, NULL);
	return tk_finish(rc);
}

enum ticket_rc
ticket_visit_finish(struct arena *a, long long id, long long visit_id, long long tech,
    const char *notes)
{
	const struct ticket_actor who = { ACTOR_STAFF, tech };
	struct tk_row row;
	unsigned long long changed;
	enum ticket_rc rc;
	enum db_rc drc;

	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	drc = db_exec(&q_visit_finish, &changed, "siii", notes, visit_id, id, tech);
	if (drc != DB_OK)
		return tk_finish(tk_from_db(drc));
	if (changed != 1)
		return tk_finish(TK_NOT_FOUND);
	if ((drc = db_exec(&q_touch, NULL, "i", id)) != DB_OK)
		return tk_finish(tk_from_db(drc));
	return tk_finish(tk_event(id, &who, "visit", 0, NULL, NULL, notes));
}

enum ticket_rc
ticket_rate(struct arena *a, long long id, int rating, const char *comment)
{
	struct tk_row row;
	unsigned long long added = 0;
	enum ticket_rc rc;
	enum db_rc drc;

	if (rating < 1 || rating > 5)
		return TK_INVALID;
	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	drc = db_exec(&q_survey_add, &added, "Isi", rating,
	    comment != NULL && *comment != '\0' ? comment : NULL, id);
	if (drc == DB_DUP)
		return tk_finish(TK_CONFLICT);
	if (drc != DB_OK)
		return tk_finish(tk_from_db(drc));
	if (added != 1)
		return tk_finish(TK_BAD_TRANSITION);
	if ((rc = tk_finish(tk_milestones(id, TM_RATED))) == TK_OK && comment != NULL &&
	    *comment != '\0')
		tk_rules(a, id, comment, RULE_SRC_SURVEY);
	return rc;
}

/* --- field work: appointment, completion on site, customer confirmation --- */

static struct db_q q_appt = DB_Q(
    "UPDATE tickets SET appt_start = FROM_UNIXTIME(?), appt_end = FROM_UNIXTIME(?),"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?");
static struct db_q q_attach_kind = DB_Q(
    "INSERT INTO attachments (ticket_id, event_id, kind, filename, ctype, size, width, height,"
    " data, thumb, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, UTC_TIMESTAMP())");
/* A completion closes the technician's visit still open on the ticket. */
static struct db_q q_visit_close = DB_Q(
    "UPDATE visits SET finished_at = UTC_TIMESTAMP()"
    " WHERE ticket_id = ? AND technician_id = ? AND finished_at IS NULL");
/* A new completion asks for a new confirmation (unless signed now). */
static struct db_q q_complete = DB_Q(
    "UPDATE tickets SET resolution_note = ?, completed_at = UTC_TIMESTAMP(),"
    " customer_confirmed_at = IF(? = 1, UTC_TIMESTAMP(), NULL),"
    " confirmed_by = IF(? = 1, 'signature', NULL) WHERE id = ?");
static struct db_q q_confirm = DB_Q(
    "UPDATE tickets SET customer_confirmed_at = UTC_TIMESTAMP(), confirmed_by = 'customer',"
    " updated_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND customer_confirmed_at IS NULL AND status IN ('resolved', 'closed')");
static struct db_q q_confirmed = DB_Q(
    "SELECT customer_confirmed_at IS NOT NULL FROM tickets WHERE id = ?");

enum ticket_rc
ticket_set_appointment(struct arena *a, long long id, time_t start, time_t end,
    const struct ticket_actor *who)
{
	struct tk_row row;
	char d1[11], h1[6], d2[11], h2[6];
	enum ticket_rc rc;
	enum db_rc drc;

	if (end <= start)
		return TK_INVALID;
	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if (!ticket_status_open(row.status))
		return tk_finish(TK_BAD_TRANSITION);
	if ((drc = db_exec(&q_appt, NULL, "iii", (long long)start, (long long)end, id)) != DB_OK)
		return tk_finish(tk_from_db(drc));
	appt_split(start, d1, h1);
	appt_split(end, d2, h2);
	/* The event keeps the window as it was set, in local time. */
	return tk_finish(tk_event(id, who, "appointment", 1, NULL, NULL,
	    arena_printf(a, "%s %s–%s", d1, h1, h2)));
}

/* One attachment of a kind ("completion", "signature") of event_id. */
static enum ticket_rc
tk_attach(long long id, long long event_id, const char *kind, const struct ticket_photo *p)
{
	return tk_from_db(db_exec(&q_attach_kind, NULL, "iisssiiibb", id, event_id, kind,
	    p->filename, p->ctype, (long long)p->len, (long long)p->width, (long long)p->height,
	    p->data, p->len, p->thumb, p->thumb_len));
}

enum ticket_rc
ticket_complete(struct arena *a, long long id, unsigned version, const struct ticket_actor *who,
    const struct ticket_completion *c)
{
	struct tk_row row;
	long long ev;
	enum ticket_rc rc;
	enum db_rc drc;

	if (c->note == NULL || *c->note == '\0')
		return TK_INVALID;
	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if (row.version != version)
		return tk_finish(TK_CONFLICT);
	if (!ticket_transition_ok(row.status, TS_RESOLVED))
		return tk_finish(TK_BAD_TRANSITION);
	if ((drc = db_exec(&q_visit_close, NULL, "ii", id, who->id)) != DB_OK ||
	    (drc = db_exec(&q_complete, NULL, "sIIi", c->note, c->signature != NULL,
	    c->signature != NULL, id)) != DB_OK)
		return tk_finish(tk_from_db(drc));
	if ((rc = tk_event(id, who, "completion", 1, NULL, NULL, c->note)) != TK_OK)
		return tk_finish(rc);
	ev = (long long)db_insert_id();
	if (c->photo != NULL && (rc = tk_attach(id, ev, "completion", c->photo)) != TK_OK)
		return tk_finish(rc);
	if (c->signature != NULL && (rc = tk_attach(id, ev, "signature", c->signature)) != TK_OK)
		return tk_finish(rc);
	return tk_finish(tk_apply_status(a, id, &row, TS_RESOLVED, who, NULL));
}

enum ticket_rc
ticket_customer_confirm(struct arena *a, long long id)
{
	const struct ticket_actor who = { ACTOR_CUSTOMER, 0 };
	struct tk_row row;
	struct db_res *res;
	unsigned long long changed = 0;
	enum ticket_rc rc;
	enum db_rc drc;

	if ((rc = tk_lock(a, id, &row)) != TK_OK)
		return rc;
	if ((drc = db_exec(&q_confirm, &changed, "i", id)) != DB_OK)
		return tk_finish(tk_from_db(drc));
	if (changed != 1) {
		if ((drc = db_query(a, &q_confirmed, &res, "i", id)) != DB_OK)
			return tk_finish(tk_from_db(drc));
		return tk_finish(db_get_int(res, 0, 0) ? TK_CONFLICT : TK_BAD_TRANSITION);
	}
	return tk_finish(tk_event(id, &who, "confirmed", 1, NULL, NULL, NULL));
}
