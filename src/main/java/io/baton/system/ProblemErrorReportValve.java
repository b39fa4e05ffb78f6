package io.baton.system;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error report, for requests it refuses before any servlet sees them (a bad
 * escape such as {@code %zz}, a header too large, a character the request line may not hold):
 * problem+json instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    byte[] bytes = Problems.bytes(ErrorProblems.problemFor(status, null));
    try {
      response.setContentType("application/problem+json");
      response.setContentLength(bytes.length);
      OutputStream out = response.getOutputStream();
      out.write(bytes);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response was taken over; nothing more to tell.
    }
  }
}
