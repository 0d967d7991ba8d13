package org.studentregistry.web.pages.student;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.student.Student;
import org.studentregistry.persistence.paging.Page;
import org.studentregistry.persistence.paging.PageRequest;
import org.studentregistry.persistence.paging.SortOrder;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.web.pages.ListLinks;
import org.studentregistry.web.pages.Pages;
import org.studentregistry.web.paging.ListParameters;

/**
 * {@code /students}: one page of students, read from the database for each request (never the whole table).
 * An address that cannot be understood shows the first page with a note rather than an error.
 */
@Named
@RequestScoped
public class StudentListView {

    static final String PATH = "/students";
    private static final SortOrder DEFAULT_SORT = SortOrder.ascending("lastName");

    @Inject
    private StudentService students;

    private String page;
    private String sort;
    private String q;

    private Page<Student> result;
    private ListLinks links;

    public void load() {
        PageRequest request;
        try {
            request = ListParameters.toPageRequest(page, null, sort, students.sortableProperties(), DEFAULT_SORT);
        } catch (InvalidInputException e) {
            Pages.warn("That list address was not understood, so the first page is shown.");
            request = new PageRequest(0, PageRequest.DEFAULT_SIZE, DEFAULT_SORT);
        }
        result = students.list(q, request);
        if (result.isEmpty() && request.page() > result.lastPage()) {
            request = new PageRequest(result.lastPage(), request.size(), request.sort());
            result = students.list(q, request);
        }
        links = new ListLinks(contextPath() + PATH, q, request.sort(), DEFAULT_SORT, result);
    }

    private static String contextPath() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public Page<Student> getResult() {
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
