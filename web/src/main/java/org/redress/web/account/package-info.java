/**
 * Accounts for a workspace served beyond this computer ({@code redress serve --bind}): Argon2id
 * password hashes ({@link org.redress.web.account.Passwords}), roles, per-case access lists and the
 * audit log ({@link org.redress.web.account.Accounts}, over the workspace database), and the login
 * page.
 */
package org.redress.web.account;
