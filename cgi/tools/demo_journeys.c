/* sl-cli demo-journeys: both templates as demo maps over the demo history,
 * through the same model functions as the pages (journey.h): the repair
 * journey with a persona and items of every kind of evidence, its golden
 * design and a baseline snapshot; the membership journey (AARRR). Idempotent:
 * a demo map already there is left as it is. */
#include "demo.h"
#include "arena.h"
#include "db.h"
#include "journey.h"
#include "metric_key.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define DEMO_REPAIR     "家电维修客户旅程（演示）"
#define DEMO_MEMBERSHIP "会员旅程 AARRR（演示）"

static struct db_q q_demo_map = DB_Q("SELECT id FROM journeys WHERE name = ? AND golden = 0");
static struct db_q q_demo_owner = DB_Q("SELECT id FROM users WHERE login = 'supervisor'");

struct demo_item {
	int         stage;          /* 1-based place */
	const char *lane;           /* lane role */
	const char *body, *evidence, *source;
};

static const struct demo_item repair_items[] = {
	{ 1, "actions",     "空调不制冷，先自己查遥控器和滤网", "research", "2026-10 用户回访 12 通" },
	{ 1, "thoughts",    "“大夏天的，今天能修好吗？”", "research", "回访录音 #3" },
	{ 1, "pain",        "不知道找谁报修，保修卡找不到", "assumption", "" },
	{ 2, "touchpoints", "手机网页报修表单 /repair", "data", "/desk/?status=all&channel=web" },
	{ 2, "actions",     "填写故障、地址，上传照片", "assumption", "" },
	{ 2, "pain",        "报修后不知道有没有人看到", "research", "投诉工单 3 件" },
	{ 3, "frontstage",  "客服受理并电话确认", "data", "time_to_accept" },
	{ 3, "backstage",   "自动分派按技能和区域", "assumption", "" },
	{ 3, "support",     "工单系统 · SLA 时钟", "assumption", "" },
	{ 4, "pain",        "派工慢，技师当天排满", "data", "time_to_dispatch" },
	{ 4, "opportunity", "按区域预留当日急修名额", "assumption", "" },
	{ 5, "frontstage",  "技师上门前 30 分钟电话联系", "research", "上门服务规范 SOP" },
	{ 5, "thoughts",    "“师傅很准时，穿了鞋套。”", "research", "满意度评价评论" },
	{ 6, "pain",        "缺备件要二次上门", "data", "waiting_parts" },
	{ 6, "opportunity", "常用备件随车携带（按预测补货）", "assumption", "" },
	{ 6, "support",     "备件库存与需求预测", "assumption", "" },
	{ 7, "actions",     "收到评价短信，给出评分", "data", "survey_response_rate" },
	{ 7, "pain",        "回访电话太多，被打扰", "assumption", "" },
};

static long long
demo_lane(const struct journey *j, const char *role)
{
	size_t i;

	for (i = 0; i < j->nlanes; i++)
		if (strcmp(j->lanes[i].role, role) == 0)
			return j->lanes[i].id;
	return 0;
}

static long long
demo_existing(struct arena *a, const char *name)
{
	struct db_res *res;

	if (db_query(a, &q_demo_map, &res, "s", name) != DB_OK || res->nrows == 0)
		return 0;
	return db_get_int(res, 0, 0);
}

/* The map's version now, for the next change. */
static int
demo_version(struct arena *a, long long id)
{
	struct journey j;

	return journey_load(a, id, &j) == JOURNEY_OK ? j.version : -1;
}

static int
demo_repair_fill(struct arena *a, long long id, long long owner)
{
	struct journey_edit e = { id, 0, owner };
	struct journey_meta m = { DEMO_REPAIR, "忙碌的双职工家庭", "家里空调夏天突然不制冷，白天要上班，"
		"只能晚上或周末在家。", "当天有人响应，一次修好，价格透明。",
		"反复打电话催进度；技师缺件要再来一次。", "", 0, 0 };
	struct journey j;
	size_t i;

	if ((e.version = demo_version(a, id)) < 0 || journey_set_meta(a, &e, &m) != JOURNEY_OK)
		return -1;
	if (journey_load(a, id, &j) != JOURNEY_OK)
		return -1;
	for (i = 0; i < sizeof(repair_items) / sizeof(repair_items[0]); i++) {
		const struct demo_item *d = &repair_items[i];
		struct journey_item_in in;

		if ((size_t)d->stage > j.nstages)
			continue;
		in.stage = j.stages[d->stage - 1].id;
		in.lane = demo_lane(&j, d->lane);
		in.body = d->body;
		in.source = d->source;
		in.evidence = journey_evidence_parse(d->evidence);
		e.version = demo_version(a, id);
		if (journey_item_add(a, &e, &in) != JOURNEY_OK)
			return -1;
	}
	return 0;
}

/* The golden design: better emotions, tighter targets, pain points gone. */
static int
demo_golden(struct arena *a, long long src, long long owner, long long *gid)
{
	struct journey g;
	struct journey_edit e;
	size_t i;

	if (journey_copy(a, src, 1, "家电维修黄金旅程（演示）", owner, gid) != JOURNEY_OK ||
	    journey_load(a, *gid, &g) != JOURNEY_OK)
		return -1;
	e.id = *gid;
	e.user = owner;
	for (i = 0; i < g.nstages; i++) {
		e.version = demo_version(a, *gid);
		if (journey_stage_save(a, &e, g.stages[i].id, g.stages[i].name,
		    g.stages[i].emotion < 1 ? g.stages[i].emotion + 1 : 2) != JOURNEY_OK)
			return -1;
	}
	for (i = 0; i < g.nmetrics; i++) {
		const struct journey_metric *m = &g.metrics[i];
		double t = m->target;

		if (!m->has_target)
			continue;
		/* Durations halved, rates up to a golden level. */
		if (strncmp(m->key, "time_to", 7) == 0 || strcmp(m->key, "waiting_parts") == 0)
			t = m->target / 2;
		else if (t > 5)
			t = t + (100 - t) / 2;
		e.version = demo_version(a, *gid);
		if (journey_metric_save(a, &e, m->id, 1, t) != JOURNEY_OK)
			return -1;
	}
	for (i = 0; i < g.nitems; i++) {
		const struct journey_lane *l = journey_find_lane(&g, g.items[i].lane_id);

		if (l == NULL || strcmp(l->role, "pain") != 0 ||
		    strstr(g.items[i].body, "缺备件") == NULL)
			continue;
		e.version = demo_version(a, *gid);
		if (journey_item_delete(a, &e, g.items[i].id) != JOURNEY_OK)
			return -1;
	}
	return 0;
}

/* A baseline of the last 30 days. */
static int
demo_snapshot(struct arena *a, long long id, long long owner)
{
	long to = metric_day_of((long long)time(NULL)) + 1, from = to - 30;
	struct journey_snap_value *sv;
	struct metric_filter f;
	struct journey j;
	long long sid;
	size_t i;

	if (journey_load(a, id, &j) != JOURNEY_OK)
		return -1;
	sv = arena_zalloc(a, sizeof(*sv) * (j.nmetrics + 1));
	memset(&f, 0, sizeof(f));
	f.category_id = j.category_id;
	f.team_id = j.team_id;
	f.from = metric_day_start(from);
	f.to = metric_day_start(to);
	for (i = 0; i < j.nmetrics; i++) {
		struct metric_value v;

		if (metric_compute_key(a, j.metrics[i].key, &f, &v) != DB_OK)
			memset(&v, 0, sizeof(v));
		sv[i].metric_id = j.metrics[i].id;
		sv[i].has = v.has;
		sv[i].value = v.value;
		sv[i].n = v.n;
	}
	return journey_snapshot_add(a, &j, owner, "2026-Q4 基线", from, to, sv, &sid) ==
	    JOURNEY_OK ? 0 : -1;
}

int
demo_journeys(struct arena *a)
{
	struct db_res *res;
	long long owner = 0, id, gid;
	int made = 0;

	if (db_query(a, &q_demo_owner, &res, "") == DB_OK && res->nrows > 0)
		owner = db_get_int(res, 0, 0);
	if (demo_existing(a, DEMO_REPAIR) == 0) {
		if (journey_create(a, JOURNEY_TPL_REPAIR, DEMO_REPAIR, "zh-CN", owner, &id) !=
		    JOURNEY_OK || demo_repair_fill(a, id, owner) != 0 ||
		    demo_golden(a, id, owner, &gid) != 0 || demo_snapshot(a, id, owner) != 0) {
			fprintf(stderr, "demo-journeys: the repair journey failed\n");
			return -1;
		}
		made++;
	}
	if (demo_existing(a, DEMO_MEMBERSHIP) == 0) {
		if (journey_create(a, JOURNEY_TPL_MEMBERSHIP, DEMO_MEMBERSHIP, "zh-CN", owner, &id) !=
		    JOURNEY_OK) {
			fprintf(stderr, "demo-journeys: the membership journey failed\n");
			return -1;
		}
		made++;
	}
	printf("Demo journeys: %d new.\n", made);
	return 0;
}
