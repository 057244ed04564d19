package io.tsunagu.invitations;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReminderSchedules extends JpaRepository<ReminderSchedule, Long> {

}
