#include "tz_zones.h"
#include "arena.h"

#include <stdio.h>
#include <string.h>

static const struct tz_zone zones[] = {
	{ "America/Bogota",      -300, "波哥大、利马",           "Bogotá, Lima" },
	{ "America/Sao_Paulo",   -180, "圣保罗、布宜诺斯艾利斯", "São Paulo, Buenos Aires" },
	{ "UTC",                    0, "协调世界时",             "Coordinated Universal Time" },
	{ "Africa/Lagos",          60, "拉各斯",                 "Lagos" },
	{ "Africa/Cairo",         120, "开罗",                   "Cairo" },
	{ "Europe/Moscow",        180, "莫斯科",                 "Moscow" },
	{ "Asia/Riyadh",          180, "利雅得",                 "Riyadh" },
	{ "Africa/Nairobi",       180, "内罗毕",                 "Nairobi" },
	{ "Asia/Dubai",           240, "迪拜",                   "Dubai" },
	{ "Asia/Karachi",         300, "卡拉奇",                 "Karachi" },
	{ "Asia/Tashkent",        300, "塔什干",                 "Tashkent" },
	{ "Asia/Kolkata",         330, "新德里、孟买",           "New Delhi, Mumbai" },
	{ "Asia/Kathmandu",       345, "加德满都",               "Kathmandu" },
	{ "Asia/Urumqi",          360, "乌鲁木齐（新疆时间）",   "Ürümqi (Xinjiang time)" },
	{ "Asia/Dhaka",           360, "达卡",                   "Dhaka" },
	{ "Asia/Almaty",          360, "阿拉木图",               "Almaty" },
	{ "Asia/Yangon",          390, "仰光",                   "Yangon" },
	{ "Asia/Bangkok",         420, "曼谷",                   "Bangkok" },
	{ "Asia/Ho_Chi_Minh",     420, "胡志明市、河内",         "Ho Chi Minh City, Hanoi" },
	{ "Asia/Jakarta",         420, "雅加达",                 "Jakarta" },
	{ "Asia/Shanghai",        480, "北京时间（中国）",       "China Standard Time (Beijing)" },
	{ "Asia/Hong_Kong",       480, "香港",                   "Hong Kong" },
	{ "Asia/Macau",           480, "澳门",                   "Macau" },
	{ "Asia/Taipei",          480, "台北",                   "Taipei" },
	{ "Asia/Singapore",       480, "新加坡",                 "Singapore" },
	{ "Asia/Kuala_Lumpur",    480, "吉隆坡",                 "Kuala Lumpur" },
	{ "Asia/Manila",          480, "马尼拉",                 "Manila" },
	{ "Australia/Perth",      480, "珀斯",                   "Perth" },
	{ "Asia/Tokyo",           540, "东京",                   "Tokyo" },
	{ "Asia/Seoul",           540, "首尔",                   "Seoul" },
	{ "Australia/Brisbane",   600, "布里斯班",               "Brisbane" },
	{ "Pacific/Guam",         600, "关岛",                   "Guam" },
	{ "Pacific/Auckland",     780, "奥克兰（夏令时）",       "Auckland (summer)" },
};

const struct tz_zone *
tz_zones(size_t *n)
{
	*n = sizeof(zones) / sizeof(zones[0]);
	return zones;
}

/* "UTC+HH:MM" / "UTC-HH:MM" into minutes; -1 when not that shape. */
static int
tz_parse_offset(const char *v, int *out)
{
	int h, m, sign;

	if (strlen(v) != 9 || strncmp(v, "UTC", 3) != 0 || (v[3] != '+' && v[3] != '-') ||
	    v[6] != ':')
		return -1;
	if (v[4] < '0' || v[4] > '9' || v[5] < '0' || v[5] > '9' ||
	    v[7] < '0' || v[7] > '9' || v[8] < '0' || v[8] > '9')
		return -1;
	sign = v[3] == '-' ? -1 : 1;
	h = (v[4] - '0') * 10 + (v[5] - '0');
	m = (v[7] - '0') * 10 + (v[8] - '0');
	if (m % 15 != 0 || m > 45)
		return -1;
	if (sign * (h * 60 + m) < TZ_OFFSET_MIN || sign * (h * 60 + m) > TZ_OFFSET_MAX)
		return -1;
	*out = sign * (h * 60 + m);
	return 0;
}

int
tz_parse(const char *v, int *offset_min)
{
	size_t i;

	if (v == NULL)
		return -1;
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (strcmp(v, zones[i].name) == 0) {
			*offset_min = zones[i].offset_min;
			return 0;
		}
	return tz_parse_offset(v, offset_min);
}

const char *
tz_offset_text(struct arena *a, int off)
{
	int abs = off < 0 ? -off : off;

	return arena_printf(a, "UTC%c%02d:%02d", off < 0 ? '-' : '+', abs / 60, abs % 60);
}

const struct tz_zone *
tz_zone_for(const char *name, int offset_min)
{
	const struct tz_zone *first = NULL;
	size_t i;

	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		if (zones[i].offset_min != offset_min)
			continue;
		if (name != NULL && strcmp(name, zones[i].name) == 0)
			return &zones[i];
		if (first == NULL)
			first = &zones[i];
	}
	return first;
}
