-- Operators act on failures: a kept message can be replayed (put back on the inbound queue), and retention clears
-- the content (PHI) of finished messages after a while, then deletes their rows. Portable SQL (H2 and PostgreSQL).

-- the envelope's payload format, so a replay rebuilds the envelope as intake made it (every row so far: HL7 v2)
ALTER TABLE bridge_inbound_message ADD COLUMN format VARCHAR(16);
UPDATE bridge_inbound_message SET format = 'hl7v2' WHERE format IS NULL;
ALTER TABLE bridge_inbound_message ADD COLUMN replay_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bridge_inbound_message ADD COLUMN last_replayed_at TIMESTAMP WITH TIME ZONE;

-- when retention cleared the content (and outcome): the row stays, it says why the content is gone
ALTER TABLE bridge_inbound_message ADD COLUMN content_cleared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bridge_rejected_message ADD COLUMN content_cleared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bridge_outbound_message ADD COLUMN content_cleared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bridge_quarantine ADD COLUMN content_cleared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bridge_quarantine ALTER COLUMN content DROP NOT NULL;

-- operators' searches (newest first, by sender) and the retention job (finished rows by age)
CREATE INDEX ix_bridge_inbound_received ON bridge_inbound_message (received_at);
CREATE INDEX ix_bridge_inbound_sender ON bridge_inbound_message (sender, received_at);
CREATE INDEX ix_bridge_inbound_updated ON bridge_inbound_message (status, updated_at);
CREATE INDEX ix_bridge_rejected_sender ON bridge_rejected_message (sender, received_at);
CREATE INDEX ix_bridge_outbound_created ON bridge_outbound_message (created_at);
