/* Word lists of the ticket generator (gen_tickets.sh) with their search
 * tokens, as SQL for temporary lookup tables. The tokens come from
 * cgi/service/search.c itself, so generated search_text is exactly what
 * ticket_create() would have stored for the same text.
 *
 * Build: cc -Icgi/core -o gen_tickets_tokens tests/bench/gen_tickets_tokens.c \
 *            cgi/service/search.c cgi/core/arena.c
 * Output: SQL on stdout (CREATE TEMPORARY TABLE gen_desc, gen_name,
 * gen_product, gen_addr and their rows). */
#include "arena.h"
#include "search.h"

#include <stdio.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
/* The lookup tables collate like the tickets table they are joined with. */
#define CHARSET "CHARSET utf8mb4 COLLATE utf8mb4_unicode_ci"

/* Fault descriptions: category code and text. Seven of thirty mention
 * 空调, about as often as air conditioners come up at an appliance
 * service centre. */
static const struct {
	const char *cat, *text;
} faults[] = {
	{ "ac", "家用空调不制冷" },
	{ "ac", "空调外机噪音很大" },
	{ "ac", "空调遥控器失灵无法开机" },
	{ "ac", "空调漏水滴到地板上" },
	{ "ac", "中央空调出风口有异味" },
	{ "ac", "空调显示E4故障代码" },
	{ "ac", "挂式空调制热效果差" },
	{ "fridge", "冰箱冷藏室不制冷" },
	{ "fridge", "冰箱压缩机一直运转不停" },
	{ "fridge", "冰箱门封条老化漏冷" },
	{ "fridge", "冰箱冷冻室结霜严重" },
	{ "fridge", "冰箱发出咔咔异响" },
	{ "washer", "洗衣机不排水" },
	{ "washer", "滚筒洗衣机脱水时剧烈震动" },
	{ "washer", "洗衣机进水阀漏水" },
	{ "washer", "洗衣机显示E21无法启动" },
	{ "washer", "波轮洗衣机不转" },
	{ "water_heater", "燃气热水器打不着火" },
	{ "water_heater", "电热水器漏电跳闸" },
	{ "water_heater", "热水器水温忽冷忽热" },
	{ "water_heater", "热水器显示E1代码" },
	{ "tv", "电视开机黑屏有声音" },
	{ "tv", "液晶电视屏幕出现竖线" },
	{ "tv", "电视无法连接无线网络" },
	{ "tv", "电视遥控器没反应" },
	{ "other", "油烟机吸力变小" },
	{ "other", "洗碗机洗不干净" },
	{ "other", "微波炉不加热" },
	{ "other", "净水器滤芯需要更换" },
	{ "other", "空气净化器有异味" },
};

static const char *const suffixes[] = {
	"", "，请尽快上门", "，周末上门", "，已过保修期", "，家里有老人，希望上午来",
};

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
	"徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
};
static const char *const given[] = {
	"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军",
	"洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
};

static const struct {
	const char *cat, *text;
} products[] = {
	{ "ac", "格力 KFR-35GW" }, { "ac", "美的 KFR-26GW" }, { "ac", "海尔 KFR-50LW" },
	{ "ac", "奥克斯 KFR-35GW" },
	{ "fridge", "海尔 BCD-470" }, { "fridge", "美的 BCD-521" }, { "fridge", "容声 BCD-406" },
	{ "fridge", "西门子 KA92NV02" },
	{ "washer", "小天鹅 TG100" }, { "washer", "海尔 EG10014" }, { "washer", "美的 MG100" },
	{ "washer", "西门子 WM12P2602" },
	{ "water_heater", "A.O.史密斯 E60VN" }, { "water_heater", "林内 RUS-16E" },
	{ "water_heater", "万和 JSQ25" }, { "water_heater", "海尔 EC6002" },
	{ "tv", "海信 65E3F" }, { "tv", "TCL 55V8" }, { "tv", "小米 L65M5" },
	{ "tv", "创维 55A3" },
	{ "other", "方太 CXW-258" }, { "other", "老板 27A7" }, { "other", "美的 M1-L213" },
	{ "other", "沁园 QR-RL-805" },
};

static const char *const addresses[] = {
	"上海市浦东新区张江路88号3栋1201室", "上海市徐汇区漕溪北路201号5楼",
	"上海市闵行区莘庄镇都市路1888弄12号", "上海市杨浦区五角场国宾路36号",
	"上海市静安区南京西路1266号", "上海市宝山区友谊路99弄7号602",
	"上海市松江区新松江路1200号", "上海市长宁区天山路600弄3号",
	"广州市天河区天河路385号1502房", "广州市海珠区江南大道中168号",
	"广州市越秀区环市东路339号", "广州市白云区机场路1962号",
	"广州市番禺区市桥街大北路88号", "广州市黄埔区科学大道60号",
	"广州市荔湾区中山八路10号", "广州市南沙区进港大道50号",
	"杭州市西湖区文三路478号", "杭州市滨江区江南大道3588号",
	"苏州市工业园区星湖街328号", "南京市鼓楼区中山北路30号",
	"深圳市南山区科技园南区高新南七道", "深圳市福田区深南大道6008号",
	"佛山市顺德区北滘镇美的大道6号", "东莞市南城区鸿福路106号",
	"北京市朝阳区建国路88号", "北京市海淀区中关村大街27号",
	"成都市武侯区天府大道北段1700号", "武汉市洪山区珞喻路1037号",
	"宁波市鄞州区天童南路588号", "无锡市滨湖区太湖大道2000号",
	"上海市普陀区真北路3199号", "上海市嘉定区城中路20号",
	"广州市天河区珠江新城花城大道85号", "广州市增城区荔城街府佑路98号",
	"合肥市蜀山区长江西路669号", "厦门市思明区湖滨南路90号",
	"上海市青浦区华新镇华腾路1288号", "广州市花都区新华街公益路27号",
	"重庆市渝北区金开大道68号", "西安市雁塔区科技路33号",
};

/* Print s as a single-quoted SQL string (the lists hold no quotes or
 * backslashes; refuse them anyway). */
static int
put_sql_str(const char *s)
{
	if (strpbrk(s, "'\\") != NULL) {
		fprintf(stderr, "gen_tickets_tokens: quote in \"%s\"\n", s);
		return -1;
	}
	return printf("'%s'", s) < 0 ? -1 : 0;
}

/* One row "(id, 'cat', 'text', 'tokens')"; cat may be NULL. */
static int
put_row(struct arena *a, int first, long id, const char *cat, const char *text)
{
	printf("%s\n  (%ld, ", first ? "" : ",", id);
	if (cat != NULL && (put_sql_str(cat) != 0 || printf(", ") < 0))
		return -1;
	if (put_sql_str(text) != 0 || printf(", ") < 0 ||
	    put_sql_str(search_tokens(a, text)) != 0)
		return -1;
	return printf(")") < 0 ? -1 : 0;
}

static int
put_faults(struct arena *a)
{
	size_t i, j;
	long id = 0;

	printf("CREATE TEMPORARY TABLE gen_desc (id INT PRIMARY KEY, cat VARCHAR(32),"
	    " text VARCHAR(255), tokens TEXT) " CHARSET ";\nINSERT INTO gen_desc VALUES");
	for (i = 0; i < N(faults); i++)
		for (j = 0; j < N(suffixes); j++) {
			const char *t = arena_printf(a, "%s%s", faults[i].text, suffixes[j]);
			if (put_row(a, id == 0, id, faults[i].cat, t) != 0)
				return -1;
			id++;
		}
	return printf(";\n") < 0 ? -1 : 0;
}

static int
put_names(struct arena *a)
{
	size_t i, j;
	long id = 0;

	printf("CREATE TEMPORARY TABLE gen_name (id INT PRIMARY KEY, text VARCHAR(100),"
	    " tokens TEXT) " CHARSET ";\nINSERT INTO gen_name VALUES");
	for (i = 0; i < N(surnames); i++)
		for (j = 0; j < N(given); j++) {
			const char *t = arena_printf(a, "%s%s", surnames[i], given[j]);
			if (put_row(a, id == 0, id, NULL, t) != 0)
				return -1;
			id++;
		}
	return printf(";\n") < 0 ? -1 : 0;
}

static int
put_products(struct arena *a)
{
	size_t i;
	long k = 0;
	const char *prev = "";

	/* id = position within the category (0..3), so (cat, id) is the key. */
	printf("CREATE TEMPORARY TABLE gen_product (id INT, cat VARCHAR(32), text VARCHAR(100),"
	    " tokens TEXT, PRIMARY KEY (cat, id)) " CHARSET ";\n"
	    "INSERT INTO gen_product VALUES");
	for (i = 0; i < N(products); i++) {
		k = strcmp(prev, products[i].cat) == 0 ? k + 1 : 0;
		prev = products[i].cat;
		if (put_row(a, i == 0, k, products[i].cat, products[i].text) != 0)
			return -1;
	}
	return printf(";\n") < 0 ? -1 : 0;
}

static int
put_addresses(struct arena *a)
{
	size_t i;

	printf("CREATE TEMPORARY TABLE gen_addr (id INT PRIMARY KEY, text VARCHAR(255),"
	    " tokens TEXT, region VARCHAR(100) NOT NULL DEFAULT '') " CHARSET ";\n"
	    "INSERT INTO gen_addr (id, text, tokens) VALUES");
	for (i = 0; i < N(addresses); i++)
		if (put_row(a, i == 0, (long)i, NULL, addresses[i]) != 0)
			return -1;
	return printf(";\n") < 0 ? -1 : 0;
}

int
main(void)
{
	struct arena a;
	int rc;

	arena_init(&a);
	rc = put_faults(&a) || put_names(&a) || put_products(&a) || put_addresses(&a);
	printf("-- sizes: desc %zu, name %zu, product %zu, addr %zu\n",
	    N(faults) * N(suffixes), N(surnames) * N(given), N(products), N(addresses));
	arena_free(&a);
	return rc != 0 || fflush(stdout) != 0;
}
