package org.equivariant4j.runtime;

/** A provider together with the plugin that contributed it, so every message can name its origin. */
public record Contribution<T>(T provider, LoadedPlugin plugin) {
}
