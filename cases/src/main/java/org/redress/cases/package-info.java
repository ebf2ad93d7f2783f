/**
 * Workspace persistence: {@link org.redress.cases.Workspace} opens (and creates and migrates with
 * Flyway) the SQLite database {@code redress.db} in a workspace directory; {@link
 * org.redress.cases.BankStore} keeps banks of hashed items and the allow list through JDBI, every
 * change in one transaction, and loads them into a {@link org.redress.match.Matcher}; {@link
 * org.redress.cases.ItemFormat} reads and writes the exchange formats (HMA / python-threatexchange
 * lines, JSON lines, CSV). The migrations are portable SQL so that PostgreSQL can use them too.
 */
package org.redress.cases;
