/* The templates of new journey maps: the lanes every map starts with (a
 * service blueprint) and the stages of each template with the metrics
 * they bind. Used by journey_create() (journey_db.c). */
#include "journey_tpl.h"

#include <stddef.h>

const struct journey_tpl_lane journey_tpl_lanes[] = {
	{ "text",       "actions",     "客户行为",   "Customer actions" },
	{ "text",       "touchpoints", "触点/渠道",  "Touchpoints" },
	{ "text",       "thoughts",    "想法与原话", "Thoughts and quotes" },
	{ "emotion",    "emotion",     "情绪",       "Emotion" },
	{ "text",       "pain",        "痛点",       "Pain points" },
	{ "text",       "opportunity", "机会点",     "Opportunities" },
	{ "text",       "frontstage",  "前台（员工）", "Frontstage (staff)" },
	{ "visibility", "visibility",  "可视分界线", "Line of visibility" },
	{ "text",       "backstage",   "后台",       "Backstage" },
	{ "text",       "support",     "支持系统",   "Support systems" },
	{ "metrics",    "metrics",     "指标",       "Metrics" },
	{ NULL, NULL, NULL, NULL }
};

/* Targets are the demo service's goals; a manager changes them per map. */
static const struct journey_tpl_stage repair[] = {
	{ "发现故障", "Fault noticed",   -1, { { NULL, 0, 0 } } },
	{ "提交报修", "Repair request",   0, { { NULL, 0, 0 } } },
	{ "受理",     "Accepted",         0, { { "time_to_accept", 1, 30 },
	                                       { "first_response_compliance", 1, 95 } } },
	{ "派工",     "Dispatched",      -1, { { "time_to_dispatch", 1, 120 } } },
	{ "上门",     "On site",          1, { { "time_to_arrival", 1, 24 } } },
	{ "维修",     "Repaired",         1, { { "time_to_resolve", 1, 48 },
	                                       { "first_time_fix", 1, 85 },
	                                       { "waiting_parts", 1, 24 } } },
	{ "回访评价", "Follow-up",        1, { { "survey_response_rate", 1, 60 },
	                                       { "csat", 1, 4.5 },
	                                       { "complaints", 1, 0 } } },
	{ NULL, NULL, 0, { { NULL, 0, 0 } } }
};

/* AARRR of a membership programme, bound to external metrics (sales,
 * membership and call-centre figures other systems push): a key not
 * defined by an admin yet is left out when the map is made. */
static const struct journey_tpl_stage membership[] = {
	{ "认知",     "Awareness",  0, { { "member_reach", 0, 0 } } },
	{ "体验检测", "Free check", 1, { { "member_checks", 0, 0 } } },
	{ "咨询",     "Enquiry",    0, { { "member_enquiries", 0, 0 } } },
	{ "购买",     "Purchase",   1, { { "member_signups", 0, 0 } } },
	{ "复购",     "Repurchase", 0, { { "member_renewal_rate", 0, 0 } } },
	{ "转介绍",   "Referral",   1, { { "member_referrals", 0, 0 } } },
	{ NULL, NULL, 0, { { NULL, 0, 0 } } }
};

static const struct journey_tpl_stage blank[] = {
	{ "阶段 1", "Stage 1", 0, { { NULL, 0, 0 } } },
	{ "阶段 2", "Stage 2", 0, { { NULL, 0, 0 } } },
	{ "阶段 3", "Stage 3", 0, { { NULL, 0, 0 } } },
	{ NULL, NULL, 0, { { NULL, 0, 0 } } }
};

const struct journey_tpl journey_tpls[JOURNEY_TPL__MAX] = {
	[JOURNEY_TPL_BLANK]      = { "新旅程",           "New journey",          blank },
	[JOURNEY_TPL_REPAIR]     = { "家电维修客户旅程", "Appliance repair journey", repair },
	[JOURNEY_TPL_MEMBERSHIP] = { "会员旅程（AARRR)", "Membership journey (AARRR)", membership },
};
