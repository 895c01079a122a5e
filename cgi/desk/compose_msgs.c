/* The catalog of the ticket page's reply tools (canned replies, knowledge
 * inserted into a reply: ticket_compose.c) and of closing and reopening
 * (ticket_close.c): keys T_*. */
#include "desk.h"

const struct i18n_msg desk_msgs_compose[] = {
	/* closing and reopening, in the status card */
	{ "T_CLOSE_SUBMIT",      "关闭工单",              "Close the ticket" },
	{ "T_CLOSE_HINT",        "已解决且无需再跟进时关闭；关闭后仍可重新打开。",
	                         "Close it when it is resolved and needs nothing more;"
	                         " it can still be reopened." },
	{ "T_REOPEN_REASON",     "重新打开的原因（必填）", "Why reopen it (required)" },
	{ "T_REOPEN_HINT",       "原因会记入处理记录。",  "The reason goes on the timeline." },
	{ "T_REOPEN_SUBMIT",     "重新打开",              "Reopen" },
	{ "T_ERR_REASON_REQUIRED", "请填写重新打开的原因。", "Say why the ticket is reopened." },
	{ "T_ERR_REASON_LONG",   "原因最多 1000 个字。",  "The reason has at most 1000 characters." },
	{ "T_ERR_CLOSE_STATE",   "只有已解决的工单才能关闭。", "Only a resolved ticket can be closed." },
	{ "T_ERR_REOPEN_STATE",  "只有已解决或已关闭的工单才能重新打开。",
	                         "Only a resolved or closed ticket can be reopened." },
	/* /desk/new: the customer's photos */
	{ "Q_NEW_PHOTO",         "照片",                  "Photos" },
	{ "Q_NEW_PHOTO_HINT",    "客户发来的照片（如微信里的），最多 3 张，JPEG、PNG 或 WebP，每张不超过 5 MB。"
	                         "表单有误退回时需要重新选择照片。",
	                         "Photos the customer sent (e.g. on WeChat): at most 3, JPEG, PNG or WebP,"
	                         " 5 MB each. When the form comes back with an error, choose them again." },
	/* the reply card's tools */
	{ "T_CANNED",            "快捷回复",              "Canned reply" },
	{ "T_CANNED_CHOOSE",     "— 选择快捷回复 —",      "— choose a canned reply —" },
	{ "T_CANNED_INSERT",     "插入",                  "Insert" },
	{ "T_CANNED_HINT",       "客户姓名和工单号会自动填入，插入后可以修改。",
	                         "The customer's name and the ticket number are filled in;"
	                         " edit the text as you like." },
	{ "T_COMPOSED",          "已插入到回复框，发送前可以修改；如选过照片，请重新选择。",
	                         "Inserted into the reply box: edit it before sending."
	                         " Photos chosen before must be chosen again." },
	{ "T_COMPOSED_INTERNAL", "已插入到回复框，并改为内部备注：这是内部资料（案例、操作规程或员工链接），客户不应看到。确需发给客户请先改写，再选“公开回复”。",
	                         "Inserted into the box, which is now an internal note: this is internal material (a case, an SOP or a staff link) the customer should not see. To send it to the customer, rewrite it first and choose “public reply”." },
	{ "T_KB_INSERT_TEXT",    "插入正文",              "Insert text" },
	{ "T_KB_INSERT_LINK",    "插入链接",              "Insert link" },
	{ "T_ERR_CANNED_CHOOSE", "请先选择一条快捷回复。", "Choose a canned reply first." },
	{ "T_ERR_CANNED_GONE",   "这条快捷回复已停用或不存在。",
	                         "This canned reply is switched off or does not exist." },
	{ "T_ERR_KB_GONE",       "这篇知识文章不存在或未发布。", "This article does not exist or is not published." },
	{ "T_ERR_COMPOSE_LONG",  "插入后内容会超过 4000 个字，没有插入。",
	                         "With it the text would pass 4000 characters: nothing was inserted." },
};
const size_t desk_nmsgs_compose = sizeof(desk_msgs_compose) / sizeof(desk_msgs_compose[0]);
