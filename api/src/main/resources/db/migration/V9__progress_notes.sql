-- A note kept with a checklist change (an instructor's "why", such as "checked in class").
ALTER TABLE progress_event ADD COLUMN note VARCHAR(500);
