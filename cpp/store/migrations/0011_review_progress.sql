-- Version 11: whether a review recorded that the family is making progress. A case open
-- longer than 26 weeks is drift unless its last review says so (issue 8's drift and delay);
-- NULL for reviews held before this was asked, which count as not recorded.
ALTER TABLE reviews ADD COLUMN progress INTEGER CHECK (progress IS NULL OR progress IN (0, 1));
