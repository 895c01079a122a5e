/* Core-internal: the byte streams under a request (FastCGI or CGI). */
#ifndef SL_HTTP_INTERNAL_H
#define SL_HTTP_INTERNAL_H

#include <stddef.h>
#include "http.h"
#include "i18n.h"

struct FCGX_Stream;

#define IO_HEAD_MAX 4096   /* small writes (a response's headers) wait here */

/* In FastCGI mode the response goes out as FCGI_STDOUT records written
 * straight to the connection (io_fcgi.c): a whole page in one write instead
 * of libfcgi's 8 KB records, each of which woke nginx. libfcgi still reads
 * the request and, in FCGX_Finish_r, writes the end-of-stream and
 * end-request records after ours. */
struct io {
	struct FCGX_Stream *in, *out;   /* NULL in CGI mode: stdin/stdout */
	int                 fd;         /* the FastCGI connection, -1 in CGI mode */
	int                 request_id;
	size_t              held;       /* bytes waiting in head[] */
	char                head[IO_HEAD_MAX];
};

void	io_init_fcgi(struct io *, struct FCGX_Stream *in, struct FCGX_Stream *out,
	    int fd, int request_id);
void	io_init_cgi(struct io *);
void	io_flush_cgi(struct io *);
int	io_read(struct req *, char *buf, size_t n);          /* bytes, 0 at end, -1 error */
int	io_write(struct req *, const void *buf, size_t n);   /* 0 ok, -1 client gone */
/* Send what io_write still holds; the request's last write. 0 ok, -1 gone. */
int	io_end(struct req *);
/* FastCGI: n bytes (after the io's held ones) as FCGI_STDOUT records. */
int	io_fcgi_send(struct io *, const char *buf, size_t n);

/* Fill method, path, addresses etc. from the environment. */
void	req_init_env(struct req *);

extern const struct i18n_msg core_msgs[];
extern const size_t core_nmsgs;

#endif
