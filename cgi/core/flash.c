/* Confirmations after an action (flash.h). */
#include "flash.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

static const struct flash {
	const char *key, *msg, *anchor;
} flashes[] = {
	{ "created",     "FLASH_CREATED",     "assign" },
	{ "status",      "FLASH_STATUS",      "status" },
	{ "assigned",    "FLASH_ASSIGNED",    "assign" },
	{ "dispatched",  "FLASH_DISPATCHED",  "assign" },
	{ "priority",    "FLASH_PRIORITY",    "priority" },
	{ "reply",       "FLASH_REPLY",       "reply" },
	{ "note",        "FLASH_NOTE",        "reply" },
	{ "closed",      "FLASH_CLOSED",      "status" },
	{ "reopened",    "FLASH_REOPENED",    "status" },
	{ "arrived",     "FLASH_ARRIVED",     "visit" },
	{ "finished",    "FLASH_FINISHED",    "visit" },
	{ "appointment", "FLASH_APPOINTMENT", "job" },
	{ "completed",   "FLASH_COMPLETED",   "complete" },
	{ "confirmed",   "FLASH_CONFIRMED",   "confirm" },
	{ "kb_saved",    "FLASH_KB_SAVED",    "article" },
	{ "customer_reply",    "FLASH_CUSTOMER_REPLY",    "reply" },
	{ "customer_reopened", "FLASH_CUSTOMER_REOPENED", "reply" },
};

static const struct flash *
flash_find(const char *k)
{
	size_t i;

	if (k == NULL)
		return NULL;
	for (i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++)
		if (strcmp(k, flashes[i].key) == 0)
			return &flashes[i];
	return NULL;
}

const char *
flash_msg_key(const char *k)
{
	const struct flash *f = flash_find(k);

	return f != NULL ? f->msg : NULL;
}

const char *
flash_anchor(const char *k)
{
	const struct flash *f = flash_find(k);

	return f != NULL ? f->anchor : NULL;
}

const char *
flash_url(struct req *r, const char *path, const char *k)
{
	const struct flash *f = flash_find(k);

	if (f == NULL)
		return path;
	return arena_printf(r->a, "%s?done=%s#%s", path, f->key, f->anchor);
}

int
flash_known(const char *k)
{
	return flash_msg_key(k) != NULL;
}

const char *
flash_fill(struct req *r, tmpl_dict *d)
{
	const struct flash *f = flash_find(req_query(r, "done"));
	const char *at;

	if (f == NULL)
		return NULL;
	at = arena_printf(r->a, "FLASH_AT_%s", f->anchor);
	tmpl_set(tmpl_add_section(d, "FLASH"), "MSG", i18n(r->lang, f->msg));
	tmpl_set(tmpl_add_section(d, at), "MSG", i18n(r->lang, f->msg));
	return at;
}
