/* The floor of the ticket page in the benchmark (tests/bench/run.sh): the
 * cheapest FastCGI program that does what the page cannot avoid. For
 * GET .../<id> it runs the page's own statement (TICKET_SESSION_SQL of
 * cgi/desk/ticket_sql.h: the session, the ticket and its timeline), reads
 * every row, and answers BODY_FILE (a ticket page saved by the bench, so
 * the same number of bytes goes through nginx), closing the connection
 * the way the app's workers do (cgi/core/app.c). No parsing, no
 * templates, no access rule: what is left between this row and the
 * ticket page's row is the page's own work.
 *
 * Build: cc -O2 -Icgi/core -Icgi/desk -I/usr/include/mariadb \
 *            -o ticket_floor tests/bench/ticket_floor_fcgi.c -lfcgi -lmariadb
 * Run:   spawn-fcgi -s SOCKET -F 2 -- ./ticket_floor CLIENT_CNF DATABASE TOKEN_HASH BODY_FILE */
#include "ticket_sql.h"

#include <fcgiapp.h>
#include <mysql.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SESSION_HOURS 12     /* only decides the "extend the session" column */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n)) != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	} else if (buf != NULL)
		*len = (size_t)n;
	fclose(f);
	return buf;
}

/* Run the statement for ticket id and read all its rows: 0, or -1. */
static int
read_ticket(MYSQL_STMT *st, const char *hash, long long id)
{
	long long hours = SESSION_HOURS;
	unsigned long hash_len = strlen(hash);
	MYSQL_BIND in[3];
	int rc = 0;

	memset(in, 0, sizeof(in));
	in[0].buffer_type = MYSQL_TYPE_LONGLONG;
	in[0].buffer = &hours;
	in[1].buffer_type = MYSQL_TYPE_LONGLONG;
	in[1].buffer = &id;
	in[2].buffer_type = MYSQL_TYPE_STRING;
	in[2].buffer = (void *)hash;
	in[2].length = &hash_len;
	if (mysql_stmt_bind_param(st, in) != 0 || mysql_stmt_execute(st) != 0 ||
	    mysql_stmt_store_result(st) != 0)
		return -1;
	/* no result binding: the rows are fetched (as the app's db layer
	 * does) without being copied out */
	while ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED)
		;
	rc = rc == MYSQL_NO_DATA ? 0 : -1;
	mysql_stmt_free_result(st);
	return rc;
}

int
main(int argc, char **argv)
{
	static const char sql[] = TICKET_SESSION_SQL;
	char head[256], rest[4096];
	size_t body_len = 0;
	FCGX_Request req;
	MYSQL_STMT *st;
	MYSQL *m;
	char *body;
	int head_len;

	if (argc != 5 || (body = slurp(argv[4], &body_len)) == NULL) {
		fputs("usage: ticket_floor CLIENT_CNF DATABASE TOKEN_HASH BODY_FILE\n", stderr);
		return 2;
	}
	if ((m = mysql_init(NULL)) == NULL ||
	    mysql_options(m, MYSQL_READ_DEFAULT_FILE, argv[1]) != 0 ||
	    mysql_options(m, MYSQL_READ_DEFAULT_GROUP, "client") != 0 ||
	    mysql_real_connect(m, NULL, NULL, NULL, argv[2], 0, NULL, 0) == NULL ||
	    (st = mysql_stmt_init(m)) == NULL || mysql_stmt_prepare(st, sql, sizeof(sql) - 1) != 0) {
		fprintf(stderr, "ticket_floor: %s\n", m != NULL ? mysql_error(m) : "mysql_init");
		return 1;
	}
	head_len = snprintf(head, sizeof(head), "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\nContent-Length: %zu\r\n\r\n", body_len);
	if (FCGX_Init() != 0 || FCGX_InitRequest(&req, 0, 0) != 0) {
		fputs("ticket_floor: FCGX_Init failed\n", stderr);
		return 1;
	}
	while (FCGX_Accept_r(&req) >= 0) {
		const char *uri = FCGX_GetParam("REQUEST_URI", req.envp), *slash;
		long long id = uri != NULL && (slash = strrchr(uri, '/')) != NULL ?
		    atoll(slash + 1) : 0;

		if (read_ticket(st, argv[3], id) == 0) {
			/* A failed write only means the client went away. */
			(void)FCGX_PutStr(head, head_len, req.out);
			(void)FCGX_PutStr(body, (int)body_len, req.out);
		} else {
			static const char fail[] = "Status: 503 Service Unavailable\r\n"
			    "Content-Length: 0\r\n\r\n";

			fprintf(stderr, "ticket_floor: %s\n", mysql_stmt_error(st));
			(void)FCGX_PutStr(fail, (int)sizeof(fail) - 1, req.out);
		}
		while (FCGX_GetStr(rest, sizeof(rest), req.in) > 0)
			;
		if (FCGX_HasSeenEOF(req.in) == EOF && FCGX_GetError(req.in) == 0)
			(void)FCGX_Detach(&req);
		FCGX_Finish_r(&req);
	}
	FCGX_Free(&req, 1);
	mysql_stmt_close(st);
	mysql_close(m);
	return 0;
}
