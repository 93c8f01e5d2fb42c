package org.referralbridge.outbound.hl7;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The infusion-summary document.
 *
 * @param id the clinic's unique document number (TXA-12, OBR-3 filler number)
 * @param title shown to the referrer (an NTE after the document's OBX in the MDM)
 * @param author who wrote it (TXA-9 originator)
 * @param sessionTime when the session took place (TXA-4 activity, OBR-7 observation date/time)
 * @param authoredAt when the document was completed (TXA-6 origination, OBR-22)
 * @param completion TXA-17
 * @param pdf the PDF's bytes (copied in and out)
 */
public record SummaryDocument(String id, String title, PersonName author, Instant sessionTime, Instant authoredAt,
    Completion completion, byte[] pdf) {

  /** TXA-17 document completion status (table 0271). */
  public enum Completion {
    /** AU: signed by its author. */
    AUTHENTICATED("AU"),
    /** LA: legally authenticated. */
    LEGALLY_AUTHENTICATED("LA");

    private final String code;

    Completion(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public SummaryDocument {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("document id (TXA-12) is required");
    }
    Objects.requireNonNull(sessionTime, "sessionTime");
    Objects.requireNonNull(authoredAt, "authoredAt");
    Objects.requireNonNull(completion, "completion");
    Objects.requireNonNull(pdf, "pdf");
    pdf = pdf.clone();
  }

  @Override
  public byte[] pdf() {
    return pdf.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SummaryDocument that && id.equals(that.id) && Objects.equals(title, that.title)
        && Objects.equals(author, that.author) && sessionTime.equals(that.sessionTime)
        && authoredAt.equals(that.authoredAt) && completion == that.completion && Arrays.equals(pdf, that.pdf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, author, sessionTime, authoredAt, completion) * 31 + Arrays.hashCode(pdf);
  }

  @Override
  public String toString() {
    return "SummaryDocument[id=" + id + ", " + pdf.length + " bytes]";
  }
}
