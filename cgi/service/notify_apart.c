/* notify_send in a child process (notify_send.h): the admin page's "send
 * test" sends one message now and then, and a worker that loaded libcurl
 * for it would keep its ~25 libraries mapped for the rest of its life
 * (~4 MiB RSS). The child loads them, sends, reports through a pipe and
 * ends; the worker waits for it, as it waited for the send before.
 *
 * The child leaves through _exit only: it shares the worker's database
 * connection and FastCGI sockets, which it must not close or write to (a
 * MariaDB client closing sends QUIT on the shared connection). */
#include "notify_send.h"
#include "arena.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Longer than the senders' own limits (connect 5 s, transfer 10-15 s). */
#define APART_WAIT_SECS 30
#define APART_MSG_MAX   1024

/* The child: send, write "0" or "1" and the reason, end. */
static void __attribute__((noreturn))
apart_child(int fd, struct arena *a, const struct notify_channel_cfg *ch,
    const struct notify_msg *m)
{
	const char *err = "";
	char out[APART_MSG_MAX];
	size_t len;

	alarm(APART_WAIT_SECS + 5);       /* never outlives the wait by much */
	out[0] = notify_send(a, ch, m, &err) == 0 ? '0' : '1';
	len = strlen(err != NULL ? err : "");
	if (len > sizeof(out) - 1)
		len = sizeof(out) - 1;
	memcpy(out + 1, err != NULL ? err : "", len);
	(void)!write(fd, out, len + 1);
	_exit(0);
}

/* Read the child's report until it closes the pipe or the time is up.
 * Bytes read, or -1 when the time ran out. */
static ssize_t
apart_read(int fd, char *buf, size_t size)
{
	time_t end = time(NULL) + APART_WAIT_SECS;
	size_t got = 0;

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		time_t now = time(NULL);
		ssize_t k;
		int rc;

		if (now >= end)
			return -1;
		rc = poll(&p, 1, (int)(end - now) * 1000);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0)
			return -1;
		k = read(fd, buf + got, size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0 || (got += (size_t)k) == size)
			return (ssize_t)got;
	}
}

int
notify_send_apart(struct arena *a, const struct notify_channel_cfg *ch,
    const struct notify_msg *m, const char **err)
{
	char buf[APART_MSG_MAX];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	if (pipe(fds) != 0) {
		*err = "cannot start the sending process (pipe)";
		return -1;
	}
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		*err = "cannot start the sending process (fork)";
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		apart_child(fds[1], a, ch, m);
	}
	close(fds[1]);
	n = apart_read(fds[0], buf, sizeof(buf));
	close(fds[0]);
	if (n < 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (n < 1) {
		*err = n < 0 ? "the send did not end in time" : "the sending process failed";
		return -1;
	}
	*err = arena_strndup(a, buf + 1, (size_t)n - 1);
	return buf[0] == '0' ? 0 : -1;
}
