/** Models as trees of named parameters: {@link org.equivariant4j.core.module.Module} and {@link org.equivariant4j.core.module.Parameter}. */
package org.equivariant4j.core.module;
