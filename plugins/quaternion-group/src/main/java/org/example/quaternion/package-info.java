/**
 * The quaternion group Q8 as an equivariant4j group plugin, written the way a third party writes one: it
 * compiles against {@code equivariant4j-core} alone (provided scope) and lives in its own namespace.
 * {@link org.example.quaternion.QuaternionGroup} is the group and its irreps,
 * {@link org.example.quaternion.QuaternionPlugin} the entry point the runtime discovers.
 */
package org.example.quaternion;
