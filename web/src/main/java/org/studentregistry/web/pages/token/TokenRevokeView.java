package org.studentregistry.web.pages.token;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.token.ApiTokenService;
import org.studentregistry.web.pages.Pages;
import org.studentregistry.web.pages.RecordDeleteView;

/**
 * {@code /tokens/revoke?id=N}: the token's details and a button that revokes it. A token is never changed, so
 * there is no version to confirm: revoking applies to whatever is stored.
 */
@Named
@ViewScoped
public class TokenRevokeView extends RecordDeleteView<ApiToken> {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiTokenService tokens;

    @Override
    protected RecordService<ApiToken> service() {
        return tokens;
    }

    public void revoke() {
        ApiToken token = getRecord();
        try {
            tokens.revoke(token.getId());
            Pages.redirect(listPath(), "Revoked token " + token.getName() + ".");
        } catch (RecordNotFoundException e) {
            Pages.redirect(listPath(), "The token " + token.getName() + " had already been revoked.");
        }
    }

    /** Revoking is this page's deletion; the inherited name would say "deleted". */
    @Override
    public void delete() {
        revoke();
    }
}
