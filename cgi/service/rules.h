/* Complaint early warning: the active keyword rules (table keyword_rules,
 * kept by the admin) are matched against what customers write — the
 * description of a new ticket, their replies, survey comments. A match
 * flags the ticket (tickets.flagged, one ticket_flags row per rule) and
 * may raise its priority, never lower it. */
#ifndef SL_RULES_H
#define SL_RULES_H

#include <stddef.h>
#include "db.h"

struct arena;

/* Where the text came from (ticket_flags.source). */
enum rule_source {
	RULE_SRC_TICKET = 0,   /* description of a new ticket */
	RULE_SRC_REPLY,        /* a customer reply */
	RULE_SRC_SURVEY,       /* a survey comment */
	RULE_SRC__MAX
};

/* Seconds the rules of a process are reused before they are read again. */
#define RULES_CACHE_SECS 30

/* Pure matching: which of phrases[0..n) occur in text, comparing ASCII
 * letters without regard to case (other bytes, Chinese included, as
 * they are). An empty or NULL phrase never matches. Sets hit[i] to 1 or
 * 0 for each phrase and returns the number of phrases that matched. */
size_t	rules_match(const char *text, const char *const *phrases, size_t n, unsigned char *hit);

/* Match text against the active rules and, for the ticket, record a
 * ticket_flags row per matching rule, set tickets.flagged, and raise the
 * priority to the highest raise_priority of the matches when that is
 * above the current one (an internal "priority" event by the system; the
 * SLA due times stay those of the original priority). Runs its own short
 * transaction: call it outside one. DB_OK also when nothing matched;
 * otherwise nothing of it was recorded. */
enum db_rc rules_apply(struct arena *, long long ticket_id, const char *text,
	    enum rule_source);

/* Forget the cached rules (the next rules_apply reads them again). */
void	rules_cache_clear(void);

#endif
