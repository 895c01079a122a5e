/* sl-notify's periodic scan for the time-based staff messages (scan.c).
 * Each one queues under idempotency keys, so several senders may scan at
 * once and a later scan adds nothing already queued. */
#ifndef SL_NOTIFY_SCAN_H
#define SL_NOTIFY_SCAN_H

struct arena;

/* Queue "due within 30 minutes" for every open, assigned ticket whose
 * resolution falls due in the next 30 minutes (once per ticket and due
 * time). 0, or -1 on a database failure. */
int	scan_sla_due(struct arena *);
/* Remind the owner of every manual key result of an active cycle without
 * a check-in for 7 days (once per key result and 7-day period since its
 * last check-in). 0 or -1. */
int	scan_kr_stale(struct arena *);
/* Send the weekly report of the week before the one holding now (UTC
 * epoch) to its subscribers (once per week). 0 or -1. */
int	scan_weekly(struct arena *, long long now);
/* Delete up to 1000 messages sent more than 30 days ago; 0 or -1. */
int	scan_purge(void);

#endif
