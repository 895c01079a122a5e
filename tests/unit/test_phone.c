/* Chinese phone numbers (cgi/core/phone.c): real spellings, accepted with
 * their stored form, and refused with the message key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "phone.h"

struct accepted {
	const char     *in;
	const char     *stored;
	enum phone_kind kind;
};

struct refused {
	const char *in;
	const char *problem;
};

/* Check every case; print the failing input before failing. */
static void
check_accepted(const struct accepted *c, size_t n)
{
	char out[PHONE_MAX];
	const char *problem;
	size_t i;

	for (i = 0; i < n; i++) {
		problem = "unset";
		enum phone_kind k = phone_parse(c[i].in, out, &problem);

		if (k != c[i].kind || strcmp(out, c[i].stored) != 0)
			print_error("input \"%s\": kind %d \"%s\" (problem %s), want %d \"%s\"\n",
			    c[i].in, (int)k, out, problem, (int)c[i].kind, c[i].stored);
		assert_int_equal(k, c[i].kind);
		assert_string_equal(out, c[i].stored);
		assert_string_equal(problem, "unset");   /* untouched on success */
	}
}

static void
check_refused(const struct refused *c, size_t n)
{
	char out[PHONE_MAX];
	const char *problem;
	size_t i;

	for (i = 0; i < n; i++) {
		problem = NULL;
		enum phone_kind k = phone_parse(c[i].in, out, &problem);

		if (k != PHONE_INVALID || problem == NULL || strcmp(problem, c[i].problem) != 0)
			print_error("input \"%s\": kind %d \"%s\" problem %s, want %s\n", c[i].in,
			    (int)k, out, problem != NULL ? problem : "(none)", c[i].problem);
		assert_int_equal(k, PHONE_INVALID);
		assert_string_equal(out, "");
		assert_non_null(problem);
		assert_string_equal(problem, c[i].problem);
	}
}

#define N(v) (sizeof(v) / sizeof((v)[0]))

static void
test_mobile_spellings_become_eleven_digits(void **state)
{
	static const struct accepted c[] = {
		{ "13800138000",          "13800138000", PHONE_MOBILE },
		{ "138 0013 8000",        "13800138000", PHONE_MOBILE },
		{ "138-0013-8000",        "13800138000", PHONE_MOBILE },
		{ "+86 13800138000",      "13800138000", PHONE_MOBILE },
		{ "+8613800138000",       "13800138000", PHONE_MOBILE },
		{ "+86-138-0013-8000",    "13800138000", PHONE_MOBILE },
		{ "(+86) 138 0013 8000",  "13800138000", PHONE_MOBILE },
		{ "0086 13800138000",     "13800138000", PHONE_MOBILE },
		{ "008613800138000",      "13800138000", PHONE_MOBILE },
		{ "86 138 0013 8000",     "13800138000", PHONE_MOBILE },
		{ "8613800138000",        "13800138000", PHONE_MOBILE },
		{ "  139 1234 5678  ",    "13912345678", PHONE_MOBILE },
		{ "130 0000 0000",        "13000000000", PHONE_MOBILE },
		{ "147-1234-5678",        "14712345678", PHONE_MOBILE },
		{ "15012345678",          "15012345678", PHONE_MOBILE },
		{ "166 6666 6666",        "16666666666", PHONE_MOBILE },
		{ "17712345678",          "17712345678", PHONE_MOBILE },
		{ "18612345678",          "18612345678", PHONE_MOBILE },
		{ "199\t1234\t5678",      "19912345678", PHONE_MOBILE },
		/* 全角 digits, ideographic space, full-width plus and hyphen */
		{ "１３８００１３８０００",  "13800138000", PHONE_MOBILE },
		{ "＋８６\xE3\x80\x80１３８－００１３－８０００", "13800138000", PHONE_MOBILE },
	};

	(void)state;
	check_accepted(c, N(c));
}

static void
test_landline_spellings_become_area_dash_number(void **state)
{
	static const struct accepted c[] = {
		{ "010-12345678",         "010-12345678",     PHONE_LANDLINE },
		{ "01012345678",          "010-12345678",     PHONE_LANDLINE },
		{ "(010) 6552 9988",      "010-65529988",     PHONE_LANDLINE },
		{ "（010）65529988",      "010-65529988",     PHONE_LANDLINE },
		{ "0755 8888 6666",       "0755-88886666",    PHONE_LANDLINE },
		{ "0755-88886666",        "0755-88886666",    PHONE_LANDLINE },
		{ "021-6234-5678",        "021-62345678",     PHONE_LANDLINE },
		{ "020 8765 4321",        "020-87654321",     PHONE_LANDLINE },
		{ "029-8888 1234",        "029-88881234",     PHONE_LANDLINE },
		{ "0571-8702 3456",       "0571-87023456",    PHONE_LANDLINE },
		{ "0311-8601234",         "0311-8601234",     PHONE_LANDLINE },   /* 7 digits */
		{ "0898 6512345",         "0898-6512345",     PHONE_LANDLINE },
		{ "0991-2345678",         "0991-2345678",     PHONE_LANDLINE },
		{ "+86 10 1234 5678",     "010-12345678",     PHONE_LANDLINE },
		{ "+86 755 8888 6666",    "0755-88886666",    PHONE_LANDLINE },
		{ "+86 (0)10 12345678",   "010-12345678",     PHONE_LANDLINE },
		{ "0086 21 6234 5678",    "021-62345678",     PHONE_LANDLINE },
	};

	(void)state;
	check_accepted(c, N(c));
}

static void
test_landline_extensions(void **state)
{
	static const struct accepted c[] = {
		{ "021-6234-5678 转 123", "021-62345678-123", PHONE_LANDLINE },
		{ "021-62345678转123",    "021-62345678-123", PHONE_LANDLINE },
		{ "021 6234 5678 ext 123", "021-62345678-123", PHONE_LANDLINE },
		{ "021-62345678 EXT. 123", "021-62345678-123", PHONE_LANDLINE },
		{ "021-62345678 x123",    "021-62345678-123", PHONE_LANDLINE },
		{ "021-62345678#123",     "021-62345678-123", PHONE_LANDLINE },
		{ "021-62345678＃8",      "021-62345678-8",   PHONE_LANDLINE },
		{ "0755-88886666 分机 8001", "0755-88886666-8001", PHONE_LANDLINE },
		{ "0755-88886666 转分机 8001", "0755-88886666-8001", PHONE_LANDLINE },
		{ "010-12345678-123",     "010-12345678-123", PHONE_LANDLINE },
		{ "010 12345678 123456",  "010-12345678-123456", PHONE_LANDLINE },
		{ "0311-8601234-66",      "0311-8601234-66",  PHONE_LANDLINE },
		{ "010-5617117-3",        "010-5617117-3",    PHONE_LANDLINE },   /* not 56171173 */
		{ "010 5617117 # 3",      "010-5617117-3",    PHONE_LANDLINE },
		{ "+86 10 12345678 转 9", "010-12345678-9",   PHONE_LANDLINE },
	};

	(void)state;
	check_accepted(c, N(c));
}

static void
test_short_and_ten_digit_numbers_refused(void **state)
{
	static const struct refused c[] = {
		{ "12345",                "ERR_PHONE_MOBILE" },
		{ "1380013800",           "ERR_PHONE_MOBILE" },   /* 10 digits */
		{ "138 0013 800",         "ERR_PHONE_MOBILE" },
		{ "138001380001",         "ERR_PHONE_MOBILE" },   /* 12 */
		{ "+86 1380013800",       "ERR_PHONE_MOBILE" },
		{ "12800138000",          "ERR_PHONE_MOBILE" },   /* 12x is no mobile prefix */
		{ "11012345678",          "ERR_PHONE_MOBILE" },
		{ "13800138000 转 12",    "ERR_PHONE_MOBILE" },   /* mobiles have no extension */
		{ "1",                    "ERR_PHONE_MOBILE" },
	};

	(void)state;
	check_refused(c, N(c));
}

static void
test_landlines_without_area_code_or_bad_length_refused(void **state)
{
	static const struct refused c[] = {
		{ "62345678",             "ERR_PHONE_LANDLINE" },   /* no area code */
		{ "6234567",              "ERR_PHONE_LANDLINE" },
		{ "010-123456",           "ERR_PHONE_LANDLINE" },   /* 6-digit number */
		{ "010-123456789",        "ERR_PHONE_LANDLINE" },   /* 9 */
		{ "010-02345678",         "ERR_PHONE_LANDLINE" },   /* local numbers never start with 0 */
		{ "010-12345678 转",      "ERR_PHONE" },            /* mark without extension */
		{ "010-12345678 转 1234567", "ERR_PHONE" },         /* 7-digit extension */
		{ "010-12345678-1234567", "ERR_PHONE_LANDLINE" },
		{ "011-12345678",         "ERR_PHONE_LANDLINE" },   /* no area code 011 */
		{ "0012345678",           "ERR_PHONE_LANDLINE" },
		{ "0755",                 "ERR_PHONE_LANDLINE" },
		{ "0",                    "ERR_PHONE_LANDLINE" },
		{ "+86 10 123",           "ERR_PHONE_LANDLINE" },
	};

	(void)state;
	check_refused(c, N(c));
}

static void
test_other_text_refused(void **state)
{
	static const struct refused c[] = {
		{ "",                     "ERR_PHONE" },
		{ "   ",                  "ERR_PHONE" },
		{ "call me",              "ERR_PHONE" },
		{ "12ab",                 "ERR_PHONE" },
		{ "138a0013800",          "ERR_PHONE" },
		{ "13800138000;",         "ERR_PHONE" },
		{ "138.0013.8000",        "ERR_PHONE" },
		{ "+1 415 555 0100",      "ERR_PHONE" },            /* another country */
		{ "+44 20 7946 0958",     "ERR_PHONE" },
		{ "13800+138000",         "ERR_PHONE" },            /* '+' inside */
		{ "++8613800138000",      "ERR_PHONE" },
		{ "转 123",               "ERR_PHONE" },
		{ "123456789012345678901", "ERR_PHONE" },           /* 21 digits */
		{ "电话13800138000",      "ERR_PHONE" },
		{ "\xFF\xFE",             "ERR_PHONE" },
	};

	(void)state;
	check_refused(c, N(c));
}

static void
test_null_is_refused(void **state)
{
	char out[PHONE_MAX];
	const char *problem = NULL;

	(void)state;
	assert_int_equal(phone_parse(NULL, out, &problem), PHONE_INVALID);
	assert_string_equal(problem, "ERR_PHONE");
	assert_int_equal(phone_parse("12345", out, NULL), PHONE_INVALID);   /* problem optional */
}

/* The stored form reads back as itself: normalising twice changes nothing. */
static void
test_canonical_forms_are_fixed_points(void **state)
{
	static const char *const in[] = {
		"+86 138 0013 8000", "(010) 6552 9988", "0755 8888 6666 转 123", "0311-8601234",
		" 0105617117#3", "0311-860123 4 x 5",
	};
	char once[PHONE_MAX], twice[PHONE_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(in); i++) {
		assert_int_not_equal(phone_parse(in[i], once, NULL), PHONE_INVALID);
		assert_int_not_equal(phone_parse(once, twice, NULL), PHONE_INVALID);
		assert_string_equal(once, twice);
	}
}

static void
test_canonical_keeps_what_it_cannot_read(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(phone_canonical(&a, "+86 138-0013-8000"), "13800138000");
	assert_string_equal(phone_canonical(&a, "0755 8888 6666"), "0755-88886666");
	assert_string_equal(phone_canonical(&a, "12345"), "12345");
	assert_string_equal(phone_canonical(&a, "call me"), "call me");
	arena_free(&a);
}

static void
test_tel_links_dial_china(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(phone_tel(&a, "13800138000"), "+8613800138000");
	assert_string_equal(phone_tel(&a, "010-12345678"), "+861012345678");
	assert_string_equal(phone_tel(&a, "0755-88886666-123"), "+8675588886666,123");
	assert_string_equal(phone_tel(&a, "+1 (415) 555-0100"), "+14155550100");
	assert_string_equal(phone_tel(&a, "12345"), "12345");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mobile_spellings_become_eleven_digits),
		cmocka_unit_test(test_landline_spellings_become_area_dash_number),
		cmocka_unit_test(test_landline_extensions),
		cmocka_unit_test(test_short_and_ten_digit_numbers_refused),
		cmocka_unit_test(test_landlines_without_area_code_or_bad_length_refused),
		cmocka_unit_test(test_other_text_refused),
		cmocka_unit_test(test_null_is_refused),
		cmocka_unit_test(test_canonical_forms_are_fixed_points),
		cmocka_unit_test(test_canonical_keeps_what_it_cannot_read),
		cmocka_unit_test(test_tel_links_dial_china),
	};
	return cmocka_run_group_tests_name("phone", tests, NULL, NULL);
}
