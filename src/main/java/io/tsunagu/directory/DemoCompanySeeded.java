package io.tsunagu.directory;

import java.util.List;

/**
 * The demo company has been written into an empty database; its people need logins.
 */
public record DemoCompanySeeded(List<String> emails, List<String> administratorEmails) {
}
