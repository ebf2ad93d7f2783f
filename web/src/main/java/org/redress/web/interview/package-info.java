/**
 * The intake interview's pages: one question a screen (the next one the law needs, from {@link
 * org.redress.casework.Interview}), "I don't know" and "skip" on every question, back and review, a
 * draft saved after each answer through {@link org.redress.web.interview.InterviewDrafts}.
 */
package org.redress.web.interview;
