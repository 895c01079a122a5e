/* Sign-in throttling with device cookies: the one place of the rule
 * (OWASP, "Slow Down Online Guessing Attacks with Device Cookies").
 *
 * Every failed sign-in is logged with its login (byte for byte), address
 * and, when the client presented a valid device cookie, that device.
 * Counted over the last GUARD_WINDOW_MIN minutes:
 * - A client WITHOUT a valid device cookie for the login it types
 *   ("untrusted") is refused (429, password not checked) when that login
 *   has GUARD_PER_ACCOUNT untrusted failures, or its address has
 *   GUARD_PER_ADDR failures of any kind.
 * - A client WITH a valid device cookie for that login ("trusted") ignores
 *   both: an attacker flooding the account, or sharing the owner's NAT,
 *   cannot lock the owner out of a device that signed in before. It is
 *   refused only when that device has GUARD_PER_DEVICE failures of its own,
 *   so a stolen cookie gives no more guesses than an untrusted client. Its
 *   failures count for the device and the address, never for the account.
 * - Failures are never cleared by a success (a success would otherwise hand
 *   an attacker a fresh allowance); they age out of the window. A trusted
 *   success forgets that device's failures.
 * - An address that signed in before earns no trust (NATs are shared).
 * - Every successful sign-in sets a new device cookie for that login (a
 *   fresh nonce, valid GUARD_DEVICE_DAYS days); sign-out keeps it. A browser
 *   keeps at most GUARD_PER_BROWSER of them (the oldest go), so a shared
 *   desk computer never sends more cookies than the request parser takes.
 *
 * Device cookie: name "sl_dev_" + 16 hex digits of a keyed hash of the login
 * (one cookie per account on a shared desk computer, and the name does not
 * show the login); value "ISSUED.NONCE.MAC": ISSUED the Unix time, NONCE
 * 32 hex digits (128 random bits, the device's identity in login_failures),
 * MAC 64 hex digits of BLAKE2b keyed with the server secret over the login,
 * the account's password hash, ISSUED and NONCE. Binding the password hash
 * means a password change revokes every device of that account. */
#ifndef SL_LOGIN_GUARD_H
#define SL_LOGIN_GUARD_H

#include <stddef.h>
#include <time.h>

struct kv;

#define GUARD_WINDOW_MIN   15
#define GUARD_PER_ACCOUNT  5
#define GUARD_PER_ADDR     50
#define GUARD_PER_DEVICE   5
#define GUARD_DEVICE_DAYS  180
#define GUARD_PER_BROWSER  10

#define GUARD_NAME_LEN     24      /* "sl_dev_" + 16 hex + NUL */
#define GUARD_NONCE_LEN    33      /* 32 hex + NUL */
#define GUARD_COOKIE_LEN   128     /* room for "ISSUED.NONCE.MAC" + NUL */

/* Failures in the window, as login_failures counts them. */
struct guard_counts {
	int        trusted;    /* 1: valid device cookie for this login */
	long long  account;    /* the login's failures from untrusted clients */
	long long  addr;       /* the address's failures */
	long long  device;     /* the device's failures (trusted only) */
};

/* 1 if the attempt may check the password, 0 if it is refused. */
int	login_guard_allows(const struct guard_counts *);

/* 128 random bits as 32 lower-case hex digits: a new device's nonce. */
void	login_guard_new_nonce(char out[GUARD_NONCE_LEN]);
/* The device cookie's name for login. */
void	login_guard_cookie_name(const char *login, char out[GUARD_NAME_LEN]);
/* A device cookie value for login (bound to pw_hash) issued at now with
 * nonce (32 lower-case hex digits). */
void	login_guard_cookie_make(const char *login, const char *pw_hash, time_t now,
	    const char *nonce, char out[GUARD_COOKIE_LEN]);
/* 1 if value is a device cookie issued for login and pw_hash, not older
 * than GUARD_DEVICE_DAYS nor from the future (5 minutes of clock skew);
 * then its nonce is copied to nonce_out. 0 otherwise (value may be NULL). */
int	login_guard_cookie_check(const char *value, const char *login, const char *pw_hash,
	    time_t now, char nonce_out[GUARD_NONCE_LEN]);
/* Of the request's cookies ck[0..n), the device cookies to expire so that
 * with the one being set (name keep) the browser holds at most
 * GUARD_PER_BROWSER: the oldest issued first. Their indexes go to out (room
 * for n); returns how many. */
size_t	login_guard_evict(const struct kv *ck, size_t n, const char *keep, size_t *out);

#endif
