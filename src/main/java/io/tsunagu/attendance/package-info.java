/**
 * The day of the event and after it: the check-in list at the door, personal check-in codes, walk-ins,
 * who came and who did not, and the thanks to those who prepared it.
 */
package io.tsunagu.attendance;
