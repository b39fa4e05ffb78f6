package io.baton.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A client's webhook URL never reaches into Baton's own network, however its address is written.
 * Only literal addresses here: nothing is looked up and nothing is connected to.
 */
class WebhookTargetsTest {

  private final WebhookTargets noneAllowed = new WebhookTargets(new WebhookSettings(List.of(), null, null));

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1/hook", "http://127.8.9.10:8080/hook", "http://localhost/hook", "http://LOCALHOST./hook",
      "http://api.localhost/hook", "http://10.0.0.5/hook", "http://172.16.0.1/", "http://172.31.255.255/",
      "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data/", "http://169.254.10.1/",
      "http://0.0.0.0/", "http://0/", "http://224.0.0.1/", "http://255.255.255.255/", "http://100.64.0.1/",
      // the same addresses in the other notations C libraries accept
      "http://2130706433/", "http://0x7f.1/", "http://0x7f000001/", "http://017700000001/", "http://0177.0.0.1/",
      "http://127.1/", "http://10.1/", "http://3232235777/", "http://0xA9.0xFE.0xA9.0xFE/",
      // IPv6, and IPv4 inside IPv6
      "http://[::1]/", "http://[::]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
      "http://[fd00:ec2::254]/", "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
      "http://[::ffff:10.0.0.5]/", "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:5]/",
      "http://[2002:a00:5::1]/", "https://user:password@127.0.0.1:8443/hook",
  })
  void internalAddressesAreRefusedWhenACaseIsOpened(String url) {
    assertThatThrownBy(() -> noneAllowed.check(url)).isInstanceOf(RefusedWebhookTarget.class)
        .hasMessageContaining("Baton does not send webhooks there");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://crm.example/hook", "file:///etc/passwd", "gopher://127.0.0.1/", "crm.example/hook",
      "javascript:alert(1)", "http:///nohost"})
  void onlyHttpAndHttpsUrlsWithAHostAreTaken(String url) {
    assertThatThrownBy(() -> noneAllowed.check(url)).isInstanceOf(RefusedWebhookTarget.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://crm.rila.example/hooks/baton", "http://93.184.216.34/hook",
      "https://[2606:4700::1111]/hook", "https://172.32.0.1/", "https://192.169.0.1/", "http://11.0.0.1/",
      "https://crm.example:8443/h?x=1"})
  void publicAddressesAndNamesAreTaken(String url) {
    assertThatCode(() -> noneAllowed.check(url)).doesNotThrowAnyException();
  }

  @Test
  void theMetadataServiceIsNamedAsSuch() {
    assertThatThrownBy(() -> noneAllowed.check("http://169.254.169.254/")).hasMessageContaining("cloud metadata");
    assertThatThrownBy(() -> noneAllowed.check("http://[fd00:ec2::254]/")).hasMessageContaining("cloud metadata");
    assertThatThrownBy(() -> noneAllowed.check("http://2130706433/")).hasMessageContaining("loopback");
    assertThatThrownBy(() -> noneAllowed.check("http://0x7f.1/")).hasMessageContaining("loopback");
  }

  @Test
  void addressesOutOfRangeAreNotAddresses() {
    assertThatThrownBy(() -> noneAllowed.check("http://256.1.1.1/")).hasMessageContaining("not a valid address");
    assertThatThrownBy(() -> noneAllowed.check("http://4294967296/")).hasMessageContaining("not a valid address");
  }

  @Test
  void theAllowListNamesHostsOrHostsWithAPort() {
    WebhookTargets targets = new WebhookTargets(new WebhookSettings(
        List.of("127.0.0.1", "hooks.internal:8443", "[::1]:9000", "10.0.0.7:80"), null, null));

    assertThatCode(() -> targets.check("http://127.0.0.1:34567/hook")).doesNotThrowAnyException();
    assertThatCode(() -> targets.check("http://2130706433:34567/hook")).as("the same address, written otherwise")
        .doesNotThrowAnyException();
    assertThatCode(() -> targets.check("https://hooks.internal:8443/")).doesNotThrowAnyException();
    assertThatCode(() -> targets.check("http://[::1]:9000/")).doesNotThrowAnyException();
    assertThatCode(() -> targets.check("http://10.0.0.7/")).doesNotThrowAnyException();
    assertThatThrownBy(() -> targets.check("http://[::1]:9001/")).isInstanceOf(RefusedWebhookTarget.class);
    assertThatThrownBy(() -> targets.check("http://10.0.0.7:8080/")).isInstanceOf(RefusedWebhookTarget.class);
    assertThatThrownBy(() -> targets.check("http://127.0.0.2/")).isInstanceOf(RefusedWebhookTarget.class);
  }

  @Test
  void aMalformedAllowListEntryStopsStartUpNamingTheSetting() {
    assertThatThrownBy(() -> new WebhookTargets(new WebhookSettings(List.of("hooks.internal:https"), null, null)))
        .isInstanceOf(io.baton.system.BatonConfigurationException.class)
        .hasMessageContaining("baton.webhooks.allowed-hosts").hasMessageContaining("hooks.internal:https");
  }

  @Test
  void atSendTimeTheAddressToConnectToIsTheCheckedOne() throws Exception {
    WebhookTargets targets = new WebhookTargets(new WebhookSettings(List.of("127.0.0.1"), null, null));

    WebhookTargets.Target target = targets.resolve("http://127.0.0.1:8081/hooks/a?b=c");
    assertThat(target.address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(target.port()).isEqualTo(8081);
    assertThat(target.host()).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> noneAllowed.resolve("http://0x7f.1/")).hasMessageContaining("loopback");
    assertThatThrownBy(() -> noneAllowed.resolve("http://[::ffff:a9fe:a9fe]/")).hasMessageContaining("metadata");
    assertThatThrownBy(() -> noneAllowed.resolve("http://localhost:8080/")).hasMessageContaining("loopback");
    assertThat(noneAllowed.resolve("https://93.184.216.34/").port()).isEqualTo(443);
  }

  @Test
  void theAddressRulesCoverEachRange() throws Exception {
    assertThat(reason("8.8.8.8")).isNull();
    assertThat(reason("2001:4860:4860::8888")).isNull();
    assertThat(reason("127.0.0.1")).contains("loopback");
    assertThat(reason("::1")).contains("loopback");
    assertThat(reason("::ffff:127.0.0.1")).contains("loopback");
    assertThat(reason("10.255.255.255")).contains("private");
    assertThat(reason("172.15.255.255")).isNull();
    assertThat(reason("172.16.0.0")).contains("private");
    assertThat(reason("172.32.0.0")).isNull();
    assertThat(reason("192.168.0.1")).contains("private");
    assertThat(reason("fc00::")).contains("private");
    assertThat(reason("fdff:ffff::1")).contains("private");
    assertThat(reason("fe80::1")).contains("link-local");
    assertThat(reason("febf::1")).contains("link-local");
    assertThat(reason("169.254.0.1")).contains("link-local");
    assertThat(reason("169.254.169.254")).contains("metadata");
    assertThat(reason("fd00:ec2::254")).contains("metadata");
    assertThat(reason("0.0.0.0")).contains("unspecified");
    assertThat(reason("::")).contains("unspecified");
    assertThat(reason("239.255.255.250")).contains("multicast");
    assertThat(reason("ff05::2")).contains("multicast");
  }

  private static String reason(String literal) throws Exception {
    return WebhookTargets.refusalReason(InetAddress.getByName(literal));
  }
}
