/* sl-notify's work: claim due rows of the outbox with a lease, send them,
 * record each result (sender.c). */
#ifndef SL_NOTIFY_SENDER_H
#define SL_NOTIFY_SENDER_H

struct arena;

struct sender_opts {
	unsigned batch;        /* rows claimed at once */
	unsigned lease;        /* seconds a claim holds */
	char     id[64];       /* this sender's name: host:pid */
};

/* Claim up to opts->batch due rows and send them. Returns how many were
 * claimed (0: nothing due), or -1 when the database failed. *stop is
 * checked between messages: the rest of a batch is released. */
int	sender_pass(struct arena *, const struct sender_opts *, volatile int *stop);

#endif
