/**
 * The case's preserved evidence, the package to hand over (no content inside), and the check of an
 * uploaded package with each step of the offline verifier shown.
 */
package org.redress.web.evidence;
