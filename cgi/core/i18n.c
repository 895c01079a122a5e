#include "i18n.h"
#include "arena.h"
#include "tmpl.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define I18N_MAX_TABLES 16

extern const struct i18n_msg core_msgs[];
extern const size_t core_nmsgs;

static struct {
	const struct i18n_msg *m;
	size_t                 n;
} tables[I18N_MAX_TABLES];
static size_t ntables;
static int    core_registered;

void
i18n_register(const struct i18n_msg *m, size_t n)
{
	if (m == core_msgs) {
		if (core_registered)
			return;
		core_registered = 1;
	}
	if (ntables < I18N_MAX_TABLES) {
		tables[ntables].m = m;
		tables[ntables].n = n;
		ntables++;
	}
}

static void
i18n_ensure_core(void)
{
	if (!core_registered)
		i18n_register(core_msgs, core_nmsgs);
}

const char *
i18n(const char *lang, const char *key)
{
	size_t t, i;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	i18n_ensure_core();
	for (t = 0; t < ntables; t++)
		for (i = 0; i < tables[t].n; i++)
			if (strcmp(tables[t].m[i].key, key) == 0)
				return en ? tables[t].m[i].en : tables[t].m[i].zh;
	return key;
}

void
i18n_fill(tmpl_dict *d, const char *lang)
{
	size_t t, i;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	i18n_ensure_core();
	for (t = 0; t < ntables; t++)
		for (i = 0; i < tables[t].n; i++)
			tmpl_set_global(d, tables[t].m[i].key,
			    en ? tables[t].m[i].en : tables[t].m[i].zh);
}

/* The first of en / zh in the header by q-value (ties: order). */
const char *
i18n_choose(const char *explicit_lang, const char *al)
{
	double best_q = -1;
	const char *best = "zh-CN";

	if (explicit_lang != NULL && *explicit_lang != '\0')
		return strcmp(explicit_lang, "en") == 0 ? "en" : "zh-CN";
	if (al == NULL)
		return best;
	while (*al != '\0') {
		const char *tag = al, *semi, *end = strchr(al, ',');
		size_t taglen;
		double q = 1.0;

		if (end == NULL)
			end = al + strlen(al);
		while (tag < end && *tag == ' ')
			tag++;
		semi = memchr(tag, ';', (size_t)(end - tag));
		taglen = (size_t)((semi != NULL ? semi : end) - tag);
		if (semi != NULL && (semi = strstr(semi, "q=")) != NULL && semi < end)
			q = strtod(semi + 2, NULL);
		if (q > 0 && q > best_q && taglen >= 2) {   /* q=0: not acceptable */
			if (strncasecmp(tag, "en", 2) == 0) {
				best = "en";
				best_q = q;
			} else if (strncasecmp(tag, "zh", 2) == 0) {
				best = "zh-CN";
				best_q = q;
			}
		}
		al = *end == ',' ? end + 1 : end;
	}
	return best;
}

const char *
i18n_count(struct arena *a, const char *lang, const char *key, long long n)
{
	const char *one = arena_printf(a, "%s_ONE", key), *msg = i18n(lang, key), *at;

	if (n == 1 && lang != NULL && strcmp(lang, "en") == 0 && strcmp(i18n(lang, one), one) != 0)
		msg = i18n(lang, one);
	if ((at = strstr(msg, "{n}")) == NULL)
		return msg;
	return arena_printf(a, "%.*s%lld%s", (int)(at - msg), msg, n, at + 3);
}
