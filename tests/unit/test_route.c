/* Unit tests of cgi/core/route.c: one scenario per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "http.h"
#include "route.h"

static int h_dummy(struct req *r) { (void)r; return 0; }

/* Index in this table = what the tests expect back. */
static const struct route rt[] = {
	/* 0 */ { "GET",  "/desk/",                 ROLES_DESK,   0, h_dummy, NULL },
	/* 1 */ { "GET",  "/desk/tickets/:",        ROLES_DESK,   0, h_dummy, NULL },
	/* 2 */ { "POST", "/desk/tickets/:/reply",  ROLES_DESK,   0, h_dummy, NULL },
	/* 3 */ { "GET",  "/track/:",               ROLES_PUBLIC, 0, h_dummy, NULL },
	/* 4 */ { "GET",  "/static/*",              ROLES_PUBLIC, 0, h_dummy, NULL },
	/* 5 */ { "GET",  "/login",                 ROLES_PUBLIC, 0, h_dummy, NULL },
	/* 6 */ { "POST", "/login",                 ROLES_PUBLIC, 0, h_dummy, NULL },
	/* 7 */ { "GET",  "/a/:/b/:/c/:/d/:",       ROLES_PUBLIC, 0, h_dummy, NULL },
	/* 8 */ { "GET",  "/x/:/:/:/:/:",           ROLES_PUBLIC, 0, h_dummy, NULL },
	/* 9 */ { "POST", "/api/v1/tickets",        ROLES_PUBLIC, ROUTE_NO_CSRF, h_dummy, NULL },
	/* 10 */ { "GET", "/healthz",               ROLES_PUBLIC, ROUTE_NO_DB, h_dummy, NULL },
};
#define NRT (sizeof(rt) / sizeof(rt[0]))

struct fx {
	struct arena a;
	const char  *params[HTTP_MAX_PARAMS];
	size_t       idx;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	arena_init(&f->a);
	f->idx = (size_t)-1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	arena_free(&f->a);
	free(f);
	return 0;
}

static enum route_match
find(void **state, const char *method, const char *path)
{
	struct fx *f = *state;

	return route_find(&f->a, rt, NRT, method, path, f->params, &f->idx);
}

#define IDX(state) (((struct fx *)*(state))->idx)
#define PARAM(state, i) (((struct fx *)*(state))->params[i])

static void
test_route_exact_path_found(void **state)
{
	assert_int_equal(find(state, "GET", "/healthz"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 10);
}

static void
test_route_colon_captures_one_segment(void **state)
{
	assert_int_equal(find(state, "GET", "/desk/tickets/42"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 1);
	assert_string_equal(PARAM(state, 0), "42");
}

static void
test_route_colon_does_not_span_slash(void **state)
{
	assert_int_equal(find(state, "GET", "/desk/tickets/42/extra"), ROUTE_NOT_FOUND);
}

static void
test_route_colon_in_middle(void **state)
{
	assert_int_equal(find(state, "POST", "/desk/tickets/7/reply"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 2);
	assert_string_equal(PARAM(state, 0), "7");
}

static void
test_route_capture_is_arena_copy(void **state)
{
	char path[] = "/track/ABC123";

	assert_int_equal(find(state, "GET", path), ROUTE_FOUND);
	assert_ptr_not_equal(PARAM(state, 0), path + 7);
	path[7] = 'Z';
	assert_string_equal(PARAM(state, 0), "ABC123");
}

static void
test_route_capture_keeps_utf8(void **state)
{
	assert_int_equal(find(state, "GET", "/track/工单-1"), ROUTE_FOUND);
	assert_string_equal(PARAM(state, 0), "工单-1");
}

static void
test_route_star_captures_rest(void **state)
{
	assert_int_equal(find(state, "GET", "/static/css/app.css"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 4);
	assert_string_equal(PARAM(state, 0), "css/app.css");
}

static void
test_route_star_empty_refused(void **state)
{
	assert_int_equal(find(state, "GET", "/static/"), ROUTE_NOT_FOUND);
}

static void
test_route_head_matches_get(void **state)
{
	assert_int_equal(find(state, "HEAD", "/desk/tickets/9"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 1);
	assert_string_equal(PARAM(state, 0), "9");
}

static void
test_route_head_on_post_only_is_bad_method(void **state)
{
	assert_int_equal(find(state, "HEAD", "/api/v1/tickets"), ROUTE_BAD_METHOD);
}

static void
test_route_same_path_two_methods(void **state)
{
	assert_int_equal(find(state, "GET", "/login"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 5);
	assert_int_equal(find(state, "POST", "/login"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 6);
}

static void
test_route_wrong_method_is_bad_method(void **state)
{
	assert_int_equal(find(state, "POST", "/desk/tickets/42"), ROUTE_BAD_METHOD);
	assert_int_equal(find(state, "GET", "/api/v1/tickets"), ROUTE_BAD_METHOD);
}

static void
test_route_unknown_method_is_bad_method(void **state)
{
	assert_int_equal(find(state, "DELETE", "/login"), ROUTE_BAD_METHOD);
	assert_int_equal(find(state, "get", "/login"), ROUTE_BAD_METHOD);
}

static void
test_route_unknown_path_not_found(void **state)
{
	assert_int_equal(find(state, "GET", "/nowhere"), ROUTE_NOT_FOUND);
	assert_int_equal(find(state, "POST", "/nowhere"), ROUTE_NOT_FOUND);
}

static void
test_route_empty_path_not_found(void **state)
{
	assert_int_equal(find(state, "GET", ""), ROUTE_NOT_FOUND);
	assert_int_equal(find(state, "GET", "/"), ROUTE_NOT_FOUND);
}

static void
test_route_prefix_is_not_a_match(void **state)
{
	assert_int_equal(find(state, "GET", "/log"), ROUTE_NOT_FOUND);
	assert_int_equal(find(state, "GET", "/loginx"), ROUTE_NOT_FOUND);
	assert_int_equal(find(state, "GET", "/desk"), ROUTE_NOT_FOUND);
}

static void
test_route_trailing_slash_added_not_found(void **state)
{
	assert_int_equal(find(state, "GET", "/login/"), ROUTE_NOT_FOUND);
	assert_int_equal(find(state, "GET", "/healthz/"), ROUTE_NOT_FOUND);
}

static void
test_route_trailing_slash_required_when_in_pattern(void **state)
{
	assert_int_equal(find(state, "GET", "/desk/"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 0);
	assert_int_equal(find(state, "GET", "/desk"), ROUTE_NOT_FOUND);
}

static void
test_route_trailing_slash_after_capture_not_found(void **state)
{
	assert_int_equal(find(state, "GET", "/desk/tickets/42/"), ROUTE_NOT_FOUND);
}

static void
test_route_empty_capture_refused(void **state)
{
	assert_int_equal(find(state, "GET", "/desk/tickets/"), ROUTE_NOT_FOUND);
	assert_int_equal(find(state, "POST", "/desk/tickets//reply"), ROUTE_NOT_FOUND);
	assert_int_equal(find(state, "GET", "/track/"), ROUTE_NOT_FOUND);
}

static void
test_route_case_sensitive(void **state)
{
	assert_int_equal(find(state, "GET", "/LOGIN"), ROUTE_NOT_FOUND);
}

static void
test_route_max_captures_ok(void **state)
{
	assert_int_equal(HTTP_MAX_PARAMS, 4);
	assert_int_equal(find(state, "GET", "/a/1/b/2/c/3/d/4"), ROUTE_FOUND);
	assert_int_equal(IDX(state), 7);
	assert_string_equal(PARAM(state, 0), "1");
	assert_string_equal(PARAM(state, 1), "2");
	assert_string_equal(PARAM(state, 2), "3");
	assert_string_equal(PARAM(state, 3), "4");
}

static void
test_route_too_many_captures_refused(void **state)
{
	/* Pattern 8 has five captures: more than HTTP_MAX_PARAMS never match. */
	assert_int_equal(find(state, "GET", "/x/1/2/3/4/5"), ROUTE_NOT_FOUND);
}

static void
test_route_first_match_wins(void **state)
{
	static const struct route two[] = {
		{ "GET", "/t/:",   ROLES_PUBLIC, 0, h_dummy, NULL },
		{ "GET", "/t/new", ROLES_PUBLIC, 0, h_dummy, NULL },
	};
	struct fx *f = *state;

	assert_int_equal(route_find(&f->a, two, 2, "GET", "/t/new", f->params, &f->idx),
	    ROUTE_FOUND);
	assert_int_equal(f->idx, 0);
	assert_string_equal(f->params[0], "new");
}

static void
test_route_bad_method_then_later_good_route(void **state)
{
	static const struct route two[] = {
		{ "POST", "/t/:",  ROLES_PUBLIC, 0, h_dummy, NULL },
		{ "GET",  "/t/:",  ROLES_PUBLIC, 0, h_dummy, NULL },
	};
	struct fx *f = *state;

	assert_int_equal(route_find(&f->a, two, 2, "GET", "/t/5", f->params, &f->idx),
	    ROUTE_FOUND);
	assert_int_equal(f->idx, 1);
	assert_string_equal(f->params[0], "5");
}

static void
test_route_empty_table_not_found(void **state)
{
	struct fx *f = *state;

	assert_int_equal(route_find(&f->a, rt, 0, "GET", "/login", f->params, &f->idx),
	    ROUTE_NOT_FOUND);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* Every role's start page is one it may open (no 403 on landing). */
static void
test_role_home_is_allowed_for_the_role(void **state)
{
	static const struct { enum role role; const char *home; unsigned roles; } want[] = {
		{ ROLE_VIEWER,     "/dash/",   ROLES_MANAGER },
		{ ROLE_TECHNICIAN, "/desk/my", ROLES_DESK },
		{ ROLE_AGENT,      "/desk/",   ROLES_DESK },
		{ ROLE_SUPERVISOR, "/desk/",   ROLES_DESK },
		{ ROLE_ADMIN,      "/desk/",   ROLES_DESK },
	};
	struct user u = { 0 };
	size_t i;

	(void)state;
	assert_string_equal(route_role_home(NULL), "/");
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		u.role = want[i].role;
		assert_string_equal(route_role_home(&u), want[i].home);
		assert_true(want[i].roles & ROLE_BIT(want[i].role));
	}
	assert_true(route_is_site_start("/desk/"));
	assert_false(route_is_site_start("/desk"));
	assert_false(route_is_site_start("/dash/"));
	assert_false(route_is_site_start("/desk/my"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_role_home_is_allowed_for_the_role),
		T(test_route_exact_path_found),
		T(test_route_colon_captures_one_segment),
		T(test_route_colon_does_not_span_slash),
		T(test_route_colon_in_middle),
		T(test_route_capture_is_arena_copy),
		T(test_route_capture_keeps_utf8),
		T(test_route_star_captures_rest),
		T(test_route_star_empty_refused),
		T(test_route_head_matches_get),
		T(test_route_head_on_post_only_is_bad_method),
		T(test_route_same_path_two_methods),
		T(test_route_wrong_method_is_bad_method),
		T(test_route_unknown_method_is_bad_method),
		T(test_route_unknown_path_not_found),
		T(test_route_empty_path_not_found),
		T(test_route_prefix_is_not_a_match),
		T(test_route_trailing_slash_added_not_found),
		T(test_route_trailing_slash_required_when_in_pattern),
		T(test_route_trailing_slash_after_capture_not_found),
		T(test_route_empty_capture_refused),
		T(test_route_case_sensitive),
		T(test_route_max_captures_ok),
		T(test_route_too_many_captures_refused),
		T(test_route_first_match_wins),
		T(test_route_bad_method_then_later_good_route),
		T(test_route_empty_table_not_found),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
