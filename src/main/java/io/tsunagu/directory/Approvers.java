package io.tsunagu.directory;

/**
 * The people who sign off a plan for a department, in the order they decide: executive, officer,
 * manager.
 */
public record Approvers(EmployeeRef executive, EmployeeRef officer, EmployeeRef manager) {
}
