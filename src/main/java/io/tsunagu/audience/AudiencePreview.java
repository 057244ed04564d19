package io.tsunagu.audience;

import java.util.List;

import io.tsunagu.directory.EmployeeRef;

/**
 * What the organiser sees before an announcement goes out: how many it reaches and some of them.
 */
public record AudiencePreview(long count, List<EmployeeRef> sample) {
}
