/* Templates of new journey maps (journey_tpl.c). */
#ifndef SL_JOURNEY_TPL_H
#define SL_JOURNEY_TPL_H

#include "journey.h"

struct journey_tpl_lane {
	const char *kind, *role, *zh, *en;
};
struct journey_tpl_metric {
	const char *key;
	int         has_target;
	double      target;
};
struct journey_tpl_stage {
	const char               *zh, *en;
	int                       emotion;
	struct journey_tpl_metric metrics[JOURNEY_MAX_METRICS];
};
struct journey_tpl {
	const char                     *zh, *en;
	const struct journey_tpl_stage *stages;   /* ends with zh == NULL */
};

extern const struct journey_tpl_lane journey_tpl_lanes[];   /* ends with kind == NULL */
extern const struct journey_tpl      journey_tpls[JOURNEY_TPL__MAX];

#endif
