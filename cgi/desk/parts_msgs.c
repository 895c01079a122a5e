/* The catalog of the spare-parts pages: keys P_*. */
#include "desk.h"

const struct i18n_msg desk_msgs_parts[] = {
	/* titles and navigation */
	{ "P_PARTS",             "备件",                  "Spare parts" },
	{ "P_LIST_TITLE",        "备件目录",              "Spare parts" },
	{ "P_NEW_TITLE",         "新建备件",              "New part" },
	{ "P_EDIT_TITLE",        "编辑备件",              "Edit part" },
	{ "P_PART_TITLE",        "备件",                  "Spare part" },
	{ "P_TICKET_TITLE",      "工单备件",              "Parts of ticket" },
	{ "P_BACK",              "返回",                  "Back" },
	{ "P_BACK_TICKET",       "返回工单",              "Back to ticket" },

	/* list */
	{ "P_ALERTS",            "补货提醒",              "Reorder alerts" },
	{ "P_ALERTS_ONLY",       "只看补货提醒",          "Reorder alerts only" },
	{ "P_SHOW_ALL",          "显示全部备件",          "Show all parts" },
	{ "P_SEARCH",            "搜索",                  "Search" },
	{ "P_SEARCH_HINT",       "SKU 或名称",            "SKU or name" },
	{ "P_LIST_EMPTY",        "还没有备件。",          "No parts yet." },
	{ "P_LIST_NO_MATCH",     "没有符合条件的备件。",  "No part matches." },
	{ "P_LIST_TRUNCATED",    "只显示前 500 个，请缩小搜索范围。",
	                         "Only the first 500 are shown: narrow the search." },
	{ "P_STATE",             "状态",                  "State" },
	{ "P_ALERT",             "需补货",                "Reorder" },
	{ "P_INACTIVE",          "已停用",                "Inactive" },

	/* catalogue fields */
	{ "P_SKU",               "SKU",                   "SKU" },
	{ "P_SKU_HINT",          "字母、数字和 - _ . /，最多 64 个字符，不能重复。",
	                         "Letters, digits and - _ . /, at most 64 characters, unique." },
	{ "P_NAME",              "名称",                  "Name" },
	{ "P_NAME_ZH",           "中文名称",              "Chinese name" },
	{ "P_NAME_EN",           "英文名称",              "English name" },
	{ "P_OPTIONAL",          "（选填）",              "(optional)" },
	{ "P_CATEGORY",          "适用类别",              "Category" },
	{ "P_CATEGORY_NONE",     "通用",                  "Any" },
	{ "P_UNIT",              "单位",                  "Unit" },
	{ "P_UNIT_DEFAULT",      "个",                    "pcs" },
	{ "P_UNIT_COST",         "单价（元）",            "Unit cost (CNY)" },
	{ "P_REORDER_LEVEL",     "补货点",                "Reorder level" },
	{ "P_REORDER_QTY",       "补货批量",              "Reorder quantity" },
	{ "P_REORDER_HINT",      "总库存小于等于补货点时提醒补货。",
	                         "A reorder alert shows when the total stock is at or below the reorder "
	                         "level." },
	{ "P_LEAD_TIME",         "采购周期（天）",        "Lead time (days)" },
	{ "P_ACTIVE",            "在用（停用后不能再领用）", "Active (an inactive part cannot be "
	                         "used)" },
	{ "P_CREATE",            "创建备件",              "Create part" },
	{ "P_CREATED",           "创建时间",              "Created" },

	/* stock */
	{ "P_STOCK_TOTAL",       "总库存",                "Total stock" },
	{ "P_STOCK_BY_LOCATION", "各库位库存",            "Stock by location" },
	{ "P_LOCATION",          "库位",                  "Location" },
	{ "P_FROM_LOCATION",     "出库库位",              "Take from" },
	{ "P_TO_LOCATION",       "调入库位",              "Transfer to" },
	{ "P_TO_LOCATION_HINT",  "（仅调拨）",              "(transfers only)" },
	{ "P_QTY",               "数量",                  "Quantity" },
	{ "P_QTY_HINT",          "入库、调拨填正数；盘点调整可填负数（如 -2）。",
	                         "Receive and transfer: a positive number; a stock-take adjustment may be "
	                         "negative (e.g. -2)." },
	{ "P_UPDATED",           "更新时间",              "Updated" },
	{ "P_STOCK_FORM",        "入库 / 调整 / 调拨",    "Receive / adjust / transfer" },
	{ "P_ACTION",            "操作",                  "Action" },
	{ "P_ACTION_receive",    "入库",                  "Receive" },
	{ "P_ACTION_adjust",     "盘点调整",              "Stock-take adjustment" },
	{ "P_ACTION_transfer",   "调拨",                  "Transfer" },
	{ "P_NOTE",              "说明",                  "Note" },
	{ "P_NOTE_HINT",         "（盘点调整必填原因）",    "(required for an adjustment: why)" },
	{ "P_STOCK_SUBMIT",      "提交",                  "Submit" },

	/* movements */
	{ "P_MOVES",             "库存变动",              "Stock movements" },
	{ "P_MOVES_NONE",        "还没有库存变动。",      "No stock movements yet." },
	{ "P_MOVES_LATEST",      "显示最近 50 条。",      "The latest 50 are shown." },
	{ "P_AT",                "时间",                  "When" },
	{ "P_DELTA",             "变动",                  "Change" },
	{ "P_REASON",            "原因",                  "Reason" },
	{ "P_REASON_receive",    "入库",                  "Received" },
	{ "P_REASON_use",        "工单领用",              "Used on ticket" },
	{ "P_REASON_adjust",     "盘点调整",              "Adjusted" },
	{ "P_REASON_transfer",   "调拨",                  "Transfer" },
	{ "P_WHO",               "操作人",                "By" },

	/* usage and forecast */
	{ "P_USAGE",             "近 12 个月用量",        "Usage, last 12 months" },
	{ "P_MONTH",             "月份",                  "Month" },
	{ "P_USED",              "用量",                  "Used" },
	{ "P_MONTH_RUNNING",     "（本月至今）",          "(month to date)" },
	{ "P_FORECAST",          "需求预测",              "Demand forecast" },
	{ "P_FC_BASED_ON",       "依据",                  "from" },
	{ "P_FC_MONTHS",         "个完整月",              "complete months" },
	{ "P_FC_NONE",           "还没有完整月份的用量记录，暂无预测。",
	                         "No complete month of usage yet: no forecast." },
	{ "P_FC_NEXT",           "本月预测用量",          "Forecast for this month" },
	{ "P_FC_MONTHS_UNIT",    "个月",                  "months" },
	{ "P_FC_QTY",            "预测用量",              "Forecast" },
	{ "P_FC_SIGMA",          "预测误差（σ)",         "Forecast error (σ)" },
	{ "P_FC_LEAD",           "采购周期",              "Lead time" },
	{ "P_FC_LEAD_DEMAND",    "采购周期内需求",        "Demand over the lead time" },
	{ "P_FC_SAFETY",         "安全库存",              "Safety stock" },
	{ "P_FC_SUGGEST",        "建议补货量",            "Suggested order" },
	{ "P_FC_M_none",         "无历史数据",            "No history" },
	{ "P_FC_M_sma",          "简单移动平均",          "Simple moving average" },
	{ "P_FC_M_holt",         "Holt 双指数平滑",       "Holt's double exponential smoothing" },
	{ "P_FC_M_croston",      "Croston 间歇需求法",    "Croston's method (intermittent demand)" },
	{ "P_FC_X_none",         "该备件还没有完整月份的领用记录。",
	                         "This part has no complete month of use yet." },
	{ "P_FC_X_sma",          "历史不足 3 个月：取已有月份用量的平均值。",
	                         "Less than 3 months of history: the average of the months there are." },
	{ "P_FC_X_holt",         "Holt 线性指数平滑：水平 α = 0.5，趋势 β = "
	                         "0.3（固定参数），预测 = 水平 + 月数 × 趋势，不低于 0。",
	                         "Holt's linear exponential smoothing: level α = 0.5, trend β = 0.3 "
	                         "(fixed), forecast = level + months × trend, never below 0." },
	{ "P_FC_X_croston",      "超过一半的月份没有用量（间歇需求）：Croston "
	                         "法分别平滑每次用量和间隔月数（α = 0.1），每月预测 = "
	                         "平均用量 ÷ 平均间隔。",
	                         "More than half of the months without use (intermittent demand): "
	                         "Croston's method smooths the size of each use and the months between "
	                         "uses separately (α = 0.1); forecast per month = size ÷ interval." },
	{ "P_FC_SUGGEST_EXPLAIN", "建议补货量 = 采购周期内预测需求 + 安全库存（z × σ "
	                         "× √采购周期月数）− 当前总库存，不低于 0。",
	                         "Suggested order = forecast demand over the lead time + safety stock (z "
	                         "× σ × √lead time in months) − total stock, never below 0." },

	/* parts on a ticket */
	{ "P_TICKET_PARTS",      "使用备件",              "Parts used" },
	{ "P_TICKET_NONE",       "这张工单还没有使用备件。", "No parts used on this ticket "
	                         "yet." },
	{ "P_TICKET_CLOSED",     "工单已关闭或取消，不能再登记备件。",
	                         "The ticket is closed or cancelled: no more parts can be recorded." },
	{ "P_PART",              "备件",                  "Part" },
	{ "P_CHOOSE",            "— 请选择 —",            "— choose —" },
	{ "P_IN_STOCK",          "库存",                  "in stock" },
	{ "P_PICK",              "备件与出库库位",        "Part and location" },
	{ "P_OUT_OF_STOCK",      "0 — 缺货",              "0 — out of stock" },
	{ "P_FITS_SUFFIX",       " · 本类别",             " · this category" },
	{ "P_NEAR",              "就近",                  "nearby" },
	{ "P_HINT_CATEGORY",     "先列出适用于本工单类别的备件：", "Parts for this ticket's category come first: " },
	{ "P_HINT_NEAR",         "离技术员最近的库位排在前面：", "The technician's nearest location comes first: " },
	{ "P_HINT_EMPTY",        "库存为 0 的库位不可选。", "Locations with no stock cannot be picked." },
	{ "P_DONE",              "已登记使用：",          "Recorded: " },
	{ "P_CATS_TITLE",        "适用类别",              "Fits categories" },
	{ "P_CATS_NONE",         "尚未关联类别。",        "Not tied to a category yet." },
	{ "P_CATS_HINT",         "工单领用备件时，先列出适用于该工单类别的备件。",
	                         "On a ticket, the parts of its category are listed first." },
	{ "P_CATS_EDIT",         "选择适用的类别",        "Choose the categories it fits" },
	{ "P_CATS_SUBMIT",       "保存适用类别",          "Save categories" },
	{ "P_CATS_SAVED",        "适用类别已保存。",      "Categories saved." },
	{ "P_USE_SUBMIT",        "登记使用",              "Record use" },

	/* problems */
	{ "P_ERR_NOT_FOUND",     "找不到这个备件。",      "There is no such part." },
	{ "P_ERR_TICKET_NOT_FOUND", "找不到这张工单。",   "There is no such ticket." },
	{ "P_ERR_TICKET_CLOSED", "工单已关闭或取消，不能再登记备件。",
	                         "The ticket is closed or cancelled: no parts can be recorded." },
	{ "P_ERR_BUSY",          "系统繁忙，请重试。",    "The system is busy. Please try again." },
	{ "P_ERR_SKU",           "SKU 只能包含字母、数字和 - _ . /。", "A SKU has only "
	                         "letters, digits and - _ . /." },
	{ "P_ERR_SKU_TAKEN",     "这个 SKU 已存在。",     "This SKU already exists." },
	{ "P_ERR_COST",          "请填写金额，如 12.50（最多两位小数）。", "Enter an amount "
	                         "such as 12.50 (at most two decimals)." },
	{ "P_ERR_COUNT",         "请填写 0 到 1000000 之间的整数。", "Enter a whole number from "
	                         "0 to 1000000." },
	{ "P_ERR_LEAD",          "请填写 0 到 365 之间的天数。", "Enter a number of days from 0 "
	                         "to 365." },
	{ "P_ERR_CATEGORY",      "请选择列表中的类别。",  "Choose a category of the list." },
	{ "P_ERR_LOCATION",      "请选择列表中的库位。",  "Choose a location of the list." },
	{ "P_ERR_SAME_LOCATION", "调入库位不能与出库库位相同。", "Transfer to another "
	                         "location." },
	{ "P_ERR_QTY",           "请填写 1 到 1000000 之间的整数。", "Enter a whole number from "
	                         "1 to 1000000." },
	{ "P_ERR_ADJUST_QTY",    "请填写非零整数（-1000000 到 1000000）。", "Enter a non-zero "
	                         "whole number (-1000000 to 1000000)." },
	{ "P_ERR_NOTE_REQUIRED", "盘点调整请填写原因。",  "Say why the stock is adjusted." },
	{ "P_ERR_NO_STOCK",      "库存不足",              "Not enough stock" },
	{ "P_ERR_PICK",          "请从列表中选择有库存的备件和库位。",
	                         "Choose a part and a location with stock from the list." },
	{ "P_ERR_PART",          "请选择列表中的备件。",  "Choose a part of the list." },
	{ "P_ERR_USE_QTY",       "请填写 1 到 9999 之间的整数。", "Enter a whole number from 1 "
	                         "to 9999." },
};

const size_t desk_nmsgs_parts = sizeof(desk_msgs_parts) / sizeof(desk_msgs_parts[0]);
