/* Demo data of sl-cli. */
#ifndef SL_DEMO_H
#define SL_DEMO_H

struct arena;

/* A small service history through the real ticket functions; 0 ok. */
int	demo_tickets(struct arena *);
/* The 90-day history of about 3,000 tickets (demo_history.c), after
 * demo_tickets; idempotent. 0 ok. */
int	demo_history(struct arena *);

/* External metrics from the shell (ext_metrics_cli.c): argv after the
 * command; 0 ok, 1 database, 2 usage or bad input. */
int	ext_cli_metric_add(struct arena *, int argc, char **argv);
int	ext_cli_metric_points(struct arena *, int argc, char **argv);

/* A small spare-parts catalogue with stock in two warehouses; 0 ok. */
int	demo_parts_load(struct arena *);
/* Two OKR cycles (the last quarter closed with a review, this one
 * active) for `make run`; idempotent; 0 ok. */
int	demo_okr(struct arena *);
/* The OKR cycle of `make bench` (10 objectives, 30 key results); prints
 * its id; idempotent; 0 ok. */
int	bench_okr(struct arena *);
int	metrics_rebuild(struct arena *);
int	bench_series(struct arena *, int argc, char **argv);
/* Both journey templates as demo maps, one with its golden design and a
 * baseline snapshot; 0 ok. */
int	demo_journeys(struct arena *);

/* 90 days of the membership programme's external metrics (demo_metrics.c);
 * idempotent: a metric defined already is left alone. 0 ok. */
int	demo_metrics_load(struct arena *);

#endif
