package org.studentregistry.domain.paging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageRequestTest {

    private static final SortOrder BY_ID = SortOrder.ascending("id");

    @Test
    void theOffsetIsThePageTimesItsSize() {
        assertEquals(0, new PageRequest(0, 20, BY_ID).offset());
        assertEquals(60, new PageRequest(3, 20, BY_ID).offset());
    }

    @Test
    void aPageTooFarToMultiplyOutStartsBeyondAnyTable() {
        assertEquals(Long.MAX_VALUE, new PageRequest(Long.MAX_VALUE, 20, BY_ID).offset());
        assertEquals(Long.MAX_VALUE, new PageRequest(Long.MAX_VALUE / 20 + 1, 20, BY_ID).offset());
    }
}
