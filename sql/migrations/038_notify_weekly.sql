-- The OKR weekly report by message (README "Notifications"): a staff member
-- subscribes on their own account page (/account); sl-notify's scan sends
-- the report of the week that ended, once per week, to every active
-- subscriber on the channels the admin's rules give the event "weekly".
ALTER TABLE users
  ADD COLUMN IF NOT EXISTS notify_weekly TINYINT(1) NOT NULL DEFAULT 0 AFTER lang;
