/* Unit tests of cgi/service/staff_name.c: the name of a technician as a
 * customer sees it, per admin setting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "arena.h"
#include "staff_name.h"

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

static const char *
shown(const char *name, enum staff_name_mode m)
{
	return staff_public_name(&a, name, m);
}

static void
test_surname_of_a_name_with_latin_part(void **state)
{
	(void)state;
	assert_string_equal(shown("王师傅 Wang", SNM_SURNAME), "王师傅");
	assert_string_equal(shown("王主管 Wang", SNM_SURNAME), "王师傅");
	assert_string_equal(shown("张伟", SNM_SURNAME), "张师傅");
}

static void
test_surname_skips_leading_space(void **state)
{
	(void)state;
	assert_string_equal(shown("  李四", SNM_SURNAME), "李师傅");
}

static void
test_compound_surname_keeps_two_characters(void **state)
{
	(void)state;
	assert_string_equal(shown("欧阳娜娜", SNM_SURNAME), "欧阳师傅");
	assert_string_equal(shown("诸葛亮 Zhuge", SNM_SURNAME), "诸葛师傅");
	/* two characters only: a surname and a given name */
	assert_string_equal(shown("欧阳", SNM_SURNAME), "欧师傅");
}

static void
test_latin_name_shows_first_word(void **state)
{
	(void)state;
	assert_string_equal(shown("John Smith", SNM_SURNAME), "John 师傅");
}

static void
test_full_name_is_the_stored_name(void **state)
{
	(void)state;
	assert_string_equal(shown("王师傅 Wang", SNM_FULL), "王师傅 Wang");
}

static void
test_hidden_or_empty_shows_nothing(void **state)
{
	(void)state;
	assert_null(shown("王师傅 Wang", SNM_HIDDEN));
	assert_null(shown("   ", SNM_SURNAME));
	assert_null(shown(NULL, SNM_FULL));
}

static void
test_mode_parse_defaults_to_surname(void **state)
{
	(void)state;
	assert_int_equal(staff_name_mode_parse("full"), SNM_FULL);
	assert_int_equal(staff_name_mode_parse("hidden"), SNM_HIDDEN);
	assert_int_equal(staff_name_mode_parse("surname"), SNM_SURNAME);
	assert_int_equal(staff_name_mode_parse("bogus"), SNM_SURNAME);
	assert_int_equal(staff_name_mode_parse(NULL), SNM_SURNAME);
	assert_string_equal(staff_name_mode_key(SNM_HIDDEN), "hidden");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_surname_of_a_name_with_latin_part, setup, teardown),
		cmocka_unit_test_setup_teardown(test_surname_skips_leading_space, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compound_surname_keeps_two_characters, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_latin_name_shows_first_word, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_name_is_the_stored_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hidden_or_empty_shows_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode_parse_defaults_to_surname, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
