/**
 * The platform API, on only with {@code redress serve --api}: HMA-compatible hashing, matching and
 * curation ({@code /h}, {@code /m}, {@code /c}), the StopNCII-compatible hash feed ({@code /v1}),
 * and {@code /openapi.json}. Every call authenticates by a platform key (never by the workspace's
 * cookie, so CSRF does not apply), is checked against the key's scopes and rate limit, and is
 * written to the audit log. Answers are JSON; refusals are {@code {"message": "..."}}.
 */
package org.redress.web.api;
