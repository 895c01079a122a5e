/* intake: the pages of customers, who have no account — the repair form
 * (/repair), the tracking page of a ticket (/track/<code>) and its survey
 * (/survey/<code>) — and the JSON API of other systems (/api/v1/). nginx
 * mounts it at /repair, /track, /survey and /api/v1/. */
#include "app.h"
#include "ext_metric.h"
#include "i18n.h"
#include "intake.h"

static const struct route routes[] = {
	{ "GET",  "/repair",         ROLES_PUBLIC, 0, repair_get },
	{ "POST", "/repair",         ROLES_PUBLIC, 0, repair_post },
	{ "GET",  "/track",          ROLES_PUBLIC, 0, track_lookup_get },
	{ "POST", "/track",          ROLES_PUBLIC, 0, track_lookup_post },
	{ "GET",  "/track/:",        ROLES_PUBLIC, 0, track_get },
	{ "POST", "/track/:/reply",  ROLES_PUBLIC, 0, track_reply_post },
	{ "POST", "/track/:/confirm", ROLES_PUBLIC, 0, track_confirm_post },
	{ "GET",  "/track/:/photos/:",       ROLES_PUBLIC, 0, track_photo_get },
	{ "GET",  "/track/:/photos/:/thumb", ROLES_PUBLIC, 0, track_photo_thumb_get },
	{ "GET",  "/track/:/photos/:/view",  ROLES_PUBLIC, 0, track_photo_view_get },
	{ "GET",  "/survey/:",       ROLES_PUBLIC, 0, survey_get },
	{ "POST", "/survey/:",       ROLES_PUBLIC, 0, survey_post },
	{ "POST", "/api/v1/tickets", ROLES_PUBLIC, ROUTE_NO_CSRF, api_ticket_post },
	{ "GET",  "/api/v1/tickets/:", ROLES_PUBLIC, 0, api_ticket_get },
	{ "GET",  "/api/v1/metrics", ROLES_PUBLIC, 0, api_metrics_list },
	{ "GET",  "/api/v1/metrics/:", ROLES_PUBLIC, 0, api_metric_get },
	{ "POST", "/api/v1/metrics/:/points", ROLES_PUBLIC, ROUTE_NO_CSRF, api_points_post },
};

static const struct i18n_msg msgs[] = {
	/* the repair form */
	{ "REPAIR_TITLE",          "在线报修",              "Report a fault" },
	{ "REPAIR_INTRO",          "无需注册。提交后您会得到一个查询链接，可随时查看维修进度。",
	                           "No account needed. You get a tracking link to follow"
	                           " the repair." },
	{ "REPAIR_SECTION_CONTACT","您的联系方式",          "How to reach you" },
	{ "REPAIR_SECTION_FAULT",  "产品与故障",            "Product and fault" },
	{ "REPAIR_NAME",           "姓名",                  "Name" },
	{ "REPAIR_PHONE",          "联系电话（手机或座机）", "Phone (mobile or landline)" },
	{ "REPAIR_EMAIL",          "电子邮箱",              "E-mail" },
	{ "REPAIR_ADDRESS",        "上门地址",              "Address for a visit" },
	{ "REPAIR_CATEGORY",       "产品类别",              "Product type" },
	{ "REPAIR_CATEGORY_CHOOSE","请选择",                "Choose" },
	{ "REPAIR_PRODUCT",        "产品型号",              "Product model" },
	{ "REPAIR_SERIAL",         "序列号",                "Serial number" },
	{ "REPAIR_SERIAL_HINT",    "通常在机身铭牌或包装盒上。",
	                           "Usually on the rating plate or the box." },
	{ "REPAIR_DESCRIPTION",    "故障描述",              "What is wrong" },
	{ "REPAIR_DESCRIPTION_HINT","故障现象、出现的时间等，至少 5 个字。",
	                           "What happens and since when; at least 5 characters." },
	{ "REPAIR_PHOTO",          "照片",                  "Photos" },
	{ "REPAIR_PHOTO_HINT",     "最多 3 张，JPEG、PNG 或 WebP，每张不超过 5 MB。",
	                           "Up to 3, JPEG, PNG or WebP, 5 MB each." },
	{ "REPAIR_PHOTO_RESELECT", "照片没有保存，请重新选择。",
	                           "Your photos were not kept: please choose them again." },
	{ "REPAIR_OPTIONAL",       "（选填）",              "(optional)" },
	{ "REPAIR_SUBMIT",         "提交报修",              "Send" },
	{ "REPAIR_SENDING",        "正在提交…",             "Sending…" },
	{ "REPAIR_PRIVACY",        "您的信息仅用于本次维修服务。",
	                           "Your details are used only for this repair." },
	{ "REPAIR_FORM_TOKEN",     "表单",                  "Form" },
	{ "REPAIR_ERR_CATEGORY",   "请选择产品类别。",      "Choose a product type." },
	{ "REPAIR_ERR_DESC_SHORT", "请至少写 5 个字。",     "Write at least 5 characters." },
	{ "REPAIR_ERR_TOKEN",      "表单已失效，请再提交一次。",
	                           "The form expired: please send it again." },
	{ "REPAIR_ERR_BUSY",       "暂时无法保存，请稍后再试。",
	                           "This could not be saved just now. Please try again." },

	/* the tracking page */
	{ "TRACK_TITLE",           "维修进度",              "Repair status" },
	{ "TRACK_NUMBER",          "工单号",                "Ticket number" },
	{ "TRACK_STATUS",          "状态",                  "Status" },
	{ "TRACK_CATEGORY",        "产品类别",              "Product type" },
	{ "TRACK_PRODUCT",         "产品型号",              "Product model" },
	{ "TRACK_CREATED",         "提交时间",              "Submitted" },
	{ "TRACK_TZ",              "北京时间",              "China time" },
	{ "TRACK_PHOTOS",          "照片",                  "Photos" },
	{ "TRACK_PHOTOS_N",        "已附 {n} 张照片",       "{n} photos attached" },
	{ "TRACK_PHOTOS_N_ONE",    "已附 {n} 张照片",       "{n} photo attached" },
	{ "TRACK_TECH",            "技术员",                "Technician" },
	{ "TRACK_LINK",            "本页链接",              "Link to this page" },
	{ "TRACK_LINK_HINT",       "凭此链接随时查看进度，请勿转发给他人。",
	                           "Anyone with this link sees this page: keep it to yourself." },
	{ "TRACK_COPY",            "复制链接",              "Copy the link" },
	{ "TRACK_COPIED",          "已复制",                "Copied" },
	{ "TRACK_COPY_FAILED",     "无法自动复制，请长按链接复制。",
	                           "Could not copy: press and hold the link to copy it." },
	{ "TRACK_PHOTO_OPEN",      "查看原图",              "Open the photo" },
	{ "TRACK_DESCRIPTION",     "您的故障描述",          "Your description" },
	{ "TRACK_NEW_NOTE",        "提交成功，请保存此链接，随时查看维修进度：",
	                           "Sent. Keep this link to follow your repair at any time:" },
	{ "TRACK_HISTORY",         "处理记录",              "History" },
	{ "TRACK_NO_EVENTS",       "暂无记录。",            "Nothing yet." },
	{ "TRACK_WAITING",         "我们需要您补充一些信息，请在下方回复。",
	                           "We need more information from you: please reply below." },
	{ "TRACK_REPLY_TITLE",     "补充信息",              "Add information" },
	{ "TRACK_REPLY_BODY",      "留言",                  "Message" },
	{ "TRACK_REPLY_HINT",      "例如故障的新情况、方便上门的时间。",
	                           "For example news about the fault, or when a visit suits you." },
	{ "TRACK_REPLY_SUBMIT",    "发送",                  "Send" },
	{ "TRACK_REPLY_CLOSED",    "此工单已结束。如问题再次出现，请重新报修。",
	                           "This ticket is finished. If the problem comes back,"
	                           " please report it again." },
	{ "TRACK_SURVEY",          "评价本次服务",          "Rate this service" },
	{ "TRACK_SURVEY_NOTE",     "问题已解决。您的评价帮助我们改进服务。",
	                           "Resolved. Your rating helps us improve." },
	{ "TRACK_SURVEY_THANKS",   "感谢您的评价！",        "Thank you for your rating!" },
	{ "TRACK_SURVEY_RATING",   "您的评分：",            "Your rating:" },
	{ "TRACK_NEW_REPAIR",      "新的报修",              "Report another fault" },
	{ "TRACK_EV_CREATED",      "您提交了报修",          "You reported the fault" },
	{ "TRACK_EV_CREATED_FOR_YOU","客服为您登记了报修",
	                           "Our service desk registered your request" },
	{ "TRACK_EV_STATUS",       "状态更新",              "Status update" },
	{ "TRACK_EV_ASSIGNED",     "已安排技术员",          "A technician has been assigned" },
	{ "TRACK_EV_REPLY_DESK",   "客服回复",              "Reply from the service desk" },
	{ "TRACK_EV_REPLY_TECH",   "技术员回复",            "Reply from the technician" },
	{ "TRACK_EV_CUSTOMER_REPLY","您补充了信息",         "You added information" },
	{ "TRACK_EV_VISIT",        "技术员上门服务",        "Technician visit" },
	{ "TRACK_EV_APPOINTMENT",  "已预约上门时间",        "Visit window agreed" },
	{ "TRACK_EV_COMPLETION",   "维修完成",              "Repair completed" },
	{ "TRACK_EV_CONFIRMED",    "您确认了已修好",        "You confirmed the repair" },
	{ "TRACK_APPT",            "预约上门时间",          "Visit window" },
	{ "TRACK_COLON",           ":",                    ": " },
	{ "TRACK_CONFIRM_ASK",     "技术员已完成维修。问题解决了吗？",
	                           "The technician has finished the repair. Is it fixed?" },
	{ "TRACK_CONFIRM",         "确认已修好",            "Yes, it is fixed" },
	{ "TRACK_CONFIRM_NOT",     "没修好？请在下方告诉我们。", "Not fixed? Tell us below." },
	{ "TRACK_CONFIRMED",       "您已确认修好",          "You confirmed the repair" },
	{ "TRACK_CONFIRMED_SIG",   "您已在现场签名确认",    "You signed for the repair on site" },
	{ "TRACK_ERR_CONFIRMED",   "您已经确认过了。",      "You have confirmed this already." },
	{ "TRACK_ERR_NOT_RESOLVED","工单尚未完成，暂不能确认。",
	                           "The repair is not finished yet: nothing to confirm." },
	{ "TRACK_ERR_NOT_FOUND",   "找不到这个工单。请检查链接是否完整。",
	                           "No ticket has this tracking code. Check that the link"
	                           " is complete." },
	{ "TRACK_ERR_THROTTLED",   "查询失败的次数过多，请 10 分钟后再试。",
	                           "Too many failed look-ups. Please try again in 10 minutes." },
	{ "TRACK_ERR_REPLY_EMPTY", "请填写留言或添加照片。", "Write a message or add a photo." },
	{ "TRACK_ERR_CLOSED",      "此工单已结束，不能再补充信息。",
	                           "This ticket is finished: nothing can be added." },

	/* the look-up by phone and ticket number (/track) */
	{ "LOOKUP_TITLE",          "查询维修进度",          "Find your repair" },
	{ "LOOKUP_INTRO",          "找不到查询链接？输入报修时留的电话和工单号即可查看进度。",
	                           "Lost the tracking link? Enter the phone number you gave and"
	                           " the ticket number." },
	{ "LOOKUP_PHONE",          "报修电话",              "Phone number" },
	{ "LOOKUP_NUMBER",         "工单号",                "Ticket number" },
	{ "LOOKUP_NUMBER_HINT",    "如 R-20260315-0007，见提交成功页或短信。",
	                           "For example R-20260315-0007, shown after you sent the form." },
	{ "LOOKUP_SUBMIT",         "查询",                  "Find" },
	{ "LOOKUP_NOT_FOUND",      "没有找到与此电话和工单号相符的工单，请核对后再试。",
	                           "No ticket matches this phone number and ticket number."
	                           " Check both and try again." },
	{ "LOOKUP_ERR_NUMBER",     "工单号只含字母、数字和“-”，如 R-20260315-0007。",
	                           "A ticket number has letters, digits and \"-\", like"
	                           " R-20260315-0007." },
	{ "LOOKUP_LINK",           "已经报修过？查询维修进度",
	                           "Reported before? Find your repair" },
	{ "LOOKUP_NEW_REPAIR",     "还没有报修？在线报修", "Not reported yet? Report a fault" },

	/* the survey */
	{ "SURVEY_TITLE",          "服务评价",              "Rate our service" },
	{ "SURVEY_INTRO",          "您的评价帮助我们改进服务，只需几秒钟。",
	                           "Your rating helps us improve; it takes a few seconds." },
	{ "SURVEY_QUESTION",       "您对本次服务满意吗？",  "How satisfied are you with this service?" },
	{ "SURVEY_RATING",         "满意度",                "Rating" },
	{ "SURVEY_COMMENT",        "意见和建议",            "Comments" },
	{ "SURVEY_COMMENT_HINT",   "最多 1000 字。",        "At most 1000 characters." },
	{ "SURVEY_SUBMIT",         "提交评价",              "Send" },
	{ "SURVEY_BACK",           "查看维修进度",          "Back to the repair status" },
	{ "SURVEY_ERR_RATING",     "请选择 1 到 5 分。",    "Choose a rating from 1 to 5." },
	{ "SURVEY_ERR_NOT_RESOLVED","工单尚未解决，问题解决后再来评价吧。",
	                           "This ticket is not resolved yet: you can rate it once it is." },
	{ "SURVEY_ERR_DONE",       "已评价，谢谢！",        "Already rated. Thank you!" },

	/* the JSON API (messages of 422 answers) */
	{ "API_ERR_TYPE",          "须为文本。",            "Must be a string." },
	{ "API_ERR_UNKNOWN_FIELD", "不支持的字段。",        "Unknown field." },
	{ "API_ERR_CHANNEL",       "渠道只能是 api、phone 或 wechat。",
	                           "The channel must be api, phone or wechat." },
	{ "API_ERR_PRIORITY",      "优先级只能是 low、normal、high 或 urgent。",
	                           "The priority must be low, normal, high or urgent." },

	/* statuses as the customer reads them */
	{ "TRACK_ST_new",              "已提交，等待受理",  "Received" },
	{ "TRACK_ST_accepted",         "已受理",            "Accepted" },
	{ "TRACK_ST_assigned",         "已派工",            "Technician assigned" },
	{ "TRACK_ST_in_progress",      "维修中",            "Being repaired" },
	{ "TRACK_ST_waiting_customer", "等待您的回复",      "Waiting for your reply" },
	{ "TRACK_ST_waiting_parts",    "等待配件",          "Waiting for parts" },
	{ "TRACK_ST_resolved",         "已解决",            "Resolved" },
	{ "TRACK_ST_closed",           "已完成",            "Closed" },
	{ "TRACK_ST_reopened",         "重新处理中",        "Reopened" },
	{ "TRACK_ST_cancelled",        "已取消",            "Cancelled" },
};

int
main(void)
{
	static const struct plugin p = {
		"intake", routes, sizeof(routes) / sizeof(routes[0]),
		msgs, sizeof(msgs) / sizeof(msgs[0])
	};
	i18n_register(ext_metric_msgs, ext_metric_nmsgs);
	return app_main(&p);
}
