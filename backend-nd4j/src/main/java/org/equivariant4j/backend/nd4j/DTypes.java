package org.equivariant4j.backend.nd4j;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.nd4j.linalg.api.buffer.DataType;

/** The mapping between our {@link DType} and ND4J's {@link DataType}. */
final class DTypes {

    private DTypes() {
    }

    public static DataType toNd4j(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT;
            case FLOAT64 -> DataType.DOUBLE;
            case INT32 -> DataType.INT;
            case INT64 -> DataType.LONG;
            case BOOL -> DataType.BOOL;
        };
    }

    public static DType fromNd4j(DataType type) {
        return switch (type) {
            case FLOAT -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            case INT -> DType.INT32;
            case LONG -> DType.INT64;
            case BOOL -> DType.BOOL;
            default -> throw new InvalidArgumentException("ND4J data type " + type + " has no equivariant4j DType");
        };
    }
}
