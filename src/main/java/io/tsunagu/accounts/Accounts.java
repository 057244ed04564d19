package io.tsunagu.accounts;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<Account, Long> {

	Optional<Account> findByEmailIgnoreCase(String email);

	boolean existsByEmailIgnoreCase(String email);

	boolean existsByAdminTrue();

}
