package io.baton.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A machine without the browser gets the install command, not a driver stack trace. */
class BrowserTest {

  @Test
  void aMissingDriverFailsAtOnceWithTheInstallCommandForEachSystem() {
    Path missing = Path.of("/nonexistent/chromedriver");
    assertThatThrownBy(() -> Browser.requireInstalled(Path.of("/bin/sh"), missing))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith(missing + " is missing")
        .hasMessageContaining("apt-get install -y chromium chromium-driver")
        .hasMessageContaining("brew install --cask chromium chromedriver")
        .hasMessageContaining("chromedriver.exe")
        .hasMessageContaining("-Dtasklist.chromedriver=");
  }

  @Test
  void aMissingBrowserIsNamedToo() {
    Path missing = Path.of("/nonexistent/chromium");
    assertThatThrownBy(() -> Browser.requireInstalled(missing, Path.of("/bin/sh")))
        .hasMessageStartingWith(missing + " is missing");
  }
}
