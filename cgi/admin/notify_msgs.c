/* What the notification admin pages say (notify_rules.c,
 * notify_channels.c, notify_outbox.c). */
#include "admin.h"

const struct i18n_msg admin_msgs_notify[] = {
	{ "A_TAB_NOTIFY",        "通知",               "Notifications" },
	{ "A_NTF_TITLE",         "通知",               "Notifications" },
	{ "A_NTF_INTRO",         "工单的每个变化都会先写入发件箱（与工单在同一个事务中），再由 sl-notify 发送：失败会按间隔重试，最终失败的消息在发件箱中可以重新发送。",
	                         "Every ticket change first writes its messages to the outbox (in the"
	                         " same transaction as the ticket), then sl-notify sends them: failures"
	                         " are retried with growing pauses, and messages that failed for good"
	                         " can be sent again from the outbox." },
	{ "A_NTF_CHANNELS",      "渠道",               "Channels" },
	{ "A_NTF_ON",            "已启用",             "On" },
	{ "A_NTF_OFF",           "未启用",             "Off" },
	{ "A_NTF_NO_URL",        "未设置地址",         "no address set" },
	{ "A_NTF_EDIT",          "设置",               "Settings" },
	{ "A_NTF_LAST_TEST",     "上次测试",           "Last test" },
	{ "A_NTF_TEST_PASSED",   "成功",               "passed" },
	{ "A_NTF_RULES",         "谁收到什么",         "Who gets what" },
	{ "A_NTF_RULES_INTRO",   "勾选事件要通过哪些渠道发送。短信和邮件发给客户；标有（员工）、（主管）等的事件发给括号中的员工，发往其账户中的手机号或邮箱。机器人和 Webhook 发到群或系统。客户可以在查询页停止接收。",
	                         "Tick the channels each event goes out on. SMS and e-mail go to the"
	                         " customer; the events marked (staff), (supervisors) and so on to those staff members,"
	                         " at their account's mobile number or address. Robots and the webhook post"
	                         " to their group or system. Customers can stop messages from"
	                         " the tracking page." },
	{ "A_NTF_EVENT",         "事件",               "Event" },
	{ "A_NTF_SAVE_RULES",    "保存规则",           "Save the rules" },
	{ "A_NTF_ERR_RULES",     "规则表单无效，请重新勾选。", "The rules form was not valid: tick the boxes again." },
	{ "A_NTF_OUTBOX",        "发件箱",             "Outbox" },
	{ "A_NTF_OUTBOX_LINK",   "查看发件箱",         "Open the outbox" },
	{ "A_NTF_COUNTS",        "排队 / 已发送 / 失败", "Queued / sent / failed" },
	{ "A_NTF_CH_TITLE",      "通知渠道",           "Notification channel" },
	{ "A_NTF_ENABLED",       "启用这个渠道",       "Use this channel" },
	{ "A_NTF_URL",           "地址",               "Address" },
	{ "A_NTF_URL_webhook",   "接收系统的 http(s):// 地址；请求体为 JSON，带 HMAC-SHA256 签名头。",
	                         "The receiving system's http(s):// URL; a JSON body with an"
	                         " HMAC-SHA256 signature header." },
	{ "A_NTF_URL_wecom",     "企业微信群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）。",
	                         "The WeCom group robot's webhook URL"
	                         " (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)." },
	{ "A_NTF_URL_dingtalk",  "钉钉机器人的 Webhook 地址（https://oapi.dingtalk.com/robot/send?access_token=…）；加签时填写密钥。",
	                         "The DingTalk robot's webhook URL"
	                         " (https://oapi.dingtalk.com/robot/send?access_token=…); the secret"
	                         " when it signs." },
	{ "A_NTF_URL_feishu",    "飞书机器人的 Webhook 地址（https://open.feishu.cn/open-apis/bot/v2/hook/…）；开启签名校验时填写密钥。",
	                         "The Feishu robot's webhook URL"
	                         " (https://open.feishu.cn/open-apis/bot/v2/hook/…); the secret when"
	                         " it checks signatures." },
	{ "A_NTF_URL_sms",       "短信服务商适配接口的 http(s):// 地址（见 README 的“通知”一节）。",
	                         "The http(s):// URL of the SMS provider adapter (README,"
	                         " \"Notifications\")." },
	{ "A_NTF_URL_email",     "邮件中继：smtp://HOST:587（可选 STARTTLS）或 smtps://HOST:465。",
	                         "The mail relay: smtp://host:587 (STARTTLS optional) or"
	                         " smtps://host:465." },
	{ "A_NTF_SECRET",        "签名密钥",           "Signing secret" },
	{ "A_NTF_KEEP",          "已设置；留空则保持不变。", "Set; leave empty to keep it." },
	{ "A_NTF_USERNAME",      "用户名（SMTP 认证）", "User name (SMTP AUTH)" },
	{ "A_NTF_PASSWORD",      "密码",               "Password" },
	{ "A_NTF_FROM",          "发件人（From）",     "From" },
	{ "A_NTF_REPLY_TO",      "回复地址（Reply-To）", "Reply-To" },
	{ "A_NTF_STARTTLS",      "要求 STARTTLS 加密", "Require STARTTLS" },
	{ "A_NTF_LIMIT",         "短信最多字数",       "Longest SMS text (characters)" },
	{ "A_NTF_LIMIT_HINT",    "70 字以内为一条短信；更长的文字会被截断并以“…”结尾。",
	                         "Up to 70 characters is one message; longer texts are cut and end"
	                         " in \"…\"." },
	{ "A_NTF_TEST",          "发送测试消息",       "Send a test message" },
	{ "A_NTF_TEST_HINT",     "用已保存的设置立即发送一条示例消息，并在这里显示结果。",
	                         "Sends a sample message right away with the saved settings and"
	                         " shows the outcome here." },
	{ "A_NTF_TEST_TO",       "发给（手机号或邮箱）", "Send to (mobile number or e-mail)" },
	{ "A_NTF_TEST_OK",       "测试消息已被接收方接受。", "The receiver accepted the test message." },
	{ "A_NTF_TEST_FAILED",   "测试失败：",         "The test failed: " },
	{ "A_NTF_TEST_CUSTOMER", "测试客户",           "Test customer" },
	{ "A_NTF_ERR_URL",       "请填写 http:// 或 https:// 开头、不含空格的地址。",
	                         "Enter an address starting with http:// or https://, without"
	                         " spaces." },
	{ "A_NTF_ERR_SMTP_URL",  "请填写 smtp:// 或 smtps:// 开头的邮件中继地址。",
	                         "Enter a relay address starting with smtp:// or smtps://." },
	{ "A_NTF_ERR_MOBILE",    "短信只能发给手机号。", "SMS go to mobile numbers only." },
	{ "A_NTF_ERR_RESEND",    "这条消息不能重发：它已经发出或正在发送，或者客户已停止接收通知。",
	                         "This message cannot be sent again: it has been sent or is being"
	                         " sent, or the customer has stopped messages." },
	{ "A_NTF_CREATED",       "时间",               "Time" },
	{ "A_NTF_CHANNEL",       "渠道",               "Channel" },
	{ "A_NTF_TO",            "接收方",             "To" },
	{ "A_NTF_TICKET",        "工单",               "Ticket" },
	{ "A_NTF_STATUS",        "状态",               "Status" },
	{ "A_NTF_ATTEMPTS",      "尝试",               "Attempts" },
	{ "A_NTF_NEXT",          "下次尝试",           "Next attempt" },
	{ "A_NTF_ERROR",         "最近错误",           "Last error" },
	{ "A_NTF_RESEND",        "重新发送",           "Send again" },
	{ "A_NTF_RESENT",        "已重新排队，稍后发送。", "Queued again; it goes out shortly." },
	{ "A_NTF_FILTER",        "筛选",               "Filter" },
	{ "A_NTF_EMPTY",         "没有消息。",         "No messages." },
	{ "A_NTF_ST_all",        "全部",               "All" },
	{ "A_NTF_ST_queued",     "排队中",             "Queued" },
	{ "A_NTF_ST_sending",    "发送中",             "Sending" },
	{ "A_NTF_ST_sent",       "已发送",             "Sent" },
	{ "A_NTF_ST_failed",     "失败",               "Failed" },
	{ "A_NTF_RK_group",      "群 / 系统",          "group / system" },
	{ "A_NTF_RK_customer",   "客户",               "customer" },
	{ "A_NTF_RK_staff",      "员工",               "staff" },
	{ "A_NTF_BACK",          "返回通知设置",       "Back to notifications" },
};
const size_t admin_nmsgs_notify = sizeof(admin_msgs_notify) / sizeof(admin_msgs_notify[0]);
