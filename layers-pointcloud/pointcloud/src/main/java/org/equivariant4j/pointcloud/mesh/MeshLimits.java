package org.equivariant4j.pointcloud.mesh;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * What a mesh reader accepts from an untrusted file: at most {@code maxVertices} vertices, {@code maxFaces} faces
 * (after fan triangulation, triangles), {@code maxLineLength} characters per line and {@code maxPolygon} corners per
 * face. Declared counts are checked against these before anything is allocated, and arrays grow only as data
 * arrives, so a file claiming a billion vertices in a few bytes costs nothing.
 */
public record MeshLimits(int maxVertices, int maxFaces, int maxLineLength, int maxPolygon) {

    /** Generous for ModelNet40 (its largest meshes have a few hundred thousand faces). */
    public static final MeshLimits DEFAULT = new MeshLimits(5_000_000, 10_000_000, 65_536, 1_024);

    public MeshLimits {
        if (maxVertices < 3 || maxFaces < 1 || maxLineLength < 16 || maxPolygon < 3) {
            throw new InvalidArgumentException("MeshLimits: limits too small: " + maxVertices + " vertices, " + maxFaces
                    + " faces, " + maxLineLength + " characters per line, " + maxPolygon + " corners");
        }
    }
}
