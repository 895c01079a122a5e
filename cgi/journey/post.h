/* One change submitted to a map (post.c): the map id of the path, the
 * version the form was made from, the fields checked one by one into the
 * page that shows them again when something is refused. */
#ifndef SL_JR_POST_H
#define SL_JR_POST_H

#include "jr.h"

struct jr_post {
	struct req         *r;
	struct journey_edit e;
	struct jr_fix      *fix;
	int                 nerr;
	const char         *version_text;
};

/* Start: 0, or -1 when the answer went out already (404/400). action is
 * the form's path; title_key the page title. */
int	jr_post_begin(struct req *, struct jr_post *, const char *action, const char *title_key);
/* The trimmed text field name (kept on the page), checked with
 * valid_text; NULL when it is refused. */
const char *jr_post_text(struct jr_post *, const char *name, const char *label_key, size_t max,
	    int required, int area);
/* An integer field in [min, max]; *out set; -1 when refused. */
int	jr_post_int(struct jr_post *, const char *name, const char *label_key, long long min,
	    long long max, long long *out);
/* An optional number (a target): *has 0 for "", else *out; -1 when refused. */
int	jr_post_number(struct jr_post *, const char *name, const char *label_key, int *has,
	    double *out);
/* Mark field name refused with problem (after a rule of the model). */
void	jr_post_refuse(struct jr_post *, const char *name, const char *label_key,
	    const char *value, const char *problem);
/* The op=... of the button pressed, one of ops (NULL-terminated): its
 * index, or -1. */
int	jr_post_op(struct jr_post *, const char *const *ops);
/* Answer: 422 when a field was refused (call before changing anything). */
int	jr_post_refused(struct jr_post *);
/* Answer the model's result: 303 to the map (anchor may be NULL), 409
 * with the values kept, 404, 422 (full), 503, 500. */
int	jr_post_done(struct jr_post *, enum journey_rc, const char *anchor);

#endif
