/* sl-cli: administration from the shell.
 *   sl-cli demo                                   demo teams and staff (idempotent)
 *   sl-cli demo-tickets                           demo tickets for `make run` (idempotent)
 *   sl-cli demo-history                           90 days of demo history (idempotent)
 *   sl-cli demo-parts                             demo spare parts and stock (idempotent)
 *   sl-cli demo-metrics                           90 days of demo external metrics (idempotent)
 *   sl-cli demo-okr                               demo OKR cycles for `make run` (idempotent)
 *   sl-cli bench-okr                              the OKR cycle of `make bench`; prints its id
 *   sl-cli bench-series KEY DAYS RUNS             time metric_series_key (cold, warm ms)
 *   sl-cli metrics-rebuild                        build the metric pre-aggregates anew, now
 *   sl-cli demo-journeys                          demo journey maps for `make run` (idempotent)
 *   sl-cli user-add LOGIN ROLE NAME [TEAM]        password read from stdin
 *   sl-cli user-password LOGIN                    password read from stdin
 *   sl-cli plans-run [--date YYYY-MM-DD]          tickets of due maintenance plans
 *   sl-cli metric-add KEY UNIT AGG BETTER NAME_ZH NAME_EN   an external metric
 *   sl-cli metric-points KEY FILE.csv             its points (at,value[,category,team,channel])
 * Uses $SL_CONFIG like the web programs. */
#include "arena.h"
#include "ext_metric.h"
#include "i18n.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "demo.h"
#include "http.h"
#include "plans.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db_q q_team_add = DB_Q(
    "INSERT INTO teams (name, region) VALUES (?, ?) ON DUPLICATE KEY UPDATE region = VALUES(region)");
static struct db_q q_team_id = DB_Q("SELECT id FROM teams WHERE name = ?");
static struct db_q q_user_add = DB_Q(
    "INSERT INTO users (login, name, role, team_id, password_hash) VALUES (?, ?, ?, ?, ?)");
static struct db_q q_user_exists = DB_Q("SELECT id FROM users WHERE login = ?");
static struct db_q q_user_pw = DB_Q("UPDATE users SET password_hash = ? WHERE login = ?");

static const struct {
	const char *login, *name, *role, *team;
} demo_users[] = {
	{ "admin",      "系统管理员 Admin",   "admin",      NULL },
	{ "supervisor", "王主管 Wang",        "supervisor", "华东服务中心" },
	{ "agent",      "李客服 Li",          "agent",      "华东服务中心" },
	{ "tech",       "张师傅 Zhang",       "technician", "华东服务中心" },
	{ "tech2",      "陈师傅 Chen",        "technician", "华南服务中心" },
	{ "viewer",     "赵经理 Zhao",        "viewer",     NULL },
};
#define DEMO_PASSWORD "demo1234"

static long long
team_id(struct arena *a, const char *name)
{
	struct db_res *res;

	if (name == NULL || db_query(a, &q_team_id, &res, "s", name) != DB_OK || res->nrows == 0)
		return 0;
	return db_get_int(res, 0, 0);
}

/* 0 created, 1 existed, -1 error. */
static int
user_add(struct arena *a, const char *login, const char *role, const char *name,
    const char *team, const char *pw)
{
	struct db_res *res;
	char hash[128];
	long long tid = team_id(a, team);
	enum db_rc rc;

	if (db_query(a, &q_user_exists, &res, "s", login) != DB_OK)
		return -1;
	if (res->nrows > 0)
		return 1;
	if (role_parse(role) == ROLE_NONE || password_problem(pw) != NULL) {
		fprintf(stderr, "bad role or password too short (8+)\n");
		return -1;
	}
	if (password_hash(pw, hash) != 0)
		return -1;
	rc = tid > 0 ? db_exec(&q_user_add, NULL, "sssis", login, name, role, tid, hash) :
	    db_exec(&q_user_add, NULL, "sssss", login, name, role, (const char *)NULL, hash);
	/* Logins sign in byte for byte but stay unique as before (users.login_folded). */
	if (rc == DB_DUP)
		fprintf(stderr, "login %s is taken: it differs from an existing one only by"
		    " case, accents or spaces\n", login);
	return rc == DB_OK ? 0 : -1;
}

static int
cmd_demo(struct arena *a)
{
	size_t i;

	if (db_exec(&q_team_add, NULL, "ss", "华东服务中心", "上海") != DB_OK ||
	    db_exec(&q_team_add, NULL, "ss", "华南服务中心", "广州") != DB_OK)
		return 1;
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++)
		if (user_add(a, demo_users[i].login, demo_users[i].role, demo_users[i].name,
		    demo_users[i].team, DEMO_PASSWORD) < 0)
			return 1;
	printf("Demo logins (password %s):\n", DEMO_PASSWORD);
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++)
		printf("  %-11s %s\n", demo_users[i].login, demo_users[i].role);
	return 0;
}

static const char *
read_password(char *buf, size_t cap)
{
	size_t n;

	if (fgets(buf, (int)cap, stdin) == NULL)
		return NULL;
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return buf;
}

int
main(int argc, char **argv)
{
	struct arena a;
	char pw[256], hash[128];
	int rc = 2;

	if (argc < 2 || config_load(NULL) != 0 || sodium_init() < 0) {
		fprintf(stderr, "usage: sl-cli demo | demo-tickets | demo-journeys | user-add LOGIN ROLE NAME [TEAM] | user-password LOGIN\n");
		return 2;
	}
	if (db_open() != 0)
		return 1;
	arena_init(&a);
	i18n_register(ext_metric_msgs, ext_metric_nmsgs);
	if (strcmp(argv[1], "demo") == 0) {
		rc = cmd_demo(&a);
	} else if (strcmp(argv[1], "user-add") == 0 && argc >= 5) {
		rc = read_password(pw, sizeof(pw)) == NULL ? 2 :
		    user_add(&a, argv[2], argv[3], argv[4], argc > 5 ? argv[5] : NULL, pw) == 0 ? 0 : 1;
	} else if (strcmp(argv[1], "demo-tickets") == 0) {
		rc = demo_tickets(&a);
	} else if (strcmp(argv[1], "demo-history") == 0) {
		rc = demo_history(&a);
	} else if (strcmp(argv[1], "demo-metrics") == 0) {
		rc = demo_metrics_load(&a);
	} else if (strcmp(argv[1], "demo-parts") == 0) {
		rc = demo_parts_load(&a);
	} else if (strcmp(argv[1], "demo-okr") == 0) {
		rc = demo_okr(&a);
	} else if (strcmp(argv[1], "bench-okr") == 0) {
		rc = bench_okr(&a);
	} else if (strcmp(argv[1], "metrics-rebuild") == 0) {
		rc = metrics_rebuild(&a) == 0 ? 0 : 1;
	} else if (strcmp(argv[1], "bench-series") == 0) {
		rc = bench_series(&a, argc - 2, argv + 2);
	} else if (strcmp(argv[1], "demo-journeys") == 0) {
		rc = demo_journeys(&a) == 0 ? 0 : 1;
	} else if (strcmp(argv[1], "plans-run") == 0) {
		rc = plans_cli(&a, argc - 2, argv + 2);
	} else if (strcmp(argv[1], "metric-add") == 0) {
		rc = ext_cli_metric_add(&a, argc - 2, argv + 2);
	} else if (strcmp(argv[1], "metric-points") == 0) {
		rc = ext_cli_metric_points(&a, argc - 2, argv + 2);
	} else if (strcmp(argv[1], "user-password") == 0 && argc == 3) {
		if (read_password(pw, sizeof(pw)) != NULL && password_problem(pw) == NULL &&
		    password_hash(pw, hash) == 0)
			rc = db_exec(&q_user_pw, NULL, "ss", hash, argv[2]) == DB_OK ? 0 : 1;
	} else {
		fprintf(stderr, "unknown command\n");
	}
	arena_free(&a);
	db_close();
	return rc;
}
