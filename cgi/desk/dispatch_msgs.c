/* The catalog of the auto-dispatch explanation: keys DW_*. */
#include "dispatch_why.h"

const struct i18n_msg desk_msgs_dispatch[] = {
	{ "DW_TITLE",            "自动派工依据",          "Why auto-dispatch chose this technician" },
	{ "DW_NO_SKILL_PRE",     "另有 ",                 "" },
	{ "DW_NO_SKILL_POST",    " 名技术员没有该类别的技能", " more without a skill for the category" },
	{ "DW_CHOSEN",           "派给",                  "Assigned to" },
	{ "DW_SKILL",            "技能",                  "Skill" },
	{ "DW_SKILL_FOR",        "具备该类别的技能：",    "Has a skill for the category: " },
	{ "DW_REGION",           "区域",                  "Region" },
	{ "DW_REGION_MATCH",     "服务区域与地址匹配：",  "Service region matches the address: " },
	{ "DW_LEVEL_OPEN",       "（第 ",                 " (level " },
	{ "DW_LEVEL_CLOSE",      " 级）",                 ")" },
	{ "DW_REGION_NONE_TEXT", "无人的服务区域与地址匹配，按负载选择",
	                         "Nobody's region matches the address: chosen by load" },
	{ "DW_LOAD",             "负载",                  "Load" },
	{ "DW_LOAD_TEXT",        "派工时未完成工单数：",  "Open tickets at the time: " },
	{ "DW_RULE",            "规则：先看技能，再看区域（越具体越优先），再看未完成工单数，最后账号较早者优先。",
	                         "Rule: skill first, then region (the more specific the better), then fewest open tickets, then the earlier account." },
	{ "DW_OTHERS",           "其他候选人",            "Other candidates" },
	{ "DW_NO_OTHERS_TEXT",   "没有其他在职技术员。",  "No other active technician." },
	{ "DW_REGION_COL",       "服务区域",              "Region" },
	{ "DW_OPEN_COL",         "未完成工单",            "Open tickets" },
	{ "DW_WHY_NOT",          "未选原因：",            "Why not: " },
	{ "DW_REASON_chosen",    "已选中",                "chosen" },
	{ "DW_REASON_no_skill",  "无该类别技能",          "no skill for the category" },
	{ "DW_REASON_region",    "服务区域与地址不匹配",  "region does not match the address" },
	{ "DW_REASON_region_less", "区域不如入选者具体",  "region less specific" },
	{ "DW_REASON_load",      "未完成工单更多",        "more open tickets" },
	{ "DW_REASON_tie",       "条件相同，账号较早者优先",
	                         "equal: the earlier account wins" },
};
const size_t desk_nmsgs_dispatch = sizeof(desk_msgs_dispatch) / sizeof(desk_msgs_dispatch[0]);
