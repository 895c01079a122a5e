/* sl-cli demo-tickets: a small, believable service history for `make run`
 * (not for tests): tickets in every stage, made through the same ticket
 * functions as the web pages, so events, SLA times and search tokens are
 * real. Idempotent: each demo ticket has a fixed form token. */
#include "arena.h"
#include "db.h"
#include "demo.h"
#include "ticket.h"

#include <stdio.h>
#include <string.h>

static struct db_q q_user = DB_Q("SELECT id FROM users WHERE login = ?");
static struct db_q q_category = DB_Q("SELECT id FROM categories WHERE code = ?");
static struct db_q q_skill = DB_Q(
    "INSERT IGNORE INTO user_skills (user_id, category_id) SELECT u.id, c.id"
    " FROM users u JOIN categories c ON c.code = ? WHERE u.login = ?");
static struct db_q q_region = DB_Q("UPDATE users SET region = ? WHERE login = ?");
static struct db_q q_version = DB_Q("SELECT version FROM tickets WHERE id = ?");

/* How far along the loop a demo ticket is. */
enum demo_stage { ST_NEW, ST_ACCEPTED, ST_ASSIGNED, ST_WORKING, ST_RESOLVED, ST_CLOSED };

static const struct demo_ticket {
	const char     *name, *phone, *product, *category, *address, *description;
	const char     *tech;        /* login of the technician, or NULL */
	enum demo_stage stage;
	int             rating;      /* survey, 0 = none */
	const char     *comment;
} demo[] = {
	{ "刘女士", "13800138001", "格力 KFR-35GW", "ac", "上海市浦东新区张杨路 100 号",
	  "家用空调不制冷，开机半小时还是热风，外机有异响。", "tech", ST_RESOLVED, 5, "师傅很专业，准时上门。" },
	{ "陈先生", "13900139002", "海尔 BCD-470", "fridge", "上海市徐汇区漕溪北路 200 号",
	  "冰箱冷藏室结霜严重，门封条好像坏了。", "tech", ST_WORKING, 0, NULL },
	{ "王阿姨", "13700137003", "小天鹅 TG100", "washer", "上海市静安区南京西路 300 号",
	  "洗衣机脱水时漏水，地上全是水。", "tech", ST_ASSIGNED, 0, NULL },
	{ "赵先生", "13600136004", "美的 F6032", "water_heater", "广州市天河区天河路 400 号",
	  "热水器显示 E1 故障，不出热水。", "tech2", ST_RESOLVED, 2, "等了三天才来，要投诉。" },
	{ "孙小姐", "13500135005", "TCL 55V8", "tv", "广州市越秀区北京路 500 号",
	  "电视开机黑屏，有声音没有图像。", "tech2", ST_CLOSED, 4, NULL },
	{ "周先生", "13400134006", "格力 KFR-72LW", "ac", "上海市闵行区莘庄 600 号",
	  "柜机空调遥控失灵，面板按键也没反应。", NULL, ST_ACCEPTED, 0, NULL },
	{ "吴女士", "13300133007", "海信 BCD-252", "fridge", "上海市杨浦区五角场 700 号",
	  "冰箱压缩机一直响，不停机。", NULL, ST_NEW, 0, NULL },
	{ "郑先生", "13200132008", "美的 KFR-26GW", "ac", "广州市海珠区江南大道 800 号",
	  "新买的空调安装后漏水，室内机滴水。", "tech2", ST_WORKING, 0, NULL },
	{ "冯女士", "13100131009", "西门子 WM12", "washer", "上海市长宁区中山公园 900 号",
	  "洗衣机门打不开，显示门锁故障。", NULL, ST_NEW, 0, NULL },
	{ "褚先生", "13000130010", "万和 JSQ24", "water_heater", "上海市普陀区长寿路 1000 号",
	  "燃气热水器点不着火，有咔哒声。", "tech", ST_RESOLVED, 4, "解决了，谢谢。" },
};

static long long
id_of(struct arena *a, struct db_q *q, const char *key)
{
	struct db_res *res;

	if (db_query(a, q, &res, "s", key) != DB_OK || res->nrows == 0)
		return 0;
	return db_get_int(res, 0, 0);
}

static unsigned
version_of(struct arena *a, long long id)
{
	struct db_res *res;

	if (db_query(a, &q_version, &res, "i", id) != DB_OK || res->nrows == 0)
		return 0;
	return (unsigned)db_get_int(res, 0, 0);
}

/* Walk a new ticket along the loop up to its stage. */
static int
demo_advance(struct arena *a, long long id, const struct demo_ticket *t, long long agent)
{
	const struct ticket_actor desk = { ACTOR_STAFF, agent };
	long long tech = t->tech != NULL ? id_of(a, &q_user, t->tech) : 0;
	const struct ticket_actor field = { ACTOR_STAFF, tech };
	long long visit = 0;
	int ok = 1;

	if (t->stage >= ST_ACCEPTED && tech == 0)
		ok = ticket_change_status(a, id, version_of(a, id), TS_ACCEPTED, &desk, NULL) == TK_OK;
	if (ok && t->stage >= ST_ASSIGNED && tech > 0)
		ok = ticket_assign(a, id, version_of(a, id), tech, 0, &desk) == TK_OK &&
		    ticket_reply(a, id, &desk, 1, "您好，已为您安排师傅上门，请保持电话畅通。") == TK_OK;
	if (ok && t->stage >= ST_WORKING && tech > 0)
		ok = ticket_visit_arrive(a, id, tech, &visit) == TK_OK;
	if (ok && t->stage >= ST_RESOLVED && tech > 0)
		ok = ticket_visit_finish(a, id, visit, tech, "已检修并试机正常。") == TK_OK &&
		    ticket_change_status(a, id, version_of(a, id), TS_RESOLVED, &field, NULL) == TK_OK;
	if (ok && t->stage >= ST_CLOSED)
		ok = ticket_change_status(a, id, version_of(a, id), TS_CLOSED, &desk, NULL) == TK_OK;
	if (ok && t->rating > 0) {
		enum ticket_rc rc = ticket_rate(a, id, t->rating, t->comment);

		ok = rc == TK_OK || rc == TK_CONFLICT;    /* rated by an earlier run */
	}
	return ok ? 0 : -1;
}

static int
demo_skills(void)
{
	static const char *const skills[][2] = {
		{ "ac", "tech" }, { "fridge", "tech" }, { "washer", "tech" }, { "water_heater", "tech" },
		{ "ac", "tech2" }, { "tv", "tech2" }, { "water_heater", "tech2" },
	};
	size_t i;

	for (i = 0; i < sizeof(skills) / sizeof(skills[0]); i++)
		if (db_exec(&q_skill, NULL, "ss", skills[i][0], skills[i][1]) != DB_OK)
			return -1;
	if (db_exec(&q_region, NULL, "ss", "上海", "tech") != DB_OK ||
	    db_exec(&q_region, NULL, "ss", "广州", "tech2") != DB_OK)
		return -1;
	return 0;
}

int
demo_tickets(struct arena *a)
{
	long long agent = id_of(a, &q_user, "agent");
	size_t i, made = 0;

	if (agent == 0 || demo_skills() != 0) {
		fprintf(stderr, "demo-tickets: run `sl-cli demo` first\n");
		return 1;
	}
	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		const struct demo_ticket *t = &demo[i];
		const struct ticket_actor customer = { ACTOR_CUSTOMER, 0 };
		struct ticket_input in;
		struct ticket_ref ref;

		memset(&in, 0, sizeof(in));
		in.channel = i % 3 == 1 ? TC_PHONE : TC_WEB;
		in.priority = TP_NORMAL;
		in.category_id = id_of(a, &q_category, t->category);
		in.name = t->name;
		in.phone = t->phone;
		in.product = t->product;
		in.address = t->address;
		in.description = t->description;
		in.form_token = arena_printf(a, "demo-ticket-%02zu", i);
		if (ticket_create(a, &in, NULL, 0, &customer, &ref) != TK_OK)
			return 1;
		if (ref.existed)
			continue;
		if (demo_advance(a, ref.id, t, agent) != 0)
			return 1;
		made++;
	}
	printf("Demo tickets: %zu new, %zu in all.\n", made, sizeof(demo) / sizeof(demo[0]));
	return 0;
}
