/* The page of a refused change: the one form again, with what was sent
 * and the problem of each field (422), or with the map's current version
 * after a conflicting change (409: the text typed is not lost). */
#include "jr.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

struct jr_fix {
	struct req *r;
	tmpl_dict  *d;
	int         nerr;
};

struct jr_fix *
jr_fix_new(struct req *r, const char *action, const char *title_key)
{
	struct jr_fix *f = arena_zalloc(r->a, sizeof(*f));

	f->r = r;
	f->d = page_dict(r, title_key);
	tmpl_set(f->d, "ACTION", action);
	return f;
}

void
jr_fix_hidden(struct jr_fix *f, const char *name, const char *value)
{
	tmpl_dict *h = tmpl_add_section(f->d, "HIDDEN");

	tmpl_set(h, "NAME", name);
	tmpl_set(h, "VALUE", value);
}

static tmpl_dict *
field(struct jr_fix *f, const char *name, const char *label_key, const char *problem)
{
	tmpl_dict *d = tmpl_add_section(f->d, "FIELD");

	tmpl_set(d, "NAME", name);
	tmpl_set(d, "LABEL", i18n(f->r->lang, label_key));
	if (problem != NULL) {
		tmpl_show_section(d, "ERR");
		tmpl_set(d, "MSG", i18n(f->r->lang, problem));
		f->nerr++;
	}
	return d;
}

void
jr_fix_text(struct jr_fix *f, const char *name, const char *label_key, const char *value,
    const char *problem, size_t max, int area)
{
	tmpl_dict *d = field(f, name, label_key, problem);

	tmpl_show_section(d, area ? "AREA" : "TEXT");
	tmpl_set(d, "VALUE", value);
	tmpl_set_int(d, "MAX", (long long)max);
}

void
jr_fix_select(struct jr_fix *f, const char *name, const char *label_key, const char *value,
    const char *problem, const char *const *values, const char *const *labels, size_t n)
{
	tmpl_dict *d = field(f, name, label_key, problem);
	size_t i;

	tmpl_show_section(d, "SELECT");
	for (i = 0; i < n; i++) {
		tmpl_dict *o = tmpl_add_section(d, "OPTION");

		tmpl_set(o, "OVALUE", values[i]);
		tmpl_set(o, "OLABEL", labels[i]);
		if (value != NULL && strcmp(value, values[i]) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

void
jr_fix_button(struct jr_fix *f, const char *name, const char *value, const char *label_key)
{
	tmpl_dict *b = tmpl_add_section(f->d, "BUTTON");

	tmpl_set(b, "NAME", name);
	tmpl_set(b, "VALUE", value);
	tmpl_set(b, "LABEL", i18n(f->r->lang, label_key));
}

int
jr_fix_send(struct jr_fix *f, int status, const char *note_key, long long back_id)
{
	if (note_key != NULL)
		tmpl_set(f->d, "NOTE", i18n(f->r->lang, note_key));
	if (status == 409)
		tmpl_show_section(f->d, "CONFLICT");
	if (back_id > 0)
		tmpl_set(f->d, "BACK", arena_printf(f->r->a, "/journeys/%lld", back_id));
	else
		tmpl_set(f->d, "BACK", "/journeys/");
	return resp_page(f->r, status, "journey/fix.tpl", f->d);
}
