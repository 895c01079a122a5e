/* What the plan pages share (cgi/desk/plans_form.c): the interval as unit
 * + number, the default technician or team, the interval in words, and
 * the plans' catalog (keys PL_*, plans_msgs.c). */
#ifndef SL_DESK_PLANS_FORM_H
#define SL_DESK_PLANS_FORM_H

#include <stddef.h>
#include "db.h"
#include "i18n.h"
#include "plans.h"

struct req;
typedef struct tmpl_dict tmpl_dict;

/* Who a plan's tickets may go to: active technicians, agents and
 * supervisors (columns id, name, role), and the teams (id, name). */
struct plans_staff {
	struct db_res *users;
	struct db_res *teams;
};
int	plans_staff_load(struct req *, struct plans_staff *);   /* 0, or -1 (db) */

/* The interval fields interval_n and interval_unit: NULL when valid
 * (*unit, *n set), else the problem key (for the field interval_n). */
const char *plans_check_interval(const char *n_text, const char *unit_text,
	    enum plans_unit *unit, long *n);
/* The default fields assignee and team (each "" or one of st): NULL when
 * valid (*assignee, *team set, 0 for none). */
const char *plans_check_user(const char *v, const struct plans_staff *st, long long *id);
const char *plans_check_team(const char *v, const struct plans_staff *st, long long *id);

/* The form's UNIT_OPT, ASSIGNEE_OPT and TEAM_OPT sections (VALUE, LABEL,
 * SELECTED) with the values given selected (NULL: none). */
void	plans_fill_choices(struct req *, tmpl_dict *, const struct plans_staff *,
	    const char *unit, const char *assignee, const char *team);

/* The plan page of plan id (plans_page.c) with status; d (consumed) holds
 * the problems of a refused form (kept: its values), conflict adds the
 * reload note. */
int	plans_page_send(struct req *, long long id, int status, tmpl_dict *d, int kept,
	    int conflict);

/* "每 6 个月" / "every 6 months" (arena). */
const char *plans_interval_text(struct req *, const char *unit, long n);

extern const struct i18n_msg desk_msgs_plans[];
extern const size_t desk_nmsgs_plans;

#endif
