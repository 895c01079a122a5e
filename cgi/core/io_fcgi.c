/* FCGI_STDOUT records written straight to the FastCGI connection (see
 * struct io in http_internal.h for why). The record layout is the one of
 * the FastCGI specification: version 1, type, request id, content length
 * (at most 65535 bytes), padding length, reserved, then the content. */
#include "http_internal.h"

#include <errno.h>
#include <stdint.h>
#include <sys/uio.h>

#define FCGI_VERSION_1  1
#define FCGI_STDOUT     6
#define RECORD_MAX      65528   /* content per record: < 65536, a multiple of 8 */
#define RECORDS_PER_WRITE 16

static void
record_header(unsigned char h[8], int request_id, size_t len)
{
	h[0] = FCGI_VERSION_1;
	h[1] = FCGI_STDOUT;
	h[2] = (unsigned char)((request_id >> 8) & 0xff);
	h[3] = (unsigned char)(request_id & 0xff);
	h[4] = (unsigned char)((len >> 8) & 0xff);
	h[5] = (unsigned char)(len & 0xff);
	h[6] = 0;   /* no padding */
	h[7] = 0;
}

/* writev until everything is out; the connection is blocking. */
static int
writev_all(int fd, struct iovec *iov, int cnt)
{
	while (cnt > 0) {
		ssize_t w = writev(fd, iov, cnt);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		while (cnt > 0 && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			cnt--;
		}
		if (cnt > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

int
io_fcgi_send(struct io *io, const char *buf, size_t n)
{
	unsigned char hdr[RECORDS_PER_WRITE][8];
	struct iovec iov[RECORDS_PER_WRITE * 3];
	const char *held = io->head;
	size_t nheld = io->held;

	io->held = 0;
	while (nheld + n > 0) {
		int cnt = 0, k;

		for (k = 0; k < RECORDS_PER_WRITE && nheld + n > 0; k++) {
			size_t room = RECORD_MAX, from_held = nheld < room ? nheld : room, from_buf;

			room -= from_held;
			from_buf = n < room ? n : room;
			record_header(hdr[k], io->request_id, from_held + from_buf);
			iov[cnt++] = (struct iovec){ hdr[k], 8 };
			if (from_held > 0)
				iov[cnt++] = (struct iovec){ (void *)(uintptr_t)held, from_held };
			if (from_buf > 0)
				iov[cnt++] = (struct iovec){ (void *)(uintptr_t)buf, from_buf };
			held += from_held;
			nheld -= from_held;
			buf += from_buf;
			n -= from_buf;
		}
		if (writev_all(io->fd, iov, cnt) != 0)
			return -1;
	}
	return 0;
}
