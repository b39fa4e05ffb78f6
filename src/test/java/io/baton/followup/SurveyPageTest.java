package io.baton.followup;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cases.Case;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.notification.NotificationService;
import io.baton.notification.NotificationTemplate;
import io.baton.testing.Browser;
import io.baton.testing.IntegrationSettings;
import io.baton.testing.Walk;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An Arabic-speaking client answers the satisfaction survey in headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("h2")
class SurveyPageTest {

  private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:survey-page;DB_CLOSE_DELAY=-1");
    IntegrationSettings.register(registry);
  }

  @RegisterExtension
  final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired CaseService cases;
  @Autowired FollowUps followUps;
  @Autowired TaskService taskService;
  @Autowired NotificationService notifications;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aClientAnswersTheSurveyInTheirLanguageRightToLeft() {
    at(LocalDateTime.of(2027, 2, 1, 10, 0));
    Case delivered = deliver();
    at(LocalDateTime.of(2027, 2, 2, 10, 0));
    followUps.sendDue();
    String body = notifications.list(null, delivered.getKey()).stream()
        .filter(n -> n.getTemplate().equals(NotificationTemplate.SATISFACTION_SURVEY.id())).findFirst().orElseThrow().getBodyText();
    String link = body.replaceAll("(?s).*(" + FollowUps.SURVEY_PATH + "[A-Za-z0-9_-]+).*", "$1");

    WebDriver driver = browser.driver();
    driver.get("http://localhost:" + port + link);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form")));
    browser.snapshot("form");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("كيف كان أداؤنا؟");
    assertThat(driver.findElement(By.cssSelector(".case")).getText()).contains(delivered.getKey());

    driver.findElement(By.cssSelector("input[name='score'][value='4']")).click();
    driver.findElement(By.id("comment")).sendKeys("عمل ممتاز، لكن التسليم تأخر يوماً.");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".thanks")));
    browser.snapshot("thanks");

    assertThat(driver.findElement(By.cssSelector(".thanks")).getText()).isEqualTo("شكراً لكم! تم تسجيل إجابتكم.");
    FollowUps.Answer answer = followUps.answerOf(delivered.getKey()).orElseThrow();
    assertThat(answer.score()).isEqualTo(4);
    assertThat(answer.comment()).isEqualTo("عمل ممتاز، لكن التسليم تأخر يوماً.");
  }

  private Case deliver() {
    Case opened = cases.open(new OpenCase("crm-" + UUID.randomUUID(), "شركة الأطلس للخدمات",
        "survey-" + UUID.randomUUID() + "@atlas.example", Language.AR, CASABLANCA, "it-onboarding", Tier.BASIC,
        LocalDate.of(2027, 3, 31))).theCase();
    Walk.toDelivery(taskService, opened.getKey());
    return opened;
  }


  private static void at(LocalDateTime casablancaTime) {
    Walk.at(CASABLANCA, casablancaTime);
  }
}
