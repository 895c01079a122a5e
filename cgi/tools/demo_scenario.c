/* The scenario of the demo history (demo_scenario.h): tables of who and
 * what, the knobs of the process before and after its improvement, and
 * the plan of each ticket. Pure and deterministic. */
#include "demo_scenario.h"
#include "arena.h"

#include <math.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define MIN 60LL
#define HOUR 3600LL
#define DAY 86400LL

/* ---- What the new process changed: each knob before and after it. */

enum knob {
	K_ACCEPT_MIN,      /* median working minutes from a web ticket to its acceptance */
	K_AUTO,            /* share of tickets auto-dispatched */
	K_DISPATCH_MIN,    /* median working minutes from acceptance to a manual dispatch */
	K_ARRIVE_H,        /* median working hours from dispatch to the technician's arrival */
	K_REVISIT,         /* share of visits that need a second one (no part missing) */
	K_VAN_STOCK,       /* share of needed parts the technician has on the van */
	K_PARTS_WAIT_H,    /* median working hours waited for a part */
	K_REOPEN,          /* share of visited tickets reopened */
	K_WAIT_CUSTOMER,   /* share of tickets that wait for the customer's information */
	K_SURVEY,          /* share of resolved tickets rated (follow-up calls after) */
	K_CSAT_BONUS,      /* the rating's lift from the follow-up call */
	K__MAX
};

static const struct {
	double before, after;
} knobs[K__MAX] = {
	[K_ACCEPT_MIN]    = { 45, 12 },
	[K_AUTO]          = { 0.0, 0.85 },
	[K_DISPATCH_MIN]  = { 170, 25 },
	[K_ARRIVE_H]      = { 13, 4.5 },
	[K_REVISIT]       = { 0.20, 0.07 },
	[K_VAN_STOCK]     = { 0.45, 0.75 },
	[K_PARTS_WAIT_H]  = { 24, 10 },
	[K_REOPEN]        = { 0.08, 0.03 },
	[K_WAIT_CUSTOMER] = { 0.08, 0.06 },
	[K_SURVEY]        = { 0.42, 0.63 },
	[K_CSAT_BONUS]    = { 0.0, 0.3 },
};

/* What stays the same. */
#define DEMO_PER_DAY     33.5    /* tickets on an average weekday */
#define DEMO_REMOTE      0.12    /* solved on the phone, no visit */
#define DEMO_CANCEL      0.03
#define DEMO_RAISE       0.04    /* the agent raises the priority */
#define DEMO_KEYWORDS    0.025   /* descriptions with a warning keyword */
#define DEMO_NOBODY_HOME 0.05
#define DEMO_CLOSE       0.65    /* closed three working days after resolution */
#define DEMO_ONSITE_MIN  55

static double
knob(enum knob k, double f)
{
	return knobs[k].before + (knobs[k].after - knobs[k].before) * f;
}

/* ---- Random numbers. */

void
demo_rng_seed(struct demo_rng *g, unsigned long long seed)
{
	g->s = seed;
}

unsigned long long
demo_rng_next(struct demo_rng *g)
{
	unsigned long long z = (g->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

double
demo_rng_unit(struct demo_rng *g)
{
	return (double)(demo_rng_next(g) >> 11) / 9007199254740992.0;   /* 2^53 */
}

long long
demo_rng_range(struct demo_rng *g, long long lo, long long hi)
{
	unsigned long long span = (unsigned long long)(hi - lo) + 1;

	return hi <= lo ? lo : lo + (long long)(demo_rng_next(g) % span);
}

int
demo_rng_chance(struct demo_rng *g, double p)
{
	return demo_rng_unit(g) < p;
}

/* Standard normal (Box-Muller). */
static double
rng_normal(struct demo_rng *g)
{
	double u = 1.0 - demo_rng_unit(g), v = demo_rng_unit(g);

	return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

double
demo_rng_lognormal(struct demo_rng *g, double median, double sigma)
{
	return median * exp(sigma * rng_normal(g));
}

size_t
demo_rng_weighted(struct demo_rng *g, const double *w, size_t n)
{
	double sum = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		sum += w[i];
	x = demo_rng_unit(g) * sum;
	for (i = 0; i + 1 < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* ---- Time. */

static struct work_calendar calendar;

const struct work_calendar *
demo_calendar(void)
{
	int wd;

	if (calendar.tz_offset_min == 0) {
		for (wd = 1; wd <= 6; wd++) {
			calendar.start_min[wd] = 8 * 60 + 30;
			calendar.end_min[wd] = 18 * 60;
		}
		calendar.tz_offset_min = DEMO_TZ_SECS / 60;
	}
	return &calendar;
}

long long
demo_staff_after(long long t, long long secs)
{
	return (long long)sla_add_business(demo_calendar(), (time_t)t, secs < 60 ? 60 : secs);
}

static long long
day_start(long day)
{
	return (long long)day * DAY - DEMO_TZ_SECS;
}

static long
day_of(long long t)
{
	long long local = t + DEMO_TZ_SECS;

	return (long)(local >= 0 ? local / DAY : -((-local + DAY - 1) / DAY));
}

long long
demo_customer_after(struct demo_rng *g, long long t, long long secs)
{
	long long u = t + (secs < 60 ? 60 : secs);
	long long sod = u - day_start(day_of(u));

	if (sod < 8 * HOUR)
		return u + (8 * HOUR - sod) + demo_rng_range(g, 0, 90 * MIN);
	if (sod >= 22 * HOUR)
		return u + (DAY - sod) + 8 * HOUR + demo_rng_range(g, 0, 120 * MIN);
	return u;
}

/* Relative weight of each hour of the day for tickets customers send. */
static const double hours_online[24] = {
	1, 0.4, 0.2, 0.1, 0.1, 0.3, 1, 3, 6, 9, 10, 9, 7, 7, 8, 8, 7, 6, 6, 8, 9, 8, 5, 2,
};

static int
weekday(long day)
{
	long w = (day + 4) % 7;     /* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

long long
demo_pick_created(struct demo_rng *g, long day, enum ticket_channel ch)
{
	long long start = day_start(day);
	size_t h;

	switch (ch) {
	case TC_PLAN:     /* sl-cli plans-run at 02:15 */
		return start + 2 * HOUR + 15 * MIN + demo_rng_range(g, 0, 5 * MIN);
	case TC_PHONE:    /* the call centre: 08:30-18:00, Sundays 09:00-17:00 */
		if (weekday(day) == 0)
			return start + 9 * HOUR + demo_rng_range(g, 0, 8 * HOUR - 1);
		return start + 8 * HOUR + 30 * MIN + demo_rng_range(g, 0, 9 * HOUR + 30 * MIN - 1);
	default:
		h = demo_rng_weighted(g, hours_online, N(hours_online));
		return start + (long long)h * HOUR + demo_rng_range(g, 0, HOUR - 1);
	}
}

double
demo_improvement(long days_ago)
{
	if (days_ago <= -35)
		return 0;
	if (days_ago >= -26)
		return 1;
	return (double)(days_ago + 35) / 9.0;
}

/* ---- Tables. */

static const struct demo_category categories[] = {
	{ "ac", 0.32 }, { "fridge", 0.35 }, { "washer", 0.30 },
	{ "water_heater", 0.30 }, { "tv", 0.40 }, { "other", 0.15 },
};
enum { CAT_AC, CAT_FRIDGE, CAT_WASHER, CAT_WATER_HEATER, CAT_TV, CAT_OTHER };

const struct demo_category *
demo_categories(size_t *n)
{
	*n = N(categories);
	return categories;
}

static const struct demo_part parts[] = {
	{ "AC-CAP-35", "空调启动电容 35μF", "AC start capacitor 35 µF", "ac", "个", 45, 8, 20, 7 },
	{ "AC-FAN-OUT", "空调室外风机电机", "AC outdoor fan motor", "ac", "个", 260, 4, 14, 10 },
	{ "AC-PCB-IN", "空调室内机主板", "AC indoor control board", "ac", "块", 380, 4, 10, 14 },
	{ "AC-R32", "R32 冷媒", "R32 refrigerant", "ac", "瓶", 120, 6, 15, 5 },
	{ "FR-SEAL", "冰箱门封条", "Refrigerator door seal", "fridge", "条", 85, 6, 15, 7 },
	{ "FR-THERM", "冰箱温控器", "Refrigerator thermostat", "fridge", "个", 120, 4, 10, 10 },
	{ "FR-FAN", "冰箱风扇电机", "Refrigerator fan motor", "fridge", "个", 150, 4, 10, 10 },
	{ "WA-PUMP", "洗衣机排水泵", "Washer drain pump", "washer", "个", 95, 6, 15, 7 },
	{ "WA-LOCK", "洗衣机门锁", "Washer door lock", "washer", "个", 70, 6, 15, 7 },
	{ "WH-IGN", "燃气热水器点火针", "Gas water heater igniter", "water_heater", "个", 35, 8, 20, 5 },
	{ "WH-ROD", "电热水器加热管", "Electric water heater element", "water_heater", "根", 140, 4,
	  12, 10 },
	{ "WH-NTC", "热水器温度传感器", "Water heater temperature sensor", "water_heater", "个", 40,
	  6, 15, 7 },
	{ "TV-LED", "电视背光灯条", "TV LED backlight strip", "tv", "套", 180, 4, 10, 14 },
	{ "TV-PSU", "电视电源板", "TV power board", "tv", "块", 220, 3, 8, 14 },
	{ "OT-FILTER", "净水器滤芯", "Water purifier filter", "other", "支", 60, 6, 15, 7 },
};

const struct demo_part *
demo_parts(size_t *n)
{
	*n = N(parts);
	return parts;
}

size_t
demo_part_of(const char *category, int i)
{
	size_t k, first = 0, count = 0;

	for (k = 0; k < N(parts); k++) {
		if (strcmp(parts[k].category, category) != 0)
			continue;
		if (count == 0)
			first = k;
		if ((int)count == i)
			return k;
		count++;
	}
	return first;
}

static const char *const products[][4] = {
	[CAT_AC]           = { "格力 KFR-35GW", "美的 KFR-26GW", "海尔 KFR-72LW", "奥克斯 KFR-35GW" },
	[CAT_FRIDGE]       = { "海尔 BCD-470", "美的 BCD-521", "西门子 KA92", "容声 BCD-529" },
	[CAT_WASHER]       = { "小天鹅 TG100", "海尔 EG100", "西门子 WM12", "美的 MG100" },
	[CAT_WATER_HEATER] = { "美的 F6032", "万和 JSQ24", "海尔 EC6002", "A.O.史密斯 E60" },
	[CAT_TV]           = { "TCL 55V8", "海信 65E3", "小米 L55M", "创维 55A3" },
	[CAT_OTHER]        = { "方太 油烟机 CXW-200", "九阳 净水器 JYW", "老板 燃气灶 30B", "美的 洗碗机 RX20" },
};

static const char *const descriptions[][6] = {
	[CAT_AC] = {
		"空调不制冷，开机半小时还是热风。", "室内机漏水，滴到地板上。",
		"外机噪音很大，晚上睡不着。", "遥控器没反应，面板按键也不灵。",
		"开机几分钟就停，显示 E4 故障。", "制热效果很差，出风口是凉风。" },
	[CAT_FRIDGE] = {
		"冷藏室不冷，饮料放进去是常温。", "冷冻室结霜严重，抽屉拉不开。",
		"压缩机一直响，不停机。", "门封条脱落，门关不严。",
		"冰箱里有异味，清洗后还有。", "显示屏报 E1，温度降不下来。" },
	[CAT_WASHER] = {
		"脱水时机器晃得厉害，还会移位。", "洗衣机不排水，显示 E21。",
		"门打不开，显示门锁故障。", "进水很慢，洗一次要两个多小时。",
		"洗衣时底部漏水。", "滚筒转动有咔咔的异响。" },
	[CAT_WATER_HEATER] = {
		"燃气热水器点不着火，有咔哒声。", "热水器不出热水，显示 E1。",
		"洗澡时水温忽冷忽热。", "电热水器加热很慢，一晚上还不热。",
		"热水器底部在滴水。", "开热水时有很大的异响。" },
	[CAT_TV] = {
		"开机黑屏，有声音没图像。", "屏幕上有一条竖线。",
		"电视反复重启，进不了桌面。", "遥控器失灵，换了电池也不行。",
		"画面偏暗，亮度调最高也看不清。", "开机后指示灯闪烁，无法开机。" },
	[CAT_OTHER] = {
		"油烟机吸力变小，厨房油烟大。", "净水器出水很慢，提示更换滤芯。",
		"燃气灶一边打不着火。", "洗碗机洗不干净，碗上有残渣。",
		"油烟机开关失灵。", "净水器一直在响，不停机。" },
};

/* Descriptions with a word the keyword rules catch (some raise the priority). */
static const char *const warning_descriptions[] = {
	"插座附近有焦味，机器外壳有点麻手，怀疑漏电。",
	"开机后机器后面冒烟了，已经拔掉电源。",
	"这是第三次报修了，再修不好就投诉。",
	"刚买一个月就坏了，要求退货或者换新。",
};

static const char *const plan_descriptions[] = {
	"年度保养：清洗滤网，检查冷媒压力。",
	"定期检查：清理水垢，检查安全阀和排烟管。",
	"季度保养：检查密封和排水，清洁机身。",
};

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
	"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
};
static const char *const titles[] = { "先生", "女士", "小姐", "阿姨", "先生", "女士" };

static const char *const districts[DEMO_CITY__MAX][8] = {
	[DEMO_SHANGHAI]  = { "上海市浦东新区张杨路", "上海市徐汇区漕溪北路", "上海市静安区南京西路",
	                     "上海市闵行区莘松路", "上海市杨浦区国权路", "上海市普陀区长寿路",
	                     "上海市嘉定区城中路", "上海市松江区人民北路" },
	[DEMO_GUANGZHOU] = { "广州市天河区天河路", "广州市越秀区北京路", "广州市海珠区江南大道",
	                     "广州市白云区机场路", "广州市番禺区市桥路", "广州市荔湾区中山七路",
	                     "广州市黄埔区大沙地", "广州市花都区新华路" },
};

const char *
demo_city_name(enum demo_city c)
{
	static const char *const names[DEMO_CITY__MAX] = { "上海", "广州" };

	return c < DEMO_CITY__MAX ? names[c] : "";
}

/* Texts of steps: pools by act and kind (arg = kind * 100 + index). */
enum {
	ASK_PHOTOS = 0, ASK_NOBODY = 1,
	REPLY_PHOTOS = 0, REPLY_HOME = 1, REPLY_RECUR = 2,
	FIN_FIXED = 0, FIN_PARTS = 1, FIN_AGAIN = 2,
};

static const char *const accept_notes[] = {
	"您好，已受理您的报修，我们会尽快安排师傅。",
	"已收到，正在为您安排上门。",
	"您好，报修已受理，请保持电话畅通。",
};
static const char *const ask_photos[] = {
	"请上传故障照片和机身条码，方便我们提前备件。",
	"请补充购买日期和发票照片，以便确认保修。",
};
static const char *const ask_nobody[] = {
	"师傅上门时家中无人，电话未接通，请回复方便的上门时间。",
};
static const char *const reply_photos[] = {
	"照片已上传，条码在机身侧面。", "发票找到了，已拍照上传。", "已补充，麻烦尽快安排。",
};
static const char *const reply_home[] = {
	"抱歉刚才在开会，明天上午都在家。", "今天下午三点以后在家。",
};
static const char *const reply_recur[] = {
	"修好没两天又出现同样的问题。", "还是老毛病，用了一天又不行了。",
};
static const char *const fin_fixed[] = {
	"已检修并试机正常。", "清洁保养并更换损坏件，试机正常。", "调整安装并紧固，已恢复正常。",
	"重新设置参数后运行正常，已告知使用注意事项。",
};
static const char *const fin_parts[] = {
	"检测为配件损坏，现场无备件，已申请订购。", "需要更换配件，已下单，到货后再约上门。",
};
static const char *const fin_again[] = {
	"初步处理，需观察运行情况，约定复查。", "临时处理，需带专用工具再次上门。",
};
static const char *const remote_replies[] = {
	"经电话指导，重新设置后已恢复正常。", "已远程指导客户清洗滤网，问题解决。",
	"指导客户复位电源后恢复正常，如再出现请随时联系。",
};
static const char *const reopen_notes[] = { "客户反馈问题复发，安排复修。" };
static const char *const cancel_notes[] = { "客户已自行解决，取消报修。", "客户表示暂不需要上门。" };

struct pool {
	unsigned char      act;
	int                kind;
	const char *const *v;
	size_t             n;
};
#define POOL(act, kind, arr) { act, kind, arr, N(arr) }
static const struct pool pools[] = {
	POOL(DA_ACCEPT, 0, accept_notes),
	POOL(DA_ASK, ASK_PHOTOS, ask_photos),
	POOL(DA_ASK, ASK_NOBODY, ask_nobody),
	POOL(DA_CUSTOMER_REPLY, REPLY_PHOTOS, reply_photos),
	POOL(DA_CUSTOMER_REPLY, REPLY_HOME, reply_home),
	POOL(DA_CUSTOMER_REPLY, REPLY_RECUR, reply_recur),
	POOL(DA_FINISH, FIN_FIXED, fin_fixed),
	POOL(DA_FINISH, FIN_PARTS, fin_parts),
	POOL(DA_FINISH, FIN_AGAIN, fin_again),
	POOL(DA_REPLY, 0, remote_replies),
	POOL(DA_REOPEN, 0, reopen_notes),
	POOL(DA_CANCEL, 0, cancel_notes),
};

const char *
demo_text(enum demo_act act, int arg)
{
	size_t i;

	for (i = 0; i < N(pools); i++)
		if (pools[i].act == act && pools[i].kind == arg / 100)
			return pools[i].v[(size_t)(arg % 100) % pools[i].n];
	return NULL;
}

/* Survey comments by rating; the unhappy ones name complaint keywords. */
static const char *const comments[5][6] = {
	{ "师傅迟到两个小时也不道歉，我要投诉！", "修了三次还没好，已经打 12315 了。",
	  "配件等了一个星期，准备找媒体曝光。", "态度很差，还乱收费，投诉！", NULL, NULL },
	{ "等了三天才上门，太慢了。", "第二次上门才修好，耽误我上班。",
	  "客服电话总是打不通。", "修完没两天又坏了，再这样就投诉。", NULL, NULL },
	{ "修好了，但是来回跑了两趟。", "一般吧，预约时间改了一次。", "等配件等了好几天。",
	  NULL, NULL, NULL },
	{ "整体不错，就是等得有点久。", "修好了，师傅人挺好。", "还可以，希望配件能快一点。",
	  "服务态度好，收费透明。", NULL, NULL },
	{ "师傅很专业，准时上门，点赞！", "修得很快，态度也好。", "服务很好，讲解得很清楚。",
	  "上门前提前打了电话，很贴心。", "问题一次就解决了，谢谢师傅。", "很满意，下次还找你们。" },
};

static size_t
comment_count(int rating)
{
	size_t n = 0;

	while (n < N(comments[0]) && comments[rating - 1][n] != NULL)
		n++;
	return n;
}

const char *
demo_comment(int arg)
{
	int rating = arg / 100, c = arg % 100;

	if (rating < 1 || rating > 5 || c < 1 || (size_t)c > comment_count(rating))
		return NULL;
	return comments[rating - 1][c - 1];
}

int
demo_rating(int arg)
{
	return arg / 100;
}

/* ---- The plan of one ticket. */

struct planner {
	struct demo_rng  *g;
	struct demo_plan *p;
	double            f;        /* demo_improvement of its day */
	int               visits, reopened, waited;
};

/* Append a step no earlier than a minute after the last one. */
static long long
add(struct planner *pl, long long at, enum demo_act act, int arg)
{
	struct demo_plan *p = pl->p;

	if (p->nsteps >= DEMO_MAX_STEPS)
		return p->steps[p->nsteps - 1].at;
	if (p->nsteps > 0 && at < p->steps[p->nsteps - 1].at + MIN)
		at = p->steps[p->nsteps - 1].at + MIN;
	p->steps[p->nsteps].at = at;
	p->steps[p->nsteps].act = (unsigned char)act;
	p->steps[p->nsteps].arg = arg;
	p->nsteps++;
	return at;
}

static int
pick(struct planner *pl, int kind, size_t n)
{
	return kind * 100 + (int)demo_rng_range(pl->g, 0, (long long)n - 1);
}

static long long
onsite(struct planner *pl)
{
	double m = demo_rng_lognormal(pl->g, DEMO_ONSITE_MIN, 0.35);

	return (long long)((m < 15 ? 15 : m > 240 ? 240 : m) * MIN);
}

/* One visit from arrival at t; the finish note fin. Returns its end. */
static long long
visit(struct planner *pl, long long t, int fin, int part)
{
	long long stay = onsite(pl);

	add(pl, t, DA_ARRIVE, 0);
	if (part >= 0)
		add(pl, t + stay * 6 / 10, DA_PART, part);
	pl->visits++;
	return add(pl, t + stay, DA_FINISH, fin);
}

/* From dispatch at t to the resolution; returns its time. */
static long long
plan_visits(struct planner *pl, long long t)
{
	const struct demo_category *c = &categories[pl->p->category];
	double f = pl->f;
	long long ta = demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g,
	    knob(K_ARRIVE_H, f), 0.6) * HOUR));
	int part = (int)demo_rng_range(pl->g, 0, 9);

	if (demo_rng_chance(pl->g, c->parts_p)) {
		if (demo_rng_chance(pl->g, knob(K_VAN_STOCK, f))) {
			t = visit(pl, ta, pick(pl, FIN_FIXED, N(fin_fixed)), part);
		} else {
			t = visit(pl, ta, pick(pl, FIN_PARTS, N(fin_parts)), -1);
			t = add(pl, t + 2 * MIN, DA_WAIT_PARTS, 0);
			ta = demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g,
			    knob(K_PARTS_WAIT_H, f), 0.5) * HOUR));
			t = visit(pl, ta, pick(pl, FIN_FIXED, N(fin_fixed)), part);
			pl->waited = 1;
		}
	} else if (demo_rng_chance(pl->g, knob(K_REVISIT, f))) {
		t = visit(pl, ta, pick(pl, FIN_AGAIN, N(fin_again)), -1);
		ta = demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g, 10, 0.6) * HOUR));
		t = visit(pl, ta, pick(pl, FIN_FIXED, N(fin_fixed)), -1);
	} else {
		t = visit(pl, ta, pick(pl, FIN_FIXED, N(fin_fixed)), -1);
	}
	return add(pl, t + demo_rng_range(pl->g, MIN, 10 * MIN), DA_RESOLVE, 0);
}

/* The customer's rating from what they went through, 1-5. */
static int
rating_of(struct planner *pl, long long created, long long resolved)
{
	double hours = (double)(resolved - created) / HOUR;
	double s = 4.9 + knob(K_CSAT_BONUS, pl->f) + 0.75 * rng_normal(pl->g);

	if (hours > 48)
		s -= 0.5;
	if (hours > 96)
		s -= 0.7;
	if (pl->visits >= 2)
		s -= 0.7;
	if (pl->reopened)
		s -= 1.6;
	if (pl->waited)
		s -= 0.3;
	return s < 1.5 ? 1 : s >= 4.5 ? 5 : (int)(s + 0.5);
}

/* After the resolution at t: a reopening, the survey and the closing. */
static void
plan_after(struct planner *pl, long long created, long long t)
{
	static const double comment_p[5] = { 0.9, 0.75, 0.5, 0.3, 0.4 };
	double f = pl->f;
	long long rate_at, close_at;
	int rated, closed, arg = 0;

	if (pl->visits > 0 && demo_rng_chance(pl->g, knob(K_REOPEN, f) +
	    (pl->visits >= 2 ? 0.04 : 0))) {
		t = add(pl, demo_customer_after(pl->g, t, (long long)(demo_rng_lognormal(pl->g, 30,
		    0.7) * HOUR)), DA_CUSTOMER_REPLY, pick(pl, REPLY_RECUR, N(reply_recur)));
		t = add(pl, demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g, 40, 0.6) * MIN)),
		    DA_REOPEN, 0);
		pl->reopened = 1;
		t = visit(pl, demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g,
		    knob(K_ARRIVE_H, f) * 0.8, 0.5) * HOUR)), pick(pl, FIN_FIXED, N(fin_fixed)), -1);
		t = add(pl, t + demo_rng_range(pl->g, MIN, 10 * MIN), DA_RESOLVE, 0);
	}
	rated = demo_rng_chance(pl->g, pl->p->channel == TC_PLAN ? 0.15 : knob(K_SURVEY, f));
	closed = demo_rng_chance(pl->g, DEMO_CLOSE);
	rate_at = demo_customer_after(pl->g, t, (long long)(demo_rng_lognormal(pl->g, 6, 1.0) *
	    HOUR));
	close_at = demo_staff_after(t, (long long)(3 * 9.5 * HOUR));
	if (rated) {
		int r = rating_of(pl, created, t);

		arg = r * 100;
		if (demo_rng_chance(pl->g, comment_p[r - 1]))
			arg += (int)demo_rng_range(pl->g, 1, (long long)comment_count(r));
	}
	if (rated && closed && close_at < rate_at) {
		add(pl, close_at, DA_CLOSE, 0);
		add(pl, rate_at, DA_RATE, arg);
	} else {
		if (rated)
			add(pl, rate_at, DA_RATE, arg);
		if (closed)
			add(pl, close_at, DA_CLOSE, 0);
	}
}

/* From acceptance at t: waiting for information, remote help or dispatch
 * and visits, then what follows the resolution. */
static void
plan_work(struct planner *pl, long long created, long long t)
{
	double f = pl->f;

	if (demo_rng_chance(pl->g, knob(K_WAIT_CUSTOMER, f))) {
		t = add(pl, t + demo_rng_range(pl->g, MIN, 5 * MIN), DA_ASK,
		    pick(pl, ASK_PHOTOS, N(ask_photos)));
		t = add(pl, demo_customer_after(pl->g, t, (long long)(demo_rng_lognormal(pl->g, 4,
		    0.8) * HOUR)), DA_CUSTOMER_REPLY, pick(pl, REPLY_PHOTOS, N(reply_photos)));
	}
	if (pl->p->channel != TC_PLAN && demo_rng_chance(pl->g, DEMO_REMOTE)) {
		t = add(pl, demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g, 50, 0.7) * MIN)),
		    DA_REPLY, pick(pl, 0, N(remote_replies)));
		t = add(pl, t + demo_rng_range(pl->g, 2 * MIN, 15 * MIN), DA_RESOLVE, 1);
		plan_after(pl, created, t);
		return;
	}
	if (demo_rng_chance(pl->g, knob(K_AUTO, f)))
		t = add(pl, demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g, 6, 0.6) * MIN)),
		    DA_AUTO_DISPATCH, (int)demo_rng_range(pl->g, 0, 999));
	else
		t = add(pl, demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g,
		    knob(K_DISPATCH_MIN, f), 0.7) * MIN)), DA_ASSIGN,
		    (int)demo_rng_range(pl->g, 0, 999));
	if (demo_rng_chance(pl->g, DEMO_NOBODY_HOME)) {
		t = add(pl, demo_staff_after(t, (long long)(demo_rng_lognormal(pl->g,
		    knob(K_ARRIVE_H, f), 0.6) * HOUR)), DA_ASK, pick(pl, ASK_NOBODY, N(ask_nobody)));
		t = add(pl, demo_customer_after(pl->g, t, (long long)(demo_rng_lognormal(pl->g, 3,
		    0.8) * HOUR)), DA_CUSTOMER_REPLY, pick(pl, REPLY_HOME, N(reply_home)));
	}
	t = plan_visits(pl, t);
	plan_after(pl, created, t);
}

/* Walk-ins (TC_WALKIN) came after the period the demo history replays. */
static const double channel_w[TC__MAX] = { 0.35, 0.22, 0.30, 0.08, 0.05, 0 };
static const double city_w[DEMO_CITY__MAX] = { 0.6, 0.4 };

static void
plan_customer(struct arena *a, struct demo_rng *g, struct demo_plan *p, double season)
{
	/* Water heaters come with the cold, air conditioners go. */
	double cat_w[N(categories)] = { 0.30 - 0.06 * season, 0.18, 0.17, 0.16 + 0.08 * season,
	    0.13, 0.06 };
	size_t c;

	p->category = c = demo_rng_weighted(g, cat_w, N(cat_w));
	p->city = (enum demo_city)demo_rng_weighted(g, city_w, N(city_w));
	p->name = arena_printf(a, "%s%s", surnames[demo_rng_range(g, 0, N(surnames) - 1)],
	    titles[demo_rng_range(g, 0, N(titles) - 1)]);
	p->phone = arena_printf(a, "1%c%09lld", "35789"[demo_rng_range(g, 0, 4)],
	    demo_rng_range(g, 0, 999999999));
	p->address = arena_printf(a, "%s %lld 弄 %lld 号 %lld 室",
	    districts[p->city][demo_rng_range(g, 0, 7)], demo_rng_range(g, 1, 1200),
	    demo_rng_range(g, 1, 30), demo_rng_range(g, 1, 30) * 100 + demo_rng_range(g, 1, 4));
	p->product = products[c][demo_rng_range(g, 0, 3)];
	if (p->channel == TC_PLAN)
		p->description = plan_descriptions[demo_rng_range(g, 0, N(plan_descriptions) - 1)];
	else if (demo_rng_chance(g, DEMO_KEYWORDS))
		p->description = warning_descriptions[demo_rng_range(g, 0,
		    N(warning_descriptions) - 1)];
	else
		p->description = descriptions[c][demo_rng_range(g, 0, 5)];
}

static void
plan_ticket(struct arena *a, struct demo_rng *g, long day, long today, struct demo_plan *p)
{
	struct planner pl;
	long long created, t;

	memset(p, 0, sizeof(*p));
	memset(&pl, 0, sizeof(pl));
	pl.g = g;
	pl.p = p;
	pl.f = demo_improvement(day - today);
	p->channel = (enum ticket_channel)demo_rng_weighted(g, channel_w, TC__MAX);
	plan_customer(a, g, p, (double)(day - (today - DEMO_DAYS)) / DEMO_DAYS);
	created = add(&pl, demo_pick_created(g, day, p->channel), DA_CREATE, 0);
	if (p->channel == TC_PHONE)     /* taken on the phone: accepted at once */
		t = created + demo_rng_range(g, MIN, 5 * MIN);
	else if (p->channel == TC_PLAN)
		t = demo_staff_after(created, (long long)(demo_rng_lognormal(g, 20, 0.5) * MIN));
	else
		t = demo_staff_after(created, (long long)(demo_rng_lognormal(g,
		    knob(K_ACCEPT_MIN, pl.f), 0.9) * MIN));
	t = add(&pl, t, DA_ACCEPT, pick(&pl, 0, N(accept_notes)));
	if (demo_rng_chance(g, DEMO_RAISE))
		t = add(&pl, t + demo_rng_range(g, MIN, 10 * MIN), DA_PRIORITY, 0);
	if (p->channel != TC_PLAN && demo_rng_chance(g, DEMO_CANCEL)) {
		add(&pl, demo_staff_after(t, (long long)(demo_rng_lognormal(g, 90, 0.6) * MIN)),
		    DA_CANCEL, pick(&pl, 0, N(cancel_notes)));
		return;
	}
	plan_work(&pl, created, t);
}

/* Tickets on day: the weekday's share of the mean, a little noise. */
static int
tickets_on(struct demo_rng *g, long day)
{
	static const double wf[7] = { 0.6, 1.2, 1.1, 1.05, 1.0, 1.0, 0.9 };   /* Sunday first */

	return (int)(DEMO_PER_DAY * wf[weekday(day)] * (0.85 + 0.3 * demo_rng_unit(g)) + 0.5);
}

static void
plan_receives(struct arena *a, long today, struct demo_scenario *out)
{
	static const int when[] = { -92, -61, -31 };
	size_t i, k, c, n = 0;

	out->r = arena_zalloc(a, sizeof(*out->r) * N(parts) * N(when) * 2);
	for (k = 0; k < N(when); k++)
		for (i = 0; i < N(parts); i++)
			for (c = DEMO_SHANGHAI; c <= DEMO_GUANGZHOU; c++) {
				struct demo_receive *r = &out->r[n++];

				r->at = day_start(today + when[k]) + 10 * HOUR;
				r->part = i;
				r->city = (enum demo_city)c;
				r->qty = parts[i].reorder_qty * (k == 0 ? 2 : 1);
			}
	out->nr = n;
}

void
demo_scenario_build(struct arena *a, unsigned long long seed, long today,
    struct demo_scenario *out)
{
	struct demo_rng g;
	size_t cap = (size_t)(DEMO_PER_DAY * 1.5 * (DEMO_DAYS + 1)) + 16, n = 0;
	long day;
	int i, k;

	demo_rng_seed(&g, seed);
	out->t = arena_alloc(a, sizeof(*out->t) * cap);
	for (day = today - DEMO_DAYS; day <= today; day++) {
		k = tickets_on(&g, day);
		for (i = 0; i < k && n < cap; i++)
			plan_ticket(a, &g, day, today, &out->t[n++]);
	}
	out->n = n;
	plan_receives(a, today, out);
}
