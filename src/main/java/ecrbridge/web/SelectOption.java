package ecrbridge.web;

import java.util.List;
import java.util.function.Function;

/** One choice of a select box: the submitted value and the text shown. */
public record SelectOption(String value, String label) {

  public static <T> List<SelectOption> of(List<T> items, Function<T, String> value,
      Function<T, String> label) {
    return items.stream().map(item -> new SelectOption(value.apply(item), label.apply(item)))
        .toList();
  }
}
