/* The ticket state machine: the one place that says which status may
 * follow which, and what a status means for the SLA clock. */
#ifndef SL_TICKET_STATE_H
#define SL_TICKET_STATE_H

enum ticket_status {
	TS_NEW = 0,
	TS_ACCEPTED,
	TS_ASSIGNED,
	TS_IN_PROGRESS,
	TS_WAITING_CUSTOMER,
	TS_WAITING_PARTS,
	TS_RESOLVED,
	TS_CLOSED,
	TS_REOPENED,
	TS_CANCELLED,
	TS__MAX
};

const char	  *ticket_status_name(enum ticket_status);   /* as stored: "in_progress" */
enum ticket_status ticket_status_parse(const char *);        /* TS__MAX if unknown */
/* 1 if a ticket in status from may move to status to. */
int		   ticket_transition_ok(enum ticket_status from, enum ticket_status to);
/* Statuses reachable from s, in display order; returns how many (<= TS__MAX). */
int		   ticket_next_statuses(enum ticket_status s, enum ticket_status out[TS__MAX]);
int		   ticket_status_open(enum ticket_status);      /* not resolved/closed/cancelled */
int		   ticket_status_sla_paused(enum ticket_status); /* waiting for the customer */
/* Whether a transition needs an assignee (assigned, in progress ...). */
int		   ticket_status_needs_assignee(enum ticket_status);
/* Whether moving to a status needs a reason (a note): reopening a resolved
 * or closed ticket says why, on the timeline. */
int		   ticket_status_needs_reason(enum ticket_status);

enum ticket_priority { TP_LOW = 0, TP_NORMAL, TP_HIGH, TP_URGENT, TP__MAX };
const char	    *ticket_priority_name(enum ticket_priority);
enum ticket_priority ticket_priority_parse(const char *);    /* TP__MAX if unknown */

enum ticket_channel { TC_WEB = 0, TC_PHONE, TC_WECHAT, TC_API, TC_PLAN, TC_WALKIN, TC__MAX };
const char	   *ticket_channel_name(enum ticket_channel);
/* Every channel name in enum order, then NULL (for choice lists). */
const char *const *ticket_channel_names(void);
enum ticket_channel ticket_channel_parse(const char *);      /* TC__MAX if unknown */

#endif
