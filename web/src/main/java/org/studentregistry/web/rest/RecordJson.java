package org.studentregistry.web.rest;

/** What every resource's JSON form carries: the version a change was made from, when the client sends it. */
public interface RecordJson {

    Long version();
}
