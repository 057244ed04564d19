package io.tsunagu.directory;

/**
 * The personal data of an employee who left was just removed from the directory, in a transaction of its
 * own: every module removes what it keeps of that person in the same transaction (listeners run
 * synchronously), so that it happens everywhere or nowhere. The former address is the last trace of the
 * person and is passed on only to find what they left under it.
 */
public record EmployeeAnonymised(long employeeId, String formerEmail, String replacementEmail) {
}
