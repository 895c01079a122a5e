/* Unit tests of cgi/core/parse.c: one scenario per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "parse.h"

#define BND      "----WebKitFormBoundary7MA4YWxkTrZu0gW"
#define CT       "multipart/form-data; boundary=" BND
#define CD       "Content-Disposition: form-data; "
#define ZH       "\xe5\xae\xb6\xe7\x94\xa8\xe7\xa9\xba\xe8\xb0\x83\xe4\xb8\x8d\xe5\x88\xb6\xe5\x86\xb7"
#define ZH_PCT   "%E5%AE%B6%E7%94%A8%E7%A9%BA%E8%B0%83" \
                 "%E4%B8%8D%E5%88%B6%E5%86%B7"

static int
setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));

	if (a == NULL)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	free(*state);
	return 0;
}

static int
utf8(const char *s)
{
	return utf8_valid_text(s, strlen(s));
}

static enum parse_err
urlenc(void **state, const char *s, struct form *f)
{
	return parse_urlencoded(*state, s, strlen(s), f);
}

static enum parse_err
multipart(void **state, const char *ctype, const char *body, struct form *f)
{
	return parse_multipart(*state, ctype, (const unsigned char *)body,
	    strlen(body), f);
}

/* Copy of s with every "\r\n" replaced by "\n", from the arena. */
static char *
to_lf(struct arena *a, const char *s)
{
	char *d = arena_alloc(a, strlen(s) + 1), *o = d;

	for (; *s != '\0'; s++)
		if (!(s[0] == '\r' && s[1] == '\n'))
			*o++ = *s;
	*o = '\0';
	return d;
}

/* --- utf8_valid_text --- */

static void
test_utf8_ascii_accepted(void **state)
{
	(void)state;
	assert_true(utf8("hello, world ~!"));
	assert_true(utf8(""));
}

static void
test_utf8_chinese_accepted(void **state)
{
	(void)state;
	assert_true(utf8(ZH));
	assert_true(utf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
}

static void
test_utf8_range_edges_accepted(void **state)
{
	(void)state;
	assert_true(utf8("\xc2\x80"));          /* U+0080 */
	assert_true(utf8("\xdf\xbf"));          /* U+07FF */
	assert_true(utf8("\xe0\xa0\x80"));      /* U+0800 */
	assert_true(utf8("\xed\x9f\xbf"));      /* U+D7FF */
	assert_true(utf8("\xee\x80\x80"));      /* U+E000 */
	assert_true(utf8("\xef\xbf\xbf"));      /* U+FFFF */
	assert_true(utf8("\xf0\x90\x80\x80"));  /* U+10000 */
	assert_true(utf8("\xf4\x8f\xbf\xbf"));  /* U+10FFFF */
}

static void
test_utf8_overlong_refused(void **state)
{
	(void)state;
	assert_false(utf8("\xc0\xaf"));
	assert_false(utf8("\xc1\xbf"));
	assert_false(utf8("\xe0\x80\xaf"));
	assert_false(utf8("\xe0\x9f\xbf"));
	assert_false(utf8("\xf0\x80\x80\xaf"));
	assert_false(utf8("\xf0\x8f\xbf\xbf"));
}

static void
test_utf8_surrogate_refused(void **state)
{
	(void)state;
	assert_false(utf8("\xed\xa0\x80"));     /* U+D800 */
	assert_false(utf8("\xed\xbf\xbf"));     /* U+DFFF */
}

static void
test_utf8_above_max_refused(void **state)
{
	(void)state;
	assert_false(utf8("\xf4\x90\x80\x80")); /* U+110000 */
	assert_false(utf8("\xf5\x80\x80\x80"));
	assert_false(utf8("\xff"));
	assert_false(utf8("\xfe"));
}

static void
test_utf8_truncated_refused(void **state)
{
	(void)state;
	assert_false(utf8("\xe5\xae"));
	assert_false(utf8("a\xf0\x9f\x98"));
	assert_false(utf8("\xc3"));
	assert_false(utf8("\xe5\xae" "a"));     /* continuation replaced */
}

static void
test_utf8_lone_continuation_refused(void **state)
{
	(void)state;
	assert_false(utf8("\x80"));
	assert_false(utf8("a\xbf" "b"));
}

static void
test_utf8_controls_refused_tab_lf_cr_accepted(void **state)
{
	(void)state;
	assert_true(utf8("a\tb\r\nc"));
	assert_false(utf8_valid_text("a\0b", 3));
	assert_false(utf8("\x01"));
	assert_false(utf8("\x1b[31m"));
	assert_false(utf8("\x7f"));
}

/* --- parse_urlencoded --- */

static void
test_urlencoded_basic_pairs(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "a=1&b=two", &f), PARSE_OK);
	assert_int_equal(f.nfields, 2);
	assert_string_equal(f.fields[0].name, "a");
	assert_string_equal(f.fields[0].val, "1");
	assert_int_equal(f.fields[0].vlen, 1);
	assert_string_equal(form_get(&f, "b"), "two");
	assert_null(f.files);
	assert_int_equal(f.nfiles, 0);
}

static void
test_urlencoded_plus_is_space(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "q=hello+world+&x+y=1", &f), PARSE_OK);
	assert_string_equal(form_get(&f, "q"), "hello world ");
	assert_string_equal(form_get(&f, "x y"), "1");
}

static void
test_urlencoded_percent_decoded(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "e=a%2Bb%3d%26%25&%41=%7e", &f), PARSE_OK);
	assert_string_equal(form_get(&f, "e"), "a+b=&%");
	assert_string_equal(form_get(&f, "A"), "~");
}

static void
test_urlencoded_bad_escape_refused(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "a=%zz", &f), PARSE_BAD_ENCODING);
	assert_int_equal(urlenc(state, "a=%4", &f), PARSE_BAD_ENCODING);
	assert_int_equal(urlenc(state, "a=1%", &f), PARSE_BAD_ENCODING);
	assert_int_equal(urlenc(state, "%g1=1", &f), PARSE_BAD_ENCODING);
	assert_int_equal(f.nfields, 0);
	assert_null(f.fields);
}

static void
test_urlencoded_key_without_equals_is_empty(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "flag&b=", &f), PARSE_OK);
	assert_int_equal(f.nfields, 2);
	assert_string_equal(form_get(&f, "flag"), "");
	assert_int_equal(f.fields[0].vlen, 0);
	assert_string_equal(form_get(&f, "b"), "");
}

static void
test_urlencoded_empty_pairs_skipped(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "&&a=1&&&b=2&=orphan&", &f), PARSE_OK);
	assert_int_equal(f.nfields, 2);
	assert_string_equal(f.fields[0].name, "a");
	assert_string_equal(f.fields[1].name, "b");
}

static void
test_urlencoded_empty_input(void **state)
{
	struct form f;

	assert_int_equal(parse_urlencoded(*state, NULL, 0, &f), PARSE_OK);
	assert_int_equal(f.nfields, 0);
	assert_null(form_get(&f, "a"));
	assert_int_equal(urlenc(state, "&", &f), PARSE_OK);
	assert_int_equal(f.nfields, 0);
}

static void
test_urlencoded_chinese_round_trips(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "title=" ZH_PCT "&" ZH_PCT "=1", &f), PARSE_OK);
	assert_string_equal(form_get(&f, "title"), ZH);
	assert_int_equal(f.fields[0].vlen, strlen(ZH));
	assert_string_equal(form_get(&f, ZH), "1");
	/* raw UTF-8 (not escaped) is accepted too */
	assert_int_equal(urlenc(state, "t=" ZH, &f), PARSE_OK);
	assert_string_equal(form_get(&f, "t"), ZH);
}

static void
test_urlencoded_textarea_newlines_kept(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "body=line1%0D%0Aline2%09x", &f), PARSE_OK);
	assert_string_equal(form_get(&f, "body"), "line1\r\nline2\tx");
}

static void
test_urlencoded_newline_in_name_refused(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "a%0Ab=1", &f), PARSE_BAD_UTF8);
	assert_int_equal(urlenc(state, "a%09b=1", &f), PARSE_BAD_UTF8);
}

static void
test_urlencoded_nul_refused(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "a=x%00y", &f), PARSE_BAD_UTF8);
	assert_int_equal(urlenc(state, "a%00=1", &f), PARSE_BAD_UTF8);
	assert_int_equal(urlenc(state, "a=%7F", &f), PARSE_BAD_UTF8);
}

static void
test_urlencoded_bad_utf8_refused(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "a=%C0%AF", &f), PARSE_BAD_UTF8);
	assert_int_equal(urlenc(state, "a=%FF", &f), PARSE_BAD_UTF8);
	assert_int_equal(urlenc(state, "a=%E5%AE", &f), PARSE_BAD_UTF8);
	assert_int_equal(urlenc(state, "%ED%A0%80=1", &f), PARSE_BAD_UTF8);
}

static void
test_urlencoded_name_length_limit(void **state)
{
	char buf[PARSE_MAX_NAME + 8];
	struct form f;

	memset(buf, 'n', PARSE_MAX_NAME);
	strcpy(buf + PARSE_MAX_NAME, "=1");
	assert_int_equal(urlenc(state, buf, &f), PARSE_OK);
	assert_int_equal(strlen(f.fields[0].name), PARSE_MAX_NAME);
	memset(buf, 'n', PARSE_MAX_NAME + 1);
	strcpy(buf + PARSE_MAX_NAME + 1, "=1");
	assert_int_equal(urlenc(state, buf, &f), PARSE_TOO_LONG);
}

static void
test_urlencoded_value_length_limit(void **state)
{
	size_t n = 2 + PARSE_MAX_VALUE + 1;
	char *buf = arena_alloc(*state, n + 1);
	struct form f;

	memcpy(buf, "v=", 2);
	memset(buf + 2, 'x', n - 2);
	assert_int_equal(parse_urlencoded(*state, buf, n - 1, &f), PARSE_OK);
	assert_int_equal(f.fields[0].vlen, PARSE_MAX_VALUE);
	assert_int_equal(parse_urlencoded(*state, buf, n, &f), PARSE_TOO_LONG);
}

static void
test_urlencoded_limit_counts_decoded_bytes(void **state)
{
	/* %41 x PARSE_MAX_VALUE is 3x longer raw but exactly at the limit */
	size_t n = 2 + 3 * PARSE_MAX_VALUE, i;
	char *buf = arena_alloc(*state, n);
	struct form f;

	memcpy(buf, "v=", 2);
	for (i = 2; i < n; i += 3)
		memcpy(buf + i, "%41", 3);
	assert_int_equal(parse_urlencoded(*state, buf, n, &f), PARSE_OK);
	assert_int_equal(f.fields[0].vlen, PARSE_MAX_VALUE);
}

static void
test_urlencoded_field_count_limit(void **state)
{
	char *buf = arena_alloc(*state, 4 * (PARSE_MAX_FIELDS + 1) + 1), *p = buf;
	struct form f;
	int i;

	for (i = 0; i < PARSE_MAX_FIELDS; i++)
		p += sprintf(p, "a=1&");
	assert_int_equal(urlenc(state, buf, &f), PARSE_OK);
	assert_int_equal(f.nfields, PARSE_MAX_FIELDS);
	sprintf(p, "a=1");
	assert_int_equal(urlenc(state, buf, &f), PARSE_TOO_MANY);
}

static void
test_urlencoded_duplicate_first_wins(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "a=1&a=2", &f), PARSE_OK);
	assert_int_equal(f.nfields, 2);
	assert_string_equal(form_get(&f, "a"), "1");
	assert_ptr_equal(kv_find(f.fields, f.nfields, "a"), &f.fields[0]);
}

/* --- parse_cookies --- */

static void
test_cookies_basic(void **state)
{
	struct kv *kv;
	size_t n;

	assert_int_equal(parse_cookies(*state, "sid=abc123; theme=dark", &kv, &n),
	    PARSE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(kv[0].name, "sid");
	assert_string_equal(kv[0].val, "abc123");
	assert_int_equal(kv[0].vlen, 6);
	assert_string_equal(kv_find(kv, n, "theme")->val, "dark");
	assert_null(kv_find(kv, n, "nope"));
}

static void
test_cookies_whitespace_trimmed(void **state)
{
	struct kv *kv;
	size_t n;

	assert_int_equal(parse_cookies(*state, "  a =  1 ;\tb= x y \t;c=", &kv, &n),
	    PARSE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(kv_find(kv, n, "a")->val, "1");
	assert_string_equal(kv_find(kv, n, "b")->val, "x y");
	assert_string_equal(kv_find(kv, n, "c")->val, "");
}

static void
test_cookies_quotes_stripped(void **state)
{
	struct kv *kv;
	size_t n;

	assert_int_equal(parse_cookies(*state, "a=\"q v\"; b=\"\"; c=\"", &kv, &n),
	    PARSE_OK);
	assert_int_equal(n, 2);     /* c has a lone quote: skipped */
	assert_string_equal(kv[0].val, "q v");
	assert_string_equal(kv[1].val, "");
	assert_int_equal(kv[1].vlen, 0);
}

static void
test_cookies_not_percent_decoded(void **state)
{
	struct kv *kv;
	size_t n;

	assert_int_equal(parse_cookies(*state, "a=x%20y+z; b=k=v==", &kv, &n),
	    PARSE_OK);
	assert_string_equal(kv_find(kv, n, "a")->val, "x%20y+z");
	assert_string_equal(kv_find(kv, n, "b")->val, "k=v==");
}

static void
test_cookies_skip_malformed(void **state)
{
	struct kv *kv;
	size_t n;

	assert_int_equal(parse_cookies(*state,
	    "noequals; =empty; ok=1; bad\x01=2; u=caf\xc3\xa9; ;; q=a\"b; "
	    "sp ace=1; last=2", &kv, &n), PARSE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(kv[0].name, "ok");
	assert_string_equal(kv[1].name, "last");
}

static void
test_cookies_empty_and_null_header(void **state)
{
	struct kv *kv = (struct kv *)1;
	size_t n = 7;

	assert_int_equal(parse_cookies(*state, NULL, &kv, &n), PARSE_OK);
	assert_null(kv);
	assert_int_equal(n, 0);
	assert_int_equal(parse_cookies(*state, "", &kv, &n), PARSE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(parse_cookies(*state, " ; ;", &kv, &n), PARSE_OK);
	assert_int_equal(n, 0);
	assert_null(kv_find(kv, n, "a"));
}

static void
test_cookies_count_limit(void **state)
{
	char *buf = arena_alloc(*state, 16 * (PARSE_MAX_COOKIES + 2)), *p = buf;
	struct kv *kv;
	size_t n;
	int i;

	for (i = 0; i < PARSE_MAX_COOKIES; i++)
		p += sprintf(p, "c%d=%d; ", i, i);
	p += sprintf(p, "bad; =x");     /* malformed extras do not count */
	assert_int_equal(parse_cookies(*state, buf, &kv, &n), PARSE_OK);
	assert_int_equal(n, PARSE_MAX_COOKIES);
	sprintf(p, "; one=more");
	assert_int_equal(parse_cookies(*state, buf, &kv, &n), PARSE_TOO_MANY);
	assert_null(kv);
	assert_int_equal(n, 0);
}

/* --- parse_multipart --- */

static const char two_files_body[] =
	"--" BND "\r\n"
	CD "name=\"title\"\r\n"
	"\r\n"
	"Aircon not cooling\r\n"
	"--" BND "\r\n"
	CD "name=\"photo\"; filename=\"unit.jpg\"\r\n"
	"Content-Type: image/jpeg\r\n"
	"\r\n"
	"\xff\xd8\xff\xe0\0\x10JFIF\r\n\r\n"
	"--" BND "\r\n"
	CD "name=\"notes\"\r\n"
	"\r\n"
	"line 1\r\nline 2\r\n"
	"--" BND "\r\n"
	CD "name=\"invoice\"; filename=\"inv.pdf\"\r\n"
	"Content-Type: application/pdf\r\n"
	"\r\n"
	"%PDF-1.4\r\n"
	"--" BND "--\r\n";

static void
check_two_files(const struct form *f, const unsigned char *body)
{
	static const char jpg[] = "\xff\xd8\xff\xe0\0\x10JFIF\r\n";

	assert_int_equal(f->nfields, 2);
	assert_string_equal(form_get(f, "title"), "Aircon not cooling");
	assert_string_equal(f->fields[1].name, "notes");
	assert_int_equal(f->nfiles, 2);
	assert_string_equal(f->files[0].field, "photo");
	assert_string_equal(f->files[0].filename, "unit.jpg");
	assert_string_equal(f->files[0].ctype, "image/jpeg");
	assert_int_equal(f->files[0].len, sizeof(jpg) - 1);
	assert_memory_equal(f->files[0].data, jpg, sizeof(jpg) - 1);
	assert_true(f->files[0].data > body);
	assert_string_equal(f->files[1].filename, "inv.pdf");
	assert_string_equal(f->files[1].ctype, "application/pdf");
	assert_int_equal(f->files[1].len, 8);
	assert_memory_equal(f->files[1].data, "%PDF-1.4", 8);
}

static void
test_multipart_two_files_and_fields(void **state)
{
	const unsigned char *body = (const unsigned char *)two_files_body;
	struct form f;

	assert_int_equal(parse_multipart(*state, CT, body, sizeof(two_files_body) - 1,
	    &f), PARSE_OK);
	check_two_files(&f, body);
	assert_string_equal(f.fields[1].val, "line 1\r\nline 2");
}

static void
test_multipart_lf_line_endings(void **state)
{
	static const char body[] =
		"--" BND "\n"
		CD "name=\"a\"\n"
		"\n"
		"x\r\ny\n"
		"--" BND "\n"
		CD "name=\"f\"; filename=\"f.txt\"\n"
		"\n"
		"data\r\n"
		"--" BND "--\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_string_equal(form_get(&f, "a"), "x\r\ny");
	assert_int_equal(f.nfiles, 1);
	assert_int_equal(f.files[0].len, 5);
	assert_memory_equal(f.files[0].data, "data\r", 5);
}

static void
test_multipart_crlf_and_lf_parse_alike(void **state)
{
	static const char crlf[] =
		"--" BND "\r\n" CD "name=\"a\"\r\n\r\n1\r\n"
		"--" BND "\r\n" CD "name=\"b\"\r\n\r\n" ZH "\r\n"
		"--" BND "--\r\n";
	char *lf = to_lf(*state, crlf);
	struct form f1, f2;

	assert_int_equal(multipart(state, CT, crlf, &f1), PARSE_OK);
	assert_int_equal(multipart(state, CT, lf, &f2), PARSE_OK);
	assert_int_equal(f1.nfields, 2);
	assert_int_equal(f2.nfields, 2);
	assert_string_equal(form_get(&f1, "a"), form_get(&f2, "a"));
	assert_string_equal(form_get(&f1, "b"), ZH);
	assert_string_equal(form_get(&f2, "b"), ZH);
}

static void
test_multipart_bare_lf_headers_in_crlf_body(void **state)
{
	static const char body[] =
		"--" BND "\r\n"
		CD "name=\"a\"\n"
		"Content-Type: text/plain\n"
		"\n"
		"v\r\n"
		"--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_string_equal(form_get(&f, "a"), "v");
}

static void
test_multipart_truncated_is_refused(void **state)
{
	static const char *bodies[] = {
		"--" BND "\r\n" CD "name=\"a\"\r\n\r\nvalue",
		"--" BND "\r\n" CD "name=\"a\"\r\n\r\nvalue\r\n--" BND,
		"--" BND "\r\n" CD "name=\"a\"\r\n\r\nvalue\r\n--" BND "-",
		"--" BND "\r\n" CD "name=\"a\"\r\n",
		"--" BND "\r\n" CD "name=\"a\"",
		"--" BND "\r\n",
		("--" BND),
	};
	struct form f;
	size_t i;

	for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		assert_int_equal(multipart(state, CT, bodies[i], &f),
		    PARSE_BAD_ENCODING);
		assert_int_equal(f.nfields, 0);
		assert_null(f.fields);
	}
}

static void
test_multipart_missing_boundary_refused(void **state)
{
	static const char body[] = "--" BND "\r\n" CD "name=\"a\"\r\n\r\n1\r\n--" BND "--";
	struct form f;

	assert_int_equal(multipart(state, "multipart/form-data", body, &f),
	    PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, "multipart/form-data; boundary=", body, &f),
	    PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, "multipart/form-data; boundary=\"\"", body, &f),
	    PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, NULL, body, &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, "multipart/form-data; boundary=\"" BND,
	    body, &f), PARSE_BAD_ENCODING);
}

static void
test_multipart_not_form_data_refused(void **state)
{
	static const char body[] = "--b\r\n" CD "name=\"a\"\r\n\r\n1\r\n--b--";
	struct form f;

	assert_int_equal(multipart(state, "multipart/mixed; boundary=b", body, &f),
	    PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, "text/plain; boundary=b", body, &f),
	    PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, "Multipart/Form-Data; boundary=b", body, &f),
	    PARSE_OK);
}

static void
test_multipart_boundary_quoted_and_case_insensitive(void **state)
{
	static const char body[] = "--a b:c\r\n" CD "name=\"x\"\r\n\r\n1\r\n--a b:c--";
	struct form f;

	assert_int_equal(multipart(state,
	    "multipart/form-data; charset=utf-8; BOUNDARY=\"a b:c\"", body, &f),
	    PARSE_OK);
	assert_string_equal(form_get(&f, "x"), "1");
	assert_int_equal(multipart(state,
	    "multipart/form-data;boundary=b ", "--b\r\n" CD "name=x\r\n\r\n2\r\n--b--",
	    &f), PARSE_OK);
	assert_string_equal(form_get(&f, "x"), "2");
}

static void
test_multipart_boundary_length_limit(void **state)
{
	char ct[160], body[300];
	char b[72];
	struct form f;

	memset(b, 'b', 70);
	b[70] = '\0';
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s", b);
	snprintf(body, sizeof(body), "--%s\r\n" CD "name=\"a\"\r\n\r\n1\r\n--%s--", b, b);
	assert_int_equal(multipart(state, ct, body, &f), PARSE_OK);
	memset(b, 'b', 71);
	b[71] = '\0';
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s", b);
	snprintf(body, sizeof(body), "--%s\r\n" CD "name=\"a\"\r\n\r\n1\r\n--%s--", b, b);
	assert_int_equal(multipart(state, ct, body, &f), PARSE_BAD_ENCODING);
}

static void
test_multipart_boundary_bad_chars_refused(void **state)
{
	struct form f;

	assert_int_equal(multipart(state, "multipart/form-data; boundary=a\"b",
	    "--a\"b\r\n\r\n", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, "multipart/form-data; boundary=\"ab \"",
	    "--ab \r\n\r\n", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, "multipart/form-data; boundary=a; boundary=a",
	    "--a--", &f), PARSE_BAD_ENCODING);
}

static void
test_multipart_preamble_refused(void **state)
{
	static const char body[] =
		"preamble\r\n--" BND "\r\n" CD "name=\"a\"\r\n\r\n1\r\n--" BND "--";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "x\r\n", &f), PARSE_BAD_ENCODING);
}

static void
test_multipart_only_close_delimiter_is_empty_form(void **state)
{
	struct form f;

	assert_int_equal(multipart(state, CT, "--" BND "--\r\n", &f), PARSE_OK);
	assert_int_equal(f.nfields, 0);
	assert_int_equal(f.nfiles, 0);
}

static void
test_multipart_epilogue_ignored(void **state)
{
	static const char body[] =
		"--" BND "  \r\n" CD "name=\"a\"\r\n\r\n1\r\n--" BND "--  \r\nepilogue junk\xff";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_string_equal(form_get(&f, "a"), "1");
}

static void
test_multipart_missing_name_refused(void **state)
{
	struct form f;

	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "filename=\"a.txt\"\r\n\r\nx\r\n--" BND "--", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "name=\"\"\r\n\r\nx\r\n--" BND "--", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    "Content-Type: text/plain\r\n\r\nx\r\n--" BND "--", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    "Content-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--" BND "--", &f),
	    PARSE_BAD_ENCODING);
}

static void
test_multipart_duplicate_disposition_refused(void **state)
{
	struct form f;

	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "name=\"a\"\r\n" CD "name=\"b\"\r\n\r\nx\r\n--" BND "--", &f),
	    PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "name=\"a\"; name=\"b\"\r\n\r\nx\r\n--" BND "--", &f),
	    PARSE_BAD_ENCODING);
}

static void
test_multipart_empty_file_is_skipped(void **state)
{
	static const char body[] =
		"--" BND "\r\n"
		CD "name=\"photo\"; filename=\"\"\r\n"
		"Content-Type: application/octet-stream\r\n"
		"\r\n"
		"\r\n"
		"--" BND "\r\n"
		CD "name=\"a\"\r\n\r\n\r\n"
		"--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.nfiles, 0);
	assert_int_equal(f.nfields, 1);
	assert_string_equal(form_get(&f, "a"), "");
	assert_int_equal(f.fields[0].vlen, 0);
}

static void
test_multipart_empty_named_file_kept(void **state)
{
	static const char body[] =
		"--" BND "\r\n" CD "name=\"f\"; filename=\"empty.txt\"\r\n\r\n\r\n"
		"--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.nfiles, 1);
	assert_int_equal(f.files[0].len, 0);
	assert_string_equal(f.files[0].filename, "empty.txt");
	assert_string_equal(f.files[0].ctype, "");
}

static void
test_multipart_filename_path_stripped(void **state)
{
	static const char body[] =
		"--" BND "\r\n" CD "name=\"a\"; filename=\"C:\\Users\\li\\My Docs\\r.txt\"\r\n"
		"\r\n1\r\n"
		"--" BND "\r\n" CD "name=\"b\"; filename=\"../../etc/passwd\"\r\n"
		"\r\n2\r\n"
		"--" BND "\r\n" CD "name=\"c\"; filename=\"/x\\\\y/z\\\\w.png\"\r\n"
		"\r\n3\r\n"
		"--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.nfiles, 3);
	assert_string_equal(f.files[0].filename, "r.txt");
	assert_string_equal(f.files[1].filename, "passwd");
	assert_string_equal(f.files[2].filename, "w.png");
}

static void
test_multipart_filename_escaped_quote(void **state)
{
	static const char body[] =
		"--" BND "\r\n" CD "filename=\"say \\\"hi\\\"; ok.txt\"; name=\"f\"\r\n"
		"\r\nx\r\n--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.nfiles, 1);
	assert_string_equal(f.files[0].filename, "say \"hi\"; ok.txt");
	assert_string_equal(f.files[0].field, "f");
}

static void
test_multipart_filename_control_char_refused(void **state)
{
	struct form f;

	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "name=\"f\"; filename=\"a\tb.txt\"\r\n\r\nx\r\n--" BND "--", &f),
	    PARSE_BAD_UTF8);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "name=\"f\"; filename=\"a\x1b.txt\"\r\n\r\nx\r\n--" BND "--", &f),
	    PARSE_BAD_UTF8);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "name=\"f\"; filename=\"a\xc0\xaf.txt\"\r\n\r\nx\r\n--" BND "--", &f),
	    PARSE_BAD_UTF8);
}

static void
test_multipart_filename_star_ignored(void **state)
{
	static const char body[] =
		"--" BND "\r\n" CD "name=\"f\"; filename=\"a.txt\"; "
		"filename*=UTF-8''%E5%AE%B6.txt\r\n\r\nx\r\n--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_string_equal(f.files[0].filename, "a.txt");
}

static void
test_multipart_chinese_field_and_filename(void **state)
{
	static const char body[] =
		"--" BND "\r\n" CD "name=\"" ZH "\"\r\n\r\n" ZH "\r\n"
		"--" BND "\r\n" CD "name=\"f\"; filename=\"" ZH ".txt\"\r\n"
		"Content-Type: text/plain; charset=utf-8\r\n\r\n" ZH "\r\n"
		"--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_string_equal(form_get(&f, ZH), ZH);
	assert_string_equal(f.files[0].filename, ZH ".txt");
	assert_string_equal(f.files[0].ctype, "text/plain; charset=utf-8");
	assert_memory_equal(f.files[0].data, ZH, strlen(ZH));
}

static void
test_multipart_field_bad_utf8_refused(void **state)
{
	struct form f;

	assert_int_equal(multipart(state, CT, "--" BND "\r\n"
	    CD "name=\"a\"\r\n\r\n\xe5\xae\r\n--" BND "--", &f), PARSE_BAD_UTF8);
	assert_int_equal(parse_multipart(*state, CT, (const unsigned char *)
	    "--" BND "\r\n" CD "name=\"a\"\r\n\r\nx\0y\r\n--" BND "--",
	    sizeof("--" BND "\r\n" CD "name=\"a\"\r\n\r\nx\0y\r\n--" BND "--") - 1, &f),
	    PARSE_BAD_UTF8);
}

static void
test_multipart_field_name_too_long_refused(void **state)
{
	char name[PARSE_MAX_NAME + 2], *body;
	struct form f;

	memset(name, 'n', PARSE_MAX_NAME + 1);
	name[PARSE_MAX_NAME + 1] = '\0';
	body = arena_printf(*state, "--%s\r\n%sname=\"%s\"\r\n\r\nx\r\n--%s--",
	    BND, CD, name, BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_TOO_LONG);
	name[PARSE_MAX_NAME] = '\0';
	body = arena_printf(*state, "--%s\r\n%sname=\"%s\"\r\n\r\nx\r\n--%s--",
	    BND, CD, name, BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
}

static void
test_multipart_field_value_too_long_refused(void **state)
{
	char *v = arena_alloc(*state, PARSE_MAX_VALUE + 2), *body;
	struct form f;

	memset(v, 'v', PARSE_MAX_VALUE + 1);
	v[PARSE_MAX_VALUE + 1] = '\0';
	body = arena_printf(*state, "--%s\r\n%sname=\"a\"\r\n\r\n%s\r\n--%s--",
	    BND, CD, v, BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_TOO_LONG);
	v[PARSE_MAX_VALUE] = '\0';
	body = arena_printf(*state, "--%s\r\n%sname=\"a\"\r\n\r\n%s\r\n--%s--",
	    BND, CD, v, BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.fields[0].vlen, PARSE_MAX_VALUE);
}

static void
test_multipart_file_count_limit(void **state)
{
	char *body = arena_alloc(*state, 200 * (PARSE_MAX_FILES + 2)), *p = body;
	struct form f;
	int i;

	for (i = 0; i < PARSE_MAX_FILES; i++)
		p += sprintf(p, "--%s\r\n%sname=\"f%d\"; filename=\"%d.txt\"\r\n\r\nx\r\n",
		    BND, CD, i, i);
	sprintf(p, "--%s--\r\n", BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.nfiles, PARSE_MAX_FILES);
	p += sprintf(p, "--%s\r\n%sname=\"g\"; filename=\"g.txt\"\r\n\r\nx\r\n", BND, CD);
	sprintf(p, "--%s--\r\n", BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_TOO_MANY);
}

static void
test_multipart_field_count_limit(void **state)
{
	char *body = arena_alloc(*state, 100 * (PARSE_MAX_FIELDS + 2)), *p = body;
	struct form f;
	int i;

	for (i = 0; i < PARSE_MAX_FIELDS; i++)
		p += sprintf(p, "--%s\r\n%sname=a\r\n\r\n%d\r\n", BND, CD, i);
	sprintf(p, "--%s--\r\n", BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.nfields, PARSE_MAX_FIELDS);
	assert_string_equal(f.fields[PARSE_MAX_FIELDS - 1].val, "199");
	p += sprintf(p, "--%s\r\n%sname=a\r\n\r\nx\r\n", BND, CD);
	sprintf(p, "--%s--\r\n", BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_TOO_MANY);
}

static void
test_multipart_header_block_too_long_refused(void **state)
{
	char *pad = arena_alloc(*state, 9000), *body;
	struct form f;

	memset(pad, 'x', 8999);
	pad[8999] = '\0';
	body = arena_printf(*state, "--%s\r\n%sname=\"a\"\r\nX-Pad: %s\r\n\r\n1\r\n--%s--",
	    BND, CD, pad, BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_TOO_LONG);
	pad[4000] = '\0';
	body = arena_printf(*state, "--%s\r\n%sname=\"a\"\r\nX-Pad: %s\r\n\r\n1\r\n--%s--",
	    BND, CD, pad, BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
}

static void
test_multipart_malformed_header_refused(void **state)
{
	struct form f;

	assert_int_equal(multipart(state, CT, "--" BND "\r\n" CD "name=\"a\"\r\n"
	    "no colon here\r\n\r\n1\r\n--" BND "--", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n" CD "name=\"a\r\n"
	    "\r\n1\r\n--" BND "--", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n" CD "name=\"a\"x\r\n"
	    "\r\n1\r\n--" BND "--", &f), PARSE_BAD_ENCODING);
	assert_int_equal(multipart(state, CT, "--" BND "\r\n" CD "name=\"a\"\r\n"
	    "Content-Type: text/\x01plain\r\n\r\n1\r\n--" BND "--", &f),
	    PARSE_BAD_ENCODING);
}

static void
test_multipart_boundary_prefix_in_content_kept(void **state)
{
	static const char content[] =
		"x\r\n--" BND "X\r\n--" BND "-y\r\n--" "----WebKit\n--" BND "\r";
	char *body = arena_printf(*state, "--%s\r\n%sname=\"f\"; filename=\"a.bin\"\r\n"
	    "\r\n%s\r\n--%s--\r\n", BND, CD, content, BND);
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_int_equal(f.nfiles, 1);
	assert_int_equal(f.files[0].len, strlen(content));
	assert_memory_equal(f.files[0].data, content, strlen(content));
}

static void
test_multipart_other_part_headers_ignored(void **state)
{
	static const char body[] =
		"--" BND "\r\n"
		"content-disposition: FORM-DATA; NAME=a\r\n"
		"Content-Transfer-Encoding: 8bit\r\n"
		"X-Whatever: \xff\xfe\r\n"
		"\r\n1\r\n--" BND "--\r\n";
	struct form f;

	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_string_equal(form_get(&f, "a"), "1");
}

/* A 5 MB binary file, full of near-delimiters, CR, LF and NUL bytes. */
static void
test_multipart_5mb_file_part(void **state)
{
	const size_t flen = 5 * 1024 * 1024;
	static const char head[] = "--" BND "\r\n" CD "name=\"big\"; filename=\"big.bin\"\r\n"
		"Content-Type: application/octet-stream\r\n\r\n";
	static const char tail[] = "\r\n--" BND "\r\n" CD "name=\"after\"\r\n\r\nok\r\n"
		"--" BND "--\r\n";
	size_t hl = sizeof(head) - 1, tl = sizeof(tail) - 1, i;
	unsigned char *body = arena_alloc(*state, hl + flen + tl), *file = body + hl;
	uint32_t x = 12345;
	struct form f;

	memcpy(body, head, hl);
	for (i = 0; i < flen; i++) {
		x = x * 1103515245u + 12345u;
		file[i] = (unsigned char)(x >> 16);
	}
	for (i = 0; i + 64 < flen; i += 4096)
		memcpy(file + i, "\r\n--" BND, 20);  /* prefix only */
	memcpy(body + hl + flen, tail, tl);
	assert_int_equal(parse_multipart(*state, CT, body, hl + flen + tl, &f), PARSE_OK);
	assert_int_equal(f.nfiles, 1);
	assert_int_equal(f.files[0].len, flen);
	assert_ptr_equal(f.files[0].data, file);
	assert_string_equal(form_get(&f, "after"), "ok");
}

/* Many parts that all start the delimiter search: must stay linear. */
static void
test_multipart_many_near_delimiters(void **state)
{
	const size_t n = 4 * 1024 * 1024;
	static const char head[] = "--b\r\n" CD "name=\"f\"; filename=\"x\"\r\n\r\n";
	size_t hl = sizeof(head) - 1, i;
	unsigned char *body = arena_alloc(*state, hl + n + 16);
	struct form f;

	memcpy(body, head, hl);
	for (i = 0; i + 6 <= n; i += 6)
		memcpy(body + hl + i, "\r\n--bx", 6);
	memcpy(body + hl + i, "\r\n--b--", 7);
	assert_int_equal(parse_multipart(*state, "multipart/form-data; boundary=b",
	    body, hl + i + 7, &f), PARSE_OK);
	assert_int_equal(f.files[0].len, i);
	/* the same body without its close delimiter is truncated */
	assert_int_equal(parse_multipart(*state, "multipart/form-data; boundary=b",
	    body, hl + i, &f), PARSE_BAD_ENCODING);
}

static void
test_multipart_too_many_skipped_parts_refused(void **state)
{
	char *body = arena_alloc(*state, 100 * 400), *p = body;
	struct form f;
	int i;

	for (i = 0; i < 300; i++)
		p += sprintf(p, "--%s\r\n%sname=\"f\"; filename=\"\"\r\n\r\n\r\n", BND, CD);
	sprintf(p, "--%s--\r\n", BND);
	assert_int_equal(multipart(state, CT, body, &f), PARSE_TOO_MANY);
}

/* Thousands of quoted parameters in one header: memory must stay linear
 * in the header size (each value copied at its own length). */
static void
test_multipart_many_params_memory_linear(void **state)
{
	struct arena *a = *state;
	char *params = arena_alloc(a, 8000), *p = params, *body;
	size_t before;
	struct form f;
	int i;

	for (i = 0; i < 1500; i++)
		p += sprintf(p, "x=\"\";");
	body = arena_printf(a, "--%s\r\n%sname=\"a\";%s\r\n\r\n1\r\n--%s--",
	    BND, CD, params, BND);
	before = a->total;
	assert_int_equal(multipart(state, CT, body, &f), PARSE_OK);
	assert_true(a->total - before < 128 * 1024);
}

/* --- lookups and messages --- */

static void
test_form_get_missing_is_null(void **state)
{
	struct form f;

	assert_int_equal(urlenc(state, "a=1", &f), PARSE_OK);
	assert_null(form_get(&f, "b"));
	assert_null(form_get(&f, "A"));
	assert_null(form_get(NULL, "a"));
	assert_null(kv_find(NULL, 0, "a"));
}

static void
test_parse_err_str_distinct(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < PARSE_ERR__MAX; i++) {
		assert_non_null(parse_err_str((enum parse_err)i));
		for (j = 0; j < i; j++)
			assert_string_not_equal(parse_err_str((enum parse_err)i),
			    parse_err_str((enum parse_err)j));
	}
	assert_string_equal(parse_err_str(PARSE_ERR__MAX), "unknown error");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_utf8_ascii_accepted),
		T(test_utf8_chinese_accepted),
		T(test_utf8_range_edges_accepted),
		T(test_utf8_overlong_refused),
		T(test_utf8_surrogate_refused),
		T(test_utf8_above_max_refused),
		T(test_utf8_truncated_refused),
		T(test_utf8_lone_continuation_refused),
		T(test_utf8_controls_refused_tab_lf_cr_accepted),
		T(test_urlencoded_basic_pairs),
		T(test_urlencoded_plus_is_space),
		T(test_urlencoded_percent_decoded),
		T(test_urlencoded_bad_escape_refused),
		T(test_urlencoded_key_without_equals_is_empty),
		T(test_urlencoded_empty_pairs_skipped),
		T(test_urlencoded_empty_input),
		T(test_urlencoded_chinese_round_trips),
		T(test_urlencoded_textarea_newlines_kept),
		T(test_urlencoded_newline_in_name_refused),
		T(test_urlencoded_nul_refused),
		T(test_urlencoded_bad_utf8_refused),
		T(test_urlencoded_name_length_limit),
		T(test_urlencoded_value_length_limit),
		T(test_urlencoded_limit_counts_decoded_bytes),
		T(test_urlencoded_field_count_limit),
		T(test_urlencoded_duplicate_first_wins),
		T(test_cookies_basic),
		T(test_cookies_whitespace_trimmed),
		T(test_cookies_quotes_stripped),
		T(test_cookies_not_percent_decoded),
		T(test_cookies_skip_malformed),
		T(test_cookies_empty_and_null_header),
		T(test_cookies_count_limit),
		T(test_multipart_two_files_and_fields),
		T(test_multipart_lf_line_endings),
		T(test_multipart_crlf_and_lf_parse_alike),
		T(test_multipart_bare_lf_headers_in_crlf_body),
		T(test_multipart_truncated_is_refused),
		T(test_multipart_missing_boundary_refused),
		T(test_multipart_not_form_data_refused),
		T(test_multipart_boundary_quoted_and_case_insensitive),
		T(test_multipart_boundary_length_limit),
		T(test_multipart_boundary_bad_chars_refused),
		T(test_multipart_preamble_refused),
		T(test_multipart_only_close_delimiter_is_empty_form),
		T(test_multipart_epilogue_ignored),
		T(test_multipart_missing_name_refused),
		T(test_multipart_duplicate_disposition_refused),
		T(test_multipart_empty_file_is_skipped),
		T(test_multipart_empty_named_file_kept),
		T(test_multipart_filename_path_stripped),
		T(test_multipart_filename_escaped_quote),
		T(test_multipart_filename_control_char_refused),
		T(test_multipart_filename_star_ignored),
		T(test_multipart_chinese_field_and_filename),
		T(test_multipart_field_bad_utf8_refused),
		T(test_multipart_field_name_too_long_refused),
		T(test_multipart_field_value_too_long_refused),
		T(test_multipart_file_count_limit),
		T(test_multipart_field_count_limit),
		T(test_multipart_header_block_too_long_refused),
		T(test_multipart_malformed_header_refused),
		T(test_multipart_boundary_prefix_in_content_kept),
		T(test_multipart_other_part_headers_ignored),
		T(test_multipart_5mb_file_part),
		T(test_multipart_many_near_delimiters),
		T(test_multipart_too_many_skipped_parts_refused),
		T(test_multipart_many_params_memory_linear),
		T(test_form_get_missing_is_null),
		T(test_parse_err_str_distinct),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
