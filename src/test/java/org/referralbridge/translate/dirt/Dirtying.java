package org.referralbridge.translate.dirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** What one variant's dirt is made with: its random source, the base referrals, and a note of what was done. */
final class Dirtying {

  private final Random random;
  private final BaseReferrals bases;
  private final List<String> notes = new ArrayList<>();
  private final int turn;
  private String baseName = "?";

  Dirtying(Random random, BaseReferrals bases, int turn) {
    this.random = random;
    this.bases = bases;
    this.turn = turn;
  }

  /** How many variants of this kind came before this one: for kinds that go through a list in turn. */
  int turn() {
    return turn;
  }

  Er7Message base() {
    return chosen(bases.any(random));
  }

  Er7Message baseWith(String segmentName) {
    return chosen(bases.with(random, segmentName));
  }

  Er7Message baseWhere(java.util.function.Predicate<Er7Message> condition) {
    return chosen(bases.where(random, condition));
  }

  @SafeVarargs
  final <T> T one(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  <T> T one(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** A random index of a segment of that name (the message must have one). */
  int anyIndexOf(Er7Message message, String segmentName) {
    return one(message.indexesOf(segmentName));
  }

  /** 0 (inclusive) to bound (exclusive). */
  int below(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Sets a value and notes it (values are short, invented, and help a reader find the variant's dirt). */
  void set(Er7Message message, int index, FieldPath path, String value) {
    message.set(index, path, value);
    int nth = message.indexesOf(path.segment()).indexOf(index) + 1;
    FieldPath shown = nth > 1 ? new FieldPath(path.segment() + "(" + nth + ")", path.field(), path.repetition(),
        path.component(), path.subComponent()) : path;
    note(shown + " = " + value);
  }

  void set(Er7Message message, int index, String path, String value) {
    set(message, index, FieldPath.parse(path), value);
  }

  void note(String note) {
    notes.add(note);
  }

  String description() {
    return baseName + ": " + String.join("; ", notes);
  }

  private Er7Message chosen(Er7Message message) {
    baseName = message.name();
    return message;
  }
}
