/* sl-cli demo-okr: an OKR demo for `make run` over the demo history: the
 * previous quarter closed with its frozen scores and a review, and the
 * current quarter active with a company objective aligned to two team
 * ones, key results bound to a ticket metric, stage metrics and (when an
 * admin defined one) an external metric, manual key results with
 * check-ins, an initiative. Idempotent: nothing is made when the current
 * quarter's demo cycle exists. Not used by tests. */
#include "arena.h"
#include "db.h"
#include "demo.h"
#include "metric_key.h"
#include "okr.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static struct db_q q_cycle_named = DB_Q("SELECT id FROM okr_cycles WHERE name = ?");
static struct db_q q_cycle_add = DB_Q(
    "INSERT INTO okr_cycles (name, kind, starts_on, ends_on, state, created_at)"
    " VALUES (?, 'quarter', ?, ?, 'active', UTC_TIMESTAMP())");
static struct db_q q_user = DB_Q("SELECT id, COALESCE(team_id, 0) FROM users WHERE login = ?");
static struct db_q q_obj_add = DB_Q(
    "INSERT INTO okr_objectives (cycle_id, title, description, level, owner_id, team_id,"
    " parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0),"
    " NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_kr_add = DB_Q(
    "INSERT INTO okr_krs (objective_id, title, kind, start_value, target_value, unit, weight,"
    " owner_id, source, metric_key, f_team_id, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), IF(? = '', 'manual', 'metric'), NULLIF(?, ''),"
    " NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_checkin_add = DB_Q(
    "INSERT INTO okr_checkins (kr_id, value, confidence, comment, user_id, created_at)"
    " VALUES (?, IF(? = 1, ?, NULL), ?, ?, ?, FROM_UNIXTIME(?))");
static struct db_q q_confidence = DB_Q(
    "UPDATE okr_krs SET confidence = ?, confidence_note = ? WHERE id = ?");
static struct db_q q_init_add = DB_Q(
    "INSERT INTO okr_initiatives (kr_id, title, owner_id, status, due_on, created_at)"
    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())");
static struct db_q q_review_add = DB_Q(
    "INSERT INTO okr_reviews (objective_id, worked, not_worked, standard, author_id,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())");

struct who {
	long long id, team;
};

static int
who(struct arena *a, const char *login, struct who *w)
{
	struct db_res *r;

	if (db_query(a, &q_user, &r, "s", login) != DB_OK || r->nrows != 1)
		return -1;
	w->id = db_get_int(r, 0, 0);
	w->team = db_get_int(r, 0, 1);
	return 0;
}

static long long
objective(long long cycle, const char *title, const char *desc, const char *level,
    const struct who *owner, long long team, long long parent)
{
	if (db_exec(&q_obj_add, NULL, "isssiii", cycle, title, desc, level, owner->id, team,
	    parent) != DB_OK)
		return 0;
	return (long long)db_insert_id();
}

static long long
kr(long long obj, const char *title, const char *kind, double start, double target,
    const char *unit, double weight, const struct who *owner, const char *metric, long long team)
{
	if (db_exec(&q_kr_add, NULL, "issddsdissi", obj, title, kind, start, target, unit, weight,
	    owner->id, metric, metric, team) != DB_OK)
		return 0;
	return (long long)db_insert_id();
}

static int
checkin(long long k, int manual, double v, const char *conf, const char *comment,
    const struct who *w, long long at)
{
	if (db_exec(&q_checkin_add, NULL, "iIdssii", k, manual, v, conf, comment, w->id, at) !=
	    DB_OK)
		return -1;
	/* the latest check-in sets the confidence, as on the page */
	return db_exec(&q_confidence, NULL, "ssi", conf, comment, k) == DB_OK ? 0 : -1;
}

/* The China-time quarter holding day: first and last day. */
static void
quarter_of(long day, long *first, long *last, int *year, int *q)
{
	int y, m, d;

	metric_day_ymd(day, &y, &m, &d);
	*year = y;
	*q = (m - 1) / 3 + 1;
	*first = metric_day_from_ymd(y, (*q - 1) * 3 + 1, 1);
	*last = *q == 4 ? metric_day_from_ymd(y + 1, 1, 1) - 1 :
	    metric_day_from_ymd(y, *q * 3 + 1, 1) - 1;
}

/* The previous quarter: its check-ins, closed with a review. */
static int
demo_past(struct arena *a, long first, long last, const char *name, const struct who *sup,
    const struct who *agent)
{
	struct okr_cycle c;
	long long cid, o, k1, k2, t0 = metric_day_start(first);
	int found = 0;

	if (db_exec(&q_cycle_add, NULL, "sss", name, metric_day_text(a, first),
	    metric_day_text(a, last)) != DB_OK)
		return -1;
	cid = (long long)db_insert_id();
	o = objective(cid, "建立上门服务标准 Standard on-site service",
	    "让每次上门都按同一套标准完成。", "company", sup, 0, 0);
	k1 = kr(o, "编写 SOP 篇数 SOPs written", "increase_to", 0, 12, " 篇", 1, agent, "", 0);
	k2 = kr(o, "上线预约提醒 Appointment reminders live", "milestone", 0, 1, "", 1, sup, "", 0);
	if (o == 0 || k1 == 0 || k2 == 0 ||
	    checkin(k1, 1, 5, "at_risk", "人手不够，进度偏慢。", agent, t0 + 30 * 86400) != 0 ||
	    checkin(k1, 1, 10, "on_track", "两位技师加入编写。", agent, t0 + 70 * 86400) != 0 ||
	    checkin(k2, 1, 1, "on_track", "短信提醒已上线。", sup, t0 + 80 * 86400) != 0)
		return -1;
	if (okr_cycle_get(a, cid, &c, &found) != DB_OK || !found ||
	    okr_cycle_close(a, &c, c.version, sup->id, metric_day_start(last + 1)) != DB_OK)
		return -1;
	return db_exec(&q_review_add, NULL, "isssi", o,
	    "每周例会直接看看板，不再手工汇总表格；预约提醒减少了空跑。",
	    "SOP 只写了 10 篇，冰箱和热水器的还没有。",
	    "新 SOP 先在一个团队试行两周再推广；每周一更新关键结果。", sup->id) == DB_OK ? 0 : -1;
}

/* The current quarter: the tree, bound and manual key results. */
static int
demo_current(struct arena *a, long first, long last, const char *name, const struct who *sup,
    const struct who *agent, const struct who *tech2, long long now)
{
	struct metric_info *mi;
	size_t n, i;
	long long cid, co, east, south, k, ext = -1;
	long long t0 = metric_day_start(first);

	if (db_exec(&q_cycle_add, NULL, "sss", name, metric_day_text(a, first),
	    metric_day_text(a, last)) != DB_OK)
		return -1;
	cid = (long long)db_insert_id();
	co = objective(cid, "让客户更快、更满意地修好 Faster, happier repairs",
	    "公司级目标：时效和满意度用同一套指标衡量。", "company", sup, 0, 0);
	east = objective(cid, "华东：派单更快 East: dispatch faster",
	    "缩短从报修到派单的时间。", "team", agent, agent->team, co);
	south = objective(cid, "华南：一次修好 South: fix it the first time",
	    "提高一次修复率，减少返修。", "team", tech2, tech2->team, co);
	if (co == 0 || east == 0 || south == 0)
		return -1;
	if (kr(co, "解决时效达标率保持 90% 以上 SLA compliance above 90%", "stay_above", 0, 90, "%",
	    2, sup, "sla_compliance", 0) == 0 ||
	    kr(co, "满意度提升到 4.6 CSAT up to 4.6", "increase_to", 4.0, 4.6, "", 1, sup, "csat",
	    0) == 0 ||
	    kr(east, "派单时间降到 30 分钟 Time to dispatch down to 30 min", "decrease_to", 120, 30,
	    " 分钟", 2, agent, "time_to_dispatch", agent->team) == 0 ||
	    kr(south, "一次修复率提升到 90% First-time fix up to 90%", "increase_to", 70, 90, "%",
	    2, tech2, "first_time_fix", tech2->team) == 0)
		return -1;
	k = kr(east, "培训技师 10 人 Train 10 technicians", "increase_to", 0, 10, " 人", 1, agent,
	    "", 0);
	if (k == 0 || checkin(k, 1, 3, "on_track", "第一批 3 人完成培训。", agent,
	    t0 + 14 * 86400 < now ? t0 + 14 * 86400 : now) != 0 ||
	    checkin(k, 1, 6, "at_risk", "第二批推迟一周。", agent, now - 86400) != 0)
		return -1;
	if (db_exec(&q_init_add, NULL, "isiss", k, "每周四下午集中培训 Thursday workshops",
	    agent->id, "doing", metric_day_text(a, last)) != DB_OK)
		return -1;
	k = kr(south, "上线备件看板 Parts board live", "milestone", 0, 1, "", 1, tech2, "", 0);
	if (k == 0 || checkin(k, 1, 0, "at_risk", "等待采购系统接口。", tech2, now - 9 * 86400) != 0)
		return -1;
	/* an external metric, when an admin defined one */
	if (metric_info_list(a, &mi, &n) == DB_OK)
		for (i = 0; i < n && ext < 0; i++)
			if (mi[i].external)
				ext = (long long)i;
	if (ext >= 0 && kr(co, mi[ext].zh, "increase_to", 0, 100, "", 1, sup, mi[ext].key, 0) == 0)
		return -1;
	return 0;
}

int
demo_okr(struct arena *a)
{
	struct who sup, agent, tech2;
	struct db_res *r;
	long long now = (long long)time(NULL);
	long first, last, pfirst, plast;
	const char *cur, *prev;
	int y, q, py, pq;

	quarter_of(metric_day_of(now), &first, &last, &y, &q);
	quarter_of(first - 1, &pfirst, &plast, &py, &pq);
	cur = arena_printf(a, "%d Q%d", y, q);
	prev = arena_printf(a, "%d Q%d", py, pq);
	if (db_query(a, &q_cycle_named, &r, "s", cur) != DB_OK)
		return -1;
	if (r->nrows > 0)
		return 0;
	if (who(a, "supervisor", &sup) != 0 || who(a, "agent", &agent) != 0 ||
	    who(a, "tech2", &tech2) != 0) {
		fprintf(stderr, "demo-okr: run sl-cli demo first\n");
		return -1;
	}
	if (demo_past(a, pfirst, plast, prev, &sup, &agent) != 0 ||
	    demo_current(a, first, last, cur, &sup, &agent, &tech2, now) != 0) {
		fprintf(stderr, "demo-okr: could not create the demo cycles\n");
		return -1;
	}
	return 0;
}
