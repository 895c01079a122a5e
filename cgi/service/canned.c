/* Canned replies: placeholders filled in (canned.h). Pure string work, no
 * database: unit tested in tests/unit/test_canned.c. */
#include "canned.h"
#include "arena.h"

#include <ctype.h>
#include <string.h>

static const struct placeholder {
	const char *token;
	int         customer;   /* 1: the customer's name, 0: the ticket number */
} placeholders[] = {
	{ CANNED_PH_CUSTOMER_ZH, 1 },
	{ CANNED_PH_CUSTOMER_EN, 1 },
	{ CANNED_PH_TICKET_ZH,   0 },
	{ CANNED_PH_TICKET_EN,   0 },
};

/* The placeholder that starts at p, or NULL. */
static const struct placeholder *
placeholder_at(const char *p)
{
	size_t i;

	for (i = 0; i < sizeof(placeholders) / sizeof(placeholders[0]); i++)
		if (strncmp(p, placeholders[i].token, strlen(placeholders[i].token)) == 0)
			return &placeholders[i];
	return NULL;
}

const char *
canned_bad_placeholder(const char *text)
{
	const char *p;

	for (p = text != NULL ? text : ""; (p = strchr(p, '{')) != NULL; p++)
		if (placeholder_at(p) == NULL)
			return p;
	return NULL;
}

char *
canned_fill(struct arena *a, const char *text, const char *customer, const char *number)
{
	const struct placeholder *ph;
	const char *p;
	size_t cap = 1, cl, nl, len = 0;
	char *out;

	customer = customer != NULL ? customer : "";
	number = number != NULL ? number : "";
	text = text != NULL ? text : "";
	cl = strlen(customer);
	nl = strlen(number);
	/* Each placeholder is at least 6 bytes long: the result is at most
	 * the text times the longer value over 6, plus the text. */
	cap += strlen(text) + (strlen(text) / 6 + 1) * (cl > nl ? cl : nl);
	out = arena_alloc(a, cap);
	for (p = text; *p != '\0';) {
		if (*p == '{' && (ph = placeholder_at(p)) != NULL) {
			const char *v = ph->customer ? customer : number;
			size_t vl = ph->customer ? cl : nl;

			memcpy(out + len, v, vl);
			len += vl;
			p += strlen(ph->token);
		} else {
			out[len++] = *p++;
		}
	}
	out[len] = '\0';
	return out;
}

/* 1 when s has nothing but white space. */
static int
blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

char *
canned_append(struct arena *a, const char *body, const char *text)
{
	size_t bl;

	if (blank(body))
		return arena_printf(a, "%s", text != NULL ? text : "");
	bl = strlen(body);
	while (bl > 0 && isspace((unsigned char)body[bl - 1]))
		bl--;
	return arena_printf(a, "%.*s\n\n%s", (int)bl, body, text != NULL ? text : "");
}
