package org.studentregistry.web.pages;

import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.StaleVersionException;
import org.studentregistry.service.WriteConflictException;

import java.io.Serializable;
import java.util.OptionalLong;

/**
 * The confirmation before a record is deleted ({@code /students/delete?id=N}). The deletion applies to the version
 * shown: if someone changed the record meanwhile, the page shows the new details and asks again.
 */
public abstract class RecordDeleteView<T extends VersionedEntity> implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private long recordId;
    private long version;
    private T record;

    protected abstract RecordService<T> service();

    /** The list to return to, without the context path: {@code /students} for students. */
    protected String listPath() {
        return "/" + noun() + "s";
    }

    /** What a record is called in messages ("student"). */
    protected String noun() {
        return service().noun();
    }

    /**
     * What the page shows of the stored record, and what the view keeps of it (in the session, which a cluster
     * replicates): the record itself unless it holds something that must stay in the service.
     */
    protected T shown(T stored) {
        return stored;
    }

    private void show(T stored) {
        recordId = stored.getId();
        version = stored.getVersion();
        record = shown(stored);
    }

    public void load() {
        OptionalLong parsed = Pages.parseLong(id);
        if (parsed.isEmpty()) {
            Pages.notFound("There is no " + noun() + " with id " + id + ".");
            return;
        }
        try {
            show(service().get(parsed.getAsLong()));
        } catch (RecordNotFoundException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void delete() {
        try {
            service().delete(recordId, version);
            Pages.redirect(listPath(), "Deleted " + noun() + " " + service().describe(record) + ".");
        } catch (StaleVersionException e) {
            try {
                show(service().get(recordId));
                Pages.warn("Someone else changed this " + noun() + " meanwhile. Check the details below and confirm again.");
            } catch (RecordNotFoundException gone) {
                Pages.redirect(listPath(), "This " + noun() + " had already been deleted.");
            }
        } catch (RecordNotFoundException e) {
            Pages.redirect(listPath(), "This " + noun() + " had already been deleted.");
        } catch (InvalidInputException e) {
            // A rule that forbids this deletion (the last enabled admin): said at the top, the record stays.
            e.errors().forEach(error -> Pages.error(null, error.message()));
        } catch (WriteConflictException e) {
            Pages.error(null, e.getMessage());
        }
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
