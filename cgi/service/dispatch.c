/* The auto-dispatch rule: region containment and candidate ranking (the
 * rule itself is described in dispatch.h). Pure: no database, no
 * allocation; strings are UTF-8 and compared byte for byte. */
#include "dispatch.h"

#include <stdlib.h>
#include <string.h>

#define UNIT_STEM_MAX_CHARS 8
#define NORM_MAX            256

/* Longer suffixes first: 新区 before 区, 自治区 before 区. */
static const char *const suffixes[] = {
	"特别行政区", "自治区", "自治州", "新区", "省", "市", "区", "县", NULL
};

struct unit {
	const char *stem;
	size_t      len;    /* bytes */
};

/* Bytes of the UTF-8 character at s (1 for a stray byte). */
static size_t
char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/* The length of the suffix starting at s, or 0. */
static size_t
suffix_at(const char *s, const char *end)
{
	size_t i, n;

	for (i = 0; suffixes[i] != NULL; i++) {
		n = strlen(suffixes[i]);
		if ((size_t)(end - s) >= n && memcmp(s, suffixes[i], n) == 0)
			return n;
	}
	return 0;
}

/* The administrative units at the start of [s, end) into u (at most
 * DISPATCH_UNITS_MAX); *rest points after the last one. Returns how many. */
static int
units_of(const char *s, const char *end, struct unit *u, const char **rest)
{
	int n = 0;

	while (n < DISPATCH_UNITS_MAX && s < end) {
		const char *p = s;
		size_t sl = 0;
		int chars;

		for (chars = 0; chars < UNIT_STEM_MAX_CHARS && p < end; chars++) {
			p += char_len(p);   /* a stem has at least one character */
			if (p > end)
				p = end;
			if ((sl = suffix_at(p, end)) > 0)
				break;
		}
		if (sl == 0)
			break;
		u[n].stem = s;
		u[n].len = (size_t)(p - s);
		n++;
		s = p + sl;
	}
	*rest = s;
	return n;
}

/* A region's normal form into out (NUL-terminated): its units' stems
 * joined and the rest kept. Returns the length, 0 when too long/empty. */
static size_t
region_norm(const char *s, const char *end, char out[NORM_MAX])
{
	struct unit u[DISPATCH_UNITS_MAX];
	const char *rest;
	size_t len = 0;
	int i, n = units_of(s, end, u, &rest);

	for (i = 0; i < n; i++) {
		if (len + u[i].len >= NORM_MAX)
			return 0;
		memcpy(out + len, u[i].stem, u[i].len);
		len += u[i].len;
	}
	if (len + (size_t)(end - rest) >= NORM_MAX)
		return 0;
	memcpy(out + len, rest, (size_t)(end - rest));
	len += (size_t)(end - rest);
	out[len] = '\0';
	return len;
}

/* The depth at which the normalised region r (length rl) matches the
 * address units u[0..n), see dispatch.h. */
static int
depth_in_units(const struct unit *u, int n, const char *r, size_t rl)
{
	int i, j, best = 0;

	for (i = 0; i < n; i++) {
		size_t off = 0;

		for (j = i; j < n; j++) {
			if (off + u[j].len > rl || memcmp(r + off, u[j].stem, u[j].len) != 0)
				break;
			off += u[j].len;
			if (off == rl && j + 1 > best)
				best = j + 1;
		}
	}
	return best;
}

/* The byte length of the region-list separator at s, or 0. */
static size_t
separator_at(const char *s)
{
	static const char *const seps[] = { "，", "、", "；", "　", NULL };
	size_t i;

	if (*s == ' ' || *s == '\t' || *s == ',' || *s == ';' || *s == '/')
		return 1;
	for (i = 0; seps[i] != NULL; i++)
		if (strncmp(s, seps[i], strlen(seps[i])) == 0)
			return strlen(seps[i]);
	return 0;
}

int
dispatch_region_depth(const char *address, const char *regions)
{
	struct unit u[DISPATCH_UNITS_MAX];
	const char *rest, *p, *end;
	char norm[NORM_MAX];
	int n, best = 0;

	if (address == NULL || regions == NULL)
		return 0;
	while (*address == ' ' || *address == '\t' || strncmp(address, "　", strlen("　")) == 0)
		address += *address == ' ' || *address == '\t' ? 1 : strlen("　");
	n = units_of(address, address + strlen(address), u, &rest);
	p = regions;
	end = regions + strnlen(regions, DISPATCH_REGION_MAX);
	while (p < end) {
		const char *q = p;
		size_t sep, rl;
		int d;

		while (q < end && separator_at(q) == 0)
			q += char_len(q);
		if (q > end)
			q = end;
		rl = q > p ? region_norm(p, q, norm) : 0;
		if (rl > 0) {
			d = n > 0 ? depth_in_units(u, n, norm, rl) :
			    strncmp(address, norm, rl) == 0;
			if (d > best)
				best = d;
		}
		sep = q < end ? separator_at(q) : 0;
		p = q + (sep > 0 ? sep : 1);
	}
	return best;
}

/* Best first: skill, then deeper region, then fewer open tickets, then the
 * lower id. */
static int
cand_cmp(const void *va, const void *vb)
{
	const struct dispatch_cand *a = va, *b = vb;

	if (a->skill != b->skill)
		return b->skill - a->skill;
	if (a->depth != b->depth)
		return b->depth - a->depth;
	if (a->load != b->load)
		return a->load < b->load ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

int
dispatch_rank(const char *address, struct dispatch_cand *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		c[i].depth = dispatch_region_depth(address, c[i].region);
	qsort(c, n, sizeof(*c), cand_cmp);
	for (i = 0; i < n; i++) {
		if (!c[i].skill)
			c[i].reason = DR_NO_SKILL;
		else if (i == 0)
			c[i].reason = DR_CHOSEN;
		else if (c[i].depth < c[0].depth)
			c[i].reason = DR_REGION;
		else if (c[i].load > c[0].load)
			c[i].reason = DR_LOAD;
		else
			c[i].reason = DR_TIE;
	}
	return n > 0 && c[0].skill ? 0 : -1;
}

static const char *const reason_names[DR__MAX] = {
	"chosen", "no_skill", "region", "load", "tie"
};

const char *
dispatch_reason_name(enum dispatch_reason r)
{
	return r < DR__MAX ? reason_names[r] : "";
}

enum dispatch_reason
dispatch_reason_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < DR__MAX; i++)
		if (strcmp(s, reason_names[i]) == 0)
			return (enum dispatch_reason)i;
	return DR__MAX;
}
