-- A referral that needs attention can be corrected by staff and released: the corrected message is processed in the
-- row's place (content), and the message exactly as the sender sent it stays here (original_content), with who
-- released it. Portable SQL (H2 and PostgreSQL).
ALTER TABLE bridge_inbound_message ADD COLUMN original_content TEXT;
ALTER TABLE bridge_inbound_message ADD COLUMN released_by VARCHAR(100);
