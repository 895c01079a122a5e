/* GET/POST /track: a customer who lost the tracking link finds the ticket
 * by the phone number and the ticket number given at submission. A hit
 * is a 303 to /track/<code>. A miss counts against the same per-address
 * guessing limit as a wrong tracking code (track.c), and a wrong phone
 * and a wrong ticket number get the very same answer (status and page),
 * so the form tells nobody which tickets or numbers exist. Only a value
 * that cannot be a phone or a ticket number at all (its shape) is named. */
#include "intake.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "phone.h"
#include "tmpl.h"
#include "valid.h"

#include <ctype.h>
#include <string.h>

#define LOOKUP_NUMBER_MAX 20   /* tickets.number: R-YYYYMMDD-NNNN */

/* Phones are stored in their canonical form (phone.h), numbers in capitals. */
static struct db_q q_find = DB_Q(
    "SELECT track_code FROM tickets WHERE number = ? AND phone = ?");

/* "r-20260101-0007" → "R-20260101-0007" in place; NULL when it cannot be
 * a ticket number (letters, digits and '-', 3 to 20 of them). */
static const char *
check_number(char *v)
{
	size_t i, n = strlen(v);

	if (n == 0)
		return "ERR_REQUIRED";
	if (n < 3 || n > LOOKUP_NUMBER_MAX)
		return "LOOKUP_ERR_NUMBER";
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)v[i]) && v[i] != '-')
			return "LOOKUP_ERR_NUMBER";
		v[i] = (char)toupper((unsigned char)v[i]);
	}
	return NULL;
}

static int
lookup_render(struct req *r, int status, tmpl_dict *d)
{
	resp_header(r, "Cache-Control", "no-store");
	resp_header(r, "Referrer-Policy", "same-origin");
	return resp_page(r, status, "intake/lookup.tpl", d);
}

int
track_lookup_get(struct req *r)
{
	return lookup_render(r, 200, page_dict(r, "LOOKUP_TITLE"));
}

int
track_lookup_post(struct req *r)
{
	struct form_check fc = { r, page_dict(r, "LOOKUP_TITLE"), 0 };
	const char *phone = valid_trim(r->a, req_form(r, "phone"));
	char *number = arena_strdup(r->a, valid_trim(r->a, req_form(r, "number")));
	char canon[PHONE_MAX];
	struct db_res *res;
	int thr;

	if ((thr = intake_code_throttled(r)) != 0) {
		tmpl_free(fc.d);
		return thr < 0 ? resp_error(r, 503, "ERR_DB_DOWN") : intake_code_throttle_answer(r);
	}
	intake_check(&fc, "phone", "LOOKUP_PHONE", phone, valid_phone(phone, 1));
	intake_check(&fc, "number", "LOOKUP_NUMBER", number, check_number(number));
	if (fc.nerr > 0)
		return lookup_render(r, 422, fc.d);
	(void)phone_parse(phone, canon, NULL);
	if (db_query(r->a, &q_find, &res, "ss", number, canon) != DB_OK) {
		tmpl_free(fc.d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	if (res->nrows == 1) {
		tmpl_free(fc.d);
		return resp_redirect(r, arena_printf(r->a, "/track/%s", db_gets(res, 0, 0)));
	}
	if (intake_code_failure(r) != 0) {
		tmpl_free(fc.d);
		return resp_error(r, 503, "ERR_DB_DOWN");
	}
	/* One answer for every miss: the values back, one message. */
	tmpl_set(fc.d, "VAL_phone", phone);
	tmpl_set(fc.d, "VAL_number", number);
	tmpl_show_section(fc.d, "NOT_FOUND");
	return lookup_render(r, 404, fc.d);
}
