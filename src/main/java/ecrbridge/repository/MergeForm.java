package ecrbridge.repository;

import ecrbridge.policy.MergeResult;
import ecrbridge.policy.PolicyFormat;
import ecrbridge.policy.PolicyJson;
import ecrbridge.policy.PolicyOutput;
import ecrbridge.policy.PolicySize;
import ecrbridge.policy.RepositoryPolicy;
import ecrbridge.policy.StatementChange;
import ecrbridge.policy.StatementChange.Kind;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The merge form of a repository page and what merging gave: the pasted policy, kept as
 * pasted, and either the problem with it or the merged policy with its files. The pasted text
 * lives only in this request and the page it renders: it is never stored or logged.
 *
 * @param pastedText the repository's current policy as the visitor pasted it
 * @param error the reason it could not be read, with line and column; null when it was
 * @param result null until a merge succeeded
 * @param files the merged policy's downloads; empty until a merge succeeded
 */
public record MergeForm(String pastedText, String error, MergeResult result,
    List<PolicyOutput> files) {

  static final String FIELD = "existingPolicy";

  public MergeForm {
    files = List.copyOf(files);
  }

  static MergeForm empty() {
    return new MergeForm("", null, null, List.of());
  }

  /** Exactly what was submitted: trimming would move the line and column of a problem. */
  static String pasted(Context ctx) {
    return Optional.ofNullable(ctx.formParam(FIELD)).orElse("");
  }

  /** Not merged, since nothing was generated to merge; the text stays in the form. */
  static MergeForm unmerged(String pastedText) {
    return new MergeForm(pastedText, null, null, List.of());
  }

  static MergeForm invalid(String pastedText, String error) {
    return new MergeForm(pastedText, error, null, List.of());
  }

  static MergeForm merged(String pastedText, MergeResult result, List<PolicyOutput> files) {
    return new MergeForm(pastedText, null, result, files);
  }

  /**
   * The text for the textarea. HTML drops a newline right after {@code <textarea>}, so one is
   * added: a pasted text that starts with an empty line keeps it, and its line numbers.
   */
  public String textareaText() {
    return "\n" + pastedText;
  }

  /** The merged policy's length, pretty-printed as the page shows and serves it. */
  public PolicyLength length() {
    return new PolicyLength(PolicySize.characters(result.mergedText()),
        PolicySize.characters(PolicyJson.minified(result.merged())),
        ": remove statements or select fewer workspaces.");
  }

  /** The Version sentence, when the merge changes it; null otherwise. */
  public String versionChange() {
    if (!result.versionUpgraded()) {
      return null;
    }
    String before = result.existingVersion().map(version -> "\"" + version + "\"")
        .orElse("no Version");
    return "The policy states " + before + "; the merged policy states \""
        + RepositoryPolicy.VERSION + "\", the current policy language.";
  }

  /** How many statements each kind of change counts, e.g. {@code 2 added, 1 removed, ...}. */
  public String summaryLine() {
    Map<Kind, Long> counts = result.statements().stream()
        .collect(Collectors.groupingBy(StatementChange::kind, Collectors.counting()));
    return Arrays.stream(Kind.values())
        .filter(kind -> kind != Kind.KEPT_FOR_OTHERS || counts.containsKey(kind))
        .map(kind -> counts.getOrDefault(kind, 0L) + " " + kind.word())
        .collect(Collectors.joining(", ")) + ".";
  }

  /** The merged policy's files but the JSON, which the page shows as the policy itself. */
  public List<PolicyOutput> otherFiles() {
    return files.stream().filter(file -> file.format() != PolicyFormat.JSON).toList();
  }

  /** The removed statements' labels, which the page names before anything else. */
  public List<String> removedLabels() {
    return result.removed().stream().map(StatementChange::label).toList();
  }
}
