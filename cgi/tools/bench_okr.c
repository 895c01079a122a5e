/* sl-cli bench-okr: the OKR data of `make bench`: a cycle "bench" over the
 * last 90 days with 10 objectives (a company one, two teams', persons')
 * and 30 key results, half bound to registry metrics. Prints the cycle's
 * id; idempotent (the cycle is made once). */
#include "arena.h"
#include "db.h"
#include "demo.h"
#include "metrics.h"

#include <stdio.h>
#include <time.h>

static struct db_q q_named = DB_Q("SELECT id FROM okr_cycles WHERE name = 'bench'");
static struct db_q q_cycle = DB_Q(
    "INSERT INTO okr_cycles (name, kind, starts_on, ends_on, state, created_at)"
    " VALUES ('bench', 'quarter', ?, ?, 'active', UTC_TIMESTAMP())");
static struct db_q q_obj = DB_Q(
    "INSERT INTO okr_objectives (cycle_id, title, description, level, team_id, parent_id,"
    " created_at, updated_at) VALUES (?, ?, '', ?, (SELECT MIN(id) FROM teams),"
    " NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_kr = DB_Q(
    "INSERT INTO okr_krs (objective_id, title, kind, start_value, target_value, weight, source,"
    " metric_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, IF(? = '', 'manual',"
    " 'metric'), NULLIF(?, ''), UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct db_q q_checkin = DB_Q(
    "INSERT INTO okr_checkins (kr_id, value, confidence, comment, user_id, created_at)"
    " SELECT ?, ?, 'on_track', '', MIN(id), UTC_TIMESTAMP() FROM users");

static const char *const metrics[] = {
	"sla_compliance", "first_response", "time_to_dispatch", "first_time_fix", "csat"
};
static const char *const kinds[] = { "increase_to", "decrease_to", "increase_to",
	"increase_to", "stay_above" };

int
bench_okr(struct arena *a)
{
	struct db_res *r;
	long today = metric_day_of((long long)time(NULL));
	long long cycle, obj[10], kr;
	int i, j, n = 0;

	if (db_query(a, &q_named, &r, "") != DB_OK)
		return -1;
	if (r->nrows == 1) {
		printf("%s\n", db_gets(r, 0, 0));
		return 0;
	}
	if (db_exec(&q_cycle, NULL, "ss", metric_day_text(a, today - 60),
	    metric_day_text(a, today + 30)) != DB_OK)
		return -1;
	cycle = (long long)db_insert_id();
	for (i = 0; i < 10; i++) {
		if (db_exec(&q_obj, NULL, "issi", cycle, arena_printf(a, "Bench objective %d", i),
		    i == 0 ? "company" : i < 3 ? "team" : "person", i == 0 ? 0LL :
		    i < 3 ? obj[0] : obj[1 + i % 2]) != DB_OK)
			return -1;
		obj[i] = (long long)db_insert_id();
		for (j = 0; j < 3; j++, n++) {
			const char *m = n % 2 == 0 ? metrics[n / 2 % 5] : "";

			if (db_exec(&q_kr, NULL, "issddss", obj[i], arena_printf(a, "Bench KR %d", n),
			    *m != '\0' ? kinds[n / 2 % 5] : "increase_to", *m != '\0' ? 50.0 : 0.0,
			    *m != '\0' ? 90.0 : 10.0, m, m) != DB_OK)
				return -1;
			kr = (long long)db_insert_id();
			if (*m == '\0' && db_exec(&q_checkin, NULL, "id", kr, (double)(n % 10)) != DB_OK)
				return -1;
		}
	}
	printf("%lld\n", cycle);
	return 0;
}
