/* The SQL of the ticket page (cgi/desk/ticket_page.c): the ticket's
 * columns (TQ_* there) and joins, the timeline's (EC_*), and the page's
 * session statement. In a header of their own so that the bench's floor
 * program (tests/bench/ticket_floor_fcgi.c) runs the very statement the
 * page runs. Text only: no declarations. */
#ifndef SL_DESK_TICKET_SQL_H
#define SL_DESK_TICKET_SQL_H

#include "auth.h"

#define TICKET_COLS \
    "t.id, t.number, t.track_code, t.status, t.version, COALESCE(t.assignee_id, 0)," \
    " t.priority, t.channel, c.name_zh, c.name_en, t.customer_name, t.phone, t.email," \
    " t.address, t.product, t.serial, t.description, t.created_at, t.updated_at," \
    " COALESCE(au.name, ''), COALESCE(t.team_id, 0), COALESCE(tm.name, '')," \
    " t.first_response_due, t.first_response_at," \
    " COALESCE(t.first_response_at > t.first_response_due OR (t.first_response_at IS NULL" \
    "  AND t.status NOT IN ('resolved', 'closed', 'cancelled')" \
    "  AND t.first_response_due < COALESCE(t.sla_paused_since, UTC_TIMESTAMP())), 0)," \
    " t.resolve_due, t.resolved_at," \
    " COALESCE(t.resolved_at > t.resolve_due OR (t.resolved_at IS NULL" \
    "  AND t.status NOT IN ('resolved', 'closed', 'cancelled')" \
    "  AND t.resolve_due < COALESCE(t.sla_paused_since, UTC_TIMESTAMP())), 0)," \
    " t.sla_paused_since, t.closed_at, t.flagged," \
    /* whether the photo and visit lists have anything to read (most \
     * tickets have neither: two round trips saved); the bits of \
     * ticket_records, set by triggers (migration 041) */ \
    " COALESCE(tr.flags & 1, 0), COALESCE(tr.flags & 2, 0)," \
    " CAST(sl.value AS SIGNED)," \
    /* whether the survey and dispatch cards have anything to read */ \
    " COALESCE(tr.flags & 4, 0), COALESCE(tr.flags & 8, 0)," \
    /* what the job and completion cards read (ticket_field.c's q_field, \
     * same columns, same order), then what the knowledge base matches \
     * (kb_ticket.c): those cards need not read the ticket again */ \
    " COALESCE(UNIX_TIMESTAMP(t.appt_start), 0), COALESCE(UNIX_TIMESTAMP(t.appt_end), 0)," \
    " COALESCE(t.resolution_note, ''), t.completed_at, t.customer_confirmed_at," \
    " COALESCE(t.confirmed_by, ''), t.customer_name, t.phone, t.address, t.product," \
    " t.product, t.description, t.category_id," \
    /* the articles' version and the match stored for the ticket \
     * (migration 040): the knowledge-base card matches again only when \
     * they no longer fit (kb_ticket.c) */ \
    " CAST(kv.value AS SIGNED)," \
    " k.kb_version, k.category_id, k.query, k.matches," \
    /* the version of the canned replies the reply card keeps (ticket_compose.c) */ \
    " CAST(cv.value AS SIGNED)," \
    /* whether the parts card has a list to read */ \
    " COALESCE(tr.flags & 16, 0)," \
    /* what the part picker's lists are kept with (parts_picker.c), and \
     * the region its stock locations are ordered by */ \
    " CAST(pv.value AS SIGNED), COALESCE(au.region, '')"
/* LEFT JOINs only: with the session (ticket_session_q) a missing ticket
 * still gives the session's row */
#define TICKET_JOINS \
    " LEFT JOIN categories c ON c.id = t.category_id" \
    " LEFT JOIN users au ON au.id = t.assignee_id" \
    " LEFT JOIN teams tm ON tm.id = t.team_id" \
    " LEFT JOIN ticket_kb_matches k ON k.ticket_id = t.id" \
    " LEFT JOIN ticket_records tr ON tr.ticket_id = t.id" \
    /* joins on constant keys: read once while the statement is planned, \
     * cheaper than a subquery each */ \
    " LEFT JOIN settings sl ON sl.name = 'staff_lists_version'" \
    " LEFT JOIN settings kv ON kv.name = 'kb_version'" \
    " LEFT JOIN settings cv ON cv.name = 'canned_version'" \
    " LEFT JOIN settings pv ON pv.name = 'parts_version'"
/* The timeline: its columns (EC_*) and joins, for q_events and for the
 * page's session statement. */
#define EVENT_COLS \
    "e.id, e.at, e.actor_kind, COALESCE(eu.name, ''), e.kind, e.public," \
    " COALESCE(e.from_status, ''), COALESCE(e.to_status, ''), COALESCE(e.body, '')"
#define EVENT_JOIN_USER " LEFT JOIN users eu ON eu.id = e.actor_id AND e.actor_kind = 'staff'"
#define EVENT_NCOLS 9
/* The ticket page's session statement: the session, the ticket and its
 * timeline in one round trip (route.session_q; parameters hours, ticket
 * id, token hash): a row per event, the session's and the ticket's
 * columns repeated in each (one row with NULL events when there is none).
 * Measured with prepared statements in a loop: 136 µs of MariaDB CPU with
 * 0 or 20 events, against 117 + 81 (0) and 118 + 124 (20) as two. No
 * ORDER BY: on the inner side of a LEFT JOIN it needs a temporary table
 * (on disk, the rows have TEXT columns), which tripled the statement's
 * cost under load; events_from_session sorts them. A ticket with more
 * events than the LIMIT reads its timeline with q_events (first ones). */
#define TICKET_SESSION_SQL \
    AUTH_SESSION_SELECT(", " TICKET_COLS ", " EVENT_COLS) \
    " LEFT JOIN tickets t ON t.id = ?" TICKET_JOINS \
    " LEFT JOIN ticket_events e ON e.ticket_id = t.id" EVENT_JOIN_USER \
    AUTH_SESSION_WHERE " LIMIT 2001"

#endif
