#include "ticket_state.h"

#include <string.h>

static const char *const status_names[TS__MAX] = {
	"new", "accepted", "assigned", "in_progress", "waiting_customer",
	"waiting_parts", "resolved", "closed", "reopened", "cancelled"
};

#define B(s) (1u << (s))

/* allowed[from] = set of statuses it may move to. */
static const unsigned allowed[TS__MAX] = {
	[TS_NEW]              = B(TS_ACCEPTED) | B(TS_ASSIGNED) | B(TS_CANCELLED),
	[TS_ACCEPTED]         = B(TS_ASSIGNED) | B(TS_WAITING_CUSTOMER) | B(TS_RESOLVED) |
	                        B(TS_CANCELLED),
	[TS_ASSIGNED]         = B(TS_IN_PROGRESS) | B(TS_ACCEPTED) | B(TS_WAITING_CUSTOMER) |
	                        B(TS_WAITING_PARTS) | B(TS_RESOLVED) | B(TS_CANCELLED),
	[TS_IN_PROGRESS]      = B(TS_WAITING_CUSTOMER) | B(TS_WAITING_PARTS) | B(TS_RESOLVED) |
	                        B(TS_ASSIGNED),
	[TS_WAITING_CUSTOMER] = B(TS_IN_PROGRESS) | B(TS_ACCEPTED) | B(TS_RESOLVED) |
	                        B(TS_CANCELLED),
	[TS_WAITING_PARTS]    = B(TS_IN_PROGRESS) | B(TS_RESOLVED),
	[TS_RESOLVED]         = B(TS_CLOSED) | B(TS_REOPENED),
	[TS_CLOSED]           = B(TS_REOPENED),
	[TS_REOPENED]         = B(TS_ASSIGNED) | B(TS_IN_PROGRESS) | B(TS_WAITING_CUSTOMER) |
	                        B(TS_RESOLVED),
	[TS_CANCELLED]        = 0,
};

const char *
ticket_status_name(enum ticket_status s)
{
	return s < TS__MAX ? status_names[s] : "";
}

enum ticket_status
ticket_status_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < TS__MAX; i++)
		if (strcmp(s, status_names[i]) == 0)
			return (enum ticket_status)i;
	return TS__MAX;
}

int
ticket_transition_ok(enum ticket_status from, enum ticket_status to)
{
	if (from >= TS__MAX || to >= TS__MAX)
		return 0;
	return (allowed[from] & B(to)) != 0;
}

int
ticket_next_statuses(enum ticket_status s, enum ticket_status out[TS__MAX])
{
	int i, n = 0;

	for (i = 0; i < TS__MAX; i++)
		if (ticket_transition_ok(s, (enum ticket_status)i))
			out[n++] = (enum ticket_status)i;
	return n;
}

int
ticket_status_open(enum ticket_status s)
{
	return s != TS_RESOLVED && s != TS_CLOSED && s != TS_CANCELLED && s < TS__MAX;
}

int
ticket_status_sla_paused(enum ticket_status s)
{
	return s == TS_WAITING_CUSTOMER;
}

int
ticket_status_needs_assignee(enum ticket_status s)
{
	return s == TS_ASSIGNED || s == TS_IN_PROGRESS || s == TS_WAITING_PARTS;
}

int
ticket_status_needs_reason(enum ticket_status s)
{
	return s == TS_REOPENED;
}

static const char *const priority_names[TP__MAX] = { "low", "normal", "high", "urgent" };

const char *
ticket_priority_name(enum ticket_priority p)
{
	return p < TP__MAX ? priority_names[p] : "";
}

enum ticket_priority
ticket_priority_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < TP__MAX; i++)
		if (strcmp(s, priority_names[i]) == 0)
			return (enum ticket_priority)i;
	return TP__MAX;
}

static const char *const channel_names[TC__MAX + 1] = { "web", "phone", "wechat", "api", "plan",
	"walkin", NULL };

const char *const *
ticket_channel_names(void)
{
	return channel_names;
}

const char *
ticket_channel_name(enum ticket_channel c)
{
	return c < TC__MAX ? channel_names[c] : "";
}

enum ticket_channel
ticket_channel_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < TC__MAX; i++)
		if (strcmp(s, channel_names[i]) == 0)
			return (enum ticket_channel)i;
	return TC__MAX;
}
