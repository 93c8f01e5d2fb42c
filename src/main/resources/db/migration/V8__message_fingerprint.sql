-- Senders reuse control ids (a counter reset, one id for a referral and its later cancel): a message is a re-send
-- of another only if sender, control id and content without MSH-7 (its fingerprint, hl7.MessageFingerprint) are
-- the same. Rows accepted before this version get theirs from their kept content in the next, Java, migration
-- (messages.FingerprintBackfill); a row whose content retention already cleared keeps ''. Portable SQL (H2 and
-- PostgreSQL).
ALTER TABLE bridge_inbound_message ADD COLUMN fingerprint VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE bridge_inbound_message DROP CONSTRAINT uq_inbound_message;
ALTER TABLE bridge_inbound_message ADD CONSTRAINT uq_inbound_message UNIQUE (sender, control_id, fingerprint);
