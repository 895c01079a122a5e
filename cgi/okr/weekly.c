/* GET /okr/weekly — placeholder until the weekly report lands. */
#include "okr_pages.h"

int
okr_weekly_get(struct req *r)
{
	return resp_error(r, 404, "ERR_NOT_FOUND");
}
