/* The complaint early-warning rules: a per-process copy of the active
 * keyword_rules (read again after RULES_CACHE_SECS), a pure matcher, and
 * the recording of matches on a ticket in one short transaction. */
#include "rules.h"
#include "arena.h"
#include "outbox.h"
#include "ticket.h"
#include "ticket_state.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct db_q q_rules = DB_Q(
    "SELECT id, phrase, COALESCE(raise_priority, '') FROM keyword_rules"
    " WHERE active = 1 ORDER BY id");
static struct db_q q_lock = DB_Q(
    "SELECT priority FROM tickets WHERE id = ? FOR UPDATE");
static struct db_q q_flag = DB_Q(
    "INSERT INTO ticket_flags (ticket_id, rule_id, source, at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_flagged = DB_Q(
    "UPDATE tickets SET flagged = 1 WHERE id = ?");
static struct db_q q_event = DB_Q(
    "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, public,"
    " from_status, to_status, body)"
    " VALUES (?, UTC_TIMESTAMP(), 'system', NULL, 'priority', 0, ?, ?, ?)");

static const char *const source_names[RULE_SRC__MAX] = { "ticket", "reply", "survey" };

/* The rules of this process: malloc'ed, outliving requests on purpose
 * (configuration, not request data). */
static struct {
	long long            *id;
	const char          **phrase;
	enum ticket_priority *raise;        /* TP__MAX: does not raise */
	size_t                n;
	void                 *mem;          /* one block holding all of the above */
	double                loaded_at;    /* monotonic seconds, 0 = never */
} cache;

static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* 1 when phrase (len bytes) occurs in text (tlen bytes), ASCII folded. */
static int
occurs(const unsigned char *text, size_t tlen, const unsigned char *phrase, size_t len)
{
	size_t i, k;

	if (len == 0 || len > tlen)
		return 0;
	for (i = 0; i + len <= tlen; i++) {
		if (fold(text[i]) != fold(phrase[0]))
			continue;
		for (k = 1; k < len && fold(text[i + k]) == fold(phrase[k]); k++)
			;
		if (k == len)
			return 1;
	}
	return 0;
}

size_t
rules_match(const char *text, const char *const *phrases, size_t n, unsigned char *hit)
{
	size_t i, tlen = text != NULL ? strlen(text) : 0, matched = 0;

	for (i = 0; i < n; i++) {
		const char *ph = phrases[i];

		hit[i] = ph != NULL && occurs((const unsigned char *)(text != NULL ? text : ""),
		    tlen, (const unsigned char *)ph, strlen(ph));
		matched += hit[i];
	}
	return matched;
}

void
rules_cache_clear(void)
{
	free(cache.mem);
	memset(&cache, 0, sizeof(cache));
}

/* Copy the rows of q_rules into one malloc'ed block. */
static int
rules_keep(const struct db_res *res)
{
	size_t i, n = res->nrows, text = 0, off;
	char *mem, *p;

	for (i = 0; i < n; i++)
		text += strlen(db_gets(res, i, 1)) + 1;
	off = n * (sizeof(long long) + sizeof(char *) + sizeof(enum ticket_priority));
	if ((mem = malloc(off + text + 1)) == NULL)
		return -1;
	rules_cache_clear();
	cache.mem = mem;
	cache.id = (long long *)(void *)mem;
	cache.phrase = (const char **)(void *)(mem + n * sizeof(long long));
	cache.raise = (enum ticket_priority *)(void *)(mem + n * (sizeof(long long) +
	    sizeof(char *)));
	p = mem + off;
	for (i = 0; i < n; i++) {
		const char *ph = db_gets(res, i, 1), *rp = db_gets(res, i, 2);
		size_t len = strlen(ph) + 1;

		cache.id[i] = db_get_int(res, i, 0);
		memcpy(p, ph, len);
		cache.phrase[i] = p;
		p += len;
		cache.raise[i] = *rp != '\0' ? ticket_priority_parse(rp) : TP__MAX;
	}
	cache.n = n;
	cache.loaded_at = mono_now();
	return 0;
}

/* The cached rules, read again when older than RULES_CACHE_SECS. */
static enum db_rc
rules_load(struct arena *a)
{
	struct db_res *res;
	enum db_rc rc;

	if (cache.loaded_at > 0 && mono_now() - cache.loaded_at < RULES_CACHE_SECS)
		return DB_OK;
	if ((rc = db_query(a, &q_rules, &res, "")) != DB_OK)
		return rc;
	return rules_keep(res) == 0 ? DB_OK : DB_ERR;
}

/* The phrases of the matched rules that raise to `to`, for the event. */
static const char *
raised_by(struct arena *a, const unsigned char *hit, enum ticket_priority to)
{
	const char *out = "";
	size_t i;

	for (i = 0; i < cache.n; i++)
		if (hit[i] && cache.raise[i] == to)
			out = arena_printf(a, "%s%s%s", out, *out != '\0' ? ", " : "",
			    cache.phrase[i]);
	return out;
}

/* Raise the locked ticket to `to` when that is higher than `from`. */
static enum db_rc
rules_raise(struct arena *a, long long id, enum ticket_priority from, enum ticket_priority to,
    const unsigned char *hit)
{
	enum db_rc rc;

	if (to == TP__MAX || from == TP__MAX || to <= from)
		return DB_OK;
	/* Like an agent's change: the version moves (staff must not overwrite
	 * it unknowingly) and the due times follow the new priority. */
	if ((rc = ticket_priority_write_locked(a, id, to)) != DB_OK)
		return rc;
	return db_exec(&q_event, NULL, "isss", id, ticket_priority_name(from),
	    ticket_priority_name(to), raised_by(a, hit, to));
}

/* The phrases of every matched rule, for the complaint warning. */
static const char *
matched(struct arena *a, const unsigned char *hit)
{
	const char *out = "";
	size_t i;

	for (i = 0; i < cache.n; i++)
		if (hit[i])
			out = arena_printf(a, "%s%s%s", out, *out != '\0' ? " / " : "",
			    cache.phrase[i]);
	return out;
}

/* One transaction: flags, the flagged mark, the raise, the supervisors'
 * warning (queued with the flags: both or neither). */
static enum db_rc
rules_record(struct arena *a, long long id, const unsigned char *hit, enum rule_source src)
{
	enum ticket_priority top = TP__MAX;
	struct db_res *res;
	long long first_flag = 0;
	enum db_rc rc;
	size_t i;

	if ((rc = db_begin()) != DB_OK)
		return rc;
	if ((rc = db_query(a, &q_lock, &res, "i", id)) != DB_OK)
		goto err;
	if (res->nrows != 1) {
		rc = DB_ERR;
		goto err;
	}
	for (i = 0; i < cache.n; i++) {
		if (!hit[i])
			continue;
		if ((rc = db_exec(&q_flag, NULL, "iis", id, cache.id[i], source_names[src])) != DB_OK)
			goto err;
		if (first_flag == 0)
			first_flag = (long long)db_insert_id();
		if (cache.raise[i] != TP__MAX && (top == TP__MAX || cache.raise[i] > top))
			top = cache.raise[i];
	}
	if ((rc = db_exec(&q_flagged, NULL, "i", id)) != DB_OK ||
	    (rc = rules_raise(a, id, ticket_priority_parse(db_gets(res, 0, 0)), top, hit)) != DB_OK ||
	    (rc = outbox_complaint(a, id, first_flag, matched(a, hit))) != DB_OK)
		goto err;
	return db_commit();
err:
	db_rollback();
	return rc;
}

enum db_rc
rules_apply(struct arena *a, long long ticket_id, const char *text, enum rule_source src)
{
	unsigned char *hit;
	enum db_rc rc;
	int attempt;

	if (text == NULL || *text == '\0' || (unsigned)src >= RULE_SRC__MAX)
		return DB_OK;
	if ((rc = rules_load(a)) != DB_OK)
		return rc;
	hit = arena_zalloc(a, cache.n + 1);
	if (rules_match(text, cache.phrase, cache.n, hit) == 0)
		return DB_OK;
	/* A deadlock with a concurrent change of the ticket: once more. */
	for (attempt = 0; attempt < 2; attempt++)
		if ((rc = rules_record(a, ticket_id, hit, src)) != DB_CONFLICT)
			break;
	return rc;
}
