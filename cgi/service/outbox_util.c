/* The pure parts of the outbox: names of events and channels, which ticket
 * events notify, the retry schedule, idempotency keys, masking phone
 * numbers for logs and cutting texts to a provider's limit. */
#include "outbox.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>

static const char *const event_names[NE__MAX] = {
	[NE_CREATED] = "created", [NE_ACCEPTED] = "accepted", [NE_DISPATCHED] = "dispatched",
	[NE_VISIT] = "visit", [NE_WAITING] = "waiting", [NE_RESOLVED] = "resolved",
	[NE_REPLY] = "reply", [NE_ASSIGNED] = "assigned", [NE_SLA_DUE] = "sla_due",
	[NE_COMPLAINT] = "complaint", [NE_REORDER] = "reorder", [NE_KR_STALE] = "kr_stale",
	[NE_WEEKLY] = "weekly",
};
static const char *const channel_names[NC__MAX] = {
	[NC_WEBHOOK] = "webhook", [NC_WECOM] = "wecom", [NC_DINGTALK] = "dingtalk",
	[NC_FEISHU] = "feishu", [NC_SMS] = "sms", [NC_EMAIL] = "email",
};

const char *
notify_event_name(enum notify_event e)
{
	return e < NE__MAX ? event_names[e] : "";
}

enum notify_event
notify_event_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < NE__MAX; i++)
		if (strcmp(s, event_names[i]) == 0)
			return (enum notify_event)i;
	return NE__MAX;
}

int
notify_event_for_staff(enum notify_event e)
{
	return e == NE_ASSIGNED || e == NE_SLA_DUE || e == NE_COMPLAINT || e == NE_REORDER ||
	    e == NE_KR_STALE || e == NE_WEEKLY;
}

const char *
notify_channel_name(enum notify_channel c)
{
	return c < NC__MAX ? channel_names[c] : "";
}

enum notify_channel
notify_channel_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < NC__MAX; i++)
		if (strcmp(s, channel_names[i]) == 0)
			return (enum notify_channel)i;
	return NC__MAX;
}

int
notify_channel_is_group(enum notify_channel c)
{
	return c != NC_SMS && c != NC_EMAIL;
}

int
notify_events_of(const char *kind, int pub, const char *to, int by_staff,
    enum notify_event out[2])
{
	if (kind == NULL)
		return 0;
	if (strcmp(kind, "created") == 0) {
		out[0] = NE_CREATED;
		return 1;
	}
	if (strcmp(kind, "assigned") == 0) {   /* the customer's and the assignee's */
		out[0] = NE_DISPATCHED;
		out[1] = NE_ASSIGNED;
		return 2;
	}
	if (strcmp(kind, "appointment") == 0) {   /* the visit window agreed */
		out[0] = NE_DISPATCHED;
		return 1;
	}
	if (strcmp(kind, "visit") == 0 && pub) {
		out[0] = NE_VISIT;
		return 1;
	}
	if (strcmp(kind, "reply") == 0 && pub && by_staff) {
		out[0] = NE_REPLY;
		return 1;
	}
	if (strcmp(kind, "status") != 0 || to == NULL)
		return 0;
	if (strcmp(to, "accepted") == 0)
		out[0] = NE_ACCEPTED;
	else if (strcmp(to, "waiting_customer") == 0)
		out[0] = NE_WAITING;
	else if (strcmp(to, "resolved") == 0)
		out[0] = NE_RESOLVED;
	else
		return 0;
	return 1;
}

int
notify_reorder_crossed(long long before, long long after, long long level)
{
	return before > level && after <= level;
}

long long
notify_periods(long long ref, long long now, long long span)
{
	return span > 0 && now > ref ? (now - ref) / span : 0;
}

long
notify_backoff(unsigned attempts)
{
	long s = 30;

	if (attempts < 1)
		attempts = 1;
	while (--attempts > 0 && s < 3600)
		s *= 2;
	return s < 3600 ? s : 3600;
}

int
notify_idem_key(char *out, size_t cap, long long event_id, enum notify_event e,
    enum notify_channel c, const char *rk)
{
	int n;

	if (e >= NE__MAX || c >= NC__MAX || rk == NULL || event_id < 0)
		return -1;
	n = snprintf(out, cap, "sl-%lld-%s-%s-%s", event_id, event_names[e], channel_names[c], rk);
	return n < 0 || (size_t)n >= cap ? -1 : n;
}

const char *
notify_mask_phone(struct arena *a, const char *phone)
{
	size_t i, n = phone != NULL ? strlen(phone) : 0;
	char *m = arena_alloc(a, n + 1);

	for (i = 0; i < n; i++)
		m[i] = (n >= 8 && (i < 3 || i >= n - 4)) ? phone[i] : '*';
	m[n] = '\0';
	return m;
}

const char *
notify_mask_digits(struct arena *a, const char *s)
{
	size_t i = 0, j, n = s != NULL ? strlen(s) : 0;
	char *m = arena_strndup(a, s != NULL ? s : "", n);

	while (i < n) {
		for (j = i; j < n && m[j] >= '0' && m[j] <= '9'; j++)
			;
		if (j - i >= 7) {
			const char *mk = notify_mask_phone(a, arena_strndup(a, m + i, j - i));

			memcpy(m + i, mk, j - i);
		}
		i = j > i ? j : i + 1;
	}
	return m;
}

/* Bytes of the UTF-8 sequence that starts with c (1 for a stray byte). */
static size_t
u8_len(unsigned char c)
{
	if (c >= 0xF0 && c < 0xF8)
		return 4;
	if (c >= 0xE0)
		return c < 0xF0 ? 3 : 1;
	if (c >= 0xC0)
		return 2;
	return 1;
}

size_t
notify_text_chars(const char *s)
{
	size_t n = 0, i = 0, len = strlen(s), k;

	while (i < len) {
		k = u8_len((unsigned char)s[i]);
		i += i + k <= len ? k : len - i;
		n++;
	}
	return n;
}

const char *
notify_text_limit(struct arena *a, const char *s, size_t max)
{
	size_t i = 0, n = 0, len = strlen(s), k;
	char *out;

	if (max < 1)
		max = 1;
	if (notify_text_chars(s) <= max)
		return s;
	while (i < len && n < max - 1) {   /* room for the ellipsis */
		k = u8_len((unsigned char)s[i]);
		if (i + k > len)
			break;
		i += k;
		n++;
	}
	out = arena_alloc(a, i + 4);
	memcpy(out, s, i);
	memcpy(out + i, "\xE2\x80\xA6", 4);   /* U+2026 and the NUL */
	return out;
}
