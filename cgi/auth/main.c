/* auth: staff sign-in, sign-out, own account; also answers "/" (root.c),
 * /healthz and /metrics for the whole site. */
#include "app.h"
#include "i18n.h"
#include "auth.h"

static const struct route routes[] = {
	{ "GET",  "/",        ROLES_PUBLIC, 0, site_root_get, NULL },
	{ "GET",  "/login",   ROLES_PUBLIC, 0, login_get, NULL },
	{ "POST", "/login",   ROLES_PUBLIC, 0, login_post, NULL },
	{ "POST", "/logout",  ROLES_PUBLIC, 0, logout_post, NULL },
	{ "GET",  "/account", ROLES_STAFF,  0, account_get, NULL },
	{ "POST", "/account", ROLES_STAFF,  0, account_post, NULL },
	{ "GET",  "/metrics", ROLES_PUBLIC, ROUTE_NO_DB, metrics_get, NULL },
};

static const struct i18n_msg msgs[] = {
	{ "LOGIN_TITLE",      "员工登录",          "Staff sign-in" },
	{ "LOGIN_LOGIN",      "账号",              "Login" },
	{ "LOGIN_PASSWORD",   "密码",              "Password" },
	{ "LOGIN_SUBMIT",     "登录",              "Sign in" },
	{ "LOGIN_FAILED",     "账号或密码错误。",  "Wrong login or password." },
	{ "LOGIN_LOCKED",     "尝试次数过多。请在以前登录过的电脑或手机上登录，或 15 分钟后再试。",
	  "Too many attempts. Sign in on a computer or phone you have signed in on before, or try again in 15 minutes." },
	{ "LOGIN_CASE_NOTE",  "账号须完全一致：区分大小写，不含空格。", "Type the login exactly: case matters, no spaces." },
	{ "LOGIN_CUSTOMER",   "您是客户？无需登录即可", "A customer? No account needed to" },
	{ "LOGGED_OUT",       "您已退出。",        "You have signed out." },
	{ "ACCOUNT_TITLE",    "我的账户",          "My account" },
	{ "ACCOUNT_LANG",     "界面语言",          "Language" },
	{ "ACCOUNT_LANG_AUTO","跟随浏览器",        "As the browser" },
	{ "ACCOUNT_CUR_PW",   "当前密码",          "Current password" },
	{ "ACCOUNT_NEW_PW",   "新密码（不修改请留空）", "New password (leave empty to keep)" },
	{ "ACCOUNT_ROLE",     "角色",              "Role" },
	{ "ACCOUNT_WRONG_PW", "当前密码不正确。",  "The current password is wrong." },
	{ "ACCOUNT_WEEKLY",   "每周一接收 OKR 周报（上周）", "Send me the OKR weekly report (last week) every Monday" },
	{ "ACCOUNT_WEEKLY_HINT", "通过管理员在通知规则中为“OKR 周报”开启的渠道发送：短信发往您的手机号，邮件发往您的邮箱。",
	  "Sent on the channels the admin enables for \"OKR weekly report\" in the notification rules: SMS to your mobile number, e-mail to your address." },
};

int
main(void)
{
	static const struct plugin p = {
		"auth", routes, sizeof(routes) / sizeof(routes[0]),
		msgs, sizeof(msgs) / sizeof(msgs[0])
	};
	return app_main(&p);
}
