/* The ticket state machine, tracking codes and photo type detection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <string.h>

#include "ticket.h"
#include "ticket_state.h"

static void
test_status_names_round_trip(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < TS__MAX; s++)
		assert_int_equal(ticket_status_parse(ticket_status_name((enum ticket_status)s)), s);
	assert_int_equal(ticket_status_parse("done"), TS__MAX);
	assert_int_equal(ticket_status_parse(NULL), TS__MAX);
	assert_string_equal(ticket_status_name(TS_WAITING_CUSTOMER), "waiting_customer");
}

static void
test_happy_path_is_allowed(void **state)
{
	(void)state;
	assert_true(ticket_transition_ok(TS_NEW, TS_ACCEPTED));
	assert_true(ticket_transition_ok(TS_ACCEPTED, TS_ASSIGNED));
	assert_true(ticket_transition_ok(TS_ASSIGNED, TS_IN_PROGRESS));
	assert_true(ticket_transition_ok(TS_IN_PROGRESS, TS_RESOLVED));
	assert_true(ticket_transition_ok(TS_RESOLVED, TS_CLOSED));
}

static void
test_new_cannot_be_closed_or_resolved(void **state)
{
	(void)state;
	assert_false(ticket_transition_ok(TS_NEW, TS_CLOSED));
	assert_false(ticket_transition_ok(TS_NEW, TS_RESOLVED));
	assert_false(ticket_transition_ok(TS_NEW, TS_IN_PROGRESS));
}

static void
test_cancelled_is_final(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < TS__MAX; s++)
		assert_false(ticket_transition_ok(TS_CANCELLED, (enum ticket_status)s));
}

static void
test_closed_only_reopens(void **state)
{
	enum ticket_status next[TS__MAX];

	(void)state;
	assert_int_equal(ticket_next_statuses(TS_CLOSED, next), 1);
	assert_int_equal(next[0], TS_REOPENED);
}

static void
test_resolved_can_reopen(void **state)
{
	(void)state;
	assert_true(ticket_transition_ok(TS_RESOLVED, TS_REOPENED));
	assert_true(ticket_transition_ok(TS_REOPENED, TS_ASSIGNED));
	assert_false(ticket_transition_ok(TS_REOPENED, TS_NEW));
}

static void
test_no_status_moves_to_itself_or_to_new(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < TS__MAX; s++) {
		assert_false(ticket_transition_ok((enum ticket_status)s, (enum ticket_status)s));
		assert_false(ticket_transition_ok((enum ticket_status)s, TS_NEW));
	}
}

static void
test_out_of_range_is_refused(void **state)
{
	(void)state;
	assert_false(ticket_transition_ok(TS__MAX, TS_NEW));
	assert_false(ticket_transition_ok(TS_NEW, TS__MAX));
}

static void
test_waiting_parts_only_back_to_work(void **state)
{
	enum ticket_status next[TS__MAX];
	int n = ticket_next_statuses(TS_WAITING_PARTS, next);

	(void)state;
	assert_int_equal(n, 2);
	assert_int_equal(next[0], TS_IN_PROGRESS);
	assert_int_equal(next[1], TS_RESOLVED);
}

static void
test_sla_paused_only_waiting_customer(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < TS__MAX; s++)
		assert_int_equal(ticket_status_sla_paused((enum ticket_status)s), s == TS_WAITING_CUSTOMER);
}

static void
test_only_reopening_needs_a_reason(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < TS__MAX; s++)
		assert_int_equal(ticket_status_needs_reason((enum ticket_status)s), s == TS_REOPENED);
}

static void
test_open_statuses(void **state)
{
	(void)state;
	assert_true(ticket_status_open(TS_NEW));
	assert_true(ticket_status_open(TS_REOPENED));
	assert_true(ticket_status_open(TS_WAITING_PARTS));
	assert_false(ticket_status_open(TS_RESOLVED));
	assert_false(ticket_status_open(TS_CLOSED));
	assert_false(ticket_status_open(TS_CANCELLED));
}

static void
test_priority_and_channel_names(void **state)
{
	(void)state;
	assert_int_equal(ticket_priority_parse("urgent"), TP_URGENT);
	assert_int_equal(ticket_priority_parse("URGENT"), TP__MAX);
	assert_string_equal(ticket_priority_name(TP_LOW), "low");
	assert_int_equal(ticket_channel_parse("wechat"), TC_WECHAT);
	assert_int_equal(ticket_channel_parse("fax"), TC__MAX);
}

static void
test_tracking_code_shape_and_uniqueness(void **state)
{
	char a[27], b[27];

	(void)state;
	assert_true(sodium_init() >= 0);
	ticket_new_code(a);
	ticket_new_code(b);
	assert_int_equal(strlen(a), 26);
	assert_true(ticket_code_valid(a));
	assert_string_not_equal(a, b);
}

static void
test_tracking_code_validation(void **state)
{
	(void)state;
	assert_false(ticket_code_valid(NULL));
	assert_false(ticket_code_valid(""));
	assert_false(ticket_code_valid("abcdefghijklmnopqrstuvwxy"));      /* 25 */
	assert_false(ticket_code_valid("abcdefghijklmnopqrstuvwxyz2"));    /* 27 */
	assert_false(ticket_code_valid("abcdefghijklmnopqrstuvwxy1"));     /* '1' */
	assert_false(ticket_code_valid("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
	assert_false(ticket_code_valid("../../etc/passwd/xxxxxxxxx"));
	assert_true(ticket_code_valid("abcdefghijklmnopqrstuvwx27"));
}

static void
test_photo_type_by_content(void **state)
{
	static const unsigned char jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
		0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	static const unsigned char webp[] = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0,
		'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };
	static const unsigned char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
	static const unsigned char gif[] = "GIF89a\x01\x00\x01\x00";

	(void)state;
	assert_string_equal(ticket_photo_type(jpeg, sizeof(jpeg)), "image/jpeg");
	assert_string_equal(ticket_photo_type(png, sizeof(png)), "image/png");
	assert_string_equal(ticket_photo_type(webp, sizeof(webp)), "image/webp");
	assert_null(ticket_photo_type(svg, sizeof(svg) - 1));
	assert_null(ticket_photo_type(gif, sizeof(gif) - 1));
	assert_null(ticket_photo_type(jpeg, 2));
	assert_null(ticket_photo_type(png, 8));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_names_round_trip),
		cmocka_unit_test(test_happy_path_is_allowed),
		cmocka_unit_test(test_new_cannot_be_closed_or_resolved),
		cmocka_unit_test(test_cancelled_is_final),
		cmocka_unit_test(test_closed_only_reopens),
		cmocka_unit_test(test_resolved_can_reopen),
		cmocka_unit_test(test_no_status_moves_to_itself_or_to_new),
		cmocka_unit_test(test_out_of_range_is_refused),
		cmocka_unit_test(test_waiting_parts_only_back_to_work),
		cmocka_unit_test(test_sla_paused_only_waiting_customer),
		cmocka_unit_test(test_only_reopening_needs_a_reason),
		cmocka_unit_test(test_open_statuses),
		cmocka_unit_test(test_priority_and_channel_names),
		cmocka_unit_test(test_tracking_code_shape_and_uniqueness),
		cmocka_unit_test(test_tracking_code_validation),
		cmocka_unit_test(test_photo_type_by_content),
	};
	return cmocka_run_group_tests_name("ticket_state", tests, NULL, NULL);
}
