package org.concord.report.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * openhtmltopdf reports every stylesheet and font it loads at INFO; this passes on only its
 * warnings and errors, to JBoss Logging under the library's own category names (such as {@code
 * com.openhtmltopdf.load}).
 */
final class PdfLibraryLog implements XRLogger {

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    if (isShown(level)) {
      Logger.Level to =
          level.intValue() >= Level.SEVERE.intValue() ? Logger.Level.ERROR : Logger.Level.WARN;
      Logger.getLogger(where).log(to, message, error);
    }
  }

  /**
   * Levels below WARNING stay off whatever the library asks; Quarkus's log settings do the rest.
   */
  @Override
  public void setLevel(String logger, Level level) {}

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    return isShown(diagnostic.getLevel());
  }

  private static boolean isShown(Level level) {
    return level.intValue() >= Level.WARNING.intValue();
  }
}
