#include "http_internal.h"

#include <fcgiapp.h>
#include <limits.h>
#include <stdio.h>

void
io_init_fcgi(struct io *io, FCGX_Stream *in, FCGX_Stream *out)
{
	io->in = in;
	io->out = out;
}

void
io_init_cgi(struct io *io)
{
	io->in = NULL;
	io->out = NULL;
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

/* A client that went away shows only here: remember it, stop writing. */
int
io_write(struct req *r, const void *buf, size_t n)
{
	const char *p = buf;

	if (r->write_failed)
		return -1;
	while (n > 0) {
		int chunk = n > 32768 ? 32768 : (int)n;

		if (r->io->out != NULL) {
			if (FCGX_PutStr(p, chunk, r->io->out) != chunk) {
				r->write_failed = 1;
				return -1;
			}
		} else if (fwrite(p, 1, (size_t)chunk, stdout) != (size_t)chunk) {
			r->write_failed = 1;
			return -1;
		}
		p += chunk;
		n -= (size_t)chunk;
		r->bytes_out += (size_t)chunk;
	}
	return 0;
}
