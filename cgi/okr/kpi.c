/* GET /okr/kpi — placeholder until the KPI tree lands. */
#include "okr_pages.h"

int
okr_kpi_get(struct req *r)
{
	return resp_error(r, 404, "ERR_NOT_FOUND");
}
