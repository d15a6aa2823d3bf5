package org.equivariant4j.distributed.spark;

import java.io.Serializable;
import java.util.Iterator;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;

import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * {@code mapPartitions} as a barrier stage ({@code RDD.barrier()}): Spark launches all its tasks together or none
 * (gang scheduling), and a failed task restarts them all. The Java API has no {@code barrier()}, so this adapts a
 * Java function to the Scala one {@code RDDBarrier.mapPartitions} takes.
 */
final class BarrierStage {
    private BarrierStage() {
    }

    static <T, U> JavaRDD<U> mapPartitions(JavaRDD<T> input, FlatMapFunction<Iterator<T>, U> work) {
        @SuppressWarnings("unchecked")
        ClassTag<U> tag = (ClassTag<U>) ClassTag$.MODULE$.AnyRef();
        RDD<U> out = input.rdd().barrier().mapPartitions(new ScalaFunction<>(work), false, tag);
        return JavaRDD.fromRDD(out, tag);
    }

    /** The Java partition function as a serialisable Scala {@code Iterator => Iterator}. */
    private static final class ScalaFunction<T, U> extends AbstractFunction1<scala.collection.Iterator<T>, scala.collection.Iterator<U>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final FlatMapFunction<Iterator<T>, U> work;

        ScalaFunction(FlatMapFunction<Iterator<T>, U> work) {
            this.work = work;
        }

        @Override
        public scala.collection.Iterator<U> apply(scala.collection.Iterator<T> partition) {
            try {
                return CollectionConverters.asScala(work.call(CollectionConverters.asJava(partition)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("barrier task failed: " + e, e);
            }
        }
    }
}
