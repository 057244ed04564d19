package io.tsunagu.network;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.IsolatedDatabase;

/**
 * The network tests: on a schema of their own, where only the events they make took place, and with
 * the recording pass left to the tests that run it.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.network.record-delay=PT10H" })
@AutoConfigureMockMvc
@IsolatedDatabase("network")
abstract class NetworkTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TieRecorder recorder;

	@Autowired
	Ties ties;

	SmallCompany company;

	@BeforeEach
	void aSmallCompany() {
		this.company = new SmallCompany(this.jdbc, this.recorder);
	}

}
