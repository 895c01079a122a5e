/* Submitted changes of a map (post.h). */
#include "post.h"
#include "arena.h"
#include "http.h"
#include "valid.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define JR_NUMBER_MAX 1e9

int
jr_post_begin(struct req *r, struct jr_post *p, const char *action, const char *title_key)
{
	long long v;
	const char *vs = req_form(r, "version");

	memset(p, 0, sizeof(*p));
	p->r = r;
	if (jr_id_param(r, 0, &p->e.id) != 0) {
		resp_error(r, 404, "ERR_NOT_FOUND");
		return -1;
	}
	if (vs == NULL || valid_int(vs, 0, 2000000000, &v) != NULL) {
		resp_error(r, 400, "ERR_BAD_REQUEST");
		return -1;
	}
	p->e.version = (int)v;
	p->e.user = r->user != NULL ? r->user->id : 0;
	p->version_text = vs;
	p->fix = jr_fix_new(r, action, title_key);
	return 0;
}

const char *
jr_post_text(struct jr_post *p, const char *name, const char *label_key, size_t max,
    int required, int area)
{
	const char *v = valid_trim(p->r->a, req_form(p->r, name));
	const char *problem = valid_text(v, max, required, area);

	jr_fix_text(p->fix, name, label_key, v, problem, max, area);
	if (problem != NULL) {
		p->nerr++;
		return NULL;
	}
	return v;
}

int
jr_post_int(struct jr_post *p, const char *name, const char *label_key, long long min,
    long long max, long long *out)
{
	const char *v = valid_trim(p->r->a, req_form(p->r, name));
	const char *problem = valid_int(v, min, max, out);

	jr_fix_text(p->fix, name, label_key, v, problem, 20, 0);
	if (problem != NULL) {
		p->nerr++;
		return -1;
	}
	return 0;
}

int
jr_post_number(struct jr_post *p, const char *name, const char *label_key, int *has,
    double *out)
{
	const char *v = valid_trim(p->r->a, req_form(p->r, name));
	const char *problem = NULL;
	char *end;

	*has = 0;
	*out = 0;
	if (*v != '\0') {
		errno = 0;
		*out = strtod(v, &end);
		if (errno != 0 || *end != '\0' || end == v || !isfinite(*out) ||
		    fabs(*out) > JR_NUMBER_MAX || strspn(v, "0123456789.-") != strlen(v))
			problem = "J_ERR_NUMBER";
		else
			*has = 1;
	}
	jr_fix_text(p->fix, name, label_key, v, problem, 20, 0);
	if (problem != NULL) {
		p->nerr++;
		return -1;
	}
	return 0;
}

void
jr_post_refuse(struct jr_post *p, const char *name, const char *label_key, const char *value,
    const char *problem)
{
	jr_fix_text(p->fix, name, label_key, value, problem, 200, 0);
	p->nerr++;
}

int
jr_post_op(struct jr_post *p, const char *const *ops)
{
	const char *op = req_form(p->r, "op");
	int i;

	for (i = 0; op != NULL && ops[i] != NULL; i++)
		if (strcmp(op, ops[i]) == 0) {
			jr_fix_button(p->fix, "op", ops[i], "J_SAVE");
			return i;
		}
	return -1;
}

int
jr_post_refused(struct jr_post *p)
{
	jr_fix_hidden(p->fix, "version", p->version_text);
	if (req_form(p->r, "op") == NULL)
		jr_fix_button(p->fix, "op", "add", "J_SAVE");
	return jr_fix_send(p->fix, 422, "J_FIX_NOTE", p->e.id);
}

int
jr_post_done(struct jr_post *p, enum journey_rc rc, const char *anchor)
{
	struct journey j;

	switch (rc) {
	case JOURNEY_OK:
		return resp_redirect(p->r, arena_printf(p->r->a, "/journeys/%lld%s%s", p->e.id,
		    anchor != NULL ? "#" : "", anchor != NULL ? anchor : ""));
	case JOURNEY_CONFLICT:
		/* The values typed stay on the page with the version now current:
		 * the user looks at the map and sends them again (nothing lost). */
		if ((rc = journey_load(p->r->a, p->e.id, &j)) != JOURNEY_OK)
			return jr_fail(p->r, rc);
		jr_fix_hidden(p->fix, "version", arena_printf(p->r->a, "%d", j.version));
		if (req_form(p->r, "op") == NULL)
			jr_fix_button(p->fix, "op", "add", "J_SAVE");
		return jr_fix_send(p->fix, 409, NULL, p->e.id);
	case JOURNEY_FULL:
		jr_fix_hidden(p->fix, "version", p->version_text);
		if (req_form(p->r, "op") == NULL)
			jr_fix_button(p->fix, "op", "add", "J_SAVE");
		return jr_fix_send(p->fix, 422, "J_ERR_FULL", p->e.id);
	default:
		return jr_fail(p->r, rc);
	}
}
