-- The sums per day and slice without the assignee: what every reader that
-- does not ask for a technician needs, in about a tenth of the rows of
-- metric_daily / metric_hist (which keep the assignee). Same columns, the
-- assignee 0; rebuilt with the days they sum (cgi/service/metrics.c).
CREATE TABLE IF NOT EXISTS metric_daily_slice LIKE metric_daily;
CREATE TABLE IF NOT EXISTS metric_hist_slice LIKE metric_hist;

DELETE FROM metric_daily_slice;
INSERT INTO metric_daily_slice (day, category_id, team_id, channel, assignee_id, created_n,
  created_t, fr_n, fr_s, fr_ok, res_n, res_s, res_ok, reopened_n, end_n, end_t, csat_n,
  csat_sum, csat_sat, parts_qty, parts_lines, flagged_n, acc_n, acc_s, disp_n, disp_s, arr_n,
  arr_s, onsite_n, onsite_s, ftf_d, ftf_n, rated_n, wparts_n, wparts_s, wcust_n, wcust_s)
SELECT day, category_id, team_id, channel, 0, SUM(created_n), SUM(created_t), SUM(fr_n),
  SUM(fr_s), SUM(fr_ok), SUM(res_n), SUM(res_s), SUM(res_ok), SUM(reopened_n), SUM(end_n),
  SUM(end_t), SUM(csat_n), SUM(csat_sum), SUM(csat_sat), SUM(parts_qty), SUM(parts_lines),
  SUM(flagged_n), SUM(acc_n), SUM(acc_s), SUM(disp_n), SUM(disp_s), SUM(arr_n), SUM(arr_s),
  SUM(onsite_n), SUM(onsite_s), SUM(ftf_d), SUM(ftf_n), SUM(rated_n), SUM(wparts_n),
  SUM(wparts_s), SUM(wcust_n), SUM(wcust_s)
FROM metric_daily GROUP BY day, category_id, team_id, channel;

DELETE FROM metric_hist_slice;
INSERT INTO metric_hist_slice (day, category_id, team_id, channel, assignee_id, bucket, fr_n,
  res_n, acc_n, disp_n, arr_n, onsite_n, wparts_n, wcust_n)
SELECT day, category_id, team_id, channel, 0, bucket, SUM(fr_n), SUM(res_n), SUM(acc_n),
  SUM(disp_n), SUM(arr_n), SUM(onsite_n), SUM(wparts_n), SUM(wcust_n)
FROM metric_hist GROUP BY day, category_id, team_id, channel, bucket;

UPDATE metric_state SET generation = generation + 1 WHERE id = 1;
