package io.tsunagu.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a step may wait before its approver is reminded (then at most once a day).
 */
@ConfigurationProperties("tsunagu.approval")
record ApprovalSettings(@DefaultValue("3d") Duration reminderAfter) {
}
