package ecrbridge.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A CloudFormation template holding the repository as an {@code AWS::ECR::Repository} with the
 * policy in {@code RepositoryPolicyText}, written as a YAML mapping by the YAML library.
 * CloudFormation has no resource for a repository policy alone, so the stack owns the
 * repository: an existing one is brought in by a resource import, which requires the
 * {@code DeletionPolicy} written here; {@code Retain} also keeps the images if the stack is
 * deleted. An import leaves the resource as it is, so the policy takes effect only with the
 * stack update that follows, which the header says. There is no output for every repository
 * of an account: each would need its own resource, and the portal does not know their names.
 */
final class CloudFormationPolicy {

  static final String RESOURCE_TYPE = "AWS::ECR::Repository";

  /** CloudFormation user guide, resources: a logical ID is alphanumeric, at most 255. */
  private static final int LOGICAL_ID_MAX_LENGTH = 255;

  private static final String LOGICAL_ID_SUFFIX = "Repository";

  /**
   * Every string value is double-quoted: with quotes minimised, the library writes
   * {@code 2012-10-17} bare, which YAML 1.1 readers take for a date, and account IDs bare,
   * which they take for numbers.
   */
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CloudFormationPolicy() {
  }

  static String forRepository(RepositoryTarget target, JsonNode policy) {
    String name = target.repository().orElseThrow(() -> new IllegalArgumentException(
        "CloudFormation needs a repository name."));
    ObjectNode template = JSON.objectNode();
    ObjectNode repository = template.putObject("Resources").putObject(logicalId(name));
    repository.put("Type", RESOURCE_TYPE);
    repository.put("DeletionPolicy", "Retain");
    repository.put("UpdateReplacePolicy", "Retain");
    ObjectNode properties = repository.putObject("Properties");
    properties.put("RepositoryName", name);
    properties.set("RepositoryPolicyText", policy.deepCopy());

    return "# ECR Bridge: repository " + name + " with its policy.\n"
        + "# Deploy in account " + target.accountId() + ", region " + target.region()
        + "; the policy replaces the current one.\n"
        + "# If the repository exists, import it into the stack first, then update the stack"
        + " with\n"
        + "# this template: an import changes nothing.\n"
        + write(template);
  }

  /** The name's words, capitalised and joined: {@code team/tools-image} gives TeamToolsImage. */
  static String logicalId(String repositoryName) {
    String words = Arrays.stream(repositoryName.split("[^a-z0-9]+"))
        .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
        .collect(Collectors.joining());
    int room = LOGICAL_ID_MAX_LENGTH - LOGICAL_ID_SUFFIX.length();
    return words.substring(0, Math.min(words.length(), room)) + LOGICAL_ID_SUFFIX;
  }

  private static String write(ObjectNode template) {
    try {
      return YAML.writeValueAsString(template);
    } catch (JsonProcessingException impossible) {
      // A tree built in memory always serializes; this only satisfies the checked signature.
      throw new UncheckedIOException(impossible);
    }
  }
}
