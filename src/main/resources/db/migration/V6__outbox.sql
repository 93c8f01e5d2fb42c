-- Transactional outbox: a message is recorded in the same transaction as the change it reports and handed to the
-- broker after commit; queued_at says when the broker took it. A relay sends the PENDING rows it is still NULL for.
-- Portable SQL (H2 and PostgreSQL).
ALTER TABLE bridge_outbound_message ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;

-- finished or retrying rows were on the broker once; PENDING rows are left NULL on purpose: the old code could
-- leave a notification recorded and never queued (broker down between the two steps), the relay now sends it.
-- A PENDING row whose copy is still on the queue is sent twice: delivery skips the copy that comes second.
UPDATE bridge_outbound_message SET queued_at = updated_at WHERE status <> 'PENDING';

-- the relay's query: PENDING, not queued, oldest first
CREATE INDEX ix_bridge_outbound_unqueued ON bridge_outbound_message (status, queued_at, created_at);
