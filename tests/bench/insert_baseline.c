/* The raw durable insert baseline of `make bench`: what MariaDB itself
 * allows for one-row transactions on this machine, to compare POST
 * /repair with. THREADS connections (one thread each) insert copies of one
 * ticket row (the same columns and sizes as a ticket made by POST /repair)
 * into TABLE, a copy of `tickets` with the same indexes (CREATE TABLE ...
 * LIKE tickets, made by tests/bench/run.sh), one commit per row
 * (autocommit; the server's innodb_flush_log_at_trx_commit is reported),
 * for SECONDS seconds. Only the unique columns differ from row to row.
 *
 *   insert_baseline CLIENT_CNF DATABASE TABLE SAMPLE_TICKET_ID THREADS SECONDS
 *
 * Writes the same key=value lines as tests/bench/scenario.lua (requests,
 * duration_us, ok, p50_us, p99_us, statuses) to stdout, plus
 * flush_log_at_trx_commit. Exit 0 when every insert committed. */
#include <mysql.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_THREADS  64
#define MAX_LAT      (1 << 20)    /* latencies kept per thread */
#define NCOLS        (sizeof(cols) / sizeof(cols[0]))

/* What POST /repair stores for a new ticket (cgi/service/ticket.c); the
 * first three are unique and made per row. */
static const char *const cols[] = {
	"number", "track_code", "form_token", "channel", "status", "priority", "flagged",
	"category_id", "customer_name", "phone", "email", "product", "serial", "address",
	"region", "description", "search_text", "version", "created_at", "updated_at",
	"status_changed_at", "first_response_due", "resolve_due",
};

static const char *cnf, *dbname, *table;
static char       *sample[NCOLS];     /* the sample row as text (NULL: SQL NULL) */
static unsigned long sample_len[NCOLS];
static int         seconds;

struct worker {
	pthread_t      th;
	int            no;
	long           ok, failed;
	long          *lat_us;
	long           nlat;
	char           err[256];
};

static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static MYSQL *
connect_db(char *err, size_t errlen)
{
	MYSQL *m = mysql_init(NULL);

	if (m == NULL) {
		snprintf(err, errlen, "mysql_init failed");
		return NULL;
	}
	mysql_options(m, MYSQL_READ_DEFAULT_FILE, cnf);
	mysql_options(m, MYSQL_READ_DEFAULT_GROUP, "client");
	if (mysql_real_connect(m, NULL, NULL, NULL, dbname, 0, NULL, 0) == NULL) {
		snprintf(err, errlen, "connect: %s", mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	return m;
}

/* The sample ticket's columns, as text. 0 or -1. */
static int
read_sample(MYSQL *m, long long id)
{
	char sql[1024];
	size_t i, n = 0;
	MYSQL_RES *res;
	MYSQL_ROW row;
	unsigned long *len;

	n += (size_t)snprintf(sql + n, sizeof(sql) - n, "SELECT ");
	for (i = 0; i < NCOLS; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s", i ? ", " : "", cols[i]);
	snprintf(sql + n, sizeof(sql) - n, " FROM tickets WHERE id = %lld", id);
	if (mysql_query(m, sql) != 0 || (res = mysql_store_result(m)) == NULL) {
		fprintf(stderr, "insert_baseline: %s\n", mysql_error(m));
		return -1;
	}
	if ((row = mysql_fetch_row(res)) == NULL) {
		fprintf(stderr, "insert_baseline: no ticket %lld\n", id);
		mysql_free_result(res);
		return -1;
	}
	len = mysql_fetch_lengths(res);
	for (i = 0; i < NCOLS; i++) {
		sample_len[i] = len[i];
		sample[i] = row[i] != NULL ? strndup(row[i], len[i]) : NULL;
	}
	mysql_free_result(res);
	return 0;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	char sql[1024], uniq[3][80];
	unsigned long ulen[3];
	MYSQL_BIND b[NCOLS];
	MYSQL_STMT *st;
	MYSQL *m;
	size_t i, n = 0;
	long long end, t0;
	long seq = 0;

	if ((m = connect_db(w->err, sizeof(w->err))) == NULL)
		return NULL;
	n += (size_t)snprintf(sql + n, sizeof(sql) - n, "INSERT INTO %s (", table);
	for (i = 0; i < NCOLS; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s", i ? ", " : "", cols[i]);
	n += (size_t)snprintf(sql + n, sizeof(sql) - n, ") VALUES (");
	for (i = 0; i < NCOLS; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s?", i ? ", " : "");
	snprintf(sql + n, sizeof(sql) - n, ")");
	if ((st = mysql_stmt_init(m)) == NULL || mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		snprintf(w->err, sizeof(w->err), "prepare: %s", mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	memset(b, 0, sizeof(b));
	for (i = 0; i < NCOLS; i++) {
		b[i].buffer_type = sample[i] != NULL ? MYSQL_TYPE_STRING : MYSQL_TYPE_NULL;
		b[i].buffer = i < 3 ? uniq[i] : sample[i];
		b[i].length = i < 3 ? &ulen[i] : &sample_len[i];
	}
	for (i = 0; i < 3; i++)
		b[i].buffer_type = MYSQL_TYPE_STRING;
	end = now_us() + (long long)seconds * 1000000;
	while ((t0 = now_us()) < end) {
		/* unique per run, thread and row; as long as the app's values */
		ulen[0] = (unsigned long)snprintf(uniq[0], sizeof(uniq[0]), "B%02d-%011lld", w->no,
		    (long long)(t0 % 100000000000LL) + seq);
		ulen[1] = (unsigned long)snprintf(uniq[1], sizeof(uniq[1]), "b%02d%023lld", w->no,
		    t0 * 64 + seq);
		ulen[2] = (unsigned long)snprintf(uniq[2], sizeof(uniq[2]),
		    "%02d%062lld", w->no, t0 * 64 + seq);
		seq++;
		if (mysql_stmt_bind_param(st, b) != 0 || mysql_stmt_execute(st) != 0) {
			if (w->failed++ == 0)
				snprintf(w->err, sizeof(w->err), "insert: %s", mysql_stmt_error(st));
			continue;
		}
		w->ok++;
		if (w->nlat < MAX_LAT)
			w->lat_us[w->nlat++] = (long)(now_us() - t0);
	}
	mysql_stmt_close(st);
	mysql_close(m);
	return NULL;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct worker w[MAX_THREADS];
	long long t0, t1, id;
	long ok = 0, failed = 0, nlat = 0, *all;
	int nth, i, flush = -1;
	char err[256];
	MYSQL *m;
	MYSQL_RES *res;
	MYSQL_ROW row;

	if (argc != 7) {
		fprintf(stderr, "usage: insert_baseline CLIENT_CNF DATABASE TABLE SAMPLE_ID THREADS SECONDS\n");
		return 2;
	}
	cnf = argv[1];
	dbname = argv[2];
	table = argv[3];
	id = atoll(argv[4]);
	nth = atoi(argv[5]);
	seconds = atoi(argv[6]);
	if (nth < 1 || nth > MAX_THREADS || seconds < 1 || id < 1 ||
	    strspn(table, "abcdefghijklmnopqrstuvwxyz_") != strlen(table)) {
		fprintf(stderr, "insert_baseline: bad arguments\n");
		return 2;
	}
	if (mysql_library_init(0, NULL, NULL) != 0 || (m = connect_db(err, sizeof(err))) == NULL) {
		fprintf(stderr, "insert_baseline: %s\n", err);
		return 1;
	}
	if (read_sample(m, id) != 0)
		return 1;
	if (mysql_query(m, "SELECT @@innodb_flush_log_at_trx_commit") == 0 &&
	    (res = mysql_store_result(m)) != NULL) {
		if ((row = mysql_fetch_row(res)) != NULL && row[0] != NULL)
			flush = atoi(row[0]);
		mysql_free_result(res);
	}
	mysql_close(m);
	memset(w, 0, sizeof(w));
	t0 = now_us();
	for (i = 0; i < nth; i++) {
		w[i].no = i;
		if ((w[i].lat_us = malloc(sizeof(long) * MAX_LAT)) == NULL ||
		    pthread_create(&w[i].th, NULL, work, &w[i]) != 0) {
			fprintf(stderr, "insert_baseline: cannot start thread %d\n", i);
			return 1;
		}
	}
	for (i = 0; i < nth; i++)
		pthread_join(w[i].th, NULL);
	t1 = now_us();
	for (i = 0; i < nth; i++) {
		ok += w[i].ok;
		failed += w[i].failed;
		nlat += w[i].nlat;
		if (w[i].err[0] != '\0')
			fprintf(stderr, "insert_baseline: thread %d: %s\n", i, w[i].err);
	}
	if ((all = malloc(sizeof(long) * (size_t)(nlat + 1))) == NULL)
		return 1;
	for (i = 0, nlat = 0; i < nth; i++) {
		memcpy(all + nlat, w[i].lat_us, sizeof(long) * (size_t)w[i].nlat);
		nlat += w[i].nlat;
	}
	qsort(all, (size_t)nlat, sizeof(long), cmp_long);
	printf("requests=%ld\nduration_us=%lld\nok=%ld\n", ok + failed, t1 - t0, ok);
	printf("p50_us=%ld\np99_us=%ld\n", nlat ? all[nlat / 2] : 0, nlat ? all[nlat * 99 / 100] : 0);
	printf("statuses=commit:%ld%s", ok, failed ? "," : "");
	if (failed)
		printf("error:%ld", failed);
	printf("\nflush_log_at_trx_commit=%d\n", flush);
	mysql_library_end();
	return failed == 0 && ok > 0 ? 0 : 1;
}
