#include "http_internal.h"

#include <fcgiapp.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

void
io_init_fcgi(struct io *io, FCGX_Stream *in, FCGX_Stream *out, int fd, int request_id)
{
	io->in = in;
	io->out = out;
	io->fd = fd;
	io->request_id = request_id;
	io->held = 0;
}

void
io_init_cgi(struct io *io)
{
	io->in = NULL;
	io->out = NULL;
	io->fd = -1;
	io->request_id = 0;
	io->held = 0;
}

void
io_flush_cgi(struct io *io)
{
	(void)io;
	fflush(stdout);
}

int
io_read(struct req *r, char *buf, size_t n)
{
	int want = n > INT_MAX ? INT_MAX : (int)n;

	if (r->io->in != NULL)
		return FCGX_GetStr(buf, want, r->io->in);
	return (int)fread(buf, 1, (size_t)want, stdin);
}

/* A client that went away shows only here: remember it, stop writing.
 * FastCGI: small writes wait in io->head and go out with the next one
 * (headers and body in one write) or at io_end. */
int
io_write(struct req *r, const void *buf, size_t n)
{
	struct io *io = r->io;

	if (r->write_failed)
		return -1;
	r->bytes_out += n;
	if (io->out != NULL) {
		if (io->held + n <= sizeof(io->head)) {
			memcpy(io->head + io->held, buf, n);
			io->held += n;
			return 0;
		}
		if (io_fcgi_send(io, buf, n) != 0) {
			r->write_failed = 1;
			return -1;
		}
		return 0;
	}
	if (n > 0 && fwrite(buf, 1, n, stdout) != n) {
		r->write_failed = 1;
		return -1;
	}
	return 0;
}

int
io_end(struct req *r)
{
	struct io *io = r->io;

	if (io->out == NULL || io->held == 0)
		return r->write_failed ? -1 : 0;
	if (r->write_failed || io_fcgi_send(io, NULL, 0) != 0) {
		io->held = 0;
		r->write_failed = 1;
		return -1;
	}
	return 0;
}
