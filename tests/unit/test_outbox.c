/* Unit tests of the pure parts of the outbox (cgi/service/outbox_util.c)
 * and of the signatures (cgi/service/notify_sign.c): which ticket events
 * notify, the retry schedule, idempotency keys, phone masking, text limits
 * and the HMAC signatures (vectors from RFC 4231 and from Python's hmac). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "arena.h"
#include "i18n.h"
#include "notify_send.h"
#include "notify_sign.h"
#include "outbox.h"

static struct arena a;

static int
setup(void **state)
{
	(void)state;
	arena_init(&a);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&a);
	return 0;
}

static void
test_backoff_doubles_from_30_seconds_up_to_an_hour(void **state)
{
	(void)state;
	assert_int_equal(notify_backoff(1), 30);
	assert_int_equal(notify_backoff(2), 60);
	assert_int_equal(notify_backoff(3), 120);
	assert_int_equal(notify_backoff(7), 1920);
	assert_int_equal(notify_backoff(8), 3600);
	assert_int_equal(notify_backoff(40), 3600);
	assert_int_equal(notify_backoff(0), 30);
}

static void
test_idem_key_names_event_channel_and_recipient(void **state)
{
	char k[64];

	(void)state;
	assert_int_equal(notify_idem_key(k, sizeof(k), 42, NE_DISPATCHED, NC_SMS, "customer"),
	    (int)strlen("sl-42-dispatched-sms-customer"));
	assert_string_equal(k, "sl-42-dispatched-sms-customer");
	notify_idem_key(k, sizeof(k), 42, NE_ASSIGNED, NC_WECOM, "group");
	assert_string_equal(k, "sl-42-assigned-wecom-group");
}

static void
test_idem_key_refuses_a_short_buffer_and_bad_values(void **state)
{
	char k[10];

	(void)state;
	assert_int_equal(notify_idem_key(k, sizeof(k), 42, NE_CREATED, NC_EMAIL, "customer"), -1);
	assert_int_equal(notify_idem_key(k, sizeof(k), 1, NE__MAX, NC_EMAIL, "x"), -1);
	assert_int_equal(notify_idem_key(k, sizeof(k), 1, NE_CREATED, NC__MAX, "x"), -1);
}

static void
test_mask_phone_keeps_prefix_and_last_four(void **state)
{
	(void)state;
	assert_string_equal(notify_mask_phone(&a, "13800138000"), "138****8000");
	assert_string_equal(notify_mask_phone(&a, "0755-88886666"), "075******6666");
	assert_string_equal(notify_mask_phone(&a, "12345"), "*****");
	assert_string_equal(notify_mask_phone(&a, ""), "");
}

static void
test_mask_digits_hides_numbers_inside_a_text(void **state)
{
	(void)state;
	assert_string_equal(notify_mask_digits(&a, "provider: bad number 13800138000 (code 400)"),
	    "provider: bad number 138****8000 (code 400)");
	assert_string_equal(notify_mask_digits(&a, "1234567"), "*******");
	assert_string_equal(notify_mask_digits(&a, "no digits"), "no digits");
}

static void
test_text_limit_counts_characters_not_bytes(void **state)
{
	const char *s;

	(void)state;
	assert_int_equal(notify_text_chars("维修单R-1"), 6);
	assert_string_equal(notify_text_limit(&a, "维修单已派工", 6), "维修单已派工");
	s = notify_text_limit(&a, "维修单已派工", 4);
	assert_string_equal(s, "维修单…");
	assert_int_equal(notify_text_chars(s), 4);
	assert_string_equal(notify_text_limit(&a, "abcdef", 3), "ab…");
}

static void
test_reorder_alerts_on_the_crossing_only(void **state)
{
	(void)state;
	assert_true(notify_reorder_crossed(3, 2, 2));    /* down to the level */
	assert_true(notify_reorder_crossed(5, 0, 2));    /* past it at once */
	assert_true(notify_reorder_crossed(1, 0, 0));    /* level 0: the last unit */
	assert_false(notify_reorder_crossed(2, 1, 2));   /* already at it: no second alert */
	assert_false(notify_reorder_crossed(6, 3, 2));   /* still above */
}

static void
test_periods_count_whole_spans_since_the_reference(void **state)
{
	const long long w = 7 * 86400;

	(void)state;
	assert_int_equal(notify_periods(1000, 1000 + w - 1, w), 0);
	assert_int_equal(notify_periods(1000, 1000 + w, w), 1);
	assert_int_equal(notify_periods(1000, 1000 + 2 * w + 5, w), 2);
	assert_int_equal(notify_periods(1000, 500, w), 0);     /* a clock behind */
	assert_int_equal(notify_periods(1000, 5000, 0), 0);
}

static void
test_staff_events_are_for_staff(void **state)
{
	(void)state;
	assert_true(notify_event_for_staff(NE_COMPLAINT));
	assert_true(notify_event_for_staff(NE_REORDER));
	assert_true(notify_event_for_staff(NE_KR_STALE));
	assert_true(notify_event_for_staff(NE_WEEKLY));
	assert_false(notify_event_for_staff(NE_RESOLVED));
	assert_int_equal(notify_event_parse("kr_stale"), NE_KR_STALE);
	assert_int_equal(notify_event_parse("weekly"), NE_WEEKLY);
}

static void
test_text_limit_never_splits_a_character(void **state)
{
	const char *s;

	(void)state;
	/* a cut sequence at the end is dropped, not copied half */
	s = notify_text_limit(&a, "ab\xE7\xBB", 2);
	assert_string_equal(s, "a…");
}

static void
test_ticket_events_map_to_notify_events(void **state)
{
	enum notify_event e[2];

	(void)state;
	assert_int_equal(notify_events_of("created", 1, "new", 0, e), 1);
	assert_int_equal(e[0], NE_CREATED);
	assert_int_equal(notify_events_of("assigned", 1, "assigned", 1, e), 2);
	assert_int_equal(e[0], NE_DISPATCHED);
	assert_int_equal(e[1], NE_ASSIGNED);
	assert_int_equal(notify_events_of("appointment", 1, NULL, 1, e), 1);
	assert_int_equal(e[0], NE_DISPATCHED);
	assert_int_equal(notify_events_of("status", 1, "resolved", 1, e), 1);
	assert_int_equal(e[0], NE_RESOLVED);
	assert_int_equal(notify_events_of("status", 1, "waiting_customer", 1, e), 1);
	assert_int_equal(e[0], NE_WAITING);
	assert_int_equal(notify_events_of("reply", 1, NULL, 1, e), 1);
	assert_int_equal(e[0], NE_REPLY);
	/* internal notes, a customer's own reply and other statuses stay quiet */
	assert_int_equal(notify_events_of("note", 0, NULL, 1, e), 0);
	assert_int_equal(notify_events_of("reply", 1, NULL, 0, e), 0);
	assert_int_equal(notify_events_of("status", 1, "in_progress", 1, e), 0);
	assert_int_equal(notify_events_of("visit", 0, NULL, 1, e), 0);
}

static void
test_names_parse_back(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < NE__MAX; i++)
		assert_int_equal(notify_event_parse(notify_event_name((enum notify_event)i)), i);
	for (i = 0; i < NC__MAX; i++)
		assert_int_equal(notify_channel_parse(notify_channel_name((enum notify_channel)i)), i);
	assert_int_equal(notify_channel_parse("fax"), NC__MAX);
	assert_true(notify_channel_is_group(NC_DINGTALK));
	assert_false(notify_channel_is_group(NC_SMS));
}

static void
test_hmac_matches_rfc4231_case_2(void **state)
{
	unsigned char mac[32];
	char hex[65];
	const char *msg = "what do ya want for nothing?";

	(void)state;
	notify_hmac("Jefe", 4, msg, strlen(msg), mac);
	sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
	assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void
test_webhook_signature_covers_timestamp_and_body(void **state)
{
	const char *body = "{\"a\":\"测试\"}";

	(void)state;
	assert_string_equal(notify_sign_webhook(&a, "whsecret", 1700000000, body, strlen(body)),
	    "sha256=3a90a2ce4e2a31fd522e5a4e6ba133a9704fecbe5a62e95cc14a3c720114b3f2");
	assert_string_not_equal(notify_sign_webhook(&a, "whsecret", 1700000001, body,
	    strlen(body)), "sha256=3a90a2ce4e2a31fd522e5a4e6ba133a9704fecbe5a62e95cc14a3c720114b3f2");
}

static void
test_dingtalk_sign_is_urlencoded_base64(void **state)
{
	(void)state;
	assert_string_equal(notify_sign_dingtalk(&a, "SECabc123", 1700000000000LL),
	    "N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D");
}

static void
test_feishu_sign_keys_on_timestamp_and_secret(void **state)
{
	(void)state;
	assert_string_equal(notify_sign_feishu(&a, "SECabc123", 1700000000),
	    "UqhI0v4zAkSwI4hNYBuHQvnrAqshA0UaeBGHCUMPX70=");
}

static void
test_urlencode_keeps_unreserved_only(void **state)
{
	(void)state;
	assert_string_equal(notify_urlencode(&a, "a b+c/=~"), "a%20b%2Bc%2F%3D~");
}

/* A stored error in the reader's language: the kind translated, the
 * detail kept, libcurl's common texts translated, the rest unchanged. */
static void
test_error_text_speaks_the_readers_language(void **state)
{
	(void)state;
	i18n_register(notify_msgs, notify_nmsgs);
	assert_string_equal(notify_error_text(&a, "zh-CN",
	    "cannot reach the receiver: Couldn't connect to server"),
	    "无法连接接收方：连接被拒绝或服务器不可达");
	assert_string_equal(notify_error_text(&a, "en",
	    "cannot reach the receiver: Couldn't connect to server"),
	    "cannot reach the receiver: could not connect to the server");
	assert_string_equal(notify_error_text(&a, "zh-CN", "the receiver answered HTTP 502"),
	    "接收方返回 HTTP 502");
	assert_string_equal(notify_error_text(&a, "zh-CN",
	    "the receiver refused the message: {\"errcode\":93000}"),
	    "接收方拒绝了消息：{\"errcode\":93000}");
	assert_string_equal(notify_error_text(&a, "zh-CN", "the customer stopped messages"),
	    "客户已停止接收通知");
	assert_string_equal(notify_error_text(&a, "zh-CN", "something new"), "something new");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_backoff_doubles_from_30_seconds_up_to_an_hour, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idem_key_names_event_channel_and_recipient, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idem_key_refuses_a_short_buffer_and_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mask_phone_keeps_prefix_and_last_four, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mask_digits_hides_numbers_inside_a_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_limit_counts_characters_not_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_limit_never_splits_a_character, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ticket_events_map_to_notify_events, setup, teardown),
		cmocka_unit_test_setup_teardown(test_names_parse_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_text_speaks_the_readers_language, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_hmac_matches_rfc4231_case_2, setup, teardown),
		cmocka_unit_test_setup_teardown(test_webhook_signature_covers_timestamp_and_body, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dingtalk_sign_is_urlencoded_base64, setup, teardown),
		cmocka_unit_test_setup_teardown(test_feishu_sign_keys_on_timestamp_and_secret, setup, teardown),
		cmocka_unit_test_setup_teardown(test_urlencode_keeps_unreserved_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reorder_alerts_on_the_crossing_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_periods_count_whole_spans_since_the_reference, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_staff_events_are_for_staff, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
