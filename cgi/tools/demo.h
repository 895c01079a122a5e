/* Demo data of sl-cli. */
#ifndef SL_DEMO_H
#define SL_DEMO_H

struct arena;

/* A small service history through the real ticket functions; 0 ok. */
int	demo_tickets(struct arena *);
/* Both journey templates as demo maps, one with its golden design and a
 * baseline snapshot; 0 ok. */
int	demo_journeys(struct arena *);

#endif
