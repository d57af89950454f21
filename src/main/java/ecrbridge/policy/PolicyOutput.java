package ecrbridge.policy;

/**
 * One generated output, ready to show or to serve as a download.
 *
 * @param fileName a file name without directories, safe in a Content-Disposition header
 * @param text the whole content, ending with a newline except {@link PolicyFormat#MINIFIED_JSON},
 *     whose every character is submitted
 */
public record PolicyOutput(PolicyFormat format, String fileName, String text) {

  public String contentType() {
    return format.contentType();
  }
}
