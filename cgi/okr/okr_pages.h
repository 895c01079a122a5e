/* The okr plugin (/okr/): board, objectives, key results, check-ins,
 * initiatives, cycles and reviews. Handlers are thin: the model and the
 * scores are cgi/service/okr.c and kr_score.c. */
#ifndef SL_OKR_PAGES_H
#define SL_OKR_PAGES_H

#include <stddef.h>
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "okr.h"
#include "tmpl.h"

extern const struct i18n_msg okr_msgs[];
extern const size_t okr_nmsgs;

/* The one ownership rule: admins and supervisors manage everything; the
 * owner of an objective or key result (either owner id > 0 given) edits
 * it and checks in; everybody else reads. */
int	okr_may_edit(const struct req *, long long owner_a, long long owner_b);
int	okr_is_manager(const struct req *);

/* Wall-clock now, UTC epoch seconds. */
long long okr_now(void);

/* The positive id of route capture i; 0 when malformed. */
long long okr_param_id(const struct req *, int i);
/* An error page for a database result (503 when down, 409 on a conflict,
 * 500 otherwise). */
int	okr_db_fail(struct req *, enum db_rc);

/* A number as typed in a form: finite, |v| <= 1e12; "ERR_INVALID" or
 * "ERR_REQUIRED" otherwise. */
const char *okr_valid_number(const char *v, int required, double *out);
/* A number for display: up to 2 decimals, no trailing zeros (arena). */
const char *okr_num(struct arena *, double v);

/* SCORE ("0.7" or "—"), BAND (CSS), BAND_LABEL, PCT (0-100), EXP_PCT. */
void	okr_fill_score(struct req *, tmpl_dict *, double score, int has, double expected);
/* STATUS (CSS) and STATUS_LABEL. */
void	okr_fill_status(struct req *, tmpl_dict *, enum okr_status);
/* A key result's row: ID, TITLE, TYPE_LABEL, CURRENT, TARGET, START, UNIT,
 * OWNER, source, score and status, STALE section. */
void	okr_fill_kr(struct req *, tmpl_dict *, const struct okr_kr *);
/* The cycle's CYCLE_ID, CYCLE_NAME, CYCLE_FROM, CYCLE_TO, CYCLE_STATE(_LABEL). */
void	okr_fill_cycle(struct req *, tmpl_dict *, const struct okr_cycle *);

/* <option>s of the active users (section USER_OPTION) and the teams
 * (TEAM_OPTION) with the selected id marked. */
enum db_rc okr_fill_users(struct req *, tmpl_dict *, const char *section, long long selected);
enum db_rc okr_fill_teams(struct req *, tmpl_dict *, const char *section, long long selected);
/* 1 when an active user / a team of that id exists (0 is "none": 1). */
enum db_rc okr_user_exists(struct req *, long long id, int *ok);
enum db_rc okr_team_exists(struct req *, long long id, int *ok);

/* The board of the cycle of an objective / key result id (found 0 when
 * there is none); *idx is its index in the board. */
enum db_rc okr_load_for_objective(struct req *, long long id, struct okr_board *, long *idx);
enum db_rc okr_load_for_kr(struct req *, long long id, struct okr_board *, long *idx);

/* Pages. */
int	okr_board_get(struct req *);
int	okr_board_csv(struct req *);
int	okr_objective_get(struct req *);
int	okr_objective_new_get(struct req *);
int	okr_objective_new_post(struct req *);
int	okr_objective_edit_get(struct req *);
int	okr_objective_edit_post(struct req *);
int	okr_review_post(struct req *);
int	okr_kr_get(struct req *);
int	okr_kr_new_get(struct req *);
int	okr_kr_new_post(struct req *);
int	okr_kr_edit_get(struct req *);
int	okr_kr_edit_post(struct req *);
/* The key result of the route for a change: found, editable by the user
 * (its owner, its objective's owner, a manager), its cycle open. 0 ok;
 * otherwise the response sent (*sent = 1). */
int	okr_kr_for_change(struct req *, struct okr_board *, long *idx, int *sent);
int	okr_checkin_post(struct req *);
int	okr_initiative_post(struct req *);
int	okr_cycles_get(struct req *);
int	okr_cycle_new_post(struct req *);
int	okr_cycle_close_post(struct req *);
int	okr_cycle_carry_post(struct req *);
int	okr_weekly_get(struct req *);
int	okr_kpi_get(struct req *);

#endif
