/* Confirmations after an action (flash.c): known keys map to their catalog
 * message and the anchor of their card; anything else maps to nothing, so
 * no text of a link reaches a page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "flash.h"
#include "http.h"

static void
test_known_keys_map_to_message_and_anchor(void **state)
{
	(void)state;
	assert_string_equal(flash_msg_key("arrived"), "FLASH_ARRIVED");
	assert_string_equal(flash_anchor("arrived"), "visit");
	assert_string_equal(flash_msg_key("finished"), "FLASH_FINISHED");
	assert_string_equal(flash_anchor("finished"), "visit");
	assert_string_equal(flash_msg_key("status"), "FLASH_STATUS");
	assert_string_equal(flash_anchor("status"), "status");
	assert_string_equal(flash_msg_key("dispatched"), "FLASH_DISPATCHED");
	assert_string_equal(flash_anchor("dispatched"), "assign");
	assert_string_equal(flash_msg_key("note"), "FLASH_NOTE");
	assert_string_equal(flash_anchor("note"), "reply");
	assert_string_equal(flash_msg_key("appointment"), "FLASH_APPOINTMENT");
	assert_string_equal(flash_anchor("appointment"), "job");
	assert_string_equal(flash_msg_key("completed"), "FLASH_COMPLETED");
	assert_string_equal(flash_anchor("completed"), "complete");
	assert_true(flash_known("confirmed"));
	assert_string_equal(flash_msg_key("closed"), "FLASH_CLOSED");
	assert_string_equal(flash_anchor("closed"), "status");
	assert_string_equal(flash_msg_key("reopened"), "FLASH_REOPENED");
	assert_string_equal(flash_anchor("reopened"), "status");
}

static void
test_unknown_keys_map_to_nothing(void **state)
{
	static const char *const bad[] = { "", "ARRIVED", "arrived ", " arrived", "arrive",
	    "<script>", "FLASH_ARRIVED", "status#x", "已记录到达" };
	size_t i;

	(void)state;
	assert_null(flash_msg_key(NULL));
	assert_null(flash_anchor(NULL));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(flash_msg_key(bad[i]));
		assert_null(flash_anchor(bad[i]));
		assert_false(flash_known(bad[i]));
	}
}

static void
test_redirect_url_carries_key_and_anchor(void **state)
{
	struct req r;
	struct arena a;

	(void)state;
	memset(&r, 0, sizeof(r));
	arena_init(&a);
	r.a = &a;
	assert_string_equal(flash_url(&r, "/desk/tickets/7", "arrived"),
	    "/desk/tickets/7?done=arrived#visit");
	assert_string_equal(flash_url(&r, "/track/abc", "confirmed"), "/track/abc?done=confirmed#confirm");
	/* An unknown key adds nothing. */
	assert_string_equal(flash_url(&r, "/desk/tickets/7", "nope"), "/desk/tickets/7");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_keys_map_to_message_and_anchor),
		cmocka_unit_test(test_unknown_keys_map_to_nothing),
		cmocka_unit_test(test_redirect_url_carries_key_and_anchor),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
