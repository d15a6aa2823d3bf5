/** Readers of image data sets in their distributed formats. */
package org.equivariant4j.ssl.data;
