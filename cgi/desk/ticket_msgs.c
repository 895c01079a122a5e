/* The catalog of the desk's ticket pages (ticket, actions, attachments, my
 * work orders): keys T_*. Statuses, priorities and channels are the core's
 * STATUS_*, PRIORITY_*, CHANNEL_*. */
#include "desk.h"

const struct i18n_msg desk_msgs_ticket[] = {
	/* the page */
	{ "T_TITLE",             "工单",                  "Ticket" },
	{ "T_BACK_QUEUE",        "工单队列",              "Queue" },
	{ "T_RELOAD",            "重新加载工单",          "Reload the ticket" },
	{ "T_COLON",             "：",                    ": " },
	{ "T_CHOOSE",            "— 请选择 —",            "— choose —" },
	{ "T_LINK_PARTS",        "备件使用",              "Spare parts used" },
	{ "T_LINK_KB",           "相关知识",              "Related knowledge" },
	{ "T_TZ",                "北京时间",              "China time" },
	{ "T_NOT_SET",           "未填写",                "not given" },
	{ "T_CATEGORY",          "类别",                  "Category" },
	{ "T_CHANNEL",           "来源",                  "Channel" },
	{ "T_CREATED",           "创建",                  "Created" },
	{ "T_UPDATED",           "更新",                  "Updated" },
	{ "T_CUSTOMER",          "客户",                  "Customer" },
	{ "T_PHONE",             "电话",                  "Phone" },
	{ "T_CALL",              "拨打",                  "Call" },
	{ "T_EMAIL",             "邮箱",                  "E-mail" },
	{ "T_ADDRESS",           "地址",                  "Address" },
	{ "T_PRODUCT",           "产品型号",              "Product" },
	{ "T_SERIAL",            "序列号",                "Serial number" },
	{ "T_ASSIGNEE",          "技术员",                "Technician" },
	{ "T_TEAM",              "班组",                  "Team" },
	{ "T_TRACK_LINK",        "客户查询链接",          "Customer's tracking link" },
	{ "T_UNASSIGNED",        "未派工",                "Not assigned" },
	{ "T_DESCRIPTION",       "故障描述",              "Description" },
	{ "T_PHOTOS",            "照片",                  "Photos" },
	{ "T_PHOTO_OPEN",        "查看原图",              "Open the photo" },
	{ "T_REPLY_PHOTOS",      "照片（选填）",           "Photos (optional)" },
	{ "T_REPLY_PHOTOS_HINT", "最多 3 张，JPEG、PNG 或 WebP，每张不超过 5 MB；对外回复的照片客户也能看到。",
	                         "Up to 3, JPEG, PNG or WebP, 5 MB each; the customer sees the photos"
	                         " of a public reply." },

	/* complaint early warning */
	{ "T_FLAGS",             "投诉预警",              "Complaint risk" },
	{ "T_SURVEY",            "客户评价",              "Customer's rating" },
	{ "T_SURVEY_NO_COMMENT", "客户没有留言。",        "The customer left no comment." },
	{ "T_FLAGS_NOTE",        "客户写的内容命中了预警关键词，请优先跟进。",
	                         "What the customer wrote matched a warning keyword: follow up first." },
	{ "T_FLAG_PHRASE",       "关键词",                "Keyword" },
	{ "T_FLAG_SOURCE",       "出处",                  "Where" },
	{ "T_FLAG_AT",           "时间",                  "When" },
	{ "T_FLAG_SRC_ticket",   "工单描述",              "Ticket description" },
	{ "T_FLAG_SRC_reply",    "客户回复",              "Customer reply" },
	{ "T_FLAG_SRC_survey",   "满意度评价",            "Satisfaction survey" },
	{ "T_FLAGS_TRUNCATED",   "只显示最早的 100 条。", "The first 100 are shown." },

	/* SLA */
	{ "T_SLA",               "服务时限（SLA)",       "Service level (SLA)" },
	{ "T_FR_DUE",            "首次响应时限",          "First response due" },
	{ "T_FR_DONE",           "首次响应",              "First response" },
	{ "T_FR_PENDING",        "尚未响应",              "Not yet" },
	{ "T_RES_DUE",           "解决时限",              "Resolve by" },
	{ "T_RES_DONE",          "解决时间",              "Resolved" },
	{ "T_CLOSED_AT",         "关闭时间",              "Closed" },
	{ "T_LATE",              "已超时",                "Overdue" },
	{ "T_SLA_PAUSED",        "等待客户反馈，SLA 计时已暂停，自",
	                         "Waiting for the customer: the SLA clock is paused since" },

	/* timeline */
	{ "T_TIMELINE",          "处理记录",              "Timeline" },
	{ "T_PUBLIC",            "客户可见",              "Customer sees it" },
	{ "T_INTERNAL",          "仅内部",                "Internal" },
	{ "T_EVENTS_TRUNCATED",  "记录太多，只显示最早的 2000 条。", "Too many events: the first 2000 are shown." },
	{ "T_EV_created",        "创建工单",              "created the ticket" },
	{ "T_EV_status",         "变更状态",              "changed the status" },
	{ "T_EV_assigned",       "派工",                  "assigned" },
	{ "T_EV_reassigned",     "改派",                  "reassigned" },
	{ "T_EV_reply",          "公开回复",              "replied" },
	{ "T_EV_note",           "内部备注",              "added an internal note" },
	{ "T_EV_visit_arrive",   "到达现场",              "arrived on site" },
	{ "T_EV_visit_finish",   "结束上门",              "finished the visit" },
	{ "T_EV_priority",       "修改优先级",            "changed the priority" },
	{ "T_EV_customer_reply", "补充信息",              "added information" },
	{ "T_EV_sla",            "SLA 提醒",              "SLA alert" },
	{ "T_EV_appointment",    "预约上门时间",          "set the visit time" },
	{ "T_EV_completion",     "完工",                  "completed the job" },
	{ "T_EV_confirmed",      "确认已修好",            "confirmed the repair" },
	{ "T_ACTOR_customer",    "客户",                  "Customer" },
	{ "T_ACTOR_system",      "系统",                  "System" },
	{ "T_ACTOR_api",         "系统接口",              "API" },
	{ "T_ACTOR_STAFF",       "员工",                  "Staff" },

	/* visits */
	{ "T_VISITS",            "上门服务",              "Visits" },
	{ "T_VISIT_ARRIVED",     "到达",                  "Arrived" },
	{ "T_VISIT_FINISHED",    "结束",                  "Finished" },
	{ "T_VISIT_ON_SITE",     "在现场",                "On site" },
	{ "T_VISIT_ARRIVE",      "我已到达现场",          "I have arrived" },
	{ "T_VISIT_ARRIVE_HINT", "记录到达时间；工单转为“处理中”。",
	                         "Records the time; the ticket goes to “in progress”." },
	{ "T_VISIT_NOTES",       "上门记录（处理情况、更换的配件）",
	                         "Visit notes (what was done, parts replaced)" },
	{ "T_VISIT_FINISH",      "结束本次上门",          "Finish this visit" },

	/* status */
	{ "T_STATUS_TITLE",      "变更状态",              "Change the status" },
	{ "T_STATUS_NEW",        "新状态",                "New status" },
	{ "T_STATUS_NOTE",       "备注（选填，客户看不到）", "Note (optional, the customer does not see it)" },
	{ "T_STATUS_SUBMIT",     "更新状态",              "Update the status" },
	{ "T_STATUS_NONE",       "该工单已结束，状态不能再变更。", "This ticket is finished: its status cannot change." },

	/* assign, dispatch, priority */
	{ "T_ASSIGN_TITLE",      "派工",                  "Assign" },
	{ "T_ASSIGN_NOBODY",     "— 不指定 —",            "— none —" },
	{ "T_ASSIGN_HINT",       "只选技术员时，班组为其所在班组；只选班组时，工单进入该班组。",
	                         "With only a technician, the team is theirs; "
	                         "with only a team, the ticket goes to that team." },
	{ "T_ASSIGN_SUBMIT",     "派工",                  "Assign" },
	{ "T_DISPATCH_SUBMIT",   "自动派工",              "Dispatch automatically" },
	{ "T_DISPATCH_HINT",     "按类别技能、所在区域和当前工作量选择技术员。",
	                         "Picks a technician by skill for the category, "
	                         "region and current load." },
	{ "T_PRIORITY_TITLE",    "优先级",                "Priority" },
	{ "T_PRIORITY_SUBMIT",   "修改优先级",            "Change the priority" },
	{ "T_PRIORITY_HINT",     "SLA 时限按新优先级重新计算。", "The SLA due times follow the new priority." },

	/* reply */
	{ "T_REPLY_TITLE",       "回复 / 内部备注",       "Reply / internal note" },
	{ "T_REPLY_BODY",        "内容",                  "Text" },
	{ "T_VISIBILITY",        "谁能看到",              "Who sees it" },
	{ "T_VIS_PUBLIC",        "公开回复（客户在查询页可见）",
	                         "Public reply (shown on the customer's tracking page)" },
	{ "T_VIS_INTERNAL",      "内部备注（仅员工可见）",  "Internal note (staff only)" },
	{ "T_REPLY_SUBMIT",      "提交",                  "Send" },

	/* my work orders */
	{ "T_MY_TITLE",          "我的工单",              "My work orders" },
	{ "T_MY_COUNT",          "未完成",                "Open" },
	{ "T_MY_EMPTY",          "目前没有分配给您的未完成工单。", "No open work orders are assigned to you." },
	{ "T_MY_DUE",            "解决时限",              "Resolve by" },
	{ "T_MY_OPEN",           "打开工单",              "Open" },
	{ "T_MY_PAUSED",         "等待客户",              "Waiting for customer" },

	/* problems */
	{ "T_ERR_NOT_FOUND",     "找不到这个工单。",      "This ticket does not exist." },
	{ "T_ERR_CONFLICT",      "该工单已被其他人修改，您的操作没有保存。"
	                         "下面是工单的最新内容，请核对后重新操作。",
	                         "Someone else changed this ticket, so your change was not saved. "
	                         "The ticket as it is now is shown below: check it and try again." },
	{ "T_ERR_TRANSITION",    "当前状态下不能执行这个操作"
	                         "（例如不能从“新建”直接关闭，或需要先派工）。",
	                         "This is not possible in the current status (e.g. a new ticket "
	                         "cannot be closed directly, or it needs an assignee first)." },
	{ "T_ERR_TECH_STATUS",   "技术员不能设置这个状态，请联系客服。",
	                         "Technicians cannot set this status: ask the service desk." },
	{ "T_ERR_VERSION",       "表单不完整（缺少版本号），请重新加载页面。",
	                         "The form is incomplete (no version): reload the page." },
	{ "T_ERR_STATUS",        "请选择一个新状态。",    "Choose a new status." },
	{ "T_ERR_NOTE",          "备注最多 1000 个字，且不能含控制字符。",
	                         "The note has at most 1000 characters and no control characters." },
	{ "T_ERR_ASSIGN_NONE",   "请选择技术员或班组。",  "Choose a technician or a team." },
	{ "T_ERR_ASSIGN_BAD",    "所选的技术员或班组无效。", "The technician or team chosen is not valid." },
	{ "T_ERR_INVALID_REF",   "所选的技术员或班组不存在或已停用。",
	                         "The technician or team chosen does not exist or is inactive." },
	{ "T_ERR_DISPATCH_NONE", "没有找到合适的技术员（需要有该类别技能的在岗技术员），"
	                         "请手动派工。",
	                         "No technician fits (an active technician with a skill for this "
	                         "category is needed): assign by hand." },
	{ "T_ERR_PRIORITY",      "请选择有效的优先级。",  "Choose a valid priority." },
	{ "T_ERR_BODY_EMPTY",    "请填写内容。",          "Write something." },
	{ "T_ERR_BODY_LONG",     "内容最多 4000 个字。",  "At most 4000 characters." },
	{ "T_ERR_BODY_INVALID",  "内容含有无效字符。",    "The text has characters that are not allowed." },
	{ "T_ERR_VISIBILITY",    "请选择“公开回复”或“内部备注”。", "Choose “public reply” or “internal note”." },
	{ "T_ERR_VISIT_ACTION",  "无效的上门操作。",      "Not a valid visit action." },
	{ "T_ERR_VISIT_NOTES",   "上门记录最多 2000 个字，且不能含控制字符。",
	                         "Visit notes have at most 2000 characters and no control characters." },
	{ "T_ERR_VISIT_OPEN",    "您已在现场：请先结束当前这次上门。",
	                         "You are already on site: finish the current visit first." },
	{ "T_ERR_VISIT_GONE",    "这次上门已经结束或不存在，请重新加载页面。",
	                         "This visit is already finished or does not exist: reload the page." },
	{ "T_ERR_NOT_ASSIGNEE",  "只有被派工的人员才能记录上门。", "Only the assignee can record visits." },
};
const size_t desk_nmsgs_ticket = sizeof(desk_msgs_ticket) / sizeof(desk_msgs_ticket[0]);
