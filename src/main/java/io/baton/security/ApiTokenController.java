package io.baton.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens", description = "Tokens integrations authenticate with (administrators only)")
class ApiTokenController {

  record CreateToken(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]*",
          message = "use letters, digits, spaces and . _ -") String name,
      @NotBlank @Size(max = 255) String user) {}

  record TokenView(long id, String name, String user, String prefix, Instant createdAt, String createdBy,
      Instant lastUsedAt, Instant revokedAt, String token) {

    static TokenView of(ApiToken t, String secret) {
      return new TokenView(t.getId(), t.getName(), t.getUserId(), t.getTokenPrefix(), t.getCreatedAt(),
          t.getCreatedBy(), t.getLastUsedAt(), t.getRevokedAt(), secret);
    }
  }

  private final ApiTokens tokens;

  ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping
  @Operation(summary = "Create a token for a user; the token is shown in this answer only",
      description = "Send it as 'Authorization: Bearer <token>'.")
  ResponseEntity<TokenView> create(@Valid @RequestBody CreateToken request) {
    ApiTokens.Created created = tokens.create(request.name().trim(), request.user().trim(), Caller.current().id());
    return ResponseEntity.created(URI.create("/api/tokens/" + created.token().getId()))
        .body(TokenView.of(created.token(), created.secret()));
  }

  @GetMapping
  @Operation(summary = "All tokens with their last use; never the tokens themselves")
  List<TokenView> list() {
    return tokens.list().stream().map(t -> TokenView.of(t, null)).toList();
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke a token: it stops working at once")
  TokenView revoke(@PathVariable long id) {
    return TokenView.of(tokens.revoke(id), null);
  }
}
