package org.planbridge.integration.control;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The builtins that can run long or build large results inside one step, bound in the evaluation's frame over
 * JSONata's own (a frame's names hide the library's): each checks what it is about to do against the
 * {@link Budget}, then calls the library. A regular expression is first run over {@link DeadlineChars}, which
 * stops a backtracking pattern at the deadline; a run that finished in time is then repeated by the library at
 * the same cost. {@code $eval} is refused: it would evaluate text the template did not show when it was saved.
 */
final class GuardedFunctions {

  private GuardedFunctions() {}

  static void bind(Frame frame, Budget budget) {
    frame.bind("pad", Jsonata.function("pad", (Jsonata.Fn3<String, Number, String, String>) (text, width, with) -> {
      if (width != null) {
        budget.chars(Math.abs(width.longValue()));
      }
      return Functions.pad(text, width, with);
    }, "<s-ns?:s>"));
    frame.bind("match", Jsonata.function("match", (Jsonata.Fn3<String, Pattern, Integer, Object>) (text, pattern, limit) -> {
      matches(text, pattern, budget);
      return Functions.match(text, pattern, limit);
    }, "<s-f<s:o>n?:a<o>>"));
    frame.bind("contains", Jsonata.function("contains", (Jsonata.Fn2<String, Object, Boolean>) (text, pattern) -> {
      matches(text, pattern, budget);
      return Functions.contains(text, pattern);
    }, "<s-(sf):b>"));
    frame.bind("split", Jsonata.function("split", (Jsonata.Fn3<String, Object, Number, Object>) (text, pattern, limit) -> {
      matches(text, pattern, budget);
      return Functions.split(text, pattern, limit);
    }, "<s-(sf)n?:a<s>>"));
    frame.bind("replace", Jsonata.function("replace",
        (Jsonata.Fn4<String, Object, Object, Integer, String>) (text, pattern, replacement, limit) -> {
          long found = matches(text, pattern, budget);
          if (text != null && replacement instanceof String with) {
            budget.chars(text.length() + found * with.length());
          }
          return Functions.replace(text, pattern, replacement, limit);
        }, "<s-(sf)(sf)n?:s>"));
    frame.bind("eval", Jsonata.function("eval", (Jsonata.Fn2<String, Object, Object>) (text, context) -> {
      throw new Exceeded("$eval is not allowed in a template");
    }, "<sx?:x>"));
  }

  /** How often the pattern (a regular expression or a text) occurs, found under the deadline. */
  private static long matches(String text, Object pattern, Budget budget) {
    if (text == null) {
      return 0;
    }
    long found = 0;
    if (pattern instanceof Pattern regex) {
      Matcher matcher = regex.matcher(new DeadlineChars(text, budget));
      while (matcher.find()) {
        found++;
      }
    } else if (pattern instanceof String part && !part.isEmpty()) {
      for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
        found++;
      }
    }
    return found;
  }
}
