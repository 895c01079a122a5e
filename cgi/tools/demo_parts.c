/* `sl-cli demo-parts`: a small, realistic spare-parts catalogue for the
 * demo (home-appliance repair), tied to its categories, with stock in the
 * two warehouses of migration 006 (上海仓, 广州仓). Idempotent: a part that
 * exists (by SKU) is left as it is, and stock is received only into a
 * location that has no stock row for the part yet. */
#include "demo.h"
#include "arena.h"
#include "db.h"

#include <stdio.h>

static struct db_q q_part = DB_Q(
    "INSERT IGNORE INTO parts (sku, name_zh, name_en, unit, unit_cost, reorder_level,"
    " reorder_qty, lead_time_days, category_id, created_at, updated_at)"
    " SELECT ?, ?, ?, ?, ?, ?, ?, 7, id, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
    " FROM categories WHERE code = ?");
static struct db_q q_fits = DB_Q(
    "INSERT IGNORE INTO part_categories (part_id, category_id)"
    " SELECT p.id, c.id FROM parts p JOIN categories c ON c.code = ? WHERE p.sku = ?");
static struct db_q q_stock = DB_Q(
    "INSERT IGNORE INTO part_stock (part_id, location_id, qty, updated_at)"
    " SELECT p.id, l.id, ?, UTC_TIMESTAMP() FROM parts p JOIN stock_locations l ON l.name = ?"
    " WHERE p.sku = ?");
static struct db_q q_move = DB_Q(
    "INSERT INTO stock_moves (part_id, location_id, delta, reason, note, at)"
    " SELECT p.id, l.id, ?, 'receive', '演示数据期初库存', UTC_TIMESTAMP()"
    " FROM parts p JOIN stock_locations l ON l.name = ? WHERE p.sku = ?");

static const struct demo_part {
	const char *sku, *zh, *en, *unit, *cost;
	int         level, rqty;
	const char *cats[4];    /* the first is the main category */
	int         sh, gz;     /* units at 上海仓 and 广州仓 */
} demo_parts_list[] = {
	{ "AC-CAP-35", "空调启动电容 35μF", "AC start capacitor 35 µF", "个", "18.00", 5, 20,
	  { "ac" }, 12, 0 },
	{ "AC-COMP-1P", "空调压缩机（1 匹）", "AC compressor (1 HP)", "台", "680.00", 1, 2,
	  { "ac" }, 2, 1 },
	{ "AC-REMOTE", "空调遥控器", "AC remote control", "个", "35.00", 3, 10,
	  { "ac" }, 8, 5 },
	{ "FR-SEAL", "冰箱门封条", "Refrigerator door seal", "条", "45.00", 4, 10,
	  { "fridge" }, 6, 3 },
	{ "FR-THERM", "冰箱温控器", "Refrigerator thermostat", "个", "38.00", 2, 6,
	  { "fridge" }, 0, 4 },
	{ "WM-PUMP", "洗衣机排水泵", "Washing machine drain pump", "个", "65.00", 3, 8,
	  { "washer" }, 5, 2 },
	{ "WM-BELT", "洗衣机传动皮带", "Washing machine drive belt", "条", "22.00", 3, 10,
	  { "washer" }, 0, 0 },
	{ "WH-THERMO", "热水器温控器", "Water heater thermostat", "个", "42.00", 3, 8,
	  { "water_heater" }, 4, 6 },
	{ "WH-ANODE", "热水器镁棒", "Water heater anode rod", "根", "30.00", 5, 20,
	  { "water_heater" }, 10, 8 },
	{ "GEN-FUSE-5A", "保险丝 5A", "Fuse 5 A", "个", "2.50", 20, 100,
	  { "ac", "fridge", "washer", "water_heater" }, 100, 80 },
};

/* Receive qty units of sku into location (once: only a new stock row). */
static int
receive(const char *sku, const char *location, int qty)
{
	unsigned long long added = 0;

	if (db_exec(&q_stock, &added, "Iss", qty, location, sku) != DB_OK)
		return -1;
	if (added == 1 && qty > 0 && db_exec(&q_move, NULL, "Iss", qty, location, sku) != DB_OK)
		return -1;
	return 0;
}

int
demo_parts_load(struct arena *a)
{
	size_t i, j, n = sizeof(demo_parts_list) / sizeof(demo_parts_list[0]);

	(void)a;
	for (i = 0; i < n; i++) {
		const struct demo_part *p = &demo_parts_list[i];

		if (db_exec(&q_part, NULL, "sssssIIs", p->sku, p->zh, p->en, p->unit, p->cost,
		    p->level, p->rqty, p->cats[0]) != DB_OK)
			return 1;
		for (j = 0; j < 4 && p->cats[j] != NULL; j++)
			if (db_exec(&q_fits, NULL, "ss", p->cats[j], p->sku) != DB_OK)
				return 1;
		if (receive(p->sku, "上海仓", p->sh) != 0 || receive(p->sku, "广州仓", p->gz) != 0)
			return 1;
	}
	printf("demo parts: %zu parts in 上海仓 and 广州仓\n", n);
	return 0;
}
