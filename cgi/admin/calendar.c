/* /admin/calendar: the work calendar of the SLA clock — working hours per
 * weekday (local time), holidays and make-up working days, and the
 * timezone offset of "local". Processes cache the calendar for a minute
 * (sla_calendar_load), so changes apply within a minute. */
#include "admin.h"
#include "arena.h"
#include "http.h"
#include "i18n.h"
#include "tmpl.h"
#include "tz_zones.h"
#include "valid.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define CAL_DAYS      7
#define CAL_DAY_MINS  1440
#define CAL_TZ_MIN    (-720)
#define CAL_TZ_MAX    840
#define CAL_TZ_DEFAULT "480"
#define CAL_PAST_DAYS 30        /* the list shows this many past days too */

static struct db_q q_hours = DB_Q("SELECT weekday, start_min, end_min FROM work_hours");
static struct db_q q_tz = DB_Q("SELECT value FROM settings WHERE name = 'timezone_offset_min'");
static struct db_q q_tz_name = DB_Q("SELECT value FROM settings WHERE name = 'timezone_name'");
static struct db_q q_tz_name_set = DB_Q(
    "INSERT INTO settings (name, value) VALUES ('timezone_name', ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");
static struct db_q q_days = DB_Q(
    "SELECT day, is_workday, name, day < DATE(UTC_TIMESTAMP() + INTERVAL ? MINUTE)"
    " FROM calendar_days"
    " WHERE day >= DATE(UTC_TIMESTAMP() + INTERVAL ? MINUTE) - INTERVAL ? DAY"
    " ORDER BY day LIMIT 400");
static struct db_q q_hours_upsert = DB_Q(
    "INSERT INTO work_hours (weekday, start_min, end_min) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE start_min = VALUES(start_min), end_min = VALUES(end_min)");
static struct db_q q_hours_delete = DB_Q("DELETE FROM work_hours WHERE weekday = ?");
static struct db_q q_tz_set = DB_Q(
    "INSERT INTO settings (name, value) VALUES ('timezone_offset_min', ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");
static struct db_q q_day_insert = DB_Q(
    "INSERT INTO calendar_days (day, is_workday, name) VALUES (?, ?, ?)");
static struct db_q q_day_delete = DB_Q("DELETE FROM calendar_days WHERE day = ?");

/* Display order: Monday first (0 = Sunday as stored). */
static const int wd_order[CAL_DAYS] = { 1, 2, 3, 4, 5, 6, 0 };
static const char *const day_kinds[] = { "holiday", "workday", NULL };

/* Which form of the page a submission came from (its values are in d). */
enum cal_form { CF_NONE, CF_HOURS, CF_TZ, CF_DAYS };

/* One weekday of the hours form. */
struct cal_hours {
	const char *start, *end;
	long long   s, e;
	int         closed;
};

/* "HH:MM" (00:00 .. 24:00) into minutes after midnight. */
static const char *
check_hhmm(const char *v, long long *mins)
{
	int h, m;

	if (*v == '\0')
		return "ERR_REQUIRED";
	if (strlen(v) != 5 || !isdigit((unsigned char)v[0]) || !isdigit((unsigned char)v[1]) ||
	    v[2] != ':' || !isdigit((unsigned char)v[3]) || !isdigit((unsigned char)v[4]))
		return "A_ERR_TIME";
	h = (v[0] - '0') * 10 + (v[1] - '0');
	m = (v[3] - '0') * 10 + (v[4] - '0');
	if (m > 59 || h * 60 + m > CAL_DAY_MINS)
		return "A_ERR_TIME";
	*mins = h * 60 + m;
	return NULL;
}

/* "YYYY-MM-DD", a real date of 2000..2099. */
static const char *
check_date(const char *v)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i;

	if (*v == '\0')
		return "ERR_REQUIRED";
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return "A_ERR_DATE";
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
			return "A_ERR_DATE";
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	m = (v[5] - '0') * 10 + (v[6] - '0');
	d = (v[8] - '0') * 10 + (v[9] - '0');
	if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return "A_ERR_DATE";
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return "A_ERR_DATE";
	return NULL;
}

static const char *
fmt_hhmm(struct arena *a, long long mins)
{
	return arena_printf(a, "%02lld:%02lld", mins / 60, mins % 60);
}

/* The hours form from the stored rows (missing weekday: closed). */
static void
cal_fill_hours_stored(struct req *r, tmpl_dict *d, const struct db_res *h)
{
	int k;
	size_t i;

	for (k = 0; k < CAL_DAYS; k++) {
		tmpl_dict *s = tmpl_add_section(d, "WD");
		int wd = wd_order[k], open = 0;

		tmpl_set_int(s, "WD_NUM", wd);
		tmpl_set(s, "WD_NAME", i18n(r->lang, arena_printf(r->a, "A_WD_%d", wd)));
		for (i = 0; i < h->nrows; i++) {
			long long st = db_get_int(h, i, 1), en = db_get_int(h, i, 2);

			if (db_get_int(h, i, 0) != wd || st >= en)
				continue;
			tmpl_set(s, "VAL_start", fmt_hhmm(r->a, st));
			tmpl_set(s, "VAL_end", fmt_hhmm(r->a, en));
			open = 1;
		}
		if (!open)
			tmpl_show_section(s, "CLOSED_CHECKED");
	}
}

static void
cal_fill_days(struct req *r, tmpl_dict *d, const struct db_res *days)
{
	size_t i;

	for (i = 0; i < days->nrows; i++) {
		tmpl_dict *s = tmpl_add_section(d, "DAY");

		tmpl_set(s, "DATE", db_gets(days, i, 0));
		tmpl_set(s, "NAME", db_gets(days, i, 2));
		tmpl_show_section(s, db_get_int(days, i, 1) ? "IS_WORKDAY" : "IS_HOLIDAY");
		if (db_get_int(days, i, 3))
			tmpl_show_section(s, "IS_PAST");
	}
	tmpl_show_section(d, days->nrows > 0 ? "HAS_DAYS" : "NO_DAYS");
}

/* The stored timezone offset ("480" if unset). */
static const char *
cal_tz(const struct db_res *tz)
{
	return tz->nrows > 0 ? db_gets(tz, 0, 0) : CAL_TZ_DEFAULT;
}

/* The zone select: every listed zone, "UTC+08:00 · 北京时间（中国） ·
 * Asia/Shanghai", with sel selected; an offset no listed zone has (set
 * before zones were listed) is offered as itself, selected. */
static void
cal_fill_zones(struct req *r, tmpl_dict *d, const char *sel)
{
	size_t n, i;
	const struct tz_zone *z = tz_zones(&n);
	int en = strcmp(r->lang, "en") == 0, off, found = 0;

	for (i = 0; i < n; i++) {
		tmpl_dict *o = tmpl_add_section(d, "ZONE");

		tmpl_set(o, "VALUE", z[i].name);
		tmpl_set(o, "LABEL", arena_printf(r->a, "%s · %s · %s",
		    tz_offset_text(r->a, z[i].offset_min), en ? z[i].en : z[i].zh, z[i].name));
		if (sel != NULL && strcmp(sel, z[i].name) == 0) {
			tmpl_show_section(o, "SELECTED");
			found = 1;
		}
	}
	if (!found && sel != NULL && tz_parse(sel, &off) == 0) {
		tmpl_dict *o = tmpl_add_section(d, "ZONE");

		tmpl_set(o, "VALUE", sel);
		tmpl_set(o, "LABEL", sel);
		tmpl_show_section(o, "SELECTED");
	}
}

/* The stored choice as a value of the select: the stored zone name when it
 * still has the stored offset, else a listed zone of that offset, else
 * the offset itself ("UTC+05:10"). */
static const char *
cal_tz_selected(struct req *r, const struct db_res *tz, const struct db_res *name)
{
	long long off = 480;
	const struct tz_zone *z;

	(void)valid_int(cal_tz(tz), CAL_TZ_MIN, CAL_TZ_MAX, &off);
	z = tz_zone_for(name->nrows > 0 ? db_gets(name, 0, 0) : NULL, (int)off);
	return z != NULL ? z->name : tz_offset_text(r->a, (int)off);
}

/* The page; the values of the form `posted` are already in d. */
static int
cal_render(struct req *r, int status, tmpl_dict *d, enum cal_form posted)
{
	struct db_res *h, *tz, *tzn, *days;
	long long off = 480;
	enum db_rc rc;

	if ((rc = db_query(r->a, &q_hours, &h, "")) != DB_OK ||
	    (rc = db_query(r->a, &q_tz, &tz, "")) != DB_OK ||
	    (rc = db_query(r->a, &q_tz_name, &tzn, "")) != DB_OK)
		return admin_db_fail(r, rc, d);
	(void)valid_int(cal_tz(tz), CAL_TZ_MIN, CAL_TZ_MAX, &off);
	if ((rc = db_query(r->a, &q_days, &days, "iiI", off, off, CAL_PAST_DAYS)) != DB_OK)
		return admin_db_fail(r, rc, d);
	if (posted != CF_HOURS)
		cal_fill_hours_stored(r, d, h);
	if (posted != CF_TZ)
		cal_fill_zones(r, d, cal_tz_selected(r, tz, tzn));
	if (posted != CF_DAYS)
		tmpl_show_section(d, "KIND_HOLIDAY");
	cal_fill_days(r, d, days);
	return resp_page(r, status, "admin/calendar.tpl", d);
}

int
calendar_get(struct req *r)
{
	return cal_render(r, 200, admin_dict(r, "A_CAL_TITLE", AT_CALENDAR), CF_NONE);
}

/* One weekday of the submission into its section s; returns problems. */
static int
cal_check_wd(struct req *r, tmpl_dict *s, int wd, struct cal_hours *c)
{
	struct form_check rowc = { r, s, 0 };
	const char *ps = NULL, *pe = NULL, *pc;

	c->start = admin_field(r, arena_printf(r->a, "start_%d", wd));
	c->end = admin_field(r, arena_printf(r->a, "end_%d", wd));
	pc = admin_check_flag(req_form(r, arena_printf(r->a, "closed_%d", wd)), &c->closed);
	if (pc == NULL && !c->closed) {
		ps = check_hhmm(c->start, &c->s);
		pe = check_hhmm(c->end, &c->e);
		if (ps == NULL && pe == NULL && c->e <= c->s)
			pe = "A_ERR_END_BEFORE_START";
	}
	form_check_field(&rowc, "start", c->start, ps);
	form_check_field(&rowc, "end", c->end, pe);
	form_check_field(&rowc, "closed", "", pc);
	if (c->closed)
		tmpl_show_section(s, "CLOSED_CHECKED");
	return rowc.nerr;
}

static enum db_rc
cal_save_hours(const struct cal_hours c[CAL_DAYS])
{
	enum db_rc rc;
	int k;

	if ((rc = db_begin()) != DB_OK)
		return rc;
	for (k = 0; k < CAL_DAYS && rc == DB_OK; k++) {
		int wd = wd_order[k];

		rc = c[k].closed ? db_exec(&q_hours_delete, NULL, "I", wd) :
		    db_exec(&q_hours_upsert, NULL, "Iii", wd, c[k].s, c[k].e);
	}
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}

int
calendar_hours_post(struct req *r)
{
	tmpl_dict *d = admin_dict(r, "A_CAL_TITLE", AT_CALENDAR);
	struct cal_hours c[CAL_DAYS];
	int k, nerr = 0, open = 0;
	enum db_rc rc;

	for (k = 0; k < CAL_DAYS; k++) {
		tmpl_dict *s = tmpl_add_section(d, "WD");

		tmpl_set_int(s, "WD_NUM", wd_order[k]);
		tmpl_set(s, "WD_NAME", i18n(r->lang, arena_printf(r->a, "A_WD_%d", wd_order[k])));
		nerr += cal_check_wd(r, s, wd_order[k], &c[k]);
		open += !c[k].closed;
	}
	if (nerr == 0 && open == 0) {
		tmpl_show_section(d, "HOURS_NONE");
		nerr++;
	}
	if (nerr > 0) {
		tmpl_show_section(d, "HOURS_ERRORS");
		return cal_render(r, 422, d, CF_HOURS);
	}
	tmpl_free(d);
	if ((rc = cal_save_hours(c)) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/calendar?saved=1");
}

/* The zone (select "zone": a listed name or "UTC+HH:MM"), or, from
 * scripts and older forms, "tz": the offset in minutes. Both the offset
 * (what the SLA clock reads) and the name are stored. */
int
calendar_tz_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_CAL_TITLE", AT_CALENDAR), 0 };
	const char *zone = admin_field(r, "zone"), *v = admin_field(r, "tz"), *problem = NULL;
	long long off = 0;
	int zoff = 0;
	enum db_rc rc;

	if (*zone != '\0' || *v == '\0') {
		if (tz_parse(zone, &zoff) != 0)
			problem = *zone == '\0' ? "ERR_REQUIRED" : "A_ERR_TZ";
		off = zoff;
	} else {
		problem = valid_int(v, CAL_TZ_MIN, CAL_TZ_MAX, &off);
		zone = tz_offset_text(r->a, (int)off);
	}
	if (form_check_field(&fc, "tz", zone, problem) != NULL) {
		tmpl_show_section(fc.d, "TZ_ERRORS");
		cal_fill_zones(r, fc.d, zone);
		return cal_render(r, 422, fc.d, CF_TZ);
	}
	tmpl_free(fc.d);
	if (tz_zone_for(zone, (int)off) != NULL)
		zone = tz_zone_for(zone, (int)off)->name;
	if ((rc = db_begin()) != DB_OK ||
	    (rc = db_exec(&q_tz_set, NULL, "s", arena_printf(r->a, "%lld", off))) != DB_OK ||
	    (rc = db_exec(&q_tz_name_set, NULL, "s", zone)) != DB_OK ||
	    (rc = db_commit()) != DB_OK) {
		db_rollback();
		return admin_db_fail(r, rc, NULL);
	}
	return resp_redirect(r, "/admin/calendar?saved=1");
}

int
calendar_days_post(struct req *r)
{
	struct form_check fc = { r, admin_dict(r, "A_CAL_TITLE", AT_CALENDAR), 0 };
	const char *day = admin_field(r, "day"), *kind = admin_field(r, "kind");
	const char *name = admin_field(r, "name");
	int ki = 0;
	enum db_rc rc;

	form_check_field(&fc, "day", day, check_date(day));
	if (form_check_field(&fc, "kind", kind, valid_choice(kind, day_kinds, &ki)) == NULL)
		tmpl_show_section(fc.d, ki == 1 ? "KIND_WORKDAY" : "KIND_HOLIDAY");
	form_check_field(&fc, "name", name, valid_text(name, 64, 1, 0));
	if (fc.nerr == 0) {
		rc = db_exec(&q_day_insert, NULL, "sIs", day, ki, name);
		if (rc == DB_DUP)
			form_check_field(&fc, "day", day, "A_ERR_DAY_TAKEN");
		else if (rc != DB_OK)
			return admin_db_fail(r, rc, fc.d);
	}
	if (fc.nerr > 0) {
		tmpl_show_section(fc.d, "DAYS_ERRORS");
		return cal_render(r, 422, fc.d, CF_DAYS);
	}
	tmpl_free(fc.d);
	return resp_redirect(r, "/admin/calendar?saved=1#days");
}

int
calendar_day_delete_post(struct req *r)
{
	enum db_rc rc;

	if (check_date(r->params[0]) != NULL)
		return admin_not_found(r, NULL);
	if ((rc = db_exec(&q_day_delete, NULL, "s", r->params[0])) != DB_OK)
		return admin_db_fail(r, rc, NULL);
	return resp_redirect(r, "/admin/calendar?saved=1#days");
}

const struct i18n_msg admin_msgs_calendar[] = {
	{ "A_CAL_TITLE",        "工作日历",          "Work calendar" },
	{ "A_CAL_INTRO",        "SLA 时限只在工作时间内计时：按下面的每周工作时间，跳过节假日，并计入调休上班日。修改在 1 分钟内生效。",
	                        "The SLA clock runs only in working time: the weekly hours below,"
	                        " minus holidays, plus make-up working days. Changes apply within"
	                        " a minute." },
	{ "A_CAL_HOURS",        "每周工作时间",      "Weekly working hours" },
	{ "A_CAL_WEEKDAY",      "星期",              "Day" },
	{ "A_CAL_START",        "上班",              "From" },
	{ "A_CAL_END",          "下班",              "To" },
	{ "A_CAL_CLOSED",       "休息",              "Closed" },
	{ "A_CAL_HOURS_HINT",   "当地时间（见“时区”）。休息日不计时。",
	                        "Local time (see \"Time zone\"). Closed days do not count." },
	{ "A_CAL_TZ",           "时区",              "Time zone" },
	{ "A_CAL_TZ_LABEL",     "服务所在时区",      "The service's time zone" },
	{ "A_ERR_TZ",           "请从列表中选择时区。", "Choose a time zone from the list." },
	{ "A_CAL_TZ_HINT",      "SLA 计时和页面上的时间都按此时区。只列出不实行夏令时的时区（SLA 时钟使用固定时差）。",
	                        "The SLA clock and the times on pages use this zone. Only zones"
	                        " without daylight saving time are listed (the SLA clock uses a"
	                        " fixed offset)." },
	{ "A_CAL_DAYS",         "节假日与调休",      "Holidays and make-up days" },
	{ "A_CAL_DAYS_HINT",    "节假日全天不计时；调休上班日按该星期的工作时间计时（若该星期休息，则按周一的工作时间）。",
	                        "Holidays do not count; a make-up working day counts with the"
	                        " hours of its weekday (Monday's if that weekday is closed)." },
	{ "A_CAL_DATE",         "日期",              "Date" },
	{ "A_CAL_KIND",         "类型",              "Kind" },
	{ "A_CAL_HOLIDAY",      "节假日",            "Holiday" },
	{ "A_CAL_WORKDAY",      "调休上班",          "Make-up working day" },
	{ "A_CAL_DAY_NAME",     "名称",              "Name" },
	{ "A_CAL_DAY_NAME_HINT","例如“国庆节”“春节调休”。", "E.g. National Day, Spring Festival make-up day." },
	{ "A_CAL_ADD_DAY",      "添加日期",          "Add a day" },
	{ "A_CAL_DELETE",       "删除",              "Delete" },
	{ "A_CAL_PAST",         "已过",              "past" },
	{ "A_CAL_ERRORS",       "请修改标出的项目。", "Please correct the marked fields." },
	{ "A_WD_0",             "星期日",            "Sunday" },
	{ "A_WD_1",             "星期一",            "Monday" },
	{ "A_WD_2",             "星期二",            "Tuesday" },
	{ "A_WD_3",             "星期三",            "Wednesday" },
	{ "A_WD_4",             "星期四",            "Thursday" },
	{ "A_WD_5",             "星期五",            "Friday" },
	{ "A_WD_6",             "星期六",            "Saturday" },
	{ "A_ERR_TIME",         "请按 HH:MM 填写，例如 08:30。", "Use HH:MM, e.g. 08:30." },
	{ "A_ERR_END_BEFORE_START", "下班时间须晚于上班时间。", "Must be after the start." },
	{ "A_ERR_HOURS_NONE",   "至少要有一天工作。", "At least one day must be open." },
	{ "A_ERR_DATE",         "请填写有效日期（YYYY-MM-DD）。", "Enter a valid date (YYYY-MM-DD)." },
	{ "A_ERR_DAY_TAKEN",    "这一天已经设置过，请先删除原记录。",
	                        "This day is already set: delete it first." },
};
const size_t admin_nmsgs_calendar = sizeof(admin_msgs_calendar) / sizeof(admin_msgs_calendar[0]);
