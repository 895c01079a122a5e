/* Helpers shared by the knowledge-base and maintenance-plan pages: trimming,
 * tag normalisation, the category and kind selects, route ids. */
#include "kb.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "valid.h"

#include <limits.h>
#include <string.h>

static struct db_q q_categories = DB_Q(
    "SELECT id, name_zh, name_en, active FROM categories"
    " WHERE active = 1 OR id = ? ORDER BY sort, id");

const char *const kb_kinds[] = { "faq", "case", "sop", NULL };

int
kb_may_write(const struct req *r)
{
	return r->user != NULL && (r->user->role == ROLE_AGENT ||
	    r->user->role == ROLE_SUPERVISOR || r->user->role == ROLE_ADMIN);
}

int
kb_route_id(const struct req *r, long long *id)
{
	return r->params[0] != NULL && valid_int(r->params[0], 1, LLONG_MAX, id) == NULL;
}

/* Length of the tag separator at s (n bytes left), 0 if none. */
static size_t
tag_sep_at(const char *s, size_t n)
{
	static const char *const seps[] = {
		",", ";", "\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */, "\xEF\xBC\x9B" /* ； */,
	};
	size_t i, l;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		l = strlen(seps[i]);
		if (n >= l && memcmp(s, seps[i], l) == 0)
			return l;
	}
	return 0;
}

/* 1 when tag (len n) is one of the comma-joined list out[0..olen). */
static int
tag_seen(const char *out, size_t olen, const char *tag, size_t n)
{
	const char *p = out, *end = out + olen;

	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		size_t l = c != NULL ? (size_t)(c - p) : (size_t)(end - p);

		if (l == n && memcmp(p, tag, n) == 0)
			return 1;
		p += l + 1;
	}
	return 0;
}

/* Append tag s[0..n) (lower-cased) to out; returns the problem or NULL. */
static const char *
tag_add(char *out, size_t *olen, int *count, const char *s, size_t n)
{
	char buf[KB_TAG_MAX * 4 + 1];
	size_t i;

	valid_trim_span(&s, &n);
	if (n == 0)
		return NULL;
	if (n >= sizeof(buf))
		return "K_ERR_TAG_LONG";
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (utf8_chars(buf) > KB_TAG_MAX)
		return "K_ERR_TAG_LONG";
	for (i = 0; i < n; i++)
		if (buf[i] >= 'A' && buf[i] <= 'Z')
			buf[i] = (char)(buf[i] - 'A' + 'a');
	if (tag_seen(out, *olen, buf, n))
		return NULL;
	if (++*count > KB_TAGS_MAX)
		return "K_ERR_TAGS_MANY";
	if (*olen > 0)
		out[(*olen)++] = ',';
	memcpy(out + *olen, buf, n);
	*olen += n;
	out[*olen] = '\0';
	return NULL;
}

const char *
kb_tags_normalise(struct arena *a, const char *s, const char **problem)
{
	size_t n = strlen(s), olen = 0, start = 0, i = 0, k;
	char *out = arena_alloc(a, n + 1);
	int count = 0;

	out[0] = '\0';
	*problem = NULL;
	while (i <= n) {
		k = i < n ? tag_sep_at(s + i, n - i) : 1;
		if (k == 0) {
			i++;
			continue;
		}
		if ((*problem = tag_add(out, &olen, &count, s + start, i - start)) != NULL)
			return NULL;
		i += k;
		start = i;
	}
	return out;
}

enum db_rc
kb_categories(struct arena *a, long long keep_id, struct db_res **out)
{
	return db_query(a, &q_categories, out, "i", keep_id);
}

const char *
kb_category_name(const struct req *r, const struct db_res *cats, size_t i)
{
	return db_gets(cats, i, strcmp(r->lang, "en") == 0 ? 2 : 1);
}

void
kb_fill_categories(struct req *r, tmpl_dict *d, const char *section, const struct db_res *cats,
    const char *selected)
{
	size_t i;

	for (i = 0; i < cats->nrows; i++) {
		tmpl_dict *o = tmpl_add_section(d, section);

		tmpl_set(o, "ID", db_gets(cats, i, 0));
		tmpl_set(o, "LABEL", kb_category_name(r, cats, i));
		if (selected != NULL && strcmp(selected, db_gets(cats, i, 0)) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}

const char *
kb_check_category(const char *v, const struct db_res *cats, int required, long long *id)
{
	const char *problem;
	size_t i;

	*id = 0;
	if (v == NULL || *v == '\0')
		return required ? "ERR_REQUIRED" : NULL;
	if ((problem = valid_int(v, 1, LLONG_MAX, id)) != NULL)
		return problem;
	for (i = 0; i < cats->nrows; i++)
		if (db_get_int(cats, i, 0) == *id)
			return NULL;
	*id = 0;
	return "ERR_INVALID";
}

void
kb_fill_kinds(struct req *r, tmpl_dict *d, const char *section, const char *selected)
{
	size_t i;

	for (i = 0; kb_kinds[i] != NULL; i++) {
		tmpl_dict *o = tmpl_add_section(d, section);

		tmpl_set(o, "VALUE", kb_kinds[i]);
		tmpl_set(o, "LABEL", i18n(r->lang, arena_printf(r->a, "K_KIND_%s", kb_kinds[i])));
		if (selected != NULL && strcmp(selected, kb_kinds[i]) == 0)
			tmpl_show_section(o, "SELECTED");
	}
}
