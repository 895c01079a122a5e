/* Demo data of sl-cli. */
#ifndef SL_DEMO_H
#define SL_DEMO_H

struct arena;

/* A small service history through the real ticket functions; 0 ok. */
int	demo_tickets(struct arena *);
/* Two OKR cycles (the last quarter closed with a review, this one
 * active) for `make run`; idempotent; 0 ok. */
int	demo_okr(struct arena *);
/* The OKR cycle of `make bench` (10 objectives, 30 key results); prints
 * its id; idempotent; 0 ok. */
int	bench_okr(struct arena *);

#endif
