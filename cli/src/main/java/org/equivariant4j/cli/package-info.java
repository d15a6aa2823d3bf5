/**
 * The {@code eq4j} command ({@link org.equivariant4j.cli.Eq4j}): {@code list}, {@code run},
 * {@code check}, {@code bench} and {@code --version}, on picocli, over the plugins the runtime finds
 * on the class path; and {@link org.equivariant4j.cli.BuiltinsPlugin}, the command's own experiments.
 */
package org.equivariant4j.cli;
