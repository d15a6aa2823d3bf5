package org.equivariant4j.backend.nd4j;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.buffer.factory.DataBufferFactory;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where ND4J's allocations meet the {@link BufferPool}: a wrapper around ND4J's
 * buffer factory, through which every array ND4J makes on the Java side gets its memory (op
 * results, {@code dup}, {@code create}). A request for a fresh buffer of a type and length the pool
 * holds gets the pooled one (zeroed if ND4J asked for zeros); everything else goes to ND4J's own
 * factory unchanged, and every fresh buffer is counted ({@link PoolCounters}).
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

    private PooledBufferFactory(DataBufferFactory delegate, BufferPool pool) {
        this.delegate = delegate;
        this.pool = pool;
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
                new Class<?>[] {DataBufferFactory.class}, new PooledBufferFactory(current, pool));
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

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (isFreshRequest(method, args)) {
            DataBuffer pooled = pool.take((DataType) args[0], (Long) args[1], (Boolean) args[2]);
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
            pool.counters().fresh(BufferPool.bytes(b));
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
