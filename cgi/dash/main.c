/* dash: KPI dashboards over live service data, mounted at /dash/ by nginx.
 * Viewers, supervisors and admins only. */
#include "app.h"
#include "dash.h"
#include "i18n.h"

static const struct route routes[] = {
	{ "GET", "/dash/",           ROLES_MANAGER, 0, dash_home, NULL },
	{ "GET", "/dash/export.csv", ROLES_MANAGER, 0, dash_export, NULL },
};

static const struct i18n_msg msgs[] = {
	{ "D_TITLE",            "服务仪表盘",           "Service dashboard" },
	{ "D_PERIOD_SHOWN",     "统计期间",             "Period" },
	{ "D_COMPARED",         "对比上期",             "compared with" },
	{ "D_F_PERIOD",         "期间",                 "Period" },
	{ "D_F_MONTH",          "或按月份",             "or a month" },
	{ "D_F_MONTH_HINT",     "选了月份时以月份为准", "A month, when given, wins" },
	{ "D_F_CATEGORY",       "产品类别",             "Category" },
	{ "D_F_TEAM",           "服务团队",             "Team" },
	{ "D_F_CHANNEL",        "报修渠道",             "Channel" },
	{ "D_ALL",              "全部",                 "All" },
	{ "D_LAST_7",           "最近 7 天",            "Last 7 days" },
	{ "D_LAST_30",          "最近 30 天",           "Last 30 days" },
	{ "D_BY_MONTH",         "按月份（右侧选择）",   "By month (choose it)" },
	{ "D_MONTH_WINS",       "同时选了月份和天数，以月份为准：显示", "A month and a number of days were both chosen; the month wins: showing" },
	{ "D_MONTH_WINS_NOT",   "，而非“",            ", not “" },
	{ "D_MONTH_WINS_END",   "”。",                 "”." },
	{ "D_LAST_90",          "最近 90 天",           "Last 90 days" },
	{ "D_APPLY",            "查看",                 "Show" },
	{ "D_RESET",            "重置",                 "Reset" },
	{ "D_BUILDING",         "正在首次统计历史数据，较早日期的数字暂不完整。已完成",
	                        "Counting the history for the first time: earlier days are"
	                        " incomplete. Done:" },
	{ "D_KPIS",             "关键指标",             "Key figures" },
	{ "D_EXTERNAL",         "外部指标",             "External metrics" },
	{ "D_EXTERNAL_NOTE",    "来自其他系统（销售、会员、呼叫中心）的数据，同一期间与筛选条件。",
	                        "Figures of other systems (sales, membership, call centre) for the"
	                        " same period and filters." },
	{ "D_EXT_POINTS",       "数据点",               "points" },
	{ "D_EXT_AGG_sum",      "合计",                 "sum" },
	{ "D_EXT_AGG_avg",      "平均值",               "average" },
	{ "D_EXT_AGG_last",     "最新值",               "last value" },
	{ "D_EXT_NOT_BROKEN_DOWN", "此指标不按当前筛选的维度统计。",
	                        "This metric is not broken down by the chosen filter." },
	{ "D_PREV",             "上期",                 "before:" },
	{ "D_SAMPLE",           "样本数",               "sample" },
	{ "D_AUX_AVG",          "均值",                 "average" },
	{ "D_AUX_AGE",          "平均已等",             "average age" },
	{ "D_DEFINITION",       "口径",                 "Definition" },
	{ "D_TREND_NONE",       "无可比数据",           "nothing to compare" },
	{ "D_TREND_FLAT",       "持平",                 "unchanged" },
	{ "D_TREND_UP",         "上升",                 "up" },
	{ "D_TREND_DOWN",       "下降",                 "down" },
	{ "D_CHARTS",           "趋势",                 "Trends" },
	{ "D_CHART_VOLUME_DAY", "每日新建工单",         "Tickets created per day" },
	{ "D_CHART_VOLUME_WEEK","每周新建工单",         "Tickets created per week" },
	{ "D_CHART_SLA",        "时效达标率",           "SLA compliance" },
	{ "D_CHART_BACKLOG",    "积压工单（期末）",     "Backlog (at the end of each bucket)" },
	{ "D_NO_DATA",          "本期间没有数据。",     "No data in this period." },
	{ "D_BY_CATEGORY",      "按产品类别",           "By category" },
	{ "D_BY_TEAM",          "按服务团队",           "By team" },
	{ "D_NO_TEAM",          "（未分配团队）",       "(no team)" },
	{ "D_WARNINGS",         "最近预警",             "Recent complaint warnings" },
	{ "D_WARNINGS_NONE",    "本期间没有投诉预警。", "No complaint warnings in this period." },
	{ "D_W_NUMBER",         "工单号",               "Ticket" },
	{ "D_W_PHRASES",        "命中关键词",           "Matched" },
	{ "D_W_SOURCE",         "来源",                 "Source" },
	{ "D_W_AT",             "时间",                 "Time" },
	{ "D_RATINGS_RECENT",   "最近评价",             "Recent ratings" },
	{ "D_RATINGS_NONE",     "本期间没有客户评价。", "No ratings in this period." },
	{ "SURVEY_RATING_HEAD", "评分",                 "Rating" },
	{ "D_R_COMMENT",        "客户意见",             "Customer's comment" },
	{ "D_R_NO_COMMENT",     "未留言",               "no comment" },
	{ "D_FLAG_SRC_ticket",  "工单描述",             "Ticket description" },
	{ "D_FLAG_SRC_reply",   "客户回复",             "Customer reply" },
	{ "D_FLAG_SRC_survey",  "满意度评价",           "Survey comment" },
	{ "D_CSAT_BY_TECHNICIAN", "满意度 · 按技术员",  "Satisfaction by technician" },
	{ "D_CSAT_BY_CATEGORY", "满意度 · 按产品类别",  "Satisfaction by category" },
	{ "D_TECHNICIAN",       "技术员",               "Technician" },
	{ "D_NO_ASSIGNEE",      "（未指派）",           "(unassigned)" },
	{ "D_SURVEYS",          "评价数",               "Surveys" },
	{ "D_EXPORT",           "导出 CSV",             "Export CSV" },
	{ "D_CSV",              "CSV",                  "CSV" },
	{ "D_DRILL",            "查看这些工单",         "Show these tickets" },
	{ "D_EXPORT_ALL",       "导出全部指标（按日）",   "Export every metric (per day)" },
	{ "D_CSV_FROM",         "开始日期",             "From" },
	{ "D_CSV_TO",           "结束日期（含）",       "To (inclusive)" },
	{ "D_CSV_KEY",          "编号",                 "Key" },
	{ "D_CSV_NAME",         "名称",                 "Name" },
	{ "D_ERR_PERIOD",       "期间只能是 7、30 或 90 天。", "The period must be 7, 30 or 90 days." },
	{ "D_ERR_MONTH",        "月份格式应为 YYYY-MM(2000–2100 年）。",
	                        "A month is YYYY-MM (years 2000-2100)." },
	{ "D_ERR_FILTER",       "筛选条件无效（类别、团队或渠道不存在）。",
	                        "Invalid filter (no such category, team or channel)." },
	{ "D_ERR_METRIC",       "没有这个指标。",       "There is no such metric." },
	{ "D_ERR_TABLE",        "表格只能是 csat_by_technician 或 csat_by_category。",
	                        "The table is csat_by_technician or csat_by_category." },
	{ "D_ERR_BY",           "分组只能是 day、week、month、category、team 或 channel。",
	                        "Break down by day, week, month, category, team or channel." },
};

int
main(void)
{
	static const struct plugin p = {
		"dash", routes, sizeof(routes) / sizeof(routes[0]),
		msgs, sizeof(msgs) / sizeof(msgs[0])
	};
	return app_main(&p);
}
