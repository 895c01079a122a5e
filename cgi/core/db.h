/* MariaDB access: one connection per process, each statement prepared once
 * per connection (lazily, on first use) and reused; reconnect when the
 * connection was lost (every statement is prepared again after it).
 *
 * A statement is a static struct db_q next to the code that uses it:
 *     static struct db_q q_user_by_login = DB_Q("SELECT id, name FROM users WHERE login = ?");
 * Parameters are bound from a type string and varargs:
 *     's' const char * (NULL → SQL NULL)   'S' const char *, size_t len
 *     'i' long long                       'I' int
 *     'd' double                          'b' const void *, size_t len (BLOB)
 * SQL text is never built at run time: every db_q holds a literal. */
#ifndef SL_DB_H
#define SL_DB_H

#include <stddef.h>

struct arena;

enum db_rc {
	DB_OK = 0,
	DB_DUP,        /* unique key violated (1062) */
	DB_DOWN,       /* server unreachable or connection lost: answer 503 */
	DB_CONFLICT,   /* deadlock / lock wait timeout: the caller may retry */
	DB_ERR,        /* anything else (logged) */
	DB_RC__MAX
};

struct db_q {
	const char  *sql;
	void        *stmt;      /* MYSQL_STMT *, NULL until prepared */
	unsigned     gen;       /* connection generation it was prepared on */
	struct db_q *next;      /* registry of prepared statements */
};
#define DB_Q(text) { (text), NULL, 0, NULL }

/* Result of a query, copied into the arena. v[r*ncols+c] is NULL for SQL NULL,
 * otherwise NUL-terminated text (numbers and dates as MariaDB prints them). */
struct db_res {
	size_t          nrows, ncols;
	char          **v;
	unsigned long  *len;
};

int	    db_open(void);          /* connect using cfg; 0 or -1 */
enum db_rc  db_ready(void);         /* before each request: ping when idle, reconnect */
void	    db_close(void);         /* close statements and connection */

enum db_rc  db_exec(struct db_q *, unsigned long long *affected, const char *types, ...);
enum db_rc  db_query(struct arena *, struct db_q *, struct db_res **out, const char *types, ...);
unsigned long long db_insert_id(void);

enum db_rc  db_begin(void);
enum db_rc  db_commit(void);
void	    db_rollback(void);

const char *db_get(const struct db_res *, size_t row, size_t col);    /* NULL if SQL NULL */
const char *db_gets(const struct db_res *, size_t row, size_t col);   /* "" if SQL NULL */
long long   db_get_int(const struct db_res *, size_t row, size_t col); /* 0 if NULL */
const char *db_rc_str(enum db_rc);

#endif
