package org.studentregistry.web.pages.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.token.ApiTokenService;
import org.studentregistry.web.pages.RecordListView;

/** {@code /tokens}: a page of API tokens, by name or id; never a secret, which no one can see after issuing. */
@Named
@RequestScoped
public class TokenListView extends RecordListView<ApiToken> {

    @Inject
    private ApiTokenService tokens;

    @Override
    protected RecordService<ApiToken> service() {
        return tokens;
    }

    @Override
    protected SortOrder defaultSort() {
        return SortOrder.ascending("name");
    }

    @Override
    protected Page<ApiToken> find(PageRequest request) {
        return tokens.list(request);
    }
}
