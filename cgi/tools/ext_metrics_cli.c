/* sl-cli commands of external metrics (ext_metric.h):
 *   sl-cli metric-add KEY UNIT AGG BETTER NAME_ZH NAME_EN
 *       define a metric (UNIT count|percent|cny|minutes|hours|score,
 *       AGG sum|avg|last, BETTER 1|-1|0); an existing key is left as it is
 *   sl-cli metric-points KEY FILE.csv
 *       store the points of a CSV file (the admin page's format: at, value
 *       and optionally category, team, channel); all or nothing, idempotent
 *       like the API; every bad row is printed with its line and field. */
#include "demo.h"
#include "arena.h"
#include "ext_metric.h"
#include "i18n.h"
#include "valid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db_q q_metric_add = DB_Q(
    "INSERT IGNORE INTO ext_metrics (mkey, name_zh, name_en, unit, agg, better, active,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())");

int
ext_cli_metric_add(struct arena *a, int argc, char **argv)
{
	const char *problem;
	long long better;
	int unit, agg;

	(void)a;
	if (argc != 6) {
		fprintf(stderr, "usage: sl-cli metric-add KEY UNIT AGG BETTER NAME_ZH NAME_EN\n");
		return 2;
	}
	if ((problem = ext_key_check(argv[0])) != NULL ||
	    (problem = valid_choice(argv[1], ext_unit_names, &unit)) != NULL ||
	    (problem = valid_choice(argv[2], ext_agg_names, &agg)) != NULL ||
	    (problem = valid_int(argv[3], -1, 1, &better)) != NULL ||
	    (problem = valid_text(argv[4], 100, 1, 0)) != NULL ||
	    (problem = valid_text(argv[5], 100, 1, 0)) != NULL || unit == EXT_U_CUSTOM) {
		fprintf(stderr, "metric-add: %s\n", problem != NULL ? i18n("en", problem) :
		    "a custom unit is set on the admin page");
		return 2;
	}
	return db_exec(&q_metric_add, NULL, "sssssI", argv[0], argv[4], argv[5],
	    ext_unit_names[unit], ext_agg_names[agg], (int)better) == DB_OK ? 0 : 1;
}

/* The whole file into the arena; NULL when unreadable or too large. */
static char *
read_file(struct arena *a, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	if (f == NULL)
		return NULL;
	buf = arena_alloc(a, EXT_CSV_MAX_BYTES + 1);
	*len = fread(buf, 1, EXT_CSV_MAX_BYTES + 1, f);
	if (ferror(f) || *len > EXT_CSV_MAX_BYTES) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

/* The points of rows[1..n) into pts; bad rows printed; their number. */
static size_t
check_rows(struct arena *a, const struct ext_metric *m, const struct ext_dims *dims,
    const struct ext_csv_row *rows, size_t n, const int col[EXT_F__MAX], struct ext_point *pts)
{
	size_t i, bad = 0;

	for (i = 1; i < n; i++) {
		const char *t[EXT_F__MAX], *problem;
		enum ext_field f = EXT_F_AT;
		int k;

		ext_csv_fields(&rows[i], col, t);
		for (k = 0; k < EXT_F__MAX; k++)
			t[k] = t[k] != NULL ? valid_trim(a, t[k]) : NULL;
		problem = rows[i].n != rows[0].n ? "EXT_ERR_CSV_FIELDS" :
		    ext_point_check(m, dims, t, &pts[i - 1], &f);
		if (problem != NULL && bad++ < 100)
			fprintf(stderr, "line %zu, %s: %s\n", rows[i].line, ext_field_names[f],
			    i18n("en", problem));
	}
	return bad;
}

int
ext_cli_metric_points(struct arena *a, int argc, char **argv)
{
	struct ext_store_stats st;
	struct ext_csv_row *rows;
	struct ext_metric m;
	struct ext_dims dims;
	struct ext_point *pts;
	const char *problem, *bad_col;
	size_t len, n, bad_line, bad;
	int found, col[EXT_F__MAX];
	char *text;

	if (argc != 2) {
		fprintf(stderr, "usage: sl-cli metric-points KEY FILE.csv\n");
		return 2;
	}
	if (ext_metric_by_key(a, argv[0], &m, &found) != DB_OK || ext_dims_load(a, &dims) != DB_OK)
		return 1;
	if (!found || !m.active) {
		fprintf(stderr, "metric-points: no active external metric %s\n", argv[0]);
		return 2;
	}
	if ((text = read_file(a, argv[1], &len)) == NULL) {
		fprintf(stderr, "metric-points: cannot read %s (at most 4 MiB)\n", argv[1]);
		return 2;
	}
	if (ext_csv_parse(a, text, len, &rows, &n, &bad_line) != 0 || n < 2 ||
	    n - 1 > EXT_MAX_POINTS ||
	    (problem = ext_csv_header(&rows[0], col, &bad_col)) != NULL) {
		fprintf(stderr, "metric-points: not a CSV of 1 to %d points with columns at,value"
		    " (an unclosed quote, an unknown column?)\n", EXT_MAX_POINTS);
		return 2;
	}
	pts = arena_alloc(a, sizeof(*pts) * n);
	if ((bad = check_rows(a, &m, &dims, rows, n, col, pts)) > 0) {
		fprintf(stderr, "metric-points: %zu bad rows, nothing stored\n", bad);
		return 2;
	}
	if (ext_points_store(&m, pts, n - 1, EXT_SRC_CLI, 0, 0, &st) != DB_OK)
		return 1;
	printf("%zu added, %zu replaced, %zu unchanged\n", st.added, st.replaced, st.unchanged);
	return 0;
}
