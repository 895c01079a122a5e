/* Canned replies (admin-managed texts for the desk's replies): the
 * placeholders an admin may write into one, filled in for a ticket when
 * the text is inserted into the reply box. */
#ifndef SL_CANNED_H
#define SL_CANNED_H

#include <stddef.h>

struct arena;

/* The placeholders, as an admin types them. Each has a Chinese and an
 * English spelling: {客户} {customer} the customer's name, {工单号}
 * {ticket} the ticket number. Anything else in braces stays as written. */
#define CANNED_PH_CUSTOMER_ZH "{客户}"
#define CANNED_PH_CUSTOMER_EN "{customer}"
#define CANNED_PH_TICKET_ZH   "{工单号}"
#define CANNED_PH_TICKET_EN   "{ticket}"

/* text with every placeholder replaced by customer (the customer's name)
 * or number (the ticket number); NULL values count as "". Returns a new
 * string in the arena. */
char	*canned_fill(struct arena *, const char *text, const char *customer,
	    const char *number);

/* NULL when every "{" of text opens one of the placeholders above, else
 * the first brace that does not (an unknown or unclosed one, which would
 * reach the customer as written). */
const char *canned_bad_placeholder(const char *text);

/* body with text appended as a paragraph of its own (a blank line between
 * them when body is not empty or only white space); arena. */
char	*canned_append(struct arena *, const char *body, const char *text);

#endif
