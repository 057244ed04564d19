package io.tsunagu.accounts;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A local login. It is tied to the employee with the same email address, if there is one: the first
 * administrator of a new installation exists before the org chart is imported.
 */
@Entity
@Table(name = "accounts")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String passwordHash;

	private boolean admin;

	private boolean enabled = true;

	private Instant createdAt = Instant.now();

	protected Account() {
	}

	Account(String email, String passwordHash, boolean admin) {
		this.email = email;
		this.passwordHash = passwordHash;
		this.admin = admin;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	Long getId() {
		return this.id;
	}

	String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isAdmin() {
		return this.admin;
	}

	boolean isEnabled() {
		return this.enabled;
	}

}
