/**
 * The ties events make: who met whom at the events that took place (prepared together, or both came),
 * each person's own network, the department map for leaders (groups of at least five), and suggestions
 * of whom to invite or ask to help.
 */
package io.tsunagu.network;
