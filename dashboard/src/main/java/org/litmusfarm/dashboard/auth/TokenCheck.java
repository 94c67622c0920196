package org.litmusfarm.dashboard.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Guards write actions with the farm token. A request bears it as {@code Authorization: Bearer
 * TOKEN} (the API), in a {@code token} form field, or in the {@value #COOKIE} cookie the token
 * form sets (pages). Reads need no token. Tokens are compared in constant time and never logged
 * or echoed.
 */
public final class TokenCheck {
  /** The cookie pages keep the token in: HttpOnly, SameSite=Strict. */
  public static final String COOKIE = "farm_token";

  private final byte[] expected;

  public TokenCheck(String token) {
    this.expected = Objects.requireNonNull(token).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code given} is the farm token. */
  public boolean accepts(String given) {
    return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the request carries the token in its cookie (for showing the token form or not). */
  public boolean signedIn(Context ctx) {
    return accepts(ctx.cookie(COOKIE));
  }

  /** Throws 401 with the reason unless the request bears the farm token. */
  public void require(Context ctx) {
    String header = ctx.header("Authorization");
    String given = null;
    String field = ctx.method() == io.javalin.http.HandlerType.POST && !isJson(ctx) ? ctx.formParam("token") : null;
    if (header != null && header.startsWith("Bearer ")) {
      given = header.substring("Bearer ".length());
    } else if (field != null && !field.isBlank()) {
      given = field.strip();
    } else if (ctx.cookie(COOKIE) != null) {
      given = ctx.cookie(COOKIE);
    }
    if (given == null) {
      throw new UnauthorizedResponse(
          "this action needs the farm token: enter it in the token box at the top of the page,"
              + " or send Authorization: Bearer TOKEN");
    }
    if (!accepts(given)) {
      throw new UnauthorizedResponse("wrong farm token");
    }
  }

  /** Keeps the token in the browser (HttpOnly, SameSite=Strict, for the session). */
  public void remember(Context ctx, String token) {
    ctx.cookie(new Cookie(COOKIE, token, "/", -1, false, true, null, SameSite.STRICT));
  }

  private static boolean isJson(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.startsWith("application/json");
  }
}
