/* Parsers of untrusted request input (see parse.h).
 *
 * Ownership: names, text values, filenames and content types are copied
 * into the arena and NUL-terminated. The one exception is the data of an
 * uploaded file (struct upload.data): it points into the `buf` given to
 * parse_multipart(), so a 20 MB upload is not copied a second time. The
 * caller reads the body into memory of the same arena, so `buf` lives as
 * long as the form; a caller passing other memory must keep `buf` alive
 * for as long as it uses the form.
 *
 * Every parser is linear in its input: no rescanning, the multipart
 * delimiter is found with memmem(). Nothing is kept in static storage. */
#include "parse.h"
#include "arena.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#define MP_MAX_BOUNDARY   70            /* RFC 2046 */
#define MP_MAX_HEADER     8192          /* bytes of one part's header block */
#define MP_MAX_PARTS      (PARSE_MAX_FIELDS + PARSE_MAX_FILES)
#define MP_MAX_FILENAME   255           /* bytes, after stripping the path */
#define MP_MAX_CTYPE      255           /* bytes of a part's Content-Type */

/* A piece of an input buffer; not NUL-terminated. */
struct span {
	const char *p;
	size_t      n;
};

/* One "; name=value" parameter of a header value. The value is unquoted
 * and unescaped into the arena. */
struct hparam {
	struct span name;
	char       *val;
	size_t      vlen;
};

/* Length of the UTF-8 sequence starting at s[0..n) or 0 if invalid:
 * overlongs, surrogates, code points over U+10FFFF and truncated
 * sequences are refused. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 4;
	else
		return 0;               /* continuation, C0/C1 overlong, > F4 */
	if (s[0] == 0xE0)
		lo = 0xA0;              /* overlong 3-byte */
	else if (s[0] == 0xED)
		hi = 0x9F;              /* surrogates D800..DFFF */
	else if (s[0] == 0xF0)
		lo = 0x90;              /* overlong 4-byte */
	else if (s[0] == 0xF4)
		hi = 0x8F;              /* over U+10FFFF */
	if (n < need || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return need;
}

int
utf8_valid_text(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if (u[i] < 0x80) {
			if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
			    u[i] != '\r') || u[i] == 0x7F)
				return 0;
			i++;
			continue;
		}
		if ((k = utf8_seq(u + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* Like utf8_valid_text() but TAB, CR and LF are refused too: for names
 * and filenames, which end up in logs and headers. */
static int
utf8_valid_name(const char *s, size_t n)
{
	if (memchr(s, '\t', n) || memchr(s, '\n', n) || memchr(s, '\r', n))
		return 0;
	return utf8_valid_text(s, n);
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) ('+' is a space, %XX a byte) into a NUL-terminated arena
 * string of at most max bytes. */
static enum parse_err
pct_decode(struct arena *a, const char *s, size_t n, size_t max,
    char **out, size_t *outlen)
{
	char *d = arena_alloc(a, (n < max ? n : max) + 1);
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < n; i++) {
		if (o == max)
			return PARSE_TOO_LONG;
		if (s[i] == '+') {
			d[o++] = ' ';
		} else if (s[i] == '%') {
			if (n - i < 3 ||
			    (hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return PARSE_BAD_ENCODING;
			d[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[o++] = s[i];
	}
	d[o] = '\0';
	*out = d;
	*outlen = o;
	return PARSE_OK;
}

/* Decodes and checks one non-empty "name[=value]" pair into kv.
 * Returns PARSE_OK with kv->name NULL if the name is empty (skipped). */
static enum parse_err
urlenc_pair(struct arena *a, const char *s, size_t n, struct kv *kv)
{
	const char *eq = memchr(s, '=', n);
	size_t nlen = eq ? (size_t)(eq - s) : n;
	char *name, *val;
	size_t dn, dv;
	enum parse_err e;

	kv->name = NULL;
	if ((e = pct_decode(a, s, nlen, PARSE_MAX_NAME, &name, &dn)) != PARSE_OK)
		return e;
	if (eq == NULL)
		e = pct_decode(a, "", 0, PARSE_MAX_VALUE, &val, &dv);
	else
		e = pct_decode(a, eq + 1, n - nlen - 1, PARSE_MAX_VALUE, &val, &dv);
	if (e != PARSE_OK)
		return e;
	if (!utf8_valid_name(name, dn) || !utf8_valid_text(val, dv))
		return PARSE_BAD_UTF8;
	if (dn == 0)
		return PARSE_OK;        /* "=x": no name, skipped like "&&" */
	kv->name = name;
	kv->val = val;
	kv->vlen = dv;
	return PARSE_OK;
}

enum parse_err
parse_urlencoded(struct arena *a, const char *buf, size_t len, struct form *out)
{
	const char *p = buf, *end, *amp;
	size_t cap = 1, nf = 0, i;
	struct kv *kv;
	enum parse_err e;

	memset(out, 0, sizeof(*out));
	if (len == 0)
		return PARSE_OK;        /* buf may be NULL */
	end = buf + len;
	for (i = 0; i < len && cap <= PARSE_MAX_FIELDS; i++)
		if (buf[i] == '&')
			cap++;
	if (cap > PARSE_MAX_FIELDS)
		cap = PARSE_MAX_FIELDS;
	kv = arena_alloc(a, cap * sizeof(*kv));
	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL)
			amp = end;
		if (amp > p) {
			if (nf == PARSE_MAX_FIELDS)
				return PARSE_TOO_MANY;
			e = urlenc_pair(a, p, (size_t)(amp - p), &kv[nf]);
			if (e != PARSE_OK)
				return e;
			if (kv[nf].name != NULL)
				nf++;
		}
		p = amp + (amp < end);
	}
	out->fields = kv;
	out->nfields = nf;
	return PARSE_OK;
}

/* Cookie names: printable ASCII without separators that would make the
 * header ambiguous. Values: printable ASCII (space allowed inside) without
 * quote, semicolon or backslash. */
static int
cookie_name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > PARSE_MAX_NAME)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] <= 0x20 || s[i] >= 0x7F || strchr("\",;\\=", s[i]))
			return 0;
	return 1;
}

static int
cookie_val_ok(const char *s, size_t n)
{
	size_t i;

	if (n > PARSE_MAX_VALUE)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] >= 0x7F || strchr("\";\\", s[i]))
			return 0;
	return 1;
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t';
}

static struct span
trim(const char *p, size_t n)
{
	struct span s;

	while (n > 0 && is_ws(*p)) {
		p++;
		n--;
	}
	while (n > 0 && is_ws(p[n - 1]))
		n--;
	s.p = p;
	s.n = n;
	return s;
}

/* Splits one "name=value" cookie pair into kv. Returns 0 if malformed. */
static int
cookie_pair(struct arena *a, const char *p, size_t n, struct kv *kv)
{
	const char *eq = memchr(p, '=', n);
	struct span name, val;

	if (eq == NULL)
		return 0;
	name = trim(p, (size_t)(eq - p));
	val = trim(eq + 1, n - (size_t)(eq - p) - 1);
	if (val.n >= 2 && val.p[0] == '"' && val.p[val.n - 1] == '"') {
		val.p++;
		val.n -= 2;
	}
	if (!cookie_name_ok(name.p, name.n) || !cookie_val_ok(val.p, val.n))
		return 0;
	kv->name = arena_strndup(a, name.p, name.n);
	kv->val = arena_strndup(a, val.p, val.n);
	kv->vlen = val.n;
	return 1;
}

enum parse_err
parse_cookies(struct arena *a, const char *hdr, struct kv **out, size_t *n)
{
	const char *p, *semi;
	struct kv *kv;
	size_t nk = 0;

	*out = NULL;
	*n = 0;
	if (hdr == NULL || *hdr == '\0')
		return PARSE_OK;
	kv = arena_alloc(a, PARSE_MAX_COOKIES * sizeof(*kv));
	for (p = hdr; *p != '\0'; p = semi + (*semi == ';')) {
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		if (nk == PARSE_MAX_COOKIES) {
			struct kv extra;

			if (cookie_pair(a, p, (size_t)(semi - p), &extra))
				return PARSE_TOO_MANY;
			continue;
		}
		nk += (size_t)cookie_pair(a, p, (size_t)(semi - p), &kv[nk]);
	}
	if (nk > 0) {
		*out = kv;
		*n = nk;
	}
	return PARSE_OK;
}

/* HTTP token characters (RFC 9110), for header and parameter names. */
static int
is_tchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c));
}

static int
span_ieq(struct span s, const char *lit)
{
	return s.n == strlen(lit) && strncasecmp(s.p, lit, s.n) == 0;
}

/* Parses a quoted-string starting after its opening quote at s[*pos].
 * Backslash escapes only '"' and '\\'; any other backslash is kept, as
 * browsers send Windows paths ("C:\dir\f.txt") without escaping them.
 * The closing quote is found first so that the copy is exactly as long
 * as the string (memory stays linear in the header length). Returns 0 if
 * the closing quote is missing. */
static int
hdr_quoted(struct arena *a, const char *s, size_t n, size_t *pos, struct hparam *p)
{
	size_t i, o = 0, end;
	char *d;

	for (end = *pos; end < n && s[end] != '"'; end++)
		if (s[end] == '\\' && end + 1 < n && (s[end + 1] == '"' || s[end + 1] == '\\'))
			end++;
	if (end >= n)
		return 0;
	d = arena_alloc(a, end - *pos + 1);
	for (i = *pos; i < end; i++) {
		if (s[i] == '\\' && (s[i + 1] == '"' || s[i + 1] == '\\'))
			i++;
		d[o++] = s[i];
	}
	d[o] = '\0';
	p->val = d;
	p->vlen = o;
	*pos = end + 1;
	return 1;
}

/* Reads the next "; name=value" of the header value s[*pos..n).
 * Returns 1 with *p filled, 0 at the end, -1 on a syntax error. */
static int
hdr_param(struct arena *a, const char *s, size_t n, size_t *pos, struct hparam *p)
{
	size_t i = *pos, start;
	struct span v;

	while (i < n && is_ws(s[i]))
		i++;
	if (i == n)
		return 0;
	if (s[i++] != ';')
		return -1;
	while (i < n && is_ws(s[i]))
		i++;
	if (i == n)
		return 0;               /* tolerate a trailing ';' */
	for (start = i; i < n && is_tchar(s[i]); i++)
		continue;
	p->name.p = s + start;
	p->name.n = i - start;
	while (i < n && is_ws(s[i]))
		i++;
	if (p->name.n == 0 || i == n || s[i++] != '=')
		return -1;
	while (i < n && is_ws(s[i]))
		i++;
	if (i < n && s[i] == '"') {
		i++;
		if (!hdr_quoted(a, s, n, &i, p))
			return -1;
	} else {
		for (start = i; i < n && s[i] != ';'; i++)
			continue;
		v = trim(s + start, i - start);
		p->val = arena_strndup(a, v.p, v.n);
		p->vlen = v.n;
	}
	*pos = i;
	return 1;
}

/* Boundary characters of RFC 2046 (bchars); space not as the last one. */
static int
boundary_ok(const char *b, size_t n)
{
	size_t i;

	if (n == 0 || n > MP_MAX_BOUNDARY || b[n - 1] == ' ')
		return 0;
	for (i = 0; i < n; i++)
		if (!((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z') ||
		    (b[i] >= '0' && b[i] <= '9') || (b[i] != '\0' &&
		    strchr("'()+_,-./:=? ", b[i]))))
			return 0;
	return 1;
}

/* Finds the boundary in a Content-Type value "multipart/form-data;
 * boundary=...". Returns it (arena string) or NULL if missing/invalid. */
static const char *
mp_boundary(struct arena *a, const char *ctype)
{
	const char *semi;
	const char *b = NULL;
	struct hparam p;
	size_t n, pos;
	int r;

	if (ctype == NULL)
		return NULL;
	n = strlen(ctype);
	semi = memchr(ctype, ';', n);
	pos = semi ? (size_t)(semi - ctype) : n;
	if (!span_ieq(trim(ctype, pos), "multipart/form-data"))
		return NULL;
	while ((r = hdr_param(a, ctype, n, &pos, &p)) == 1) {
		if (!span_ieq(p.name, "boundary"))
			continue;
		if (b != NULL || !boundary_ok(p.val, p.vlen))
			return NULL;
		b = p.val;
	}
	return r == 0 ? b : NULL;
}

/* What the headers of one part say. */
struct mp_part {
	char       *name;
	char       *filename;       /* NULL if no filename parameter */
	size_t      fnlen;
	const char *ctype;          /* "" if none */
	int         have_cd;
};

/* Content-Disposition: form-data; name="..."; filename="..." */
static enum parse_err
mp_disposition(struct arena *a, const char *s, size_t n, struct mp_part *mp)
{
	const char *semi = memchr(s, ';', n);
	size_t pos = semi ? (size_t)(semi - s) : n;
	struct hparam p;
	int r;

	if (mp->have_cd || !span_ieq(trim(s, pos), "form-data"))
		return PARSE_BAD_ENCODING;
	mp->have_cd = 1;
	while ((r = hdr_param(a, s, n, &pos, &p)) == 1) {
		if (span_ieq(p.name, "name")) {
			if (mp->name != NULL)
				return PARSE_BAD_ENCODING;
			if (p.vlen > PARSE_MAX_NAME)
				return PARSE_TOO_LONG;
			if (!utf8_valid_name(p.val, p.vlen))
				return PARSE_BAD_UTF8;
			mp->name = p.val;
		} else if (span_ieq(p.name, "filename")) {
			if (mp->filename != NULL)
				return PARSE_BAD_ENCODING;
			mp->filename = p.val;
			mp->fnlen = p.vlen;
		}                       /* filename* and others: ignored */
	}
	return r == 0 ? PARSE_OK : PARSE_BAD_ENCODING;
}

/* Content-Type of a part: kept only as printable ASCII. */
static enum parse_err
mp_ctype(struct arena *a, const char *s, size_t n, struct mp_part *mp)
{
	struct span t = trim(s, n);
	size_t i;

	if (*mp->ctype != '\0')
		return PARSE_BAD_ENCODING;      /* twice */
	if (t.n > MP_MAX_CTYPE)
		return PARSE_TOO_LONG;
	for (i = 0; i < t.n; i++)
		if (t.p[i] < 0x20 || t.p[i] >= 0x7F)
			return PARSE_BAD_ENCODING;
	mp->ctype = arena_strndup(a, t.p, t.n);
	return PARSE_OK;
}

/* One header line s[0..n) (line ending removed) of a part. */
static enum parse_err
mp_header(struct arena *a, const char *s, size_t n, struct mp_part *mp)
{
	const char *colon = memchr(s, ':', n);
	struct span name;
	size_t i;

	if (colon == NULL || colon == s)
		return PARSE_BAD_ENCODING;
	name.p = s;
	name.n = (size_t)(colon - s);
	for (i = 0; i < name.n; i++)
		if (!is_tchar(s[i]))
			return PARSE_BAD_ENCODING;
	n -= name.n + 1;
	if (span_ieq(name, "Content-Disposition"))
		return mp_disposition(a, colon + 1, n, mp);
	if (span_ieq(name, "Content-Type"))
		return mp_ctype(a, colon + 1, n, mp);
	return PARSE_OK;                /* other headers are ignored */
}

/* Reads the header block of a part from buf[*pos..len) up to and including
 * the empty line; leaves *pos at the first byte of content. */
static enum parse_err
mp_headers(struct arena *a, const unsigned char *buf, size_t len,
    size_t *pos, struct mp_part *mp)
{
	size_t i = *pos, avail, n;
	const unsigned char *lf;
	enum parse_err e;

	memset(mp, 0, sizeof(*mp));
	mp->ctype = "";
	for (;;) {
		avail = len - i;
		if (avail > MP_MAX_HEADER - (i - *pos))
			avail = MP_MAX_HEADER - (i - *pos);
		if ((lf = memchr(buf + i, '\n', avail)) == NULL)
			return avail == len - i ? PARSE_BAD_ENCODING : PARSE_TOO_LONG;
		n = (size_t)(lf - (buf + i));
		if (n > 0 && buf[i + n - 1] == '\r')
			n--;
		if (n == 0)
			break;
		e = mp_header(a, (const char *)buf + i, n, mp);
		if (e != PARSE_OK)
			return e;
		i = (size_t)(lf - buf) + 1;
	}
	*pos = (size_t)(lf - buf) + 1;
	if (mp->name == NULL || *mp->name == '\0')
		return PARSE_BAD_ENCODING;
	return PARSE_OK;
}

/* After a delimiter at buf[*pos]: "--" closes the body (returns 1),
 * optional padding then a line ending opens the next part (returns 0),
 * anything else means the match was not a delimiter (returns -1).
 * *crlf is set to whether the line ended with CRLF. */
static int
mp_after_delim(const unsigned char *buf, size_t len, size_t *pos, int *crlf)
{
	size_t i = *pos;

	if (len - i >= 2 && buf[i] == '-' && buf[i + 1] == '-')
		return 1;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	*crlf = i < len && buf[i] == '\r';
	i += (size_t)*crlf;
	if (i == len || buf[i] != '\n')
		return -1;
	*pos = i + 1;
	return 0;
}

/* A part without filename: a text field, copied into the arena. */
static enum parse_err
mp_store_field(struct arena *a, const struct mp_part *mp, const unsigned char *data,
    size_t n, struct form *f)
{
	struct kv *kv;

	if (f->nfields == PARSE_MAX_FIELDS)
		return PARSE_TOO_MANY;
	if (n > PARSE_MAX_VALUE)
		return PARSE_TOO_LONG;
	if (!utf8_valid_text((const char *)data, n))
		return PARSE_BAD_UTF8;
	kv = &f->fields[f->nfields++];
	kv->name = mp->name;
	kv->val = arena_strndup(a, (const char *)data, n);
	kv->vlen = n;
	return PARSE_OK;
}

/* A part with a filename: an upload whose data points into the body.
 * The filename keeps what follows the last '/' or '\\'; it may be "" (or
 * "..") when the client sent content under such a name, so it is never a
 * safe path component by itself. */
static enum parse_err
mp_store_file(const struct mp_part *mp, const unsigned char *data, size_t n,
    struct form *f)
{
	const char *fn, *slash;
	struct upload *u;

	if (mp->fnlen == 0 && n == 0)
		return PARSE_OK;        /* no file chosen */
	if (!utf8_valid_name(mp->filename, mp->fnlen))
		return PARSE_BAD_UTF8;
	fn = mp->filename;
	if ((slash = strrchr(fn, '/')) != NULL)
		fn = slash + 1;
	if ((slash = strrchr(fn, '\\')) != NULL)
		fn = slash + 1;
	if (strlen(fn) > MP_MAX_FILENAME)
		return PARSE_TOO_LONG;
	if (f->nfiles == PARSE_MAX_FILES)
		return PARSE_TOO_MANY;
	u = &f->files[f->nfiles++];
	u->field = mp->name;
	u->filename = fn;
	u->ctype = mp->ctype;
	u->data = data;
	u->len = n;
	return PARSE_OK;
}

/* Finds the delimiter ending the content that starts at buf[from]: *cend
 * is the offset of its line break, *next the first byte of the next part's
 * headers, *last 1 for the closing "--boundary--". A match not followed by
 * "--" or a line break is content. No delimiter: truncated body. */
static enum parse_err
mp_content(const unsigned char *buf, size_t len, const struct span *dl,
    size_t from, size_t *cend, size_t *next, int *last)
{
	const unsigned char *m;
	size_t at = from, after;
	int crlf, r;

	for (;;) {
		m = memmem(buf + at, len - at, dl->p, dl->n);
		if (m == NULL)
			return PARSE_BAD_ENCODING;
		at = (size_t)(m - buf);
		after = at + dl->n;
		if ((r = mp_after_delim(buf, len, &after, &crlf)) >= 0)
			break;
		at++;
	}
	*cend = at;
	*next = after;
	*last = r;
	return PARSE_OK;
}

/* Walks the parts of the body, the first delimiter already consumed,
 * buf[pos] being the first byte of the first part's headers. The line
 * break before a delimiter belongs to the delimiter (dl), so an empty
 * content is found by searching right from its first byte. */
static enum parse_err
mp_parts(struct arena *a, const unsigned char *buf, size_t len, size_t pos,
    const struct span *dl, struct form *f)
{
	struct mp_part mp;
	size_t cend, next, nparts = 0;
	enum parse_err e;
	int last = 0;

	while (!last) {
		if (++nparts > MP_MAX_PARTS)
			return PARSE_TOO_MANY;
		if ((e = mp_headers(a, buf, len, &pos, &mp)) != PARSE_OK)
			return e;
		e = mp_content(buf, len, dl, pos, &cend, &next, &last);
		if (e != PARSE_OK)
			return e;
		if (mp.filename == NULL)
			e = mp_store_field(a, &mp, buf + pos, cend - pos, f);
		else
			e = mp_store_file(&mp, buf + pos, cend - pos, f);
		if (e != PARSE_OK)
			return e;
		pos = next;
	}
	return PARSE_OK;
}

enum parse_err
parse_multipart(struct arena *a, const char *ctype,
    const unsigned char *buf, size_t len, struct form *out)
{
	const char *b;
	struct span dl;
	struct form f;
	size_t bl, pos;
	int crlf, r;
	char *d;
	enum parse_err e;

	memset(out, 0, sizeof(*out));
	if ((b = mp_boundary(a, ctype)) == NULL)
		return PARSE_BAD_ENCODING;
	bl = strlen(b);
	if (len < bl + 2 || memcmp(buf, "--", 2) != 0 || memcmp(buf + 2, b, bl) != 0)
		return PARSE_BAD_ENCODING;
	pos = bl + 2;
	if ((r = mp_after_delim(buf, len, &pos, &crlf)) != 0)
		return r == 1 ? PARSE_OK : PARSE_BAD_ENCODING;  /* "--b--": empty */
	d = arena_printf(a, "%s--%s", crlf ? "\r\n" : "\n", b);
	dl.p = d;
	dl.n = strlen(d);
	memset(&f, 0, sizeof(f));
	f.fields = arena_alloc(a, PARSE_MAX_FIELDS * sizeof(*f.fields));
	f.files = arena_alloc(a, PARSE_MAX_FILES * sizeof(*f.files));
	if ((e = mp_parts(a, buf, len, pos, &dl, &f)) != PARSE_OK)
		return e;
	*out = f;
	return PARSE_OK;
}

const struct kv *
kv_find(const struct kv *kv, size_t n, const char *name)
{
	size_t i;

	if (kv == NULL || name == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (strcmp(kv[i].name, name) == 0)
			return &kv[i];
	return NULL;
}

const char *
form_get(const struct form *f, const char *name)
{
	const struct kv *kv;

	if (f == NULL)
		return NULL;
	kv = kv_find(f->fields, f->nfields, name);
	return kv ? kv->val : NULL;
}

const char *
parse_err_str(enum parse_err e)
{
	switch (e) {
	case PARSE_OK:
		return "ok";
	case PARSE_TOO_MANY:
		return "too many fields or files";
	case PARSE_TOO_LONG:
		return "name or value too long";
	case PARSE_BAD_UTF8:
		return "invalid UTF-8 text";
	case PARSE_BAD_ENCODING:
		return "malformed encoding";
	case PARSE_ERR__MAX:
		break;
	}
	return "unknown error";
}
