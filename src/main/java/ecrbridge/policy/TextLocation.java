package ecrbridge.policy;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.Optional;

/** A place in a text as people count: the first line is line 1, its first character column 1. */
public record TextLocation(int line, int column) {

  /** Jackson's location, when it knows one (it counts from 1 too). */
  static Optional<TextLocation> of(JsonLocation location) {
    if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
      return Optional.empty();
    }
    return Optional.of(new TextLocation(location.getLineNr(), location.getColumnNr()));
  }

  /** As it reads inside a sentence: {@code line 3, column 5}. */
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
