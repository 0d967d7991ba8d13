package org.studentregistry.web.pages;

import jakarta.faces.context.FacesContext;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.RecordService;
import org.studentregistry.web.paging.ListParameters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A list page: one page of records for each request, read from the database (never the whole table), with page,
 * sort and search taken from the URL. An address that cannot be understood shows the first page with a note
 * rather than an error; a page past the end shows the last one.
 */
public abstract class RecordListView<T extends VersionedEntity> {

    private String page;
    private String after;
    private String before;
    private String sort;
    private String q;

    private Page<T> result;
    private ListLinks links;

    protected abstract RecordService<T> service();

    /** The page's address, without the context path: {@code /students} for students. */
    protected String path() {
        return "/" + service().noun() + "s";
    }

    protected abstract SortOrder defaultSort();

    protected abstract Page<T> find(PageRequest request);

    /** The parameters that narrow the list, kept in every link; the search {@code q} unless a page adds more. */
    protected Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        return filters;
    }

    public void load() {
        PageRequest request;
        try {
            request = ListParameters.toPageRequest(page, null, sort, after, before, service().sortableProperties(),
                    defaultSort());
        } catch (InvalidInputException e) {
            Pages.warn("That list address was not understood, so the first page is shown.");
            request = new PageRequest(0, PageRequest.DEFAULT_SIZE, defaultSort());
        }
        result = find(request);
        if (result.isEmpty() && request.page() > result.lastPage()) {
            request = new PageRequest(result.lastPage(), request.size(), request.sort());
            result = find(request);
        }
        links = new ListLinks(contextPath() + path(), filters(), "page", request.sort(), defaultSort(), result);
    }

    protected static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public Page<T> getResult() {
        return result;
    }

    public ListLinks getLinks() {
        return links;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
