/* The row sources of the metric registry: THE DEFINITION of which tickets
 * (and surveys, part records, visits, flags) count for which metric, on
 * which China-time day (the anchor), in which slice. metrics.c sums them
 * per day (the pre-aggregate and today live); metric_drill.c lists the
 * tickets behind a value from the very same rows, so the queue's
 * drill-down can never count differently from the metric.
 *
 * Every row source selects tid (the ticket id), day, category_id, team_id
 * (0: none), channel, assignee_id (the ticket's current assignee, 0: none)
 * and its own values. Internal to cgi/service/. */
#ifndef SL_METRICS_ROWS_H
#define SL_METRICS_ROWS_H

#include "metrics.h"

#define MD_STR_(...)   #__VA_ARGS__
#define MD_STR(...)    MD_STR_(__VA_ARGS__)
/* China-time calendar day of a UTC DATETIME column. */
#define MD_DAY(col)    "DATE(" col " + INTERVAL " MD_STR(METRIC_TZ_SECS) " SECOND)"
#define MD_SECS(a, b)  "GREATEST(0, TIMESTAMPDIFF(SECOND, " a ", " b "))"
/* INTERVAL() counts the bounds <= s: the bucket of metric_hist_bucket(). */
#define MD_BUCKET(s)   "INTERVAL(" s ", " MD_STR(METRIC_HIST_BOUNDS) ")"
#define MD_SLICE \
	"t.id AS tid, t.category_id AS category_id, COALESCE(t.team_id, 0) AS team_id," \
	" t.channel AS channel, COALESCE(t.assignee_id, 0) AS assignee_id"
#define MD_FR_SECS     MD_SECS("t.created_at", "t.first_response_at")
#define MD_RES_SECS    MD_SECS("t.created_at", "t.resolved_at")
#define MD_REOPENED \
	"EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'status'" \
	" AND e.to_status = 'reopened')"

/* Which rows: an anchor time in [?, ?) (UTC epochs), or ticket ids in (?, ?]. */
#define MD_IN(col)     col " >= FROM_UNIXTIME(?) AND " col " < FROM_UNIXTIME(?)"
#define MD_IDS         "t.id > ? AND t.id <= ?"

/* THE DEFINITION, one row source per anchor: which tickets count, on which
 * day, in which slice, with which values. */
#define MD_ROWS_CREATED(w) \
	"SELECT " MD_DAY("t.created_at") " AS day, " MD_SLICE "," \
	" UNIX_TIMESTAMP(t.created_at) AS tc FROM tickets t WHERE " w
#define MD_ROWS_FIRST_RESPONSE(w) \
	"SELECT " MD_DAY("t.first_response_at") " AS day, " MD_SLICE ", " MD_FR_SECS " AS secs," \
	" (t.first_response_due IS NULL OR t.first_response_at <= t.first_response_due) AS ok," \
	" " MD_BUCKET(MD_FR_SECS) " AS b" \
	" FROM tickets t WHERE t.first_response_at IS NOT NULL AND " w
#define MD_ROWS_RESOLVED(w) \
	"SELECT " MD_DAY("t.resolved_at") " AS day, " MD_SLICE "," \
	" UNIX_TIMESTAMP(t.created_at) AS tc, " MD_RES_SECS " AS secs," \
	" (t.resolve_due IS NULL OR t.resolved_at <= t.resolve_due) AS ok," \
	" " MD_REOPENED " AS reo, " MD_BUCKET(MD_RES_SECS) " AS b," \
	" (SELECT COUNT(*) FROM visits v WHERE v.ticket_id = t.id) AS nv," \
	" t.rated_at IS NOT NULL AS rated, t.waiting_parts_secs AS wp," \
	" t.waiting_customer_secs AS wc, " MD_BUCKET("t.waiting_parts_secs") " AS bwp," \
	" " MD_BUCKET("t.waiting_customer_secs") " AS bwc" \
	" FROM tickets t WHERE t.status IN ('resolved', 'closed') AND t.resolved_at IS NOT NULL" \
	" AND " w
#define MD_ROWS_CANCELLED(w) \
	"SELECT " MD_DAY("t.updated_at") " AS day, " MD_SLICE "," \
	" UNIX_TIMESTAMP(t.created_at) AS tc" \
	" FROM tickets t WHERE (t.status = 'cancelled'" \
	" OR (t.status IN ('resolved', 'closed') AND t.resolved_at IS NULL)) AND " w
#define MD_ROWS_RATED(w) \
	"SELECT " MD_DAY("s.created_at") " AS day, " MD_SLICE ", s.rating AS r" \
	" FROM surveys s" \
	" JOIN tickets t ON t.id = s.ticket_id WHERE " w
#define MD_ROWS_PARTS(w) \
	"SELECT " MD_DAY("p.created_at") " AS day, " MD_SLICE ", p.qty AS q" \
	" FROM ticket_parts p JOIN tickets t ON t.id = p.ticket_id WHERE " w
/* The stage anchors: first acceptance and dispatch (from creation), first
 * arrival (from the first dispatch), and each visit's finish (time on
 * site). */
#define MD_ROWS_STAGE(col, from) \
	"SELECT " MD_DAY("t." col) " AS day, " MD_SLICE ", " MD_SECS("t." from, "t." col) \
	" AS secs, " MD_BUCKET(MD_SECS("t." from, "t." col)) " AS b" \
	" FROM tickets t WHERE t." col " IS NOT NULL AND t." from " IS NOT NULL AND "
#define MD_ROWS_ACCEPTED(w)   MD_ROWS_STAGE("accepted_at", "created_at") w
#define MD_ROWS_DISPATCHED(w) MD_ROWS_STAGE("dispatched_at", "created_at") w
#define MD_ROWS_ARRIVED(w)    MD_ROWS_STAGE("arrived_at", "dispatched_at") w
#define MD_ROWS_VISITS(w) \
	"SELECT " MD_DAY("v.finished_at") " AS day, " MD_SLICE ", " \
	MD_SECS("v.arrived_at", "v.finished_at") " AS secs, " \
	MD_BUCKET(MD_SECS("v.arrived_at", "v.finished_at")) " AS b" \
	" FROM visits v JOIN tickets t ON t.id = v.ticket_id" \
	" WHERE v.finished_at IS NOT NULL AND " w
/* One row per ticket and day it was flagged (several rules or texts that
 * day count once). */
#define MD_ROWS_FLAGGED(w) \
	"SELECT DISTINCT " MD_DAY("f.at") " AS day, " MD_SLICE \
	" FROM ticket_flags f JOIN tickets t ON t.id = f.ticket_id WHERE " w

/* Conditions on the rows of MD_ROWS_RESOLVED and MD_ROWS_RATED that some
 * metrics count (their other columns ok, reo, rated are 0 or 1). */
#define MD_IS_VISITED      "(nv >= 1)"
#define MD_IS_FIXED_FIRST  "(nv = 1 AND reo = 0)"
#define MD_IS_WAITED_PARTS "(wp > 0)"
#define MD_IS_WAITED_CUST  "(wc > 0)"
#define MD_IS_SATISFIED    "(r >= 4)"
#define MD_IS_LOW_RATING   "(r <= 2)"

/* The filter: category, team, channel, assignee (each 0 or '' for all),
 * twice each. */
#define MD_WHERE(cat, team, chan, who) \
	"(? = 0 OR " cat " = ?) AND (? = 0 OR " team " = ?) AND (? = '' OR " chan " = ?)" \
	" AND (? = 0 OR " who " = ?)"
#define MD_WHERE_ROWS MD_WHERE("category_id", "team_id", "channel", "assignee_id")

#endif
