package io.tsunagu.directory;

/**
 * An administrator left the demo: the demo company is gone from the directory, and with it every row
 * that refers to its people. Published in the same transaction, so that a listener's own removals
 * commit or roll back with it.
 */
public record DemoCompanyRemoved(String administrator) {
}
