package org.equivariant4j.backend.nd4j;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

import org.bytedeco.javacpp.BooleanPointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.indexer.BooleanIndexer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.Indexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.LongIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.buffer.factory.DataBufferFactory;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where ND4J's allocations meet the {@link BufferPool}: a wrapper around ND4J's
 * buffer factory, through which every array ND4J makes on the Java side gets its memory (op
 * results, {@code dup}, {@code create}, {@code zeros}). A request for a new buffer of a type the pool
 * serves gets a buffer on a pooled block (zeroed if ND4J asked for zeros); everything else (buffers
 * over Java arrays, views, other types) goes to ND4J's own factory unchanged, and every fresh
 * buffer it makes is counted ({@link PoolCounters}) and paced ({@link CollectionPacer}).
 *
 * <p>Why a factory wrapper and not a change to every op: an op's result is allocated inside ND4J
 * ({@code a.add(b)} makes its own result array), so the factory is the single point that sees them
 * all, and the ops stay as they are. ND4J keeps the factory in a private static field that it sets
 * once at start-up; the wrapper replaces it by reflection on the CPU backend only (where buffers are
 * host memory the pool can zero and poison). If that fails (another ND4J version, a CUDA backend) the
 * pool stays empty and ND4J allocates as before; the failure is logged once.
 */
final class PooledBufferFactory implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PooledBufferFactory.class);
    private static final String CPU_FACTORY = "org.nd4j.linalg.cpu.nativecpu.buffer.DefaultDataBufferFactory";

    private final DataBufferFactory delegate;
    private final BufferPool pool;
    private final CollectionPacer pacer;

    private PooledBufferFactory(DataBufferFactory delegate, BufferPool pool, CollectionPacer pacer) {
        this.delegate = delegate;
        this.pool = pool;
        this.pacer = pacer;
    }

    /** Puts the wrapper in front of ND4J's factory; returns whether it did. */
    static boolean install(BufferPool pool) {
        DataBufferFactory current = Nd4j.getDataBufferFactory();
        if (Proxy.isProxyClass(current.getClass()) && Proxy.getInvocationHandler(current) instanceof PooledBufferFactory) {
            return true;
        }
        if (!CPU_FACTORY.equals(current.getClass().getName())) {
            LOG.info("buffer pool off: ND4J's buffer factory is {}, not the CPU backend's", current.getClass().getName());
            pool.enabled(false);
            return false;
        }
        DataBufferFactory wrapped = (DataBufferFactory) Proxy.newProxyInstance(PooledBufferFactory.class.getClassLoader(),
                new Class<?>[] {DataBufferFactory.class}, new PooledBufferFactory(current, pool, pool.pacer()));
        try {
            Field f = Nd4j.class.getDeclaredField("DATA_BUFFER_FACTORY_INSTANCE");
            f.setAccessible(true);
            f.set(null, wrapped);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("buffer pool off: cannot wrap ND4J's buffer factory ({})", e.toString());
            pool.enabled(false);
            return false;
        }
    }

    /** Makes ND4J's buffer object of {@code type} and {@code length} elements on a pooled block. */
    @FunctionalInterface
    interface BufferMaker {
        DataBuffer make(Pointer block, DataType type, long length);
    }

    /** The types the pool serves: the ones tensors and their index and mask arrays use. */
    static boolean serves(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE || type == DataType.INT || type == DataType.LONG
                || type == DataType.BOOL;
    }

    /**
     * ND4J's own buffer class of {@code type}, pointing at {@code block}: ND4J treats such a buffer as
     * external memory (it never frees it), and the array made on it is an ordinary dense array.
     */
    static DataBuffer onBlock(DataBufferFactory factory, Pointer block, DataType type, long length) {
        return switch (type) {
            case FLOAT -> typed(factory, type, length, new FloatPointer(block), FloatIndexer::create);
            case DOUBLE -> typed(factory, type, length, new DoublePointer(block), DoubleIndexer::create);
            case INT -> typed(factory, type, length, new IntPointer(block), IntIndexer::create);
            case LONG -> typed(factory, type, length, new LongPointer(block), LongIndexer::create);
            case BOOL -> typed(factory, type, length, new BooleanPointer(block), BooleanIndexer::create);
            default -> throw new IllegalStateException("the pool does not serve " + type);
        };
    }

    /** ND4J's buffer on {@code p}, a typed pointer at the block's address, sized to {@code length} elements. */
    private static <P extends Pointer> DataBuffer typed(DataBufferFactory factory, DataType type, long length, P p,
            Function<P, Indexer> indexer) {
        p.capacity(length).limit(length);
        return factory.create(p, type, length, indexer.apply(p));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (isFreshRequest(method, args)) {
            DataBuffer pooled = pool.take((DataType) args[0], (Long) args[1], (Boolean) args[2],
                    (block, type, length) -> onBlock(delegate, block, type, length));
            if (pooled != null) {
                return pooled;
            }
        }
        Object result;
        try {
            result = method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof DataBuffer b && b.originalDataBuffer() == null && !b.isAttached()) {
            // A buffer of its own (not a view of another): fresh native memory.
            long bytes = BufferPool.bytes(b);
            pool.counters().count(PoolCounters.Event.FRESH, bytes);
            pacer.allocated(bytes);
        }
        return result;
    }

    /** {@code create(type, length, initialize)} or the same with no workspace: a new buffer of its own, pool-sized. */
    private static boolean isFreshRequest(Method method, Object[] args) {
        return "create".equals(method.getName()) && args != null && (args.length == 3 || args.length == 4 && args[3] == null)
                && args[0] instanceof DataType && args[1] instanceof Long && args[2] instanceof Boolean;
    }

    @Override
    public String toString() {
        return "PooledBufferFactory(" + delegate + ")";
    }
}
