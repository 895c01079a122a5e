#include "db.h"
#include "arena.h"
#include "config.h"
#include "counters.h"
#include "log.h"

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include <dlfcn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define DB_MAX_PARAMS 32
#define DB_MAX_COLS   128   /* the ticket page's session statement has over 70 */
/* A connection used within this many seconds is taken as alive without a
 * ping: a busy worker saves one round trip per request, and a connection
 * lost meanwhile (server restarted) is found by the first statement, which
 * a read retries once on a new connection (db_run). */
#define DB_PING_IDLE  5

static MYSQL       *conn;
static unsigned     conn_gen = 1;
static struct db_q *prepared;      /* registry, to close on reconnect/exit */
static time_t       last_used;
static int          in_tx;
static int          tx_broken;      /* connection lost inside a transaction */
static MYSQL_STMT  *last_stmt;     /* for db_insert_id */
static int          ever_connected; /* a later connect is a reconnect (counted) */

/* Count a failed call for /metrics (a duplicate key is an answer, not a failure). */
static void
db_count_error(enum db_rc rc)
{
	if (rc == DB_DOWN)
		counters_db_error(COUNTERS_DB_DOWN);
	else if (rc == DB_CONFLICT)
		counters_db_error(COUNTERS_DB_CONFLICT);
	else if (rc != DB_OK && rc != DB_DUP)
		counters_db_error(COUNTERS_DB_OTHER);
}

static enum db_rc
db_classify(unsigned err)
{
	switch (err) {
	case ER_DUP_ENTRY:
	case ER_DUP_ENTRY_WITH_KEY_NAME:
		return DB_DUP;
	case ER_LOCK_DEADLOCK:
	case ER_LOCK_WAIT_TIMEOUT:
		return DB_CONFLICT;
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_LOST_EXTENDED:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
		return DB_DOWN;
	default:
		return DB_ERR;
	}
}

static void
db_forget_statements(void)
{
	struct db_q *q, *next;

	for (q = prepared; q != NULL; q = next) {
		next = q->next;
		if (q->stmt != NULL)
			mysql_stmt_close(q->stmt);
		q->stmt = NULL;
		q->next = NULL;
	}
	prepared = NULL;
}

void
db_close(void)
{
	db_forget_statements();
	last_stmt = NULL;
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	in_tx = 0;
	conn_gen++;
}

/* OpenSSL without its error texts. MariaDB's client library starts
 * OpenSSL with the defaults on its first use, which loads the text of
 * every libcrypto and libssl error: ~0.6 MiB RSS in each worker
 * (libssl+libcrypto pages 3.46 → 2.87 MiB, 60 KiB of heap) for messages
 * a worker on the local socket never shows. Starting it first without
 * them makes later requests for them no-ops (OPENSSL_init_ssl(3)); a TLS
 * error to a remote server then logs its code only
 * ("error:0A000086:lib(20)::reason(134)"). openssl.cnf (minimum TLS
 * version, security level) is still read. Through dlsym: no build
 * dependency on OpenSSL, and nothing happens when the client library
 * uses another TLS library. */
#define DB_OSSL_NO_CRYPTO_STRINGS 0x00000001ULL   /* OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS */
#define DB_OSSL_NO_SSL_STRINGS    0x00100000ULL   /* OPENSSL_INIT_NO_LOAD_SSL_STRINGS */

static void
db_tls_without_error_texts(void)
{
	static int done;
	int (*init_ssl)(uint64_t, const void *);

	if (done)
		return;
	done = 1;
	/* POSIX: a data pointer from dlsym converts to a function pointer. */
	*(void **)&init_ssl = dlsym(RTLD_DEFAULT, "OPENSSL_init_ssl");
	if (init_ssl != NULL)
		(void)init_ssl(DB_OSSL_NO_CRYPTO_STRINGS | DB_OSSL_NO_SSL_STRINGS, NULL);
}

int
db_open(void)
{
	unsigned timeout_connect = 3, timeout_rw = 30;
	const char *init = "SET time_zone = '+00:00', sql_mode = "
	    "'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'";

	if (conn != NULL)
		db_close();
	db_tls_without_error_texts();
	if ((conn = mysql_init(NULL)) == NULL)
		return -1;
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout_connect);
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &timeout_rw);
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &timeout_rw);
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(conn, MYSQL_INIT_COMMAND, init);
	if (mysql_real_connect(conn, cfg.db_socket[0] ? NULL : cfg.db_host, cfg.db_user,
	    cfg.db_password, cfg.db_name, cfg.db_port,
	    cfg.db_socket[0] ? cfg.db_socket : NULL, 0) == NULL) {
		log_msg("error", "db connect failed", mysql_error(conn));
		db_count_error(DB_DOWN);
		mysql_close(conn);
		conn = NULL;
		return -1;
	}
	conn_gen++;
	last_used = time(NULL);
	if (ever_connected)
		counters_db_reconnect();
	ever_connected = 1;
	return 0;
}

/* A connection idle for a while may have been dropped by the server
 * (wait_timeout) or the server restarted: ping, and reconnect if needed.
 * Never inside a transaction (its state would be lost silently). */
enum db_rc
db_ready(void)
{
	time_t now = time(NULL);

	if (in_tx || tx_broken) {
		/* A handler left a transaction open: never carry it over. */
		log_msg("error", "transaction left open by previous request", "");
		db_rollback();
	}
	if (conn == NULL)
		return db_open() == 0 ? DB_OK : DB_DOWN;
	if (now >= last_used && now - last_used < DB_PING_IDLE)
		return DB_OK;
	/* Idle for a while (wait_timeout may have closed it): one round trip
	 * on the local socket is cheaper than a failed request. */
	if (mysql_ping(conn) == 0) {
		last_used = now;
		return DB_OK;
	}
	log_msg("warn", "db ping failed, reconnecting", mysql_error(conn));
	db_count_error(DB_DOWN);
	return db_open() == 0 ? DB_OK : DB_DOWN;
}

static enum db_rc
db_fail(const char *what, struct db_q *q)
{
	unsigned err = q != NULL && q->stmt != NULL ? mysql_stmt_errno(q->stmt) : mysql_errno(conn);
	const char *msg = q != NULL && q->stmt != NULL ? mysql_stmt_error(q->stmt) : mysql_error(conn);
	enum db_rc rc = db_classify(err);

	db_count_error(rc);
	if (rc != DB_DUP)
		log_msg("error", what, msg);
	if (rc == DB_DOWN) {
		/* Statements on a lost connection are dead; prepare anew later.
		 * Inside a transaction, nothing may run on a new connection in
		 * autocommit: every statement fails until the rollback. */
		int was_in_tx = in_tx;

		db_close();
		tx_broken = was_in_tx;
	}
	return rc;
}

/* Prepare q on the connection (once per connection). A connection found
 * lost here, outside a transaction, is opened again once: preparing
 * changes nothing on the server. */
static enum db_rc
db_prepare(struct db_q *q)
{
	int tries;

	if (tx_broken)
		return DB_DOWN;
	for (tries = 0; ; tries++) {
		int was_in_tx = in_tx;
		enum db_rc rc;

		if (conn == NULL && db_open() != 0)
			return DB_DOWN;
		if (q->stmt != NULL && q->gen == conn_gen)
			return DB_OK;
		if ((q->stmt = mysql_stmt_init(conn)) == NULL)
			return db_fail("stmt init", NULL);
		if (mysql_stmt_prepare(q->stmt, q->sql, (unsigned long)strlen(q->sql)) == 0)
			break;
		rc = db_fail("prepare", q);
		if (q->stmt != NULL) {
			mysql_stmt_close(q->stmt);
			q->stmt = NULL;
		}
		if (rc != DB_DOWN || was_in_tx || tries > 0) {
			log_msg("error", "statement", q->sql);
			return rc;
		}
	}
	q->gen = conn_gen;
	q->next = prepared;
	prepared = q;
	return DB_OK;
}

/* Holds bound parameter values for the duration of one execute. */
struct db_params {
	MYSQL_BIND    b[DB_MAX_PARAMS];
	long long     ints[DB_MAX_PARAMS];
	double        dbls[DB_MAX_PARAMS];
	unsigned long lens[DB_MAX_PARAMS];
	char          nulls[DB_MAX_PARAMS];
};

static int
db_bind_params(struct db_params *p, const char *types, va_list ap)
{
	size_t i, n = strlen(types);
	const char *s;

	if (n > DB_MAX_PARAMS)
		return -1;
	memset(p, 0, sizeof(*p));
	for (i = 0; i < n; i++) {
		MYSQL_BIND *b = &p->b[i];

		switch (types[i]) {
		case 's':
			s = va_arg(ap, const char *);
			b->buffer_type = MYSQL_TYPE_STRING;
			if (s == NULL) {
				b->buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			b->buffer = (void *)(uintptr_t)s;
			p->lens[i] = (unsigned long)strlen(s);
			b->length = &p->lens[i];
			break;
		case 'S':
		case 'b':
			b->buffer = (void *)(uintptr_t)va_arg(ap, const void *);
			p->lens[i] = (unsigned long)va_arg(ap, size_t);
			b->buffer_type = types[i] == 'S' ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			if (b->buffer == NULL)
				b->buffer_type = MYSQL_TYPE_NULL;
			b->length = &p->lens[i];
			break;
		case 'i':
		case 'I':
			p->ints[i] = types[i] == 'i' ? va_arg(ap, long long) : va_arg(ap, int);
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &p->ints[i];
			break;
		case 'd':
			p->dbls[i] = va_arg(ap, double);
			b->buffer_type = MYSQL_TYPE_DOUBLE;
			b->buffer = &p->dbls[i];
			break;
		default:
			return -1;
		}
	}
	return (int)n;
}

/* A statement that only reads: running it twice changes nothing. */
static int
db_is_read(const char *sql)
{
	while (*sql == ' ' || *sql == '\n' || *sql == '(')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0;
}

/* Execute a prepared and bound statement. A read outside a transaction
 * that finds the connection lost (the server restarted since this worker
 * last used it) runs once more on a new connection; a write never does
 * (the server may have done it before the connection broke). */
static enum db_rc
db_execute(struct db_q *q, struct db_params *p, int n)
{
	int was_in_tx = in_tx || tx_broken;
	enum db_rc rc;

	if (mysql_stmt_execute(q->stmt) == 0)
		return DB_OK;
	rc = db_fail("execute", q);
	if (rc != DB_DOWN || was_in_tx || !db_is_read(q->sql))
		return rc;
	if ((rc = db_prepare(q)) != DB_OK)
		return rc;
	if (n > 0 && mysql_stmt_bind_param(q->stmt, p->b) != 0)
		return db_fail("bind", q);
	if (mysql_stmt_execute(q->stmt) != 0)
		return db_fail("execute", q);
	return DB_OK;
}

static enum db_rc
db_run(struct db_q *q, const char *types, va_list ap)
{
	struct db_params p;
	int n;
	enum db_rc rc;

	if ((rc = db_prepare(q)) != DB_OK)
		return rc;
	if ((n = db_bind_params(&p, types, ap)) < 0 ||
	    (unsigned long)n != mysql_stmt_param_count(q->stmt)) {
		log_msg("error", "parameter count/type mismatch", q->sql);
		db_count_error(DB_ERR);
		return DB_ERR;
	}
	if (n > 0 && mysql_stmt_bind_param(q->stmt, p.b) != 0)
		return db_fail("bind", q);
	if ((rc = db_execute(q, &p, n)) != DB_OK)
		return rc;
	last_stmt = q->stmt;
	last_used = time(NULL);
	return DB_OK;
}

/* SL_DB_TRACE=1 in a worker's environment logs every statement's time
 * (for profiling a page: which statements its time goes to). */
static int
db_trace_on(void)
{
	static int on = -1;

	if (on < 0) {
		const char *e = getenv("SL_DB_TRACE");
		on = e != NULL && e[0] == '1';
	}
	return on;
}

static double
db_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
db_trace(const struct db_q *q, double t0, size_t rows)
{
	char msg[64];

	snprintf(msg, sizeof(msg), "sql %.3f ms, %zu rows", db_now_ms() - t0, rows);
	log_msg("trace", msg, q->sql);
}

enum db_rc
db_exec(struct db_q *q, unsigned long long *affected, const char *types, ...)
{
	va_list ap;
	enum db_rc rc;
	double t0 = db_trace_on() ? db_now_ms() : 0;

	va_start(ap, types);
	rc = db_run(q, types, ap);
	va_end(ap);
	if (rc == DB_OK && affected != NULL)
		*affected = mysql_stmt_affected_rows(q->stmt);
	if (t0 > 0)
		db_trace(q, t0, 0);
	return rc;
}

unsigned long long
db_insert_id(void)
{
	return conn != NULL && last_stmt != NULL ? mysql_stmt_insert_id(last_stmt) : 0;
}

static int
db_is_text_type(enum enum_field_types t)
{
	switch (t) {
	case MYSQL_TYPE_STRING: case MYSQL_TYPE_VAR_STRING: case MYSQL_TYPE_VARCHAR:
	case MYSQL_TYPE_BLOB: case MYSQL_TYPE_TINY_BLOB: case MYSQL_TYPE_MEDIUM_BLOB:
	case MYSQL_TYPE_LONG_BLOB: case MYSQL_TYPE_JSON: case MYSQL_TYPE_DECIMAL:
	case MYSQL_TYPE_NEWDECIMAL: case MYSQL_TYPE_ENUM: case MYSQL_TYPE_SET:
	case MYSQL_TYPE_BIT: case MYSQL_TYPE_GEOMETRY:
		return 1;
	default:
		return 0;
	}
}

/* Fetch every row as text into the arena. */
static enum db_rc
db_fetch_all(struct arena *a, struct db_q *q, struct db_res *res)
{
	MYSQL_RES *meta;
	MYSQL_FIELD *f;
	MYSQL_BIND b[DB_MAX_COLS];
	unsigned long len[DB_MAX_COLS];
	my_bool isnull[DB_MAX_COLS];
	size_t c, r, nc;
	my_bool one = 1;
	int frc;

	if ((meta = mysql_stmt_result_metadata(q->stmt)) == NULL)
		return db_fail("no result set", q);
	nc = mysql_num_fields(meta);
	if (nc > DB_MAX_COLS) {
		mysql_free_result(meta);
		log_msg("error", "result has more columns than DB_MAX_COLS", q->sql);
		return DB_ERR;
	}
	mysql_stmt_attr_set(q->stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &one);
	if (mysql_stmt_store_result(q->stmt) != 0) {
		mysql_free_result(meta);
		return db_fail("store result", q);
	}
	f = mysql_fetch_fields(meta);
	memset(b, 0, sizeof(b));
	for (c = 0; c < nc; c++) {
		/* Numbers and dates print in < 64 bytes; text needs its max. */
		b[c].buffer_length = db_is_text_type(f[c].type) ? f[c].max_length + 1 : 64;
		b[c].buffer = arena_alloc(a, b[c].buffer_length);
		b[c].buffer_type = MYSQL_TYPE_STRING;
		b[c].length = &len[c];
		b[c].is_null = &isnull[c];
	}
	mysql_free_result(meta);
	res->ncols = nc;
	res->nrows = (size_t)mysql_stmt_num_rows(q->stmt);
	res->v = arena_zalloc(a, sizeof(char *) * (res->nrows * nc + 1));
	res->len = arena_zalloc(a, sizeof(unsigned long) * (res->nrows * nc + 1));
	if (nc > 0 && mysql_stmt_bind_result(q->stmt, b) != 0)
		return db_fail("bind result", q);
	for (r = 0; r < res->nrows; r++) {
		frc = mysql_stmt_fetch(q->stmt);
		if (frc != 0) {
			/* Classify first: freeing the result clears the error. */
			enum db_rc rc = frc == 1 ? db_fail("fetch", q) : DB_ERR;

			if (frc == MYSQL_DATA_TRUNCATED) {
				log_msg("error", "fetch truncated", q->sql);
				db_count_error(DB_ERR);
			}
			if (q->stmt != NULL)
				mysql_stmt_free_result(q->stmt);
			return rc;
		}
		for (c = 0; c < nc; c++) {
			size_t n = len[c] < b[c].buffer_length ? len[c] : b[c].buffer_length - 1;
			if (isnull[c])
				continue;
			res->v[r * nc + c] = arena_strndup(a, b[c].buffer, n);
			res->len[r * nc + c] = (unsigned long)n;
		}
	}
	mysql_stmt_free_result(q->stmt);
	return DB_OK;
}

enum db_rc
db_query(struct arena *a, struct db_q *q, struct db_res **out, const char *types, ...)
{
	va_list ap;
	enum db_rc rc;
	struct db_res *res = arena_zalloc(a, sizeof(*res));
	double t0 = db_trace_on() ? db_now_ms() : 0;

	*out = res;
	va_start(ap, types);
	rc = db_run(q, types, ap);
	va_end(ap);
	if (rc != DB_OK)
		return rc;
	rc = db_fetch_all(a, q, res);
	if (t0 > 0)
		db_trace(q, t0, res->nrows);
	return rc;
}

enum db_rc
db_begin(void)
{
	tx_broken = 0;
	if (conn == NULL)
		return DB_DOWN;
	if (mysql_query(conn, "START TRANSACTION") != 0)
		return db_fail("begin", NULL);
	in_tx = 1;
	return DB_OK;
}

enum db_rc
db_commit(void)
{
	enum db_rc rc;

	if (conn == NULL || tx_broken) {
		in_tx = 0;
		tx_broken = 0;
		return DB_DOWN;
	}
	if (mysql_commit(conn) != 0) {
		rc = db_fail("commit", NULL);
		if (conn != NULL)
			(void)mysql_rollback(conn);   /* never leave it open */
		in_tx = 0;
		tx_broken = 0;
		return rc;
	}
	in_tx = 0;
	return DB_OK;
}

void
db_rollback(void)
{
	in_tx = 0;
	tx_broken = 0;
	if (conn != NULL && mysql_rollback(conn) != 0) {
		log_msg("warn", "rollback failed", mysql_error(conn));
		db_count_error(DB_ERR);
	}
}

const char *
db_get(const struct db_res *r, size_t row, size_t col)
{
	if (r == NULL || row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->v[row * r->ncols + col];
}

const char *
db_gets(const struct db_res *r, size_t row, size_t col)
{
	const char *s = db_get(r, row, col);

	return s != NULL ? s : "";
}

long long
db_get_int(const struct db_res *r, size_t row, size_t col)
{
	const char *s = db_get(r, row, col);

	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

const char *
db_rc_str(enum db_rc rc)
{
	static const char *const names[DB_RC__MAX] = {
		"ok", "duplicate", "down", "conflict", "error"
	};
	return rc < DB_RC__MAX ? names[rc] : "?";
}
