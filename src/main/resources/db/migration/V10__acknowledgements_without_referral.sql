-- An application acknowledgement of a referrer's results that matched no open referral is a message to the partner
-- about no referral: its service_request_id is null (delivered in a group of its own).
ALTER TABLE bridge_outbound_message ALTER COLUMN service_request_id DROP NOT NULL;
