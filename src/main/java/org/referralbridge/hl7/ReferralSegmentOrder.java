package org.referralbridge.hl7;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts a referral's segments into the order of the REF_I12 structure when a sender did not. Each segment that starts
 * a part of the message (RF1, PRD, PID, IN1, DG1, OBR, PV1, ...) moves with the segments that belong to it (CTD after
 * PRD, NTE and OBX after OBR, IN2/IN3 after IN1, Z-segments after whatever they follow); a note (NTE) that follows no
 * part that can have notes becomes a note on the referral, at the end. A message already in order is returned as is.
 */
public final class ReferralSegmentOrder {

  /** Rank of each segment that starts a part, in the REF_I12 structure's order. */
  private static final Map<String, Integer> RANK = Map.ofEntries(
      Map.entry("MSH", 0), Map.entry("SFT", 1), Map.entry("UAC", 2), Map.entry("RF1", 3), Map.entry("AUT", 4),
      Map.entry("PRD", 5), Map.entry("PID", 6), Map.entry("NK1", 7), Map.entry("GT1", 8), Map.entry("IN1", 9),
      Map.entry("ACC", 10), Map.entry("DG1", 11), Map.entry("DRG", 12), Map.entry("AL1", 13), Map.entry("PR1", 14),
      Map.entry("OBR", 15), Map.entry("PV1", 16), Map.entry("PV2", 17));
  private static final int REFERRAL_NOTES = 18;
  /** Parts that can have notes (NTE) of their own. */
  private static final List<String> HAVE_NOTES = List.of("OBR", "OBX", "PV1", "PV2");

  private record Part(int rank, int position, List<String> segments) {}

  private ReferralSegmentOrder() {}

  /** The segments (CR-separated, as {@link Er7Text#segments} gives them) in the structure's order. */
  public static String canonical(String segments) {
    List<Part> parts = parts(segments);
    if (inOrder(parts)) {
      return segments;
    }
    List<Part> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingInt(Part::rank).thenComparingInt(Part::position));
    List<String> out = new ArrayList<>();
    sorted.forEach(part -> out.addAll(part.segments()));
    return String.join("\r", out);
  }

  /** True when the message's segments are already in the structure's order. */
  public static boolean isCanonical(String raw) {
    return inOrder(parts(Er7Text.segments(raw)));
  }

  private static boolean inOrder(List<Part> parts) {
    for (int i = 1; i < parts.size(); i++) {
      if (parts.get(i).rank() < parts.get(i - 1).rank()) {
        return false;
      }
    }
    return true;
  }

  private static List<Part> parts(String segments) {
    List<Part> parts = new ArrayList<>();
    List<String> current = null;
    String previous = "";
    boolean procedureSeen = false;
    for (String segment : segments.split("\r")) {
      String name = segment.length() >= 3 ? segment.substring(0, 3) : segment;
      Integer rank = RANK.get(name);
      if ("AUT".equals(name) && procedureSeen) {
        rank = null; // an AUT after PR1 is that procedure's authorisation
      }
      procedureSeen |= "PR1".equals(name);
      boolean orphanNote = "NTE".equals(name) && !HAVE_NOTES.contains(previous);
      if (orphanNote) {
        parts.add(new Part(REFERRAL_NOTES, parts.size(), new ArrayList<>(List.of(segment))));
        current = null;
      } else if (rank != null || current == null) {
        current = new ArrayList<>(List.of(segment));
        parts.add(new Part(rank == null ? lastRank(parts) : rank, parts.size(), current));
      } else {
        current.add(segment);
      }
      if (!"NTE".equals(name)) {
        previous = name;
      }
    }
    return parts;
  }

  private static int lastRank(List<Part> parts) {
    return parts.isEmpty() ? 0 : parts.get(parts.size() - 1).rank();
  }
}
