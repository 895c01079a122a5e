/* The auto-dispatch rule (pure, unit tested): which technician regions an
 * address lies in, and the ranking of the candidates of one ticket.
 *
 * Region rule. An address is read from its start as a run of
 * administrative units, each ending in one of the suffixes 特别行政区,
 * 自治区, 自治州, 新区, 省, 市, 区, 县 (at most DISPATCH_UNITS_MAX units, each
 * of 1 to 8 characters before its suffix): 上海市浦东新区世纪大道100号 reads as
 * [上海, 浦东]; 浙江省杭州市西湖区文三路 as [浙江, 杭州, 西湖]. A technician's
 * region is normalised the same way (its units' stems joined, the rest
 * kept): 上海市浦东新区, 上海浦东 and 上海市浦东 all become 上海浦东. The region
 * matches when it equals the stems of consecutive units of the address
 * joined: for [上海, 浦东] the regions 上海, 浦东 and 上海浦东 match, 海 or 浦
 * or 上海徐汇 do not. Its depth is the level of the last unit it covers
 * (上海 → 1, 浦东 or 上海浦东 → 2): the deepest (most specific) region wins.
 * An address that names no unit at all (东方路 8 号) matches a region only
 * when it begins with it (depth 1). A technician may list several
 * regions separated by spaces, commas or 、; the deepest match counts.
 *
 * Ranking. Only a technician with a skill for the ticket's category can
 * be picked; among those the deepest region match wins (no match is depth
 * 0), then the fewest open tickets, then the lower user id (the earlier
 * account: a stable, explainable tie-break). */
#ifndef SL_DISPATCH_H
#define SL_DISPATCH_H

#include <stddef.h>

#define DISPATCH_UNITS_MAX   4
#define DISPATCH_REGION_MAX  400   /* bytes of a region list considered */

/* The depth (1..DISPATCH_UNITS_MAX) at which region list `regions` matches
 * `address` (both UTF-8), or 0 when none of its regions matches. NULL or
 * empty strings never match. */
int	dispatch_region_depth(const char *address, const char *regions);

/* Why a candidate did not win (or DR_CHOSEN). */
enum dispatch_reason {
	DR_CHOSEN = 0,
	DR_NO_SKILL,       /* no skill for the ticket's category */
	DR_REGION,         /* region matches less specifically (or not at all) */
	DR_LOAD,           /* more open tickets */
	DR_TIE,            /* equal: the earlier account wins */
	DR__MAX
};

struct dispatch_cand {
	long long            id;       /* user id */
	const char          *name;
	const char          *region;   /* the technician's region list */
	int                  skill;    /* 1: has a skill for the category */
	long long            load;     /* open tickets assigned now */
	int                  depth;    /* set by dispatch_rank */
	enum dispatch_reason reason;   /* set by dispatch_rank */
};

/* Rank the n candidates of a ticket at `address`: compute each depth,
 * sort best first (the order above) and give each its reason against the
 * winner. Returns the index of the winner (0) or -1 when nobody has the
 * skill (then every candidate has DR_NO_SKILL). */
int	dispatch_rank(const char *address, struct dispatch_cand *c, size_t n);

/* The stable name of a reason ("chosen", "no_skill", "region", "load",
 * "tie"), stored with the decision; dispatch_reason_parse is its inverse
 * (DR__MAX for an unknown name). */
const char *dispatch_reason_name(enum dispatch_reason);
enum dispatch_reason dispatch_reason_parse(const char *);

/* --- in the database (dispatch_db.c) -------------------------------------- */

struct arena;

#define DISPATCH_CANDS_MAX   200   /* technicians considered per decision */
#define DISPATCH_STORED_MAX  20    /* candidates kept with the decision */

/* The active technicians for a ticket of category `category` (0: none):
 * each with its skill flag, region and open tickets now, in *out (arena),
 * *n of them. Call with the ticket locked. DB_OK or the db_rc. */
int	dispatch_load(struct arena *, long long category, struct dispatch_cand **out,
	    size_t *n);

/* Store the ranked candidates (the first DISPATCH_STORED_MAX) with the
 * 'assigned' event event_id of ticket ticket_id, in the caller's
 * transaction. DB_OK or the db_rc. */
int	dispatch_store(long long ticket_id, long long event_id, const struct dispatch_cand *c,
	    size_t n);

#endif
