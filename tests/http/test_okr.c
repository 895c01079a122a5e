/* HTTP tests of the OKR boards (/okr/) against the test stack: every
 * route, roles and ownership, CSRF, 422 with the values kept, 409 on stale
 * versions and closed cycles, ids of another cycle or of nothing → 404,
 * a metric key result's live value against the tickets it counts, closing
 * a cycle with a review, carrying objectives over, the journey link.
 * Every test makes its own cycle (names unique per run). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define PASSWORD "demo1234"

static struct hc *sup, *viewer, *tech;
static unsigned serial;

static struct hc *
staff(const char *login)
{
	struct hc *h = hc_new();

	assert_int_equal(hc_login(h, login, PASSWORD), 303);
	return h;
}

/* "YYYY-MM-DD" of today (China time) plus days. */
static void
day_str(int days, char out[16])
{
	time_t t = time(NULL) + 8 * 3600 + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
}

static long long
user_id(const char *login)
{
	char sql[128], *v;
	long long id;

	snprintf(sql, sizeof(sql), "SELECT id FROM users WHERE login = '%s'", login);
	v = stack_sql_value(sql);
	assert_non_null(v);
	id = strtoll(v, NULL, 10);
	free(v);
	return id;
}

/* POST body (csrf of page added in front) to path; the status, and the
 * number after prefix in the Location into *id when id != NULL. */
static long
post(struct hc *h, const char *page, const char *path, const char *body, struct http_resp *out,
    const char *prefix, long long *id)
{
	char *csrf = hc_csrf(h, page), *full, *loc;
	struct http_resp r;
	size_t n;
	long st;

	assert_non_null(csrf);
	n = strlen(csrf) + strlen(body) + 16;
	full = malloc(n);
	snprintf(full, n, "csrf=%s&%s", csrf, body);
	assert_int_equal(hc_post_form(h, path, full, &r), 0);
	st = r.status;
	if (id != NULL) {
		*id = 0;
		loc = http_header(&r, "Location");
		if (loc != NULL && prefix != NULL && strncmp(loc, prefix, strlen(prefix)) == 0)
			*id = strtoll(loc + strlen(prefix), NULL, 10);
		free(loc);
	}
	free(csrf);
	free(full);
	if (out != NULL)
		*out = r;
	else
		http_resp_free(&r);
	return st;
}

static long long
new_cycle(int from_days, int to_days, const char *state)
{
	char body[256], d0[16], d1[16];
	long long id;

	day_str(from_days, d0);
	day_str(to_days, d1);
	snprintf(body, sizeof(body), "name=T%d-%u&kind=quarter&starts_on=%s&ends_on=%s&state=%s",
	    (int)getpid(), ++serial, d0, d1, state);
	assert_int_equal(post(sup, "/okr/cycles", "/okr/cycles", body, NULL, "/okr/?cycle=", &id),
	    303);
	assert_true(id > 0);
	return id;
}

static long long
new_objective(struct hc *h, long long cycle, const char *title, const char *level,
    long long owner, long long parent)
{
	char body[512], page[64], o[24] = "", p[24] = "";
	long long id;

	if (owner > 0)
		snprintf(o, sizeof(o), "%lld", owner);
	if (parent > 0)
		snprintf(p, sizeof(p), "%lld", parent);
	snprintf(page, sizeof(page), "/okr/objectives/new?cycle=%lld", cycle);
	snprintf(body, sizeof(body), "cycle=%lld&title=%s&description=d&level=%s&owner=%s&team="
	    "&parent=%s&parent2=&support_kr=&status_set=", cycle, title, level, o, p);
	assert_int_equal(post(h, page, "/okr/objectives", body, NULL, "/okr/objectives/", &id),
	    303);
	return id;
}

/* A key result with the given extra fields; returns its id. */
static long long
new_kr(struct hc *h, long long objective, const char *fields)
{
	char body[768], page[64];
	long long id;

	snprintf(page, sizeof(page), "/okr/krs/new?objective=%lld", objective);
	snprintf(body, sizeof(body), "objective=%lld&%s", objective, fields);
	assert_int_equal(post(h, page, "/okr/krs", body, NULL, "/okr/krs/", &id), 303);
	return id;
}

#define MANUAL_KR "title=Trained+technicians&kind=increase_to&start=0&target=10&unit=&weight=1" \
	"&owner=&source=manual&metric=&category=&team=&channel=&window_days="

static long
get_status(struct hc *h, const char *path, char **body)
{
	struct http_resp r;
	long st;

	assert_int_equal(hc_get(h, path, &r), 0);
	st = r.status;
	if (body != NULL)
		*body = strdup(r.body);
	http_resp_free(&r);
	return st;
}

static int
setup(void **state)
{
	(void)state;
	sup = staff("supervisor");
	viewer = staff("viewer");
	tech = staff("tech");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	hc_free(sup);
	hc_free(viewer);
	hc_free(tech);
	return 0;
}

/* --- reading --- */

static void
test_board_needs_sign_in(void **state)
{
	struct hc *anon = hc_new();

	(void)state;
	assert_true(get_status(anon, "/okr/", NULL) != 200);
	hc_free(anon);
}

static void
test_board_shows_tree_scores_and_attention(void **state)
{
	long long c = new_cycle(-30, 60, "active"), o1, o2, kr;
	char path[64], sql[160], *body, *p;

	(void)state;
	o1 = new_objective(sup, c, "Company+goal", "company", user_id("supervisor"), 0);
	o2 = new_objective(sup, c, "Unowned+team+goal", "team", 0, o1);
	kr = new_kr(sup, o2, MANUAL_KR);
	/* made 8 days ago and never checked in since */
	snprintf(sql, sizeof(sql), "UPDATE okr_krs SET created_at = UTC_TIMESTAMP() -"
	    " INTERVAL 8 DAY WHERE id = %lld", kr);
	assert_int_equal(stack_sql(sql), 0);
	snprintf(path, sizeof(path), "/okr/?cycle=%lld", c);
	assert_int_equal(get_status(viewer, path, &body), 200);
	/* the child comes after its parent, indented */
	p = strstr(body, "Company goal");
	assert_non_null(p);
	assert_non_null(strstr(p, "okr-obj depth-1"));
	assert_contains(body, "Unowned team goal");
	/* never checked in for 8 days: listed as stale; no owner: listed */
	assert_contains(strstr(body, "stale-krs"), "Trained technicians");
	assert_contains(strstr(body, "class=\"unowned\""), "Unowned team goal");
	/* manual KR at its start value: score 0.00, red */
	assert_contains(body, "data-score=\"0.00\"");
	assert_contains(body, "band-red");
	free(body);
	(void)kr;
}

static void
test_unknown_ids_are_404(void **state)
{
	(void)state;
	assert_int_equal(get_status(viewer, "/okr/?cycle=999999999", NULL), 404);
	assert_int_equal(get_status(viewer, "/okr/?cycle=abc", NULL), 404);
	assert_int_equal(get_status(viewer, "/okr/?team=999999999", NULL), 404);
	assert_int_equal(get_status(viewer, "/okr/objectives/999999999", NULL), 404);
	assert_int_equal(get_status(viewer, "/okr/krs/999999999", NULL), 404);
	assert_int_equal(get_status(viewer, "/okr/krs/0", NULL), 404);
	assert_int_equal(post(sup, "/okr/", "/okr/krs/999999999/checkins",
	    "value=1&confidence=on_track&comment=", NULL, NULL, NULL), 404);
}

static void
test_parent_of_another_cycle_is_404(void **state)
{
	long long c1 = new_cycle(-10, 10, "active"), c2 = new_cycle(-10, 10, "planning");
	long long o1 = new_objective(sup, c1, "Other+cycle", "company", 0, 0);
	char body[256], page[64];

	(void)state;
	snprintf(page, sizeof(page), "/okr/objectives/new?cycle=%lld", c2);
	snprintf(body, sizeof(body), "cycle=%lld&title=X&description=&level=team&owner=&team="
	    "&parent=%lld&parent2=&support_kr=&status_set=", c2, o1);
	assert_int_equal(post(sup, page, "/okr/objectives", body, NULL, NULL, NULL), 404);
}

static long long
team_id(const char *name)
{
	char sql[160], *v;
	long long id;

	snprintf(sql, sizeof(sql), "SELECT id FROM teams WHERE name = '%s'", name);
	v = stack_sql_value(sql);
	assert_non_null(v);
	id = strtoll(v, NULL, 10);
	free(v);
	return id;
}

static void
test_board_by_team_and_mine(void **state)
{
	long long c = new_cycle(-30, 60, "active"), east = team_id("华东服务中心");
	long long south = team_id("华南服务中心"), o_east, kr;
	char body[512], page[96], *html;

	(void)state;
	snprintf(body, sizeof(body), "cycle=%lld&title=East+only&description=&level=team&owner="
	    "&team=%lld&parent=&parent2=&support_kr=&status_set=", c, east);
	assert_int_equal(post(sup, "/okr/", "/okr/objectives", body, NULL, "/okr/objectives/",
	    &o_east), 303);
	kr = new_kr(sup, o_east, MANUAL_KR);
	snprintf(body, sizeof(body), "cycle=%lld&title=South+only&description=&level=team&owner="
	    "&team=%lld&parent=&parent2=&support_kr=&status_set=", c, south);
	assert_int_equal(post(sup, "/okr/", "/okr/objectives", body, NULL, NULL, NULL), 303);
	new_objective(tech, c, "Tech+own", "person", user_id("tech"), 0);
	snprintf(page, sizeof(page), "/okr/?cycle=%lld&team=%lld", c, east);
	assert_int_equal(get_status(viewer, page, &html), 200);
	assert_contains(html, "East only");
	assert_not_contains(strstr(html, "h-tree"), "South only");
	free(html);
	snprintf(page, sizeof(page), "/okr/?cycle=%lld&mine=1", c);
	assert_int_equal(get_status(tech, page, &html), 200);
	assert_contains(html, "Tech own");
	assert_not_contains(strstr(html, "h-tree"), "East only");
	free(html);
	/* supporting a key result of one's own team is refused */
	snprintf(body, sizeof(body), "cycle=%lld&title=Same+team&description=&level=team&owner="
	    "&team=%lld&parent=&parent2=&support_kr=%lld&status_set=", c, east, kr);
	assert_int_equal(post(sup, "/okr/", "/okr/objectives", body, NULL, NULL, NULL), 422);
	snprintf(body, sizeof(body), "cycle=%lld&title=Other+team&description=&level=team&owner="
	    "&team=%lld&parent=&parent2=&support_kr=%lld&status_set=", c, south, kr);
	assert_int_equal(post(sup, "/okr/", "/okr/objectives", body, NULL, NULL, NULL), 303);
}

/* --- check-ins --- */

static void
test_checkin_moves_score(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Checkins", "team", user_id("supervisor"), 0);
	long long kr = new_kr(sup, o, MANUAL_KR);
	char path[64], page[64], *body;

	(void)state;
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	assert_int_equal(post(sup, page, path, "value=7&confidence=at_risk&comment=half+way",
	    NULL, NULL, NULL), 303);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_contains(body, "data-score=\"0.70\"");
	assert_contains(body, "half way");
	assert_contains(body, "band-green");
	{       /* its time in China time, as everywhere else */
		char sql[192], *at;

		snprintf(sql, sizeof(sql), "SELECT DATE_FORMAT(CONVERT_TZ(created_at, '+00:00',"
		    " '+08:00'), '%%Y-%%m-%%d %%H:%%i') FROM okr_checkins WHERE kr_id = %lld", kr);
		at = stack_sql_value(sql);
		assert_contains(body, at);
		assert_not_contains(body, " UTC<");
		free(at);
	}
	free(body);
	snprintf(page, sizeof(page), "/okr/objectives/%lld", o);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_contains(body, "data-score=\"0.70\"");
	free(body);
}

/* The board lists key results by objective, check-ins come by key
 * result: a key result made before one of an earlier objective (a lower
 * id later in the list) still gets its check-ins. A key result just made
 * is not "not updated for 7 days". */
static void
test_checkins_reach_key_results_in_any_order(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o1 = new_objective(sup, c, "First objective", "team", user_id("supervisor"), 0);
	long long o2 = new_objective(sup, c, "Second objective", "team", user_id("supervisor"), 0);
	long long early = new_kr(sup, o2, MANUAL_KR);     /* lower id, later objective */
	long long late = new_kr(sup, o1, MANUAL_KR);
	char path[64], page[64], *body;

	(void)state;
	assert_true(early < late && o1 < o2);
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", late);
	snprintf(page, sizeof(page), "/okr/krs/%lld", late);
	assert_int_equal(post(sup, page, path, "value=3&confidence=on_track&comment=",
	    NULL, NULL, NULL), 303);
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", early);
	snprintf(page, sizeof(page), "/okr/krs/%lld", early);
	assert_int_equal(post(sup, page, path, "value=6&confidence=on_track&comment=",
	    NULL, NULL, NULL), 303);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_contains(body, "data-score=\"0.60\"");
	free(body);
	snprintf(page, sizeof(page), "/okr/krs/%lld", late);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_contains(body, "data-score=\"0.30\"");
	free(body);
	snprintf(page, sizeof(page), "/okr/objectives/%lld", o2);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_contains(body, "data-score=\"0.60\"");
	free(body);

	/* a key result without a check-in, made a minute ago: not stale */
	(void)new_kr(sup, o1, MANUAL_KR);
	snprintf(page, sizeof(page), "/okr/?cycle=%lld", c);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_not_contains(body, "class=\"badge warn\">7 天未更新<");
	assert_not_contains(strstr(body, "stale-krs"), "<li>");
	free(body);
}

/* A key result is edited like it was made: its values in the form, the
 * same checks, a stale version refused; its check-ins stay. */
static void
test_kr_edit_changes_target_keeps_checkins(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Edits", "team", user_id("supervisor"), 0);
	long long kr = new_kr(sup, o, MANUAL_KR);
	char path[64], edit[64], page[64], body[512], *html;
	struct http_resp r;

	(void)state;
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	snprintf(edit, sizeof(edit), "/okr/krs/%lld/edit", kr);
	assert_int_equal(post(sup, page, path, "value=7&confidence=on_track&comment=",
	    NULL, NULL, NULL), 303);
	/* the form holds the key result's values */
	assert_int_equal(get_status(sup, edit, &html), 200);
	assert_contains(html, "value=\"Trained technicians\"");
	assert_contains(html, "id=\"target\" name=\"target\" value=\"10\"");
	assert_contains(html, "name=\"version\" value=\"1\"");
	assert_contains(html, "value=\"increase_to\" selected");
	free(html);
	/* direction checked as for a new one; values kept */
	snprintf(body, sizeof(body), "version=1&objective=%lld&title=Trained+technicians+%%28all%%29"
	    "&kind=increase_to&start=0&target=-5&unit=&weight=1&owner=&source=manual&metric="
	    "&category=&team=&channel=&technician=&window_days=", o);
	assert_int_equal(post(sup, edit, edit, body, &r, NULL, NULL), 422);
	assert_contains(r.body, "id=\"target-err\"");
	assert_contains(r.body, "value=\"Trained technicians (all)\"");
	http_resp_free(&r);
	snprintf(body, sizeof(body), "version=1&objective=%lld&title=Trained+technicians+%%28all%%29"
	    "&kind=increase_to&start=0&target=14&unit=&weight=1&owner=&source=manual&metric="
	    "&category=&team=&channel=&technician=&window_days=", o);
	assert_int_equal(post(sup, edit, edit, body, NULL, NULL, NULL), 303);
	assert_int_equal(get_status(viewer, page, &html), 200);
	assert_contains(html, "Trained technicians (all)");
	assert_contains(html, "data-score=\"0.50\"");       /* 7 of 14, the check-in kept */
	free(html);
	/* the same version again: someone changed it meanwhile */
	assert_int_equal(post(sup, edit, edit, body, &r, NULL, NULL), 409);
	assert_contains(r.body, "value=\"Trained technicians (all)\"");
	http_resp_free(&r);
	/* a viewer may not */
	assert_int_equal(get_status(viewer, edit, NULL), 403);
}

static void
test_checkin_invalid_keeps_values(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Invalid", "team", 0, 0);
	long long kr = new_kr(sup, o, MANUAL_KR);
	struct http_resp r;
	char path[64], page[64];

	(void)state;
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	assert_int_equal(post(sup, page, path, "value=seven&confidence=on_track&comment=keep+me",
	    &r, NULL, NULL), 422);
	assert_contains(r.body, "value=\"seven\"");
	assert_contains(r.body, "keep me");
	assert_contains(r.body, "id=\"value-err\"");
	http_resp_free(&r);
	assert_int_equal(post(sup, page, path, "value=1&confidence=sure&comment=", &r, NULL, NULL),
	    422);
	http_resp_free(&r);
	assert_int_equal(post(sup, page, path, "value=1e400&confidence=on_track&comment=", &r,
	    NULL, NULL), 422);
	http_resp_free(&r);
}

static void
test_checkin_without_csrf_is_refused(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Csrf", "team", 0, 0);
	long long kr = new_kr(sup, o, MANUAL_KR);
	struct http_resp r;
	char path[64], *n;

	(void)state;
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr);
	assert_int_equal(hc_post_form(sup, path, "value=3&confidence=on_track&comment=", &r), 0);
	assert_int_equal(r.status, 403);
	http_resp_free(&r);
	snprintf(path, sizeof(path), "SELECT COUNT(*) FROM okr_checkins WHERE kr_id = %lld", kr);
	n = stack_sql_value(path);
	assert_string_equal(n, "0");
	free(n);
}

static void
test_checkins_are_append_only(void **state)
{
	(void)state;
	/* the triggers refuse it (stack_sql reports the failure) */
	assert_true(stack_sql("DELETE FROM okr_checkins") != 0);
	assert_true(stack_sql("UPDATE okr_checkins SET comment = 'x'") != 0);
}

static void
test_owner_checks_in_others_read(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Ownership", "person", user_id("supervisor"), 0);
	long long kr_other = new_kr(sup, o, MANUAL_KR), kr_tech;
	char fields[512], path[64], page[64];

	(void)state;
	snprintf(fields, sizeof(fields), "title=Tech+KR&kind=increase_to&start=0&target=4&unit="
	    "&weight=1&owner=%lld&source=manual&metric=&category=&team=&channel=&window_days=",
	    user_id("tech"));
	kr_tech = new_kr(sup, o, fields);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr_tech);
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr_tech);
	assert_int_equal(post(tech, page, path, "value=2&confidence=on_track&comment=",
	    NULL, NULL, NULL), 303);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr_other);
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr_other);
	assert_int_equal(post(tech, page, path, "value=2&confidence=on_track&comment=",
	    NULL, NULL, NULL), 403);
	assert_int_equal(post(viewer, page, path, "value=2&confidence=on_track&comment=",
	    NULL, NULL, NULL), 403);
	/* a viewer creates nothing */
	assert_int_equal(post(viewer, "/okr/cycles", "/okr/cycles",
	    "name=V&kind=quarter&starts_on=2026-01-01&ends_on=2026-03-31&state=active",
	    NULL, NULL, NULL), 403);
	/* a technician may create a person-level objective of his own only */
	snprintf(fields, sizeof(fields), "cycle=%lld&title=Mine&description=&level=person"
	    "&owner=%lld&team=&parent=&parent2=&support_kr=&status_set=", c, user_id("tech"));
	assert_int_equal(post(tech, "/okr/", "/okr/objectives", fields, NULL, NULL, NULL), 303);
	snprintf(fields, sizeof(fields), "cycle=%lld&title=Company&description=&level=company"
	    "&owner=%lld&team=&parent=&parent2=&support_kr=&status_set=", c, user_id("tech"));
	assert_int_equal(post(tech, "/okr/", "/okr/objectives", fields, NULL, NULL, NULL), 403);
}

/* --- objectives: edit, 409, 422 --- */

static void
test_objective_edit_conflict_is_409(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Versioned", "team", 0, 0);
	char path[64], page[64], body[256];
	struct http_resp r;

	(void)state;
	snprintf(page, sizeof(page), "/okr/objectives/%lld/edit", o);
	snprintf(path, sizeof(path), "/okr/objectives/%lld/edit", o);
	snprintf(body, sizeof(body), "version=1&title=Renamed&description=&level=team&owner=&team="
	    "&parent=&parent2=&support_kr=&status_set=at_risk");
	assert_int_equal(post(sup, page, path, body, NULL, NULL, NULL), 303);
	/* the same version again: someone else changed it meanwhile */
	assert_int_equal(post(sup, page, path, body, &r, NULL, NULL), 409);
	assert_contains(r.body, "Renamed");
	http_resp_free(&r);
	snprintf(page, sizeof(page), "/okr/objectives/%lld", o);
	assert_int_equal(get_status(viewer, page, NULL), 200);
}

static void
test_objective_invalid_keeps_values(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	char body[256];
	struct http_resp r;

	(void)state;
	snprintf(body, sizeof(body), "cycle=%lld&title=&description=kept+text&level=galaxy"
	    "&owner=&team=&parent=&parent2=&support_kr=&status_set=", c);
	assert_int_equal(post(sup, "/okr/objectives/new", "/okr/objectives", body, &r, NULL, NULL),
	    422);
	assert_contains(r.body, "kept text");
	assert_contains(r.body, "id=\"title-err\"");
	http_resp_free(&r);
}

static void
test_objective_parent_loop_is_refused(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long a = new_objective(sup, c, "A", "company", 0, 0);
	long long b = new_objective(sup, c, "B", "team", 0, a);
	char path[64], body[256];
	struct http_resp r;

	(void)state;
	snprintf(path, sizeof(path), "/okr/objectives/%lld/edit", a);
	snprintf(body, sizeof(body), "version=1&title=A&description=&level=company&owner=&team="
	    "&parent=%lld&parent2=&support_kr=&status_set=", b);
	assert_int_equal(post(sup, path, path, body, &r, NULL, NULL), 422);
	assert_contains(r.body, "id=\"parent-err\"");
	http_resp_free(&r);
}

/* --- key results --- */

static void
test_kr_direction_and_metric_checked(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Checks", "team", 0, 0);
	char body[512];
	struct http_resp r;

	(void)state;
	snprintf(body, sizeof(body), "objective=%lld&title=Down&kind=decrease_to&start=10&target=20"
	    "&unit=&weight=1&owner=&source=manual&metric=&category=&team=&channel=&window_days=", o);
	assert_int_equal(post(sup, "/okr/krs/new", "/okr/krs", body, &r, NULL, NULL), 422);
	assert_contains(r.body, "value=\"Down\"");
	assert_contains(r.body, "id=\"target-err\"");
	http_resp_free(&r);
	snprintf(body, sizeof(body), "objective=%lld&title=M&kind=increase_to&start=1&target=2"
	    "&unit=&weight=1&owner=&source=metric&metric=no_such_metric&category=&team=&channel="
	    "&window_days=", o);
	assert_int_equal(post(sup, "/okr/krs/new", "/okr/krs", body, &r, NULL, NULL), 422);
	assert_contains(r.body, "id=\"metric-err\"");
	http_resp_free(&r);
}

/* The board's CSV "current" column of the key result titled title. */
static double
csv_current(long long cycle, const char *title)
{
	char path[64], *body, *line, *save = NULL;
	double v = -1;
	int i;

	snprintf(path, sizeof(path), "/okr/board.csv?cycle=%lld", cycle);
	assert_int_equal(get_status(viewer, path, &body), 200);
	for (line = strtok_r(body, "\r\n", &save); line != NULL; line = strtok_r(NULL, "\r\n", &save)) {
		char *f = line;

		if (strstr(line, title) == NULL)
			continue;
		for (i = 0; i < 8 && f != NULL; i++)
			f = strchr(f, ',') != NULL ? strchr(f, ',') + 1 : NULL;
		assert_non_null(f);
		v = strtod(f, NULL);
	}
	free(body);
	return v;
}

static void
test_metric_kr_equals_tickets_counted(void **state)
{
	long long c = new_cycle(-5, 30, "active");
	long long o = new_objective(sup, c, "Metric", "company", 0, 0), cat;
	char fields[512], sql[256], d0[16], *n, *page, *code;
	struct hc *anon = hc_new();
	struct http_resp r;
	double before, after;

	(void)state;
	assert_int_equal(hc_get(anon, "/repair", &r), 0);
	cat = html_first_numeric_option(r.body);
	http_resp_free(&r);
	hc_free(anon);
	snprintf(fields, sizeof(fields), "title=Volume+of+cat&kind=stay_below&start=0&target=1000"
	    "&unit=&weight=1&owner=&source=metric&metric=volume&category=%lld&team=&channel="
	    "&window_days=", cat);
	new_kr(sup, o, fields);
	/* the registry's volume = tickets created in the China-time days of the period */
	day_str(-5, d0);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE category_id = %lld AND "
	    "created_at >= CONVERT_TZ('%s 00:00:00', '+08:00', '+00:00')", cat, d0);
	n = stack_sql_value(sql);
	before = csv_current(c, "Volume of cat");
	assert_true(before == strtod(n, NULL) || (before == -1 && strcmp(n, "0") == 0) ||
	    (before == 0 && strcmp(n, "0") == 0));
	free(n);
	code = hc_repair_ticket("okr metric key result test");
	free(code);
	after = csv_current(c, "Volume of cat");
	n = stack_sql_value(sql);
	assert_true(after == strtod(n, NULL));
	assert_true(after >= 1 && after == (before < 0 ? 0 : before) + 1);
	free(n);
	page = NULL;
	(void)page;
}

/* A key result on a team's metric (its filter once crashed the worker:
 * the team went to MariaDB as a string): saved, and its page names the
 * team, the category and the channel, not their numbers. */
static void
test_metric_kr_with_team_filter_names_it(void **state)
{
	long long c = new_cycle(-5, 30, "active");
	long long o = new_objective(sup, c, "Team metric", "team", 0, 0), kr;
	long long team = stack_sql_int("SELECT MIN(id) FROM teams");
	long long cat = stack_sql_int("SELECT MIN(id) FROM categories WHERE active = 1");
	char fields[512], sql[160], path[64], *team_name, *cat_name, *page;

	(void)state;
	assert_true(team > 0 && cat > 0);
	snprintf(fields, sizeof(fields), "title=Team+first+fix&kind=increase_to&start=70&target=88"
	    "&unit=%%25&weight=1&owner=&source=metric&metric=first_time_fix&category=%lld&team=%lld"
	    "&channel=phone&window_days=", cat, team);
	kr = new_kr(sup, o, fields);
	snprintf(sql, sizeof(sql), "SELECT CONCAT(f_team_id, ' ', f_category_id, ' ', f_channel)"
	    " FROM okr_krs WHERE id = %lld", kr);
	page = stack_sql_value(sql);
	snprintf(path, sizeof(path), "%lld %lld phone", team, cat);
	assert_string_equal(page, path);
	free(page);
	snprintf(sql, sizeof(sql), "SELECT name FROM teams WHERE id = %lld", team);
	team_name = stack_sql_value(sql);
	snprintf(sql, sizeof(sql), "SELECT name_zh FROM categories WHERE id = %lld", cat);
	cat_name = stack_sql_value(sql);
	snprintf(path, sizeof(path), "/okr/krs/%lld", kr);
	assert_int_equal(get_status(sup, path, &page), 200);
	assert_non_null(strstr(page, "class=\"kr-filter\""));
	assert_non_null(strstr(page, "电话"));
	assert_non_null(strstr(page, "<a class=\"drill\" href=\"/desk/?metric=first_time_fix"));
	free(page);
	/* a viewer may not open the queue: no link into it */
	assert_int_equal(get_status(viewer, path, &page), 200);
	assert_null(strstr(page, "class=\"drill\""));
	free(page);
	/* the names are escaped like any text: compare on a name without markup */
	if (strchr(team_name, '<') == NULL && strchr(cat_name, '<') == NULL) {
		assert_int_equal(get_status(sup, path, &page), 200);
		assert_non_null(strstr(page, team_name));
		assert_non_null(strstr(page, cat_name));
		free(page);
	}
	free(team_name);
	free(cat_name);
}

static void
test_metric_kr_refuses_typed_value(void **state)
{
	long long c = new_cycle(-5, 30, "active");
	long long o = new_objective(sup, c, "Computed", "company", 0, 0), kr;
	char path[64], page[64];
	struct http_resp r;

	(void)state;
	kr = new_kr(sup, o, "title=SLA&kind=increase_to&start=80&target=95&unit=%25&weight=1"
	    "&owner=&source=metric&metric=sla_compliance&category=&team=&channel=&window_days=30");
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	assert_int_equal(post(sup, page, path, "value=99&confidence=on_track&comment=", &r,
	    NULL, NULL), 422);
	http_resp_free(&r);
	assert_int_equal(post(sup, page, path, "value=&confidence=at_risk&comment=fine",
	    NULL, NULL, NULL), 303);
	assert_int_equal(get_status(viewer, page, NULL), 200);
}

/* A rolling window of N days is the dashboard's "last N days": today (in
 * China time) and the N - 1 days before it. */
static void
test_metric_kr_window_is_whole_days(void **state)
{
	long long c = new_cycle(-20, 30, "active");
	long long o = new_objective(sup, c, "Window", "company", 0, 0), kr;
	char page[64], *from, *to, want[64], *body;

	(void)state;
	kr = new_kr(sup, o, "title=Week&kind=stay_below&start=0&target=1000&unit=&weight=1"
	    "&owner=&source=metric&metric=volume&category=&team=&channel=&window_days=7");
	from = stack_sql_value("SELECT DATE_FORMAT(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00')"
	    " - INTERVAL 6 DAY, '%Y-%m-%d')");
	to = stack_sql_value("SELECT DATE_FORMAT(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00'),"
	    " '%Y-%m-%d')");
	snprintf(want, sizeof(want), "%s – %s", from, to);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_contains(body, want);
	free(body);
	free(from);
	free(to);
}

static void
test_journey_link_prefills_form(void **state)
{
	char *body;

	(void)state;
	new_cycle(-5, 30, "active");
	assert_int_equal(get_status(sup, "/okr/krs/new?journey=3&stage=2&metric=time_to_dispatch"
	    "&target=30", &body), 200);
	assert_contains(body, "name=\"journey\" value=\"3\"");
	assert_contains(body, "name=\"stage\" value=\"2\"");
	assert_contains(body, "name=\"target\" value=\"30\"");
	assert_contains(body, "value=\"time_to_dispatch\" selected");
	assert_contains(body, "value=\"metric\" selected");
	free(body);
}

static void
test_initiative_added_and_checked(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "Initiatives", "team", 0, 0);
	long long kr = new_kr(sup, o, MANUAL_KR);
	char path[64], page[64], *body;
	struct http_resp r;

	(void)state;
	snprintf(path, sizeof(path), "/okr/krs/%lld/initiatives", kr);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	assert_int_equal(post(sup, page, path, "title=Spare+parts+kit&owner=&status=doing"
	    "&due_on=2027-01-15&ticket=&kb_article=", NULL, NULL, NULL), 303);
	assert_int_equal(post(sup, page, path, "title=Bad&owner=&status=doing&due_on="
	    "&ticket=R-00000000-0000&kb_article=", &r, NULL, NULL), 422);
	assert_contains(r.body, "R-00000000-0000");
	http_resp_free(&r);
	assert_int_equal(get_status(viewer, page, &body), 200);
	assert_contains(body, "Spare parts kit");
	assert_contains(body, "2027-01-15");
	free(body);
}

/* --- closing, reviews, carrying over --- */

static void
test_close_review_and_carry(void **state)
{
	long long c = new_cycle(-60, -1, "active"), next, o, kr, carried;
	char path[64], page[64], body[256], *v;
	struct http_resp r;

	(void)state;
	o = new_objective(sup, c, "Closing", "team", user_id("supervisor"), 0);
	kr = new_kr(sup, o, MANUAL_KR);
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	assert_int_equal(post(sup, page, path, "value=8&confidence=on_track&comment=",
	    NULL, NULL, NULL), 303);
	/* a review before closing is refused */
	snprintf(path, sizeof(path), "/okr/objectives/%lld/review", o);
	snprintf(page, sizeof(page), "/okr/objectives/%lld", o);
	assert_int_equal(post(sup, page, path, "version=0&worked=a&not_worked=b&standard=c",
	    NULL, NULL, NULL), 409);
	/* stale version → 409; right one → closed */
	snprintf(path, sizeof(path), "/okr/cycles/%lld/close", c);
	assert_int_equal(post(sup, "/okr/cycles", path, "version=7", NULL, NULL, NULL), 409);
	assert_int_equal(post(viewer, "/okr/cycles", path, "version=1", NULL, NULL, NULL), 403);
	assert_int_equal(post(sup, "/okr/cycles", path, "version=1", NULL, NULL, NULL), 303);
	assert_int_equal(post(sup, "/okr/cycles", path, "version=2", NULL, NULL, NULL), 409);
	snprintf(body, sizeof(body), "SELECT CONCAT(final_value, '/', final_score) FROM okr_krs "
	    "WHERE id = %lld", kr);
	v = stack_sql_value(body);
	assert_string_equal(v, "8/0.8");
	free(v);
	/* frozen: no more check-ins */
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", kr);
	snprintf(page, sizeof(page), "/okr/krs/%lld", kr);
	assert_int_equal(post(sup, page, path, "value=9&confidence=on_track&comment=",
	    NULL, NULL, NULL), 409);
	/* the review: 422 keeps values, then saved and shown */
	snprintf(path, sizeof(path), "/okr/objectives/%lld/review", o);
	snprintf(page, sizeof(page), "/okr/objectives/%lld", o);
	assert_int_equal(post(sup, page, path, "version=0&worked=Daily+standups&not_worked="
	    "&standard=", &r, NULL, NULL), 422);
	assert_contains(r.body, "Daily standups");
	http_resp_free(&r);
	assert_int_equal(post(sup, page, path, "version=0&worked=Daily+standups&not_worked="
	    "Parts+late&standard=Check+stock+weekly", NULL, NULL, NULL), 303);
	assert_int_equal(post(sup, page, path, "version=0&worked=x&not_worked=y&standard=z",
	    NULL, NULL, NULL), 409);
	assert_int_equal(get_status(viewer, page, &v), 200);
	assert_contains(v, "Check stock weekly");
	assert_contains(v, "data-score=\"0.80\"");
	free(v);
	/* carry into a new cycle, once */
	next = new_cycle(0, 90, "planning");
	snprintf(path, sizeof(path), "/okr/cycles/%lld/carry", next);
	snprintf(body, sizeof(body), "from=%lld", c);
	assert_int_equal(post(sup, "/okr/cycles", path, body, NULL, NULL, NULL), 303);
	assert_int_equal(post(sup, "/okr/cycles", path, body, NULL, NULL, NULL), 409);
	snprintf(body, sizeof(body), "SELECT k.start_value FROM okr_krs k JOIN okr_objectives o"
	    " ON o.id = k.objective_id WHERE o.cycle_id = %lld AND o.carried_from = %lld", next, o);
	v = stack_sql_value(body);
	assert_non_null(v);
	assert_string_equal(v, "8");   /* starts where the last cycle ended */
	free(v);
	carried = 1;
	(void)carried;
}

static void
test_cycle_form_invalid_keeps_values(void **state)
{
	struct http_resp r;

	(void)state;
	assert_int_equal(post(sup, "/okr/cycles", "/okr/cycles", "name=Kept+name&kind=quarter"
	    "&starts_on=2026-05-01&ends_on=2026-04-01&state=active", &r, NULL, NULL), 422);
	assert_contains(r.body, "Kept name");
	assert_contains(r.body, "id=\"ends_on-err\"");
	http_resp_free(&r);
}

static void
test_csv_export(void **state)
{
	long long c = new_cycle(-30, 60, "active");
	long long o = new_objective(sup, c, "%3DSUM(A1)", "team", 0, 0);
	struct http_resp r;
	char path[64], *ct;

	(void)state;
	new_kr(sup, o, MANUAL_KR);
	snprintf(path, sizeof(path), "/okr/board.csv?cycle=%lld", c);
	assert_int_equal(hc_get(viewer, path, &r), 0);
	assert_int_equal(r.status, 200);
	ct = http_header(&r, "Content-Type");
	assert_non_null(ct);
	assert_non_null(strstr(ct, "text/csv"));
	free(ct);
	assert_contains(r.body, "'=SUM(A1)");   /* no formula runs in a spreadsheet */
	assert_contains(r.body, "Trained technicians");
	http_resp_free(&r);
}

/* --- KPI tree and weekly report --- */

/* The text after marker up to the next '"' or '<' (malloc'ed). */
static char *
after(const char *hay, const char *marker)
{
	const char *p = strstr(hay, marker);
	size_t n;

	assert_non_null(p);
	p += strlen(marker);
	n = strcspn(p, "\"<");
	return strndup(p, n);
}

static void
test_kpi_tree_root_counts_tickets(void **state)
{
	char *body, *from, *n, sql[256], *href, *amp;

	(void)state;
	assert_int_equal(get_status(viewer, "/okr/kpi?metric=volume&threshold=1&by1=team"
	    "&by2=channel", &body), 200);
	assert_contains(body, "kpi-node");
	/* the root's sample: the tickets created since the period's first day */
	from = after(body, "统计期 ");
	from[10] = '\0';
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE created_at >= "
	    "CONVERT_TZ('%s 00:00:00', '+08:00', '+00:00')", from);
	n = stack_sql_value(sql);
	assert_non_null(strstr(body, "depth-0"));
	{
		char *root = after(strstr(body, "depth-0"), "data-n=\"");

		assert_string_equal(root, n);
		free(root);
	}
	/* a node becomes a key result in one step: the form, filled in */
	href = after(strstr(body, "class=\"make-kr\""), "href=\"");
	while ((amp = strstr(href, "&amp;")) != NULL)
		memmove(amp + 1, amp + 5, strlen(amp + 5) + 1);
	free(body);
	assert_int_equal(get_status(sup, href, &body), 200);
	assert_contains(body, "value=\"volume\" selected");
	assert_contains(body, "name=\"target\" value=\"1\"");
	free(body);
	free(href);
	free(from);
	free(n);
	assert_int_equal(get_status(viewer, "/okr/kpi?metric=nope", NULL), 400);
	assert_int_equal(get_status(viewer, "/okr/kpi?metric=volume&by1=region", NULL), 400);
	assert_int_equal(get_status(viewer, "/okr/kpi?metric=volume&threshold=x", NULL), 400);
}

/* Every metric breaks down by technician (the ticket's current assignee):
 * a technician's node counts that technician's tickets, its link makes a
 * key result of that technician's tickets, whose value counts them too. */
static void
test_kpi_tree_by_technician_for_any_metric(void **state)
{
	long long c = new_cycle(-5, 30, "active");
	long long o = new_objective(sup, c, "Per technician", "company", 0, 0);
	char *body, *from, *node, *n, *tid, *name, *href, *amp, *code, sql[384], fields[512];
	char label[160];
	double v;

	(void)state;
	code = hc_repair_ticket("kpi technician level test");
	tid = stack_sql_value("SELECT id FROM users WHERE login = 'tech2'");
	name = stack_sql_value("SELECT name FROM users WHERE login = 'tech2'");
	assert_non_null(tid);
	assert_non_null(name);
	snprintf(sql, sizeof(sql), "UPDATE tickets SET assignee_id = %s, updated_at = UTC_TIMESTAMP()"
	    " WHERE track_code = '%s'", tid, code);
	assert_int_equal(stack_sql(sql), 0);
	assert_int_equal(get_status(sup, "/okr/kpi?metric=volume&threshold=1&by1=technician"
	    "&by2=channel", &body), 200);
	from = after(body, "统计期 ");
	from[10] = '\0';
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE assignee_id = %s AND "
	    "created_at >= CONVERT_TZ('%s 00:00:00', '+08:00', '+00:00')", tid, from);
	n = stack_sql_value(sql);
	snprintf(label, sizeof(label), "<strong>%s</strong>", name);
	node = strstr(body, label);
	assert_non_null(node);
	{
		char *got = after(node, "data-n=\"");

		assert_string_equal(got, n);
		assert_true(strtol(got, NULL, 10) >= 1);
		free(got);
	}
	/* below the technician: the channel level of that technician's tickets */
	assert_non_null(strstr(node, "depth-2"));
	/* its tickets: the queue's drill-down by that assignee counts the same */
	href = after(strstr(node, "class=\"drill\""), "href=\"");
	while ((amp = strstr(href, "&amp;")) != NULL)
		memmove(amp + 1, amp + 5, strlen(amp + 5) + 1);
	snprintf(label, sizeof(label), "assignee=%s", tid);
	assert_non_null(strstr(href, label));
	{
		char *queue, *count;

		assert_int_equal(get_status(sup, href, &queue), 200);
		count = after(queue, "class=\"q-drill-n\">");
		assert_int_equal(strtol(count, NULL, 10), strtol(n, NULL, 10));
		free(count);
		free(queue);
	}
	free(href);
	href = after(strstr(node, "class=\"make-kr\""), "href=\"");
	while ((amp = strstr(href, "&amp;")) != NULL)
		memmove(amp + 1, amp + 5, strlen(amp + 5) + 1);
	assert_non_null(strstr(href, "technician="));
	free(body);
	assert_int_equal(get_status(sup, href, &body), 200);
	snprintf(label, sizeof(label), "<option value=\"%s\" selected>", tid);
	assert_non_null(strstr(strstr(body, "name=\"technician\""), label));
	free(body);
	/* the key result of that technician's tickets counts them */
	snprintf(fields, sizeof(fields), "title=Volume+of+tech2&kind=stay_below&start=0"
	    "&target=1000&unit=&weight=1&owner=&source=metric&metric=volume&category=&team="
	    "&channel=&technician=%s&window_days=", tid);
	new_kr(sup, o, fields);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE assignee_id = %s AND "
	    "created_at >= CONVERT_TZ(DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR"
	    " - INTERVAL 5 DAY, '%%Y-%%m-%%d 00:00:00'), '+08:00', '+00:00')", tid);
	free(n);
	n = stack_sql_value(sql);
	v = csv_current(c, "Volume of tech2");
	assert_true(v == strtod(n, NULL));
	free(n);
	free(href);
	free(from);
	free(tid);
	free(name);
	free(code);
}

static void
test_weekly_report_figures(void **state)
{
	long long c = new_cycle(-60, 60, "active");
	long long o = new_objective(sup, c, "Weekly", "team", user_id("supervisor"), 0);
	long long moved = new_kr(sup, o, MANUAL_KR), idle;
	char path[64], page[64], sql[256], monday[16], *body, *n, *cur;
	time_t t = time(NULL) + 8 * 3600;
	struct tm tm;

	(void)state;
	idle = new_kr(sup, o, "title=Idle+key+result&kind=increase_to&start=0&target=5&unit="
	    "&weight=1&owner=&source=manual&metric=&category=&team=&channel=&window_days=");
	snprintf(path, sizeof(path), "/okr/krs/%lld/checkins", moved);
	snprintf(page, sizeof(page), "/okr/krs/%lld", moved);
	assert_int_equal(post(sup, page, path, "value=3&confidence=on_track&comment=",
	    NULL, NULL, NULL), 303);
	gmtime_r(&t, &tm);
	day_str(-((tm.tm_wday + 6) % 7), monday);
	snprintf(path, sizeof(path), "/okr/weekly?week=%s&cycle=%lld", monday, c);
	assert_int_equal(get_status(viewer, path, &body), 200);
	/* this week's volume: tickets created since Monday, China time */
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM tickets WHERE created_at >= "
	    "CONVERT_TZ('%s 00:00:00', '+08:00', '+00:00')", monday);
	n = stack_sql_value(sql);
	cur = after(strstr(body, "id=\"svc-volume\""), "data-value=\"");
	assert_string_equal(cur, n);
	free(cur);
	free(n);
	/* the key result checked in moved 0 → 3; the idle one is missing */
	{
		char *m = strstr(body, "class=\"moved\""), *off = strstr(body, "class=\"off-track\"");

		assert_non_null(m);
		assert_non_null(off);
		m = strndup(m, (size_t)(off - m));
		assert_contains(m, "Trained technicians");
		assert_contains(m, "0 → 3");
		assert_not_contains(m, "Idle key result");
		free(m);
	}
	assert_contains(strstr(body, "class=\"missing\""), "Idle key result");
	assert_not_contains(strstr(body, "class=\"missing\""), "Trained technicians");
	free(body);
	(void)idle;
	assert_int_equal(get_status(viewer, "/okr/weekly?cycle=999999999", NULL), 404);
	assert_int_equal(get_status(viewer, "/okr/weekly?week=2026-13-45", NULL), 404);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_board_needs_sign_in),
		cmocka_unit_test(test_board_shows_tree_scores_and_attention),
		cmocka_unit_test(test_unknown_ids_are_404),
		cmocka_unit_test(test_parent_of_another_cycle_is_404),
		cmocka_unit_test(test_board_by_team_and_mine),
		cmocka_unit_test(test_checkin_moves_score),
		cmocka_unit_test(test_checkins_reach_key_results_in_any_order),
		cmocka_unit_test(test_kr_edit_changes_target_keeps_checkins),
		cmocka_unit_test(test_checkin_invalid_keeps_values),
		cmocka_unit_test(test_checkin_without_csrf_is_refused),
		cmocka_unit_test(test_checkins_are_append_only),
		cmocka_unit_test(test_owner_checks_in_others_read),
		cmocka_unit_test(test_objective_edit_conflict_is_409),
		cmocka_unit_test(test_objective_invalid_keeps_values),
		cmocka_unit_test(test_objective_parent_loop_is_refused),
		cmocka_unit_test(test_kr_direction_and_metric_checked),
		cmocka_unit_test(test_metric_kr_equals_tickets_counted),
		cmocka_unit_test(test_metric_kr_with_team_filter_names_it),
		cmocka_unit_test(test_metric_kr_refuses_typed_value),
		cmocka_unit_test(test_metric_kr_window_is_whole_days),
		cmocka_unit_test(test_journey_link_prefills_form),
		cmocka_unit_test(test_initiative_added_and_checked),
		cmocka_unit_test(test_close_review_and_carry),
		cmocka_unit_test(test_cycle_form_invalid_keeps_values),
		cmocka_unit_test(test_csv_export),
		cmocka_unit_test(test_kpi_tree_root_counts_tickets),
		cmocka_unit_test(test_kpi_tree_by_technician_for_any_metric),
		cmocka_unit_test(test_weekly_report_figures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
