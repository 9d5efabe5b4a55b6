-- Who runs a study and how panelists reach them: shown on the panelist pages and in every email.
ALTER TABLE study ADD COLUMN organisation VARCHAR(300);
ALTER TABLE study ADD COLUMN contact_name VARCHAR(200);
ALTER TABLE study ADD COLUMN contact_email VARCHAR(320);
ALTER TABLE study ADD COLUMN contact_phone VARCHAR(50);
ALTER TABLE study ADD COLUMN sender_name VARCHAR(200);
ALTER TABLE study ADD COLUMN information_sheet VARCHAR(100000);
ALTER TABLE study ADD COLUMN data_protection VARCHAR(20000);
