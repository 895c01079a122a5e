/* Parsers of untrusted request input: query strings, urlencoded bodies,
 * multipart/form-data bodies and Cookie headers. Pure functions over a
 * buffer; everything they return is allocated from the arena given and
 * points nowhere else. Each enforces hard limits and refuses invalid UTF-8
 * in names and text values (file contents are bytes and are not checked). */
#ifndef SL_PARSE_H
#define SL_PARSE_H

#include <stddef.h>

struct arena;

enum parse_err {
	PARSE_OK = 0,
	PARSE_TOO_MANY,     /* more fields than PARSE_MAX_FIELDS / files than PARSE_MAX_FILES */
	PARSE_TOO_LONG,     /* a name or value over its limit */
	PARSE_BAD_UTF8,     /* a name or text value that is not valid UTF-8 */
	PARSE_BAD_ENCODING, /* bad %-escape, missing boundary, truncated part ... */
	PARSE_ERR__MAX
};

#define PARSE_MAX_FIELDS     200
#define PARSE_MAX_NAME       128       /* bytes, after decoding */
#define PARSE_MAX_VALUE      65536     /* bytes of one text value */
#define PARSE_MAX_FILES      10
#define PARSE_MAX_COOKIES    50

/* One name=value pair. Both NUL-terminated; vlen excludes the NUL. */
struct kv {
	const char *name;
	const char *val;
	size_t      vlen;
};

/* One uploaded file of a multipart body. data points into the arena. */
struct upload {
	const char          *field;     /* form field name */
	const char          *filename;  /* as sent by the client, UTF-8 checked, path stripped */
	const char          *ctype;     /* Content-Type the client claimed ("" if none) */
	const unsigned char *data;
	size_t               len;
};

struct form {
	struct kv     *fields;
	size_t         nfields;
	struct upload *files;
	size_t         nfiles;
};

/* Returns 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF)
 * and contains no NUL byte and no C0 control other than TAB, LF, CR. */
int	utf8_valid_text(const char *s, size_t n);

/* a=1&b=2 (also for application/x-www-form-urlencoded bodies): '+' is a space,
 * %XX decoded; a key without '=' has the value "". Empty pairs are skipped. */
enum parse_err parse_urlencoded(struct arena *, const char *buf, size_t len, struct form *out);

/* Cookie header: "a=1; b=2". Values are not %-decoded (RFC 6265);
 * surrounding double quotes are removed. Malformed pairs are skipped. */
enum parse_err parse_cookies(struct arena *, const char *hdr, struct kv **out, size_t *n);

/* multipart/form-data. ctype is the whole Content-Type header value (the
 * boundary is taken from it). Parts with a filename parameter become uploads
 * (an empty filename with empty content is skipped, as browsers send it when
 * no file is chosen); others become fields. */
enum parse_err parse_multipart(struct arena *, const char *ctype,
	    const unsigned char *buf, size_t len, struct form *out);

/* First value of a field, or NULL. */
const char *form_get(const struct form *, const char *name);
const struct kv *kv_find(const struct kv *, size_t n, const char *name);

const char *parse_err_str(enum parse_err);

#endif
