package org.studentregistry.web.pages;

import jakarta.annotation.PostConstruct;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.StaleVersionException;
import org.studentregistry.service.WriteConflictException;

import java.io.Serializable;
import java.util.OptionalLong;

/**
 * The form of a record, for both adding ({@code /students/new}) and editing ({@code /students/edit?id=N}).
 *
 * <p>The form edits a detached copy and remembers the version it was loaded at. If someone else saves the record
 * meanwhile, the save is refused, the page says what they saved, and what this user typed stays in the form: saving
 * again then replaces their version knowingly. No update is lost silently. Rules broken and values taken show beside
 * their fields.
 */
public abstract class RecordFormView<T extends VersionedEntity> implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private Long recordId;
    private long version;
    private T record;

    protected abstract RecordService<T> service();

    /** The list to return to, without the context path: {@code /students} for students. */
    protected String listPath() {
        return "/" + noun() + "s";
    }

    /** What a record is called in messages ("student"); also the id of the form, so fields are "student:name". */
    protected String noun() {
        return service().noun();
    }

    @PostConstruct
    void startBlank() {
        record = service().newRecord();
    }

    /** What another user saved, in words, for the page that tells this user. */
    protected String summary(T record) {
        return service().describe(record);
    }

    /** On the edit page's first request: the record to edit, or the 404 page. */
    public void loadForEdit() {
        OptionalLong parsed = Pages.parseLong(id);
        if (parsed.isEmpty()) {
            Pages.notFound("There is no " + noun() + " with id " + id + ".");
            return;
        }
        try {
            T stored = service().get(parsed.getAsLong());
            recordId = stored.getId();
            version = stored.getVersion();
            service().copyDetails(stored, record);
        } catch (RecordNotFoundException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void save() {
        try {
            if (recordId == null) {
                T created = create(record);
                Pages.redirect(listPath(), "Added " + noun() + " " + service().describe(created) + ".");
            } else {
                T updated = service().update(recordId, version, record);
                Pages.redirect(listPath(), "Saved " + service().describe(updated) + ".");
            }
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Pages.error(noun() + ":" + error.field(), error.message()));
        } catch (DuplicateValueException e) {
            Pages.error(noun() + ":" + e.field(), e.getMessage());
        } catch (StaleVersionException e) {
            showTheirVersion();
        } catch (RecordNotFoundException e) {
            redirectAsDeleted();
        } catch (WriteConflictException e) {
            Pages.error(null, e.getMessage());
        }
    }

    /**
     * Stores the new record filled in by the form. A form with fields that are not the record's details (a first
     * password) overrides it; an {@link InvalidInputException} it throws shows beside the fields it names.
     */
    protected T create(T details) {
        return service().create(details);
    }

    private void showTheirVersion() {
        try {
            T theirs = service().get(recordId);
            version = theirs.getVersion();
            Pages.error(null, "Someone else saved this " + noun() + " while you were editing. They saved: "
                    + summary(theirs) + ". Your changes are still in the form: save again to replace theirs,"
                    + " or cancel to keep theirs.");
        } catch (RecordNotFoundException gone) {
            redirectAsDeleted();
        }
    }

    private void redirectAsDeleted() {
        Pages.redirect(listPath(), "This " + noun() + " was deleted by someone else; your changes were not saved.");
    }

    public T getRecord() {
        return record;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
