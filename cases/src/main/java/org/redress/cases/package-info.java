/**
 * Workspace persistence: {@link org.redress.cases.Workspace} opens (and creates and migrates with
 * Flyway) the SQLite database {@code redress.db} in a workspace directory, or a PostgreSQL database
 * given by its JDBC URL; {@link org.redress.cases.BankStore} keeps banks of hashed items and the
 * allow list through JDBI, every change in one transaction, and loads them into a {@link
 * org.redress.match.Matcher}; {@link org.redress.cases.ItemFormat} reads and writes the exchange
 * formats (HMA / python-threatexchange lines, JSON lines, CSV). The migrations and queries are
 * portable SQL, tested on both databases.
 */
package org.redress.cases;
