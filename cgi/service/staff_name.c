#include "staff_name.h"
#include "arena.h"

#include <stddef.h>
#include <string.h>

static const char *const mode_keys[SNM__MAX] = { "full", "surname", "hidden" };

/* Common two-character (compound) surnames. */
static const char *const compound[] = {
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
	"宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里",
	"澹台", "公冶", "申屠", "太史", "闻人", "呼延", "万俟", "钟离", "赫连", "仲孙",
};

const char *
staff_name_mode_key(enum staff_name_mode m)
{
	return m < SNM__MAX ? mode_keys[m] : mode_keys[SNM_SURNAME];
}

enum staff_name_mode
staff_name_mode_parse(const char *v)
{
	int i;

	for (i = 0; v != NULL && i < SNM__MAX; i++)
		if (strcmp(v, mode_keys[i]) == 0)
			return (enum staff_name_mode)i;
	return SNM_SURNAME;
}

/* Length in bytes of the CJK ideograph (U+3400..U+9FFF, three UTF-8
 * bytes) at s, or 0 when s does not start with one. */
static size_t
han_len(const unsigned char *s)
{
	unsigned cp;

	if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return 0;
	cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return cp >= 0x3400 && cp <= 0x9FFF ? 3 : 0;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *
staff_public_name(struct arena *a, const char *name, enum staff_name_mode m)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t run = 0, first, i, n;

	if (name == NULL || m == SNM_HIDDEN)
		return NULL;
	while (is_space(*s))
		s++;
	if (*s == '\0')
		return NULL;
	if (m == SNM_FULL)
		return name;
	while ((n = han_len(s + run)) > 0)
		run += n;
	if (run == 0) {
		for (i = 0; s[i] != '\0' && !is_space(s[i]); i++)
			;
		return arena_printf(a, "%.*s 师傅", (int)i, (const char *)s);
	}
	first = 3;
	for (i = 0; run > 6 && i < sizeof(compound) / sizeof(compound[0]); i++)
		if (memcmp(s, compound[i], 6) == 0)
			first = 6;
	return arena_printf(a, "%.*s师傅", (int)first, (const char *)s);
}
