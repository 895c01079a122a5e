/* The catalog of external metrics' problems (keys EXT_...), shared by the
 * API (intake) and the admin pages: registered by both at start-up. */
#include "ext_metric.h"
#include "i18n.h"

const struct i18n_msg ext_metric_msgs[] = {
	{ "EXT_ERR_KEY_FORMAT",   "键只能由 2 到 40 个小写字母、数字或下划线组成。",
	                          "The key must be 2 to 40 lower-case letters, digits or underscores." },
	{ "EXT_ERR_KEY_BUILTIN",  "此键已被内置指标使用。",   "A built-in metric has this key." },
	{ "EXT_ERR_KEY_TAKEN",    "已有指标使用此键。",       "Another metric has this key." },
	{ "EXT_ERR_TIME",         "时间须为 YYYY-MM-DD 或 RFC 3339 格式（如 2026-11-26T08:30:00+08:00）。",
	                          "The time must be YYYY-MM-DD or RFC 3339"
	                          " (e.g. 2026-11-26T08:30:00+08:00)." },
	{ "EXT_ERR_VALUE",        "须为一个数值（绝对值小于 10^15）。",
	                          "Must be a number (absolute value below 10^15)." },
	{ "EXT_ERR_PERCENT",      "百分比须在 0 到 100 之间。", "A percentage must be from 0 to 100." },
	{ "EXT_ERR_CATEGORY",     "没有这个产品类别（填写代码或编号）。",
	                          "No such category (give its code or id)." },
	{ "EXT_ERR_TEAM",         "没有这个班组（填写编号或名称）。",
	                          "No such team (give its id or name)." },
	{ "EXT_ERR_CHANNEL",      "渠道只能是 web、phone、wechat、api 或 plan。",
	                          "The channel must be web, phone, wechat, api or plan." },
	{ "EXT_ERR_DIM_NOT_DEFINED", "此指标没有定义这个维度。",
	                          "This metric has no such dimension." },
	{ "EXT_ERR_TYPE_STRING",  "须为文本。",               "Must be a string." },
	{ "EXT_ERR_TYPE_NUMBER",  "须为数值。",               "Must be a number." },
	{ "EXT_ERR_TYPE_OBJECT",  "每个数据点须为一个 JSON 对象。", "Each point must be a JSON object." },
	{ "EXT_ERR_UNKNOWN_FIELD","不支持的字段。",           "Unknown field." },
	{ "EXT_ERR_CSV_COLUMN",   "不认识的列名（可用：at、value、category、team、channel）。",
	                          "Unknown column (use at, value, category, team, channel)." },
	{ "EXT_ERR_CSV_COLUMN_TWICE", "列名重复。",           "A column appears twice." },
	{ "EXT_ERR_CSV_NO_COLUMN","缺少必需的列 at 或 value。", "The columns at and value are required." },
	{ "EXT_ERR_CSV_QUOTE",    "引号没有闭合。",           "A quote is not closed." },
	{ "EXT_ERR_CSV_EMPTY",    "文件中没有数据行。",       "The file has no data rows." },
	{ "EXT_ERR_CSV_TOO_MANY", "一次最多导入 10000 个数据点。", "At most 10,000 points at a time." },
	{ "EXT_ERR_CSV_FIELDS",   "这一行的列数与表头不同。", "This row has another number of fields than the header." },
};
const size_t ext_metric_nmsgs = sizeof(ext_metric_msgs) / sizeof(ext_metric_msgs[0]);
