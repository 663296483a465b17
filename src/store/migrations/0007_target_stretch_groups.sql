-- Version 7: two-tier targets and restated targets. `stretch` is the higher
-- tier of a target such as 确保8000万元、力争1亿元 (in the record's unit;
-- `value` is the floor). `mention_group` links the mentions of one target
-- restated in the same document (the ordinal of its first mention); NULL for
-- a figure mentioned once.
ALTER TABLE targets ADD COLUMN stretch REAL;
ALTER TABLE targets ADD COLUMN mention_group INTEGER;
