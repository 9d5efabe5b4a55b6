-- The study's time zone (closing times are shown in it), the language its own texts are written in,
-- and each panelist's language (null: the study's language).
ALTER TABLE study ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
ALTER TABLE study ADD COLUMN language VARCHAR(35) DEFAULT 'en' NOT NULL;
ALTER TABLE panelist ADD COLUMN language VARCHAR(35);
