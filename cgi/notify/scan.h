/* sl-notify's periodic scan for the time-based staff messages (scan.c). */
#ifndef SL_NOTIFY_SCAN_H
#define SL_NOTIFY_SCAN_H

struct arena;

/* Queue "due within 30 minutes" for every open, assigned ticket whose
 * resolution falls due in the next 30 minutes (once per ticket and due
 * time: several senders may scan at once). 0, or -1 on a database failure. */
int	scan_sla_due(struct arena *);
/* Delete up to 1000 messages sent more than 30 days ago; 0 or -1. */
int	scan_purge(void);

#endif
