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

/* Every key once (the first table that has it wins, as the scan in
 * registration order did), sorted for bsearch; rebuilt when a table is
 * registered. Process memory: catalogs are configuration. */
static const struct i18n_msg **sorted;
static size_t nsorted, sorted_for;       /* sorted_for: ntables when built */
static size_t process_filled_for;        /* ntables when the zh values were set */

static int
cmp_msg(const void *a, const void *b)
{
	const struct i18n_msg *const *x = a, *const *y = b;

	return strcmp((*x)->key, (*y)->key);
}

static int
cmp_key(const void *key, const void *m)
{
	return strcmp(key, (*(const struct i18n_msg *const *)m)->key);
}

/* The sorted index of every registered message. -1 when out of memory. */
static int
i18n_index(void)
{
	size_t t, i, n = 0, k;
	const struct i18n_msg **all;

	i18n_ensure_core();
	if (sorted != NULL && sorted_for == ntables)
		return 0;
	for (t = 0; t < ntables; t++)
		n += tables[t].n;
	if ((all = malloc(sizeof(*all) * (n + 1))) == NULL)
		return -1;
	for (t = 0, n = 0; t < ntables; t++)
		for (i = 0; i < tables[t].n; i++)
			all[n++] = &tables[t].m[i];
	/* A stable order among equal keys: registration order first. */
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && cmp_msg(&all[k - 1], &all[k]) > 0; k--) {
			const struct i18n_msg *tmp = all[k];
			all[k] = all[k - 1];
			all[k - 1] = tmp;
		}
	for (i = 0, k = 0; i < n; i++)
		if (k == 0 || strcmp(all[k - 1]->key, all[i]->key) != 0)
			all[k++] = all[i];
	free(sorted);
	sorted = all;
	nsorted = k;
	sorted_for = ntables;
	return 0;
}

const char *
i18n(const char *lang, const char *key)
{
	const struct i18n_msg *const *m;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	if (i18n_index() != 0)
		return key;
	m = bsearch(key, sorted, nsorted, sizeof(*sorted), cmp_key);
	if (m == NULL)
		return key;
	return en ? (*m)->en : (*m)->zh;
}

/* The catalog is not copied into every page: the Chinese texts are values
 * of the whole process (set once), and an English page lays the English
 * texts over them in its own dictionary, without copying them. */
void
i18n_fill(tmpl_dict *d, const char *lang)
{
	size_t i;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	if (i18n_index() != 0)
		return;
	if (process_filled_for != ntables) {
		for (i = 0; i < nsorted; i++)
			tmpl_set_process_value(sorted[i]->key, sorted[i]->zh);
		process_filled_for = ntables;
	}
	if (en)
		for (i = 0; i < nsorted; i++)
			tmpl_set_global_static(d, sorted[i]->key, sorted[i]->en);
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
