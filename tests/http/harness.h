/* HTTP test harness over libcurl: a client with its own cookie jar against
 * the test stack ($SL_TEST_URL, default http://127.0.0.1:18080). */
#ifndef SL_TEST_HARNESS_H
#define SL_TEST_HARNESS_H

#include <stddef.h>

struct http_resp {
	long    status;
	char   *body;       /* NUL-terminated; caller frees with http_resp_free */
	size_t  len;
	char   *headers;    /* raw header block of the final response */
};

/* One part of a multipart body: a field (filename NULL) or a file. */
struct hc_part {
	const char *name;
	const char *value;     /* field value, or file data */
	size_t      len;       /* file data length (fields: 0 = strlen) */
	const char *filename;  /* non-NULL for a file part */
	const char *ctype;     /* file part content type, may be NULL */
};

struct hc;   /* a client: cookie jar + curl handle */

const char *test_base_url(void);
struct hc  *hc_new(void);
void	    hc_free(struct hc *);
/* Connect from this local address (e.g. "127.0.0.7": all of 127/8 reaches
 * the stack on Linux), so the server sees another client address. */
void	    hc_set_source(struct hc *, const char *ip);
/* extra_header ("Origin: http://evil.example") may be NULL. Return 0 on a
 * completed exchange (any status), -1 on transport failure. Redirects are
 * not followed. */
int	hc_get(struct hc *, const char *path, struct http_resp *);
int	hc_get_h(struct hc *, const char *path, const char *extra_header, struct http_resp *);
int	hc_post_form(struct hc *, const char *path, const char *body, struct http_resp *);
int	hc_post_form_h(struct hc *, const char *path, const char *body,
	    const char *extra_header, struct http_resp *);
int	hc_post_multipart(struct hc *, const char *path, const struct hc_part *, size_t n,
	    struct http_resp *);
int	hc_post_raw(struct hc *, const char *path, const char *ctype, const char *body,
	    size_t len, const char *extra_header, struct http_resp *);
void	http_resp_free(struct http_resp *);

/* Value of a response header (case-insensitive name), malloc'ed, or NULL. */
char   *http_header(const struct http_resp *, const char *name);
/* value="..." of the first <input name="NAME" ...> in html (entities
 * &amp; &lt; &gt; &quot; &#39; decoded), malloc'ed, or NULL. */
char   *html_input_value(const char *html, const char *name);
/* URL-encode s (malloc'ed). */
char   *hc_escape(const char *s);

/* GET path and return the csrf token of its form (malloc'ed) or NULL. */
char   *hc_csrf(struct hc *, const char *path);
/* Sign in through /login; returns the HTTP status of the POST (303 = ok). */
long	hc_login(struct hc *, const char *login, const char *password);

/* Assertions on page text (cmocka fail() with the needle on stderr). */
void	assert_contains(const char *hay, const char *needle);
void	assert_not_contains(const char *hay, const char *needle);
/* Non-overlapping occurrences of needle in hay. */
size_t	count_of(const char *hay, const char *needle);
/* Field col of line row (0 = header) of a simple CSV (CRLF lines, no
 * quoted commas in the fields asked for), malloc'ed, or NULL. */
char   *csv_cell(const char *csv, int row, int col);

/* The first <option value="N"> with a number in html (a category), or 0. */
long long html_first_numeric_option(const char *html);
/* Report a fault through the public repair form as a new visitor, with
 * description as plain text; asserts the 303 and returns the tracking
 * code (malloc'ed). */
char   *hc_repair_ticket(const char *description);

/* The test stack's name ($SL_TEST_STACK, default "test"). */
const char *stack_name(void);
/* Run SQL text (any quoting; never seen by a shell) on the test stack's
 * database through its mariadb client in batch mode without column names.
 * Returns the client's exit status (0 ok, -1 when it could not be run);
 * *out and *err (each may be NULL) get its standard output and error
 * (malloc'ed, "" when empty; NULL when it could not be run). */
int	stack_sql_run(const char *sql, char **out, char **err);
/* Run SQL on the test stack's database; 0 ok, -1 on failure (the client's
 * error is written to stderr). */
int	stack_sql(const char *sql);
/* First column of the first row of a query (malloc'ed), or NULL when
 * there is no row or the query failed. */
char   *stack_sql_value(const char *sql);

/* The number of the first column of the first row; fails the test when
 * the query fails or gives no number. */
long long stack_sql_int(const char *sql);
/* What a refused request must leave alone of one ticket, as one line
 * (malloc'ed; fails the test when no ticket matches): its status, priority,
 * flag, assignee, team, version, update and due times, description, the
 * count and last id of its events, and the counts of its attachments,
 * surveys, parts used and visits. where is a condition on tickets t, e.g.
 * "t.id = 12" (written by the test, never from a page). */
char   *ticket_snapshot(const char *where);
/* Fails the test unless the ticket's snapshot still equals before (which
 * it frees). */
void	assert_ticket_unchanged(const char *where, char *before);
/* CHECKSUM TABLE of the tables ("a, b", written by the test): one line
 * per table over all its rows (malloc'ed; fails the test on an error). */
char   *tables_checksum(const char *tables);
/* Fails the test unless the tables' checksums still equal before (which
 * it frees): a refused request changed nothing in them. */
void	assert_tables_unchanged(const char *tables, char *before);
/* Run SQL that the database must refuse; fails the test unless the client
 * fails with an error holding both code (e.g. "ERROR 1644 (45000)", the
 * number and SQLSTATE) and message (e.g. a trigger's MESSAGE_TEXT). */
void	assert_sql_refused(const char *sql, const char *code, const char *message);

/* Run conf/stack/stack.sh CMD on the test stack (e.g. "db-stop"). */
int	test_stack(const char *cmd);

#endif
