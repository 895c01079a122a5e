/* The assignment form's option lists, rendered once per copy and
 * language: ticket_options.h. */
#include "ticket_options.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

#define TOPT_TPL "desk/ticket_option.tpl"

/* The label of row i in lang: the name, or "name(role)". Memory of a. */
static const char *
topt_label(struct arena *a, const struct topt_list *l, const struct db_res *rows, size_t i,
    const char *lang)
{
	if (!l->with_role)
		return db_gets(rows, i, 1);
	return arena_printf(a, strcmp(lang, "en") == 0 ? "%s (%s)" : "%s（%s）",
	    db_gets(rows, i, 1), i18n(lang, arena_printf(a, "ROLE_%s", db_gets(rows, i, 2))));
}

/* Render every option of rows in lang into h (memory of l). 0 or -1. */
static int
topt_render(struct topt_list *l, const struct db_res *rows, const char *lang,
    struct topt_html *h)
{
	char **part = arena_alloc(&l->mem, (rows->nrows + 1) * sizeof(*part));
	size_t *len = arena_alloc(&l->mem, (rows->nrows + 1) * sizeof(*len));
	size_t i, total = 0;

	for (i = 0; i < rows->nrows; i++) {
		tmpl_dict *d = tmpl_new(), *o = tmpl_add_section(d, "OPT");

		tmpl_set(o, "VALUE", db_gets(rows, i, 0));
		tmpl_set(o, "LABEL", topt_label(&l->mem, l, rows, i, lang));
		part[i] = tmpl_render(&l->mem, TOPT_TPL, d, &len[i]);
		tmpl_free(d);
		if (part[i] == NULL)
			return -1;
		while (len[i] > 0 && part[i][len[i] - 1] == '\n')   /* the file's last line */
			len[i]--;
		total += len[i];
	}
	h->html = arena_alloc(&l->mem, total + 1);
	h->off = arena_alloc(&l->mem, (rows->nrows + 1) * sizeof(*h->off));
	h->n = rows->nrows;
	for (total = 0, i = 0; i < rows->nrows; i++) {
		h->off[i] = total;
		memcpy(h->html + total, part[i], len[i]);
		total += len[i];
	}
	h->off[rows->nrows] = total;
	h->html[total] = '\0';
	return 0;
}

int
topt_fill(struct req *r, tmpl_dict *f, const char *prefix, struct topt_list *l,
    const struct db_res *rows, const char *current)
{
	int en = strcmp(r->lang, "en") == 0;
	const struct topt_html *h;
	size_t i, at;

	if (l->gen != l->src->gen) {
		arena_free(&l->mem);
		arena_init(&l->mem);
		l->gen = 0;
		if (topt_render(l, rows, "zh-CN", &l->lang[TOPT_ZH]) != 0 ||
		    topt_render(l, rows, "en", &l->lang[TOPT_EN]) != 0)
			return -1;
		l->gen = l->src->gen;
	}
	h = &l->lang[en ? TOPT_EN : TOPT_ZH];
	for (i = 0; current != NULL && i < h->n; i++)
		if (strcmp(current, db_gets(rows, i, 0)) == 0)
			break;
	if (current == NULL || i >= h->n) {
		tmpl_setn(f, arena_printf(r->a, "%s_BEFORE", prefix), h->html, h->off[h->n]);
		return 0;
	}
	at = h->off[i];
	tmpl_setn(f, arena_printf(r->a, "%s_BEFORE", prefix), h->html, at);
	{
		tmpl_dict *s = tmpl_add_section(f, arena_printf(r->a, "%s_SEL", prefix));

		tmpl_set(s, "VALUE", db_gets(rows, i, 0));
		tmpl_set(s, "LABEL", topt_label(r->a, l, rows, i, r->lang));
	}
	tmpl_setn(f, arena_printf(r->a, "%s_AFTER", prefix), h->html + h->off[i + 1],
	    h->off[h->n] - h->off[i + 1]);
	return 0;
}
