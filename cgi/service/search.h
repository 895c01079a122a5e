/* Full-text search that works for Chinese on MariaDB's InnoDB FULLTEXT
 * (which splits words on spaces only): text is turned into ASCII tokens,
 * one per CJK character bigram (so 空调 is found in 家用空调不制冷), one
 * for the last character of each CJK run in documents (so a one-character
 * query, matched as a prefix, finds 冷 in 不制冷) and one per Latin/digit
 * word, each long enough for the default minimum
 * token size and never a stopword. Documents and queries use the same
 * function, so they always agree. */
#ifndef SL_SEARCH_H
#define SL_SEARCH_H

#include <stddef.h>

struct arena;

#define SEARCH_MAX_QUERY_TOKENS 16

/* Space-separated tokens of text, for the search_text column. */
char	*search_tokens(struct arena *, const char *text);
/* A BOOLEAN MODE query requiring every token of q ("+t1 +t2"), or NULL
 * when q has no searchable token. */
char	*search_query(struct arena *, const char *q);

#endif
