/* Message catalogs: zh-CN (default) and en. Each plugin registers its own
 * table at start-up besides the core one; keys are UPPER_SNAKE and appear
 * in templates as {{KEY}} (every key of the request language is set). */
#ifndef SL_I18N_H
#define SL_I18N_H

#include <stddef.h>

typedef struct tmpl_dict tmpl_dict;

struct i18n_msg {
	const char *key;
	const char *zh;
	const char *en;
};

void	    i18n_register(const struct i18n_msg *, size_t n);
/* Message for key in lang ("en" or anything else = zh-CN); the key itself
 * when it is missing, so a gap shows instead of crashing. */
const char *i18n(const char *lang, const char *key);
void	    i18n_fill(tmpl_dict *, const char *lang);
struct arena;
/* A count in words: the message key (or, in English for n == 1, key_ONE
 * when the catalog has it) with "{n}" replaced by n — "1 photo",
 * "2 photos", "2 张照片". Arena-allocated. */
const char *i18n_count(struct arena *, const char *lang, const char *key, long long n);
/* Pick the language: explicit choice (cookie/account) first, then
 * Accept-Language; returns "en" or "zh-CN". */
const char *i18n_choose(const char *explicit_lang, const char *accept_language);

#endif
