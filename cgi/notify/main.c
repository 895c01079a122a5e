/* sl-notify: sends the notifications queued in the outbox (README
 * "Notifications"). A long-running program; several may run at once (on
 * one host or several): each claims its own rows.
 *
 *   sl-notify [--batch N] [--lease SECONDS] [--interval-ms MS] [--scan-secs S] [--once]
 *
 * --scan-secs: how often the time-based staff messages are looked for
 * (default 60; "due within 30 minutes", scan.c).
 * --once: send what is due and exit (for the bench and cron-like use).
 * SIGTERM/SIGINT: finish the message being sent, give back the rest of
 * the batch, exit 0. Reads $SL_CONFIG like the workers; logs JSON lines. */
#include "arena.h"
#include "config.h"
#include "db.h"
#include "http_internal.h"
#include "i18n.h"
#include "log.h"
#include "notify_send.h"
#include "scan.h"
#include "sender.h"
#include "tmpl.h"
#include "valid.h"

#include <curl/curl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stopping;
static volatile int stop_flag;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
	stop_flag = 1;
}

static int
opt_num(const char *v, long long lo, long long hi, long long *out)
{
	return v != NULL && valid_int(v, lo, hi, out) == NULL ? 0 : -1;
}

/* Parse argv into o; 0, or -1 after a usage message. */
static int
parse_args(int argc, char **argv, struct sender_opts *o, long long *interval, long long *scan,
    int *once)
{
	long long v;
	int i;

	for (i = 1; i < argc; i++) {
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--once") == 0) {
			*once = 1;
			continue;
		}
		if (strcmp(argv[i], "--batch") == 0 && opt_num(next, 1, 1000, &v) == 0)
			o->batch = (unsigned)v;
		else if (strcmp(argv[i], "--lease") == 0 && opt_num(next, 2, 3600, &v) == 0)
			o->lease = (unsigned)v;
		else if (strcmp(argv[i], "--interval-ms") == 0 && opt_num(next, 10, 60000, &v) == 0)
			*interval = v;
		else if (strcmp(argv[i], "--scan-secs") == 0 && opt_num(next, 1, 3600, &v) == 0)
			*scan = v;
		else {
			fprintf(stderr, "usage: sl-notify [--batch N] [--lease SECONDS]"
			    " [--interval-ms MS] [--scan-secs S] [--once]\n");
			return -1;
		}
		i++;
	}
	return 0;
}

static void
nap(long long ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static int
setup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (config_load(NULL) != 0 || sodium_init() < 0 || tmpl_init(cfg.template_dir) != 0 ||
	    curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return -1;
	i18n_register(core_msgs, core_nmsgs);
	i18n_register(notify_msgs, notify_nmsgs);
	return db_open() == 0 ? 0 : 1;   /* a database not up yet is retried */
}

int
main(int argc, char **argv)
{
	struct sender_opts o = { 20, 60, "" };
	long long interval = 1000, scan = 60;
	time_t scanned = 0;
	int once = 0, n, rc;
	struct arena a;
	char host[48];

	if (parse_args(argc, argv, &o, &interval, &scan, &once) != 0 || (rc = setup()) < 0)
		return 2;
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "host");
	host[sizeof(host) - 1] = '\0';
	snprintf(o.id, sizeof(o.id), "%.40s:%ld", host, (long)getpid());
	arena_init(&a);
	log_msg("info", "sl-notify started", o.id);
	while (!stopping) {
		n = db_ready() == DB_OK ? 0 : -1;
		if (n == 0 && time(NULL) - scanned >= (time_t)scan) {
			/* each part on its own: one failing does not stop the others */
			if (scan_sla_due(&a) != 0)
				log_msg("warn", "sl-notify: the scan failed", "sla_due");
			if (scan_kr_stale(&a) != 0)
				log_msg("warn", "sl-notify: the scan failed", "kr_stale");
			if (scan_weekly(&a, (long long)time(NULL)) != 0)
				log_msg("warn", "sl-notify: the scan failed", "weekly");
			if (scan_purge() != 0)
				log_msg("warn", "sl-notify: the scan failed", "purge");
			scanned = time(NULL);
			arena_reset(&a);
		}
		if (n == 0)
			n = sender_pass(&a, &o, &stop_flag);
		arena_reset(&a);
		if (n < 0)
			log_msg("warn", "sl-notify: database unavailable, retrying", NULL);
		if (once && n <= 0)
			break;
		if (n <= 0)
			nap(n < 0 ? 2000 : interval);
	}
	log_msg("info", "sl-notify stopped", o.id);
	arena_free(&a);
	db_close();
	curl_global_cleanup();
	return 0;
}
