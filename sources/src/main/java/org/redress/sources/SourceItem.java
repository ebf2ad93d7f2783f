package org.redress.sources;

/**
 * What a {@link Source} yields, in order: a {@link Post} (a message with its media) or a loose
 * {@link MediaRef} (a file in a folder or ZIP that no export mentions).
 */
public sealed interface SourceItem permits Post, MediaRef {}
