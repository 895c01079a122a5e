/* The notification outbox (table notify_outbox, migration 028): a message
 * is queued in the transaction of the ticket event that causes it, and
 * sent later by sl-notify (cgi/notify/). The rules (notify_rules) and the
 * enabled channels (notify_channels) decide which rows are written; a
 * customer who opted out (notify_optouts) gets none.
 *
 * ticket.c calls outbox_note() for every event it logs and, just before
 * its COMMIT, outbox_flush(); on a rollback outbox_discard(). */
#ifndef SL_OUTBOX_H
#define SL_OUTBOX_H

#include <stddef.h>
#include <time.h>
#include "db.h"

struct arena;

/* What a message is about. Customer events go to the ticket's customer,
 * staff events to a staff member; robots and the webhook get both. */
enum notify_event {
	NE_CREATED = 0,
	NE_ACCEPTED,
	NE_DISPATCHED,     /* a technician is coming (name, time window) */
	NE_VISIT,          /* the technician arrived */
	NE_WAITING,        /* waiting for the customer */
	NE_RESOLVED,       /* with the survey link */
	NE_REPLY,          /* a public reply from staff */
	NE_ASSIGNED,       /* staff: assigned to you */
	NE_SLA_DUE,        /* staff: due within 30 minutes (sl-notify's scan) */
	NE_COMPLAINT,      /* staff: a ticket flagged by the complaint rules */
	NE_REORDER,        /* staff: a part's stock at a location fell to its reorder level */
	NE_KR_STALE,       /* staff: a key result of yours without a check-in for 7 days */
	NE_WEEKLY,         /* staff: the OKR weekly report, to its subscribers */
	NE__MAX
};

/* The channels, as stored in notify_channels.kind. */
enum notify_channel {
	NC_WEBHOOK = 0,
	NC_WECOM,          /* 企业微信 group robot */
	NC_DINGTALK,       /* 钉钉 robot */
	NC_FEISHU,         /* 飞书 robot */
	NC_SMS,
	NC_EMAIL,
	NC__MAX
};

const char	 *notify_event_name(enum notify_event);     /* "dispatched" */
enum notify_event notify_event_parse(const char *);          /* NE__MAX if unknown */
int		  notify_event_for_staff(enum notify_event);
const char	 *notify_channel_name(enum notify_channel);  /* "dingtalk" */
enum notify_channel notify_channel_parse(const char *);      /* NC__MAX if unknown */
/* 1 for the channels that post to a group (robots, webhook). */
int		  notify_channel_is_group(enum notify_channel);

/* The notify events of one ticket event (ticket_events.kind, public flag,
 * to_status, whether staff wrote it) into out[2]; returns how many (0-2). */
int	notify_events_of(const char *kind, int pub, const char *to_status, int by_staff,
	    enum notify_event out[2]);

/* --- pure helpers (tests/unit/test_outbox.c) --- */

/* Seconds to wait before attempt n+1 after n failed attempts (n >= 1):
 * 30 s doubling, at most 1 hour. */
long	notify_backoff(unsigned attempts);
/* Attempts before a row is marked failed. */
#define NOTIFY_MAX_ATTEMPTS 8

/* The idempotency key of the message of event_id for event on channel to
 * recipient kind rk ("customer", "staff", "group") into out (cap bytes):
 * "sl-<event_id>-<event>-<channel>-<rk>". Returns its length, or -1 when
 * it does not fit. */
int	notify_idem_key(char *out, size_t cap, long long event_id, enum notify_event,
	    enum notify_channel, const char *rk);

/* A phone number for a log line: the first 3 and last 4 digits kept, the
 * rest '*' ("138****8000"); short values become all '*'. Arena-allocated. */
const char *notify_mask_phone(struct arena *, const char *phone);
/* Replace every run of 7 or more digits in s by its masked form, so a
 * free-text log detail (an error from a provider) never shows a number.
 * Arena-allocated. */
const char *notify_mask_digits(struct arena *, const char *s);

/* s cut to at most max characters (UTF-8 code points, never splitting
 * one); a cut text ends in "…" within the limit. max >= 1.
 * Arena-allocated (or s itself when it fits). */
const char *notify_text_limit(struct arena *, const char *s, size_t max);
/* Characters (code points) of UTF-8 s. */
size_t	notify_text_chars(const char *s);

/* 1 when a stock that went from before to after units crossed the reorder
 * level (before above it, after at or below it): the alert is sent on the
 * crossing only, not on every later use while the stock stays low. */
int	notify_reorder_crossed(long long before, long long after, long long level);
/* The number of whole spans of span seconds from ref to now (0 when now is
 * before ref + span): the period of a "no check-in for 7 days" reminder. */
long long notify_periods(long long ref, long long now, long long span);

/* --- the hook of ticket.c --- */

/* Remember an event just logged in the open transaction (pointers must
 * stay valid until outbox_flush/outbox_discard). No database work. */
void	outbox_note(long long ticket_id, long long event_id, const char *kind, int pub,
	    const char *to_status, int by_staff, const char *body);
/* What the caller of a new ticket knows (its fields, and what it read in
 * the statement that started the ticket: the rules' version, the
 * customers' language, whether the phone number opted out), so that its
 * messages are one INSERT and, with no rule, no statement at all. The
 * strings must stay valid until outbox_flush/outbox_discard; phone as
 * stored (canonical). */
struct outbox_new_ticket {
	const char *number, *code, *customer, *phone, *email;
	long long   rules_version;   /* settings.notify_rules_version; 0: unknown */
	const char *lang;            /* settings.notify_lang */
	int         opted_out;       /* notify_optouts has the phone number */
};
/* For the event just noted about ticket_id (its "created"). */
void	outbox_note_new(long long ticket_id, const struct outbox_new_ticket *);
/* Queue the messages of the remembered events (inside the caller's
 * transaction) and forget them. DB_OK when nothing needed queueing. */
enum db_rc outbox_flush(void);
/* Forget the remembered events (the transaction was rolled back). */
void	outbox_discard(void);

/* The "due soon" messages of ticket id, whose resolution is due at epoch
 * due, to its assignee by the rules of NE_SLA_DUE: once per ticket and due
 * time (the key holds both). Outside any transaction. */
enum db_rc outbox_sla_due(struct arena *, long long ticket_id, long long due);

/* The channels (enabled, with a rule) that take event e, read now: bit c
 * of *mask for channel c. */
enum db_rc outbox_event_channels(struct arena *, enum notify_event e, unsigned *mask);

/* --- staff messages not tied to a ticket event (outbox_staff.c) --- */

/* Who gets a staff message on the personal channels (SMS, e-mail); the
 * group channels (robots, webhook) post it once to their group. */
enum outbox_to {
	OB_TO_SUPERVISORS = 0,   /* every active supervisor */
	OB_TO_PARTS,             /* every active supervisor and admin (they keep the parts) */
	OB_TO_USER,              /* one user (.user), when active */
	OB_TO_WEEKLY,            /* every active user who subscribed to the weekly report */
};

/* One staff message. key is unique for the moment it is about (a flag, a
 * stock crossing, a key result's 7-day period, a week): the idempotency
 * key of each row is "sl-<key>-<channel>-group" or
 * "sl-<key>-<channel>-staff-<user id>", so queueing it again never adds a
 * row. The p_ fields are what the templates show (notify_render.c). */
struct outbox_staff_msg {
	enum notify_event event;
	const char       *key;
	enum outbox_to    to;
	long long         user;       /* OB_TO_USER */
	long long         ticket_id;  /* 0: not about a ticket */
	const char       *number, *customer, *code, *staff, *window, *text;
};

/* Queue msg on every enabled channel with a rule for its event (inside
 * the caller's transaction, if any). DB_OK when nothing needed queueing. */
enum db_rc outbox_staff(struct arena *, const struct outbox_staff_msg *);

/* The complaint warning of ticket id flagged now (rules.c, in its
 * transaction): flag_id (the first ticket_flags row of this moment) makes
 * it once per ticket and flag moment; phrases are the matched ones. */
enum db_rc outbox_complaint(struct arena *, long long ticket_id, long long flag_id,
	    const char *phrases);

/* The reorder alert of a part at a location whose stock fell from
 * qty + used to qty, at or below the part's reorder level (parts_use.c,
 * in its transaction; move_id, the stock move of the use, makes it once
 * per crossing). Queues nothing when the stock did not cross the level. */
enum db_rc outbox_reorder(struct arena *, long long part, long long location, long long qty,
	    long long used, long long move_id);

#endif
