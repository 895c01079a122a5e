/* Confirmations after an action (flash.h). */
#include "flash.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"

#include <string.h>

static const struct {
	const char *key, *msg;
} flashes[] = {
	{ "status",      "FLASH_STATUS" },
	{ "assigned",    "FLASH_ASSIGNED" },
	{ "dispatched",  "FLASH_DISPATCHED" },
	{ "priority",    "FLASH_PRIORITY" },
	{ "reply",       "FLASH_REPLY" },
	{ "note",        "FLASH_NOTE" },
	{ "arrived",     "FLASH_ARRIVED" },
	{ "finished",    "FLASH_FINISHED" },
	{ "appointment", "FLASH_APPOINTMENT" },
	{ "completed",   "FLASH_COMPLETED" },
	{ "confirmed",   "FLASH_CONFIRMED" },
};

const char *
flash_msg_key(const char *k)
{
	size_t i;

	if (k == NULL)
		return NULL;
	for (i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++)
		if (strcmp(k, flashes[i].key) == 0)
			return flashes[i].msg;
	return NULL;
}

int
flash_known(const char *k)
{
	return flash_msg_key(k) != NULL;
}

void
flash_fill(struct req *r, tmpl_dict *d)
{
	const char *msg = flash_msg_key(req_query(r, "done"));

	if (msg != NULL)
		tmpl_set(tmpl_add_section(d, "FLASH"), "MSG", i18n(r->lang, msg));
}
