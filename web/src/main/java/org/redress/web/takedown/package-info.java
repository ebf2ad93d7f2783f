/**
 * The takedown tracker page of a case: per platform, the notices sent (Civil Code Art 1195), the
 * answers (the platform's feedback, the API, or entered by hand), the days since the first notice,
 * and the escalation the tracker proposes when a platform has not blocked.
 */
package org.redress.web.takedown;
