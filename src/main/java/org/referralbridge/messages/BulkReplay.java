package org.referralbridge.messages;

import java.util.List;

/**
 * What became of a bulk replay.
 *
 * @param replayed how many were put back on their queue
 * @param skipped how many were not (not replayable, not found, failed: see results)
 * @param more true when more messages matched than one request replays ({@code bridge.messages.max-bulk-replay}):
 *     send the same request again for the rest
 * @param results one per message, in the order they were replayed (oldest first)
 */
public record BulkReplay(int replayed, int skipped, boolean more, List<ReplayResult> results) {

  static BulkReplay of(List<ReplayResult> results, boolean more) {
    int replayed = (int) results.stream().filter(ReplayResult::replayed).count();
    return new BulkReplay(replayed, results.size() - replayed, more, List.copyOf(results));
  }
}
