/* Baseline of the benchmark (tests/bench/run.sh): the cheapest possible
 * libfcgi program. It accepts requests with FCGX_Accept_r and writes a tiny
 * fixed response, so nginx + FastCGI + libfcgi cost is measured without any
 * application work.
 *
 * Built a second time with -DHELLO_CLOSE_AT_ONCE it closes each connection
 * the way the app's workers do (cgi/core/app.c: input read to its end, then
 * detached, so FCGX_Finish_r does not wait for nginx to hang up): the
 * bench shows both, the plain program stays the baseline of the ratios.
 *
 * Build: cc -O2 -o hello_fcgi tests/bench/hello_fcgi.c -lfcgi
 * Run:   spawn-fcgi -s SOCKET -F 2 -- ./hello_fcgi */
#include <fcgiapp.h>

#include <stdio.h>

int
main(void)
{
	static const char reply[] =
	    "Status: 200 OK\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: 12\r\n"
	    "\r\n"
	    "hello world\n";
	FCGX_Request req;

	if (FCGX_Init() != 0 || FCGX_InitRequest(&req, 0, 0) != 0) {
		fputs("hello_fcgi: FCGX_Init failed\n", stderr);
		return 1;
	}
	while (FCGX_Accept_r(&req) >= 0) {
		/* A failed write only means the client went away. */
		(void)FCGX_PutStr(reply, (int)(sizeof(reply) - 1), req.out);
#ifdef HELLO_CLOSE_AT_ONCE
		{
			char rest[4096];

			while (FCGX_GetStr(rest, sizeof(rest), req.in) > 0)
				;
			if (FCGX_HasSeenEOF(req.in) == EOF && FCGX_GetError(req.in) == 0)
				(void)FCGX_Detach(&req);
		}
#endif
		FCGX_Finish_r(&req);
	}
	FCGX_Free(&req, 1);
	return 0;
}
