package org.referralbridge.translate.dirt;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A seeded, deterministic generator of dirty referrals: each variant is one valid base referral with ONE kind of
 * {@link Dirt} applied on the raw ER7 text, the kinds taken in turn (so every kind gets the same share), the base,
 * field and sub-variant chosen by a random source seeded from the seed and the variant's number (so variant n is
 * the same whatever the count). The versions kind goes through the versions in turn, so that each gets its share.
 */
final class DirtyReferrals {

  private final long seed;
  private final BaseReferrals bases;

  DirtyReferrals(long seed) {
    this(seed, BaseReferrals.load());
  }

  DirtyReferrals(long seed, BaseReferrals bases) {
    this.seed = seed;
    this.bases = bases;
  }

  List<Variant> generate(int count) {
    return IntStream.range(0, count).mapToObj(this::variant).toList();
  }

  /** Variant number n. */
  Variant variant(int n) {
    Dirt kind = Dirt.values()[n % Dirt.values().length];
    return variant(kind, n);
  }

  /** Variant number n made with the given kind (fixtures: one of each kind). */
  Variant variant(Dirt kind, int n) {
    Dirtying dirtying = new Dirtying(new Random(seed * 0x9E3779B97F4A7C15L + n), bases,
        n / Dirt.values().length);
    String message = dirt(kind).apply(dirtying);
    return new Variant(kind.kebab() + "#" + n + "[" + dirtying.description() + "]", kind, message,
        kind != Dirt.ESSENTIALS_MISSING);
  }

  List<Er7Message> bases() {
    return bases.all();
  }

  private static Function<Dirtying, String> dirt(Dirt kind) {
    return switch (kind) {
      case FREE_TEXT_CODES -> CodedDirt::freeText;
      case WRONG_TABLE_CODES -> CodedDirt::wrongTable;
      case LOCAL_IDENTIFIER_TYPES -> CodedDirt::localIdentifierTypes;
      case LANGUAGE_CODES -> CodedDirt::languages;
      case INVALID_OIDS -> CodedDirt::invalidOids;
      case MALFORMED_DATES -> ValueDirt::malformedDates;
      case MALFORMED_NUMBERS -> ValueDirt::malformedNumbers;
      case UNEXPECTED_REPEATS -> ValueDirt::unexpectedRepeats;
      case TRAILING_DELIMITERS -> ValueDirt::trailingDelimiters;
      case SEGMENTS_OUT_OF_ORDER -> StructureDirt::outOfOrder;
      case Z_SEGMENTS -> StructureDirt::zSegments;
      case EMPTY_SEGMENTS -> StructureDirt::emptySegments;
      case ESSENTIALS_MISSING -> StructureDirt::essentialsMissing;
      case LOOK_ALIKE_CHARACTERS -> TextDirt::lookAlikes;
      case ESCAPE_SEQUENCES -> TextDirt::escapes;
      case TRUNCATION_CHARACTER -> EnvelopeDirt::truncationCharacter;
      case BYTE_ORDER_MARK -> EnvelopeDirt::byteOrderMark;
      case LINE_ENDINGS -> EnvelopeDirt::lineEndings;
      case I11_EVENT -> EnvelopeDirt::i11Event;
      case VERSIONS -> EnvelopeDirt::versions;
    };
  }
}
