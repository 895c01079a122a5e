-- Photos are stored as libvips re-encoded them (cgi/core/image.c: EXIF
-- orientation applied, no metadata, long side at most 2560 px) with a
-- thumbnail (long side at most 320 px) in the same format. Rows stored
-- before this migration have no thumbnail (NULL): their full image is
-- served in its place.
ALTER TABLE attachments
  ADD COLUMN thumb   MEDIUMBLOB NULL AFTER data,
  ADD COLUMN width   SMALLINT UNSIGNED NULL AFTER size,
  ADD COLUMN height  SMALLINT UNSIGNED NULL AFTER width;
