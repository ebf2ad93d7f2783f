/**
 * The case workspace in a browser: {@link org.redress.web.WorkspaceApp} starts a Javalin server
 * over one workspace, on a loopback address only, behind a per-launch token that becomes a {@code
 * SameSite=Strict} session cookie. One gate (token, session, idle lock, CSRF, Host, security
 * headers) and one exception-to-status mapper serve every feature package: {@code cases} (cases and
 * her pictures), {@code scan} (scans and the spread report), {@code evidence} (items, packages,
 * verification). Pages are JTE templates precompiled at build time; words come from {@code
 * messages_zh_CN.properties} (the default) and {@code messages_en.properties}.
 */
package org.redress.web;
