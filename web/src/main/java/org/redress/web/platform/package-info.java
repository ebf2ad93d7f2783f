/**
 * The platform keys page of the workspace ({@code /admin/platforms}): issue a platform's API key
 * (shown once), list the keys with their scopes, rate limits and last use, and revoke one, on the
 * same store as {@code redress platform add|list|revoke}.
 */
package org.redress.web.platform;
