/* Demo data of sl-cli. */
#ifndef SL_DEMO_H
#define SL_DEMO_H

struct arena;

/* A small service history through the real ticket functions; 0 ok. */
int	demo_tickets(struct arena *);

/* A small spare-parts catalogue with stock in two warehouses; 0 ok. */
int	demo_parts(struct arena *);

#endif
