/* Core-internal: the byte streams under a request (FastCGI or CGI). */
#ifndef SL_HTTP_INTERNAL_H
#define SL_HTTP_INTERNAL_H

#include <stddef.h>
#include "http.h"
#include "i18n.h"

struct FCGX_Stream;

struct io {
	struct FCGX_Stream *in, *out;   /* NULL in CGI mode: stdin/stdout */
};

void	io_init_fcgi(struct io *, struct FCGX_Stream *in, struct FCGX_Stream *out);
void	io_init_cgi(struct io *);
void	io_flush_cgi(struct io *);
int	io_read(struct req *, char *buf, size_t n);          /* bytes, 0 at end, -1 error */
int	io_write(struct req *, const void *buf, size_t n);   /* 0 ok, -1 client gone */

/* Fill method, path, addresses etc. from the environment. */
void	req_init_env(struct req *);

extern const struct i18n_msg core_msgs[];
extern const size_t core_nmsgs;

#endif
