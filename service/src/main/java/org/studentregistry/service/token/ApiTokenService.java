package org.studentregistry.service.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.persistence.token.ApiTokenRepository;
import org.studentregistry.persistence.token.ApiTokenRepository.TokenCheck;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.RetriedOnLockConflict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issues, checks and revokes API tokens. A token reads {@code srt_<id>_<secret>}: the id finds its row by primary
 * key (read from the database each time, so a revocation anywhere counts at once), and the secret, 256 random bits, is
 * compared by its SHA-256, the only form stored. A fast hash is right here, unlike for passwords: nobody can guess
 * a random secret of that length, so checking a token costs microseconds, not a password hash per request.
 * Revoking deletes the row, so the next request with the token fails.
 */
@ApplicationScoped
public class ApiTokenService extends RecordService<ApiToken> {

    public static final Duration LONGEST_LIFE = Duration.ofDays(366);
    private static final String PREFIX = "srt_";
    /* Last use is recorded at most this often per token: a write per request would cost more than the check. */
    private static final Duration USE_PRECISION = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ApiTokenService.class.getName());

    private final SecureRandom random = new SecureRandom();
    private ApiTokenRepository tokens;
    private Clock clock;

    /** For CDI's proxy. */
    protected ApiTokenService() {
    }

    @Inject
    public ApiTokenService(ApiTokenRepository tokens, Validator validator) {
        this(tokens, validator, Clock.systemUTC());
    }

    ApiTokenService(ApiTokenRepository tokens, Validator validator, Clock clock) {
        super("Token", tokens, validator);
        this.tokens = tokens;
        this.clock = clock;
    }

    public Page<ApiToken> list(PageRequest request) {
        return tokens.findPage(request);
    }

    /** A new token with the given name, role and expiry, issued by {@code issuer}; its secret is in the result only. */
    @RetriedOnLockConflict
    @Transactional
    public IssuedToken issue(ApiToken details, String issuer) {
        if (details.getExpiresAt() != null) {
            refusedExpiry(details.getExpiresAt(), clock.instant()).ifPresent(refusal -> {
                throw new InvalidInputException(List.of(new FieldError("expiresAt", refusal)));
            });
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiToken token = newRecord();
        copyDetails(details, token);
        token.issue(sha256(secret), issuerName(issuer));
        ApiToken stored = insert(token);
        LOG.info(() -> "Token " + stored.getId() + " (" + stored.getName() + ", " + stored.getRole().id()
                + ", until " + stored.getExpiresAt() + ") issued by " + issuer);
        return new IssuedToken(stored, PREFIX + stored.getId() + "_" + secret);
    }

    /** Why a token may not expire at {@code expiresAt}, if it may not: only in the future, and not too far. */
    public static Optional<String> refusedExpiry(Instant expiresAt, Instant now) {
        return expiresAt.isAfter(now) && !expiresAt.isAfter(now.plus(LONGEST_LIFE)) ? Optional.empty()
                : Optional.of("Expiry must be in the future and at most " + LONGEST_LIFE.toDays() + " days away.");
    }

    /** The unexpired token a bearer credential names, if its secret is right. */
    public Optional<TokenCaller> authenticate(String credential) {
        if (credential == null || !credential.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = credential.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(credential, PREFIX.length(), separator, 10);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String secret = credential.substring(separator + 1);
        Instant now = clock.instant();
        Optional<TokenCheck> token = tokens.findForCheck(id)
                .filter(found -> MessageDigest.isEqual(
                        found.secretHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(secret).getBytes(StandardCharsets.US_ASCII)))
                .filter(found -> !found.isExpiredAt(now));
        token.filter(found -> found.lastUsedAt() == null
                        || found.lastUsedAt().isBefore(now.minus(USE_PRECISION)))
                .ifPresent(found -> markUsed(found, now));
        return token.map(found -> new TokenCaller(found.name(), found.role()));
    }

    /* The last use is for admins to read, not a condition of the request: a mark that fails leaves the old one. */
    private void markUsed(TokenCheck token, Instant now) {
        try {
            tokens.markUsed(token.id(), now.truncatedTo(ChronoUnit.MILLIS), now.minus(USE_PRECISION));
        } catch (RuntimeException e) {
            LOG.warning(() -> "The last use of token " + token.id() + " was not recorded: " + e);
        }
    }

    /** Revokes a token: it is refused from the next request on. */
    @RetriedOnLockConflict
    @Transactional
    public void revoke(long id) {
        delete(id, null);
    }

    @Override
    public ApiToken newRecord() {
        return new ApiToken();
    }

    @Override
    public void copyDetails(ApiToken from, ApiToken to) {
        to.setDetails(from.getName(), from.getRole(), from.getExpiresAt());
    }

    @Override
    public String describe(ApiToken token) {
        return token.getName();
    }

    /**
     * The issuer as stored: an admin's username fits, but an admin token's caller name ({@code token:} and a name of
     * up to 100 characters) may not, and is shortened rather than failing the write.
     */
    static String issuerName(String issuer) {
        if (issuer.length() <= ApiToken.CREATED_BY_MAX) {
            return issuer;
        }
        int end = ApiToken.CREATED_BY_MAX - 1;
        if (Character.isHighSurrogate(issuer.charAt(end - 1))) {
            end--;
        }
        return issuer.substring(0, end) + "\u2026";
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
