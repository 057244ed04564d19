package io.tsunagu.invitations;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

/**
 * What the invitation tests share: approved events to invite to, and sending invitations through the
 * service as an organiser does.
 */
abstract class InvitationTestBase {

	@Autowired
	InvitationWaves waves;

	@Autowired
	RsvpAnswers answers;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	ApprovedEvents events;

	InvitationTestSupport support;

	@BeforeEach
	void approvedEventsAndInvitations() {
		this.events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		this.support = new InvitationTestSupport(this.waves, this.events, this.jdbc);
	}

}
